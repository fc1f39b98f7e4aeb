"""An HTML article page -> an `Article`: main text and title by trafilatura, date by htmldate.

Shared by the pages, rss and gdelt kinds (fetched pages) and by the files kind (saved
.html files). The page is decoded here (headers, <meta> charset, detection), so a
windows-1256 page comes out right whatever the server says.

Publication date, first found wins: the caller's `published` when it is authoritative
(a feed item's own date), htmldate's reading of the page, a date written in the page's
byline (`<time>`, elements whose class or id says date/time) read by Marsad's own date
reader (it knows Iraqi month names, htmldate does not), then the caller's fallback
(GDELT's seendate). htmldate answers January 1st when it only found a year (STACK.md):
such an answer is kept only when the page itself spells that date out.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from marsad import settings
from marsad.model import Article
from marsad.sources.canonical import canonical_url
from marsad.sources.http import decode_body

log = logging.getLogger(__name__)

DATE_PARAMS = {"extensive_search": False, "original_date": True}
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Types a server may send for an HTML page it did not label well.
LOOSE_TYPES = ("text/plain", "application/octet-stream", "")


def looks_like_html(body: bytes, content_type: str | None) -> str | None:
    """Why a body is not an HTML page, or None when it is one."""
    mime = (content_type or "").split(";")[0].strip().lower()
    head = body[:2048].lstrip().lower()
    if mime in HTML_TYPES:
        if b"\x00" in body[:2048]:
            return f"not HTML: binary bytes under content-type {mime}"
        return None
    if mime in LOOSE_TYPES and (head.startswith((b"<!doctype html", b"<html")) or b"<body" in head):
        return None
    return f"not HTML: content-type {mime or 'missing'}"


def _parse_date(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text[:19])
    except ValueError:
        try:
            return dt.datetime.combine(dt.date.fromisoformat(text[:10]), dt.time())
        except ValueError:
            return None


_BYLINE_XPATH = (
    "//time | //*[contains(translate(@class,'DATE','date'),'date')"
    " or contains(translate(@class,'TIME','time'),'time')"
    " or contains(translate(@id,'DATE','date'),'date')"
    " or contains(@class,'publish')]"
)


def byline_date(html: str) -> dt.datetime | None:
    """A date spelled out in the page's byline (`<time>`, date/time classes), read by marsad.extract.dates."""
    try:
        import lxml.html

        tree = lxml.html.fromstring(html)
    except (ValueError, TypeError, Exception):  # lxml raises ParserError on empty/odd documents
        return None
    try:
        from marsad.extract.dates import find_dates
    except ImportError:  # the extraction package is optional for fetching
        return None
    for element in tree.xpath(_BYLINE_XPATH)[:20]:
        text = " ".join(element.text_content().split())[:200]
        if not text:
            continue
        for ref in find_dates(text, None):
            if ref.precision == "day" and not ref.relative:
                return dt.datetime.combine(ref.date, dt.time())
    return None


def page_date(html: str, url: str | None) -> dt.datetime | None:
    """The publication date of a page (see the module doc), or None."""
    import htmldate

    try:
        # extensive_search=False: the fast readers only (meta tags, JSON-LD, <time>, the URL).
        # The extensive one costs ~10 s on first use (it loads dateparser), misses Iraqi month
        # names anyway and mostly produces the suspect January 1st; byline_date does that job.
        found = htmldate.find_date(html, url=url, **DATE_PARAMS)
    except Exception as exc:  # htmldate parses arbitrary markup: never let it stop a fetch
        log.info("htmldate failed on %s: %s", url, exc)
        found = None
    published = _parse_date(found)
    if published is not None and found[5:10] == "01-01" and found[:10] not in html:
        published = byline_date(html)  # htmldate's "only a year" answer: look for the real one
    elif published is None:
        published = byline_date(html)
    return published


def _garbled(text: str) -> bool:
    """True when decoding left many replacement characters (a mislabelled or binary body)."""
    return text.count("\ufffd") > max(20, len(text) // 50)


def page_article(
    body: bytes,
    url: str,
    source_name: str,
    content_type: str | None = "text/html",
    published: dt.datetime | None = None,
    fallback_published: dt.datetime | None = None,
    fallback_title: str | None = None,
    keep_url: bool = True,
) -> Article | str:
    """One HTML page -> an Article, or the reason it is not one.

    `published` (a feed item's date) wins over the page's; `fallback_published` (GDELT's
    seendate) is used only when the page gives none. With keep_url=False the page's
    canonical link (or og:url) becomes the article's url (saved .html files).
    """
    reason = looks_like_html(body, content_type)
    if reason:
        return reason
    html = decode_body(body, content_type)
    if _garbled(html):
        return "garbled body: undecodable bytes"
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # trafilatura's default extensive date search runs dateparser's locale detection:
            # 18-40 s on first use (it compiles regexes for ~200 locales); page_date reads
            # the date instead
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as exc:  # malformed markup must not stop the run
        return f"unreadable HTML ({type(exc).__name__}: {exc})"
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text) < settings.PAGE_MIN_TEXT_CHARS:
        return f"no article text found ({len(text)} characters of main text)"
    if len(text) > settings.MAX_TEXT_CHARS:
        return f"text too large ({len(text):,} characters)"
    title = (getattr(document, "title", None) or "").strip() or fallback_title
    page_url = getattr(document, "url", None)
    declared = canonical_url(page_url) if page_url and page_url.startswith(("http://", "https://")) else None
    if published is None:
        published = page_date(html, url) or fallback_published
    article_url = url if keep_url or declared is None else declared
    return Article(
        url=article_url,
        text=text,
        title=title or None,
        published=published,
        source_name=source_name,
        canonical_url=declared or (article_url if article_url.startswith("http") else None),
        html=None,
    )


_TAG = re.compile(r"<[^>]+>")


def fragment_text(fragment: str) -> str:
    """The text of a feed's HTML fragment (content:encoded), paragraphs kept as lines."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return " ".join(_TAG.sub(" ", fragment).split())
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
