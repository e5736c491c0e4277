"""The replay portal over real HTTP on 127.0.0.1, and the Fetcher against it (bundled snapshot)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from countyreports.errors import SnapshotError
from countyreports.crawl.fetch import Fetcher
from countyreports.crawl.politeness import FetchSettings
from countyreports.portal.server import ReplayServer, Snapshot

PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"
HTTP = json.loads((PORTAL / "gold" / "http.json").read_text(encoding="utf-8"))
EPOCHS = json.loads((PORTAL / "gold" / "epochs.json").read_text(encoding="utf-8"))
GOLD = {r["report_id"]: r for r in map(json.loads, (PORTAL / "gold" / "reports.jsonl").open(encoding="utf-8"))}


def _manifest() -> dict[tuple[int, str], dict]:
    out = {}
    with (PORTAL / "manifest.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            e = json.loads(line)
            for ep in e["epochs"]:
                out[(ep, e["url"])] = e
    return out


MANIFEST = _manifest()
HOME = "http://www.xiangning.gov.cn/"


def body_of(url: str, epoch: int = 1) -> bytes:
    return (PORTAL / MANIFEST[(epoch, url)]["body"]).read_bytes()


def read_log(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    return Snapshot.load(PORTAL)


@pytest.fixture()
def server(snapshot: Snapshot, tmp_path: Path) -> Iterator[ReplayServer]:
    """A fresh server per test (fail_first counters and the log start empty)."""
    with ReplayServer(snapshot, epoch=1, log=tmp_path / "requests.jsonl") as srv:
        yield srv


@pytest.fixture()
def client(server: ReplayServer) -> Iterator[httpx.Client]:
    with httpx.Client(proxy=server.url, trust_env=False, timeout=10) as c:
        yield c


# ----------------------------------------------------------------------------- snapshot


def test_snapshot_load_indexes_every_entry(snapshot: Snapshot) -> None:
    lines = (PORTAL / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(snapshot) == len(lines)
    assert snapshot.epochs == frozenset({1, 2})
    entry = snapshot.lookup(1, HOME)
    assert entry is not None and entry.status == 200
    assert entry.etag == MANIFEST[(1, HOME)]["headers"]["ETag"]
    assert snapshot.body(entry) == body_of(HOME)
    assert snapshot.lookup(1, HOME + "nope") is None


@pytest.mark.parametrize("manifest,error", [
    ('{"url": "http://a/", "epochs": [1], "status": 200, "headers": {}, "body": null}\nnot json\n', "line 2"),
    ('{"url": "a", "epochs": [1], "status": 200, "headers": {}, "body": null}\n', "url"),
    ('{"url": "http://a/", "epochs": [], "status": 200, "headers": {}, "body": null}\n', "epochs"),
    ('{"url": "http://a/", "epochs": [1], "status": 200, "headers": {}, "body": "bodies/x.html"}\n', "missing body"),
    ('{"url": "http://a/", "epochs": [1], "status": 200, "headers": {}, "body": "../../etc/passwd"}\n', "leaves"),
    ('{"url": "http://a/", "epochs": [1], "status": 200, "headers": {}, "body": null}\n' * 2, "two entries"),
    ('{"url": "http://a/", "epochs": [1], "status": 200, "headers": {}, "body": null, "delay_ms": -1}\n', "delay"),
    ('', "empty"),
])
def test_malformed_snapshot_raises(tmp_path: Path, manifest: str, error: str) -> None:
    (tmp_path / "manifest.jsonl").write_text(manifest, encoding="utf-8")
    with pytest.raises(SnapshotError, match=error):
        Snapshot.load(tmp_path)


def test_missing_manifest_raises(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError):
        Snapshot.load(tmp_path)


# ----------------------------------------------------------------------------- serving


def test_homepage_in_proxy_mode(client: httpx.Client) -> None:
    r = client.get(HOME)
    recorded = MANIFEST[(1, HOME)]["headers"]
    assert r.status_code == 200
    assert r.content == body_of(HOME)
    assert r.headers["Content-Type"] == recorded["Content-Type"]
    assert r.headers["ETag"] == recorded["ETag"]
    assert r.headers["Last-Modified"] == recorded["Last-Modified"]
    assert int(r.headers["Content-Length"]) == len(body_of(HOME))


def test_origin_form_routed_by_host_header(server: ReplayServer) -> None:
    r = httpx.get(server.url + "/", headers={"Host": "www.xiangning.gov.cn"}, trust_env=False)
    assert r.status_code == 200 and r.content == body_of(HOME)
    assert httpx.get(server.url + "/", trust_env=False).status_code == 404  # Host 127.0.0.1:port


def test_query_string_matched_exactly(client: httpx.Client) -> None:
    url = "http://www.hanjiang.gov.cn/module/download/downfile.jsp?classid=0&filename=20240127761250.docx"
    r = client.get(url)
    assert r.status_code == 200 and r.content == body_of(url)
    swapped = "http://www.hanjiang.gov.cn/module/download/downfile.jsp?filename=20240127761250.docx&classid=0"
    assert client.get(swapped).status_code == 404


def test_wrong_charset_header_sent_as_recorded(client: httpx.Client) -> None:
    host = HTTP["wrong_charset_header"][0]
    url = f"http://{host}/"
    assert client.get(url).headers["Content-Type"] == MANIFEST[(1, url)]["headers"]["Content-Type"]


def test_unknown_url_is_404(client: httpx.Client) -> None:
    assert client.get("http://www.xiangning.gov.cn/no/such/page.html").status_code == 404
    assert client.get("http://www.example.com/").status_code == 404


def test_epochs(server: ReplayServer, client: httpx.Client) -> None:
    new = GOLD["141029-2024"]["url"]  # new_in_epoch2
    deleted = EPOCHS["deleted"][0]["url"]
    assert "141029-2024" in EPOCHS["new_in_epoch2"]
    assert client.get(new).status_code == 404
    assert client.get(deleted).status_code == 200
    server.set_epoch(2)
    assert server.epoch == 2
    r = client.get(new)
    assert r.status_code == 200 and r.content == body_of(new, 2)
    assert client.get(deleted).status_code == 404
    assert client.get(HOME).content == body_of(HOME, 2) != body_of(HOME, 1)


def test_conditional_requests(client: httpx.Client) -> None:
    headers = MANIFEST[(1, HOME)]["headers"]
    r = client.get(HOME, headers={"If-None-Match": headers["ETag"]})
    assert r.status_code == 304 and r.content == b""
    assert r.headers["ETag"] == headers["ETag"]
    assert client.get(HOME, headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get(HOME, headers={"If-None-Match": f'"x", W/{headers["ETag"]}'}).status_code == 304
    assert client.get(HOME, headers={"If-Modified-Since": headers["Last-Modified"]}).status_code == 304
    assert client.get(HOME, headers={"If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"}).status_code == 200
    # If-None-Match wins over If-Modified-Since
    r = client.get(HOME, headers={"If-None-Match": '"other"', "If-Modified-Since": headers["Last-Modified"]})
    assert r.status_code == 200


def test_corrected_report_etags(server: ReplayServer, client: httpx.Client) -> None:
    corrected = EPOCHS["corrected"][0]
    url, e1, e2 = corrected["url"], corrected["etag_epoch1"], corrected["etag_epoch2"]
    assert client.get(url, headers={"If-None-Match": e1}).status_code == 304
    server.set_epoch(2)
    r = client.get(url, headers={"If-None-Match": e1})
    assert r.status_code == 200 and r.headers["ETag"] == e2 and r.content == body_of(url, 2)
    assert client.get(url, headers={"If-None-Match": e2}).status_code == 304


def test_flaky_fail_first(server: ReplayServer, client: httpx.Client) -> None:
    url = HTTP["flaky"][0]
    n = MANIFEST[(1, url)]["fail_first"]
    assert n == 2
    statuses = [client.get(url) for _ in range(n + 2)]
    assert [r.status_code for r in statuses] == [503, 503, 200, 200]
    assert statuses[0].content == b""
    assert statuses[2].content == body_of(url)
    server.set_epoch(2)  # counters reset per epoch
    assert [client.get(url).status_code for _ in range(3)] == [503, 503, 200]
    server.set_epoch(2)
    assert client.get(url).status_code == 503


def test_dead_host_503_with_retry_after(client: httpx.Client) -> None:
    host = HTTP["dead_host_epoch1"][0]
    r = client.get(f"http://{host}/")
    assert r.status_code == 503 and r.headers["Retry-After"] == "120"
    assert r.content == body_of(f"http://{host}/")


def test_redirects_served_not_followed(client: httpx.Client) -> None:
    moved = HTTP["moved_host"][0]
    r = client.get(f"http://{moved['from']}/")
    assert r.status_code == 301
    assert r.headers["Location"] == f"http://{moved['to']}/"
    assert r.headers["Content-Length"] == "0"


def test_huge_page_served_whole(client: httpx.Client) -> None:
    url = HTTP["huge_pages"][0]
    r = client.get(url)
    expected = body_of(url)
    assert len(expected) > 8_000_000
    assert r.status_code == 200 and len(r.content) == len(expected)
    assert hashlib.sha1(r.content).hexdigest() == Path(MANIFEST[(1, url)]["body"]).stem


def test_head(client: httpx.Client) -> None:
    r = client.head(HOME)
    assert r.status_code == 200 and r.content == b""
    assert int(r.headers["Content-Length"]) == len(body_of(HOME))


def test_delay_honoured(client: httpx.Client) -> None:
    host = HTTP["slow"][0]
    url, entry = next((u, e) for (ep, u), e in MANIFEST.items() if ep == 1 and e["delay_ms"] and host in u)
    t0 = time.monotonic()
    r = client.get(url)
    took = time.monotonic() - t0
    assert r.status_code == 200
    assert took >= entry["delay_ms"] / 1000 - 0.01
    t0 = time.monotonic()
    client.get(f"http://{host}/")  # the home page has no delay
    assert time.monotonic() - t0 < 1.0


def test_log_lines(server: ReplayServer, client: httpx.Client) -> None:
    etag = MANIFEST[(1, HOME)]["headers"]["ETag"]
    before = time.time()
    client.get(HOME)
    client.get(HOME, headers={"If-None-Match": etag})
    client.head(HOME)
    client.get("http://www.xiangning.gov.cn/missing.html")
    assert server.log_path is not None
    lines = read_log(server.log_path)
    assert len(lines) == 4
    keys = {"ts", "ts_end", "host", "method", "url", "status", "if_none_match", "if_modified_since", "bytes"}
    assert all(set(line) == keys for line in lines)
    assert [(x["method"], x["status"], x["bytes"]) for x in lines] == [
        ("GET", 200, len(body_of(HOME))), ("GET", 304, 0), ("HEAD", 200, 0), ("GET", 404, len(b"404 Not Found\n"))]
    assert all(x["host"] == "www.xiangning.gov.cn" for x in lines)
    assert lines[0]["url"] == HOME and lines[1]["if_none_match"] == etag
    assert lines[0]["if_none_match"] is None and lines[0]["if_modified_since"] is None
    assert all(before <= x["ts"] <= x["ts_end"] <= time.time() for x in lines)


def test_concurrent_clients(server: ReplayServer) -> None:
    urls = [u for (ep, u), e in MANIFEST.items()
            if ep == 1 and e["status"] == 200 and not e["delay_ms"] and not e["fail_first"]][:200]
    errors: list[str] = []

    def work(chunk: list[str]) -> None:
        with httpx.Client(proxy=server.url, trust_env=False, timeout=10) as c:
            for u in chunk:
                r = c.get(u)
                if r.status_code != 200 or r.content != body_of(u):
                    errors.append(u)

    threads = [threading.Thread(target=work, args=(urls[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(read_log(server.log_path)) == len(urls)


def test_client_disconnect_is_quiet(server: ReplayServer, capfd: pytest.CaptureFixture[str]) -> None:
    huge = HTTP["huge_pages"][0]
    for _ in range(3):
        with socket.create_connection(("127.0.0.1", server.port)) as s:
            s.sendall(f"GET {huge} HTTP/1.1\r\nHost: www.aj.gov.cn\r\n\r\n".encode())
            s.recv(100)
        with socket.create_connection(("127.0.0.1", server.port)) as s:
            s.sendall(b"GET / HTTP/1.1\r\nHo")  # half a request
    time.sleep(0.3)
    with httpx.Client(proxy=server.url, trust_env=False) as c:
        assert c.get(HOME).status_code == 200
    err = capfd.readouterr().err
    assert "Traceback" not in err and err.strip() == ""


def test_cli_serves_until_sigterm(tmp_path: Path) -> None:
    log = tmp_path / "cli.jsonl"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "countyreports.portal.server", "--snapshot", str(PORTAL),
                             "--port", "0", "--epoch", "2", "--log", str(log)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("listening on http://127.0.0.1:"), line
        url = line.removeprefix("listening on ")
        with httpx.Client(proxy=url, trust_env=False) as c:
            assert c.get(HOME).content == body_of(HOME, 2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        assert [x["url"] for x in read_log(log)] == [HOME]
        assert proc.stderr is not None and proc.stderr.read() == ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# ----------------------------------------------------------------------------- Fetcher over replay


def fast(**kw: object) -> FetchSettings:
    base: dict = dict(min_delay_s=0.0, backoff_base_s=0.01, backoff_max_s=0.05)
    base.update(kw)
    return FetchSettings(**base)


def test_fetcher_homepage_and_conditional(server: ReplayServer) -> None:
    scope = frozenset({"www.xiangning.gov.cn"})
    with Fetcher(fast(), proxy=server.url) as f:
        r = f.get(HOME, scope=scope)
        again = f.get(HOME, scope=scope, etag=r.header("etag"))
        lm = f.get(HOME, scope=scope, last_modified=r.header("last-modified"))
    assert (r.status, r.error, r.body) == (200, None, body_of(HOME))
    assert r.sha256 == hashlib.sha256(body_of(HOME)).hexdigest()
    assert (again.status, again.not_modified, again.body) == (304, True, None)
    assert lm.not_modified
    log = read_log(server.log_path)
    assert [x["url"] for x in log] == ["http://www.xiangning.gov.cn/robots.txt"] + [HOME] * 3
    assert log[2]["if_none_match"] == MANIFEST[(1, HOME)]["headers"]["ETag"]


def test_fetcher_retries_flaky(server: ReplayServer) -> None:
    url = HTTP["flaky"][0]
    with Fetcher(fast(), proxy=server.url) as f:
        r = f.get(url, scope={"www.lyx.gov.cn"})
        stats = f.stats()
    assert (r.status, r.error, r.body) == (200, None, body_of(url))
    assert stats.retries == 2
    assert [x["status"] for x in read_log(server.log_path) if x["url"] == url] == [503, 503, 200]


def test_fetcher_off_scope_not_requested(server: ReplayServer) -> None:
    with Fetcher(fast(), proxy=server.url) as f:
        results = [f.get(u, scope={"www.xiangning.gov.cn"}) for u in HTTP["offsite_urls"][:5]]
    assert {(r.status, r.error) for r in results} == {(0, "off-scope")}
    assert read_log(server.log_path) == []


def test_fetcher_redirect_loop(server: ReplayServer) -> None:
    url = HTTP["redirect_loops"][0]
    with Fetcher(fast(), proxy=server.url) as f:
        r = f.get(url, scope={"yongqiao.ahsz.gov.cn"})
    assert (r.status, r.error) == (0, "redirect-loop")
    assert r.redirects == (url, MANIFEST[(1, url)]["headers"]["Location"])
    assert sum(x["url"] == url for x in read_log(server.log_path)) == 1


def test_fetcher_huge_page_not_kept(server: ReplayServer) -> None:
    url = HTTP["huge_pages"][0]
    with Fetcher(fast(), proxy=server.url) as f:
        r = f.get(url, scope={"www.aj.gov.cn"})
        stats = f.stats()
    assert (r.status, r.error, r.body, r.sha256) == (200, "too-large", None, None)
    assert stats.bodies == 0 and stats.bytes < FetchSettings().max_body_bytes


def test_fetcher_robots_disallow(server: ReplayServer) -> None:
    robots = next(x for x in HTTP["robots"] if x["disallowed_example"])
    host, url = robots["host"], robots["disallowed_example"]
    with Fetcher(fast(), proxy=server.url) as f:
        r = f.get(url, scope={host})
        home = f.get(f"http://{host}/", scope={host})
        info = f.robots(host)
    assert (r.status, r.error) == (0, "robots-disallowed")
    assert home.status == 200
    assert info is not None and info.fetched.body.decode() == robots["robots"]
    assert [x["url"] for x in read_log(server.log_path)] == [f"http://{host}/robots.txt", f"http://{host}/"]


def test_fetcher_moved_host(server: ReplayServer) -> None:
    moved = HTTP["moved_host"][0]
    old, new = f"http://{moved['from']}/", f"http://{moved['to']}/"
    with Fetcher(fast(), proxy=server.url) as f:
        refused = f.get(old, scope={moved["from"]})
        r = f.get(old, scope={moved["from"]}, follow_host_moves=True)
    assert (refused.error, refused.final_url) == ("off-scope", new)
    assert (r.status, r.final_url, r.redirects, r.body) == (200, new, (old,), body_of(new))


def test_fetcher_dead_host_given_up(server: ReplayServer) -> None:
    host = HTTP["dead_host_epoch1"][0]
    pages = [u for (ep, u), e in MANIFEST.items() if ep == 1 and host in u][:3]
    with Fetcher(fast(), proxy=server.url) as f:
        results = [f.get(u, scope={host}) for u in pages]
        assert f.stats().failed_hosts == frozenset({host})
    assert [(r.status, r.error) for r in results] == [(503, "host-failed")] + [(0, "host-failed")] * 2
    assert [x["url"] for x in read_log(server.log_path) if x["url"] in pages] == pages[:1]


def test_fetcher_broken_link_404(server: ReplayServer) -> None:
    url = HTTP["broken_links"][0]
    with Fetcher(fast(), proxy=server.url) as f:
        r = f.get(url, scope={"junan.linyi.gov.cn"})
    assert (r.status, r.error) == (404, "http-404")


def test_fetcher_politeness_under_threads(server: ReplayServer) -> None:
    """Two counties in parallel, 4 threads each: per host one request at a time, starts >= min delay apart."""
    hosts = ["www.xiangning.gov.cn", "junan.linyi.gov.cn"]
    urls = {h: [u for (ep, u), e in MANIFEST.items() if ep == 1 and e["status"] == 200 and h in u][:8]
            for h in hosts}
    delay = 0.06
    results = []
    with Fetcher(fast(min_delay_s=delay), proxy=server.url) as f:
        def work(h: str, chunk: list[str]) -> None:
            results.extend(f.get(u, scope={h}) for u in chunk)

        threads = [threading.Thread(target=work, args=(h, urls[h][i::4])) for h in hosts for i in range(4)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.monotonic() - t0
    assert len(results) == 16 and all(r.status == 200 for r in results)
    log = read_log(server.log_path)
    for h in hosts:
        mine = sorted((x for x in log if x["host"] == h), key=lambda x: x["ts"])
        assert len(mine) == 9  # robots.txt + 8 pages
        for a, b in zip(mine, mine[1:]):
            assert b["ts"] >= a["ts_end"] - 0.002, "two requests in flight to one host"
            assert b["ts"] - a["ts"] >= delay - 0.02
    # the hosts were crawled in parallel, not one after the other: each host's requests span >= 8 delays
    # (~0.5 s), and the two spans overlap (read from the portal's log, not from a wall-clock budget)
    spans = {h: (min(x["ts"] for x in log if x["host"] == h), max(x["ts_end"] for x in log if x["host"] == h))
             for h in hosts}
    (a0, a1), (b0, b1) = spans.values()
    assert min(a1, b1) - max(a0, b0) > 0.5 * min(a1 - a0, b1 - b0)
    assert took >= 8 * delay - 0.05  # (and the delay was honoured)
