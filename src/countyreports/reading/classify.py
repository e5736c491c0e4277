"""What an article is, from its title: the county government's own 法治政府建设 report or a look-alike.

    classify_title(title, county)              -> PageKind  (full title, after fetching)
    could_be_county_report(list_title, county) -> bool      (list-page title, maybe cut with `...`)
    classify_text(title, text, county)         -> PageKind  (title first; the body's opening
                                                             rescues a title that says too little)

A county report title reads `[issuer][关于][year][issuer]<topic><ending>`:
`乡宁县2023年度法治政府建设情况报告`, `中共乡宁县委 乡宁县人民政府关于2019年法治政府建设情况的报告`,
`2023年洪洞县法治政府建设工作报告`, `XX县二〇二三年度法治政府建设情况的报告`.
* topic: `法治政府建设` / `法治政府` / `依法行政` (table `TOPIC_WORDS`);
* ending: what follows the topic must be a report ending (`工作情况的报告`, `年度报告`, `情况`, ...);
* issuer: the text before the topic, once the county's names, the party and government bodies
  (`中共…委`, `…人民政府`), `关于`, fillers and the year are taken out, must be empty.  What
  remains otherwise names a department or township (`卫生健康局`, `北苑街道`: DEPARTMENT_REPORT)
  or another government (`临汾市人民政府`: UNRELATED, it is not this county's report).
Titles are folded first: NFKC, pinyin annotations (`發(fā)`) dropped, traditional→simplified
(OpenCC; a small table when it is missing), whitespace removed.

A repost of a county report in another column has the same title and classifies as COUNTY_REPORT;
folding duplicates is the pipeline's job.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

from countyreports.models import PageKind

# --------------------------------------------------------------------------------------------
# keyword tables (data)

#: the genre's topic words; one must be in a county report title
TOPIC_WORDS = ("法治政府建设", "法治政府", "依法行政")
#: words that end a notice-like title (after closing brackets and punctuation are dropped)
NOTICE_ENDINGS = ("通知", "公告", "通告", "通报", "公示", "启事", "批复", "复函", "函", "决定",
                  "意见", "办法", "方案", "要点", "规定", "细则", "清单", "名单", "目录", "纪要")
#: `关于` + these opens a notice (`关于印发《…》的通知`, `关于做好…工作的通知`)
NOTICE_OPENERS = ("印发", "转发", "做好", "开展", "征集", "公开征求", "征求", "公布", "举办",
                  "组织", "进一步", "加强", "表彰", "通报", "下达", "调整", "成立", "同意", "明确",
                  "报送", "推荐", "确定", "认定", "命名", "授予", "废止", "修订", "启用", "召开")
#: a document published by a notice: `[issuer]关于<verb>《document》的<notice>`, `关于<document>的<notice>` (the
#: unquoted form only with the announcing endings), `<document>（公示）`
PUBLISHING_VERBS = ("公开", "公布", "发布")
PUBLISHING_ENDINGS = ("公告", "通知", "公示", "通告")
ANNOUNCING_ENDINGS = ("公告", "公示")
#: a title naming these is another kind of annual report even when it mentions the topic
OTHER_REPORT_MARKERS = ("信息公开",)
#: news verbs and nouns (used on truncated list titles, where the ending is not visible)
NEWS_MARKERS = ("召开", "举办", "举行", "开展", "启动", "督察", "督查", "调研", "推进会", "会议",
                "讲座", "培训", "创建", "获评", "荣获", "成功", "喜获", "入选", "部署", "观摩",
                "座谈", "考察", "扎实", "积极", "深入", "全力", "持续")
#: rule-of-law vocabulary: a title that is neither report nor notice is news when it has one
LAW_WORDS = ("法",)
#: pieces of the issuer part that say nothing about who issued (removed before judging)
ISSUER_FILLERS = ("关于", "我县", "本县", "全县", "我区", "本区", "全区", "我市", "本市", "全市",
                  "我旗", "本旗", "全旗", "推进", "贯彻落实", "贯彻", "落实", "《", "、", "，", ",", "·", "和", "与", "及", "暨")
#: ending pieces after the topic: optional groups, concatenated in this order
ENDING_GROUPS = (
    ("", "和依法行政", "及依法行政", "暨依法行政"),
    ("", "建设"),
    ("", "工作"),
    ("", "年度", "年"),
    ("", "工作"),
    ("", "情况", "开展情况", "推进情况", "工作情况", "进展情况", "落实情况", "完成情况"),
    ("", "的"),
    ("", "年度"),
    ("", "报告", "总结", "工作报告", "情况报告", "总结报告"),
)
#: the next year's plan joined to the report (`…工作情况和2024年工作安排的报告`, `…工作总结及2024年工作计划`):
#: connector, whose plan, what plan; removed before the ending is judged
PLAN_CONNECTORS = ("和", "及", "暨", "与", "并")
PLAN_WHEN = ("下一步", "下步", "下一年度", "下一年", "明年")
PLAN_WORDS = ("计划", "安排", "打算", "思路", "要点", "重点", "谋划")
#: tokens a cut list title may end inside (besides the county names and year digits)
PARTIAL_TOKENS = ("中共", "中国共产党", "人民政府", "政府", "委员会", "关于", "年度") + TOPIC_WORDS
#: ethnic groups named in autonomous counties/banners (`围场满族蒙古族自治县` → `围场县`)
ETHNIC_GROUPS = ("满", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "侗", "瑶",
                 "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "拉祜", "水",
                 "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉",
                 "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯",
                 "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴",
                 "珞巴", "基诺", "各")
#: a few traditional forms, used only when OpenCC is not installed
_T2S_FALLBACK = str.maketrans(
    "縣區關於報設況務黨員會進門鄉鎮場監衛劃開應質與實執態環農業發產資總結點體統廳辦處導專"
    "義國幹領舉題講範創紮橋淶鳳欒瀏華峽東運輸寧烏溮倫",
    "县区关于报设况务党员会进门乡镇场监卫划开应质与实执态环农业发产资总结点体统厅办处导专"
    "义国干领举题讲范创扎桥涞凤栾浏华峡东运输宁乌浉伦",
)

# --------------------------------------------------------------------------------------------

_PINYIN = re.compile(r"[(（][a-zA-Z\u00c0-\u024f\u0300-\u036f]{1,8}[)）]")
_WS = re.compile(r"[\s\u3000\u00a0]+")
_TRUNC = re.compile(r"(?:\.{2,}|…+|。{2,}|·{2,})$")
_YEAR = re.compile(r"(?:[12]\d{3}|[〇零○一二][〇零○一二三四五六七八九]{3})年度?|年度")
_PARTY = re.compile(r"中共|中国共产党")
_FILLER_RE = re.compile("|".join(map(re.escape, ISSUER_FILLERS)))
_OWN_BODY = re.compile(r"@(?:人民政府|政府|委员会|委)?")
_BARE_BODY = re.compile(r"^(?:[县区市旗]?(?:人民政府|政府|委员会|委))+")
_OTHER_GOV = re.compile(r"^[\u4e00-\u9fff]{1,12}?(?:自治)?[县区市旗州盟省](?:人民政府|政府|委员会|委)*$")
_ETHNIC = re.compile(rf"(?:(?:{'|'.join(ETHNIC_GROUPS)})族)+自治|自治(?=[县旗])")
_TAIL_TRIM = "》」』”\"')）]】。.．!！?？ "
_LEAD_TAG = re.compile(r"^(?:【[^】]{0,16}】|\[[^\]]{0,16}\]|\[?(?:转载|转发|置顶|图文|原创)\]?[:：]?)+")
#: a title wrapped whole in one bracket pair (`【…的报告】`)
_WRAPPED = re.compile(r"^【([^【】]+)】$")
#: a document number before the title (`宜政发〔2023〕6号 …`, `X政办发[2024]12号…`): the issuing office's, not a name
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[(【]\s*(?:19|20)\d{2}\s*[〕\])】]\s*第?\d{1,5}号")
_TAIL_NOTE = re.compile(r"[(（【\[][^()（）【】\[\]]{0,12}[)）】\]]$")
_PLAN_NAME = re.compile(r"实施纲要[^》]{0,30}》")
_ADMIN_SUFFIX = "县区市旗"
_UPPER_AREA = re.compile(r"(?:[\u4e00-\u9fff]{1,10}?(?:省|自治区|市|自治州|州|盟|地区))+(?=@)")
_ENDINGS = frozenset("".join(p) for p in product(*ENDING_GROUPS))
_ENDING_PREFIXES = frozenset(e[:i] for e in _ENDINGS for i in range(len(e) + 1))
_PLAN_CLAUSE = re.compile(
    f"(?:{'|'.join(PLAN_CONNECTORS)})(?:{'|'.join(PLAN_WHEN)}|(?:[12]\\d{{3}}|[〇零○一二][〇零○一二三四五六七八九]{{3}})年度?)?"
    f"(?:工作)?(?:{'|'.join(PLAN_WORDS)})(?=的?(?:报告|$))")
_PLAN_CUT = re.compile(
    f"^(.*?)(?:{'|'.join(PLAN_CONNECTORS)})(?:[12]\\d{{0,3}}|[〇零○一二][〇零○一二三四五六七八九]{{0,3}}|"
    f"{'|'.join(PLAN_WHEN)}|下)?年?度?(?:工作?)?(?:{'|'.join(w[:1] for w in PLAN_WORDS)})?$")
_YEAR_PARTIAL = re.compile(r"^(?:[12]\d{0,3}|[〇零○一二][〇零○一二三四五六七八九]{0,3})(?:年度?)?$")


@lru_cache(maxsize=1)
def _converter():
    try:
        import opencc  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - opencc is a declared dependency
        return None
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def fold_title(title: str) -> str:
    """NFKC, no pinyin annotations, simplified characters, no whitespace."""
    s = unicodedata.normalize("NFKC", title or "")
    s = _PINYIN.sub("", s)
    conv = _converter()
    s = conv.convert(s) if conv is not None else s.translate(_T2S_FALLBACK)
    return _WS.sub("", s)


@lru_cache(maxsize=512)
def county_aliases(county: str) -> tuple[str, ...]:
    """Names a title may use for the county: full, without the ethnic part (`围场县`), other
    suffixes (a county turned city keeps its old name on old reports), bare (`乡宁`), longest first."""
    c = fold_title(county)
    if not c:
        return ()
    names = {c}
    short = _ETHNIC.sub("", c)
    if len(short) >= 2 and short != c:
        names.add(short)
    for name in list(names):
        if len(name) >= 2 and name[-1] in _ADMIN_SUFFIX:
            base = name[:-1]
            names.update(base + suf for suf in _ADMIN_SUFFIX)
            if len(base) >= 2:
                names.add(base)
    return tuple(sorted(names, key=len, reverse=True))


def _issuer_rest(prefix: str, county: str) -> str:
    """What is left of the issuer part once county bodies, years, `关于` and fillers are removed."""
    s = prefix
    for alias in county_aliases(county):
        if alias in s:
            s = s.replace(alias, "@")
    s = _UPPER_AREA.sub("", s)  # `山西省临汾市乡宁县…`: the province/prefecture before our name
    s = _YEAR.sub("", s)
    s = _PARTY.sub("", s)
    s = _FILLER_RE.sub("", s)
    s = _OWN_BODY.sub("", s)
    return _BARE_BODY.sub("", s)


def _issuer_kind(before: str, county: str) -> PageKind:
    rest = _issuer_rest(before, county)
    if not rest:
        return PageKind.COUNTY_REPORT
    if _OTHER_GOV.match(rest):
        # a government named in full: another one when we know ours, else presumably ours
        return PageKind.UNRELATED if county else PageKind.COUNTY_REPORT
    return PageKind.DEPARTMENT_REPORT


def _is_notice(t: str) -> bool:
    core = t.rstrip(_TAIL_TRIM)
    if core.endswith(NOTICE_ENDINGS):
        return True
    if "《" in t and not core.endswith(("报告", "情况")):
        return True  # `关于印发《…》的…`: a quoted document is a notice's object
    if core.startswith("关于"):
        after = core[2:]
        m = _YEAR.match(after)
        if m:
            after = after[m.end():]
        return after.startswith(NOTICE_OPENERS)
    return False


def _split_topic(t: str) -> tuple[str, str] | None:
    """(before, after) around the first topic word, or None."""
    best: tuple[int, str] | None = None
    for w in TOPIC_WORDS:
        i = t.find(w)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, w)
    if best is None:
        return None
    i, w = best
    return t[:i], t[i + len(w):]


def _ending(after: str) -> str:
    """The text after the topic, reduced for matching against `ENDING_GROUPS`: a final note in
    brackets (`（全文）`), the plan's name (`《法治政府建设实施纲要（…）》` → ``) and years go."""
    a = _TAIL_NOTE.sub("", after.rstrip(" .。")).rstrip(_TAIL_TRIM)
    a = _PLAN_NAME.sub("", a)
    return _YEAR.sub("", a)


def _title_core(title: str) -> str:
    """The folded title without what only marks it: a wrapping 【】, leading tags (`【报告】`, `[转载]`) and a
    leading document number."""
    t = fold_title(title)
    wrapped = _WRAPPED.match(t)
    return _DOC_NUMBER.sub("", _LEAD_TAG.sub("", wrapped.group(1) if wrapped else t))


_QUOTED_DOCUMENT = re.compile(
    rf"^.{{0,40}}?关于(?:{'|'.join(PUBLISHING_VERBS)})《(?P<doc>[^《》]+)》的?(?:{'|'.join(PUBLISHING_ENDINGS)})$")
_ANNOUNCED_DOCUMENT = re.compile(rf"^关于(?P<doc>[^《》]+?)的(?:{'|'.join(ANNOUNCING_ENDINGS)})$")
_MARKED_DOCUMENT = re.compile(rf"^(?P<doc>[^《》]+?)[(（](?:{'|'.join(ANNOUNCING_ENDINGS)})[)）]$")


def published_document(title: str) -> str | None:
    """The document a notice publishes, named by its title (关于公开《X》的公告, …关于公布《X》的通知, 关于X的公示,
    X（公示）): X as written, when X is itself a report's title (it names the topic and ends like a report); else
    None."""
    t = " ".join(title.split())
    for pattern in (_QUOTED_DOCUMENT, _ANNOUNCED_DOCUMENT, _MARKED_DOCUMENT):
        m = pattern.match(t)
        if m is not None:
            doc = m.group("doc").strip()
            split = _split_topic(_PLAN_CLAUSE.sub("", fold_title(doc)))
            if split is not None and _ending(split[1]) in _ENDINGS:
                return doc
    return None


def classify_title(title: str, county: str) -> PageKind:
    """Kind of an article from its full title (`county` as in the registry; may be ""); a notice publishing a
    report (`published_document`) is of the report's kind."""
    doc = published_document(_title_core(title))
    if doc is not None:
        return classify_title(doc, county)
    t = _PLAN_CLAUSE.sub("", _title_core(title))
    if not t:
        return PageKind.UNRELATED
    if _is_notice(t):
        return PageKind.NOTICE
    is_report = "报告" in t
    split = _split_topic(t)
    if split is None or any(m in t for m in OTHER_REPORT_MARKERS):
        if is_report:
            return PageKind.OTHER_ANNUAL_REPORT
        return PageKind.NEWS if any(w in t for w in LAW_WORDS) else PageKind.UNRELATED
    before, after = split
    if _ending(after) not in _ENDINGS:
        # `…法治政府建设示范创建自评报告`, `…推进会`: about the topic, not the annual report
        return PageKind.OTHER_ANNUAL_REPORT if is_report else PageKind.NEWS
    return _issuer_kind(before, county)


def could_be_county_report(list_title: str, county: str) -> bool:
    """Pre-fetch filter on a list-page title: False only when the visible text rules a county
    report out.  A title cut with `...`/`…` is judged on what the cut leaves visible."""
    t = _title_core(list_title)
    if not t:
        return True  # an item without text: cannot judge, fetch it
    m = _TRUNC.search(t)
    if m is None:
        return classify_title(t, county) is PageKind.COUNTY_REPORT
    t = t[:m.start()]
    if _is_notice(t) or any(w in t for w in OTHER_REPORT_MARKERS):
        return False
    split = _split_topic(t)
    if split is not None:
        before, after = split
        ending = _ending(after)
        planned = _PLAN_CUT.match(ending)  # cut inside next year's plan: `…工作情况和202…`
        if planned and planned.group(1) in _ENDINGS:
            ending = planned.group(1)
        return ending in _ENDING_PREFIXES and _issuer_kind(before, county) is PageKind.COUNTY_REPORT
    if any(w in t for w in NEWS_MARKERS):
        return False
    # the cut fell before the topic: what is visible must be a report's opening, the last
    # few characters possibly a token cut in the middle (`…人民政`, `…关于20`, `…法治政`)
    tokens = (*PARTIAL_TOKENS, *county_aliases(county))
    for k in range(min(len(t), 10) + 1):
        head, tail = t[:len(t) - k], t[len(t) - k:]
        if k and not (any(tok.startswith(tail) for tok in tokens) or _YEAR_PARTIAL.match(tail)):
            continue
        if not _issuer_rest(head, county):
            return True
    return False


_ISSUER_END = re.compile(_YEAR.pattern + "|关于|" + "|".join(TOPIC_WORDS))
_BODY_REPORT = re.compile(
    r"现将.{0,40}?(?:法治政府建设|依法行政).{0,30}?报告如下|(?:法治政府建设|依法行政).{0,20}?(?:情况|工作)报告如下")


def classify_text(title: str, text: str, county: str) -> PageKind:
    """Kind from the title; when the title names no report (`2023年度工作情况`), a body that opens
    with `现将…法治政府建设…报告如下` makes it a report of whoever the title names."""
    kind = classify_title(title, county)
    if kind not in (PageKind.NEWS, PageKind.UNRELATED):
        return kind
    if _BODY_REPORT.search(fold_title(text[:600])):
        t = fold_title(title)
        cut = _ISSUER_END.search(t)
        return _issuer_kind(t[:cut.start()] if cut else t, county)
    return kind
