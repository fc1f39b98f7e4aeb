"""Exports: Parquet (zstd) and CSV read back in Polars and DuckDB with the documented schema."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import polars as pl
import pytest
from warehouse_kit import incident_row

from marsad.warehouse import WarehouseError, export

D = dt.date

INCIDENT_SCHEMA = {
    "incident_id": pl.String,
    "event_date": pl.Date,
    "date_precision": pl.String,
    "country": pl.String,
    "governorate": pl.String,
    "location": pl.String,
    "latitude": pl.Float64,
    "longitude": pl.Float64,
    "event_type": pl.String,
    "sub_event_type": pl.String,
    "weapon": pl.String,
    "perpetrator_id": pl.String,
    "target_id": pl.String,
    "claimed": pl.Boolean,
    "killed_low": pl.Int32,
    "killed_best": pl.Int32,
    "killed_high": pl.Int32,
    "wounded_low": pl.Int32,
    "wounded_best": pl.Int32,
    "wounded_high": pl.Int32,
    "source_urls": pl.List(pl.String),
    "source_count": pl.Int32,
    "evidence": pl.String,
    "confidence": pl.Float64,
    "perpetrator_alternatives": pl.List(pl.String),
}
COUNTS = ["killed_low", "killed_best", "killed_high", "wounded_low", "wounded_best", "wounded_high"]
FACTION_MONTH_SCHEMA = {
    "actor_id": pl.String,
    "month": pl.Date,
    "role": pl.String,
    "incidents": pl.Int32,
    **{c: pl.Int32 for c in COUNTS},
    "incidents_with_unknown_killed": pl.Int32,
}
GOVERNORATE_MONTH_SCHEMA = {
    "governorate": pl.String,
    **{k: v for k, v in FACTION_MONTH_SCHEMA.items() if k not in ("actor_id", "role")},
}
ACTOR_PAIR_MONTH_SCHEMA = {
    "perpetrator_id": pl.String,
    "target_id": pl.String,
    **{k: v for k, v in FACTION_MONTH_SCHEMA.items() if k not in ("actor_id", "role")},
}
ACTORS_SCHEMA = {
    "actor_id": pl.String,
    "name_ar": pl.String,
    "name_en": pl.String,
    "kind": pl.String,
    "umbrella": pl.String,
    "umbrella_name_en": pl.String,
    "notes": pl.String,
}


@pytest.fixture
def exported(staged, marts_from, tmp_path):
    con = marts_from(
        staged,
        [
            incident_row("i1", event_date=D(2024, 1, 4), killed_low=1, killed_best=1, killed_high=1),
            incident_row("i2", event_date=D(2024, 3, 9), evidence="قصف صاروخي على قاعدة عين الأسد"),
            incident_row("i3", event_date=None, date_precision=None),
        ],
    )
    out = tmp_path / "export"
    result = export(con, out)
    return con, out, result


def test_export_writes_every_file_and_no_temporary(exported):
    _, out, result = exported
    assert sorted(p.name for p in out.iterdir()) == [
        "actor_pair_month.parquet",
        "actors.parquet",
        "faction_month.csv",
        "faction_month.parquet",
        "governorate_month.parquet",
        "incidents.geojson",  # marsad/warehouse/interchange.py
        "incidents.parquet",
        "incidents_acled.csv",  # marsad/warehouse/interchange.py
        "manifest.json",
    ]
    assert sorted(p.name for p in result.files) == sorted(p.name for p in out.iterdir())


@pytest.mark.parametrize(
    "name, schema",
    [
        ("incidents", INCIDENT_SCHEMA),
        ("faction_month", FACTION_MONTH_SCHEMA),
        ("governorate_month", GOVERNORATE_MONTH_SCHEMA),
        ("actor_pair_month", ACTOR_PAIR_MONTH_SCHEMA),
        ("actors", ACTORS_SCHEMA),
    ],
)
def test_parquet_reads_back_in_polars_and_duckdb_with_the_schema(exported, name, schema):
    con, out, result = exported
    frame = pl.read_parquet(out / f"{name}.parquet")
    assert dict(frame.schema) == schema
    assert frame.height == result.manifest["row_counts"][name]
    reader = duckdb.connect()
    assert (
        reader.execute("select count(*) from read_parquet(?)", [str(out / f"{name}.parquet")]).fetchone()[0]
        == frame.height
    )
    codec = reader.execute(
        "select distinct compression from parquet_metadata(?)", [str(out / f"{name}.parquet")]
    ).fetchall()
    assert codec == [("ZSTD",)]
    # the exported rows are the warehouse's rows
    assert (
        reader.execute(f"select * from read_parquet('{out / name}.parquet') order by all").fetchall()
        == con.execute(f"select * from {name} order by all").fetchall()
    )


def test_incidents_parquet_keeps_arabic_and_lists(exported):
    _, out, _ = exported
    frame = pl.read_parquet(out / "incidents.parquet")
    assert frame["incident_id"].to_list() == ["i1", "i2", "i3"]  # dated first, then by id
    assert frame.filter(pl.col("incident_id") == "i2")["evidence"].item() == "قصف صاروخي على قاعدة عين الأسد"
    assert frame["source_urls"].to_list()[0] == ["https://news.example/i1"]


def test_faction_month_csv_matches_parquet(exported):
    _, out, _ = exported
    csv = pl.read_csv(out / "faction_month.csv", try_parse_dates=True)
    parquet = pl.read_parquet(out / "faction_month.parquet")
    assert csv.columns == parquet.columns
    assert csv.height == parquet.height
    assert csv["killed_best"].sum() == parquet["killed_best"].sum() == 2  # perpetrator + target role


def test_manifest_counts_range_and_undated(exported):
    _, out, _ = exported
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["schema_version"] == 1
    assert manifest["undated_incidents"] == 1
    assert manifest["covered_range"] == {
        "first_event_date": "2024-01-04",
        "last_event_date": "2024-03-09",
        "first_month": "2024-01-01",
        "last_month": "2024-03-01",
    }
    n_actors = manifest["row_counts"]["actors"]
    assert manifest["row_counts"]["incidents"] == 3
    assert manifest["row_counts"]["faction_month"] == n_actors * 3 * 2
    assert manifest["row_counts"]["governorate_month"] == 19 * 3
    assert {"generated_at", "extractor_version"} <= set(manifest)


def test_export_again_replaces_files(exported):
    con, out, _ = exported
    con.execute("delete from int_incidents__clustered")
    con.execute("create or replace table fct_incidents as select * from fct_incidents where false")
    export(con, out)
    assert pl.read_parquet(out / "incidents.parquet").height == 0
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_export_before_build_says_what_to_do(con, tmp_path):
    with pytest.raises(WarehouseError, match="marsad build"):
        export(con, tmp_path / "export")


# --- a failure mid-export ------------------------------------------------------------------


def _files(out) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _temporaries(out) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith(".") or p.name.endswith(".tmp")]


def _change_the_data(con):
    """One incident fewer, marts rebuilt: every export written now differs from the last one."""
    from warehouse_kit import MARTS

    from marsad.warehouse.models import run_models

    con.execute("delete from int_incidents__clustered where incident_id = 'i1'")
    run_models(con, MARTS)


ORDER = [  # the order export() writes its files in
    "incidents.parquet",
    "faction_month.parquet",
    "faction_month.csv",
    "governorate_month.parquet",
    "actor_pair_month.parquet",
    "actors.parquet",
    "incidents.geojson",
    "incidents_acled.csv",
    "manifest.json",
]


def test_rename_failing_on_the_second_file_keeps_it_and_the_rest_whole(exported, monkeypatch):
    import os

    con, out, _ = exported
    before = _files(out)
    _change_the_data(con)
    real_replace = os.replace
    renamed = []

    def replace(source, target):
        if os.path.basename(target) == "faction_month.parquet":
            raise OSError(28, "No space left on device")
        renamed.append(os.path.basename(target))
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match="No space left"):
        export(con, out)
    monkeypatch.setattr(os, "replace", real_replace)

    assert renamed == ["incidents.parquet"]  # the failure hit the second file
    after = _files(out)
    assert sorted(after) == sorted(before) and _temporaries(out) == []
    # the file whose write failed, and every file after it: the previous export, byte for byte
    for name in ORDER[1:]:
        assert after[name] == before[name], name
    # the one renamed before the failure is a whole file of the new data (never half of one)
    assert pl.read_parquet(out / "incidents.parquet")["incident_id"].to_list() == ["i2", "i3"]
    # the next export completes and replaces everything
    export(con, out)
    assert (
        pl.read_parquet(out / "faction_month.parquet").height
        == con.execute("select count(*) from faction_month").fetchone()[0]
    )
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["row_counts"]["incidents"] == 2


def test_copy_failing_mid_query_leaves_no_partial_file(exported):
    con, out, _ = exported
    before = _files(out)
    _change_the_data(con)
    # a real DuckDB error while the COPY of the second export streams its rows
    con.execute("alter table faction_month rename to faction_month_built")
    con.execute(
        "create view faction_month as select * replace ("
        "  case when month = date '2024-03-01' then error('disk full') else incidents end as incidents)"
        " from faction_month_built"
    )
    with pytest.raises(duckdb.Error, match="disk full"):
        export(con, out)
    after = _files(out)
    assert _temporaries(out) == []
    for name in ORDER[1:]:
        assert after[name] == before[name], name


def test_csv_writer_failing_mid_rows_keeps_the_old_file(tmp_path):
    from marsad.warehouse.interchange import write_csv

    target = tmp_path / "faction_month.csv"
    write_csv(target, ["a", "b"], [[1, "old"]])
    old = target.read_bytes()

    def rows():
        yield [2, "new"]
        yield [3, "new"]
        raise OSError(5, "Input/output error")

    with pytest.raises(OSError, match="Input/output"):
        write_csv(target, ["a", "b"], rows())
    assert target.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["faction_month.csv"]


def test_acled_and_geojson_leave_out_and_count_like_one_pass_over_the_incidents(staged, marts_from):
    """The reasons an incident stays out of incidents_acled.csv, tried in order and counted in
    the order they first occur (as a pass over the incidents in export order counts them);
    only the incidents written reach Python."""
    from marsad.warehouse.interchange import ACLED_EVENT_TYPES, COUNTRIES, acled_rows, geojson

    con = marts_from(
        staged,
        [
            incident_row("a1", latitude=None),  # no coordinates
            incident_row("a2", country="Atlantis"),  # country unknown
            incident_row("a3", sub_event_type="Air/drone strike", event_date=D(2024, 1, 2)),
            incident_row("a4", event_date=None, date_precision=None, latitude=None),  # no event_date
            incident_row("a5", event_type="Protests", sub_event_type="Armed clash"),  # no ACLED type
            incident_row("a6", country="", governorate=""),  # neither: country unknown
            incident_row("a7", country="", governorate="Anbar"),  # Iraq
            incident_row("a8", longitude=None, event_date=D(2024, 1, 1)),
            incident_row("a9", event_date=D(2023, 12, 31)),
        ],
    )
    incidents = con.execute("select * from incidents order by event_date nulls last, incident_id")
    names = [d[0] for d in incidents.description]
    skipped: dict[str, int] = {}
    written = []
    for incident in (dict(zip(names, row, strict=True)) for row in incidents.fetchall()):
        event_type, sub = incident["event_type"], incident["sub_event_type"]
        country = incident["country"] or ("Iraq" if incident["governorate"] else None)
        if incident["event_date"] is None:
            reason = "no event_date"
        elif event_type not in ACLED_EVENT_TYPES or sub not in ACLED_EVENT_TYPES[event_type]:
            reason = "no ACLED event type"
        elif incident["latitude"] is None or incident["longitude"] is None:
            reason = "no coordinates"
        elif country not in COUNTRIES:
            reason = "country unknown"
        else:
            written.append(incident["incident_id"])
            continue
        skipped[reason] = skipped.get(reason, 0) + 1
    result = acled_rows(con, timestamp=0)
    assert list(result.skipped.items()) == list(skipped.items())
    assert [row[0].removeprefix("IRQ") for row in result.rows] == [i.removeprefix("inc_") for i in written]
    collection = geojson(con)
    assert collection["marsad"]["incidents"] == 9
    assert collection["marsad"]["incidents_without_coordinates"] == 3
    assert [f["id"] for f in collection["features"]] == ["a9", "a3", "a2", "a5", "a6", "a7"]


# ---------------------------------------------------------------------------------------
# incidents_acled.csv: why incidents are left out, in the order the reasons first occur

LEFT_OUT = {
    "no event_date": {"event_date": None, "date_precision": None},
    "no ACLED event type": {
        "event_type": "Strategic developments",
        "sub_event_type": "Looting/property destruction",
    },
    "no coordinates": {"latitude": None, "longitude": None},
    "country unknown": {"country": "Atlantis", "governorate": None},
}


@pytest.mark.parametrize("seed", range(8))
def test_acled_reasons_come_in_export_order(staged, marts_from, seed):
    # the reference: number the incidents in export order, a reason's first one decides
    import random

    from marsad.warehouse.interchange import ACLED_EVENT_TYPES, COUNTRIES, _acled_skip_reason_sql, acled_rows

    rng = random.Random(seed)
    incidents = []
    for k in range(30):
        reason = rng.choice([None, *LEFT_OUT])
        fields = {"event_date": D(2024, 1, rng.randint(1, 4))}
        fields.update(LEFT_OUT.get(reason, {}))
        incidents.append(incident_row(f"i{rng.randint(0, 10**6):07d}_{k}", **fields))
    con = marts_from(staged, incidents)
    pairs = [f"{event_type}\x1f{sub}" for event_type, subs in ACLED_EVENT_TYPES.items() for sub in subs]
    reference = con.execute(
        f"select reason, count(*) from (select {_acled_skip_reason_sql()} as reason, "
        "row_number() over (order by event_date nulls last, incident_id) as n from incidents) "
        "where reason is not null group by reason order by min(n)",
        [pairs, list(COUNTRIES)],
    ).fetchall()
    assert len(reference) >= 3
    result = acled_rows(con)
    assert list(result.skipped.items()) == reference
    # the rows written are those without a reason (found by `_acled_written_sql`)
    written = con.execute(
        f"select incident_id from incidents where {_acled_skip_reason_sql()} is null "
        "order by event_date nulls last, incident_id",
        [pairs, list(COUNTRIES)],
    ).fetchall()
    assert written and len(result.rows) == len(written)
    for row, (incident_id,) in zip(result.rows, written, strict=True):
        assert row[0][3:] == incident_id.removeprefix("inc_")  # ACLED's id: ISO alpha-3 + ours


# ---------------------------------------------------------------------------------------
# the extractor version in the manifest, without importing the extractor


def test_extractor_version_is_the_extractors():
    import marsad.extract
    from marsad.warehouse.exports import extractor_version

    assert extractor_version() == marsad.extract.EXTRACTOR_VERSION


def test_extractor_version_read_without_importing_the_extractor():
    """`marsad export` reads the version from the extractor package, which loads its
    engine (marsad.extract.pipeline and its rule tables) only on first use: the engine
    is not imported for one string."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from marsad.warehouse.exports import extractor_version\n"
        "version = extractor_version()\n"
        "print(version, 'marsad.extract.pipeline' in sys.modules)\n"
        "import marsad.extract\n"
        "assert version == marsad.extract.EXTRACTOR_VERSION\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    import marsad.extract

    assert done.stdout.split() == [marsad.extract.EXTRACTOR_VERSION, "False"]


def test_extractor_version_follows_the_imported_extractor(monkeypatch):
    """Once the extractor is imported, its attribute is the version (tests change it)."""
    import marsad.extract
    from marsad.warehouse.exports import extractor_version

    monkeypatch.setattr(marsad.extract, "EXTRACTOR_VERSION", "9.9.9")
    assert extractor_version() == "9.9.9"


@pytest.mark.parametrize("seed", range(25))
def test_in_order_says_true_only_when_the_stored_rows_are_already_sorted(seed):
    # export skips the sort of a mart whose rows are stored in its export order; the check
    # must agree with a real ORDER BY on ties, NULLs and every permutation
    import random

    from marsad.warehouse.exports import _in_order

    rng = random.Random(seed)
    rows = [(rng.choice([None, 1, 2, 3]), rng.choice([None, "a", "b"]), k) for k in range(rng.randint(0, 12))]
    if rng.random() < 0.5:
        rows.sort(key=lambda r: (r[0] is None, r[0] or 0, r[1] is None, r[1] or ""))
    con = duckdb.connect()
    con.execute("create table t (x integer, y varchar, k integer)")
    if rows:
        con.executemany("insert into t values (?, ?, ?)", rows)
    stored = con.execute("select x, y from t").fetchall()
    sorted_ = con.execute("select x, y from t order by x, y").fetchall()
    assert _in_order(con, "t", "x, y") == (stored == sorted_)
    assert _in_order(con, "t", "x desc, y") is False  # only ascending keys are checked
