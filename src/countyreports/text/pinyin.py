"""Pinyin glosses after characters: `strip_pinyin(text) -> text` (the `traditional_pinyin`
cleaning step, with the traditional-to-simplified conversion).

`執(zhí)法` → `執法`, also `執( zhí )`, `執（zhí）`, digit tones `執(zhi2)` and cut-short `鄉(xiā`. A
bracketed run of letters after a Chinese character is a gloss when every syllable is a pinyin
syllable (the last may be cut short when the bracket is not closed) and it has a tone (mark or
digit), or it is one closed neutral-tone syllable (`的(de)`); genuine parentheticals stay.
"""

from __future__ import annotations

import re
from functools import lru_cache

from countyreports.text.chars import CJK_PUNCT, HAN

__all__ = ["strip_pinyin"]

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PY_LETTER = f"a-z{_TONED}üê"
_TONE_STRIP = str.maketrans(
    {**{c: b for b, cs in (("a", "āáǎà"), ("e", "ēéěèê"), ("i", "īíǐì"), ("o", "ōóǒò"),
                          ("u", "ūúǔù"), ("v", "ǖǘǚǜü"), ("n", "ńňǹ"), ("m", "ḿ")) for c in cs}}
)


def _pinyin_syllables() -> tuple[frozenset[str], frozenset[str]]:
    initials = ["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
                "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"]
    finals = ["a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "in", "un", "vn",
              "ang", "eng", "ing", "ong", "ia", "ie", "iu", "ua", "uo", "ui", "ve", "ue", "er",
              "ian", "iao", "uai", "uan", "van", "iang", "iong", "uang", "ueng"]
    full = {i + f for i in initials for f in finals} | {"ng", "n", "m", "hm", "hng", "ê"}
    prefixes = {s[:k] for s in full for k in range(1, len(s) + 1)}
    return frozenset(full), frozenset(prefixes)


_SYLLABLES, _SYLLABLE_PREFIXES = _pinyin_syllables()


def _gloss_re(opening: str) -> re.Pattern[str]:
    """A pinyin gloss candidate after an opening bracket `opening` (a regex). The bracket comes
    first so that the regex engine can skip to candidate brackets fast; the lookbehind after it is
    the same condition as a `(?<=[{HAN}])` before it."""
    return re.compile(
        rf"{opening}(?<=[{HAN}]{opening})[ \t]*"
        rf"(?P<py>[{_PY_LETTER}]{{1,6}}[1-5]?(?:[ \t]+[{_PY_LETTER}]{{1,6}}[1-5]?){{0,3}})"
        rf"[ \t]*(?:(?P<close>[)）])|(?=[{HAN}{CJK_PUNCT},.;:!?\n]|$))"
    )


_GLOSS = _gloss_re("[(（]")
# the same for a text with one kind of opening bracket (they find the same matches there): the
# regex engine skips to a literal first character several times faster than to a class's
_GLOSS_HALF = _gloss_re(r"\(")
_GLOSS_FULL = _gloss_re("（")
_TONE_MARK = re.compile(f"[{_TONED}1-5]")
# syllables a converter writes without a tone mark (neutral tone)
_NEUTRAL = frozenset("de di le me men zi ge ma ne ba zhe guo tou li shang xia zi er".split())


@lru_cache(maxsize=4096)
def _is_gloss(py: str, closed: bool) -> bool:
    sylls = py.split()
    for s in sylls:
        base = s.rstrip("12345").translate(_TONE_STRIP)
        ok = base in _SYLLABLES or (not closed and s is sylls[-1] and base in _SYLLABLE_PREFIXES)
        if not ok:
            return False
    if _TONE_MARK.search(py):
        return True
    # without a tone: only a closed gloss of one neutral-tone syllable (`的(de)`)
    return closed and len(sylls) == 1 and sylls[0] in _NEUTRAL


def strip_pinyin(text: str) -> str:
    """Remove pinyin glosses written after characters; genuine parentheticals stay."""
    half, full = "(" in text, "（" in text
    if not half and not full:
        return text
    if half and full:  # (the one-bracket regexes find the candidates faster: a cheap test first)
        if not _GLOSS_HALF.search(text) and not _GLOSS_FULL.search(text):
            return text
        gloss = _GLOSS
    else:
        gloss = _GLOSS_HALF if half else _GLOSS_FULL
    found = gloss.findall(text)  # (py, close) of each candidate
    if not found:
        return text
    if all(_is_gloss(py, close != "") for py, close in set(found)):
        return gloss.sub("", text)  # every candidate is a gloss (the usual case): no call per match

    def repl(m: re.Match[str]) -> str:
        return "" if _is_gloss(m.group("py"), m.group("close") is not None) else m.group(0)

    return gloss.sub(repl, text)
