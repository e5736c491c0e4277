"""Score a warehouse against the gold of a replay snapshot (see docs/eval.md for the definitions).

This module deliberately shares no parsing or normalisation code with the pipeline: it imports
only :mod:`countyreports.reader`, :mod:`countyreports.errors`, the standard library, duckdb and
pyarrow (and ``rapidfuzz`` for speed when installed; an exact pure-Python fallback is built in).

Entry points: :func:`evaluate`, :func:`format_result`, :func:`to_json`, :func:`metrics`,
:func:`check_floors`, :func:`load_floors`, :func:`run_eval_cli`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from countyreports.errors import CountyReportsError, SnapshotError, TerminalError
from countyreports.reader import fetch_table, open_readonly, table_columns

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
    "evaluate",
    "format_result",
    "to_dict",
    "to_json",
    "metrics",
    "check_floors",
    "load_floors",
    "run_eval_cli",
    "normalize_text",
    "normalize_title",
    "edit_distance",
]

TEMPLATES = ("trs", "hanweb", "platform")
NO_NOISE = "none"  # breakdown label for reports without any noise label
_EXAMPLES = 25  # how many FP/FN examples a result keeps


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


_ZERO = PRF.of(0, 0, 0)


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


def _issuer_tokens(issuer: str | None) -> tuple[str, ...]:
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


def _r2(value: Any) -> float | None:
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


def _date_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text[:10] if text else None


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------------------------
# gold


@dataclass(frozen=True)
class _Gold:
    report_id: str
    report_year: int
    title: str
    url: str
    published: str | None
    signed: str | None
    issuer: str | None
    template: str
    noise: tuple[str, ...]
    clean_text: str
    indicators: tuple[dict, ...]
    sections: tuple[dict, ...]


def _load_gold(snapshot_dir: Path, epoch: int) -> dict[str, _Gold]:
    path = Path(snapshot_dir) / "gold" / "reports.jsonl"
    if not path.is_file():
        raise SnapshotError(f"no gold file at {path}: is {snapshot_dir} a portal snapshot?")
    out: dict[str, _Gold] = {}
    epochs_seen: set[int] = set()
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                epochs = [int(e) for e in rec["epochs"]]
                epochs_seen.update(epochs)
                if epoch not in epochs:
                    continue
                clean_text = rec["clean_text"]
                indicators = rec["indicators"]
                for version in rec.get("versions") or ():
                    if int(version.get("epoch", -1)) == epoch:
                        clean_text = version.get("clean_text", clean_text)
                        indicators = version.get("indicators", indicators)
                url = rec["url"]
                if epoch >= 2 and rec.get("moved_to"):
                    url = rec["moved_to"]
                gold = _Gold(
                    report_id=rec["report_id"],
                    report_year=int(rec["report_year"]),
                    title=rec.get("title") or "",
                    url=url,
                    published=rec.get("published"),
                    signed=rec.get("signed"),
                    issuer=rec.get("issuer"),
                    template=rec.get("template") or "unknown",
                    noise=tuple(rec.get("noise") or ()),
                    clean_text=clean_text or "",
                    indicators=tuple(indicators or ()),
                    sections=tuple(rec.get("sections") or ()),
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise SnapshotError(f"{path}:{lineno}: malformed gold record ({exc!r})") from exc
            out[gold.report_id] = gold
    if epoch not in epochs_seen:
        raise SnapshotError(
            f"epoch {epoch} does not occur in {path} (epochs: {sorted(epochs_seen)})"
        )
    return out


# --------------------------------------------------------------------------------------------
# predictions (the warehouse)


@dataclass
class _Pred:
    reports: dict[str, dict]
    indicators: dict[str, list[dict]]
    sections: dict[str, list[dict]]
    warnings: list[str]


_REPORT_COLS = ("report_id", "version", "title", "url", "report_year", "published_date",
                "signed_date", "issuer", "clean_text", "noise")
_IND_COLS = ("code", "value", "approx", "from_value", "char_start")
_SEC_COLS = ("path", "level", "kind", "secondary_kind", "title")


def _select_list(alias: str, wanted: Iterable[str], have: list[str], table: str,
                 warnings: list[str]) -> str:
    parts = []
    for col in wanted:
        if col in have:
            parts.append(f'{alias}."{col}"')
        else:
            parts.append(f'NULL AS "{col}"')
            warnings.append(f"warehouse table {table} has no column {col}: scored as NULL")
    return ", ".join(parts)


def _load_pred(db_path: Path, wait_s: float) -> _Pred:
    warnings: list[str] = []
    con = open_readonly(db_path, wait_s=wait_s)
    try:
        rcols = table_columns(con, "reports")
        if rcols is None:
            raise TerminalError(f"warehouse {db_path} has no `reports` table")
        if "report_id" not in rcols:
            raise TerminalError(f"warehouse {db_path}: table reports has no report_id column")
        where = "WHERE r.status = 'active'" if "status" in rcols else ""
        order = 'r."version" DESC NULLS LAST' if "version" in rcols else "1"
        latest = (
            f"SELECT {_select_list('r', _REPORT_COLS, rcols, 'reports', warnings)} "
            f"FROM reports r {where} "
            f"QUALIFY row_number() OVER (PARTITION BY r.report_id ORDER BY {order}) = 1"
        )
        reports = {row["report_id"]: row for row in fetch_table(con, latest).to_pylist()
                   if row["report_id"] is not None}

        def children(table: str, wanted: tuple[str, ...], order_by: str) -> dict[str, list[dict]]:
            cols = table_columns(con, table)
            if cols is None:
                warnings.append(f"warehouse has no `{table}` table: scored as empty")
                return {}
            join = "c.report_id = l.report_id"
            if "version" in cols and "version" in rcols:
                join += " AND c.version IS NOT DISTINCT FROM l.version"
            elif "version" not in cols:
                warnings.append(f"table {table} has no version column: joined on report_id only")
            if "ordinal" in cols:
                order_by += ", c.ordinal"
            sql = (
                f"WITH l AS ({latest}) "
                f"SELECT c.report_id AS report_id, "
                f"{_select_list('c', wanted, cols, table, warnings)} "
                f"FROM {table} c JOIN l ON {join} ORDER BY c.report_id, {order_by}"
            )
            grouped: dict[str, list[dict]] = defaultdict(list)
            for row in fetch_table(con, sql).to_pylist():
                grouped[row["report_id"]].append(row)
            return dict(grouped)

        indicators = children("indicators", _IND_COLS, "c.char_start NULLS LAST")
        sections = children("sections", _SEC_COLS, "c.report_id")
    finally:
        con.close()
    # de-duplicate warnings, keep order
    return _Pred(reports, indicators, sections, list(dict.fromkeys(warnings)))


# --------------------------------------------------------------------------------------------
# scoring


def _score_discovery(gold: Mapping[str, _Gold], pred: _Pred) -> DiscoveryResult:
    g, p = set(gold), set(pred.reports)
    return DiscoveryResult(
        prf=PRF.of(len(g & p), len(p - g), len(g - p)),
        gold=len(g),
        predicted=len(p),
        missing=tuple(sorted(g - p)),
        spurious=tuple(sorted(p - g)),
    )


def _score_indicators(gold: Mapping[str, _Gold], pred: _Pred
                      ) -> tuple[IndicatorResult, dict[str, PRF]]:
    """Returns the result and the PRF of each gold report (for the breakdowns)."""
    Key = tuple[str, str, float | None]
    gold_items: dict[Key, list[tuple[bool, float | None]]] = defaultdict(list)
    unrecoverable: Counter[Key] = Counter()
    for rid, g in gold.items():
        for ind in g.indicators:
            key = (rid, ind["code"], _r2(ind["value"]))
            if ind.get("recoverable", True) is False:
                unrecoverable[key] += 1
            else:
                gold_items[key].append((bool(ind.get("approx")), _r2(ind.get("from_value"))))
    pred_items: dict[Key, list[tuple[bool, float | None]]] = defaultdict(list)
    for rid, rows in pred.indicators.items():
        for row in rows:
            key = (rid, str(row["code"]), _r2(row["value"]))
            pred_items[key].append((bool(row["approx"]), _r2(row["from_value"])))

    per_code: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_report: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    approx_ok = from_ok = pairs = ignored = 0
    fps: list[tuple[str, str, float | None, int]] = []
    fns: list[tuple[str, str, float | None, int]] = []
    for key in sorted(set(gold_items) | set(pred_items), key=lambda k: (k[0], k[1], k[2] or 0)):
        g, p = gold_items.get(key, []), pred_items.get(key, [])
        tp = min(len(g), len(p))
        fn = len(g) - tp
        extra = len(p) - tp
        skip = min(extra, unrecoverable.get(key, 0))
        fp = extra - skip
        ignored += skip
        rid, code, value = key
        for acc in (per_code[code], per_report[rid]):
            acc[0] += tp
            acc[1] += fp
            acc[2] += fn
        for (ga, gf), (pa, pf) in zip(g, p):
            pairs += 1
            approx_ok += ga == pa
            from_ok += gf == pf
        if fp:
            fps.append((rid, code, value, fp))
        if fn:
            fns.append((rid, code, value, fn))
    tot = [sum(v[i] for v in per_code.values()) for i in range(3)]
    result = IndicatorResult(
        overall=PRF.of(*tot),
        per_code={c: PRF.of(*v) for c, v in sorted(per_code.items())},
        approx=Rate.of(approx_ok, pairs),
        from_value=Rate.of(from_ok, pairs),
        gold_unrecoverable=sum(unrecoverable.values()),
        predictions_ignored=ignored,
        false_positives=tuple(fps[:_EXAMPLES]),
        false_negatives=tuple(fns[:_EXAMPLES]),
    )
    return result, {rid: PRF.of(*v) for rid, v in per_report.items()}


def _score_sections(gold: Mapping[str, _Gold], pred: _Pred) -> SectionResult:
    gold_secs: dict[tuple[str, str], dict] = {}
    for rid, g in gold.items():
        for sec in g.sections:
            if sec.get("path", "") != "":
                gold_secs[(rid, sec["path"])] = sec
    pred_secs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for rid, rows in pred.sections.items():
        for row in rows:
            path = row["path"] if row["path"] is not None else ""
            if path != "":
                pred_secs[(rid, path)].append(row)

    levels: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    kind_ok = sec_ok = kind_total = 0
    confusion: Counter[str] = Counter()
    for key in set(gold_secs) | set(pred_secs):
        gsec = gold_secs.get(key)
        rows = pred_secs.get(key, [])
        match = None
        if gsec is not None:
            want = normalize_title(gsec.get("title"))
            match = next((r for r in rows if normalize_title(r["title"]) == want), None)
        if gsec is not None:
            lvl = int(gsec.get("level") or key[1].count("/") + 1)
        else:
            lvl = _int_or_none(rows[0]["level"]) or key[1].count("/") + 1
        acc = levels[lvl]
        if match is not None:
            acc[0] += 1
            acc[1] += len(rows) - 1
        else:
            acc[1] += len(rows)
            acc[2] += gsec is not None
        if match is not None and lvl == 1:
            kind_total += 1
            gk, pk = gsec.get("kind"), match["kind"]
            if gk == pk:
                kind_ok += 1
            else:
                confusion[f"{gk}->{pk}"] += 1
            sec_ok += gsec.get("secondary_kind") == match["secondary_kind"]
    tot = [sum(v[i] for v in levels.values()) for i in range(3)]
    return SectionResult(
        overall=PRF.of(*tot),
        by_level={lvl: PRF.of(*v) for lvl, v in sorted(levels.items())},
        kind=Rate.of(kind_ok, kind_total),
        secondary_kind=Rate.of(sec_ok, kind_total),
        kind_confusion=dict(confusion.most_common()),
    )


def _score_clean_text(gold: Mapping[str, _Gold], pred: _Pred
                      ) -> tuple[CleanTextResult, dict[str, tuple[int, int]]]:
    per_report: dict[str, tuple[int, int]] = {}
    for rid in sorted(set(gold) & set(pred.reports)):
        g = normalize_text(gold[rid].clean_text)
        p = normalize_text(pred.reports[rid]["clean_text"])
        per_report[rid] = (edit_distance(g, p), len(g))
    edits = sum(e for e, _ in per_report.values())
    chars = sum(n for _, n in per_report.values())
    worst = sorted(
        ((rid, e / n if n else float(e > 0), e, n) for rid, (e, n) in per_report.items() if e),
        key=lambda t: (-t[1], t[0]),
    )[:10]
    result = CleanTextResult(
        cer=edits / chars if chars else None,
        edits=edits,
        gold_chars=chars,
        reports=len(per_report),
        worst=tuple(worst),
    )
    return result, per_report


def _score_metadata(gold: Mapping[str, _Gold], pred: _Pred) -> MetadataResult:
    found = sorted(set(gold) & set(pred.reports))
    n = len(found)
    pub = year = signed = issuer = title = url = 0
    for rid in found:
        g, p = gold[rid], pred.reports[rid]
        pub += _date_str(p["published_date"]) == g.published
        year += _int_or_none(p["report_year"]) == g.report_year
        signed += _date_str(p["signed_date"]) == g.signed
        issuer += _issuer_tokens(p["issuer"]) == _issuer_tokens(g.issuer)
        title += normalize_text(p["title"]) == normalize_text(g.title)
        url += (p["url"] or "").strip() == g.url
    return MetadataResult(
        published_date=Rate.of(pub, n),
        report_year=Rate.of(year, n),
        signed_date=Rate.of(signed, n),
        issuer=Rate.of(issuer, n),
        title=Rate.of(title, n),
        url=Rate.of(url, n),
    )


def _noise_detection(gold: Mapping[str, _Gold], pred: _Pred) -> dict[str, PRF]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for rid in set(gold) & set(pred.reports):
        g = set(gold[rid].noise)
        raw = pred.reports[rid]["noise"]
        p = {str(x) for x in raw} if isinstance(raw, (list, tuple)) else set()
        for label in g | p:
            acc = counts[label]
            if label in g and label in p:
                acc[0] += 1
            elif label in p:
                acc[1] += 1
            else:
                acc[2] += 1
    return {label: PRF.of(*v) for label, v in sorted(counts.items())}


def _breakdowns(gold: Mapping[str, _Gold], groups: Mapping[str, list[str]],
                text: Mapping[str, tuple[int, int]], ind: Mapping[str, PRF]
                ) -> tuple[Breakdown, ...]:
    out = []
    for label, rids in groups.items():
        found = [r for r in rids if r in text]
        edits = sum(text[r][0] for r in found)
        chars = sum(text[r][1] for r in found)
        prf = _ZERO
        for r in rids:
            prf = prf + ind.get(r, _ZERO)
        out.append(Breakdown(label, len(rids), len(found), edits / chars if chars else None,
                             edits, chars, prf))
    return tuple(out)


def evaluate(snapshot_dir: Path, db_path: Path, epoch: int = 1, *,
             wait_s: float = 10.0) -> EvalResult:
    """Score the warehouse at ``db_path`` against the gold of ``snapshot_dir`` for ``epoch``."""
    gold = _load_gold(Path(snapshot_dir), epoch)
    pred = _load_pred(Path(db_path), wait_s)
    # indicators of reports the pipeline found but gold does not know: false positives (kept);
    # the per-report map only covers gold reports, so the breakdowns skip them.
    ind_result, ind_per_report = _score_indicators(gold, pred)
    text_result, text_per_report = _score_clean_text(gold, pred)

    templates: dict[str, list[str]] = {t: [] for t in TEMPLATES}
    noises: dict[str, list[str]] = {}
    for rid, g in sorted(gold.items()):
        templates.setdefault(g.template, []).append(rid)
        for label in g.noise or (NO_NOISE,):
            noises.setdefault(label, []).append(rid)
    noises = dict(sorted(noises.items(), key=lambda kv: (kv[0] == NO_NOISE, kv[0])))

    return EvalResult(
        snapshot=str(snapshot_dir),
        db=str(db_path),
        epoch=epoch,
        discovery=_score_discovery(gold, pred),
        indicators=ind_result,
        sections=_score_sections(gold, pred),
        clean_text=text_result,
        metadata=_score_metadata(gold, pred),
        by_template=_breakdowns(gold, templates, text_per_report, ind_per_report),
        by_noise=_breakdowns(gold, noises, text_per_report, ind_per_report),
        noise_detection=_noise_detection(gold, pred),
        warnings=tuple(pred.warnings),
    )


# --------------------------------------------------------------------------------------------
# flat metrics, floors


LOWER_IS_BETTER = ("clean_text_cer",)


def metrics(result: EvalResult) -> dict[str, float | None]:
    """Flat ``name -> value`` map of every score (the names floors refer to)."""
    m: dict[str, float | None] = {}

    def prf(prefix: str, v: PRF) -> None:
        m[f"{prefix}_precision"] = v.precision
        m[f"{prefix}_recall"] = v.recall
        m[f"{prefix}_f1"] = v.f1

    prf("discovery", result.discovery.prf)
    prf("indicator", result.indicators.overall)
    m["indicator_approx_accuracy"] = result.indicators.approx.value
    m["indicator_from_value_accuracy"] = result.indicators.from_value.value
    prf("section", result.sections.overall)
    m["section_kind_accuracy"] = result.sections.kind.value
    m["section_secondary_kind_accuracy"] = result.sections.secondary_kind.value
    m["clean_text_cer"] = result.clean_text.cer
    md = result.metadata
    m["published_date_accuracy"] = md.published_date.value
    m["report_year_accuracy"] = md.report_year.value
    m["signed_date_accuracy"] = md.signed_date.value
    m["issuer_accuracy"] = md.issuer.value
    m["title_accuracy"] = md.title.value
    m["url_accuracy"] = md.url.value
    for code, v in result.indicators.per_code.items():
        m[f"indicator_f1/{code}"] = v.f1
    for level, v in result.sections.by_level.items():
        m[f"section_f1/level{level}"] = v.f1
    for kind, rows in (("template", result.by_template), ("noise", result.by_noise)):
        for b in rows:
            m[f"clean_text_cer/{kind}/{b.label}"] = b.cer
            m[f"indicator_f1/{kind}/{b.label}"] = b.indicators.f1
    for label, v in result.noise_detection.items():
        m[f"noise_detection_f1/{label}"] = v.f1
    return m


def _lower_is_better(name: str) -> bool:
    return name.split("/", 1)[0] in LOWER_IS_BETTER


def check_floors(result: EvalResult, floors: Mapping[str, float]) -> list[str]:
    """The floors that fail, as readable lines (empty list: all pass).

    A floor is ``metric name -> bound``: a minimum, except for CER metrics (``clean_text_cer``
    and its breakdowns), where it is a maximum. An unknown name or an undefined value (nothing
    to measure) fails, so a typo cannot pass silently.
    """
    values = metrics(result)
    failed: list[str] = []
    for name, bound in floors.items():
        if name not in values:
            failed.append(f"{name}: unknown metric (see docs/eval.md)")
            continue
        value = values[name]
        if value is None:
            failed.append(f"{name}: undefined (nothing to measure), bound {bound}")
        elif _lower_is_better(name):
            if value > float(bound):
                failed.append(f"{name}: {value:.4f} > maximum {float(bound):.4f}")
        elif value < float(bound):
            failed.append(f"{name}: {value:.4f} < minimum {float(bound):.4f}")
    return failed


def load_floors(path: Path) -> dict[str, float]:
    """Read a floors file: JSON (``{"discovery_recall": 0.95}``) or TOML (``.toml``).

    In TOML, quote names holding ``/``: ``"indicator_f1/legal_aid_cases" = 0.8``. A TOML file may
    also put everything under a ``[floors]`` table; a JSON file under a ``"floors"`` key.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TerminalError(f"cannot read floors file {path}: {exc}") from exc
    try:
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise TerminalError(f"floors file {path} is not valid: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("floors"), dict):
        data = data["floors"]
    if not isinstance(data, dict):
        raise TerminalError(f"floors file {path}: expected a table of metric -> number")
    out: dict[str, float] = {}
    for name, bound in data.items():
        if isinstance(bound, bool) or not isinstance(bound, (int, float)):
            raise TerminalError(f"floors file {path}: {name} must be a number, got {bound!r}")
        out[str(name)] = float(bound)
    return out


# --------------------------------------------------------------------------------------------
# output


def to_dict(result: EvalResult) -> dict[str, Any]:
    """The result as plain JSON-able data, plus the flat ``metrics``."""
    data = dataclasses.asdict(result)
    data["metrics"] = metrics(result)
    return data


def to_json(result: EvalResult, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(result), ensure_ascii=False, indent=indent, sort_keys=False)


def _pct(v: float | None) -> str:
    return "   n/a" if v is None else f"{100 * v:6.2f}"


def _prf_line(label: str, v: PRF, width: int = 34) -> str:
    return (f"  {label:<{width}} P {_pct(v.precision)}  R {_pct(v.recall)}  F1 {_pct(v.f1)}"
            f"   (tp {v.tp}, fp {v.fp}, fn {v.fn})")


def _rate_line(label: str, r: Rate, width: int = 34) -> str:
    return f"  {label:<{width}} {_pct(r.value)}%  ({r.matched}/{r.total})"


def _ids(ids: tuple[str, ...], limit: int = 12) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f", … (+{len(ids) - limit})" if len(ids) > limit else "")


def format_result(result: EvalResult) -> str:
    """A readable multi-line report."""
    L: list[str] = []
    d, ind, sec, ct, md = (result.discovery, result.indicators, result.sections,
                           result.clean_text, result.metadata)
    L.append(f"Evaluation of {result.db} against {result.snapshot} (epoch {result.epoch})")
    for w in result.warnings:
        L.append(f"  warning: {w}")
    L.append("")
    L.append(f"Discovery  (gold {d.gold} reports, warehouse {d.predicted})")
    L.append(_prf_line("reports", d.prf))
    if d.missing:
        L.append(f"  missing ({len(d.missing)}): {_ids(d.missing)}")
    if d.spurious:
        L.append(f"  spurious ({len(d.spurious)}): {_ids(d.spurious)}")
    L.append("")
    L.append("Clean text")
    cer = "n/a" if ct.cer is None else f"{100 * ct.cer:.3f}%"
    L.append(f"  CER {cer}  ({ct.edits} edits / {ct.gold_chars} gold chars, {ct.reports} reports)")
    for rid, c, e, n in ct.worst[:5]:
        L.append(f"    worst: {rid}  {100 * c:.2f}%  ({e}/{n})")
    L.append("")
    L.append("Metadata  (over the reports found)")
    L.append(_rate_line("published_date", md.published_date))
    L.append(_rate_line("report_year", md.report_year))
    L.append(_rate_line("signed_date", md.signed_date))
    L.append(_rate_line("issuer", md.issuer))
    L.append(_rate_line("title", md.title))
    L.append(_rate_line("url", md.url))
    L.append("")
    L.append(f"Indicators  (gold mentions left out as unrecoverable: {ind.gold_unrecoverable}; "
             f"predictions ignored on them: {ind.predictions_ignored})")
    L.append(_prf_line("all codes", ind.overall))
    L.append(_rate_line("approx (matched pairs)", ind.approx))
    L.append(_rate_line("from_value (matched pairs)", ind.from_value))
    for code, v in sorted(ind.per_code.items(), key=lambda kv: (kv[1].f1, kv[0])):
        L.append(_prf_line(code, v))
    for title, examples in (("false positives", ind.false_positives),
                            ("false negatives", ind.false_negatives)):
        if examples:
            shown = "; ".join(f"{r} {c}={v:g}" + (f" x{n}" if n > 1 else "")
                              if v is not None else f"{r} {c}=NULL" for r, c, v, n in examples[:8])
            L.append(f"  {title} (first): {shown}")
    L.append("")
    L.append("Sections  (path \"\" ignored)")
    L.append(_prf_line("all levels", sec.overall))
    for level, v in sec.by_level.items():
        L.append(_prf_line(f"level {level}", v))
    L.append(_rate_line("level-1 kind", sec.kind))
    L.append(_rate_line("level-1 secondary_kind", sec.secondary_kind))
    if sec.kind_confusion:
        L.append("  kind errors: " + ", ".join(f"{k} x{n}" for k, n in sec.kind_confusion.items()))
    for title, rows in (("By template", result.by_template), ("By noise label", result.by_noise)):
        L.append("")
        L.append(f"{title}")
        L.append(f"  {'label':<20} {'found':>9}  {'CER %':>7}  {'ind P':>6}  {'ind R':>6}  "
                 f"{'ind F1':>6}")
        for b in rows:
            c = "    n/a" if b.cer is None else f"{100 * b.cer:7.3f}"
            L.append(f"  {b.label:<20} {b.reports_found:>4}/{b.reports_gold:<4}  {c}  "
                     f"{_pct(b.indicators.precision)}  {_pct(b.indicators.recall)}  "
                     f"{_pct(b.indicators.f1)}")
    if result.noise_detection:
        L.append("")
        L.append("Noise label detection  (over the reports found)")
        for label, v in result.noise_detection.items():
            L.append(_prf_line(label, v, 20))
    return "\n".join(L)


def run_eval_cli(snapshot: Path, db: Path, epoch: int = 1, as_json: bool = False,
                 floors_path: Path | None = None) -> int:
    """Body of ``countyreports eval``: prints the result; exit code 0 ok, 1 a floor failed,
    2 the evaluation could not run (missing DB, busy warehouse, bad snapshot or floors file)."""
    try:
        floors = load_floors(floors_path) if floors_path is not None else None
        result = evaluate(Path(snapshot), Path(db), epoch)
    except CountyReportsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    failed = check_floors(result, floors) if floors is not None else []
    if as_json:
        data = to_dict(result)
        if floors is not None:
            data["floors"] = {"checked": floors, "failed": failed}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_result(result))
        if floors is not None:
            print()
            if failed:
                print(f"Floors: {len(failed)} of {len(floors)} failed")
                for line in failed:
                    print(f"  FAIL {line}")
            else:
                print(f"Floors: all {len(floors)} passed")
    if failed and as_json:
        for line in failed:
            print(f"FAIL {line}", file=sys.stderr)
    return 1 if failed else 0
