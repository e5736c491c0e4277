"""Relations as one Excel workbook (xlsxwriter): a sheet per relation and a `dictionary` sheet describing every
column exported (relation, column, type, meaning from docs/dictionary.md; the relation's grain on its first
row).

Cells keep their types: numbers as numbers, dates and timestamps as Excel dates, text as text — never turned
into formulas, URLs or numbers (a sentence starting with `=` stays text). A header row, frozen, with a filter.
Excel's limits are checked, not truncated into: a relation of more than 1,048,575 rows, or a text longer than
32,767 characters, stops the export with an error naming it (export it as csv or parquet).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import xlsxwriter

from countyreports.errors import TerminalError
from countyreports.warehouse.dictionary import Dictionary

__all__ = ["MAX_ROWS", "MAX_TEXT", "write_workbook"]

MAX_ROWS = 1_048_575  # Excel's 1,048,576 rows, less the header
MAX_TEXT = 32_767
DICTIONARY_SHEET = "dictionary"


def _check(name: str, table: pa.Table) -> None:
    if table.num_rows > MAX_ROWS:
        raise TerminalError(f"{name}: {table.num_rows:,} rows do not fit an Excel sheet ({MAX_ROWS:,}); "
                            "export it as csv or parquet")
    for field, column in zip(table.schema, table.columns, strict=True):
        if pa.types.is_string(field.type) and table.num_rows:
            import pyarrow.compute as pc

            longest = pc.max(pc.utf8_length(column)).as_py() or 0
            if longest > MAX_TEXT:
                raise TerminalError(f"{name}.{field.name}: a text of {longest:,} characters does not fit an "
                                    f"Excel cell ({MAX_TEXT:,}); export it as csv or parquet")


def _write_row(ws: Any, r: int, row: tuple[Any, ...], kinds: list[tuple[bool, bool]], date_fmt: Any,
               ts_fmt: Any) -> None:
    for c, (value, (is_date, is_ts)) in enumerate(zip(row, kinds)):
        if value is None:
            continue
        if is_ts and isinstance(value, dt.datetime):
            ws.write_datetime(r, c, value.replace(tzinfo=None), ts_fmt)
        elif is_date and isinstance(value, dt.date):
            ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date_fmt)
        elif isinstance(value, str):
            ws.write_string(r, c, value)
        elif isinstance(value, bool):
            ws.write_boolean(r, c, value)
        else:
            ws.write_number(r, c, value)


def write_workbook(tables: Sequence[tuple[str, pa.Table]], path: Path, dictionary: Dictionary) -> None:
    """Write each (relation, flat table) as a sheet of `path`, then the dictionary sheet."""
    for name, table in tables:
        _check(name, table)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                         "strings_to_formulas": False, "strings_to_urls": False})
    try:
        bold = wb.add_format({"bold": True})
        date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
        ts_fmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        for name, table in tables:
            ws = wb.add_worksheet(name[:31])
            ws.write_row(0, 0, table.column_names, bold)
            ws.freeze_panes(1, 0)
            ws.autofilter(0, 0, max(table.num_rows, 1), max(len(table.column_names) - 1, 0))
            kinds = [(pa.types.is_date(f.type), pa.types.is_timestamp(f.type)) for f in table.schema]
            r = 0
            for batch in table.to_batches(max_chunksize=20_000):  # Python values for a slice at a time
                for row in zip(*(col.to_pylist() for col in batch.columns)):
                    r += 1
                    _write_row(ws, r, row, kinds, date_fmt, ts_fmt)
        ws = wb.add_worksheet(DICTIONARY_SHEET)
        ws.write_row(0, 0, ["relation", "column", "type", "meaning"], bold)
        ws.freeze_panes(1, 0)
        r = 1
        for name, table in tables:
            ws.write_row(r, 0, [name, "", "", dictionary.grains.get(name, "")])
            r += 1
            for field in table.schema:
                col = dictionary.column(name, field.name)
                ws.write_row(r, 0, [name, field.name, col.type if col else str(field.type),
                                    col.meaning if col else ""])
                r += 1
        ws.set_column(0, 1, 28)
        ws.set_column(3, 3, 100)
    finally:
        wb.close()
