"""Build tests/fixtures/families/: recorded portals of five CMS families the bundled snapshot lacks.

    .venv/bin/python tests/tools/build_families.py [--out DIR] [--check]

Writes a replay snapshot in the format of tests/fixtures/portal/README.md (manifest.jsonl, bodies/ by
SHA-1, counties.csv, gold/reports.jsonl, gold/pages.jsonl, gold/epochs.json, gold/http.json), epoch 1
only, for 16 real counties (names and codes from src/countyreports/data/divisions.csv, none of them in
the bundled snapshot) on five families of real Chinese government CMSs:

* ``vsb``      博达 VSB sites: ``/zwgk/fdzdgknr.htm`` columns, ``/info/<tree>/<id>.htm`` articles,
               static pages ``<col>/<n>.htm`` (下页/尾页), or the dynamic ``list.jsp?urltype=tree.TreeTempUrl``;
* ``gkmlpt``   Guangdong's shared 政府信息公开 platform: a script shell at ``/gkmlpt/index`` whose column
               tree is JSON in the page and whose lists come from ``/gkmlpt/api/all/<col>?page=N&sid=S``;
* ``anhui``    Anhui's 信息公开 platform: ``/public/column/<org>?type=4&catId=..&action=list`` lists,
               ``/public/<org>/<id>.html`` articles, ``&pageIndex=N`` pages;
* ``arthash``  a Gansu/Henan-style 集约化 site: upper-case pinyin column folders, ``art/YYYY/art_<hash>.html``
               articles, lists paged by script only or by ``index_N.html`` links;
* ``querycms`` classic query-string CMSs: ``List.aspx?ClassID=`` / ``Show.aspx?id=`` (GBK),
               ``index.php?m=content&c=index&a=lists&catid=`` (PHPCMS), ``col.jsp?colid=`` / ``content.jsp?id=``.

The pages are written for this project from public knowledge of how these CMSs lay out their pages; no
real page or text is copied. The report bodies are derived from the bundled snapshot's gold report texts
(which were themselves written in the genre for this project; the one real report there, 141029-2023, is
never used): the source county's, prefecture's and province's names are replaced by the new county's, so
the gold (clean_text, sections, indicators with their surfaces, issuer, signed date) stays exact. Titles,
publication dates and page layout are new.

Deterministic: every id, hash and date comes from a seeded `random.Random` per county; no clock is read.
``--check`` builds into a temporary folder and compares it with ``--out`` (exit 1 on a difference).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import html
import json
import posixpath
import random
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
DIVISIONS = ROOT / "src" / "countyreports" / "registry" / "data" / "divisions.csv"
SOURCE = ROOT / "tests" / "fixtures" / "portal"
OUT = ROOT / "tests" / "fixtures" / "families"

EPOCH_DATE = "2024-07-01"
#: never a source: the one real report of the bundled snapshot
EXCLUDED_SOURCES = frozenset({"141029-2023"})
CST = dt.timezone(dt.timedelta(hours=8))
CN_DIGITS = "〇一二三四五六七八九"

# ------------------------------------------------------------------------------------------------
# The counties: family, hosts and the variations each one carries (see the README of the output)
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountySpec:
    adcode: str
    family: str
    host: str  # the portal's main host
    years: tuple[int, ...]
    homepage: str = ""  # registry homepage when not http://<host>/
    flavour: str = ""  # family sub-variant
    sibling: str = ""  # host of the 信息公开 part when it is not `host`
    prefix: str = ""  # arthash: the site folder
    per_year: bool = False  # per-year sub-columns under the report column
    dateless_list: bool = False  # list rows without dates
    dateless_article: bool = False  # article pages without a date (the list row has it)
    per_page: int = 10
    script_pager: bool = False  # arthash: pager written by a script only
    report_col_name: str = "法治政府建设年度报告"
    home_links_report: bool = False  # the homepage links the latest report in a news block
    encoding: str = "utf-8"


COUNTIES: tuple[CountySpec, ...] = (
    # 博达 VSB
    CountySpec("620524", "vsb", "www.tsws.gov.cn", (2019, 2020, 2021, 2022, 2023), dateless_article=True,
               per_page=8, report_col_name="年度报告"),
    CountySpec("620521", "vsb", "www.qingshui.gov.cn", (2020, 2021, 2022, 2023), per_year=True,
               dateless_list=True),
    CountySpec("410526", "vsb", "www.huaxian.gov.cn", (2019, 2020, 2021, 2022), flavour="dynamic", per_page=6,
               report_col_name="法治政府建设情况报告"),
    CountySpec("611021", "vsb", "www.luonan.gov.cn", (2020, 2021, 2022, 2023), sibling="xxgk.luonan.gov.cn",
               home_links_report=True),
    # Guangdong 政府信息公开 platform (gkmlpt)
    CountySpec("440232", "gkmlpt", "www.ruyuan.gov.cn", (2019, 2020, 2021, 2022, 2023), per_page=10,
               home_links_report=True),
    CountySpec("441427", "gkmlpt", "www.jiaoling.gov.cn", (2020, 2021, 2022, 2023), homepage="http://jiaoling.gov.cn/",
               per_year=True),
    CountySpec("441823", "gkmlpt", "www.yangshan.gov.cn", (2019, 2020, 2021, 2022), per_page=5,
               report_col_name="年度报告"),
    # Anhui 信息公开 platform
    CountySpec("340882", "anhui", "www.qss.gov.cn", (2019, 2020, 2021, 2022, 2023), per_page=6),
    CountySpec("341525", "anhui", "www.ahhuoshan.gov.cn", (2020, 2021, 2022, 2023), sibling="xxgk.ahhuoshan.gov.cn",
               dateless_article=True),
    CountySpec("341122", "anhui", "www.laian.gov.cn", (2019, 2020, 2021, 2022), per_year=True,
               report_col_name="年度报告"),
    # Gansu/Henan-style art_<hash> sites
    CountySpec("621121", "arthash", "www.tongwei.gov.cn", (2020, 2021, 2022, 2023), prefix="twx", per_year=True),
    CountySpec("621224", "arthash", "www.gskx.gov.cn", (2019, 2020, 2021, 2022, 2023), prefix="kx",
               dateless_list=True, script_pager=True, per_page=6),
    CountySpec("620826", "arthash", "www.jingning.gov.cn", (2019, 2020, 2021, 2022), prefix="jnx",
               dateless_article=True, per_page=5, report_col_name="工作报告"),
    CountySpec("411224", "arthash", "www.lushi.gov.cn", (2020, 2021, 2022, 2023), prefix="lsx",
               sibling="zwgk.lushi.gov.cn", script_pager=True, per_page=6),
    # classic query-string CMSs
    CountySpec("422826", "querycms", "www.xianfeng.gov.cn", (2019, 2020, 2021, 2022, 2023), flavour="aspx",
               encoding="gbk", per_page=6),
    CountySpec("360726", "querycms", "www.ay.gov.cn", (2019, 2020, 2021, 2022, 2023), flavour="php",
               sibling="sfj.ay.gov.cn", dateless_list=True, report_col_name="年度报告"),
    CountySpec("532924", "querycms", "www.binchuan.gov.cn", (2019, 2020, 2021, 2022), flavour="jsp",
               sibling="binchuan.gov.cn", per_page=5),
)

#: offsite portals linked from county pages (the prefecture's and the province's): never recorded
PREFECTURE_HOSTS = {
    "天水市": "www.tianshui.gov.cn", "安阳市": "www.anyang.gov.cn", "商洛市": "www.shangluo.gov.cn",
    "韶关市": "www.sg.gov.cn", "梅州市": "www.meizhou.gov.cn", "清远市": "www.gdqy.gov.cn",
    "安庆市": "www.anqing.gov.cn", "六安市": "www.luan.gov.cn", "滁州市": "www.chuzhou.gov.cn",
    "定西市": "www.dingxi.gov.cn", "陇南市": "www.longnan.gov.cn", "平凉市": "www.pingliang.gov.cn",
    "三门峡市": "www.smx.gov.cn", "恩施土家族苗族自治州": "www.enshi.gov.cn", "赣州市": "www.ganzhou.gov.cn",
    "大理白族自治州": "www.dali.gov.cn",
}
#: the shared search service of Guangdong's 集约化 platform: the query names the site by its 网站标识码
SHARED_SEARCH = "search.gd.gov.cn"
PROVINCE_HOSTS = {
    "甘肃省": "www.gansu.gov.cn", "河南省": "www.henan.gov.cn", "陕西省": "www.shaanxi.gov.cn",
    "广东省": "www.gd.gov.cn", "安徽省": "www.ah.gov.cn", "湖北省": "www.hubei.gov.cn",
    "江西省": "www.jiangxi.gov.cn", "云南省": "www.yn.gov.cn",
}
ICP = {"甘肃省": "陇", "河南省": "豫", "陕西省": "陕", "广东省": "粤", "安徽省": "皖", "湖北省": "鄂",
       "江西省": "赣", "云南省": "滇"}

# ------------------------------------------------------------------------------------------------
# Records
# ------------------------------------------------------------------------------------------------


@dataclass
class Division:
    adcode: str
    province: str
    prefecture: str
    county: str
    kind: str


@dataclass
class Art:
    """An article page of a county site."""

    title: str
    published: dt.date
    kind: str  # report | department_report | other_annual_report | notice | news | duplicate
    paragraphs: list[str]
    source_org: str
    report_id: str | None = None  # report, duplicate
    gold: dict | None = None  # report
    url: str = ""
    show_date: bool = True
    list_title: str | None = None  # the title as the list shows it (may be cut), None: the title

    def lines(self) -> list[str]:
        return self.paragraphs


@dataclass
class Col:
    """A column (list page(s)) of a county site."""

    name: str
    key: str  # slug / id, family-specific
    items: list[Art] = field(default_factory=list)
    children: list["Col"] = field(default_factory=list)
    parent: "Col | None" = None
    per_page: int = 10
    dateless: bool = False
    host: str = ""
    urls: list[str] = field(default_factory=list)  # page n+1 -> url (filled by the family)
    recorded: bool = True  # False: linked, not in the snapshot (404)

    def pages(self) -> list[list[Art]]:
        items = sorted(self.items, key=lambda a: (a.published, a.title), reverse=True)
        if not items:
            return [[]]
        return [items[i:i + self.per_page] for i in range(0, len(items), self.per_page)]

    def trail(self) -> list["Col"]:
        out: list[Col] = []
        c: Col | None = self
        while c is not None:
            out.append(c)
            c = c.parent
        return out[::-1]


@dataclass
class Response:
    url: str
    status: int
    content_type: str
    body: bytes | None
    last_modified: dt.datetime | None = None
    etag: bool = True
    location: str | None = None
    note: str = ""


# ------------------------------------------------------------------------------------------------
# Helpers
# ------------------------------------------------------------------------------------------------


def seeded(*parts: object) -> random.Random:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def cn_year(year: int) -> str:
    return "".join(CN_DIGITS[int(d)] for d in str(year))


def base_name(name: str) -> str:
    """乳源瑶族自治县 → 乳源, 武山县 → 武山, 滑县 → 滑, 潜山市 → 潜山."""
    s = re.sub(r"(?:[\u4e00-\u9fff]{1,4}族)+自治(?=[县旗州])", "", name)
    return s[:-1] if s[-1] in "县区市旗州" else s


def short_pref(name: str) -> str:
    s = re.sub(r"(?:[\u4e00-\u9fff]{1,4}族)+自治州$", "", name)
    return s[:-1] if s.endswith(("市", "州")) else s


def http_date(d: dt.datetime) -> str:
    return format_datetime(d.astimezone(dt.timezone.utc), usegmt=True)


def at(d: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59), tzinfo=CST)


# ------------------------------------------------------------------------------------------------
# Report bodies from the bundled gold
# ------------------------------------------------------------------------------------------------


def load_divisions() -> dict[str, Division]:
    out: dict[str, Division] = {}
    with DIVISIONS.open(encoding="utf-8") as fh:
        for row in csv.reader(line for line in fh if not line.startswith("#")):
            if row and row[0].isdigit():
                out[row[0]] = Division(row[0], row[1], row[2], row[3], row[5])
    return out


def load_sources(divisions: dict[str, Division]) -> list[dict]:
    out = []
    with (SOURCE / "gold" / "reports.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if (r["report_id"] in EXCLUDED_SOURCES or r["noise"] or r["attachment"] or len(r["pages"]) != 1
                    or 1 not in r["epochs"] or any(v.get("clean_text") for v in r["versions"])):
                continue
            if divisions[r["adcode"]].kind not in ("县", "县级市"):
                continue
            out.append(r)
    return sorted(out, key=lambda r: r["report_id"])


def substitutions(src: Division, tgt: Division) -> list[tuple[str, str]]:
    t_full, t_base = tgt.county, base_name(tgt.county)
    if len(t_base) < 2:
        t_base = t_full
    s_full, s_base = src.county, base_name(src.county)
    pairs = [(f"中共{s_full}委", f"中共{t_full}委"), (s_full, t_full)]
    if len(s_base) >= 2:
        pairs.append((s_base, t_base))
    pairs += [(src.prefecture, tgt.prefecture)]
    sp, tp = short_pref(src.prefecture), short_pref(tgt.prefecture)
    if len(sp) >= 2:
        pairs.append((sp, tp))
    pairs += [(src.province, tgt.province)]
    sv, tv = src.province.rstrip("省"), tgt.province.rstrip("省")
    pairs.append((sv, tv))
    return pairs


def substitute(text: str, pairs: list[tuple[str, str]]) -> str:
    table = dict(pairs)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda m: table[m.group(0)], text)


def derive(src: dict, src_div: Division, tgt: Division) -> dict:
    """The source gold report with the target county's names: clean_text, sections, indicators, issuer."""
    pairs = substitutions(src_div, tgt)
    text = substitute(src["clean_text"], pairs)
    for old in (src_div.county, src_div.prefecture):
        assert old not in text, (src["report_id"], old)
    sections = [{**s, "title": substitute(s["title"], pairs)} for s in src["sections"]]
    indicators = []
    for ind in src["indicators"]:
        new = {**ind, "surface": substitute(ind["surface"], pairs)}
        assert new["surface"] in text or not new["recoverable"], (src["report_id"], new["surface"])
        indicators.append(new)
    return {
        "clean_text": text,
        "sections": sections,
        "indicators": indicators,
        "issuer": substitute(src["issuer"], pairs),
        "signed": src["signed"],
        "source": src["report_id"],
    }


# Titles as the genre writes them: C = the county's name, Y = the year, N = the next year.
TITLES: dict[str, Callable[[str, int], str]] = {
    "qingkuang": lambda c, y: f"{c}{y}年度法治政府建设情况报告",
    "guanyu_gongzuo": lambda c, y: f"{c}人民政府关于{y}年度法治政府建设工作情况的报告",
    "party_gov": lambda c, y: f"中共{c}委 {c}人民政府关于{y}年法治政府建设情况的报告",
    "niandu": lambda c, y: f"{c}{y}年法治政府建设年度报告",
    "zongjie": lambda c, y: f"{c}{y}年法治政府建设工作总结",
    "anpai": lambda c, y: f"{c}关于{y}年法治政府建设工作情况和{y + 1}年工作安排的报告",
    "cn_year": lambda c, y: f"{c}{cn_year(y)}年度法治政府建设情况报告",
    "no_year": lambda c, y: f"{c}法治政府建设年度报告",
    "year_first": lambda c, y: f"{y}年{c}法治政府建设工作报告",
    "guanyu_plain": lambda c, y: f"关于{c}{y}年度法治政府建设情况的报告",
    "gov_report": lambda c, y: f"{c}人民政府{y}年法治政府建设工作报告",
    "party_gov_cn": lambda c, y: f"中共{c}委 {c}人民政府关于{cn_year(y)}年度法治政府建设工作情况的报告",
    "gongzuo_de": lambda c, y: f"{c}人民政府关于{y}年度法治政府建设工作的报告",
    "qingkuang_only": lambda c, y: f"{c}{y}年度法治政府建设工作情况",
}


# ------------------------------------------------------------------------------------------------
# Look-alike articles (texts written for this file)
# ------------------------------------------------------------------------------------------------

DEPARTMENTS = ("司法局", "市场监督管理局", "自然资源局", "卫生健康局", "交通运输局", "应急管理局", "生态环境分局",
               "住房和城乡建设局", "教育局", "人力资源和社会保障局")
TOWN_SUFFIX = ("城关镇", "东关街道", "新城镇")


def dept_paragraphs(org: str, year: int) -> list[str]:
    return [
        f"{year}年，{org}在县委、县政府的坚强领导下，认真贯彻落实上级关于法治政府建设的各项部署，"
        "把依法行政贯穿于履职全过程，现将本单位法治政府建设工作情况报告如下。",
        "一、主要工作及成效",
        "（一）落实法治建设第一责任人职责。主要负责人带头学法，班子成员分工负责，将法治建设与业务工作同部署、同检查。",
        "（二）规范行政执法行为。全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，执法案卷评查合格。",
        "（三）加强法治宣传教育。结合行业特点开展“八五”普法，组织干部职工参加学法考试，参考率达到要求。",
        "二、存在的问题",
        "执法人员业务能力有待进一步提升，执法信息化水平不高。",
        "三、下一步工作打算",
        "继续加强执法队伍建设，完善执法制度，推动本单位法治政府建设工作再上新台阶。",
        org,
    ]


def info_report_paragraphs(county: str, year: int) -> list[str]:
    return [
        f"本报告依据《中华人民共和国政府信息公开条例》编制，所列数据统计期限为{year}年1月1日至12月31日。",
        "一、总体情况",
        f"{year}年，{county}坚持以公开为常态、不公开为例外，围绕中心工作做好政府信息主动公开，规范办理依申请公开。",
        "二、主动公开政府信息情况",
        "全年通过政府网站主动公开各类政府信息，及时更新法定主动公开内容。",
        "三、收到和处理政府信息公开申请情况",
        "全年收到的政府信息公开申请均在法定期限内答复。",
        "四、存在的主要问题及改进情况",
        "个别单位信息更新不够及时，下一步将加强培训和督促检查。",
    ]


def notice_paragraphs(county: str, year: int) -> list[str]:
    return [
        "各乡镇人民政府，县政府各部门：",
        f"现将《{county}{year}年法治政府建设工作要点》印发给你们，请结合实际认真贯彻落实。",
        f"{county}人民政府办公室",
    ]


def news_paragraphs(county: str, year: int) -> list[str]:
    return [
        f"近日，{county}召开县政府常务会议，听取全县{year}年度法治政府建设情况汇报，研究部署下一步重点工作。",
        "会议指出，要坚持把法治政府建设摆在全局工作的重要位置，压紧压实各级各部门责任，"
        "推动法治政府建设各项任务落地见效。",
        "会议要求，各单位要对照年度报告中梳理的问题，逐项制定整改措施，按期完成整改。",
    ]


def prefecture_paragraphs(pref: str, year: int) -> list[str]:
    return [
        f"{year}年，{pref}人民政府深入学习贯彻习近平法治思想，全面落实法治政府建设实施纲要，"
        "各项工作取得新成效，现将有关情况报告如下。",
        "一、主要举措和成效",
        "（一）加强组织领导。市政府常务会议多次研究法治政府建设工作，部署推进重点任务。",
        "（二）推进依法决策。重大行政决策严格履行法定程序，合法性审查实现全覆盖。",
        "二、存在的不足和下一步工作安排",
        "对标对表上级要求，持续深化法治政府建设，为全市高质量发展提供法治保障。",
        f"{pref}人民政府",
    ]


# ------------------------------------------------------------------------------------------------
# A county site
# ------------------------------------------------------------------------------------------------


@dataclass
class Site:
    spec: CountySpec
    div: Division
    rng: random.Random
    site_code: str
    responses: dict[str, Response] = field(default_factory=dict)
    reports: list[Art] = field(default_factory=list)
    lookalikes: list[Art] = field(default_factory=list)
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # report_id -> urls

    @property
    def name(self) -> str:
        return self.div.county

    @property
    def site_name(self) -> str:
        return f"{self.div.county}人民政府"

    @property
    def homepage(self) -> str:
        return self.spec.homepage or f"http://{self.spec.host}/"

    def root(self, host: str | None = None) -> str:
        return f"http://{host or self.spec.host}"

    def add(self, url: str, body: str | bytes, *, ctype: str = "text/html", when: dt.datetime | None = None,
            etag: bool = True, note: str = "") -> None:
        assert url not in self.responses, url
        enc = self.spec.encoding
        if isinstance(body, str):
            data = body.encode("gb18030" if enc == "gbk" and ctype == "text/html" else "utf-8")
        else:
            data = body
        if ctype == "text/html":
            content_type = "text/html" if enc == "gbk" else "text/html; charset=utf-8"
        elif ctype == "application/json":
            content_type = "application/json;charset=UTF-8"
        else:
            content_type = ctype
        self.responses[url] = Response(url, 200, content_type, data, when, etag, note=note)

    def footer_text(self) -> str:
        p = self.div.province
        n = self.rng.randint(10000000, 99999999)
        return (f"主办单位：{self.site_name}办公室 &nbsp; 承办：{self.name}融媒体中心 &nbsp; "
                f"{ICP[p]}ICP备{n % 100000000:08d}号 &nbsp; 网站标识码：{self.site_code}")


def build_articles(site: Site, sources: "SourcePool") -> None:
    """The county's reports (gold) and look-alikes, with titles and publication dates; no URLs yet."""
    rng = site.rng
    spec, div = site.spec, site.div
    name = div.county
    kinds = list(TITLES)
    rng.shuffle(kinds)
    for i, year in enumerate(spec.years):
        src, src_div = sources.take(year, div)
        gold = derive(src, src_div, div)
        style = kinds[i % len(kinds)]
        if style.startswith("party_gov") and "中共" not in gold["issuer"]:
            style = "guanyu_gongzuo"
        if style == "no_year" and str(year) not in gold["clean_text"][:200]:
            style = "niandu"
        title = TITLES[style](name, year)
        signed = dt.date.fromisoformat(gold["signed"])
        published = signed + dt.timedelta(days=rng.randint(0, 20))
        if published > dt.date.fromisoformat(EPOCH_DATE) - dt.timedelta(days=7):
            published = signed
        gold["title_style"] = style
        art = Art(title=title, published=published, kind="report", paragraphs=gold["clean_text"].split("\n"),
                  source_org=f"{name}司法局" if rng.random() < 0.5 else f"{name}人民政府办公室",
                  report_id=f"{div.adcode}-{year}", gold=gold, show_date=not spec.dateless_article)
        site.reports.append(art)
    # look-alikes: two departments, a township, the prefecture's report re-posted, the 信息公开 annual
    # report, a notice and a news item about the report
    years = list(spec.years)
    depts = rng.sample(DEPARTMENTS, 2)
    for j, dept in enumerate(depts):
        y = years[(j * 2 + 1) % len(years)]
        org = f"{name}{dept}"
        style = ["qingkuang", "niandu", "guanyu_gongzuo"][j % 3]
        title = {"qingkuang": f"{org}{y}年度法治政府建设情况报告", "niandu": f"{org}{y}年法治政府建设年度报告",
                 "guanyu_gongzuo": f"{org}关于{y}年度法治政府建设工作情况的报告"}[style]
        site.lookalikes.append(Art(title, dt.date(y + 1, rng.randint(1, 3), rng.randint(1, 28)), "department_report",
                                   dept_paragraphs(org, y), org))
    y = years[-2]
    town = f"{name}{rng.choice(TOWN_SUFFIX)}"
    site.lookalikes.append(Art(f"{town}关于{y}年度法治政府建设工作情况的报告",
                               dt.date(y + 1, 2, rng.randint(1, 28)), "department_report",
                               dept_paragraphs(town, y), town))
    y = years[-1]
    pref = div.prefecture
    site.lookalikes.append(Art(f"{pref}人民政府关于{y}年度法治政府建设情况的报告", dt.date(y + 1, 3, rng.randint(1, 28)),
                               "prefecture_report", prefecture_paragraphs(pref, y), f"{pref}人民政府"))
    for y in years[-2:]:
        site.lookalikes.append(Art(f"{name}{y}年政府信息公开工作年度报告", dt.date(y + 1, 1, rng.randint(10, 31)),
                                   "other_annual_report", info_report_paragraphs(name, y), f"{name}人民政府办公室"))
    y = years[-1] + 1
    site.lookalikes.append(Art(f"{name}人民政府办公室关于印发《{name}{y}年法治政府建设工作要点》的通知",
                               dt.date(y, 4, rng.randint(1, 28)), "notice", notice_paragraphs(name, y),
                               f"{name}人民政府办公室"))
    y = years[-2]
    site.lookalikes.append(Art(f"{name}召开县政府常务会议审议{y}年度法治政府建设情况报告",
                               dt.date(y + 1, 1, rng.randint(2, 9)), "news", news_paragraphs(name, y),
                               f"{name}融媒体中心"))


class SourcePool:
    """Source gold reports by year, handed out round-robin (each used once before any is reused)."""

    def __init__(self, sources: list[dict], divisions: dict[str, Division]) -> None:
        self.divisions = divisions
        self.by_key: dict[tuple[int, str], list[dict]] = {}
        for r in sources:
            kind = divisions[r["adcode"]].kind
            self.by_key.setdefault((r["report_year"], kind), []).append(r)
        self.used: dict[str, int] = {}

    def take(self, year: int, tgt: Division) -> tuple[dict, Division]:
        kind = "县级市" if tgt.kind == "县级市" else "县"
        pool = self.by_key[(year, kind)]
        best = min(pool, key=lambda r: (self.used.get(r["report_id"], 0), r["report_id"]))
        self.used[best["report_id"]] = self.used.get(best["report_id"], 0) + 1
        return best, self.divisions[best["adcode"]]


# ------------------------------------------------------------------------------------------------
# Shared HTML pieces
# ------------------------------------------------------------------------------------------------


def head(site: Site, title: str, *, extra_meta: str = "", charset: str | None = None, css: str = "") -> str:
    cs = charset or ("gb2312" if site.spec.encoding == "gbk" else "utf-8")
    return (f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="{cs}">\n'
            f'<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
            f'<meta name="SiteName" content="{esc(site.site_name)}">\n'
            f'<meta name="SiteDomain" content="{esc(site.spec.host)}">\n'
            f'<meta name="SiteIDCode" content="{site.site_code}">\n{extra_meta}'
            f'<title>{esc(title)}</title>\n'
            f'<link rel="stylesheet" href="{css or "/css/style.css"}">\n</head>\n')


def paragraphs_html(lines: list[str], style: str) -> str:
    """One <p> per line of the clean text; the signature lines (the last short lines) right-aligned."""
    out = []
    n = len(lines)
    for i, line in enumerate(lines):
        text = esc(line)
        if i >= n - 3 and len(line) <= 30 and "。" not in line and not re.match(r"^[一二三四五六七八九十]+、|^[（(]", line):
            out.append(f'<p style="text-align: right;">{text}</p>')
        elif style == "indent":
            out.append(f'<p style="text-indent: 2em;">{text}</p>')
        elif style == "span":
            out.append(f'<p style="text-indent: 2em;"><span style="font-size: 16pt;">{text}</span></p>')
        elif style == "mso":
            out.append(f'<p class="MsoNormal"><span style="font-family:仿宋">{text}</span></p>')
        else:
            out.append(f"<p>{text}</p>")
    return "\n".join(out)


def rel(here: str, target: str) -> str:
    """`target` as a relative link from the page `here` (as the CMS writes it), when on the same host."""
    f, t = urlsplit(here), urlsplit(target)
    if f.netloc != t.netloc:
        return target
    r = posixpath.relpath(t.path, posixpath.dirname(f.path) or "/")
    if t.path.endswith("/") and not r.endswith("/"):
        r = "./" if r == "." else r + "/"
    return r + (f"?{t.query}" if t.query else "")


def cut(title: str, n: int) -> str:
    return title if len(title) <= n else title[:n] + "..."


# ------------------------------------------------------------------------------------------------
# The site's own search: the answer recorded for the question the crawler asks (issue 15, point 5)
# ------------------------------------------------------------------------------------------------

#: what a crawler asks a site's search form (countyreports.crawl.discover.keywords.SEARCH_QUERY)
SEARCH_QUERY = "法治政府建设 年度报告"
SEARCH_PER_PAGE = 10


def search_matches(site: Site) -> list[tuple[str, str, dt.date]]:
    """(url, title, date) of the site's articles a full-text search for SEARCH_QUERY finds, newest first."""
    arts = [a for a in (*site.reports, *site.lookalikes) if a.url and ("法治政府建设" in a.title or "年度报告" in a.title)]
    found = [(a.url, a.title, a.published) for a in arts]
    for rid, urls in site.duplicates.items():
        rep = next(a for a in site.reports if a.report_id == rid)
        found += [(u, rep.title, rep.published) for u in urls]
    return sorted(found, key=lambda r: (r[2], r[0]), reverse=True)


def add_search(site: Site, frame: Callable[[str, str], str], action: str, fields: list[tuple[str, str]],
               query_field: str, *, charset: str = "utf-8", others: list[tuple[str, str, dt.date]] | None = None) -> None:
    """The result pages of the site's GET search form for SEARCH_QUERY, at the URL a browser submits (the form's
    fields in order, encoded in the page's charset), paged by `&page=N`; `others`: results on other sites."""
    query = urlencode([(k, SEARCH_QUERY if k == query_field else v) for k, v in fields], encoding=charset)
    first = f"{action}?{query}"
    rows = sorted([*search_matches(site), *(others or [])], key=lambda r: (r[2], r[0]), reverse=True)
    pages = [rows[i:i + SEARCH_PER_PAGE] for i in range(0, len(rows), SEARCH_PER_PAGE)] or [[]]
    urls = [first] + [f"{first}&page={k}" for k in range(2, len(pages) + 1)]
    for k, chunk in enumerate(pages, start=1):
        items = []
        for url, title, day in chunk:
            shown = esc(title).replace("法治政府建设", "<em>法治政府建设</em>").replace("年度报告", "<em>年度报告</em>")
            items.append(f'<li class="result-item"><h3><a href="{url}" target="_blank">{shown}</a></h3>'
                         f'<p class="summary">……{esc(title[:18])}……</p><p class="info"><span class="url">{url}</span> '
                         f'<span class="date">{day:%Y-%m-%d}</span></p></li>')
        pager = ""
        if len(pages) > 1:
            bits = [(f"<span>{j}</span>" if j == k else f'<a href="{urls[j - 1]}">{j}</a>') for j in range(1, len(pages) + 1)]
            if k < len(pages):
                bits.append(f'<a href="{urls[k]}">下一页</a>')
            pager = '<div class="pagination">' + " ".join(bits) + "</div>"
        body = (f'<div class="search-result"><div class="result-count">搜索“{esc(SEARCH_QUERY)}”，找到相关结果约{len(rows)}条'
                f'</div><ul class="result-list">{"".join(items)}</ul>{pager}</div>')
        site.add(urls[k - 1], frame(f"搜索结果-{site.site_name}", body), etag=False, note="site search results")


# ------------------------------------------------------------------------------------------------
# Family: 博达 VSB
# ------------------------------------------------------------------------------------------------


def vsb_site(site: Site) -> None:
    spec, rng = site.spec, site.rng
    dynamic = spec.flavour == "dynamic"
    www = site.root()
    gk_host = spec.sibling or spec.host
    gk = site.root(gk_host)
    tree_ids = iter(rng.sample(range(1001, 1999), 40))
    # column tree: 首页 → 政务公开 → 政府信息公开 → 法定主动公开内容 → 法治政府建设 → 年度报告 [→ 20xx年]
    home = Col("首页", "index", host=spec.host)
    if spec.sibling:  # the 信息公开 part is a sibling site; its own home is the 政务公开 column
        zwgk = Col("政务公开", "", host=gk_host, parent=home)
        chain_names = [("法定主动公开内容", "fdzdgknr"), ("法治政府建设", "fzzfjs"), (spec.report_col_name, "ndbg")]
    elif dynamic:
        zwgk = Col("政务公开", "zwgk", host=gk_host, parent=home)
        chain_names = [("法定主动公开内容", "fdzdgknr"), ("法治政府建设", "fzzfjs"), (spec.report_col_name, "bg")]
    else:
        zwgk = Col("政务公开", "zwgk", host=gk_host, parent=home)
        chain_names = [("政府信息公开", "zfxxgk"), ("法定主动公开内容", "fdzdgknr"), ("法治政府建设", "fzzfjs"),
                       (spec.report_col_name, "ndbg")]
    chain = [zwgk]
    for nm, slug in chain_names:
        col = Col(nm, slug, parent=chain[-1], host=gk_host, per_page=spec.per_page, dateless=spec.dateless_list)
        chain[-1].children.append(col)
        chain.append(col)
    report_col = chain[-1]
    law_col = chain[-2]
    fdzd = next(c for c in chain if c.name == "法定主动公开内容")
    sibs = [Col(nm, slug, parent=fdzd, host=gk_host, recorded=False) for nm, slug in
            (("机构职能", "jgzn"), ("政策文件", "zcwj"), ("规划计划", "ghjh"), ("财政资金", "czzj"), ("人事信息", "rsxx"))]
    annual = Col("政府信息公开年报", "xxgknb", parent=fdzd, host=gk_host, per_page=10)
    fdzd.children = [*sibs[:4], *fdzd.children, sibs[4], annual]
    notices = Col("通知公告", "tzgg", parent=home, host=spec.host, per_page=10)
    home.children = [zwgk, notices]
    # place the articles
    for art in site.reports:
        target = report_col
        if spec.per_year:
            yc = next((c for c in report_col.children if c.key == f"{art.published.year - 1}n"), None)
            if yc is None:
                yc = Col(f"{art.published.year - 1}年", f"{art.published.year - 1}n", parent=report_col, host=gk_host,
                         per_page=spec.per_page, dateless=spec.dateless_list)
                report_col.children.append(yc)
            target = yc
        target.items.append(art)
    for art in site.lookalikes:
        if art.kind in ("department_report", "prefecture_report"):
            (report_col.children[0] if spec.per_year else report_col).items.append(art)
        elif art.kind == "other_annual_report":
            annual.items.append(art)
        elif art.kind == "notice":
            law_col.items.append(art)
        else:
            notices.items.append(art)
    # URLs
    def col_path(col: Col) -> str:
        return "/".join(c.key for c in col.trail()[1:] if c.key)

    for col in _walk(home):
        if col is home:
            col.urls = [f"{www}/index.htm"]
            continue
        root = site.root(col.host)
        if dynamic and col is not zwgk and col is not notices and col.host == gk_host:
            tid = next(tree_ids)
            col.key = f"{col.key}:{tid}"
            n = len(col.pages())
            u = 5 + tid % 7
            col.urls = [f"{root}/list.jsp?urltype=tree.TreeTempUrl&wbtreeid={tid}"] + [
                f"{root}/list.jsp?a{u}t={n}&a{u}p={k}&a{u}c={col.per_page}&urltype=tree.TreeTempUrl&wbtreeid={tid}"
                for k in range(2, n + 1)]
            continue
        if col is zwgk and spec.sibling:
            col.urls = [f"{root}/index.htm"]
            continue
        path = col_path(col)
        n = len(col.pages())
        col.urls = [f"{root}/{path}.htm"] + [f"{root}/{path}/{n - k + 1}.htm" for k in range(2, n + 1)]
    static_ids: dict[int, int] = {}
    for col in _walk(home):
        for art in col.items:
            tid = int(col.key.split(":")[1]) if ":" in col.key else static_ids.setdefault(id(col), next(tree_ids))
            nid = rng.randint(10000, 99999)
            art.url = (f"{site.root(col.host)}/content.jsp?urltype=news.NewsContentUrl&wbtreeid={tid}&wbnewsid={nid}"
                       if dynamic and col.host == gk_host and col is not notices
                       else f"{site.root(col.host)}/info/{tid}/{nid}.htm")
    # a report reposted as a notice on the main site (a duplicate)
    dup_src = site.reports[-2]
    dup = Art(dup_src.title, dup_src.published + dt.timedelta(days=1), "duplicate", dup_src.paragraphs,
              dup_src.source_org, report_id=dup_src.report_id, show_date=True)
    dup.url = f"{www}/info/{static_ids.setdefault(id(notices), next(tree_ids))}/{rng.randint(10000, 99999)}.htm"
    notices.items.append(dup)
    site.duplicates.setdefault(dup_src.report_id, []).append(dup.url)

    nav = [("首页", f"{www}/index.htm"), ("政务公开", zwgk.urls[0]), ("新闻中心", f"{www}/xwzx.htm"),
           ("政务服务", f"{www}/zwfw.htm"), ("互动交流", f"{www}/hdjl.htm"), ("走进" + base_name(site.name), f"{www}/zj.htm")]

    def page(title: str, crumbs: list[tuple[str, str]], body: str, extra_meta: str = "") -> str:
        crumb = " &gt; ".join(f'<a href="{u}">{esc(t)}</a>' for t, u in crumbs)
        navh = "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in nav)
        return (head(site, title, extra_meta=extra_meta, css="/dfiles/style.css")
                + f'<body>\n<div class="top"><div class="logo"><img src="/images/logo.png" alt="{esc(site.site_name)}">'
                f'</div><div class="search"><form action="{www}/ssjg.jsp?wbtreeid=1001" method="post" name="dataForm">'
                f'<input type="text" name="showkeycode" value=""><input type="submit" value="搜索"></form></div></div>\n'
                f'<div class="nav"><ul>{navh}</ul></div>\n'
                f'<div class="dqwz">您的位置：{crumb}</div>\n{body}\n'
                f'<div class="foot"><div class="links">相关链接：<a href="http://{PREFECTURE_HOSTS[site.div.prefecture]}/">'
                f'{site.div.prefecture}人民政府</a> <a href="http://{PROVINCE_HOSTS[site.div.province]}/">'
                f'{site.div.province}人民政府</a></div><p>{site.footer_text()}</p>'
                f'<p>技术支持：博达软件</p></div>\n</body>\n</html>\n')

    def crumbs_of(col: Col) -> list[tuple[str, str]]:
        return [(c.name, c.urls[0]) for c in col.trail()]

    def list_block(col: Col, items: list[Art], k: int, n: int) -> str:
        here = col.urls[k - 1]
        rows = []
        for i, art in enumerate(items):
            t = art.list_title or art.title
            date = "" if col.dateless else f'<span class="time">{art.published:%Y-%m-%d}</span>'
            rows.append(f'<li id="line_u8_{i}"><a href="{rel(here, art.url)}" target="_blank" title="{esc(art.title)}">'
                        f'{esc(cut(t, 30))}</a>{date}</li>')
        pager = ""
        if n > 1:
            parts = [f'<span class="p_t">共{len(col.items)}条</span> <span class="p_t">{k}/{n}</span>']
            if k > 1:
                parts.append(f'<span class="p_first p_fun"><a href="{rel(here, col.urls[0])}">首页</a></span>')
                parts.append(f'<span class="p_prev p_fun"><a href="{rel(here, col.urls[k - 2])}">上页</a></span>')
            else:
                parts.append('<span class="p_first_d p_fun_d">首页</span><span class="p_prev_d p_fun_d">上页</span>')
            for j in range(1, n + 1):
                parts.append(f'<span class="p_no_d">{j}</span>' if j == k else
                             f'<span class="p_no"><a href="{rel(here, col.urls[j - 1])}">{j}</a></span>')
            if k < n:
                parts.append(f'<span class="p_next p_fun"><a href="{rel(here, col.urls[k])}">下页</a></span>')
                parts.append(f'<span class="p_last p_fun"><a href="{rel(here, col.urls[n - 1])}">尾页</a></span>')
            else:
                parts.append('<span class="p_next_d p_fun_d">下页</span><span class="p_last_d p_fun_d">尾页</span>')
            pager = f'<div class="pb_sys_common pb_sys_normal pb_sys_style1"><span class="p_pages">{"".join(parts)}</span></div>'
        subs = ""
        if col.children:
            subs = '<div class="sub-cols">' + "".join(
                f'<a href="{c.urls[0]}">{esc(c.name)}</a>' for c in col.children) + "</div>"
        return (f'<div class="main"><div class="left"><h3>{esc(col.parent.name if col.parent else "")}</h3><ul>'
                + "".join(f'<li><a href="{c.urls[0]}">{esc(c.name)}</a></li>'
                          for c in (col.parent.children if col.parent else []))
                + f'</ul></div><div class="right"><div class="lm_name">{esc(col.name)}</div>{subs}'
                f'<div class="list"><ul>{"".join(rows)}</ul></div>{pager}</div></div>')

    for col in _walk(home):
        if col is home or not col.recorded:
            continue
        pages = col.pages()
        for k, items in enumerate(pages, start=1):
            if col is zwgk or (not col.items and col.children and col is not report_col):
                body = _vsb_portal(col)
            else:
                body = list_block(col, items, k, len(pages))
            site.add(col.urls[k - 1], page(f"{col.name}-{site.site_name}", crumbs_of(col), body),
                     when=at(max([a.published for a in items] or [dt.date(2024, 6, 1)]), rng),
                     etag=not dynamic or col.host != gk_host)
    # homepage
    news = [a for a in notices.items][:4]
    blocks = ['<div class="box"><div class="box-t"><span>政务要闻</span><a href="{0}/xwzx.htm">更多&gt;&gt;</a></div>'
              '<ul><li><a href="{0}/info/1011/23817.htm">{1}召开全县经济工作会议</a><span>2024-06-12</span></li>'
              '<li><a href="{0}/info/1011/23806.htm">{1}开展防汛应急演练</a><span>2024-06-07</span></li></ul></div>'
              .format(www, site.name)]
    blocks.append('<div class="box"><div class="box-t"><span>通知公告</span><a href="{}">更多&gt;&gt;</a></div><ul>'.format(notices.urls[0])
                  + "".join(f'<li><a href="{a.url}" title="{esc(a.title)}">{esc(cut(a.title, 22))}</a>'
                            f'<span>{a.published:%Y-%m-%d}</span></li>' for a in news) + "</ul></div>")
    if spec.home_links_report:
        latest = max(site.reports, key=lambda a: a.published)
        blocks.append('<div class="box"><div class="box-t"><span>法治政府建设</span></div><ul>'
                      f'<li><a href="{latest.url}" title="{esc(latest.title)}">{esc(cut(latest.title, 22))}</a>'
                      f'<span>{latest.published:%Y-%m-%d}</span></li></ul></div>')
    blocks.append(f'<div class="zwgk-entry"><a href="{zwgk.urls[0]}"><img src="/images/zwgk.png" alt="政务公开"></a></div>')
    home_html = page(site.site_name, [("首页", f"{www}/index.htm")], "\n".join(blocks))
    site.add(f"{www}/", home_html, when=at(dt.date(2024, 6, 20), rng))
    site.add(f"{www}/index.htm", home_html, when=at(dt.date(2024, 6, 20), rng))

    def article(art: Art, col: Col) -> str:
        info = (f'<div class="info">发布时间：{art.published:%Y年%m月%d日} &nbsp; 来源：{esc(art.source_org)} &nbsp; '
                f'点击数：<script>_showDynClicks("wbnews", 1, 1)</script></div>' if art.show_date else
                f'<div class="info">来源：{esc(art.source_org)} &nbsp; 点击数：<script>_showDynClicks("wbnews", 1, 1)</script></div>')
        body = (f'<div class="main"><form name="_newscontent_fromname"><div class="article"><h1>{esc(art.title)}</h1>{info}'
                f'<div id="vsb_content"><div class="v_news_content">\n{paragraphs_html(art.lines(), "indent")}\n'
                '</div></div><div class="print"><a href="javascript:window.print()">【打印本页】</a> '
                '<a href="javascript:window.close()">【关闭窗口】</a></div></div></form></div>')
        return page(f"{art.title}-{site.site_name}", crumbs_of(col) + [("正文", art.url)], body)

    for col in _walk(home):
        for art in col.items:
            site.add(art.url, article(art, col), when=at(art.published, rng),
                     etag=not dynamic or col.host != gk_host)


def _vsb_portal(col: Col) -> str:
    """A column whose page is a portal of its sub-columns (a menu, and a block with 更多 per sub-column)."""
    blocks = "".join(f'<div class="box"><div class="box-t"><span>{esc(c.name)}</span><a href="{c.urls[0]}">更多&gt;&gt;</a>'
                     '</div></div>' for c in col.children)
    links = "".join(f'<li><a href="{c.urls[0]}">{esc(c.name)}</a></li>' for c in col.children)
    return f'<div class="main"><div class="gk-menu"><ul>{links}</ul></div>{blocks}</div>'


def _walk(col: Col) -> list[Col]:
    out = [col]
    for c in col.children:
        out.extend(_walk(c))
    return out


# ------------------------------------------------------------------------------------------------
# Family: Guangdong gkmlpt
# ------------------------------------------------------------------------------------------------


def gkmlpt_site(site: Site) -> None:
    spec, rng = site.spec, site.rng
    www = site.root()
    sid = str(rng.randint(763000, 763999))
    ids = iter(rng.sample(range(2100, 2999), 40))
    post_ids = iter(sorted(rng.sample(range(1_100_000, 4_900_000), 60)))
    tree_cols: dict[str, Col] = {}
    fdzd = Col("法定主动公开内容", str(next(ids)))
    law = Col("法治政府建设", str(next(ids)), parent=fdzd, per_page=spec.per_page)
    fdzd.children.append(law)
    rep = Col(spec.report_col_name, str(next(ids)), parent=law, per_page=spec.per_page)
    law.children.append(rep)
    annual = Col("政府信息公开年报", str(next(ids)), per_page=spec.per_page)
    others = [Col(n, str(next(ids)), parent=fdzd, recorded=False) for n in
              ("机构职能", "政策文件", "规划计划", "财政信息", "人事信息", "重点领域信息公开")]
    fdzd.children[:0] = others
    tops = [Col("政府信息公开指南", str(next(ids)), recorded=False), Col("政府信息公开制度", str(next(ids)), recorded=False),
            fdzd, annual, Col("依申请公开", str(next(ids)), recorded=False)]
    for art in site.reports:
        if spec.per_year:
            y = art.published.year - 1
            yc = next((c for c in rep.children if c.name == f"{y}年"), None)
            if yc is None:
                yc = Col(f"{y}年", str(next(ids)), parent=rep, per_page=spec.per_page)
                rep.children.append(yc)
            yc.items.append(art)
        else:
            rep.items.append(art)
    for art in site.lookalikes:
        if art.kind in ("department_report", "prefecture_report"):
            (rep.children[0] if spec.per_year else rep).items.append(art)
        elif art.kind == "other_annual_report":
            annual.items.append(art)
        else:
            law.items.append(art)
    for col in [*tops, *_walk(fdzd)]:
        tree_cols[col.key] = col

    def post_url(pid: int) -> str:
        return f"{www}/gkmlpt/content/{pid // 1_000_000}/{pid // 1000}/post_{pid}.html"

    for col in tree_cols.values():
        for art in col.items:
            art.url = post_url(next(post_ids))

    def node(col: Col) -> dict:
        return {"id": int(col.key), "name": col.name, "parent": int(col.parent.key) if col.parent else 0,
                "children": [node(c) for c in col.children]}

    tree = [node(c) for c in tops]
    # the API: one JSON page per list page of every recorded column
    for col in tree_cols.values():
        if not col.recorded:
            continue
        pages = col.pages()
        for k, items in enumerate(pages, start=1):
            arts = [{
                "id": int(a.url.rsplit("_", 1)[1].split(".")[0]), "title": a.title, "url": a.url,
                "publisher": a.source_org,
                "identifier": f"{site.div.adcode}{rng.randint(100, 999)}/{a.published.year}-{rng.randint(10, 999):05d}",
                "document_number": "", "first_publish_time": int(at(a.published, rng).timestamp()),
                "display_publish_time": int(at(a.published, rng).timestamp()),
            } for a in items]
            body = json.dumps({"articles": arts, "total": len(col.items), "page": k, "page_size": col.per_page,
                               "classify": {"id": int(col.key), "name": col.name}}, ensure_ascii=False,
                              separators=(",", ":"))
            site.add(f"{www}/gkmlpt/api/all/{col.key}?page={k}&sid={sid}", body, ctype="application/json", etag=False)
    crumbs = f'当前位置：<a href="{www}/">首页</a> &gt; <a href="{www}/zwgk/index.html">政务公开</a> &gt; <span>政府信息公开目录</span>'
    menu = "".join(f'<li><a href="{www}/gkmlpt/index#{c.key}">{esc(c.name)}</a></li>' for c in tops)
    shell = (head(site, f"政府信息公开目录-{site.site_name}",
                  extra_meta='<meta name="ColumnName" content="政府信息公开目录">\n<meta name="ColumnType" content="政府信息公开">\n',
                  css="/gkmlpt/static/css/gkml.css")
             + f'<body>\n<div class="gkml-header"><div class="w1200"><a class="logo" href="{www}/">{esc(site.site_name)}</a>'
             f'<span class="tit">政府信息公开</span></div></div>\n<div class="w1200 crumbs">{crumbs}</div>\n'
             f'<div class="w1200"><ul class="gkml-menu">{menu}</ul>\n<div id="gkml-app"><noscript>您的浏览器未开启JavaScript，'
             f'请开启后浏览本页面。</noscript></div></div>\n'
             '<script>\nwindow._CONFIG = ' + json.dumps({"SID": sid, "SITE_NAME": site.site_name,
                                                        "API_BASE": "/gkmlpt/api/", "TREE": tree},
                                                       ensure_ascii=False, separators=(",", ":"))
             + ';\n</script>\n<script src="/gkmlpt/static/js/manifest.js"></script>\n'
             '<script src="/gkmlpt/static/js/app.js"></script>\n'
             f'<div class="gkml-footer"><p>{site.footer_text()}</p></div>\n</body>\n</html>\n')
    site.add(f"{www}/gkmlpt/index", shell, when=at(dt.date(2024, 6, 25), rng))
    # the portal's own pages
    nav = [("首页", f"{www}/"), ("走进" + base_name(site.name), f"{www}/zjry/index.html"), ("政务公开", f"{www}/zwgk/index.html"),
           ("政务服务", f"{www}/zwfw/index.html"), ("互动交流", f"{www}/hdjl/index.html")]

    def page(title: str, crumbs: str, body: str) -> str:
        navh = "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in nav)
        return (head(site, title) + f'<body>\n<div class="header"><h1 class="logo">{esc(site.site_name)}</h1>'
                f'<form class="search" action="http://{SHARED_SEARCH}/search/all/{sid}" method="get" target="_blank">'
                f'<input type="hidden" name="siteCode" value="{site.site_code}">'
                f'<input type="text" name="keywords"><button type="submit">搜索</button></form></div>\n'
                f'<div class="nav"><ul>{navh}</ul></div>\n<div class="crumbs">{crumbs}</div>\n{body}\n'
                f'<div class="footer"><div class="links"><a href="http://{PROVINCE_HOSTS[site.div.province]}/">'
                f'{site.div.province}人民政府</a><a href="http://{PREFECTURE_HOSTS[site.div.prefecture]}/">'
                f'{site.div.prefecture}人民政府</a></div><p>{site.footer_text()}</p></div>\n</body>\n</html>\n')

    zwgk_blocks = [
        f'<div class="zwgk-box"><a class="gkml" href="{www}/gkmlpt/index">政府信息公开目录</a>'
        f'<a href="{www}/gkmlpt/index#{tops[0].key}">政府信息公开指南</a>'
        f'<a href="{www}/gkmlpt/index#{annual.key}">政府信息公开年报</a>'
        f'<a href="{www}/gkmlpt/index#{tops[4].key}">依申请公开</a></div>',
        f'<div class="zwgk-box"><div class="box-t"><span>政策文件</span><a href="{www}/zwgk/zcwj/index.html">更多</a></div>'
        f'<ul><li><a href="{www}/zwgk/zcwj/content/post_{next(post_ids)}.html">{esc(site.name)}人民政府关于印发'
        f'{esc(site.name)}防汛防旱防风应急预案的通知</a><span>2024-05-20</span></li></ul></div>',
    ]
    if spec.home_links_report:  # the portal's 政务公开 page shows the latest items of the law column
        latest = sorted(rep.items + law.items, key=lambda a: a.published, reverse=True)[:5]
        zwgk_blocks.append(
            f'<div class="zwgk-box"><div class="box-t"><span>法治政府建设</span><a href="{www}/gkmlpt/index#{law.key}">更多</a></div>'
            '<ul>' + "".join(f'<li><a href="{a.url}" title="{esc(a.title)}">{esc(cut(a.title, 26))}</a>'
                             f'<span>{a.published:%Y-%m-%d}</span></li>' for a in latest) + "</ul></div>")
    site.add(f"{www}/zwgk/index.html",
             page(f"政务公开-{site.site_name}", f'当前位置：<a href="{www}/">首页</a> &gt; <span>政务公开</span>',
                  '<div class="main">' + "".join(zwgk_blocks) + "</div>"), when=at(dt.date(2024, 6, 25), rng))
    news_block = ('<div class="box"><div class="box-t"><span>要闻动态</span><a href="{0}/zwgk/jcxxgk/index.html">更多</a></div>'
                  '<ul><li><a href="{0}/zwgk/jcxxgk/content/post_{2}.html">{1}召开2024年安全生产工作会议</a>'
                  '<span>2024-06-18</span></li></ul></div>').format(www, site.name, next(post_ids))
    if spec.home_links_report:
        latest = max(site.reports, key=lambda a: a.published)
        news_block += ('<div class="box"><div class="box-t"><span>政务公开</span></div><ul>'
                       f'<li><a href="{latest.url}" title="{esc(latest.title)}">{esc(cut(latest.title, 24))}</a>'
                       f'<span>{latest.published:%Y-%m-%d}</span></li></ul></div>')
    home_html = page(site.site_name, "", f'<div class="main">{news_block}'
                     f'<div class="zwgk-entry"><a href="{www}/zwgk/index.html">政务公开</a>'
                     f'<a href="{www}/gkmlpt/index">政府信息公开目录</a></div></div>')
    site.add(f"{www}/", home_html, when=at(dt.date(2024, 6, 20), rng))
    if spec.homepage and urlsplit(spec.homepage).hostname != spec.host:
        site.add(spec.homepage, home_html, when=at(dt.date(2024, 6, 20), rng), note="bare host: same page as www")

    def article(art: Art, col: Col) -> str:
        trail = " &gt; ".join(esc(c.name) for c in col.trail())
        table = ('<table class="classify"><tr><td class="td-label">索引号：</td>'
                 f'<td>{site.div.adcode}{rng.randint(100, 999)}/{art.published.year}-{rng.randint(10, 999):05d}</td>'
                 f'<td class="td-label">分类：</td><td>{trail}</td></tr>'
                 f'<tr><td class="td-label">发布机构：</td><td>{esc(art.source_org)}</td>'
                 f'<td class="td-label">成文日期：</td><td>{art.published:%Y-%m-%d}</td></tr>'
                 f'<tr><td class="td-label">名称：</td><td colspan="3">{esc(art.title)}</td></tr>'
                 f'<tr><td class="td-label">文号：</td><td></td><td class="td-label">发布日期：</td>'
                 f'<td>{art.published:%Y-%m-%d}</td></tr></table>')
        body = (f'<div class="w1200 crumbs">当前位置：<a href="{www}/">首页</a> &gt; <a href="{www}/gkmlpt/index">政府信息公开目录</a>'
                f' &gt; {trail}</div>\n<div class="w1200 content">{table}<div class="article">'
                f'<h1 class="title">{esc(art.title)}</h1><div class="article-content">\n{paragraphs_html(art.lines(), "plain")}\n'
                '</div></div></div>')
        meta = (f'<meta name="ArticleTitle" content="{esc(art.title)}">\n'
                f'<meta name="PubDate" content="{art.published:%Y-%m-%d} 00:00">\n'
                f'<meta name="ContentSource" content="{esc(art.source_org)}">\n'
                f'<meta name="ColumnName" content="{esc(col.name)}">\n')
        return (head(site, f"{art.title}-{site.site_name}", extra_meta=meta, css="/gkmlpt/static/css/gkml.css")
                + f'<body>\n<div class="gkml-header"><div class="w1200"><a class="logo" href="{www}/">{esc(site.site_name)}</a>'
                f'</div></div>\n{body}\n<script>\nwindow._CONFIG = {{"SID":"{sid}","DETAIL":{{"id":{art.url.rsplit("_", 1)[1][:-5]}}}}};\n'
                f'</script>\n<div class="gkml-footer"><p>{site.footer_text()}</p></div>\n</body>\n</html>\n')

    for col in tree_cols.values():
        for art in col.items:
            site.add(art.url, article(art, col), when=at(art.published, rng))
    pref = f"http://{PREFECTURE_HOSTS[site.div.prefecture]}"
    last = max(site.reports, key=lambda a: a.published)
    add_search(site, lambda title, body: page(title, "", body), f"http://{SHARED_SEARCH}/search/all/{sid}",
               [("siteCode", site.site_code), ("keywords", "")], "keywords",
               others=[(f"{pref}/gkmlpt/content/0/{seeded('search', site.div.adcode).randint(100000, 999999)}/"
                        f"post_{seeded('search', site.div.adcode, 2).randint(100000, 999999)}.html",
                        f"{site.div.prefecture}人民政府关于{last.published.year - 1}年度法治政府建设情况的报告",
                        last.published)])


# ------------------------------------------------------------------------------------------------
# Family: Anhui 信息公开 platform
# ------------------------------------------------------------------------------------------------


def anhui_site(site: Site) -> None:
    spec, rng = site.spec, site.rng
    www = site.root()
    gk_host = spec.sibling or spec.host
    gk = site.root(gk_host)
    org = rng.randint(6590000, 6629999)
    cats = iter(rng.sample(range(7001000, 7999999), 40))
    art_ids = iter(sorted(rng.sample(range(8_400_000, 8_999_999), 60)))
    home_gk = Col("信息公开", "xxgk", host=gk_host)
    fdzd = Col("法定主动公开内容", str(next(cats)), parent=home_gk, host=gk_host, per_page=spec.per_page)
    law = Col("法治政府建设", str(next(cats)), parent=fdzd, host=gk_host, per_page=spec.per_page)
    rep = Col(spec.report_col_name, str(next(cats)), parent=law, host=gk_host, per_page=spec.per_page)
    law.children.append(rep)
    others = [Col(n, str(next(cats)), parent=fdzd, host=gk_host, recorded=False)
              for n in ("机构信息", "政策文件", "规划信息", "财政预决算", "重大建设项目", "人事信息")]
    fdzd.children = [*others[:3], law, *others[3:]]
    annual = Col("政府信息公开年报", str(next(cats)), parent=home_gk, host=gk_host, per_page=spec.per_page)
    home_gk.children = [Col("信息公开指南", str(next(cats)), parent=home_gk, host=gk_host, recorded=False),
                        Col("信息公开制度", str(next(cats)), parent=home_gk, host=gk_host, recorded=False),
                        fdzd, annual, Col("依申请公开", str(next(cats)), parent=home_gk, host=gk_host, recorded=False)]
    for art in site.reports:
        if spec.per_year:
            y = art.published.year - 1
            yc = next((c for c in rep.children if c.name == f"{y}年度"), None)
            if yc is None:
                yc = Col(f"{y}年度", str(next(cats)), parent=rep, host=gk_host, per_page=spec.per_page)
                rep.children.append(yc)
            yc.items.append(art)
        else:
            rep.items.append(art)
    dept_orgs: dict[str, int] = {}
    for art in site.lookalikes:
        if art.kind in ("department_report", "prefecture_report"):
            (rep.children[-1] if spec.per_year else rep).items.append(art)
        elif art.kind == "other_annual_report":
            annual.items.append(art)
        else:
            law.items.append(art)
    # 法定主动公开内容 lists everything below it
    for col in _walk(home_gk):
        if col is home_gk:
            col.urls = [f"{gk}/public/column/{org}?type=4&action=xxgk"]
            continue
        n = len(col.pages()) if col is not fdzd else 1
        base = f"{gk}/public/column/{org}?type=4&catId={col.key}&action=list&nav=3"
        col.urls = [base] + [f"{base}&pageIndex={k}" for k in range(2, n + 1)]
    for col in _walk(home_gk):
        for art in col.items:
            owner = org
            if art.kind == "department_report":
                owner = dept_orgs.setdefault(art.source_org, rng.randint(6630000, 6699999))
            art.url = f"{gk}/public/{owner}/{next(art_ids)}.html"
    nav = [("首页", f"{www}/"), ("要闻动态", f"{www}/News/index.html"), ("信息公开", home_gk.urls[0]),
           ("政务服务", f"{www}/zwfw/index.html"), ("互动交流", f"{www}/Interaction/index.html")]

    def page(title: str, col: Col | None, body: str, extra_crumb: str = "") -> str:
        navh = "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in nav)
        crumb = ""
        if col is not None:
            crumb = ('<div class="wz">当前位置：<a href="' + www + '/">首页</a> &gt; '
                     + " &gt; ".join(f'<a href="{c.urls[0]}">{esc(c.name)}</a>' for c in col.trail()) + extra_crumb + "</div>")
        return (head(site, title) + f'<body>\n<div class="header"><div class="logo">{esc(site.site_name)}</div>'
                f'<div class="ss"><form action="{www}/site/search/{org}" method="get"><input type="text" name="searchWord">'
                f'<input type="submit" value="搜索"></form></div></div>\n<div class="navbar"><ul>{navh}</ul></div>\n'
                f'{crumb}\n{body}\n<div class="footer"><p>{site.footer_text()}</p>'
                f'<p><a href="http://{PROVINCE_HOSTS[site.div.province]}/">{site.div.province}人民政府</a> '
                f'<a href="http://{PREFECTURE_HOSTS[site.div.prefecture]}/">{site.div.prefecture}人民政府</a></p></div>\n'
                '</body>\n</html>\n')

    def tree_html(active: Col) -> str:
        def li(c: Col) -> str:
            cls = ' class="on"' if c is active else ""
            kids = ("<ul>" + "".join(li(k) for k in c.children) + "</ul>") if c.children else ""
            return f'<li{cls}><a href="{c.urls[0]}">{esc(c.name)}</a>{kids}</li>'
        return '<div class="xxgk-tree"><h3>信息公开目录</h3><ul>' + "".join(li(c) for c in fdzd.children) + "</ul></div>"

    def list_body(col: Col, items: list[Art], k: int, n: int) -> str:
        rows = []
        for a in items:
            d = "" if col.dateless else f'<span class="date">{a.published:%Y-%m-%d}</span>'
            rows.append(f'<li><a class="title" href="{a.url}" title="{esc(a.title)}" target="_blank">{esc(a.title)}</a>{d}</li>')
        pager = ""
        if n > 1:
            bits = [f'<span class="total">共{len(col.items)}条 第{k}/{n}页</span>', f'<a href="{col.urls[0]}">首页</a>']
            if k > 1:
                bits.append(f'<a href="{col.urls[k - 2]}">上一页</a>')
            bits += [(f'<a href="{col.urls[j - 1]}" class="current">{j}</a>' if j == k else f'<a href="{col.urls[j - 1]}">{j}</a>')
                     for j in range(1, n + 1)]
            if k < n:
                bits.append(f'<a href="{col.urls[k]}">下一页</a>')
            bits.append(f'<a href="{col.urls[n - 1]}">尾页</a>')
            pager = '<div class="pagination">' + "".join(bits) + "</div>"
        subs = ""
        if col.children:
            subs = '<div class="sub-cat">' + "".join(f'<a href="{c.urls[0]}">{esc(c.name)}</a>' for c in col.children) + "</div>"
        return (f'<div class="xxgk-main">{tree_html(col)}<div class="xxgk-right"><div class="xxgk-title">{esc(col.name)}</div>'
                f'{subs}<ul class="clearfix xxgk-list">{"".join(rows)}</ul>{pager}</div></div>')

    # the 法定主动公开内容 page lists the latest items of its categories
    fdzd_items = [a for c in _walk(fdzd) if c is not fdzd for a in c.items]
    fdzd.items = []
    for col in _walk(home_gk):
        if not col.recorded or col is home_gk:
            continue
        if col is fdzd:
            items = sorted(fdzd_items, key=lambda a: a.published, reverse=True)[:col.per_page]
            fake = Col(col.name, col.key, items=fdzd_items, parent=col.parent, per_page=col.per_page, host=col.host)
            fake.urls, fake.children = col.urls, col.children
            body = list_body(fake, items, 1, 1)
            site.add(col.urls[0], page(f"{col.name}-{site.site_name}", col, body), etag=False)
            continue
        pages = col.pages()
        for k, items in enumerate(pages, start=1):
            site.add(col.urls[k - 1], page(f"{col.name}-{site.site_name}", col, list_body(col, items, k, len(pages))),
                     etag=False)
    # 信息公开 home
    gk_home = ('<div class="xxgk-index"><ul class="xxgk-entries">'
               + "".join(f'<li><a href="{c.urls[0]}">{esc(c.name)}</a></li>' for c in home_gk.children)
               + f'</ul><div class="dept-list"><h3>部门信息公开</h3><ul><li><a href="{gk}/public/column/6631021?type=4&action=xxgk">'
               f'县发展改革委</a></li><li><a href="{gk}/public/column/6631187?type=4&action=xxgk">县教育局</a></li></ul></div></div>')
    site.add(home_gk.urls[0], page(f"信息公开-{site.site_name}", home_gk, gk_home), etag=False)
    # homepage
    news = (f'<div class="news"><div class="tit"><span>要闻动态</span><a href="{www}/News/index.html">更多</a></div>'
            f'<ul><li><a href="{www}/News/show/{rng.randint(1800000, 1999999)}.html">{esc(site.name)}召开2024年重点项目推进会</a>'
            '<span>06-21</span></li></ul></div>')
    entry = (f'<div class="xxgk-entry"><div class="tit"><span>信息公开</span><a href="{home_gk.urls[0]}">更多</a></div><ul>'
             f'<li><a href="{home_gk.children[0].urls[0]}">信息公开指南</a></li><li><a href="{fdzd.urls[0]}">法定主动公开内容</a></li>'
             f'<li><a href="{annual.urls[0]}">政府信息公开年报</a></li></ul></div>')
    site.add(f"{www}/", page(site.site_name, None, f'<div class="main">{news}{entry}</div>'), when=at(dt.date(2024, 6, 21), rng))

    def article(art: Art, col: Col) -> str:
        date = f"{art.published:%Y-%m-%d}" if art.show_date else ""
        table = ('<table class="table_suoyin"><tr><th>索引号：</th>'
                 f'<td>{rng.randint(10**17, 10**18 - 1)}/{art.published.year}-{rng.randint(10, 99999):05d}</td>'
                 f'<th>信息分类：</th><td>{esc(col.name)}</td></tr><tr><th>发布机构：</th><td>{esc(art.source_org)}</td>'
                 f'<th>生成日期：</th><td>{date}</td></tr><tr><th>信息名称：</th><td colspan="3">{esc(art.title)}</td></tr>'
                 f'<tr><th>文号：</th><td></td><th>公开方式：</th><td>主动公开</td></tr></table>')
        body = (f'<div class="xxgk-detail">{table}<div class="wztit"><h1>{esc(art.title)}</h1></div>'
                f'<div class="wzcon fontContent j-fontContent">\n{paragraphs_html(art.lines(), "span")}\n</div>'
                '<div class="wzbot"><a href="javascript:window.print();">打印本页</a> <a href="javascript:window.close();">'
                '关闭窗口</a></div></div>')
        return page(f"{art.title}-{site.site_name}", col, body, " &gt; 正文")

    for col in _walk(home_gk):
        for art in col.items:
            site.add(art.url, article(art, col), when=at(art.published, rng))
    add_search(site, lambda title, body: page(title, None, body), f"{www}/site/search/{org}", [("searchWord", "")],
               "searchWord")


# ------------------------------------------------------------------------------------------------
# Family: Gansu/Henan-style art_<hash> sites
# ------------------------------------------------------------------------------------------------


def arthash_site(site: Site) -> None:
    spec, rng = site.spec, site.rng
    www = site.root()
    gk_host = spec.sibling or spec.host
    pre = spec.prefix
    home = Col("首页", "", host=spec.host)
    zwgk = Col("政务公开", "zwgk", parent=home, host=gk_host)
    xxgk = Col("政府信息公开", "ZFXXGK", parent=zwgk, host=gk_host)
    fdzd = Col("法定主动公开内容", "FDZDGKNR", parent=xxgk, host=gk_host)
    law = Col("法治政府建设", "FZZFJS", parent=fdzd, host=gk_host, per_page=spec.per_page, dateless=spec.dateless_list)
    rep = Col(spec.report_col_name, "NDBG", parent=law, host=gk_host, per_page=spec.per_page, dateless=spec.dateless_list)
    home.children, zwgk.children, xxgk.children = [zwgk], [xxgk], []
    annual = Col("政府信息公开年报", "ZFXXGKNB", parent=xxgk, host=gk_host, per_page=10)
    xxgk.children = [Col("政府信息公开指南", "ZFXXGKZN", parent=xxgk, host=gk_host, recorded=False),
                     Col("政府信息公开制度", "ZFXXGKZD", parent=xxgk, host=gk_host, recorded=False), fdzd, annual,
                     Col("依申请公开", "YSQGK", parent=xxgk, host=gk_host, recorded=False)]
    fdzd.children = [Col(n, k, parent=fdzd, host=gk_host, recorded=False) for n, k in
                     (("机构职能", "JGZN"), ("政策文件", "ZCWJ"), ("规划信息", "GHXX"), ("财政信息", "CZXX"))] + [law] + [
                     Col(n, k, parent=fdzd, host=gk_host, recorded=False) for n, k in (("人事信息", "RSXX"), ("重点领域", "ZDLY"))]
    law.children = [rep]
    for art in site.reports:
        if spec.per_year:
            y = art.published.year - 1
            yc = next((c for c in rep.children if c.key == f"{y}ND"), None)
            if yc is None:
                yc = Col(f"{y}年度", f"{y}ND", parent=rep, host=gk_host, per_page=spec.per_page)
                rep.children.append(yc)
            yc.items.append(art)
        else:
            rep.items.append(art)
    for art in site.lookalikes:
        if art.kind in ("department_report", "prefecture_report"):
            (rep.children[0] if spec.per_year else rep).items.append(art)
        elif art.kind == "other_annual_report":
            annual.items.append(art)
        else:
            law.items.append(art)
    for col in _walk(home):
        root = site.root(col.host)
        if col is home:
            col.urls = [f"{www}/"]
            continue
        path = "/".join(c.key for c in col.trail()[1:])
        n = len(col.pages())
        col.urls = [f"{root}/{pre}/{path}/index.html"] + [f"{root}/{pre}/{path}/index_{k}.html" for k in range(2, n + 1)]
    for col in _walk(home):
        for art in col.items:
            h = hashlib.md5(f"{site.div.adcode}|{art.title}|{art.published}".encode()).hexdigest()
            art.url = f"{site.root(col.host)}/art/{art.published.year}/art_{h}.html"
    nav = [("首页", f"{www}/"), ("要闻动态", f"{www}/{pre}/YWDT/index.html"), ("政务公开", zwgk.urls[0]),
           ("政务服务", f"{www}/{pre}/ZWFW/index.html"), ("互动交流", f"{www}/{pre}/HDJL/index.html")]

    def page(title: str, col: Col | None, body: str, meta: str = "", tail: str = "") -> str:
        navh = "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in nav)
        crumb = ""
        if col is not None:
            crumb = ('<div class="crumb"><span>当前位置：</span>'
                     + " &gt; ".join(f'<a href="{c.urls[0]}">{esc(c.name)}</a>' for c in col.trail()) + tail + "</div>")
        return (head(site, title, extra_meta=meta, css=f"/{pre}/css/common.css")
                + f'<body>\n<div class="head"><div class="w1200"><div class="logo">{esc(site.site_name)}</div>'
                f'<form class="search" action="{www}/guestweb4/s" method="get"><input type="hidden" name="siteCode" '
                f'value="{site.site_code}"><input type="text" name="searchWord"><input type="submit" value="搜索"></form>'
                f'</div></div>\n<div class="menu"><ul>{navh}</ul></div>\n{crumb}\n{body}\n'
                f'<div class="foot"><p>{site.footer_text()}</p><p><a href="http://{PREFECTURE_HOSTS[site.div.prefecture]}/">'
                f'{site.div.prefecture}人民政府</a> | <a href="http://{PROVINCE_HOSTS[site.div.province]}/">'
                f'{site.div.province}人民政府</a></p></div>\n</body>\n</html>\n')

    def side(col: Col) -> str:
        sibs = col.parent.children if col.parent else []
        return ('<div class="side"><div class="side-t">' + esc(col.parent.name if col.parent else "") + '</div><ul>'
                + "".join((f'<li class="on"><a href="{c.urls[0]}">{esc(c.name)}</a></li>' if c is col else
                          f'<li><a href="{c.urls[0]}">{esc(c.name)}</a></li>') for c in sibs)
                + "</ul></div>")

    def list_page(col: Col, items: list[Art], k: int, n: int) -> str:
        rows = []
        for a in items:
            d = "" if col.dateless else f'<span class="date">[{a.published:%Y-%m-%d}]</span>'
            rows.append(f'<li><a href="{a.url}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a>{d}</li>')
        subs = ""
        if col.children:
            subs = '<div class="subcol">' + "".join(f'<a href="{c.urls[0]}">{esc(c.name)}</a>' for c in col.children) + "</div>"
        pager = ""
        if n > 1:
            if spec.script_pager:
                pager = ('<div id="pagination"></div>\n<script type="text/javascript">\n'
                         f'  var pageConfig = {{ total: {len(col.items)}, size: {col.per_page}, current: {k}, '
                         'prefix: "index", suffix: "html" };\n'
                         '  renderPager("pagination", pageConfig);\n</script>')
            else:
                bits = [f'<span>共{n}页</span>']
                if k > 1:
                    bits.append(f'<a href="{col.urls[k - 2]}">上一页</a>')
                bits += [(f'<span class="cur">{j}</span>' if j == k else f'<a href="{col.urls[j - 1]}">{j}</a>') for j in range(1, n + 1)]
                if k < n:
                    bits.append(f'<a href="{col.urls[k]}">下一页</a>')
                pager = '<div class="page">' + "".join(bits) + "</div>"
        return (f'<div class="w1200 container">{side(col)}<div class="main"><div class="main-t">{esc(col.name)}</div>{subs}'
                f'<ul class="list">{"".join(rows)}</ul>{pager}</div></div>')

    def portal(col: Col) -> str:
        boxes = "".join(f'<div class="box"><div class="box-t"><span>{esc(c.name)}</span><a href="{c.urls[0]}">更多</a></div></div>'
                        for c in col.children)
        return f'<div class="w1200 container">{side(col) if col.parent and col.parent.parent else ""}<div class="main">{boxes}</div></div>'

    for col in _walk(home):
        if col is home or not col.recorded:
            continue
        meta = f'<meta name="ColumnName" content="{esc(col.name)}">\n<meta name="ColumnType" content="{esc(col.name)}">\n'
        pages = col.pages()
        for k, items in enumerate(pages, start=1):
            body = list_page(col, items, k, len(pages)) if (col.items or col is rep) else portal(col)
            site.add(col.urls[k - 1], page(f"{col.name}-{site.site_name}", col, body, meta),
                     when=at(max([a.published for a in items] or [dt.date(2024, 6, 1)]), rng))
    home_html = page(site.site_name, None,
                     f'<div class="w1200"><div class="box"><div class="box-t"><span>要闻动态</span>'
                     f'<a href="{www}/{pre}/YWDT/index.html">更多</a></div><ul><li><a href="{www}/art/2024/art_'
                     f'{hashlib.md5(site.name.encode()).hexdigest()}.html">{esc(site.name)}召开防汛工作部署会</a>'
                     f'<span>06-19</span></li></ul></div><div class="gk-entry"><a href="{zwgk.urls[0]}">政务公开</a>'
                     f'<a href="{xxgk.urls[0]}">政府信息公开</a></div></div>')
    site.add(f"{www}/", home_html, when=at(dt.date(2024, 6, 19), rng))

    def article(art: Art, col: Col) -> str:
        meta = (f'<meta name="ArticleTitle" content="{esc(art.title)}">\n'
                + (f'<meta name="PubDate" content="{art.published:%Y-%m-%d} 09:00">\n' if art.show_date else "")
                + f'<meta name="ContentSource" content="{esc(art.source_org)}">\n<meta name="ColumnName" content="{esc(col.name)}">\n')
        info = (f'<span>发布时间：{art.published:%Y-%m-%d}</span>' if art.show_date else "") + f'<span>来源：{esc(art.source_org)}</span>'
        body = (f'<div class="w1200 detail"><h1 class="d-title">{esc(art.title)}</h1><div class="d-info">{info}'
                '<span>字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> '
                f'<a href="javascript:doZoom(14)">小</a></span></div><div class="d-content" id="zoomcon">\n'
                f'{paragraphs_html(art.lines(), "mso")}\n</div></div>')
        return page(f"{art.title}-{site.site_name}", col, body, meta, " &gt; 正文")

    for col in _walk(home):
        for art in col.items:
            site.add(art.url, article(art, col), when=at(art.published, rng))
    add_search(site, lambda title, body: page(title, None, body), f"{www}/guestweb4/s",
               [("siteCode", site.site_code), ("searchWord", "")], "searchWord")


# ------------------------------------------------------------------------------------------------
# Family: classic query-string CMSs
# ------------------------------------------------------------------------------------------------


def querycms_site(site: Site) -> None:
    spec, rng = site.spec, site.rng
    fl = spec.flavour
    www = site.root()
    gk_host = spec.sibling or spec.host
    ids = iter(rng.sample(range(11, 899), 40))
    art_ids = iter(sorted(rng.sample(range(1200, 98000), 60)))

    def list_url(host: str, cid: str, k: int) -> str:
        root = site.root(host)
        if fl == "aspx":
            return f"{root}/List.aspx?ClassID={cid}" + (f"&page={k}" if k > 1 else "")
        if fl == "php":
            return f"{root}/index.php?m=content&c=index&a=lists&catid={cid}" + (f"&page={k}" if k > 1 else "")
        return f"{root}/col.jsp?colid={cid}" + (f"&pageNo={k}" if k > 1 else "")

    def art_url(host: str, cid: str, aid: int) -> str:
        root = site.root(host)
        if fl == "aspx":
            return f"{root}/Show.aspx?id={aid}"
        if fl == "php":
            return f"{root}/index.php?m=content&c=index&a=show&catid={cid}&id={aid}"
        return f"{root}/content.jsp?id={aid}"

    home = Col("首页", "", host=spec.host)
    xxgk = Col("政府信息公开", str(next(ids)), parent=home, host=spec.host if fl != "jsp" else gk_host)
    fdzd = Col("法定主动公开内容", str(next(ids)), parent=xxgk, host=xxgk.host)
    # php: the 法治政府建设 column is the 司法局's site (sibling host)
    law_host = gk_host if fl in ("php", "jsp") else spec.host
    law = Col("法治政府建设", str(next(ids)), parent=fdzd, host=law_host, per_page=spec.per_page, dateless=spec.dateless_list)
    rep = Col(spec.report_col_name, str(next(ids)), parent=law, host=law_host, per_page=spec.per_page,
              dateless=spec.dateless_list)
    home.children, xxgk.children = [xxgk], []
    annual = Col("政府信息公开年报", str(next(ids)), parent=xxgk, host=xxgk.host)
    xxgk.children = [Col("政府信息公开指南", str(next(ids)), parent=xxgk, host=xxgk.host, recorded=False), fdzd, annual,
                     Col("依申请公开", str(next(ids)), parent=xxgk, host=xxgk.host, recorded=False)]
    fdzd.children = [Col(n, str(next(ids)), parent=fdzd, host=fdzd.host, recorded=False)
                     for n in ("机构概况", "政策文件", "规划计划", "财政资金")] + [law] + [
                     Col(n, str(next(ids)), parent=fdzd, host=fdzd.host, recorded=False) for n in ("人事信息", "应急管理")]
    law.children = [rep]
    notices = Col("通知公告", str(next(ids)), parent=home, host=spec.host)
    home.children.append(notices)
    for art in site.reports:
        rep.items.append(art)
    for art in site.lookalikes:
        if art.kind in ("department_report", "prefecture_report"):
            rep.items.append(art)
        elif art.kind == "other_annual_report":
            annual.items.append(art)
        elif art.kind == "notice":
            law.items.append(art)
        else:
            notices.items.append(art)
    for col in _walk(home):
        if col is home:
            col.urls = [f"{www}/"]
            continue
        col.urls = [list_url(col.host, col.key, k) for k in range(1, len(col.pages()) + 1)]
    for col in _walk(home):
        for art in col.items:
            art.url = art_url(col.host, col.key, next(art_ids))
    # a repost of one report in 通知公告 on the main site
    dup_src = site.reports[1]
    dup = Art(dup_src.title, dup_src.published, "duplicate", dup_src.paragraphs, dup_src.source_org,
              report_id=dup_src.report_id)
    dup.url = art_url(spec.host, notices.key, next(art_ids))
    notices.items.append(dup)
    site.duplicates.setdefault(dup_src.report_id, []).append(dup.url)
    if fl == "aspx":  # this CMS cuts list titles without keeping the full one
        for art in rep.items:
            art.list_title = cut(art.title, 24)
    nav = [("网站首页", f"{www}/"), ("政府信息公开", xxgk.urls[0]), ("新闻中心", list_url(spec.host, "2", 1)),
           ("通知公告", notices.urls[0]), ("政民互动", f"{www}/hdjl/")]

    def page(title: str, col: Col | None, body: str, tail: str = "") -> str:
        navh = " | ".join(f'<a href="{u}">{esc(t)}</a>' for t, u in nav)
        crumb = ""
        if col is not None:
            crumb = ('<table width="1000" align="center" class="path"><tr><td class="nav_path">当前位置：'
                     + " &gt;&gt; ".join(f'<a href="{c.urls[0]}">{esc(c.name)}</a>' for c in col.trail()) + tail
                     + "</td></tr></table>")
        host = urlsplit(col.urls[0]).hostname if col is not None else spec.host
        owner = site.site_name if host == spec.host or fl == "jsp" else f"{site.name}司法局"
        foot = site.footer_text() if owner == site.site_name else site.footer_text().replace(
            f"{site.site_name}办公室", owner).replace(site.site_code, site.site_code[:6] + "0012")
        return (head(site, title).replace(f'content="{site.site_code}"', f'content="{site.site_code if owner == site.site_name else site.site_code[:6] + "0012"}"')
                .replace(f'content="{esc(site.site_name)}"', f'content="{esc(owner)}"')
                + f'<body>\n<table width="1000" align="center" class="top"><tr><td class="logo">{esc(owner)}</td>'
                f'<td class="search"><form action="{www}/search.{"aspx" if fl == "aspx" else fl}" method="get">'
                f'<input type="text" name="keyword"><input type="submit" value="搜索"></form></td></tr></table>\n'
                f'<table width="1000" align="center" class="menu"><tr><td>{navh}</td></tr></table>\n{crumb}\n{body}\n'
                f'<table width="1000" align="center" class="bottom"><tr><td>{foot}<br>'
                f'<a href="http://{PREFECTURE_HOSTS[site.div.prefecture]}/">{site.div.prefecture}人民政府</a></td></tr></table>\n'
                '</body>\n</html>\n')

    def list_page(col: Col, items: list[Art], k: int, n: int) -> str:
        here = col.urls[k - 1]
        rows = []
        for a in items:
            t = a.list_title or a.title
            d = "" if col.dateless else f'<td class="date" width="90">{a.published:%Y-%m-%d}</td>'
            attr = "" if fl == "aspx" else f' title="{esc(a.title)}"'
            rows.append(f'<tr><td class="dot">·</td><td><a href="{rel(here, a.url)}"{attr} target="_blank">{esc(t)}</a></td>{d}</tr>')
        subs = ""
        if col.children:
            subs = '<div class="subclass">' + "".join(f'<a href="{c.urls[0]}">{esc(c.name)}</a>' for c in col.children) + "</div>"
        pager = ""
        if n > 1:
            bits = [f"共{len(col.items)}条记录 页次：{k}/{n}"]
            bits.append(f'<a href="{rel(here, col.urls[0])}">首页</a>')
            if k > 1:
                bits.append(f'<a href="{rel(here, col.urls[k - 2])}">上一页</a>')
            bits += [(f"<b>{j}</b>" if j == k else f'<a href="{rel(here, col.urls[j - 1])}">[{j}]</a>') for j in range(1, n + 1)]
            if k < n:
                bits.append(f'<a href="{rel(here, col.urls[k])}">下一页</a>')
            bits.append(f'<a href="{rel(here, col.urls[n - 1])}">尾页</a>')
            pager = '<div class="showpage">' + " ".join(bits) + "</div>"
        left = ('<td width="220" valign="top" class="leftmenu"><div class="lm">' + esc(col.parent.name if col.parent else "")
                + "</div><ul>" + "".join(f'<li><a href="{c.urls[0]}">{esc(c.name)}</a></li>'
                                         for c in (col.parent.children if col.parent else [])) + "</ul></td>")
        return (f'<table width="1000" align="center" class="content"><tr>{left}<td valign="top"><div class="lmtitle">'
                f'{esc(col.name)}</div>{subs}<table width="100%" class="newslist">{"".join(rows)}</table>{pager}</td></tr></table>')

    for col in _walk(home):
        if col is home or not col.recorded:
            continue
        pages = col.pages()
        for k, items in enumerate(pages, start=1):
            site.add(col.urls[k - 1], page(f"{col.name}_{site.site_name}", col, list_page(col, items, k, len(pages))),
                     etag=False)
    home_html = page(site.site_name, None,
                     f'<table width="1000" align="center" class="index"><tr><td class="box"><div class="box-t">通知公告 '
                     f'<a href="{notices.urls[0]}">more&gt;&gt;</a></div><ul>'
                     + "".join(f'<li><a href="{a.url}" title="{esc(a.title)}">{esc(cut(a.title, 20))}</a> {a.published:%m-%d}</li>'
                               for a in sorted(notices.items, key=lambda a: a.published, reverse=True)[:5])
                     + f'</ul></td><td class="box"><div class="box-t">政府信息公开</div><ul><li><a href="{xxgk.urls[0]}">政府信息公开</a></li>'
                     f'<li><a href="{fdzd.urls[0]}">法定主动公开内容</a></li><li><a href="{annual.urls[0]}">政府信息公开年报</a></li>'
                     '</ul></td></tr></table>')
    site.add(f"{www}/", home_html, when=at(dt.date(2024, 6, 22), rng), etag=False)
    if spec.sibling and fl == "jsp":  # the bare host answers too, with the same page
        site.add(f"{site.root(spec.sibling)}/", home_html, etag=False, note="bare host: same page as www")

    def article(art: Art, col: Col) -> str:
        info = (f"发布时间：{art.published:%Y-%m-%d} &nbsp;" if art.show_date else "") + \
               f" 来源：{esc(art.source_org)} &nbsp; 浏览次数：<span id=\"hits\">{rng.randint(100, 3000)}</span>"
        body = (f'<table width="1000" align="center" class="show"><tr><td class="show_title"><h2>{esc(art.title)}</h2></td></tr>'
                f'<tr><td class="show_info">{info}</td></tr><tr><td class="show_content" id="fontzoom">\n'
                f'{paragraphs_html(art.lines(), "plain")}\n</td></tr><tr><td class="show_tools">'
                '[<a href="javascript:window.print()">打印本页</a>] [<a href="javascript:window.close()">关闭窗口</a>]</td></tr></table>')
        return page(f"{art.title}_{site.site_name}", col, body, " &gt;&gt; 正文")

    for col in _walk(home):
        for art in col.items:
            site.add(art.url, article(art, col), when=at(art.published, rng), etag=False)
    add_search(site, lambda title, body: page(title, None, body), f"{www}/search.{fl}", [("keyword", "")], "keyword",
               charset="gbk" if spec.encoding == "gbk" else "utf-8")


BUILDERS: dict[str, Callable[[Site], None]] = {
    "vsb": vsb_site, "gkmlpt": gkmlpt_site, "anhui": anhui_site, "arthash": arthash_site, "querycms": querycms_site,
}

# ------------------------------------------------------------------------------------------------
# Output
# ------------------------------------------------------------------------------------------------

ROBOTS = "User-agent: *\nDisallow: /system/\nDisallow: /search/\n"


def build(out: Path) -> dict[str, int]:
    divisions = load_divisions()
    snapshot_codes = {row.split(",")[0] for row in (SOURCE / "counties.csv").read_text(encoding="utf-8").splitlines()[1:]}
    pool = SourcePool(load_sources(divisions), divisions)
    sites: list[Site] = []
    for spec in COUNTIES:
        assert spec.adcode not in snapshot_codes, spec.adcode
        div = divisions[spec.adcode]
        rng = seeded("families", spec.adcode)
        site = Site(spec, div, rng, f"{spec.adcode}{rng.choice(('0001', '0002', '0003', '0004', '0005', '0006'))}")
        build_articles(site, pool)
        BUILDERS[spec.family](site)
        if spec.family in ("vsb", "arthash"):
            site.add(f"http://{spec.host}/robots.txt", ROBOTS, ctype="text/plain", when=at(dt.date(2023, 3, 1), rng))
        sites.append(site)
    out.mkdir(parents=True, exist_ok=True)
    for old in ("bodies", "gold"):  # README.md (hand-written) is kept
        if (out / old).exists():
            shutil.rmtree(out / old)
    (out / "bodies").mkdir()
    (out / "gold").mkdir()
    manifest: list[dict] = []
    for site in sites:
        for url in sorted(site.responses):
            r = site.responses[url]
            headers: dict[str, str] = {"Content-Type": r.content_type}
            body_path = None
            if r.body is not None:
                sha = hashlib.sha1(r.body).hexdigest()
                ext = {"application/json;charset=UTF-8": "json", "text/plain": "txt"}.get(r.content_type, "html")
                body_path = f"bodies/{sha[:2]}/{sha}.{ext}"
                target = out / body_path
                target.parent.mkdir(exist_ok=True)
                if not target.exists():
                    target.write_bytes(r.body)
                if r.last_modified is not None:
                    headers["Last-Modified"] = http_date(r.last_modified)
                if r.etag and r.last_modified is not None:
                    headers["ETag"] = f'"{sha[:8]}-{len(r.body):x}"'
            manifest.append({"url": url, "epochs": [1], "status": r.status, "headers": headers, "body": body_path,
                             "delay_ms": 0, "fail_first": 0, "note": r.note})
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as fh:
        for m in manifest:
            fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    with (out / "counties.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["adcode", "province", "prefecture", "county", "homepage", "family"])
        for site in sites:
            w.writerow([site.div.adcode, site.div.province, site.div.prefecture, site.div.county, site.homepage,
                        site.spec.family])
    n_reports = 0
    with (out / "gold" / "reports.jsonl").open("w", encoding="utf-8") as fh:
        for site in sites:
            for art in sorted(site.reports, key=lambda a: a.report_id or ""):
                g = art.gold
                assert g is not None and art.report_id
                r = site.responses[art.url]
                sha = hashlib.sha1(r.body or b"").hexdigest()
                rec = {
                    "report_id": art.report_id, "adcode": site.div.adcode, "county": site.div.county,
                    "report_year": int(art.report_id.rsplit("-", 1)[1]), "title": art.title, "url": art.url,
                    "pages": [art.url], "attachment": None, "duplicates": site.duplicates.get(art.report_id, []),
                    "published": art.published.isoformat(), "signed": g["signed"], "issuer": g["issuer"],
                    "epochs": [1],
                    "versions": [{"epoch": 1, "etag": (f'"{sha[:8]}-{len(r.body or b""):x}"' if r.etag else None),
                                  "last_modified": http_date(r.last_modified) if r.last_modified else None}],
                    "template": site.spec.family, "family": site.spec.family, "encoding": site.spec.encoding,
                    "noise": [], "clean_text": g["clean_text"], "lost_spans": [], "sections": g["sections"],
                    "indicators": g["indicators"], "title_style": g["title_style"], "derived_from": g["source"],
                    "date_on_page": art.show_date,
                }
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n_reports += 1
    n_pages = 0
    with (out / "gold" / "pages.jsonl").open("w", encoding="utf-8") as fh:
        for site in sites:
            rows = []
            for art in site.lookalikes:
                if art.url:
                    rows.append({"url": art.url, "kind": art.kind, "adcode": site.div.adcode, "title": art.title,
                                 "published": art.published.isoformat(), "epochs": [1], "family": site.spec.family})
            for rid, urls in site.duplicates.items():
                rep = next(a for a in site.reports if a.report_id == rid)
                for u in urls:
                    rows.append({"url": u, "kind": "duplicate", "adcode": site.div.adcode, "title": rep.title,
                                 "published": rep.published.isoformat(), "epochs": [1], "duplicate_of": rid,
                                 "family": site.spec.family})
            for row in sorted(rows, key=lambda r: r["url"]):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                n_pages += 1
    epochs = {"epoch_dates": {"1": EPOCH_DATE}, "new_in_epoch2": [], "corrected": [], "deleted": [], "redesign": [],
              "dead_in_epoch1": []}
    (out / "gold" / "epochs.json").write_text(json.dumps(epochs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    offsite = sorted({f"http://{h}/" for h in (*PREFECTURE_HOSTS.values(), *PROVINCE_HOSTS.values())})
    http = {
        "flaky": [], "slow": [], "dead_host_epoch1": [], "moved_host": [], "redirect_loops": [], "broken_links": [],
        "huge_pages": [], "offsite_urls": offsite,
        "robots": [{"host": s.spec.host, "disallowed": f"http://{s.spec.host}/search/"} for s in sites
                   if f"http://{s.spec.host}/robots.txt" in s.responses],
        "wrong_charset_header": [], "gbk_sites": sorted(s.spec.host for s in sites if s.spec.encoding == "gbk"),
        "no_validators": sorted({urlsplit(u).hostname or "" for s in sites for u, r in s.responses.items() if not r.etag}),
        "sibling_hosts": [{"county": s.div.county, "host": s.spec.host, "sibling": s.spec.sibling} for s in sites
                          if s.spec.sibling],
        "json_list_api": sorted({s.spec.host for s in sites if s.spec.family == "gkmlpt"}),
        "site_search": sorted(u for s in sites for u, r in s.responses.items() if r.note == "site search results"),
        "shared_search_service": SHARED_SEARCH,
    }
    (out / "gold" / "http.json").write_text(json.dumps(http, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {"counties": len(sites), "reports": n_reports, "other_pages": n_pages, "responses": len(manifest)}


def same_tree(a: Path, b: Path) -> bool:
    def files(root: Path) -> set[Path]:
        return {p.relative_to(root) for p in root.rglob("*") if p.is_file() and p.name != "README.md"}

    fa, fb = files(a), files(b)
    return fa == fb and all((a / f).read_bytes() == (b / f).read_bytes() for f in fa)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="build into a temp folder and compare with --out")
    args = ap.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            stats = build(Path(tmp) / "families")
            ok = same_tree(Path(tmp) / "families", args.out)
            print(f"{stats}; {'same' if ok else 'DIFFERENT'} as {args.out}")
            return 0 if ok else 1
    stats = build(args.out)
    print(stats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
