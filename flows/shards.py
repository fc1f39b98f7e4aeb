"""Scale-out of extraction through Prefect: batches of articles become Parquet shards.

The writer (marsad-backfill, holding the warehouse) writes each batch of articles to
`<shards>/<extractor version>/work/<key>.parquet`, where key is the sha256 of the
version and the batch's (article id, content hash) pairs: content-addressed, so the same
batch is written and extracted once. Flow runs of `marsad-extract-shards`, picked up by
any number of workers that see the same shard folder, extract their batches into
`done/<key>.mentions.parquet` + `done/<key>.extractions.parquet` (the second written last
and atomically: it marks the shard complete). The writer then loads every shard in one
transaction (idempotent: ids are derived from content, inserts ignore what is there).
Workers never open the DuckDB file: one process writes it.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from dataclasses import fields
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task

from flows.tasks import QUIET
from marsad import pipeline, settings
from marsad.model import Article, Mention
from marsad.warehouse import ExtractedArticle
from marsad.warehouse.loader import EXTRACTION_SCHEMA, MENTION_SCHEMA, article_id, content_hash, mention_row

WORK_SCHEMA = {
    "url": pl.String,
    "text": pl.String,
    "title": pl.String,
    "published": pl.Datetime("us"),
    "source_name": pl.String,
    "canonical_url": pl.String,
}
DONE_SCHEMA = {**EXTRACTION_SCHEMA, "article_url": pl.String}
_MENTION_FIELDS = [f.name for f in fields(Mention)]


def default_shards_dir() -> Path:
    """$MARSAD_SHARDS_DIR, else shards/ beside the warehouse (data/shards/): shared storage
    when workers run on several machines."""
    return Path(os.environ.get("MARSAD_SHARDS_DIR") or settings.default_db().parent / "shards")


def shard_key(batch: list[Article], extractor_version: str) -> str:
    digest = hashlib.sha256(extractor_version.encode())
    for pair in sorted((article_id(a), content_hash(a)) for a in batch):
        digest.update("\0".join(pair).encode())
    return digest.hexdigest()[:32]


def _write_atomic(frame: pl.DataFrame, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    frame.write_parquet(temporary, compression="zstd")
    os.replace(temporary, target)


def _dirs(shards_dir: Path, extractor_version: str) -> tuple[Path, Path]:
    root = Path(shards_dir) / extractor_version
    return root / "work", root / "done"


@task(name="write_work_shards", **QUIET)
def write_work_shards(chunks: list[list[Article]], shards_dir: Path, extractor_version: str) -> list[str]:
    """Each batch of articles to extract as one input shard; returns their keys."""
    work, _ = _dirs(shards_dir, extractor_version)
    keys = []
    for batch in chunks:
        key = shard_key(batch, extractor_version)
        target = work / f"{key}.parquet"
        if not target.exists():
            rows = [{name: getattr(a, name) for name in WORK_SCHEMA} for a in batch]
            _write_atomic(pl.DataFrame(rows, schema=WORK_SCHEMA, orient="row"), target)
        keys.append(key)
    return keys


@task(name="extract_shard", retries=1, retry_delay_seconds=2, **QUIET)
def extract_shard(key: str, shards_dir: Path, extractor_version: str) -> dict:
    """Extract one input shard into its output shard, unless that is already there."""
    from marsad.extract import EXTRACTOR_VERSION

    if extractor_version != EXTRACTOR_VERSION:
        raise RuntimeError(
            f"this worker runs extractor {EXTRACTOR_VERSION}, the backfill asked for {extractor_version}: "
            "update the worker's checkout (git pull; make setup) and restart it"
        )
    work, done = _dirs(shards_dir, extractor_version)
    marker = done / f"{key}.extractions.parquet"
    who = {"key": key, "host": socket.gethostname(), "pid": os.getpid(), "worker_pid": os.getppid()}
    if marker.exists():
        return {**who, "skipped": True}
    frame = pl.read_parquet(work / f"{key}.parquet")
    articles = [Article(**row) for row in frame.iter_rows(named=True)]
    extracted = pipeline.extract_articles(articles)
    done_urls = {item.article_url for item in extracted}
    logger = get_run_logger()
    for article in articles:
        if article.url not in done_urls:
            logger.warning(
                "extraction failed: article %s from source %r (shard %s)",
                article.url,
                article.source_name,
                key,
            )
    mentions = [mention_row(item, i, m) for item in extracted for i, m in enumerate(item.mentions)]
    rows = [
        {
            "article_id": item.article_id,
            "content_hash": item.content_hash,
            "extractor_version": item.extractor_version,
            "n_mentions": len(item.mentions),
            "article_url": item.article_url,
        }
        for item in extracted
    ]
    _write_atomic(
        pl.DataFrame(mentions, schema=MENTION_SCHEMA, orient="row"), done / f"{key}.mentions.parquet"
    )
    (done / f"{key}.json").write_text(json.dumps(who), encoding="utf-8")
    _write_atomic(pl.DataFrame(rows, schema=DONE_SCHEMA, orient="row"), marker)
    return {**who, "articles": len(articles), "extracted": len(extracted)}


@flow(name="marsad-extract-shards")
def marsad_extract_shards(keys: list[str], shards_dir: str, extractor_version: str) -> list[dict]:
    """Extract the given input shards (a slice of a backfill); run by any worker."""
    return [extract_shard(key, Path(shards_dir), extractor_version) for key in keys]


def read_done_shard(done: Path, key: str) -> list[ExtractedArticle]:
    """An output shard back as the loader's ExtractedArticle records (mentions in order)."""
    extractions = pl.read_parquet(done / f"{key}.extractions.parquet")
    mentions = pl.read_parquet(done / f"{key}.mentions.parquet").sort("article_id", "mention_index")
    by_article: dict[tuple[str, str], list[Mention]] = {}
    for row in mentions.iter_rows(named=True):
        mention = Mention(**{name: row[name] for name in _MENTION_FIELDS})
        mention.notes = list(mention.notes or [])
        by_article.setdefault((row["article_id"], row["content_hash"]), []).append(mention)
    return [
        ExtractedArticle(
            row["article_id"],
            row["article_url"],
            row["content_hash"],
            row["extractor_version"],
            by_article.get((row["article_id"], row["content_hash"]), []),
        )
        for row in extractions.iter_rows(named=True)
    ]


@task(name="load_shards", **QUIET)
def load_shards(db: Path, keys: list[str], shards_dir: Path, extractor_version: str):
    """Load every output shard into the warehouse, in one transaction."""
    _, done = _dirs(shards_dir, extractor_version)
    missing = [key for key in keys if not (done / f"{key}.extractions.parquet").exists()]
    if missing:
        raise RuntimeError(f"{len(missing)} shard(s) were not extracted, e.g. {missing[0]} in {done}")
    extracted = [item for key in keys for item in read_done_shard(done, key)]
    return pipeline.load(db, [], extracted), extracted


def workers_of(keys: list[str], shards_dir: Path, extractor_version: str) -> list[dict]:
    """Who extracted each shard (host, process, worker process), for the report and tests."""
    _, done = _dirs(shards_dir, extractor_version)
    out = []
    for key in keys:
        path = done / f"{key}.json"
        if path.exists():
            out.append(json.loads(path.read_text(encoding="utf-8")))
    return out
