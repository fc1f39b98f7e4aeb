"""Shared by the report tests: a small real warehouse with hostile text in it; finding Chromium."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from marsad.warehouse import connect
from marsad.warehouse.models import discover, load_seeds, run_model

CLUSTERED_DDL = """
create or replace table int_incidents__clustered (
    incident_id varchar, event_date date, date_precision varchar, country varchar,
    governorate varchar, location varchar, latitude double, longitude double,
    event_type varchar, sub_event_type varchar, weapon varchar, perpetrator_id varchar,
    perpetrator_alternatives varchar[], target_id varchar, claimed boolean,
    killed_low integer, killed_best integer, killed_high integer,
    wounded_low integer, wounded_best integer, wounded_high integer,
    source_urls varchar[], source_count integer, evidence varchar, confidence double,
    mention_ids varchar[]
)
"""

EVIL_EVIDENCE = (
    '=HYPERLINK("http://evil.example") <script>alert("evidence")</script><img src=x onerror=alert(2)> قصف'
)
EVIL_TITLE = '<b onmouseover="alert(3)">عنوان</b> "quoted" & <script>alert(4)</script>'
EVIL_LOCATION = '"><svg onload=alert(5)>'
EVIL_URLS = [
    "javascript:alert(6)",
    "data:text/html,<script>alert(7)</script>",
    "https://news.example/ok?a=1&b=<x>",
]

BASE = {
    "date_precision": "day",
    "country": "Iraq",
    "governorate": "Anbar",
    "location": "Ain al-Asad Air Base",
    "latitude": 33.8,
    "longitude": 42.44,
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack",
    "weapon": "rocket",
    "perpetrator_id": "islamic_resistance_iraq",
    "perpetrator_alternatives": [],
    "target_id": "us_forces",
    "claimed": True,
    "killed_low": None,
    "killed_best": None,
    "killed_high": None,
    "wounded_low": None,
    "wounded_best": None,
    "wounded_high": None,
    "evidence": "سقطت صواريخ على قاعدة عين الأسد الجوية غربي الأنبار.",
    "confidence": 0.8,
}


def incident(n: int, **fields) -> dict:
    row = {"incident_id": f"inc_{n:016x}", "event_date": dt.date(2024, 1, 4), **BASE, **fields}
    row.setdefault("source_urls", [f"https://news.example/{n}"])
    row["source_count"] = len(row["source_urls"])
    row["mention_ids"] = [f"m_{n}"]
    return row


INCIDENTS = [
    incident(1),
    incident(2, event_date=dt.date(2024, 1, 20), perpetrator_id="kataib_hezbollah", killed_low=2, killed_best=2,
             killed_high=2, wounded_low=3, wounded_best=3, wounded_high=5),
    incident(3, event_date=dt.date(2024, 2, 2), governorate="Baghdad", location="Camp Taji", latitude=33.53,
             longitude=44.26, sub_event_type="Air/drone strike", weapon="drone", perpetrator_id="us_forces",
             target_id="kataib_hezbollah", killed_low=3, killed_best=3, killed_high=None),
    incident(4, event_date=dt.date(2024, 3, 9), governorate="Diyala", location="Muqdadiyah", latitude=33.98,
             longitude=44.94, sub_event_type="Remote explosive/landmine/IED", weapon="ied", perpetrator_id="isis",
             target_id="pmf", killed_low=3, killed_best=3, killed_high=3, wounded_low=2, wounded_best=3),
    incident(5, event_date=dt.date(2024, 3, 15), governorate="Basra", location=EVIL_LOCATION, latitude=30.51,
             longitude=47.79, event_type="Violence against civilians", sub_event_type="Attack", weapon="small_arms",
             perpetrator_id="unknown", target_id="civilians", killed_low=1, killed_best=1, killed_high=1,
             evidence=EVIL_EVIDENCE, source_urls=EVIL_URLS),
    incident(6, event_date=dt.date(2024, 4, 1), governorate="Nineveh", location="Sinjar", latitude=36.32,
             longitude=41.87, sub_event_type="Air/drone strike", weapon="drone", perpetrator_id="turkish_forces",
             target_id="pkk", killed_low=2, killed_best=2, killed_high=2),
    incident(7, event_date=dt.date(2024, 5, 12), governorate="Baghdad", location="Tahrir Square", latitude=33.33,
             longitude=44.42, event_type="Protests", sub_event_type="Excessive force against protesters",
             weapon=None, perpetrator_id="iraqi_security_forces", target_id="protesters", killed_low=0, killed_best=0,
             killed_high=0, wounded_low=100, wounded_best=120, wounded_high=None),
    incident(8, event_date=dt.date(2024, 6, 1), country="Syria", governorate=None, location="Syria", latitude=35.0,
             longitude=38.5, sub_event_type="Air/drone strike", weapon="drone", target_id="us_forces"),
    incident(9, event_date=dt.date(2024, 6, 2), governorate="Najaf", location="Najaf", latitude=32.03,
             longitude=44.35, event_type="Riots", sub_event_type="Violent demonstration", weapon="arson",
             perpetrator_id="protesters", target_id="political_parties"),
    incident(10, event_date=dt.date(2024, 6, 3), governorate="Anbar", location="Rutba", latitude=33.04,
             longitude=40.28, event_type="Strategic developments", sub_event_type="Arrests", weapon=None,
             perpetrator_id="iraqi_security_forces", target_id="isis"),
    incident(11, event_date=None, date_precision=None),  # undated: report table only, not in ACLED
    incident(12, event_date=dt.date(2024, 2, 20), location=None, latitude=None, longitude=None,
             governorate="Kirkuk"),  # no coordinates: not in the GeoJSON
    incident(13, event_date=dt.date(2024, 2, 21), event_type=None, sub_event_type=None),  # untyped
]  # fmt: skip


def build_warehouse(path: Path, incidents: list[dict] = INCIDENTS) -> Path:
    """A warehouse file with seeds, one article per source URL and the marts built from `incidents`."""
    con = connect(path)
    try:
        load_seeds(con)
        urls = sorted({url for row in incidents for url in row["source_urls"]})
        for n, url in enumerate(urls):
            con.execute(
                "insert into articles values (?, ?, null, ?, ?, ?, ?, 'test', ?, null)",
                [f"a{n}", url, f"h{n}", dt.datetime(2024, 6, 5), EVIL_TITLE if url == EVIL_URLS[2] else f"خبر {n}",
                 "نص", dt.datetime(2024, 6, 5)],
            )  # fmt: skip
        # every SQL model, the clustering step replaced by the rows given
        models = [model for model in discover()[0] if model.materialized != "python"]
        for model in models:
            if model.layer == "staging":
                run_model(con, model)
        con.execute(CLUSTERED_DDL)
        columns = [c[0] for c in con.execute("describe int_incidents__clustered").fetchall()]
        for row in incidents:
            con.execute(
                f"insert into int_incidents__clustered values ({', '.join('?' for _ in columns)})",
                [row.get(c) for c in columns],
            )
        for model in models:
            if model.layer != "staging":
                run_model(con, model)
    finally:
        con.close()
    return path


# --------------------------------------------------------------------------------------
# Chromium (Debian's chromium + chromium-driver; `make browser` installs them)

CHROMIUM = os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("MARSAD_CHROMEDRIVER", "/usr/bin/chromedriver")


def chromium_or_skip() -> tuple[str, str]:
    """Chromium and its driver, or skip (outside CI) / fail (CI=true) with how to install them."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not (shutil.which(path) or Path(path).exists())]
    if missing:
        reason = f"{', '.join(missing)} not installed: run `make browser` (apt-get install chromium chromium-driver)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs the browser: {reason}")
        pytest.skip(reason)
    return CHROMIUM, CHROMEDRIVER
