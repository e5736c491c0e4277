"""Crawl one county: find the report column, walk its list pages, read the county's own reports.

Plain functions over a `Fetcher` (HTTP), a `RawStore` (bodies) and the county's crawl state read from the
warehouse beforehand. The result is a `CountyLoad`, loaded by the caller in one transaction. Nothing here
raises for a broken page or host: failures are recorded (the `fetches` rows, `error`, `warnings`).

Incremental runs (the state comes from earlier runs):

* the report column found once is remembered and asked for first (conditional GET); it is searched for again
  from the homepage only when that fails; a county whose search found no column is searched again only when
  its homepage changed or after `search_retry_days` (`crawl.column`);
* when page 1 of the column is unchanged (304, or the same bytes), no further list page is walked and
  known article pages are re-checked only when older than `recheck_days`;
* when page 1 changed, every list page is walked (conditional GET each) and every listed item is
  considered — a back-dated report can appear anywhere — known article pages are re-checked;
* an article page whose bytes are unchanged is not parsed again; a changed one is parsed and the loader
  makes a new version only when the cleaned text changed;
* what could not be read is tried again next run: a list page that failed leaves the column "not ok" (the
  next run walks the whole list even when page 1 is unchanged), an article that failed is kept as a
  `pending` page (asked for again next run, whatever the column says).

An article page that shows no publication date gets its list row's date.

Outcomes: `ok`; `partial` (some article pages could not be read — the reports read are loaded, nothing is
judged withdrawn); `empty` (the column was read and holds no county report: a county with zero reports is a
failure to look at, not a success); `blocked` (the portal answered with an anti-bot challenge or a firewall's
block: try through a proxy); `failed` (homepage or report column unreachable, or a crawler bug).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from typing import Any

from countyreports.crawl.archive import RawStore
from countyreports.crawl.column import ColumnResult, find_column
from countyreports.crawl.discover.endpoints import article_html, endpoints, is_shell
from countyreports.crawl.discover.scope import Scope
from countyreports.crawl.fetch import Fetcher
from countyreports.crawl.session import (
    ArchiveCrawl, CountyCrawl, CrawlOptions, Got, Validators, got_error, host_of, transient, utcnow,
)
from countyreports.models import County, CountyLoad, Link, PageKind, PageState, ParsedReport, Report
from countyreports.reading.classify import classify_title, could_be_county_report
from countyreports.reading.document import (
    RawDoc, content_sha256, fingerprinted, links_of, parse_docs, read_article, read_first,
)
from countyreports.registry.divisions import load_divisions
from countyreports.registry.identity import check_identity

MAX_ARTICLE_PAGES = 12


# -- articles -------------------------------------------------------------------------------------------------

def read_report(c: CountyCrawl, first_got: Got) -> tuple[ParsedReport, tuple[str, ...], str | None,
                                                          tuple[str, ...], str, tuple[str, ...]] | None:
    """Parse a report from its first page (already fetched), its further pages and its attachment — or its page
    images, for an article made of scans: (parsed, page URLs, attachment URL, raw hashes, fingerprint, image
    URLs). A legacy Word attachment or a scan is first given to `c.files` (the attachments edge: converted or
    OCR'd, once per body), whose output the parse reads."""
    if first_got.body is None:
        return None
    # the pages are read (decoded, main text) where they are parsed: in the parse pool when there is one, so this
    # crawl thread only fetches; one round trip for the usual report (one page, no attachment), two otherwise
    first = RawDoc(first_got.url, first_got.body, first_got.fetched.header("content-type"))
    detail = _detail(c, first_got)
    if detail is not None:  # the page as its scripts show it, archived under its own hash (for --reparse)
        first = detail
    raw0 = c.store.put(first.body) if detail is not None else first_got.fetched.sha256 or ""
    if c.parser is not None:
        page_links, att, images, done, first_read = c.parser.submit(read_first, first).result()
    else:
        first_read = read_article(first)
        (page_links, att, images), done = links_of(first_read[0]), None
    if done is not None:
        c.pages_parsed += 1
        return done[0], (first_got.url,), None, (raw0,), done[1], ()
    docs = [first]
    urls = [first_got.url]
    raw = [raw0]
    for extra in page_links[:MAX_ARTICLE_PAGES]:
        if not c.scope.allows(extra) or extra in urls:
            continue
        got = c.get(extra)
        if got.body is None:
            c.warnings.append(f"article page unreadable: {extra}")
            continue
        docs.append(RawDoc(got.url, got.body, got.fetched.header("content-type")))
        urls.append(got.url)
        raw.append(got.fetched.sha256 or "")
    att_doc: RawDoc | None = None
    if att is not None and c.scope.allows(att.url):
        got = c.get(att.url)
        if got.body is not None:
            att_doc = RawDoc(got.url, got.body, got.fetched.header("content-type"))
            raw.append(got.fetched.sha256 or "")
        else:
            c.warnings.append(f"attachment unreadable: {att.url}")
    image_docs: list[RawDoc] = []
    for url in images:  # (document.wanted_images: only for an article made of them, at most MAX_PAGE_IMAGES)
        got = c.get(url) if c.scope.allows(url) else None
        if got is None or got.body is None:
            c.warnings.append(f"page image unreadable: {url}")
            continue
        image_docs.append(RawDoc(got.url, got.body, got.fetched.header("content-type")))
        raw.append(got.fetched.sha256 or "")
    derived = c.files(att_doc, tuple(image_docs)) if c.files is not None and (att_doc or image_docs) else None
    if c.parser is not None:  # pure function: parsed in another process while this thread waits
        parsed, fp = c.parser.submit(fingerprinted, parse_docs, docs, att_doc, first_read, derived).result()
    else:
        parsed, fp = fingerprinted(parse_docs, docs, att_doc, first_read, derived)
    c.pages_parsed += len(docs)
    return (parsed, tuple(urls), (att_doc.url if att_doc else None), tuple(raw), fp,
            tuple(d.url for d in image_docs))


def _detail(c: CountyCrawl, got: Got) -> RawDoc | None:
    """An article page that is a script shell: its article as its detail endpoint answers it (one request),
    written as the page a browser shows (`endpoints.article_html`); None for an ordinary page."""
    text = (got.body or b"").decode("utf-8", "replace")
    if not is_shell(text):
        return None
    for url in endpoints(text, got.url, frozenset(c.scope.entries())):
        answer = c.get(url)
        html = article_html(answer.body.decode("utf-8", "replace")) if answer.body is not None else None
        if html is not None:
            return RawDoc(got.url, html.encode(), "text/html; charset=utf-8")
    return None


def _due(state: PageState | None, opts: CrawlOptions, now: dt.datetime) -> bool:
    if state is None or state.last_checked is None:
        return True
    return now - state.last_checked >= dt.timedelta(days=opts.recheck_days)


@dataclass
class Found:
    report: Report
    in_column: bool


PENDING = "pending"  # page state of an article that could not be read: asked for again next run


def read_page(c: CountyCrawl, link: Link, got: Got, now: dt.datetime,
              years: frozenset[int] | None = None) -> tuple[PageState, Report | None]:
    """Read an article page fetched (its further pages and attachment too) as a report of the county: its page
    state and, when it is one of the county's reports (of `years`, if given), the report. Raises what its
    reading raised (countyreports.errors.SandboxError when the parse process gave up on it)."""
    county = c.county
    read = read_report(c, got)
    if read is None:
        return PageState(link.url, county.adcode, PENDING, link.text, None, None, None, "no body"), None
    parsed, urls, att_url, raw, fp, image_urls = read
    kind = classify_title(parsed.title or link.text, county.county)
    if kind is not PageKind.COUNTY_REPORT or parsed.report_year is None:
        return PageState(link.url, county.adcode, str(kind), parsed.title, None, None, now), None
    identity = check_identity(parsed.site_id_code, county, load_divisions())
    if not identity.accepted:  # a page of another county's site: never loaded as this county's
        c.warnings.append(f"{link.url}: {identity.message}; not loaded")
        return PageState(link.url, county.adcode, "foreign", parsed.title, None, None, now), None
    if parsed.published is None and link.date is not None:  # the list row's date, when the page has none
        parsed = replace(parsed, published=link.date)
    rid = f"{county.adcode}-{parsed.report_year}"
    sha = content_sha256(parsed.clean_text)
    page = PageState(link.url, county.adcode, str(kind), parsed.title, rid, sha, now)
    if years is not None and parsed.report_year not in years:
        return page, None
    return page, Report(report_id=rid, county=county, url=urls[0], parsed=parsed, content_sha256=sha,
                        fetched_at=now, pages=urls, attachment=att_url, raw_sha256=raw, parse_sha256=fp,
                        images=image_urls)


def unread_page(c: CountyCrawl, link: Link, report_id: str | None, now: dt.datetime,
                exc: BaseException) -> PageState:
    """The page state of an article page whose reading failed: pending (read again next run and by
    `--reparse`), with why; the county's warnings say it too."""
    why = f"{type(exc).__name__}: {exc}"
    c.warnings.append(f"article unreadable: {link.url} ({why})")
    return PageState(link.url, c.county.adcode, PENDING, link.text, report_id, None, now, why)


def reread_pending(county: County, pending: list[PageState], store: RawStore, validators: Validators,
                   content_types: dict[str, str | None], hosts: tuple[str, ...], parser: Executor | None,
                   years: frozenset[int] | None = None,
                   files: Callable[..., Any] | None = None) -> tuple[list[Report], list[PageState], list[str]]:
    """The county's pending pages read again from the raw archive, without a request (`--reparse`): each one's
    new page state, the reports read (of `years`, if given), and the warnings. A page the archive does not hold
    is left as it is (the next harvest asks for it); one that still cannot be read stays pending, with why."""
    scope = Scope.of(county.homepage, hosts)
    for p in pending:
        scope.add_host(host_of(p.url))
    c = ArchiveCrawl(county, None, store, validators, scope, parser=parser, files=files,
                     content_types=content_types)
    now = utcnow()
    reports: list[Report] = []
    states: list[PageState] = []
    for p in pending:
        got = c.get(p.url)
        if got.body is None:
            continue
        link = Link(p.url, p.title or "")
        try:
            page, rep = read_page(c, link, got, now, years)
        except Exception as exc:  # noqa: BLE001 - recorded, as in a crawl
            page, rep = unread_page(c, link, p.report_id, now, exc), None
        states.append(page)
        if rep is not None:
            reports.append(rep)
    return reports, states, c.warnings


def crawl_county(county: County, fetcher: Fetcher, store: RawStore, state: dict[str, Any],
                 validators: Validators, run_id: str, opts: CrawlOptions | None = None) -> CountyLoad:
    """Crawl one county; never raises for a portal problem (the outcome says what happened)."""
    opts = opts or CrawlOptions()
    started = utcnow()
    known_pages: dict[str, PageState] = state.get("pages", {})
    c = CountyCrawl(county, fetcher, store, validators, Scope.of(county.homepage, state.get("column_hosts", ())),
                    parser=opts.parser, files=opts.files)
    error: str | None = None
    column_url: str | None = None
    found: dict[str, Found] = {}
    page_states: list[PageState] = []
    present: set[str] | None = None
    seen_ids: set[str] = set()  # reports confirmed on the portal by this crawl
    unreadable: list[str] = []  # article pages that could not be read (transient failures)
    list_readable = True
    col: ColumnResult | None = None
    try:
        col = find_column(c, opts, state)
        seen = list(col.seen)
        if col.column_url is None:
            error = col.error or "report column not found"
            items: list[Link] = []
            list_changed = True
            complete = False
        else:
            column_url = col.column_url
            list_changed = col.walked  # not walked: page 1 unchanged, and last time's list was read whole
            if list_changed:
                items, complete, list_readable = list(col.items), col.complete, col.readable
            else:
                items = [Link(u, p.title or "") for u, p in known_pages.items() if p.kind != "skipped"]
                complete = False
        in_column = {i.url for i in items}
        now = utcnow()
        candidates: dict[str, Link] = {}
        for link in [*items, *seen]:
            if link.url not in candidates and c.scope.allows(link.url):
                candidates[link.url] = link
            elif link.date and link.url in candidates and not candidates[link.url].date:
                candidates[link.url] = replace(candidates[link.url], date=link.date)
        present = set()
        for link in candidates.values():
            known = known_pages.get(link.url)
            if known is not None and known.kind == PENDING:
                known = None  # never read: judged again like a new link
            if known is None and not could_be_county_report(link.text, county.county):
                page_states.append(PageState(link.url, county.adcode, "skipped", link.text, None, None))
                continue
            if known is not None and known.kind != str(PageKind.COUNTY_REPORT):
                page_states.append(replace(known, last_checked=None))
                continue
            if known is not None and not list_changed and not _due(known, opts, now):
                if known.report_id:
                    present.add(known.report_id)
                    seen_ids.add(known.report_id)
                page_states.append(replace(known, last_checked=None))
                continue
            got = c.get(link.url)
            if got.body is None:
                gone = got.fetched.status in (404, 410)
                if known is not None and not gone:
                    c.warnings.append(f"known article unreadable: {link.url} ({got_error(got)})")
                    if known.report_id:  # a transient failure is not a withdrawal
                        present.add(known.report_id)
                elif known is None:
                    c.warnings.append(f"article unreadable: {link.url} ({got_error(got)})")
                    if transient(got.fetched):  # 404, too large, redirect loop...: not worth a retry
                        unreadable.append(link.url)
                        page_states.append(PageState(link.url, county.adcode, PENDING, link.text, None, None,
                                                     None, got_error(got)))
                continue
            if got.unchanged and known is not None and known.report_id:
                present.add(known.report_id)
                seen_ids.add(known.report_id)
                page_states.append(replace(known, last_checked=now))
                continue
            try:
                page, rep = read_page(c, link, got, now, opts.years)
            except Exception as exc:  # noqa: BLE001 - its reading failed (over budget, crashed...): recorded
                rid = known_pages[link.url].report_id if link.url in known_pages else None
                page, rep = unread_page(c, link, rid, now, exc), None
                unreadable.append(link.url)
                if rid:  # a page that cannot be read now is not a withdrawal
                    present.add(rid)
            page_states.append(page)
            if page.report_id and page.kind != PENDING:
                present.add(page.report_id)
                seen_ids.add(page.report_id)
            if rep is not None:
                _fold(found, Found(rep, link.url in in_column))
        if not (list_changed and complete) or unreadable:
            present = None  # the whole list was not read: nothing can be judged withdrawn
    except Exception as exc:  # a bug or an unexpected page must not stop the run: record it
        error = f"{type(exc).__name__}: {exc}"
        present = None
    reports = tuple(f.report for f in found.values())
    known_reports = {p.report_id for p in known_pages.values() if p.report_id}
    if col is not None and col.blocked:
        outcome = "blocked"
    elif error:
        outcome = "failed"
    elif unreadable:
        outcome = "partial"
        error = f"{len(unreadable)} article page(s) unreadable, tried again next run"
    elif reports or (present or known_reports):
        outcome = "ok"
    else:
        outcome = "empty"
    if present is not None and opts.years is not None:
        present |= {r for r in known_reports if int(r.rsplit("-", 1)[1]) not in opts.years}
    return CountyLoad(
        run_id=run_id, adcode=county.adcode, county=county.county, outcome=outcome, error=error,
        column_url=column_url, column_hosts=c.scope.entries(), reports=reports,
        fetches=tuple(c.fetches), pages=tuple(page_states),
        present_report_ids=frozenset(present) if present is not None and outcome == "ok" else None,
        pages_parsed=c.pages_parsed, warnings=tuple(c.warnings), started_at=started, finished_at=utcnow(),
        list_complete=list_readable, seen_report_ids=frozenset(seen_ids),
        searched=bool(col and col.searched), search_tried=col.tried if col else ())


def without_bodies(load: CountyLoad) -> CountyLoad:
    """Bodies are in the raw archive already; keep only their sizes (what is held in memory or sent between
    processes until the load)."""
    fetches = tuple((a, replace(f, body=None, size=len(f.body) if f.body is not None else f.size))
                    for a, f in load.fetches)
    return replace(load, fetches=fetches)


def failed_load(run_id: str, county: County, error: str) -> CountyLoad:
    """The result of a county that could not be crawled at all (nothing read: nothing judged withdrawn)."""
    now = utcnow()
    return CountyLoad(run_id=run_id, adcode=county.adcode, county=county.county, outcome="failed", error=error,
                      column_url=None, column_hosts=(), reports=(), fetches=(), pages=(), present_report_ids=None,
                      pages_parsed=0, warnings=(), started_at=now, finished_at=now, list_complete=False)


def _fold(found: dict[str, Found], new: Found) -> None:
    """Two articles carrying the same report: keep the one in the report column, then the earlier one."""
    old = found.get(new.report.report_id)
    if old is None:
        found[new.report.report_id] = new
        return

    def key(f: Found) -> tuple[int, dt.date, str]:
        return (0 if f.in_column else 1, f.report.parsed.published or dt.date.max, f.report.url)

    keep, other = (old, new) if key(old) <= key(new) else (new, old)
    dups = tuple(u for u in dict.fromkeys([*keep.report.duplicates, other.report.url, *other.report.duplicates])
                 if u != keep.report.url)  # two links redirecting to one page are not a repost
    found[new.report.report_id] = Found(replace(keep.report, duplicates=dups), keep.in_column)
