"""Every quantity of a report text: numbers with their measure word, before→after pairs, baselines.

    qs, truncated = scan_quantities(t, limit)      # t: the folded text (extract.fold)

A quantity is a number (Arabic or Chinese numerals, 万/亿, decimals, 百分之…) with approximation words
(约, 近, 超过, 余, 多, 以上 …) and a measure word after it (件, 人次, 万元, %, 个百分点 …); or a number that
ends its clause after a measure noun (参训人次达到三千二百); a range (3至5次, 2.3-2.5万人次) is one quantity,
its upper bound, approximate. Not quantities: numbers after 第/数/每 or inside
an ASCII code, dates and document numbers (〔2023〕5号), numbers inside quotation marks (“八五”, “721”).
After a label's colon, a slash or a minus that follows words (发放资料：12,000份, 较上年 -6 件) a number is
one (its sign kept: `Qty.sign`); 无一起, 没有一件 is none (0).

Pairs of a before and an after value: pairs.py. A quantity inside brackets
``（新收52件、上年结转4件）`` is marked ``bracketed``: a breakdown, not a figure of its own.
At most `limit` quantities are read (`truncated` says so when the text holds more).
"""

from __future__ import annotations

from typing import Final

import re
from bisect import bisect_right
from functools import lru_cache
from re import _parser  # type: ignore[attr-defined]  # the regex parser: first_chars

from countyreports.reading.indicators.breaks import char_positions
from countyreports.reading.indicators.rows import row_numbers
from countyreports.reading.indicators.taxonomy import GENERIC_COUNT, MEASURE_PATTERN
from countyreports.text.numerals import (
    APPROX_BEFORE, CORE_REST, MULTIPLIERS, NUMBER_CHARS, NUMBER_START, approx_word_before, number_value,
)


def first_chars(pattern: str) -> str | None:
    """The characters every match of `pattern` starts with (None: not known, or a match may be empty)."""
    from re import _constants as c  # type: ignore[attr-defined]  # noqa: PLC0415 - stdlib internals, parse only

    def walk(items) -> tuple[set[str], bool] | None:  # (first characters, the items may match nothing)
        got: set[str] = set()
        for op, av in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width: the next item gives the first character
                continue
            if op is c.LITERAL:
                sub: tuple[set[str], bool] | None = ({chr(av)}, False)
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                sub = ({chr(v) for _, v in av}, False)
            elif op is c.SUBPATTERN:
                sub = walk(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                sub = walk(av[2])
                sub = None if sub is None else (sub[0], sub[1] or av[0] == 0)
            elif op is c.BRANCH:
                parts = [walk(b) for b in av[1]]
                sub = None if any(x is None for x in parts) else (
                    set().union(*(x[0] for x in parts)), any(x[1] for x in parts))  # type: ignore[index]
            else:
                return None
            if sub is None:
                return None
            got |= sub[0]
            if not sub[1]:
                return got, False
        return got, True

    found = walk(_parser.parse(pattern))
    return None if found is None or found[1] else "".join(sorted(found[0]))


_MEASURE_FIRST: Final = first_chars(MEASURE_PATTERN)
#: a quantity is 百分之… or a run of number characters (and a space) followed by a measure word: checked right
#: after the first character, this rejects at once the many 一/二/十/万 of ordinary words
_QTY_AHEAD: Final = rf"(?=(?<=百)分之|[{NUMBER_CHARS} \u3000\u00a0]*[{_MEASURE_FIRST}])" if _MEASURE_FIRST else ""
_QTY: Final = re.compile(NUMBER_START + _QTY_AHEAD + CORE_REST
                  + rf"(?P<sp>[ \u3000\u00a0]?)(?(pct)(?:[%％])?|(?P<measure>{MEASURE_PATTERN}))"
                  r"(?P<post2>以上|以下|左右|上下|许)?")
#: a number that closes its clause after a measure noun: 参训人次达到三千二百, 收案数为45
_BARE: Final = re.compile(r"(?P<noun>人次|人数|件数|次数|户数|场次|期数|数量|总数|数|率)"
                   r"(?:达到|达|为|是|共|共计|累计|合计|总计|有|[：:])?[ \u3000]?"
                   rf"(?P<n>{NUMBER_START}{CORE_REST})(?=[ \u3000]?(?:[，,。；;、\n｜|]|$))")
#: … and its measure (a rate's number is a percent: 败诉率为零, 纠错率为0); 数 / 数量 / 总数 name no measure: their
#: figure is a count of what its label says (办理数为 455, 执法人员数量为 708), measure GENERIC_COUNT, which every
#: code of counted things accepts (taxonomy), kept only when a code takes it
_BARE_MEASURE: Final = {"人次": "人次", "人数": "人", "件数": "件", "次数": "次", "户数": "户", "场次": "场次",
                        "期数": "期", "率": "%", "数量": GENERIC_COUNT, "总数": GENERIC_COUNT, "数": GENERIC_COUNT}
_BARE_NEXT: Final = frozenset("0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千达为是共累合总有：: \u3000")
_QUOTED: Final = re.compile(r"“[^”\n]{0,16}”|《[^》\n]{0,80}》|\"[^\"\n]{0,16}\"|「[^」\n]{0,16}」")
_QUOTE_OPENS: Final[str] = first_chars(_QUOTED.pattern) or ""
assert _QUOTE_OPENS
_BAD_BEFORE: Final = frozenset("第数几若每-－〔[#No/:：.．")  # 第九批, 数十, 每季度一次, 0359-…, 〔2019〕, 10:30, 2.5.
#: … of which a label's colon, a slash or a minus is bad only after a digit or letter (10:30, 2023/5, A/3,
#: 0359-…): after words or a space it opens a labelled or signed figure (发放资料：12,000份, 新收 47 件 / 已结 45 件)
_LABEL_MARKS: Final = frozenset("/:：-－")  # (a sign: 较上年 -6 件)
_SIGNS: Final = {"-": -1, "－": -1, "+": 1, "＋": 1}  # a sign right before a number (a table's change cell)
_CODE_CHARS: Final = frozenset("0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_VAGUE: Final = frozenset("数几")  # 数十, 几百: vague only before 十/百/千/万 (总数一千一百余名 is a number)
#: what may not stand right before a number: _BAD_BEFORE and ASCII letters and digits (part of a code: A3, 12)
_SKIP_BEFORE: Final = _BAD_BEFORE | frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WEAK: Final = frozenset({"一", "两", "二"})  # lone 一/两: idioms (一次办, 两批) unless a code claims them
#: before a lone 一: a negation that makes the figure none at all (无一起败诉, 没有一件, 未发生一起)
NONE_BEFORE: Final = ("无", "没有", "未有", "未发生", "未出现", "零")
_PRE_LAST: Final = frozenset(w[-1] for w in APPROX_BEFORE)
_BASE: Final = {"万元": "元", "亿元": "元", "％": "%", "次数": "次"}  # (次数: a label unit, （次数）—— 3)
_OPEN, _CLOSE = "（(", "）)"
_ASIDE_BREAKS: Final = frozenset("0123456789０１２３４５６７８９，,。；;：:\n（(")
_GAP_BREAKS: Final = _ASIDE_BREAKS - frozenset("：:")  # (a label's colon after the aside: 减税降费（含…）：4,750万元)
_BRACKET_REACH: Final = 60  # a bracket opened this far before a number (in its sentence) still holds it
_numeral_value: Final = lru_cache(maxsize=4096)(number_value)


class Qty:
    """One quantity (mutable while the reading decides about it)."""

    __slots__ = ("start", "end", "value", "measure", "base", "approx", "weak", "from_value", "unit_start",
                 "kind", "bracketed", "sign")

    def __init__(self, start: int, end: int, value: float, measure: str, base: str, approx: bool,
                 weak: bool) -> None:
        self.start = start  # whole token (approximation words and measure included)
        self.end = end
        self.value = value
        self.measure = measure  # as written (万元, 人次, %)
        self.base = base  # normalised measure (元, 人次, %)
        self.approx = approx
        self.weak = weak
        self.from_value: float | None = None
        self.unit_start = start  # start of the figure's words: before 由/从 of a from→to pair
        self.kind = "value"  # value | baseline | consumed (the starting value of a pair)
        self.bracketed = False
        self.sign = 0  # +1 / -1: written with a sign (较上年 +2.1个百分点, 较上年 -6 件)


def _quoted_spans(t: str) -> list[int]:
    """The spans of _QUOTED.finditer(t), flattened: [a0, b0, a1, b1, ...] (sorted, not overlapping); the
    regex is only tried where a quote opens."""
    opens: list[int] = []
    for ch in _QUOTE_OPENS:
        if ch in t:
            opens += char_positions(t, ch)
    opens.sort()
    spans: list[int] = []
    pos = 0
    for p in opens:
        if p >= pos and (m := _QUOTED.match(t, p)) is not None:
            spans += m.span()
            pos = spans[-1]
    return spans


_RANGE_JOINERS: Final = frozenset("至到-－~～—")
_ROUND: Final = frozenset("百千万亿")  # a bare unit is a number only after an approximation word (近万, 上千)  # a to-phrase, or the fillers after one, ends with one of these
_RANGE_DIGITS: Final = frozenset("0123456789０１２３４５６７８９.．零〇一二两三四五六七八九十百千")


def _range_start(t: str, ns: int) -> int:
    """Where the lower bound of a range ending right before `ns` (its joiner at ns − 1) starts, or −1: a run of
    number characters (at most 8) that is no part of a longer word."""
    k = ns - 2
    while k >= 0 and ns - 2 - k < 8 and t[k] in _RANGE_DIGITS:
        k -= 1
    if k == ns - 2 or (k >= 0 and t[k] in _RANGE_DIGITS):
        return -1
    return k + 1


def _label_digit(t: str, ns: int) -> bool:
    """Does the colon or slash right before the number at `ns` follow a digit or letter (a time, a date, a code)?"""
    return ns < 2 or t[ns - 2] in _CODE_CHARS


def _value(num: str, mult: str | None) -> float | None:
    value = float(num.replace(",", "")) if num.isascii() else _numeral_value(num)  # fast path: 1,340
    if value is not None and mult:
        value *= MULTIPLIERS[mult]
    return value


def scan_quantities(t: str, limit: int) -> tuple[list[Qty], bool]:
    """The quantities of `t` in text order (at most `limit`), and whether there were more."""
    quoted = _quoted_spans(t)
    out: list[Qty] = []
    n = len(t)
    for m in _QTY.finditer(t):
        pct, num_rest, mult, post, mult2, _sp, measure, post2 = m.groups()
        start = m.start()
        ns = start if pct is None else start + 3  # where the number starts (`pct` follows 百分之)
        before = t[ns - 1] if ns else ""
        lower = _range_start(t, ns) if before in _RANGE_JOINERS else -1  # 3至5次, 2.3-2.5万人次: a range
        if lower >= 0:
            before = t[lower - 1] if lower else ""
        if before in _SKIP_BEFORE and (before not in _VAGUE or t[ns] in "十百千万") and (
                before not in _LABEL_MARKS or _label_digit(t, lower if lower >= 0 else ns)):
            continue
        num = t[start] + (num_rest or "")
        if pct is not None:
            value = float(pct.replace(",", "")) if pct.isascii() else _numeral_value(pct)
            measure = "%"
        else:
            value = _value(num, mult or mult2)
        if value is None and num in _ROUND and pct is None:  # 近万人次, 上千人次: a round number after an
            value = float(MULTIPLIERS[num]) if approx_word_before(t, start) else None  # approximation word
        if value is None:
            continue
        if lower >= 0:
            start, post = lower, post or "~"  # a range: the upper bound, approximate
        pre = approx_word_before(t, start) if before in _PRE_LAST else ""
        if pre:
            start -= len(pre)
        if start and t[start - 1] == "\ufffd":
            continue
        end = m.end()
        if end < n and t[end] in "-－〕]":
            continue
        if quoted:
            i = bisect_right(quoted, ns)  # odd: ns is past the opening quote of span i // 2, before its end
            if i & 1 and quoted[i - 1] != ns:
                continue
        base = _BASE.get(measure, measure)
        if base != measure and measure != "％":
            value *= 10_000 if measure[0] == "万" else 100_000_000
        written = (mult + measure) if measure == "元" and mult else "百分之" if pct is not None else measure
        if num == "一" and pct is None and t.endswith(NONE_BEFORE, max(0, start - 3), start):
            value = 0.0  # 全年无一起行政机关败诉案件: none
        out.append(Qty(start, end, value if value.is_integer() else round(value, 6), written, base,
                       bool(pre or post or post2), pct is None and num in _WEAK))
        if before in _SIGNS and lower < 0 and not pre:
            out[-1].sign = _SIGNS[before]
        if len(out) > limit:
            break
    out = _with_bare(t, out, quoted)
    if "）" in t or ")" in t:
        out = _with_label_unit(t, out, quoted)
    if "｜" in t or "|" in t:
        cells = row_numbers(t, {q.start for q in out}, quoted)
        if cells:
            out = _merged(out, [Qty(a, b, v if v.is_integer() else round(v, 6), "", base, False, weak)
                                for a, b, v, base, weak in cells])
    truncated = len(out) > limit
    return out[:limit], truncated


def _with_bare(t: str, qs: list[Qty], quoted: list[int]) -> list[Qty]:
    """`qs` and the numbers that close their clause after a measure noun (参训人次达到三千二百)."""
    taken = {q.start for q in qs}
    extra: list[Qty] = []
    for noun in _BARE_MEASURE:  # the nouns found by str.find, the regex tried only there
        at = t.find(noun)
        while at >= 0:
            k = at + len(noun)
            m = _BARE.match(t, at) if t[k:k + 1] in _BARE_NEXT else None  # (a number or 达/为… next)
            at = t.find(noun, k)
            if m is None:
                continue
            ns = m.start("n")
            if ns in taken or m.group("pct") is not None or (quoted and bisect_right(quoted, ns) & 1):
                continue
            taken.add(ns)  # (人数为 874 is read once: by 人数, not again by 数)
            num = t[ns:m.end("num_rest")] if m.group("num_rest") is not None else t[ns]
            value = _value(num, m.group("mult") or m.group("mult2"))
            if value is None:
                continue
            base = _BARE_MEASURE[noun]
            extra.append(Qty(ns, m.end(), value, "", base, bool(m.group("post")), base == GENERIC_COUNT))
    if not extra:
        return qs
    extra.sort(key=_start)
    return _merged(qs, extra)


#: a label's measure in brackets (合法性审查（件）：…, 减税降费（万元）：12,640, “…”（单位：次）—— 6)
_LABEL_UNIT: Final = re.compile(r"[（(](?:单位[：:])?(万元|亿元|人次|件次|次数|件|次|项|份|条|场|期|人|名|户|%|％)[）)]")
#: after it, in its sentence: a bare Arabic number, not a year (2022年度41: 41), not followed by its own measure
_LABEL_NUMBER: Final = re.compile(
    r"(?<![0-9.,A-Za-z第])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?(以上|余|多|左右)?(?![0-9.,A-Za-z年月日号])")
_LABEL_SENTENCE_END: Final = "。！？\n"
_LABEL_REACH: Final = 80  # characters after the label read for its figures, at most


def _with_label_unit(t: str, qs: list[Qty], quoted: list[int]) -> list[Qty]:
    """`qs` and the bare numbers of a labelled row whose measure is given once, in brackets, in its label
    (合法性审查（件）：规范性文件15、重大行政决策6; 复议受理量（件）：2022年度41 → 2023年度63; 人民调解成功率（%）：
    99以上): each takes the label's measure. A number followed by a measure word of its own is read as usual."""
    extra: list[Qty] = []
    taken = {q.start for q in qs}
    for lm in _LABEL_UNIT.finditer(t):
        measure = lm.group(1)
        end = min(len(t), lm.end() + _LABEL_REACH)
        for c in _LABEL_SENTENCE_END:
            k = t.find(c, lm.end(), end)
            if k >= 0:
                end = k
        for m in _LABEL_NUMBER.finditer(t, lm.end(), end):
            ns = m.start()
            if ns in taken or (quoted and bisect_right(quoted, ns) & 1) or _QTY.match(t, ns) is not None:
                continue
            value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
            base = _BASE.get(measure, measure)
            if base != measure and measure[0] in "万亿":
                value *= 10_000 if measure[0] == "万" else 100_000_000
            extra.append(Qty(ns, m.end(), value if value.is_integer() else round(value, 6), measure, base,
                             m.group(3) is not None, False))
            taken.add(ns)
    if not extra:
        return qs
    extra.sort(key=_start)
    return _merged(qs, extra)


def _start(q: Qty) -> int:
    return q.start


def _merged(a: list[Qty], b: list[Qty]) -> list[Qty]:
    out = a + b
    out.sort(key=_start)
    return out


def mark_brackets(t: str, qs: list[Qty], sent_start: list[int]) -> None:
    """Mark the quantities standing inside brackets (sent_start[i]: where the sentence of qs[i] starts)."""
    if "（" not in t and "(" not in t:
        return
    for q, s0 in zip(qs, sent_start):
        lo = max(s0, q.start - _BRACKET_REACH)
        opened = max(t.rfind(_OPEN[0], lo, q.start), t.rfind(_OPEN[1], lo, q.start))
        if opened >= 0 and max(t.rfind(_CLOSE[0], opened, q.start), t.rfind(_CLOSE[1], opened, q.start)) < 0:
            q.bracketed = True


#: a figure-free aside in brackets right before a number (or its 率, 约, 为 …) is transparent: 规范性文件（含部门
#: 代拟稿）23件, 法律援助（含刑事、民事案件）约700件, 出庭应诉（含委托副职）率为100%
_ASIDE_GAP: Final = 4  # characters between the closing bracket and the number, at most
_ASIDE_MAX: Final = 24  # characters of an aside, at most


def mask_asides(t: str, qs: list[Qty]) -> str:
    """`t` with the bracketed asides just before a quantity (no figure inside, module constants) turned into
    spaces, so the words before the aside are the figure's own (same length; a few characters per figure)."""
    if "）" not in t and ")" not in t:
        return t
    spans: list[tuple[int, int]] = []
    prev_end = 0
    for q in qs:
        lo = max(prev_end, q.start - _ASIDE_GAP)
        close = max(t.rfind(_CLOSE[0], lo, q.start), t.rfind(_CLOSE[1], lo, q.start))
        if close >= 0 and not any(c in _GAP_BREAKS for c in t[close + 1:q.start]):
            lo2 = max(prev_end, close - _ASIDE_MAX)
            opened = max(t.rfind(_OPEN[0], lo2, close), t.rfind(_OPEN[1], lo2, close))
            if opened > lo2 and not any(c in _ASIDE_BREAKS for c in t[opened + 1:close]):
                spans.append((opened, close + 1))
        prev_end = q.end
    if not spans:
        return t
    out: list[str] = []
    at = 0
    for a, b in spans:
        out += [t[at:a], " " * (b - a)]
        at = b
    out.append(t[at:])
    return "".join(out)
