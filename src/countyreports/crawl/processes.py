"""Crawler processes: a run's counties crawled in several processes, their results loaded by this one.

One Python process makes about 200 requests a second at most (bench/ on 2 cores), whatever its thread count:
every request, list page and report page costs interpreter time under one GIL. `Settings.crawl_processes` > 0
spreads the crawl over that many processes (spawned, never forked from this threaded one), each with its own
`Fetcher`, its own crawl threads, and its own parse pool when the job gives one (`CrawlJob.parser`, a factory:
the pipeline's sandbox pool, made in the process), else parsing in those threads; the calling process keeps only
the single DuckDB writer. A county's result (`CountyLoad`, bodies already in the raw archive) comes back through a queue.

Politeness holds across processes: while a county is being crawled, every other county with one of its hosts
(homepage, remembered column hosts) goes to the same process, whose fetcher enforces per-host concurrency and
delays; a county with no host in flight goes to the live process holding the fewest counties.

A crawler process that dies (killed, out of memory) fails only the counties it held: each is given a `failed`
`CountyLoad` saying so, and the run goes on with the other processes.

A county waiting for a file to be converted or OCR'd (`CrawlJob.files`: the run's one attachments service, which
reads the same bytes once — so the 68 copies of a scanned report in the bench's replica all wait for its first
OCR, 1–2 minutes) gives up its crawl slot while it waits: each process crawls at most `threads` counties that are
not waiting, in up to `WAITING_THREADS` × as many threads, and tells the caller (`submit(..., on_wait=)`: +1 when
the county starts waiting, −1 when it is back) so that the caller may send another county meanwhile. Before this,
the first minutes of a national harvest crawled with most threads waiting on one scan.

    pool = CrawlerPool(n, job)            # job: CrawlJob (run id, settings, the run's crawl state)
    future = pool.submit(county)          # Future[CountyLoad]
    future = pool.submit(county, on_wait=f)  # f(+1) / f(-1): the county waits for a file / is back
    stats, robots = pool.close()          # merged fetch counters, robots.txt answers fetched
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from countyreports.crawl.county import crawl_county, failed_load, without_bodies
from countyreports.crawl.session import CrawlOptions, host_of
from countyreports.crawl.fetch import Fetcher
from countyreports.models import County
from countyreports.crawl.politeness import FetchSettings, FetchStats
from countyreports.crawl.archive import RawStore
from countyreports.native.heap import Trimmer, few_arenas
from countyreports.models import CountyLoad

WAITING_THREADS = 4  # a process's threads, in crawl slots (threads): the rest are for counties waiting on a file
TRIM_COUNTIES = 32  # counties crawled between two hand-backs of the process's freed C memory (`heap.Trimmer`)
CLOSE_WAIT_S = 600.0  # how long close() waits for a process to finish the counties it holds
_POLL_S = 0.5  # how often the collector looks for a dead process while no result comes

Robots = tuple[str, int, bytes | None, dt.datetime]  # origin, status, body, fetched_at (as `Warehouse.save_robots`)


@dataclass(frozen=True, slots=True)
class CrawlJob:
    """What every crawler process of a run needs: sent once, when the process starts."""

    run_id: str
    fetch: FetchSettings
    proxy: str | None
    raw_path: str
    threads: int  # crawl threads of each process
    options: CrawlOptions  # (its parser None: see `parser`)
    states: dict[str, dict[str, Any]]  # adcode -> crawl state (Warehouse.all_crawl_states)
    validators: dict[str, tuple[str | None, str | None, str | None]]
    robots: tuple[Robots, ...]  # robots.txt answers kept from earlier runs (Fetcher.seed_robots)
    parser: Callable[[], Executor] | None = None  # makes the process's own parse pool; None: parse in its threads
    # gives this process its converter/OCR reader (`derive`, `close`; picklable): the pipeline gives a client of
    # the run's one reader (countyreports.attachments.service), so that the processes share one OCR pool
    files: Callable[[], Any] | None = None


def merge_stats(stats: list[FetchStats]) -> FetchStats:
    """The counters of several fetchers as one."""
    counts = {f.name: sum(getattr(s, f.name) for s in stats) for f in dataclasses.fields(FetchStats)
              if f.type in ("int", int)}
    failures: dict[str, int] = {}
    for s in stats:
        for host, n in s.host_failures.items():
            failures[host] = failures.get(host, 0) + n
    return FetchStats(**counts, host_failures=failures,
                      failed_hosts=frozenset().union(*(s.failed_hosts for s in stats)))


# ---------------------------------------------------------------- in the crawler process

def _serve(index: int, job: CrawlJob, inbox: Any, outbox: Any) -> None:
    """A crawler process: crawl each county received (token, County) in `job.threads` threads, send back
    ("load", token, CountyLoad); at None, finish and send ("closed", index, stats, robots)."""
    few_arenas()
    fetcher = Fetcher(job.fetch, proxy=job.proxy)
    for origin, status, body, fetched_at in job.robots:
        fetcher.seed_robots(origin, status, body, fetched_at)
    store = RawStore(job.raw_path)
    parser = job.parser() if job.parser is not None else None
    files = job.files() if job.files is not None else None  # (connects at the first file it needs)
    slots = threading.Semaphore(max(1, job.threads))  # counties crawling and not waiting on a file
    current = threading.local()  # the county (its token) this crawl thread works on
    trimmer = Trimmer(TRIM_COUNTIES)  # (a county's bodies and readings, freed once it is sent back)

    def derive(*args: Any) -> Any:
        """`files.derive`, the crawl slot given up meanwhile (see the module docstring)."""
        assert files is not None
        outbox.put(("wait", current.token, 1))
        slots.release()
        try:
            return files.derive(*args)
        finally:
            slots.acquire()
            outbox.put(("wait", current.token, -1))

    options = dataclasses.replace(job.options, parser=parser, files=derive if files is not None else None)

    def crawl(token: int, county: County) -> None:
        current.token = token
        with slots:
            try:
                load = without_bodies(crawl_county(county, fetcher, store, job.states.get(county.adcode, {}),
                                                   job.validators, job.run_id, options))
            except Exception as exc:  # noqa: BLE001 - crawl_county records portal problems; this is a bug
                load = failed_load(job.run_id, county, f"{type(exc).__name__}: {exc}")
        outbox.put(("load", token, load))
        del load
        trimmer.tick()

    parent = os.getppid()
    threads = max(1, job.threads) * WAITING_THREADS
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="county") as pool:
        while True:
            try:
                item = inbox.get(timeout=_POLL_S)
            except queue.Empty:
                if os.getppid() != parent:  # the calling process is gone (killed): nobody to send results to
                    os._exit(1)
                continue
            if item is None:
                break
            pool.submit(crawl, *item)
    robots = tuple((r.origin, r.status, r.fetched.body, r.fetched.fetched_at) for r in fetcher.fresh_robots()
                   if r.status and r.status < 500)
    stats = fetcher.stats()
    fetcher.close()
    if parser is not None:
        parser.shutdown()
    if files is not None:
        files.close()
    outbox.put(("closed", index, stats, robots))


# ---------------------------------------------------------------- in the calling process

class CrawlerPool:
    """`n` crawler processes for one run (see the module docstring). Thread-safe: concurrent flow batches
    may submit counties to the same pool."""

    def __init__(self, n: int, job: CrawlJob) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._run_id = job.run_id
        self._outbox = ctx.Queue()
        self._inboxes = [ctx.Queue() for _ in range(n)]
        self._procs = [ctx.Process(target=_serve, args=(i, job, inbox, self._outbox), daemon=True,
                                   name=f"crawler-{i}") for i, inbox in enumerate(self._inboxes)]
        for p in self._procs:
            p.start()
        self._lock = threading.Lock()
        self._next = 0
        self._states = job.states
        # token -> (process, county, future, hosts) of each county sent and not back yet
        self._pending: dict[int, tuple[int, County, Future[CountyLoad], tuple[str, ...]]] = {}
        self._on_wait: dict[int, Callable[[int], None]] = {}  # token -> what to tell when it waits on a file
        self._held = [0] * n  # counties each process holds
        self._hosts: dict[str, list[int]] = {}  # host in flight -> [process, counties of it in flight]
        self._closed: dict[int, tuple[FetchStats, tuple[Robots, ...]]] = {}
        self._closing = False
        self._collector = threading.Thread(target=self._collect, name="crawler-results", daemon=True)
        self._collector.start()

    @property
    def pids(self) -> list[int | None]:
        return [p.pid for p in self._procs]

    @property
    def alive(self) -> list[bool]:
        return [p.is_alive() for p in self._procs]

    def process_of(self, county: County) -> int | None:
        """The process crawling `county`'s hosts now, if any."""
        with self._lock:
            return self._owner(self._hosts_of(county))

    def _hosts_of(self, county: County) -> tuple[str, ...]:
        extra = self._states.get(county.adcode, {}).get("column_hosts", ())
        return tuple(dict.fromkeys([host_of(county.homepage), *extra]))

    def _owner(self, hosts: tuple[str, ...]) -> int | None:
        return next((self._hosts[h][0] for h in hosts if h in self._hosts), None)

    def submit(self, county: County, on_wait: Callable[[int], None] | None = None) -> Future[CountyLoad]:
        """Crawl `county` in one of the processes; `on_wait(+1)` / `on_wait(-1)` (called in the collector
        thread) when it starts / stops waiting for a file (see the module docstring)."""
        fut: Future[CountyLoad] = Future()
        hosts = self._hosts_of(county)
        with self._lock:
            if self._closing:
                raise RuntimeError("CrawlerPool is closed")
            i = self._owner(hosts)
            if i is None:  # no host of it in flight: the live process holding the fewest counties
                live = [j for j, p in enumerate(self._procs) if p.is_alive()]
                i = min(live, key=self._held.__getitem__) if live else 0
            if not self._procs[i].is_alive():
                fut.set_result(failed_load(self._run_id, county, self._died(i)))
                return fut
            token = self._next
            self._next += 1
            self._pending[token] = (i, county, fut, hosts)
            if on_wait is not None:
                self._on_wait[token] = on_wait
            self._held[i] += 1
            for h in hosts:
                self._hosts.setdefault(h, [i, 0])[1] += 1
        self._inboxes[i].put((token, county))
        return fut

    def _release(self, token: int) -> tuple[int, County, Future[CountyLoad], tuple[str, ...]] | None:
        """Forget a county sent (under the lock): its process holds one county less, its hosts are free."""
        entry = self._pending.pop(token, None)
        self._on_wait.pop(token, None)
        if entry is not None:
            self._held[entry[0]] -= 1
            for h in entry[3]:
                owner = self._hosts[h]
                owner[1] -= 1
                if owner[1] == 0:
                    del self._hosts[h]
        return entry

    def close(self) -> tuple[FetchStats, tuple[Robots, ...]]:
        """Let every process finish the counties it holds, stop it; the merged fetch counters and the robots.txt
        answers fetched."""
        with self._lock:
            self._closing = True
        for inbox, p in zip(self._inboxes, self._procs, strict=True):
            if p.is_alive():
                inbox.put(None)
        for p in self._procs:
            p.join(CLOSE_WAIT_S)
            if p.is_alive():
                p.kill()
                p.join()
        self._collector.join(CLOSE_WAIT_S)
        self._fail_dead()
        closed = [self._closed[i] for i in sorted(self._closed)]
        return merge_stats([c[0] for c in closed]), tuple(r for c in closed for r in c[1])

    def _collect(self) -> None:
        """Hand each result to its future; fail the counties of a process that died."""
        while True:
            try:
                msg = self._outbox.get(timeout=_POLL_S)
            except queue.Empty:
                self._fail_dead()
                with self._lock:
                    if self._closing and all(not p.is_alive() for p in self._procs):
                        return
                continue
            if msg[0] == "load":
                with self._lock:
                    entry = self._release(msg[1])
                if entry is not None:
                    entry[2].set_result(msg[2])
            elif msg[0] == "wait":  # ("wait", token, +1 | -1)
                with self._lock:
                    tell = self._on_wait.get(msg[1])
                if tell is not None:
                    tell(msg[2])
            else:  # ("closed", index, stats, robots)
                with self._lock:
                    self._closed[msg[1]] = (msg[2], msg[3])
                    if len(self._closed) == len(self._procs):
                        return

    def _died(self, i: int) -> str:
        return f"crawler process {i} died (exit code {self._procs[i].exitcode}); county not crawled"

    def _fail_dead(self) -> None:
        with self._lock:
            dead = {i for i, p in enumerate(self._procs) if not p.is_alive() and i not in self._closed}
            lost = [self._release(t) for t, e in list(self._pending.items()) if e[0] in dead]
        for i, county, fut, _hosts in filter(None, lost):
            fut.set_result(failed_load(self._run_id, county, self._died(i)))
