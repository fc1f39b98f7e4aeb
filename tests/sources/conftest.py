"""Source test fixtures: a real news server on 127.0.0.1, configs with scaled-down timings."""

from __future__ import annotations

import textwrap

import pytest
from newsserver import NewsServer

from marsad import settings

# The shared client, scaled down for tests: ~1 s timeouts, millisecond backoff, no
# politeness delay, a 100 kB body cap (the huge fixtures are 300 kB).
FAST_HTTP = """\
http:
  connect_timeout: 1
  read_timeout: 0.5
  retries: 2
  backoff: 0.01
  backoff_max: 0.05
  min_interval: 0
  max_bytes: 100000
"""


@pytest.fixture
def fast_http() -> str:
    """FAST_HTTP for tests that add a key to it (a fixture: `conftest` is not importable by
    name when several test folders are collected together)."""
    return FAST_HTTP


@pytest.fixture
def server():
    with NewsServer() as running:
        yield running


@pytest.fixture(autouse=True)
def fast_gdelt(monkeypatch):
    """GDELT's 5-second rule, scaled to 0.2 s (one test checks the spacing)."""
    monkeypatch.setattr(settings, "GDELT_MIN_INTERVAL", 0.2)


@pytest.fixture
def write_config(tmp_path, server):
    """Write a sources.yaml whose `{BASE}` is the test server; returns its path."""

    def write(sources: str, http: str = FAST_HTTP, name: str = "sources.yaml"):
        path = tmp_path / name
        body = "sources:\n" + textwrap.indent(textwrap.dedent(sources).strip("\n"), "  ") + "\n" + http
        path.write_text(body.replace("{BASE}", server.base), encoding="utf-8")
        return path

    return write


@pytest.fixture
def db(tmp_path):
    return tmp_path / "w.duckdb"
