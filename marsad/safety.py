"""Safety primitives for untrusted text: everything an article carries was written by a stranger.

Marsad publishes article text, titles, URLs and actor names in an HTML report, Prefect
markdown artifacts, CSV files and logs. Each output has one function here that makes a
stranger's string inert in it, and one rule for file paths:

- HTML: `escape_html`, `html_link` (only http(s) links are live), `content_security_policy`
  with `script_hash` / `style_hash` for the page's own inline code.
- Markdown (Prefect artifacts): `md_text` (every ASCII punctuation mark escaped, so no
  link, image, HTML, emphasis or autolink can start), `md_code` (a code span), `md_cell`
  (for table cells), `md_link` (an http(s) link with an inert label, else a code span).
- CSV: one rule, kept with the CSV writers in marsad.warehouse.interchange
  (`neutralize_cell`, `write_csv`, `write_query_csv`): a cell that begins with = + - @ tab
  or CR gets a leading single quote (OWASP "CSV Injection"); numbers are left as they are.
- Logs: `log_safe`, and `install_log_guard()` so that every log record of the process has
  CR, LF, ANSI escape sequences and other control characters shown as visible escapes.
- Paths: `confine` / `is_within` resolve a path (following every symlink) and check that
  it stays under allowed roots; `is_content_name` checks a content-addressed file name.
- Secrets: `redact_url` hides the password of a URL (a database URL) before it is shown.

This module imports only the standard library, so any layer (sources, warehouse, report,
flows) can use it. docs/notes/security.md says where each primitive is wired in.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, urlsplit

# ---------------------------------------------------------------------------------------
# URLs and HTML

# Only these schemes become live links: javascript:, data:, vbscript:, file: and the rest
# are shown as text.
SAFE_SCHEMES = ("http", "https")
# Browsers delete tab, CR and LF anywhere inside a URL ("java\nscript:" is javascript:)
# and strip leading C0 controls and spaces; a URL holding any control character or
# whitespace is refused outright rather than second-guessing each browser's cleanup.
_URL_REFUSED = re.compile(r"[\x00-\x20\x7f-\x9f\s]")


def safe_url(value: object) -> str | None:
    """The URL itself when it is an absolute http(s) URL with a host, else None.

    Leading and trailing spaces are trimmed; any control character or whitespace inside
    refuses the URL (browsers silently delete some of them, which is how `java\\tscript:`
    sneaks past naive checks)."""
    if not isinstance(value, str):
        return None
    url = value.strip(" ")
    if not url or _URL_REFUSED.search(url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not host:
        return None
    return url


def escape_html(value: object) -> str:
    """Text for an HTML element or a quoted attribute value: & < > " ' escaped; None -> ''."""
    return html.escape("" if value is None else str(value), quote=True)


def html_link(url: object, label: object = None, *, new_tab: bool = True) -> str:
    """An <a> element for an http(s) URL (label and href escaped); any other URL is plain,
    escaped text in a <span class="unsafe-url">, so a javascript: or data: URL is never live."""
    text = escape_html(url if label is None else label)
    target = safe_url(url)
    if target is None:
        return f'<span class="unsafe-url">{text}</span>'
    extra = ' target="_blank"' if new_tab else ""
    return f'<a href="{escape_html(target)}" rel="noopener noreferrer nofollow"{extra}>{text}</a>'


def _source_hash(source: str | bytes) -> str:
    data = source.encode("utf-8") if isinstance(source, str) else source
    return "'sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii") + "'"


def script_hash(source: str | bytes) -> str:
    """The CSP source expression ('sha256-...') allowing exactly this inline <script> body."""
    return _source_hash(source)


def style_hash(source: str | bytes) -> str:
    """The CSP source expression ('sha256-...') allowing exactly this inline <style> body."""
    return _source_hash(source)


NONE = "'none'"


def content_security_policy(
    scripts: Iterable[str | bytes] = (),
    styles: Iterable[str | bytes] = (),
    *,
    inline_style_attributes: bool = False,
    data_images: bool = False,
) -> str:
    """A Content-Security-Policy for a self-contained page: no network load of any kind,
    no inline script but the given script bodies (by hash), no plugins, no forms, no <base>.

    For a <meta http-equiv="Content-Security-Policy"> placed first in <head>. `styles` are
    the page's own <style> bodies; `inline_style_attributes` allows style="..." (CSS cannot
    run script, so this is a layout convenience, not a hole); `data_images` allows data:
    images (inline, no network)."""
    script_sources = " ".join(script_hash(s) for s in scripts) or NONE
    style_sources = " ".join(style_hash(s) for s in styles)
    if inline_style_attributes:
        style_sources = "'unsafe-inline'"  # CSP ignores hashes when 'unsafe-inline' is meant
    directives = [
        "default-src 'none'",
        f"script-src {script_sources}",
        f"style-src {style_sources or NONE}",
        "img-src data:" if data_images else "img-src 'none'",
        "font-src 'none'",
        "connect-src 'none'",
        "media-src 'none'",
        "object-src 'none'",
        "frame-src 'none'",
        "worker-src 'none'",
        "manifest-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    return "; ".join(directives)


def csp_meta(policy: str) -> str:
    """The <meta> element carrying a policy; put it before any <script>, <style> or <link>."""
    return f'<meta http-equiv="Content-Security-Policy" content="{escape_html(policy)}">'


# ---------------------------------------------------------------------------------------
# Markdown (Prefect artifacts)

# CommonMark lets a backslash escape any ASCII punctuation mark, and every piece of markdown
# syntax (links, images, HTML, emphasis, code, tables, headings, entities, GFM autolinks
# through "://", "www." and "@") needs one of them: escape them all.
_MD_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
# Line breaks end a table row or start a block; other controls are invisible tricks.
_MD_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def _one_line(value: object) -> str:
    return _MD_CONTROLS.sub(" ", "" if value is None else str(value))


def md_text(value: object) -> str:
    """Untrusted text as inert markdown inline text, on one line: renders as the same
    characters, and no link, image, HTML, emphasis or autolink can come out of it.
    Outer spaces are dropped: four of them at a line's start would open a code block."""
    return _MD_PUNCTUATION.sub(r"\\\1", _one_line(value).strip(" "))


def md_code(value: object) -> str:
    """Untrusted text as a markdown code span, on one line ('' for empty text)."""
    text = _one_line(value)
    if not text.strip():
        return ""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ")):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def md_cell(value: object, *, code: bool = False) -> str:
    """Untrusted text for a GFM table cell: `md_text`, or with code=True a code span whose
    pipes are escaped (GFM splits cells on | even inside code spans)."""
    if code:
        return md_code(value).replace("|", "\\|")
    return md_text(value)


# RFC 3986 reserved and unreserved characters, minus the ones markdown or a table cell
# would read as syntax ( ( ) [ ] < > | ` \ " ' space ): those are percent-encoded.
_URL_KEEP = "/:?#@!$&*+,;=%-._~"


def md_link(url: object, label: object = None) -> str:
    """A markdown link for an http(s) URL, its label inert and its target percent-encoded
    so it cannot close the link early; any other URL becomes a code span (never live)."""
    target = safe_url(url)
    if target is None:
        return md_code(url)
    return f"[{md_text(target if label is None else label)}](<{quote(target, safe=_URL_KEEP)}>)"


# ---------------------------------------------------------------------------------------
# Logs

# CR and LF forge log lines; ESC starts ANSI sequences (colours, cursor moves, OSC 8
# hyperlinks, window titles); other C0/C1 controls, Unicode line separators and bidi
# overrides ("Trojan Source") hide or reorder what an operator reads.
_LOG_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_LOG_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}


def _visible(match: re.Match) -> str:
    char = match.group()
    if char in _LOG_NAMED:
        return _LOG_NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def log_safe(value: object) -> str:
    """Text for one log line: CR, LF, ESC and other control characters shown as escapes
    (\\n, \\r, \\x1b, \\u202e); tabs and printable text (Arabic too) unchanged."""
    return _LOG_UNSAFE.sub(_visible, "" if value is None else str(value))


class LogGuard(logging.Filter):
    """A logging filter that makes a record's message one inert line (see `log_safe`).

    Tracebacks (exc_info) keep their lines: they are the program's, not an article's."""

    def filter(self, record: logging.LogRecord) -> bool:
        sanitize_record(record)
        return True


def sanitize_record(record: logging.LogRecord) -> logging.LogRecord:
    """Format the record's message once and store it neutralized (args are then dropped)."""
    if getattr(record, "_marsad_safe", False):
        return record
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: leave it for logging's own error report
        return record
    record.msg = log_safe(message)
    record.args = None
    record._marsad_safe = True
    return record


_guard_installed = False


def install_log_guard() -> None:
    """Neutralize every log record this process creates, whichever logger or handler
    (marsad's, Prefect's console and API handlers, libraries'). Idempotent.

    Done in the record factory, not in a handler filter, because Prefect adds its own
    handlers (and run loggers that do not propagate) after start-up."""
    global _guard_installed
    if _guard_installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs):
        return sanitize_record(previous(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    _guard_installed = True


# ---------------------------------------------------------------------------------------
# Paths


class PathEscape(ValueError):
    """A path that resolves (through `..` or a symlink) outside the folders it may use."""


def _resolved(path: str | os.PathLike) -> Path:
    return Path(os.path.abspath(path)).resolve(strict=False)


def is_within(path: str | os.PathLike, roots: Iterable[str | os.PathLike]) -> bool:
    """True when path, with every symlink and `..` resolved, is one of roots or below one."""
    target = _resolved(path)
    for root in roots:
        base = _resolved(root)
        if target == base or target.is_relative_to(base):
            return True
    return False


def confine(path: str | os.PathLike, roots: Iterable[str | os.PathLike]) -> Path:
    """The resolved path when it stays under one of roots (symlinks followed, `..` applied);
    raises PathEscape naming both otherwise."""
    roots = list(roots)
    if not is_within(path, roots):
        names = ", ".join(str(r) for r in roots)
        raise PathEscape(f"{path} resolves to {_resolved(path)}, outside {names}")
    return _resolved(path)


_SHA256 = re.compile(r"[0-9a-f]{64}")


def is_content_name(name: str) -> bool:
    """True when name is a sha256 hex digest: the only names the raw store may use."""
    return isinstance(name, str) and _SHA256.fullmatch(name) is not None


# ---------------------------------------------------------------------------------------
# Secrets


def redact_url(url: str) -> str:
    """A URL safe to print: the password of its user info replaced by ***
    (postgresql+asyncpg://marsad:s3cret@db/prefect -> postgresql+asyncpg://marsad:***@db/prefect)."""
    return re.sub(r"(?<=://)([^/@:\s]*):[^/\s]*@", r"\1:***@", str(url))
