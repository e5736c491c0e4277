"""`countyreports status` explains the counties that were not ok: a blocked county gets the proxy hint, a county
whose column was not found lists the best pages the search tried, with their scores (issue 15, points 7 and 9).
The counties are crawled for real (a MockTransport site) and loaded by the real writer."""

from __future__ import annotations

import datetime as dt

import httpx
from typer.testing import CliRunner

from countyreports.cli import app
from countyreports.crawl.archive import RawStore
from countyreports.crawl.county import crawl_county
from countyreports.crawl.fetch import Fetcher
from countyreports.crawl.politeness import FetchSettings
from countyreports.models import County
from countyreports.warehouse.writer import Warehouse

SITES = {
    "http://www.blocked.gov.cn/": (521, "<script>document.cookie='__jsl_clearance=1';location.reload()</script>"),
    "http://www.plain.gov.cn/": (200, '<html><title>某县人民政府</title><a href="/zwgk/">政务公开</a></html>'),
    "http://www.plain.gov.cn/zwgk/": (200, "<html><title>政务公开</title><body>暂无</body></html>"),
}


def answer(request: httpx.Request) -> httpx.Response:
    status, body = SITES.get(str(request.url), (404, ""))
    return httpx.Response(status, text=body)


def test_status_explains_blocked_and_not_found_counties(tmp_path):
    fetcher = Fetcher(FetchSettings(min_delay_s=0, respect_robots=False, max_retries=0),
                      transport=httpx.MockTransport(answer))
    counties = [County("141029", "山西省", "临汾市", "乡宁县", "http://www.blocked.gov.cn/"),
                County("141023", "山西省", "临汾市", "襄汾县", "http://www.plain.gov.cn/")]
    db = tmp_path / "w.duckdb"
    wh = Warehouse(db)
    wh.start_run("r1", "harvest", dt.datetime(2026, 1, 1), {}, [])
    loads = [crawl_county(c, fetcher, RawStore(tmp_path / "raw"), {}, {}, "r1") for c in counties]
    assert [load.outcome for load in loads] == ["blocked", "failed"]
    wh.load_counties(loads)
    wh.finish_run("r1", dt.datetime(2026, 1, 1, 0, 1), {"counties_total": 2})
    wh.close()
    out = CliRunner().invoke(app, ["status", "--db", str(db)], env={"COLUMNS": "250"}).output
    assert "1 counties answered with an anti-bot challenge" in out and "--proxy" in out
    assert "best pages tried" in out and "http://www.plain.gov.cn/zwgk/" in out and "column_url" in out
