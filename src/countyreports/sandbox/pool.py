"""`BudgetPool`: a small fixed pool of child processes that run picklable callables under a time and a memory
budget, and survive their children's crashes.

    pool = BudgetPool(2, Budget(time_s=10, memory_bytes=512 << 20), preload=("countyreports.reading.document",))
    fut = pool.submit(parse_docs, docs)                       # the pool's budget
    fut = pool.submit_within(Budget(60, 1 << 30), ocr, page)  # another budget for this task
    fut = pool.submit(Named("countyreports.reading.document", "json_lines"), items)  # imported in the child
    fut.result()   # the value, the task's own exception, or a SandboxError: OverBudget (reason "time" or
                   # "memory") / ReaderCrashed (reason "crash": the child died) / SandboxError (reason "broken")
    pool.shutdown()

* A task's budget: given at submit (`submit_within`), else the pool's policy `budget_of(fn, args)` if any,
  else the pool's `budget`.
* A child is a fresh interpreter (``python -m countyreports.sandbox``, never a fork of this threaded
  process, and not multiprocessing's spawn, which would import this program's main module in every child — a
  bench script's DuckDB and Arrow, ~80 MB each) talking over a socket pair; it is given this process's import path,
  imports the modules of `preload` and runs `initializer(*initargs)` once (e.g. to load OCR models), then runs one
  task at a time. A task's callable must be importable by name (a module's function, or `Named`); it is pickled
  in the submitting thread (an error there fails its future, nothing is sent). A child stops at the end of its
  socket: when this process dies, so do its children, daemonic or not.
* `prestart(preload)` starts a child before its pool exists (e.g. while a command imports its own modules, so
  that the child's imports run beside them); the pool made with `started=` and the same preload, initializer and
  initargs adopts it as its first child. A started child no pool adopts stops when this process exits.
* One manager thread hands tasks to idle children in submission order, waits on their pipes and deaths, and
  enforces the time budgets: a child past its task's deadline is killed (SIGKILL: native code cannot ignore it)
  and replaced; so is a child that died (its task fails with how it died) or that ran out of memory. A child
  whose resident set is above `recycle_bytes` after a task is replaced too, so one huge page does not keep a big
  heap in the pool for the rest of a run.
* A child that dies before it is ready counts against the pool: after `MAX_START_FAILURES` in a row, the pool is
  broken (every queued and later task fails at once, reason "broken") instead of restarting forever.
* Results are set on the futures by the manager thread, outside its lock (callbacks may submit more tasks).
"""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from countyreports.errors import OverBudget, ReaderCrashed, SandboxError
from countyreports.sandbox import child
from countyreports.sandbox.budget import MIB, Budget, exit_reason, resident_bytes
from countyreports.sandbox.spawn import Started, spawn

MAX_START_FAILURES = 3  # children dying before they are ready, in a row, that break the pool
STOP_WAIT_S = 5.0  # how long shutdown waits for a child to stop before killing it


@dataclass(frozen=True, slots=True)
class Named:
    """A function given by its module and name: it pickles as the two names, and is imported where it is
    called — in the child — so that the caller need not import what the children run (e.g. the read path)."""

    module: str
    name: str

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        fn = importlib.import_module(self.module)
        for part in self.name.split("."):
            fn = getattr(fn, part)
        return fn(*args, **kwargs)  # type: ignore[operator]


@dataclass
class _Task:
    future: Future[Any]
    payload: bytes
    budget: Budget
    running: bool = False  # its future is set running (a task sent back to the queue keeps it)


class _Slot:
    """One child process: its pipe, whether it is ready, the task it runs and that task's deadline."""

    def __init__(self, index: int, started: Started | None = None) -> None:
        self.index = index
        self.proc: subprocess.Popen[bytes] | None = started.proc if started is not None else None
        self.conn: Connection | None = started.conn if started is not None else None
        self.ready = False
        self.task: _Task | None = None
        self.deadline = 0.0


@dataclass(frozen=True, slots=True)
class PoolStats:
    """Counters of a pool since it started."""

    done: int  # tasks that finished (with a value or their own exception)
    over_time: int
    over_memory: int
    crashed: int
    restarts: int  # children started after the first ones


class BudgetPool(Executor):
    """See the module docstring."""

    def __init__(self, processes: int = 1, budget: Budget | None = None, *, preload: Sequence[str] = (),
                 initializer: Callable[..., Any] | None = None, initargs: tuple[Any, ...] = (),
                 budget_of: Callable[[Callable[..., Any], tuple[Any, ...]], Budget] | None = None,
                 recycle_bytes: int | None = 256 * MIB, name: str = "sandbox",
                 started: Sequence[Started] = ()) -> None:
        if processes < 1:
            raise ValueError("a BudgetPool needs at least one process")
        self.budget = budget or Budget()
        self._budget_of = budget_of
        self._child_args = (tuple(preload), initializer, tuple(initargs))
        self._recycle = recycle_bytes
        self._name = name
        self._lock = threading.Lock()
        self._queue: deque[_Task] = deque()
        self._closing = False
        self._broken: str | None = None
        self._start_failures = 0
        self._counts = {"done": 0, "over_time": 0, "over_memory": 0, "crashed": 0, "restarts": -processes}
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        self._slots = [_Slot(i) for i in range(processes)]
        spare = [c for c in started if c.child_args == self._child_args]
        for slot in self._slots:
            self._start(slot, spare.pop(0) if spare else None)
        for c in started:  # (not adopted: another preload, or more than the pool needs; told to stop)
            if c.proc not in (s.proc for s in self._slots):
                self._stop(_Slot(-1, c), kill=False)
        self._thread = threading.Thread(target=self._manage, name=f"{name}-manager", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ the Executor interface
    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run `fn(*args, **kwargs)` in a child under the pool's budget (or `budget_of(fn, args)`, when the pool
        was given that policy: e.g. a budget per document the task reads)."""
        budget = self.budget if self._budget_of is None else self._budget_of(fn, args)
        return self.submit_within(budget, fn, *args, **kwargs)

    def submit_within(self, budget: Budget, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run `fn(*args, **kwargs)` in a child under `budget`."""
        fut: Future[Any] = Future()
        with self._lock:
            if self._closing:
                raise RuntimeError("cannot schedule new futures after shutdown")
            broken = self._broken
        if broken is not None:
            fut.set_exception(SandboxError(broken, reason="broken"))
            return fut
        try:
            payload = pickle.dumps((fn, args, kwargs), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - not picklable: the caller's error, on its future
            fut.set_exception(exc)
            return fut
        with self._lock:
            self._queue.append(_Task(fut, payload, budget))
        self._wake()
        return fut

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop taking tasks; finish the queued ones (or cancel them) and stop the children."""
        with self._lock:
            self._closing = True
            cancelled = list(self._queue) if cancel_futures else []
            if cancel_futures:
                self._queue.clear()
        for task in cancelled:
            task.future.cancel()
        self._wake()
        if wait:
            self._thread.join()

    def stats(self) -> PoolStats:
        with self._lock:
            return PoolStats(**{k: max(0, v) for k, v in self._counts.items()})

    @property
    def pids(self) -> list[int | None]:
        """The children's process ids now (None while one is being replaced)."""
        return [s.proc.pid if s.proc is not None else None for s in self._slots]

    # ------------------------------------------------------------------ children
    def _start(self, slot: _Slot, started: Started | None = None) -> None:
        proc, conn = (started.proc, started.conn) if started is not None else spawn(self._child_args)
        slot.proc, slot.conn, slot.ready, slot.task = proc, conn, False, None
        self._count("restarts")

    @staticmethod
    def _ask_to_stop(slot: _Slot) -> None:
        if slot.conn is not None and slot.proc is not None and slot.proc.poll() is None:
            try:
                slot.conn.send_bytes(b"")
            except OSError:
                pass

    def _stop(self, slot: _Slot, *, kill: bool) -> None:
        """End a slot's child (asking it first unless `kill`) and forget it."""
        proc, conn = slot.proc, slot.conn
        if proc is None:
            return
        if not kill and conn is not None:
            self._ask_to_stop(slot)
            try:
                proc.wait(STOP_WAIT_S)
            except subprocess.TimeoutExpired:
                pass
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if conn is not None:
            conn.close()
        slot.proc, slot.conn, slot.ready = None, None, False

    def _replace(self, slot: _Slot, *, kill: bool) -> None:
        self._stop(slot, kill=kill)
        if self._broken is None and not (self._closing and not self._queue):
            self._start(slot)

    # ------------------------------------------------------------------ the manager thread
    def _wake(self) -> None:
        try:
            os.write(self._wake_w, b"x")
        except OSError:  # (closed: the manager has finished)
            pass

    def _count(self, key: str) -> None:
        with self._lock:
            self._counts[key] += 1

    def _manage(self) -> None:
        try:
            while True:
                self._dispatch()
                with self._lock:
                    idle = all(s.task is None for s in self._slots)
                    if self._closing and idle and not self._queue:
                        break
                busy = [s for s in self._slots if s.task is not None]
                timeout = max(0.0, min(s.deadline for s in busy) - time.monotonic()) if busy else None
                objects: list[Any] = [self._wake_r]
                objects += [s.conn for s in self._slots if s.conn is not None]  # (a child's death ends it)
                ready = wait(objects, timeout)
                if self._wake_r in ready:
                    self._drain_wake()
                for slot in self._slots:
                    if slot.conn is not None and slot.conn in ready:
                        self._receive(slot)
                now = time.monotonic()
                for slot in self._slots:
                    if slot.task is not None and now >= slot.deadline:
                        self._over_time(slot)
        except BaseException as exc:  # a bug here must not leave callers waiting forever
            self._break(f"the sandbox manager failed: {type(exc).__name__}: {exc}")
            for slot in self._slots:
                task, slot.task = slot.task, None
                if task is not None:
                    task.future.set_exception(SandboxError(str(self._broken), reason="broken"))
            raise
        finally:
            for slot in self._slots:  # every child told first, then each waited for: they end side by side
                self._ask_to_stop(slot)
            for slot in self._slots:
                self._stop(slot, kill=False)
            os.close(self._wake_r)
            os.close(self._wake_w)

    def _drain_wake(self) -> None:
        try:
            while os.read(self._wake_r, 4096):
                pass
        except BlockingIOError:
            pass

    def _dispatch(self) -> None:
        """Hand queued tasks to the ready, idle children."""
        for slot in self._slots:
            if not slot.ready or slot.task is not None or slot.conn is None:
                continue
            while True:  # the first queued task not cancelled meanwhile
                with self._lock:
                    task = self._queue.popleft() if self._queue else None
                if task is None:
                    return
                if task.running or task.future.set_running_or_notify_cancel():
                    break
            task.running = True
            try:
                slot.conn.send_bytes(task.budget.memory_bytes.to_bytes(8, "little"))
                slot.conn.send_bytes(task.payload)
            except OSError:  # the child died meanwhile: the task goes first to the next child
                with self._lock:
                    self._queue.appendleft(task)
                self._died(slot)
                continue
            slot.task = task
            slot.deadline = time.monotonic() + task.budget.time_s

    def _receive(self, slot: _Slot) -> None:
        assert slot.conn is not None
        try:
            msg = slot.conn.recv()
        except (EOFError, OSError):
            self._died(slot)
            return
        except Exception as exc:  # noqa: BLE001 - an answer that does not unpickle here
            msg = (child.ERROR, exc)
        if not slot.ready:
            slot.ready = msg == child.READY
            self._start_failures = 0
            return
        task, slot.task = slot.task, None
        if task is None:
            return
        kind, value = msg
        if kind == child.OK:
            self._count("done")
            task.future.set_result(value)
        elif kind == child.MEMORY:
            self._count("over_memory")
            task.future.set_exception(OverBudget(
                f"over its memory budget of {task.budget.memory_bytes / MIB:.0f} MiB ({value})",
                reason="memory"))
            self._replace(slot, kill=False)  # (the child exits by itself after a MemoryError)
            return
        else:
            self._count("done")
            task.future.set_exception(value)
        if self._recycle is not None and slot.proc is not None and (resident_bytes(slot.proc.pid) or 0) > self._recycle:
            self._replace(slot, kill=False)

    def _died(self, slot: _Slot) -> None:
        """A child is gone: fail its task (if any) with how it died, and start another."""
        if slot.proc is None:
            return
        try:
            slot.proc.wait(1.0)
        except subprocess.TimeoutExpired:  # (its pipe ended, it lingers: it is killed below)
            pass
        how = exit_reason(slot.proc.returncode)
        task, slot.task = slot.task, None
        if task is not None:
            self._count("crashed")
            task.future.set_exception(ReaderCrashed(f"its process died: {how}", reason="crash"))
        elif not slot.ready:
            self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:
                self._break(f"the sandbox children cannot start: the last one {how}")
        self._replace(slot, kill=True)

    def _over_time(self, slot: _Slot) -> None:
        task, slot.task = slot.task, None
        assert task is not None
        self._replace(slot, kill=True)
        self._count("over_time")
        task.future.set_exception(OverBudget(
            f"over its time budget of {task.budget.time_s:g} s: its process was killed",
            reason="time"))

    def _break(self, why: str) -> None:
        with self._lock:
            self._broken = why
            queued = list(self._queue)
            self._queue.clear()
        for task in queued:
            if task.running or task.future.set_running_or_notify_cancel():
                task.future.set_exception(SandboxError(why, reason="broken"))

