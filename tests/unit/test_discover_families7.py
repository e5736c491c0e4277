"""The harvest's column search (`crawl.column.find_column`) on tests/fixtures/families7 (four site shapes: Hanweb-style
column pages whose rows come from a data proxy answering XML with the rows in CDATA, ASP.NET lists whose pagers post
back and whose plain page URLs sit only in `<noscript>` or a 跳转 `<select>`, 加载更多 buttons whose `data-url` names an
HTML-fragment or JSON endpoint, reports as attachments of short article pages with list titles cut by "…"), through
the real fetcher: every county's column must hold its gold reports, with the CMS-family adapters on and off, within
the first harvest's request bound, and the harvest's title filter must keep every gold report's list entry and no
look-alike; and the mechanisms round 7 added, each on its own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from snapshot_transport import FIXTURES, counties, find, gold_pages, gold_reports  # noqa: E402

from countyreports.models import PageKind  # noqa: E402
from countyreports.reading.classify import classify_title, could_be_county_report  # noqa: E402

FAMILIES7 = FIXTURES / "families7"
ROWS = counties(FAMILIES7)
MAX_REQUESTS = 15  # the column search's share of a county's first harvest


def gold_urls(adcode: str) -> set[str]:
    return {r["url"] for r in gold_reports(FAMILIES7) if r["adcode"] == adcode}


@pytest.mark.parametrize("adapters", [True, False], ids=["adapters", "generic"])
@pytest.mark.parametrize("row", ROWS, ids=[f"{r['family']}-{r['adcode']}" for r in ROWS])
def test_the_column_holds_every_gold_report(row, adapters):
    res, transport, _ = find(FAMILIES7, row, adapters=adapters)
    gold = gold_urls(row["adcode"])
    assert res.column_url, f"{row['county']}: {res.error}; tried {res.tried}; asked {transport.log}"
    found = {i.url: i for i in [*res.seen, *res.items]}
    assert not gold - set(found), f"{row['county']}: missing {sorted(gold - set(found))} from {res.column_url}; asked {transport.log}"
    assert len(transport.log) <= MAX_REQUESTS, transport.log
    # the harvest fetches an entry only when its list title may be the county's report: every gold report's may
    kept = {u for u in gold if could_be_county_report(found[u].text, row["county"])}
    assert kept == gold, f"{row['county']}: list titles ruled out {[found[u].text for u in gold - kept]}"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['family']}-{r['adcode']}" for r in ROWS])
def test_report_titles_and_look_alikes_by_their_article_titles(row):
    for r in gold_reports(FAMILIES7):
        if r["adcode"] == row["adcode"]:
            assert classify_title(r["title"], row["county"]) is PageKind.COUNTY_REPORT, r["title"]
    for p in gold_pages(FAMILIES7):
        if p["adcode"] == row["adcode"] and p["kind"] != "duplicate":
            assert classify_title(p["title"], row["county"]) is not PageKind.COUNTY_REPORT, p["title"]
