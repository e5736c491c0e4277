"""The two sides an evaluation compares: the gold of a replay snapshot for one epoch
(:func:`load_gold`) and the predictions of a warehouse, read through :mod:`countyreports.warehouse.reader`
(:func:`load_pred`). See docs/eval.md, "What is read".

Imports only :mod:`countyreports.warehouse.reader`, :mod:`countyreports.errors` and the standard library:
no parsing code is shared with the pipeline.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from countyreports.errors import SnapshotError, TerminalError
from countyreports.warehouse.reader import fetch_table, open_readonly, table_columns

__all__ = ["Gold", "Pred", "load_gold", "load_pred"]


# --------------------------------------------------------------------------------------------
# gold


@dataclass(frozen=True)
class Gold:
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
    text_source: str | None = None  # html / docx / pdf-text / doc / ocr (None: the gold does not say)


def load_gold(snapshot_dir: Path, epoch: int) -> dict[str, Gold]:
    path = Path(snapshot_dir) / "gold" / "reports.jsonl"
    if not path.is_file():
        raise SnapshotError(f"no gold file at {path}: is {snapshot_dir} a portal snapshot?")
    out: dict[str, Gold] = {}
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
                gold = Gold(
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
                    text_source=rec.get("text_source"),
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
class Pred:
    reports: dict[str, dict]
    indicators: dict[str, list[dict]]
    sections: dict[str, list[dict]]
    warnings: list[str]


_REPORT_COLS = ("report_id", "version", "title", "url", "report_year", "published_date",
                "signed_date", "issuer", "clean_text", "noise", "text_source")
_IND_COLS = ("code", "value", "approx", "from_value", "char_start", "value_kind")
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


def load_pred(db_path: Path, wait_s: float) -> Pred:
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
        # a stated change (value_kind 'change': 较上年增加12件) is no value of the year; the gold lists values
        indicators = {rid: kept for rid, rows in indicators.items()
                      if (kept := [r for r in rows if (r.get("value_kind") or "value") == "value"])}
        sections = children("sections", _SEC_COLS, "c.report_id")
    finally:
        con.close()
    # de-duplicate warnings, keep order
    return Pred(reports, indicators, sections, list(dict.fromkeys(warnings)))
