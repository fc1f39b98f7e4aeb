"""Each way the web misbehaves is survived, and leaves the right row in fetch_log.

Every test fetches from the real server of newsserver.py on 127.0.0.1 through the fetch
stage (marsad.sources.fetch.fetch_sources) into a real warehouse, then reads fetch_log.
"""

from __future__ import annotations

import time

import duckdb
import pytest

from marsad.sources.config import load_config
from marsad.sources.fetch import fetch_sources


def fetch(write_config, db, sources: str):
    return fetch_sources(load_config(write_config(sources)), db=db, raw_dir=db.parent / "raw")


def log_rows(db, path: str) -> list[dict]:
    """fetch_log rows of one URL path, oldest first, as dicts."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        cursor = con.execute("select * from fetch_log where url like ? order by started_at", [f"%{path}"])
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()


def one_page(url_path: str) -> str:
    return f"- {{name: watch, kind: pages, urls: ['{{BASE}}{url_path}']}}"


# ---------------------------------------------------------------------------------------
# HTTP faults


def test_fault_429_waits_for_retry_after_then_succeeds(write_config, db):
    clock = time.monotonic()
    outcome = fetch(write_config, db, one_page("/faults/429"))
    elapsed = time.monotonic() - clock
    (row,) = log_rows(db, "/faults/429")
    assert (row["status"], row["attempts"], row["error"]) == (200, 2, None)
    assert row["history"] == "429 (Retry-After 1) -> 200"
    assert row["elapsed_ms"] >= 950 and elapsed >= 0.95  # Retry-After: 1 honoured, not the 10 ms backoff
    assert [a.title for a in outcome.articles] == ["مقتل ثلاثة عناصر أمن بهجوم مسلح في ديالى"]


def test_fault_500_then_200_is_retried(write_config, db):
    outcome = fetch(write_config, db, one_page("/faults/500-then-200"))
    (row,) = log_rows(db, "/faults/500-then-200")
    assert (row["status"], row["attempts"], row["history"], row["error"]) == (200, 2, "500 -> 200", None)
    assert row["body_sha256"] and row["bytes"] > 0
    assert len(outcome.articles) == 1


def test_fault_read_timeout_is_retried_then_recorded(write_config, db, server):
    outcome = fetch(write_config, db, one_page("/faults/slow"))
    (row,) = log_rows(db, "/faults/slow")
    assert row["status"] is None and row["attempts"] == 3  # 1 + retries: 2
    assert row["error"].startswith("ReadTimeout") and "after 3 attempts" in row["error"]
    assert server.hits["/faults/slow"] == 3
    assert outcome.reports[0].failed and not outcome.articles


@pytest.mark.parametrize("path", ["/faults/huge", "/faults/huge-stream"], ids=["content-length", "streamed"])
def test_fault_oversized_body_is_cut_off(write_config, db, path):
    outcome = fetch(write_config, db, one_page(path))
    (row,) = log_rows(db, path)
    assert row["status"] == 200 and row["error"].startswith("body too large")
    assert row["body_sha256"] is None and row["bytes"] is None  # nothing of it was stored
    assert not outcome.articles


def test_fault_redirect_loop_is_named(write_config, db, server):
    fetch(write_config, db, one_page("/faults/loop-a"))
    (row,) = log_rows(db, "/faults/loop-a")
    assert row["status"] == 302 and row["error"].startswith("redirect loop: ")
    assert row["error"].endswith("/faults/loop-b -> " + server.base + "/faults/loop-a")
    assert server.hits["/faults/loop-a"] == 1 and server.hits["/faults/loop-b"] == 1


def test_redirect_is_followed_and_final_url_kept(write_config, db):
    outcome = fetch(write_config, db, one_page("/faults/redirect-to-news"))
    (row,) = log_rows(db, "/faults/redirect-to-news")
    assert (row["status"], row["history"], row["error"]) == (200, "301 -> 200", None)
    assert row["final_url"].endswith("/news/3.html")
    assert len(outcome.articles) == 1


@pytest.mark.parametrize("hops", [3, 5])
def test_redirect_chain_up_to_five_hops_is_followed(write_config, db, server, hops):
    outcome = fetch(write_config, db, one_page(f"/faults/chain/{hops}/{hops}"))
    (row,) = log_rows(db, f"/faults/chain/{hops}/{hops}")
    assert (row["status"], row["error"]) == (200, None)
    assert row["history"] == " -> ".join(["302"] * hops + ["200"])
    assert row["final_url"] == f"{server.base}/faults/chain/{hops}/0"
    assert len(outcome.articles) == 1


def test_redirect_chain_over_five_hops_is_refused_and_logged(write_config, db, server):
    outcome = fetch(write_config, db, one_page("/faults/chain/6/6"))
    (row,) = log_rows(db, "/faults/chain/6/6")
    assert row["status"] == 302 and row["error"].startswith("too many redirects (over 5): ")
    assert row["error"].endswith("/faults/chain/6/6 -> " + " -> ".join(
        f"{server.base}/faults/chain/6/{n}" for n in (5, 4, 3, 2, 1)
    ))  # fmt: skip
    assert row["history"] == " -> ".join(["302"] * 6)
    assert row["body_sha256"] is None
    # five redirects followed, the sixth not: its target was never asked for
    assert [server.hits[f"/faults/chain/6/{n}"] for n in (6, 5, 4, 3, 2, 1, 0)] == [1, 1, 1, 1, 1, 1, 0]
    assert not outcome.articles
    assert [r.reason for r in outcome.rejections] == [row["error"]]


def test_fault_robots_disallow_is_never_requested(write_config, db, server):
    outcome = fetch(write_config, db, one_page("/private/secret.html"))
    (row,) = log_rows(db, "/private/secret.html")
    assert row["status"] is None and row["attempts"] == 0
    assert row["error"] == f"disallowed by {server.base}/robots.txt"
    assert "/private/secret.html" not in server.paths()
    (robots,) = log_rows(db, "/robots.txt")
    assert robots["status"] == 200
    assert outcome.reports[0].failed


def test_fault_404_page_is_a_rejection_not_a_crash(write_config, db):
    outcome = fetch(
        write_config, db, "- {name: watch, kind: pages, urls: ['{BASE}/nowhere.html', '{BASE}/news/3.html']}"
    )
    (row,) = log_rows(db, "/nowhere.html")
    assert (row["status"], row["error"]) == (404, "HTTP 404")
    assert [r.reason for r in outcome.rejections] == ["HTTP 404"]
    assert len(outcome.articles) == 1 and not outcome.reports[0].failed


def test_fault_non_html_body_is_recorded(write_config, db):
    outcome = fetch(write_config, db, one_page("/media/report.pdf"))
    (row,) = log_rows(db, "/media/report.pdf")
    assert row["status"] == 200 and row["error"] == "not HTML: content-type application/pdf"
    assert row["body_sha256"]  # the body is kept in the raw store all the same
    assert not outcome.articles


def test_dead_host_is_survived(write_config, db):
    # port 9 on loopback: nothing listens, the connection is refused at once
    outcome = fetch(
        write_config,
        db,
        "- {name: dead, kind: rss, url: 'http://127.0.0.1:9/rss.xml'}\n"
        "- {name: alive, kind: pages, urls: ['{BASE}/news/3.html']}",
    )
    dead, alive = outcome.reports
    assert dead.failed and "robots.txt unreachable (ConnectError" in dead.error
    assert not alive.failed and len(outcome.articles) == 1
    (robots,) = log_rows(db, ":9/robots.txt")
    assert robots["status"] is None and robots["attempts"] == 3 and robots["error"].startswith("ConnectError")


# ---------------------------------------------------------------------------------------
# Feed faults


def test_fault_malformed_xml_feed(write_config, db):
    outcome = fetch(write_config, db, "- {name: broken, kind: rss, url: '{BASE}/feeds/malformed.xml'}")
    (row,) = log_rows(db, "/feeds/malformed.xml")
    assert row["status"] == 200 and row["error"].startswith("malformed XML")
    assert outcome.reports[0].failed and "malformed XML" in outcome.reports[0].error


def test_fault_xml_entity_bomb_is_refused_unexpanded(write_config, db):
    clock = time.monotonic()
    outcome = fetch(write_config, db, "- {name: bomb, kind: rss, url: '{BASE}/feeds/bomb.xml'}")
    assert time.monotonic() - clock < 5  # 10**9 copies of a word were never built
    (row,) = log_rows(db, "/feeds/bomb.xml")
    assert row["status"] == 200 and row["error"].startswith("XML refused: declares entity")
    assert outcome.reports[0].failed and not outcome.articles


def test_fault_empty_feed(write_config, db):
    outcome = fetch(write_config, db, "- {name: quiet, kind: rss, url: '{BASE}/feeds/empty.xml'}")
    (row,) = log_rows(db, "/feeds/empty.xml")
    assert (row["status"], row["error"]) == (200, "empty feed: no items")
    assert outcome.reports[0].failed


def test_fault_garbled_feed_source_does_not_stop_the_others(write_config, db):
    outcome = fetch(
        write_config,
        db,
        "- {name: bomb, kind: rss, url: '{BASE}/feeds/bomb.xml'}\n"
        "- {name: broken, kind: rss, url: '{BASE}/feeds/malformed.xml'}\n"
        "- {name: atom, kind: rss, url: '{BASE}/feeds/atom.xml'}",
    )
    assert [r.failed for r in outcome.reports] == [True, True, False]
    assert len(outcome.articles) == 2 and not outcome.all_failed


def test_fault_304_on_second_run_reuses_the_stored_feed(write_config, db, server):
    config = "- {name: atom, kind: rss, url: '{BASE}/feeds/atom.xml'}"
    first = fetch(write_config, db, config)
    assert len(first.articles) == 2
    second = fetch(write_config, db, config)
    rows = log_rows(db, "/feeds/atom.xml")
    assert [(r["status"], r["bytes"] > 0) for r in rows] == [(200, True), (304, False)]
    assert rows[1]["body_sha256"] == rows[0]["body_sha256"] and rows[1]["error"] is None
    conditional = [headers for path, headers in server.requests if path == "/feeds/atom.xml"][1]
    assert conditional.get("If-None-Match") == rows[0]["etag"]
    assert conditional.get("If-Modified-Since") == rows[0]["last_modified"]
    # nothing was loaded or saved between the runs here, so the pages are asked again, and
    # they too answer 304 and come back from the raw store (test_sources_pipeline covers a
    # full second run, which asks for no page at all)
    assert second.reports[0].error is None and len(second.articles) == 2
    assert {r["status"] for r in log_rows(db, "/news/3.html")} == {200, 304}


def test_every_request_names_marsad_and_its_readme(write_config, db, server):
    from marsad import settings

    fetch(write_config, db, one_page("/news/3.html"))
    agents = {headers.get("User-Agent") for _, headers in server.requests}
    assert agents == {settings.USER_AGENT}
    assert "Marsad" in settings.USER_AGENT and settings.CONTACT_URL in settings.USER_AGENT


def test_per_host_minimum_interval_spaces_requests(write_config, db, server):
    urls = ", ".join(f"'{{BASE}}/news/{n}.html'" for n in (1, 2, 3))
    outcome = fetch(write_config, db, f"- {{name: watch, kind: pages, min_interval: 0.3, urls: [{urls}]}}")
    assert len(outcome.articles) == 3
    starts = [at for _, at in server.started]  # robots.txt, then the three pages
    assert len(starts) == 4
    # robots.txt takes the first slot, the pages (fetched by 4 threads) the next three, 0.3 s
    # apart; measured on arrival, so only the whole span is safe from scheduling noise
    assert starts[-1] - starts[0] >= 0.85


@pytest.mark.parametrize("limit", [1, 3])
def test_per_host_concurrency_limit_holds_at_the_server(write_config, db, server, limit, fast_http):

    # eight pages of one host, fetched by the stage's four threads; each answer takes 0.3 s
    urls = ", ".join(f"'{{BASE}}/faults/held/{n}'" for n in range(8))
    config = write_config(
        f"- {{name: watch, kind: pages, urls: [{urls}]}}",
        http=fast_http + f"  per_host_concurrency: {limit}\n",
    )
    fetch_sources(load_config(config), db=db, raw_dir=db.parent / "raw")
    assert sum(server.hits[f"/faults/held/{n}"] for n in range(8)) == 8
    assert server.max_in_flight == limit  # reached, never passed


def test_per_host_concurrency_limit_holds_for_many_threads_of_one_fetcher(server):
    import threading

    from marsad.sources.http import Fetcher, HttpOptions

    options = HttpOptions(
        connect_timeout=1, read_timeout=2, retries=0, min_interval=0, per_host_concurrency=2
    )
    results = []
    with Fetcher(options) as fetcher:
        threads = [
            threading.Thread(target=lambda n=n: results.append(fetcher.get(f"{server.base}/faults/held/{n}")))
            for n in range(12)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert len(results) == 12 and all(r.ok for r in results)
    assert server.max_in_flight == 2
