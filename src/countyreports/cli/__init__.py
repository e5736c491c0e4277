"""The `countyreports` command (typer + rich): one module per group of commands, put together in `commands`.

    runs        harvest, backfill, schedule, status       (the flows, by their entrypoints)
    data        sql, check, export, export-sql, report, parse
    research    search, show, diff                         (full-text search, one report, a correction)
    registry    registry validate | list | import
    portal      portal serve                               (the replay portal)
    evaluation  eval
    demo        `make demo` (python -m countyreports.cli.demo)

`main` is the console script: for `parse`, it starts the reader's first sandbox child before anything else is
imported (`documents.prestart`), so that the child's imports run beside the command's; then it runs `app`
(`commands`; ``from countyreports.cli import app`` imports it).

The top layer: may import every package of countyreports; never Prefect itself (the flows it runs do).
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["app", "main"]


def main() -> None:
    """The `countyreports` console script."""
    from countyreports.cli.documents import prestart

    prestart(sys.argv[1:])
    from countyreports.cli.commands import app

    app()


def __getattr__(name: str) -> Any:
    if name == "app":
        from countyreports.cli.commands import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
