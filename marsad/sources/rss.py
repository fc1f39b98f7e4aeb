"""RSS 2.0 and Atom feeds (`kind: rss`), parsed by feedparser after a defusedxml safety check.

The feed is fetched with a conditional GET (a 304 reuses the stored body). Each item's
date is its `published`; its link is fetched as a page unless the feed carries the full
text (content:encoded of at least settings.FEED_FULL_TEXT_MIN_CHARS characters). An item
is fetched again only when its feed stamp (updated, else published) changed.

XML is never parsed with entity expansion: a document declaring entities (the "billion
laughs" bomb) or any DTD entity is refused before feedparser sees it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

from marsad import settings
from marsad.model import Article
from marsad.sources import Rejection
from marsad.sources.canonical import canonical_url
from marsad.sources.context import Context, SourceFailed
from marsad.sources.html import fragment_text
from marsad.sources.pages import PageItem, fetch_pages, is_new, mark_seen

log = logging.getLogger(__name__)


class FeedError(Exception):
    """A feed body that cannot be used: refused (entities), malformed, or not a feed."""


@dataclass
class FeedItem:
    link: str | None
    title: str | None
    published: dt.datetime | None
    stamp: str
    full_text: str | None


def check_xml(body: bytes) -> str | None:
    """Raise FeedError for entity declarations (never expanded); return a parse error message, or None."""
    import defusedxml.ElementTree as safe_tree
    from defusedxml import DefusedXmlException

    try:
        safe_tree.fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        what = getattr(exc, "name", None)
        detail = f"declares entity {what!r}" if what else type(exc).__name__
        raise FeedError(
            f"XML refused: {detail} (possible entity bomb); entities are never expanded"
        ) from None
    except safe_tree.ParseError as exc:
        if re.search(rb"<!ENTITY", body[:65536], re.IGNORECASE):
            raise FeedError(
                "XML refused: malformed and declares entities: entities are never expanded"
            ) from None
        return str(exc)
    return None


def _struct_to_datetime(value: time.struct_time | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime(*value[:6])  # feedparser gives UTC
    except (TypeError, ValueError):
        return None


def read_date(text: str | None) -> dt.datetime | None:
    """A feed date string feedparser could not read: RFC 822, ISO, or Arabic (marsad.extract.dates)."""
    if not text or not text.strip():
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
        return parsed
    except (TypeError, ValueError, IndexError):
        pass
    from marsad.sources.files import parse_published

    try:
        return parse_published(text.strip())
    except ValueError:
        pass
    try:
        from marsad.extract.dates import find_dates
    except ImportError:
        return None
    for ref in find_dates(text, None):
        if ref.precision == "day":
            return dt.datetime.combine(ref.date, dt.time())
    return None


def parse_feed(body: bytes, content_type: str | None = None) -> tuple[list[FeedItem], str | None]:
    """(items, warning) of an RSS/Atom body; raises FeedError when it cannot be used."""
    problem = check_xml(body)
    import feedparser

    parsed = feedparser.parse(
        body,
        response_headers={"content-type": content_type or "application/xml"},
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    entries = parsed.get("entries") or []
    if problem and not entries:
        raise FeedError(f"malformed XML: {problem}")
    if not parsed.get("version") and not entries:
        raise FeedError("not an RSS or Atom feed")
    items = []
    for entry in entries:
        link = entry.get("link")
        guid = entry.get("id")
        if not link and isinstance(guid, str) and guid.startswith(("http://", "https://")):
            link = guid  # no <link>: a URL guid is the item's address
        # dict.get: feedparser's own get("updated") maps to published with a DeprecationWarning
        updated, updated_parsed = dict.get(entry, "updated"), dict.get(entry, "updated_parsed")
        published = _struct_to_datetime(entry.get("published_parsed")) or read_date(entry.get("published"))
        if published is None:
            published = _struct_to_datetime(updated_parsed) or read_date(updated)
        stamp = str(updated or entry.get("published") or "")
        full = None
        for content in entry.get("content") or []:
            value = content.get("value") or ""
            if value and len(value) >= settings.FEED_FULL_TEXT_MIN_CHARS:
                text = fragment_text(value) if "html" in (content.get("type") or "html") else value.strip()
                if len(text) >= settings.FEED_FULL_TEXT_MIN_CHARS:
                    full = text
                    break
        title = (entry.get("title") or "").strip() or None
        items.append(FeedItem(link=link, title=title, published=published, stamp=stamp, full_text=full))
    return items, (f"malformed XML, recovered {len(items)} items: {problem}" if problem else None)


def read(source, ctx: Context) -> Iterator[Article | Rejection]:
    """`kind: rss`: the feed's new or changed items, as articles."""
    result = ctx.fetcher.get(source.url, source.name, source.min_interval)
    if not result.ok:
        raise SourceFailed(f"feed {source.url}: {result.record.error}")
    try:
        items, warning = parse_feed(result.body, result.content_type)
    except FeedError as exc:
        result.record.error = str(exc)
        raise SourceFailed(f"feed {source.url}: {exc}") from None
    if warning:
        result.record.error = warning
        ctx.report.failures.append(f"{source.url}: {warning}")
    if not items:
        result.record.error = "empty feed: no items"
        raise SourceFailed(f"feed {source.url}: empty feed, no items")
    if not any(item.link for item in items):
        reason = f"{warning}, none with a link" if warning else "no item has a link"
        result.record.error = reason
        raise SourceFailed(f"feed {source.url}: {reason}")
    pages: list[PageItem] = []
    budget = source.max_items
    for item in items:
        if not item.link:
            ctx.report.failures.append(f"{source.url}: an item without a link ({item.title or 'untitled'})")
            continue
        url = canonical_url(item.link)
        if item.full_text:
            if budget is not None and budget <= 0:
                break
            if not is_new(ctx, url, item.stamp) or not ctx.claim(url):
                ctx.report.skipped += 1
                continue
            mark_seen(ctx, url, item.stamp, article=True)
            ctx.report.attempted += 1
            ctx.report.articles += 1
            if budget is not None:
                budget -= 1
            yield Article(
                url=url,
                text=item.full_text,
                title=item.title,
                published=item.published,
                source_name=source.name,
                canonical_url=url,
            )
            continue
        pages.append(PageItem(url=url, stamp=item.stamp, published=item.published, title=item.title))
    if budget is not None and budget <= 0:
        return
    limited = source if budget == source.max_items else _with_limit(source, budget)
    yield from fetch_pages(ctx, limited, pages)


def _with_limit(source, limit: int | None):
    import dataclasses

    return dataclasses.replace(source, max_items=limit)
