"""The fetch stage over every kind of source: isolated, incremental, logged.

`fetch_sources` reads each enabled source in turn. A source that fails (a dead feed, a
refused API, a missing directory) is reported and the others go on; pages that fail are
rejections of their source. With a warehouse (`db`), everything asked of the network is
appended to fetch_log and each source's cursor saved at the end; a cursor counts an
article as read only once `articles` holds it, so a crash before loading refetches (from
the raw store, on 304) rather than loses.

`check_sources` is `marsad sources check`: the config validated, then one probe per
source (the only place the network is touched on request).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad import settings
from marsad.model import Article
from marsad.sources import Rejection, SourceError
from marsad.sources.config import NETWORK_KINDS, FilesSource, SourceConfig
from marsad.sources.context import Context, SourceFailed, SourceReport
from marsad.sources.http import Fetcher, FetchRecord, HttpOptions
from marsad.sources.raw_store import RawStore
from marsad.sources.state import FetchState, load_state, save_cursors, write_fetch_log

log = logging.getLogger(__name__)

__all__ = ["FetchOutcome", "check_sources", "fetch_sources", "save_cursors"]


@dataclass
class FetchOutcome:
    """What the fetch stage produced, source by source."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    reports: list[SourceReport] = field(default_factory=list)
    cursors: dict[str, tuple[str, dict]] = field(default_factory=dict)
    records: list[FetchRecord] = field(default_factory=list)

    @property
    def all_failed(self) -> bool:
        return bool(self.reports) and all(report.failed for report in self.reports)


def _read_files(source: FilesSource, report: SourceReport):
    from marsad.sources.files import read_source

    count = 0
    for item in read_source(source.path, source.name, source.formats):
        if isinstance(item, Article):
            if source.max_items is not None and count >= source.max_items:
                break
            count += 1
        yield item


def _reader(source: SourceConfig):
    if source.kind == "rss":
        from marsad.sources.rss import read
    elif source.kind == "pages":
        from marsad.sources.pages import read
    elif source.kind == "gdelt":
        from marsad.sources.gdelt import read
    else:
        raise SourceError(f"unknown source kind {source.kind!r}")
    return read


def fetch_sources(
    sources: Sequence[SourceConfig],
    db: Path | None = None,
    raw_dir: Path | None = None,
    now: dt.datetime | None = None,
) -> FetchOutcome:
    """Read every enabled source; never raises for one source's failure (see FetchOutcome.all_failed)."""
    outcome = FetchOutcome()
    enabled = [source for source in sources if getattr(source, "enabled", True)]
    network = [source for source in enabled if source.kind in NETWORK_KINDS]
    fetcher = None
    run: Context | None = None
    if network:
        state = load_state(db)
        store = RawStore(raw_dir or settings.default_raw_dir(db))
        fetcher = Fetcher(getattr(network[0], "http", None) or HttpOptions(), store, state.validators)
        run = Context(fetcher=fetcher, state=state, now=now or dt.datetime.now(dt.UTC).replace(tzinfo=None))
    try:
        for source in enabled:
            if source.kind in NETWORK_KINDS:
                ctx = run.for_source(source.name, source.kind)
                report = ctx.report
                items = _reader(source)(source, ctx)
            else:
                ctx = None
                report = SourceReport(name=source.name, kind=source.kind)
                items = _read_files(source, report)
            try:
                for item in items:
                    if isinstance(item, Rejection):
                        outcome.rejections.append(item)
                        if ctx is None:
                            report.failures.append(str(item))
                            report.attempted += 1
                    else:
                        outcome.articles.append(item)
                        if ctx is None:
                            report.articles += 1
                            report.attempted += 1
            except (SourceFailed, SourceError) as exc:
                report.error = str(exc)
            except Exception as exc:  # one source's bug or garbage must not stop the others
                log.exception("source %s failed", source.name)
                report.error = f"unexpected {type(exc).__name__}: {exc}"
            if (
                ctx is not None
                and report.error is None
                and report.attempted
                and not report.articles
                and report.failures
            ):
                report.error = f"all {report.attempted} items failed (first: {report.failures[0]})"
            if report.error:
                log.warning("source %s failed: %s", source.name, report.error)
            outcome.reports.append(report)
            if ctx is not None:
                outcome.cursors[source.name] = (source.kind, ctx.cursor)
    finally:
        if fetcher is not None:
            fetcher.close()
            outcome.records = list(fetcher.records)
            if db is not None:
                write_fetch_log(db, outcome.records)
                save_cursors(db, outcome.cursors)
    return outcome


# ---------------------------------------------------------------------------------------
# marsad sources check


@dataclass
class CheckResult:
    name: str
    kind: str
    ok: bool
    detail: str


def check_sources(sources: Sequence[SourceConfig], http: HttpOptions | None = None) -> list[CheckResult]:
    """Probe each source once: is it there, does it answer, does it parse. Writes nothing."""
    results: list[CheckResult] = []
    fetcher = Fetcher(http or HttpOptions(), store=None)
    try:
        for source in sources:
            if not source.enabled:
                results.append(CheckResult(source.name, source.kind, True, "disabled"))
                continue
            try:
                ok, detail = _probe(source, fetcher)
            except Exception as exc:
                ok, detail = False, f"{type(exc).__name__}: {exc}"
            results.append(CheckResult(source.name, source.kind, ok, detail))
    finally:
        fetcher.close()
    return results


def _probe(source: SourceConfig, fetcher: Fetcher) -> tuple[bool, str]:
    if source.kind == "files":
        from marsad.sources.files import SUFFIXES, input_files

        suffixes = tuple(s for fmt in source.formats for s in SUFFIXES[fmt])
        try:
            files = (
                input_files(source.path, suffixes) if Path(source.path).is_dir() else input_files(source.path)
            )
        except SourceError as exc:
            return False, str(exc)
        return bool(files), f"{len(files)} file(s) under {source.path}"
    if source.kind == "rss":
        from marsad.sources.rss import FeedError, parse_feed

        result = fetcher.get(source.url, source.name, conditional=False)
        if not result.ok:
            return False, f"{source.url}: {result.record.error}"
        try:
            items, warning = parse_feed(result.body, result.content_type)
        except FeedError as exc:
            return False, f"{source.url}: HTTP {result.status}, {exc}"
        return bool(items), f"HTTP {result.status}, {len(items)} items" + (f" ({warning})" if warning else "")
    if source.kind == "pages":
        probed = list(source.urls[:5])
        answers = [fetcher.get(url, source.name, conditional=False) for url in probed]
        good = sum(result.ok for result in answers)
        bad = [f"{r.url}: {r.record.error}" for r in answers if not r.ok]
        detail = f"{good} of {len(probed)} probed URLs answered" + (f"; {bad[0]}" if bad else "")
        return good > 0, detail
    if source.kind == "gdelt":
        from marsad.sources.gdelt import api_url, parse_artlist

        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, second=0, microsecond=0)
        result = fetcher.get(
            api_url(source, now - source.timespan, now, max_records=10), source.name, conditional=False
        )
        if not result.ok:
            return False, f"GDELT: {result.record.error}"
        try:
            articles = parse_artlist(result.body)
        except ValueError as exc:
            return False, str(exc)
        return True, f"HTTP {result.status}, {len(articles)} articles in the last {source.timespan}"
    return False, f"unknown kind {source.kind}"


__all__ += ["CheckResult", "FetchState"]
