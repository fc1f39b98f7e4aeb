"""Loads: idempotent (same articles again change no row and no id) and atomic (an exception
at any point leaves the previous state)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warehouse_kit import extracted, make_article, rows

import marsad.warehouse.loader as load_module
from marsad.model import Mention
from marsad.warehouse import connect, load
from marsad.warehouse.loader import article_id, mention_id

RAW = ("articles", "extractions", "incident_mentions", "schema_info")
T1 = dt.datetime(2024, 2, 1, 10, 0)
T2 = dt.datetime(2024, 2, 2, 10, 0)


def snapshot(con) -> dict[str, list[dict]]:
    return {table: rows(con, f"select * from {table} order by all") for table in RAW}


def batch():
    articles = [make_article(n) for n in range(3)]
    mentions = [
        extracted(
            articles[0], [Mention(location="Amarah", killed_low=1, killed_best=1, killed_high=1, notes=["x"])]
        ),
        extracted(articles[1], [Mention(location="Basra"), Mention(location="Kut", claimed=True)]),
        extracted(articles[2], []),
    ]
    return articles, mentions


def test_load_stores_articles_extractions_and_mentions(con):
    articles, mentions = batch()
    stats = load(con, articles, mentions, now=T1)
    assert (stats.articles_new, stats.articles_seen, stats.extractions, stats.mentions) == (3, 0, 3, 3)
    stored = rows(con, "select article_id, url, fetched_at, updated_at from articles order by url")
    assert stored == [
        {"article_id": article_id(a), "url": a.url, "fetched_at": T1, "updated_at": None} for a in articles
    ]
    assert rows(con, "select article_id, n_mentions from extractions order by n_mentions") == [
        {"article_id": article_id(articles[2]), "n_mentions": 0},
        {"article_id": article_id(articles[0]), "n_mentions": 1},
        {"article_id": article_id(articles[1]), "n_mentions": 2},
    ]
    kut = rows(con, "select * from incident_mentions where location = 'Kut'")[0]
    assert kut["mention_id"] == mention_id(article_id(articles[1]), mentions[1].content_hash, 1)
    assert (kut["mention_index"], kut["claimed"], kut["perpetrator_id"], kut["extractor_version"]) == (
        1,
        True,
        "unknown",
        "test-1",
    )


def test_loading_twice_leaves_identical_tables(con):
    articles, mentions = batch()
    load(con, articles, mentions, now=T1)
    before = snapshot(con)
    stats = load(con, articles, mentions, now=T2)
    assert (stats.articles_new, stats.articles_updated, stats.articles_seen) == (0, 0, 3)
    assert (stats.extractions, stats.mentions) == (0, 0)
    assert snapshot(con) == before


def test_changed_content_updates_the_article_and_keeps_fetched_at(con):
    articles, mentions = batch()
    load(con, articles, mentions, now=T1)
    changed = make_article(0, text="نص جديد")
    stats = load(con, [changed], [extracted(changed, [Mention(location="Najaf")])], now=T2)
    assert (stats.articles_new, stats.articles_updated, stats.mentions) == (0, 1, 1)
    row = rows(
        con, f"select text, fetched_at, updated_at from articles where article_id = '{article_id(changed)}'"
    )
    assert row == [{"text": "نص جديد", "fetched_at": T1, "updated_at": T2}]


def test_duplicate_urls_in_one_load_keep_the_first(con):
    first, second = make_article(1), make_article(1, text="other")
    stats = load(con, [first, second], now=T1)
    assert stats.articles_new == 1
    assert rows(con, "select text from articles") == [{"text": first.text}]


@pytest.mark.parametrize("step", ["_upsert_articles", "_insert_extractions", "_insert_mentions"])
def test_exception_mid_load_leaves_previous_state(con, monkeypatch, step):
    articles, mentions = batch()
    load(con, articles[:1], mentions[:1], now=T1)
    before = snapshot(con)
    original = getattr(load_module, step)

    def fail_after(*args, **kwargs):
        original(*args, **kwargs)  # the step's writes happen, then the failure
        raise RuntimeError("injected failure")

    monkeypatch.setattr(load_module, step, fail_after)
    changed = make_article(0, text="changed")
    with pytest.raises(RuntimeError, match="injected"):
        load(con, [changed, *articles[1:]], [extracted(changed, [Mention()]), *mentions[1:]], now=T2)
    assert snapshot(con) == before
    monkeypatch.undo()
    # and the connection is usable afterwards
    assert load(con, articles, mentions, now=T2).articles_new == 2


def test_exception_mid_load_survives_reopening(db_path, monkeypatch):
    articles, mentions = batch()
    con = connect(db_path)
    load(con, articles[:1], mentions[:1], now=T1)
    before = snapshot(con)
    monkeypatch.setattr(load_module, "_insert_mentions", lambda *a: (_ for _ in ()).throw(OSError("disk")))
    with pytest.raises(OSError):
        load(con, articles, mentions, now=T2)
    con.close()
    con = connect(db_path)
    assert snapshot(con) == before
    con.close()


texts = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ٠١٢٣456", min_size=1, max_size=30)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    items=st.lists(st.tuples(st.integers(0, 6), texts, st.integers(0, 2)), min_size=1, max_size=8),
    order=st.randoms(use_true_random=False),
)
def test_loads_are_idempotent_property(tmp_path_factory, items, order):
    con = connect(tmp_path_factory.mktemp("prop") / "w.duckdb")
    try:
        articles = [make_article(n, text=text) for n, text, _ in items]
        mentions = [
            extracted(a, [Mention(location=f"p{i}") for i in range(k)])
            for a, (_, _, k) in zip(articles, items, strict=True)
        ]
        load(con, articles, mentions, now=T1)
        once = snapshot(con)
        shuffled = list(zip(articles, mentions, strict=True))
        order.shuffle(shuffled)
        # the same records again, in another order: nothing changes (first-of-duplicates aside,
        # so reload exactly the stored records: per url the first one of the first load, which
        # another record of the same url and text but other mentions must not replace)
        first: dict[str, object] = {}
        for a, m in zip(articles, mentions, strict=True):
            first.setdefault(a.url, m)
        again = [(a, m) for a, m in shuffled if m is first[a.url]]
        load(con, [a for a, _ in again], [m for _, m in again], now=T2)
        assert snapshot(con) == once
    finally:
        con.close()


def test_timezone_aware_publication_is_stored_as_naive_utc(con):
    aware = make_article(
        1, published=dt.datetime(2024, 1, 5, 11, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    )
    naive = make_article(1, published=dt.datetime(2024, 1, 5, 8, 0))
    load(con, [aware], now=T1)
    assert rows(con, "select published from articles") == [{"published": dt.datetime(2024, 1, 5, 8, 0)}]
    assert load(con, [naive], now=T2).articles_seen == 1  # same content hash
