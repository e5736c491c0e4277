"""Indicators by meaning, second round (issue 16, phrasebook2 as tuning data): the general mechanisms added
then, each on sentences written for these tests (not taken from either phrasebook), with the reading a careful
human gives them."""

from __future__ import annotations

import collections

import pytest
from indicator_keys import Key
from indicator_keys import keys as _keys
from indicator_keys import want as _want

from countyreports.models import SectionKind
from countyreports.reading.indicators import extract_all
from countyreports.reading.metadata import body_level, title_issuer
from countyreports.reading.parts import classify_part

#: last year's figure in a clause of its own, before or after this year's (and this year as a filler of 到)
BASELINE_CLAUSES: list[tuple[str, list[Key]]] = [
    ("全年共办理法律援助案件518件，而上年为436件。", [("legal_aid_cases", 518, 436, "value")]),
    ("本年度审结行政复议案件37件（上年同期为29件）。", [("admin_reconsideration_closed", 37, 29, "value")]),
    ("行政许可事项上年为186项，今年压减至172项。", [("approval_items", 172, 186, "value")]),
    ("行政诉讼败诉率为4.5%，上年这一数字是7.1%。", [("admin_litigation_loss_rate", 4.5, 7.1, "value")]),
    ("县委理论学习中心组专题学法由上年的4次增加到今年的6次。", [("study_sessions_party_group", 6, 4, "value")]),
    ("审查规范性文件从2022年的31件增加到本年度的40件。", [("normative_docs_reviewed", 40, 31, "value")]),
    # not a baseline: carried over from last year, a change, a figure of last year with no figure of this year's
    ("全年受理行政复议案件45件，上年结转3件。", [("admin_reconsideration_received", 45, None, "value")]),
    ("全年受理行政复议案件45件，较上年增加8件。", [("admin_reconsideration_received", 45, None, "value"),
                                        ("admin_reconsideration_received", 8, None, "change")]),
]


@pytest.mark.parametrize(("text", "expected"), BASELINE_CLAUSES, ids=[t[:14] for t, _ in BASELINE_CLAUSES])
def test_last_year_in_a_clause_of_its_own_is_the_from_value(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)


#: words and measures real reports use that the concept table lacked (one mechanism each: a measure a code
#: accepts, a word that implies its concepts, a common phrase that is no audience, a rate word holding its
#: concept, a stock word that ends an ellipsis of a flow)
WORDS: list[tuple[str, list[Key]]] = [
    ("县司法局全年开展合法性审查276件次。", [("legality_reviews_total", 276, None, "value")]),
    ("全年组织会前学法12次。", [("study_sessions_exec_meeting", 12, None, "value")]),
    ("重大行政决策合法性审查实现全覆盖，全年共审查28件。", [("major_decisions_reviewed", 28, None, "value")]),
    ("全年综合纠错案件9件。", [("admin_reconsideration_corrected", 9, None, "value")]),
    ("被复议机关改变原行政行为的案件3件。", [("admin_reconsideration_corrected", 3, None, "value")]),
    ("受教育群众达12万人次。", [("pufa_audience", 120000, None, "value")]),
    ("矛盾纠纷成功调处率为98.7%。", [("disputes_mediation_success_rate", 98.7, None, "value")]),
    ("全年培育新市场主体4200户。", [("market_entities_new", 4200, None, "value")]),
    ("全年新增经营主体1500户，总数达到2.1万户。", [("market_entities_new", 1500, None, "value"),
                                       ("market_entities_total", 21000, None, "value")]),
    # a rate's number without its % (败诉率为零 is 0%); 合法性审查 said of the body, the review of no kind of document
    ("行政诉讼败诉率为零，负责人出庭应诉率为100%。", [("admin_litigation_loss_rate", 0, None, "value"),
                                          ("head_court_appearance_rate", 100, None, "value")]),
    ("县委依法治县办作为合法性审核机构，全年审核各类事项共计92件次。", [("legality_reviews_total", 92, None, "value")]),
    ("全年新登记市场主体2860户，同比增加310户。", [("market_entities_new", 2860, None, "value"),
                                        ("market_entities_new", 310, None, "change")]),
]


@pytest.mark.parametrize(("text", "expected"), WORDS, ids=[t[:14] for t, _ in WORDS])
def test_words_reports_use(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)


def _scoped(text: str) -> collections.Counter[Key]:
    got = extract_all(text, (), prefecture_other=True)
    return collections.Counter((i.code, round(i.value, 2), None if i.from_value is None else round(i.from_value, 2),
                                i.value_kind) for i in got.indicators)


def test_the_prefecture_is_another_body_in_a_report_of_a_county() -> None:
    # in a report of a 县, 区 or 旗, 全市 and 市政府 as the subject are the prefecture's
    for text in ["全市共受理行政复议案件1260件。", "市政府常务会议专题研究法治政府建设4次。", "我市新登记市场主体2.3万户。"]:
        assert _scoped(text) == collections.Counter(), text
        assert _keys(text), text  # (in a 县级市's report, or when the level is not known, they are its own)
    # … but a body after a preposition is no subject
    assert _scoped("全年向市政府报送备案规范性文件9件。") == _want(("normative_docs_filed", 9, None, "value"))
    assert _scoped("全年向县人大常委会报送备案规范性文件9件。") == _want(("normative_docs_filed", 9, None, "value"))
    assert _scoped("全市办理法律援助案件3100件。") == collections.Counter()
    assert _scoped("全县办理法律援助案件420件。") == _want(("legal_aid_cases", 420, None, "value"))
    assert _scoped("全省行政复议机关共审结案件1.8万件。") == collections.Counter()


def test_body_level_and_a_title_issuer_without_guanyu() -> None:
    assert body_level("", "中共清源县委 清源县人民政府") == "县"
    assert body_level("某区2023年法治政府建设年度报告", None) == "区"
    assert body_level("清源市人民政府关于2023年法治政府建设情况的报告", None) == "市"
    assert body_level("2023年工作总结", None) is None
    assert title_issuer("清源县人民政府二〇二三年度法治政府建设工作报告") == "清源县人民政府"
    assert title_issuer("清源县2023年法治政府建设工作报告") is None  # a place is no body
    assert title_issuer("2023年法治政府建设工作报告") is None


def test_lessons_learned_are_the_other_part() -> None:
    assert classify_part("几点体会") == (SectionKind.OTHER, None)
    assert classify_part("经验启示") == (SectionKind.OTHER, None)


#: parts, lists and recipients: which figure of a sentence is the count
STRUCTURES: list[tuple[str, list[Key]]] = [
    # a verb before a 分别 list of subjects is said of every one of them
    ("审核规范性文件、重大行政决策分别为14件、5项。", [("normative_docs_reviewed", 14, None, "value"),
                                        ("major_decisions_reviewed", 5, None, "value")]),
    # the things an action was done for are no stock of them
    ("为2600户经营主体办理了税费减免。", []),
    ("全县实有经营主体为2.6万户。", [("market_entities_total", 26000, None, "value")]),
    # the successes after the disputes mediated are a part of them; after disputes screened, they are the count
    ("全年调处矛盾纠纷860件，调处成功842件。", [("disputes_mediated", 860, None, "value")]),
    ("全年排查矛盾纠纷900件，化解成功871件。", [("disputes_mediated", 871, None, "value")]),
    # a generic total whose part names the kind counts every kind; alone, a clean-up is of normative documents
    ("清理各类文件530件，其中规范性文件61件。", [("normative_docs_cleaned", 61, None, "value")]),
    ("全面清理各类文件530件。", [("normative_docs_cleaned", 530, None, "value")]),
    # the management of certificates is no certification
    ("录入执法证件管理平台的执法人员共640人。", [("enforcement_staff", 640, None, "value")]),
]


@pytest.mark.parametrize(("text", "expected"), STRUCTURES, ids=[t[:14] for t, _ in STRUCTURES])
def test_parts_lists_and_recipients(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)
