"""Engine-wide settings: paths, limits and batch sizes, each with where its value came from.

Paths resolve against the repository root (the parent of the `marsad` package) so that
`marsad` behaves the same from any working directory; the environment overrides them.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent

# The SQL models (staging -> intermediate -> marts -> views) and their data tests.
SQL_DIR = REPO_DIR / "sql"

# Reference data loaded as seed tables at every build.
ACTORS_CSV = PACKAGE_DIR / "data" / "actors.csv"
GOVERNORATES_CSV = PACKAGE_DIR / "data" / "governorates.csv"
# The extraction helpers' gazetteer; optional: dim_places is empty until it exists.
PLACES_CSV = PACKAGE_DIR / "extract" / "data" / "places.csv"

# Default config: the bundled corpus (sources.yaml at the repository root).
DEFAULT_CONFIG = REPO_DIR / "sources.yaml"


def default_db() -> Path:
    """The warehouse file: $MARSAD_DB, else data/marsad.duckdb (the Makefile's `clean` removes it)."""
    return Path(os.environ.get("MARSAD_DB") or REPO_DIR / "data" / "marsad.duckdb")


def default_export_dir() -> Path:
    """Where `marsad export` writes: $MARSAD_EXPORT_DIR, else data/export/."""
    return Path(os.environ.get("MARSAD_EXPORT_DIR") or REPO_DIR / "data" / "export")


# Input limits. The longest article of the dev corpus is ~7,500 characters and long
# Arabic news features run to ~60,000; one million characters is a book, not an
# article, and usually a scraping accident (a whole site dump in one field).
MAX_TEXT_CHARS = 1_000_000
# A line longer than this is rejected before JSON parsing (text limit plus HTML markup).
MAX_LINE_BYTES = 8 * 1024 * 1024

# Articles per extraction batch: Prefect's per-task overhead is 7-18 ms (STACK.md; 6.6 ms of
# CPU per mapped task against a running API, measured with 50 no-op tasks) and the extractor
# takes ~1 ms per article, so batches of 500 keep overhead near 2 % (200: near 5 %), and a
# retried batch redoes half a second of work. Measured on 10,000 synthetic articles (one
# worker thread): extract stage 18.2 s at 50, 14.5 s at 500.
EXTRACT_BATCH_SIZE = 500
# Extraction is pure Python: threads only fight over the GIL (on 2 cores, the stage took
# 45-72 s with Prefect's default thread pool against 14.5 s with one worker). One worker;
# more CPUs are used by more workers (processes), see marsad-extract-shards.
EXTRACT_WORKERS = 1

# ---------------------------------------------------------------------------------------
# Fetching (marsad/sources/): one HTTP client for every kind of source. A source config's
# `http:` section overrides the timeouts, retries and limits (tests scale them down).

# Who we are, in every request (robots.txt rules match "marsad"). The README anchor is where
# a site operator finds what Marsad is and whom to ask; set MARSAD_CONTACT_URL when a fork
# runs its own crawl.
CONTACT_URL = os.environ.get("MARSAD_CONTACT_URL") or "https://github.com/marsad-iraq/marsad#readme"
USER_AGENT = f"Marsad/0.1 (+{CONTACT_URL})"

# Timeouts: news sites answer in well under a second; 10 s to connect and 30 s between
# bytes are httpx's and requests' customary "patient" values, long enough for a slow
# Iraqi host, short enough that one dead host does not hold a 15-minute schedule.
HTTP_CONNECT_TIMEOUT = 10.0
HTTP_READ_TIMEOUT = 30.0
# Retries on connection errors, timeouts, 5xx and 429: 3 retries with full-jitter
# exponential backoff from 1 s (AWS Architecture Blog, "Exponential Backoff and Jitter")
# cover a server restart without piling onto a struggling host.
HTTP_RETRIES = 3
HTTP_BACKOFF = 1.0
HTTP_BACKOFF_MAX = 60.0
# A Retry-After longer than this is not waited for: the fetch fails (visible in fetch_log)
# and the next scheduled run tries again.
HTTP_RETRY_AFTER_MAX = 300.0
# Body cap: the largest Arabic news page measured with its inline scripts is ~1.5 MB;
# 5 MB is the default and stops a video or a PDF early.
HTTP_MAX_BYTES = 5 * 1024 * 1024
# Redirects: Chrome follows 20, but a news article needs 1-2 (http->https, short link);
# 5 is the limit.
HTTP_MAX_REDIRECTS = 5
# Politeness per host: at most 2 requests in flight and 1 s between request starts
# (Wikimedia's and Common Crawl's robots guidance for small crawlers); a robots.txt
# Crawl-delay or a source's min_interval raises it, never lowers it.
HTTP_PER_HOST_CONCURRENCY = 2
HTTP_MIN_INTERVAL = 1.0
# A robots.txt Crawl-delay above this is capped (some sites say 3600).
ROBOTS_MAX_CRAWL_DELAY = 30.0
# Pages fetched at once within one source (threads; the per-host limits still apply).
FETCH_WORKERS = 4

# A feed item whose content:encoded holds at least this much text (characters, after
# removing markup) is taken as the full article and its link is not fetched; teasers
# in the Arabic feeds looked at are 150-300 characters, full articles 1,000+.
FEED_FULL_TEXT_MIN_CHARS = 600
# A page whose main text is shorter than this is rejected as boilerplate (trafilatura's
# own MIN_EXTRACTED_SIZE is 250; a two-sentence Arabic news brief is ~150).
PAGE_MIN_TEXT_CHARS = 120
# Items remembered per source cursor (url -> feed stamp) so unchanged items are not
# refetched; a busy Arabic feed publishes ~300 items a day, so 20,000 is about 2 months.
CURSOR_MAX_ITEMS = 20_000

# GDELT DOC 2.0 API (https://blog.gdeltproject.org/gdelt-doc-2-0-api-debuts/): artlist
# returns at most 250 articles a call and searches the last 3 months; GDELT asks for at
# most one request every 5 seconds.
GDELT_ENDPOINT = "https://api.gdeltproject.org/api/v2/doc/doc"
GDELT_MAX_RECORDS = 250
GDELT_MAX_SPAN_DAYS = 90
GDELT_MIN_INTERVAL = 5.0
# Windows the time span is cut into; a window that returns the full 250 is halved down to
# this size (GDELT's own 15-minute update cadence).
GDELT_WINDOW_HOURS = 24
GDELT_MIN_WINDOW_MINUTES = 15


def default_raw_dir(db: Path | None = None) -> Path:
    """Where fetched bodies are kept: $MARSAD_RAW_DIR, else raw/ beside the warehouse (data/raw/)."""
    if os.environ.get("MARSAD_RAW_DIR"):
        return Path(os.environ["MARSAD_RAW_DIR"])
    return Path(db or default_db()).parent / "raw"
