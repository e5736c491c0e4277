"""The words around one quantity, by level, and the small questions asked of them (pure functions).

    Scope(own_left, own_right, clause_left, clause_right, sentence, …)   # built by extract.read
    last_of(hits, concepts) / first_of(hits, concepts)                  # the nearest cue with a concept
    head_of(t, q, scope)                                                 # the word next to the number

Levels: the quantity's own segment (its clause between the figures before and after it; words after a 、
or an opening bracket are the next figure's), the rest of its clause, the rest of its sentence (the clauses
before, and those after that hold no figure), and the paragraph's lead (the short sentence before it on its
line, read only when asked). Glue words are not among the levels' words: `residue` and `head_of` read them
over the few characters they look at (`cues.glue_in`). A `Reading` is what attribution.py decides.
"""

from __future__ import annotations

from typing import Final

import re

from countyreports.reading.indicators.concepts import (
    INTENT, INTENT_OPENERS, ORDINAL_MEASURES, PLAN_BOUNDS, PLAN_LEADS, PLAN_REFERENCE,
)
from countyreports.reading.indicators.cues import Hit, glue_in, scan_cues
from countyreports.reading.indicators.frames import Frame
from countyreports.reading.indicators.quantities import Qty


class LeadSource:
    """Where the paragraph's lead of a sentence is, and its cue words once read; and the frames worth trying,
    by measure, for the figures of the sentence that borrow words (filled by attribution.py): shared by the
    figures of one sentence. `listed`: the sentence is an item of a list after a colon (X：A 18件；B 6项；…),
    whose lead X speaks of each item as a sentence's words speak of a list item."""

    __slots__ = ("t", "a", "b", "listed", "_hits", "_concepts", "frames")

    def __init__(self, t: str, a: int, b: int, listed: bool = False) -> None:
        self.t = t
        self.a = a
        self.b = b
        self.listed = listed
        self._hits: list[Hit] | None = None
        self._concepts: set[str] | None = None
        self.frames: dict[str, list[tuple[int, Frame, tuple[str, ...]]]] = {}

    def hits(self) -> list[Hit]:
        if self._hits is None:
            self._hits = scan_cues(self.t, self.a, self.b) if self.a < self.b else []
        return self._hits

    def concepts(self) -> set[str]:
        """The concepts of the lead's words."""
        if self._concepts is None:
            self._concepts = set()
            for h in self.hits():
                self._concepts |= h.cue.concepts
        return self._concepts


class Scope:
    """The cue words around one quantity, by level (module doc), and what the sentence says of its figures."""

    __slots__ = ("own_left", "own_right", "clause_left", "clause_right", "sentence", "s0", "l0", "c0", "c1",
                 "after_break", "dist_rank", "dist_count", "list_item", "prev_code", "prev_end", "concepts",
                 "lend0", "lend1", "dist_verb", "prefecture_other", "_lead", "_lead_of")

    def __init__(self, own_left: list[Hit], own_right: list[Hit], clause_left: list[Hit],
                 clause_right: list[Hit], sentence: list[Hit], s0: int, l0: int, c0: int, c1: int, after_break: bool,
                 dist_rank: int, dist_count: int, list_item: bool, prev_code: str | None, prev_end: int,
                 lead_of: LeadSource, concepts: frozenset[str], lend: tuple[int, int], dist_verb: Hit | None,
                 prefecture_other: bool = False) -> None:
        self.own_left = own_left  # own segment, before the number
        self.own_right = own_right  # own segment, after the measure
        self.clause_left = clause_left  # the rest of the clause, before / after the own segment
        self.clause_right = clause_right
        self.sentence = sentence  # the other clauses of the sentence that may lend words
        self.s0 = s0  # where the sentence (or the window read of it) starts
        self.l0 = l0  # where the own segment starts
        self.c0 = c0  # the clause
        self.c1 = c1
        self.after_break = after_break  # the clause starts right after a lost span (U+FFFD)
        self.dist_rank = dist_rank  # rank of the figure among those after 分别 in its clause (-1: none)
        self.dist_count = dist_count
        self.list_item = list_item  # the segment continues a list after the figure before it (、政府合同86件)
        self.prev_code = prev_code  # the code of the figure before it in its sentence (None: none coded)
        self.prev_end = prev_end  # where that figure ends (-1: none in the sentence)
        self.concepts = concepts  # the concepts of every word of the sentence (a superset of what is lent)
        # the clause of the nearest figure before it in the sentence with the same measure: a part (其中…3次)
        # or a change (较上年增加12件) lends that figure's words before any other's ((-1, -1): none)
        self.lend0, self.lend1 = lend
        self.dist_verb = dist_verb  # a change word before the figures of a 分别 list (they are all changes)
        self.prefecture_other = prefecture_other  # 全市, 市政府 … are another body (a report of a 县, 区 or 旗)
        self._lead: list[Hit] | None = None
        self._lead_of = lead_of

    def lead(self) -> list[Hit]:
        """The cue words of the paragraph's lead (read only when asked: most figures never need it)."""
        if self._lead is None:
            self._lead = self._lead_of.hits()
        return self._lead

    def shared(self) -> LeadSource:
        """What the figures of the sentence share."""
        return self._lead_of


class Reading:
    """What a quantity states: its code (None: no indicator), value kind, sign, the cues that decided it and
    the span of its surface."""

    __slots__ = ("code", "kind", "sign", "cues", "s0", "s1")

    def __init__(self, code: str | None, kind: str, sign: float, cues: tuple[str, ...], s0: int, s1: int) -> None:
        self.code = code
        self.kind = kind
        self.sign = sign
        self.cues = cues
        self.s0 = s0
        self.s1 = s1


def has(hits: list[Hit], concept: str) -> bool:
    for h in hits:
        if concept in h.cue.concepts:
            return True
    return False


def any_in(concepts: tuple[str, ...], have: frozenset[str] | set[str]) -> bool:
    """Is one of `concepts` in `have`? (a loop of set lookups: cheaper than isdisjoint on a few concepts)"""
    for c in concepts:
        if c in have:
            return True
    return False


def last_of(hits: list[Hit], concepts: tuple[str, ...]) -> Hit | None:
    """The last hit of `hits` with one of `concepts` (the nearest, for hits before a number)."""
    found: Hit | None = None
    for h in hits:
        if any_in(concepts, h.cue.concepts):
            found = h
    return found


def first_of(hits: list[Hit], concepts: tuple[str, ...]) -> Hit | None:
    for h in hits:
        if any_in(concepts, h.cue.concepts):
            return h
    return None


def last_role(hits: list[Hit], roles: tuple[str, ...]) -> Hit | None:
    """The last hit of `hits` in one of `roles`."""
    found: Hit | None = None
    for h in hits:
        if h.cue.role in roles:
            found = h
    return found


def nearest_role(hits: list[Hit], roles: tuple[str, ...], sc: Scope) -> Hit | None:
    """The hit in `roles` nearest to the clause among sentence words (before it: the last; after: the first)."""
    got: Hit | None = None
    for h in hits:
        if h.end <= sc.c0 and h.cue.role in roles:
            got = h
    if got is None:
        for h in hits:
            if h.start >= sc.c1 and h.cue.role in roles:
                return h
    return got


def residue(t: str, a: int, b: int, hits: list[Hit], transparent_only: bool, glue: list[Hit]) -> int:
    """Ideographs of t[a:b] covered neither by `hits` (by their transparent ones only, when asked) nor by
    `glue` (glue words of that stretch, `cues.glue_in`)."""
    if b <= a:
        return 0
    covered = [0] * (b - a)
    for h in hits:
        if h.end > a and h.start < b and not (transparent_only and not h.cue.clear):
            for k in range(max(h.start, a) - a, min(h.end, b) - a):
                covered[k] = 1
    for h in glue:
        if h.end > a and h.start < b:
            for k in range(max(h.start, a) - a, min(h.end, b) - a):
                covered[k] = 1
    n = 0
    for i in range(a, b):
        if not covered[i - a]:
            c = ord(t[i])
            if 0x4E00 <= c <= 0x9FFF:
                n += 1
    return n


def cover_of(a: int, b: int, hits: list[Hit], glue: list[Hit]) -> list[int]:
    """What covers each character of [a, b): 0 nothing, 1 a transparent word (glue, frame), 2 another word."""
    cover = [0] * max(0, b - a)
    for h in hits:
        if h.end > a and h.start < b and not h.cue.clear:
            for k in range(max(h.start, a) - a, min(h.end, b) - a):
                cover[k] = 2
    for hits_ in (hits, glue):
        for h in hits_:
            if h.end > a and h.start < b and h.cue.clear:
                for k in range(max(h.start, a) - a, min(h.end, b) - a):
                    cover[k] = 1
    return cover


def open_count(t: str, cover: list[int], a: int, x: int, y: int, transparent_only: bool) -> int:
    """Ideographs of [x, y) (inside the [a, …) of `cover`) not covered (by a transparent word, when asked)."""
    n = 0
    for i in range(x, y):
        c = cover[i - a]
        if c == 0 or (transparent_only and c == 2):
            o = ord(t[i])
            if 0x4E00 <= o <= 0x9FFF:
                n += 1
    return n


def head_of(t: str, q: Qty, sc: Scope, cover: list[int]) -> Hit | None:
    """The word next to the number: the last non-transparent word before it with nothing but transparent
    words between, else the first one after the measure (`cover`: cover_of the own segment before it)."""
    left = sc.own_left
    for k in range(len(left) - 1, -1, -1):
        h = left[k]
        if h.cue.clear:
            continue
        if open_count(t, cover, sc.l0, h.end, q.unit_start, True) == 0:
            return h
        break
    for h in sc.own_right:
        if h.cue.clear:
            continue
        if residue(t, q.end, h.start, sc.own_right, True, glue_in(t, q.end, h.start)) == 0:
            return h
        break
    return None


_MEASURE_LABELS: Final[dict[str, str]] = {}


def labels(used: list[Hit], q: Qty) -> tuple[str, ...]:
    """The labels of the words that decided a reading, the measure's last (as recorded with an indicator)."""
    m = q.measure or q.base
    label = _MEASURE_LABELS.get(m)
    if label is None:
        label = _MEASURE_LABELS[m] = "measure:" + m
    out = [h.cue.label for h in used]
    out.append(label)
    return tuple(out)


def span(q: Qty, used: list[Hit], sc: Scope) -> tuple[int, int]:
    """The surface of a reading: the figure and the deciding words of its clause."""
    s0, s1 = q.unit_start, q.end
    for h in used:
        if sc.c0 <= h.start and h.end <= sc.c1:
            s0, s1 = min(s0, h.start), max(s1, h.end)
    return s0, s1


def unread_list(t: str, sc: Scope) -> bool:
    """After 分别/依次, is there a 、-list of as many items as figures before it of which neither the things nor
    the verbs are read one each, nor a thing named after them that they qualify (so no figure can be given its
    item)?"""
    dist = last_of(sc.clause_left + sc.own_left, ("distrib",))
    if dist is None or t.count("、", sc.c0, dist.start) + 1 != sc.dist_count:
        return False
    before = [h for h in sc.clause_left + sc.own_left if h.end <= dist.start]
    last = t.rfind("、", sc.c0, dist.start)
    if any(not h.cue.clear and h.start > last for h in before):
        return False  # 线上、线下执法培训分别…: the items qualify the words after them
    return (len(one_each([h for h in before if h.cue.thing])) != sc.dist_count
            and len(one_each([h for h in before if h.cue.role == "action"])) != sc.dist_count)


def one_each(hits: list[Hit]) -> list[Hit]:
    """`hits` without those overlapping the one before (one word each)."""
    out: list[Hit] = []
    for h in hits:
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


LIST_REACH: Final = 60  # characters of a 、-list before 分别 read for its items, at most


def list_item(t: str, sc: Scope, end: int) -> list[Hit] | None:
    """The words of the figure's item in the 、-list that ends at `end` (before 分别), when the list has one item
    per figure and each item words of its own; else None. Constant work: a list longer than LIST_REACH
    characters is not read."""
    if end - sc.c0 > LIST_REACH:
        return None
    cuts = [k for k in range(sc.c0, end) if t[k] == "、"]
    if len(cuts) + 1 != sc.dist_count:
        return None
    bounds = [sc.c0] + [k + 1 for k in cuts] + [end]
    items = [[h for h in sc.clause_left + sc.own_left if bounds[j] <= h.start and h.end <= bounds[j + 1] - (j < len(cuts))
              and (h.cue.thing or h.cue.role == "action")] for j in range(sc.dist_count)]
    return one_each(items[sc.dist_rank]) if all(items) else None


_CLAUSE_END: Final = frozenset("，,。；;：:、）)")
_INTENT: Final = re.compile(INTENT)
_ORDINAL: Final = re.compile(f"第[0-9一二三四五六七八九十]+[{ORDINAL_MEASURES}]")


def planned(t: str, q: Qty, sc: Scope) -> bool:
    """Does a plan word earlier in the sentence, before the figure's clause, frame the figure (计划组织轮训8期，
    培训1,000人次以上), or 拟 as an intent in its clause or opening its sentence (拟再精简…20项)? Not a plan word
    used as a reference (按计划完成…, 对照年度目标…)."""
    for h in sc.sentence if "plan" in sc.concepts else ():
        if (h.start < q.start and "plan" in h.cue.concepts and t.startswith(PLAN_LEADS, h.start)
                and t[h.end:h.end + 1] not in _CLAUSE_END
                and not t.endswith(PLAN_REFERENCE, max(0, h.start - 2), h.start)):
            return True  # (纳入年度学习计划，…: a plan named as a thing, ending its clause, frames nothing)
    m = _INTENT.search(t, sc.s0, q.start) if t.find("拟", sc.s0, q.start) >= 0 else None
    while m is not None:
        if m.start() >= sc.c0 or t[sc.s0:m.start()].strip() in INTENT_OPENERS:
            return True
        m = _INTENT.search(t, m.end(), q.start)
    return False


def bound_or_ordinal(t: str, q: Qty, c0: int) -> bool:
    """Is the figure a bound to reach (不少于12场, 不超过3件: the scanner keeps the bound in the quantity) or, by an
    ordinal in its clause before it, the figure of one meeting, session or batch (第二期培训班共40人)?"""
    if t.startswith(PLAN_BOUNDS, q.start) or t.startswith(PLAN_BOUNDS, max(0, q.start - 1)):
        return True
    return t.find("第", c0, q.unit_start) >= 0 and _ORDINAL.search(t, c0, q.unit_start) is not None
