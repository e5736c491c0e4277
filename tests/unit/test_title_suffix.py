"""A page's <title> carries the site's name after a separator; the report's title is what comes before it."""

from __future__ import annotations

import pytest

from countyreports.models import PageKind
from countyreports.reading.classify import classify_title
from countyreports.reading.document import RawDoc, read_article


def strip_site_suffix(title: str) -> str:
    """The title the article reader gives a page whose only title is its <title> (reading.titles)."""
    page = (f"<html><head><title>{title}</title></head><body><div class='content'>"
            "<p>全县行政复议案件12件，同比下降。</p></div></body></html>")
    return read_article(RawDoc("http://www.example.gov.cn/art/1.html", page.encode("utf-8")))[0].title


@pytest.mark.parametrize(("title", "expected"), [
    ("某某县2023年法治政府建设年度报告_某某县人民政府", "某某县2023年法治政府建设年度报告"),
    ("某某县2023年法治政府建设年度报告-某某县人民政府", "某某县2023年法治政府建设年度报告"),
    ("某某县人民政府2023年度法治政府建设工作报告-某某县人民政府网", "某某县人民政府2023年度法治政府建设工作报告"),
    ("某某县关于2022年工作情况和2023年工作安排的报告－某某自治县人民政府门户网站",
     "某某县关于2022年工作情况和2023年工作安排的报告"),
    # a hyphen inside a title stays
    ("某某县法治政府建设实施方案（2021-2025年）", "某某县法治政府建设实施方案（2021-2025年）"),
    ("某某县2023年法治政府建设年度报告-附件", "某某县2023年法治政府建设年度报告-附件"),
])
def test_site_suffix(title: str, expected: str) -> None:
    assert strip_site_suffix(title) == expected


def test_hyphenated_site_name_does_not_hide_the_report() -> None:
    title = strip_site_suffix("某某县2021年推进法治政府建设情况报告-某某县人民政府")
    assert classify_title(title, "某某县") is PageKind.COUNTY_REPORT
