"""Parts and totals among the coded figures of one sentence (pure functions).

    code, parts = parts_and_totals(t, c0, q, code, kind, coded)   # called by extract.read for each figure

A figure whose clause opens with 合计/总计 (or a word or two before it: 纠错合计) is the total of the coded figures
before it with its measure; after figures of several codes that one code combines (COMBINED), that code's
(…配备执法人员312名，…配备765名，合计1077名: 1077 is the figure, and takes their code; 312 and 765 are its
parts, no figures of their own; 规范性文件11件、重大行政决策5项、行政合同93份，合计109件: 109 is the combined
legality-review total, the parts keep their codes). A part said after 其中 with the code of the figure before it is a part of that
total (办结48件，其中调解结案15件), no figure of its own; a part with a code of its own is one (其中纠正7件).
A part by matter (其中涉及行政处罚的21件) or by cause (因征地拆迁引发的行政诉讼案件12件) is none either, and so is a figure right after one of its code said with a
way the cases ended (办结行政复议案件36件，调解和解结案9件).
"""

from __future__ import annotations

from typing import Final

from countyreports.reading.indicators.frames import FRAMES
from countyreports.reading.indicators.quantities import Qty

_TOTAL_WORDS: Final = ("合计", "总计")  # opening a clause: the figure is the total of the figures before it
_PART_WORD: Final = "其中"
#: a way a case ends: the figure after one of its code said with it is a part (…结案36件，和解结案9件)
MANNER_WORDS: Final = ("和解", "撤回", "驳回", "维持", "终止")
#: after 其中, words of a matter (其中涉及行政处罚的21件): a part of the total by what it is about
MATTER_WORDS: Final = ("涉及", "关于", "有关", "属于")
#: a clause opening with 因 and these before its figure's words (因征地拆迁引发的行政诉讼案件12件): the cases of
#: one cause, a part of the county's figure, none of their own
CAUSE_OPENERS: Final = ("因", "由于")
CAUSE_WORDS: Final = ("引发的", "引起的", "导致的", "产生的")
_CAUSE_REACH: Final = 16  # characters from the clause's 因 to the cause's 引发的, at most
_TOTAL_AT: Final = 4  # characters of the clause before its total word, at most (纠错合计9件)
#: the code of a combined total of figures of several codes: a frame asking for two of several objects
#: (frames.Frame.multi) combines the codes whose frames ask for one of them and an action of its own
COMBINED: Final = {g.code: f.code for f in FRAMES if f.multi for g in FRAMES
                   if not g.multi and g.objects and set(g.objects) <= set(f.multi)
                   and set(g.actions) & set(f.actions) and "doc_generic" not in g.objects}


_CLAUSE_ENDS: Final = "，,；;：:"


def by_cause(t: str, s0: int, q: Qty) -> bool:
    """Does the figure's clause (from the last ，；： in its sentence, which starts at s0; a 、-list is one clause)
    open with 因 and a cause (因政府信息公开引发的行政复议案件2件、行政诉讼案件1件)? Those are the cases of one
    cause, a part of the county's figure, none of their own. Constant work: _CAUSE_REACH characters."""
    lo = max(s0, q.unit_start - _CAUSE_REACH - 24)  # (bounded: a clause opening further back is not read)
    k = max(t.rfind(c, lo, q.unit_start) for c in _CLAUSE_ENDS)
    if k < 0 and lo > s0:
        return False
    a = max(lo, k + 1)
    while a < q.unit_start and t[a] == " ":
        a += 1
    return t.startswith(CAUSE_OPENERS, a) and any(
        0 <= t.find(w, a, min(q.unit_start, a + _CAUSE_REACH + len(w))) for w in CAUSE_WORDS)


def parts_and_totals(t: str, c0: int, q: Qty, code: str | None, kind: str,
                      coded: list[tuple[str, str, int, int, str]]) -> tuple[str | None, list[int]]:
    """The code of a figure given the coded figures before it in its sentence (`coded`: code, measure, mention
    and indicator index), and which of them are parts of it: a part said after 其中 with the code of the figure
    before it is a part of that total (办结48件，其中调解结案15件: no figure of its own); a figure whose clause
    opens with 合计/总计 is the total of the figures before it with its measure (their code, and they are its
    parts). Constant work: the words of the figure's clause before it."""
    words = t[c0:q.unit_start].lstrip(" ")
    if any(0 <= words.find(w, 0, _TOTAL_AT + len(w)) for w in _TOTAL_WORDS):
        combined = {COMBINED.get(c[0]) for c in coded}
        if len({c[0] for c in coded}) >= 2 and len(combined) == 1 and None not in combined:
            return combined.pop(), []  # 规范性文件11件、重大行政决策5项、行政合同93份，合计109件: the combined total
        same = [j for j, c in enumerate(coded) if c[1] == q.base and (code is None or c[0] == code)]
        if same:
            return coded[same[0]][0], [j for j in same if coded[j][0] == coded[same[0]][0]]
        return code, []
    if code is not None and kind == "value" and coded[-1][0] == code and _PART_WORD in words:
        return None, []
    at = words.find(_PART_WORD)
    if code is not None and at >= 0 and words.rstrip(" ").endswith("的") and any(
            words.find(w, at) >= 0 for w in MATTER_WORDS):
        return None, []  # 受理数为38件，其中涉及行政处罚的21件: the total's cases by matter, no figure of the matter
    if (code is not None and kind == "value" and coded[-1][0] == code and any(w in words for w in MANNER_WORDS)
            and not any(w in coded[-1][4] for w in MANNER_WORDS)):
        return None, []  # 办结行政复议案件36件，调解和解结案9件: the cases closed one way, a part
    return code, []
