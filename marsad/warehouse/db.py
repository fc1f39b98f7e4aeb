"""Opening the warehouse: one writer process per file, schema created or checked.

DuckDB lets one process hold a file (STACK.md): a second one fails at once with an IO
Error naming the holder's PID. `connect` turns that, and a warehouse of a schema this
code does not know, into a `WarehouseError` whose message says what to do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import duckdb

from marsad import __version__
from marsad.warehouse.schema import DDL, SCHEMA_VERSION


class WarehouseError(Exception):
    """A user-facing warehouse problem: the message says what happened and what to do."""


class WarehouseBusy(WarehouseError):
    """Another process holds the warehouse file."""


def _process_name(pid: int) -> str | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return " ".join(raw.replace(b"\0", b" ").decode(errors="replace").split())[:200] or None


def busy_message(path: Path, error: Exception) -> str:
    """What to tell a user when DuckDB cannot lock the file."""
    text = str(error)
    match = re.search(r"PID (\d+)", text)
    if not match:
        return (
            f"{path} is locked by another process ({text.splitlines()[0]}); wait for it to finish and retry"
        )
    pid = int(match.group(1))
    name = _process_name(pid)
    holder = f"process {pid}" + (f" ({name})" if name else "")
    return (
        f"{path} is in use by {holder}: DuckDB allows one process per warehouse file. "
        f"Wait for it to finish (or stop it), then retry; to query meanwhile, copy the file."
    )


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseBusy(busy_message(path, exc)) from None
        raise WarehouseError(f"cannot open {path}: {exc}") from None
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot open {path} as a DuckDB warehouse: {exc}") from None


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = 'main'"
    ).fetchall()
    return {row[0] for row in rows}


def copy_query(con: duckdb.DuckDBPyConnection, query: str, target: Path, options: str) -> None:
    """COPY the result of `query` to `target` with DuckDB's COPY `options`, atomically (a
    temporary file beside it, then a rename)."""
    target = Path(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        con.execute(f"copy ({query}) to '{str(temporary).replace(chr(39), chr(39) * 2)}' ({options})")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def check_schema(con: duckdb.DuckDBPyConnection, path: Path) -> int | None:
    """The warehouse's schema version (None for an empty file); raises when it is not this code's."""
    names = table_names(con)
    if "schema_info" not in names:
        if names:
            raise WarehouseError(
                f"{path} holds tables ({', '.join(sorted(names)[:5])}) but no schema_info: it is not a "
                "Marsad warehouse. Point --db (or MARSAD_DB) at another file."
            )
        return None
    row = con.execute("select max(schema_version) from schema_info").fetchone()
    version = row[0] if row else None
    if version != SCHEMA_VERSION:
        if version is not None and version > SCHEMA_VERSION:
            advice = "it was written by a newer Marsad: upgrade Marsad (git pull; make setup)"
        else:
            advice = "this Marsad cannot migrate it"
        raise WarehouseError(
            f"{path} has warehouse schema version {version}, this Marsad reads version {SCHEMA_VERSION}: "
            f"{advice}, or rebuild it from the sources: move the file away (or use --db NEW_FILE) "
            "and run `marsad run`."
        )
    return version


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """An open warehouse: created with the current schema when new, refused when its schema differs."""
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `marsad run` first (or pass --db)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only)
    try:
        version = check_schema(con, path)
        if version is None and not read_only:
            con.begin()
            con.execute(DDL)
            con.execute(
                "insert into schema_info values (?, ?, ?)",
                [SCHEMA_VERSION, dt.datetime.now(dt.UTC).replace(tzinfo=None), __version__],
            )
            con.commit()
        elif version is None:
            raise WarehouseError(f"{path} is not a Marsad warehouse yet: run `marsad run` first")
    except BaseException:
        con.close()
        raise
    return con


def _arrow_views(frame):
    """A Polars frame as an Arrow table of string views (Polars' own layout, no copy of the
    strings), which DuckDB scans as VARCHAR; anything else as it is.

    Registered as a Polars frame, its strings were copied into Arrow's offset layout when
    scanned: 1M incidents copied into a DuckDB table took 0.51 s CPU and 144k page faults
    that way, 0.25 s and 12k this way (Polars 2.1, DuckDB 2.0; docs/notes/warehouse.md)."""
    to_arrow = getattr(frame, "to_arrow", None)
    if to_arrow is None or type(frame).__module__.partition(".")[0] != "polars":
        return frame
    import polars as pl

    return to_arrow(compat_level=pl.CompatLevel.newest())


@contextlib.contextmanager
def scannable(con: duckdb.DuckDBPyConnection, frame, name: str) -> Iterator[str]:
    """`name` as a relation DuckDB reads `frame` (a Polars frame) under, until the block ends.

    The frame itself, scanned in place through Arrow (pyarrow is a dependency); where
    pyarrow is missing, a temporary view over a Parquet copy in a temporary directory.
    """
    try:
        con.register(name, _arrow_views(frame))
    except ModuleNotFoundError:
        with tempfile.TemporaryDirectory(prefix="marsad-frame-") as tmp:
            path = Path(tmp) / f"{name}.parquet"
            frame.write_parquet(path)
            literal = "'" + str(path).replace("'", "''") + "'"
            con.execute(f"create or replace temp view {name} as select * from read_parquet({literal})")
            try:
                yield name
            finally:
                con.execute(f"drop view if exists temp.main.{name}")
        return
    try:
        yield name
    finally:
        con.unregister(name)
