"""The re-parse of a run's counties: their reports rebuilt from the raw archive, without a single request."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass

from countyreports.crawl.county import PENDING, reread_pending
from countyreports.models import County, CountyLoad, PageState, ParsedReport, Report
from countyreports.pipeline.run import CountyOutcome, Run, load_batch, utcnow, writer
from countyreports.reading.document import RawDoc, content_sha256, parse_unless_stored

def reparse_county(run: Run, county: County) -> CountyLoad:
    """Rebuild a county's reports from the raw archive, without a single request.

    The current version of each active report is re-read from its archived bytes and its rows (text, sections,
    indicators, mentions) replaced in place: the same publication read again makes no new version, and no
    crawl date (last_seen, withdrawn_at) moves."""
    return _reparse_finish(run, county, _reparse_start(run, county))


@dataclass
class _Reparse:
    started: dt.datetime
    items: list[tuple[str, list[str], list[str], str | None, Future[tuple[ParsedReport | None, str]]]]
    warnings: list[str]


_Sources = tuple[list[tuple[str, str, list[str], list[str], str | None, str | None, tuple[int, int, int]]],
                 dict[str, str | None]]


def _reparse_sources(run: Run, counties: Sequence[County]) -> dict[str, _Sources]:
    """The report sources and content types of several counties, read in two queries (adcode → both)."""
    with run.lock, writer(run.settings, run.warehouse) as wh:
        sources = wh.report_sources([c.adcode for c in counties], sorted(run.years) if run.years else None)
        ctypes = wh.content_types([s for src in sources for s in src[3]])
    out: dict[str, _Sources] = {c.adcode: ([], ctypes) for c in counties}
    for src in sources:
        out[src[1]][0].append(src)
    return out


def _reparse_start(run: Run, county: County, read: _Sources | None = None) -> _Reparse:
    """Read a county's report sources (unless given) and archived bytes, and start parsing them (in
    `run.parser` if any)."""
    started = utcnow()
    sources, ctypes = read if read is not None else _reparse_sources(run, [county])[county.adcode]
    items: list[tuple[str, list[str], list[str], str | None, Future[tuple[ParsedReport | None, str]]]] = []
    warnings: list[str] = []
    for report_id, _adcode, pages, raws, attachment, stored_sha, stored_rows in sources:
        page_raws = raws[:len(pages)]
        bodies = [run.store.get(sha) for sha in page_raws]
        if not bodies or any(b is None for b in bodies):
            warnings.append(f"{report_id}: archived body missing, not re-parsed")
            continue
        docs = [RawDoc(url, body or b"", ctypes.get(sha))
                for url, sha, body in zip(pages, page_raws, bodies, strict=False)]
        att_doc = None
        if attachment and len(raws) > len(pages):
            att_body = run.store.get(raws[len(pages)])
            if att_body is not None:
                att_doc = RawDoc(attachment, att_body, ctypes.get(raws[len(pages)]))
        images = _archived_images(run, raws[len(pages) + (1 if attachment else 0):])
        # a legacy Word file or a scan: converted / OCR'd (or found in the derived cache) before the parse
        derived = run.files.derive(att_doc, images) if run.files is not None and (att_doc or images) else None
        fut: Future[tuple[ParsedReport | None, str]]
        if run.parser is not None:
            fut = run.parser.submit(parse_unless_stored, docs, att_doc, stored_sha, stored_rows, derived)
        else:
            fut = Future()
            fut.set_result(parse_unless_stored(docs, att_doc, stored_sha, stored_rows, derived))
        items.append((report_id, pages, raws, attachment, fut))
    return _Reparse(started, items, warnings)


def _archived_images(run: Run, shas: list[str]) -> tuple[RawDoc, ...]:
    """The page images of a report made of them (their raw hashes follow the pages' and the attachment's)."""
    bodies = [(sha, run.store.get(sha)) for sha in shas]
    return tuple(RawDoc(f"sha256:{sha}", body) for sha, body in bodies if body is not None)


def _reparse_finish(run: Run, county: County, job: _Reparse) -> CountyLoad:
    reports: list[Report] = []
    warnings = list(job.warnings)
    parsed_pages = same = failed = 0
    for report_id, pages, raws, attachment, fut in job.items:
        try:
            parsed, fp = fut.result()
        except Exception as exc:  # noqa: BLE001 - over its budget, a crashed reader...: the stored rows stand
            failed += 1
            warnings.append(f"{report_id}: re-parse failed ({type(exc).__name__}: {exc}); kept as stored")
            continue
        parsed_pages += len(pages)
        if parsed is None:  # read as it is stored: nothing to write
            same += 1
            continue
        if parsed.report_year is None or f"{county.adcode}-{parsed.report_year}" != report_id:
            warnings.append(f"{report_id}: re-parse reads another year ({parsed.report_year}); kept as is")
            continue
        reports.append(Report(report_id=report_id, county=county, url=pages[0], parsed=parsed,
                              content_sha256=content_sha256(parsed.clean_text), fetched_at=utcnow(),
                              pages=tuple(pages), attachment=attachment, raw_sha256=tuple(raws),
                              parse_sha256=fp))
    known = {item[0] for item in job.items}
    found, states, more = _pending(run, county)
    warnings.extend(more)
    reports.extend(r for r in found if r.report_id not in known)  # (else the stored report stands)
    unread = failed + sum(p.kind == PENDING for p in states)
    outcome = "partial" if unread else "ok" if reports or same or states else "empty"
    return CountyLoad(run_id=run.run_id, adcode=county.adcode, county=county.county, outcome=outcome,
                      error=f"{unread} report(s) or page(s) unreadable" if unread else None, column_url=None,
                      column_hosts=(), reports=tuple(reports), fetches=(), pages=tuple(states),
                      present_report_ids=None, pages_parsed=parsed_pages, warnings=tuple(warnings),
                      started_at=job.started, finished_at=utcnow(), reparse=True, reparse_same=same)


def _pending(run: Run, county: County) -> tuple[list[Report], list[PageState], list[str]]:
    """The county's pending pages (their reading failed, or their fetch) read again from the archive: the
    reports they hold now, their page states, warnings."""
    state = run.states.get(county.adcode, {})
    pending = [p for p in state.get("pages", {}).values()
               if p.kind == PENDING and (run.validators.get(p.url) or (None, None, None))[2]]
    if not pending:
        return [], [], []
    shas = [run.validators[p.url][2] for p in pending]
    with run.lock, writer(run.settings, run.warehouse) as wh:
        ctypes = wh.content_types([s for s in shas if s])
    reports, pages, warnings = reread_pending(county, pending, run.store, run.validators, ctypes,
                                              tuple(state.get("column_hosts", ())), run.parser, run.years,
                                              run.files.derive if run.files is not None else None)
    return reports, pages, list(warnings)


def reparse_counties(run: Run, counties: Sequence[County],
                     on_done: Callable[[CountyOutcome], None] | None = None) -> list[CountyOutcome]:
    """Re-parse counties in order; with `run.parser` (a process pool) a few counties are read ahead so that
    every process has reports to parse while this thread loads the results."""
    results = []
    ahead = 32 * max(1, run.settings.parse_processes) if run.parser is not None else 0
    window: deque[tuple[County, _Reparse]] = deque()
    todo = deque(counties)
    while todo or window:
        if todo and len(window) <= ahead // 2:  # read ahead: the next counties' sources in one go
            chunk = [todo.popleft() for _ in range(min(len(todo), ahead + 1 - len(window)))]
            read = _reparse_sources(run, chunk)
            window.extend((county, _reparse_start(run, county, read[county.adcode])) for county in chunk)
        batch = [window.popleft()]  # and the next ones already parsed, loaded in the same transaction
        while (window and len(batch) < run.settings.load_batch
               and all(item[-1].done() for item in window[0][1].items)):
            batch.append(window.popleft())
        for out in load_batch(run, [_reparse_finish(run, county, job) for county, job in batch]):
            results.append(out)
            if on_done:
                on_done(out)
    return results
