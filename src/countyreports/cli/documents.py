"""`countyreports parse`: saved documents read in the sandbox pool, one JSON line per file, in order.

This process reads the files and prints; the reading (`reading.document.json_lines`) runs in child processes
(countyreports.sandbox), under the page budget, and is never imported here. A legacy Word file or a scan is first
given to the attachments edge (`files.derived_for`: converted or OCR'd in its own processes, once per body), and
goes to the reader with what it made. Files go in chunks (up to
`CHUNK_FILES` files, `CHUNK_BYTES` bytes), so that a thousand small pages do not cost a thousand round trips;
a chunk gets one page budget, and when it fails as a whole (a file over the budget, a crashed reader), each of
its files is read again alone, under its own budget: only the guilty file gets an error line. A few chunks are
in flight at a time, so memory stays bounded whatever the number of files. Unless told (`--processes`), one child
per `FILES_PER_CHILD` files reads them (at most one per CPU, and `MAX_AUTO_PROCESSES`). A file over
`MAX_FILE_BYTES` is not read at all. The first child is started by `prestart` when the command line is `parse`,
before the command's own modules are imported (`cli.main`): its imports of the read path run beside the parent's,
and the pool adopts it.
"""

from __future__ import annotations

import atexit
import json
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from countyreports.errors import SandboxError
from countyreports.sandbox import Budget, BudgetPool, Named, Started, prestart as start_child
from countyreports.settings import Settings

CHUNK_FILES = 32
CHUNK_BYTES = 2 * 1024 * 1024
MAX_AUTO_PROCESSES = 4  # reader children when not told (`auto_processes`)...
FILES_PER_CHILD = 256  # ...one per this many files: a child's start-up (~0.25 s) costs what ~200 pages do
MAX_FILE_BYTES = 64 * 1024 * 1024  # a saved page is at most the crawl's body cap (5 MiB); scans can be larger
READER = Named("countyreports.reading.document", "json_lines")
PRELOAD = ("countyreports.reading.document",)
_started: list[Started] = []  # (the child `prestart` started for this process's `parse`, until the pool takes it)

_Item = tuple[str, bytes, Any]  # (file as given, its bytes, what the attachments edge derived from it)


def page_budget(settings: Settings) -> Budget:
    return Budget(time_s=settings.page_time_s, memory_bytes=settings.page_memory_mb * 1024 * 1024)


def prestart(argv: list[str]) -> None:
    """For the command line `argv` ``parse FILE...``: the first reader child, started now (see the module
    docstring); for any other command, nothing."""
    if argv[:1] == ["parse"] and not {"--help", "-h"} & set(argv):
        try:
            _started.append(start_child(PRELOAD))
        except OSError:  # (no process to spare now: the pool starts its children, and says why it cannot)
            return
        atexit.register(_stop_unused)


def _stop_unused() -> None:
    """At exit: the child `prestart` started, when no pool took it (the command stopped on bad input)."""
    for child in _started:
        child.proc.kill()
        child.proc.wait()
    _started.clear()


def auto_processes(files: int) -> int:
    """The reader children for `files` files when not told: one per `FILES_PER_CHILD` files (at least one), at
    most one per CPU this process may use and `MAX_AUTO_PROCESSES`."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cpus, MAX_AUTO_PROCESSES, files // FILES_PER_CHILD))


def parse_lines(files: list[str], url: str | None, settings: Settings, processes: int = 0,
                derive: Callable[[Path, bytes], Any] | None = None) -> Iterator[str]:
    """The JSON line of each file, in the order given (see the module docstring), read by `processes` children
    (0: `auto_processes`); `derive(path, body)`: what the attachments edge read from a file (None: nothing to
    read, or no edge)."""
    processes = processes or auto_processes(len(files))
    started, _started[:] = list(_started), []
    pool = BudgetPool(processes, page_budget(settings), preload=PRELOAD, name="parse", started=started)
    try:
        flight: deque[tuple[list[str | _Item], Future[Any] | None]] = deque()
        for chunk in _chunks(files, derive):
            items = [x for x in chunk if not isinstance(x, str)]
            flight.append((chunk, pool.submit(READER, items, url) if items else None))
            while len(flight) > 2 * processes:
                yield from _finish(pool, url, *flight.popleft())
        while flight:
            yield from _finish(pool, url, *flight.popleft())
    finally:
        pool.shutdown(cancel_futures=True)


def _chunks(files: list[str], derive: Callable[[Path, bytes], Any] | None) -> Iterator[list[str | _Item]]:
    """The files read, in chunks; a file that cannot be read is its error line already (a str)."""
    chunk: list[str | _Item] = []
    size = 0
    for file in files:
        try:
            n = Path(file).stat().st_size
            if n > MAX_FILE_BYTES:
                raise SandboxError(f"file of {n / 2**20:,.0f} MiB (limit {MAX_FILE_BYTES / 2**20:.0f} MiB): "
                                   f"not read", reason="refused")
            body = Path(file).read_bytes()
            chunk.append((file, body, derive(Path(file), body) if derive is not None else None))
            size += n
        except Exception as exc:  # noqa: BLE001 - unreadable, too big, or the attachments edge failed on it
            chunk.append(_error_line(file, exc))
        if len(chunk) >= CHUNK_FILES or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _finish(pool: BudgetPool, url: str | None, chunk: list[str | _Item],
            fut: Future[Any] | None) -> Iterator[str]:
    """The lines of a chunk: its result, or when it failed whole, each file read alone."""
    lines: list[str] | None = None
    if fut is not None:
        try:
            lines = fut.result()
        except SandboxError:
            lines = None
    if lines is not None or fut is None:
        done = iter(lines or [])
        for x in chunk:
            yield x if isinstance(x, str) else next(done)
        return
    alone = [(x, pool.submit(READER, [x], url)) if not isinstance(x, str) else (x, None) for x in chunk]
    for x, one in alone:
        if one is None:
            yield x  # (an error line)
            continue
        try:
            yield one.result()[0]
        except SandboxError as exc:
            yield _error_line(x[0], exc)  # type: ignore[index]


def _error_line(file: str, exc: BaseException) -> str:
    return json.dumps({"file": file, "error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False)
