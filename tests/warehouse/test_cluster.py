"""Clustering incident mentions into incidents (spec section 5): merging, reconciling, stable ids."""

from __future__ import annotations

import datetime as dt
import random

import duckdb
import polars as pl
import pytest
from warehouse_kit import WithoutArrow

from marsad.warehouse.cluster import (
    INCIDENT_SCHEMA,
    MENTION_SCHEMA,
    REGISTRY_SCHEMA,
    all_distinct,
    build_incident_clusters,
    cluster_mentions,
    reconcile_counts,
)
from marsad.warehouse.db import scannable

# ---------------------------------------------------------------------------------------
# builders

BASE = {
    "published": dt.datetime(2024, 1, 5, 8, 0),
    "event_date": dt.date(2024, 1, 4),
    "date_precision": "day",
    "country": "Iraq",
    "governorate": "Anbar",
    "location": "Ain al-Asad Air Base",
    "latitude": 33.7856,
    "longitude": 42.4412,
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack",
    "weapon": "rocket",
    "perpetrator_id": "unknown",
    "target_id": "us_forces",
    "claimed": False,
    "killed_low": None,
    "killed_best": None,
    "killed_high": None,
    "wounded_low": None,
    "wounded_best": None,
    "wounded_high": None,
    "evidence": "",
    "confidence": 0.6,
}

HARIR = {"governorate": "Erbil", "location": "Harir Air Base", "latitude": 36.5367, "longitude": 44.3556}
VICTORY = {"governorate": "Baghdad", "location": "Victory Base", "latitude": 33.2875, "longitude": 44.2286}
EMBASSY = {
    "governorate": "Baghdad",
    "location": "US Embassy, Green Zone",
    "latitude": 33.2981,
    "longitude": 44.3950,
}
DRONE = {"sub_event_type": "Air/drone strike", "weapon": "drone"}
SHOT_DOWN = {
    "event_type": "Strategic developments",
    "sub_event_type": "Disrupted weapons use",
    "weapon": "drone",
}


def mention(mention_id: str, url: str | None = None, **fields) -> dict:
    """One mention row: a rocket attack on Ain al-Asad on 4 January 2024 unless told otherwise."""
    row = {"mention_id": mention_id, "article_url": url or f"https://outlet-{mention_id}.example/a"}
    row.update(BASE)
    row["evidence"] = f"evidence of {mention_id}"
    for key in ("killed", "wounded"):
        if key in fields:
            n = fields.pop(key)
            fields.update({f"{key}_low": n, f"{key}_best": n, f"{key}_high": n})
    row.update(fields)
    return row


def frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=MENTION_SCHEMA)


def groups(incidents: pl.DataFrame) -> set[frozenset[str]]:
    """The partition of mention ids that the incidents make."""
    return {frozenset(ids) for ids in incidents["mention_ids"].to_list()}


def ids_by_group(incidents: pl.DataFrame) -> dict[frozenset[str], str]:
    return {frozenset(r["mention_ids"]): r["incident_id"] for r in incidents.to_dicts()}


def only(incidents: pl.DataFrame) -> dict:
    assert incidents.height == 1, incidents
    return incidents.to_dicts()[0]


# a busy night: one attack on Ain al-Asad reported three times, one on Harir, two in Baghdad
NIGHT = [
    mention("a1", killed=3, perpetrator_id="pmf"),
    mention("a2", killed=4, perpetrator_id="kataib_hezbollah", claimed=True),
    mention("a3", killed=4, event_date=dt.date(2024, 1, 5)),
    mention("h1", **HARIR),
    mention("v1", **VICTORY),
    mention("e1", **EMBASSY),
    mention("e2", **EMBASSY, published=None),
]


# ---------------------------------------------------------------------------------------
# the contract


def test_cluster_empty_frame_gives_empty_frames_with_schema():
    incidents, registry = cluster_mentions(pl.DataFrame(schema=MENTION_SCHEMA))
    assert incidents.schema == pl.Schema(INCIDENT_SCHEMA)
    assert registry.schema == pl.Schema(REGISTRY_SCHEMA)
    assert incidents.height == registry.height == 0


def test_cluster_output_columns_and_types():
    incidents, registry = cluster_mentions(frame(NIGHT))
    assert incidents.schema == pl.Schema(INCIDENT_SCHEMA)
    assert sorted(registry["mention_id"]) == sorted(r["mention_id"] for r in NIGHT)
    for row in incidents.to_dicts():
        assert row["source_urls"] == sorted(set(row["source_urls"]))
        assert row["source_count"] == len(row["source_urls"])
        assert row["mention_ids"] == sorted(row["mention_ids"])
        assert row["incident_id"].startswith("inc_")


def test_cluster_rejects_duplicate_mention_ids():
    with pytest.raises(ValueError, match="not unique"):
        cluster_mentions(frame([mention("a1"), mention("a1", "https://other.example/x")]))


def test_cluster_accepts_url_column_name_and_missing_columns():
    rows = [{k: v for k, v in mention(m).items() if k not in ("claimed", "weapon")} for m in ("a1", "a2")]
    for r in rows:
        r["url"] = r.pop("article_url")
    incidents, _ = cluster_mentions(pl.DataFrame(rows))
    assert only(incidents)["source_count"] == 2


# ---------------------------------------------------------------------------------------
# merging: what is one event


def test_cluster_three_reports_of_one_attack_merge_and_others_stay_apart():
    incidents, _ = cluster_mentions(frame(NIGHT))
    assert groups(incidents) == {
        frozenset({"a1", "a2", "a3"}),
        frozenset({"h1"}),
        frozenset({"v1"}),
        frozenset({"e1", "e2"}),
    }


def test_cluster_two_attacks_on_two_bases_the_same_night_stay_two():
    incidents, _ = cluster_mentions(frame([mention("a1"), mention("h1", **HARIR)]))
    assert incidents.height == 2
    # same governorate, two sites kilometres apart
    incidents, _ = cluster_mentions(frame([mention("v1", **VICTORY), mention("e1", **EMBASSY)]))
    assert incidents.height == 2


def test_cluster_same_article_never_merges_its_two_mentions():
    url = "https://one.example/two-attacks"
    incidents, _ = cluster_mentions(frame([mention("x1", url), mention("x2", url)]))
    assert incidents.height == 2


def test_cluster_a_third_report_of_two_same_article_events_does_not_chain_them():
    url = "https://one.example/two-attacks"
    rows = [mention("x1", url), mention("x2", url), mention("y1")]
    incidents, _ = cluster_mentions(frame(rows))
    assert incidents.height == 2
    assert all(len(g & {"x1", "x2"}) == 1 for g in groups(incidents))


def test_cluster_dates_more_than_a_day_apart_do_not_merge():
    rows = [mention("a1"), mention("a2", event_date=dt.date(2024, 1, 6))]
    assert cluster_mentions(frame(rows))[0].height == 2


def test_cluster_chaining_is_not_transitive():
    # a1~a2 and a2~a3 (one day apart each) but a1 and a3 are two days apart
    rows = [
        mention("a1", event_date=dt.date(2024, 1, 3)),
        mention("a2", event_date=dt.date(2024, 1, 4)),
        mention("a3", event_date=dt.date(2024, 1, 5)),
    ]
    incidents, _ = cluster_mentions(frame(rows))
    assert frozenset({"a1", "a2", "a3"}) not in groups(incidents)
    assert incidents.height == 2


def test_cluster_week_and_month_precision_join_by_period_overlap():
    rows = [
        mention("a1"),
        mention("w1", event_date=dt.date(2024, 1, 1), date_precision="week"),
    ]
    assert cluster_mentions(frame(rows))[0].height == 1
    rows = [mention("a1"), mention("m1", event_date=dt.date(2023, 12, 1), date_precision="month")]
    assert cluster_mentions(frame(rows))[0].height == 2
    inc = only(
        cluster_mentions(
            frame([mention("a1"), mention("m1", event_date=dt.date(2024, 1, 1), date_precision="month")])
        )[0]
    )
    assert inc["event_date"] == dt.date(2024, 1, 4)
    assert inc["date_precision"] == "day"


def test_cluster_coarse_date_joins_only_an_unambiguous_cluster():
    # two attacks on Ain al-Asad in January; a "January" report could be either
    rows = [
        mention("a1"),
        mention("b1", event_date=dt.date(2024, 1, 20)),
        mention("m1", event_date=dt.date(2024, 1, 1), date_precision="month"),
    ]
    assert groups(cluster_mentions(frame(rows))[0]) == {
        frozenset({"a1"}),
        frozenset({"b1"}),
        frozenset({"m1"}),
    }


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        pytest.param({}, {}, True, id="same rocket attack"),
        pytest.param(DRONE, SHOT_DOWN, True, id="drone attack vs drone shot down"),
        pytest.param(
            {"event_type": "Battles", "sub_event_type": "Armed clash"},
            {"event_type": "Riots", "sub_event_type": "Violent demonstration"},
            True,
            id="clash vs violent demonstration",
        ),
        pytest.param(
            {}, {"event_type": "Battles", "sub_event_type": "Armed clash"}, False, id="rockets vs clash"
        ),
        pytest.param(
            {},
            {"event_type": "Strategic developments", "sub_event_type": "Arrests"},
            False,
            id="rockets vs arrests",
        ),
        pytest.param(
            {},
            {"event_type": "Violence against civilians", "sub_event_type": "Attack"},
            False,
            id="rockets vs attack",
        ),
    ],
)
def test_cluster_type_compatibility(first, second, merged):
    incidents, _ = cluster_mentions(frame([mention("a1", **first), mention("a2", **second)]))
    assert (incidents.height == 1) is merged


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        pytest.param("unknown", "kataib_hezbollah", True, id="unknown vs named"),
        pytest.param("pmf", "kataib_hezbollah", True, id="umbrella vs member"),
        pytest.param("islamic_resistance_iraq", "nujaba", True, id="claim brand vs member"),
        pytest.param(
            "iran_aligned_militias", "islamic_resistance_iraq", True, id="unnamed pro-Iran vs brand"
        ),
        pytest.param("kataib_hezbollah", "asaib_ahl_al_haq", False, id="two member factions"),
        pytest.param("pmf", "isis", False, id="PMF vs ISIS"),
        pytest.param("islamic_resistance_iraq", "saraya_al_salam", False, id="brand vs non-member"),
    ],
)
def test_cluster_perpetrator_compatibility(first, second, merged):
    incidents, _ = cluster_mentions(
        frame([mention("a1", perpetrator_id=first), mention("a2", perpetrator_id=second)])
    )
    assert (incidents.height == 1) is merged


def test_cluster_targets_must_agree_unless_one_is_unstated():
    rows = [
        mention("a1", target_id="us_forces"),
        mention("a2", target_id="coalition"),
        mention("a3", target_id=None),
    ]
    assert cluster_mentions(frame(rows))[0].height == 1
    rows = [mention("a1", target_id="us_forces"), mention("a2", target_id="iraqi_security_forces")]
    assert cluster_mentions(frame(rows))[0].height == 2


def test_cluster_battle_sides_may_be_swapped():
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash", "weapon": "small_arms", **VICTORY}
    rows = [
        mention("a1", perpetrator_id="saraya_al_salam", target_id="asaib_ahl_al_haq", **clash),
        mention("a2", perpetrator_id="asaib_ahl_al_haq", target_id="saraya_al_salam", **clash),
    ]
    inc = only(cluster_mentions(frame(rows))[0])
    assert {inc["perpetrator_id"], inc["target_id"]} == {"saraya_al_salam", "asaib_ahl_al_haq"}


def test_cluster_place_unknown_governorate_joins_when_unambiguous():
    vague = {"governorate": None, "location": None, "latitude": None, "longitude": None}
    rows = [mention("a1"), mention("n1", **vague)]
    assert cluster_mentions(frame(rows))[0].height == 1
    # two attacks on US forces that day: a report without a place could be either
    rows = [mention("a1"), mention("h1", **HARIR), mention("n1", **vague)]
    assert groups(cluster_mentions(frame(rows))[0]) == {
        frozenset({"a1"}),
        frozenset({"h1"}),
        frozenset({"n1"}),
    }


def test_cluster_other_country_never_merges():
    rows = [mention("a1"), mention("s1", country="Syria", governorate=None, location=None)]
    assert cluster_mentions(frame(rows))[0].height == 2


def test_cluster_governorate_level_location_is_not_a_different_site():
    rows = [
        mention("v1", **VICTORY),
        mention("b1", governorate="Baghdad", location="Baghdad", latitude=33.31, longitude=44.36),
    ]
    inc = only(cluster_mentions(frame(rows))[0])
    assert inc["location"] == "Victory Base"
    assert inc["latitude"] == VICTORY["latitude"]


def test_cluster_one_site_under_two_gazetteer_names_merges():
    bdsc = {
        **VICTORY,
        "location": "Baghdad Diplomatic Support Center",
        "latitude": 33.2900,
        "longitude": 44.2350,
    }
    assert cluster_mentions(frame([mention("v1", **VICTORY), mention("d1", **bdsc)]))[0].height == 1


# ---------------------------------------------------------------------------------------
# undated mentions


UNDATED = {"event_date": None, "date_precision": None, "published": None}


def test_cluster_undated_mention_joins_an_agreeing_dated_cluster():
    rows = [mention("a1"), mention("a2"), mention("u1", **UNDATED)]
    inc = only(cluster_mentions(frame(rows))[0])
    assert inc["event_date"] == dt.date(2024, 1, 4)
    assert inc["source_count"] == 3


def test_cluster_undated_mentions_of_one_event_merge():
    rows = [mention("u1", **UNDATED), mention("u2", **UNDATED, perpetrator_id="kataib_hezbollah")]
    inc = only(cluster_mentions(frame(rows))[0])
    assert inc["event_date"] is None and inc["date_precision"] is None
    assert inc["perpetrator_id"] == "kataib_hezbollah"


def test_cluster_undated_mention_stays_alone_when_ambiguous():
    rows = [mention("a1"), mention("b1", event_date=dt.date(2024, 2, 10)), mention("u1", **UNDATED)]
    assert frozenset({"u1"}) in groups(cluster_mentions(frame(rows))[0])


def test_cluster_undated_mention_needs_place_and_type_to_agree():
    vague = {**UNDATED, "governorate": None, "location": None, "latitude": None, "longitude": None}
    assert cluster_mentions(frame([mention("a1"), mention("u1", **vague)]))[0].height == 2
    assert (
        cluster_mentions(frame([mention("a1", **DRONE), mention("u1", **UNDATED, **SHOT_DOWN)]))[0].height
        == 2
    )


def test_cluster_undated_mention_prefers_the_cluster_whose_counts_agree():
    # an activist shot dead, and an attempt on two others, both Basra, neither article dated
    basra = {
        **UNDATED,
        "governorate": "Basra",
        "location": "Basra",
        "latitude": None,
        "longitude": None,
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "weapon": "small_arms",
        "target_id": "civilians",
    }
    rows = [
        mention("k1", "https://a.example/1", **basra, killed=1),
        mention("k2", "https://b.example/2", **basra, killed=1),
        mention("w2", "https://b.example/2", **basra, killed=0, wounded=2),
        mention("w3", "https://c.example/3", **basra, killed=0, wounded=2),
    ]
    assert groups(cluster_mentions(frame(rows))[0]) == {frozenset({"k1", "k2"}), frozenset({"w2", "w3"})}


# ---------------------------------------------------------------------------------------
# reconciliation


def test_cluster_casualties_three_four_four_give_best_four_low_three_high_four():
    rows = [mention("a1", killed=3), mention("a2", killed=4), mention("a3", killed=4)]
    inc = only(cluster_mentions(frame(rows))[0])
    assert (inc["killed_low"], inc["killed_best"], inc["killed_high"]) == (3, 4, 4)
    assert inc["wounded_best"] is None


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        pytest.param([(3, 3, 3), (4, 4, 4), (4, 4, 4)], (3, 4, 4), id="majority best"),
        pytest.param([(3, 3, 3), (4, 4, 4)], (3, 3, 4), id="tie goes to the lower"),
        pytest.param([(2, 3, None), (5, 5, 5)], (2, 3, 5), id="vague few and an exact count"),
        pytest.param([(10, 10, None), (10, 10, None)], (10, 10, None), id="open-ended stays open"),
        pytest.param([(None, None, None), (0, 0, 0)], (0, 0, 0), id="not reported vs none"),
        pytest.param([(None, None, None), (None, None, None)], (None, None, None), id="never reported"),
        pytest.param([(5, 5, None), (5, 5, None), (3, 3, 3)], (3, 5, 5), id="high never below best"),
        pytest.param([(3, 3, 5), (4, 4, 4)], (3, 3, 5), id="range and exact"),
    ],
)
def test_cluster_reconcile_counts(reports, expected):
    rows = [{"killed_low": lo, "killed_best": best, "killed_high": hi} for lo, best, hi in reports]
    assert reconcile_counts(rows, "killed") == expected


def test_cluster_umbrella_and_member_faction_merge_to_the_member():
    rows = [
        mention("a1", perpetrator_id="pmf"),
        mention("a2", perpetrator_id="kataib_hezbollah"),
        mention("a3"),
    ]
    inc = only(cluster_mentions(frame(rows))[0])
    assert inc["perpetrator_id"] == "kataib_hezbollah"
    assert inc["perpetrator_alternatives"] == ["pmf"]


def test_cluster_reconciled_fields():
    rows = [
        mention(
            "a1",
            "https://b.example/x",
            confidence=0.5,
            claimed=False,
            event_date=dt.date(2024, 1, 1),
            date_precision="week",
        ),
        mention("a2", "https://a.example/y", confidence=0.5, claimed=True),
        mention("a3", "https://c.example/z", confidence=0.5, evidence="evidence of a2"),
    ]
    inc = only(cluster_mentions(frame(rows))[0])
    assert inc["source_urls"] == ["https://a.example/y", "https://b.example/x", "https://c.example/z"]
    assert inc["source_count"] == 3
    assert inc["claimed"] is True
    assert inc["date_precision"] == "day" and inc["event_date"] == dt.date(2024, 1, 4)
    # every report's sentence once, in the canonical order of the mentions
    assert inc["evidence"].split("\n") == ["evidence of a2", "evidence of a1"]
    assert inc["mention_ids"] == ["a1", "a2", "a3"]
    assert inc["confidence"] == pytest.approx(0.875)


def test_cluster_confidence_rises_with_independent_outlets_only():
    one = only(cluster_mentions(frame([mention("a1", confidence=0.6)]))[0])["confidence"]
    two = only(cluster_mentions(frame([mention("a1", confidence=0.6), mention("a2", confidence=0.6)]))[0])[
        "confidence"
    ]
    same_outlet = only(
        cluster_mentions(
            frame(
                [
                    mention("a1", "https://www.x.example/1", confidence=0.6),
                    mention("a2", "https://x.example/2", confidence=0.6),
                ]
            )
        )[0]
    )["confidence"]
    assert one == pytest.approx(0.6)
    assert two > one
    assert same_outlet == pytest.approx(0.6)


# ---------------------------------------------------------------------------------------
# stable ids


def test_cluster_shuffled_mentions_give_identical_incidents_and_ids():
    expected, _ = cluster_mentions(frame(NIGHT))
    rng = random.Random(7)
    for _ in range(10):
        rows = NIGHT[:]
        rng.shuffle(rows)
        got, _ = cluster_mentions(frame(rows))
        assert got.equals(expected)


def test_cluster_rerun_with_registry_keeps_ids():
    first, registry = cluster_mentions(frame(NIGHT))
    again, registry2 = cluster_mentions(frame(NIGHT), registry)
    assert again.equals(first)
    assert registry2.equals(registry)


def test_cluster_registry_listing_a_mention_twice_takes_its_last_row():
    # a registry written by hand (or by an older build) may name a mention twice: the last
    # row is the mention's id, as with a registry that names it once
    first, registry = cluster_mentions(frame(NIGHT))
    stale = registry.with_columns(incident_id=pl.lit("inc_0000000000000000"))
    again, registry2 = cluster_mentions(frame(NIGHT), pl.concat([stale, registry]))
    assert again.equals(first)
    assert registry2.equals(registry)
    _, registry3 = cluster_mentions(frame(NIGHT), pl.concat([registry, stale]))
    assert "inc_0000000000000000" in set(registry3["incident_id"])


def test_cluster_new_report_keeps_the_id():
    first, registry = cluster_mentions(frame(NIGHT))
    old = ids_by_group(first)[frozenset({"a1", "a2", "a3"})]
    # a late-crawled report published earlier than all others: it becomes the anchor
    late = mention("a0", published=dt.datetime(2024, 1, 4, 23, 0), perpetrator_id="pmf")
    second, registry2 = cluster_mentions(frame([*NIGHT, late]), registry)
    assert ids_by_group(second)[frozenset({"a0", "a1", "a2", "a3"})] == old
    assert set(second["incident_id"]) == set(first["incident_id"])
    assert registry2.filter(pl.col("mention_id") == "a0")["incident_id"].item() == old


def test_cluster_ids_do_not_depend_on_the_registry_for_a_first_run():
    # without a registry, an id is a function of the cluster's anchor mention alone
    a, _ = cluster_mentions(frame(NIGHT))
    b, _ = cluster_mentions(frame([*NIGHT, mention("z9", **HARIR, event_date=dt.date(2024, 3, 1))]))
    common = set(ids_by_group(a)) & set(ids_by_group(b))
    assert common and all(ids_by_group(a)[g] == ids_by_group(b)[g] for g in common)


def test_cluster_split_does_not_reuse_an_id_for_a_different_event():
    # run 1: one Baghdad report without a site, and two of the Victory base attack
    vague = {"governorate": "Baghdad", "location": None, "latitude": None, "longitude": None}
    run1 = [mention("n1", **vague), mention("v1", **VICTORY), mention("v2", **VICTORY)]
    first, registry = cluster_mentions(frame(run1))
    assert first.height == 1
    old = first["incident_id"].item()
    # run 2: an embassy attack the same night makes n1 ambiguous; v1, v2 keep the id
    run2 = [*run1, mention("e1", **EMBASSY)]
    second, _ = cluster_mentions(frame(run2), registry)
    by_group = ids_by_group(second)
    assert by_group[frozenset({"v1", "v2"})] == old
    assert by_group[frozenset({"n1"})] != old
    assert len(set(second["incident_id"])) == second.height


def test_cluster_split_minority_anchor_gets_a_fresh_id_not_its_hash():
    # the old incident's id is the hash of its anchor n1; n1 leaves with the minority
    vague = {
        "governorate": "Baghdad",
        "location": None,
        "latitude": None,
        "longitude": None,
        "published": dt.datetime(2024, 1, 4, 6, 0),
    }
    run1 = [mention("n1", **vague), mention("v1", **VICTORY), mention("v2", **VICTORY)]
    first, registry = cluster_mentions(frame(run1))
    old = first["incident_id"].item()
    fresh_for_n1 = ids_by_group(cluster_mentions(frame([mention("n1", **vague)]))[0])[frozenset({"n1"})]
    second, _ = cluster_mentions(frame([*run1, mention("e1", **EMBASSY)]), registry)
    by_group = ids_by_group(second)
    assert by_group[frozenset({"v1", "v2"})] == old
    assert by_group[frozenset({"n1"})] not in {old, *registry["incident_id"]}
    assert fresh_for_n1 in {old, by_group[frozenset({"n1"})]}


def test_cluster_two_incidents_merged_keep_the_majority_id():
    # run 1: b1 names only the governorate, and two Anbar sites were attacked: it stays alone
    qaim = {"location": "Al-Qaim", "latitude": 34.3833, "longitude": 41.0833}
    b1 = mention("b1", location="Anbar", latitude=None, longitude=None)
    run1 = [mention("a1"), mention("a2"), b1, mention("q1", **qaim)]
    first, registry = cluster_mentions(frame(run1))
    assert frozenset({"b1"}) in groups(first)
    big = ids_by_group(first)[frozenset({"a1", "a2"})]
    small = ids_by_group(first)[frozenset({"b1"})]
    # run 2: the al-Qaim report is gone (retracted); b1 now joins the Ain al-Asad incident
    second, registry2 = cluster_mentions(frame([mention("a1"), mention("a2"), b1]), registry)
    assert ids_by_group(second) == {frozenset({"a1", "a2", "b1"}): big}
    assert small not in set(registry2["incident_id"])


# ---------------------------------------------------------------------------------------
# the warehouse entry


def _warehouse(rows: list[dict]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    columns = ", ".join(f"{name} {_sql(dtype)}" for name, dtype in MENTION_SCHEMA.items())
    con.execute(f"create table incident_mentions ({columns})")
    placeholders = ", ".join("?" for _ in MENTION_SCHEMA)
    for row in rows:
        con.execute(
            f"insert into incident_mentions values ({placeholders})", [row.get(c) for c in MENTION_SCHEMA]
        )
    con.execute("create view stg_incident_mentions as select * from incident_mentions")
    return con


def _sql(dtype: pl.DataType) -> str:
    return {
        pl.String: "varchar",
        pl.Date: "date",
        pl.Float64: "double",
        pl.Boolean: "boolean",
        pl.Int64: "integer",
        pl.Int32: "integer",
    }.get(dtype, "timestamp")


def _clustered_rows(incidents: pl.DataFrame) -> dict[str, list[str]]:
    return dict(incidents.select("incident_id", "mention_ids").iter_rows())


def test_build_incident_clusters_returns_incidents_and_writes_registry():
    con = _warehouse(NIGHT)
    con.execute("begin")
    incidents = build_incident_clusters(con)
    con.execute("commit")
    assert incidents.height == 4
    assert incidents.schema == pl.Schema(INCIDENT_SCHEMA)
    # as the build registers it (int_incidents__clustered), the SQL models see these types
    with scannable(con, incidents, "int_incidents__clustered"):
        types = dict(
            con.execute("select column_name, column_type from (describe int_incidents__clustered)").fetchall()
        )
    assert list(types) == list(INCIDENT_SCHEMA)
    assert (
        types["source_urls"] == "VARCHAR[]"
        and types["killed_best"] == "INTEGER"
        and types["event_date"] == "DATE"
    )
    first = _clustered_rows(incidents)
    assert con.execute("select count(*) from incident_registry").fetchone()[0] == len(NIGHT)
    # a new report and a re-run: the same ids
    con.execute(
        "insert into incident_mentions values (" + ", ".join("?" for _ in MENTION_SCHEMA) + ")",
        [mention("a4", published=dt.datetime(2024, 1, 4, 22)).get(c) for c in MENTION_SCHEMA],
    )
    second = build_incident_clusters(con)
    assert second.height == 4
    assert set(first) == set(_clustered_rows(second))
    assert any("a4" in ids for ids in _clustered_rows(second).values())


def test_build_incident_clusters_on_no_mentions():
    con = _warehouse([])
    assert build_incident_clusters(con).height == 0
    assert con.execute("select count(*) from incident_registry").fetchone()[0] == 0


def test_build_incident_clusters_keeps_registry_rows_of_vanished_mentions():
    con = _warehouse(NIGHT)
    build_incident_clusters(con)
    con.execute("delete from incident_mentions where mention_id = 'h1'")
    assert build_incident_clusters(con).height == 3
    assert con.execute("select count(*) from incident_registry where mention_id = 'h1'").fetchone()[0] == 1


def test_build_incident_clusters_same_results_through_parquet_without_arrow():
    direct, parquet = _warehouse(NIGHT), _warehouse(NIGHT)
    incidents = build_incident_clusters(direct)
    assert build_incident_clusters(WithoutArrow(parquet)).equals(incidents)
    query = "select * from incident_registry order by mention_id"
    assert direct.execute(query).fetchall() == parquet.execute(query).fetchall()
    # the ephemeral relation: the same rows and types through the Parquet copy
    relation = "select * from int_incidents__clustered order by incident_id"
    with scannable(direct, incidents, "int_incidents__clustered"):
        expected = direct.execute(relation).fetchall()
        types = direct.execute("describe int_incidents__clustered").fetchall()
    with scannable(WithoutArrow(parquet), incidents, "int_incidents__clustered"):
        assert parquet.execute(relation).fetchall() == expected
        assert parquet.execute("describe int_incidents__clustered").fetchall() == types
    assert not parquet.execute(
        "select * from duckdb_views() where view_name = 'int_incidents__clustered'"
    ).fetchall()


def test_build_incident_clusters_rerun_keeps_the_registry_and_mends_a_changed_row():
    con = _warehouse(NIGHT)
    build_incident_clusters(con)
    query = "select * from incident_registry order by mention_id"
    before = con.execute(query).fetchall()
    build_incident_clusters(con)
    assert con.execute(query).fetchall() == before
    # only rows whose id changes are written: a row that differs from the clustering is
    # written back with the id of its mention's incident
    con.execute("update incident_registry set incident_id = 'inc_stale' where mention_id = 'h1'")
    incidents = build_incident_clusters(con)
    (incident,) = incidents.filter(pl.col("mention_ids").list.contains("h1"))["incident_id"]
    assert con.execute("select incident_id from incident_registry where mention_id = 'h1'").fetchone() == (
        incident,
    )


def test_build_incident_clusters_keeps_a_registry_made_with_a_primary_key():
    # warehouses built before the registry lost its primary key: the same rows, kept
    fresh, keyed = _warehouse(NIGHT), _warehouse(NIGHT)
    keyed.execute(
        "create table incident_registry (mention_id varchar primary key, incident_id varchar not null)"
    )
    keyed.execute("insert into incident_registry values ('h1', 'inc_stale'), ('gone', 'inc_gone')")
    fresh.execute(
        "create table incident_registry (mention_id varchar not null, incident_id varchar not null)"
    )
    fresh.execute("insert into incident_registry values ('h1', 'inc_stale'), ('gone', 'inc_gone')")
    for con in (fresh, keyed):
        con.execute("begin")
        build_incident_clusters(con)
        con.execute("commit")
        build_incident_clusters(con)  # a re-run: nothing to change
    query = "select * from incident_registry order by mention_id"
    assert keyed.execute(query).fetchall() == fresh.execute(query).fetchall()
    assert ("gone", "inc_gone") in keyed.execute(query).fetchall()
    assert len(keyed.execute(query).fetchall()) == len(NIGHT) + 1


@pytest.mark.parametrize(("toll", "merged"), [(1, False), (3, True)])
def test_cluster_undated_report_joins_a_month_dated_one_only_on_a_telling_toll(toll, merged):
    # a report dated only "in January" and an undated report of the same site: one death is
    # too common a figure to say they are the same event; three deaths tell
    rows = [
        mention("m1", event_date=dt.date(2024, 1, 1), date_precision="month", killed=toll),
        mention("u1", event_date=None, date_precision=None, published=None, killed=toll),
    ]
    assert (cluster_mentions(frame(rows))[0].height == 1) is merged


def test_cluster_renewed_fighting_the_next_day_is_a_new_event():
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash", "weapon": "small_arms"}
    monday = mention("m1", event_date=dt.date(2024, 1, 8), **clash, evidence="اشتباكات عنيفة مساء الإثنين")
    tuesday = mention(
        "t1", event_date=dt.date(2024, 1, 9), **clash, evidence="تجددت الاشتباكات صباح الثلاثاء"
    )
    late = mention("l1", event_date=dt.date(2024, 1, 9), **clash, evidence="اشتباكات ليل الإثنين الثلاثاء")
    assert groups(cluster_mentions(frame([monday, tuesday]))[0]) == {frozenset({"m1"}), frozenset({"t1"})}
    # without the word for "renewed", a report a day later may be the same night's fighting
    assert cluster_mentions(frame([monday, late]))[0].height == 1


def test_cluster_undated_report_near_a_capital_joins_that_governorates_event():
    # "a drone struck a PMF HQ east of Baghdad": the report leaves the governorate open, but
    # it is about Baghdad's surroundings; the one dated report of the same strike there takes it
    strike = {**DRONE, "perpetrator_id": "us_forces", "target_id": "pmf"}
    dated = mention("d1", **VICTORY, **strike)
    undated = mention(
        "u1",
        **strike,
        event_date=None,
        date_precision=None,
        published=None,
        governorate=None,
        location="Baghdad",
    )
    assert cluster_mentions(frame([dated, undated]))[0].height == 1
    elsewhere = mention("e1", **HARIR, **strike)
    assert groups(cluster_mentions(frame([elsewhere, undated]))[0]) == {frozenset({"e1"}), frozenset({"u1"})}


def test_build_incident_clusters_from_a_snapshot_equals_reading_the_view():
    """The build hands the clustering step its snapshot of the view (an Arrow table)."""
    through_view, from_snapshot = _warehouse(NIGHT), _warehouse(NIGHT)
    incidents = build_incident_clusters(through_view)
    snapshot = from_snapshot.sql("select * from stg_incident_mentions").to_arrow_table()
    from_snapshot.execute("drop view stg_incident_mentions")  # the view is not read again
    assert build_incident_clusters(from_snapshot, snapshot).equals(incidents)
    query = "select * from incident_registry order by mention_id"
    assert from_snapshot.execute(query).fetchall() == through_view.execute(query).fetchall()


# ---------------------------------------------------------------------------------------
# all_distinct: n_unique() == len() (a null counts as one value), through hashes first


@pytest.mark.parametrize(
    "values",
    [
        [],
        ["a"],
        ["a", "b", "c"],
        ["a", "b", "a"],
        [None],
        [None, "a"],
        [None, None, "a"],
        ["", None],
        [f"m{i}" for i in range(5000)] + ["m17"],
        [f"m{i}" for i in range(5000)],
    ],
    ids=lambda v: f"{len(v)} values",
)
def test_all_distinct_is_n_unique_equals_len(values):
    series = pl.Series("id", values, dtype=pl.String)
    assert all_distinct(series) is (series.n_unique() == len(series))
    # in several chunks, as read from DuckDB
    chunked = pl.concat(
        [series.head(len(values) // 2), series.tail(len(values) - len(values) // 2)], rechunk=False
    )
    assert all_distinct(chunked) is (series.n_unique() == len(series))


def test_all_distinct_compares_values_when_hashes_meet(monkeypatch):
    """Equal hashes of different values (a collision) do not make them equal."""

    class Colliding(pl.Series):
        def hash(self, *args, **kwargs):
            return pl.Series([0] * len(self), dtype=pl.UInt64)

    assert all_distinct(Colliding("id", ["a", "b"], dtype=pl.String))
    assert not all_distinct(Colliding("id", ["a", "a"], dtype=pl.String))


def test_cluster_attacks_on_people_named_differently_are_two_events():
    assassination = {
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "weapon": "small_arms",
        "perpetrator_id": "unknown",
        "target_id": "civilians",
        "location": "Basra",
        "governorate": "Basra",
        "latitude": None,
        "longitude": None,
        "event_date": None,
        "date_precision": None,
        "published": None,
        "killed": 1,
    }
    rows = [
        mention("r1", **assassination, evidence="اغتال مسلحون مجهولون الناشط المدني رحيم ساجت وسط البصرة"),
        mention("t1", **assassination, evidence="اغتيال الناشط، تحسين أسامة، في مقر عمله وسط البصرة"),
        mention("t2", **assassination, evidence="مقتل الناشط تحسين أسامة الشحماني بعشرين رصاصة"),
        # a report naming no one may join either (here the only one it can: strict joins
        # need a unique candidate, so it stays alone between the two)
        mention("n1", **assassination, evidence="اغتيال ناشط مدني في البصرة"),
    ]
    got = groups(cluster_mentions(frame(rows))[0])
    assert frozenset({"t1", "t2"}) in got or frozenset({"t1", "t2", "n1"}) in got
    assert not any({"r1", "t1"} <= g for g in got)
    # the same rows with the names left out merge as before (one place, one type, no date)
    unnamed = [dict(r, evidence="اغتيال ناشط في البصرة") for r in rows[:3]]
    assert len(cluster_mentions(frame(unnamed))[0]) < 3
