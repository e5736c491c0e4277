#!/usr/bin/env python3
"""Build tests/fixtures/families3 (written as a held-out set, by someone who did not see the discovery code; it
became the tuning set of discovery round 3): recorded portals of six more site shapes of Chinese county portals.

    .venv/bin/python tests/tools/build_families3.py [--out DIR] [--check]

Deterministic: a rebuild is byte-identical (`--check` builds into a temporary folder and compares).
Every page is written here from the *shapes* of real county portals (URL patterns, list markup, pagers, frames,
iframes, mobile sites, JSON/RSS list feeds) learned from stored public pages and public crawler repositories; no
real page or text is copied. Report bodies are the bundled snapshot's gold report texts with the source county's
names replaced (see README.md). The shared machinery (Store, report derivation, look-alike texts,
.docx writer, writing and comparing a set) is families_builder.py's.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.parse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from families_builder import (body_paragraphs, build_counties, columns_gold, cut, esc, footer_lines, h, http_date,
                             http_head, load_sources, lookalikes, main, make_docx, num, offsite_links, page_gold, register,
                             report_articles, report_gold, robots_and_redirects, sort_desc, stamp, write_set, Article,
                             County, Ctx, DOCX_TYPE, EPOCH1, REPO, Store, TITLE_STYLES)  # noqa: E402

DEFAULT_OUT = REPO / "tests/fixtures/families3"

COUNTIES = [
    # family sitesources: Henan provincial 集约化 platform, /sitesources/<site>/page_pc/...
    County("411622", "河南省", "周口市", "西华县", "www.xihua.gov.cn", "sitesources", [2019, 2020, 2021, 2022, 2023],
           opts={"site": "xhx"}),
    County("411729", "河南省", "驻马店市", "新蔡县", "www.xincai.gov.cn", "sitesources", [2020, 2021, 2022, 2023],
           opts={"site": "xcx"}),
    County("411423", "河南省", "商丘市", "宁陵县", "www.ningling.gov.cn", "sitesources", [2019, 2021, 2022, 2023],
           opts={"site": "nlx", "list_dates": False, "styles": {2019: "no_year"}}),
    # family iframetree: Struts .action 信息公开 in iframes (tree left, list right)
    County("445222", "广东省", "揭阳市", "揭西县", "www.jiexi.gov.cn", "iframetree", [2019, 2020, 2021, 2022, 2023]),
    County("441523", "广东省", "汕尾市", "陆河县", "www.luhe.gov.cn", "iframetree", [2020, 2021, 2022, 2023]),
    County("445122", "广东省", "潮州市", "饶平县", "www.raoping.gov.cn", "iframetree", [2019, 2020, 2022, 2023]),
    # family frameset: frameset-era GBK sites
    County("530923", "云南省", "临沧市", "永德县", "www.yongde.gov.cn", "frameset", [2020, 2021, 2022, 2023]),
    County("540127", "西藏自治区", "拉萨市", "墨竹工卡县", "www.xzmzgk.gov.cn", "frameset", [2019, 2021, 2022, 2023]),
    County("654028", "新疆维吾尔自治区", "伊犁哈萨克自治州", "尼勒克县", "www.xjnlk.gov.cn", "frameset",
           [2019, 2020, 2021, 2022]),
    # family mobile: the column is on the county's mobile site m.<host>
    County("360725", "江西省", "赣州市", "崇义县", "www.chongyi.gov.cn", "mobile", [2019, 2020, 2021, 2022, 2023]),
    County("371321", "山东省", "临沂市", "沂南县", "www.yinan.gov.cn", "mobile", [2020, 2021, 2022, 2023]),
    County("420324", "湖北省", "十堰市", "竹溪县", "www.zhuxi.gov.cn", "mobile", [2019, 2021, 2022, 2023]),
    # family deptsfj: the column is the 县司法局's, in the portal's 部门 directory (JEECMS .jhtml)
    County("450225", "广西壮族自治区", "柳州市", "融水苗族自治县", "www.rongshui.gov.cn", "deptsfj", [2020, 2021, 2022, 2023]),
    County("431322", "湖南省", "娄底市", "新化县", "www.xinhua.gov.cn", "deptsfj", [2019, 2020, 2021, 2022, 2023]),
    County("510824", "四川省", "广元市", "苍溪县", "www.cncx.gov.cn", "deptsfj", [2019, 2020, 2021, 2023]),
    # family ztzl: 专题专栏 → 法治政府建设 on EmpireCMS (date folders, RSS feeds)
    County("350125", "福建省", "福州市", "永泰县", "www.yongtai.gov.cn", "ztzl", [2019, 2020, 2021, 2022, 2023]),
    County("330328", "浙江省", "温州市", "文成县", "www.wencheng.gov.cn", "ztzl", [2019, 2020, 2022, 2023]),
    County("321324", "江苏省", "宿迁市", "泗洪县", "www.sihong.gov.cn", "ztzl", [2020, 2021, 2022, 2023]),
]

FAMILIES = ["sitesources", "iframetree", "frameset", "mobile", "deptsfj", "ztzl"]

PROVINCE_PORTAL = {"河南省": "http://www.henan.gov.cn/", "广东省": "http://www.gd.gov.cn/", "云南省": "http://www.yn.gov.cn/",
                   "西藏自治区": "http://www.xizang.gov.cn/", "新疆维吾尔自治区": "http://www.xinjiang.gov.cn/",
                   "江西省": "http://www.jiangxi.gov.cn/", "山东省": "http://www.shandong.gov.cn/",
                   "湖北省": "http://www.hubei.gov.cn/", "广西壮族自治区": "http://www.gxzf.gov.cn/",
                   "湖南省": "http://www.hunan.gov.cn/", "四川省": "http://www.sc.gov.cn/", "福建省": "http://www.fujian.gov.cn/",
                   "浙江省": "http://www.zj.gov.cn/", "江苏省": "http://www.jiangsu.gov.cn/"}
PREFECTURE_PORTAL = {"周口市": "http://www.zhoukou.gov.cn/", "驻马店市": "http://www.zhumadian.gov.cn/",
                     "商丘市": "http://www.shangqiu.gov.cn/", "揭阳市": "http://www.jieyang.gov.cn/",
                     "汕尾市": "http://www.shanwei.gov.cn/", "潮州市": "http://www.chaozhou.gov.cn/",
                     "临沧市": "http://www.lincang.gov.cn/", "拉萨市": "http://www.lasa.gov.cn/",
                     "伊犁哈萨克自治州": "http://www.xjyl.gov.cn/", "赣州市": "http://www.ganzhou.gov.cn/",
                     "临沂市": "http://www.linyi.gov.cn/", "十堰市": "http://www.shiyan.gov.cn/",
                     "柳州市": "http://www.liuzhou.gov.cn/", "娄底市": "http://www.hnloudi.gov.cn/",
                     "广元市": "http://www.cngy.gov.cn/", "福州市": "http://www.fuzhou.gov.cn/",
                     "温州市": "http://www.wenzhou.gov.cn/", "宿迁市": "http://www.suqian.gov.cn/"}

TOWNS = {"411622": "红花集镇", "411729": "练村镇", "411423": "柳河镇", "445222": "棉湖镇", "441523": "河田镇",
         "445122": "黄冈镇", "530923": "永康镇", "540127": "甲玛乡", "654028": "喀拉苏镇", "360725": "横水镇",
         "371321": "界湖街道", "420324": "水坪镇", "450225": "和睦镇", "431322": "上梅街道", "510824": "陵江镇",
         "350125": "樟城镇", "330328": "大峃镇", "321324": "青阳街道"}

ICP = {"河南": "豫", "广东": "粤", "云南": "滇", "西藏": "藏", "新疆": "新", "江西": "赣", "山东": "鲁", "湖北": "鄂",
       "广西": "桂", "湖南": "湘", "四川": "蜀", "福建": "闽", "浙江": "浙", "江苏": "苏"}
register(towns=TOWNS, province_portal=PROVINCE_PORTAL, prefecture_portal=PREFECTURE_PORTAL, icp=ICP)
STYLE_PTR = [0]

# ==============================================================================================================
# family 1: sitesources — Henan's provincial 集约化 platform
#   /sitesources/<site>/page_pc/<col>/<sub>/list1.html, list2.html …, script.json (page count), ./article<32hex>.html
# ==============================================================================================================


def ss_shell(x: Ctx, title, main, column=None, crumbs=()):
    c, s = x.c, x.c.opts["site"]
    b = f"/sitesources/{s}/page_pc"
    nav = [("首页", f"{b}/index.html"), (f"走进{c.short}", f"{b}/zj{s}/list1.html"), ("新闻中心", f"{b}/xwzx/list1.html"),
           ("政务公开", f"{b}/zwgk/index.html"), ("政务服务", "https://www.hnzwfw.gov.cn/"),
           ("互动交流", f"{b}/hdjl/index.html"), ("专题专栏", f"{b}/ztzl/list1.html")]
    navh = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in nav)
    crumb = ""
    if crumbs:
        crumb = ('<div class="hap_location">当前位置：' + " &gt; ".join(
            f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs) + "</div>")
    links = " ".join(f'<a href="{u}" target="_blank">{t}</a>' for t, u in offsite_links(c))
    foot = "<br>".join(esc(f) for f in footer_lines(c))
    colmeta = f'<meta name="ColumnName" content="{esc(column)}">' if column else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{esc(title)}</title>
<meta name="SiteName" content="{c.name}人民政府">
<meta name="SiteDomain" content="{c.host}">
<meta name="SiteIDCode" content="{c.code}">
{colmeta}
<link rel="stylesheet" href="{b}/css/hap_style.css">
<script src="{b}/js/jquery-1.11.3.min.js"></script>
<script src="{b}/js/hap_common.js"></script>
</head>
<body>
<div class="hap_top"><div class="w1200"><span>欢迎访问{c.name}人民政府门户网站</span><a href="javascript:;" id="wza">无障碍</a> <a href="javascript:;" id="zzms">长者模式</a></div></div>
<div class="hap_head w1200"><a href="{b}/index.html"><img src="{b}/images/logo.png" alt="{c.name}人民政府"></a>
<form class="hap_search" action="http://sousuo.henan.gov.cn/s" method="get" target="_blank"><input type="hidden" name="siteCode" value="{c.code}"><input type="text" name="searchWord" placeholder="请输入关键字"><button type="submit">搜索</button></form></div>
<div class="hap_nav"><ul class="w1200">{navh}</ul></div>
<div class="hap_main w1200">
{crumb}
{main}
</div>
<div class="hap_links w1200">相关链接：{links}</div>
<div class="hap_foot"><div class="w1200">{foot}<br><script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E"));</script></div></div>
</body>
</html>
"""


def ss_list_block(x: Ctx, items, colpath, full=True):
    lis = []
    for a in items:
        href = "./" + a.url.rsplit("/", 1)[1] if a.url.startswith(colpath) and "/" not in a.url[len(colpath):] else a.url.split(x.c.host, 1)[1]
        date = f"<span>{a.date.isoformat()}</span>" if x.c.opts.get("list_dates", True) else ""
        lis.append(f'<li><a href="{href}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a>{date}</li>')
    return '<div class="hap_infoBox"><ul>\n' + "\n".join(lis) + "\n</ul></div>"


def ss_article_url(x: Ctx, colpath, a: Article):
    return x.place(a, f"{colpath}article{h('ss', x.c.adcode, a.kind, a.key, a.title)}.html")


def ss_list_pages(x: Ctx, colpath, items, per, title, crumbs, left, anchors, lm_salt):
    """Record list1.html … listN.html and script.json of one column; items already placed."""
    c = x.c
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)
    for i, chunk in enumerate(pages, 1):
        pager = '<div class="hap_page" id="hap_page"></div>'
        if anchors and n > 1:
            parts = [f'<a href="list1.html">首页</a>']
            parts.append(f'<a href="list{i - 1}.html">上一页</a>' if i > 1 else "<span>上一页</span>")
            for k in range(1, n + 1):
                parts.append(f"<span class=\"cur\">{k}</span>" if k == i else f'<a href="list{k}.html">{k}</a>')
            parts.append(f'<a href="list{i + 1}.html">下一页</a>' if i < n else "<span>下一页</span>")
            parts.append(f'<a href="list{n}.html">尾页</a>')
            pager = '<div class="hap_page">' + " ".join(parts) + "</div>"
        script = f"""<script type="text/javascript">
$(function () {{
  $.getJSON("script.json", function (d) {{
    hapPage("hap_page", {{ total: d.total, endPage: d.endPage, current: {i}, prefix: "list", suffix: ".html" }});
  }});
}});
</script>"""
        main = f"""<div class="hap_left"><h3>{esc(left[0])}</h3><ul>{''.join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in left[1])}</ul></div>
<div class="hap_right"><div class="hap_tit"><span>{esc(title)}</span></div>
{ss_list_block(x, chunk, colpath)}
{pager}
{script}
</div>"""
        lm = stamp(max([a.date for a in items] or [dt.date(2024, 1, 2)]), lm_salt, i)
        x.store.add(f"{colpath}list{i}.html", ss_shell(x, f"{title}-{c.name}人民政府", main, title, crumbs), lm=lm)
    js = json.dumps({"startPage": 1, "endPage": n, "pageSize": per, "total": len(items)}, separators=(",", ":"))
    x.store.add(f"{colpath}script.json", js, ext="json", ctype="application/json",
                lm=stamp(max([a.date for a in items] or [dt.date(2024, 1, 2)]), lm_salt, "json"))
    return n


def ss_article_page(x: Ctx, a: Article, crumbs):
    c = x.c
    t = stamp(a.date, "ss-art", a.key)
    if a.attachment:
        content = (f'<p>{esc(a.title)}全文详见附件。</p>\n<p>附件：<a href="{a.attachment.split(c.host, 1)[1]}" target="_blank">'
                   f'{esc(a.title)}.docx</a></p>')
    else:
        content = body_paragraphs(a.lines)
    main = f"""<div class="hap_xq">
<div class="hap_xq_tit">{esc(a.title)}</div>
<div class="hap_xq_data"><span>信息来源：{esc(a.source)}</span><span>发布时间：{a.date.isoformat()} {t.strftime('%H:%M')}</span><span>浏览次数：<i id="hits">--</i></span></div>
<div class="hap_xq_content">
{content}
</div>
<div class="hap_xq_print"><a href="javascript:window.print();">【打印本页】</a> <a href="javascript:window.close();">【关闭窗口】</a></div>
</div>"""
    x.store.add(a.url, ss_shell(x, f"{a.title}-{c.name}人民政府", main, crumbs=crumbs), lm=t)


def ss_home(x: Ctx, extra_notices=(), ztzl=False):
    c, s = x.c, x.c.opts["site"]
    b = f"/sitesources/{s}/page_pc"
    news = "".join(f'<li><a href="{b}/xwzx/{s}yw/article{h("fill", c.adcode, k)}.html" target="_blank">{t}</a><span>{d}</span></li>'
                   for k, (t, d) in enumerate([(f"{c.name}召开重点项目建设推进会", "2024-06-25"),
                                                (f"{c.name}开展安全生产大检查", "2024-06-21"),
                                                (f"{c.short}：夏粮收购工作有序开展", "2024-06-18"),
                                                (f"{c.name}召开县政府第45次常务会议", "2024-06-12"),
                                                (f"{c.name}举办招商引资专题培训班", "2024-06-06")]))
    notices = "".join(f'<li><a href="{u}" target="_blank" title="{esc(t)}">{esc(cut(t, 24))}</a><span>{d}</span></li>'
                      for t, u, d in extra_notices)
    notices += "".join(f'<li><a href="{b}/zwgk/tzgg/article{h("filln", c.adcode, k)}.html" target="_blank">{t}</a><span>{d}</span></li>'
                       for k, (t, d) in enumerate([("关于2024年度县级储备粮轮换的公告", "2024-06-20"),
                                                    ("关于开展2024年防汛应急演练的通知", "2024-06-03")]))
    quick = [("政府信息公开指南", f"{b}/zwgk/xxgkzn/index.html"), ("政府信息公开制度", f"{b}/zwgk/xxgkzd/index.html"),
             ("政府信息公开年报", f"{b}/zwgk/xxgknb/list1.html"), ("依申请公开", f"{b}/zwgk/ysqgk/index.html")]
    qh = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in quick)
    zt = ""
    if ztzl:
        zt = (f'<div class="hap_ztbanner"><a href="{b}/ztzl/list1.html"><img src="{b}/images/ztzl_banner.jpg" alt="专题专栏"></a></div>')
    main = f"""<div class="hap_focus"><div class="hap_box"><div class="hap_tit"><span>{c.short}要闻</span><a href="{b}/xwzx/{s}yw/list1.html" class="more">更多</a></div><ul>{news}</ul></div>
<div class="hap_box"><div class="hap_tit"><span>通知公告</span><a href="{b}/zwgk/tzgg/list1.html" class="more">更多</a></div><ul>{notices}</ul></div></div>
{zt}
<div class="hap_box"><div class="hap_tit"><span>政务公开</span></div><ul>{qh}</ul></div>"""
    x.store.add(f"{c.base}{b}/index.html", ss_shell(x, f"{c.name}人民政府", main), lm=stamp(dt.date(2024, 6, 25), "home"))
    x.store.add(f"{c.base}/", None, status=302, location=f"{c.base}{b}/index.html")


def ss_gknb(x: Ctx, crumbs):
    c, s = x.c, x.c.opts["site"]
    col = f"{c.base}/sitesources/{s}/page_pc/zwgk/xxgknb/"
    items = sort_desc([a for k, a in x.looks.items() if k.startswith("gk")])
    for a in items:
        ss_article_url(x, col, a)
    ss_list_pages(x, col, items, 15, "政府信息公开年报", crumbs + [("政府信息公开年报", None)],
                  ("政务公开", [("政府信息公开年报", "list1.html")]), True, "gknb")
    for a in items:
        ss_article_page(x, a, crumbs + [("政府信息公开年报", f"{col}list1.html")])


def build_sitesources(x: Ctx):
    c, s = x.c, x.c.opts["site"]
    B = f"{c.base}/sitesources/{s}/page_pc"
    b = f"/sitesources/{s}/page_pc"
    home = [("首页", f"{b}/index.html")]
    zwgk_c = home + [("政务公开", f"{b}/zwgk/index.html")]
    L = x.looks
    if s == "xhx":  # depth 4: 政务公开 → 法定主动公开内容 → 法治政府建设 → 年度报告; page 2 only through script.json
        ss_home(x)
        x.store.add(f"{B}/zwgk/index.html", ss_shell(x, f"政务公开-{c.name}人民政府", f"""<div class="hap_zwgk">
<div class="hap_box"><div class="hap_tit"><span>政府信息公开</span></div><ul>
<li><a href="{b}/zwgk/xxgkzn/index.html">政府信息公开指南</a></li><li><a href="{b}/zwgk/xxgkzd/index.html">政府信息公开制度</a></li>
<li><a href="{b}/zwgk/fdzdgknr/index.html">法定主动公开内容</a></li><li><a href="{b}/zwgk/xxgknb/list1.html">政府信息公开年报</a></li>
<li><a href="{b}/zwgk/ysqgk/index.html">依申请公开</a></li></ul></div>
<div class="hap_box"><div class="hap_tit"><span>重点领域信息公开</span></div><ul>
<li><a href="{b}/zwgk/zdly/czyjs/list1.html">财政预决算</a></li><li><a href="{b}/zwgk/zdly/ggzy/list1.html">公共资源配置</a></li>
<li><a href="{b}/zwgk/zdly/shgy/list1.html">社会公益事业</a></li></ul></div></div>""", "政务公开", zwgk_c), lm=stamp(dt.date(2024, 5, 6), "zwgk"))
        fd_c = zwgk_c + [("法定主动公开内容", f"{b}/zwgk/fdzdgknr/index.html")]
        cols = [("机构职能", "jgzn"), ("政策文件", "zcwj"), ("规划计划", "ghjh"), ("财政信息", "czxx"), ("法治政府建设", "fzzfjs"),
                ("人事信息", "rsxx"), ("应急管理", "yjgl"), ("统计信息", "tjxx")]
        x.store.add(f"{B}/zwgk/fdzdgknr/index.html", ss_shell(x, f"法定主动公开内容-{c.name}人民政府", '<div class="hap_sublist"><ul>' + "".join(
            f'<li><a href="{b}/zwgk/fdzdgknr/{p}/list1.html">{t}</a></li>' for t, p in cols) + "</ul></div>",
            "法定主动公开内容", fd_c), lm=stamp(dt.date(2024, 3, 1), "fd"))
        fz = f"{B}/zwgk/fdzdgknr/fzzfjs/"
        fz_c = fd_c + [("法治政府建设", f"{b}/zwgk/fdzdgknr/fzzfjs/list1.html")]
        ndbg_items = sort_desc(x.reports + [L["sfj_report"], L["town_report"], L["pref_report"]])
        gzdt_items = sort_desc([L["news_meeting"], L["news_committee"], L["news_demo"], L["notice_plan"], L["notice_submit"]])
        for a in ndbg_items:
            ss_article_url(x, fz + "ndbg/", a)
        for a in gzdt_items:
            ss_article_url(x, fz + "gzdt/", a)
        left = ("法治政府建设", [("年度报告", f"{b}/zwgk/fdzdgknr/fzzfjs/ndbg/list1.html"), ("工作动态", f"{b}/zwgk/fdzdgknr/fzzfjs/gzdt/list1.html")])
        over = f"""<div class="hap_left"><h3>法治政府建设</h3><ul>{''.join(f'<li><a href="{u}">{t}</a></li>' for t, u in left[1])}</ul></div>
<div class="hap_right">
<div class="hap_box"><div class="hap_tit"><span>年度报告</span><a class="more" href="ndbg/list1.html">更多&gt;&gt;</a></div>
{ss_list_block(x, ndbg_items[:5], "")}</div>
<div class="hap_box"><div class="hap_tit"><span>工作动态</span><a class="more" href="gzdt/list1.html">更多&gt;&gt;</a></div>
{ss_list_block(x, gzdt_items[:5], "")}</div></div>"""
        x.store.add(f"{fz}list1.html", ss_shell(x, f"法治政府建设-{c.name}人民政府", over, "法治政府建设", fz_c),
                    lm=stamp(ndbg_items[0].date, "fzover"))
        ss_list_pages(x, fz + "ndbg/", ndbg_items, 6, "年度报告", fz_c + [("年度报告", None)], left, False, "ndbg")
        ss_list_pages(x, fz + "gzdt/", gzdt_items, 15, "工作动态", fz_c + [("工作动态", None)], left, False, "gzdt")
        for a in ndbg_items:
            ss_article_page(x, a, fz_c + [("年度报告", f"{b}/zwgk/fdzdgknr/fzzfjs/ndbg/list1.html")])
        for a in gzdt_items:
            ss_article_page(x, a, fz_c + [("工作动态", f"{b}/zwgk/fdzdgknr/fzzfjs/gzdt/list1.html")])
        ss_gknb(x, zwgk_c)
        x.notes.update(depth=4, column="年度报告", path="首页→政务公开→法定主动公开内容→法治政府建设→年度报告",
                       pager="script.json only (no anchors)")
    elif s == "xcx":  # 专题专栏 → 法治新蔡 → 依法治县 (mixed list, 3 pages with anchors), a repost in 通知公告 on the homepage
        dup_src = x.rep(2022)
        dup = Article(c, "duplicate", dup_src.title, dup_src.date + dt.timedelta(days=1), dup_src.lines, source=f"{c.name}人民政府办公室",
                      dup_of=dup_src, key="dup2022")
        x.place(dup, f"{B}/zwgk/tzgg/article{h('dup', c.adcode)}.html")
        ss_home(x, extra_notices=[(dup.title, dup.url.split(c.host, 1)[1], dup.date.isoformat())], ztzl=True)
        x.store.add(f"{c.base}/robots.txt", f"User-agent: *\nDisallow: {b}/search/\nDisallow: /u/\n", ext="txt",
                    ctype="text/plain", lm=stamp(dt.date(2021, 3, 2), "robots"))
        zt_c = home + [("专题专栏", f"{b}/ztzl/list1.html")]
        topics = [("法治新蔡", f"{b}/ztzl/fzxc/index.html"), ("乡村振兴", f"{b}/ztzl/xczx/index.html"),
                  ("优化营商环境", f"{b}/ztzl/yshj/index.html"), ("创建全国文明城市", f"{b}/ztzl/cjwm/index.html")]
        x.store.add(f"{B}/ztzl/list1.html", ss_shell(x, f"专题专栏-{c.name}人民政府", '<div class="hap_ztlist"><ul>' + "".join(
            f'<li><a href="{u}"><img src="{b}/images/zt_{h(t)[:6]}.jpg" alt="{t}"><p>{t}</p></a></li>' for t, u in topics) + "</ul></div>",
            "专题专栏", zt_c), lm=stamp(dt.date(2023, 11, 2), "zt"))
        fz_c = zt_c + [("法治新蔡", f"{b}/ztzl/fzxc/index.html")]
        col = f"{B}/ztzl/fzxc/yfzx/"
        items = sort_desc(x.reports + [L["news_meeting"], L["news_committee"], L["news_demo"], L["notice_plan"], L["notice_submit"],
                                       L["shufa"], L["dept_report"], L["town_report"]])
        for a in items:
            ss_article_url(x, col, a)
        left = ("法治新蔡", [("依法治县", f"{b}/ztzl/fzxc/yfzx/list1.html"), ("普法宣传", f"{b}/ztzl/fzxc/pfxc/list1.html"),
                            ("公共法律服务", f"{b}/ztzl/fzxc/ggflfw/list1.html")])
        land = f"""<div class="hap_ztbanner"><img src="{b}/images/fzxc_banner.jpg" alt="法治新蔡"></div>
<div class="hap_box"><div class="hap_tit"><span>依法治县</span><a class="more" href="yfzx/list1.html">更多</a></div>{ss_list_block(x, items[:5], "")}</div>
<div class="hap_box"><div class="hap_tit"><span>普法宣传</span><a class="more" href="pfxc/list1.html">更多</a></div><ul>
<li><a href="pfxc/article{h('pf1', c.adcode)}.html">{c.name}开展“法律进乡村”宣传活动</a><span>2024-05-28</span></li>
<li><a href="pfxc/article{h('pf2', c.adcode)}.html">{c.name}举行民法典宣讲报告会</a><span>2024-05-12</span></li></ul></div>"""
        x.store.add(f"{B}/ztzl/fzxc/index.html", ss_shell(x, f"法治新蔡-{c.name}人民政府", land, "法治新蔡", fz_c),
                    lm=stamp(items[0].date, "fzxc"))
        ss_list_pages(x, col, items, 5, "依法治县", fz_c + [("依法治县", None)], left, True, "yfzx")
        for a in items:
            ss_article_page(x, a, fz_c + [("依法治县", f"{b}/ztzl/fzxc/yfzx/list1.html")])
        ss_article_page(x, dup, home + [("通知公告", f"{b}/zwgk/tzgg/list1.html")])
        x.store.add(f"{B}/zwgk/index.html", ss_shell(x, f"政务公开-{c.name}人民政府", f"""<div class="hap_box"><ul>
<li><a href="{b}/zwgk/xxgkzn/index.html">政府信息公开指南</a></li><li><a href="{b}/zwgk/fdzdgknr/index.html">法定主动公开内容</a></li>
<li><a href="{b}/zwgk/xxgknb/list1.html">政府信息公开年报</a></li></ul></div>""", "政务公开", zwgk_c), lm=stamp(dt.date(2024, 4, 2), "zwgk"))
        ss_gknb(x, zwgk_c)
        x.notes.update(depth=3, column="依法治县", path="首页→专题专栏→法治新蔡→依法治县",
                       pager="list2.html/list3.html anchors + script.json; reports mixed with news and notices")
    elif s == "nlx":  # depth 5, dateless list, an attachment-only report
        ss_home(x)
        x.store.add(f"{B}/zwgk/index.html", ss_shell(x, f"政务公开-{c.name}人民政府", f"""<div class="hap_box"><ul>
<li><a href="{b}/zwgk/zfxxgk/index.html">政府信息公开</a></li><li><a href="{b}/zwgk/zcjd/list1.html">政策解读</a></li>
<li><a href="{b}/zwgk/hygq/list1.html">回应关切</a></li><li><a href="{b}/zwgk/xxgknb/list1.html">政府信息公开年报</a></li></ul></div>""",
            "政务公开", zwgk_c), lm=stamp(dt.date(2024, 4, 2), "zwgk"))
        gk_c = zwgk_c + [("政府信息公开", f"{b}/zwgk/zfxxgk/index.html")]
        x.store.add(f"{B}/zwgk/zfxxgk/index.html", ss_shell(x, f"政府信息公开-{c.name}人民政府", f"""<div class="hap_box"><ul>
<li><a href="{b}/zwgk/zfxxgk/xxgkzn/index.html">政府信息公开指南</a></li><li><a href="{b}/zwgk/zfxxgk/fdzdgknr/index.html">法定主动公开内容</a></li>
<li><a href="{b}/zwgk/zfxxgk/zdly/index.html">重点领域信息公开</a></li><li><a href="{b}/zwgk/xxgknb/list1.html">政府信息公开年报</a></li></ul></div>""",
            "政府信息公开", gk_c), lm=stamp(dt.date(2024, 4, 2), "zfxxgk"))
        zd_c = gk_c + [("重点领域信息公开", f"{b}/zwgk/zfxxgk/zdly/index.html")]
        zd = [("财政预决算", "czyjs"), ("重大建设项目", "zdjsxm"), ("公共资源配置", "ggzypz"), ("社会公益事业", "shgysy"),
              ("法治政府", "fzzf"), ("乡村振兴", "xczx"), ("生态环境", "sthj")]
        x.store.add(f"{B}/zwgk/zfxxgk/zdly/index.html", ss_shell(x, f"重点领域信息公开-{c.name}人民政府", '<div class="hap_sublist"><ul>' + "".join(
            f'<li><a href="{b}/zwgk/zfxxgk/zdly/{p}/index.html">{t}</a></li>' for t, p in zd) + "</ul></div>",
            "重点领域信息公开", zd_c), lm=stamp(dt.date(2024, 2, 1), "zdly"))
        fz_c = zd_c + [("法治政府", f"{b}/zwgk/zfxxgk/zdly/fzzf/index.html")]
        x.store.add(f"{B}/zwgk/zfxxgk/zdly/fzzf/index.html", ss_shell(x, f"法治政府-{c.name}人民政府", '<div class="hap_sublist"><ul>' + "".join(
            f'<li><a href="{b}/zwgk/zfxxgk/zdly/fzzf/{p}/list1.html">{t}</a></li>' for t, p in
            [("法治政府建设年度报告", "ndbg"), ("行政执法公示", "xzzfgs"), ("权责清单", "qzqd"), ("“双随机、一公开”", "ssjygk")]) + "</ul></div>",
            "法治政府", fz_c), lm=stamp(dt.date(2024, 2, 1), "fzzf"))
        col = f"{B}/zwgk/zfxxgk/zdly/fzzf/ndbg/"
        items = sort_desc(x.reports + [L["sfj_report"], L["pref_report"]])
        for a in items:
            ss_article_url(x, col, a)
        att = x.rep(2021)
        att.attachment = f"{c.base}/sitesources/{s}/uploadfiles/{att.date.strftime('%Y%m')}/{h('att', c.adcode)[:20]}.docx"
        left = ("法治政府", [("法治政府建设年度报告", "list1.html"), ("行政执法公示", "../xzzfgs/list1.html")])
        ss_list_pages(x, col, items, 10, "法治政府建设年度报告", fz_c + [("法治政府建设年度报告", None)], left, True, "ndbg")
        for a in items:
            ss_article_page(x, a, fz_c + [("法治政府建设年度报告", f"{b}/zwgk/zfxxgk/zdly/fzzf/ndbg/list1.html")])
        x.store.add(att.attachment, make_docx([att.title] + att.lines), ext="docx", ctype=DOCX_TYPE,
                    lm=stamp(att.date, "docx"), validators="lm-only")
        ss_gknb(x, zwgk_c)
        x.notes.update(depth=5, column="法治政府建设年度报告",
                       path="首页→政务公开→政府信息公开→重点领域信息公开→法治政府→法治政府建设年度报告",
                       pager="one page", other="list rows without dates; 2021 report only in a .docx attachment")


# --------------------------------------------------------------------------------------------------------------
# site search (GET forms): results recorded for a handful of keywords, in every spelling a client may send
# --------------------------------------------------------------------------------------------------------------

SEARCH_KEYWORDS = ["法治政府建设", "法治政府建设年度报告", "法治政府建设 年度报告", "法治政府 报告", "法治政府", "法治建设",
                   "年度报告", "法治政府建设报告", "法治政府建设情况报告"]


def kw_variants(kw, enc):
    """(query-string spelling, label) of a keyword: percent-encoded in `enc`, a space as + and as %20."""
    words = kw.split(" ")
    q = [urllib.parse.quote(w.encode(enc), safe="") for w in words]
    if len(words) == 1:
        return [q[0]]
    return ["+".join(q), "%20".join(q)]


def kw_segments(kw):
    """The engine's word segmentation: each query word cut into two-character words (法治政府建设 → 法治 政府 建设)."""
    out = []
    for w in kw.split():
        out += [w[i:i + 2] for i in range(0, len(w), 2)] if len(w) % 2 == 0 else [w]
    return out


def search_hits(x: Ctx, kw):
    """Full-text search: an item matches when every segment occurs in its title or text; ranked by the segments
    (then the whole words) found in the title, then newest first."""
    segs = kw_segments(kw)
    arts = {a.url: a for a in x.placed.values()}.values()
    hits = [a for a in arts if all(s in a.title or any(s in ln for ln in a.lines) for s in segs)]
    rank = lambda a: (sum(s in a.title for s in segs), sum(w in a.title for w in kw.split()), a.date, a.title)
    return sorted(hits, key=rank, reverse=True)


def record_search(x: Ctx, url_of, render, encs=("utf-8",), per=10, store_kw=None, label=""):
    store_kw = store_kw or {}
    seen = set()
    for kw in SEARCH_KEYWORDS:
        hits = search_hits(x, kw)
        pages = [hits[i:i + per] for i in range(0, len(hits), per)] or [[]]
        for enc in encs:
            for q in kw_variants(kw, enc):
                for i, chunk in enumerate(pages, 1):
                    for u in url_of(q, i):
                        if u in seen:
                            continue
                        seen.add(u)
                        x.store.add(u, render(kw, q, chunk, i, len(pages), len(hits)), note=f"site search: {kw}", **store_kw)
    x.search.append({"label": label, "keywords": SEARCH_KEYWORDS, "encodings": list(encs), "per_page": per})


def hl(title, kw):
    t = esc(title)
    for w in kw_segments(kw):
        t = t.replace(esc(w), f'<font color="red">{esc(w)}</font>')
    return t


# ==============================================================================================================
# family 2: iframetree — a Struts (.action) 信息公开 platform: a page of two iframes, the catalogue tree on the
# left (zTree JSON / javascript:void(0) + goColumn / anchors with target), the lists on the right (tables, laypage)
# ==============================================================================================================


def it_id(*parts):
    return "402881e8" + h("it", *parts)[:24]


def it_shell(x: Ctx, title, main):
    c = x.c
    nav = [("首页", "/"), ("信息公开", "/web/frontOpen.action"), ("新闻中心", "/web/frontNewsList.action?catalogID=1"),
           ("网上办事", "https://www.gdzwfw.gov.cn/"), ("互动交流", "/web/frontLetter.action"), ("专题专栏", "/web/specialTopic.action")]
    navh = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in nav)
    search = ""
    if x.c.opts.get("search"):
        search = ('<form class="search" action="/web/search.action" method="get" target="_blank">'
                  '<input type="text" name="keyword" class="txt" value="" /><input type="submit" value="搜索" class="btn" /></form>')
    links = "".join(f'<option value="{u}">{t}</option>' for t, u in offsite_links(c))
    foot = "&nbsp;&nbsp;".join(esc(f) for f in footer_lines(c))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="SiteIDCode" content="{c.code}">
<title>{esc(title)}</title>
<link rel="stylesheet" type="text/css" href="/resources/web/style/style.css" />
<script type="text/javascript" src="/resources/web/js/jquery.js"></script>
</head>
<body class="chief">
<div class="header"><div class="inner"><div class="logo"><img src="/resources/web/images/logo.png" alt="{c.name}人民政府门户网站" /></div>{search}</div>
<div class="nav"><ul>{navh}</ul></div></div>
<div class="wrapper"><div class="inner">
{main}
</div></div>
<div class="footer"><div class="links"><select onchange="if(this.value)window.open(this.value)"><option value="">--相关链接--</option>{links}</select></div>
<p>{foot}</p></div>
</body>
</html>
"""


def it_bare(x: Ctx, title, body, head=""):
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="SiteIDCode" content="{x.c.code}">
<title>{esc(title)}</title>
<link rel="stylesheet" type="text/css" href="/resources/web/style/style.css" />
<script type="text/javascript" src="/resources/web/js/jquery.js"></script>
{head}
</head>
<body style="background:none;">
{body}
</body>
</html>
"""


def build_iframetree(x: Ctx):
    c, L = x.c, x.looks
    B = c.base
    style = c.opts["tree"]  # ztree | gocolumn | anchors
    titlecut = c.opts.get("cut")
    add = lambda u, body, **kw: x.store.add(u, body, validators=None, charset_header=not c.opts.get("no_charset_header"), **kw)
    # the catalogue
    T = {}

    def node(key, name, parent):
        T[key] = {"id": it_id(c.adcode, key), "name": name, "parent": parent}
    node("root", "政府信息公开目录", None)
    node("zn", "政府信息公开指南", "root")
    node("zd", "政府信息公开制度", "root")
    node("fd", "法定主动公开内容", "root")
    for k, n in [("jg", "机构职能"), ("zc", "政策文件"), ("gh", "规划信息"), ("cz", "财政资金")]:
        node(k, n, "fd")
    if style == "anchors":
        node("fz", "法治政府建设", "fd")
    else:
        node("fzp", "法治政府建设", "fd")
        node("fz", "法治政府建设年度报告", "fzp")
        node("fzdt", "法治政府建设动态", "fzp")
    node("rs", "人事信息", "fd")
    node("nb", "政府信息公开年报", "root")
    node("ys", "依申请公开", "root")
    if style == "anchors":
        lists = {"fz": sort_desc(x.reports + [L["sfj_report"], L["news_meeting"], L["notice_plan"], L["notice_submit"], L["news_demo"],
                                               L["town_report"], L["shufa"], L["pref_report"]])}
        per = {"fz": 10}
    else:
        lists = {"fz": sort_desc(x.reports + [L["sfj_report"], L["town_report"], L["pref_report"]]),
                 "fzdt": sort_desc([L["news_meeting"], L["news_committee"], L["notice_plan"], L["notice_submit"]])}
        per = {"fz": 6 if style == "ztree" else 5, "fzdt": 10}
    lists["nb"] = sort_desc([a for k, a in L.items() if k.startswith("gk")])
    per["nb"] = 10
    for key, items in lists.items():
        for a in items:
            x.place(a, f"{B}/web/frontOpenContentsDetail.action?theID={it_id(c.adcode, 'doc', a.kind, a.key)}")
    att = None
    if c.opts.get("attachment"):
        att = x.rep(c.opts["attachment"])
        att.attachment = f"{B}/uploadfiles/open/{att.date.strftime('%Y%m%d')}/{h('att', c.adcode)[:16]}.docx"

    # home
    news = "".join(f'<li><a href="/web/frontNewsDetail.action?theID={it_id(c.adcode, "fill", k)}" target="_blank">{t}</a><span>{d}</span></li>'
                   for k, (t, d) in enumerate([(f"{c.name}召开2024年防汛工作会议", "2024-06-24"), (f"{c.name}推进农村人居环境整治", "2024-06-19"),
                                                (f"{c.name}开展“安全生产月”活动", "2024-06-11"), (f"{c.name}召开政府常务会议", "2024-06-04")]))
    home_main = f"""<div class="box"><h3><span>{c.short}要闻</span></h3><ul>{news}</ul></div>
<div class="box"><h3><span>信息公开</span><a href="/web/frontOpen.action" class="more">更多</a></h3>
<ul><li><a href="/web/frontOpen.action">政府信息公开目录</a></li><li><a href="/web/frontOpen.action">政府信息公开指南</a></li>
<li><a href="/web/frontOpen.action">依申请公开</a></li></ul></div>"""
    add(f"{B}/", it_shell(x, f"{c.name}人民政府门户网站", home_main))
    # the 信息公开 page: two iframes
    welcome = f"{B}/web/frontOpenWelcome.action"
    open_main = f"""<div class="side"><div class="submenu"><h3><span>信息公开</span></h3>
<iframe frameborder="0" src="/web/frontOpenCatalogLeft.action" name="leftFrame" scrolling="auto" width="100%" height="500px"></iframe>
</div></div>
<div class="main">
<iframe frameborder="0" src="/web/frontOpenWelcome.action" name="rightFrame" id="rightFrame" width="100%" height="510px"></iframe>
</div>"""
    add(f"{B}/web/frontOpen.action", it_shell(x, f"信息公开-{c.name}人民政府门户网站", open_main))
    add(welcome, it_bare(x, f"{c.name}人民政府门户网站", f"""<div class="list"><h3><span>政府信息公开</span></h3>
<p>为保障公民、法人和其他组织依法获取政府信息，{c.name}人民政府依据《中华人民共和国政府信息公开条例》编制本目录。请在左侧目录中选择信息类别查看。</p></div>"""))
    # the tree
    if style == "ztree":
        nodes = ",\n".join('{id:"%s", pId:"%s", name:"%s"%s}' % (v["id"], T[v["parent"]]["id"] if v["parent"] else "0", v["name"],
                                                                   ", open:true" if k in ("root", "fd") else "") for k, v in T.items())
        tree = f"""<div class="zTreeDemoBackground"><ul id="treeDemo" class="ztree"></ul></div>
<input type="hidden" name="theID" id="theID">
<script type="text/javascript" src="/ztree/js/jquery.ztree.core-3.5.js"></script>
<script type="text/javascript">
var setting = {{ data: {{ simpleData: {{ enable: true }} }}, callback: {{ onClick: onClick }} }};
var zNodes = [
{nodes}
];
function onClick(event, treeId, treeNode, clickFlag) {{
    $('#theID').val(treeNode.id);
    window.parent.document.getElementById("rightFrame").src = "frontOpenContentsRight.action?theID=" + treeNode.id;
}}
$(document).ready(function () {{ $.fn.zTree.init($("#treeDemo"), setting, zNodes); }});
</script>"""
    else:
        def ul(parent):
            kids = [k for k, v in T.items() if v["parent"] == parent]
            if not kids:
                return ""
            out = []
            for k in kids:
                v = T[k]
                if style == "gocolumn":
                    a = f'<a href="javascript:void(0);" onclick="goColumn(\'{v["id"]}\')" data-id="{v["id"]}">{v["name"]}</a>'
                else:
                    a = f'<a href="/web/frontOpenContentsRight.action?theID={v["id"]}" target="rightFrame">{v["name"]}</a>'
                out.append(f"<li>{a}{ul(k)}</li>")
            return "<ul>" + "".join(out) + "</ul>"
        tree = f'<div class="tree">{ul(None)}</div>'
        if style == "gocolumn":
            tree += """
<script type="text/javascript">
function goColumn(id) {
    window.parent.document.getElementById("rightFrame").src = "/web/frontOpenContentsRight.action?theID=" + id;
    $(".tree a").removeClass("on"); $(".tree a[data-id='" + id + "']").addClass("on");
}
</script>"""
    add(f"{B}/web/frontOpenCatalogLeft.action", it_bare(x, f"{c.name}人民政府门户网站", tree,
        '<link rel="stylesheet" href="/ztree/css/zTreeStyle/zTreeStyle.css" type="text/css">' if style == "ztree" else ""))
    # right-hand pages on the way: inner nodes show their children, leaves their items
    for k, v in T.items():
        kids = [kk for kk, vv in T.items() if vv["parent"] == k]
        if k == "root" or (not kids and k not in lists):
            continue
        u = f"{B}/web/frontOpenContentsRight.action?theID={v['id']}"
        if kids:
            def anc(q):
                while q:
                    yield q
                    q = T[q]["parent"]
            if not any(k in anc(leaf) for leaf in lists):
                continue
            body = f'<div class="list"><h3><span>{v["name"]}</span></h3><ul class="sub">' + "".join(
                f'<li><a href="/web/frontOpenContentsRight.action?theID={T[kk]["id"]}">{T[kk]["name"]}</a></li>' for kk in kids) + "</ul></div>"
            add(u, it_bare(x, v["name"], body))
            continue
        items = lists[k]
        pp = per[k]
        pages = [items[i:i + pp] for i in range(0, len(items), pp)]
        for i, chunk in enumerate(pages, 1):
            rows = []
            for a in chunk:
                shown = cut(a.title, 22) if titlecut else a.title
                rows.append(f'<tr>\n<td class="tdl"><a href="/web/frontOpenContentsDetail.action?theID={a.url.rsplit("=", 1)[1]}" '
                            f'target="_blank" title="{esc(a.title)}">{esc(shown)}</a></td>\n<td>{a.date.isoformat()}</td>\n</tr>')
            nxt = ""
            jump = f"/web/frontOpenContentsRight.action?pageNum=\" + e.curr + \"&pageSize={pp}&type=xxgk&theID={v['id']}"
            if style == "gocolumn" and i < len(pages):
                nxt = f'<div class="pg"><a href="/web/frontOpenContentsRight.action?pageNum={i + 1}&amp;pageSize={pp}&amp;type=xxgk&amp;theID={v["id"]}">下一页</a></div>'
            body = f"""<input type="hidden" id="type" value="xxgk"/>
<input type="hidden" id="catalogID" value="{v['id']}"/>
<div class="list">
<h3><span>{v['name']}</span></h3>
<table class="csstable">
<tr class="tbg">
<td>题目</td>
<td width="30%">发文时间</td>
</tr>
{chr(10).join(rows)}
</table>
</div>
{nxt}
<div id="layPage"></div>
<script language="javascript" type="text/javascript" src="/resources/web/js/layPage/laypage.js"></script>
<script>
laypage({{
    cont: 'layPage',
    pages: '{len(pages)}',
    curr: '{i}',
    jump: function (e, first) {{
        if (!first) {{
            window.location.href = "{jump}";
        }}
    }},
    skin: 'molv', first: '首页', last: '尾页', prev: '<', next: '>', skip: true
}});
</script>"""
            doc = it_bare(x, v["name"], body)
            if i == 1:
                add(u, doc)
            add(f"{B}/web/frontOpenContentsRight.action?pageNum={i}&pageSize={pp}&type=xxgk&theID={v['id']}", doc)
    # articles (bare pages, opened from the lists)
    for a in x.placed.values():
        if a.attachment:
            content = (f'<p>现将《{esc(a.title)}》予以公开，详见附件。</p>\n<p class="fj">附件：<a href="{a.attachment.split(c.host, 1)[1]}">'
                       f'{esc(a.title)}.docx</a></p>')
        else:
            content = body_paragraphs(a.lines)
        idx = f"{c.adcode}00-{a.date.year}-{num('idx', a.url, lo=100, hi=999):06d}"
        body = f"""<div class="detail">
<table class="xxgk_table" width="100%" cellspacing="0" cellpadding="0">
<tr><td class="t">索&nbsp;引&nbsp;号：</td><td>{idx}</td><td class="t">发布机构：</td><td>{esc(a.source)}</td></tr>
<tr><td class="t">发文日期：</td><td>{a.date.isoformat()}</td><td class="t">主题分类：</td><td>其他</td></tr>
<tr><td class="t">名&nbsp;&nbsp;&nbsp;&nbsp;称：</td><td colspan="3">{esc(a.title)}</td></tr>
</table>
<h1 class="title">{esc(a.title)}</h1>
<div class="content" id="zoom">
{content}
</div>
<div class="tools"><a href="javascript:window.print();">打印本页</a> <a href="javascript:window.close();">关闭窗口</a></div>
</div>"""
        add(a.url, it_bare(x, a.title, body))
    if att:
        x.store.add(att.attachment, make_docx([att.title] + att.lines), ext="docx", ctype=DOCX_TYPE, lm=stamp(att.date, "docx"),
                    validators="lm-only")
    if x.c.opts.get("search"):
        def url_of(q, i):
            if i == 1:
                return [f"{B}/web/search.action?keyword={q}", f"{B}/web/search.action?keyword={q}&pageNum=1"]
            return [f"{B}/web/search.action?keyword={q}&pageNum={i}"]

        def render(kw, q, chunk, i, n, total):
            lis = "".join(f'<li><a href="{a.url.split(c.host, 1)[1]}" target="_blank">{hl(a.title, kw)}</a><span>{a.date.isoformat()}</span></li>'
                          for a in chunk)
            pg = "".join(f'<a href="/web/search.action?keyword={q}&amp;pageNum={k}">{k}</a> ' for k in range(1, n + 1))
            return it_shell(x, f"搜索结果-{c.name}人民政府门户网站",
                            f'<div class="search_result"><p>共找到 {total} 条与“{esc(kw)}”相关的结果</p><ul>{lis}</ul><div class="pg">{pg}</div></div>')
        record_search(x, url_of, render, store_kw={"validators": None}, label="/web/search.action?keyword=")
    depth = {"ztree": 4, "gocolumn": 4, "anchors": 3}[style]
    x.notes.update(depth=depth, column=T["fz"]["name"],
                   path="首页→信息公开 (iframes)→目录树: 法定主动公开内容→" + ("法治政府建设→法治政府建设年度报告" if style != "anchors" else "法治政府建设"),
                   tree=style, pager="laypage script" + (" + 下一页 anchor" if style == "gocolumn" else ""))


# ==============================================================================================================
# family 3: frameset — frameset-era GBK sites: meta refresh, <frameset>/<frame>, ASP with Chinese query values,
# static List_N.html / _N.htm lists
# ==============================================================================================================


def fs_doc(x: Ctx, title, body, head="", frameset=None):
    c = x.c
    inner = frameset if frameset else f"<body>\n{body}\n</body>"
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<meta name="SiteIDCode" content="{c.code}">
<title>{esc(title)}</title>
<link href="/css/style.css" rel="stylesheet" type="text/css">
{head}</head>
{inner}
</html>
"""


def fs_foot(x: Ctx):
    c = x.c
    links = " | ".join(f'<a href="{u}" target="_blank">{t}</a>' for t, u in offsite_links(c))
    return (f'<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" class="foot"><tr><td align="center">'
            f'友情链接：{links}<br>' + "　".join(esc(f) for f in footer_lines(c)) +
            "<br>建议使用1024×768分辨率 IE6.0以上浏览器浏览</td></tr></table>")


def fs_article_body(x: Ctx, a: Article, clicks_src):
    c = x.c
    content = body_paragraphs(a.lines, indent="　　")
    return f"""<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
<tr><td height="30" class="weizhi">您现在的位置：<a href="{x.notes['home_href']}" target="_top">首页</a> &gt;&gt; 正文</td></tr>
<tr><td align="center" class="biaoti"><b>{esc(a.title)}</b></td></tr>
<tr><td align="center" class="xinxi">发布时间：{a.date.isoformat()}　　来源：{esc(a.source)}　　点击数：<script src="{clicks_src}"></script></td></tr>
<tr><td class="zhengwen" id="fontzoom">
{content}
</td></tr>
<tr><td align="right"><a href="javascript:window.print()">【打印此页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table>"""


def fs_rows(items, href, n=28):
    rows = []
    for a in items:
        rows.append(f'<tr><td width="20" align="center"><img src="/images/dot.gif"></td><td height="26">'
                    f'<a href="{href(a)}" target="_blank" title="{esc(a.title)}">{esc(cut(a.title, n))}</a></td>'
                    f'<td width="90" align="center">[{a.date.isoformat()}]</td></tr>')
    return "\n".join(rows)


def build_frameset(x: Ctx):
    c, L = x.c, x.looks
    B = c.base
    kind = c.opts["shape"]
    G = dict(enc="gbk", charset_header=kind == "forward", header_charset="gb2312")
    if kind == "asp":  # 永德: / → meta refresh → index.asp (frameset top/main/bottom); News.asp?BigClassName=…&SmallClassName=…
        A = dict(G, validators=None)
        x.notes["home_href"] = "/index.asp"
        x.store.add(f"{B}/", fs_doc(x, f"{c.name}人民政府", f'<p align="center">正在进入{c.name}人民政府网站，请稍候……</p>',
                                    head='<meta http-equiv="refresh" content="0;URL=index.asp">'), lm=stamp(dt.date(2016, 5, 3), "root"), **G)
        x.store.add(f"{B}/index.asp", fs_doc(x, f"{c.name}人民政府", "", frameset="""<frameset rows="156,*,96" frameborder="no" border="0" framespacing="0">
  <frame src="top.asp" name="topFrame" scrolling="no" noresize>
  <frame src="main.asp" name="mainFrame">
  <frame src="bottom.asp" name="bottomFrame" scrolling="no" noresize>
</frameset>
<noframes><body>您的浏览器不支持框架，请<a href="main.asp">点击这里</a>浏览。</body></noframes>"""), **A)
        big = ["县情概况", "政务公开", "新闻动态", "招商引资", "便民服务"]
        nav = "　".join(f'<a href="News.asp?BigClassName={b}" target="mainFrame">{b}</a>' for b in big)
        x.store.add(f"{B}/top.asp", fs_doc(x, f"{c.name}人民政府", f"""<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="/images/banner.jpg" width="980" height="120"></td></tr>
<tr><td class="nav" height="36"><a href="main.asp" target="mainFrame">网站首页</a>　{nav}</td></tr></table>"""), **A)
        x.store.add(f"{B}/bottom.asp", fs_doc(x, f"{c.name}人民政府", fs_foot(x)), **A)
        small = ["政府文件", "人事任免", "法治政府建设", "财政预决算", "政府信息公开年报"]
        rep_items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["notice_plan"],
                                           L["news_meeting"]])
        gk_items = sort_desc([a for k, a in L.items() if k.startswith("gk")])
        for a in rep_items + gk_items:
            x.place(a, f"{B}/News_View.asp?NewsID={num('fsid', c.adcode, a.kind, a.key, lo=1200, hi=9800)}")
        vid = lambda a: a.url.split("/", 3)[3]
        fill = [("关于做好2024年“三夏”生产工作的通知", "2024-06-17"), (f"{c.name}2024年第二季度重点工作推进情况", "2024-06-12")]
        main = f"""<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF"><tr>
<td width="490" valign="top"><table width="100%"><tr><td class="lanmu">通知公告</td><td align="right"><a href="News.asp?BigClassName=新闻动态&SmallClassName=通知公告">更多&gt;&gt;</a></td></tr>
{''.join(f'<tr><td colspan="2">·<a href="News_View.asp?NewsID={num("fill", c.adcode, k, lo=9800, hi=9990)}" target="_blank">{t}</a> [{d}]</td></tr>' for k, (t, d) in enumerate(fill))}
</table></td>
<td width="490" valign="top"><table width="100%"><tr><td class="lanmu">政务公开</td><td align="right"><a href="News.asp?BigClassName=政务公开">更多&gt;&gt;</a></td></tr>
{''.join(f'<tr><td colspan="2">·<a href="News.asp?BigClassName=政务公开&SmallClassName={s}">{s}</a></td></tr>' for s in small)}
</table></td></tr></table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td align="center">
<form name="search" action="Search.asp" method="get" target="_blank">站内搜索：<input type="text" name="keyword" size="20">
<select name="type"><option value="title" selected>标题</option><option value="content">内容</option></select>
<input type="submit" value="搜 索"></form></td></tr></table>"""
        x.store.add(f"{B}/main.asp", fs_doc(x, f"{c.name}人民政府", main), **A)

        def qvariants(params):
            out = []
            for enc in ("gbk", "utf-8"):
                out.append("&".join(f"{k}={urllib.parse.quote(v.encode(enc), safe='')}" if not v.isascii() else f"{k}={v}"
                                    for k, v in params))
            return out

        def list_doc(bigc, smallc, items, page, npages, per):
            rows = fs_rows(items, lambda a: vid(a))
            pager = ""
            if npages > 1 or smallc:
                base = f"News.asp?BigClassName={bigc}&SmallClassName={smallc}"
                p = []
                p.append(f'<a href="{base}&page=1">首页</a>' if page > 1 else "首页")
                p.append(f'<a href="{base}&page={page - 1}">上一页</a>' if page > 1 else "上一页")
                p.append(f'<a href="{base}&page={page + 1}">下一页</a>' if page < npages else "下一页")
                p.append(f'<a href="{base}&page={npages}">尾页</a>' if page < npages else "尾页")
                pager = f'<tr><td colspan="3" align="center">{" ".join(p)} 页次：<b>{page}</b>/{npages}页 共{sum(1 for _ in [0])}条记录</td></tr>'
            sub = "".join(f'<a href="News.asp?BigClassName={bigc}&SmallClassName={s}">{s}</a>　' for s in small) if bigc == "政务公开" else ""
            return fs_doc(x, f"{smallc or bigc}-{c.name}人民政府", f"""<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
<tr><td height="30" class="weizhi">您现在的位置：<a href="main.asp">首页</a> &gt;&gt; <a href="News.asp?BigClassName={bigc}">{bigc}</a>{' &gt;&gt; ' + smallc if smallc else ''}</td></tr>
<tr><td class="sub">{sub}</td></tr>
<tr><td><table width="100%" border="0" cellspacing="0" cellpadding="0">
{rows}
{pager}
</table></td></tr></table>""")

        def record_list(params, doc):
            for q in qvariants(params):
                x.store.add(f"{B}/News.asp?{q}", doc, note="GBK or UTF-8 percent-encoded query", **A)

        per = 8
        pages = [rep_items[i:i + per] for i in range(0, len(rep_items), per)]
        for i, chunk in enumerate(pages, 1):
            doc = list_doc("政务公开", "法治政府建设", chunk, i, len(pages), per).replace("共1条记录", f"共{len(rep_items)}条记录")
            if i == 1:
                record_list([("BigClassName", "政务公开"), ("SmallClassName", "法治政府建设")], doc)
            record_list([("BigClassName", "政务公开"), ("SmallClassName", "法治政府建设"), ("page", str(i))], doc)
        doc = list_doc("政务公开", "政府信息公开年报", gk_items, 1, 1, per).replace("共1条记录", f"共{len(gk_items)}条记录")
        record_list([("BigClassName", "政务公开"), ("SmallClassName", "政府信息公开年报")], doc)
        record_list([("BigClassName", "政务公开"), ("SmallClassName", "政府信息公开年报"), ("page", "1")], doc)
        newest = sort_desc(rep_items + gk_items)[:8]
        record_list([("BigClassName", "政务公开")], list_doc("政务公开", "", newest, 1, 1, per))
        for a in x.placed.values():
            x.store.add(a.url, fs_doc(x, f"{a.title}-{c.name}人民政府", fs_article_body(x, a, f"GetHits.asp?id={vid(a).split('=')[1]}")), **A)

        def url_of(q, i):
            if i == 1:
                return [f"{B}/Search.asp?keyword={q}&type=title", f"{B}/Search.asp?keyword={q}&type=title&page=1"]
            return [f"{B}/Search.asp?keyword={q}&type=title&page={i}"]

        def render(kw, q, chunk, i, n, total):
            rows = fs_rows(chunk, vid, n=40)
            pg = " ".join(f'<a href="Search.asp?keyword={q}&type=title&page={k}">{k}</a>' for k in range(1, n + 1))
            return fs_doc(x, f"搜索结果-{c.name}人民政府", f"""<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
<tr><td height="30">搜索“{esc(kw)}”，共找到{total}条记录</td></tr><tr><td><table width="100%">{rows}</table></td></tr><tr><td align="center">{pg}</td></tr></table>""").encode("gbk")
        record_search(x, url_of, render, encs=("gbk", "utf-8"), store_kw=dict(ext="html", validators=None, charset_header=False),
                      label="Search.asp?keyword=&type=title (GBK; UTF-8 answered too)")
        x.notes.update(depth=4, column="法治政府建设", path="/ (meta refresh)→index.asp (frameset)→top.asp→News.asp?BigClassName=政务公开→…&SmallClassName=法治政府建设",
                       pager="首页/上一页/下一页/尾页 anchors (&page=N)", other="hrefs with raw Chinese query values; GBK and UTF-8 percent-encodings both answer")
    elif kind == "forward":  # 墨竹工卡: / is a forwarding frameset around /mzgk/index.html; static List_N.html lists
        V = dict(G, validators="iis")
        x.notes["home_href"] = "/mzgk/index.html"
        x.store.add(f"{B}/", fs_doc(x, f"{c.name}人民政府网", "", frameset=f"""<frameset rows="100%,*" frameborder="no" border="0" framespacing="0">
  <frame src="/mzgk/index.html" name="main" scrolling="auto" noresize>
</frameset>
<noframes><body><a href="/mzgk/index.html">{c.name}人民政府网</a></body></noframes>"""), lm=stamp(dt.date(2017, 8, 9), "root"), **V)
        nav = [("网站首页", "/mzgk/index.html"), (f"走进{c.short}", "/mzgk/zj/index.html"), ("政务公开", "/mzgk/zwgk/index.html"),
               ("新闻动态", "/mzgk/xwdt/index.html"), ("办事服务", "/mzgk/bsfw/index.html"), ("专题专栏", "/mzgk/ztzl/index.html")]
        navh = " | ".join(f'<a href="{u}">{t}</a>' for t, u in nav)

        def page(title, body):
            return fs_doc(x, title, f"""<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="/mzgk/images/top.jpg" width="1000" height="140"></td></tr>
<tr><td class="nav" height="34" align="center">{navh}</td></tr></table>
{body}
{fs_foot(x)}""")
        col = f"{B}/mzgk/zwgk/fzjs/fzzfjs/"
        items = sort_desc(x.reports + [L["sfj_report"], L["pref_report"], L["news_meeting"], L["notice_submit"], L["town_report"]])
        for a in items:
            x.place(a, f"{col}{a.date.year}/{a.date.strftime('%m%d')}/{num('mz', c.adcode, a.kind, a.key, lo=180, hi=990)}.html")
        x.store.add(f"{B}/mzgk/index.html", page(f"{c.name}人民政府网", f"""<table width="1000" border="0" align="center"><tr>
<td width="500" valign="top"><div class="lanmu">工作动态</div>
<a href="/mzgk/xwdt/gzdt/2024/0621/1012.html">{c.name}召开2024年上半年经济运行分析会</a><br>
<a href="/mzgk/xwdt/gzdt/2024/0614/1008.html">{c.name}开展汛期地质灾害隐患排查</a></td>
<td width="500" valign="top"><div class="lanmu">政务公开</div>
<a href="/mzgk/zwgk/zfwj/List_1.html">政府文件</a> <a href="/mzgk/zwgk/fzjs/index.html">法治建设</a> <a href="/mzgk/zwgk/czzj/List_1.html">财政资金</a></td></tr></table>"""),
                    lm=stamp(dt.date(2024, 6, 21), "home"), **V)
        x.store.add(f"{B}/mzgk/zwgk/index.html", page(f"政务公开-{c.name}人民政府网", """<table width="1000" border="0" align="center"><tr>
<td width="200" valign="top" class="left"><div class="lanmu">政务公开</div>
<a href="/mzgk/zwgk/xxgkzn/index.html">政府信息公开指南</a><br><a href="/mzgk/zwgk/zfwj/List_1.html">政府文件</a><br>
<a href="/mzgk/zwgk/rsrm/List_1.html">人事任免</a><br><a href="/mzgk/zwgk/fzjs/index.html">法治建设</a><br>
<a href="/mzgk/zwgk/czzj/List_1.html">财政资金</a><br><a href="/mzgk/zwgk/xxgknb/List_1.html">政府信息公开年报</a></td>
<td valign="top">请在左侧选择栏目。</td></tr></table>"""), lm=stamp(dt.date(2023, 10, 9), "zwgk"), **V)
        x.store.add(f"{B}/mzgk/zwgk/fzjs/index.html", page(f"法治建设-{c.name}人民政府网", f"""<table width="1000" border="0" align="center"><tr>
<td width="200" valign="top" class="left"><div class="lanmu">法治建设</div>
<a href="/mzgk/zwgk/fzjs/fzzfjs/List_1.html">法治政府建设</a><br><a href="/mzgk/zwgk/fzjs/pfxc/List_1.html">普法宣传</a><br>
<a href="/mzgk/zwgk/fzjs/xzzf/List_1.html">行政执法</a></td>
<td valign="top"><div class="lanmu">法治政府建设</div><table width="100%">{fs_rows(items[:4], lambda a: a.url.split(c.host, 1)[1])}</table></td></tr></table>"""),
                    lm=stamp(items[0].date, "fzjs"), **V)
        per = 6
        pages = [items[i:i + per] for i in range(0, len(items), per)]
        for i, chunk in enumerate(pages, 1):
            nav2 = []
            nav2.append(f'<a href="List_{i - 1}.html">上一页</a>' if i > 1 else "上一页")
            nav2.append(f'<a href="List_{i + 1}.html">下一页</a>' if i < len(pages) else "下一页")
            body = f"""<table width="1000" border="0" align="center"><tr><td height="28">当前位置：<a href="/mzgk/index.html">首页</a> &gt; <a href="/mzgk/zwgk/index.html">政务公开</a> &gt; <a href="/mzgk/zwgk/fzjs/index.html">法治建设</a> &gt; 法治政府建设</td></tr>
<tr><td><table width="100%">{fs_rows(chunk, lambda a: a.url.split(c.host, 1)[1])}</table></td></tr>
<tr><td align="center">共{len(items)}条 第{i}/{len(pages)}页 {" ".join(nav2)}</td></tr></table>"""
            x.store.add(f"{col}List_{i}.html", page(f"法治政府建设-{c.name}人民政府网", body), lm=stamp(chunk[0].date, "list", i), **V)
        for a in items:
            x.store.add(a.url, page(f"{a.title}-{c.name}人民政府网", fs_article_body(x, a, f"/plus/count.asp?id={a.url.rsplit('/', 1)[1][:-5]}")),
                        lm=stamp(a.date, "art", a.key), **V)
        x.notes.update(depth=4, column="法治政府建设", path="/ (forwarding frameset)→/mzgk/index.html→政务公开→法治建设→法治政府建设",
                       pager="List_N.html anchors")
    elif kind == "menu":  # 尼勒克: / meta refresh → /portal/index.htm; 政务公开 is a frameset (menu.htm | main.htm)
        V = dict(G, validators="iis")
        x.notes["home_href"] = "/portal/index.htm"
        x.store.add(f"{B}/", fs_doc(x, f"{c.name}人民政府", "", head='<meta http-equiv="refresh" content="0; url=/portal/index.htm">'),
                    lm=stamp(dt.date(2015, 4, 20), "root"), **V)
        col = f"{B}/zwgk/fzzfjs/"
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["pref_report"]])
        dt_items = sort_desc([L["news_meeting"], L["news_committee"], L["notice_plan"]])
        for a in items + dt_items:
            x.place(a, f"{B}/Article/{a.date.year}/{a.date.strftime('%m%d')}/{num('nlk', c.adcode, a.kind, a.key, lo=1000, hi=9000)}.htm")
        nav = [("首页", "/portal/index.htm"), (f"{c.short}概况", "/portal/xqgk.htm"), ("政务公开", "/zwgk/index.htm"),
               ("新闻中心", "/portal/xwzx.htm"), ("网上办事", "https://zwfw.xinjiang.gov.cn/")]

        def page(title, body):
            navh = " | ".join(f'<a href="{u}">{t}</a>' for t, u in nav)
            return fs_doc(x, title, f"""<table width="990" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="/portal/images/banner.jpg" width="990" height="130"></td></tr><tr><td class="nav" align="center">{navh}</td></tr></table>
{body}
{fs_foot(x)}""")
        x.store.add(f"{B}/portal/index.htm", page(f"{c.name}人民政府", """<table width="990" border="0" align="center"><tr><td valign="top" width="495">
<div class="lanmu">新闻中心</div><a href="/Article/2024/0620/8810.htm">全县党员干部集中学习会召开</a><br><a href="/Article/2024/0612/8803.htm">夏季牧业生产工作推进会召开</a></td>
<td valign="top"><div class="lanmu">政务公开</div><a href="/zwgk/index.htm">政府信息公开</a><br><a href="/zwgk/index.htm">政府信息公开目录</a></td></tr></table>"""),
                    lm=stamp(dt.date(2024, 6, 20), "home"), **V)
        x.store.add(f"{B}/zwgk/index.htm", fs_doc(x, f"政府信息公开-{c.name}人民政府", "", frameset="""<frameset cols="220,*" frameborder="yes" border="1" framespacing="0">
  <frame src="menu.htm" name="left" scrolling="auto">
  <frame src="main.htm" name="right" scrolling="auto">
</frameset>
<noframes><body><a href="menu.htm">政府信息公开目录</a></body></noframes>"""), lm=stamp(dt.date(2019, 3, 5), "zwgkfs"), **V)
        menu = """<table width="100%" border="0" cellspacing="0" cellpadding="0" class="menu">
<tr><td class="m1"><a href="xxgkzn.htm" target="right">政府信息公开指南</a></td></tr>
<tr><td class="m1">法定主动公开内容</td></tr>
<tr><td class="m2">├ <a href="jgzn.htm" target="right">机构职能</a></td></tr>
<tr><td class="m2">├ <a href="zcwj.htm" target="right">政策文件</a></td></tr>
<tr><td class="m2">├ 法治政府建设</td></tr>
<tr><td class="m3">│ ├ <a href="fzzfjs/ndbg.htm" target="right">法治政府建设年度报告</a></td></tr>
<tr><td class="m3">│ └ <a href="fzzfjs/gzdt.htm" target="right">工作动态</a></td></tr>
<tr><td class="m2">└ <a href="czzj.htm" target="right">财政资金</a></td></tr>
<tr><td class="m1"><a href="xxgknb.htm" target="right">政府信息公开年报</a></td></tr>
</table>"""
        x.store.add(f"{B}/zwgk/menu.htm", fs_doc(x, "目录", menu), lm=stamp(dt.date(2021, 6, 1), "menu"), **V)
        x.store.add(f"{B}/zwgk/main.htm", fs_doc(x, "政府信息公开", f"<p>欢迎访问{c.name}人民政府信息公开目录。</p>"),
                    lm=stamp(dt.date(2019, 3, 5), "main"), **V)

        def listpages(stem, title, its, per):
            pages = [its[i:i + per] for i in range(0, len(its), per)]
            for i, chunk in enumerate(pages, 1):
                name = f"{stem}.htm" if i == 1 else f"{stem}_{i}.htm"
                p = [f'<a href="{stem}.htm">首页</a>']
                if i > 1:
                    p.append(f'<a href="{stem if i == 2 else f"{stem}_{i - 1}"}.htm">上一页</a>')
                if i < len(pages):
                    p.append(f'<a href="{stem}_{i + 1}.htm">下一页</a>')
                p.append(f'<a href="{stem if len(pages) == 1 else f"{stem}_{len(pages)}"}.htm">尾页</a>')
                body = f"""<table width="100%" border="0"><tr><td class="lanmu">{title}</td></tr>
<tr><td><table width="100%">{fs_rows(chunk, lambda a: "../.." + a.url.split(c.host, 1)[1], n=30)}</table></td></tr>
<tr><td align="center">{" ".join(p)}　第{i}页/共{len(pages)}页</td></tr></table>"""
                x.store.add(f"{col}{name}", fs_doc(x, title, body), lm=stamp(chunk[0].date, stem, i), **V)
        listpages("ndbg", "法治政府建设年度报告", items, 5)
        listpages("gzdt", "工作动态", dt_items, 15)
        for a in x.placed.values():
            x.store.add(a.url, page(f"{a.title}-{c.name}人民政府", fs_article_body(x, a, f"/inc/hits.asp?id={a.url.rsplit('/', 1)[1][:-4]}")),
                        lm=stamp(a.date, "art", a.key), **V)
        x.notes.update(depth=4, column="法治政府建设年度报告",
                       path="/ (meta refresh)→/portal/index.htm→政务公开 (frameset)→menu.htm→法治政府建设年度报告",
                       pager="ndbg.htm, ndbg_2.htm anchors")


# ==============================================================================================================
# family 4: mobile — the desktop portal's 政务公开 is on the prefecture's platform (off-site); the county's column is
# on its mobile site m.<host> (list-N.html / list-N-K.html, data-href rows + a JSON "load more", .htm?id=, date paths)
# ==============================================================================================================


def mb_desktop(x: Ctx, m_host, extra=""):
    c = x.c
    pref_xxgk = PREFECTURE_PORTAL[c.prefecture].rstrip("/") + f"/xxgk/{c.opts['pinyin']}/"
    nav = [("首页", "/"), ("新闻中心", "/xwzx/"), ("政务公开", pref_xxgk), ("办事服务", f"{PROVINCE_PORTAL[c.province]}zwfw/"),
           ("互动交流", "/hdjl/"), (f"走进{c.short}", "/zj/")]
    navh = "".join(f'<li><a href="{u}" target="{"_blank" if u.startswith("http") else "_self"}">{t}</a></li>' for t, u in nav)
    foot = " ".join(f"<span>{esc(f)}</span>" for f in footer_lines(c))
    links = "".join(f'<a href="{u}" target="_blank">{t}</a>' for t, u in offsite_links(c))
    news = "".join(f'<li><a href="/xwzx/{c.opts["pinyin"]}yw/{20240600 + k}/{h("dn", c.adcode, k)[:10]}.html">{t}</a></li>'
                   for k, t in enumerate([f"{c.name}召开县委常委会会议", f"{c.name}开展防汛应急演练", f"{c.name}推进重点项目建设"]))
    body = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="SiteName" content="{c.name}人民政府">
<meta name="SiteDomain" content="{c.host}">
<meta name="SiteIDCode" content="{c.code}">
<meta name="mobile-agent" content="format=html5;url=http://{m_host}/">
<link rel="alternate" media="only screen and (max-width: 640px)" href="http://{m_host}/">
<title>{c.name}人民政府</title>
<link rel="stylesheet" href="/static/css/index.css">
<script>
if (/Android|webOS|iPhone|iPod|BlackBerry|Mobile/i.test(navigator.userAgent) && location.search.indexOf("pc=1") < 0) {{
    window.location.href = "http://{m_host}/";
}}
</script>
</head>
<body>
<div class="topbar"><div class="w1200"><span>今天是：<i id="today"></i></span>
<div class="r"><a href="http://{m_host}/" class="wap">手机版</a> | <a href="javascript:;" class="wza">无障碍浏览</a> | <a href="javascript:;" class="lhb">关怀版</a></div></div></div>
<div class="header w1200"><img src="/static/images/logo.png" alt="{c.name}人民政府"></div>
<div class="nav"><ul class="w1200">{navh}</ul></div>
<div class="w1200 main">
<div class="box"><div class="tit">{c.short}要闻</div><ul>{news}</ul></div>
{extra}
<div class="box"><div class="tit">政务公开</div><p><a href="{pref_xxgk}" target="_blank">{c.name}人民政府信息公开</a>（{c.prefecture}政府信息公开平台）</p></div>
</div>
<div class="links w1200">{links}</div>
<div class="footer"><div class="w1200">{foot}</div></div>
</body>
</html>
"""
    x.store.add(f"{c.base}/", body, lm=stamp(dt.date(2024, 6, 26), "dhome"))


def mb_doc(x: Ctx, title, body, back=True):
    c = x.c
    foot = "<br>".join(esc(f) for f in footer_lines(c))
    backa = '<a href="javascript:history.back();" class="back">返回</a>' if back else ""
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1.0, minimum-scale=1.0, user-scalable=no"/>
<meta name="SiteIDCode" content="{c.code}">
<title>{esc(title)}</title>
<link type="text/css" rel="stylesheet" href="/css/global.css">
<link type="text/css" rel="stylesheet" href="/css/main.css">
<script src="/js/jquery.min.js"></script>
</head>
<body>
<header id="header" class="ub ub-ac">{backa}<span class="t">{esc(title if len(title) < 14 else c.name + "人民政府")}</span><a href="/" class="home">首页</a></header>
{body}
<footer class="foot"><p><a href="http://{c.host}/?pc=1">电脑版</a> | <a href="/">手机版</a></p><p>{foot}</p></footer>
</body>
</html>
"""


def mb_article(x: Ctx, a: Article):
    body = f"""<article class="detail">
<h1>{esc(a.title)}</h1>
<div class="info"><span>{a.date.isoformat()}</span><span>来源：{esc(a.source)}</span></div>
<div class="article-content">
{body_paragraphs(a.lines)}
</div>
</article>"""
    return mb_doc(x, a.title, body)


def mb_items(items, mode):
    out = []
    for a in items:
        href = a.url.split("://", 1)[1].split("/", 1)[1]
        href = "/" + href
        if mode == "a":
            out.append(f'<li class="lineB"><a href="{href}"><p class="tit">{esc(a.title)}</p><p class="date">{a.date.isoformat()}</p></a></li>')
        else:
            out.append(f'<li class="lineB link" data-href="{href}"><div class="ub f16 cBla3">{esc(a.title)}</div>'
                       f'<div class="ub f12 cBla2">{a.date.isoformat()}</div></li>')
    return '<ul class="newslist">\n' + "\n".join(out) + "\n</ul>"


def build_mobile(x: Ctx):
    c, L = x.c, x.looks
    m = "m." + c.host.split(".", 1)[1]
    M = f"http://{m}"
    x.notes["mobile_host"] = m
    shape = c.opts["shape"]

    def grid(links):
        return '<nav class="grid">' + "".join(f'<a href="{u}"><i class="ico"></i><span>{t}</span></a>' for t, u in links) + "</nav>"

    if shape == "pager":  # 崇义: m. home → 政务公开 → 法治政府 (list-41.html, list-41-2.html), articles /YYYY-MM/DD/c_N.htm
        mb_desktop(x, m)
        items = sort_desc(x.reports + [L["sfj_report"], L["town_report"], L["pref_report"], L["news_meeting"], L["notice_plan"]])
        gk = sort_desc([a for k, a in L.items() if k.startswith("gk")])
        for a in items + gk:
            x.place(a, f"{M}/{a.date.strftime('%Y-%m')}/{a.date.strftime('%d')}/c_{num('cy', c.adcode, a.kind, a.key, lo=15000, hi=29000)}.htm")
        home = grid([("要闻", "/list-2.html"), ("通知公告", "/list-3.html"), ("政务公开", "/zwgk.html"), ("办事服务", "/list-9.html"),
                     ("互动交流", "/list-12.html"), (f"走进{c.short}", "/list-15.html")])
        x.store.add(f"{M}/", mb_doc(x, f"{c.name}人民政府", home + '<section class="box"><h2>要闻</h2><ul class="newslist">'
                                    f'<li><a href="/2024-06/24/c_29411.htm">{c.name}召开县委常委会会议</a></li>'
                                    f'<li><a href="/2024-06/20/c_29388.htm">{c.name}开展防汛应急演练</a></li></ul></section>', back=False),
                    lm=stamp(dt.date(2024, 6, 24), "mhome"))
        x.store.add(f"{M}/zwgk.html", mb_doc(x, "政务公开", grid([("政府文件", "/list-31.html"), ("人事信息", "/list-32.html"),
                                                                  ("财政资金", "/list-33.html"), ("法治政府", "/list-41.html"),
                                                                  ("建议提案办理", "/list-42.html"), ("政府信息公开年报", "/list-44.html")])),
                    lm=stamp(dt.date(2024, 1, 9), "mzwgk"))
        per = 6
        pages = [items[i:i + per] for i in range(0, len(items), per)]
        for i, chunk in enumerate(pages, 1):
            pg = '<div class="page">' + (f'<a href="/list-41{"" if i == 2 else f"-{i - 1}"}.html">上一页</a>' if i > 1 else "") + \
                 f"<span>{i}/{len(pages)}</span>" + (f'<a href="/list-41-{i + 1}.html">下一页</a>' if i < len(pages) else "") + "</div>"
            x.store.add(f"{M}/list-41{'' if i == 1 else f'-{i}'}.html", mb_doc(x, "法治政府", mb_items(chunk, "a") + pg),
                        lm=stamp(chunk[0].date, "ml", i))
        x.store.add(f"{M}/list-44.html", mb_doc(x, "政府信息公开年报", mb_items(gk, "a")), lm=stamp(gk[0].date, "mgk"))
        x.notes.update(depth=4, column="法治政府", path=f"www 首页→手机版 ({m})→政务公开→法治政府", pager="list-41-2.html anchors")
    elif shape == "datahref":  # 沂南: rows are <li data-href> (no anchors), page 2 only from /api/list JSON ("加载更多", #page=2)
        mb_desktop(x, m)
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["pref_report"], L["shufa"]])
        news = sort_desc([L["news_meeting"], L["news_committee"], L["news_demo"], L["notice_plan"]])
        for a in items + news:
            x.place(a, f"{M}/{a.date.strftime('%Y-%m')}/{a.date.strftime('%d')}/c_{num('yn', c.adcode, a.kind, a.key, lo=3000, hi=9000)}.htm")
        x.store.add(f"{M}/", mb_doc(x, f"{c.name}人民政府", grid([("首页", "/"), ("栏目导航", "/lanmu.html"), ("沂南要闻", "/list-2.html"),
                                                                  ("通知公告", "/list-3.html"), ("政务服务", "https://www.shandong.gov.cn/zwfw/")]), back=False),
                    lm=stamp(dt.date(2024, 6, 22), "mhome"))
        cols = [("沂南要闻", "/list-2.html"), ("通知公告", "/list-3.html"), ("政策文件", "/list-21.html"), ("人事信息", "/list-22.html"),
                ("财政信息", "/list-23.html"), ("法治建设", "/list-56.html"), ("乡村振兴", "/list-61.html"), ("生态环保", "/list-62.html")]
        x.store.add(f"{M}/lanmu.html", mb_doc(x, "栏目导航", '<ul class="lanmu">' + "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in cols) + "</ul>"),
                    lm=stamp(dt.date(2023, 5, 4), "lanmu"))
        x.store.add(f"{M}/list-56.html", mb_doc(x, "法治建设", grid([("年度法治政府建设情况", "/list-57.html"), ("普法动态", "/list-58.html"),
                                                                    ("行政执法公示", "/list-59.html")]) + '<section class="box"><h2>普法动态</h2>'
                                               + mb_items(news[:3], "datahref") + "</section>"
                                               + """<script>$(".link").on("click", function () { location.href = $(this).data("href"); });</script>"""),
                    lm=stamp(news[0].date, "m56"))
        per = 5
        pages = [items[i:i + per] for i in range(0, len(items), per)]
        script = """<div class="more"><a href="#page=2" id="loadMore" data-cid="57" data-page="2">加载更多</a></div>
<script>
$(document).on("click", ".link", function () { location.href = $(this).data("href"); });
$("#loadMore").on("click", function (e) {
    e.preventDefault();
    var p = $(this).data("page"), cid = $(this).data("cid");
    $.getJSON("/api/list?cid=" + cid + "&page=" + p, function (d) {
        $.each(d.list, function (i, it) {
            $(".newslist").append('<li class="lineB link" data-href="' + it.url + '"><div class="ub f16 cBla3">' + it.title +
                '</div><div class="ub f12 cBla2">' + it.date + '</div></li>');
        });
        if (d.hasMore) { $("#loadMore").data("page", p + 1); } else { $("#loadMore").text("没有更多了").off("click"); }
    });
});
</script>"""
        x.store.add(f"{M}/list-57.html", mb_doc(x, "年度法治政府建设情况", mb_items(pages[0], "datahref") + script), lm=stamp(pages[0][0].date, "m57"))
        for i, chunk in enumerate(pages, 1):
            js = {"code": 0, "cid": 57, "page": i, "pageSize": per, "total": len(items), "hasMore": i < len(pages),
                  "list": [{"title": a.title, "url": "/" + a.url.split("/", 3)[3], "date": a.date.isoformat()} for a in chunk]}
            x.store.add(f"{M}/api/list?cid=57&page={i}", json.dumps(js, ensure_ascii=False, separators=(",", ":")), ext="json",
                        ctype="application/json", validators=None)
        x.store.add(f"{M}/list-58.html", mb_doc(x, "普法动态", mb_items(news, "datahref")
                                               + """<script>$(".link").on("click", function () { location.href = $(this).data("href"); });</script>"""),
                    lm=stamp(news[0].date, "m58"))
        x.notes.update(depth=5, column="年度法治政府建设情况", path=f"www 首页→手机版 ({m})→栏目导航→法治建设→年度法治政府建设情况",
                       pager="加载更多 (#page=2) → /api/list?cid=57&page=2 JSON", other="list rows are <li data-href> without anchors")
    elif shape == "topic":  # 竹溪: the desktop's 专题 banner links straight into the mobile site; articles /content.htm?id=N
        extra = f'<div class="zt"><a href="{M}/list-35.html" target="_blank"><img src="/static/images/fzzx.jpg" alt="法治竹溪"></a></div>'
        mb_desktop(x, m, extra)
        rep = sort_desc(x.reports + [L["sfj_report"], L["pref_report"], L["town_report"]])
        dtl = sort_desc([L["news_meeting"], L["news_demo"], L["notice_submit"], L["notice_plan"]])
        for a in rep + dtl:
            x.place(a, f"{M}/content.htm?id={num('zx', c.adcode, a.kind, a.key, lo=8000, hi=12000)}")
        x.store.add(f"{M}/", mb_doc(x, f"{c.name}人民政府", grid([("要闻", "/list-2.html"), ("公告", "/list-3.html"), ("专题", "/zt.html"),
                                                                  ("服务", "/list-9.html")]), back=False), lm=stamp(dt.date(2024, 6, 19), "mhome"))
        x.store.add(f"{M}/zt.html", mb_doc(x, "专题专栏", '<ul class="zt">' + "".join(
            f'<li><a href="{u}"><img src="/images/{p}.jpg"><p>{t}</p></a></li>' for t, u, p in
            [("法治竹溪", "/list-35.html", "fzzx"), ("乡村振兴", "/list-38.html", "xczx"), ("营商环境", "/list-39.html", "yshj")]) + "</ul>"),
                    lm=stamp(dt.date(2023, 8, 1), "zt"))
        tabs = '<div class="tabs"><a href="/list-36.html">工作动态</a><a href="/list-37.html">年度报告</a></div>'
        x.store.add(f"{M}/list-35.html", mb_doc(x, "法治竹溪", tabs + mb_items(sort_desc(rep + dtl)[:6], "a")), lm=stamp(sort_desc(rep + dtl)[0].date, "m35"))
        x.store.add(f"{M}/list-36.html", mb_doc(x, "工作动态", tabs + mb_items(dtl, "a")), lm=stamp(dtl[0].date, "m36"))
        x.store.add(f"{M}/list-37.html", mb_doc(x, "年度报告", tabs + mb_items(rep, "a")), lm=stamp(rep[0].date, "m37"))
        x.notes.update(depth=3, column="年度报告", path=f"www 首页 (专题 banner)→{m}/list-35.html 法治竹溪→年度报告; or 手机版→专题→法治竹溪→年度报告",
                       pager="one page")
    for a in x.placed.values():
        x.store.add(a.url, mb_article(x, a), lm=stamp(a.date, "mart", a.key), validators="nginx" if ".htm?" not in a.url else None)


# ==============================================================================================================
# family 5: deptsfj — the report column belongs to the 县司法局, inside the portal's 部门 directory (JEECMS: .jhtml
# channels, index_N.jhtml pages, <id>.jhtml contents, /u/cms/www/ uploads, search.jspx)
# ==============================================================================================================

BM_DEPTS = [("县发展和改革局", "fgj"), ("县教育局", "jyj"), ("县公安局", "gaj"), ("县民政局", "mzj"), ("县司法局", "sfj"),
            ("县财政局", "czj"), ("县人力资源和社会保障局", "rsj"), ("县自然资源局", "zrzyj"), ("县住房和城乡建设局", "zjj"),
            ("县交通运输局", "jtj"), ("县水利局", "slj"), ("县农业农村局", "nyj"), ("县商务局", "swj"),
            ("县文化广电体育和旅游局", "wgtlj"), ("县卫生健康局", "wjj"), ("县应急管理局", "yjj"), ("县审计局", "sjj"),
            ("县市场监督管理局", "scjgj"), ("县统计局", "tjj"), ("县医疗保障局", "ybj")]


def js_shell(x: Ctx, title, main, crumbs=(), sub=None):
    c = x.c
    nav = [("首页", "/"), ("政务公开", "/zwgk/index.jhtml"), ("新闻中心", "/xwzx/index.jhtml")]
    nav += c.opts["nav_extra"]
    nav += [("政务服务", f"{PROVINCE_PORTAL[c.province]}zwfw/"), ("互动交流", "/hdjl/index.jhtml")]
    navh = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in nav)
    crumb = ""
    if crumbs:
        crumb = '<div class="position">当前位置：' + " &gt; ".join(f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs) + "</div>"
    subh = f'<div class="subsite"><h2>{esc(sub)}</h2></div>' if sub else ""
    search = ""
    if c.opts.get("search"):
        search = ('<form action="/search.jspx" method="get" target="_blank" class="search"><input type="text" name="q" class="q" '
                  'placeholder="请输入关键词"/><input type="hidden" name="channelId" value=""/><input type="submit" value="搜索"/></form>')
    foot = "　".join(esc(f) for f in footer_lines(c))
    links = "".join(f'<a href="{u}" target="_blank">{t}</a>' for t, u in offsite_links(c))
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<meta name="SiteName" content="{c.name}人民政府门户网站"/>
<meta name="SiteDomain" content="{c.host}"/>
<meta name="SiteIDCode" content="{c.code}"/>
<title>{esc(title)}</title>
<link href="/r/cms/www/red/css/style.css" rel="stylesheet" type="text/css"/>
<script src="/r/cms/jquery.js" type="text/javascript"></script>
<script src="/r/cms/front.js" type="text/javascript"></script>
</head>
<body>
<div class="top"><div class="w"><img src="/r/cms/www/red/img/logo.png" alt="{c.name}人民政府"/>{search}</div></div>
<div class="nav"><ul class="w">{navh}</ul></div>
<div class="w main">
{subh}
{crumb}
{main}
</div>
<div class="friend w">{links}</div>
<div class="footer"><div class="w">{foot}</div></div>
</body>
</html>
"""


def js_table(items, n=20, numbered=True):
    rows = ['<tr class="th"><th width="8%">序号</th><th>标题</th><th width="18%">发布日期</th></tr>']
    for i, a in enumerate(items, 1):
        rows.append(f'<tr><td>{i}</td><td class="tl"><a href="{a.url.split("/", 3)[3] and "/" + a.url.split("/", 3)[3]}" target="_blank" '
                    f'title="{esc(a.title)}">{esc(cut(a.title, n))}</a></td><td>{a.date.isoformat()}</td></tr>')
    return '<table class="list_table" width="100%" cellspacing="0" cellpadding="0">\n' + "\n".join(rows) + "\n</table>"


def js_channel(x: Ctx, path, title, items, per, crumbs, sub, left):
    """Record /<path>/index.jhtml, index_2.jhtml … (JEECMS channel pages; dynamic: no validators)."""
    c = x.c
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)
    for i, chunk in enumerate(pages, 1):
        name = lambda k: "index.jhtml" if k == 1 else f"index_{k}.jhtml"
        pg = [f"共{len(items)}条 {i}/{n}页", f'<a href="{name(1)}">首页</a>']
        pg.append(f'<a href="{name(i - 1)}">上一页</a>' if i > 1 else "上一页")
        pg.append(f'<a href="{name(i + 1)}">下一页</a>' if i < n else "下一页")
        pg.append(f'<a href="{name(n)}">尾页</a>')
        lefth = '<div class="left"><h3>' + esc(left[0]) + "</h3><ul>" + "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in left[1]) + "</ul></div>"
        main = f"""{lefth}
<div class="right"><div class="tit"><span>{esc(title)}</span></div>
{js_table(chunk)}
<div class="pagination">{" ".join(pg)}</div></div>"""
        x.store.add(f"{c.base}/{path}/{name(i)}", js_shell(x, f"{title}_{c.name}人民政府门户网站", main, crumbs, sub), validators=None)


def js_article(x: Ctx, a: Article, crumbs, sub):
    c = x.c
    cid = a.url.rsplit("/", 1)[1].split(".")[0]
    t = stamp(a.date, "js", a.key)
    if a.attachment:
        content = (f"<p>{esc(a.title)}</p>\n<p>（全文见附件）</p>")
        fj = f'<div class="fj">附件：<a href="{a.attachment.split(c.host, 1)[1]}" target="_blank">{esc(a.title)}.docx</a></div>'
    else:
        content = body_paragraphs(a.lines)
        fj = ""
    main = f"""<div class="article">
<h1>{esc(a.title)}</h1>
<div class="info">发布时间：{a.date.isoformat()} {t.strftime('%H:%M:%S')}　来源：{esc(a.source)}　浏览次数：<span id="views"></span>
<script type="text/javascript">Cms.viewCount("/", "{cid}", "views");</script></div>
<div class="content" id="zoom">
{content}
</div>
{fj}
<div class="tools"><a href="javascript:window.print();">打印</a> <a href="javascript:window.close();">关闭</a></div>
</div>"""
    x.store.add(a.url, js_shell(x, f"{a.title}_{c.name}人民政府门户网站", main, crumbs, sub), validators=None)


def build_deptsfj(x: Ctx):
    c, L = x.c, x.looks
    B = c.base
    shape = c.opts["shape"]
    home = [("首页", "/")]
    hnews = "".join(f'<li><a href="/xwzx/{k}.jhtml">{t}</a><span>{d}</span></li>' for k, t, d in
                    [(num("f1", c.adcode), f"{c.name}召开县政府常务会议", "2024-06-25"), (num("f2", c.adcode), f"{c.name}开展汛期安全隐患排查", "2024-06-18"),
                     (num("f3", c.adcode), f"{c.name}举办乡村振兴专题培训", "2024-06-07")])
    dirlink = c.opts["dir"]
    hmain = f"""<div class="box"><div class="tit"><span>{c.short}要闻</span><a href="/xwzx/index.jhtml" class="more">更多</a></div><ul>{hnews}</ul></div>
<div class="box"><div class="tit"><span>政务公开</span></div><ul><li><a href="/zwgk/index.jhtml">政府信息公开</a></li>
<li><a href="{dirlink[1]}">{dirlink[0]}</a></li><li><a href="/zwgk/xxgknb/index.jhtml">政府信息公开年报</a></li></ul></div>"""
    x.store.add(f"{B}/", js_shell(x, f"{c.name}人民政府门户网站", hmain), validators=None)
    gk = sort_desc([a for k, a in L.items() if k.startswith("gk")])
    for a in gk:
        x.place(a, f"{B}/zwgk/xxgknb/{num('jsgk', c.adcode, a.key, lo=20000, hi=90000)}.jhtml")
    sfjname = f"{c.name}司法局"

    def dept_dir(path, title, crumbs, pick="sfj"):
        rows = "".join(f'<li><a href="/{path}/{("xsfj" if ab == "sfj" and shape != "bm" else ab)}/index.jhtml">{c.name + n[1:]}</a></li>'
                       for n, ab in BM_DEPTS)
        x.store.add(f"{B}/{path}/index.jhtml", js_shell(x, f"{title}_{c.name}人民政府门户网站",
                                                          f'<div class="bmlist"><h3>{title}</h3><ul>{rows}</ul></div>', crumbs), validators=None)

    if shape in ("bm", "jgsz"):  # the nav's 政务公开: a landing page (not on the way to the reports)
        x.store.add(f"{B}/zwgk/index.jhtml", js_shell(x, f"政务公开_{c.name}人民政府门户网站", f"""<div class="box"><ul>
<li><a href="/zwgk/xxgkzn/index.jhtml">政府信息公开指南</a></li><li><a href="/zwgk/xxgkzd/index.jhtml">政府信息公开制度</a></li>
<li><a href="/zwgk/fdzdgknr/index.jhtml">法定主动公开内容</a></li><li><a href="/zwgk/ysqgk/index.jhtml">依申请公开</a></li>
<li><a href="/zwgk/xxgknb/index.jhtml">政府信息公开年报</a></li></ul></div>""", home + [("政务公开", None)]), validators=None)
    if shape == "bm":  # 融水: 部门信息 → 县司法局 → 法治建设 → 法治政府建设年度报告 (index.jhtml, index_2.jhtml)
        dept_dir("bm", "部门信息", home + [("部门信息", None)])
        sc = home + [("部门信息", "/bm/index.jhtml"), (sfjname, "/bm/sfj/index.jhtml")]
        sfjcols = [("机构职能", "/bm/sfj/jgzn/index.jhtml"), ("工作动态", "/bm/sfj/gzdt/index.jhtml"), ("法治建设", "/bm/sfj/fzjs/index.jhtml"),
                   ("普法宣传", "/bm/sfj/pfxc/index.jhtml"), ("公共法律服务", "/bm/sfj/ggflfw/index.jhtml")]
        gz = sort_desc([L["news_meeting"], L["news_demo"], L["news_committee"]])
        for a in gz:
            x.place(a, f"{B}/bm/sfj/gzdt/{num('js', c.adcode, a.key, lo=20000, hi=90000)}.jhtml")
        x.store.add(f"{B}/bm/sfj/index.jhtml", js_shell(x, f"{sfjname}_{c.name}人民政府门户网站", f"""<div class="left"><h3>{sfjname}</h3><ul>{''.join(f'<li><a href="{u}">{t}</a></li>' for t, u in sfjcols)}</ul></div>
<div class="right"><div class="tit"><span>工作动态</span><a class="more" href="/bm/sfj/gzdt/index.jhtml">更多</a></div>{js_table(gz)}</div>""", sc, sfjname), validators=None)
        fc = sc + [("法治建设", "/bm/sfj/fzjs/index.jhtml")]
        x.store.add(f"{B}/bm/sfj/fzjs/index.jhtml", js_shell(x, f"法治建设_{c.name}人民政府门户网站", f"""<div class="left"><h3>法治建设</h3><ul>
<li><a href="/bm/sfj/fzjs/ndbg/index.jhtml">法治政府建设年度报告</a></li><li><a href="/bm/sfj/fzjs/xzfy/index.jhtml">行政复议</a></li>
<li><a href="/bm/sfj/fzjs/yfxz/index.jhtml">依法行政</a></li></ul></div>""", fc, sfjname), validators=None)
        items = sort_desc(x.reports + [L["sfj_report"], L["town_report"], L["dept_report"], L["shufa"], L["pref_report"]])
        for a in items:
            x.place(a, f"{B}/bm/sfj/fzjs/ndbg/{num('js', c.adcode, a.kind, a.key, lo=20000, hi=90000)}.jhtml")
        left = ("法治建设", [("法治政府建设年度报告", "/bm/sfj/fzjs/ndbg/index.jhtml"), ("行政复议", "/bm/sfj/fzjs/xzfy/index.jhtml")])
        js_channel(x, "bm/sfj/fzjs/ndbg", "法治政府建设年度报告", items, 6, fc + [("法治政府建设年度报告", None)], sfjname, left)
        for a in items:
            js_article(x, a, fc + [("法治政府建设年度报告", "/bm/sfj/fzjs/ndbg/index.jhtml")], sfjname)
        for a in gz:
            js_article(x, a, sc + [("工作动态", "/bm/sfj/gzdt/index.jhtml")], sfjname)
        x.notes.update(depth=4, column="法治政府建设年度报告", path="首页→部门信息→县司法局→法治建设→法治政府建设年度报告",
                       pager="index_2.jhtml anchors", other="table grid, titles cut to 20 characters (full title in title=)")
    elif shape == "bmxxgk":  # 新化: 政务公开 → 部门信息公开 → 县司法局 → 法定主动公开内容 → 法治政府建设 (3 pages); search.jspx
        zc = home + [("政务公开", "/zwgk/index.jhtml")]
        x.store.add(f"{B}/zwgk/index.jhtml", js_shell(x, f"政务公开_{c.name}人民政府门户网站", """<div class="box"><ul>
<li><a href="/zwgk/xxgkzn/index.jhtml">政府信息公开指南</a></li><li><a href="/zwgk/xxgkzd/index.jhtml">政府信息公开制度</a></li>
<li><a href="/zwgk/fdzdgknr/index.jhtml">法定主动公开内容</a></li><li><a href="/zwgk/bmxxgk/index.jhtml">部门信息公开</a></li>
<li><a href="/zwgk/xzxxgk/index.jhtml">乡镇信息公开</a></li><li><a href="/zwgk/xxgknb/index.jhtml">政府信息公开年报</a></li></ul></div>""", zc), validators=None)
        dept_dir("zwgk/bmxxgk", "部门信息公开", zc + [("部门信息公开", None)])
        sc = zc + [("部门信息公开", "/zwgk/bmxxgk/index.jhtml"), (sfjname, "/zwgk/bmxxgk/xsfj/index.jhtml")]
        P = "/zwgk/bmxxgk/xsfj"
        x.store.add(f"{B}{P}/index.jhtml", js_shell(x, f"{sfjname}_{c.name}人民政府门户网站", f"""<div class="left"><h3>{sfjname}</h3><ul>
<li><a href="{P}/xxgkzn/index.jhtml">信息公开指南</a></li><li><a href="{P}/fdzdgknr/index.jhtml">法定主动公开内容</a></li>
<li><a href="{P}/ysqgk/index.jhtml">依申请公开</a></li><li><a href="{P}/xxgknb/index.jhtml">信息公开年报</a></li></ul></div>""", sc, sfjname), validators=None)
        fdc = sc + [("法定主动公开内容", f"{P}/fdzdgknr/index.jhtml")]
        x.store.add(f"{B}{P}/fdzdgknr/index.jhtml", js_shell(x, f"法定主动公开内容_{c.name}人民政府门户网站", '<div class="left"><h3>法定主动公开内容</h3><ul>' + "".join(
            f'<li><a href="{P}/fdzdgknr/{p}/index.jhtml">{t}</a></li>' for t, p in [("机构职能", "jgzn"), ("部门文件", "bmwj"), ("法治政府建设", "fzzfjs"),
                                                                                   ("财政预决算", "czyjs"), ("“双随机、一公开”", "ssjygk")]) + "</ul></div>", fdc, sfjname), validators=None)
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["notice_submit"], L["news_meeting"], L["pref_report"], L["shufa"]])
        for a in items:
            x.place(a, f"{B}{P}/fdzdgknr/fzzfjs/{num('js', c.adcode, a.kind, a.key, lo=20000, hi=90000)}.jhtml")
        left = ("法定主动公开内容", [("机构职能", f"{P}/fdzdgknr/jgzn/index.jhtml"), ("法治政府建设", f"{P}/fdzdgknr/fzzfjs/index.jhtml")])
        fc = fdc + [("法治政府建设", None)]
        js_channel(x, f"{P.strip('/')}/fdzdgknr/fzzfjs", "法治政府建设", items, 5, fc, sfjname, left)
        for a in items:
            js_article(x, a, fdc + [("法治政府建设", f"{P}/fdzdgknr/fzzfjs/index.jhtml")], sfjname)

        def url_of(q, i):
            if i == 1:
                return [f"{B}/search.jspx?q={q}&channelId=", f"{B}/search.jspx?q={q}"]
            return [f"{B}/search_{i}.jspx?q={q}&channelId=", f"{B}/search_{i}.jspx?q={q}"]

        def render(kw, q, chunk, i, n, total):
            lis = "".join(f'<li><a href="/{a.url.split("/", 3)[3]}" target="_blank">{hl(a.title, kw)}</a><span>{a.date.isoformat()}</span></li>' for a in chunk)
            pg = " ".join(f'<a href="/search{"" if k == 1 else f"_{k}"}.jspx?q={q}&amp;channelId=">{k}</a>' for k in range(1, n + 1))
            return js_shell(x, f"搜索_{c.name}人民政府门户网站", f'<div class="search_list"><p>共搜索到{total}条记录</p><ul>{lis}</ul><div class="pagination">{pg}</div></div>')
        x.notes.update(depth=5, column="法治政府建设", path="首页→政务公开→部门信息公开→县司法局→法定主动公开内容→法治政府建设",
                       pager="index_2.jhtml, index_3.jhtml anchors")
    elif shape == "jgsz":  # 苍溪: 机构设置 → 政府工作部门 → 县司法局 → 依法治县 → 年度法治政府建设情况; an attachment-only report
        jc = home + [("机构设置", "/jgsz/index.jhtml")]
        x.store.add(f"{B}/jgsz/index.jhtml", js_shell(x, f"机构设置_{c.name}人民政府门户网站", """<div class="tabs"><a href="/jgsz/xwbm/index.jhtml">县委部门</a>
<a href="/jgsz/zfgzbm/index.jhtml">政府工作部门</a><a href="/jgsz/xz/index.jhtml">乡镇（街道）</a><a href="/jgsz/qt/index.jhtml">其他单位</a></div>""", jc), validators=None)
        dept_dir("jgsz/zfgzbm", "政府工作部门", jc + [("政府工作部门", None)])
        P = "/jgsz/zfgzbm/xsfj"
        sc = jc + [("政府工作部门", "/jgsz/zfgzbm/index.jhtml"), (sfjname, f"{P}/index.jhtml")]
        x.store.add(f"{B}{P}/index.jhtml", js_shell(x, f"{sfjname}_{c.name}人民政府门户网站", f"""<div class="left"><h3>{sfjname}</h3><ul>
<li><a href="{P}/jgjj/index.jhtml">机构简介</a></li><li><a href="{P}/gzdt/index.jhtml">工作动态</a></li><li><a href="{P}/yfzx/index.jhtml">依法治县</a></li>
<li><a href="{P}/ggflfw/index.jhtml">公共法律服务</a></li></ul></div>
<div class="right"><table class="jg"><tr><td>单位名称</td><td>{sfjname}</td></tr><tr><td>主要职责</td><td>承担全面依法治县重大问题的政策研究，协调有关方面提出建议；负责全县行政复议、行政应诉、普法宣传和公共法律服务等工作。</td></tr>
<tr><td>办公地址</td><td>{c.name}政务中心</td></tr></table></div>""", sc, sfjname), validators=None)
        yc = sc + [("依法治县", f"{P}/yfzx/index.jhtml")]
        x.store.add(f"{B}{P}/yfzx/index.jhtml", js_shell(x, f"依法治县_{c.name}人民政府门户网站", f"""<div class="left"><h3>依法治县</h3><ul>
<li><a href="{P}/yfzx/ndqk/index.jhtml">年度法治政府建设情况</a></li><li><a href="{P}/yfzx/dt/index.jhtml">依法治县动态</a></li></ul></div>""", yc, sfjname), validators=None)
        items = sort_desc(x.reports + [L["sfj_report"], L["town_report"], L["pref_report"]])
        for a in items:
            x.place(a, f"{B}{P}/yfzx/ndqk/{num('js', c.adcode, a.kind, a.key, lo=20000, hi=90000)}.jhtml")
        att = x.rep(2023)
        att.attachment = f"{B}/u/cms/www/{att.date.strftime('%Y%m')}/{att.date.strftime('%d')}{num('t', c.adcode, lo=100000, hi=999999)}{h('att', c.adcode)[:4]}.docx"
        dtl = sort_desc([L["news_meeting"], L["news_committee"], L["notice_plan"]])
        for a in dtl:
            x.place(a, f"{B}{P}/yfzx/dt/{num('js', c.adcode, a.kind, a.key, lo=20000, hi=90000)}.jhtml")
        left = ("依法治县", [("年度法治政府建设情况", f"{P}/yfzx/ndqk/index.jhtml"), ("依法治县动态", f"{P}/yfzx/dt/index.jhtml")])
        js_channel(x, f"{P.strip('/')}/yfzx/ndqk", "年度法治政府建设情况", items, 10, yc + [("年度法治政府建设情况", None)], sfjname, left)
        js_channel(x, f"{P.strip('/')}/yfzx/dt", "依法治县动态", dtl, 10, yc + [("依法治县动态", None)], sfjname, left)
        for a in items:
            js_article(x, a, yc + [("年度法治政府建设情况", f"{P}/yfzx/ndqk/index.jhtml")], sfjname)
        for a in dtl:
            js_article(x, a, yc + [("依法治县动态", f"{P}/yfzx/dt/index.jhtml")], sfjname)
        x.store.add(att.attachment, make_docx([att.title] + att.lines), ext="docx", ctype=DOCX_TYPE, lm=stamp(att.date, "docx"), validators="lm-only")
        x.notes.update(depth=5, column="年度法治政府建设情况", path="首页→机构设置→政府工作部门→县司法局→依法治县→年度法治政府建设情况",
                       pager="one page", other="2023 report only in a .docx attachment")
    js_channel(x, "zwgk/xxgknb", "政府信息公开年报", gk, 15, home + [("政务公开", "/zwgk/index.jhtml"), ("政府信息公开年报", None)], None,
               ("政务公开", [("政府信息公开年报", "/zwgk/xxgknb/index.jhtml")]))
    for a in gk:
        js_article(x, a, home + [("政务公开", "/zwgk/index.jhtml"), ("政府信息公开年报", "/zwgk/xxgknb/index.jhtml")], None)
    if c.opts.get("search"):
        record_search(x, url_of, render, store_kw={"validators": None}, label="/search.jspx?q=&channelId= (the empty hidden field sent or not)")


# ==============================================================================================================
# family 6: ztzl — 专题专栏 → 法治政府建设 on EmpireCMS: folder lists (index_2.html), articles in date folders
# (/…/2024-03-15/1234.html), RSS 2.0 feeds /e/web/?type=rss2&classid=N, POST search (never recorded)
# ==============================================================================================================


def ec_shell(x: Ctx, title, main, crumbs=(), rss=None, extra_head=""):
    c = x.c
    nav = [("网站首页", "/"), ("新闻中心", "/xwzx/"), ("政务公开", "/zwgk/"), ("专题专栏", c.opts.get("zt_href", "/ztzl/")),
           ("政务服务", f"{PROVINCE_PORTAL[c.province]}zwfw/"), ("互动交流", "/hdjl/")]
    navh = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in nav)
    crumb = ""
    if crumbs:
        crumb = '<div class="position">您当前的位置：' + "&nbsp;&gt;&nbsp;".join(f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs) + "</div>"
    rssl = f'<link rel="alternate" type="application/rss+xml" title="{esc(rss[0])}" href="{rss[1]}" />' if rss else ""
    foot = "<br>".join(esc(f) for f in footer_lines(c))
    links = " ".join(f'<a href="{u}" target="_blank">{t}</a>' for t, u in offsite_links(c))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="{c.name}人民政府" />
<meta name="SiteIDCode" content="{c.code}" />
<title>{esc(title)}</title>
<link href="/skin/gov/css/style.css" rel="stylesheet" type="text/css" />
{rssl}
{extra_head}
<script type="text/javascript" src="/skin/gov/js/jquery.min.js"></script>
</head>
<body>
<div class="header"><div class="w"><a href="/"><img src="/skin/gov/images/logo.png" alt="{c.name}人民政府" /></a>
<form name="searchform" method="post" action="/e/search/index.php" class="search"><input type="hidden" name="show" value="title,newstext" />
<input type="hidden" name="tempid" value="1" /><input type="hidden" name="tbname" value="news" /><input name="keyboard" type="text" class="kw" />
<input type="submit" name="Submit" value="搜索" /></form></div></div>
<div class="nav"><ul class="w">{navh}</ul></div>
<div class="w main">
{crumb}
{main}
</div>
<div class="flink w">{links}</div>
<div class="footer"><div class="w">{foot}</div></div>
</body>
</html>
"""


def ec_list(items):
    return '<ul class="list">\n' + "\n".join(f'<li><span class="date">{a.date.isoformat()}</span><a href="/{a.url.split("/", 3)[3]}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a></li>'
                                            for a in items) + "\n</ul>"


def ec_rss(x: Ctx, classid, title, link, items):
    c = x.c
    its = "".join(f"""
<item>
<title><![CDATA[{a.title}]]></title>
<link>{a.url}</link>
<description><![CDATA[{a.lines[0][:80]}]]></description>
<pubDate>{http_date(stamp(a.date, 'ec', a.key)).replace('GMT', '+0800')}</pubDate>
<category>{esc(title)}</category>
</item>""" for a in items)
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
<title><![CDATA[{title}_{c.name}人民政府]]></title>
<link>{link}</link>
<description><![CDATA[{title}]]></description>
<language>zh-cn</language>
<generator>EmpireCMS</generator>
<ttl>60</ttl>{its}
</channel>
</rss>
"""
    x.store.add(f"{c.base}/e/web/?type=rss2&classid={classid}", xml, ext="xml", ctype="application/xml", validators=None)
    return f"/e/web/?type=rss2&classid={classid}"


def ec_pages(x: Ctx, folder, title, items, per, crumbs, rss, anchors=True, left=None, flaky=None):
    c = x.c
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)
    for i, chunk in enumerate(pages, 1):
        nm = lambda k: "index.html" if k == 1 else f"index_{k}.html"
        if anchors:
            p = [f'<a href="{folder}{nm(1)}">首页</a>', f'<a href="{folder}{nm(i - 1)}">上一页</a>' if i > 1 else "上一页"]
            p += [f"<b>{k}</b>" if k == i else f'<a href="{folder}{nm(k)}">{k}</a>' for k in range(1, n + 1)]
            p += [f'<a href="{folder}{nm(i + 1)}">下一页</a>' if i < n else "下一页", f'<a href="{folder}{nm(n)}">尾页</a>']
            pager = '<div class="epages">' + "&nbsp;".join(p) + "</div>"
        else:
            pager = f"""<div class="epages" id="epages"></div>
<script type="text/javascript">showPages("epages", {n}, {i}, "{folder}index", ".html");</script>"""
        lefth = ""
        if left:
            lefth = '<div class="left"><h3>' + esc(left[0]) + "</h3><ul>" + "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in left[1]) + "</ul></div>"
        rssa = f'<a class="rss" href="{rss}" target="_blank" title="RSS订阅">RSS</a>' if rss else ""
        main = f"""{lefth}<div class="right"><div class="tit"><span>{esc(title)}</span>{rssa}</div>
{ec_list(chunk)}
{pager}</div>"""
        doc = ec_shell(x, f"{title}_{c.name}人民政府", main, crumbs, rss=(title, rss) if rss else None)
        lm = stamp(chunk[0].date if chunk else dt.date(2024, 1, 2), "ecl", folder, i)
        if i == 1:
            x.store.add(f"{c.base}{folder}", doc, lm=lm)
            x.store.add(f"{c.base}{folder}index.html", doc, lm=lm)
        else:
            x.store.add(f"{c.base}{folder}{nm(i)}", doc, lm=lm, fail_first=1 if flaky else 0,
                        note="flaky: 503 once" if flaky else "")


def ec_articles(x: Ctx, crumbs_of, delay=0):
    c = x.c
    for a in x.placed.values():
        t = stamp(a.date, "ec", a.key)
        main = f"""<div class="article">
<h1 class="title">{esc(a.title)}</h1>
<div class="info">发布时间：{a.date.isoformat()} {t.strftime('%H:%M')}&nbsp;&nbsp;来源：{esc(a.source)}&nbsp;&nbsp;点击：<script src="/e/public/ViewClick/?classid=1&id={a.url.rsplit('/', 1)[1][:-5]}&addclick=1"></script></div>
<div class="content" id="zoom">
{body_paragraphs(a.lines)}
</div>
<div class="share"><a href="javascript:window.print()">打印本页</a> | <a href="javascript:window.close()">关闭窗口</a></div>
</div>"""
        x.store.add(a.url, ec_shell(x, f"{a.title}_{c.name}人民政府", main, crumbs_of(a)), lm=t, delay_ms=delay)


def ec_url(x: Ctx, folder, a):
    return x.place(a, f"{x.c.base}{folder}{a.date.isoformat()}/{num('ec', x.c.adcode, a.kind, a.key, lo=1000, hi=9999)}.html")


def build_ztzl(x: Ctx):
    c, L = x.c, x.looks
    B = c.base
    shape = c.opts["shape"]
    home = [("首页", "/")]
    if shape in ("plain", "rss"):  # the nav's 政务公开: a landing page (not on the way to the reports)
        x.store.add(f"{B}/zwgk/", ec_shell(x, f"政务公开_{c.name}人民政府", """<div class="box"><ul><li><a href="/zwgk/xxgkzn/">政府信息公开指南</a></li>
<li><a href="/zwgk/xxgkzd/">政府信息公开制度</a></li><li><a href="/zwgk/fdzdgknr/">法定主动公开内容</a></li><li><a href="/zwgk/zcjd/">政策解读</a></li>
<li><a href="/zwgk/ysqgk/">依申请公开</a></li></ul></div>""", home + [("政务公开", None)]), lm=stamp(dt.date(2024, 2, 26), "zwgk"))
    hnews = "".join(f'<li><span>{d}</span><a href="/xwzx/{c.opts["abbr"]}yw/{d}/{num("hn", c.adcode, d, lo=1000, hi=9999)}.html">{t}</a></li>'
                    for t, d in [(f"{c.name}召开县政府常务会议", "2024-06-26"), (f"{c.name}部署防汛防台风工作", "2024-06-19"),
                                 (f"{c.name}开展重点项目建设观摩活动", "2024-06-13")])
    if shape == "plain":  # 永泰: 专题专栏 → 法治政府建设 → 年度报告 (index_2.html, flaky), RSS
        zt = home + [("专题专栏", "/ztzl/")]
        x.store.add(f"{B}/", ec_shell(x, f"{c.name}人民政府", f'<div class="box"><div class="tit"><span>{c.short}要闻</span></div><ul>{hnews}</ul></div>'
                                      '<div class="ztbox"><a href="/ztzl/"><img src="/skin/gov/images/ztzl.jpg" alt="专题专栏" /></a></div>'),
                    lm=stamp(dt.date(2024, 6, 26), "home"))
        x.store.add(f"{B}/ztzl/", ec_shell(x, f"专题专栏_{c.name}人民政府", '<ul class="ztlist">' + "".join(
            f'<li><a href="{u}"><img src="/d/file/ztzl/{h(t)[:8]}.jpg" alt="{t}" /><p>{t}</p></a></li>' for t, u in
            [("法治政府建设", "/ztzl/fzzfjs/"), ("乡村振兴", "/ztzl/xczx/"), ("安全生产", "/ztzl/aqsc/"), ("文明城市创建", "/ztzl/wmcs/")]) + "</ul>", zt),
                    lm=stamp(dt.date(2023, 12, 1), "zt"))
        fz = zt + [("法治政府建设", "/ztzl/fzzfjs/")]
        items = sort_desc(x.reports + [L["sfj_report"], L["town_report"], L["pref_report"]])
        dtl = sort_desc([L["news_meeting"], L["news_committee"], L["news_demo"], L["notice_plan"]])
        for a in items:
            ec_url(x, "/ztzl/fzzfjs/ndbg/", a)
        for a in dtl:
            ec_url(x, "/ztzl/fzzfjs/gzdt/", a)
        rss = ec_rss(x, 45, "年度报告", f"{B}/ztzl/fzzfjs/ndbg/", items)
        x.store.add(f"{B}/ztzl/fzzfjs/", ec_shell(x, f"法治政府建设_{c.name}人民政府", f"""<div class="ztbanner"><img src="/d/file/ztzl/fzzfjs_banner.jpg" alt="法治政府建设" /></div>
<div class="box"><div class="tit"><span>年度报告</span><a class="more" href="/ztzl/fzzfjs/ndbg/">更多</a></div>{ec_list(items[:4])}</div>
<div class="box"><div class="tit"><span>工作动态</span><a class="more" href="/ztzl/fzzfjs/gzdt/">更多</a></div>{ec_list(dtl[:4])}</div>
<div class="box"><div class="tit"><span>普法宣传</span><a class="more" href="/ztzl/fzzfjs/pfxc/">更多</a></div></div>""", fz), lm=stamp(items[0].date, "fzzt"))
        left = ("法治政府建设", [("年度报告", "/ztzl/fzzfjs/ndbg/"), ("工作动态", "/ztzl/fzzfjs/gzdt/"), ("普法宣传", "/ztzl/fzzfjs/pfxc/")])
        ec_pages(x, "/ztzl/fzzfjs/ndbg/", "年度报告", items, 6, fz + [("年度报告", None)], rss, left=left, flaky=True)
        ec_pages(x, "/ztzl/fzzfjs/gzdt/", "工作动态", dtl, 20, fz + [("工作动态", None)], None, left=left)
        ec_articles(x, lambda a: fz + ([("年度报告", "/ztzl/fzzfjs/ndbg/")] if "/ndbg/" in a.url else [("工作动态", "/ztzl/fzzfjs/gzdt/")]))
        x.notes.update(depth=3, column="年度报告", path="首页→专题专栏→法治政府建设→年度报告", pager="index_2.html anchors (503 once)",
                       rss="/e/web/?type=rss2&classid=45")
    elif shape == "rss":  # 文成: 专题专栏 → 法治文成 → 法治政府: pager written by a script; all items in the RSS feed
        zt = home + [("专题专栏", "/ztzl/")]
        x.store.add(f"{B}/", ec_shell(x, f"{c.name}人民政府", f'<div class="box"><div class="tit"><span>{c.short}要闻</span></div><ul>{hnews}</ul></div>'),
                    lm=stamp(dt.date(2024, 6, 26), "home"))
        x.store.add(f"{B}/ztzl/", ec_shell(x, f"专题专栏_{c.name}人民政府", '<ul class="ztlist">' + "".join(
            f'<li><a href="{u}"><img src="/d/file/ztzl/{h(t)[:8]}.jpg" alt="{t}" /><p>{t}</p></a></li>' for t, u in
            [(f"法治{c.short}", "/ztzl/fzwc/"), ("共同富裕", "/ztzl/gtfy/"), ("清廉文成", "/ztzl/qlwc/")]) + "</ul>", zt), lm=stamp(dt.date(2023, 9, 1), "zt"))
        fz = zt + [(f"法治{c.short}", "/ztzl/fzwc/")]
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["news_meeting"], L["notice_plan"]])
        for a in items:
            ec_url(x, "/ztzl/fzwc/fzzf/", a)
        rss = ec_rss(x, 88, "法治政府", f"{B}/ztzl/fzwc/fzzf/", items)
        x.store.add(f"{B}/ztzl/fzwc/", ec_shell(x, f"法治{c.short}_{c.name}人民政府", f"""<div class="ztbanner"><img src="/d/file/ztzl/fzwc_banner.jpg" alt="法治{c.short}" /></div>
<div class="box"><div class="tit"><span>法治政府</span><a class="more" href="/ztzl/fzwc/fzzf/">更多</a></div>{ec_list(items[:3])}</div>
<div class="box"><div class="tit"><span>普法宣传</span><a class="more" href="/ztzl/fzwc/pfxc/">更多</a></div></div>""", fz, rss=("法治政府", rss)), lm=stamp(items[0].date, "fzwc"))
        ec_pages(x, "/ztzl/fzwc/fzzf/", "法治政府", items, 6, fz + [("法治政府", None)], rss, anchors=False,
                 left=(f"法治{c.short}", [("法治政府", "/ztzl/fzwc/fzzf/"), ("普法宣传", "/ztzl/fzwc/pfxc/")]))
        ec_articles(x, lambda a: fz + [("法治政府", "/ztzl/fzwc/fzzf/")])
        x.notes.update(depth=3, column="法治政府", path=f"首页→专题专栏→法治{c.short}→法治政府",
                       pager="script only (showPages); page 2 index_2.html exists; the RSS feed lists every item", rss="/e/web/?type=rss2&classid=88")
    elif shape == "zwgk":  # 泗洪: 政务公开 → 专题专栏 → 法治政府建设 → 年度法治政府建设情况; a floating banner; a repost in 通知公告
        dup_src = x.rep(2023)
        dup = Article(c, "duplicate", dup_src.title, dup_src.date + dt.timedelta(days=2), dup_src.lines, source=f"{c.name}人民政府办公室",
                      dup_of=dup_src, key="dup2023")
        ec_url(x, "/zwgk/tzgg/", dup)
        fl = '<div id="floatad" style="position:absolute;z-index:99"><a href="/zwgk/ztzl/fzzfjs/"><img src="/d/file/float_fzzf.png" alt="法治政府建设" /></a></div>'
        tz = f'<div class="box"><div class="tit"><span>通知公告</span></div><ul><li><span>{dup.date.isoformat()}</span><a href="/{dup.url.split("/", 3)[3]}">{esc(dup.title)}</a></li></ul></div>'
        x.store.add(f"{B}/", ec_shell(x, f"{c.name}人民政府", f'{fl}<div class="box"><div class="tit"><span>{c.short}要闻</span></div><ul>{hnews}</ul></div>{tz}'),
                    lm=stamp(dt.date(2024, 6, 26), "home"))
        x.store.add(f"{B}/robots.txt", "User-agent: *\nDisallow: /e/\nDisallow: /d/\n", ext="txt", ctype="text/plain", lm=stamp(dt.date(2020, 5, 1), "robots"))
        zw = home + [("政务公开", "/zwgk/")]
        x.store.add(f"{B}/zwgk/", ec_shell(x, f"政务公开_{c.name}人民政府", """<div class="box"><ul><li><a href="/zwgk/xxgk/">政府信息公开</a></li>
<li><a href="/zwgk/zcjd/">政策解读</a></li><li><a href="/zwgk/ztzl/">专题专栏</a></li><li><a href="/zwgk/xxgknb/">政府信息公开年报</a></li><li><a href="/zwgk/tzgg/">通知公告</a></li></ul></div>""", zw),
                    lm=stamp(dt.date(2024, 3, 1), "zwgk"))
        x.store.add(f"{B}/zwgk/ztzl/", ec_shell(x, f"专题专栏_{c.name}人民政府", '<ul class="ztlist">' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u in [("法治政府建设", "/zwgk/ztzl/fzzfjs/"), ("优化营商环境", "/zwgk/ztzl/yshj/"),
                                                           ("乡村振兴", "/zwgk/ztzl/xczx/")]) + "</ul>", zw + [("专题专栏", None)]), lm=stamp(dt.date(2023, 6, 1), "zt"))
        fz = zw + [("专题专栏", "/zwgk/ztzl/"), ("法治政府建设", "/zwgk/ztzl/fzzfjs/")]
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["pref_report"], L["shufa"]])
        for a in items:
            ec_url(x, "/zwgk/ztzl/fzzfjs/ndqk/", a)
        dtl = sort_desc([L["news_meeting"], L["notice_submit"], L["news_demo"]])
        for a in dtl:
            ec_url(x, "/zwgk/ztzl/fzzfjs/gzdt/", a)
        gk = sort_desc([a for k, a in L.items() if k.startswith("gk")])
        for a in gk:
            ec_url(x, "/zwgk/xxgknb/", a)
        x.store.add(f"{B}/zwgk/ztzl/fzzfjs/", ec_shell(x, f"法治政府建设_{c.name}人民政府", """<div class="left"><h3>法治政府建设</h3><ul>
<li><a href="/zwgk/ztzl/fzzfjs/ndqk/">年度法治政府建设情况</a></li><li><a href="/zwgk/ztzl/fzzfjs/gzdt/">工作动态</a></li></ul></div>""", fz),
                    lm=stamp(items[0].date, "fz"))
        left = ("法治政府建设", [("年度法治政府建设情况", "/zwgk/ztzl/fzzfjs/ndqk/"), ("工作动态", "/zwgk/ztzl/fzzfjs/gzdt/")])
        ec_pages(x, "/zwgk/ztzl/fzzfjs/ndqk/", "年度法治政府建设情况", items, 10, fz + [("年度法治政府建设情况", None)], None, left=left)
        ec_pages(x, "/zwgk/ztzl/fzzfjs/gzdt/", "工作动态", dtl, 10, fz + [("工作动态", None)], None, left=left)
        ec_pages(x, "/zwgk/xxgknb/", "政府信息公开年报", gk, 15, zw + [("政府信息公开年报", None)], None)

        def crumbs_of(a):
            if "/tzgg/" in a.url:
                return zw + [("通知公告", "/zwgk/tzgg/")]
            if "/xxgknb/" in a.url:
                return zw + [("政府信息公开年报", "/zwgk/xxgknb/")]
            return fz + [("年度法治政府建设情况" if "/ndqk/" in a.url else "工作动态", None)]
        ec_articles(x, crumbs_of, delay=400)
        x.notes.update(depth=4, column="年度法治政府建设情况", path="首页→政务公开→专题专栏→法治政府建设→年度法治政府建设情况 (or the floating banner)",
                       pager="one page", other="article pages slow (400 ms); robots.txt; 2023 report re-posted in 通知公告 (homepage)")


# ==============================================================================================================
# assembling
# ==============================================================================================================

BUILDERS = {"sitesources": build_sitesources, "iframetree": build_iframetree, "frameset": build_frameset, "mobile": build_mobile,
            "deptsfj": build_deptsfj, "ztzl": build_ztzl}

OPTS = {
    "445222": {"tree": "ztree", "search": True, "styles": {2020: "no_county"}},
    "441523": {"tree": "gocolumn", "cut": True, "attachment": 2020},
    "445122": {"tree": "anchors", "cut": True, "no_charset_header": True},
    "530923": {"shape": "asp"},
    "540127": {"shape": "forward", "styles": {2021: "no_county"}},
    "654028": {"shape": "menu"},
    "360725": {"shape": "pager", "pinyin": "cyx", "styles": {2019: "no_county"}},
    "371321": {"shape": "datahref", "pinyin": "ynx"},
    "420324": {"shape": "topic", "pinyin": "zxx"},
    "450225": {"shape": "bm", "dir": ("部门信息", "/bm/index.jhtml"), "nav_extra": [("部门信息", "/bm/index.jhtml"), ("乡镇信息", "/xz/index.jhtml")]},
    "431322": {"shape": "bmxxgk", "search": True, "dir": ("部门信息公开", "/zwgk/bmxxgk/index.jhtml"), "nav_extra": [("走进新化", "/zjxh/index.jhtml")]},
    "510824": {"shape": "jgsz", "dir": ("机构设置", "/jgsz/index.jhtml"), "nav_extra": [("机构设置", "/jgsz/index.jhtml"), ("走进苍溪", "/zjcx/index.jhtml")]},
    "350125": {"shape": "plain", "abbr": "yt"},
    "330328": {"shape": "rss", "abbr": "wc"},
    "321324": {"shape": "zwgk", "abbr": "sh"},
}


def build(out: Path):
    STYLE_PTR[0] = 0
    sources = load_sources()
    store = Store()
    used: set = set()
    ctxs = build_counties(store, COUNTIES, OPTS, BUILDERS, lambda c: report_articles(c, sources, used, TITLE_STYLES, STYLE_PTR),
                          lookalikes)

    # ---- gold
    reports, pages = [], []
    for x in ctxs:
        reports += report_gold(x, store, lambda a: "gbk" if a.county.family == "frameset" else "utf-8")
        pages += page_gold(x)

    # ---- http.json
    _, redirects = robots_and_redirects(store)
    head, search_forms = http_head(store, ctxs, "frameset", [
        PREFECTURE_PORTAL[x.c.prefecture].rstrip("/") + f"/xxgk/{x.c.opts['pinyin']}/" for x in ctxs if x.c.family == "mobile"])
    http = {
        **head,
        "sibling_hosts": [{"adcode": x.c.adcode, "host": x.c.host, "sibling": x.notes["mobile_host"], "why": "mobile site (手机版)"}
                          for x in ctxs if "mobile_host" in x.notes],
        "json_list_api": [u for u in store.entries if "/api/list?" in u or u.endswith("/script.json")],
        "rss_feeds": [u for u in store.entries if "type=rss2" in u],
        "search_forms": search_forms,
        "frames": [{"adcode": x.c.adcode, "host": x.c.host, "shape": x.c.opts.get("shape") or x.c.opts.get("tree")}
                   for x in ctxs if x.c.family in ("frameset", "iframetree")],
        "redirects": redirects,
        "columns": columns_gold(ctxs),
    }
    epochs = {"epoch_dates": {"1": EPOCH1.isoformat()}, "new_in_epoch2": [], "corrected": [], "deleted": [], "redesign": [],
              "dead_in_epoch1": []}
    write_set(out, store, reports, pages, http, epochs, COUNTIES)
    return ctxs, reports, pages, store


if __name__ == "__main__":
    main(build, DEFAULT_OUT)
