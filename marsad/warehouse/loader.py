"""Idempotent, atomic loads of articles and their extracted mentions into the raw tables.

Idempotent: an article is identified by its url and its content by a hash of what the
extractor reads, so loading the same articles again changes no row and no id
(fetched_at stays that of the first load). Atomic: one transaction; any exception rolls
everything back and the previous state stays.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb
import polars as pl

from marsad.model import Article, Mention
from marsad.warehouse.fields import CASUALTIES, WHEN_WHERE_WHAT


def article_id(article: Article) -> str:
    """Stable id of an article: a hash of its url (the identity source_urls uses)."""
    return hashlib.sha256(f"url\0{article.url}".encode()).hexdigest()[:16]


def naive_utc(value: dt.datetime | dt.date | None) -> dt.datetime | None:
    """A publication time as stored: naive UTC (sources should give it so; this makes sure)."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    if value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def content_hash(article: Article) -> str:
    """Hash of what the extractor reads (title, publication date, text): a change means re-extraction."""
    published = naive_utc(article.published)
    published = published.isoformat() if published else None
    payload = json.dumps([article.title, published, article.text], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def mention_id(article_key: str, content: str, index: int) -> str:
    """Stable id of the index-th mention read from one content of one article."""
    return hashlib.sha256(f"{article_key}\0{content}\0{index}".encode()).hexdigest()[:16]


@dataclass
class ExtractedArticle:
    """What the extractor read from one article content (possibly no mention at all)."""

    article_id: str
    article_url: str
    content_hash: str
    extractor_version: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class LoadStats:
    articles_new: int = 0
    articles_updated: int = 0
    articles_seen: int = 0
    extractions: int = 0
    mentions: int = 0


ARTICLE_SCHEMA = {
    "article_id": pl.String,
    "url": pl.String,
    "canonical_url": pl.String,
    "content_hash": pl.String,
    "published": pl.Datetime("us"),
    "title": pl.String,
    "text": pl.String,
    "source_name": pl.String,
}

EXTRACTION_SCHEMA = {
    "article_id": pl.String,
    "content_hash": pl.String,
    "extractor_version": pl.String,
    "n_mentions": pl.Int32,
}

MENTION_SCHEMA = {
    "mention_id": pl.String,
    "extractor_version": pl.String,
    "article_id": pl.String,
    "article_url": pl.String,
    "content_hash": pl.String,
    "mention_index": pl.Int32,
    **WHEN_WHERE_WHAT,
    "perpetrator_id": pl.String,
    "target_id": pl.String,
    "claimed": pl.Boolean,
    **CASUALTIES,
    "evidence": pl.String,
    "evidence_start": pl.Int32,
    "evidence_end": pl.Int32,
    "confidence": pl.Float64,
    "notes": pl.List(pl.String),
}

_INT_FIELDS = {name for name, dtype in MENTION_SCHEMA.items() if dtype == pl.Int32}
_FLOAT_FIELDS = {"latitude", "longitude", "confidence"}


def article_row(article: Article) -> dict:
    return {
        "article_id": article_id(article),
        "url": article.url,
        "canonical_url": article.canonical_url,
        "content_hash": content_hash(article),
        "published": naive_utc(article.published),
        "title": article.title,
        "text": article.text,
        "source_name": article.source_name,
    }


def mention_row(extracted: ExtractedArticle, index: int, mention: Mention) -> dict:
    row = {name: getattr(mention, name, None) for name in MENTION_SCHEMA}
    row.update(
        mention_id=mention_id(extracted.article_id, extracted.content_hash, index),
        extractor_version=extracted.extractor_version,
        article_id=extracted.article_id,
        article_url=extracted.article_url,
        content_hash=extracted.content_hash,
        mention_index=index,
    )
    if isinstance(row["event_date"], dt.datetime):
        row["event_date"] = row["event_date"].date()
    for name in _INT_FIELDS:
        if row[name] is not None:
            row[name] = int(row[name])
    for name in _FLOAT_FIELDS:
        if row[name] is not None:
            row[name] = float(row[name])
    row["claimed"] = bool(row["claimed"])
    row["perpetrator_id"] = row["perpetrator_id"] or "unknown"
    row["evidence"] = row["evidence"] or ""
    row["notes"] = [str(note) for note in (row["notes"] or [])]
    return row


def _stage(con: duckdb.DuckDBPyConnection, name: str, files: list[str]) -> None:
    """Staged Parquet files -> temp view `name`: the statements of the load read the files
    themselves (streamed, column by column), so the rows are never held in Python nor
    copied into an in-memory temp table first."""
    paths = ", ".join("'" + str(path).replace("'", "''") + "'" for path in files)
    con.execute(f"create or replace temp view {name} as select * from read_parquet([{paths}])")


def _upsert_articles(con: duckdb.DuckDBPyConnection, now: dt.datetime, stats: LoadStats) -> None:
    counts = con.execute(
        """
        select
            count(*) filter (where articles.article_id is null),
            count(*) filter (where articles.content_hash <> incoming.content_hash),
            count(*) filter (where articles.content_hash = incoming.content_hash)
        from incoming_articles as incoming
        left join articles using (article_id)
        """
    ).fetchone()
    stats.articles_new, stats.articles_updated, stats.articles_seen = counts
    con.execute(
        """
        update articles set
            url = incoming.url,
            canonical_url = incoming.canonical_url,
            content_hash = incoming.content_hash,
            published = incoming.published,
            title = incoming.title,
            text = incoming.text,
            source_name = incoming.source_name,
            updated_at = ?
        from incoming_articles as incoming
        where articles.article_id = incoming.article_id
          and articles.content_hash <> incoming.content_hash
        """,
        [now],
    )
    con.execute(
        """
        insert into articles
        select
            incoming.article_id, incoming.url, incoming.canonical_url, incoming.content_hash,
            incoming.published, incoming.title, incoming.text, incoming.source_name,
            ? as fetched_at, null as updated_at
        from incoming_articles as incoming
        where not exists (select 1 from articles where articles.article_id = incoming.article_id)
        """,
        [now],
    )


def _insert_extractions(con: duckdb.DuckDBPyConnection, now: dt.datetime, stats: LoadStats) -> None:
    stats.extractions = con.execute(
        """
        insert or ignore into extractions
        select article_id, content_hash, extractor_version, n_mentions, ? as extracted_at
        from incoming_extractions
        """,
        [now],
    ).fetchone()[0]


def _insert_mentions(con: duckdb.DuckDBPyConnection, now: dt.datetime, stats: LoadStats) -> None:
    stats.mentions = con.execute(
        "insert or ignore into incident_mentions by name select * from incoming_mentions"
    ).fetchone()[0]


def load(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    extracted: Sequence[ExtractedArticle] = (),
    now: dt.datetime | None = None,
) -> LoadStats:
    """Store articles and their extractions in one transaction; returns what changed."""
    from marsad.warehouse.staging import Staging

    with Staging() as staging:
        staging.add_articles(articles)
        staging.add_extracted(extracted, part=0)
        return load_staged(con, staging, now)


def load_staged(con: duckdb.DuckDBPyConnection, staging, now: dt.datetime | None = None) -> LoadStats:
    """Store what `staging` (a marsad.warehouse.staging.Staging) holds, in one transaction:
    any exception rolls everything back and the previous state stays."""
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    stats = LoadStats()
    # One thread: rows are stored in staging order (articles in input order, as when they
    # were loaded from one temp table; extractions and mentions in batch order, which two
    # threads left to chance), and DuckDB holds fewer buffers at once (50,000 articles:
    # ~130 MB less at the same speed). The connection's own setting is restored after.
    threads = con.execute("select current_setting('threads')").fetchone()[0]
    con.execute("set threads = 1")
    try:
        con.begin()
        try:
            _stage(con, "incoming_articles", staging.files("articles"))
            _stage(con, "incoming_extractions", staging.files("extractions"))
            _stage(con, "incoming_mentions", staging.files("mentions"))
            _upsert_articles(con, now, stats)
            _insert_extractions(con, now, stats)
            _insert_mentions(con, now, stats)
            for name in ("incoming_articles", "incoming_extractions", "incoming_mentions"):
                con.execute(f"drop view if exists {name}")
            con.commit()
        except BaseException:
            con.rollback()
            raise
    finally:
        con.execute(f"set threads = {int(threads)}")
    return stats


def extracted_keys(con: duckdb.DuckDBPyConnection, extractor_version: str) -> set[tuple[str, str]]:
    """(article_id, content_hash) pairs already extracted by this extractor version."""
    rows = con.execute(
        "select article_id, content_hash from extractions where extractor_version = ?", [extractor_version]
    ).fetchall()
    return {(row[0], row[1]) for row in rows}


def stored_articles_to_extract(
    con: duckdb.DuckDBPyConnection,
    extractor_version: str,
    exclude_urls: set[str] | frozenset[str] = frozenset(),
) -> list[Article]:
    """Stored articles whose current content this extractor version has not read (a new
    extractor version re-reads the whole warehouse, so every incident comes from one version)."""
    found = con.execute(
        """
        select url, text, title, published, source_name, canonical_url, content_hash
        from articles
        where not exists (
            select 1 from extractions
            where extractions.article_id = articles.article_id
              and extractions.content_hash = articles.content_hash
              and extractions.extractor_version = ?
        )
        order by url
        """,
        [extractor_version],
    ).fetchall()
    out = []
    for url, text, title, published, source_name, canonical_url, stored_hash in found:
        if url in exclude_urls:
            continue
        article = Article(url, text, title, published, source_name, canonical_url)
        if content_hash(article) == stored_hash:  # else the hash recipe changed: the next load fixes it
            out.append(article)
    return out
