"""The harvest as plain functions (no Prefect): open a run, crawl counties, load each, close the run.

Counties are crawled in a thread pool (`settings.workers`); politeness per host lives in the fetcher. The
parse step (pure functions) runs in `settings.parse_processes` processes when set, so parsing uses every core.
With `settings.crawl_processes` the crawl and its parsing run in crawler processes instead (`crawlers`), and
this process only loads.
Every county's result is loaded by the single writer as soon as it is ready — the counties ready together in
one short transaction (at most `settings.load_batch`) — so a crash loses at most the counties in flight, and
re-running yields the same warehouse (loads are idempotent).
flows/ composes these same functions into Prefect tasks (one task per batch of counties), and judges each run
with `verdict` (`judge`: failed or not; `regressions`: counties that loaded last time and fail now).

Two writer modes: `hold_writer=True` (default) keeps one DuckDB connection for the run; `hold_writer=False`
opens the file for each county's load only (waiting while another process holds it), so several worker
processes can harvest shards of the registry into one warehouse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from countyreports.pipeline.harvest import crawl_one, harvest_counties, submit_crawl
from countyreports.pipeline.reparse import reparse_counties, reparse_county
from countyreports.pipeline.run import (
    ROBOTS_MAX_AGE, WRITER_WAIT_S, CountyOutcome, Run, attachment_reader, close_run, crawl_options, fetch_settings, load_batch,
    load_one, load_registry, open_run, parse_pool, select_counties, utcnow, writer,
)
from countyreports.pipeline.verdict import Regression, Verdict, judge, regression_message, regressions
from countyreports.settings import Settings

__all__ = [
    "ROBOTS_MAX_AGE", "WRITER_WAIT_S", "CountyOutcome", "Regression", "Run", "Verdict", "attachment_reader", "close_run", "crawl_one",
    "crawl_options", "fetch_settings", "harvest", "harvest_counties", "judge", "load_batch", "load_one",
    "load_registry", "open_run", "parse_pool", "regression_message", "regressions", "reparse_counties",
    "reparse_county", "select_counties", "submit_crawl", "utcnow", "writer",
]


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
