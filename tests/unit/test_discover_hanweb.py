"""Hanweb family: datastore lists (records inside <script type="text/xml">), nextgroup/dataproxy."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from offline_portal import OfflinePortal, page  # noqa: E402

from countyreports.crawl.discover import (  # noqa: E402
    column_candidates,
    detect_family,
    hanweb,
    is_report_column,
    parse_list,
)
from countyreports.models import Family, Link  # noqa: E402

LYX = "http://www.lyx.gov.cn/"
LYX_COL = LYX + "col/col7162/index.html"
HJ_COL = "http://www.hanjiang.gov.cn/col/col3002/index.html"
HJ_PROXY = (
    "http://www.hanjiang.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=11&endrecord=40"
    "&perpage=10&columnid=3002&unitid=7687704&webid=110"
)


def L(path: str, text: str, date: str) -> Link:
    return Link(LYX + path, text, dt.date.fromisoformat(date))


def test_lyx_datastore_list_epoch2():
    got = parse_list(page(LYX_COL, 2), LYX_COL)
    assert got.family is Family.HANWEB
    # read by hand: 9 <record>s; truncated anchor texts (...工作要...) replaced by the title attribute
    assert got.items == (
        L("art/2025/6/15/art_7162_1375224.html", "鹿邑县2024年度法治政府建设情况报告", "2025-06-15"),
        L("art/2024/4/16/art_7162_1374819.html", "关于印发《鹿邑县2024年法治政府建设工作要点》的通知", "2024-04-16"),
        L("art/2024/3/7/art_7162_1374617.html", "鹿邑县2023年政府信息公开工作年度报告", "2024-03-07"),
        L("art/2024/1/25/art_7162_1374054.html", "鹿邑县2023年度法治政府建设工作报告", "2024-01-25"),
        L("art/2022/1/11/art_7162_1373514.html", "鹿邑县北苑街道2021年度法治政府建设情况报告", "2022-01-11"),
        L("art/2021/12/26/art_7162_1373450.html", "鹿邑县人民政府关于2021年度法治政府建设工作情况的报告", "2021-12-26"),
        L("art/2021/2/4/art_7162_1373269.html", "鹿邑县人民政府关于2020年度法治政府建设工作情况的报告", "2021-02-04"),
        L("art/2019/12/23/art_7162_1372832.html", "鹿邑县2019年法治政府建设年度报告", "2019-12-23"),
        L("art/2019/2/5/art_7162_1372436.html", "鹿邑县2018年度法治政府建设工作报告", "2019-02-05"),
    )
    # jpageConfig totalRecord 9 = records present, empty <nextgroup>: nothing more to fetch
    assert got.next_pages == ()


def test_lyx_epoch1_has_eight_records():
    got = parse_list(page(LYX_COL, 1), LYX_COL)
    assert len(got.items) == 8
    assert got.items[0].url == LYX + "art/2024/4/16/art_7162_1374819.html"


def test_lyx_column_path():
    home = column_candidates(page(LYX, 1), LYX)
    assert home[0].url == LYX + "col/col7100/index.html"
    xxgk = column_candidates(page(LYX + "col/col7100/index.html", 1), LYX + "col/col7100/index.html")
    assert xxgk[0].url == LYX + "col/col7131/index.html" and xxgk[0].text == "法定主动公开内容"
    assert LYX + "col/col7196/index.html" not in {c.url for c in xxgk}  # 政府信息公开年报
    fdzd = column_candidates(page(LYX + "col/col7131/index.html", 1), LYX + "col/col7131/index.html")
    assert fdzd[0].url == LYX_COL and fdzd[0].score >= 100
    assert is_report_column(page(LYX_COL, 1), LYX_COL)
    assert not is_report_column(page(LYX + "col/col7131/index.html", 1), LYX + "col/col7131/index.html")


def test_flaky_list_page_is_served_by_the_offline_portal():
    r = OfflinePortal(1).get(LYX_COL)  # fail_first=2 in the manifest: the replay serves the entry
    assert r.status == 200 and "datastore" in r.text


def test_hanjiang_nextgroup_names_the_dataproxy_page():
    got = parse_list(page(HJ_COL, 2), HJ_COL)
    assert len(got.items) == 10
    assert got.items[2].text == "中共邗江区委 邗江区人民政府关于2023年法治政府建设情况的报告"
    assert got.next_pages == (HJ_PROXY,)  # &amp; unescaped, parameters in the page's order
    tail = parse_list(page(HJ_PROXY, 2), HJ_PROXY)
    assert tail.family is Family.HANWEB
    assert tail.items == (
        Link("http://www.hanjiang.gov.cn/art/2019/2/9/art_3002_5758719.html", "邗江区2018年度法治政府建设工作报告",
             dt.date(2019, 2, 9)),
    )
    assert tail.next_pages == ()  # <totalrecord>11</totalrecord> reached


def test_detect_family_hanweb():
    assert detect_family(page(LYX_COL, 1), LYX_COL) is Family.HANWEB
    assert detect_family(page(LYX, 1), LYX) is Family.HANWEB


def _column(records: int, total: int, nextgroup: str = "") -> str:
    recs = "".join(
        f'<record><![CDATA[\n<li><a href="/art/2024/1/{i + 1}/art_55_{i}.html" title="T{i}报告">T{i}...</a>'
        f"<span>2024-01-{i + 1:02d}</span></li>\n]]></record>"
        for i in range(records)
    )
    return (
        '<div class="position">当前位置：<a href="/">首页</a> &gt; 法治政府建设年度报告</div>'
        f'<div id="99"><script type="text/xml"><datastore><nextgroup><![CDATA[{nextgroup}]]></nextgroup>'
        f"<recordset>{recs}</recordset></datastore></script></div>"
        '<script>var jpageConfig = {proxyUrl: "/module/web/jpage/dataproxy.jsp", columnid: 55, '
        f"unitid: 99, webid: 3, perPage: 5, groupSize: 3, totalRecord: {total}}};</script>"
    )


def test_jpage_config_computes_the_next_group_when_nextgroup_is_empty():
    url = "http://h.gov.cn/col/col55/index.html"
    got = parse_list(_column(15, 40), url)
    assert [i.text for i in got.items][:2] == ["T0报告", "T1报告"]
    assert got.next_pages == (
        "http://h.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=5"
        "&columnid=55&unitid=99&webid=3",
    )
    assert parse_list(_column(15, 15), url).next_pages == ()


def test_dataproxy_answer_continues_while_total_not_reached():
    url = ("http://h.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=5"
           "&columnid=55&unitid=99&webid=3")
    xml = ('<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>40</totalrecord>'
           '<nextgroup><![CDATA[]]></nextgroup><recordset>'
           + "".join(f'<record><![CDATA[<li><a href="/art/2020/1/1/art_55_{i}.html">报告{i}</a>'
                     f'<span>2020-01-01</span></li>]]></record>' for i in range(15))
           + "</recordset></datastore>")
    got = hanweb.parse_list(xml, url)
    assert len(got.items) == 15
    assert got.next_pages == (url.replace("startrecord=16&endrecord=30", "startrecord=31&endrecord=45"),)


def test_server_rendered_hanweb_list_falls_back_to_generic():
    html = ('<script>var jpageConfig = {columnid: 1}</script><ul class="lm-list">'
            '<li><a href="/art/2023/2/1/art_1_9.html">某县2022年法治政府建设年度报告</a>'
            '<span>[2023-02-01]</span></li></ul>')
    got = parse_list(html, "http://h.gov.cn/col/col1/index.html")
    assert got.items == (Link("http://h.gov.cn/art/2023/2/1/art_1_9.html", "某县2022年法治政府建设年度报告",
                              dt.date(2023, 2, 1)),)
