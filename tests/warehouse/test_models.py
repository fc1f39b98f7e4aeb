"""Given/expect tests of every SQL model in sql/: a few rows in, the exact rows out."""

from __future__ import annotations

import csv
import datetime as dt

import duckdb
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from warehouse_kit import ACTOR_IDS, extracted, incident_row, make_article, rows

from marsad import settings
from marsad.model import Mention
from marsad.warehouse import load
from marsad.warehouse.loader import article_id, mention_id
from marsad.warehouse.models import CLUSTERED, discover, load_seeds, run_models

D = dt.date

# ---------------------------------------------------------------------------------------
# order and headers


def test_discover_orders_models_by_their_reads():
    models, tests = discover()
    order = [m.name for m in models]
    assert order.index("stg_incident_mentions") < order.index(CLUSTERED) < order.index("fct_incidents")
    assert order.index("fct_incidents") < order.index("faction_month")
    assert order.index("dim_actors") < order.index("actors")
    assert order == [m.name for m in discover()[0]]  # deterministic
    by_name = {m.name: m for m in models}
    assert by_name["faction_month"].depends_on == ("dim_actors", "fct_incidents", "int_months__covered")
    assert by_name["int_months__covered"].depends_on == (CLUSTERED,)
    assert by_name["stg_incident_mentions"].materialized == "view"
    assert by_name["fct_incidents"].materialized == "table"
    assert all(m.grain for m in models)
    assert {t.name for t in tests} >= {
        "fct_incidents__incident_id_unique_not_null",
        "faction_month__sums_match_incidents",
        "faction_month__grid_complete",
        "fct_incidents__actor_ids_resolve",
    }


# ---------------------------------------------------------------------------------------
# staging


def test_stg_articles_one_row_per_article(con):
    article = make_article(1, canonical_url="https://news.example/c/1")
    load(con, [article], now=dt.datetime(2024, 2, 1, 10, 0))
    run_models(con, ["stg_articles"])
    assert rows(con, "select * exclude (content_hash) from stg_articles") == [
        {
            "article_id": article_id(article),
            "url": "https://news.example/1",
            "canonical_url": "https://news.example/c/1",
            "published": dt.datetime(2024, 1, 5, 8, 0),
            "published_date": D(2024, 1, 5),
            "title": "عنوان 1",
            "text": "نص الخبر رقم 1",
            "source_name": "test",
            "fetched_at": dt.datetime(2024, 2, 1, 10, 0),
            "updated_at": None,
        }
    ]


def test_stg_incident_mentions_keeps_latest_extraction_of_current_content(con):
    old = make_article(1)
    other = make_article(2)
    load(con, [old, other], [extracted(old, [Mention(location="Old")], "v1")], now=dt.datetime(2024, 2, 1))
    load(
        con,
        [old],
        [extracted(old, [Mention(location="V2a"), Mention(location="V2b")], "v2")],
        now=dt.datetime(2024, 2, 2),
    )
    changed = make_article(1, text="نص معدل")
    load(con, [changed], [extracted(changed, [Mention(location="New")], "v2")], now=dt.datetime(2024, 2, 3))
    load(con, [other], [extracted(other, [], "v2")], now=dt.datetime(2024, 2, 3))
    run_models(con, ["stg_articles", "stg_incident_mentions"])
    got = rows(
        con,
        "select mention_id, article_url, extractor_version, location, published from stg_incident_mentions",
    )
    assert got == [
        {
            "mention_id": mention_id(article_id(changed), extracted(changed, []).content_hash, 0),
            "article_url": "https://news.example/1",
            "extractor_version": "v2",
            "location": "New",
            "published": dt.datetime(2024, 1, 5, 8, 0),
        }
    ]
    # superseded mentions stay in the raw table
    assert con.execute("select count(*) from incident_mentions").fetchone()[0] == 4


def test_int_extractor_versions__current_lists_the_versions_of_current_mentions_only(con):
    one, two, three = make_article(1), make_article(2), make_article(3)
    load(con, [one, two, three], [extracted(one, [Mention()], "v1"), extracted(two, [Mention()], "v2")])
    # article 1 read again by v3: its v1 mentions are superseded; article 3 has no mention
    load(con, [one], [extracted(one, [Mention()], "v3")], now=dt.datetime(2030, 1, 1))
    load(con, [three], [extracted(three, [], "v4")])
    run_models(con, ["stg_incident_mentions", "int_extractor_versions__current"])
    assert rows(con, "select * from int_extractor_versions__current") == [
        {"extractor_version": "v2"},
        {"extractor_version": "v3"},
    ]


# The formulation of stg_incident_mentions before the article's columns came along with
# the current extraction (a second join of `articles`): the rewrite must keep every row.
STG_INCIDENT_MENTIONS_BEFORE = """
with current_extraction as (
    select extractions.article_id, extractions.content_hash, extractions.extractor_version,
    from extractions
    inner join articles
        on articles.article_id = extractions.article_id
        and articles.content_hash = extractions.content_hash
    qualify row_number() over (
        partition by extractions.article_id
        order by extractions.extracted_at desc, extractions.extractor_version desc
    ) = 1
)
select
    m.mention_id, m.article_id, m.article_url, articles.published, articles.source_name,
    m.content_hash, m.mention_index, m.extractor_version, m.event_date, m.date_precision,
    m.country, m.governorate, m.location, m.latitude, m.longitude, m.event_type,
    m.sub_event_type, m.weapon, m.perpetrator_id, m.target_id, m.claimed, m.killed_low,
    m.killed_best, m.killed_high, m.wounded_low, m.wounded_best, m.wounded_high, m.evidence,
    m.evidence_start, m.evidence_end, m.confidence, m.notes,
from incident_mentions as m
inner join current_extraction
    on current_extraction.article_id = m.article_id
    and current_extraction.content_hash = m.content_hash
    and current_extraction.extractor_version = m.extractor_version
inner join articles on articles.article_id = m.article_id
"""


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    extractions=st.lists(
        st.tuples(
            st.integers(0, 3), st.integers(0, 2), st.sampled_from(["v1", "v2", "v3"]), st.integers(0, 2)
        ),
        max_size=14,
    ),
    contents=st.lists(st.integers(0, 2), min_size=4, max_size=4),
    mentions=st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 2), st.sampled_from(["v1", "v2", "v3"])), max_size=20
    ),
)
def test_stg_incident_mentions_same_rows_as_before(con, extractions, contents, mentions):
    """Random raw tables: several contents and extractor versions per article, extraction
    times that tie, mentions of current and superseded extractions."""
    for table in ("incident_mentions", "extractions", "articles"):
        con.execute(f"delete from {table}")
    for n, content in enumerate(contents):
        con.execute(
            "insert into articles values (?, ?, null, ?, ?, 't', 'x', ?, ?, null)",
            [
                f"a{n}",
                f"https://news.example/{n}",
                f"h{content}",
                dt.datetime(2024, 1, n + 1),
                f"s{n}",
                dt.datetime(2024, 2, 1),
            ],
        )
    seen = set()
    for n, content, version, day in extractions:
        if (n, content, version) not in seen:
            seen.add((n, content, version))
            con.execute(
                "insert into extractions values (?, ?, ?, 1, ?)",
                [f"a{n}", f"h{content}", version, dt.datetime(2024, 3, 1 + day)],
            )
    for k, (n, content, version) in enumerate(mentions):
        con.execute(
            "insert into incident_mentions (mention_id, extractor_version, article_id, article_url, content_hash, "
            "mention_index, perpetrator_id, claimed, evidence, evidence_start, evidence_end, confidence, location) "
            "values (?, ?, ?, ?, ?, ?, 'unknown', false, 'e', 0, 1, 0.5, ?)",
            [f"m{k}", version, f"a{n}", f"https://news.example/{n}", f"h{content}", k, f"L{k}"],
        )
    run_models(con, ["stg_incident_mentions"])
    got = con.execute("select * from stg_incident_mentions order by mention_id").fetchall()
    before = con.execute(f"select * from ({STG_INCIDENT_MENTIONS_BEFORE}) order by mention_id").fetchall()
    assert got == before


def test_stg_actors_and_governorates_from_csv(staged):
    actors = rows(staged, "select * from stg_actors order by actor_id")
    assert [a["actor_id"] for a in actors] == sorted(ACTOR_IDS)
    kh = next(a for a in actors if a["actor_id"] == "kataib_hezbollah")
    assert kh == {
        "actor_id": "kataib_hezbollah",
        "kind": "armed_faction",
        "name_en": "Kata'ib Hezbollah",
        "name_ar": "كتائب حزب الله",
        "umbrella": "pmf",
        "notes": None,
    }
    governorates = rows(staged, "select * from stg_governorates where governorate = 'Maysan'")
    assert governorates == [
        {"governorate": "Maysan", "name_ar": "ميسان", "capital_en": "Amarah", "capital_ar": "العمارة"}
    ]
    assert staged.execute("select count(*) from stg_governorates").fetchone()[0] == 19


def test_stg_codes_from_the_data_model(staged):
    got = rows(
        staged, "select * from stg_codes where code in ('Air/drone strike', 'ied', 'week') order by field"
    )
    assert got == [
        {"field": "date_precision", "code": "week", "parent": None},
        {"field": "sub_event_type", "code": "Air/drone strike", "parent": "Explosions/Remote violence"},
        {"field": "weapon", "code": "ied", "parent": None},
    ]


@pytest.fixture
def gazetteer(tmp_path, monkeypatch):
    path = tmp_path / "places.csv"
    path.write_text(
        "name_en,name_ar,aliases_ar,kind,governorate,country,latitude,longitude\n"
        "Ain al-Asad Air Base,قاعدة عين الأسد,عين الأسد|قاعدة عين الاسد,base,Anbar,Iraq,33.8,42.44\n"
        "Ain al-Asad Air Base,قاعدة عين الأسد الجوية,,base,Anbar,Iraq,,\n"
        "Tanf,التنف,,base,,Syria,33.49,38.66\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(settings, "PLACES_CSV", path)
    return path


def test_stg_places_and_dim_places_from_the_gazetteer(con, gazetteer):
    load_seeds(con)
    run_models(con, ["stg_places", "dim_places", "places"])
    assert rows(con, "select name_en, aliases_ar, latitude from stg_places") == [
        {"name_en": "Ain al-Asad Air Base", "aliases_ar": ["عين الأسد", "قاعدة عين الاسد"], "latitude": 33.8},
        {"name_en": "Ain al-Asad Air Base", "aliases_ar": [], "latitude": None},
        {"name_en": "Tanf", "aliases_ar": [], "latitude": 33.49},
    ]
    assert rows(con, "select * exclude (aliases_ar) from places") == [
        {
            "place_id": "iraq/anbar/ain al-asad air base/base",
            "name_en": "Ain al-Asad Air Base",
            "name_ar": "قاعدة عين الأسد",
            "kind": "base",
            "governorate": "Anbar",
            "country": "Iraq",
            "latitude": 33.8,
            "longitude": 42.44,
        },
        {
            "place_id": "syria//tanf/base",
            "name_en": "Tanf",
            "name_ar": "التنف",
            "kind": "base",
            "governorate": None,
            "country": "Syria",
            "latitude": 33.49,
            "longitude": 38.66,
        },
    ]


def test_seeds_hold_the_csv_rows_in_file_order_empty_cells_null(con, tmp_path, monkeypatch):
    path = tmp_path / "places.csv"
    path.write_text(
        "name_en,name_ar,aliases_ar,kind,governorate,country,latitude,longitude\n"
        "Tanf,التنف,,base,,Syria,33.49,38.66\n"
        "\n"  # a blank line: no row
        "Ain al-Asad Air Base,قاعدة عين الأسد\n"  # a short row: the missing cells are empty
        "Al-Qaim,القائم,القايم,city,Anbar,Iraq,34.37,41.09\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(settings, "PLACES_CSV", path)
    load_seeds(con)
    assert con.execute("select * from seed_places").fetchall() == [
        ("Tanf", "التنف", None, "base", None, "Syria", "33.49", "38.66"),
        ("Ain al-Asad Air Base", "قاعدة عين الأسد", None, None, None, None, None, None),
        ("Al-Qaim", "القائم", "القايم", "city", "Anbar", "Iraq", "34.37", "41.09"),
    ]
    assert {c[1] for c in con.execute("describe seed_places").fetchall()} == {"VARCHAR"}
    # the other seeds: every row of their CSV files, in order
    with settings.ACTORS_CSV.open(encoding="utf-8", newline="") as handle:
        actors = [tuple(v or None for v in row) for row in list(csv.reader(handle))[1:] if any(row)]
    assert con.execute("select * from seed_actors").fetchall() == actors


def test_seed_row_longer_than_its_header_fails(con, tmp_path, monkeypatch):
    path = tmp_path / "places.csv"
    path.write_text("name_en,name_ar\nTanf,التنف,extra\n", encoding="utf-8")
    monkeypatch.setattr(settings, "PLACES_CSV", path)
    with pytest.raises(duckdb.Error):
        load_seeds(con)


def test_stg_places_empty_without_gazetteer(con, tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "PLACES_CSV", tmp_path / "absent.csv")
    load_seeds(con)
    run_models(con, ["stg_places", "dim_places"])
    assert con.execute("select count(*) from dim_places").fetchone()[0] == 0


# ---------------------------------------------------------------------------------------
# marts


def test_fct_incidents_types_the_contract(staged, marts_from):
    con = marts_from(
        staged,
        [
            incident_row("inc_b", event_date=None, date_precision=None, killed_low=2, killed_best=3),
            incident_row(
                "inc_a",
                killed_low=1,
                killed_best=1,
                killed_high=1,
                source_urls=["https://a.example/1", "https://b.example/2"],
                perpetrator_alternatives=["kataib_hezbollah"],
            ),
        ],
    )
    described = {r[0]: r[1] for r in con.execute("describe fct_incidents").fetchall()}
    assert described == {
        "incident_id": "VARCHAR",
        "event_date": "DATE",
        "date_precision": "VARCHAR",
        "country": "VARCHAR",
        "governorate": "VARCHAR",
        "location": "VARCHAR",
        "latitude": "DOUBLE",
        "longitude": "DOUBLE",
        "event_type": "VARCHAR",
        "sub_event_type": "VARCHAR",
        "weapon": "VARCHAR",
        "perpetrator_id": "VARCHAR",
        "target_id": "VARCHAR",
        "claimed": "BOOLEAN",
        "killed_low": "INTEGER",
        "killed_best": "INTEGER",
        "killed_high": "INTEGER",
        "wounded_low": "INTEGER",
        "wounded_best": "INTEGER",
        "wounded_high": "INTEGER",
        "source_urls": "VARCHAR[]",
        "source_count": "INTEGER",
        "evidence": "VARCHAR",
        "confidence": "DOUBLE",
        "perpetrator_alternatives": "VARCHAR[]",
    }
    got = rows(
        con,
        "select incident_id, event_date, killed_low, killed_best, source_urls, source_count, perpetrator_alternatives "
        "from incidents order by event_date nulls last, incident_id",
    )
    assert got == [
        {
            "incident_id": "inc_a",
            "event_date": D(2024, 1, 4),
            "killed_low": 1,
            "killed_best": 1,
            "source_urls": ["https://a.example/1", "https://b.example/2"],
            "source_count": 2,
            "perpetrator_alternatives": ["kataib_hezbollah"],
        },
        {
            "incident_id": "inc_b",
            "event_date": None,
            "killed_low": 2,
            "killed_best": 3,
            "source_urls": ["https://news.example/inc_b"],
            "source_count": 1,
            "perpetrator_alternatives": [],
        },
    ]


def test_dim_actors_every_actor_with_umbrella_name(staged, marts_from):
    con = marts_from(staged, [])
    got = rows(con, "select actor_id, name_en, kind, umbrella, umbrella_name_en from actors")
    assert [r["actor_id"] for r in got] == sorted(ACTOR_IDS)
    assert next(r for r in got if r["actor_id"] == "nujaba") == {
        "actor_id": "nujaba",
        "name_en": "Harakat Hezbollah al-Nujaba",
        "kind": "armed_faction",
        "umbrella": "pmf",
        "umbrella_name_en": "Popular Mobilization Forces",
    }


def _cell(con, actor, month, role):
    return rows(
        con,
        f"select * exclude (actor_id, month, role) from faction_month "
        f"where actor_id = '{actor}' and month = '{month}' and role = '{role}'",
    )


def test_faction_month_zero_filled_grid_and_sums(staged, marts_from):
    con = marts_from(
        staged,
        [
            incident_row(
                "i1", event_date=D(2024, 1, 4), killed_low=1, killed_best=2, killed_high=3, wounded_best=4
            ),
            incident_row(
                "i2", event_date=D(2024, 1, 20), perpetrator_id="kataib_hezbollah", killed_best=None
            ),
            incident_row(
                "i3", event_date=D(2024, 3, 2), target_id=None, wounded_low=5, wounded_best=5, wounded_high=5
            ),
            incident_row("i4", event_date=None, killed_best=9),
        ],
    )
    n_actors = len(ACTOR_IDS)
    assert con.execute("select count(*) from faction_month").fetchone()[0] == n_actors * 3 * 2
    assert [r[0] for r in con.execute("select distinct month from faction_month order by 1").fetchall()] == [
        D(2024, 1, 1),
        D(2024, 2, 1),
        D(2024, 3, 1),
    ]
    zero = {
        "incidents": 0,
        "killed_low": 0,
        "killed_best": 0,
        "killed_high": 0,
        "wounded_low": 0,
        "wounded_best": 0,
        "wounded_high": 0,
        "incidents_with_unknown_killed": 0,
    }
    assert _cell(con, "islamic_resistance_iraq", "2024-01-01", "perpetrator") == [
        {**zero, "incidents": 1, "killed_low": 1, "killed_best": 2, "killed_high": 3, "wounded_best": 4}
    ]
    assert _cell(con, "us_forces", "2024-01-01", "target") == [
        {
            **zero,
            "incidents": 2,
            "killed_low": 1,
            "killed_best": 2,
            "killed_high": 3,
            "wounded_best": 4,
            "incidents_with_unknown_killed": 1,
        }
    ]
    assert _cell(con, "kataib_hezbollah", "2024-01-01", "perpetrator") == [
        {**zero, "incidents": 1, "incidents_with_unknown_killed": 1}
    ]
    assert _cell(con, "islamic_resistance_iraq", "2024-03-01", "perpetrator") == [
        {
            **zero,
            "incidents": 1,
            "wounded_low": 5,
            "wounded_best": 5,
            "wounded_high": 5,
            "incidents_with_unknown_killed": 1,
        }
    ]
    assert _cell(con, "us_forces", "2024-03-01", "target") == [zero]
    assert _cell(con, "us_forces", "2024-02-01", "perpetrator") == [zero]
    # sums equal those of the dated incidents; the undated one is left out
    per_role = rows(
        con,
        "select role, sum(incidents) as n, sum(killed_best) as killed from faction_month group by role order by role",
    )
    assert per_role == [
        {"role": "perpetrator", "n": 3, "killed": 2},
        {"role": "target", "n": 2, "killed": 2},
    ]


def test_int_months_covered_spans_first_to_last_dated_month(staged, marts_from):
    con = marts_from(
        staged,
        [
            incident_row("i1", event_date=D(2023, 11, 30)),
            incident_row("i2", event_date=D(2024, 2, 1)),
            incident_row("i3", event_date=None),
        ],
    )
    assert rows(con, "select month from int_months__covered order by month") == [
        {"month": D(2023, 11, 1)},
        {"month": D(2023, 12, 1)},
        {"month": D(2024, 1, 1)},
        {"month": D(2024, 2, 1)},
    ]


def test_faction_month_empty_without_dated_incidents(staged, marts_from):
    con = marts_from(staged, [incident_row("i1", event_date=None)])
    assert con.execute("select count(*) from faction_month").fetchone()[0] == 0


def test_governorate_month_zero_filled(staged, marts_from):
    con = marts_from(
        staged,
        [
            incident_row("i1", event_date=D(2024, 1, 4), governorate="Anbar", killed_best=2),
            incident_row("i2", event_date=D(2024, 2, 9), governorate="Baghdad", wounded_best=1),
            incident_row("i3", event_date=D(2024, 2, 9), governorate=None, country="Syria", killed_best=7),
        ],
    )
    assert con.execute("select count(*) from governorate_month").fetchone()[0] == 19 * 2
    got = rows(
        con,
        "select governorate, month, incidents, killed_best, wounded_best, incidents_with_unknown_killed "
        "from governorate_month where incidents > 0 or governorate = 'Basra' and month = '2024-01-01'",
    )
    assert got == [
        {
            "governorate": "Anbar",
            "month": D(2024, 1, 1),
            "incidents": 1,
            "killed_best": 2,
            "wounded_best": 0,
            "incidents_with_unknown_killed": 0,
        },
        {
            "governorate": "Basra",
            "month": D(2024, 1, 1),
            "incidents": 0,
            "killed_best": 0,
            "wounded_best": 0,
            "incidents_with_unknown_killed": 0,
        },
        {
            "governorate": "Baghdad",
            "month": D(2024, 2, 1),
            "incidents": 1,
            "killed_best": 0,
            "wounded_best": 1,
            "incidents_with_unknown_killed": 1,
        },
    ]


def test_actor_pair_month_who_attacks_whom(staged, marts_from):
    con = marts_from(
        staged,
        [
            incident_row("i1", event_date=D(2024, 1, 4), killed_best=1),
            incident_row("i2", event_date=D(2024, 1, 6), killed_best=2, wounded_high=3),
            incident_row(
                "i3", event_date=D(2024, 1, 7), perpetrator_id="us_forces", target_id="kataib_hezbollah"
            ),
            incident_row("i4", event_date=D(2024, 1, 7), target_id=None),
            incident_row("i5", event_date=None),
        ],
    )
    assert rows(con, "select * from actor_pair_month") == [
        {
            "perpetrator_id": "islamic_resistance_iraq",
            "target_id": "us_forces",
            "month": D(2024, 1, 1),
            "incidents": 2,
            "killed_low": 0,
            "killed_best": 3,
            "killed_high": 0,
            "wounded_low": 0,
            "wounded_best": 0,
            "wounded_high": 3,
            "incidents_with_unknown_killed": 0,
        },
        {
            "perpetrator_id": "us_forces",
            "target_id": "kataib_hezbollah",
            "month": D(2024, 1, 1),
            "incidents": 1,
            "killed_low": 0,
            "killed_best": 0,
            "killed_high": 0,
            "wounded_low": 0,
            "wounded_best": 0,
            "wounded_high": 0,
            "incidents_with_unknown_killed": 1,
        },
    ]
