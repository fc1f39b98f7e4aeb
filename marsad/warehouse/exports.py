"""Exports for analysts: Parquet (zstd) for the published tables, faction_month.csv, manifest.json.

Every file is written under a temporary name in the export directory and renamed over
the old one (os.replace), so a reader never sees a half-written file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from marsad.warehouse.db import WarehouseError, copy_query, table_names
from marsad.warehouse.interchange import write_interchange, write_query_csv
from marsad.warehouse.schema import SCHEMA_VERSION

# export name -> (relation, order): the analyst-facing names of the warehouse.
EXPORTS = {
    "incidents": ("incidents", "event_date nulls last, incident_id"),
    "faction_month": ("faction_month", "month, actor_id, role"),
    "governorate_month": ("governorate_month", "month, governorate"),
    "actor_pair_month": ("actor_pair_month", "month, perpetrator_id, target_id"),
    "actors": ("actors", "actor_id"),
}
CSV_EXPORTS = ("faction_month",)


@dataclass
class ExportResult:
    export_dir: Path
    files: list[Path] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)


# `name` or `name nulls last`: an ascending key, NULLs after every value (DuckDB's default)
_ASCENDING_KEY = re.compile(r"\s*([a-z_][a-z0-9_]*)(?:\s+asc)?(?:\s+nulls\s+last)?\s*", re.IGNORECASE)


def _in_order(con: duckdb.DuckDBPyConnection, relation: str, order: str) -> bool:
    """Whether `relation`'s rows already come in `order` (each row's key at least the one
    before it), read in its stored order: then `select * from relation` is what
    `... order by order` returns, without sorting every row again. The marts are built with
    their export order (sql/marts/*.sql; fct_incidents in the order the clustering step hands
    its rows over), so a build's tables pass; anything else is sorted.

    A scan of one relation, a window with an empty OVER clause and COPY keep the rows'
    order while preserve_insertion_order is on (DuckDB's "order preservation"); the check
    reads the key columns only (0.04 s at 1M incidents, the sort it spares ~0.4 s of CPU).
    Only ascending keys with NULLs last are checked; another order is always sorted."""
    keys = []
    for term in order.split(","):
        match = _ASCENDING_KEY.fullmatch(term)
        if not match:
            return False
        keys.append(match.group(1))
    setting = con.execute("select current_setting('preserve_insertion_order')").fetchall()[0][0]
    null_order = con.execute("select current_setting('default_null_order')").fetchall()[0][0]
    if setting is not True or str(null_order).lower() not in (
        "nulls_last",
        "nulls_last_on_asc_first_on_desc",
    ):
        return False
    # previous <= current, NULLs last, lexicographically over the keys
    condition = "true"
    for k in reversed(range(len(keys))):
        p, c = f"p{k}", f"c{k}"
        before = f"(coalesce({p} < {c}, false) or ({p} is not null and {c} is null))"
        condition = f"({before} or ({p} is not distinct from {c} and {condition}))"
    columns = ", ".join(
        [f"{key} as c{k}, lag({key}) over () as p{k}" for k, key in enumerate(keys)]
        + ["lag(true) over () as r"]
    )
    out_of_order = con.execute(
        f"select count(*) from (select {columns} from {relation}) where r and not {condition}"
    ).fetchall()[0][0]
    return out_of_order == 0


def _write_json(target: Path, data: dict) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


# the extractor versions of the current mentions, as the build found them; a warehouse
# built before that model existed answers from the staging view (the same rows, slower)
VERSIONS = "int_extractor_versions__current"


def extractor_version() -> str:
    """`marsad.extract.EXTRACTOR_VERSION`; the extractor package loads its engine only on
    first use of `extract`, so `marsad export` does not import the engine for one string."""
    import marsad.extract

    return marsad.extract.EXTRACTOR_VERSION


def manifest(con: duckdb.DuckDBPyConnection, row_counts: dict[str, int]) -> dict:
    """What an export holds: schema version, row counts, covered range, undated incidents, versions."""
    first, last, undated = con.execute(
        "select min(event_date), max(event_date), count(*) filter (where event_date is null) from incidents"
    ).fetchone()
    source = VERSIONS if VERSIONS in table_names(con) else "stg_incident_mentions"
    versions = [
        row[0]
        for row in con.execute(f"select distinct extractor_version from {source} order by 1").fetchall()
    ]
    articles = con.execute("select count(*) from stg_articles").fetchone()[0]
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "extractor_version": extractor_version(),
        "extractor_versions_in_data": versions,
        "articles": articles,
        "row_counts": row_counts,
        "covered_range": {
            "first_event_date": first.isoformat() if first else None,
            "last_event_date": last.isoformat() if last else None,
            "first_month": first.replace(day=1).isoformat() if first else None,
            "last_month": last.replace(day=1).isoformat() if last else None,
        },
        "undated_incidents": undated,
        "undated_note": "incidents without event_date are in incidents but left out of the *_month tables",
    }


def export(con: duckdb.DuckDBPyConnection, export_dir: Path) -> ExportResult:
    """Write every export and the manifest into export_dir."""
    missing = [relation for relation, _ in EXPORTS.values() if relation not in table_names(con)]
    if missing:
        raise WarehouseError(
            f"the warehouse has no {', '.join(missing)} yet: run `marsad build` (or `marsad run`) first"
        )
    export_dir = Path(export_dir)
    export_dir.mkdir(parents=True, exist_ok=True)
    result = ExportResult(export_dir)
    row_counts = {}
    for name, (relation, order) in EXPORTS.items():
        query = f"select * from {relation}"
        if not _in_order(con, relation, order):
            query += f" order by {order}"
        target = export_dir / f"{name}.parquet"
        copy_query(con, query, target, "format parquet, compression zstd")
        result.files.append(target)
        row_counts[name] = con.execute(f"select count(*) from {relation}").fetchone()[0]
        if name in CSV_EXPORTS:
            target = export_dir / f"{name}.csv"
            write_query_csv(con, query, target)  # cells starting =+-@ neutralized (interchange.py)
            result.files.append(target)
    interchange = write_interchange(con, export_dir)  # incidents.geojson, incidents_acled.csv
    result.files.extend(interchange.files)
    result.manifest = manifest(con, row_counts)
    result.manifest["interchange"] = interchange.stats
    _write_json(export_dir / "manifest.json", result.manifest)
    result.files.append(export_dir / "manifest.json")
    return result
