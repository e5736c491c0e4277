"""What the flows share: the batch tasks, the transient-only retry rule, artifacts, shards and progress hooks.

Everything here is thin over `countyreports.pipeline` (plain functions, no Prefect). A task covers a batch of
counties (never a page: a task costs ~5 ms and ~20 KB of server rows). Tasks of one flow run run in threads of
one process and share the run's `pipeline.Run` (its fetcher with per-host politeness, its writer), kept in
`_RUNS` by run_id because task parameters must stay small and serialisable.

Progress: the CLI runs a flow in its own process and watches it through `progress(listener)`; the listener
gets ``("total", n)`` once the counties are selected and ``("county", CountyOutcome)`` as each is loaded
(``("shard", n)`` when a shard of n counties finishes on a worker). Flows run by a worker have no listener.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from countyreports import pipeline
from countyreports.errors import RunFailed, is_transient
from countyreports.models import County
from countyreports.registry.file import Registry
from countyreports.settings import Settings

BATCH_SIZE = 25  # counties per task in a harvest
CHUNK_SIZE = 10  # counties per task in a backfill (a failed chunk re-runs alone)
BATCHES_IN_FLIGHT = 8  # tasks run at once by a flow run (its ThreadPoolTaskRunner)
SHARD_DEPLOYMENT = "harvest-shard/countyreports"  # the deployment shards are submitted to (see prefect.yaml)
CONCURRENCY_LIMIT = "countyreports-batches"  # the global concurrency limit `schedule` creates when asked

_RUNS: dict[str, pipeline.Run] = {}  # open runs of this process, by run_id
_LISTENERS: list[Callable[[str, Any], None]] = []

Listener = Callable[[str, Any], None]


# -- progress hooks (for the CLI; the flow runs in its process) ---------------------------------------------
@contextmanager
def progress(listener: Listener) -> Iterator[None]:
    """Call `listener(event, value)` for the flow runs of this process while the block runs."""
    _LISTENERS.append(listener)
    try:
        yield
    finally:
        _LISTENERS.remove(listener)


def notify(event: str, value: Any) -> None:
    for listener in list(_LISTENERS):
        listener(event, value)


# -- parameters ----------------------------------------------------------------------------------------------
def chunks(items: Sequence[County], size: int) -> list[list[County]]:
    size = max(1, size)
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


# -- tasks ---------------------------------------------------------------------------------------------------
def retry_transient(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect retry_condition_fn: retry only errors marked transient (see countyreports.errors)."""
    try:
        state.result()
    except Exception as exc:  # noqa: BLE001 - we only classify it
        return is_transient(exc)
    return False


def _log_outcome(out: pipeline.CountyOutcome) -> None:
    logger = get_run_logger()
    msg = (f"{out.adcode} {out.county}: {out.outcome}, {out.reports_found} reports "
           f"({out.new_reports} new, {out.new_versions} new versions), {out.requests} requests")
    if out.error:
        logger.warning("%s — %s", msg, out.error)  # fetch errors carry url= (see countyreports.errors)
    else:
        logger.info(msg)
    for warning in out.warnings:
        logger.info("%s %s: %s", out.adcode, out.county, warning)
    notify("county", out)


def _slot(concurrency_limit: str | None) -> Any:
    """A slot of the named Prefect global concurrency limit (cluster-wide cap on batches), or nothing."""
    if not concurrency_limit:
        return nullcontext()
    from prefect.concurrency.sync import concurrency

    return concurrency(concurrency_limit, occupy=1)


def load_registry(settings: Settings) -> Registry:
    """The run's registry; each skipped row and each warning is printed (the flow run's log keeps them)."""
    reg = pipeline.load_registry(settings)
    for problem in reg.problems:
        print(f"registry: skipped {problem}")
    for warning in reg.warnings:
        print(f"registry: warning {warning}")
    return reg


@task(name="harvest-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5,
      retry_condition_fn=retry_transient, persist_result=False,
      task_run_name="harvest {counties[0].adcode}+{n}")
def harvest_batch(run_id: str, counties: list[County], n: int,
                  concurrency_limit: str | None = None) -> list[dict[str, Any]]:
    """Crawl and load a batch of counties (each county in its own transaction)."""
    with _slot(concurrency_limit):
        return [o.as_dict() for o in pipeline.harvest_counties(_RUNS[run_id], counties, on_done=_log_outcome)]


@task(name="reparse-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5,
      retry_condition_fn=retry_transient, persist_result=False,
      task_run_name="reparse {counties[0].adcode}+{n}")
def reparse_batch(run_id: str, counties: list[County], n: int,
                  concurrency_limit: str | None = None) -> list[dict[str, Any]]:
    """Re-parse a batch of counties from the raw archive (no requests)."""
    with _slot(concurrency_limit):
        return [o.as_dict() for o in pipeline.reparse_counties(_RUNS[run_id], counties, on_done=_log_outcome)]


def run_batches(run: pipeline.Run, counties: Sequence[County], size: int, *, reparse: bool = False,
                concurrency_limit: str | None = None) -> list[str]:
    """Submit one task per batch, wait for all; return the errors of batches that failed for good."""
    fn = reparse_batch if reparse else harvest_batch
    # `workers` counts the counties crawled at once in this process: the batches in flight share the run's
    # crawl threads (pipeline.Run.crawler), so a batch held up by a slow portal leaves the threads to the others
    _RUNS[run.run_id] = run
    errors: list[str] = []
    try:
        futures = [(b, fn.submit(run.run_id, b, len(b), concurrency_limit)) for b in chunks(counties, size)]
        for batch, fut in futures:
            try:
                fut.result()
            except Exception as exc:  # noqa: BLE001 - a failed batch must not stop the others
                adcodes = ",".join(c.adcode for c in batch)
                get_run_logger().error("batch %s failed: %s", adcodes, exc)
                errors.append(f"{adcodes}: {exc}")
    finally:
        _RUNS.pop(run.run_id, None)
    return errors


# -- run visibility ------------------------------------------------------------------------------------------
def publish(kind: str, run_id: str, outcomes: Sequence[pipeline.CountyOutcome], counters: dict[str, Any],
            registry_errors: Sequence[str] = (), notes: Sequence[str] = ()) -> None:
    """A table artifact (one row per county) and a markdown summary, keyed by the flow's kind."""
    rows = [{"adcode": o.adcode, "county": o.county, "outcome": o.outcome, "reports": o.reports_found,
             "new": o.new_reports, "new_versions": o.new_versions, "requests": o.requests,
             "failures": o.error or ""} for o in sorted(outcomes, key=lambda o: o.adcode)]
    create_table_artifact(key=f"{kind}-counties", table=rows, description=f"{kind} run {run_id}")
    lines = [f"# {kind} run {run_id}", ""]
    lines += [f"- **{k}**: {v}" for k, v in counters.items()]
    lines += [f"- {n}" for n in notes]
    failed = [o for o in outcomes if o.outcome in ("failed", "blocked", "empty")]
    if failed:
        lines += ["", "## Counties to look at", ""]
        for o in failed:
            lines.append(f"- {o.adcode} {o.county}: {o.outcome} {o.error or ''}")
            lines += [f"  - tried: {t}" for t in o.search_tried]  # the best pages: a column_url to give
        if any(o.outcome == "blocked" for o in failed):
            lines += ["", "Blocked counties answered with an anti-bot challenge: try through a proxy inside China "
                      "(`--proxy URL`, `COUNTYREPORTS_PROXY`)."]
    if registry_errors:
        lines += ["", "## Registry rows skipped", ""] + [f"- {e}" for e in registry_errors]
    create_markdown_artifact(key=f"{kind}-summary", markdown="\n".join(lines),
                             description=f"{kind} run {run_id}")


# -- the end of a run: its verdict, its regressions, its state ------------------------------------------------
REGRESSED_EVENT = "countyreports.counties.regressed"  # emitted by a completed run; flows/alerts.py listens
FAILED_EVENT = "countyreports.flow-run.failed"  # emitted by a failed run (flow hook `on_failed`); idem


def on_failed(flow: Any, flow_run: Any, state: Any) -> None:
    """Flow hook (on_failure): emit FAILED_EVENT about the flow run, with its state's message.

    Prefect emits `prefect.flow-run.Failed` too, but the server evaluates it for automations only once it has
    seen the run's earlier state events, and a run its scheduler created has no `Scheduled` event: its later
    events wait for up to 15 minutes (the trigger service's causal-ordering lookback; measured with Prefect
    3.9.1). This event follows nothing, so the alert goes out at once."""
    from prefect.events import emit_event

    related = []
    if flow_run.deployment_id:
        related.append({"prefect.resource.id": f"prefect.deployment.{flow_run.deployment_id}",
                        "prefect.resource.role": "deployment"})
    emit_event(FAILED_EVENT, resource={"prefect.resource.id": f"prefect.flow-run.{flow_run.id}",
                                       "prefect.resource.name": flow_run.name},
               related=related, payload={"flow": flow.name, "state": state.name, "message": state.message or ""})


def finish(kind: str, run_id: str, outcomes: Sequence[pipeline.CountyOutcome], counters: dict[str, Any],
           settings: Settings, registry_errors: Sequence[str] = (), notes: Sequence[str] = ()) -> dict[str, Any]:
    """Judge the run (`pipeline.judge`), publish its artifacts with the verdict, and either return its result or
    raise `RunFailed` — so a run that failed ends Failed in Prefect, after its artifacts are published.

    A run that completes with counties that loaded last time and fail now emits `REGRESSED_EVENT` (the alert
    automation of `countyreports schedule --notify` sends its message); a failed run's alert is its state."""
    verdict = pipeline.judge(counters, outcomes, settings.max_failed_share)
    found: list[pipeline.Regression] = []
    if verdict.failed and counters.get("requests"):  # (a re-parse makes no request: nothing regressed)
        try:
            found = pipeline.regressions(settings.db_path, run_id)
        except Exception as exc:  # noqa: BLE001 - the alert is a courtesy; the run's outcome stands
            get_run_logger().warning("could not compare with the previous runs: %s", exc)
    lines = [f"verdict: {verdict.state}" + (f" — {verdict.reason}" if verdict.reason else "")]
    lines += [f"failed now, loaded in {r.previous_run_id}: {r.adcode} {r.county}" for r in found]
    publish(kind, run_id, outcomes, counters, registry_errors, [*lines, *notes])
    if verdict.is_failed:
        raise RunFailed(f"{kind} run {run_id} failed: {verdict.reason}", run_id=run_id, counters=counters)
    if verdict.reason:
        get_run_logger().warning("%s run %s: %s", kind, run_id, verdict.reason)
    if found:
        from prefect.events import emit_event

        message = pipeline.regression_message(kind, run_id, found)
        get_run_logger().warning(message)
        emit_event(REGRESSED_EVENT, resource={"prefect.resource.id": f"countyreports.run.{run_id}",
                                              "prefect.resource.name": f"{kind} run {run_id}"},
                   payload={"message": message, "run_id": run_id,
                            "counties": [{"adcode": r.adcode, "county": r.county, "error": r.error} for r in found]})
    return {"run_id": run_id, **counters, "verdict": verdict.reason}


# -- reading back what runs wrote (resume, shards) ----------------------------------------------------------
def read_outcomes(db: Path, run_ids: Sequence[str]) -> list[pipeline.CountyOutcome]:
    """The county_runs rows of these runs, as outcomes (for resuming and for a sharded run's summary)."""
    from countyreports.warehouse.reader import query

    if not run_ids or not db.exists():
        return []
    tbl = query(db, "SELECT adcode, county, outcome, error, reports_found, new_reports, new_versions, requests "
                    "FROM county_runs WHERE list_contains(?, run_id) ORDER BY adcode, finished_at",
                params=[list(run_ids)], wait_s=pipeline.WRITER_WAIT_S)
    return [pipeline.CountyOutcome(r["adcode"], r["county"] or "", r["outcome"], r["error"],
                                   r["reports_found"] or 0, r["new_reports"] or 0, r["new_versions"] or 0,
                                   r["requests"] or 0) for r in tbl.to_pylist()]


def read_counters(db: Path, run_ids: Sequence[str]) -> dict[str, int]:
    """The runs' counters, summed."""
    from countyreports.warehouse.reader import query

    cols = ["counties_total", "counties_ok", "counties_failed", "counties_empty", "requests",
            "bodies_downloaded", "not_modified", "pages_parsed", "new_reports", "new_versions", "withdrawn"]
    tbl = query(db, "SELECT " + ", ".join(f"coalesce(sum({c}), 0)::BIGINT AS {c}" for c in cols)
                + " FROM runs WHERE list_contains(?, run_id)", params=[list(run_ids)],
                wait_s=pipeline.WRITER_WAIT_S)
    return {k: int(v) for k, v in tbl.to_pylist()[0].items()}


def new_run_id() -> str:
    """A run id in the pipeline's format (what `pipeline.open_run` makes when given none)."""
    return f"{pipeline.utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


# -- shards: county slices run as flow runs of the shard deployment, on any worker of its pool ---------------
def run_shards(counties: Sequence[County], shards: int, parent_run_id: str, parameters: dict[str, Any],
               deployment: str, poll_s: float = 2.0) -> tuple[list[str], list[str]]:
    """Submit one flow run per shard of the shard deployment, wait for all; return (run_ids, failures).

    Each shard opens its own warehouse run (run_id ``<parent>-s<i>``) in per-load writer mode, so workers
    take turns on the single DuckDB file, one county's transaction at a time.
    """
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise ValueError("shards run on the workers of a Prefect server: start `prefect server start` and "
                         "workers (see README, Scale-out), and set PREFECT_API_URL")
    size = -(-len(counties) // max(1, shards))
    slices = [list(counties[i:i + size]) for i in range(0, len(counties), size)] if counties else []
    logger = get_run_logger()
    submitted = []
    for i, part in enumerate(slices):
        run_id = f"{parent_run_id}-s{i:02d}"
        fr = run_deployment(deployment, timeout=0, flow_run_name=run_id,
                            parameters={**parameters, "counties": [c.adcode for c in part], "run_id": run_id})
        logger.info("shard %s: %d counties → flow run %s", run_id, len(part), fr.id)
        submitted.append((run_id, fr.id, len(part)))
    failures: list[str] = []
    pending = {fid: (rid, n) for rid, fid, n in submitted}
    with get_client(sync_client=True) as client:
        while pending:
            time.sleep(poll_s)
            for fid in list(pending):
                fr = client.read_flow_run(fid)
                if fr.state is not None and fr.state.is_final():
                    rid, n = pending.pop(fid)
                    notify("shard", n)
                    if not fr.state.is_completed():
                        failures.append(f"shard {rid}: {fr.state.name} {fr.state.message or ''}".strip())
                        logger.error(failures[-1])
    return [rid for rid, _fid, _n in submitted], failures
