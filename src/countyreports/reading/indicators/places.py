"""Places named as the subject of a figure's clause that are another body than the report's (pure functions).

    named_other(t, c0, first)   # the words of the clause t[c0:first] before its first cue word name such a place

A township named by its name at the opening of the clause (城关镇人民调解委员会调解纠纷416件; 河口乡…; 东城街道…) is a township's figure, not
the county's; a county named after a word of neighbourhood (相邻的云台县…, 周边县…) is another county's. The county
named alone may be the report's own (鹤鸣县司法局…): no figure of it is dropped. The generic words (乡镇, 各乡镇,
全乡, 本镇 …) name no one township. Constant work: at most SUBJECT_REACH characters at the clause's opening.
"""

from __future__ import annotations

from typing import Final

SUBJECT_REACH: Final = 16  # characters at a clause's opening read for its subject
#: a named township ends with one of these, after one to four characters of its name
TOWNSHIP_ENDS: Final = ("镇", "乡", "街道", "苏木")
#: … whose last two characters are none of these (各乡镇, 全镇, 本乡, 该街道, 县乡 …)
NOT_NAMES: Final = frozenset("各全本该每我此县村市省区集")  # (集镇: market towns)
PREPOSITIONS: Final = frozenset("在向对到赴于为给从由")
#: words before a county's name that make it another county (相邻的云台县, 周边县区)
NEIGHBOURS: Final = ("相邻", "邻近", "周边", "毗邻", "兄弟", "邻县")


def _township(s: str) -> bool:
    """Does `s` name a township (two to four characters of a name, then 镇/乡/街道/苏木; not the word 乡镇)?"""
    for end in TOWNSHIP_ENDS:
        k = s.find(end)
        while k >= 0:
            name = s[:k]  # (the name opens the clause: 城关镇人民调解委员会…)
            if (2 <= len(name) <= 4 and name[-1] not in NOT_NAMES and name[-1] != "乡" and s[k:k + 2] != "乡镇"
                    and all(0x4E00 <= ord(c) <= 0x9FFF for c in name[-2:]) and name[-2] not in NOT_NAMES):
                return True
            k = s.find(end, k + 1)
    return False


def named_other(t: str, c0: int, first: int) -> bool:
    """Do the words of the clause before its first cue word (t[c0:first]) name another body (module doc)?"""
    s = t[c0:min(first, c0 + SUBJECT_REACH)].lstrip(" ，,")
    if s.startswith("其中"):
        s = s[2:].lstrip(" ，,")
    if not s or s[0] in PREPOSITIONS:
        return False  # (在城关镇开展…: a place where, not a subject)
    if any(w in s for w in NEIGHBOURS):
        return True
    return _township(s)
