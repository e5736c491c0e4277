"""Figures of one row labelled by their periods (pure functions): the latest period's figure is the value and the
one before it its from_value; the older ones are no figures of the year.

    pair_periods(t, qs)     # qs: quantities.scan_quantities (after pairs' own before→after pairs)

A figure's period is a label of its own (｜2023年 5｜2022年 3; ——2023年：7；2022年：5; ｜改革前 245｜改革后 198) or
the header of its table column: 项目｜2023年｜2022年；label｜7｜5, with the header in the row's line, in the line
right before, or in the lines of the table's rows before (主要指标｜2022年｜2023年 / 行政复议结案（件）｜51｜60), in
either column order. Years rank by themselves; last year's and before-reform labels before this year's and after.
"""

from __future__ import annotations

from typing import Final

import re

from countyreports.reading.indicators.concepts import (
    AFTER_LABELS, BASELINE_OPENERS, BEFORE_LABELS, THIS_YEAR_OPENERS,
)
from countyreports.reading.indicators.quantities import Qty
from countyreports.reading.indicators.taxonomy import MEASURE_KIN

_LABEL_REACH: Final = 12  # characters from the opening of a cell / list item to its figure, at most
_YEAR_DIGITS: Final = str.maketrans("〇零一二三四五六七八九", "00123456789")  # (二〇二三年 → 2023)
_ROW_CELL_SEPS: Final = "｜|"
_ITEM_BREAKS: Final = "｜|；;，,/"  # before a period label: what opens it (a cell, a list item: ——2024年 48 / 2023年 40)
_PERIOD_CELL: Final = re.compile(r"(?:[12][0-9]{3}|[〇零一二][〇零一二三四五六七八九]{3})年度?(?:底|末)?")


def _period_rank(label: str) -> int:
    """The period a whole label names, as a rank: its year (2022年, 2023年度); last year or before a reform 1
    (上年, 改革前), this year or after it 2 (本年, 清理后); 0 when the label is no bare period."""
    s = label.strip(" \u3000：:—")
    if not s or len(s) > 7:
        return 0  # (most figures: no label of their own, or a longer one)
    if _PERIOD_CELL.fullmatch(s) is not None:
        return int(s[:4].translate(_YEAR_DIGITS))
    if s in BASELINE_OPENERS or s in BEFORE_LABELS:
        return 1
    return 2 if s in THIS_YEAR_OPENERS or s in AFTER_LABELS else 0


def _own_label(t: str, q: Qty, lo: int) -> str:
    """The words between the cell / list item q opens and q (｜2023年 5, ——2023年：7, ；2022年：5), at most
    _LABEL_REACH characters, or "" when none opens that close."""
    k = q.start - 1
    while k >= lo and q.start - k <= _LABEL_REACH and t[k] not in _ITEM_BREAKS and t[k - 1:k + 1] != "——":
        k -= 1
    return t[k + 1:q.start] if k >= lo and q.start - k <= _LABEL_REACH else ""


def pair_periods(t: str, qs: list[Qty]) -> None:
    """Figures of one row labelled by their periods — by a label of their own (｜2023年 5｜2022年 3; ——2023年：7；
    2022年：5; ｜改革前 245｜改革后 198) or by the header of their table column (项目｜2023年｜2022年；label｜7｜5, the
    header in the row's line or in the table lines before): the latest period's figure is the value and the one
    before it its from_value, in either column order; the older ones are no figures of the year."""
    header: list[int] = []  # the period rank of each column of the table being read ([] outside a table)
    i, n, last_b = 0, len(qs), -2
    while i < n:
        a = t.rfind("\n", 0, qs[i].start) + 1
        b = t.find("\n", qs[i].start)
        b = len(t) if b < 0 else b
        j = i
        while j < n and qs[j].start < b:
            j += 1
        if not any(c in t[a:b] for c in _ROW_CELL_SEPS):
            header = []  # (a line without cells ends the table)
            _pair_ranked(t, qs[i:j], a, [])
        else:  # the header in this line, or the line right before, or that of the table's rows before
            header = (_header_in(t, a, qs[i].start) or (header if last_b == a - 1 else [])
                      or (_header_in(t, t.rfind("\n", 0, a - 1) + 1, a - 1) if a else []))
            _pair_ranked(t, qs[i:j], a, header)
        last_b = b
        i = j


def _header_in(t: str, a: int, end: int) -> list[int]:
    """The column ranks of the last table header among the row segments of t[a:end] (项目｜2023年｜2022年), or []."""
    out: list[int] = []
    k = a
    while k < end:
        e = min((x for x in (t.find(c, k, end) for c in "；;。") if x >= 0), default=end)
        cells = re.split("[｜|]", t[k:e])
        ranks = [_period_rank(c) for c in cells]
        if len(cells) >= 3 and sum(1 for r in ranks if r) >= 2 and not any(
                c.isdigit() for c, r in zip(cells, ranks) if not r for c in c):
            out = ranks
        k = e + 1
    return out


def _pair_ranked(t: str, row: list[Qty], a: int, header: list[int]) -> None:
    """Pair the period-ranked figures of one line (see pair_periods); runs of neighbours of one measure, in one
    table row segment, each of another period."""
    run: list[tuple[int, Qty]] = []
    last_seg = -1
    for q in row:
        if q.kind != "value" or q.from_value is not None or q.sign:
            _close(run)
            run = []
            continue
        rank = _period_rank(_own_label(t, q, a))
        seg = -2  # (an own label: the run goes on across ；)
        if not rank and header:
            seg = max(t.rfind("；", a, q.start), t.rfind(";", a, q.start), t.rfind("。", a, q.start))
            col = sum(1 for c in t[max(a, seg + 1):q.start] if c in _ROW_CELL_SEPS)
            rank = header[col] if 0 < col < len(header) else 0
        same = run and MEASURE_KIN.get(run[-1][1].base, run[-1][1].base) == MEASURE_KIN.get(q.base, q.base)
        if not rank or not same or seg != last_seg or any(r == rank for r, _ in run):
            _close(run)
            run = []
        if rank:
            run.append((rank, q))
        last_seg = seg
    _close(run)


def _close(run: list[tuple[int, Qty]]) -> None:
    """The latest period's figure of a run takes the one before as its from_value; the older are consumed."""
    if len(run) < 2:
        return
    first = min(q.unit_start for _, q in run)
    run = sorted(run, key=lambda rq: rq[0])
    run[-1][1].from_value = run[-2][1].value
    run[-1][1].unit_start = first  # (its words are those before the row's first figure)
    for _, q in run[:-1]:
        q.kind = "consumed"
