"""The harvest as plain functions (no Prefect): open a run, crawl counties, load each, close the run.

Counties are crawled in a thread pool (`settings.workers`); politeness per host lives in the fetcher. The
parse step (pure functions) runs in `settings.parse_processes` processes when set, so parsing uses every core.
With `settings.crawl_processes` the crawl and its parsing run in crawler processes instead (`crawlers`), and
this process only loads.
Every county's result is loaded by the single writer as soon as it is ready — the counties ready together in
one short transaction (at most `settings.load_batch`) — so a crash loses at most the counties in flight, and
re-running yields the same warehouse (loads are idempotent).
flows/ composes these same functions into Prefect tasks (one task per batch of counties).

Two writer modes: `hold_writer=True` (default) keeps one DuckDB connection for the run; `hold_writer=False`
opens the file for each county's load only (waiting while another process holds it), so several worker
processes can harvest shards of the registry into one warehouse.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from countyreports.crawl import CrawlOptions, crawl_county, without_bodies
from countyreports.crawlers import CrawlerPool, CrawlJob, merge_stats
from countyreports.document import RawDoc, content_sha256, parse_unless_stored
from countyreports.errors import WarehouseBusy
from countyreports.fetch import Fetcher
from countyreports.models import County, ParsedReport, Report
from countyreports.politeness import FetchSettings
from countyreports.registry import Registry, read_registry
from countyreports.settings import Settings
from countyreports.store import RawStore
from countyreports.warehouse import CountyLoad, LoadStats, Warehouse

BUNDLED_REGISTRY = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "portal" / "counties.csv"
ROBOTS_MAX_AGE = dt.timedelta(hours=24)
WRITER_WAIT_S = 600.0
BATCH_FILL_S = 0.5  # how long the writer waits for more finished counties to load together (load_batch > 1)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class CountyOutcome:
    """What one county's crawl and load gave (for logs, artifacts and the CLI)."""

    adcode: str
    county: str
    outcome: str
    error: str | None
    reports_found: int
    new_reports: int
    new_versions: int
    requests: int
    warnings: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass
class Run:
    """An open run: the writer (or how to open it), the fetcher and the counters."""

    run_id: str
    kind: str
    settings: Settings
    fetcher: Fetcher
    store: RawStore
    started_at: dt.datetime
    states: dict[str, dict[str, Any]]
    validators: dict[str, tuple[str | None, str | None, str | None]]
    warehouse: Warehouse | None = None  # None: open per load (several processes share the file)
    years: frozenset[int] | None = None
    outcomes: list[CountyOutcome] = field(default_factory=list)
    registry_errors: tuple[str, ...] = ()
    lock: threading.Lock = field(default_factory=threading.Lock)
    # the run's crawl threads (`workers`), shared by every harvest_counties call of the run: flow batches that
    # run concurrently crawl at most `workers` counties together, and the threads (and the HTTP client each
    # keeps, see Fetcher._http) live for the whole run instead of being made again for every batch
    crawler: ThreadPoolExecutor | None = None
    pages_parsed: int = 0
    withdrawn: int = 0
    parser: Executor | None = None  # process pool for parse_report (settings.parse_processes > 0)
    crawlers: CrawlerPool | None = None  # crawler processes (settings.crawl_processes > 0): they crawl, this loads

    @property
    def bulk(self) -> bool:
        """A re-parse rewrites rows all over the warehouse: its writer gets `Warehouse`'s bulk settings."""
        return self.kind == "reparse"


@contextmanager
def writer(settings: Settings, held: Warehouse | None = None,
           wait_s: float = WRITER_WAIT_S, *, bulk: bool = False) -> Iterator[Warehouse]:
    """The held writer, or a short-lived one opened when the file is free (waiting up to `wait_s`; `bulk`:
    see `Warehouse`)."""
    if held is not None:
        yield held
        return
    deadline = time.monotonic() + wait_s
    while True:
        try:
            wh = Warehouse(settings.db_path, bulk=bulk)
            break
        except WarehouseBusy:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    try:
        yield wh
    finally:
        wh.close()


def select_counties(registry: Registry, adcodes: Iterable[str] | None = None,
                    province: str | None = None, prefecture: str | None = None) -> list[County]:
    wanted = {a.strip() for a in adcodes or () if a.strip()}
    return [c for c in registry.counties
            if (not wanted or c.adcode in wanted) and (not province or c.province == province)
            and (not prefecture or c.prefecture == prefecture)]


def load_registry(settings: Settings) -> Registry:
    return read_registry(settings.registry or BUNDLED_REGISTRY, allow_unlisted=settings.allow_unlisted)


def fetch_settings(settings: Settings) -> FetchSettings:
    return FetchSettings(
        user_agent=settings.full_user_agent, per_host_concurrency=settings.per_host_concurrency,
        min_delay_s=settings.min_delay_s, connect_timeout_s=settings.connect_timeout_s,
        read_timeout_s=settings.read_timeout_s, max_retries=settings.max_retries,
        backoff_base_s=settings.backoff_base_s, backoff_max_s=settings.backoff_max_s,
        host_fail_after=settings.host_fail_after, retry_after_cap_s=settings.retry_after_cap_s,
        max_body_bytes=settings.max_body_bytes)


def open_run(settings: Settings, kind: str = "harvest", params: dict[str, Any] | None = None,
             registry_errors: Sequence[str] = (), *, years: Iterable[int] | None = None,
             hold_writer: bool = True, run_id: str | None = None) -> Run:
    reparse = kind == "reparse"  # no request: no crawler; rows rewritten all over: the writer's `bulk` settings
    held = Warehouse(settings.db_path, bulk=reparse) if hold_writer else None
    run_id = run_id or f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    started = utcnow()
    fetcher = Fetcher(fetch_settings(settings), proxy=settings.proxy or None)
    with writer(settings, held) as wh:
        wh.start_run(run_id, kind, started, params or {}, registry_errors)
        states, validators = wh.all_crawl_states(), wh.all_validators()
        robots = tuple(wh.fresh_robots(ROBOTS_MAX_AGE))
    for origin, status, body, fetched_at in robots:
        fetcher.seed_robots(origin, status, body, fetched_at)
    year_set = frozenset(years) if years is not None else None
    crawlers = None
    if settings.crawl_processes > 0 and not reparse:
        n = settings.crawl_processes
        crawlers = CrawlerPool(n, CrawlJob(
            run_id, fetch_settings(settings), settings.proxy or None, str(settings.raw_path),
            -(-max(1, settings.workers) // n), crawl_options(settings, year_set, None), states, validators, robots))
    return Run(run_id=run_id, kind=kind, settings=settings, fetcher=fetcher,
               store=RawStore(settings.raw_path), started_at=started, states=states, validators=validators,
               warehouse=held, years=year_set, registry_errors=tuple(registry_errors),
               parser=parse_pool(settings) if crawlers is None else None, crawlers=crawlers,
               crawler=None if crawlers is not None else ThreadPoolExecutor(
                   max_workers=max(1, settings.workers), thread_name_prefix="county"))


def crawl_options(settings: Settings, years: frozenset[int] | None, parser: Executor | None) -> CrawlOptions:
    return CrawlOptions(max_column_hops=settings.max_column_hops, max_list_pages=settings.max_list_pages,
                        recheck_days=settings.recheck_days, years=years, parser=parser)


def parse_pool(settings: Settings) -> Executor | None:
    """Processes for the pure parse step (`settings.parse_processes`), started fresh (spawn: never a fork of
    this threaded process); None: parse in the crawl threads."""
    if settings.parse_processes <= 0:
        return None
    return ProcessPoolExecutor(max_workers=settings.parse_processes,
                               mp_context=multiprocessing.get_context("spawn"))


def crawl_one(run: Run, county: County) -> CountyLoad:
    load = crawl_county(county, run.fetcher, run.store, run.states.get(county.adcode, {}), run.validators,
                        run.run_id, crawl_options(run.settings, run.years, run.parser))
    return without_bodies(load)


def submit_crawl(run: Run, county: County, pool: Executor) -> Future[CountyLoad]:
    """Start crawling a county: in the run's crawler processes if any, else in `pool` (crawl threads)."""
    if run.crawlers is not None:
        return run.crawlers.submit(county)
    return pool.submit(crawl_one, run, county)


def load_one(run: Run, load: CountyLoad) -> CountyOutcome:
    return load_batch(run, [load])[0]


def load_batch(run: Run, loads: Sequence[CountyLoad]) -> list[CountyOutcome]:
    """Load counties' results in one transaction (see Warehouse.load_counties)."""
    outs = []
    with run.lock, writer(run.settings, run.warehouse, bulk=run.bulk) as wh:
        all_stats: list[LoadStats] = wh.load_counties(loads)
        for load, stats in zip(loads, all_stats, strict=True):
            run.pages_parsed += load.pages_parsed
            run.withdrawn += stats.withdrawn
            out = CountyOutcome(load.adcode, load.county, load.outcome, load.error,
                                len(load.reports) + load.reparse_same,
                                stats.new_reports, stats.new_versions, len(load.fetches), load.warnings)
            run.outcomes.append(out)
            outs.append(out)
    return outs


def harvest_counties(run: Run, counties: Sequence[County],
                     on_done: Callable[[CountyOutcome], None] | None = None) -> list[CountyOutcome]:
    """Crawl counties in parallel and load them as they finish: every county finished meanwhile is loaded in
    the same transaction (at most `settings.load_batch`), so the single writer keeps up with the crawl.

    At most `workers` counties are crawled at once, and a county that finishes starts the next one at once
    (not when the writer gets to it), so a writer busy with a checkpoint does not stall the crawl; at most
    `workers + 2 × load_batch` counties are crawled ahead of the writer, their results waiting in memory."""
    results: list[CountyOutcome] = []
    workers = max(1, min(run.settings.workers, len(counties) or 1))
    batch_max = max(1, run.settings.load_batch)
    ahead = workers + 2 * batch_max
    own = (None if run.crawler is not None or run.crawlers is not None
           else ThreadPoolExecutor(max_workers=workers, thread_name_prefix="county"))
    pool = run.crawler or own
    try:
        done: queue.SimpleQueue[Future[CountyLoad]] = queue.SimpleQueue()
        todo = iter(counties)
        lock = threading.RLock()  # (a future already done runs its callback at once, inside pump)
        crawling = [0, 0]  # counties being crawled; counties sent and not loaded yet

        def pump() -> None:
            with lock:
                while crawling[0] < workers and crawling[1] < ahead:
                    county = next(todo, None)
                    if county is None:
                        return
                    crawling[0] += 1
                    crawling[1] += 1
                    submit_crawl(run, county, pool).add_done_callback(finished)  # type: ignore[arg-type]

        def finished(fut: Future[CountyLoad]) -> None:
            done.put(fut)
            with lock:
                crawling[0] -= 1
                pump()

        pump()
        left = len(counties)
        while left:
            # the counties finished now, and those finishing within BATCH_FILL_S: a statement costs the writer
            # far more than its rows, so a fuller batch means fewer statements per county
            batch = [done.get()]
            deadline = time.monotonic() + (BATCH_FILL_S if batch_max > 1 else 0.0)
            while len(batch) < min(batch_max, left):
                try:
                    batch.append(done.get(timeout=max(0.0, deadline - time.monotonic())) if done.empty()
                                 else done.get())
                except queue.Empty:
                    break
            left -= len(batch)
            outs = load_batch(run, [fut.result() for fut in batch])
            with lock:
                crawling[1] -= len(batch)
            pump()
            for out in outs:
                results.append(out)
                if on_done:
                    on_done(out)
    finally:
        if own is not None:
            own.shutdown(wait=True)
    return results


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
        fut: Future[tuple[ParsedReport | None, str]]
        if run.parser is not None:
            fut = run.parser.submit(parse_unless_stored, docs, att_doc, stored_sha, stored_rows)
        else:
            fut = Future()
            fut.set_result(parse_unless_stored(docs, att_doc, stored_sha, stored_rows))
        items.append((report_id, pages, raws, attachment, fut))
    return _Reparse(started, items, warnings)


def _reparse_finish(run: Run, county: County, job: _Reparse) -> CountyLoad:
    reports: list[Report] = []
    warnings = list(job.warnings)
    parsed_pages = same = 0
    for report_id, pages, raws, attachment, fut in job.items:
        parsed, fp = fut.result()
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
    return CountyLoad(run_id=run.run_id, adcode=county.adcode, county=county.county,
                      outcome="ok" if reports or same else "empty", error=None, column_url=None, column_hosts=(),
                      reports=tuple(reports), fetches=(), pages=(), present_report_ids=None,
                      pages_parsed=parsed_pages, warnings=tuple(warnings), started_at=job.started,
                      finished_at=utcnow(), reparse=True, reparse_same=same)


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


def close_run(run: Run) -> dict[str, int]:
    robots = [(r.origin, r.status, r.fetched.body, r.fetched.fetched_at) for r in run.fetcher.fresh_robots()
              if r.status and r.status < 500]
    stats = run.fetcher.stats()
    if run.crawlers is not None:  # the crawler processes did the requests: their counters and robots.txt answers
        crawled, more_robots = run.crawlers.close()
        stats = merge_stats([stats, crawled])
        robots.extend(more_robots)
    counters = {
        "counties_total": len(run.outcomes),
        "counties_ok": sum(o.outcome == "ok" for o in run.outcomes),
        "counties_failed": sum(o.outcome == "failed" for o in run.outcomes),
        "counties_partial": sum(o.outcome == "partial" for o in run.outcomes),
        "counties_empty": sum(o.outcome == "empty" for o in run.outcomes),
        "counties_skipped": len(run.registry_errors),
        "requests": stats.requests,
        "bodies_downloaded": stats.bodies,
        "not_modified": stats.not_modified,
        "retries": stats.retries,
        "pages_parsed": run.pages_parsed,
        "new_reports": sum(o.new_reports for o in run.outcomes),
        "new_versions": sum(o.new_versions for o in run.outcomes),
        "withdrawn": run.withdrawn,
    }
    with writer(run.settings, run.warehouse) as wh:
        wh.save_robots(robots)
        wh.finish_run(run.run_id, utcnow(), counters)
    if run.crawler is not None:
        run.crawler.shutdown(wait=True)
    run.fetcher.close()
    if run.parser is not None:
        run.parser.shutdown()
    if run.warehouse is not None:
        run.warehouse.close()
    return counters


def harvest(settings: Settings, adcodes: Iterable[str] | None = None, province: str | None = None,
            prefecture: str | None = None, *, years: Iterable[int] | None = None, reparse: bool = False,
            on_done: Callable[[CountyOutcome], None] | None = None) -> tuple[str, dict[str, int]]:
    """The whole harvest (or re-parse) without Prefect — the baseline the flow is measured against."""
    registry = load_registry(settings)
    counties = select_counties(registry, adcodes, province, prefecture)
    params = {"counties": list(adcodes or []), "province": province, "prefecture": prefecture,
              "years": sorted(years) if years else None, "reparse": reparse}
    run = open_run(settings, "reparse" if reparse else "harvest", params,
                   [str(p) for p in registry.problems], years=years)
    try:
        (reparse_counties if reparse else harvest_counties)(run, counties, on_done)
    finally:
        counters = close_run(run)
    return run.run_id, counters
