"""TRS family: golden lists read by hand from the snapshot, createPageHTML variants, scoring."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from offline_portal import page  # noqa: E402

from countyreports.crawl.discover import (  # noqa: E402
    column_candidates,
    column_name,
    detect_family,
    is_report_column,
    parse_list,
    trs,
)
from countyreports.models import Family, Link  # noqa: E402

XN = "http://www.xiangning.gov.cn/"
XN_COL = XN + "zwgk/fzzfjs/index.html"
XN_COL_1 = XN + "zwgk/fzzfjs/index_1.html"


def L(path: str, text: str, date: str) -> Link:
    return Link(XN + "zwgk/fzzfjs/" + path, text, dt.date.fromisoformat(date))


def test_xiangning_list_page_1_epoch1():
    got = parse_list(page(XN_COL, 1), XN_COL)
    assert got.family is Family.TRS
    assert got.items == (
        L("202401/t20240119_2496558.html", "乡宁县2023年度法治政府建设情况报告", "2024-01-19"),
        L("202304/t20230417_2496318.html", "关于印发《乡宁县2023年法治政府建设工作要点》的通知", "2023-04-17"),
        L("202301/t20230118_2495952.html", "乡宁县卫生健康局2022年法治政府建设年度报告", "2023-01-18"),
        L("202301/t20230107_2495808.html", "乡宁县人民政府关于2022年度法治政府建设工作情况的报告", "2023-01-07"),
        L("202201/t20220111_2495504.html", "乡宁县2021年法治政府建设年度报告", "2022-01-11"),
        L("202103/t20210313_2495301.html", "乡宁县2020年度法治政府建设工作报告", "2021-03-13"),
        L("202002/t20200205_2495027.html", "我县举办领导干部法治专题讲座", "2020-02-05"),
        L("202001/t20200107_2494840.html", "中共乡宁县委 乡宁县人民政府关于2019年法治政府建设情况的报告", "2020-01-07"),
    )
    # createPageHTML(2, 0, "index", "html") -> the only other page is index_1.html
    assert got.next_pages == (XN_COL_1,)


def test_xiangning_list_page_2_both_epochs():
    got = parse_list(page(XN_COL_1, 1), XN_COL_1)
    assert got.items == (L("201901/t20190111_2494666.html", "乡宁县2018年度法治政府建设情况报告", "2019-01-11"),)
    assert got.next_pages == (XN_COL,)  # createPageHTML(2, 1, ...): page 0 is index.html
    # epoch 2: the 2024 report pushed the 2019 one onto page 2
    got = parse_list(page(XN_COL_1, 2), XN_COL_1)
    assert [i.url for i in got.items] == [
        XN + "zwgk/fzzfjs/202001/t20200107_2494840.html",
        XN + "zwgk/fzzfjs/201901/t20190111_2494666.html",
    ]


def test_xiangning_epoch2_has_the_new_report_first():
    got = parse_list(page(XN_COL, 2), XN_COL)
    assert got.items[0] == L("202501/t20250124_2497176.html", "乡宁县2024年法治政府建设年度报告", "2025-01-24")


def test_juxian_three_pages():
    url = "http://www.juxian.gov.cn/zwgk/fdzdgknr/fzzfjsndbg/index.html"
    got = parse_list(page(url, 1), url)
    assert got.next_pages == (
        "http://www.juxian.gov.cn/zwgk/fdzdgknr/fzzfjsndbg/index_1.html",
        "http://www.juxian.gov.cn/zwgk/fdzdgknr/fzzfjsndbg/index_2.html",
    )


def test_column_path_from_homepage():
    home = column_candidates(page(XN, 1), XN)
    assert home[0].url == XN + "zwgk/index.html" and home[0].text == "政府信息公开"
    # homepage article links (even 法治政府建设情况报告 ones) are not column candidates
    assert all("/t20" not in c.url for c in home)
    zwgk = column_candidates(page(XN + "zwgk/index.html", 1), XN + "zwgk/index.html")
    assert zwgk[0].url == XN_COL and zwgk[0].score >= 100
    # the sibling trap 政府信息公开年报 and 通知公告 are not candidates, javascript: links never
    assert {c.url for c in zwgk} == {XN_COL}


def test_is_report_column():
    assert is_report_column(page(XN_COL, 1), XN_COL)
    assert is_report_column(page(XN_COL_1, 1), XN_COL_1)
    assert not is_report_column(page(XN, 1), XN)
    assert not is_report_column(page(XN + "zwgk/index.html", 1), XN + "zwgk/index.html")
    tzgg = XN + "zwgk/tzgg/index.html"
    assert not is_report_column(page(tzgg, 1), tzgg)
    assert column_name(page(XN_COL, 1), XN_COL) == "法治政府建设年度报告"


def test_broad_column_name_is_the_column_when_it_lists_entries():
    url = "http://www.dabu.gov.cn/zwgk/fzzfjs/index.html"  # named just 法治政府建设
    assert column_name(page(url, 1), url) == "法治政府建设"
    assert is_report_column(page(url, 1), url)


def test_detect_family_trs():
    assert detect_family(page(XN_COL, 1), XN_COL) is Family.TRS
    art = XN + "zwgk/fzzfjs/202401/t20240119_2496558.html"
    assert detect_family(page(art, 1), art) is Family.TRS


# ---------------------------------------------------------------- createPageHTML variants


def test_create_page_html_classic():
    html = '<script>createPageHTML(4, 2, "index", "shtml");</script>'
    assert trs.page_urls(html, "http://a.gov.cn/col/fz/index_2.shtml") == (
        "http://a.gov.cn/col/fz/index.shtml",
        "http://a.gov.cn/col/fz/index_1.shtml",
        "http://a.gov.cn/col/fz/index_3.shtml",
    )


def test_create_page_html_with_div_id_and_total():
    html = "<script>createPageHTML('page_div',3, 0,'index','html',41);</script>"
    assert trs.page_urls(html, "http://a.gov.cn/fz/") == (
        "http://a.gov.cn/fz/index_1.html",
        "http://a.gov.cn/fz/index_2.html",
    )


def test_create_page_html_with_variables():
    html = """<script>var countPage = 3//共多少页
    var currentPage = 0;//当前页
    var prevPage = "index"; createPageHTML(countPage, currentPage, "index", "htm");</script>"""
    assert trs.page_urls(html, "http://a.gov.cn/fz/index.htm") == (
        "http://a.gov.cn/fz/index_1.htm",
        "http://a.gov.cn/fz/index_2.htm",
    )


def test_single_page_has_no_next():
    html = '<script>createPageHTML(1, 0, "index", "html");</script>'
    assert trs.page_urls(html, "http://a.gov.cn/fz/index.html") == ()
    assert trs.page_urls("<p>no script</p>", "http://a.gov.cn/fz/index.html") == ()


def test_create_page_html_div_id_with_count_variable_elsewhere():
    html = "<script>var countPage = 9;</script><script>createPageHTML('page_div', 2, 1, 'index', 'html', 20);</script>"
    assert trs.page_urls(html, "http://a.gov.cn/fz/index_1.html") == ("http://a.gov.cn/fz/index.html",)


def test_function_definition_is_not_a_call():
    html = ("<script>var countPage = 2; function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}</script>"
            '<script>createPageHTML(2, 0, "index", "html");</script>')
    assert trs.page_urls(html, "http://a.gov.cn/fz/index.html") == ("http://a.gov.cn/fz/index_1.html",)
