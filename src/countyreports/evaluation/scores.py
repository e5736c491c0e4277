"""The records an evaluation returns (PRF, Rate, the per-area results, EvalResult) and the
normalisation and edit distance the scoring compares with (see docs/eval.md for the definitions).

Own code, like the rest of the evaluation (:mod:`countyreports.evaluation.gold`, :mod:`countyreports.evaluation.scoring`,
:mod:`countyreports.evaluation.scorecard`): nothing is shared with the pipeline. Imports only the standard
library (and ``rapidfuzz`` for speed when installed; an exact pure-Python fallback is built in).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

__all__ = [
    "PRF",
    "Rate",
    "DiscoveryResult",
    "IndicatorResult",
    "SectionResult",
    "CleanTextResult",
    "MetadataResult",
    "Breakdown",
    "EvalResult",
    "normalize_text",
    "normalize_title",
    "issuer_tokens",
    "edit_distance",
    "round2",
    "date_str",
    "int_or_none",
]


# --------------------------------------------------------------------------------------------
# result records


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts and precision/recall/F1.

    Conventions: precision is 1.0 when nothing was predicted, recall is 1.0 when there is no
    gold; F1 is 0.0 when precision + recall is 0.
    """

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> PRF:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(tp, fp, fn, p, r, f)

    def __add__(self, other: PRF) -> PRF:
        return PRF.of(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class Rate:
    """``matched`` out of ``total``; ``value`` is None when ``total`` is 0."""

    matched: int
    total: int
    value: float | None

    @classmethod
    def of(cls, matched: int, total: int) -> Rate:
        return cls(matched, total, matched / total if total else None)


@dataclass(frozen=True)
class DiscoveryResult:
    prf: PRF
    gold: int  # gold reports present in the epoch
    predicted: int  # distinct (active) report_ids in the warehouse
    missing: tuple[str, ...]  # gold report_ids not found
    spurious: tuple[str, ...]  # predicted report_ids not in the gold of the epoch


@dataclass(frozen=True)
class IndicatorResult:
    overall: PRF
    per_code: dict[str, PRF]
    approx: Rate  # over matched mention pairs
    from_value: Rate  # over matched mention pairs
    gold_unrecoverable: int  # gold mentions left out (recoverable: false)
    predictions_ignored: int  # predictions that matched only an unrecoverable gold mention
    false_positives: tuple[tuple[str, str, float | None, int], ...]  # examples (id, code, value, n)
    false_negatives: tuple[tuple[str, str, float | None, int], ...]


@dataclass(frozen=True)
class SectionResult:
    overall: PRF
    by_level: dict[int, PRF]
    kind: Rate  # level-1 kind, over matched level-1 sections
    secondary_kind: Rate  # level-1 secondary_kind (null == null), over matched level-1 sections
    kind_confusion: dict[str, int]  # "gold->predicted": count, for wrong kinds


@dataclass(frozen=True)
class CleanTextResult:
    cer: float | None  # edits / gold_chars over the reports found; None when none was found
    edits: int
    gold_chars: int
    reports: int
    worst: tuple[tuple[str, float, int, int], ...]  # (report_id, cer, edits, gold_chars)


@dataclass(frozen=True)
class MetadataResult:
    published_date: Rate
    report_year: Rate
    signed_date: Rate
    issuer: Rate
    title: Rate
    url: Rate
    text_source: Rate = Rate(0, 0, None)  # where the text was read from (html, docx, pdf-text, doc, ocr)


@dataclass(frozen=True)
class Breakdown:
    """Scores restricted to the gold reports carrying one label (a template or a noise label)."""

    label: str
    reports_gold: int
    reports_found: int
    cer: float | None
    edits: int
    gold_chars: int
    indicators: PRF


@dataclass(frozen=True)
class EvalResult:
    snapshot: str
    db: str
    epoch: int
    discovery: DiscoveryResult
    indicators: IndicatorResult
    sections: SectionResult
    clean_text: CleanTextResult
    metadata: MetadataResult
    by_template: tuple[Breakdown, ...]
    by_noise: tuple[Breakdown, ...]
    noise_detection: dict[str, PRF]  # per noise label, over the reports found
    by_source: tuple[Breakdown, ...] = ()  # per gold text_source (a Word file, OCR, ...)
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# normalisation and edit distance (own code: nothing shared with the pipeline)

_FINAL_PUNCT = "。．.，,、；;：:！!？?…"
_ISSUER_SPLIT = re.compile(r"[\s、,，;；/／]+")


def normalize_text(text: str | None) -> str:
    """NFKC, then every whitespace character removed (what clean-text CER compares)."""
    if not text:
        return ""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def normalize_title(title: str | None) -> str:
    """:func:`normalize_text`, then final punctuation removed (section titles)."""
    return normalize_text(title).rstrip(_FINAL_PUNCT)


def issuer_tokens(issuer: str | None) -> tuple[str, ...]:
    if not issuer:
        return ()
    text = unicodedata.normalize("NFKC", issuer)
    return tuple(t for t in _ISSUER_SPLIT.split(text) if t)


def _levenshtein_bitparallel(a: str, b: str) -> int:
    """Exact Levenshtein distance, Myers/Hyyrö bit-vector algorithm on Python ints."""
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    peq: dict[str, int] = {}
    for i, ch in enumerate(b):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    full = (1 << m) - 1
    top = 1 << (m - 1)
    pv, mv, score = full, 0, m
    for ch in a:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
    return score


try:  # pragma: no cover - exercised when rapidfuzz is installed
    from rapidfuzz.distance import Levenshtein as _RFLevenshtein

    def edit_distance(a: str, b: str) -> int:
        """Levenshtein distance (unit costs) between two strings."""
        return int(_RFLevenshtein.distance(a, b))

except ImportError:  # pragma: no cover - exercised when rapidfuzz is missing

    def edit_distance(a: str, b: str) -> int:
        """Levenshtein distance (unit costs) between two strings."""
        return _levenshtein_bitparallel(a, b)


def round2(value: Any) -> float | None:
    """A value rounded to 2 decimals, for matching; None for NULL / NaN / non-numbers."""
    if value is None or isinstance(value, bool):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(f) or math.isinf(f):
        return None
    r = round(f, 2)
    return 0.0 if r == 0 else r


def date_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text[:10] if text else None


def int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
