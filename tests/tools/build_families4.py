#!/usr/bin/env python3
"""Build tests/fixtures/families4 (written as a held-out set by a separate session that did not see the discovery
code; it became the tuning set of discovery round 4): recorded portals of five more site shapes of Chinese county
portals.

    .venv/bin/python tests/tools/build_families4.py [--out DIR] [--check]

Deterministic: a rebuild is byte-identical (`--check` builds into a temporary folder and compares).
Every page is written here from the *shapes* of real county portals (URL patterns, list markup, pagers, topic
subdomains, CMS conventions); no real page or text is copied. Report bodies are the bundled snapshot's gold report
texts with the source county's names replaced (see README.md). The shared machinery (Store, report derivation,
look-alike texts, .docx writer, writing and comparing a set) is families_builder.py's.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import families_builder as fb  # noqa: E402
from families_builder import (art_id, attach_docx, attachment_html, body_paragraphs, build_counties, cn_year,
                             columns_gold, cut, esc, footer_lines, h, http_head, load_sources, lookalikes, main, num,
                             offsite_links, page_gold, register, rel_path, report_articles, report_gold, robots_and_redirects,
                             sort_desc, stamp, write_set, Article, County, Ctx, EPOCH1, REPO, Store)  # noqa: E402

DEFAULT_OUT = REPO / "tests/fixtures/families4"

COUNTIES = [
    # family zwgksel: 政务公开 platform, columns a tree /zwgk/<dept-code>/<col-code>/, lists as <table> rows, pages in a <select>
    County("610827", "陕西省", "榆林市", "米脂县", "www.mizhi.gov.cn", "zwgksel", [2019, 2020, 2021, 2022, 2023]),
    County("610329", "陕西省", "宝鸡市", "麟游县", "www.linyou.gov.cn", "zwgksel", [2020, 2021, 2022, 2023]),
    County("611026", "陕西省", "商洛市", "柞水县", "www.snzs.gov.cn", "zwgksel", [2019, 2020, 2021, 2023]),
    # family moreblock: the column is reachable only from a "更多>>" link of a homepage block; index.html, index_1.html …
    County("131123", "河北省", "衡水市", "武强县", "www.wuqiang.gov.cn", "moreblock", [2019, 2020, 2021, 2022, 2023]),
    County("130127", "河北省", "石家庄市", "高邑县", "www.gyx.gov.cn", "moreblock", [2020, 2021, 2022, 2023]),
    County("130628", "河北省", "保定市", "高阳县", "www.gaoyang.gov.cn", "moreblock", [2019, 2021, 2022, 2023]),
    # family fzzfsub: a 法治政府建设 topic site on a subdomain fzzf.<county>, year tabs (hidden divs) on the report page
    County("361127", "江西省", "上饶市", "余干县", "www.yugan.gov.cn", "fzzfsub", [2019, 2020, 2021, 2022, 2023]),
    County("520330", "贵州省", "遵义市", "习水县", "www.xsx.gov.cn", "fzzfsub", [2019, 2020, 2021, 2022]),
    County("620725", "甘肃省", "张掖市", "山丹县", "www.shandan.gov.cn", "fzzfsub", [2020, 2021, 2022, 2023]),
    # family dedecms: DedeCMS (GBK), /a/<dir>/list_<tid>_<n>.html with a <select name="sldd"> pager, /plus/list.php?tid=
    County("632821", "青海省", "海西蒙古族藏族自治州", "乌兰县", "www.wulanxian.gov.cn", "dedecms", [2019, 2020, 2021, 2022, 2023]),
    County("130725", "河北省", "张家口市", "尚义县", "www.zjksy.gov.cn", "dedecms", [2020, 2021, 2022, 2023]),
    County("210224", "辽宁省", "大连市", "长海县", "www.dlch.gov.cn", "dedecms", [2019, 2021, 2022, 2023]),
    # family phpcms: PHPCMS v9 dynamic URLs index.php?m=content&c=index&a=lists&catid=N&page=K (hrefs with &amp;)
    County("431122", "湖南省", "永州市", "东安县", "www.da.gov.cn", "phpcms", [2019, 2020, 2021, 2022, 2023]),
    County("130423", "河北省", "邯郸市", "临漳县", "www.linzhang.gov.cn", "phpcms", [2019, 2020, 2022, 2023]),
    County("522731", "贵州省", "黔南布依族苗族自治州", "惠水县", "www.gzhs.gov.cn", "phpcms", [2020, 2021, 2022, 2023]),
]

FAMILIES = ["zwgksel", "moreblock", "fzzfsub", "dedecms", "phpcms"]

PROVINCE_PORTAL = {"陕西省": "http://www.shaanxi.gov.cn/", "河北省": "http://www.hebei.gov.cn/", "江西省": "http://www.jiangxi.gov.cn/",
                   "贵州省": "http://www.guizhou.gov.cn/", "甘肃省": "http://www.gansu.gov.cn/", "青海省": "http://www.qinghai.gov.cn/",
                   "辽宁省": "http://www.ln.gov.cn/", "湖南省": "http://www.hunan.gov.cn/"}
PREFECTURE_PORTAL = {"榆林市": "http://www.yl.gov.cn/", "宝鸡市": "http://www.baoji.gov.cn/", "商洛市": "http://www.shangluo.gov.cn/",
                     "衡水市": "http://www.hengshui.gov.cn/", "石家庄市": "http://www.sjz.gov.cn/", "保定市": "http://www.baoding.gov.cn/",
                     "上饶市": "http://www.zgsr.gov.cn/", "遵义市": "http://www.zunyi.gov.cn/", "张掖市": "http://www.zhangye.gov.cn/",
                     "海西蒙古族藏族自治州": "http://www.haixi.gov.cn/", "张家口市": "http://www.zjk.gov.cn/",
                     "大连市": "http://www.dl.gov.cn/", "永州市": "http://www.yzcity.gov.cn/", "邯郸市": "http://www.hd.gov.cn/",
                     "黔南布依族苗族自治州": "http://www.qiannan.gov.cn/"}

TOWNS = {"610827": "银州街道", "610329": "九成宫镇", "611026": "乾佑街道", "131123": "武强镇", "130127": "高邑镇",
         "130628": "锦华街道", "361127": "玉亭镇", "520330": "东皇街道", "620725": "清泉镇", "632821": "希里沟镇",
         "130725": "南壕堑镇", "210224": "大长山岛镇", "431122": "白牙市镇", "130423": "临漳镇", "522731": "和平镇"}

ICP = {"陕西": "陕", "河北": "冀", "江西": "赣", "贵州": "黔", "甘肃": "陇", "青海": "青", "辽宁": "辽", "湖南": "湘"}
register(towns=TOWNS, province_portal=PROVINCE_PORTAL, prefecture_portal=PREFECTURE_PORTAL, icp=ICP)

TITLE_STYLES = fb.TITLE_STYLES + [
    ("cn_year_gov", lambda c, y: f"{c.name}人民政府关于{cn_year(y)}年度法治政府建设情况的报告", False),
    ("guanyu_gongzuo", lambda c, y: f"关于{y}年度法治政府建设工作情况的报告", False),
    ("dangzheng_nianbao", lambda c, y: f"中共{c.name}委 {c.name}人民政府关于{y}年度法治政府建设情况的报告", True),
]
STYLE_PTR = [0]


# ==============================================================================================================
# family 1: zwgksel — a 政务公开 platform whose columns are a tree /zwgk/<dept-code>/<col-code>/…, lists as <table>
#   rows (序号 / 标题 / 文号 / 发布日期), page numbers only in a <select> (index.html, index_2.html … or index_1.html …)
# ==============================================================================================================

ZS_DEPTS = [("县政府办公室", "xzfb"), ("县发展和改革局", "fgj"), ("县教育局", "jyj"), ("县公安局", "gaj"), ("县司法局", "sfj"),
            ("县财政局", "czj"), ("县自然资源局", "zrzyj"), ("县住房和城乡建设局", "zjj"), ("县农业农村局", "nyncj"),
            ("县卫生健康局", "wjj"), ("县市场监督管理局", "scjgj")]


def zs_shell(x: Ctx, title, main, crumbs=(), left=None):
    c = x.c
    nav = [("首页", "/"), (f"走进{c.short}", "/zjmz/" if c.adcode == "610827" else "/zj/"), ("新闻中心", "/xwzx/"),
           ("政务公开", "/zwgk/"), ("政务服务", "http://zwfw.shaanxi.gov.cn/"), ("互动交流", "/hdjl/")]
    navh = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in nav)
    crumb = ""
    if crumbs:
        crumb = '<div class="position">您当前的位置：' + " &gt;&gt; ".join(
            f'<a href="{u}">{esc(t)}</a>' if u else f"<span>{esc(t)}</span>" for t, u in crumbs) + "</div>"
    lefth = ""
    if left:
        lefth = (f'<div class="zwgk_left"><div class="lm_tit">{esc(left[0])}</div><ul class="lm_tree">'
                 + "".join(f'<li class="{"on" if cur else ""}"><a href="{u}">{esc(t)}</a></li>' for t, u, cur in left[1]) + "</ul></div>")
    foot = " | ".join(esc(f) for f in footer_lines(x.c))
    links = "".join(f'<option value="{u}">{t}</option>' for t, u in offsite_links(c))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(title)}</title>
<meta name="SiteName" content="{c.name}人民政府" />
<meta name="SiteIDCode" content="{c.code}" />
<link href="/images/zwgk.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/images/jquery.js"></script>
</head>
<body>
<div class="top"><div class="logo"><img src="/images/logo.png" alt="{c.name}人民政府" /></div>
<div class="toplink"><a href="javascript:void(0)" onclick="SetHome(this,window.location)">设为首页</a> <a href="javascript:void(0)" onclick="AddFavorite(window.location,document.title)">加入收藏</a></div></div>
<div class="nav"><ul>{navh}</ul></div>
<div class="main">
{crumb}
{lefth}
<div class="zwgk_right">
{main}
</div>
</div>
<div class="yqlj">友情链接：<select onchange="if(this.value)window.open(this.value)"><option value="">—政府网站—</option>{links}</select></div>
<div class="footer">{foot}</div>
</body>
</html>
"""


def zs_table(x: Ctx, items, mode, start=1):
    head = {"date": "<th>序号</th><th>标题</th><th>发布日期</th>",
            "full": "<th>索引号</th><th>标题</th><th>文号</th><th>发布日期</th>",
            "none": "<th>序号</th><th>标题</th>"}[mode]
    rows = []
    for i, a in enumerate(items, start):
        link = f'<a href="{rel_path(a.url)}" target="_blank" title="{esc(a.title)}">{esc(cut(a.title, 28))}</a>'
        if mode == "date":
            rows.append(f'<tr><td class="xh">{i}</td><td class="bt">{link}</td><td class="rq">{a.date.isoformat()}</td></tr>')
        elif mode == "full":
            idx = f"{x.c.code[:10]}/{a.date.year}-{num('idx', a.url, lo=1, hi=9999):05d}"
            wh = a.extra.get("wenhao", "")
            rows.append(f'<tr><td class="syh">{idx}</td><td class="bt">{link}</td><td class="wh">{esc(wh)}</td>'
                        f'<td class="rq">{a.date.strftime("%Y年%m月%d日")}</td></tr>')
        else:
            rows.append(f'<tr><td class="xh">{i}</td><td class="bt">{link}</td></tr>')
    return f'<table class="xxgk_list" width="100%" cellspacing="0" cellpadding="0">\n<tr class="thead">{head}</tr>\n' + "\n".join(rows) + "\n</table>"


def zs_column(x: Ctx, col, title, items, per, mode, crumbs, left, naming, lm_salt, js_pager=False):
    """Record the pages of one list column `col` (a folder URL ending in /). naming: 'two' → index_2.html …; 'one' → index_1.html …"""
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)

    def name(k):
        if k == 1:
            return "index.html"
        return f"index_{k}.html" if naming == "two" else f"index_{k - 1}.html"

    for k, chunk in enumerate(pages, 1):
        if js_pager:
            opts = "".join(f'<option value="{j}"{" selected" if j == k else ""}>{j}</option>' for j in range(1, n + 1))
            pager = (f'<div class="fenye">共{len(items)}条记录 当前第{k}/{n}页 跳转到 <select id="pageSel" onchange="goPage(this.value)">{opts}</select> 页</div>\n'
                     '<script type="text/javascript">function goPage(p){ p = parseInt(p, 10); '
                     "location.href = (p == 1) ? 'index.html' : 'index_' + (p - 1) + '.html'; }</script>")
        else:
            opts = "".join(f'<option value="{name(j)}"{" selected" if j == k else ""}>第{j}页</option>' for j in range(1, n + 1))
            pager = (f'<div class="fenye">共{len(items)}条 每页{per}条 <select name="page" onchange="window.location.href=this.value">{opts}</select></div>')
        main = f'<div class="lm_title"><span>{esc(title)}</span></div>\n{zs_table(x, chunk, mode, (k - 1) * per + 1)}\n{pager}'
        lm = stamp(max([a.date for a in items] or [dt.date(2024, 1, 3)]), lm_salt, k)
        body = zs_shell(x, f"{title}_{x.c.name}人民政府", main, crumbs, left)
        x.store.add(col + name(k), body, lm=lm)
        if k == 1:
            x.store.add(col, body, lm=lm)
    return n


def zs_article(x: Ctx, a: Article, crumbs):
    c = x.c
    t = stamp(a.date, "zs", a.key)
    content = attachment_html(x, a) if a.attachment else body_paragraphs(a.lines, indent="　　")
    idx = f"{c.code[:10]}/{a.date.year}-{num('idx', a.url, lo=1, hi=9999):05d}"
    meta = f"""<table class="xxgk_meta" width="100%"><tr><td>索 引 号：{idx}</td><td>主题分类：综合政务</td></tr>
<tr><td>发布机构：{esc(a.source)}</td><td>成文日期：{a.date.isoformat()}</td></tr>
<tr><td colspan="2">名　　称：{esc(a.title)}</td></tr>
<tr><td>文　　号：{esc(a.extra.get('wenhao', ''))}</td><td>发布日期：{a.date.isoformat()}</td></tr></table>"""
    main = f"""{meta}
<div class="xl_title"><h1>{esc(a.title)}</h1></div>
<div class="xl_info">发布时间：{t.strftime('%Y-%m-%d %H:%M')}　来源：{esc(a.source)}　字号：[<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>]</div>
<div class="xl_content" id="zoom">
{content}
</div>
<div class="xl_tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>"""
    x.store.add(a.url, zs_shell(x, f"{a.title}_{c.name}人民政府", main, crumbs), lm=t)


def zs_url(x: Ctx, col, a: Article):
    return x.place(a, f"{col}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{art_id(x.c.adcode, a.key, a.title)}.html")


def zs_home(x: Ctx, notices=()):
    c = x.c
    news = [(f"{c.name}召开县政府常务会议", "2024-06-26"), (f"{c.name}部署防汛减灾工作", "2024-06-20"),
            (f"{c.short}：特色产业助力乡村振兴", "2024-06-14"), (f"{c.name}开展安全生产专项检查", "2024-06-05")]
    nh = "".join(f'<li><a href="/xwzx/bmdt/202406/t{d.replace("-", "")}_{art_id(c.adcode, t)}.html">{esc(t)}</a><span>{d}</span></li>'
                 for t, d in news)
    th = "".join(f'<li><a href="{u}">{esc(cut(t, 26))}</a><span>{d}</span></li>' for t, u, d in notices)
    main = f"""<div class="home_news"><div class="tit"><span>{c.short}要闻</span><a href="/xwzx/">更多</a></div><ul>{nh}</ul></div>
<div class="home_tzgg"><div class="tit"><span>通知公告</span><a href="/zwgk/tzgg/">更多</a></div><ul>{th}</ul></div>
<div class="home_zwgk"><div class="tit"><span>政务公开</span></div><ul>
<li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li><li><a href="/zwgk/zfxxgkzd/">政府信息公开制度</a></li>
<li><a href="/zwgk/xxgkml/">政府信息公开目录</a></li><li><a href="/zwgk/zfxxgknb/">政府信息公开年报</a></li></ul></div>"""
    x.store.add(f"{c.base}/", zs_shell(x, f"{c.name}人民政府", main), lm=stamp(dt.date(2024, 6, 26), "home"))


def zs_gknb(x: Ctx, crumbs):
    col = f"{x.c.base}/zwgk/zfxxgknb/"
    items = sort_desc([a for k, a in x.looks.items() if k.startswith("gk")])
    for a in items:
        zs_url(x, col, a)
    zs_column(x, col, "政府信息公开年报", items, 15, "date", crumbs + [("政府信息公开年报", None)], None, "two", "gknb")
    for a in items:
        zs_article(x, a, crumbs + [("政府信息公开年报", "/zwgk/zfxxgknb/")])


def build_zwgksel(x: Ctx):
    c, L, B = x.c, x.looks, x.c.base
    home = [("首页", "/")]
    zw = home + [("政务公开", "/zwgk/")]
    zs_home(x, notices=[("关于2024年度县级储备粮轮换的公告", "/zwgk/tzgg/", "2024-06-21")])
    x.store.add(f"{B}/zwgk/", zs_shell(x, f"政务公开_{c.name}人民政府", """<div class="zwgk_index">
<div class="blk"><div class="tit">政府信息公开</div><ul>
<li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li><li><a href="/zwgk/zfxxgkzd/">政府信息公开制度</a></li>
<li><a href="/zwgk/xxgkml/">政府信息公开目录</a></li><li><a href="/zwgk/zfxxgknb/">政府信息公开年报</a></li>
<li><a href="/zwgk/ysqgk/">依申请公开</a></li></ul></div>
<div class="blk"><div class="tit">重点领域信息公开</div><ul>
<li><a href="/zwgk/zdlyxxgk/">重点领域信息公开</a></li><li><a href="/zwgk/zcjd/">政策解读</a></li><li><a href="/zwgk/tzgg/">通知公告</a></li></ul></div>
</div>""", zw), lm=stamp(dt.date(2024, 5, 8), "zwgk"))
    zs_gknb(x, zw)
    ml = zw + [("政府信息公开目录", "/zwgk/xxgkml/")]
    # the directory of departments: /zwgk/<dept-code>/
    x.store.add(f"{B}/zwgk/xxgkml/", zs_shell(x, f"政府信息公开目录_{c.name}人民政府", '<div class="bm_list"><div class="tit">部门信息公开</div><ul>' + "".join(
        f'<li><a href="/zwgk/{code}/">{c.short}{name}</a></li>' for name, code in ZS_DEPTS) + "</ul></div>", ml),
        lm=stamp(dt.date(2024, 1, 9), "xxgkml"))
    for a in x.reports:
        a.extra["wenhao"] = f"{c.short}政发〔{a.date.year}〕{num('wh', c.adcode, a.year, lo=3, hi=40)}号" if a.year % 2 else ""
    if c.adcode == "610827":  # 米脂: 政务公开 → 政府信息公开目录 → 县政府办公室 → 法治政府建设 → 年度报告 (table rows, <select> index_2.html)
        dept, dname = "xzfb", "县政府办公室"
        dcols = [("机构职能", "jgzn"), ("政策文件", "zcwj"), ("规划计划", "ghjh"), ("法治政府建设", "fzzfjs"), ("人事信息", "rsxx"),
                 ("财政资金", "czzj")]
        dc = ml + [(f"{c.short}{dname}", f"/zwgk/{dept}/")]
        x.store.add(f"{B}/zwgk/{dept}/", zs_shell(x, f"{c.short}{dname}_{c.name}人民政府", '<div class="lm_sub"><ul>' + "".join(
            f'<li><a href="/zwgk/{dept}/{cc}/">{t}</a></li>' for t, cc in dcols) + "</ul></div>", dc,
            (f"{c.short}{dname}", [(t, f"/zwgk/{dept}/{cc}/", False) for t, cc in dcols])), lm=stamp(dt.date(2024, 3, 2), "dept"))
        fz = f"{B}/zwgk/{dept}/fzzfjs/"
        fc = dc + [("法治政府建设", f"/zwgk/{dept}/fzzfjs/")]
        subs = [("法治政府建设年度报告", "ndbg"), ("工作动态", "gzdt"), ("行政执法公示", "xzzfgs")]
        left = ("法治政府建设", [(t, f"/zwgk/{dept}/fzzfjs/{s}/", s == "ndbg") for t, s in subs])
        x.store.add(fz, zs_shell(x, f"法治政府建设_{c.name}人民政府", '<div class="lm_sub"><ul>' + "".join(
            f'<li><a href="{s}/">{t}</a></li>' for t, s in subs) + "</ul></div>", fc, left), lm=stamp(dt.date(2024, 3, 2), "fz"))
        ndbg = sort_desc(x.reports + [L["pref_report"], L["town_report"]])
        gzdt = sort_desc([L["news_meeting"], L["news_committee"], L["notice_plan"], L["notice_submit"], L["news_demo"]])
        for a in ndbg:
            zs_url(x, fz + "ndbg/", a)
        for a in gzdt:
            zs_url(x, fz + "gzdt/", a)
        zs_column(x, fz + "ndbg/", "法治政府建设年度报告", ndbg, 4, "date", fc + [("法治政府建设年度报告", None)], left, "two", "ndbg")
        zs_column(x, fz + "gzdt/", "工作动态", gzdt, 10, "date", fc + [("工作动态", None)], left, "two", "gzdt")
        for a in ndbg:
            zs_article(x, a, fc + [("法治政府建设年度报告", f"/zwgk/{dept}/fzzfjs/ndbg/")])
        for a in gzdt:
            zs_article(x, a, fc + [("工作动态", f"/zwgk/{dept}/fzzfjs/gzdt/")])
        # the 司法局's own directory holds its own report and a department's report
        sc = ml + [(f"{c.short}县司法局", "/zwgk/sfj/")]
        sitems = sort_desc([L["sfj_report"], L["dept_report"], L["shufa"]])
        for a in sitems:
            zs_url(x, f"{B}/zwgk/sfj/fzjs/", a)
        x.store.add(f"{B}/zwgk/sfj/", zs_shell(x, f"县司法局_{c.name}人民政府", '<div class="lm_sub"><ul><li><a href="/zwgk/sfj/jgzn/">机构职能</a></li>'
                                                '<li><a href="/zwgk/sfj/fzjs/">法治建设</a></li></ul></div>', sc), lm=stamp(dt.date(2024, 2, 2), "sfj"))
        zs_column(x, f"{B}/zwgk/sfj/fzjs/", "法治建设", sitems, 10, "date", sc + [("法治建设", None)], None, "two", "sfjfz")
        for a in sitems:
            zs_article(x, a, sc + [("法治建设", "/zwgk/sfj/fzjs/")])
        x.notes.update(depth=5, column="法治政府建设年度报告", path="首页→政务公开→政府信息公开目录→县政府办公室→法治政府建设→法治政府建设年度报告",
                       pager="<select> with index.html, index_2.html (no anchors)", list="table rows 序号/标题/发布日期")
    elif c.adcode == "610329":  # 麟游: the column is in the 县司法局's directory, table with 索引号/文号, dateless? no: full rows; index_1.html
        sc = ml + [(f"{c.short}县司法局", "/zwgk/sfj/")]
        scols = [("机构职能", "jgzn"), ("法治政府建设年度报告", "fzzfndbg"), ("行政复议", "xzfy"), ("普法依法治理", "pfyfzl")]
        left = (f"{c.short}县司法局", [(t, f"/zwgk/sfj/{cc}/", cc == "fzzfndbg") for t, cc in scols])
        x.store.add(f"{B}/zwgk/sfj/", zs_shell(x, f"县司法局_{c.name}人民政府", '<div class="lm_sub"><ul>' + "".join(
            f'<li><a href="/zwgk/sfj/{cc}/">{t}</a></li>' for t, cc in scols) + "</ul></div>", sc, left), lm=stamp(dt.date(2024, 2, 6), "sfj"))
        col = f"{B}/zwgk/sfj/fzzfndbg/"
        items = sort_desc(x.reports + [L["sfj_report"], L["town_report"], L["dept_report"], L["pref_report"]])
        for a in items:
            zs_url(x, col, a)
        zs_column(x, col, "法治政府建设年度报告", items, 3, "full", sc + [("法治政府建设年度报告", None)], left, "one", "ndbg")
        for a in items:
            zs_article(x, a, sc + [("法治政府建设年度报告", "/zwgk/sfj/fzzfndbg/")])
        pf = sort_desc([L["news_demo"], L["notice_plan"], L["news_committee"]])
        for a in pf:
            zs_url(x, f"{B}/zwgk/sfj/pfyfzl/", a)
        zs_column(x, f"{B}/zwgk/sfj/pfyfzl/", "普法依法治理", pf, 10, "full", sc + [("普法依法治理", None)], left, "one", "pf")
        for a in pf:
            zs_article(x, a, sc + [("普法依法治理", "/zwgk/sfj/pfyfzl/")])
        x.notes.update(depth=4, column="法治政府建设年度报告", path="首页→政务公开→政府信息公开目录→县司法局→法治政府建设年度报告",
                       pager="<select> with index.html, index_1.html, index_2.html …", list="table rows 索引号/标题/文号/发布日期; "
                       "the county's reports mixed with the 司法局's own, a township's, a department's and the prefecture's")
    else:  # 柞水: 重点领域信息公开 → 法治政府建设 → 年度报告; dateless rows; pager only a JS <select>; 2020 report attachment-only
        zd = zw + [("重点领域信息公开", "/zwgk/zdlyxxgk/")]
        zcols = [("财政预决算", "czyjs"), ("公共资源配置", "ggzypz"), ("重大建设项目", "zdjsxm"), ("法治政府建设", "fzzfjs"),
                 ("乡村振兴", "xczx"), ("生态环境", "sthj")]
        x.store.add(f"{B}/zwgk/zdlyxxgk/", zs_shell(x, f"重点领域信息公开_{c.name}人民政府", '<div class="lm_sub"><ul>' + "".join(
            f'<li><a href="/zwgk/zdlyxxgk/{cc}/">{t}</a></li>' for t, cc in zcols) + "</ul></div>", zd), lm=stamp(dt.date(2024, 2, 9), "zd"))
        fc = zd + [("法治政府建设", "/zwgk/zdlyxxgk/fzzfjs/")]
        subs = [("年度报告", "ndbg"), ("依法行政", "yfxz"), ("执法公示", "zfgs")]
        left = ("法治政府建设", [(t, f"/zwgk/zdlyxxgk/fzzfjs/{s}/", s == "ndbg") for t, s in subs])
        x.store.add(f"{B}/zwgk/zdlyxxgk/fzzfjs/", zs_shell(x, f"法治政府建设_{c.name}人民政府", '<div class="lm_sub"><ul>' + "".join(
            f'<li><a href="{s}/">{t}</a></li>' for t, s in subs) + "</ul></div>", fc, left), lm=stamp(dt.date(2024, 2, 9), "fz"))
        col = f"{B}/zwgk/zdlyxxgk/fzzfjs/ndbg/"
        items = sort_desc(x.reports + [L["sfj_report"]])
        for a in items:
            zs_url(x, col, a)
        att = x.rep(2020)
        attach_docx(x, att, f"{B}/zwgk/zdlyxxgk/fzzfjs/ndbg/{att.date.strftime('%Y%m')}/P0{att.date.strftime('%Y%m%d')}{num('p', c.adcode, lo=100000, hi=999999)}.docx")
        zs_column(x, col, "年度报告", items, 2, "none", fc + [("年度报告", None)], left, "one", "ndbg", js_pager=True)
        for a in items:
            zs_article(x, a, fc + [("年度报告", "/zwgk/zdlyxxgk/fzzfjs/ndbg/")])
        yf = sort_desc([L["news_meeting"], L["notice_submit"], L["shufa"], L["dept_report"]])
        for a in yf:
            zs_url(x, f"{B}/zwgk/zdlyxxgk/fzzfjs/yfxz/", a)
        zs_column(x, f"{B}/zwgk/zdlyxxgk/fzzfjs/yfxz/", "依法行政", yf, 10, "date", fc + [("依法行政", None)], left, "one", "yfxz")
        for a in yf:
            zs_article(x, a, fc + [("依法行政", "/zwgk/zdlyxxgk/fzzfjs/yfxz/")])
        x.notes.update(depth=4, column="年度报告", path="首页→政务公开→重点领域信息公开→法治政府建设→年度报告",
                       pager="JS-only <select> (values 1..n, goPage builds index_N.html)", list="dateless table rows",
                       other="2020 report only in a .docx attachment")


# ==============================================================================================================
# family 2: moreblock — the column is reachable only from a "更多>>" link inside a homepage (or landing-page) block;
#   lists are static index.html, index_1.html, index_2.html … ; articles <col>/<yyyy-mm>/<dd>/content_<id>.htm
# ==============================================================================================================


def mb2_shell(x: Ctx, title, main, crumbs=()):
    c = x.c
    nav = [("首页", "/index.html"), ("信息公开", "/xxgk/index.html"), ("新闻中心", "/xwzx/index.html"), (f"走进{c.short}", "/zjxq/index.html"),
           ("便民服务", "/bmfw/index.html"), ("互动交流", "/hdjl/index.html")]
    navh = "".join(f'<td><a href="{u}">{t}</a></td>' for t, u in nav)
    crumb = ""
    if crumbs:
        crumb = ('<table width="100%" class="weizhi"><tr><td>当前位置：' + " &gt; ".join(
            f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs) + "</td></tr></table>")
    foot = "<br />".join(esc(f) for f in footer_lines(c))
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<link rel="stylesheet" href="/css/style.css">
</head>
<body>
<table width="1100" align="center" class="top"><tr><td><img src="/images/banner.jpg" alt="{c.name}人民政府"></td></tr></table>
<table width="1100" align="center" class="daohang"><tr>{navh}</tr></table>
<div class="w1100">
{crumb}
{main}
</div>
<table width="1100" align="center" class="bottom"><tr><td>{foot}</td></tr></table>
</body>
</html>
"""


def mb2_li(items, dates=True, n=None):
    out = []
    for a in items[:n] if n else items:
        d = f'<span class="date">[{a.date.isoformat()}]</span>' if dates else ""
        out.append(f'<li><a href="{rel_path(a.url)}" target="_blank" title="{esc(a.title)}">{esc(cut(a.title, 30))}</a>{d}</li>')
    return "\n".join(out)


def mb2_url(x: Ctx, colpath, a: Article):
    return x.place(a, f"{colpath}{a.date.strftime('%Y-%m')}/{a.date.day:02d}/content_{art_id(x.c.adcode, a.key, a.title)}.htm")


def mb2_column(x: Ctx, col, title, items, per, crumbs, dates=True, salt="", flaky_page=None):
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)

    def name(k):
        return "index.html" if k == 0 else f"index_{k}.html"

    for k, chunk in enumerate(pages):
        parts = [f"共{n}页"]
        parts.append(f'<a href="{name(0)}">首页</a>')
        parts.append(f'<a href="{name(k - 1)}">上一页</a>' if k > 0 else "上一页")
        parts.append(f'<a href="{name(k + 1)}">下一页</a>' if k < n - 1 else "下一页")
        parts.append(f'<a href="{name(n - 1)}">尾页</a>')
        main = (f'<div class="list_box"><div class="list_tit">{esc(title)}</div><ul class="list">\n{mb2_li(chunk, dates)}\n</ul>'
                f'<div class="page">{" ".join(parts)}</div></div>')
        lm = stamp(max([a.date for a in items] or [dt.date(2024, 1, 2)]), salt, k)
        x.store.add(col + name(k), mb2_shell(x, f"{title}-{x.c.name}人民政府", main, crumbs), lm=lm,
                    fail_first=1 if flaky_page == k else 0)


def mb2_article(x: Ctx, a: Article, crumbs):
    c = x.c
    t = stamp(a.date, "mb2", a.key)
    content = attachment_html(x, a) if a.attachment else body_paragraphs(a.lines, indent="　　")
    main = f"""<div class="article">
<h2 class="art_tit">{esc(a.title)}</h2>
<div class="art_info">来源：{esc(a.source)}　　时间：{t.strftime('%Y-%m-%d %H:%M:%S')}　　点击数：<span id="clicks"></span></div>
<div id="content" class="art_con">
{content}
</div>
<div class="art_bottom"><a href="javascript:window.print();">[打印本页]</a> <a href="javascript:window.close();">[关闭窗口]</a></div>
</div>"""
    x.store.add(a.url, mb2_shell(x, f"{a.title}-{c.name}人民政府", main, crumbs), lm=t)


def mb2_home(x: Ctx, blocks):
    c = x.c
    news = [(f"{c.name}召开2024年重点项目观摩推进会", "2024-06-27"), (f"{c.name}全力做好“三夏”生产工作", "2024-06-18"),
            (f"{c.name}开展防汛应急演练", "2024-06-11"), (f"{c.name}举办优化营商环境专题培训", "2024-06-03")]
    nh = "\n".join(f'<li><a href="/xwzx/xqyw/2024-06/{d[-2:]}/content_{art_id(c.adcode, t)}.htm">{esc(t)}</a><span class="date">[{d}]</span></li>'
                   for t, d in news)
    main = f"""<div class="block"><div class="block_tit"><span>{c.short}要闻</span><a class="more" href="/xwzx/xqyw/index.html">更多&gt;&gt;</a></div><ul class="list">
{nh}
</ul></div>
{blocks}
<div class="block"><div class="block_tit"><span>信息公开</span></div><ul class="links">
<li><a href="/xxgk/xxgkzn/index.html">政府信息公开指南</a></li><li><a href="/xxgk/xxgknb/index.html">政府信息公开年报</a></li>
<li><a href="/xxgk/zcwj/index.html">政策文件</a></li><li><a href="/xxgk/rsxx/index.html">人事信息</a></li></ul></div>"""
    body = mb2_shell(x, f"{c.name}人民政府", main)
    lm = stamp(dt.date(2024, 6, 27), "home")
    x.store.add(f"{c.base}/", body, lm=lm)
    x.store.add(f"{c.base}/index.html", body, lm=lm)


def mb2_gknb(x: Ctx):
    col = f"{x.c.base}/xxgk/xxgknb/"
    items = sort_desc([a for k, a in x.looks.items() if k.startswith("gk")])
    cr = [("首页", "/index.html"), ("信息公开", "/xxgk/index.html"), ("政府信息公开年报", None)]
    for a in items:
        mb2_url(x, col, a)
    mb2_column(x, col, "政府信息公开年报", items, 20, cr, salt="gknb")
    for a in items:
        mb2_article(x, a, cr[:2] + [("政府信息公开年报", "/xxgk/xxgknb/index.html")])
    x.store.add(f"{x.c.base}/xxgk/index.html", mb2_shell(x, f"信息公开-{x.c.name}人民政府", """<div class="block"><ul class="links">
<li><a href="/xxgk/xxgkzn/index.html">政府信息公开指南</a></li><li><a href="/xxgk/xxgkzd/index.html">政府信息公开制度</a></li>
<li><a href="/xxgk/zcwj/index.html">政策文件</a></li><li><a href="/xxgk/ghjh/index.html">规划计划</a></li>
<li><a href="/xxgk/czxx/index.html">财政信息</a></li><li><a href="/xxgk/rsxx/index.html">人事信息</a></li>
<li><a href="/xxgk/xxgknb/index.html">政府信息公开年报</a></li></ul></div>""", [("首页", "/index.html"), ("信息公开", None)]),
                lm=stamp(dt.date(2024, 3, 3), "xxgk"))


def build_moreblock(x: Ctx):
    c, L, B = x.c, x.looks, x.c.base
    home = [("首页", "/index.html")]
    mb2_gknb(x)
    if c.adcode == "131123":  # 武强: homepage tab block 法治政府 (法治动态 | 年度报告), the second tab hidden, each with its own 更多>>
        col = f"{B}/xxgk/fzzf/ndbg/"
        items = sort_desc(x.reports + [L["pref_report"], L["dept_report"]])
        dt_items = sort_desc([L["news_meeting"], L["news_committee"], L["news_demo"], L["notice_plan"], L["sfj_report"]])
        for a in items:
            mb2_url(x, col, a)
        for a in dt_items:
            mb2_url(x, f"{B}/xxgk/fzzf/fzdt/", a)
        block = f"""<div class="block tabbox"><ul class="tabs"><li class="on" onmouseover="tab(this,'fz1')">法治动态</li><li onmouseover="tab(this,'fz2')">年度报告</li></ul>
<div id="fz1" class="tabcon"><ul class="list">
{mb2_li(dt_items, n=5)}
</ul><a class="more" href="/xxgk/fzzf/fzdt/index.html">更多&gt;&gt;</a></div>
<div id="fz2" class="tabcon" style="display:none"><ul class="list">
{mb2_li(items, n=5)}
</ul><a class="more" href="/xxgk/fzzf/ndbg/index.html">更多&gt;&gt;</a></div>
</div>
<script>function tab(li,id){{var p=li.parentNode.parentNode;var d=p.getElementsByTagName('div');for(var i=0;i<d.length;i++)d[i].style.display=(d[i].id==id)?'block':'none';}}</script>"""
        mb2_home(x, block)
        fz = home + [("信息公开", "/xxgk/index.html"), ("法治政府", "/xxgk/fzzf/index.html")]
        x.store.add(f"{B}/xxgk/fzzf/index.html", mb2_shell(x, f"法治政府-{c.name}人民政府", f"""<div class="block"><div class="block_tit"><span>法治动态</span><a class="more" href="fzdt/index.html">更多&gt;&gt;</a></div><ul class="list">
{mb2_li(dt_items, n=3)}
</ul></div>
<div class="block"><div class="block_tit"><span>年度报告</span><a class="more" href="ndbg/index.html">更多&gt;&gt;</a></div><ul class="list">
{mb2_li(items, n=3)}
</ul></div>""", fz[:2] + [("法治政府", None)]), lm=stamp(items[0].date, "fzzf"))
        mb2_column(x, col, "年度报告", items, 3, fz + [("年度报告", None)], salt="ndbg")
        mb2_column(x, f"{B}/xxgk/fzzf/fzdt/", "法治动态", dt_items, 15, fz + [("法治动态", None)], salt="fzdt")
        for a in items:
            mb2_article(x, a, fz + [("年度报告", "/xxgk/fzzf/ndbg/index.html")])
        for a in dt_items:
            mb2_article(x, a, fz + [("法治动态", "/xxgk/fzzf/fzdt/index.html")])
        x.notes.update(depth=2, column="年度报告", path="首页(法治政府 block, hidden tab 年度报告, 更多>>)→年度报告",
                       pager="index.html, index_1.html, index_2.html anchors", other="not in the navigation nor in 信息公开")
    elif c.adcode == "130127":  # 高邑: 专题专栏 block 更多>> → topics → 法治高邑 landing (blocks with 更多>>) → 年度报告 (dateless)
        zt = f"{B}/ztzl/"
        topics = [("法治高邑", "fzgy"), ("乡村振兴", "xczx"), ("创建文明城市", "cjwmcs"), ("扫黑除恶", "shce"), ("营商环境", "yshj")]
        block = ('<div class="block"><div class="block_tit"><span>专题专栏</span><a class="more" href="/ztzl/index.html">更多&gt;&gt;</a></div>'
                 '<div class="zt_scroll">' + "".join(f'<a href="/ztzl/{p}/index.html"><img src="/images/zt_{p}.jpg" alt="{t}"></a>'
                                                   for t, p in topics[1:4]) + "</div></div>")
        mb2_home(x, block)
        zc = home + [("专题专栏", "/ztzl/index.html")]
        x.store.add(f"{zt}index.html", mb2_shell(x, f"专题专栏-{c.name}人民政府", '<ul class="ztlist">' + "".join(
            f'<li><a href="{p}/index.html"><img src="/images/zt_{p}.jpg"><p>{t}</p></a></li>' for t, p in topics) + "</ul>",
            [("首页", "/index.html"), ("专题专栏", None)]), lm=stamp(dt.date(2023, 12, 1), "zt"))
        items = sort_desc(x.reports + [L["town_report"], L["sfj_report"]])
        col = f"{zt}fzgy/ndbg/"
        for a in items:
            mb2_url(x, col, a)
        fd = sort_desc([L["news_demo"], L["news_meeting"], L["notice_submit"], L["notice_plan"], L["shufa"]])
        for a in fd:
            mb2_url(x, f"{zt}fzgy/fzdt/", a)
        fc = zc + [("法治高邑", "/ztzl/fzgy/index.html")]
        x.store.add(f"{zt}fzgy/index.html", mb2_shell(x, f"法治高邑-{c.name}人民政府", f"""<div class="zt_banner"><img src="/images/zt_fzgy_banner.jpg" alt="法治高邑"></div>
<div class="block"><div class="block_tit"><span>法治动态</span><a class="more" href="fzdt/index.html">更多&gt;&gt;</a></div><ul class="list">
{mb2_li(fd, n=4)}
</ul></div>
<div class="block"><div class="block_tit"><span>法治政府建设年度报告</span><a class="more" href="ndbg/index.html">更多&gt;&gt;</a></div><ul class="list">
{mb2_li(items, dates=False, n=4)}
</ul></div>""", zc + [("法治高邑", None)]), lm=stamp(items[0].date, "fzgy"))
        mb2_column(x, col, "法治政府建设年度报告", items, 3, fc + [("法治政府建设年度报告", None)], dates=False, salt="ndbg")
        mb2_column(x, f"{zt}fzgy/fzdt/", "法治动态", fd, 15, fc + [("法治动态", None)], salt="fzdt")
        for a in items:
            mb2_article(x, a, fc + [("法治政府建设年度报告", "/ztzl/fzgy/ndbg/index.html")])
        for a in fd:
            mb2_article(x, a, fc + [("法治动态", "/ztzl/fzgy/fzdt/index.html")])
        x.notes.update(depth=3, column="法治政府建设年度报告", path="首页(专题专栏 更多>>)→专题专栏→法治高邑(更多>>)→法治政府建设年度报告",
                       pager="index.html, index_1.html anchors", list="no dates in the rows")
    else:  # 高阳: 政务公开 block whose "more" is an image → 政务公开 landing → 法治政府建设 (mixed list, 更多>>); a repost in 通知公告
        dup_src = x.rep(2022)
        dup = Article(c, "duplicate", dup_src.title, dup_src.date + dt.timedelta(days=2), dup_src.lines,
                      source=f"{c.name}人民政府办公室", dup_of=dup_src, key="dup2022")
        tz = sort_desc([dup])
        mb2_url(x, f"{B}/zwgk/tzgg/", dup)
        block = ('<div class="block"><div class="block_tit"><span>政务公开</span><a href="/zwgk/index.html"><img src="/images/more.gif" alt="更多"></a></div>'
                 '<ul class="list">' + mb2_li(tz) + "</ul></div>")
        mb2_home(x, block)
        items = sort_desc(x.reports + [L["news_meeting"], L["news_committee"], L["notice_plan"], L["notice_submit"], L["dept_report"],
                                       L["news_demo"]])
        col = f"{B}/zwgk/fzzfjs/"
        for a in items:
            mb2_url(x, col, a)
        zc = home + [("政务公开", "/zwgk/index.html")]
        x.store.add(f"{B}/zwgk/index.html", mb2_shell(x, f"政务公开-{c.name}人民政府", f"""<div class="block"><div class="block_tit"><span>通知公告</span><a class="more" href="tzgg/index.html">更多&gt;&gt;</a></div><ul class="list">
{mb2_li(tz)}
</ul></div>
<div class="block"><div class="block_tit"><span>法治政府建设</span><a class="more" href="fzzfjs/index.html">更多&gt;&gt;</a></div><ul class="list">
{mb2_li(items, n=6)}
</ul></div>
<div class="block"><div class="block_tit"><span>政策解读</span><a class="more" href="zcjd/index.html">更多&gt;&gt;</a></div><ul class="list"></ul></div>""",
            [("首页", "/index.html"), ("政务公开", None)]), lm=stamp(items[0].date, "zwgk"))
        mb2_column(x, col, "法治政府建设", items, 4, zc + [("法治政府建设", None)], salt="fzzfjs", flaky_page=2)
        mb2_column(x, f"{B}/zwgk/tzgg/", "通知公告", tz, 15, zc + [("通知公告", None)], salt="tzgg")
        for a in items:
            mb2_article(x, a, zc + [("法治政府建设", "/zwgk/fzzfjs/index.html")])
        mb2_article(x, dup, zc + [("通知公告", "/zwgk/tzgg/index.html")])
        x.notes.update(depth=3, column="法治政府建设", path="首页(政务公开 block, image 更多)→政务公开→法治政府建设",
                       pager="index.html … index_3.html anchors; index_2.html answers 503 once",
                       list="reports mixed with news and notices", other="2022 report reposted in 通知公告")


# ==============================================================================================================
# family 3: fzzfsub — the reports are on a 法治政府建设 topic site on its own subdomain (fzzf.<county>.gov.cn), reached
#   from a banner / topic link of the main portal; the report column shows one tab per year, every year's list a
#   hidden <div> on the same page
# ==============================================================================================================


def fs_sub_host(c: County):
    root = c.host[4:] if c.host.startswith("www.") else c.host
    return ("fzsd." if c.adcode == "620725" else "fzzf.") + root


def fz_main_shell(x: Ctx, title, main):
    c = x.c
    nav = [("首页", "/"), ("政务公开", "/zwgk/"), ("新闻动态", "/xwdt/"), ("政务服务", "/zwfw/"), ("专题专栏", "/ztzl/"), ("互动交流", "/hdjl/")]
    foot = " ".join(esc(f) for f in footer_lines(c))
    return f"""<!doctype html>
<html lang="zh-cmn-Hans">
<head><meta charset="utf-8"><title>{esc(title)}</title><meta name="SiteName" content="{c.name}人民政府"><meta name="SiteIDCode" content="{c.code}">
<link rel="stylesheet" href="/static/css/main.css"></head>
<body>
<header class="g-header"><div class="g-logo"><img src="/static/img/logo.png" alt="{c.name}人民政府"></div>
<nav class="g-nav">{''.join(f'<a href="{u}">{t}</a>' for t, u in nav)}</nav></header>
<main class="g-main">
{main}
</main>
<footer class="g-footer">{foot}</footer>
</body>
</html>
"""


def fz_sub_shell(x: Ctx, title, main, crumbs=()):
    c = x.c
    nav = [("首页", "/"), ("工作动态", "/gzdt/"), ("法治政府建设", "/fzzfjs/") if c.adcode != "520330" else ("依法行政", "/yfxz/"),
           ("普法宣传", "/pfxc/"), ("行政执法", "/xzzf/"), ("政府门户", f"http://{c.host}/")]
    crumb = ""
    if crumbs:
        crumb = '<div class="crumb">当前位置：' + " / ".join(f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs) + "</div>"
    sitename = "法治山丹" if c.adcode == "620725" else f"{c.name}法治政府建设"
    return f"""<!doctype html>
<html lang="zh-cmn-Hans">
<head><meta charset="utf-8"><title>{esc(title)}</title><meta name="SiteName" content="{sitename}">
<link rel="stylesheet" href="/css/fz.css"><script src="/js/jquery.min.js"></script></head>
<body class="fz">
<div class="fz-top"><h1 class="fz-title">{sitename}</h1><p>主办：中共{c.name}委全面依法治县委员会办公室　承办：{c.name}司法局</p></div>
<ul class="fz-nav">{''.join(f'<li><a href="{u}">{t}</a></li>' for t, u in nav)}</ul>
<div class="fz-wrap">
{crumb}
{main}
</div>
<div class="fz-foot">{esc(footer_lines(c, org=f"{c.name}司法局")[0])}　{esc(footer_lines(c)[2])}</div>
</body>
</html>
"""


def fz_url(x: Ctx, sub, col, a: Article):
    return x.place(a, f"http://{sub}{col}{a.date.strftime('%Y%m%d')}/{art_id(x.c.adcode, a.key, a.title)}.html")


def fz_article(x: Ctx, a: Article, crumbs):
    t = stamp(a.date, "fz", a.key)
    content = attachment_html(x, a) if a.attachment else body_paragraphs(a.lines)
    main = f"""<article class="fz-article">
<h2>{esc(a.title)}</h2>
<div class="meta"><span>发布日期：{a.date.isoformat()}</span><span>来源：{esc(a.source)}</span></div>
<div class="fz-content">
{content}
</div>
</article>"""
    x.store.add(a.url, fz_sub_shell(x, f"{a.title}_{x.c.short}法治", main, crumbs), lm=t, validators="iis")


def fz_year_tabs(x: Ctx, items, by, style, dates=True):
    """one tab per year, each year's list a hidden div. by(a) -> year label."""
    groups = {}
    for a in items:
        groups.setdefault(by(a), []).append(a)
    years = sorted(groups, key=lambda y: ("0" if y == "更早" else y), reverse=True)
    lis, divs = [], []
    q = "'"
    hide_style, hide_style2 = ' style="display:none"', ' style="display:none;"'
    for i, y in enumerate(years):
        label = y if y == "更早" else f"{y}年"
        rows = "\n".join(f'<li><a href="{rel_path(a.url)}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a>'
                         + (f"<em>{a.date.isoformat()}</em>" if dates else "") + "</li>" for a in sort_desc(groups[y]))
        if style == "tabs":
            lis.append(f'<li class="{"active" if i == 0 else ""}"><a href="#y{y}" data-toggle="tab">{label}</a></li>')
            divs.append(f'<div class="tab-pane{" active" if i == 0 else ""}" id="y{y}"{"" if i == 0 else hide_style}><ul class="fz-list">\n{rows}\n</ul></div>')
        elif style == "onclick":
            lis.append(f'<span class="yr{" cur" if i == 0 else ""}" onclick="showYear({q}{y}{q}, this)">{label}</span>')
            divs.append(f'<div class="yearbox" id="box_{y}"{"" if i == 0 else hide_style2}><ul class="fz-list">\n{rows}\n</ul></div>')
        else:  # select
            lis.append(f'<option value="{y}"{" selected" if i == 0 else ""}>{label}</option>')
            divs.append(f'<div class="year-list" data-year="{y}"{"" if i == 0 else " hidden"}><ul class="fz-list">\n{rows}\n</ul></div>')
    if style == "tabs":
        head = '<ul class="nav-tabs">' + "".join(lis) + "</ul>"
        js = ("<script>$('.nav-tabs a').click(function(e){e.preventDefault();$('.tab-pane').hide();$($(this).attr('href')).show();"
              "$('.nav-tabs li').removeClass('active');$(this).parent().addClass('active');});</script>")
    elif style == "onclick":
        head = '<div class="yearbar">' + "".join(lis) + "</div>"
        js = ("<script>function showYear(y,el){$('.yearbox').hide();$('#box_'+y).show();$('.yr').removeClass('cur');$(el).addClass('cur');}</script>")
    else:
        head = '<div class="yearsel">年份：<select id="yearSel">' + "".join(lis) + "</select></div>"
        js = ("<script>$('#yearSel').change(function(){var y=$(this).val();$('.year-list').attr('hidden',true);"
              "$('.year-list[data-year='+y+']').removeAttr('hidden');});</script>")
    return head + '\n<div class="tab-content">\n' + "\n".join(divs) + "\n</div>\n" + js


def fz_main_site(x: Ctx, entry_html, ztzl_extra=""):
    c, B = x.c, x.c.base
    news = [(f"{c.name}召开县委常委会会议", "2024-06-26"), (f"{c.name}推进重点项目建设", "2024-06-19"), (f"{c.name}开展防汛隐患排查", "2024-06-12")]
    nh = "".join(f'<li><a href="/xwdt/{d[:7].replace("-", "")}/t{d.replace("-", "")}_{art_id(c.adcode, t)}.html">{esc(t)}</a><time>{d}</time></li>'
                 for t, d in news)
    main = f"""<section class="m-news"><h3>今日{c.short}</h3><ul>{nh}</ul><a class="more" href="/xwdt/">更多</a></section>
{entry_html}
<section class="m-gk"><h3>政务公开</h3><ul><li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li><li><a href="/zwgk/xxgknb/">政府信息公开年报</a></li>
<li><a href="/zwgk/zcwj/">政策文件</a></li></ul></section>"""
    x.store.add(f"{B}/", fz_main_shell(x, f"{c.name}人民政府", main), lm=stamp(dt.date(2024, 6, 26), "home"))
    items = sort_desc([a for k, a in x.looks.items() if k.startswith("gk")])
    for a in items:
        x.place(a, f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{art_id(c.adcode, a.key)}.html")
    x.store.add(f"{B}/zwgk/xxgknb/", fz_main_shell(x, f"政府信息公开年报-{c.name}人民政府", '<section><h3>政府信息公开年报</h3><ul>' + "".join(
        f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a><time>{a.date.isoformat()}</time></li>' for a in items) + "</ul></section>"),
        lm=stamp(items[0].date, "gknb"))
    for a in items:
        x.store.add(a.url, fz_main_shell(x, f"{a.title}-{c.name}人民政府", f"<article><h2>{esc(a.title)}</h2><p class=\"meta\">发布时间：{a.date.isoformat()}</p>"
                                                                        f"<div class=\"content\">{body_paragraphs(a.lines)}</div></article>"),
                    lm=stamp(a.date, "gk", a.key))
    x.store.add(f"{B}/zwgk/", fz_main_shell(x, f"政务公开-{c.name}人民政府", """<section><h3>政务公开</h3><ul>
<li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li><li><a href="/zwgk/xxgknb/">政府信息公开年报</a></li><li><a href="/zwgk/zcwj/">政策文件</a></li>
<li><a href="/zwgk/czyjs/">财政预决算</a></li></ul></section>"""), lm=stamp(dt.date(2024, 3, 1), "zwgk"))
    topics = [("乡村振兴", "/ztzl/xczx/"), ("优化营商环境", "/ztzl/yshj/"), ("安全生产", "/ztzl/aqsc/")]
    x.store.add(f"{B}/ztzl/", fz_main_shell(x, f"专题专栏-{c.name}人民政府", '<section class="zt"><h3>专题专栏</h3><ul>' + "".join(
        f'<li><a href="{u}">{t}</a></li>' for t, u in topics) + ztzl_extra + "</ul></section>"), lm=stamp(dt.date(2024, 1, 5), "ztzl"))


def build_fzzfsub(x: Ctx):
    c, L = x.c, x.looks
    sub = fs_sub_host(c)
    S = f"http://{sub}"
    news_sub = sort_desc([L["news_meeting"], L["news_committee"], L["news_demo"], L["notice_plan"], L["notice_submit"]])
    if c.adcode == "361127":  # 余干: banner image → fzzf home → 法治政府建设 → 报告公开 (tabs by publication year)
        fz_main_site(x, f'<section class="m-banner"><a href="http://{sub}/" target="_blank"><img src="/static/img/fzzf_banner.jpg" alt="法治政府建设专题网"></a></section>')
        home_c = [("首页", "/")]
        items = sort_desc(x.reports + [L["dept_report"], L["town_report"], L["sfj_report"]])
        for a in items:
            fz_url(x, sub, "/fzzfjs/bggk/", a)
        for a in news_sub:
            fz_url(x, sub, "/gzdt/", a)
        x.store.add(f"{S}/", fz_sub_shell(x, f"{c.name}法治政府建设", '<div class="fz-home"><div class="box"><h3>工作动态</h3><ul>' + "".join(
            f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a></li>' for a in news_sub[:4]) + '</ul><a class="more" href="/gzdt/">更多</a></div>'
            '<div class="box"><h3>法治政府建设</h3><ul><li><a href="/fzzfjs/zybs/">重要部署</a></li><li><a href="/fzzfjs/bggk/">报告公开</a></li>'
            '<li><a href="/fzzfjs/sfcj/">示范创建</a></li></ul></div></div>'), lm=stamp(news_sub[0].date, "subhome"), validators="iis")
        fc = home_c + [("法治政府建设", "/fzzfjs/")]
        x.store.add(f"{S}/fzzfjs/", fz_sub_shell(x, f"法治政府建设_{c.short}法治", '<ul class="fz-sub"><li><a href="zybs/">重要部署</a></li>'
                                                 '<li><a href="bggk/">报告公开</a></li><li><a href="sfcj/">示范创建</a></li></ul>', fc),
                    lm=stamp(dt.date(2024, 2, 2), "fzzfjs"), validators="iis")
        x.store.add(f"{S}/fzzfjs/bggk/", fz_sub_shell(x, f"报告公开_{c.short}法治", '<h3 class="col-title">报告公开</h3>\n'
                                                      + fz_year_tabs(x, items, lambda a: str(a.date.year), "tabs"), fc + [("报告公开", None)]),
                    lm=stamp(items[0].date, "bggk"), validators="iis")
        x.store.add(f"{S}/gzdt/", fz_sub_shell(x, f"工作动态_{c.short}法治", '<ul class="fz-list">' + "".join(
            f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a><em>{a.date.isoformat()}</em></li>' for a in news_sub) + "</ul>",
            home_c + [("工作动态", None)]), lm=stamp(news_sub[0].date, "gzdt"), validators="iis")
        for a in items:
            fz_article(x, a, fc + [("报告公开", "/fzzfjs/bggk/")])
        for a in news_sub:
            fz_article(x, a, home_c + [("工作动态", "/gzdt/")])
        x.notes.update(depth=3, column="报告公开", path=f"www 首页 banner→{sub} 首页→法治政府建设→报告公开",
                       pager="one page, one tab per publication year (hidden divs)", sibling=sub)
    elif c.adcode == "520330":  # 习水: 专题专栏 page → 法治习水 → 依法行政 → 法治政府建设年度报告 (onclick year bar, 更早); 2021 docx
        fz_main_site(x, '<section class="m-zt"><h3>专题专栏</h3><a href="/ztzl/">进入专题专栏</a></section>',
                     ztzl_extra=f'<li><a href="http://{sub}/" target="_blank">法治{c.short}</a></li>')
        home_c = [("首页", "/")]
        items = sort_desc(x.reports + [L["pref_report"], L["sfj_report"]])
        for a in items:
            fz_url(x, sub, "/yfxz/ndbg/", a)
        for a in news_sub:
            fz_url(x, sub, "/gzdt/", a)
        att = x.rep(2021)
        attach_docx(x, att, f"{S}/uploadfile/{att.date.strftime('%Y%m')}/{h('att', c.adcode)[:18]}.docx")
        x.store.add(f"{S}/", fz_sub_shell(x, f"法治{c.short}", '<div class="fz-home"><div class="box"><h3>工作动态</h3><ul>' + "".join(
            f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a></li>' for a in news_sub[:5]) + '</ul></div>'
            '<div class="box"><h3>依法行政</h3><a class="more" href="/yfxz/">更多</a></div></div>'), lm=stamp(news_sub[0].date, "subhome"), validators="iis")
        yc = home_c + [("依法行政", "/yfxz/")]
        x.store.add(f"{S}/yfxz/", fz_sub_shell(x, f"依法行政_法治{c.short}", '<ul class="fz-sub"><li><a href="zdxzjc/">重大行政决策</a></li>'
                                               '<li><a href="gfxwj/">规范性文件</a></li><li><a href="ndbg/">法治政府建设年度报告</a></li></ul>', yc),
                    lm=stamp(dt.date(2024, 2, 2), "yfxz"), validators="iis")
        x.store.add(f"{S}/yfxz/ndbg/", fz_sub_shell(x, f"法治政府建设年度报告_法治{c.short}", '<h3 class="col-title">法治政府建设年度报告</h3>\n'
                                                    + fz_year_tabs(x, items, lambda a: str(a.date.year) if a.date.year >= 2021 else "更早", "onclick"),
                                                    yc + [("法治政府建设年度报告", None)]), lm=stamp(items[0].date, "ndbg"), validators="iis")
        x.store.add(f"{S}/gzdt/", fz_sub_shell(x, f"工作动态_法治{c.short}", '<ul class="fz-list">' + "".join(
            f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a><em>{a.date.isoformat()}</em></li>' for a in news_sub) + "</ul>",
            home_c + [("工作动态", None)]), lm=stamp(news_sub[0].date, "gzdt"), validators="iis")
        for a in items:
            fz_article(x, a, yc + [("法治政府建设年度报告", "/yfxz/ndbg/")])
        for a in news_sub:
            fz_article(x, a, home_c + [("工作动态", "/gzdt/")])
        x.notes.update(depth=4, column="法治政府建设年度报告", path=f"www 首页→专题专栏→{sub} (法治{c.short})→依法行政→法治政府建设年度报告",
                       pager="one page, onclick year bar (2023/2022/2021/更早) over hidden divs", sibling=sub,
                       other="2021 report only in a .docx attachment")
    else:  # 山丹: fzsd. subdomain from a 专题专栏 entry on the homepage; 法治政府 → 年度报告, <select> of years, dateless rows
        fz_main_site(x, f'<section class="m-zt"><h3>专题专栏</h3><ul><li><a href="/ztzl/xczx/">乡村振兴</a></li>'
                        f'<li><a href="http://{sub}/" target="_blank">法治山丹</a></li></ul><a class="more" href="/ztzl/">更多专题</a></section>')
        home_c = [("首页", "/")]
        items = sort_desc(x.reports + [L["town_report"], L["dept_report"], L["shufa"]])
        for a in items:
            fz_url(x, sub, "/fzzfjs/ndbg/", a)
        for a in news_sub:
            fz_url(x, sub, "/gzdt/", a)
        x.store.add(f"{S}/", fz_sub_shell(x, "法治山丹", '<div class="fz-home"><div class="box"><h3>工作动态</h3><ul>' + "".join(
            f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a></li>' for a in news_sub[:5]) + '</ul></div>'
            '<div class="box"><h3>法治政府</h3><ul><li><a href="/fzzfjs/ndbg/">年度报告</a></li><li><a href="/fzzfjs/qzqd/">权责清单</a></li></ul></div></div>'),
                    lm=stamp(news_sub[0].date, "subhome"), validators="iis")
        fc = home_c + [("法治政府", "/fzzfjs/")]
        x.store.add(f"{S}/fzzfjs/", fz_sub_shell(x, "法治政府_法治山丹", '<ul class="fz-sub"><li><a href="ndbg/">年度报告</a></li>'
                                                 '<li><a href="qzqd/">权责清单</a></li></ul>', fc), lm=stamp(dt.date(2024, 2, 2), "fzzfjs"), validators="iis")
        x.store.add(f"{S}/fzzfjs/ndbg/", fz_sub_shell(x, "年度报告_法治山丹", '<h3 class="col-title">年度报告</h3>\n'
                                                      + fz_year_tabs(x, items, lambda a: str(a.date.year), "select", dates=False),
                                                      fc + [("年度报告", None)]), lm=stamp(items[0].date, "ndbg"), validators="iis")
        x.store.add(f"{S}/gzdt/", fz_sub_shell(x, "工作动态_法治山丹", '<ul class="fz-list">' + "".join(
            f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a><em>{a.date.isoformat()}</em></li>' for a in news_sub) + "</ul>",
            home_c + [("工作动态", None)]), lm=stamp(news_sub[0].date, "gzdt"), validators="iis")
        x.store.add(f"{S}/robots.txt", "User-agent: *\nDisallow: /admin/\n", ext="txt", ctype="text/plain", lm=stamp(dt.date(2022, 5, 1), "robots"))
        for a in items:
            fz_article(x, a, fc + [("年度报告", "/fzzfjs/ndbg/")])
        for a in news_sub:
            fz_article(x, a, home_c + [("工作动态", "/gzdt/")])
        x.notes.update(depth=3, column="年度报告", path=f"www 首页 专题专栏 block→{sub} (法治山丹)→法治政府→年度报告",
                       pager="one page, a <select> of years over hidden divs", list="no dates in the rows", sibling=sub)


# ==============================================================================================================
# family 4: dedecms — DedeCMS sites in GBK: channel covers /a/<dir>/, lists list_<tid>_<n>.html with the pagelist
#   (anchors + <select name='sldd'>), articles /a/<dir>/<yyyy>/<mmdd>/<aid>.html; or the dynamic /plus/list.php?tid=
#   &TotalResult=&PageNo= and /plus/view.php?aid=
# ==============================================================================================================


def dd_shell(x: Ctx, title, main, crumbs=()):
    c = x.c
    nav = [("首页", "/"), ("政务公开", "/a/zwgk/" if c.adcode != "130725" else "/plus/list.php?tid=3"), ("新闻中心", "/a/xwzx/"),
           (f"走进{c.short}", "/a/zj/"), ("办事服务", "/a/bsfw/"), ("互动交流", "/a/hdjl/")]
    if c.adcode == "210224":
        nav.insert(3, ("法治长海", "/a/fzch/"))
    crumb = ""
    if crumbs:
        crumb = '<div class="place"><strong>当前位置:</strong> ' + " &gt; ".join(
            f"<a href='{u}'>{esc(t)}</a>" if u else esc(t) for t, u in crumbs) + " &gt; </div>"
    foot = "<br />".join(esc(f) for f in footer_lines(c))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{esc(title)}</title>
<meta name="keywords" content="{c.name},{c.short}县政府" />
<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css" />
</head>
<body class="articlelist">
<div class="header"><div class="top w960 center"><div class="title"><h1><a href="/">{c.name}人民政府</a></h1></div></div>
<div class="module blue mT10 wrapper w963"><div id="navMenu"><ul>{''.join(f"<li><a href='{u}'><span>{t}</span></a></li>" for t, u in nav)}</ul></div></div></div>
<div class="w960 center clear mt1">
{crumb}
{main}
</div>
<div class="footer w960 center mt1 clear"><div class="footer_body"><p class="powered">{foot}</p></div></div>
</body>
</html>
"""


def dd_li(items, dates=True, n=None):
    out = []
    for a in items[:n] if n else items:
        d = f"<span class='info'><small>日期：</small>{a.date.isoformat()}</span>" if dates else ""
        out.append(f"<li><a href='{rel_path(a.url)}' class='title'>{esc(a.title)}</a>{d}</li>")
    return "\n".join(out)


def dd_pagelist(n, k, total, name):
    parts = [f"<li><a href='{name(1)}'>首页</a></li>"]
    if k > 1:
        parts.append(f"<li><a href='{name(k - 1)}'>上一页</a></li>")
    for j in range(1, n + 1):
        parts.append(f'<li class="thisclass">{j}</li>' if j == k else f"<li><a href='{name(j)}'>{j}</a></li>")
    if k < n:
        parts.append(f"<li><a href='{name(k + 1)}'>下一页</a></li>")
    parts.append(f"<li><a href='{name(n)}'>末页</a></li>")
    opts = "".join(f"<option value='{name(j)}'{' selected' if j == k else ''}>{j}</option>" for j in range(1, n + 1))
    parts.append(f"<li><select name='sldd' style='width:36px' onchange='location.href=this.options[this.selectedIndex].value;'>{opts}</select></li>")
    parts.append(f'<li><span class="pageinfo">共 <strong>{n}</strong>页<strong>{total}</strong>条记录</span></li>')
    return '<div class="dede_pages"><ul class="pagelist">' + "".join(parts) + "</ul></div>"


def dd_list(x: Ctx, base, tid, title, items, per, crumbs, dates=True, dynamic=False, salt="", cs=True):
    """static: base is the channel folder URL (…/ndbg/), page 1 also at base; dynamic: base is the site root."""
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)
    if dynamic:
        def name(k):
            return f"/plus/list.php?tid={tid}" if k == 1 else f"/plus/list.php?tid={tid}&TotalResult={len(items)}&PageNo={k}"
    else:
        def name(k):
            return f"list_{tid}_{k}.html"
    for k, chunk in enumerate(pages, 1):
        main = (f'<div class="listbox"><div class="title"><strong>{esc(title)}</strong></div><ul class="e2">\n{dd_li(chunk, dates)}\n</ul>'
                f"{dd_pagelist(n, k, len(items), name) if n > 1 else ''}</div>")
        body = dd_shell(x, f"{title}_{x.c.name}人民政府", main, crumbs)
        lm = stamp(max([a.date for a in items] or [dt.date(2024, 1, 2)]), salt, k)
        if dynamic:
            x.store.add(x.c.base + name(k), body, enc="gbk", lm=None, charset_header=cs)
        else:
            x.store.add(base + name(k), body, enc="gbk", lm=lm, charset_header=cs)
            if k == 1:
                x.store.add(base, body, enc="gbk", lm=lm, charset_header=cs)


def dd_cover(x: Ctx, url, title, subs, crumbs, cs=True, lm_date=dt.date(2024, 1, 8)):
    """a channel cover: one box per sub-channel (title link + a few rows)."""
    boxes = []
    for t, u, items in subs:
        boxes.append(f"<div class='listbox'><div class='title'><strong><a href='{u}'>{esc(t)}</a></strong><a class='more' href='{u}'>更多...</a></div>"
                     f"<ul class='e2'>\n{dd_li(items, n=4)}\n</ul></div>")
    x.store.add(url, dd_shell(x, f"{title}_{x.c.name}人民政府", "\n".join(boxes), crumbs), enc="gbk",
                lm=None if "?" in url else stamp(lm_date, "cover", title), charset_header=cs)


def dd_article(x: Ctx, a: Article, crumbs, cs=True, dynamic=False):
    t = stamp(a.date, "dd", a.key)
    content = attachment_html(x, a) if a.attachment else body_paragraphs(a.lines, indent="　　")
    main = f"""<div class="viewbox">
<div class="title"><h2>{esc(a.title)}</h2></div>
<div class="info"><small>时间:</small>{t.strftime('%Y-%m-%d %H:%M')}<small>来源:</small>{esc(a.source)} <small>作者:</small>admin <small>点击:</small><script src="/plus/count.php?view=yes&aid={art_id(a.url)}&mid=1" type='text/javascript' language="javascript"></script>次</div>
<div class="content"><table width='100%'><tr><td>
{content}
</td></tr></table></div>
<div class="handle"><div class="context"><ul><li>上一篇：没有了 </li><li>下一篇：没有了 </li></ul></div></div>
</div>"""
    x.store.add(a.url, dd_shell(x, f"{a.title}_{x.c.name}人民政府", main, crumbs), enc="gbk", lm=None if dynamic else t, charset_header=cs)


def dd_static_url(x: Ctx, folder, a: Article):
    return x.place(a, f"{folder}{a.date.year}/{a.date.strftime('%m%d')}/{art_id(x.c.adcode, a.key, a.title) % 9000 + 100}.html")


def dd_home(x: Ctx, blocks, cs=True):
    c = x.c
    news = [(f"{c.name}召开县政府常务会议", "2024-06-25"), (f"{c.name}开展防汛演练", "2024-06-17"), (f"{c.name}推进农村人居环境整治", "2024-06-08")]
    nh = "".join(f"<li><a href='/a/xwzx/2024/{d[5:7]}{d[8:]}/{art_id(c.adcode, t) % 9000 + 100}.html'>{esc(t)}</a><span>{d[5:]}</span></li>"
                 for t, d in news)
    main = f"""<div class="index_box"><dl class="tbox"><dt><strong>{c.short}要闻</strong><span class="more"><a href="/a/xwzx/">更多...</a></span></dt><dd><ul class="d1">{nh}</ul></dd></dl></div>
{blocks}"""
    x.store.add(f"{c.base}/", dd_shell(x, f"{c.name}人民政府", main), enc="gbk", lm=stamp(dt.date(2024, 6, 25), "home"), charset_header=cs)


def dd_gknb(x: Ctx, base, tid, crumbs, cs=True):
    items = sort_desc([a for k, a in x.looks.items() if k.startswith("gk")])
    for a in items:
        dd_static_url(x, base, a)
    dd_list(x, base, tid, "政府信息公开年报", items, 20, crumbs + [("政府信息公开年报", None)], salt="gknb", cs=cs)
    for a in items:
        dd_article(x, a, crumbs + [("政府信息公开年报", rel_path(base))], cs=cs)


def build_dedecms(x: Ctx):
    c, L, B = x.c, x.looks, x.c.base
    home = [("主页", "/")]
    if c.adcode == "632821":  # 乌兰: /a/zwgk/ → 重点领域信息公开 → 法治政府建设 → 年度报告 (list_37_N.html, sldd select)
        dd_home(x, "<div class='index_box'><dl class='tbox'><dt><strong>政务公开</strong></dt><dd><ul class='d1'>"
                   "<li><a href='/a/zwgk/xxgkzn/'>政府信息公开指南</a></li><li><a href='/a/zwgk/xxgknb/'>政府信息公开年报</a></li>"
                   "<li><a href='/a/zwgk/zdlyxxgk/'>重点领域信息公开</a></li></ul></dd></dl></div>")
        zw = home + [("政务公开", "/a/zwgk/")]
        dd_gknb(x, f"{B}/a/zwgk/xxgknb/", 21, zw)
        zd = zw + [("重点领域信息公开", "/a/zwgk/zdlyxxgk/")]
        fz = zd + [("法治政府建设", "/a/zwgk/zdlyxxgk/fzzfjs/")]
        items = sort_desc(x.reports + [L["pref_report"], L["sfj_report"], L["dept_report"]])
        gz = sort_desc([L["news_meeting"], L["news_committee"], L["notice_plan"], L["notice_submit"]])
        nb = f"{B}/a/zwgk/zdlyxxgk/fzzfjs/ndbg/"
        for a in items:
            dd_static_url(x, nb, a)
        for a in gz:
            dd_static_url(x, f"{B}/a/zwgk/zdlyxxgk/fzzfjs/gzdt/", a)
        gk_items = sort_desc([a for k, a in L.items() if k.startswith("gk")])
        dd_cover(x, f"{B}/a/zwgk/", "政务公开", [("政府信息公开年报", "/a/zwgk/xxgknb/", gk_items), ("重点领域信息公开", "/a/zwgk/zdlyxxgk/", []),
                                              ("政策文件", "/a/zwgk/zcwj/", [])], zw[:1] + [("政务公开", None)])
        dd_cover(x, f"{B}/a/zwgk/zdlyxxgk/", "重点领域信息公开", [("财政预决算", "/a/zwgk/zdlyxxgk/czyjs/", []),
                                                          ("法治政府建设", "/a/zwgk/zdlyxxgk/fzzfjs/", []),
                                                          ("生态环境", "/a/zwgk/zdlyxxgk/sthj/", [])], zd[:-1] + [("重点领域信息公开", None)])
        dd_cover(x, f"{B}/a/zwgk/zdlyxxgk/fzzfjs/", "法治政府建设", [("年度报告", "/a/zwgk/zdlyxxgk/fzzfjs/ndbg/", items),
                                                               ("工作动态", "/a/zwgk/zdlyxxgk/fzzfjs/gzdt/", gz)], fz[:-1] + [("法治政府建设", None)],
                 lm_date=items[0].date)
        dd_list(x, nb, 37, "年度报告", items, 3, fz + [("年度报告", None)], salt="ndbg")
        dd_list(x, f"{B}/a/zwgk/zdlyxxgk/fzzfjs/gzdt/", 38, "工作动态", gz, 10, fz + [("工作动态", None)], salt="gzdt")
        for a in items:
            dd_article(x, a, fz + [("年度报告", "/a/zwgk/zdlyxxgk/fzzfjs/ndbg/")])
        for a in gz:
            dd_article(x, a, fz + [("工作动态", "/a/zwgk/zdlyxxgk/fzzfjs/gzdt/")])
        x.notes.update(depth=4, column="年度报告", path="首页→政务公开→重点领域信息公开→法治政府建设→年度报告",
                       pager="list_37_1.html … list_37_3.html (anchors + sldd select)", encoding="gbk")
    elif c.adcode == "130725":  # 尚义: dynamic /plus/list.php?tid=, mixed column, no charset in the header, no validators
        cs = False
        dd_home(x, "<div class='index_box'><dl class='tbox'><dt><strong>信息公开</strong><span class='more'><a href='/plus/list.php?tid=3'>更多...</a></span></dt></dl></div>", cs=cs)
        items = sort_desc(x.reports + [L["news_meeting"], L["news_demo"], L["notice_plan"], L["town_report"], L["shufa"]])
        for a in items:
            x.place(a, f"{B}/plus/view.php?aid={art_id(c.adcode, a.key, a.title) % 9000 + 100}")
        gk_items = sort_desc([a for k, a in L.items() if k.startswith("gk")])
        for a in gk_items:
            x.place(a, f"{B}/plus/view.php?aid={art_id(c.adcode, a.key, a.title) % 9000 + 100}")
        zw = home + [("信息公开", "/plus/list.php?tid=3")]
        fd = zw + [("法定主动公开内容", "/plus/list.php?tid=8")]
        dd_cover(x, f"{B}/plus/list.php?tid=3", "信息公开", [("法定主动公开内容", "/plus/list.php?tid=8", []),
                                                        ("政府信息公开年报", "/plus/list.php?tid=5", gk_items)], home + [("信息公开", None)], cs=cs)
        dd_cover(x, f"{B}/plus/list.php?tid=8", "法定主动公开内容", [("机构职能", "/plus/list.php?tid=9", []), ("政策文件", "/plus/list.php?tid=10", []),
                                                             ("法治政府建设", "/plus/list.php?tid=12", items[:4])], zw + [("法定主动公开内容", None)], cs=cs)
        dd_list(x, None, 12, "法治政府建设", items, 4, fd + [("法治政府建设", None)], dynamic=True, cs=cs)
        dd_list(x, None, 5, "政府信息公开年报", gk_items, 20, zw + [("政府信息公开年报", None)], dynamic=True, cs=cs)
        for a in items:
            dd_article(x, a, fd + [("法治政府建设", "/plus/list.php?tid=12")], cs=cs, dynamic=True)
        for a in gk_items:
            dd_article(x, a, zw + [("政府信息公开年报", "/plus/list.php?tid=5")], cs=cs, dynamic=True)
        x.notes.update(depth=3, column="法治政府建设", path="首页→信息公开→法定主动公开内容→法治政府建设",
                       pager="/plus/list.php?tid=12&TotalResult=N&PageNo=K (raw & in hrefs)", encoding="gbk (charset only in <meta>)",
                       list="reports mixed with news, notices, a township's report and a 述法 report")
    else:  # 长海: nav 法治长海 → 法治政府建设年度报告 (dateless list, 2 pages), 2022 report attachment-only
        dd_home(x, "<div class='index_box'><dl class='tbox'><dt><strong>法治长海</strong><span class='more'><a href='/a/fzch/'>更多...</a></span></dt></dl></div>")
        zw = home + [("政务公开", "/a/zwgk/")]
        dd_gknb(x, f"{B}/a/zwgk/xxgknb/", 21, zw)
        gk_items = sort_desc([a for k, a in L.items() if k.startswith("gk")])
        dd_cover(x, f"{B}/a/zwgk/", "政务公开", [("政府信息公开年报", "/a/zwgk/xxgknb/", gk_items)], home + [("政务公开", None)])
        fc = home + [("法治长海", "/a/fzch/")]
        items = sort_desc(x.reports + [L["sfj_report"], L["town_report"]])
        col = f"{B}/a/fzch/fzzfjsndbg/"
        for a in items:
            dd_static_url(x, col, a)
        pf = sort_desc([L["news_committee"], L["news_demo"], L["notice_submit"]])
        for a in pf:
            dd_static_url(x, f"{B}/a/fzch/pfxc/", a)
        att = x.rep(2022)
        attach_docx(x, att, f"{B}/uploads/soft/{att.date.strftime('%y%m%d')}/1-{att.date.strftime('%y%m%d')}{num('u', c.adcode, lo=1000, hi=9999)}.docx")
        dd_cover(x, f"{B}/a/fzch/", "法治长海", [("法治政府建设年度报告", "/a/fzch/fzzfjsndbg/", items), ("普法宣传", "/a/fzch/pfxc/", pf)],
                 home + [("法治长海", None)], lm_date=items[0].date)
        dd_list(x, col, 52, "法治政府建设年度报告", items, 4, fc + [("法治政府建设年度报告", None)], dates=False, salt="ndbg")
        dd_list(x, f"{B}/a/fzch/pfxc/", 53, "普法宣传", pf, 10, fc + [("普法宣传", None)], salt="pfxc")
        for a in items:
            dd_article(x, a, fc + [("法治政府建设年度报告", "/a/fzch/fzzfjsndbg/")])
        for a in pf:
            dd_article(x, a, fc + [("普法宣传", "/a/fzch/pfxc/")])
        x.store.add(f"{B}/robots.txt", "User-agent: *\nDisallow: /plus/\nDisallow: /dede/\nDisallow: /include/\n", ext="txt", ctype="text/plain",
                    lm=stamp(dt.date(2020, 9, 1), "robots"))
        x.notes.update(depth=2, column="法治政府建设年度报告", path="首页→法治长海→法治政府建设年度报告",
                       pager="list_52_1.html, list_52_2.html (anchors + sldd select)", list="no dates in the rows",
                       other="2022 report only in a .docx attachment; robots.txt disallows /plus/", encoding="gbk")


# ==============================================================================================================
# family 5: phpcms — PHPCMS v9: index.php?m=content&c=index&a=lists&catid=N[&page=K] and …&a=show&catid=N&id=M (hrefs
#   written with &amp;), or its pseudo-static rule list-<catid>-<page>.html / show-<catid>-<id>-1.html
# ==============================================================================================================


def pc_list_url(c: County, catid, page=1):
    if c.opts.get("static"):
        return f"/list-{catid}-{page}.html"
    return f"/index.php?m=content&c=index&a=lists&catid={catid}" + (f"&page={page}" if page > 1 else "")


def pc_show_url(c: County, catid, aid):
    if c.opts.get("static"):
        return f"/show-{catid}-{aid}-1.html"
    return f"/index.php?m=content&c=index&a=show&catid={catid}&id={aid}"


def ah(u):  # an href as written in the page
    return esc(u, quote=True)


def pc_shell(x: Ctx, title, main, crumbs=(), left=None):
    c = x.c
    nav = [("网站首页", "/"), ("政务公开", pc_list_url(c, 2)), ("新闻动态", pc_list_url(c, 6)), (f"走进{c.short}", pc_list_url(c, 1)),
           ("政务服务", pc_list_url(c, 4)), ("互动交流", pc_list_url(c, 5))]
    crumb = ""
    if crumbs:
        crumb = '<div class="crumbs">当前位置：' + " &gt; ".join(f'<a href="{ah(u)}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs) + "</div>"
    lefth = ""
    if left:
        lefth = ('<div class="col-left"><p class="title_blue">' + esc(left[0]) + '</p><ul class="list_zwgk">'
                 + "".join(f'<li><a href="{ah(u)}">{esc(t)}</a></li>' for t, u in left[1]) + "</ul></div>")
    foot = "<br />".join(esc(f) for f in footer_lines(c))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=7" />
<title>{esc(title)}</title>
<link href="/statics/css/reset.css" rel="stylesheet" type="text/css" />
<link href="/statics/css/default_blue.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/statics/js/jquery.min.js"></script>
</head>
<body>
<div class="header"><div class="logo"><a href="/"><img src="/statics/images/v9/logo.png" alt="{c.name}人民政府" /></a></div>
<div class="nav-bar"><map><ul class="nav-site">{''.join(f'<li><a href="{ah(u)}"><span>{t}</span></a></li>' for t, u in nav)}</ul></map></div></div>
<div class="main">
{crumb}
{lefth}
<div class="col-auto">
{main}
</div>
</div>
<div class="footer"><p class="info">{foot}</p></div>
</body>
</html>
"""


def pc_pages(n, k, total, url_of):
    parts = [f'<a class="a1">{total}条</a>']
    parts.append(f'<a href="{ah(url_of(max(k - 1, 1)))}" class="a1">上一页</a>')
    for j in range(1, n + 1):
        parts.append(f"<span>{j}</span>" if j == k else f'<a href="{ah(url_of(j))}">{j}</a>')
    parts.append(f'<a href="{ah(url_of(min(k + 1, n)))}" class="a1">下一页</a>')
    return '<div id="pages" class="text-c">' + " ".join(parts) + "</div>"


def pc_list(x: Ctx, catid, title, items, per, crumbs, left=None, dates=True):
    c = x.c
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)
    for k, chunk in enumerate(pages, 1):
        rows = "\n".join(f'<li>' + (f'<span class="rt">{a.date.isoformat()}</span>' if dates else "")
                         + f'·<a href="{ah(rel_path(a.url))}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a></li>' for a in chunk)
        main = (f'<div class="box"><h5 class="title-2">{esc(title)}</h5><ul class="list lh24 f14">\n{rows}\n</ul></div>'
                + (pc_pages(n, k, len(items), lambda j: pc_list_url(c, catid, j)) if n > 1 else ""))
        lm = stamp(max([a.date for a in items] or [dt.date(2024, 1, 2)]), "pc", catid, k)
        x.store.add(c.base + pc_list_url(c, catid, k), pc_shell(x, f"{title} - {c.name}人民政府", main, crumbs, left),
                    lm=lm if c.opts.get("static") else None)


def pc_cover(x: Ctx, catid, title, subs, crumbs, left=None):
    c = x.c
    boxes = "\n".join(f'<div class="box cat-area"><h5 class="title-1">{esc(t)}<a href="{ah(pc_list_url(c, cid))}" class="more">更多&gt;&gt;</a></h5>'
                      f'<ul class="content list lh24 f14">' + "".join(f'<li>·<a href="{ah(rel_path(a.url))}">{esc(cut(a.title, 30))}</a></li>' for a in items[:5])
                      + "</ul></div>" for t, cid, items in subs)
    x.store.add(c.base + pc_list_url(c, catid), pc_shell(x, f"{title} - {c.name}人民政府", boxes, crumbs, left),
                lm=stamp(dt.date(2024, 2, 20), "pccover", catid) if c.opts.get("static") else None)


def pc_place(x: Ctx, catid, a: Article):
    return x.place(a, x.c.base + pc_show_url(x.c, catid, art_id(x.c.adcode, a.key, a.title) % 20000 + 300))


def pc_article(x: Ctx, a: Article, crumbs):
    t = stamp(a.date, "pc", a.key)
    content = attachment_html(x, a) if a.attachment else body_paragraphs(a.lines, indent="　　")
    main = f"""<div id="Article">
<h1>{esc(a.title)}<br /><span>{t.strftime('%Y-%m-%d %H:%M:%S')}　来源：{esc(a.source)}　评论：<a href="#comment_iframe" id="comment">0</a> 点击:<span id="hits"></span></span></h1>
<div class="content">
{content}
</div>
<p style="margin-bottom:10px"><strong>相关热词搜索：</strong></p>
</div>"""
    x.store.add(a.url, pc_shell(x, f"{a.title} - {x.c.name}人民政府", main, crumbs), lm=t if x.c.opts.get("static") else None)


def pc_home(x: Ctx, blocks=""):
    c = x.c
    news = [(f"{c.name}召开2024年上半年经济运行分析会", "2024-06-27"), (f"{c.name}扎实开展“安全生产月”活动", "2024-06-15"),
            (f"{c.name}召开县政府党组会议", "2024-06-04")]
    nh = "".join(f'<li><span class="rt">{d}</span>·<a href="{ah(pc_show_url(c, 7, art_id(c.adcode, t) % 20000 + 300))}">{esc(t)}</a></li>' for t, d in news)
    main = f"""<div class="box"><h5 class="title-1">{c.short}要闻<a href="{ah(pc_list_url(c, 7))}" class="more">更多&gt;&gt;</a></h5><ul class="content list lh24 f14">{nh}</ul></div>
{blocks}"""
    x.store.add(f"{c.base}/", pc_shell(x, f"{c.name}人民政府", main), lm=stamp(dt.date(2024, 6, 27), "home") if c.opts.get("static") else None)


def pc_gknb(x: Ctx, catid, crumbs, left=None):
    items = sort_desc([a for k, a in x.looks.items() if k.startswith("gk")])
    for a in items:
        pc_place(x, catid, a)
    pc_list(x, catid, "政府信息公开年报", items, 20, crumbs + [("政府信息公开年报", None)], left)
    for a in items:
        pc_article(x, a, crumbs + [("政府信息公开年报", pc_list_url(x.c, catid))])
    return items


def build_phpcms(x: Ctx):
    c, L = x.c, x.looks
    home = [("首页", "/")]
    zw = home + [("政务公开", pc_list_url(c, 2))]
    if c.adcode == "431122":  # 东安: 政务公开 → 信息公开 → 法定主动公开内容 → 法治政府建设 → 年度报告 (dynamic, &amp; hrefs)
        pc_home(x)
        gk = zw + [("信息公开", pc_list_url(c, 9))]
        gkleft = ("信息公开", [("信息公开指南", pc_list_url(c, 10)), ("法定主动公开内容", pc_list_url(c, 21)), ("政府信息公开年报", pc_list_url(c, 12))])
        gk_items = pc_gknb(x, 12, gk, gkleft)
        pc_cover(x, 2, "政务公开", [("信息公开", 9, gk_items), ("政策解读", 13, []), ("通知公告", 14, [])], home + [("政务公开", None)])
        pc_cover(x, 9, "信息公开", [("信息公开指南", 10, []), ("法定主动公开内容", 21, []), ("政府信息公开年报", 12, gk_items)],
                 zw + [("信息公开", None)], gkleft)
        fd = gk + [("法定主动公开内容", pc_list_url(c, 21))]
        fdleft = ("法定主动公开内容", [("机构职能", pc_list_url(c, 22)), ("政策文件", pc_list_url(c, 23)), ("规划计划", pc_list_url(c, 24)),
                                   ("法治政府建设", pc_list_url(c, 57)), ("财政信息", pc_list_url(c, 25))])
        items = sort_desc(x.reports + [L["pref_report"], L["dept_report"]])
        dtm = sort_desc([L["news_meeting"], L["notice_plan"], L["news_committee"], L["sfj_report"]])
        for a in items:
            pc_place(x, 58, a)
        for a in dtm:
            pc_place(x, 59, a)
        pc_cover(x, 21, "法定主动公开内容", [("法治政府建设", 57, items)], gk + [("法定主动公开内容", None)], fdleft)
        fz = fd + [("法治政府建设", pc_list_url(c, 57))]
        fzleft = ("法治政府建设", [("年度报告", pc_list_url(c, 58)), ("工作动态", pc_list_url(c, 59))])
        pc_cover(x, 57, "法治政府建设", [("年度报告", 58, items), ("工作动态", 59, dtm)], fd + [("法治政府建设", None)], fzleft)
        pc_list(x, 58, "年度报告", items, 3, fz + [("年度报告", None)], fzleft)
        pc_list(x, 59, "工作动态", dtm, 20, fz + [("工作动态", None)], fzleft)
        for a in items:
            pc_article(x, a, fz + [("年度报告", pc_list_url(c, 58))])
        for a in dtm:
            pc_article(x, a, fz + [("工作动态", pc_list_url(c, 59))])
        x.notes.update(depth=5, column="年度报告", path="首页→政务公开→信息公开→法定主动公开内容→法治政府建设→年度报告",
                       pager="&page=2, &page=3 (hrefs with &amp;)", other="no Last-Modified/ETag (dynamic pages)")
    elif c.adcode == "130423":  # 临漳: pseudo-static list-<catid>-<page>.html; 政务公开 → 专题专栏 → 法治政府建设 → 法治政府建设报告
        pc_home(x, f'<div class="box"><h5 class="title-1">专题专栏<a href="{ah(pc_list_url(c, 30))}" class="more">更多&gt;&gt;</a></h5></div>')
        gk_items = pc_gknb(x, 12, zw)
        pc_cover(x, 2, "政务公开", [("政府信息公开年报", 12, gk_items), ("专题专栏", 30, []), ("政策文件", 11, [])], home + [("政务公开", None)])
        zt = zw + [("专题专栏", pc_list_url(c, 30))]
        ztleft = ("专题专栏", [("法治政府建设", pc_list_url(c, 31)), ("乡村振兴", pc_list_url(c, 32)), ("安全生产", pc_list_url(c, 35))])
        pc_cover(x, 30, "专题专栏", [("法治政府建设", 31, []), ("乡村振兴", 32, []), ("安全生产", 35, [])], zw + [("专题专栏", None)], ztleft)
        items = sort_desc(x.reports + [L["town_report"], L["sfj_report"], L["dept_report"], L["pref_report"]])
        ds = sort_desc([L["news_demo"], L["notice_submit"], L["news_meeting"]])
        for a in items:
            pc_place(x, 33, a)
        for a in ds:
            pc_place(x, 34, a)
        fz = zt + [("法治政府建设", pc_list_url(c, 31))]
        fzleft = ("法治政府建设", [("法治政府建设报告", pc_list_url(c, 33)), ("法治动态", pc_list_url(c, 34))])
        pc_cover(x, 31, "法治政府建设", [("法治政府建设报告", 33, items), ("法治动态", 34, ds)], zt + [("法治政府建设", None)], fzleft)
        pc_list(x, 33, "法治政府建设报告", items, 4, fz + [("法治政府建设报告", None)], fzleft, dates=False)
        pc_list(x, 34, "法治动态", ds, 20, fz + [("法治动态", None)], fzleft)
        for a in items:
            pc_article(x, a, fz + [("法治政府建设报告", pc_list_url(c, 33))])
        for a in ds:
            pc_article(x, a, fz + [("法治动态", pc_list_url(c, 34))])
        x.notes.update(depth=4, column="法治政府建设报告", path="首页→政务公开→专题专栏→法治政府建设→法治政府建设报告",
                       pager="list-33-1.html, list-33-2.html (pseudo-static)", list="no dates in the rows; reports mixed with "
                       "the 司法局's, a township's, a department's and the prefecture's")
    else:  # 惠水: 政务公开 → 政府信息公开 → 法治政府建设 (mixed list, 3 pages); a repost of 2022 in 通知公告 (homepage)
        dup_src = x.rep(2022)
        dup = Article(c, "duplicate", dup_src.title, dup_src.date + dt.timedelta(days=1), dup_src.lines,
                      source=f"{c.name}人民政府办公室", dup_of=dup_src, key="dup2022")
        pc_place(x, 14, dup)
        pc_home(x, f'<div class="box"><h5 class="title-1">通知公告<a href="{ah(pc_list_url(c, 14))}" class="more">更多&gt;&gt;</a></h5>'
                   f'<ul class="content list lh24 f14"><li>·<a href="{ah(rel_path(dup.url))}">{esc(cut(dup.title, 30))}</a></li></ul></div>')
        pc_list(x, 14, "通知公告", [dup], 20, zw + [("通知公告", None)])
        pc_article(x, dup, zw + [("通知公告", pc_list_url(c, 14))])
        gk = zw + [("政府信息公开", pc_list_url(c, 15))]
        gkleft = ("政府信息公开", [("政府信息公开指南", pc_list_url(c, 16)), ("法治政府建设", pc_list_url(c, 44)), ("政府信息公开年报", pc_list_url(c, 12))])
        gk_items = pc_gknb(x, 12, gk, gkleft)
        pc_cover(x, 2, "政务公开", [("政府信息公开", 15, []), ("通知公告", 14, [dup])], home + [("政务公开", None)])
        pc_cover(x, 15, "政府信息公开", [("政府信息公开指南", 16, []), ("法治政府建设", 44, []), ("政府信息公开年报", 12, gk_items)],
                 zw + [("政府信息公开", None)], gkleft)
        items = sort_desc(x.reports + [L["news_meeting"], L["news_committee"], L["notice_plan"], L["notice_submit"], L["shufa"], L["sfj_report"]])
        for a in items:
            pc_place(x, 44, a)
        pc_list(x, 44, "法治政府建设", items, 4, gk + [("法治政府建设", None)], gkleft)
        for a in items:
            pc_article(x, a, gk + [("法治政府建设", pc_list_url(c, 44))])
        x.notes.update(depth=3, column="法治政府建设", path="首页→政务公开→政府信息公开→法治政府建设",
                       pager="&page=2, &page=3 (hrefs with &amp;)", list="reports mixed with news, notices and the 司法局's report",
                       other="2022 report reposted in 通知公告; 2021 report titled without the year")
# assembling
# ==============================================================================================================

BUILDERS = {"zwgksel": build_zwgksel, "moreblock": build_moreblock, "fzzfsub": build_fzzfsub, "dedecms": build_dedecms,
            "phpcms": build_phpcms}

OPTS = {
    "610827": {"styles": {2021: "cn_year_gov"}},
    "611026": {"styles": {2019: "no_year"}},
    "131123": {"styles": {2020: "guanyu_gongzuo"}},
    "130628": {"styles": {2021: "no_county"}},
    "361127": {"styles": {2022: "dangzheng_nianbao"}},
    "620725": {"styles": {2021: "no_year_gov"}},
    "632821": {"styles": {2023: "cn_year"}},
    "130423": {"static": True},
    "522731": {"styles": {2021: "no_year"}},
}


# --------------------------------------------------------------------------------------------------------------
# every link a page makes inside a county's sites answers: pages the builders do not write (other columns, news,
# service pages) are recorded as small placeholder pages of that site
# --------------------------------------------------------------------------------------------------------------

HREF_RE = re.compile(r"""<(?:a|iframe|frame)\b[^>]*?\b(?:href|src)\s*=\s*(["'])(.*?)\1""", re.I | re.S)
OPT_RE = re.compile(r"""<option\b[^>]*?\bvalue\s*=\s*(["'])(.*?)\1""", re.I | re.S)


def page_links(url, text):
    out = []
    for rx in (HREF_RE, OPT_RE):
        for m in rx.finditer(text):
            href = html.unescape(m.group(2)).strip()
            if not href or href.startswith(("javascript:", "#", "mailto:")) or re.fullmatch(r"\d+", href):
                continue
            u = urllib.parse.urljoin(url, href).split("#", 1)[0]
            out.append(u)
    return out


def close_links(store: Store, ctxs):
    def enc_of(host):
        return "gbk" if next(x for x in ctxs if host in (x.c.host, x.notes.get("sibling"))).c.family == "dedecms" else "utf-8"

    def links(u, e):
        if not e["headers"].get("Content-Type", "").startswith("text/html"):
            return []
        return page_links(u, store.bodies[e["body"]].decode(enc_of(urllib.parse.urlsplit(u).hostname)))

    def stub(x, v):
        c, vh = x.c, urllib.parse.urlsplit(v).hostname
        enc = enc_of(vh)
        title = "栏目页面" if not urllib.parse.urlsplit(v).query and v.endswith("/") or "list" in v or v.endswith("index.html") else "信息页面"
        return f"""<!DOCTYPE html>
<html><head><meta charset="{'gb2312' if enc == 'gbk' else 'utf-8'}"><title>{title}-{c.name}人民政府</title></head>
<body><div class="top"><a href="http://{vh}/">{c.name}人民政府</a></div>
<div class="main"><p>本栏目信息正在更新中。</p></div>
<div class="foot">{esc(footer_lines(c)[0])}</div></body></html>
""", enc
    return fb.close_links(store, ctxs, links, lambda v: bool(re.search(r"\.(jpg|png|gif|css|js|pdf|docx?|xlsx?)$", urllib.parse.urlsplit(v).path, re.I)),
                          stub, dt.date(2024, 5, 20))


def build(out: Path):
    STYLE_PTR[0] = 0
    sources = load_sources()
    store = Store()
    used: set = set()
    ctxs = build_counties(store, COUNTIES, OPTS, BUILDERS, lambda c: report_articles(c, sources, used, TITLE_STYLES, STYLE_PTR),
                          lookalikes)
    n_stubs = close_links(store, ctxs)

    # ---- gold
    reports, pages = [], []
    for x in ctxs:
        reports += report_gold(x, store, lambda a: "gbk" if a.county.family == "dedecms" else "utf-8")
        pages += page_gold(x)

    # ---- http.json
    _, redirects = robots_and_redirects(store)
    head, search_forms = http_head(store, ctxs, "dedecms")
    http = {
        **head,
        "sibling_hosts": [{"adcode": x.c.adcode, "county": x.c.name, "main": x.c.host, "sibling": x.notes["sibling"],
                           "why": "法治政府建设 topic site on a subdomain"}
                          for x in ctxs if "sibling" in x.notes],
        "json_list_api": [],
        "search_forms": search_forms,
        "shell_pages": [],
        "placeholder_pages": sorted(u for u, e in store.entries.items() if e["note"] == "placeholder"),
        "redirects": redirects,
        "columns": columns_gold(ctxs),
    }
    epochs = {"epoch_dates": {"1": EPOCH1.isoformat()}, "new_in_epoch2": [], "corrected": [], "deleted": [], "redesign": None,
              "dead_in_epoch1": []}
    write_set(out, store, reports, pages, http, epochs, COUNTIES)
    return ctxs, reports, pages, store, n_stubs


if __name__ == "__main__":
    main(build, DEFAULT_OUT)
