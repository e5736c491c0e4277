#!/usr/bin/env python3
"""Build tests/fixtures/families5 (written as a held-out set by a separate session that did not see the discovery
code; it became the tuning set of discovery round 5): recorded portals of five more site shapes of Chinese county
portals.

    .venv/bin/python tests/tools/build_families5.py [--out DIR] [--check]

Deterministic: a rebuild is byte-identical (`--check` builds into a temporary folder and compares, then runs the
self-consistency checks). The shared machinery (Store, Article, report-text derivation, look-alike texts, .docx
writer) is imported from build_families4.py; the site shapes are new. Report bodies are the bundled snapshot's gold
report texts with the source county's names replaced (see README.md).
"""

from __future__ import annotations

import collections
import datetime as dt
import html
import json
import re
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_families4 as f4  # noqa: E402
import families_builder as fb  # noqa: E402
from families_builder import (Article, County, Ctx, Store, body_paragraphs, cn_date, cn_year, cut, esc, h,  # noqa: E402
                              make_docx, num, prov_short, rel_path, rng, sort_desc, stamp, DOCX_TYPE)

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "tests/fixtures/families5"
EPOCH1 = dt.date(2025, 7, 1)  # the recorded state: July 2025 (reports on 2019–2024)

COUNTIES = [
    # gkdltree: TRS-style 政府信息公开 platform, left tree of <dl>/<dt>/<dd>, createPageHTML pager, relative ./YYYYMM/t… hrefs
    County("370124", "山东省", "济南市", "平阴县", "www.pingyin.gov.cn", "gkdltree", [2020, 2021, 2022, 2023, 2024]),
    County("421224", "湖北省", "咸宁市", "通山县", "www.tongshan.gov.cn", "gkdltree", [2019, 2021, 2022, 2023, 2024]),
    County("140723", "山西省", "晋中市", "和顺县", "www.heshun.gov.cn", "gkdltree", [2019, 2020, 2022, 2023]),
    # jswrite: list rows exist only inside scripts (inline arrays + document.write, external .js includes, json_encode data)
    County("411721", "河南省", "驻马店市", "西平县", "www.xiping.gov.cn", "jswrite", [2020, 2021, 2022, 2023, 2024]),
    County("450224", "广西壮族自治区", "柳州市", "融安县", "www.rongan.gov.cn", "jswrite", [2019, 2020, 2021, 2023]),
    County("321324", "江苏省", "宿迁市", "泗洪县", "www.sihong.gov.cn", "jswrite", [2021, 2022, 2023, 2024]),
    # ztslide: the column is reached only through a 专题专栏 slideshow / image map whose links carry no text but alt/title
    County("331121", "浙江省", "丽水市", "青田县", "www.qingtian.gov.cn", "ztslide", [2019, 2020, 2021, 2022, 2024]),
    County("350821", "福建省", "龙岩市", "长汀县", "www.changting.gov.cn", "ztslide", [2020, 2022, 2023, 2024]),
    County("532924", "云南省", "大理白族自治州", "宾川县", "www.bc.gov.cn", "ztslide", [2019, 2021, 2022, 2023]),
    # rowclick: list rows are not anchors (li onclick=location.href, tr data-href, card divs with window.open)
    County("421123", "湖北省", "黄冈市", "罗田县", "www.luotian.gov.cn", "rowclick", [2020, 2021, 2023, 2024]),
    County("340826", "安徽省", "安庆市", "宿松县", "www.susong.gov.cn", "rowclick", [2019, 2020, 2022, 2023, 2024]),
    County("150424", "内蒙古自治区", "赤峰市", "林西县", "www.linxixian.gov.cn", "rowclick", [2021, 2022, 2023, 2024]),
    # sfjhost: the reports are published on the justice bureau's own site sfj.<domain>, reached from the portal
    County("511922", "四川省", "巴中市", "南江县", "www.scnj.gov.cn", "sfjhost", [2019, 2020, 2021, 2022, 2023]),
    County("230124", "黑龙江省", "哈尔滨市", "方正县", "www.hrbfz.gov.cn", "sfjhost", [2020, 2021, 2022, 2024]),
    County("222424", "吉林省", "延边朝鲜族自治州", "汪清县", "www.wangqing.gov.cn", "sfjhost", [2019, 2022, 2023, 2024]),
]
FAMILIES = ["gkdltree", "jswrite", "ztslide", "rowclick", "sfjhost"]

PROVINCE_PORTAL = {"山东省": "http://www.shandong.gov.cn/", "湖北省": "http://www.hubei.gov.cn/", "山西省": "http://www.shanxi.gov.cn/",
                   "河南省": "http://www.henan.gov.cn/", "广西壮族自治区": "http://www.gxzf.gov.cn/", "江苏省": "http://www.jiangsu.gov.cn/",
                   "浙江省": "http://www.zj.gov.cn/", "福建省": "http://www.fujian.gov.cn/", "云南省": "http://www.yn.gov.cn/",
                   "安徽省": "http://www.ah.gov.cn/", "内蒙古自治区": "http://www.nmg.gov.cn/", "四川省": "http://www.sc.gov.cn/",
                   "黑龙江省": "http://www.hlj.gov.cn/", "吉林省": "http://www.jl.gov.cn/"}
PREFECTURE_PORTAL = {"济南市": "http://www.jinan.gov.cn/", "咸宁市": "http://www.xianning.gov.cn/", "晋中市": "http://www.sxjz.gov.cn/",
                     "驻马店市": "http://www.zhumadian.gov.cn/", "柳州市": "http://www.liuzhou.gov.cn/", "宿迁市": "http://www.suqian.gov.cn/",
                     "丽水市": "http://www.lishui.gov.cn/", "龙岩市": "http://www.longyan.gov.cn/", "大理白族自治州": "http://www.dali.gov.cn/",
                     "黄冈市": "http://www.hg.gov.cn/", "安庆市": "http://www.anqing.gov.cn/", "赤峰市": "http://www.chifeng.gov.cn/",
                     "巴中市": "http://www.cnbz.gov.cn/", "哈尔滨市": "http://www.harbin.gov.cn/", "延边朝鲜族自治州": "http://www.yanbian.gov.cn/"}
ICP = {"山东": "鲁", "湖北": "鄂", "山西": "晋", "河南": "豫", "广西": "桂", "江苏": "苏", "浙江": "浙", "福建": "闽", "云南": "滇",
       "安徽": "皖", "内蒙": "蒙", "四川": "蜀", "黑龙": "黑", "吉林": "吉"}
TOWNS = {"370124": "榆山街道", "421224": "通羊镇", "140723": "义兴镇", "411721": "柏城街道", "450224": "长安镇", "321324": "青阳街道",
         "331121": "鹤城街道", "350821": "汀州镇", "532924": "金牛镇", "421123": "凤山镇", "340826": "孚玉镇", "150424": "林西镇",
         "511922": "南江镇", "230124": "方正镇", "222424": "汪清镇"}
GBK_HOSTS = {"www.bc.gov.cn"}


# --------------------------------------------------------------------------------------------------------------
# report texts (families_builder's derivation, years 2019–2024, province short names fixed for 内蒙古 / 黑龙江)
# --------------------------------------------------------------------------------------------------------------


TITLE_STYLES = f4.TITLE_STYLES + [
    ("quanwen", lambda c, y: f"{c.name}{y}年度法治政府建设工作情况报告（全文）", False),
    ("gov_nianbao", lambda c, y: f"{c.name}人民政府{y}年法治政府建设年度报告", False),
    ("jinzhan", lambda c, y: f"{c.name}{y}年法治政府建设进展情况报告", False),
    ("cn_year_nianbao", lambda c, y: f"{c.name}{cn_year(y)}年法治政府建设年度报告", False),
]
STYLE_PTR = [5]


def report_articles(c: County, sources_by_year, used) -> list:
    return fb.report_articles(c, sources_by_year, used, TITLE_STYLES, STYLE_PTR, EPOCH1, salt="5", prov=prov_short)


def province_lines(c, y):
    r = rng("prov", c.province, y)
    yn = y + 1
    d = dt.date(yn, r.randint(2, 3), r.randint(2, 27))
    p = c.province
    return [
        f"{y}年，{p}人民政府坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面推进法治政府建设。现将有关情况报告如下。",
        f"一、{y}年推进法治政府建设的主要举措和成效",
        f"（一）持续优化法治化营商环境。全年清理涉企规章和行政规范性文件{r.randint(30, 200)}件，推动涉企行政检查“综合查一次”。",
        f"（二）健全行政决策制度体系。省政府重大行政决策事项全部履行法定程序，省政府常务会议会前学法{r.randint(8, 16)}次。",
        "二、存在的不足和原因",
        "部分地区和部门运用法治思维和法治方式推动工作的能力还不够强，基层法治建设仍有短板。",
        f"三、{yn}年推进法治政府建设的主要安排",
        f"{yn}年，全省将围绕法治政府建设实施纲要确定的目标任务，扎实推进法治政府建设率先突破。",
        f"{p}人民政府",
        cn_date(d),
    ], d


def lookalikes(c: County) -> dict:
    r = rng("look5", c.adcode)
    out = {}
    y = max(c.years)
    town = TOWNS[c.adcode]
    dept = fb.DEPTS[int(h("dept5", c.adcode)[:4], 16) % len(fb.DEPTS)]
    lines, d = fb.dept_report_lines(f"{c.name}司法局", c, y, "sfj")
    out["sfj_report"] = Article(c, "department_report", f"{c.name}司法局{y}年度法治政府建设工作报告", d + dt.timedelta(days=3),
                                lines, source=f"{c.name}司法局", key="sfj")
    lines, d = fb.dept_report_lines(f"{c.name}司法局", c, y - 1, "sfj2")
    out["sfj_report2"] = Article(c, "department_report", f"{c.name}司法局关于{y - 1}年法治政府建设情况的报告", d + dt.timedelta(days=2),
                                 lines, source=f"{c.name}司法局", key="sfj2")
    lines, d = fb.dept_report_lines(f"{c.name}{dept}", c, y - 1, "dept")
    out["dept_report"] = Article(c, "department_report", f"{c.name}{dept}关于{y - 1}年度法治政府建设工作情况的报告",
                                 d + dt.timedelta(days=5), lines, source=f"{c.name}{dept}", key="dept")
    lines, d = fb.township_lines(town, c, y)
    out["town_report"] = Article(c, "department_report", f"{town}{y}年法治政府建设情况报告", d + dt.timedelta(days=4),
                                 lines, source=f"{c.name}{town}", key="town")
    lines, d = fb.prefecture_lines(c, y)
    out["pref_report"] = Article(c, "prefecture_report", f"{c.prefecture}{y}年法治政府建设年度报告", d + dt.timedelta(days=8),
                                 lines, source=f"{c.prefecture}人民政府", key="pref")
    lines, d = province_lines(c, y - 1)
    out["prov_report"] = Article(c, "prefecture_report", f"{c.province}人民政府关于{y - 1}年度法治政府建设情况的报告",
                                 d + dt.timedelta(days=6), lines, source=f"{c.province}人民政府", key="prov")
    out["prov_report"].extra["level"] = "province"
    for yy in (y - 1, y):
        out[f"gk{yy}"] = Article(c, "other_annual_report", f"{c.name}人民政府{yy}年政府信息公开工作年度报告",
                                 dt.date(yy + 1, 1, 20 + r.randint(0, 9)), fb.disclosure_lines(c, yy),
                                 source=f"{c.name}人民政府办公室", key=f"gk{yy}")
    out["shufa"] = Article(c, "other_annual_report", f"{c.name}人民政府主要负责人{y}年度述法报告",
                           dt.date(y + 1, 2, 10 + r.randint(0, 15)), fb.shufa_lines(c, y), source=f"{c.name}人民政府", key="shufa")
    out["notice_plan"] = Article(c, "notice", f"{c.name}人民政府办公室关于印发《{c.name}{y + 1}年法治政府建设工作要点》的通知",
                                 dt.date(y + 1, 4, 1 + r.randint(0, 20)), fb.notice_plan_lines(c, y + 1),
                                 source=f"{c.name}人民政府办公室", key="plan")
    out["notice_submit"] = Article(c, "notice", f"关于做好{y}年度法治政府建设情况报告报送工作的通知",
                                   dt.date(y, 12, 10 + r.randint(0, 15)), fb.notice_submit_lines(c, y),
                                   source=f"{c.name}委依法治县办", key="submit")
    dm = dt.date(y + 1, 1, 5 + r.randint(0, 20))
    out["news_meeting"] = Article(c, "news", f"{c.name}召开县政府常务会议 审议《{y}年度法治政府建设情况报告》", dm,
                                  fb.news_meeting_lines(c, y, dm), source=f"{c.name}融媒体中心", key="meet")
    dc = dt.date(y, 3, 1 + r.randint(0, 25))
    out["news_committee"] = Article(c, "news", f"中共{c.name}委全面依法治县委员会召开会议", dc,
                                    fb.news_committee_lines(c, y, dc), source=f"{c.name}融媒体中心", key="comm")
    dd = dt.date(y, 9, 1 + r.randint(0, 25))
    out["news_demo"] = Article(c, "news", f"{c.name}召开法治政府建设示范创建工作推进会", dd, fb.news_demo_lines(c, y, dd),
                               source=f"{c.name}司法局", key="demo")
    return out


# --------------------------------------------------------------------------------------------------------------
# shared page pieces
# --------------------------------------------------------------------------------------------------------------


def enc_of(host):
    return "gbk" if host in GBK_HOSTS else "utf-8"


def footer(c: County, org=None, code=None):
    return fb.footer_lines(c, code, org, icp=ICP, salt="5", filing="-1")


def offsite(c: County):
    return fb.offsite_links(c, PROVINCE_PORTAL, PREFECTURE_PORTAL)


def cn_full_date(d: dt.date) -> str:
    """二〇二四年三月二十一日"""
    def small(n):
        t = "〇一二三四五六七八九"
        if n < 10:
            return t[n]
        if n < 20:
            return "十" + (t[n % 10] if n % 10 else "")
        return t[n // 10] + "十" + (t[n % 10] if n % 10 else "")
    return f"{cn_year(d.year)}年{small(d.month)}月{small(d.day)}日"


def add_page(x: Ctx, url, body, lm, **kw):
    host = urllib.parse.urlsplit(url).hostname
    x.store.add(url, body, enc=enc_of(host), lm=lm, **kw)


def content_html(a: Article, indent="　　") -> str:
    if a.attachment:
        name = a.extra.get("att_name", "附件1.docx")
        lead = a.extra.get("att_lead", "附件1：")
        return f'<p>{lead}<a href="{rel_path(a.attachment)}" target="_blank">{esc(name)}</a></p>'
    return body_paragraphs(a.lines, indent=indent)


def attach(x: Ctx, a: Article, url: str, name="附件1.docx", lead="附件1："):
    a.attachment = url
    a.extra["att_name"], a.extra["att_lead"] = name, lead
    x.store.add(url, make_docx([a.title] + a.lines), ext="docx", ctype=DOCX_TYPE, lm=stamp(a.date, "docx5", a.key),
                validators="lm-only")


def trs_url(x: Ctx, col, a: Article):
    return x.place(a, f"{col}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('trs', x.c.adcode, a.key, a.title, lo=1000000, hi=9999999)}.html")


def home_news(c: County, prefix):
    news = [(f"{c.name}召开县政府常务会议", "2025-06-26"), (f"{c.name}部署防汛减灾工作", "2025-06-19"),
            (f"{c.short}：特色产业助力乡村振兴", "2025-06-12"), (f"{c.name}开展安全生产大检查", "2025-06-04")]
    return [(t, f"{prefix}{d[:7].replace('-', '')}/t{d.replace('-', '')}_{num('nw', c.adcode, t, lo=1000000, hi=9999999)}.html", d)
            for t, d in news]


# ==============================================================================================================
# family 1: gkdltree — a TRS-style 政府信息公开 platform: a left tree of <dl><dt>/<dd> links (only the current branch
#   expanded), column folders with index.html and index_N.html written by createPageHTML(count, cur, "index", "html"),
#   list hrefs relative (./202403/t20240321_1234567.html), 法治政府建设 under 其他法定主动公开内容 / 重点领域信息公开,
#   per-year sub-folders named "2024年" (the year of publication)
# ==============================================================================================================


def gk_shell(x: Ctx, title, main, crumbs=(), tree="", host=None, sitename=None):
    c = x.c
    www = f"http://{c.host}/"
    own = host is None or host == c.host
    nav = [("首页", "/" if own else www), ("新闻中心", "/xwzx/" if own else www + "xwzx/"),
           ("政府信息公开", x.notes.get("gk_entry", "/zfxxgk/")), ("政务服务", "/zwfw/" if own else www + "zwfw/"),
           ("互动交流", "/hdjl/" if own else www + "hdjl/")]
    crumb = ""
    if crumbs:
        crumb = '<div class="bread">当前位置：' + " &gt; ".join(
            f'<a href="{u}">{esc(t)}</a>' if u else f"<span>{esc(t)}</span>" for t, u in crumbs) + "</div>"
    left = f'<div class="xxgk-left"><div class="tree-tit">信息公开目录</div>\n{tree}\n</div>' if tree else ""
    f = footer(c)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<meta name="SiteName" content="{esc(sitename or c.name + '人民政府')}">
<meta name="SiteDomain" content="{host or c.host}">
<meta name="SiteIDCode" content="{c.code}">
<meta name="ColumnName" content="{esc(crumbs[-1][0]) if crumbs else '首页'}">
<link rel="stylesheet" href="/images/xxgk.css">
<script src="/images/jquery-1.12.4.min.js"></script>
<script src="/images/page.js"></script>
</head>
<body>
<div class="head"><div class="logo"><a href="{'/' if own else www}"><img src="/images/logo.png" alt="{c.name}人民政府"></a></div>
<div class="nav"><ul>{''.join(f'<li><a href="{u}">{t}</a></li>' for t, u in nav)}</ul></div></div>
<div class="container">
{crumb}
{left}
<div class="xxgk-right">
{main}
</div>
</div>
<div class="foot"><p>{esc(f[0])}　{esc(f[1])}</p><p>{esc(f[2])}　{esc(f[3])}</p></div>
</body>
</html>
"""


def gk_tree(nodes, cur):
    """nodes: list of (title, url, children); the current branch (containing url cur) is expanded."""
    def contains(n):
        t, u, ch = n
        return u == cur or any(contains(k) for k in ch)

    def render(ns, depth):
        out = []
        for n in ns:
            t, u, ch = n
            on = " class=\"on\"" if u == cur else ""
            if depth == 0:
                out.append(f'<dt{on}><a href="{u}">{esc(t)}</a></dt>')
                if ch and contains(n):
                    out.append("<dd>" + '<dl class="sub">' + render(ch, 1) + "</dl></dd>")
            else:
                inner = ""
                if ch and contains(n):
                    inner = '<dl class="sub2">' + render(ch, 2) + "</dl>"
                out.append(f'<dd{on}><a href="{u}" title="{esc(t)}">{esc(t)}</a>{inner}</dd>')
        return "".join(out)
    return '<dl class="tree">' + render(nodes, 0) + "</dl>"


def gk_list_rows(items, col, dates=True):
    rows = []
    for a in items:
        href = "./" + a.url[len(col):] if a.url.startswith(col) else rel_path(a.url)
        d = f'<span class="date">{a.date.isoformat()}</span>' if dates else ""
        rows.append(f'<li><a href="{href}" target="_blank" title="{esc(a.title)}">{esc(cut(a.title, 32))}</a>{d}</li>')
    return "\n".join(rows)


def gk_column(x: Ctx, col, title, items, per, crumbs, tree_nodes, salt, dates=True, host=None, sitename=None, head=""):
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)
    for k, chunk in enumerate(pages):
        main = (f'{head}<div class="list-tit">{esc(title)}</div>\n<ul class="xxgk-list">\n{gk_list_rows(chunk, col, dates)}\n</ul>\n'
                f'<div class="page"><script type="text/javascript">createPageHTML({n}, {k}, "index", "html");</script></div>')
        body = gk_shell(x, f"{title}_{sitename or x.c.name + '人民政府'}", main, crumbs, gk_tree(tree_nodes, rel_path(col)), host, sitename)
        lm = stamp(max([a.date for a in items] or [dt.date(2025, 1, 3)]), salt, k)
        add_page(x, col + ("index.html" if k == 0 else f"index_{k}.html"), body, lm)
        if k == 0:
            add_page(x, col, body, lm)


def gk_article(x: Ctx, a: Article, crumbs, host=None, sitename=None):
    c = x.c
    t = stamp(a.date, "gk5", a.key)
    idx = f"{c.code[:6]}{num('org', c.adcode, lo=100, hi=999)}/{a.date.year}-{num('idx5', a.url, lo=1, hi=99999):05d}"
    main = f"""<table class="xxgk-meta">
<tr><th>索引号：</th><td>{idx}</td><th>发布机构：</th><td>{esc(a.source)}</td></tr>
<tr><th>公开方式：</th><td>主动公开</td><th>成文日期：</th><td>{a.date.strftime('%Y年%m月%d日')}</td></tr>
<tr><th>标　　题：</th><td colspan="3">{esc(a.title)}</td></tr>
</table>
<div class="article"><h1>{esc(a.title)}</h1>
<div class="info">发布时间：{t.strftime('%Y-%m-%d %H:%M')}　信息来源：{esc(a.source)}　<a href="javascript:window.print()">【打印】</a></div>
<div class="TRS_Editor" id="zoom">
{content_html(a)}
</div></div>"""
    add_page(x, a.url, gk_shell(x, f"{a.title}_{sitename or c.name + '人民政府'}", main, crumbs, "", host, sitename), t)


def gk_home(x: Ctx, gk_url, extra=""):
    c = x.c
    nh = "".join(f'<li><a href="{u}">{esc(t)}</a><span>{d}</span></li>' for t, u, d in home_news(c, "/xwzx/jryw/"))
    main = f"""<div class="home-news"><div class="hd"><b>今日{c.short}</b><a class="more" href="/xwzx/jryw/">更多</a></div><ul>{nh}</ul></div>
<div class="home-gk"><div class="hd"><b>政府信息公开</b><a class="more" href="{gk_url}">更多</a></div>
<ul><li><a href="{gk_url}">政府信息公开指南</a></li><li><a href="{gk_url}">政府信息公开年报</a></li><li><a href="{gk_url}">法定主动公开内容</a></li></ul></div>
{extra}
<div class="links">{''.join(f'<a href="{u}" target="_blank">{t}</a>' for t, u in offsite(c))}</div>"""
    add_page(x, f"{c.base}/", gk_shell(x, f"{c.name}人民政府", main), stamp(dt.date(2025, 6, 26), "home"))


def gk_nodes_common(prefix, fd_children, zd_children):
    return [("政府信息公开指南", f"{prefix}zfxxgkzn/", []), ("政府信息公开制度", f"{prefix}zfxxgkzd/", []),
            ("法定主动公开内容", f"{prefix}fdzdgknr/", fd_children), ("重点领域信息公开", f"{prefix}zdlyxxgk/", zd_children),
            ("政府信息公开年报", f"{prefix}zfxxgknb/", []), ("依申请公开", f"{prefix}ysqgk/", [])]


def gk_nb(x: Ctx, B, prefix, nodes, crumbs, host=None, sitename=None):
    col = f"{B}{prefix}zfxxgknb/"
    items = sort_desc([a for k, a in x.looks.items() if k.startswith("gk")])
    for a in items:
        trs_url(x, col, a)
    gk_column(x, col, "政府信息公开年报", items, 15, crumbs + [("政府信息公开年报", None)], nodes, "nb", host=host, sitename=sitename)
    for a in items:
        gk_article(x, a, crumbs + [("政府信息公开年报", f"{prefix}zfxxgknb/")], host, sitename)


def gk_year_folders(x: Ctx, base_col, base_path, items, crumbs, nodes_fn, per, label_fn, salt):
    """items split into sub-folders by publication year; returns {year: folder URL}"""
    by = collections.defaultdict(list)
    for a in items:
        by[a.date.year].append(a)
    years = sorted(by, reverse=True)
    folders = {y: (f"{base_col}{label_fn(y)}/", f"{base_path}{label_fn(y)}/") for y in years}
    for y in years:
        for a in by[y]:
            trs_url(x, folders[y][0], a)
    nodes = nodes_fn([(f"{y}年", folders[y][1], []) for y in years])
    for y in years:
        gk_column(x, folders[y][0], f"{y}年", sort_desc(by[y]), per, crumbs + [(f"{y}年", None)], nodes, f"{salt}{y}")
        for a in by[y]:
            gk_article(x, a, crumbs + [(f"{y}年", folders[y][1])])
    return years, folders, nodes


def build_gkdltree(x: Ctx):
    c, L, B = x.c, x.looks, x.c.base
    if c.adcode == "370124":  # 平阴: 政府信息公开 → 法定主动公开内容 → 其他法定主动公开内容 → 法治政府建设 → 2024年 … (depth 5)
        x.notes["gk_entry"] = "/zfxxgk/"
        p = "/zfxxgk/"
        gk_home(x, p)
        fdp = f"{p}fdzdgknr/"
        qt = f"{fdp}qtfdzdgknr/"
        fz = f"{qt}fzzfjs/"
        fd_children_base = [("机构职能", f"{fdp}jgzn/", []), ("政策文件", f"{fdp}zcwj/", []), ("规划信息", f"{fdp}ghxx/", []),
                            ("财政信息", f"{fdp}czxx/", [])]

        def nodes_fn(year_nodes):
            qt_children = [("法治政府建设", fz, year_nodes), ("政府工作报告", f"{qt}zfgzbg/", []), ("建议提案办理", f"{qt}jytabl/", [])]
            return gk_nodes_common(p, fd_children_base + [("其他法定主动公开内容", qt, qt_children)], [])
        items = x.reports + [L["sfj_report"], L["sfj_report2"], L["dept_report"], L["town_report"], L["pref_report"], L["shufa"],
                             L["notice_plan"]]
        cr0 = [("首页", "/"), ("政府信息公开", p)]
        cr = cr0 + [("法定主动公开内容", fdp), ("其他法定主动公开内容", qt), ("法治政府建设", fz)]
        years, folders, nodes = gk_year_folders(x, B + fz, fz, items, cr, nodes_fn, 4, lambda y: f"{y}n", "yf")
        empty = nodes_fn([])
        add_page(x, f"{B}{p}", gk_shell(x, f"政府信息公开_{c.name}人民政府", '<div class="gk-index"><p>为进一步推进政府信息公开工作，'
                                         '方便公民、法人和其他组织获取政府信息，本网站设立政府信息公开专栏。</p></div>', cr0[:1] + [("政府信息公开", None)],
                                         gk_tree(empty, p)), stamp(dt.date(2025, 3, 1), "gk"))
        add_page(x, f"{B}{fdp}", gk_shell(x, f"法定主动公开内容_{c.name}人民政府", '<ul class="sub-cols">' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u, _ in fd_children_base + [("其他法定主动公开内容", qt, [])]) + "</ul>",
            cr0 + [("法定主动公开内容", None)], gk_tree(nodes_fn([]), fdp)), stamp(dt.date(2025, 3, 1), "fd"))
        add_page(x, f"{B}{qt}", gk_shell(x, f"其他法定主动公开内容_{c.name}人民政府", '<ul class="sub-cols"><li><a href="fzzfjs/">法治政府建设</a></li>'
                                         '<li><a href="zfgzbg/">政府工作报告</a></li><li><a href="jytabl/">建议提案办理</a></li></ul>',
                                         cr0 + [("法定主动公开内容", fdp), ("其他法定主动公开内容", None)], gk_tree(nodes_fn([]), qt)),
                 stamp(dt.date(2025, 3, 1), "qt"))
        add_page(x, f"{B}{fz}", gk_shell(x, f"法治政府建设_{c.name}人民政府", '<div class="list-tit">法治政府建设</div><ul class="year-cols">' + "".join(
            f'<li><a href="./{y}n/">{y}年</a></li>' for y in years) + "</ul>", cr[:-1] + [("法治政府建设", None)], gk_tree(nodes, fz)),
                 stamp(dt.date(2025, 4, 1), "fz"))
        gk_nb(x, B, p, empty, cr0)
        x.notes.update(depth=5, column="法治政府建设 (year folders 2025年 … 2021年)",
                       path="首页→政府信息公开→法定主动公开内容→其他法定主动公开内容→法治政府建设→2025年",
                       pager="createPageHTML(n, cur, \"index\", \"html\") script only", list="year folders by publication year, "
                       "reports mixed with the 司法局's, a department's, a township's, the prefecture's reports, a 述法 report, a notice",
                       tree="<dl><dt>/<dd> tree, only the current branch expanded")
    elif c.adcode == "421224":  # 通山: the platform is on xxgk.tongshan.gov.cn; 重点领域信息公开 → 法治政府建设 → 法治政府建设年度报告
        xh = "xxgk.tongshan.gov.cn"
        X = f"http://{xh}"
        x.notes.update(gk_entry=f"{X}/", sibling=xh)
        gk_home(x, f"{X}/")
        zd = "/zdlyxxgk/"
        fz = f"{zd}fzzfjs/"
        nd = f"{fz}ndbg/"
        zd_children = [("财政预决算", f"{zd}czyjs/", []), ("重大建设项目", f"{zd}zdjsxm/", []),
                       ("法治政府建设", fz, [("法治政府建设年度报告", nd, []), ("行政执法公示", f"{fz}xzzfgs/", []),
                                            ("权责清单", f"{fz}qzqd/", [])]),
                       ("乡村振兴", f"{zd}xczx/", [])]
        nodes = gk_nodes_common("/", [("机构职能", "/fdzdgknr/jgzn/", []), ("政策文件", "/fdzdgknr/zcwj/", [])], zd_children)
        sn = f"{c.name}政府信息公开平台"
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["pref_report"], L["prov_report"], L["town_report"]])
        for a in items:
            trs_url(x, X + nd, a)
        cr0 = [("首页", "/")]
        cr = cr0 + [("重点领域信息公开", zd), ("法治政府建设", fz)]
        gk_column(x, X + nd, "法治政府建设年度报告", items, 4, cr + [("法治政府建设年度报告", None)], nodes, "nd", host=xh, sitename=sn)
        for a in items:
            gk_article(x, a, cr + [("法治政府建设年度报告", nd)], xh, sn)
        add_page(x, f"{X}/", gk_shell(x, sn, '<div class="gk-home"><div class="blk"><b>政府信息公开指南</b><a href="/zfxxgkzn/">查看</a></div>'
                                      '<div class="blk"><b>政府信息公开年报</b><a href="/zfxxgknb/">查看</a></div></div>', (),
                                      gk_tree(nodes, "/"), xh, sn), stamp(dt.date(2025, 5, 6), "xhome"))
        add_page(x, f"{X}{zd}", gk_shell(x, f"重点领域信息公开_{sn}", '<ul class="sub-cols">' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u, _ in zd_children) + "</ul>", cr0 + [("重点领域信息公开", None)],
            gk_tree(nodes, zd), xh, sn), stamp(dt.date(2025, 2, 1), "zd"))
        gz = sort_desc([L["news_meeting"], L["notice_plan"], L["notice_submit"], L["news_committee"], L["shufa"]])
        for a in gz:
            trs_url(x, f"{X}{fz}xzzfgs/", a)
        gk_column(x, f"{X}{fz}", "法治政府建设", sort_desc(items[:3] + gz[:2]), 20, cr[:-1] + [("法治政府建设", None)], nodes, "fz",
                  host=xh, sitename=sn, head='<div class="sub-cols"><a href="ndbg/">法治政府建设年度报告</a> <a href="xzzfgs/">行政执法公示</a> '
                  '<a href="qzqd/">权责清单</a></div>')
        gk_column(x, f"{X}{fz}xzzfgs/", "行政执法公示", gz, 20, cr + [("行政执法公示", None)], nodes, "xz", host=xh, sitename=sn)
        for a in gz:
            gk_article(x, a, cr + [("行政执法公示", f"{fz}xzzfgs/")], xh, sn)
        gk_nb(x, X, "/", nodes, cr0, xh, sn)
        x.notes.update(depth=4, column="法治政府建设年度报告", path=f"www 首页→{xh}→重点领域信息公开→法治政府建设→法治政府建设年度报告",
                       pager="createPageHTML(3, k, \"index\", \"html\") script only (index.html, index_1.html, index_2.html)",
                       list="reports mixed with the 司法局's, a department's, a township's, the prefecture's and the province's reports",
                       tree="<dl><dt>/<dd> tree, only the current branch expanded")
    else:  # 和顺: 法定主动公开内容 → 法治政府建设: the column page shows the 5 newest only; older years only via tree folders /2021/
        x.notes["gk_entry"] = "/zfxxgk/"
        p = "/zfxxgk/"
        gk_home(x, p)
        fdp = f"{p}fdzdgknr/"
        fz = f"{fdp}fzzfjs/"
        base_children = [("机构职能", f"{fdp}jgzn/", []), ("政策文件", f"{fdp}zcwj/", []), ("人事信息", f"{fdp}rsxx/", [])]

        def nodes_fn(year_nodes):
            return gk_nodes_common(p, base_children + [("法治政府建设", fz, year_nodes)], [])
        att = x.rep(2020)
        items = x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["news_meeting"], L["news_demo"]]
        cr0 = [("首页", "/"), ("政府信息公开", p)]
        cr = cr0 + [("法定主动公开内容", fdp), ("法治政府建设", fz)]
        # the attachment of 2020 lives next to its article
        by_year_col = f"{B}{fz}{att.date.year}/"
        trs_url(x, by_year_col, att)
        attach(x, att, f"{by_year_col}{att.date.strftime('%Y%m')}/P0{att.date.strftime('%Y%m%d')}{num('p5', c.adcode, lo=100000000, hi=999999999)}.docx")
        years, folders, nodes = gk_year_folders(x, B + fz, fz, items, cr, nodes_fn, 3, lambda y: f"{y}", "yf")
        newest = sort_desc(items)[:5]
        add_page(x, f"{B}{fz}", gk_shell(x, f"法治政府建设_{c.name}人民政府", '<div class="list-tit">法治政府建设</div><ul class="xxgk-list">\n'
                                         + gk_list_rows(newest, B + fz) + "\n</ul>", cr[:-1] + [("法治政府建设", None)], gk_tree(nodes, fz)),
                 stamp(newest[0].date, "fz"))
        add_page(x, f"{B}{p}", gk_shell(x, f"政府信息公开_{c.name}人民政府", '<div class="gk-index"><p>政府信息公开</p></div>',
                                         cr0[:1] + [("政府信息公开", None)], gk_tree(nodes_fn([]), p)), stamp(dt.date(2025, 3, 1), "gk"))
        add_page(x, f"{B}{fdp}", gk_shell(x, f"法定主动公开内容_{c.name}人民政府", '<ul class="sub-cols">' + "".join(
            f'<li><a href="{u}">{t}</a></li>' for t, u, _ in base_children + [("法治政府建设", fz, [])]) + "</ul>",
            cr0 + [("法定主动公开内容", None)], gk_tree(nodes_fn([]), fdp)), stamp(dt.date(2025, 3, 1), "fd"))
        gk_nb(x, B, p, nodes_fn([]), cr0)
        x.notes.update(depth=4, column="法治政府建设 (year folders /2024/, /2023/ …)",
                       path="首页→政府信息公开→法定主动公开内容→法治政府建设→2021年 (older reports only via the tree's year folders)",
                       pager="createPageHTML per year folder", list="the column page lists the 5 newest items only",
                       other="2020 report only in a .docx attachment named 附件1.docx on the page")


# ==============================================================================================================
# family 2: jswrite — list rows exist only inside scripts
# ==============================================================================================================


def js_shell(x: Ctx, title, main, crumbs=(), nav_extra=()):
    c = x.c
    nav = [("网站首页", "/"), ("政务公开", "/zwgk/"), ("新闻动态", "/xwdt/"), ("政务服务", "/zwfw/"), ("互动交流", "/hdjl/")] + list(nav_extra)
    crumb = ""
    if crumbs:
        crumb = '<div class="location"><span>您的位置：</span>' + "<i>&gt;</i>".join(
            f'<a href="{u}">{esc(t)}</a>' if u else f"<em>{esc(t)}</em>" for t, u in crumbs) + "</div>"
    f = footer(c)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{esc(title)}</title>
<meta name="SiteName" content="{c.name}人民政府">
<meta name="SiteIDCode" content="{c.code}">
<link rel="stylesheet" href="/static/css/common.css">
<script src="/static/js/jquery.min.js"></script>
</head>
<body>
<header class="header"><div class="w1200"><a class="logo" href="/"><img src="/static/images/logo.png" alt="{c.name}人民政府门户网站"></a></div>
<nav class="nav"><ul class="w1200">{''.join(f'<li><a href="{u}">{t}</a></li>' for t, u in nav)}</ul></nav></header>
<div class="w1200 main">
{crumb}
{main}
</div>
<footer class="footer"><p>{'　'.join(esc(s) for s in f)}</p></footer>
</body>
</html>
"""


def js_article(x: Ctx, a: Article, crumbs):
    t = stamp(a.date, "js5", a.key)
    main = f"""<div class="detail">
<h1 class="d-title">{esc(a.title)}</h1>
<div class="d-info"><span>发布时间：{t.strftime('%Y-%m-%d')}</span><span>来源：{esc(a.source)}</span><span>浏览次数：<script src="/api/visit.php?id={num('v', a.url)}"></script></span></div>
<div class="d-content" id="Zoom">
{content_html(a)}
</div>
<div class="d-tools"><a href="javascript:window.print();">打印</a> <a href="javascript:window.close();">关闭</a></div>
</div>"""
    add_page(x, a.url, js_shell(x, f"{a.title}-{x.c.name}人民政府", main, crumbs), t)


def js_quote(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def build_jswrite(x: Ctx):
    c, L, B = x.c, x.looks, x.c.base
    nh = home_news(c, "/xwdt/jryw/")
    gk_items = sort_desc([a for k, a in L.items() if k.startswith("gk")])
    for a in gk_items:
        x.place(a, f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('gk', c.adcode, a.key, lo=100000, hi=999999)}.html")
    for a in gk_items:
        js_article(x, a, [("首页", "/"), ("政务公开", "/zwgk/"), ("政府信息公开年报", "/zwgk/xxgknb/")])
    add_page(x, f"{B}/zwgk/xxgknb/", js_shell(x, f"政府信息公开年报-{c.name}人民政府", '<ul class="list">' + "".join(
        f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a><span>{a.date.isoformat()}</span></li>' for a in gk_items) + "</ul>",
        [("首页", "/"), ("政务公开", "/zwgk/"), ("政府信息公开年报", None)]), stamp(gk_items[0].date, "nb"))
    home_main = ('<div class="news"><h3>今日' + c.short + '</h3><ul>' + "".join(
        f'<li><a href="{u}">{esc(t)}</a><span>{d}</span></li>' for t, u, d in nh) + '</ul></div>')
    if c.adcode == "411721":  # 西平: 政务公开 → 法治政府建设 → 年度报告: an inline array + document.write, client-side paging
        add_page(x, f"{B}/", js_shell(x, f"{c.name}人民政府", home_main), stamp(dt.date(2025, 6, 26), "home"))
        add_page(x, f"{B}/zwgk/", js_shell(x, f"政务公开-{c.name}人民政府", """<div class="zwgk-grid">
<a href="/zwgk/xxgkzn/">政府信息公开指南</a><a href="/zwgk/xxgknb/">政府信息公开年报</a><a href="/zwgk/zcwj/">政策文件</a>
<a href="/zwgk/fzzfjs/">法治政府建设</a><a href="/zwgk/czzj/">财政资金</a><a href="/zwgk/rsxx/">人事信息</a></div>""",
                                          [("首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 3), "zwgk"))
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["town_report"], L["pref_report"], L["shufa"]])
        col = f"{B}/zwgk/fzzfjs/ndbg/"
        for a in items:
            trs_url(x, col, a)
        arr = ",\n".join(f'  ["{js_quote(a.title)}", "{rel_path(a.url)}", "{a.date.isoformat()}"]' for a in items)
        main = f"""<div class="col-title">年度报告</div>
<ul class="list" id="listBox">
<script type="text/javascript">
var listArr = [
{arr}
];
var pageSize = 6;
var curPage = parseInt((location.hash || '#1').substring(1), 10) || 1;
for (var i = (curPage - 1) * pageSize; i < listArr.length && i < curPage * pageSize; i++) {{
  document.write('<li><a href="' + listArr[i][1] + '" target="_blank" title="' + listArr[i][0] + '">' + listArr[i][0] + '</a><span>' + listArr[i][2] + '</span></li>');
}}
</script>
</ul>
<div class="pager"><script type="text/javascript">
var pc = Math.ceil(listArr.length / pageSize);
for (var p = 1; p <= pc; p++) {{ document.write('<a href="#' + p + '" onclick="location.hash=\\'' + p + '\\';location.reload();">' + p + '</a> '); }}
</script></div>"""
        cr = [("首页", "/"), ("政务公开", "/zwgk/"), ("法治政府建设", "/zwgk/fzzfjs/")]
        add_page(x, col, js_shell(x, f"年度报告-{c.name}人民政府", main, cr + [("年度报告", None)]), stamp(items[0].date, "nd"))
        dt_items = sort_desc([L["news_meeting"], L["news_committee"], L["news_demo"], L["notice_plan"], L["notice_submit"]])
        for a in dt_items:
            trs_url(x, f"{B}/zwgk/fzzfjs/gzdt/", a)
        arr2 = ",\n".join(f'  ["{js_quote(a.title)}", "{rel_path(a.url)}", "{a.date.isoformat()}"]' for a in dt_items)
        add_page(x, f"{B}/zwgk/fzzfjs/gzdt/", js_shell(x, f"工作动态-{c.name}人民政府", f"""<div class="col-title">工作动态</div><ul class="list">
<script>var listArr = [
{arr2}
];
for (var i = 0; i < listArr.length; i++) document.write('<li><a href="' + listArr[i][1] + '">' + listArr[i][0] + '</a><span>' + listArr[i][2] + '</span></li>');</script>
</ul>""", cr + [("工作动态", None)]), stamp(dt_items[0].date, "gzdt"))
        add_page(x, f"{B}/zwgk/fzzfjs/", js_shell(x, f"法治政府建设-{c.name}人民政府", """<div class="sub-nav">
<a href="/zwgk/fzzfjs/gzdt/">工作动态</a><a href="/zwgk/fzzfjs/ndbg/">年度报告</a><a href="/zwgk/fzzfjs/qzqd/">权责清单</a></div>""",
                                                  cr[:2] + [("法治政府建设", None)]), stamp(dt.date(2025, 1, 8), "fz"))
        for a in items:
            js_article(x, a, cr + [("年度报告", "/zwgk/fzzfjs/ndbg/")])
        for a in dt_items:
            js_article(x, a, cr + [("工作动态", "/zwgk/fzzfjs/gzdt/")])
        x.notes.update(depth=3, column="年度报告", path="首页→政务公开→法治政府建设→年度报告",
                       pager="client-side: all rows in one inline array, 6 shown per #page", list="rows only as string literals "
                       "in an inline array written by document.write; reports mixed with the 司法局's, a department's, a township's, "
                       "the prefecture's report and a 述法 report")
    elif c.adcode == "450224":  # 融安: lists are external /js/list/*.js files of document.write("…") lines
        items = sort_desc(x.reports + [L["news_meeting"], L["news_demo"], L["notice_plan"], L["sfj_report"], L["town_report"],
                                       L["prov_report"], L["notice_submit"]])
        col = f"{B}/zwgk/zdlyxxgk/fzzf/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m')}/{h('ra', a.key, a.title)[:20]}.shtml")
        per = 4
        pages = [items[i:i + per] for i in range(0, len(items), per)]
        n = len(pages)

        def jsfile(name, chunk):
            lines = []
            for a in chunk:
                lines.append('document.write("<li><a href=\\"' + rel_path(a.url) + '\\" target=\\"_blank\\" title=\\"' + js_quote(a.title)
                             + '\\">' + js_quote(cut(a.title, 24)) + '</a><span class=\\"time\\">' + a.date.strftime('%m-%d') + "</span></li>\");")
            body = "\n".join(lines) + "\n"
            x.store.add(f"{B}/js/list/{name}", body, ext="js", ctype="application/javascript", lm=stamp(chunk[0].date, "js", name))
        for k, chunk in enumerate(pages, 1):
            jsfile(f"fzzf_{k}.js", chunk)
            nav = []
            for j in range(1, n + 1):
                nm = "index.html" if j == 1 else f"index_{j}.html"
                nav.append(f'<a href="{nm}">{j}</a>' if j != k else f"<span>{j}</span>")
            main = (f'<div class="col-title">法治政府建设</div>\n<ul class="list">\n<script type="text/javascript" src="/js/list/fzzf_{k}.js"></script>\n</ul>'
                    f'\n<div class="pager">{" ".join(nav)}</div>')
            cr = [("首页", "/"), ("政务公开", "/zwgk/"), ("重点领域信息公开", "/zwgk/zdlyxxgk/"), ("法治政府建设", None)]
            body = js_shell(x, f"法治政府建设-{c.name}人民政府", main, cr)
            add_page(x, f"{col}{'index.html' if k == 1 else f'index_{k}.html'}", body, stamp(chunk[0].date, "col", k))
            if k == 1:
                add_page(x, col, body, stamp(chunk[0].date, "col", k))
        jsfile("fzzf_top5.js", items[:5])
        add_page(x, f"{B}/", js_shell(x, f"{c.name}人民政府", home_main + '\n<div class="block"><h3>法治政府建设<a class="more" href="/zwgk/zdlyxxgk/fzzf/">更多</a></h3>'
                                      '<ul><script src="/js/list/fzzf_top5.js"></script></ul></div>'), stamp(dt.date(2025, 6, 26), "home"))
        add_page(x, f"{B}/zwgk/", js_shell(x, f"政务公开-{c.name}人民政府", '<div class="zwgk-grid"><a href="/zwgk/xxgkzn/">政府信息公开指南</a>'
                                          '<a href="/zwgk/xxgknb/">政府信息公开年报</a><a href="/zwgk/zdlyxxgk/">重点领域信息公开</a></div>',
                                          [("首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 3), "zwgk"))
        add_page(x, f"{B}/zwgk/zdlyxxgk/", js_shell(x, f"重点领域信息公开-{c.name}人民政府", '<div class="zwgk-grid"><a href="/zwgk/zdlyxxgk/czyjs/">财政预决算</a>'
                                                   '<a href="/zwgk/zdlyxxgk/fzzf/">法治政府建设</a><a href="/zwgk/zdlyxxgk/shgy/">社会公益事业</a></div>',
                                                   [("首页", "/"), ("政务公开", "/zwgk/"), ("重点领域信息公开", None)]), stamp(dt.date(2025, 2, 3), "zd"))
        for a in items:
            js_article(x, a, [("首页", "/"), ("政务公开", "/zwgk/"), ("重点领域信息公开", "/zwgk/zdlyxxgk/"), ("法治政府建设", "/zwgk/zdlyxxgk/fzzf/")])
        x.notes.update(depth=3, column="法治政府建设", path="首页→政务公开→重点领域信息公开→法治政府建设 (also a homepage block)",
                       pager="index.html, index_2.html … anchors", list="rows only in external scripts /js/list/fzzf_N.js "
                       "(document.write with escaped quotes, titles cut at 24 chars; full title in title=); reports mixed with news, "
                       "notices, the 司法局's, a township's and the province's reports")
    else:  # 泗洪: PHP json_encode data (\u escapes, \/ slashes) rendered by document.write; 通知公告 repost of 2023
        dup_src = x.rep(2023)
        dup = Article(c, "duplicate", dup_src.title, dup_src.date + dt.timedelta(days=1), dup_src.lines,
                      source=f"{c.name}人民政府办公室", dup_of=dup_src, key="dup2023")
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["pref_report"], L["dept_report"], L["news_meeting"]])
        col = "/html/fzzfjs/ndbg/"
        for a in items + [dup]:
            cdir = col if a is not dup else "/html/tzgg/"
            x.place(a, f"{B}{cdir}{a.date.year}/{a.date.strftime('%m%d')}/{num('sh', a.key, a.title, lo=10000, hi=99999)}.html")

        def jdata(its):
            rows = [{"id": num("sh", a.key, a.title, lo=10000, hi=99999), "title": a.title, "url": rel_path(a.url),
                     "pubDate": a.date.isoformat(), "source": a.source} for a in its]
            return json.dumps({"total": len(rows), "pageSize": 20, "rows": rows}, ensure_ascii=True).replace("/", "\\/")

        def jlist(its, box):
            return f"""<ul class="list" id="{box}"></ul>
<script type="text/javascript">
var listData = {jdata(its)};
(function () {{
  var html = '';
  for (var i = 0; i < listData.rows.length; i++) {{
    var r = listData.rows[i];
    html += '<li><a href="' + r.url + '" target="_blank">' + r.title + '</a><span>' + r.pubDate + '</span></li>';
  }}
  document.write(html);
}})();
</script>"""
        cr = [("首页", "/"), ("政务公开", "/html/zwgk/"), ("法治政府建设", "/html/fzzfjs/")]
        add_page(x, f"{B}{col}", js_shell(x, f"年度报告-{c.name}人民政府", '<div class="col-title">年度报告</div>\n' + jlist(items, "ndbg"),
                                          cr + [("年度报告", None)]), stamp(items[0].date, "nd"))
        tz = sort_desc([dup, L["notice_plan"], L["notice_submit"]])
        for a in [t for t in tz if not t.url]:
            x.place(a, f"{B}/html/tzgg/{a.date.year}/{a.date.strftime('%m%d')}/{num('sh', a.key, a.title, lo=10000, hi=99999)}.html")
        add_page(x, f"{B}/html/tzgg/", js_shell(x, f"通知公告-{c.name}人民政府", '<div class="col-title">通知公告</div>\n' + jlist(tz, "tzgg"),
                                                [("首页", "/"), ("通知公告", None)]), stamp(tz[0].date, "tz"))
        dyn = sort_desc([L["news_committee"], L["news_demo"], L["shufa"]])
        for a in dyn:
            x.place(a, f"{B}/html/fzzfjs/fzdt/{a.date.year}/{a.date.strftime('%m%d')}/{num('sh', a.key, a.title, lo=10000, hi=99999)}.html")
        add_page(x, f"{B}/html/fzzfjs/fzdt/", js_shell(x, f"法治动态-{c.name}人民政府", '<div class="col-title">法治动态</div>\n' + jlist(dyn, "fzdt"),
                                                       cr + [("法治动态", None)]), stamp(dyn[0].date, "dt"))
        add_page(x, f"{B}/html/fzzfjs/", js_shell(x, f"法治政府建设-{c.name}人民政府", '<div class="blk"><h3>法治动态<a href="/html/fzzfjs/fzdt/">更多</a></h3>'
                                                  + jlist(dyn[:3], "b1") + '</div><div class="blk"><h3>年度报告<a href="/html/fzzfjs/ndbg/">更多</a></h3>'
                                                  + jlist(items[:3], "b2") + "</div>", cr[:2] + [("法治政府建设", None)]), stamp(items[0].date, "fz"))
        add_page(x, f"{B}/html/zwgk/", js_shell(x, f"政务公开-{c.name}人民政府", '<div class="zwgk-grid"><a href="/zwgk/xxgknb/">政府信息公开年报</a>'
                                               '<a href="/html/fzzfjs/">法治政府建设</a><a href="/html/tzgg/">通知公告</a></div>',
                                               [("首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 3), "zwgk"))
        add_page(x, f"{B}/", js_shell(x, f"{c.name}人民政府", home_main + '<div class="block"><h3>通知公告<a class="more" href="/html/tzgg/">更多</a></h3>'
                                      + jlist(tz[:3], "home_tz") + "</div>", nav_extra=[("政务公开", "/html/zwgk/")]),
                 stamp(dt.date(2025, 6, 26), "home"))
        for a in items:
            js_article(x, a, cr + [("年度报告", col)])
        for a in tz:
            js_article(x, a, [("首页", "/"), ("通知公告", "/html/tzgg/")])
        for a in dyn:
            js_article(x, a, cr + [("法治动态", "/html/fzzfjs/fzdt/")])
        x.notes.update(depth=3, column="年度报告", path="首页→政务公开→法治政府建设→年度报告",
                       pager="one page", list="rows only in `var listData = {…}` (json_encode: titles as \\uXXXX, slashes as \\/) "
                                              "written by document.write; reports mixed with the 司法局's, a department's, the prefecture's, news",
                       other="2023 report re-posted in 通知公告 (also on the homepage)")


# ==============================================================================================================
# family 3: ztslide — the 法治 topic is reached only through a 专题专栏 slideshow / image map: links with no text
# ==============================================================================================================


def zt_shell(x: Ctx, title, main, crumbs=()):
    c = x.c
    nav = [("首页", "/index.html"), ("政务公开", "/zwgk/index.html"), ("新闻中心", "/xwzx/index.html"), ("政务服务", "/zwfw/index.html"),
           ("互动交流", "/hdjl/index.html"), (f"走进{c.short}", "/zjxq/index.html")]
    crumb = ""
    if crumbs:
        crumb = '<div class="dqwz">当前位置：' + " &gt; ".join(f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs) + "</div>"
    f = footer(c)
    cs = "gb2312" if enc_of(c.host) == "gbk" else "utf-8"
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={cs}" />
<title>{esc(title)}</title>
<meta name="SiteIDCode" content="{c.code}" />
<link type="text/css" rel="stylesheet" href="/css/index.css" />
<script type="text/javascript" src="/js/jquery.SuperSlide.2.1.js"></script>
</head>
<body>
<div class="top"><div class="wrap"><img src="/images/top_logo.png" alt="{c.name}人民政府" /></div></div>
<div class="menu"><ul class="wrap">{''.join(f'<li><a href="{u}">{t}</a></li>' for t, u in nav)}</ul></div>
<div class="wrap content">
{crumb}
{main}
</div>
<div class="bottom"><div class="wrap">{'<br />'.join(esc(s) for s in f)}</div></div>
</body>
</html>
"""


def zt_article(x: Ctx, a: Article, crumbs, cn_dates=False):
    t = stamp(a.date, "zt5", a.key)
    shown = cn_full_date(a.date) if cn_dates else t.strftime("%Y年%m月%d日 %H:%M")
    main = f"""<div class="art">
<div class="art-tit">{esc(a.title)}</div>
<div class="art-info">发布日期：{shown}　作者：{esc(a.source)}　<span>【字体：<a href="javascript:fontZoom(16)">大</a> <a href="javascript:fontZoom(14)">中</a> <a href="javascript:fontZoom(12)">小</a>】</span></div>
<div class="art-con">
{content_html(a)}
</div>
</div>"""
    add_page(x, a.url, zt_shell(x, f"{a.title}", main, crumbs), t)


def zt_list(x: Ctx, col, title, items, per, crumbs, row, salt):
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)

    def name(k):
        return "index.html" if k == 1 else f"index_{k}.html"
    for k, chunk in enumerate(pages, 1):
        parts = [f"共{len(items)}条　{k}/{n}页"]
        parts.append(f'<a href="{name(1)}">首页</a>')
        if k > 1:
            parts.append(f'<a href="{name(k - 1)}">上一页</a>')
        if k < n:
            parts.append(f'<a href="{name(k + 1)}">下一页</a>')
        parts.append(f'<a href="{name(n)}">末页</a>')
        main = (f'<div class="lm-tit"><span>{esc(title)}</span></div>\n<ul class="lm-list">\n' + "\n".join(row(a) for a in chunk)
                + f'\n</ul>\n<div class="fy">{" ".join(parts)}</div>')
        body = zt_shell(x, f"{title}-{x.c.name}人民政府", main, crumbs)
        lm = stamp(max(a.date for a in items), salt, k)
        add_page(x, col + name(k), body, lm)


def zt_home(x: Ctx, slide_html, extra=""):
    c = x.c
    nh = "".join(f'<li><a href="{u}">{esc(t)}</a><span>{d}</span></li>' for t, u, d in home_news(c, "/xwzx/jryw/"))
    main = f"""<div class="focus"><div class="hd"><b>{c.short}要闻</b><a class="more" href="/xwzx/jryw/index.html">更多&gt;&gt;</a></div><ul>{nh}</ul></div>
<div class="ztzl"><div class="hd"><b>专题专栏</b></div>
{slide_html}
</div>
{extra}
<div class="yqlj">{''.join(f'<a href="{u}" target="_blank">{t}</a>' for t, u in offsite(c))}</div>"""
    body = zt_shell(x, f"{c.name}人民政府", main)
    lm = stamp(dt.date(2025, 6, 27), "home")
    add_page(x, f"{c.base}/", body, lm)
    add_page(x, f"{c.base}/index.html", body, lm)


def zt_gk(x: Ctx):
    c, B = x.c, x.c.base
    items = sort_desc([a for k, a in x.looks.items() if k.startswith("gk")])
    for a in items:
        x.place(a, f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('gk', c.adcode, a.key, lo=100000, hi=999999)}.html")
    cr = [("首页", "/index.html"), ("政务公开", "/zwgk/index.html"), ("政府信息公开年报", None)]
    zt_list(x, f"{B}/zwgk/xxgknb/", "政府信息公开年报", items, 15, cr,
            lambda a: f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a><span>{a.date.isoformat()}</span></li>', "nb")
    for a in items:
        zt_article(x, a, cr[:2] + [("政府信息公开年报", "/zwgk/xxgknb/index.html")])
    add_page(x, f"{B}/zwgk/index.html", zt_shell(x, f"政务公开-{c.name}人民政府", '<ul class="zwgk-links"><li><a href="/zwgk/xxgkzn/index.html">政府信息公开指南</a></li>'
                                                 '<li><a href="/zwgk/xxgknb/index.html">政府信息公开年报</a></li><li><a href="/zwgk/zcwj/index.html">政策文件</a></li>'
                                                 '<li><a href="/zwgk/rsxx/index.html">人事信息</a></li></ul>', [("首页", "/index.html"), ("政务公开", None)]),
             stamp(dt.date(2025, 3, 3), "zwgk"))


def build_ztslide(x: Ctx):
    c, L, B = x.c, x.looks, x.c.base
    zt_gk(x)
    others = [("xczx", "乡村振兴"), ("yshj", "优化营商环境"), ("aqsc", "安全生产月"), ("wmcj", "文明城市创建")]
    if c.adcode == "331121":  # 青田: slideshow <a title=…><img alt=""></a> → 法治青田 topic → 年度报告 (Chinese-numeral dates)
        slides = [("/ztzl/xczx/index.html", "乡村振兴", "xczx"), ("/ztzl/fzqt/index.html", "法治青田", "fzqt"),
                  ("/ztzl/yshj/index.html", "优化营商环境", "yshj"), ("/ztzl/aqsc/index.html", "安全生产月", "aqsc")]
        slide = ('<div class="slideBox"><div class="bd"><ul>' + "".join(
            f'<li><a href="{u}" target="_blank" title="{t}"><img src="/images/zt/{p}.jpg" alt="" /></a></li>' for u, t, p in slides)
            + '</ul></div><div class="hd"><ul></ul></div></div>\n<script type="text/javascript">jQuery(".slideBox").slide({mainCell:".bd ul",autoPlay:true});</script>')
        zt_home(x, slide)
        items = sort_desc(x.reports + [L["sfj_report"], L["town_report"], L["pref_report"]])
        col = f"{B}/ztzl/fzqt/ndbg/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('qt', a.key, lo=100000, hi=999999)}.html")
        dyn = sort_desc([L["news_meeting"], L["news_committee"], L["news_demo"], L["notice_plan"], L["shufa"]])
        for a in dyn:
            x.place(a, f"{B}/ztzl/fzqt/fzdt/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('qt', a.key, lo=100000, hi=999999)}.html")
        zc = [("首页", "/index.html"), ("专题专栏", None), ("法治青田", "/ztzl/fzqt/index.html")]

        def row(a):
            return f'<li><a href="{rel_path(a.url)}" target="_blank">{esc(a.title)}</a><span class="rq">{cn_full_date(a.date)}</span></li>'
        add_page(x, f"{B}/ztzl/fzqt/index.html", zt_shell(x, f"法治青田-{c.name}人民政府", f"""<div class="zt-banner"><img src="/images/zt/fzqt_banner.jpg" alt="法治青田" /></div>
<div class="zt-blk"><div class="hd"><b>法治动态</b><a class="more" href="fzdt/index.html">更多&gt;&gt;</a></div><ul>{''.join(row(a) for a in dyn[:4])}</ul></div>
<div class="zt-blk"><div class="hd"><b>法治政府建设年度报告</b><a class="more" href="ndbg/index.html">更多&gt;&gt;</a></div><ul>{''.join(row(a) for a in items[:3])}</ul></div>""",
                                                            zc[:2] + [("法治青田", None)]), stamp(items[0].date, "topic"))
        zt_list(x, col, "法治政府建设年度报告", items, 4, zc + [("法治政府建设年度报告", None)], row, "nd")
        zt_list(x, f"{B}/ztzl/fzqt/fzdt/", "法治动态", dyn, 10, zc + [("法治动态", None)], row, "dt")
        for a in items:
            zt_article(x, a, zc + [("法治政府建设年度报告", "/ztzl/fzqt/ndbg/index.html")], cn_dates=True)
        for a in dyn:
            zt_article(x, a, zc + [("法治动态", "/ztzl/fzqt/fzdt/index.html")], cn_dates=True)
        x.notes.update(depth=3, column="法治政府建设年度报告", path="首页 (专题专栏 slideshow: <a title=\"法治青田\"><img alt=\"\">)→法治青田→法治政府建设年度报告",
                       pager="index.html, index_2.html anchors", list="dates as Chinese numerals (二〇二四年三月二十一日), also on the article pages",
                       other="the topic is linked from nowhere else (no 专题专栏 index page)")
    elif c.adcode == "350821":  # 长汀: slideshow <img alt> only → 专题专栏 index (image tiles, alt only) → 法治长汀 → 年度报告; <br> / 全角空格 in titles
        slides = [(f"/ztzl/{p}/index.html", t, p) for p, t in others[:2]] + [("/ztzl/index.html", "更多专题", "more")]
        slide = ('<div class="picScroll"><ul>' + "".join(f'<li><a href="{u}"><img src="/images/zt/{p}.jpg" alt="{t}" /></a></li>' for u, t, p in slides)
                 + "</ul></div>")
        zt_home(x, slide)
        tiles = others + [("fzct", "法治长汀")]
        add_page(x, f"{B}/ztzl/index.html", zt_shell(x, f"专题专栏-{c.name}人民政府", '<ul class="zt-tiles">' + "".join(
            f'<li><a href="/ztzl/{p}/index.html" target="_blank"><img src="/images/zt/{p}_s.jpg" alt="{t}" /></a></li>' for p, t in tiles) + "</ul>",
            [("首页", "/index.html"), ("专题专栏", None)]), stamp(dt.date(2025, 1, 6), "ztidx"))
        items = sort_desc(x.reports + [L["dept_report"], L["sfj_report"], L["notice_submit"], L["prov_report"]])
        col = f"{B}/ztzl/fzct/ndbg/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('ct', a.key, lo=100000, hi=999999)}.html")
        zc = [("首页", "/index.html"), ("专题专栏", "/ztzl/index.html"), ("法治长汀", "/ztzl/fzct/index.html")]

        def shown_title(a):
            t = esc(a.title)
            if a.kind == "report" and a.year % 2 == 0 and "年度法治政府" in a.title:
                return t.replace("年度法治政府", "年度<br />法治政府", 1)
            if a.kind == "report" and "法治政府建设" in a.title:
                return t.replace("法治政府建设", "　法治政府建设", 1)
            return t

        def row(a):
            return f'<li><a href="{rel_path(a.url)}" target="_blank">{shown_title(a)}</a><span>{a.date.isoformat()}</span></li>'
        add_page(x, f"{B}/ztzl/fzct/index.html", zt_shell(x, f"法治长汀-{c.name}人民政府", f"""<div class="zt-nav"><a href="/ztzl/fzct/index.html">专题首页</a><a href="/ztzl/fzct/fzdt/index.html">法治动态</a><a href="/ztzl/fzct/ndbg/index.html">年度报告</a></div>
<div class="zt-blk"><div class="hd"><b>年度报告</b></div><ul>{''.join(row(a) for a in items[:2])}</ul></div>""",
                                                            zc[:2] + [("法治长汀", None)]), stamp(items[0].date, "topic"))
        zt_list(x, col, "年度报告", items, 3, zc + [("年度报告", None)], row, "nd")
        for a in items:
            zt_article(x, a, zc + [("年度报告", "/ztzl/fzct/ndbg/index.html")])
        x.notes.update(depth=4, column="年度报告", path="首页 (slideshow <img alt=\"更多专题\">)→专题专栏 (image tiles, alt only)→法治长汀→年度报告",
                       pager="index.html, index_2.html … anchors", list="report titles in the list with a <br /> or a full-width space "
                       "inside the <a> text; reports mixed with a department's, the 司法局's, the province's report and a notice")
    else:  # 宾川 (GBK): an image map <area href alt> on the homepage banner → 法治宾川 → 法治政府 → 年度报告; cut titles
        area = ('<div class="zt-map"><img src="/images/zt/ztzl_banner.jpg" usemap="#ztmap" width="1200" height="90" border="0" />'
                '<map name="ztmap" id="ztmap">'
                '<area shape="rect" coords="0,0,300,90" href="/zt/xczx/index.html" alt="乡村振兴" target="_blank" />'
                '<area shape="rect" coords="300,0,600,90" href="/zt/fzbc/index.html" alt="法治宾川" title="法治宾川" target="_blank" />'
                '<area shape="rect" coords="600,0,900,90" href="/zt/yshj/index.html" alt="优化营商环境" target="_blank" />'
                '<area shape="rect" coords="900,0,1200,90" href="/zt/wmcj/index.html" alt="文明城市创建" target="_blank" />'
                "</map></div>")
        zt_home(x, area)
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["town_report"], L["dept_report"], L["pref_report"], L["shufa"]])
        col = f"{B}/zt/fzbc/fzzf/ndbg/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y-%m')}/{a.date.day:02d}/content_{num('bc', a.key, lo=10000, hi=99999)}.htm")
        dyn = sort_desc([L["news_meeting"], L["news_committee"], L["news_demo"], L["notice_plan"]])
        for a in dyn:
            x.place(a, f"{B}/zt/fzbc/fzdt/{a.date.strftime('%Y-%m')}/{a.date.day:02d}/content_{num('bc', a.key, lo=10000, hi=99999)}.htm")
        zc = [("首页", "/index.html"), ("法治宾川", "/zt/fzbc/index.html")]

        def row(a):
            return (f'<li><a href="{rel_path(a.url)}" target="_blank" title="{esc(a.title)}">{esc(a.title if len(a.title) <= 18 else a.title[:18] + "…")}</a>'
                    f'<span>[{a.date.strftime("%Y-%m-%d")}]</span></li>')
        add_page(x, f"{B}/zt/fzbc/index.html", zt_shell(x, f"法治宾川-{c.name}人民政府", f"""<div class="zt-nav"><a href="/zt/fzbc/fzdt/index.html">法治动态</a><a href="/zt/fzbc/fzzf/index.html">法治政府</a><a href="/zt/fzbc/pfyf/index.html">普法依法治理</a></div>
<div class="zt-blk"><div class="hd"><b>法治动态</b><a class="more" href="/zt/fzbc/fzdt/index.html">更多</a></div><ul>{''.join(row(a) for a in dyn[:4])}</ul></div>""",
                                                          zc[:1] + [("法治宾川", None)]), stamp(dyn[0].date, "topic"))
        add_page(x, f"{B}/zt/fzbc/fzzf/index.html", zt_shell(x, f"法治政府-{c.name}人民政府", """<div class="zt-sub"><a href="/zt/fzbc/fzzf/ndbg/index.html">年度报告</a>
<a href="/zt/fzbc/fzzf/zdjc/index.html">重大行政决策</a><a href="/zt/fzbc/fzzf/xzzf/index.html">行政执法</a></div>""",
                                                               zc + [("法治政府", None)]), stamp(dt.date(2025, 2, 2), "fzzf"))
        zt_list(x, col, "年度报告", items, 4, zc + [("法治政府", "/zt/fzbc/fzzf/index.html"), ("年度报告", None)], row, "nd")
        zt_list(x, f"{B}/zt/fzbc/fzdt/", "法治动态", dyn, 10, zc + [("法治动态", None)], row, "dt")
        for a in items:
            zt_article(x, a, zc + [("法治政府", "/zt/fzbc/fzzf/index.html"), ("年度报告", "/zt/fzbc/fzzf/ndbg/index.html")])
        for a in dyn:
            zt_article(x, a, zc + [("法治动态", "/zt/fzbc/fzdt/index.html")])
        x.notes.update(depth=4, column="年度报告", path="首页 (image map <area alt=\"法治宾川\">)→法治宾川→法治政府→年度报告",
                       pager="index.html, index_2.html anchors", encoding="gbk (charset in header and <meta>)",
                       list="titles cut at 18 chars with …, full title only in title=; reports mixed with the 司法局's (2), a township's, "
                            "a department's, the prefecture's and a 述法 report")


# ==============================================================================================================
# family 4: rowclick — list rows are not anchors
# ==============================================================================================================


def rc_shell(x: Ctx, title, main, crumbs=(), nav=None):
    c = x.c
    nav = nav or [("首页", "/"), ("政务公开", "/zwgk/"), ("新闻中心", "/xwzx/"), ("政务服务", "/zwfw/"), ("互动交流", "/hdjl/")]
    crumb = ""
    if crumbs:
        crumb = '<div class="crumb">' + " / ".join(f'<a href="{u}">{esc(t)}</a>' if u else f"<span>{esc(t)}</span>" for t, u in crumbs) + "</div>"
    f = footer(c)
    return f"""<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<meta name="SiteIDCode" content="{c.code}">
<link rel="stylesheet" href="/assets/css/app.css">
<script src="/assets/js/jquery-3.6.0.min.js"></script>
</head>
<body>
<div class="g-head"><div class="g-logo"><img src="/assets/img/logo.png" alt="{c.name}人民政府"></div>
<ul class="g-nav">{''.join(f'<li><a href="{u}">{t}</a></li>' for t, u in nav)}</ul></div>
<div class="g-body">
{crumb}
{main}
</div>
<div class="g-foot">{' | '.join(esc(s) for s in f)}</div>
</body>
</html>
"""


def rc_article(x: Ctx, a: Article, crumbs, nav=None):
    t = stamp(a.date, "rc5", a.key)
    main = f"""<div class="article">
<h2 class="a-title">{esc(a.title)}</h2>
<p class="a-meta"><span>日期：{t.strftime('%Y-%m-%d')}</span><span>来源：{esc(a.source)}</span></p>
<div class="a-body">
{content_html(a)}
</div>
</div>"""
    add_page(x, a.url, rc_shell(x, f"{a.title}", main, crumbs, nav), t)


def rc_pages(x: Ctx, col, title, items, per, crumbs, rows_fn, pager_fn, salt, nav=None, name=None):
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)
    name = name or (lambda k: "index.html" if k == 1 else f"index_{k}.html")
    for k, chunk in enumerate(pages, 1):
        main = f'<div class="col-head">{esc(title)}</div>\n{rows_fn(chunk)}\n{pager_fn(k, n, name)}'
        body = rc_shell(x, f"{title}-{x.c.name}人民政府", main, crumbs, nav)
        lm = stamp(max(a.date for a in items), salt, k)
        add_page(x, col + name(k), body, lm)
        if k == 1:
            add_page(x, col, body, lm)


def build_rowclick(x: Ctx):
    c, L, B = x.c, x.looks, x.c.base
    nh = home_news(c, "/xwzx/jryw/")
    gk_items = sort_desc([a for k, a in L.items() if k.startswith("gk")])
    for a in gk_items:
        x.place(a, f"{B}/zwgk/xxgknb/{a.date.year}/{a.date.strftime('%m%d')}/{num('gk', c.adcode, a.key, lo=10000, hi=99999)}.html")
    for a in gk_items:
        rc_article(x, a, [("首页", "/"), ("政务公开", "/zwgk/"), ("政府信息公开年报", "/zwgk/xxgknb/")])
    add_page(x, f"{B}/zwgk/xxgknb/", rc_shell(x, f"政府信息公开年报-{c.name}人民政府", '<ul class="rows">' + "".join(
        f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a><i>{a.date.isoformat()}</i></li>' for a in gk_items) + "</ul>",
        [("首页", "/"), ("政务公开", "/zwgk/"), ("政府信息公开年报", None)]), stamp(gk_items[0].date, "nb"))
    home_main = ('<div class="h-news"><h3>' + c.short + '要闻</h3><ul>' + "".join(
        f'<li><a href="{u}">{esc(t)}</a><i>{d}</i></li>' for t, u, d in nh) + "</ul></div>")
    if c.adcode == "421123":  # 罗田: 政务公开 → 法定主动公开内容 → 法治政府建设: <li onclick="location.href='…'" title=…>cut…</li>
        dup_src = x.rep(2024)
        dup = Article(c, "duplicate", dup_src.title, dup_src.date, dup_src.lines, source=f"{c.name}人民政府办公室", dup_of=dup_src, key="dup2024")
        x.place(dup, f"{B}/xwzx/tzgg/{dup.date.year}/{dup.date.strftime('%m%d')}/{num('lt', 'dup', lo=10000, hi=99999)}.html")
        add_page(x, f"{B}/", rc_shell(x, f"{c.name}人民政府", home_main + f'<div class="h-tz"><h3>通知公告</h3><ul><li><a href="{rel_path(dup.url)}">{esc(cut(dup.title, 24))}</a></li></ul></div>'),
                 stamp(dt.date(2025, 6, 26), "home"))
        rc_article(x, dup, [("首页", "/"), ("通知公告", None)])
        add_page(x, f"{B}/zwgk/", rc_shell(x, f"政务公开-{c.name}人民政府", '<div class="cards"><a href="/zwgk/xxgkzn/">政府信息公开指南</a>'
                                          '<a href="/zwgk/fdzdgknr/">法定主动公开内容</a><a href="/zwgk/xxgknb/">政府信息公开年报</a></div>',
                                          [("首页", "/"), ("政务公开", None)]), stamp(dt.date(2025, 2, 3), "zwgk"))
        add_page(x, f"{B}/zwgk/fdzdgknr/", rc_shell(x, f"法定主动公开内容-{c.name}人民政府", '<div class="cards"><a href="/zwgk/fdzdgknr/jgzn/">机构职能</a>'
                                                   '<a href="/zwgk/fdzdgknr/zcwj/">政策文件</a><a href="/zwgk/fdzdgknr/fzzfjs/">法治政府建设</a>'
                                                   '<a href="/zwgk/fdzdgknr/czzj/">财政资金</a></div>',
                                                   [("首页", "/"), ("政务公开", "/zwgk/"), ("法定主动公开内容", None)]), stamp(dt.date(2025, 2, 3), "fd"))
        items = sort_desc(x.reports + [L["sfj_report"], L["dept_report"], L["news_meeting"], L["notice_plan"], L["town_report"], L["news_demo"]])
        col = f"{B}/zwgk/fdzdgknr/fzzfjs/"
        for a in items:
            x.place(a, f"{col}{a.date.year}/{a.date.strftime('%m%d')}/{num('lt', a.key, a.title, lo=10000, hi=99999)}.html")

        def rows(chunk):
            return '<ul class="rows">\n' + "\n".join(
                f'<li onclick="location.href=\'{rel_path(a.url)}\'" title="{esc(a.title)}" style="cursor:pointer"><span class="t">'
                f'{esc(a.title if len(a.title) <= 20 else a.title[:20] + "…")}</span><span class="d">{a.date.isoformat()}</span></li>' for a in chunk) + "\n</ul>"

        def pager(k, n, name):
            b = [f"<span>第{k}页/共{n}页</span>"]
            if k > 1:
                b.append(f'<button type="button" onclick="location.href=\'{name(k - 1)}\'">上一页</button>')
            if k < n:
                b.append(f'<button type="button" onclick="location.href=\'{name(k + 1)}\'">下一页</button>')
            return '<div class="pager">' + "".join(b) + "</div>"
        cr = [("首页", "/"), ("政务公开", "/zwgk/"), ("法定主动公开内容", "/zwgk/fdzdgknr/"), ("法治政府建设", None)]
        rc_pages(x, col, "法治政府建设", items, 4, cr, rows, pager, "fz")
        for a in items:
            rc_article(x, a, cr[:-1] + [("法治政府建设", "/zwgk/fdzdgknr/fzzfjs/")])
        x.notes.update(depth=3, column="法治政府建设", path="首页→政务公开→法定主动公开内容→法治政府建设",
                       pager="<button onclick=\"location.href='index_2.html'\"> only", list="<li onclick=\"location.href='…'\"> rows, "
                       "titles cut at 20 chars with …, full title in title=; mixed with news, a notice, the 司法局's, a department's, a township's",
                       other="2024 report re-posted in 通知公告 (homepage)")
    elif c.adcode == "340826":  # 宿松: 信息公开 → 法治政府建设 → 年度报告 table rows <tr data-href>
        add_page(x, f"{B}/", rc_shell(x, f"{c.name}人民政府", home_main + '<div class="h-gk"><h3>信息公开</h3><a href="/xxgk/">进入</a></div>',
                                      nav=[("首页", "/"), ("信息公开", "/xxgk/"), ("新闻中心", "/xwzx/"), ("政务服务", "/zwfw/")]),
                 stamp(dt.date(2025, 6, 26), "home"))
        nav = [("首页", "/"), ("信息公开", "/xxgk/"), ("新闻中心", "/xwzx/"), ("政务服务", "/zwfw/")]
        add_page(x, f"{B}/xxgk/", rc_shell(x, f"信息公开-{c.name}人民政府", '<div class="cards"><a href="/zwgk/xxgknb/">政府信息公开年报</a>'
                                          '<a href="/xxgk/fzzfjs/">法治政府建设</a><a href="/xxgk/zcwj/">政策文件</a><a href="/xxgk/jyta/">建议提案</a></div>',
                                          [("首页", "/"), ("信息公开", None)], nav), stamp(dt.date(2025, 2, 3), "xxgk"))
        add_page(x, f"{B}/xxgk/fzzfjs/", rc_shell(x, f"法治政府建设-{c.name}人民政府", '<div class="cards"><a href="/xxgk/fzzfjs/ndbg/">年度报告</a>'
                                                 '<a href="/xxgk/fzzfjs/gzdt/">工作动态</a><a href="/xxgk/fzzfjs/zfgs/">执法公示</a></div>',
                                                 [("首页", "/"), ("信息公开", "/xxgk/"), ("法治政府建设", None)], nav), stamp(dt.date(2025, 2, 3), "fz"))
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["pref_report"], L["prov_report"], L["shufa"]])
        col = f"{B}/xxgk/fzzfjs/ndbg/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('ss', a.key, lo=100000, hi=999999)}.html")

        def rows(chunk):
            trs = []
            for a in chunk:
                idx = f"{c.code[:6]}SS/{a.date.year}-{num('ssidx', a.key, lo=1, hi=9999):04d}"
                trs.append(f'<tr data-href="{rel_path(a.url)}"><td class="idx">{idx}</td><td class="tit">{esc(a.title)}</td>'
                           f'<td class="date">{a.date.isoformat()}</td></tr>')
            return ('<table class="gk-table"><thead><tr><th>索引号</th><th>名称</th><th>发布日期</th></tr></thead><tbody>\n' + "\n".join(trs)
                    + "\n</tbody></table>\n<script>$(function(){$('tr[data-href]').css('cursor','pointer').on('click',function(){window.open($(this).data('href'));});});</script>")

        def pager(k, n, name):
            return '<div class="pager">' + " ".join(f'<a href="{name(j)}">{j}</a>' if j != k else f"<b>{j}</b>" for j in range(1, n + 1)) + "</div>"
        cr = [("首页", "/"), ("信息公开", "/xxgk/"), ("法治政府建设", "/xxgk/fzzfjs/"), ("年度报告", None)]
        rc_pages(x, col, "年度报告", items, 4, cr, rows, pager, "nd", nav)
        for a in items:
            rc_article(x, a, cr[:-1] + [("年度报告", "/xxgk/fzzfjs/ndbg/")], nav)
        gz = sort_desc([L["news_meeting"], L["news_committee"], L["notice_submit"], L["dept_report"], L["town_report"]])
        for a in gz:
            x.place(a, f"{B}/xxgk/fzzfjs/gzdt/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('ss', a.key, lo=100000, hi=999999)}.html")
        rc_pages(x, f"{B}/xxgk/fzzfjs/gzdt/", "工作动态", gz, 10, cr[:-1] + [("工作动态", None)], rows, pager, "gz", nav)
        for a in gz:
            rc_article(x, a, cr[:-1] + [("工作动态", "/xxgk/fzzfjs/gzdt/")], nav)
        x.notes.update(depth=3, column="年度报告", path="首页→信息公开→法治政府建设→年度报告",
                       pager="numbered anchors index.html, index_2.html", list="<table> rows <tr data-href=…> (no <a>), "
                       "opened by a jQuery click handler; mixed with the 司法局's (2), the prefecture's, the province's report and a 述法 report")
    else:  # 林西: nav 法治林西 → 法治政府建设 → 年度报告: card divs onclick window.open, summaries, "查看更多" data-url
        nav = [("首页", "/"), ("政务公开", "/zwgk/"), ("法治林西", "/fzlx/"), ("新闻中心", "/xwzx/"), ("政务服务", "/zwfw/")]
        add_page(x, f"{B}/", rc_shell(x, f"{c.name}人民政府", home_main, nav=nav), stamp(dt.date(2025, 6, 26), "home"))
        add_page(x, f"{B}/zwgk/", rc_shell(x, f"政务公开-{c.name}人民政府", '<div class="cards"><a href="/zwgk/xxgknb/">政府信息公开年报</a>'
                                          '<a href="/zwgk/zcwj/">政策文件</a></div>', [("首页", "/"), ("政务公开", None)], nav), stamp(dt.date(2025, 2, 3), "zwgk"))
        items = sort_desc(x.reports + [L["sfj_report"], L["town_report"], L["dept_report"], L["news_meeting"], L["notice_plan"]])
        col = f"{B}/fzlx/fzzfjs/ndbg/"
        for a in items:
            x.place(a, f"{col}{a.date.strftime('%Y%m%d')}/n{num('lx', a.key, a.title, lo=1000000, hi=9999999)}.html")

        def title_shown(a):
            if a.kind == "report" and a.year % 2 == 1:
                return esc(a.title).replace(c.name, c.name + "　", 1)
            return esc(a.title)

        def rows(chunk):
            out = []
            for a in chunk:
                summ = esc(a.lines[0][:60]) + "……"
                out.append(f'<div class="news-card" onclick="window.open(\'{rel_path(a.url)}\',\'_blank\')"><h4>{title_shown(a)}</h4>'
                           f'<p class="summary">{summ}</p><time>{a.date.isoformat()}</time></div>')
            return '<div class="card-list">\n' + "\n".join(out) + "\n</div>"

        def pager(k, n, name):
            if k < n:
                return f'<div class="load-more"><button class="btn-more" data-url="{name(k + 1)}">查看更多</button></div>' \
                       "<script>$('.btn-more').click(function(){location.href=$(this).data('url');});</script>"
            return '<div class="load-more"><span>没有更多了</span></div>'
        cr = [("首页", "/"), ("法治林西", "/fzlx/"), ("法治政府建设", "/fzlx/fzzfjs/"), ("年度报告", None)]
        rc_pages(x, col, "年度报告", items, 3, cr, rows, pager, "nd", nav)
        for a in items:
            rc_article(x, a, cr[:-1] + [("年度报告", "/fzlx/fzzfjs/ndbg/")], nav)
        dyn = sort_desc([L["news_committee"], L["news_demo"], L["notice_submit"], L["shufa"]])
        for a in dyn:
            x.place(a, f"{B}/fzlx/fzdt/{a.date.strftime('%Y%m%d')}/n{num('lx', a.key, a.title, lo=1000000, hi=9999999)}.html")
        rc_pages(x, f"{B}/fzlx/fzdt/", "法治动态", dyn, 10, cr[:2] + [("法治动态", None)], rows, pager, "dt", nav)
        for a in dyn:
            rc_article(x, a, cr[:2] + [("法治动态", "/fzlx/fzdt/")], nav)
        add_page(x, f"{B}/fzlx/", rc_shell(x, f"法治林西-{c.name}人民政府", '<div class="cards"><a href="/fzlx/fzdt/">法治动态</a>'
                                          '<a href="/fzlx/fzzfjs/">法治政府建设</a><a href="/fzlx/pfyf/">普法依法治理</a></div>',
                                          cr[:1] + [("法治林西", None)], nav), stamp(dt.date(2025, 2, 3), "fzlx"))
        add_page(x, f"{B}/fzlx/fzzfjs/", rc_shell(x, f"法治政府建设-{c.name}人民政府", '<div class="cards"><a href="/fzlx/fzzfjs/ndbg/">年度报告</a>'
                                                 '<a href="/fzlx/fzzfjs/sfcj/">示范创建</a></div>', cr[:2] + [("法治政府建设", None)], nav),
                 stamp(dt.date(2025, 2, 3), "fz"))
        x.notes.update(depth=3, column="年度报告", path="首页→法治林西→法治政府建设→年度报告",
                       pager="a 查看更多 <button data-url=\"index_2.html\">", list="card <div onclick=\"window.open('…')\"> with a summary "
                       "(the report's first sentence); odd-year titles with a full-width space after the county name; mixed with the "
                       "司法局's, a township's, a department's report, news and a notice")


# ==============================================================================================================
# family 5: sfjhost — the reports are on the justice bureau's own site sfj.<domain>
# ==============================================================================================================


def sfj_host(c: County):
    return "sfj." + c.host.split(".", 1)[1]


def sf_shell(x: Ctx, title, main, crumbs=()):
    c = x.c
    nav = x.notes["sfj_nav"]
    crumb = ""
    if crumbs:
        crumb = '<div class="pos">当前位置：' + " » ".join(f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs) + "</div>"
    f = footer(c, org=f"{c.name}司法局", code=c.adcode + "0012")
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<meta name="SiteName" content="{c.name}司法局">
<meta name="SiteIDCode" content="{c.adcode}0012">
<link rel="stylesheet" href="/skin/css/style.css">
</head>
<body>
<div class="sf-top"><h1>{c.name}司法局</h1><a class="back" href="http://{c.host}/" target="_blank">{c.name}人民政府</a></div>
<div class="sf-nav">{''.join(f'<a href="{u}">{t}</a>' for t, u in nav)}</div>
<div class="sf-main">
{crumb}
{main}
</div>
<div class="sf-foot">{esc(f[0])}　{esc(f[1])}　{esc(f[2])}</div>
</body>
</html>
"""


def sf_article(x: Ctx, a: Article, crumbs, cn_dates=False):
    t = stamp(a.date, "sf5", a.key)
    shown = cn_full_date(a.date) if cn_dates else t.strftime("%Y-%m-%d")
    main = f"""<div class="sf-art"><h2>{esc(a.title)}</h2>
<div class="sf-info">发布时间：{shown}　来源：{esc(a.source)}</div>
<div class="sf-con">
{content_html(a)}
</div></div>"""
    add_page(x, a.url, sf_shell(x, a.title, main, crumbs), t)


def sf_list(x: Ctx, col, title, items, per, crumbs, salt, dates="iso", name=None):
    pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
    n = len(pages)
    name = name or (lambda k: "index.html" if k == 1 else f"index_{k - 1}.html")
    for k, chunk in enumerate(pages, 1):
        rows = []
        for a in chunk:
            d = {"iso": a.date.isoformat(), "cn": cn_full_date(a.date), "none": ""}[dates]
            rows.append(f'<li><a href="{rel_path(a.url)}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a>' + (f"<span>{d}</span>" if d else "") + "</li>")
        pg = " ".join(f'<a href="{name(j)}">{j}</a>' if j != k else f'<span class="cur">{j}</span>' for j in range(1, n + 1))
        nxt = f' <a href="{name(k + 1)}">下一页</a>' if k < n else ""
        main = f'<div class="sf-col"><h3>{esc(title)}</h3><ul>\n' + "\n".join(rows) + f'\n</ul><div class="sf-page">{pg}{nxt}</div></div>'
        body = sf_shell(x, f"{title}-{x.c.name}司法局", main, crumbs)
        lm = stamp(max(a.date for a in items), salt, k)
        add_page(x, col + name(k), body, lm, validators="iis")
        if k == 1 and name(1) != "":
            add_page(x, col, body, lm, validators="iis")


def portal_shell(x: Ctx, title, main, crumbs=(), extra_foot=""):
    c = x.c
    nav = [("首页", "/"), ("政务公开", "/zwgk/"), ("政府机构", "/zfjg/"), ("新闻中心", "/xwzx/"), ("专题专栏", "/ztzl/"), ("政务服务", "/zwfw/")]
    crumb = ""
    if crumbs:
        crumb = '<div class="where">当前位置：' + " &gt; ".join(f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs) + "</div>"
    f = footer(c)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<meta name="SiteIDCode" content="{c.code}">
<link rel="stylesheet" href="/res/css/main.css">
</head>
<body>
<div class="p-head"><img src="/res/img/banner.jpg" alt="{c.name}人民政府"></div>
<div class="p-nav">{''.join(f'<a href="{u}">{t}</a>' for t, u in nav)}</div>
<div class="p-main">
{crumb}
{main}
</div>
<div class="p-foot">{extra_foot}<p>{'　'.join(esc(s) for s in f)}</p></div>
</body>
</html>
"""


def build_sfjhost(x: Ctx):
    c, L, B = x.c, x.looks, x.c.base
    sh = sfj_host(c)
    S = f"http://{sh}"
    x.notes["sibling"] = sh
    nh = home_news(c, "/xwzx/jryw/")
    home_main = ('<div class="p-news"><h3>' + c.short + '要闻</h3><ul>' + "".join(
        f'<li><a href="{u}">{esc(t)}</a><span>{d}</span></li>' for t, u, d in nh) + "</ul></div>")
    gk_items = sort_desc([a for k, a in L.items() if k.startswith("gk")])
    for a in gk_items:
        x.place(a, f"{B}/zwgk/xxgknb/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('gk', c.adcode, a.key, lo=100000, hi=999999)}.html")
    for a in gk_items:
        t = stamp(a.date, "pgk", a.key)
        add_page(x, a.url, portal_shell(x, a.title, f"<h2>{esc(a.title)}</h2><p class=\"meta\">发布时间：{a.date.isoformat()}</p>"
                                                     f"<div class=\"con\">{body_paragraphs(a.lines)}</div>",
                                        [("首页", "/"), ("政务公开", "/zwgk/"), ("政府信息公开年报", "/zwgk/xxgknb/")]), t)
    add_page(x, f"{B}/zwgk/xxgknb/", portal_shell(x, f"政府信息公开年报-{c.name}人民政府", '<ul class="list">' + "".join(
        f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a><span>{a.date.isoformat()}</span></li>' for a in gk_items) + "</ul>",
        [("首页", "/"), ("政务公开", "/zwgk/"), ("政府信息公开年报", None)]), stamp(gk_items[0].date, "nb"))
    add_page(x, f"{B}/zwgk/", portal_shell(x, f"政务公开-{c.name}人民政府", '<ul class="list"><li><a href="/zwgk/xxgkzn/">政府信息公开指南</a></li>'
                                          '<li><a href="/zwgk/xxgknb/">政府信息公开年报</a></li><li><a href="/zwgk/zcwj/">政策文件</a></li>'
                                          '<li><a href="/zwgk/rsxx/">人事信息</a></li></ul>', [("首页", "/"), ("政务公开", None)]),
             stamp(dt.date(2025, 3, 1), "zwgk"))
    depts = [("县发展和改革局", "fgj", None), ("县教育局", "jyj", None), ("县公安局", "gaj", None), ("县司法局", "sfj", S + "/"),
             ("县财政局", "czj", None), ("县自然资源局", "zrzyj", None), ("县农业农村局", "nyncj", None)]
    if c.adcode == "511922":  # 南江: 政府机构 → 县司法局 (机构概况 page, 网址 link) → sfj home → 法治政府建设 → 年度报告; attachments
        x.notes["sfj_nav"] = [("首页", "/"), ("工作动态", "/gzdt/"), ("法治政府建设", "/fzzfjs/"), ("普法宣传", "/pfxc/"), ("公共法律服务", "/ggflfw/")]
        add_page(x, f"{B}/", portal_shell(x, f"{c.name}人民政府", home_main), stamp(dt.date(2025, 6, 26), "home"))
        add_page(x, f"{B}/zfjg/", portal_shell(x, f"政府机构-{c.name}人民政府", '<ul class="dept-list">' + "".join(
            f'<li><a href="/zfjg/{code}/">{c.short}{t}</a></li>' for t, code, _ in depts) + "</ul>", [("首页", "/"), ("政府机构", None)]),
            stamp(dt.date(2025, 1, 10), "zfjg"))
        add_page(x, f"{B}/zfjg/sfj/", portal_shell(x, f"县司法局-{c.name}人民政府", f"""<div class="dept-info"><h2>{c.name}司法局</h2>
<table class="jg"><tr><th>主要职责</th><td>负责全县法治政府建设的统筹协调、督促指导；承担行政复议、行政应诉工作；负责普法宣传和人民调解工作。</td></tr>
<tr><th>办公地址</th><td>{c.name}{TOWNS[c.adcode]}法治大道8号</td></tr>
<tr><th>门户网站</th><td><a href="{S}/" target="_blank">{S}</a></td></tr></table></div>""",
                                                   [("首页", "/"), ("政府机构", "/zfjg/"), ("县司法局", None)]), stamp(dt.date(2025, 1, 10), "sfjinfo"))
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["dept_report"], L["town_report"]])
        for a in items:
            x.place(a, f"{S}/fzzfjs/ndbg/{a.date.strftime('%Y%m')}/{num('nj', a.key, a.title, lo=1000, hi=9999)}.html")
        for y, nm, lead in ((2020, "附件1.docx", "附件1："), (2022, "附件.docx", "附件：")):
            a = x.rep(y)
            attach(x, a, f"{S}/uploadfiles/{a.date.strftime('%Y%m')}/{h('njatt', y)[:16]}.docx", nm, lead)
        dyn = sort_desc([L["news_meeting"], L["news_committee"], L["news_demo"], L["notice_submit"]])
        for a in dyn:
            x.place(a, f"{S}/gzdt/{a.date.strftime('%Y%m')}/{num('nj', a.key, a.title, lo=1000, hi=9999)}.html")
        cr = [("首页", "/"), ("法治政府建设", "/fzzfjs/")]
        add_page(x, f"{S}/", sf_shell(x, f"{c.name}司法局", '<div class="sf-home"><div class="blk"><h3>工作动态</h3><ul>' + "".join(
            f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a></li>' for a in dyn[:3]) + '</ul></div>'
            '<div class="blk"><h3>法治政府建设</h3><a href="/fzzfjs/">进入栏目</a></div></div>'), stamp(dyn[0].date, "sfhome"), validators="iis")
        add_page(x, f"{S}/fzzfjs/", sf_shell(x, f"法治政府建设-{c.name}司法局", '<ul class="sub"><li><a href="/fzzfjs/ndbg/">年度报告</a></li>'
                                             '<li><a href="/fzzfjs/zdjc/">重大行政决策</a></li><li><a href="/fzzfjs/xzfy/">行政复议</a></li></ul>',
                                             cr[:1] + [("法治政府建设", None)]), stamp(dt.date(2025, 2, 2), "sffz"), validators="iis")
        sf_list(x, f"{S}/fzzfjs/ndbg/", "年度报告", items, 5, cr + [("年度报告", None)], "nd")
        sf_list(x, f"{S}/gzdt/", "工作动态", dyn, 10, [("首页", "/"), ("工作动态", None)], "gz")
        for a in items:
            sf_article(x, a, cr + [("年度报告", "/fzzfjs/ndbg/")])
        for a in dyn:
            sf_article(x, a, [("首页", "/"), ("工作动态", "/gzdt/")])
        x.notes.update(depth=5, column="年度报告", path=f"www 首页→政府机构→县司法局 (机构概况, 门户网站 link)→{sh}→法治政府建设→年度报告",
                       pager="index.html, index_1.html anchors", list="the county's reports mixed with the 司法局's own (2), a department's, a township's",
                       other="2020 and 2022 reports only in .docx attachments shown as 附件1.docx / 附件.docx")
    elif c.adcode == "230124":  # 方正: footer 县直部门网站 <select> → sfj home → 依法治县 → 法治政府建设年度报告 (Chinese-numeral dates, list_N.html)
        x.notes["sfj_nav"] = [("首页", "/index.html"), ("司法动态", "/sfdt/"), ("依法治县", "/yfzx/"), ("法律服务", "/flfw/")]
        opts = "".join(f'<option value="{u or f"/zfjg/{code}/"}">{c.short}{t}</option>' for t, code, u in depts)
        sel = f'<div class="bmwz">县直部门网站：<select onchange="if(this.value!=\'\')window.open(this.value)"><option value="">请选择</option>{opts}</select></div>'
        add_page(x, f"{B}/", portal_shell(x, f"{c.name}人民政府", home_main, extra_foot=sel), stamp(dt.date(2025, 6, 26), "home"))
        items = sort_desc(x.reports + [L["sfj_report"], L["town_report"], L["pref_report"], L["shufa"], L["notice_plan"]])
        for a in items:
            x.place(a, f"{S}/yfzx/fzzfjsndbg/{a.date.year}{a.date.strftime('%m%d')}{num('fz', a.key, lo=10, hi=99)}.html")
        dyn = sort_desc([L["news_meeting"], L["news_demo"], L["dept_report"]])
        for a in dyn:
            x.place(a, f"{S}/sfdt/{a.date.year}{a.date.strftime('%m%d')}{num('fz', a.key, lo=10, hi=99)}.html")
        add_page(x, f"{S}/index.html", sf_shell(x, f"{c.name}司法局", '<div class="sf-home"><div class="blk"><h3>司法动态</h3><ul>' + "".join(
            f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a></li>' for a in dyn) + '</ul></div></div>'), stamp(dyn[0].date, "sfhome"), validators="iis")
        x.store.add(f"{S}/", None, status=302, location=f"{S}/index.html", note="redirect to index.html")
        cr = [("首页", "/index.html"), ("依法治县", "/yfzx/")]
        add_page(x, f"{S}/yfzx/", sf_shell(x, f"依法治县-{c.name}司法局", '<ul class="sub"><li><a href="/yfzx/fzzfjsndbg/list_1.html">法治政府建设年度报告</a></li>'
                                           '<li><a href="/yfzx/fzxc/list_1.html">法治宣传</a></li></ul>', cr[:1] + [("依法治县", None)]),
                 stamp(dt.date(2025, 2, 2), "yfzx"), validators="iis")
        sf_list(x, f"{S}/yfzx/fzzfjsndbg/", "法治政府建设年度报告", items, 4, cr + [("法治政府建设年度报告", None)], "nd", dates="cn",
                name=lambda k: f"list_{k}.html")
        sf_list(x, f"{S}/sfdt/", "司法动态", dyn, 10, [("首页", "/index.html"), ("司法动态", None)], "dt")
        for a in items:
            sf_article(x, a, cr + [("法治政府建设年度报告", "/yfzx/fzzfjsndbg/list_1.html")], cn_dates=True)
        for a in dyn:
            sf_article(x, a, [("首页", "/index.html"), ("司法动态", "/sfdt/")])
        x.notes.update(depth=3, column="法治政府建设年度报告", path=f"www 首页 (footer <select> 县直部门网站 → {sh})→依法治县→法治政府建设年度报告",
                       pager="list_1.html, list_2.html … anchors (the folder URL itself also answers)", list="dates as Chinese numerals; "
                       "mixed with the 司法局's, a township's, the prefecture's, a 述法 report and a notice",
                       other=f"http://{sh}/ answers 302 → /index.html")
    else:  # 汪清: 专题专栏 → 法治汪清 (sfj host) → 法治政府建设 → 年度报告 (dateless, 3 pages); 2024 re-posted in 通知公告; robots.txt
        x.notes["sfj_nav"] = [("首页", "/"), ("法治政府建设", "/fzzfjs/"), ("普法依法治理", "/pfyfzl/"), ("行政复议", "/xzfy/")]
        dup_src = x.rep(2024)
        dup = Article(c, "duplicate", dup_src.title, dup_src.date + dt.timedelta(days=2), dup_src.lines, source=f"{c.name}人民政府办公室",
                      dup_of=dup_src, key="dup2024")
        x.place(dup, f"{B}/xwzx/tzgg/{dup.date.strftime('%Y%m')}/t{dup.date.strftime('%Y%m%d')}_{num('wq', 'dup', lo=100000, hi=999999)}.html")
        add_page(x, f"{B}/", portal_shell(x, f"{c.name}人民政府", home_main + f'<div class="p-tz"><h3>通知公告</h3><ul><li><a href="{rel_path(dup.url)}">'
                                          f'{esc(dup.title)}</a></li></ul></div><div class="p-zt"><h3>专题专栏</h3><a href="/ztzl/">更多专题</a></div>'),
                 stamp(dt.date(2025, 6, 26), "home"))
        add_page(x, dup.url, portal_shell(x, dup.title, f"<h2>{esc(dup.title)}</h2><p class=\"meta\">发布时间：{dup.date.isoformat()}</p>"
                                                        f"<div class=\"con\">{body_paragraphs(dup.lines)}</div>",
                                          [("首页", "/"), ("通知公告", "/xwzx/tzgg/")]), stamp(dup.date, "dup"))
        topics = [("乡村振兴", "/ztzl/xczx/"), ("法治汪清", f"{S}/"), ("民族团结进步", "/ztzl/mztj/"), ("安全生产", "/ztzl/aqsc/")]
        add_page(x, f"{B}/ztzl/", portal_shell(x, f"专题专栏-{c.name}人民政府", '<ul class="zt">' + "".join(
            f'<li><a href="{u}" target="_blank">{t}</a></li>' for t, u in topics) + "</ul>", [("首页", "/"), ("专题专栏", None)]),
            stamp(dt.date(2025, 1, 5), "ztzl"))
        items = sort_desc(x.reports + [L["sfj_report"], L["sfj_report2"], L["dept_report"], L["prov_report"], L["town_report"]])
        for a in items:
            x.place(a, f"{S}/fzzfjs/ndbg/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('wq', a.key, lo=100000, hi=999999)}.html")
        att = x.rep(2019)
        attach(x, att, f"{S}/fzzfjs/ndbg/{att.date.strftime('%Y%m')}/P020{att.date.strftime('%Y%m%d')}{num('wqa', 1, lo=100000, hi=999999)}.docx",
               "附件1.docx", "附件1：")
        pf = sort_desc([L["news_meeting"], L["news_committee"], L["notice_submit"], L["shufa"], L["news_demo"]])
        for a in pf:
            x.place(a, f"{S}/pfyfzl/{a.date.strftime('%Y%m')}/t{a.date.strftime('%Y%m%d')}_{num('wq', a.key, lo=100000, hi=999999)}.html")
        add_page(x, f"{S}/", sf_shell(x, f"法治汪清", '<div class="sf-home"><div class="blk"><h3>普法依法治理</h3><ul>' + "".join(
            f'<li><a href="{rel_path(a.url)}">{esc(a.title)}</a></li>' for a in pf[:4]) + '</ul></div></div>'), stamp(pf[0].date, "sfhome"), validators="iis")
        add_page(x, f"{S}/fzzfjs/", sf_shell(x, f"法治政府建设-法治汪清", '<ul class="sub"><li><a href="/fzzfjs/ndbg/">年度报告</a></li>'
                                             '<li><a href="/fzzfjs/qzqd/">权责清单</a></li></ul>', [("首页", "/"), ("法治政府建设", None)]),
                 stamp(dt.date(2025, 2, 2), "sffz"), validators="iis")
        x.store.add(f"{S}/robots.txt", "User-agent: *\nDisallow: /admin/\nDisallow: /search/\n", ext="txt", ctype="text/plain",
                    lm=stamp(dt.date(2023, 5, 1), "robots"))
        cr = [("首页", "/"), ("法治政府建设", "/fzzfjs/")]
        sf_list(x, f"{S}/fzzfjs/ndbg/", "年度报告", items, 3, cr + [("年度报告", None)], "nd", dates="none")
        sf_list(x, f"{S}/pfyfzl/", "普法依法治理", pf, 10, [("首页", "/"), ("普法依法治理", None)], "pf")
        for a in items:
            sf_article(x, a, cr + [("年度报告", "/fzzfjs/ndbg/")])
        for a in pf:
            sf_article(x, a, [("首页", "/"), ("普法依法治理", "/pfyfzl/")])
        x.notes.update(depth=4, column="年度报告", path=f"www 首页→专题专栏→法治汪清 ({sh})→法治政府建设→年度报告",
                       pager="index.html, index_1.html, index_2.html anchors", list="dateless rows; mixed with the 司法局's (2), "
                       "a department's, a township's and the province's report",
                       other="2019 report only in a .docx (附件1.docx); 2024 report re-posted in the portal's 通知公告; robots.txt on the sfj host")


BUILDERS = {"gkdltree": build_gkdltree, "jswrite": build_jswrite, "ztslide": build_ztslide, "rowclick": build_rowclick,
            "sfjhost": build_sfjhost}

OPTS = {
    "370124": {"styles": {2024: "cn_year_nianbao"}},
    "140723": {"styles": {2019: "no_year"}},
    "450224": {"styles": {2020: "no_county"}},
    "331121": {"styles": {2021: "no_year_gov"}},
    "532924": {"styles": {2022: "quanwen"}},
    "340826": {"styles": {2023: "dangzheng_nianbao"}},
    "222424": {"styles": {2022: "jinzhan"}},
}


# --------------------------------------------------------------------------------------------------------------
# links: one extractor for the placeholder closure and for the BFS check (href/src/data-href/data-url/area, <option>
# values, string literals in scripts and on* handlers after JS unescaping, createPageHTML(n, cur, "index", "html"))
# --------------------------------------------------------------------------------------------------------------

ATTR_RE = re.compile(r"""\b(?:href|src|data-href|data-url)\s*=\s*(["'])(.*?)\1""", re.I | re.S)
OPT_RE = re.compile(r"""<option\b[^>]*?\bvalue\s*=\s*(["'])(.*?)\1""", re.I | re.S)
SCRIPT_RE = re.compile(r"<script\b[^>]*>(.*?)</script>", re.I | re.S)
ONATTR_RE = re.compile(r"""\bon\w+\s*=\s*"(.*?)\"""", re.I | re.S)
LIT_RE = re.compile(r"""(["'])((?:https?://|/|\./|\.\./)[^"'\s<>]*|[\w\-]+\.(?:html?|shtml|js))\1""")
CPH_RE = re.compile(r"""createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([\w\-]+)["']\s*,\s*["'](\w+)["']\s*\)""")


def js_unescape(s: str) -> str:
    s = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)
    return s.replace("\\/", "/").replace('\\"', '"').replace("\\'", "'")


def links_of(url: str, text: str, is_js=False) -> list:
    raw = []
    if is_js:
        chunks = [text]
    else:
        for rx in (ATTR_RE, OPT_RE):
            raw += [html.unescape(m.group(2)) for m in rx.finditer(text)]
        chunks = [m.group(1) for m in SCRIPT_RE.finditer(text)] + [html.unescape(m.group(1)) for m in ONATTR_RE.finditer(text)]
    for ch in chunks:
        u = js_unescape(ch)
        raw += [m.group(2) for m in ATTR_RE.finditer(u)]
        raw += [m.group(2) for m in LIT_RE.finditer(u)]
        for m in CPH_RE.finditer(u):
            n, pre, ext = int(m.group(1)), m.group(3), m.group(4)
            raw += [f"{pre}.{ext}"] + [f"{pre}_{k}.{ext}" for k in range(1, n)]
    out = []
    for href in raw:
        href = href.strip()
        if not href or href.startswith(("javascript:", "#", "mailto:", "tel:")) or re.fullmatch(r"\d+", href):
            continue
        if "'" in href or "+" in href:
            continue
        out.append(urllib.parse.urljoin(url, href).split("#", 1)[0])
    return out


STATIC_RE = re.compile(r"\.(jpg|jpeg|png|gif|css|ico|svg)$", re.I)


def is_asset(u, store):
    p = urllib.parse.urlsplit(u).path
    if STATIC_RE.search(p):
        return True
    if p.endswith(".js") and u not in store.entries:
        return True  # scripts other than the recorded list scripts (jquery, page.js) are not recorded
    if p.startswith("/api/visit.php"):
        return True
    return False


def decode_body(store, u, e):
    data = store.bodies[e["body"]] if isinstance(store, Store) else store(e["body"])
    host = urllib.parse.urlsplit(u).hostname
    return data.decode(enc_of(host))


def close_links(store: Store, ctxs):
    def links(u, e):
        ct = e["headers"].get("Content-Type", "")
        return links_of(u, decode_body(store, u, e), is_js="javascript" in ct) if ct.startswith("text/html") or "javascript" in ct else []

    def stub(x, v):
        c, vh = x.c, urllib.parse.urlsplit(v).hostname
        enc = enc_of(vh)
        title = "栏目页面" if v.endswith("/") or "index" in v or "list" in v else "信息页面"
        return f"""<!DOCTYPE html>
<html><head><meta charset="{'gb2312' if enc == 'gbk' else 'utf-8'}"><title>{title}-{c.name}{'司法局' if vh.startswith('sfj.') else '人民政府'}</title></head>
<body><div class="top"><a href="http://{vh}/">{c.name}{'司法局' if vh.startswith('sfj.') else '人民政府'}</a></div>
<div class="main"><p>本栏目信息正在更新中。</p></div>
<div class="foot">{esc(footer(c)[0])}</div></body></html>
""", enc
    return fb.close_links(store, ctxs, links, lambda v: is_asset(v, store), stub, dt.date(2025, 5, 20))


# --------------------------------------------------------------------------------------------------------------
# build
# --------------------------------------------------------------------------------------------------------------


def build(out: Path):
    STYLE_PTR[0] = 5
    sources = fb.load_sources(2024)
    store = Store()
    used: set = set()
    ctxs = fb.build_counties(store, COUNTIES, OPTS, BUILDERS, lambda c: report_articles(c, sources, used), lookalikes)
    n_stubs = close_links(store, ctxs)

    reports, pages = [], []
    for x in ctxs:
        reports += fb.report_gold(x, store, lambda a: enc_of(urllib.parse.urlsplit(a.url).hostname), text_source=True)
        pages += fb.page_gold(x, levels=True)

    robots, redirects = fb.robots_and_redirects(store)
    offs = set()
    for x in ctxs:
        for t, u in offsite(x.c):
            offs.add(u)
    http = {
        "flaky": [u for u, e in store.entries.items() if e["fail_first"]], "slow": [], "dead_host_epoch1": [], "moved_host": [],
        "redirect_loops": [], "broken_links": [], "huge_pages": [], "offsite_urls": sorted(offs), "robots": robots,
        "wrong_charset_header": [], "gbk_sites": sorted(GBK_HOSTS),
        "no_charset_in_header": [], "no_validators": sorted(store.no_validators),
        "sibling_hosts": [{"adcode": x.c.adcode, "county": x.c.name, "main": x.c.host, "sibling": x.notes["sibling"],
                           "why": "政府信息公开 platform on a subdomain" if x.c.family == "gkdltree" else "the justice bureau's own site"}
                          for x in ctxs if "sibling" in x.notes],
        "json_list_api": [], "search_forms": [],
        "script_lists": [{"adcode": x.c.adcode, "county": x.c.name, "how": x.notes.get("list")} for x in ctxs if x.c.family == "jswrite"],
        "shell_pages": [],
        "placeholder_pages": sorted(u for u, e in store.entries.items() if e["note"] == "placeholder"),
        "redirects": redirects,
        "columns": fb.columns_gold(ctxs, ("gk_entry", "sfj_nav")),
    }

    epochs = {"epoch_dates": {"1": EPOCH1.isoformat()}, "new_in_epoch2": [], "corrected": [], "deleted": [], "redesign": None,
              "dead_in_epoch1": []}
    fb.write_set(out, store, reports, pages, http, epochs, COUNTIES)
    return ctxs, reports, pages, store, n_stubs


# --------------------------------------------------------------------------------------------------------------
# self-consistency check of a written set (a sanity check of this generator, not of any crawler)
# --------------------------------------------------------------------------------------------------------------


def verify(out: Path) -> list:
    def skip(v, entries):
        path = urllib.parse.urlsplit(v).path
        return bool(STATIC_RE.search(path)) or (path.endswith(".js") and v not in entries) or path.startswith("/api/visit.php")

    return fb.verify(out, lambda u, text, ct: links_of(u, text, is_js="javascript" in ct), enc_of, skip,
                     lambda ct: ct.startswith("text/html") or "javascript" in ct)


if __name__ == "__main__":
    fb.main(build, DEFAULT_OUT, verify)
