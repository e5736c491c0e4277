"""Quantity mentions and coded indicators of one report text (pure functions).

    indicators, mentions = extract(clean_text, sections)

Every number followed by a measure word becomes a `Mention`; those whose subject words match a rule of
`taxonomy.RULES` also become an `Indicator`. All matching is done on a length-preserving folded copy of
the text (half-width digits and punctuation, look-alike characters mapped), so offsets and surfaces are
those of `clean_text`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import lt

from countyreports.reading.indicators.breaks import (
    char_positions, clause_at, clause_marks, sentence_at, sentence_ends, sentences_over,
)
from countyreports.reading.indicators.ruleindex import RULE_INDEX, CompiledRule, first_chars
from countyreports.reading.indicators.taxonomy import (
    CHANGE_WORDS, CODES, LOOKALIKES, MEASURE_PATTERN, MEASURE_UNITS, TOPICS,
)
from countyreports.models import Indicator, Mention, Section
from countyreports.text.numerals import (
    APPROX_BEFORE, CORE_REST, MULTIPLIERS, NUMBER_CHARS, NUMBER_START, approx_word_before, number_value,
)
from countyreports.models import positional


_LOOKALIKE_RX = re.compile(f"[{''.join(LOOKALIKES)}]")
_MEASURE_FIRST = first_chars(MEASURE_PATTERN)
#: a quantity is 百分之… or a run of number characters (and a space) followed by a measure word: checked right
#: after the first character, this rejects at once the many 一/二/十/万 of ordinary words
_QTY_AHEAD = rf"(?=(?<=百)分之|[{NUMBER_CHARS} \u3000\u00a0]*[{_MEASURE_FIRST}])" if _MEASURE_FIRST else ""
_QTY = re.compile(NUMBER_START + _QTY_AHEAD + CORE_REST
                  + rf"(?P<sp>[ \u3000\u00a0]?)(?(pct)(?:[%％])?|(?P<measure>{MEASURE_PATTERN}))"
                  r"(?P<post2>以上|左右|上下|许)?")
_QUOTED = re.compile(r"“[^”\n]{0,16}”|《[^》\n]{0,80}》|\"[^\"\n]{0,16}\"|「[^」\n]{0,16}」")
_QUOTE_OPENS: str = first_chars(_QUOTED.pattern) or ""  # a match opens with one of these quotes
assert _QUOTE_OPENS
_QTY_GROUPS = ("pct", "num_rest", "mult", "post", "mult2", "sp", "measure", "post2")  # read by position
assert tuple(sorted(_QTY.groupindex, key=_QTY.groupindex.__getitem__)) == _QTY_GROUPS
_BAD_BEFORE = frozenset("第数几若每-－〔[#No/:：.．")  # 第九批, 数十, 0359-…, 〔2019〕, 10:30, 2.5.
#: what may not stand right before a number: _BAD_BEFORE and ASCII letters and digits (part of a code: A3, 12)
_SKIP_BEFORE = _BAD_BEFORE | frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WEAK = frozenset({"一", "两", "二"})  # lone 一/两: idioms (一次办, 两批) unless a rule claims them
_FROM_TO = re.compile(r"\s?(?:压减|精简|减少|缩减|削减|压缩|减|降|调整|优化|增加|增|提高|提升|扩大|上升|下降|降低)?(?:为|至|到)\s?$")
_CHANNEL = re.compile(r"^(?:其中)?(?:线上|线下|网上|网络|现场|视频|远程|集中|分散)(?:开展|举办|组织|培训|活动)?(?:共|达)?$")
_CHANGE = re.compile(CHANGE_WORDS)


def _alternatives(rx: str) -> list[str]:
    """The top-level alternatives of a plain regex of words and classes (else the whole regex, as one group)."""
    return [f"(?:{rx})"] if "(" in rx or "\\" in rx or re.search(r"\[[^\]]*\|", rx) else rx.split("|")


#: every topic word, each alternative closed by an empty group named after its topic and its place: all the
#: alternatives begin with a character, so the regex engine skips to the places where one of them may begin
_TOPIC_ALTS = [(f"{name}_{i}", name, alt) for name, rx in TOPICS.items() for i, alt in enumerate(_alternatives(rx))]
_TOPIC_RX = re.compile("|".join(f"{alt}(?P<{group}>)" for group, _, alt in _TOPIC_ALTS))
_TOPIC_OF = {group: name for group, name, _ in _TOPIC_ALTS}  # group name -> topic
_MAX_LEFT = 60
_PRE_LAST = frozenset(w[-1] for w in APPROX_BEFORE)
_BASE = {"万元": "元", "亿元": "元", "％": "%"}
#: number_value of the numbers that are not plain ASCII (十二, 两, １２): a few characters each, and the same ones
#: recur in every report, so a small memo saves reading them again
_numeral_value = lru_cache(maxsize=4096)(number_value)


@dataclass(slots=True)
class _Qty:
    start: int  # whole token (approximation words and measure included)
    end: int
    value: float
    measure: str  # as written (万元, 人次, %)
    base: str  # normalised measure (元, 人次, %)
    approx: bool
    weak: bool
    from_value: float | None = None
    subj_end: int = -1  # where the words before the subject end (from→to: before 由/从)
    code: str | None = None


def section_path_at(sections: Sequence[Section], pos: int) -> str:
    """Path of the innermost section whose [char_start, char_end) covers `pos` ("" if none)."""
    return _SectionIndex(sections).path_at(pos)


class _SectionIndex:
    """Innermost covering section by bisection (sections sorted by start; nested spans allowed)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        starts = [s.char_start for s in sections]
        if all(map(lt, starts, starts[1:])):  # in order already (as split_sections gives them): no sort
            self.secs, self.starts = list(sections), starts
        else:
            self.secs = sorted(sections, key=lambda s: (s.char_start, -(s.char_end - s.char_start)))
            self.starts = [s.char_start for s in self.secs]
        self.last = (0, 0, "")  # [lo, hi) and its path: the last answer, good for the next positions up to hi

    def path_at(self, pos: int) -> str:
        lo, hi, path = self.last
        if lo <= pos < hi:
            return path
        i = bisect_right(self.starts, pos) - 1
        hi = self.starts[i + 1] if i + 1 < len(self.starts) else 1 << 62  # no section starts before it
        path = ""
        while i >= 0:  # latest-starting section that still covers pos = the innermost one
            s = self.secs[i]
            if s.char_end > pos:
                path, hi = s.path, min(hi, s.char_end)
                break
            i -= 1
        self.last = (pos, hi, path)
        return path


def _quoted_spans(t: str) -> list[int]:
    """The spans of _QUOTED.finditer(t), flattened: [a0, b0, a1, b1, ...] (they do not overlap: sorted).

    A match starts with a quote: the regex is only tried where one opens (char_positions), after the last match,
    rather than scanned over the whole text."""
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


def _scan(t: str) -> list[_Qty]:
    quoted = _quoted_spans(t)
    out: list[_Qty] = []
    n = len(t)
    for m in _QTY.finditer(t):
        pct, num_rest, mult, post, mult2, _sp, measure, post2 = m.groups()  # _QTY_GROUPS
        start = m.start()
        ns = start if pct is None else start + 3  # where the number starts (`pct` follows 百分之)
        before = t[ns - 1] if ns else ""
        if before in _SKIP_BEFORE:
            continue
        if pct is not None:
            value = float(pct.replace(",", "")) if pct.isascii() else _numeral_value(pct)
            measure = "%"
        else:
            num = t[start] + num_rest
            value = float(num.replace(",", "")) if num.isascii() else _numeral_value(num)  # fast path: 1,340
            mult = mult or mult2
            if value is not None and mult:
                value *= MULTIPLIERS[mult]
        if value is None:
            continue
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
        out.append(_Qty(start, end, value if value.is_integer() else round(value, 6), written, base,
                        bool(pre or post or post2), pct is None and num in _WEAK))
    return out


def _pair_from_to(t: str, qs: list[_Qty]) -> list[_Qty]:
    """Fold `由214项压减为195项` into one quantity (value 195, from_value 214)."""
    if "由" not in t and "从" not in t:  # nothing to fold (two quick tests spare the loop on many pages)
        return qs
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
        last = _TOPIC_OF[m.lastgroup]  # type: ignore[index]
    return last


def _topic_at(t: str, pos: int, sent_ends: list[int]) -> str | None:
    """Topic of a position: the nearest topic word before it in its sentence, else the first one after it
    in the sentence, else the nearest one before it in its paragraph."""
    sent = sentence_at(pos, sent_ends, len(t))
    line_start = t.rfind("\n", 0, pos) + 1
    topic = _last_topic(t, sent[0], pos)
    if topic is None:
        m = _TOPIC_RX.search(t, pos, sent[1])
        topic = _TOPIC_OF[m.lastgroup] if m else _last_topic(t, line_start, sent[0])  # type: ignore[index]
    return topic


def extract(clean_text: str, sections: Sequence[Section] = ()) -> tuple[tuple[Indicator, ...], tuple[Mention, ...]]:
    """Coded indicators and all quantity mentions of `clean_text` (see module doc)."""
    t = clean_text
    if _LOOKALIKE_RX.search(t):
        t = _LOOKALIKE_RX.sub(lambda m: LOOKALIKES[m.group()], t)
    qs = _pair_from_to(t, _scan(t))
    if not qs:
        return (), ()
    return _mentions(clean_text, t, qs, sections)


def _best_rule(t: str, q: _Qty, left: str, lo: int, anchor: int, c_start: int, c_end: int,
               sent_ends: list[int]) -> tuple[CompiledRule, int, int] | None:
    """The rule that codes quantity `q` (closest subject, then longest, then table order), with the
    surface span it gives."""
    ix = RULE_INDEX.get(q.base)
    if ix is None:
        return None
    found: list[tuple[tuple[int, int, int], CompiledRule, int, int]] = []  # (key, rule, surface span)
    if ix.lefts:
        n = len(left)
        end = left[-ix.tail - 1:]
        cands = ix.candidates.get(end)
        if cands is None:
            cands = ix.candidates_for(end)
        for idx, c in cands:
            if c.literal is not None:  # pre-tests, much cheaper than the search
                if c.literal not in left:
                    continue
            elif c.needs is not None and not any(map(left.__contains__, c.needs)):
                continue
            m = c.left.search(left, n - c.width if n > c.width else 0)  # type: ignore[union-attr]
            if m is None:
                continue
            gap = m.group("gap")
            if gap and (q.weak or (_CHANGE.search(gap) and not gap.endswith(("到", "至", "为")))):
                continue
            found.append(((len(gap), m.start(), idx), c, lo + m.start(), q.end))
    e = q.end
    if (ix.any_right is not None and (ix.right_first is None or (e < c_end and t[e] in ix.right_first))
            and ix.any_right.match(t, e, c_end) is not None):
        right_chars = frozenset(t[q.end:min(c_end, q.end + 24)])
        for idx, c in ix.rights:
            if c.needs is not None and c.needs.isdisjoint(right_chars):
                continue
            rm = c.right.match(t, q.end, c_end)  # type: ignore[union-attr]
            if rm is None:
                continue
            pm = c.prefix.search(left)  # type: ignore[union-attr]
            if pm is None:
                continue
            found.append(((0, 0, idx), c, lo + pm.start(), rm.end()))
    if not found:
        return None
    found.sort()  # by key: keys are unique (they end with the rule index)
    topic: str | None | bool = False  # not looked up yet
    for _key, c, s0, e0 in found:
        if c.exclude is not None and c.exclude.search(t, c_start, anchor):
            continue
        if c.rule.topic is not None:
            if topic is False:
                topic = _topic_at(t, q.start, sent_ends)
            if topic != c.rule.topic:
                continue
        return c, s0, e0
    return None


#: Mention and Indicator are built from positional arguments (records.positional) in this order
_MENTION_FIELDS = ("value", "measure", "unit", "approx", "from_value", "before", "surface", "sentence",
                   "section_path", "char_start", "char_end", "code")
_INDICATOR_FIELDS = ("code", "value", "unit", "approx", "from_value", "section_path", "surface", "sentence",
                     "char_start", "char_end")
assert tuple(f.name for f in fields(Mention)) == _MENTION_FIELDS
assert tuple(f.name for f in fields(Indicator)) == _INDICATOR_FIELDS
_MENTION = positional(Mention)
_INDICATOR = positional(Indicator)
_CODE_UNITS = {code: spec.unit for code, spec in CODES.items()}
_WHOLE_UNITS = frozenset({"count", "persons", "person-times", "households", "yuan"})  # values rounded when whole


def _mentions(clean_text: str, t: str, qs: list[_Qty],
              sections: Sequence[Section]) -> tuple[tuple[Indicator, ...], tuple[Mention, ...]]:
    """Code each quantity (or not) and build its Mention, and its Indicator when coded (`t`: the folded text)."""
    sent_ends = sentence_ends(t, qs[0].subj_end if qs[0].subj_end >= 0 else qs[0].start, qs[-1].end)
    marks = clause_marks(t)
    path_at = _SectionIndex(sections).path_at
    n = len(t)
    indicators: list[Indicator] = []
    mentions: list[Mention] = []
    prev_end = 0
    prev_coded: _Qty | None = None
    sentence_span = (0, -1)  # the sentence of the last mention and its text: the next ones often share it
    sentence = ""
    for q in qs:
        # the code: the best rule, else 线下培训6场次，线上10场次 (the code of the quantity before)
        start = q.start
        anchor = q.subj_end if q.subj_end >= 0 else start
        sent = sentence_at(anchor, sent_ends, n)
        c_start, c_end = clause_at(t, anchor, sent, marks)
        lo = max(c_start, prev_end, anchor - _MAX_LEFT)
        left = t[lo:anchor]
        prev_end = q.end
        code = None
        ss, se = (q.subj_end if q.from_value is not None else start), q.end
        found = _best_rule(t, q, left, lo, anchor, c_start, c_end, sent_ends)
        if found is not None:
            code, s0, e0 = found[0].rule.code, found[1], found[2]
        elif (prev_coded is not None and prev_coded.base == q.base
              and prev_coded.end >= (sent if anchor == start else sentence_at(start, sent_ends, n))[0]
              and _CHANNEL.match(left)):
            code, s0, e0 = prev_coded.code, lo, q.end
        if code is not None:
            if s0 and t[s0 - 1] == "\ufffd":  # the subject abuts a lost span: it may be cut, do not report
                code = None
            else:
                q.code = code
                ss, se = s0 + (t[s0] == "、"), e0
                prev_coded = q
        if code is None and q.weak:  # a lone 一/两 no rule claims
            continue
        # the mention; its sentence is the anchor's one (no sentence end inside) unless the surface leaves it
        if not (sent[0] <= ss and se - 1 < sent[1]):
            sent = sentences_over(ss, se, sent_ends, n)
        if sent != sentence_span:
            sentence_span = sent
            sentence = clean_text[sent[0]:sent[1]].strip()
        path = path_at(ss)
        surface = clean_text[ss:se]
        unit = _CODE_UNITS[code] if code else MEASURE_UNITS.get(q.base, "other")
        value = q.value
        if unit in _WHOLE_UNITS and not value.is_integer() and abs(value - round(value)) < 1e-6:
            value = float(round(value))
        if anchor != start:
            c_start = clause_at(t, start, sentence_at(start, sent_ends, n), marks)[0]
        b0 = max(c_start, start - 12)
        mentions.append(_MENTION(value, q.measure, unit, q.approx, q.from_value, clean_text[b0:start], surface,
                                 sentence, path, ss, se, code))
        if code is not None:
            indicators.append(_INDICATOR(code, value, unit, q.approx, q.from_value, path, surface, sentence, ss, se))
    return tuple(indicators), tuple(mentions)
