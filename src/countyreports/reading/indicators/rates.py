"""Percent figures: the rate word before the number and the concept it is attached to (pure functions).

    rate_reading(t, q, scope, open_, kind, sign, verb, none)   # -> Reading

``败诉率5.2%``, ``出庭应诉的比率为100%`` (a rate word right after a concept, 的/之 between allowed), ``…达成协议的
纠纷占受理总数的96.4%`` (占: any rate concept before it in the segment). The concept decides the code (frames with
`rate`: 败诉 → the loss rate, 出庭 → the appearance rate, 调解成功/成功 → the mediation success rate, the last
with a dispute topic in the sentence); an unknown rate (结案率, 持证率, 出庭出声率) is none. A figure whose own
words name no rate borrows the nearest rate word of its clause or sentence when its segment is open (…出庭应诉率
同比提高8.6个百分点，达到96.2%). A change of a rate is in 个百分点 only.
"""

from __future__ import annotations

from typing import Final

from countyreports.reading.indicators.cues import Hit, glue_in
from countyreports.reading.indicators.frames import FRAMES, Frame
from countyreports.reading.indicators.quantities import Qty
from countyreports.reading.indicators.scope import Reading, Scope, any_in, labels, last_of, residue, span

_RATE_FRAMES: Final[tuple[Frame, ...]] = tuple(f for f in FRAMES if f.rate)
_RATE_CONCEPTS: Final = tuple(sorted({c for f in _RATE_FRAMES for c in f.rate}))


def rate_reading(t: str, q: Qty, sc: Scope, open_: bool, kind: str, sign: float, verb: Hit | None,
          none: Reading) -> Reading:
    """A percent figure (or its change in 个百分点): the code of the rate word before it (module doc)."""
    words = sc.own_left
    rate = last_of(words, ("rate",))
    if rate is None and open_:
        words = sc.clause_left + sc.own_left
        rate = last_of([h for h in words if h.end <= q.start], ("rate",))
        if rate is None:
            words = [h for h in sc.sentence if h.end <= sc.c0] + words
            rate = last_of(words, ("rate",))
    if rate is None:
        return none
    before = [h for h in words if h.end <= rate.start]
    attached: Hit | None = None
    if any_in(_RATE_CONCEPTS, rate.cue.concepts):
        attached = rate  # the rate word names its concept (成功调解率)
    elif rate.cue.word == "占":
        attached = last_of(before, _RATE_CONCEPTS)
    else:
        for k in range(len(before) - 1, -1, -1):
            h = before[k]
            if h.cue.clear:
                continue
            if residue(t, h.end, rate.start, before, True, glue_in(t, h.end, rate.start)) == 0:
                attached = h
            break
    if attached is None:
        return none
    for f in _RATE_FRAMES:
        if not any_in(f.rate, attached.cue.concepts):
            continue
        c_hit = None
        if f.context:
            pool = sc.own_left + sc.own_right + sc.clause_left + sc.clause_right + sc.sentence + sc.lead()
            c_hit = attached if any_in(f.context, attached.cue.concepts) else last_of(pool, f.context)
            if c_hit is None:
                return none
        used = [h for h in (attached, rate, c_hit, verb) if h is not None]
        return Reading(f.code, kind, sign if kind == "change" else 1.0, labels(used, q), *span(q, used, sc))
    return none
