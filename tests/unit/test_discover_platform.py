"""Provincial platform family: /NNNNN/NNNNN/list.html columns, list_N.html pages, content_N.html."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from offline_portal import page  # noqa: E402

from countyreports.crawl.discover import (  # noqa: E402
    column_candidates,
    column_name,
    detect_family,
    is_report_column,
    parse_list,
    platform,
)
from countyreports.models import Family, Link  # noqa: E402

HT = "http://hongtong.linfen.gov.cn/"
HT_COL = HT + "91834/11530/86617/list.html"
HT_COL_2 = HT + "91834/11530/86617/list_2.html"
XX = "http://xianxian.cangzhou.gov.cn/65897/17896/38887/"


def L(cid: str, text: str, date: str) -> Link:
    return Link(f"{HT}91834/11530/86617/content_{cid}.html", text, dt.date.fromisoformat(date))


def test_hongtong_list_and_list_2_epoch1():
    got = parse_list(page(HT_COL, 1), HT_COL)
    assert got.family is Family.PLATFORM
    assert got.items == (
        L("1934592", "洪洞县召开法治政府建设示范创建工作推进会", "2024-03-03"),
        L("1934287", "2023年洪洞县法治政府建设工作报告", "2024-01-22"),
        L("1933908", "关于印发《洪洞县2023年法治政府建设工作要点》的通知", "2023-05-06"),
        L("1933586", "2022年洪洞县法治政府建设工作报告", "2023-01-10"),
        L("1933060", "2020年洪洞县法治政府建设工作报告", "2021-01-17"),
    )
    assert got.next_pages == (HT_COL_2,)
    got2 = parse_list(page(HT_COL_2, 1), HT_COL_2)
    assert [i.url for i in got2.items] == [
        f"{HT}91834/11530/86617/content_{cid}.html" for cid in ("1932545", "1932191", "1931791")
    ]
    assert got2.items[1].text == "中共洪洞县委 洪洞县人民政府关于2019年法治政府建设情况的报告"
    assert got2.next_pages == (HT_COL,)  # 上一页 is not followed, but 共2页 names page 1


def test_xianxian_three_pages_in_epoch2():
    got = parse_list(page(XX + "list_2.html", 2), XX + "list_2.html")
    assert got.items[0] == Link(XX + "content_2828072.html", "献县卫生健康局2022年法治政府建设年度报告",
                                dt.date(2022, 12, 24))
    assert set(got.next_pages) == {XX + "list.html", XX + "list_3.html"}
    assert got.next_pages[0] == XX + "list_3.html"  # the 下一页 link first


def test_column_path_and_column_detection():
    home = column_candidates(page(HT, 1), HT)
    assert home[0].url == HT + "91834/11530/index.html"
    sec = column_candidates(page(HT + "91834/11530/index.html", 1), HT + "91834/11530/index.html")
    assert sec[0].url == HT_COL and sec[0].text == "法治政府建设"
    assert HT + "91834/11530/60272/list.html" not in {c.url for c in sec}  # 政府信息公开年报
    assert is_report_column(page(HT_COL, 1), HT_COL)  # broad name, but it lists entries
    assert not is_report_column(page(HT + "91834/88453/list.html", 1), HT + "91834/88453/list.html")


def test_column_without_meta_uses_breadcrumb():
    url = "http://elunchun.hlbe.gov.cn/38002/46337/30178/list.html"  # no <meta name="ColumnName">
    html = page(url, 1)
    assert "ColumnName" not in html
    assert column_name(html, url) == "法治政府建设情况报告"
    assert is_report_column(html, url)
    assert parse_list(html, url).items[3].text == "鄂伦春自治旗公安局2022年法治政府建设年度报告"  # title attr


def test_detect_family_platform():
    assert detect_family(page(HT_COL, 1), HT_COL) is Family.PLATFORM
    assert detect_family(page(HT, 1), HT) is Family.PLATFORM


def test_total_pages_generate_all_list_pages():
    html = '<ul class="list"></ul><div class="pagination"><span>共4页</span><span>第3页</span></div>'
    assert platform.page_urls(html, "http://p.gov.cn/1/2/list_3.html") == (
        "http://p.gov.cn/1/2/list.html",
        "http://p.gov.cn/1/2/list_2.html",
        "http://p.gov.cn/1/2/list_4.html",
    )
    assert platform.page_urls('<div class="pagination"><span>共1页</span></div>', "http://p.gov.cn/1/list.html") == ()
