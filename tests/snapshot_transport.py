"""A replay snapshot (tests/fixtures/portal, tests/fixtures/families) as an httpx.MockTransport, for unit tests
that drive the real crawler (`crawl.column`, `crawl.county`) without a server; `find` runs the harvest's column
search for one registry row.

    transport = SnapshotTransport(FAMILIES, epoch=1)
    fetcher = Fetcher(FetchSettings(min_delay_s=0, respect_robots=False), transport=transport)

Each request is answered as the replay portal answers it (`countyreports.portal.snapshot`: the entry of that
URL in that epoch, its status, headers and body; 404 when there is none); `fail_first` and `delay_ms` are
ignored, conditional requests are answered 304 when the ETag matches. `transport.log` lists the URLs asked.
"""

from __future__ import annotations

import atexit
import csv
import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import httpx

from countyreports.crawl.archive import RawStore
from countyreports.crawl.column import ColumnResult, find_column
from countyreports.crawl.discover.scope import Scope
from countyreports.crawl.fetch import Fetcher
from countyreports.crawl.politeness import FetchSettings
from countyreports.crawl.session import CountyCrawl, CrawlOptions
from countyreports.models import County
from countyreports.portal.snapshot import Snapshot

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PORTAL = FIXTURES / "portal"
FAMILIES = FIXTURES / "families"


@lru_cache(maxsize=4)
def snapshot(root: Path) -> Snapshot:
    return Snapshot.load(root)


def counties(root: Path) -> list[dict[str, str]]:
    with open(root / "counties.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def gold_reports(root: Path) -> list[dict]:
    with open(root / "gold" / "reports.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_pages(root: Path) -> list[dict]:
    with open(root / "gold" / "pages.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class SnapshotTransport(httpx.MockTransport):
    def __init__(self, root: Path, epoch: int = 1) -> None:
        self.snap = snapshot(root)
        self.epoch = epoch
        self.log: list[str] = []
        super().__init__(self._answer)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.log.append(url)
        entry = self.snap.lookup(self.epoch, url)
        if entry is None:
            return httpx.Response(404, content=b"404 Not Found\n")
        headers = dict(entry.headers)
        inm = request.headers.get("If-None-Match")
        if inm and entry.status == 200 and entry.etag and inm == entry.etag:
            return httpx.Response(304, headers=headers)
        body = self.snap.body(entry) if entry.status == 200 else b""
        return httpx.Response(entry.status, headers=headers, content=body)


@lru_cache(maxsize=1)
def _scratch_root() -> Path:
    """One temporary folder for the raw stores of a test session, removed when the session ends."""
    path = Path(tempfile.mkdtemp(prefix="cr-store-"))
    atexit.register(shutil.rmtree, path, True)
    return path


def county_of(row: dict[str, str]) -> County:
    return County(row["adcode"], row["province"], row["prefecture"], row["county"], row["homepage"])


def find(root: Path, row: dict[str, str], epoch: int = 1, *, adapters: bool = True, state: dict | None = None,
         store_dir: Path | None = None, **opts: object) -> tuple[ColumnResult, SnapshotTransport, CountyCrawl]:
    """Run the harvest's column search (`crawl.column.find_column`) for one registry row against a snapshot."""
    transport = SnapshotTransport(root, epoch)
    fetcher = Fetcher(FetchSettings(min_delay_s=0, respect_robots=False, max_retries=0), transport=transport)
    county = county_of(row)
    store = RawStore(store_dir or Path(tempfile.mkdtemp(dir=_scratch_root())))
    crawl = CountyCrawl(county, fetcher, store, {}, Scope.of(county.homepage))
    result = find_column(crawl, CrawlOptions(adapters=adapters, **opts), state or {})  # type: ignore[arg-type]
    return result, transport, crawl
