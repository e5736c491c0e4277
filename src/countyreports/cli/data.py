"""`countyreports sql | check | export | export-sql | report | parse`: the warehouse read-only, and documents."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from countyreports.cli.common import DEFAULT_DB, DbOpt, console, err, fail, print_arrow, show_table

app = typer.Typer()


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run (read-only)")],
    db: DbOpt = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="table | csv | json")] = "table",  # noqa: A002
    wait: Annotated[float, typer.Option(help="seconds to wait for a running harvest's lock")] = 10.0,
) -> None:
    """Query the warehouse read-only."""
    from countyreports.errors import CountyReportsError
    from countyreports.warehouse.reader import query as run_query

    if format not in ("table", "csv", "json"):
        raise typer.BadParameter("--format must be table, csv or json")
    try:
        tbl = run_query(db, query, wait_s=wait)
    except CountyReportsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    except Exception as exc:  # duckdb errors: bad SQL, write attempt on a read-only connection
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    print_arrow(tbl, format)


@app.command()
def parse(
    files: Annotated[list[str], typer.Argument(  # (str: a Path argument costs a pydantic adapter per file)
        help="saved HTML pages (with their page images beside them), .docx, .pdf, .doc, .wps, images or .txt")],
    url: Annotated[Optional[str], typer.Option(help="URL the page was fetched from")] = None,
    format: Annotated[str, typer.Option("--format", help="json")] = "json",  # noqa: A002
    processes: Annotated[int, typer.Option(
        help="child processes reading the files (0: one per 256 files, at most one per CPU and 4)")] = 0,
) -> None:
    """Parse saved documents; one JSON line per file, in order, with the clean `text` and its `text_source`.
    Each file is read in a child process under the page budget (COUNTYREPORTS_PAGE_TIME_S,
    COUNTYREPORTS_PAGE_MEMORY_MB): a file over it, or whose reading crashed, gets a line saying so, and the others
    are read. Legacy Word files are converted by LibreOffice and scans read by OCR first (countyreports.attachments).
    """
    from countyreports.cli.documents import parse_lines
    from countyreports.cli.files import AttachmentsEdge, derived_for
    from countyreports.settings import load_settings

    if format != "json":
        raise typer.BadParameter("--format must be json")
    settings = load_settings()
    edge = AttachmentsEdge(settings)  # (made at the first file that needs it)
    try:
        for line in parse_lines([str(Path(f)) for f in files], url, settings, max(0, processes),
                                lambda path, body: derived_for(path, body, url, edge.derive)):
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
    finally:
        edge.close()


@app.command()
def check(
    db: DbOpt = DEFAULT_DB,
    wait: Annotated[float, typer.Option(help="seconds to wait for a running harvest's lock")] = 10.0,
) -> None:
    """Run the data assertions of sql/tests/ (each must return zero rows); exit 1 when one fails."""
    from countyreports.warehouse.checks import run_checks
    from countyreports.errors import CountyReportsError

    try:
        results = run_checks(db, wait_s=wait)
    except CountyReportsError as exc:
        raise fail(exc) from exc
    show_table(("check", "failing rows", "asserts"),
               [(r.name, "[green]0[/green]" if r.ok else f"[red]{r.failing_rows}[/red]", r.description)
                for r in results], title=f"checks on {db}")
    for r in results:
        for row in r.sample if not r.ok else ():
            err.print(f"{r.name}: {json.dumps(row, ensure_ascii=False, default=str)}")
    if not all(r.ok for r in results):
        raise typer.Exit(1)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="folder to write (replaced if it holds an earlier export)")],
    db: DbOpt = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="parquet | csv | xlsx | dta")] = "parquet",  # noqa: A002
    relations: Annotated[Optional[str], typer.Option(
        help="comma-separated relations (default: every core view and mart for parquet, the marts otherwise)")] = None,
    wait: Annotated[float, typer.Option(help="seconds to wait for a running harvest's lock")] = 10.0,
) -> None:
    """Export the warehouse: Parquet (every core view and mart, partitioned by province and report_year), or
    the marts as CSV (UTF-8 with BOM), one .xlsx workbook (+ a dictionary sheet) or Stata .dta files."""
    from countyreports.errors import CountyReportsError
    from countyreports.warehouse.export import export_warehouse
    from countyreports.warehouse.formats import FORMATS, export_format

    if format != "parquet" and format not in FORMATS:
        raise typer.BadParameter(f"--format must be parquet, {', '.join(FORMATS)}")
    names = [n.strip() for n in relations.split(",") if n.strip()] if relations else None
    try:
        if format == "parquet":
            res = export_warehouse(db, out, relations=names, wait_s=wait)
        else:
            done = export_format(db, out, format, relations=names, wait_s=wait)
    except CountyReportsError as exc:
        raise fail(exc) from exc
    if format != "parquet":
        show_table(("relation", "rows"), [(name, str(rows)) for name, rows in done.relations],
                   title=f"export {done.out} ({done.format}, {done.exported_at}): {', '.join(done.files)}",
                   right=("rows",))
        return
    show_table(("relation", "rows", "partitioned by", "files"),
               [(r.name, str(r.rows), ", ".join(r.partitioned_by) or "-", str(r.files)) for r in res.relations],
               title=f"export {res.out} ({res.exported_at})", right=("rows", "files"))


@app.command("export-sql")
def export_sql(
    query: Annotated[str, typer.Argument(help="SQL over the exported relations (same names as the warehouse)")],
    dir: Annotated[Path, typer.Option("--dir", help="folder written by `countyreports export`")] = Path("export"),  # noqa: A002
    format: Annotated[str, typer.Option("--format", help="table | csv | json")] = "table",  # noqa: A002
) -> None:
    """Query the Parquet export (works while a harvest holds the warehouse)."""
    from countyreports.errors import CountyReportsError
    from countyreports.warehouse.export import connect_export
    from countyreports.warehouse.reader import fetch_table

    if format not in ("table", "csv", "json"):
        raise typer.BadParameter("--format must be table, csv or json")
    try:
        con = connect_export(dir)
        try:
            tbl = fetch_table(con, query)
        finally:
            con.close()
    except (CountyReportsError, Exception) as exc:  # duckdb errors: bad SQL
        raise fail(exc) from exc
    print_arrow(tbl, format)


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", help="HTML file to write")] = Path("report.html"),
    db: DbOpt = DEFAULT_DB,
    province: Annotated[Optional[str], typer.Option(help="only this province, e.g. 山西省")] = None,
    year: Annotated[Optional[int], typer.Option(help="only this report year")] = None,
    wait: Annotated[float, typer.Option(help="seconds to wait for a running harvest's lock")] = 10.0,
) -> None:
    """Write the static HTML comparison report (charts and tables; loads nothing from the network)."""
    from countyreports.errors import CountyReportsError
    from countyreports.warehouse.report import build_report

    try:
        res = build_report(db, out, province=province, year=year, wait_s=wait)
    except CountyReportsError as exc:
        raise fail(exc) from exc
    console.print(f"wrote {res.out} ({res.bytes // 1024} KiB): {res.charts} charts, {res.tables} tables, "
                  f"{res.counties} counties, {res.reports} reports, years {list(res.years)}")
