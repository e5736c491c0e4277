"""Indicators by meaning, seventh round (issue 16, phrasebook7 as tuning data): figures of one row labelled by their
period — by a table column's header (in the row's line or the line before), a label of their own (——2023年：…；
2022年：…) or a before / after state (改革前 … 改革后) — give this year's value with last year's as its from_value;
the county court's figures other than litigation (its pre-trial mediation), one department's figures in a later
clause of its sentence, lenient cases and totals of several years (N年间, 自…至今) are not the county's figures of
the year. Each on sentences written for these tests (not taken from any phrasebook), with the reading a careful
human gives them."""

from __future__ import annotations

import pytest
from indicator_keys import Key
from indicator_keys import keys as _keys
from indicator_keys import want as _want

#: a row of a table whose columns are periods: the latest period's figure, the one before it as from_value
COLUMNS: list[tuple[str, list[Key]]] = [
    ("指标｜2022年｜2023年；法律援助案件（件）｜310｜346", [("legal_aid_cases", 346, 310, "value")]),
    ("项目｜2023年｜2022年；行政复议结案（件）｜64｜58", [("admin_reconsideration_closed", 64, 58, "value")]),
    ("主要指标｜2022年｜2023年\n行政复议结案（件）｜51｜60\n法律援助案件（件）｜288｜301",
     [("admin_reconsideration_closed", 60, 51, "value"), ("legal_aid_cases", 301, 288, "value")]),
    ("项目｜2021年｜2022年｜2023年；调解纠纷（件）｜1,210｜1,305｜1,402", [("disputes_mediated", 1402, 1305, "value")]),
    ("法律顾问出具意见（份）——2023年：132；2022年：120", [("legal_adviser_opinions", 132, 120, "value")]),
    ("行政许可事项（项）｜精简前 162｜精简后 131", [("approval_items", 131, 162, "value")]),
    ("县政府常务会议学法（次）｜2022年 9｜2023年 12", [("study_sessions_exec_meeting", 12, 9, "value")]),
]

#: the county court's own figures (not litigation) and a department's figures in a later clause with no subject of its own
OTHERS: list[tuple[str, list[Key]]] = [
    ("县人民法院诉前调解纠纷980件。", []),
    ("县团委开展青少年法治宣传活动12场，发放资料2,600份。", []),
    # cases closed without a penalty are no penalty cases
    ("对轻微违法行为不予处罚案件64件，全年作出行政处罚案件1,380件。", [("enforcement_cases", 1380, None, "value")]),
]

#: … while the court's figure of cases against the county's bodies, and the whole county after a lead
#: department, stay the county's
NOT_OTHERS: list[tuple[str, list[Key]]] = [
    ("县人民法院受理以县政府部门为被告的行政案件37件。", [("admin_litigation_cases", 37, None, "value")]),
    ("县司法局牵头，全县开展普法活动320场。", [("pufa_activities", 320, None, "value")]),
]


#: a total of several years (N年间; 自 + an event + 至今)
YEARS: list[tuple[str, list[Key]]] = [
    ("县法律援助中心成立十二年间共办理援助案件4,300件。", []),
    ("自“七五”普法启动至今，全县累积开展普法活动1,800场。", []),
]


@pytest.mark.parametrize(("text", "expected"), COLUMNS + OTHERS + NOT_OTHERS + YEARS)
def test_reading(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)
