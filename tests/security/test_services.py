"""`marsad server` binds to loopback and says so; its start-up lines show no secret."""

from __future__ import annotations

import argparse

import pytest

from marsad import orchestrate


@pytest.fixture
def started(monkeypatch, tmp_path):
    """cmd_server with the Prefect process replaced by a recorder: (command, env) it would run."""
    seen = {}

    def supervise(command, env, *args, **kwargs):
        seen["command"], seen["env"] = command, env
        return 0

    monkeypatch.setattr(orchestrate, "supervise", supervise)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    monkeypatch.delenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", raising=False)
    return seen


def test_server_binds_to_loopback_and_says_so(started, capsys):
    assert orchestrate.cmd_server(argparse.Namespace(port=4999)) == 0
    command = started["command"]
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert "0.0.0.0" not in command
    assert "http://127.0.0.1:4999" in capsys.readouterr().out


def test_server_startup_shows_no_database_password(started, capsys, monkeypatch):
    secret = "CANARY-db-password-91c2"
    monkeypatch.setenv(
        "PREFECT_SERVER_DATABASE_CONNECTION_URL", f"postgresql+asyncpg://marsad:{secret}@db:5432/prefect"
    )
    assert orchestrate.cmd_server(argparse.Namespace(port=4999)) == 0
    out = capsys.readouterr()
    assert secret not in out.out and secret not in out.err


def test_server_on_another_address_only_when_asked_and_warns(started, capsys):
    assert orchestrate.cmd_server(argparse.Namespace(port=4999, host="0.0.0.0")) == 0
    command = started["command"]
    assert command[command.index("--host") + 1] == "0.0.0.0"
    assert "reachable from other machines" in capsys.readouterr().out


def test_server_says_it_listens_on_loopback_only(started, capsys):
    assert orchestrate.cmd_server(argparse.Namespace(port=4999)) == 0
    assert "listening on 127.0.0.1 only" in capsys.readouterr().out
