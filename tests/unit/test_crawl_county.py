"""One county's crawl (`crawl.county.crawl_county`) through the real fetcher over a MockTransport: the list row's
date for an article page without one, a failed search not repeated every run, anti-bot answers recorded as
`blocked`, a proxy refusing HTTPS ending at once."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from snapshot_transport import FAMILIES, SnapshotTransport, counties, county_of, gold_reports  # noqa: E402

from countyreports.crawl.archive import RawStore  # noqa: E402
from countyreports.crawl.county import crawl_county  # noqa: E402
from countyreports.crawl.fetch import ERR_PROXY_REFUSED, Fetcher  # noqa: E402
from countyreports.crawl.politeness import FetchSettings  # noqa: E402
from countyreports.crawl.session import CrawlOptions  # noqa: E402
from countyreports.models import County  # noqa: E402

SETTINGS = FetchSettings(min_delay_s=0, respect_robots=False, max_retries=0)


def fetcher(transport: httpx.BaseTransport) -> Fetcher:
    return Fetcher(SETTINGS, transport=transport)


def test_an_article_page_without_a_date_gets_its_list_row_s_date(tmp_path):
    row = next(r for r in counties(FAMILIES) if r["adcode"] == "620524")  # 武山县: article pages show no date
    gold = {r["report_id"]: r for r in gold_reports(FAMILIES) if r["adcode"] == "620524"}
    assert not any(r["date_on_page"] for r in gold.values())
    load = crawl_county(county_of(row), fetcher(SnapshotTransport(FAMILIES)), RawStore(tmp_path), {}, {}, "r1",
                        CrawlOptions(adapters=False))
    assert load.outcome == "ok"
    got = {r.report_id: r.parsed.published for r in load.reports}
    assert got == {rid: dt.date.fromisoformat(r["published"]) for rid, r in gold.items()}


def _site(pages: dict[str, tuple[int, str, dict[str, str]]]):
    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        asked.append(url)
        status, body, headers = pages.get(url, (404, "", {}))
        if request.headers.get("If-None-Match") and request.headers["If-None-Match"] == headers.get("ETag"):
            return httpx.Response(304, headers=headers)
        return httpx.Response(status, text=body, headers=headers)

    return httpx.MockTransport(answer), asked


COUNTY = County("141029", "山西省", "临汾市", "乡宁县", "http://www.xn.gov.cn/")
HOME = ('<html><head><title>乡宁县人民政府</title></head><body><a href="/zwgk/">政务公开</a>'
        '<div class="footer">网站标识码：1410290008</div></body></html>')


def test_a_failed_search_is_made_again_only_when_the_homepage_changes_or_after_days(tmp_path):
    pages = {"http://www.xn.gov.cn/": (200, HOME, {"ETag": '"h1"'}),
             "http://www.xn.gov.cn/zwgk/": (200, "<html><title>政务公开</title><body>无</body></html>", {"ETag": '"z1"'})}
    transport, asked = _site(pages)
    store = RawStore(tmp_path)
    first = crawl_county(COUNTY, fetcher(transport), store, {}, {}, "r1")
    assert first.outcome == "failed" and first.searched and first.error.startswith("report column not found")
    assert first.search_tried and first.search_tried[0].split()[1] == "http://www.xn.gov.cn/zwgk/"
    validators = {f.url: (f.header("etag"), None, f.sha256) for _a, f in first.fetches if f.sha256}
    state = {"search": {"searched_at": first.finished_at, "found": False, "tried": first.search_tried}}
    asked.clear()
    again = crawl_county(COUNTY, fetcher(transport), store, state, validators, "r2")
    assert asked == ["http://www.xn.gov.cn/"] and not again.searched  # one conditional request, answered 304
    assert again.outcome == "failed" and "searched again when the homepage changes" in again.error
    assert again.search_tried == first.search_tried  # status still shows the pages tried
    asked.clear()
    old = {"search": {**state["search"], "searched_at": first.finished_at - dt.timedelta(days=8)}}
    late = crawl_county(COUNTY, fetcher(transport), store, old, validators, "r3")
    assert late.searched and len(asked) >= 2  # after search_retry_days: searched again
    asked.clear()
    pages["http://www.xn.gov.cn/"] = (200, HOME.replace("政务公开", "政府信息公开"), {"ETag": '"h2"'})
    changed = crawl_county(COUNTY, fetcher(transport), store, state, validators, "r4")
    assert changed.searched and len(asked) >= 2  # the homepage changed: searched again


def test_an_anti_bot_challenge_is_blocked_not_failed(tmp_path):
    challenge = "<html><script>document.cookie='__jsl_clearance=1';location.reload();</script></html>"
    for status, body, headers, reason in [
        (521, challenge, {}, "HTTP 521"),
        (412, "", {}, "HTTP 412"),
        (200, challenge, {}, "JavaScript cookie challenge"),
        (403, "", {"Server": "WZWS"}, "firewall"),
    ]:
        transport, _ = _site({"http://www.xn.gov.cn/": (status, body, headers)})
        load = crawl_county(COUNTY, fetcher(transport), RawStore(tmp_path), {}, {}, "r1")
        assert load.outcome == "blocked" and reason in (load.error or ""), (status, load.error)
    transport, _ = _site({})
    dead = crawl_county(COUNTY, fetcher(transport), RawStore(tmp_path), {}, {}, "r1")
    assert dead.outcome == "failed" and "homepage unreadable" in (dead.error or "")


def test_a_protocol_switch_homepage_is_tried_with_the_other_scheme(tmp_path):
    pages = {"http://www.xn.gov.cn/": (200, HOME, {})}
    transport, asked = _site(pages)
    county = County(COUNTY.adcode, COUNTY.province, COUNTY.prefecture, COUNTY.county, "https://www.xn.gov.cn/",
                    alternates=("http://www.xn.gov.cn/",))
    load = crawl_county(county, fetcher(transport), RawStore(tmp_path), {}, {}, "r1")
    assert asked[:2] == ["https://www.xn.gov.cn/", "http://www.xn.gov.cn/"]
    assert "homepage unreadable" not in (load.error or "")


def test_a_proxy_refusing_https_ends_at_once():
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ProxyError("501 Unsupported method ('CONNECT')", request=request)

    retrying = Fetcher(FetchSettings(min_delay_s=0, respect_robots=False, max_retries=3, backoff_base_s=0.01),
                       transport=httpx.MockTransport(refuse))
    f = retrying.get("https://www.xn.gov.cn/", scope=["www.xn.gov.cn"])
    assert f.error == ERR_PROXY_REFUSED and f.status == 0
    assert retrying.stats().retries == 0 and retrying.stats().requests == 1  # terminal: not retried


def test_the_registry_column_url_is_asked_first(tmp_path):
    column = "http://www.xn.gov.cn/zwgk/fzbg/"
    listing = ('<html><head><title>法治政府建设年度报告</title></head><body><ul class="list"><li>'
               '<a href="/zwgk/fzbg/t20240101_1.html">乡宁县2023年法治政府建设年度报告</a><span>2024-01-01</span>'
               '</li></ul></body></html>')
    transport, asked = _site({column: (200, listing, {})})
    county = County(COUNTY.adcode, COUNTY.province, COUNTY.prefecture, COUNTY.county, COUNTY.homepage,
                    column_url=column)
    load = crawl_county(county, fetcher(transport), RawStore(tmp_path), {}, {}, "r1")
    assert asked[0] == column and load.column_url == column
    assert json.dumps(asked).count("http://www.xn.gov.cn/\"") == 0  # no search from the homepage
