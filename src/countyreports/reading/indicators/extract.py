"""Quantity mentions and coded indicators of one report text (pure functions).

    indicators, mentions = extract(clean_text, sections)
    got = extract_all(clean_text, sections)       # .indicators, .mentions, .truncated ("mentions>5000" or None)

Three steps, each linear in the text: the quantities (quantities.py: numbers with their measure, before→after
pairs), the cue words of the sentence around each (cues.py; a sentence longer than 2 × REACH is read in a
window of REACH characters on either side of the quantity, a clause within CLAUSE_REACH), and a reading of
each quantity from them (attribution.py): its code, whether it is a value or a change, and the cues that
decided. Every quantity becomes a `Mention`; the coded ones also an `Indicator`. A quantity in a level-1
section whose kind is next year's plan is never coded, nor a total over several years or a figure of a part
of the year (periods.py). At
most MAX_MENTIONS quantities are read per text.

All matching is on a length-preserving folded copy of the text (look-alike and traditional characters
mapped, taxonomy.LOOKALIKES), so offsets and surfaces are those of `clean_text`. A mention's `sentence` is
its sentence, or a window of it around the surface when the sentence is longer than SENTENCE_TEXT.
"""

from __future__ import annotations

from typing import Final

import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from operator import lt

from countyreports.models import Indicator, Mention, Section, SectionKind, positional
from countyreports.reading.indicators.attribution import attribute
from countyreports.reading.indicators.breaks import (
    bounded, clause_at, clause_marks, sentence_at, sentence_ends, sentences_over,
)
from countyreports.reading.indicators.cues import Hit, scan_cues
from countyreports.reading.indicators.pairs import pair_quantities
from countyreports.reading.indicators.periods import multi_year, partial_year
from countyreports.reading.indicators.quantities import Qty, mark_brackets, mask_asides, scan_quantities
from countyreports.reading.indicators.scope import LeadSource, Reading, Scope
from countyreports.reading.indicators.totals import by_cause, parts_and_totals
from countyreports.reading.indicators.taxonomy import CODES, LOOKALIKES, MEASURE_UNITS

MAX_MENTIONS: Final = 5000  # quantities read per text at most (a real report holds a few hundred)
REACH: Final = 240  # characters of its sentence a quantity reads on either side
CLAUSE_REACH: Final = 120  # ... of its clause
SENTENCE_TEXT: Final = 400  # a longer sentence is given as a window around the surface
_ITEM_SEPS: Final = ("、", "/", "|", "｜")  # after a figure: the next item's words follow (a list, a table row)
_AND: Final = frozenset("和及与")
DISTRIB_WORDS: Final = ("分别", "依次")  # the figures after it go one to each item of a list before it  # right after a figure's measure, before the next figure's words: a list's 、
LEAD_MAX: Final = 80  # the sentence before, on the same line, lends words when at most this long

_LOOKALIKE_RX: Final = re.compile(f"[{''.join(LOOKALIKES)}]")
_MENTION_FIELDS: Final = ("value", "measure", "unit", "approx", "from_value", "before", "surface", "sentence",
                   "section_path", "char_start", "char_end", "code", "value_kind")
_INDICATOR_FIELDS: Final = ("code", "value", "unit", "approx", "from_value", "section_path", "surface", "sentence",
                     "char_start", "char_end", "value_kind", "cues")
assert tuple(f.name for f in fields(Mention)) == _MENTION_FIELDS
assert tuple(f.name for f in fields(Indicator)) == _INDICATOR_FIELDS
_MENTION: Final = positional(Mention)
_INDICATOR: Final = positional(Indicator)
_CODE_UNITS: Final = {code: spec.unit for code, spec in CODES.items()}
_WHOLE_UNITS: Final = frozenset({"count", "persons", "person-times", "households", "yuan"})  # values rounded when whole


@dataclass(frozen=True, slots=True)
class Extraction:
    indicators: tuple[Indicator, ...]
    mentions: tuple[Mention, ...]
    truncated: str | None  # "mentions>N" when the text held more quantities than MAX_MENTIONS


def fold(clean_text: str) -> str:
    """The text with look-alike characters mapped one for one (offsets unchanged)."""
    if _LOOKALIKE_RX.search(clean_text):
        return _LOOKALIKE_RX.sub(lambda m: LOOKALIKES[m.group()], clean_text)
    return clean_text


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


def _plan_spans(sections: Sequence[Section], n: int) -> list[int]:
    """[a0, b0, a1, b1, ...]: the level-1 parts whose kind is next year's plan alone, with their subsections."""
    heads = [s for s in sections if s.level == 1]
    out: list[int] = []
    for k, s in enumerate(heads):
        if s.kind == SectionKind.NEXT_YEAR_PLAN and s.secondary_kind is None:
            out += [s.char_start, heads[k + 1].char_start if k + 1 < len(heads) else n]
    return out


class Prepared:
    """A text's quantities with their sentences and clauses (step 1 of `extract_all`)."""

    __slots__ = ("text", "t", "qs", "truncated", "sents", "clauses", "live", "sent_ends")

    def __init__(self, text: str, t: str, qs: list[Qty], truncated: bool, sents: list[tuple[int, int]],
                 clauses: list[tuple[int, int]], live: list[int], sent_ends: list[int]) -> None:
        self.text, self.t, self.qs, self.truncated = text, t, qs, truncated
        self.sents, self.clauses, self.live, self.sent_ends = sents, clauses, live, sent_ends


def prepare(clean_text: str) -> Prepared | None:
    t = fold(clean_text)
    qs, truncated = scan_quantities(t, MAX_MENTIONS)
    if not qs:
        return None
    t = mask_asides(t, qs)
    n = len(t)
    sent_ends = sentence_ends(t, qs[0].start, qs[-1].end)
    sents = [sentence_at(q.start, sent_ends, n) for q in qs]
    starts = [s[0] for s in sents]
    mark_brackets(t, qs, starts)
    pair_quantities(t, qs, starts)
    marks = clause_marks(t)
    clauses: list[tuple[int, int]] = []
    for q, s in zip(qs, sents):
        c = clause_at(t, q.start, s, marks, CLAUSE_REACH)
        if q.unit_start < c[0]:
            q.unit_start = q.start  # a baseline in the clause before (与上年的15.2%相比，…9.8%): own words only
        clauses.append(c)
    live = [i for i, q in enumerate(qs) if q.kind != "consumed"]
    return Prepared(clean_text, t, qs, truncated, sents, clauses, live, sent_ends)


class Window:
    """The cue words a quantity may read: `hits[lo:hi]` of its sentence's words (`starts`: their starts;
    `concepts`: the concepts of all the sentence's words, for quick tests)."""

    __slots__ = ("hits", "starts", "lo", "hi", "concepts")

    def __init__(self, hits: list[Hit], starts: list[int], lo: int, hi: int, concepts: frozenset[str]) -> None:
        self.hits, self.starts, self.lo, self.hi, self.concepts = hits, starts, lo, hi, concepts


def windows(p: Prepared) -> list[Window]:
    """Step 2: the cue words of each live quantity's sentence window, words overlapping a quantity left out.
    A sentence is scanned once; a long one (over 2 × REACH) lends each quantity only the words within REACH."""
    t, qs = p.t, p.qs
    q_starts = [q.start for q in qs]
    out: list[Window] = []
    memo: dict[tuple[int, int], tuple[list[Hit], list[int], frozenset[str]]] = {}
    for i in p.live:
        q, s = qs[i], p.sents[i]
        got = memo.get(s)
        if got is None:
            hits: list[Hit] = []
            k = bisect_left(q_starts, s[0])
            for h in scan_cues(t, s[0], s[1]):
                while k < len(qs) and qs[k].end <= h.start:
                    k += 1
                if k < len(qs) and qs[k].start < h.end:
                    continue
                hits.append(h)
            if len(memo) > 64:
                memo.clear()
            concepts: set[str] = set()
            for h in hits:
                concepts |= h.cue.concepts
            got = memo[s] = (hits, [h.start for h in hits], frozenset(concepts))
        hits, starts, cs = got
        lo, hi = 0, len(hits)
        if s[1] - s[0] > 2 * REACH:
            w = bounded(s, q.unit_start, q.end, REACH)
            lo, hi = bisect_left(starts, w[0]), bisect_left(starts, w[1])
        out.append(Window(hits, starts, lo, hi, cs))
    return out


def read(p: Prepared, wins: list[Window], sections: Sequence[Section] = (), prefecture_other: bool = False,
         report_year: int | None = None) -> Extraction:
    """Step 3: a reading of every live quantity, its Mention and (when coded) its Indicator (`prefecture_other`:
    the report is of a 县, 区 or 旗, so 全市, 市政府 … are another body; `report_year`: a total since an earlier
    year is no figure of it, periods.py)."""
    text, t, qs, n = p.text, p.t, p.qs, len(p.t)
    index = _SectionIndex(sections)
    plans = _plan_spans(sections, n)
    leads: dict[int, LeadSource] = {}
    indicators: list[Indicator | None] = []
    mentions: list[Mention] = []
    live = p.live
    sentence_span, sentence = (0, -1), ""
    prev_code: str | None = None
    prev_sentence = (0, -1)
    coded_sentence: tuple[int, int] = (0, -1)
    coded: list[tuple[str, str, int, int, str]] = []  # the coded figures of that sentence (code, measure, indices,
    # the words of its clause before it)
    for k, i in enumerate(live):
        q, (c0, c1), s = qs[i], p.clauses[i], p.sents[i]
        prev = qs[live[k - 1]] if k else None
        nxt = qs[live[k + 1]] if k + 1 < len(live) else None
        l0 = max(c0, prev.end) if prev is not None and prev.end > c0 and p.sents[live[k - 1]] == s else c0
        r1 = c1
        if nxt is not None and nxt.start < c1 and p.sents[live[k + 1]] == s:  # the words up to the next figure,
            r1 = min(c1, nxt.unit_start)  # or up to a 、 before it (收案38件、结案35件: 结案 is the next one's)
            upto = r1
            for c in _ITEM_SEPS:  # (the first of them)
                sep = t.find(c, q.end, r1)
                if sep >= 0:
                    r1 = sep
            if r1 == upto and t[q.end:q.end + 1] in _AND:  # 重大行政决策8件和各类合同178件: 各类合同 is the next one's
                r1 = q.end
        for bracket in "（(":  # words in brackets after a figure are a breakdown of it: 121件（含上年结转8件）
            at = t.find(bracket, q.end, r1)
            if at >= 0:
                r1 = at
        right_limit = p.clauses[live[k + 1]][0] if nxt is not None and p.sents[live[k + 1]] == s else s[1]
        w = wins[k]
        hits, starts, u0, u1 = w.hits, w.starts, q.unit_start, q.end
        # the words of the sentence by level (they are in text order): cut where each level ends (an end before
        # the one of the level before it leaves that level empty)
        cuts = [w.lo, 0, 0, 0, 0, 0, 0, 0]
        ends = [c0, l0, u0, u1, r1, c1, right_limit]
        j = w.lo
        for e in range(7):
            while j < w.hi and starts[j] < ends[e]:
                j += 1
            cuts[e + 1] = j
        sent = hits[w.lo:cuts[1]] + hits[cuts[6]:cuts[7]]
        cl_l, own_l, own_r, cl_r = (hits[cuts[1]:cuts[2]], hits[cuts[2]:cuts[3]], hits[cuts[4]:cuts[5]],
                                    hits[cuts[5]:cuts[6]])
        lead = leads.get(s[0])
        if lead is None:
            lead = leads[s[0]] = _lead(t, s[0], p.sent_ends)
        rank, count, dist_verb = _distributive(t, qs, live, k, c0, c1, w)
        list_item = prev is not None and l0 == prev.end and (t[l0:l0 + 1] == "、" or t[l0:l0 + 1] in _AND)
        scope = Scope(own_l, own_r, cl_l, cl_r, sent, max(s[0], q.start - REACH), l0, c0, c1, c0 > 0 and t[c0 - 1] == "\ufffd", rank, count,
                      list_item, prev_code if prev_sentence == s else None,
                      prev.end if prev is not None and prev_sentence == s else -1, lead, w.concepts,
                      _lender(qs, p.clauses, p.sents, live, k), dist_verb, prefecture_other)
        r = attribute(t, q, scope)
        code = r.code
        prev_code, prev_sentence = code, s
        if code is not None and plans and bisect_right(plans, q.start) & 1:
            code = None  # next year's plan
        if code is not None and (multi_year(t, s[0], q.unit_start, report_year) or partial_year(t, s[0], q.unit_start)):
            code = None  # a total over several years, a figure of a part of the year (periods.py)
        if code is not None and by_cause(t, s[0], q):
            code = None  # the cases of one cause, a part (totals.py)
        sent_key = p.sents[i]
        if sent_key != coded_sentence:
            coded_sentence, coded = sent_key, []
        total_of = code is None or r.kind == "value"
        code, parts = parts_and_totals(t, c0, q, code, r.kind, coded) if coded and total_of else (code, [])
        if parts:  # the figures before a stated total (…312名，…765名，合计1077名) are its parts
            for j in sorted(parts, reverse=True):
                mi, ii = coded[j][2], coded[j][3]
                mentions[mi] = replace(mentions[mi], code=None)
                indicators[ii] = None
                del coded[j]
            if r.code is None:
                r = Reading(code, "value", 1.0, (f"total_of:{code}", f"measure:{q.measure or q.base}"),
                            q.unit_start, q.end)
        if code is None and q.weak:
            continue
        ss, se = (r.s0, r.s1) if code is not None else (q.unit_start, q.end)
        if not (s[0] <= ss and se - 1 < s[1]):
            s = sentences_over(ss, se, p.sent_ends, n)
        if s[1] - s[0] > SENTENCE_TEXT:
            s = bounded(s, ss, se, SENTENCE_TEXT // 3)
        if s != sentence_span:
            sentence_span, sentence = s, text[s[0]:s[1]].strip()
        unit = _CODE_UNITS[code] if code else MEASURE_UNITS.get(q.base, "other")
        value = q.value * r.sign if r.kind == "change" else q.value
        if unit in _WHOLE_UNITS and not float(value).is_integer() and abs(value - round(value)) < 1e-6:
            value = float(round(value))
        path = index.path_at(ss)
        surface = text[ss:se]
        before = text[max(c0, q.unit_start - 12):q.unit_start]
        mentions.append(_MENTION(value, q.measure or q.base, unit, q.approx, q.from_value, before, surface, sentence,
                                 path, ss, se, code, r.kind))
        if code is not None:
            coded.append((code, q.base, len(mentions) - 1, len(indicators), t[c0:q.unit_start]))
            indicators.append(_INDICATOR(code, value, unit, q.approx, q.from_value, path, surface, sentence, ss, se,
                                         r.kind, r.cues))
    kept = tuple(x for x in indicators if x is not None)
    return Extraction(kept, tuple(mentions), f"mentions>{MAX_MENTIONS}" if p.truncated else None)


def _lead(t: str, s0: int, sent_ends: list[int]) -> LeadSource:
    """The sentence before `s0` on the same line, when short (a lead such as 1.规范行政复议。); for an item of a
    list after a colon whose items end at ；, the words before the colon (合法性审查情况：规范性文件18件；重大行政
    决策6项；…: 合法性审查情况 leads every item); a table row ending in its figure lends nothing."""
    if s0 == 0 or t[s0 - 1] == "\n":
        return LeadSource(t, 0, 0)
    j = bisect_left(sent_ends, s0 - 1)
    a = sent_ends[j - 1] + 1 if j else 0
    if t[s0 - 1] in "；;":
        k = j
        while s0 - a <= LEAD_MAX:  # back over the list's items to the one that opens with X：
            colon = max(t.rfind("：", a, s0 - 1), t.rfind(":", a, s0 - 1))
            if colon >= 0:
                return LeadSource(t, max(a, colon - LEAD_MAX), colon, True)
            if k == 0 or t[a - 1] not in "；;":
                break
            k -= 1
            a = sent_ends[k - 1] + 1 if k else 0
    if t[s0 - 2:s0 - 1].isdigit() and ("｜" in t[a:s0] or "|" in t[a:s0]):
        return LeadSource(t, 0, 0)  # a table row before, ending in its figure: a sibling row, not a lead
    return LeadSource(t, a, s0 - 1) if s0 - 1 - a <= LEAD_MAX else LeadSource(t, 0, 0)


def _lender(qs: list[Qty], clauses: list[tuple[int, int]], sents: list[tuple[int, int]], live: list[int],
            k: int) -> tuple[int, int]:
    """The clause of the nearest live quantity before the k-th in its sentence with the same measure (or of
    its own before-value, when that stands before it)."""
    i0 = live[k]
    q, s = qs[i0], sents[i0]
    for i in range(i0 - 1, max(-1, i0 - 8), -1):  # (a consumed before-value too: 上年190件，本年247件)
        if sents[i] != s:
            break
        if qs[i].base == q.base and (qs[i].kind != "consumed" or qs[i].value == q.from_value):
            return clauses[i]
    return -1, -1


def _distributive(t: str, qs: list[Qty], live: list[int], k: int, c0: int, c1: int,
                  w: Window) -> tuple[int, int, Hit | None]:
    """(rank, count) of the k-th live quantity among the quantities after 分别 (依次) in its clause ((-1, 0): none), and
    the change word between 分别 and the first of them (较上年分别减少3件和5件: every one is a decrease)."""
    q = qs[live[k]]
    at = max(t.rfind(w, c0, q.start) for w in DISTRIB_WORDS)
    if at < 0:
        return -1, 0, None
    ranks = [j for j in live if at < qs[j].start < c1]
    first = qs[ranks[0]].unit_start
    verb: Hit | None = None
    for j in range(w.lo, w.hi):
        h = w.hits[j]
        if at + 2 <= h.start and h.end <= first and ("up" in h.cue.concepts or "down" in h.cue.concepts):
            verb = h
    return ranks.index(live[k]), len(ranks), verb


def extract_all(clean_text: str, sections: Sequence[Section] = (), prefecture_other: bool = False,
                report_year: int | None = None) -> Extraction:
    """Coded indicators and all quantity mentions of `clean_text` (see module doc); `prefecture_other`: the report
    is of a body below the prefecture (县, 区, 旗: metadata.body_level), whose 全市 and 市政府 are another body;
    `report_year`: the year reported on (a total since an earlier year is none of its figures)."""
    p = prepare(clean_text)
    if p is None:
        return Extraction((), (), None)
    return read(p, windows(p), sections, prefecture_other, report_year)


def extract(clean_text: str, sections: Sequence[Section] = ()) -> tuple[tuple[Indicator, ...], tuple[Mention, ...]]:
    """`extract_all` without the truncation note."""
    got = extract_all(clean_text, sections)
    return got.indicators, got.mentions


def stage_times(texts: list[str], sections: list[tuple[Section, ...]], rounds: int) -> dict[str, float]:
    """CPU seconds of each step over `texts` (best of `rounds`), for bench/stage_bench.py."""
    def best(fn: object) -> float:
        out = float("inf")
        for _ in range(rounds):
            t0 = time.process_time()
            fn()  # type: ignore[operator]
            out = min(out, time.process_time() - t0)
        return out

    preps = [prepare(x) for x in texts]
    hits: list[list[Window]] = [windows(p) if p is not None else [] for p in preps]
    return {
        "quantities": best(lambda: [prepare(x) for x in texts]),
        "cues": best(lambda: [windows(p) for p in preps if p is not None]),
        "attribution": best(lambda: [read(p, h, s) for p, h, s in zip(preps, hits, sections) if p is not None]),
    }
