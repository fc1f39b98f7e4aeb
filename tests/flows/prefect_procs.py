"""Starting real Prefect processes (server, workers, runs) in tests: each in its own
process group on loopback, always stopped with everything it started."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(command: list[str], env: dict, log: Path, **kwargs) -> subprocess.Popen:
    """A process in its own process group (so it and its children can be stopped together)."""
    handle = open(log, "ab")  # noqa: SIM115 - closed with the process by stop()
    process = subprocess.Popen(
        command,
        env=env,
        cwd=kwargs.pop("cwd", REPO),
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        **kwargs,
    )
    process.log_handle = handle  # type: ignore[attr-defined]
    process.log_path = log  # type: ignore[attr-defined]
    return process


def stop(process: subprocess.Popen, grace: float = 10.0) -> None:
    """Stop a process started by start() and everything in its process group."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    handle = getattr(process, "log_handle", None)
    if handle:
        handle.close()


def wait_for(condition, timeout: float, what: str, interval: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def descendants(pid: int) -> list[int]:
    """Every process below pid (Linux /proc), to clean up what a supervisor started."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                children = Path(f"/proc/{current}/task/{task}/children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                out.append(child)
                todo.append(child)
    return out


def parent_of(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("PPid:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def stop_tree(process: subprocess.Popen, grace: float = 45.0) -> None:
    """stop() a supervisor (marsad server/worker), then anything it left behind."""
    below = descendants(process.pid)
    stop(process, grace)
    for pid in below:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
