"""Indicators by meaning, fourth round (issue 16, phrasebook4 as tuning data): the general mechanisms added
then, each on sentences written for these tests (not taken from any phrasebook), with the reading a careful
human gives them."""

from __future__ import annotations

import collections

import pytest
from indicator_keys import Key
from indicator_keys import keys as _keys
from indicator_keys import want as _want

from countyreports.models import SectionKind
from countyreports.reading.indicators import extract_all
from countyreports.reading.metadata import read_meta
from countyreports.reading.parts import classify_part


def _check(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)


#: a label's colon or a table's slash before a figure opens it (a time 10:30 or a date 2023/5 does not)
LABELS: list[tuple[str, list[Key]]] = [
    ("印发普法宣传资料：8,500份。", [("pufa_materials", 8500, None, "value")]),
    ("行政复议：新收 31 件 / 已结 29 件。", [("admin_reconsideration_received", 31, None, "value"),
                                       ("admin_reconsideration_closed", 29, None, "value")]),
    ("人民调解成功率：97.6%。", [("disputes_mediation_success_rate", 97.6, None, "value")]),
    ("减税降费（含社保费）：5,200万元。", [("tax_fee_relief", 52_000_000, None, "value")]),
    ("上午10:30召开常务会议。", []),
]


@pytest.mark.parametrize(("text", "expected"), LABELS, ids=[t[:12] for t, _ in LABELS])
def test_a_labelled_figure_is_read(text: str, expected: list[Key]) -> None:
    _check(text, expected)


#: figures labelled by their period, in either order: last year's is the before value of this year's
PERIOD_LABELS: list[tuple[str, list[Key]]] = [
    ("受理行政复议申请：上年41件，今年53件。", [("admin_reconsideration_received", 53, 41, "value")]),
    ("办理法律援助案件今年386件，上年342件。", [("legal_aid_cases", 386, 342, "value")]),
    ("新登记市场主体｜2022年 3,100户｜2023年 3,650户", [("market_entities_new", 3650, 3100, "value")]),
    ("执法人员培训：2022年全年5期，2023年达到九期。", [("enforcement_training_sessions", 9, 5, "value")]),
    ("普法受众：12.6万人次（上年10.2万人次）。", [("pufa_audience", 126_000, 102_000, "value")]),
    ("全县实有市场主体去年底3.2万户，今年底3.5万户。", [("market_entities_total", 35_000, 32_000, "value")]),
    ("县政府常务会议专题研究法治工作，去年召开了3次，今年召开了5次。",
     [("gov_meetings_rule_of_law", 5, 3, "value")]),
    # a part carried over from last year is no figure of last year
    ("受理行政复议申请52件，上年结转4件。", [("admin_reconsideration_received", 52, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), PERIOD_LABELS, ids=[t[:12] for t, _ in PERIOD_LABELS])
def test_figures_labelled_by_period_pair(text: str, expected: list[Key]) -> None:
    _check(text, expected)


#: one department's own figure is not the county's, unless that department keeps the county's figure
DEPARTMENTS: list[tuple[str, list[Key]]] = [
    ("县住房城乡建设局全年办理行政处罚案件175件。", []),
    ("县卫生健康委组织本系统执法人员培训2期。", []),
    ("县税务局全年为市场主体减税降费1.3亿元。", [("tax_fee_relief", 130_000_000, None, "value")]),
    ("县司法局组织全县行政执法人员培训4期。", [("enforcement_training_sessions", 4, None, "value")]),
    ("县综合行政执法局全年办理处罚案件418件。", [("enforcement_cases", 418, None, "value")]),
    ("综合行政执法局办理处罚案件600件，全县行政处罚案件共1,900件。", [("enforcement_cases", 1900, None, "value")]),
    # several departments together are no one department
    ("县市场监管局、县交通运输局等部门开展联合执法培训3期。", [("enforcement_training_sessions", 3, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), DEPARTMENTS, ids=[t[:12] for t, _ in DEPARTMENTS])
def test_a_departments_own_figure(text: str, expected: list[Key]) -> None:
    _check(text, expected)


#: a total since a five-year plan, an institution's start or over a span of years is none of the year's
SPANS: list[tuple[str, list[Key]]] = [
    ("“十三五”以来累计审查规范性文件420件。", []),
    ("2020年至2023年，全县共办理法律援助案件1,850件。", []),
    ("2021—2023年，全县累计调处矛盾纠纷6,400件。", []),
    ("公职律师制度设立以来，累计出具法律意见900余份。", []),
    ("2023年，全县共办理法律援助案件480件。", [("legal_aid_cases", 480, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), SPANS, ids=[t[:12] for t, _ in SPANS])
def test_a_total_over_a_span_of_years_is_none(text: str, expected: list[Key]) -> None:
    got = extract_all(text, (), True, 2023).indicators
    keys = collections.Counter((i.code, round(i.value, 2), i.from_value, i.value_kind) for i in got)
    assert keys == _want(*expected)


def test_a_year_since_which_a_total_counts_is_not_the_report_year() -> None:
    body = "2020年以来，全县累计新增市场主体1.2万户。\n2023年，我县持续推进法治政府建设。\n"
    assert read_meta("某县法治政府建设工作报告", body, None).report_year == 2023


#: changes: a sign in a table cell, an earlier year or 上一年 as the baseline, 多减 of relief, 高出
CHANGES: list[tuple[str, list[Key]]] = [
    ("行政复议受理 | 64 件 | 较上年 +9 件", [("admin_reconsideration_received", 64, None, "value"),
                                      ("admin_reconsideration_received", 9, None, "change")]),
    ("调解成功率 | 97.2% | 较上年 -0.5个百分点", [("disputes_mediation_success_rate", 97.2, None, "value"),
                                          ("disputes_mediation_success_rate", -0.5, None, "change")]),
    ("法律顾问出具法律意见310份，与上一年相比增加了40份。", [("legal_adviser_opinions", 310, None, "value"),
                                             ("legal_adviser_opinions", 40, None, "change")]),
    ("行政诉讼败诉率为4.2%，较2022年降低1.1个百分点。", [("admin_litigation_loss_rate", 4.2, None, "value"),
                                            ("admin_litigation_loss_rate", -1.1, None, "change")]),
    ("全年减税降费2.4亿元，比上年多减3,500万元。", [("tax_fee_relief", 240_000_000, None, "value"),
                                     ("tax_fee_relief", 35_000_000, None, "change")]),
    # none at all, said by negation, and last year's figure after it
    ("全年无一起行政诉讼败诉案件。", [("admin_litigation_lost", 0, None, "value")]),
    ("今年没有一起行政机关败诉案件，而上年有2件败诉。", [("admin_litigation_lost", 0, 2, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), CHANGES, ids=[t[:12] for t, _ in CHANGES])
def test_changes_signs_and_baselines(text: str, expected: list[Key]) -> None:
    _check(text, expected)


#: totals, parts and stages among the figures of one sentence
TOTALS: list[tuple[str, list[Key]]] = [
    ("全年合法性审查规范性文件14件、重大行政决策6项、政府合同120份，合计140件。",
     [("normative_docs_reviewed", 14, None, "value"), ("major_decisions_reviewed", 6, None, "value"),
      ("contracts_reviewed", 120, None, "value"), ("legality_reviews_total", 140, None, "value")]),
    ("在已审结的行政复议案件中，变更的3件、确认违法的1件，纠错合计4件。",
     [("admin_reconsideration_corrected", 4, None, "value")]),
    ("受理行政复议申请52件，其中涉及市场监管的18件。", [("admin_reconsideration_received", 52, None, "value")]),
    ("审结行政复议案件52件，其中驳回申请的3件、和解撤回的5件。", [("admin_reconsideration_closed", 52, None, "value")]),
    ("全年审结行政复议案件44件，撤回终止6件。", [("admin_reconsideration_closed", 44, None, "value")]),
    ("举办执法培训8期，每期参训约120人次，共培训960人次。",
     [("enforcement_training_sessions", 8, None, "value"), ("enforcement_trainees", 960, None, "value")]),
    ("对轻微违法行为作出不予处罚决定43件。", []),
]


@pytest.mark.parametrize(("text", "expected"), TOTALS, ids=[t[:12] for t, _ in TOTALS])
def test_totals_parts_and_stages(text: str, expected: list[Key]) -> None:
    _check(text, expected)


#: 依次 gives each figure the item of its rank, like 分别; a list of items none of which is read gives none
DISTRIBUTED: list[tuple[str, list[Key]]] = [
    ("行政复议案件受理、审结数量依次为61件、58件。", [("admin_reconsideration_received", 61, None, "value"),
                                         ("admin_reconsideration_closed", 58, None, "value")]),
    ("法律援助案件申、办、结依次为120件、110件、105件。", []),
    ("线上、线下普法活动依次开展40场和65场。", [("pufa_activities", 40, None, "value"), ("pufa_activities", 65, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), DISTRIBUTED, ids=[t[:12] for t, _ in DISTRIBUTED])
def test_distributed_figures(text: str, expected: list[Key]) -> None:
    _check(text, expected)


#: words reports use: 意见 said of a legal adviser, a review's 意见书 of nobody's adviser, 人民调解, 梳理, 办班,
#: 少缴/缓缴, 已结, 输掉
WORDS: list[tuple[str, list[Key]]] = [
    ("县政府法律顾问全年提出意见156条。", [("legal_adviser_opinions", 156, None, "value")]),
    ("审核重大行政决策7项，出具审核意见书7份。", [("major_decisions_reviewed", 7, None, "value")]),
    ("全县人民调解组织受理纠纷3,150件。", [("disputes_mediated", 3150, None, "value")]),
    ("全面梳理现行规范性文件215件。", [("normative_docs_cleaned", 215, None, "value")]),
    ("县司法局面向行政执法人员办班7期。", [("enforcement_training_sessions", 7, None, "value")]),
    ("落实税费支持政策，市场主体少缴税费3,900万元。", [("tax_fee_relief", 39_000_000, None, "value")]),
    ("行政诉讼案件中，行政机关输掉4件。", [("admin_litigation_lost", 4, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), WORDS, ids=[t[:12] for t, _ in WORDS])
def test_words_reports_use(text: str, expected: list[Key]) -> None:
    _check(text, expected)


def test_part_kinds_of_a_plans_completion_and_a_closing_formula() -> None:
    assert classify_part("年度工作计划执行情况", "")[0] == SectionKind.MEASURES_RESULTS
    assert classify_part("重点任务落实情况", "")[0] == SectionKind.MEASURES_RESULTS
    assert classify_part("2024年重点任务", "")[0] == SectionKind.NEXT_YEAR_PLAN
    assert classify_part("以上报告", "请审议。")[0] == SectionKind.OTHER
