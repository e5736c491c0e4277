"""A report text cut into the passages full-text search looks in: its sentences, each with its search fold.

    for start, end, folded, mask in passages(clean_text): ...   # clean_text[start:end] is the sentence
    sentence_changes(old_text, new_text)                  # [(old sentence | None, new sentence | None), ...]

Sentences are the ones the indicators quote (`indicators.breaks`): they end at 。；;!！?？ and at line breaks
(so a heading line is a passage of its own); the break itself belongs to no sentence. A sentence whose fold is
empty (only spaces) is left out. The fold is `countyreports.text.fold.fold`, computed once for the whole text
and cut at the sentence offsets; the mask is the OR of the folded characters' `char_masks` bits (the
sentence's own, and those of the break after it: a mask may hold more bits than its sentence, never fewer).
"""

from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np

from countyreports.reading.indicators.breaks import sentence_ends
from countyreports.text.fold import char_masks, fold_offsets

__all__ = ["passages", "sentence_changes"]


def passages(text: str) -> list[tuple[int, int, str, int]]:
    """(char_start, char_end, folded sentence, character mask) of every sentence of `text` whose fold is not
    empty, in order."""
    if not text:
        return []
    ends = sentence_ends(text, 0, len(text))
    starts = [0, *(e + 1 for e in ends)]
    stops = [*ends, len(text)]
    folded, where, codes = fold_offsets(text)
    # the folded slice of [a, b): the folded characters whose source offset lies in [a, b)
    lo = np.searchsorted(where, starts)
    hi = np.searchsorted(where, stops)
    keep = hi > lo
    if not keep.any():
        return []
    lo, hi = lo[keep], hi[keep]
    masks = np.bitwise_or.reduceat(char_masks(codes), lo).tolist()  # to the next kept sentence's start
    kept = [i for i, k in enumerate(keep.tolist()) if k]
    return [(starts[k], stops[k], folded[i:j], m)
            for k, i, j, m in zip(kept, lo.tolist(), hi.tolist(), masks, strict=True)]


def sentence_changes(old: str, new: str) -> list[tuple[str | None, str | None]]:
    """The sentences that differ between two versions of a text, in document order, side by side: (old, new)
    for a sentence re-worded in place, (old, None) for one removed, (None, new) for one added. Sentences are
    compared in their search fold (a change of spacing or character width is no change); `difflib` aligns the
    two sequences, and a replaced block pairs its sentences in order (the longer side's rest stands alone)."""
    a, b = passages(old), passages(new)
    matcher = SequenceMatcher(None, [p[2] for p in a], [p[2] for p in b], autojunk=False)
    out: list[tuple[str | None, str | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds = [old[p[0]:p[1]] for p in a[i1:i2]]
        news = [new[p[0]:p[1]] for p in b[j1:j2]]
        for k in range(max(len(olds), len(news))):
            out.append((olds[k] if k < len(olds) else None, news[k] if k < len(news) else None))
    return out
