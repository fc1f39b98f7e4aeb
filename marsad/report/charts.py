"""The report's charts as inline SVG, drawn in Python.

Why hand-written SVG and no chart library: the page must work offline and under a strict
Content-Security-Policy; SVG text is shaped by the browser (Arabic included) and the same
markup renders to PNG in headless Chromium. Every chart is laid out here for the default
view (perpetrators, top factions, whole range); the page's one small script re-lays out
the same elements when a filter changes (data-* attributes name what each element is).

Every piece of data goes through `esc` (attribute-safe HTML escaping). Geometry and
colours are presentation attributes, never `style=`: the page's CSP allows no inline style.
"""

from __future__ import annotations

import html
import math

from marsad.report.data import ReportData

FONT = "DejaVu Sans, Noto Sans Arabic, Noto Naskh Arabic, Arial, sans-serif"
HEAT = ("#f1f5f9", "#dbeafe", "#bfdbfe", "#93c5fd", "#60a5fa", "#3b82f6", "#1d4ed8", "#1e3a8a")
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#ad494a",
)  # fmt: skip
OTHER_COLOUR = "#b0b7c3"
KILLED, KILLED_BAND = "#b91c1c", "#fca5a5"
WOUNDED, WOUNDED_BAND = "#c2410c", "#fdba74"
EVENT_COLOURS = {
    "Battles": "#7c3aed",
    "Explosions/Remote violence": "#dc2626",
    "Violence against civilians": "#0f766e",
    "Protests": "#2563eb",
    "Riots": "#ca8a04",
    "Strategic developments": "#475569",
}


def esc(value) -> str:
    """Text or attribute value, HTML-escaped (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def _hidden(on: bool) -> str:
    return "" if on else ' display="none"'


def month_label(month) -> str:
    return f"{month:%Y-%m}"


def heat_colour(value: int, maximum: int) -> str:
    if value <= 0 or maximum <= 0:
        return HEAT[0]
    step = 1 + int(math.sqrt(value / maximum) * (len(HEAT) - 2) + 0.5)
    return HEAT[min(step, len(HEAT) - 1)]


def actor_colours(data: ReportData) -> dict[str, str]:
    """A stable colour per actor: the palette in order of incidents (both roles), then grey."""
    totals: dict[str, int] = {}
    for (_, actor), cells in data.cells.items():
        totals[actor] = totals.get(actor, 0) + sum(c.incidents for c in cells)
    ranked = sorted(totals, key=lambda a: (-totals[a], a))
    return {actor: PALETTE[n] if n < len(PALETTE) else OTHER_COLOUR for n, actor in enumerate(ranked)}


def _label(data: ReportData, actor_id: str, x: int, y: int) -> str:
    actor = data.actor(actor_id)
    return (
        f'<text x="{x}" y="{y}" text-anchor="end" font-size="12" fill="#111827">{esc(actor.name_en)}</text>'
        f'<text x="{x}" y="{y + 15}" text-anchor="end" font-size="12" fill="#374151" lang="ar">'
        f"{esc(actor.name_ar)}</text>"
    )


def _month_axis(data: ReportData, left: int, y: int, colw: int, below: bool = False) -> str:
    """Month labels, rotated: above a grid (reading up from the column) or below bars (reading down)."""
    parts = []
    x = colw // 2 + (0 if below else 4)
    anchor = ' text-anchor="end"' if below else ""
    for mi, month in enumerate(data.months):
        parts.append(
            f'<g class="col" data-mi="{mi}" data-y="{y}" transform="translate({left + mi * colw},{y})">'
            f'<text x="{x}" y="0" transform="rotate(-60 {x} 0)" font-size="10"{anchor} '
            f'fill="#4b5563">{month_label(month)}</text></g>'
        )
    return "".join(parts)


def _svg_open(kind: str, chart_id: str, width: int, height: int, title: str, **data_attrs) -> str:
    attrs = " ".join(f'data-{k.replace("_", "-")}="{v}"' for k, v in data_attrs.items())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" id="{chart_id}" width="{width}" '
        f'height="{height}" font-family="{FONT}" role="img" aria-label="{esc(title)}" {attrs}>'
        f"<title>{esc(title)}</title>"
    )


def _visible_rows(data: ReportData, rows: list[tuple[str, str]], top: dict[str, list[str]]) -> list[bool]:
    """Which rows the default view shows: perpetrators among the top factions."""
    return [role == "perpetrator" and actor in top["perpetrator"] for role, actor in rows]


def heatmap(data: ReportData, top: dict[str, list[str]], only_default: bool = False) -> str:
    """Incidents per faction and month: one row per (role, actor), one cell per month."""
    left, top_margin, colw, rowh, right, bottom = 240, 70, 24, 38, 16, 12
    rows = [(role, actor) for role in ("perpetrator", "target") for actor in data.ranked(role)]
    shown = _visible_rows(data, rows, top)
    if only_default:
        rows = [row for row, on in zip(rows, shown, strict=True) if on]
        shown = [True] * len(rows)
    maximum = max((c.incidents for cells in data.cells.values() for c in cells), default=0)
    width = left + len(data.months) * colw + right
    height = top_margin + max(sum(shown), 1) * rowh + bottom
    parts = [
        _svg_open(
            "grid-chart",
            "chart-heatmap",
            width,
            height,
            "Incidents per faction per month",
            left=left,
            top=top_margin,
            colw=colw,
            rowh=rowh,
            right=right,
            bottom=bottom,
        ),  # fmt: skip
        _month_axis(data, left, top_margin - 6, colw),
    ]
    n = 0
    for (role, actor_id), on in zip(rows, shown, strict=True):
        cells = data.cells[(role, actor_id)]
        name = data.actor(actor_id).name_en
        y = top_margin + n * rowh
        parts.append(
            f'<g class="row" data-actor="{esc(actor_id)}" data-role="{role}" transform="translate(0,{y})"'
            f"{_hidden(on)}>" + _label(data, actor_id, left - 10, 15)
        )
        for mi, cell in enumerate(cells):
            fill = heat_colour(cell.incidents, maximum)
            ink = "#ffffff" if fill in HEAT[5:] else "#111827"
            parts.append(
                f'<g class="col" data-mi="{mi}" transform="translate({left + mi * colw},0)">'
                f'<rect class="cell" x="1" y="2" width="{colw - 2}" height="{rowh - 6}" fill="{fill}" '
                f'data-v="{cell.incidents}"><title>{esc(name)} ({role}), {month_label(data.months[mi])}: '
                f"{cell.incidents} incident(s)</title></rect>"
                + (
                    f'<text x="{colw // 2}" y="{rowh // 2 + 3}" text-anchor="middle" font-size="11" '
                    f'fill="{ink}">{cell.incidents}</text>'
                    if cell.incidents
                    else ""
                )
                + "</g>"
            )
        parts.append("</g>")
        n += on
    parts.append(
        f'<text class="empty" x="{left}" y="{top_margin + 22}" font-size="13" fill="#6b7280" '
        f'display="{"none" if n else "inline"}">No incidents for this filter.</text></svg>'
    )
    return "".join(parts)


def stacked_bars(data: ReportData, top: dict[str, list[str]], colours: dict[str, str]) -> str:
    """Incidents per month, stacked by faction (the default view: top perpetrators)."""
    left, top_margin, colw, plot_h, right = 48, 16, 24, 260, 16
    bottom = 70
    width = left + len(data.months) * colw + right
    height = top_margin + plot_h + bottom
    segments = {
        mi: [
            (role, actor, data.cells[(role, actor)][mi].incidents)
            for role in ("perpetrator", "target")
            for actor in data.ranked(role)
            if data.cells[(role, actor)][mi].incidents
        ]
        for mi in range(len(data.months))
    }
    default = {
        mi: [s for s in segs if s[0] == "perpetrator" and s[1] in top["perpetrator"]]
        for mi, segs in segments.items()
    }
    maximum = max((sum(s[2] for s in segs) for segs in default.values()), default=0) or 1
    base = top_margin + plot_h
    parts = [
        _svg_open(
            "stack-chart",
            "chart-stacked",
            width,
            height,
            "Incidents per month, stacked by faction",
            left=left,
            top=top_margin,
            colw=colw,
            plot_h=plot_h,
            right=right,
        ),  # fmt: skip
    ]
    for fraction in (0, 0.5, 1):
        y = base - fraction * plot_h
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" stroke="#e5e7eb" class="grid"/>'
            f'<text class="tick" data-f="{fraction}" x="{left - 6}" y="{y + 4}" text-anchor="end" font-size="10" '
            f'fill="#4b5563">{round(maximum * fraction)}</text>'
        )
    parts.append(_month_axis(data, left, base + 12, colw, below=True))
    for mi in range(len(data.months)):
        parts.append(f'<g class="col" data-mi="{mi}" data-y="0" transform="translate({left + mi * colw},0)">')
        y = base
        for role, actor_id, value in segments[mi]:
            on = (role, actor_id, value) in default[mi]
            h = value * plot_h / maximum if on else 0
            y -= h
            parts.append(
                f'<rect class="seg" x="3" y="{y:.1f}" width="{colw - 6}" height="{h:.1f}" '
                f'fill="{colours.get(actor_id, OTHER_COLOUR)}" data-actor="{esc(actor_id)}" data-role="{role}" '
                f'data-v="{value}"{_hidden(on)}><title>{esc(data.actor(actor_id).name_en)} '
                f"({role}), {month_label(data.months[mi])}: {value}</title></rect>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def casualties(data: ReportData, top: dict[str, list[str]], only_default: bool = False) -> str:
    """Killed and wounded per faction and month: best estimate as a bar, low-high as a band."""
    left, top_margin, colw, rowh, right, bottom = 240, 70, 24, 78, 16, 30
    plot = rowh - 22
    rows = [(role, actor) for role in ("perpetrator", "target") for actor in data.ranked(role)]
    shown = _visible_rows(data, rows, top)
    if only_default:
        rows = [row for row, on in zip(rows, shown, strict=True) if on]
        shown = [True] * len(rows)
    width = left + len(data.months) * colw + right
    height = top_margin + max(sum(shown), 1) * rowh + bottom
    parts = [
        _svg_open(
            "grid-chart",
            "chart-casualties",
            width,
            height,
            "Killed and wounded per faction per month",
            left=left,
            top=top_margin,
            colw=colw,
            rowh=rowh,
            right=right,
            bottom=bottom,
        ),  # fmt: skip
        _month_axis(data, left, top_margin - 6, colw),
        f'<g class="key" font-size="11" fill="#374151"><rect x="8" y="8" width="10" height="10" fill="{KILLED}"/>'
        f'<text x="22" y="17">killed</text><rect x="78" y="8" width="10" height="10" fill="{WOUNDED}"/>'
        f'<text x="92" y="17">wounded</text><text x="8" y="34">bar: best estimate; light band: low–high;</text>'
        f'<text x="8" y="48">+: open upper bound ("more than N")</text></g>',
    ]
    n = 0
    for (role, actor_id), on in zip(rows, shown, strict=True):
        cells = data.cells[(role, actor_id)]
        scale_max = max([max(c.killed_high, c.wounded_high) for c in cells] + [1])
        name = data.actor(actor_id).name_en
        y = top_margin + n * rowh
        parts.append(
            f'<g class="row" data-actor="{esc(actor_id)}" data-role="{role}" transform="translate(0,{y})"'
            f"{_hidden(on)}>"
            + _label(data, actor_id, left - 10, 22)
            + f'<text x="{left - 10}" y="52" text-anchor="end" font-size="10" fill="#6b7280">scale 0–{scale_max}</text>'
            f'<line x1="{left}" x2="{left + len(data.months) * colw}" y1="{plot + 4}" y2="{plot + 4}" '
            f'stroke="#d1d5db" class="baseline"/>'
        )
        for mi, cell in enumerate(cells):
            parts.append(f'<g class="col" data-mi="{mi}" transform="translate({left + mi * colw},0)">')
            for offset, what, colour, band in (
                (1, "killed", KILLED, KILLED_BAND),
                (12, "wounded", WOUNDED, WOUNDED_BAND),
            ):
                low, best, high = (getattr(cell, f"{what}_{b}") for b in ("low", "best", "high"))
                is_open = getattr(cell, f"{what}_open")
                if not (best or high):
                    continue

                def y_of(v, scale_max=scale_max):
                    return plot + 4 - v * plot / scale_max

                tip = (
                    f"{esc(name)} ({role}), {month_label(data.months[mi])}: {what} {best} "
                    f"(low {low}, high {high}{'+' if is_open else ''})"
                )
                parts.append(
                    f'<rect class="band" x="{offset - 1}" y="{y_of(high):.1f}" width="11" '
                    f'height="{max(y_of(low) - y_of(high), 0):.1f}" fill="{band}"/>'
                    f'<rect class="bar {what}" x="{offset + 1}" y="{y_of(best):.1f}" width="7" '
                    f'height="{plot + 4 - y_of(best):.1f}" fill="{colour}"><title>{tip}</title></rect>'
                    + (
                        f'<text x="{offset + 4.5}" y="{y_of(high) - 2:.1f}" text-anchor="middle" font-size="10" '
                        f'font-weight="bold" fill="{colour}">+</text>'
                        if is_open
                        else ""
                    )
                )
            parts.append("</g>")
        parts.append("</g>")
        n += on
    parts.append(
        f'<text class="empty" x="{left}" y="{top_margin + 22}" font-size="13" fill="#6b7280" '
        f'display="{"none" if n else "inline"}">No incidents for this filter.</text></svg>'
    )
    return "".join(parts)


# --------------------------------------------------------------------------------------
# The map

MAP_FRAME = (38.5, 28.8, 48.9, 37.6)  # west, south, east, north: Iraq with a margin
MAP_SCALE = 62  # px per degree of latitude


def project(longitude: float, latitude: float) -> tuple[float, float]:
    west, _, _, north = MAP_FRAME
    return (
        (longitude - west) * MAP_SCALE * math.cos(math.radians(33)),
        (north - latitude) * MAP_SCALE,
    )


def in_frame(longitude: float, latitude: float) -> bool:
    west, south, east, north = MAP_FRAME
    return west <= longitude <= east and south <= latitude <= north


def governorate_map(data: ReportData, outlines: dict) -> tuple[str, list[dict]]:
    """Governorate outlines shaded by incidents, incident points on top; returns (svg, incidents off the map)."""
    width, height = (round(v) for v in project(MAP_FRAME[2], MAP_FRAME[1]))
    counts: dict[str, int] = {}
    for incident in data.incidents:
        if incident["governorate"]:
            counts[incident["governorate"]] = counts.get(incident["governorate"], 0) + 1
    maximum = max(counts.values(), default=0) or 1
    parts = [
        _svg_open("map-chart", "chart-map", width, height, "Incidents on a map of Iraq's governorates"),
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f8fafc"/>',
    ]
    labels = []
    for feature in outlines["features"]:
        name = feature["properties"]["governorate"]
        ring = feature["geometry"]["coordinates"][0]
        points = [project(lon, lat) for lon, lat in ring]
        path = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in points) + " Z"
        opacity = 0.06 + 0.6 * counts.get(name, 0) / maximum
        parts.append(
            f'<path class="gov" d="{path}" data-gov="{esc(name)}" fill="#ef4444" fill-opacity="{opacity:.2f}" '
            f'stroke="#64748b" stroke-width="0.8"><title>{esc(name)} · {esc(data.governorates.get(name, ""))}'
            f"</title></path>"
        )
        cx = sum(x for x, _ in points[:-1]) / (len(points) - 1)
        cy = sum(y for _, y in points[:-1]) / (len(points) - 1)
        labels.append(
            f'<text x="{cx:.1f}" y="{cy:.1f}" text-anchor="middle" font-size="9" fill="#334155">{esc(name)}</text>'
            f'<text x="{cx:.1f}" y="{cy + 11:.1f}" text-anchor="middle" font-size="9" fill="#475569" lang="ar">'
            f"{esc(data.governorates.get(name, ''))}</text>"
        )
    parts.extend(labels)
    off_map = []
    for incident in data.incidents:
        lon, lat = incident["longitude"], incident["latitude"]
        if lon is None or lat is None:
            continue
        if not in_frame(lon, lat):
            off_map.append(incident)
            continue
        x, y = project(lon, lat)
        perpetrator, target = data.actor(incident["perpetrator_id"]), data.actor(incident["target_id"])
        tip = " · ".join(
            part
            for part in (
                str(incident["event_date"] or "undated"),
                incident["location"] or "",
                incident["sub_event_type"] or "",
                f"{perpetrator.name_en if perpetrator else '?'} → {target.name_en if target else '—'}",
                f"killed {incident['killed_best'] if incident['killed_best'] is not None else '?'}",
            )
            if part
        )
        parts.append(
            f'<circle class="pt" cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{EVENT_COLOURS.get(incident["event_type"], "#111827")}" '
            f'fill-opacity="0.85" stroke="#ffffff" stroke-width="1" data-mi="{incident["month_index"]}" '
            f'data-p="{esc(incident["perpetrator_id"] or "")}" data-t="{esc(incident["target_id"] or "")}">'
            f"<title>{esc(tip)}</title></circle>"
        )
    parts.append(
        f'<text x="8" y="{height - 8}" font-size="10" fill="#475569">Governorate outlines: simplified, not for '
        "measurement.</text></svg>"
    )
    return "".join(parts), off_map
