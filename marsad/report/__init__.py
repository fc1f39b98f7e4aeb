"""The analysts' report: `marsad report` writes one self-contained HTML page (and PNG figures).

    build_report(db, out_dir, png=False, top=8) -> ReportResult

The page is `index.html` in out_dir (default data/report/): charts as inline SVG, filters
by date range, faction and role, a map on simplified governorate outlines, who-attacks-whom
and the latest incidents with their Arabic evidence. Nothing loads from the network. With
png=True, the two main figures are also written as PNG (needs Chromium). File names are
fixed here; none comes from the data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from marsad import settings

INDEX_NAME = "index.html"
PNG_FIGURES = {
    "heatmap": ("attacks_per_faction_month.png", "Attacks per faction per month (top perpetrators)"),
    "casualties": (
        "casualties_per_faction_month.png",
        "Killed and wounded per faction per month (top perpetrators)",
    ),
}
DEFAULT_TOP = 8


def default_report_dir() -> Path:
    """$MARSAD_REPORT_DIR, else data/report/."""
    return Path(os.environ.get("MARSAD_REPORT_DIR") or settings.REPO_DIR / "data" / "report")


@dataclass
class ReportResult:
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    incidents: int = 0


def top_actors(data, top: int) -> dict[str, list[str]]:
    return {role: data.ranked(role)[:top] for role in ("perpetrator", "target")}


def build_report(
    db: Path, out_dir: Path | None = None, png: bool = False, top: int = DEFAULT_TOP
) -> ReportResult:
    """Read the warehouse (read-only) and write the report into out_dir."""
    from marsad.report import charts, data, outlines, page
    from marsad.warehouse import WarehouseError, connect
    from marsad.warehouse.db import table_names

    out_dir = Path(out_dir or default_report_dir())
    con = connect(db, read_only=True)
    try:
        missing = {"incidents", "actors", "stg_governorates", "stg_articles"} - table_names(con)
        if missing:
            raise WarehouseError(
                f"the warehouse has no {', '.join(sorted(missing))} yet: run `marsad build` (or `marsad run`) first"
            )
        report_data = data.load(con)
    finally:
        con.close()
    top_ids = top_actors(report_data, top)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = ReportResult(out_dir, incidents=len(report_data.incidents))
    target = out_dir / INDEX_NAME
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(
            page.render(report_data, top_ids, outlines.load_outlines(), source=Path(db).name),
            encoding="utf-8",
        )
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    result.files.append(target)
    if png:
        from marsad.report.png import render_png

        figures = {
            "heatmap": charts.heatmap(report_data, top_ids, only_default=True),
            "casualties": charts.casualties(report_data, top_ids, only_default=True),
        }
        for key, (name, title) in PNG_FIGURES.items():
            result.files.append(render_png(figures[key], charts.esc(title), out_dir / name))
    return result
