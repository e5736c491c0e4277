#!/usr/bin/env python3
"""Build tests/fixtures/families9: a recorded-portal set written BLIND by a separate session that did not see the
discovery code, its tests or any scores (blind score: recall 0.436 on main 06495d8 and after discovery round 8); it is
TUNING data of discovery round 9. Four more site shapes of Chinese county portals.

  hashpager  lists paged by `pageNum` in a hash fragment (`#pageNum=2`); the plain URL with `?pageNum=2` also answers
  gonggao    the report is published only as a 公告 / 公示 (the list and page titles are the 公告's); its text is an attachment
  yearcol    yearly 法治政府建设 专栏 under 重点领域信息公开; each year's 专栏 holds blocks / sub-columns
  xhostart   lists on the portal (www.) whose rows link article pages on the 信息公开 subdomain (xxgk.), directly,
             protocol-relative or through a 302

    .venv/bin/python tests/tools/build_families9.py [--out DIR] [--check]

Deterministic (`--check` rebuilds into a temporary folder, compares byte for byte and runs the self-consistency check).
Shared machinery (Store, report derivation and titles, look-alike texts, .docx writer, page shell, placeholder closure) is
imported from tests/tools (families_builder.py, build_families5.py, build_families6.py), read-only.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import re
import sys
import urllib.parse
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
import build_families5 as f5  # noqa: E402
import build_families6 as f6  # noqa: E402
import families_builder as fb  # noqa: E402
from families_builder import Article, County, Ctx, esc, make_docx, num, rel_path, sort_desc, stamp, cut, DOCX_TYPE  # noqa: E402
from build_families5 import add_page, content_html  # noqa: E402
from build_families6 import shell, article, li_rows, home, gknb, cards, dup_of, idn  # noqa: E402

DEFAULT_OUT = TOOLS.parents[1] / "tests/fixtures/families9"

COUNTIES = [
    County("140222", "山西省", "大同市", "天镇县", "www.dttz.gov.cn", "hashpager", [2019, 2020, 2021, 2022, 2023]),
    County("320924", "江苏省", "盐城市", "射阳县", "www.sheyang.gov.cn", "hashpager", [2020, 2021, 2022, 2023, 2024]),
    County("411725", "河南省", "驻马店市", "确山县", "www.queshan.gov.cn", "hashpager", [2019, 2021, 2022, 2024]),
    County("210123", "辽宁省", "沈阳市", "康平县", "www.kangping.gov.cn", "gonggao", [2020, 2021, 2022, 2023, 2024]),
    County("341124", "安徽省", "滁州市", "全椒县", "www.quanjiao.gov.cn", "gonggao", [2019, 2020, 2022, 2023]),
    County("420527", "湖北省", "宜昌市", "秭归县", "www.hbzg.gov.cn", "gonggao", [2019, 2021, 2022, 2023, 2024]),
    County("330624", "浙江省", "绍兴市", "新昌县", "www.zjxc.gov.cn", "yearcol", [2020, 2021, 2022, 2023, 2024]),
    County("350825", "福建省", "龙岩市", "连城县", "www.fjlylc.gov.cn", "yearcol", [2019, 2020, 2021, 2023]),
    County("430424", "湖南省", "衡阳市", "衡东县", "www.hengdong.gov.cn", "yearcol", [2021, 2022, 2023, 2024]),
    County("371329", "山东省", "临沂市", "临沭县", "www.linshu.gov.cn", "xhostart", [2019, 2020, 2021, 2022, 2023]),
    County("511822", "四川省", "雅安市", "荥经县", "www.yingjing.gov.cn", "xhostart", [2020, 2022, 2023, 2024]),
    County("620422", "甘肃省", "白银市", "会宁县", "www.huining.gov.cn", "xhostart", [2019, 2021, 2022, 2023, 2024]),
]
FAMILIES = ["hashpager", "gonggao", "yearcol", "xhostart"]

f5.PROVINCE_PORTAL.update({"山西省": "http://www.shanxi.gov.cn/", "江苏省": "http://www.jiangsu.gov.cn/", "河南省": "http://www.henan.gov.cn/",
                           "辽宁省": "http://www.ln.gov.cn/", "安徽省": "http://www.ah.gov.cn/", "湖北省": "http://www.hubei.gov.cn/",
                           "浙江省": "http://www.zj.gov.cn/", "福建省": "http://www.fujian.gov.cn/", "湖南省": "http://www.hunan.gov.cn/",
                           "山东省": "http://www.shandong.gov.cn/", "四川省": "http://www.sc.gov.cn/", "甘肃省": "http://www.gansu.gov.cn/"})
f5.PREFECTURE_PORTAL.update({"大同市": "http://www.dt.gov.cn/", "盐城市": "http://www.yancheng.gov.cn/", "驻马店市": "http://www.zhumadian.gov.cn/",
                             "沈阳市": "http://www.shenyang.gov.cn/", "滁州市": "http://www.chuzhou.gov.cn/", "宜昌市": "http://www.yichang.gov.cn/",
                             "绍兴市": "http://www.sx.gov.cn/", "龙岩市": "http://www.longyan.gov.cn/", "衡阳市": "http://www.hengyang.gov.cn/",
                             "临沂市": "http://www.linyi.gov.cn/", "雅安市": "http://www.yaan.gov.cn/", "白银市": "http://www.baiyin.gov.cn/"})
f5.ICP.update({"山西": "晋", "江苏": "苏", "河南": "豫", "辽宁": "辽", "安徽": "皖", "湖北": "鄂", "浙江": "浙", "福建": "闽", "湖南": "湘",
               "山东": "鲁", "四川": "蜀", "甘肃": "陇"})
TOWNS = {"140222": "玉泉镇", "320924": "合德镇", "411725": "盘龙街道", "210123": "胜利街道", "341124": "襄河镇", "420527": "茅坪镇",
         "330624": "南明街道", "350825": "莲峰镇", "430424": "城关镇", "371329": "临沭街道", "511822": "严道街道", "620422": "会师镇"}
GBK_HOSTS = {"www.quanjiao.gov.cn"}

f6.NAV.update({
    "hashpager": [("首页", "/index.html"), ("政务公开", "/zwgk/index.html"), ("新闻中心", "/xwzx/index.html"), ("政务服务", "/zwfw/index.html"),
                  ("互动交流", "/hdjl/index.html")],
    "gonggao": [("网站首页", "/"), ("政务公开", "/zwgk/"), ("新闻动态", "/xwdt/"), ("办事服务", "/bsfw/"), ("政民互动", "/zmhd/")],
    "yearcol": [("首页", "/"), ("政府信息公开", "/xxgk/"), ("新闻中心", "/xwzx/"), ("政务服务", "/zwfw/"), ("互动交流", "/hdjl/")],
    "xhostart": [("首页", "/"), ("政务公开", "/zwgk/"), ("新闻资讯", "/xwzx/"), ("办事服务", "/bsfw/"), ("公众参与", "/gzcy/")],
})


def setup_mods():
    f5.TOWNS = TOWNS
    f5.GBK_HOSTS = GBK_HOSTS
    f6.GBK_HOSTS = GBK_HOSTS
    f5.COUNTIES = COUNTIES


def enc_of(host):
    return "gbk" if host in GBK_HOSTS else "utf-8"


def chunks(items, per):
    return [items[i:i + per] for i in range(0, len(items), per)] or [[]]


def ym(a):
    return a.date.strftime("%Y%m")


def trs_name(x, a, salt=""):
    return f"t{a.date.strftime('%Y%m%d')}_{num('t9', x.c.adcode, a.key, a.title, salt, lo=1000000, hi=9999999)}"


def items_of(x, keys):
    return sort_desc(x.reports + [x.looks[k] for k in keys])


ZW = stamp(dt.date(2025, 2, 11), "zw9")


# ==============================================================================================================
# family 1: hashpager — the pager's links are hash fragments (#pageNum=k); a script reads location.hash and swaps the
#   rows in; the server also answers the plain URL with ?pageNum=k (the page a browser would show)
# ==============================================================================================================

HASH_JS = """<script type="text/javascript">
function showPage() {{
  var m = location.hash.match(/pageNum=(\\d+)/), p = m ? parseInt(m[1], 10) : 1;
  $.get({src}, function (h) {{ $('#listBox').html($(h).find('#listBox').html()); $('#pager').html($(h).find('#pager').html()); }});
}}
window.onhashchange = showPage;
if (location.hash) {{ showPage(); }}
</script>"""


def hash_pager(k, n, frag):
    parts = []
    if k > 1:
        parts += [f'<a href="#{frag(1)}">首页</a>', f'<a href="#{frag(k - 1)}">上一页</a>']
    for j in range(1, n + 1):
        parts.append(f'<span class="current">{j}</span>' if j == k else f'<a href="#{frag(j)}">{j}</a>')
    if k < n:
        parts += [f'<a href="#{frag(k + 1)}">下一页</a>', f'<a href="#{frag(n)}">尾页</a>']
    return f'<div class="pagination" id="pager">{" ".join(parts)} <em>共{n}页</em></div>'


def hp_list(x: Ctx, title, items, per, crumbs, urls_of_page, frag, src_js, rows, salt, dynamic=False):
    pages = chunks(items, per)
    n = len(pages)
    for k, ch in enumerate(pages, 1):
        main = (f'<div class="col-title">{esc(title)}</div>\n<div id="listBox">\n{rows(ch)}\n</div>\n{hash_pager(k, n, frag)}\n'
                + HASH_JS.format(src=src_js))
        body = shell(x, f"{title}-{x.c.name}人民政府", main, crumbs)
        for u in urls_of_page(k):
            add_page(x, u, body, stamp(items[0].date, salt, k), validators=None if dynamic else "nginx")
    return n


def table_rows(items, href=rel_path, n=None):
    return ('<table class="list-table"><tr><th>序号</th><th>标题</th><th>发布日期</th></tr>\n' + "\n".join(
        f'<tr><td>{i}</td><td class="bt"><a href="{href(a.url)}" target="_blank" title="{esc(a.title)}">{esc(cut(a.title, n) if n else a.title)}</a></td>'
        f'<td>{a.date.isoformat()}</td></tr>' for i, a in enumerate(items, 1)) + "\n</table>")


def build_hashpager(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    if c.adcode == "140222":  # 天镇: 政务公开 → 法定主动公开内容 → 法治政府建设 /zwgk/fdzdgknr/fzzfjs/index.html, #pageNum=k, 6 a page
        home(x, cards([("政务公开", "/zwgk/index.html"), ("政府信息公开年报", "/zwgk/xxgknb/index.html")], "home-entry"))
        add_page(x, f"{B}/index.html", shell(x, f"{c.name}人民政府", '<p><a href="/">进入首页</a></p>'), stamp(dt.date(2025, 6, 26), "hi9"))
        cr0 = [("首页", "/index.html"), ("政务公开", "/zwgk/index.html")]
        add_page(x, f"{B}/zwgk/index.html", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/xxgkzn/index.html"),
                 ("法定主动公开内容", "/zwgk/fdzdgknr/index.html"), ("政府信息公开年报", "/zwgk/xxgknb/index.html")]), [("首页", "/index.html"), ("政务公开", None)]), ZW)
        add_page(x, f"{B}/zwgk/fdzdgknr/index.html", shell(x, f"法定主动公开内容-{c.name}人民政府", cards([("机构职能", "/zwgk/fdzdgknr/jgzn/index.html"),
                 ("规划计划", "/zwgk/fdzdgknr/ghjh/index.html"), ("法治政府建设", "/zwgk/fdzdgknr/fzzfjs/index.html"), ("财政信息", "/zwgk/fdzdgknr/czxx/index.html")]),
                 cr0 + [("法定主动公开内容", None)]), ZW)
        gknb(x, f"{B}/zwgk/xxgknb/index.html", lambda a: f"{B}/zwgk/xxgknb/{ym(a)}/{trs_name(x, a)}.html", cr0)
        items = items_of(x, ["sfj_report", "dept_report", "town_report", "pref_report", "shufa", "news_meeting", "notice_plan", "notice_submit"])
        col = f"{B}/zwgk/fdzdgknr/fzzfjs/"
        for a in items:
            x.place(a, f"{col}{ym(a)}/{trs_name(x, a)}.html")
        cr = cr0 + [("法定主动公开内容", "/zwgk/fdzdgknr/index.html"), ("法治政府建设", None)]
        n = hp_list(x, "法治政府建设", items, 6, cr, lambda k: ([f"{col}index.html"] if k == 1 else []) + [f"{col}index.html?pageNum={k}"], lambda k: f"pageNum={k}",
                    "location.pathname + '?pageNum=' + p", lambda ch: li_rows(ch, href=lambda u: "./" + u.split("/fzzfjs/", 1)[1]), "col9")
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/fdzdgknr/fzzfjs/index.html")], meta_style="gk")
        x.notes.update(depth=3, column="法治政府建设", path="首页→政务公开→法定主动公开内容→法治政府建设 (/zwgk/fdzdgknr/fzzfjs/index.html)",
                       list="rows ./YYYYMM/tYYYYMMDD_N.html; mixed with the 司法局's, a department's, a township's, the prefecture's and a 述法 "
                       "report, news and two notices", pager=f"{n} pages: pager links only #pageNum=k (a script swaps the rows in); "
                       "index.html?pageNum=k answers the same page")
    elif c.adcode == "320924":  # 射阳: Hanweb-like /col/col3341/index.html?uid=12961&pageNum=1; #pageNum=k, 5 a page; dup in 通知公告
        d = dup_of(x, 2022, f"{B}/art/{x.rep(2022).date.year}/{x.rep(2022).date.month}/{x.rep(2022).date.day}/art_3302_{num('dup9', c.adcode, lo=100000, hi=999999)}.html")
        home(x, cards([("政府信息公开", "/col/col3300/index.html"), ("通知公告", "/col/col3302/index.html")], "home-entry"))
        add_page(x, f"{B}/index.html", shell(x, f"{c.name}人民政府", '<p><a href="/">进入首页</a></p>'), stamp(dt.date(2025, 6, 26), "hi9"))
        cr0 = [("首页", "/index.html"), ("政府信息公开", "/col/col3300/index.html")]
        add_page(x, f"{B}/col/col3300/index.html", shell(x, f"政府信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/col/col3301/index.html"),
                 ("重点领域信息公开", "/col/col3320/index.html"), ("政府信息公开年报", "/col/col3309/index.html")]), [("首页", "/index.html"), ("政府信息公开", None)]), ZW)
        add_page(x, f"{B}/col/col3320/index.html", shell(x, f"重点领域信息公开-{c.name}人民政府", cards([("财政预决算", "/col/col3321/index.html?uid=12961&pageNum=1"),
                 ("法治政府建设", "/col/col3341/index.html?uid=12961&pageNum=1"), ("生态环境", "/col/col3322/index.html?uid=12961&pageNum=1")]),
                 cr0 + [("重点领域信息公开", None)]), ZW)
        x.place(L["notice_submit"], f"{B}/art/{L['notice_submit'].date.year}/{L['notice_submit'].date.month}/{L['notice_submit'].date.day}/art_3302_{idn(x, L['notice_submit'])}.html")
        add_page(x, f"{B}/col/col3302/index.html", shell(x, f"通知公告-{c.name}人民政府", li_rows(sort_desc([d, L["notice_submit"]])), [("首页", "/index.html"), ("通知公告", None)]),
                 stamp(max(d.date, L["notice_submit"].date), "tz9"))
        for a in (d, L["notice_submit"]):
            article(x, a, [("首页", "/index.html"), ("通知公告", "/col/col3302/index.html")])
        gknb(x, f"{B}/col/col3309/index.html", lambda a: f"{B}/art/{a.date.year}/{a.date.month}/{a.date.day}/art_3309_{idn(x, a)}.html", cr0)
        items = items_of(x, ["sfj_report", "sfj_report2", "town_report", "prov_report", "news_committee", "notice_plan"])
        for a in items:
            x.place(a, f"{B}/art/{a.date.year}/{a.date.month}/{a.date.day}/art_3341_{idn(x, a)}.html")
        colu = f"{B}/col/col3341/index.html"
        cr = cr0 + [("重点领域信息公开", "/col/col3320/index.html"), ("法治政府建设", None)]
        n = hp_list(x, "法治政府建设", items, 5, cr, lambda k: [f"{colu}?uid=12961&pageNum={k}"], lambda k: f"pageNum={k}",
                    "location.pathname + '?uid=12961&pageNum=' + p", lambda ch: li_rows(ch), "col9")
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/col/col3341/index.html?uid=12961&pageNum=1")])
        x.notes.update(depth=3, column="法治政府建设", path="首页→政府信息公开→重点领域信息公开→法治政府建设 (/col/col3341/index.html?uid=12961&pageNum=1)",
                       list="Hanweb-like /art/Y/M/D/art_3341_N.html rows; mixed with the 司法局's (2), a township's and the province's report, "
                       "news and a notice; the 2022 report re-posted in 通知公告 (/col/col3302/index.html)",
                       pager=f"{n} pages: pager links only #pageNum=k; index.html?uid=12961&pageNum=k answers (the bare index.html is never linked)")
    else:  # 确山: 信息公开 → 法治政府建设 → 年度报告 /xxgk/list.jsp?catid=27; #pageNum=k&pageSize=5; dynamic; table rows
        home(x, cards([("信息公开", "/xxgk/index.html")], "home-entry"))
        add_page(x, f"{B}/index.html", shell(x, f"{c.name}人民政府", '<p><a href="/">进入首页</a></p>'), stamp(dt.date(2025, 6, 26), "hi9"))
        cr0 = [("首页", "/index.html"), ("信息公开", "/xxgk/index.html")]
        add_page(x, f"{B}/xxgk/index.html", shell(x, f"信息公开-{c.name}人民政府", cards([("政府信息公开制度", "/xxgk/list.jsp?catid=11"),
                 ("法治政府建设", "/xxgk/fzzfjs.html"), ("政府信息公开年报", "/xxgk/list.jsp?catid=19")]), [("首页", "/index.html"), ("信息公开", None)]), ZW)
        add_page(x, f"{B}/xxgk/fzzfjs.html", shell(x, f"法治政府建设-{c.name}人民政府", cards([("工作动态", "/xxgk/list.jsp?catid=26"),
                 ("年度报告", "/xxgk/list.jsp?catid=27"), ("制度文件", "/xxgk/list.jsp?catid=28")]), cr0 + [("法治政府建设", None)]), ZW)
        gknb(x, f"{B}/xxgk/list.jsp?catid=19", lambda a: f"{B}/xxgk/show.jsp?catid=19&id={idn(x, a)}", cr0)
        items = items_of(x, ["sfj_report", "dept_report", "town_report", "pref_report", "prov_report", "shufa"])
        for a in items:
            x.place(a, f"{B}/xxgk/show.jsp?catid=27&id={idn(x, a)}")
        cr = cr0 + [("法治政府建设", "/xxgk/fzzfjs.html"), ("年度报告", None)]
        colu = f"{B}/xxgk/list.jsp?catid=27"
        n = hp_list(x, "年度报告", items, 5, cr, lambda k: ([colu] if k == 1 else []) + [f"{colu}&pageNum={k}&pageSize=5"],
                    lambda k: f"pageNum={k}&amp;pageSize=5", "'list.jsp?catid=27&pageNum=' + p + '&pageSize=5'",
                    lambda ch: table_rows(ch, n=20), "col9", dynamic=True)
        for a in items:
            article(x, a, cr[:-1] + [("年度报告", "/xxgk/list.jsp?catid=27")], meta_style="gk")
        x.notes.update(depth=3, column="年度报告", path="首页→信息公开→法治政府建设→年度报告 (/xxgk/list.jsp?catid=27)",
                       list="<table> rows 序号/标题/发布日期, titles cut to 20 characters + \"...\" (full in title=), articles show.jsp?catid=27&id=N; "
                       "mixed with the 司法局's, a department's, a township's, the prefecture's and the province's report and a 述法 report",
                       pager=f"{n} pages: pager links only #pageNum=k&pageSize=5; list.jsp?catid=27&pageNum=k&pageSize=5 answers (dynamic)")


# ==============================================================================================================
# family 2: gonggao — the report is published only as a 公告/公示: list and page titles are the 公告's, the report's text
#   is the attachment (.docx); look-alikes are wrapped the same way
# ==============================================================================================================

def gg_title(x: Ctx, a: Article, style):
    if style == "gongkai":
        return f"关于公开《{a.title}》的公告"
    if style == "gongbu":
        return f"{x.c.name}人民政府办公室关于公布《{a.title}》的通知"
    return f"{a.title}（公示）" if "关于" in a.title else f"关于{a.title}的公示"


GG_INTRO = {
    "gongkai": "根据《法治政府建设与责任落实督察工作规定》有关要求，现将《{t}》予以公开，接受社会监督。",
    "gongbu": "各乡（镇）人民政府，县政府各部门：经县人民政府同意，现将《{t}》予以公布。",
    "gongshi": "按照法治政府建设年度报告制度要求，现将有关情况予以公示，公示期内如有意见建议，请向县司法局反映。",
}


def gg_page(x: Ctx, a: Article, crumbs, style="gongkai", att_url=None, att_name=None, lead="附件：", **kw):
    """A 公告 page; with `att_url` the article's text is only the attachment."""
    shown = gg_title(x, a, style) if att_url else a.title
    a.extra["shown_title"] = shown
    if att_url:
        f5.attach(x, a, att_url, name=att_name or f"{a.title}.docx", lead=lead)
        body = f'<p>　　{esc(GG_INTRO[style].format(t=a.title))}</p>\n' + content_html(a) + f'\n<p style="text-align: right;">{esc(x.c.name)}人民政府办公室</p>'
    else:
        body = content_html(a)
    t = stamp(a.date, "gg9", a.key)
    main = (f'<div class="article"><h1>{esc(shown)}</h1>\n<div class="info"><span>发布日期：{a.date.isoformat()}</span><span>来源：{esc(a.source)}</span></div>\n'
            f'<div class="content" id="zoom">\n{body}\n</div></div>')
    add_page(x, a.url, shell(x, shown, main, crumbs, **kw), t)


def gg_rows(items, href=rel_path, table=False):
    st = lambda a: a.extra.get("shown_title", a.title)  # noqa: E731
    if table:
        return ('<table class="gk-list"><tr><th>标题</th><th>发布日期</th></tr>\n' + "\n".join(
            f'<tr><td><a href="{href(a.url)}" target="_blank" title="{esc(st(a))}">{esc(st(a))}</a></td><td>{a.date.strftime("%Y年%m月%d日")}</td></tr>'
            for a in items) + "\n</table>")
    return li_rows(items, href=href, title_fn=st)


def jiedu(x: Ctx) -> Article:
    """A 政策解读 of the latest report (news about it: its title names the report's in 《》, as the 公告s do)."""
    r = x.rep(max(x.c.years))
    lines = [f"《{r.title}》政策解读",
             f"一、起草背景。按照法治政府建设年度报告制度要求，县司法局在总结{r.year}年全县法治政府建设工作的基础上起草了该报告。",
             "二、起草过程。报告起草过程中广泛征求了各乡镇、县直各部门意见，经县政府常务会议审议通过。",
             "三、主要内容。报告包括主要举措和成效、存在的不足、党政主要负责人履行推进法治建设第一责任人职责情况、下一年度工作安排等部分。",
             f"解读机关：{x.c.name}司法局"]
    a = Article(x.c, "news", f"关于《{r.title}》的政策解读", r.date + dt.timedelta(days=1), lines, source=f"{x.c.name}司法局", key="jiedu")
    x.looks["jiedu"] = a
    return a


ATTACHED = ("report", "department_report", "prefecture_report", "other_annual_report")


def build_gonggao(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    jiedu(x)
    if c.adcode == "210123":  # 康平: 政务公开 → 通知公告 /zwgk/tzgg/ (depth 2), TRS index.html, index_1.html, index_2.html; P0….docx
        home(x, cards([("政务公开", "/zwgk/"), ("通知公告", "/zwgk/tzgg/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/xxgkzn/"), ("通知公告", "/zwgk/tzgg/"),
                 ("政策文件", "/zwgk/zcwj/"), ("政府信息公开年报", "/zwgk/xxgknb/")]), [("首页", "/"), ("政务公开", None)]), ZW)
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{ym(a)}/{trs_name(x, a)}.html", [("首页", "/"), ("政务公开", "/zwgk/")])
        items = items_of(x, ["sfj_report", "dept_report", "town_report", "pref_report", "shufa", "notice_plan", "notice_submit", "news_meeting", "jiedu"])
        col = f"{B}/zwgk/tzgg/"
        cr = [("首页", "/"), ("政务公开", "/zwgk/"), ("通知公告", "/zwgk/tzgg/")]
        for a in items:
            x.place(a, f"{col}{ym(a)}/{trs_name(x, a)}.html")
            if a.kind in ATTACHED:
                fn = f"P0{a.date.strftime('%Y%m%d')}{num('p9', c.adcode, a.key, lo=100000000, hi=999999999)}.docx"
                gg_page(x, a, cr, "gongkai", f"{col}{ym(a)}/{fn}", f"{a.title}.docx")
            else:
                gg_page(x, a, cr)
        pages = chunks(items, 6)
        n = len(pages)
        for k, ch in enumerate(pages):
            name = "index.html" if k == 0 else f"index_{k}.html"
            script = f'<script type="text/javascript">createPageHTML({n}, {k}, "index", "html");</script>'
            body = shell(x, f"通知公告-{c.name}人民政府", '<div class="col-title">通知公告</div>\n'
                         + gg_rows(ch, href=lambda u: "./" + u.split("/tzgg/", 1)[1]) + f'\n<div class="page">{script}</div>', cr[:-1] + [("通知公告", None)])
            add_page(x, col + name, body, stamp(items[0].date, "col9", k))
            if k == 0:
                add_page(x, col, body, stamp(items[0].date, "col9", k))
        x.notes.update(depth=2, column="通知公告", path="首页→政务公开→通知公告 (/zwgk/tzgg/)",
                       list="every report (and the 司法局's, a department's, a township's, the prefecture's and a 述法 report) is only the .docx "
                       "attachment (P0YYYYMMDDN.docx) of a 公告 titled 关于公开《…》的公告; mixed with two notices, news and a 政策解读 titled 关于《<report title>》的政策解读",
                       pager=f"{n} pages index.html, index_1.html … written by createPageHTML({n}, k, \"index\", \"html\")")
    elif c.adcode == "341124":  # 全椒 (GBK): 信息公开 → 法定主动公开内容 → 公告公示 /xxgk/fdzdgk/gggs/ (depth 3), table, ?page=k; /group1/M00/….docx
        home(x, cards([("信息公开", "/xxgk/"), ("工作动态", "/xwdt/gzdt/")], "home-entry"))
        cr0 = [("首页", "/"), ("信息公开", "/xxgk/")]
        add_page(x, f"{B}/xxgk/", shell(x, f"信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/xxgk/xxgkzn/"), ("法定主动公开内容", "/xxgk/fdzdgk/"),
                 ("政府信息公开年报", "/xxgk/xxgknb/")]), [("首页", "/"), ("信息公开", None)]), ZW)
        add_page(x, f"{B}/xxgk/fdzdgk/", shell(x, f"法定主动公开内容-{c.name}人民政府", cards([("机构职能", "/xxgk/fdzdgk/jgzn/"), ("政策文件", "/xxgk/fdzdgk/zcwj/"),
                 ("公告公示", "/xxgk/fdzdgk/gggs/"), ("人事信息", "/xxgk/fdzdgk/rsxx/")]), cr0 + [("法定主动公开内容", None)]), ZW)
        gknb(x, f"{B}/xxgk/xxgknb/", lambda a: f"{B}/xxgk/xxgknb/{idn(x, a)}.html", cr0)
        d = dup_of(x, 2023, f"{B}/xwdt/gzdt/{num('dup9', c.adcode, lo=100000, hi=999999)}.html")
        x.place(L["news_demo"], f"{B}/xwdt/gzdt/{idn(x, L['news_demo'])}.html")
        add_page(x, f"{B}/xwdt/gzdt/", shell(x, f"工作动态-{c.name}人民政府", li_rows(sort_desc([d, L["news_demo"]])), [("首页", "/"), ("工作动态", None)]),
                 stamp(max(d.date, L["news_demo"].date), "gz9"))
        article(x, d, [("首页", "/"), ("工作动态", "/xwdt/gzdt/")])
        article(x, L["news_demo"], [("首页", "/"), ("工作动态", "/xwdt/gzdt/")])
        items = items_of(x, ["sfj_report", "sfj_report2", "prov_report", "town_report", "notice_submit", "news_committee", "shufa", "jiedu"])
        cr = cr0 + [("法定主动公开内容", "/xxgk/fdzdgk/"), ("公告公示", "/xxgk/fdzdgk/gggs/")]
        for a in items:
            x.place(a, f"{B}/xxgk/fdzdgk/gggs/{idn(x, a)}.html")
            if a.kind in ATTACHED:
                hx = fb.h("fdfs", c.adcode, a.key)
                gg_page(x, a, cr, "gongbu", f"{B}/group1/M00/{hx[:2].upper()}/{hx[2:4].upper()}/rBA{hx[4:20]}.docx", f"{a.title}.docx", lead="附件：")
            else:
                gg_page(x, a, cr)
        pages = chunks(items, 5)
        n = len(pages)
        for k, ch in enumerate(pages, 1):
            pg = " ".join(f'<a href="?page={j}">{j}</a>' if j != k else f"<b>{j}</b>" for j in range(1, n + 1))
            body = shell(x, f"公告公示-{c.name}人民政府", '<div class="col-title">公告公示</div>\n' + gg_rows(ch, table=True)
                         + f'\n<div class="page">{pg}</div>', cr[:-1] + [("公告公示", None)])
            for u in ([f"{B}/xxgk/fdzdgk/gggs/"] if k == 1 else []) + [f"{B}/xxgk/fdzdgk/gggs/?page={k}"]:
                add_page(x, u, body, stamp(items[0].date, "col9", k), validators=None)
        x.notes.update(depth=3, column="公告公示", path="首页→信息公开→法定主动公开内容→公告公示 (/xxgk/fdzdgk/gggs/)",
                       list="<table> rows 标题/发布日期 (2024年03月05日); every report (and the 司法局's (2), the province's and a township's and a "
                       "述法 report) only as a .docx under /group1/M00/…/rBA….docx attached to a 通知 titled …关于公布《…》的通知; mixed with a notice, a 政策解读 "
                       "and news; the 2023 report re-posted (HTML) in 工作动态 /xwdt/gzdt/", pager=f"?page=k ({n} pages, dynamic)")
    else:  # 秭归: 政府信息公开 → 其他法定主动公开内容 → 法治政府建设 (depth 3); 公示 titles without 《》, attachment link text 附件下载
        home(x, cards([("政府信息公开", "/zwgk/")], "home-entry"))
        cr0 = [("首页", "/"), ("政府信息公开", "/zwgk/")]
        add_page(x, f"{B}/zwgk/", shell(x, f"政府信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/zn/"), ("其他法定主动公开内容", "/zwgk/qtfdgk/"),
                 ("政府信息公开年报", "/zwgk/nb/")]), [("首页", "/"), ("政府信息公开", None)]), ZW)
        add_page(x, f"{B}/zwgk/qtfdgk/", shell(x, f"其他法定主动公开内容-{c.name}人民政府", cards([("法治政府建设", "/zwgk/qtfdgk/fzzfjs/"),
                 ("安全生产", "/zwgk/qtfdgk/aqsc/"), ("审计信息", "/zwgk/qtfdgk/sjxx/")]), cr0 + [("其他法定主动公开内容", None)]), ZW)
        gknb(x, f"{B}/zwgk/nb/", lambda a: f"{B}/zwgk/nb/{ym(a)}/{trs_name(x, a)}.shtml", cr0)
        items = items_of(x, ["sfj_report", "dept_report", "pref_report", "town_report", "shufa", "news_meeting", "notice_plan", "jiedu"])
        col = f"{B}/zwgk/qtfdgk/fzzfjs/"
        cr = cr0 + [("其他法定主动公开内容", "/zwgk/qtfdgk/"), ("法治政府建设", "/zwgk/qtfdgk/fzzfjs/")]
        for a in items:
            x.place(a, f"{col}{ym(a)}/{trs_name(x, a)}.shtml")
            if a.kind in ATTACHED:
                gg_page(x, a, cr, "gongshi", f"{col}{ym(a)}/W0{a.date.strftime('%Y%m%d')}{num('w9', c.adcode, a.key, lo=100000, hi=999999)}.docx",
                        "附件下载", lead="")
            else:
                gg_page(x, a, cr)
        pages = chunks(items, 7)
        n = len(pages)
        for k, ch in enumerate(pages, 1):
            pg = " ".join(f'<a href="{"index.shtml" if j == 1 else f"index_{j}.shtml"}">{j}</a>' if j != k else f"<b>{j}</b>" for j in range(1, n + 1))
            body = shell(x, f"法治政府建设-{c.name}人民政府", '<div class="col-title">法治政府建设</div>\n'
                         + gg_rows(ch, href=lambda u: "./" + u.split("/fzzfjs/", 1)[1]) + f'\n<div class="page">{pg}</div>', cr[:-1] + [("法治政府建设", None)])
            add_page(x, col + ("index.shtml" if k == 1 else f"index_{k}.shtml"), body, stamp(items[0].date, "col9", k))
            if k == 1:
                add_page(x, col, body, stamp(items[0].date, "col9", k))
        x.notes.update(depth=3, column="法治政府建设", path="首页→政府信息公开→其他法定主动公开内容→法治政府建设 (/zwgk/qtfdgk/fzzfjs/)",
                       list="every report (and the 司法局's, a department's, the prefecture's, a township's and a 述法 report) only as a .docx "
                       "(W0….docx, link text 附件下载) of a 公示 titled 关于<title>的公示 (or <title>（公示）); mixed with news, a notice and a 政策解读 (关于《…》的政策解读)",
                       pager=f"index.shtml, index_2.shtml ({n} pages)")


# ==============================================================================================================
# family 3: yearcol — 重点领域信息公开 → 法治政府建设 → one 专栏 per year; the report sits in that year's 专栏
# ==============================================================================================================

def yc_block(title, items, more=None, href=rel_path):
    head = f'<div class="blk-hd"><h3>{esc(title)}</h3>' + (f'<a class="more" href="{more}">更多&gt;&gt;</a>' if more else "") + "</div>"
    rows = "".join(f'<li><a href="{href(a.url)}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a><span>{a.date.isoformat()}</span></li>'
                   for a in items) or '<li class="empty">暂无信息</li>'
    return f'<div class="blk">{head}<ul>{rows}</ul></div>'


def build_yearcol(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    if c.adcode == "330624":  # 新昌: 政府信息公开 → 重点领域 → 法治政府建设 → {Y}年度专栏 with blocks 年度报告 / 工作动态 / 文件通知 (by report year)
        home(x, cards([("政府信息公开", "/xxgk/")], "home-entry"))
        cr0 = [("首页", "/"), ("政府信息公开", "/xxgk/")]
        add_page(x, f"{B}/xxgk/", shell(x, f"政府信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/xxgk/xxgkzn/"), ("重点领域信息公开", "/xxgk/zdly/"),
                 ("政府信息公开年报", "/xxgk/ndbg/")]), [("首页", "/"), ("政府信息公开", None)]), ZW)
        add_page(x, f"{B}/xxgk/zdly/", shell(x, f"重点领域信息公开-{c.name}人民政府", cards([("财政预决算", "/xxgk/zdly/czyjs/"), ("法治政府建设", "/xxgk/zdly/fzzfjs/"),
                 ("食品药品安全", "/xxgk/zdly/spyp/"), ("生态环境", "/xxgk/zdly/sthj/")]), cr0 + [("重点领域信息公开", None)]), ZW)
        gknb(x, f"{B}/xxgk/ndbg/", lambda a: f"{B}/xxgk/ndbg/art_{idn(x, a)}.html", cr0)
        cr1 = cr0 + [("重点领域信息公开", "/xxgk/zdly/"), ("法治政府建设", "/xxgk/zdly/fzzfjs/")]
        years = sorted(c.years, reverse=True)
        by_year = {y: {"bg": [x.rep(y)], "dt": [], "wj": []} for y in years}
        ly = max(c.years)
        by_year[ly]["bg"] += [L["sfj_report"], L["town_report"]]
        by_year[ly - 1]["bg"] += [L["dept_report"], L["sfj_report2"]]
        by_year[ly]["dt"] += [L["news_meeting"], L["news_demo"]]
        by_year[ly]["wj"] += [L["notice_plan"], L["notice_submit"]]
        by_year[ly - 1]["bg"] += [L["pref_report"]]
        zl = lambda y: f"/xxgk/zdly/fzzfjs/{y}nd/"  # noqa: E731
        add_page(x, f"{B}/xxgk/zdly/fzzfjs/", shell(x, f"法治政府建设-{c.name}人民政府", '<div class="col-title">法治政府建设</div>\n'
                 + cards([(f"{y}年度法治政府建设专栏", zl(y)) for y in years], "zl-list"), cr1[:-1] + [("法治政府建设", None)]), ZW)
        for y in years:
            blocks = by_year[y]
            for key, arts in blocks.items():
                for a in arts:
                    x.place(a, f"{B}{zl(y)}{key}/art_{idn(x, a)}.html")
            crz = cr1 + [(f"{y}年度专栏", zl(y))]
            main = (f'<div class="zl-banner"><img src="/static/images/fzzf_banner.jpg" alt="{y}年度法治政府建设专栏"></div>\n'
                    + yc_block("年度报告", sort_desc(blocks["bg"]), f"{zl(y)}bg/") + yc_block("工作动态", sort_desc(blocks["dt"]), f"{zl(y)}dt/")
                    + yc_block("文件通知", sort_desc(blocks["wj"]), f"{zl(y)}wj/"))
            add_page(x, f"{B}{zl(y)}", shell(x, f"{y}年度法治政府建设专栏-{c.name}人民政府", main, cr1 + [(f"{y}年度专栏", None)]), stamp(dt.date(y + 1, 4, 1), "zl9"))
            for key, name in (("bg", "年度报告"), ("dt", "工作动态"), ("wj", "文件通知")):
                arts = sort_desc(blocks[key])
                add_page(x, f"{B}{zl(y)}{key}/", shell(x, f"{name}-{c.name}人民政府", f'<div class="col-title">{y}年度 {name}</div>\n' + (li_rows(arts) if arts else
                         '<p>暂无信息</p>'), crz + [(name, None)]), stamp(dt.date(y + 1, 4, 2), "zlb9", key))
                for a in arts:
                    article(x, a, crz + [(name, f"{zl(y)}{key}/")])
        x.notes.update(depth=4, column="{Y}年度法治政府建设专栏 › 年度报告", path="首页→政府信息公开→重点领域信息公开→法治政府建设→{Y}年度专栏 (/xxgk/zdly/fzzfjs/{Y}nd/)",
                       list="one 专栏 per report year; each 专栏 page shows blocks 年度报告 / 工作动态 / 文件通知 (with 更多 lists); the latest two years' "
                       "年度报告 blocks also hold the 司法局's (2), a department's, a township's and the prefecture's report", pager="none")
    elif c.adcode == "350825":  # 连城: 政务公开 → 重点领域 → 法治政府建设 (latest year inline, 往年 links in a sidebar), folders by publication year
        home(x, cards([("政府信息公开", "/xxgk/")], "home-entry"))
        cr0 = [("首页", "/"), ("政府信息公开", "/xxgk/")]
        add_page(x, f"{B}/xxgk/", shell(x, f"政府信息公开-{c.name}人民政府", cards([("法定主动公开内容", "/xxgk/fdzdgknr/"), ("政府信息公开年报", "/xxgk/xxgknb/")]),
                 [("首页", "/"), ("政府信息公开", None)]), ZW)
        add_page(x, f"{B}/xxgk/fdzdgknr/", shell(x, f"法定主动公开内容-{c.name}人民政府", cards([("重点领域信息公开", "/xxgk/fdzdgknr/zdly/"), ("政策文件", "/xxgk/fdzdgknr/zcwj/")]),
                 cr0 + [("法定主动公开内容", None)]), ZW)
        add_page(x, f"{B}/xxgk/fdzdgknr/zdly/", shell(x, f"重点领域信息公开-{c.name}人民政府", cards([("法治政府建设", "/xxgk/fdzdgknr/zdly/fzzf/"),
                 ("环境保护", "/xxgk/fdzdgknr/zdly/hjbh/")]), cr0 + [("法定主动公开内容", "/xxgk/fdzdgknr/"), ("重点领域信息公开", None)]), ZW)
        gknb(x, f"{B}/xxgk/xxgknb/", lambda a: f"{B}/xxgk/xxgknb/{ym(a)}/{trs_name(x, a)}.htm", cr0)
        items = items_of(x, ["sfj_report", "sfj_report2", "dept_report", "town_report", "prov_report", "shufa", "news_committee", "notice_submit"])
        pubyears = sorted({a.date.year for a in items}, reverse=True)
        cr1 = cr0 + [("法定主动公开内容", "/xxgk/fdzdgknr/"), ("重点领域信息公开", "/xxgk/fdzdgknr/zdly/"), ("法治政府建设", "/xxgk/fdzdgknr/zdly/fzzf/")]
        for a in items:
            x.place(a, f"{B}/xxgk/fdzdgknr/zdly/fzzf/{a.date.year}/{ym(a)}/{trs_name(x, a)}.htm")
        side = '<div class="side"><h4>往年专栏</h4><ul>' + "".join(f'<li><a href="/xxgk/fdzdgknr/zdly/fzzf/{y}/index.htm">{y}年</a></li>' for y in pubyears) + "</ul></div>"
        latest = sort_desc([a for a in items if a.date.year == pubyears[0]])
        add_page(x, f"{B}/xxgk/fdzdgknr/zdly/fzzf/", shell(x, f"法治政府建设-{c.name}人民政府", side + f'<div class="col-title">{pubyears[0]}年</div>\n'
                 + li_rows(latest, href=lambda u: "./" + u.split("/fzzf/", 1)[1]), cr1[:-1] + [("法治政府建设", None)]), stamp(latest[0].date, "lc9"))
        for y in pubyears:
            ya = sort_desc([a for a in items if a.date.year == y])
            add_page(x, f"{B}/xxgk/fdzdgknr/zdly/fzzf/{y}/index.htm", shell(x, f"{y}年-法治政府建设-{c.name}人民政府", side + f'<div class="col-title">{y}年</div>\n'
                     + li_rows(ya, href=lambda u: "./" + u.split(f"/fzzf/{y}/", 1)[1]), cr1 + [(f"{y}年", None)]), stamp(ya[0].date, "ly9"))
            for a in ya:
                article(x, a, cr1 + [(f"{y}年", f"/xxgk/fdzdgknr/zdly/fzzf/{y}/index.htm")], meta_style="gk")
        x.notes.update(depth=5, column="法治政府建设 › {Y}年", path="首页→政府信息公开→法定主动公开内容→重点领域信息公开→法治政府建设→{Y}年 (/xxgk/fdzdgknr/zdly/fzzf/{Y}/index.htm)",
                       list=f"folders by publication year ({', '.join(map(str, pubyears))}); the column page shows only the latest year's rows "
                       "and a 往年专栏 sidebar; mixed with the 司法局's (2), a department's, a township's, the province's and a 述法 report, "
                       "news and a notice", pager="none (one folder per year)")
    else:  # 衡东: 政务公开 → 重点领域信息公开 → 法治政府建设专栏 → {Y}年度 → 年度报告 / 述法报告 / 工作动态 (depth 5)
        home(x, cards([("政务公开", "/xxgk/")], "home-entry"))
        cr0 = [("首页", "/"), ("政务公开", "/xxgk/")]
        add_page(x, f"{B}/xxgk/", shell(x, f"政务公开-{c.name}人民政府", cards([("重点领域信息公开", "/xxgk/zdlyxxgk/"), ("政府信息公开年报", "/xxgk/ndbg/")]),
                 [("首页", "/"), ("政务公开", None)]), ZW)
        add_page(x, f"{B}/xxgk/zdlyxxgk/", shell(x, f"重点领域信息公开-{c.name}人民政府", cards([("法治政府建设专栏", "/xxgk/zdlyxxgk/fzzfjszl/"),
                 ("乡村振兴", "/xxgk/zdlyxxgk/xczx/"), ("公共资源配置", "/xxgk/zdlyxxgk/ggzypz/")]), cr0 + [("重点领域信息公开", None)]), ZW)
        gknb(x, f"{B}/xxgk/ndbg/", lambda a: f"{B}/xxgk/ndbg/content_{idn(x, a)}.html", cr0)
        cr1 = cr0 + [("重点领域信息公开", "/xxgk/zdlyxxgk/"), ("法治政府建设专栏", "/xxgk/zdlyxxgk/fzzfjszl/")]
        years = sorted(c.years, reverse=True)
        ly = years[0]
        subs = {y: {"ndbg": [x.rep(y)], "sfbg": [], "gzdt": []} for y in years}
        subs[ly]["ndbg"] += [L["sfj_report"], L["town_report"], L["pref_report"]]
        subs[years[1]]["ndbg"] += [L["sfj_report2"], L["dept_report"]]
        subs[ly]["sfbg"] += [L["shufa"]]
        subs[ly]["gzdt"] += [L["news_meeting"], L["notice_plan"]]
        names = {"ndbg": "年度报告", "sfbg": "述法报告", "gzdt": "工作动态"}
        yd = lambda y: f"/xxgk/zdlyxxgk/fzzfjszl/{y}/"  # noqa: E731
        add_page(x, f"{B}/xxgk/zdlyxxgk/fzzfjszl/", shell(x, f"法治政府建设专栏-{c.name}人民政府", '<div class="col-title">法治政府建设专栏</div>\n'
                 + cards([(f"{y}年度", yd(y)) for y in years], "year-list"), cr1[:-1] + [("法治政府建设专栏", None)]), ZW)
        for y in years:
            cry = cr1 + [(f"{y}年度", yd(y))]
            add_page(x, f"{B}{yd(y)}", shell(x, f"{y}年度-{c.name}人民政府", cards([(n, f"{yd(y)}{k}/") for k, n in names.items()], "sub-cols"),
                     cr1 + [(f"{y}年度", None)]), stamp(dt.date(y + 1, 3, 1), "yd9"))
            for k, n in names.items():
                arts = sort_desc(subs[y][k])
                for a in arts:
                    x.place(a, f"{B}{yd(y)}{k}/content_{idn(x, a)}.html")
                add_page(x, f"{B}{yd(y)}{k}/", shell(x, f"{n}-{c.name}人民政府", f'<div class="col-title">{n}</div>\n' + (li_rows(arts) if arts else "<p>暂无信息</p>"),
                         cry + [(n, None)]), stamp(dt.date(y + 1, 3, 2), "ydk9", k))
                for a in arts:
                    article(x, a, cry + [(n, f"{yd(y)}{k}/")])
        x.notes.update(depth=5, column="法治政府建设专栏 › {Y}年度 › 年度报告",
                       path="首页→政务公开→重点领域信息公开→法治政府建设专栏→{Y}年度→年度报告 (/xxgk/zdlyxxgk/fzzfjszl/{Y}/ndbg/)",
                       list="one 年度 page per report year with three sub-columns (年度报告, 述法报告, 工作动态); the two latest years' 年度报告 also "
                       "hold the 司法局's (2), a department's, a township's and the prefecture's report", pager="none")


# ==============================================================================================================
# family 4: xhostart — the list is on the portal, its rows link article pages on the 信息公开 subdomain xxgk.<domain>
# ==============================================================================================================

def xh_host(c: County):
    return "xxgk." + c.host.split(".", 1)[1]


def xh_article(x: Ctx, a: Article, list_url: str):
    c = x.c
    W = f"http://{c.host}"
    X = f"http://{xh_host(c)}"
    nav = [("门户首页", f"{W}/"), ("信息公开首页", f"{X}/"), ("信息公开指南", f"{X}/openness/guide/"), ("依申请公开", f"{X}/openness/apply/")]
    crumbs = [("首页", f"{X}/"), ("法定主动公开内容", f"{X}/openness/fdzdgk/"), ("信息浏览", None)]
    article(x, a, crumbs, meta_style="gk", nav=nav, foot_links=[("返回列表", list_url)])


def xh_home(x: Ctx):
    c = x.c
    X = f"http://{xh_host(c)}"
    for path, title in (("/", "政府信息公开"), ("/openness/fdzdgk/", "法定主动公开内容")):
        main = cards([("政府信息公开指南", "/openness/guide/"), ("法定主动公开内容", "/openness/fdzdgk/"), ("依申请公开", "/openness/apply/"),
                      ("返回门户网站", f"http://{c.host}/")])
        add_page(x, X + path, shell(x, f"{title}-{c.name}人民政府", main, [("首页", "/"), (title, None)] if path != "/" else (),
                 nav=[("门户首页", f"http://{c.host}/"), ("信息公开首页", "/")]), ZW)


def build_xhostart(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    X = f"http://{xh_host(c)}"
    x.notes["sibling"] = xh_host(c)
    xh_home(x)
    if c.adcode == "371329":  # 临沭: 政务公开 → 法治政府建设 /zwgk/fzzfjs/ (depth 2), rows http://xxgk…/openness/detail/content/<24 hex>.html
        home(x, cards([("政务公开", "/zwgk/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开", X + "/"), ("法治政府建设", "/zwgk/fzzfjs/"),
                 ("政府信息公开年报", "/zwgk/xxgknb/")]), [("首页", "/"), ("政务公开", None)]), ZW)
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{ym(a)}/{idn(x, a)}.html", [("首页", "/"), ("政务公开", "/zwgk/")])
        items = items_of(x, ["sfj_report", "dept_report", "town_report", "pref_report", "shufa", "news_meeting", "notice_plan"])
        for a in items:
            x.place(a, f"{X}/openness/detail/content/{fb.h('oid', c.adcode, a.key)[:24]}.html")
        cr = [("首页", "/"), ("政务公开", "/zwgk/"), ("法治政府建设", None)]
        pages = chunks(items, 6)
        n = len(pages)
        for k, ch in enumerate(pages, 1):
            pg = " ".join(f'<a href="{"index.html" if j == 1 else f"index_{j}.html"}">{j}</a>' if j != k else f"<b>{j}</b>" for j in range(1, n + 1))
            body = shell(x, f"法治政府建设-{c.name}人民政府", '<div class="col-title">法治政府建设</div>\n' + li_rows(ch, href=lambda u: u)
                         + f'\n<div class="page">{pg}</div>', cr)
            add_page(x, f"{B}/zwgk/fzzfjs/" + ("index.html" if k == 1 else f"index_{k}.html"), body, stamp(items[0].date, "col9", k))
            if k == 1:
                add_page(x, f"{B}/zwgk/fzzfjs/", body, stamp(items[0].date, "col9", k))
        for a in items:
            xh_article(x, a, f"{B}/zwgk/fzzfjs/")
        x.notes.update(depth=2, column="法治政府建设", path="首页→政务公开→法治政府建设 (www /zwgk/fzzfjs/)",
                       list=f"rows link absolute http://{xh_host(c)}/openness/detail/content/<24 hex>.html (the 信息公开 subdomain; the same 网站标识码 "
                       "footer); mixed with the 司法局's, a department's, a township's, the prefecture's and a 述法 report, news and a notice",
                       pager=f"index.html, index_2.html ({n} pages)")
    elif c.adcode == "511822":  # 荥经: 政务公开 → 重点领域 → 法治政府建设 /zwgk/zdly/fzzf/list.html?page=k; protocol-relative //xxgk… rows
        home(x, cards([("政务公开", "/zwgk/"), ("通知公告", "/xwzx/tzgg/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards([("重点领域信息公开", "/zwgk/zdly/"), ("政府信息公开年报", "/zwgk/xxgknb/")]),
                 [("首页", "/"), ("政务公开", None)]), ZW)
        add_page(x, f"{B}/zwgk/zdly/", shell(x, f"重点领域信息公开-{c.name}人民政府", cards([("法治政府建设", "/zwgk/zdly/fzzf/list.html"),
                 ("教育信息", "/zwgk/zdly/jyxx/list.html"), ("扶贫信息", "/zwgk/zdly/fpxx/list.html")]), [("首页", "/"), ("政务公开", "/zwgk/"), ("重点领域信息公开", None)]), ZW)
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{idn(x, a)}.html", [("首页", "/"), ("政务公开", "/zwgk/")])
        d = dup_of(x, 2023, f"{B}/xwzx/tzgg/{idn(x, x.rep(2023), 'dup')}.html")
        add_page(x, f"{B}/xwzx/tzgg/", shell(x, f"通知公告-{c.name}人民政府", li_rows([d]), [("首页", "/"), ("通知公告", None)]), stamp(d.date, "tz9"))
        article(x, d, [("首页", "/"), ("通知公告", "/xwzx/tzgg/")])
        items = items_of(x, ["sfj_report", "sfj_report2", "prov_report", "town_report", "news_committee", "notice_submit"])
        for a in items:
            x.place(a, f"{X}/xxgk/zdly/fzzf/{a.date.strftime('%Y%m')}/{idn(x, a)}.html")
        cr = [("首页", "/"), ("政务公开", "/zwgk/"), ("重点领域信息公开", "/zwgk/zdly/"), ("法治政府建设", None)]
        pages = chunks(items, 5)
        n = len(pages)
        for k, ch in enumerate(pages, 1):
            pg = ('<div class="page">' + (f'<a href="list.html?page={k - 1}">上一页</a> ' if k > 1 else "") + f"第{k}页 共{n}页"
                  + (f' <a href="list.html?page={k + 1}">下一页</a>' if k < n else "") + "</div>")
            body = shell(x, f"法治政府建设-{c.name}人民政府", '<div class="col-title">法治政府建设</div>\n'
                         + table_rows(ch, href=lambda u: "//" + u.split("://", 1)[1]) + "\n" + pg, cr)
            for u in ([f"{B}/zwgk/zdly/fzzf/list.html"] if k == 1 else []) + [f"{B}/zwgk/zdly/fzzf/list.html?page={k}"]:
                add_page(x, u, body, stamp(items[0].date, "col9", k), validators=None)
        for a in items:
            xh_article(x, a, f"{B}/zwgk/zdly/fzzf/list.html")
        x.notes.update(depth=3, column="法治政府建设", path="首页→政务公开→重点领域信息公开→法治政府建设 (www /zwgk/zdly/fzzf/list.html)",
                       list=f"<table> rows linking protocol-relative //{xh_host(c)}/xxgk/zdly/fzzf/YYYYMM/N.html; mixed with the 司法局's (2), "
                       "the province's and a township's report, news and a notice; the 2023 report re-posted in 通知公告 (www)",
                       pager=f"list.html?page=k prev/next ({n} pages, dynamic)")
    else:  # 会宁: 信息公开 → 法定主动公开 → 法治政府建设 /zwgk/list.aspx?cid=64 rows show.aspx?id=N answering 302 → xxgk article
        home(x, cards([("信息公开", "/zwgk/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"信息公开-{c.name}人民政府", cards([("法定主动公开内容", "/zwgk/fdzdgk.html"), ("政府信息公开年报", "/zwgk/list.aspx?cid=9")]),
                 [("首页", "/"), ("信息公开", None)]), ZW)
        add_page(x, f"{B}/zwgk/fdzdgk.html", shell(x, f"法定主动公开内容-{c.name}人民政府", cards([("政策文件", "/zwgk/list.aspx?cid=61"),
                 ("法治政府建设", "/zwgk/list.aspx?cid=64"), ("人事信息", "/zwgk/list.aspx?cid=66")]), [("首页", "/"), ("信息公开", "/zwgk/"), ("法定主动公开内容", None)]), ZW)
        gknb(x, f"{B}/zwgk/list.aspx?cid=9", lambda a: f"{B}/zwgk/show.aspx?id={idn(x, a)}", [("首页", "/"), ("信息公开", "/zwgk/")])
        items = items_of(x, ["sfj_report", "dept_report", "town_report", "pref_report", "shufa", "news_meeting", "notice_plan", "news_demo"])
        for a in items:
            x.place(a, f"{X}/content/{a.date.year}/{idn(x, a)}.html")
            x.store.add(f"{B}/zwgk/show.aspx?id={idn(x, a)}", None, status=302, location=a.url)
        cr = [("首页", "/"), ("信息公开", "/zwgk/"), ("法定主动公开内容", "/zwgk/fdzdgk.html"), ("法治政府建设", None)]
        pages = chunks(items, 7)
        n = len(pages)
        for k, ch in enumerate(pages, 1):
            pg = " ".join(f'<a href="list.aspx?cid=64&amp;page={j}">{j}</a>' if j != k else f"<b>{j}</b>" for j in range(1, n + 1))
            rows = "\n".join(f'<li><a href="show.aspx?id={idn(x, a)}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a>'
                             f'<span>{a.date.strftime("%Y/%m/%d")}</span></li>' for a in ch)
            body = shell(x, f"法治政府建设-{c.name}人民政府", f'<div class="col-title">法治政府建设</div>\n<ul class="list">\n{rows}\n</ul>\n<div class="page">{pg}</div>', cr)
            for u in ([f"{B}/zwgk/list.aspx?cid=64"] if k == 1 else []) + [f"{B}/zwgk/list.aspx?cid=64&page={k}"]:
                add_page(x, u, body, stamp(items[0].date, "col9", k), validators=None)
        for a in items:
            xh_article(x, a, f"{B}/zwgk/list.aspx?cid=64")
        x.notes.update(depth=3, column="法治政府建设", path="首页→信息公开→法定主动公开内容→法治政府建设 (www /zwgk/list.aspx?cid=64)",
                       list=f"rows show.aspx?id=N on www answer 302 → http://{xh_host(c)}/content/YYYY/N.html; dates 2024/03/05; mixed with "
                       "the 司法局's, a department's, a township's, the prefecture's and a 述法 report, news (2) and a notice",
                       pager=f"list.aspx?cid=64&page=k ({n} pages, dynamic)")


BUILDERS = {"hashpager": build_hashpager, "gonggao": build_gonggao, "yearcol": build_yearcol, "xhostart": build_xhostart}

OPTS = {
    "411725": {"styles": {2019: "no_year"}},
    "341124": {"styles": {2020: "no_county"}},
    "430424": {"styles": {2022: "cn_year_nianbao"}},
    "511822": {"styles": {2024: "quanwen"}},
}


# --------------------------------------------------------------------------------------------------------------
# links: families6's extractor plus hash pagers: a `#pageNum=k[&name=v…]` in a page also names the page's own URL with
#   those query parameters set (the plain URL a server answers for the hash page)
# --------------------------------------------------------------------------------------------------------------

HASH_RE = re.compile(r"#(pageNum=\d+(?:&[A-Za-z]\w*=[\w%]*)*)")


def hash_pages(url: str, text: str) -> list:
    out = []
    s = urllib.parse.urlsplit(url.split("#", 1)[0])
    q0 = urllib.parse.parse_qsl(s.query, keep_blank_values=True)
    for m in HASH_RE.finditer(html.unescape(text)):
        params = urllib.parse.parse_qsl(m.group(1), keep_blank_values=True)
        keys = {k for k, _ in params}
        q = [(k, v) for k, v in q0 if k not in keys] + params
        out.append(urllib.parse.urlunsplit((s.scheme, s.netloc, s.path, urllib.parse.urlencode(q, safe="/"), "")))
    return out


def links_of(url: str, text: str, is_js=False, is_json=False) -> list:
    out = f6.links_of(url, text, is_js=is_js, is_json=is_json)
    if not (is_js or is_json):
        out += hash_pages(url, text)
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
    for s in http["sibling_hosts"]:
        s["why"] = "article pages on the 信息公开 subdomain, linked from lists on the portal (www.)"
    http["hash_pagers"] = [{"adcode": x.c.adcode, "county": x.c.name, "how": x.notes.get("pager"),
                            "plain_urls": sorted(u for u in store.entries if urllib.parse.urlsplit(u).hostname == x.c.host and "pageNum=" in u)}
                           for x in ctxs if x.c.family == "hashpager"]
    http["gonggao_titles"] = [{"report_id": a.report_id, "shown_title": a.extra.get("shown_title")} for x in ctxs if x.c.family == "gonggao"
                              for a in sorted(x.reports, key=lambda a: a.year)]
    http["redirects_to_sibling"] = sorted(u for u, e in store.entries.items() if e["status"] == 302)
    http["base_href"] = []
    http["script_lists"] = []
    hp.write_text(json.dumps(http, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return ctxs, reports, pages, store, n_stubs


def verify(out: Path) -> list:
    def skip(v, entries):
        path = urllib.parse.urlsplit(v).path
        return bool(f5.STATIC_RE.search(path)) or (path.endswith(".js") and v not in entries)

    errs = fb.verify(out, lambda u, text, ct: links_of(u, text, is_js="javascript" in ct, is_json="json" in ct), enc_of, skip,
                     lambda ct: ct.startswith("text/html") or "javascript" in ct or "json" in ct)
    reports = [json.loads(ln) for ln in open(out / "gold/reports.jsonl", encoding="utf-8")]
    for g in reports:
        if not 2019 <= g["report_year"] <= 2024:
            errs.append(f"{g['report_id']}: year out of range")
    used = set()
    for p in list((TOOLS.parents[1] / "tests/fixtures").glob("*/counties.csv")):
        if p.parent.name == out.name or p.parent.resolve() == out.resolve():
            continue
        used |= {r["adcode"] for r in csv.DictReader(open(p, encoding="utf-8"))}
    for row in csv.DictReader(open(out / "counties.csv", encoding="utf-8")):
        if row["adcode"] in used:
            errs.append(f"{row['county']} ({row['adcode']}) is used by an earlier set")
    # no placeholder stands in for a page a hash pager names (those are recorded list pages)
    man = [json.loads(line) for line in open(out / "manifest.jsonl", encoding="utf-8")]
    def bare(u):
        return re.sub(r"[?&](pageNum|pageSize)=[^&]*", "", u)
    lists = {bare(e["url"]) for e in man if e["note"] != "placeholder" and "pageNum=" in e["url"]}
    for e in man:
        if e["note"] == "placeholder" and bare(e["url"]) in lists:
            errs.append(f"hash page only a placeholder: {e['url']}")
    return errs


if __name__ == "__main__":
    fb.main(build, DEFAULT_OUT, verify)
