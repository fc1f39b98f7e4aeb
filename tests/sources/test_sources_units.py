"""The sources' pure parts: config validation, canonical URLs, charsets, files, Retry-After, raw store."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.sources import SourceError
from marsad.sources.canonical import canonical_url
from marsad.sources.config import GdeltSource, PagesSource, RssSource, load_settings, parse_timespan
from marsad.sources.files import read_html_file, read_source, read_text_file
from marsad.sources.http import decode_body, parse_retry_after
from marsad.sources.raw_store import RawStore
from marsad.sources.rss import FeedError, check_xml, parse_feed, read_date

FIXTURES = __import__("pathlib").Path(__file__).resolve().parents[1] / "fixtures" / "sources"

# ---------------------------------------------------------------------------------------
# sources.yaml


def test_config_reads_every_kind_and_the_http_section(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(
        """
sources:
  - {name: bundled, kind: files, path: samples/}
  - {name: shafaq, kind: rss, url: https://example.org/rss.xml, max_items: 20, min_interval: 3}
  - {name: watchlist, kind: pages, urls: [https://example.org/a.html], enabled: false}
  - {name: gdelt-factions, kind: gdelt, query: '"كتائب حزب الله" OR "عصائب أهل الحق"', timespan: 1d}
http: {read_timeout: 12, retries: 1}
""",
        encoding="utf-8",
    )
    config = load_settings(path)
    files, rss, pages, gdelt = config.sources
    assert files.path == tmp_path / "samples/" and files.formats == ("jsonl", "txt", "html")
    assert isinstance(rss, RssSource) and (rss.max_items, rss.min_interval, rss.lang) == (20, 3.0, "ar")
    assert isinstance(pages, PagesSource) and not pages.enabled
    assert isinstance(gdelt, GdeltSource) and gdelt.timespan == dt.timedelta(days=1)
    assert rss.http.read_timeout == 12 and rss.http.retries == 1 and rss.http.max_bytes == 5 * 1024 * 1024


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{name: s, kind: rss}", "sources[0] (s).url: required for kind rss"),
        ("{name: s, kind: rss, url: 'ftp://x/y'}", "sources[0] (s).url"),
        ("{name: s, kind: rss, url: 'https://x/y', urls: []}", "unknown key 'urls' for kind rss"),
        ("{name: s, kind: pages, urls: []}", "sources[0] (s).urls: required"),
        ("{name: s, kind: pages, urls: ['https://ok/a', 'nope']}", "sources[0] (s).urls[1]"),
        ("{name: s, kind: gdelt}", "sources[0] (s).query"),
        ("{name: s, kind: gdelt, query: x, timespan: 2y}", "sources[0] (s).timespan"),
        ("{name: s, kind: gdelt, query: x, timespan: 6m}", "only the last 90 days"),
        ("{name: s, kind: rss, url: 'https://x/y', enabled: maybe}", "sources[0] (s).enabled"),
        ("{name: s, kind: rss, url: 'https://x/y', max_items: 0}", "sources[0] (s).max_items"),
        ("{name: s, kind: rss, url: 'https://x/y', min_interval: -1}", "sources[0] (s).min_interval"),
        ("{name: s, kind: rss, url: 'https://x/y', lang: fr}", "sources[0] (s).lang"),
        ("{name: off, kind: rss, url: 'https://x/y'}", "put the name in quotes"),
        ("{name: s, kind: files, path: x, formats: [pdf]}", "sources[0] (s).formats"),
    ],
)
def test_config_error_names_file_source_and_key(tmp_path, entry, message):
    path = tmp_path / "sources.yaml"
    path.write_text(f"sources:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(SourceError) as failure:
        load_settings(path)
    assert str(path) in str(failure.value) and message in str(failure.value)


@pytest.mark.parametrize(
    ("http", "message"),
    [
        ("{read_timeout: 0}", "http.read_timeout"),
        ("{retries: -1}", "http.retries"),
        ("{proxy: x}", "http.proxy"),
    ],
)
def test_config_http_section_is_checked(tmp_path, http, message):
    path = tmp_path / "sources.yaml"
    path.write_text(f"sources:\n  - {{name: s, kind: rss, url: 'https://x/y'}}\nhttp: {http}\n")
    with pytest.raises(SourceError, match=message):
        load_settings(path)


@pytest.mark.parametrize(
    ("text", "hours"), [("15min", 0.25), ("24h", 24), ("1d", 24), ("2w", 336), ("3m", 2160)]
)
def test_timespan_spellings(text, hours):
    assert parse_timespan(text) == dt.timedelta(hours=hours)


# ---------------------------------------------------------------------------------------
# canonical URLs

CANONICAL = [
    ("HTTPS://Example.ORG:443/news/1?utm_source=x&b=2&a=1#frag", "https://example.org/news/1?a=1&b=2"),
    ("https://example.org/news/1?fbclid=abc&gclid=1", "https://example.org/news/1"),
    ("https://example.org/news/%d8%a7", "https://example.org/news/%D8%A7"),
    ("https://example.org/news/ا", "https://example.org/news/%D8%A7"),
    ("https://example.org/news/1/amp", "https://example.org/news/1"),
    ("https://example.org/news/1.amp.html", "https://example.org/news/1.html"),
    ("https://example.org/amp/news/1", "https://example.org/news/1"),
    ("https://amp.example.org/news/1", "https://example.org/news/1"),
    ("https://example.org/news/1?amp=1", "https://example.org/news/1"),
    (
        "https://www-example-org.cdn.ampproject.org/c/s/www.example.org/news/1",
        "https://www.example.org/news/1",
    ),
    ("http://example.org:8080", "http://example.org:8080/"),
    ("http://example.org/a?id=7", "http://example.org/a?id=7"),
]


@pytest.mark.parametrize(("url", "expected"), CANONICAL)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


@given(
    st.sampled_from([u for u, _ in CANONICAL]),
    st.text(alphabet="abcاب٣/-_.", max_size=12),
    st.dictionaries(
        st.sampled_from(["utm_source", "id", "page", "fbclid"]), st.text("ab1", max_size=3), max_size=3
    ),
)
def test_canonical_url_is_idempotent(base, path, query):
    from urllib.parse import urlencode

    url = base.split("?")[0].rstrip("/") + "/" + path + ("?" + urlencode(query) if query else "")
    once = canonical_url(url)
    assert canonical_url(once) == once


# ---------------------------------------------------------------------------------------
# charsets and dates

ARABIC = "قالت مصادر أمنية إن طائرة مسيرة استهدفت قاعدة عسكرية في محافظة الأنبار"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (f"<html><body><p>{ARABIC}</p></body></html>".encode("cp1256"), "text/html; charset=windows-1256"),
        (
            f'<html><head><meta charset="windows-1256"></head><body><p>{ARABIC}</p></body></html>'.encode(
                "cp1256"
            ),
            "text/html",
        ),
        (f"<html><body><p>{ARABIC}. {ARABIC}.</p></body></html>".encode("cp1256"), None),
        (f"<html><body><p>{ARABIC}</p></body></html>".encode(), "text/html"),
        (
            f"<html><body><p>{ARABIC}</p></body></html>".encode(),
            "text/html; charset=windows-1256",
        ),  # lying header
    ],
    ids=["header", "meta", "detected", "utf-8", "mislabelled"],
)
def test_decode_body_reads_arabic_right(body, content_type):
    assert ARABIC in decode_body(body, content_type)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 18 Nov 2026 06:40:00 GMT", dt.datetime(2026, 11, 18, 6, 40)),
        ("Wed, 19 Nov 2026 12:00:00 +0300", dt.datetime(2026, 11, 19, 9, 0)),
        ("2026-11-19T10:00:00Z", dt.datetime(2026, 11, 19, 10, 0)),
        ("الأربعاء 19 تشرين الثاني 2026", dt.datetime(2026, 11, 19)),
        ("", None),
    ],
)
def test_feed_date_strings(value, expected):
    assert read_date(value) == expected


def test_retry_after_seconds_and_http_date():
    assert parse_retry_after("7") == 7.0
    assert (
        parse_retry_after(
            "Thu, 01 Jan 2026 00:00:10 GMT", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC).timestamp()
        )
        == 10
    )
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


# ---------------------------------------------------------------------------------------
# XML safety


def test_entity_bomb_refused_before_any_expansion():
    with pytest.raises(FeedError, match="declares entity 'a'"):
        check_xml((FIXTURES / "feed-bomb.rss.xml").read_bytes())


def test_external_entity_refused():
    body = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>'
    with pytest.raises(FeedError, match="XML refused"):
        parse_feed(body)


def test_atom_feed_items():
    items, warning = parse_feed((FIXTURES / "feed.atom.xml").read_bytes().replace(b"{BASE}", b"http://h"))
    assert warning is None
    assert [(i.link, i.published) for i in items] == [
        ("http://h/legacy/kirkuk-1201.html", dt.datetime(2026, 11, 20, 14, 30)),
        ("http://h/amp/news/3.html", dt.datetime(2026, 11, 20, 8, 0)),
    ]


# ---------------------------------------------------------------------------------------
# files: .txt with front matter, .html


def test_txt_with_front_matter(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "---\nurl: https://news.example/a\npublished: 2026-11-19\ntitle: عنوان\n---\n" + ARABIC + "\n",
        encoding="utf-8",
    )
    article = read_text_file(path, "local")
    assert (article.url, article.title, article.published) == (
        "https://news.example/a",
        "عنوان",
        dt.datetime(2026, 11, 19),
    )
    assert article.text == ARABIC and article.source_name == "local"


def test_txt_without_front_matter_uses_its_path(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text(ARABIC, encoding="utf-8")
    article = read_text_file(path)
    assert article.url == path.resolve().as_uri() and article.published is None


def test_html_file_takes_its_canonical_link(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes((FIXTURES / "news-1.html").read_bytes().replace(b"{BASE}", b"https://rafidain.example"))
    article = read_html_file(path, "local")
    assert article.url == "https://rafidain.example/news/1.html"
    assert article.title == "مقتل ثلاثة عناصر أمن بهجوم مسلح في ديالى"
    assert article.published == dt.datetime(2026, 11, 18)  # the day of its article:published_time
    assert "أخبار ذات صلة" not in article.text


def test_files_source_reads_the_three_formats(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text('{"url": "https://x/1", "text": "نص"}\n', encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "in" / "c.html").write_bytes((FIXTURES / "news-2.html").read_bytes())
    (tmp_path / "in" / "notes.md").write_text("not an input")
    items = list(read_source(tmp_path / "in", "local"))
    assert [type(i).__name__ for i in items] == ["Article"] * 3
    assert items[2].published == dt.datetime(2026, 11, 19)  # "19 تشرين الثاني 2026" in its byline
    assert [i.url.split(":")[0] for i in items] == ["https", "file", "file"]


# ---------------------------------------------------------------------------------------
# raw store


def test_raw_store_keeps_one_compressed_copy(tmp_path):
    store = RawStore(tmp_path / "raw")
    body = ARABIC.encode() * 50
    sha = store.put(body)
    assert store.put(body) == sha and len(list((tmp_path / "raw").rglob("*.gz"))) == 1
    assert gzip.decompress(store.path(sha).read_bytes()) == body == store.get(sha)
    assert store.path(sha).stat().st_size < len(body) / 5
    assert store.get("0" * 64) is None
