"""Indicators by meaning, second round (issue 16, phrasebook2 as tuning data): the general mechanisms added
then, each on sentences written for these tests (not taken from either phrasebook), with the reading a careful
human gives them."""

from __future__ import annotations

import collections

import pytest

from countyreports.reading.indicators import extract

Key = tuple[str, float, float | None, str]


def _keys(text: str) -> collections.Counter[Key]:
    inds, _ = extract(text)
    return collections.Counter((i.code, round(i.value, 2), None if i.from_value is None else round(i.from_value, 2),
                                i.value_kind) for i in inds)


def _want(*keys: Key) -> collections.Counter[Key]:
    return collections.Counter((c, round(float(v), 2), f, k) for c, v, f, k in keys)


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
    ("全年新登记市场主体2860户，同比增加310户。", [("market_entities_new", 2860, None, "value"),
                                        ("market_entities_new", 310, None, "change")]),
]


@pytest.mark.parametrize(("text", "expected"), WORDS, ids=[t[:14] for t, _ in WORDS])
def test_words_reports_use(text: str, expected: list[Key]) -> None:
    assert _keys(text) == _want(*expected)
