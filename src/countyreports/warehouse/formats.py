"""`countyreports export --format csv|xlsx|dta`: the warehouse's relations in the files researchers open directly
(the default format, Parquet, is `export.export_warehouse`, unchanged).

    OUT/manifest.json                 what was exported (format, relations, row counts, files)
    OUT/<relation>.csv                csv: UTF-8 with a byte-order mark (Excel shows Chinese right), header row
    OUT/countyreports.xlsx            xlsx: one sheet per relation + a `dictionary` sheet (workbook.py)
    OUT/<relation>.dta                dta: Stata 14+ files (format 118) with variable and value labels (stata.py)

Default relations: the marts (sql/marts/: compare_indicators and mart_*); `relations` picks any core view,
mart or exported extra (`export.export_relations()`). Nested columns (lists, structs) become JSON text
(`flat_select`), the same in every format. As the Parquet export does, the warehouse is read read-only, the
files are written into a temporary sibling folder that replaces OUT at the end (only when OUT holds an earlier
export), so a reader never sees half an export and a failed export leaves OUT as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from countyreports.errors import TerminalError
from countyreports.warehouse.dictionary import load_dictionary
from countyreports.warehouse.export import MANIFEST, export_relations
from countyreports.warehouse.reader import DEFAULT_WAIT_S, fetch_table, open_readonly, table_columns
from countyreports.warehouse.stata import write_dta
from countyreports.warehouse.workbook import write_workbook
from countyreports.warehouse.writer import SQL_DIR, sql_files

__all__ = ["FORMATS", "FormatExport", "default_relations", "export_format", "flat_select"]

FORMATS = ("csv", "xlsx", "dta")
BOM = b"\xef\xbb\xbf"
WORKBOOK = "countyreports.xlsx"


@dataclass(frozen=True, slots=True)
class FormatExport:
    out: Path
    format: str
    relations: tuple[tuple[str, int], ...]  # (relation, rows)
    files: tuple[str, ...]  # written, relative to out
    exported_at: str


def default_relations(sql_dir: Path = SQL_DIR) -> list[str]:
    """The marts (file stem = view name)."""
    return [p.stem for p in sql_files("marts", sql_dir)]


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def flat_select(con: duckdb.DuckDBPyConnection, relation: str) -> str:
    """SELECT of every column of `relation`, nested ones (lists, structs, maps) as JSON text."""
    parts = []
    for name, typ, *_ in con.execute(f"DESCRIBE {_ident(relation)}").fetchall():
        nested = typ.endswith("]") or typ.startswith(("STRUCT", "MAP", "UNION"))
        parts.append(f"CAST(to_json({_ident(name)}) AS VARCHAR) AS {_ident(name)}" if nested else _ident(name))
    return f"SELECT {', '.join(parts)} FROM {_ident(relation)}"


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _write_csv(con: duckdb.DuckDBPyConnection, relation: str, dest: Path) -> None:
    """DuckDB's CSV writer into a scratch file, then the BOM and the file's bytes into `dest`."""
    scratch = dest.with_name(dest.name + ".part")
    con.execute(f"COPY ({flat_select(con, relation)}) TO {_quote(scratch)} (FORMAT csv, HEADER)")
    with dest.open("wb") as out, scratch.open("rb") as src:
        out.write(BOM)
        shutil.copyfileobj(src, out, 1 << 20)
    scratch.unlink()


def export_format(db_path: str | Path, out: str | Path, fmt: str, *, relations: Sequence[str] | None = None,
                  wait_s: float = DEFAULT_WAIT_S) -> FormatExport:
    """Write `relations` (default: the marts) of the warehouse as csv, xlsx or dta files under `out`."""
    if fmt not in FORMATS:
        raise TerminalError(f"unknown export format {fmt!r}: one of parquet, {', '.join(FORMATS)}")
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MANIFEST).is_file())):
        raise TerminalError(f"{out} exists and is not a countyreports export (no {MANIFEST}); "
                            "choose an empty or new folder")
    names = list(relations) if relations else default_relations()
    known = set(export_relations())
    unknown = [n for n in names if n not in known]
    if unknown:
        raise TerminalError(f"not an exported relation: {', '.join(unknown)} (choose from {', '.join(sorted(known))})")
    dictionary = load_dictionary()
    tmp = out.with_name(f".{out.name}.tmp-{uuid.uuid4().hex[:8]}")
    con = open_readonly(db_path, wait_s=wait_s)
    done: list[tuple[str, int]] = []
    files: list[str] = []
    try:
        tmp.mkdir(parents=True)
        tables: list[tuple[str, pa.Table]] = []
        for name in names:
            if table_columns(con, name) is None:
                raise TerminalError(f"relation {name} is missing from the warehouse: open it once with the "
                                    "current version (the writer re-creates the views), or harvest again")
            if fmt == "csv":
                _write_csv(con, name, tmp / f"{name}.csv")
                rows = int(con.execute(f"SELECT count(*) FROM {_ident(name)}").fetchall()[0][0])
                files.append(f"{name}.csv")
            else:
                table = fetch_table(con, flat_select(con, name))
                rows = table.num_rows
                if fmt == "dta":
                    write_dta(table, name, tmp / f"{name}.dta", dictionary)
                    files.append(f"{name}.dta")
                else:
                    tables.append((name, table))
            done.append((name, rows))
        if fmt == "xlsx":
            write_workbook(tables, tmp / WORKBOOK, dictionary)
            files.append(WORKBOOK)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        con.close()
    exported_at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    manifest = {"exported_at": exported_at, "warehouse": str(Path(db_path).resolve()), "format": fmt,
                "files": files, "relations": [{"name": n, "rows": r} for n, r in done]}
    (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    old = out.with_name(f".{out.name}.old-{uuid.uuid4().hex[:8]}")
    if out.exists():
        os.replace(out, old)
    os.replace(tmp, out)
    shutil.rmtree(old, ignore_errors=True)
    return FormatExport(out, fmt, tuple(done), tuple(files), exported_at)
