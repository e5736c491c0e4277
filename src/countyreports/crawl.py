"""Crawl one county: find the report column, walk its list pages, read the county's own reports.

Plain functions over a `Fetcher` (HTTP), a `RawStore` (bodies) and the county's crawl state read from the
warehouse beforehand. The result is a `CountyLoad`, loaded by the caller in one transaction. Nothing here
raises for a broken page or host: failures are recorded (the `fetches` rows and `error`/`warnings`).
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from countyreports import discover
from countyreports.classify import classify_title, could_be_county_report
from countyreports.document import RawDoc, content_sha256, parse_report, read_article, wanted_attachment
from countyreports.fetch import Fetcher
from countyreports.models import Article, County, Fetched, Link, PageKind, ParsedReport, Report
from countyreports.store import RawStore
from countyreports.warehouse import CountyLoad, PageState

MAX_ARTICLE_PAGES = 12


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@dataclass
class CountyCrawl:
    """Mutable working state of one county's crawl (never crosses a module boundary)."""

    county: County
    fetcher: Fetcher
    store: RawStore
    validators: dict[str, tuple[str | None, str | None, str | None]]
    scope: set[str]
    run_id: str
    fetches: list[tuple[str, Fetched]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages_parsed: int = 0

    def get(self, url: str, *, moves: bool = False) -> tuple[Fetched, bytes | None]:
        """Fetch (conditionally when validators are known) and return the exchange and the body."""
        etag = lm = None
        known = self.validators.get(url)
        if known and known[2] and self.store.has(known[2]):
            etag, lm = known[0], known[1]
        f = self.fetcher.get(url, scope=frozenset(self.scope), etag=etag, last_modified=lm,
                             follow_host_moves=moves)
        self.fetches.append((self.county.adcode, f))
        if f.not_modified and known and known[2]:
            return f, self.store.get(known[2])
        if f.body is not None and f.ok:
            self.store.put(f.body, f.sha256)
            return f, f.body
        return f, None

    def page(self, url: str, *, moves: bool = False) -> tuple[Fetched, str | None, RawDoc | None]:
        f, body = self.get(url, moves=moves)
        if body is None:
            return f, None, None
        doc = RawDoc(f.final_url or url, body, f.header("content-type"))
        from countyreports.decode import decode_html

        return f, decode_html(body, doc.content_type).text, doc


def _find_column(c: CountyCrawl, max_hops: int) -> tuple[str | None, str | None, list[Link]]:
    """Best-first search from the homepage for the report column. Returns (url, html, links seen on the way)."""
    f, html, _doc = c.page(c.county.homepage, moves=True)
    if html is None:
        return None, None, []
    home_host = host_of(f.final_url)
    if home_host and home_host not in c.scope:
        c.scope.add(home_host)
        c.warnings.append(f"homepage moved to {f.final_url}")
    seen_links: list[Link] = list(discover.article_links(html, f.final_url))
    if discover.is_report_column(html, f.final_url):
        return f.final_url, html, seen_links
    frontier: list[tuple[float, int, str, int]] = []
    visited = {c.county.homepage, f.final_url}
    counter = 0

    def push(page_html: str, url: str, depth: int) -> None:
        nonlocal counter
        for cand in discover.column_candidates(page_html, url):
            if cand.url in visited or host_of(cand.url) not in c.scope:
                continue
            counter += 1
            heapq.heappush(frontier, (-cand.score, counter, cand.url, depth + 1))

    push(html, f.final_url, 0)
    hops = 0
    while frontier and hops < max_hops:
        _score, _n, url, depth = heapq.heappop(frontier)
        if url in visited or depth > 3:
            continue
        visited.add(url)
        hops += 1
        f2, page_html, _ = c.page(url)
        if page_html is None:
            continue
        final = f2.final_url or url
        if discover.is_report_column(page_html, final):
            return final, page_html, seen_links
        push(page_html, final, depth)
    return None, None, seen_links


def _walk_list(c: CountyCrawl, url: str, html: str, max_pages: int) -> list[Link]:
    items: list[Link] = []
    queue = [url]
    done = {url}
    page_html: str | None = html
    while queue:
        current = queue.pop(0)
        if page_html is None:
            _f, page_html, _ = c.page(current)
            if page_html is None:
                c.warnings.append(f"list page unreadable: {current}")
                continue
        lp = discover.parse_list(page_html, current)
        items.extend(lp.items)
        for nxt in lp.next_pages:
            if nxt not in done and len(done) < max_pages and host_of(nxt) in c.scope:
                done.add(nxt)
                queue.append(nxt)
        page_html = None
    return items


def _read_report(c: CountyCrawl, link: Link) -> tuple[ParsedReport, Article, tuple[str, ...], str | None,
                                                      tuple[str, ...]] | None:
    f, html, doc = c.page(link.url)
    if html is None or doc is None:
        return None
    first, encoding = read_article(doc)
    pages = [first]
    urls = [doc.url]
    raw = [f.sha256 or ""]
    for extra in first.page_links[:MAX_ARTICLE_PAGES]:
        if host_of(extra) not in c.scope or extra in urls:
            continue
        f2, html2, doc2 = c.page(extra)
        if doc2 is None:
            c.warnings.append(f"article page unreadable: {extra}")
            continue
        pages.append(read_article(doc2)[0])
        urls.append(doc2.url)
        raw.append(f2.sha256 or "")
    att_doc: RawDoc | None = None
    att = wanted_attachment(first)
    if att is not None and host_of(att.url) in c.scope:
        fa, body = c.get(att.url)
        if body is not None:
            att_doc = RawDoc(fa.final_url or att.url, body, fa.header("content-type"))
            raw.append(fa.sha256 or "")
        else:
            c.warnings.append(f"attachment unreadable: {att.url}")
    parsed = parse_report(pages, att_doc, encoding)
    c.pages_parsed += len(pages)
    return parsed, first, tuple(urls), (att_doc.url if att_doc else None), tuple(raw)


def crawl_county(county: County, fetcher: Fetcher, store: RawStore, state: dict[str, Any],
                 validators: dict[str, tuple[str | None, str | None, str | None]], run_id: str,
                 *, max_column_hops: int = 6, max_list_pages: int = 40) -> CountyLoad:
    """Crawl one county; never raises for a portal problem (the outcome says what happened)."""
    started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    scope = {host_of(county.homepage), *state.get("column_hosts", ())}
    c = CountyCrawl(county, fetcher, store, validators, scope, run_id)
    error: str | None = None
    column_url: str | None = None
    reports: dict[str, tuple[Report, bool]] = {}
    page_states: list[PageState] = []
    try:
        column_url, column_html, seen = None, None, []
        remembered = state.get("column_url")
        if remembered:
            _f, column_html, _ = c.page(remembered)
            column_url = remembered if column_html is not None else None
        if column_url is None or column_html is None:
            column_url, column_html, seen = _find_column(c, max_column_hops)
        if column_url is None or column_html is None:
            error = "report column not found"
        items = _walk_list(c, column_url, column_html, max_list_pages) if column_url and column_html else []
        in_column = {i.url for i in items}
        candidates: dict[str, Link] = {}
        for link in [*items, *seen]:
            if link.url not in candidates and host_of(link.url) in c.scope:
                candidates[link.url] = link
        for link in candidates.values():
            if not could_be_county_report(link.text, county.county):
                page_states.append(PageState(link.url, county.adcode, "skipped", link.text, None, None))
                continue
            got = _read_report(c, link)
            if got is None:
                continue
            parsed, article, urls, att_url, raw = got
            kind = classify_title(parsed.title or link.text, county.county)
            if kind is not PageKind.COUNTY_REPORT or parsed.report_year is None:
                page_states.append(PageState(link.url, county.adcode, str(kind), parsed.title, None, None))
                continue
            rid = f"{county.adcode}-{parsed.report_year}"
            sha = content_sha256(parsed.clean_text)
            rep = Report(report_id=rid, county=county, url=urls[0], parsed=parsed, content_sha256=sha,
                         fetched_at=dt.datetime.now(dt.UTC).replace(tzinfo=None), pages=urls,
                         attachment=att_url, raw_sha256=raw)
            page_states.append(PageState(link.url, county.adcode, str(kind), parsed.title, rid, sha))
            prev = reports.get(rid)
            mine = (rep, link.url in in_column)
            if prev is None:
                reports[rid] = mine
            else:
                keep, other = _prefer(prev, mine)
                reports[rid] = (_with_duplicate(keep[0], other[0].url), keep[1])
    except Exception as exc:  # a bug or an unexpected page must not stop the run: record it
        error = f"{type(exc).__name__}: {exc}"
    outcome = "failed" if error else ("ok" if reports else "empty")
    if error and reports:
        outcome = "failed"
    hosts = tuple(sorted(c.scope))
    return CountyLoad(
        run_id=run_id, adcode=county.adcode, county=county.county, outcome=outcome, error=error,
        column_url=column_url, column_hosts=hosts, reports=tuple(r for r, _ in reports.values()),
        fetches=tuple(c.fetches), pages=tuple(page_states),
        present_report_ids=frozenset(reports) if outcome == "ok" else None,
        pages_parsed=c.pages_parsed, warnings=tuple(c.warnings), started_at=started,
        finished_at=dt.datetime.now(dt.UTC).replace(tzinfo=None))


def _prefer(a: tuple[Report, bool], b: tuple[Report, bool]) -> tuple[tuple[Report, bool], tuple[Report, bool]]:
    """Of two articles carrying the same report, keep the one in the report column, then the earlier one."""
    def key(x: tuple[Report, bool]) -> tuple[int, dt.date, str]:
        return (0 if x[1] else 1, x[0].parsed.published or dt.date.max, x[0].url)
    return (a, b) if key(a) <= key(b) else (b, a)


def _with_duplicate(rep: Report, dup_url: str) -> Report:
    from dataclasses import replace

    return replace(rep, duplicates=tuple(dict.fromkeys([*rep.duplicates, dup_url])))
