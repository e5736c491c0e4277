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

__all__ = ["FOLD_VERSION", "fold", "fold_offsets", "fold_positions", "fold_query", "fold_pairs", "fold_table"]

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


def _fold_char(ch: str, t2s: dict[str, str]) -> str:
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
    for cp in (0x0, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060):  # NUL, zero-width characters: not whitespace
        table[cp] = None
    return table


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
    if len(text) < 64:  # str.translate: cheaper for a few characters
        return text.translate(fold_table())
    out = _folded_codes(_codes(text))
    return out[out != 0].tobytes().decode("utf-32-le")


def fold_query(term: str) -> str:
    """The fold of a query term: OpenCC t2s phrase by phrase, then `fold`."""
    return fold(_opencc().convert(term))


def fold_positions(text: str) -> tuple[str, list[int]]:
    """The fold of `text` and, for each folded character, the offset in `text` of the character it comes
    from (for highlighting a match found in the folded text)."""
    folded, where = fold_offsets(text)
    return folded, where.tolist()


def fold_offsets(text: str) -> tuple[str, np.ndarray]:
    """`fold_positions` with the offsets as an array (int64): for the loader, which cuts a whole report."""
    out = _folded_codes(_codes(text))
    kept = np.flatnonzero(out)
    return out[kept].tobytes().decode("utf-32-le"), kept


def fold_pairs() -> list[tuple[str, str]]:
    """The fold as (character, folded) pairs for SQL: whitespace folds to one ASCII space there (the SQL side
    splits a query at spaces and then drops them); the space itself is left out."""
    return [(chr(cp), " " if out is None else out) for cp, out in sorted(fold_table().items()) if cp != 0x20]
