"""The one HTTP client every source kind fetches through: polite, bounded and never raising.

`Fetcher.get(url)` returns a `FetchResult` whatever happens (a dead host, a 404, a body
too large, a redirect loop, a robots.txt refusal) and records one `FetchRecord` per call,
which the fetch stage writes to the warehouse's `fetch_log`. It

- identifies itself (settings.USER_AGENT) and honours robots.txt per host (RFC 9309:
  a 4xx robots.txt allows everything, an unreachable one disallows everything);
- keeps per-host politeness: at most `per_host_concurrency` requests in flight and
  `min_interval` seconds between request starts (a Crawl-delay raises it);
- retries connection errors, timeouts, 5xx and 429 with exponential backoff and full
  jitter, waiting what Retry-After asks when it asks (up to `retry_after_max`);
- follows at most `max_redirects` redirects itself (so each hop passes robots.txt and
  a loop is named as one);
- streams bodies and stops at `max_bytes`;
- sends If-None-Match / If-Modified-Since from what the last fetch of the URL returned,
  and on 304 hands back the body kept in the raw store.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import random
import re
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from marsad import settings
from marsad.sources.canonical import host_key
from marsad.sources.raw_store import RawStore

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class HttpOptions:
    """Timeouts, retries and limits of the shared client (the `http:` section of sources.yaml)."""

    connect_timeout: float = settings.HTTP_CONNECT_TIMEOUT
    read_timeout: float = settings.HTTP_READ_TIMEOUT
    retries: int = settings.HTTP_RETRIES
    backoff: float = settings.HTTP_BACKOFF
    backoff_max: float = settings.HTTP_BACKOFF_MAX
    retry_after_max: float = settings.HTTP_RETRY_AFTER_MAX
    max_bytes: int = settings.HTTP_MAX_BYTES
    max_redirects: int = settings.HTTP_MAX_REDIRECTS
    per_host_concurrency: int = settings.HTTP_PER_HOST_CONCURRENCY
    min_interval: float = settings.HTTP_MIN_INTERVAL
    user_agent: str = settings.USER_AGENT


@dataclass(frozen=True)
class Validator:
    """What the last successful fetch of a URL returned, for a conditional GET."""

    etag: str | None
    last_modified: str | None
    body_sha256: str


@dataclass
class FetchRecord:
    """One row of fetch_log: a URL asked for, and what came of it."""

    source_name: str
    url: str
    started_at: dt.datetime
    final_url: str | None = None
    status: int | None = None
    bytes: int | None = None
    body_sha256: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    elapsed_ms: float | None = None
    attempts: int = 0
    history: str | None = None  # one entry per attempt and redirect: "429 (Retry-After 1) -> 200"
    error: str | None = None


@dataclass
class FetchResult:
    """The outcome of `Fetcher.get`: a body (fetched, or kept from before on 304) or an error."""

    url: str
    record: FetchRecord
    body: bytes | None = None
    headers: httpx.Headers = field(default_factory=httpx.Headers)

    @property
    def ok(self) -> bool:
        return self.body is not None and self.record.error is None

    @property
    def status(self) -> int | None:
        return self.record.status

    @property
    def final_url(self) -> str:
        return self.record.final_url or self.url

    @property
    def content_type(self) -> str | None:
        return self.record.content_type

    @property
    def not_modified(self) -> bool:
        return self.record.status == 304

    @property
    def transient(self) -> bool:
        """True when trying again later may succeed (no response, 5xx, 429)."""
        if self.ok:
            return False
        status = self.record.status
        error = self.record.error or ""
        return status is None and "robots.txt" not in error or status in RETRY_STATUSES


class _Attempt:
    """The result of one request with its retries: a response's parts, or an error."""

    def __init__(self) -> None:
        self.status: int | None = None
        self.headers = httpx.Headers()
        self.body: bytes | None = None
        self.error: str | None = None
        self.attempts = 0
        self.history: list[str] = []


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (delta-seconds or an HTTP date); None if absent/unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class _Host:
    """Politeness state of one host: a concurrency gate and the earliest next request start."""

    def __init__(self, concurrency: int, interval: float):
        self.gate = threading.BoundedSemaphore(max(1, concurrency))
        self.lock = threading.Lock()
        self.interval = interval
        self.next_start = 0.0
        self.robots: urllib.robotparser.RobotFileParser | None = None
        self.robots_error: str | None = None
        self.robots_checked = False
        self.robots_lock = threading.Lock()

    def wait_turn(self) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.interval
        if start > now:
            time.sleep(start - now)


class Fetcher:
    """The shared HTTP client. Thread-safe; use as a context manager or call close()."""

    def __init__(
        self,
        options: HttpOptions | None = None,
        store: RawStore | None = None,
        validators: dict[str, Validator] | None = None,
    ):
        self.options = options or HttpOptions()
        self.store = store
        self.validators = dict(validators or {})
        self.records: list[FetchRecord] = []
        self._records_lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._client = httpx.Client(
            timeout=httpx.Timeout(
                connect=self.options.connect_timeout,
                read=self.options.read_timeout,
                write=self.options.read_timeout,
                pool=None,
            ),
            follow_redirects=False,
            headers={
                "User-Agent": self.options.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                "application/xml;q=0.9,application/json;q=0.9,*/*;q=0.5",
                "Accept-Language": "ar,en;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            },
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
        )

    # -- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- politeness ----------------------------------------------------------------------

    def _host(self, url: str) -> _Host:
        key = host_key(url)
        with self._hosts_lock:
            host = self._hosts.get(key)
            if host is None:
                host = self._hosts[key] = _Host(self.options.per_host_concurrency, self.options.min_interval)
            return host

    def set_min_interval(self, url: str, seconds: float) -> None:
        """Raise the minimum interval between requests to url's host (never lowers it)."""
        host = self._host(url)
        with host.lock:
            host.interval = max(host.interval, seconds)

    def _record(self, record: FetchRecord) -> None:
        with self._records_lock:
            self.records.append(record)

    def robots_refusal(self, url: str, source_name: str) -> str | None:
        """Why robots.txt forbids fetching url, or None when it allows it."""
        host = self._host(url)
        with host.robots_lock:
            if not host.robots_checked:
                self._load_robots(url, host, source_name)
                host.robots_checked = True
        if host.robots_error:
            return host.robots_error
        if host.robots is not None and not host.robots.can_fetch(self.options.user_agent, url):
            return f"disallowed by {host_key(url)}/robots.txt"
        return None

    def _load_robots(self, url: str, host: _Host, source_name: str) -> None:
        robots_url = host_key(url) + "/robots.txt"
        record = FetchRecord(source_name=source_name, url=robots_url, started_at=_utcnow())
        clock = time.monotonic()
        current = robots_url
        for _ in range(self.options.max_redirects + 1):
            attempt = self._request(current, host=self._host(current), headers={})
            if attempt.status in REDIRECT_STATUSES and attempt.headers.get("location"):
                current = urljoin(current, attempt.headers["location"])
                continue
            break
        self._fill(record, attempt, current, clock)
        self._record(record)
        status = attempt.status
        if attempt.error is not None and status is None:
            # RFC 9309 2.3.1.4: an unreachable robots.txt means complete disallow
            host.robots_error = f"robots.txt unreachable ({attempt.error}): not fetched"
        elif status is not None and status >= 500:
            host.robots_error = f"robots.txt answered HTTP {status}: not fetched"
        elif status == 200 and attempt.body is not None:
            parser = urllib.robotparser.RobotFileParser()
            parser.parse(attempt.body.decode("utf-8", errors="replace").splitlines())
            host.robots = parser
            delay = parser.crawl_delay(self.options.user_agent)
            if delay:
                with host.lock:
                    host.interval = max(host.interval, min(float(delay), settings.ROBOTS_MAX_CRAWL_DELAY))
        # any other status (404, 403, ...): no rules, everything allowed (RFC 9309 2.3.1.3)

    # -- requests ------------------------------------------------------------------------

    def _backoff(self, retry: int) -> float:
        """Full jitter: uniform in [0, backoff * 2**retry], capped."""
        ceiling = min(self.options.backoff_max, self.options.backoff * (2**retry))
        return random.uniform(0, ceiling)

    def _request(self, url: str, host: _Host, headers: dict[str, str]) -> _Attempt:
        """One GET with its retries; the body is read up to max_bytes."""
        out = _Attempt()
        retries = max(0, self.options.retries)
        for retry in range(retries + 1):
            out.attempts += 1
            out.status, out.body, out.error = None, None, None
            delay: float | None = None
            with host.gate:
                host.wait_turn()
                try:
                    with self._client.stream("GET", url, headers=headers) as response:
                        out.status = response.status_code
                        out.headers = response.headers
                        if out.status in RETRY_STATUSES:
                            asked = parse_retry_after(response.headers.get("retry-after"))
                            note = f"{out.status}" + (
                                f" (Retry-After {response.headers['retry-after']})"
                                if asked is not None
                                else ""
                            )
                            out.history.append(note)
                            out.error = f"HTTP {out.status}"
                            if asked is not None and asked > self.options.retry_after_max:
                                out.error = f"HTTP {out.status}: Retry-After {asked:.0f} s is over the {self.options.retry_after_max:.0f} s limit"
                                return out
                            delay = asked if asked is not None else self._backoff(retry)
                            if asked is not None:  # the whole host waits, not just this request
                                with host.lock:
                                    host.next_start = max(host.next_start, time.monotonic() + asked)
                        else:
                            out.history.append(str(out.status))
                            if 200 <= out.status < 300:
                                self._read_body(response, out)
                            else:
                                out.body = b""
                            return out
                except httpx.TimeoutException as exc:
                    out.error = f"{type(exc).__name__}: no answer within the timeout"
                    out.history.append(type(exc).__name__)
                    delay = self._backoff(retry)
                except httpx.TransportError as exc:
                    out.error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                    out.history.append(type(exc).__name__)
                    delay = self._backoff(retry)
                except httpx.InvalidURL as exc:
                    out.error = f"invalid URL: {exc}"
                    return out
            if retry < retries and delay is not None:
                time.sleep(delay)
        if out.attempts > 1:
            out.error = f"{out.error} (after {out.attempts} attempts)"
        return out

    def _read_body(self, response: httpx.Response, out: _Attempt) -> None:
        limit = self.options.max_bytes
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            out.error = f"body too large: Content-Length {int(declared):,} bytes, limit {limit:,}"
            out.body = None
            return
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                out.error = f"body too large: over {limit:,} bytes, stopped reading"
                out.body = None
                return
            chunks.append(chunk)
        out.body = b"".join(chunks)

    def _fill(self, record: FetchRecord, attempt: _Attempt, final_url: str, clock: float) -> None:
        record.final_url = final_url
        record.status = attempt.status
        record.attempts += attempt.attempts
        record.elapsed_ms = round((time.monotonic() - clock) * 1000, 1)
        history = " -> ".join(attempt.history)
        record.history = (
            f"{record.history} -> {history}"
            if record.history and history
            else record.history or history or None
        )
        if attempt.status is not None:
            record.content_type = attempt.headers.get("content-type")
            record.etag = attempt.headers.get("etag")
            record.last_modified = attempt.headers.get("last-modified")
        if attempt.error:
            record.error = attempt.error
        elif attempt.status is not None and not (200 <= attempt.status < 300) and attempt.status != 304:
            record.error = f"HTTP {attempt.status}"
        if attempt.body is not None and attempt.status is not None and 200 <= attempt.status < 300:
            record.bytes = len(attempt.body)
            if self.store is not None:
                record.body_sha256 = self.store.put(attempt.body)

    def get(
        self,
        url: str,
        source_name: str = "",
        min_interval: float | None = None,
        conditional: bool = True,
    ) -> FetchResult:
        """GET url politely; never raises for network or HTTP trouble (see the module doc)."""
        record = FetchRecord(source_name=source_name, url=url, started_at=_utcnow())
        result = FetchResult(url=url, record=record)
        clock = time.monotonic()
        try:
            self._get(url, record, result, clock, min_interval, conditional)
        finally:
            if record.elapsed_ms is None:
                record.elapsed_ms = round((time.monotonic() - clock) * 1000, 1)
            self._record(record)
        if record.error:
            log.info("fetch %s: %s", url, record.error)
        return result

    def _get(self, url, record, result, clock, min_interval, conditional) -> None:
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            record.error = f"not an http(s) URL: {url}"
            return
        if min_interval:
            self.set_min_interval(url, min_interval)
        refusal = self.robots_refusal(url, source_name=record.source_name)
        if refusal:
            record.error = refusal
            return
        headers: dict[str, str] = {}
        known = self.validators.get(url) if conditional else None
        if known is not None and self.store is not None and self.store.has(known.body_sha256):
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        current = url
        visited = [url]
        while True:
            attempt = self._request(current, self._host(current), headers)
            self._fill(record, attempt, current, clock)
            result.headers = attempt.headers
            if attempt.error:
                return
            location = attempt.headers.get("location")
            if attempt.status in REDIRECT_STATUSES and location:
                target = urljoin(current, location)
                if target in visited:
                    record.error = "redirect loop: " + " -> ".join([*visited, target])
                    return
                if len(visited) > self.options.max_redirects:
                    record.error = f"too many redirects (over {self.options.max_redirects}): " + " -> ".join(
                        visited
                    )
                    return
                if urlsplit(target).scheme.lower() not in ("http", "https"):
                    record.error = f"redirect to a non-http URL: {target}"
                    return
                refusal = self.robots_refusal(target, source_name=record.source_name)
                if refusal:
                    record.error = refusal
                    return
                visited.append(target)
                current = target
                record.error = None
                headers = {}  # validators belong to the URL asked for, not to redirect targets
                continue
            break
        if attempt.status == 304 and known is not None:
            body = self.store.get(known.body_sha256) if self.store is not None else None
            if body is None:
                record.error = "304 Not Modified but the stored body is missing"
                return
            record.error = None
            record.body_sha256 = known.body_sha256
            record.bytes = 0
            record.etag = record.etag or known.etag
            record.last_modified = record.last_modified or known.last_modified
            result.body = body
            return
        if attempt.status == 304:
            record.error = "HTTP 304 but no body of this URL is stored"
            return
        if record.error:
            return
        result.body = attempt.body


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# ---------------------------------------------------------------------------------------
# Decoding bodies

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)["']""")
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-:.]+)", re.IGNORECASE)


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    import codecs

    try:
        name = codecs.lookup(encoding.strip()).name
    except LookupError:
        return None
    # WHATWG: a page labelled iso-8859-1/ascii is decoded as windows-1252
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def declared_charset(body: bytes, content_type: str | None) -> str | None:
    """The charset the headers, a BOM, a <meta> tag or an XML declaration state, if any."""
    if body.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match and _known(match.group(1)):
            return _known(match.group(1))
    head = body[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match and _known(match.group(1).decode("ascii", "ignore")):
            return _known(match.group(1).decode("ascii", "ignore"))
    return None


def decode_body(body: bytes, content_type: str | None = None) -> str:
    """A body as text: UTF-8 when it is valid UTF-8, else the charset the headers or a <meta>
    tag declare, else detection (windows-1256 pages come out right).

    Valid UTF-8 wins over a declared legacy charset because windows-1256 decodes any bytes
    without error (a UTF-8 page labelled windows-1256 would come out as mojibake), while
    Arabic windows-1256 text is practically never valid UTF-8.
    """
    try:
        return body.decode("utf-8-sig" if body.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(body, content_type)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return body.decode(declared)
        except UnicodeDecodeError:
            log.info("body does not decode as its declared %s: detecting", declared)
    import charset_normalizer

    best = charset_normalizer.from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        return body.decode(best.encoding, errors="replace")
    return body.decode("cp1256", errors="replace")  # the commonest legacy Arabic encoding
