"""Local article files: JSON Lines (spec section 8), one article a line, or directories of them.

A line is rejected, with its number and the reason, when it is not a JSON object, has
no `url`, has no usable text, or is larger than the limits in settings; the other
lines are read. A line with an unreadable `published` keeps the article without a date.

A `kind: files` source also reads `.txt` files (one article each; optional YAML front
matter with url, published, title; without a url the file's path is its url) and
`.html` files (main text and title by trafilatura, date by htmldate; the page's
canonical link is its url when it has one). `--input` paths stay JSONL only.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad import settings
from marsad.model import Article
from marsad.sources import Rejection, SourceError

log = logging.getLogger(__name__)

JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUFFIXES = {"jsonl": JSONL_SUFFIXES, "txt": (".txt",), "html": (".html", ".htm")}


def input_files(path: Path, suffixes: tuple[str, ...] = JSONL_SUFFIXES) -> list[Path]:
    """The input files a path names: the file itself, or every file with one of `suffixes` below a directory, sorted.

    A file below a directory whose real path is outside it (a symlink leading out) is
    skipped with a warning: a source reads only under the folder it names."""
    path = Path(path)
    if path.is_dir():
        from marsad.safety import is_within

        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        inside = [p for p in found if is_within(p, [path])]
        for p in sorted(set(found) - set(inside)):
            log.warning("%s: skipped, it leads outside %s (symlink)", p, path)
        return inside
    if path.is_file():
        return [path]
    raise SourceError(f"input not found: {path}")


def parse_published(value: object) -> dt.datetime | None:
    """An ISO date or datetime -> naive UTC datetime; None when absent. Raises ValueError when unreadable."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published is not a string: {value!r}")
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        parsed = dt.datetime.combine(dt.date.fromisoformat(text[:10]), dt.time())
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def html_to_text(html: str) -> str:
    """The main text of an HTML page (trafilatura drops navigation, related lists, footers)."""
    import trafilatura  # imported here: ~0.5 s, only needed for html-only records

    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


def record_to_article(record: object, source_name: str, where: str = "") -> Article | str:
    """One decoded JSON record -> an Article, or the reason it cannot be one (`where` names it in logs)."""
    if not isinstance(record, dict):
        return f"not a JSON object ({type(record).__name__})"
    url = record.get("url")
    if not isinstance(url, str) or not url.strip():
        return "missing url"
    text = record.get("text")
    html = record.get("html")
    if not (isinstance(text, str) and text.strip()) and isinstance(html, str) and html.strip():
        if len(html) > settings.MAX_TEXT_CHARS * 4:
            return f"html too large ({len(html):,} characters)"
        text = html_to_text(html)
    if not isinstance(text, str) or not text.strip():
        return "empty text"
    if len(text) > settings.MAX_TEXT_CHARS:
        return f"text too large ({len(text):,} characters, limit {settings.MAX_TEXT_CHARS:,})"
    title = record.get("title")
    try:
        published = parse_published(record.get("published"))
    except ValueError:
        log.warning("%s: unreadable published %r: kept without a date", where or url, record.get("published"))
        published = None
    canonical = record.get("canonical_url")
    return Article(
        url=url.strip(),
        text=text,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        published=published,
        source_name=source_name,
        canonical_url=canonical.strip() if isinstance(canonical, str) and canonical.strip() else None,
        html=html if isinstance(html, str) else None,
    )


def read_jsonl(path: Path, source_name: str = "files") -> Iterator[Article | Rejection]:
    """Articles of one JSONL file, in order, with a Rejection for every unusable line."""
    path = Path(path)
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if len(raw) > settings.MAX_LINE_BYTES:
                yield Rejection(str(path), number, f"line too large ({len(raw):,} bytes)")
                continue
            line = raw.strip()
            if not line:
                continue
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield Rejection(str(path), number, f"not UTF-8 ({exc.reason} at byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield Rejection(str(path), number, f"broken JSON ({exc.msg} at column {exc.colno})")
                continue
            result = record_to_article(record, source_name, f"{path}:{number}")
            if isinstance(result, str):
                yield Rejection(str(path), number, result)
            else:
                yield result


def read_paths(paths: Iterable[Path], source_name: str = "files") -> Iterator[Article | Rejection]:
    """Every article of every JSONL file the paths name (files, or directories searched recursively)."""
    for path in paths:
        for file in input_files(Path(path)):
            yield from read_jsonl(file, source_name)


# ---------------------------------------------------------------------------------------
# .txt and .html files, and whole `kind: files` sources


def _front_matter(text: str) -> tuple[dict, str]:
    """(front matter mapping, body) of a text that may open with a `---` YAML block."""
    if not text.startswith("---"):
        return {}, text
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return {}, text
    for number, line in enumerate(lines[1:], 1):
        if line.strip() in ("---", "..."):
            import yaml

            try:
                meta = yaml.safe_load("".join(lines[1:number])) or {}
            except yaml.YAMLError as exc:
                raise ValueError(f"front matter is not valid YAML ({exc.__class__.__name__})") from None
            if not isinstance(meta, dict):
                raise ValueError("front matter is not a mapping")
            return meta, "".join(lines[number + 1 :])
    return {}, text


def read_text_file(path: Path, source_name: str = "files") -> Article | Rejection:
    """One .txt article: optional YAML front matter (url, published, title), then the text."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Rejection(str(path), None, f"unreadable ({exc.strerror})")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(str(path), None, f"not UTF-8 ({exc.reason} at byte {exc.start})")
    try:
        meta, body = _front_matter(content)
    except ValueError as exc:
        return Rejection(str(path), 1, str(exc))
    record = {key: meta[key] for key in ("url", "title", "canonical_url") if key in meta}
    published = meta.get("published")
    if isinstance(published, dt.datetime | dt.date):  # YAML reads unquoted dates itself
        published = published.isoformat()
    record["published"] = published
    record.setdefault("url", path.resolve().as_uri())
    record["text"] = body.strip()
    result = record_to_article(record, source_name)
    return Rejection(str(path), None, result) if isinstance(result, str) else result


def read_html_file(path: Path, source_name: str = "files") -> Article | Rejection:
    """One saved .html page: the page's canonical link (else the file's path) is its url."""
    from marsad.sources.html import page_article

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Rejection(str(path), None, f"unreadable ({exc.strerror})")
    if len(raw) > settings.MAX_LINE_BYTES:
        return Rejection(str(path), None, f"file too large ({len(raw):,} bytes)")
    result = page_article(raw, path.resolve().as_uri(), source_name, content_type=None, keep_url=False)
    if isinstance(result, str) and result.startswith("not HTML"):  # a .html file is HTML: sniffing failed
        result = page_article(
            raw, path.resolve().as_uri(), source_name, content_type="text/html", keep_url=False
        )
    return Rejection(str(path), None, result) if isinstance(result, str) else result


def read_source(
    path: Path, source_name: str, formats: Iterable[str] = ("jsonl", "txt", "html")
) -> Iterator[Article | Rejection]:
    """Every article of a `kind: files` source: JSONL, .txt and .html files under path."""
    suffixes = tuple(s for fmt in formats for s in SUFFIXES[fmt])
    path = Path(path)
    files = input_files(path, suffixes) if path.is_dir() else input_files(path)
    for file in files:
        suffix = file.suffix.lower()
        if suffix in SUFFIXES["txt"]:
            yield read_text_file(file, source_name)
        elif suffix in SUFFIXES["html"]:
            yield read_html_file(file, source_name)
        else:
            yield from read_jsonl(file, source_name)
