"""`marsad run`: one pipeline run in this process, through the marsad-pipeline flow.

With no PREFECT_API_URL set, Prefect starts a temporary local API for the run (10-25 s
the first time; STACK.md); with `marsad server` running and PREFECT_API_URL pointing at
it, the run shows up there like a scheduled one.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from flows import progress
from flows.pipeline import marsad_pipeline
from flows.report import RunReport
from marsad.pipeline import RunSummary


def summary_of(report: RunReport) -> RunSummary:
    """The flow's report in the shape `marsad run` prints."""
    counts = report.counts
    summary = RunSummary(export_dir=Path(report.export_dir), seconds=dict(report.seconds))
    summary.articles_read = counts.get("fetch", {}).get("articles read", 0)
    summary.rejected = counts.get("fetch", {}).get("records rejected", 0)
    summary.rejections = list(report.rejections)
    summary.sources = list(report.sources)
    load = counts.get("load", {})
    summary.articles_new = load.get("articles new", 0)
    summary.articles_updated = load.get("articles changed", 0)
    summary.articles_seen = load.get(
        "articles already stored", summary.articles_read if "load" in report.skipped else 0
    )
    summary.mentions = load.get("mentions stored", 0)
    summary.extracted = counts.get("extract", {}).get("extracted", 0)
    summary.reextracted_stored = counts.get("extract", {}).get("stored, new extractor version", 0)
    summary.incidents = report.incidents_total
    return summary


class _OneLine(logging.Formatter):
    """Prefect's console format without tracebacks: `marsad run` reports a failure in one
    line (its traceback stays in the flow run's logs on the API)."""

    def __init__(self, inner: logging.Formatter | None):
        super().__init__()
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            return self.inner.format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def _tidy_prefect_console(tracebacks: bool) -> None:
    """Point Prefect's console handlers at the current stderr (Prefect configures logging
    once per process; an embedding program may have swapped sys.stderr since) and, unless
    asked for, drop tracebacks from them."""
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger()] + [
        logging.getLogger(name)
        for name in list(logging.root.manager.loggerDict)
        if name.startswith("prefect")
    ]
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            console = isinstance(handler, PrefectConsoleHandler)
            # the CLI's own stderr handler on the root logger receives Prefect's records too
            plain = logger is logging.root and type(handler) is logging.StreamHandler
            if console or plain:
                if console:
                    handler.console.file = sys.stderr
                if not tracebacks and not isinstance(handler.formatter, _OneLine):
                    handler.setFormatter(_OneLine(handler.formatter))
                elif tracebacks and isinstance(handler.formatter, _OneLine):
                    handler.setFormatter(handler.formatter.inner)


def run_pipeline(
    db: Path,
    export_dir: Path,
    config: Path | None = None,
    inputs=(),
    lock_timeout: float | None = None,
    bars: bool | None = None,
    tracebacks: bool = False,
) -> RunSummary:
    """Run marsad-pipeline here with a progress bar per stage on a terminal (plain lines otherwise)."""
    bars = sys.stderr.isatty() if bars is None else bars
    _tidy_prefect_console(tracebacks)
    reporter = progress.BarReporter() if bars else progress.LineReporter()
    with progress.reporting(reporter):
        report = marsad_pipeline(
            config=str(config) if config else None,
            inputs=[str(p) for p in inputs],
            db=str(db),
            export_dir=str(export_dir),
            lock_timeout=lock_timeout,
        )
    return summary_of(report)
