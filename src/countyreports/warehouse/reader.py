"""Read-only access to the DuckDB warehouse (used by eval, sql, export and report).

DuckDB lets one process hold a file for writing and no other process open it at all, not even
read-only. While a pipeline run writes the warehouse, :func:`open_readonly` waits a little and
then raises :class:`~countyreports.errors.WarehouseBusy`; query the Parquet export meanwhile.

Nothing here ever creates or changes a database file.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from countyreports.errors import TerminalError, WarehouseBusy

__all__ = [
    "WarehouseNotFound",
    "open_readonly",
    "query",
    "is_lock_error",
    "table_columns",
    "fetch_table",
]

DEFAULT_WAIT_S = 10.0
_POLL_S = 0.25


class WarehouseNotFound(TerminalError, FileNotFoundError):
    """The warehouse file does not exist (nothing is created in its place)."""

    def __init__(self, message: str) -> None:  # FileNotFoundError's own __init__ differs
        TerminalError.__init__(self, message)


def is_lock_error(exc: BaseException) -> bool:
    """True when DuckDB refused the file because another process holds its lock."""
    if not isinstance(exc, duckdb.Error):
        return False
    text = str(exc).lower()
    return "could not set lock" in text or "conflicting lock" in text or (
        "lock" in text and isinstance(exc, duckdb.IOException)
    )


def _busy_message(path: Path, waited: float, cause: BaseException) -> str:
    return (
        f"warehouse {path} is locked by another process (a pipeline run?) and stayed locked "
        f"for {waited:.1f}s. DuckDB allows no reader beside a writer: wait for the run to end, "
        f"or query the Parquet export instead. Make one between runs with "
        f"`countyreports export --db {path} --out export`, then query it while runs go on with "
        f"`countyreports export-sql \"SELECT ... FROM compare_indicators\" --dir export` (same view "
        f"names) or read_parquet('export/compare_indicators/**/*.parquet', hive_partitioning = true) "
        f"in DuckDB, pyarrow or pandas (README: Reading while a harvest runs). DuckDB said: {cause}"
    )


def open_readonly(db_path: str | Path, *, wait_s: float = DEFAULT_WAIT_S,
                  poll_s: float = _POLL_S) -> duckdb.DuckDBPyConnection:
    """Open the warehouse read-only.

    Retries for up to ``wait_s`` seconds while another process holds the write lock, then raises
    :class:`WarehouseBusy`. A missing file raises :class:`WarehouseNotFound` (never creates one).
    Other DuckDB failures (not a DuckDB file, version mismatch, ...) raise ``TerminalError``.
    """
    path = Path(db_path)
    if not path.is_file():
        if path.exists():
            raise WarehouseNotFound(f"warehouse path {path} is not a file")
        raise WarehouseNotFound(
            f"warehouse {path} does not exist: run the pipeline first, or pass the right --db"
        )
    start = time.monotonic()
    while True:
        try:
            return duckdb.connect(str(path), read_only=True)
        except duckdb.Error as exc:
            if is_lock_error(exc):
                waited = time.monotonic() - start
                if waited >= wait_s:
                    raise WarehouseBusy(_busy_message(path, waited, exc)) from exc
                time.sleep(min(poll_s, max(wait_s - waited, 0.0)) or 0.01)
                continue
            if "does not exist" in str(exc).lower():  # removed between the check and the open
                raise WarehouseNotFound(f"warehouse {path} does not exist") from exc
            raise TerminalError(f"cannot open warehouse {path} read-only: {exc}") from exc


def _relation_to_arrow(rel: Any) -> pa.Table:
    # duckdb 2.0: Relation.to_arrow_table() (.arrow() returns a RecordBatchReader there);
    # older duckdb: fetch_arrow_table() / arrow() returning a table.
    if rel is None:  # a statement without a result set
        return pa.table({})
    for name in ("to_arrow_table", "fetch_arrow_table"):
        fn = getattr(rel, name, None)
        if fn is not None:
            return fn()
    out = rel.arrow()
    if isinstance(out, pa.RecordBatchReader):
        return out.read_all()
    return out


def fetch_table(con: duckdb.DuckDBPyConnection, sql: str,
                params: Sequence[Any] | Mapping[str, Any] | None = None) -> pa.Table:
    """Run ``sql`` on an open connection and return the result as an Arrow table."""
    rel = con.sql(sql, params=params) if params is not None else con.sql(sql)
    return _relation_to_arrow(rel)


def query(db_path: str | Path, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None,
          *, wait_s: float = DEFAULT_WAIT_S) -> pa.Table:
    """Run one SQL statement on a read-only connection and return the result as an Arrow table.

    ``params`` binds ``?`` (a sequence) or ``$name`` (a mapping) placeholders.
    """
    con = open_readonly(db_path, wait_s=wait_s)
    try:
        return fetch_table(con, sql, params)
    finally:
        con.close()


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str] | None:
    """Column names of ``table`` in the main schema, in order; None when the table is absent."""
    rows = con.execute(
        "select column_name from information_schema.columns "
        "where table_name = ? and table_schema = 'main' and table_catalog = current_database() "
        "order by ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows] or None

