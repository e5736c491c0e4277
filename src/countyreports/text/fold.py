"""The search fold: one form of a text in which traditional/simplified characters, full/half-width forms, case
and spacing no longer differ, so that a phrase is found however the report happened to write it.

    fold("首 違 不 罰")            -> "首违不罚"       (whitespace removed, traditional → simplified)
    fold("ＡＢＣ１２３")           -> "abc123"        (NFKC width, lower case)
    fold_query("乾淨")            -> "干净"           (a query is first converted phrase by phrase)
    fold_positions("首 违")       -> ("首违", [0, 2])  (where each folded character comes from)

The fold of a text is a map of single characters (`FOLD_TABLE`): each character becomes one character or
none, never several, so every folded character comes from exactly one character of the original (highlighting
maps back exactly) and the same fold can be written as SQL `translate()` (the warehouse's `search_fold`
macro, seeded from `fold_pairs()`). Per character, in order:

1. NFKC, where it gives one character (full-width ``Ａ１（`` → ``A1(``, CJK compatibility ideographs and Kangxi
   radicals → the unified ideograph, ``①`` → ``1``; ``㈠`` → ``(一)`` would be three: kept as is);
2. OpenCC's t2s character table (each character converted on its own: 後 → 后, 罰 → 罚);
3. lower case, where it gives one character;
4. whitespace of any kind (spaces, ideographic space, line breaks, zero-width no-break space) removed.

A query term is converted with OpenCC t2s phrase by phrase before it is folded (`fold_query`): words whose
simplified form depends on the context (乾淨 → 干净, not 乾净) then meet the report text, which the cleaning
step converted the same, phrase-aware way. `FOLD_VERSION` names this definition: the warehouse rebuilds its
folded sentences when it changes.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import numpy as np

__all__ = ["FOLD_VERSION", "char_mask", "char_masks", "fold", "fold_char", "fold_offsets", "fold_positions", "fold_query",
           "fold_pairs", "fold_table"]

#: bump when the fold changes: the warehouse then folds every stored sentence again
FOLD_VERSION = 1

#: the characters whose fold is looked at (every other one folds to itself: no NFKC, case or t2s change
#: reaches outside these planes' assigned blocks that matter for Chinese reports)
_RANGES = ((0x0000, 0x10000), (0x20000, 0x2FA20))
_CJK_RANGES = ((0x3400, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2FA20))


@lru_cache(maxsize=1)
def _opencc():  # type: ignore[no-untyped-def]
    import opencc

    try:
        return opencc.OpenCC("t2s")
    except Exception:  # older packages want the file name
        return opencc.OpenCC("t2s.json")


@lru_cache(maxsize=1)
def _t2s_chars() -> dict[str, str]:
    """OpenCC t2s of every Han character on its own (one conversion call: a line break ends every phrase)."""
    chars = [chr(cp) for lo, hi in _CJK_RANGES for cp in range(lo, hi)]
    converted = _opencc().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # (never seen: OpenCC keeps line breaks)
        raise RuntimeError("OpenCC changed the number of lines of the character table")
    return {a: b for a, b in zip(chars, converted) if a != b and len(b) == 1}


def _fold_char(ch: str, t2s: dict[str, str] | _T2sOne) -> str:
    """One character through steps 1–3 (the caller removes whitespace)."""
    out = unicodedata.normalize("NFKC", ch)
    if len(out) != 1:
        out = ch
    out = t2s.get(out, out)
    low = out.lower()
    return low if len(low) == 1 else out


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str | None]:
    """`str.translate` table of the fold: code point → its one folded character, or None (removed). Only the
    characters that change are listed; the mapping is closed (folding a folded text changes nothing)."""
    t2s = _t2s_chars()
    table: dict[int, str | None] = {}
    for lo, hi in _RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            if ch.isspace():
                table[cp] = None
                continue
            out = _fold_char(ch, t2s)
            for _ in range(3):  # to a fixed point: what a character folds to folds to itself
                nxt = _fold_char(out, t2s)
                if nxt == out:
                    break
                out = nxt
            if out.isspace():
                table[cp] = None
            elif out != ch:
                table[cp] = out
    for cp in _ZERO_WIDTH:
        table[cp] = None
    return table


def _in(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= cp < hi for lo, hi in ranges)


_ZERO_WIDTH = (0x0, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060)  # NUL and zero-width characters: not whitespace


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """The fold of one character ("" when removed), worked out for that character alone: what `fold_table`
    holds, without building the table (a query folds a few characters: the command line does not wait for the
    table's ~130,000)."""
    cp = ord(ch)
    if cp in _ZERO_WIDTH or ch.isspace():
        return ""
    if not _in(cp, _RANGES):
        return ch
    t2s = _T2sOne()
    out = _fold_char(ch, t2s)
    for _ in range(3):
        nxt = _fold_char(out, t2s)
        if nxt == out:
            break
        out = nxt
    return "" if out.isspace() else out


class _T2sOne:
    """A `dict.get` look-alike over OpenCC's t2s of single Han characters (as `_t2s_chars` holds them)."""

    def get(self, ch: str, default: str) -> str:
        if not _in(ord(ch), _CJK_RANGES):
            return default
        out = _opencc().convert(ch)
        return out if len(out) == 1 and out != ch else default


@lru_cache(maxsize=1)
def _lookup() -> np.ndarray:
    """The fold as an array indexed by code point (0: removed), up to the last character that changes."""
    table = fold_table()
    lut = np.arange(max(table) + 1, dtype=np.uint32)
    for cp, out in table.items():
        lut[cp] = 0 if out is None else ord(out)
    return lut


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _folded_codes(codes: np.ndarray) -> np.ndarray:
    """Each code point folded (0: removed); those beyond the table fold to themselves."""
    lut = _lookup()
    inside = codes < len(lut)
    return np.where(inside, lut[np.where(inside, codes, 0)], codes)


def fold(text: str) -> str:
    """The search fold of a text (see the module docstring)."""
    if len(text) < 64:  # a few characters (a query, a sentence to highlight): one by one, no table
        return "".join(map(fold_char, text))
    out = _folded_codes(_codes(text))
    folded: str = out[out != 0].tobytes().decode("utf-32-le")
    return folded


def fold_query(term: str) -> str:
    """The fold of a query term: OpenCC t2s phrase by phrase, then `fold`."""
    return fold(_opencc().convert(term))


def fold_positions(text: str) -> tuple[str, list[int]]:
    """The fold of `text` and, for each folded character, the offset in `text` of the character it comes
    from (for highlighting a match found in the folded text)."""
    if len(text) < 256:
        pieces = [(i, fold_char(ch)) for i, ch in enumerate(text)]
        return "".join(p for _i, p in pieces), [i for i, p in pieces if p]
    folded, where, _codes_ = fold_offsets(text)
    return folded, where.tolist()


def fold_offsets(text: str) -> tuple[str, np.ndarray, np.ndarray]:
    """`fold_positions` with the offsets as an array (int64), and the folded code points (uint32): for the
    loader, which cuts a whole report."""
    out = _folded_codes(_codes(text))
    kept = np.flatnonzero(out)
    codes = out[kept]
    return codes.tobytes().decode("utf-32-le"), kept, codes


_MULT = 0x9E3779B97F4A7C15  # Fibonacci hashing: the top 6 bits of code point × this pick a character's bit


def char_masks(codes: np.ndarray) -> np.ndarray:
    """The character-mask bit (uint64 with one of 64 bits set) of each code point of `codes`."""
    bit = (codes.astype(np.uint64) * np.uint64(_MULT)) >> np.uint64(58)
    masks: np.ndarray = np.left_shift(np.uint64(1), bit)
    return masks


def char_mask(text: str) -> int:
    """The OR of the character-mask bits of `text`'s characters: a sentence can contain `text` only if its
    own mask holds every bit of this one (`search_sentences.char_mask`, a 64-bit Bloom filter of its characters
    that lets a search skip most sentences before comparing text)."""
    mask = 0
    for ch in set(text):
        mask |= 1 << (((ord(ch) * _MULT) & 0xFFFFFFFFFFFFFFFF) >> 58)
    return mask


def fold_pairs() -> list[tuple[str, str]]:
    """The fold as (character, folded) pairs for SQL: whitespace folds to one ASCII space there (the SQL side
    splits a query at spaces and then drops them); the space itself is left out."""
    return [(chr(cp), " " if out is None else out) for cp, out in sorted(fold_table().items()) if cp != 0x20]
