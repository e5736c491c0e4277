"""The sandbox pool (countyreports.sandbox): real child processes, real kills, real crashes.

Every task function is defined here at module level, so the spawned children import it by name. Time budgets in
these tests are either far above what a task needs or far below what it would take (a sleep of a minute), so the
outcome does not depend on the machine's load.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import time
from concurrent.futures import Executor
from pathlib import Path

import pytest

from countyreports.errors import OverBudget, ReaderCrashed, SandboxError, TerminalError
from countyreports.sandbox import Budget, BudgetPool, prestart
from countyreports.sandbox.budget import exit_reason

MIB = 1024 * 1024
SHORT = Budget(time_s=1.0, memory_bytes=512 * MIB)
_held: list[bytes] = []
_loaded: dict[str, object] = {}


def square(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def sleep(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def allocate(n: int) -> int:
    return len(bytearray(n))


def hold(n: int) -> int:
    """Keep `n` bytes touched in this process (so its resident set stays up after the task)."""
    _held.append(b"\x01" * n)
    return os.getpid()


def segfault() -> None:
    ctypes.string_at(0)


def exit_with(code: int) -> None:
    os._exit(code)


def fail(message: str) -> None:
    raise ValueError(message)


def load_model(name: str) -> None:
    _loaded["model"] = name
    _loaded["pid"] = os.getpid()


def model() -> tuple[object, int]:
    return _loaded.get("model"), os.getpid()


def init_fails() -> None:
    raise OSError("no model file")


def wait_for(path: str) -> str:
    """Return when `path` exists (another task creates it); after a minute give up."""
    for _ in range(600):
        if Path(path).exists():
            return "seen"
        time.sleep(0.1)
    return "never"


def create(path: str) -> str:
    Path(path).write_text("x")
    return "made"


@pytest.fixture(scope="module")
def pool() -> BudgetPool:
    p = BudgetPool(2, Budget(time_s=60.0, memory_bytes=512 * MIB), name="test-sandbox")
    yield p
    p.shutdown()


def test_runs_tasks_and_is_an_executor(pool: BudgetPool) -> None:
    assert isinstance(pool, Executor)
    futures = [pool.submit(square, i) for i in range(20)]
    assert [f.result()[0] for f in futures] == [i * i for i in range(20)]
    assert {f.result()[1] for f in futures} <= set(pool.pids)  # in the children, not here
    assert os.getpid() not in {f.result()[1] for f in futures}
    assert [v for v, _pid in pool.map(square, [3, 4])] == [9, 16]


def test_the_tasks_own_exception_comes_back_as_itself(pool: BudgetPool) -> None:
    with pytest.raises(ValueError, match="bad page") as info:
        pool.submit(fail, "bad page").result()
    assert any("in the sandbox child" in note for note in info.value.__notes__)


def test_two_processes_run_two_tasks_at_once(pool: BudgetPool, tmp_path: Path) -> None:
    flag = str(tmp_path / "flag")
    waiting = pool.submit(wait_for, flag)
    making = pool.submit(create, flag)
    assert (making.result(), waiting.result()) == ("made", "seen")


def test_a_task_over_its_time_budget_is_killed_and_the_pool_goes_on(pool: BudgetPool) -> None:
    before = set(pool.pids)
    fut = pool.submit_within(SHORT, sleep, 60)
    with pytest.raises(OverBudget) as info:
        fut.result()
    assert info.value.reason == "time" and "time budget of 1 s" in str(info.value)
    assert isinstance(info.value, TerminalError) and isinstance(info.value, SandboxError)
    assert set(pool.pids) != before  # its child was replaced
    assert pool.submit(square, 7).result()[0] == 49


def test_a_task_over_its_memory_budget_fails_and_the_pool_goes_on(pool: BudgetPool) -> None:
    tight = Budget(time_s=60.0, memory_bytes=128 * MIB)
    assert pool.submit_within(tight, allocate, 16 * MIB).result() == 16 * MIB
    with pytest.raises(OverBudget) as info:
        pool.submit_within(tight, allocate, 256 * MIB).result()
    assert info.value.reason == "memory" and "128 MiB" in str(info.value)
    # the same allocation within the pool's own budget is fine: budgets are per task
    assert pool.submit(allocate, 256 * MIB).result() == 256 * MIB


def test_a_crash_fails_only_its_task(pool: BudgetPool) -> None:
    crash = pool.submit(segfault)
    others = [pool.submit(square, i) for i in range(6)]
    with pytest.raises(ReaderCrashed) as info:
        crash.result()
    assert info.value.reason == "crash" and "signal 11 (SIGSEGV)" in str(info.value)
    assert [f.result()[0] for f in others] == [i * i for i in range(6)]
    with pytest.raises(ReaderCrashed, match="exited with code 3"):
        pool.submit(exit_with, 3).result()
    assert pool.submit(square, 2).result()[0] == 4


def test_a_child_killed_while_idle_is_replaced(pool: BudgetPool) -> None:
    pool.submit(square, 1).result()
    victim = pool.pids[0]
    assert victim is not None
    os.kill(victim, signal.SIGKILL)
    for _ in range(600):  # until the pool has seen it (a task handed to it meanwhile would fail with it)
        if victim not in pool.pids:
            break
        time.sleep(0.1)
    results = [pool.submit(square, i).result()[1] for i in range(6)]
    assert victim not in results


def test_stats_count_what_happened() -> None:
    with BudgetPool(1, Budget(time_s=60.0, memory_bytes=128 * MIB)) as p:
        p.submit(square, 1).result()
        for fn, args in ((allocate, (256 * MIB,)), (segfault, ()), (fail, ("x",))):
            with pytest.raises(Exception):
                p.submit(fn, *args).result()
        with pytest.raises(OverBudget):
            p.submit_within(SHORT, sleep, 60).result()
        stats = p.stats()
    assert (stats.done, stats.over_memory, stats.crashed, stats.over_time) == (2, 1, 1, 1)
    assert stats.restarts == 3


def _budget_by_count(base: Budget, fn: object, args: tuple) -> Budget:
    return base.scaled(len(args[0]))


def test_a_budget_policy_gives_each_task_its_budget() -> None:
    import functools

    policy = functools.partial(_budget_by_count, Budget(time_s=1.0))
    with BudgetPool(1, budget_of=policy) as p:
        assert p.submit(sleep_all, [1.5, 0.0]).result() > 0  # 2 documents: 2 s
        with pytest.raises(OverBudget, match="time budget of 1 s"):
            p.submit(sleep_all, [60.0]).result()


def sleep_all(seconds: list[float]) -> int:
    time.sleep(sum(seconds))
    return os.getpid()


def test_a_prestarted_child_is_adopted_by_the_pool_made_with_the_same_preload() -> None:
    early, other = prestart(("json",)), prestart(("csv",))
    pool = BudgetPool(2, preload=("json",), started=[other, early])
    try:
        assert early.proc.pid in pool.pids and other.proc.pid not in pool.pids
        assert other.proc.wait(10) == 0  # (not adopted: told to stop)
        assert {pool.submit(square, 3).result(timeout=30)[0] for _ in range(4)} == {9}
        assert pool.stats().restarts == 0
    finally:
        pool.shutdown()


def test_initializer_runs_once_in_each_process() -> None:
    with BudgetPool(2, preload=("json",), initializer=load_model, initargs=("ocr-v4",)) as p:
        got = [p.submit(model).result() for _ in range(8)]
    assert {m for m, _pid in got} == {"ocr-v4"}
    assert len({pid for _m, pid in got}) <= 2


def test_a_failing_initializer_fails_every_task_without_restarting() -> None:
    with BudgetPool(1, initializer=init_fails) as p:
        for _ in range(3):
            with pytest.raises(RuntimeError, match="initializer failed: OSError: no model file"):
                p.submit(square, 1).result()
        assert p.stats().restarts == 0


def test_children_that_cannot_start_break_the_pool(tmp_path: Path) -> None:
    (tmp_path / "dies_at_import.py").write_text("import os\nos._exit(7)\n")
    sys.path.insert(0, str(tmp_path))
    try:
        p = BudgetPool(1, preload=("dies_at_import",))
        with pytest.raises(SandboxError) as info:
            p.submit(square, 1).result(timeout=120)
        assert info.value.reason == "broken" and "exited with code 7" in str(info.value)
        with pytest.raises(SandboxError):
            p.submit(square, 2).result(timeout=1)  # at once: nothing is tried any more
        p.shutdown()
    finally:
        sys.path.remove(str(tmp_path))


def test_a_child_holding_much_memory_after_a_task_is_replaced() -> None:
    with BudgetPool(1, recycle_bytes=64 * MIB) as p:
        first = p.submit(hold, 4 * MIB).result()
        assert p.submit(square, 1).result()[1] == first  # small: the child stays
        big = p.submit(hold, 128 * MIB).result()
        assert big == first
        assert p.submit(square, 1).result()[1] != first  # big: replaced after the task


def test_unpicklable_task_fails_its_future_only(pool: BudgetPool) -> None:
    fut = pool.submit(lambda: 1)
    with pytest.raises(Exception, match="pickle|lambda"):
        fut.result()
    assert pool.submit(square, 3).result()[0] == 9


def test_shutdown_finishes_queued_tasks_or_cancels_them() -> None:
    p = BudgetPool(1)
    futures = [p.submit(square, i) for i in range(5)]
    p.shutdown(wait=True)
    assert [f.result()[0] for f in futures] == [0, 1, 4, 9, 16]
    with pytest.raises(RuntimeError, match="after shutdown"):
        p.submit(square, 1)
    p = BudgetPool(1)
    blocker = p.submit(sleep, 2)
    queued = [p.submit(square, i) for i in range(5)]
    while not blocker.running():  # (handed to the child once it is ready)
        time.sleep(0.01)
    p.shutdown(wait=True, cancel_futures=True)
    assert blocker.result() > 0
    assert all(f.cancelled() for f in queued)
    assert all(pid is None for pid in p.pids)  # every child stopped


def test_a_task_cancelled_while_queued_does_not_hold_up_the_next() -> None:
    """One process: a task cancelled in the queue is skipped and the one after it still runs (a caller that gives
    up on the rest of a document's pages cancels them; the next document must not wait forever)."""
    p = BudgetPool(1)
    try:
        blocker = p.submit(sleep, 1.0)
        cancelled = p.submit(square, 3)
        assert cancelled.cancel()
        after = p.submit(square, 4)
        assert after.result(timeout=60)[0] == 16
        assert blocker.result(timeout=60) > 0 and cancelled.cancelled()
    finally:
        p.shutdown()


def test_budget_checks_and_words() -> None:
    with pytest.raises(ValueError):
        Budget(time_s=0)
    with pytest.raises(ValueError):
        Budget(memory_bytes=1024)
    assert Budget(time_s=10).scaled(3).time_s == 30 and Budget(time_s=10).scaled(0).time_s == 10
    assert exit_reason(-11) == "killed by signal 11 (SIGSEGV)"
    assert exit_reason(1) == "exited with code 1"
    assert "out-of-memory" in exit_reason(-9)


def test_errors_pickle_with_their_reason() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(OverBudget("over", reason="time", url="http://x")))
    assert (type(err), err.reason, err.url, str(err)) == (OverBudget, "time", "http://x", "over url=http://x")
