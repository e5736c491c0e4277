"""The mechanisms discovery round 7 added, each on its own, for the site shapes of tests/fixtures/families7 (Hanweb-
style data proxies answering XML, ASP.NET lists whose plain page URLs sit only in `<noscript>` or a 跳转 `<select>`,
加载更多 buttons naming an HTML-fragment or JSON endpoint, reports as attachments of short article pages). Every county
of the set is searched through the real fetcher by test_discover_families.py."""

from __future__ import annotations

import datetime as dt
import json

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.answers import continuations, data_pages, json_next, windows
from countyreports.crawl.discover.page import read_page


# -- a list endpoint answering XML: rows in CDATA, paging numbers as elements, the next group as a link ----------
PROXY = "http://x.gov.cn/data/proxy.jsp?page=1&col=7&unit=3"
XML_ANSWER = ('<?xml version="1.0" encoding="utf-8"?>\n<datastore>\n'
              '<nextgroup><![CDATA[<a href="/data/proxy.jsp?page=2&col=7&unit=3"></a>]]></nextgroup>\n'
              '<totalrecord>11</totalrecord>\n<perpage>4</perpage>\n<recordset>\n'
              '<record><![CDATA[<li><a href="/art/2025/3/2/art_7_11.html">X县2024年法治政府建设年度报告</a><span>2025-03-02</span></li>]]></record>\n'
              '<record><![CDATA[<li><a href="/art/2025/2/9/art_7_10.html">X县司法局2024年度法治政府建设工作报告</a><span>2025-02-09</span></li>]]></record>\n'
              '</recordset>\n</datastore>\n')


def test_an_xml_answer_gives_its_rows_and_every_further_page():
    view = read_page(XML_ANSWER, PROXY, hosts=frozenset({"x.gov.cn"}), adapters=False)
    assert [i.url for i in view.items] == ["http://x.gov.cn/art/2025/3/2/art_7_11.html",
                                           "http://x.gov.cn/art/2025/2/9/art_7_10.html"]
    assert view.items[0].date == dt.date(2025, 3, 2)
    # the next group's link, and 11 records of 4 a page: pages 2 and 3
    assert set(view.next_pages) == {"http://x.gov.cn/data/proxy.jsp?page=2&col=7&unit=3",
                                    "http://x.gov.cn/data/proxy.jsp?page=3&col=7&unit=3"}
    undeclared = XML_ANSWER.split("\n", 1)[1]  # an answer without its <?xml …?> declaration
    assert read_page(undeclared, PROXY, hosts=frozenset({"x.gov.cn"}), adapters=False).next_pages == view.next_pages


def test_a_data_store_in_a_page_names_its_next_group_by_a_link_without_text():
    page = ('<html><body><div class="list"><script type="text/xml"><datastore>'
            '<nextgroup><![CDATA[<a href="/data/proxy.jsp?startrecord=6&endrecord=10&col=7"></a>]]></nextgroup><recordset>'
            + "".join(f'<record><![CDATA[<li><a href="/art/2024/3/{d}/art_7_{d}.html">X县2023年第{d}号文件</a>'
                      f'<span>2024-03-{d:02d}</span></li>]]></record>' for d in range(1, 6))
            + '</recordset></datastore></script></div></body></html>')
    got = data_pages(page, "http://x.gov.cn/col/col7/index.html", frozenset({"x.gov.cn"}))
    assert got == ("http://x.gov.cn/data/proxy.jsp?startrecord=6&endrecord=10&col=7",)
    # an XML answer's paging numbers need a page parameter in the URL asked
    without_next = "".join(line for line in XML_ANSWER.splitlines(keepends=True) if "nextgroup" not in line)
    assert data_pages(without_next, "http://x.gov.cn/data/proxy.jsp?col=7", frozenset({"x.gov.cn"})) == ()
    assert set(data_pages(without_next, PROXY, frozenset({"x.gov.cn"}))) == {
        "http://x.gov.cn/data/proxy.jsp?page=2&col=7&unit=3", "http://x.gov.cn/data/proxy.jsp?page=3&col=7&unit=3"}


# -- JSON answers that say there is more ----------------------------------------------------------------------
def test_a_json_answer_saying_it_has_more_continues_with_the_next_page():
    answer = json.dumps({"page": 1, "hasMore": True, "list": [
        {"title": "X县2024年法治政府建设年度报告", "link": "/c/2025-03/1.html", "pubDate": "2025年03月01日"}]}, ensure_ascii=False)
    view = read_page(answer, "http://x.gov.cn/api/more?cid=5&page=1&size=5", hosts=frozenset({"x.gov.cn"}))
    assert view.next_pages == ("http://x.gov.cn/api/more?cid=5&page=2&size=5",)
    assert view.items[0].date == dt.date(2025, 3, 1)
    done = answer.replace("true", "false")
    assert read_page(done, "http://x.gov.cn/api/more?cid=5&page=2&size=5", hosts=frozenset({"x.gov.cn"})).next_pages == ()


def test_a_json_answer_holding_its_rows_as_html_with_escaped_slashes():
    answer = ('{"count":2,"html":"<li><a href=\\"\\/fz\\/2025\\/7.html\\">X县2024年法治政府建设年度报告<\\/a>'
              '<span>2025-03-01<\\/span><\\/li><li><a href=\\"\\/fz\\/2025\\/6.html\\">X县司法局2024年工作总结<\\/a>'
              '<span>2025-02-01<\\/span><\\/li>","next":"\\/ajax\\/more.php?cid=3&offset=8&limit=4"}')
    view = read_page(answer, "http://x.gov.cn/ajax/more.php?cid=3&offset=4&limit=4", hosts=frozenset({"x.gov.cn"}))
    assert [i.url for i in view.items] == ["http://x.gov.cn/fz/2025/7.html", "http://x.gov.cn/fz/2025/6.html"]
    assert view.next_pages == ("http://x.gov.cn/ajax/more.php?cid=3&offset=8&limit=4",)
    assert json_next({"next": ""}, "http://x.gov.cn/ajax/more.php", frozenset({"x.gov.cn"})) == ()


# -- load-more controls, <noscript> pagers ---------------------------------------------------------------------
def test_a_load_more_control_names_the_next_batch():
    hosts = frozenset({"x.gov.cn"})
    url = "http://x.gov.cn/fz/"
    for control in ('<a class="more-btn" href="javascript:;" data-url="/ajax/list.ashx?cid=8&amp;offset=6">加载更多</a>',
                    '<button type="button" data-url="/ajax/list.ashx?cid=8&amp;offset=6" data-page="1">点击查看更多</button>',
                    '<span id="next" data-next="/ajax/list.ashx?cid=8&amp;offset=6"></span>'):
        assert continuations(c.parse(f"<ul><li>…</li></ul>{control}"), url, hosts) == \
            ("http://x.gov.cn/ajax/list.ashx?cid=8&offset=6",), control
    # a row opened by a script, a link going somewhere, another site: no continuation
    for other in ('<li data-href="/fz/2025/1.html">X县2024年法治政府建设年度报告</li>',
                  '<a href="/fz/more.html" data-url="/ajax/list.ashx?cid=8">更多</a>',
                  '<button data-url="http://y.gov.cn/ajax/list.ashx?cid=8">加载更多</button>',
                  '<div class="banner" data-url="/ajax/list.ashx?cid=8">X县人民政府欢迎您</div>'):
        assert continuations(c.parse(other), url, hosts) == (), other


def test_page_links_inside_noscript_named_as_page_numbers():
    page = ('<html><body><ul class="list"><li><a href="Show.aspx?ID=1234">X县2024年法治政府建设年度报告</a>'
            '<span>2025-03-01</span></li></ul>'
            '<div class="pager"><a href="javascript:__doPostBack(\'pager\',\'2\')">2</a></div>'
            '<noscript><div class="pages-static"><a href="?page=1">第1页</a> <a href="?page=2">第2页</a>'
            '</div></noscript></body></html>')
    view = read_page(page, "http://x.gov.cn/News/List.aspx", hosts=frozenset({"x.gov.cn"}), adapters=False)
    assert set(view.next_pages) == {"http://x.gov.cn/News/List.aspx?page=1", "http://x.gov.cn/News/List.aspx?page=2"}


def test_a_list_asked_by_record_range_goes_on_until_its_total():
    proxy = "http://x.gov.cn/data/proxy.jsp?startrecord=1&endrecord=45&perpage=15&col=7&name=%E7%94%B2"
    assert windows({"totalrecord": 100}, proxy) == (
        "http://x.gov.cn/data/proxy.jsp?startrecord=46&endrecord=90&perpage=15&col=7&name=%E7%94%B2",
        "http://x.gov.cn/data/proxy.jsp?startrecord=91&endrecord=135&perpage=15&col=7&name=%E7%94%B2")
    assert windows({"totalrecord": 45}, proxy) == ()
    assert windows({"total": 23, "count": 10}, "http://x.gov.cn/api/list?cid=3&offset=0&limit=10") == (
        "http://x.gov.cn/api/list?cid=3&offset=10&limit=10", "http://x.gov.cn/api/list?cid=3&offset=20&limit=10")
    assert windows({"count": 4}, "http://x.gov.cn/api/list?cid=3&offset=4&limit=4") == ()  # a batch's own count
    answer = json.dumps({"total": 23, "rows": [{"title": "X县2024年法治政府建设年度报告", "url": "/a/1.html"}]}, ensure_ascii=False)
    view = read_page(answer, "http://x.gov.cn/api/list?cid=3&offset=0&limit=10", hosts=frozenset({"x.gov.cn"}))
    assert set(view.next_pages) == {"http://x.gov.cn/api/list?cid=3&offset=10&limit=10",
                                    "http://x.gov.cn/api/list?cid=3&offset=20&limit=10"}


def test_a_link_marked_rel_next_is_the_next_page():
    page = ('<html><head><link rel="next" href="/fz/list_2.html"></head><body><ul class="list">'
            '<li><a href="/fz/2025/1.html">X县2024年法治政府建设年度报告</a><span>2025-03-01</span></li></ul></body></html>')
    view = read_page(page, "http://x.gov.cn/fz/list.html", hosts=frozenset({"x.gov.cn"}), adapters=False)
    assert view.next_pages == ("http://x.gov.cn/fz/list_2.html",)
