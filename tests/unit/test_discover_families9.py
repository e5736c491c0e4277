"""The mechanisms discovery round 9 added, each on its own, for the site shapes of tests/fixtures/families9 (lists
paged by a ``#pageNum=k`` fragment, reports published only as a 公告/通知/公示 with the report attached, one
法治政府建设 专栏 per year, and a search that ran out of named ways before its budget). Every county of the set is
searched through the real fetcher by test_discover_families.py."""

from __future__ import annotations

import sys
from pathlib import Path

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.page import read_page
from countyreports.crawl.discover.pager import fragment_query, page_links
from countyreports.models import County, PageKind
from countyreports.reading.classify import classify_title, could_be_county_report, published_document
from countyreports.reading.document import RawDoc, parse_docs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_column_search import html, run  # noqa: E402

HOSTS = frozenset({"x.gov.cn"})
COUNTY = County("141029", "山西省", "临汾市", "乡宁县", "http://x.gov.cn/")


# -- a page class is no page-chrome block -----------------------------------------------------------------------
def test_a_pager_word_in_the_body_class_does_not_hide_the_list():
    rows = "".join(f'<li><a href="./2024{m:02d}/t2024{m:02d}01_{m}.html">乡宁县第{m}号通知的标题文字</a>'
                   f'<span>2024-{m:02d}-01</span></li>' for m in (1, 2, 3))
    page = f'<html><body class="hashpager"><ul class="list">{rows}</ul><div class="pager"><a href="#">1</a></div></body></html>'
    view = read_page(page, "http://x.gov.cn/fz/index.html", hosts=HOSTS)
    assert [i.url for i in view.items] == [f"http://x.gov.cn/fz/2024{m:02d}/t2024{m:02d}01_{m}.html" for m in (1, 2, 3)]


# -- fragment pagers --------------------------------------------------------------------------------------------
def test_a_fragment_names_the_pages_own_url_with_that_query():
    assert fragment_query("#pageNum=2", "http://x.gov.cn/fz/index.html") == "http://x.gov.cn/fz/index.html?pageNum=2"
    assert fragment_query("#pageNum=3&pageSize=5", "http://x.gov.cn/gk/list.jsp?catid=27") == \
        "http://x.gov.cn/gk/list.jsp?catid=27&pageNum=3&pageSize=5"
    # a parameter the URL has is replaced where it stands
    assert fragment_query("#pageNum=2", "http://x.gov.cn/col/col1/index.html?uid=9&pageNum=1") == \
        "http://x.gov.cn/col/col1/index.html?uid=9&pageNum=2"
    for href in ("#", "#top", "#content", "javascript:void(0)", "list.jsp?pageNum=2"):
        assert fragment_query(href, "http://x.gov.cn/fz/index.html") is None


def test_fragment_page_links_are_the_lists_further_pages():
    pager = ('<div class="pagination"><span class="current">1</span> <a href="#pageNum=2">2</a> '
             '<a href="#pageNum=3">3</a> <a href="#pageNum=2">下一页</a> <a href="#top">返回顶部</a></div>')
    url = "http://x.gov.cn/gk/list.jsp?catid=27"
    assert page_links(c.parse(f"<html><body>{pager}</body></html>"), url, HOSTS) == (
        "http://x.gov.cn/gk/list.jsp?catid=27&pageNum=2", "http://x.gov.cn/gk/list.jsp?catid=27&pageNum=3")


# -- a notice publishing the report -----------------------------------------------------------------------------
def test_a_notice_publishing_the_report_is_the_report():
    shown = {
        "关于公开《乡宁县2021年法治政府建设年度报告》的公告": "乡宁县2021年法治政府建设年度报告",
        "乡宁县人民政府办公室关于公布《关于2020年度法治政府建设情况的报告》的通知": "关于2020年度法治政府建设情况的报告",
        "关于公开《中共乡宁县委 乡宁县人民政府关于2024年法治政府建设工作情况的报告》的公告":
            "中共乡宁县委 乡宁县人民政府关于2024年法治政府建设工作情况的报告",
        "关于乡宁县2024年推进法治政府建设情况报告的公示": "乡宁县2024年推进法治政府建设情况报告",
        "关于2022年乡宁县法治政府建设工作情况的公示": "2022年乡宁县法治政府建设工作情况",
        "乡宁县人民政府关于法治政府建设工作情况的报告（公示）": "乡宁县人民政府关于法治政府建设工作情况的报告",
    }
    for title, report in shown.items():
        assert published_document(title) == report, title
        assert classify_title(title, "乡宁县") is PageKind.COUNTY_REPORT, title
        assert could_be_county_report(title, "乡宁县"), title


def test_look_alikes_of_a_published_report_stay_out():
    kinds = {
        "关于《乡宁县2023年度法治政府建设工作报告》的政策解读": PageKind.COUNTY_REPORT,  # about the report: not it
        "关于做好2024年度法治政府建设情况报告报送工作的通知": PageKind.COUNTY_REPORT,
        "乡宁县人民政府办公室关于印发《乡宁县2025年法治政府建设工作要点》的通知": PageKind.COUNTY_REPORT,
        "关于公开《乡宁县司法局2024年度法治政府建设工作报告》的公告": PageKind.COUNTY_REPORT,  # a department's
        "关于公开《临汾市2024年法治政府建设年度报告》的公告": PageKind.COUNTY_REPORT,  # the prefecture's
        "关于公布《乡宁县2023年政府信息公开工作年度报告》的通知": PageKind.COUNTY_REPORT,
    }
    for title, kind in kinds.items():
        assert classify_title(title, "乡宁县") is not kind, title
    assert published_document("关于公开《乡宁县司法局2024年度法治政府建设工作报告》的公告") is not None
    assert classify_title("关于公开《乡宁县司法局2024年度法治政府建设工作报告》的公告", "乡宁县") is PageKind.DEPARTMENT_REPORT
    assert published_document("关于《乡宁县2023年度法治政府建设工作报告》的政策解读") is None
    assert published_document("关于印发《乡宁县2025年法治政府建设工作要点》的通知") is None


def test_the_report_read_from_a_publishing_notice_has_the_reports_title():
    body = ("<html><head><title>关于公开《乡宁县2021年法治政府建设年度报告》的公告</title></head><body>"
            "<div class='article'><h1>关于公开《乡宁县2021年法治政府建设年度报告》的公告</h1><div class='content'>"
            "<p>2021年，乡宁县深入推进法治政府建设，现将有关情况报告如下。</p>"
            "<p>一、主要举措和成效</p><p>全县坚持依法行政，各项工作取得新进展。</p></div></div></body></html>")
    parsed = parse_docs([RawDoc("http://x.gov.cn/tzgg/1.html", body.encode(), "text/html; charset=utf-8")])
    assert parsed.title == "乡宁县2021年法治政府建设年度报告" and parsed.report_year == 2021


# -- per-year 专栏 ----------------------------------------------------------------------------------------------
def test_yearly_special_columns_are_parts_of_the_column():
    links = "".join(f'<a href="/gk/fz/{y}nd/">{y}年度法治政府建设专栏</a>' for y in (2024, 2023))
    page = f'<html><body><div class="crumb">当前位置：法治政府建设</div><div class="zl-list">{links}</div></body></html>'
    view = read_page(page, "http://x.gov.cn/gk/fz/", hosts=HOSTS)
    assert view.subcolumns == ("http://x.gov.cn/gk/fz/2024nd/", "http://x.gov.cn/gk/fz/2023nd/")
    other = page.replace("法治政府建设专栏", "乡村振兴专栏")  # another topic's yearly columns are not its parts
    assert read_page(other, "http://x.gov.cn/gk/fz/", hosts=HOSTS).subcolumns == ()


def test_a_years_part_listing_nothing_is_walked_into_its_report_sub_column():
    col = html('<div class="crumb">当前位置：法治政府建设专栏</div><a href="/fz/2024/">2024年度</a><a href="/fz/2023/">2023年度</a>',
               title="法治政府建设专栏")
    part = html('<div class="crumb">当前位置：法治政府建设专栏 &gt; {y}年度</div><div class="sub-cols"><a href="/fz/{y}/ndbg/">年度报告</a><a href="/fz/{y}/gzdt/">工作动态</a></div>')
    report = ('<ul class="list"><li><a href="/fz/{y}/ndbg/t1.html">乡宁县{y}年法治政府建设年度报告</a>'
              '<span>{y1}-03-01</span></li></ul>')
    pages = {"http://x.gov.cn/": html('<a href="/fz/">法治政府建设专栏</a>'), "http://x.gov.cn/fz/": col}
    for y in (2024, 2023):
        pages[f"http://x.gov.cn/fz/{y}/"] = part.replace("{y}", str(y))
        pages[f"http://x.gov.cn/fz/{y}/ndbg/"] = html(report.replace("{y}", str(y)).replace("{y1}", str(y + 1)))
    s, asked = run(pages, county=COUNTY)
    assert s.column_url == "http://x.gov.cn/fz/"
    assert set(s.items) == {"http://x.gov.cn/fz/2024/ndbg/t1.html", "http://x.gov.cn/fz/2023/ndbg/t1.html"}
    assert not any("gzdt" in u for u in asked)  # the part's other sub-columns are not the reports'


# -- the search goes on to unnamed sub-columns, and a list mixing the county's reports in is the column -----------
def test_unnamed_sub_columns_of_a_named_way_are_asked_before_giving_up():
    notices = ('<table><tr><td><a href="/gk/gggs/{n}.html">{t}</a></td><td>2024-03-0{n}</td></tr></table>')
    rows = "".join(notices.replace("{n}", str(n)).replace("{t}", t) for n, t in enumerate((
        "乡宁县人民政府办公室关于公布《乡宁县2023年度法治政府建设工作报告》的通知",
        "关于做好2024年春季森林防火工作的通知", "乡宁县2024年度事业单位公开招聘公告"), start=1))
    pages = {
        "http://x.gov.cn/": html('<a href="/gk/">信息公开</a><a href="/xw/">新闻动态</a>'),
        "http://x.gov.cn/gk/": html('<a href="/gk/jgzn/">机构职能</a><a href="/gk/gggs/">公告公示</a>', title="信息公开"),
        "http://x.gov.cn/gk/jgzn/": html("<p>机构职能</p>", title="机构职能"),
        "http://x.gov.cn/gk/gggs/": html(rows, title="公告公示"),
        "http://x.gov.cn/xw/": html("<p>新闻动态</p>", title="新闻动态"),
    }
    s, asked = run(pages, county=COUNTY)
    assert "http://x.gov.cn/gk/gggs/" in asked
    assert s.column_url == "http://x.gov.cn/gk/gggs/"  # no column named: the list holding the county's report
    assert "http://x.gov.cn/gk/gggs/1.html" in s.items
    dead = {"http://x.gov.cn/": pages["http://x.gov.cn/"]}  # a portal with nothing below: still cheap
    s, asked = run(dead, county=COUNTY)
    assert s.column_url is None and len(asked) <= 3
