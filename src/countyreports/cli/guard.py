"""What every command gets, wrapped around it by `guard(app)` when the `countyreports` app is assembled: a
command added to a group later gets it too.

- ``--debug`` (or ``COUNTYREPORTS_DEBUG=1``): errors with their full traceback. Without it an error is one line
  on stderr and no traceback, Prefect's log included (`debugging()` tells the flow runner);
- the pre-checks of `cli.preflight`, before the command's body runs: one ``error:`` line per problem, exit 2;
- errors: an `InputError` (registry, selection, warehouse folder, proxy) exits 2; any other error of ours
  (a run that failed, a busy warehouse) or an unexpected one exits 1, with its one line.

Exit codes: 0 done; 1 the run or the command failed; 2 bad input (checked before it starts, or found by it).
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable
from contextvars import ContextVar
from typing import Annotated, Any

import typer

from countyreports.cli import preflight
from countyreports.cli.common import err

_DEBUG: ContextVar[bool] = ContextVar("countyreports_debug", default=False)
DEBUG_HELP = "on an error, print its full traceback (also COUNTYREPORTS_DEBUG=1)"
GUARDED = "__countyreports_guarded__"


def debugging() -> bool:
    """True when the running command was given --debug (or COUNTYREPORTS_DEBUG is set)."""
    return _DEBUG.get()


def _env_debug() -> bool:
    return os.environ.get("COUNTYREPORTS_DEBUG", "").strip().lower() in ("1", "true", "yes", "on")


def say_error(text: str) -> None:
    err.print(f"[red]error:[/red] {text}", highlight=False, soft_wrap=True)


def _exit_code(exc: BaseException) -> int:
    from countyreports.errors import InputError

    return 2 if isinstance(exc, InputError) else 1


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn` with a --debug option, its pre-checks and one-line errors (see the module docstring)."""
    if getattr(fn, GUARDED, False):
        return fn
    sig = inspect.signature(fn, eval_str=True)

    @functools.wraps(fn)
    def command(*args: Any, debug: bool = False, **kwargs: Any) -> Any:
        token = _DEBUG.set(debug or _env_debug())
        try:
            values = sig.bind_partial(*args, **kwargs).arguments
            found = preflight.problems(fn, values)
            if found:
                for line in found:
                    say_error(line)
                raise typer.Exit(2)
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if _DEBUG.get() or type(exc).__module__.startswith(("click", "typer")):
                raise  # usage errors are typer's to print; --debug: the whole traceback
            from countyreports.errors import CountyReportsError

            if isinstance(exc, CountyReportsError):
                say_error(str(exc))
            else:
                say_error(f"{type(exc).__name__}: {exc} (unexpected: run again with --debug for the traceback)")
            raise typer.Exit(_exit_code(exc)) from None
        finally:
            _DEBUG.reset(token)

    debug = inspect.Parameter("debug", inspect.Parameter.KEYWORD_ONLY, default=False,
                              annotation=Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)])
    params = [p for p in sig.parameters.values() if p.name != "debug"]
    command.__signature__ = sig.replace(parameters=[*params, debug])  # type: ignore[attr-defined]
    command.__annotations__ = {**fn.__annotations__, "debug": debug.annotation}
    setattr(command, GUARDED, True)
    return command


def guard(app: typer.Typer) -> typer.Typer:
    """Wrap every command of `app` and of its sub-groups (call once the commands are registered)."""
    for info in app.registered_commands:
        if info.callback is not None:
            info.callback = guarded(info.callback)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            guard(group.typer_instance)
    return app
