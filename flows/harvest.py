"""The harvest flow: incremental harvest of the registry's counties (or a subset), the flow behind the schedule.

Thin over `countyreports.pipeline`: one Prefect task per batch of counties (never per page: a task costs
~5 ms and server rows), retried only when the error is transient. The single DuckDB writer is shared by the
tasks of this flow run (they run in threads of one process) and each county is loaded in its own transaction.

Entrypoint: ``flows/harvest.py:harvest`` (what `countyreports harvest` runs and what prefect.yaml deploys).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact, create_table_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from countyreports import pipeline  # noqa: E402
from countyreports.errors import is_transient  # noqa: E402
from countyreports.models import County  # noqa: E402
from countyreports.settings import load_settings  # noqa: E402

_RUNS: dict[str, pipeline.Run] = {}  # open runs of this process, by run_id (tasks share the writer)
BATCH_SIZE = 25


def _retry_transient(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect retry_condition_fn: retry only errors marked transient (see countyreports.errors)."""
    try:
        state.result()
    except Exception as exc:  # noqa: BLE001 - we only classify it
        return is_transient(exc)
    return False


@task(name="harvest-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5,
      retry_condition_fn=_retry_transient, persist_result=False)
def harvest_batch(run_id: str, counties: list[County]) -> list[dict[str, Any]]:
    """Crawl and load one batch of counties."""
    logger = get_run_logger()
    run = _RUNS[run_id]

    def log(out: pipeline.CountyOutcome) -> None:
        msg = (f"{out.adcode} {out.county}: {out.outcome}, {out.reports_found} reports "
               f"({out.new_reports} new, {out.new_versions} new versions), {out.requests} requests")
        if out.error:
            logger.warning("%s — %s", msg, out.error)
        else:
            logger.info(msg)

    return [o.as_dict() for o in pipeline.harvest_counties(run, counties, on_done=log)]


def publish(run: pipeline.Run, counters: dict[str, int]) -> None:
    """A table artifact (one row per county) and a markdown summary for the Prefect UI."""
    rows = [{"adcode": o.adcode, "county": o.county, "outcome": o.outcome, "reports": o.reports_found,
             "new": o.new_reports, "new_versions": o.new_versions, "requests": o.requests,
             "error": o.error or ""} for o in sorted(run.outcomes, key=lambda o: o.adcode)]
    create_table_artifact(key="harvest-counties", table=rows, description=f"run {run.run_id}")
    lines = [f"# {run.kind} run {run.run_id}", ""]
    lines += [f"- **{k}**: {v}" for k, v in counters.items()]
    failed = [o for o in run.outcomes if o.outcome in ("failed", "empty")]
    if failed:
        lines += ["", "## Counties to look at", ""]
        lines += [f"- {o.adcode} {o.county}: {o.outcome} {o.error or ''}" for o in failed]
    if run.registry_errors:
        lines += ["", "## Registry rows skipped", ""] + [f"- {e}" for e in run.registry_errors]
    create_markdown_artifact(key="harvest-summary", markdown="\n".join(lines))


def run_batches(run: pipeline.Run, counties: list[County], batch_size: int) -> None:
    _RUNS[run.run_id] = run
    try:
        futures = [harvest_batch.submit(run.run_id, counties[i:i + batch_size])
                   for i in range(0, len(counties), batch_size)]
        for fut in futures:
            fut.result()
    finally:
        _RUNS.pop(run.run_id, None)


@flow(name="harvest", task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=True)
def harvest(registry: str | None = None, db: str | None = None, proxy: str | None = None,
            counties: list[str] | None = None, province: str | None = None, prefecture: str | None = None,
            min_delay_s: float | None = None, workers: int | None = None,
            batch_size: int = BATCH_SIZE) -> dict[str, Any]:
    """Harvest the registry's counties (all, or the given adcodes / province / prefecture)."""
    settings = load_settings(registry=registry, db=db, proxy=proxy, min_delay_s=min_delay_s, workers=workers)
    reg = pipeline.load_registry(settings)
    for problem in reg.problems:
        print(f"registry: skipped {problem}")
    selected = pipeline.select_counties(reg, counties, province, prefecture)
    run = pipeline.open_run(settings, "harvest",
                            {"counties": counties, "province": province, "prefecture": prefecture},
                            [str(p) for p in reg.problems])
    try:
        run_batches(run, selected, batch_size)
    finally:
        counters = pipeline.close_run(run)
    publish(run, counters)
    return {"run_id": run.run_id, **counters}


if __name__ == "__main__":
    harvest()
