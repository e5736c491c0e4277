"""The harvest's column search (`crawl.column.find_column` driving `discover.search.ColumnSearch`) over the bundled
snapshot and the recorded families, through the real fetcher (an httpx.MockTransport replays the snapshot).

For every county and epoch the column's entries must hold every gold report (`moved_to` for the redesigned
site in epoch 2); with the CMS-family adapters off the generic path alone must find ≥ 0.97 of them, on the
snapshot and on the families. Run with `-s` to see the per-family recall and request counts.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from offline_portal import redesign_moves  # noqa: E402
from snapshot_transport import FAMILIES, PORTAL, counties, find, gold_pages, gold_reports  # noqa: E402

from countyreports.crawl.discover.scope import Scope  # noqa: E402

EPOCHS = (1, 2)
DEAD = {("130427", 1)}  # 磁县: host answers 503 to everything in epoch 1


def expected(root: Path, adcode: str, epoch: int) -> dict[str, dict]:
    out = {}
    for r in gold_reports(root):
        if r["adcode"] == adcode and epoch in r["epochs"]:
            out[r["moved_to"] if epoch == 2 and r.get("moved_to") else r["url"]] = r
    return out


@pytest.fixture(scope="module")
def searches():
    return {(row["adcode"], ep): find(PORTAL, row, ep) for row in counties(PORTAL) for ep in EPOCHS}


CASES = [(row["adcode"], row["county"], ep) for row in counties(PORTAL) for ep in EPOCHS]


@pytest.mark.parametrize("adcode,county,epoch", CASES, ids=[f"{a}-{c}-e{e}" for a, c, e in CASES])
def test_column_items_hold_every_gold_report(searches, adcode, county, epoch):
    res, transport, _ = searches[(adcode, epoch)]
    gold = expected(PORTAL, adcode, epoch)
    if (adcode, epoch) in DEAD:
        assert res.column_url is None and not res.items and res.error and "homepage unreadable" in res.error
        assert transport.log == [next(r["homepage"] for r in counties(PORTAL) if r["adcode"] == adcode)]
        return
    assert res.column_url, f"{county}: column not found ({res.error}), requests={transport.log}"
    missing = sorted(set(gold) - {i.url for i in res.items})
    assert not missing, f"{county} e{epoch}: gold reports not in column {res.column_url}: {missing}"
    assert res.find_requests <= 4, transport.log
    assert len(transport.log) <= 7, transport.log


def test_summary_recall_and_cost(searches, capsys):
    """Per-family recall (must be 1.0) and requests per county (discovery target ~3–5)."""
    total, found = Counter(), Counter()
    cost: dict[int, list[int]] = defaultdict(list)
    for (adcode, epoch), (res, transport, _) in searches.items():
        for url, rep in expected(PORTAL, adcode, epoch).items():
            total[(rep["template"], epoch)] += 1
            found[(rep["template"], epoch)] += url in {i.url for i in res.items}
        cost[epoch].append(len(transport.log))
    lines = ["family    epoch  recall"] + [f"{k[0]:<9} {k[1]:>5}  {found[k]}/{total[k]}" for k in sorted(total)]
    for epoch in EPOCHS:
        avg = sum(cost[epoch]) / len(cost[epoch])
        lines.append(f"epoch {epoch}: {avg:.2f} requests/county")
        assert avg <= 5.0
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert found == total


def test_search_stays_on_the_county_site(searches):
    """No request leaves the county's site (its homepage's host with or without www., its subdomains, and where
    the homepage redirects); robots-disallowed search pages are never asked."""
    homes = {row["adcode"]: row["homepage"] for row in counties(PORTAL)}
    for (adcode, _epoch), (_res, transport, crawl) in searches.items():
        allowed = Scope.of(homes[adcode])
        for host in crawl.scope.sites:
            allowed.add_site(host)
        for url in transport.log:
            assert allowed.allows(url), (adcode, url)
            assert "/search" not in url


def test_moved_host_is_followed(searches):
    res, _, crawl = searches[("341021", 1)]  # 歙县: www.shexian.gov.cn -> www.shexian.huangshan.gov.cn
    assert crawl.scope.allows("http://www.shexian.huangshan.gov.cn/")
    assert res.column_url == "http://www.shexian.huangshan.gov.cn/col/col4490/index.html"


def test_redesigned_site_yields_new_urls(searches):
    res, _, _ = searches[("370783", 2)]  # 寿光市: /zwgk/fzzfjs/ -> /zfxxgk/fdzdgknr/fzzfjsndbg/
    assert res.column_url == "http://www.sg.gov.cn/zfxxgk/fdzdgknr/fzzfjsndbg/index.html"
    assert all("/zfxxgk/" in i.url for i in res.items)
    assert searches[("370783", 1)][0].column_url == "http://www.sg.gov.cn/zwgk/fzzfjs/index.html"


def test_hanweb_dataproxy_page_is_walked(searches):
    res, transport, _ = searches[("321003", 2)]  # 邗江区, 11 records, 10 in the page, 1 via dataproxy.jsp
    assert any("dataproxy.jsp?startrecord=11&endrecord=40" in u for u in transport.log)
    assert "http://www.hanjiang.gov.cn/art/2019/2/9/art_3002_5758719.html" in {i.url for i in res.items}


def test_items_are_list_entries_not_navigation(searches):
    """Column items are article links of the column only (no nav, no off-site, no list pages)."""
    moves = redesign_moves()
    look_alikes = {p["url"] for p in gold_pages(PORTAL)}
    look_alikes |= {moves[u] for u in look_alikes if u in moves}
    for (adcode, epoch), (res, _, _) in searches.items():
        gold = set(expected(PORTAL, adcode, epoch))
        for item in res.items:
            assert item.url in gold or item.url in look_alikes, (adcode, epoch, item)
            assert item.text and not item.text.endswith(("...", "…")), item
            assert item.date is not None, item


def test_articles_seen_on_the_way_keep_homepage_reposts(searches):
    res, _, _ = searches[("411628", 2)]  # 鹿邑县: homepage links the 通知公告 repost art_7214_1374441
    assert "http://www.lyx.gov.cn/art/2024/1/26/art_7214_1374441.html" in {i.url for i in res.seen}


# -- the generic path alone, and portals the code was not written on ------------------------------------------

def _recall(root: Path, epochs: tuple[int, ...], adapters: bool) -> tuple[dict[str, list[int]], list[int]]:
    fam = {r["adcode"]: r.get("family") or r.get("template") for r in gold_reports(root)}
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    cost: list[int] = []
    for row in counties(root):
        for ep in epochs:
            res, transport, _ = find(root, row, ep, adapters=adapters)
            seen = {i.url for i in (*res.items, *res.seen)}
            for url in expected(root, row["adcode"], ep):
                per[fam[row["adcode"]]][0] += url in seen
                per[fam[row["adcode"]]][1] += 1
            cost.append(len(transport.log))
    return per, cost


@pytest.mark.parametrize("root,epochs,adapters", [
    (PORTAL, (1, 2), False), (FAMILIES, (1,), False), (FAMILIES, (1,), True),
], ids=["snapshot-generic", "families-generic", "families-adapters"])
def test_generic_path_alone_finds_the_reports(root, epochs, adapters, capsys):
    per, cost = _recall(root, epochs, adapters)
    found, total = sum(v[0] for v in per.values()), sum(v[1] for v in per.values())
    with capsys.disabled():
        print(f"\n{root.name} adapters={adapters}: recall {found}/{total} = {found / total:.3f}, "
              f"{sum(cost) / len(cost):.2f} requests/county; "
              + ", ".join(f"{f} {v[0]}/{v[1]}" for f, v in sorted(per.items())))
    assert found / total >= 0.97
    assert sum(cost) / len(cost) <= 8  # the column search and its lists (the articles come on top)


def test_families_reports_behind_a_json_api_need_the_adapter_or_the_site_search():
    row = next(r for r in counties(FAMILIES) if r["adcode"] == "441427")  # 蕉岭县 (gkmlpt)
    on, on_log, _ = find(FAMILIES, row, adapters=True)
    off, off_log, _ = find(FAMILIES, row, adapters=False)
    assert on.column_url == "http://www.jiaoling.gov.cn/gkmlpt/index" and not on.via_search
    assert any("/gkmlpt/api/all/" in u for u in on_log.log)
    assert off.via_search and off.column_url and off.column_url.startswith("http://search.gd.gov.cn/search/all/")
    gold = set(expected(FAMILIES, "441427", 1))
    assert gold <= {i.url for i in on.items} and gold <= {i.url for i in off.items}
    assert all(i.url.startswith("http://www.jiaoling.gov.cn/") for i in off.items)  # not the prefecture's result
