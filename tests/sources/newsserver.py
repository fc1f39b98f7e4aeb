"""A real HTTP server on 127.0.0.1 serving the saved fixtures of tests/fixtures/sources/.

Fixture files are served with `{BASE}` replaced by the server's own address, with ETag and
Last-Modified, answering 304 to a matching conditional GET. The /faults/ paths misbehave
on purpose (429 with Retry-After, 500 then 200, a slow answer, oversized bodies, a
redirect loop, a redirect chain of any length, 404); /faults/held/ answers after a pause
and counts the requests it holds at once. Every request is logged (path and headers) for
the tests to inspect.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"
LAST_MODIFIED = "Thu, 20 Nov 2026 18:00:00 GMT"

# path -> (fixture file, content type)
ROUTES = {
    "/robots.txt": ("robots.txt", "text/plain"),
    "/news/1.html": ("news-1.html", "text/html; charset=utf-8"),
    "/news/2.html": ("news-2.html", "text/html; charset=utf-8"),
    "/news/3.html": ("news-3.html", "text/html; charset=utf-8"),
    "/news/3-copy.html": ("news-3.html", "text/html; charset=utf-8"),
    "/amp/news/3.html": ("news-3.html", "text/html; charset=utf-8"),
    # windows-1256 with only a <meta> charset, and with no charset anywhere
    "/legacy/kirkuk-1201.html": ("news-cp1256.html", "text/html"),
    "/legacy/undeclared.html": ("news-cp1256-undeclared.html", "text/html"),
    "/private/secret.html": ("private/secret.html", "text/html"),
    "/media/report.pdf": ("report.pdf", "application/pdf"),
    "/feeds/rss.xml": ("feed.rss.xml", "application/rss+xml; charset=utf-8"),
    "/feeds/atom.xml": ("feed.atom.xml", "application/atom+xml"),
    "/feeds/empty.xml": ("feed-empty.rss.xml", "application/rss+xml"),
    "/feeds/malformed.xml": ("feed-malformed.rss.xml", "application/rss+xml"),
    "/feeds/bomb.xml": ("feed-bomb.rss.xml", "application/rss+xml"),
}
GDELT_FIXTURE = "gdelt-artlist.json"


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # clients hang up on purpose (size cap)
        pass


class NewsServer:
    """Start with `with NewsServer() as server:`; `server.base` is http://127.0.0.1:PORT."""

    def __init__(self, slow_seconds: float = 2.0, huge_bytes: int = 300_000):
        self.requests: list[tuple[str, dict]] = []  # (path with query, headers)
        self.hits: Counter = Counter()
        self.started: list[tuple[str, float]] = []  # (path, monotonic time the request arrived)
        self.slow_seconds = slow_seconds
        self.huge_bytes = huge_bytes
        self.gdelt_full_above_hours: float | None = None  # windows longer than this answer 250 results
        self.hold_seconds = 0.3  # how long /faults/held/* keeps each request
        self.in_flight = 0  # /faults/held/* requests being answered now
        self.max_in_flight = 0  # the most of them at any one time
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                with server.lock:
                    server.requests.append((self.path, dict(self.headers)))
                    server.started.append((urlsplit(self.path).path, time.monotonic()))
                    server.hits[urlsplit(self.path).path] += 1
                    hit = server.hits[urlsplit(self.path).path]
                try:
                    server.handle(self, hit)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> NewsServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self) -> list[str]:
        with self.lock:
            return [urlsplit(path).path for path, _ in self.requests]

    def fixture(self, name: str) -> bytes:
        return (FIXTURES / name).read_bytes().replace(b"{BASE}", self.base.encode())

    # -- responses -----------------------------------------------------------------------

    @staticmethod
    def send(
        handler, status: int, body: bytes = b"", content_type: str = "text/plain", headers=None, length=True
    ):
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        if length:
            handler.send_header("Content-Length", str(len(body)))
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(body)
        if not length:
            handler.close_connection = True

    def handle(self, handler, hit: int) -> None:
        parts = urlsplit(handler.path)
        path = parts.path
        if path in ROUTES:
            name, content_type = ROUTES[path]
            body = self.fixture(name)
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
            if handler.headers.get("If-None-Match") == etag:
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            self.send(handler, 200, body, content_type, headers)
            return
        if path == "/gdelt/api":
            query = parse_qs(parts.query)
            if self.gdelt_full_above_hours is not None:
                start, end = query["startdatetime"][0], query["enddatetime"][0]
                fmt = "%Y%m%d%H%M%S"
                hours = (time.mktime(time.strptime(end, fmt)) - time.mktime(time.strptime(start, fmt))) / 3600
                if hours > self.gdelt_full_above_hours:
                    one = (
                        f'{{"url": "{self.base}/news/2.html", "title": "x", "seendate": "20261119T043000Z"}}'
                    )
                    self.send(
                        handler,
                        200,
                        ('{"articles": [' + ",".join([one] * 250) + "]}").encode(),
                        "application/json",
                    )
                    return
            self.send(handler, 200, self.fixture(GDELT_FIXTURE), "application/json; charset=utf-8")
            return
        if path == "/gdelt/broken":
            self.send(handler, 200, b"The specified query was too short or too long.", "text/html")
            return
        if path == "/faults/429":
            if hit == 1:
                self.send(handler, 429, b"slow down", headers={"Retry-After": "1"})
            else:
                self.send(handler, 200, self.fixture("news-1.html"), "text/html; charset=utf-8")
            return
        if path == "/faults/500-then-200":
            if hit == 1:
                self.send(handler, 500, b"internal error")
            else:
                self.send(handler, 200, self.fixture("news-2.html"), "text/html; charset=utf-8")
            return
        if path == "/faults/slow":
            time.sleep(self.slow_seconds)
            self.send(handler, 200, self.fixture("news-1.html"), "text/html; charset=utf-8")
            return
        if path == "/faults/huge":  # declared too large
            self.send(handler, 200, b"<html>" + b"x" * self.huge_bytes, "text/html")
            return
        if path == "/faults/huge-stream":  # too large, no Content-Length: only counting finds out
            self.send(handler, 200, b"<html>" + b"x" * self.huge_bytes, "text/html", length=False)
            return
        if path == "/faults/loop-a":
            self.send(handler, 302, headers={"Location": "/faults/loop-b"})
            return
        if path == "/faults/loop-b":
            self.send(handler, 302, headers={"Location": f"{self.base}/faults/loop-a"})
            return
        if path.startswith("/faults/chain/"):  # /faults/chain/<length>/<hops left>: 302s, then a page
            length, left = (int(part) for part in path.split("/")[3:5])
            if left > 0:
                self.send(handler, 302, headers={"Location": f"/faults/chain/{length}/{left - 1}"})
            else:
                self.send(handler, 200, self.fixture("news-3.html"), "text/html; charset=utf-8")
            return
        if path.startswith("/faults/held/"):
            with self.lock:
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
            time.sleep(self.hold_seconds)
            with self.lock:  # before the answer: a client cannot have its next request in before this
                self.in_flight -= 1
            self.send(handler, 200, self.fixture("news-1.html"), "text/html; charset=utf-8")
            return
        if path == "/faults/redirect-to-news":
            self.send(handler, 301, headers={"Location": "/news/3.html"})
            return
        self.send(handler, 404, "لا توجد صفحة بهذا العنوان".encode(), "text/plain; charset=utf-8")
