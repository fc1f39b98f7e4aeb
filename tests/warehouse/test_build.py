"""`build`: seeds, models in order with the clustering step, data tests, in one transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from warehouse_kit import WithoutArrow, extracted, make_article, rows

from marsad.model import Mention
from marsad.warehouse import BuildError, build, load
from marsad.warehouse.models import CLUSTERED, discover

D = dt.date


def drone_strike(**fields) -> Mention:
    values = dict(
        event_date=D(2024, 1, 4),
        date_precision="day",
        country="Iraq",
        governorate="Anbar",
        location="Ain al-Asad Air Base",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        weapon="drone",
        perpetrator_id="islamic_resistance_iraq",
        target_id="us_forces",
        claimed=True,
        wounded_low=2,
        wounded_best=2,
        wounded_high=2,
        evidence="هجوم بطائرة مسيرة على قاعدة عين الأسد",
        confidence=0.7,
    )
    values.update(fields)
    return Mention(**values)


def test_build_merges_reports_of_one_event_and_keeps_ids(con):
    one, two = make_article(1), make_article(2, url="https://other.example/2")
    load(
        con,
        [one, two],
        [extracted(one, [drone_strike()]), extracted(two, [drone_strike(wounded_best=3, wounded_high=3)])],
    )
    result = build(con)
    assert result.models[0].startswith("stg_")
    assert result.row_counts["fct_incidents"] == 1
    incident = rows(
        con,
        "select incident_id, source_urls, source_count, wounded_low, wounded_best, wounded_high from incidents",
    )
    assert incident[0]["source_urls"] == ["https://news.example/1", "https://other.example/2"]
    assert (incident[0]["source_count"], incident[0]["wounded_low"], incident[0]["wounded_best"]) == (2, 2, 2)
    assert incident[0]["wounded_high"] == 3
    cells = rows(
        con, "select role, incidents, wounded_best from faction_month where incidents > 0 order by role"
    )
    assert cells == [
        {"role": "perpetrator", "incidents": 1, "wounded_best": 2},
        {"role": "target", "incidents": 1, "wounded_best": 2},
    ]
    # a rebuild, and a third report of the same event, keep the id
    build(con)
    three = make_article(3, url="https://third.example/3")
    load(con, [three], [extracted(three, [drone_strike()])])
    build(con)
    again = rows(con, "select incident_id, source_count from incidents")
    assert again == [{"incident_id": incident[0]["incident_id"], "source_count": 3}]


@pytest.mark.parametrize("arrow", [True, False], ids=["arrow", "without_arrow"])
def test_build_stores_incidents_in_export_order(tmp_path, arrow):
    """fct_incidents holds its rows in the export order (event_date, NULLs last, then
    incident_id) as the clustering step hands them over, whatever order the reports were
    loaded in: `marsad export` then writes them without sorting again."""
    import random

    from marsad.warehouse import connect
    from marsad.warehouse.exports import _in_order

    rng = random.Random(5)
    places = ["Anbar", "Baghdad", "Basra", "Nineveh", "Diyala", "Kirkuk"]
    reports = []
    for n in range(40):
        day = rng.choice([None, D(2024, 1, 2), D(2024, 1, 3), D(2023, 12, 30), D(2024, 1, 4)])
        mention = drone_strike(
            event_date=day,
            date_precision="day" if day else None,
            governorate=places[n % len(places)],
            location=None,
            killed_low=n,
            killed_best=n,
            killed_high=n,
        )
        reports.append((make_article(100 + n, url=f"https://news.example/o{n}"), mention))
    rng.shuffle(reports)
    con = connect(tmp_path / "w.duckdb")
    try:
        load(con, [a for a, _ in reports], [extracted(a, [m]) for a, m in reports])
        build(con if arrow else WithoutArrow(con))
        stored = con.execute("select incident_id, event_date from fct_incidents").fetchall()
        ordered = con.execute(
            "select incident_id, event_date from fct_incidents order by event_date nulls last, incident_id"
        ).fetchall()
        assert len(stored) > 10 and any(d is None for _, d in stored)
        assert stored == ordered
        assert _in_order(con, "fct_incidents", "event_date nulls last, incident_id")
    finally:
        con.close()


def test_build_on_an_empty_warehouse_passes_every_test(con):
    result = build(con)
    _, tests = discover()
    assert result.tests == [t.name for t in tests]
    assert result.row_counts["fct_incidents"] == 0
    assert result.row_counts["dim_actors"] == 35


def _sql_dir(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        path = tmp_path / "sql" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (tmp_path / "sql" / "tests").mkdir(parents=True, exist_ok=True)
    stub = tmp_path / "sql" / "staging" / "stg_incident_mentions.sql"
    if not stub.exists():  # the clustering step reads it
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("-- grain: one row per mention\nselect * from incident_mentions")
    return tmp_path / "sql"


def test_python_step_without_its_input_is_refused(tmp_path):
    sql = _sql_dir(tmp_path, {})
    (sql / "staging" / "stg_incident_mentions.sql").unlink()
    with pytest.raises(BuildError, match="needs stg_incident_mentions"):
        discover(sql)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"staging/stg_x.sql": "select 1 as x"}, "grain"),
        (
            {
                "intermediate/int_x.sql": f"-- grain: one row\n-- materialized: view\nselect * from {CLUSTERED}"
            },
            "cannot read int_incidents__clustered",
        ),
        ({"marts/x.sql": "-- grain: one row\n-- snapshot: build\nselect 1 as x"}, "snapshot"),
    ],
    ids=["no grain", "view over an ephemeral model", "snapshot of a table"],
)
def test_malformed_model_is_refused(tmp_path, files, message):
    with pytest.raises(BuildError, match=message):
        discover(_sql_dir(tmp_path, files))


def test_dependency_cycle_is_refused(tmp_path):
    sql = _sql_dir(
        tmp_path,
        {
            "marts/a.sql": "-- grain: one row\nselect * from b",
            "marts/b.sql": "-- grain: one row\nselect * from a",
        },
    )
    with pytest.raises(BuildError, match="cycle: a, b"):
        discover(sql)


def test_order_follows_reads_not_file_names(tmp_path):
    sql = _sql_dir(
        tmp_path,
        {
            "marts/a_report.sql": "-- grain: one row per x\nwith base as (select * from z_base) select * from base",
            "marts/z_base.sql": "-- grain: one row per x\nselect 1 as x",
            "staging/stg_one.sql": "-- grain: one row\nselect 1 as x",
        },
    )
    models, _ = discover(sql)
    names = [m.name for m in models]
    assert names.index("z_base") < names.index("a_report")


def test_failing_model_names_itself(con, tmp_path):
    sql = _sql_dir(tmp_path, {"marts/broken.sql": "-- grain: one row\nselect no_such_column from articles"})
    with pytest.raises(BuildError, match="model broken failed"):
        build(con, sql_dir=sql)


# ---------------------------------------------------------------------------------------
# what lasts only for the build: the ephemeral clustering output, the staging snapshot


def _relations(con) -> dict[str, str]:
    return dict(
        con.execute(
            "select table_name, table_type from information_schema.tables "
            "where table_name in ('int_incidents__clustered', 'stg_incident_mentions', 'int_months__covered')"
        ).fetchall()
    )


def test_build_leaves_no_ephemeral_relation_or_snapshot(con):
    article = make_article(1)
    load(con, [article], [extracted(article, [drone_strike()])])
    result = build(con)
    assert result.row_counts[CLUSTERED] == result.row_counts["fct_incidents"] == 1
    assert result.row_counts["stg_incident_mentions"] == 1
    # the staging view stays a view (its snapshot is gone); the clustering output is not stored
    assert _relations(con) == {"stg_incident_mentions": "VIEW", "int_months__covered": "BASE TABLE"}
    assert not con.execute("select * from duckdb_tables() where temporary").fetchall()
    # the view reads the raw tables again: a mention loaded after the build is in it
    two = make_article(2, url="https://other.example/2")
    load(con, [two], [extracted(two, [drone_strike(event_date=D(2024, 2, 1))])])
    assert con.execute("select count(*) from stg_incident_mentions").fetchone()[0] == 2


def _three_reports(con):
    one, two = make_article(1), make_article(2, url="https://other.example/2")
    three = make_article(3, url="https://third.example/3")
    load(
        con,
        [one, two, three],
        [
            extracted(one, [drone_strike()]),
            extracted(two, [drone_strike(wounded_best=3, wounded_high=3)]),
            extracted(three, [drone_strike(event_date=D(2024, 3, 1), governorate="Erbil", location=None)]),
        ],
    )


def _built_state(con) -> dict[str, list]:
    """Every table's rows, but the times of the load (`*_at` columns differ between two loads)."""
    state = {}
    for (name,) in con.execute("select table_name from duckdb_tables() where not temporary").fetchall():
        columns = [c[0] for c in con.execute(f"describe {name}").fetchall() if not c[0].endswith("_at")]
        state[name] = con.execute(f"select {', '.join(columns)} from {name} order by all").fetchall()
    return state


def test_build_hands_the_staging_snapshot_to_the_clustering_step(con, monkeypatch):
    """The clustering step reads the build's snapshot of stg_incident_mentions (an Arrow
    table holding the view's rows), not the view through DuckDB again."""
    from marsad.warehouse import models

    _three_reports(con)
    seen = {}
    real_step = models.cluster_step

    def spy(connection, inputs=None):
        seen.update(inputs or {})
        return real_step(connection, inputs)

    monkeypatch.setattr(models, "cluster_step", spy)
    result = build(con)
    assert list(seen) == ["stg_incident_mentions"]
    snapshot = seen["stg_incident_mentions"]
    assert snapshot.num_rows == result.row_counts["stg_incident_mentions"] == 3
    view = con.execute("select mention_id from stg_incident_mentions order by 1").fetchall()
    assert sorted((m,) for m in snapshot.column("mention_id").to_pylist()) == view
    assert result.row_counts["fct_incidents"] == 2


def test_build_without_arrow_holds_the_snapshot_in_a_temporary_table(tmp_path):
    """Without pyarrow the snapshot is a temporary table: the same warehouse, nothing left over."""
    from marsad.warehouse import connect

    with_arrow, without = connect(tmp_path / "a.duckdb"), connect(tmp_path / "b.duckdb")
    try:
        for con in (with_arrow, without):
            _three_reports(con)
        expected = build(with_arrow)
        result = build(WithoutArrow(without))
        assert (result.models, result.tests, result.row_counts) == (
            expected.models,
            expected.tests,
            expected.row_counts,
        )
        assert _built_state(without) == _built_state(with_arrow)
        assert not without.execute("select * from duckdb_tables() where temporary").fetchall()
        assert _relations(without)["stg_incident_mentions"] == "VIEW"
    finally:
        with_arrow.close()
        without.close()


def test_failed_build_leaves_no_ephemeral_relation_or_snapshot(con, tmp_path):
    article = make_article(1)
    load(con, [article], [extracted(article, [drone_strike()])])
    build(con)
    before = rows(con, "select * from incidents")
    sql = _sql_dir(tmp_path, {})
    import shutil

    from marsad import settings

    shutil.rmtree(sql)
    shutil.copytree(settings.SQL_DIR, sql)
    (sql / "tests" / "always_fails.sql").write_text("select 1 as x")
    with pytest.raises(BuildError, match="always_fails"):
        build(con, sql_dir=sql)
    assert rows(con, "select * from incidents") == before
    assert not con.execute("select * from duckdb_tables() where temporary").fetchall()
    assert CLUSTERED not in _relations(con)
    build(con)  # and the next build runs


def test_build_upgrades_a_warehouse_of_an_older_build(con):
    # before: int_incidents__clustered a table, int_months__covered a view, the registry keyed
    article = make_article(1)
    load(con, [article], [extracted(article, [drone_strike()])])
    con.execute(f"create table {CLUSTERED} as select 1 as stale")
    con.execute("create view int_months__covered as select date '2020-01-01' as month")
    con.execute(
        "create table incident_registry (mention_id varchar primary key, incident_id varchar not null)"
    )
    build(con)
    assert _relations(con) == {"stg_incident_mentions": "VIEW", "int_months__covered": "BASE TABLE"}
    assert rows(con, "select * from int_months__covered") == [{"month": D(2024, 1, 1)}]
    assert con.execute("select count(*) from incident_registry").fetchone()[0] == 1
    build(con)
