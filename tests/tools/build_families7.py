#!/usr/bin/env python3
"""Build tests/fixtures/families7 (written as a held-out set by a separate session that did not see the discovery
code; it became the tuning set of discovery round 7): recorded portals of four more site shapes of Chinese county
portals (jpage: Hanweb-style XML data-proxy lists; postback: ASP.NET __doPostBack pagers with plain page URLs only in
<noscript> / a 跳转 <select>; loadmore: 加载更多 buttons whose data-url names an HTML-fragment or JSON endpoint;
attpage: reports as attachments of short article pages, list titles cut with "…").

    .venv/bin/python tests/tools/build_families7.py [--out DIR] [--check]

Deterministic: a rebuild is byte-identical (`--check` builds into a temporary folder and compares, then runs the
self-consistency checks). The shared machinery (Store, Article, report-text derivation, look-alike texts, .docx
writer, report titles, placeholder closure, page shell) is imported from build_families6.py / build_families5.py /
families_builder.py; the site shapes are new. Report bodies are the bundled snapshot's gold report texts with the
source county's names replaced.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_families5 as f5  # noqa: E402
import build_families6 as f6
import families_builder as fb  # noqa: E402

from families_builder import (Article, County, Ctx, esc, num, rel_path, sort_desc, stamp, cut)  # noqa: E402
from build_families5 import add_page, attach, content_html  # noqa: E402
from build_families6 import shell, article, li_rows, home, gknb, cards, dup_of, idn  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "tests/fixtures/families7"

COUNTIES = [
    # jpage: Hanweb-style lists whose rows come from /module/web/jpage/dataproxy.jsp answering XML <datastore>
    County("330226", "浙江省", "宁波市", "宁海县", "www.ninghai.gov.cn", "jpage", [2020, 2021, 2022, 2023, 2024]),
    County("341022", "安徽省", "黄山市", "休宁县", "www.xiuning.gov.cn", "jpage", [2019, 2020, 2022, 2023, 2024]),
    County("320831", "江苏省", "淮安市", "金湖县", "www.jinhu.gov.cn", "jpage", [2019, 2021, 2022, 2023]),
    # postback: ASP.NET WebForms lists, pager javascript:__doPostBack; plain ?page=N only in <noscript> / a 跳转 <select>
    County("230127", "黑龙江省", "哈尔滨市", "木兰县", "www.mulan.gov.cn", "postback", [2019, 2020, 2021, 2022, 2023]),
    County("150222", "内蒙古自治区", "包头市", "固阳县", "www.guyang.gov.cn", "postback", [2020, 2021, 2022, 2024]),
    County("220524", "吉林省", "通化市", "柳河县", "www.jllh.gov.cn", "postback", [2019, 2021, 2022, 2023, 2024]),
    # loadmore: "加载更多" lists; the button's data-url points at an HTML-fragment / JSON endpoint (offset/limit or page)
    County("510722", "四川省", "绵阳市", "三台县", "www.santai.gov.cn", "loadmore", [2019, 2020, 2021, 2022, 2023]),
    County("530326", "云南省", "曲靖市", "会泽县", "www.huize.gov.cn", "loadmore", [2020, 2021, 2023, 2024]),
    County("450126", "广西壮族自治区", "南宁市", "宾阳县", "www.binyang.gov.cn", "loadmore", [2019, 2020, 2022, 2023, 2024]),
    # attpage: reports as attachments of short article pages, list titles cut with "…", titles only in meta / captions
    County("520328", "贵州省", "遵义市", "湄潭县", "www.meitan.gov.cn", "attpage", [2019, 2020, 2021, 2022, 2023]),
    County("360428", "江西省", "九江市", "都昌县", "www.duchang.gov.cn", "attpage", [2020, 2021, 2022, 2024]),
    County("652926", "新疆维吾尔自治区", "阿克苏地区", "拜城县", "www.xjbc.gov.cn", "attpage", [2019, 2020, 2021, 2023, 2024]),
]
FAMILIES = ["jpage", "postback", "loadmore", "attpage"]

f5.PROVINCE_PORTAL.update({"浙江省": "http://www.zj.gov.cn/", "安徽省": "http://www.ah.gov.cn/", "江苏省": "http://www.jiangsu.gov.cn/",
                           "黑龙江省": "http://www.hlj.gov.cn/", "内蒙古自治区": "http://www.nmg.gov.cn/", "吉林省": "http://www.jl.gov.cn/",
                           "四川省": "http://www.sc.gov.cn/", "云南省": "http://www.yn.gov.cn/", "广西壮族自治区": "http://www.gxzf.gov.cn/",
                           "贵州省": "http://www.guizhou.gov.cn/", "江西省": "http://www.jiangxi.gov.cn/", "新疆维吾尔自治区": "http://www.xinjiang.gov.cn/"})
f5.PREFECTURE_PORTAL.update({"宁波市": "http://www.ningbo.gov.cn/", "黄山市": "http://www.huangshan.gov.cn/", "淮安市": "http://www.huaian.gov.cn/",
                             "哈尔滨市": "http://www.harbin.gov.cn/", "包头市": "http://www.baotou.gov.cn/", "通化市": "http://www.tonghua.gov.cn/",
                             "绵阳市": "http://www.my.gov.cn/", "曲靖市": "http://www.qj.gov.cn/", "南宁市": "http://www.nanning.gov.cn/",
                             "遵义市": "http://www.zunyi.gov.cn/", "九江市": "http://www.jiujiang.gov.cn/", "阿克苏地区": "http://www.aks.gov.cn/"})
f5.ICP.update({"浙江": "浙", "安徽": "皖", "江苏": "苏", "黑龙": "黑", "内蒙": "蒙", "吉林": "吉", "四川": "蜀", "云南": "滇", "广西": "桂",
               "贵州": "黔", "江西": "赣", "新疆": "新"})
TOWNS = {"330226": "跃龙街道", "341022": "海阳镇", "320831": "黎城街道", "230127": "木兰镇", "150222": "金山镇", "220524": "柳河镇",
         "510722": "潼川镇", "530326": "金钟街道", "450126": "宾州镇", "520328": "湄江街道", "360428": "都昌镇", "652926": "拜城镇"}
GBK_HOSTS = {"www.jinhu.gov.cn", "www.guyang.gov.cn"}

f6.NAV.update({
    "jpage": [("首页", "/index.html"), ("政务公开", "/col/col1001/index.html"), ("新闻中心", "/col/col1002/index.html"),
              ("政务服务", "/col/col1003/index.html"), ("互动交流", "/col/col1004/index.html")],
    "postback": [("网站首页", "/"), ("政务公开", "/zwgk/Index.aspx"), ("新闻中心", "/News/Index.aspx"), ("办事服务", "/bsfw/Index.aspx"),
                 ("政民互动", "/hdjl/Index.aspx")],
    "loadmore": [("首页", "/"), ("政务公开", "/zwgk/"), ("新闻动态", "/xwdt/"), ("政务服务", "/zwfw/"), ("政民互动", "/zmhd/")],
    "attpage": [("首页", "/"), ("政府信息公开", "/zwgk/"), ("新闻中心", "/xwzx/"), ("办事服务", "/bsfw/"), ("互动交流", "/hdjl/")],
})


def setup_mods():
    f5.TOWNS = TOWNS
    f5.GBK_HOSTS = GBK_HOSTS
    f6.GBK_HOSTS = GBK_HOSTS
    f5.COUNTIES = COUNTIES


def enc_of(host):
    return "gbk" if host in GBK_HOSTS else "utf-8"


def xml_page(x: Ctx, url, text, lm_date, enc="utf-8"):
    x.store.add(url, text, ext="xml", ctype="text/xml", enc=enc, lm=stamp(lm_date, "xml7", url), validators=None)


def json_page(x: Ctx, url, obj, lm_date, slashes=False):
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    if slashes:
        text = text.replace("/", "\\/")
    x.store.add(url, text, ext="json", ctype="application/json",
                lm=stamp(lm_date, "json7", url), validators=None)


def chunks(items, per):
    return [items[i:i + per] for i in range(0, len(items), per)] or [[]]


def ymd_path(a):
    return f"{a.date.year}/{a.date.month}/{a.date.day}"


# ==============================================================================================================
# family 1: jpage — Hanweb-style column pages /col/colN/index.html whose rows come from a data proxy
#   /module/web/jpage/dataproxy.jsp?… answering XML <datastore><totalrecord/><perpage/><recordset><record><![CDATA[…]]>
#   articles /art/YYYY/M/D/art_COL_ID.html
# ==============================================================================================================


def hanweb_art(x: Ctx, col, a):
    return x.place(a, f"http://{x.c.host}/art/{ymd_path(a)}/art_{col}_{idn(x, a)}.html")


def jp_record(a, style="li"):
    if style == "li":
        return f'<li><a href="{rel_path(a.url)}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a><span>{a.date.isoformat()}</span></li>'
    return (f'<tr><td class="bt"><a href="{rel_path(a.url)}" target="_blank" title="{esc(a.title)}">{esc(cut(a.title, 18))}</a></td>'
            f'<td class="rq">[{a.date.isoformat()}]</td></tr>')


def datastore(items, total, per, nextgroup=None, style="li", decl="utf-8"):
    ng = f'<nextgroup><![CDATA[<a href="{nextgroup}"></a>]]></nextgroup>\n' if nextgroup else ""
    recs = "\n".join(f"<record><![CDATA[{jp_record(a, style)}]]></record>" for a in items)
    return (f'<?xml version="1.0" encoding="{decl}"?>\n<datastore>\n{ng}<totalrecord>{total}</totalrecord>\n<perpage>{per}</perpage>\n'
            f"<recordset>\n{recs}\n</recordset>\n</datastore>\n")


def jp_column(x: Ctx, url, title, crumbs, inner, lm):
    main = (f'<div class="bt-title">{esc(title)}</div>\n<div class="default_pgContainer">\n{inner}\n</div>\n'
            '<script type="text/javascript" src="/module/web/jpage/jpage.js"></script>')
    add_page(x, url, shell(x, f"{title} {x.c.name}人民政府", main, crumbs), lm)


def jp_cards(x: Ctx, url, title, crumbs, pairs, lm):
    add_page(x, url, shell(x, f"{title} {x.c.name}人民政府", f'<div class="bt-title">{esc(title)}</div>\n' + cards(pairs), crumbs), lm)


def build_jpage(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    H = "/index.html"
    idx = lambda n: f"/col/col{n}/index.html"  # noqa: E731
    home(x, cards([("政务公开", idx(1001)), ("政府信息公开年报", idx(1019))], "home-entry"))
    add_page(x, f"{B}/index.html", shell(x, f"{c.name}人民政府", '<p><a href="/">进入首页</a></p>'), stamp(dt.date(2025, 6, 26), "hi7"))
    gki = sort_desc([a for k, a in L.items() if k.startswith("gk")])
    for a in gki:
        hanweb_art(x, 1019, a)
    cr_nb = [("首页", H), ("政务公开", idx(1001)), ("政府信息公开年报", None)]
    add_page(x, f"{B}{idx(1019)}", shell(x, f"政府信息公开年报 {c.name}人民政府", li_rows(gki), cr_nb), stamp(gki[0].date, "nb7"))
    for a in gki:
        article(x, a, cr_nb[:-1] + [("政府信息公开年报", idx(1019))], meta_style="gk")
    if c.adcode == "330226":  # 宁海: 政务公开 → 重点领域信息公开 → 法治政府建设; the column page carries only the nextgroup link (page=1)
        col = 1229050118
        jp_cards(x, f"{B}{idx(1001)}", "政务公开", [("首页", H), ("政务公开", None)],
                 [("政府信息公开指南", idx(1011)), ("重点领域信息公开", idx(1015)), ("政府信息公开年报", idx(1019))], stamp(dt.date(2025, 2, 3), "zw7"))
        jp_cards(x, f"{B}{idx(1015)}", "重点领域信息公开", [("首页", H), ("政务公开", idx(1001)), ("重点领域信息公开", None)],
                 [("财政预决算", idx(1016)), ("法治政府建设", idx(col)), ("生态环境", idx(1017))], stamp(dt.date(2025, 2, 3), "zd7"))
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["shufa"], L["news_meeting"],
                                       L["notice_plan"]])
        for a in items:
            hanweb_art(x, col, a)
        per = 5
        pages = chunks(items, per)
        q = f"webid=3&path=/&columnid={col}&unitid=418836&webname=%E5%AE%81%E6%B5%B7%E5%8E%BF%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C&permissiontype=0"
        purl = lambda k: f"/module/web/jpage/dataproxy.jsp?page={k}&{q}"  # noqa: E731
        for k, ch in enumerate(pages, 1):
            xml_page(x, B + purl(k), datastore(ch, len(items), per, purl(k + 1) if k < len(pages) else None), items[0].date)
        inner = (f'<div id="{418836}"><script type="text/xml">\n<datastore>\n<nextgroup><![CDATA[<a href="{purl(1)}"></a>]]></nextgroup>\n'
                 f'<recordset>\n</recordset>\n</datastore>\n</script></div>\n'
                 f'<script type="text/javascript">$(function(){{ new Jpage({{target: "418836", perPage: {per}, dataBefore: "<ul class=\\"list\\">", '
                 'dataAfter: "</ul>", proxyUrl: "dataproxy"}); });</script>')
        cr = [("首页", H), ("政务公开", idx(1001)), ("重点领域信息公开", idx(1015)), ("法治政府建设", None)]
        jp_column(x, f"{B}{idx(col)}", "法治政府建设", cr, inner, stamp(dt.date(2024, 5, 6), "col7"))
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", idx(col))])
        x.notes.update(depth=3, column="法治政府建设", path="首页→政务公开→重点领域信息公开→法治政府建设 (/col/col1229050118/index.html)",
                       list=f"the column page holds an empty <script type=\"text/xml\"> datastore whose <nextgroup> CDATA links "
                       f"dataproxy.jsp?page=1&…; each XML answer has <totalrecord> {len(items)}, <perpage> {per}, a <nextgroup> to the next page "
                       "and <record> CDATA <li> rows; mixed with the 司法局's, a department's, a township's, the prefecture's and a 述法 report, "
                       "news and a notice", pager=f"{len(pages)} XML pages (page=1…{len(pages)}), only via the data proxy")
    elif c.adcode == "341022":  # 休宁: 信息公开 → 法治政府建设 → 年度报告; URL only in a JS variable; XML has totalrecord/perpage, no nextgroup
        col = 1552
        d = dup_of(x, 2023, f"{B}/art/{ymd_path(x.rep(2023))}/art_1088_{num('dup7', c.adcode, lo=1000000, hi=9999999)}.html")
        home_extra = [("信息公开", idx(1001))]
        add_page(x, f"{B}{idx(1088)}", shell(x, f"通知公告 {c.name}人民政府", li_rows([d]), [("首页", H), ("通知公告", None)]), stamp(d.date, "tz7"))
        article(x, d, [("首页", H), ("通知公告", idx(1088))])
        jp_cards(x, f"{B}{idx(1001)}", "信息公开", [("首页", H), ("信息公开", None)],
                 home_extra[:0] + [("政府信息公开制度", idx(1010)), ("法治政府建设", idx(1550)), ("通知公告", idx(1088)),
                                   ("政府信息公开年报", idx(1019))], stamp(dt.date(2025, 2, 3), "zw7"))
        jp_cards(x, f"{B}{idx(1550)}", "法治政府建设", [("首页", H), ("信息公开", idx(1001)), ("法治政府建设", None)],
                 [("工作动态", idx(1551)), ("年度报告", idx(col)), ("制度文件", idx(1553))], stamp(dt.date(2025, 2, 3), "fz7"))
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["pref_report"], L["prov_report"], L["notice_submit"]])
        for a in items:
            hanweb_art(x, col, a)
        per = 4
        pages = chunks(items, per)
        q = f"webid=4&path=/&columnid={col}&unitid=3521&permissiontype=0"
        for k, ch in enumerate(pages, 1):
            xml_page(x, f"{B}/module/web/jpage/dataproxy.jsp?page={k}&{q}", datastore(ch, len(items), per), items[0].date)
        inner = ('<div id="list3521"></div>\n<div id="pager3521" class="pagination"></div>\n<script type="text/javascript">\n'
                 f"var jpageUrl = '/module/web/jpage/dataproxy.jsp?page=1&{q}';\n"
                 f"var perPage = {per};\n"
                 "function loadPage(p) {\n"
                 "  $.get(jpageUrl.replace('page=1', 'page=' + p), function (xml) {\n"
                 "    var total = parseInt($(xml).find('totalrecord').text(), 10), html = '';\n"
                 "    $(xml).find('record').each(function () { html += $(this).text(); });\n"
                 "    $('#list3521').html('<ul class=\"list\">' + html + '</ul>');\n"
                 "    var n = Math.ceil(total / perPage), pg = '';\n"
                 "    for (var i = 1; i <= n; i++) { pg += i == p ? '<b>' + i + '</b>' : '<a href=\"javascript:loadPage(' + i + ')\">' + i + '</a>'; }\n"
                 "    $('#pager3521').html(pg);\n  }, 'xml');\n}\nloadPage(1);\n</script>")
        cr = [("首页", H), ("信息公开", idx(1001)), ("法治政府建设", idx(1550)), ("年度报告", None)]
        jp_column(x, f"{B}{idx(col)}", "年度报告", cr, inner, stamp(dt.date(2024, 5, 6), "col7"))
        for a in items:
            article(x, a, cr[:-1] + [("年度报告", idx(col))], meta_style="gk")
        x.notes.update(depth=3, column="年度报告", path="首页→政务公开(信息公开)→法治政府建设→年度报告 (/col/col1552/index.html)",
                       list=f"the data-proxy URL (page=1) only in a script variable; the XML answers carry <totalrecord> {len(items)} and "
                       f"<perpage> {per} but no <nextgroup>: pages 2… only by counting; mixed with the 司法局's (2), the prefecture's and the "
                       "province's report and a notice", pager=f"{len(pages)} XML pages, built in the script",
                       other="2023 report re-posted in 通知公告 (/col/col1088/index.html)")
    else:  # 金湖 (GBK): 政务公开 → 法治金湖 → 法治政府建设年度报告; first group inline, nextgroup startrecord/endrecord, titles cut
        col = 37021
        jp_cards(x, f"{B}{idx(1001)}", "政务公开", [("首页", H), ("政务公开", None)],
                 [("政府信息公开指南", idx(1011)), ("法治金湖", idx(37020)), ("政府信息公开年报", idx(1019))], stamp(dt.date(2025, 2, 3), "zw7"))
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["shufa"], L["news_committee"]])
        for a in items:
            hanweb_art(x, col, a)
        dyn = sort_desc([L["news_demo"], L["notice_plan"], L["sfj_report2"]])
        for a in dyn:
            hanweb_art(x, 37022, a)
        jp_cards(x, f"{B}{idx(37020)}", "法治金湖", [("首页", H), ("政务公开", idx(1001)), ("法治金湖", None)],
                 [("法治动态", idx(37022)), ("法治政府建设年度报告", idx(col))], stamp(dt.date(2025, 2, 3), "fz7"))
        cr0 = [("首页", H), ("政务公开", idx(1001)), ("法治金湖", idx(37020))]
        add_page(x, f"{B}{idx(37022)}", shell(x, f"法治动态 {c.name}人民政府", li_rows(dyn), cr0 + [("法治动态", None)]), stamp(dyn[0].date, "dy7"))
        for a in dyn:
            article(x, a, cr0 + [("法治动态", idx(37022))])
        per = 5
        groups = chunks(items, per)
        q = f"perpage={per}&webid=2&path=/&columnid={col}&unitid=95533&permissiontype=0"
        gurl = lambda k: f"/module/web/jpage/dataproxy.jsp?startrecord={(k - 1) * per + 1}&endrecord={min(k * per, len(items))}&{q}"  # noqa: E731
        for k in range(2, len(groups) + 1):
            xml_page(x, B + gurl(k), datastore(groups[k - 1], len(items), per, gurl(k + 1) if k < len(groups) else None, style="tr",
                                               decl="gb2312"), items[0].date, enc="gbk")
        recs = "\n".join(f"<record><![CDATA[{jp_record(a, 'tr')}]]></record>" for a in groups[0])
        inner = (f'<table class="list" width="100%"><tbody id="95533"><script type="text/xml">\n<datastore>\n'
                 f'<nextgroup><![CDATA[<a href="{gurl(2)}"></a>]]></nextgroup>\n<recordset>\n{recs}\n</recordset>\n</datastore>\n</script>'
                 f'</tbody></table>\n<script type="text/javascript">var totalRecord = {len(items)}; var perPage = {per};</script>')
        cr = cr0 + [("法治政府建设年度报告", None)]
        jp_column(x, f"{B}{idx(col)}", "法治政府建设年度报告", cr, inner, stamp(dt.date(2024, 5, 6), "col7"))
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设年度报告", idx(col))], meta_style="gk")
        x.notes.update(depth=3, column="法治政府建设年度报告", path="首页→政务公开→法治金湖→法治政府建设年度报告 (/col/col37021/index.html)",
                       list="GBK; the first 5 rows inline in the column page's <script type=\"text/xml\"> datastore (table rows, titles cut to 18 "
                       "characters with the full title in title=), later groups from dataproxy.jsp?startrecord=6&endrecord=10&perpage=5&… "
                       "(GBK XML, <nextgroup> chains them); mixed with the 司法局's, a department's, a township's, the prefecture's and a 述法 "
                       "report and news", pager=f"{len(groups)} groups via <nextgroup>")


# ==============================================================================================================
# family 2: postback — ASP.NET WebForms list pages: the pager is javascript:__doPostBack(…); a plain ?page=N URL is
#   only in a <noscript> block or in the option values of a 跳转 <select>
# ==============================================================================================================


def viewstate(x: Ctx, url):
    import base64
    import hashlib
    raw = hashlib.sha256(("vs7" + url).encode()).digest() * 6
    return base64.b64encode(raw).decode()


def postback_pages(x: Ctx, url_fn, title, items, per, crumbs, rows_fn, mode, pager_id="ctl00$ContentPlaceHolder1$AspNetPager1", salt="pb7",
                   nav=None):
    """url_fn(k) -> absolute URL of page k (k=1 the column URL); href_fn for noscript/select links (relative)."""
    pages = chunks(items, per)
    n = len(pages)
    for k, ch in enumerate(pages, 1):
        u = url_fn(k)
        pg = [f'<span class="info">共{len(items)}条记录 {k}/{n}页</span>']
        if k > 1:
            pg.append(f'<a href="javascript:__doPostBack(\'{pager_id}\',\'{k - 1}\')">上一页</a>')
        for j in range(1, n + 1):
            pg.append(f"<span class=\"cur\">{j}</span>" if j == k else f'<a href="javascript:__doPostBack(\'{pager_id}\',\'{j}\')">{j}</a>')
        if k < n:
            pg.append(f'<a href="javascript:__doPostBack(\'{pager_id}\',\'{k + 1}\')">下一页</a>')
        extra = ""
        if mode[0] == "noscript":
            extra = "<noscript><div class=\"pages-static\">" + " ".join(
                f'<a href="{esc(mode[1](j))}">第{j}页</a>' for j in range(1, n + 1)) + "</div></noscript>"
        elif mode[0] == "select":
            extra = ('<span class="jump">跳转到<select name="ddlJump" onchange="if(this.value){window.location.href=this.value;}">'
                     + "".join(f'<option value="{esc(mode[1](j))}"{" selected" if j == k else ""}>第{j}页</option>' for j in range(1, n + 1))
                     + "</select></span>")
        action = esc(mode[2](k)) if len(mode) > 2 else esc(rel_path(u))
        main = (f'<form name="aspnetForm" method="post" action="{action}" id="aspnetForm">\n'
                f'<div><input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">\n'
                f'<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">\n'
                f'<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{viewstate(x, u)}"></div>\n'
                "<script type=\"text/javascript\">\n//<![CDATA[\nvar theForm = document.forms['aspnetForm'];\n"
                "function __doPostBack(eventTarget, eventArgument) {\n  if (!theForm.onsubmit || (theForm.onsubmit() != false)) {\n"
                "    theForm.__EVENTTARGET.value = eventTarget;\n    theForm.__EVENTARGUMENT.value = eventArgument;\n    theForm.submit();\n  }\n}\n"
                "//]]>\n</script>\n"
                f'<div class="col-title">{esc(title)}</div>\n{rows_fn(ch)}\n<div class="aspnetpager" id="ctl00_ContentPlaceHolder1_AspNetPager1">'
                f'{" ".join(pg)}</div>\n{extra}\n</form>')
        add_page(x, u, shell(x, f"{title}-{x.c.name}人民政府", main, crumbs, nav), stamp(max(a.date for a in items), salt, k), validators=None)
    return n


def build_postback(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    if c.adcode == "230127":  # 木兰: /News/List.aspx?ClassID=12 (政务公开 → 法治政府建设), <noscript> List.aspx?ClassID=12&page=N
        home(x, cards([("政务公开", "/zwgk/Index.aspx"), ("新闻中心", "/News/Index.aspx")], "home-entry"))
        add_page(x, f"{B}/zwgk/Index.aspx", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开指南", "/News/List.aspx?ClassID=5"),
                 ("政策文件", "/News/List.aspx?ClassID=7"), ("法治政府建设", "/News/List.aspx?ClassID=12"),
                 ("政府信息公开年报", "/News/List.aspx?ClassID=9")]), [("网站首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 3), "zw7"),
                 validators=None)
        gknb(x, f"{B}/News/List.aspx?ClassID=9", lambda a: f"{B}/News/Show.aspx?ID={idn(x, a)}", [("网站首页", "/"), ("政务公开", "/zwgk/Index.aspx")])
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["news_meeting"], L["notice_plan"],
                                       L["shufa"]])
        for a in items:
            x.place(a, f"{B}/News/Show.aspx?ID={idn(x, a)}")
        cr = [("网站首页", "/"), ("政务公开", "/zwgk/Index.aspx"), ("法治政府建设", None)]
        n = postback_pages(x, lambda k: f"{B}/News/List.aspx?ClassID=12" + (f"&page={k}" if k > 1 else ""), "法治政府建设", items, 5, cr,
                           lambda ch: li_rows(ch, href=lambda u: "Show.aspx?" + urllib.parse.urlsplit(u).query),
                           ("noscript", lambda j: f"List.aspx?ClassID=12&page={j}", lambda k: "./List.aspx?ClassID=12"))
        x.store.add(f"{B}/News/List.aspx?ClassID=12&page=1", x.store.bodies[x.store.entries[f"{B}/News/List.aspx?ClassID=12"]["body"]],
                    lm=stamp(items[0].date, "pb7", 1), validators=None)
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/News/List.aspx?ClassID=12")])
        x.notes.update(depth=2, column="法治政府建设", path="首页→政务公开→法治政府建设 (/News/List.aspx?ClassID=12)",
                       list="ASP.NET form page; rows Show.aspx?ID=N (relative to /News/); mixed with the 司法局's, a department's, a township's, "
                       "the prefecture's and a 述法 report, news and a notice",
                       pager=f"AspNetPager javascript:__doPostBack('ctl00$ContentPlaceHolder1$AspNetPager1','k'); plain "
                       f"List.aspx?ClassID=12&page=k links only inside <noscript> ({n} pages)")
    elif c.adcode == "150222":  # 固阳 (GBK): 信息公开 → 法定主动公开内容 → 其他 → 法治政府建设; 跳转 <select> option values list.aspx?classid=35&page=N
        nav = [("网站首页", "/"), ("信息公开", "/xxgk/Index.aspx"), ("新闻中心", "/News/Index.aspx"), ("办事服务", "/bsfw/Index.aspx")]
        home(x, cards([("信息公开", "/xxgk/Index.aspx")], "home-entry"), nav=nav)
        add_page(x, f"{B}/xxgk/Index.aspx", shell(x, f"信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/xxgk/list.aspx?classid=31"),
                 ("法定主动公开内容", "/xxgk/list.aspx?classid=32"), ("政府信息公开年报", "/xxgk/list.aspx?classid=39")]), [("网站首页", "/"), ("信息公开", None)],
                 nav), stamp(dt.date(2025, 2, 3), "zw7"), validators=None)
        add_page(x, f"{B}/xxgk/list.aspx?classid=32", shell(x, f"法定主动公开内容-{c.name}人民政府", cards([("机构职能", "/xxgk/list.aspx?classid=33"),
                 ("规划计划", "/xxgk/list.aspx?classid=34"), ("其他法定主动公开内容", "/xxgk/list.aspx?classid=36")]),
                 [("网站首页", "/"), ("信息公开", "/xxgk/Index.aspx"), ("法定主动公开内容", None)], nav), stamp(dt.date(2025, 2, 3), "fd7"), validators=None)
        add_page(x, f"{B}/xxgk/list.aspx?classid=36", shell(x, f"其他法定主动公开内容-{c.name}人民政府", cards([("法治政府建设", "/xxgk/list.aspx?classid=35"),
                 ("审计信息", "/xxgk/list.aspx?classid=37")]),
                 [("网站首页", "/"), ("信息公开", "/xxgk/Index.aspx"), ("法定主动公开内容", "/xxgk/list.aspx?classid=32"), ("其他法定主动公开内容", None)], nav),
                 stamp(dt.date(2025, 2, 3), "qt7"), validators=None)
        gknb(x, f"{B}/xxgk/list.aspx?classid=39", lambda a: f"{B}/xxgk/show.aspx?id={idn(x, a)}", [("网站首页", "/"), ("信息公开", "/xxgk/Index.aspx")],
             nav=nav)
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["prov_report"], L["town_report"], L["notice_submit"], L["news_committee"]])
        for a in items:
            x.place(a, f"{B}/xxgk/show.aspx?id={idn(x, a)}")
        cr = [("网站首页", "/"), ("信息公开", "/xxgk/Index.aspx"), ("法定主动公开内容", "/xxgk/list.aspx?classid=32"),
              ("其他法定主动公开内容", "/xxgk/list.aspx?classid=36"), ("法治政府建设", None)]

        def rows(ch):
            return ('<table class="gvList" cellspacing="0" border="0"><tr><th>索引号</th><th>标题</th><th>发布日期</th></tr>' + "".join(
                f'<tr><td>{c.code[:6]}-{a.date.year}-{idn(x, a) % 1000:03d}</td><td><a href="{esc("show.aspx?id=" + str(idn(x, a)))}" '
                f'target="_blank">{esc(a.title)}</a></td><td>{a.date.strftime("%Y/%m/%d")}</td></tr>' for a in ch) + "</table>")
        n = postback_pages(x, lambda k: f"{B}/xxgk/list.aspx?classid=35" + (f"&page={k}" if k > 1 else ""), "法治政府建设", items, 4, cr, rows,
                           ("select", lambda j: f"list.aspx?classid=35&page={j}"), pager_id="ctl00$cphMain$pager", nav=nav)
        x.store.add(f"{B}/xxgk/list.aspx?classid=35&page=1", x.store.bodies[x.store.entries[f"{B}/xxgk/list.aspx?classid=35"]["body"]],
                    lm=stamp(items[0].date, "pb7", 1), validators=None)
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/xxgk/list.aspx?classid=35")], meta_style="gk", nav=nav)
        x.notes.update(depth=4, column="法治政府建设", path="首页→信息公开→法定主动公开内容→其他法定主动公开内容→法治政府建设 (list.aspx?classid=35)",
                       list="GBK ASP.NET page; GridView <table> rows 索引号/标题/发布日期 (dates 2024/03/01); mixed with the 司法局's (2), the "
                       "province's and a township's report, a notice and news",
                       pager=f"__doPostBack('ctl00$cphMain$pager','k'); plain list.aspx?classid=35&page=k only as the option values of the 跳转 "
                       f"<select onchange=\"window.location.href=this.value\"> ({n} pages)")
    else:  # 柳河: /zwgk/fzzfjs.aspx; noscript links written as bare queries ?page=N; 2022 report re-posted in 通知公告
        d = dup_of(x, 2022, f"{B}/zwgk/Detail.aspx?aid={num('dup7', c.adcode, lo=10000, hi=99999)}&cid=3")
        home(x, cards([("政务公开", "/zwgk/Index.aspx")], "home-entry")
             + f'<div class="tzgg"><h3>通知公告</h3><a class="more" href="/zwgk/tzgg.aspx">更多</a><ul><li><a href="{esc(rel_path(d.url))}">'
             f'{esc(d.title)}</a><span>{d.date.isoformat()}</span></li></ul></div>')
        x.place(x.looks["notice_plan"], f"{B}/zwgk/Detail.aspx?aid={idn(x, x.looks['notice_plan'])}&cid=3")
        add_page(x, f"{B}/zwgk/tzgg.aspx", shell(x, f"通知公告-{c.name}人民政府", li_rows(sort_desc([d, x.looks["notice_plan"]])),
                 [("网站首页", "/"), ("通知公告", None)]), stamp(d.date, "tz7"), validators=None)
        for a in (d, x.looks["notice_plan"]):
            article(x, a, [("网站首页", "/"), ("通知公告", "/zwgk/tzgg.aspx")])
        add_page(x, f"{B}/zwgk/Index.aspx", shell(x, f"政务公开-{c.name}人民政府", cards([("通知公告", "/zwgk/tzgg.aspx"), ("法治政府建设", "/zwgk/fzzfjs.aspx"),
                 ("政府信息公开年报", "/zwgk/xxgknb.aspx")]), [("网站首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 3), "zw7"), validators=None)
        gknb(x, f"{B}/zwgk/xxgknb.aspx", lambda a: f"{B}/zwgk/Detail.aspx?aid={idn(x, a)}&cid=9", [("网站首页", "/"), ("政务公开", "/zwgk/Index.aspx")])
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["pref_report"], L["shufa"], L["news_demo"], L["news_meeting"]])
        for a in items:
            x.place(a, f"{B}/zwgk/Detail.aspx?aid={idn(x, a)}&cid=7")
        cr = [("网站首页", "/"), ("政务公开", "/zwgk/Index.aspx"), ("法治政府建设", None)]
        n = postback_pages(x, lambda k: f"{B}/zwgk/fzzfjs.aspx" + (f"?page={k}" if k > 1 else ""), "法治政府建设", items, 4, cr,
                           lambda ch: li_rows(ch, href=lambda u: "Detail.aspx?" + urllib.parse.urlsplit(u).query),
                           ("noscript", lambda j: f"?page={j}", lambda k: "./fzzfjs.aspx" + (f"?page={k}" if k > 1 else "")),
                           pager_id="ctl00$main$Pager1")
        x.store.add(f"{B}/zwgk/fzzfjs.aspx?page=1", x.store.bodies[x.store.entries[f"{B}/zwgk/fzzfjs.aspx"]["body"]],
                    lm=stamp(items[0].date, "pb7", 1), validators=None)
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/fzzfjs.aspx")])
        x.notes.update(depth=2, column="法治政府建设", path="首页→政务公开→法治政府建设 (/zwgk/fzzfjs.aspx)",
                       list="ASP.NET page; rows Detail.aspx?aid=N&cid=7; mixed with the 司法局's, a department's, the prefecture's and a 述法 report "
                       "and news", pager=f"__doPostBack('ctl00$main$Pager1','k'); <noscript> links written as bare queries (href=\"?page=2\") "
                       f"({n} pages)", other="2022 report re-posted in 通知公告 (homepage, /zwgk/tzgg.aspx)")


# ==============================================================================================================
# family 3: loadmore — "加载更多" lists: first rows (or none) server-rendered; the button's data-url points at an
#   HTML-fragment or JSON endpoint (offset/limit or page/size); later batches only from there
# ==============================================================================================================


def lm_li(a, href=None):
    return (f'<li><a href="{esc(href or rel_path(a.url))}" target="_blank">{esc(a.title)}</a>'
            f'<span class="time">{a.date.isoformat()}</span></li>')


def build_loadmore(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    zw = [("政府信息公开指南", "/zwgk/xxgkzn/"), ("政策文件", "/zwgk/zcwj/"), ("政府信息公开年报", "/zwgk/xxgknb/")]
    if c.adcode == "510722":  # 三台: 政务公开 → 法治政府建设; 6 rows + <a data-url="/ajax/list.ashx?cid=88&offset=6&limit=6">; HTML fragments
        home(x, cards([("政务公开", "/zwgk/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards(zw + [("法治政府建设", "/zwgk/fzzfjs/")]), [("首页", "/"), ("政务公开", None)]),
                 stamp(dt.date(2025, 2, 3), "zw7"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/{idn(x, a)}.html", [("首页", "/"), ("政务公开", "/zwgk/")])
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["shufa"], L["news_meeting"],
                                       L["notice_plan"], L["news_demo"]])
        for a in items:
            x.place(a, f"{B}/zwgk/fzzfjs/{a.date.strftime('%Y%m')}/{idn(x, a)}.html")
        per = 6
        batches = chunks(items, per)
        furl = lambda k: f"/ajax/list.ashx?cid=88&offset={k * per}&limit={per}"  # noqa: E731
        for k in range(1, len(batches)):
            more = (f'\n<a class="load-more" href="javascript:;" data-url="{esc(furl(k + 1))}">加载更多</a>' if k + 1 < len(batches) else
                    '\n<span class="no-more">没有更多了</span>')
            x.store.add(B + furl(k), "\n".join(lm_li(a) for a in batches[k]) + more + "\n", lm=stamp(items[0].date, "fr7", k), validators=None)
        main = (f'<div class="col-title">法治政府建设</div>\n<ul class="list" id="listBox">\n' + "\n".join(lm_li(a) for a in batches[0]) + "\n</ul>\n"
                f'<div class="more-box"><a class="load-more" href="javascript:;" data-url="{esc(furl(1))}">加载更多</a></div>\n'
                "<script>\n$(document).on('click', '.load-more', function () {\n  var btn = $(this);\n"
                "  $.get(btn.data('url'), function (html) { btn.parent().remove(); $('#listBox').append(html); });\n});\n</script>")
        cr = [("首页", "/"), ("政务公开", "/zwgk/"), ("法治政府建设", None)]
        add_page(x, f"{B}/zwgk/fzzfjs/", shell(x, f"法治政府建设-{c.name}人民政府", main, cr), stamp(items[0].date, "col7"))
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/fzzfjs/")])
        x.notes.update(depth=2, column="法治政府建设", path="首页→政务公开→法治政府建设 (/zwgk/fzzfjs/)",
                       list=f"first {per} rows server-rendered; a 加载更多 <a data-url=\"/ajax/list.ashx?cid=88&offset=6&limit=6\">; each answer "
                       "is an HTML fragment of <li> rows ending with the next 加载更多 data-url; mixed with the 司法局's, a department's, a "
                       "township's, the prefecture's and a 述法 report, news and a notice", pager=f"{len(batches) - 1} fragments (offset/limit)")
    elif c.adcode == "530326":  # 会泽: 专题专栏 → 法治会泽 → 年度报告 /channel/2031.html; empty list; button data-url JSON page=1&size=5, hasMore
        home(x, cards([("政务公开", "/zwgk/"), ("专题专栏", "/ztzl/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards(zw), [("首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 3), "zw7"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/content/{a.date.strftime('%Y-%m')}/{idn(x, a)}.html", [("首页", "/"), ("政务公开", "/zwgk/")])
        add_page(x, f"{B}/ztzl/", shell(x, f"专题专栏-{c.name}人民政府", cards([("法治会泽", "/channel/2030.html"), ("乡村振兴", "/channel/2040.html")]),
                 [("首页", "/"), ("专题专栏", None)]), stamp(dt.date(2025, 2, 3), "zt7"))
        add_page(x, f"{B}/channel/2030.html", shell(x, f"法治会泽-{c.name}人民政府", cards([("法治动态", "/channel/2032.html"), ("年度报告", "/channel/2031.html"),
                 ("普法宣传", "/channel/2033.html")]), [("首页", "/"), ("专题专栏", "/ztzl/"), ("法治会泽", None)]), stamp(dt.date(2025, 2, 3), "fz7"))
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["prov_report"], L["pref_report"], L["town_report"], L["shufa"]])
        for a in items:
            x.place(a, f"{B}/content/{a.date.strftime('%Y-%m')}/{idn(x, a)}.html")
        per = 5
        pages = chunks(items, per)
        for k, ch in enumerate(pages, 1):
            json_page(x, f"{B}/api/list/more?channelId=2031&page={k}&size={per}", {"code": 0, "page": k, "size": per, "hasMore": k < len(pages),
                      "list": [{"title": a.title, "link": a.url, "pubDate": a.date.strftime("%Y年%m月%d日")} for a in ch]}, items[0].date)
        main = ('<div class="col-title">年度报告</div>\n<ul class="list" id="moreList"></ul>\n'
                f'<button type="button" id="btnMore" class="btn-more" data-url="/api/list/more?channelId=2031&page=1&size={per}" data-page="1">'
                "加载更多</button>\n<script>\n(function () {\n  var btn = document.getElementById('btnMore');\n"
                "  function load() {\n    var p = parseInt(btn.getAttribute('data-page'), 10);\n"
                "    fetch(btn.getAttribute('data-url').replace(/page=\\d+/, 'page=' + p)).then(function (r) { return r.json(); }).then(function (d) {\n"
                "      d.list.forEach(function (it) { var li = document.createElement('li'); li.innerHTML = '<a href=\"' + it.link + '\">' + it.title + "
                "'</a><span>' + it.pubDate + '</span>'; document.getElementById('moreList').appendChild(li); });\n"
                "      btn.setAttribute('data-page', p + 1);\n      if (!d.hasMore) { btn.style.display = 'none'; }\n    });\n  }\n"
                "  btn.addEventListener('click', load);\n  load();\n})();\n</script>")
        cr = [("首页", "/"), ("专题专栏", "/ztzl/"), ("法治会泽", "/channel/2030.html"), ("年度报告", None)]
        add_page(x, f"{B}/channel/2031.html", shell(x, f"年度报告-{c.name}人民政府", main, cr), stamp(dt.date(2024, 5, 6), "col7"))
        for a in items:
            article(x, a, cr[:-1] + [("年度报告", "/channel/2031.html")])
        dyn = sort_desc([L["news_meeting"], L["notice_submit"], L["dept_report"]])
        for a in dyn:
            x.place(a, f"{B}/content/{a.date.strftime('%Y-%m')}/{idn(x, a)}.html")
        add_page(x, f"{B}/channel/2032.html", shell(x, f"法治动态-{c.name}人民政府", li_rows(dyn), cr[:3] + [("法治动态", None)]), stamp(dyn[0].date, "dy7"))
        for a in dyn:
            article(x, a, cr[:3] + [("法治动态", "/channel/2032.html")])
        x.notes.update(depth=3, column="年度报告", path="首页→专题专栏→法治会泽→年度报告 (/channel/2031.html)",
                       list=f"no row in the HTML; <button data-url=\"/api/list/more?channelId=2031&page=1&size={per}\" data-page=\"1\"> and a "
                       "script fetching page=1, 2, … (JSON list[].title/link/pubDate, absolute links, dates 2024年03月01日) while hasMore; mixed "
                       "with the 司法局's (2), the province's, the prefecture's and a township's report and a 述法 report",
                       pager=f"{len(pages)} JSON pages, the next one only while \"hasMore\": true")
    else:  # 宾阳: 法治宾阳 topic → 年度报告 /fzby/ndbg/; 8 rows + data-url /e/action/more.php?classid=27&offset=8&limit=8 → JSON {html, next}
        home(x, '<div class="zt"><a href="/fzby/" title="法治宾阳"><img src="/skin/images/fzby.jpg" alt="法治宾阳专题"></a></div>'
             + cards([("政务公开", "/zwgk/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards(zw), [("首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 3), "zw7"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{a.date.strftime('%Y-%m-%d')}/{idn(x, a)}.html", [("首页", "/"), ("政务公开", "/zwgk/")])
        add_page(x, f"{B}/fzby/", shell(x, f"法治宾阳-{c.name}人民政府", cards([("工作动态", "/fzby/gzdt/"), ("年度报告", "/fzby/ndbg/"),
                 ("以案释法", "/fzby/yasf/")]), [("首页", "/"), ("法治宾阳", None)]), stamp(dt.date(2025, 2, 3), "fz7"))
        d = dup_of(x, 2024, f"{B}/fzby/gzdt/{x.rep(2024).date.strftime('%Y-%m-%d')}/{num('dup7', c.adcode, lo=10000, hi=99999)}.html")
        gz = sort_desc([d, L["news_committee"], L["notice_plan"]])
        for a in (L["news_committee"], L["notice_plan"]):
            x.place(a, f"{B}/fzby/gzdt/{a.date.strftime('%Y-%m-%d')}/{idn(x, a)}.html")
        add_page(x, f"{B}/fzby/gzdt/", shell(x, f"工作动态-{c.name}人民政府", li_rows(gz), [("首页", "/"), ("法治宾阳", "/fzby/"), ("工作动态", None)]),
                 stamp(gz[0].date, "gz7"))
        for a in gz:
            article(x, a, [("首页", "/"), ("法治宾阳", "/fzby/"), ("工作动态", "/fzby/gzdt/")])
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["shufa"], L["news_meeting"],
                                       L["sfj_report2"]])
        for a in items:
            x.place(a, f"{B}/fzby/ndbg/{a.date.strftime('%Y-%m-%d')}/{idn(x, a)}.html")
        per = 4
        batches = chunks(items, per)
        murl = lambda k: f"/e/action/more.php?classid=27&offset={k * per}&limit={per}"  # noqa: E731
        for k in range(1, len(batches)):
            json_page(x, B + murl(k), {"code": 0, "count": len(batches[k]), "html": "".join(lm_li(a) for a in batches[k]),
                                       "next": murl(k + 1) if k + 1 < len(batches) else ""}, items[0].date, slashes=True)
        main = ('<div class="col-title">年度报告</div>\n<ul class="list" id="newslist">\n' + "\n".join(lm_li(a) for a in batches[0]) + "\n</ul>\n"
                f'<div class="loadmore"><a id="loadMore" href="javascript:void(0);" data-url="{esc(murl(1))}">点击加载更多</a></div>\n'
                "<script>\n$('#loadMore').click(function () {\n  var a = $(this), u = a.attr('data-url');\n  if (!u) { return; }\n"
                "  $.getJSON(u, function (r) { $('#newslist').append(r.html); if (r.next) { a.attr('data-url', r.next); } else { a.text('已全部加载').attr('data-url', ''); } });\n"
                "});\n</script>")
        cr = [("首页", "/"), ("法治宾阳", "/fzby/"), ("年度报告", None)]
        add_page(x, f"{B}/fzby/ndbg/", shell(x, f"年度报告-{c.name}人民政府", main, cr), stamp(items[0].date, "col7"))
        for a in items:
            article(x, a, cr[:-1] + [("年度报告", "/fzby/ndbg/")])
        x.notes.update(depth=2, column="年度报告", path="首页 (image link 法治宾阳专题)→法治宾阳 (/fzby/)→年度报告 (/fzby/ndbg/)",
                       list=f"first {per} rows server-rendered; <a data-url=\"/e/action/more.php?classid=27&offset={per}&limit={per}\">点击加载更多; "
                       "each answer is JSON {html: \"<li>…\", next: \"…offset=…\"} (escaped slashes); mixed with the 司法局's (2), a "
                       "department's, a township's, the prefecture's and a 述法 report and news", pager=f"{len(batches) - 1} JSON batches",
                       other="2024 report re-posted in 工作动态 (/fzby/gzdt/)")


# ==============================================================================================================
# family 4: attpage — reports as attachments of short article pages; list titles cut with "…" (full title only in
#   title=); article pages whose title is only in <meta name="ArticleTitle"> / an image caption
# ==============================================================================================================


def att_rows(items, href=rel_path, n=20):
    return '<ul class="list">\n' + "\n".join(
        f'<li><a href="{esc(href(a.url))}" title="{esc(a.title)}" target="_blank">{esc(a.title if len(a.title) <= n else a.title[:n] + "…")}</a>'
        f'<span>{a.date.isoformat()}</span></li>' for a in items) + "\n</ul>"


def att_article(x: Ctx, a: Article, crumbs, style, **kw):
    """style: 'meta' (no visible heading: title only in <title>/<meta ArticleTitle>), 'caption' (title only in a figcaption), 'h1'."""
    t = stamp(a.date, "art7", a.key)
    host = urllib.parse.urlsplit(a.url).hostname
    if style == "meta":
        head = '<div class="art-head"><img src="/images/art_banner.png" alt=""></div>'
        title = f"{x.c.name}人民政府"
    elif style == "caption":
        head = (f'<figure class="art-title"><img src="/uploads/title/{idn(x, a, "img")}.png" alt="">'
                f"<figcaption>{esc(a.title)}</figcaption></figure>")
        title = f"信息公开-{x.c.name}人民政府"
    else:
        head = f"<h1>{esc(a.title)}</h1>"
        title = f"{a.title}-{x.c.name}人民政府"
    if a.attachment:
        body = (f'<p>　　{esc(a.extra.get("att_intro", "现将有关情况予以公开。"))}</p>\n'
                f'<p class="fj">{esc(a.extra["att_lead"])}<a href="{esc(rel_path(a.attachment))}" target="_blank">{esc(a.extra["att_name"])}</a></p>')
    else:
        body = content_html(a)
    ref = "" if style == "h1" else f'<meta name="ArticleTitle" content="{esc(a.title)}">\n'
    main = f"""<div class="article">
{head}
<div class="info">发布日期：{t.strftime("%Y-%m-%d")}　来源：{esc(a.source)}</div>
<div class="content" id="zoom">
{body}
</div>
</div>"""
    add_page(x, a.url, shell(x, title, main, crumbs, head_extra=ref + f'<meta name="PubDate" content="{t.strftime("%Y-%m-%d %H:%M")}">\n', host=host, **kw), t)


def attach7(x: Ctx, a, url, name, lead="附件：", intro=None):
    attach(x, a, url, name=name, lead=lead)
    a.extra["att_intro"] = intro or f"现将《{a.title}》予以公开，全文详见附件。"


def build_attpage(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    if c.adcode == "520328":  # 湄潭: 政府信息公开 → 法定主动公开内容 → 法治政府建设 → 年度报告; every report a .docx, title only in meta
        home(x, cards([("政府信息公开", "/zwgk/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政府信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/xxgkzn/"), ("法定主动公开内容", "/zwgk/fdzdgk/"),
                 ("政府信息公开年报", "/zwgk/xxgknb/")]), [("首页", "/"), ("政府信息公开", None)]), stamp(dt.date(2025, 2, 3), "zw7"))
        add_page(x, f"{B}/zwgk/fdzdgk/", shell(x, f"法定主动公开内容-{c.name}人民政府", cards([("政策文件", "/zwgk/fdzdgk/zcwj/"),
                 ("法治政府建设", "/zwgk/fdzdgk/fzzfjs/"), ("财政信息", "/zwgk/fdzdgk/czxx/")]),
                 [("首页", "/"), ("政府信息公开", "/zwgk/"), ("法定主动公开内容", None)]), stamp(dt.date(2025, 2, 3), "fd7"))
        cr0 = [("首页", "/"), ("政府信息公开", "/zwgk/"), ("法定主动公开内容", "/zwgk/fdzdgk/"), ("法治政府建设", "/zwgk/fdzdgk/fzzfjs/")]
        add_page(x, f"{B}/zwgk/fdzdgk/fzzfjs/", shell(x, f"法治政府建设-{c.name}人民政府", cards([("工作动态", "/zwgk/fdzdgk/fzzfjs/gzdt/"),
                 ("年度报告", "/zwgk/fdzdgk/fzzfjs/ndbg/")]), cr0[:-1] + [("法治政府建设", None)]), stamp(dt.date(2025, 2, 3), "fz7"))
        gki = sort_desc([a for k, a in L.items() if k.startswith("gk")])
        for a in gki:
            x.place(a, f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html")
            attach7(x, a, f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/P0{a.date.strftime('%Y%m%d')}{idn(x, a, 'p')}.docx",
                    f"P0{a.date.strftime('%Y%m%d')}{idn(x, a, 'p')}.docx")
        add_page(x, f"{B}/zwgk/xxgknb/", shell(x, f"政府信息公开年报-{c.name}人民政府", att_rows(gki), [("首页", "/"), ("政府信息公开", "/zwgk/"),
                 ("政府信息公开年报", None)]), stamp(gki[0].date, "nb7"))
        for a in gki:
            att_article(x, a, [("首页", "/"), ("政府信息公开", "/zwgk/"), ("政府信息公开年报", "/zwgk/xxgknb/")], "meta")
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["shufa"]])
        col = f"{B}/zwgk/fdzdgk/fzzfjs/ndbg/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html")
            if a.kind in ("report", "department_report"):
                fn = f"P0{a.date.strftime('%Y%m%d')}{idn(x, a, 'p')}.docx"
                attach7(x, a, f"{col}{a.date.strftime('%Y%m')}/{fn}", fn)
        add_page(x, col, shell(x, f"年度报告-{c.name}人民政府", att_rows(items, href=lambda u: "./" + u.split("/ndbg/", 1)[1], n=16),
                 cr0 + [("年度报告", None)]), stamp(items[0].date, "col7"))
        for a in items:
            att_article(x, a, cr0 + [("年度报告", "/zwgk/fdzdgk/fzzfjs/ndbg/")], "meta")
        gz = sort_desc([L["news_meeting"], L["notice_plan"], L["news_demo"]])
        for a in gz:
            x.place(a, f"{B}/zwgk/fdzdgk/fzzfjs/gzdt/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html")
        add_page(x, f"{B}/zwgk/fdzdgk/fzzfjs/gzdt/", shell(x, f"工作动态-{c.name}人民政府", att_rows(gz, n=16), cr0 + [("工作动态", None)]), stamp(gz[0].date, "gz7"))
        for a in gz:
            att_article(x, a, cr0 + [("工作动态", "/zwgk/fdzdgk/fzzfjs/gzdt/")], "h1")
        x.notes.update(depth=4, column="年度报告", path="首页→政府信息公开→法定主动公开内容→法治政府建设→年度报告",
                       list="list titles cut to 16 characters + \"…\" (full title only in title=); every report (and the 司法局's, a "
                       "department's and a township's report, the 政府信息公开年报) is only a .docx named P0YYYYMMDDNNNNNN.docx linked from a "
                       "short article page that has no visible heading (a banner image; <title> is only the site name): the title is only in <meta name=\"ArticleTitle\">; "
                       "mixed with the prefecture's and a 述法 report", pager="none (one page)")
    elif c.adcode == "360428":  # 都昌: 政务公开 → 法治政府建设; 2 pages; 2 reports via /attach/download.aspx?id=N (no extension)
        home(x, cards([("政府信息公开", "/zwgk/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政府信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/xxgkzn/"), ("法治政府建设", "/zwgk/fzzfjs/"),
                 ("政府信息公开年报", "/zwgk/xxgknb/")]), [("首页", "/"), ("政府信息公开", None)]), stamp(dt.date(2025, 2, 3), "zw7"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/{idn(x, a)}.html", [("首页", "/"), ("政府信息公开", "/zwgk/")])
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["prov_report"], L["town_report"], L["notice_submit"], L["news_committee"],
                                       L["shufa"]])
        col = f"{B}/zwgk/fzzfjs/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m')}/{idn(x, a)}.html")
        for a in [x.rep(2021), x.rep(2024), L["sfj_report"]]:
            aid = num("dl7", c.adcode, a.key, lo=10000, hi=99999)
            attach7(x, a, f"{B}/attach/download.aspx?id={aid}", f"{a.title}.docx", lead="附件下载：")
            x.store.entries[a.attachment]["headers"]["Content-Disposition"] = f"attachment; filename*=UTF-8''{urllib.parse.quote(a.title + '.docx')}"
        cr = [("首页", "/"), ("政府信息公开", "/zwgk/"), ("法治政府建设", None)]
        pages = chunks(items, 6)
        n = len(pages)
        for k, ch in enumerate(pages, 1):
            pg = " ".join(f'<a href="{"index.html" if j == 1 else f"index_{j}.html"}">{j}</a>' if j != k else f"<b>{j}</b>" for j in range(1, n + 1))
            body = shell(x, f"法治政府建设-{c.name}人民政府", '<div class="col-title">法治政府建设</div>\n'
                         + att_rows(ch, href=lambda u: "./" + u.split("/fzzfjs/", 1)[1], n=18) + f'\n<div class="page">{pg}</div>', cr)
            add_page(x, col + ("index.html" if k == 1 else f"index_{k}.html"), body, stamp(items[0].date, "col7", k))
            if k == 1:
                add_page(x, col, body, stamp(items[0].date, "col7", k))
        for a in items:
            att_article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/fzzfjs/")], "h1")
        x.notes.update(depth=2, column="法治政府建设", path="首页→政府信息公开→法治政府建设 (/zwgk/fzzfjs/)",
                       list="list titles cut to 18 characters + \"…\" (full in title=); the 2021 and 2024 reports (and the 司法局's) are only "
                       "attachments at /attach/download.aspx?id=N (no file extension; Content-Type docx, Content-Disposition with the file "
                       "name); mixed with the 司法局's (2), the province's and a township's report, a notice, news and a 述法 report",
                       pager=f"index.html, index_2.html ({n} pages)")
    else:  # 拜城: 政务公开 → 重点领域 → 法治政府建设 /zwgk/zdly/fzzfjs/; titles only in a figcaption; 2 reports .docx ("点击下载")
        home(x, cards([("政府信息公开", "/zwgk/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政府信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/xxgkzn/"), ("重点领域信息公开", "/zwgk/zdly/"),
                 ("政府信息公开年报", "/zwgk/xxgknb/")]), [("首页", "/"), ("政府信息公开", None)]), stamp(dt.date(2025, 2, 3), "zw7"))
        add_page(x, f"{B}/zwgk/zdly/", shell(x, f"重点领域信息公开-{c.name}人民政府", cards([("法治政府建设", "/zwgk/zdly/fzzfjs/"), ("教育信息", "/zwgk/zdly/jyxx/"),
                 ("卫生健康", "/zwgk/zdly/wsjk/")]), [("首页", "/"), ("政府信息公开", "/zwgk/"), ("重点领域信息公开", None)]), stamp(dt.date(2025, 2, 3), "zd7"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/info/{idn(x, a)}.html", [("首页", "/"), ("政府信息公开", "/zwgk/")])
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["pref_report"], L["town_report"], L["notice_plan"], L["news_meeting"]])
        for a in items:
            x.place(a, f"{B}/info/{idn(x, a)}.html")
        for a in [x.rep(2019), x.rep(2023), L["dept_report"]]:
            attach7(x, a, f"{B}/uploadfile/{a.date.year}/{a.date.strftime('%m%d')}/{idn(x, a, 'u')}.docx", "点击下载", lead="附件：",
                    intro="全文请下载附件查看。")
        cr = [("首页", "/"), ("政府信息公开", "/zwgk/"), ("重点领域信息公开", "/zwgk/zdly/"), ("法治政府建设", None)]
        pages = chunks(items, 5)
        n = len(pages)
        for k, ch in enumerate(pages, 1):
            pg = ('<div class="page">' + (f'<a href="?page={k - 1}">上一页</a> ' if k > 1 else "") + f"第{k}页/共{n}页"
                  + (f' <a href="?page={k + 1}">下一页</a>' if k < n else "") + "</div>")
            body = shell(x, f"法治政府建设-{c.name}人民政府", '<div class="col-title">法治政府建设</div>\n' + att_rows(ch, n=15) + "\n" + pg, cr)
            add_page(x, f"{B}/zwgk/zdly/fzzfjs/" + (f"?page={k}" if k > 1 else ""), body, stamp(items[0].date, "col7", k), validators=None)
            if k == 1:
                add_page(x, f"{B}/zwgk/zdly/fzzfjs/?page=1", body, stamp(items[0].date, "col7", k), validators=None)
        for a in items:
            att_article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/zdly/fzzfjs/")], "caption")
        x.notes.update(depth=3, column="法治政府建设", path="首页→政府信息公开→重点领域信息公开→法治政府建设 (/zwgk/zdly/fzzfjs/)",
                       list="list titles cut to 15 characters + \"…\" (full in title=); article pages /info/N.html show the title only in an "
                       "image's <figcaption> (the <title> is generic; also <meta name=\"ArticleTitle\">); the 2019 and 2023 reports (and a "
                       "department's) are only .docx attachments linked as 点击下载; mixed with the 司法局's, a department's, the prefecture's "
                       "and a township's report, a notice and news", pager=f"?page=2 … ({n} pages; prev/next only)")


BUILDERS = {"jpage": build_jpage, "postback": build_postback, "loadmore": build_loadmore, "attpage": build_attpage}

OPTS = {
    "341022": {"styles": {2019: "no_year"}},
    "230127": {"styles": {2020: "no_county"}},
    "510722": {"styles": {2021: "quanwen"}},
    "360428": {"styles": {2022: "cn_year_nianbao"}},
    "652926": {"styles": {2024: "jinzhan"}},
}


# --------------------------------------------------------------------------------------------------------------
# links: families6's extractor (href/src/data-*/<option>/script literals, <base href>, JSON strings, pageCount) plus
#   XML list answers (CDATA record / nextgroup hrefs; page=1 with <totalrecord>/<perpage> → page=2…n) and JSON
#   "hasMore": true on page=K → page=K+1
# --------------------------------------------------------------------------------------------------------------

CDATA_RE = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
TOTAL_RE = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.I)
PERPAGE_RE = re.compile(r"<perpage>\s*(\d+)\s*</perpage>", re.I)
HASMORE_RE = re.compile(r'"hasMore"\s*:\s*true')


def links_of(url: str, text: str, is_js=False, is_json=False, is_xml=False) -> list:
    if is_xml:
        out = []
        for m in CDATA_RE.finditer(text):
            out += f6._links_of5(url, m.group(1))
        t, p = TOTAL_RE.search(text), PERPAGE_RE.search(text)
        if t and p and re.search(r"[?&]page=1(&|$)", url):
            n = math.ceil(int(t.group(1)) / int(p.group(1)))
            out += [re.sub(r"([?&])page=1(&|$)", rf"\g<1>page={k}\g<2>", url, count=1) for k in range(2, n + 1)]
        return out
    out = f6.links_of(url, text, is_js=is_js, is_json=is_json)
    if is_json and HASMORE_RE.search(text):
        m = re.search(r"([?&])page=(\d+)", url)
        if m:
            out.append(url[:m.start()] + f"{m.group(1)}page={int(m.group(2)) + 1}" + url[m.end():])
    return out


def setup():
    setup_mods()
    f5.BUILDERS = BUILDERS
    f5.OPTS = OPTS
    f5.links_of = links_of


def build(out: Path):
    setup()
    ctxs, reports, pages, store, n_stubs = f5.build(out)
    hp = out / "gold/http.json"
    http = json.loads(hp.read_text(encoding="utf-8"))

    def urls_of(x, pred):
        return sorted(u for u, e in store.entries.items() if urllib.parse.urlsplit(u).hostname == x.c.host and pred(u, e))
    ct = lambda e: e["headers"].get("Content-Type", "")  # noqa: E731
    http["json_list_api"] = [{"adcode": x.c.adcode, "county": x.c.name, "how": x.notes.get("list"),
                              "urls": urls_of(x, lambda u, e: ct(e).startswith("application/json"))} for x in ctxs
                             if any(ct(e).startswith("application/json") for u, e in store.entries.items() if x.c.host in u)]
    http["xml_list_api"] = [{"adcode": x.c.adcode, "county": x.c.name, "how": x.notes.get("list"),
                             "urls": urls_of(x, lambda u, e: ct(e).startswith("text/xml"))} for x in ctxs if x.c.family == "jpage"]
    http["html_fragments"] = [{"adcode": x.c.adcode, "county": x.c.name, "urls": urls_of(x, lambda u, e: "/ajax/" in u)} for x in ctxs
                              if x.c.adcode == "510722"]
    http["postback_pagers"] = [{"adcode": x.c.adcode, "county": x.c.name, "how": x.notes.get("pager")} for x in ctxs if x.c.family == "postback"]
    http["extensionless_attachments"] = sorted(u for u, e in store.entries.items() if "Content-Disposition" in e["headers"])
    http["base_href"] = []
    http["script_lists"] = []
    hp.write_text(json.dumps(http, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return ctxs, reports, pages, store, n_stubs


def verify(out: Path) -> list:
    def skip(v, entries):
        path = urllib.parse.urlsplit(v).path
        return bool(f5.STATIC_RE.search(path)) or (path.endswith(".js") and v not in entries)

    def links(u, text, c_t):
        is_xml = c_t.startswith("text/xml")
        if is_xml:
            assert text.startswith(f'<?xml version="1.0" encoding="{"gb2312" if enc_of(urllib.parse.urlsplit(u).hostname) == "gbk" else "utf-8"}"?>'), u
        return links_of(u, text, is_js="javascript" in c_t, is_json="json" in c_t, is_xml=is_xml)

    def reads(c_t):
        return c_t.startswith("text/html") or "javascript" in c_t or "json" in c_t or c_t.startswith("text/xml")

    return fb.verify(out, links, enc_of, skip, reads, years=(2019, 2024), fresh=True)


if __name__ == "__main__":
    fb.main(build, DEFAULT_OUT, verify)
