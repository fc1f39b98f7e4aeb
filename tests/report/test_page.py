"""The report page as markup: escaping, safe links, CSP, self-contained, Arabic beside English."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from marsad import cli
from marsad.report import INDEX_NAME, build_report
from marsad.report.page import csp_hash, en_ar, safe_href


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> and <style>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in].append(data)


@pytest.fixture(scope="module")
def page(report_dir):
    text = (report_dir / INDEX_NAME).read_text(encoding="utf-8")
    parsed = Elements()
    parsed.feed(text)
    return text, parsed


# ======================================================================================
# Links: only http(s)

SAFE_HREF = [
    ("https://news.example/a?b=1", "https://news.example/a?b=1"),
    ("http://news.example/", "http://news.example/"),
    ("HTTPS://NEWS.EXAMPLE/", "HTTPS://NEWS.EXAMPLE/"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    (" javascript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox", None),
    ("//news.example/a", None),
    ("https:///nohost", None),
    ("file:///etc/passwd", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("url", "expected"), SAFE_HREF)
def test_safe_href_allows_only_http_links(url, expected):
    assert safe_href(url) == expected


def test_en_ar_escapes_and_isolates_arabic():
    assert en_ar("<b>", "<i>كتائب</i>") == (
        '<span>&lt;b&gt;</span> <bdi class="ar" lang="ar" dir="rtl">&lt;i&gt;كتائب&lt;/i&gt;</bdi>'
    )


# ======================================================================================
# The page


def test_page_escapes_article_text_titles_places_and_urls(page):
    text, parsed = page
    assert "<script>alert" not in text
    assert "<img src=x" not in text and "<svg onload" not in text and "<b onmouseover" not in text
    assert "&lt;script&gt;alert(&quot;evidence&quot;)&lt;/script&gt;" in text
    assert "&lt;b onmouseover=&quot;alert(3)&quot;&gt;" in text  # the title, as link text
    assert "&quot;&gt;&lt;svg onload=alert(5)&gt;" in text  # the location
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs, (tag, attrs)  # the CSP allows no inline style attribute
        assert "src" not in attrs, (tag, attrs)  # nothing loads
    assert [tag for tag, _ in parsed.tags].count("script") == 1


def test_page_links_only_http_urls_and_shows_others_as_text(page):
    text, parsed = page
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs and all(re.match(r"https?://", href) for href in hrefs)
    assert "https://news.example/ok?a=1&b=<x>" in hrefs  # attribute-escaped in the markup, intact when parsed
    assert '<span class="unsafe-url" title="not an http(s) link">javascript:alert(6)</span>' in text
    assert "data:text/html,&lt;script&gt;alert(7)&lt;/script&gt;</span>" in text


def test_page_csp_allows_only_its_own_script_and_style(page):
    _, parsed = page
    metas = [
        attrs
        for tag, attrs in parsed.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(metas) == 1
    policy = dict(
        (directive.split(" ", 1) + [""])[:2]
        for directive in (d.strip() for d in metas[0]["content"].split(";"))
    )
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == csp_hash("".join(parsed.raw["script"]))
    assert policy["style-src"] == csp_hash("".join(parsed.raw["style"]))
    for directive in ("img-src", "connect-src", "font-src", "object-src", "base-uri", "form-action"):
        assert policy[directive] == "'none'"
    assert parsed.tags.index(("meta", metas[0])) < min(
        i for i, (tag, _) in enumerate(parsed.tags) if tag in ("script", "style")
    )


def test_page_shows_arabic_evidence_right_to_left_and_names_in_both_languages(page):
    text, parsed = page
    evidence = [attrs for tag, attrs in parsed.tags if tag == "td" and "evidence" in attrs.get("class", "")]
    assert evidence and all(a.get("dir") == "rtl" and a.get("lang") == "ar" for a in evidence)
    assert "سقطت صواريخ على قاعدة عين الأسد الجوية غربي الأنبار." in text
    assert (
        '<span>Kata&#x27;ib Hezbollah</span> <bdi class="ar" lang="ar" dir="rtl">كتائب حزب الله</bdi>' in text
    )
    assert '<span>Anbar</span> <bdi class="ar" lang="ar" dir="rtl">الأنبار</bdi>' in text


def test_page_has_every_chart_and_filter(page):
    _, parsed = page
    ids = {attrs.get("id") for _, attrs in parsed.tags}
    assert {"chart-heatmap", "chart-stacked", "chart-casualties", "chart-map", "pairs", "incidents"} <= ids
    assert {"f-from", "f-to", "f-faction", "f-role"} <= ids
    assert "simplified, not for measurement" in page[0]


def test_page_file_names_are_fixed(report_dir):
    assert sorted(p.name for p in report_dir.iterdir()) == [INDEX_NAME]


def test_cli_report_writes_the_page(warehouse, tmp_path, capsys):
    assert cli.main(["report", "--db", str(warehouse), "--out", str(tmp_path / "r"), "--top", "3"]) == 0
    assert (tmp_path / "r" / INDEX_NAME).exists()
    assert str(tmp_path / "r" / INDEX_NAME) in capsys.readouterr().out


def test_cli_report_on_an_unbuilt_warehouse_says_what_to_do(tmp_path, capsys):
    from marsad.warehouse import connect

    connect(tmp_path / "empty.duckdb").close()
    assert cli.main(["report", "--db", str(tmp_path / "empty.duckdb"), "--out", str(tmp_path / "r")]) == 1
    assert "marsad build" in capsys.readouterr().err


def test_report_on_an_empty_warehouse_renders(tmp_path):
    from report_kit import build_warehouse

    db = build_warehouse(tmp_path / "none.duckdb", incidents=[])
    result = build_report(db, tmp_path / "r")
    assert result.incidents == 0
    assert "No incidents for this filter." in (tmp_path / "r" / INDEX_NAME).read_text(encoding="utf-8")
