"""The child's side of the sandbox pool: a loop that runs one task at a time under its memory budget.

The protocol, over one socket (a `multiprocessing.connection.Connection` at each end), every message a pickle:

    parent → child    sys.path, then (preload, initializer, initargs)   first: what to run with
    child  → parent   READY                         once, after the preloaded modules and the initializer
    parent → child    memory_bytes (8 bytes), payload   a task, in two messages: payload = pickle of
                                                    (fn, args, kwargs), never copied into another message
    child  → parent   (OK, result) | (ERROR, exception) | (MEMORY, message)
    parent → child    b""                           stop (an end of file stops it too: the parent is gone)

The task runs in the main thread, the only one, with `RLIMIT_AS` lowered to its budget and raised again after
(the hard limit stays where it was). A MemoryError is answered with MEMORY and the child exits: the parent starts a
fresh one rather than keep a heap that hit its ceiling. After a task that grew the process, the memory it freed
is handed back to the system (glibc's malloc_trim), so a child stays near its own size between big pages. The time budget is the parent's business (it kills).
An exception is sent as itself when it pickles both ways, else as a RuntimeError with its type and message; the
child's traceback rides along as a note. An initializer that fails does not stop the child: every task it is
given fails with that error (so a broken initializer cannot make the pool restart children forever).
"""

from __future__ import annotations

import gc
import importlib
import pickle
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

from countyreports.native import heap
from countyreports.sandbox.budget import resident_bytes

READY = "ready"
OK = "ok"
ERROR = "error"
MEMORY = "memory"


def main(argv: list[str] | None = None) -> None:
    """``python -m countyreports.sandbox FD``: serve the parent at the end of socket FD."""
    args = sys.argv[1:] if argv is None else argv
    conn = Connection(int(args[0]))
    try:
        sys.path[:] = pickle.loads(conn.recv_bytes())  # first: the initializer may come from anywhere on it
        preload, initializer, initargs = pickle.loads(conn.recv_bytes())
    except (EOFError, OSError):
        return
    serve(conn, preload, initializer, initargs)


def serve(conn: Connection, preload: Sequence[str], initializer: Callable[..., Any] | None,
          initargs: tuple[Any, ...]) -> None:
    """The child's loop (see the module docstring)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which stops its children
    broken: BaseException | None = None
    try:
        for name in preload:
            importlib.import_module(name)
        if initializer is not None:
            initializer(*initargs)
    except BaseException as exc:  # noqa: BLE001 - reported with every task instead
        broken = RuntimeError(f"the sandbox initializer failed: {type(exc).__name__}: {exc}")
    gc.freeze()  # the modules loaded so far live as long as the child: the collector need not look at them again
    done = 0
    try:
        conn.send(READY)
    except OSError:
        return  # the parent is gone (e.g. a command that started this child ahead and then stopped on bad input)
    while True:
        try:
            header = conn.recv_bytes()
            if not header:
                return
            payload = conn.recv_bytes()
            memory_bytes = int.from_bytes(header, "little")
            if broken is not None:
                conn.send_bytes(_error(broken))
                continue
            started = time.monotonic()
            answer, out_of_memory = _run(payload, memory_bytes)
            big = len(payload) + len(answer) > _BIG or time.monotonic() - started > _SLOW_S
            del payload
            conn.send_bytes(answer)
        except (EOFError, OSError):
            return  # the parent is gone
        if out_of_memory:
            return
        del answer
        done += 1
        if big or done % _TRIM_EVERY == 0:
            _give_back()


_TRIM_ABOVE = 16 << 20  # growth of the resident set since the last trim that is worth a malloc_trim
_TRIM_EVERY = 16  # tasks between two looks at the resident set (each costs a read of /proc)...
_BIG = 1 << 20  # ...unless a task's payload and answer weigh this much together: then at once,
_SLOW_S = 0.25  # or it ran this long (e.g. an OCR page: its detector's tensors, ~0.5 GB, freed but kept by malloc)


def _give_back(state: list[int] = [0]) -> None:  # noqa: B006 - the resident size after the last trim
    """Hand the memory freed by the task back to the system (glibc keeps it otherwise: a child that read one big
    page would stay that big), when the process has grown by `_TRIM_ABOVE` since the last time (a trim walks
    the heap: not after every small task)."""
    rss = resident_bytes() or 0
    if rss - state[0] < _TRIM_ABOVE:
        return
    heap.trim()
    state[0] = resident_bytes() or 0


def _run(payload: bytes, memory_bytes: int) -> tuple[bytes, bool]:
    """Unpickle and run one task under the memory limit; its answer, pickled, and whether memory ran out."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        try:
            fn, args, kwargs = pickle.loads(payload)
            result = fn(*args, **kwargs)
            del fn, args, kwargs
            answer = pickle.dumps((OK, result), pickle.HIGHEST_PROTOCOL)
            del result
        finally:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except MemoryError:
        return pickle.dumps((MEMORY, "MemoryError")), True
    except BaseException as exc:  # noqa: BLE001 - every failure of the task goes back to the caller
        return _error(exc), False
    return answer, False


def _error(exc: BaseException) -> bytes:
    """(ERROR, exc) pickled, with the child's traceback as a note; a RuntimeError in its place when `exc` does not
    survive a pickle round trip."""
    tb = "".join(traceback.format_exception(exc)).rstrip()
    try:
        exc.add_note(f"in the sandbox child:\n{tb}")
        data = pickle.dumps((ERROR, exc), pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)
        return data
    except Exception:  # noqa: BLE001 - not picklable: send what it said
        plain = RuntimeError(f"{type(exc).__name__}: {exc}")
        plain.add_note(f"in the sandbox child:\n{tb}")
        return pickle.dumps((ERROR, plain), pickle.HIGHEST_PROTOCOL)
