"""Data checks: run the zero-row assertion queries of ``sql/tests/`` on a warehouse, read-only.

Each ``sql/tests/*.sql`` file is one SELECT that returns the offending rows; a healthy warehouse returns none.
The first line of each file (a ``--`` comment) says what it asserts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from countyreports.warehouse.reader import DEFAULT_WAIT_S, fetch_table, open_readonly
from countyreports.warehouse.writer import SQL_DIR

__all__ = ["CheckResult", "assertion_files", "run_checks"]


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str  # file stem, e.g. assert_indicator_codes_known
    description: str  # the file's first comment line
    failing_rows: int
    sample: tuple[dict[str, object], ...]  # up to 5 offending rows

    @property
    def ok(self) -> bool:
        return self.failing_rows == 0


def assertion_files(sql_dir: Path = SQL_DIR) -> list[Path]:
    """The assertion queries, in file-name order."""
    return sorted((sql_dir / "tests").glob("*.sql"))


def _description(text: str) -> str:
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    return first.removeprefix("--").strip()


def run_checks(db_path: str | Path, *, sql_dir: Path = SQL_DIR, wait_s: float = DEFAULT_WAIT_S) -> list[CheckResult]:
    """Run every assertion query on a read-only connection; one result per file."""
    con = open_readonly(db_path, wait_s=wait_s)
    try:
        out = []
        for path in assertion_files(sql_dir):
            text = path.read_text(encoding="utf-8")
            tbl = fetch_table(con, text)
            out.append(CheckResult(path.stem, _description(text), tbl.num_rows,
                                   tuple(tbl.slice(0, 5).to_pylist())))
        return out
    finally:
        con.close()
