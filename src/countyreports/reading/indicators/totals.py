"""Parts and totals among the coded figures of one sentence (pure functions).

    code, parts = parts_and_totals(t, c0, q, code, kind, coded)   # called by extract.read for each figure

A figure whose clause opens with 合计/总计 (or a word or two before it: 纠错合计) is the total of the coded figures
before it with its measure; after figures of several codes that one code combines (COMBINED), that code's
(…配备执法人员312名，…配备765名，合计1077名: 1077 is the figure, and takes their code; 312 and 765 are its
parts, no figures of their own; 规范性文件11件、重大行政决策5项、行政合同93份，合计109件: 109 is the combined
legality-review total, the parts keep their codes). A part said after 其中 with the code of the figure before it is a part of that
total (办结48件，其中调解结案15件), no figure of its own; a part with a code of its own is one (其中纠正7件).
A part by matter (其中涉及行政处罚的21件) is none either, and so is a figure right after one of its code said with a
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
_TOTAL_AT: Final = 4  # characters of the clause before its total word, at most (纠错合计9件)
#: the code of a combined total of figures of several codes: a frame asking for two of several objects
#: (frames.Frame.multi) combines the codes whose frames ask for one of them and an action of its own
COMBINED: Final = {g.code: f.code for f in FRAMES if f.multi for g in FRAMES
                   if not g.multi and g.objects and set(g.objects) <= set(f.multi)
                   and set(g.actions) & set(f.actions) and "doc_generic" not in g.objects}


def parts_and_totals(t: str, c0: int, q: Qty, code: str | None, kind: str,
                      coded: list[tuple[str, str, int, int, str]]) -> tuple[str | None, list[int]]:
    """The code of a figure given the coded figures before it in its sentence (`coded`: code, measure, mention
    and indicator index), and which of them are parts of it: a part said after 其中 with the code of the figure
    before it is a part of that total (办结48件，其中调解结案15件: no figure of its own); a figure whose clause
    opens with 合计/总计 is the total of the figures before it with its measure (their code, and they are its
    parts). Constant work: the words of the figure's clause before it."""
    words = t[c0:q.unit_start].lstrip(" ")
    if any(0 <= words.find(w, 0, _TOTAL_AT + len(w)) for w in _TOTAL_WORDS):
        same = [j for j, c in enumerate(coded) if c[1] == q.base and (code is None or c[0] == code)]
        if same:
            return coded[same[0]][0], [j for j in same if coded[j][0] == coded[same[0]][0]]
        combined = {COMBINED.get(c[0]) for c in coded}
        if len({c[0] for c in coded}) >= 2 and len(combined) == 1 and None not in combined:
            return combined.pop(), []  # 规范性文件11件、重大行政决策5项、行政合同93份，合计109件: the combined total
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
