"""`countyreports harvest | backfill | schedule | status`: run the flows, serve the deployments, show the runs.

Flows are run by their entrypoint, as Prefect deployments do: `harvest` loads ``flows/harvest.py:harvest`` — the
installed `flows` package's module `flows.harvest` — and calls it in this process; without PREFECT_API_URL the
temporary Prefect server is started first, while the flows import (flows/server.py). A run that failed
(`RunFailed`) prints its counters and exits 1 with its reason; one with some counties failed says so on stderr.
`status` prints the runs as a compact list that fits the terminal (`--format json`: every column).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from countyreports.cli.common import DEFAULT_DB, DbOpt, abs_path, console, err, show_table
from countyreports.cli.guard import debugging
from countyreports.cli.preflight import needs

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


class _NoTraceback(logging.Filter):
    """Prefect logs a failed flow run's exception with its traceback: without --debug, none of ours (the CLI
    prints its reason in one line) and the message alone of any other."""

    def filter(self, record: logging.LogRecord) -> bool:
        from countyreports.errors import CountyReportsError

        if record.exc_info and isinstance(record.exc_info[1], CountyReportsError):
            return False
        record.exc_info = None
        record.exc_text = None
        return True


def _tracebacks_off() -> None:
    """On the terminal only (Prefect's console handler, on the root logger): the run's log in Prefect keeps them."""
    if debugging():
        return
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and not any(
                isinstance(f, _NoTraceback) for f in handler.filters):
            handler.addFilter(_NoTraceback())


def _run_flow(entrypoint: str, title: str, **params: Any) -> dict[str, Any]:
    """Run a flow in this process (by its entrypoint, as a deployment would) with a progress bar on stderr."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    from flows import server as temporary

    _quiet_prefect()
    # without a Prefect API, the temporary server starts now, while this process imports (flows/server.py)
    early = temporary.start(quiet=not debugging())
    try:
        flow = load_entrypoint(entrypoint)
    except BaseException:
        if early is not None:
            early.stop()
        raise
    _tracebacks_off()
    hooks = sys.modules[flow.fn.__module__].common  # flows/_common.py, as the flow module imported it
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TimeRemainingColumn(), TextColumn("{task.fields[last]}"))
    with Progress(*columns, console=err, transient=False) as bar, temporary.use(early):
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
    show_table(("counter", "value"), [(k, str(v)) for k, v in result.items() if k not in ("run_id", "verdict")],
               title=title, right=("value",))


def _run(entrypoint: str, title: str, **params: Any) -> None:
    """Run the flow and print its counters; a run that failed (RunFailed: too many counties failed) prints them
    too and exits 1 with its reason (cli.guard); one that completed with failures says so on stderr."""
    from countyreports.errors import RunFailed

    try:
        result = _run_flow(entrypoint, title, **params)
    except RunFailed as exc:
        _print_counters(f"{title} {exc.run_id}", exc.counters)
        raise
    _print_counters(f"{title} {result['run_id']}", result)
    if result.get("verdict"):
        err.print(f"[yellow]warning:[/yellow] {result['verdict']}", highlight=False, soft_wrap=True)


def _registry(registry: Optional[Path]) -> Optional[str]:
    """The registry parameter of a flow: an absolute path, or `national` (the shipped list with every portal)."""
    from countyreports.registry.portals import NATIONAL

    return NATIONAL if registry is not None and str(registry) == NATIONAL else abs_path(registry)


def _adcodes(counties: Optional[str]) -> Optional[list[str]]:
    return [c for c in (counties or "").split(",") if c] or None


@app.command()
@needs(registry=True, warehouse="write")
def harvest(
    registry: Annotated[Optional[Path], typer.Option(
        help="county registry CSV, or `national`: every county's portal (shipped)")] = None,
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
    _run("flows/harvest.py:harvest", "reparse" if reparse else "harvest", registry=_registry(registry),
         db=abs_path(db), proxy=proxy, counties=_adcodes(counties), province=province, prefecture=prefecture,
         min_delay_s=min_delay, workers=workers, shards=shards, reparse=reparse)


@app.command()
@needs(registry=True, warehouse="write")
def backfill(
    years: Annotated[str, typer.Option(help="report years: 2019-2023, 2019,2021 or 2022")],
    registry: Annotated[Optional[Path], typer.Option(
        help="county registry CSV, or `national`: every county's portal (shipped)")] = None,
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
    _run("flows/backfill.py:backfill", "backfill", years=years, registry=_registry(registry), db=abs_path(db),
         proxy=proxy, counties=_adcodes(counties), province=province, prefecture=prefecture, reparse=reparse,
         resume_run_id=resume, chunk_size=chunk_size, min_delay_s=min_delay, workers=workers, shards=shards)


@app.command()
@needs(registry=True, warehouse="write")
def schedule(
    registry: Annotated[Optional[Path], typer.Option(
        help="county registry CSV, or `national`: every county's portal (shipped)")] = None,
    db: DbOpt = DEFAULT_DB,
    proxy: Annotated[Optional[str], typer.Option(help="HTTP proxy URL, e.g. the replay portal")] = None,
    cron: Annotated[Optional[list[str]], typer.Option(help="cron expression of the harvest (repeatable); "
                                                           "default: weekly, Mon/Wed/Fri in Jan–Apr")] = None,
    timezone: Annotated[str, typer.Option(help="time zone of the cron expressions")] = "Asia/Shanghai",
    limit: Annotated[Optional[int], typer.Option(help="flow runs executed at once by this process")] = None,
    concurrency: Annotated[Optional[int], typer.Option(
        help="create the Prefect global concurrency limit 'countyreports-batches' with N slots and make "
             "every batch hold one")] = None,
    notify: Annotated[Optional[list[str]], typer.Option(
        help="webhook URL (repeatable) told when a harvest or backfill run ends Failed or Crashed, or when "
             "counties that loaded last time fail (Prefect automations)")] = None,
    notify_block: Annotated[Optional[list[str]], typer.Option(
        help="a notification block saved in Prefect, TYPE/NAME (repeatable; e-mail: sendgrid-email/NAME or "
             "an integration's block), told the same")] = None,
) -> None:
    """Serve the harvest (scheduled), backfill and harvest-shard deployments until interrupted.

    Needs a Prefect server (PREFECT_API_URL): schedules fire only there.
    """
    _quiet_prefect()
    if not os.environ.get("PREFECT_API_URL"):
        err.print("[yellow]warning:[/yellow] PREFECT_API_URL is not set: a temporary server would forget the "
                  "deployments and never fire the schedule; start `prefect server start` and export it")
    params: dict[str, Any] = {"registry": _registry(registry), "db": abs_path(db), "proxy": proxy}
    deployments = load_entrypoint("flows/deployments.py:serve_all")
    crons = list(cron) if cron else list(sys.modules[deployments.__module__].DEFAULT_CRONS)
    deployments({k: v for k, v in params.items() if v is not None}, crons, timezone, limit, concurrency,
                list(notify or ()), list(notify_block or ()))


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


def _runs_lines(runs: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """Each run as a head line and its indented detail lines (the fields that matter)."""
    out = []
    for r in runs:
        took = ""
        if r["finished_at"] is not None and r["started_at"] is not None:
            took = f", took {_duration((r['finished_at'] - r['started_at']).total_seconds())}"
        head = f"[bold]{r['run_id']}[/bold]  {r['kind']}  {_STATUS_STYLE.get(r['status'], r['status'])}"
        parts = [f"{r[f'counties_{k}'] or 0} {k}" for k in ("ok", "partial", "failed", "empty")
                 if r[f"counties_{k}"] or k == "ok"]
        detail = [f"started {r['started_at']:%Y-%m-%d %H:%M:%S} UTC{took}",
                  f"counties {r['counties_done']}: {', '.join(parts)}"
                  + (f"; {r['counties_skipped']} registry rows skipped" if r["counties_skipped"] else ""),
                  f"requests {r['requests'] or 0} ({r['retries'] or 0} retries), bodies {r['bodies_downloaded'] or 0}, "
                  f"pages parsed {r['pages_parsed'] or 0}; reports {r['new_reports'] or 0} new, "
                  f"{r['new_versions'] or 0} new versions, {r['withdrawn'] or 0} withdrawn"]
        out.append((head, detail))
    return out


_STATUS_STYLE = {"finished": "finished", "running": "[cyan]running[/cyan]",
                 "interrupted": "[yellow]interrupted[/yellow]"}


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _section(title: str, items: list[tuple[str, list[str]]], empty: str) -> None:
    from rich.padding import Padding

    console.print(f"[bold underline]{title}[/bold underline]", highlight=False)
    if not items:
        console.print(f"  {empty}", highlight=False)
    for head, detail in items:
        console.print(Padding(head, (0, 0, 0, 2), expand=False), highlight=False)
        for line in detail:
            console.print(Padding(line, (0, 0, 0, 6), expand=False), highlight=False)
    console.print()


@app.command()
def status(
    db: DbOpt = DEFAULT_DB,
    last: Annotated[int, typer.Option(help="runs to show")] = 5,
    format: Annotated[str, typer.Option("--format", help="text (fits the terminal) | json (every column)")] = "text",  # noqa: A002
) -> None:
    """The last runs (finished, running or interrupted), the counties that were not ok in the latest one,
    the hosts whose requests failed in the latest harvest, and the reports by where their text was read from
    (html, docx, pdf-text, doc, ocr) and whether it could be read (unreadable_format, needs_ocr, read_failed)."""
    import datetime as dt
    import json

    from countyreports.warehouse.reader import query as run_query

    if format not in ("text", "json"):
        raise typer.BadParameter("--format must be text or json")
    stale = (dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=STALE_AFTER_S)).isoformat(" ")
    runs = run_query(db, f"SELECT * EXCLUDE (last_activity) FROM ({runs_status_sql(stale)}) "
                         f"ORDER BY started_at DESC LIMIT {int(last)}").to_pylist()
    counties = run_query(db, """
        SELECT c.run_id, c.adcode, c.county, c.outcome, c.error, c.column_url, c.requests, c.warnings,
               c.search_tried
        FROM county_runs c
        WHERE c.run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)
          AND c.outcome <> 'ok' ORDER BY c.adcode""").to_pylist()
    hosts = run_query(db, FAILING_HOSTS_SQL).to_pylist()
    sources = run_query(db, READ_SOURCES_SQL).to_pylist()
    if format == "json":
        doc = {"runs": runs, "counties_not_ok": counties, "failing_hosts": hosts, "reports_by_source": sources}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, default=str, indent=1) + "\n")
        return
    _section("Runs, latest first", _runs_lines(runs), f"no run in {db} yet")
    latest = runs[0]["run_id"] if runs else ""
    _section(f"Counties not ok in {latest or 'the latest run'}",
             [(f"{c['adcode']} {c['county'] or ''}  [bold]{c['outcome']}[/bold]",
               [c["error"] or "(no error recorded)"] + ([f"column {c['column_url']}"] if c["column_url"] else [])
               + [f"tried {page}" for page in c["search_tried"] or ()])
              for c in counties], "none")
    outcomes = [c["outcome"] for c in counties]
    if "blocked" in outcomes:
        console.print(f"{outcomes.count('blocked')} counties answered with an anti-bot challenge or a firewall's "
                      "block (outcome blocked): try through a proxy inside China, `--proxy URL` or "
                      "COUNTYREPORTS_PROXY.", highlight=False)
    if any(c["search_tried"] for c in counties):
        console.print("No report column found: the best pages tried are listed with their scores; when you know the "
                      "column, give it in the registry's `column_url` column.", highlight=False)
    _section("Hosts whose requests failed in the latest harvest",
             [(f"{h['host']}  {h['failed_requests']} of {h['requests']} requests failed",
               [f"errors: {h['errors']}", f"counties: {h['adcodes']}"]) for h in hosts], "none")
    _section("Reports by where their text was read from",
             [(f"{r['text_source']}  [bold]{r['read_state']}[/bold]  {r['reports']} reports",
               ([f"mean OCR confidence {r['mean_ocr_confidence']}"] if r["mean_ocr_confidence"] is not None else [])
               + ([f"why: {r['why']}"] if r["why"] else [])) for r in sources], "no report yet")
    if any(r["read_state"] != "ok" for r in sources):
        console.print("Reports not read (a tool missing, a page over its budget) are read again by "
                      "`countyreports harvest --reparse` once that is fixed.", highlight=False)
    console.print("(every column: countyreports status --format json)", style="dim", highlight=False)


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
