"""URL helpers for reading article pages (used by countyreports.reading.pagemeta and countyreports.reading.article): the parts
of a page URL, and hrefs resolved against it, each with a fast path for the usual case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

# An http(s) URL of the usual shape: lowercase scheme, a host without user, port or brackets, printable ASCII
# throughout (so nothing urlsplit strips or removes). Its parts are the groups: `split_url` skips urlsplit.
_PLAIN_URL = re.compile(r"(https?)://([^/?#\[\]@:]+)(/[^?#]*)?(?:\?([^#]*))?(?:#(.*))?")


def split_url(url: str) -> tuple[str, str, str, str, str]:
    """``tuple(urlsplit(url))`` — (scheme, netloc, path, query, fragment) — without urlsplit (whose cache
    misses cost more than this) for the usual URL."""
    m = _PLAIN_URL.fullmatch(url) if url.isascii() and url.isprintable() else None
    if m is None:
        return tuple(urlsplit(url))  # type: ignore[return-value]
    scheme, netloc, path, query, fragment = m.groups()
    return scheme, netloc, path or "", query or "", fragment or ""


_NOT_PLAIN = re.compile(r"[^!$%&'()*+,\-./0-9=@A-Z\[\]^_`a-z{|}~]")  # plain path characters only
_DOT_SEGMENT = re.compile(r"(?:^|/)\.\.?(?:/|$)")


@lru_cache(maxsize=8)  # (a page's links and attachments are resolved against the same URL)
def joiner(base: str) -> Callable[[str], str]:
    """`urljoin(base, ·)` with a fast path for the usual href: a plain relative or absolute path (no scheme,
    host, query, fragment, parameters, dot segment or empty segment) against an http(s) page URL whose path
    has none of those either. Then urljoin only puts the href after the page's directory (or host)."""
    try:
        scheme, netloc, path, _query, _fragment = split_url(base)  # (a path with ";parameters" is not plain)
    except ValueError:
        scheme = netloc = path = ""
    if (scheme not in ("http", "https") or not netloc or not path.startswith("/") or "//" in path
            or _DOT_SEGMENT.search(path) or _NOT_PLAIN.search(path)):
        return lambda h: urljoin(base, h)
    origin = f"{scheme}://{netloc}"
    directory = origin + path[:path.rfind("/") + 1]

    def join(h: str) -> str:
        if not h or _NOT_PLAIN.search(h) or ":" in h or ";" in h or "//" in h or _DOT_SEGMENT.search(h):
            return urljoin(base, h)
        return origin + h if h[0] == "/" else directory + h

    return join
