"""Fetcher rules over httpx.MockTransport: scope, redirects, retries, caps, robots, politeness."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from countyreports.crawl.fetch import Fetcher
from countyreports.models import Fetched
from countyreports.crawl.politeness import FetchSettings

HOST = "www.xiangning.gov.cn"
SCOPE = frozenset({HOST})
FAST = FetchSettings(min_delay_s=0.0, backoff_base_s=0.001, backoff_max_s=0.01, respect_robots=False)


class Site:
    """A MockTransport handler from a dict of routes; records every request."""

    def __init__(self, routes: dict[str, Callable[[httpx.Request], httpx.Response] | httpx.Response]) -> None:
        self.routes = routes
        self.requests: list[httpx.Request] = []
        self.starts: list[tuple[str, float]] = []
        self.lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.requests.append(request)
            self.starts.append((request.url.host, time.monotonic()))
        route = self.routes.get(str(request.url))
        if route is None:
            return httpx.Response(404, text="not found")
        if callable(route):
            return route(request)
        return httpx.Response(route.status_code, headers=route.headers, content=route.content)

    def urls(self) -> list[str]:
        return [str(r.url) for r in self.requests]


def fetcher(site: Site, settings: FetchSettings = FAST, proxy: str | None = None) -> Fetcher:
    return Fetcher(settings, proxy=proxy, transport=httpx.MockTransport(site))


def html(text: str = "<html>ok</html>", **headers: str) -> httpx.Response:
    return httpx.Response(200, content=text.encode(), headers={"Content-Type": "text/html", **headers})


def sequence(*responses: httpx.Response | Exception) -> Callable[[httpx.Request], httpx.Response]:
    items = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        item = items.pop(0) if len(items) > 1 else items[0]
        if isinstance(item, Exception):
            raise item
        return httpx.Response(item.status_code, headers=item.headers, content=item.content)

    return handler


# ----------------------------------------------------------------------------- basics


def test_success_record() -> None:
    site = Site({f"http://{HOST}/": html("<p>乡宁</p>", ETag='"abc"')})
    with fetcher(site) as f:
        r = f.get(f"http://{HOST}/", scope=SCOPE)
    body = "<p>乡宁</p>".encode()
    assert isinstance(r, Fetched)
    assert (r.status, r.error, r.body, r.final_url, r.redirects) == (200, None, body, f"http://{HOST}/", ())
    assert r.sha256 == hashlib.sha256(body).hexdigest()
    assert r.size == len(body)
    assert r.header("etag") == '"abc"' and r.ok and not r.not_modified
    assert r.fetched_at.tzinfo is not None and r.fetched_at.utcoffset() == dt.timedelta(0)
    assert site.requests[0].headers["User-Agent"] == FAST.user_agent
    s = f.stats()
    assert (s.requests, s.bodies, s.bytes, s.errors) == (1, 1, len(body), 0)


def test_scope_is_case_insensitive() -> None:
    site = Site({f"http://{HOST}/a": html()})
    with fetcher(site) as f:
        assert f.get(f"http://{HOST.upper()}/a", scope={"WWW.Xiangning.gov.cn"}).status == 200


@pytest.mark.parametrize("url,error", [
    ("http://www.gov.cn/", "off-scope"),
    ("ftp://www.xiangning.gov.cn/x", "bad-scheme"),
    ("file:///etc/passwd", "bad-scheme"),
    ("http://", "bad-url"),
])
def test_refused_before_request(url: str, error: str) -> None:
    site = Site({})
    with fetcher(site) as f:
        r = f.get(url, scope=SCOPE | {"www.gov.cn"} if error != "off-scope" else SCOPE)
    assert (r.status, r.error, r.body) == (0, error, None)
    assert site.requests == []
    assert f.stats().errors == 1


@pytest.mark.parametrize("host", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "[::1]",
                                  "localhost", "2130706433", "127.1", "0.0.0.0", "[::ffff:127.0.0.1]"])
def test_private_ip_literal_refused_without_proxy(host: str) -> None:
    site = Site({})
    scope = {host.strip("[]")}
    with fetcher(site) as f:
        r = f.get(f"http://{host}/", scope=scope)
    assert (r.status, r.error) == (0, "private-address")
    assert site.requests == []


def test_private_ip_allowed_through_proxy() -> None:
    site = Site({"http://127.0.0.1/": html()})
    with fetcher(site, proxy="http://127.0.0.1:9") as f:
        assert f.get("http://127.0.0.1/", scope={"127.0.0.1"}).status == 200


# ----------------------------------------------------------------------------- redirects


def test_redirect_within_scope_followed() -> None:
    site = Site({
        f"http://{HOST}/old": httpx.Response(301, headers={"Location": "/new?a=1&b=2"}),
        f"http://{HOST}/new?a=1&b=2": html("new"),
    })
    with fetcher(site) as f:
        r = f.get(f"http://{HOST}/old", scope=SCOPE)
    assert (r.status, r.body, r.error) == (200, b"new", None)
    assert r.final_url == f"http://{HOST}/new?a=1&b=2"
    assert r.redirects == (f"http://{HOST}/old",)


def test_redirect_off_scope_not_requested() -> None:
    site = Site({f"http://{HOST}/x": httpx.Response(302, headers={"Location": "http://www.gov.cn/"})})
    with fetcher(site) as f:
        r = f.get(f"http://{HOST}/x", scope=SCOPE)
    assert (r.status, r.error, r.final_url) == (0, "off-scope", "http://www.gov.cn/")
    assert r.redirects == (f"http://{HOST}/x",)
    assert site.urls() == [f"http://{HOST}/x"]


def test_host_move_allowed_only_when_asked() -> None:
    old, new = "http://www.shexian.gov.cn/", "http://www.shexian.huangshan.gov.cn/"
    site = Site({old: httpx.Response(301, headers={"Location": new}),
                 new + "": httpx.Response(302, headers={"Location": new + "index.html"}),
                 new + "index.html": html("home")})
    scope = frozenset({"www.shexian.gov.cn"})
    with fetcher(site) as f:
        refused = f.get(old, scope=scope)
        moved = f.get(old, scope=scope, follow_host_moves=True)
        later = f.get(new, scope=scope)  # the move was for that one call only
    assert (refused.error, refused.final_url) == ("off-scope", new)
    assert (moved.status, moved.error, moved.body) == (200, None, b"home")
    assert moved.final_url == new + "index.html"
    assert moved.redirects == (old, new)
    assert later.error == "off-scope"
    assert site.urls().count(old) == 2 and site.urls().count(new) == 1


def test_host_move_does_not_open_private_addresses() -> None:
    site = Site({f"http://{HOST}/": httpx.Response(301, headers={"Location": "http://10.0.0.1/"})})
    with fetcher(site) as f:
        r = f.get(f"http://{HOST}/", scope=SCOPE, follow_host_moves=True)
    assert (r.error, r.final_url) == ("private-address", "http://10.0.0.1/")
    assert len(site.requests) == 1


def test_redirect_loop_detected() -> None:
    a, b = f"http://{HOST}/a.html", f"http://{HOST}/a_redirect.html"
    site = Site({a: httpx.Response(302, headers={"Location": b}),
                 b: httpx.Response(302, headers={"Location": a})})
    with fetcher(site) as f:
        r = f.get(a, scope=SCOPE)
    assert (r.status, r.error, r.final_url, r.redirects) == (0, "redirect-loop", a, (a, b))
    assert site.urls() == [a, b]


def test_too_many_redirects() -> None:
    routes: dict = {f"http://{HOST}/r{i}": httpx.Response(302, headers={"Location": f"/r{i + 1}"})
                    for i in range(10)}
    site = Site(routes)
    with fetcher(site, FetchSettings(min_delay_s=0, respect_robots=False, max_redirects=3)) as f:
        r = f.get(f"http://{HOST}/r0", scope=SCOPE)
    assert r.error == "too-many-redirects"
    assert len(site.requests) == 4 and len(r.redirects) == 4


def test_redirect_without_location() -> None:
    site = Site({f"http://{HOST}/": httpx.Response(302)})
    with fetcher(site) as f:
        r = f.get(f"http://{HOST}/", scope=SCOPE)
    assert (r.status, r.error) == (302, "bad-redirect")


# ----------------------------------------------------------------------------- retries


def test_flaky_url_retried_then_succeeds() -> None:
    url = f"http://{HOST}/col/index.html"
    site = Site({url: sequence(httpx.Response(503), httpx.Response(503), html("list"))})
    with fetcher(site) as f:
        r = f.get(url, scope=SCOPE)
    assert (r.status, r.body, r.error) == (200, b"list", None)
    s = f.stats()
    assert (s.requests, s.retries, s.bodies, s.errors) == (3, 2, 1, 0)


def test_retries_exhausted_returns_last_status() -> None:
    url = f"http://{HOST}/down"
    site = Site({url: httpx.Response(502, text="bad gateway")})
    with fetcher(site) as f:
        r = f.get(url, scope=SCOPE)
    assert (r.status, r.error, r.body) == (502, "http-502", None)
    assert len(site.requests) == FAST.max_retries + 1
    assert f.stats().host_failures == {HOST: 1}


def test_connect_error_and_timeout_retried() -> None:
    url1, url2 = f"http://{HOST}/c", f"http://{HOST}/t"
    site = Site({url1: sequence(httpx.ConnectError("refused"), html("c")),
                 url2: sequence(httpx.ReadTimeout("slow"), httpx.ReadTimeout("slow"), html("t"))})
    with fetcher(site) as f:
        assert f.get(url1, scope=SCOPE).body == b"c"
        assert f.get(url2, scope=SCOPE).body == b"t"
    assert len(site.requests) == 5


def test_network_failure_record_and_host_given_up_after_consecutive_failures() -> None:
    site = Site({f"http://{HOST}/{i}": sequence(httpx.ConnectError("refused")) for i in range(4)})
    settings = FetchSettings(min_delay_s=0, backoff_base_s=0.001, max_retries=1, host_fail_after=2,
                             respect_robots=False)
    with fetcher(site, settings) as f:
        results = [f.get(f"http://{HOST}/{i}", scope=SCOPE) for i in range(4)]
    assert [(r.status, r.error) for r in results] == [
        (0, "connect-error"), (0, "connect-error"), (0, "host-failed"), (0, "host-failed")]
    assert len(site.requests) == 4  # 2 calls x 2 attempts, then nothing
    assert f.stats().failed_hosts == frozenset({HOST})


def test_404_not_retried() -> None:
    site = Site({})
    with fetcher(site) as f:
        r = f.get(f"http://{HOST}/gone.html", scope=SCOPE)
    assert (r.status, r.error, r.body) == (404, "http-404", None)
    assert len(site.requests) == 1


def test_retry_after_within_cap_is_honoured() -> None:
    url = f"http://{HOST}/busy"
    site = Site({url: sequence(httpx.Response(429, headers={"Retry-After": "1"}), html("ok"))})
    with fetcher(site) as f:
        t0 = time.monotonic()
        r = f.get(url, scope=SCOPE)
        waited = time.monotonic() - t0
    assert r.body == b"ok"
    assert waited >= 0.95


def test_retry_after_beyond_cap_marks_host_failed() -> None:
    site = Site({f"http://{HOST}/": httpx.Response(503, headers={"Retry-After": "120"}),
                 "http://other.gov.cn/": html()})
    with fetcher(site) as f:
        first = f.get(f"http://{HOST}/", scope=SCOPE)
        second = f.get(f"http://{HOST}/a.html", scope=SCOPE)
        other = f.get("http://other.gov.cn/", scope={"other.gov.cn"})
        stats = f.stats()
    assert (first.status, first.error) == (503, "host-failed")
    assert (second.status, second.error) == (0, "host-failed")
    assert other.status == 200
    assert site.urls() == [f"http://{HOST}/", "http://other.gov.cn/"]
    assert stats.failed_hosts == frozenset({HOST})
    assert stats.host_failures == {HOST: 2}


def test_retry_after_http_date_beyond_cap() -> None:
    later = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=2)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    site = Site({f"http://{HOST}/": httpx.Response(503, headers={"Retry-After": later})})
    with fetcher(site) as f:
        assert f.get(f"http://{HOST}/", scope=SCOPE).error == "host-failed"
    assert len(site.requests) == 1


# ----------------------------------------------------------------------------- conditional GET


def test_conditional_get_sends_validators_and_handles_304() -> None:
    url = f"http://{HOST}/r.html"
    etag, lm = '"667e2730-a99"', "Fri, 28 Jun 2024 03:00:00 GMT"
    site = Site({url: httpx.Response(304, headers={"ETag": etag})})
    with fetcher(site) as f:
        r = f.get(url, scope=SCOPE, etag=etag, last_modified=lm)
    sent = site.requests[0].headers
    assert (sent["If-None-Match"], sent["If-Modified-Since"]) == (etag, lm)
    assert (r.status, r.not_modified, r.body, r.sha256, r.error, r.ok) == (304, True, None, None, None, True)
    assert f.stats().not_modified == 1 and f.stats().bodies == 0


def test_no_validators_sent_by_default() -> None:
    site = Site({f"http://{HOST}/": html()})
    with fetcher(site) as f:
        f.get(f"http://{HOST}/", scope=SCOPE)
    assert "If-None-Match" not in site.requests[0].headers
    assert "If-Modified-Since" not in site.requests[0].headers


# ----------------------------------------------------------------------------- body caps


def test_declared_oversize_body_not_read() -> None:
    yielded: list[int] = []

    def big() -> Iterator[bytes]:
        for i in range(100):
            yielded.append(i)
            yield b"x" * 1000

    site = Site({f"http://{HOST}/huge": lambda r: httpx.Response(
        200, headers={"Content-Length": "100000"}, content=big())})
    settings = FetchSettings(min_delay_s=0, respect_robots=False, max_body_bytes=10_000)
    with fetcher(site, settings) as f:
        r = f.get(f"http://{HOST}/huge", scope=SCOPE)
    assert (r.status, r.error, r.body, r.sha256, r.size) == (200, "too-large", None, None, None)
    assert len(yielded) < 100


def test_streamed_oversize_body_cut_off() -> None:
    yielded: list[int] = []

    def big() -> Iterator[bytes]:  # no Content-Length: chunked
        for i in range(100):
            yielded.append(i)
            yield b"x" * 1000

    site = Site({f"http://{HOST}/huge": lambda r: httpx.Response(200, content=big())})
    settings = FetchSettings(min_delay_s=0, respect_robots=False, max_body_bytes=10_000)
    with fetcher(site, settings) as f:
        r = f.get(f"http://{HOST}/huge", scope=SCOPE)
    assert (r.status, r.error, r.body) == (200, "too-large", None)
    assert len(yielded) <= 12  # stopped soon after the cap


def test_gzip_bomb_capped_on_decoded_size() -> None:
    payload = gzip.compress(b"a" * 2_000_000)
    assert len(payload) < 10_000
    site = Site({f"http://{HOST}/bomb": lambda r: httpx.Response(
        200, content=iter([payload]),
        headers={"Content-Encoding": "gzip", "Content-Length": str(len(payload))})})
    settings = FetchSettings(min_delay_s=0, respect_robots=False, max_body_bytes=100_000)
    with fetcher(site, settings) as f:
        r = f.get(f"http://{HOST}/bomb", scope=SCOPE)
    assert (r.error, r.body) == ("too-large", None)


def test_gzip_body_decoded_within_cap() -> None:
    payload = gzip.compress("法治政府".encode() * 100)
    site = Site({f"http://{HOST}/z": lambda r: httpx.Response(200, content=iter([payload]),
                                                               headers={"Content-Encoding": "gzip"})})
    with fetcher(site) as f:
        r = f.get(f"http://{HOST}/z", scope=SCOPE)
    assert r.body == "法治政府".encode() * 100


def test_broken_gzip_is_a_decoding_error() -> None:
    site = Site({f"http://{HOST}/z": lambda r: httpx.Response(200, content=iter([b"not gzip at all"]),
                                                               headers={"Content-Encoding": "gzip"})})
    with fetcher(site) as f:
        r = f.get(f"http://{HOST}/z", scope=SCOPE)
    assert (r.error, r.body) == ("decoding-error", None)


# ----------------------------------------------------------------------------- robots.txt


ROBOTS = "User-agent: *\nDisallow: /search/\nDisallow: /module/\n"


def test_robots_disallow_honoured_and_fetched_once() -> None:
    host = "www.shihe.gov.cn"
    site = Site({f"http://{host}/robots.txt": httpx.Response(200, text=ROBOTS),
                 f"http://{host}/": html(), f"http://{host}/search/?q=fzzf": html("results")})
    settings = FetchSettings(min_delay_s=0, respect_robots=True)
    with fetcher(site, settings) as f:
        blocked = f.get(f"http://{host}/search/?q=fzzf", scope={host})
        home = f.get(f"http://{host}/", scope={host})
        again = f.get(f"http://{host}/module/download/x.docx", scope={host})
        info = f.robots(host)
        stats = f.stats()
    assert (blocked.status, blocked.error, blocked.body) == (0, "robots-disallowed", None)
    assert (home.status, again.error) == (200, "robots-disallowed")
    assert site.urls() == [f"http://{host}/robots.txt", f"http://{host}/"]
    assert info is not None and (info.status, info.allow_all, info.error) == (200, False, None)
    assert info.fetched.body == ROBOTS.encode()
    assert stats.robots_fetches == 1


def test_robots_for_our_user_agent_only() -> None:
    robots = "User-agent: countyreports\nDisallow: /\n\nUser-agent: *\nDisallow:\n"
    site = Site({f"http://{HOST}/robots.txt": httpx.Response(200, text=robots), f"http://{HOST}/": html()})
    with fetcher(site, FetchSettings(min_delay_s=0)) as f:
        assert f.get(f"http://{HOST}/", scope=SCOPE).error == "robots-disallowed"
    robots = "User-agent: Baiduspider\nDisallow: /\n"
    site = Site({f"http://{HOST}/robots.txt": httpx.Response(200, text=robots), f"http://{HOST}/": html()})
    with fetcher(site, FetchSettings(min_delay_s=0)) as f:
        assert f.get(f"http://{HOST}/", scope=SCOPE).status == 200


@pytest.mark.parametrize("robots_response,error", [
    (httpx.Response(404), None),
    (httpx.Response(500), "http-500"),
])
def test_robots_missing_or_broken_allows(robots_response: httpx.Response, error: str | None) -> None:
    site = Site({f"http://{HOST}/robots.txt": robots_response, f"http://{HOST}/a": html("a")})
    settings = FetchSettings(min_delay_s=0, backoff_base_s=0.001, max_retries=1)
    with fetcher(site, settings) as f:
        r = f.get(f"http://{HOST}/a", scope=SCOPE)
        info = f.robots(f"http://{HOST}/anything")
    assert r.body == b"a"
    assert info is not None and info.allow_all and info.error == error


def test_robots_fetched_once_under_threads() -> None:
    site = Site({f"http://{HOST}/robots.txt": httpx.Response(200, text="User-agent: *\nDisallow: /x/\n")}
                | {f"http://{HOST}/p{i}": html() for i in range(8)})
    with fetcher(site, FetchSettings(min_delay_s=0, per_host_concurrency=4)) as f:
        threads = [threading.Thread(target=f.get, args=(f"http://{HOST}/p{i}",), kwargs={"scope": SCOPE})
                   for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert site.urls().count(f"http://{HOST}/robots.txt") == 1
    assert len(site.requests) == 9


def test_crawl_delay_raises_host_delay() -> None:
    site = Site({f"http://{HOST}/robots.txt": httpx.Response(200, text="User-agent: *\nCrawl-delay: 0.3\n"),
                 f"http://{HOST}/a": html(), f"http://{HOST}/b": html()})
    with fetcher(site, FetchSettings(min_delay_s=0.0)) as f:
        f.get(f"http://{HOST}/a", scope=SCOPE)
        f.get(f"http://{HOST}/b", scope=SCOPE)
        assert f.robots(HOST).crawl_delay == pytest.approx(0.3)
    starts = [t for _, t in site.starts]
    assert starts[2] - starts[1] >= 0.29


# ----------------------------------------------------------------------------- politeness


def _slow_site(hosts: list[str], n: int, delay: float) -> tuple[Site, dict[str, int]]:
    in_flight: dict[str, int] = {h: 0 for h in hosts}
    peak: dict[str, int] = {h: 0 for h in hosts}
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        h = request.url.host
        with lock:
            in_flight[h] += 1
            peak[h] = max(peak[h], in_flight[h])
        time.sleep(delay)
        with lock:
            in_flight[h] -= 1
        return html()

    site = Site({f"http://{h}/p{i}": handler for h in hosts for i in range(n)})
    return site, peak


def _run_threads(f: Fetcher, urls: list[tuple[str, str]]) -> list[Fetched]:
    out: list[Fetched] = []
    lock = threading.Lock()

    def work(url: str, host: str) -> None:
        r = f.get(url, scope={host})
        with lock:
            out.append(r)

    threads = [threading.Thread(target=work, args=u) for u in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def test_one_request_in_flight_per_host_and_spacing() -> None:
    hosts = ["a.gov.cn", "b.gov.cn"]
    site, peak = _slow_site(hosts, 6, 0.01)
    settings = FetchSettings(min_delay_s=0.05, respect_robots=False)
    with fetcher(site, settings) as f:
        t0 = time.monotonic()
        results = _run_threads(f, [(f"http://{h}/p{i}", h) for h in hosts for i in range(6)])
        took = time.monotonic() - t0
    assert all(r.status == 200 for r in results) and len(results) == 12
    assert peak == {"a.gov.cn": 1, "b.gov.cn": 1}
    for h in hosts:
        starts = sorted(t for host, t in site.starts if host == h)
        gaps = [b - a for a, b in zip(starts, starts[1:])]
        assert min(gaps) >= 0.04, gaps  # 0.05 s, less the jitter between the fetcher's clock and ours
    # hosts proceed in parallel: 6 spaced starts per host take ~0.25 s, not ~0.55 s
    assert took < 0.5


def test_per_host_concurrency_two() -> None:
    site, peak = _slow_site(["a.gov.cn"], 6, 0.1)
    settings = FetchSettings(min_delay_s=0.0, per_host_concurrency=2, respect_robots=False)
    with fetcher(site, settings) as f:
        _run_threads(f, [(f"http://a.gov.cn/p{i}", "a.gov.cn") for i in range(6)])
    assert peak == {"a.gov.cn": 2}


def test_stats_are_consistent_under_threads() -> None:
    site = Site({f"http://{HOST}/p{i}": html("x" * 10) for i in range(20)})
    with fetcher(site, FetchSettings(min_delay_s=0, per_host_concurrency=4, respect_robots=False)) as f:
        _run_threads(f, [(f"http://{HOST}/p{i}", HOST) for i in range(20)]
                     + [(f"http://{HOST}/missing{i}", HOST) for i in range(5)])
        s = f.stats()
    assert (s.requests, s.bodies, s.bytes, s.errors, s.host_failures) == (25, 20, 200, 5, {HOST: 5})
