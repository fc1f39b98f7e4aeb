"""marsad.safety: each primitive against the payloads it exists for, and the laws it keeps."""

from __future__ import annotations

import html.parser
import io
import logging
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from marsad import safety
from marsad.safety import (
    PathEscape,
    confine,
    content_security_policy,
    escape_html,
    html_link,
    is_content_name,
    is_within,
    log_safe,
    md_cell,
    md_code,
    md_link,
    md_text,
    redact_url,
    safe_url,
    script_hash,
)

# A GFM-like renderer with raw HTML on: the most permissive reading of an artifact.
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")
LIVE = {"link_open", "image", "html_inline", "html_block", "em_open", "strong_open", "heading_open"}

# Fragments the generated texts are made of: markdown, HTML and URL syntax, Arabic, controls.
FRAGMENTS = st.sampled_from(
    [
        "[", "]", "(", ")", "!", "<", ">", "`", "*", "_", "#", "|", "\\", "&amp;", "&#x3C;", ":", "//",
        "http://evil.example/x", "www.evil.example", "a@evil.example", "javascript:alert(1)",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "![i](http://e/x.png)",
        "[l](javascript:x)", "<http://e>", "\n", "\r\n", "\t", "\x1b[31m", "\u202e", " ", "1.", "- ",
        "مقتل 3 جنود", "كركوك", "،", "abc", "=", "+", "@", "~~", "{", "}",
    ]
)  # fmt: skip
HOSTILE_TEXT = st.lists(FRAGMENTS, max_size=12).map("".join)


def _tokens(markdown: str):
    for token in MARKDOWN.parse(markdown):
        yield token
        yield from token.children or []


# =======================================================================================
# URLs and HTML


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.iq/a?b=1#c", "https://news.example.iq/a?b=1#c"),
        ("HTTP://NEWS.EXAMPLE.IQ/", "HTTP://NEWS.EXAMPLE.IQ/"),
        ("  https://news.example.iq/  ", "https://news.example.iq/"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("\x01javascript:alert(1)", None),
        ("https://ok.example/\njavascript:x", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("file:///etc/passwd", None),
        ("//evil.example/x", None),
        ("https://", None),
        ("http://[::1", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_safe_url_keeps_only_http_links(url, expected):
    assert safe_url(url) == expected


def test_escape_html_escapes_markup_and_quotes():
    assert escape_html("<script>\"'&") == "&lt;script&gt;&quot;&#x27;&amp;"
    assert escape_html(None) == ""


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<script>x</script>", "java\nscript:x", " javascript:x"],
)
def test_html_link_never_makes_a_live_non_http_link(url):
    element = html_link(url, "<b>label</b>")
    assert "<a " not in element and "<b>" not in element
    assert element.startswith('<span class="unsafe-url">')


def test_html_link_escapes_href_and_label():
    element = html_link('https://x.example/?q="><script>alert(1)</script>', "<img src=x onerror=alert(1)>")

    class Collect(html.parser.HTMLParser):
        tags: list = []

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, dict(attrs)))

    parser = Collect()
    parser.feed(element)
    assert [tag for tag, _ in parser.tags] == ["a"]
    assert parser.tags[0][1]["href"] == 'https://x.example/?q="><script>alert(1)</script>'
    assert "noopener" in parser.tags[0][1]["rel"]


def test_content_security_policy_allows_only_given_scripts_and_no_network():
    policy = content_security_policy(["console.log(1)"], ["body{}"])
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == script_hash("console.log(1)")
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in policy
    for directive in (
        "connect-src",
        "img-src",
        "font-src",
        "object-src",
        "frame-src",
        "base-uri",
        "form-action",
    ):
        assert directives[directive] == "'none'"
    assert "script-src 'none'" in content_security_policy()


# =======================================================================================
# Markdown


@pytest.mark.parametrize(
    "payload",
    [
        "![tracker](http://evil.example/pixel.png)",
        "[اضغط هنا](javascript:alert(1))",
        "[![x](http://e/i.png)](http://e/)",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<http://evil.example/auto>",
        "*bold* _em_ # heading",
        "[ref]\n\n[ref]: http://evil.example",
        "مقتل 3 جنود\r\n## forged heading",
    ],
)
def test_md_text_renders_no_link_image_or_html(payload):
    tokens = list(_tokens(f"before {md_text(payload)} after"))
    assert not {t.type for t in tokens} & LIVE
    shown = "".join(t.content for t in tokens if t.type in ("text", "text_special"))
    assert " ".join(payload.split()) in " ".join(shown.split())


@settings(max_examples=150, deadline=None)
@given(HOSTILE_TEXT)
def test_md_text_is_inert_and_shows_the_same_characters(text):
    tokens = list(_tokens(md_text(text)))
    assert not {t.type for t in tokens} & (LIVE | {"code_inline", "code_block", "fence"})
    shown = "".join(t.content for t in tokens if t.type in ("text", "text_special"))
    normalized = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+", " ", text)
    assert " ".join(shown.split()) == " ".join(normalized.split())
    # no raw autolink trigger survives for renderers with GFM autolinks (marked, cmark-gfm)
    assert "://" not in md_text(text) and "www." not in md_text(text)


@settings(max_examples=150, deadline=None)
@given(HOSTILE_TEXT)
def test_md_code_is_one_inert_code_span(text):
    span = md_code(text)
    if not text.strip(" \t\r\n\x1b\u202e"):
        return
    tokens = [t for t in _tokens(span) if t.type not in ("paragraph_open", "paragraph_close", "inline")]
    assert [t.type for t in tokens] == ["code_inline"]


@settings(max_examples=100, deadline=None)
@given(st.lists(HOSTILE_TEXT, min_size=2, max_size=4))
def test_md_cell_keeps_a_table_row_whole(cells):
    for code in (False, True):
        row = "| " + " | ".join(md_cell(c, code=code) or "x" for c in cells) + " |"
        table = "| " + " | ".join("h" for _ in cells) + " |\n|" + "---|" * len(cells) + "\n" + row + "\n"
        tokens = list(_tokens(table))
        assert sum(t.type == "td_open" for t in tokens) == len(cells)
        assert not {t.type for t in tokens} & LIVE


def test_md_link_is_live_only_for_http_and_cannot_be_broken_out_of():
    tokens = list(_tokens(md_link("https://x.example/a)[b](javascript:alert(1))|c<d>")))
    links = [t for t in tokens if t.type == "link_open"]
    assert len(links) == 1 and links[0].attrs["href"].startswith("https://x.example/a")
    assert "javascript:alert(1))" not in links[0].attrs["href"]
    for url in ("javascript:alert(1)", "data:text/html,x", "java\tscript:x"):
        assert {t.type for t in _tokens(md_link(url))} & LIVE == set()


# =======================================================================================
# Logs


def test_log_safe_shows_controls_as_escapes():
    forged = "title\r\nERROR: forged \x1b[31mred\x1b]8;;http://e\x07 \u202eعكس\u202c\tتاب"
    out = log_safe(forged)
    assert "\n" not in out and "\r" not in out and "\x1b" not in out and "\x07" not in out
    assert "\u202e" not in out
    assert out == "title\\r\\nERROR: forged \\x1b[31mred\\x1b]8;;http://e\\x07 \\u202eعكس\\u202c\tتاب"


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_log_safe_leaves_one_printable_line(text):
    out = log_safe(text)
    assert not re.search(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", out)
    if not re.search(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", text):
        assert out == text


def test_log_guard_keeps_every_record_on_one_line():
    safety.install_log_guard()
    safety.install_log_guard()  # idempotent
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("marsad.test.security")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("duplicate url %s", "https://x.example/?q=\r\nERROR: forged \x1b[2J")
        logger.warning({"title": "a\nb"})
        logger.warning("broken %d", "not a number")  # logging's own error path still works
    finally:
        logger.removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert not any(line.startswith("ERROR: forged") for line in lines)
    assert "\x1b" not in stream.getvalue()
    assert lines[0] == "WARNING: duplicate url https://x.example/?q=\\r\\nERROR: forged \\x1b[2J"
    assert lines[1] == "WARNING: {'title': 'a\\nb'}"


# =======================================================================================
# Paths and names


def test_confine_follows_symlinks_and_dotdot(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir(), outside.mkdir()
    (outside / "secret").write_text("x")
    (root / "ok").write_text("x")
    (root / "out").symlink_to(outside / "secret")
    (root / "dir").symlink_to(outside, target_is_directory=True)
    (root / "in").symlink_to("ok")
    assert confine(root / "ok", [root]) == (root / "ok").resolve()
    assert is_within(root / "in", [root])
    assert is_within(root, [root])
    for escaping in (
        root / "out",
        root / "dir" / "secret",
        root / ".." / "outside" / "secret",
        "/etc/passwd",
    ):
        assert not is_within(escaping, [root])
        with pytest.raises(PathEscape):
            confine(escaping, [root])
    assert is_within(root / "dir" / "secret", [root, outside])
    # a relative path resolves against the working directory
    cwd = os.getcwd()
    try:
        os.chdir(root)
        assert is_within("ok", [root]) and not is_within("../outside/secret", [root])
    finally:
        os.chdir(cwd)


def test_files_source_skips_files_leading_outside(tmp_path):
    from marsad.sources.files import input_files, read_source

    root, outside = tmp_path / "src", tmp_path / "outside"
    root.mkdir(), outside.mkdir()
    line = '{"url": "https://x.example/%s", "text": "مقتل 3 جنود في كركوك"}\n'
    (root / "a.jsonl").write_text(line % "a", encoding="utf-8")
    (outside / "secret.jsonl").write_text(line % "SECRET", encoding="utf-8")
    (root / "escape.jsonl").symlink_to("../outside/secret.jsonl")
    (root / "linkdir").symlink_to(outside, target_is_directory=True)
    (root / "alias.jsonl").symlink_to("a.jsonl")
    assert [p.name for p in input_files(root)] == ["a.jsonl", "alias.jsonl"]
    urls = [item.url for item in read_source(root, "t") if hasattr(item, "url")]
    assert urls == ["https://x.example/a", "https://x.example/a"]


def test_raw_store_names_are_content_hashes(tmp_path):
    from marsad.sources.raw_store import RawStore

    store = RawStore(tmp_path / "raw")
    sha = store.put(b"<script>alert(1)</script> ../../etc/passwd")
    assert is_content_name(sha)
    names = [p.relative_to(tmp_path / "raw").as_posix() for p in (tmp_path / "raw").rglob("*") if p.is_file()]
    assert names == [f"{sha[:2]}/{sha}.gz"]
    assert not is_content_name("../../etc/passwd") and not is_content_name(sha.upper())


def test_redact_url_hides_passwords():
    assert (
        redact_url("postgresql+asyncpg://marsad:s3cr@t@db:5432/prefect")
        == "postgresql+asyncpg://marsad:***@db:5432/prefect"
    )
    assert (
        redact_url("sqlite+aiosqlite:////data/prefect/server.db")
        == "sqlite+aiosqlite:////data/prefect/server.db"
    )
    assert redact_url("https://user@host/x") == "https://user@host/x"
