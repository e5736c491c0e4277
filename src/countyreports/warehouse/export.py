"""Parquet export of the warehouse: every core view and mart, readable while a harvest holds the DuckDB lock.

Layout of ``OUT`` (one folder per relation, whatever its partitioning, so every relation is read the same way)::

    OUT/manifest.json                       what was exported: relations, row counts, partition columns
    OUT/compare_indicators/province=山西省/report_year=2023/data_0.parquet
    OUT/core_counties/data.parquet          relations without province + report_year: one file

Relations with both ``province`` and ``report_year`` columns are written with
``COPY ... (FORMAT parquet, PARTITION_BY (province, report_year))`` (Hive layout: the two columns live in the
folder names, readers add them back as the last columns). Read a relation with DuckDB
``read_parquet('OUT/NAME/**/*.parquet', hive_partitioning = true)``, pyarrow
``pyarrow.dataset.dataset('OUT/NAME', partitioning='hive')`` or pandas ``pandas.read_parquet('OUT/NAME')``;
:func:`connect_export` opens an in-memory DuckDB with one view per relation under its warehouse name.

The warehouse is opened read-only (COPY works on a read-only connection). The export is written to a
temporary sibling folder and swapped in at the end, so a reader never sees half an export; an existing ``OUT``
is replaced only when it holds a previous export (its ``manifest.json``).
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

from countyreports.errors import TerminalError
from countyreports.warehouse.reader import DEFAULT_WAIT_S, open_readonly, table_columns
from countyreports.warehouse.writer import SQL_DIR, sql_files

__all__ = [
    "EXTRA_RELATIONS",
    "ExportedRelation",
    "ExportResult",
    "connect_export",
    "export_relations",
    "export_warehouse",
]

MANIFEST = "manifest.json"
PARTITION_COLUMNS = ("province", "report_year")
#: exported besides the core/ and marts/ views: the code taxonomy and the run log (for `status`-like queries)
EXTRA_RELATIONS = ("stg_indicator_codes", "runs", "county_runs")


@dataclass(frozen=True, slots=True)
class ExportedRelation:
    name: str
    rows: int
    partitioned_by: tuple[str, ...]
    files: int
    columns: tuple[tuple[str, str], ...]  # (name, DuckDB type) in warehouse order


@dataclass(frozen=True, slots=True)
class ExportResult:
    out: Path
    relations: tuple[ExportedRelation, ...]
    exported_at: str


def export_relations(sql_dir: Path = SQL_DIR) -> list[str]:
    """The relations exported: every view of sql/core and sql/marts (file stem = view name), then EXTRA."""
    names = [p.stem for layer in ("core", "marts") for p in sql_files(layer, sql_dir)]
    return names + [n for n in EXTRA_RELATIONS if n not in names]


def _quote_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


def _copy_relation(con: duckdb.DuckDBPyConnection, name: str, dest: Path) -> ExportedRelation:
    if table_columns(con, name) is None:
        raise TerminalError(f"relation {name} is missing from the warehouse: open it once with the current "
                            "version (the writer re-creates the views), or harvest again")
    cols = tuple((str(r[0]), str(r[1])) for r in con.execute(f"DESCRIBE {_ident(name)}").fetchall())
    rows = _count(con, f"SELECT count(*) FROM {_ident(name)}")
    dest.mkdir(parents=True)
    names = [c for c, _t in cols]
    part: tuple[str, ...] = ()
    if rows and all(c in names for c in PARTITION_COLUMNS):  # an empty relation: one empty file with its schema
        part = PARTITION_COLUMNS
        con.execute(f"COPY (SELECT * FROM {_ident(name)}) TO {_quote_path(dest)} "
                    f"(FORMAT parquet, PARTITION_BY ({', '.join(part)}), OVERWRITE_OR_IGNORE)")
    else:
        con.execute(f"COPY (SELECT * FROM {_ident(name)}) TO {_quote_path(dest / 'data.parquet')} "
                    "(FORMAT parquet)")
    files = sum(1 for _ in dest.rglob("*.parquet"))
    return ExportedRelation(name, rows, part, files, cols)


def _is_export(path: Path) -> bool:
    return (path / MANIFEST).is_file()


def export_warehouse(db_path: str | Path, out: str | Path, *, relations: Sequence[str] | None = None,
                     wait_s: float = DEFAULT_WAIT_S) -> ExportResult:
    """Write every core view and mart (and EXTRA_RELATIONS) of the warehouse as Parquet under ``out``."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not _is_export(out))):
        raise TerminalError(f"{out} exists and is not a countyreports export (no {MANIFEST}); "
                            "choose an empty or new folder")
    names = list(relations) if relations is not None else export_relations()
    tmp = out.with_name(f".{out.name}.tmp-{uuid.uuid4().hex[:8]}")
    con = open_readonly(db_path, wait_s=wait_s)
    try:
        tmp.mkdir(parents=True)
        done = [_copy_relation(con, n, tmp / n) for n in names]
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        con.close()
    exported_at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    manifest = {
        "exported_at": exported_at,
        "warehouse": str(Path(db_path).resolve()),
        "layout": "one folder per relation; Hive partitions province=/report_year= where both columns exist",
        "relations": [{"name": r.name, "rows": r.rows, "partitioned_by": list(r.partitioned_by),
                       "files": r.files, "columns": [{"name": c, "type": t} for c, t in r.columns]}
                      for r in done],
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    old = out.with_name(f".{out.name}.old-{uuid.uuid4().hex[:8]}")
    if out.exists():
        os.replace(out, old)
    os.replace(tmp, out)
    shutil.rmtree(old, ignore_errors=True)
    return ExportResult(out, tuple(done), exported_at)


def connect_export(out: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per exported relation, named as in the warehouse."""
    out = Path(out)
    if not _is_export(out):
        raise TerminalError(f"{out} is not a countyreports export (no {MANIFEST}): run `countyreports export`")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    con = duckdb.connect()
    for rel in manifest["relations"]:
        if rel["partitioned_by"]:
            src = f"read_parquet({_quote_path(out / rel['name'] / '**/*.parquet')}, hive_partitioning = true)"
        else:
            src = f"read_parquet({_quote_path(out / rel['name'] / 'data.parquet')})"
        # Hive readers append the partition columns and guess their types: restore order and types
        select = ", ".join(f"CAST({_ident(c['name'])} AS {c['type']}) AS {_ident(c['name'])}"
                           if c["name"] in rel["partitioned_by"] else _ident(c["name"]) for c in rel["columns"])
        con.execute(f"CREATE VIEW {_ident(rel['name'])} AS SELECT {select} FROM {src}")
    return con
