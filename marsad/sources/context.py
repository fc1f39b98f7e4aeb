"""What a network source reads with: the shared client, the warehouse's memory, its cursor, its report."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field

from marsad.sources.http import Fetcher
from marsad.sources.state import FetchState


class SourceFailed(Exception):
    """A source as a whole could not be read this run (dead feed, refused API): listed, not raised further."""


@dataclass
class SourceReport:
    """One source's share of a run: what it gave, what it skipped, what failed."""

    name: str
    kind: str
    articles: int = 0
    skipped: int = 0  # already stored, unchanged, or the same body as another URL
    attempted: int = 0  # pages (or files) it tried to turn into articles
    failures: list[str] = field(default_factory=list)
    error: str | None = None  # why the whole source failed; None when it did not

    @property
    def failed(self) -> bool:
        return self.error is not None


@dataclass
class Context:
    """Shared by every source of one run (fetcher, state, run-wide dedup), plus one source's cursor and report."""

    fetcher: Fetcher
    state: FetchState
    now: dt.datetime  # naive UTC, the run's clock
    cursor: dict = field(default_factory=dict)
    report: SourceReport | None = None
    claimed: set[str] = field(default_factory=set)  # urls fetched this run, by any source
    bodies: dict[str, str] = field(default_factory=dict)  # body sha256 -> url that produced an article
    lock: threading.Lock = field(default_factory=threading.Lock)

    def for_source(self, name: str, kind: str) -> Context:
        """A context for one source: same fetcher and run-wide sets, its own cursor and report."""
        return Context(
            fetcher=self.fetcher,
            state=self.state,
            now=self.now,
            cursor=dict(self.state.cursors.get(name, {})),
            report=SourceReport(name=name, kind=kind),
            claimed=self.claimed,
            bodies=self.bodies,
            lock=self.lock,
        )

    def claim(self, url: str) -> bool:
        """True the first time a url is claimed in this run (a second source does not fetch it again)."""
        with self.lock:
            if url in self.claimed:
                return False
            self.claimed.add(url)
            return True

    def body_owner(self, sha: str, url: str) -> str | None:
        """The other url whose article already has this body, or None (and this url now owns it)."""
        with self.lock:
            owner = self.bodies.get(sha) or self.state.known_bodies.get(sha)
            if owner is not None and owner != url:
                return owner
            self.bodies[sha] = url
            return None
