"""The mechanisms discovery round 6 added, each on its own, for the site shapes of tests/fixtures/families6 (a column
whose rows come from a GET JSON list named in a script, a column linked only from the 网站地图, URL schemes that need
careful resolution, a 信息公开 column split into tabs by a `?type=` parameter). Every county of the set is searched
through the real fetcher by test_discover_families.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from snapshot_transport import FIXTURES, counties, find, gold_reports  # noqa: E402

from countyreports.crawl.discover import common as c  # noqa: E402
from countyreports.crawl.discover.pager import query_variants, tabs  # noqa: E402
from countyreports.models import PageKind  # noqa: E402
from countyreports.reading.classify import classify_title, could_be_county_report  # noqa: E402

FAMILIES6 = FIXTURES / "families6"
ROWS = counties(FAMILIES6)


def gold_urls(adcode: str) -> set[str]:
    return {r["url"] for r in gold_reports(FAMILIES6) if r["adcode"] == adcode}


# -- tabs of one list -------------------------------------------------------------------------------------------
TABS = ('<div class="tabs"><a href="?type=1">文件</a><a href="?type=2">公告</a><a href="?type=3" class="on">报告</a></div>'
        '<ul class="list"><li><a href="/fz/article/7">X县2024年法治政府建设年度报告</a><span>2025-03-01</span></li></ul>'
        '<div class="pages"><span>1</span> <a href="/fz/list?type=3&amp;page=2">2</a></div>'
        '<div class="nav"><a href="/xxgk/list?type=3">信息公开</a></div>')


def test_links_to_the_pages_own_path_with_another_query_are_its_variants():
    got = query_variants(c.parse(TABS), "http://x.gov.cn/fz/list?type=3",
                         frozenset({"http://x.gov.cn/fz/article/7"}))
    assert got == ("http://x.gov.cn/fz/list?type=1", "http://x.gov.cn/fz/list?type=2",
                   "http://x.gov.cn/fz/list?type=3&page=2")


def test_tabs_add_one_parameter_to_the_lists_url():
    variants = ("http://x.gov.cn/fz/list?type=1", "http://x.gov.cn/fz/list?type=2", "http://x.gov.cn/fz/list?type=3",
                "http://x.gov.cn/fz/list?page=2")
    assert tabs("http://x.gov.cn/fz/list", variants) == variants[:3]  # a page number is no tab
    # a list whose tab is its own URL: its siblings change the parameter, they add none (the search asks the list
    # the tab came from)
    assert tabs("http://x.gov.cn/fz/list?type=3", variants) == ()
    # one stray link adding a parameter is no tab bar
    assert tabs("http://x.gov.cn/fz/list", ("http://x.gov.cn/fz/list?type=1",)) == ()
    # sibling columns of a query-string CMS change the column's id: no tabs
    cms = "http://x.gov.cn/index.php?m=content&c=index&a=lists&catid="
    assert tabs(cms + "12", (cms + "11", cms + "13")) == ()


def test_a_column_found_as_a_tab_is_walked_with_every_tab_of_its_list():
    row = next(r for r in ROWS if r["county"] == "临泽县")  # the 2022 report filed under 公告, the rest under 报告
    res, transport, _ = find(FAMILIES6, row)
    assert res.column_url == "http://www.gslz.gov.cn/zwgk/fzzfjs/list"
    assert {"http://www.gslz.gov.cn/zwgk/fzzfjs/list?type=2", "http://www.gslz.gov.cn/zwgk/fzzfjs/list?type=3&page=2"} \
        <= set(transport.log)
    assert gold_urls(row["adcode"]) <= {i.url for i in res.items}


# -- titles -----------------------------------------------------------------------------------------------------
def test_a_document_number_before_the_title_names_nobody():
    assert classify_title("甲政发〔2023〕6号 甲县2022年度法治政府建设情况的报告", "甲县") is PageKind.COUNTY_REPORT
    assert classify_title("甲政办发[2025]4号 关于2024年度法治政府建设工作情况的报告", "甲县") is PageKind.COUNTY_REPORT
    assert could_be_county_report("甲政发〔2023〕6号 甲县2022年度法治政府建设情况的报告", "甲县")
    assert classify_title("甲司发〔2025〕2号 甲县司法局关于2024年度法治政府建设情况的报告", "甲县") is PageKind.DEPARTMENT_REPORT
    assert classify_title("甲政办发〔2025〕3号 关于印发甲县2025年法治政府建设工作要点的通知", "甲县") is PageKind.NOTICE


def test_a_title_wrapped_in_brackets_is_read_inside_them():
    title = "【中共X县委 X县人民政府关于2019年度法治政府建设情况的报告】"
    assert classify_title(title, "X县") is PageKind.COUNTY_REPORT and could_be_county_report(title, "X县")
    assert classify_title("【X县2023年法治政府建设年度报告】", "X县") is PageKind.COUNTY_REPORT
    assert classify_title("【Y市2023年法治政府建设年度报告】", "X县") is not PageKind.COUNTY_REPORT
