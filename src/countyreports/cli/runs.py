"""`countyreports harvest | backfill | schedule | status`: run the flows, serve the deployments, show the runs.

Flows are run by their entrypoint, as Prefect deployments do: `harvest` loads ``flows/harvest.py:harvest`` — the
installed `flows` package's module `flows.harvest` — and calls it in this process (the flow starts a temporary
Prefect server when no PREFECT_API_URL is set).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.table import Table

from countyreports.cli.common import DEFAULT_DB, DbOpt, abs_path, console, err, print_arrow

app = typer.Typer()


def load_entrypoint(entrypoint: str) -> Any:
    """The object of a Prefect entrypoint `flows/<file>.py:<name>`, imported from the installed `flows` package
    (the same file Prefect loads for a deployment)."""
    path_s, name = entrypoint.split(":")
    module = importlib.import_module(path_s.removesuffix(".py").replace("/", "."))
    return getattr(module, name)


def _quiet_prefect() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # the temporary server (no PREFECT_API_URL) missed Prefect's 20 s start-up limit on a busy 2-core machine
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")


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


def _need_registry(registry: Optional[Path]) -> None:
    """A harvest needs a registry: --registry, or COUNTYREPORTS_REGISTRY (checked before Prefect starts)."""
    if registry is None and not os.environ.get("COUNTYREPORTS_REGISTRY"):
        from countyreports.pipeline.run import NO_REGISTRY

        err.print(f"[red]error:[/red] {NO_REGISTRY}")
        raise typer.Exit(2)


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
    _need_registry(registry)
    _allow_unlisted(allow_unlisted)
    title = "reparse" if reparse else "harvest"
    result = _run_flow("flows/harvest.py:harvest", title, registry=abs_path(registry), db=abs_path(db), proxy=proxy,
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
    _need_registry(registry)
    _allow_unlisted(allow_unlisted)
    result = _run_flow("flows/backfill.py:backfill", f"backfill {years}", years=years, registry=abs_path(registry),
                       db=abs_path(db), proxy=proxy, counties=_adcodes(counties), province=province,
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
    params: dict[str, Any] = {"registry": abs_path(registry), "db": abs_path(db), "proxy": proxy}
    deployments = load_entrypoint("flows/deployments.py:serve_all")
    crons = list(cron) if cron else list(sys.modules[deployments.__module__].DEFAULT_CRONS)
    deployments({k: v for k, v in params.items() if v is not None}, crons, timezone, limit, concurrency)


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
    """The last runs (finished, running or interrupted), the counties that were not ok in the latest one,
    the hosts whose requests failed in the latest harvest, and the reports by where their text was read from
    (html, docx, pdf-text, doc, ocr) and whether it could be read (unreadable_format, needs_ocr, read_failed)."""
    import datetime as dt

    from countyreports.warehouse.reader import query as run_query

    stale = (dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=STALE_AFTER_S)).isoformat(" ")
    print_arrow(run_query(db, f"""
        SELECT run_id, kind, status, started_at, finished_at, counties_done, counties_ok, counties_partial,
               counties_failed, counties_empty, requests, retries, bodies_downloaded, pages_parsed,
               new_reports, new_versions, withdrawn
        FROM ({runs_status_sql(stale)}) ORDER BY started_at DESC LIMIT {int(last)}"""), "table")
    print_arrow(run_query(db, """
        SELECT c.adcode, c.county, c.outcome, c.error, c.column_url
        FROM county_runs c
        WHERE c.run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)
          AND c.outcome <> 'ok' ORDER BY c.adcode"""), "table")
    print_arrow(run_query(db, FAILING_HOSTS_SQL), "table")
    print_arrow(run_query(db, READ_SOURCES_SQL), "table")


# the active reports by where their text was read from and whether it could be read (issue 17): a report in a
# state other than `ok` (LibreOffice or the OCR engine missing, a page over its budget) is read again by
# `harvest --reparse` once that is fixed
READ_SOURCES_SQL = """
    SELECT src AS text_source, st AS read_state, count(*) AS reports,
           round(avg(ocr_confidence), 4) AS mean_ocr_confidence,
           string_agg(report_id || ': ' || read_reason, '; ' ORDER BY report_id)
               FILTER (WHERE read_reason IS NOT NULL) AS why
    FROM (SELECT report_id, read_reason, ocr_confidence, coalesce(text_source, 'html') AS src,
                 coalesce(read_state, 'ok') AS st
          FROM reports WHERE status = 'active')
    GROUP BY src, st ORDER BY st <> 'ok' DESC, reports DESC"""
