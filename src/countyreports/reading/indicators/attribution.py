"""Which code a quantity states, read from the concepts around it (pure functions).

    reading = attribute(t, q, scope)        # scope: the cue words around q, by level (scope.py)

A frame (frames.py) is satisfied by its objects, actions and context found around the quantity, nearest
level first; objects and actions come from outside the figure's own segment only when the segment names
nothing of its own (``其中审结26件``, ``全年轮训九期``, ``较上年增加12件``: an *open* segment), and then the
nearest thing named there is what the figure counts. A segment of nothing but 达到/为/共 takes the code of
the figure before it in the sentence (``…较上年增加120人，达到1560人``). When several frames fit: the one
whose object is the word next to the number, then the one whose action is among the figure's own words,
then the nearest object, then one that borrows no action from a later clause (``收案60件，已全部审结``: 60
is received, never closed), then table order.

Never an indicator: a figure in brackets, in a plan or target (力争, 计划, 不少于 …; 下一步 … in the
sentence), per unit (每千人, 人均 …), compared with another body (比全市平均水平低…), of another body (全省…,
市中级人民法院 … as the subject; 各县区 …), whose next word is a counted thing that is no indicator (模板,
企业, 一审 …), carried over (结转), or whose deciding words start right after a lost span. ``其中`` (a part
of a total) is coded only by words of its own, never when a unit or place names the part.

A change (value_kind ``change``) is a difference: a change verb right before the number (较上年增加12件,
多开展50场, 净增2860户), never one followed by 到/至/为 (增加到7次 is a value); for a stock (items, staff,
entities) also a reduction or increase of the stock itself (取消证明材料87项 = −87). Decreases are negative.
A percent figure is read by rates.py; a rate's change is only in 个百分点 (a relative % change of a count is no
figure).
"""

from __future__ import annotations

from typing import Final

import re

from countyreports.reading.indicators.cues import CueWord, Hit, glue_in
from countyreports.reading.indicators.departments import (
    SUBJECT_REACH as SUBJECT_AFTER, WHOLE_COUNTY, department_other,
)
from countyreports.reading.indicators.frames import FRAMES, Frame
from countyreports.reading.indicators.levels import CLAUSE, OWN, PARAGRAPH, SENTENCE, Levels, match_frame
from countyreports.reading.indicators.pairs import ends_with_to
from countyreports.reading.indicators.places import named_other
from countyreports.reading.indicators.quantities import Qty
from countyreports.reading.indicators.rates import rate_reading
from countyreports.reading.indicators.scope import (
    Reading, Scope, any_in, bound_or_ordinal, cover_of, first_of, has, head_of, labels, last_of, list_item, one_each,
    open_count, planned, residue, span, unread_list,
)
from countyreports.reading.indicators.taxonomy import CODES, accepted_measures

#: the stock of a flow: 累计 said of a flow's code after it is the stock (新增6,215户，累计42,308户)
STOCK_OF: Final = {"market_entities_new": "market_entities_total"}
_PREPOSITIONS: Final = frozenset("向对报经与同和给为在于被")  # a clause opening with one names no subject first
_SPECIFIC: Final = frozenset(("normdoc", "decision", "contract"))
_RECIPIENT_MARKS: Final = frozenset("为向对给助")  # before a number: what follows is done for or to them
_REVIEW_ORDER: Final = ("normdoc", "decision", "contract", "doc_generic")
_REVIEW: Final = frozenset(_REVIEW_ORDER)
_UP_DOWN: Final = ("up", "down")
_OUTCOMES: Final = ("med_success",)  # the outcome words of a frame's actions (their figure may be a part)
#: the concepts a code of each measure asks for (a figure whose sentence and lead hold none is no indicator)
_RELEVANT: Final[dict[str, frozenset[str]]] = {}
for _f in FRAMES:
    _asks = frozenset((*_f.objects, *_f.actions, *_f.context, *_f.context_clause, *_f.rate, *_f.multi))
    for _m in (("%", "个百分点") if _f.rate else accepted_measures(_f.code)):
        _RELEVANT[_m] = _RELEVANT.get(_m, frozenset()) | _asks | ({"rate"} if _f.rate else frozenset())
#: the concepts looked for in the rest of the clause before a figure (vetoes, parts, subordinate units)
_CLAUSE_WORDS: Final = frozenset(("plan", "future", "peer_units", "part", "subordinate"))
_Entry = tuple[int, Frame, tuple[str, ...]]  # a frame, its index (table order) and its avoid words
#: frames by the measure they accept: those that need no object of their own (or are a combined total) ...
_FREE: Final[dict[str, list[_Entry]]] = {}
#: ... and the others by their object concepts (only the frames whose object is around a figure are tried)
_BY_OBJECT: Final[dict[str, dict[str, list[_Entry]]]] = {}
for _i, _f in enumerate(FRAMES):
    if not _f.rate:
        for _m in accepted_measures(_f.code):
            _entry = (_i, _f, _f.avoid)
            if not _f.objects or _f.multi:
                _FREE.setdefault(_m, []).append(_entry)
            for _c in () if _f.multi else _f.objects:
                _BY_OBJECT.setdefault(_m, {}).setdefault(_c, []).append(_entry)


def _change(t: str, q: Qty, sc: Scope, cover: list[int]) -> Hit | None:
    """The change word that makes `q` a difference (None: a value) — see module doc."""
    if q.from_value is not None or ends_with_to(t[max(sc.l0, q.unit_start - 16):q.unit_start]):
        return None
    left = sc.own_left
    if q.sign and has(left, "baseline"):  # 较上年 -6 件: the sign is the change word
        return Hit(q.start - 1, q.start, _SIGN_UP if q.sign > 0 else _SIGN_DOWN)
    for k in range(len(left) - 1, -1, -1):
        h = left[k]
        cs = h.cue.concepts
        if "up" in cs or "down" in cs:
            if open_count(t, cover, sc.l0, h.end, q.unit_start, True) == 0 or has(left, "baseline") \
                    or _YEAR_BASELINE.search(t, sc.l0, h.start) is not None:
                return h
            return None
        if not h.cue.clear and h.cue.role != "action":
            return None
    return None


#: an earlier year as the baseline of a change (较2022年高出1.3个百分点, 与2022年相比减少6件)
_YEAR_BASELINE: Final = re.compile(r"(?:较|比|与|同)[12][0-9]{3}年(?:度|同期)?(?:相比)?")
_SIGN_UP: Final = CueWord("+", frozenset(("up",)), "frame", "up:+")
_SIGN_DOWN: Final = CueWord("-", frozenset(("down",)), "frame", "down:-")


def _sign(h: Hit) -> float:
    return 1.0 if "up" in h.cue.concepts else -1.0


def _concepts(hits: list[Hit]) -> set[str]:
    out: set[str] = set()
    for h in hits:
        for c in h.cue.names:
            out.add(c)
    return out


_OWN_VETO: Final = frozenset(("per", "carry", "compare_other", "plan", "future", "peer_units"))
_CLAUSE_VETO: Final = frozenset(("plan", "future", "peer_units"))


def _vetoed(t: str, q: Qty, sc: Scope, own_left: set[str], clause_left: set[str]) -> bool:
    if q.bracketed or q.kind != "value":
        return True
    if not _OWN_VETO.isdisjoint(own_left) or not _CLAUSE_VETO.isdisjoint(clause_left):
        return True
    if "plan" in sc.concepts and (has(sc.own_right, "plan") or has(sc.clause_right, "plan")) or planned(t, q, sc):
        return True
    if bound_or_ordinal(t, q, sc.c0):
        return True  # 不少于12场, 不超过3件: a bound to reach; 第二期培训班共40人: a figure of one session
    if "future" in sc.concepts:
        for h in sc.sentence:
            if h.start < q.start and "future" in h.cue.concepts:
                return True
    if _others_named(sc) and _other_subject(t, sc.c0, sc.clause_left + sc.own_left, sc.prefecture_other):
        return True
    first = _first_word(sc.clause_left + sc.own_left, sc.c0, q.unit_start)
    if named_other(t, sc.c0, first):
        return True  # 城关镇人民调解委员会调解纠纷416件; 相邻的云台县新增… (places.py)
    # a clause with no subject of its own (…，调解成功率100%) is said of the sentence's subject
    return first - sc.c0 <= 1 and sc.s0 < sc.c0 and named_other(t, sc.s0, _first_word(sc.sentence, sc.s0, sc.c0))


def _first_word(hits: list[Hit], a: int, b: int) -> int:
    """Where the first word of `hits` in [a, b) that names something (no glue, no frame word) starts (b: none)."""
    for h in hits:
        if a <= h.start < b and h.cue.role != "glue" and h.cue.role != "frame":
            return h.start
    return b


def _others_named(sc: Scope) -> bool:
    """Does the sentence name another body (全省 …; 全市, 市政府 … in a report of a 县, 区 or 旗)?"""
    return "other_body" in sc.concepts or sc.prefecture_other and "prefecture" in sc.concepts


def _other_subject(t: str, start: int, hits: list[Hit], prefecture_other: bool) -> bool:
    """Is the subject — the first word of `hits` that says something — another body (全省, 中级人民法院 …; 全市
    when `prefecture_other`)? A body after a preposition (全年向县人大常委会报送…, 向市政府备案…) is no
    subject: the clause names its subject elsewhere."""
    for h in hits:
        cs = h.cue.concepts
        if h.cue.role == "glue" or h.start < start or "prefecture" in cs and not prefecture_other:
            continue  # (全市 in a 县级市's report is the county: said of no other body)
        if not ("other_body" in cs or prefecture_other and "prefecture" in cs):
            return False
        return not any(t[k] in _PREPOSITIONS for k in range(start, h.start))
    return False


def attribute(t: str, q: Qty, sc: Scope) -> Reading:
    """The reading of quantity `q` (module doc)."""
    none = Reading(None, "value", 1.0, (), q.unit_start, q.end)
    # what covers the words before the number (glue words are read there only): for transparency
    cover = cover_of(sc.l0, q.unit_start, sc.own_left, glue_in(t, sc.l0, q.unit_start))
    verb = _change(t, q, sc, cover)
    if verb is None and sc.dist_verb is not None and all(h.cue.clear for h in sc.own_left):
        verb = sc.dist_verb  # 较上年分别减少3件和5件
    kind, sign = ("change", _sign(verb)) if verb is not None else ("value", 1.0)
    none.kind = kind
    relevant = _RELEVANT.get(q.base)
    if relevant is None:
        return none
    if relevant.isdisjoint(sc.concepts) and relevant.isdisjoint(sc.shared().concepts()):
        return none  # nothing around it (nor in the paragraph's lead) says anything a code asks for
    own_left_cs = _concepts(sc.own_left)
    clause_left_cs = _concepts(sc.clause_left) if not _CLAUSE_WORDS.isdisjoint(sc.concepts) else set()
    if _vetoed(t, q, sc, own_left_cs, clause_left_cs):
        return none
    head = head_of(t, q, sc, cover)
    if head is not None and head.cue.role == "blocker":
        return none
    res = open_count(t, cover, sc.l0, sc.l0, q.unit_start, False)
    own = sc.own_left + sc.own_right
    own_objects = [h for h in own if h.cue.thing]
    open_ = res <= 1 and not own_objects
    if open_ and _others_named(sc) and _other_subject(t, sc.s0, [h for h in sc.sentence if h.end <= sc.c0],
                                                     sc.prefecture_other):
        return none  # 全省…败诉率为11.6%，同比下降2.2个百分点: the words lent are another body's
    if (res <= 1 and sc.prev_code is not None and sc.dist_rank < 0 and all(h.cue.clear for h in own)
            and not has(own, "stock")):  # (总量达到2.5万户 after 新设…3000户: a stock, no ellipsis of the flow)
        code = sc.prev_code
        if code in STOCK_OF and kind == "value" and "累计" in t[sc.l0:q.unit_start]:
            code = STOCK_OF[code]  # 新增6,215户，累计42,308户: the running total after a flow is the stock
        return _ellipsis(q, code, kind, sign, none)
    if q.base == "%" or q.base == "个百分点":
        if (q.base == "%") == (kind == "change"):
            return none
        return rate_reading(t, q, sc, open_, kind, sign, verb, none)
    by_object = _BY_OBJECT.get(q.base)
    if by_object is None:
        if q.base not in _FREE:
            return none
        by_object = {}  # a measure only frames without an object of their own accept (件次: legality reviews)
    # an action said elsewhere applies to the figure when its own words name no action and no object — unless
    # that object is a part of a total (其中规范性文件12件、…), a list item (、政府合同86件) or generic (共涉及文件64件)
    # — and when the figure is not a change said of its own (净增3120户 is no 新增)
    part = "part" in own_left_cs
    acts_open = res <= 1 and not any(h.cue.role == "action" for h in own) and (
        not own_objects or part or "part" in clause_left_cs or sc.list_item or sc.shared().listed
        or all("doc_generic" in h.cue.concepts for h in own_objects)) and not (verb is not None and not own_objects)
    if sc.dist_rank >= 0 and unread_list(t, sc):
        return none  # 收、结、纠三项数据依次为54件、49件、7件: a list of items none of whose words is read
    objects, own = _objects(t, sc, own)
    own_cs = _concepts(own)
    review = _review(objects, open_) if not _REVIEW.isdisjoint(sc.concepts) else (0, None)
    best: tuple[tuple[int, int, int, int, int, int], Frame, Hit | None, Hit | None, Hit | None] | None = None
    lv = Levels(sc, own, objects)
    for i, f, avoid in _candidates(q.base, by_object, own_cs, sc, open_ and len(objects) > 2, review[1]):
        if any_in(avoid, own_cs):
            continue
        got = match_frame(f, lv, open_, acts_open, review)
        if got is None:
            continue
        o_level, o_hit, a_level, a_hit, c_hit = got
        dist = -abs(q.start - o_hit.end) if o_hit is not None else -999
        key = (int(head is not None and head is o_hit), int(a_level == OWN), o_level,
               -int(a_hit is not None and a_level < OWN and a_hit.start >= sc.c1), dist, -i)
        if best is None or key > best[0]:
            best = (key, f, o_hit, a_hit, c_hit)
    if best is None:
        return none
    key, f, o_hit, a_hit, c_hit = best
    if part and (not key[1] and key[2] < OWN and not (c_hit and c_hit.start >= sc.l0)
                 or any(h.cue.role == "blocker" for h in own)):
        return none  # 其中…: a part, coded only by its own words, never one by unit or place (其中乡镇…212人)
    if (a_hit is not None and key[2] < OWN and f.subtotal_of and not any_in(f.subtotal_of, a_hit.cue.concepts)
            and _lender_says(sc, f.subtotal_of)):
        return none  # 调解纠纷1526件，成功1490件: the successes are a part of the figure before, of the same thing
    if o_hit is not None and _kind_is_a_part(sc, f, o_hit):
        return none  # 清理各类文件1200余件，其中规范性文件84件: the total is of every kind of document
    if f.lead and ("subordinate" in own_cs or "subordinate" in clause_left_cs):
        return none
    if (f.lead and key[2] < OWN and not part and o_hit is not None and o_hit.end <= sc.prev_end
            and any_in(f.context, own_cs)):
        return none  # 听取法治…汇报4次 after 政府常务会议…6次: its own topic, not a figure of the body before it
    if (f.stock and kind == "value" and o_hit is not None and o_hit.start >= q.end and q.start > sc.l0
            and t[q.start - 1] in _RECIPIENT_MARKS):
        return none  # 为3856户市场主体办理…: the things an action was done for, not the stock of them
    if f.stock and kind == "value" and o_hit is not None and o_hit.start >= sc.l0:
        verb = first_of([h for h in sc.own_left if h.end <= o_hit.start], _UP_DOWN)
        if verb is not None and not ends_with_to(t[sc.l0:q.unit_start]):
            kind, sign = "change", _sign(verb)
    used = [h for h in (o_hit, a_hit, c_hit) if h is not None]
    if kind == "change" and verb is not None:
        used.append(verb)
    if sc.after_break and _abuts_break(t, sc):
        return none  # the words that decide start right after a lost span: they may be cut
    if department_other(t, sc.c0, q.unit_start, f.code, q.end, sc.c1 + SUBJECT_AFTER, sc.prefecture_other) or (
            sc.s0 < sc.c0 and not any(w in t[sc.c0:q.start] for w in WHOLE_COUNTY)
            and department_other(t, sc.s0, sc.c0, f.code, q.end, sc.c1 + SUBJECT_AFTER, sc.prefecture_other)):
        return none  # 县交通运输局组织本系统执法人员培训3期: one department's own figure (departments.py), in a
        #              later clause too when it names no subject of its own (县妇联开展…36场，发放资料4,000份)
    return Reading(f.code, kind, sign if kind == "change" else 1.0, labels(used, q), *span(q, used, sc))


def _kind_is_a_part(sc: Scope, f: Frame, o_hit: Hit) -> bool:
    """Is the figure's object a generic word (文件) standing for a specific kind of the frame (规范性文件) that
    the sentence names only in a later part (其中规范性文件84件)? Then the figure counts every kind."""
    specific = [c for c in f.objects if c in _SPECIFIC]
    if not specific or any_in(tuple(specific), o_hit.cue.concepts) or "part" not in sc.concepts \
            or not any_in(tuple(specific), sc.concepts):
        return False
    for hits in (sc.own_left, sc.own_right, sc.clause_left, sc.clause_right, sc.sentence):
        if any(has(hits, c) for c in specific):
            return False
    return True


def _lender_says(sc: Scope, concepts: tuple[str, ...]) -> bool:
    """Does the clause of the figure before it with the same measure (scope.lend0/lend1) hold one of `concepts`
    said of the thing itself (调解, not 调解成功)?"""
    for h in sc.sentence + sc.clause_left:
        if sc.lend0 <= h.start < sc.lend1 and any_in(concepts, h.cue.concepts) and h.cue.role == "action" \
                and not any_in(_OUTCOMES, h.cue.concepts):
            return True
    return False


def _candidates(base: str, by_object: dict[str, list[_Entry]], own_cs: set[str], sc: Scope, lent: bool,
                specific: str | None) -> list[_Entry]:
    """The frames worth trying: those that need no object, and those whose object is among the figure's own
    words — or, when its segment lends (`lent`), anywhere in its sentence or the paragraph's lead."""
    out: list[_Entry] = list(_FREE.get(base, ()))
    seen: set[int] = set()
    if lent:  # (the frames of the words a sentence lends are the same for all its figures of one measure)
        shared = sc.shared()
        lendable = shared.frames.get(base)
        if lendable is None:
            pool = set(sc.concepts)
            for h in sc.lead():
                pool |= h.cue.concepts
            lendable = shared.frames[base] = _frames_of(pool, by_object, set())
        for entry in lendable:
            seen.add(entry[0])
            out.append(entry)
    out += _frames_of(own_cs, by_object, seen)
    if specific is not None:
        out += _frames_of({specific}, by_object, seen)
    return out


def _frames_of(concepts: set[str], by_object: dict[str, list[_Entry]], seen: set[int]) -> list[_Entry]:
    """The frames whose object is one of `concepts` and not in `seen` (which gets them)."""
    out: list[_Entry] = []
    for c in concepts:
        for entry in by_object.get(c, ()):
            if entry[0] not in seen:
                seen.add(entry[0])
                out.append(entry)
    return out


def _ellipsis(q: Qty, code: str, kind: str, sign: float, none: Reading) -> Reading:
    """Nothing but 达到/为/共 (…较上年增加120人，达到1560人): the code of the figure before it, if it fits."""
    spec = CODES[code]
    if q.base == "个百分点":
        fits = kind == "change" and spec.unit == "percent"
    else:
        fits = q.base in accepted_measures(code) and not (q.base == "%" and kind == "change")
    if not fits:
        return none
    return Reading(code, kind, sign, (f"ellipsis:{code}", f"measure:{q.measure or q.base}"), q.unit_start, q.end)


def _abuts_break(t: str, sc: Scope) -> bool:
    """Does the first word of the figure's clause that says something follow the lost span that opens the
    clause, with nothing but transparent words between (the subject may be cut: 〓政府常务会议会前学法13次)?"""
    hits = sc.clause_left + sc.own_left
    for h in hits:
        if not h.cue.clear:
            return residue(t, sc.c0, h.start, hits, True, glue_in(t, sc.c0, h.start)) == 0
    return False


def _objects(t: str, sc: Scope, own: list[Hit]) -> tuple[list[list[Hit]], list[Hit]]:
    """Object words by level (own segment, clause, sentence; the paragraph's lead is read when needed) and the
    figure's own words. After 分别 (``县委常委会、县政府常务会议分别研究…5次、7次``) each figure has the subject
    of its rank, when the counts agree — or the verb of its rank (``受理、审结…分别为45件、43件``) — and its own
    words are those after 分别. Else, when the 、-list before 分别 has as many items as there are figures, each
    with words of its own (``执法人员总数、持证人数分别为1,306人和1,251人``), a figure has its item's words."""
    if sc.dist_rank >= 0:
        dist = last_of(sc.clause_left + sc.own_left, ("distrib",))
        if dist is not None:
            subjects = one_each([h for h in sc.clause_left + sc.own_left
                                  if h.end <= dist.start and h.cue.thing])
            mine = [h for h in sc.own_left if h.start >= dist.end] + sc.own_right
            if len(subjects) == sc.dist_count:  # (a verb before the list of subjects is said of every one:
                shared = [h for h in sc.clause_left + sc.own_left  # 审查重大行政决策、…、行政合同分别为6项、…)
                          if h.end <= subjects[0].start and h.cue.role == "action"]
                return [[subjects[sc.dist_rank]]], mine + [subjects[sc.dist_rank]] + shared
            actions = one_each([h for h in sc.clause_left + sc.own_left
                                 if h.end <= dist.start and h.cue.role == "action"])
            if len(actions) == sc.dist_count:  # 受理、审结行政复议案件分别为45件、43件: the verbs are the list
                return [subjects], mine + subjects + [actions[sc.dist_rank]]
            item = list_item(t, sc, dist.start)
            if item is not None:
                return [item], mine + item
    return [own, sc.clause_left + sc.clause_right, sc.sentence], own


def _review(objects: list[list[Hit]], open_: bool) -> tuple[int, str | None]:
    """(how many kinds of reviewed document are named where the first is, the one specific kind named in the
    sentence or None): 规范性文件、合同及其他涉法事项 is a combined total; 审核文件45件 after 规范性文件… is that kind."""
    found = 0
    specific: set[str] = set()
    for k, hits in enumerate(objects):
        kinds: set[str] = set()
        for h in hits:
            if any_in(_REVIEW_ORDER, h.cue.concepts):
                for c in _REVIEW_ORDER:
                    if c in h.cue.concepts:
                        kinds.add(c)
        if kinds and not found and (k == 0 or open_):
            found = len(kinds)
        for c in kinds:
            if c in _SPECIFIC:
                specific.add(c)
    return found, (next(iter(specific)) if len(specific) == 1 else None)
