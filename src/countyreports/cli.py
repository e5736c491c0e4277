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


@app.command()
def harvest(
    registry: Annotated[Optional[Path], typer.Option(help="county registry CSV")] = None,
    db: DbOpt = DEFAULT_DB,
    proxy: Annotated[Optional[str], typer.Option(help="HTTP proxy URL, e.g. the replay portal")] = None,
    counties: Annotated[Optional[str], typer.Option(help="comma-separated adcodes")] = None,
    province: Annotated[Optional[str], typer.Option(help="only this province")] = None,
    min_delay: Annotated[Optional[float], typer.Option(help="seconds between requests to one host")] = None,
    workers: Annotated[Optional[int], typer.Option(help="counties crawled in parallel")] = None,
) -> None:
    """Run the harvest flow once (flows/harvest.py:harvest)."""
    _quiet_prefect()
    flow = load_entrypoint("flows/harvest.py:harvest")
    result = flow(registry=str(registry) if registry else None, db=str(db), proxy=proxy,
                  counties=[c for c in (counties or "").split(",") if c] or None, province=province,
                  min_delay_s=min_delay, workers=workers)
    table = Table(title=f"harvest {result['run_id']}")
    table.add_column("counter")
    table.add_column("value", justify="right")
    for k, v in result.items():
        if k != "run_id":
            table.add_row(k, str(v))
    console.print(table)


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
    from countyreports.eval import run_eval_cli

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


@app.command()
def status(db: DbOpt = DEFAULT_DB, last: Annotated[int, typer.Option(help="runs to show")] = 5) -> None:
    """The last runs and the counties/hosts that failed in the latest one."""
    from countyreports.reader import query as run_query

    _print_arrow(run_query(db, f"""
        SELECT run_id, kind, started_at, finished_at, counties_ok, counties_failed, counties_empty,
               requests, bodies_downloaded, pages_parsed, new_reports, new_versions, withdrawn
        FROM runs ORDER BY started_at DESC LIMIT {int(last)}"""), "table")
    _print_arrow(run_query(db, """
        SELECT c.adcode, c.county, c.outcome, c.error, c.column_url
        FROM county_runs c
        WHERE c.run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)
          AND c.outcome <> 'ok' ORDER BY c.adcode"""), "table")


if __name__ == "__main__":
    app()
