"""Finding the concept words (concepts.py) in a stretch of text: the longest word at each position, none
inside another.

    scan_cues(t, a, b) -> [Hit(start, end, CueWord(word, concepts, role)), ...]   # in text order

A longer word shadows the shorter ones it contains (出庭应诉 is read as ``appear``, never as its 应诉);
words that only overlap are both kept. The glue words (共, 全年, 达到 …, role ``glue``) are in a table of their
own, read only over the few characters next to a number (`glue_in`): a sentence is scanned for the words
that mean something. One pass over [a, b), so the work is linear in b − a
(`SCANNED` counts the characters scanned, for the linearity test).
"""

from __future__ import annotations

from typing import Final

from countyreports.reading.indicators.concepts import CONCEPTS, IMPLIES

#: a word in several concepts takes the role that ranks first here (the concept table keeps roles apart)
ROLE_RANK: Final = {"object": 0, "blocker": 1, "action": 2, "rate": 3, "context": 4, "frame": 5, "glue": 6}
#: roles that say nothing of the counted thing: skipped when looking for the words next to a number
TRANSPARENT: Final = frozenset({"frame", "glue"})


class CueWord:
    """One word of the concept table: its concepts (with the implied ones), its role, its label."""

    __slots__ = ("word", "concepts", "names", "role", "label", "n", "c1", "c2", "rest", "clear", "thing")

    def __init__(self, word: str, concepts: frozenset[str], role: str, label: str) -> None:
        self.word = word
        self.concepts = concepts  # its concepts and the ones they imply
        self.names = tuple(sorted(concepts))  # the same, to iterate over
        self.role = role
        self.label = label  # "concept:word", as recorded with an indicator
        self.n = len(word)
        self.c1 = ord(word[0])
        self.c2 = ord(word[1]) if len(word) > 1 else -1
        self.rest = [ord(ch) for ch in word[2:]]  # the code points after the first two
        self.clear = role in TRANSPARENT  # says nothing of the counted thing
        self.thing = role == "object" or role == "blocker"  # names a thing


class Hit:
    """A cue word found at [start, end)."""

    __slots__ = ("start", "end", "cue")

    def __init__(self, start: int, end: int, cue: CueWord) -> None:
        self.start = start
        self.end = end
        self.cue = cue


_SINGLE_MASK: Final = (1 << 10) - 1  # one-character words: a byte per hash of the code point


class Table:
    """Cue words found by their code points: those of two characters or more in slots by a hash of their first
    two (longest first; a slot may hold several pairs), the one-character ones by their code point; two byte
    masks say which slots and which code-point hashes hold words, so most positions cost two reads of bytes.
    The slots are about four per word (a power of two): the table stays small enough to stay in cache."""

    __slots__ = ("pairs", "taken", "mask", "singles", "single_taken")

    def __init__(self, words: list[CueWord]) -> None:
        mask = 255
        while mask + 1 < 4 * len(words):
            mask = mask * 2 + 1
        slots: dict[int, list[CueWord]] = {}
        singles: dict[int, CueWord] = {}
        for cw in words:
            assert cw.c1 < 0x10000 and cw.c2 < 0x10000
            if cw.n == 1:
                singles[cw.c1] = cw
            else:
                slots.setdefault(((cw.c1 * 40503) ^ cw.c2) & mask, []).append(cw)
        taken = bytearray(mask + 1)
        for slot in slots:
            taken[slot] = 1
        single_taken = bytearray(_SINGLE_MASK + 1)
        for c in singles:
            single_taken[c & _SINGLE_MASK] = 1
        self.mask = mask
        self.pairs: list[tuple[CueWord, ...]] = [()] * (mask + 1)  # by slot (a list: no boxing of the slot)
        for k, v in slots.items():
            self.pairs[k] = tuple(sorted(v, key=lambda c: -c.n))
        self.taken = bytes(taken)
        self.singles = singles
        self.single_taken = bytes(single_taken)


def _words() -> tuple[list[CueWord], list[CueWord]]:
    """Every word of the concept table as a CueWord: (the words scanned for, the glue words). Glue words that
    hold a word of another role (申请人 holds 申请, 行政复议法 holds 复议) are scanned for, so they shadow it."""
    found: dict[str, list[str]] = {}
    for name, concept in CONCEPTS.items():
        for w in concept.words:
            found.setdefault(w, []).append(name)
    main: list[CueWord] = []
    glue: list[CueWord] = []
    meaningful = [w for w, names in found.items() if any(CONCEPTS[n].role != "glue" for n in names)]
    for word, names in found.items():
        role = min((CONCEPTS[n].role for n in names), key=ROLE_RANK.__getitem__)
        names_all = set(names)
        for n in names:
            names_all.update(IMPLIES.get(n, ()))
        label = min(names, key=lambda n: ROLE_RANK[CONCEPTS[n].role])
        cw = CueWord(word, frozenset(names_all), role, f"{label}:{word}")
        shadows = role == "glue" and any(w != word and w in word for w in meaningful)
        (glue if role == "glue" and not shadows else main).append(cw)
    return main, glue


_MAIN_WORDS, _GLUE_WORDS = _words()
MAIN: Final = Table(_MAIN_WORDS)  # every word but the glue
GLUE: Final = Table(_GLUE_WORDS)  # the glue words (共, 全年, 达到 …): read only where transparency is asked

SCANNED: Final = [0]  # characters scanned since import (work counter; tests read it)


def _rest_matches(t: str, at: int, rest: list[int]) -> bool:
    for k in range(len(rest)):
        if ord(t[at + k]) != rest[k]:
            return False
    return True


def scan_cues(t: str, a: int, b: int, table: Table = MAIN) -> list[Hit]:
    """The words of `table` in t[a:b], in order: at each position the longest word starting there, unless it
    lies inside a word found before (人大常委会 hides its 常委会; 法治宣传 and 宣传单 of 法治宣传单 overlap and
    both count)."""
    out: list[Hit] = []
    pairs = table.pairs
    taken = table.taken
    singles = table.singles
    single_taken = table.single_taken
    mask = table.mask
    reach = a  # the end of the words found so far
    SCANNED[0] += b - a
    c2 = ord(t[a]) if a < b else 0
    for i in range(a, b):
        c1 = c2
        c2 = ord(t[i + 1]) if i + 1 < b else 0x10000
        if c1 >= 0x10000:
            continue
        found: CueWord | None = None
        slot = ((c1 * 40503) ^ c2) & mask
        if c2 < 0x10000 and taken[slot]:
            for cw in pairs[slot]:
                if cw.c1 == c1 and cw.c2 == c2 and i + cw.n <= b and (cw.n == 2 or _rest_matches(t, i + 2, cw.rest)):
                    found = cw
                    break
        if found is None and single_taken[c1 & _SINGLE_MASK]:
            found = singles.get(c1)
        if found is not None and i + found.n > reach:
            out.append(Hit(i, i + found.n, found))
            reach = i + found.n
    return out


def glue_in(t: str, a: int, b: int) -> list[Hit]:
    """The glue words of t[a:b] (a short stretch: the words next to a number)."""
    return scan_cues(t, a, b, GLUE)
