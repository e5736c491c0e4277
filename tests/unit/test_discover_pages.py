"""Page shapes of real Chinese government CMSs beyond the snapshot's, read by the generic path (adapters off):
lists of any shape, article URLs of any shape, pagination of any kind, lists in scripts and JSON, column names in
context, search forms, the county's own site. The expected values are read off the pages by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from countyreports.crawl.discover import common, read_page
from countyreports.crawl.discover.forms import search_forms
from countyreports.crawl.discover.pager import script_pages
from countyreports.crawl.discover.scope import Scope, site_of
from countyreports.crawl.discover.scripts import api_urls, json_pages, json_records, read_json
from countyreports.models import Link


def page(body: str, title: str = "某县人民政府", head: str = "") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


def generic(html: str, url: str, hosts: frozenset[str] = frozenset()):
    return read_page(html, url, hosts=hosts, adapters=False)


# ------------------------------------------------------------------ lists of any shape

def test_dateless_list_of_unknown_url_shape_against_column_links_of_the_page_own_shape():
    url = "http://sfj.x.gov.cn/index.php?m=content&c=index&a=lists&catid=44"
    html = page(
        '<table class="left"><tr><td><a href="index.php?m=content&amp;c=index&amp;a=lists&amp;catid=45">法治政府建设'
        '年度报告专栏</a></td></tr><tr><td><a href="index.php?m=content&amp;c=index&amp;a=lists&amp;catid=46">'
        '依法行政工作动态汇总</a></td></tr></table>'
        '<table class="news"><tr><td><a href="index.php?m=content&amp;c=index&amp;a=show&amp;catid=44&amp;id=3021">'
        '某县2023年度法治政府建设情况报告</a></td></tr>'
        '<tr><td><a href="index.php?m=content&amp;c=index&amp;a=show&amp;catid=44&amp;id=2877">'
        '某县司法局2022年法治政府建设年度报告</a></td></tr></table>')
    got = generic(html, url)
    assert [i.url for i in got.items] == [
        "http://sfj.x.gov.cn/index.php?m=content&c=index&a=show&catid=44&id=3021",
        "http://sfj.x.gov.cn/index.php?m=content&c=index&a=show&catid=44&id=2877"]
    assert all(i.date is None for i in got.items)


def test_div_rows_and_article_urls_of_many_shapes():
    rows = [("/art/2023/art_3f2c9a0d1e8b47c6a5d4f3e2b1c0a9d8.html", "2024-01-10"),
            ("/gkmlpt/content/1/1580/post_1580023.html", "2023-02-03"),
            ("/public/6601234/8512345.html", "2022-03-04"),
            ("/doc/4e1b7c0a-9f2d-4c3b-8a1e-5d6f7a8b9c0d", "2021-04-05"),
            ("/Show.aspx?id=1234", "2020-05-06")]
    body = '<div class="list">' + "".join(
        f'<div class="item"><a href="{u}">某县{2023 - i}年法治政府建设年度报告</a><em>{d}</em></div>'
        for i, (u, d) in enumerate(rows)) + "</div>"
    got = generic(page(body), "http://www.x.gov.cn/fzzf/index.html")
    assert [i.url for i in got.items] == [f"http://www.x.gov.cn{u}" for u, _ in rows]
    assert got.items[0].date == dt.date(2024, 1, 10)
    for u, _ in rows:
        assert common.is_article_url(f"http://www.x.gov.cn{u}"), u
    for u in ("/col.jsp?colid=12", "/List.aspx?ClassID=23", "/zwgk/fzzfjs/index.html", "/public/column/66?type=4"):
        assert not common.is_article_url(f"http://www.x.gov.cn{u}"), u


def test_list_row_date_of_a_dateless_article_is_kept():
    html = page('<ul class="list"><li><a href="/info/1204/45624.htm" title="某县2023年度法治政府建设情况报告">'
                '某县2023年度法治政府建设情...</a><span class="time">2024-02-01</span></li></ul>')
    got = generic(html, "http://www.x.gov.cn/fzzf.htm")
    assert got.items == (Link("http://www.x.gov.cn/info/1204/45624.htm", "某县2023年度法治政府建设情况报告",
                              dt.date(2024, 2, 1)),)


# ------------------------------------------------------------------ pagination of any kind

def test_bracketed_page_numbers_and_page_parameter_without_a_pager_block():
    url = "http://www.x.gov.cn/List.aspx?ClassID=23"
    html = page('<table class="newslist"><tr><td><a href="Show.aspx?id=5">某县2023年法治政府建设年度报告</a></td></tr></table>'
                '<div class="showpage">共12条记录 页次：1/2 <a href="List.aspx?ClassID=23">首页</a> <b>1</b> '
                '<a href="List.aspx?ClassID=23&amp;page=2">[2]</a> <a href="List.aspx?ClassID=23&amp;page=2">下一页</a></div>'
                '<p><a href="/public/column/6?type=4&amp;catId=7&amp;pageIndex=3">3</a></p>')
    assert generic(html, url).next_pages == ("http://www.x.gov.cn/List.aspx?ClassID=23&page=2",)
    url2 = "http://x.gov.cn/public/column/6?type=4&catId=7&action=list"
    html2 = page('<ul><li><a href="/public/6/88123.html">某县2022年法治政府建设年度报告</a></li></ul>'
                 '<p><a href="/public/column/6?type=4&amp;catId=7&amp;action=list&amp;pageIndex=2">2</a></p>')
    assert generic(html2, url2).next_pages == ("http://x.gov.cn/public/column/6?type=4&catId=7&action=list&pageIndex=2",)


@pytest.mark.parametrize("script,url,pages", [
    ('createPageHTML(3, 0, "index", "html");', "http://x/a/index.html",
     ("http://x/a/index_1.html", "http://x/a/index_2.html")),
    ('createPageHTML("page_div", 3, 0, "index", "shtml", 47);', "http://x/a/index.shtml",
     ("http://x/a/index_1.shtml", "http://x/a/index_2.shtml")),
    ('var countPage = 2; var currentPage = 1; createPageHTML(countPage, currentPage, "index", "html");',
     "http://x/a/index_1.html", ("http://x/a/index.html",)),
    ('var pageConfig = { total: 23, size: 6, current: 1, prefix: "index", suffix: "html" };\n'
     'renderPager("pagination", pageConfig);', "http://x/a/index.html",
     ("http://x/a/index_2.html", "http://x/a/index_3.html", "http://x/a/index_4.html")),
    ('laypage.render({elem: "p", count: 30, limit: 10, curr: 1}); var fileName = "list", ext = "htm";',
     "http://x/a/list.htm", ("http://x/a/list_2.htm", "http://x/a/list_3.htm")),
    ('var total = 5;', "http://x/a/index.html", ()),
    # the file names built by the pager's jump function ("listDisplaySelf_" + obj.curr + ".shtml")
    ('laypage.render({elem: "page", count: 8, limit: 4, curr: 1, jump: function(obj, first){ if(!first){ '
     'location.href = obj.curr == 1 ? "listDisplaySelf.shtml" : "listDisplaySelf_" + obj.curr + ".shtml"; } } });',
     "http://x/c1/listDisplaySelf.shtml", ("http://x/c1/listDisplaySelf_2.shtml",)),
    # a stem given as a path and an extension with its dot (showPages(id, pages, current, stem, ext))
    ('showPages("epages", 3, 1, "/zt/fz/index", ".html");', "http://x/zt/fz/index.html",
     ("http://x/zt/fz/index_2.html", "http://x/zt/fz/index_3.html")),
    ('showPages("epages", 3, 1, "/zt/fz/index", ".html");', "http://x/zt/fz/",
     ("http://x/zt/fz/index_2.html", "http://x/zt/fz/index_3.html")),
    # pages numbered without "_" from 1 (list1.html, list2.html), their count only in a JSON the script fetches:
    # the next page is asked, and from it the one after, until one is missing
    ('$.getJSON("script.json", function (d) { hapPage("p", { total: d.total, endPage: d.endPage, current: 1, '
     'prefix: "list", suffix: ".html" }); });', "http://x/a/list1.html", ("http://x/a/list2.html",)),
    ('$.getJSON("script.json", function (d) { hapPage("p", { total: d.total, endPage: d.endPage, current: 2, '
     'prefix: "list", suffix: ".html" }); });', "http://x/a/list2.html", ("http://x/a/list1.html", "http://x/a/list3.html")),
    ('var pageConfig = { total: 12, size: 6, current: 1, prefix: "list", suffix: "html" };', "http://x/a/list1.html",
     ("http://x/a/list2.html",)),
    # laypage whose jump builds the page's URL around its number
    ("laypage({ cont: 'layPage', pages: '3', curr: '1', jump: function (e, first) { if (!first) { "
     'window.location.href = "/web/list.action?pageNum=" + e.curr + "&pageSize=5&theID=ab12"; } } });',
     "http://x/web/list.action?theID=ab12", ("http://x/web/list.action?pageNum=2&pageSize=5&theID=ab12",
                                              "http://x/web/list.action?pageNum=3&pageSize=5&theID=ab12")),
])
def test_script_only_pagers(script, url, pages):
    assert script_pages(page(f"<script>{script}</script>"), url) == pages


# ------------------------------------------------------------------ lists in scripts, JSON list APIs

def test_records_embedded_in_a_script_are_read_by_the_generic_path():
    html = page('<div id="div1"><script type="text/xml"><datastore><recordset>'
                '<record><![CDATA[<li><a href="/art/2024/1/5/art_71_881.html" title="某县2023年法治政府建设年度报告">'
                '某县2023年法治政府建设年度报告</a><span>2024-01-05</span></li>]]></record>'
                '<record><![CDATA[<li><a href="/art/2023/1/9/art_71_702.html">某县2022年法治政府建设年度报告</a>'
                '<span>2023-01-09</span></li>]]></record></recordset></datastore></script></div>'
                "<script>var items = ['<li><a href=\"/x/1.html\">无关</a></li>'];</script>")
    got = generic(html, "http://www.x.gov.cn/col/col71/index.html")
    assert [(i.url, i.date) for i in got.items] == [
        ("http://www.x.gov.cn/art/2024/1/5/art_71_881.html", dt.date(2024, 1, 5)),
        ("http://www.x.gov.cn/art/2023/1/9/art_71_702.html", dt.date(2023, 1, 9))]


def test_a_json_list_answer_is_read_generically_with_its_pages():
    url = "http://www.x.gov.cn/api/list?columnId=12&page=1"
    answer = {"code": 0, "data": {"list": [
        {"id": 1, "docTitle": "某县2023年法治政府建设年度报告", "docUrl": "/zwgk/2024/01/a1.html", "pubDate": 1704412800000},
        {"id": 2, "docTitle": "某县2022年法治政府建设年度报告", "docUrl": "http://www.x.gov.cn/zwgk/2023/01/a2.html",
         "pubDate": "2023-01-20 09:00:00"},
        {"id": 3, "name": "法治政府建设", "children": []}]}, "total": 23, "pageSize": 10}
    value = read_json(json.dumps(answer))
    assert json_records(value, url, frozenset({"www.x.gov.cn"})) == (
        Link("http://www.x.gov.cn/zwgk/2024/01/a1.html", "某县2023年法治政府建设年度报告", dt.date(2024, 1, 5)),
        Link("http://www.x.gov.cn/zwgk/2023/01/a2.html", "某县2022年法治政府建设年度报告", dt.date(2023, 1, 20)))
    assert json_pages(value, url) == ("http://www.x.gov.cn/api/list?columnId=12&page=2",
                                      "http://www.x.gov.cn/api/list?columnId=12&page=3")
    assert read_json('cb({"a": 1});') == {"a": 1}
    view = read_page(json.dumps(answer), url, via="年度报告", via_context="法治政府建设")
    assert view.is_json and view.score >= 90 and len(view.items) == 2


def test_list_endpoints_named_by_a_script():
    html = page('<script src="/js/jquery.js"></script><script>$.get("/api/list.json?columnId=12");'
                'var u = "/module/list.jsp?channelId=5&pageNo=1"; var css = "/css/a.css"; var base = "/gkmlpt/api/";'
                'fetch("http://other.gov.cn/api/x.json");</script>')
    assert api_urls(html, "http://www.x.gov.cn/fz/index.html", frozenset({"www.x.gov.cn"})) == (
        "http://www.x.gov.cn/api/list.json?columnId=12", "http://www.x.gov.cn/module/list.jsp?channelId=5&pageNo=1")


# ------------------------------------------------------------------ names in context

def test_a_report_named_only_report_is_the_report_column_under_a_topic_column():
    crumb = '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/fz/">{}</a> &gt; <a href="/fz/nb/">年度报告</a></div>'
    rows = '<ul><li><a href="/info/1/2345.htm">某县2023年法治政府建设年度报告</a><span>2024-01-02</span></li></ul>'
    under_topic = generic(page(crumb.format("法治政府建设") + rows, "年度报告"), "http://x.gov.cn/fz/nb/")
    under_gk = generic(page(crumb.format("政府信息公开") + rows, "年度报告"), "http://x.gov.cn/fz/nb/")
    assert under_topic.score >= 90 and under_gk.score == 0
    topic = generic(page('<div class="sub"><a href="/fz/nb/">年度报告</a><a href="/fz/gz/">工作动态</a></div>',
                         "法治政府建设"), "http://x.gov.cn/fz/")
    assert topic.candidates[0].url == "http://x.gov.cn/fz/nb/" and topic.candidates[0].score >= 90
    year = generic(page('<div class="crumb">当前位置：首页 &gt; 法治政府建设年度报告 &gt; 2023年度</div>' + rows, "2023年度"),
                   "http://x.gov.cn/fz/nb/2023/")
    assert year.score < 55  # a per-year part of the column, not the column


# ------------------------------------------------------------------ the site's search form

def test_get_search_forms_and_the_query_a_browser_sends():
    html = page('<form action="/search/s?old=1" method="get" class="ss"><input type="hidden" name="siteCode" '
                'value="4414270003"><input type="text" name="searchWord" placeholder="请输入关键字">'
                '<select name="scope"><option value="title">标题</option><option value="all" selected>全文</option>'
                '</select><input type="submit" value="搜索"></form>'
                '<form action="/ssjg.jsp" method="post"><input name="showkeycode"><input type="submit" value="搜索"></form>'
                '<form action="/login"><input name="user"><input type="password" name="pw"></form>')
    forms = search_forms(common.parse(html), "http://www.x.gov.cn/")
    assert len(forms) == 1
    assert forms[0].url("法治 报告") == ("http://www.x.gov.cn/search/s?siteCode=4414270003&searchWord="
                                       "%E6%B3%95%E6%B2%BB+%E6%8A%A5%E5%91%8A&scope=all")
    assert forms[0].carries("4414270003") and not forms[0].carries("4414270009")
    gbk = search_forms(common.parse('<form action="search.aspx"><input name="keyword"><input type="submit" '
                                    'value="搜索"></form>'), "http://www.x.gov.cn/", "gb18030")[0]
    assert gbk.url("法治") == "http://www.x.gov.cn/search.aspx?keyword=%B7%A8%D6%CE"


# ------------------------------------------------------------------ the county's own site

def test_scope_is_the_homepage_site_and_its_subdomains_not_the_registrable_domain():
    assert site_of("www.tsws.gov.cn") == "tsws.gov.cn" and site_of("WWW.X.GOV.CN.") == "x.gov.cn"
    s = Scope.of("http://www.ay.gov.cn/")
    for url in ("http://ay.gov.cn/", "http://sfj.ay.gov.cn/a", "http://www.ay.gov.cn/x", "https://xxgk.ay.gov.cn/"):
        assert s.allows(url), url
    for url in ("http://www.gz.gov.cn/", "http://ay.gov.cn.evil.com/", "http://xay.gov.cn/"):
        assert not s.allows(url), url
    platform = Scope.of("http://xiangfen.linfen.gov.cn/")
    assert platform.allows("http://xxgk.xiangfen.linfen.gov.cn/") and not platform.allows("http://www.linfen.gov.cn/")
    platform.add_host("xxgk.sx.gov.cn")
    assert platform.allows("http://xxgk.sx.gov.cn/x") and not platform.allows("http://www.sx.gov.cn/")
    again = Scope.of("http://xiangfen.linfen.gov.cn/", platform.entries())
    assert again.entries() == platform.entries()
    assert common.same_site("http://sfj.ay.gov.cn/x", s.entries())


# ------------------------------------------------------------------ pages that lead elsewhere

def test_a_homepage_that_only_redirects_by_meta_refresh_or_script_leads_on():
    refresh = page("", head='<meta http-equiv="refresh" content="0; url=/index.shtml">')
    script = page('<script>window.location.href = "http://www.x.gov.cn/col/col1/index.html";</script>')
    assert generic(refresh, "http://www.x.gov.cn/").redirect == "http://www.x.gov.cn/index.shtml"
    assert generic(script, "http://www.x.gov.cn/").redirect == "http://www.x.gov.cn/col/col1/index.html"
    long_page = page("<p>" + "正文" * 800 + '</p><script>if (m) { location.href = "/m/"; }</script>')
    assert generic(long_page, "http://www.x.gov.cn/").redirect is None  # a real page with a mobile switch


def test_a_list_in_a_frame_belongs_to_its_page():
    html = page('<div class="crumb">当前位置：首页 &gt; 法治政府建设 &gt; 年度报告</div>'
                '<iframe src="/xxgk/list.jsp?colid=88" width="100%"></iframe>', "年度报告")
    got = generic(html, "http://www.x.gov.cn/fz/nb/")
    assert got.frames == ("http://www.x.gov.cn/xxgk/list.jsp?colid=88",) and got.listy and got.score >= 90


def test_menus_written_by_scripts_are_followed():
    html = page("<script>document.write('<ul class=\"menu\"><li><a href=\"/zfxxgk/\">政府信息公开</a></li>"
                "<li><a href=\"/fzzf/\">法治政府建设</a></li></ul>');</script>")
    urls = [s.url for s in generic(html, "http://www.x.gov.cn/").candidates]
    assert urls == ["http://www.x.gov.cn/fzzf/", "http://www.x.gov.cn/zfxxgk/"]  # 法治政府建设 before 政府信息公开


def test_per_year_parts_named_like_reports_are_parts_of_the_column():
    html = page('<div class="sub"><a href="/fz/nb/2023/index.html">2023年度法治政府建设年度报告</a>'
                '<a href="/fz/nb/2022/index.html">2022年法治政府建设情况报告</a></div>'
                '<ul><li><a href="/fz/nb/t20240101_1.html">某县2023年法治政府建设年度报告</a><span>2024-01-01</span></li></ul>',
                "法治政府建设年度报告")
    got = generic(html, "http://www.x.gov.cn/fz/nb/index.html")
    assert got.subcolumns == ("http://www.x.gov.cn/fz/nb/2023/index.html", "http://www.x.gov.cn/fz/nb/2022/index.html")
    assert [i.url for i in got.items] == ["http://www.x.gov.cn/fz/nb/t20240101_1.html"]


def test_a_list_endpoint_with_its_request_data_and_scripted_links():
    html = page('<ul id="list"></ul><script>var colId = 88; $.ajax({url: "/xxgk/api/getList", type: "get", '
                'data: {columnId: colId, pageNo: 1, size: 15}, success: render});'
                '$.ajax({url: "/xxgk/api/save", type: "POST", data: {columnId: 1, page: 1}});</script>'
                '<div class="nav"><a href="javascript:void(0)" onclick="location.href=\'/zfxxgk/index.html\'">'
                '政府信息公开</a><a href="javascript:openUrl(\'/fzzf/\')">法治政府建设</a><a href="#top">顶部</a></div>')
    got = generic(html, "http://www.x.gov.cn/fz/index.html", frozenset({"www.x.gov.cn"}))
    assert got.apis == ("http://www.x.gov.cn/xxgk/api/getList?columnId=88&pageNo=1&size=15",)
    assert [s.url for s in got.candidates] == ["http://www.x.gov.cn/fzzf/", "http://www.x.gov.cn/zfxxgk/index.html"]


def test_more_links_of_any_punctuation_take_their_block_heading():
    for more in ("[更多]", "更多»", ">>更多", "MORE+", "查看更多>>"):
        html = page(f'<div class="box"><h3>法治政府建设</h3><a href="/fzzf/">{more}</a></div>')
        assert generic(html, "http://x.gov.cn/").candidates[0].text == "法治政府建设", more


# ------------------------------------------------------------------ lists recognised by their structure

def test_a_list_of_opaque_ids_built_like_the_menus_is_read_by_its_titled_rows():
    """Article URLs of the same shape as the menus' (a CMS numbering columns and articles alike: /node/12,
    /node/1581): the rows are entries because many sibling rows carry titles, not column names; they are neither
    per-year sub-columns nor column candidates."""
    menu = ('<nav class="menu"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>'
            '<li><a href="/node/12">走进某县</a></li></ul></nav>')
    titles = ["2022年某县法治政府建设工作情况", "某县司法局2022年度法治政府建设工作情况报告",
              "某县人民政府关于法治政府建设工作情况的报告"]
    rows = "".join(f'<div class="views-row"><div class="views-field"><span><a href="/node/{1581 - i}">{t}</a></span>'
                   f'</div></div>' for i, t in enumerate(titles))
    got = generic(page(menu + f'<main><h1>年度报告</h1><div class="view-content">{rows}</div></main>', "年度报告"),
                  "http://www.x.gov.cn/taxonomy/term/24")
    assert [i.url for i in got.items] == [f"http://www.x.gov.cn/node/{1581 - i}" for i in range(3)]
    assert got.subcolumns == ()
    assert not any(s.url.startswith("http://www.x.gov.cn/node/15") for s in got.candidates)


def test_a_header_inside_an_article_block_is_not_page_chrome():
    """HTML5 posts: `<article><header><h2><a>title</a></h2><time>` — the header is the entry's, not the page's."""
    posts = "".join(
        f'<article class="post"><header class="entry-header"><h2><a href="/?p={2079 - i}">某县{2023 - i}年法治政府建设'
        f'工作总结</a></h2><time datetime="{2024 - i}-03-26">{2024 - i}年3月26日</time></header><p>摘要</p></article>'
        for i in range(3))
    got = generic(page('<header class="site"><a href="/?cat=3">政务公开</a></header><main>' + posts + "</main>",
                       "年度报告"), "http://www.x.gov.cn/?cat=15")
    assert [i.url for i in got.items] == [f"http://www.x.gov.cn/?p={2079 - i}" for i in range(3)]
    assert got.items[0].date == dt.date(2024, 3, 26)


def test_older_posts_links_lead_to_the_next_page():
    """A blog-style pager (WordPress: « 较早文章 → ?cat=15&paged=2) is a pager like 下一页."""
    body = ('<ul><li><a href="/?p=2079">某县2023年法治政府建设工作总结</a><span>2024-03-26</span></li></ul>'
            '<nav class="navigation posts-navigation"><div class="nav-previous"><a href="/?cat=15&amp;paged=2">'
            '« 较早文章</a></div></nav>')
    got = generic(page(body, "年度报告"), "http://www.x.gov.cn/?cat=15")
    assert got.next_pages == ("http://www.x.gov.cn/?cat=15&paged=2",)


def test_a_menu_held_as_json_in_a_script_gives_column_candidates():
    html = page('<div id="nav"></div><script>var menuData = [{"name": "政务公开", "url": "/zwgk/", "children": '
                '[{"name": "法治政府建设", "url": "/zwgk/fzzf/"}]}]; renderMenu(menuData);</script>')
    got = generic(html, "http://www.x.gov.cn/")
    assert [(s.url, s.score >= 80) for s in got.candidates[:2]] == [("http://www.x.gov.cn/zwgk/fzzf/", True),
                                                                     ("http://www.x.gov.cn/zwgk/", False)]
    assert got.items == ()


@pytest.mark.parametrize("label,at_least", [("县司法局", 25), ("政府法制", 50), ("普法依法治理", 50), ("专题专栏", 25)])
def test_ways_to_the_topic_under_other_names(label, at_least):
    """The justice bureau's site, the older word 法制, 普法依法治理, 专题专栏: links worth a request."""
    got = generic(page(f'<a href="/x/">{label}</a>'), "http://www.x.gov.cn/")
    assert got.candidates and got.candidates[0].score >= at_least
