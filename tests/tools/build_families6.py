#!/usr/bin/env python3
"""Build tests/fixtures/families6 (written as a held-out set by a separate session that did not see the discovery
code; it became the tuning set of discovery round 6): recorded portals of four more site shapes of Chinese county
portals.

    .venv/bin/python tests/tools/build_families6.py [--out DIR] [--check]

Deterministic: a rebuild is byte-identical (`--check` builds into a temporary folder and compares, then runs the
self-consistency checks). The shared machinery (Store, Article, report-text derivation, look-alike texts, .docx
writer, report titles, placeholder closure, writing and checking a set) is imported from build_families5.py /
families_builder.py; the site
shapes are new. Report bodies are the bundled snapshot's gold report texts with the source county's names replaced.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_families5 as f5  # noqa: E402
import families_builder as fb  # noqa: E402

from build_families5 import add_page, attach, content_html, footer, home_news  # noqa: E402
from families_builder import (Article, County, Ctx, esc, num, rel_path, sort_desc, stamp)  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "tests/fixtures/families6"

COUNTIES = [
    # jsonlist: the column page holds only a list-URL template in a script variable; rows come from a GET JSON list
    County("130227", "河北省", "唐山市", "迁西县", "www.qianxi.gov.cn", "jsonlist", [2020, 2021, 2022, 2023, 2024]),
    County("141026", "山西省", "临汾市", "安泽县", "www.anze.gov.cn", "jsonlist", [2019, 2021, 2022, 2023]),
    County("341323", "安徽省", "宿州市", "灵璧县", "www.lingbi.gov.cn", "jsonlist", [2019, 2020, 2022, 2023, 2024]),
    # sitemap: the 法治政府建设 column is linked only from the 网站地图 page
    County("371322", "山东省", "临沂市", "郯城县", "www.tancheng.gov.cn", "sitemap", [2020, 2021, 2022, 2023, 2024]),
    County("411522", "河南省", "信阳市", "光山县", "www.guangshan.gov.cn", "sitemap", [2019, 2020, 2021, 2023]),
    County("430422", "湖南省", "衡阳市", "衡南县", "www.hengnan.gov.cn", "sitemap", [2019, 2021, 2022, 2023, 2024]),
    # relurl: .shtml / .jhtml articles, 302 column folders, ../../ hrefs, <base href>, a www. vs bare host mismatch
    County("350923", "福建省", "宁德市", "屏南县", "www.pingnan.gov.cn", "relurl", [2019, 2020, 2021, 2022, 2024]),
    County("360723", "江西省", "赣州市", "大余县", "www.jxdy.gov.cn", "relurl", [2020, 2021, 2022, 2023]),
    County("441226", "广东省", "肇庆市", "德庆县", "www.gddq.gov.cn", "relurl", [2019, 2021, 2022, 2023, 2024]),
    # typetabs: a 信息公开 column split by 文件 / 公告 / 报告 tabs addressed by a ?type= parameter
    County("610222", "陕西省", "铜川市", "宜君县", "www.yijun.gov.cn", "typetabs", [2020, 2021, 2022, 2023, 2024]),
    County("620723", "甘肃省", "张掖市", "临泽县", "www.gslz.gov.cn", "typetabs", [2019, 2020, 2022, 2023]),
    County("640323", "宁夏回族自治区", "吴忠市", "盐池县", "www.yanchi.gov.cn", "typetabs", [2019, 2020, 2021, 2022, 2024]),
]
FAMILIES = ["jsonlist", "sitemap", "relurl", "typetabs"]

f5.PROVINCE_PORTAL.update({"河北省": "http://www.hebei.gov.cn/", "山西省": "http://www.shanxi.gov.cn/", "安徽省": "http://www.ah.gov.cn/",
                           "山东省": "http://www.shandong.gov.cn/", "河南省": "http://www.henan.gov.cn/", "湖南省": "http://www.hunan.gov.cn/",
                           "福建省": "http://www.fujian.gov.cn/", "江西省": "http://www.jiangxi.gov.cn/", "广东省": "http://www.gd.gov.cn/",
                           "陕西省": "http://www.shaanxi.gov.cn/", "甘肃省": "http://www.gansu.gov.cn/", "宁夏回族自治区": "http://www.nx.gov.cn/"})
f5.PREFECTURE_PORTAL.update({"唐山市": "http://www.tangshan.gov.cn/", "临汾市": "http://www.linfen.gov.cn/", "宿州市": "http://www.ahsz.gov.cn/",
                             "临沂市": "http://www.linyi.gov.cn/", "信阳市": "http://www.xinyang.gov.cn/", "衡阳市": "http://www.hengyang.gov.cn/",
                             "宁德市": "http://www.ningde.gov.cn/", "赣州市": "http://www.ganzhou.gov.cn/", "肇庆市": "http://www.zhaoqing.gov.cn/",
                             "铜川市": "http://www.tongchuan.gov.cn/", "张掖市": "http://www.zhangye.gov.cn/", "吴忠市": "http://www.wuzhong.gov.cn/"})
f5.ICP.update({"河北": "冀", "湖南": "湘", "江西": "赣", "广东": "粤", "陕西": "陕", "甘肃": "陇", "宁夏": "宁"})
TOWNS = {"130227": "兴城镇", "141026": "府城镇", "341323": "灵城镇", "371322": "郯城街道", "411522": "紫水街道", "430422": "云集街道",
         "350923": "古峰镇", "360723": "南安镇", "441226": "德城街道", "610222": "宜阳街道", "620723": "沙河镇", "640323": "花马池镇"}
GBK_HOSTS = {"www.hengnan.gov.cn"}
BARE = {"441226": "gddq.gov.cn"}  # 德庆: the 法治德庆 column lives on the bare host


def setup_f5():
    f5.TOWNS = TOWNS
    f5.GBK_HOSTS = GBK_HOSTS
    f5.COUNTIES = COUNTIES


def enc_of(host):
    return "gbk" if host in GBK_HOSTS else "utf-8"


def idn(x, a, salt=""):
    return num("id6", x.c.adcode, a.key, a.title, salt, lo=100000, hi=999999)


# --------------------------------------------------------------------------------------------------------------
# one page shell per family (markup differs), articles
# --------------------------------------------------------------------------------------------------------------

NAV = {
    "jsonlist": [("首页", "/"), ("政务公开", "/zwgk/"), ("新闻中心", "/xwzx/"), ("政务服务", "/zwfw/"), ("互动交流", "/hdjl/")],
    "sitemap": [("首页", "/"), ("走进{s}", "/zjxx/"), ("政务公开", "/zwgk/"), ("新闻动态", "/xwdt/"), ("政民互动", "/zmhd/")],
    "relurl": [("网站首页", "/"), ("政务公开", "/zwgk/"), ("新闻资讯", "/xwzx/"), ("办事服务", "/bsfw/"), ("公众参与", "/gzcy/")],
    "typetabs": [("首页", "/"), ("信息公开", "/xxgk/"), ("要闻动态", "/ywdt/"), ("政务服务", "/zwfw/"), ("互动交流", "/hdjl/")],
}


def shell(x: Ctx, title, main, crumbs=(), nav=None, base=None, head_extra="", host=None, top_links=None, foot_links=None,
          href_fn=None):
    c = x.c
    fam = c.family
    hf = href_fn or (lambda u: u)
    nav = nav if nav is not None else [(t.format(s=c.short), u) for t, u in NAV[fam]]
    enc = enc_of(host or c.host)
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' if enc == "gbk" else '<meta charset="utf-8">'
    crumb = ""
    if crumbs:
        crumb = '<div class="position">当前位置：' + " &gt; ".join(
            f'<a href="{hf(u)}">{esc(t)}</a>' if u else f"<span>{esc(t)}</span>" for t, u in crumbs) + "</div>"
    top = ""
    if top_links:
        top = '<div class="topbar">' + " | ".join(f'<a href="{hf(u)}">{t}</a>' for t, u in top_links) + "</div>"
    fl = ""
    if foot_links:
        fl = '<div class="foot-links">' + " | ".join(f'<a href="{hf(u)}">{t}</a>' for t, u in foot_links) + "</div>"
    f = footer(c)
    base_tag = f'<base href="{base}">\n' if base else ""
    off = " ".join(f'<a href="{u}" target="_blank">{esc(t)}</a>' for t, u in f5.offsite(c))
    return f"""<!DOCTYPE html>
<html>
<head>
{meta}
{base_tag}<title>{esc(title)}</title>
<meta name="SiteName" content="{c.name}人民政府">
<meta name="SiteIDCode" content="{c.code}">
<link rel="stylesheet" href="{hf('/static/css/style.css')}">
<script src="{hf('/static/js/jquery.min.js')}"></script>
{head_extra}</head>
<body class="{fam}">
{top}
<div class="header"><img src="{hf('/static/images/logo.png')}" alt="{c.name}人民政府门户网站"></div>
<div class="nav"><ul>{''.join(f'<li><a href="{hf(u)}">{t}</a></li>' for t, u in nav)}</ul></div>
<div class="container">
{crumb}
{main}
</div>
<div class="footer">{fl}<div class="links">{off}</div><p>{'　'.join(esc(s) for s in f)}</p></div>
</body>
</html>
"""


def article(x: Ctx, a: Article, crumbs, shown_title=None, meta_style="std", **kw):
    t = stamp(a.date, "art6", a.key)
    host = urllib.parse.urlsplit(a.url).hostname
    if meta_style == "gk":
        meta = (f'<table class="gk-meta"><tr><th>索引号</th><td>{x.c.code[:6]}/{a.date.year}-{num("idx6", a.key, lo=100, hi=9999):05d}</td>'
                f'<th>发布机构</th><td>{esc(a.source)}</td></tr><tr><th>发布日期</th><td>{a.date.isoformat()}</td>'
                f'<th>文号</th><td>{esc(a.extra.get("wenhao", ""))}</td></tr></table>')
    else:
        meta = f'<div class="info"><span>发布时间：{t.strftime("%Y-%m-%d %H:%M")}</span><span>来源：{esc(a.source)}</span><span>浏览次数：<em id="hits"></em></span></div>'
    kw = dict(kw, host=host)
    main = f"""<div class="article">
<h1>{esc(shown_title or a.title)}</h1>
{meta}
<div class="TRS_Editor" id="zoom">
{content_html(a)}
</div>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>"""
    add_page(x, a.url, shell(x, shown_title or a.title, main, crumbs, **kw), t)


def li_rows(items, href=rel_path, dates=True, title_fn=None):
    tf = title_fn or (lambda a: a.title)
    return '<ul class="list">\n' + "\n".join(
        f'<li><a href="{href(a.url)}" target="_blank" title="{esc(tf(a))}">{esc(tf(a))}</a>' + (f"<span>{a.date.isoformat()}</span>" if dates else "")
        + "</li>" for a in items) + "\n</ul>"


def simple_list(x: Ctx, url, title, items, crumbs, **kw):
    add_page(x, url, shell(x, f"{title}-{x.c.name}人民政府", f'<div class="col-title">{esc(title)}</div>\n' + li_rows(items), crumbs, **kw),
             stamp(max(a.date for a in items), "sl6", url))


def cards(pairs, cls="cards"):
    return f'<div class="{cls}">' + "".join(f'<a href="{u}">{esc(t)}</a>' for t, u in pairs) + "</div>"


def gknb(x: Ctx, col, url_fn, crumbs, **kw):
    L = x.looks
    items = sort_desc([a for k, a in L.items() if k.startswith("gk")])
    for a in items:
        x.place(a, url_fn(a))
    simple_list(x, col, "政府信息公开年报", items, crumbs + [("政府信息公开年报", None)], **kw)
    for a in items:
        article(x, a, crumbs + [("政府信息公开年报", rel_path(col))], **kw)


def home(x: Ctx, blocks, **kw):
    c = x.c
    nh = home_news(c, "/xwzx/jryw/")
    main = (f'<div class="home-news"><h3>{c.short}要闻</h3><ul>' + "".join(f'<li><a href="{u}">{esc(t)}</a><i>{d}</i></li>' for t, u, d in nh)
            + "</ul></div>\n" + blocks)
    add_page(x, f"http://{c.host}/", shell(x, f"{c.name}人民政府", main, **kw), stamp(dt.date(2025, 6, 26), "home6"))


def dup_of(x: Ctx, y, url):
    src = x.rep(y)
    d = Article(x.c, "duplicate", src.title, src.date, src.lines, source=f"{x.c.name}人民政府办公室", dup_of=src, key=f"dup{y}")
    x.place(d, url)
    return d


# ==============================================================================================================
# family 1: jsonlist — the column page holds only the list URL in a script variable; the rows come from a GET of
#   …/list?columnId=N&page=1 answering JSON with title / url / time keys
# ==============================================================================================================


def json_page(x: Ctx, url, obj, lm_date):
    x.store.add(url, json.dumps(obj, ensure_ascii=False, separators=(",", ":")), ext="json", ctype="application/json",
                lm=stamp(lm_date, "json6", url), validators=None)


def build_jsonlist(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    if c.adcode == "130227":  # 迁西: 政务公开 → 法治政府建设; $.ajax GET /common/list?columnId=1123&page=N, 6 a page
        home(x, cards([("政府信息公开", "/zwgk/"), ("政务服务", "/zwfw/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/xxgkzn/"), ("政策文件", "/zwgk/zcwj/"),
                 ("法治政府建设", "/zwgk/fzzfjs/"), ("政府信息公开年报", "/zwgk/xxgknb/"), ("财政预决算", "/zwgk/czyjs/")]),
                 [("首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 3), "zwgk6"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/{idn(x, a)}.html", [("首页", "/"), ("政务公开", "/zwgk/")])
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["news_meeting"], L["notice_plan"]])
        for a in items:
            x.place(a, f"{B}/zwgk/fzzfjs/{a.date.strftime('%Y%m')}/{idn(x, a)}.html")
        per, cid = 6, 1123
        pages = [items[i:i + per] for i in range(0, len(items), per)]
        for k, ch in enumerate(pages, 1):
            json_page(x, f"{B}/common/list?columnId={cid}&page={k}", {"code": 200, "msg": "success", "page": k, "pageSize": per,
                      "pageCount": len(pages), "total": len(items),
                      "data": [{"title": a.title, "url": rel_path(a.url), "time": a.date.isoformat()} for a in ch]}, items[0].date)
        script = f"""<script>
var listUrl = "/common/list?columnId={cid}&page=1";
function loadList(p) {{
  $.ajax({{url: listUrl.replace(/page=\\d+/, 'page=' + p), type: 'GET', dataType: 'json', success: function (res) {{
    var h = '';
    $.each(res.data, function (i, r) {{ h += '<li><a href="' + r.url + '" target="_blank">' + r.title + '</a><span>' + r.time + '</span></li>'; }});
    $('#dataList').html(h);
    var pg = '';
    for (var j = 1; j <= res.pageCount; j++) {{ pg += (j == res.page ? '<b>' + j + '</b>' : '<a onclick="loadList(' + j + ')">' + j + '</a>'); }}
    $('#pager').html(pg);
  }}}});
}}
$(function () {{ loadList(1); }});
</script>"""
        main = '<div class="col-title">法治政府建设</div>\n<ul class="list" id="dataList"></ul>\n<div class="pager" id="pager"></div>\n' + script
        cr = [("首页", "/"), ("政务公开", "/zwgk/"), ("法治政府建设", None)]
        add_page(x, f"{B}/zwgk/fzzfjs/", shell(x, f"法治政府建设-{c.name}人民政府", main, cr), stamp(dt.date(2024, 5, 6), "col6"))
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/fzzfjs/")])
        x.notes.update(depth=2, column="法治政府建设", path="首页→政务公开→法治政府建设",
                       list=f"column page is an empty <ul> + $.ajax GET /common/list?columnId={cid}&page=N (JSON data[].title/url/time, "
                       f"url host-relative), {len(pages)} JSON pages of {per}, page count only in the JSON (pageCount)",
                       pager="built in the script from pageCount")
    elif c.adcode == "141026":  # 安泽: 信息公开 → 重点领域 → 法治政府建设; fetch() of /api/content/list?columnId=305&page=1, absolute urls
        home(x, cards([("信息公开", "/xxgk/")], "home-entry"), nav=[("首页", "/"), ("信息公开", "/xxgk/"), ("新闻中心", "/xwzx/"), ("政务服务", "/zwfw/")])
        nav = [("首页", "/"), ("信息公开", "/xxgk/"), ("新闻中心", "/xwzx/"), ("政务服务", "/zwfw/")]
        add_page(x, f"{B}/xxgk/", shell(x, f"信息公开-{c.name}人民政府", cards([("政府信息公开制度", "/xxgk/zd/"), ("法定主动公开内容", "/xxgk/fdzdgk/"),
                 ("重点领域信息公开", "/xxgk/zdly/"), ("政府信息公开年报", "/xxgk/ndbg/")]), [("首页", "/"), ("信息公开", None)], nav),
                 stamp(dt.date(2025, 1, 9), "xxgk6"))
        add_page(x, f"{B}/xxgk/zdly/", shell(x, f"重点领域信息公开-{c.name}人民政府", cards([("财政信息", "/xxgk/zdly/czxx/"), ("生态环境", "/xxgk/zdly/sthj/"),
                 ("法治政府建设", "/xxgk/zdly/fzzf/"), ("教育领域", "/xxgk/zdly/jy/")]), [("首页", "/"), ("信息公开", "/xxgk/"), ("重点领域信息公开", None)], nav),
                 stamp(dt.date(2025, 1, 9), "zdly6"))
        gknb(x, f"{B}/xxgk/ndbg/", lambda a: f"{B}/xxgk/ndbg/content_{idn(x, a)}.html", [("首页", "/"), ("信息公开", "/xxgk/")], nav=nav)
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["shufa"], L["prov_report"], L["news_committee"], L["notice_submit"]])
        for a in items:
            x.place(a, f"{B}/xxgk/zdly/fzzf/content_{idn(x, a)}.html")
        attach(x, x.rep(2021), f"{B}/uploadfiles/{x.rep(2021).date.strftime('%Y%m')}/{idn(x, x.rep(2021), 'f')}.docx", name="附件.docx", lead="附件：")
        json_page(x, f"{B}/api/content/list?columnId=305&page=1", {"success": True, "page": 1, "pageCount": 1, "total": len(items),
                  "rows": [{"id": idn(x, a), "title": a.title, "url": a.url, "time": f"{a.date.isoformat()} {9 + idn(x, a) % 8:02d}:{idn(x, a) % 60:02d}:00"}
                           for a in items]}, items[0].date)
        script = """<script>
const API = "/api/content/list?columnId=305&page=1";
fetch(API).then(function (r) { return r.json(); }).then(function (d) {
  document.getElementById('list').innerHTML = d.rows.map(function (r) {
    return '<li><a href="' + r.url + '" target="_blank">' + r.title + '</a><span>' + r.time.substring(0, 10) + '</span></li>';
  }).join('');
});
</script>"""
        cr = [("首页", "/"), ("信息公开", "/xxgk/"), ("重点领域信息公开", "/xxgk/zdly/"), ("法治政府建设", None)]
        add_page(x, f"{B}/xxgk/zdly/fzzf/", shell(x, f"法治政府建设-{c.name}人民政府", '<h2>法治政府建设</h2>\n<ul id="list" class="list"><li class="loading">加载中……</li></ul>\n'
                 + script, cr, nav), stamp(dt.date(2024, 4, 2), "col6"))
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/xxgk/zdly/fzzf/")], meta_style="gk", nav=nav)
        x.notes.update(depth=3, column="法治政府建设", path="首页→信息公开→重点领域信息公开→法治政府建设",
                       list="fetch() of /api/content/list?columnId=305&page=1 (JSON rows[].title/url/time, absolute urls, times with hours), "
                       "one page; mixed with the 司法局's (2), the province's report, a 述法 report, news and a notice",
                       pager="none", other="2021 report only in a .docx (附件.docx)")
    else:  # 灵璧: 专题专栏 → 法治灵璧 → 年度报告; $.getJSON(dataUrl) with dataUrl = '/site/label/list?columnId=4821&page=1&pageSize=5'
        d = dup_of(x, 2023, f"{B}/xwzx/tzgg/{x.rep(2023).date.strftime('%Y%m')}/{num('dup6', c.adcode, lo=100000, hi=999999)}.html")
        home(x, '<div class="zt"><h3>专题专栏</h3><a href="/ztzl/">更多</a></div>'
             '<div class="gk"><h3>政务公开</h3><a href="/zwgk/xxgknb/">政府信息公开年报</a> <a href="/zwgk/zcwj/">政策文件</a></div>'
             f'<div class="tzgg"><h3>通知公告</h3><ul><li><a href="{rel_path(d.url)}">{esc(d.title)}</a><span>{d.date.isoformat()}</span></li></ul></div>')
        article(x, d, [("首页", "/"), ("通知公告", "/xwzx/tzgg/")])
        add_page(x, f"{B}/ztzl/", shell(x, f"专题专栏-{c.name}人民政府", cards([("优化营商环境", "/ztzl/yhyshj/"), ("法治灵璧", "/ztzl/fzlb/"),
                 ("乡村振兴", "/ztzl/xczx/")]), [("首页", "/"), ("专题专栏", None)]), stamp(dt.date(2025, 3, 3), "zt6"))
        add_page(x, f"{B}/ztzl/fzlb/", shell(x, f"法治灵璧-{c.name}人民政府", cards([("法治动态", "/ztzl/fzlb/fzdt/"), ("年度报告", "/ztzl/fzlb/ndbg/"),
                 ("普法宣传", "/ztzl/fzlb/pfxc/")]), [("首页", "/"), ("专题专栏", "/ztzl/"), ("法治灵璧", None)]), stamp(dt.date(2025, 3, 3), "fz6"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/{idn(x, a)}.html", [("首页", "/"), ("政务公开", "/zwgk/")])
        items = sort_desc(x.reports + [L["town_report"], L["dept_report"], L["pref_report"], L["prov_report"], L["sfj_report"], L["shufa"]])
        for a in items:
            x.place(a, f"{B}/ztzl/fzlb/ndbg/{a.date.strftime('%Y%m')}/{idn(x, a)}.html")
        per, pages = 5, None
        pages = [items[i:i + per] for i in range(0, len(items), per)]
        for k, ch in enumerate(pages, 1):
            json_page(x, f"{B}/site/label/list?columnId=4821&page={k}&pageSize={per}", {"status": 1, "data": {"pageIndex": k, "pageSize": per,
                      "pageCount": len(pages), "total": len(items),
                      "list": [{"title": a.title, "url": rel_path(a.url), "time": a.date.strftime("%Y/%m/%d")} for a in ch]}}, items[0].date)
        script = """<script type="text/javascript">
var dataUrl = '/site/label/list?columnId=4821&page=1&pageSize=5';
function render(pageIndex) {
  $.getJSON(dataUrl.replace('page=1', 'page=' + pageIndex), function (res) {
    var d = res.data, out = [];
    for (var i = 0; i < d.list.length; i++) {
      out.push('<li><span class="date">' + d.list[i].time + '</span><a href="' + d.list[i].url + '" title="' + d.list[i].title + '">' + d.list[i].title + '</a></li>');
    }
    $('.news-list').html(out.join(''));
    $('#pageInfo').text('第' + d.pageIndex + '页/共' + d.pageCount + '页');
    $('#next').toggle(d.pageIndex < d.pageCount).off('click').on('click', function () { render(d.pageIndex + 1); });
  });
}
render(1);
</script>"""
        cr = [("首页", "/"), ("专题专栏", "/ztzl/"), ("法治灵璧", "/ztzl/fzlb/"), ("年度报告", None)]
        add_page(x, f"{B}/ztzl/fzlb/ndbg/", shell(x, f"年度报告-{c.name}人民政府", '<div class="col-title">年度报告</div>\n<ul class="news-list"></ul>\n'
                 '<div class="page"><span id="pageInfo"></span><a id="next" href="javascript:;">下一页</a></div>\n' + script, cr),
                 stamp(dt.date(2024, 3, 30), "col6"))
        for a in items:
            article(x, a, cr[:-1] + [("年度报告", "/ztzl/fzlb/ndbg/")])
        x.notes.update(depth=3, column="年度报告", path="首页→专题专栏(更多)→法治灵璧→年度报告",
                       list=f"$.getJSON('/site/label/list?columnId=4821&page=1&pageSize=5') (JSON data.list[].title/url/time, dates 2024/03/01), "
                       f"{len(pages)} JSON pages; mixed with the 司法局's, a department's, a township's, the prefecture's and the province's "
                       "reports and a 述法 report", pager="a 下一页 link wired in the script (page count only in the JSON)",
                       other="2023 report re-posted in 通知公告 (homepage)")


# ==============================================================================================================
# family 2: sitemap — the 法治政府建设 column is linked from the 网站地图 page only (not from the nav or 政务公开)
# ==============================================================================================================


def sitemap_page(x: Ctx, url, groups, style="dl", **kw):
    if style == "dl":
        main = '<div class="sitemap"><h2>网站地图</h2>\n' + "\n".join(
            f'<dl><dt><a href="{u}">{esc(t)}</a></dt><dd>' + " ".join(f'<a href="{su}">{esc(st)}</a>' for st, su in subs) + "</dd></dl>"
            for t, u, subs in groups) + "</div>"
    else:
        main = '<table class="wzdt" width="100%" border="0"><tr><td colspan="2" class="tit">网站导航</td></tr>\n' + "\n".join(
            f'<tr><th width="15%"><a href="{u}">{esc(t)}</a></th><td>' + "　".join(f'<a href="{su}">{esc(st)}</a>' for st, su in subs) + "</td></tr>"
            for t, u, subs in groups) + "</table>"
    add_page(x, url, shell(x, f"网站地图-{x.c.name}人民政府", main, [("首页", "/"), ("网站地图", None)], **kw), stamp(dt.date(2024, 11, 4), "sm6"))


def paged_list(x: Ctx, col, title, items, per, crumbs, rows_fn, name, salt, first_also_dir=True, pager_href=None, **kw):
    ph = pager_href or (lambda k: name(k))
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)
    for k, ch in enumerate(pages, 1):
        nav = []
        if k > 1:
            nav += [f'<a href="{ph(1)}">首页</a>', f'<a href="{ph(k - 1)}">上一页</a>']
        if k < n:
            nav += [f'<a href="{ph(k + 1)}">下一页</a>', f'<a href="{ph(n)}">尾页</a>']
        body = shell(x, f"{title}-{x.c.name}人民政府", f'<div class="col-title">{esc(title)}</div>\n{rows_fn(ch)}\n'
                     f'<div class="pages">共{len(items)}条 第{k}/{n}页 {" ".join(nav)}</div>', crumbs, **kw)
        lm = stamp(max(a.date for a in items), salt, k)
        add_page(x, col + name(k), body, lm)
        if k == 1 and first_also_dir:
            add_page(x, col, body, lm)
    return n


def build_sitemap(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    zwgk_sub = [("政府信息公开指南", "/zwgk/xxgkzn/"), ("政策文件", "/zwgk/zcwj/"), ("政府信息公开年报", "/zwgk/xxgknb/"), ("人事信息", "/zwgk/rsxx/")]
    if c.adcode == "371322":  # 郯城: top bar 网站地图 /wzdt/ → 专题专栏 › 法治政府建设 /ztzl/fzzfjs/ → 年度报告 (2 pages)
        top = [("网站地图", "/wzdt/"), ("无障碍浏览", "/wza/"), ("长者模式", "/zzms/")]
        kw = dict(top_links=top)
        home(x, cards([("政务公开", "/zwgk/")], "home-entry"), **kw)
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards(zwgk_sub), [("首页", "/"), ("政务公开", None)], **kw), stamp(dt.date(2025, 2, 1), "zw6"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html",
             [("首页", "/"), ("政务公开", "/zwgk/")], **kw)
        sitemap_page(x, f"{B}/wzdt/", [("走进郯城", "/zjxx/", [("县情概况", "/zjxx/xqgk/"), ("历史沿革", "/zjxx/lsyg/")]),
                                       ("政务公开", "/zwgk/", zwgk_sub),
                                       ("新闻动态", "/xwdt/", [("郯城要闻", "/xwzx/jryw/"), ("部门动态", "/xwdt/bmdt/")]),
                                       ("专题专栏", "/ztzl/", [("法治政府建设", "/ztzl/fzzfjs/"), ("安全生产", "/ztzl/aqsc/"), ("乡村振兴", "/ztzl/xczx/")]),
                                       ("政民互动", "/zmhd/", [("县长信箱", "/zmhd/xzxx/"), ("在线访谈", "/zmhd/zxft/")])], **kw)
        cr0 = [("首页", "/"), ("专题专栏", "/ztzl/"), ("法治政府建设", "/ztzl/fzzfjs/")]
        add_page(x, f"{B}/ztzl/fzzfjs/", shell(x, f"法治政府建设-{c.name}人民政府", cards([("工作动态", "/ztzl/fzzfjs/gzdt/"), ("年度报告", "/ztzl/fzzfjs/ndbg/"),
                 ("制度文件", "/ztzl/fzzfjs/zdwj/")]), cr0[:-1] + [("法治政府建设", None)], **kw), stamp(dt.date(2025, 2, 1), "fz6"))
        items = sort_desc(x.reports + [L["sfj_report"], L["pref_report"], L["town_report"], L["shufa"]])
        col = f"{B}/ztzl/fzzfjs/ndbg/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html")
        n = paged_list(x, col, "年度报告", items, 5, cr0 + [("年度报告", None)], lambda ch: li_rows(ch, href=lambda u: "./" + u.split("/ndbg/", 1)[1]),
                       lambda k: "index.html" if k == 1 else f"index_{k - 1}.html", "nd6", **kw)
        for a in items:
            article(x, a, cr0 + [("年度报告", "/ztzl/fzzfjs/ndbg/")], **kw)
        gz = sort_desc([L["news_meeting"], L["news_demo"], L["notice_plan"], L["dept_report"]])
        for a in gz:
            x.place(a, f"{B}/ztzl/fzzfjs/gzdt/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html")
        simple_list(x, f"{B}/ztzl/fzzfjs/gzdt/", "工作动态", gz, cr0 + [("工作动态", None)], **kw)
        for a in gz:
            article(x, a, cr0 + [("工作动态", "/ztzl/fzzfjs/gzdt/")], **kw)
        x.notes.update(depth=3, column="年度报告", path="首页→网站地图(top bar)→法治政府建设→年度报告",
                       list="./YYYYMM/tYYYYMMDD_N.html rows; mixed with the 司法局's, the prefecture's, a township's and a 述法 report",
                       pager=f"index.html, index_1.html … ({n} pages, anchors)", other="专题专栏 /ztzl/ itself is a placeholder; "
                       "the column is linked only from /wzdt/")
    elif c.adcode == "411522":  # 光山: footer 网站地图 /sitemap.html → 县委依法治县办 /yfzx/ → 法治政府建设 /yfzx/fzzfjs/; list titles in 【】
        foot = [("网站地图", "/sitemap.html"), ("联系我们", "/lxwm/"), ("网站声明", "/wzsm/")]
        kw = dict(foot_links=foot)
        home(x, cards([("政务公开", "/zwgk/"), ("部门动态", "/xwdt/bmdt/")], "home-entry"), **kw)
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards(zwgk_sub), [("首页", "/"), ("政务公开", None)], **kw), stamp(dt.date(2025, 2, 1), "zw6"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{a.date.year}/{a.date.strftime('%m%d')}/{idn(x, a)}.html", [("首页", "/"), ("政务公开", "/zwgk/")], **kw)
        sitemap_page(x, f"{B}/sitemap.html", [("政务公开", "/zwgk/", zwgk_sub),
                                              ("机构设置", "/jgsz/", [("县政府办公室", "/jgsz/zfb/"), ("县司法局", "/jgsz/sfj/"), ("县委依法治县办", "/yfzx/")]),
                                              ("新闻动态", "/xwdt/", [("光山要闻", "/xwzx/jryw/"), ("部门动态", "/xwdt/bmdt/")]),
                                              ("政民互动", "/zmhd/", [("县长信箱", "/zmhd/xzxx/")])], **kw)
        add_page(x, f"{B}/yfzx/", shell(x, f"县委依法治县办-{c.name}人民政府", '<div class="org">中共光山县委全面依法治县委员会办公室</div>'
                 + cards([("工作动态", "/yfzx/gzdt/"), ("法治政府建设", "/yfzx/fzzfjs/"), ("示范创建", "/yfzx/sfcj/")]),
                 [("首页", "/"), ("县委依法治县办", None)], **kw), stamp(dt.date(2025, 2, 1), "yf6"))
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["dept_report"], L["town_report"], L["notice_submit"], L["news_committee"]])
        col = f"{B}/yfzx/fzzfjs/"
        for a in items:
            x.place(a, f"{col}{a.date.year}/{a.date.strftime('%m%d')}/{idn(x, a)}.html")

        def tag(a):
            return {"report": "【年度报告】", "department_report": "【部门报告】", "notice": "【通知】", "news": "【工作动态】"}[a.kind] + a.title
        cr = [("首页", "/"), ("县委依法治县办", "/yfzx/"), ("法治政府建设", None)]
        n = paged_list(x, col, "法治政府建设", items, 6, cr, lambda ch: li_rows(ch, title_fn=tag),
                       lambda k: "index.html" if k == 1 else f"index_{k}.html", "fz6", **kw)
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/yfzx/fzzfjs/")], **kw)
        x.notes.update(depth=3, column="法治政府建设", path="首页→网站地图(footer)→县委依法治县办 /yfzx/→法治政府建设",
                       list="list titles prefixed 【年度报告】/【部门报告】/【通知】/【工作动态】 (the article pages show the plain title); mixed with "
                       "the 司法局's (2), a department's, a township's report, news and a notice", pager=f"index.html, index_2.html ({n} pages)")
    else:  # 衡南 (GBK): top 网站导航 /wzdh/index.html (table) → 政务公开 › 法治政府建设 /zwgk/fzzfjs/ (mixed, 2 pages), 2022 in a .docx
        top = [("设为首页", "/"), ("网站导航", "/wzdh/index.html"), ("English", "/en/")]
        kw = dict(top_links=top)
        home(x, cards([("政务公开", "/zwgk/"), ("政务服务", "/zwfw/")], "home-entry"), **kw)
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards(zwgk_sub[:3]), [("首页", "/"), ("政务公开", None)], **kw),
                 stamp(dt.date(2025, 2, 1), "zw6"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/content_{idn(x, a)}.html", [("首页", "/"), ("政务公开", "/zwgk/")], **kw)
        sitemap_page(x, f"{B}/wzdh/index.html", [("政务公开", "/zwgk/", zwgk_sub[:3] + [("法治政府建设", "/zwgk/fzzfjs/"), ("重大行政决策", "/zwgk/zdxzjc/")]),
                                                 ("新闻中心", "/xwzx/", [("衡南要闻", "/xwzx/jryw/"), ("乡镇动态", "/xwzx/xzdt/")]),
                                                 ("政务服务", "/zwfw/", [("办事指南", "/zwfw/bszn/")])], style="table", **kw)
        items = sort_desc(x.reports + [L["news_meeting"], L["news_demo"], L["notice_plan"], L["sfj_report"], L["pref_report"], L["shufa"]])
        col = f"{B}/zwgk/fzzfjs/"
        for a in items:
            x.place(a, f"{col}content_{idn(x, a)}.html")
        r22 = x.rep(2022)
        attach(x, r22, f"{B}/uploadfiles/{r22.date.year}/{idn(x, r22, 'f')}.docx", name=f"{r22.title}.docx", lead="附件：")
        cr = [("首页", "/"), ("政务公开", "/zwgk/"), ("法治政府建设", None)]
        n = paged_list(x, col, "法治政府建设", items, 6, cr, li_rows, lambda k: "index.html" if k == 1 else f"index_{k}.html", "fz6", **kw)
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/fzzfjs/")], meta_style="gk", **kw)
        x.notes.update(depth=2, column="法治政府建设", path="首页→网站导航(top bar, a <table>)→法治政府建设",
                       list="mixed with news, a notice, the 司法局's, the prefecture's and a 述法 report; GBK",
                       pager=f"index.html, index_2.html ({n} pages)", other="2022 report only in a .docx")


# ==============================================================================================================
# family 3: relurl — .shtml / .jhtml article URLs, folders answering 302 → index.shtml, ../../ hrefs, <base href>,
#   a column on the bare host while the portal is on www.
# ==============================================================================================================


def build_relurl(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    if c.adcode == "350923":  # 屏南: /zwgk/ and /zwgk/fzzfjs/ answer 302 → index.shtml; index_2.shtml…; ./YYYYMM/t….shtml; ../../ crumbs
        home(x, cards([("政务公开", "/zwgk/"), ("政策解读", "/zwgk/zcjd/")], "home-entry"))
        x.store.add(f"{B}/zwgk/", None, status=302, location=f"{B}/zwgk/index.shtml", note="folder redirects to index.shtml")
        add_page(x, f"{B}/zwgk/index.shtml", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开指南", "zfxxgkzn/index.shtml"),
                 ("法治政府建设", "fzzfjs/"), ("政府信息公开年报", "xxgknb/index.shtml"), ("政策解读", "zcjd/index.shtml")]),
                 [("网站首页", "../index.shtml"), ("政务公开", None)]), stamp(dt.date(2025, 2, 1), "zw6"))
        add_page(x, f"{B}/index.shtml", shell(x, f"{c.name}人民政府", '<p><a href="/">进入首页</a></p>'), stamp(dt.date(2025, 6, 26), "hi6"))
        gknb(x, f"{B}/zwgk/xxgknb/index.shtml", lambda a: f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.shtml",
             [("网站首页", "/"), ("政务公开", "/zwgk/index.shtml")])
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["news_meeting"], L["notice_submit"], L["shufa"]])
        col = f"{B}/zwgk/fzzfjs/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.shtml")
        x.store.add(col, None, status=302, location=f"{col}index.shtml", note="folder redirects to index.shtml")
        cr = [("网站首页", "../../index.shtml"), ("政务公开", "../index.shtml"), ("法治政府建设", None)]
        n = paged_list(x, col, "法治政府建设", items, 4, cr, lambda ch: li_rows(ch, href=lambda u: "./" + u.split("/fzzfjs/", 1)[1]),
                       lambda k: "index.shtml" if k == 1 else f"index_{k}.shtml", "fz6", first_also_dir=False)
        for a in items:
            article(x, a, [("网站首页", "../../../index.shtml"), ("政务公开", "../../index.shtml"), ("法治政府建设", "../index.shtml")])
        x.notes.update(depth=2, column="法治政府建设", path="首页→政务公开 (/zwgk/ 302→index.shtml)→法治政府建设 (/zwgk/fzzfjs/ 302→index.shtml)",
                       list="relative ./YYYYMM/tYYYYMMDD_N.shtml rows; article breadcrumbs ../../index.shtml; mixed with the 司法局's, a "
                       "department's, a township's, the prefecture's report, news, a notice and a 述法 report",
                       pager=f"index.shtml, index_2.shtml … ({n} pages)")
    elif c.adcode == "360723":  # 大余: <base href="http://www.jxdy.gov.cn/"> on every page, hrefs base-relative without a leading slash
        base = f"{B}/"
        strip = lambda u: u.lstrip("/") if u.startswith("/") and u != "/" else ("./" if u == "/" else u)  # noqa: E731
        kw = dict(base=base, href_fn=strip)
        blocks = ('<div class="blk"><h3>政务公开</h3><a class="more" href="zwgk/index.shtml">更多</a></div>'
                  '<div class="blk"><h3>法治大余</h3><a class="more" href="zwgk/fzdy/index.shtml">更多</a></div>')
        nh = home_news(c, "/xwzx/jryw/")
        main = ('<div class="home-news"><ul>' + "".join(f'<li><a href="{strip(u)}">{esc(t)}</a><i>{d}</i></li>' for t, u, d in nh) + "</ul></div>" + blocks)
        add_page(x, base, shell(x, f"{c.name}人民政府", main, **kw), stamp(dt.date(2025, 6, 26), "home6"))
        add_page(x, f"{B}/zwgk/index.shtml", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开指南", "zwgk/xxgkzn/index.shtml"),
                 ("政府信息公开年报", "zwgk/xxgknb/index.shtml"), ("法治大余", "zwgk/fzdy/index.shtml")]), [("网站首页", "/"), ("政务公开", None)], **kw),
                 stamp(dt.date(2025, 2, 1), "zw6"))
        L2 = x.looks
        gki = sort_desc([a for k, a in L2.items() if k.startswith("gk")])
        for a in gki:
            x.place(a, f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/c{idn(x, a)}.shtml")
        add_page(x, f"{B}/zwgk/xxgknb/index.shtml", shell(x, f"政府信息公开年报-{c.name}人民政府", li_rows(gki, href=lambda u: rel_path(u).lstrip("/")),
                 [("网站首页", "/"), ("政务公开", "/zwgk/index.shtml"), ("政府信息公开年报", None)], **kw), stamp(gki[0].date, "nb6"))
        for a in gki:
            article(x, a, [("网站首页", "/"), ("政务公开", "/zwgk/index.shtml"), ("政府信息公开年报", "/zwgk/xxgknb/index.shtml")], **kw)
        add_page(x, f"{B}/zwgk/fzdy/index.shtml", shell(x, f"法治大余-{c.name}人民政府", cards([("法治动态", "zwgk/fzdy/fzdt/index.shtml"),
                 ("法治政府建设年度报告", "zwgk/fzdy/ndbg/index.shtml")]), [("网站首页", "/"), ("政务公开", "/zwgk/index.shtml"), ("法治大余", None)], **kw),
                 stamp(dt.date(2025, 2, 1), "fz6"))
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["prov_report"], L["town_report"]])
        col = f"{B}/zwgk/fzdy/ndbg/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m')}/c{idn(x, a)}.shtml")
        cr = [("网站首页", "/"), ("政务公开", "/zwgk/index.shtml"), ("法治大余", "/zwgk/fzdy/index.shtml"), ("法治政府建设年度报告", None)]
        n = paged_list(x, col, "法治政府建设年度报告", items, 4, cr, lambda ch: li_rows(ch, href=lambda u: rel_path(u).lstrip("/")),
                       lambda k: "index.shtml" if k == 1 else f"index_{k}.shtml", "nd6", first_also_dir=False,
                       pager_href=lambda k: "zwgk/fzdy/ndbg/" + ("index.shtml" if k == 1 else f"index_{k}.shtml"), **kw)
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设年度报告", "/zwgk/fzdy/ndbg/index.shtml")], **kw)
        dt_items = sort_desc([L["news_meeting"], L["news_committee"], L["notice_plan"], L["dept_report"], L["shufa"]])
        for a in dt_items:
            x.place(a, f"{B}/zwgk/fzdy/fzdt/{a.date.strftime('%Y%m')}/c{idn(x, a)}.shtml")
        add_page(x, f"{B}/zwgk/fzdy/fzdt/index.shtml", shell(x, f"法治动态-{c.name}人民政府", li_rows(dt_items, href=lambda u: rel_path(u).lstrip("/")),
                 cr[:3] + [("法治动态", None)], **kw), stamp(dt_items[0].date, "dt6"))
        for a in dt_items:
            article(x, a, cr[:3] + [("法治动态", "/zwgk/fzdy/fzdt/index.shtml")], **kw)
        x.notes.update(depth=2, column="法治政府建设年度报告", path="首页 (法治大余 更多)→法治大余→法治政府建设年度报告",
                       list='every page has <base href="http://www.jxdy.gov.cn/"> and hrefs without a leading slash '
                       "(zwgk/fzdy/ndbg/202403/c123456.shtml), so they resolve against the base, not the page; mixed with the "
                       "司法局's (2), the province's and a township's report", pager=f"index.shtml, index_2.shtml ({n} pages; the pager's "
                       "hrefs are base-relative too: zwgk/fzdy/ndbg/index_2.shtml)")
    else:  # 德庆: JEECMS .jhtml; homepage link to the bare host gddq.gov.cn (法治德庆), lists ../../../contents/N/M.jhtml
        bare = BARE[c.adcode]
        x.notes["sibling"] = bare
        D = f"http://{bare}"
        d = dup_of(x, 2024, f"{B}/contents/12/{num('dup6', c.adcode, lo=100000, hi=999999)}.jhtml")
        add_page(x, f"{B}/zwgk/index.jhtml", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/xxgkzn/index.jhtml"),
                 ("政府信息公开年报", "/zwgk/xxgknb/index.jhtml")]), [("网站首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 1), "zw6"))
        gknb(x, f"{B}/zwgk/xxgknb/index.jhtml", lambda a: f"{B}/contents/31/{idn(x, a)}.jhtml", [("网站首页", "/"), ("政务公开", "/zwgk/index.jhtml")])
        kw = dict(host=bare)
        add_page(x, f"{D}/fzdq/index.jhtml", shell(x, f"法治德庆-{c.name}人民政府", cards([("法治动态", "fzdt/index.jhtml"), ("法治政府建设", "fzzfjs/index.jhtml"),
                 ("普法宣传", "pfxc/index.jhtml")]), [("网站首页", f"http://{c.host}/"), ("法治德庆", None)], **kw), stamp(dt.date(2025, 2, 1), "fz6"))
        add_page(x, f"{D}/fzdq/fzzfjs/index.jhtml", shell(x, f"法治政府建设-{c.name}人民政府", cards([("年度报告", "ndbg/index.jhtml"), ("制度建设", "zdjs/index.jhtml")]),
                 [("网站首页", f"http://{c.host}/"), ("法治德庆", "../index.jhtml"), ("法治政府建设", None)], **kw), stamp(dt.date(2025, 2, 1), "fzz6"))
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["pref_report"], L["notice_plan"], L["news_demo"]])
        for a in items:
            x.place(a, f"{D}/contents/57/{idn(x, a)}.jhtml")
        r19 = x.rep(2019)
        attach(x, r19, f"{D}/u/cms/www/{r19.date.strftime('%Y%m')}/{idn(x, r19, 'f')}.docx", name="附件1.docx", lead="附件1：")
        col = f"{D}/fzdq/fzzfjs/ndbg/"
        cr = [("网站首页", f"http://{c.host}/"), ("法治德庆", "../../index.jhtml"), ("法治政府建设", "../index.jhtml"), ("年度报告", None)]
        n = paged_list(x, col, "年度报告", items, 4, cr, lambda ch: li_rows(ch, href=lambda u: "../../.." + rel_path(u)),
                       lambda k: "index.jhtml" if k == 1 else f"index_{k}.jhtml", "nd6", first_also_dir=False, **kw)
        for a in items:
            article(x, a, [("网站首页", f"http://{c.host}/"), ("法治德庆", "../../fzdq/index.jhtml"), ("年度报告", "../../fzdq/fzzfjs/ndbg/index.jhtml")], **kw)
        # 通知公告 on the www host re-posts the 2024 report
        home(x, f'<div class="zt"><a href="{D}/fzdq/index.jhtml" title="法治德庆"><img src="/r/cms/www/images/fzdq.jpg" alt="法治德庆"></a></div>'
             + cards([("政务公开", "/zwgk/index.jhtml")], "home-entry")
             + f'<div class="tzgg"><h3>通知公告</h3><ul><li><a href="{rel_path(d.url)}">{esc(d.title)}</a></li></ul></div>')
        article(x, d, [("网站首页", "/"), ("通知公告", "/tzgg/index.jhtml")])
        x.notes.update(depth=3, column="年度报告", path="首页 (image link 法治德庆 to the bare host gddq.gov.cn)→法治德庆→法治政府建设→年度报告",
                       list="JEECMS-style /fzdq/fzzfjs/ndbg/index.jhtml with rows ../../../contents/57/N.jhtml; the column and its articles are "
                       "on gddq.gov.cn while the portal is www.gddq.gov.cn; mixed with the 司法局's, a department's, the prefecture's report, "
                       "a notice and news", pager=f"index.jhtml, index_2.jhtml ({n} pages)",
                       other="2019 report only in a .docx; 2024 report re-posted in 通知公告 on www")


# ==============================================================================================================
# family 4: typetabs — an 信息公开 column split by 文件 / 公告 / 报告 tabs, each a ?type= parameter of one list URL
# ==============================================================================================================


def tab_lists(x: Ctx, url_fn, tabs, groups, per, crumbs, title, row_fn, salt, **kw):
    """tabs: [(label, type)]; groups: type -> items; url_fn(type, page) -> URL (type None = the default tab)."""
    for tlabel, ty in tabs:
        items = groups[ty]
        pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
        n = len(pages)
        for k, ch in enumerate(pages, 1):
            on = ' class="on"'
            tabbar = '<div class="tabs">' + "".join(
                f'<a href="{esc(rel_path(url_fn(t2, 1)) if not kw.get("qrel") else "?" + urllib.parse.urlsplit(url_fn(t2, 1)).query)}"'
                f'{on if t2 == ty else ""}>{l2}</a>' for l2, t2 in tabs) + "</div>"
            pg = ""
            if n > 1:
                pg = '<div class="pages">' + " ".join(
                    f'<a href="{esc(rel_path(url_fn(ty, j)))}">{j}</a>' if j != k else f"<span>{j}</span>" for j in range(1, n + 1)) + "</div>"
            body = shell(x, f"{title}-{x.c.name}人民政府", f'<div class="col-title">{esc(title)}</div>\n{tabbar}\n{row_fn(ch)}\n{pg}', crumbs,
                         **{k2: v for k2, v in kw.items() if k2 != "qrel"})
            lm = stamp(max((a.date for a in items), default=dt.date(2024, 1, 1)), salt, ty, k)
            x.store.add(url_fn(ty, k), body, enc=enc_of(x.c.host), lm=lm, validators=None)
            if k == 1 and ty == tabs[0][1] and url_fn(None, 1) != url_fn(ty, 1):
                x.store.add(url_fn(None, 1), body, enc=enc_of(x.c.host), lm=lm, validators=None)


def build_typetabs(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    if c.adcode == "610222":  # 宜君: /xxgk/list.jsp?catId=57[&type=wj|gg|bg][&page=K]; 文号-prefixed titles; articles detail.jsp?catId=57&id=N
        home(x, cards([("信息公开", "/xxgk/")], "home-entry"))
        for y, wh in ((2022, "宜政发〔2023〕6号"), (2024, "宜政发〔2025〕4号")):
            r = x.rep(y)
            r.title = f"{wh} {r.title}"
            r.extra["wenhao"] = wh
        left = [("政府信息公开指南", "/xxgk/list.jsp?catId=51"), ("政策文件", "/xxgk/list.jsp?catId=53"), ("法治政府建设", "/xxgk/list.jsp?catId=57"),
                ("政府信息公开年报", "/xxgk/list.jsp?catId=59")]
        add_page(x, f"{B}/xxgk/", shell(x, f"信息公开-{c.name}人民政府", cards(left), [("首页", "/"), ("信息公开", None)]), stamp(dt.date(2025, 2, 1), "xg6"))
        gki = sort_desc([a for k, a in L.items() if k.startswith("gk")])
        for a in gki:
            x.place(a, f"{B}/xxgk/detail.jsp?catId=59&id={idn(x, a)}")
        x.store.add(f"{B}/xxgk/list.jsp?catId=59", shell(x, f"政府信息公开年报-{c.name}人民政府", li_rows(gki), [("首页", "/"), ("信息公开", "/xxgk/"), ("年报", None)]),
                    validators=None)
        for a in gki:
            article(x, a, [("首页", "/"), ("信息公开", "/xxgk/"), ("政府信息公开年报", "/xxgk/list.jsp?catId=59")], meta_style="gk")
        groups = {"wj": sort_desc([L["notice_plan"], L["notice_submit"]]),
                  "gg": sort_desc([L["news_meeting"], L["news_committee"], L["news_demo"]]),
                  "bg": sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["shufa"]])}
        for ty, items in groups.items():
            for a in items:
                x.place(a, f"{B}/xxgk/detail.jsp?catId=57&id={idn(x, a)}")

        def url_fn(ty, k):
            return f"{B}/xxgk/list.jsp?catId=57" + (f"&type={ty}" if ty else "") + (f"&page={k}" if k > 1 else "")

        def rows(ch):
            return ('<table class="xxgk"><tr><th>标题</th><th>文号</th><th>发布日期</th></tr>' + "".join(
                f'<tr><td><a href="{esc(rel_path(a.url))}">{esc(a.title)}</a></td><td>{esc(a.extra.get("wenhao", ""))}</td><td>{a.date.isoformat()}</td></tr>'
                for a in ch) + "</table>")
        cr = [("首页", "/"), ("信息公开", "/xxgk/"), ("法治政府建设", None)]
        tab_lists(x, url_fn, [("文件", "wj"), ("公告", "gg"), ("报告", "bg")], groups, 5, cr, "法治政府建设", rows, "tb6")
        for items in groups.values():
            for a in items:
                article(x, a, cr[:-1] + [("法治政府建设", "/xxgk/list.jsp?catId=57")], meta_style="gk")
        x.notes.update(depth=3, column="法治政府建设 › 报告", path="首页→信息公开→法治政府建设 (list.jsp?catId=57, default tab 文件)→报告 tab (&type=bg)",
                       list="tabs 文件/公告/报告 = &type=wj|gg|bg; the reports in the 报告 tab (2 pages, &page=2) with the 司法局's, a department's, "
                       "a township's, the prefecture's and a 述法 report; notices in 文件, news in 公告; 2022 and 2024 titles begin with the 文号 "
                       "(宜政发〔2023〕6号 …); dynamic pages without validators", pager="&page=K numbers")
    elif c.adcode == "620723":  # 临泽: /zwgk/fzzfjs/list?type=1|2|3, tab hrefs written as bare queries (href="?type=3"); titles in 【】
        home(x, cards([("政务公开", "/zwgk/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards([("法治政府建设", "/zwgk/fzzfjs/list"), ("政策文件", "/zwgk/zcwj/list"),
                 ("政府信息公开年报", "/zwgk/xxgknb/list")]), [("首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 1), "zw6"))
        gknb(x, f"{B}/zwgk/xxgknb/list", lambda a: f"{B}/zwgk/article/{idn(x, a)}", [("首页", "/"), ("政务公开", "/zwgk/")])
        x.rep(2019).title = f"【{x.rep(2019).title}】"
        groups = {"1": sort_desc([L["notice_plan"], L["notice_submit"], L["sfj_report"]]),
                  "2": sort_desc([L["news_meeting"], L["news_demo"], x.rep(2022)]),
                  "3": sort_desc([a for a in x.reports if a.year != 2022] + [L["sfj_report2"], L["prov_report"], L["town_report"], L["shufa"]])}
        for ty, items in groups.items():
            for a in items:
                x.place(a, f"{B}/zwgk/article/{idn(x, a)}")

        def url_fn(ty, k):
            return f"{B}/zwgk/fzzfjs/list" + (f"?type={ty}" if ty else "") + (f"&page={k}" if k > 1 else "")

        def rows(ch):
            return li_rows(ch)
        cr = [("首页", "/"), ("政务公开", "/zwgk/"), ("法治政府建设", None)]
        tab_lists(x, url_fn, [("文件", "1"), ("公告", "2"), ("报告", "3")], groups, 4, cr, "法治政府建设", rows, "tb6", qrel=True)
        for items in groups.values():
            for a in items:
                article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/fzzfjs/list")])
        x.notes.update(depth=3, column="法治政府建设 › 报告", path="首页→政务公开→法治政府建设 (/zwgk/fzzfjs/list = 文件 tab)→报告 (?type=3)",
                       list='tab hrefs are bare queries (href="?type=3"), pages &page=2; the 2022 report was filed under 公告 (?type=2) with news; '
                       "the 2019 title is wrapped in 【】; mixed with the 司法局's (2), the province's, a township's and a 述法 report; "
                       "dynamic pages without validators", pager="&page=K numbers")
    else:  # 盐池: 县委依法治县办 /yfzx/ reached from 机构 › 部门; tabs ?type=wj|gg|bg; 2019–2021 reports in 公告, 2022+ in 报告
        home(x, cards([("政务公开", "/zwgk/"), ("机构设置", "/jgsz/")], "home-entry"))
        add_page(x, f"{B}/jgsz/", shell(x, f"机构设置-{c.name}人民政府", '<h3>县委工作机关</h3>' + cards([("县委办公室", "/jgsz/xwb/"),
                 ("县委全面依法治县委员会办公室", "/yfzx/")]) + '<h3>县政府工作部门</h3>' + cards([("县司法局", "/jgsz/sfj/"), ("县财政局", "/jgsz/czj/")]),
                 [("首页", "/"), ("机构设置", None)]), stamp(dt.date(2025, 2, 1), "jg6"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开年报", "/zwgk/xxgknb/"), ("政策文件", "/zwgk/zcwj/")]),
                 [("首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 1), "zw6"))
        gknb(x, f"{B}/zwgk/xxgknb/", lambda a: f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html",
             [("首页", "/"), ("政务公开", "/zwgk/")])
        old = [a for a in x.reports if a.year <= 2021]
        new = [a for a in x.reports if a.year > 2021]
        groups = {"wj": sort_desc([L["notice_plan"], L["notice_submit"]]),
                  "gg": sort_desc(old + [L["news_committee"], L["pref_report"]]),
                  "bg": sort_desc(new + [L["sfj_report"], L["dept_report"], L["town_report"], L["shufa"]])}
        for ty, items in groups.items():
            for a in items:
                x.place(a, f"{B}/yfzx/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html")

        def url_fn(ty, k):
            return f"{B}/yfzx/index.html" + (f"?type={ty}" if ty else "") + (f"&page={k}" if k > 1 else "")

        def rows(ch):
            return li_rows(ch, title_fn=lambda a: f"【{ {'report': '报告', 'department_report': '报告', 'prefecture_report': '报告', 'notice': '文件', 'news': '动态', 'other_annual_report': '报告'}[a.kind]}】{a.title}")
        cr = [("首页", "/"), ("机构设置", "/jgsz/"), ("县委依法治县办", None)]
        tab_lists(x, url_fn, [("文件", "wj"), ("公告", "gg"), ("报告", "bg")], groups, 4, cr, "县委依法治县办", rows, "tb6")
        x.store.add(f"{B}/yfzx/", None, status=302, location=f"{B}/yfzx/index.html", note="folder redirects to index.html")
        for items in groups.values():
            for a in items:
                article(x, a, cr[:-1] + [("县委依法治县办", "/yfzx/")])
        x.notes.update(depth=3, column="县委依法治县办 › 公告 / 报告", path="首页→机构设置→县委全面依法治县委员会办公室 (/yfzx/ 302→index.html)→tabs ?type=gg / ?type=bg",
                       list="list titles prefixed 【报告】/【文件】/【动态】 (plain on the article pages); the 2019–2021 reports in the 公告 tab, "
                       "2022+ in the 报告 tab; mixed with the 司法局's, a department's, a township's, the prefecture's and a 述法 report",
                       pager="&page=K numbers")


BUILDERS = {"jsonlist": build_jsonlist, "sitemap": build_sitemap, "relurl": build_relurl, "typetabs": build_typetabs}

OPTS = {
    "141026": {"styles": {2019: "no_year"}},
    "411522": {"styles": {2020: "no_county"}},
    "430422": {"styles": {2024: "cn_year_nianbao"}},
    "360723": {"styles": {2021: "quanwen"}},
    "640323": {"styles": {2023 - 1: "jinzhan"}},
}


# --------------------------------------------------------------------------------------------------------------
# links: families5's extractor, plus <base href> and JSON list pages (their url strings; page=1 → page=2…pageCount)
# --------------------------------------------------------------------------------------------------------------

_links_of5 = f5.links_of
BASE_RE = re.compile(r"""<base\s+href\s*=\s*(["'])(.*?)\1""", re.I)
PAGECOUNT_RE = re.compile(r'"pageCount"\s*:\s*(\d+)')


def links_of(url: str, text: str, is_js=False, is_json=False) -> list:
    if is_json:
        out = _links_of5(url, text, is_js=True)
        m = PAGECOUNT_RE.search(text)
        if m and "page=1" in url:
            out += [url.replace("page=1", f"page={k}", 1) for k in range(2, int(m.group(1)) + 1)]
        return out
    m = None if is_js else BASE_RE.search(text)
    return _links_of5(html.unescape(m.group(2)) if m else url, text, is_js=is_js)


def setup():
    setup_f5()
    f5.BUILDERS = BUILDERS
    f5.OPTS = OPTS
    f5.links_of = links_of


def build(out: Path):
    setup()
    ctxs, reports, pages, store, n_stubs = f5.build(out)
    hp = out / "gold/http.json"
    http = json.loads(hp.read_text(encoding="utf-8"))
    for s in http["sibling_hosts"]:
        s["why"] = "the 法治 column lives on the bare host while the portal is on www."
    http["json_list_api"] = [{"adcode": x.c.adcode, "county": x.c.name, "how": x.notes.get("list"),
                              "urls": sorted(u for u, e in store.entries.items() if urllib.parse.urlsplit(u).hostname == x.c.host
                                             and e["headers"].get("Content-Type", "").startswith("application/json"))}
                             for x in ctxs if x.c.family == "jsonlist"]
    http["base_href"] = [{"adcode": x.c.adcode, "county": x.c.name, "base": f"http://{x.c.host}/"} for x in ctxs if x.c.adcode == "360723"]
    http["script_lists"] = []
    hp.write_text(json.dumps(http, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return ctxs, reports, pages, store, n_stubs


def verify(out: Path) -> list:
    def skip(v, entries):
        path = urllib.parse.urlsplit(v).path
        return bool(f5.STATIC_RE.search(path)) or (path.endswith(".js") and v not in entries)
    return fb.verify(out, lambda u, text, ct: links_of(u, text, is_js="javascript" in ct, is_json="json" in ct), enc_of, skip,
                     lambda ct: ct.startswith("text/html") or "javascript" in ct or "json" in ct)


if __name__ == "__main__":
    fb.main(build, DEFAULT_OUT, verify)
