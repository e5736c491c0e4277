"""Polite, safe HTTP fetching (the only module that imports httpx).

Public API:
``Fetcher(settings=FetchSettings(), proxy=None, transport=None)``
    ``.get(url, *, scope, etag=None, last_modified=None, follow_host_moves=False) -> Fetched``
    ``.stats() -> FetchStats`` (a consistent snapshot of the counters)
    ``.robots(url_or_host) -> RobotsInfo | None`` (what robots.txt said, once fetched)
    ``.failed_hosts() -> frozenset[str]``, ``.close()``; usable as a context manager.
    One Fetcher is shared by all threads of a run: it is thread-safe.
``ERR_*``: the error strings below. ``FetchSettings``, ``FetchStats``, ``RobotsInfo``: in `countyreports.crawl.politeness`.
Conventions:
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

Scope and safety:
* Only ``http``/``https``. ``scope`` is the set of host names (no port, any case) the caller allows, a
  ``.site`` entry for a site and its subdomains; a URL or redirect target elsewhere is not requested (``off-scope``).
* Redirects are followed by hand (at most ``max_redirects``), each hop checked for scope,
  robots, private addresses and loops. ``follow_host_moves=True`` (for a county's home page) lets
  a 301/302/307/308 go to a host outside ``scope`` for that call only; the new host is then in
  scope for the rest of that call and shows in ``final_url`` (the caller adds it to the county's
  hosts).
* IP-literal hosts that are not global (private, loopback, link-local, reserved, multicast, and
  ``localhost``) are refused unless requests go through the configured ``proxy`` (names resolving to them
  are the resolver's business). A proxy that refuses a CONNECT (4xx, 501) gives ``proxy-refused`` at once.

Per-host concurrency and delays, robots.txt (once per origin, with protego), retries with backoff or
``Retry-After``, and hosts given up: `countyreports.crawl.politeness`, which keeps that state for the Fetcher.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpx

from countyreports.crawl.codings import ERR_DECODING, ERR_TOO_LARGE, inflate_body
from countyreports.models import Fetched
from countyreports.crawl.politeness import (Counters, FetchSettings, FetchStats, HostSet, Politeness, RobotsEntry,
                                            RobotsInfo, Transient, is_private_host, norm_host, parse_retry_after)

__all__ = ["Fetcher"]

ERR_OFF_SCOPE = "off-scope"
ERR_ROBOTS = "robots-disallowed"
ERR_PRIVATE = "private-address"
ERR_BAD_URL = "bad-url"
ERR_BAD_SCHEME = "bad-scheme"
ERR_HOST_FAILED = "host-failed"
ERR_LOOP = "redirect-loop"
ERR_TOO_MANY_REDIRECTS = "too-many-redirects"
ERR_BAD_REDIRECT = "bad-redirect"
ERR_TIMEOUT = "timeout"
ERR_CONNECT = "connect-error"
ERR_NETWORK = "network-error"
ERR_PROTOCOL = "protocol-error"
ERR_PROXY_REFUSED = "proxy-refused"  # the proxy answered CONNECT with 4xx or 501: retrying will not help

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HOST_MOVES = frozenset({301, 302, 307, 308})
_ERROR_BODY_DRAIN = 64 * 1024  # read small error bodies so the connection can be reused
_REFUSED_BY_PROXY = frozenset({"501", "505"})  # CONNECT answers (besides 4xx) that no retry changes


@dataclass(slots=True)
class _Answer:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes | None = None
    error: str | None = None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


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
        # one TLS context for all the threads' clients: httpx makes one per client and transport otherwise
        # (the CA bundle loaded each time: ~1.5 MB and 40 ms a client; bench/: 32 crawl threads, 48 MB)
        kwargs: dict[str, Any] = dict(timeout=timeout, limits=limits, follow_redirects=False,
                                      trust_env=False, headers={"User-Agent": s.user_agent},
                                      verify=httpx.create_ssl_context(trust_env=False))
        if transport is not None:
            kwargs["transport"] = transport
        elif proxy is not None:
            kwargs["proxy"] = proxy
        self._client_kwargs = kwargs
        self._shared = transport is not None  # a given transport (tests): one client, as given
        self._client = httpx.Client(**kwargs)
        self._clients: list[httpx.Client] = [self._client]
        self._local = threading.local()
        self._lock = threading.Lock()  # guards the clients and `_closed`
        self._polite = Politeness(self.settings)
        self._stats = Counters()
        self._closed = False

    # ------------------------------------------------------------------ public
    def get(self, url: str, *, scope: Iterable[str], etag: str | None = None,
            last_modified: str | None = None, follow_host_moves: bool = False) -> Fetched:
        """GET ``url`` politely; never raises for a failed exchange (see module docstring)."""
        if self._closed:
            raise RuntimeError("Fetcher is closed")
        allowed = HostSet(scope)
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
        return self._polite.failed_hosts()

    def robots(self, url_or_host: str) -> RobotsInfo | None:
        """What robots.txt said for the origin of a URL (or ``http://host``), if fetched."""
        target = url_or_host if "://" in url_or_host else f"http://{url_or_host}/"
        try:
            origin = _origin(httpx.URL(target))
        except (httpx.InvalidURL, ValueError):
            return None
        return self._polite.robots_info(origin)

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
    def _fetch(self, url: str, allowed: HostSet, etag: str | None, last_modified: str | None,
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
            host = norm_host(current.host)
            if not host:
                return record(final, error=ERR_BAD_URL)
            if host not in allowed:
                return record(final, error=ERR_OFF_SCOPE)
            if not self._via_proxy and is_private_host(host):
                return record(final, error=ERR_PRIVATE)
            if self._polite.host(host).failed:
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
                target_host = norm_host(target.host) if target.scheme in ("http", "https") else ""
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
        try:
            for attempt in self._polite.retrying(on_retry=lambda: self._stats.add(retries=1)):
                with attempt:
                    answer = self._exchange(url, host, cond, max_body)
        except Transient as exc:
            if exc.give_up:
                self._polite.mark_failed(host)
                return _Answer(exc.status or 0, exc.headers, error=ERR_HOST_FAILED)
            self._polite.exhausted(host)
            return _Answer(exc.status or 0, exc.headers, error=exc.error)
        self._polite.answered(host)
        return answer

    def _exchange(self, url: httpx.URL, host: str, cond: dict[str, str], max_body: int) -> _Answer:
        """One HTTP request (one attempt). Raises Transient for a retryable failure."""
        key = str(url)
        with self._polite.slot(host):
            self._stats.add(requests=1)
            try:
                with self._http().stream("GET", url, headers=cond) as resp:
                    status = resp.status_code
                    headers = tuple((k.decode("latin-1"), v.decode("latin-1"))
                                    for k, v in resp.headers.raw)
                    if status == 429 or status >= 500:
                        exc = Transient(f"http-{status}", key, status, headers,
                                        parse_retry_after(resp.headers.get("Retry-After")))
                        if exc.retry_after is not None and exc.retry_after > self.settings.retry_after_cap_s:
                            exc.give_up = True
                        self._drain(resp)
                        raise exc
                    if not 200 <= status < 300:
                        self._drain(resp)
                        return _Answer(status, headers)
                    return self._read_body(resp, status, headers, max_body)
            except Transient:
                raise
            except httpx.TimeoutException as exc:
                raise Transient(ERR_TIMEOUT, key) from exc
            except httpx.ConnectError as exc:
                raise Transient(ERR_CONNECT, key) from exc
            except httpx.ProxyError as exc:
                if str(exc)[:3] in _REFUSED_BY_PROXY or str(exc)[:1] == "4":
                    return _Answer(0, (), error=ERR_PROXY_REFUSED)
                raise Transient(ERR_NETWORK, key) from exc
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                raise Transient(ERR_NETWORK, key) from exc
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
        # the raw bytes, their content codings undone here under the cap (crawl.codings), not by httpx (a response
        # built with its content, as a test's transport makes them, comes decoded already)
        consumed = resp.is_stream_consumed
        body, size, error = inflate_body([resp.content] if consumed else resp.iter_raw(),
                                         None if consumed else resp.headers.get("Content-Encoding"), max_body)
        self._stats.add(bodies=int(body is not None), bytes=size)
        return _Answer(status, headers, body=body, error=error)

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

    # ------------------------------------------------------------------ robots.txt
    def _robots_allow(self, url: httpx.URL) -> bool:
        origin = _origin(url)
        rob = self._polite.robots_entry(origin)
        with rob.lock:
            if rob.info is None:
                self._load_robots(rob, origin, url)
        return self._polite.allows(rob, str(url))

    def _load_robots(self, rob: RobotsEntry, origin: str, url: httpx.URL) -> None:
        host = norm_host(url.host)
        robots_url = str(url.copy_with(path="/robots.txt", query=None, fragment=None))
        fetched = self._fetch(robots_url, HostSet((host,)), None, None, False, check_robots=False,
                              max_body=self.settings.max_robots_bytes)
        self._stats.add(robots_fetches=1)
        self._polite.apply_robots(rob, origin, host, fetched)
        rob.fresh = True

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
        when = fetched_at or dt.datetime.now(dt.UTC)
        fetched = Fetched(url=str(url), final_url=str(url), status=status, headers=(), body=body,
                          sha256=hashlib.sha256(body).hexdigest() if body is not None else None,
                          fetched_at=when, size=len(body) if body is not None else None)
        self._polite.seed_robots(_origin(url), norm_host(url.host), fetched)

    def fresh_robots(self) -> list[RobotsInfo]:
        """robots.txt answers fetched by this Fetcher (not seeded), to keep for later runs."""
        return self._polite.fresh_robots()


def _origin(url: httpx.URL) -> str:
    port = f":{url.port}" if url.port is not None else ""
    return f"{url.scheme}://{norm_host(url.host)}{port}"


def _host_of(url: str) -> str | None:
    try:
        return norm_host(httpx.URL(url).host) or None
    except (httpx.InvalidURL, ValueError, TypeError):
        return None
