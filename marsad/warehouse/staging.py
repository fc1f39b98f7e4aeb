"""The staging area of one load: rows waiting for the warehouse, as Parquet files on disk.

A run used to hold every fetched article (with its text) and every extracted mention as
Python objects until its load, and the load then copied them again into row dicts, a
Polars frame and in-memory DuckDB temp tables: at 50,000 synthetic articles the load
stage alone added ~1.1 GB to the process. Now each extraction batch is written here as
soon as it is extracted (and dropped), then the articles chunk by chunk (each chunk's
texts released as it is written, `add_articles(..., release=True)`), and the load
(`loader.load_staged`) reads the files in SQL inside its one transaction.

The warehouse is not touched until that transaction, so a run killed while staging
leaves the warehouse as it was: the next run extracts again and stores exactly what one
clean run would (every id is derived from content). A killed run's directory stays in
the temporary folder; a later `Staging` there removes it once its process is gone (and
it is an hour old: STALE_AFTER_SECONDS).

Files: `articles-NNNNNN.parquet` (chunks, in input order, first of duplicate urls kept),
`extractions-NNNNNN.parquet` and `mentions-NNNNNN.parquet` (one pair per extraction
batch, NNNNNN its number: a retried batch replaces its own pair). Each file is written
under a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import polars as pl

from marsad.model import Article

PREFIX = "marsad-staging-"
# Articles per Parquet file of articles: ~3 KB of text each, so ~15 MB of Python strings
# and one frame of the same size at a time.
ARTICLE_CHUNK = 5_000
# A directory of a process that no longer exists is removed once it is this old (seconds):
# a pid can be reused, and a directory on a temporary folder shared between machines or
# containers may belong to a live process this one cannot see.
STALE_AFTER_SECONDS = 3600.0
KINDS = ("articles", "extractions", "mentions")
_DIR_PID = re.compile(rf"^{PREFIX}(\d+)-")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale(parent: Path, max_age: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove staging directories left under `parent` by processes that are gone (killed runs)."""
    removed = []
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in parent.iterdir():
            match = _DIR_PID.match(entry.name)
            if not match or not entry.is_dir() or int(match.group(1)) == os.getpid():
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime < max_age or _pid_alive(int(match.group(1))):
                    continue
                shutil.rmtree(entry)
                removed.append(entry)
    return removed


def trim_heap() -> bool:
    """Hand the free pages of the C heap back to the system (glibc's malloc_trim; False
    where there is none). Freed article texts (a few KB each) stay in the heap otherwise,
    counted in the process's RSS and unused by DuckDB, whose large blocks come from fresh
    mappings: at 50,000 articles this returns ~190 MB before the load, in ~30 ms."""
    global _malloc_trim
    if _malloc_trim is None:
        try:
            _malloc_trim = ctypes.CDLL(None).malloc_trim  # the C library this process runs on
        except (OSError, AttributeError, TypeError):
            _malloc_trim = False
    if not _malloc_trim:
        return False
    _malloc_trim(0)
    return True


_malloc_trim = None


class Staging:
    """A private directory of Parquet files holding the rows of one load.

    Thread-safe: extraction batches may be added from the task runner's threads."""

    def __init__(self, parent: Path | str | None = None):
        parent = Path(parent) if parent is not None else Path(tempfile.gettempdir())
        parent.mkdir(parents=True, exist_ok=True)
        sweep_stale(parent)
        self.path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=parent))
        self._lock = threading.Lock()
        self._article_ids: set[str] = set()
        self._article_parts = 0
        self.articles = 0  # article rows staged (duplicates of an earlier url left out)
        self.extracted = 0  # extraction rows staged, over every batch
        self.mentions = 0

    # -- writing

    def _write(self, frame: pl.DataFrame, kind: str, part: int) -> None:
        target = self.path / f"{kind}-{part:06d}.parquet"
        temporary = self.path / f".{target.name}.{threading.get_ident()}.tmp"
        frame.write_parquet(temporary, compression="zstd", compression_level=1, statistics=False)
        os.replace(temporary, target)

    def add_articles(
        self, articles: Iterable[Article], chunk_size: int = ARTICLE_CHUNK, release: bool = False
    ) -> int:
        """Stage article rows in input order; an article whose url was staged before is left out
        (the first of duplicate urls wins, as in one load). Returns the rows staged.

        With `release`, `articles` (a list) is emptied chunk by chunk as it is staged, so
        the texts leave memory as they reach the disk (the caller must hold no other
        reference to them for that to free anything), and the freed pages are then handed
        back to the system (`trim_heap`)."""
        staged = 0
        if release:
            if not isinstance(articles, list):
                raise TypeError("release=True empties a list of articles")
            while articles:
                chunk = articles[:chunk_size]
                del articles[:chunk_size]
                staged += self._stage_articles(chunk)
                del chunk
            trim_heap()
        else:
            iterator = iter(articles)
            while chunk := list(itertools.islice(iterator, chunk_size)):
                staged += self._stage_articles(chunk)
        return staged

    def _stage_articles(self, chunk: list[Article]) -> int:
        from marsad.warehouse.loader import ARTICLE_SCHEMA, article_row

        columns: dict[str, list] = {name: [] for name in ARTICLE_SCHEMA}
        for article in chunk:
            row = article_row(article)
            with self._lock:
                if row["article_id"] in self._article_ids:
                    continue
                self._article_ids.add(row["article_id"])
            for name, value in row.items():
                columns[name].append(value)
        staged = len(columns["article_id"])
        if staged:
            with self._lock:
                part = self._article_parts
                self._article_parts += 1
                self.articles += staged
            self._write(pl.DataFrame(columns, schema=ARTICLE_SCHEMA), "articles", part)
        return staged

    def add_extracted(self, extracted: Sequence, part: int) -> int:
        """Stage one extraction batch (`ExtractedArticle`s) as part number `part`; staging the
        same part again replaces it (a retried batch). Within a batch the first of duplicate
        (article, content, extractor version) keys wins; across batches the load keeps the
        first (their rows are the same: ids and mentions derive from the content)."""
        from marsad.warehouse.loader import EXTRACTION_SCHEMA, MENTION_SCHEMA, mention_row

        keys = set()
        extraction_rows, mention_rows = [], []
        for item in extracted:
            key = (item.article_id, item.content_hash, item.extractor_version)
            if key in keys:
                continue
            keys.add(key)
            extraction_rows.append(
                {
                    "article_id": item.article_id,
                    "content_hash": item.content_hash,
                    "extractor_version": item.extractor_version,
                    "n_mentions": len(item.mentions),
                }
            )
            mention_rows.extend(
                mention_row(item, index, mention) for index, mention in enumerate(item.mentions)
            )
        if not extraction_rows:
            return 0
        # mentions first: the load reads a batch when its extractions file is there
        self._write(_frame(mention_rows, MENTION_SCHEMA), "mentions", part)
        self._write(_frame(extraction_rows, EXTRACTION_SCHEMA), "extractions", part)
        with self._lock:
            self.extracted += len(extraction_rows)
            self.mentions += len(mention_rows)
        return len(extraction_rows)

    # -- reading

    def files(self, kind: str) -> list[str]:
        """The staged files of one kind, in order (an empty one with the schema when there
        are none, so the load's SQL reads the same columns either way)."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        found = sorted(str(p) for p in self.path.glob(f"{kind}-*.parquet"))
        if kind != "articles":
            # a batch counts once its extractions file is written (mentions are written first)
            done = {Path(p).name.split("-", 1)[1] for p in self.path.glob("extractions-*.parquet")}
            found = [p for p in found if Path(p).name.split("-", 1)[1] in done]
        if found:
            return found
        empty = self.path / f"empty-{kind}.parquet"
        if not empty.exists():
            pl.DataFrame(schema=_schemas()[kind]).write_parquet(empty)
        return [str(empty)]

    # -- lifetime

    def close(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _schemas() -> dict[str, dict]:
    from marsad.warehouse.loader import ARTICLE_SCHEMA, EXTRACTION_SCHEMA, MENTION_SCHEMA

    return {"articles": ARTICLE_SCHEMA, "extractions": EXTRACTION_SCHEMA, "mentions": MENTION_SCHEMA}


def _frame(rows: list[dict], schema: dict) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
