"""A full-text search query: its terms, folded, and where they stand in a sentence.

    terms = parse_query('首违不罚 "容缺 受理" -罚款')
    terms.includes == ("首违不罚", "容缺受理"); terms.excludes == ("罚款",)
    terms.matches(fold(sentence))                  # every include in it, no exclude
    highlight_spans("首 违不罚。", terms.includes)  # [(0, 5)]: where the terms are, in the original sentence

Syntax: terms separated by whitespace must all occur in one sentence; a term starting with ``-`` must not
occur in it; double quotes hold a term together (``"法治 政府"``: spaces vanish in the fold anyway, so it is the
term 法治政府). Every term is folded with `fold_query` (OpenCC t2s phrase by phrase, then the search fold): a
term that folds to nothing (only spaces, only ``-``) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from countyreports.text.fold import fold_positions, fold_query

__all__ = ["Terms", "highlight_spans", "parse_query"]

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True, slots=True)
class Terms:
    """The folded terms of a query: all `includes` in one sentence, none of the `excludes`."""

    includes: tuple[str, ...]
    excludes: tuple[str, ...] = ()

    def matches(self, folded_sentence: str) -> bool:
        """The brute-force test of one folded sentence (the definition the warehouse query implements)."""
        return (all(t in folded_sentence for t in self.includes)
                and not any(t in folded_sentence for t in self.excludes))


def parse_query(query: str) -> Terms:
    """The terms of a query string (see the module docstring). Raises ValueError when it has no term to find."""
    includes: list[str] = []
    excludes: list[str] = []
    for m in _TOKEN.finditer(query.replace("＂", '"')):
        if m.group(3) is not None:
            word = m.group(3)
            negative = word.startswith(("-", "－")) and len(word) > 1
            text = word[1:] if negative else word
        else:
            negative, text = bool(m.group(1)), m.group(2)
        folded = fold_query(text)
        if folded:
            target = excludes if negative else includes
            if folded not in target:
                target.append(folded)
    if not includes:
        raise ValueError(f"the query {query!r} has no term to look for (only exclusions or spaces)")
    return Terms(tuple(includes), tuple(excludes))


def highlight_spans(sentence: str, includes: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of `sentence` (original offsets, merged, in order) where a folded term occurs: a match across
    removed spaces spans them (``首 违不罚``)."""
    folded, where = fold_positions(sentence)
    spans: list[tuple[int, int]] = []
    for term in includes:
        i = folded.find(term)
        while i >= 0 and term:
            spans.append((where[i], where[i + len(term) - 1] + 1))
            i = folded.find(term, i + 1)
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged
