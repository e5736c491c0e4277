"""The scorecard of an evaluation: the flat metrics, the floors checked against them, the JSON
and text output, and the body of ``countyreports eval`` (see docs/eval.md).

Entry points: :func:`metrics`, :func:`check_floors`, :func:`load_floors`, :func:`to_dict`,
:func:`to_json`, :func:`format_result`, :func:`run_eval_cli`.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
import textwrap
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from countyreports.errors import CountyReportsError, TerminalError
from countyreports.evaluation.scoring import evaluate
from countyreports.evaluation.scores import PRF, EvalResult, Rate

__all__ = [
    "metrics",
    "check_floors",
    "load_floors",
    "to_dict",
    "to_json",
    "format_result",
    "run_eval_cli",
]


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
    m["text_source_accuracy"] = md.text_source.value
    for code, v in result.indicators.per_code.items():
        m[f"indicator_f1/{code}"] = v.f1
    for level, v in result.sections.by_level.items():
        m[f"section_f1/level{level}"] = v.f1
    for kind, rows in (("template", result.by_template), ("noise", result.by_noise),
                       ("source", result.by_source)):
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
    L.append(_rate_line("text_source", md.text_source))
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
    for title, rows in (("By template", result.by_template), ("By noise label", result.by_noise),
                        ("By text source", result.by_source)):
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


def fit_lines(text: str, width: int) -> str:
    """Lines longer than `width` wrapped, their continuation indented under their first word."""
    out = []
    for line in text.splitlines():
        if len(line) <= width:
            out.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip()) + 4)
        out += textwrap.wrap(line, width, subsequent_indent=indent, break_on_hyphens=False) or [line]
    return "\n".join(out)


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
        print(fit_lines(format_result(result), shutil.get_terminal_size().columns))
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
