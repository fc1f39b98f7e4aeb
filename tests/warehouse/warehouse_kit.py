"""Builders shared by the warehouse tests: articles, extractions, clustered incident rows."""

from __future__ import annotations

import datetime as dt

from marsad import settings
from marsad.model import Article, Mention
from marsad.warehouse import ExtractedArticle
from marsad.warehouse.cluster import REGISTRY_DDL
from marsad.warehouse.loader import article_id, content_hash

ACTOR_IDS = [
    line.split(",")[0] for line in settings.ACTORS_CSV.read_text(encoding="utf-8").splitlines()[1:] if line
]
STAGING = [
    "stg_articles",
    "stg_incident_mentions",
    "stg_actors",
    "stg_governorates",
    "stg_places",
    "stg_codes",
]
MARTS = [
    "int_months__covered",
    "int_extractor_versions__current",
    "fct_incidents",
    "dim_actors",
    "dim_places",
    "faction_month",
    "governorate_month",
    "actor_pair_month",
    "incidents",
    "actors",
    "places",
]

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

INCIDENT_DEFAULTS = {
    "event_date": dt.date(2024, 1, 4),
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
    "evidence": "evidence",
    "confidence": 0.8,
}


def make_article(n: int, **fields) -> Article:
    values = {
        "url": f"https://news.example/{n}",
        "text": f"نص الخبر رقم {n}",
        "title": f"عنوان {n}",
        "published": dt.datetime(2024, 1, 5, 8, 0),
        "source_name": "test",
    }
    values.update(fields)
    return Article(**values)


def extracted(article: Article, mentions: list[Mention], version: str = "test-1") -> ExtractedArticle:
    return ExtractedArticle(article_id(article), article.url, content_hash(article), version, mentions)


def incident_row(incident_id: str, **fields) -> dict:
    row = {"incident_id": incident_id, **INCIDENT_DEFAULTS, **fields}
    row.setdefault("source_urls", [f"https://news.example/{incident_id}"])
    row.setdefault("source_count", len(row["source_urls"]))
    row.setdefault("mention_ids", [f"m_{incident_id}"])
    return row


def insert_incidents(con, rows: list[dict]) -> None:
    """Rows straight into int_incidents__clustered (the clustering step's output), and its
    registry (empty: these rows come from no mentions)."""
    con.execute(CLUSTERED_DDL)
    con.execute(REGISTRY_DDL)
    columns = [c[0] for c in con.execute("describe int_incidents__clustered").fetchall()]
    for row in rows:
        con.execute(
            f"insert into int_incidents__clustered values ({', '.join('?' for _ in columns)})",
            [row.get(c) for c in columns],
        )


def rows(con, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


class WithoutArrow:
    """A connection that cannot register or scan Python objects (as without pyarrow)."""

    def __init__(self, con):
        self._con = con

    def register(self, *args):
        raise ModuleNotFoundError("No module named 'pyarrow'")

    def __getattr__(self, name):
        return getattr(self._con, name)
