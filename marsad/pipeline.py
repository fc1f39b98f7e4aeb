"""The engine's stages as plain functions: fetch -> extract -> load -> build -> export.

Each stage takes explicit inputs and returns explicit outputs, so the Prefect flows in
flows/ can wrap each one as a task (extraction maps over batches of articles, never
single ones: STACK.md measured 10-18 ms overhead per task). The warehouse is opened by
the stages that need it, one at a time, within this one process (DuckDB allows one
writing process per file).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from marsad import settings
from marsad.model import Article
from marsad.sources import Rejection
from marsad.warehouse.db import connect

if TYPE_CHECKING:
    from marsad.sources.config import SourceConfig
    from marsad.warehouse.loader import ExtractedArticle, LoadStats
    from marsad.warehouse.staging import Staging

# The stages import what they use when they run: `marsad build` and `marsad export` start
# a process each, and need neither the sources' HTTP client and config reader (httpx,
# rich, yaml) nor the loader (~0.1 s of start-up each).

log = logging.getLogger(__name__)


@dataclass
class Inputs:
    """What the fetch stage produced: usable articles (unique urls) and rejected records."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    # per source: articles, skipped, failures (marsad.sources.context.SourceReport)
    reports: list = field(default_factory=list)
    # per network source: (kind, cursor), as load_inputs saved them in the warehouse
    cursors: dict = field(default_factory=dict)


def resolve_sources(config: Path | None = None, inputs: Sequence[Path] = ()) -> list[SourceConfig]:
    """The sources of a run: --input paths replace the config's sources."""
    from marsad.sources.config import FilesSource, load_config

    if inputs:
        return [FilesSource(name="input", path=Path(path), formats=("jsonl",)) for path in inputs]
    return load_config(config or settings.DEFAULT_CONFIG)


def load_inputs(
    sources: Sequence[SourceConfig], db: Path | None = None, raw_dir: Path | None = None
) -> Inputs:
    """Fetch stage: read every enabled source (marsad.sources.fetch); duplicate urls keep their
    first occurrence. A failing source is reported and the others read; raises SourceError
    only when every enabled source failed. With `db`, network fetches are incremental and
    logged to its fetch_log."""
    from marsad.sources import SourceError
    from marsad.sources.fetch import fetch_sources

    outcome = fetch_sources(sources, db=db, raw_dir=raw_dir)
    result = Inputs(rejections=outcome.rejections, reports=outcome.reports, cursors=outcome.cursors)
    for item in outcome.rejections:
        log.warning("rejected %s", item)
    first_seen: dict[str, str] = {}
    for item in outcome.articles:
        if item.url in first_seen:
            log.info("duplicate url %s (first read from %s): skipped", item.url, first_seen[item.url])
            continue
        first_seen[item.url] = item.source_name
        result.articles.append(item)
    if outcome.all_failed:
        raise SourceError(
            "every enabled source failed: " + "; ".join(f"{r.name}: {r.error}" for r in outcome.reports)
        )
    return result


def select_for_extraction(db: Path, articles: Sequence[Article], extractor_version: str) -> list[Article]:
    """The articles whose current content this extractor version has not read yet."""
    from marsad.warehouse.loader import article_id, content_hash, extracted_keys

    if not Path(db).exists():
        return list(articles)
    con = connect(db)
    try:
        done = extracted_keys(con, extractor_version)
    finally:
        con.close()
    return [a for a in articles if (article_id(a), content_hash(a)) not in done]


def select_stored_for_extraction(db: Path, extractor_version: str, exclude_urls: set[str]) -> list[Article]:
    """Stored articles (not among exclude_urls) that this extractor version has not read yet."""
    from marsad.warehouse.loader import stored_articles_to_extract

    if not Path(db).exists():
        return []
    con = connect(db)
    try:
        return stored_articles_to_extract(con, extractor_version, exclude_urls)
    finally:
        con.close()


def batches(items: Sequence, size: int = settings.EXTRACT_BATCH_SIZE) -> list[list]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def extract_articles(batch: Iterable[Article]) -> list[ExtractedArticle]:
    """Extract stage, for one batch: mentions of every article. An article whose extraction
    raises is logged and left out (no extractions row), so the next run tries it again."""
    from marsad.extract import EXTRACTOR_VERSION, extract, warm
    from marsad.warehouse.loader import ExtractedArticle, article_id, content_hash

    warm()  # once per process: the vocabulary, then the collector spared its objects
    out = []
    for article in batch:
        try:
            mentions = extract(article.text, article.published, article.title)
        except Exception as exc:  # one bad article must not stop the batch
            log.warning("extraction failed for %s: %s: %s", article.url, type(exc).__name__, exc)
            continue
        out.append(
            ExtractedArticle(
                article_id(article), article.url, content_hash(article), EXTRACTOR_VERSION, list(mentions)
            )
        )
    return out


def load(db: Path, articles: Sequence[Article], extracted: Sequence[ExtractedArticle]) -> LoadStats:
    """Load stage: articles and their mentions into the raw tables, in one transaction."""
    from marsad.warehouse import load as load_tables

    con = connect(db)
    try:
        return load_tables(con, articles, extracted)
    finally:
        con.close()


def load_staged(db: Path, staging: Staging) -> LoadStats:
    """Load stage from a staging area (marsad.warehouse.staging): what a run staged while
    extracting, into the raw tables in one transaction."""
    from marsad.warehouse.loader import load_staged as load_staged_tables

    con = connect(db)
    try:
        return load_staged_tables(con, staging)
    finally:
        con.close()


def release_articles(*lists: list[Article]) -> None:
    """Empty these lists of articles in place, once their rows are staged: the texts are
    most of a run's memory (~200 MB at 50,000 articles) and load, build and export need
    none of them (every holder of the same list sees it emptied)."""
    for articles in lists:
        articles.clear()


def build(db: Path):
    """Build stage: seeds, SQL models (with the clustering step) and data tests."""
    from marsad.warehouse.models import build as build_models

    con = connect(db)
    try:
        return build_models(con)
    finally:
        con.close()


def export(db: Path, export_dir: Path):
    """Export stage: Parquet, CSV and manifest.json into export_dir."""
    from marsad.warehouse.exports import export as export_tables

    con = connect(db, read_only=True)
    try:
        return export_tables(con, export_dir)
    finally:
        con.close()


@dataclass
class RunSummary:
    articles_read: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_seen: int = 0
    rejected: int = 0
    extracted: int = 0
    reextracted_stored: int = 0  # stored articles not in this input, read by a new extractor version
    mentions: int = 0
    incidents: int = 0
    export_dir: Path | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    sources: list = field(default_factory=list)  # one SourceReport per enabled source


def run(
    db: Path,
    export_dir: Path,
    config: Path | None = None,
    inputs: Sequence[Path] = (),
) -> RunSummary:
    """The main job: fetch -> extract -> load -> build -> export, timing each stage."""
    from marsad.extract import EXTRACTOR_VERSION
    from marsad.warehouse.staging import Staging

    summary = RunSummary(export_dir=Path(export_dir))
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        summary.seconds[stage] = round(now - clock, 3)
        clock = now

    sources = resolve_sources(config, inputs)
    fetched = load_inputs(sources, db=db)
    summary.sources = fetched.reports
    summary.articles_read = len(fetched.articles)
    summary.rejected = len(fetched.rejections)
    summary.rejections = fetched.rejections
    lap("fetch")
    log.info("fetch: %d articles, %d rejected lines", len(fetched.articles), len(fetched.rejections))

    pending = select_for_extraction(db, fetched.articles, EXTRACTOR_VERSION)
    stored = select_stored_for_extraction(db, EXTRACTOR_VERSION, {a.url for a in fetched.articles})
    summary.reextracted_stored = len(stored)
    pending += stored
    n_pending = len(pending)
    with Staging() as staging:
        # each batch is staged (on disk) as soon as it is extracted: no mention stays in memory
        for part, batch in enumerate(batches(pending)):
            extracted = extract_articles(batch)
            staging.add_extracted(extracted, part)
            summary.extracted += len(extracted)
        lap("extract")
        log.info(
            "extract: %d of %d articles needed extraction (%s)",
            n_pending,
            len(fetched.articles),
            EXTRACTOR_VERSION,
        )

        release_articles(pending, stored)
        staging.add_articles(fetched.articles, release=True)
        stats = load_staged(db, staging)
    summary.articles_new = stats.articles_new
    summary.articles_updated = stats.articles_updated
    summary.articles_seen = stats.articles_seen
    summary.mentions = stats.mentions
    lap("load")
    log.info("load: %s", stats)

    result = build(db)
    summary.incidents = result.row_counts.get("fct_incidents", 0)
    lap("build")
    log.info("build: %d models, %d data tests passed", len(result.models), len(result.tests))

    exported = export(db, export_dir)
    lap("export")
    log.info("export: %d files in %s", len(exported.files), export_dir)
    return summary
