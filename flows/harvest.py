"""The harvest flow (incremental harvest of the registry's counties or a subset; the flow behind the schedule)
and the shard flow (one slice of a harvest or backfill, run by a worker).

Thin over `countyreports.pipeline`: one Prefect task per batch of counties, retried only when the error is
transient (`_common.retry_transient`). Per-host politeness lives in the fetcher, shared by the batches of a
run. Two ways to run:

- in one process (``shards=0``, the default): the tasks run in threads and share one DuckDB writer; each county
  is loaded in its own transaction as soon as it is crawled, so a crash loses only the counties in flight and
  a re-run is safe (loads are idempotent, conditional GETs make it cheap);
- scaled out (``shards=N``): the counties are cut into N slices, each submitted as a flow run of the
  ``harvest-shard/countyreports`` deployment, which any worker of its pool picks up. Shards write the same
  warehouse in per-load writer mode (``hold_writer=False``: the file is opened for one county's load at a
  time, a shard waits while another holds it), each under its own run_id ``<parent>-s<i>``.

Entrypoints: ``flows/harvest.py:harvest`` (what `countyreports harvest` runs and what prefect.yaml deploys)
and ``flows/harvest.py:harvest_shard``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from prefect.task_runners import ThreadPoolTaskRunner

from countyreports import pipeline
from countyreports.settings import load_settings
from flows import _common as common

BATCH_SIZE = common.BATCH_SIZE


def _settings(registry: str | None, db: str | None, proxy: str | None, min_delay_s: float | None,
              workers: int | None) -> Any:
    return load_settings(registry=registry, db=db, proxy=proxy, min_delay_s=min_delay_s, workers=workers)


@flow(name="harvest", task_runner=ThreadPoolTaskRunner(max_workers=common.BATCHES_IN_FLIGHT),
      log_prints=True, on_failure=[common.on_failed])
def harvest(registry: str | None = None, db: str | None = None, proxy: str | None = None,
            counties: list[str] | None = None, province: str | None = None, prefecture: str | None = None,
            min_delay_s: float | None = None, workers: int | None = None, batch_size: int = BATCH_SIZE,
            shards: int = 0, shard_deployment: str = common.SHARD_DEPLOYMENT,
            concurrency_limit: str | None = None, hold_writer: bool = True,
            reparse: bool = False) -> dict[str, Any]:
    """Harvest the registry's counties (all, or the given adcodes / province / prefecture).

    reparse: rebuild the counties' reports (sections, indicators) from the raw archive, without a request.

    shards: 0 runs every batch in this process; N > 1 cuts the counties into N slices run by the workers of
    the shard deployment's pool. concurrency_limit: name of a Prefect global concurrency limit each batch
    holds a slot of (a cap across all runs and workers). hold_writer: False opens the warehouse per county
    load, so other processes can write it meanwhile.
    """
    settings = _settings(registry, db, proxy, min_delay_s, workers)
    reg = common.load_registry(settings)
    selected = pipeline.select_counties(reg, counties, province, prefecture)
    common.notify("total", len(selected))
    params = {"counties": counties, "province": province, "prefecture": prefecture, "reparse": reparse}
    if shards > 1:
        return _sharded("harvest", settings, selected, shards, shard_deployment, params, registry_errors=[
            str(p) for p in reg.problems], batch_size=batch_size, concurrency_limit=concurrency_limit,
            reparse=reparse)
    kind = "reparse" if reparse else "harvest"
    run = pipeline.open_run(settings, kind, params, [str(p) for p in reg.problems],
                            hold_writer=hold_writer)
    try:
        errors = common.run_batches(run, selected, batch_size, reparse=reparse,
                                    concurrency_limit=concurrency_limit)
    finally:
        counters = pipeline.close_run(run)
    return common.finish(kind, run.run_id, run.outcomes, counters, settings, run.registry_errors,
                         [f"batch failed: {e}" for e in errors])


def _sharded(kind: str, settings: Any, selected: list[Any], shards: int, deployment: str,
             params: dict[str, Any], *, registry_errors: list[str], batch_size: int,
             concurrency_limit: str | None, years: list[int] | None = None,
             reparse: bool = False) -> dict[str, Any]:
    """Run `selected` as shards on the workers, then summarise what they wrote."""
    parent = common.new_run_id()
    shard_params = {"kind": kind, "registry": settings.registry or None, "db": settings.db,
                    "proxy": settings.proxy or None, "min_delay_s": settings.min_delay_s,
                    "workers": settings.workers, "batch_size": batch_size, "years": years, "reparse": reparse,
                    "parent_run_id": parent, "params": params, "concurrency_limit": concurrency_limit}
    run_ids, failures = common.run_shards(selected, shards, parent, shard_params, deployment)
    db = Path(settings.db)
    counters: dict[str, Any] = common.read_counters(db, run_ids) if db.exists() else {}
    counters["shards"] = len(run_ids)
    counters["shards_failed"] = len(failures)
    result = common.finish(kind, parent, common.read_outcomes(db, run_ids), counters, settings, registry_errors,
                           failures)
    if failures:
        raise RuntimeError(f"{len(failures)} of {len(run_ids)} shards failed: {'; '.join(failures)}")
    return result


@flow(name="harvest-shard", task_runner=ThreadPoolTaskRunner(max_workers=common.BATCHES_IN_FLIGHT),
      log_prints=True)
def harvest_shard(counties: list[str], run_id: str, kind: str = "harvest", registry: str | None = None,
                  db: str | None = None, proxy: str | None = None, min_delay_s: float | None = None,
                  workers: int | None = None, batch_size: int = BATCH_SIZE, years: list[int] | None = None,
                  reparse: bool = False, parent_run_id: str | None = None,
                  params: dict[str, Any] | None = None,
                  concurrency_limit: str | None = None) -> dict[str, Any]:
    """One slice of a sharded harvest or backfill (these adcodes), in per-load writer mode."""
    settings = _settings(registry, db, proxy, min_delay_s, workers)
    selected = pipeline.select_counties(pipeline.load_registry(settings), counties)
    run_kind = "reparse" if reparse else kind
    run = pipeline.open_run(settings, run_kind, {**(params or {}), "shard_of": parent_run_id, "years": years,
                                                 "reparse": reparse, "counties": counties},
                            years=years, hold_writer=False, run_id=run_id)
    get_run_logger().info("shard %s of %s: %d counties", run_id, parent_run_id, len(selected))
    try:
        errors = common.run_batches(run, selected, batch_size, reparse=reparse,
                                    concurrency_limit=concurrency_limit)
    finally:
        counters = pipeline.close_run(run)
    common.publish(f"{kind}-shard", run.run_id, run.outcomes, counters, (),
                   [f"batch failed: {e}" for e in errors])
    return {"run_id": run.run_id, **counters}


if __name__ == "__main__":
    harvest()
