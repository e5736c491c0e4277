"""Crawl planning for discovery: a small, pure state machine (no I/O).

    walk = ColumnWalk("http://www.xiangning.gov.cn/")
    while (url := walk.next_url()) is not None:
        response = fetch(url)                       # the caller's fetcher (retries, robots, ...)
        walk.feed(url, text_or_None, final_url=response.final_url, status=response.status)
    walk.column_url, walk.items, walk.articles_seen, walk.requests

Phases: FIND (best-first over column candidates, depth ≤ max_depth, hosts in scope) → LIST
(the column's list pages: page 1, then `next_pages`, deduplicated and capped) → DONE.

Scope: the homepage host, plus the host the homepage request ends on after redirects (a moved
site: www.shexian.gov.cn → www.shexian.huangshan.gov.cn), plus `extra_hosts`. A later request
that lands outside the scope is dropped. A dead homepage (5xx / no answer) ends the walk.

Besides the column's items, `articles_seen` keeps the article-like links of the pages walked on
the way (homepage news blocks, parent columns): a report that is only linked from the homepage
or from another column is not lost; the title classifier decides what they are.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from countyreports.models import Link, ListPage

from . import MIN_SCORE, article_links, column_candidates, is_report_column, parse_list
from . import common as c
from . import keywords as k

MAX_DEPTH = 3
MAX_FIND_REQUESTS = 8
MAX_LIST_PAGES = 30


class Phase(StrEnum):
    FIND = "find"
    LIST = "list"
    DONE = "done"


@dataclass
class ColumnWalk:
    homepage: str
    max_depth: int = MAX_DEPTH
    max_find_requests: int = MAX_FIND_REQUESTS
    max_list_pages: int = MAX_LIST_PAGES
    extra_hosts: tuple[str, ...] = ()

    phase: Phase = Phase.FIND
    hosts: set[str] = field(default_factory=set)
    column_url: str | None = None
    list_pages: list[ListPage] = field(default_factory=list)
    articles_seen: dict[str, Link] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    failed: list[tuple[str, int]] = field(default_factory=list)
    stop_reason: str = ""

    _frontier: list[tuple[int, int, int, str]] = field(default_factory=list)  # (-score, depth, seq, url)
    _depth: dict[str, int] = field(default_factory=dict)
    _queued: set[str] = field(default_factory=set)
    _list_queue: list[str] = field(default_factory=list)
    _list_seen: set[str] = field(default_factory=set)
    _pending: str | None = None
    _seq: itertools.count = field(default_factory=itertools.count)
    _find_requests: int = 0

    def __post_init__(self) -> None:
        self.hosts = {c.host_of(self.homepage), *self.extra_hosts}
        self._push(self.homepage, 10_000, 0)

    # ------------------------------------------------------------------ requests

    def next_url(self) -> str | None:
        """The next URL to fetch, or None when the walk is over."""
        if self._pending is not None:
            return self._pending
        if self.phase is Phase.FIND:
            while self._frontier and self._find_requests < self.max_find_requests:
                _, depth, _, url = heapq.heappop(self._frontier)
                self._pending = url
                self._find_requests += 1
                self.requests.append(url)
                return url
            self._finish("column not found" if self._frontier == [] else "find budget spent")
            return None
        if self.phase is Phase.LIST:
            while self._list_queue:
                url = self._list_queue.pop(0)
                if len(self.list_pages) + 1 > self.max_list_pages:
                    break
                self._pending = url
                self.requests.append(url)
                return url
            self._finish("column walked")
        return None

    def feed(self, url: str, html: str | None, *, final_url: str | None = None, status: int = 200) -> None:
        """The answer to the URL last returned by `next_url` (html None when there was none)."""
        if url != self._pending:
            raise ValueError(f"feed() for {url!r} but the pending request is {self._pending!r}")
        self._pending = None
        final = final_url or url
        if url == self.homepage and final != url:
            self.hosts.add(c.host_of(final))  # the homepage redirects to the county's real host
        ok = html is not None and 200 <= status < 300 and c.same_site(final, self.hosts)
        if not ok:
            self.failed.append((url, status))
            if url == self.homepage:
                self._finish(f"homepage unavailable ({status})")
            return
        if self.phase is Phase.FIND:
            self._on_find_page(url, final, html)
        elif self.phase is Phase.LIST:
            self._on_list_page(final, html)

    # ------------------------------------------------------------------ results

    @property
    def find_requests(self) -> int:
        """Requests spent before the column was found (or in vain)."""
        return self._find_requests

    @property
    def done(self) -> bool:
        return self.phase is Phase.DONE

    @property
    def items(self) -> tuple[Link, ...]:
        """Union of the column's entries over its list pages (first occurrence kept)."""
        return c.dedupe(i for p in self.list_pages for i in p.items)

    @property
    def candidates(self) -> tuple[Link, ...]:
        """Column items, then article links seen on the way that are not among them."""
        return c.dedupe([*self.items, *self.articles_seen.values()])

    # ------------------------------------------------------------------ internals

    def _push(self, url: str, score: int, depth: int) -> None:
        if url in self._queued:
            return
        self._queued.add(url)
        self._depth[url] = depth
        heapq.heappush(self._frontier, (-score, depth, next(self._seq), url))

    def _finish(self, reason: str) -> None:
        self.phase = Phase.DONE
        self.stop_reason = self.stop_reason or reason
        self._frontier.clear()
        self._list_queue.clear()

    def _on_find_page(self, url: str, final: str, html: str) -> None:
        depth = self._depth.get(url, 0)
        self._queued.add(final)
        if depth > 0 and is_report_column(html, final):
            self.column_url = final
            self.phase = Phase.LIST
            self._list_seen.add(final)
            self._on_list_page(final, html)
            return
        hosts = tuple(self.hosts)
        for link in article_links(html, final, hosts=hosts):
            self.articles_seen.setdefault(link.url, link)
        if depth >= self.max_depth:
            return
        for cand in column_candidates(html, final, hosts=hosts):
            if cand.score >= MIN_SCORE and c.same_site(cand.url, self.hosts):
                self._push(cand.url, cand.score, depth + 1)

    def _on_list_page(self, final: str, html: str) -> None:
        page = parse_list(html, final, hosts=tuple(self.hosts))
        self.list_pages.append(page)
        nexts = list(page.next_pages)
        if not page.items and final == self.column_url:
            # a column whose page only links its sub-columns (e.g. one per year): walk those
            col = c.column_dir(final)
            nexts += [s.url for s in column_candidates(html, final, hosts=tuple(self.hosts))
                      if s.url.startswith(col)]
            nexts += _year_subcolumns(html, final, tuple(self.hosts))
        for u in nexts:
            if u not in self._list_seen and c.same_site(u, self.hosts):
                self._list_seen.add(u)
                self._list_queue.append(u)


def _year_subcolumns(html: str, url: str, hosts: tuple[str, ...]) -> list[str]:
    tree = c.parse(html)
    out = []
    for a, u in c.anchors(tree, c.base_url(tree, url)):
        text = c.clean(a.text())
        if (
            k.YEAR_RE.search(text)
            and len(text) <= 10
            and c.same_site(u, {c.host_of(url), *hosts})
            and not c.is_article_url(u)
            and not c.is_attachment(u)
            and not c.in_excluded_container(a)
            and urlsplit(u).path != urlsplit(url).path
        ):
            out.append(u)
    return out
