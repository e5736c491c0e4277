"""`countyreports eval`: score a warehouse against a snapshot's gold (countyreports.evaluation)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from countyreports.cli.common import DEFAULT_DB, DbOpt

app = typer.Typer()


@app.command("eval")
def eval_cmd(
    snapshot: Annotated[Path, typer.Option(help="snapshot folder with gold/")],
    db: DbOpt = DEFAULT_DB,
    epoch: Annotated[int, typer.Option(help="epoch the warehouse was harvested at")] = 1,
    json_out: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    floors: Annotated[Optional[Path], typer.Option(help="JSON file of minimum scores; exit 1 below")] = None,
) -> None:
    """Score the warehouse against the snapshot's gold."""
    from countyreports.evaluation.scorecard import run_eval_cli

    raise typer.Exit(run_eval_cli(snapshot, db, epoch, json_out, floors))
