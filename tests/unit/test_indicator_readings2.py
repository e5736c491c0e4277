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
