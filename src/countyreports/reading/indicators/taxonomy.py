"""The indicator code table, as data: each code's unit and the measure words it accepts; the measure words
a quantity may have and their units; the look-alike characters folded before reading.

Which words make a figure a code is data too: concepts.py (the concepts and their words) and frames.py
(each code as concepts). To add a code: add it here, give it a frame, and add the words its frame asks
for that the concept table lacks.
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

#: the measure of a bare figure after 数 / 数量 / 总数 (办理数为 455): a count of what its label names, accepted by
#: every code of counted things (not percents, not money), in that code's unit
GENERIC_COUNT = "数"
COUNTED_UNITS = ("count", "persons", "person-times", "households")

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
#: measures that count the same things, for comparing two figures (无一起败诉…，而上年有3件: one measure)
MEASURE_KIN: dict[str, str] = {"起": "件", "宗": "件"}
_TIMES = ("次", "场", "场次", "期", "轮", "批次")
_DOCS = ("件", "份", "部", "个", "篇")
_PERSONS = ("人", "名", "位")
_HH = ("户", "家")

CODES: dict[str, CodeSpec] = {
    "gov_meetings_rule_of_law": CodeSpec("count", ("次",), "government executive meetings on rule of law"),
    "party_meetings_rule_of_law": CodeSpec("count", ("次",), "Party standing committee meetings on rule of law"),
    "study_sessions_party_group": CodeSpec("count", ("次", "场", "期"), "law study sessions, theory study group"),
    "study_sessions_exec_meeting": CodeSpec("count", ("次", "场", "期"), "law study before executive meetings"),
    "legal_adviser_opinions": CodeSpec("count", ("份", "条", "件", "次", "个", "件次"), "legal opinions by legal advisers"),
    "normative_docs_reviewed": CodeSpec("count", _DOCS, "normative documents reviewed for legality"),
    "normative_docs_filed": CodeSpec("count", _DOCS, "normative documents filed for record"),
    "normative_docs_cleaned": CodeSpec("count", _DOCS, "normative documents cleaned up"),
    "major_decisions_reviewed": CodeSpec("count", ("件", "项", "个", "份"), "major decisions reviewed"),
    "contracts_reviewed": CodeSpec("count", ("件", "份", "个", "项"), "contracts / agreements reviewed"),
    "legality_reviews_total": CodeSpec("count", ("件", "份", "项", "个", "次", "件次"), "total legality reviews"),
    "admin_reconsideration_received": CodeSpec("count", _CASES, "reconsideration cases received"),
    "admin_reconsideration_closed": CodeSpec("count", _CASES, "reconsideration cases closed"),
    "admin_reconsideration_corrected": CodeSpec("count", _CASES, "reconsideration decisions correcting the act"),
    "admin_litigation_cases": CodeSpec("count", _CASES, "administrative litigation cases"),
    "admin_litigation_lost": CodeSpec("count", _CASES, "administrative litigation cases lost"),
    "admin_litigation_loss_rate": CodeSpec("percent", ("%",), "loss rate in administrative litigation"),
    "head_court_appearance_rate": CodeSpec("percent", ("%",), "heads appearing in court, rate"),
    "enforcement_staff": CodeSpec("persons", _PERSONS, "law-enforcement staff"),
    # (certificates counted with 个 are persons: one certificate each)
    "enforcement_certified": CodeSpec("persons", (*_PERSONS, "个"), "staff certified / applying / sitting the exam"),
    "enforcement_training_sessions": CodeSpec("count", _TIMES, "enforcement training sessions"),
    "enforcement_trainees": CodeSpec("person-times", ("人次", "人", "名"), "enforcement trainees"),
    "enforcement_cases": CodeSpec("count", (*_CASES, "次"), "administrative penalty cases"),
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



def accepted_measures(code: str) -> tuple[str, ...]:
    """The measures `code` accepts: its own, and the generic count of a bare figure (数为 455) for counted things."""
    spec = CODES[code]
    return (*spec.measures, GENERIC_COUNT) if spec.unit in COUNTED_UNITS else spec.measures


# --------------------------------------------------------------------------- look-alikes

#: traditional / look-alike characters folded (one for one) before matching, so damaged pages still match;
#: surfaces are always cut from the original text
LOOKALIKES: dict[str, str] = dict(zip(
    "縣區會議執審訴訟決規範調糾紛項證開辦場數達稅費減萬億餘兩參訓員學習組務應經營戶傳資冊眾蓋動顧問見書條備報協約總處罰違類請復結敗負責專題聽彙匯設實計長門關機對現從為錯銷變確認級鄉鎮黨團統講論試領內個幾點辦與這產發務權賦審轄準護",
    "县区会议执审诉讼决规范调纠纷项证开办场数达税费减万亿余两参训员学习组务应经营户传资册众盖动顾问见书条备报协约总处罚违类请复结败负责专题听汇汇设实计长门关机对现从为错销变确认级乡镇党团统讲论试领内个几点办与这产发务权赋审辖准护",
    strict=True,
))
