"""What the commands share: the consoles, the --db option, printing a table that fits the terminal (or blocks),
the error exit."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.measure import Measurement
from rich.padding import Padding
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
        show_table(cols, [["" if r[c] is None else str(r[c]) for c in cols] for r in rows])


FOLD_MIN = 16  # the narrowest a `fold` column is made (its values broken anywhere, as URLs are)


def _min_width(con: Console, columns: Sequence[str], rows: Sequence[Sequence[str]], fold: Sequence[str]) -> int:
    """The narrowest the table can be without cutting a word of a column not in `fold` (measured unconstrained:
    rich clamps a measurement to the width it is given)."""
    keep = [i for i, c in enumerate(columns) if c not in fold]
    probe = Table()
    for i in keep:
        probe.add_column(columns[i])
    for r in rows:
        probe.add_row(*[r[i] for i in keep])
    folded = len(columns) - len(keep)
    return Measurement.get(con, con.options.update_width(1 << 20), probe).minimum + folded * (FOLD_MIN + 3)


def show_table(columns: Sequence[str], rows: Sequence[Sequence[str]], *, title: str | None = None,
               caption: str | None = None, right: Sequence[str] = (), fold: Sequence[str] = (),
               out: Console | None = None) -> None:
    """Print rows as a table when it fits the terminal (each column as wide as its longest word; the `fold`
    columns, URLs, at least FOLD_MIN and broken anywhere), else as `column  value` blocks, one per row, long
    values wrapped: nothing is ever cut to `r…` (values may hold rich markup). `right`: right-aligned columns."""
    con = out or console
    if _min_width(con, columns, rows, fold) <= con.width:
        table = Table(title=title, caption=caption)
        for i, c in enumerate(columns):
            # a column of single words is never squeezed below them (rich would collapse the widest first); a
            # long word in a column of text folds rather than being cut
            words = c not in fold and all(not any(ch.isspace() for ch in r[i]) for r in rows)
            table.add_column(c, justify="right" if c in right else "left", no_wrap=words,
                             overflow="ellipsis" if words else "fold", min_width=FOLD_MIN if c in fold else None)
        for r in rows:
            table.add_row(*r)
        con.print(table)
        return
    if title:
        con.print(title, style="italic", highlight=False)
    for i, r in enumerate(rows):
        block = Table.grid(padding=(0, 2))
        block.add_column(style="bold", no_wrap=True)
        block.add_column(overflow="fold")
        for c, v in zip(columns, r, strict=True):
            block.add_row(c, v)
        con.print(Padding(block, (1 if i else 0, 0, 0, 0), expand=False))
    if caption:
        con.print(caption, style="dim", highlight=False)


def fail(exc: BaseException) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}")
    return typer.Exit(2)
