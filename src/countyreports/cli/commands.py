"""The `countyreports` typer app: every group of commands of the package (see its docstring) registered on one
app, with `guard`'s wrapper: --debug, the pre-checks of `preflight` (chosen by parameter names) and one-line
errors with exit codes 0 / 1 (failed) / 2 (bad input). Only light imports at module level: Prefect, DuckDB, Arrow
and Altair are imported by the commands that use them.
"""

from __future__ import annotations

import typer

from countyreports.cli import data, evaluation, portal, research, runs
from countyreports.cli.guard import guard
from countyreports.cli.registry import registry_app

app = typer.Typer(help="Harvest, parse and compare county 法治政府建设年度报告.", no_args_is_help=True,
                  add_completion=False)
for _group in (runs.app, data.app, research.app, evaluation.app):
    app.registered_commands.extend(_group.registered_commands)
app.add_typer(portal.app, name="portal")
app.add_typer(registry_app, name="registry")
guard(app)  # last: every command registered above gets --debug, the pre-checks and one-line errors

__all__ = ["app"]
