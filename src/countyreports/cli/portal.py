"""`countyreports portal serve`: the replay portal (a recorded snapshot served over HTTP)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(help="The replay portal (serves a recorded snapshot over HTTP).", no_args_is_help=True)


@app.command("serve")
def portal_serve(
    snapshot: Annotated[Path, typer.Option(help="snapshot folder (manifest.jsonl, bodies/)")],
    epoch: Annotated[int, typer.Option(help="epoch to replay")] = 1,
    host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port (0 = any free port)")] = 8765,
    log: Annotated[Optional[Path], typer.Option(help="append one JSON line per request here")] = None,
) -> None:
    """Serve a snapshot as an HTTP proxy (and by Host header); prints `listening on http://HOST:PORT`."""
    from countyreports.portal.server import serve

    serve(snapshot, epoch=epoch, host=host, port=port, log=log)
