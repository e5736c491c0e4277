"""Indicators by meaning, sixth round (issue 16, phrasebook6 as tuning data): a figure rejected by the meaning of its
frame (a plan, a bound to reach, an intent, a part of the year, several years summed, one numbered session, a court's
own figures) and bare figures read by the concepts of their label (数为 N, table cells without a measure word). Each
on sentences written for these tests (not taken from any phrasebook), with the reading a careful human gives them."""

from __future__ import annotations

import pytest
from indicator_keys import Key
from indicator_keys import keys as _keys
from indicator_keys import want as _want

#: a plan, a target or a rule: a bound to reach (不少于, 不超过), a plan verb that leads the sentence (计划, 力争,
#: 预计), 拟 as an intent, a quota (任务数) or a red line — never a figure reached
PLANS: list[tuple[str, list[Key]]] = [
    ("督导方案要求各乡镇每季度开展普法宣传不少于3场。", []),
    ("考评细则明确被诉案件败诉不超过2件。", []),
    ("计划举办执法骨干培训班4期，培训600人次以上。", []),
    ("预计今年行政复议案件在90件上下，审结率保持在95%以上。", []),
    ("拟再清理规范性文件30件，同步修订配套文件12件。", []),
    ("县政府常务会议学法拟安排10次。", []),
    ("法律援助案件年度任务数为260件。", []),
    ("行政诉讼败诉率的红线为8%。", []),
]

#: … while a plan named as a thing, a plan word used as a reference and 拟 before what is about to be issued
#: leave the figure a figure of the year
NOT_PLANS: list[tuple[str, list[Key]]] = [
    ("将宪法学习列入县政府党组中心组年度学习计划，全年集中学法7次。", [("study_sessions_party_group", 7, None, "value")]),
    ("按计划完成行政执法人员轮训，全年举办培训班6期。", [("enforcement_training_sessions", 6, None, "value")]),
    ("县司法局对县政府拟印发的行政规范性文件开展合法性审核，全年审核18件。", [("normative_docs_reviewed", 18, None, "value")]),
    ("全县行政诉讼案件41件，败诉案件1件，败诉率控制在2.4%。", [("admin_litigation_cases", 41, None, "value"),
                                             ("admin_litigation_lost", 1, None, "value"),
                                             ("admin_litigation_loss_rate", 2.4, None, "value")]),
]

#: a part of the year (a date before December after 截至, a half, a quarter, months ending before December) or
#: several years summed (a count of years with 合计 / 共, a start year with 起 or 至今): no figure of the year
PERIODS: list[tuple[str, list[Key]]] = [
    ("截至8月底，全县办理法律援助案件205件。", []),
    ("前两季度共调解矛盾纠纷980件。", []),
    ("1至11月新登记经营主体3,120户。", []),
    ("下半年组织执法培训3期。", []),
    ("全县三年合计办理行政处罚案件5,430件。", []),
    ("2022、2023两年共受理行政复议案件140件。", []),
    # the year's own end, and a campaign week of the year, are the year's
    ("截至12月底，全县办理法律援助案件318件。", [("legal_aid_cases", 318, None, "value")]),
    ("法治宣传月期间开展普法活动52场。", [("pufa_activities", 52, None, "value")]),
]

#: one numbered meeting or session, a court's pre-trial mediation: another frame than the county's year
OTHERS: list[tuple[str, list[Key]]] = [
    ("第三期执法人员培训班共有85人参训。", []),
    ("法院诉前调解成功案件460件。", []),
    ("诉前调解组织全年调解纠纷1,150件，调解成功率61%。", []),
    # a court after 被 is the agent of a judgment, not the subject: the county's losses
    ("全年行政机关被县人民法院判决败诉的案件3件。", [("admin_litigation_lost", 3, None, "value")]),
]

#: bare figures: after a count noun (数为, 数量为, 次数：, 人次合计), in a table's cells (｜), and a label unit (次数)
#: in brackets — each coded by the concepts of its label, in the code's unit
BARE: list[tuple[str, list[Key]]] = [
    ("全年办结法律援助案件数为 376", [("legal_aid_cases", 376, None, "value")]),
    ("行政执法证件持证人员数量为 642", [("enforcement_certified", 642, None, "value")]),
    ("执法人员培训参训人次合计 1,520", [("enforcement_trainees", 1520, None, "value")]),
    ("行政复议案件审结｜本年 58｜上年 51", [("admin_reconsideration_closed", 58, 51, "value")]),
    ("行政规范性文件 ｜ 审核 16 ｜ 报备 12", [("normative_docs_reviewed", 16, None, "value"),
                                    ("normative_docs_filed", 12, None, "value")]),
    ("执法培训 ｜ 期数 7 ｜ 参训 980人次", [("enforcement_training_sessions", 7, None, "value"),
                                  ("enforcement_trainees", 980, None, "value")]),
    ("县委常委会议研究法治工作（次数）：4", [("party_meetings_rule_of_law", 4, None, "value")]),
    # a row whose cells include years is a header's: its numbers stay unread here
    ("指标 | 2022年 | 2023年", []),
]

#: other words for the subject or the object
SYNONYMS: list[tuple[str, list[Key]]] = [
    ("红头文件印发前均经合法性审核，计31件。", [("normative_docs_reviewed", 31, None, "value")]),
    ("全年为企业和群众退减缓税费8,600万元。", [("tax_fee_relief", 86_000_000, None, "value")]),
    ("新办营业执照的个体经营户1,930户。", [("market_entities_new", 1930, None, "value")]),
    ("行政应诉案件败诉的比重为3.1%。", [("admin_litigation_loss_rate", 3.1, None, "value")]),
    ("常年法律顾问出具法律咨询意见共计84份。", [("legal_adviser_opinions", 84, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), PLANS + NOT_PLANS + PERIODS + OTHERS + BARE + SYNONYMS)
def test_reading(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)
