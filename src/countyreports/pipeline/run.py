"""A run of the pipeline: open it (writer, fetcher, crawl state, crawler processes), load counties' results in
one transaction each batch, close it with its counters. Shared by the harvest and the re-parse.

Two writer modes: `hold_writer=True` (default) keeps one DuckDB connection for the run; `hold_writer=False`
opens the file for each county's load only (waiting while another process holds it), so several worker
processes can harvest shards of the registry into one warehouse.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from countyreports.attachments import AttachmentReader, ocr
from countyreports.attachments.service import AttachmentService
from countyreports.crawl.archive import RawStore
from countyreports.crawl.session import CrawlOptions
from countyreports.crawl.fetch import Fetcher
from countyreports.crawl.politeness import FetchSettings
from countyreports.crawl.proxy import check_proxy
from countyreports.crawl.processes import CrawlerPool, CrawlJob, merge_stats
from countyreports.errors import RegistryError, WarehouseBusy
from countyreports.models import County, CountyLoad
from countyreports.native.heap import Trimmer
from countyreports.reading.document import RawDoc
from countyreports.registry.file import Registry, read_registry
from countyreports.registry.selection import NO_REGISTRY, select
from countyreports.sandbox import Budget, BudgetPool
from countyreports.sandbox.budget import per_item
from countyreports.settings import Settings
from countyreports.warehouse.writer import LoadStats, Warehouse

ROBOTS_MAX_AGE = dt.timedelta(hours=24)
WRITER_WAIT_S = 600.0
BATCH_FILL_S = 0.5  # how long the writer waits for more finished counties to load together (load_batch > 1)
#: counties loaded between two hand-backs of this process's freed C memory (each batch's Arrow tables and rows are
#: freed after its commit; glibc would keep them: bench/, the loading process held ~100 MiB more by a harvest's end)
LOAD_TRIM_COUNTIES = 64
_load_trim = Trimmer(LOAD_TRIM_COUNTIES)


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
    search_tried: tuple[str, ...] = ()  # no column found: the best pages judged, with their scores

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
    parser: Executor | None = None  # the sandbox pool reading the pages (settings.parse_processes > 0)
    crawlers: CrawlerPool | None = None  # crawler processes (settings.crawl_processes > 0): they crawl, this loads
    files: AttachmentReader | None = None  # converts legacy Word files and OCRs scans (its pool starts when needed)
    # with crawler processes: the run's one reader, in a server process they all ask (one OCR pool, not one each)
    file_service: AttachmentService | None = None

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
    """The counties a run crawls; SelectionError naming unknown ones (with the nearest names) or when nothing is
    selected (see `countyreports.registry.selection`)."""
    return select(registry, adcodes, province, prefecture)




def load_registry(settings: Settings) -> Registry:
    """The registry the settings name (`settings.registry`); RegistryError when none is given."""
    if not settings.registry:
        raise RegistryError(NO_REGISTRY)
    return read_registry(settings.registry, allow_unlisted=settings.allow_unlisted)


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
    if not reparse:
        check_proxy(settings.proxy or None)  # a dead proxy would make every county look like a dead portal
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
    crawlers = service = None
    if settings.crawl_processes > 0 and not reparse:
        n = settings.crawl_processes
        share = max(1, settings.parse_processes // n) if settings.parse_processes > 0 else 0  # each its own pool
        service = AttachmentService(attachment_reader_factory(settings))
        crawlers = CrawlerPool(n, CrawlJob(
            run_id, fetch_settings(settings), settings.proxy or None, str(settings.raw_path),
            -(-max(1, settings.workers) // n), crawl_options(settings, year_set, None), states, validators, robots,
            parse_pool_factory(settings, share), files=service.client()))
    files = attachment_reader(settings) if crawlers is None else None
    return Run(run_id=run_id, kind=kind, settings=settings, fetcher=fetcher,
               store=RawStore(settings.raw_path), started_at=started, states=states, validators=validators,
               warehouse=held, years=year_set, registry_errors=tuple(registry_errors),
               parser=parse_pool(settings) if crawlers is None else None, crawlers=crawlers, files=files,
               file_service=service,
               crawler=None if crawlers is not None else ThreadPoolExecutor(
                   max_workers=max(1, settings.workers), thread_name_prefix="county"))


def crawl_options(settings: Settings, years: frozenset[int] | None, parser: Executor | None,
                  files: AttachmentReader | None = None) -> CrawlOptions:
    return CrawlOptions(search_budget=settings.search_budget, max_list_pages=settings.max_list_pages,
                        recheck_days=settings.recheck_days, search_retry_days=settings.search_retry_days,
                        years=years, parser=parser, adapters=settings.adapters,
                        files=files.derive if files is not None else None)


def attachment_reader(settings: Settings) -> AttachmentReader:
    """What converts legacy Word files and OCRs scans for this process: `settings.ocr_processes` sandboxed
    processes (started at the first such file) under a budget per OCR page and per conversion, their output
    kept in `settings.derived_path` by the SHA-256 of the bytes."""
    return attachment_reader_factory(settings)()


def attachment_reader_factory(settings: Settings) -> Callable[[], AttachmentReader]:
    """What makes `attachment_reader(settings)` (picklable, and naming only the attachments and sandbox
    packages: the attachments service's process makes the run's reader with it, without importing the pipeline
    and the DuckDB and Arrow it brings)."""
    memory = settings.ocr_page_memory_mb * 1024 * 1024
    page = Budget(time_s=settings.ocr_page_time_s, memory_bytes=memory)
    make_pool = partial(BudgetPool, max(1, settings.ocr_processes), page, recycle_bytes=memory // 2,
                        initializer=ocr.configure, initargs=(settings.ocr_detect_side,), name="attachments")
    return partial(AttachmentReader, settings.derived_path, make_pool, page,
                   Budget(time_s=settings.convert_time_s, memory_bytes=memory))


def parse_pool(settings: Settings, processes: int | None = None) -> Executor | None:
    """The sandbox pool that reads pages (`settings.parse_processes` child processes, or `processes`) under the
    page budget: a task's budget is the page budget times the documents it reads; None: parse in the crawl
    threads, without budgets."""
    factory = parse_pool_factory(settings, processes)
    return factory() if factory is not None else None


def parse_pool_factory(settings: Settings, processes: int | None = None) -> Callable[[], Executor] | None:
    """What makes `parse_pool` (picklable: a crawler process makes its own)."""
    n = settings.parse_processes if processes is None else processes
    if n <= 0:
        return None
    page = Budget(time_s=settings.page_time_s, memory_bytes=settings.page_memory_mb * 1024 * 1024)
    return partial(BudgetPool, n, page, preload=("countyreports.reading.document",),
                   budget_of=partial(per_item, page, RawDoc), name="parse")


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
                                stats.new_reports, stats.new_versions, len(load.fetches), load.warnings,
                                load.search_tried)
            run.outcomes.append(out)
            outs.append(out)
    _load_trim.tick(len(loads))
    return outs


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
        "counties_failed": sum(o.outcome in ("failed", "blocked") for o in run.outcomes),
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
    if run.files is not None:
        run.files.close()
    if run.file_service is not None:
        run.file_service.close()
    if run.warehouse is not None:
        run.warehouse.close()
    return counters
