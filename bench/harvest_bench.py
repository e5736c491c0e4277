"""One harvest phase in its own process (so its peak RSS is its own): first harvest, unchanged re-run or
re-parse from the raw archive, with `pipeline.harvest(settings, ...)` — plain, no Prefect.

Measures wall time, CPU time (this process and, given its pid, the replay portal's), the run's counters,
peak RSS (this process's, and of the whole process tree: crawler processes and sandbox children summed, sampled),
and the time spent in `Warehouse.load_county` with the rows it wrote (Arrow batches).

    python bench/harvest_bench.py --snapshot DIR --db FILE --proxy URL [--portal-pid PID]
        [--phase first|rerun|reparse|reparse-all] [--workers N] [--parse-processes N] [--crawl-processes N]
        [--load-batch N] [--min-delay S]
        [--switch-interval S] [--counties FILE] [--out result.json]
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from common import TreeRss, children_peak_rss_mib, cpu_s, emit, load, peak_rss_mib, process_cpu_s

# The pipeline (and with it DuckDB and Arrow) is imported in main(), not here: the crawler processes and the
# attachments service are spawned by multiprocessing, which imports a script run by its path again in each of
# them (as __mp_main__; a command run with -m, such as `python -m countyreports.cli`, is not imported again):
# imported here, ~55 MB of libraries the product's processes do not load would be counted in each.

TABLES = ("reports", "report_versions", "sections", "indicators", "mentions", "fetches", "pages",
          "http_cache", "columns", "county_runs")


class LoadMeter:
    """Times Warehouse.load_counties (a wrapper around the real method; nothing else changes)."""

    def __init__(self) -> None:
        from countyreports.warehouse import writer as warehouse

        self.seconds = 0.0
        self.cpu_seconds = 0.0  # CPU of the loading thread (DuckDB's own threads not included)
        self.calls = 0  # transactions
        self.counties = 0
        self.lock = threading.Lock()
        self._orig = warehouse.Warehouse.load_counties

    def install(self) -> None:
        from countyreports.warehouse import writer as warehouse

        orig = self._orig
        meter = self

        def load_counties(wh: Any, loads: Any) -> Any:
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                return orig(wh, loads)
            finally:
                with meter.lock:
                    meter.seconds += time.perf_counter() - t0
                    meter.cpu_seconds += time.thread_time() - c0
                    meter.calls += 1
                    meter.counties += len(loads)

        warehouse.Warehouse.load_counties = load_counties  # type: ignore[method-assign]


def row_counts(db: Path) -> dict[str, int]:
    import duckdb

    if not db.exists():
        return dict.fromkeys(TABLES, 0)
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--snapshot", required=True, type=Path)
    ap.add_argument("--db", required=True, type=Path)
    ap.add_argument("--proxy", required=True)
    ap.add_argument("--portal-pid", type=int, default=None)
    ap.add_argument("--phase", choices=("first", "rerun", "reparse", "reparse-all"), default="first",
                    help="reparse-all: a re-parse after a parser change — every stored reading is forgotten "
                         "first (parse_sha256 set to NULL), so every report's rows are rewritten")
    ap.add_argument("--workers", type=int, default=64)
    ap.add_argument("--min-delay", type=float, default=0.0)
    ap.add_argument("--parse-processes", type=int, default=2, help="Settings.parse_processes")
    ap.add_argument("--crawl-processes", type=int, default=0, help="Settings.crawl_processes")
    ap.add_argument("--load-batch", type=int, default=64, help="Settings.load_batch")
    ap.add_argument("--switch-interval", type=float, default=None,
                    help="sys.setswitchinterval (s): how long a thread back from DuckDB waits for the GIL")
    ap.add_argument("--counties", type=Path, default=None, help="file with one adcode per line (a subset)")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    from countyreports import pipeline
    from countyreports.settings import Settings

    adcodes = a.counties.read_text().split() if a.counties else None
    if a.switch_interval:
        sys.setswitchinterval(a.switch_interval)
    settings = Settings(db=str(a.db), registry=str(a.snapshot / "counties.csv"), proxy=a.proxy,
                        min_delay_s=a.min_delay, per_host_concurrency=1, workers=a.workers,
                        parse_processes=a.parse_processes, crawl_processes=a.crawl_processes,
                        load_batch=a.load_batch, allow_unlisted=True)
    if a.phase == "reparse-all":
        import duckdb

        con = duckdb.connect(str(a.db))
        con.execute("UPDATE reports SET parse_sha256 = NULL")
        con.close()
    before = row_counts(a.db)
    meter = LoadMeter()
    meter.install()
    done = [0]
    t_start = time.monotonic()

    def on_done(_out: pipeline.CountyOutcome) -> None:
        done[0] += 1
        if done[0] % 500 == 0:
            print(f"    {a.phase}: {done[0]} counties, {time.monotonic() - t_start:.0f} s", flush=True)

    load0, cpu0 = load(), cpu_s()
    portal0 = process_cpu_s(a.portal_pid) if a.portal_pid else None
    t0 = time.monotonic()
    with TreeRss() as tree:
        run_id, counters = pipeline.harvest(settings, adcodes, reparse=a.phase.startswith("reparse"),
                                            on_done=on_done)
    wall = time.monotonic() - t0
    derived = settings.derived_path
    files = [f.name for f in derived.rglob("*.json")] if derived.is_dir() else []
    made = {"docx": sum(1 for _ in derived.rglob("*.docx")) if derived.is_dir() else 0,
            "entries": sum(1 for n in files if not n.endswith(".note.json")),
            "notes": sum(1 for n in files if n.endswith(".note.json"))}
    cpu = cpu_s() - cpu0
    times = os.times()
    children = times.children_user + times.children_system  # the parse processes, joined at close_run
    portal1 = process_cpu_s(a.portal_pid) if a.portal_pid else None
    after = row_counts(a.db)
    emit({"phase": a.phase, "run_id": run_id, "wall_s": wall, "cpu_s": cpu, "children_cpu_s": children,
          "portal_cpu_s": (portal1 - portal0) if portal0 is not None and portal1 is not None else None,
          "counters": counters, "peak_rss_mib": peak_rss_mib(),
          "load_s": meter.seconds, "load_cpu_s": meter.cpu_seconds, "load_calls": meter.calls,
          "load_counties": meter.counties, "rows_written": sum(after[t] - before[t] for t in TABLES),
          "rows": after, "workers": a.workers, "parse_processes": a.parse_processes,
          "crawl_processes": a.crawl_processes, "children_peak_rss_mib": children_peak_rss_mib(),
          "load_batch": a.load_batch,
          "tree_peak_rss_mib": tree.peak_total_mib,
          "tree_largest_mib": sorted(tree.peak_each_mib.values(), reverse=True)[:6],
          "derived_files": made,
          "min_delay_s": a.min_delay, "switch_interval_s": sys.getswitchinterval(), "load": [load0, load()]},
         a.out)


if __name__ == "__main__":
    main()
