"""Which code a quantity states, read from the concepts around it (pure functions).

    reading = attribute(t, q, around)        # around: the cue words of its sentence, sorted by level

The words around a quantity are taken in levels: its own segment (its clause between the quantities before
and after it: ``、结案35件`` is the segment of 35), the rest of its clause, the rest of its sentence (the
clauses before it, and those after it that hold no quantity of their own), and the paragraph's lead (the
sentences before it on its line). A frame (frames.py) is satisfied by its objects, actions and context
found there; objects and actions come from outside the own segment only when the segment names nothing of
its own (``其中审结26件``, ``全年轮训九期``, ``较上年增加12件``: an *open* segment).

Before any frame: a figure is no indicator when it stands in brackets, in a plan or target (力争, 计划,
不少于 …), per unit (每千人, 人均 …), for another body (全省…, 市中级人民法院 … as the subject; 各县区 …), when
the word next to it is a counted thing that is no indicator (模板, 企业, 一审 …), or when it is carried over
(结转). ``其中`` (a part of a total) is coded only by words of its own.

A change (value_kind ``change``) is a difference: a change verb right before the number (较上年增加12件,
多开展50场, 净增2860户), never one followed by 到/至/为 (增加到7次 is a value); for a stock (items, staff,
entities) also a reduction or increase of the stock itself (取消证明材料87项 = −87). Decreases are negative.
A percent figure is coded by the rate word before it (败诉率, 出庭应诉的比率, …的占88.9%) and the concept the
word is attached to; a rate's change is only in 个百分点 (a relative % change of a count is no figure).
"""

from __future__ import annotations

from countyreports.reading.indicators.cues import TRANSPARENT, Hit, scan_cues
from countyreports.reading.indicators.frames import FRAMES, Frame
from countyreports.reading.indicators.quantities import Qty, ends_with_to
from countyreports.reading.indicators.taxonomy import CODES

OWN, CLAUSE, SENTENCE, PARAGRAPH = 4, 3, 2, 1
_OBJECT_ROLES = ("object", "blocker")
_PREPOSITIONS = frozenset("向对报经与同和给为在于")
_SPECIFIC = ("normdoc", "decision", "contract")
_REVIEW = ("normdoc", "decision", "contract", "doc_generic")
_RATE_FRAMES: tuple[tuple[int, Frame], ...] = tuple((i, f) for i, f in enumerate(FRAMES) if f.rate)
#: frames by the measure they accept (changes of a rate: 个百分点)
_BY_MEASURE: dict[str, tuple[tuple[int, Frame], ...]] = {}
for _i, _f in enumerate(FRAMES):
    if not _f.rate:
        for _m in CODES[_f.code].measures:
            _BY_MEASURE[_m] = (*_BY_MEASURE.get(_m, ()), (_i, _f))


class Around:
    """The cue words around one quantity, by level (see module doc), and the spans they were read from."""

    __slots__ = ("own_left", "own_right", "clause_left", "clause_right", "sentence", "l0", "c0", "c1",
                 "after_break", "dist_rank", "dist_count", "list_item", "prev_code", "prev_end", "_lead", "_lead_of")

    def __init__(self, own_left: list[Hit], own_right: list[Hit], clause_left: list[Hit],
                 clause_right: list[Hit], sentence: list[Hit], l0: int, c0: int, c1: int, after_break: bool,
                 dist_rank: int, dist_count: int, list_item: bool, prev_code: str | None, prev_end: int,
                 lead_of: LeadSource) -> None:
        self.own_left = own_left  # own segment, before the number
        self.own_right = own_right  # own segment, after the measure
        self.clause_left = clause_left  # the rest of the clause, before / after the own segment
        self.clause_right = clause_right
        self.sentence = sentence  # the other clauses of the sentence that may lend words
        self.l0 = l0  # where the own segment starts
        self.c0 = c0  # the clause
        self.c1 = c1
        self.after_break = after_break  # the clause starts right after a lost span (U+FFFD)
        self.dist_rank = dist_rank  # rank of the figure among those after 分别 in its clause (-1: none)
        self.dist_count = dist_count
        self.list_item = list_item  # the segment continues a list after the figure before it (、政府合同86件)
        self.prev_code = prev_code  # the code of the figure before it in its sentence (None: none coded)
        self.prev_end = prev_end  # where that figure ends (-1: none in the sentence)
        self._lead: list[Hit] | None = None
        self._lead_of = lead_of

    def lead(self) -> list[Hit]:
        """The cue words of the paragraph's lead (read only when asked: most figures never need it)."""
        if self._lead is None:
            self._lead = self._lead_of.hits()
        return self._lead


class LeadSource:
    """Where the paragraph's lead of a sentence is, and its cue words once read (shared by the sentence)."""

    __slots__ = ("t", "a", "b", "_hits")

    def __init__(self, t: str, a: int, b: int) -> None:
        self.t = t
        self.a = a
        self.b = b
        self._hits: list[Hit] | None = None

    def hits(self) -> list[Hit]:
        if self._hits is None:
            self._hits = scan_cues(self.t, self.a, self.b) if self.a < self.b else []
        return self._hits


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


def _has(hits: list[Hit], concept: str) -> bool:
    for h in hits:
        if concept in h.cue.concepts:
            return True
    return False


def _any(hits: list[Hit], concepts: tuple[str, ...]) -> Hit | None:
    """The last hit of `hits` with one of `concepts` (the nearest, for hits before a number)."""
    found: Hit | None = None
    for h in hits:
        for c in concepts:
            if c in h.cue.concepts:
                found = h
                break
    return found


def _any_role(hits: list[Hit], roles: tuple[str, ...]) -> Hit | None:
    """The last hit of `hits` in one of `roles`."""
    found: Hit | None = None
    for h in hits:
        if h.cue.role in roles:
            found = h
    return found


def _first(hits: list[Hit], concepts: tuple[str, ...]) -> Hit | None:
    for h in hits:
        for c in concepts:
            if c in h.cue.concepts:
                return h
    return None


def _residue(t: str, a: int, b: int, hits: list[Hit], skip_transparent: bool) -> int:
    """Ideographs of t[a:b] not covered by `hits` (by their non-transparent ones only, when asked)."""
    n = 0
    pos = a
    for h in hits:
        if h.end <= a or h.start >= b:
            continue
        if skip_transparent and h.cue.role not in TRANSPARENT:
            continue
        n += _ideographs(t, pos, max(pos, h.start))
        pos = max(pos, h.end)
    return n + _ideographs(t, pos, b)


def _ideographs(t: str, a: int, b: int) -> int:
    n = 0
    for i in range(a, b):
        if "\u4e00" <= t[i] <= "\u9fff":
            n += 1
    return n


def _head(t: str, q: Qty, ar: Around) -> Hit | None:
    """The word next to the number: the last non-transparent word before it with nothing but transparent
    words between, else the first one after the measure."""
    left = ar.own_left
    for k in range(len(left) - 1, -1, -1):
        h = left[k]
        if h.cue.role in TRANSPARENT:
            continue
        if _residue(t, h.end, q.unit_start, left, True) == 0:
            return h
        break
    for h in ar.own_right:
        if h.cue.role in TRANSPARENT:
            continue
        if _residue(t, q.end, h.start, ar.own_right, True) == 0:
            return h
        break
    return None


def _change(t: str, q: Qty, ar: Around) -> Hit | None:
    """The change word that makes `q` a difference (None: a value) — see module doc."""
    if q.from_value is not None or ends_with_to(t[max(ar.l0, q.unit_start - 16):q.unit_start]):
        return None
    left = ar.own_left
    for k in range(len(left) - 1, -1, -1):
        h = left[k]
        cs = h.cue.concepts
        if "up" in cs or "down" in cs:
            if _residue(t, h.end, q.unit_start, left, True) == 0 or _has(left, "baseline"):
                return h
            return None
        if h.cue.role not in TRANSPARENT and h.cue.role != "action":
            return None
    return None


def _sign(h: Hit) -> float:
    return 1.0 if "up" in h.cue.concepts else -1.0


def _vetoed(t: str, q: Qty, ar: Around) -> bool:
    if q.bracketed or q.kind != "value":
        return True
    own = ar.own_left
    if _has(own, "per") or _has(own, "carry") or _has(own, "compare_other"):
        return True
    if _has(own, "plan") or _has(ar.own_right, "plan") or _has(ar.clause_left, "plan") or _has(ar.clause_right, "plan"):
        return True
    if _has(own, "future") or _has(ar.clause_left, "future") or _has_left(ar.sentence, q, "future"):
        return True
    if _has(own, "peer_units") or _has(ar.clause_left, "peer_units"):
        return True
    for k, h in enumerate(ar.clause_left + own):  # the subject: the first word of the clause that says something
        if h.cue.role == "glue":
            if k == 0 and h.cue.word in _PREPOSITIONS:
                break  # 向县人大常委会报送备案…: a recipient, not the subject
            continue
        if "other_body" in h.cue.concepts:
            return True
        break
    return False


def _sentence_subject_elsewhere(ar: Around) -> bool:
    """Is the subject of the sentence's first clause (before the figure's) another body?"""
    for k, h in enumerate(ar.sentence):
        if h.end > ar.c0:
            return False
        if h.cue.role == "glue":
            if k == 0 and h.cue.word in _PREPOSITIONS:
                return False
            continue
        return "other_body" in h.cue.concepts
    return False


def _has_left(hits: list[Hit], q: Qty, concept: str) -> bool:
    for h in hits:
        if h.start < q.start and concept in h.cue.concepts:
            return True
    return False


def attribute(t: str, q: Qty, ar: Around) -> Reading:
    """The reading of quantity `q` (module doc)."""
    none = Reading(None, "value", 1.0, (), q.unit_start, q.end)
    verb = _change(t, q, ar)
    kind, sign = ("change", _sign(verb)) if verb is not None else ("value", 1.0)
    none.kind = kind
    if _vetoed(t, q, ar):
        return none
    head = _head(t, q, ar)
    if head is not None and head.cue.role == "blocker":
        return none
    residue = _residue(t, ar.l0, q.unit_start, ar.own_left, False)
    own = ar.own_left + ar.own_right
    own_objects = [h for h in own if h.cue.role in ("object", "blocker")]
    open_ = residue <= 1 and not own_objects
    if open_ and _sentence_subject_elsewhere(ar):
        return none  # 全省…败诉率为11.6%，同比下降2.2个百分点: the words lent are another body's
    # an action said elsewhere applies to the figure when its own words name no action, and no object either
    # — unless that object is a part of a total (其中规范性文件12件、…) or a generic word (共涉及文件64件) — and
    # the figure is not a change said of its own (净增3120户 is no 新增)
    acts_open = residue <= 1 and not any(h.cue.role == "action" for h in own) and (
        not own_objects or _has(ar.own_left, "part") or _has(ar.clause_left, "part") or ar.list_item
        or all("doc_generic" in h.cue.concepts for h in own_objects)) and not (verb is not None and not own_objects)
    if residue <= 1 and ar.prev_code is not None and ar.dist_rank < 0 and all(h.cue.role in TRANSPARENT for h in own):
        # nothing but 达到/为/共 (…较上年增加120人，达到1560人): the code of the figure before it, if it fits
        code = ar.prev_code
        if q.base in CODES[code].measures or (q.base == "个百分点" and kind == "change"
                                              and CODES[code].unit == "percent"):
            if (q.base == "%" and kind == "change") or (q.base == "个百分点" and kind != "change"):
                return none
            return Reading(code, kind, sign, (f"ellipsis:{code}", f"measure:{q.measure or q.base}"),
                           q.unit_start, q.end)
    if q.base == "%" or q.base == "个百分点":
        if (q.base == "%") == (kind == "change"):
            return none
        return _rate(t, q, ar, open_, kind, sign, verb, none)
    frames = _BY_MEASURE.get(q.base)
    if frames is None:
        return none
    objects, own = _objects(ar, own)
    best: tuple[tuple[int, int, int, int, int, int], Frame, Hit | None, Hit | None, Hit | None] | None = None
    review = _review_count(objects, open_, ar)
    for i, f in frames:
        got = _match(f, objects, ar, own, open_, acts_open, review)
        if got is None:
            continue
        o_level, o_hit, a_level, a_hit, c_hit = got
        dist = -abs(q.start - o_hit.end) if o_hit is not None else -999
        # the thing named next to the number, the figure's own action, the nearest object, then a frame that
        # needs no action from a later clause (收案60件，已全部审结: 60 is received, not closed)
        key = (int(head is not None and head is o_hit), int(a_level == OWN), o_level,
               -int(a_hit is not None and a_level < OWN and a_hit.start >= ar.c1), dist, -i)
        if best is None or key > best[0]:
            best = (key, f, o_hit, a_hit, c_hit)
    if best is None:
        return none
    key, f, o_hit, a_hit, c_hit = best
    part = _has(ar.own_left, "part")
    if part and not key[1] and key[2] < OWN and not (c_hit and c_hit.start >= ar.l0):
        return none  # 其中…: a part, coded only by its own words
    if (f.lead and key[2] < OWN and not part and o_hit is not None and o_hit.end <= ar.prev_end
            and any(c in h.cue.concepts for h in own for c in f.context)):
        return none  # 听取法治…汇报4次 after 政府常务会议…6次: its own topic, not a figure of the body before it
    if part and any(h.cue.role == "blocker" for h in own):
        return none  # 其中乡镇综合执法人员212人: a part by unit or place
    if f.lead and (_has(own, "subordinate") or _has(ar.clause_left, "subordinate")):
        return none
    if f.stock and kind == "value" and o_hit is not None and o_hit.start >= ar.l0:
        verb = _first([h for h in ar.own_left if h.end <= o_hit.start], ("up", "down"))
        if verb is not None and not ends_with_to(t[ar.l0:q.unit_start]):
            kind, sign = "change", _sign(verb)
    used = [h for h in (o_hit, a_hit, c_hit) if h is not None]
    if kind == "change" and verb is not None:
        used.append(verb)
    if ar.after_break and _abuts_break(t, q, ar):
        return none  # the words that decide start right after a lost span: they may be cut
    return Reading(f.code, kind, sign if kind == "change" else 1.0, _labels(used, q), *_span(q, used, ar))


def _abuts_break(t: str, q: Qty, ar: Around) -> bool:
    """Does the first word of the figure's clause that says something follow the lost span that opens the
    clause, with nothing but transparent words between (the subject may be cut: 〓政府常务会议会前学法13次)?"""
    for h in ar.clause_left + ar.own_left:
        if h.cue.role not in TRANSPARENT:
            return _residue(t, ar.c0, h.start, ar.clause_left + ar.own_left, True) == 0
    return False


def _labels(used: list[Hit], q: Qty) -> tuple[str, ...]:
    return (*(h.cue.label for h in used), f"measure:{q.measure or q.base}")


def _span(q: Qty, used: list[Hit], ar: Around) -> tuple[int, int]:
    s0, s1 = q.unit_start, q.end
    for h in used:
        if ar.c0 <= h.start and h.end <= ar.c1:
            s0, s1 = min(s0, h.start), max(s1, h.end)
    return s0, s1


def _objects(ar: Around, own: list[Hit]) -> tuple[list[list[Hit]], list[Hit]]:
    """Object words by level (own segment, clause, sentence; the paragraph's lead is read when needed) and the
    figure's own words. After 分别 (``县委常委会、县政府常务会议分别研究…5次、7次``) each figure has the subject
    of its rank, when the counts agree, and its own words are those after 分别."""
    if ar.dist_rank >= 0:
        dist = _any(ar.clause_left + ar.own_left, ("distrib",))
        if dist is not None:
            subjects: list[Hit] = []
            for h in ar.clause_left + ar.own_left:
                if h.end <= dist.start and h.cue.role in ("object", "blocker"):
                    if subjects and h.start < subjects[-1].end:  # overlapping words: one subject
                        continue
                    subjects.append(h)
            if len(subjects) == ar.dist_count:
                mine = [h for h in ar.own_left if h.start >= dist.end] + ar.own_right
                return [[subjects[ar.dist_rank]]], mine + [subjects[ar.dist_rank]]
    return [own, ar.clause_left + ar.clause_right, ar.sentence], own


def _review_count(objects: list[list[Hit]], open_: bool, ar: Around) -> tuple[int, str | None]:
    """(distinct review objects where the first is found, the one specific object of the sentence or None)."""
    levels = objects if open_ else objects[:1]
    found = 0
    for hits in levels:
        kinds = {c for h in hits for c in _REVIEW if c in h.cue.concepts}
        if kinds:
            found = len(kinds)
            break
    specific = {c for hits in objects for h in hits for c in _SPECIFIC if c in h.cue.concepts}
    return found, (specific.pop() if len(specific) == 1 else None)


def _match(f: Frame, objects: list[list[Hit]], ar: Around, own: list[Hit], open_: bool, acts_open: bool,
           review: tuple[int, str | None]) -> tuple[int, Hit | None, int, Hit | None, Hit | None] | None:
    for h in own:
        for c in f.avoid:
            if c in h.cue.concepts:
                return None
    o_level, o_hit = 0, None
    if f.objects:
        concepts = f.objects
        if f.multi and review[0] >= 2:
            concepts = _REVIEW
        elif f.multi and review[1] is not None:
            return None  # a generic 文件 of a sentence about one kind of document: that kind's frame
        elif review[1] is not None and review[1] in f.objects:
            concepts = (*f.objects, "doc_generic")
        elif not f.multi and review[0] >= 2 and any(c in _REVIEW for c in f.objects):
            return None  # several kinds of document: the combined total
        if f.multi and _any(own, ("legality",)) is not None and _any(own, _REVIEW) is None:
            return _actions_and_context(f, SENTENCE, None, objects, ar, own, acts_open)  # 合法性审查 alone names
            # what it counts: legality reviews of every kind
        for level in (OWN, CLAUSE, SENTENCE, PARAGRAPH):
            if level < OWN and not open_ or OWN - level >= len(objects) and level != PARAGRAPH:
                break
            if level == PARAGRAPH:
                if len(objects) < 3:
                    break
                hits = ar.lead()
            else:
                hits = objects[OWN - level]
            if level == OWN:
                hit = _any(hits, concepts)
            else:  # words lent by other clauses: the nearest thing named there is what the figure counts
                hit = _nearest(hits, _OBJECT_ROLES, ar) if level == SENTENCE else _any_role(hits, _OBJECT_ROLES)
                if hit is not None and not any(c in hit.cue.concepts for c in concepts):
                    return None
            if hit is not None:
                o_level, o_hit = level, hit
                break
        if o_hit is None:
            return None
    if o_level < OWN and f.avoid_lent and any(c in h.cue.concepts for h in own for c in f.avoid_lent):
        return None
    return _actions_and_context(f, o_level, o_hit, objects, ar, own, acts_open)


def _actions_and_context(f: Frame, o_level: int, o_hit: Hit | None, objects: list[list[Hit]], ar: Around,
                         own: list[Hit], acts_open: bool) -> tuple[int, Hit | None, int, Hit | None, Hit | None] | None:
    """The rest of `_match`: the frame's action and context, once its object is found."""
    a_level, a_hit = 0, None
    if f.actions:
        for level in (OWN, CLAUSE, SENTENCE, PARAGRAPH):
            if level < OWN and not acts_open:  # a later clause without a figure still speaks of this one
                hit = _first([h for h in ar.sentence if h.start >= ar.c1], f.actions)
                if hit is not None:
                    a_level, a_hit = SENTENCE, hit
                break
            hits = own if level == OWN else ar.clause_left + ar.clause_right if level == CLAUSE else \
                ar.sentence if level == SENTENCE else ar.lead()
            hit = _any(hits, f.actions)
            if hit is not None:
                a_level, a_hit = level, hit
                break
        if a_hit is None:
            return None
    c_hit = None
    if f.context or f.context_clause:
        want = f.context or f.context_clause
        for k in range(5 if f.context else 3):
            hits = own if k == 0 else ar.clause_left if k == 1 else ar.clause_right if k == 2 else \
                ar.sentence if k == 3 else ar.lead()
            c_hit = _any(hits, want)
            if c_hit is not None:
                break
        if c_hit is None:
            return None
    return o_level, o_hit, a_level, a_hit, c_hit


def _nearest(hits: list[Hit], roles: tuple[str, ...], ar: Around) -> Hit | None:
    """The hit in `roles` nearest to the clause among sentence words (before it: the last; after: the first)."""
    got = _any_role([h for h in hits if h.end <= ar.c0], roles)
    if got is None:
        for h in hits:
            if h.start >= ar.c1 and h.cue.role in roles:
                return h
    return got


def _rate(t: str, q: Qty, ar: Around, open_: bool, kind: str, sign: float, verb: Hit | None,
          none: Reading) -> Reading:
    """A percent figure (or its change in 个百分点): the code of the rate word before it (module doc)."""
    scope = ar.own_left
    rate = _any(scope, ("rate",))
    if rate is None and open_:
        scope = ar.clause_left + ar.own_left
        rate = _any([h for h in scope if h.end <= q.start], ("rate",))
        if rate is None:
            scope = [h for h in ar.sentence if h.end <= ar.c0] + scope
            rate = _any(scope, ("rate",))
    if rate is None:
        return none
    before = [h for h in scope if h.end <= rate.start]
    attached: Hit | None = None
    if rate.cue.word == "占":
        attached = _any(before, tuple(c for _, f in _RATE_FRAMES for c in f.rate))
    else:
        for k in range(len(before) - 1, -1, -1):
            h = before[k]
            if h.cue.role == "glue" and h.cue.word in ("的", "之"):
                continue
            if _residue(t, h.end, rate.start, before, True) == 0:
                attached = h
            break
    if attached is None:
        return none
    for _, f in _RATE_FRAMES:
        if not any(c in attached.cue.concepts for c in f.rate):
            continue
        c_hit = None
        if f.context:
            pool = ar.own_left + ar.own_right + ar.clause_left + ar.clause_right + ar.sentence + ar.lead()
            c_hit = attached if any(c in attached.cue.concepts for c in f.context) else _any(pool, f.context)
            if c_hit is None:
                return none
        used = [h for h in (attached, rate, c_hit, verb) if h is not None]
        return Reading(f.code, kind, sign if kind == "change" else 1.0, _labels(used, q), *_span(q, used, ar))
    return none
