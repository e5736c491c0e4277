"""The `countyreports` command (typer + rich).

Flows are run by their entrypoint, as Prefect deployments do: `harvest` loads ``flows/harvest.py:harvest``
from the repository and calls it (the flow starts a temporary Prefect server when no PREFECT_API_URL is set).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"

app = typer.Typer(help="Harvest, parse and compare county 法治政府建设年度报告.", no_args_is_help=True,
                  add_completion=False)
portal_app = typer.Typer(help="The replay portal (serves a recorded snapshot over HTTP).", no_args_is_help=True)
app.add_typer(portal_app, name="portal")
from countyreports.registry_cli import registry_app  # noqa: E402  (issue 8: registry validate/list/import)

app.add_typer(registry_app, name="registry")
console = Console()
err = Console(stderr=True)

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file")]
DEFAULT_DB = Path("warehouse/countyreports.duckdb")


def load_entrypoint(entrypoint: str) -> Any:
    """Load `path/to/file.py:name` (relative to the repository) the way Prefect resolves entrypoints."""
    path_s, name = entrypoint.split(":")
    path = (REPO / path_s).resolve()
    spec = importlib.util.spec_from_file_location(f"_countyreports_flows_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise typer.BadParameter(f"cannot load {entrypoint}")
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return getattr(module, name)


def _quiet_prefect() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # the temporary server (no PREFECT_API_URL) missed Prefect's 20 s start-up limit on a busy 2-core machine
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")


@portal_app.command("serve")
def portal_serve(
    snapshot: Annotated[Path, typer.Option(help="snapshot folder (manifest.jsonl, bodies/)")],
    epoch: Annotated[int, typer.Option(help="epoch to replay")] = 1,
    host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port (0 = any free port)")] = 8765,
    log: Annotated[Optional[Path], typer.Option(help="append one JSON line per request here")] = None,
) -> None:
    """Serve a snapshot as an HTTP proxy (and by Host header); prints `listening on http://HOST:PORT`."""
    from countyreports.replay import serve

    serve(snapshot, epoch=epoch, host=host, port=port, log=log)


def _abs(path: Optional[Path]) -> Optional[str]:
    """Flow parameters carry absolute paths: a flow may run in another working directory (a worker)."""
    return str(path.resolve()) if path else None


def _allow_unlisted(flag: bool) -> None:
    """The flows read settings from COUNTYREPORTS_* variables: pass the option on that way."""
    if flag:
        os.environ["COUNTYREPORTS_ALLOW_UNLISTED"] = "1"


def _run_flow(entrypoint: str, title: str, **params: Any) -> dict[str, Any]:
    """Run a flow in this process (by its entrypoint, as a deployment would) with a progress bar on stderr."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    _quiet_prefect()
    flow = load_entrypoint(entrypoint)
    hooks = sys.modules[flow.fn.__module__].common  # flows/_common.py, as the flow module imported it
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TimeRemainingColumn(), TextColumn("{task.fields[last]}"))
    with Progress(*columns, console=err, transient=False) as bar:
        task = bar.add_task(title, total=None, last="starting Prefect…")

        def listen(event: str, value: Any) -> None:
            if event == "total":
                bar.update(task, total=value, last="")
            elif event == "county":
                bar.update(task, advance=1, last=f"{value.adcode} {value.county}: {value.outcome}")
            elif event == "shard":
                bar.update(task, advance=value, last=f"a shard of {value} counties finished")

        with hooks.progress(listen):
            result: dict[str, Any] = flow(**params)
    return result


def _print_counters(title: str, result: dict[str, Any]) -> None:
    table = Table(title=title)
    table.add_column("counter")
    table.add_column("value", justify="right")
    for k, v in result.items():
        if k != "run_id":
            table.add_row(k, str(v))
    console.print(table)


def _adcodes(counties: Optional[str]) -> Optional[list[str]]:
    return [c for c in (counties or "").split(",") if c] or None


@app.command()
def harvest(
    registry: Annotated[Optional[Path], typer.Option(help="county registry CSV")] = None,
    db: DbOpt = DEFAULT_DB,
    proxy: Annotated[Optional[str], typer.Option(help="HTTP proxy URL, e.g. the replay portal")] = None,
    counties: Annotated[Optional[str], typer.Option(help="comma-separated adcodes")] = None,
    province: Annotated[Optional[str], typer.Option(help="only this province")] = None,
    prefecture: Annotated[Optional[str], typer.Option(help="only this prefecture")] = None,
    min_delay: Annotated[Optional[float], typer.Option(help="seconds between requests to one host")] = None,
    workers: Annotated[Optional[int], typer.Option(help="counties crawled in parallel")] = None,
    shards: Annotated[int, typer.Option(help="split into N flow runs of the harvest-shard deployment, "
                                             "run by the workers of its pool (needs PREFECT_API_URL)")] = 0,
    reparse: Annotated[bool, typer.Option(help="rebuild sections and indicators from the raw archive, "
                                               "without a single request")] = False,
    allow_unlisted: Annotated[bool, typer.Option(help="let registry codes outside the national list "
                                                      "through, with a warning (load-test snapshots)")] = False,
) -> None:
    """Run the harvest flow once (flows/harvest.py:harvest)."""
    _allow_unlisted(allow_unlisted)
    title = "reparse" if reparse else "harvest"
    result = _run_flow("flows/harvest.py:harvest", title, registry=_abs(registry), db=_abs(db), proxy=proxy,
                       counties=_adcodes(counties), province=province, prefecture=prefecture,
                       min_delay_s=min_delay, workers=workers, shards=shards, reparse=reparse)
    _print_counters(f"{title} {result['run_id']}", result)


@app.command()
def backfill(
    years: Annotated[str, typer.Option(help="report years: 2019-2023, 2019,2021 or 2022")],
    registry: Annotated[Optional[Path], typer.Option(help="county registry CSV")] = None,
    db: DbOpt = DEFAULT_DB,
    proxy: Annotated[Optional[str], typer.Option(help="HTTP proxy URL, e.g. the replay portal")] = None,
    counties: Annotated[Optional[str], typer.Option(help="comma-separated adcodes")] = None,
    province: Annotated[Optional[str], typer.Option(help="only this province")] = None,
    prefecture: Annotated[Optional[str], typer.Option(help="only this prefecture")] = None,
    reparse: Annotated[bool, typer.Option(help="rebuild from the raw archive, no requests")] = False,
    resume: Annotated[Optional[str], typer.Option(help="run_id of an interrupted backfill: skip the "
                                                       "counties it finished")] = None,
    chunk_size: Annotated[int, typer.Option(help="counties per task (a failed chunk re-runs alone)")] = 10,
    min_delay: Annotated[Optional[float], typer.Option(help="seconds between requests to one host")] = None,
    workers: Annotated[Optional[int], typer.Option(help="counties crawled in parallel")] = None,
    shards: Annotated[int, typer.Option(help="split into N flow runs of the harvest-shard deployment")] = 0,
    allow_unlisted: Annotated[bool, typer.Option(help="let registry codes outside the national list "
                                                      "through, with a warning (load-test snapshots)")] = False,
) -> None:
    """Run the backfill flow once (flows/backfill.py:backfill): (re)load the given report years."""
    _allow_unlisted(allow_unlisted)
    result = _run_flow("flows/backfill.py:backfill", f"backfill {years}", years=years, registry=_abs(registry),
                       db=_abs(db), proxy=proxy, counties=_adcodes(counties), province=province,
                       prefecture=prefecture, reparse=reparse, resume_run_id=resume, chunk_size=chunk_size,
                       min_delay_s=min_delay, workers=workers, shards=shards)
    _print_counters(f"backfill {result['run_id']}", result)


@app.command()
def schedule(
    registry: Annotated[Optional[Path], typer.Option(help="county registry CSV")] = None,
    db: DbOpt = DEFAULT_DB,
    proxy: Annotated[Optional[str], typer.Option(help="HTTP proxy URL, e.g. the replay portal")] = None,
    cron: Annotated[Optional[list[str]], typer.Option(help="cron expression of the harvest (repeatable); "
                                                           "default: weekly, Mon/Wed/Fri in Jan–Apr")] = None,
    timezone: Annotated[str, typer.Option(help="time zone of the cron expressions")] = "Asia/Shanghai",
    limit: Annotated[Optional[int], typer.Option(help="flow runs executed at once by this process")] = None,
    concurrency: Annotated[Optional[int], typer.Option(
        help="create the Prefect global concurrency limit 'countyreports-batches' with N slots and make "
             "every batch hold one")] = None,
) -> None:
    """Serve the harvest (scheduled), backfill and harvest-shard deployments until interrupted.

    Needs a Prefect server (PREFECT_API_URL): schedules fire only there.
    """
    _quiet_prefect()
    if not os.environ.get("PREFECT_API_URL"):
        err.print("[yellow]warning:[/yellow] PREFECT_API_URL is not set: a temporary server would forget the "
                  "deployments and never fire the schedule; start `prefect server start` and export it")
    params: dict[str, Any] = {"registry": _abs(registry), "db": _abs(db), "proxy": proxy}
    deployments = load_entrypoint("flows/deployments.py:serve_all")
    crons = list(cron) if cron else list(sys.modules[deployments.__module__].DEFAULT_CRONS)
    deployments({k: v for k, v in params.items() if v is not None}, crons, timezone, limit, concurrency)


def _print_arrow(tbl: Any, fmt: str) -> None:
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


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run (read-only)")],
    db: DbOpt = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="table | csv | json")] = "table",  # noqa: A002
    wait: Annotated[float, typer.Option(help="seconds to wait for a running harvest's lock")] = 10.0,
) -> None:
    """Query the warehouse read-only."""
    from countyreports.errors import CountyReportsError
    from countyreports.reader import query as run_query

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
    _print_arrow(tbl, format)


@app.command("eval")
def eval_cmd(
    snapshot: Annotated[Path, typer.Option(help="snapshot folder with gold/")],
    db: DbOpt = DEFAULT_DB,
    epoch: Annotated[int, typer.Option(help="epoch the warehouse was harvested at")] = 1,
    json_out: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    floors: Annotated[Optional[Path], typer.Option(help="JSON file of minimum scores; exit 1 below")] = None,
) -> None:
    """Score the warehouse against the snapshot's gold."""
    from countyreports.scorecard import run_eval_cli

    raise typer.Exit(run_eval_cli(snapshot, db, epoch, json_out, floors))


@app.command()
def parse(
    files: Annotated[list[Path], typer.Argument(help="saved HTML pages, .docx, .pdf or .txt files")],
    url: Annotated[Optional[str], typer.Option(help="URL the page was fetched from")] = None,
    format: Annotated[str, typer.Option("--format", help="json")] = "json",  # noqa: A002
) -> None:
    """Parse saved documents; one JSON line per file, in order."""
    from countyreports.document import parse_file_json

    for path in files:
        sys.stdout.write(json.dumps(parse_file_json(path, url), ensure_ascii=False) + "\n")


STALE_AFTER_S = 3600  # an unfinished run with nothing recorded for this long is shown as interrupted


def runs_status_sql(stale_before: str) -> str:
    """Each run with its status: finished, running, or interrupted (no finished_at — killed or crashed —
    and a later run has finished since, or nothing recorded since `stale_before`, a naive-UTC timestamp)."""
    return f"""
        WITH activity AS (
            SELECT r.*, greatest(r.started_at, (SELECT max(c.finished_at) FROM county_runs c
                                                 WHERE c.run_id = r.run_id)) AS last_activity,
                   (SELECT count(*) FROM county_runs c WHERE c.run_id = r.run_id) AS counties_done
            FROM runs r)
        SELECT a.*,
               CASE WHEN a.finished_at IS NOT NULL THEN 'finished'
                    WHEN a.last_activity < TIMESTAMP '{stale_before}'
                      OR EXISTS (SELECT 1 FROM runs l WHERE l.started_at > a.started_at
                                 AND l.finished_at > a.last_activity) THEN 'interrupted'
                    ELSE 'running' END AS status
        FROM activity a"""


FAILING_HOSTS_SQL = """
    WITH last AS (SELECT run_id FROM runs WHERE kind <> 'reparse' ORDER BY started_at DESC LIMIT 1),
    f AS (SELECT lower(regexp_extract(url, '^[A-Za-z]+://([^/:?#]+)', 1)) AS host, adcode, error
          FROM fetches WHERE run_id = (SELECT run_id FROM last))
    SELECT host, count(*) FILTER (WHERE error IS NOT NULL) AS failed_requests, count(*) AS requests,
           string_agg(DISTINCT error, ', ') AS errors, string_agg(DISTINCT adcode, ', ') AS adcodes
    FROM f GROUP BY host HAVING count(*) FILTER (WHERE error IS NOT NULL) > 0
    ORDER BY failed_requests DESC, host"""


@app.command()
def status(db: DbOpt = DEFAULT_DB, last: Annotated[int, typer.Option(help="runs to show")] = 5) -> None:
    """The last runs (finished, running or interrupted), the counties that were not ok in the latest one
    and the hosts whose requests failed in the latest harvest."""
    import datetime as dt

    from countyreports.reader import query as run_query

    stale = (dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=STALE_AFTER_S)).isoformat(" ")
    _print_arrow(run_query(db, f"""
        SELECT run_id, kind, status, started_at, finished_at, counties_done, counties_ok, counties_partial,
               counties_failed, counties_empty, requests, retries, bodies_downloaded, pages_parsed,
               new_reports, new_versions, withdrawn
        FROM ({runs_status_sql(stale)}) ORDER BY started_at DESC LIMIT {int(last)}"""), "table")
    _print_arrow(run_query(db, """
        SELECT c.adcode, c.county, c.outcome, c.error, c.column_url
        FROM county_runs c
        WHERE c.run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)
          AND c.outcome <> 'ok' ORDER BY c.adcode"""), "table")
    _print_arrow(run_query(db, FAILING_HOSTS_SQL), "table")


# -- warehouse checks, Parquet export, HTML report (issue 5) ---------------------------------------------------


def _fail(exc: BaseException) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}")
    return typer.Exit(2)


@app.command()
def check(
    db: DbOpt = DEFAULT_DB,
    wait: Annotated[float, typer.Option(help="seconds to wait for a running harvest's lock")] = 10.0,
) -> None:
    """Run the data assertions of sql/tests/ (each must return zero rows); exit 1 when one fails."""
    from countyreports.checks import run_checks
    from countyreports.errors import CountyReportsError

    try:
        results = run_checks(db, wait_s=wait)
    except CountyReportsError as exc:
        raise _fail(exc) from exc
    table = Table(title=f"checks on {db}")
    for col in ("check", "failing rows", "asserts"):
        table.add_column(col)
    for r in results:
        table.add_row(r.name, "[green]0[/green]" if r.ok else f"[red]{r.failing_rows}[/red]", r.description)
    console.print(table)
    for r in results:
        for row in r.sample if not r.ok else ():
            err.print(f"{r.name}: {json.dumps(row, ensure_ascii=False, default=str)}")
    if not all(r.ok for r in results):
        raise typer.Exit(1)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="folder to write (replaced if it holds an earlier export)")],
    db: DbOpt = DEFAULT_DB,
    wait: Annotated[float, typer.Option(help="seconds to wait for a running harvest's lock")] = 10.0,
) -> None:
    """Export every core view and mart as Parquet (partitioned by province and report_year)."""
    from countyreports.errors import CountyReportsError
    from countyreports.export import export_warehouse

    try:
        res = export_warehouse(db, out, wait_s=wait)
    except CountyReportsError as exc:
        raise _fail(exc) from exc
    table = Table(title=f"export {res.out} ({res.exported_at})")
    for col in ("relation", "rows", "partitioned by", "files"):
        table.add_column(col)
    for r in res.relations:
        table.add_row(r.name, str(r.rows), ", ".join(r.partitioned_by) or "-", str(r.files))
    console.print(table)


@app.command("export-sql")
def export_sql(
    query: Annotated[str, typer.Argument(help="SQL over the exported relations (same names as the warehouse)")],
    dir: Annotated[Path, typer.Option("--dir", help="folder written by `countyreports export`")] = Path("export"),  # noqa: A002
    format: Annotated[str, typer.Option("--format", help="table | csv | json")] = "table",  # noqa: A002
) -> None:
    """Query the Parquet export (works while a harvest holds the warehouse)."""
    from countyreports.errors import CountyReportsError
    from countyreports.export import connect_export
    from countyreports.reader import fetch_table

    if format not in ("table", "csv", "json"):
        raise typer.BadParameter("--format must be table, csv or json")
    try:
        con = connect_export(dir)
        try:
            tbl = fetch_table(con, query)
        finally:
            con.close()
    except (CountyReportsError, Exception) as exc:  # duckdb errors: bad SQL
        raise _fail(exc) from exc
    _print_arrow(tbl, format)


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
    from countyreports.report import build_report

    try:
        res = build_report(db, out, province=province, year=year, wait_s=wait)
    except CountyReportsError as exc:
        raise _fail(exc) from exc
    console.print(f"wrote {res.out} ({res.bytes // 1024} KiB): {res.charts} charts, {res.tables} tables, "
                  f"{res.counties} counties, {res.reports} reports, years {list(res.years)}")


if __name__ == "__main__":
    app()
