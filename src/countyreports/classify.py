"""What an article is, from its title: the county government's own 法治政府建设 report or a look-alike.

    classify_title(title, county)            -> PageKind   (full title, after fetching)
    could_be_county_report(list_title, county) -> bool     (list-page title, maybe truncated `...`)
    classify_text(title, text, county)       -> PageKind   (title first, body for undecided titles)

A county report title is `[issuer][关于][year][issuer]<topic><report ending>`, e.g.
`乡宁县2023年度法治政府建设情况报告`, `中共乡宁县委 乡宁县人民政府关于2019年法治政府建设情况的报告`,
`2023年洪洞县法治政府建设工作报告`.  Everything before the topic words, once the county name,
the party/government bodies (`中共…委`, `…人民政府`), `关于` and the year are taken out, must be
empty; what remains otherwise names a department or township (`县卫生健康局`, `北苑街道`) or
another government.  Titles are folded first: NFKC, traditional→simplified (OpenCC when
installed, else a small table), pinyin annotations `發(fā)` dropped, whitespace removed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from countyreports.models import PageKind

# --------------------------------------------------------------------------------------------
# keyword tables (data)

#: the genre's topic words (one must be in a county report title)
TOPIC_WORDS = ("法治政府建设", "法治政府", "依法行政")
#: words that end a notice-like title (after trailing punctuation/brackets are dropped)
NOTICE_ENDINGS = ("通知", "公告", "通告", "通报", "公示", "启事", "批复", "复函", "函", "决定",
                  "意见", "办法", "方案", "要点", "规定", "细则", "清单", "名单", "目录", "计划")
#: `关于` + these opens a notice (`关于印发《…》的通知`, `关于做好…工作的通知`)
NOTICE_OPENERS = ("印发", "转发", "做好", "开展", "征集", "公开征求", "征求", "公布", "举办",
                  "组织", "进一步", "加强", "表彰", "通报", "下达", "调整", "成立", "同意", "明确",
                  "报送", "推荐", "确定", "认定", "命名", "授予", "废止", "修订", "启用")
#: other annual reports: a 报告 title naming these is not the genre
OTHER_REPORT_MARKERS = ("信息公开", "政府工作报告", "预算", "决算", "审计", "统计公报", "国民经济",
                        "述职", "述法", "履职", "第一责任人", "普法", "营商环境", "人大", "政协",
                        "依法治县", "依法治区", "依法治市", "依法治旗", "平安建设", "社会信用")
#: words of a department, township or other unit inside an issuer
UNIT_MARKERS = ("局", "镇", "乡", "街道", "办事处", "办公室", "委员会", "中心", "所", "院", "队",
                "站", "管委会", "开发区", "园区", "公司", "学校", "医院", "部", "厅", "处", "社区",
                "村", "馆", "集团", "分局", "大队", "监狱", "法院", "检察院", "卫健委", "发改委",
                "教体", "科", "组", "会")
#: report endings after the topic (a county report without `报告` still says `…情况`)
REPORT_ENDINGS = ("报告", "情况", "工作情况", "建设情况", "年度报告", "工作总结", "总结")
#: words of news titles about the topic (`召开…推进会`, `开展…专项督察`)
NEWS_MARKERS = ("召开", "举办", "举行", "开展", "启动", "督察", "督查", "检查", "调研", "推进会",
                "会议", "讲座", "培训", "创建", "示范", "获评", "荣获", "成功", "喜获", "入选",
                "宣传", "活动", "部署", "观摩", "座谈", "考察", "专题", "学习")
#: rule-of-law vocabulary: a non-report title using it is news, else unrelated
LAW_WORDS = ("法", "执法", "司法", "普法", "复议", "诉讼", "依法", "法治", "法律")
#: a few traditional forms, used only when OpenCC is not installed
_T2S_FALLBACK = str.maketrans(
    "縣區關於報設況務黨員會進門鄉鎮場監衛劃開應質與實執態環農業發產資義總結點體統廳辦處導專"
    "義國幹領舉題講範創紮橋淶鳳欒瀏華峽東運輸寧烏溮",
    "县区关于报设况务党员会进门乡镇场监卫划开应质与实执态环农业发产资义总结点体统厅办处导专"
    "义国干领举题讲范创扎桥涞凤栾浏华峡东运输宁乌浉",
)

# --------------------------------------------------------------------------------------------

_PINYIN = re.compile(r"[(（][a-zA-Z\u00c0-\u024f\u0300-\u036f]{1,8}[)）]")
_WS = re.compile(r"[\s\u3000\u00a0]+")
_TRUNC = re.compile(r"(?:\.{2,}|…+|。{2,}|·{3,})$")
_YEAR = re.compile(r"(?:[12]\d{3}|[〇零○Ｏ一二][〇零○Ｏ一二三四五六七八九]{3})年度?|年度")
_PARTY = re.compile(r"中共|中国共产党")
_GOV = re.compile(r"(?:[县区市旗])?(?:人民政府|政府|委员会|委)")
_FILLERS = re.compile(r"关于|我[县区市旗]|本[县区市旗]|全[县区市旗]|推进|[、，,·和与及]")
_ADMIN_GENERIC = re.compile(r"^[\u4e00-\u9fff]{1,12}?(?:自治)?[县区市旗州盟省]")
_ETHNIC = re.compile(r"(?:[\u4e00-\u9fff]{1,4}族)+自治")
_TAIL_TRIM = "》」』”\"')）]】。.．!！?？ "
_ADMIN_SUFFIX = "县区市旗"


@lru_cache(maxsize=1)
def _converter():
    try:
        import opencc  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - opencc is a declared dependency
        return None
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def fold_title(title: str) -> str:
    """NFKC, simplified characters, no pinyin annotations, no whitespace."""
    s = unicodedata.normalize("NFKC", title or "")
    s = _PINYIN.sub("", s)
    conv = _converter()
    s = conv.convert(s) if conv is not None else s.translate(_T2S_FALLBACK)
    return _WS.sub("", s)


@lru_cache(maxsize=512)
def county_aliases(county: str) -> tuple[str, ...]:
    """Ways a title may name the county: full name, without the ethnic part, with other suffixes."""
    c = fold_title(county)
    if not c:
        return ()
    out = [c]
    short = _ETHNIC.sub("", c)
    if short and short != c:
        out.append(short)
        if c.endswith("自治" + c[-1]):
            out.append(short)
    for name in list(out):
        if name[-1] in _ADMIN_SUFFIX and len(name) >= 2:
            base = name[:-1]
            out.extend(base + suf for suf in _ADMIN_SUFFIX if base + suf not in out)
    return tuple(sorted(set(out), key=len, reverse=True))


def _issuer_rest(prefix: str, county: str) -> tuple[str, bool]:
    """What is left of the text before the topic once county bodies, years and `关于` are removed,
    and whether a county alias was seen."""
    seen = False
    s = prefix
    for alias in county_aliases(county):
        if alias in s:
            seen = True
            s = s.replace(alias, "@")
    s = _YEAR.sub("", s)
    s = _PARTY.sub("", s)
    s = _FILLERS.sub("", s)
    s = re.sub(r"@(?:人民政府|政府|委员会|委)?", "", s)
    s = re.sub(r"^(?:[县区市旗](?:人民政府|政府|委员会|委))+", "", s)
    s = _GOV.sub(lambda m: "" if m.start() == 0 else m.group(0), s) if s.startswith(
        ("人民政府", "政府", "委")) else s
    return s, seen


def _is_notice(t: str) -> bool:
    core = t.rstrip(_TAIL_TRIM)
    if core.endswith(NOTICE_ENDINGS) and not core.endswith(("报告", "情况")):
        return True
    if core.startswith("关于"):
        after = _YEAR.sub("", core[2:], count=1) if _YEAR.match(core[2:]) else core[2:]
        if after.startswith(NOTICE_OPENERS):
            return True
    return False


def _split_topic(t: str) -> tuple[str, str, str] | None:
    """(before, topic, after) at the first topic word, or None."""
    best = None
    for w in TOPIC_WORDS:
        i = t.find(w)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, w)
    if best is None:
        return None
    i, w = best
    return t[:i], w, t[i + len(w):]


def _issuer_kind(before: str, county: str) -> PageKind:
    rest, _seen = _issuer_rest(before, county)
    if not rest:
        return PageKind.COUNTY_REPORT
    if any(m in rest for m in UNIT_MARKERS):
        return PageKind.DEPARTMENT_REPORT
    m = _ADMIN_GENERIC.match(rest)
    if m is not None:
        tail = rest[m.end():]
        tail = re.sub(r"^(?:人民政府|政府|委员会|委)+", "", tail)
        if not tail:
            # another government named in full; with no known county it is the county itself
            return PageKind.COUNTY_REPORT if not county else PageKind.UNRELATED
        return PageKind.DEPARTMENT_REPORT
    return PageKind.DEPARTMENT_REPORT


def classify_title(title: str, county: str) -> PageKind:
    """Kind of an article from its full title (`county` as in the registry, may be "")."""
    t = fold_title(title)
    if not t:
        return PageKind.UNRELATED
    if _is_notice(t):
        return PageKind.NOTICE
    split = _split_topic(t)
    is_report = "报告" in t
    if split is None:
        if is_report:
            return PageKind.OTHER_ANNUAL_REPORT
        return PageKind.NEWS if any(w in t for w in LAW_WORDS) else PageKind.UNRELATED
    before, _topic, after = split
    if any(m in t for m in OTHER_REPORT_MARKERS) and not after.lstrip("工作").startswith(
            ("年度报告", "情况", "工作", "报告")):
        return PageKind.OTHER_ANNUAL_REPORT if is_report else PageKind.NEWS
    ending = after.rstrip(_TAIL_TRIM)
    if not is_report and not _report_ending(ending):
        return PageKind.NEWS
    if any(m in before for m in NEWS_MARKERS) and not before.endswith("关于"):
        return PageKind.NEWS
    return _issuer_kind(before, county)


def _report_ending(after: str) -> bool:
    a = _YEAR.sub("", after)
    a = a.replace("的", "").replace("工作", "").replace("建设", "")
    return a == "" or a.endswith(REPORT_ENDINGS)


def could_be_county_report(list_title: str, county: str) -> bool:
    """Cheap pre-fetch filter on a list-page title; keeps anything a truncation leaves open."""
    t = fold_title(list_title)
    if not t:
        return True  # an item without text: cannot judge, fetch it
    m = _TRUNC.search(t)
    if m is None:
        return classify_title(t, county) is PageKind.COUNTY_REPORT
    t = t[:m.start()]
    if _is_notice(t):
        return False
    if "信息公开" in t:
        return False
    split = _split_topic(t)
    if split is None:
        # the topic may be cut off: the visible part must read like a report's opening
        rest, _ = _issuer_rest(t, county)
        if any(w in t for w in NEWS_MARKERS):
            return False
        return _could_open_topic(rest)
    before, _topic, after = split
    if any(m in before for m in NEWS_MARKERS) and not before.endswith("关于"):
        return False
    if after and not _could_continue(after):
        return False
    return _issuer_kind(before, county) is PageKind.COUNTY_REPORT


_TOPIC_PREFIXES = tuple({w[:i] for w in TOPIC_WORDS for i in range(1, len(w) + 1)})
_CONTINUATIONS = ("建设", "工作", "年度报告", "情况", "的报告", "报告", "和依法行政", "及依法行政",
                  "建设工作", "建设情况", "建设年度报告", "建设工作报告", "建设工作情况的报告",
                  "建设情况的报告", "建设情况报告", "建设的报告", "建设工作的报告", "建设年度")


def _could_open_topic(rest: str) -> bool:
    """`rest` (issuer bodies removed) is empty or the beginning of a topic word."""
    return rest == "" or rest.startswith(_TOPIC_PREFIXES) or rest in ("法", "依")


def _could_continue(after: str) -> bool:
    """The visible text after the topic is a prefix of a report ending."""
    a = _YEAR.sub("", after)
    return any(c.startswith(a) or a.startswith(c) for c in _CONTINUATIONS)


def classify_text(title: str, text: str, county: str) -> PageKind:
    """Kind from the title, falling back on the body's opening when the title says too little."""
    kind = classify_title(title, county)
    if kind is not PageKind.NEWS and kind is not PageKind.UNRELATED:
        return kind
    head = fold_title(text[:400])
    if re.search(r"法治政府建设(?:工作)?(?:情况|年度报告)?报告如下|现将.{0,40}?法治政府建设.{0,20}?报告",
                 head):
        return _issuer_kind(_split_topic(fold_title(title))[0], county) \
            if _split_topic(fold_title(title)) else PageKind.COUNTY_REPORT
    return kind
