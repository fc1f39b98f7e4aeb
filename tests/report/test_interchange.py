"""incidents.geojson and incidents_acled.csv as their readers see them; CSV cells neutralized."""

from __future__ import annotations

import csv
import datetime as dt
import json

import polars as pl
import pytest
from report_kit import INCIDENTS

from marsad.warehouse import connect, export
from marsad.warehouse.interchange import (
    ACLED_COLUMNS,
    interaction,
    neutralize_cell,
    validate_geojson,
    write_csv,
    write_query_csv,
)

# ======================================================================================
# CSV injection: = + - @ tab CR neutralized, numbers unchanged

NEUTRALIZE = [
    ("=1+2", "'=1+2"),
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("- a list item", "'- a list item"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("-3", "-3"),
    ("+4", "+4"),
    ("-3.5e2", "-3.5e2"),
    ("Kata'ib Hezbollah", "Kata'ib Hezbollah"),
    ("قصف =", "قصف ="),
    (-3, "-3"),
    (-44.25, "-44.25"),
    (0, "0"),
    (None, ""),
    (True, "true"),
    (dt.date(2024, 1, 4), "2024-01-04"),
]


@pytest.mark.parametrize(("value", "expected"), NEUTRALIZE)
def test_neutralize_cell_quotes_formulas_keeps_numbers(value, expected):
    assert neutralize_cell(value) == expected


def test_write_csv_round_trips_neutralized_cells(tmp_path):
    target = tmp_path / "x.csv"
    write_csv(target, ["a", "b"], [["=evil()", -5], ["ok", 1.5]])
    with target.open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == [["a", "b"], ["'=evil()", "-5"], ["ok", "1.5"]]
    assert not list(tmp_path.glob(".*tmp"))


def test_write_query_csv_by_copy_neutralizes_as_the_python_writer_does(tmp_path):
    # a result of text, integers, dates and booleans is written by DuckDB's COPY with its
    # text neutralized in SQL; a DECIMAL column sends the same rows through Python
    import duckdb

    texts = [v for v, _ in NEUTRALIZE if isinstance(v, str)] + ["", 'a,"b"\nc', "#tag", "مرحبا، عالم"]
    con = duckdb.connect()
    con.execute("create table t (k integer, s varchar, d date, b boolean, n integer)")
    for k, text in enumerate(texts):
        con.execute(
            "insert into t values (?, ?, date '2024-01-01' + ?, ?, ?)", [k, text, k, k % 2 == 0, -k or None]
        )
    con.execute("insert into t values (99, null, null, null, null)")
    written = {}
    for name, extra in (("copy", ""), ("python", ", 1.5::decimal(4, 1) as x")):
        target = tmp_path / f"{name}.csv"
        write_query_csv(con, f"select k, s, d, b, n{extra} from t order by k", target)
        with target.open(encoding="utf-8", newline="") as handle:
            written[name] = [row[:5] for row in csv.reader(handle)]
    assert written["copy"] == written["python"]
    cells = {row[1] for row in written["copy"][1:]}
    assert {"'=1+2", "'- a list item", "'\tx", "-3", "+4", "-3.5e2", "قصف ="} <= cells
    assert not list(tmp_path.glob(".*tmp"))


@pytest.fixture(scope="module")
def exported(warehouse, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    con = connect(warehouse, read_only=True)
    try:
        result = export(con, out)
    finally:
        con.close()
    return out, result


def test_export_writes_interchange_files_and_counts_them_in_the_manifest(exported):
    out, result = exported
    names = {path.name for path in result.files}
    assert {"incidents.geojson", "incidents_acled.csv", "faction_month.csv"} <= names
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    stats = manifest["interchange"]
    assert stats["incidents.geojson"] == {"features": 12, "incidents_without_coordinates": 1}
    assert stats["incidents_acled.csv"]["incidents_left_out"] == {"no event_date": 1, "no ACLED event type": 1,
                                                                  "no coordinates": 1}  # fmt: skip


def test_faction_month_csv_numbers_unchanged(exported):
    out, _ = exported
    frame = pl.read_csv(out / "faction_month.csv", try_parse_dates=True)
    parquet = pl.read_parquet(out / "faction_month.parquet")
    assert frame.columns == parquet.columns
    assert frame.equals(parquet.select(frame.columns).cast(frame.schema))


# ======================================================================================
# GeoJSON


def test_geojson_validates_every_feature_a_point_in_the_region(exported):
    out, _ = exported
    data = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    assert validate_geojson(data) == []
    assert data["type"] == "FeatureCollection"
    assert {f["geometry"]["type"] for f in data["features"]} == {"Point"}
    located = [row for row in INCIDENTS if row["latitude"] is not None]
    assert len(data["features"]) == len(located)
    feature = next(f for f in data["features"] if f["properties"]["location"] == "Camp Taji")
    assert feature["geometry"]["coordinates"] == [44.26, 33.53]  # longitude first (RFC 7946)
    columns = {"incident_id", "event_date", "date_precision", "country", "governorate", "location", "latitude",
               "longitude", "event_type", "sub_event_type", "weapon", "perpetrator_id", "target_id", "claimed",
               "killed_low", "killed_best", "killed_high", "wounded_low", "wounded_best", "wounded_high",
               "source_urls", "source_count", "evidence", "confidence"}  # fmt: skip
    assert columns <= set(feature["properties"])
    assert feature["properties"]["event_date"] == "2024-02-02"
    assert feature["properties"]["killed_high"] is None


@pytest.mark.parametrize(
    ("coordinates", "ok"),
    [
        ([44.4, 33.3], True),
        ([33.3, 44.4], False),
        ([0, 0], False),
        ([35.5, 33.9], True),
        ([-77.0, 38.9], False),
    ],
)
def test_validate_geojson_rejects_points_outside_iraq_and_neighbours(coordinates, ok):
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": coordinates}}
        ],
    }
    assert (validate_geojson(collection) == []) is ok


def test_validate_geojson_rejects_non_points():
    collection = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": None}],
    }
    assert validate_geojson(collection)


# ======================================================================================
# ACLED: an independent reader with ACLED's column set and allowed values (ACLED codebook)

ACLED_CODEBOOK = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}  # fmt: skip
ACLED_HEADER = ("event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
                "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region "
                "country admin1 admin2 admin3 location latitude longitude geo_precision source source_scale notes "
                "fatalities tags timestamp").split()  # fmt: skip
DISORDER = {
    "Political violence",
    "Demonstrations",
    "Political violence; Demonstrations",
    "Strategic developments",
}


def read_acled(path) -> list[dict]:
    """Read an ACLED-format CSV as an ACLED tool would, failing on anything outside ACLED's conventions."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ACLED_HEADER
        rows = list(reader)
    for row in rows:
        assert row["event_id_cnty"][:3].isalpha() and row["event_id_cnty"][:3].isupper()
        date = dt.date.fromisoformat(row["event_date"])
        assert int(row["year"]) == date.year
        assert int(row["time_precision"]) in (1, 2, 3)
        assert row["disorder_type"] in DISORDER
        assert row["sub_event_type"] in ACLED_CODEBOOK[row["event_type"]]
        inter1 = int(row["inter1"])
        assert 1 <= inter1 <= 8 and row["actor1"]
        if row["actor2"]:
            inter2 = int(row["inter2"])
            assert 1 <= inter2 <= 8
            assert int(row["interaction"]) == min(inter1, inter2) * 10 + max(inter1, inter2)
        else:
            assert row["inter2"] == "" and int(row["interaction"]) == inter1 * 10
        assert row["civilian_targeting"] in ("", "Civilian targeting")
        assert int(row["iso"]) > 0 and row["region"] and row["country"]
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
        assert int(row["geo_precision"]) in (1, 2, 3)
        assert int(row["fatalities"]) >= 0
        assert int(row["timestamp"]) > 0
        for value in row.values():
            assert (
                not value.startswith(("=", "+", "@", "\t", "\r"))
                or value.lstrip("+-").replace(".", "").isdigit()
            )
    return rows


def test_acled_csv_round_trips_through_an_acled_reader(exported):
    out, _ = exported
    rows = read_acled(out / "incidents_acled.csv")
    dated_typed_located = [
        row for row in INCIDENTS if row["event_date"] and row["event_type"] and row["latitude"] is not None
    ]
    assert len(rows) == len(dated_typed_located)
    assert sum(int(r["fatalities"]) for r in rows) == sum(r["killed_best"] or 0 for r in dated_typed_located)
    by_location = {r["location"]: r for r in rows}
    taji = by_location["Camp Taji"]
    assert (taji["actor1"], taji["inter1"], taji["actor2"], taji["inter2"], taji["interaction"]) == (
        "US forces", "1", "Kata'ib Hezbollah", "3", "13",
    )  # fmt: skip
    assert taji["assoc_actor_2"] == "Popular Mobilization Forces"
    assert taji["iso"] == "368" and taji["admin1"] == "Baghdad" and taji["country"] == "Iraq"
    hostile = next(r for r in rows if r["admin1"] == "Basra")
    assert hostile["actor1"] == "Unidentified Armed Group (Iraq)" and hostile["actor2"] == "Civilians (Iraq)"
    assert hostile["civilian_targeting"] == "Civilian targeting"
    assert hostile["disorder_type"] == "Political violence"
    assert hostile["source"] == "news.example"  # javascript:/data: URLs have no host
    protest = by_location["Tahrir Square"]
    assert protest["disorder_type"] == "Political violence; Demonstrations"
    riot = by_location["Najaf"]
    assert (riot["actor1"], riot["inter1"], riot["disorder_type"]) == (
        "Rioters (Iraq)",
        "5",
        "Demonstrations",
    )
    syria = by_location["Syria"]
    assert (syria["event_id_cnty"][:3], syria["iso"], syria["geo_precision"]) == ("SYR", "760", "3")
    unknown_toll = next(r for r in rows if r["event_date"] == "2024-01-04")
    assert unknown_toll["fatalities"] == "0" and "unknown" in unknown_toll["tags"]


def test_acled_csv_reads_in_polars_with_numeric_columns(exported):
    out, _ = exported
    frame = pl.read_csv(out / "incidents_acled.csv", infer_schema_length=None)
    assert tuple(frame.columns) == ACLED_COLUMNS
    assert frame.schema["fatalities"].is_integer() and frame.schema["latitude"].is_float()
    assert frame.schema["inter1"].is_integer() and frame.schema["year"].is_integer()


def test_acled_notes_neutralized_when_evidence_starts_with_a_formula(exported):
    out, _ = exported
    text = (out / "incidents_acled.csv").read_text(encoding="utf-8")
    assert ",=HYPERLINK" not in text and "\n=" not in text


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"), [(1, 3, 13), (3, 1, 13), (2, None, 20), (7, 7, 77)]
)
def test_interaction_code(inter1, inter2, expected):
    assert interaction(inter1, inter2) == expected
