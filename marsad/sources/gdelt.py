"""GDELT DOC 2.0 discovery (`kind: gdelt`): Arabic articles matching a query, fetched as pages.

The API (https://blog.gdeltproject.org/gdelt-doc-2-0-api-debuts/) returns at most 250
articles a call from the last 3 months, so the span to cover (from the cursor, else
`timespan` back from now) is cut into windows of settings.GDELT_WINDOW_HOURS; a window
that comes back full is halved until it fits (or reaches GDELT_MIN_WINDOW_MINUTES).
Calls are at least settings.GDELT_MIN_INTERVAL seconds apart, as GDELT asks. Each
result's URL is fetched as a page; its `seendate` is the publication time only when the
page gives none. The cursor keeps the end of the last window read without a gap.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import deque
from collections.abc import Iterator
from urllib.parse import urlencode

from marsad import settings
from marsad.model import Article
from marsad.sources import Rejection
from marsad.sources.config import LANGUAGES
from marsad.sources.context import Context, SourceFailed
from marsad.sources.http import decode_body
from marsad.sources.pages import PageItem, fetch_pages

log = logging.getLogger(__name__)

# GDELT indexes an article up to ~15-30 minutes after it appears; windows restart this
# much before the cursor so late-indexed articles are not missed (duplicates are skipped).
OVERLAP = dt.timedelta(hours=1)
STAMP = "%Y%m%d%H%M%S"


def full_query(query: str, lang: str) -> str:
    """The query GDELT is sent: OR'ed terms in parentheses (GDELT requires it), plus sourcelang."""
    query = query.strip()
    if " OR " in query and not (query.startswith("(") and query.endswith(")")):
        query = f"({query})"
    if "sourcelang:" not in query:
        query = f"{query} sourcelang:{LANGUAGES.get(lang, 'arabic')}"
    return query


def api_url(
    source, start: dt.datetime, end: dt.datetime, max_records: int = settings.GDELT_MAX_RECORDS
) -> str:
    params = {
        "query": full_query(source.query, source.lang),
        "mode": "artlist",
        "format": "json",
        "maxrecords": str(max_records),
        "sort": "dateasc",
        "startdatetime": start.strftime(STAMP),
        "enddatetime": end.strftime(STAMP),
    }
    return f"{source.endpoint}?{urlencode(params)}"


def parse_seendate(value: object) -> dt.datetime | None:
    """GDELT's seendate ('20261119T103000Z', UTC) -> naive UTC datetime."""
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.strptime(value.strip(), "%Y%m%dT%H%M%SZ")
    except ValueError:
        return None


def parse_artlist(body: bytes) -> list[dict]:
    """The articles of an artlist JSON body; ValueError with GDELT's message when it is not one."""
    text = decode_body(body, "application/json").strip()
    if not text:
        return []  # GDELT answers an empty body when nothing matched
    try:
        data = json.loads(text, strict=False)
    except ValueError:
        raise ValueError(f"GDELT did not answer JSON: {' '.join(text.split())[:200]}") from None
    if not isinstance(data, dict):
        raise ValueError("GDELT answered JSON that is not an object")
    articles = data.get("articles") or []
    if not isinstance(articles, list):
        raise ValueError("GDELT answered 'articles' that is not a list")
    return [a for a in articles if isinstance(a, dict) and isinstance(a.get("url"), str)]


def windows(
    start: dt.datetime, end: dt.datetime, size: dt.timedelta
) -> list[tuple[dt.datetime, dt.datetime]]:
    out = []
    while start < end:
        out.append((start, min(end, start + size)))
        start += size
    return out


def _call(source, ctx: Context, start: dt.datetime, end: dt.datetime) -> list[dict] | None:
    result = ctx.fetcher.get(api_url(source, start, end), source.name, conditional=False)
    if not result.ok:
        ctx.report.failures.append(f"GDELT {start:%Y-%m-%d %H:%M}..{end:%H:%M}: {result.record.error}")
        return None
    try:
        return parse_artlist(result.body)
    except ValueError as exc:
        result.record.error = str(exc)
        ctx.report.failures.append(f"GDELT {start:%Y-%m-%d %H:%M}..{end:%H:%M}: {exc}")
        return None


def discover(source, ctx: Context) -> list[PageItem]:
    """The articles GDELT lists for the span to cover; advances the cursor over the windows read."""
    ctx.fetcher.set_min_interval(source.endpoint, max(settings.GDELT_MIN_INTERVAL, source.min_interval or 0))
    now = ctx.now.replace(second=0, microsecond=0)
    earliest = now - dt.timedelta(days=settings.GDELT_MAX_SPAN_DAYS) + dt.timedelta(minutes=5)
    start = now - source.timespan
    until = ctx.cursor.get("until")
    if until:
        try:
            start = dt.datetime.fromisoformat(until) - OVERLAP
        except ValueError:
            pass
    start = max(start, earliest)
    queue = deque(windows(start, now, dt.timedelta(hours=settings.GDELT_WINDOW_HOURS)))
    smallest = dt.timedelta(minutes=settings.GDELT_MIN_WINDOW_MINUTES)
    found: dict[str, PageItem] = {}
    calls = failed = 0
    reached: dt.datetime | None = None
    gap = False
    while queue:
        window_start, window_end = queue.popleft()
        calls += 1
        articles = _call(source, ctx, window_start, window_end)
        if articles is None:
            failed += 1
            gap = True
            continue
        if len(articles) >= settings.GDELT_MAX_RECORDS and window_end - window_start > smallest:
            middle = window_start + (window_end - window_start) / 2
            queue.appendleft((middle, window_end))
            queue.appendleft((window_start, middle))
            continue
        for entry in articles:
            url = entry["url"].strip()
            if url and url not in found:
                title = entry.get("title")
                found[url] = PageItem(
                    url=url,
                    stamp="",
                    fallback_published=parse_seendate(entry.get("seendate")),
                    title=title.strip() if isinstance(title, str) and title.strip() else None,
                )
        if not gap:
            reached = window_end
    if calls and failed == calls:
        raise SourceFailed(f"GDELT: all {calls} calls failed ({ctx.report.failures[-1]})")
    if reached is not None:
        ctx.cursor["until"] = reached.isoformat()
    return list(found.values())


def read(source, ctx: Context) -> Iterator[Article | Rejection]:
    """`kind: gdelt`: new articles GDELT lists for the query, fetched as pages."""
    yield from fetch_pages(ctx, source, discover(source, ctx))
