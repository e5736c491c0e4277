#!/usr/bin/env python3
"""Build tests/fixtures/families2 (written as a held-out set, by someone who did not see the discovery code): recorded portals of five CMS families that neither the bundled snapshot
(trs, hanweb, platform) nor tests/fixtures/families (vsb, gkmlpt, anhui, arthash, querycms) hold.

HELD-OUT test data, written independently of the discovery / reading code (none of it was read).
Every page is generated here from public knowledge of how these CMS families shape their URLs, lists,
pagers and list APIs; no real page or text is copied.  Report bodies are the bundled snapshot's gold
report texts (tests/fixtures/portal/gold/reports.jsonl; never its one real report 141029-2023) with the
source county's names replaced by the new county's, so clean_text / sections / indicators stay exact.

    .venv/bin/python tests/tools/build_families2.py [--out DIR] [--src PORTAL_DIR]

Deterministic: the same inputs give byte-identical output.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import email.utils
import hashlib
import html
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "tests" / "fixtures" / "families2"
DEFAULT_SRC = REPO / "tests" / "fixtures" / "portal"
DIVISIONS = REPO / "src" / "countyreports" / "registry" / "data" / "divisions.csv"
SEED = 20261208
EXCLUDED_SOURCE = "141029-2023"  # the bundled snapshot's one real report: never used

esc = html.escape


# =============================================================================================== sources


@dataclass
class Source:
    rid: str
    year: int
    county: str
    prefecture: str
    province: str
    rec: dict


def load_sources(src_dir: Path) -> dict[int, list[Source]]:
    counties = {r["adcode"]: r for r in csv.DictReader(open(src_dir / "counties.csv", encoding="utf-8"))}
    by_year: dict[int, list[Source]] = {}
    for line in open(src_dir / "gold" / "reports.jsonl", encoding="utf-8"):
        rec = json.loads(line)
        if rec["report_id"] == EXCLUDED_SOURCE:
            continue
        c = counties[rec["adcode"]]
        name = c["county"]
        # only 县 sources (a 县 text reads naturally for a 县), names of two characters or more (a one-character
        # short name such as 磁/献/莒 cannot be replaced safely), texts without lost spans or in-place corrections
        if not name.endswith("县") or len(name) < 3:
            continue
        if "mojibake" in rec["noise"] or any("clean_text" in v or "indicators" in v for v in rec["versions"]):
            continue
        if not 2019 <= rec["report_year"] <= 2023:
            continue
        if not all(i.get("recoverable", True) for i in rec["indicators"]):
            continue
        by_year.setdefault(rec["report_year"], []).append(
            Source(rec["report_id"], rec["report_year"], name, c["prefecture"], c["province"], rec))
    for y in by_year:
        by_year[y].sort(key=lambda s: s.rid)
    return by_year


def short_name(name: str) -> str:
    for suf in ("自治县", "县"):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            base = name[: -len(suf)]
            # 通道侗族自治县 -> 通道 ; 围场满族蒙古族自治县 -> 围场
            m = re.match(r"^(.{2,}?)(?:[^族]{1,4}族)+$", base) if suf == "自治县" else None
            return m.group(1) if m else base
    return name


def substituter(src: Source, tgt: "County"):
    pairs = {src.county: tgt.name, src.prefecture: tgt.prefecture, src.province: tgt.province}
    s_short = short_name(src.county)
    if len(s_short) >= 2:
        pairs[s_short] = tgt.short
    keys = sorted(pairs, key=len, reverse=True)
    rx = re.compile("|".join(re.escape(k) for k in keys))

    def sub(text):
        if text is None:
            return None
        return rx.sub(lambda m: pairs[m.group(0)], text)

    return sub


# =============================================================================================== helpers


def http_date(ts: dt.datetime) -> str:
    return email.utils.format_datetime(ts.replace(tzinfo=dt.timezone.utc), usegmt=True)


def cn_year(y: int) -> str:
    digits = "〇一二三四五六七八九"
    return "".join(digits[int(d)] for d in str(y))


def hex32(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(32))


def para_html(lines: list[str], style: str = "p", indent: bool = True) -> str:
    """Render clean_text lines as paragraphs (one element per line)."""
    out = []
    n = len(lines)
    for i, line in enumerate(lines):
        e = esc(line)
        is_sig = i >= n - 3 and (re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", line.strip())
                                 or (len(line) < 40 and ("人民政府" in line or "县委" in line) and "。" not in line))
        if re.match(r"^[一二三四五六七八九十]+、", line):
            inner = f"<strong>{e}</strong>"
        elif re.match(r"^[（(][一二三四五六七八九十]+[）)]", line) and len(line) < 60 and "。" not in line[:-1]:
            inner = f"<strong>{e}</strong>"
        else:
            inner = e
        if is_sig:
            out.append(f'<{style} style="text-align: right;">{inner}</{style}>')
        elif indent:
            out.append(f'<{style} style="text-indent: 2em;">{inner}</{style}>')
        else:
            out.append(f"<{style}>{inner}</{style}>")
    return "\n".join(out)


# =============================================================================================== model


@dataclass
class County:
    adcode: str
    name: str
    prefecture: str
    province: str
    family: str
    host: str
    homepage: str
    variant: str
    years: list[int]
    encoding: str = "utf-8"
    short: str = ""
    code: str = ""
    pref_host: str = ""
    prov_host: str = ""
    icp: str = ""
    reports: list["Report"] = field(default_factory=list)
    looks: list["Look"] = field(default_factory=list)

    def __post_init__(self):
        self.short = short_name(self.name)
        if not self.code:
            self.code = self.adcode + "0001"


@dataclass
class Report:
    county: County
    year: int
    source: Source
    title: str
    title_style: str
    published: dt.datetime
    signed: str
    issuer: str
    clean_text: str
    sections: list
    indicators: list
    url: str = ""
    duplicates: list = field(default_factory=list)
    date_on_page: bool = True
    list_date: bool = True
    etag: str | None = None
    last_modified: str | None = None

    @property
    def rid(self):
        return f"{self.county.adcode}-{self.year}"

    def lines(self):
        return self.clean_text.split("\n")


@dataclass
class Look:
    county: County
    kind: str
    title: str
    published: dt.datetime
    paragraphs: list[str]
    year: int
    url: str = ""
    note: str = ""
    duplicate_of: str | None = None
    extra: dict = field(default_factory=dict)


class Recorder:
    """Collects the manifest, the bodies and the gold."""

    def __init__(self, out: Path):
        self.out = out
        self.entries: dict[str, dict] = {}
        self.bodies: dict[str, bytes] = {}
        self.http = {"flaky": [], "slow": [], "robots": [], "gbk_sites": [], "wrong_charset_header": [],
                     "no_validators": [], "sibling_hosts": [], "json_list_api": [], "search_forms": [],
                     "offsite_urls": [], "redirects": [], "broken_links": [], "shell_pages": []}

    def add(self, url: str, body: bytes | str | None, *, ctype: str = "text/html; charset=utf-8",
            status: int = 200, lastmod: dt.datetime | None = None, validators: bool = True,
            encoding: str = "utf-8", location: str | None = None, delay_ms: int = 0, fail_first: int = 0,
            note: str = "") -> dict:
        assert url.startswith("http://"), url
        if url in self.entries:
            raise SystemExit(f"duplicate url {url}")
        headers: dict[str, str] = {}
        body_path = None
        data = None
        if body is not None:
            data = body.encode(encoding) if isinstance(body, str) else body
            sha = hashlib.sha1(data).hexdigest()
            ext = (".json" if "json" in ctype else ".xml" if "xml" in ctype
                   else ".txt" if ctype.startswith("text/plain") else ".html")
            body_path = f"bodies/{sha[:2]}/{sha}{ext}"
            self.bodies[body_path] = data
            headers["Content-Type"] = ctype
        if location:
            headers["Location"] = location
        if validators and data is not None and status == 200:
            lm = lastmod or dt.datetime(2024, 7, 1, 8, 0, 0)
            headers["Last-Modified"] = http_date(lm)
            headers["ETag"] = '"%x-%x"' % (int(lm.replace(tzinfo=dt.timezone.utc).timestamp()), len(data))
        entry = {"url": url, "epochs": [1], "status": status, "headers": headers, "body": body_path,
                 "delay_ms": delay_ms, "fail_first": fail_first, "note": note}
        self.entries[url] = entry
        return entry

    def write(self):
        out = self.out
        # everything but the hand-written README.md is rebuilt
        if out.exists():
            for child in out.iterdir():
                if child.name == "README.md":
                    continue
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        (out / "bodies").mkdir(parents=True)
        (out / "gold").mkdir()
        for path, data in sorted(self.bodies.items()):
            (out / path).parent.mkdir(exist_ok=True)
            (out / path).write_bytes(data)
        with open(out / "manifest.jsonl", "w", encoding="utf-8") as fh:
            for url in sorted(self.entries):
                fh.write(json.dumps(self.entries[url], ensure_ascii=False) + "\n")


# =============================================================================================== texts
# Look-alike bodies, written for this test set (no real text).  {N} county, {P} prefecture, {T} township,
# {Y} year, {Y1} the next year, {d} a day.

DEPT_SFJ = """{Y}年，县司法局在县委、县政府的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，紧紧围绕全县中心工作，扎实履行法治建设职能，各项工作取得了新进展。现将我局{Y}年度法治政府建设工作情况报告如下。
一、主要工作及成效
（一）强化组织领导
局党组把法治建设纳入年度重点工作，局主要负责人认真履行推进法治建设第一责任人职责，全年召开党组会议专题研究法治建设工作4次。
（二）规范行政执法
严格落实行政执法“三项制度”，全局持证执法人员23人，全年办理行政处罚案件6件，未发生行政复议被纠错和行政诉讼败诉案件。
（三）深化法治宣传
以“八五”普法规划为统领，组织开展“宪法宣传周”“民法典宣传月”等主题活动21场次，发放宣传资料1.2万余份。
（四）做优公共法律服务
全年办理法律援助案件186件，指导各级人民调解组织调处矛盾纠纷1032件。
二、存在的问题
一是执法人员力量与工作任务不相适应；二是普法的针对性和实效性有待进一步增强。
三、下一步工作打算
{Y1}年，我局将继续围绕县委、县政府决策部署，持续加强执法队伍建设，创新普法方式方法，为全县经济社会高质量发展营造良好法治环境。
{N}司法局
{Y1}年1月{d}日"""

DEPT_SCJ = """今年以来，县市场监督管理局以建设法治政府为目标，坚持依法行政、规范执法，不断提升市场监管法治化水平。现将{Y}年法治政府建设工作情况报告如下：
一、{Y}年法治政府建设主要举措
（一）持续优化营商环境。深化商事制度改革，全面推行企业开办“一网通办”，全年新登记各类市场主体2846户，全县市场主体总量达到31562户。
（二）严格规范公正文明执法。全面推行“双随机、一公开”监管，开展部门联合抽查43次；全年查办各类违法案件112件，罚没款87.6万元。
（三）强化法治学习。局党组理论学习中心组开展集体学法6次，组织执法人员参加执法资格考试15人。
二、存在的不足
执法办案人员专业能力与新形势新要求仍有差距，基层市场监管所执法力量相对薄弱。
三、{Y1}年工作打算
进一步健全执法监督机制，加大执法人员培训力度，持续推进包容审慎监管。
{N}市场监督管理局
{Y1}年2月{d}日"""

DEPT_ZRZY = """{Y}年，县自然资源局认真落实法治政府建设各项要求，坚持依法管地、依法用地，全力服务全县重点项目建设。
一、落实法治建设责任
局领导班子坚持集体学法制度，全年开展领导干部集体学法8次，将法治建设与业务工作同部署、同推进。
二、依法履行自然资源管理职责
办理建设用地审批事项47件，全部在法定时限内办结；立案查处违法用地案件19件，结案17件。
三、存在的问题和下一步措施
自然资源执法监管手段有待丰富。下一步，将进一步推进“互联网+监管”，加强执法人员法律知识培训。
{N}自然资源局
{Y1}年1月{d}日"""

TOWN = """{Y}年，{T}镇党委、镇政府在县委、县政府的正确领导下，认真贯彻落实全面依法治县工作部署，坚持把法治建设摆在全镇工作全局的重要位置，推动法治乡镇建设取得新成效。现将有关情况报告如下。
一、履行法治建设第一责任人职责情况
镇党委书记、镇长切实履行推进法治建设第一责任人职责，镇党委会议专题研究法治建设工作3次，镇政府常务会议会前学法10次。
二、主要工作开展情况
（一）推进依法决策。聘请法律顾问1名，镇重大事项决策前均经合法性审查。
（二）化解矛盾纠纷。全镇18个村（社区）调委会共排查调处矛盾纠纷147件，调解成功率98.6%。
（三）加强法治宣传。开展“送法下乡”活动12次，受教育群众4300余人次。
三、存在的问题及下一步打算
一是村级法治力量仍较薄弱；二是群众学法用法的主动性有待提高。下一步，{T}镇将持续深化法治乡村建设，培养“法律明白人”，推动基层治理法治化。
中共{N}{T}镇委员会　{N}{T}镇人民政府
{Y1}年1月{d}日"""

PREF = """{Y}年，{P}在省委、省政府的坚强领导下，全面贯彻落实习近平法治思想，统筹推进法治政府建设各项工作，全市法治政府建设取得新的进展。现将有关情况报告如下。
一、主要工作举措和成效
（一）党政主要负责人认真履行推进法治建设第一责任人职责。市政府常务会议专题研究法治政府建设工作5次，市政府常务会议会前学法12次。
（二）深化“放管服”改革。全市保留市级行政许可事项358项，新增市场主体4.2万户。
（三）提升行政复议应诉水平。全市各级行政复议机关共收到行政复议申请1263件，审结1158件；全市行政机关负责人出庭应诉率达到100%。
二、存在的不足和原因
部分县（市、区）法治建设发展不够均衡，基层执法队伍专业化水平有待提高。
三、下一步工作安排
{Y1}年，全市将持续深化法治政府建设，加快推进法治政府建设示范创建，为全市高质量发展提供坚强法治保障。
{P}人民政府
{Y1}年3月{d}日"""

GKNB = """本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室有关要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据统计期限自{Y}年1月1日起至{Y}年12月31日止。
一、总体情况
{Y}年，{N}人民政府坚持以公开为常态、不公开为例外，不断加大主动公开力度，全年通过政府网站主动公开政府信息2147条。
二、主动公开政府信息情况
本年制发规范性文件6件，现行有效规范性文件41件。
三、收到和处理政府信息公开申请情况
全年共收到政府信息公开申请37件，其中当面申请4件，网络申请29件，信函申请4件；已按时办结37件。
四、政府信息公开行政复议、行政诉讼情况
因政府信息公开被申请行政复议2件，被提起行政诉讼1件，均未被纠错。
五、存在的主要问题及改进情况
部分单位对政府信息公开工作重视程度不够，信息发布不够及时。下一步将加强业务培训和督促检查。
六、其他需要报告的事项
本年度未收取信息处理费。"""

NOTICE = """各乡镇人民政府，县政府各部门，各直属机构：
《{N}{Y1}年法治政府建设工作要点》已经县政府同意，现印发给你们，请结合实际认真贯彻落实。
{N}人民政府办公室
{Y1}年3月{d}日
{N}{Y1}年法治政府建设工作要点
{Y1}年全县法治政府建设工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面落实法治政府建设实施纲要，力争年内行政机关负责人出庭应诉率保持100%。
一、深入学习贯彻习近平法治思想。将习近平法治思想纳入县政府常务会议会前学法计划，全年安排会前学法不少于10次。
二、推进政府职能依法全面履行。持续深化“放管服”改革，动态调整权责清单。
三、严格规范公正文明执法。组织开展行政执法案卷评查，全年集中培训执法人员不少于2期。
四、加强矛盾纠纷预防化解。发挥行政复议化解行政争议主渠道作用。"""

NEWS_MEETING = """{M}月{d}日，县长主持召开县人民政府第{k}次常务会议，听取全县法治政府建设工作情况汇报，审议并原则通过《{N}{Y}年度法治政府建设情况报告》。
会前，与会人员集体学习了《中华人民共和国行政复议法》。
会议指出，过去一年，全县上下坚持依法行政，法治政府建设各项任务扎实推进。会议要求，各乡镇、各部门要对照报告中指出的问题，逐项抓好整改，确保{Y1}年法治政府建设工作取得新成效。
会议还研究了其他事项。"""

NEWS_WORK = """{M}月{d}日，{N}召开全面依法治县工作会议，总结{Y}年全县法治建设工作，安排部署{Y1}年重点任务。
会议通报了{Y}年度法治政府建设考核结果，对先进单位进行了表扬。会议强调，要以法治政府建设示范创建为抓手，推动全县法治建设工作再上新台阶。
县委、县人大、县政府、县政协有关领导出席会议，各乡镇、县直各部门主要负责人参加会议。"""

SHUFA = """根据中央和省、市关于党政主要负责人履行推进法治建设第一责任人职责的有关要求，现将本人{Y}年度履行推进法治建设第一责任人职责情况报告如下。
一、带头尊法学法守法用法
坚持把学习贯彻习近平法治思想作为首要政治任务，主持县政府常务会议会前学法11次。
二、统筹推进法治政府建设
亲自部署、亲自协调重大法治问题，推动全县法治政府建设各项任务落实。
三、存在的不足
对基层法治建设的督促指导还不够经常。今后将进一步压实责任，推动法治政府建设向纵深发展。"""

FILLER_TITLES = [
    "关于做好{Y1}年春节期间安全生产工作的通知", "{N}{Y}年公开招聘事业单位工作人员公告", "关于开展{Y1}年度全民国防教育月活动的通知",
    "{N}人民政府关于调整部分行政事业性收费项目的通知", "关于{Y1}年度耕地地力保护补贴发放情况的公示", "{N}防汛抗旱指挥部关于做好汛期安全防范工作的通知",
    "关于征集{Y1}年县级民生实事项目的公告", "{N}{Y}年第四季度重点项目建设情况通报", "关于开展{Y1}年度“双随机、一公开”抽查工作的公告",
    "{N}人民政府关于禁止露天焚烧秸秆的通告", "关于{Y1}年城乡居民医疗保险集中参保缴费的通知", "{N}{Y1}年度拟提拔任用干部任前公示",
    "关于做好冬季森林草原防灭火工作的通知", "{N}人民政府办公室关于印发《{N}城乡环境综合整治实施方案》的通知", "关于{Y1}年度农村危房改造对象的公示",
    "{N}关于开展打击非法集资宣传月活动的通知", "关于举办{Y1}年“全民阅读”系列活动的通知", "{N}义务教育阶段学校招生工作实施方案",
    "关于{Y}年度县直部门绩效考核结果的通报", "{N}人民政府关于公布第三批县级非物质文化遗产代表性项目名录的通知",
]


# =============================================================================================== counties

PROV_ABBR = {"黑龙江省": "黑", "河北省": "冀", "湖南省": "湘", "贵州省": "黔", "福建省": "闽", "广西壮族自治区": "桂",
             "四川省": "川", "湖北省": "鄂", "河南省": "豫", "青海省": "青", "新疆维吾尔自治区": "新", "陕西省": "陕"}
PROV_HOST = {"黑龙江省": "www.hlj.gov.cn", "河北省": "www.hebei.gov.cn", "湖南省": "www.hunan.gov.cn",
             "贵州省": "www.guizhou.gov.cn", "福建省": "www.fujian.gov.cn", "广西壮族自治区": "www.gxzf.gov.cn",
             "四川省": "www.sc.gov.cn", "湖北省": "www.hubei.gov.cn", "河南省": "www.henan.gov.cn",
             "青海省": "www.qinghai.gov.cn", "新疆维吾尔自治区": "www.xinjiang.gov.cn", "陕西省": "www.shaanxi.gov.cn"}
PREF_HOST = {"齐齐哈尔市": "www.qqhr.gov.cn", "佳木斯市": "www.jms.gov.cn", "沧州市": "www.cangzhou.gov.cn",
             "怀化市": "www.huaihua.gov.cn", "黔东南苗族侗族自治州": "www.qdn.gov.cn", "三明市": "www.sm.gov.cn",
             "玉林市": "www.yulin.gov.cn", "德阳市": "www.deyang.gov.cn", "荆州市": "www.jingzhou.gov.cn",
             "郑州市": "www.zhengzhou.gov.cn", "濮阳市": "www.puyang.gov.cn", "常德市": "www.changde.gov.cn",
             "海北藏族自治州": "www.haibei.gov.cn", "阿克苏地区": "www.aks.gov.cn", "汉中市": "www.hanzhong.gov.cn",
             "永州市": "www.yzcity.gov.cn", "眉山市": "www.ms.gov.cn"}

# adcode, family, host, variant, years, encoding
COUNTY_SPECS = [
    ("230229", "kpshtml", "www.keshan.gov.cn", "keshan", [2019, 2020, 2021, 2022, 2023], "utf-8"),
    ("230826", "kpshtml", "www.huachuan.gov.cn", "hcx", [2020, 2021, 2022, 2023], "gbk"),
    ("130926", "kpshtml", "www.suning.gov.cn", "suning", [2019, 2020, 2022, 2023], "utf-8"),
    ("431230", "kpshtml", "www.tongdao.gov.cn", "tongdao", [2019, 2020, 2021, 2022, 2023], "utf-8"),
    ("522624", "spaapi", "www.gzss.gov.cn", "sansui", [2019, 2020, 2021, 2022, 2023], "utf-8"),
    ("350424", "spaapi", "www.fjnh.gov.cn", "ninghua", [2020, 2021, 2022, 2023], "utf-8"),
    ("450922", "spaapi", "www.luchuan.gov.cn", "luchuan", [2019, 2021, 2022, 2023], "utf-8"),
    ("510623", "gkml", "www.zhongjiang.gov.cn", "zhongjiang", [2019, 2020, 2021, 2022, 2023], "utf-8"),
    ("421022", "gkml", "www.gongan.gov.cn", "gongan", [2020, 2021, 2022, 2023], "utf-8"),
    ("410122", "gkml", "www.zhongmu.gov.cn", "zhongmu", [2019, 2020, 2021, 2022], "gbk"),
    ("410928", "opaqueid", "www.puyangxian.gov.cn", "thinkphp", [2019, 2020, 2021, 2022, 2023], "utf-8"),
    ("430725", "opaqueid", "www.taoyuan.gov.cn", "powereasy", [2019, 2020, 2021, 2022], "gbk"),
    ("632221", "opaqueid", "www.menyuan.gov.cn", "wordpress", [2020, 2021, 2022, 2023], "utf-8"),
    ("652922", "opaqueid", "www.wensu.gov.cn", "drupal", [2019, 2020, 2021, 2022], "utf-8"),
    ("610728", "searchform", "www.zb.gov.cn", "zhenba", [2019, 2020, 2021, 2022, 2023], "utf-8"),
    ("431125", "searchform", "www.jiangyong.gov.cn", "jiangyong", [2020, 2021, 2022, 2023], "utf-8"),
    ("511423", "searchform", "www.hongya.gov.cn", "hongya", [2019, 2020, 2021, 2022, 2023], "utf-8"),
]

TOWNS = {"230229": "古城", "230826": "悦来", "130926": "梁家村", "431230": "双江", "522624": "八弓", "350424": "翠江",
         "450922": "温泉", "510623": "凯江", "421022": "斗湖堤", "410122": "城关", "410928": "城关", "430725": "漳江",
         "632221": "浩门", "652922": "温宿", "610728": "泾洋", "431125": "潇浦", "511423": "洪川"}

TITLE_STYLES = {
    "ndbg": lambda N, Y: f"{N}{Y}年法治政府建设年度报告",
    "qkbg": lambda N, Y: f"{N}{Y}年度法治政府建设情况报告",
    "gzbg": lambda N, Y: f"{N}{Y}年度法治政府建设工作报告",
    "gov_guanyu": lambda N, Y: f"{N}人民政府关于{Y}年度法治政府建设情况的报告",
    "party_gov": lambda N, Y: f"中共{N}委 {N}人民政府关于{Y}年法治政府建设情况的报告",
    "zongjie": lambda N, Y: f"{N}{Y}年法治政府建设工作总结",
    "anpai": lambda N, Y: f"{N}人民政府关于{Y}年法治政府建设工作情况和{Y + 1}年工作安排的报告",
    "cn_year": lambda N, Y: f"{N}{cn_year(Y)}年度法治政府建设情况报告",
    "noyear": lambda N, Y: f"{N}人民政府关于法治政府建设工作情况的报告",
    "noyear_ndbg": lambda N, Y: f"{N}法治政府建设年度报告",
    "year_first": lambda N, Y: f"{Y}年{N}法治政府建设工作情况",
    "gov_nd": lambda N, Y: f"{N}人民政府{Y}年度法治政府建设情况报告",
    "no_county": lambda N, Y: f"关于{Y}年度法治政府建设情况的报告",
}
STYLE_CYCLE = ["ndbg", "gov_guanyu", "party_gov", "cn_year", "gzbg", "zongjie", "anpai", "qkbg", "noyear",
               "year_first", "gov_nd", "noyear_ndbg", "no_county", "qkbg", "gov_guanyu", "ndbg", "anpai"]


def load_divisions():
    out = {}
    for line in open(DIVISIONS, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        row = next(csv.reader([line]))
        out[row[0]] = row
    return out


def make_counties(divs) -> list[County]:
    out = []
    for adcode, fam, host, variant, years, enc in COUNTY_SPECS:
        row = divs[adcode]
        _, prov, pref, name = row[:4]
        c = County(adcode, name, pref, prov, fam, host, f"http://{host}/", variant, years, enc)
        c.pref_host = PREF_HOST[pref]
        c.prov_host = PROV_HOST[prov]
        c.icp = f"{PROV_ABBR[prov]}ICP备{int(adcode) % 90000000 + 10000000:08d}号"
        out.append(c)
    return out


def assign_reports(counties: list[County], sources: dict[int, list[Source]], rng: random.Random):
    used: dict[int, int] = {}
    style_i = 0
    for c in counties:
        for y in c.years:
            pool = sources[y]
            k = used.get(y, 0)
            used[y] = k + 1
            src = pool[(k * 7 + 3) % len(pool)] if k >= len(pool) else pool[k]
            sub = substituter(src, c)
            rec = src.rec
            text = sub(rec["clean_text"])
            sections = [dict(s, title=sub(s["title"])) for s in rec["sections"]]
            inds = []
            for i in rec["indicators"]:
                j = dict(i)
                j["surface"] = sub(i["surface"])
                if j["surface"] not in text:
                    raise SystemExit(f"surface lost by substitution: {src.rid} {j['surface']}")
                inds.append(j)
            issuer = sub(rec["issuer"])
            style = STYLE_CYCLE[style_i % len(STYLE_CYCLE)]
            style_i += 1
            if style == "party_gov" and "中共" not in issuer:
                style = "gov_guanyu"
            title = TITLE_STYLES[style](c.name, y)
            signed = rec["signed"]
            sd = dt.datetime.strptime(signed, "%Y-%m-%d")
            pub = sd + dt.timedelta(days=rng.randint(1, 24), hours=rng.randint(8, 17), minutes=rng.randint(0, 59),
                                    seconds=rng.randint(0, 59))
            c.reports.append(Report(c, y, src, title, style, pub, signed, issuer, text, sections, inds))
        c.reports.sort(key=lambda r: r.published)


def fill(tpl: str, c: County, y: int, rng: random.Random, **kw) -> list[str]:
    vals = dict(N=c.name, P=c.prefecture, T=TOWNS[c.adcode], Y=y, Y1=y + 1, d=rng.randint(5, 28),
                M=rng.randint(1, 3), k=rng.randint(2, 30))
    vals.update(kw)
    return tpl.format(**vals).split("\n")


def make_looks(c: County, rng: random.Random):
    ys = c.years
    T = TOWNS[c.adcode]
    y_a, y_b, y_c = ys[-1], ys[-2], ys[1]

    def when(y, m0, m1):
        return dt.datetime(y + 1, rng.randint(m0, m1), rng.randint(1, 27), rng.randint(8, 17), rng.randint(0, 59),
                           rng.randint(0, 59))

    L = c.looks
    L.append(Look(c, "department_report", f"{c.name}司法局{y_a}年度法治政府建设工作情况报告", when(y_a, 1, 2),
                  fill(DEPT_SFJ, c, y_a, rng), y_a, extra={"slot": "report_column"}))
    L.append(Look(c, "department_report", f"{c.name}市场监督管理局关于{y_b}年法治政府建设工作情况的报告",
                  when(y_b, 2, 3), fill(DEPT_SCJ, c, y_b, rng), y_b, extra={"slot": "report_column"}))
    L.append(Look(c, "department_report", f"{c.name}{T}镇人民政府关于{y_c}年度法治政府建设情况的报告",
                  when(y_c, 1, 2), fill(TOWN, c, y_c, rng), y_c, extra={"slot": "report_column"}))
    L.append(Look(c, "department_report", f"{c.name}自然资源局{cn_year(y_a)}年度法治政府建设情况报告",
                  when(y_a, 1, 3), fill(DEPT_ZRZY, c, y_a, rng), y_a, extra={"slot": "dept"}))
    L.append(Look(c, "prefecture_report", f"{c.prefecture}人民政府关于{y_b}年法治政府建设情况的报告", when(y_b, 3, 4),
                  fill(PREF, c, y_b, rng), y_b, extra={"slot": "report_column"}))
    L.append(Look(c, "other_annual_report", f"{c.name}人民政府{y_a}年政府信息公开工作年度报告", when(y_a, 1, 1),
                  fill(GKNB, c, y_a, rng), y_a, extra={"slot": "gknb"}))
    L.append(Look(c, "other_annual_report", f"{c.name}人民政府{y_b}年政府信息公开工作年度报告", when(y_b, 1, 1),
                  fill(GKNB, c, y_b, rng), y_b, extra={"slot": "gknb"}))
    L.append(Look(c, "other_annual_report",
                  f"{c.name}人民政府主要负责人{y_b}年度履行推进法治建设第一责任人职责情况报告", when(y_b, 2, 3),
                  fill(SHUFA, c, y_b, rng), y_b, extra={"slot": "dynamic"}))
    L.append(Look(c, "notice", f"{c.name}人民政府办公室关于印发《{c.name}{y_a + 1}年法治政府建设工作要点》的通知",
                  when(y_a, 3, 4), fill(NOTICE, c, y_a, rng), y_a, extra={"slot": "dynamic"}))
    nm = when(y_a, 1, 2)
    L.append(Look(c, "news", f"县政府召开常务会议审议《{c.name}{y_a}年度法治政府建设情况报告》", nm,
                  fill(NEWS_MEETING, c, y_a, rng, M=nm.month, d=nm.day), y_a, extra={"slot": "dynamic"}))
    nw = when(y_b, 2, 3)
    L.append(Look(c, "news", f"{c.name}召开全面依法治县工作会议", nw, fill(NEWS_WORK, c, y_b, rng, M=nw.month, d=nw.day),
                  y_b, extra={"slot": "dynamic"}))
    L.sort(key=lambda x: x.published)


def fillers(c: County, n: int, rng: random.Random, y0=2019, y1=2024) -> list[tuple[str, dt.datetime]]:
    out = []
    for i in range(n):
        y = rng.randint(y0, y1 - 1)
        t = FILLER_TITLES[(i * 7 + int(c.adcode)) % len(FILLER_TITLES)].format(N=c.name, Y=y, Y1=y + 1)
        out.append((t, dt.datetime(y + 1 if y < 2024 else 2024, rng.randint(1, 6), rng.randint(1, 28),
                                   rng.randint(8, 17), rng.randint(0, 59))))
    return out


# =============================================================================================== common bits


def charset_of(c: County) -> str:
    return "gb2312" if c.encoding == "gbk" else "utf-8"


def wire_encoding(c: County) -> str:
    return "gb18030" if c.encoding == "gbk" else "utf-8"


def ctype_of(c: County) -> str:
    # GBK sites send no charset in the header (only the <meta>), as such servers do
    return "text/html" if c.encoding == "gbk" else "text/html; charset=utf-8"


def gov_metas(c: County, column: str | None = None, art: "Report | Look | None" = None,
              site_name: str | None = None) -> str:
    m = [f'<meta name="SiteName" content="{esc(site_name or c.name + "人民政府")}">',
         f'<meta name="SiteDomain" content="{c.host}">',
         f'<meta name="SiteIDCode" content="{c.code}">']
    if column:
        m.append(f'<meta name="ColumnName" content="{esc(column)}">')
        m.append('<meta name="ColumnType" content="政府信息公开">')
    if art is not None:
        m.append(f'<meta name="ArticleTitle" content="{esc(art.title)}">')
        m.append(f'<meta name="PubDate" content="{art.published:%Y-%m-%d %H:%M}">')
        m.append(f'<meta name="ContentSource" content="{esc(c.name)}人民政府办公室">')
    return "\n".join(m)


def footer_block(c: County, code: str | None = None, sponsor: str | None = None) -> str:
    return f"""<div class="footer">
  <div class="footer-links"><a href="http://{c.prov_host}/" target="_blank">{esc(c.province)}人民政府</a> |
  <a href="http://{c.pref_host}/" target="_blank">{esc(c.prefecture)}人民政府</a> |
  <a href="http://www.gov.cn/" target="_blank">中国政府网</a></div>
  <p>主办单位：{esc(sponsor or c.name + "人民政府办公室")}　　联系电话：0{c.adcode[2:5]}-{int(c.adcode) % 9000000 + 1000000}</p>
  <p>网站标识码：{code or c.code}　　<a href="https://beian.miit.gov.cn/" target="_blank">{c.icp}</a>　　
  <img src="/images/ghs.png" alt="">{c.icp[0]}公网安备 {c.adcode}02000{int(c.adcode) % 97:02d}号</p>
  <script id="_jiucuo_" sitecode="{code or c.code}" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
</div>"""


def offsite(rec: Recorder, c: County):
    for h in (c.prov_host, c.pref_host, "www.gov.cn"):
        u = f"http://{h}/"
        if u not in rec.http["offsite_urls"]:
            rec.http["offsite_urls"].append(u)


def gold_report(r: Report, rec_entry: dict) -> dict:
    c = r.county
    return {
        "report_id": r.rid, "adcode": c.adcode, "county": c.name, "report_year": r.year, "title": r.title,
        "url": r.url, "pages": [r.url], "attachment": None, "duplicates": r.duplicates,
        "published": r.published.strftime("%Y-%m-%d"), "signed": r.signed, "issuer": r.issuer, "epochs": [1],
        "versions": [{"epoch": 1, "etag": rec_entry["headers"].get("ETag"),
                      "last_modified": rec_entry["headers"].get("Last-Modified")}],
        "template": c.family, "family": c.family, "encoding": c.encoding, "noise": [],
        "clean_text": r.clean_text, "lost_spans": [], "sections": r.sections, "indicators": r.indicators,
        "title_style": r.title_style, "derived_from": r.source.rid, "date_on_page": r.date_on_page,
    }


def look_html_paras(lk: Look) -> str:
    return para_html(lk.paragraphs)


def trunc(t: str, n: int) -> str:
    return t if len(t) <= n else t[: n - 1] + "…"


def index_no(c: County, y: int, n: int) -> str:
    return f"11{c.adcode}{int(c.adcode) % 997:03d}{(int(c.adcode) // 7) % 1000:03d}/{y}-{n:05d}"


def body_of(item) -> str:
    return para_html(item.lines() if isinstance(item, Report) else item.paragraphs)


class Site:
    """Per-county page writer: every page of a county goes through here (encoding, validators)."""

    def __init__(self, rec: Recorder, c: County, validators: bool = True):
        self.rec, self.c, self.validators = rec, c, validators
        self.look_pages: list[dict] = []

    def page(self, url: str, html_text: str, lastmod: dt.datetime | None = None, validators: bool | None = None,
             ctype: str | None = None, encoding: str | None = None, **kw) -> dict:
        c = self.c
        v = self.validators if validators is None else validators
        if not v and c.host.split(":")[0] not in self.rec.http["no_validators"]:
            host = url.split("/")[2]
            if host not in self.rec.http["no_validators"]:
                self.rec.http["no_validators"].append(host)
        return self.rec.add(url, html_text, ctype=ctype or ctype_of(c), lastmod=lastmod, validators=v,
                            encoding=encoding or wire_encoding(c), **kw)

    def json(self, url: str, obj) -> dict:
        host = url.split("/")[2]
        if host not in self.rec.http["json_list_api"]:
            self.rec.http["json_list_api"].append(host)
        return self.rec.add(url, json.dumps(obj, ensure_ascii=False, separators=(",", ":")),
                            ctype="application/json;charset=UTF-8", validators=False)

    def article(self, item, html_text: str, **kw) -> dict:
        e = self.page(item.url, html_text, lastmod=item.published + dt.timedelta(minutes=3), **kw)
        if isinstance(item, Report):
            item.etag = e["headers"].get("ETag")
            item.last_modified = e["headers"].get("Last-Modified")
            item._entry = e
        else:
            g = {"url": item.url, "kind": item.kind, "adcode": self.c.adcode, "title": item.title,
                 "published": item.published.strftime("%Y-%m-%d"), "epochs": [1], "family": self.c.family}
            if item.duplicate_of:
                g["duplicate_of"] = item.duplicate_of
            if item.note:
                g["note"] = item.note
            self.look_pages.append(g)
        return e


def dup_look(r: Report, url: str, published: dt.datetime | None = None) -> Look:
    """A repost of a county report in another column: same title and text, another URL."""
    lk = Look(r.county, "duplicate", r.title, published or r.published, r.lines(), r.year, url=url,
              duplicate_of=r.rid)
    r.duplicates.append(url)
    return lk


# =============================================================================================== family 1: kpshtml
# 开普云-style 集约化 sites (Heilongjiang, Hebei, Hunan ... county portals): a site folder, column folders
# c<id>, list templates named after their kind (zfxxgk_list.shtml, listDisplaySelf.shtml, zfxxgkMultiList.shtml),
# articles /<site>/c<col>/<YYYYMM>/<32 hex>.shtml with a 索引号 metadata table.


def kp_shell(c: County, S: str, title: str, main: str, crumbs: list[tuple[str, str]], column: str | None = None,
             art=None) -> str:
    crumb = " &gt; ".join(f'<a href="{u}">{esc(t)}</a>' if u else esc(t) for t, u in crumbs)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset_of(c)}">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<title>{esc(title)}</title>
{gov_metas(c, column, art)}
<link rel="stylesheet" href="/{S}/resource/css/common.css">
<script src="/{S}/resource/js/jquery.min.js"></script>
</head>
<body>
<div class="top-bar"><div class="w1200"><span>欢迎访问{esc(c.name)}人民政府网站</span>
<span class="fr"><a href="javascript:void(0)" id="jsfw">无障碍浏览</a> | <a href="/{S}/c100099/mobile.shtml">移动版</a></span></div></div>
<div class="header w1200"><a class="logo" href="/{S}/index.shtml"><img src="/{S}/resource/images/logo.png" alt="{esc(c.name)}人民政府"></a>
<form class="search" action="/{S}/search/search.shtml" method="get" target="_blank"><input type="text" name="searchWord" placeholder="请输入关键词"><button type="submit">搜索</button></form></div>
<div class="nav"><ul class="w1200">
<li><a href="/{S}/index.shtml">首页</a></li><li><a href="/{S}/c100110/zjxq.shtml">走进{esc(c.short)}</a></li>
<li><a href="/{S}/c100120/zwgk.shtml">政务公开</a></li><li><a href="http://{c.prov_host}/">政务服务</a></li>
<li><a href="/{S}/c100150/hdjl.shtml">互动交流</a></li><li><a href="/{S}/c100160/ztzl.shtml">专题专栏</a></li></ul></div>
<div class="location w1200">当前位置：{crumb}</div>
<div class="main w1200">
{main}
</div>
{footer_block(c)}
</body>
</html>
"""


def kp_article_html(c: County, S: str, item, col_name: str, col_url: str, crumbs, n: int,
                    show_date: bool = True, related: list | None = None) -> str:
    src = item.county.name + ("人民政府" if isinstance(item, Report) else "人民政府办公室")
    wd = dt.datetime.strptime(item.signed, "%Y-%m-%d") if isinstance(item, Report) else item.published
    written = f"{wd:%Y年%m月%d日}"
    meta = f"""<table class="xxgk-info">
<tr><th>索引号：</th><td>{index_no(c, item.published.year, n)}</td><th>主题分类：</th><td>其他</td></tr>
<tr><th>发布机构：</th><td>{esc(src)}</td><th>成文日期：</th><td>{written}</td></tr>
<tr><th>名　　称：</th><td colspan="3">{esc(item.title)}</td></tr>
<tr><th>文　　号：</th><td></td><th>发布日期：</th><td>{item.published:%Y-%m-%d}</td></tr>
</table>""" if show_date else f"""<table class="xxgk-info">
<tr><th>索引号：</th><td>{index_no(c, item.published.year, n)}</td><th>主题分类：</th><td>其他</td></tr>
<tr><th>发布机构：</th><td>{esc(src)}</td><th>文　　号：</th><td></td></tr>
<tr><th>名　　称：</th><td colspan="3">{esc(item.title)}</td></tr>
</table>"""
    info = (f'<div class="article-info"><span>来源：{esc(src)}</span><span>发布时间：{item.published:%Y-%m-%d %H:%M}</span>'
            f'<span>浏览次数：<em id="hits"></em></span><span>字号：<a href="javascript:doZoom(18)">大</a> '
            f'<a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span></div>'
            if show_date else
            '<div class="article-info"><span>浏览次数：<em id="hits"></em></span><span>字号：'
            '<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> '
            '<a href="javascript:doZoom(14)">小</a></span></div>')
    rel = ""
    if related:
        rel = '<div class="related"><h3>相关链接</h3><ul>' + "".join(
            f'<li><a href="{r.url}" title="{esc(r.title)}">{esc(r.title)}</a></li>' for r in related) + "</ul></div>"
    main = f"""<div class="article">
{meta}
<h1 class="article-title">{esc(item.title)}</h1>
{info}
<div class="article-content" id="zoom">
{body_of(item)}
</div>
<div class="article-tools"><a href="javascript:window.print();">【打印本页】</a> <a href="javascript:window.close();">【关闭窗口】</a></div>
{rel}
</div>"""
    return kp_shell(c, S, f"{item.title}_{c.name}人民政府", main, crumbs + [("正文", "")], col_name, item)


def build_kpshtml(rec: Recorder, c: County, rng: random.Random) -> Site:
    site = Site(rec, c, validators=True)
    S = c.variant
    B = f"http://{c.host}"
    offsite(rec, c)
    home_url = f"{B}/{S}/index.shtml"
    crumbs0 = [("首页", f"/{S}/index.shtml")]
    n_idx = iter(range(11, 999))

    def art_url(col, item):
        return f"{B}/{S}/c{col}/{item.published:%Y%m}/{hex32(rng)}.shtml"

    looks = {k: [lk for lk in c.looks if lk.extra.get("slot") == k] for k in ("report_column", "dept", "gknb",
                                                                              "dynamic")}
    # ---- columns
    zwgk = f"/{S}/c100120/zwgk.shtml"
    gk_index = f"/{S}/c100121/zfxxgk_index.shtml"
    fdzdgk = f"/{S}/c100125/zfxxgk_fdzdgk.shtml"
    gknb = f"/{S}/c100140/zfxxgk_list.shtml"
    tzgg = f"/{S}/c100131/zfxxgk_list.shtml"
    v = c.variant
    if v == "suning":
        zdly = f"/{S}/c101080/zdlyxxgk.shtml"
        fz_parent = f"/{S}/c101087/listDisplaySon.shtml"
        rep_col = "101088"
        rep_list = f"/{S}/c{rep_col}/listDisplaySelf.shtml"
        dyn_col = "101089"
        dyn_list = f"/{S}/c{dyn_col}/listDisplaySelf.shtml"
    elif v == "tongdao":
        fz_parent = None
        rep_col = "101150"
        rep_list = f"/{S}/c{rep_col}/zfxxgkMultiList.shtml"
        dyn_col = rep_col
        dyn_list = rep_list
    else:
        fz_parent = f"/{S}/c100260/zfxxgk_list.shtml"
        rep_col = "100261"
        rep_list = f"/{S}/c{rep_col}/zfxxgk_list.shtml"
        dyn_col = "100262"
        dyn_list = f"/{S}/c{dyn_col}/zfxxgk_list.shtml"

    # ---- article URLs
    for r in c.reports:
        r.url = art_url(rep_col, r)
    for lk in looks["report_column"]:
        lk.url = art_url(rep_col, lk)
    for lk in looks["dynamic"]:
        lk.url = art_url(dyn_col, lk)
    for lk in looks["gknb"]:
        lk.url = art_url("100140", lk)
    for lk in looks["dept"]:
        lk.url = art_url(rep_col if v == "tongdao" else dyn_col, lk)
    dups: list[Look] = []
    if v in ("tongdao", "keshan"):
        r = c.reports[-2]
        dups.append(dup_look(r, f"{B}/{S}/c100131/{r.published:%Y%m}/{hex32(rng)}.shtml",
                             r.published + dt.timedelta(hours=2)))
    news_items = [lk for lk in looks["dynamic"] if lk.kind == "news"]
    notice_items = [lk for lk in looks["dynamic"] if lk.kind == "notice"]
    fill_tz = fillers(c, 7, rng)

    # ---- home
    news_li = "".join(f'<li><a href="{lk.url}" target="_blank" title="{esc(lk.title)}">{esc(trunc(lk.title, 26))}</a>'
                      f'<span>{lk.published:%m-%d}</span></li>' for lk in news_items[-2:])
    news_li += "".join(f'<li><a href="/{S}/c100101/{d:%Y%m}/{hex32(rng)}.shtml" target="_blank">{esc(trunc(t, 26))}</a>'
                       f'<span>{d:%m-%d}</span></li>' for t, d in fillers(c, 5, rng))
    tz_li = "".join(f'<li><a href="{x.url}" target="_blank" title="{esc(x.title)}">{esc(trunc(x.title, 24))}</a>'
                    f'<span>{x.published:%Y-%m-%d}</span></li>' for x in (notice_items + dups)[-3:])
    home_main = f"""<div class="home-news"><div class="tab-hd"><h2>{esc(c.short)}要闻</h2><a class="more" href="/{S}/c100101/list.shtml">更多&gt;&gt;</a></div>
<ul class="news-list">{news_li}</ul></div>
<div class="home-notice"><div class="tab-hd"><h2>通知公告</h2><a class="more" href="{tzgg}">更多&gt;&gt;</a></div><ul>{tz_li}</ul></div>
<div class="home-gk"><h2>政务公开</h2><ul>
<li><a href="{gk_index}">政府信息公开</a></li><li><a href="/{S}/c100122/zfxxgk_zn.shtml">政府信息公开指南</a></li>
<li><a href="/{S}/c100128/zfxxgk_list.shtml">政策文件</a></li><li><a href="{gknb}">政府信息公开年报</a></li>
<li><a href="/{S}/c100129/ysqgk.shtml">依申请公开</a></li></ul></div>
<div class="home-zt"><h2>专题专栏</h2><ul><li><a href="/{S}/c100161/list.shtml"><img src="/{S}/resource/images/zt1.jpg" alt="优化营商环境"></a></li>
<li><a href="/{S}/c100162/list.shtml"><img src="/{S}/resource/images/zt2.jpg" alt="乡村振兴"></a></li></ul></div>"""
    home_html = kp_shell(c, S, f"{c.name}人民政府", home_main, [("首页", "")])
    if v == "keshan":
        rec.add(f"{B}/", None, status=302, location=home_url, validators=False, note="homepage redirects")
        rec.http["redirects"].append({"from": f"{B}/", "to": home_url})
        site.page(home_url, home_html, lastmod=dt.datetime(2024, 6, 28, 9))
    else:
        site.page(f"{B}/", home_html, lastmod=dt.datetime(2024, 6, 28, 9))

    # ---- 政务公开
    zw_items = [("政府信息公开", gk_index), ("政策文件", f"/{S}/c100128/zfxxgk_list.shtml"),
                ("政策解读", f"/{S}/c100127/list.shtml"), ("新闻发布会", f"/{S}/c100126/list.shtml")]
    if v == "suning":
        zw_items.insert(1, ("重点领域信息公开", zdly))
    zw_main = '<div class="zwgk-grid">' + "".join(
        f'<div class="block"><h3><a href="{u}">{esc(t)}</a></h3></div>' for t, u in zw_items) + "</div>"
    site.page(B + zwgk, kp_shell(c, S, f"政务公开_{c.name}人民政府", zw_main, crumbs0 + [("政务公开", "")], "政务公开"),
              lastmod=dt.datetime(2024, 5, 20, 10))
    crumbs_zw = crumbs0 + [("政务公开", zwgk)]

    # ---- 政府信息公开 index
    tree = [("政府信息公开指南", f"/{S}/c100122/zfxxgk_zn.shtml"), ("政府信息公开制度", f"/{S}/c100123/zfxxgk_zd.shtml"),
            ("法定主动公开内容", fdzdgk), ("政府信息公开年报", gknb), ("依申请公开", f"/{S}/c100129/ysqgk.shtml")]
    gi_main = '<div class="xxgk-left"><h2>政府信息公开</h2><ul class="tree">' + "".join(
        f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in tree) + "</ul></div>"
    gi_main += '<div class="xxgk-right"><p>本栏目按照《中华人民共和国政府信息公开条例》要求设置。</p></div>'
    site.page(B + gk_index, kp_shell(c, S, f"政府信息公开_{c.name}人民政府", gi_main,
                                     crumbs_zw + [("政府信息公开", "")], "政府信息公开"),
              lastmod=dt.datetime(2024, 5, 20, 10))
    crumbs_gi = crumbs_zw + [("政府信息公开", gk_index)]

    # ---- 法定主动公开内容
    cats = [("机构职能", f"/{S}/c100201/zfxxgk_list.shtml"), ("政策文件", f"/{S}/c100128/zfxxgk_list.shtml"),
            ("规划信息", f"/{S}/c100203/zfxxgk_list.shtml"), ("财政资金", f"/{S}/c100204/zfxxgk_list.shtml"),
            ("人事信息", f"/{S}/c100205/zfxxgk_list.shtml"), ("通知公告", tzgg)]
    if v == "tongdao":
        cats.insert(4, ("法治建设", rep_list))
    elif v != "suning":
        cats.insert(4, ("法治政府建设", fz_parent))
    fd_main = '<div class="xxgk-left"><ul class="tree">' + "".join(
        f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in tree) + '</ul></div><div class="xxgk-right"><div class="fdzdgk-grid">' + "".join(
        f'<a class="cat" href="{u}">{esc(t)}</a>' for t, u in cats) + "</div></div>"
    site.page(B + fdzdgk, kp_shell(c, S, f"法定主动公开内容_{c.name}人民政府", fd_main,
                                   crumbs_gi + [("法定主动公开内容", "")], "法定主动公开内容"),
              lastmod=dt.datetime(2024, 6, 1, 10))
    crumbs_fd = crumbs_gi + [("法定主动公开内容", fdzdgk)]

    def list_rows(items, style):
        items = sorted(items, key=lambda x: x.published, reverse=True)
        items = [type("R", (), {"title": x.title, "published": x.published, "url": x.url.replace(B, "")})() for x in items]
        if style == "table":
            return ('<table class="xxgk-table"><thead><tr><th>序号</th><th>索引号</th><th>标题</th><th>发文日期</th></tr>'
                    "</thead><tbody>" + "".join(
                        f'<tr><td>{i + 1}</td><td>{index_no(c, x.published.year, 100 + i)}</td><td class="tit">'
                        f'<a href="{x.url}" target="_blank" title="{esc(x.title)}">{esc(x.title)}</a></td>'
                        f'<td>{x.published:%Y-%m-%d}</td></tr>' for i, x in enumerate(items)) + "</tbody></table>")
        if style == "nodate":
            return '<ul class="list">' + "".join(
                f'<li><a href="{x.url}" target="_blank" title="{esc(x.title)}">{esc(x.title)}</a></li>'
                for x in items) + "</ul>"
        if style == "datespan":
            return '<ul class="news-list">' + "".join(
                f'<li><span class="date">{x.published:%Y-%m-%d}</span><a href="{x.url}" target="_blank" '
                f'title="{esc(x.title)}">{esc(trunc(x.title, 30))}</a></li>' for x in items) + "</ul>"
        if style == "multi":
            return '<div class="gk-list">' + "".join(
                f'<dl><dt><a href="{x.url}" target="_blank" title="{esc(x.title)}">{esc(trunc(x.title, 24))}</a></dt>'
                f'<dd>发布日期：{x.published:%Y年%m月%d日}</dd></dl>' for x in items) + "</div>"
        raise ValueError(style)

    def paged_list(base: str, name: str, items, style, crumbs, per: int, pager: str, side: str = ""):
        """base like /S/c100261/zfxxgk_list ; writes base.shtml, base_2.shtml ..."""
        items = sorted(items, key=lambda x: x.published, reverse=True)
        pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
        total = len(pages)
        for k, chunk in enumerate(pages, 1):
            url = f"{base}.shtml" if k == 1 else f"{base}_{k}.shtml"
            fname = base.rsplit("/", 1)[1]
            if pager == "anchors":
                links = [f'<a href="{fname}.shtml">首页</a>']
                links.append(f'<a href="{fname + ".shtml" if k == 2 else f"{fname}_{k - 1}.shtml"}">上一页</a>' if k > 1
                             else '<span class="disabled">上一页</span>')
                for j in range(1, total + 1):
                    links.append(f'<span class="current">{j}</span>' if j == k else
                                 f'<a href="{fname + ".shtml" if j == 1 else f"{fname}_{j}.shtml"}">{j}</a>')
                links.append(f'<a href="{fname}_{k + 1}.shtml">下一页</a>' if k < total else
                             '<span class="disabled">下一页</span>')
                links.append(f'<a href="{fname + ".shtml" if total == 1 else f"{fname}_{total}.shtml"}">尾页</a>')
                pg = f'<div class="page">{"".join(links)}<span>共{len(items)}条 {total}页</span></div>'
            elif pager == "script":
                pg = (f'<div id="page"></div>\n<script>\nlayui.use("laypage", function(){{\n  var laypage = layui.laypage;\n'
                      f'  laypage.render({{elem: "page", count: {len(items)}, limit: {per}, curr: {k}, layout: ["prev", "page", "next", "count"],\n'
                      f'    jump: function(obj, first){{ if(!first){{ location.href = obj.curr == 1 ? "{fname}.shtml" : "{fname}_" + obj.curr + ".shtml"; }} }}\n'
                      f'  }});\n}});\n</script>')
            elif pager == "nextonly":
                pg = '<div class="pagination">' + (
                    f'<a class="prev" href="{fname + ".shtml" if k == 2 else f"{fname}_{k - 1}.shtml"}">上一页</a>' if k > 1 else "") + (
                    f'<a class="next" href="{fname}_{k + 1}.shtml">下一页</a>' if k < total else "") + "</div>"
            else:
                raise ValueError(pager)
            main = (f'<div class="xxgk-left">{side}</div><div class="xxgk-right"><div class="col-title"><h2>{esc(name)}</h2></div>'
                    f'{list_rows(chunk, style)}\n{pg}</div>')
            newest = max((x.published for x in chunk), default=dt.datetime(2024, 1, 1))
            site.page(B + url, kp_shell(c, S, f"{name}_{c.name}人民政府", main, crumbs + [(name, "")], name),
                      lastmod=newest + dt.timedelta(hours=1))
        return total

    rep_items = c.reports + looks["report_column"]
    dyn_items = looks["dynamic"] + looks["dept"]
    if v == "keshan":
        sub_tabs = f'<ul class="sub-col"><li><a href="{rep_list}">法治政府建设年度报告</a></li><li><a href="{dyn_list}">工作动态</a></li><li><a href="/{S}/c100263/zfxxgk_list.shtml">普法宣传</a></li></ul>'
        # the parent column lists the newest items of its children
        paged_list(fz_parent[:-6], "法治政府建设", sorted(rep_items + dyn_items, key=lambda x: x.published)[-6:],
                   "table", crumbs_fd, 10, "anchors", sub_tabs)
        crumbs_fz = crumbs_fd + [("法治政府建设", fz_parent)]
        paged_list(rep_list[:-6], "法治政府建设年度报告", rep_items, "table", crumbs_fz, 5, "anchors", sub_tabs)
        paged_list(dyn_list[:-6], "工作动态", dyn_items, "table", crumbs_fz, 10, "anchors", sub_tabs)
    elif v == "hcx":
        years = sorted({x.year for x in rep_items}, reverse=True)
        ycols = {y: f"1002{70 + (2024 - y)}" for y in years}
        sub_tabs = f'<ul class="sub-col"><li><a href="{rep_list}">法治政府建设年度报告</a></li><li><a href="{dyn_list}">工作动态</a></li></ul>'
        site.page(B + fz_parent, kp_shell(c, S, f"法治政府建设_{c.name}人民政府",
                                          f'<div class="xxgk-left">{sub_tabs}</div><div class="xxgk-right"><h2>法治政府建设</h2>{sub_tabs}</div>',
                                          crumbs_fd + [("法治政府建设", "")], "法治政府建设"),
                  lastmod=dt.datetime(2024, 3, 1, 9))
        crumbs_fz = crumbs_fd + [("法治政府建设", fz_parent)]
        ylinks = "".join(f'<li><a href="/{S}/c{ycols[y]}/zfxxgk_list.shtml">{y}年度</a></li>' for y in years)
        site.page(B + rep_list, kp_shell(c, S, f"法治政府建设年度报告_{c.name}人民政府",
                                         f'<div class="xxgk-left">{sub_tabs}</div><div class="xxgk-right"><h2>法治政府建设年度报告</h2><ul class="year-col">{ylinks}</ul></div>',
                                         crumbs_fz + [("法治政府建设年度报告", "")], "法治政府建设年度报告"),
                  lastmod=dt.datetime(2024, 3, 1, 9))
        crumbs_rep = crumbs_fz + [("法治政府建设年度报告", rep_list)]
        for y in years:
            col = ycols[y]
            its = [x for x in rep_items if x.year == y]
            for x in its:  # the article lives under its year's sub-column
                x.url = art_url(col, x)
            paged_list(f"/{S}/c{col}/zfxxgk_list", f"{y}年度", its, "nodate", crumbs_rep, 10, "anchors", f'<ul class="year-col">{ylinks}</ul>')
        paged_list(dyn_list[:-6], "工作动态", dyn_items, "nodate", crumbs_fz, 10, "anchors", sub_tabs)
        for r in c.reports:
            r.list_date = False
    elif v == "suning":
        site.page(B + zdly, kp_shell(c, S, f"重点领域信息公开_{c.name}人民政府",
                                     '<div class="zdly-grid">' + "".join(
                                         f'<a href="{u}">{esc(t)}</a>' for t, u in
                                         [("财政预决算", f"/{S}/c101081/listDisplaySelf.shtml"),
                                          ("重大建设项目", f"/{S}/c101082/listDisplaySelf.shtml"),
                                          ("法治政府建设", fz_parent),
                                          ("生态环境", f"/{S}/c101084/listDisplaySelf.shtml")]) + "</div>",
                                     crumbs_zw + [("重点领域信息公开", "")], "重点领域信息公开"),
                  lastmod=dt.datetime(2024, 4, 1, 9))
        crumbs_zd = crumbs_zw + [("重点领域信息公开", zdly)]
        son = "".join(f'<div class="son"><h3><a href="{u}">{t}</a></h3><ul>' + "".join(
            f'<li><a href="{x.url}" title="{esc(x.title)}">{esc(trunc(x.title, 28))}</a><span>{x.published:%Y-%m-%d}</span></li>'
            for x in sorted(its, key=lambda x: x.published, reverse=True)[:3]) + "</ul></div>"
                      for t, u, its in [("法治政府建设报告", rep_list, rep_items), ("法治动态", dyn_list, dyn_items)])
        site.page(B + fz_parent, kp_shell(c, S, f"法治政府建设_{c.name}人民政府", son, crumbs_zd + [("法治政府建设", "")],
                                          "法治政府建设"), lastmod=dt.datetime(2024, 4, 1, 9))
        crumbs_fz = crumbs_zd + [("法治政府建设", fz_parent)]
        paged_list(rep_list[:-6], "法治政府建设报告", rep_items, "datespan", crumbs_fz, 4, "script")
        paged_list(dyn_list[:-6], "法治动态", dyn_items, "datespan", crumbs_fz, 4, "script")
        for r in c.reports:
            r.date_on_page = False
    elif v == "tongdao":
        everything = rep_items + dyn_items
        paged_list(rep_list[:-6], "法治建设", everything, "multi", crumbs_fd, 6, "nextonly")
        rec.add(f"{B}/robots.txt", f"User-agent: *\nDisallow: /{S}/search/\nDisallow: /{S}/c100150/\n",
                ctype="text/plain", lastmod=dt.datetime(2023, 5, 1))
        rec.http["robots"].append({"host": c.host, "disallowed_example": f"{B}/{S}/search/search.shtml"})
    # 通知公告 and 公开年报
    tz_items = notice_items + dups
    tz_fill = []
    for t, d in fill_tz:
        tz_fill.append(type("F", (), {"title": t, "published": d, "url": f"{B}/{S}/c100131/{d:%Y%m}/{hex32(rng)}.shtml"})())
    paged_list(tzgg[:-6], "通知公告", tz_items + tz_fill, "table" if v != "hcx" else "nodate", crumbs_fd, 20, "anchors")
    paged_list(gknb[:-6], "政府信息公开年报", looks["gknb"], "table" if v != "hcx" else "nodate", crumbs_gi, 10, "anchors")

    # ---- articles
    col_names = {}
    for x in c.reports + c.looks + dups:
        if not x.url:
            continue
        show_date = not (v == "suning" and isinstance(x, Report))
        related = [r for r in c.reports if r is not x][-3:] if isinstance(x, Report) and v == "keshan" else None
        site.article(x, kp_article_html(c, S, x, "法治政府建设", rep_list, crumbs_fd, next(n_idx), show_date, related))
    if v == "hcx":
        rec.http["gbk_sites"].append(c.host)
    return site


# =============================================================================================== family 2: spaapi
# Vue/jQuery single-page portals: the column pages are script shells; their lists come from a JSON API asked
# with GET parameters; the parameter names and their order are only in the shell's inline script.


def spa_home(c: County, nav: list[tuple[str, str]], blocks: str, title_extra="") -> str:
    navh = "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in nav)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{esc(c.name)}人民政府{title_extra}</title>
{gov_metas(c)}
<link rel="stylesheet" href="/static/css/index.4b1e0c2a.css">
</head>
<body>
<header class="site-header"><div class="container"><img class="logo" src="/static/img/logo.png" alt="{esc(c.name)}人民政府">
<nav class="main-nav"><ul>{navh}</ul></nav></div></header>
<main class="container home">
{blocks}
</main>
{footer_block(c)}
</body>
</html>
"""


def spa_detail_ssr(c: County, item, nav, crumbs) -> str:
    navh = "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in nav)
    crumb = " / ".join(f'<a href="{u}">{esc(t)}</a>' for t, u in crumbs)
    src = item.county.name + "人民政府办公室"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{esc(item.title)} - {esc(c.name)}人民政府</title>
{gov_metas(c, crumbs[-1][0], item)}
<link rel="stylesheet" href="/static/css/detail.77d0a1f3.css">
</head>
<body>
<div id="app" data-server-rendered="true">
<header class="site-header"><div class="container"><nav class="main-nav"><ul>{navh}</ul></nav></div></header>
<div class="container"><div class="breadcrumb">您的位置：{crumb}</div>
<div class="detail">
<h1 class="detail-title">{esc(item.title)}</h1>
<div class="detail-meta"><span>发布时间：{item.published:%Y-%m-%d %H:%M:%S}</span><span>来源：{esc(src)}</span><span class="share">分享到：<a class="wx"></a><a class="wb"></a></span></div>
<div class="detail-content">
{body_of(item)}
</div>
<div class="detail-foot"><a href="javascript:window.print()">打印</a><a href="javascript:window.close()">关闭</a></div>
</div></div>
{footer_block(c)}
</div>
<script>window.__INITIAL_STATE__={{"articleId":{item.extra_id if hasattr(item, "extra_id") else 0}}};</script>
<script src="/static/js/chunk-vendors.1c9b7e40.js" defer></script><script src="/static/js/detail.3d2f81aa.js" defer></script>
</body>
</html>
"""


def build_spaapi(rec: Recorder, c: County, rng: random.Random) -> Site:
    site = Site(rec, c, validators=True)
    B = f"http://{c.host}"
    offsite(rec, c)
    v = c.variant
    looks = {k: [lk for lk in c.looks if lk.extra.get("slot") == k] for k in ("report_column", "dept", "gknb", "dynamic")}
    rep_items = c.reports + looks["report_column"]
    dyn_items = looks["dynamic"] + looks["dept"]
    ids = iter(rng.sample(range(100000, 999999), 400))
    for x in c.reports + c.looks:
        x.extra_id = next(ids)
    fill_tz = fillers(c, 9, rng)
    tz_items = [x for x in dyn_items if x.kind == "notice"]
    dyn_items = [x for x in dyn_items if x.kind != "notice"]
    rec.http["shell_pages"].append(c.host)

    if v == "sansui":
        tree = {1100: ("政务公开", [1110, 1120, 1125]), 1110: ("政府信息公开", [1111, 1112, 1114, 1140]),
                1114: ("法定主动公开内容", [1115, 1116, 1131, 1117, 1020]), 1131: ("法治政府建设", [1132, 1133]),
                1120: ("政策解读", []), 1125: ("新闻发布会", []), 1111: ("政府信息公开指南", []),
                1112: ("政府信息公开制度", []), 1140: ("政府信息公开年报", []), 1115: ("机构职能", []),
                1116: ("政策文件", []), 1117: ("财政信息", []), 1020: ("通知公告", []),
                1132: ("法治政府建设年度报告", []), 1133: ("法治动态", [])}
        leaf_items = {1132: rep_items, 1133: dyn_items, 1140: looks["gknb"],
                      1020: tz_items + [type("F", (), {"title": t, "published": d, "extra_id": next(ids)})() for t, d in fill_tz]}
        per = 6
        shell = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{esc(c.name)}人民政府</title>
{gov_metas(c)}
<link href="/static/css/app.8c1f2e.css" rel="stylesheet">
</head>
<body>
<noscript>请开启浏览器的JavaScript功能后浏览本站。</noscript>
<div id="app"><div class="loading">正在加载...</div></div>
<script>
window.__APP_CONFIG__ = {{"siteId": "{c.code}", "apiBase": "/api/cms", "listApi": "/api/cms/article/list",
  "channelApi": "/api/cms/channel/children", "detailPath": "/detail.html"}};
(function () {{
  var cfg = window.__APP_CONFIG__;
  var channelId = new URLSearchParams(location.search).get("channelId");
  function loadChildren(parentId) {{
    return fetch(cfg.channelApi + "?parentId=" + parentId).then(function (r) {{ return r.json(); }});
  }}
  function loadList(id, pageNo) {{
    return fetch(cfg.listApi + "?channelId=" + id + "&pageNo=" + pageNo + "&pageSize={per}").then(function (r) {{ return r.json(); }});
  }}
  window.__cms = {{ channelId: channelId, loadChildren: loadChildren, loadList: loadList }};
}})();
</script>
<script src="/static/js/chunk-vendors.3a9d1b.js"></script>
<script src="/static/js/app.5e2c7a.js"></script>
</body>
</html>
"""
        for x in c.reports + c.looks:
            if x.extra.get("slot") if isinstance(x, Look) else True:
                x.url = f"{B}/detail.html?id={x.extra_id}"
        for ch in tree:
            site.page(f"{B}/channel.html?channelId={ch}", shell, lastmod=dt.datetime(2023, 11, 2, 10))
            kids = [{"channelId": k, "name": tree[k][0], "leaf": not tree[k][1],
                     "linkUrl": f"/channel.html?channelId={k}"} for k in tree[ch][1]]
            site.json(f"{B}/api/cms/channel/children?parentId={ch}", {"code": 200, "msg": "ok", "data": kids})
            items = sorted(leaf_items.get(ch, []), key=lambda x: x.published, reverse=True)
            if ch == 1131:
                items = sorted(rep_items + dyn_items, key=lambda x: x.published, reverse=True)[:per]
            chunks = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
            for k, chunk in enumerate(chunks, 1):
                site.json(f"{B}/api/cms/article/list?channelId={ch}&pageNo={k}&pageSize={per}", {
                    "code": 200, "msg": "ok", "data": {
                        "total": len(items), "pageNo": k, "pageSize": per, "pages": len(chunks),
                        "list": [{"id": x.extra_id, "title": x.title, "publishTime": f"{x.published:%Y-%m-%d %H:%M:%S}",
                                  "channelId": ch, "channelName": tree[ch][0],
                                  "linkUrl": f"/detail.html?id={x.extra_id}"} for x in chunk]}})
        nav = [("首页", "/"), ("新闻中心", "/channel.html?channelId=1000"), ("政务公开", "/channel.html?channelId=1100"),
               ("政务服务", f"http://{c.prov_host}/"), ("互动交流", "/channel.html?channelId=1300")]
        news = sorted(dyn_items, key=lambda x: x.published)[-2:]
        blocks = ('<section class="news"><h2>今日{0}</h2><ul>'.format(esc(c.short)) + "".join(
            f'<li><a href="{x.url}">{esc(x.title)}</a><span>{x.published:%Y-%m-%d}</span></li>' for x in news) +
                  "".join(f'<li><a href="/detail.html?id={next(ids)}">{esc(t)}</a><span>{d:%Y-%m-%d}</span></li>'
                          for t, d in fillers(c, 5, rng)) + "</ul></section>")
        blocks += ('<section class="gk"><h2>政务公开</h2><ul><li><a href="/channel.html?channelId=1110">政府信息公开</a></li>'
                   '<li><a href="/channel.html?channelId=1140">政府信息公开年报</a></li>'
                   '<li><a href="/channel.html?channelId=1020">通知公告</a></li></ul></section>')
        site.page(f"{B}/", spa_home(c, nav, blocks), lastmod=dt.datetime(2024, 6, 30, 8))
        crumbs = [("首页", "/"), ("政务公开", "/channel.html?channelId=1100"),
                  ("法治政府建设", "/channel.html?channelId=1131")]
        for x in c.reports + c.looks:
            site.article(x, spa_detail_ssr(c, x, nav, crumbs))
    elif v == "ninghua":
        tree = {"id": 80, "name": "政务公开", "path": "/list/80", "children": [
            {"id": 81, "name": "政府信息公开指南", "path": "/list/81", "children": []},
            {"id": 84, "name": "法定主动公开内容", "path": "/list/84", "children": [
                {"id": 85, "name": "机构职能", "path": "/list/85", "children": []},
                {"id": 86, "name": "政策文件", "path": "/list/86", "children": []},
                {"id": 88, "name": "法治政府建设", "path": "/list/88", "children": [
                    {"id": 89, "name": "年度报告", "path": "/list/89", "children": []},
                    {"id": 90, "name": "工作动态", "path": "/list/90", "children": []}]},
                {"id": 60, "name": "通知公告", "path": "/list/60", "children": []}]},
            {"id": 95, "name": "政府信息公开年报", "path": "/list/95", "children": []}]}
        nodes = {}

        def walk(n):
            nodes[n["id"]] = n
            for k in n["children"]:
                walk(k)
        walk(tree)
        per = 4
        leaf_items = {89: rep_items, 90: dyn_items, 95: looks["gknb"],
                      60: tz_items + [type("F", (), {"title": t, "published": d, "extra_id": next(ids)})() for t, d in fill_tz]}
        shell = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{esc(c.name)}人民政府门户网站</title>
{gov_metas(c)}
<link rel="stylesheet" href="/assets/index.d41f3a.css">
</head>
<body>
<div id="app"></div>
<script type="module">
import axios from "/assets/axios.min.js";
const API = {{ tree: "/api/v1/catalog/tree", page: "/api/v1/content/page" }};
// history-mode route: /list/:catalogId
const catalogId = location.pathname.split("/").pop();
export async function loadTree() {{
  return (await axios.get(API.tree, {{ params: {{ rootId: catalogId }} }})).data;
}}
export async function loadPage(page) {{
  return (await axios.get(API.page, {{ params: {{ catalogId: catalogId, page: page, size: {per} }} }})).data;
}}
</script>
<script type="module" src="/assets/index.9be27c.js"></script>
</body>
</html>
"""
        for x in c.reports + c.looks:
            x.url = f"{B}/art/{x.extra_id}.html"
        for cid, n in sorted(nodes.items()):
            site.page(f"{B}/list/{cid}", shell, lastmod=dt.datetime(2023, 9, 12, 15))
            site.json(f"{B}/api/v1/catalog/tree?rootId={cid}", {"success": True, "code": 200, "result": n})
            items = sorted(leaf_items.get(cid, []), key=lambda x: x.published, reverse=True)
            chunks = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
            for k, chunk in enumerate(chunks, 1):
                site.json(f"{B}/api/v1/content/page?catalogId={cid}&page={k}&size={per}", {
                    "success": True, "code": 200, "result": {
                        "records": [{"contentId": x.extra_id, "title": x.title, "releaseDate": f"{x.published:%Y-%m-%d}",
                                     "catalogId": cid, "href": f"/art/{x.extra_id}.html"} for x in chunk],
                        "total": len(items), "size": per, "current": k, "pages": len(chunks)}})
        nav = [("首页", "/"), ("政务公开", "/list/80"), ("新闻动态", "/list/20"), ("办事服务", f"http://{c.prov_host}/"),
               ("走进宁化", "/list/10")]
        blocks = ('<section class="focus"><h2>政务公开</h2><ul><li><a href="/list/84">法定主动公开内容</a></li>'
                  '<li><a href="/list/95">政府信息公开年报</a></li><li><a href="/list/60">通知公告</a></li></ul></section>')
        blocks += '<section class="news"><h2>新闻动态</h2><ul>' + "".join(
            f'<li><a href="/art/{next(ids)}.html">{esc(t)}</a><em>{d:%m-%d}</em></li>' for t, d in fillers(c, 6, rng)) + "</ul></section>"
        site.page(f"{B}/", spa_home(c, nav, blocks), lastmod=dt.datetime(2024, 6, 30, 8))
        crumbs = [("首页", "/"), ("政务公开", "/list/80"), ("法治政府建设", "/list/88")]
        for x in c.reports + c.looks:
            site.article(x, spa_detail_ssr(c, x, nav, crumbs))
    elif v == "luchuan":
        cols = {300: ("政务公开", [301, 305, 340]), 305: ("法定主动公开内容", [306, 307, 318, 330]),
                318: ("法治政府建设", [319, 320]), 319: ("年度报告", []), 320: ("法治动态", []),
                301: ("政府信息公开指南", []), 306: ("机构信息", []), 307: ("政策文件", []), 330: ("通知公告", []),
                340: ("政府信息公开年报", [])}
        per = 12
        leaf_items = {319: rep_items, 320: dyn_items, 340: looks["gknb"],
                      330: tz_items + [type("F", (), {"title": t, "published": d, "extra_id": next(ids)})() for t, d in fill_tz]}
        tz8 = dt.timezone(dt.timedelta(hours=8))

        def ms(d):
            return int(d.replace(tzinfo=tz8).timestamp() * 1000)
        shell = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(c.name)}人民政府</title>
{gov_metas(c)}
<link rel="stylesheet" href="/css/main.css">
<script src="/js/jquery-1.12.4.min.js"></script>
</head>
<body>
<div class="header"><a href="/"><img src="/images/logo.png" alt=""></a></div>
<div class="wrap"><div class="left-nav" id="leftNav"></div><div class="right-list" id="list"></div><div id="pager"></div></div>
<script>
var apiRoot = "/api";
function qs(name) {{ var m = new RegExp("[?&]" + name + "=([^&]*)").exec(location.search); return m ? decodeURIComponent(m[1]) : ""; }}
var columnId = qs("columnId");
function getChildren(id) {{ $.getJSON(apiRoot + "/column/children", {{ columnId: id }}, renderNav); }}
function getList(id, pageNo) {{ $.getJSON(apiRoot + "/article/list", {{ columnId: id, pageNo: pageNo, pageSize: {per} }}, renderList); }}
function renderList(res) {{
  var html = "";
  $.each(res.rows, function (i, a) {{
    html += '<li><a target="_blank" href="/content.html?articleId=' + a.articleId + '">' + a.title + '</a><span>' + fmt(a.releaseDate) + '</span></li>';
  }});
  $("#list").html("<ul>" + html + "</ul>");
}}
getChildren(columnId); getList(columnId, 1);
</script>
</body>
</html>
"""
        detail_shell = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(c.name)}人民政府</title>
{gov_metas(c)}
<link rel="stylesheet" href="/css/main.css">
<script src="/js/jquery-1.12.4.min.js"></script>
</head>
<body>
<div class="header"><a href="/"><img src="/images/logo.png" alt=""></a></div>
<div class="wrap"><h1 id="title"></h1><div class="info"><span id="date"></span><span id="source"></span></div>
<div class="content" id="content"></div></div>
<script>
var apiRoot = "/api";
var articleId = (/[?&]articleId=([^&]*)/.exec(location.search) || [])[1];
$.getJSON(apiRoot + "/article/detail", {{ articleId: articleId }}, function (res) {{
  $("#title").text(res.data.title); $("#date").text(fmt(res.data.releaseDate)); $("#source").text(res.data.source);
  $("#content").html(res.data.content);
}});
</script>
{footer_block(c)}
</body>
</html>
"""
        for x in c.reports + c.looks:
            x.url = f"{B}/content.html?articleId={x.extra_id}"
        for cid in sorted(cols):
            site.page(f"{B}/column.html?columnId={cid}", shell, validators=False)
            site.json(f"{B}/api/column/children?columnId={cid}", {
                "status": 0, "data": [{"columnId": k, "columnName": cols[k][0], "hasChild": bool(cols[k][1])}
                                      for k in cols[cid][1]]})
            items = sorted(leaf_items.get(cid, []), key=lambda x: x.published, reverse=True)
            if cid == 318:
                items = sorted(rep_items + dyn_items, key=lambda x: x.published, reverse=True)
            chunks = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
            for k, chunk in enumerate(chunks, 1):
                site.json(f"{B}/api/article/list?columnId={cid}&pageNo={k}&pageSize={per}", {
                    "status": 0, "msg": "success", "total": len(items),
                    "rows": [{"articleId": x.extra_id, "title": x.title, "releaseDate": ms(x.published), "author": ""}
                             for x in chunk]})
        nav = [("首页", "/"), ("政务公开", "/column.html?columnId=300"), ("新闻中心", "/column.html?columnId=200"),
               ("政务服务", f"http://{c.prov_host}/"), ("公众参与", "/column.html?columnId=400")]
        blocks = ('<div class="gk"><h2>政务公开</h2><a href="/column.html?columnId=305">法定主动公开内容</a>'
                  '<a href="/column.html?columnId=340">政府信息公开年报</a><a href="/column.html?columnId=330">通知公告</a></div>')
        blocks += '<div class="news"><h2>陆川要闻</h2><ul>' + "".join(
            f'<li><a href="/content.html?articleId={next(ids)}">{esc(t)}</a></li>' for t, d in fillers(c, 6, rng)) + "</ul></div>"
        site.page(f"{B}/", spa_home(c, nav, blocks), validators=False)
        for x in c.reports + c.looks:
            site.article(x, detail_shell, validators=False)
            site.json(f"{B}/api/article/detail?articleId={x.extra_id}", {
                "status": 0, "data": {"articleId": x.extra_id, "title": x.title, "content": body_of(x),
                                      "releaseDate": ms(x.published), "source": f"{c.name}人民政府办公室"}})
            if isinstance(x, Report):
                x.date_on_page = False
    return site


# =============================================================================================== family 3: gkml
# 政府信息公开目录 catalogues addressed by query parameters (cat_id / column_id / p=D...), on the portal or on a
# sibling 信息公开 host, each article with a 索引号 table.


def gk_shell(c: County, title: str, main: str, site_name: str | None = None, column: str | None = None, art=None,
             head_extra: str = "", sponsor: str | None = None) -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset_of(c)}" />
<title>{esc(title)}</title>
{gov_metas(c, column, art, site_name)}
<link href="/css/gk.css" rel="stylesheet" type="text/css" />
{head_extra}</head>
<body>
<div class="gk-top"><div class="gk-banner"><h1>{esc(site_name or c.name + "人民政府信息公开")}</h1></div></div>
<div class="gk-main">
{main}
</div>
{footer_block(c, sponsor=sponsor)}
</body>
</html>
"""


def gk_meta_table(c: County, item, n: int, cat: str) -> str:
    return f"""<table class="gk-meta" width="100%" border="0" cellspacing="1" cellpadding="0">
<tr><td class="k">索 引 号：</td><td>{index_no(c, item.published.year, n)}</td><td class="k">信息分类：</td><td>{esc(cat)}</td></tr>
<tr><td class="k">发布机构：</td><td>{esc(c.name)}人民政府办公室</td><td class="k">生成日期：</td><td>{item.published:%Y-%m-%d}</td></tr>
<tr><td class="k">名　　称：</td><td colspan="3">{esc(item.title)}</td></tr>
<tr><td class="k">文　　号：</td><td></td><td class="k">关 键 词：</td><td>法治政府</td></tr>
</table>"""


def build_gkml(rec: Recorder, c: County, rng: random.Random) -> Site:
    site = Site(rec, c, validators=False)
    B = f"http://{c.host}"
    offsite(rec, c)
    v = c.variant
    looks = {k: [lk for lk in c.looks if lk.extra.get("slot") == k] for k in ("report_column", "dept", "gknb", "dynamic")}
    rep_items = c.reports + looks["report_column"]
    dyn_items = looks["dynamic"] + looks["dept"]
    tz_items = [x for x in dyn_items if x.kind == "notice"]
    dyn_items = [x for x in dyn_items if x.kind != "notice"]
    ids = iter(rng.sample(range(20000, 99999), 300))
    nidx = iter(range(31, 999))
    for x in c.reports + c.looks:
        x.extra_id = next(ids)
    fill_tz = [type("F", (), {"title": t, "published": d, "extra_id": next(ids)})() for t, d in fillers(c, 8, rng)]

    def rows_table(items, href):
        return ('<table class="gk-list" width="100%"><tr class="hd"><th>序号</th><th>名称</th><th>索引号</th><th>生成日期</th></tr>'
                + "".join(f'<tr><td>{i + 1}</td><td class="t"><a href="{href(x)}" target="_blank" title="{esc(x.title)}">'
                          f'{esc(trunc(x.title, 32))}</a></td><td>{index_no(c, x.published.year, 500 + i)}</td>'
                          f'<td>{x.published:%Y-%m-%d}</td></tr>' for i, x in enumerate(items)) + "</table>")

    if v == "zhongjiang":
        node = "GKzjx"
        cats = {12000: ("法定主动公开内容", None), 12001: ("政府信息公开指南", None), 12002: ("政府信息公开制度", None),
                12900: ("政府信息公开年报", None), 12100: ("机构职能", 12000), 12200: ("政策文件", 12000),
                12610: ("法治政府建设", 12000), 12700: ("通知公告", 12000), 12611: ("法治政府建设年度报告", 12610),
                12612: ("法治工作动态", 12610)}
        items_of = {12611: rep_items, 12612: dyn_items, 12900: looks["gknb"], 12700: tz_items + fill_tz}

        def detail(x):
            return f"/info/iDetail.jsp?node_id={node}&info_id={x.extra_id}"

        def lst(cat, page=1):
            return f"/info/iList.jsp?node_id={node}&cat_id={cat}" + (f"&cur_page={page}" if page > 1 else "")

        def tree_html(open_path):
            def kids(p):
                return [k for k, (n_, par) in cats.items() if par == p]

            def ul(p, depth):
                out = "<ul>"
                for k in sorted(kids(p)):
                    out += f'<li><a href="{lst(k)}">{esc(cats[k][0])}</a>'
                    if k in open_path and kids(k):
                        out += ul(k, depth + 1)
                    out += "</li>"
                return out + "</ul>"
            return '<div class="gk-tree"><h3>信息公开目录</h3>' + ul(None, 0) + "</div>"

        def desc(cat):
            out = list(items_of.get(cat, []))
            for k, (n_, par) in cats.items():
                if par == cat:
                    out += desc(k)
            return out

        for x in c.reports + c.looks:
            x.url = B + detail(x)
        per = 5
        for cat, (name, par) in sorted(cats.items()):
            if cat in (12001, 12002, 12100, 12200):
                continue
            path = [cat]
            while cats[path[-1]][1]:
                path.append(cats[path[-1]][1])
            items = sorted(desc(cat), key=lambda x: x.published, reverse=True)
            chunks = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
            if cat in (12000, 12610):
                chunks = chunks[:1]
            for k, chunk in enumerate(chunks, 1):
                pager = (f'<div class="pager">共 {len(items)} 条记录　页次 {k}/{len(chunks)}　'
                         + (f'<a href="{lst(cat)}">首页</a> <a href="{lst(cat, k - 1)}">上一页</a> ' if k > 1 else "首页 上一页 ")
                         + (f'<a href="{lst(cat, k + 1)}">下一页</a> <a href="{lst(cat, len(chunks))}">尾页</a>' if k < len(chunks) else "下一页 尾页")
                         + "</div>") if cat not in (12000, 12610) else ""
                main = (tree_html(set(path)) + f'<div class="gk-right"><div class="pos">当前位置：<a href="/">首页</a> &gt; '
                        f'<a href="/info/iIndex.jsp?node_id={node}">信息公开</a> &gt; {esc(name)}</div>'
                        + rows_table(chunk, detail) + pager + "</div>")
                site.page(B + lst(cat, k), gk_shell(c, f"{name}-{c.name}政府信息公开", main, column=name))
        site.page(f"{B}/info/iIndex.jsp?node_id={node}", gk_shell(
            c, f"{c.name}政府信息公开", tree_html(set()) + '<div class="gk-right"><p>欢迎访问政府信息公开专栏。</p>'
            + rows_table(sorted(c.reports + c.looks, key=lambda x: x.published, reverse=True)[:8], detail) + "</div>",
            column="政府信息公开"))
        home_main = (f'<div class="nav"><a href="/">首页</a><a href="/xwzx/">新闻中心</a>'
                     f'<a href="/info/iIndex.jsp?node_id={node}">信息公开</a><a href="http://{c.prov_host}/">政务服务</a>'
                     f'<a href="/hdjl/">互动交流</a></div><div class="news"><h2>中江要闻</h2><ul>'
                     + "".join(f'<li><a href="/xwzx/zjyw/{d:%Y%m}/t{d:%Y%m%d}_{next(ids)}.html">{esc(t)}</a></li>'
                               for t, d in fillers(c, 6, rng)) + "</ul></div>")
        site.page(f"{B}/", gk_shell(c, f"{c.name}人民政府", home_main, site_name=f"{c.name}人民政府"))
        for x in c.reports + c.looks:
            main = (f'<div class="gk-right"><div class="pos">当前位置：<a href="/">首页</a> &gt; <a href="/info/iIndex.jsp?node_id={node}">信息公开</a></div>'
                    + gk_meta_table(c, x, next(nidx), "法治政府建设") +
                    f'<h2 class="title">{esc(x.title)}</h2><div id="info_content" class="zoom">\n{body_of(x)}\n</div>'
                    '<div class="tools"><a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div></div>')
            site.article(x, gk_shell(c, f"{x.title}", main, column="法治政府建设", art=x))
    elif v == "gongan":
        G = "http://zwgk.gongan.gov.cn"
        rec.http["sibling_hosts"].append({"county": c.name, "main": c.host, "sibling": "zwgk.gongan.gov.cn"})
        cols = {31700: ("政府信息公开", None), 31701: ("政府信息公开指南", 31700), 31710: ("法定主动公开内容", 31700),
                31790: ("政府信息公开年报", 31700), 31711: ("机构信息", 31710), 31712: ("政策文件", 31710),
                31760: ("法治政府建设", 31710), 31770: ("通知公告", 31710), 31761: ("法治政府建设年度报告", 31760),
                31762: ("法治动态", 31760)}
        items_of = {31761: rep_items, 31762: dyn_items, 31790: looks["gknb"], 31770: tz_items + fill_tz}

        def detail(x):
            return f"/detail.shtml?id={x.extra_id}"

        def lst(col, page=1):
            return f"/list.shtml?column_id={col}" + (f"&page={page}" if page > 1 else "")

        def desc(col):
            out = list(items_of.get(col, []))
            for k, (n_, par) in cols.items():
                if par == col:
                    out += desc(k)
            return out
        for x in c.reports + c.looks:
            x.url = G + detail(x)
        dup_rep = c.reports[1]
        dup = dup_look(dup_rep, f"{B}/news/show-{next(ids)}.html", dup_rep.published + dt.timedelta(days=1))
        per = 5
        for col, (name, par) in sorted(cols.items()):
            if col in (31701, 31711, 31712):
                continue
            chips = "".join(f'<a class="chip" href="{lst(k)}">{esc(n_)}</a>' for k, (n_, p_) in sorted(cols.items()) if p_ == col)
            items = sorted(desc(col), key=lambda x: x.published, reverse=True)
            chunks = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
            if col in (31700, 31710, 31760):
                chunks = chunks[:1]
            for k, chunk in enumerate(chunks, 1):
                pager = ""
                if len(chunks) > 1:
                    pager = '<div class="pages">' + "".join(
                        (f'<a href="{lst(col, j)}" class="cur">{j}</a>' if j == k else f'<a href="{lst(col, j)}">{j}</a>') for j in range(1, len(chunks) + 1)) + "</div>"
                ul = '<ul class="gk-ul">' + "".join(
                    f'<li><a href="{detail(x)}" title="{esc(x.title)}">{esc(x.title)}</a><span>{x.published:%Y-%m-%d}</span></li>'
                    for x in chunk) + "</ul>"
                main = (f'<div class="pos">您现在的位置：<a href="{B}/">首页</a> &gt; <a href="/">政务公开</a> &gt; {esc(name)}</div>'
                        f'<div class="chips">{chips}</div>{ul}{pager}')
                site.page(G + lst(col, k), gk_shell(c, f"{name}_{c.name}政务公开", main, site_name=f"{c.name}政务公开",
                                                    column=name))
        gk_home = ('<div class="gk-index"><a href="/list.shtml?column_id=31701">政府信息公开指南</a>'
                   '<a href="/list.shtml?column_id=31710">法定主动公开内容</a><a href="/list.shtml?column_id=31790">政府信息公开年报</a>'
                   '<a href="/dept.shtml?dept_id=1">按机构查看</a></div>')
        site.page(G + "/", gk_shell(c, f"{c.name}政务公开", gk_home, site_name=f"{c.name}政务公开"))
        tz_list = f"{B}/news/list-12.html"
        home_main = (f'<div class="nav"><a href="/">首页</a><a href="{G}/">政务公开</a><a href="/news/list-11.html">新闻中心</a>'
                     f'<a href="http://{c.prov_host}/">政务服务</a></div><div class="tz"><h2>通知公告</h2><ul>'
                     f'<li><a href="/news/show-{dup.url.rsplit("-", 1)[1]}" title="{esc(dup.title)}">{esc(trunc(dup.title, 22))}</a></li>'
                     + "".join(f'<li><a href="/news/show-{x.extra_id}.html">{esc(trunc(x.title, 22))}</a></li>' for x in fill_tz[:5])
                     + f'</ul><a class="more" href="{tz_list}">更多</a></div>')
        site.page(f"{B}/", gk_shell(c, f"{c.name}人民政府", home_main, site_name=f"{c.name}人民政府"))
        site.page(tz_list, gk_shell(c, f"通知公告_{c.name}人民政府", '<ul class="list">' + "".join(
            f'<li><a href="{x.url if hasattr(x, "url") and x.url else f"/news/show-{x.extra_id}.html"}">{esc(x.title)}</a>'
            f'<span>{x.published:%Y-%m-%d}</span></li>' for x in sorted([dup] + fill_tz, key=lambda x: x.published, reverse=True))
            + "</ul>", site_name=f"{c.name}人民政府"))
        for x in c.reports + c.looks:
            main = (f'<div class="pos">您现在的位置：<a href="{B}/">首页</a> &gt; <a href="/">政务公开</a></div>'
                    + gk_meta_table(c, x, next(nidx), "法治政府建设")
                    + f'<div class="article"><h1>{esc(x.title)}</h1><div class="TRS_Editor" id="zoom">\n{body_of(x)}\n</div></div>')
            x.url = G + detail(x)
            site.article(x, gk_shell(c, x.title, main, site_name=f"{c.name}政务公开", column="法治政府建设", art=x))
        main = (f'<div class="article"><h1>{esc(dup.title)}</h1><div class="info">发布日期：{dup.published:%Y-%m-%d}　来源：县政府办公室</div>'
                f'<div class="content">\n{body_of(dup)}\n</div></div>')
        site.article(dup, gk_shell(c, dup.title, main, site_name=f"{c.name}人民政府", art=dup))
    elif v == "zhongmu":
        P = "http://public.zhongmu.gov.cn"
        rec.http["sibling_hosts"].append({"county": c.name, "main": c.host, "sibling": "public.zhongmu.gov.cn"})
        rec.http["gbk_sites"] += [c.host, "public.zhongmu.gov.cn"]
        dirs = {"D01": ("法定主动公开内容", None), "D02": ("政府信息公开年报", None), "D0101": ("机构职能", "D01"),
                "D0102": ("政策文件", "D01"), "D0104": ("法治政府建设", "D01"), "D0105": ("通知公告", "D01"),
                "D010401": ("法治政府建设年度报告", "D0104"), "D010402": ("法治工作动态", "D0104")}
        items_of = {"D010401": rep_items, "D010402": dyn_items, "D02": looks["gknb"], "D0105": tz_items + fill_tz}

        def dlist(d, page=1):
            return f"/?a=dir&h=1&p={d}" + (f"&page={page}" if page > 1 else "")

        def show(x, d):
            return f"/?a=show&p={d}&id={x.extra_id}"

        def desc(d):
            out = list(items_of.get(d, []))
            for k, (n_, par) in dirs.items():
                if par == d:
                    out += desc(k)
            return out
        where = {}
        for d, its in items_of.items():
            for x in its:
                where[id(x)] = d
        for x in c.reports + c.looks:
            x.url = P + show(x, where.get(id(x), "D0104"))
        per = 6
        for d, (name, par) in sorted(dirs.items()):
            if d in ("D0101", "D0102"):
                continue
            subs = "".join(f'<li><a href="{dlist(k)}">{esc(n_)}</a></li>' for k, (n_, p_) in sorted(dirs.items()) if p_ == d)
            items = sorted(desc(d), key=lambda x: x.published, reverse=True)
            chunks = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
            if d in ("D01", "D0104"):
                chunks = chunks[:1]
            for k, chunk in enumerate(chunks, 1):
                rows = "".join(
                    f'<tr><td><a href="{show(x, where.get(id(x), d))}" title="{esc(x.title)}">{esc(x.title)}</a></td>'
                    f'<td>[{x.published:%Y-%m-%d}]</td></tr>' for x in chunk)
                pager = ""
                if len(chunks) > 1:
                    pager = (f'<div class="pg">第{k}页/共{len(chunks)}页 '
                             + (f'<a href="{dlist(d, k - 1)}">上页</a> ' if k > 1 else "")
                             + (f'<a href="{dlist(d, k + 1)}">下页</a>' if k < len(chunks) else "") + "</div>")
                main = (f'<div class="dir-left"><ul>{subs}</ul></div><div class="dir-right"><div class="pos">目录：{esc(name)}</div>'
                        f'<table class="dir-list">{rows}</table>{pager}</div>')
                site.page(P + dlist(d, k), gk_shell(c, f"{name}-{c.name}政府信息公开平台", main,
                                                    site_name=f"{c.name}政府信息公开平台", column=name))
        site.page(P + "/", gk_shell(c, f"{c.name}政府信息公开平台",
                                    f'<div class="dir-root"><a href="{dlist("D01")}">法定主动公开内容</a>'
                                    f'<a href="{dlist("D02")}">政府信息公开年报</a><a href="/?a=guide">政府信息公开指南</a>'
                                    f'<a href="/?a=apply">依申请公开</a></div>', site_name=f"{c.name}政府信息公开平台"))
        home_main = (f'<div class="nav"><a href="/">网站首页</a><a href="{P}/">政府信息公开</a><a href="/xwzx/index.html">新闻中心</a>'
                     f'<a href="http://{c.prov_host}/">政务服务</a></div><div class="news"><ul>'
                     + "".join(f'<li><a href="/xwzx/{d:%Y%m%d}/{next(ids)}.html">{esc(t)}</a></li>' for t, d in fillers(c, 6, rng))
                     + "</ul></div>")
        site.page(f"{B}/", gk_shell(c, f"{c.name}人民政府", home_main, site_name=f"{c.name}人民政府"))
        for x in c.reports + c.looks:
            d = where.get(id(x), "D0104")
            # the page repeats the title inside the text block (not part of clean_text)
            main = (gk_meta_table(c, x, next(nidx), dirs[d][0])
                    + f'<div class="show-content" id="Zoom"><p style="text-align:center"><strong>{esc(x.title)}</strong></p>\n{body_of(x)}\n</div>')
            site.article(x, gk_shell(c, x.title, main, site_name=f"{c.name}政府信息公开平台", column=dirs[d][0], art=x))
    return site


# =============================================================================================== family 4: opaqueid
# Sites whose article URLs carry an opaque number only (no date, no column): ThinkPHP routes
# (/fazhi/detail/id/N), PowerEasy SiteFactory (/Item/N.aspx), WordPress (/?p=N), Drupal (/node/N).


def simple_shell(c: County, title: str, main: str, head_extra: str = "", body_class: str = "", nav: str = "",
                 site_name: str | None = None) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset_of(c)}">
<title>{esc(title)}</title>
<meta name="SiteIDCode" content="{c.code}">
<meta name="SiteName" content="{esc(site_name or c.name + '人民政府')}">
{head_extra}</head>
<body class="{body_class}">
<div class="header"><div class="site-title">{esc(site_name or c.name + '人民政府')}</div>{nav}</div>
<div class="container">
{main}
</div>
{footer_block(c)}
</body>
</html>
"""


def build_opaqueid(rec: Recorder, c: County, rng: random.Random) -> Site:
    site = Site(rec, c, validators=False)
    B = f"http://{c.host}"
    offsite(rec, c)
    v = c.variant
    looks = {k: [lk for lk in c.looks if lk.extra.get("slot") == k] for k in ("report_column", "dept", "gknb", "dynamic")}
    rep_items = c.reports + looks["report_column"]
    dyn_items = looks["dynamic"] + looks["dept"]
    tz_items = [x for x in dyn_items if x.kind == "notice"]
    dyn_items = [x for x in dyn_items if x.kind != "notice"]
    base_id = {"thinkphp": 14000, "powereasy": 121000, "wordpress": 2000, "drupal": 1500}[v]
    idpool = iter(sorted(rng.sample(range(base_id, base_id + 900), 200)))
    for x in sorted(c.reports + c.looks, key=lambda x: x.published):
        x.extra_id = next(idpool)
    fill_tz = [type("F", (), {"title": t, "published": d, "extra_id": next(idpool), "url": ""})() for t, d in fillers(c, 8, rng)]

    def pages_of(items, per):
        items = sorted(items, key=lambda x: x.published, reverse=True)
        return items, ([items[i:i + per] for i in range(0, len(items), per)] or [[]])

    if v == "thinkphp":
        nav = ('<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/index">政务公开</a></li>'
               '<li><a href="/news/lists/cid/1">新闻中心</a></li><li><a href="/zhuanti/index">专题专栏</a></li>'
               f'<li><a href="http://{c.prov_host}/">政务服务</a></li></ul>')

        def det(x, mod="fazhi"):
            return f"/{mod}/detail/id/{x.extra_id}"
        for x in rep_items + dyn_items:
            x.url = B + det(x)
        for x in looks["gknb"] + tz_items:
            x.url = B + det(x, "zwgk")
        for x in fill_tz:
            x.url = B + det(x, "zwgk")

        def lists(mod, cid, name, items, per, crumbs):
            items, chunks = pages_of(items, per)
            for k, chunk in enumerate(chunks, 1):
                url = f"/{mod}/lists/id/{cid}" + (f"/p/{k}" if k > 1 else "")
                lis = "".join(f'<li><a href="{x.url.replace(B, "")}" target="_blank">{esc(x.title)}</a>'
                              f'<span class="time">({x.published:%Y-%m-%d})</span></li>' for x in chunk)
                pg = ""
                if len(chunks) > 1:
                    pg = '<div class="pagination">' + "".join(
                        (f'<span class="current">{j}</span>' if j == k else
                         f'<a class="num" href="/{mod}/lists/id/{cid}/p/{j}">{j}</a>') for j in range(1, len(chunks) + 1))
                    if k < len(chunks):
                        pg += f'<a class="next" href="/{mod}/lists/id/{cid}/p/{k + 1}">&gt;&gt;</a>'
                    pg += "</div>"
                site.page(B + url, simple_shell(c, f"{name}-{c.name}人民政府", f'<div class="crumb">{crumbs}</div><div class="list-box"><h2>{esc(name)}</h2><ul>{lis}</ul>{pg}</div>', nav=nav))
        site.page(B + "/", simple_shell(c, f"{c.name}人民政府", '<div class="banner"><a href="/zhuanti/index"><img src="/static/images/fzzf.jpg" alt="专题"></a></div>'
                                         '<div class="news"><h2>濮阳县要闻</h2><ul>' + "".join(
                                             f'<li><a href="/news/detail/id/{next(idpool)}">{esc(t)}</a></li>' for t, d in fillers(c, 6, rng)) + "</ul></div>", nav=nav))
        site.page(B + "/zhuanti/index", simple_shell(c, f"专题专栏-{c.name}人民政府", '<ul class="zt">'
                                                     '<li><a href="/fazhi/"><img src="/static/images/zt_fz.jpg" alt="法治政府建设"><p>法治政府建设</p></a></li>'
                                                     '<li><a href="/xczx/"><img src="/static/images/zt_xc.jpg" alt="乡村振兴"><p>乡村振兴</p></a></li></ul>', nav=nav))
        site.page(B + "/zwgk/index", simple_shell(c, f"政务公开-{c.name}人民政府", '<ul class="zwgk">'
                                                  '<li><a href="/zwgk/lists/id/21">政策文件</a></li><li><a href="/zwgk/lists/id/25">政府信息公开年报</a></li>'
                                                  '<li><a href="/zwgk/lists/id/28">通知公告</a></li><li><a href="/zwgk/lists/id/30">人事信息</a></li></ul>', nav=nav))
        fz_nav = ('<ul class="fz-nav"><li><a href="/fazhi/">专题首页</a></li><li><a href="/fazhi/lists/id/3">工作动态</a></li>'
                  '<li><a href="/fazhi/lists/id/5">年度报告</a></li><li><a href="/fazhi/lists/id/7">普法宣传</a></li>'
                  '<li><a href="/fazhi/lists/id/9">依法行政</a></li></ul>')
        latest = sorted(rep_items + dyn_items, key=lambda x: x.published, reverse=True)[:6]
        site.page(B + "/fazhi/", simple_shell(c, f"法治政府建设-{c.name}人民政府", fz_nav + '<div class="fz-latest"><ul>' + "".join(
            f'<li><a href="{x.url.replace(B, "")}">{esc(x.title)}</a></li>' for x in latest) + "</ul></div>", nav=nav,
            site_name=f"{c.name}法治政府建设"))
        lists("fazhi", 5, "年度报告", rep_items, 4, '<a href="/">首页</a> &gt; <a href="/fazhi/">法治政府建设</a> &gt; 年度报告')
        lists("fazhi", 3, "工作动态", dyn_items, 8, '<a href="/">首页</a> &gt; <a href="/fazhi/">法治政府建设</a> &gt; 工作动态')
        lists("zwgk", 25, "政府信息公开年报", looks["gknb"], 10, '<a href="/">首页</a> &gt; <a href="/zwgk/index">政务公开</a> &gt; 政府信息公开年报')
        lists("zwgk", 28, "通知公告", tz_items + fill_tz, 10, '<a href="/">首页</a> &gt; <a href="/zwgk/index">政务公开</a> &gt; 通知公告')
        for x in c.reports + c.looks:
            main = (f'<div class="detail"><h1>{esc(x.title)}</h1><p class="pubtime">(发布于:{x.published:%Y-%m-%d %H:%M})</p>'
                    f'<div class="detail-content">\n{body_of(x)}\n</div><div class="detail-tools"><a href="javascript:window.print()">打印</a>'
                    '<a href="javascript:window.close()">关闭</a></div></div>')
            site.article(x, simple_shell(c, f"{x.title}-{c.name}人民政府", main, nav=nav))
    elif v == "powereasy":
        rec.http["gbk_sites"].append(c.host)
        nav = ('<div class="menu"><a href="/">网站首页</a><a href="/Category_1/Index.aspx">新闻中心</a>'
               '<a href="/Category_3/Index.aspx">政务公开</a><a href="/Category_5/Index.aspx">办事服务</a>'
               '<a href="/Category_7/Index.aspx">互动交流</a></div>')
        for x in c.reports + c.looks + fill_tz:
            x.url = f"{B}/Item/{x.extra_id}.aspx"
        cats = {3: ("政务公开", None), 31: ("法治政府建设", 3), 32: ("政府信息公开年报", 3), 33: ("通知公告", 3),
                34: ("政策文件", 3), 311: ("法治动态", 31), 312: ("年度报告", 31)}
        items_of = {312: rep_items, 311: dyn_items, 32: looks["gknb"], 33: tz_items + fill_tz}

        def desc(k):
            out = list(items_of.get(k, []))
            for j, (n_, p_) in cats.items():
                if p_ == k:
                    out += desc(j)
            return out
        per = 4
        for k, (name, par) in sorted(cats.items()):
            if k == 34:
                continue
            subs = "".join(f'<a href="/Category_{j}/Index.aspx">{esc(n_)}</a>' for j, (n_, p_) in sorted(cats.items()) if p_ == k)
            items, chunks = pages_of(desc(k), per if k == 312 else 12)
            if k in (3, 31):
                chunks = chunks[:1]
            for i, chunk in enumerate(chunks, 1):
                url = f"/Category_{k}/Index.aspx" if i == 1 else f"/Category_{k}/Index_{i}.aspx"
                rows = "".join(f'<tr><td class="listbg">·<a href="/Item/{x.extra_id}.aspx" title="{esc(x.title)}" target="_blank">'
                               f'{esc(trunc(x.title, 30))}</a></td><td class="listdate">{x.published:%Y-%m-%d}</td></tr>' for x in chunk)
                pg = ""
                if len(chunks) > 1:
                    def pu(j):
                        return "Index.aspx" if j == 1 else f"Index_{j}.aspx"
                    pg = (f'<div class="showpage">共 <b>{len(items)}</b> 篇文章　'
                          + (f'<a href="{pu(1)}">首页</a> <a href="{pu(i - 1)}">上一页</a> ' if i > 1 else "首页 上一页 ")
                          + (f'<a href="{pu(i + 1)}">下一页</a> <a href="{pu(len(chunks))}">尾页</a>' if i < len(chunks) else "下一页 尾页")
                          + f'　页次：<strong><font color="red">{i}</font>/{len(chunks)}</strong>页 　<b>{per}</b>篇文章/页</div>')
                main = (f'<div class="location">您现在的位置：<a href="/">{esc(c.name)}人民政府</a> &gt;&gt; {esc(name)}</div>'
                        f'<div class="subclass">{subs}</div><table class="list" width="100%">{rows}</table>{pg}')
                site.page(B + url, simple_shell(c, f"{name}_{c.name}人民政府", main, nav=nav))
        site.page(B + "/", simple_shell(c, f"{c.name}人民政府", '<div class="tzgg"><h3>通知公告</h3><ul>' + "".join(
            f'<li><a href="/Item/{x.extra_id}.aspx">{esc(trunc(x.title, 20))}</a></li>' for x in (tz_items + fill_tz)[:6])
            + '</ul></div><div class="gk"><a href="/Category_3/Index.aspx">政务公开</a></div>', nav=nav))
        for x in c.reports + c.looks:
            main = (f'<div class="location">您现在的位置：<a href="/">{esc(c.name)}人民政府</a> &gt;&gt; <a href="/Category_3/Index.aspx">政务公开</a> &gt;&gt; 正文</div>'
                    f'<div class="article"><div class="title">{esc(x.title)}</div>'
                    f'<div class="info">文章来源：　发布时间：{x.published.year}年{x.published.month}月{x.published.day}日　字号：【<a href="javascript:fontZoom(16)">大</a>】【<a href="javascript:fontZoom(12)">小</a>】</div>'
                    f'<div id="fontzoom" class="content">\n{body_of(x)}\n</div>'
                    '<div class="prenext">上一篇：<a href="#">无</a><br>下一篇：<a href="#">无</a></div></div>')
            site.article(x, simple_shell(c, f"{x.title}_{c.name}人民政府", main, nav=nav))
    elif v == "wordpress":
        cats = {3: ("政务公开", None), 12: ("法治政府建设", 3), 15: ("年度报告", 12), 16: ("工作动态", 12),
                9: ("政府信息公开年报", 3), 4: ("通知公告", 3), 2: ("新闻动态", None)}
        items_of = {15: rep_items, 16: dyn_items, 9: looks["gknb"], 4: tz_items + fill_tz}
        for x in c.reports + c.looks + fill_tz:
            x.url = f"{B}/?p={x.extra_id}"
        cat_of = {}
        for k, its in items_of.items():
            for x in its:
                cat_of[id(x)] = k

        def desc(k):
            out = list(items_of.get(k, []))
            for j, (n_, p_) in cats.items():
                if p_ == k:
                    out += desc(j)
            return out

        def sidebar():
            def ul(p):
                ks = [j for j, (n_, pp) in sorted(cats.items()) if pp == p]
                if not ks:
                    return ""
                return ('<ul class="children">' if p else "<ul>") + "".join(
                    f'<li class="cat-item cat-item-{j}"><a href="{B}/?cat={j}">{esc(cats[j][0])}</a> ({len(desc(j))})' + ul(j) + "</li>"
                    for j in ks) + "</ul>"
            return f'<aside id="categories-2" class="widget widget_categories"><h2 class="widget-title">分类目录</h2>{ul(None)}</aside>'
        menu = (f'<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">'
                f'<li class="menu-item"><a href="{B}/">首页</a></li><li class="menu-item"><a href="{B}/?cat=3">政务公开</a></li>'
                f'<li class="menu-item"><a href="{B}/?cat=2">新闻动态</a></li><li class="menu-item"><a href="{B}/?page_id=7">互动交流</a></li>'
                f'<li class="menu-item"><a href="{B}/?page_id=5">走进门源</a></li></ul></nav>')

        def wp_page(title, main, extra_head=""):
            return simple_shell(c, title, f'<div id="primary" class="content-area"><main id="main" class="site-main">{main}</main></div>{sidebar()}',
                                head_extra=f'<meta name="generator" content="WordPress 6.2.2">\n<link rel="stylesheet" id="wp-block-library-css" href="{B}/wp-includes/css/dist/block-library/style.min.css?ver=6.2.2" media="all">\n{extra_head}',
                                body_class="archive category", nav=menu)

        def entry(x, full=False):
            t = x.published
            if full:
                return (f'<article id="post-{x.extra_id}" class="post-{x.extra_id} post type-post status-publish format-standard hentry">'
                        f'<header class="entry-header"><h1 class="entry-title">{esc(x.title)}</h1><div class="entry-meta">'
                        f'<span class="posted-on">发布于 <a href="{x.url}" rel="bookmark"><time class="entry-date published" datetime="{t:%Y-%m-%dT%H:%M:%S}+08:00">{t.year}年{t.month}月{t.day}日</time></a></span></div></header>'
                        f'<div class="entry-content">\n{body_of(x)}\n</div><footer class="entry-footer"><span class="cat-links">发布在 '
                        f'<a href="{B}/?cat={cat_of.get(id(x), 15)}" rel="category">{esc(cats[cat_of.get(id(x), 15)][0])}</a></span></footer></article>')
            return (f'<article id="post-{x.extra_id}" class="post-{x.extra_id} post type-post status-publish hentry">'
                    f'<header class="entry-header"><h2 class="entry-title"><a href="{x.url}" rel="bookmark">{esc(x.title)}</a></h2>'
                    f'<div class="entry-meta"><time class="entry-date published" datetime="{t:%Y-%m-%dT%H:%M:%S}+08:00">{t.year}年{t.month}月{t.day}日</time></div></header>'
                    f'<div class="entry-summary"><p>{esc(x.paragraphs[0][:60] if isinstance(x, Look) and x.paragraphs else (x.lines()[0][:60] if isinstance(x, Report) else ""))} […]</p></div></article>')
        per = 5
        for k in (3, 12, 15, 16, 9, 4):
            items, chunks = pages_of(desc(k), per)
            for i, chunk in enumerate(chunks, 1):
                url = f"{B}/?cat={k}" + (f"&paged={i}" if i > 1 else "")
                nav_links = '<nav class="navigation posts-navigation"><div class="nav-links">'
                if i < len(chunks):
                    nav_links += f'<div class="nav-previous"><a href="{B}/?cat={k}&#038;paged={i + 1}">较早文章</a></div>'
                if i > 1:
                    prev = f"{B}/?cat={k}" + (f"&#038;paged={i - 1}" if i > 2 else "")
                    nav_links += f'<div class="nav-next"><a href="{prev}">较新文章</a></div>'
                nav_links += "</div></nav>"
                feed = f'<link rel="alternate" type="application/rss+xml" title="{esc(c.name)}人民政府 &raquo; {esc(cats[k][0])}分类Feed" href="{B}/?feed=rss2&#038;cat={k}">'
                main = f'<header class="page-header"><h1 class="page-title">分类：<span>{esc(cats[k][0])}</span></h1></header>' + "".join(
                    entry(x) for x in chunk if isinstance(x, (Report, Look))) + "".join(
                    f'<article class="post"><h2 class="entry-title"><a href="{x.url}">{esc(x.title)}</a></h2></article>'
                    for x in chunk if not isinstance(x, (Report, Look))) + nav_links
                site.page(url, wp_page(f"{cats[k][0]} – {c.name}人民政府", main, feed))
        items, _ = pages_of(desc(15), 100)
        rss = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n'
               f'<title>{esc(c.name)}人民政府 &#187; 年度报告</title>\n<link>{B}</link>\n<description>{esc(c.name)}人民政府门户网站</description>\n'
               + "".join(f'<item>\n<title>{esc(x.title)}</title>\n<link>{x.url}</link>\n<pubDate>{http_date(x.published - dt.timedelta(hours=8))}</pubDate>\n'
                         f'<category><![CDATA[年度报告]]></category>\n<guid isPermaLink="false">{x.url}</guid>\n</item>\n' for x in items)
               + "</channel>\n</rss>\n")
        rec.add(f"{B}/?feed=rss2&cat=15", rss, ctype="application/rss+xml; charset=UTF-8", validators=False)
        home = '<section class="home-news"><h2>新闻动态</h2><ul>' + "".join(
            f'<li><a href="{B}/?p={next(idpool)}">{esc(t)}</a></li>' for t, d in fillers(c, 6, rng)) + "</ul></section>"
        site.page(f"{B}/", wp_page(f"{c.name}人民政府 – 门户网站", home))
        for x in c.reports + c.looks:
            site.article(x, wp_page(f"{x.title} – {c.name}人民政府", entry(x, full=True)))
    elif v == "drupal":
        terms = {20: ("法定主动公开内容", None), 21: ("法治政府建设", 20), 24: ("年度报告", 21), 25: ("法治动态", 21),
                 26: ("通知公告", 20), 28: ("政府信息公开年报", None)}
        items_of = {24: rep_items, 25: dyn_items, 28: looks["gknb"], 26: tz_items + fill_tz}
        for x in c.reports + c.looks + fill_tz:
            x.url = f"{B}/node/{x.extra_id}"
        menu = ('<nav role="navigation" class="menu--main"><ul class="menu"><li class="menu-item"><a href="/">首页</a></li>'
                '<li class="menu-item"><a href="/zwgk">政务公开</a></li><li class="menu-item"><a href="/taxonomy/term/2">新闻中心</a></li>'
                '<li class="menu-item"><a href="/node/12">走进温宿</a></li></ul></nav>')

        def dr(title, main):
            return simple_shell(c, f"{title} | {c.name}人民政府", f'<main role="main"><div class="region region-content">{main}</div></main>',
                                head_extra='<meta name="Generator" content="Drupal 9 (https://www.drupal.org)">\n<link rel="stylesheet" media="all" href="/core/themes/olivero/css/base/base.css?s3k1z2">\n',
                                nav=menu)
        per = 5
        for k, (name, par) in sorted(terms.items()):
            kids = "".join(f'<li><a href="/taxonomy/term/{j}" hreflang="zh-hans">{esc(n_)}</a></li>' for j, (n_, p_) in sorted(terms.items()) if p_ == k)
            kids = f'<div class="block block-taxonomy-children"><h2>子栏目</h2><ul>{kids}</ul></div>' if kids else ""
            items, chunks = pages_of(items_of.get(k, []), per)
            for i, chunk in enumerate(chunks):
                url = f"{B}/taxonomy/term/{k}" + (f"?page={i}" if i else "")
                rows = "".join(f'<div class="views-row"><div class="views-field views-field-title"><span class="field-content">'
                               f'<a href="/node/{x.extra_id}" hreflang="zh-hans">{esc(x.title)}</a></span></div></div>' for x in chunk)
                if not chunk:
                    rows = '<div class="view-empty">该栏目暂无内容。</div>'
                pager = ""
                if len(chunks) > 1:
                    pager = '<nav class="pager" role="navigation"><ul class="pager__items js-pager__items">' + "".join(
                        (f'<li class="pager__item is-active"><a href="?page={j}" title="当前页">{j + 1}</a></li>' if j == i else
                         f'<li class="pager__item"><a href="?page={j}" title="转到第{j + 1}页">{j + 1}</a></li>') for j in range(len(chunks)))
                    if i + 1 < len(chunks):
                        pager += f'<li class="pager__item pager__item--next"><a href="?page={i + 1}" rel="next">下一页 ›</a></li>'
                    pager += "</ul></nav>"
                main = f'<h1 class="page-title">{esc(name)}</h1>{kids}<div class="view view-taxonomy-term"><div class="view-content">{rows}</div>{pager}</div>'
                site.page(url, dr(name, main))
                if i == 0 and len(chunks) > 1:  # the pager links the first page as ?page=0 too
                    site.page(f"{B}/taxonomy/term/{k}?page=0", dr(name, main))
        site.page(f"{B}/zwgk", dr("政务公开", '<h1 class="page-title">政务公开</h1><div class="field--name-body"><ul>'
                                    '<li><a href="/taxonomy/term/19">政府信息公开指南</a></li><li><a href="/taxonomy/term/20">法定主动公开内容</a></li>'
                                    '<li><a href="/taxonomy/term/28">政府信息公开年报</a></li><li><a href="/node/35">依申请公开</a></li></ul></div>'))
        site.page(f"{B}/", dr("首页", '<div class="home-news"><h2>温宿要闻</h2><ul>' + "".join(
            f'<li><a href="/node/{next(idpool)}">{esc(t)}</a></li>' for t, d in fillers(c, 6, rng)) + "</ul></div>"))
        for x in c.reports + c.looks:
            main = (f'<article role="article" about="/node/{x.extra_id}" class="node node--type-article node--view-mode-full">'
                    f'<h1 class="page-title"><span class="field field--name-title">{esc(x.title)}</span></h1>'
                    f'<div class="node__meta"><span>提交于 <span class="field field--name-created">{x.published:%Y-%m-%d %H:%M}</span></span></div>'
                    f'<div class="node__content"><div class="clearfix text-formatted field field--name-body field--type-text-with-summary field__item">\n{body_of(x)}\n</div></div></article>')
            site.article(x, dr(x.title, main))
        for r in c.reports:
            r.list_date = False
    return site


# =============================================================================================== family 5: searchform
# No 法治政府建设 column on the county portal: the reports sit in a generic 通知公告 / 政府文件 list many pages
# deep, or on the justice bureau's own site (sfj.<county>.gov.cn); the site's GET search form (a shared 集约化
# search service: hidden 网站标识码 field) finds them.

SEARCH_KEYWORDS = ["法治政府", "法治政府建设", "法治政府建设年度报告", "法治政府建设情况", "法治政府建设情况报告",
                   "法治政府建设报告", "法治政府建设工作报告", "法治政府建设工作", "法治建设", "年度报告"]
TOKENS = ["法治", "政府", "建设", "年度", "报告", "情况", "工作"]


def search_match(kw: str, item) -> bool:
    toks = []
    rest = kw
    while rest:
        for t in TOKENS:
            if rest.startswith(t):
                toks.append(t)
                rest = rest[len(t):]
                break
        else:
            toks.append(rest[0])
            rest = rest[1:]
    text = item.title + "\n" + ("\n".join(item.lines()) if isinstance(item, Report) else "\n".join(item.paragraphs))
    return all(t in text for t in toks)


def enc_q(fields: list[tuple[str, str]]) -> str:
    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in fields)


def build_searchform(rec: Recorder, c: County, rng: random.Random) -> Site:
    site = Site(rec, c, validators=True)
    B = f"http://{c.host}"
    offsite(rec, c)
    v = c.variant
    looks = {k: [lk for lk in c.looks if lk.extra.get("slot") == k] for k in ("report_column", "dept", "gknb", "dynamic")}
    everything_but_gknb = c.reports + looks["report_column"] + looks["dynamic"] + looks["dept"]
    idn = iter(range(7712001, 7719999, 7))

    def hit_html(x, kw):
        t = esc(x.title)
        for tk in sorted({t_ for t_ in TOKENS if t_ in kw}, key=len, reverse=True):
            t = t.replace(tk, f"<em>{tk}</em>")
        first = (x.lines()[0] if isinstance(x, Report) else x.paragraphs[0])[:80]
        return (f'<li class="res"><h3><a href="{x.url}" target="_blank">{t}</a></h3><p class="summary">{esc(first)}…</p>'
                f'<p class="info"><span class="url">{esc(x.url)}</span><span class="date">{x.published:%Y-%m-%d}</span></p></li>')

    def record_search(action_abs: str, fields_before: list, qname: str, fields_after: list, page_name: str,
                      page_base: int, per: int, pool: list, shell, encoding=None):
        rec.http["search_forms"].append({"county": c.name, "action": action_abs, "query_field": qname,
                                         "fields": [k for k, _ in fields_before] + [qname] + [k for k, _ in fields_after],
                                         "page_param": page_name, "keywords": SEARCH_KEYWORDS})
        for kw in SEARCH_KEYWORDS:
            hits = sorted([x for x in pool if search_match(kw, x)], key=lambda x: x.published, reverse=True)
            chunks = [hits[i:i + per] for i in range(0, len(hits), per)] or [[]]
            for k, chunk in enumerate(chunks, 1):
                flds = fields_before + [(qname, kw)] + fields_after
                if page_name in [f for f, _ in flds]:
                    flds = [(f, str(page_base + k - 1) if f == page_name else val) for f, val in flds]
                elif k > 1:
                    flds = flds + [(page_name, str(page_base + k - 1))]
                url = action_abs + "?" + enc_q(flds)

                def link(j):
                    ff = fields_before + [(qname, kw)] + fields_after
                    if page_name in [f for f, _ in ff]:
                        ff = [(f, str(page_base + j - 1) if f == page_name else val) for f, val in ff]
                    elif j > 1:
                        ff = ff + [(page_name, str(page_base + j - 1))]
                    return action_abs + "?" + enc_q(ff).replace("&", "&amp;")
                pager = '<div class="pager">' + "".join(
                    (f'<span class="cur">{j}</span>' if j == k else f'<a href="{link(j)}">{j}</a>') for j in range(1, len(chunks) + 1))
                if k < len(chunks):
                    pager += f'<a href="{link(k + 1)}">下一页</a>'
                pager += "</div>"
                main = (f'<div class="search-box">搜索“{esc(kw)}”，找到相关结果约 {len(hits)} 条</div><ul class="results">'
                        + "".join(hit_html(x, kw) for x in chunk) + "</ul>" + (pager if len(chunks) > 1 else ""))
                if not hits:
                    main = f'<div class="search-box">抱歉，没有找到与“{esc(kw)}”相关的结果。</div>'
                site.page(url, shell(f"搜索结果：{kw}", main), validators=False)

    if v == "zhenba":
        S = "zbxzf"
        form = (f'<form id="searchForm" action="/so/s" method="get" target="_blank"><input type="hidden" name="siteCode" value="{c.code}">'
                '<input type="text" name="qt" placeholder="请输入搜索关键词"><input type="hidden" name="tab" value="all">'
                '<button type="submit">搜索</button></form>')
        nav = (f'<ul class="nav"><li><a href="/">首页</a></li><li><a href="/{S}/zjzb/zjzb.shtml">走进镇巴</a></li>'
               f'<li><a href="/{S}/zwgk/zwgk.shtml">政务公开</a></li><li><a href="/{S}/tzgg/list.shtml">通知公告</a></li>'
               f'<li><a href="http://{c.prov_host}/">政务服务</a></li><li><a href="/{S}/hdjl/hdjl.shtml">互动交流</a></li></ul>')

        def shell(title, main, art=None, column=None):
            return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{esc(title)}_{esc(c.name)}人民政府</title>
{gov_metas(c, column, art)}
<link rel="stylesheet" href="/{S}/css/style.css">
</head>
<body>
<div class="top"><div class="logo"><img src="/{S}/images/logo.png" alt="{esc(c.name)}人民政府"></div>{form}</div>
{nav}
<div class="content">
{main}
</div>
{footer_block(c)}
</body>
</html>
"""
        # the 通知公告 list: everything the government posts, 20 a page, many pages
        posted = c.reports + looks["report_column"] + looks["dynamic"] + looks["dept"]
        for x in posted:
            x.url = f"{B}/{S}/tzgg/{x.published:%Y%m}/{hex32(rng)}.shtml"
        fill = [type("F", (), {"title": t, "published": d, "url": f"{B}/{S}/tzgg/{d:%Y%m}/{hex32(rng)}.shtml"})()
                for t, d in fillers(c, 215, rng)]
        for x in looks["gknb"]:
            x.url = f"{B}/{S}/zfxxgk/gknb/{x.published:%Y%m}/{hex32(rng)}.shtml"
        allp = sorted(posted + fill, key=lambda x: x.published, reverse=True)
        per = 20
        chunks = [allp[i:i + per] for i in range(0, len(allp), per)]
        for k, chunk in enumerate(chunks, 1):
            url = f"{B}/{S}/tzgg/list.shtml" if k == 1 else f"{B}/{S}/tzgg/list_{k}.shtml"
            lis = "".join(f'<li><a href="{x.url.replace(B, "")}" title="{esc(x.title)}" target="_blank">{esc(trunc(x.title, 34))}</a>'
                          f'<span>{x.published:%Y-%m-%d}</span></li>' for x in chunk)
            pl = [f'<a href="list.shtml">首页</a>']
            if k > 1:
                pl.append(f'<a href="{"list.shtml" if k == 2 else f"list_{k - 1}.shtml"}">上一页</a>')
            for j in range(max(1, k - 2), min(len(chunks), k + 2) + 1):
                pl.append(f'<span class="cur">{j}</span>' if j == k else f'<a href="{"list.shtml" if j == 1 else f"list_{j}.shtml"}">{j}</a>')
            if k < len(chunks):
                pl.append(f'<a href="list_{k + 1}.shtml">下一页</a>')
            pl.append(f'<a href="list_{len(chunks)}.shtml">尾页</a>')
            site.page(url, shell("通知公告", f'<div class="pos">当前位置：<a href="/">首页</a> &gt; 通知公告</div><ul class="list">{lis}</ul>'
                                  f'<div class="page">{"".join(pl)} 共{len(allp)}条</div>', column="通知公告"),
                      lastmod=max(x.published for x in chunk) + dt.timedelta(hours=1))
        site.page(f"{B}/{S}/zwgk/zwgk.shtml", shell("政务公开", '<ul class="zwgk"><li><a href="/zbxzf/zfxxgk/index.shtml">政府信息公开</a></li>'
                                                     '<li><a href="/zbxzf/xzfwj/list.shtml">县政府文件</a></li><li><a href="/zbxzf/zcjd/list.shtml">政策解读</a></li>'
                                                     '<li><a href="/zbxzf/tzgg/list.shtml">通知公告</a></li></ul>', column="政务公开"),
                  lastmod=dt.datetime(2024, 3, 3, 9))
        site.page(f"{B}/{S}/zfxxgk/index.shtml", shell("政府信息公开", '<ul class="gk"><li><a href="/zbxzf/zfxxgk/gkzn.shtml">政府信息公开指南</a></li>'
                                                        '<li><a href="/zbxzf/zfxxgk/fdzdgknr.shtml">法定主动公开内容</a></li>'
                                                        '<li><a href="/zbxzf/zfxxgk/gknb/list.shtml">政府信息公开年报</a></li></ul>', column="政府信息公开"),
                  lastmod=dt.datetime(2024, 3, 3, 9))
        site.page(f"{B}/{S}/zfxxgk/gknb/list.shtml", shell("政府信息公开年报", '<ul class="list">' + "".join(
            f'<li><a href="{x.url.replace(B, "")}">{esc(x.title)}</a><span>{x.published:%Y-%m-%d}</span></li>' for x in looks["gknb"]) + "</ul>",
            column="政府信息公开年报"), lastmod=dt.datetime(2024, 1, 20, 9))
        site.page(f"{B}/", shell(f"{c.name}人民政府", '<div class="tzgg"><h2><a href="/zbxzf/tzgg/list.shtml">通知公告</a></h2><ul>' + "".join(
            f'<li><a href="{x.url.replace(B, "")}" title="{esc(x.title)}">{esc(trunc(x.title, 24))}</a></li>' for x in allp[:8]) + "</ul></div>"),
            lastmod=dt.datetime(2024, 6, 30, 9))
        record_search(f"{B}/so/s", [("siteCode", c.code)], "qt", [("tab", "all")], "page", 1, 10,
                      posted + looks["gknb"], lambda t, m: shell(t, m))
        for x in c.reports + c.looks:
            site.article(x, shell(x.title, f'<div class="pos">当前位置：<a href="/">首页</a> &gt; <a href="/{S}/tzgg/list.shtml">通知公告</a></div>'
                                           f'<div class="art"><h1>{esc(x.title)}</h1><div class="art-info">发布时间：{x.published:%Y-%m-%d %H:%M}　来源：{esc(c.name)}人民政府办公室</div>'
                                           f'<div class="art-con" id="zoom">\n{body_of(x)}\n</div></div>', art=x, column="通知公告"))
    elif v == "jiangyong":
        S = "jiangyong"
        form = (f'<form name="jsearchForm" action="/jsearchfront/search.do" method="get" target="_blank">'
                f'<input type="hidden" name="websiteid" value="{c.code}"><input type="text" name="q" value="" placeholder="站内搜索">'
                '<input type="hidden" name="pg" value="10"><input type="hidden" name="p" value="1"><input type="hidden" name="tpl" value="38">'
                '<input type="hidden" name="pos" value="all"><input type="submit" value="搜索"></form>')
        nav = (f'<div class="nav"><a href="/">首页</a><a href="/{S}/zwgk/zwgk.shtml">政务公开</a><a href="/{S}/zwdt/zwdt.shtml">政务动态</a>'
               f'<a href="http://{c.prov_host}/">政务服务</a><a href="/{S}/hdjl/hdjl.shtml">互动交流</a></div>')

        def shell(title, main, art=None, column=None):
            return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(title)}-{esc(c.name)}人民政府</title>
{gov_metas(c, column, art)}
</head>
<body>
<div class="head">{form}</div>
{nav}
<div class="main">
{main}
</div>
{footer_block(c)}
</body>
</html>
"""
        docno = iter(range(1, 99))
        posted = c.reports + looks["report_column"] + looks["dynamic"] + looks["dept"]
        for x in posted:
            x.url = f"{B}/{S}/zfwj/{x.published:%Y%m}/t{x.published:%Y%m%d}_{next(idn)}.shtml"
            x.docno = f"江政{'发' if isinstance(x, Report) else '办发'}〔{x.published.year}〕{next(docno)}号"
        for x in looks["gknb"]:
            x.url = f"{B}/{S}/gknb/{x.published:%Y%m}/t{x.published:%Y%m%d}_{next(idn)}.shtml"
        fill = [type("F", (), {"title": t, "published": d, "docno": f"江政办发〔{d.year}〕{i + 3}号",
                               "url": f"{B}/{S}/zfwj/{d:%Y%m}/t{d:%Y%m%d}_{next(idn)}.shtml"})()
                for i, (t, d) in enumerate(fillers(c, 120, rng))]
        allp = sorted(posted + fill, key=lambda x: x.published, reverse=True)
        per = 15
        chunks = [allp[i:i + per] for i in range(0, len(allp), per)]
        for k, chunk in enumerate(chunks):
            url = f"{B}/{S}/zfwj/zfwj_list.shtml" if k == 0 else f"{B}/{S}/zfwj/zfwj_list_{k}.shtml"
            rows = "".join(f'<tr><td class="bt"><a href="./{x.url.split("/zfwj/", 1)[1]}" target="_blank" title="{esc(x.title)}">{esc(x.title)}</a></td>'
                           f'<td class="wh">{esc(x.docno)}</td></tr>' for x in chunk)
            pg = (f'<div class="page"><script type="text/javascript">\nvar countPage = {len(chunks)};\nvar currentPage = {k};\n'
                  f'createPageHTML(countPage, currentPage, "zfwj_list", "shtml");\n</script></div>')
            site.page(url, shell("政府文件", f'<div class="pos">当前位置：<a href="/">首页</a> &gt; <a href="/{S}/zwgk/zwgk.shtml">政务公开</a> &gt; 政府文件</div>'
                                  f'<table class="wjlist"><tr><th>标题</th><th>文号</th></tr>{rows}</table>{pg}', column="政府文件"),
                      lastmod=max(x.published for x in chunk) + dt.timedelta(hours=1))
        for r in c.reports:
            r.list_date = False
        site.page(f"{B}/{S}/zwgk/zwgk.shtml", shell("政务公开", f'<ul class="zwgk"><li><a href="/{S}/zfwj/zfwj_list.shtml">政府文件</a></li>'
                                                     f'<li><a href="/{S}/gknb/gknb_list.shtml">政府信息公开年报</a></li>'
                                                     f'<li><a href="/{S}/zcjd/zcjd_list.shtml">政策解读</a></li>'
                                                     f'<li><a href="/{S}/zcwjk/zcwjk.shtml">政策文件库</a></li></ul>', column="政务公开"),
                  lastmod=dt.datetime(2024, 2, 1, 9))
        site.page(f"{B}/{S}/gknb/gknb_list.shtml", shell("政府信息公开年报", '<ul>' + "".join(
            f'<li><a href="./{x.url.split("/gknb/", 1)[1]}">{esc(x.title)}</a></li>' for x in looks["gknb"]) + "</ul>", column="政府信息公开年报"),
            lastmod=dt.datetime(2024, 1, 25, 9))
        site.page(f"{B}/", shell(f"{c.name}人民政府", '<div class="news"><ul>' + "".join(
            f'<li><a href="/{S}/zwdt/{d:%Y%m}/t{d:%Y%m%d}_{next(idn)}.shtml">{esc(t)}</a></li>' for t, d in fillers(c, 6, rng)) + "</ul></div>"),
            lastmod=dt.datetime(2024, 6, 30, 9))
        record_search(f"{B}/jsearchfront/search.do", [("websiteid", c.code)], "q", [("pg", "10"), ("p", "1"), ("tpl", "38"), ("pos", "all")],
                      "p", 1, 10, posted + looks["gknb"], lambda t, m: shell(t, m))
        for x in c.reports + c.looks:
            site.article(x, shell(x.title, f'<div class="pos">当前位置：<a href="/">首页</a> &gt; <a href="/{S}/zfwj/zfwj_list.shtml">政府文件</a></div>'
                                           '<div class="xxgk"><table>'
                                           f'<tr><td>索引号：{index_no(c, x.published.year, 700 + (x.extra_id if hasattr(x, "extra_id") else 1))}</td><td>文号：{esc(getattr(x, "docno", ""))}</td></tr>'
                                           f'<tr><td>发布机构：{esc(c.name)}人民政府</td><td>发布日期：{x.published:%Y-%m-%d}</td></tr></table></div>'
                                           f'<h1>{esc(x.title)}</h1><div class="TRS_Editor" id="zoom">\n{body_of(x)}\n</div>', art=x, column="政府文件"))
    elif v == "hongya":
        F = "http://sfj.hongya.gov.cn"
        sfj_code = c.adcode + "0012"
        rec.http["sibling_hosts"].append({"county": c.name, "main": c.host, "sibling": "sfj.hongya.gov.cn",
                                          "note": "justice bureau's site; the 法治政府建设 column is there"})
        form = (f'<form action="/search/search.jsp" method="get" target="_blank"><input type="hidden" name="siteCode" value="{c.code}">'
                '<input type="text" name="keyword" placeholder="请输入关键字"><input type="hidden" name="sortType" value="1">'
                '<button type="submit">搜索</button></form>')

        def shell(title, main, art=None, column=None):
            return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{esc(title)} - {esc(c.name)}人民政府</title>
{gov_metas(c, column, art)}
</head>
<body>
<div class="header"><img src="/images/logo.png" alt="">{form}</div>
<div class="nav"><a href="/">首页</a><a href="/hongya/zwgk/">政务公开</a><a href="/hongya/tzgg/">通知公告</a><a href="http://{c.prov_host}/">政务服务</a></div>
<div class="main">
{main}
</div>
{footer_block(c)}
</body>
</html>
"""

        def fshell(title, main, art=None):
            return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{esc(title)}_{esc(c.name)}司法局</title>
<meta name="SiteName" content="{esc(c.name)}司法局">
<meta name="SiteDomain" content="sfj.hongya.gov.cn">
<meta name="SiteIDCode" content="{sfj_code}">
{'<meta name="ArticleTitle" content="' + esc(art.title) + '">' if art is not None else ''}
</head>
<body>
<div class="top"><h1>{esc(c.name)}司法局</h1></div>
<div class="menu"><a href="/">首页</a><a href="/jggk/">机构概况</a><a href="/fzzfjs/">法治政府建设</a><a href="/pfyfzl/">普法依法治理</a>
<a href="/ggflfw/">公共法律服务</a><a href="http://{c.host}/">{esc(c.name)}人民政府</a></div>
<div class="wrap">
{main}
</div>
{footer_block(c, code=sfj_code, sponsor=c.name + "司法局")}
</body>
</html>
"""
        cid = iter(range(2391, 9999, 13))
        for x in c.reports + looks["report_column"]:
            x.url = f"{F}/contents/142/{next(cid)}.html"
        for x in looks["dynamic"] + looks["dept"]:
            x.url = f"{F}/contents/143/{next(cid)}.html"
        for x in looks["gknb"]:
            x.url = f"{B}/hongya/gknb/{x.published:%Y%m}/t{x.published:%Y%m%d}_{next(idn)}.html"
        dup_rep = c.reports[2]
        dup = dup_look(dup_rep, f"{B}/hongya/tzgg/{dup_rep.published:%Y%m}/t{dup_rep.published:%Y%m%d}_{next(idn)}.html",
                       dup_rep.published + dt.timedelta(days=2))
        per = 6

        def flist(path, name, items):
            items = sorted(items, key=lambda x: x.published, reverse=True)
            chunks = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
            for k, chunk in enumerate(chunks, 1):
                url = f"{F}{path}index.html" if k == 1 else f"{F}{path}index_{k}.html"
                lis = "".join(f'<li><a href="{x.url.replace(F, "")}" title="{esc(x.title)}">{esc(trunc(x.title, 28))}</a><span>{x.published:%Y-%m-%d}</span></li>'
                              for x in chunk)
                pg = ""
                if len(chunks) > 1:
                    pg = '<div class="pages">' + "".join(
                        (f'<span>{j}</span>' if j == k else f'<a href="{path}{"index.html" if j == 1 else f"index_{j}.html"}">{j}</a>')
                        for j in range(1, len(chunks) + 1)) + "</div>"
                site.page(url, fshell(name, f'<div class="pos">当前位置：<a href="/">首页</a> &gt; <a href="/fzzfjs/">法治政府建设</a> &gt; {esc(name)}</div><ul class="list">{lis}</ul>{pg}'),
                          lastmod=max((x.published for x in chunk), default=dt.datetime(2024, 1, 1)) + dt.timedelta(hours=1))
        flist("/fzzfjs/ndbg/", "年度报告", c.reports + looks["report_column"])
        flist("/fzzfjs/gzdt/", "工作动态", looks["dynamic"] + looks["dept"])
        site.page(f"{F}/fzzfjs/", fshell("法治政府建设", '<div class="sub"><a href="/fzzfjs/ndbg/index.html">年度报告</a><a href="/fzzfjs/gzdt/index.html">工作动态</a>'
                                                     '<a href="/fzzfjs/zcfg/index.html">政策法规</a></div>'),
                  lastmod=dt.datetime(2024, 2, 1, 9))
        site.page(f"{F}/", fshell(f"{c.name}司法局", '<div class="blocks"><a href="/fzzfjs/">法治政府建设</a><a href="/pfyfzl/">普法依法治理</a></div>'),
                  lastmod=dt.datetime(2024, 6, 1, 9))
        rec.add(f"{F}/robots.txt", "User-agent: *\nDisallow: /admin/\n", ctype="text/plain", lastmod=dt.datetime(2022, 1, 1))
        rec.http["robots"].append({"host": "sfj.hongya.gov.cn", "disallowed_example": f"{F}/admin/"})
        # the portal: 部门网站 list and a 专题 banner to the justice bureau's site
        fill = [type("F", (), {"title": t, "published": d, "url": f"{B}/hongya/tzgg/{d:%Y%m}/t{d:%Y%m%d}_{next(idn)}.html"})()
                for t, d in fillers(c, 14, rng)]
        tz = sorted([dup] + fill, key=lambda x: x.published, reverse=True)
        site.page(f"{B}/hongya/tzgg/", shell("通知公告", '<ul class="list">' + "".join(
            f'<li><a href="{x.url.replace(B, "")}">{esc(x.title)}</a><span>{x.published:%Y-%m-%d}</span></li>' for x in tz) + "</ul>", column="通知公告"),
            lastmod=dt.datetime(2024, 6, 20, 9))
        site.page(f"{B}/hongya/zwgk/", shell("政务公开", '<ul><li><a href="/hongya/gknb/">政府信息公开年报</a></li><li><a href="/hongya/zcwj/">政策文件</a></li>'
                                                     '<li><a href="/hongya/tzgg/">通知公告</a></li></ul>', column="政务公开"),
                  lastmod=dt.datetime(2024, 2, 1, 9))
        site.page(f"{B}/hongya/gknb/", shell("政府信息公开年报", '<ul>' + "".join(
            f'<li><a href="{x.url.replace(B, "")}">{esc(x.title)}</a></li>' for x in looks["gknb"]) + "</ul>", column="政府信息公开年报"),
            lastmod=dt.datetime(2024, 1, 25, 9))
        depts = [("县发展和改革局", "fgj"), ("县教育局", "jyj"), ("县司法局", "sfj"), ("县财政局", "czj"), ("县卫生健康局", "wjj")]
        site.page(f"{B}/", shell(f"{c.name}人民政府",
                                 f'<div class="zt"><a href="{F}/fzzfjs/" target="_blank"><img src="/images/fzhy.jpg" alt="法治洪雅"></a></div>'
                                 '<div class="bmwz"><h3>部门网站</h3><ul>' + "".join(
                                     f'<li><a href="http://{h}.hongya.gov.cn/" target="_blank">{n}</a></li>' for n, h in depts) + "</ul></div>"
                                 '<div class="tzgg"><h3><a href="/hongya/tzgg/">通知公告</a></h3></div>'),
                  lastmod=dt.datetime(2024, 6, 30, 9))
        record_search(f"{B}/search/search.jsp", [("siteCode", c.code)], "keyword", [("sortType", "1")], "page", 1, 10,
                      c.reports + c.looks + [dup], lambda t, m: shell(t, m))
        for x in c.reports + c.looks:
            if x.url.startswith(F):
                site.article(x, fshell(x.title, f'<div class="article"><h2>{esc(x.title)}</h2><div class="property">发布时间：{x.published:%Y-%m-%d}　'
                                                 f'来源：{esc(c.name)}司法局</div><div class="article-body" id="zoom">\n{body_of(x)}\n</div></div>', art=x))
            else:
                site.article(x, shell(x.title, f'<h1>{esc(x.title)}</h1><div class="info">{x.published:%Y-%m-%d}</div><div class="TRS_Editor">\n{body_of(x)}\n</div>', art=x))
        site.article(dup, shell(dup.title, f'<h1>{esc(dup.title)}</h1><div class="info">{dup.published:%Y-%m-%d}</div><div class="TRS_Editor">\n{body_of(dup)}\n</div>', art=dup))
    return site


# =============================================================================================== main

BUILDERS = {"kpshtml": build_kpshtml, "spaapi": build_spaapi, "gkml": build_gkml, "opaqueid": build_opaqueid,
            "searchform": build_searchform}


def check(rec: Recorder, gold_reports: list[dict], gold_pages: list[dict]):
    """Self-checks: every gold URL is recorded with status 200, texts and surfaces consistent, no shared URL."""
    urls = set()
    for g in gold_reports:
        e = rec.entries.get(g["url"])
        assert e and e["status"] == 200, g["url"]
        assert g["url"] not in urls
        urls.add(g["url"])
        for i in g["indicators"]:
            assert i["surface"] in g["clean_text"], (g["report_id"], i["surface"])
        for d in g["duplicates"]:
            assert d in rec.entries, d
    for p in gold_pages:
        assert p["url"] in rec.entries and p["url"] not in urls, p["url"]
        urls.add(p["url"])
    for url, e in rec.entries.items():
        if e["body"] and "html" in e["headers"].get("Content-Type", "text/html"):
            data = rec.bodies[e["body"]]
            assert b"SiteIDCode" in data or e["headers"].get("Content-Type", "").startswith("text/plain"), url


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    a = ap.parse_args(argv)
    rng = random.Random(SEED)
    sources = load_sources(a.src)
    divs = load_divisions()
    counties = make_counties(divs)
    excluded = set()
    for f in (a.src / "counties.csv", a.src.parent / "families" / "counties.csv"):
        if f.exists():
            excluded |= {r["adcode"] for r in csv.DictReader(open(f, encoding="utf-8"))}
    for c in counties:
        assert c.adcode not in excluded, c.name
    assign_reports(counties, sources, rng)
    for c in counties:
        make_looks(c, rng)
    rec = Recorder(a.out)
    gold_reports, gold_pages = [], []
    for c in counties:
        site = BUILDERS[c.family](rec, c, random.Random(f"{SEED}-{c.adcode}"))
        for r in c.reports:
            gold_reports.append(gold_report(r, rec.entries[r.url]))
        gold_pages += site.look_pages
        if c.encoding == "gbk" and c.host not in rec.http["gbk_sites"]:
            rec.http["gbk_sites"].append(c.host)
    # HTTP quirks: a flaky list page, a slow host, a lying charset header
    for url, e in rec.entries.items():
        if url == "http://www.tongdao.gov.cn/tongdao/c101150/zfxxgkMultiList_2.shtml":
            e["fail_first"] = 1
            rec.http["flaky"].append(url)
        if url.startswith("http://sfj.hongya.gov.cn/contents/142/"):
            e["delay_ms"] = 400
        if url.startswith("http://public.zhongmu.gov.cn/") and e["body"]:
            e["headers"]["Content-Type"] = "text/html; charset=UTF-8"
    rec.http["slow"].append("sfj.hongya.gov.cn")
    rec.http["wrong_charset_header"].append({"host": "public.zhongmu.gov.cn", "sent": "charset=UTF-8",
                                             "actual": "GBK (meta gb2312)"})
    check(rec, gold_reports, gold_pages)
    rec.write()
    out = a.out
    with open(out / "counties.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["adcode", "province", "prefecture", "county", "homepage", "family"])
        for c in counties:
            w.writerow([c.adcode, c.province, c.prefecture, c.name, c.homepage, c.family])
    with open(out / "gold" / "reports.jsonl", "w", encoding="utf-8") as fh:
        for g in sorted(gold_reports, key=lambda g: g["report_id"]):
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    with open(out / "gold" / "pages.jsonl", "w", encoding="utf-8") as fh:
        for p in sorted(gold_pages, key=lambda p: p["url"]):
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    (out / "gold" / "epochs.json").write_text(json.dumps({
        "epoch_dates": {"1": "2024-07-01"}, "new_in_epoch2": [], "corrected": [], "deleted": [], "redesign": None,
        "dead_in_epoch1": []}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "gold" / "http.json").write_text(json.dumps(rec.http, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    fams = {}
    for g in gold_reports:
        fams[g["family"]] = fams.get(g["family"], 0) + 1
    print(f"{len(counties)} counties, {len(gold_reports)} reports {fams}, {len(gold_pages)} other article pages, "
          f"{len(rec.entries)} recorded responses, {len(rec.bodies)} bodies -> {out}")


if __name__ == "__main__":
    sys.exit(main())
