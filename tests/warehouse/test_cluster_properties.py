"""Laws of clustering on generated mentions: order-independent, idempotent, never chaining,
and the fast path equal to the one-at-a-time reference."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import math
import sys
from unittest.mock import patch

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.warehouse import cluster
from marsad.warehouse.cluster import (
    MENTION_SCHEMA,
    REGISTRY_SCHEMA,
    _mergeable,
    _normalized_frame,
    _prepare,
    _prepared,
    _rows,
    cluster_mentions,
    compatible,
    fresh_id,
    load_actors,
)

SITES = {
    "Anbar": [
        ("Ain al-Asad Air Base", 33.7856, 42.4412),
        ("Al-Qaim", 34.3833, 41.0833),
        ("Anbar", None, None),
    ],
    "Baghdad": [
        ("Victory Base", 33.2875, 44.2286),
        ("US Embassy, Green Zone", 33.2981, 44.3950),
        (None, None, None),
    ],
    "Erbil": [("Harir Air Base", 36.5367, 44.3556)],
    None: [(None, None, None)],
}
TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "rocket"),
    ("Explosions/Remote violence", "Air/drone strike", "drone"),
    ("Strategic developments", "Disrupted weapons use", "drone"),
    ("Battles", "Armed clash", "small_arms"),
]
PERPETRATORS = ["unknown", "pmf", "kataib_hezbollah", "asaib_ahl_al_haq", "islamic_resistance_iraq", "isis"]
TARGETS = ["us_forces", "coalition", None, "iraqi_security_forces"]
URLS = [f"https://outlet{n}.example/a" for n in range(7)]
DAY0 = dt.date(2024, 1, 1)


@st.composite
def mention_rows(draw) -> dict:
    governorate = draw(st.sampled_from(list(SITES)))
    location, lat, lon = draw(st.sampled_from(SITES[governorate]))
    event_type, sub, weapon = draw(st.sampled_from(TYPES))
    undated = draw(st.integers(0, 4)) == 0
    precision = draw(st.sampled_from(["day", "day", "day", "week", "month"]))
    day = DAY0 + dt.timedelta(days=draw(st.integers(0, 4)))
    if precision == "month":
        day = day.replace(day=1)
    killed = draw(st.sampled_from([None, 0, 1, 3, 4]))
    return {
        "article_url": draw(st.sampled_from(URLS)),
        "published": None if undated else dt.datetime.combine(day, dt.time(12)) + dt.timedelta(days=1),
        "event_date": None if undated else day,
        "date_precision": None if undated else precision,
        "country": "Iraq" if governorate or draw(st.booleans()) else None,
        "governorate": governorate,
        "location": location,
        "latitude": lat,
        "longitude": lon,
        "event_type": event_type,
        "sub_event_type": sub,
        "weapon": weapon,
        "perpetrator_id": draw(st.sampled_from(PERPETRATORS)),
        "target_id": draw(st.sampled_from(TARGETS)),
        "claimed": draw(st.booleans()),
        "killed_low": killed,
        "killed_best": killed,
        "killed_high": killed,
        "wounded_low": None,
        "wounded_best": None,
        "wounded_high": None,
        "evidence": f"sentence {draw(st.integers(0, 3))}",
        "confidence": draw(st.sampled_from([0.3, 0.5, 0.8])),
    }


@st.composite
def mention_sets(draw, max_size: int = 18) -> list[dict]:
    rows = draw(st.lists(mention_rows(), min_size=0, max_size=max_size))
    ids = draw(
        st.lists(
            st.text("abcdef0123456789", min_size=6, max_size=6),
            min_size=len(rows),
            max_size=len(rows),
            unique=True,
        )
    )
    return [{"mention_id": f"m_{i}", **row} for i, row in zip(ids, rows, strict=True)]


def frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=MENTION_SCHEMA)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(rows=mention_sets(), data=st.data())
def test_cluster_property_order_independent(rows, data):
    expected, registry = cluster_mentions(frame(rows))
    shuffled = data.draw(st.permutations(rows))
    got, got_registry = cluster_mentions(frame(shuffled))
    assert got.equals(expected)
    assert got_registry.equals(registry)


@SETTINGS
@given(rows=mention_sets())
def test_cluster_property_idempotent_with_registry(rows):
    first, registry = cluster_mentions(frame(rows))
    second, registry2 = cluster_mentions(frame(rows), registry)
    third, registry3 = cluster_mentions(frame(rows), registry2)
    assert second.equals(first)
    assert third.equals(first)
    assert registry3.equals(registry)


@SETTINGS
@given(rows=mention_sets())
def test_cluster_property_partition_without_chaining(rows):
    incidents, registry = cluster_mentions(frame(rows))
    actors = load_actors()
    by_id = {r["mention_id"]: r for r in rows}
    seen = [mid for ids in incidents["mention_ids"].to_list() for mid in ids]
    assert sorted(seen) == sorted(by_id)
    assert incidents["incident_id"].n_unique() == incidents.height
    assert registry.height == len(rows)
    for inc in incidents.to_dicts():
        members = [_prepare(dict(by_id[mid])) for mid in inc["mention_ids"]]
        urls = [m.article_url for m in members]
        assert len(urls) == len(set(urls)), "one article gave two mentions to one incident"
        assert inc["source_urls"] == sorted(set(urls))
        assert inc["source_count"] == len(urls)
        for a, b in itertools.combinations(members, 2):
            assert compatible(a, b, actors), (a.mention_id, b.mention_id)
        for key in ("killed", "wounded"):
            low, best, high = inc[f"{key}_low"], inc[f"{key}_best"], inc[f"{key}_high"]
            if best is not None:
                assert low is not None and low <= best
                assert high is None or best <= high


@SETTINGS
@given(rows=mention_sets(), extra=mention_sets(max_size=4))
def test_cluster_property_ids_survive_new_reports(rows, extra):
    extra = [{**r, "mention_id": "x" + r["mention_id"]} for r in extra]
    first, registry = cluster_mentions(frame(rows))
    second, _ = cluster_mentions(frame(rows + extra), registry)
    assert second["incident_id"].n_unique() == second.height
    old_of = dict(zip(registry["mention_id"], registry["incident_id"], strict=True))
    old_members: dict[str, set[str]] = {}
    for mid, iid in old_of.items():
        old_members.setdefault(iid, set()).add(mid)
    for inc in second.to_dicts():
        olds = {old_of[m] for m in inc["mention_ids"] if m in old_of}
        # an old incident that stays whole and meets no other old incident keeps its id
        if len(olds) == 1:
            (old,) = olds
            if old_members[old] <= set(inc["mention_ids"]):
                assert inc["incident_id"] == old
        # a fresh id never repeats a registered one
        if not olds:
            assert inc["incident_id"] not in old_members


# ---------------------------------------------------------------------------------------
# the fast path (module docstring of marsad.warehouse.cluster): the same output as the
# reference, every mention through the Python rules; wider inputs than above, so that many
# mentions stay alone and the odd values reach the bulk code


@st.composite
def wide_mention_rows(draw, spread: int = 40) -> dict:
    row = draw(mention_rows())
    pick = draw(st.integers(0, 9))
    if row["event_date"] is not None:
        row["event_date"] = DAY0 + dt.timedelta(days=draw(st.integers(-spread, spread)))
        row["date_precision"] = draw(
            st.sampled_from(["day", "day", "week", "month", "year", "Day", "hour", None])
        )
    if pick == 0:
        row["governorate"] = ""
    elif pick == 1:
        row["country"] = draw(st.sampled_from([None, "", "Syria"]))
    elif pick == 2:
        row["event_type"] = None  # kept from the sub-event type
    elif pick == 3:
        row["event_type"] = row["sub_event_type"] = None
    elif pick == 4:
        row["perpetrator_id"] = draw(st.sampled_from([None, ""]))
    elif pick == 5:
        row["target_id"] = draw(st.sampled_from(["unknown", "", "isis"]))
    elif pick == 6:
        row["location"] = draw(st.sampled_from([" baghdad ", "", "Al-Qaim"]))
    elif pick == 7:
        row["article_url"] = None
    row["evidence"] = draw(
        st.sampled_from(["sentence 1", "  \xa0padded\x1f\t", "", None, "الخميس تجددت المواجهات"])
    )
    row["confidence"] = draw(st.sampled_from([None, 0.3, 1.5, -0.2, math.nan, 0.123456789, 0.00005, -0.0]))
    low, best, high = draw(st.tuples(*[st.sampled_from([None, 0, 1, 3, 7])] * 3))
    row.update(killed_low=low, killed_best=best, killed_high=high)
    row["wounded_best"] = draw(st.sampled_from([None, 0, 2]))
    return row


@st.composite
def wide_mention_sets(draw, min_size: int = 0, max_size: int = 24) -> list[dict]:
    # a few days (many merge) or a few months (most stay alone)
    spread = draw(st.sampled_from([1, 40]))
    rows = draw(st.lists(wide_mention_rows(spread), min_size=min_size, max_size=max_size))
    return [{"mention_id": f"w_{i:03d}", **row} for i, row in enumerate(rows)]


@st.composite
def registries(draw, rows: list[dict]) -> pl.DataFrame | None:
    """None, or a previous run's registry: an earlier clustering of some of the mentions,
    plus stray rows (vanished mentions, ids a fresh id of this run would take)."""
    kind = draw(st.sampled_from(["none", "earlier", "stray"]))
    if kind == "none" or not rows:
        return None
    kept = [r for r in rows if draw(st.booleans())]
    # an earlier run saw other facts for some mentions: clusters split and merge
    earlier = [{**r, "perpetrator_id": "isis"} if draw(st.integers(0, 4)) == 0 else r for r in kept]
    _, registry = cluster_mentions(frame(earlier), fast=False)
    if kind == "stray":
        ids = [r["mention_id"] for r in rows]
        stray = [
            {"mention_id": draw(st.sampled_from([*ids, "gone_1", "gone_2"])), "incident_id": incident}
            for incident in draw(
                st.lists(st.sampled_from([fresh_id(i) for i in ids] + ["inc_old1", "inc_old2"]), max_size=6)
            )
        ]
        registry = pl.concat([registry, pl.DataFrame(stray, schema=REGISTRY_SCHEMA)])
    return registry


FAST_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST_SETTINGS
@given(rows=wide_mention_sets(), data=st.data())
def test_cluster_property_fast_path_equals_the_reference(rows, data):
    registry = data.draw(registries(rows))
    # pattern joins (as on big inputs) or one join; blocks paired or taken whole
    small = data.draw(st.sampled_from([0, cluster._SMALL_BLOCKS]))
    budget = data.draw(st.sampled_from([cluster.PAIR_BUDGET, 2]))  # 2: joins in slices
    limit = data.draw(st.sampled_from([cluster.PAIR_LIMIT, cluster.PAIR_LIMIT, 0]))  # 0: blocks taken whole
    expected = cluster_mentions(frame(rows), registry, fast=False)
    with (
        patch.object(cluster, "_SMALL_BLOCKS", small),
        patch.object(cluster, "PAIR_BUDGET", budget),
        patch.object(cluster, "PAIR_LIMIT", limit),
    ):
        got = cluster_mentions(frame(rows), registry)
    assert got[0].equals(expected[0])
    assert got[1].equals(expected[1])


@FAST_SETTINGS
@given(rows=wide_mention_sets(), small=st.booleans())
def test_cluster_property_prefilter_keeps_every_compatible_pair(rows, small):
    """The prefilter is conservative: both mentions of a compatible pair go to the Python
    rules, each listed among the other's partners (dated, or with an undated one)."""
    actors = load_actors()
    prep = _prepared(_normalized_frame(frame(rows)))
    with patch.object(cluster, "_SMALL_BLOCKS", 0 if small else cluster._SMALL_BLOCKS):
        mergeable, partners, strict_partners = _mergeable(prep, actors)
    chosen = set(prep["mention_id"].gather(mergeable).to_list())
    ms = [_prepare(dict(r)) for r in _rows(_normalized_frame(frame(rows)))]
    for a, b in itertools.combinations(ms, 2):
        if not compatible(a, b, actors):
            continue
        assert {a.mention_id, b.mention_id} <= chosen
        pairs = partners if not (a.undated or b.undated) else strict_partners
        assert b.mention_id in pairs[a.mention_id] and a.mention_id in pairs[b.mention_id]


def _weak_fresh_id(key: str) -> str:
    return "inc_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:2]


@FAST_SETTINGS
@given(rows=wide_mention_sets(min_size=15, max_size=30), data=st.data())
def test_cluster_property_fresh_id_clashes_resolve_as_the_reference(rows, data):
    """With 256 possible fresh ids, fresh ids clash with old ones and with each other: the
    salted ids, and the fall-back to the one-at-a-time loop, give the reference's ids."""
    with (
        patch.object(cluster, "fresh_id", _weak_fresh_id),
        patch.object(cluster, "_fresh_ids", lambda keys: keys.map_elements(_weak_fresh_id, pl.String)),
    ):
        registry = data.draw(registries(rows))
        expected = cluster_mentions(frame(rows), registry, fast=False)
        got = cluster_mentions(frame(rows), registry)
    assert got[0].equals(expected[0])
    assert got[1].equals(expected[1])


def test_cluster_fast_path_one_mention_incidents_reconcile_as_the_rules():
    """Odd single reports through the bulk code give what `reconcile` gives."""
    base = {
        "article_url": URLS[0],
        "published": None,
        "event_date": DAY0,
        "date_precision": "day",
        "country": "Iraq",
        "governorate": "Anbar",
        "location": "Anbar",
        "latitude": None,
        "longitude": 42.0,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "weapon": None,
        "perpetrator_id": "isis",
        "target_id": None,
        "claimed": None,
        "killed_low": None,
        "killed_best": None,
        "killed_high": None,
        "wounded_low": None,
        "wounded_best": None,
        "wounded_high": None,
        "evidence": None,
        "confidence": None,
    }
    odd = [
        {"date_precision": "WEEK", "evidence": "\x1c\u3000نص\u200b \x85"},
        {
            "date_precision": "fortnight",
            "confidence": math.nan,
            "killed_low": 7,
            "killed_best": 5,
            "killed_high": 2,
        },
        {"date_precision": "year", "confidence": 1.7, "killed_best": 3},
        {"event_date": None, "date_precision": "day", "confidence": -0.0, "killed_low": 0, "killed_high": 4},
        {"event_type": None, "sub_event_type": "Air/drone strike", "perpetrator_id": ""},
        {"event_type": "Riots", "sub_event_type": "", "perpetrator_id": None, "target_id": ""},
        {"event_type": None, "sub_event_type": "no such type", "latitude": 33.1, "longitude": None},
        {"article_url": None, "governorate": "", "country": "", "confidence": 0.33335},
    ]
    rows = [
        {**base, "mention_id": f"odd_{i}", "event_date": DAY0 + dt.timedelta(days=400 * i), **fields}
        for i, fields in enumerate(odd)
    ]
    with patch.object(cluster, "_SMALL_BLOCKS", 0):
        got = cluster_mentions(frame(rows))
    expected = cluster_mentions(frame(rows), fast=False)
    assert got[0]["source_count"].to_list() == [1] * len(rows)  # every report its own incident
    assert got[0].equals(expected[0])
    assert got[1].equals(expected[1])


def test_cluster_fast_path_strips_what_python_strips():
    assert set(cluster._PY_WHITESPACE) == {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.sampled_from(["a", "b", None]), st.sampled_from([0, 1, None])),
        max_size=40,
    )
)
def test_sharing_keys_is_the_window_it_replaces(rows):
    # the rows whose keys another row shares, in order, nulls equal (as `pl.len().over`)
    frame = pl.DataFrame(
        {
            "_day": [r[0] for r in rows],
            "_gk": [r[1] for r in rows],
            "_tc": [r[2] for r in rows],
            "_i": list(range(len(rows))),
        },
        schema={"_day": pl.Int32, "_gk": pl.String, "_tc": pl.Int32, "_i": pl.UInt32},
    )
    keys = ["_day", "_gk", "_tc"]
    expected = frame.filter(pl.len().over(keys) > 1)
    assert cluster._sharing_keys(frame, keys).equals(expected)
