"""A report text cut into the passages full-text search looks in: its sentences, each with its search fold.

    for start, end, folded in passages(clean_text): ...   # clean_text[start:end] is the sentence

Sentences are the ones the indicators quote (`indicators.breaks`): they end at 。；;!！?？ and at line breaks
(so a heading line is a passage of its own); the break itself belongs to no sentence. A sentence whose fold is
empty (only spaces) is left out. The fold is `countyreports.text.fold.fold`, computed once for the whole text
and cut at the sentence offsets.
"""

from __future__ import annotations

import numpy as np

from countyreports.reading.indicators.breaks import sentence_ends
from countyreports.text.fold import fold_offsets

__all__ = ["passages"]


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
