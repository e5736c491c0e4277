"""One county's crawl session: the fetcher, the raw archive and the validators seen before, the host scope,
and every exchange made (the `fetches` rows). `CountyCrawl.get` asks conditionally when an archived copy is
known and hands back the bytes, fresh or from the archive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from countyreports.crawl.archive import RawStore
from countyreports.crawl.discover.scope import Scope
from countyreports.crawl.fetch import ERR_CONNECT, ERR_HOST_FAILED, ERR_NETWORK, ERR_TIMEOUT, Fetcher
from countyreports.models import County, Derived, Fetched
from countyreports.text.decode import decode_html

Validators = dict[str, tuple[str | None, str | None, str | None]]


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    search_budget: int = 30  # pages fetched at most while searching for the report column
    max_list_pages: int = 40
    recheck_days: int = 30
    search_retry_days: int = 7  # a failed search is made again after this many days (or a changed homepage)
    adapters: bool = True  # the CMS-family adapters (False: the generic reader alone)
    years: frozenset[int] | None = None  # load only reports on these years (backfill)
    parser: Executor | None = None  # where parse_report runs (a process pool); None: in this thread
    # what converts legacy Word files and OCRs scans, `derive(attachment, images) -> Derived | None`
    # (countyreports.attachments, given by the pipeline); None: such reports are loaded as unreadable / needs_ocr
    files: Callable[..., Derived | None] | None = None


@dataclass(frozen=True, slots=True)
class Got:
    """A page as the crawler sees it: the exchange, the bytes (fresh or from the archive), and whether they
    are the same bytes as last time."""

    fetched: Fetched
    body: bytes | None
    unchanged: bool

    @property
    def url(self) -> str:
        return self.fetched.final_url or self.fetched.url


@dataclass
class CountyCrawl:
    """Mutable working state of one county's crawl (never leaves the crawl package)."""

    county: County
    fetcher: Fetcher | None  # (None: an ArchiveCrawl, which asks nothing)
    store: RawStore
    validators: Validators
    scope: Scope
    fetches: list[tuple[str, Fetched]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages_parsed: int = 0
    parser: Executor | None = None
    files: Callable[..., Any] | None = None

    def get(self, url: str, *, moves: bool = False, allow: str = "") -> Got:
        """Fetch (conditionally when an archived copy is known) and return the bytes; `allow`: a host outside
        the scope this one request may go to."""
        etag = lm = None
        known = self.validators.get(url)
        if known and known[2] and self.store.has(known[2]):
            etag, lm = known[0], known[1]
        assert self.fetcher is not None
        scope = self.scope.entries() + ((allow,) if allow else ())
        f = self.fetcher.get(url, scope=scope, etag=etag, last_modified=lm, follow_host_moves=moves)
        self.fetches.append((self.county.adcode, f))
        if f.not_modified and known and known[2]:
            return Got(f, self.store.get(known[2]), True)
        if f.body is not None and f.ok:
            self.store.put(f.body, f.sha256)
            same = bool(known and known[2] == f.sha256)
            return Got(f, f.body, same)
        return Got(f, None, False)

    def html(self, url: str, *, moves: bool = False, allow: str = "") -> tuple[Got, str | None, str]:
        """The page as text, and the charset it was decoded with."""
        got = self.get(url, moves=moves, allow=allow)
        if got.body is None:
            return got, None, "utf-8"
        decoded = decode_html(got.body, got.fetched.header("content-type"))
        return got, decoded.text, decoded.encoding


@dataclass
class ArchiveCrawl(CountyCrawl):
    """A county's crawl session that asks nothing: every page is the body the archive holds for its URL (the
    last 200 answer's, by the validators), as a 304 would give it — for reading pages again from the archive
    (`--reparse`). `content_types`: raw SHA-256 → Content-Type of the answer that brought it."""

    content_types: dict[str, str | None] = field(default_factory=dict)

    def get(self, url: str, *, moves: bool = False) -> Got:
        known = self.validators.get(url)
        sha = known[2] if known else None
        body = self.store.get(sha) if sha else None
        ctype = self.content_types.get(sha or "")
        f = Fetched(url=url, final_url=url, status=304 if body is not None else 0,
                    headers=(("Content-Type", ctype),) if ctype else (), body=None, sha256=sha,
                    fetched_at=dt.datetime.now(dt.UTC), error=None if body is not None else "not-archived",
                    not_modified=body is not None)
        return Got(f, body, body is not None)


_TRANSIENT_ERRORS = frozenset({ERR_TIMEOUT, ERR_CONNECT, ERR_NETWORK, ERR_HOST_FAILED})


def transient(f: Fetched) -> bool:
    """A failure worth asking again next run (the server or the network, not the page)."""
    return f.error in _TRANSIENT_ERRORS or f.status == 429 or f.status >= 500


def got_error(got: Got) -> str:
    f = got.fetched
    return f.error or (f"http-{f.status}" if f.status else "no body")
