"""The column search as a state machine (`discover.search.ColumnSearch`) on small hand-written sites: the page
budget, redirects off the site, links to other hosts (probed for the county's identity), the site's search as
the last resort, anti-bot answers, and what a failed search says about itself."""

from __future__ import annotations

import pytest

from countyreports.crawl.discover.scope import Scope
from countyreports.crawl.discover.search import Answer, ColumnSearch
from countyreports.models import County

COUNTY = County("141029", "山西省", "临汾市", "乡宁县", "http://x.gov.cn/")
CODE = "1410290008"


def run(pages: dict[str, str], county: County = COUNTY, redirects: dict[str, str] | None = None,
        blocked: dict[str, str] | None = None, **kw: object) -> tuple[ColumnSearch, list[str]]:
    s = ColumnSearch(county, Scope.of(county.homepage), **kw)  # type: ignore[arg-type]
    s.start()
    asked = []
    while (ask := s.next()) is not None:
        asked.append(ask.url)
        final = (redirects or {}).get(ask.url, ask.url)
        if blocked and ask.url in blocked:
            s.feed(ask, Answer(ask.url, None, "http-412", blocked=blocked[ask.url]))
            continue
        text = pages.get(final)
        s.feed(ask, Answer(final, text, None if text is not None else "http-404"))
    return s, asked


def html(body: str, title: str = "乡宁县人民政府", code: str = CODE, owner: str = "乡宁县人民政府办公室") -> str:
    return (f'<html><head><title>{title}</title><meta name="SiteIDCode" content="{code}"></head><body>{body}'
            f'<div class="footer">主办单位：{owner} 网站标识码：{code}</div></body></html>')


REPORTS = ('<ul class="list"><li><a href="/fz/202401/t20240101_1.html">乡宁县2023年法治政府建设年度报告</a>'
           '<span>2024-01-01</span></li></ul>')


def test_the_budget_bounds_a_portal_without_column():
    pages = {"http://x.gov.cn/": html('<a href="/a/index.html">政府信息公开</a><a href="/b/index.html">政务公开</a>')}
    pages.update({f"http://x.gov.cn/{c}/index.html": html("".join(
        f'<a href="/{c}{i}/index.html">信息公开目录{i}</a>' for i in range(9))) for c in "ab"})
    s, asked = run(pages, budget=5)
    assert s.done and s.column_url is None and len(asked) == 5
    assert "not found in 5 pages" in s.reason and "budget" in s.reason
    assert s.best_tried()[0].startswith(" 36 http://x.gov.cn/a/index.html")  # the best page tried, with its score


def test_no_fixed_depth_a_column_six_levels_down_is_found():
    chain = ["政务公开", "政府信息公开", "法定主动公开内容", "法治政府建设", "年度报告"]
    pages = {"http://x.gov.cn/": html('<a href="/l1/">政务公开</a>')}
    for i, name in enumerate(chain, start=1):
        nxt = f'<a href="/l{i + 1}/">{chain[i]}</a>' if i < len(chain) else REPORTS
        crumb = '<div class="crumb">当前位置：' + " &gt; ".join(chain[:i]) + "</div>"
        pages[f"http://x.gov.cn/l{i}/"] = html(crumb + nxt, title=name)
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/l5/" and len(asked) == 6
    assert list(s.items) == ["http://x.gov.cn/fz/202401/t20240101_1.html"]


def test_a_redirect_off_the_site_is_dropped():
    pages = {"http://x.gov.cn/": html('<a href="/zwgk/">政府信息公开</a>'),
             "http://www.gov.cn/zwgk/": html('<a href="/zwgk/fzzf/">法治政府建设年度报告</a>')}
    s, asked = run(pages, redirects={"http://x.gov.cn/zwgk/": "http://www.gov.cn/zwgk/"})
    assert s.column_url is None and asked == ["http://x.gov.cn/", "http://x.gov.cn/zwgk/"]


def test_a_linked_host_is_the_county_s_when_its_pages_carry_the_county_s_identity():
    pages = {"http://x.gov.cn/": html('<a href="http://xxgk.sx.gov.cn/xn/">政府信息公开</a>'
                                      '<a href="http://www.linfen.gov.cn/zwgk/">政府信息公开</a>'),
             "http://xxgk.sx.gov.cn/xn/": html('<a href="/xn/fz/">法治政府建设年度报告</a>', code="1410290102"),
             "http://xxgk.sx.gov.cn/xn/fz/": html(REPORTS.replace("/fz/", "/xn/fz/"), title="法治政府建设年度报告",
                                                  code="1410290102"),
             "http://www.linfen.gov.cn/zwgk/": html('<a href="/fz/">法治政府建设年度报告</a>', code="1410000001",
                                                    owner="临汾市人民政府办公室")}
    s, asked = run(pages)
    assert s.column_url == "http://xxgk.sx.gov.cn/xn/fz/"
    assert s.scope.allows("http://xxgk.sx.gov.cn/any") and not s.scope.allows("http://www.linfen.gov.cn/")
    assert "http://www.linfen.gov.cn/fz/" not in asked  # the prefecture's portal: probed once, never walked


def test_the_prefecture_s_portal_is_not_the_county_s():
    pages = {"http://x.gov.cn/": html('<a href="http://www.linfen.gov.cn/xxgk/">政府信息公开</a>'),
             "http://www.linfen.gov.cn/xxgk/": html('<a href="/fz/">法治政府建设年度报告</a>', code="1410000001",
                                                    owner="临汾市人民政府办公室")}
    s, asked = run(pages)
    assert s.column_url is None and asked == ["http://x.gov.cn/", "http://www.linfen.gov.cn/xxgk/"]
    assert any("not the county's identity" in t for t in s.best_tried())


SEARCH_FORM = ('<form action="{action}" method="get"><input type="hidden" name="siteCode" value="{code}">'
               '<input type="text" name="q"><input type="submit" value="搜索"></form>')
RESULTS = ('<div class="search-result"><ul>'
           '<li><a href="http://x.gov.cn/gk/post_123.html">乡宁县2023年<em>法治政府建设</em><em>年度报告</em></a>'
           '<span>2024-01-05</span></li>'
           '<li><a href="http://www.linfen.gov.cn/gk/post_9.html">临汾市2023年法治政府建设年度报告</a>'
           '<span>2024-02-05</span></li></ul></div>')
QUERY = "siteCode=1410290008&q=%E6%B3%95%E6%B2%BB%E6%94%BF%E5%BA%9C%E5%BB%BA%E8%AE%BE+%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A"


@pytest.mark.parametrize("action,code,used", [
    ("http://x.gov.cn/s", CODE, True),  # the site's own search
    ("http://search.sx.gov.cn/s", CODE, True),  # a shared service, told which site by its 网站标识码
    ("http://search.sx.gov.cn/s", "1410000001", False),  # a shared service, with another site's code
])
def test_the_site_search_is_the_last_resort(action, code, used):
    pages = {"http://x.gov.cn/": html(SEARCH_FORM.format(action=action, code=code) + '<a href="/zwgk/">政务公开</a>'),
             f"{action}?{QUERY.replace(CODE, code)}": html(RESULTS)}
    s, asked = run(pages)
    if used:
        assert f"{action}?{QUERY}" in asked and s.via_search and s.column_url == f"{action}?{QUERY}"
        assert list(s.items) == ["http://x.gov.cn/gk/post_123.html"]  # results followed into the county's site only
    else:
        assert not any(u.startswith(action) for u in asked) and s.column_url is None


def test_the_site_search_asks_the_broad_topic_too():
    """A search engine that matches the query as one phrase answers nothing for "法治政府建设 年度报告" and
    "法治政府建设年度报告" on a site whose report is titled …工作总结; the broad "法治政府建设" finds it."""
    broad = "siteCode=1410290008&q=%E6%B3%95%E6%B2%BB%E6%94%BF%E5%BA%9C%E5%BB%BA%E8%AE%BE"
    results = ('<ul class="results"><li><a href="http://x.gov.cn/gk/post_7.html">乡宁县2022年法治政府建设工作总结</a>'
               '<span>2023-01-05</span></li></ul>')
    pages = {"http://x.gov.cn/": html(SEARCH_FORM.format(action="http://x.gov.cn/s", code=CODE)),
             f"http://x.gov.cn/s?{broad}": html(results)}
    s, asked = run(pages)
    assert asked == ["http://x.gov.cn/", f"http://x.gov.cn/s?{QUERY}", f"http://x.gov.cn/s?{QUERY.replace('+', '')}",
                     f"http://x.gov.cn/s?{broad}"]
    assert list(s.items) == ["http://x.gov.cn/gk/post_7.html"] and s.via_search


def test_an_anti_bot_answer_ends_the_search_as_blocked():
    s, asked = run({}, blocked={"http://x.gov.cn/": "HTTP 412 (a JavaScript challenge)"})
    assert s.blocked and s.reason.startswith("blocked: HTTP 412") and asked == ["http://x.gov.cn/"]


def test_feed_must_answer_the_pending_request():
    s = ColumnSearch(COUNTY, Scope.of(COUNTY.homepage))
    s.start()
    ask = s.next()
    assert ask is not None and s.next() == ask  # still pending
    other = type(ask)("http://elsewhere/", "find")
    with pytest.raises(ValueError):
        s.feed(other, Answer("http://elsewhere/", "<html></html>"))


def test_a_homepage_redirecting_by_meta_refresh_is_followed():
    pages = {"http://x.gov.cn/": '<html><head><meta http-equiv="refresh" content="0;url=/portal/index.html"></head></html>',
             "http://x.gov.cn/portal/index.html": html('<a href="/fz/">法治政府建设年度报告</a>'),
             "http://x.gov.cn/fz/": html(REPORTS, title="法治政府建设年度报告")}
    s, asked = run(pages)
    assert asked == ["http://x.gov.cn/", "http://x.gov.cn/portal/index.html", "http://x.gov.cn/fz/"]
    assert s.column_url == "http://x.gov.cn/fz/" and list(s.items) == ["http://x.gov.cn/fz/202401/t20240101_1.html"]


def test_a_column_whose_list_is_in_a_frame():
    pages = {"http://x.gov.cn/": html('<a href="/fz/">法治政府建设年度报告</a>'),
             "http://x.gov.cn/fz/": html('<iframe src="/cms/list.jsp?colid=7"></iframe>', title="法治政府建设年度报告"),
             "http://x.gov.cn/cms/list.jsp?colid=7": html(REPORTS)}
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/fz/" and asked[-1] == "http://x.gov.cn/cms/list.jsp?colid=7"
    assert list(s.items) == ["http://x.gov.cn/fz/202401/t20240101_1.html"]


def test_a_provincial_platform_naming_the_county_in_its_header_is_the_county_s():
    platform = ('<html><head><title>信息公开</title><meta name="SiteIDCode" content="1400000052"></head><body>'
                '<div class="header"><div class="logo">乡宁县人民政府信息公开</div></div>{}'
                '<div class="footer">主办单位：山西省人民政府办公厅 网站标识码：1400000052</div></body></html>')
    pages = {"http://x.gov.cn/": html('<a href="http://xxgk.sx.gov.cn/site/xn/">政府信息公开</a>'),
             "http://xxgk.sx.gov.cn/site/xn/": platform.format('<a href="/site/xn/fz/">法治政府建设年度报告</a>'),
             "http://xxgk.sx.gov.cn/site/xn/fz/": platform.format(REPORTS)}
    s, _ = run(pages)
    assert s.column_url == "http://xxgk.sx.gov.cn/site/xn/fz/"
    assert list(s.items) == ["http://xxgk.sx.gov.cn/fz/202401/t20240101_1.html"]


def test_a_topic_page_previewing_its_report_column_leads_to_that_column():
    """A 法治政府建设 page shows the newest three entries of each sub-column under the sub-column's linked
    heading (法治政府建设报告): the heading names the linked column, not this page, whose preview is cut."""
    rows = "".join(f'<li><a href="/fz/nb/{2024 - i}01/t{2024 - i}0101_{i}.html">乡宁县{2023 - i}年法治政府建设年度报告'
                   f'</a><span>{2024 - i}-01-01</span></li>' for i in range(4))
    pages = {"http://x.gov.cn/": html('<a href="/fz/">法治政府建设</a>'),
             "http://x.gov.cn/fz/": html('<div class="son"><h3><a href="/fz/nb/">法治政府建设报告</a></h3><ul>'
                                         + rows[:rows.index("<li>", 10)] + '</ul></div><div class="son"><h3>'
                                         '<a href="/fz/dt/">法治动态</a></h3></div>', title="法治政府建设"),
             "http://x.gov.cn/fz/nb/": html(f"<ul>{rows}</ul>", title="法治政府建设报告")}
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/fz/nb/" and len(s.items) == 4


def test_a_special_topics_column_is_a_way_to_the_topic():
    """专题专栏 holds the 法治政府建设 topic on many portals; its link is worth a request (nothing else leads on)."""
    pages = {"http://x.gov.cn/": html('<a href="/news/">新闻中心</a><a href="/zt/index">专题专栏</a>'),
             "http://x.gov.cn/zt/index": html('<ul class="zt"><li><a href="/fazhi/"><img src="/i/zt.jpg" alt="法治政府建设">'
                                              '<p>法治政府建设</p></a></li></ul>'),
             "http://x.gov.cn/fazhi/": html(REPORTS, title="法治政府建设")}
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/fazhi/" and asked[:3] == ["http://x.gov.cn/", "http://x.gov.cn/zt/index",
                                                                       "http://x.gov.cn/fazhi/"]


def test_when_no_link_is_named_for_the_way_the_homepage_menu_is_tried():
    """Nothing on the homepage names a way to the column (特色栏目 is no word of the tables): its short menu
    links are asked last, in their order, a few of them, before the site search."""
    pages = {"http://x.gov.cn/": html('<ul class="nav"><li><a href="/">首页</a></li><li><a href="/news/">新闻中心</a></li>'
                                      '<li><a href="/tslm/">特色栏目</a></li></ul>'),
             "http://x.gov.cn/news/": html('<ul><li><a href="/news/1.html">乡宁县召开春耕生产推进会议</a></li></ul>'),
             "http://x.gov.cn/tslm/": html('<a href="/fzzf/">法治政府建设</a>'),
             "http://x.gov.cn/fzzf/": html(REPORTS, title="法治政府建设")}
    s, asked = run(pages)
    assert asked == ["http://x.gov.cn/", "http://x.gov.cn/news/", "http://x.gov.cn/tslm/", "http://x.gov.cn/fzzf/"]
    assert s.column_url == "http://x.gov.cn/fzzf/"
