#!/usr/bin/env python3
"""The shared machinery of the recorded portal sets' builders (tests/tools/build_families3.py … build_families6.py):
the store of recorded responses, counties, report texts derived from the bundled snapshot's gold (names replaced),
title styles, look-alike texts (departments', townships', the prefecture's reports, 政府信息公开 annual reports,
述法 reports, notices, news), the .docx writer, per-county contexts, writing a set and comparing two builds.

Each set's builder holds only its own site shapes and tables (registered here with `register`); a rebuild of every
set is byte-identical (`--check`).
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import filecmp
import hashlib
import html
import io
import json
import random
import shutil
import sys
import tempfile
import urllib.parse
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EPOCH1 = dt.date(2024, 7, 1)  # sets 3 and 4: July 2024 (reports on 2019–2023)
SRC_GOLD = REPO / "tests/fixtures/portal/gold/reports.jsonl"
SRC_COUNTIES = REPO / "tests/fixtures/portal/counties.csv"

esc = html.escape


def h(*parts) -> str:
    return hashlib.md5("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def num(*parts, lo=1000, hi=99999) -> int:
    return lo + int(h(*parts)[:8], 16) % (hi - lo)


def rng(*parts) -> random.Random:
    return random.Random(h(*parts))


CN_DIGITS = "〇一二三四五六七八九"


def cn_year(y: int) -> str:
    return "".join(CN_DIGITS[int(c)] for c in str(y))


def http_date(t: dt.datetime) -> str:
    return t.strftime("%a, %d %b %Y %H:%M:%S GMT")


def stamp(d: dt.date, *salt) -> dt.datetime:
    r = rng("time", d, *salt)
    return dt.datetime(d.year, d.month, d.day, r.randint(1, 9), r.randint(0, 59), r.randint(0, 59))


def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# --------------------------------------------------------------------------------------------------------------
# the store of recorded responses
# --------------------------------------------------------------------------------------------------------------


class Store:
    def __init__(self):
        self.entries: dict[str, dict] = {}
        self.bodies: dict[str, bytes] = {}
        self.no_validators: set[str] = set()

    def add(self, url, body, *, ext="html", ctype=None, enc="utf-8", charset_header=True, header_charset=None,
            lm: dt.datetime | None = None, validators="nginx", status=200, location=None, note="",
            fail_first=0, delay_ms=0):
        assert url not in self.entries, url
        assert url.startswith("http://"), url
        headers = {}
        path = None
        if body is not None:
            data = body if isinstance(body, bytes) else body.encode(enc)
            sha = hashlib.sha1(data).hexdigest()
            path = f"bodies/{sha[:2]}/{sha}.{ext}"
            self.bodies[path] = data
            if ctype is None:
                ctype = "text/html"
            if ctype.startswith("text/") or ctype.startswith("application/json") or ctype.endswith("xml"):
                if charset_header:
                    ctype = f"{ctype}; charset={header_charset or enc.upper().replace('GBK', 'GBK')}"
            headers["Content-Type"] = ctype
            if validators and lm is not None:
                headers["Last-Modified"] = http_date(lm)
                if validators == "nginx":
                    headers["ETag"] = '"%x-%x"' % (int(lm.replace(tzinfo=dt.timezone.utc).timestamp()), len(data))
                elif validators == "iis":
                    headers["ETag"] = '"%s:0"' % h("etag", url)[:16]
                elif validators == "lm-only":
                    pass
            else:
                self.no_validators.add(urllib.parse.urlsplit(url).hostname)
        if location:
            headers["Location"] = location
        self.entries[url] = {"url": url, "epochs": [1], "status": status, "headers": headers, "body": path,
                             "delay_ms": delay_ms, "fail_first": fail_first, "note": note}
        return self.entries[url]

    def validators_of(self, url):
        e = self.entries[url]["headers"]
        return e.get("ETag"), e.get("Last-Modified")


# --------------------------------------------------------------------------------------------------------------
# counties
# --------------------------------------------------------------------------------------------------------------


@dataclass
class County:
    adcode: str
    province: str
    prefecture: str
    name: str
    host: str
    family: str
    years: list
    short: str = ""
    code: str = ""
    opts: dict = field(default_factory=dict)

    def __post_init__(self):
        if not self.short:
            n = self.name
            for suf in ("苗族自治县", "县"):
                if n.endswith(suf):
                    self.short = n[: -len(suf)]
                    break
        self.code = self.code or (self.adcode + "0001")

    @property
    def pshort(self):
        return self.prefecture[:-1] if self.prefecture.endswith("市") else self.prefecture

    @property
    def base(self):
        return f"http://{self.host}"


# tables of the place names the shared pieces use, filled by each set's builder (`register`): keyed by adcode /
# province / prefecture, so the sets' entries never collide
TOWNS: dict[str, str] = {}
PROVINCE_PORTAL: dict[str, str] = {}
PREFECTURE_PORTAL: dict[str, str] = {}
ICP: dict[str, str] = {}  # province (first two characters) → the short name of its ICP filings


def register(*, towns=None, province_portal=None, prefecture_portal=None, icp=None):
    TOWNS.update(towns or {})
    PROVINCE_PORTAL.update(province_portal or {})
    PREFECTURE_PORTAL.update(prefecture_portal or {})
    ICP.update(icp or {})


DEPTS = ["市场监督管理局", "自然资源局", "农业农村局", "人力资源和社会保障局", "住房和城乡建设局", "卫生健康委员会",
         "交通运输局", "应急管理局", "生态环境分局", "教育体育局"]

# --------------------------------------------------------------------------------------------------------------
# report bodies from the bundled snapshot's gold
# --------------------------------------------------------------------------------------------------------------


def load_sources(last_year=2023):
    """The bundled snapshot's gold reports usable as sources, by year (2019…`last_year`)."""
    counties = {r["adcode"]: r for r in csv.DictReader(open(SRC_COUNTIES, encoding="utf-8"))}
    out = {}
    for line in open(SRC_GOLD, encoding="utf-8"):
        g = json.loads(line)
        if g["report_id"] == "141029-2023":  # the one real report: never used
            continue
        if not (g["county"].endswith("县") and len(g["county"]) >= 3):
            continue
        if "mojibake" in g["noise"] or g.get("lost_spans"):
            continue
        if any("clean_text" in v or "indicators" in v for v in g["versions"]):
            continue
        if not 2019 <= g["report_year"] <= last_year:
            continue
        if f"{g['report_year']}年" not in g["clean_text"][:300]:
            continue
        g["_src_prefecture"] = counties[g["adcode"]]["prefecture"]
        g["_src_province"] = counties[g["adcode"]]["province"]
        out.setdefault(g["report_year"], []).append(g)
    for y in out:
        out[y].sort(key=lambda g: g["report_id"])
    return out


def src_short(name: str) -> str:
    if "自治县" in name:
        for k in ("满族", "苗族", "土家族", "回族", "蒙古族", "瑶族", "侗族"):
            if k in name:
                return name.split(k)[0]
    return name[:-1]


def prov_short(p):
    for k in ("内蒙古", "黑龙江", "广西", "宁夏", "新疆", "西藏"):
        if p.startswith(k):
            return k
    return p[:2]


def derive(src: dict, c: County, prov=lambda p: p[:2]) -> dict:
    """A source report's texts with its county's, prefecture's and province's names replaced by `c`'s (`prov`: the
    province's short name)."""
    pairs = [(src["county"], "\x01"), (src_short(src["county"]), "\x02"),
             (src["_src_prefecture"], "\x03"), (src["_src_prefecture"][:-1], "\x04"),
             (src["_src_province"], "\x05"), (prov(src["_src_province"]), "\x06")]
    back = [("\x01", c.name), ("\x02", c.short), ("\x03", c.prefecture), ("\x04", c.pshort),
            ("\x05", c.province), ("\x06", prov(c.province))]

    def sub(s):
        for a, b in pairs:
            s = s.replace(a, b)
        for a, b in back:
            s = s.replace(a, b)
        return s

    text = sub(src["clean_text"])
    assert src["county"] not in text and src_short(src["county"]) not in text.replace(c.short, "").replace(c.name, "")
    sections = [dict(s, title=sub(s["title"])) for s in src["sections"]]
    inds = []
    for i in src["indicators"]:
        i2 = dict(i, surface=sub(i["surface"]))
        assert i2["surface"] in text, (src["report_id"], i2["surface"])
        inds.append(i2)
    for s in sections:
        if s["level"] <= 2:
            assert s["title"] in text, (src["report_id"], s["title"])
    return {"clean_text": text, "sections": sections, "indicators": inds, "issuer": sub(src["issuer"]),
            "signed": src["signed"], "derived_from": src["report_id"]}


# title wordings: (label, function(c, y) -> title, needs_party_issuer)
TITLE_STYLES = [
    ("nianbao", lambda c, y: f"{c.name}{y}年法治政府建设年度报告", False),
    ("qingkuang", lambda c, y: f"{c.name}{y}年度法治政府建设情况报告", False),
    ("zhengfu_guanyu", lambda c, y: f"{c.name}人民政府关于{y}年度法治政府建设情况的报告", False),
    ("dangzheng", lambda c, y: f"中共{c.name}委 {c.name}人民政府关于{y}年法治政府建设工作情况的报告", True),
    ("zongjie", lambda c, y: f"{c.name}{y}年法治政府建设工作总结", False),
    ("anpai", lambda c, y: f"{c.name}关于{y}年法治政府建设工作情况和{y + 1}年工作安排的报告", False),
    ("cn_year", lambda c, y: f"{c.name}{cn_year(y)}年度法治政府建设工作报告", False),
    ("no_year", lambda c, y: f"{c.name}法治政府建设年度报告", False),
    ("no_year_gov", lambda c, y: f"{c.name}人民政府关于法治政府建设工作情况的报告", False),
    ("no_county", lambda c, y: f"关于{y}年度法治政府建设情况的报告", False),
    ("year_first", lambda c, y: f"{y}年{c.name}法治政府建设工作情况", False),
    ("gov_gongzuo", lambda c, y: f"{c.name}人民政府{y}年度法治政府建设工作报告", False),
    ("tuijin", lambda c, y: f"{c.name}{y}年推进法治政府建设情况报告", False),
    ("de_baogao", lambda c, y: f"{c.name}{y}年度法治政府建设情况的报告", False),
]


# --------------------------------------------------------------------------------------------------------------
# articles
# --------------------------------------------------------------------------------------------------------------


@dataclass
class Article:
    county: County
    kind: str  # report | department_report | prefecture_report | other_annual_report | notice | news | duplicate
    title: str
    date: dt.date
    lines: list
    year: int | None = None
    url: str = ""
    report: dict | None = None  # gold fields for reports
    attachment: str | None = None  # attachment URL (the text is only there)
    source: str = ""  # 来源 / 发布机构
    dup_of: "Article | None" = None
    key: str = ""
    date_on_page: bool = True
    extra: dict = field(default_factory=dict)

    @property
    def report_id(self):
        return f"{self.county.adcode}-{self.year}"


STYLE_PTR = [0]


def report_articles(c: County, sources_by_year, used, styles=None, ptr=None, epoch1=EPOCH1, salt="",
                    prov=lambda p: p[:2]) -> list:
    """The county's reports: a source report per year (never one used before), a title style in turn from `styles`
    (the pointer `ptr` carries the turn from county to county), published before `epoch1`."""
    out = []
    styles = TITLE_STYLES if styles is None else styles
    ptr = STYLE_PTR if ptr is None else ptr
    for i, y in enumerate(c.years):
        pool = [s for s in sources_by_year[y] if s["report_id"] not in used]
        r = rng(f"src{salt}", c.adcode, y)
        src = pool[r.randrange(len(pool))]
        used.add(src["report_id"])
        d = derive(src, c, prov)
        party = d["issuer"].startswith("中共")
        forced = c.opts.get("styles", {}).get(y)
        labels = [lab for lab, _, _ in styles]
        k = labels.index(forced) if forced else ptr[0]
        for j in range(len(styles)):
            label, fn, need_party = styles[(k + j) % len(styles)]
            if forced:
                break
            if need_party and not party:
                continue
            if label in ("no_year", "no_year_gov", "no_county") and y not in (2019, 2020, 2021):
                continue  # titles without the year: older reports only
            break
        if not forced:
            ptr[0] = (k + j + 1) % len(styles)
        title = fn(c, y)
        signed = dt.date.fromisoformat(d["signed"])
        delay = rng(f"pub{salt}", c.adcode, y).choice([0, 1, 2, 3, 5, 7, 9, 12, 16, 21, 28, 35])
        pub = min(signed + dt.timedelta(days=delay), epoch1 - dt.timedelta(days=3))
        if pub < signed:
            pub = signed
        lines = d["clean_text"].split("\n")
        a = Article(c, "report", title, pub, lines, year=y, report=d, source=f"{c.name}司法局" if i % 2 else f"{c.name}人民政府办公室",
                    key=f"rep{y}")
        a.extra["title_style"] = label
        out.append(a)
    return out


def dept_report_lines(org, c, y, kind_seed):
    r = rng("dept", org, y, kind_seed)
    n1, n2, n3, n4 = r.randint(3, 9), r.randint(12, 260), r.randint(6, 40), r.randint(800, 6000)
    yn = y + 1
    d = dt.date(yn, r.randint(1, 3), r.randint(2, 27))
    return [
        f"{y}年，{org}在县委、县政府的正确领导下，坚持以习近平新时代中国特色社会主义思想为指导，紧紧围绕本部门职责依法履职，"
        f"各项工作有序推进。现将本单位{y}年度法治政府建设工作情况报告如下。",
        "一、主要工作开展情况",
        f"（一）压实工作责任。单位主要负责人认真履行推进法治建设第一责任人职责，全年召开党组会议专题研究法治建设工作{n1}次，"
        "制定本单位年度法治建设工作计划，明确责任股室和完成时限。",
        f"（二）规范行政执法。严格落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，全年办理行政执法案件{n2}件，"
        "案卷评查合格率逐年提升。",
        f"（三）深化普法宣传。落实“谁执法谁普法”责任制，开展“宪法宣传周”“民法典宣传月”等主题活动{n3}场次，发放宣传资料{n4}余份。",
        "二、存在的不足",
        "一是执法人员专业能力与新形势新任务相比还有差距；二是普法宣传的针对性和实效性有待增强；三是信息化执法手段运用不够充分。",
        f"三、{yn}年工作打算",
        f"{yn}年，我们将持续学习贯彻习近平法治思想，进一步健全依法决策机制，提升行政执法规范化水平，推动本部门法治建设再上新台阶。",
        org,
        cn_date(d),
    ], d


def township_lines(town, c, y):
    r = rng("town", town, y)
    yn = y + 1
    d = dt.date(yn, r.randint(1, 2), r.randint(3, 26))
    return [
        f"{y}年，{town}党委、政府在县委、县政府的坚强领导下，认真落实法治政府建设各项工作任务，基层依法治理水平不断提升。现将有关情况报告如下：",
        "一、工作开展情况",
        f"（一）坚持党政主要负责人带头学法。镇党委理论学习中心组全年开展集中学法{r.randint(4, 12)}次，镇村干部学法用法覆盖率达到百分之百。",
        f"（二）依法化解基层矛盾。整合司法所、派出所和村（社区）调解力量，全年排查调处矛盾纠纷{r.randint(40, 300)}起。",
        f"（三）推进村（居）法律顾问全覆盖。为辖区{r.randint(8, 30)}个村（社区）配备法律顾问，开展法律咨询{r.randint(50, 400)}人次。",
        "二、存在的问题",
        "部分村干部法治意识仍需增强，基层执法力量较为薄弱。",
        f"三、{yn}年工作思路",
        "持续推进基层法治建设，健全矛盾纠纷多元化解机制，着力打造法治乡村。",
        f"中共{c.name}{town}委员会",
        f"{c.name}{town}人民政府",
        cn_date(d),
    ], d


def prefecture_lines(c, y):
    r = rng("pref", c.prefecture, y)
    yn = y + 1
    d = dt.date(yn, r.randint(1, 3), r.randint(2, 27))
    p = c.prefecture
    return [
        f"{y}年，{p}坚持以习近平法治思想为指导，全面贯彻落实党中央、国务院关于法治政府建设的决策部署，统筹推进全市依法行政各项工作。现将有关情况报告如下。",
        f"一、{y}年法治政府建设主要举措和成效",
        f"（一）健全依法行政制度体系。全年审核市政府规范性文件{r.randint(10, 60)}件，备案审查各县（市、区）规范性文件{r.randint(20, 120)}件。",
        f"（二）深化“放管服”改革。全市政务服务事项网上可办率达到{r.randint(90, 99)}%以上，营商环境持续优化。",
        f"（三）推进严格规范公正文明执法。组织全市行政执法案卷评查，抽查案卷{r.randint(100, 600)}卷，督促各地整改问题。",
        "二、存在的不足和原因",
        "法治政府建设在区域间、部门间仍不平衡，基层执法能力与群众期待相比还有差距。",
        f"三、{yn}年主要安排",
        f"{yn}年，全市将持续深化法治政府建设示范创建，不断提升依法行政水平。",
        f"{p}人民政府",
        cn_date(d),
    ], d


def disclosure_lines(c, y):
    r = rng("gkxx", c.adcode, y)
    return [
        f"本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室有关要求编制，由总体情况、主动公开政府信息情况、"
        f"收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
        f"本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
        "一、总体情况",
        f"{y}年，{c.name}人民政府坚持以公开为常态、不公开为例外，全年通过政府门户网站主动公开政府信息{r.randint(900, 6000)}条。",
        "二、主动公开政府信息情况",
        f"制发规范性文件{r.randint(2, 15)}件，废止规范性文件{r.randint(0, 6)}件。",
        "三、收到和处理政府信息公开申请情况",
        f"全年共收到政府信息公开申请{r.randint(5, 80)}件，均在法定期限内予以答复。",
        "四、政府信息公开行政复议、行政诉讼情况",
        f"全年因政府信息公开引发行政复议{r.randint(0, 3)}件、行政诉讼{r.randint(0, 2)}件。",
        "五、存在的主要问题及改进情况",
        "部分单位信息发布不够及时，下一步将加强业务培训和日常监测。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
    ]


def shufa_lines(c, y):
    r = rng("shufa", c.adcode, y)
    return [
        f"根据上级关于党政主要负责人履行推进法治建设第一责任人职责的要求，现将本人{y}年度述法情况报告如下：",
        "一、带头学法，提高运用法治思维的能力",
        f"坚持县政府常务会议会前学法制度，全年带头开展学法{r.randint(6, 15)}次，主持召开专题会议研究法治建设重要事项。",
        "二、带头依法决策，推进政府治理规范化",
        "严格执行重大行政决策程序，凡涉及群众切身利益的决策事项，一律经过合法性审查和集体讨论。",
        "三、存在的不足和下一步打算",
        "对基层法治建设的督促指导还需加强。下一步，将继续以身作则、以上率下，推动法治政府建设各项任务落到实处。",
    ]


def notice_plan_lines(c, y):
    return [
        "各乡（镇）人民政府，县人民政府各部门，各有关单位：",
        f"现将《{c.name}{y}年法治政府建设工作要点》印发给你们，请结合实际认真贯彻落实。",
        f"{c.name}人民政府办公室",
        f"{c.name}{y}年法治政府建设工作要点",
        f"{y}年是全面落实《法治政府建设实施纲要（2021—2025年）》的关键之年。为扎实推进全县法治政府建设，特制定本工作要点。",
        "一、深入学习贯彻习近平法治思想",
        "二、依法全面履行政府职能",
        "三、健全依法行政制度体系",
        "四、严格规范公正文明执法",
        "五、加强行政权力制约和监督",
    ]


def notice_submit_lines(c, y):
    return [
        "各乡（镇）人民政府，县直各单位：",
        f"根据法治政府建设年度报告制度要求，请各单位认真总结本单位{y}年度法治政府建设工作，于{y + 1}年1月20日前将书面报告（加盖公章）"
        f"报送县委依法治县办，同时在本单位网站或政务公开栏向社会公开。",
        "报告应当包括上一年度推进法治政府建设的主要举措和成效、存在的不足和原因、党政主要负责人履行推进法治建设第一责任人职责情况、下一年度工作安排等内容。",
        f"中共{c.name}委全面依法治县委员会办公室",
    ]


def news_meeting_lines(c, y, d):
    r = rng("meet", c.adcode, y)
    return [
        f"{d.month}月{d.day}日，县委副书记、县长主持召开县政府第{r.randint(12, 60)}次常务会议，审议并原则通过《{c.name}{y}年度法治政府建设情况报告》。",
        "会议指出，过去一年全县法治政府建设工作扎实推进，依法行政水平稳步提升。会议要求，各乡镇、各部门要对照报告中指出的不足，逐项抓好整改。",
        "县政府领导班子成员出席会议，县直有关单位主要负责人列席会议。",
    ]


def news_committee_lines(c, y, d):
    r = rng("comm", c.adcode, y)
    return [
        f"{d.month}月{d.day}日，中共{c.name}委全面依法治县委员会召开第{r.randint(2, 9)}次会议，听取全县法治建设工作情况汇报，审议《{c.name}{y}年法治政府建设工作要点》等文件。",
        "会议强调，要坚持以习近平法治思想为指引，统筹推进法治县、法治政府、法治社会一体建设。",
    ]


def news_demo_lines(c, y, d):
    return [
        f"{d.month}月{d.day}日，{c.name}召开法治政府建设示范创建工作推进会，通报前一阶段创建工作进展，对下一步工作作出安排。",
        "会议要求，各成员单位要对照示范指标体系，查漏补缺，确保创建工作取得实效。",
    ]


def lookalikes(c: County) -> dict:
    """The county's non-report articles, by role."""
    r = rng("look", c.adcode)
    out = {}
    y = 2023 if 2023 in c.years else 2022
    town = TOWNS[c.adcode]
    dept = DEPTS[int(h("dept", c.adcode)[:4], 16) % len(DEPTS)]
    lines, d = dept_report_lines(f"{c.name}司法局", c, y, "sfj")
    out["sfj_report"] = Article(c, "department_report", f"{c.name}司法局{y}年度法治政府建设工作报告", d + dt.timedelta(days=3),
                                lines, source=f"{c.name}司法局", key="sfj")
    y2 = y - 1
    lines, d = dept_report_lines(f"{c.name}{dept}", c, y2, "dept")
    out["dept_report"] = Article(c, "department_report", f"{c.name}{dept}关于{y2}年度法治政府建设工作情况的报告",
                                 d + dt.timedelta(days=5), lines, source=f"{c.name}{dept}", key="dept")
    lines, d = township_lines(town, c, y)
    out["town_report"] = Article(c, "department_report", f"{town}{y}年法治政府建设情况报告", d + dt.timedelta(days=4),
                                 lines, source=f"{c.name}{town}", key="town")
    lines, d = prefecture_lines(c, y)
    out["pref_report"] = Article(c, "prefecture_report", f"{c.prefecture}{y}年法治政府建设年度报告", d + dt.timedelta(days=8),
                                 lines, source=f"{c.prefecture}人民政府", key="pref")
    for yy in (y - 1, y):
        out[f"gk{yy}"] = Article(c, "other_annual_report", f"{c.name}人民政府{yy}年政府信息公开工作年度报告",
                                 dt.date(yy + 1, 1, 20 + r.randint(0, 9)), disclosure_lines(c, yy),
                                 source=f"{c.name}人民政府办公室", key=f"gk{yy}")
    out["shufa"] = Article(c, "other_annual_report", f"{c.name}人民政府主要负责人{y}年度述法报告",
                           dt.date(y + 1, 2, 10 + r.randint(0, 15)), shufa_lines(c, y), source=f"{c.name}人民政府", key="shufa")
    out["notice_plan"] = Article(c, "notice", f"{c.name}人民政府办公室关于印发《{c.name}{y + 1}年法治政府建设工作要点》的通知",
                                 dt.date(y + 1, 4, 1 + r.randint(0, 20)), notice_plan_lines(c, y + 1),
                                 source=f"{c.name}人民政府办公室", key="plan")
    out["notice_submit"] = Article(c, "notice", f"关于做好{y}年度法治政府建设情况报告报送工作的通知",
                                   dt.date(y, 12, 10 + r.randint(0, 15)), notice_submit_lines(c, y),
                                   source=f"{c.name}委依法治县办", key="submit")
    dm = dt.date(y + 1, 1, 5 + r.randint(0, 20))
    out["news_meeting"] = Article(c, "news", f"{c.name}召开县政府常务会议 审议《{y}年度法治政府建设情况报告》", dm,
                                  news_meeting_lines(c, y, dm), source=f"{c.name}融媒体中心", key="meet")
    dc = dt.date(y, 3, 1 + r.randint(0, 25))
    out["news_committee"] = Article(c, "news", f"中共{c.name}委全面依法治县委员会召开会议", dc,
                                    news_committee_lines(c, y, dc), source=f"{c.name}融媒体中心", key="comm")
    dd = dt.date(y, 9, 1 + r.randint(0, 25))
    out["news_demo"] = Article(c, "news", f"{c.name}召开法治政府建设示范创建工作推进会", dd, news_demo_lines(c, y, dd),
                               source=f"{c.name}司法局", key="demo")
    return out


# --------------------------------------------------------------------------------------------------------------
# documents
# --------------------------------------------------------------------------------------------------------------


def make_docx(paragraphs) -> bytes:
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>')
    body = []
    for i, p in enumerate(paragraphs):
        jc = '<w:pPr><w:jc w:val="center"/></w:pPr>' if i == 0 else ""
        body.append(f'<w:p>{jc}<w:r><w:t xml:space="preserve">{esc(p, quote=False)}</w:t></w:r></w:p>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(body) + '<w:sectPr/></w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def body_paragraphs(lines, indent="", pclass=None) -> str:
    out = []
    n = len(lines)
    for i, ln in enumerate(lines):
        t = esc(ln, quote=False)
        tail = i >= n - 3 and (len(ln) < 30 and ("人民政府" in ln or "县委" in ln or "年" in ln and "月" in ln and "日" in ln
                                                 or ln.endswith("局") or ln.endswith("委员会") or ln.endswith("办公室")))
        if tail:
            out.append(f'<p style="text-align: right;">{t}</p>')
        elif pclass:
            out.append(f'<p class="{pclass}">{indent}{t}</p>')
        else:
            out.append(f"<p>{indent}{t}</p>")
    return "\n".join(out)


def cut(title, n):
    return title if len(title) <= n else title[:n] + "..."


# --------------------------------------------------------------------------------------------------------------
# per-county context
# --------------------------------------------------------------------------------------------------------------


class Ctx:
    def __init__(self, store: Store, c: County, reports: list, looks: dict):
        self.store, self.c, self.reports, self.looks = store, c, reports, looks
        self.placed: dict[str, Article] = {}
        self.search: list = []  # search form descriptions (for http.json)
        self.notes: dict = {}

    def place(self, a: Article, url: str):
        if a.url:
            assert a.url == url, (a.url, url)
        a.url = url
        self.placed[url] = a
        return url

    def rep(self, y) -> Article:
        return next(a for a in self.reports if a.year == y)


def sort_desc(items):
    return sorted(items, key=lambda a: (a.date, a.title), reverse=True)


def footer_lines(c: County, code=None, org=None, icp=None, salt="", filing=""):
    """The footer's 主办单位, 网站标识码, ICP filing (`filing`: its suffix, e.g. ``-1``) and 公网安备 lines; `icp`: the
    set's province table (default the registered one), `salt`: the set's numbers."""
    code = code or c.code
    org = org or f"{c.name}人民政府办公室"
    short = (ICP if icp is None else icp)[c.province[:2]]
    n = num(f"icp{salt}", c.adcode, lo=10000000, hi=99999999)
    return (f"主办单位：{org}", f"网站标识码：{code}", f"{short}ICP备{n}号{filing}",
            f"{short}公网安备 {c.adcode}02{num(f'ga{salt}', c.adcode, lo=100000, hi=999999)}号")


def offsite_links(c: County, province_portal=None, prefecture_portal=None):
    return [("中国政府网", "http://www.gov.cn/"),
            (f"{c.province}人民政府", (PROVINCE_PORTAL if province_portal is None else province_portal)[c.province]),
            (f"{c.prefecture}人民政府", (PREFECTURE_PORTAL if prefecture_portal is None else prefecture_portal)[c.prefecture])]


def rel_path(url: str) -> str:
    """path + query of a URL (links inside a site are written host-relative)."""
    s = urllib.parse.urlsplit(url)
    return s.path + (("?" + s.query) if s.query else "")


def art_id(*parts) -> int:
    return num("aid", *parts, lo=10000, hi=99999)


def attach_docx(x: Ctx, a: Article, url: str):
    a.attachment = url
    x.store.add(url, make_docx([a.title] + a.lines), ext="docx", ctype=DOCX_TYPE, lm=stamp(a.date, "docx", a.key),
                validators="lm-only")


def attachment_html(x: Ctx, a: Article, name=None) -> str:
    name = name or f"{a.title}.docx"
    return (f'<p>　　{esc(a.title)}全文详见附件。</p>\n<p>附件：<a href="{rel_path(a.attachment)}" target="_blank">{esc(name)}</a></p>')



# --------------------------------------------------------------------------------------------------------------
# gold of the look-alikes, writing a set, comparing two builds, checking a written set, the command line
# --------------------------------------------------------------------------------------------------------------


def build_counties(store: Store, counties: list, opts: dict, builders: dict, reports_of, lookalikes_of) -> list:
    """Every county's site: its options, reports and look-alikes, written by its family's builder; every report
    placed and every placed article recorded."""
    ctxs = []
    for c in counties:
        c.opts.update(opts.get(c.adcode, {}))
        x = Ctx(store, c, reports_of(c), lookalikes_of(c))
        builders[c.family](x)
        for a in x.reports:
            assert a.url, (c.name, a.year)
        for u in x.placed:
            assert u in store.entries, u
        ctxs.append(x)
    return ctxs


def report_gold(x: Ctx, store: Store, encoding, text_source=False) -> list:
    """The gold of a county's reports (`encoding(report)`: its page's; `text_source`: with the images / text source
    fields of the 2025 sets)."""
    out = []
    c = x.c
    dups = duplicates_by_report(x)
    for a in sorted(x.reports, key=lambda a: a.year):
        d = a.report
        etag, lm = store.validators_of(a.url)
        g = {"report_id": a.report_id, "adcode": c.adcode, "county": c.name, "report_year": a.year, "title": a.title,
             "url": a.url, "pages": [a.url], "attachment": a.attachment}
        if text_source:
            g.update(images=[], text_source="docx" if a.attachment else "html")
        g.update({"duplicates": dups.get(a.report_id, []),
                  "published": a.date.isoformat(), "signed": d["signed"], "issuer": d["issuer"], "epochs": [1],
                  "versions": [{"epoch": 1, "etag": etag, "last_modified": lm}], "template": c.family, "family": c.family,
                  "encoding": encoding(a), "noise": ["attachment_only"] if a.attachment else [],
                  "clean_text": d["clean_text"], "lost_spans": [], "sections": d["sections"], "indicators": d["indicators"],
                  "title_style": a.extra["title_style"], "derived_from": d["derived_from"], "date_on_page": a.date_on_page})
        out.append(g)
    return out


def http_head(store: Store, ctxs: list, gbk_family: str, extra_offsite=()) -> tuple[dict, list]:
    """The first keys of a 2024 set's http.json (flaky … no_validators) and its search forms."""
    gbk, offsite, search_forms, flaky, slow = [], set(extra_offsite), [], [], set()
    robots, _ = robots_and_redirects(store)
    for u, e in store.entries.items():
        if e["fail_first"]:
            flaky.append(u)
        if e["delay_ms"]:
            slow.add(urllib.parse.urlsplit(u).hostname)
    for x in ctxs:
        c = x.c
        for _t, u in offsite_links(c):
            offsite.add(u)
        if c.family == gbk_family:
            gbk.append(c.host)
        for f in x.search:
            search_forms.append({"adcode": c.adcode, "host": c.host, **f})
    head = {
        "flaky": flaky, "slow": sorted(slow), "dead_host_epoch1": [], "moved_host": [], "redirect_loops": [], "broken_links": [],
        "huge_pages": [], "offsite_urls": sorted(offsite), "robots": robots, "wrong_charset_header": [], "gbk_sites": gbk,
        "no_charset_in_header": sorted({urllib.parse.urlsplit(u).hostname for u, e in store.entries.items()
                                        if e["headers"].get("Content-Type", "").startswith("text/html") and "charset" not in e["headers"]["Content-Type"]}),
        "no_validators": sorted(store.no_validators),
    }
    return head, search_forms


def columns_gold(ctxs: list, hidden=("home_href",)) -> list:
    return [{"adcode": x.c.adcode, "county": x.c.name, "family": x.c.family, **{k: v for k, v in x.notes.items() if k not in hidden}}
            for x in ctxs]


def close_links(store: Store, ctxs: list, links, skip, stub, when: dt.date) -> int:
    """Every link a recorded page makes inside a county's hosts answers: the pages no builder wrote (other columns,
    news, service pages) are recorded as small placeholder pages of that site — `links(url, entry)`: a recorded
    answer's links; `skip(url)`: assets that are not recorded; `stub(ctx, url)`: a placeholder's (body, encoding)."""
    hosts = {}
    for x in ctxs:
        hosts[x.c.host] = x
        if "sibling" in x.notes:
            hosts[x.notes["sibling"]] = x
    stubs = 0
    todo = sorted(store.entries)
    seen = set()
    while todo:
        u = todo.pop(0)
        if u in seen:
            continue
        seen.add(u)
        e = store.entries.get(u)
        if e is None or e["body"] is None:
            continue
        for v in links(u, e):
            vh = urllib.parse.urlsplit(v).hostname
            if vh not in hosts or v in store.entries or skip(v):
                continue
            body, enc = stub(hosts[vh], v)
            store.add(v, body, enc=enc, lm=stamp(when, "stub", v), note="placeholder")
            stubs += 1
            todo.append(v)
    return stubs


def duplicates_by_report(x: Ctx) -> dict:
    dups: dict = {}
    for a in x.placed.values():
        if a.kind == "duplicate":
            dups.setdefault(a.dup_of.report_id, []).append(a.url)
    return dups


def page_gold(x: Ctx, levels=False) -> list:
    """The look-alike pages a county's site holds (every placed article that is not a report)."""
    out = []
    for u, a in sorted(x.placed.items()):
        if a.kind == "report":
            continue
        p = {"url": u, "kind": a.kind, "adcode": x.c.adcode, "title": a.title, "published": a.date.isoformat(), "epochs": [1],
             "family": x.c.family}
        if a.kind == "duplicate":
            p["duplicate_of"] = a.dup_of.report_id
        if levels and a.extra.get("level"):
            p["level"] = a.extra["level"]
        out.append(p)
    return out


def robots_and_redirects(store: Store) -> tuple[list, list]:
    robots, redirects = [], []
    for u, e in store.entries.items():
        if u.endswith("/robots.txt"):
            txt = store.bodies[e["body"]].decode()
            host = urllib.parse.urlsplit(u).hostname
            dis = [ln.split(":", 1)[1].strip() for ln in txt.splitlines() if ln.startswith("Disallow:") and ln.split(":", 1)[1].strip()]
            robots.append({"host": host, "robots": txt, "disallowed_example": f"http://{host}{dis[0]}" if dis else None})
        if e["status"] in (301, 302):
            redirects.append({"from": u, "to": e["headers"]["Location"], "status": e["status"]})
    return robots, redirects


def write_set(out: Path, store: Store, reports: list, pages: list, http: dict, epochs: dict, counties: list):
    """Write a built set: bodies by SHA-1, manifest.jsonl, gold/*, counties.csv (a hand-written README stays)."""
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("bodies", "gold"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
    for path, data in store.bodies.items():
        f = out / path
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(data)
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as f:
        for u in sorted(store.entries):
            f.write(json.dumps(store.entries[u], ensure_ascii=False) + "\n")
    (out / "gold").mkdir()
    with open(out / "gold/reports.jsonl", "w", encoding="utf-8") as f:
        for g in reports:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    with open(out / "gold/pages.jsonl", "w", encoding="utf-8") as f:
        for p in pages:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    (out / "gold/epochs.json").write_text(json.dumps(epochs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "gold/http.json").write_text(json.dumps(http, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with open(out / "counties.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["adcode", "province", "prefecture", "county", "homepage", "family"])
        for c in counties:
            w.writerow([c.adcode, c.province, c.prefecture, c.name, f"http://{c.host}/", c.family])


def compare(a: Path, b: Path) -> list:
    diffs = []
    for root in (a, b):
        for f in root.rglob("*"):
            if f.is_file() and f.name != "README.md":
                rel = f.relative_to(root)
                other = (b if root == a else a) / rel
                if not other.exists():
                    diffs.append(f"only in {root}: {rel}")
                elif root == a and not filecmp.cmp(f, other, shallow=False):
                    diffs.append(f"differs: {rel}")
    return diffs


def verify(out: Path, links_of, enc_of, skip, reads, years=None, fresh=False) -> list:
    """Self-consistency of a written set (a check of its generator, not of any crawler): a BFS per county from its
    homepage over the manifest (the answers whose Content-Type `reads` accepts, read by `links_of(url, text,
    content_type)`; redirects followed; `skip(url, entries)`: assets that are not recorded) inside its hosts finds no dead link, every gold report URL, attachment and
    duplicate, and every look-alike; no source report is used twice, and never the one real report; `years`: the
    (first, last) report year allowed; `fresh`: no county is used by another set of tests/fixtures."""
    errs = []
    entries = {}
    for line in open(out / "manifest.jsonl", encoding="utf-8"):
        e = json.loads(line)
        entries[e["url"]] = e
        if e["body"] and not (out / e["body"]).exists():
            errs.append(f"missing body {e['body']}")
    counties = list(csv.DictReader(open(out / "counties.csv", encoding="utf-8")))
    http = json.load(open(out / "gold/http.json", encoding="utf-8"))
    sib = {s["adcode"]: s["sibling"] for s in http.get("sibling_hosts", [])}
    reports = [json.loads(ln) for ln in open(out / "gold/reports.jsonl", encoding="utf-8")]
    pages = [json.loads(ln) for ln in open(out / "gold/pages.jsonl", encoding="utf-8")]
    reach_all = set()
    for row in counties:
        home = row["homepage"]
        hosts = {urllib.parse.urlsplit(home).hostname} | ({sib[row["adcode"]]} if row["adcode"] in sib else set())
        seen, todo, dead = {home}, [home], []
        while todo:
            u = todo.pop()
            e = entries.get(u)
            if e is None:
                dead.append(u)
                continue
            if e["status"] in (301, 302):
                v = urllib.parse.urljoin(u, e["headers"]["Location"])
                if v not in seen:
                    seen.add(v)
                    todo.append(v)
                continue
            ct = e["headers"].get("Content-Type", "")
            if e["body"] is None or not reads(ct):
                continue
            text = (out / e["body"]).read_bytes().decode(enc_of(urllib.parse.urlsplit(u).hostname))
            for v in links_of(u, text, ct):
                if urllib.parse.urlsplit(v).hostname not in hosts or skip(v, entries):
                    continue
                if v not in seen:
                    seen.add(v)
                    todo.append(v)
        reach_all |= seen
        if dead:
            errs.append(f"{row['county']}: {len(dead)} dead links inside its hosts, e.g. {sorted(dead)[:3]}")
    for g in reports:
        for u in [g["url"]] + g["pages"] + ([g["attachment"]] if g["attachment"] else []) + g["duplicates"]:
            if u not in entries:
                errs.append(f"{g['report_id']}: {u} not in manifest")
            elif u not in reach_all:
                errs.append(f"{g['report_id']}: {u} not reachable from the homepage")
        if g["report_id"] == "141029-2023" or g["derived_from"] == "141029-2023":
            errs.append("uses 141029-2023")
        if years and not years[0] <= g["report_year"] <= years[1]:
            errs.append(f"{g['report_id']}: year out of range")
    for p in pages:
        if p["url"] not in reach_all:
            errs.append(f"look-alike not reachable: {p['url']}")
    srcs = [g["derived_from"] for g in reports]
    if len(srcs) != len(set(srcs)):
        errs.append("a source report is used twice")
    if fresh:
        used = set()
        for fx in REPO.joinpath("tests/fixtures").glob("*/counties.csv"):
            if fx.resolve() != (out / "counties.csv").resolve():
                used |= {r["adcode"] for r in csv.DictReader(open(fx, encoding="utf-8"))}
        errs += [f"{r['county']} ({r['adcode']}) is used by an earlier set" for r in counties if r["adcode"] in used]
    return errs


def main(build, default_out: Path, verify_set=None):
    """The builders' command line: build into --out (default the set's fixture folder) and print its counts, or
    --check: build into a temporary folder, compare byte for byte with --out (and verify --out)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=default_out)
    ap.add_argument("--check", action="store_true", help="build into a temporary folder, compare with --out, verify --out")
    a = ap.parse_args()
    if a.check:
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp))
            d = compare(a.out, Path(tmp))
        errs = verify_set(a.out) if verify_set else []
        print("\n".join(d) if d else "identical")
        if verify_set:
            print("\n".join(errs) if errs else "verify: ok")
        sys.exit(1 if d or errs else 0)
    got = build(a.out)
    ctxs, reports, pages, store = got[:4]
    print(f"{len(ctxs)} counties, {len(reports)} reports, {len(pages)} other pages, {len(store.entries)} responses, "
          f"{len(store.bodies)} bodies")
    print("reports per family:", dict(collections.Counter(g["family"] for g in reports)))
    print("reports per year:", dict(sorted(collections.Counter(g["report_year"] for g in reports).items())))
    print("pages per kind:", dict(collections.Counter(p["kind"] for p in pages)))
    print("attachment-only:", sum(1 for g in reports if g["attachment"]), "duplicates:", sum(len(g["duplicates"]) for g in reports))
    if verify_set:
        errs = verify_set(a.out)
        print("\n".join(errs) if errs else "verify: ok")
