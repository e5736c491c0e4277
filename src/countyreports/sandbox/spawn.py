"""How a sandbox child is started: a fresh interpreter (``python -m countyreports.sandbox``) on one end of a
socket pair, told this process's import path and what to load (see `child`). `prestart` starts one ahead of
its pool (`BudgetPool(..., started=[it])` adopts it when the preload, initializer and initargs are the same).
"""

from __future__ import annotations

import pickle
import socket
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

__all__ = ["Started", "prestart", "spawn"]


@dataclass(frozen=True, slots=True)
class Started:
    """A child process started by `prestart`, before the pool that adopts it."""

    proc: subprocess.Popen[bytes]
    conn: Connection
    child_args: tuple[tuple[str, ...], Callable[..., Any] | None, tuple[Any, ...]]


def prestart(preload: Sequence[str] = (), initializer: Callable[..., Any] | None = None,
             initargs: tuple[Any, ...] = ()) -> Started:
    """A child started now, told what to run with (it imports `preload` at once), for a `BudgetPool` made later
    with ``started=[it]`` and the same preload, initializer and initargs."""
    child_args = (tuple(preload), initializer, tuple(initargs))
    return Started(*spawn(child_args), child_args)


def spawn(child_args: tuple[Any, ...]) -> tuple[subprocess.Popen[bytes], Connection]:
    """A fresh child process (``python -m countyreports.sandbox``) and our end of its socket."""
    ours, theirs = socket.socketpair()
    proc = subprocess.Popen([sys.executable, "-m", "countyreports.sandbox", str(theirs.fileno())],
                            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL)
    theirs.close()
    conn = Connection(ours.detach())
    try:  # what it runs with: our import path (so tasks import as here), preloads, initializer
        conn.send_bytes(pickle.dumps(sys.path))
        conn.send_bytes(pickle.dumps(child_args, pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # (it died already: seen as the end of its pipe)
    return proc, conn
