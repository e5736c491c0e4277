"""A report text cut into the passages full-text search looks in: its sentences, each with its search fold.

    for start, end, folded in passages(clean_text): ...   # clean_text[start:end] is the sentence
    sentence_changes(old_text, new_text)                  # [(old sentence | None, new sentence | None), ...]

Sentences are the ones the indicators quote (`indicators.breaks`): they end at 。；;!！?？ and at line breaks
(so a heading line is a passage of its own); the break itself belongs to no sentence. A sentence whose fold is
empty (only spaces) is left out. The fold is `countyreports.text.fold.fold`, computed once for the whole text
and cut at the sentence offsets.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np

from countyreports.reading.indicators.breaks import sentence_ends
from countyreports.text.fold import fold_offsets

__all__ = ["passages", "sentence_changes"]


def passages(text: str) -> list[tuple[int, int, str]]:
    """(char_start, char_end, folded sentence) of every sentence of `text` whose fold is not empty, in order."""
    if not text:
        return []
    ends = sentence_ends(text, 0, len(text))
    starts = [0, *(e + 1 for e in ends)]
    stops = [*ends, len(text)]
    folded, where = fold_offsets(text)
    # the folded slice of [a, b): the folded characters whose source offset lies in [a, b)
    lo = np.searchsorted(where, starts).tolist()
    hi = np.searchsorted(where, stops).tolist()
    return [(a, b, folded[i:j]) for a, b, i, j in zip(starts, stops, lo, hi) if j > i]


def sentence_changes(old: str, new: str) -> list[tuple[str | None, str | None]]:
    """The sentences that differ between two versions of a text, in document order, side by side: (old, new)
    for a sentence re-worded in place, (old, None) for one removed, (None, new) for one added. Sentences are
    compared in their search fold (a change of spacing or character width is no change); `difflib` aligns the
    two sequences, and a replaced block pairs its sentences in order (the longer side's rest stands alone)."""
    a, b = passages(old), passages(new)
    matcher = SequenceMatcher(None, [f for _s, _e, f in a], [f for _s, _e, f in b], autojunk=False)
    out: list[tuple[str | None, str | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds = [old[s:e] for s, e, _f in a[i1:i2]]
        news = [new[s:e] for s, e, _f in b[j1:j2]]
        for k in range(max(len(olds), len(news))):
            out.append((olds[k] if k < len(olds) else None, news[k] if k < len(news) else None))
    return out
