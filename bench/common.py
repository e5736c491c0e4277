"""Helpers shared by the benchmark scripts: the machine, the load, the replay portal process, JSON results."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

from countyreports.portal.server import portal_process  # noqa: E402 (the package from this checkout)
from countyreports.sandbox.budget import tree_resident  # noqa: E402

BUNDLED = ROOT / "tests" / "fixtures" / "portal"
BENCH_DIR = ROOT / "warehouse" / "bench"  # gitignored: the big snapshot, the warehouses, the logs


def load() -> float:
    """The 1-minute load average (the machine is shared: every figure is reported with it)."""
    return os.getloadavg()[0]


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = int(line.split()[1]) / 1024 / 1024
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gib": ram_gib,
            "python": platform.python_version(), "os": f"{platform.system()} {platform.release()}",
            "load": os.getloadavg()}


def peak_rss_mib() -> float:
    """Peak resident set size of this process (MiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mib() -> float:
    """Peak resident set size of the largest child process that has ended and been waited for (MiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class TreeRss:
    """Samples the resident set of this process and all its descendants (every `every_s`, from /proc): the peak
    of their sum, and the peak of the descendants whose RSS was largest. Counts what RUSAGE cannot: processes
    alive together (the loading process, crawler processes, the attachments pool converting and OCR-ing)."""

    def __init__(self, every_s: float = 0.25) -> None:
        import threading

        self.every_s = every_s
        self.peak_total_mib = 0.0
        self.peak_each_mib: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-rss", daemon=True)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @staticmethod
    def _tree() -> dict[int, float]:
        return {pid: n / 2**20 for pid, n in tree_resident(os.getpid()).items()}

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            tree = self._tree()
            self.peak_total_mib = max(self.peak_total_mib, sum(tree.values()))
            for pid, mib in tree.items():
                self.peak_each_mib[pid] = max(self.peak_each_mib.get(pid, 0.0), mib)


def cpu_s() -> float:
    t = os.times()
    return t.user + t.system


def emit(result: dict[str, Any], out: str | None) -> None:
    """Write a child's result as JSON (to a file, or the last line of stdout)."""
    text = json.dumps(result, ensure_ascii=False, default=str)
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        print(text, flush=True)


@contextmanager
def portal(snapshot: Path, log: Path | None = None, epoch: int = 1) -> Iterator[tuple[str, int]]:
    """The replay portal in its own process (`replay.portal_process`): yields (url, pid)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with portal_process(snapshot, epoch=epoch, log=log, env=env) as (url, proc):
        yield url, proc.pid


def process_cpu_s(pid: int) -> float | None:
    """CPU seconds used so far by another process (Linux /proc), None when unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def run_child(args: list[str], out: Path, timeout: float = 3600,
              extra_env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a benchmark script in its own Python process and read its JSON result."""
    out.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "DO_NOT_TRACK": "1", **(extra_env or {})}
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, *args, "--out", str(out)], env=env, timeout=timeout,
                          cwd=str(ROOT))
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"{' '.join(args)} failed (exit {proc.returncode}) after "
                           f"{time.monotonic() - t0:.0f} s")
    return dict(json.loads(out.read_text(encoding="utf-8")))
