"""Numbers as written in the reports: Arabic, full-width, Chinese numerals, mixed, percentages."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from countyreports.text.numerals import (
    CORE_PATTERN, CORE_REST, NUMBER_START, find_numbers, fold, number_value, parse_number, to_chinese,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12), ("1,340", 1340), ("1，340", 1340), ("55,042", 55042), ("1,234,567", 1234567),
        ("98.6", 98.6), ("１２", 12), ("２５", 25), ("1.5", 1.5), ("３．５", 3.5),
        ("十", 10), ("十二", 12), ("二十六", 26), ("一百四十", 140), ("三百一十", 310), ("两千一百", 2100),
        ("两百六十", 260), ("一百零五", 105), ("一千零一十", 1010), ("六万一千", 61000), ("一万六千", 16000),
        ("八万七千", 87000), ("二万四千", 24000), ("十万", 100000), ("三亿五千万", 350_000_000),
        ("〇", 0), ("零", 0), ("二〇二三", 2023), ("一百四", 140), ("两万五", 25000),
        ("3.5万", 35000), ("1.2亿", 120_000_000), ("3086万", 30_860_000),
        ("两千一百余", 2100), ("一百四十多", 140), ("三百一十多", 310), ("约1700", 1700), ("超过4500", 4500),
        ("百分之九十八点五", 98.5), ("百分之百", 100), ("98.5%", 98.5), ("九十八点五", 98.5),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "件", "abc", "十十十", "万"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_number_value_plain() -> None:
    assert number_value("1,340") == 1340
    assert number_value("四十二") == 42
    assert number_value("x") is None


@pytest.mark.parametrize(
    ("n", "written"),
    [(0, "零"), (10, "十"), (12, "十二"), (105, "一百零五"), (2100, "二千一百"), (10010, "一万零一十"),
     (100000, "十万"), (61000, "六万一千"), (100_000_000, "一亿")],
)
def test_to_chinese(n: int, written: str) -> None:
    assert to_chinese(n) == written


def test_find_numbers_tokens() -> None:
    toks = list(find_numbers("发放宣传资料1.2万余份，减税降费20000余万元，约98%，超过１，２３４件，上百次"))
    assert [t.value for t in toks] == [12000, 20000, 98, 1234, 100]
    assert [t.approx for t in toks] == [True, True, True, True, True]
    assert toks[0].multiplier == "万" and toks[0].approx_after == "余"
    assert toks[2].approx_before == "约"
    assert toks[3].approx_before == "超过"


def test_find_numbers_offsets_and_plain() -> None:
    text = "受理行政复议案件４件，其中2件办结"
    toks = list(find_numbers(text))
    assert [(t.value, t.approx) for t in toks] == [(4, False), (2, False)]
    assert text[toks[0].num_start:toks[0].num_end] == "４"


def test_fold_is_length_preserving() -> None:
    s = "１２３，４５６．７％（一）"
    assert len(fold(s)) == len(s)
    assert fold(s) == "123,456.7%(一)"


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**8 - 1))
def test_chinese_round_trip(n: int) -> None:
    assert parse_number(to_chinese(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**8 - 1))
def test_chinese_round_trip_with_liang_and_measure(n: int) -> None:
    written = to_chinese(n)
    if written.startswith("二") and len(written) > 1 and written[1] in "百千万亿":
        written = "两" + written[1:]
    toks = list(find_numbers(f"共办理{written}余件"))
    assert toks and toks[0].value == n and toks[0].approx


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_arabic_separators_and_full_width(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", "，")) == n
    assert parse_number(str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == n


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_no_crash_on_arbitrary_text(text: str) -> None:
    parse_number(text)
    for tok in find_numbers(text):
        assert 0 <= tok.start <= tok.num_start < tok.num_end <= tok.end <= len(text)


_NUMBERISH = st.text(alphabet="0123456789０１２３,，.．点百分之一二两三十百千万亿零〇余多件元 ", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_NUMBERISH)
@example("共133,340件，1,234.5万元，１２３，４５６人")
@example("百分之九十八点五，百分之12.5，三百一十二余人，2.5亿元，两千一百余，二〇二三年，30多万")
def test_core_rest_reads_numbers_as_core_pattern(text: str) -> None:
    # NUMBER_START + CORE_REST (the first character matched apart) finds the numbers CORE_PATTERN finds
    core, rest = re.compile(CORE_PATTERN), re.compile(NUMBER_START + CORE_REST)

    def read(m: re.Match[str]) -> tuple[object, ...]:
        num = m.group("num") if "num" in m.re.groupindex else (
            None if m.group("pct") is not None else m.group()[0] + m.group("num_rest"))
        return m.span(), m.group("pct"), num, m.group("mult"), m.group("post"), m.group("mult2")

    assert [read(m) for m in core.finditer(text)] == [read(m) for m in rest.finditer(text)]
