"""Indicators by meaning, third round (issue 16, phrasebook3 as tuning data): the general mechanisms added
then, each on sentences written for these tests (not taken from any phrasebook), with the reading a careful
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
