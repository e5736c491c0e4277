"""`replacement_chars` is damage in the page chrome (a `?` where ©, a no-break space, ... was lost): detected
from the whole page, not from the report text. Expected labels are the gold's."""

from __future__ import annotations

from countyreports.text.decode import decode_html
from countyreports.reading.article import extract_article, page_noise
from portal_fixture import body, content_type, gold_reports


def test_replacement_chars_label_matches_gold_on_every_report_page() -> None:
    wrong = []
    for r in gold_reports():
        html = decode_html(body(r["url"]), content_type(r["url"])).text
        got = "replacement_chars" in page_noise(html, extract_article(html, r["url"]))
        if got != ("replacement_chars" in r["noise"]):
            wrong.append(r["report_id"])
    assert wrong == []


def test_question_marks_in_urls_scripts_and_lost_text_are_not_chrome_damage() -> None:
    html = ('<html><head><script>var a = 1 ? 2 : 3;</script></head><body>'
            '<a href="/search/?q=1">搜索</a><div id="zoom"><p>调解纠纷?件，成功率高。</p></div>'
            '<div class="footer">版权所有 © 2024</div></body></html>')
    assert page_noise(html, extract_article(html, "http://x.gov.cn/art/2024/1/1/art_1_1.html")) == ()
    damaged = html.replace("版权所有 © 2024", "版权所有 ? 2024")
    assert page_noise(damaged, extract_article(damaged, "http://x.gov.cn/art/2024/1/1/art_1_1.html")) == (
        "replacement_chars",)
