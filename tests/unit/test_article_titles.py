"""The title an article page yields (extract_article(...).title), on page shapes the family selectors have
not seen: the site name before or after the title in <title>, a <title> that is only the site name or the
site's topic name, the info line glued to the title element; and pages where the title was right already.

Every page here is made up (shapes learnt from public county portals, no text copied); each expected title is
what a reader of the page takes as its title.
"""

from __future__ import annotations

import pytest

from countyreports.reading.article import extract_article
from countyreports.reading.classify import classify_title
from countyreports.models import PageKind

BODY = ("<p>2023年，我县坚持以习近平法治思想为指导，深入推进依法行政，法治政府建设取得新成效。</p>"
        "<p>一、主要工作及成效</p><p>（一）依法全面履行政府职能。全年取消调整行政许可事项12项。</p>")
R = "某某县2023年度法治政府建设情况报告"  # the report title most cases carry
R2 = "某某县人民政府关于2022年法治政府建设工作情况的报告"
HEADER = ("<div class='header'><div class='logo'><a href='/'><img src='/logo.png' alt='某某县人民政府'></a>"
          "</div><ul class='nav'><li><a href='/'>首页</a></li><li><a href='/zwgk/'>政务公开</a></li></ul></div>")
FOOTER = "<div class='footer'>主办单位：某某县人民政府办公室　网站标识码：1234000001</div>"


def page(title: str, body: str, head: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
            f"<body>{HEADER}{body}{FOOTER}</body></html>")


def content(inner: str = BODY, cls: str = "content-text") -> str:
    return f"<div class='{cls}'>{inner}</div>"


GENERIC_URL = "http://www.mmx.gov.cn/news/show-1234.html"
TRS_URL = "http://www.mmx.gov.cn/zwgk/fzzfjs/202402/t20240207_1234567.html"
HANWEB_URL = "http://www.mmx.gov.cn/art/2024/2/7/art_123_4567.html"
PLATFORM_URL = "http://www.mmx.gov.cn/mmx/fzzf/content_98765.html"

CASES: list[tuple[str, str, str, str]] = [
    # (id, url, html, expected title)
    # ---- (1) <title> with the site name after or before the title, at various separators
    ("suffix-hyphen", GENERIC_URL, page(f"{R}-某某县人民政府", content()), R),
    ("suffix-spaced-hyphen", GENERIC_URL, page(f"{R} - 某某县人民政府", content()), R),
    ("suffix-emdash", GENERIC_URL, page(f"{R}—某某县人民政府门户网站", content()), R),
    ("suffix-fullwidth-bar", GENERIC_URL, page(f"{R}｜某某县人民政府", content()), R),
    ("suffix-colons", GENERIC_URL, page(f"{R}::某某县人民政府网", content()), R),
    ("prefix-hyphen", GENERIC_URL, page(f"某某县人民政府-{R}", content()), R),
    ("prefix-underscore", GENERIC_URL, page(f"某某县人民政府_{R2}", content()), R2),
    ("prefix-bar-two-sites", GENERIC_URL, page(f"某某县人民政府|政务公开|{R}", content()), R),
    ("breadcrumb", GENERIC_URL, page(f"首页 &gt; 政务公开 &gt; 法治政府建设 &gt; {R}", content()), R),
    ("site-and-column-suffix", GENERIC_URL,
     page(f"{R}_法治政府建设_某某县人民政府", content(),
          "<meta name='ColumnName' content='法治政府建设'>"), R),
    ("site-name-meta-prefix", GENERIC_URL,
     page(f"某某县政府网 - {R}", content(), "<meta name='SiteName' content='某某县政府网'>"), R),
    ("dash-inside-title-kept", GENERIC_URL,
     page("某某县贯彻落实《法治政府建设实施纲要（2021-2025年）》2023年度情况报告_某某县人民政府", content()),
     "某某县贯彻落实《法治政府建设实施纲要（2021-2025年）》2023年度情况报告"),
    # ---- (2) <title> is only the site name; the title is a heading or a title-classed element
    ("site-title-h1", GENERIC_URL, page("某某县人民政府", f"<h1>{R}</h1>" + content()), R),
    ("site-title-h2", GENERIC_URL,
     page("某某县人民政府门户网站", f"<div class='detail'><h2>{R2}</h2>{content()}</div>"), R2),
    ("site-title-div-tit", GENERIC_URL,
     page("某某县人民政府", f"<div class='main'><div class='news_tit'>{R}</div>{content()}</div>"), R),
    ("site-title-div-bt", GENERIC_URL,
     page("某某县人民政府网", f"<div class='wz'><div class='bt'>{R}</div>{content(cls='nr')}</div>"), R),
    ("site-title-id-biaoti", GENERIC_URL,
     page("某某县人民政府", f"<table><tr><td id='biaoti'>{R}</td></tr><tr><td>{content()}</td></tr></table>"), R),
    ("site-title-logo-h1", GENERIC_URL,
     page("某某县人民政府",
          f"<h1 class='site'>某某县人民政府</h1><div class='art'><h3 class='headline'>{R}</h3>{content()}</div>"),
     R),
    ("site-title-sidebar-h3-first", GENERIC_URL,
     page("某某县人民政府",
          f"<div class='left'><h3>政务公开</h3><ul><li><a href='/a'>通知公告</a></li></ul></div>"
          f"<div class='right'><div class='article-tit'>{R}</div>{content()}</div>"), R),
    ("og-title-site-title", GENERIC_URL,
     page("某某县人民政府", content(), f"<meta property='og:title' content='{R} - 某某县人民政府'>"), R),
    ("prefix-double-emdash", GENERIC_URL, page(f"某某縣人民政府——{R}", content()), R),
    ("no-title-tag", GENERIC_URL,
     f"<html><body>{HEADER}<div class='wz_tit'>{R2}</div>{content()}{FOOTER}</body></html>", R2),
    ("sidebar-title-box-first", GENERIC_URL,
     page(f"{R}_某某县人民政府", f"<div class='side'><div class='title'>法治建设</div><p>简介</p></div>{content()}"), R),
    ("site-both-ends", GENERIC_URL, page(f"某某县人民政府 - {R} - 政务公开", content()), R),
    ("header-date-site-title", GENERIC_URL,
     page("某某县人民政府", f"<div class='top'>某某县人民政府　2024年2月7日 星期三</div><div class='article'>"
          f"<h2>{R2}</h2>{content()}</div>"), R2),
    ("inside-container-tit", GENERIC_URL,
     page("某某县人民政府", f"<article><div class='detail-tit'>{R}</div>{BODY}</article>"), R),
    ("column-box-before-tit", GENERIC_URL,
     page("某某县人民政府", f"<div class='lm_tit'>政策解读</div><div class='art_tit'>{R}</div>{content()}"), R),
    # ---- (3) the element holding the title holds the info line too
    ("h1-with-info", GENERIC_URL,
     page(R, f"<h1>{R}<span>2024-02-07 07:57:07 来源：某某县司法局 评论：0 点击：</span></h1>" + content()), R),
    ("tit-with-info-site-title", GENERIC_URL,
     page("某某县人民政府",
          f"<div class='tit'>{R}<br>发布时间：2024年02月07日 来源：某某县司法局 浏览次数：128</div>" + content()),
     R),
    ("title-class-with-fontsize", HANWEB_URL,
     page("某某县人民政府",
          f"<div class='title'>{R2} 　发布日期：2023-03-01　字号：[大 中 小]</div><div id='zoom'>{BODY}</div>"),
     R2),
    ("h2-info-without-labels", GENERIC_URL,
     page("某某县人民政府", f"<h2>{R} 2024-02-07 09:18</h2>" + content()), R),
    ("h1-bracketed-info", GENERIC_URL,
     page("某某县人民政府", f"<h1>{R}【来源：某某县司法局】【浏览：35】</h1>" + content()), R),
    # ---- (4) the site's topic name as <title> on a sub-site
    ("topic-title-h1", GENERIC_URL,
     page("法治某某", f"<div class='banner'><a href='/'>法治某某</a></div><h1>{R}</h1>" + content()), R),
    ("topic-title-tit", GENERIC_URL,
     page("法治某某", f"<div class='article'><p class='con-title'>{R2}</p>{content()}</div>"), R2),
    ("topic-suffix", GENERIC_URL, page(f"{R}_法治某某", content()), R),
    ("topic-prefix", GENERIC_URL, page(f"法治某某 - {R}", f"<div class='logo'>法治某某</div>{content()}"), R),
    # ---- pages that are right today: the order of preference holds
    ("title-ending-in-county-kept", GENERIC_URL,
     page("某某县成功创建省级法治政府建设示范县_某某县人民政府", content()), "某某县成功创建省级法治政府建设示范县"),
    ("meta-articletitle", TRS_URL,
     page("别的标题_某某县人民政府", f"<div class='TRS_Editor'>{BODY}</div>",
          f"<meta name='ArticleTitle' content='{R}'>"), R),
    ("trs-h1-agrees", TRS_URL,
     page(f"{R}_某某县人民政府", f"<h1 class='title'>{R}</h1><div class='TRS_Editor'>{BODY}</div>"), R),
    ("hanweb-title-td", HANWEB_URL,
     page(f"{R2}_某某县人民政府", f"<table><tr><td class='title'>{R2}</td></tr></table><div id='zoom'>{BODY}</div>"),
     R2),
    ("platform-article-h1", PLATFORM_URL,
     page(f"{R}_某某县人民政府", f"<div class='article'><h1>{R}</h1><div class='article-content'>{BODY}</div></div>"),
     R),
    ("title-only-underscore", GENERIC_URL, page(f"{R}_某某县人民政府", content()), R),
    ("title-only-no-site", GENERIC_URL, page(R, content()), R),
    ("family-h1-differs-from-title", HANWEB_URL,
     page("报告标题_某某县人民政府", f"<div class='article'><h1>标题甲</h1><div id='zoom'>{BODY}</div></div>"),
     "标题甲"),
    ("traditional-title", GENERIC_URL,
     page("某某縣人民政府關於2023年度法治政府建設工作情況的報告_某某縣人民政府", content()),
     "某某縣人民政府關於2023年度法治政府建設工作情況的報告"),
    ("lookalike-title-kept", GENERIC_URL,
     page("某某县2023年政府信息公开工作年度报告_某某县人民政府", content()), "某某县2023年政府信息公开工作年度报告"),
    ("related-list-after-content", GENERIC_URL,
     page(f"{R}-某某县人民政府", content() + "<div class='xgwz'><h3>相关文章</h3><ul><li><a href='/b'>"
          "某某县2022年度法治政府建设情况报告</a></li></ul></div>"), R),
    ("long-title-agrees-with-h1", GENERIC_URL,
     page(f"{R2} - 政务公开 - 某某县人民政府", f"<h1>{R2}</h1>" + content()), R2),
]


@pytest.mark.parametrize(("url", "html", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_article_title(url: str, html: str, expected: str) -> None:
    assert extract_article(html, url).title == expected


def test_enough_cases() -> None:
    assert len(CASES) >= 30 and len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case_id", ["prefix-hyphen", "site-title-h1", "h1-with-info", "topic-title-h1"])
def test_a_found_title_classifies_as_the_report(case_id: str) -> None:
    _, url, html, _ = next(c for c in CASES if c[0] == case_id)
    assert classify_title(extract_article(html, url).title, "某某县") is PageKind.COUNTY_REPORT
