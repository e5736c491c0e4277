"""Content codings undone under the body cap (crawl.codings), alone and through the fetcher over real HTTP (the
replay portal serving gzip bombs): a bomb is "too-large" after about the cap's worth of inflating, in about the
cap's worth of memory — even gzipped twice, which httpx's own decoder turned into 2 GB."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from countyreports.crawl.codings import inflate_body
from countyreports.crawl.fetch import Fetcher
from countyreports.crawl.politeness import FetchSettings
from countyreports.portal.server import ReplayServer, Snapshot
from countyreports.portal.snapshot import Entry
from countyreports.sandbox import Budget, BudgetPool
from hostile_corpus import double_gzip_bomb, gzip_bomb

PAGE = "<html><body><p>法治政府建设年度报告</p></body></html>".encode() * 50
MIB = 1024 * 1024


def pieces(data: bytes, size: int = 1000) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i:i + size]


def test_codings_are_undone() -> None:
    raw_deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    cases = {
        "gzip": gzip.compress(PAGE),
        "x-gzip": gzip.compress(PAGE),
        "deflate": zlib.compress(PAGE),
        "gzip, gzip": gzip.compress(gzip.compress(PAGE)),
        "identity": PAGE,
        "br": PAGE,  # (a coding not known here is left as it is, as httpx does)
        None: PAGE,
    }
    for coding, data in cases.items():
        assert inflate_body(pieces(data), coding, 10 * MIB) == (PAGE, len(data), None), coding
    raw = raw_deflate.compress(PAGE) + raw_deflate.flush()
    assert inflate_body(pieces(raw), "deflate", 10 * MIB)[0] == PAGE  # "deflate" without its zlib header
    two = gzip.compress(PAGE[:100]) + gzip.compress(PAGE[100:])
    assert inflate_body(pieces(two), "gzip", 10 * MIB)[0] == PAGE  # two gzip members
    assert inflate_body(pieces(gzip.compress(PAGE) + b"\0junk"), "gzip", 10 * MIB)[0] == PAGE  # trailing bytes


def test_the_cap_is_on_the_decoded_size() -> None:
    data = gzip.compress(PAGE)
    assert inflate_body(pieces(data), "gzip", len(PAGE))[0] == PAGE
    assert inflate_body(pieces(data), "gzip", len(PAGE) - 1) == (None, len(data), "too-large")
    assert inflate_body(pieces(b"not gzip"), "gzip", MIB) == (None, 8, "decoding-error")


def test_a_bomb_stops_at_the_cap_before_the_wire_ends() -> None:
    bomb = gzip_bomb()  # 1 GiB of zeros in ~1 MB
    body, raw, error = inflate_body(pieces(bomb, 4096), "gzip", 5 * MIB)
    assert (body, error) == (None, "too-large") and raw < len(bomb) // 10


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReplayServer]:
    d = tmp_path_factory.mktemp("codings")
    bodies = {"/single": (gzip_bomb(), "gzip"), "/double": (double_gzip_bomb(), "gzip, gzip"),
              "/page": (gzip.compress(PAGE), "gzip")}
    entries = []
    for path, (data, coding) in bodies.items():
        (d / path[1:]).write_bytes(data)
        entries.append(Entry(url=f"http://www.bomb.gov.cn{path}", epochs=(1,), status=200,
                             headers=(("Content-Type", "text/html"), ("Content-Encoding", coding)),
                             body=str(d / path[1:])))
    with ReplayServer(Snapshot(d, entries), epoch=1) as server:
        yield server


def fetch(proxy: str, path: str) -> tuple[int, str | None, int | None]:
    with Fetcher(FetchSettings(min_delay_s=0, respect_robots=False), proxy=proxy) as f:
        r = f.get(f"http://www.bomb.gov.cn{path}", scope={"www.bomb.gov.cn"})
    return r.status, r.error, r.size


def test_bombs_over_http_end_too_large_within_a_small_memory_budget(portal: ReplayServer) -> None:
    # in a process of 300 MB of address space: the 5 MiB body cap, not the bomb, decides what is held
    with BudgetPool(1, Budget(time_s=120, memory_bytes=300 * MIB)) as pool:
        assert pool.submit(fetch, portal.url, "/page").result() == (200, None, len(PAGE))
        assert pool.submit(fetch, portal.url, "/single").result() == (200, "too-large", None)
        assert pool.submit(fetch, portal.url, "/double").result() == (200, "too-large", None)
        assert pool.stats().over_memory == 0
