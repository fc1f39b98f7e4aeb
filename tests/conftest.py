"""Shared test settings: offline, quiet Prefect; paths to the repo and ../shared."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Prefect: no telemetry, no outbound connections, generous start-up for a cold PREFECT_HOME.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
# Prefect state of this test session only (never ~/.prefect or the checkout's data/prefect);
# `marsad run` in tests goes through the marsad-pipeline flow.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="marsad-test-prefect-"))


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason (a user's clone lacks it)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared/ (the eval corpus and spec) ships with CI, not with clones")
    return path


def pytest_sessionfinish(session, exitstatus):
    """Stop the temporary Prefect server a test started in this process (an in-process
    `marsad run` with no API) while the console is still open: left to Prefect's atexit hook,
    its "Stopping temporary server" line is logged after pytest has closed the stream, and the
    run ends on a logging traceback ("I/O operation on closed file")."""
    if "prefect.server.api.server" not in sys.modules:
        return
    import logging

    from prefect.server.api.server import SubprocessASGIServer

    logger = logging.getLogger("prefect")
    level = logger.level
    logger.setLevel(logging.WARNING)  # (the stop's INFO line says nothing a test run needs)
    try:
        for server in list(SubprocessASGIServer._instances.values()):
            server.stop()
    finally:
        logger.setLevel(level)


def pytest_runtest_setup(item):
    """Before a Hypothesis test: stop the Prefect background services that earlier tests left
    running in this process (`marsad run` goes through an in-process flow on an ephemeral
    server). Their websocket keepalive pings draw from the global `random` module on
    Prefect's event-loop thread, and a ping during a draw makes Hypothesis warn that the
    strategy used `random` (HypothesisDeprecationWarning; traced to websockets'
    `ping()` in tests/warehouse/test_cluster_properties.py)."""
    if "prefect" in sys.modules and getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
        stop_prefect_background()


def stop_prefect_background() -> None:
    """Drain Prefect's log and event workers and stop its run waiters (each starts again on
    its next use)."""
    from prefect._internal.waiters import FlowRunWaiter
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.task_runs import TaskRunWaiter
    from prefect.utilities.asyncutils import run_coro_as_sync

    for waiter in (TaskRunWaiter, FlowRunWaiter):
        if waiter._instance is not None:
            waiter._instance.stop()

    async def drain() -> None:
        for worker in (APILogWorker, EventsWorker):
            try:
                done = worker.drain_all()
                if done is not None and hasattr(done, "__await__"):
                    await done
            except RuntimeError:  # never started
                pass

    run_coro_as_sync(drain())
