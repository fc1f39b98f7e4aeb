"""What a run tells its reader: a markdown artifact (counts per stage, new incidents with
their evidence and source links, failures per source) and a table artifact (the
faction-month cells the run changed)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from flows.tasks import QUIET, Snapshot
from marsad.safety import md_code, md_link, md_text

# An artifact is read by a person: past these, the rest is in the export files.
MAX_INCIDENTS_SHOWN = 100
MAX_CELLS_SHOWN = 500
MAX_FAILURES_SHOWN = 20


class Rows(Sequence):
    """Rows of a report (new incidents, changed cells): a read-only sequence of dicts.

    Not a list on purpose: Prefect walks every list, dict and dataclass that a flow returns
    or a task receives, item by item, looking for futures (0.6 s for the 10,000 new
    incidents of a cold 10,000-article run); it leaves other objects alone. Compares equal
    to a list or tuple of the same rows."""

    __slots__ = ("_rows",)

    def __init__(self, rows: Iterable[dict] = ()) -> None:
        self._rows = tuple(rows)

    def __getitem__(self, index):
        return Rows(self._rows[index]) if isinstance(index, slice) else self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def __eq__(self, other) -> bool:
        if isinstance(other, Rows):
            return self._rows == other._rows
        return isinstance(other, (list, tuple)) and self._rows == tuple(other)

    __hash__ = None

    def __repr__(self) -> str:
        return f"Rows({list(self._rows)!r})"


@dataclass
class RunReport:
    """The outcome of one pipeline, backfill or build run."""

    flow: str
    db: str
    export_dir: str
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # stage -> label -> n
    seconds: dict[str, float] = field(default_factory=dict)
    failures: dict[str, list[str]] = field(default_factory=dict)  # source -> what failed
    new_incidents: Rows = field(default_factory=Rows)
    changed_cells: Rows = field(default_factory=Rows)
    skipped: list[str] = field(default_factory=list)  # stages skipped because nothing changed
    rejections: list[str] = field(default_factory=list)  # input records not turned into articles
    sources: list = field(default_factory=list)  # marsad.sources.context.SourceReport per source
    incidents_total: int = 0

    def add_failure(self, source: str, what: str) -> None:
        self.failures.setdefault(source, []).append(what)


def compare(before: Snapshot, after: Snapshot) -> tuple[Rows, Rows]:
    """New incidents, and faction-month cells whose numbers changed (a missing cell counts as zero)."""
    new = [after.incidents[key] for key in sorted(after.incidents) if key not in before.incidents]
    new.sort(key=lambda r: (str(r.get("event_date")), r["incident_id"]))
    zero = {"incidents": 0, "killed_best": 0, "wounded_best": 0}
    changed = []
    for key in sorted(set(before.cells) | set(after.cells), key=lambda k: (str(k[1]), k[0], k[2])):
        old, now = before.cells.get(key, zero), after.cells.get(key, zero)
        if old != now:
            actor, month, role = key
            changed.append(
                {
                    "actor_id": actor,
                    "month": str(month)[:7],
                    "role": role,
                    "incidents_before": old["incidents"],
                    "incidents_after": now["incidents"],
                    "killed_best_before": old["killed_best"],
                    "killed_best_after": now["killed_best"],
                    "wounded_best_before": old["wounded_best"],
                    "wounded_best_after": now["wounded_best"],
                }
            )
    return Rows(new), Rows(changed)


def _link(url: str) -> str:
    # article URLs are strangers' text: only http(s) is live, and neither its label nor its
    # target can close the link or open another (marsad.safety)
    return md_link(url)


def _cell(text) -> str:
    # every markdown mark escaped: article text cannot make links, images or HTML
    return md_text(text)


def markdown(report: RunReport) -> str:
    lines = [
        f"# {report.flow}",
        "",
        f"Warehouse {md_code(report.db)}, exports {md_code(report.export_dir)}.",
        "",
    ]
    if report.skipped:
        lines += [f"Nothing new: skipped {', '.join(report.skipped)}.", ""]
    lines += ["## Counts per stage", "", "| stage | count | n |", "|---|---|---:|"]
    for stage, counts in report.counts.items():
        for label, n in counts.items():
            lines.append(f"| {stage} | {label} | {n} |")
    if report.seconds:
        lines += ["", "Seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in report.seconds.items())]
    lines += ["", f"## New incidents ({len(report.new_incidents)} of {report.incidents_total})", ""]
    if report.new_incidents:
        lines += [
            "| date | governorate | perpetrator → target | killed | evidence | sources |",
            "|---|---|---|---:|---|---|",
        ]
        for row in report.new_incidents[:MAX_INCIDENTS_SHOWN]:
            sources = "<br>".join(_link(u) for u in (row.get("source_urls") or []))
            lines.append(
                f"| {_cell(row.get('event_date'))} | {_cell(row.get('governorate'))} "
                f"| {_cell(row.get('perpetrator_id'))} → {_cell(row.get('target_id'))} "
                f"| {_cell(row.get('killed_best'))} | {_cell(row.get('evidence'))} | {sources} |"
            )
        if len(report.new_incidents) > MAX_INCIDENTS_SHOWN:
            lines.append(f"\n… and {len(report.new_incidents) - MAX_INCIDENTS_SHOWN} more in the export.")
    else:
        lines.append("None.")
    if report.sources:
        lines += [
            "",
            "## Sources",
            "",
            "| source | kind | articles | skipped | failures | status |",
            "|---|---|---:|---:|---:|---|",
        ]
        for source in report.sources:
            status = f"failed: {_cell(source.error)}" if source.error else "ok"
            lines.append(
                f"| {_cell(source.name)} | {source.kind} | {source.articles} | {source.skipped} "
                f"| {len(source.failures)} | {status} |"
            )
    lines += ["", "## Failures per source", ""]
    if report.failures:
        lines += ["| source | failures | first ones |", "|---|---:|---|"]
        for source, items in sorted(report.failures.items()):
            shown = "<br>".join(_cell(item) for item in items[:MAX_FAILURES_SHOWN])
            lines.append(f"| {_cell(source)} | {len(items)} | {shown} |")
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def source_of(location: str, sources) -> str:
    """The configured source a rejected record's file belongs to (else the file itself)."""
    for source in sources:
        root = str(Path(source.path))
        if location == root or location.startswith(root.rstrip("/") + "/"):
            return source.name
    return location


@task(name="publish_report", **QUIET)
def publish_report(report: RunReport, key: str) -> None:
    """The run's two artifacts, under stable keys so the UI shows their history."""
    create_markdown_artifact(
        markdown(report), key=f"{key}-report", description=f"{report.flow}: what this run did"
    )
    rows = list(report.changed_cells[:MAX_CELLS_SHOWN]) or [
        {"actor_id": None, "month": None, "role": None, "incidents_before": None, "incidents_after": None}
    ]
    create_table_artifact(
        rows,
        key=f"{key}-faction-month-changes",
        description=f"faction-month cells changed by this run ({len(report.changed_cells)})",
    )


def group_failures(report: RunReport, fetched, failed, sources) -> None:
    """Failures per source: the fetch stage's own per-source reports (a source that failed
    as a whole, the records or pages it could not use), else its rejections; then the
    articles whose extraction failed."""
    by_source = defaultdict(list)
    if fetched.reports:
        for source in fetched.reports:
            if source.error:
                by_source[source.name].append(f"source failed: {source.error}")
            by_source[source.name].extend(source.failures)
    else:
        for rejection in fetched.rejections:
            by_source[source_of(rejection.source, sources)].append(str(rejection))
    for url, source in failed:
        by_source[source].append(f"extraction failed: {url}")
    for source, items in by_source.items():
        for item in items:
            report.add_failure(source, item)
