"""Quantity mentions and coded indicators of one report text (pure functions).

    indicators, mentions = extract(clean_text, sections)

Every number followed by a measure word becomes a `Mention`; those whose subject words match a rule of
`taxonomy.RULES` also become an `Indicator`. All matching is done on a length-preserving folded copy of
the text (half-width digits and punctuation, look-alike characters mapped), so offsets and surfaces are
those of `clean_text`.
"""

from __future__ import annotations

import re
from re import _parser  # getwidth() of the rule patterns
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import accumulate
from operator import add, lt

from countyreports.indicators.taxonomy import (
    CHANGE_WORDS, CODES, LOOKALIKES, MEASURE_PATTERN, MEASURE_UNITS, RULES, TOPICS, Rule,
)
from countyreports.models import Indicator, Mention, Section
from countyreports.numerals import (
    APPROX_BEFORE, CORE_REST, MULTIPLIERS, NUMBER_CHARS, NUMBER_START, approx_word_before, number_value,
)
from countyreports.records import positional


def _first_chars(pattern: str) -> str | None:
    """The characters every match of `pattern` starts with (None: not known, or a match may be empty)."""
    from re import _constants as c  # noqa: PLC0415 - stdlib internals, parse only

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


_LOOKALIKE_RX = re.compile(f"[{''.join(LOOKALIKES)}]")
_MEASURE_FIRST = _first_chars(MEASURE_PATTERN)
#: a quantity is 百分之… or a run of number characters (and a space) followed by a measure word: checked right
#: after the first character, this rejects at once the many 一/二/十/万 of ordinary words
_QTY_AHEAD = rf"(?=(?<=百)分之|[{NUMBER_CHARS} \u3000\u00a0]*[{_MEASURE_FIRST}])" if _MEASURE_FIRST else ""
_QTY = re.compile(NUMBER_START + _QTY_AHEAD + CORE_REST
                  + rf"(?P<sp>[ \u3000\u00a0]?)(?(pct)(?:[%％])?|(?P<measure>{MEASURE_PATTERN}))"
                  r"(?P<post2>以上|左右|上下|许)?")
_SENT_ENDS = "。\n；;!！?？"  # the clause breaks that end a sentence
#: the other clause breaks; a comma between two digits is a thousands separator (1,340), not a break
_CLAUSE_ENDS = "，,\ufffd"
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_QUOTED = re.compile(r"“[^”\n]{0,16}”|《[^》\n]{0,80}》|\"[^\"\n]{0,16}\"|「[^」\n]{0,16}」")
_QUOTE_OPENS = _first_chars(_QUOTED.pattern)  # a match opens with one of these quotes
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


def _literal(pattern: str) -> str | None:
    """The longest string that every match of `pattern` contains (None: none known).

    Left rules: `literal in left` is a cheap pre-test before the search of a rule's regex."""
    from re import _constants as c, _parser as p  # noqa: PLC0415 - stdlib internals, parse only

    def substrings(run: str) -> set[str]:
        return {run[i:j] for i in range(len(run)) for j in range(i + 1, len(run) + 1)}

    def walk(items) -> set[str]:  # the strings every match holds (with all their substrings)
        found: set[str] = set()
        run = ""  # the literal characters matched one after the other so far
        for op, av in items:
            if op is c.LITERAL:
                run += chr(av)
                continue
            found |= substrings(run)
            run = ""
            if op is c.SUBPATTERN:
                found |= walk(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                found |= walk(av[2])
            elif op is c.BRANCH:
                found |= set.intersection(*(walk(b) for b in av[1]))
            # anything else (a class, a lookaround, an optional part) holds no required string
        return found | substrings(run)

    found = walk(p.parse(pattern))
    return max(sorted(found), key=len) if found else None


def _endings(pattern: str) -> frozenset[str] | None:
    """The last two characters of every match of `pattern` (a single character: a match may be one character
    long), or None when no such set is known (any character may end a match, or a match may be empty).

    With the `gap` rule of `left` subjects, a left rule can only match when one of its endings stands among
    the last `gap + 1` characters before the number: an index of the left rules by their endings."""
    from re import _constants as c, _parser as p  # noqa: PLC0415 - stdlib internals, parse only

    def then(before: frozenset[str], after: frozenset[str]) -> frozenset[str]:  # endings of `before after`
        return frozenset(e if len(e) == 2 else (b + e)[-2:] for e in after for b in (before if len(e) < 2 else ("",)))

    def walk(items) -> tuple[frozenset[str], bool] | None:  # (endings, may be empty)
        ends: frozenset[str] = frozenset()
        empty = True  # the items so far may match nothing
        unknown = False  # ... or may end with any character
        for op, av in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width
                continue
            if op is c.LITERAL:
                got: tuple[frozenset[str], bool] | None = (frozenset(chr(av)), False)
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                got = (frozenset(chr(v) for _, v in av), False)
            elif op is c.SUBPATTERN:
                got = walk(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                got = walk(av[2])
                if got is not None:
                    once, e = got
                    got = (once | then(once, once) if av[1] > 1 else once, e or av[0] == 0)
            elif op is c.BRANCH:
                parts = [walk(x) for x in av[1]]
                got = None if any(x is None for x in parts) else (
                    frozenset().union(*(x[0] for x in parts)), any(x[1] for x in parts))  # type: ignore[index]
            else:
                got = None
            if got is None or len(got[0]) > 500:
                ends, empty, unknown = frozenset(), False, True
                continue
            sub, sub_empty = got
            ends = then(ends, sub) | (sub if empty or unknown else frozenset()) | (ends if sub_empty else frozenset())
            empty = empty and sub_empty
            unknown = unknown and sub_empty
        return None if unknown else (ends, empty)

    try:
        got = walk(p.parse(pattern))
    except Exception:  # pragma: no cover - a pattern the walker does not know: no index
        return None
    return None if got is None or got[1] else got[0]


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: Rule
    left: re.Pattern[str] | None
    prefix: re.Pattern[str] | None
    right: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    measures: frozenset[str]
    needs: frozenset[str] | None  # one of these is in every match (right rules: within 24 characters of the measure)
    literal: str | None  # left rules: a string every match holds
    width: int  # left rules: the longest match (subject and gap), so the search can start at len(left) - width


def _compile(rule: Rule) -> _Compiled:
    left = re.compile(f"(?:{rule.left})(?P<gap>[^、]{{0,{rule.gap}}})$") if rule.left else None
    prefix = re.compile(f"(?:{rule.prefix})$") if rule.right else None
    right = re.compile(rule.right) if rule.right else None
    exclude = re.compile(rule.exclude) if rule.exclude else None
    needs = _needs(rule.left or rule.right)
    literal = _literal(rule.left) if rule.left else None
    width = _parser.parse(left.pattern).getwidth()[1] if left is not None else 0  # lookarounds count 0
    return _Compiled(rule, left, prefix, right, exclude, frozenset(CODES[rule.code].measures), needs, literal,
                     width)


_RULES: tuple[_Compiled, ...] = tuple(_compile(r) for r in RULES)
_BY_MEASURE: dict[str, tuple[tuple[int, _Compiled], ...]] = {
    m: tuple((i, c) for i, c in enumerate(_RULES) if m in c.measures) for m in MEASURE_UNITS
}

@dataclass(frozen=True, slots=True)
class _MeasureRules:
    """The rules of one measure word, indexed for `_best_rule`."""

    lefts: tuple[tuple[int, _Compiled], ...]  # the left rules (with their index in RULES), in table order
    by_end: dict[tuple[int, str], int]  # (j, an ending of a subject that ends j characters before the number)
    # -> bit set over `lefts` of the rules with that ending
    unindexed: int  # bit set of the left rules that can end with any character
    tail: int  # longest gap + 1: the subject of a left rule ends within that many characters before the number
    any_right: re.Pattern[str] | None  # matches right after the measure when any right rule might
    right_first: frozenset[str] | None  # the characters a match of any_right starts with (None: not known)
    rights: tuple[tuple[int, _Compiled], ...]
    candidates: dict[str, tuple[tuple[int, _Compiled], ...]]  # memo of `candidates_for`

    def candidates_for(self, end: str) -> tuple[tuple[int, _Compiled], ...]:
        """The left rules that may match words ending with `end` (their last `tail + 1` characters)."""
        n = len(end)
        get = self.by_end.get
        bits = self.unindexed
        for j in range(1, n + 1):  # the subject ends j characters before the number
            ch = end[n - j]
            bits |= get((j, ch), 0)  # rules whose subject may be this one character
            if j < n:
                bits |= get((j, end[n - j - 1:n - j + 1]), 0)
            if ch == "、":  # the gap never holds a 、
                break
        got = []
        while bits:
            low = bits & -bits
            got.append(self.lefts[low.bit_length() - 1])
            bits ^= low
        if len(self.candidates) >= 20_000:
            self.candidates.clear()
        self.candidates[end] = out = tuple(got)
        return out


def _index(rules: tuple[tuple[int, _Compiled], ...]) -> _MeasureRules:
    lefts = tuple((i, c) for i, c in rules if c.left is not None)
    rights = tuple((i, c) for i, c in rules if c.left is None)
    by_end: dict[tuple[int, str], int] = {}
    unindexed = 0
    for b, (_, c) in enumerate(lefts):
        endings = _endings(c.rule.left)
        if endings is None:
            unindexed |= 1 << b
        for e in endings or ():
            for j in range(1, c.rule.gap + 2):  # at most `gap` characters between the subject and the number
                by_end[j, e] = by_end.get((j, e), 0) | 1 << b
    any_right = re.compile("|".join(f"(?:{c.rule.right})" for _, c in rights)) if rights else None
    first = _first_chars(any_right.pattern) if any_right is not None else None
    return _MeasureRules(lefts, by_end, unindexed, max((c.rule.gap for _, c in lefts), default=0) + 1,
                         any_right, None if first is None else frozenset(first), rights, {})


_BY_MEASURE_IX: dict[str, _MeasureRules] = {m: _index(rules) for m, rules in _BY_MEASURE.items() if rules}


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


def section_path_at(sections: Sequence[Section], pos: int) -> str:
    """Path of the innermost section whose [char_start, char_end) covers `pos` ("" if none)."""
    return _SectionIndex(sections).path_at(pos)


class _SectionIndex:
    """Innermost covering section by bisection (sections sorted by start; nested spans allowed)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        starts = [s.char_start for s in sections]
        if all(map(lt, starts, starts[1:])):  # in order already (as split_sections gives them): no sort
            self.secs, self.starts = list(sections), starts
            return
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


def _quoted_spans(t: str) -> list[int]:
    """The spans of _QUOTED.finditer(t), flattened: [a0, b0, a1, b1, ...] (they do not overlap: sorted).

    A match starts with a quote: the regex is only tried where one opens (found by str.split), after the
    last match, rather than scanned over the whole text."""
    opens: list[int] = []
    for ch in _QUOTE_OPENS:
        if ch in t:
            opens += _positions(t, ch)
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
        out.append(_Qty(start, end, ns, value if value.is_integer() else round(value, 6), written, base,
                        bool(pre or post or post2), pct is None and num in _WEAK))
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


def _positions(t: str, ch: str) -> list[int]:
    """The offsets of `ch` in `t`, ascending (from the lengths of the parts between them: no Python loop)."""
    parts = t.split(ch)
    return list(map(add, accumulate(map(len, parts)), range(len(parts) - 1)))


def _sentence_ends(t: str) -> list[int]:
    """The offsets of the sentence ends of `t`, ascending.

    One str.split per sentence-end character the text uses: much cheaper than a regex scan, whose engine tests
    every character and builds a match object per hit."""
    ends: list[int] = []
    for ch in _SENT_ENDS:
        if ch in t:
            ends += _positions(t, ch)
    ends.sort()
    return ends


def _clause_at(t: str, pos: int, sentence: tuple[int, int], marks: list[str]) -> tuple[int, int]:
    """Span of the clause holding `pos` (breaks excluded): its `sentence` (_sentence_at) cut at the clause
    breaks `marks` (the ones of _CLAUSE_ENDS that `t` uses) found around `pos` by str.rfind/find."""
    start, end = sentence
    for ch in marks:
        p = t.rfind(ch, start, pos)
        while p > 0 and ch != "\ufffd" and t[p - 1] in _DIGITS and t[p + 1:p + 2] in _DIGITS:  # 1,340
            p = t.rfind(ch, start, p)
        if p >= 0:
            start = p + 1
        p = t.find(ch, pos, end)
        while p > 0 and ch != "\ufffd" and t[p - 1] in _DIGITS and t[p + 1:p + 2] in _DIGITS:
            p = t.find(ch, p + 1, end)
        if p >= 0:
            end = p
    return start, end


def _sentence_at(pos: int, sent_ends: list[int], n: int) -> tuple[int, int]:
    """Span of the sentence holding `pos` (sentence ends excluded)."""
    ks = bisect_left(sent_ends, pos)
    return (sent_ends[ks - 1] + 1 if ks else 0, sent_ends[ks] if ks < len(sent_ends) else n)


def _sentences_over(a: int, b: int, sent_ends: list[int], n: int) -> tuple[int, int]:
    """Span of the sentences that hold [a, b) (sentence ends excluded)."""
    ks = bisect_left(sent_ends, a)
    ke = bisect_left(sent_ends, b - 1, ks) if b - 1 > a else ks
    return (sent_ends[ks - 1] + 1 if ks else 0, sent_ends[ke] if ke < len(sent_ends) else n)


def _last_topic(t: str, a: int, b: int) -> str | None:
    last = None
    for m in _TOPIC_RX.finditer(t, a, b):
        last = _TOPIC_OF[m.lastgroup]  # type: ignore[index]
    return last


def _topic_at(t: str, pos: int, sent_ends: list[int]) -> str | None:
    """Topic of a position: the nearest topic word before it in its sentence, else the first one after it
    in the sentence, else the nearest one before it in its paragraph."""
    sent = _sentence_at(pos, sent_ends, len(t))
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
               sent_ends: list[int]) -> tuple[_Compiled, int, int] | None:
    """The rule that codes quantity `q` (closest subject, then longest, then table order), with the
    surface span it gives."""
    ix = _BY_MEASURE_IX.get(q.base)
    if ix is None:
        return None
    found: list[tuple[tuple[int, int, int], _Compiled, int, int]] = []  # (key, rule, surface span)
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
    sent_ends = _sentence_ends(t)
    marks = [ch for ch in _CLAUSE_ENDS if ch in t]
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
        sent = _sentence_at(anchor, sent_ends, n)
        c_start, c_end = _clause_at(t, anchor, sent, marks)
        lo = max(c_start, prev_end, anchor - _MAX_LEFT)
        left = t[lo:anchor]
        prev_end = q.end
        code = None
        ss, se = (q.subj_end if q.from_value is not None else start), q.end
        found = _best_rule(t, q, left, lo, anchor, c_start, c_end, sent_ends)
        if found is not None:
            code, s0, e0 = found[0].rule.code, found[1], found[2]
        elif (prev_coded is not None and prev_coded.base == q.base
              and prev_coded.end >= (sent if anchor == start else _sentence_at(start, sent_ends, n))[0]
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
            sent = _sentences_over(ss, se, sent_ends, n)
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
            c_start = _clause_at(t, start, _sentence_at(start, sent_ends, n), marks)[0]
        b0 = max(c_start, start - 12)
        mentions.append(_MENTION(value, q.measure, unit, q.approx, q.from_value, clean_text[b0:start], surface,
                                 sentence, path, ss, se, code))
        if code is not None:
            indicators.append(_INDICATOR(code, value, unit, q.approx, q.from_value, path, surface, sentence, ss, se))
    return tuple(indicators), tuple(mentions)
