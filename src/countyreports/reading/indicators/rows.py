"""Bare numbers of table rows given as text (pure functions): 行政复议纠错｜本年 9｜上年 13, 规范性文件｜审核 25｜备案
20｜清理 94, 县级行政许可事项数 ｜ 181 — a number that ends a cell states a figure without a measure word.

    qs = with_row_cells(t, qs, quoted)     # t: the folded text; qs: the quantities read so far (sorted)

Each such number is a quantity of the generic count (taxonomy.GENERIC_COUNT: accepted by every code of counted
things, in that code's unit; weak, so kept only when a code takes it), or of the measure its cell's label noun
says (期数 8 → 期, 人次 960 → 人次). Rows are lines of at most ROW_MAX characters; a row one of whose cells is a
year is a header's (主要指标 | 2022年 | 2023年 …) and is left alone: its numbers' periods are in another line.
"""

from __future__ import annotations

from typing import Final

import re
from bisect import bisect_right

from countyreports.reading.indicators.taxonomy import GENERIC_COUNT

#: a table row as text: cells between ｜ (or |) on a line of at most ROW_MAX characters; a cell that ends with a
#: bare Arabic number (行政复议纠错｜本年 9｜上年 13, 规范性文件｜审核 25｜备案 20, 县级行政许可事项数 ｜ 181) states
#: that number without a measure word
_ROW_SEPS: Final = "｜|"
_CELL_NUMBER: Final = re.compile(r"(?<![0-9.,A-Za-z第])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?[ \u3000]*$")
ROW_MAX: Final = 200  # characters of a row line read at most
#: a cell that is a year: the row's periods are its header's (主要指标 | 2022年 | 2023年 …), not read here
_YEAR_CELL: Final = re.compile(r"[ \u3000]*[12][0-9]{3}年度?[ \u3000]*$")
#: a cell's label noun right before its number that says the measure (期数 8, 人次 960, 场次 12)
_CELL_NOUNS: Final = {"期数": "期", "场次": "场次", "人次": "人次", "次数": "次", "人数": "人", "件数": "件", "户数": "户"}


def row_numbers(t: str, taken: set[int], quoted: list[int]) -> list[tuple[int, int, float, str, bool]]:
    """(start, end, value, base measure, weak) of the bare numbers that end a cell of a table row (a line with
    ｜), in text order: the generic count (GENERIC_COUNT, weak), or the measure its cell's label noun says (期数 8).
    Numbers at `taken` (read already: with a measure word of their own), years (2024年) and numbers inside
    quotation marks (`quoted`: start, end, … of the quoted spans) are not; a row whose cells include a year (a
    header's periods) is left alone."""
    out: list[tuple[int, int, float, str, bool]] = []
    done = -1
    for sep in _ROW_SEPS:
        at = t.find(sep)
        while at >= 0:
            a = t.rfind("\n", 0, at) + 1
            b = t.find("\n", at)
            b = len(t) if b < 0 else b
            at = t.find(sep, b)
            if b - a > ROW_MAX or a <= done:
                continue
            done = a
            cells = _cells(t, a, b)
            if any(_YEAR_CELL.match(t, k, e) for k, e in cells):
                continue
            for k, e in cells:
                m = _CELL_NUMBER.search(t, k, e)
                if m is None or m.start() in taken or (quoted and bisect_right(quoted, m.start()) & 1):
                    continue
                label = t[max(k, m.start() - 4):m.start()].rstrip(" \u3000：:")
                base = next((v for n, v in _CELL_NOUNS.items() if label.endswith(n)), GENERIC_COUNT)
                value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
                out.append((m.start(), m.end(1) + len(m.group(2) or ""), value, base, base == GENERIC_COUNT))
                taken.add(m.start())
    out.sort()
    return out


def _cells(t: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells [k, e) of the row t[a:b], split at ｜ and |."""
    out: list[tuple[int, int]] = []
    k = a
    while k < b:
        e = min((x for x in (t.find(c, k, b) for c in _ROW_SEPS) if x >= 0), default=b)
        out.append((k, e))
        k = e + 1
    return out


