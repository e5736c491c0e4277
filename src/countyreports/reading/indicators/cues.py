"""Finding the concept words (concepts.py) in a stretch of text: the longest word at each position, none
inside another.

    scan_cues(t, a, b) -> [Hit(start, end, CueWord(word, concepts, role)), ...]   # in text order

A longer word shadows the shorter ones it contains (出庭应诉 is read as ``appear``, never as its 应诉);
words that only overlap are both kept. The words are indexed by their first character; one pass over
[a, b), so the work is linear in b − a
(`SCANNED` counts the characters scanned, for the linearity test).
"""

from __future__ import annotations

from dataclasses import dataclass

from countyreports.reading.indicators.concepts import CONCEPTS, IMPLIES

#: a word in several concepts takes the role that ranks first here (the concept table keeps roles apart)
ROLE_RANK = {"object": 0, "blocker": 1, "action": 2, "rate": 3, "context": 4, "frame": 5, "glue": 6}
#: roles that say nothing of the counted thing: skipped when looking for the words next to a number
TRANSPARENT = frozenset({"frame", "glue"})


@dataclass(frozen=True, slots=True)
class CueWord:
    word: str
    concepts: frozenset[str]  # its concepts and the ones they imply
    role: str
    label: str  # "concept:word", as recorded with an indicator


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    cue: CueWord


def _build() -> dict[str, tuple[CueWord, ...]]:
    found: dict[str, list[str]] = {}
    for name, concept in CONCEPTS.items():
        for w in concept.words:
            found.setdefault(w, []).append(name)
    by_first: dict[str, list[CueWord]] = {}
    for word, names in found.items():
        role = min((CONCEPTS[n].role for n in names), key=ROLE_RANK.__getitem__)
        names_all = set(names)
        for n in names:
            names_all.update(IMPLIES.get(n, ()))
        main = min(names, key=lambda n: ROLE_RANK[CONCEPTS[n].role])
        by_first.setdefault(word[0], []).append(CueWord(word, frozenset(names_all), role, f"{main}:{word}"))
    return {ch: tuple(sorted(ws, key=lambda c: -len(c.word))) for ch, ws in by_first.items()}


_BY_FIRST: dict[str, tuple[CueWord, ...]] = _build()

SCANNED = [0]  # characters scanned since import (work counter; tests read it)


def scan_cues(t: str, a: int, b: int) -> list[Hit]:
    """The cue words of t[a:b], in order: at each position the longest word starting there, unless it lies
    inside a word found before (人大常委会 hides its 常委会; 法治宣传 and 宣传单 of 法治宣传单 overlap and
    both count)."""
    out: list[Hit] = []
    get = _BY_FIRST.get
    reach = a  # the end of the words found so far
    SCANNED[0] += b - a
    for i in range(a, b):
        cands = get(t[i])
        if cands is None:
            continue
        for cw in cands:
            n = len(cw.word)
            if i + n <= b and t.startswith(cw.word, i):
                if i + n > reach:
                    out.append(Hit(i, i + n, cw))
                    reach = i + n
                break
    return out
