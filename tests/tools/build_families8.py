#!/usr/bin/env python3
"""Build tests/fixtures/families8 (TUNING data written by the discovery-round-8 session, which also changes the
discovery code): recorded portals of four site shapes of Chinese county portals —

* ztree: 政府信息公开 catalogues drawn by zTree from a node list ({id, pId, name, url}) in a page script, a JSON
  answer or a script file; only the leaves carry a url, the column's name often only makes sense under its parent;
* yearfilter: report lists filtered by a year: a GET <form> with a year <select>, year links (?year=2024), a
  <select> whose onchange builds the URL; the unfiltered list shows the latest year only;
* xxgkhost: the 政府信息公开 platform on another host, linked from the homepage only by an image (no text: its file
  name, an <area title>, an <img alt>);
* pageform: lists paged through a GET <form> with hidden pageIndex / pageNo inputs, a page-number input or a JS
  goPage(n) that sets the input and submits.

    .venv/bin/python tests/tools/build_families8.py [--out DIR] [--check]

Deterministic (`--check` rebuilds into a temporary folder, compares byte for byte, then runs the self-consistency
check). The shared machinery (Store, Article, report-text derivation, look-alike texts, page shell, placeholder
closure) comes from families_builder.py / build_families5.py / build_families6.py / build_families7.py; the site
shapes and markup are new. Report bodies are the bundled snapshot's gold report texts with the names replaced.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_families5 as f5  # noqa: E402
import build_families6 as f6  # noqa: E402
import build_families7 as f7  # noqa: E402
import families_builder as fb  # noqa: E402
from build_families5 import add_page  # noqa: E402
from build_families6 import article, cards, dup_of, gknb, home, idn, li_rows, shell  # noqa: E402
from families_builder import Ctx, County, esc, rel_path, sort_desc, stamp  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "tests/fixtures/families8"

COUNTIES = [
    # ztree: zTree node lists in a page script / a JSON answer / a script file
    County("430522", "湖南省", "邵阳市", "新邵县", "www.xinshao.gov.cn", "ztree", [2019, 2020, 2021, 2023, 2024]),
    County("371323", "山东省", "临沂市", "沂水县", "www.yishui.gov.cn", "ztree", [2020, 2021, 2022, 2024]),
    County("420625", "湖北省", "襄阳市", "谷城县", "www.hbgucheng.gov.cn", "ztree", [2019, 2021, 2022, 2023]),
    # yearfilter: lists filtered by a year (GET form with a year <select>, ?year= links, a <select> building the URL)
    County("130531", "河北省", "邢台市", "广宗县", "www.gzx.gov.cn", "yearfilter", [2020, 2021, 2022, 2024]),
    County("411122", "河南省", "漯河市", "临颍县", "www.linying.gov.cn", "yearfilter", [2019, 2020, 2022, 2023, 2024]),
    County("350423", "福建省", "三明市", "清流县", "www.fjql.gov.cn", "yearfilter", [2019, 2021, 2023, 2024]),
    # xxgkhost: the 信息公开 platform on another host, linked by an image only
    County("610431", "陕西省", "咸阳市", "武功县", "www.wugong.gov.cn", "xxgkhost", [2020, 2021, 2022, 2023]),
    County("620321", "甘肃省", "金昌市", "永昌县", "www.yongchang.gov.cn", "xxgkhost", [2019, 2020, 2022, 2024]),
    County("211224", "辽宁省", "铁岭市", "昌图县", "www.changtu.gov.cn", "xxgkhost", [2019, 2021, 2022, 2023, 2024]),
    # pageform: lists paged by a GET form with hidden page inputs
    County("440229", "广东省", "韶关市", "翁源县", "www.wengyuan.gov.cn", "pageform", [2019, 2020, 2021, 2023]),
    County("141027", "山西省", "临汾市", "浮山县", "www.fushan.gov.cn", "pageform", [2020, 2022, 2023, 2024]),
    County("361021", "江西省", "抚州市", "南城县", "www.jxnc.gov.cn", "pageform", [2019, 2020, 2021, 2022, 2024]),
]
FAMILIES = ["ztree", "yearfilter", "xxgkhost", "pageform"]

f5.PROVINCE_PORTAL.update({"湖南省": "http://www.hunan.gov.cn/", "山东省": "http://www.shandong.gov.cn/", "湖北省": "http://www.hubei.gov.cn/",
                           "河北省": "http://www.hebei.gov.cn/", "河南省": "http://www.henan.gov.cn/", "福建省": "http://www.fujian.gov.cn/",
                           "陕西省": "http://www.shaanxi.gov.cn/", "甘肃省": "http://www.gansu.gov.cn/", "辽宁省": "http://www.ln.gov.cn/",
                           "广东省": "http://www.gd.gov.cn/", "山西省": "http://www.shanxi.gov.cn/", "江西省": "http://www.jiangxi.gov.cn/"})
f5.PREFECTURE_PORTAL.update({"邵阳市": "http://www.shaoyang.gov.cn/", "临沂市": "http://www.linyi.gov.cn/", "襄阳市": "http://www.xiangyang.gov.cn/",
                             "邢台市": "http://www.xingtai.gov.cn/", "漯河市": "http://www.luohe.gov.cn/", "三明市": "http://www.sm.gov.cn/",
                             "咸阳市": "http://www.xianyang.gov.cn/", "金昌市": "http://www.jc.gov.cn/", "铁岭市": "http://www.tieling.gov.cn/",
                             "韶关市": "http://www.sg.gov.cn/", "临汾市": "http://www.linfen.gov.cn/", "抚州市": "http://www.jxfz.gov.cn/"})
f5.ICP.update({"湖南": "湘", "山东": "鲁", "湖北": "鄂", "河北": "冀", "河南": "豫", "福建": "闽", "陕西": "陕", "甘肃": "陇", "辽宁": "辽",
               "广东": "粤", "山西": "晋", "江西": "赣"})
TOWNS = {"430522": "酿溪镇", "371323": "沂城街道", "420625": "城关镇", "130531": "广宗镇", "411122": "城关街道", "350423": "龙津镇",
         "610431": "普集街道", "620321": "城关镇", "211224": "昌图镇", "440229": "龙仙镇", "141027": "天坛镇", "361021": "建昌镇"}
GBK_HOSTS = {"www.fushan.gov.cn", "www.gzx.gov.cn"}
# the 信息公开 platforms on another host (xxgkhost)
PLATFORM = {"610431": "xxgk.wugong.gov.cn", "620321": "zwgk.gansu.gov.cn", "211224": "zwgk.changtu.gov.cn"}

f6.NAV.update({
    "ztree": [("首页", "/"), ("政务公开", "/zwgk/"), ("新闻中心", "/xwzx/"), ("政务服务", "/zwfw/"), ("互动交流", "/hdjl/")],
    "yearfilter": [("首页", "/"), ("政务公开", "/zwgk/"), ("新闻动态", "/xwdt/"), ("办事服务", "/bsfw/"), ("政民互动", "/zmhd/")],
    "xxgkhost": [("首页", "/"), ("走进{s}", "/zjxx/"), ("新闻中心", "/xwzx/"), ("政务服务", "/zwfw/"), ("互动交流", "/hdjl/")],
    "pageform": [("网站首页", "/"), ("政务公开", "/zwgk/"), ("新闻资讯", "/xwzx/"), ("公共服务", "/ggfw/"), ("公众参与", "/gzcy/")],
})


def setup_mods():
    f5.TOWNS = TOWNS
    f5.GBK_HOSTS = GBK_HOSTS
    f6.GBK_HOSTS = GBK_HOSTS
    f7.GBK_HOSTS = GBK_HOSTS
    f5.COUNTIES = COUNTIES


def enc_of(host):
    return "gbk" if host in GBK_HOSTS else "utf-8"


def items_of(x: Ctx, keys):
    return sort_desc(x.reports + [x.looks[k] for k in keys])


def chunks(items, per):
    return [items[i:i + per] for i in range(0, len(items), per)] or [[]]


def placeholder(x: Ctx, url, title, crumbs, host=None):
    """A column page the catalogue names that holds nothing of interest (recorded so that no link is dead)."""
    add_page(x, url, shell(x, f"{title}-{x.c.name}人民政府", f'<div class="col-title">{esc(title)}</div>\n<p>本栏目暂无信息。</p>', crumbs,
                           host=host), stamp(dt.date(2025, 1, 8), "ph8", url))


def dated_rows(items, href=rel_path, fmt="iso"):
    def d(a):
        return {"iso": a.date.isoformat(), "br": f"[{a.date.isoformat()}]", "none": ""}[fmt]
    return '<ul class="list">\n' + "\n".join(
        f'<li><a href="{esc(href(a.url))}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a>' + (f"<span>{d(a)}</span>" if d(a) else "")
        + "</li>" for a in items) + "\n</ul>"


def anchor_pager(k, n, href):
    parts = [f'<a href="{esc(href(j))}">{j}</a>' if j != k else f"<b>{j}</b>" for j in range(1, n + 1)]
    if k < n:
        parts.append(f'<a href="{esc(href(k + 1))}">下一页</a>')
    return f'<div class="page">{" ".join(parts)}</div>'


# ==============================================================================================================
# family 1: ztree — 政府信息公开 catalogues drawn by zTree from a simple-data node list
# ==============================================================================================================


def ztree_js(nodes, var=None, quoted=True):
    def node(n):
        if quoted:
            return json.dumps(n, ensure_ascii=False, separators=(",", ":"))
        return "{" + ",".join(f"{k}:{json.dumps(v, ensure_ascii=False)}" for k, v in n.items()) + "}"
    body = "[\n  " + ",\n  ".join(node(n) for n in nodes) + "\n]"
    return f"var {var} = {body};" if var else body


ZT_SETTING = ('var setting = {view: {showLine: true, selectedMulti: false}, data: {simpleData: {enable: true, idKey: "id", '
              'pIdKey: "pId", rootPId: 0}}, callback: {onClick: function (e, id, node) { if (node.url) { window.location.href = node.url; } }}};')


def zt_page(x: Ctx, url, title, tree_id, script, main, crumbs, head=""):
    body = (f'<div class="gk-left"><div class="gk-tit">政府信息公开目录</div><ul id="{tree_id}" class="ztree"></ul></div>\n'
            f'<div class="gk-right">{main}</div>\n'
            '<script src="/static/js/jquery.ztree.core.min.js"></script>\n' + head + f"<script>\n{script}\n</script>")
    add_page(x, url, shell(x, f"{title}-{x.c.name}人民政府", body, crumbs, head_extra='<link rel="stylesheet" href="/static/css/zTreeStyle.css">\n'),
             stamp(dt.date(2025, 3, 4), "zt8", url))


def zt_list(x: Ctx, url_of, title, items, per, crumbs, href=rel_path, fmt="iso", salt="ztl"):
    pages = chunks(items, per)
    n = len(pages)
    for k, ch in enumerate(pages, 1):
        main = f'<div class="col-title">{esc(title)}</div>\n' + dated_rows(ch, href, fmt) + ("\n" + anchor_pager(k, n, lambda j: rel_path(url_of(j))) if n > 1 else "")
        add_page(x, url_of(k), shell(x, f"{title}-{x.c.name}人民政府", main, crumbs), stamp(items[0].date, salt, k))
    return n


def build_ztree(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    gk_crumb = [("首页", "/"), ("政府信息公开", "/xxgk/")]
    if c.adcode == "430522":  # 新邵: /xxgk/ with var zNodes = [...] inline (unquoted keys); 年度报告 is a leaf under 法治政府建设
        home(x, cards([("政府信息公开", "/xxgk/"), ("政务服务", "/zwfw/")], "home-entry"))
        nodes = [{"id": 1, "pId": 0, "name": "政府信息公开指南", "url": "/xxgk/list.jsp?cid=1"},
                 {"id": 2, "pId": 0, "name": "政府信息公开制度", "url": "/xxgk/list.jsp?cid=2"},
                 {"id": 3, "pId": 0, "name": "法定主动公开内容", "open": True},
                 {"id": 31, "pId": 3, "name": "机构职能", "url": "/xxgk/list.jsp?cid=31"},
                 {"id": 32, "pId": 3, "name": "政策文件", "url": "/xxgk/list.jsp?cid=32"},
                 {"id": 33, "pId": 3, "name": "法治政府建设", "isParent": True},
                 {"id": 331, "pId": 33, "name": "年度报告", "url": "/xxgk/list.jsp?cid=331"},
                 {"id": 332, "pId": 33, "name": "工作动态", "url": "/xxgk/list.jsp?cid=332"},
                 {"id": 34, "pId": 3, "name": "财政预决算", "url": "/xxgk/list.jsp?cid=34"},
                 {"id": 4, "pId": 0, "name": "政府信息公开年报", "url": "/xxgk/list.jsp?cid=4"}]
        script = ZT_SETTING + "\n" + ztree_js(nodes, "zNodes", quoted=False) + '\n$(function () { $.fn.zTree.init($("#gkTree"), setting, zNodes); });'
        zt_page(x, f"{B}/xxgk/", "政府信息公开", "gkTree", script, "<p>请在左侧目录中选择栏目。</p>", [("首页", "/"), ("政府信息公开", None)])
        for cid, t in ((1, "政府信息公开指南"), (2, "政府信息公开制度"), (31, "机构职能"), (32, "政策文件"), (34, "财政预决算")):
            placeholder(x, f"{B}/xxgk/list.jsp?cid={cid}", t, gk_crumb + [(t, None)])
        gknb(x, f"{B}/xxgk/list.jsp?cid=4", lambda a: f"{B}/xxgk/content.jsp?cid=4&id={idn(x, a)}", gk_crumb)
        items = items_of(x, ["sfj_report", "dept_report", "town_report", "pref_report", "shufa"])
        for a in items:
            x.place(a, f"{B}/xxgk/content.jsp?cid=331&id={idn(x, a)}")
        cr = gk_crumb + [("法治政府建设", None), ("年度报告", None)]
        n = zt_list(x, lambda k: f"{B}/xxgk/list.jsp?cid=331" + (f"&page={k}" if k > 1 else ""), "年度报告", items, 6, cr)
        for a in items:
            article(x, a, cr[:-1] + [("年度报告", "/xxgk/list.jsp?cid=331")], meta_style="gk")
        dyn = sort_desc([L["news_meeting"], L["notice_plan"], L["news_demo"]])
        for a in dyn:
            x.place(a, f"{B}/xxgk/content.jsp?cid=332&id={idn(x, a)}")
        zt_list(x, lambda k: f"{B}/xxgk/list.jsp?cid=332", "工作动态", dyn, 10, gk_crumb + [("工作动态", None)], salt="ztd")
        for a in dyn:
            article(x, a, gk_crumb + [("工作动态", "/xxgk/list.jsp?cid=332")])
        x.notes.update(depth=3, column="年度报告", path="首页→政府信息公开 (/xxgk/, zTree)→法定主动公开内容›法治政府建设›年度报告 (/xxgk/list.jsp?cid=331)",
                       list="the catalogue is a zTree drawn from an inline `var zNodes = [{id:…, pId:…, name:…, url:…}]` (unquoted keys); "
                       "only leaves carry a url; the column's leaf is named 年度报告 under the url-less 法治政府建设; mixed with the 司法局's, "
                       "a department's, a township's, the prefecture's and a 述法 report", pager=f"list.jsp?cid=331&page=k anchors ({n} pages)")
    elif c.adcode == "371323":  # 沂水: /zwgk/ loads the node list from /zwgk/tree/nodes.json ($.getJSON); 4 levels
        home(x, cards([("政务公开", "/zwgk/"), ("新闻中心", "/xwzx/")], "home-entry"))
        nodes = [{"id": "1", "pId": "0", "name": "政府信息公开指南", "url": "/zwgk/col/c11/index.html"},
                 {"id": "2", "pId": "0", "name": "法定主动公开内容", "open": True},
                 {"id": "21", "pId": "2", "name": "概况信息", "url": "/zwgk/col/c21/index.html"},
                 {"id": "22", "pId": "2", "name": "重点领域信息公开", "isParent": True},
                 {"id": "221", "pId": "22", "name": "财政信息", "url": "/zwgk/col/c221/index.html"},
                 {"id": "222", "pId": "22", "name": "法治政府建设", "isParent": True},
                 {"id": "2221", "pId": "222", "name": "法治政府建设年度报告", "url": "/zwgk/col/c2221/index.html"},
                 {"id": "2222", "pId": "222", "name": "权责清单", "url": "/zwgk/col/c2222/index.html"},
                 {"id": "3", "pId": "0", "name": "政府信息公开年报", "url": "/zwgk/col/c3/index.html"}]
        x.store.add(f"{B}/zwgk/tree/nodes.json", json.dumps(nodes, ensure_ascii=False, separators=(",", ":")), ext="json",
                    ctype="application/json", lm=stamp(dt.date(2025, 3, 4), "zt8j"), validators=None)
        script = (ZT_SETTING + '\n$(function () {\n  $.getJSON("/zwgk/tree/nodes.json", function (data) {\n'
                  '    $.fn.zTree.init($("#treeDemo"), setting, data);\n  });\n});')
        zt_page(x, f"{B}/zwgk/", "政务公开", "treeDemo", script, cards([("政府信息公开指南", "/zwgk/col/c11/index.html")]),
                [("首页", "/"), ("政务公开", None)])
        zc = [("首页", "/"), ("政务公开", "/zwgk/")]
        for cid, t in (("c11", "政府信息公开指南"), ("c21", "概况信息"), ("c221", "财政信息"), ("c2222", "权责清单")):
            placeholder(x, f"{B}/zwgk/col/{cid}/index.html", t, zc + [(t, None)])
        gknb(x, f"{B}/zwgk/col/c3/index.html", lambda a: f"{B}/zwgk/art/{a.date.year}/{idn(x, a)}.html", zc)
        items = items_of(x, ["sfj_report", "sfj_report2", "prov_report", "pref_report", "notice_submit"])
        for a in items:
            x.place(a, f"{B}/zwgk/art/{a.date.year}/{idn(x, a)}.html")
        cr = zc + [("法治政府建设年度报告", None)]
        n = zt_list(x, lambda k: f"{B}/zwgk/col/c2221/index" + (f"_{k - 1}" if k > 1 else "") + ".html", "法治政府建设年度报告", items, 5, cr,
                    fmt="br")
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设年度报告", "/zwgk/col/c2221/index.html")])
        x.notes.update(depth=2, column="法治政府建设年度报告", path="首页→政务公开 (/zwgk/; zTree from /zwgk/tree/nodes.json)→法定主动公开内容›"
                       "重点领域信息公开›法治政府建设›法治政府建设年度报告 (/zwgk/col/c2221/index.html)",
                       list="the page holds an empty <ul class=ztree>; a script asks /zwgk/tree/nodes.json (a JSON array of "
                       "{id, pId, name, url} nodes, 4 levels); mixed with the 司法局's (2), the province's, the prefecture's report and a notice",
                       pager=f"index.html, index_1.html anchors ({n} pages)")
    else:  # 谷城: /xxgk/index.html includes /xxgk/js/gkml_tree.js (var gkmlNodes = [...]); column under 其他法定主动公开内容
        home(x, cards([("信息公开", "/xxgk/index.html")], "home-entry"))
        nodes = [{"id": "a1", "pId": "0", "name": "法定主动公开内容", "open": True},
                 {"id": "a11", "pId": "a1", "name": "机构信息", "url": "/xxgk/fdzdgknr/jgxx/index.html"},
                 {"id": "a12", "pId": "a1", "name": "规划信息", "url": "/xxgk/fdzdgknr/ghxx/index.html"},
                 {"id": "a13", "pId": "a1", "name": "其他法定主动公开内容", "isParent": True},
                 {"id": "a131", "pId": "a13", "name": "法治政府建设", "url": "/xxgk/fdzdgknr/qtfdzdgknr/fzzfjs/index.html"},
                 {"id": "a132", "pId": "a13", "name": "审计信息", "url": "/xxgk/fdzdgknr/qtfdzdgknr/sjxx/index.html"},
                 {"id": "a2", "pId": "0", "name": "政府信息公开年报", "url": "/xxgk/xxgknb/index.html"}]
        x.store.add(f"{B}/xxgk/js/gkml_tree.js", ztree_js(nodes, "gkmlNodes", quoted=False) + "\n", ext="js", ctype="application/javascript",
                    lm=stamp(dt.date(2025, 3, 4), "zt8s"))
        script = ZT_SETTING + '\n$(document).ready(function () { $.fn.zTree.init($("#gkml"), setting, gkmlNodes); });'
        zt_page(x, f"{B}/xxgk/index.html", "信息公开", "gkml", script, "<p>欢迎访问政府信息公开专栏。</p>", [("首页", "/"), ("信息公开", None)],
                head='<script src="/xxgk/js/gkml_tree.js"></script>\n')
        zc = [("首页", "/"), ("信息公开", "/xxgk/index.html")]
        for p, t in (("fdzdgknr/jgxx", "机构信息"), ("fdzdgknr/ghxx", "规划信息"), ("fdzdgknr/qtfdzdgknr/sjxx", "审计信息")):
            placeholder(x, f"{B}/xxgk/{p}/index.html", t, zc + [(t, None)])
        gknb(x, f"{B}/xxgk/xxgknb/index.html", lambda a: f"{B}/xxgk/xxgknb/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html", zc)
        items = items_of(x, ["sfj_report", "town_report", "dept_report", "shufa", "news_meeting", "notice_plan"])
        col = f"{B}/xxgk/fdzdgknr/qtfdzdgknr/fzzfjs/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html")
        cr = zc + [("法治政府建设", None)]
        n = zt_list(x, lambda k: col + ("index.html" if k == 1 else f"index_{k - 1}.html"), "法治政府建设", items, 5, cr,
                    href=lambda u: "./" + u.split("/fzzfjs/", 1)[1])
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/xxgk/fdzdgknr/qtfdzdgknr/fzzfjs/index.html")], meta_style="gk")
        x.notes.update(depth=2, column="法治政府建设", path="首页→信息公开 (/xxgk/index.html; zTree from /xxgk/js/gkml_tree.js)→法定主动公开内容›"
                       "其他法定主动公开内容›法治政府建设 (/xxgk/fdzdgknr/qtfdzdgknr/fzzfjs/index.html)",
                       list="the node list is a `var gkmlNodes = [...]` in a script file the page includes; relative ./YYYYMM/tYYYYMMDD_N.html "
                       "rows; mixed with the 司法局's, a township's, a department's and a 述法 report, news and a notice",
                       pager=f"index.html, index_1.html anchors ({n} pages)")


# ==============================================================================================================
# family 2: yearfilter — the list shows one year of publication at a time; the unfiltered URL shows the latest
# ==============================================================================================================


def by_year(items):
    out: dict = {}
    for a in items:
        out.setdefault(a.date.year, []).append(a)
    return out


def yf_pages(x: Ctx, title, items, crumbs, url_of, control, fmt="iso", first_url=None, href=rel_path):
    """One page per publication year (url_of(year)); `first_url`: the unfiltered column URL, showing the latest year.
    `control(year_shown, years)`: the year selector's markup."""
    groups = by_year(items)
    years = sorted(groups, reverse=True)
    for y in years:
        main = (f'<div class="col-title">{esc(title)}</div>\n{control(y, years)}\n' + dated_rows(sort_desc(groups[y]), href, fmt))
        body = shell(x, f"{title}-{x.c.name}人民政府", main, crumbs)
        add_page(x, url_of(y), body, stamp(groups[y][0].date, "yf8", y), validators=None)
        if y == years[0] and first_url:
            add_page(x, first_url, body, stamp(groups[y][0].date, "yf8", y), validators=None)
    return years


def build_yearfilter(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    if c.adcode == "130531":  # 广宗 (GBK): 政务公开 → 法治政府建设 list.php?catid=52; GET form: hidden catid + <select name="year">
        home(x, cards([("政务公开", "/zwgk/")], "home-entry") + '<div class="tzgg"><h3>通知公告</h3><a href="/zwgk/list.php?catid=60">更多</a></div>')
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/xxgkzn/"), ("法治政府建设", "/zwgk/list.php?catid=52"),
                 ("政府信息公开年报", "/zwgk/list.php?catid=58")]), [("首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 3), "zw8"))
        zc = [("首页", "/"), ("政务公开", "/zwgk/")]
        gknb(x, f"{B}/zwgk/list.php?catid=58", lambda a: f"{B}/zwgk/show.php?catid=58&id={idn(x, a)}", zc)
        d = dup_of(x, 2022, f"{B}/zwgk/show.php?catid=60&id={fb.num('dup8', c.adcode, lo=100000, hi=999999)}")
        x.place(L["notice_submit"], f"{B}/zwgk/show.php?catid=60&id={idn(x, L['notice_submit'])}")
        add_page(x, f"{B}/zwgk/list.php?catid=60", shell(x, f"通知公告-{c.name}人民政府", li_rows(sort_desc([d, L["notice_submit"]])),
                 zc + [("通知公告", None)]), stamp(d.date, "tz8"))
        for a in (d, L["notice_submit"]):
            article(x, a, zc + [("通知公告", "/zwgk/list.php?catid=60")])
        items = items_of(x, ["sfj_report", "dept_report", "pref_report", "town_report", "news_meeting"])
        for a in items:
            x.place(a, f"{B}/zwgk/show.php?catid=52&id={idn(x, a)}")

        def control(y, years):
            opts = "".join(f'<option value="{v}"{" selected" if v == y else ""}>{v}年</option>' for v in years)
            return ('<form name="yearForm" method="get" action="list.php" class="filter">\n<input type="hidden" name="catid" value="52">\n'
                    f'发布年份：<select name="year" onchange="this.form.submit()">{opts}</select>\n<input type="submit" value="查询">\n</form>')
        cr = zc + [("法治政府建设", None)]
        years = yf_pages(x, "法治政府建设", items, cr, lambda y: f"{B}/zwgk/list.php?catid=52&year={y}", control,
                         first_url=f"{B}/zwgk/list.php?catid=52", href=lambda u: "show.php?" + urllib.parse.urlsplit(u).query)
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/list.php?catid=52")], meta_style="gk")
        x.notes.update(depth=2, column="法治政府建设", path="首页→政务公开→法治政府建设 (/zwgk/list.php?catid=52)",
                       list="GBK; the list shows one year of publication; a GET <form action=list.php> with a hidden catid and "
                       "<select name=year onchange=this.form.submit()> names the others; mixed with the 司法局's, a department's, the "
                       "prefecture's and a township's report and news; the 2022 report re-posted in 通知公告",
                       pager=f"list.php?catid=52&year=Y for Y in {years} (the unfiltered URL shows {years[0]})")
    elif c.adcode == "411122":  # 临颍: 政务公开 → 法治政府 → 年度报告 list.do?columnId=1208; year links ?columnId=1208&year=Y
        home(x, cards([("政务公开", "/zwgk/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/list.do?columnId=1201"),
                 ("法治政府", "/zwgk/fzzf/"), ("政府信息公开年报", "/zwgk/list.do?columnId=1290")]), [("首页", "/"), ("政务公开", None)]),
                 stamp(dt.date(2025, 2, 3), "zw8"))
        zc = [("首页", "/"), ("政务公开", "/zwgk/")]
        add_page(x, f"{B}/zwgk/fzzf/", shell(x, f"法治政府-{c.name}人民政府", cards([("工作动态", "/zwgk/list.do?columnId=1207"),
                 ("年度报告", "/zwgk/list.do?columnId=1208"), ("制度文件", "/zwgk/list.do?columnId=1209")]), zc + [("法治政府", None)]),
                 stamp(dt.date(2025, 2, 3), "fz8"))
        fc = zc + [("法治政府", "/zwgk/fzzf/")]
        gknb(x, f"{B}/zwgk/list.do?columnId=1290", lambda a: f"{B}/zwgk/detail.do?id={idn(x, a)}", zc)
        dyn = sort_desc([L["news_committee"], L["news_demo"], L["notice_plan"]])
        for a in dyn:
            x.place(a, f"{B}/zwgk/detail.do?id={idn(x, a)}")
        add_page(x, f"{B}/zwgk/list.do?columnId=1207", shell(x, f"工作动态-{c.name}人民政府", li_rows(dyn, href=lambda u: "detail.do?" + urllib.parse.urlsplit(u).query),
                 fc + [("工作动态", None)]), stamp(dyn[0].date, "gz8"))
        for a in dyn:
            article(x, a, fc + [("工作动态", "/zwgk/list.do?columnId=1207")])
        items = items_of(x, ["sfj_report", "sfj_report2", "prov_report", "shufa", "town_report"])
        for a in items:
            x.place(a, f"{B}/zwgk/detail.do?id={idn(x, a)}")

        def control(y, years):
            return '<div class="year-nav">按年份：' + "".join(
                f'<a href="list.do?columnId=1208&amp;year={v}"{" class=on" if v == y else ""}>{v}年</a>' for v in years) + "</div>"
        cr = fc + [("年度报告", None)]
        years = yf_pages(x, "年度报告", items, cr, lambda y: f"{B}/zwgk/list.do?columnId=1208&year={y}", control,
                         first_url=f"{B}/zwgk/list.do?columnId=1208", href=lambda u: "detail.do?" + urllib.parse.urlsplit(u).query)
        for a in items:
            article(x, a, cr[:-1] + [("年度报告", "/zwgk/list.do?columnId=1208")], meta_style="gk")
        x.notes.update(depth=3, column="年度报告", path="首页→政务公开→法治政府→年度报告 (/zwgk/list.do?columnId=1208)",
                       list="the list shows one year of publication; year links list.do?columnId=1208&year=Y (relative) name the others; "
                       "mixed with the 司法局's (2), the province's, a township's and a 述法 report",
                       pager=f"list.do?columnId=1208&year=Y for Y in {years} (the unfiltered URL shows {years[0]})")
    else:  # 清流: 政府信息公开 → 法治政府建设年度报告 /xxgk/fzzfjs/index.jsp; <select onchange> builds index.jsp?nf=Y; dateless rows
        home(x, cards([("政府信息公开", "/xxgk/")], "home-entry"))
        add_page(x, f"{B}/xxgk/", shell(x, f"政府信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/xxgk/xxgkzn/"), ("法定主动公开内容", "/xxgk/fdzdgknr/"),
                 ("政府信息公开年报", "/xxgk/xxgknb/")]), [("首页", "/"), ("政府信息公开", None)]), stamp(dt.date(2025, 2, 3), "zw8"))
        zc = [("首页", "/"), ("政府信息公开", "/xxgk/")]
        add_page(x, f"{B}/xxgk/fdzdgknr/", shell(x, f"法定主动公开内容-{c.name}人民政府", cards([("规划计划", "/xxgk/ghjh/"),
                 ("法治政府建设年度报告", "/xxgk/fzzfjs/index.jsp"), ("人事信息", "/xxgk/rsxx/")]), zc + [("法定主动公开内容", None)]),
                 stamp(dt.date(2025, 2, 3), "fd8"))
        gknb(x, f"{B}/xxgk/xxgknb/", lambda a: f"{B}/xxgk/xxgknb/{a.date.strftime('%Y%m')}/{idn(x, a)}.html", zc)
        items = items_of(x, ["sfj_report", "dept_report", "pref_report", "notice_plan", "news_meeting"])
        for a in items:
            x.place(a, f"{B}/xxgk/fzzfjs/{a.date.strftime('%Y%m')}/{idn(x, a)}.html")

        def control(y, years):
            opts = "".join(f'<option value="{v}"{" selected" if v == y else ""}>{v}年</option>' for v in years)
            return ('<div class="nf-filter">年份：<select id="selNf" onchange="window.location.href=\'/xxgk/fzzfjs/index.jsp?nf=\'+this.value">'
                    f'<option value="">--请选择--</option>{opts}</select></div>')
        cr = zc + [("法定主动公开内容", "/xxgk/fdzdgknr/"), ("法治政府建设年度报告", None)]
        years = yf_pages(x, "法治政府建设年度报告", items, cr, lambda y: f"{B}/xxgk/fzzfjs/index.jsp?nf={y}", control, fmt="none",
                         first_url=f"{B}/xxgk/fzzfjs/index.jsp")
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设年度报告", "/xxgk/fzzfjs/index.jsp")])
        x.notes.update(depth=3, column="法治政府建设年度报告", path="首页→政府信息公开→法定主动公开内容→法治政府建设年度报告 (/xxgk/fzzfjs/index.jsp)",
                       list="dateless rows of one year of publication; <select onchange=\"window.location.href='/xxgk/fzzfjs/index.jsp?nf='+this.value\"> "
                       "(no form) names the others; mixed with the 司法局's, a department's and the prefecture's report, a notice and news",
                       pager=f"index.jsp?nf=Y for Y in {years} (the unfiltered URL shows {years[0]})")


# ==============================================================================================================
# family 3: xxgkhost — the 信息公开 platform on another host, linked from the homepage only by an image
# ==============================================================================================================


def pt_shell(x: Ctx, host, title, main, crumbs=(), prefix=""):
    c = x.c
    f = f5.footer(c)
    crumb = ""
    if crumbs:
        crumb = '<div class="gk-pos">您的位置：' + " &gt; ".join(f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs) + "</div>"
    nav = [("首页", f"{prefix}/index.html"), ("政府信息公开指南", f"{prefix}/xxgkzn/index.html"), ("法定主动公开内容", f"{prefix}/fdzdgknr/index.html"),
           ("政府信息公开年报", f"{prefix}/xxgknb/index.html")]
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<meta name="SiteName" content="{c.name}政府信息公开">
<meta name="SiteIDCode" content="{c.code}">
<link rel="stylesheet" href="/gkstatic/css/gk.css">
</head>
<body>
<div class="gk-head"><span class="gk-name">{c.name}政府信息公开平台</span><a href="http://{c.host}/" target="_blank">{c.name}人民政府门户网站</a></div>
<div class="gk-nav">{''.join(f'<a href="{u}">{t}</a>' for t, u in nav)}</div>
<div class="gk-main">
{crumb}
{main}
</div>
<div class="gk-foot"><p>{'　'.join(esc(s) for s in f)}</p></div>
</body>
</html>
"""


def pt_page(x: Ctx, url, title, main, crumbs, lm_salt="pt8", lm=None):
    add_page(x, url, pt_shell(x, urllib.parse.urlsplit(url).hostname, title, main, crumbs, x.notes.get("prefix", "")),
             lm or stamp(dt.date(2025, 2, 20), lm_salt, url))


def pt_article(x: Ctx, a, crumbs):
    t = stamp(a.date, "pta8", a.key)
    main = (f'<div class="gk-art"><h1>{esc(a.title)}</h1><div class="gk-info">发布日期：{a.date.isoformat()}　发布机构：{esc(a.source)}</div>\n'
            f'<div class="gk-con">\n{f5.content_html(a)}\n</div></div>')
    pt_page(x, a.url, a.title, main, crumbs, lm=t)


def pt_list(x: Ctx, url_of, title, items, per, crumbs, fmt="iso"):
    pages = chunks(items, per)
    n = len(pages)
    for k, ch in enumerate(pages, 1):
        main = f'<div class="col-title">{esc(title)}</div>\n' + dated_rows(ch, fmt=fmt) + ("\n" + anchor_pager(k, n, lambda j: rel_path(url_of(j))) if n > 1 else "")
        pt_page(x, url_of(k), title, main, crumbs, lm=stamp(items[0].date, "ptl8", k))
    return n


def image_home(x: Ctx, banners):
    """The homepage: news and a row of image links (no text)."""
    c = x.c
    nh = f5.home_news(c, "/xwzx/jryw/")
    main = (f'<div class="home-news"><h3>{c.short}要闻</h3><ul>' + "".join(f'<li><a href="{u}">{esc(t)}</a><i>{d}</i></li>' for t, u, d in nh)
            + "</ul></div>\n" + banners)
    add_page(x, f"http://{c.host}/", shell(x, f"{c.name}人民政府", main), stamp(dt.date(2025, 6, 26), "home8"))


def pt_build(x: Ctx, P, prefix, items, col_path, col_title, mid, per, fmt="iso"):
    """The platform: home → 法定主动公开内容 → `mid` (title, path) or none → the column; xxgknb; placeholders."""
    c, L = x.c, x.looks
    x.notes["prefix"] = prefix
    H = f"{prefix}/index.html"
    pt_page(x, f"{P}{prefix}/index.html", f"{c.name}政府信息公开", cards([("政府信息公开指南", f"{prefix}/xxgkzn/index.html"),
            ("法定主动公开内容", f"{prefix}/fdzdgknr/index.html"), ("政府信息公开年报", f"{prefix}/xxgknb/index.html")]), [])
    if not prefix:
        x.store.add(f"{P}/", None, status=302, location=f"{P}/index.html", note="redirect to index.html")
    pt_page(x, f"{P}{prefix}/xxgkzn/index.html", "政府信息公开指南", "<p>本指南根据《中华人民共和国政府信息公开条例》编制。</p>",
            [("首页", H), ("政府信息公开指南", None)])
    fd = [("首页", H), ("法定主动公开内容", f"{prefix}/fdzdgknr/index.html")]
    subs = [("机构职能", f"{prefix}/fdzdgknr/jgzn/index.html"), ("政策文件", f"{prefix}/fdzdgknr/zcwj/index.html")]
    subs.insert(1, mid if mid else (col_title, col_path))
    pt_page(x, f"{P}{prefix}/fdzdgknr/index.html", "法定主动公开内容", cards(subs), [("首页", H), ("法定主动公开内容", None)])
    for t, u in subs:
        if u not in (col_path, (mid or ("", ""))[1]):
            pt_page(x, P + u, t, "<p>本栏目暂无信息。</p>", fd + [(t, None)])
    cr = fd
    if mid:
        pt_page(x, P + mid[1], mid[0], cards([(col_title, col_path), ("工作动态", mid[1].replace("index.html", "gzdt/index.html"))]),
                fd + [(mid[0], None)])
        dyn = sort_desc([L["news_meeting"], L["news_committee"]])
        base = P + mid[1].replace("index.html", "gzdt/")
        for a in dyn:
            x.place(a, f"{base}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html")
        cr = fd + [(mid[0], mid[1])]
        pt_list(x, lambda k: base + "index.html", "工作动态", dyn, 10, cr + [("工作动态", None)])
        for a in dyn:
            pt_article(x, a, cr + [("工作动态", mid[1].replace("index.html", "gzdt/index.html"))])
    gk = sort_desc([a for k, a in L.items() if k.startswith("gk")])
    for a in gk:
        x.place(a, f"{P}{prefix}/xxgknb/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html")
    pt_list(x, lambda k: f"{P}{prefix}/xxgknb/index.html", "政府信息公开年报", gk, 10, [("首页", H), ("政府信息公开年报", None)])
    for a in gk:
        pt_article(x, a, [("首页", H), ("政府信息公开年报", f"{prefix}/xxgknb/index.html")])
    colbase = P + col_path.replace("index.html", "")
    for a in items:
        x.place(a, f"{colbase}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{idn(x, a)}.html")
    n = pt_list(x, lambda k: colbase + ("index.html" if k == 1 else f"index_{k - 1}.html"), col_title, items, per, cr + [(col_title, None)], fmt)
    for a in items:
        pt_article(x, a, cr + [(col_title, col_path)])
    return n


def build_xxgkhost(x: Ctx):
    c = x.c
    ph = PLATFORM[c.adcode]
    P = f"http://{ph}"
    x.notes["sibling"] = ph
    if c.adcode == "610431":  # 武功: banner <a href="http://xxgk.…/"><img src="/images/rk_xxgk.png"></a> — no text, no alt
        banners = ('<div class="rk-banners">'
                   '<a href="http://zwfw.shaanxi.gov.cn/" target="_blank"><img src="/images/rk_zwfw.png"></a>'
                   f'<a href="{P}/" target="_blank"><img src="/images/rk_xxgk.png"></a>'
                   '<a href="/ztzl/xczx/" target="_blank"><img src="/images/zt_0312.jpg"></a>'
                   '<a href="/hdjl/" target="_blank"><img src="/images/rk_hdjl.png"></a></div>')
        image_home(x, banners)
        items = items_of(x, ["sfj_report", "dept_report", "pref_report", "town_report", "notice_plan"])
        n = pt_build(x, P, "", items, "/fdzdgknr/fzzfjs/ndbg/index.html", "年度报告", ("法治政府建设", "/fdzdgknr/fzzfjs/index.html"), 5)
        x.notes.update(depth=4, column="年度报告", path=f"www 首页 (image link, no text: /images/rk_xxgk.png)→{ph}→法定主动公开内容→法治政府建设→年度报告",
                       list="mixed with the 司法局's, a department's, the prefecture's and a township's report and a notice",
                       pager=f"index.html, index_1.html anchors ({n} pages)", other=f"http://{ph}/ answers 302 → /index.html")
    elif c.adcode == "620321":  # 永昌: an image map <area title="政府信息公开"> to the province's platform zwgk.gansu.gov.cn/ycx/
        banners = ('<div class="rk"><img src="/images/index_rk.jpg" usemap="#rkmap" alt="">\n<map name="rkmap">'
                   '<area shape="rect" coords="0,0,240,90" href="http://www.gov.cn/" target="_blank" alt="">'
                   f'<area shape="rect" coords="240,0,480,90" href="{P}/ycx/index.html" target="_blank" title="政府信息公开">'
                   '<area shape="rect" coords="480,0,720,90" href="/hdjl/" title="互动交流"></map></div>')
        image_home(x, banners)
        items = items_of(x, ["sfj_report", "sfj_report2", "prov_report", "shufa", "notice_submit"])
        n = pt_build(x, P, "/ycx", items, "/ycx/fdzdgknr/fzzfjs/index.html", "法治政府建设", None, 4)
        x.notes.update(depth=3, column="法治政府建设", path=f"www 首页 (<area title=政府信息公开>)→{ph}/ycx/ (the province's platform; the county's "
                       "网站标识码 and 主办单位)→法定主动公开内容→法治政府建设",
                       list="mixed with the 司法局's (2), the province's and a 述法 report and a notice", pager=f"index.html, index_1.html anchors ({n} pages)")
    else:  # 昌图: <a href="http://zwgk.…/index.html"><img src="/uploadfiles/…jpg" alt="昌图县政府信息公开平台"></a>; dateless rows
        banners = ('<div class="banner-list">'
                   f'<a href="{P}/index.html" target="_blank"><img src="/uploadfiles/202403/1709876543210.jpg" alt="{c.name}政府信息公开平台"></a>'
                   f'<a href="http://www.tieling.gov.cn/" target="_blank"><img src="/uploadfiles/202403/1709876549876.jpg" alt="{c.prefecture}人民政府"></a>'
                   '</div>')
        image_home(x, banners)
        items = items_of(x, ["sfj_report", "dept_report", "town_report", "pref_report", "news_demo"])
        n = pt_build(x, P, "", items, "/fdzdgknr/fzzfjsndbg/index.html", "法治政府建设年度报告", None, 4, fmt="none")
        x.notes.update(depth=3, column="法治政府建设年度报告", path=f"www 首页 (<img alt=…政府信息公开平台>)→{ph}→法定主动公开内容→法治政府建设年度报告",
                       list="dateless rows; mixed with the 司法局's, a department's, a township's and the prefecture's report and news",
                       pager=f"index.html, index_1.html anchors ({n} pages)", other=f"http://{ph}/ answers 302 → /index.html")


# ==============================================================================================================
# family 4: pageform — lists paged by a GET form with hidden page inputs
# ==============================================================================================================


def form_query(fields):
    return "&".join(f"{k}={v}" for k, v in fields)


def pf_pages(x: Ctx, title, items, per, crumbs, first_url, page_url, form_fn, href=rel_path, fmt="iso"):
    pages = chunks(items, per)
    n = len(pages)
    for k, ch in enumerate(pages, 1):
        main = f'<div class="col-title">{esc(title)}</div>\n' + dated_rows(ch, href, fmt) + "\n" + form_fn(k, n, len(items))
        body = shell(x, f"{title}-{x.c.name}人民政府", main, crumbs)
        add_page(x, page_url(k), body, stamp(items[0].date, "pf8", k), validators=None)
        if k == 1:
            add_page(x, first_url, body, stamp(items[0].date, "pf8", k), validators=None)
    return n


def build_pageform(x: Ctx):
    c, L, B = x.c, x.looks, f"http://{x.c.host}"
    if c.adcode == "440229":  # 翁源: list.aspx?cid=45; form#pageForm hidden cid + pageIndex; goPage(n); 第k/n页
        home(x, cards([("政务公开", "/zwgk/")], "home-entry"))
        add_page(x, f"{B}/zwgk/", shell(x, f"政务公开-{c.name}人民政府", cards([("政府信息公开指南", "/zwgk/fzzf/list.aspx?cid=41"),
                 ("法治政府建设", "/zwgk/fzzf/list.aspx?cid=45"), ("政府信息公开年报", "/zwgk/fzzf/list.aspx?cid=49")]), [("网站首页", "/"), ("政务公开", None)]),
                 stamp(dt.date(2025, 2, 3), "zw8"))
        zc = [("网站首页", "/"), ("政务公开", "/zwgk/")]
        gknb(x, f"{B}/zwgk/fzzf/list.aspx?cid=49", lambda a: f"{B}/zwgk/fzzf/show.aspx?id={idn(x, a)}", zc)
        items = items_of(x, ["sfj_report", "dept_report", "town_report", "pref_report", "shufa", "news_meeting", "notice_plan"])
        for a in items:
            x.place(a, f"{B}/zwgk/fzzf/show.aspx?id={idn(x, a)}")

        def form(k, n, total):
            nxt = (f' <a href="javascript:goPage({k + 1})">下一页</a> <a href="javascript:goPage({n})">尾页</a>' if k < n else "")
            prv = (f'<a href="javascript:goPage(1)">首页</a> <a href="javascript:goPage({k - 1})">上一页</a> ' if k > 1 else "")
            return ('<form id="pageForm" name="pageForm" method="get" action="list.aspx">\n<input type="hidden" name="cid" value="45">\n'
                    f'<input type="hidden" name="pageIndex" id="pageIndex" value="{k}">\n</form>\n'
                    f'<div class="pager">共{total}条 第{k}/{n}页 {prv}{nxt}</div>\n'
                    "<script>\nfunction goPage(n) {\n  document.getElementById('pageIndex').value = n;\n"
                    "  document.getElementById('pageForm').submit();\n}\n</script>")
        cr = zc + [("法治政府建设", None)]
        n = pf_pages(x, "法治政府建设", items, 5, cr, f"{B}/zwgk/fzzf/list.aspx?cid=45", lambda k: f"{B}/zwgk/fzzf/list.aspx?cid=45&pageIndex={k}", form,
                     href=lambda u: "show.aspx?" + urllib.parse.urlsplit(u).query)
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/fzzf/list.aspx?cid=45")])
        x.notes.update(depth=2, column="法治政府建设", path="首页→政务公开→法治政府建设 (/zwgk/fzzf/list.aspx?cid=45)",
                       list="mixed with the 司法局's, a department's, a township's, the prefecture's and a 述法 report, news and a notice",
                       pager=f"<form id=pageForm method=get action=list.aspx> with hidden cid=45 and pageIndex; javascript:goPage(n) sets "
                       f"pageIndex and submits; text 第k/n页 ({n} pages: list.aspx?cid=45&pageIndex=k)")
    elif c.adcode == "141027":  # 浮山 (GBK): 信息公开 → 法治政府建设 → 年度报告 list.jsp?channelId=1203; GO box: pageNo input + hidden channelId
        home(x, cards([("信息公开", "/xxgk/")], "home-entry"))
        add_page(x, f"{B}/xxgk/", shell(x, f"信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/xxgk/list.jsp?channelId=1101"),
                 ("法治政府建设", "/xxgk/fzzfjs/"), ("政府信息公开年报", "/xxgk/list.jsp?channelId=1109")]), [("网站首页", "/"), ("信息公开", None)]),
                 stamp(dt.date(2025, 2, 3), "zw8"))
        zc = [("网站首页", "/"), ("信息公开", "/xxgk/")]
        add_page(x, f"{B}/xxgk/fzzfjs/", shell(x, f"法治政府建设-{c.name}人民政府", cards([("年度报告", "/xxgk/list.jsp?channelId=1203"),
                 ("法治动态", "/xxgk/list.jsp?channelId=1204")]), zc + [("法治政府建设", None)]), stamp(dt.date(2025, 2, 3), "fz8"))
        fc = zc + [("法治政府建设", "/xxgk/fzzfjs/")]
        gknb(x, f"{B}/xxgk/list.jsp?channelId=1109", lambda a: f"{B}/xxgk/content.jsp?id={idn(x, a)}", zc)
        dyn = sort_desc([L["news_committee"], L["news_demo"], L["dept_report"]])
        for a in dyn:
            x.place(a, f"{B}/xxgk/content.jsp?id={idn(x, a)}")
        add_page(x, f"{B}/xxgk/list.jsp?channelId=1204", shell(x, f"法治动态-{c.name}人民政府", li_rows(dyn, href=lambda u: "content.jsp?" + urllib.parse.urlsplit(u).query),
                 fc + [("法治动态", None)]), stamp(dyn[0].date, "dt8"))
        for a in dyn:
            article(x, a, fc + [("法治动态", "/xxgk/list.jsp?channelId=1204")])
        items = items_of(x, ["sfj_report", "sfj_report2", "prov_report", "town_report", "notice_submit"])
        for a in items:
            x.place(a, f"{B}/xxgk/content.jsp?id={idn(x, a)}")

        def form(k, n, total):
            return ('<form name="pf" method="get" action="list.jsp" class="page-go">\n'
                    f'共 <b>{n}</b> 页 当前第 <b>{k}</b> 页 '
                    + (f'<a href="javascript:void(0)" onclick="document.pf.pageNo.value={k + 1};document.pf.submit();">下一页</a> ' if k < n else "")
                    + f'跳转到第 <input type="text" name="pageNo" value="{k}" size="3"> 页\n'
                    '<input type="hidden" name="channelId" value="1203">\n<input type="submit" value="GO">\n</form>')
        cr = fc + [("年度报告", None)]
        n = pf_pages(x, "年度报告", items, 4, cr, f"{B}/xxgk/list.jsp?channelId=1203", lambda k: f"{B}/xxgk/list.jsp?pageNo={k}&channelId=1203", form,
                     href=lambda u: "content.jsp?" + urllib.parse.urlsplit(u).query)
        for a in items:
            article(x, a, cr[:-1] + [("年度报告", "/xxgk/list.jsp?channelId=1203")], meta_style="gk")
        x.notes.update(depth=3, column="年度报告", path="首页→信息公开→法治政府建设→年度报告 (/xxgk/list.jsp?channelId=1203)",
                       list="GBK; mixed with the 司法局's (2), the province's and a township's report and a notice",
                       pager=f"a GET <form name=pf action=list.jsp>: 共 n 页, a visible pageNo text input, hidden channelId; 下一页 sets "
                       f"pageNo by onclick and submits ({n} pages: list.jsp?pageNo=k&channelId=1203)")
    else:  # 南城: /xxgk/fzzf.php; form#listForm hidden pageNo, pageSize, totalCount; numbered goPage(k) links; dateless rows
        home(x, cards([("政府信息公开", "/xxgk/")], "home-entry"))
        add_page(x, f"{B}/xxgk/", shell(x, f"政府信息公开-{c.name}人民政府", cards([("政府信息公开指南", "/xxgk/xxgkzn.php"),
                 ("法定主动公开内容", "/xxgk/fdzdgknr.php"), ("政府信息公开年报", "/xxgk/xxgknb.php")]), [("网站首页", "/"), ("政府信息公开", None)]),
                 stamp(dt.date(2025, 2, 3), "zw8"))
        zc = [("网站首页", "/"), ("政府信息公开", "/xxgk/")]
        add_page(x, f"{B}/xxgk/fdzdgknr.php", shell(x, f"法定主动公开内容-{c.name}人民政府", cards([("规划计划", "/xxgk/ghjh.php"),
                 ("法治政府建设", "/xxgk/fzzf.php"), ("财政信息", "/xxgk/czxx.php")]), zc + [("法定主动公开内容", None)]), stamp(dt.date(2025, 2, 3), "fd8"))
        gknb(x, f"{B}/xxgk/xxgknb.php", lambda a: f"{B}/xxgk/show.php?id={idn(x, a)}", zc)
        items = items_of(x, ["sfj_report", "dept_report", "pref_report", "town_report", "shufa", "news_meeting"])
        for a in items:
            x.place(a, f"{B}/xxgk/show.php?id={idn(x, a)}")
        per = 4

        def form(k, n, total):
            links = " ".join(f'<a href="javascript:goPage({j})">{j}</a>' if j != k else f'<span class="current">{j}</span>' for j in range(1, n + 1))
            return ('<form id="listForm" method="get" action="/xxgk/fzzf.php">\n'
                    f'<input type="hidden" name="pageNo" value="{k}">\n<input type="hidden" name="pageSize" value="{per}">\n'
                    f'<input type="hidden" name="totalCount" value="{total}">\n</form>\n<div class="pagination">{links}'
                    + (f' <a href="javascript:goPage({k + 1})">下一页</a>' if k < n else "") + "</div>\n"
                    "<script>\nfunction goPage(p) {\n  var f = document.getElementById('listForm');\n  f.pageNo.value = p;\n  f.submit();\n}\n</script>")
        cr = zc + [("法定主动公开内容", "/xxgk/fdzdgknr.php"), ("法治政府建设", None)]
        n = pf_pages(x, "法治政府建设", items, per, cr, f"{B}/xxgk/fzzf.php", lambda k: f"{B}/xxgk/fzzf.php?pageNo={k}&pageSize={per}&totalCount={len(items)}",
                     form, href=lambda u: "show.php?" + urllib.parse.urlsplit(u).query, fmt="none")
        for a in items:
            article(x, a, cr[:-1] + [("法治政府建设", "/xxgk/fzzf.php")])
        x.notes.update(depth=3, column="法治政府建设", path="首页→政府信息公开→法定主动公开内容→法治政府建设 (/xxgk/fzzf.php)",
                       list="dateless rows; mixed with the 司法局's, a department's, the prefecture's, a township's and a 述法 report and news",
                       pager=f"<form id=listForm method=get> with hidden pageNo, pageSize={per}, totalCount={len(items)} (no page count shown); "
                       f"numbered javascript:goPage(k) links ({n} pages: fzzf.php?pageNo=k&pageSize={per}&totalCount={len(items)})")


BUILDERS = {"ztree": build_ztree, "yearfilter": build_yearfilter, "xxgkhost": build_xxgkhost, "pageform": build_pageform}

OPTS = {
    "430522": {"styles": {2021: "no_county"}},
    "411122": {"styles": {2020: "anpai"}},
    "620321": {"styles": {2022: "cn_year"}},
    "361021": {"styles": {2019: "zhengfu_guanyu"}},
    "371323": {"styles": {2022: "zongjie"}},
}


# --------------------------------------------------------------------------------------------------------------
# links for the generator's own check: families7's extractor, plus what a browser derives from the four shapes:
#   zTree node urls (script literals and JSON strings, already read), GET forms (action + fields in document order)
#   with a year <select> → one URL per option year, with a page input → pages 2…n (n from 共 n 页 / k/n页 or
#   totalCount / pageSize), and a <select onchange> whose handler builds 'URL=' + this.value
# --------------------------------------------------------------------------------------------------------------

FORM_RE = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
INPUT_RE = re.compile(r"<(input|select)\b([^>]*)>", re.I)
ATTR = lambda name: re.compile(rf"""\b{name}\s*=\s*["']([^"']*)["']""", re.I)  # noqa: E731
YEAR_OPT_RE = re.compile(r"""<option\b[^>]*value=["'](20\d\d)["']""", re.I)
PAGES_RE = re.compile(r"共\s*(?:<b>)?\s*(\d+)\s*(?:</b>)?\s*页|\d+\s*/\s*(\d+)\s*页")
ONCHANGE_RE = re.compile(r"""<select\b[^>]*onchange="[^"]*?'([^']*=)'\s*\+\s*this\.value[^"]*"[^>]*>(.*?)</select>""", re.S | re.I)


def form_links(url, text):
    out = []
    for fm in FORM_RE.finditer(text):
        attrs, inner = fm.group(1), fm.group(2)
        m = ATTR("method").search(attrs)
        if not m or m.group(1).lower() != "get":
            continue
        action = urllib.parse.urljoin(url, html.unescape(ATTR("action").search(attrs).group(1)))
        fields = []
        for im in INPUT_RE.finditer(inner):
            a = im.group(2)
            nm = ATTR("name").search(a)
            tp = ATTR("type").search(a)
            if not nm or (tp and tp.group(1).lower() == "submit"):
                continue
            vm = ATTR("value").search(a)
            fields.append((nm.group(1), None if im.group(1).lower() == "select" else (vm.group(1) if vm else "")))
        sel = [k for k, v in fields if v is None]
        for k in sel:
            years = YEAR_OPT_RE.findall(inner)
            for y in years:
                out.append(action + "?" + form_query([(n, y if n == k else v) for n, v in fields]))
        page = [k for k, v in fields if k.lower() in ("pageindex", "pageno")]
        if page:
            pm = PAGES_RE.search(text)
            tm, sm = re.search(r'name="totalCount" value="(\d+)"', inner), re.search(r'name="pageSize" value="(\d+)"', inner)
            n = int(pm.group(1) or pm.group(2)) if pm else math.ceil(int(tm.group(1)) / int(sm.group(1))) if tm and sm else 1
            for p in range(1, n + 1):
                out.append(action + "?" + form_query([(k, str(p) if k == page[0] else v) for k, v in fields]))
    for sm in ONCHANGE_RE.finditer(text):
        for y in YEAR_OPT_RE.findall(sm.group(2)):
            out.append(urllib.parse.urljoin(url, sm.group(1) + y))
    return out


def links_of(url: str, text: str, is_js=False, is_json=False, is_xml=False) -> list:
    out = f7.links_of(url, text, is_js=is_js, is_json=is_json, is_xml=is_xml)
    if not (is_js or is_json or is_xml):
        out += form_links(url, text)
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
        s["why"] = "the county's 政府信息公开 platform, linked from the homepage only by an image"
    ct = lambda e: e["headers"].get("Content-Type", "")  # noqa: E731
    http["json_list_api"] = []
    http["tree_sources"] = [{"adcode": x.c.adcode, "county": x.c.name, "how": x.notes.get("list"),
                             "urls": sorted(u for u, e in store.entries.items() if urllib.parse.urlsplit(u).hostname == x.c.host
                                            and (ct(e).startswith("application/json") or "javascript" in ct(e)))}
                            for x in ctxs if x.c.family == "ztree"]
    http["year_filters"] = [{"adcode": x.c.adcode, "county": x.c.name, "how": x.notes.get("pager")} for x in ctxs if x.c.family == "yearfilter"]
    http["page_forms"] = [{"adcode": x.c.adcode, "county": x.c.name, "how": x.notes.get("pager")} for x in ctxs if x.c.family == "pageform"]
    http["base_href"] = []
    http["script_lists"] = []
    hp.write_text(json.dumps(http, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return ctxs, reports, pages, store, n_stubs


def verify(out: Path) -> list:
    def skip(v, entries):
        path = urllib.parse.urlsplit(v).path
        return bool(f5.STATIC_RE.search(path)) or (path.endswith(".js") and v not in entries)

    def reads(ct):
        return ct.startswith("text/html") or "javascript" in ct or "json" in ct

    return fb.verify(out, lambda u, text, ct: links_of(u, text, is_js="javascript" in ct, is_json="json" in ct), enc_of, skip, reads,
                     years=(2019, 2024), fresh=True)


if __name__ == "__main__":
    fb.main(build, DEFAULT_OUT, verify)
