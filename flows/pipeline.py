"""marsad-pipeline: fetch -> extract -> load -> build -> export, the scheduled job.

Every write to the warehouse happens inside `warehouse_lock` (one writing process per
DuckDB file): a second run waits for the first, at most `lock_timeout` seconds, then
fails naming it.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.task_runners import ThreadPoolTaskRunner

from flows.report import RunReport, compare, group_failures, publish_report
from flows.tasks import (
    build_models,
    bulk,
    check_build,
    count_incidents,
    export_tables,
    extract_all,
    load_staging,
    read_sources,
    select_articles,
    snapshot_marts,
)
from marsad import pipeline, settings
from marsad.orchestrate import warehouse_lock
from marsad.warehouse.staging import Staging


class Clock:
    """Seconds per stage, into the report."""

    def __init__(self, report: RunReport):
        self.report, self.last = report, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.report.seconds[stage] = round(now - self.last, 3)
        self.last = now


def paths(db: str | None, export_dir: str | None) -> tuple[Path, Path]:
    return (
        Path(db) if db else settings.default_db(),
        Path(export_dir) if export_dir else settings.default_export_dir(),
    )


def rebuild(db: Path, export_dir: Path, report: RunReport, clock: Clock) -> None:
    """Build and export (under the caller's lock), recording what the build changed."""
    before = snapshot_marts(db)
    built = build_models(db)
    after = snapshot_marts(db)
    clock.lap("build")
    exported = export_tables(db, export_dir)
    clock.lap("export")
    report.new_incidents, report.changed_cells = compare(before, after)
    report.incidents_total = len(after.incidents)
    report.counts["build"] = {
        "models": len(built.models),
        "data tests passed": len(built.tests),
        "incidents": len(after.incidents),
        "new incidents": len(report.new_incidents),
        "faction-month cells changed": len(report.changed_cells),
    }
    report.counts["export"] = {"files": len(exported.files)}


@flow(name="marsad-pipeline", task_runner=ThreadPoolTaskRunner(max_workers=settings.EXTRACT_WORKERS))
def marsad_pipeline(
    config: str | None = None,
    inputs: list[str] | None = None,
    db: str | None = None,
    export_dir: str | None = None,
    lock_timeout: float | None = None,
    batch_size: int = settings.EXTRACT_BATCH_SIZE,
) -> RunReport:
    """Fetch every source, extract what is new, load, rebuild the models, export.

    config: sources file (default sources.yaml); inputs: JSONL files or folders that
    replace the config's sources; db / export_dir: default $MARSAD_DB / $MARSAD_EXPORT_DIR
    or data/; lock_timeout: seconds to wait for another writer (default 600).
    """
    from marsad.extract import EXTRACTOR_VERSION

    logger = get_run_logger()
    db_path, export_path = paths(db, export_dir)
    sources = pipeline.resolve_sources(Path(config) if config else None, [Path(p) for p in inputs or []])
    report = RunReport(flow="marsad-pipeline", db=str(db_path), export_dir=str(export_path))
    clock = Clock(report)

    failed: list[tuple[str, str]] = []
    with warehouse_lock(db_path, lock_timeout):
        fetched = read_sources(sources, db_path)
        clock.lap("fetch")
        report.counts["fetch"] = {
            "articles read": len(fetched.articles),
            "records rejected": len(fetched.rejections),
        }
        report.rejections = [str(rejection) for rejection in fetched.rejections]
        report.sources = list(fetched.reports)
        selection = select_articles(db_path, bulk(fetched.articles), EXTRACTOR_VERSION)
        report.counts["extract"] = {
            "new or changed articles": selection.changed,
            "to extract": len(selection.pending),
            "stored, new extractor version": len(selection.stored),
        }
        if selection.nothing_new:
            report.skipped += ["extract", "load"]
            logger.info("nothing new in %d articles: extraction and load skipped", len(fetched.articles))
        else:
            # Each extraction batch is written to the staging area (disk) as soon as it is
            # done, then the articles chunk by chunk, their texts released as they are
            # written; the load reads the staged files in SQL. So no run holds all its
            # mentions, nor its texts through load, build and export (50,000 articles:
            # 1.7 GB -> 0.82 GB peak in this process). The warehouse is written only by
            # the load's one transaction: a run killed before its commit leaves it as it was.
            with Staging() as staging:
                result = extract_all(selection.pending + selection.stored, batch_size, staging)
                failed = result.failed
                report.counts["extract"].update(extracted=result.count, failed=len(result.failed))
                clock.lap("extract")
                pipeline.release_articles(selection.pending, selection.stored)
                staging.add_articles(fetched.articles, release=True)
                stats = load_staging(db_path, staging)
            clock.lap("load")
            report.counts["load"] = {
                "articles new": stats.articles_new,
                "articles changed": stats.articles_updated,
                "articles already stored": stats.articles_seen,
                "mentions stored": stats.mentions,
            }
        if selection.nothing_new and check_build(db_path, export_path):
            report.skipped += ["build", "export"]
            report.incidents_total = count_incidents(db_path)
            logger.info("the exports in %s are current: build and export skipped", export_path)
        else:
            rebuild(db_path, export_path, report, clock)

    group_failures(report, fetched, failed, sources)
    publish_report(report, "marsad-pipeline")
    return report


if __name__ == "__main__":
    marsad_pipeline()
