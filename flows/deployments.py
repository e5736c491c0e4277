"""The deployments, for `countyreports schedule` (which serves them with `prefect.serve`).

prefect.yaml at the repository root declares the same three deployments for a work pool (`prefect deploy
--all`); the names match, so `prefect deployment run 'backfill/countyreports'` works either way:

- ``harvest/countyreports``: the incremental harvest, on a cron schedule in Asia/Shanghai time — weekly, and
  three times a week in January–April, when the year's reports appear;
- ``backfill/countyreports``: no schedule, run on demand with ``--param years=...``;
- ``harvest-shard/countyreports``: no schedule, the slices of a sharded harvest or backfill.

A served deployment runs each flow run in a subprocess of the serve process, with the serve process's
working directory (the repository, so entrypoints resolve as in prefect.yaml) and environment.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
from prefect.schedules import Cron

from flows import _common as common

NAME = "countyreports"
TIMEZONE = "Asia/Shanghai"
# minute hour day-of-month month day-of-week: Mondays 06:00 from May to December; Monday, Wednesday and
# Friday 06:00 from January to April (reports on the past year are due by the end of March)
DEFAULT_CRONS: tuple[str, ...] = ("0 6 * 5-12 1", "0 6 * 1-4 1,3,5")


def schedules(crons: Sequence[str] = DEFAULT_CRONS, timezone: str = TIMEZONE) -> list[Any]:
    return [Cron(c, timezone=timezone) for c in crons]


def deployments(parameters: dict[str, Any], crons: Sequence[str] = DEFAULT_CRONS,
                timezone: str = TIMEZONE, name: str = NAME) -> list[Any]:
    """The three deployments as RunnerDeployments (entrypoints relative to the repository)."""
    if Path.cwd().resolve() != REPO:
        os.chdir(REPO)  # entrypoints are recorded relative to the working directory; make them flows/...
    from flows.backfill import backfill
    from flows.harvest import harvest, harvest_shard

    shard_params = {k: v for k, v in parameters.items() if k != "concurrency_limit"}
    tags = ["countyreports"]
    return [
        harvest.to_deployment(name=name, schedules=schedules(crons, timezone), parameters=parameters,
                              tags=tags, description="Incremental harvest of the registry's counties."),
        backfill.to_deployment(name=name, parameters=parameters, tags=tags,
                               description="One-off (re)load of given report years; --param years=2019-2023"),
        harvest_shard.to_deployment(name=name, parameters=shard_params, tags=tags,
                                    description="One slice of a sharded harvest or backfill."),
    ]


def ensure_concurrency_limit(slots: int, name: str = common.CONCURRENCY_LIMIT) -> None:
    """Create (or resize) the global concurrency limit the batches hold a slot of."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        client.upsert_global_concurrency_limit_by_name(name, slots)


def serve_all(parameters: dict[str, Any], crons: Sequence[str] = DEFAULT_CRONS, timezone: str = TIMEZONE,
              limit: int | None = None, concurrency_slots: int | None = None,
              notify: Sequence[str] = (), notify_blocks: Sequence[str] = ()) -> None:
    """Register the deployments with their schedules (and, given targets, the alert automations of
    flows/alerts.py for the harvest and backfill runs), then run their flow runs until interrupted."""
    from prefect import serve

    params = dict(parameters)
    if concurrency_slots:
        ensure_concurrency_limit(concurrency_slots)
        params["concurrency_limit"] = common.CONCURRENCY_LIMIT
    served = deployments(params, crons, timezone)
    if notify or notify_blocks:
        from flows.alerts import ensure_alerts

        watched = [d.apply() for d in served[:2]]  # harvest, backfill (a shard's failure fails its parent)
        for name in ensure_alerts(notify, notify_blocks, watched):
            print(f"alerts: automation {name!r} sends to {len(notify) + len(notify_blocks)} target(s)", flush=True)
    serve(*served, limit=limit)
