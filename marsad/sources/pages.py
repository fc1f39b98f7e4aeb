"""Article pages: a list of URLs (`kind: pages`), and the page fetching rss and gdelt share.

A URL already stored (in `articles`, or in this source's cursor with the same feed
stamp) is not fetched again; a URL fetched by another source this run is not fetched
twice; a body already stored under another URL gives no second article. Permanent
failures (404, not HTML, too large, robots.txt) are remembered in the cursor so the next
run does not ask again; transient ones (timeouts, 5xx, 429) are retried next run.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from marsad import settings
from marsad.model import Article
from marsad.sources import Rejection
from marsad.sources.canonical import canonical_url
from marsad.sources.context import Context
from marsad.sources.html import page_article
from marsad.sources.raw_store import body_hash

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageItem:
    """A page to turn into an article, with what its feed (or GDELT) said about it."""

    url: str
    stamp: str = ""  # the feed's updated/published string: a new stamp means "changed"
    published: dt.datetime | None = None  # authoritative date (a feed item's own)
    fallback_published: dt.datetime | None = None  # used only when the page gives none (GDELT seendate)
    title: str | None = None


def seen_items(ctx: Context) -> dict[str, str]:
    """This source's cursor of items handled: canonical url -> stamp."""
    seen = ctx.cursor.setdefault("seen", {})
    if len(seen) > settings.CURSOR_MAX_ITEMS:  # keep the newest (dicts keep insertion order)
        for key in list(seen)[: len(seen) - settings.CURSOR_MAX_ITEMS]:
            del seen[key]
    return seen


def is_new(ctx: Context, url: str, stamp: str) -> bool:
    """True when url must be fetched: never handled, its feed stamp changed, or its article
    was read but never stored (the run stopped before loading: the cursor is saved at the
    end of fetching, so "read" counts only once `articles` holds the url)."""
    seen = seen_items(ctx)
    entry = seen.get(url)
    if isinstance(entry, list) and len(entry) == 2:
        old_stamp, stored = entry
        if old_stamp != stamp:
            return True  # the feed says it changed
        return bool(stored) and url not in ctx.state.known_urls
    if url in ctx.state.known_urls:
        seen[url] = [stamp, True]  # stored before (by another source, or before cursors existed)
        return False
    return True


def mark_seen(ctx: Context, url: str, stamp: str, article: bool) -> None:
    """Remember url at this stamp: as an article (article=True) or as nothing to store
    (a permanent failure, a duplicate body), so an unchanged item is not asked for again."""
    seen = seen_items(ctx)
    seen.pop(url, None)
    seen[url] = [stamp, article]


def select(ctx: Context, items: Iterable[PageItem], limit: int | None) -> list[PageItem]:
    """The items to fetch now, canonical urls, at most `limit`."""
    chosen: list[PageItem] = []
    for item in items:
        url = canonical_url(item.url)
        if not url.startswith(("http://", "https://")):
            ctx.report.failures.append(f"{item.url}: not an http(s) URL")
            continue
        if not is_new(ctx, url, item.stamp) or not ctx.claim(url):
            ctx.report.skipped += 1
            continue
        chosen.append(PageItem(url, item.stamp, item.published, item.fallback_published, item.title))
        if limit is not None and len(chosen) >= limit:
            break
    return chosen


def fetch_pages(ctx: Context, source, items: Iterable[PageItem]) -> Iterator[Article | Rejection]:
    """Fetch the new items' pages (a few at once, per-host limits apply) and yield articles or rejections."""
    todo = select(ctx, items, source.max_items)
    if not todo:
        return
    fetcher = ctx.fetcher
    with ThreadPoolExecutor(max_workers=settings.FETCH_WORKERS, thread_name_prefix="marsad-fetch") as pool:
        futures = [pool.submit(fetcher.get, item.url, source.name, source.min_interval) for item in todo]
        for item, future in zip(todo, futures, strict=True):
            yield from page_outcome(ctx, source, item, future.result())


def page_outcome(ctx: Context, source, item: PageItem, result) -> Iterator[Article | Rejection]:
    report = ctx.report
    report.attempted += 1
    if not result.ok:
        reason = result.record.error or "no body"
        if not result.transient:
            mark_seen(ctx, item.url, item.stamp, article=False)
        report.failures.append(f"{item.url}: {reason}")
        yield Rejection(item.url, None, reason)
        return
    sha = result.record.body_sha256 or body_hash(result.body)
    owner = ctx.body_owner(sha, item.url)
    if owner is not None:
        log.info("%s: same body as %s: not stored twice", item.url, owner)
        report.skipped += 1
        mark_seen(ctx, item.url, item.stamp, article=False)
        return
    article = page_article(
        result.body,
        item.url,
        source.name,
        content_type=result.content_type,
        published=item.published,
        fallback_published=item.fallback_published,
        fallback_title=item.title,
    )
    mark_seen(ctx, item.url, item.stamp, article=not isinstance(article, str))
    if isinstance(article, str):
        result.record.error = article  # visible in fetch_log next to the HTTP outcome
        report.failures.append(f"{item.url}: {article}")
        yield Rejection(item.url, None, article)
        return
    report.articles += 1
    yield article


def read(source, ctx: Context) -> Iterator[Article | Rejection]:
    """`kind: pages`: each listed URL fetched once, as an article page."""
    yield from fetch_pages(ctx, source, (PageItem(url) for url in source.urls))
