"""How a frame (frames.py) is matched against the words around a figure, level by level (pure functions).

    lv = Levels(scope, own, objects)
    match_frame(frame, lv, open_, acts_open, review)  # -> (object level, object, action level, action, context)

Levels, nearest first: OWN (the figure's own segment), CLAUSE (the rest of its clause), SENTENCE (the other
clauses that may lend: those before it and those after it without a figure), PARAGRAPH (the paragraph's lead).
An object comes from beyond OWN only when the segment is open, and then it is the thing named nearest to
the figure at that level (in the clause of the figure before it with the same measure, when there is one);
an action comes from beyond OWN only when `acts_open`, except from a later clause without a figure (…共17项，
均经过合法性审查). `review`: how many kinds of reviewed document are named, and the one specific kind of the
sentence (规范性文件、合同…: a combined total; 审核文件45件 after 规范性文件…: that kind).
"""

from __future__ import annotations

from typing import Final

from countyreports.reading.indicators.cues import Hit
from countyreports.reading.indicators.frames import Frame
from countyreports.reading.indicators.scope import Scope, any_in, last_of, last_role, nearest_role

OWN: Final = 4  # the levels of the words around a figure
CLAUSE: Final = 3
SENTENCE: Final = 2
PARAGRAPH: Final = 1
_OBJECT_ROLES: Final = ("object", "blocker")
_REVIEW_ORDER: Final = ("normdoc", "decision", "contract", "doc_generic")
_REVIEW: Final = frozenset(_REVIEW_ORDER)


class Levels:
    """The words of a figure's levels as maps concept → the last word with it (built when first asked), and the
    nearest thing named at each level that lends: what `_match` asks, frame after frame."""

    __slots__ = ("sc", "own", "objects", "_maps", "_nearest")

    def __init__(self, sc: Scope, own: list[Hit], objects: list[list[Hit]]) -> None:
        self.sc = sc
        self.own = own
        self.objects = objects
        self._maps: dict[int, dict[str, Hit]] = {}
        self._nearest: dict[int, Hit | None] = {}

    def words(self, level: int) -> list[Hit]:
        sc = self.sc
        if level == OWN:
            return self.own
        if level == CLAUSE:
            return sc.clause_left + sc.clause_right
        if level == SENTENCE:
            return sc.sentence
        if level == _RIGHT:  # the later clauses without a figure of their own
            return [h for h in sc.sentence if h.start >= sc.c1]
        return sc.lead()

    def last(self, level: int, concepts: tuple[str, ...]) -> Hit | None:
        """The last word of `level` with one of `concepts` (for _RIGHT: the first)."""
        m = self._maps.get(level)
        if m is None:
            m = {}
            hits = self.words(level)
            for h in (reversed(hits) if level == _RIGHT else hits):
                for c in h.cue.names:
                    m[c] = h
            self._maps[level] = m
        found: Hit | None = None
        for c in concepts:
            got = m.get(c)
            if got is not None and (found is None or (
                    got.start < found.start if level == _RIGHT else got.start > found.start)):
                found = got
        return found

    def nearest_object(self, level: int) -> Hit | None:
        """The thing named nearest to the figure at a lending level: in the clause of the figure before it with
        the same measure when there is one (a part, a change), else the nearest."""
        if level in self._nearest:
            return self._nearest[level]
        sc = self.sc
        hit: Hit | None = None
        if level == PARAGRAPH:
            hit = last_role(sc.lead(), _OBJECT_ROLES)
        else:
            hits = self.objects[OWN - level]
            if level == SENTENCE and sc.lend0 >= 0:
                hit = last_role([h for h in hits if sc.lend0 <= h.start < sc.lend1], _OBJECT_ROLES)
            if hit is None:
                hit = nearest_role(hits, _OBJECT_ROLES, sc) if level == SENTENCE else last_role(hits, _OBJECT_ROLES)
        self._nearest[level] = hit
        return hit


_RIGHT: Final = 0  # (a level of `_Levels`: the later clauses of the sentence that hold no figure)


def match_frame(f: Frame, lv: Levels, open_: bool, acts_open: bool,
           review: tuple[int, str | None]) -> tuple[int, Hit | None, int, Hit | None, Hit | None] | None:
    """(object level, object, action level, action, context) of frame `f` for the figure, or None."""
    o_level, o_hit = 0, None
    if f.objects:
        concepts: tuple[str, ...] = f.objects
        if f.multi and lv.last(OWN, ("stock",)) is not None and lv.last(OWN, ("legality",)) is not None \
                and lv.last(OWN, _REVIEW_ORDER) is None:
            return _actions_and_context(f, OWN, None, lv, acts_open)  # 合法性审查总数达到263件: the total, said so
        if f.multi and review[0] >= 2:
            concepts = _REVIEW_ORDER
        elif f.multi and review[1] is not None:
            return None  # a generic 文件 of a sentence about one kind of document: that kind's frame
        elif review[1] is not None and review[1] in f.objects:
            concepts = (*f.objects, "doc_generic")
        elif not f.multi and review[0] >= 2 and any_in(f.objects, _REVIEW):
            return None  # several kinds of document: the combined total
        if f.multi and (lv.last(OWN, ("legality",)) is not None and lv.last(OWN, _REVIEW_ORDER) is None
                        or lv.last(OWN, ("review",)) is not None and "legality" in lv.sc.concepts
                        and _REVIEW.isdisjoint(lv.sc.concepts)):
            # 合法性审查 alone names what it counts: legality reviews of every kind (also when said elsewhere in
            # a sentence that names no kind of document: 作为合法性审查机构，全年审查各类事项186件次)
            return _actions_and_context(f, SENTENCE, None, lv, acts_open)
        n = len(lv.objects)
        for level in (OWN, CLAUSE, SENTENCE, PARAGRAPH):
            if level < OWN and not open_ or OWN - level >= n and level != PARAGRAPH or level == PARAGRAPH and n < 3:
                break
            if level == OWN:
                hit = lv.last(OWN, concepts) if n > 1 else last_of(lv.objects[0], concepts)
            else:  # words lent by other clauses: the nearest thing named there is what the figure counts
                hit = lv.nearest_object(level)
                if hit is not None and not any_in(concepts, hit.cue.concepts):
                    return None
            if hit is not None:
                o_level, o_hit = level, hit
                break
        if o_hit is None:
            return None
    if o_level < OWN and f.avoid_lent and lv.last(OWN, f.avoid_lent) is not None:
        return None
    return _actions_and_context(f, o_level, o_hit, lv, acts_open)


def _actions_and_context(f: Frame, o_level: int, o_hit: Hit | None, lv: Levels,
                         acts_open: bool) -> tuple[int, Hit | None, int, Hit | None, Hit | None] | None:
    """The rest of `_match`: the frame's action and context, once its object is found."""
    a_level, a_hit = 0, None
    if f.actions:
        for level in (OWN, CLAUSE, SENTENCE, PARAGRAPH):
            if level < OWN and not acts_open:  # a later clause without a figure still speaks of this one
                hit = lv.last(_RIGHT, f.actions)
                if hit is not None:
                    a_level, a_hit = SENTENCE, hit
                break
            hit = lv.last(level, f.actions)
            if hit is not None:
                a_level, a_hit = level, hit
                break
        if a_hit is None:
            return None
    c_hit = None
    if f.context or f.context_clause:
        want = f.context or f.context_clause
        for level in (OWN, CLAUSE, SENTENCE, PARAGRAPH):
            if level < CLAUSE and not f.context:
                break
            c_hit = lv.last(level, want)
            if c_hit is not None:
                break
        if c_hit is None:
            return None
    return o_level, o_hit, a_level, a_hit, c_hit
