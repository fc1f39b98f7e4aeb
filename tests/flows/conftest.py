"""Flow tests: a temporary Prefect API (prefect_test_harness), once per session."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "samples" / "corpus" / "articles.jsonl"


@pytest.fixture(scope="module")
def prefect_api():
    """A temporary Prefect API for the module that asks for it (~18 s; STACK.md), no
    heartbeat wait at the end of each flow, task results stored apart from any other
    session. Torn down (its log and event workers drained) when the module is done."""
    from prefect.settings import (
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        PREFECT_LOCAL_STORAGE_PATH,
        temporary_settings,
    )
    from prefect.testing.utilities import prefect_test_harness

    storage = tempfile.mkdtemp(prefix="marsad-prefect-storage-")
    with prefect_test_harness(server_startup_timeout=120):
        with temporary_settings(
            {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None, PREFECT_LOCAL_STORAGE_PATH: storage}
        ):
            yield


def warehouse_state(db: Path) -> dict:
    """What a warehouse holds: row counts, duplicates, and the incident ids."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("select count(*) from articles"),
            "article_ids": one("select count(distinct article_id) from articles"),
            "extractions": one("select count(*) from extractions"),
            "mentions": one("select count(*) from incident_mentions"),
            "mention_ids": one(
                "select count(distinct (mention_id, extractor_version)) from incident_mentions"
            ),
            "incidents": sorted(
                r[0] for r in con.execute("select incident_id from fct_incidents").fetchall()
            ),
        }
    finally:
        con.close()


@pytest.fixture(scope="session")
def reference(tmp_path_factory) -> dict:
    """The bundled corpus run by the engine alone (no Prefect): what every flow must store."""
    from marsad import pipeline

    root = tmp_path_factory.mktemp("reference")
    pipeline.run(root / "w.duckdb", root / "export")
    return {**warehouse_state(root / "w.duckdb"), "db": root / "w.duckdb"}
