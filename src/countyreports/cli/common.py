"""What the commands share: the consoles, the --db option, printing an Arrow table, the error exit."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

console = Console()
err = Console(stderr=True)

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file")]
DEFAULT_DB = Path("warehouse/countyreports.duckdb")


def abs_path(path: Optional[Path]) -> Optional[str]:
    """Flow parameters carry absolute paths: a flow may run in another working directory (a worker)."""
    return str(path.resolve()) if path else None


def print_arrow(tbl: Any, fmt: str) -> None:
    rows = tbl.to_pylist()
    cols = tbl.column_names
    if fmt == "json":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if r[c] is None else r[c] for c in cols])
        sys.stdout.write(buf.getvalue())
    else:
        t = Table(show_lines=False)
        for c in cols:
            t.add_column(c)
        for r in rows:
            t.add_row(*["" if r[c] is None else str(r[c]) for c in cols])
        console.print(t)


def fail(exc: BaseException) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}")
    return typer.Exit(2)
