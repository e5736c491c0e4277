"""Score a warehouse against the gold of a replay snapshot (see docs/eval.md for the definitions).

The evaluation deliberately shares no parsing or normalisation code with the pipeline: this module
imports only its own :mod:`countyreports.evaluation.scores` (records, normalisation, edit distance) and
:mod:`countyreports.evaluation.gold` (gold and warehouse loading, through :mod:`countyreports.warehouse.reader`) and the
standard library. Metrics, floors and output: :mod:`countyreports.evaluation.scorecard`.

Entry point: :func:`evaluate`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path

from countyreports.evaluation.gold import Gold, Pred, load_gold, load_pred
from countyreports.evaluation.scores import (
    PRF,
    Breakdown,
    CleanTextResult,
    DiscoveryResult,
    EvalResult,
    IndicatorResult,
    MetadataResult,
    Rate,
    SectionResult,
    date_str,
    edit_distance,
    int_or_none,
    issuer_tokens,
    normalize_text,
    normalize_title,
    round2,
)

__all__ = ["evaluate"]

TEMPLATES = ("trs", "hanweb", "platform")
NO_NOISE = "none"  # breakdown label for reports without any noise label
_EXAMPLES = 25  # how many FP/FN examples a result keeps
_ZERO = PRF.of(0, 0, 0)


# --------------------------------------------------------------------------------------------
# scoring


def _score_discovery(gold: Mapping[str, Gold], pred: Pred) -> DiscoveryResult:
    g, p = set(gold), set(pred.reports)
    return DiscoveryResult(
        prf=PRF.of(len(g & p), len(p - g), len(g - p)),
        gold=len(g),
        predicted=len(p),
        missing=tuple(sorted(g - p)),
        spurious=tuple(sorted(p - g)),
    )


def _score_indicators(gold: Mapping[str, Gold], pred: Pred
                      ) -> tuple[IndicatorResult, dict[str, PRF]]:
    """Returns the result and the PRF of each gold report (for the breakdowns)."""
    Key = tuple[str, str, float | None]
    gold_items: dict[Key, list[tuple[bool, float | None]]] = defaultdict(list)
    unrecoverable: Counter[Key] = Counter()
    for rid, g in gold.items():
        for ind in g.indicators:
            key = (rid, ind["code"], round2(ind["value"]))
            if ind.get("recoverable", True) is False:
                unrecoverable[key] += 1
            else:
                gold_items[key].append((bool(ind.get("approx")), round2(ind.get("from_value"))))
    pred_items: dict[Key, list[tuple[bool, float | None]]] = defaultdict(list)
    for rid, rows in pred.indicators.items():
        for row in rows:
            key = (rid, str(row["code"]), round2(row["value"]))
            pred_items[key].append((bool(row["approx"]), round2(row["from_value"])))

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


def _score_sections(gold: Mapping[str, Gold], pred: Pred) -> SectionResult:
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
            lvl = int_or_none(rows[0]["level"]) or key[1].count("/") + 1
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


def _score_clean_text(gold: Mapping[str, Gold], pred: Pred
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


def _score_metadata(gold: Mapping[str, Gold], pred: Pred) -> MetadataResult:
    found = sorted(set(gold) & set(pred.reports))
    n = len(found)
    pub = year = signed = issuer = title = url = source = sourced = 0
    for rid in found:
        g, p = gold[rid], pred.reports[rid]
        pub += date_str(p["published_date"]) == g.published
        year += int_or_none(p["report_year"]) == g.report_year
        signed += date_str(p["signed_date"]) == g.signed
        issuer += issuer_tokens(p["issuer"]) == issuer_tokens(g.issuer)
        title += normalize_text(p["title"]) == normalize_text(g.title)
        url += (p["url"] or "").strip() == g.url
        if g.text_source is not None:
            sourced += 1
            source += p.get("text_source") == g.text_source
    return MetadataResult(
        published_date=Rate.of(pub, n),
        report_year=Rate.of(year, n),
        signed_date=Rate.of(signed, n),
        issuer=Rate.of(issuer, n),
        title=Rate.of(title, n),
        url=Rate.of(url, n),
        text_source=Rate.of(source, sourced),
    )


def _noise_detection(gold: Mapping[str, Gold], pred: Pred) -> dict[str, PRF]:
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


def _breakdowns(gold: Mapping[str, Gold], groups: Mapping[str, list[str]],
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
    gold = load_gold(Path(snapshot_dir), epoch)
    pred = load_pred(Path(db_path), wait_s)
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
    sources: dict[str, list[str]] = {}
    for rid, g in sorted(gold.items()):
        if g.text_source is not None:
            sources.setdefault(g.text_source, []).append(rid)

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
        by_source=_breakdowns(gold, dict(sorted(sources.items())), text_per_report, ind_per_report),
        warnings=tuple(pred.warnings),
    )
