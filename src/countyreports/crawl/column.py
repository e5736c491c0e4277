"""The report column of a county: found from the homepage (best-first over the links that look like the way
to it), and its list pages walked."""

from __future__ import annotations

import heapq

from countyreports.crawl import discover
from countyreports.crawl.session import CountyCrawl, Got, got_error, host_of
from countyreports.models import Link
from countyreports.registry.divisions import load_divisions
from countyreports.registry.identity import check_identity, site_code_from_html

MAX_DEPTH = 3


def find_column(c: CountyCrawl, max_hops: int) -> tuple[Got | None, str | None, list[Link]]:
    """Best-first search from the homepage for the report column: (page, html, article links seen)."""
    home, html = c.html(c.county.homepage, moves=True)
    if html is None:
        c.warnings.append(f"homepage unreadable: {c.county.homepage} ({got_error(home)})")
        return None, None, []
    if host_of(home.url) and host_of(home.url) not in c.scope:
        c.scope.add(host_of(home.url))
        c.warnings.append(f"homepage moved to {home.url}")
    home_check = check_identity(site_code_from_html(html), c.county, load_divisions())
    if home_check.warning or not home_check.accepted:
        c.warnings.append(f"homepage identity: {home_check.message}")
    seen: list[Link] = list(discover.article_links(html, home.url))
    if discover.is_report_column(html, home.url):
        return home, html, seen
    frontier: list[tuple[float, int, str, int]] = []
    visited = {c.county.homepage, home.url}
    best_depth: dict[str, int] = {}
    counter = 0

    def push(page_html: str, url: str, depth: int) -> None:
        nonlocal counter
        if depth >= MAX_DEPTH:
            return
        for cand in discover.column_candidates(page_html, url, hosts=tuple(c.scope)):
            if cand.url in visited or host_of(cand.url) not in c.scope:
                continue
            if best_depth.get(cand.url, MAX_DEPTH + 1) <= depth + 1:
                continue
            best_depth[cand.url] = depth + 1
            counter += 1
            heapq.heappush(frontier, (-cand.score, counter, cand.url, depth + 1))

    push(html, home.url, 0)
    hops = 0
    while frontier and hops < max_hops:
        _score, _n, url, depth = heapq.heappop(frontier)
        if url in visited:
            continue
        visited.add(url)
        hops += 1
        got, page_html = c.html(url)
        if page_html is None:
            continue
        if discover.is_report_column(page_html, got.url):
            return got, page_html, seen
        push(page_html, got.url, depth)
    return None, None, seen


def walk_list(c: CountyCrawl, first: Got, html: str, max_pages: int, adapters: bool = True) -> tuple[list[Link], bool, bool]:
    """All items of a column's list pages; the flags: every page walked (not cut by `max_pages`), and every
    page walked could be read."""
    items: list[Link] = []
    complete = True
    readable = True
    queue: list[tuple[str, str | None]] = [(first.url, html)]
    done = {first.url}
    while queue:
        url, page_html = queue.pop(0)
        if page_html is None:
            _got, page_html = c.html(url)
            if page_html is None:
                c.warnings.append(f"list page unreadable: {url} ({got_error(_got)})")
                complete = readable = False
                continue
        page = discover.parse_list(page_html, url, hosts=tuple(c.scope), adapters=adapters)
        items.extend(page.items)
        for nxt in page.next_pages:
            if nxt not in done and host_of(nxt) in c.scope:
                if len(done) >= max_pages:
                    complete = False
                    break
                done.add(nxt)
                queue.append((nxt, None))
    return items, complete, readable
