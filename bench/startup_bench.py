"""The first ten minutes: how long `countyreports` takes to say something useful, each run in its own process.

1. bad input (issue 20's table): the time from the command's start to the first line it writes on stderr, and
   to its exit, for a missing registry, an adcode that is not in the registry and a proxy nothing listens on;
2. a one-off harvest of one county through the replay portal: the time from the command's start to the first
   request the portal logs (what the command pays before it does anything: the interpreter, the imports, the
   Prefect API) and to its exit, with the temporary Prefect server (no PREFECT_API_URL; a warm PREFECT_HOME,
   plus once with an empty one) and against a running `prefect server start`.

    python bench/startup_bench.py [--rounds 5] [--harvests 2] [--skip-server] [--baseline CHECKOUT] [--out FILE]

With ``--baseline`` (a checkout of an older commit, e.g. ``git worktree add /tmp/base a0267a0``) every
measurement alternates that code and this one, run by this virtualenv: before and after, side by side.

Output: a human summary on stderr, and JSON (``rows`` in the shape bench/run.py prints, plus the raw figures) to
``--out`` or stdout. Target (issue 20): first line of a bad-input error ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from common import BUNDLED, emit, load, portal

BIN = Path(sys.executable).parent
TARGET_S = 1.5


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "COUNTYREPORTS_"))}
    for k in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        env.pop(k, None)
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               COLUMNS="100", **extra)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def timed(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 600) -> dict[str, Any]:
    """Run `countyreports ARGS`: seconds to its first stderr line and to its exit, that line, the exit code."""
    first: dict[str, Any] = {}
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    proc = subprocess.Popen([str(BIN / "countyreports"), *args], env=env, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, errors="replace")
    assert proc.stderr is not None and proc.stdout is not None
    err_lines: list[str] = []

    def read_err() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if not err_lines:
                first.update(s=time.time() - t0)
            err_lines.append(line.rstrip("\n"))

    reader = threading.Thread(target=read_err, daemon=True)
    reader.start()
    out = proc.stdout.read()
    code = proc.wait(timeout=timeout)
    wall = time.time() - t0
    reader.join(timeout=10)
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and the children it waited for
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    return {"start": t0, "first_line_s": first.get("s"), "first_line": err_lines[0] if err_lines else "",
            "wall_s": wall, "cpu_s": cpu, "exit": code, "stderr_lines": len(err_lines),
            "stdout_lines": out.count("\n")}


def first_request_s(log: Path, since: float) -> float | None:
    """Seconds from `since` to the first request the replay portal logged after it."""
    if not log.exists():
        return None
    stamps = [json.loads(line)["ts"] for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    later = [ts for ts in stamps if ts >= since]
    return min(later) - since if later else None


def start_server(home: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    log = open(home / "server.log", "wb")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=_env(home, PREFECT_UI_ENABLED="false"), stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"{api}/health", timeout=2) as r:
                if r.status == 200:
                    return proc, api
        except OSError:
            time.sleep(0.5)
    stop(proc)
    raise SystemExit(f"prefect server did not start; see {home / 'server.log'}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def median(values: list[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return statistics.median(got) if got else None


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5, help="runs of each bad-input command")
    ap.add_argument("--harvests", type=int, default=2, help="one-off harvests of each kind")
    ap.add_argument("--skip-server", action="store_true", help="no run against `prefect server start`")
    ap.add_argument("--baseline", type=Path, default=None,
                    help="another checkout (e.g. a `git worktree` of an older commit) measured the same way, "
                         "alternating with this one (its src/ and flows/ put first on PYTHONPATH)")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="startup_bench_"))
    registry = str(BUNDLED / "counties.csv")
    sides: dict[str, dict[str, str]] = {"now": {}}
    if a.baseline:
        base = a.baseline.resolve()
        sides = {"baseline": {"PYTHONPATH": f"{base / 'src'}:{base}"}, "now": {}}
    homes = {side: work / f"prefect_home_{side}" for side in sides}
    for h in homes.values():
        h.mkdir()
    res: dict[str, Any] = {"rounds": a.rounds, "load_start": load(), "sides": list(sides), "bad_input": {},
                           "oneoff": {}}
    dead = f"http://127.0.0.1:{_free_port()}"  # a port nothing listens on
    bad = {
        "missing registry": ["harvest", "--registry", str(work / "missing.csv")],
        "adcode not in the registry": ["harvest", "--registry", registry, "--counties", "999999",
                                       "--db", str(work / "bad.duckdb")],
        "proxy nothing listens on": ["harvest", "--registry", registry, "--counties", "141029", "--proxy", dead,
                                     "--db", str(work / "bad.duckdb")],
    }
    for name, args in bad.items():
        runs: dict[str, list[dict[str, Any]]] = {side: [] for side in sides}
        for _ in range(a.rounds):
            for side, extra in sides.items():  # alternated: the machine is shared, its load drifts
                runs[side].append(timed(args, _env(homes[side], **extra), work))
        res["bad_input"][name] = {side: {"first_line_s": median([r["first_line_s"] for r in rs]),
                                         "wall_s": median([r["wall_s"] for r in rs]), "runs": rs}
                                  for side, rs in runs.items()}
        for side, m in res["bad_input"][name].items():
            print(f"{side}: {name}: first stderr line {fmt(m['first_line_s'])}, exit {m['runs'][-1]['exit']} after "
                  f"{fmt(m['wall_s'])}: {m['runs'][-1]['first_line']!r}", file=sys.stderr)

    log = work / "requests.jsonl"
    with portal(BUNDLED, log) as (url, _pid):
        def harvest(kind: str, side: str, i: int, home: Path, **extra: str) -> None:
            db = work / f"{kind}-{side}-{i}" / "wh.duckdb"
            r = timed(["harvest", "--registry", registry, "--counties", "141029", "--proxy", url, "--min-delay",
                       "0", "--db", str(db)], _env(home, **sides[side], **extra), work)
            r["first_request_s"] = first_request_s(log, r["start"])
            res["oneoff"].setdefault(kind, {}).setdefault(side, []).append(r)
            print(f"{side}: one-off harvest, {kind}: first request after {fmt(r['first_request_s'])}, exit "
                  f"{r['exit']} after {fmt(r['wall_s'])}, CPU {fmt(r['cpu_s'])} (load {load():.1f})", file=sys.stderr)

        for side in sides:  # the first run of a PREFECT_HOME creates its database
            harvest("temporary server, empty PREFECT_HOME", side, 0, homes[side])
        for i in range(a.harvests):
            for side in sides:
                harvest("temporary server", side, i, homes[side])
        if not a.skip_server:
            server_home = work / "prefect_home_server"
            server_home.mkdir()
            proc, api = start_server(server_home)
            try:
                for i in range(a.harvests):
                    for side in sides:
                        harvest("running `prefect server start`", side, i, server_home, PREFECT_API_URL=api)
            finally:
                stop(proc)
    res["load_end"] = load()
    ld = [res["load_start"], res["load_end"]]
    rows = []
    for name, by_side in res["bad_input"].items():
        now = by_side["now"]
        ok = now["first_line_s"] is not None and now["first_line_s"] <= TARGET_S
        last = now["runs"][-1]
        before = by_side.get("baseline")
        was = (f"; baseline {fmt(before['first_line_s'])}, exit {before['runs'][-1]['exit']} after "
               f"{fmt(before['wall_s'])}" if before else "")
        rows.append({"name": f"bad input, {name}: command → first line on stderr (median of {a.rounds})",
                     "value": f"{fmt(now['first_line_s'])} (exit {last['exit']} after {fmt(now['wall_s'])}, "
                              f"{last['stderr_lines']} lines: `{last['first_line'][:70]}`){was}",
                     "target": f"≤ {TARGET_S} s", "ok": ok, "load": ld})
    for kind, by_side in res["oneoff"].items():
        parts = [f"{side} {fmt(median([r['first_request_s'] for r in rs]))} "
                 f"({fmt(min(r['first_request_s'] or 0 for r in rs))}–{fmt(max(r['first_request_s'] or 0 for r in rs))}; "
                 f"CPU {fmt(median([r['cpu_s'] for r in rs]))}; exit {rs[-1]['exit']})" for side, rs in by_side.items()]
        n = len(next(iter(by_side.values())))
        rows.append({"name": f"one-off `harvest` of one county, {kind}: command → first request (median of {n})",
                     "value": " → ".join(parts), "target": "", "ok": None, "load": ld})
    res["rows"] = rows
    emit(res, a.out)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
