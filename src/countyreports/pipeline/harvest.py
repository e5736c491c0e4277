"""The harvest of a run's counties: crawled in parallel (crawl threads, or the run's crawler processes), each
county loaded as soon as it is crawled, the counties finished together in one transaction."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor

from countyreports.crawl.county import crawl_county, without_bodies
from countyreports.models import County, CountyLoad
from countyreports.pipeline.run import BATCH_FILL_S, CountyOutcome, Run, crawl_options, load_batch

def crawl_one(run: Run, county: County) -> CountyLoad:
    load = crawl_county(county, run.fetcher, run.store, run.states.get(county.adcode, {}), run.validators,
                        run.run_id, crawl_options(run.settings, run.years, run.parser, run.files))
    return without_bodies(load)


def submit_crawl(run: Run, county: County, pool: Executor,
                 on_wait: Callable[[int], None] | None = None) -> Future[CountyLoad]:
    """Start crawling a county: in the run's crawler processes if any (`on_wait`: see `CrawlerPool.submit`),
    else in `pool` (crawl threads)."""
    if run.crawlers is not None:
        return run.crawlers.submit(county, on_wait)
    return pool.submit(crawl_one, run, county)


def harvest_counties(run: Run, counties: Sequence[County],
                     on_done: Callable[[CountyOutcome], None] | None = None) -> list[CountyOutcome]:
    """Crawl counties in parallel and load them as they finish: every county finished meanwhile is loaded in
    the same transaction (at most `settings.load_batch`), so the single writer keeps up with the crawl.

    At most `workers` counties are crawled at once, and a county that finishes starts the next one at once
    (not when the writer gets to it), so a writer busy with a checkpoint does not stall the crawl; at most
    `workers + 2 × load_batch` counties are crawled ahead of the writer, their results waiting in memory. With
    crawler processes, a county waiting for a file to be converted or OCR'd does not count among the `workers`
    while it waits (`CrawlerPool.submit`'s `on_wait`)."""
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
                    submit_crawl(run, county, pool, waiting).add_done_callback(finished)  # type: ignore[arg-type]

        def waiting(delta: int) -> None:
            with lock:
                crawling[0] -= delta
                pump()

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
