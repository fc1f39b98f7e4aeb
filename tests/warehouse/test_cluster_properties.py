"""Laws of clustering on generated mentions: order-independent, idempotent, never chaining."""

from __future__ import annotations

import datetime as dt
import itertools

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.warehouse.cluster import (
    MENTION_SCHEMA,
    _prepare,
    cluster_mentions,
    compatible,
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
