"""The tasks of Marsad's flows: each sits at an I/O edge (sources, the warehouse, the
export directory, shards) or is a unit worth retrying (an extraction batch). Each calls
the engine; the logic lives in marsad/.

No task uses Prefect's result cache (cache_policy=NO_CACHE): whether an article needs
extracting is decided by the warehouse itself (its `extractions` table, keyed by article,
content hash and extractor version), which is the record that survives a lost Prefect
database or a new machine, and hashing thousands of articles into cache keys would cost
more than the check. See docs/notes/prefect.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from prefect import get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows import progress
from marsad import pipeline, settings
from marsad.model import Article
from marsad.sources.config import SourceConfig
from marsad.warehouse import ExtractedArticle, LoadStats, connect
from marsad.warehouse.db import table_names
from marsad.warehouse.loader import article_id, content_hash
from marsad.warehouse.staging import Staging

# Tasks pass articles in memory between threads of one process: nothing to persist.
QUIET = dict(cache_policy=NO_CACHE, persist_result=False)

# Prefect walks every list, dict and dataclass a task receives, element by element and
# twice per call (to resolve futures and to record inputs): 2.4 s of a 10,000-article run
# went to walking the articles. A flow passes its bulk (articles, batches of articles)
# inside `quote` (prefect.utilities.annotations), which the walk skips; the task receives
# the object itself. Such data never holds futures, so nothing is lost but the walk.
bulk = quote


@dataclass
class Selection:
    """What the warehouse says about a run's input before anything is written."""

    pending: list[Article] = field(default_factory=list)  # input articles to extract
    stored: list[Article] = field(default_factory=list)  # stored articles a new extractor must read
    changed: int = 0  # input articles new to the warehouse or with new content

    @property
    def nothing_new(self) -> bool:
        return not (self.pending or self.stored or self.changed)


@dataclass
class BatchResult:
    # the extracted articles, unless they went to a Staging area (then only counted)
    extracted: list[ExtractedArticle] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article url, source name)
    count: int = 0  # articles extracted


@dataclass
class Snapshot:
    """The published tables as they stand: incident ids and faction-month cells."""

    incidents: dict[str, dict] = field(default_factory=dict)
    cells: dict[tuple, dict] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------
# fetch


@task(name="read_sources", **QUIET)
def read_sources(sources: list[SourceConfig], db: Path) -> pipeline.Inputs:
    """Fetch stage: every enabled source (network fetches are incremental against the
    warehouse's cursors and logged to its fetch_log, so this runs under the write lock).
    Not retried as a task: the engine's HTTP client already retries each request with
    backoff (settings.HTTP_RETRIES), a missing file or a bad config does not get better
    by waiting, and a failed source is reported while the others are read."""
    reporter = progress.current()
    reporter.start("fetch", total=1)
    fetched = pipeline.load_inputs(sources, db=db)
    reporter.finish("fetch", f"{len(fetched.articles)} articles, {len(fetched.rejections)} rejected")
    return fetched


# ---------------------------------------------------------------------------------------
# extract


def _stored_hashes(db: Path) -> dict[str, str]:
    if not Path(db).exists():
        return {}
    con = connect(db, read_only=True)
    try:
        return dict(con.execute("select article_id, content_hash from articles").fetchall())
    finally:
        con.close()


@task(name="select_articles", **QUIET)
def select_articles(db: Path, articles: list[Article], extractor_version: str) -> Selection:
    """The cheap check: which input articles are new or changed, and which (input or
    stored) article contents this extractor version has not read yet."""
    stored_hashes = _stored_hashes(db)
    changed = sum(1 for a in articles if stored_hashes.get(article_id(a)) != content_hash(a))
    pending = pipeline.select_for_extraction(db, articles, extractor_version)
    stored = pipeline.select_stored_for_extraction(db, extractor_version, {a.url for a in articles})
    return Selection(pending=pending, stored=stored, changed=changed)


@task(name="extract_batch", retries=1, retry_delay_seconds=2, **QUIET)
def extract_batch(
    batch: list[Article], part: int | None = None, staging: Staging | None = None
) -> BatchResult:
    """Extract stage for one batch of articles (mapped: 10-18 ms of task overhead per
    batch, not per article). A failing article is named with its source and left pending.
    With `staging`, the batch's rows are written there as part number `part` (a retry
    replaces them) and only counted in the result, so no batch's mentions stay in memory."""
    extracted = pipeline.extract_articles(batch)
    done = {item.article_url for item in extracted}
    failed = [(a.url, a.source_name) for a in batch if a.url not in done]
    logger = get_run_logger()
    for url, source in failed:
        logger.warning(
            "extraction failed: article %s from source %r; it stays pending for the next run", url, source
        )
    count = len(extracted)
    if staging is not None:
        staging.add_extracted(extracted, part if part is not None else 0)
        extracted = []
    progress.current().advance("extract")
    return BatchResult(extracted, failed, count)


def extract_all(
    articles: list[Article], batch_size: int = settings.EXTRACT_BATCH_SIZE, staging: Staging | None = None
) -> BatchResult:
    """Map extract_batch over the batches of `articles` (threads of this process); with
    `staging`, every batch goes there (numbered in order) instead of into the result."""
    chunks = pipeline.batches(articles, batch_size)
    progress.current().start("extract", total=max(len(chunks), 1))
    result = BatchResult()
    if chunks:
        parts = list(range(len(chunks)))
        futures = extract_batch.map([bulk(chunk) for chunk in chunks], parts, unmapped(staging))
        del chunks  # the futures hold their batches until they are done, not longer
        for one in futures.result():
            result.extracted.extend(one.extracted)
            result.failed.extend(one.failed)
            result.count += one.count
    progress.current().finish("extract", f"{result.count} articles, {len(result.failed)} failed")
    return result


# ---------------------------------------------------------------------------------------
# load, build, export


@task(name="load_staging", **QUIET)
def load_staging(db: Path, staging: Staging) -> LoadStats:
    """Load stage from a staging area (the articles and extraction batches a run wrote
    there): one transaction (all or nothing); idempotent, so a rerun after a crash stores
    exactly what one clean run would."""
    reporter = progress.current()
    reporter.start("load", total=1)
    stats = pipeline.load_staged(db, staging)
    reporter.finish(
        "load", f"{stats.articles_new} new, {stats.articles_updated} changed, {stats.mentions} mentions"
    )
    return stats


@task(name="snapshot_marts", **QUIET)
def snapshot_marts(db: Path) -> Snapshot:
    """The incidents and faction-month cells as they stand (to report what a build changed)."""
    snapshot = Snapshot()
    if not Path(db).exists():
        return snapshot
    con = connect(db, read_only=True)
    try:
        names = table_names(con)
        if "fct_incidents" in names:
            cursor = con.execute(
                "select incident_id, event_date, governorate, location, perpetrator_id, target_id, "
                "killed_best, wounded_best, evidence, source_urls from fct_incidents"
            )
            columns = [d[0] for d in cursor.description]
            for row in cursor.fetchall():
                record = dict(zip(columns, row, strict=True))
                snapshot.incidents[record["incident_id"]] = record
        if "faction_month" in names:
            rows = con.execute(
                "select actor_id, month, role, incidents, killed_best, wounded_best from faction_month"
            ).fetchall()
            for actor, month, role, incidents, killed, wounded in rows:
                snapshot.cells[(actor, month, role)] = {
                    "incidents": incidents,
                    "killed_best": killed,
                    "wounded_best": wounded,
                }
    finally:
        con.close()
    return snapshot


@task(name="build_models", **QUIET)
def build_models(db: Path):
    """Build stage: SQL models, clustering, data tests (rolled back as a whole on failure)."""
    reporter = progress.current()
    reporter.start("build", total=1)
    result = pipeline.build(db)
    reporter.finish("build", f"{len(result.models)} models, {len(result.tests)} tests passed")
    return result


@task(name="export_tables", retries=1, retry_delay_seconds=2, **QUIET)
def export_tables(db: Path, export_dir: Path):
    """Export stage: Parquet, CSV, manifest.json (each file replaced atomically), then the
    build stamp that lets an unchanged next run skip build and export."""
    reporter = progress.current()
    reporter.start("export", total=1)
    result = pipeline.export(db, export_dir)
    write_build_stamp(db, export_dir)
    reporter.finish("export", f"{len(result.files)} files in {export_dir}")
    return result


# ---------------------------------------------------------------------------------------
# Is the last build still current? (the cheap check that lets a run with nothing new stop)

STAMP_NAME = ".marsad-build.json"
_BUILD_INPUTS = ("sql/**/*.sql", "marsad/warehouse/*.py", "marsad/data/*", "marsad/extract/data/places.csv")


def _code_hash() -> str:
    digest = hashlib.sha256()
    for pattern in _BUILD_INPUTS:
        for path in sorted(settings.REPO_DIR.glob(pattern)):
            if path.is_file():
                digest.update(str(path.relative_to(settings.REPO_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def build_fingerprint(db: Path) -> dict | None:
    """What a build reads: the raw tables' state, the models' code, the extractor version."""
    from marsad.extract import EXTRACTOR_VERSION

    if not Path(db).exists():
        return None
    con = connect(db, read_only=True)
    try:
        raw = con.execute(
            """
            select
                (select count(*) from articles),
                (select cast(max(coalesce(updated_at, fetched_at)) as varchar) from articles),
                (select count(*) from extractions),
                (select cast(max(extracted_at) as varchar) from extractions),
                (select count(*) from incident_mentions)
            """
        ).fetchone()
    finally:
        con.close()
    return {
        "db": str(Path(db).resolve()),
        "raw": list(raw),
        "code": _code_hash(),
        "extractor_version": EXTRACTOR_VERSION,
    }


def write_build_stamp(db: Path, export_dir: Path) -> None:
    stamp = Path(export_dir) / STAMP_NAME
    temporary = stamp.with_name(f".{stamp.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(build_fingerprint(db)), encoding="utf-8")
    os.replace(temporary, stamp)


@task(name="check_build", **QUIET)
def check_build(db: Path, export_dir: Path) -> bool:
    """True when the exports in export_dir were built from exactly this warehouse state
    and this code, so build and export can be skipped."""
    stamp = Path(export_dir) / STAMP_NAME
    if not stamp.exists() or not (Path(export_dir) / "manifest.json").exists():
        return False
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except ValueError:
        return False
    return recorded == build_fingerprint(db)


def count_incidents(db: Path) -> int:
    con = connect(db, read_only=True)
    try:
        return con.execute("select count(*) from fct_incidents").fetchone()[0]
    finally:
        con.close()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
