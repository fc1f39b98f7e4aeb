"""What the fetch stage remembers in the warehouse: fetch_log, source_cursors, known URLs.

Read once before fetching (`load_state`), written once after (`write_fetch_log`,
`save_cursors`), each in one short connection: DuckDB allows one writing process per
file and the fetch threads never touch the database.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from marsad.sources.http import FetchRecord, Validator
from marsad.warehouse import connect
from marsad.warehouse.schema import FETCH_DDL


@dataclass
class FetchState:
    """The warehouse's memory of earlier fetches."""

    validators: dict[str, Validator] = field(default_factory=dict)  # url -> last ETag/Last-Modified
    known_urls: set[str] = field(default_factory=set)  # urls and canonical urls in articles
    known_bodies: dict[str, str] = field(default_factory=dict)  # body sha256 -> article url
    cursors: dict[str, dict] = field(default_factory=dict)  # source name -> cursor


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(FETCH_DDL)


def load_state(db: Path | None) -> FetchState:
    """The fetch state of a warehouse; empty when there is none yet."""
    state = FetchState()
    if db is None or not Path(db).exists():
        return state
    con = connect(db)
    try:
        ensure_tables(con)
        rows = con.execute(
            """
            select url, etag, last_modified, body_sha256
            from fetch_log
            where status in (200, 304) and body_sha256 is not null
              and (etag is not null or last_modified is not null)
            qualify row_number() over (partition by url order by started_at desc) = 1
            """
        ).fetchall()
        state.validators = {url: Validator(etag, modified, sha) for url, etag, modified, sha in rows}
        for url, canonical in con.execute("select url, canonical_url from articles").fetchall():
            state.known_urls.add(url)
            if canonical:
                state.known_urls.add(canonical)
        rows = con.execute(
            """
            select fetch_log.body_sha256, any_value(articles.url)
            from fetch_log join articles on articles.url = fetch_log.url
            where fetch_log.body_sha256 is not null
            group by 1
            """
        ).fetchall()
        state.known_bodies = dict(rows)
        for name, cursor in con.execute("select source_name, cursor from source_cursors").fetchall():
            try:
                state.cursors[name] = json.loads(cursor)
            except ValueError:
                state.cursors[name] = {}
    finally:
        con.close()
    return state


FETCH_LOG_COLUMNS = tuple(FetchRecord.__dataclass_fields__)


def write_fetch_log(db: Path, records: Iterable[FetchRecord]) -> int:
    """Append fetch records to fetch_log (one transaction); returns how many."""
    rows = [tuple(asdict(record)[name] for name in FETCH_LOG_COLUMNS) for record in records]
    if not rows:
        return 0
    con = connect(db)
    try:
        ensure_tables(con)
        con.begin()
        con.executemany(
            f"insert into fetch_log ({', '.join(FETCH_LOG_COLUMNS)}) "
            f"values ({', '.join('?' for _ in FETCH_LOG_COLUMNS)})",
            rows,
        )
        con.commit()
    finally:
        con.close()
    return len(rows)


def save_cursors(db: Path, cursors: dict[str, tuple[str, dict]]) -> None:
    """Store each source's cursor: {name: (kind, cursor)}."""
    if not cursors:
        return
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con = connect(db)
    try:
        ensure_tables(con)
        con.begin()
        for name, (kind, cursor) in cursors.items():
            con.execute(
                """
                insert into source_cursors values (?, ?, ?, ?)
                on conflict (source_name) do update set
                    kind = excluded.kind, cursor = excluded.cursor, updated_at = excluded.updated_at
                """,
                [name, kind, json.dumps(cursor, ensure_ascii=False, sort_keys=True), now],
            )
        con.commit()
    finally:
        con.close()
