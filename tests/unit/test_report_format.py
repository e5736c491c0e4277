"""Formatting helpers of the HTML report: numbers, source links with text fragments, escaped tooltips."""

from __future__ import annotations

from countyreports.warehouse.report_tables import cell, fmt_number, source_link


def test_fmt_number() -> None:
    assert fmt_number(None) == ""
    assert fmt_number(1234.0) == "1,234"
    assert fmt_number(8.5) == "8.5"
    assert fmt_number(2.333333) == "2.33"
    assert fmt_number(30860000, "yuan") == "3,086.0万"
    assert fmt_number(120000000, "yuan") == "1.20亿"


def test_source_link_has_text_fragment() -> None:
    assert source_link("http://x.gov.cn/a.html") == "http://x.gov.cn/a.html"
    assert source_link("http://x.gov.cn/a.html", "行政诉讼案件12件") == (
        "http://x.gov.cn/a.html#:~:text=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC%E6%A1%88%E4%BB%B612%E4%BB%B6")
    assert source_link(None) == ""


def test_cell_links_and_escapes() -> None:
    html = cell(12, url="http://x.gov.cn/a.html?a=1&b=2", sentence="共办理<案件>12件。", surface="12件",
                approx=True)
    assert html.startswith("<td class='num'><a href='http://x.gov.cn/a.html?a=1&amp;b=2#:~:text=12%E4%BB%B6'")
    assert "&lt;案件&gt;" in html and "≈12" in html
    assert "title='“共办理&lt;案件&gt;12件。”\nhttp://x.gov.cn/a.html?a=1&amp;b=2'" in html
    assert cell(None) == "<td class='na'></td>"
