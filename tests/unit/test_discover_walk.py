"""Discovery over the whole bundled snapshot: every county, both epochs, only discover/ functions.

Starting from each homepage the walk goes best-first over `column_candidates` (depth ≤ 3, county
hosts only) until `is_report_column`, then over the column's list pages. The union of the
column's items must hold every gold report URL of that epoch (`moved_to` for the redesigned
site in epoch 2). Run with `-s` to see the per-family recall and request counts.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from offline_portal import OfflinePortal, counties, gold_pages, gold_reports, redesign_moves  # noqa: E402

from countyreports.crawl.discover import walk as walk_mod  # noqa: E402
from countyreports.crawl.discover.walk import ColumnWalk, Phase  # noqa: E402

EPOCHS = (1, 2)
DEAD = {("130427", 1)}  # cixian: host answers 503 to everything in epoch 1


def run(homepage: str, epoch: int) -> tuple[ColumnWalk, OfflinePortal]:
    portal = OfflinePortal(epoch)
    walk = ColumnWalk(homepage)
    while (url := walk.next_url()) is not None:
        r = portal.get(url)
        walk.feed(url, r.text, final_url=r.final_url, status=r.status)
    return walk, portal


def expected(adcode: str, epoch: int) -> dict[str, dict]:
    out = {}
    for r in gold_reports():
        if r["adcode"] == adcode and epoch in r["epochs"]:
            url = r["moved_to"] if epoch == 2 and r.get("moved_to") else r["url"]
            out[url] = r
    return out


@pytest.fixture(scope="module")
def walks() -> dict[tuple[str, int], tuple[ColumnWalk, OfflinePortal]]:
    return {(row["adcode"], ep): run(row["homepage"], ep) for row in counties() for ep in EPOCHS}


CASES = [(row["adcode"], row["county"], ep) for row in counties() for ep in EPOCHS]


@pytest.mark.parametrize("adcode,county,epoch", CASES, ids=[f"{a}-{c}-e{e}" for a, c, e in CASES])
def test_column_items_hold_every_gold_report(walks, adcode, county, epoch):
    walk, portal = walks[(adcode, epoch)]
    gold = expected(adcode, epoch)
    if (adcode, epoch) in DEAD:
        assert walk.done and walk.column_url is None and not walk.items
        assert walk.requests == [next(r["homepage"] for r in counties() if r["adcode"] == adcode)]
        return
    assert walk.phase is Phase.DONE
    assert walk.column_url, f"{county}: column not found ({walk.stop_reason}), requests={walk.requests}"
    items = {i.url for i in walk.items}
    missing = sorted(set(gold) - items)
    assert not missing, f"{county} e{epoch}: gold reports not in column {walk.column_url}: {missing}"
    assert walk.find_requests <= 4, walk.requests
    assert len(walk.requests) <= 7, walk.requests


def test_summary_recall_and_cost(walks, capsys):
    """Per-family recall (must be 1.0) and requests per county (discovery target ~3–5)."""
    total, found = Counter(), Counter()
    cost: dict[int, list[int]] = defaultdict(list)
    find_cost: dict[int, list[int]] = defaultdict(list)
    for (adcode, epoch), (walk, _) in walks.items():
        for url, rep in expected(adcode, epoch).items():
            total[(rep["template"], epoch)] += 1
            found[(rep["template"], epoch)] += url in {i.url for i in walk.items}
        cost[epoch].append(len(walk.requests))
        find_cost[epoch].append(walk.find_requests)
    lines = ["family    epoch  recall"]
    for key in sorted(total):
        lines.append(f"{key[0]:<9} {key[1]:>5}  {found[key]}/{total[key]}")
    for epoch in EPOCHS:
        avg = sum(cost[epoch]) / len(cost[epoch])
        avg_find = sum(find_cost[epoch]) / len(find_cost[epoch])
        lines.append(f"epoch {epoch}: {avg:.2f} requests/county (column found after {avg_find:.2f})")
        assert avg <= 5.0
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    for key in total:
        assert found[key] == total[key], key


def test_walk_stays_on_county_hosts(walks):
    """No request leaves the county's hosts (homepage host + where the homepage redirects)."""
    homes = {row["adcode"]: row["homepage"] for row in counties()}
    for (adcode, epoch), (walk, portal) in walks.items():
        allowed = {urlsplit(homes[adcode]).hostname} | walk.hosts
        for url in portal.log:
            assert urlsplit(url).hostname in allowed, (adcode, epoch, url)
            assert "/search" not in url  # robots-disallowed search pages are never column candidates


def test_moved_host_is_followed(walks):
    walk, portal = walks[("341021", 1)]  # 歙县: www.shexian.gov.cn -> www.shexian.huangshan.gov.cn
    assert "www.shexian.huangshan.gov.cn" in walk.hosts
    assert walk.column_url == "http://www.shexian.huangshan.gov.cn/col/col4490/index.html"


def test_redesigned_site_yields_new_urls(walks):
    walk, _ = walks[("370783", 2)]  # 寿光市: /zwgk/fzzfjs/ -> /zfxxgk/fdzdgknr/fzzfjsndbg/
    assert walk.column_url == "http://www.sg.gov.cn/zfxxgk/fdzdgknr/fzzfjsndbg/index.html"
    urls = {i.url for i in walk.items}
    assert all("/zfxxgk/" in u for u in urls)
    old, _ = walks[("370783", 1)]
    assert old.column_url == "http://www.sg.gov.cn/zwgk/fzzfjs/index.html"


def test_hanweb_dataproxy_page_is_walked(walks):
    walk, _ = walks[("321003", 2)]  # 邗江区, 11 records, 10 in the page, 1 via dataproxy.jsp
    assert any("dataproxy.jsp?startrecord=11&endrecord=40" in u for u in walk.requests)
    assert "http://www.hanjiang.gov.cn/art/2019/2/9/art_3002_5758719.html" in {i.url for i in walk.items}


def test_items_are_list_entries_not_navigation(walks):
    """Column items are article links of the column only (no nav, no off-site, no list pages)."""
    moves = redesign_moves()
    look_alikes = {p["url"] for p in gold_pages()}
    look_alikes |= {moves[u] for u in look_alikes if u in moves}
    for (adcode, epoch), (walk, _) in walks.items():
        gold = set(expected(adcode, epoch))
        for item in walk.items:
            assert item.url in gold or item.url in look_alikes, (adcode, epoch, item)
            assert item.text and not item.text.endswith(("...", "…")), item
            assert item.date is not None, item


def test_articles_seen_on_the_way_keep_homepage_reposts(walks):
    """Reports or reposts linked from the homepage are kept as extra candidates."""
    walk, _ = walks[("411628", 2)]  # 鹿邑县: homepage links the 通知公告 repost art_7214_1374441
    assert "http://www.lyx.gov.cn/art/2024/1/26/art_7214_1374441.html" in walk.articles_seen
    assert "http://www.lyx.gov.cn/art/2024/1/26/art_7214_1374441.html" in {i.url for i in walk.candidates}


def test_feed_must_answer_the_pending_request():
    walk = ColumnWalk("http://www.xiangning.gov.cn/")
    assert walk.next_url() == "http://www.xiangning.gov.cn/"
    assert walk.next_url() == "http://www.xiangning.gov.cn/"  # still pending
    with pytest.raises(ValueError):
        walk.feed("http://elsewhere/", "<html></html>")


def test_find_budget_bounds_a_portal_without_column():
    pages = {
        "http://x.gov.cn/": '<a href="/a/index.html">政府信息公开</a><a href="/b/index.html">政务公开</a>',
        "http://x.gov.cn/a/index.html": '<a href="/a/c/index.html">信息公开目录</a>',
        "http://x.gov.cn/b/index.html": '<a href="/b/d/index.html">法定主动公开内容</a>',
    }
    walk = ColumnWalk("http://x.gov.cn/", max_find_requests=walk_mod.MAX_FIND_REQUESTS)
    n = 0
    while (url := walk.next_url()) is not None:
        n += 1
        walk.feed(url, pages.get(url), status=200 if url in pages else 404)
    assert walk.done and walk.column_url is None
    assert n <= walk_mod.MAX_FIND_REQUESTS


def test_offsite_redirect_is_dropped():
    walk = ColumnWalk("http://x.gov.cn/")
    walk.next_url()
    walk.feed("http://x.gov.cn/", '<a href="/zwgk/">政府信息公开</a>')
    url = walk.next_url()
    walk.feed(url, '<a href="/zwgk/fzzf/">法治政府建设年度报告</a>', final_url="http://www.gov.cn/zwgk/")
    assert (url, 200) in walk.failed
    assert walk.next_url() is None
