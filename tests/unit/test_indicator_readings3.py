"""Indicators by meaning, third round (issue 16, phrasebook3 as tuning data): the general mechanisms added
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

#: a figure-free aside in brackets between the words and the number does not part them
ASIDES: list[tuple[str, list[Key]]] = [
    ("全年审查县政府规范性文件（含代拟稿）31件。", [("normative_docs_reviewed", 31, None, "value")]),
    ("办理法律援助案件（含刑事、民事案件）约350件。", [("legal_aid_cases", 350, None, "value")]),
    ("开展普法活动（含线上）96场。", [("pufa_activities", 96, None, "value")]),
    ("行政机关负责人出庭应诉（含副职）率达98.5%。", [("head_court_appearance_rate", 98.5, None, "value")]),
    # a breakdown after the figure is still no figure of its own
    ("受理行政复议申请52件（含上年结转4件）。", [("admin_reconsideration_received", 52, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), ASIDES, ids=[t[:14] for t, _ in ASIDES])
def test_an_aside_in_brackets_is_transparent(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)


#: a total over several years is no figure of the report year; the year itself (一年来, 今年以来, the report
#: year's own 2023年以来) is, and a period naming documents (2018年以来出台的…) says nothing of the figure
PERIODS: list[tuple[str, int | None, list[Key]]] = [
    ("“七五”普法启动以来，全县累计发放普法资料12万份。", 2020, []),
    ("2020年以来，全县共审查规范性文件146件。", 2023, []),
    ("近五年来，全县累计办理法律援助案件3100余件。", 2023, []),
    ("县公共法律服务中心成立八年来共调处纠纷5200件。", 2023, []),
    ("党的二十大以来，累计新增市场主体8600户。", 2024, []),
    ("2023年以来，全县共审查规范性文件46件。", 2023, [("normative_docs_reviewed", 46, None, "value")]),
    ("今年以来，全县共办理法律援助案件310件。", 2023, [("legal_aid_cases", 310, None, "value")]),
    ("一年来共受理行政复议申请58件。", 2023, [("admin_reconsideration_received", 58, None, "value")]),
    ("对2016年以来制定的规范性文件开展清理，共清理文件77件。", 2023,
     [("normative_docs_cleaned", 77, None, "value")]),
    # with no report year known, a total since a year is one said 累计
    ("2019年以来，全县累计清理规范性文件300件。", None, []),
]


@pytest.mark.parametrize(("text", "year", "expected"), PERIODS, ids=[t[:14] for t, _, _ in PERIODS])
def test_a_total_over_several_years_is_no_figure_of_the_year(text: str, year: int | None,
                                                               expected: list[Key]) -> None:
    got = extract_all(text, (), True, year).indicators
    keys = collections.Counter((i.code, round(i.value, 2), i.from_value, i.value_kind) for i in got)
    assert keys == _want(*expected)


#: before→after: any few words ending in 的 between 由/从 and the starting value; last year's figure after
#: 比/较上年的 in the next clause; an earlier year standing for last year (而2021年仅有…; X2020年为A，到…B)
FROM_TO: list[tuple[str, list[Key]]] = [
    ("法律援助案件由上一年度的210件增加到265件。", [("legal_aid_cases", 265, 210, "value")]),
    ("执法人员由整合前的860人精简至702人。", [("enforcement_staff", 702, 860, "value")]),
    ("办理法律援助案件265件，比上年的210件明显增加。", [("legal_aid_cases", 265, 210, "value")]),
    ("审结行政复议案件42件，而2021年仅有30件。", [("admin_reconsideration_closed", 42, 30, "value")]),
    ("证明事项2020年为64项，到2022年已精简为38项。", [("certification_items", 38, 64, "value")]),
    # no pair: a later year first, or a to-phrase of another measure
    ("审结行政复议案件42件，较上年增加12件。", [("admin_reconsideration_closed", 42, None, "value"),
                                     ("admin_reconsideration_closed", 12, None, "change")]),
]


@pytest.mark.parametrize(("text", "expected"), FROM_TO, ids=[t[:14] for t, _ in FROM_TO])
def test_before_after_in_more_orders(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)


#: lists: a colon's lead speaks of every item of a list whose items end at ；; the bars of a table row flattened
#: into a line part its cells; 行政协议 is a contract (its 政协 is no other body)
LISTS: list[tuple[str, list[Key]]] = [
    ("合法性审查工作：规范性文件12件；重大行政决策4项；行政协议27份。",
     [("normative_docs_reviewed", 12, None, "value"), ("major_decisions_reviewed", 4, None, "value"),
      ("contracts_reviewed", 27, None, "value")]),
    ("研究法治议题：县委常委会 3次｜县政府常务会议 5次", [("party_meetings_rule_of_law", 3, None, "value"),
                                         ("gov_meetings_rule_of_law", 5, None, "value")]),
    # no colon: the sentence before lends only as a lead does
    ("全年审核规范性文件12件；召开新闻发布会4次。", [("normative_docs_reviewed", 12, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), LISTS, ids=[t[:14] for t, _ in LISTS])
def test_colon_lists_and_table_bars(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)


#: parts and totals: a stated total after its parts (合计/总计) is the figure, its parts are not; a part after
#: 其中 with the code of the total before it is no figure of its own (a part with a code of its own is);
#: a running total (累计) after a flow is the stock; 和/及 after a figure starts the next figure's words
PARTS: list[tuple[str, list[Key]]] = [
    ("县直部门配备执法人员640名，乡镇配备390名，合计1030名。", [("enforcement_staff", 1030, None, "value")]),
    ("全年审结行政复议案件52件，其中以调解方式结案9件。", [("admin_reconsideration_closed", 52, None, "value")]),
    ("全年受理行政复议案件60件，其中纠正违法或不当行政行为7件。",
     [("admin_reconsideration_received", 60, None, "value"), ("admin_reconsideration_corrected", 7, None, "value")]),
    ("全年新增市场主体3,600户，累计达到3.1万户。", [("market_entities_new", 3600, None, "value"),
                                       ("market_entities_total", 31000, None, "value")]),
    # 合法性审查 with a total word of its own, after figures of one kind of document: the combined total
    ("审核规范性文件21件、备案21件，合法性审查总数达到180件。",
     [("normative_docs_reviewed", 21, None, "value"), ("normative_docs_filed", 21, None, "value"),
      ("legality_reviews_total", 180, None, "value")]),
    ("审查规范性文件14件、重大行政决策5项及各类合同63份。",
     [("normative_docs_reviewed", 14, None, "value"), ("major_decisions_reviewed", 5, None, "value"),
      ("contracts_reviewed", 63, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), PARTS, ids=[t[:14] for t, _ in PARTS])
def test_parts_totals_and_stocks(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)


#: measures reports use: certificates counted with 个 are persons certified (not those taken back); legal
#: opinions counted in 件次
MEASURES: list[tuple[str, list[Key]]] = [
    ("全年为新进人员申领行政执法证件46个。", [("enforcement_certified", 46, None, "value")]),
    ("吊销、收回行政执法证件9个。", []),
    ("全年新设立市场主体2,140户，注销市场主体610户。", [("market_entities_new", 2140, None, "value")]),
    ("法律顾问全年出具法律意见215件次。", [("legal_adviser_opinions", 215, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), MEASURES, ids=[t[:14] for t, _ in MEASURES])
def test_measures_reports_use(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)


#: another body named by its name: a township at the opening of the clause (or of the sentence, for a clause
#: with no subject of its own), a county after a word of neighbourhood; not a place where (在…镇), nor the
#: generic 乡镇, 集镇, nor the county named alone (it may be the report's own)
PLACES: list[tuple[str, list[Key]]] = [
    ("河口镇人民调解委员会调处纠纷230件，调解成功率97%。", []),
    ("毗邻的石门县新增市场主体5,100户。", []),
    ("在河口镇开展普法活动12场。", [("pufa_activities", 12, None, "value")]),
    ("各乡镇调解纠纷1,260件。", [("disputes_mediated", 1260, None, "value")]),
    ("深入集镇开展法治宣传36次。", [("pufa_activities", 36, None, "value")]),
    ("鹤鸣县司法局办理法律援助案件406件。", [("legal_aid_cases", 406, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), PLACES, ids=[t[:14] for t, _ in PLACES])
def test_a_named_township_or_neighbour_is_another_body(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)


def test_plan_headings_and_first_sentences() -> None:
    # measures after the plan in a heading are the plan's; "we will" outweighs 持续/进一步 in a first sentence
    assert classify_part("2025年工作打算和举措") == (SectionKind.NEXT_YEAR_PLAN, None)
    assert classify_part("存在的不足和改进方向") == (SectionKind.SHORTCOMINGS, SectionKind.NEXT_YEAR_PLAN)
    assert classify_part("砥砺奋进 再启新程再出发", "2025年，我们将持续深化综合行政执法改革，进一步规范执法行为。")[0] \
        == SectionKind.NEXT_YEAR_PLAN
    assert classify_part("工作推进情况和下步打算") == (SectionKind.MEASURES_RESULTS, SectionKind.NEXT_YEAR_PLAN)


def test_report_year_from_a_document_number() -> None:
    # no year in the title, the opening nor a date: the document number's year, less one
    text = "石门政发〔2025〕3号\n县人大常委会：\n过去一年，县政府坚持依法行政。\n全年审查规范性文件12件。"
    assert read_meta("石门县人民政府关于法治政府建设情况的报告", text, None).report_year == 2024
    # a year in the opening comes first
    text2 = "石门政发〔2025〕3号\n2024年，县政府坚持依法行政。"
    assert read_meta("石门县人民政府关于法治政府建设情况的报告", text2, None).report_year == 2024
