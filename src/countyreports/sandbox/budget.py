"""Budgets of a task in the sandbox pool, and what a task that broke one is told.

    Budget(time_s=10.0, memory_bytes=512 MiB)      # what one task may use
    budget.scaled(3)                              # three times the time (a report of three pages), same memory
    per_item(budget, RawDoc, fn, args)            # a pool's `budget_of` policy: scaled by the RawDocs in args
    resident_bytes(pid) / address_space(pid)      # a process's memory, from /proc (None where unreadable)
    tree_resident(pid) / tree_resident_bytes(pid) # a process's and its descendants' resident memory: each / summed
    exit_reason(exitcode)                         # "killed by signal 11 (SIGSEGV)", "exited with code 1"

`time_s` is wall time from the moment the task is handed to its child process (not the wait in the queue): the
parent kills the child when it passes, whatever the task is doing (native code included). `memory_bytes` is the
child's whole address space while the task runs (`RLIMIT_AS`), the process's own ~75 MB of interpreter and read
path included: an allocation beyond it fails (MemoryError in Python; native code may crash instead, which the
parent sees as a dead child). Both are per task, given at submit; the pool has defaults.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, replace

MIB = 1024 * 1024
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True, slots=True)
class Budget:
    """What one task may use: wall seconds, and bytes of address space of the process running it."""

    time_s: float = 10.0
    memory_bytes: int = 512 * MIB

    def __post_init__(self) -> None:
        if not self.time_s > 0:
            raise ValueError(f"time budget must be positive: {self.time_s}")
        if self.memory_bytes < 32 * MIB:
            raise ValueError(f"memory budget below 32 MiB: {self.memory_bytes}")

    def scaled(self, times: float) -> Budget:
        """The same memory and `times` the time (at least once the time): for a task of several documents."""
        return replace(self, time_s=self.time_s * max(1.0, times))


def per_item(unit: Budget, kind: type, fn: object, args: tuple[object, ...]) -> Budget:
    """A pool's `budget_of` policy (bound with functools.partial): `unit` scaled by the arguments of type `kind`,
    those inside lists and tuples included (e.g. a parse task's documents). Kept here, beside `Budget`, so that a
    pickled pool factory names only the sandbox and `kind`'s module: a process that unpickles it (a crawler
    process) imports nothing else (not the pipeline, whose warehouse imports DuckDB and Arrow, ~55 MB)."""
    n = sum(isinstance(d, kind) for a in args for d in (a if isinstance(a, (list, tuple)) else (a,)))
    return unit.scaled(n)


def _statm(pid: int | str) -> list[int] | None:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return [int(x) for x in fh.read().split()[:2]]
    except (OSError, ValueError):
        return None


def address_space(pid: int | str = "self") -> int | None:
    """The virtual size of a process (bytes), what RLIMIT_AS counts; None where /proc cannot tell."""
    statm = _statm(pid)
    return statm[0] * _PAGE if statm else None


def resident_bytes(pid: int | str = "self") -> int | None:
    """The resident set of a process (bytes); None where /proc cannot tell."""
    statm = _statm(pid)
    return statm[1] * _PAGE if statm else None


def tree_resident(pid: int) -> dict[int, int]:
    """The resident set of a process and of each of its descendants (bytes by pid; 0 for what /proc cannot
    tell), found through /proc's children lists."""
    out: dict[int, int] = {}
    todo = [pid]
    while todo:
        p = todo.pop()
        out[p] = resident_bytes(p) or 0
        try:
            for task in os.scandir(f"/proc/{p}/task"):
                with open(f"{task.path}/children", encoding="ascii") as fh:
                    todo += [int(k) for k in fh.read().split() if int(k) not in out]
        except (OSError, ValueError):
            continue
    return out


def tree_resident_bytes(pid: int) -> int:
    """The resident set of a process and all its descendants, summed (bytes): the memory a command costs with its
    children (the sandbox's, crawler processes)."""
    return sum(tree_resident(pid).values())


def exit_reason(exitcode: int | None) -> str:
    """How a child process ended, in words (multiprocessing's exitcode: negative for a signal)."""
    if exitcode is None:
        return "still running"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = "unknown signal"
        hint = " (by the kernel's out-of-memory killer, or another process)" if -exitcode == signal.SIGKILL else ""
        return f"killed by signal {-exitcode} ({name}){hint}"
    return f"exited with code {exitcode}"
