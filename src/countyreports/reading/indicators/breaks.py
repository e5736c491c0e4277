"""Sentence and clause breaks of a report text, found around the positions asked for (pure functions).

    ends = sentence_ends(t, a, b)                       # the sentence ends that matter for [a, b]
    sentence_at(pos, ends, len(t))                      # -> (start, end) of the sentence holding pos
    clause_at(t, pos, sentence_at(...), clause_marks(t))  # -> (start, end) of the clause holding pos

Sentences end at 。；;!！?？ and line breaks; clauses also at commas (not at a comma between two digits: 1,340)
and at U+FFFD (a lost span) and the bars of a flattened table row (｜, |). Spans exclude the breaks. `bounded` cuts a span to a window around a position:
what a quantity reads of its sentence never grows with the length of a sentence without breaks.
"""

from __future__ import annotations

from typing import Final

import re
from bisect import bisect_left

_SENT_ENDS: Final = "。\n；;!！?？"  # the clause breaks that end a sentence
#: the other clause breaks; a comma between two digits is a thousands separator (1,340), not a break
_CLAUSE_ENDS: Final = "，,\ufffd｜|"  # (｜ and | part the cells of a table row flattened into a line)
_DIGITS: Final = frozenset("0123456789０１２３４５６７８９")
_CHAR_RX: dict[str, re.Pattern[str]] = {}  # a regex per character asked for: callers use a few fixed ones
_MATCH_START: Final = re.Match.start


def clause_marks(t: str) -> list[str]:
    """The clause breaks that are not sentence ends and that `t` uses (for clause_at)."""
    return [ch for ch in _CLAUSE_ENDS if ch in t]


def char_positions(t: str, ch: str, start: int = 0, end: int = -1) -> list[int]:
    """The offsets of `ch` in t[start:end] (end -1: to the end of `t`), ascending.

    A regex of one literal character: the engine's loop for a leading literal is fast (much faster than for
    a class), and finditer with map builds the list without a Python loop."""
    rx = _CHAR_RX.get(ch)
    if rx is None:
        rx = _CHAR_RX[ch] = re.compile(re.escape(ch))
    return list(map(_MATCH_START, rx.finditer(t, start, len(t) if end < 0 else end)))


def sentence_ends(t: str, a: int, b: int) -> list[int]:
    """The offsets of the sentence ends of `t` from the last one before `a` to the first one at or after `b`,
    ascending: all that a bisection needs for the positions in [a, b].

    One search per sentence-end character the text uses, on that stretch only: much cheaper than one regex
    scan for all of them, whose engine tests every character against a class."""
    chars = [ch for ch in _SENT_ENDS if ch in t]
    start = max([0] + [t.rfind(ch, 0, a) for ch in chars])  # from the end before `a` (or the start of `t`)
    ends = [e for e in (t.find(ch, b) for ch in chars) if e >= 0]
    end = min(ends) + 1 if ends else len(t)  # to the end at or after `b`, included
    found: list[int] = []
    for ch in chars:
        found += char_positions(t, ch, start, end)
    found.sort()
    return found


def clause_at(t: str, pos: int, sentence: tuple[int, int], marks: list[str],
              reach: int = 1 << 30) -> tuple[int, int]:
    """Span of the clause holding `pos` (breaks excluded): its `sentence` (sentence_at) cut at the clause
    breaks `marks` (clause_marks) found around `pos` by str.rfind/find, and never more than `reach`
    characters on either side of `pos` (so a clause without breaks costs a bounded search)."""
    start, end = max(sentence[0], pos - reach), min(sentence[1], pos + reach)
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


def sentence_at(pos: int, sent_ends: list[int], n: int) -> tuple[int, int]:
    """Span of the sentence holding `pos` (sentence ends excluded)."""
    ks = bisect_left(sent_ends, pos)
    return (sent_ends[ks - 1] + 1 if ks else 0, sent_ends[ks] if ks < len(sent_ends) else n)


def sentences_over(a: int, b: int, sent_ends: list[int], n: int) -> tuple[int, int]:
    """Span of the sentences that hold [a, b) (sentence ends excluded)."""
    ks = bisect_left(sent_ends, a)
    ke = bisect_left(sent_ends, b - 1, ks) if b - 1 > a else ks
    return (sent_ends[ks - 1] + 1 if ks else 0, sent_ends[ke] if ke < len(sent_ends) else n)


def bounded(span: tuple[int, int], a: int, b: int, reach: int) -> tuple[int, int]:
    """`span` cut to [a - reach, b + reach]."""
    return max(span[0], a - reach), min(span[1], b + reach)
