"""Indicators by meaning, fifth round (issue 16, phrasebook5 as tuning data): the general mechanisms added then,
each on sentences written for these tests (not taken from any phrasebook), with the reading a careful human gives
them."""

from __future__ import annotations

import pytest
from indicator_keys import Key
from indicator_keys import keys as _keys
from indicator_keys import want as _want

from countyreports.models import SectionKind
from countyreports.reading.indicators import extract_all
from countyreports.reading.metadata import title_issuer
from countyreports.reading.parts import classify_part

#: a comparison word and a period (with or without 的, also an earlier year) make the figure after them last
#: year's: the before-value of this year's figure, never a value of its own
COMPARED: list[tuple[str, list[Key]]] = [
    ("全年受理法律援助案件412件，较前一年的377件有所增加。", [("legal_aid_cases", 412, 377, "value")]),
    ("全县新登记市场主体3,860户，较上一年3,410户明显增多。", [("market_entities_new", 3860, 3410, "value")]),
    ("人民调解组织调解纠纷2,140件，比照上年的1,980件略有上升。", [("disputes_mediated", 2140, 1980, "value")]),
    ("全年减税降费2.4亿元，比2022年的1.9亿元有所增加。", [("tax_fee_relief", 240_000_000, 190_000_000, "value")]),
    ("县政府常务会议会前学法次数较上年的9次增加到13次。", [("study_sessions_exec_meeting", 13, 9, "value")]),
    ("法律顾问出具法律意见：2023年 186件；与上年的150件相比增长明显。", [("legal_adviser_opinions", 186, 150, "value")]),
    ("减税降费总额从前一年的9,800万元扩大至1.2亿元。", [("tax_fee_relief", 120_000_000, 98_000_000, "value")]),
    # a signed difference after the comparison stays a change, not a baseline
    ("调解纠纷1,320件，比上年增加45件。", [("disputes_mediated", 1320, None, "value"),
                                  ("disputes_mediated", 45, None, "change")]),
]

#: two figures labelled by their years pair however they are parted: 、, a semicolon, a table's cells, or an
#: earlier year's figure in brackets after one that names no year
YEAR_PAIRS: list[tuple[str, list[Key]]] = [
    ("县委常委会会议专题研究法治建设，2022年3次、2023年5次。", [("party_meetings_rule_of_law", 5, 3, "value")]),
    ("报市政府备案的规范性文件：2023年 19件；2022年 14件", [("normative_docs_filed", 19, 14, "value")]),
    ("行政复议申请｜2022年｜71件｜2023年｜88件", [("admin_reconsideration_received", 88, 71, "value")]),
    ("人民调解成功率：98.2%（2022年：96.5%）", [("disputes_mediation_success_rate", 98.2, 96.5, "value")]),
]


#: an arrow pairs like a to-word; a bound between a to-word and its number (降至不足…) does not break the pair
ARROWS: list[tuple[str, list[Key]]] = [
    ("行政复议受理量（件）：2022年度52 → 2023年度67", [("admin_reconsideration_received", 67, 52, "value")]),
    ("行政诉讼败诉率由10.5%降至不足5%。", [("admin_litigation_loss_rate", 5, 10.5, "value")]),
    # a multiple of last year's figure: last year's is the before-value
    ("全年清理规范性文件96件，是上年40件的两倍多。", [("normative_docs_cleaned", 96, 40, "value")]),
]

#: a row whose measure is given once, in brackets, in its label: every bare number of the row takes it
LABEL_UNITS: list[tuple[str, list[Key]]] = [
    ("普法宣传资料发放量（份）：43,500", [("pufa_materials", 43500, None, "value")]),
    ("减税降费（万元）：8,420", [("tax_fee_relief", 84_200_000, None, "value")]),
    ("政府常务会议研究法治工作（单位：次）：5", [("gov_meetings_rule_of_law", 5, None, "value")]),
    ("合法性审查（件）：规范性文件12、重大行政决策4、行政合同180，合计196。",
     [("normative_docs_reviewed", 12, None, "value"), ("major_decisions_reviewed", 4, None, "value"),
      ("contracts_reviewed", 180, None, "value"), ("legality_reviews_total", 196, None, "value")]),
    # a number with a measure of its own, or a year, is read as usual
    ("行政处罚案件（件）：2023年 1,240件", [("enforcement_cases", 1240, None, "value")]),
]

#: items of a 、-list before 分别, one per figure, each with words of its own
LIST_ITEMS: list[tuple[str, list[Key]]] = [
    ("全县行政执法人员总数、持证人数分别为980人和912人。", [("enforcement_staff", 980, None, "value"),
                                              ("enforcement_certified", 912, None, "value")]),
]

#: words: a case of mediation is a mediated dispute; 达成调解协议 is success; 终结 closes; still open
#: (尚有), a hearing's cases and beneficiaries (惠及) are no figure of the code
WORDS: list[tuple[str, list[Key]]] = [
    ("人民调解案件较上年增加120件，达到2,460件。", [("disputes_mediated", 120, None, "change"),
                                       ("disputes_mediated", 2460, None, "value")]),
    ("达成调解协议的占全部调解纠纷的95.2%。", [("disputes_mediation_success_rate", 95.2, None, "value")]),
    ("行政复议机构审查终结的案件64件。", [("admin_reconsideration_closed", 64, None, "value")]),
    ("全年受理行政复议案件70件，审结65件，尚有5件未到审理期限。", [("admin_reconsideration_received", 70, None, "value"),
                                              ("admin_reconsideration_closed", 65, None, "value")]),
    ("组织行政复议听证审理案件6件。", []),
    ("落实组合式税费支持政策，减税降费1.2亿元，惠及市场主体9,600户。", [("tax_fee_relief", 120_000_000, None, "value")]),
]

#: figures of another body or period: a five-year plan's span, a cause's cases, a mass organisation, the prefecture
OTHERS: list[tuple[str, list[Key]]] = [
    ("“十四五”期间，全县累计发放普法资料30万份。", []),
    ("因土地征收引发的行政诉讼案件8件。", []),
    ("因不服行政处罚引发的行政复议案件5件、行政诉讼案件2件。", []),
    ("县残联开展助残普法活动12场。", []),
]


@pytest.mark.parametrize(("text", "expected"), COMPARED + YEAR_PAIRS + ARROWS + LABEL_UNITS + LIST_ITEMS + WORDS + OTHERS)
def test_reading(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)


def test_prefecture_department_in_a_county_report() -> None:
    """A department named with 市 at a clause's opening is the prefecture's in a county's report; in a 县级市's
    report it is the city's own."""
    text = "市公共法律服务中心全年办理法律援助案件3,200件。"
    assert [i.code for i in extract_all(text, prefecture_other=True).indicators] == []
    assert [(i.code, i.value) for i in extract_all(text, prefecture_other=False).indicators] == [
        ("legal_aid_cases", 3200.0)]
    assert [i.code for i in extract_all("市级证明事项目录保留证明事项39项。", prefecture_other=True).indicators] == []


@pytest.mark.parametrize(("title", "expected"), [
    ("主要负责人履职和法治政府建设推进情况", (SectionKind.LEADER_DUTIES, SectionKind.MEASURES_RESULTS)),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", (SectionKind.LEADER_DUTIES, None)),
    ("压实主体责任 强化组织保障", (SectionKind.LEADER_DUTIES, None)),
    ("工作中的短处", (SectionKind.SHORTCOMINGS, None)),
])
def test_part_kinds(title: str, expected: tuple[SectionKind, SectionKind | None]) -> None:
    assert classify_part(title) == expected


def test_issuer_before_the_subject_of_a_title_without_year() -> None:
    assert title_issuer("青禾县人民政府法治政府建设年度报告") == "青禾县人民政府"
    assert title_issuer("法治政府建设年度报告") is None
