"""Shared test settings: offline, quiet Prefect; paths to the repo and ../shared."""

from __future__ import annotations

import os
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
