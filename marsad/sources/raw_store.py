"""The raw store: every fetched body, gzip-compressed, under the sha256 of its bytes.

`data/raw/ab/abcdef....gz`: the same body fetched under two URLs (or twice) is kept
once, and re-extraction reads bodies from here instead of fetching them again.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class RawStore:
    """Content-addressed, compressed bodies under one directory; safe to share between threads."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, sha: str) -> Path:
        return self.root / sha[:2] / f"{sha}.gz"

    def put(self, body: bytes) -> str:
        """Store a body (once) and return its sha256."""
        sha = body_hash(body)
        target = self.path(sha)
        if target.exists():
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        # write then rename: a crash never leaves a truncated body under a valid name
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(gzip.compress(body, compresslevel=6, mtime=0))
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha

    def get(self, sha: str) -> bytes | None:
        """The body stored under sha, or None when it is absent or damaged."""
        try:
            return gzip.decompress(self.path(sha).read_bytes())
        except (OSError, EOFError, gzip.BadGzipFile):
            return None

    def has(self, sha: str) -> bool:
        return self.path(sha).exists()
