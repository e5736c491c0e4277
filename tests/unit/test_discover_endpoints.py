"""Script-only pages (single-page apps): the JSON requests their scripts build, filled as the page itself
would; JSON column trees and lists without URL fields; and the search through such a site. Expected values are
read off the hand-written pages."""

from __future__ import annotations

import json

from countyreports.crawl.discover.endpoints import endpoints, link_templates, page_id
from countyreports.crawl.discover.scope import Scope
from countyreports.crawl.discover.scripts import json_columns, json_pages, json_records
from countyreports.crawl.discover.search import Answer, ColumnSearch
from countyreports.models import County

HOSTS = frozenset({"www.x.gov.cn"})

CONFIG_SHELL = """<html><head><title>某县人民政府</title></head><body><div id="app"></div><script>
window.__CFG__ = {"siteId": "1", "listApi": "/api/cms/article/list", "channelApi": "/api/cms/channel/children"};
var cfg = window.__CFG__;
var channelId = new URLSearchParams(location.search).get("channelId");
function kids(parentId) { return fetch(cfg.channelApi + "?parentId=" + parentId).then(function (r) { return r.json(); }); }
function list(id, pageNo) { return fetch(cfg.listApi + "?channelId=" + id + "&pageNo=" + pageNo + "&pageSize=6"); }
</script></body></html>"""

JQUERY_SHELL = """<html><body><div id="list"></div><script>
var apiRoot = "/api";
function getChildren(id) { $.getJSON(apiRoot + "/column/children", { columnId: id }, renderNav); }
function getList(id, pageNo) { $.getJSON(apiRoot + "/article/list", { columnId: id, pageNo: pageNo, pageSize: 12 }, render); }
function render(res) { var html = ""; $.each(res.rows, function (i, a) {
  html += '<li><a href="/content.html?articleId=' + a.articleId + '">' + a.title + '</a></li>'; }); }
function save(x) { $.ajax({ url: apiRoot + "/vote", type: "POST", data: { id: x } }); }
</script></body></html>"""

AXIOS_SHELL = """<html><body><div id="app"></div><script type="module">
const API = { tree: "/api/v1/catalog/tree", page: "/api/v1/content/page" };
const catalogId = location.pathname.split("/").pop();
export async function loadTree() { return (await axios.get(API.tree, { params: { rootId: catalogId } })).data; }
export async function loadPage(page) { return (await axios.get(API.page, { params: { catalogId: catalogId, page: page, size: 4 } })).data; }
</script></body></html>"""


def test_requests_built_from_config_bases_and_concatenated_queries():
    assert endpoints(CONFIG_SHELL, "http://www.x.gov.cn/channel.html?channelId=1131", HOSTS) == (
        "http://www.x.gov.cn/api/cms/channel/children?parentId=1131",
        "http://www.x.gov.cn/api/cms/article/list?channelId=1131&pageNo=1&pageSize=6")


def test_requests_with_a_data_object_never_a_post():
    assert endpoints(JQUERY_SHELL, "http://www.x.gov.cn/column.html?columnId=300", HOSTS) == (
        "http://www.x.gov.cn/api/column/children?columnId=300",
        "http://www.x.gov.cn/api/article/list?columnId=300&pageNo=1&pageSize=12")


def test_requests_with_axios_params_and_the_page_id_from_its_path():
    assert page_id("http://www.x.gov.cn/list/84") == "84"
    assert endpoints(AXIOS_SHELL, "http://www.x.gov.cn/list/84", HOSTS) == (
        "http://www.x.gov.cn/api/v1/catalog/tree?rootId=84",
        "http://www.x.gov.cn/api/v1/content/page?catalogId=84&page=1&size=4")


def test_a_request_whose_values_the_page_cannot_fill_is_left_out():
    shell = '<script>function f(u) { fetch("/api/list?userToken=" + token + "&columnId=" + cid); }</script>'
    assert endpoints(shell, "http://www.x.gov.cn/a.html", HOSTS) == ()


def test_records_without_url_are_linked_as_the_scripts_link_them():
    templates = link_templates(JQUERY_SHELL)
    assert templates == (("articleId", "/content.html?articleId="),)
    answer = {"status": 0, "total": 14, "rows": [
        {"articleId": 501, "title": "某县2023年法治政府建设年度报告", "releaseDate": 1705536000000}]}
    api = "http://www.x.gov.cn/api/article/list?columnId=319&pageNo=1&pageSize=12"
    items = json_records(answer, api, HOSTS, templates)
    assert [(i.url, i.text, str(i.date)) for i in items] == [
        ("http://www.x.gov.cn/content.html?articleId=501", "某县2023年法治政府建设年度报告", "2024-01-18")]
    assert json_pages(answer, api) == ("http://www.x.gov.cn/api/article/list?columnId=319&pageNo=2&pageSize=12",)


def test_a_column_tree_answer_gives_columns_not_entries():
    answer = {"status": 0, "data": [{"columnId": 319, "columnName": "年度报告", "hasChild": False},
                                    {"columnId": 320, "columnName": "法治动态", "hasChild": False}]}
    api, page = "http://www.x.gov.cn/api/column/children?columnId=318", "http://www.x.gov.cn/column.html?columnId=318"
    assert json_records(answer, api, HOSTS, base=page) == ()
    dateless = {"rows": [{"title": "某县2023年度报告", "url": "/a/501.html"}, {"title": "2023年", "url": "/c/2023/"}]}
    assert [i.url for i in json_records(dateless, api, HOSTS)] == ["http://www.x.gov.cn/a/501.html"]
    assert [i.url for i in json_columns(dateless, api, HOSTS)] == ["http://www.x.gov.cn/c/2023/"]
    assert [(c.url, c.text) for c in json_columns(answer, api, HOSTS, base=page)] == [
        ("http://www.x.gov.cn/column.html?columnId=319", "年度报告"),
        ("http://www.x.gov.cn/column.html?columnId=320", "法治动态")]


def test_paging_numbers_nested_in_the_answer():
    answer = {"code": 200, "data": {"total": 11, "pageNo": 1, "pageSize": 6, "pages": 2, "list": []}}
    assert json_pages(answer, "http://www.x.gov.cn/api/l?channelId=1&pageNo=1&pageSize=6") == (
        "http://www.x.gov.cn/api/l?channelId=1&pageNo=2&pageSize=6",)


def test_the_search_walks_a_single_page_app_through_its_json_endpoints():
    """home → 法治政府建设 (a shell; its children API names 年度报告, its list API previews 2 entries) → 年度报告
    (a shell; its list API lists the reports over two pages)."""
    county = County("141029", "山西省", "临汾市", "乡宁县", "http://www.x.gov.cn/")
    col = "http://www.x.gov.cn/column.html?columnId={}"
    api = "http://www.x.gov.cn/api/{}"
    reports = [{"articleId": 900 + i, "title": f"乡宁县{2023 - i}年法治政府建设年度报告", "releaseDate": f"{2024 - i}-01-05"}
               for i in range(3)]
    pages = {"http://www.x.gov.cn/": '<html><body><a href="/column.html?columnId=318">法治政府建设</a></body></html>',
             col.format(318): JQUERY_SHELL, col.format(319): JQUERY_SHELL,
             api.format("column/children?columnId=318"): {"data": [{"columnId": 319, "columnName": "年度报告"}]},
             api.format("article/list?columnId=318&pageNo=1&pageSize=12"): {"total": 2, "rows": reports[:2]},
             api.format("column/children?columnId=319"): {"data": []},
             api.format("article/list?columnId=319&pageNo=1&pageSize=12"): {"total": 3, "pageSize": 2, "rows": reports[:2]},
             api.format("article/list?columnId=319&pageNo=2&pageSize=12"): {"total": 3, "pageSize": 2, "rows": reports[2:]}}
    s = ColumnSearch(county, Scope.of(county.homepage))
    s.start()
    while (ask := s.next()) is not None:
        body = pages.get(ask.url)
        text = json.dumps(body, ensure_ascii=False) if isinstance(body, dict) else body
        s.feed(ask, Answer(ask.url, text, None if text is not None else "http-404"))
    assert s.column_url == col.format(319)
    assert sorted(s.items) == [f"http://www.x.gov.cn/content.html?articleId={900 + i}" for i in range(3)]


DETAIL_SHELL = """<html><head><title>某县人民政府</title></head><body><h1 id="title"></h1><div id="content"></div><script>
var apiRoot = "/api";
var articleId = (/[?&]articleId=([^&]*)/.exec(location.search) || [])[1];
$.getJSON(apiRoot + "/article/detail", { articleId: articleId }, function (res) { $("#content").html(res.data.content); });
</script><div class="footer">主办单位：某县人民政府办公室</div></body></html>"""


def test_an_article_shell_shows_its_article_from_the_detail_endpoint():
    from countyreports.crawl.discover.endpoints import article_html, is_shell
    from countyreports.reading.document import RawDoc, read_article

    url = "http://www.x.gov.cn/content.html?articleId=501"
    assert is_shell(DETAIL_SHELL) and not is_shell("<p>" + "法治政府建设" * 50 + "</p>")
    assert endpoints(DETAIL_SHELL, url, HOSTS) == ("http://www.x.gov.cn/api/article/detail?articleId=501",)
    answer = json.dumps({"status": 0, "data": {"articleId": 501, "title": "某县2023年法治政府建设年度报告",
                                               "content": "<p>2023年，某县坚持依法行政。</p><p>一、主要举措</p>",
                                               "releaseDate": 1705536000000, "source": "某县人民政府办公室"}},
                        ensure_ascii=False)
    html = article_html(answer)
    assert html is not None and article_html('{"status": 0, "data": []}') is None
    article, _enc = read_article(RawDoc(url, html.encode(), "text/html; charset=utf-8"))
    assert article.title == "某县2023年法治政府建设年度报告"
    assert str(article.published) == "2024-01-18"
    assert "坚持依法行政" in "".join(article.paragraphs)


def test_an_ajax_call_with_its_data_object_and_template_literal_links():
    shell = """<script>
    $.ajax({ url: "/api/news/list", type: "GET", dataType: "json", data: { categoryId: cid, pageIndex: 1, pageSize: 15 },
      success: function (res) { var h = ""; res.data.forEach(function (a) {
        h += `<li><a href="/news/detail.html?newsId=${a.newsId}">${a.title}</a></li>`; }); } });
    </script><div v-for="item in list"><a :href="'/show/' + item.uuid">{{ item.title }}</a></div>"""
    url = "http://www.x.gov.cn/news/list.html?categoryId=27"
    assert endpoints(shell, url, HOSTS) == ("http://www.x.gov.cn/api/news/list?categoryId=27&pageIndex=1&pageSize=15",)
    assert dict(link_templates(shell)) == {"newsId": "/news/detail.html?newsId=", "uuid": "/show/"}


def test_a_homepage_that_is_a_shell_is_judged_with_its_menu_endpoint():
    county = County("141029", "山西省", "临汾市", "乡宁县", "http://www.x.gov.cn/")
    home = ('<html><body><div id="app"></div><script>fetch("/api/site/menus").then(function (r) { return r.json(); })'
            '.then(render);</script></body></html>')
    menus = {"code": 0, "data": [{"name": "政务公开", "url": "/zwgk/", "children": [
        {"name": "法治政府建设年度报告", "url": "/zwgk/fzbg/"}]}]}
    pages = {"http://www.x.gov.cn/": home, "http://www.x.gov.cn/api/site/menus": json.dumps(menus, ensure_ascii=False),
             "http://www.x.gov.cn/zwgk/fzbg/": '<html><body><ul><li><a href="/zwgk/fzbg/t20240101_1.html">乡宁县2023年'
                                               '法治政府建设年度报告</a><span>2024-01-01</span></li></ul></body></html>'}
    s = ColumnSearch(county, Scope.of(county.homepage))
    s.start()
    asked = []
    while (ask := s.next()) is not None:
        asked.append(ask.url)
        text = pages.get(ask.url)
        s.feed(ask, Answer(ask.url, text, None if text is not None else "http-404"))
    assert asked[:3] == ["http://www.x.gov.cn/", "http://www.x.gov.cn/api/site/menus", "http://www.x.gov.cn/zwgk/fzbg/"]
    assert s.column_url == "http://www.x.gov.cn/zwgk/fzbg/"


def test_relative_api_bases_and_endpoints_in_data_attributes():
    shell = """<div id="list" data-api="api/content/list?catId=12&amp;pageNum=1"></div><script>
    var BASE = "api/cms";
    function load(id, p) { $.get(BASE + "/channel/" + id + "/articles", { page: p, limit: 20 }); }
    </script>"""
    assert endpoints(shell, "http://www.x.gov.cn/col/index.html?id=7", HOSTS) == (
        "http://www.x.gov.cn/col/api/cms/channel/7/articles?page=1&limit=20",
        "http://www.x.gov.cn/col/api/content/list?catId=12&pageNum=1")
