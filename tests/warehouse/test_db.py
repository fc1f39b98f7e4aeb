"""Opening the warehouse: created when new, refused when its schema is unknown, busy when locked."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest

from marsad.warehouse import SCHEMA_VERSION, WarehouseBusy, WarehouseError, connect


def test_new_warehouse_gets_raw_tables_and_schema_version(db_path):
    con = connect(db_path)
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    assert {"articles", "extractions", "incident_mentions", "schema_info"} <= tables
    assert con.execute("select schema_version from schema_info").fetchall() == [(SCHEMA_VERSION,)]
    con.close()
    # opening again adds nothing
    con = connect(db_path)
    assert con.execute("select count(*) from schema_info").fetchone()[0] == 1
    con.close()


@pytest.mark.parametrize("version, advice", [(SCHEMA_VERSION + 1, "upgrade Marsad"), (0, "cannot migrate")])
def test_unknown_schema_version_is_refused_with_advice(db_path, version, advice):
    connect(db_path).close()
    raw = duckdb.connect(str(db_path))
    raw.execute("update schema_info set schema_version = ?", [version])
    raw.close()
    with pytest.raises(WarehouseError) as refused:
        connect(db_path)
    message = str(refused.value)
    assert f"schema version {version}" in message
    assert advice in message
    assert "--db" in message
    with pytest.raises(WarehouseError):
        connect(db_path, read_only=True)


def test_foreign_duckdb_file_is_refused(db_path):
    raw = duckdb.connect(str(db_path))
    raw.execute("create table mine (x int)")
    raw.close()
    with pytest.raises(WarehouseError, match="not a Marsad warehouse"):
        connect(db_path)


def test_read_only_on_missing_file_says_run_first(tmp_path):
    with pytest.raises(WarehouseError, match="marsad run"):
        connect(tmp_path / "absent.duckdb", read_only=True)


def test_locked_file_names_the_holder(db_path):
    connect(db_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(db_path)!r})
            print("locked", flush=True)
            sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        for read_only in (False, True):
            with pytest.raises(WarehouseBusy) as busy:
                connect(db_path, read_only=read_only)
            message = str(busy.value)
            assert f"process {holder.pid}" in message
            assert "one process" in message
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
