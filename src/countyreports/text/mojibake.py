"""Mojibake repair of a report text: `fix_mojibake(text) -> text` (the `mojibake` cleaning step).

A run of mis-decoded characters (GBK bytes shifted by one) ending in `?` or U+FFFD, and any other
`?` inside Chinese text, is replaced by one U+FFFD.

* detection: each `?`/U+FFFD inside Chinese text is a lost-span marker; the run of two-byte
  characters before it is scored character by character: a rare shown character (GB2312 level 2,
  symbols such as `Х ǎ ㄗ ⒅`) counts for a garbled run, a common one (`data/prose_chars.txt`,
  GB2312 level 1) against; and the character formed by the trail byte of one shown character with
  the lead byte of the next (what the text was before the one-byte shift) counts for a garbled run
  when it is common prose. The best-scoring suffix (score >= 1) goes with the marker. A `?`
  closing a sentence or inside ASCII text stays;
* mojibake is never "repaired" into guessed text: the garbled run becomes one U+FFFD; correct
  text decoded after the resynchronisation point stays (the gold's lost span may be wider).

Also the GB2312 character tables (`GB2312`, and the level-1 hanzi used for scoring here).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from countyreports.text.chars import CJK_PUNCT, FFFD

__all__ = ["GB2312", "fix_mojibake"]

# --------------------------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------------------------


def _gb2312_levels() -> tuple[frozenset[str], frozenset[str]]:
    """(all GB2312 characters, GB2312 level-1 hanzi)."""
    every: set[str] = set()
    level1: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            every.add(ch)
            if 0xB0 <= hi <= 0xD7:
                level1.add(ch)
    return frozenset(every), frozenset(level1)


GB2312, _GB2312_L1 = _gb2312_levels()
_PROSE = frozenset(
    c
    for line in resources.files("countyreports.text").joinpath("data", "prose_chars.txt")
    .read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
    for c in line.strip()
)
_COMMON_PUNCT = frozenset(CJK_PUNCT + "０１２３４５６７８９")

# tier of a character: 0 core prose (and common punctuation), 1 other GB2312 level 1, 2 rare
# (GB2312 level 2, symbols); `_TIER.get(ch, 2)`
_TIER: dict[str, int] = {**{c: 1 for c in _GB2312_L1}, **{c: 0 for c in _PROSE | _COMMON_PUNCT}}


def _straddle_tiers() -> bytes:
    """Tier of the "straddle" character of every (trail byte, lead byte) pair, at index
    `trail << 8 | lead`; 2 when the two bytes are no GBK character."""
    table = bytearray([2]) * 0x10000
    for trail in range(0x81, 0xFF):  # a lower byte is ASCII (or 0x80): then no 2-byte character
        for lead in range(0x81, 0xFF):
            try:
                ch = bytes((trail, lead)).decode("gbk")
            except UnicodeDecodeError:
                continue
            table[trail << 8 | lead] = _TIER.get(ch, 2)
    return bytes(table)


_STRADDLE = _straddle_tiers()

# --------------------------------------------------------------------------------------------
# scoring
# --------------------------------------------------------------------------------------------

_FFFD_RUN = re.compile("\ufffd\ufffd+")  # (not `{2,}`: a literal first character is searched fast)
# two lost-span markers with only non-prose junk between them (Latin, pinyin letters, Greek,
# Cyrillic, brackets) are one lost span: `成绩?nèi)亢细?` → `成绩�`
_FFFD_JUNK = re.compile(
    "\ufffd(?=[^\n\ufffd]{0,8}\ufffd)(?=[^\n\ufffd]*?[A-Za-z\u00c0-\u02ff\u0370-\u04ff])"
    "[^\n\ufffd，。、；：！？,.;:!\"“”]{1,8}\ufffd"
)
# weights (log-odds flavour) of a shown character and of the "straddle" character formed by
# the trail byte of one shown character and the lead byte of the next (= the original text
# when the run is GBK shifted by one byte), by tier
_W_SHOWN = (-1.2, 0.3, 2.5)
_W_STRADDLE = (1.2, -0.3, -2.0)
_MAX_RUN = 40
_MIN_SCORE = 1.0  # weaker evidence leaves the run alone (only the marker becomes U+FFFD)


@lru_cache(maxsize=4096)
def _gbk2(ch: str) -> bytes | None:
    try:
        b = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return b if len(b) == 2 else None


def _garbled_length(text: str, end: int) -> int:
    """How many characters before position `end` (a marker) look GBK-shifted."""
    best, best_k, score = 0.0, 0, 0.0
    right = 0  # lead byte of the run character to the right of the current one
    for k in range(1, min(end, _MAX_RUN) + 1):
        ch = text[end - k]
        b = _gbk2(ch)  # (None for "\n" and U+FFFD too: they end the run)
        if b is None:
            break
        score += _W_SHOWN[_TIER.get(ch, 2)]
        if k > 1:  # straddle with the character on its right (inside the run)
            score += _W_STRADDLE[_STRADDLE[b[1] << 8 | right]]
        if score > best:  # ties keep the shorter run: no correct text is dropped on a tie
            best, best_k = score, k
        right = b[0]
    return best_k if best >= _MIN_SCORE else 0


def _is_question_mark(text: str, start: int, end: int) -> bool:
    """A genuine `?`: in Latin context (URL, code) or closing a sentence."""
    if text[start:end] != "?":
        return False
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if before.isascii() and before not in "\n" and (after.isascii() or after in "\n"):
        return True  # inside ASCII text: URL query, code, English
    return after in "\n ”’\"'」』）)" or before == "\n"


def _marker_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of `?`/U+FFFD, in order: what `re.finditer("[?\ufffd]+")` finds,
    found with `str.find` (a regex starting with a character class tests every character)."""
    marks: list[int] = []
    for ch in "?\ufffd":
        i = text.find(ch)
        while i >= 0:
            marks.append(i)
            i = text.find(ch, i + 1)
    marks.sort()
    runs: list[tuple[int, int]] = []
    for i in marks:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _fix_mojibake_once(text: str) -> str:
    out: list[str] = []
    pos = 0
    for start, end in _marker_runs(text):
        k = _garbled_length(text, start)
        if k == 0 and _is_question_mark(text, start, end):
            continue
        out.append(text[pos : start - k])
        out.append(FFFD)
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return _FFFD_JUNK.sub(FFFD, _FFFD_RUN.sub(FFFD, "".join(out)))


def fix_mojibake(text: str) -> str:
    """Replace each mis-decoded run (ending in `?`/U+FFFD) by a single U+FFFD."""
    if "?" not in text and FFFD not in text:
        return text
    for _ in range(4):  # to a fixpoint, so that the step is idempotent
        new = _fix_mojibake_once(text)
        if new == text:
            break
        text = new
    return text
