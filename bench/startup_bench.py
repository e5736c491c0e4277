"""The first ten minutes: how long `countyreports` takes to say something useful, each run in its own process.

1. bad input (issue 20's table): the time from the command's start to the first line it writes on stderr, and
   to its exit, for a missing registry, an adcode that is not in the registry and a proxy nothing listens on;
2. a one-off harvest of one county through the replay portal: the time from the command's start to the first
   request the portal logs (what the command pays before it does anything: the interpreter, the imports, the
   Prefect API) and to its exit, with the temporary Prefect server (no PREFECT_API_URL; a warm PREFECT_HOME,
   plus once with an empty one) and against a running `prefect server start`.

    python bench/startup_bench.py [--rounds 5] [--skip-server] [--out result.json]

Output: a human summary on stderr, and JSON (``rows`` in the shape bench/run.py prints, plus the raw figures) to
``--out`` or stdout. Target (issue 20): first line of a bad-input error ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
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
    return {"start": t0, "first_line_s": first.get("s"), "first_line": err_lines[0] if err_lines else "",
            "wall_s": wall, "exit": code, "stderr_lines": len(err_lines), "stdout_lines": out.count("\n")}


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
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="startup_bench_"))
    registry = str(BUNDLED / "counties.csv")
    home = work / "prefect_home"
    home.mkdir()
    env = _env(home)
    res: dict[str, Any] = {"rounds": a.rounds, "load_start": load(), "bad_input": {}, "oneoff": {}}
    dead = f"http://127.0.0.1:{_free_port()}"  # a port nothing listens on
    bad = {
        "missing registry": ["harvest", "--registry", str(work / "missing.csv")],
        "adcode not in the registry": ["harvest", "--registry", registry, "--counties", "999999",
                                       "--db", str(work / "bad.duckdb")],
        "proxy nothing listens on": ["harvest", "--registry", registry, "--counties", "141029", "--proxy", dead,
                                     "--db", str(work / "bad.duckdb")],
    }
    for name, args in bad.items():
        runs = [timed(args, env, work) for _ in range(a.rounds)]
        res["bad_input"][name] = {"first_line_s": median([r["first_line_s"] for r in runs]),
                                  "wall_s": median([r["wall_s"] for r in runs]), "runs": runs}
        print(f"{name}: first stderr line {fmt(res['bad_input'][name]['first_line_s'])}, exit "
              f"{runs[-1]['exit']} after {fmt(res['bad_input'][name]['wall_s'])}: {runs[-1]['first_line']!r}",
              file=sys.stderr)

    log = work / "requests.jsonl"
    with portal(BUNDLED, log) as (url, _pid):
        def harvest(tag: str, env: dict[str, str]) -> dict[str, Any]:
            db = work / tag / "wh.duckdb"
            shutil.rmtree(db.parent, ignore_errors=True)
            r = timed(["harvest", "--registry", registry, "--counties", "141029", "--proxy", url, "--min-delay",
                       "0", "--db", str(db)], env, work)
            r["first_request_s"] = first_request_s(log, r["start"])
            print(f"one-off harvest, {tag}: first request after {fmt(r['first_request_s'])}, exit {r['exit']} "
                  f"after {fmt(r['wall_s'])}", file=sys.stderr)
            return r

        cold = work / "prefect_home_cold"
        cold.mkdir()
        res["oneoff"]["temporary server, empty PREFECT_HOME"] = [harvest("cold", _env(cold))]
        res["oneoff"]["temporary server"] = [harvest(f"temp{i}", env) for i in range(a.harvests)]
        if not a.skip_server:
            server_home = work / "prefect_home_server"
            server_home.mkdir()
            proc, api = start_server(server_home)
            try:
                res["oneoff"]["running `prefect server start`"] = [
                    harvest(f"server{i}", _env(server_home, PREFECT_API_URL=api)) for i in range(a.harvests)]
            finally:
                stop(proc)
    res["load_end"] = load()
    ld = [res["load_start"], res["load_end"]]
    rows = []
    for name, m in res["bad_input"].items():
        ok = m["first_line_s"] is not None and m["first_line_s"] <= TARGET_S
        last = m["runs"][-1]
        rows.append({"name": f"bad input, {name}: command → first line on stderr (median of {a.rounds})",
                     "value": f"{fmt(m['first_line_s'])} (exit {last['exit']} after {fmt(m['wall_s'])}, "
                              f"{last['stderr_lines']} lines: `{last['first_line'][:70]}`)",
                     "target": f"≤ {TARGET_S} s", "ok": ok, "load": ld})
    for name, runs in res["oneoff"].items():
        rows.append({"name": f"one-off `harvest` of one county, {name}: command → first request (median of "
                             f"{len(runs)})",
                     "value": f"{fmt(median([r['first_request_s'] for r in runs]))} (exit "
                              f"{runs[-1]['exit']} after {fmt(median([r['wall_s'] for r in runs]))})",
                     "target": "", "ok": None, "load": ld})
    res["rows"] = rows
    emit(res, a.out)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
