"""Generic fallback and the shared link rules, on page shapes real portals use beyond the snapshot."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from countyreports.crawl.discover import (
    column_candidates,
    common,
    detect_family,
    generic,
    is_report_column,
    parse_list,
)
from countyreports.crawl.discover.scope import Scope
from countyreports.crawl.discover.search import Answer, ColumnSearch
from countyreports.models import County, Family, Link

BASE = "http://www.x.gov.cn/zwgk/fzzf/index.html"


def page(body: str, title: str = "法治政府建设年度报告-某县人民政府") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


# ------------------------------------------------------------------ column candidates


def test_candidates_are_absolute_unescaped_and_clean():
    html = page(
        '<div class="nav"><a href="javascript:void(0)">法治政府建设</a>'
        '<a href="mailto:zf@x.gov.cn">法治政府建设年度报告</a>'
        '<a href="/zwgk/fzzfbg/list.jsp?cid=3&amp;sid=7#top">法治政府建设年度报告</a>'
        '<a href="/upload/fzzf2023.pdf">法治政府建设年度报告</a>'
        '<a href="http://www.gov.cn/fzzf/">法治政府建设</a>'
        '<a href="../xxgk/">政府信息公开</a>'
        '<a href="/zwgk/xxgknb/">政府信息公开年报</a>'
        '<a href="/search/?q=fzzf">站内搜索</a>'
        '<a href="/zwgk/fzzf/202401/t20240110_1.html">某县2023年度法治政府建设情况报告</a>'
        '<a href="/zwgk/yfxz/"><img src="a.png"></a><a href="/zwgk/fzzfjsndbg/"><img src="b.png"></a>'
        "</div>"
    )
    got = column_candidates(html, BASE)
    urls = [c.url for c in got]
    assert urls[0] == "http://www.x.gov.cn/zwgk/fzzfbg/list.jsp?cid=3&sid=7"
    assert "http://www.x.gov.cn/zwgk/fzzfjsndbg/" in urls  # URL hint rescues an image link
    assert "http://www.x.gov.cn/zwgk/xxgk/" in urls
    assert not any(u.startswith(("javascript", "mailto")) or u.endswith(".pdf") for u in urls)
    assert "http://www.gov.cn/fzzf/" not in urls  # off-site
    assert "http://www.x.gov.cn/zwgk/xxgknb/" not in urls  # sibling trap
    assert not any("/search" in u or "t2024" in u for u in urls)
    assert got == sorted(got, key=lambda c: -c.score)
    assert "http://www.gov.cn/fzzf/" in [c.url for c in column_candidates(html, BASE, hosts=["www.gov.cn"])]


def test_candidate_ranking_exact_then_broad_then_parents():
    html = page(
        '<a href="/a/">政务公开</a><a href="/b/">法定主动公开内容</a><a href="/c/">依法行政</a>'
        '<a href="/d/">法治政府建设</a><a href="/e/">法治政府建设年度报告</a><a href="/f/">通知公告</a>'
    )
    got = [c.url.rsplit("/", 2)[-2] for c in column_candidates(html, "http://x.gov.cn/")]
    assert got == ["e", "d", "c", "b", "a"]


def test_base_href_is_honoured():
    html = '<html><head><base href="http://www.x.gov.cn/sub/"></head><body><a href="fz/">法治政府建设</a></body></html>'
    assert column_candidates(html, "http://www.x.gov.cn/")[0].url == "http://www.x.gov.cn/sub/fz/"


# ------------------------------------------------------------------ is_report_column


def test_broad_column_with_a_more_specific_child_is_not_the_column():
    html = page(
        '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/fzzf/">法治政府建设</a></div>'
        '<div class="sub"><a href="/fzzf/ndbg/">法治政府建设年度报告</a></div>'
        '<ul><li><a href="/fzzf/202401/t20240101_1.html">我县召开法治政府建设推进会</a><span>2024-01-01</span></li></ul>',
        title="法治政府建设-某县",
    )
    assert not is_report_column(html, "http://x.gov.cn/fzzf/")


def test_column_named_only_in_title_and_article_pages_are_not_columns():
    html = page('<ul><li><a href="./202301/t20230101_1.html">某县2022年法治政府建设年度报告</a> 2023-01-01</li></ul>')
    assert is_report_column(html, "http://x.gov.cn/fz/index.html")
    assert not is_report_column(html, "http://x.gov.cn/fz/202301/t20230101_1.html")
    # an article's page named after its column (ColumnName) lists nothing: not the column
    article = ('<html><head><meta name="ColumnName" content="法治政府建设年度报告"><title>某县2023年法治政府建设年度报告'
               '</title></head><body><h1>某县2023年法治政府建设年度报告</h1>' + "<p>" + "一年来，" * 400 + "</p></body></html>")
    assert not is_report_column(article, "http://x.gov.cn/fz/show.jsp?docid=5")


# ------------------------------------------------------------------ items


def test_table_rows_and_bracketed_dates():
    html = page(
        '<div class="header"><a href="/zwgk/202401/t20240101_9.html">头条：某县2023年法治政府建设年度报告</a></div>'
        '<table class="tb"><tr><td><a href="./202302/t20230201_1.html" title="某县2022年度法治政府建设情况报告">某县2022年度法治政府建设情...</a></td>'
        "<td>[2023-02-01]</td></tr>"
        '<tr><td><a href="./202203/t20220301_2.html">某县2021年法治政府建设年度报告</a></td><td>(2022.03.01)</td></tr>'
        '<tr><td><a href="./P020210101.pdf">某县2020年法治政府建设年度报告（PDF）</a></td><td>2021年01月01日</td></tr></table>'
        '<div class="hot"><ul><li><a href="/news/202405/t20240501_3.html">热点新闻一则</a><span>2024-05-01</span></li></ul></div>'
        '<div class="footer"><a href="http://www.gov.cn/">中国政府网</a></div>'
        '<div class="page"><a href="index_1.html">下一页</a> <a href="index_7.html">尾页</a></div>'
    )
    got = generic.parse_list(html, BASE)
    assert got.items == (
        Link("http://www.x.gov.cn/zwgk/fzzf/202302/t20230201_1.html", "某县2022年度法治政府建设情况报告", dt.date(2023, 2, 1)),
        Link("http://www.x.gov.cn/zwgk/fzzf/202203/t20220301_2.html", "某县2021年法治政府建设年度报告", dt.date(2022, 3, 1)),
        Link("http://www.x.gov.cn/zwgk/fzzf/P020210101.pdf", "某县2020年法治政府建设年度报告（PDF）", dt.date(2021, 1, 1)),
    )
    assert got.next_pages == ("http://www.x.gov.cn/zwgk/fzzf/index_1.html", "http://www.x.gov.cn/zwgk/fzzf/index_7.html")


def test_list_split_over_several_blocks_stays_whole():
    rows = lambda a, b: "".join(  # noqa: E731
        f'<li><a href="/info/1022/{i}.htm">某县法治政府建设报告{i}</a><span>2023-0{1 + i % 9}-01</span></li>' for i in range(a, b)
    )
    html = page(f'<div class="lb"><ul class="l">{rows(0, 5)}</ul><hr><ul class="l">{rows(5, 10)}</ul></div>'
                f'<div class="r"><ul class="side-list"><li><a href="/info/1/1.htm">无关</a></li></ul></div>')
    got = parse_list(html, "http://x.gov.cn/fzzf.htm")
    assert [i.url for i in got.items] == [f"http://x.gov.cn/info/1022/{i}.htm" for i in range(10)]


def test_query_string_pagination_and_date_inside_anchor():
    html = page(
        '<ul class="news"><li><a href="/content.jsp?id=1234&amp;cid=5"><span>某县2023年法治政府建设年度报告</span>'
        "<span>2024-01-05</span></a></li></ul>"
        '<div id="pager"><a href="list.jsp?cid=5&amp;page=1">1</a><a href="list.jsp?cid=5&amp;page=2">2</a>'
        '<a href="list.jsp?cid=5&amp;page=2">下一页</a></div>'
    )
    url = "http://x.gov.cn/list.jsp?cid=5&page=1"
    got = parse_list(html, url)
    assert got.items == (Link("http://x.gov.cn/content.jsp?id=1234&cid=5", "某县2023年法治政府建设年度报告", dt.date(2024, 1, 5)),)
    assert got.next_pages == ("http://x.gov.cn/list.jsp?cid=5&page=2",)
    assert detect_family(html, url) is Family.GENERIC


def test_offsite_items_are_not_list_entries():
    html = page('<ul><li><a href="http://www.sx.gov.cn/art/2024/1/1/art_1_1.html">省政府新闻</a><span>2024-01-01</span></li>'
                '<li><a href="/art/2024/1/2/art_2_2.html">本县报告</a><span>2024-01-02</span></li></ul>')
    assert [i.text for i in parse_list(html, "http://www.x.gov.cn/col/col2/index.html").items] == ["本县报告"]


# ------------------------------------------------------------------ walk over sub-columns


def search(pages: dict[str, str], homepage: str, **kw: object) -> ColumnSearch:
    """The column search over a dict of pages (404 for the others)."""
    s = ColumnSearch(County("110101", "", "", "某县", homepage), Scope.of(homepage), **kw)  # type: ignore[arg-type]
    s.start()
    while (ask := s.next()) is not None:
        s.feed(ask, Answer(ask.url, pages.get(ask.url), None if ask.url in pages else "http-404"))
    return s


def test_walk_descends_into_year_subcolumns():
    pages = {
        "http://y.gov.cn/": '<div class="menu"><a href="/xxgk/">政府信息公开</a></div>',
        "http://y.gov.cn/xxgk/": '<a href="/xxgk/fzbg/">法治政府建设年度报告</a>',
        "http://y.gov.cn/xxgk/fzbg/": page('<div class="sub"><a href="/xxgk/fzbg/2023/">2023年</a>'
                                           '<a href="/xxgk/fzbg/2022/">2022年</a></div>'),
        "http://y.gov.cn/xxgk/fzbg/2023/": page('<ul><li><a href="./t20240110_5.html">某县2023年法治政府建设年度报告</a> 2024-01-10</li></ul>'),
        "http://y.gov.cn/xxgk/fzbg/2022/": page('<ul><li><a href="./t20230110_4.html">某县2022年法治政府建设年度报告</a> 2023-01-10</li></ul>'),
    }
    walk = search(pages, "http://y.gov.cn/")
    assert walk.column_url == "http://y.gov.cn/xxgk/fzbg/"
    assert set(walk.items) == {
        "http://y.gov.cn/xxgk/fzbg/2023/t20240110_5.html",
        "http://y.gov.cn/xxgk/fzbg/2022/t20230110_4.html",
    }


# ------------------------------------------------------------------ properties

HREFS = st.one_of(
    st.text(max_size=40),
    st.sampled_from([
        "javascript:;", "JavaScript:void(0)", "mailto:a@b.cn", "#", "#top", "  /a/b.html  ", "?a=1&amp;b=2",
        "http://other.gov.cn/x", "//cdn.x.gov.cn/y", "../../z/index.html", "tel:12345", "data:text/html,hi",
        "/doc/a.PDF", "/module/download/downfile.jsp?classid=0&filename=1.docx", "/fz/#frag",
    ]),
)
TEXTS = st.sampled_from(["法治政府建设年度报告", "法治政府建设", "政府信息公开", "依法行政", "通知公告", "", "政务公开"])


@given(HREFS)
def test_resolve_gives_absolute_web_urls_without_fragment(href):
    got = common.resolve(href, "http://www.x.gov.cn/a/b/index.html")
    if got is not None:
        assert got.startswith(("http://", "https://")) and "#" not in got and "&amp;" not in got


@settings(max_examples=60)
@given(st.lists(st.tuples(HREFS, TEXTS), max_size=12))
def test_candidates_never_include_non_pages(links):
    from html import escape

    body = "".join(f'<a href="{escape(h, quote=True)}">{t}</a>' for h, t in links)
    for cand in column_candidates(page(body), "http://www.x.gov.cn/a/index.html"):
        assert cand.url.startswith("http://www.x.gov.cn/")
        assert "#" not in cand.url and "&amp;" not in cand.url
        assert not common.is_attachment(cand.url) and cand.score > 0


def test_more_link_takes_its_block_heading():
    html = page('<div class="box"><div class="box-hd"><h3>法治政府建设</h3><a href="/fzzf/">更多&gt;&gt;</a></div>'
                '<ul><li><a href="/fzzf/202401/t20240101_1.html">某县新闻</a></li></ul></div>')
    got = column_candidates(html, "http://x.gov.cn/")
    assert got[0].url == "http://x.gov.cn/fzzf/" and got[0].text == "法治政府建设"


def test_content_wrapped_in_a_page_div_still_gives_items():
    html = page('<div class="page"><div class="nav"><a href="/a/202401/t20240101_7.html">导航文章</a></div>'
                '<ul class="items"><li><a href="./202401/t20240105_1.html">某县2023年法治政府建设年度报告</a>'
                '<span>2024-01-05</span></li></ul></div>')
    got = parse_list(html, "http://x.gov.cn/fz/index.html")
    assert [i.url for i in got.items] == ["http://x.gov.cn/fz/202401/t20240105_1.html"]
