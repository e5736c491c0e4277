"""The mechanisms discovery round 4 added, each on its own, for the site shapes of tests/fixtures/families4 (a 政务公开
tree with `<select>` pagers under a department directory, columns reached only through a block's 更多>>, a 法治政府建设
topic site on a subdomain with year tabs, DedeCMS, PHPCMS). Every county of the set is searched through the real
fetcher by test_discover_families.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from snapshot_transport import FIXTURES, gold_reports, snapshot  # noqa: E402

from countyreports.crawl.discover import common as c  # noqa: E402
from countyreports.crawl.discover import read_page  # noqa: E402
from countyreports.crawl.discover.acceptance import accepts, others_only  # noqa: E402
from countyreports.crawl.discover.listing import list_items  # noqa: E402
from countyreports.crawl.discover.names import breadcrumb, text_score  # noqa: E402
from countyreports.crawl.discover.pager import page_links, script_pages, select_count  # noqa: E402

FAMILIES4 = FIXTURES / "families4"


def gold_urls(adcode: str) -> set[str]:
    return {r["url"] for r in gold_reports(FAMILIES4) if r["adcode"] == adcode}


def recorded(url: str) -> str:
    snap = snapshot(FAMILIES4)
    entry = snap.lookup(1, url)
    assert entry is not None, url
    return snap.body(entry).decode("utf-8")


# -- pagers in a <select> -------------------------------------------------------------------------------------
def test_a_select_of_page_urls_names_the_other_pages():
    """麟游: <select onchange="window.location.href=this.value"> of index.html (selected), index_1.html, …"""
    url = "http://www.linyou.gov.cn/zwgk/sfj/fzzfndbg/"
    got = page_links(c.parse(recorded(url)), url, frozenset({"www.linyou.gov.cn"}))
    assert got == (f"{url}index_1.html", f"{url}index_2.html")


def test_a_friend_links_select_is_no_pager():
    html = ('<div class="yqlj"><select onchange="window.open(this.value)"><option value="">—政府网站—</option>'
            '<option value="http://www.gov.cn/">中国政府网</option></select></div>'
            '<select id="yearSel"><option value="2024" selected>2024年</option><option value="2023">2023年</option>'
            '</select>')
    assert page_links(c.parse(html), "http://x.gov.cn/fz/", frozenset({"x.gov.cn"})) == ()


def test_a_select_of_page_numbers_and_the_script_that_names_their_files():
    """柞水: options 1, 2, 3 and goPage(p): (p == 1) ? 'index.html' : 'index_' + (p - 1) + '.html'."""
    url = "http://www.snzs.gov.cn/zwgk/zdlyxxgk/fzzfjs/ndbg/"
    html = recorded(url)
    assert select_count(html) == (3, 1)
    assert script_pages(html, url) == (f"{url}index.html", f"{url}index_1.html", f"{url}index_2.html")
    later = f"{url}index_1.html"  # page 2 names pages 1 and 3, not itself
    assert script_pages(html.replace('value="1" selected', 'value="1"').replace('value="2"', 'value="2" selected'),
                        later) == (f"{url}index.html", f"{url}index_2.html")


# -- which page is the column -----------------------------------------------------------------------------------
def test_a_topic_sites_homepage_is_not_the_column():
    """余干: fzzf.<county>.gov.cn/ is named 法治政府建设 and lists news: a site's root is its homepage."""
    url = "http://fzzf.yugan.gov.cn/"
    view = read_page(recorded(url), url, hosts=frozenset({"fzzf.yugan.gov.cn"}), via="法治政府建设专题网")
    assert view.score >= 55 and view.items
    assert not accepts(view, county="余干县")


def test_the_breadcrumb_is_its_innermost_container():
    """惠水: <div class="main"> begins with 当前位置 too, then its blocks: their titles are no breadcrumb."""
    url = "http://www.gzhs.gov.cn/index.php?m=content&c=index&a=lists&catid=2"
    assert breadcrumb(c.parse(recorded(url))) == ["首页", "政务公开"]


def test_the_county_governments_office_leads_in_a_department_directory():
    """米脂: 政府信息公开目录 lists departments; the county's reports are the 政府办公室's, not the 司法局's."""
    assert text_score("米脂县政府办公室")[0] > text_score("米脂县司法局")[0] > 0
    assert text_score("县人民政府办公室")[0] > 0 and text_score("县府办")[0] > 0
    assert text_score("米脂县人民政府")[0] == 0  # the site's name, every page's <title>
    assert text_score("米脂县政府办公室关于印发…的通知")[0] == 0


def test_a_column_of_others_reports_is_only_a_fallback():
    """米脂: the 司法局's 法治建设 lists its own report, a bureau's and a 述法 report — no county report."""
    url = "http://www.mizhi.gov.cn/zwgk/sfj/fzjs/"
    view = read_page(recorded(url), url, hosts=frozenset({"www.mizhi.gov.cn"}))
    assert accepts(view, county="米脂县") and others_only(view.items, "米脂县")
    linyou = "http://www.linyou.gov.cn/zwgk/sfj/fzzfndbg/index_1.html"  # a page of the county's column
    assert not others_only(read_page(recorded(linyou), linyou).items, "麟游县")


# -- lists ------------------------------------------------------------------------------------------------------
def test_a_more_link_in_a_hidden_tab_is_named_by_its_tab():
    """武强: tabs 法治动态 | 年度报告 (onmouseover="tab(this,'fz2')"), each pane with its own 更多>>."""
    url = "http://www.wuqiang.gov.cn/"
    cands = {s.url: s for s in read_page(recorded(url), url, hosts=frozenset({"www.wuqiang.gov.cn"})).candidates}
    ndbg = cands["http://www.wuqiang.gov.cn/xxgk/fzzf/ndbg/index.html"]
    assert ndbg.text == "年度报告" and ndbg.score >= 25  # before: the first row's date, "[2024-06-28]", scored 0
    assert cands["http://www.wuqiang.gov.cn/xxgk/fzzf/fzdt/index.html"].text == "法治动态"


def test_a_tab_label_named_by_href():
    html = ('<div class="box"><ul class="tabs"><li><a href="#y2023">2023</a></li><li><a href="#bg">年度报告</a></li>'
            '</ul><div id="bg" class="pane"><ul><li><a href="/a/1.html">x</a><span>2024-01-02</span></li></ul>'
            '<a class="more" href="/fz/ndbg/">更多</a></div></div>')
    more = next(a for a in c.parse(html).css("a.more"))
    assert c.block_heading(more) == "年度报告"


def test_year_tabs_one_list():
    """山丹: one hidden <div class="year-list"> per year, some with one dateless row: all the column's."""
    url = "http://fzsd.shandan.gov.cn/fzzfjs/ndbg/"
    items = {i.url for i in list_items(c.parse(recorded(url)), url, frozenset({"fzsd.shandan.gov.cn"}))}
    assert gold_urls("620725") <= items


def test_a_year_select_of_urls_names_the_columns_parts():
    """A year <select> whose options are the per-year parts' URLs is followed like year links; one whose options
    are bare years (山丹: a script shows hidden lists) names no page."""
    html = ('<h3 class="col-title">年度报告</h3><select onchange="location.href=this.value"><option value="">选择年份'
            '</option><option value="2023/">2023年</option><option value="/fz/ndbg/2022/index.html">2022年</option>'
            '</select><select id="y"><option value="2021">2021年</option></select>'
            '<ul><li><a href="/fz/ndbg/202401/t20240101_1.html">某县2023年法治政府建设年度报告</a></li></ul>')
    view = read_page(html, "http://x.gov.cn/fz/ndbg/", hosts=frozenset({"x.gov.cn"}))
    assert view.subcolumns == ("http://x.gov.cn/fz/ndbg/2023/", "http://x.gov.cn/fz/ndbg/2022/index.html")
    url = "http://fzsd.shandan.gov.cn/fzzfjs/ndbg/"
    assert read_page(recorded(url), url, hosts=frozenset({"fzsd.shandan.gov.cn"})).subcolumns == ()


# -- a topic column of others' reports, walked and then judged ------------------------------------------------
def _site(sfj_page2: str) -> dict[str, str]:
    from test_column_search import html  # noqa: PLC0415 (the small-site helpers of the column search's tests)

    row = '<li><a href="{u}">{t}</a><span>2024-01-0{d}</span></li>'
    return {
        "http://x.gov.cn/": html('<a href="/bm/sfj/">乡宁县司法局</a><a href="/bm/xzfb/">县政府工作</a>'),
        "http://x.gov.cn/bm/sfj/": html('<a href="/bm/sfj/fzjs/">法治建设</a>'),
        "http://x.gov.cn/bm/sfj/fzjs/": html(
            '<div class="crumb">当前位置：首页 > 法治建设</div><ul class="list">'
            + row.format(u="/bm/sfj/fzjs/202402/t20240201_1.html", t="乡宁县司法局2023年度法治政府建设工作报告", d=1)
            + row.format(u="/bm/sfj/fzjs/202402/t20240202_2.html", t="乡宁县财政局关于2023年度法治政府建设情况的报告", d=2)
            + '</ul><div class="page"><a href="/bm/sfj/fzjs/index_1.html">下一页</a></div>'),
        "http://x.gov.cn/bm/sfj/fzjs/index_1.html": html(f'<ul class="list">{sfj_page2}</ul>'),
        "http://x.gov.cn/bm/xzfb/": html('<a href="/bm/xzfb/fzzfjs/ndbg/">法治政府建设年度报告</a>'),
        "http://x.gov.cn/bm/xzfb/fzzfjs/ndbg/": html(
            '<ul class="list">' + row.format(u="/bm/xzfb/fzzfjs/ndbg/202403/t20240301_9.html",
                                             t="乡宁县2023年法治政府建设年度报告", d=3) + '</ul>'),
    }


def test_a_column_of_others_reports_is_walked_and_kept_when_its_later_page_holds_the_countys():
    from test_column_search import run  # noqa: PLC0415

    county = '<li><a href="/bm/sfj/fzjs/202401/t20240105_7.html">乡宁县2022年法治政府建设年度报告</a></li>'
    s, asked = run(_site(county))
    assert s.column_url == "http://x.gov.cn/bm/sfj/fzjs/"
    assert "http://x.gov.cn/bm/sfj/fzjs/202401/t20240105_7.html" in s.items


def test_a_column_of_only_others_reports_is_left_for_the_countys():
    from test_column_search import run  # noqa: PLC0415

    other = '<li><a href="/bm/sfj/fzjs/202301/t20230105_8.html">乡宁县人民政府主要负责人2022年度述法报告</a></li>'
    s, asked = run(_site(other))  # 县政府工作: a menu link, asked when the named ways are spent
    assert s.column_url == "http://x.gov.cn/bm/xzfb/fzzfjs/ndbg/", asked
    assert "http://x.gov.cn/bm/xzfb/fzzfjs/ndbg/202403/t20240301_9.html" in s.items
    assert "http://x.gov.cn/bm/sfj/fzjs/202402/t20240201_1.html" in s.articles  # seen, not the column's
    bare, _ = run({u: t for u, t in _site(other).items() if "/xzfb/" not in u})  # nothing else: the fallback
    assert bare.column_url == "http://x.gov.cn/bm/sfj/fzjs/" and len(bare.items) == 3
