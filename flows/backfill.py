"""marsad-backfill: re-extract every stored article with the current extractor version
(no refetch: the text is in the warehouse), then rebuild. What a user runs after
upgrading Marsad.

Locally (shard_runs=0) the batches are mapped over threads of this process. With
shard_runs=N the batches become Parquet shards and N flow runs of the `extract-shards`
deployment extract them on whichever workers poll the pool (flows/shards.py); this flow
waits for them, then loads the shards as the one writer.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.task_runners import ThreadPoolTaskRunner

from flows.pipeline import Clock, paths, rebuild
from flows.report import RunReport, publish_report
from flows.shards import default_shards_dir, load_shards, workers_of, write_work_shards
from flows.tasks import bulk, extract_all, load_staging
from marsad import pipeline, settings
from marsad.orchestrate import warehouse_lock
from marsad.warehouse.staging import Staging

SHARD_DEPLOYMENT = "marsad-extract-shards/extract-shards"
# Seconds between looks at the shard runs' states (a shard run takes seconds to minutes).
POLL_SECONDS = 2.0


def run_shards(
    keys: list[str],
    shard_runs: int,
    shards_dir: Path,
    extractor_version: str,
    deployment: str,
    timeout: float,
) -> list:
    """Create the shard flow runs (as subflows of this run), wait until all are final."""
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment

    logger = get_run_logger()
    groups = [keys[i::shard_runs] for i in range(shard_runs) if keys[i::shard_runs]]
    runs = [
        run_deployment(
            deployment,
            parameters={"keys": group, "shards_dir": str(shards_dir), "extractor_version": extractor_version},
            timeout=0,
        )
        for group in groups
    ]
    logger.info("%d shards in %d flow runs of %s", len(keys), len(runs), deployment)
    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while True:
            states = {run.id: client.read_flow_run(run.id).state for run in runs}
            if all(state is not None and state.is_final() for state in states.values()):
                break
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"shard runs not finished after {timeout:.0f} s: is a worker polling the pool?"
                )
            time.sleep(POLL_SECONDS)
    failed = [f"{run.name} ({states[run.id].name})" for run in runs if not states[run.id].is_completed()]
    if failed:
        raise RuntimeError(
            f"shard runs failed: {', '.join(failed)}; rerun the backfill (finished shards are kept)"
        )
    return runs


@flow(name="marsad-backfill", task_runner=ThreadPoolTaskRunner(max_workers=settings.EXTRACT_WORKERS))
def marsad_backfill(
    db: str | None = None,
    export_dir: str | None = None,
    lock_timeout: float | None = None,
    batch_size: int = settings.EXTRACT_BATCH_SIZE,
    shard_runs: int = 0,
    shards_dir: str | None = None,
    shard_deployment: str = SHARD_DEPLOYMENT,
    shard_timeout: float = 6 * 3600,
) -> RunReport:
    """Re-extract stored articles the current extractor version has not read, then rebuild.

    shard_runs: 0 extracts here; N > 0 spreads the batches over N runs of the
    extract-shards deployment (any number of workers), shards under shards_dir
    (default $MARSAD_SHARDS_DIR or data/shards; must be shared by every worker).
    """
    from marsad.extract import EXTRACTOR_VERSION

    logger = get_run_logger()
    db_path, export_path = paths(db, export_dir)
    report = RunReport(flow="marsad-backfill", db=str(db_path), export_dir=str(export_path))
    clock = Clock(report)
    with warehouse_lock(db_path, lock_timeout):  # a short hold: read what to extract
        stored = pipeline.select_stored_for_extraction(db_path, EXTRACTOR_VERSION, set())
    logger.info("%d stored articles need extractor %s", len(stored), EXTRACTOR_VERSION)
    report.counts["extract"] = {"stored articles to extract": len(stored)}

    if shard_runs > 0 and stored:
        shards = Path(shards_dir) if shards_dir else default_shards_dir()
        keys = write_work_shards(bulk(pipeline.batches(stored, batch_size)), shards, EXTRACTOR_VERSION)
        run_shards(keys, shard_runs, shards, EXTRACTOR_VERSION, shard_deployment, shard_timeout)
        clock.lap("extract")
        workers = workers_of(keys, shards, EXTRACTOR_VERSION)
        report.counts["extract"].update(
            shards=len(keys), workers=len({(w["host"], w["worker_pid"]) for w in workers})
        )
        with warehouse_lock(db_path, lock_timeout):
            stats, extracted = load_shards(db_path, keys, shards, EXTRACTOR_VERSION)
            clock.lap("load")
            report.counts["extract"]["extracted"] = len(extracted)
            report.counts["load"] = {
                "extractions stored": stats.extractions,
                "mentions stored": stats.mentions,
            }
            rebuild(db_path, export_path, report, clock)
    else:
        # each batch is staged on disk as it is extracted (see marsad-pipeline)
        with Staging() as staging:
            result = extract_all(stored, batch_size, staging)
            pipeline.release_articles(stored)
            clock.lap("extract")
            report.counts["extract"].update(extracted=result.count, failed=len(result.failed))
            for url, source in result.failed:
                report.add_failure(source, f"extraction failed: {url}")
            with warehouse_lock(db_path, lock_timeout):
                if result.count:
                    stats = load_staging(db_path, staging)
                    clock.lap("load")
                    report.counts["load"] = {
                        "extractions stored": stats.extractions,
                        "mentions stored": stats.mentions,
                    }
                rebuild(db_path, export_path, report, clock)
    publish_report(report, "marsad-backfill")
    return report


if __name__ == "__main__":
    marsad_backfill()
