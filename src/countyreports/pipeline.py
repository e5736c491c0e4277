"""The harvest as plain functions (no Prefect): open a run, crawl counties, load each, close the run.

Counties are crawled in a thread pool (`settings.workers`); politeness per host lives in the fetcher. Every
county's result is loaded in one short transaction by the single writer as soon as it is ready, so the
warehouse is never held for long and a crash loses at most the counties in flight. flows/ composes these
same functions into Prefect tasks (one task per batch of counties).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from countyreports.crawl import crawl_county
from countyreports.fetch import Fetcher, FetchSettings
from countyreports.models import County
from countyreports.registry import Registry, read_registry
from countyreports.settings import Settings
from countyreports.store import RawStore
from countyreports.warehouse import CountyLoad, LoadStats, Warehouse

BUNDLED_REGISTRY = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "portal" / "counties.csv"


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


@dataclass
class Run:
    """An open run: the writer, the fetcher and the counters (lives for one harvest)."""

    run_id: str
    kind: str
    settings: Settings
    warehouse: Warehouse
    fetcher: Fetcher
    store: RawStore
    started_at: dt.datetime
    states: dict[str, dict[str, Any]]
    validators: dict[str, tuple[str | None, str | None, str | None]]
    outcomes: list[CountyOutcome] = field(default_factory=list)
    registry_errors: tuple[str, ...] = ()
    lock: threading.Lock = field(default_factory=threading.Lock)
    pages_parsed: int = 0
    withdrawn: int = 0


def select_counties(registry: Registry, adcodes: Iterable[str] | None = None,
                    province: str | None = None, prefecture: str | None = None) -> list[County]:
    wanted = {a.strip() for a in adcodes or () if a.strip()}
    out = []
    for c in registry.counties:
        if wanted and c.adcode not in wanted:
            continue
        if province and c.province != province:
            continue
        if prefecture and c.prefecture != prefecture:
            continue
        out.append(c)
    return out


def load_registry(settings: Settings) -> Registry:
    return read_registry(settings.registry or BUNDLED_REGISTRY)


def fetch_settings(settings: Settings) -> FetchSettings:
    return FetchSettings(
        user_agent=settings.full_user_agent, per_host_concurrency=settings.per_host_concurrency,
        min_delay_s=settings.min_delay_s, connect_timeout_s=settings.connect_timeout_s,
        read_timeout_s=settings.read_timeout_s, max_retries=settings.max_retries,
        retry_after_cap_s=settings.retry_after_cap_s, max_body_bytes=settings.max_body_bytes)


def open_run(settings: Settings, kind: str = "harvest", params: dict[str, Any] | None = None,
             registry_errors: Sequence[str] = ()) -> Run:
    warehouse = Warehouse(settings.db_path)
    run_id = f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    started = utcnow()
    warehouse.start_run(run_id, kind, started, params or {}, registry_errors)
    return Run(run_id=run_id, kind=kind, settings=settings, warehouse=warehouse,
               fetcher=Fetcher(fetch_settings(settings), proxy=settings.proxy or None),
               store=RawStore(settings.raw_path), started_at=started,
               states=warehouse.all_crawl_states(), validators=warehouse.all_validators(),
               registry_errors=tuple(registry_errors))


def _strip_bodies(load: CountyLoad) -> CountyLoad:
    """Bodies are in the raw archive already; keep only their sizes in memory."""
    fetches = tuple((a, replace(f, body=None, size=len(f.body) if f.body is not None else f.size))
                    for a, f in load.fetches)
    return replace(load, fetches=fetches)


def crawl_one(run: Run, county: County) -> CountyLoad:
    load = crawl_county(county, run.fetcher, run.store, run.states.get(county.adcode, {}), run.validators,
                        run.run_id, max_column_hops=run.settings.max_column_hops,
                        max_list_pages=run.settings.max_list_pages)
    return _strip_bodies(load)


def load_one(run: Run, load: CountyLoad) -> CountyOutcome:
    with run.lock:
        stats: LoadStats = run.warehouse.load_county(load)
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
        futures = {pool.submit(crawl_one, run, c): c for c in counties}
        for fut in as_completed(futures):
            out = load_one(run, fut.result())
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
        "counties_empty": sum(o.outcome == "empty" for o in run.outcomes),
        "counties_skipped": len(run.registry_errors),
        "requests": stats.requests,
        "bodies_downloaded": stats.bodies,
        "not_modified": stats.not_modified,
        "pages_parsed": run.pages_parsed,
        "new_reports": sum(o.new_reports for o in run.outcomes),
        "new_versions": sum(o.new_versions for o in run.outcomes),
        "withdrawn": run.withdrawn,
    }
    run.warehouse.finish_run(run.run_id, utcnow(), counters)
    run.fetcher.close()
    run.warehouse.close()
    return counters


def harvest(settings: Settings, adcodes: Iterable[str] | None = None, province: str | None = None,
            prefecture: str | None = None,
            on_done: Callable[[CountyOutcome], None] | None = None) -> tuple[str, dict[str, int]]:
    """The whole harvest without Prefect (the baseline the flow is measured against)."""
    registry = load_registry(settings)
    counties = select_counties(registry, adcodes, province, prefecture)
    run = open_run(settings, "harvest", {"counties": list(adcodes or []), "province": province},
                   [str(p) for p in registry.problems])
    try:
        harvest_counties(run, counties, on_done)
    finally:
        counters = close_run(run)
    return run.run_id, counters


def params_json(**params: Any) -> str:
    return json.dumps(params, ensure_ascii=False, default=str)
