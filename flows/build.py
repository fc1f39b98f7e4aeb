"""marsad-build: the SQL models and the exports only (no fetching, no extraction)."""

from __future__ import annotations

from prefect import flow

from flows.pipeline import Clock, paths, rebuild
from flows.report import RunReport, publish_report
from marsad.orchestrate import warehouse_lock


@flow(name="marsad-build")
def marsad_build(
    db: str | None = None, export_dir: str | None = None, lock_timeout: float | None = None
) -> RunReport:
    """Rebuild the models from the raw tables and write the exports (after a change to sql/)."""
    db_path, export_path = paths(db, export_dir)
    report = RunReport(flow="marsad-build", db=str(db_path), export_dir=str(export_path))
    with warehouse_lock(db_path, lock_timeout):
        rebuild(db_path, export_path, report, Clock(report))
    publish_report(report, "marsad-build")
    return report


if __name__ == "__main__":
    marsad_build()
