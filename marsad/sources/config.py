"""sources.yaml: which sources a run reads. Checked whole before anything is fetched.

    sources:
      - {name: bundled, kind: files, path: samples/corpus/}   # .jsonl, .txt, .html
      - {name: shafaq, kind: rss, url: https://example.org/rss.xml}
      - {name: watchlist, kind: pages, urls: [https://example.org/a.html]}
      - {name: gdelt-factions, kind: gdelt, query: '"كتائب حزب الله"', timespan: 1d}
    http:                      # optional: the shared client's timeouts, retries, limits
      read_timeout: 30

Every source takes `enabled` (default true), `max_items` (articles per run),
`min_interval` (seconds between requests to one host, raises the default) and `lang`
(default ar). A bad config fails at once with a message naming the file, the source
and the key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from marsad import settings
from marsad.sources import SourceError
from marsad.sources.http import HttpOptions

KINDS = ("files", "rss", "pages", "gdelt")
FILE_FORMATS = ("jsonl", "txt", "html")
COMMON_KEYS = ("name", "kind", "enabled", "max_items", "min_interval", "lang")
# GDELT's sourcelang names for the languages Marsad reads.
LANGUAGES = {"ar": "arabic", "en": "english", "ku": "kurdish"}


@dataclass(frozen=True)
class FilesSource:
    """Local articles (marsad.sources.files): JSONL, .txt with front matter, .html."""

    name: str
    path: Path
    kind: str = "files"
    formats: tuple[str, ...] = FILE_FORMATS
    enabled: bool = True
    max_items: int | None = None
    min_interval: float | None = None
    lang: str = "ar"


@dataclass(frozen=True)
class RssSource:
    """An RSS 2.0 or Atom feed (marsad.sources.rss); items' links are fetched as pages."""

    name: str
    url: str
    kind: str = "rss"
    enabled: bool = True
    max_items: int | None = None
    min_interval: float | None = None
    lang: str = "ar"
    http: HttpOptions = field(default_factory=HttpOptions)


@dataclass(frozen=True)
class PagesSource:
    """A list of article URLs (marsad.sources.pages)."""

    name: str
    urls: tuple[str, ...]
    kind: str = "pages"
    enabled: bool = True
    max_items: int | None = None
    min_interval: float | None = None
    lang: str = "ar"
    http: HttpOptions = field(default_factory=HttpOptions)


@dataclass(frozen=True)
class GdeltSource:
    """A GDELT DOC 2.0 artlist query (marsad.sources.gdelt); results' URLs are fetched as pages."""

    name: str
    query: str
    timespan: dt.timedelta = dt.timedelta(days=1)
    kind: str = "gdelt"
    endpoint: str = settings.GDELT_ENDPOINT
    enabled: bool = True
    max_items: int | None = None
    min_interval: float | None = None
    lang: str = "ar"
    http: HttpOptions = field(default_factory=HttpOptions)


SourceConfig = FilesSource | RssSource | PagesSource | GdeltSource
NETWORK_KINDS = ("rss", "pages", "gdelt")

KIND_KEYS = {
    "files": ("path", "formats"),
    "rss": ("url",),
    "pages": ("urls",),
    "gdelt": ("query", "timespan", "endpoint"),
}

_TIMESPAN = re.compile(r"^\s*(\d+)\s*(min|h|d|w|m)\s*$")
_TIMESPAN_UNITS = {"min": 60, "h": 3600, "d": 86400, "w": 7 * 86400, "m": 30 * 86400}


def parse_timespan(value: str) -> dt.timedelta:
    """GDELT's timespan spelling (15min, 24h, 1d, 2w, 3m) -> a timedelta; ValueError when unreadable."""
    match = _TIMESPAN.match(str(value))
    if not match or int(match.group(1)) <= 0:
        raise ValueError(value)
    return dt.timedelta(seconds=int(match.group(1)) * _TIMESPAN_UNITS[match.group(2)])


def _http_url(value: object) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _http_options(data: object, where: str) -> HttpOptions:
    if data is None:
        return HttpOptions()
    if not isinstance(data, dict):
        raise SourceError(f"{where}: must be a mapping of client settings")
    known = {f.name: f for f in dataclasses.fields(HttpOptions)}
    values = {}
    for key, value in data.items():
        if key not in known:
            raise SourceError(f"{where}.{key}: unknown key (one of {', '.join(known)})")
        if key == "user_agent":
            if not isinstance(value, str) or "marsad" not in value.lower():
                raise SourceError(f"{where}.user_agent: must be a string naming Marsad")
        elif key in ("retries", "max_bytes", "max_redirects", "per_host_concurrency"):
            if (
                not isinstance(value, int)
                or isinstance(value, bool)
                or value < (1 if key != "retries" else 0)
            ):
                raise SourceError(f"{where}.{key}: must be a whole number >= {1 if key != 'retries' else 0}")
        elif not _number(value) or value < 0 or (value == 0 and "timeout" in key):
            raise SourceError(f"{where}.{key}: must be a number of seconds > 0")
        values[key] = value
    return HttpOptions(**values)


def _source(entry: object, index: int, base: Path, config: Path, http: HttpOptions) -> SourceConfig:
    where = f"{config}: sources[{index}]"
    if not isinstance(entry, dict):
        raise SourceError(f"{where}: must be a mapping with name, kind and the kind's keys")
    name = entry.get("name")
    if isinstance(name, bool | int | float):  # YAML reads off/no/yes/on and numbers itself
        raise SourceError(f"{where}.name: YAML read {name!r}, not a name: put the name in quotes")
    if not isinstance(name, str) or not name.strip():
        raise SourceError(f"{where}.name: required, a non-empty string")
    name = name.strip()
    where = f"{config}: sources[{index}] ({name})"
    kind = entry.get("kind")
    if kind not in KINDS:
        raise SourceError(f"{config}: sources[{index}].kind: {kind!r} is not one of {', '.join(KINDS)}")
    unknown = sorted(set(entry) - set(COMMON_KEYS) - set(KIND_KEYS[kind]))
    if unknown:
        raise SourceError(
            f"{where}: unknown key {unknown[0]!r} for kind {kind} "
            f"(keys: {', '.join(COMMON_KEYS + KIND_KEYS[kind])})"
        )
    common: dict = {}
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SourceError(f"{where}.enabled: must be true or false")
    common["enabled"] = enabled
    max_items = entry.get("max_items")
    if max_items is not None and (
        not isinstance(max_items, int) or isinstance(max_items, bool) or max_items < 1
    ):
        raise SourceError(f"{where}.max_items: must be a whole number >= 1")
    common["max_items"] = max_items
    min_interval = entry.get("min_interval")
    if min_interval is not None and (not _number(min_interval) or min_interval < 0):
        raise SourceError(f"{where}.min_interval: must be a number of seconds >= 0")
    common["min_interval"] = float(min_interval) if min_interval is not None else None
    lang = entry.get("lang", "ar")
    if lang not in LANGUAGES:
        raise SourceError(f"{where}.lang: {lang!r} is not one of {', '.join(LANGUAGES)}")
    common["lang"] = lang

    if kind == "files":
        path = entry.get("path")
        if not isinstance(path, str) or not path.strip():
            raise SourceError(
                f"{config}: sources[{index}].path: required for kind files, a file or directory"
            )
        formats = entry.get("formats", list(FILE_FORMATS))
        if not isinstance(formats, list) or not formats or any(f not in FILE_FORMATS for f in formats):
            raise SourceError(f"{where}.formats: a list of {', '.join(FILE_FORMATS)}")
        resolved = Path(path)
        if not resolved.is_absolute():
            resolved = base / resolved
        return FilesSource(name=name, path=resolved, formats=tuple(formats), **common)
    if kind == "rss":
        url = entry.get("url")
        if not _http_url(url):
            raise SourceError(f"{where}.url: required for kind rss, an http(s) URL of the feed")
        return RssSource(name=name, url=url.strip(), http=http, **common)
    if kind == "pages":
        urls = entry.get("urls")
        if not isinstance(urls, list) or not urls:
            raise SourceError(f"{where}.urls: required for kind pages, a non-empty list of URLs")
        for number, url in enumerate(urls):
            if not _http_url(url):
                raise SourceError(f"{where}.urls[{number}]: {url!r} is not an http(s) URL")
        return PagesSource(name=name, urls=tuple(u.strip() for u in urls), http=http, **common)
    # gdelt
    query = entry.get("query")
    if not isinstance(query, str) or not query.strip():
        raise SourceError(f"{where}.query: required for kind gdelt, a GDELT query string")
    try:
        timespan = parse_timespan(entry.get("timespan", "1d"))
    except ValueError:
        raise SourceError(
            f"{where}.timespan: {entry.get('timespan')!r} is not a GDELT timespan (15min, 24h, 1d, 2w, 3m)"
        ) from None
    if timespan > dt.timedelta(days=settings.GDELT_MAX_SPAN_DAYS):
        raise SourceError(
            f"{where}.timespan: GDELT searches only the last {settings.GDELT_MAX_SPAN_DAYS} days"
        )
    endpoint = entry.get("endpoint", settings.GDELT_ENDPOINT)
    if not _http_url(endpoint):
        raise SourceError(f"{where}.endpoint: must be an http(s) URL")
    return GdeltSource(
        name=name, query=query.strip(), timespan=timespan, endpoint=endpoint, http=http, **common
    )


@dataclass(frozen=True)
class Config:
    """A whole sources.yaml: its sources and the shared HTTP client's options."""

    path: Path
    sources: list[SourceConfig]
    http: HttpOptions


def load_settings(path: Path) -> Config:
    """A config file, validated whole: raises SourceError naming the file, the source and the key."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"config not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not valid YAML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 ({exc.reason})") from None
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise SourceError(f"{path}: sources: required, a list of sources")
    unknown = sorted(set(data) - {"sources", "http"})
    if unknown:
        raise SourceError(f"{path}: unknown top-level key {unknown[0]!r} (keys: sources, http)")
    http = _http_options(data.get("http"), f"{path}: http")
    sources = [_source(entry, i, path.parent, path, http) for i, entry in enumerate(data["sources"])]
    names = [s.name for s in sources]
    for name in names:
        if names.count(name) > 1:
            raise SourceError(f"{path}: sources: name {name!r} is used twice")
    if not sources:
        raise SourceError(f"{path}: sources: the list is empty")
    return Config(path=path, sources=sources, http=http)


def load_config(path: Path) -> list[SourceConfig]:
    """The sources a config file declares, validated (enabled or not: see `enabled`)."""
    return load_settings(path).sources
