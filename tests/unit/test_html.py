"""extract_article / join_pages: golden tests per CMS family against gold, plus markup unit cases.

Expected texts come from gold/reports.jsonl (`clean_text`, `title`, `published`, `pages`, `attachment`)
for reports whose noise does not touch the article text; other values were read by hand from the page.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from countyreports.text.decode import decode_html
from countyreports.reading.article import article_text, extract_article, join_pages
from countyreports.models import Article, Family
from portal_fixture import body, content_type, gold_report


def page(url: str) -> Article:
    return extract_article(decode_html(body(url), content_type(url)).text, url)


def report_article(report_id: str) -> Article:
    return join_pages([page(u) for u in gold_report(report_id)["pages"]])


def lines(text: str) -> list[str]:
    return [unicodedata.normalize("NFKC", ln).strip() for ln in text.split("\n")]


# --------------------------------------------------------------------------- golden, per family


@pytest.mark.parametrize(
    ("report_id", "family"),
    [
        ("141029-2018", Family.TRS),  # TRS, utf-8, 2 pages, <br> inside a paragraph
        ("140431-2020", Family.TRS),  # TRS, 3 pages
        ("411502-2020", Family.TRS),  # TRS, gb2312 meta + no header charset, 3 pages, '?' boilerplate
        ("370114-2018", Family.HANWEB),  # Hanweb #zoom, Word markup (<span>2018</span><span>年...)
        ("441882-2018", Family.HANWEB),  # Hanweb without meta tags (title/date/site id from the page)
        ("330681-2018", Family.HANWEB),  # Hanweb, GBK
        ("141023-2018", Family.PLATFORM),  # platform .article-content, &ensp; indentation, <br>
        ("140830-2018", Family.PLATFORM),  # platform, GBK
        ("150723-2021", Family.PLATFORM),  # platform variant: div#Zoom, no meta tags
    ],
)
def test_golden_text_and_meta(report_id: str, family: Family) -> None:
    r = gold_report(report_id)
    assert set(r["noise"]) <= {"replacement_chars"}  # page text itself is clean
    art = report_article(report_id)
    assert art.family is family
    assert art.title == r["title"]
    assert art.published == dt.date.fromisoformat(r["published"])
    assert lines(article_text(art)) == lines(r["clean_text"])
    assert art.url == r["pages"][0]
    assert art.page_links == ()
    assert art.site_id_code and art.site_id_code.isdigit()
    assert art.source


def test_trs_first_page_fields() -> None:
    a = page("http://www.xiangning.gov.cn/zwgk/fzzfjs/201901/t20190111_2494666.html")
    assert a.family is Family.TRS
    assert a.title == "乡宁县2018年度法治政府建设情况报告"
    assert a.published == dt.date(2019, 1, 11)
    assert a.source == "乡宁县人民政府"
    assert a.site_id_code == "1410290008"
    assert a.page_links == ("http://www.xiangning.gov.cn/zwgk/fzzfjs/201901/t20190111_2494666_1.html",)
    assert a.paragraphs[0] == "现将乡宁县2018年法治政府建设情况报告如下："  # &nbsp; indentation stripped
    assert not any("打印本页" in p or "相关文章" in p for p in a.paragraphs)


def test_page_links_all_pages_in_order() -> None:
    r = gold_report("140431-2020")
    first, second, third = r["pages"]
    assert page(first).page_links == (second, third)
    assert page(second).page_links == (first, third)  # the other pages, in page order


def test_pages_split_between_paragraphs() -> None:
    # The gold line count equals the sum of the pages' paragraphs: no paragraph spans a page break.
    for rid in ("141029-2018", "370783-2018", "433123-2023"):
        r = gold_report(rid)
        parts = [page(u) for u in r["pages"]]
        assert sum(len(p.paragraphs) for p in parts) == len(r["clean_text"].split("\n"))


def test_hanweb_without_meta_uses_page_title_info_and_footer() -> None:
    a = page("http://www.lianzhou.gov.cn/art/2019/1/6/art_7833_7983164.html")
    assert a.family is Family.HANWEB
    assert a.title == "连州市2018年度法治政府建设工作报告"
    assert a.published == dt.date(2019, 1, 6)
    assert a.source == "连州市司法局"  # 发布机构 of the xxgk_table
    assert a.site_id_code and a.site_id_code.isdigit()


def test_hanweb_word_markup_joined() -> None:
    a = page("http://www.zq.gov.cn/art/2019/1/7/art_5734_3146469.html")
    assert a.paragraphs[0].startswith("2018年，区政府在市委、市政府和章丘区委的坚强领导下")
    assert "1．提升执法水平。通过集中培训、以案代训等方式，开展执法业务培训6次，累计参训394人次" in a.paragraphs[3]
    assert "2．自觉接受各方监督。全年办理人大代表建议11件" in article_text(a)  # <br> is a soft break


def test_traditional_pinyin_labels() -> None:
    # 發(fā)佈時間 / 網(wǎng)站標識碼: labels carry pinyin notes on this page; the text is left raw.
    r = gold_report("320830-2023")
    a = page(r["url"])
    assert a.published == dt.date(2024, 3, 1)
    assert a.site_id_code == "3208300027"
    assert a.title == "盱眙縣人民政府關於2023年度法治政府建設工作情況的報告"  # not converted here


@pytest.mark.parametrize("report_id", ["321003-2023", "140431-2023", "341302-2018", "150723-2023"])
def test_attachment_links(report_id: str) -> None:
    r = gold_report(report_id)
    a = page(r["url"])
    assert [link.url for link in a.attachments] == [r["attachment"]]
    assert a.attachments[0].text.endswith((".docx", ".pdf"))
    assert "详见附件" in article_text(a)


# --------------------------------------------------------------------------- markup units


def wrap(inner: str, extra_head: str = "") -> str:
    return f"<html><head>{extra_head}<title>报告标题_某某县人民政府</title></head><body>{inner}</body></html>"


def test_inline_markup_joined_and_br_soft() -> None:
    html = wrap('<div class="TRS_Editor"><p>　　新增<span>20</span><span>984</span>户。<br/>全年办理'
                "案件<b>12</b>件。</p><p>&ensp;&ensp;第二段</p><p>&nbsp;</p><p>　</p></div>")
    a = extract_article(html, "http://x.gov.cn/zwgk/202001/t20200101_1.html")
    assert a.paragraphs == ("新增20984户。全年办理案件12件。", "第二段")
    assert a.family is Family.TRS
    assert a.title == "报告标题"


def test_br_followed_by_indent_is_a_paragraph_break() -> None:
    html = wrap('<div id="zoom">　　第一段。<br>　　第二段，<br>接续。<br><br>　　第三段。</div>')
    a = extract_article(html, "http://x.gov.cn/art/2020/1/1/art_1_2.html")
    assert a.paragraphs == ("第一段。", "第二段，接续。", "第三段。")


def test_style_script_and_boilerplate_dropped() -> None:
    html = wrap('<div class="article-content"><style>p{x:1}</style><script>var a=1;</script>'
                "<p>正文。</p><p>【打印本页】【关闭窗口】</p><p>相关文章</p>"
                "<p>主办：某某县人民政府</p><p>晋ICP备11006016号 网站标识码：1410290008</p></div>")
    a = extract_article(html, "http://x.gov.cn/1/2/content_3.html")
    assert a.paragraphs == ("正文。",)
    assert a.family is Family.PLATFORM
    assert a.site_id_code == "1410290008"


def test_table_rows_one_line_each() -> None:
    html = wrap('<div class="TRS_Editor"><p>表格如下：</p><table><tr><td>项目</td><td>数量</td></tr>'
                "<tr><td> 审批事项 </td><td><span>1</span>95</td></tr><tr><td></td><td></td></tr></table></div>")
    a = extract_article(html, "http://x.gov.cn/t20200101_1.html")
    assert a.paragraphs == ("表格如下：", "项目\t数量", "审批事项\t195")


def test_layout_table_read_as_container() -> None:
    html = wrap("<table><tr><td><div class='TRS_Editor'><p>一段。</p><p>二段。</p></div></td></tr></table>")
    a = extract_article(html, "http://x.gov.cn/t20200101_1.html")
    assert a.paragraphs == ("一段。", "二段。")


def test_title_repeated_as_first_paragraph_dropped() -> None:
    html = wrap('<div class="TRS_Editor"><p>报告标题</p><p>正文。</p></div>')
    a = extract_article(html, "http://x.gov.cn/t20200101_1.html")
    assert a.paragraphs == ("正文。",)


def test_generic_fallback_meta_and_density() -> None:
    head = ('<meta name="ArticleTitle" content="某县2020年法治政府建设年度报告">'
            '<meta name="PubDate" content="2021-02-03 10:00"><meta name="ContentSource" content="某县司法局">')
    html = wrap("<div class='nav'><a href='/'>首页</a></div><div class='main'><div class='box'>"
                + "".join(f"<p>第{i}段，依法行政工作取得新进展，法治政府建设扎实推进。</p>" for i in range(5))
                + "</div></div><div class='footer'>网站标识码：1234567890</div>", head)
    a = extract_article(html, "http://unknown.example.cn/news/123.htm")
    assert a.family is Family.GENERIC
    assert a.title == "某县2020年法治政府建设年度报告"
    assert a.published == dt.date(2021, 2, 3)
    assert a.source == "某县司法局"
    assert len(a.paragraphs) == 5 and a.paragraphs[0].startswith("第0段")
    assert a.site_id_code == "1234567890"


def test_generic_wrapper_full_of_links_is_not_the_content() -> None:
    nav = "".join(f"<a href='/c{i}.html'>栏目名称{i}</a>" for i in range(30))
    html = wrap(f"<div class='content'>{nav}<div class='x'><p>正文第一段，依法行政取得新进展，法治政府建设扎实推进。</p>"
                "<p>正文第二段，严格规范公正文明执法，持续优化法治化营商环境。</p></div></div>")
    a = extract_article(html, "http://unknown.example.cn/a/1.htm")
    assert a.paragraphs == ("正文第一段，依法行政取得新进展，法治政府建设扎实推进。",
                            "正文第二段，严格规范公正文明执法，持续优化法治化营商环境。")


def test_info_line_and_attachment_variants() -> None:
    html = wrap('<div class="article"><h1>标题甲</h1><div class="info">发布日期：2020年3月5日　来源：某县司法局</div>'
                '<div id="zoom"><p>详见附件。</p><p><a href="/module/download/downfile.jsp?classid=0&amp;'
                'filename=abc.docx">报告.docx</a> <a href="./P0202.pdf">报告.pdf</a>'
                ' <a href="a.xls">表.xls</a> <a href="x.html">x</a></p></div></div>')
    a = extract_article(html, "http://x.gov.cn/art/2020/3/5/art_1_2.html")
    assert a.title == "标题甲"
    assert a.published == dt.date(2020, 3, 5)
    assert a.source == "某县司法局"
    assert [link.url for link in a.attachments] == [
        "http://x.gov.cn/module/download/downfile.jsp?classid=0&filename=abc.docx",
        "http://x.gov.cn/art/2020/3/5/P0202.pdf",
    ]
    assert a.attachments[0].text == "报告.docx"


def test_create_page_html_links() -> None:
    html = wrap('<div class="TRS_Editor"><p>正文。</p></div>'
                '<script>createPageHTML(3, 0, "t20200101_123", "html");</script>')
    a = extract_article(html, "http://x.gov.cn/zwgk/202001/t20200101_123.html")
    assert a.page_links == ("http://x.gov.cn/zwgk/202001/t20200101_123_1.html",
                            "http://x.gov.cn/zwgk/202001/t20200101_123_2.html")


def test_next_page_link_and_unescaped_href() -> None:
    html = wrap('<div id="zoom"><p>正文。</p></div><div><a href="/art/x.jsp?a=1&amp;page=2">下一页</a></div>')
    a = extract_article(html, "http://x.gov.cn/art/x.jsp?a=1&page=1")
    assert a.page_links == ("http://x.gov.cn/art/x.jsp?a=1&page=2",)


def test_join_pages() -> None:
    p1 = Article(url="u1", title="T", paragraphs=("a", "b"), published=dt.date(2020, 1, 1),
                 page_links=("u2",), family=Family.TRS)
    p2 = Article(url="u2", title="T", paragraphs=("c",), source="S", page_links=("u1",), family=Family.TRS)
    j = join_pages([p1, p2])
    assert j.paragraphs == ("a", "b", "c")
    assert (j.url, j.title, j.published, j.source, j.page_links) == ("u1", "T", dt.date(2020, 1, 1), "S", ())
    assert join_pages([p1]) is p1
    assert join_pages([]).paragraphs == ()


def test_empty_and_garbage_inputs() -> None:
    for html in ("", "<", "<html>", "\x00\x01", "<div id=zoom></div>", "<table><tr><td>"):
        a = extract_article(html, "")
        assert isinstance(a.paragraphs, tuple)


HTMLISH = st.lists(
    st.one_of(
        st.sampled_from([
            "<p>", "</p>", "<div class='TRS_Editor'>", "<div id='zoom'>", "</div>", "<br>", "<span>", "</span>",
            "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<script>", "</script>", "<style>",
            "<a href='x.docx'>", "<a href='javascript:;'>", "</a>", "&nbsp;", "&amp;", "　", "\n", "<!--", "-->",
            "<meta name='PubDate' content='2020-13-45'>", "<meta name='ArticleTitle' content=''>",
            "<title>", "</title>", "发布时间：2020-02-30", "网站标识码：", "createPageHTML(9,0,'a','html')",
            "<h1>", "</h1>", "<li>", "<ul>", "<div class='article-content'>", "<o:p>",
        ]),
        st.text(max_size=20),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HTMLISH, st.sampled_from(["", "http://x.gov.cn/t20200101_1.html", "http://x.gov.cn/art/2020/1/1/art_1_2.html",
                                 "not a url", "http://[::1"]))
def test_extract_article_never_raises(parts: list[str], url: str) -> None:
    a = extract_article("".join(parts), url)
    assert isinstance(a, Article)
    assert all(p and p == p.strip() for p in a.paragraphs)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_then_extract_never_raises(raw: bytes) -> None:
    extract_article(decode_html(raw, None).text, "http://x.gov.cn/content_1.html")
