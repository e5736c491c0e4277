"""The backfill flow: a one-off (re)load of given report years for given counties, optionally from the archive.

    prefect deployment run 'backfill/countyreports' --param years=2019-2023 --param province=山西省
    countyreports backfill --years 2019-2023 --province 山西省

Only reports on the given years are loaded (`pipeline.open_run(years=...)`: the crawl still walks each county's
report column, but parses and loads only those years and withdraws nothing else). ``reparse=True`` rebuilds
them from the raw archive without a single request.

Chunked by county: one task per chunk of `chunk_size` counties, retried alone when its error is transient; a
chunk that fails for good does not stop the others. Every county is loaded in its own transaction, and loads
are idempotent, so re-running a backfill is always safe and, thanks to conditional GETs, cheap.

Resuming: a run records each finished county in ``county_runs`` under its run_id. Re-run with
``resume_run_id=<that run_id>`` and the counties that run (or an earlier resumption of it) finished — any
outcome but ``failed`` — are skipped; the new run records ``resume_of`` in its params.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from prefect.task_runners import ThreadPoolTaskRunner

from countyreports import pipeline
from countyreports.registry.selection import parse_years
from countyreports.settings import load_settings
from flows import _common as common
from flows.harvest import _sharded

CHUNK_SIZE = common.CHUNK_SIZE


def finished_counties(db: Path, resume_run_id: str) -> set[str]:
    """Adcodes the run `resume_run_id` (or a resumption of it) finished with any outcome but 'failed' or 'blocked'."""
    from countyreports.warehouse.reader import query

    if not db.exists():
        return set()
    tbl = query(db, """
        SELECT DISTINCT c.adcode FROM county_runs c JOIN runs r USING (run_id)
        WHERE c.outcome NOT IN ('failed', 'blocked')
          AND (r.run_id = $root OR json_extract_string(r.params, '$.resume_of') = $root)""",
                params={"root": resume_run_id}, wait_s=pipeline.WRITER_WAIT_S)
    return {r["adcode"] for r in tbl.to_pylist()}


@flow(name="backfill", task_runner=ThreadPoolTaskRunner(max_workers=common.BATCHES_IN_FLIGHT),
      log_prints=True, on_failure=[common.on_failed])
def backfill(years: str | list[int] | None = None, counties: list[str] | None = None,
             province: str | None = None, prefecture: str | None = None, reparse: bool = False,
             registry: str | None = None, db: str | None = None, proxy: str | None = None,
             min_delay_s: float | None = None, workers: int | None = None, chunk_size: int = CHUNK_SIZE,
             resume_run_id: str | None = None, shards: int = 0,
             shard_deployment: str = common.SHARD_DEPLOYMENT, concurrency_limit: str | None = None,
             hold_writer: bool = True) -> dict[str, Any]:
    """(Re)load the reports of `years` ("2019-2023", "2019,2021" or a list; none = every year) for the
    registry's counties (all, or the given adcodes / province / prefecture)."""
    year_list = parse_years(years)
    settings = load_settings(registry=registry, db=db, proxy=proxy, min_delay_s=min_delay_s, workers=workers)
    reg = common.load_registry(settings)
    selected = pipeline.select_counties(reg, counties, province, prefecture)
    done = finished_counties(settings.db_path, resume_run_id) if resume_run_id else set()
    todo = [c for c in selected if c.adcode not in done]
    if done:
        get_run_logger().info("resuming %s: %d counties finished already, %d to go", resume_run_id,
                              len(selected) - len(todo), len(todo))
    common.notify("total", len(todo))
    kind = "reparse" if reparse else "backfill"
    params = {"counties": counties, "province": province, "prefecture": prefecture, "years": year_list,
              "reparse": reparse, "resume_of": resume_run_id}
    problems = [str(p) for p in reg.problems]
    if shards > 1:
        result = _sharded("backfill", settings, todo, shards, shard_deployment, params,
                          registry_errors=problems, batch_size=chunk_size, concurrency_limit=concurrency_limit,
                          years=year_list, reparse=reparse)
        return {**result, "skipped_finished": len(selected) - len(todo)}
    run = pipeline.open_run(settings, kind, params, problems, years=year_list, hold_writer=hold_writer)
    try:
        errors = common.run_batches(run, todo, chunk_size, reparse=reparse, concurrency_limit=concurrency_limit)
    finally:
        counters = pipeline.close_run(run)
    notes = [f"years: {', '.join(map(str, year_list)) if year_list else 'all'}"]
    if resume_run_id:
        notes.append(f"resumes {resume_run_id}: {len(selected) - len(todo)} counties finished before")
    notes += [f"chunk failed: {e}" for e in errors]
    result = common.finish("backfill", run.run_id, run.outcomes, counters, settings, run.registry_errors, notes)
    return {"run_id": run.run_id, "skipped_finished": len(selected) - len(todo), **result}


if __name__ == "__main__":
    backfill()
