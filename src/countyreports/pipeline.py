"""The harvest as plain functions (no Prefect): open a run, crawl counties, load each, close the run.

Counties are crawled in a thread pool (`settings.workers`); politeness per host lives in the fetcher. Every
county's result is loaded in one short transaction by the single writer as soon as it is ready, so a crash
loses at most the counties in flight, and re-running yields the same warehouse (loads are idempotent).
flows/ composes these same functions into Prefect tasks (one task per batch of counties).

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
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from countyreports.crawl import CrawlOptions, crawl_county
from countyreports.document import RawDoc, content_sha256, parse_report, read_article
from countyreports.errors import WarehouseBusy
from countyreports.fetch import Fetcher, FetchSettings
from countyreports.models import County, Report
from countyreports.registry import Registry, read_registry
from countyreports.settings import Settings
from countyreports.store import RawStore
from countyreports.warehouse import CountyLoad, LoadStats, Warehouse

BUNDLED_REGISTRY = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "portal" / "counties.csv"
ROBOTS_MAX_AGE = dt.timedelta(hours=24)
WRITER_WAIT_S = 600.0


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
    pages_parsed: int = 0
    withdrawn: int = 0


@contextmanager
def writer(settings: Settings, held: Warehouse | None = None,
           wait_s: float = WRITER_WAIT_S) -> Iterator[Warehouse]:
    """The held writer, or a short-lived one opened when the file is free (waiting up to `wait_s`)."""
    if held is not None:
        yield held
        return
    deadline = time.monotonic() + wait_s
    while True:
        try:
            wh = Warehouse(settings.db_path)
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
    held = Warehouse(settings.db_path) if hold_writer else None
    run_id = run_id or f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    started = utcnow()
    fetcher = Fetcher(fetch_settings(settings), proxy=settings.proxy or None)
    with writer(settings, held) as wh:
        wh.start_run(run_id, kind, started, params or {}, registry_errors)
        states, validators = wh.all_crawl_states(), wh.all_validators()
        for origin, status, body, fetched_at in wh.fresh_robots(ROBOTS_MAX_AGE):
            fetcher.seed_robots(origin, status, body, fetched_at)
    return Run(run_id=run_id, kind=kind, settings=settings, fetcher=fetcher,
               store=RawStore(settings.raw_path), started_at=started, states=states, validators=validators,
               warehouse=held, years=frozenset(years) if years is not None else None,
               registry_errors=tuple(registry_errors))


def _strip_bodies(load: CountyLoad) -> CountyLoad:
    """Bodies are in the raw archive already; keep only their sizes in memory."""
    fetches = tuple((a, replace(f, body=None, size=len(f.body) if f.body is not None else f.size))
                    for a, f in load.fetches)
    return replace(load, fetches=fetches)


def crawl_one(run: Run, county: County) -> CountyLoad:
    s = run.settings
    opts = CrawlOptions(max_column_hops=s.max_column_hops, max_list_pages=s.max_list_pages,
                        recheck_days=s.recheck_days, years=run.years)
    load = crawl_county(county, run.fetcher, run.store, run.states.get(county.adcode, {}), run.validators,
                        run.run_id, opts)
    return _strip_bodies(load)


def load_one(run: Run, load: CountyLoad) -> CountyOutcome:
    with run.lock, writer(run.settings, run.warehouse) as wh:
        stats: LoadStats = wh.load_county(load)
        run.pages_parsed += load.pages_parsed
        run.withdrawn += stats.withdrawn
        out = CountyOutcome(load.adcode, load.county, load.outcome, load.error, len(load.reports),
                            stats.new_reports, stats.new_versions, len(load.fetches), load.warnings)
        run.outcomes.append(out)
    return out


def harvest_counties(run: Run, counties: Sequence[County],
                     on_done: Callable[[CountyOutcome], None] | None = None) -> list[CountyOutcome]:
    """Crawl counties in parallel and load each as it finishes."""
    results: list[CountyOutcome] = []
    workers = max(1, min(run.settings.workers, len(counties) or 1))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="county") as pool:
        futures = [pool.submit(crawl_one, run, c) for c in counties]
        for fut in as_completed(futures):
            out = load_one(run, fut.result())
            results.append(out)
            if on_done:
                on_done(out)
    return results


def reparse_county(run: Run, county: County) -> CountyLoad:
    """Rebuild a county's reports from the raw archive, without a single request."""
    started = utcnow()
    with writer(run.settings, run.warehouse) as wh:
        sources = wh.report_sources([county.adcode], sorted(run.years) if run.years else None)
        ctypes = wh.content_types([s for src in sources for s in src[3]])
    reports: list[Report] = []
    warnings: list[str] = []
    parsed_pages = 0
    for report_id, _adcode, pages, raws, attachment in sources:
        page_raws = raws[:len(pages)]
        bodies = [run.store.get(sha) for sha in page_raws]
        if not bodies or any(b is None for b in bodies):
            warnings.append(f"{report_id}: archived body missing, not re-parsed")
            continue
        articles = []
        encoding = None
        for url, sha, body in zip(pages, page_raws, bodies, strict=False):
            art, enc = read_article(RawDoc(url, body or b"", ctypes.get(sha)))
            articles.append(art)
            encoding = encoding or enc
        att_doc = None
        if attachment and len(raws) > len(pages):
            att_body = run.store.get(raws[len(pages)])
            if att_body is not None:
                att_doc = RawDoc(attachment, att_body, ctypes.get(raws[len(pages)]))
        parsed = parse_report(articles, att_doc, encoding)
        parsed_pages += len(articles)
        if parsed.report_year is None or f"{county.adcode}-{parsed.report_year}" != report_id:
            warnings.append(f"{report_id}: re-parse reads another year ({parsed.report_year}); kept as is")
            continue
        reports.append(Report(report_id=report_id, county=county, url=pages[0], parsed=parsed,
                              content_sha256=content_sha256(parsed.clean_text), fetched_at=utcnow(),
                              pages=tuple(pages), attachment=attachment, raw_sha256=tuple(raws)))
    return CountyLoad(run_id=run.run_id, adcode=county.adcode, county=county.county,
                      outcome="ok" if reports else "empty", error=None, column_url=None, column_hosts=(),
                      reports=tuple(reports), fetches=(), pages=(), present_report_ids=None,
                      pages_parsed=parsed_pages, warnings=tuple(warnings), started_at=started,
                      finished_at=utcnow(), reparse=True)


def reparse_counties(run: Run, counties: Sequence[County],
                     on_done: Callable[[CountyOutcome], None] | None = None) -> list[CountyOutcome]:
    results = []
    for county in counties:
        out = load_one(run, reparse_county(run, county))
        results.append(out)
        if on_done:
            on_done(out)
    return results


def close_run(run: Run) -> dict[str, int]:
    stats = run.fetcher.stats()
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
    robots = [(r.origin, r.status, r.fetched.body, r.fetched.fetched_at) for r in run.fetcher.fresh_robots()
              if r.status and r.status < 500]
    with writer(run.settings, run.warehouse) as wh:
        wh.save_robots(robots)
        wh.finish_run(run.run_id, utcnow(), counters)
    run.fetcher.close()
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
