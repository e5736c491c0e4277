"""The attachments pool is stopped when no task came for `AttachmentReader.IDLE_S` (its OCR process holds the
models, ~0.9 GB), and started again by the next file; a task in flight keeps it."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from countyreports.attachments import AttachmentReader


class Pools:
    """Makes thread pools with the sandbox pool's two methods, and counts what was made and stopped."""

    def __init__(self) -> None:
        self.made = 0
        self.stopped = 0

    def __call__(self) -> Any:
        self.made += 1
        pools = self

        class Pool(ThreadPoolExecutor):
            def submit_within(self, _budget: Any, fn: Any, *args: Any) -> Future[Any]:
                return self.submit(fn, *args)

            def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
                pools.stopped += 1
                super().shutdown(wait=wait, cancel_futures=cancel_futures)

        return Pool(2)


def _reader(tmp_path: Path, pools: Pools, idle_s: float) -> AttachmentReader:
    reader = AttachmentReader(tmp_path, pools, None, None)
    reader.IDLE_S = idle_s  # type: ignore[misc]
    return reader


def test_an_idle_pool_is_stopped_and_the_next_file_starts_another(tmp_path: Path) -> None:
    pools = Pools()
    reader = _reader(tmp_path, pools, 0.05)
    assert reader._submit(None, sum, (1, 2)).result() == 3
    time.sleep(0.5)
    assert (pools.made, pools.stopped) == (1, 1)
    assert reader._submit(None, sum, (3, 4)).result() == 7
    assert pools.made == 2
    reader.close()
    assert pools.stopped == 2


def test_a_task_in_flight_keeps_the_pool(tmp_path: Path) -> None:
    pools = Pools()
    reader = _reader(tmp_path, pools, 0.05)
    gate = threading.Event()
    slow = reader._submit(None, gate.wait, 5)
    assert reader._submit(None, sum, (1, 1)).result() == 2  # done, but the slow one is still running
    time.sleep(0.3)
    assert pools.stopped == 0
    gate.set()
    assert slow.result() is True
    reader.close()
    assert (pools.made, pools.stopped) == (1, 1)


def test_tasks_one_after_another_reuse_the_pool(tmp_path: Path) -> None:
    pools = Pools()
    reader = _reader(tmp_path, pools, 5.0)
    for k in range(5):
        assert reader._submit(None, sum, (k, 1)).result() == k + 1
    reader.close()
    assert (pools.made, pools.stopped) == (1, 1)
