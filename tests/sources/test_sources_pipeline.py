"""The full path, feed -> pages -> articles table, against the real server on 127.0.0.1;
incremental second runs; GDELT discovery; isolation; `marsad sources check`."""

from __future__ import annotations

import datetime as dt
import time
from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest

from marsad import pipeline, settings
from marsad.sources import SourceError
from marsad.sources.config import load_config
from marsad.sources.fetch import fetch_sources

FEEDS = """
- {name: rafidain, kind: rss, url: '{BASE}/feeds/rss.xml'}
- {name: kirkuk, kind: rss, url: '{BASE}/feeds/atom.xml'}
"""


def query(db, sql: str, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@pytest.fixture
def no_extraction(monkeypatch):
    """Extraction is another issue's: an extractor that finds nothing keeps these tests about fetching."""
    import marsad.extract

    monkeypatch.setattr(marsad.extract, "extract", lambda text, published, title=None: [])


def test_feed_to_pages_to_articles_then_a_second_run_adds_nothing(
    write_config, tmp_path, server, no_extraction, monkeypatch
):
    monkeypatch.setenv("MARSAD_RAW_DIR", str(tmp_path / "raw"))
    db = tmp_path / "w.duckdb"
    config = write_config(FEEDS)
    first = pipeline.run(db, tmp_path / "out", config=config)
    rows = query(db, "select url, source_name, title, published, text from articles order by url")
    by_url = {url.removeprefix(server.base): row for url, *row in rows}
    assert sorted(by_url) == [
        "/legacy/kirkuk-1201.html",  # windows-1256, <meta> charset only
        "/news/1.html",  # link had utm_ parameters
        "/news/2.html",  # link had a #fragment; Arabic pubDate
        "/news/3.html",  # linked as its /amp/ variant
        "/news/full-text",  # content:encoded carried the article: never fetched
    ]
    assert first.articles_new == 5 and not any(r.failed for r in first.sources)
    source, title, published, text = by_url["/news/1.html"]
    assert (source, title, published) == (
        "rafidain",
        "مقتل ثلاثة عناصر أمن بهجوم مسلح في ديالى",
        dt.datetime(2026, 11, 18, 6, 40),
    )
    assert "نقطة تفتيش في ناحية العظيم" in text
    assert "أخبار ذات صلة" not in text and "جميع الحقوق محفوظة" not in text  # boilerplate dropped
    assert by_url["/news/2.html"][2] == dt.datetime(2026, 11, 19)  # read from the Arabic pubDate
    assert by_url["/legacy/kirkuk-1201.html"][3].startswith("اندلعت اشتباكات مسلحة مساء أمس")
    assert by_url["/legacy/kirkuk-1201.html"][2] == dt.datetime(2026, 11, 20, 14, 30)  # Atom, +03:00 -> UTC
    assert "/news/full-text" not in server.paths()
    assert "/amp/news/3.html" not in server.paths()
    # the pdf item failed, visibly, without failing its source
    assert query(db, "select error from fetch_log where url like '%report.pdf'") == [
        ("not HTML: content-type application/pdf",)
    ]
    assert [len(r.failures) for r in first.sources] == [1, 0]
    bodies = list((tmp_path / "raw").rglob("*.gz"))
    assert len(bodies) == len(
        query(db, "select distinct body_sha256 from fetch_log where body_sha256 is not null")
    )

    counts = {
        t: query(db, f"select count(*) from {t}")[0][0] for t in ("articles", "extractions", "source_cursors")
    }
    requests_before = len(server.requests)
    second = pipeline.run(db, tmp_path / "out", config=config)
    new_paths = [urlsplit(p).path for p, _ in server.requests[requests_before:]]
    assert sorted(new_paths) == ["/feeds/atom.xml", "/feeds/rss.xml", "/robots.txt"]  # feeds only, no page
    assert query(
        db, "select status from fetch_log where url like '%/feeds/%' order by started_at desc limit 2"
    ) == [
        (304,),
        (304,),
    ]
    assert (second.articles_read, second.articles_new, second.articles_updated) == (0, 0, 0)
    assert {t: query(db, f"select count(*) from {t}")[0][0] for t in counts} == counts
    assert len(list((tmp_path / "raw").rglob("*.gz"))) == len(bodies)


def test_item_refetched_when_its_feed_says_it_changed(write_config, db, server):
    from marsad.sources.fetch import save_cursors

    sources = load_config(write_config("- {name: kirkuk, kind: rss, url: '{BASE}/feeds/atom.xml'}"))
    first = fetch_sources(sources, db=db, raw_dir=db.parent / "raw")
    pipeline.load(db, first.articles, [])
    save_cursors(db, first.cursors)
    cursor = first.cursors["kirkuk"][1]
    (key,) = [url for url in cursor["seen"] if url.endswith("/news/3.html")]
    cursor["seen"][key][0] = "2026-11-19T00:00:00Z"  # as if the feed had said an older `updated`
    save_cursors(db, first.cursors)
    before = server.hits["/news/3.html"]
    second = fetch_sources(sources, db=db, raw_dir=db.parent / "raw")
    assert server.hits["/news/3.html"] == before + 1
    assert [a.url.removeprefix(server.base) for a in second.articles] == ["/news/3.html"]


def test_same_body_under_two_urls_is_stored_once(write_config, db, server):
    sources = load_config(
        write_config("- {name: w, kind: pages, urls: ['{BASE}/news/3.html', '{BASE}/news/3-copy.html']}")
    )
    outcome = fetch_sources(sources, db=db, raw_dir=db.parent / "raw")
    assert [a.url.removeprefix(server.base) for a in outcome.articles] == ["/news/3.html"]
    assert outcome.reports[0].skipped == 1
    assert len(list((db.parent / "raw").rglob("*.gz"))) == 2  # robots.txt and the one page body


def test_windows_1256_page_without_any_charset_is_detected(write_config, db):
    outcome = fetch_sources(
        load_config(write_config("- {name: w, kind: pages, urls: ['{BASE}/legacy/undeclared.html']}")), db=db
    )
    (article,) = outcome.articles
    assert article.title == "اشتباكات بين قوة أمنية ومسلحين في كركوك"
    assert "قيادة عمليات كركوك" in article.text
    assert article.published == dt.datetime(2026, 11, 20)  # the byline, "الخميس 20 تشرين الثاني 2026"


# ---------------------------------------------------------------------------------------
# GDELT


GDELT = "- {name: factions, kind: gdelt, query: '\"كتائب حزب الله\" OR \"عصائب أهل الحق\"', timespan: 1d, endpoint: '{BASE}/gdelt/api'}"


def test_gdelt_artlist_pages_fetched_with_seendate_fallback(write_config, db, server):
    outcome = fetch_sources(load_config(write_config(GDELT)), db=db, raw_dir=db.parent / "raw")
    (call,) = [p for p, _ in server.requests if p.startswith("/gdelt/api")]
    params = {k: v[0] for k, v in parse_qs(urlsplit(call).query).items()}
    assert params["query"] == '("كتائب حزب الله" OR "عصائب أهل الحق") sourcelang:arabic'
    assert (params["mode"], params["format"], params["maxrecords"]) == ("artlist", "json", "250")
    span = dt.datetime.strptime(params["enddatetime"], "%Y%m%d%H%M%S") - dt.datetime.strptime(
        params["startdatetime"], "%Y%m%d%H%M%S"
    )
    assert span == dt.timedelta(days=1)
    by_path = {a.url.removeprefix(server.base): a for a in outcome.articles}
    assert sorted(by_path) == ["/legacy/kirkuk-1201.html", "/news/2.html", "/news/3.html"]
    # news-3 has no date of its own: GDELT's seendate; news-2 has its byline date
    assert by_path["/news/3.html"].published == dt.datetime(2026, 11, 20, 6, 15)
    assert by_path["/news/2.html"].published == dt.datetime(2026, 11, 19)
    assert "until" in outcome.cursors["factions"][1]


def test_gdelt_full_windows_are_halved_and_calls_spaced(write_config, db, server, monkeypatch):
    monkeypatch.setattr(settings, "GDELT_WINDOW_HOURS", 24)
    server.gdelt_full_above_hours = 7  # 24 h -> 12 h -> 6 h windows
    clock = time.monotonic()
    outcome = fetch_sources(load_config(write_config(GDELT)), db=db, raw_dir=db.parent / "raw")
    elapsed = time.monotonic() - clock
    calls = [parse_qs(urlsplit(p).query) for p, _ in server.requests if p.startswith("/gdelt/api")]
    spans = [
        (
            dt.datetime.strptime(c["enddatetime"][0], "%Y%m%d%H%M%S")
            - dt.datetime.strptime(c["startdatetime"][0], "%Y%m%d%H%M%S")
        ).total_seconds()
        / 3600
        for c in calls
    ]
    assert spans == [24, 12, 6, 6, 12, 6, 6]
    assert elapsed >= 6 * settings.GDELT_MIN_INTERVAL  # 7 calls, at least the interval apart
    assert len(outcome.articles) == 3


def test_gdelt_error_text_is_a_visible_failure(write_config, db):
    config = GDELT.replace("/gdelt/api", "/gdelt/broken")
    outcome = fetch_sources(load_config(write_config(config)), db=db)
    assert outcome.all_failed and "GDELT did not answer JSON" in outcome.reports[0].error
    assert query(db, "select error from fetch_log where url like '%/gdelt/broken%'")[0][0].startswith(
        "GDELT did not answer JSON: The specified query was too short"
    )


def test_gdelt_second_run_starts_from_the_cursor(write_config, db, server):
    from marsad.sources.fetch import save_cursors

    sources = load_config(write_config(GDELT))
    first = fetch_sources(sources, db=db)
    save_cursors(db, first.cursors)
    fetch_sources(sources, db=db, now=dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(hours=2))
    last = [parse_qs(urlsplit(p).query) for p, _ in server.requests if p.startswith("/gdelt/api")][-1]
    start = dt.datetime.strptime(last["startdatetime"][0], "%Y%m%d%H%M%S")
    until = dt.datetime.fromisoformat(first.cursors["factions"][1]["until"])
    assert start == until - dt.timedelta(hours=1)  # from the cursor, with GDELT's indexing overlap


# ---------------------------------------------------------------------------------------
# Isolation and the run summary


def test_run_fails_only_when_every_enabled_source_failed(write_config, db):
    sources = load_config(
        write_config(
            "- {name: bomb, kind: rss, url: '{BASE}/feeds/bomb.xml'}\n"
            "- {name: quiet, kind: rss, url: '{BASE}/feeds/empty.xml'}\n"
            "- {name: paused, kind: rss, url: '{BASE}/feeds/atom.xml', enabled: false}"
        )
    )
    with pytest.raises(
        SourceError, match="every enabled source failed: bomb: .*XML refused.*; quiet: .*empty feed"
    ):
        pipeline.load_inputs(sources, db=db)
    assert query(db, "select count(*) from fetch_log where url like '%/feeds/%'") == [(2,)]  # not 'paused'


def test_run_summary_lists_failures_per_source(write_config, tmp_path, server, no_extraction, monkeypatch):
    import io

    from marsad import cli

    monkeypatch.setenv("MARSAD_RAW_DIR", str(tmp_path / "raw"))
    config = write_config(
        "- {name: bomb, kind: rss, url: '{BASE}/feeds/bomb.xml'}\n"
        "- {name: watch, kind: pages, urls: ['{BASE}/news/3.html', '{BASE}/nowhere.html']}"
    )
    summary = pipeline.run(tmp_path / "w.duckdb", tmp_path / "out", config=config)
    bomb, watch = summary.sources
    assert bomb.failed and "XML refused" in bomb.error
    assert not watch.failed and watch.articles == 1
    assert watch.failures == [f"{server.base}/nowhere.html: HTTP 404"]
    buffer = io.StringIO()
    console = cli._console(buffer)
    console.width = 200
    console.print(cli._sources_table(summary.sources))
    assert "FAILED: feed" in buffer.getvalue() and "XML refused" in buffer.getvalue()


# ---------------------------------------------------------------------------------------
# marsad sources check


def test_sources_check_reports_each_source(write_config, server, capsys, tmp_path, monkeypatch):
    from marsad import cli

    monkeypatch.setenv("COLUMNS", "300")  # one table row per line

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("---\nurl: https://x.example/a\n---\nنص", encoding="utf-8")
    config = write_config(
        "- {name: local, kind: files, path: corpus}\n"
        "- {name: rafidain, kind: rss, url: '{BASE}/feeds/rss.xml'}\n"
        "- {name: bomb, kind: rss, url: '{BASE}/feeds/bomb.xml'}\n"
        "- {name: watch, kind: pages, urls: ['{BASE}/news/1.html']}\n" + GDELT
    )
    code = cli.main(["sources", "check", "--config", str(config)])
    out = capsys.readouterr().out
    assert code == 1  # the bomb feed is not usable
    lines = {line.split("│")[1].strip(): line for line in out.splitlines() if line.count("│") >= 4}
    assert "yes" in lines["local"] and "1 file(s)" in lines["local"]
    assert "yes" in lines["rafidain"] and "4 items" in lines["rafidain"]
    assert "NO" in lines["bomb"] and "XML refused" in lines["bomb"]
    assert "yes" in lines["watch"] and "yes" in lines["factions"]
    assert not (tmp_path / "w.duckdb").exists()  # a probe writes nothing


def test_sources_check_names_the_bad_key(write_config, capsys):
    from marsad import cli

    config = write_config("- {name: rafidain, kind: rss, url: 'ftp://example.org/feed'}")
    assert cli.main(["sources", "check", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert str(config) in err and "sources[0] (rafidain).url" in err
