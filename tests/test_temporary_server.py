"""`marsad run`'s temporary Prefect API (orchestrate.TemporaryServer): a real server process
that answers, stops, dies with its parent, and fails with a one-line error."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from marsad.orchestrate import OrchestrationError, TemporaryServer

REPO = Path(__file__).resolve().parents[1]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped) is not a running server
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        return fh.read().rsplit(")", 1)[1].split()[0] != "Z"


def test_starts_answers_and_stops(tmp_path):
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    os.makedirs(env["PREFECT_HOME"])
    server = TemporaryServer(env).start()
    try:
        server.wait(120)
        with urllib.request.urlopen(f"{server.api_url}/health", timeout=5) as response:
            assert response.status == 200
        with urllib.request.urlopen(f"{server.api_url}/admin/version", timeout=5) as response:
            assert json.loads(response.read())  # the Prefect API itself, not just a socket
        pid = server.process.pid
    finally:
        server.stop()
    assert not _alive(pid)
    assert (tmp_path / "prefect" / "prefect.db").exists()  # its database under PREFECT_HOME
    server.stop()  # twice is harmless


class _Exits(TemporaryServer):
    def command(self) -> list[str]:
        return [sys.executable, "-c", "import sys; print('no database here', file=sys.stderr); sys.exit(2)"]


def test_a_server_that_exits_gives_one_line_error_with_its_stderr():
    server = _Exits().start()
    with pytest.raises(OrchestrationError) as err:
        server.wait(30)
    assert "exited with code 2" in str(err.value)
    assert "no database here" in str(err.value)


class _Silent(TemporaryServer):
    def command(self) -> list[str]:
        return [sys.executable, "-c", "import time; time.sleep(60)"]


def test_a_server_that_never_answers_times_out_and_is_stopped():
    server = _Silent().start()
    process = server.process
    with pytest.raises(OrchestrationError) as err:
        server.wait(1.0)
    assert "not healthy after" in str(err.value)
    process.wait(timeout=10)  # stopped, not left behind


PARENT = """
import sys, time
sys.path.insert(0, {repo!r})
from marsad.orchestrate import TemporaryServer
class Sleeper(TemporaryServer):
    def command(self):
        return [sys.executable, "-c", "import time; time.sleep(120)"]
s = Sleeper().start()
print(s.process.pid, flush=True)
time.sleep(120)
"""


def test_the_server_dies_with_its_parent(tmp_path):
    """A `marsad run` killed outright (SIGKILL: no atexit) leaves no server behind."""
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT.format(repo=str(REPO))], stdout=subprocess.PIPE, text=True
    )
    child = int(parent.stdout.readline())
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)
