"""Sources: one module per kind, each turning its configuration into raw `Article`s.

Every reader reports what it could not use as a `Rejection` (where, which line, why)
instead of raising, so one bad record never stops a run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.model import Article
    from marsad.sources.config import SourceConfig


@dataclass(frozen=True)
class Rejection:
    """One input record that was not turned into an article, and why."""

    source: str  # file path or URL the record came from
    line: int | None  # 1-based line number for line-oriented inputs
    reason: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


class SourceError(Exception):
    """A source cannot be read at all (missing path, bad configuration): a user-facing error."""


def read_source(source: SourceConfig) -> Iterator[Article | Rejection]:
    """The articles of one configured source, with a Rejection for each unusable record.

    One branch per source kind; each kind's module is imported only when used.
    """
    if source.kind == "files":
        from marsad.sources.files import read_source as read_files

        yield from read_files(source.path, source.name, getattr(source, "formats", ("jsonl",)))
        return
    if source.kind in ("rss", "pages", "gdelt"):
        # a one-off read without a warehouse (no fetch_log, nothing incremental): the
        # fetch stage (marsad.sources.fetch.fetch_sources) is what runs use
        from marsad.sources.fetch import fetch_sources

        outcome = fetch_sources([source])
        if outcome.all_failed:
            raise SourceError(f"source {source.name!r}: {outcome.reports[0].error}")
        yield from outcome.rejections
        yield from outcome.articles
        return
    raise SourceError(f"source {source.name!r}: no reader for kind {source.kind!r}")


__all__ = ["Rejection", "SourceError", "read_source"]
