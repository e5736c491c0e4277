"""The indicator code table, as data.

A mention is a number followed by a measure word (``件`` ``次`` ``人次`` ``万元`` ``%`` …). It gets a code when
one of the code's RULES matches the words around it:

* ``left``: a regex for the subject words that end just before the number (``受理行政复议申请`` 30件). At most
  ``gap`` further characters may stand between the subject and the number (``达`` ``共计`` ``案件``), never a
  ``、`` and never a change word (``同比增长``) unless it is followed by ``到/至/为``.
* ``prefix`` + ``right``: the number stands inside the subject (``对`` 12件 ``行政规范性文件进行合法性审核``,
  ``其中`` 2件 ``办结``); ``prefix`` must end right before the number, ``right`` starts right after the measure.
* ``topic``: the rule only applies where the nearest topic word (TOPICS) is that topic: bare ``办结5件`` is a
  reconsideration figure only in a sentence about 复议.
* ``exclude``: the rule does not apply when this regex occurs in the clause before the number
  (``划转审批事项30项`` is not the number of approval items).

When several rules match, the subject closest to the number wins, then the longest subject, then table
order. To add a code: add it to CODES, add its RULES (and a topic if it needs one).
"""

from __future__ import annotations

from dataclasses import dataclass

# --------------------------------------------------------------------------- measures and units

#: measure word as normalised by the scanner -> unit (万元/亿元 are 元 with a multiplier; 万人次 is 人次)
MEASURE_UNITS: dict[str, str] = {
    "件": "count", "项": "count", "次": "count", "场": "count", "场次": "count", "期": "count", "轮": "count",
    "份": "count", "条": "count", "个": "count", "篇": "count", "部": "count", "宗": "count", "起": "count",
    "批": "count", "卷": "count", "册": "count", "本": "count", "张": "count", "所": "count", "处": "count",
    "类": "count", "支": "count", "套": "count", "件次": "count", "批次": "count", "余": "count",
    "人": "persons", "名": "persons", "位": "persons",
    "人次": "person-times",
    "户": "households", "家": "households", "户次": "count",
    "元": "yuan",
    "%": "percent",
    "个百分点": "other", "天": "other", "小时": "other", "个工作日": "other", "亩": "other", "平方米": "other",
    "公里": "other",
}

#: regex of the measure words, longest first; lookaheads keep 部门 / 项目 / 期间 / 名单 … out
MEASURE_PATTERN = (
    r"个百分点|个工作日|平方米|公里|小时|万元|亿元|人次|户次|件次|场次|批次|"
    r"元|[%％]|人(?![民员大口身事])|名(?![单称义额录])|位(?![置于])|户(?![籍口外])|家(?![庭长属乡])|"
    r"件(?![事])|项(?![目])|次(?![数序日])|场(?![所景馆地])|期(?![间限刊末])|轮|份|条(?![例件款])|"
    r"个(?![人体性])|篇|部(?![门分署长])|宗|起(?![诉草来步])|批(?![准示复])|卷|册|本(?![级地部])|张|"
    r"所(?![有属在以])|处(?![罚理置])|类|支(?![持付])|套|天|亩"
)

# --------------------------------------------------------------------------- codes


@dataclass(frozen=True, slots=True)
class CodeSpec:
    unit: str  # count, persons, person-times, households, percent, yuan
    measures: tuple[str, ...]  # measure words (scanner-normalised) the code accepts
    description: str


_CASES = ("件", "起", "宗")
_TIMES = ("次", "场", "场次", "期", "轮", "批次")
_DOCS = ("件", "份", "部", "个", "篇")
_PERSONS = ("人", "名", "位")
_HH = ("户", "家")

CODES: dict[str, CodeSpec] = {
    "gov_meetings_rule_of_law": CodeSpec("count", ("次",), "government executive meetings on rule of law"),
    "party_meetings_rule_of_law": CodeSpec("count", ("次",), "Party standing committee meetings on rule of law"),
    "study_sessions_party_group": CodeSpec("count", ("次", "场", "期"), "law study sessions, theory study group"),
    "study_sessions_exec_meeting": CodeSpec("count", ("次", "场", "期"), "law study before executive meetings"),
    "legal_adviser_opinions": CodeSpec("count", ("份", "条", "件", "次", "个"), "legal opinions by legal advisers"),
    "normative_docs_reviewed": CodeSpec("count", _DOCS, "normative documents reviewed for legality"),
    "normative_docs_filed": CodeSpec("count", _DOCS, "normative documents filed for record"),
    "normative_docs_cleaned": CodeSpec("count", _DOCS, "normative documents cleaned up"),
    "major_decisions_reviewed": CodeSpec("count", ("件", "项", "个", "份"), "major decisions reviewed"),
    "contracts_reviewed": CodeSpec("count", ("件", "份", "个", "项"), "contracts / agreements reviewed"),
    "legality_reviews_total": CodeSpec("count", ("件", "份", "项", "个", "次"), "total legality reviews"),
    "admin_reconsideration_received": CodeSpec("count", _CASES, "reconsideration cases received"),
    "admin_reconsideration_closed": CodeSpec("count", _CASES, "reconsideration cases closed"),
    "admin_reconsideration_corrected": CodeSpec("count", _CASES, "reconsideration decisions correcting the act"),
    "admin_litigation_cases": CodeSpec("count", _CASES, "administrative litigation cases"),
    "admin_litigation_lost": CodeSpec("count", _CASES, "administrative litigation cases lost"),
    "admin_litigation_loss_rate": CodeSpec("percent", ("%",), "loss rate in administrative litigation"),
    "head_court_appearance_rate": CodeSpec("percent", ("%",), "heads appearing in court, rate"),
    "enforcement_staff": CodeSpec("persons", _PERSONS, "law-enforcement staff"),
    "enforcement_certified": CodeSpec("persons", _PERSONS, "staff certified / applying / sitting the exam"),
    "enforcement_training_sessions": CodeSpec("count", _TIMES, "enforcement training sessions"),
    "enforcement_trainees": CodeSpec("person-times", ("人次", "人", "名"), "enforcement trainees"),
    "enforcement_cases": CodeSpec("count", _CASES, "administrative penalty cases"),
    "pufa_activities": CodeSpec("count", _TIMES, "legal publicity activities"),
    "pufa_audience": CodeSpec("person-times", ("人次", "人"), "audience of legal publicity"),
    "pufa_materials": CodeSpec("count", ("份", "册", "本", "张", "件", "套"), "legal publicity materials"),
    "disputes_mediated": CodeSpec("count", _CASES, "disputes mediated"),
    "disputes_mediation_success_rate": CodeSpec("percent", ("%",), "mediation success rate"),
    "legal_aid_cases": CodeSpec("count", _CASES, "legal aid cases"),
    "approval_items": CodeSpec("count", ("项", "个", "件"), "administrative approval items"),
    "certification_items": CodeSpec("count", ("项", "个", "件"), "certification (证明) items"),
    "market_entities_total": CodeSpec("households", _HH, "total market entities"),
    "market_entities_new": CodeSpec("households", _HH, "new market entities"),
    "tax_fee_relief": CodeSpec("yuan", ("元",), "tax and fee relief"),
    "info_disclosure_requests": CodeSpec("count", ("件", "条", "个"), "information disclosure requests"),
}

# --------------------------------------------------------------------------- topics

#: nearest topic word decides for rules that need one (see `Rule.topic`)
TOPICS: dict[str, str] = {
    "reconsideration": r"复议",
    "litigation": r"应诉|诉讼|败诉|起诉",
    "legal_aid": r"法律援助",
    "disclosure": r"信息公开|依申请",
    "enforcement": r"执法",
    "pufa": r"普法|法治宣传|法律宣传|宣传|宣讲|法治教育",
    "cadre": r"领导干部|国家工作人员|公职人员|公务员|党员干部",
    "mediation": r"调解|纠纷|调处",
    "petition": r"信访",
    "exec_meeting": r"常务会",
    "party_meeting": r"常委会",
    "review": r"合法性审[查核]|审[查核]",
}

# --------------------------------------------------------------------------- rules

GOV = r"(?:[县区市旗州盟]|自治[县旗州])?(?:人民)?政府"
PARTY = r"(?:[县区市旗州盟]委|党委|自治[县旗州]委)"
ADMIN = r"(?:[^,，;；]{0,7}?人民政府|[县区市旗]政府)?"  # 乡宁县人民政府 / 县政府 in front of a subject
VERB = r"(?:开展|组织|举办|举行)"
RESEARCH = r"(?:研究|听取|审议|部署|讨论|专题研究)"
TAIL = r"(?:[^,，;；。]{0,8}?(?:工作|议题|事项|问题))?"  # end of a subject written after the number
CHANGE_WORDS = r"同比|环比|比上年|较上年|比去年|较去年|增长|下降|增加|减少|提高|提升|降低|上升|扩大|缩小"


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    left: str = ""  # subject words before the number
    right: str = ""  # subject words after the measure (then `prefix` must end right before the number)
    prefix: str = ""  # with `right`: words right before the number (may be empty)
    topic: str | None = None
    exclude: str | None = None
    gap: int = 4


RULES: tuple[Rule, ...] = (
    # meetings
    Rule("party_meetings_rule_of_law",
         rf"(?:召开)?{PARTY}常委会(?:议|会议)?[^,，;；]{{0,4}}?{RESEARCH}[^,，;；]{{0,12}}?(?:法治|依法治)[^,，;；]{{0,10}}",
         gap=2),
    Rule("party_meetings_rule_of_law", prefix=rf"(?:召开)?{PARTY}常委会(?:议|会议)?(?:先后|共|累计|共计)?",
         right=rf"(?:专题)?{RESEARCH}[^,，;；]{{0,12}}?(?:法治|依法治){TAIL}"),
    Rule("party_meetings_rule_of_law", rf"其中(?:专题)?{RESEARCH}[^,，;；]{{0,12}}?(?:法治|依法治)[^,，;；]{{0,10}}",
         topic="party_meeting", gap=2),
    Rule("gov_meetings_rule_of_law",
         rf"(?:召开)?{GOV}常务会(?:议)?[^,，;；]{{0,4}}?{RESEARCH}[^,，;；]{{0,12}}?(?:法治|依法行政)[^,，;；]{{0,10}}",
         exclude=r"学法", gap=2),
    Rule("gov_meetings_rule_of_law", prefix=rf"(?:召开)?(?:{GOV})?常务会(?:议)?(?:先后|共|累计|共计)?",
         right=rf"(?:专题)?{RESEARCH}[^,，;；]{{0,12}}?(?:法治|依法行政){TAIL}"),
    Rule("gov_meetings_rule_of_law", rf"其中(?:专题)?{RESEARCH}[^,，;；]{{0,12}}?(?:法治|依法行政)[^,，;；]{{0,10}}",
         topic="exec_meeting", gap=2),
    Rule("study_sessions_party_group",
         rf"{PARTY}?(?:党组)?(?:理论学习)?中心组[^,，;；]{{0,8}}?(?:学法|法治(?:专题)?学习|专题学习[^,，;；]{{0,8}}?法|集体学习[^,，;；]{{0,8}}?法)",
         gap=4),
    Rule("study_sessions_exec_meeting",
         rf"(?:{GOV})?常务会(?:议)?[^,，;；]{{0,6}}?(?:学法|学习法律|法治(?:专题)?学习|学习[^,，;；]{{0,8}}?法律法规)", gap=4),
    Rule("study_sessions_exec_meeting", r"会前学法", gap=4),
    # legality review
    Rule("legal_adviser_opinions",
         r"(?:全年)?(?:共)?(?:法律顾问|公职律师)?(?:共|累计)?(?:出具|提供|提出)(?:了)?(?:各类)?(?:书面)?(?:法律意见书?|意见书)",
         exclude=r"复议|检察|司法建议"),
    Rule("legal_adviser_opinions", r"(?:法律顾问|公职律师)[^,，;；]{0,6}?(?:出具|提供|提出)(?:了)?(?:各类)?(?:法律)?(?:咨询)?意见(?:建议)?",
         exclude=r"修改意见"),
    Rule("normative_docs_reviewed", r"(?:合法性)?审[查核](?:了)?[^,，;；、]{0,16}?(?:行政)?规范性文件(?:草案)?(?:合法性)?",
         exclude=r"备案|报备|清理"),
    Rule("normative_docs_reviewed", r"(?:行政)?规范性文件(?:的)?(?:合法性|前置)审[查核]", exclude=r"备案|报备|清理"),
    Rule("normative_docs_reviewed", prefix=r"(?:对)?",
         right=r"(?:行政)?规范性文件(?:草案)?(?:进行|开展)(?:了)?(?:合法性|前置)?审[核查]"),
    Rule("normative_docs_filed",
         r"(?:向上级)?(?:报送)?备案(?:审查)?(?:行政)?规范性文件|报备(?:行政)?规范性文件|(?:行政)?规范性文件(?:报送)?备案(?:审查)?"),
    Rule("normative_docs_filed", prefix=r"(?:对|将)?", right=r"(?:行政)?规范性文件(?:报送|进行|报请)(?:了)?备案"),
    Rule("normative_docs_cleaned", r"(?:集中|全面|专项)?清理(?:了)?(?:现行有效的)?(?:各类)?(?:行政)?规范性文件"),
    Rule("normative_docs_cleaned", prefix=r"对(?:现行有效的)?",
         right=r"(?:行政)?规范性文件(?:进行|开展)(?:了)?(?:全面|集中|专项)?清理"),
    Rule("major_decisions_reviewed", r"重大(?:行政)?决策(?:事项)?(?:的)?合法性审[查核]"),
    Rule("major_decisions_reviewed", r"(?:合法性)?审[查核](?:了)?重大(?:行政)?决策(?:事项)?"),
    Rule("major_decisions_reviewed", prefix=r"对",
         right=r"重大(?:行政)?决策(?:事项)?(?:进行|开展)(?:了)?合法性审[查核]"),
    Rule("contracts_reviewed", r"(?:合法性)?审[查核](?:了)?(?:各类)?(?:政府|行政)?(?:合同|协议)(?:协议)?"),
    Rule("contracts_reviewed", r"(?:政府|行政)?合同(?:协议)?(?:的)?(?:合法性)?审[查核]"),
    Rule("legality_reviews_total", r"(?:累计|共)?(?:开展|进行)?合法性审[查核](?:[^,，;；]{0,4}?文件)?(?:共计|共|累计|合计)?", gap=3),
    Rule("legality_reviews_total",
         r"(?:共|累计)?审[查核](?:了)?(?=[^,，;；]{0,30}?(?:文件|决策|合同|协议))(?:[^,，;；、]{1,16}、)+[^,，;；、]{1,16}?等",
         gap=1),
    # reconsideration and litigation
    Rule("admin_reconsideration_received",
         r"(?:收到|受理|办理|新收|接收|共收到|共受理)?(?:了)?(?:各类)?(?:行政)?复议(?:申请|案件)", exclude=r"不予受理"),
    Rule("admin_reconsideration_received", r"行政复议(?:申请|案件)(?:受理|收到)"),
    Rule("admin_reconsideration_closed", r"(?:已)?(?:办结|审结|结案)(?:了)?(?:行政)?(?:复议)?(?:案件)?",
         topic="reconsideration"),
    Rule("admin_reconsideration_closed", prefix=r"(?:其中)?", right=r"(?:已)?(?:办结|审结|结案)",
         topic="reconsideration"),
    Rule("admin_reconsideration_corrected",
         r"(?:综合)?纠错|(?:依法)?(?:撤销|变更|确认违法|责令履行)(?:[、或和及](?:撤销|变更|确认违法|责令履行))*",
         topic="reconsideration", exclude=r"纠错率"),
    Rule("admin_litigation_cases",
         rf"{ADMIN}(?:办理|发生|新收|收到|受理|涉及|应诉)?(?:了)?(?:各类)?(?:一审)?行政(?:应诉|诉讼)案件",
         exclude=r"败诉"),
    Rule("admin_litigation_lost", r"败诉(?:案件)?", topic="litigation"),
    Rule("admin_litigation_loss_rate", r"(?:行政诉讼)?败诉率"),
    Rule("head_court_appearance_rate", r"(?:行政机关)?(?:负责人)?出庭(?:应诉)?率"),
    # enforcement
    Rule("enforcement_staff", r"(?:共)?(?:配备|现有|共有|拥有)?(?:了)?(?:专门|专职)?(?:行政)?执法人员(?:总数)?",
         exclude=r"培训|参训|申领|考试|持证|持有|证件|新增|招录"),
    Rule("enforcement_certified",
         r"(?:新)?申领(?:行政)?执法证(?:件)?(?:人员)?|参加(?:行政)?执法资格考试(?:人员)?"
         r"|(?:持有|取得|领取)(?:行政)?执法证(?:件)?(?:人员)?|持证(?:行政)?(?:执法)?人员"),
    Rule("enforcement_certified", r"(?:乡镇|部门|单位|全[县区市旗])?参考(?:人员|人数)?", topic="enforcement"),
    Rule("enforcement_training_sessions",
         rf"{VERB}?(?:行政)?执法(?:人员|业务)?[^,，;；]{{0,8}}?(?:培训班?|轮训|自训)", gap=2),
    Rule("enforcement_training_sessions", rf"{VERB}?[^,，;；]{{0,6}}?(?:培训班?|轮训|自训)", topic="enforcement", gap=2,
         exclude=r"干部|普法|宣传|调解员|律师"),
    Rule("enforcement_trainees", r"培训(?:行政)?执法人员|(?:行政)?执法人员参训"),
    Rule("enforcement_trainees", r"(?:累计|共)?参训(?:人员|人数)?(?:达|共)?|培训(?:人员|人数)", topic="enforcement"),
    Rule("enforcement_cases",
         r"(?:全年)?(?:共)?(?:办理|查处|办结|作出|立案查处)(?:了)?(?:各类)?(?:一般程序)?(?:行政处罚|违法)案件|行政处罚(?:案件|决定)"),
    # publicity
    Rule("pufa_activities",
         rf"{VERB}?(?:各类|各种)?(?:普法|法治|法律)(?:宣传|宣讲|教育|文化)*(?:活动|讲座|进[^,，;；]{{1,6}}活动)"),
    Rule("pufa_audience", r"(?:惠及|覆盖|受众|受益|参与|吸引)(?:群众|人数|人员|人群)?", topic="pufa"),
    Rule("pufa_materials",
         r"(?:发放|印发|分发|赠送|散发)(?:了)?(?:各类|各种)?(?:普法|法治|法律)?(?:宣传)?(?:资料|材料|手册|宣传册|宣传单|折页|读本|书籍|图书)"),
    # disputes and legal aid
    Rule("disputes_mediated",
         r"(?:成功)?(?:调解|调处|化解|排查调处|排查化解)(?:成功)?(?:了)?(?:各类)?(?:矛盾)?纠纷(?:案件)?|调解成功"),
    Rule("disputes_mediation_success_rate", r"调[解处](?:成功)?率|调解成功率"),
    Rule("disputes_mediation_success_rate", r"成功率", topic="mediation"),
    Rule("legal_aid_cases", r"(?:办理|受理|承办|指派|办结)?(?:了)?(?:各类)?法律援助案件"),
    Rule("legal_aid_cases", r"法律援助[^,，;；]{0,6}?(?:受理|办理|办结|承办)(?:了)?(?:各类)?案件"),
    # approvals and business environment
    Rule("approval_items", r"(?:保留|现有|共有|精简至|压减至|压减为)?(?:行政)?(?:审批|许可)事项(?:总数)?",
         exclude=r"划转|下放|承接|取消|赋予|委托|进驻|入驻|新增|调整|网上|即办|跨省|通办|承诺|实施"),
    Rule("certification_items", r"(?:保留|现有|精简至|压减至)?证明(?:材料)?事项",
         exclude=r"取消|告知承诺|承诺制|减免|清理"),
    Rule("market_entities_total",
         r"(?:全[县区市旗州盟](?:共有|实有|现有)?|实有|现有|共有|登记在册(?:的)?)(?:各类)?(?:市场|经营)主体(?:总量|总数)?|(?:市场|经营)主体(?:总量|总数)(?:达到|达)?",
         exclude=r"每千人|涉税|净增|新增|新登记|新设立|增长", gap=3),
    Rule("market_entities_new", r"(?:新增|新登记|新设立|新注册|新发展)(?:各类)?(?:市场|经营)主体", exclude=r"净增"),
    Rule("tax_fee_relief",
         r"(?:落实|累计|全年|新增)?(?:为(?:各类)?(?:企业|市场主体|纳税人))?(?:落实|累计|新增)?"
         r"(?:减税降费|减免税费|税费减免|减税费|降费减税|减免(?:各项|各类)?税费)(?:及(?:退税|缓税|缓费|留抵退税)+)?"),
    Rule("info_disclosure_requests",
         r"(?:收到|受理|办理|办结|答复)(?:了)?(?:政府)?(?:信息)?(?:依申请公开|政府信息公开申请|信息公开申请|公开申请)(?:申请)?(?:事项)?"),
    Rule("info_disclosure_requests", r"(?:政府信息)?依申请公开(?:申请)?(?:事项)?(?:办理|受理|答复)?(?:共)?"),
)

#: items of a breakdown after a review figure: 其中规范性文件12件、重大行政决策8件、合同协议243件
_ITEM = r"(?:其中|^、)(?:对)?"
RULES += (
    Rule("normative_docs_reviewed", rf"{_ITEM}(?:行政)?规范性文件(?:草案)?", topic="review"),
    Rule("major_decisions_reviewed", rf"{_ITEM}重大(?:行政)?决策(?:事项)?", topic="review"),
    Rule("contracts_reviewed", rf"{_ITEM}(?:各类)?(?:政府|行政)?(?:合同|协议)(?:协议)?", topic="review"),
)

#: the same subjects written around the number: VERB + N + measure + NOUN (受理23件行政复议申请)
RULES += (
    Rule("admin_reconsideration_received", prefix=r"(?:收到|受理|办理|新收|接收)(?:了)?(?:各类)?",
         right=r"(?:行政)?复议(?:申请|案件)"),
    Rule("admin_litigation_cases", prefix=r"(?:发生|办理|应诉|收到|涉及|新收)(?:了)?(?:各类)?",
         right=r"(?:行政)?(?:应诉|诉讼)案件"),
    Rule("legal_aid_cases", prefix=r"(?:办理|受理|承办|指派|办结)(?:了)?(?:各类)?", right=r"法律援助案件"),
    Rule("enforcement_cases", prefix=r"(?:办理|查处|办结|作出|立案查处)(?:了)?(?:各类)?",
         right=r"(?:行政处罚|违法)案件|行政处罚决定"),
    Rule("disputes_mediated", prefix=r"(?:成功)?(?:调解|调处|化解|排查调处|排查化解)(?:了)?(?:各类)?",
         right=r"(?:矛盾)?纠纷"),
    Rule("pufa_activities", prefix=rf"{VERB}(?:了)?(?:各类|各种)?",
         right=r"(?:普法|法治|法律)(?:宣传|宣讲|教育|文化)*(?:活动|讲座)"),
    Rule("pufa_materials", prefix=r"(?:发放|印发|分发|赠送|散发)(?:了)?(?:各类|各种)?",
         right=r"(?:普法|法治|法律)?(?:宣传)?(?:资料|材料|手册|宣传册|宣传单|折页|读本|书籍)"),
    Rule("enforcement_training_sessions", prefix=rf"{VERB}(?:了)?",
         right=r"(?:行政)?执法(?:人员|业务)?[^,，;；]{0,8}?(?:培训班?|轮训)"),
    Rule("study_sessions_party_group", prefix=rf"{PARTY}?(?:党组)?(?:理论学习)?中心组[^,，;；]{{0,6}}?",
         right=r"(?:集体|专题)?(?:学法|法治(?:专题)?学习|学习[^,，;；]{0,10}?法)"),
    Rule("study_sessions_exec_meeting", prefix=rf"(?:{GOV})?常务会(?:议)?[^,，;；]{{0,6}}?",
         right=r"(?:会前)?学法|法治(?:专题)?(?:学习|讲座)"),
    Rule("normative_docs_reviewed", prefix=r"(?:合法性)?审[查核](?:了)?(?:各类)?", right=r"(?:行政)?规范性文件"),
    Rule("major_decisions_reviewed", prefix=r"(?:合法性)?审[查核](?:了)?", right=r"重大(?:行政)?决策"),
    Rule("contracts_reviewed", prefix=r"(?:合法性)?审[查核](?:了)?(?:各类)?",
         right=r"(?:政府|行政)?合同(?:协议)?|(?:合作)?协议"),
    Rule("approval_items", prefix=r"(?:保留|现有|精简至|压减至|精简为|压减为)", right=r"(?:行政)?审批事项"),
    Rule("certification_items", prefix=r"(?:保留|现有|精简至|压减至|精简为|压减为)", right=r"证明(?:材料)?事项"),
    Rule("market_entities_new", prefix=r"(?:新增|新登记|新设立|新注册|新发展)(?:了)?",
         right=r"(?:各类)?(?:市场|经营)主体"),
    Rule("legal_adviser_opinions", prefix=r"(?:出具|提供)(?:了)?(?:各类)?(?:书面)?",
         right=r"法律意见(?:书|建议)?|意见书"),
    Rule("info_disclosure_requests", prefix=r"(?:收到|受理|办理)(?:了)?",
         right=r"(?:政府)?信息公开申请|依申请公开(?:申请|事项)?"),
    Rule("enforcement_staff", prefix=r"(?:共有|现有|配备|拥有)(?:了)?", right=r"(?:专门|专职)?(?:行政)?执法人员"),
)

# --------------------------------------------------------------------------- look-alikes

#: traditional / look-alike characters folded (one for one) before matching, so damaged pages still match;
#: surfaces are always cut from the original text
LOOKALIKES: dict[str, str] = dict(zip(
    "縣區會議執審訴訟決規範調糾紛項證開辦場數達稅費減萬億餘兩參訓員學習組務應經營戶傳資冊眾蓋動顧問見書條備報協約總處罰違類請復結敗負責專題聽彙匯設實計長門關機對現從為錯銷變確認級鄉鎮黨團統講論試領內個幾點辦與這產發務權賦審轄準護",
    "县区会议执审诉讼决规范调纠纷项证开办场数达税费减万亿余两参训员学习组务应经营户传资册众盖动顾问见书条备报协约总处罚违类请复结败负责专题听汇汇设实计长门关机对现从为错销变确认级乡镇党团统讲论试领内个几点办与这产发务权赋审辖准护",
    strict=True,
))
