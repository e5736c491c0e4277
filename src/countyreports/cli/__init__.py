"""The `countyreports` command (typer + rich): one module per group of commands.

    runs        harvest, backfill, schedule, status       (the flows, by their entrypoints)
    data        sql, check, export, export-sql, report, parse
    research    search, show, diff                         (full-text search, one report, a correction)
    registry    registry validate | list | import
    portal      portal serve                               (the replay portal)
    evaluation  eval
    demo        `make demo` (python -m countyreports.cli.demo)

The top layer: may import every package of countyreports; never Prefect itself (the flows it runs do).
"""

from __future__ import annotations

import typer

from countyreports.cli import data, evaluation, portal, research, runs
from countyreports.cli.registry import registry_app

app = typer.Typer(help="Harvest, parse and compare county 法治政府建设年度报告.", no_args_is_help=True,
                  add_completion=False)
for _group in (runs.app, data.app, research.app, evaluation.app):
    app.registered_commands.extend(_group.registered_commands)
app.add_typer(portal.app, name="portal")
app.add_typer(registry_app, name="registry")

__all__ = ["app"]
