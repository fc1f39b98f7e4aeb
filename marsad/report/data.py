"""What the report shows, read from the warehouse's published views in one read-only pass."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import duckdb

ROLES = ("perpetrator", "target")


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name_en: str
    name_ar: str
    kind: str


@dataclass
class Cell:
    """One actor, role and month: incidents and casualty sums (NULL counted as 0, as faction_month does)."""

    incidents: int = 0
    killed_low: int = 0
    killed_best: int = 0
    killed_high: int = 0  # an open high ("more than N") counts as its best
    killed_open: bool = False
    wounded_low: int = 0
    wounded_best: int = 0
    wounded_high: int = 0
    wounded_open: bool = False


@dataclass
class ReportData:
    months: list[dt.date]
    actors: dict[str, Actor]
    governorates: dict[str, str]  # English -> Arabic
    incidents: list[dict]  # the incidents view, latest first, plus month_index and titles
    cells: dict[tuple[str, str], list[Cell]] = field(default_factory=dict)  # (role, actor) -> per month
    generated_at: str = ""

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        return self.actors.get(actor_id) or Actor(actor_id, actor_id, "", "unknown")

    def ranked(self, role: str) -> list[str]:
        """Actors with at least one incident in `role`, most incidents first."""
        totals = {
            actor: sum(c.incidents for c in cells) for (r, actor), cells in self.cells.items() if r == role
        }
        return [a for a, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])) if n > 0]


def _records(con: duckdb.DuckDBPyConnection, query: str) -> list[dict]:
    cursor = con.execute(query)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def month_range(first: dt.date, last: dt.date) -> list[dt.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def load(con: duckdb.DuckDBPyConnection) -> ReportData:
    """The report's data from the `incidents`, `actors` and governorates tables."""
    actors = {
        row["actor_id"]: Actor(
            row["actor_id"], row["name_en"] or row["actor_id"], row["name_ar"] or "", row["kind"] or ""
        )
        for row in _records(con, "select actor_id, name_en, name_ar, kind from actors")
    }
    governorates = {
        row["governorate"]: row["name_ar"]
        for row in _records(con, "select governorate, name_ar from stg_governorates")
    }
    titles = {row["url"]: row["title"] for row in _records(con, "select url, title from stg_articles")}
    incidents = _records(con, "select * from incidents order by event_date desc nulls last, incident_id")
    dated = [i["event_date"] for i in incidents if i["event_date"] is not None]
    months = month_range(min(dated), max(dated)) if dated else []
    index = {month: n for n, month in enumerate(months)}
    cells: dict[tuple[str, str], list[Cell]] = defaultdict(lambda: [Cell() for _ in months])
    for incident in incidents:
        incident["titles"] = [titles.get(url) for url in incident["source_urls"] or []]
        date = incident["event_date"]
        incident["month_index"] = index[date.replace(day=1)] if date else -1
        if date is None:
            continue
        for role, actor_id in (
            ("perpetrator", incident["perpetrator_id"]),
            ("target", incident["target_id"]),
        ):
            if actor_id is None:
                continue
            cell = cells[(role, actor_id)][incident["month_index"]]
            cell.incidents += 1
            for what in ("killed", "wounded"):
                low, best, high = (incident[f"{what}_{bound}"] for bound in ("low", "best", "high"))
                setattr(cell, f"{what}_low", getattr(cell, f"{what}_low") + (low or 0))
                setattr(cell, f"{what}_best", getattr(cell, f"{what}_best") + (best or 0))
                setattr(
                    cell,
                    f"{what}_high",
                    getattr(cell, f"{what}_high") + (high if high is not None else best or 0),
                )
                if best is not None and high is None:
                    setattr(cell, f"{what}_open", True)
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return ReportData(months, actors, governorates, incidents, dict(cells), generated)
