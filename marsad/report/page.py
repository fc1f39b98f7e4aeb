"""The report page: one self-contained HTML file with inline SVG, one style sheet and one script.

Safety rules, built in: every value from the data (article text and titles, URLs, actor
and place names) is escaped by `esc`; links are made only for http(s) URLs, anything else
(javascript:, data:, ...) is shown as plain text; the Content-Security-Policy allows only
this page's own script and style (by SHA-256 hash) and no network load at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
from pathlib import Path
from urllib.parse import urlsplit

from marsad.report import charts
from marsad.report.charts import esc
from marsad.report.data import ReportData

STATIC = Path(__file__).resolve().parent / "static"
INCIDENT_ROWS_SHOWN = 50  # the table shows the latest 50 incidents matching the filter


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(script: str, style: str) -> str:
    """Nothing loads from the network; only this page's own script and style run."""
    return (
        "default-src 'none'; "
        f"script-src {csp_hash(script)}; "
        f"style-src {csp_hash(style)}; "
        "img-src 'none'; connect-src 'none'; font-src 'none'; object-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def safe_href(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link, else None (the caller shows it as text)."""
    if not url or any(ord(c) <= 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def en_ar(en: str | None, ar: str | None) -> str:
    """An English name with its Arabic beside it (isolated, right to left)."""
    arabic = f' <bdi class="ar" lang="ar" dir="rtl">{esc(ar)}</bdi>' if ar else ""
    return f"<span>{esc(en)}</span>{arabic}"


def _range(low, best, high) -> str:
    if best is None:
        return '<span class="muted">?</span>'
    if low == best == high:
        return str(best)
    return f'{best} <span class="muted">({low if low is not None else "?"}–{high if high is not None else "…"})</span>'


def _filters(data: ReportData, top: dict[str, list[str]]) -> str:
    months = "".join(f'<option value="{i}">{m:%Y-%m}</option>' for i, m in enumerate(data.months))
    last = len(data.months) - 1
    to_months = months.replace(f'<option value="{last}">', f'<option value="{last}" selected>')
    actor_ids = sorted({a for role in ("perpetrator", "target") for a in data.ranked(role)},
                       key=lambda a: data.actor(a).name_en.lower())  # fmt: skip
    factions = "".join(
        f'<option value="{esc(a)}">{esc(data.actor(a).name_en)} — {esc(data.actor(a).name_ar)}</option>'
        for a in actor_ids
    )
    return (
        '<form class="filters" id="filters" aria-label="Filters">'
        f'<label>From<select id="f-from" name="from">{months}</select></label>'
        f'<label>To<select id="f-to" name="to">{to_months}</select></label>'
        f'<label>Faction<select id="f-faction" name="faction" data-top-perpetrator="{esc(" ".join(top["perpetrator"]))}" '
        f'data-top-target="{esc(" ".join(top["target"]))}">'
        f'<option value="top" selected>Top {len(top["perpetrator"])} factions</option>'
        f'<option value="all">All actors</option>{factions}</select></label>'
        '<label>Role<select id="f-role" name="role"><option value="perpetrator" selected>as perpetrator</option>'
        '<option value="target">as target</option></select></label>'
        '<button type="button" id="f-reset">Reset</button>'
        "</form>"
    )


def _legend(data: ReportData, colours: dict[str, str], top: dict[str, list[str]]) -> str:
    items = []
    for role in ("perpetrator", "target"):
        for actor_id in data.ranked(role):
            hidden = "" if role == "perpetrator" and actor_id in top["perpetrator"] else " hidden"
            actor = data.actor(actor_id)
            items.append(
                f'<li data-actor="{esc(actor_id)}" data-role="{role}"{hidden}>'
                f'<svg width="12" height="12"><rect width="12" height="12" fill="{colours.get(actor_id, charts.OTHER_COLOUR)}"/></svg>'
                f"{en_ar(actor.name_en, actor.name_ar)}</li>"
            )
    return f'<ul class="legend" id="legend-stacked">{"".join(items)}</ul>'


def _event_legend() -> str:
    items = "".join(
        f'<li><svg width="12" height="12"><circle cx="6" cy="6" r="5" fill="{colour}"/></svg>{esc(name)}</li>'
        for name, colour in charts.EVENT_COLOURS.items()
    )
    return f'<ul class="legend">{items}</ul>'


def _governorate_table(data: ReportData) -> str:
    counts: dict[str, int] = {}
    for incident in data.incidents:
        if incident["governorate"]:
            counts[incident["governorate"]] = counts.get(incident["governorate"], 0) + 1
    rows = "".join(
        f'<tr data-gov="{esc(name)}"><td class="en-ar">{en_ar(name, data.governorates[name])}</td>'
        f'<td class="num n">{counts.get(name, 0)}</td></tr>'
        for name in sorted(data.governorates, key=lambda g: (-counts.get(g, 0), g))
    )
    return (
        '<table id="governorates"><thead><tr><th>Governorate</th><th class="num">Incidents</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _pairs_table(data: ReportData) -> str:
    pairs: dict[tuple[str, str], dict[int, list[int]]] = {}
    for incident in data.incidents:
        if incident["target_id"] is None or incident["month_index"] < 0:
            continue
        key = (incident["perpetrator_id"] or "unknown", incident["target_id"])
        per_month = pairs.setdefault(key, {})
        entry = per_month.setdefault(incident["month_index"], [0, 0])
        entry[0] += 1
        entry[1] += incident["killed_best"] or 0
    ordered = sorted(pairs.items(), key=lambda kv: (-sum(v[0] for v in kv[1].values()), kv[0]))
    rows = []
    for (perpetrator_id, target_id), per_month in ordered:
        perpetrator, target = data.actor(perpetrator_id), data.actor(target_id)
        months = " ".join(f"{mi}:{n}:{k}" for mi, (n, k) in sorted(per_month.items()))
        rows.append(
            f'<tr data-p="{esc(perpetrator_id)}" data-t="{esc(target_id)}" data-m="{esc(months)}">'
            f'<td class="en-ar">{en_ar(perpetrator.name_en, perpetrator.name_ar)}</td><td>→</td>'
            f'<td class="en-ar">{en_ar(target.name_en, target.name_ar)}</td>'
            f'<td class="num n">{sum(v[0] for v in per_month.values())}</td>'
            f'<td class="num k">{sum(v[1] for v in per_month.values())}</td></tr>'
        )
    return (
        '<table id="pairs"><thead><tr><th>Perpetrator</th><th></th><th>Target</th>'
        '<th class="num">Incidents</th><th class="num">Killed (best)</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _source_links(incident: dict) -> str:
    links = []
    for url, title in zip(incident["source_urls"] or [], incident["titles"], strict=False):
        text = title or urlsplit(url).hostname or url
        href = safe_href(url)
        if href:
            links.append(
                f'<a href="{esc(href)}" dir="auto" rel="noopener noreferrer nofollow" target="_blank">{esc(text)}</a>'
            )
        else:
            links.append(f'<span class="unsafe-url" title="not an http(s) link">{esc(url)}</span>')
    return "".join(links)


def _incidents_table(data: ReportData) -> str:
    rows = []
    for n, incident in enumerate(data.incidents):
        perpetrator, target = data.actor(incident["perpetrator_id"]), data.actor(incident["target_id"])
        governorate = incident["governorate"]
        place = esc(incident["location"] or "")
        if governorate:
            place += f"<br>{en_ar(governorate, data.governorates.get(governorate))}"
        elif incident["country"]:
            place += f"<br>{esc(incident['country'])}"
        hidden = "" if n < INCIDENT_ROWS_SHOWN else " hidden"
        date = incident["event_date"]
        precision = incident["date_precision"]
        rows.append(
            f'<tr data-mi="{incident["month_index"]}" data-p="{esc(incident["perpetrator_id"] or "")}" '
            f'data-t="{esc(incident["target_id"] or "")}" data-gov="{esc(governorate or "")}" '
            f'data-kl="{incident["killed_low"] or 0}" data-kb="{incident["killed_best"] or 0}" '
            f'data-kh="{incident["killed_high"] if incident["killed_high"] is not None else incident["killed_best"] or 0}" '
            f'data-wb="{incident["wounded_best"] or 0}"{hidden}>'
            f"<td>{esc(date.isoformat() if date else 'undated')}"
            f"{f'<br><span class=muted>{esc(precision)}</span>' if precision and precision != 'day' else ''}</td>"
            f"<td>{place}</td>"
            f"<td>{esc(incident['sub_event_type'] or '')}</td>"
            f'<td class="en-ar">{en_ar(perpetrator.name_en, perpetrator.name_ar) if perpetrator else "?"}'
            f"<br>→ {en_ar(target.name_en, target.name_ar) if target else '<span class=muted>no target named</span>'}</td>"
            f'<td class="num">{_range(incident["killed_low"], incident["killed_best"], incident["killed_high"])}</td>'
            f'<td class="num">{_range(incident["wounded_low"], incident["wounded_best"], incident["wounded_high"])}</td>'
            f'<td class="evidence ar" lang="ar" dir="rtl"><div>{esc(incident["evidence"] or "")}</div></td>'
            f'<td class="sources">{_source_links(incident)}</td></tr>'
        )
    return (
        f'<table id="incidents" data-limit="{INCIDENT_ROWS_SHOWN}"><thead><tr><th>Date</th><th>Place</th>'
        "<th>Type</th><th>Actors</th><th class=num>Killed</th><th class=num>Wounded</th>"
        "<th>Evidence (Arabic)</th><th>Sources</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def render(data: ReportData, top: dict[str, list[str]], outlines: dict, source: str) -> str:
    """The whole page."""
    script = (STATIC / "report.js").read_text(encoding="utf-8")
    style = (STATIC / "report.css").read_text(encoding="utf-8")
    colours = charts.actor_colours(data)
    map_svg, off_map = charts.governorate_map(data, outlines)
    off_map_text = ""
    if off_map:
        places: dict[str, int] = {}
        for incident in off_map:
            key = incident["location"] or incident["country"] or "?"
            places[key] = places.get(key, 0) + 1
        off_map_text = (
            f'<p class="note">{len(off_map)} incident(s) lie outside this frame: '
            + esc(", ".join(f"{place} ({n})" for place, n in sorted(places.items())))
            + ".</p>"
        )
    unlocated = sum(1 for i in data.incidents if i["latitude"] is None or i["longitude"] is None)
    undated = sum(1 for i in data.incidents if i["event_date"] is None)
    span = f"{data.months[0]:%B %Y} – {data.months[-1]:%B %Y}" if data.months else "no dated incidents"
    killed_best = sum(i["killed_best"] or 0 for i in data.incidents)
    body = f"""
<header>
<h1>Marsad: armed incidents in Iraq <bdi class="ar" lang="ar" dir="rtl">مرصد: الحوادث المسلحة في العراق</bdi></h1>
<p>{len(data.incidents)} incidents, {span}. Source: {esc(source)}. Generated {esc(data.generated_at)}.</p>
<p>Every number comes from Arabic news reports read by a machine: check the evidence sentence and the sources before citing.</p>
</header>
{_filters(data, top)}
<main>
<div class="summary" id="summary">
<div>Incidents in view<b id="sum-incidents">{len(data.incidents)}</b></div>
<div>Killed, best (low–high)<b id="sum-killed">{killed_best}</b></div>
<div>Wounded, best<b id="sum-wounded">{sum(i["wounded_best"] or 0 for i in data.incidents)}</b></div>
</div>
<section id="s-heatmap"><h2>Attacks per faction per month</h2>
<p class="note">Incidents per actor and month in the chosen role; darker is more. One incident counts once for its
perpetrator and once for its target. {undated} undated incident(s) are in the table below, not in the charts.</p>
<div class="scroll">{charts.heatmap(data, top)}</div></section>
<section id="s-stacked"><h2>Attacks per month, stacked by faction</h2>
<div class="scroll">{charts.stacked_bars(data, top, colours)}</div>{_legend(data, colours, top)}</section>
<section id="s-casualties"><h2>Killed and wounded per faction per month</h2>
<p class="note">Dark bar: best estimate (<span class="muted">killed</span> red, <span class="muted">wounded</span> orange);
light band: low–high. "+" marks an open upper bound ("more than N"). Sums count deaths and injuries of all sides
in the faction's incidents; incidents whose toll was not reported add nothing. Each row has its own scale.</p>
<div class="scroll">{charts.casualties(data, top)}</div></section>
<section id="s-map"><h2>Where: incidents by governorate</h2>
<p class="note">Points at the coordinates of the most specific place named; governorates shaded by incidents.
{unlocated} incident(s) have no coordinates.</p>
<div class="two"><div>{map_svg}<p class="note" id="map-status"></p>{off_map_text}{_event_legend()}</div>
<div>{_governorate_table(data)}</div></div></section>
<section id="s-pairs"><h2>Who attacks whom</h2>
<p class="note" id="pairs-status"></p>
{_pairs_table(data)}</section>
<section id="s-incidents"><h2>Latest incidents</h2>
<p class="note" id="incidents-status"></p>
<div class="scroll">{_incidents_table(data)}</div></section>
</main>
<footer>Marsad report. Governorate outlines are simplified, not for measurement. Coding rules: docs/spec.md.</footer>
"""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(content_security_policy(script, style))}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        "<title>Marsad report</title>"
        f"<style>{style}</style></head>"
        f"<body>{body}<script>{script}</script></body></html>\n"
    )
