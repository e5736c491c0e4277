"""The mechanisms discovery round 5 added, each on its own, for the site shapes of tests/fixtures/families5 (a 政府信息公开
catalogue of `<dl>/<dd>` with per-year folders and `createPageHTML` pagers, lists that live in scripts, a 法治 topic
reached only through image links, list rows that are not anchors, the 司法局's own site on a sibling host). Every
county of the set is searched through the real fetcher by test_discover_families.py."""

from __future__ import annotations

import datetime as dt

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover import read_page
from countyreports.crawl.discover.acceptance import accepts
from countyreports.crawl.discover.endpoints import list_includes
from countyreports.crawl.discover.listing import list_items
from countyreports.crawl.discover.names import text_score
from countyreports.crawl.discover.scripts import script_records

HOSTS = frozenset({"x.gov.cn"})


# -- rows that are not anchors ----------------------------------------------------------------------------------
def test_rows_opened_by_scripts_are_entries():
    html = ('<div class="list"><ul>'
            '<li onclick="location.href=\'/fz/202503/t20250312_1.html\'" title="X县2024年法治政府建设年度报告">'
            'X县2024年法治政府建设年…<span>2025-03-12</span></li>'
            '<li onclick="location.href=\'/fz/202403/t20240312_2.html\'" title="X县2023年法治政府建设年度报告">'
            'X县2023年法治政府建设年…<span>2024-03-12</span></li></ul></div>'
            '<table><tr data-href="/fz/202203/t20220301_3.html"><td>000-2022-1</td>'
            '<td>X县2021年法治政府建设年度报告</td><td>2022-03-01</td></tr></table>'
            '<div class="card" onclick="window.open(\'/fz/202103/t20210301_4.html\',\'_blank\')">'
            '<h4>X县2020年法治政府建设年度报告</h4><p>2020年，我县深入推进法治政府建设，取得了明显成效。</p></div>')
    items = {i.url: i for i in list_items(c.parse(html), "http://x.gov.cn/fz/", HOSTS)}
    first = items["http://x.gov.cn/fz/202503/t20250312_1.html"]
    assert first.text == "X县2024年法治政府建设年度报告" and first.date == dt.date(2025, 3, 12)
    links = dict((u, c.link_title(a)) for a, u in c.anchors(c.parse(html), "http://x.gov.cn/fz/"))
    assert links["http://x.gov.cn/fz/202203/t20220301_3.html"] == "X县2021年法治政府建设年度报告"
    assert links["http://x.gov.cn/fz/202103/t20210301_4.html"] == "X县2020年法治政府建设年度报告"


def test_a_row_holding_an_anchor_is_read_by_its_anchor():
    html = '<ul><li onclick="go()"><a href="/fz/t1.html">X县2024年法治政府建设年度报告</a></li></ul>'
    assert [u for _a, u in c.anchors(c.parse(html), "http://x.gov.cn/")] == ["http://x.gov.cn/fz/t1.html"]


def test_an_image_maps_area_is_a_link_named_by_its_alt():
    html = '<map name="m"><area shape="rect" coords="0,0,1,1" href="/ztzl/fz/" alt="法治X县"></map>'
    (a, u), = c.anchors(c.parse(html), "http://x.gov.cn/")
    assert u == "http://x.gov.cn/ztzl/fz/" and c.label_of(a) == "法治X县"


# -- lists in scripts -------------------------------------------------------------------------------------------
def test_an_array_of_plain_rows_is_a_list():
    html = ('<script>var listArr = [["X县2024年法治政府建设年度报告", "/fz/202503/t1.html", "2025-03-10"],'
            '["X县司法局2024年度法治政府建设工作报告", "/fz/202502/t2.html", "2025-02-10"]];</script>')
    got = script_records(html, "http://x.gov.cn/fz/", HOSTS)
    assert [(i.url, i.text, i.date) for i in got][0] == (
        "http://x.gov.cn/fz/202503/t1.html", "X县2024年法治政府建设年度报告", dt.date(2025, 3, 10))
    assert not script_records('<script>var a = [["a", "b"], [1, 2]];</script>', "http://x.gov.cn/", HOSTS)


def test_a_script_included_in_a_list_is_its_part_and_its_lines_are_read():
    page = ('<head><script src="/static/js/jquery.min.js"></script></head><body><ul class="list">'
            '<script src="/js/list/fzzf_1.js"></script></ul></body>')
    assert list_includes(c.parse(page), "http://x.gov.cn/fz/", HOSTS) == ("http://x.gov.cn/js/list/fzzf_1.js",)
    js = ''.join(f'document.write("<li><a href=\\"/fz/t{n}.html\\" title=\\"X县{y}年法治政府建设年度报告\\">'
                 f'X县{y}年法治…</a><span>{y + 1}-03-01</span></li>");\n' for n, y in ((1, 2024), (2, 2023)))
    view = read_page(js, "http://x.gov.cn/js/list/fzzf_1.js", hosts=HOSTS)
    assert [i.text for i in view.items] == ["X县2024年法治政府建设年度报告", "X县2023年法治政府建设年度报告"]


# -- the way to the column --------------------------------------------------------------------------------------
def test_more_topics_leads_to_the_topics_and_the_work_report_is_no_report_column():
    assert text_score("更多专题")[0] > 0
    topic = '<div class="bread"><a href="/">首页</a> &gt; <span>法治政府建设</span></div>'
    html = topic + ('<ul class="sub"><li><a href="/fz/zfgzbg/">政府工作报告</a></li>'
                    '<li><a href="/fz/2025n/">2025年</a></li><li><a href="/fz/2024n/">2024年</a></li></ul>')
    view = read_page(html, "http://x.gov.cn/fz/", hosts=HOSTS)
    assert all(s.score < 90 for s in view.candidates)
    assert accepts(view, county="X县")  # a topic whose content is its per-year folders is the column


def test_a_topics_news_list_linking_a_better_named_column_is_a_way():
    html = ('<div class="bread"><a href="/">首页</a> &gt; <span>法治建设</span></div>'
            '<nav class="grid"><a href="/fz/ndbg/">年度法治政府建设情况</a></nav>'
            '<ul class="newslist"><li><a href="/2024-04/10/c_1.htm">X县召开法治政府建设推进会</a>'
            '<span>2024-04-10</span></li><li><a href="/2024-01/16/c_2.htm">X县部署普法工作</a>'
            '<span>2024-01-16</span></li></ul>')
    view = read_page(html, "http://x.gov.cn/fz/", hosts=HOSTS)
    assert view.items and not accepts(view, county="X县")


def test_a_select_of_sites_and_a_profiles_address_link_name_the_bureaus_site():
    home = ('<div class="foot"><select onchange="if(this.value!=\'\')window.open(this.value)">'
            '<option value="">请选择</option><option value="http://sfj.x.gov.cn/">X县司法局</option></select></div>')
    cands = {s.url: s.text for s in read_page(home, "http://www.x.gov.cn/", hosts=HOSTS).candidates}
    assert cands.get("http://sfj.x.gov.cn/") == "X县司法局"
    profile = ('<div class="where">当前位置：<a href="/">首页</a> &gt; <a href="/zfjg/">政府机构</a> &gt; 县司法局</div>'
               '<table><tr><th>门户网站</th><td><a href="http://sfj.x.gov.cn/">http://sfj.x.gov.cn</a></td></tr></table>')
    cands = {s.url: s.text for s in read_page(profile, "http://www.x.gov.cn/zfjg/sfj/", hosts=HOSTS).candidates}
    assert cands.get("http://sfj.x.gov.cn/") == "县司法局"


def test_a_rows_date_in_chinese_numerals():
    assert c.parse_date("二〇二一年二月九日") == dt.date(2021, 2, 9)
    assert c.parse_date("第二〇号") is None
