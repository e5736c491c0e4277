"""Quantity mentions and coded indicators of one report text (pure functions).

    indicators, mentions = extract(clean_text, sections)

Every number followed by a measure word becomes a `Mention`; those whose subject words match a rule of
`taxonomy.RULES` also become an `Indicator`. All matching is done on a length-preserving folded copy of
the text (half-width digits and punctuation, look-alike characters mapped), so offsets and surfaces are
those of `clean_text`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from countyreports.indicators.taxonomy import (
    CHANGE_WORDS, CODES, LOOKALIKES, MEASURE_PATTERN, MEASURE_UNITS, RULES, TOPICS, Rule,
)
from countyreports.models import Indicator, Mention, Section
from countyreports.numerals import APPROX_BEFORE, CORE_PATTERN, MULTIPLIERS, approx_word_before, number_value

_LOOKALIKE_RX = re.compile(f"[{''.join(LOOKALIKES)}]")
_QTY = re.compile(CORE_PATTERN + rf"(?P<sp>[ \u3000\u00a0]?)(?(pct)(?:[%％])?|(?P<measure>{MEASURE_PATTERN}))"
                  r"(?P<post2>以上|左右|上下|许)?")
_BREAKS = re.compile(r"[,，;；。!！?？\n\ufffd]")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_SENT_CHARS = frozenset(";；。!！?？\n")
_QUOTED = re.compile(r"“[^”\n]{0,16}”|《[^》\n]{0,80}》|\"[^\"\n]{0,16}\"|「[^」\n]{0,16}」")
_BAD_BEFORE = frozenset("第数几若每-－〔[#No/:：.．")  # 第九批, 数十, 0359-…, 〔2019〕, 10:30, 2.5.
_WEAK = frozenset({"一", "两", "二"})  # lone 一/两: idioms (一次办, 两批) unless a rule claims them
_FROM_TO = re.compile(r"\s?(?:压减|精简|减少|缩减|削减|压缩|减|降|调整|优化|增加|增|提高|提升|扩大|上升|下降|降低)?(?:为|至|到)\s?$")
_CHANNEL = re.compile(r"^(?:其中)?(?:线上|线下|网上|网络|现场|视频|远程|集中|分散)(?:开展|举办|组织|培训|活动)?(?:共|达)?$")
_CHANGE = re.compile(CHANGE_WORDS)
_TOPIC_RX = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in TOPICS.items()))
_MAX_LEFT = 60
_PRE_LAST = frozenset(w[-1] for w in APPROX_BEFORE)
_BASE = {"万元": "元", "亿元": "元", "％": "%"}


def _needs(pattern: str) -> frozenset[str] | None:
    """Characters of which at least one occurs in every match of `pattern` (None: no such set known).

    Used as a cheap `in` pre-test before running a rule's regex."""
    from re import _constants as c, _parser as p  # noqa: PLC0415 - stdlib internals, parse only

    def walk(items) -> frozenset[str] | None:
        best: frozenset[str] | None = None
        for op, av in items:
            got: frozenset[str] | None = None
            if op is c.LITERAL:
                got = frozenset(chr(av))
            elif op is c.SUBPATTERN:
                got = walk(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                got = walk(av[2])
            elif op is c.BRANCH:
                parts = [walk(b) for b in av[1]]
                got = None if any(x is None for x in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                got = frozenset(chr(v) for _, v in av)
            if got is not None and (best is None or len(got) < len(best)):
                best = got
        return best

    try:
        return walk(p.parse(pattern))
    except Exception:  # pragma: no cover - a pattern the walker does not know: no pre-test
        return None


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: Rule
    left: re.Pattern[str] | None
    prefix: re.Pattern[str] | None
    right: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    measures: frozenset[str]
    needs: frozenset[str] | None  # one of these must be in the left (or right) words

def _compile(rule: Rule) -> _Compiled:
    left = re.compile(f"(?:{rule.left})(?P<gap>[^、]{{0,{rule.gap}}})$") if rule.left else None
    prefix = re.compile(f"(?:{rule.prefix})$") if rule.right else None
    right = re.compile(rule.right) if rule.right else None
    exclude = re.compile(rule.exclude) if rule.exclude else None
    needs = _needs(rule.left or rule.right)
    return _Compiled(rule, left, prefix, right, exclude, frozenset(CODES[rule.code].measures), needs)


_RULES: tuple[_Compiled, ...] = tuple(_compile(r) for r in RULES)
_BY_MEASURE: dict[str, tuple[tuple[int, _Compiled], ...]] = {
    m: tuple((i, c) for i, c in enumerate(_RULES) if m in c.measures) for m in MEASURE_UNITS
}
#: per measure, one regex that matches when any left-subject rule might: most figures are decided by it
_ANY_LEFT: dict[str, re.Pattern[str] | None] = {
    m: re.compile("(?:" + "|".join(f"(?:{c.rule.left})" for _, c in rules if c.rule.left) + ")[^、]{0,%d}$"
                  % max(c.rule.gap for _, c in rules)) if any(c.rule.left for _, c in rules) else None
    for m, rules in _BY_MEASURE.items()
}


@dataclass(slots=True)
class _Qty:
    start: int  # whole token (approximation words and measure included)
    end: int
    num_start: int
    value: float
    measure: str  # as written (万元, 人次, %)
    base: str  # normalised measure (元, 人次, %)
    approx: bool
    weak: bool
    from_value: float | None = None
    subj_end: int = -1  # where the words before the subject end (from→to: before 由/从)
    code: str | None = None
    surface_start: int = -1
    surface_end: int = -1


def section_path_at(sections: Sequence[Section], pos: int) -> str:
    """Path of the innermost section whose [char_start, char_end) covers `pos` ("" if none)."""
    return _SectionIndex(sections).path_at(pos)


class _SectionIndex:
    """Innermost covering section by bisection (sections sorted by start; nested spans allowed)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self.secs = sorted(sections, key=lambda s: (s.char_start, -(s.char_end - s.char_start)))
        self.starts = [s.char_start for s in self.secs]

    def path_at(self, pos: int) -> str:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0:  # latest-starting section that still covers pos = the innermost one
            s = self.secs[i]
            if s.char_end > pos:
                return s.path
            i -= 1
        return ""


def _scan(t: str) -> list[_Qty]:
    quoted = [m.span() for m in _QUOTED.finditer(t)]
    q_starts = [a for a, _ in quoted]
    out: list[_Qty] = []
    for m in _QTY.finditer(t):
        pct, num, mult, post, mult2, measure, post2 = m.group("pct", "num", "mult", "post", "mult2", "measure", "post2")
        if pct is not None:
            ns, ne = m.span("pct")
            value = number_value(pct)
            measure = "%"
        else:
            ns, ne = m.span("num")
            value = number_value(num)
            mult = mult or mult2
            if value is not None and mult:
                value *= MULTIPLIERS[mult]
        if value is None:
            continue
        before = t[ns - 1] if ns else ""
        if before in _BAD_BEFORE or (before.isascii() and before.isalnum()):
            continue
        start = m.start()
        pre = approx_word_before(t, start) if before in _PRE_LAST else ""
        start -= len(pre)
        if start and t[start - 1] == "\ufffd":
            continue
        end = m.end()
        if end < len(t) and t[end] in "-－〕]":
            continue
        i = bisect_right(q_starts, ns) - 1
        if i >= 0 and quoted[i][0] < ns < quoted[i][1]:
            continue
        base = _BASE.get(measure, measure)
        if base != measure and measure != "％":
            value *= 10_000 if measure[0] == "万" else 100_000_000
        written = (mult + measure) if measure == "元" and mult else "百分之" if pct is not None else measure
        out.append(_Qty(
            start=start, end=end, num_start=ns, value=round(value, 6), measure=written, base=base,
            approx=bool(pre or post or post2), weak=t[ns:ne] in _WEAK and pct is None,
        ))
    return out


def _pair_from_to(t: str, qs: list[_Qty]) -> list[_Qty]:
    """Fold `由214项压减为195项` into one quantity (value 195, from_value 214)."""
    out: list[_Qty] = []
    skip = False
    for i, q in enumerate(qs):
        if skip:
            skip = False
            continue
        if i + 1 < len(qs):
            nxt = qs[i + 1]
            if (q.start and t[q.start - 1] in "由从" and nxt.base == q.base and nxt.start - q.end <= 6
                    and _FROM_TO.search(t, q.end, nxt.start)):
                nxt.from_value = q.value
                nxt.subj_end = q.start - 1
                out.append(nxt)
                skip = True
                continue
        out.append(q)
    return out


def _last_topic(t: str, a: int, b: int) -> str | None:
    last = None
    for m in _TOPIC_RX.finditer(t, a, b):
        last = m.lastgroup
    return last


def _topic_at(t: str, pos: int, sent: tuple[int, int], line_start: int) -> str | None:
    """Topic of a position: the nearest topic word before it in its sentence, else the first one after it
    in the sentence, else the nearest one before it in its paragraph."""
    topic = _last_topic(t, sent[0], pos)
    if topic is None:
        m = _TOPIC_RX.search(t, pos, sent[1])
        topic = m.lastgroup if m else _last_topic(t, line_start, sent[0])
    return topic


def extract(clean_text: str, sections: Sequence[Section] = ()) -> tuple[tuple[Indicator, ...], tuple[Mention, ...]]:
    """Coded indicators and all quantity mentions of `clean_text` (see module doc)."""
    t = clean_text
    if _LOOKALIKE_RX.search(t):
        t = _LOOKALIKE_RX.sub(lambda m: LOOKALIKES[m.group()], t)
    qs = _pair_from_to(t, _scan(t))
    if not qs:
        return (), ()
    n = len(t)
    clause_ends: list[int] = []
    sent_ends: list[int] = []
    line_ends: list[int] = []
    for m in _BREAKS.finditer(t):
        p, ch = m.start(), m.group()
        if ch in ",，" and 0 < p < n - 1 and t[p - 1] in _DIGITS and t[p + 1] in _DIGITS:
            continue  # thousands separator (1,340)
        clause_ends.append(p)
        if ch in _SENT_CHARS:
            sent_ends.append(p)
            if ch == "\n":
                line_ends.append(p)
    _code_all(t, qs, clause_ends, sent_ends, line_ends)
    return _build(clean_text, qs, sections, clause_ends, sent_ends)


def _best_rule(t: str, q: _Qty, left: str, lo: int, anchor: int, c_start: int, c_end: int,
               sent: tuple[int, int], line_start: int) -> tuple[_Compiled, int, int] | None:
    """The rule that codes quantity `q` (closest subject, then longest, then table order), with the
    surface span it gives."""
    best: tuple[tuple[int, int, int], _Compiled, int, int] | None = None
    any_left = _ANY_LEFT.get(q.base)
    lefts_possible = any_left is not None and any_left.search(left) is not None
    left_chars = frozenset(left)
    right_chars = frozenset(t[q.end:min(c_end, q.end + 24)])
    topic: str | None | bool = False  # not looked up yet
    for idx, c in _BY_MEASURE.get(q.base, ()):
        if c.left is not None:
            if not lefts_possible or (c.needs is not None and c.needs.isdisjoint(left_chars)):
                continue
            m = c.left.search(left)
            if m is None:
                continue
            gap = m.group("gap")
            if gap and (q.weak or (_CHANGE.search(gap) and not gap.endswith(("到", "至", "为")))):
                continue
            key = (len(gap), m.start(), idx)
            s0, e0 = lo + m.start(), q.end
        else:
            if c.needs is not None and c.needs.isdisjoint(right_chars):
                continue
            rm = c.right.match(t, q.end, c_end)  # type: ignore[union-attr]
            if rm is None:
                continue
            pm = c.prefix.search(left)  # type: ignore[union-attr]
            if pm is None:
                continue
            key = (0, 0, idx)
            s0, e0 = lo + pm.start(), rm.end()
        if best is not None and key >= best[0]:
            continue
        if c.exclude is not None and c.exclude.search(t, c_start, anchor):
            continue
        if c.rule.topic is not None:
            if topic is False:
                topic = _topic_at(t, q.start, sent, line_start)
            if topic != c.rule.topic:
                continue
        best = (key, c, s0, e0)
    return None if best is None else (best[1], best[2], best[3])


def _code_all(t: str, qs: list[_Qty], clause_ends: list[int], sent_ends: list[int], line_ends: list[int]) -> None:
    """Give each quantity its code (or None) and its surface span."""
    n = len(t)
    prev_end = 0
    prev_coded: _Qty | None = None
    for q in qs:
        anchor = q.subj_end if q.subj_end >= 0 else q.start
        k = bisect_left(clause_ends, anchor)
        c_start = clause_ends[k - 1] + 1 if k else 0
        c_end = clause_ends[k] if k < len(clause_ends) else n
        lo = max(c_start, prev_end, anchor - _MAX_LEFT)
        left = t[lo:anchor]
        ks = bisect_left(sent_ends, q.start)
        sent = (sent_ends[ks - 1] + 1 if ks else 0, sent_ends[ks] if ks < len(sent_ends) else n)
        kl = bisect_left(line_ends, q.start)
        line_start = line_ends[kl - 1] + 1 if kl else 0
        prev_end = q.end
        q.surface_start, q.surface_end = (q.subj_end if q.from_value is not None else q.start), q.end
        found = _best_rule(t, q, left, lo, anchor, c_start, c_end, sent, line_start)
        if found is not None:
            code, s0, e0 = found[0].rule.code, found[1], found[2]
        elif (prev_coded is not None and prev_coded.base == q.base and prev_coded.end >= sent[0]
              and _CHANNEL.match(left)):  # 线下培训6场次，线上10场次
            code, s0, e0 = prev_coded.code, lo, q.end
        else:
            continue
        if s0 and t[s0 - 1] == "\ufffd":  # the subject abuts a lost span: it may be cut, do not report
            continue
        q.code = code
        q.surface_start, q.surface_end = s0 + (t[s0] == "、"), e0
        prev_coded = q


def _build(clean_text: str, qs: list[_Qty], sections: Sequence[Section], clause_ends: list[int],
           sent_ends: list[int]) -> tuple[tuple[Indicator, ...], tuple[Mention, ...]]:
    index = _SectionIndex(sections)
    n = len(clean_text)
    indicators: list[Indicator] = []
    mentions: list[Mention] = []
    for q in qs:
        if q.weak and q.code is None:
            continue
        ss, se = q.surface_start, q.surface_end
        ks = bisect_left(sent_ends, ss)
        s_start = sent_ends[ks - 1] + 1 if ks else 0
        ke = bisect_left(sent_ends, max(se - 1, ss))
        s_end = sent_ends[ke] if ke < len(sent_ends) else n
        sentence = clean_text[s_start:s_end].strip()
        path = index.path_at(ss)
        surface = clean_text[ss:se]
        unit = CODES[q.code].unit if q.code else MEASURE_UNITS.get(q.base, "other")
        value = float(round(q.value)) if unit in ("count", "persons", "person-times", "households", "yuan") \
            and abs(q.value - round(q.value)) < 1e-6 else q.value
        k = bisect_left(clause_ends, q.start)
        b0 = max(clause_ends[k - 1] + 1 if k else 0, q.start - 12)
        mentions.append(Mention(
            value=value, measure=q.measure, unit=unit, approx=q.approx, from_value=q.from_value,
            before=clean_text[b0:q.start], surface=surface, sentence=sentence, section_path=path,
            char_start=ss, char_end=se, code=q.code,
        ))
        if q.code is not None:
            indicators.append(Indicator(
                code=q.code, value=value, unit=unit, approx=q.approx, from_value=q.from_value,
                section_path=path, surface=surface, sentence=sentence, char_start=ss, char_end=se,
            ))
    return tuple(indicators), tuple(mentions)
