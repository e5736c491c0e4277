"""Politeness: how the fetcher treats each host — which hosts it may ask, when, how often, how long it backs
off and when it gives a host up — with the records of its settings and counters. No HTTP here:
`countyreports.crawl.fetch` sends the requests (it is the only module that imports httpx) and keeps its state in a
`Politeness`.

Public API
----------
``FetchSettings``   frozen settings (user agent, politeness, timeouts, retries, caps); all defaulted.
``FetchStats``, ``RobotsInfo``: small frozen records (``Fetcher.stats()``, ``Fetcher.robots()``).
``Politeness(settings)``: one Fetcher's per-host state (``slot``, ``retrying``, hosts given up) and robots.txt
    answers per origin; thread-safe. ``Counters``: the Fetcher's counters, snapshot as ``FetchStats``.
``Transient``: a retryable failure of one attempt. ``norm_host``, ``is_private_host``, ``parse_retry_after``.

Per host name, across all threads
---------------------------------
At most ``per_host_concurrency`` requests in flight to a host (a request is in flight until its
body is read) and at least the host's delay between request *starts* — with one request in flight
per host (the default), counted from the end of the previous exchange (``min_delay_s``, raised by
a robots.txt ``Crawl-delay`` up to ``max_crawl_delay_s``). Different hosts proceed in parallel.
robots.txt is fetched once per origin per Fetcher (same politeness and retries): 2xx is parsed
with protego for our user agent; 4xx means allow all; 5xx, network errors, oversize mean allow
all too but the failure is kept in ``RobotsInfo.error`` (simplification of RFC 9309).

Retries
-------
Connect errors, timeouts, network errors, 5xx and 429 are retried up to ``max_retries`` times with
exponential backoff and jitter (``backoff_base_s`` doubling, capped at ``backoff_max_s``); a
``Retry-After`` (seconds or HTTP date) is waited instead when it is at most ``retry_after_cap_s``;
beyond it the host is marked failed. After ``host_fail_after`` consecutive calls to a host that
ended in exhausted transient failures, the host is marked failed too (0 disables).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ipaddress
import random
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from protego import Protego
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from countyreports.errors import FetchTransient
from countyreports.models import Fetched

__all__ = ["FetchSettings", "FetchStats", "RobotsInfo", "Counters", "HostState", "RobotsEntry", "Politeness",
           "Transient", "norm_host", "is_private_host", "parse_retry_after"]


@dataclass(frozen=True, slots=True)
class FetchSettings:
    user_agent: str = "countyreports/0.1 (+https://github.com/countyreports/countyreports; research crawler)"
    per_host_concurrency: int = 1
    min_delay_s: float = 1.0  # between request starts to one host
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    pool_timeout_s: float = 120.0  # waiting for a free connection in the client's pool
    max_retries: int = 3  # transient failures: connect errors, timeouts, 5xx, 429
    backoff_base_s: float = 0.5
    backoff_max_s: float = 8.0
    retry_after_cap_s: float = 30.0  # Retry-After beyond it: host marked failed for this run
    host_fail_after: int = 3  # consecutive exhausted calls before a host is given up (0: never)
    max_body_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    respect_robots: bool = True
    max_robots_bytes: int = 512 * 1024
    max_crawl_delay_s: float = 60.0  # a larger robots.txt Crawl-delay is clipped to this
    max_connections: int = 64  # connection pool size of each thread's client


@dataclass(frozen=True, slots=True)
class FetchStats:
    requests: int = 0  # HTTP requests sent (retries and robots.txt included)
    bodies: int = 0  # 2xx bodies downloaded whole
    bytes: int = 0  # decoded body bytes received (bodies cut off included)
    not_modified: int = 0  # 304 answers
    retries: int = 0  # retry attempts after a transient failure
    errors: int = 0  # get() results with an error
    robots_fetches: int = 0  # robots.txt fetched
    host_failures: dict[str, int] = field(default_factory=dict)  # host of the URL asked -> results with error
    failed_hosts: frozenset[str] = frozenset()  # hosts given up


@dataclass(frozen=True, slots=True)
class RobotsInfo:
    origin: str  # scheme://host[:port]
    status: int  # HTTP status of robots.txt (0: none received)
    allow_all: bool  # True when no rules apply (missing, unreachable, unparsable)
    crawl_delay: float | None
    error: str | None
    fetched: Fetched


class Counters:
    """The counters of one Fetcher (thread-safe); `snapshot` gives them as a `FetchStats`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._c = {"requests": 0, "bodies": 0, "bytes": 0, "not_modified": 0, "retries": 0,
                   "errors": 0, "robots_fetches": 0}
        self._host_failures: dict[str, int] = {}

    def add(self, **counts: int) -> None:
        with self._lock:
            for key, n in counts.items():
                self._c[key] += n

    def host_failure(self, host: str) -> None:
        with self._lock:
            self._c["errors"] += 1
            self._host_failures[host] = self._host_failures.get(host, 0) + 1

    def snapshot(self, failed: frozenset[str]) -> FetchStats:
        with self._lock:
            return FetchStats(**self._c, host_failures=dict(self._host_failures), failed_hosts=failed)


class HostState:
    """Politeness and health state of one host name."""

    __slots__ = ("sem", "lock", "last_start", "delay", "failed", "consecutive")

    def __init__(self, concurrency: int, delay: float) -> None:
        self.sem = threading.BoundedSemaphore(max(1, concurrency))
        self.lock = threading.Lock()
        self.last_start: float | None = None
        self.delay = delay
        self.failed = False
        self.consecutive = 0


class RobotsEntry:
    """What robots.txt said for one origin (``info`` None until fetched; ``lock`` held while fetching)."""

    __slots__ = ("lock", "info", "parser", "fresh")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.info: RobotsInfo | None = None
        self.parser: Any = None
        self.fresh = False  # fetched by this Fetcher (not seeded from an earlier run)


class Transient(FetchTransient):
    """A retryable failure of one attempt, with what was received."""

    def __init__(self, error: str, url: str, status: int = 0,
                 headers: tuple[tuple[str, str], ...] = (), retry_after: float | None = None) -> None:
        super().__init__(error, url=url, status=status, retry_after=retry_after)
        self.error = error
        self.headers = headers
        self.give_up = False  # Retry-After beyond the cap


class Politeness:
    """The per-host state (in-flight slots, delays, health) and the robots.txt answers of one Fetcher.

    Host names are given normalised (lower case, no trailing dot); origins as ``scheme://host[:port]``.
    """

    def __init__(self, settings: FetchSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._hosts: dict[str, HostState] = {}
        self._robots: dict[str, RobotsEntry] = {}

    # ------------------------------------------------------------------ hosts
    def host(self, host: str) -> HostState:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = HostState(self.settings.per_host_concurrency, self.settings.min_delay_s)
                self._hosts[host] = state
            return state

    def mark_failed(self, host: str) -> None:
        state = self.host(host)
        with self._lock:
            state.failed = True

    def exhausted(self, host: str) -> None:
        """A call to the host ended in exhausted transient failures: give it up after ``host_fail_after``."""
        state = self.host(host)
        with self._lock:
            state.consecutive += 1
            if self.settings.host_fail_after and state.consecutive >= self.settings.host_fail_after:
                state.failed = True

    def answered(self, host: str) -> None:
        """A call to the host got an answer: its count of consecutive exhausted calls starts again."""
        state = self.host(host)
        with self._lock:
            state.consecutive = 0

    def failed_hosts(self) -> frozenset[str]:
        with self._lock:
            return frozenset(h for h, st in self._hosts.items() if st.failed)

    def retrying(self, on_retry: Callable[[], None]) -> Retrying:
        """The attempts of one exchange (tenacity): a `Transient` failure is retried up to ``max_retries`` times
        (unless ``give_up``), after its Retry-After or the backoff; the last failure is re-raised."""
        s = self.settings
        return Retrying(
            stop=stop_after_attempt(max(0, s.max_retries) + 1),
            wait=self._wait,
            retry=retry_if_exception(lambda e: isinstance(e, Transient) and not e.give_up),
            before_sleep=lambda _rs: on_retry(),
            reraise=True,
        )

    def _wait(self, rs: RetryCallState) -> float:
        exc = rs.outcome.exception() if rs.outcome is not None else None
        if isinstance(exc, Transient) and exc.retry_after is not None:
            return max(0.0, exc.retry_after)
        s = self.settings  # exponential backoff with jitter, capped
        base = max(0.0, s.backoff_base_s)
        return min(s.backoff_max_s, base * 2 ** (rs.attempt_number - 1) + random.uniform(0, base))

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of the host's in-flight slots, started at least `delay` after the last start."""
        state = self.host(host)
        state.sem.acquire()
        try:
            with state.lock:
                now = time.monotonic()
                start = now if state.last_start is None else max(now, state.last_start + state.delay)
                state.last_start = start
            if start > now:
                time.sleep(start - now)
                with state.lock:  # measure the next delay from the actual start (sleep overshoots)
                    state.last_start = max(state.last_start or 0.0, time.monotonic())
            yield
        finally:
            if self.settings.per_host_concurrency == 1:
                # one request at a time: count the delay from the end of this exchange too, so the server
                # never sees two of our requests closer than the delay (the start we measure is not its
                # arrival time)
                with state.lock:
                    state.last_start = max(state.last_start or 0.0, time.monotonic())
            state.sem.release()

    # ------------------------------------------------------------------ robots.txt
    def robots_entry(self, origin: str) -> RobotsEntry:
        """The origin's entry, made empty (to be fetched under its lock) the first time."""
        with self._lock:
            rob = self._robots.get(origin)
            if rob is None:
                rob = self._robots[origin] = RobotsEntry()
            return rob

    def robots_info(self, origin: str) -> RobotsInfo | None:
        with self._lock:
            rob = self._robots.get(origin)
        return rob.info if rob else None

    def allows(self, rob: RobotsEntry, url: str) -> bool:
        if rob.parser is None:
            return True
        return bool(rob.parser.can_fetch(url, self.settings.user_agent))

    def apply_robots(self, rob: RobotsEntry, origin: str, host: str, fetched: Fetched) -> None:
        """Fill ``rob`` from the robots.txt answer ``fetched``; a ``Crawl-delay`` raises the host's delay."""
        crawl_delay: float | None = None
        if fetched.status and 200 <= fetched.status < 300 and fetched.body is not None:
            try:
                parser = Protego.parse(fetched.body.decode("utf-8", errors="replace"))
                raw_delay = parser.crawl_delay(self.settings.user_agent)
            except Exception as exc:  # noqa: BLE001 - a broken robots.txt must not stop the crawl
                rob.info = RobotsInfo(origin, fetched.status, True, None, f"unparsable: {exc}", fetched)
                return
            rob.parser = parser
            if raw_delay is not None:
                crawl_delay = min(float(raw_delay), self.settings.max_crawl_delay_s)
                state = self.host(host)
                with state.lock:
                    state.delay = max(state.delay, crawl_delay)
            rob.info = RobotsInfo(origin, fetched.status, False, crawl_delay, None, fetched)
            return
        # 4xx: no rules (allow all). 5xx / unreachable / too large: allow, but keep the error.
        error = None if 400 <= fetched.status < 500 else (fetched.error or f"http-{fetched.status}")
        rob.info = RobotsInfo(origin, fetched.status, True, None, error, fetched)

    def seed_robots(self, origin: str, host: str, fetched: Fetched) -> None:
        """Keep a robots.txt answer from an earlier run for ``origin``, unless one is already there."""
        rob = RobotsEntry()
        self.apply_robots(rob, origin, host, fetched)
        with self._lock:
            self._robots.setdefault(origin, rob)

    def fresh_robots(self) -> list[RobotsInfo]:
        """robots.txt answers fetched (not seeded), to keep for later runs."""
        with self._lock:
            robs = list(self._robots.values())
        return [r.info for r in robs if r.fresh and r.info is not None]


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def norm_host(host: str) -> str:
    return host.strip().lower().rstrip(".")


class HostSet(set[str]):
    """The hosts a request may go to: exact names, and ``.site`` entries for a site and its subdomains
    (`countyreports.crawl.discover.scope`)."""

    def __init__(self, entries: Iterable[str] = ()) -> None:
        super().__init__(norm_host(h) for h in entries)
        self._sites = tuple(h[1:] for h in self if h.startswith("."))

    def __contains__(self, host: object) -> bool:
        if not isinstance(host, str):
            return False
        return super().__contains__(host) or any(host == s or host.endswith("." + s) for s in self._sites)


def is_private_host(host: str) -> bool:
    """True for localhost and IP literals that are not global (any IPv4 spelling inet_aton takes)."""
    h = host.strip("[]").lower().rstrip(".")
    if h == "localhost" or h.endswith(".localhost"):
        return True
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address
    try:
        ip = ipaddress.ip_address(h.split("%", 1)[0])
    except ValueError:
        if not h or not all(c in "0123456789abcdefx." for c in h) or not h[0].isdigit():
            return False
        try:  # "127.1", "2130706433", "0x7f.0.0.1": what the resolver would accept
            ip = ipaddress.IPv4Address(socket.inet_aton(h))
        except OSError:
            return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast
