"""Canonical URLs: one spelling per article, so a link seen twice is fetched once.

Lower-cases scheme and host, drops default ports, fragments and tracking parameters,
normalizes percent-encoding (an Arabic path written raw or %-encoded is the same URL),
sorts the remaining query parameters and maps AMP variants to the regular page.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

# Parameters that identify a campaign or a click, never the article (utm_* from Google
# Analytics, fbclid/gclid/... from ad platforms, the rest seen on Arabic news sites' share links).
TRACKING_PREFIXES = ("utm_", "ga_", "pk_", "mtm_", "hsa_")
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid",
        "mc_cid", "mc_eid", "_ga", "_gl", "ref", "ref_src", "ref_url", "referrer",
        "cmpid", "ocid", "spm", "amp", "outputtype",
    }
)  # fmt: skip
# Query values that select an AMP rendering (?amp=1, ?outputType=amp) are dropped with
# their parameter above; these path spellings are AMP variants of the page.
_AMP_SUFFIX = re.compile(r"(?:/amp/?|\.amp)$", re.IGNORECASE)
_AMP_HTML = re.compile(r"\.amp\.html?$", re.IGNORECASE)
_AMP_PREFIX = re.compile(r"^/amp(?=/)", re.IGNORECASE)
# Google's AMP cache: https://www-example-com.cdn.ampproject.org/c/s/www.example.com/path
_AMP_CACHE = re.compile(r"^/[a-z]+(?:/(s))?/(.+)$", re.IGNORECASE)

_SAFE_PATH = "/:@!$&'()*+,;=-._~"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _norm_path(path: str) -> str:
    path = quote(unquote(path), safe=_SAFE_PATH)
    return path or "/"


def canonical_url(url: str) -> str:
    """The canonical spelling of a URL (returns non-http(s) URLs stripped of whitespace only)."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    path = parts.path
    if host.endswith(".cdn.ampproject.org"):
        match = _AMP_CACHE.match(path)
        if match:
            return canonical_url(("https://" if match.group(1) else "http://") + match.group(2))
    if host.startswith("amp."):
        host = host[4:]
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = _AMP_HTML.sub(".html", path)
    path = _AMP_SUFFIX.sub("", path) if _AMP_SUFFIX.search(path) and path not in ("/amp", "/amp/") else path
    path = _AMP_PREFIX.sub("", path)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMS and not key.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, netloc, _norm_path(path), urlencode(sorted(query), doseq=True), ""))


def host_key(url: str) -> str:
    """scheme://host[:port] of a URL: the unit of politeness and of robots.txt."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
