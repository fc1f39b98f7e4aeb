"""The staging area of a load (marsad/warehouse/staging.py): extraction batches and articles
written to Parquet as a run goes, then loaded in one transaction. A staged load stores
exactly what the in-memory load stores; a batch staged twice (a retried task) or half
written changes nothing; a failure mid-load or mid-staging leaves the warehouse as it was."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest
from warehouse_kit import extracted, make_article, rows

import marsad.warehouse.loader as load_module
import marsad.warehouse.staging as staging_module
from marsad.model import Mention
from marsad.warehouse import connect, load
from marsad.warehouse.loader import load_staged
from marsad.warehouse.staging import Staging, sweep_stale

RAW = ("articles", "extractions", "incident_mentions")
T1 = dt.datetime(2024, 2, 1, 10, 0)
T2 = dt.datetime(2024, 2, 2, 10, 0)


def snapshot(con) -> dict[str, list[dict]]:
    return {table: rows(con, f"select * from {table} order by all") for table in RAW}


def corpus(n: int = 12):
    articles = [make_article(i) for i in range(n)]
    items = [
        extracted(
            a,
            [
                Mention(location=f"p{i}.{k}", killed_low=k, killed_best=k, killed_high=k, notes=[f"n{k}"])
                for k in range(i % 3)
            ],
        )
        for i, a in enumerate(articles)
    ]
    return articles, items


def staged_load(con, articles, items, tmp_path, batch: int = 5, now=T1, **kwargs):
    with Staging(tmp_path / "tmp") as staging:
        for part, start in enumerate(range(0, len(items), batch)):
            staging.add_extracted(items[start : start + batch], part)
        staging.add_articles(articles, **kwargs)
        return load_staged(con, staging, now)


def test_staged_load_stores_what_the_in_memory_load_stores(tmp_path):
    articles, items = corpus()
    # duplicates: an article url twice (the first wins), an extraction in two batches
    articles = [*articles, make_article(3, text="a later copy")]
    items = [*items, items[4]]
    one = connect(tmp_path / "one.duckdb")
    two = connect(tmp_path / "two.duckdb")
    try:
        expected = load(one, articles, items, now=T1)
        stats = staged_load(two, articles, items, tmp_path, batch=5, chunk_size=4)
        assert stats == expected
        assert (stats.articles_new, stats.extractions, stats.mentions) == (12, 12, 12)
        assert snapshot(two) == snapshot(one)
        # and again: nothing changes, no id moves
        again = staged_load(two, articles, items, tmp_path, batch=3, now=T2)
        assert (again.articles_new, again.articles_seen, again.extractions, again.mentions) == (0, 12, 0, 0)
        assert snapshot(two) == snapshot(one)
    finally:
        one.close()
        two.close()


def test_articles_are_loaded_in_input_order_and_released_when_asked(tmp_path, con):
    articles, _ = corpus(10)
    given = list(reversed(articles))
    with Staging(tmp_path / "tmp") as staging:
        assert staging.add_articles(given, chunk_size=3, release=True) == 10
        assert given == []  # emptied as staged: the texts left memory chunk by chunk
        assert len(staging.files("articles")) == 4
        load_staged(con, staging, T1)
    urls = [r[0] for r in con.execute("select url from articles").fetchall()]
    assert urls == [a.url for a in reversed(articles)]


def test_a_retried_batch_replaces_its_part(tmp_path, con):
    articles, items = corpus(6)
    with Staging(tmp_path / "tmp") as staging:
        staging.add_extracted(items[:3], 0)
        staging.add_extracted(items[3:], 1)
        staging.add_extracted(items[3:], 1)  # the task ran again
        assert len(staging.files("extractions")) == 2
        staging.add_articles(articles)
        stats = load_staged(con, staging, T1)
    assert (stats.extractions, stats.mentions) == (6, 6)


def test_a_half_written_batch_is_not_read(tmp_path, con):
    articles, items = corpus(6)
    with Staging(tmp_path / "tmp") as staging:
        staging.add_extracted(items[:3], 0)
        staging.add_extracted(items[3:], 1)
        # killed between the two files of part 1: mentions written, extractions not
        os.remove(staging.path / "extractions-000001.parquet")
        assert [os.path.basename(f) for f in staging.files("mentions")] == ["mentions-000000.parquet"]
        staging.add_articles(articles)
        load_staged(con, staging, T1)
    extracted_ids = {r[0] for r in con.execute("select article_id from extractions").fetchall()}
    mentioned_ids = {r[0] for r in con.execute("select article_id from incident_mentions").fetchall()}
    assert extracted_ids == {item.article_id for item in items[:3]}
    assert mentioned_ids <= extracted_ids  # no mention without its extraction (it would never be retried)


def test_empty_staging_loads_nothing(tmp_path, con):
    with Staging(tmp_path / "tmp") as staging:
        stats = load_staged(con, staging, T1)
    assert (stats.articles_new, stats.extractions, stats.mentions) == (0, 0, 0)
    assert con.execute("select count(*) from articles").fetchone()[0] == 0


@pytest.mark.parametrize("step", ["_stage", "_upsert_articles", "_insert_extractions", "_insert_mentions"])
def test_failure_mid_staged_load_leaves_previous_state(tmp_path, db_path, monkeypatch, step):
    articles, items = corpus()
    con = connect(db_path)
    staged_load(con, articles[:4], items[:4], tmp_path)
    before = snapshot(con)
    original = getattr(load_module, step)

    def fail_after(*args, **kwargs):
        original(*args, **kwargs)
        raise RuntimeError("injected failure")

    monkeypatch.setattr(load_module, step, fail_after)
    changed = [make_article(0, text="changed"), *articles[1:]]
    with pytest.raises(RuntimeError, match="injected"):
        staged_load(con, changed, [extracted(changed[0], [Mention()]), *items[1:]], tmp_path, now=T2)
    con.close()
    con = connect(db_path)  # and after reopening
    assert snapshot(con) == before
    con.close()


def test_failure_while_staging_touches_nothing_and_leaves_no_files(tmp_path, db_path, monkeypatch):
    articles, items = corpus()
    con = connect(db_path)
    staged_load(con, articles[:4], items[:4], tmp_path)
    before = snapshot(con)
    real = Staging.add_extracted

    def full_disk(self, batch, part):
        if part == 1:
            raise OSError(28, "No space left on device")
        return real(self, batch, part)

    monkeypatch.setattr(Staging, "add_extracted", full_disk)
    with pytest.raises(OSError, match="No space"):
        staged_load(con, articles, items, tmp_path, batch=3, now=T2)
    assert snapshot(con) == before
    assert list((tmp_path / "tmp").iterdir()) == []
    con.close()


def test_stale_staging_of_a_dead_process_is_swept(tmp_path, monkeypatch):
    parent = tmp_path / "tmp"
    parent.mkdir()
    old = time.time() - 2 * staging_module.STALE_AFTER_SECONDS
    dead = parent / f"{staging_module.PREFIX}999999999-abc"  # no such pid
    young = parent / f"{staging_module.PREFIX}999999998-abc"
    alive = parent / f"{staging_module.PREFIX}{os.getppid()}-abc"
    other = parent / "someone-elses-dir"
    for path in (dead, young, alive, other):
        path.mkdir()
        (path / "articles-000000.parquet").write_bytes(b"x")
    for path in (dead, alive, other):
        os.utime(path, (old, old))
    assert sweep_stale(parent) == [dead]
    assert sorted(p.name for p in parent.iterdir()) == sorted(p.name for p in (young, alive, other))
    with Staging(parent) as staging:  # a new staging area sweeps too, and is itself removed after
        assert staging.path.parent == parent
    assert not staging.path.exists()


def test_staged_publication_times_are_naive_utc(tmp_path, con):
    aware = make_article(
        1, published=dt.datetime(2024, 1, 5, 11, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    )
    staged_load(con, [aware], [], tmp_path)
    assert con.execute("select published from articles").fetchall() == [(dt.datetime(2024, 1, 5, 8, 0),)]


def test_the_load_runs_on_one_thread_and_restores_the_connections_setting(tmp_path, con, monkeypatch):
    con.execute("set threads = 3")
    seen = []
    real = load_module._insert_mentions

    def spy(con_, now, stats):
        seen.append(con_.execute("select current_setting('threads')").fetchone()[0])
        return real(con_, now, stats)

    monkeypatch.setattr(load_module, "_insert_mentions", spy)
    articles, items = corpus(4)
    staged_load(con, articles, items, tmp_path)
    assert seen == [1]  # rows go in in staging order
    assert con.execute("select current_setting('threads')").fetchone()[0] == 3
