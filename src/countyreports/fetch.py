"""Polite, safe HTTP fetching (the only module that imports httpx).

Public API
----------
``FetchSettings``   frozen settings (user agent, politeness, timeouts, retries, caps); all defaulted.
``Fetcher(settings=FetchSettings(), proxy=None, transport=None)``
    ``.get(url, *, scope, etag=None, last_modified=None, follow_host_moves=False) -> Fetched``
    ``.stats() -> FetchStats`` (a consistent snapshot of the counters)
    ``.robots(url_or_host) -> RobotsInfo | None`` (what robots.txt said, once fetched)
    ``.failed_hosts() -> frozenset[str]``, ``.close()``; usable as a context manager.
    One Fetcher is shared by all threads of a run: it is thread-safe.
``FetchStats``, ``RobotsInfo``: small frozen records. ``ERR_*``: the error strings below.

Conventions
-----------
* ``get`` never raises for a failed exchange: it returns a :class:`~countyreports.models.Fetched`
  whose ``error`` says why (so every exchange can be logged). It only raises on programming
  errors (e.g. a closed Fetcher).
* ``status == 0`` means the URL in ``final_url`` got no HTTP answer: it was refused before being
  requested (``off-scope``, ``robots-disallowed``, ``private-address``, ``bad-url``, ``bad-scheme``,
  ``host-failed``, ``redirect-loop``, ``too-many-redirects``) or the network failed
  (``timeout``, ``connect-error``, ``network-error``).
* Otherwise ``status`` is the last HTTP status received for ``final_url``; errors then are
  ``http-<status>`` (4xx, or 5xx/429 once retries are exhausted), ``too-large`` (body over
  ``max_body_bytes``; ``body`` is None, nothing is kept), ``bad-redirect`` (3xx without a usable
  ``Location``), ``decoding-error`` (broken gzip/deflate), ``host-failed`` (a ``Retry-After`` above
  ``retry_after_cap_s``: the host is given up for the rest of this Fetcher's life).
* ``body`` is set only for a 2xx answer read whole within the cap; ``sha256`` is the hex SHA-256
  of ``body`` and ``size`` its length (None without a body). A ``304`` (conditional GET with
  ``etag`` / ``last_modified``) gives ``not_modified=True``, ``body=None``, ``sha256=None``.
* ``redirects`` lists every URL that answered with a redirect, in order, starting with ``url``
  (like ``requests``' history); ``final_url`` is the URL that gave the final answer (or was refused).
* ``elapsed_ms`` is the wall time of the whole call (politeness waits, retries, redirects);
  ``fetched_at`` is when the call started, a timezone-aware UTC datetime.
* ``headers`` keep the server's spelling (``Fetched.header()`` looks up case-insensitively).

Scope and safety
----------------
* Only ``http``/``https``. ``scope`` is the set of host names (no port, any case) the caller allows;
  a URL or redirect target on another host is not requested (``off-scope``).
* Redirects are followed by hand (at most ``max_redirects``), each hop checked for scope,
  robots, private addresses and loops. ``follow_host_moves=True`` (for a county's home page) lets
  a 301/302/307/308 go to a host outside ``scope`` for that call only; the new host is then in
  scope for the rest of that call and shows in ``final_url`` (the caller adds it to the county's
  hosts).
* IP-literal hosts that are not global (private, loopback, link-local, reserved, multicast, and
  ``localhost``) are refused unless requests go through the configured ``proxy``.
  (Host names resolving to private addresses are not checked: DNS is the resolver's business.)

Politeness (per host name, across all threads)
----------------------------------------------
At most ``per_host_concurrency`` requests in flight to a host (a request is in flight until its
body is read) and at least the host's delay between request *starts* — with one request in flight
per host (the default), counted from the end of the previous exchange (``min_delay_s``, raised by
a robots.txt ``Crawl-delay`` up to ``max_crawl_delay_s``). Different hosts proceed in parallel.
robots.txt is fetched once per origin per Fetcher (same politeness and retries): 2xx is parsed
with protego for our user agent; 4xx means allow all; 5xx, network errors, oversize mean allow
all too but the failure is kept in ``RobotsInfo.error`` (simplification of RFC 9309).

Retries (tenacity)
------------------
Connect errors, timeouts, network errors, 5xx and 429 are retried up to ``max_retries`` times with
exponential backoff and jitter (``backoff_base_s`` doubling, capped at ``backoff_max_s``); a
``Retry-After`` (seconds or HTTP date) is waited instead when it is at most ``retry_after_cap_s``;
beyond it the host is marked failed. After ``host_fail_after`` consecutive calls to a host that
ended in exhausted transient failures, the host is marked failed too (0 disables).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import ipaddress
import random
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from protego import Protego
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from countyreports.errors import FetchTransient
from countyreports.models import Fetched

__all__ = ["FetchSettings", "FetchStats", "RobotsInfo", "Fetcher"]

ERR_OFF_SCOPE = "off-scope"
ERR_ROBOTS = "robots-disallowed"
ERR_PRIVATE = "private-address"
ERR_BAD_URL = "bad-url"
ERR_BAD_SCHEME = "bad-scheme"
ERR_HOST_FAILED = "host-failed"
ERR_LOOP = "redirect-loop"
ERR_TOO_MANY_REDIRECTS = "too-many-redirects"
ERR_BAD_REDIRECT = "bad-redirect"
ERR_TOO_LARGE = "too-large"
ERR_TIMEOUT = "timeout"
ERR_CONNECT = "connect-error"
ERR_NETWORK = "network-error"
ERR_DECODING = "decoding-error"
ERR_PROTOCOL = "protocol-error"

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HOST_MOVES = frozenset({301, 302, 307, 308})
_ERROR_BODY_DRAIN = 64 * 1024  # read small error bodies so the connection can be reused


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


class _Stats:
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


class _Host:
    """Politeness and health state of one host name."""

    __slots__ = ("sem", "lock", "last_start", "delay", "failed", "consecutive")

    def __init__(self, concurrency: int, delay: float) -> None:
        self.sem = threading.BoundedSemaphore(max(1, concurrency))
        self.lock = threading.Lock()
        self.last_start: float | None = None
        self.delay = delay
        self.failed = False
        self.consecutive = 0


class _Robots:
    __slots__ = ("lock", "info", "parser", "fresh")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.info: RobotsInfo | None = None
        self.parser: Any = None
        self.fresh = False  # fetched by this Fetcher (not seeded from an earlier run)


class _Transient(FetchTransient):
    """A retryable failure of one attempt, with what was received."""

    def __init__(self, error: str, url: str, status: int = 0,
                 headers: tuple[tuple[str, str], ...] = (), retry_after: float | None = None) -> None:
        super().__init__(error, url=url, status=status, retry_after=retry_after)
        self.error = error
        self.headers = headers
        self.give_up = False  # Retry-After beyond the cap


@dataclass(slots=True)
class _Answer:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes | None = None
    error: str | None = None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _norm_host(host: str) -> str:
    return host.strip().lower().rstrip(".")


def _parse_retry_after(value: str | None) -> float | None:
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
    return max(0.0, (when - _now()).total_seconds())


def _is_private_host(host: str) -> bool:
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


def _url_key(url: httpx.URL) -> str:
    return str(url.copy_with(fragment=None))


class Fetcher:
    """Thread-safe polite fetcher; see the module docstring for the conventions."""

    def __init__(self, settings: FetchSettings | None = None, proxy: str | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings or FetchSettings()
        s = self.settings
        self._via_proxy = proxy is not None
        timeout = httpx.Timeout(connect=s.connect_timeout_s, read=s.read_timeout_s,
                                write=s.read_timeout_s, pool=s.pool_timeout_s)
        limits = httpx.Limits(max_connections=s.max_connections,
                              max_keepalive_connections=s.max_connections)
        kwargs: dict[str, Any] = dict(timeout=timeout, limits=limits, follow_redirects=False,
                                      trust_env=False, headers={"User-Agent": s.user_agent})
        if transport is not None:
            kwargs["transport"] = transport
        elif proxy is not None:
            kwargs["proxy"] = proxy
        self._client_kwargs = kwargs
        self._shared = transport is not None  # a given transport (tests): one client, as given
        self._client = httpx.Client(**kwargs)
        self._clients: list[httpx.Client] = [self._client]
        self._local = threading.local()
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, _Robots] = {}
        self._stats = _Stats()
        self._closed = False

    # ------------------------------------------------------------------ public
    def get(self, url: str, *, scope: Iterable[str], etag: str | None = None,
            last_modified: str | None = None, follow_host_moves: bool = False) -> Fetched:
        """GET ``url`` politely; never raises for a failed exchange (see module docstring)."""
        if self._closed:
            raise RuntimeError("Fetcher is closed")
        allowed = {_norm_host(h) for h in scope}
        result = self._fetch(url, allowed, etag, last_modified, follow_host_moves,
                             check_robots=self.settings.respect_robots,
                             max_body=self.settings.max_body_bytes)
        if result.error is not None:
            self._stats.host_failure(_host_of(url) or "")
        return result

    def stats(self) -> FetchStats:
        """A consistent snapshot of the counters."""
        return self._stats.snapshot(self.failed_hosts())

    def failed_hosts(self) -> frozenset[str]:
        with self._lock:
            return frozenset(h for h, st in self._hosts.items() if st.failed)

    def robots(self, url_or_host: str) -> RobotsInfo | None:
        """What robots.txt said for the origin of a URL (or ``http://host``), if fetched."""
        target = url_or_host if "://" in url_or_host else f"http://{url_or_host}/"
        try:
            origin = _origin(httpx.URL(target))
        except (httpx.InvalidURL, ValueError):
            return None
        with self._lock:
            rob = self._robots.get(origin)
        return rob.info if rob else None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            clients = list(self._clients)
        for client in clients:
            client.close()

    def _http(self) -> httpx.Client:
        """The calling thread's client. Each thread has its own connection pool (`max_connections` each), so
        crawl threads never queue on one pool's lock: through a proxy every request has the same origin, and
        one shared pool was the fetch path's hot spot (bench/: ~40% of the crawl's CPU at 32 threads)."""
        if self._shared:
            return self._client
        client: httpx.Client | None = getattr(self._local, "client", None)
        if client is None:
            client = httpx.Client(**self._client_kwargs)
            with self._lock:
                if self._closed:
                    client.close()
                    raise RuntimeError("Fetcher is closed")
                self._clients.append(client)
            self._local.client = client
        return client

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ core
    def _fetch(self, url: str, allowed: set[str], etag: str | None, last_modified: str | None,
               follow_host_moves: bool, *, check_robots: bool, max_body: int) -> Fetched:
        fetched_at = _now()
        t0 = time.perf_counter()
        redirects: list[str] = []
        seen: set[str] = set()

        def record(final: str, status: int = 0, headers: tuple[tuple[str, str], ...] = (),
                   body: bytes | None = None, error: str | None = None,
                   not_modified: bool = False) -> Fetched:
            return Fetched(url=url, final_url=final, status=status, headers=headers, body=body,
                           sha256=hashlib.sha256(body).hexdigest() if body is not None else None,
                           fetched_at=fetched_at, elapsed_ms=(time.perf_counter() - t0) * 1000.0,
                           error=error, redirects=tuple(redirects), not_modified=not_modified,
                           size=len(body) if body is not None else None)

        try:
            current = httpx.URL(url)
        except (httpx.InvalidURL, ValueError, TypeError):
            return record(url, error=ERR_BAD_URL)
        cond: dict[str, str] = {}
        if etag:
            cond["If-None-Match"] = etag
        if last_modified:
            cond["If-Modified-Since"] = last_modified

        while True:
            final = str(current)
            if current.scheme not in ("http", "https"):
                return record(final, error=ERR_BAD_SCHEME)
            host = _norm_host(current.host)
            if not host:
                return record(final, error=ERR_BAD_URL)
            if host not in allowed:
                return record(final, error=ERR_OFF_SCOPE)
            if not self._via_proxy and _is_private_host(host):
                return record(final, error=ERR_PRIVATE)
            if self._host(host).failed:
                return record(final, error=ERR_HOST_FAILED)
            if check_robots and not self._robots_allow(current):
                return record(final, error=ERR_ROBOTS)
            seen.add(_url_key(current))

            answer = self._exchange_with_retries(current, host, cond, max_body)
            status = answer.status
            if status in _REDIRECTS and answer.error is None:
                location = next((v for k, v in answer.headers if k.lower() == "location"), None)
                try:
                    target = current.join(location.strip()) if location and location.strip() else None
                except (httpx.InvalidURL, ValueError):
                    target = None
                if target is None:
                    return record(final, status, answer.headers, error=ERR_BAD_REDIRECT)
                redirects.append(final)
                if _url_key(target) in seen:
                    return record(str(target), error=ERR_LOOP)
                if len(redirects) > self.settings.max_redirects:
                    return record(str(target), error=ERR_TOO_MANY_REDIRECTS)
                target_host = _norm_host(target.host) if target.scheme in ("http", "https") else ""
                if target_host and target_host not in allowed and follow_host_moves \
                        and status in _HOST_MOVES:
                    allowed.add(target_host)
                current = target
                continue
            if status == 304 and answer.error is None:
                self._stats.add(not_modified=1)
                return record(final, status, answer.headers, not_modified=True)
            if 200 <= status < 300 and answer.error is None and answer.body is not None:
                return record(final, status, answer.headers, body=answer.body)
            error = answer.error or (ERR_BAD_REDIRECT if 300 <= status < 400 else f"http-{status}")
            return record(final, status, answer.headers, error=error)

    def _exchange_with_retries(self, url: httpx.URL, host: str, cond: dict[str, str],
                               max_body: int) -> _Answer:
        s = self.settings
        retrying = Retrying(
            stop=stop_after_attempt(max(0, s.max_retries) + 1),
            wait=self._wait,
            retry=retry_if_exception(lambda e: isinstance(e, _Transient) and not e.give_up),
            before_sleep=lambda _rs: self._stats.add(retries=1),
            reraise=True,
        )
        state = self._host(host)
        try:
            for attempt in retrying:
                with attempt:
                    answer = self._exchange(url, host, cond, max_body)
        except _Transient as exc:
            if exc.give_up:
                self._mark_failed(host)
                return _Answer(exc.status or 0, exc.headers, error=ERR_HOST_FAILED)
            with self._lock:
                state.consecutive += 1
                if s.host_fail_after and state.consecutive >= s.host_fail_after:
                    state.failed = True
            return _Answer(exc.status or 0, exc.headers, error=exc.error)
        with self._lock:
            state.consecutive = 0
        return answer

    def _wait(self, rs: RetryCallState) -> float:
        exc = rs.outcome.exception() if rs.outcome is not None else None
        if isinstance(exc, _Transient) and exc.retry_after is not None:
            return max(0.0, exc.retry_after)
        s = self.settings  # exponential backoff with jitter, capped
        base = max(0.0, s.backoff_base_s)
        return min(s.backoff_max_s, base * 2 ** (rs.attempt_number - 1) + random.uniform(0, base))

    def _exchange(self, url: httpx.URL, host: str, cond: dict[str, str], max_body: int) -> _Answer:
        """One HTTP request (one attempt). Raises _Transient for a retryable failure."""
        key = str(url)
        with self._slot(host):
            self._stats.add(requests=1)
            try:
                with self._http().stream("GET", url, headers=cond) as resp:
                    status = resp.status_code
                    headers = tuple((k.decode("latin-1"), v.decode("latin-1"))
                                    for k, v in resp.headers.raw)
                    if status == 429 or status >= 500:
                        exc = _Transient(f"http-{status}", key, status, headers,
                                         _parse_retry_after(resp.headers.get("Retry-After")))
                        if exc.retry_after is not None and exc.retry_after > self.settings.retry_after_cap_s:
                            exc.give_up = True
                        self._drain(resp)
                        raise exc
                    if not 200 <= status < 300:
                        self._drain(resp)
                        return _Answer(status, headers)
                    return self._read_body(resp, status, headers, max_body)
            except _Transient:
                raise
            except httpx.TimeoutException as exc:
                raise _Transient(ERR_TIMEOUT, key) from exc
            except httpx.ConnectError as exc:
                raise _Transient(ERR_CONNECT, key) from exc
            except (httpx.NetworkError, httpx.RemoteProtocolError, httpx.ProxyError) as exc:
                raise _Transient(ERR_NETWORK, key) from exc
            except httpx.DecodingError:
                return _Answer(0, (), error=ERR_DECODING)
            except (httpx.UnsupportedProtocol, httpx.InvalidURL):
                return _Answer(0, (), error=ERR_BAD_URL)
            except httpx.HTTPError:
                return _Answer(0, (), error=ERR_PROTOCOL)

    def _read_body(self, resp: httpx.Response, status: int, headers: tuple[tuple[str, str], ...],
                   max_body: int) -> _Answer:
        declared = resp.headers.get("Content-Length")
        if declared and declared.strip().isdigit() and int(declared) > max_body \
                and not resp.headers.get("Content-Encoding"):
            return _Answer(status, headers, error=ERR_TOO_LARGE)  # not read: the connection closes
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > max_body:
                self._stats.add(bytes=size)
                return _Answer(status, headers, error=ERR_TOO_LARGE)
            chunks.append(chunk)
        self._stats.add(bodies=1, bytes=size)
        return _Answer(status, headers, body=b"".join(chunks))

    @staticmethod
    def _drain(resp: httpx.Response) -> None:
        """Read a small error body so the connection can be reused; give up on a big one."""
        read = 0
        try:
            for chunk in resp.iter_raw():
                read += len(chunk)
                if read > _ERROR_BODY_DRAIN:
                    break
        except (httpx.HTTPError, httpx.StreamError):
            pass

    # ------------------------------------------------------------------ politeness
    def _host(self, host: str) -> _Host:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = _Host(self.settings.per_host_concurrency, self.settings.min_delay_s)
                self._hosts[host] = state
            return state

    def _mark_failed(self, host: str) -> None:
        state = self._host(host)
        with self._lock:
            state.failed = True

    @contextmanager
    def _slot(self, host: str) -> Iterator[None]:
        """Hold one of the host's in-flight slots, started at least `delay` after the last start."""
        state = self._host(host)
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
    def _robots_allow(self, url: httpx.URL) -> bool:
        origin = _origin(url)
        with self._lock:
            rob = self._robots.get(origin)
            if rob is None:
                rob = self._robots[origin] = _Robots()
        with rob.lock:
            if rob.info is None:
                self._load_robots(rob, origin, url)
        if rob.parser is None:
            return True
        return bool(rob.parser.can_fetch(str(url), self.settings.user_agent))

    def _load_robots(self, rob: _Robots, origin: str, url: httpx.URL) -> None:
        host = _norm_host(url.host)
        robots_url = str(url.copy_with(path="/robots.txt", query=None, fragment=None))
        fetched = self._fetch(robots_url, {host}, None, None, False, check_robots=False,
                              max_body=self.settings.max_robots_bytes)
        self._stats.add(robots_fetches=1)
        self._apply_robots(rob, origin, host, fetched)
        rob.fresh = True

    def _apply_robots(self, rob: _Robots, origin: str, host: str, fetched: Fetched) -> None:
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
                state = self._host(host)
                with state.lock:
                    state.delay = max(state.delay, crawl_delay)
            rob.info = RobotsInfo(origin, fetched.status, False, crawl_delay, None, fetched)
            return
        # 4xx: no rules (allow all). 5xx / unreachable / too large: allow, but keep the error.
        error = None if 400 <= fetched.status < 500 else (fetched.error or f"http-{fetched.status}")
        rob.info = RobotsInfo(origin, fetched.status, True, None, error, fetched)

    def seed_robots(self, origin: str, status: int, body: bytes | None,
                    fetched_at: dt.datetime | None = None) -> None:
        """Use a robots.txt answer kept from an earlier run instead of fetching it again.

        The caller decides how long such an answer stays valid (RFC 9309: up to 24 hours). Only 2xx and
        4xx answers are worth keeping; anything else is fetched again.
        """
        try:
            url = httpx.URL(origin + "/robots.txt")
        except (httpx.InvalidURL, ValueError):
            return
        key = _origin(url)
        host = _norm_host(url.host)
        when = fetched_at or dt.datetime.now(dt.UTC)
        fetched = Fetched(url=str(url), final_url=str(url), status=status, headers=(), body=body,
                          sha256=hashlib.sha256(body).hexdigest() if body is not None else None,
                          fetched_at=when, size=len(body) if body is not None else None)
        rob = _Robots()
        self._apply_robots(rob, key, host, fetched)
        with self._lock:
            self._robots.setdefault(key, rob)

    def fresh_robots(self) -> list[RobotsInfo]:
        """robots.txt answers fetched by this Fetcher (not seeded), to keep for later runs."""
        with self._lock:
            robs = list(self._robots.values())
        return [r.info for r in robs if r.fresh and r.info is not None]


def _origin(url: httpx.URL) -> str:
    port = f":{url.port}" if url.port is not None else ""
    return f"{url.scheme}://{_norm_host(url.host)}{port}"


def _host_of(url: str) -> str | None:
    try:
        return _norm_host(httpx.URL(url).host) or None
    except (httpx.InvalidURL, ValueError, TypeError):
        return None
