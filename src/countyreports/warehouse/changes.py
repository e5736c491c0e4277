"""What a correction changed (`countyreports diff`): one row of `core_report_changes` for two versions of a
report, and the sentences that differ between them, side by side.

    d = report_changes(con, "513423-2023")                 # the latest version against the one before it
    d = report_changes(con, "513423-2023", 1, 3)           # any two versions
    d.changed_indicators, d.sections_reworded, d.sentences  # [(old | None, new | None), ...]

The comparison itself is SQL (sql/core/core_report_changes.sql, whose consecutive pairs are
`mart_report_changes`); the sentence pairs are `reading.passages.sentence_changes` of the two clean texts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from countyreports.errors import TerminalError
from countyreports.reading.passages import sentence_changes
from countyreports.warehouse.search import require

__all__ = ["IndicatorChange", "ReportChanges", "report_changes"]


@dataclass(frozen=True, slots=True)
class IndicatorChange:
    indicator_code: str
    previous_value: float | None  # None: not stated in the older version
    value: float | None  # None: not stated in the newer version


@dataclass(frozen=True, slots=True)
class ReportChanges:
    report_id: str
    county: str | None
    report_year: int
    previous_version: int
    version: int
    versions: tuple[int, ...]  # every version loaded
    previous_url: str | None
    url: str | None
    previous_fetched_at: dt.datetime | None
    fetched_at: dt.datetime | None
    previous_text_char_count: int
    text_char_count: int
    text_edit_distance: int
    sentences_added_count: int
    sentences_removed_count: int
    changed_indicators: tuple[IndicatorChange, ...]
    sections_added: tuple[str, ...]
    sections_removed: tuple[str, ...]
    sections_reworded: tuple[str, ...]
    sentences: tuple[tuple[str | None, str | None], ...]


def report_changes(con: duckdb.DuckDBPyConnection, report_id: str, previous_version: int | None = None,
                   version: int | None = None) -> ReportChanges:
    """The changes from `previous_version` (default: the one before `version`) to `version` (default: the
    latest). TerminalError when the report or a version is not in the warehouse, or the two are not in order."""
    require(con, "core_report_changes")
    versions = [int(r[0]) for r in con.execute(
        "SELECT version FROM stg_report_versions WHERE report_id = ? ORDER BY version", [report_id]).fetchall()]
    if not versions:
        raise TerminalError(f"no report {report_id} in the warehouse")
    to = versions[-1] if version is None else version
    frm = (to - 1) if previous_version is None else previous_version
    listed = ", ".join(map(str, versions))
    if len(versions) == 1 and previous_version is None and version is None:
        raise TerminalError(f"{report_id} has one version only: nothing was corrected")
    for v in (to, frm):
        if v not in versions:
            raise TerminalError(f"{report_id} has no version {v}; its versions: {listed}")
    if frm >= to:
        raise TerminalError(f"--from ({frm}) must be an earlier version than --to ({to})")
    row = con.execute(
        "SELECT r.county, c.report_year, c.previous_url, c.url, c.previous_fetched_at, c.fetched_at, "
        "c.previous_text_char_count, c.text_char_count, c.text_edit_distance, c.sentences_added_count, "
        "c.sentences_removed_count, c.changed_indicators, c.sections_added, c.sections_removed, "
        "c.sections_reworded "
        "FROM core_report_changes AS c JOIN core_reports AS r USING (report_id) "
        "WHERE c.report_id = ? AND c.previous_version = ? AND c.version = ?", [report_id, frm, to]).fetchone()
    if row is None:  # (both versions exist: the view has every pair)
        raise TerminalError(f"no comparison of {report_id} versions {frm} and {to}")
    texts = dict(con.execute("SELECT version, clean_text FROM stg_report_versions WHERE report_id = ? "
                             "AND version IN (?, ?)", [report_id, frm, to]).fetchall())
    changed = tuple(IndicatorChange(d["indicator_code"], d["previous_value"], d["value"]) for d in row[11])
    return ReportChanges(
        report_id, row[0], int(row[1]), frm, to, tuple(versions), row[2], row[3], row[4], row[5], int(row[6]),
        int(row[7]), int(row[8]), int(row[9] or 0), int(row[10] or 0), changed, tuple(row[12]), tuple(row[13]),
        tuple(row[14]), tuple(sentence_changes(texts.get(frm) or "", texts.get(to) or "")))
