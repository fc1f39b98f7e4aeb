"""Interchange exports for GIS and ACLED tools: incidents.geojson, incidents_acled.csv, safe CSV cells.

`incidents.geojson` holds one Point feature per incident with coordinates (RFC 7946,
longitude first) and every column of the `incidents` table as properties.
`incidents_acled.csv` follows ACLED's column names and value conventions so that tools
built for ACLED data read it unchanged; docs/notes/report.md lists which fields are
approximations. Every CSV cell that a spreadsheet would run as a formula is neutralized
(`neutralize_cell`).

Output file names are constants of this module: nothing from article content ever
becomes a path.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import os
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import duckdb

from marsad.warehouse.db import copy_query

GEOJSON_NAME = "incidents.geojson"
ACLED_CSV_NAME = "incidents_acled.csv"

# --------------------------------------------------------------------------------------
# CSV injection (OWASP "CSV Injection"): a cell starting with one of these characters is
# run as a formula by Excel, LibreOffice and Google Sheets. A leading single quote makes
# it text. Real numbers (typed int/float, or text that is exactly a number such as "-3")
# are left alone: a spreadsheet reads them as numbers, which is harmless.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralize_cell(value) -> str:
    """One CSV cell as text, safe to open in a spreadsheet; numbers and dates unchanged."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | decimal.Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        text = "[" + ", ".join(neutralize_cell(v) if not isinstance(v, str) else v for v in value) + "]"
    else:
        text = str(value)
    if text.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_csv_rows(handle, *row_groups: Iterable[list[str]]) -> None:
    """Rows of text cells to an open CSV file, "\n" line ends.

    csv quotes a cell holding the line terminator but not a lone "\r", which readers take
    for a line end: a row with one is written all quoted."""
    plain = csv.writer(handle, lineterminator="\n")
    quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for rows in row_groups:
        for cells in rows:
            (quoted if any("\r" in c for c in cells) else plain).writerow(cells)


def write_csv(target: Path, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Rows to a CSV file (header first, every cell neutralized), atomically (temp + rename)."""
    target = Path(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            write_csv_rows(
                handle,
                [[neutralize_cell(c) for c in columns]],
                # an int is its digits (neutralize_cell's answer, without its checks: most
                # cells of faction_month.csv are counts)
                ([str(v) if type(v) is int else neutralize_cell(v) for v in row] for row in rows),
            )
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


# Column types DuckDB's CSV writer prints as Python's csv module would (digits, ISO dates,
# true/false, text): a result of only these is written by COPY, its text cells neutralized
# in SQL (0.02 s against 0.2 s through Python for faction_month.csv at 1M incidents).
_COPY_TYPES = frozenset(
    {"VARCHAR", "DATE", "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"}
    | {"UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"}
)
# FORMULA_PREFIXES and _PLAIN_NUMBER, in SQL (RE2's \d is ASCII digits only: a number
# written in other digits is neutralized, the safe side)
_SQL_FORMULA_START = "left({c}, 1) in (" + ", ".join(f"chr({ord(p)})" for p in FORMULA_PREFIXES) + ")"
_SQL_PLAIN_NUMBER = "'" + _PLAIN_NUMBER.pattern.replace("'", "''") + "'"


def _sql_name(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _neutralized_sql(column: str) -> str:
    c = _sql_name(column)
    return (
        f"case when {c} = '' then null "  # (COPY quotes an empty text; Python writes nothing)
        f"when {_SQL_FORMULA_START.format(c=c)} and not regexp_full_match({c}, {_SQL_PLAIN_NUMBER}) "
        f"then chr(39) || {c} else {c} end as {c}"
    )


def write_query_csv(con: duckdb.DuckDBPyConnection, query: str, target: Path) -> None:
    """The result of `query` as a neutralized CSV file (the replacement for DuckDB's COPY ... csv)."""
    described = con.execute(f"select * from ({query}) limit 0").description
    columns = [d[0] for d in described]
    types = [str(d[1]) for d in described]
    if not (all(t in _COPY_TYPES for t in types) and len(set(columns)) == len(columns)):
        cursor = con.execute(query)
        write_csv(target, columns, cursor.fetchall())
        return
    select = ", ".join(
        _neutralized_sql(name) if kind == "VARCHAR" else _sql_name(name)
        for name, kind in zip(columns, types, strict=True)
    )
    copy_query(con, f"select {select} from ({query})", target, "format csv, header, delimiter ','")


def _write_text(target: Path, text: str) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _records(con: duckdb.DuckDBPyConnection, query: str) -> list[dict]:
    cursor = con.execute(query)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _json_value(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value


# --------------------------------------------------------------------------------------
# GeoJSON

# Bounding boxes (west, south, east, north) of Iraq, its six neighbours, and of Israel /
# Palestine and Lebanon, where Iraqi factions claimed attacks (spec section 1 keeps those
# in scope). A coordinate outside all of them is a geocoding or lat/lon-swap error.
# Values: Natural Earth country extents, rounded outward to 0.1 degree.
REGION_BBOXES = {
    "Iraq": (38.7, 29.0, 48.7, 37.4),
    "Turkey": (25.6, 35.8, 44.9, 42.2),
    "Iran": (44.0, 25.0, 63.4, 39.8),
    "Syria": (35.7, 32.3, 42.4, 37.4),
    "Jordan": (34.9, 29.1, 39.4, 33.4),
    "Saudi Arabia": (34.5, 16.3, 55.7, 32.2),
    "Kuwait": (46.5, 28.5, 48.5, 30.1),
    "Israel and Palestine": (34.2, 29.4, 35.9, 33.4),
    "Lebanon": (35.1, 33.0, 36.7, 34.7),
}


def in_region(longitude: float, latitude: float) -> bool:
    """Whether a point lies in the bounding box of Iraq or of one of its neighbours."""
    return any(w <= longitude <= e and s <= latitude <= n for w, s, e, n in REGION_BBOXES.values())


def geojson(con: duckdb.DuckDBPyConnection) -> dict:
    """The incidents with coordinates as a GeoJSON FeatureCollection (RFC 7946)."""
    # only the located incidents come to Python; the others are counted in SQL
    total, unlocated = con.execute(
        "select count(*), count(*) filter (where latitude is null or longitude is null) from incidents"
    ).fetchone()
    incidents = _records(
        con,
        "select * from incidents where latitude is not null and longitude is not null "
        "order by event_date nulls last, incident_id",
    )
    features = []
    for incident in incidents:
        latitude, longitude = incident.get("latitude"), incident.get("longitude")
        features.append(
            {
                "type": "Feature",
                "id": incident["incident_id"],
                "geometry": {"type": "Point", "coordinates": [float(longitude), float(latitude)]},
                "properties": {key: _json_value(value) for key, value in incident.items()},
            }
        )
    return {
        "type": "FeatureCollection",
        "name": "marsad_incidents",
        # A foreign member (RFC 7946 section 6.1): what is not in the features, and why.
        "marsad": {
            "incidents": total,
            "features": len(features),
            "incidents_without_coordinates": unlocated,
            "note": "incidents without latitude/longitude are in incidents.parquet, not here",
        },
        "features": features,
    }


def validate_geojson(data: dict) -> list[str]:
    """Problems of a Marsad GeoJSON export (empty when valid): structure, Points, coordinates in the region."""
    problems = []
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        return ["not a FeatureCollection with a features array"]
    for index, feature in enumerate(data["features"]):
        where = f"feature {index} ({feature.get('id')})"
        if feature.get("type") != "Feature" or not isinstance(feature.get("properties"), dict):
            problems.append(f"{where}: not a Feature with properties")
            continue
        geometry = feature.get("geometry") or {}
        coordinates = geometry.get("coordinates")
        if geometry.get("type") != "Point" or not isinstance(coordinates, list) or len(coordinates) != 2:
            problems.append(f"{where}: geometry is not a Point [lon, lat]")
            continue
        longitude, latitude = coordinates
        if not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinates):
            problems.append(f"{where}: coordinates are not numbers")
        elif not in_region(longitude, latitude):
            problems.append(f"{where}: [{longitude}, {latitude}] is outside Iraq and its neighbours")
    return problems


# --------------------------------------------------------------------------------------
# ACLED

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# ACLED codebook: event_type -> its sub_event_types.
ACLED_EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
ACLED_DISORDER_TYPES = (
    "Political violence",
    "Demonstrations",
    "Political violence; Demonstrations",
    "Strategic developments",
)
# ACLED's numeric actor types: 1 State forces, 2 Rebel groups, 3 Political militias,
# 4 Identity militias, 5 Rioters, 6 Protesters, 7 Civilians, 8 External/Other forces.
ACLED_INTER_CODES = range(1, 9)
ACLED_TIME_PRECISION = (1, 2, 3)
ACLED_GEO_PRECISION = (1, 2, 3)

# Marsad date_precision -> ACLED time_precision (1 the day, 2 within a week, 3 a month or more).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

# Marsad actor kind (actors.csv) -> ACLED inter code, then per-actor exceptions.
INTER_BY_KIND = {
    "state": 1,
    "state_force": 1,
    "foreign_force": 1,
    "armed_faction": 3,
    "umbrella": 3,
    "generic": 3,
    "unknown": 3,  # ACLED codes "Unidentified Armed Group (<country>)" as a political militia
    "civilians": 7,
}
INTER_BY_ACTOR = {
    "isis": 2,  # rebel groups: they aim to overthrow the state
    "pkk": 2,
    "coalition": 8,  # a multinational force: external/other
    "protesters": 6,
}
# ACLED's generic actors carry the country in parentheses.
GENERIC_ACLED_NAMES = {
    "unknown": "Unidentified Armed Group ({country})",
    "civilians": "Civilians ({country})",
    "protesters": "Protesters ({country})",
}
CIVILIAN_TARGETS = {"civilians", "protesters", "political_parties"}

# Country -> (ISO 3166-1 numeric, alpha-3, ACLED region).
COUNTRIES = {
    "Iraq": (368, "IRQ", "Middle East"),
    "Syria": (760, "SYR", "Middle East"),
    "Jordan": (400, "JOR", "Middle East"),
    "Iran": (364, "IRN", "Middle East"),
    "Turkey": (792, "TUR", "Middle East"),
    "Kuwait": (414, "KWT", "Middle East"),
    "Saudi Arabia": (682, "SAU", "Middle East"),
    "Israel": (376, "ISR", "Middle East"),
    "Palestine": (275, "PSE", "Middle East"),
    "Lebanon": (422, "LBN", "Middle East"),
    "Bahrain": (48, "BHR", "Middle East"),
    "Qatar": (634, "QAT", "Middle East"),
    "United Arab Emirates": (784, "ARE", "Middle East"),
    "Oman": (512, "OMN", "Middle East"),
    "Yemen": (887, "YEM", "Middle East"),
    "Egypt": (818, "EGY", "Northern Africa"),
    "United States": (840, "USA", "North America"),
}
# Gazetteer place kinds -> ACLED geo_precision (1 the place itself, 2 part of a region or
# near a town, 3 a province or larger area).
GEO_PRECISION_BY_KIND = {
    "city": 1,
    "base": 1,
    "airport": 1,
    "landmark": 1,
    "crossing": 1,
    "district": 2,
    "governorate": 3,
    "country": 3,
    "region": 3,
}


def disorder_type(event_type: str, sub_event_type: str | None) -> str:
    """ACLED's disorder_type of an event type."""
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type == "Protests":
        if sub_event_type == "Excessive force against protesters":
            return "Political violence; Demonstrations"
        return "Demonstrations"
    if event_type == "Riots" and sub_event_type == "Violent demonstration":
        return "Demonstrations"
    return "Political violence"


def interaction(inter1: int, inter2: int | None) -> int:
    """ACLED's two-digit interaction code: both inter codes, smaller first; a sole actor is inter1 * 10."""
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _domains(urls: Sequence[str] | None) -> str:
    seen = []
    for url in urls or []:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        if host and host not in seen:
            seen.append(host)
    return "; ".join(seen)


def _range_text(low, best, high) -> str:
    if best is None:
        return "unknown"
    if low == best == high:
        return str(best)
    return f"{best} (low {low if low is not None else '?'}, high {high if high is not None else 'open'})"


def _acled_actor(
    actors: dict[str, dict], actor_id: str | None, first: bool, event_type: str, country: str
) -> tuple[str, str, int | None]:
    """(actor name, associated actor, inter code) of one side of an event, ACLED-style."""
    if actor_id is None:
        return "", "", None
    actor = actors.get(actor_id, {})
    kind = actor.get("kind") or "unknown"
    name = GENERIC_ACLED_NAMES.get(actor_id, "").format(country=country) or actor.get("name_en") or actor_id
    inter = INTER_BY_ACTOR.get(actor_id, INTER_BY_KIND.get(kind, 3))
    if first and event_type == "Riots" and actor_id in ("protesters", "civilians", "unknown"):
        name, inter = f"Rioters ({country})", 5
    return name, actor.get("umbrella_name_en") or "", inter


# Why `acled_rows` leaves an incident out: (reason, SQL condition), the first that holds.
# Parameters: the ACLED (event_type, sub_event_type) pairs joined by chr(31), a character
# none of them holds, then the known countries. Each condition is true or false, never NULL.
_ACLED_SKIP_RULES = (
    ("no event_date", "event_date is null"),
    (
        "no ACLED event type",
        "not coalesce(list_contains($1, event_type || chr(31) || sub_event_type), false)",
    ),
    ("no coordinates", "latitude is null or longitude is null"),
    (
        "country unknown",
        "not coalesce(list_contains($2, case when country <> '' then country "
        "when governorate <> '' then 'Iraq' end), false)",
    ),
)


def _acled_skip_reason_sql() -> str:
    """SQL for why `acled_rows` leaves an incident out (NULL: written). Parameters: the
    ACLED (event_type, sub_event_type) pairs joined by chr(31), a character none of them
    holds, then the known countries.

    The rules, in order: an event date; an ACLED event type and sub-event type; both
    coordinates; a known country (the country, else Iraq when a governorate is given;
    empty strings count as not given)."""
    return "case " + " ".join(f"when {rule} then '{why}'" for why, rule in _ACLED_SKIP_RULES) + " end"


def _acled_written_sql() -> str:
    """SQL true exactly where `_acled_skip_reason_sql()` is NULL (no rule holds), as a
    conjunction DuckDB can push into the scan: at 1M incidents without coordinates, the
    rows written were found in 0.01 s instead of 0.12 s of CPU (every reason computed)."""
    return " and ".join(f"not ({rule})" for _, rule in _ACLED_SKIP_RULES)


@dataclass
class AcledResult:
    rows: list[list] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)


def acled_rows(con: duckdb.DuckDBPyConnection, timestamp: int | None = None) -> AcledResult:
    """The incidents as ACLED rows; incidents ACLED cannot hold (no date, type, place) are counted, not written."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    actors = {row["actor_id"]: row for row in _records(con, "select * from actors")}
    place_kinds = {
        (row["name_en"], row["country"]): row["kind"]
        for row in _records(con, "select name_en, country, kind from places where name_en is not null")
    }
    result = AcledResult()
    # Why an incident is left out, the first rule it fails in this order, in SQL: only the
    # incidents written come to Python. Reasons are counted in the order they first occur
    # in `order`: a reason's first incident is its least (event_date, incident_id) among
    # the dated ones, else its least incident_id (undated incidents come last), so the
    # reasons sort on those two minima, without numbering (sorting) every incident.
    order = "event_date nulls last, incident_id"
    reason = _acled_skip_reason_sql()
    pairs = [f"{event_type}\x1f{sub}" for event_type, subs in ACLED_EVENT_TYPES.items() for sub in subs]
    params = [pairs, list(COUNTRIES)]
    for why, count in con.execute(
        f"select reason, count(*) from (select {reason} as reason, event_date, incident_id from incidents) "
        "where reason is not null group by reason "
        "order by min({'event_date': event_date, 'incident_id': incident_id}) "
        "filter (where event_date is not null) nulls last, "
        "min(incident_id) filter (where event_date is null)",
        params,
    ).fetchall():
        result.skipped[why] = count
    cursor = con.execute(f"select * from incidents where {_acled_written_sql()} order by {order}", params)
    names = [d[0] for d in cursor.description]
    incidents = (dict(zip(names, row, strict=True)) for row in cursor.fetchall())

    for incident in incidents:
        event_type, sub_event_type = incident["event_type"], incident["sub_event_type"]
        country = incident["country"] or ("Iraq" if incident["governorate"] else None)
        iso, alpha3, region = COUNTRIES[country]

        actor1, assoc1, inter1 = _acled_actor(
            actors, incident["perpetrator_id"] or "unknown", True, event_type, country
        )
        actor2, assoc2, inter2 = _acled_actor(actors, incident["target_id"], False, event_type, country)
        location = incident["location"] or ""
        kind = place_kinds.get((location, country))
        if location in (country, incident["governorate"]) or not location:
            geo_precision = 3
        else:
            geo_precision = GEO_PRECISION_BY_KIND.get(kind, 2)
        date = incident["event_date"]
        killed = _range_text(incident["killed_low"], incident["killed_best"], incident["killed_high"])
        wounded = _range_text(incident["wounded_low"], incident["wounded_best"], incident["wounded_high"])
        place = ", ".join(p for p in (location, incident["governorate"], country) if p)
        target = f" against {actor2}" if actor2 else ""
        notes = (
            f"On {date.day} {date:%B %Y}, {actor1}: {sub_event_type.lower()}{target} at {place}. "
            f"Killed: {killed}; wounded: {wounded}. "
            f"[Marsad {incident['incident_id']}, confidence {incident['confidence'] or 0:.2f}; "
            f"Arabic source sentence: {(incident['evidence'] or '').strip()}]"
        )
        tags = []
        if incident["killed_best"] is None:
            tags.append("fatalities unknown (coded 0)")
        elif not incident["killed_low"] == incident["killed_best"] == incident["killed_high"]:
            tags.append(f"fatalities range {incident['killed_low']}-{incident['killed_high'] or 'open'}")
        result.rows.append(
            [
                f"{alpha3}{incident['incident_id'].removeprefix('inc_')}",
                date.isoformat(),
                date.year,
                TIME_PRECISION.get(incident["date_precision"], 3),
                disorder_type(event_type, sub_event_type),
                event_type,
                sub_event_type,
                actor1,
                assoc1,
                inter1,
                actor2,
                assoc2,
                inter2,
                interaction(inter1, inter2),
                "Civilian targeting" if incident["target_id"] in CIVILIAN_TARGETS else "",
                iso,
                region,
                country,
                incident["governorate"] or "",
                "",
                "",
                location,
                round(float(incident["latitude"]), 4),
                round(float(incident["longitude"]), 4),
                geo_precision,
                _domains(incident["source_urls"]),
                "",
                notes,
                incident["killed_best"] or 0,
                "; ".join(tags),
                timestamp,
            ]
        )
    return result


@dataclass
class InterchangeResult:
    files: list[Path] = field(default_factory=list)
    stats: dict = field(default_factory=dict)


def write_interchange(con: duckdb.DuckDBPyConnection, export_dir: Path) -> InterchangeResult:
    """Write incidents.geojson and incidents_acled.csv into export_dir; return the files and counts."""
    export_dir = Path(export_dir)
    result = InterchangeResult()
    collection = geojson(con)
    target = export_dir / GEOJSON_NAME
    _write_text(target, json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n")
    result.files.append(target)
    acled = acled_rows(con)
    target = export_dir / ACLED_CSV_NAME
    write_csv(target, ACLED_COLUMNS, acled.rows)
    result.files.append(target)
    result.stats = {
        GEOJSON_NAME: {
            "features": collection["marsad"]["features"],
            "incidents_without_coordinates": collection["marsad"]["incidents_without_coordinates"],
        },
        ACLED_CSV_NAME: {"rows": len(acled.rows), "incidents_left_out": acled.skipped},
    }
    return result
