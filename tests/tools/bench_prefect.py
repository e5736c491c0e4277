"""Orchestration overhead: the harvest flow on a running Prefect server vs the same pipeline functions without
Prefect, on the same work (a first harvest of a snapshot through the replay portal, fresh warehouse each time,
delay 0), plus the fixed start-up cost of ephemeral mode (no PREFECT_API_URL) on its own line.

    python tests/tools/bench_prefect.py [--snapshot DIR | --copies 10] [--workdir DIR] [--workers 16]
        [--repeat 1] [--out result.json]

Each measurement runs in its own Python process and times only the call (imports excluded): baseline
``pipeline.harvest(settings)``; Prefect ``flows/harvest.py:harvest(...)`` with PREFECT_API_URL set to a
`prefect server start` (SQLite, PREFECT_HOME under the workdir); ephemeral: the first call of an empty flow
without PREFECT_API_URL (the temporary server's start-up, then one flow run). Baseline and Prefect runs
alternate when ``--repeat`` > 1 and the medians are compared. The replay portal runs in its own process, a fresh one per run.

Output: a human summary on stderr, and JSON (``rows`` in the shape bench/run.py prints, plus raw figures) to
``--out`` or stdout. Target: Prefect / baseline ≤ 1.15.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "tests" / "fixtures" / "portal"
TARGET = 1.15


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    for k in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        env.pop(k, None)
    env.update(PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1", PREFECT_UI_ENABLED="false",
               PYTHONPATH=str(ROOT / "src"), PREFECT_LOGGING_LEVEL="WARNING",
               COUNTYREPORTS_ALLOW_UNLISTED="1")  # the flow reads it (replicated counties: invented adcodes)
    env.update(extra)
    return env


# -- children: one measurement each -------------------------------------------------------------------------
def child(mode: str, a: argparse.Namespace) -> dict[str, Any]:
    params = {"registry": str(a.snapshot / "counties.csv"), "db": str(a.db), "proxy": a.proxy,
              "min_delay_s": 0.0, "workers": a.workers}
    if mode == "baseline":
        from countyreports import pipeline
        from countyreports.settings import Settings

        settings = Settings(**params, allow_unlisted=True)  # replicated counties have invented adcodes
        t0 = time.perf_counter()
        run_id, counters = pipeline.harvest(settings)
        return {"wall_s": time.perf_counter() - t0, "run_id": run_id, "counters": counters}
    if mode == "prefect":
        from countyreports.cli.runs import load_entrypoint

        flow = load_entrypoint("flows/harvest.py:harvest")
        t0 = time.perf_counter()
        result = flow(**params)
        return {"wall_s": time.perf_counter() - t0, "run_id": result["run_id"], "counters": result}
    if mode == "ephemeral":
        from prefect import flow as prefect_flow

        @prefect_flow(name="noop")
        def noop() -> int:
            return 1

        t0 = time.perf_counter()
        noop()
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        noop()
        return {"first_s": first, "second_s": time.perf_counter() - t0}
    raise SystemExit(f"unknown mode {mode}")


def run_child(mode: str, a: argparse.Namespace, env: dict[str, str], db: Path | None = None) -> dict[str, Any]:
    out = a.workdir / f"{mode}.json"
    out.unlink(missing_ok=True)
    args = [sys.executable, __file__, "--child", mode, "--snapshot", str(a.snapshot), "--workdir",
            str(a.workdir), "--workers", str(a.workers), "--out", str(out)]
    if db is not None:
        args += ["--db", str(db), "--proxy", a.proxy]
    load0 = os.getloadavg()[0]
    done = subprocess.run(args, env=env, cwd=ROOT, timeout=7200, stdin=subprocess.DEVNULL)
    if done.returncode != 0 or not out.exists():
        raise SystemExit(f"{mode} run failed (exit {done.returncode})")
    res = dict(json.loads(out.read_text(encoding="utf-8")))
    res["load"] = [load0, os.getloadavg()[0]]
    return res


# -- the parent: snapshot, portal, server, the runs ---------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stop(proc: subprocess.Popen[Any]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def start_server(home: Path) -> tuple[subprocess.Popen[bytes], str, float]:
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    prefect = Path(sys.executable).parent / "prefect"
    log = open(home / "server.log", "wb")  # noqa: SIM115
    t0 = time.monotonic()
    proc = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=_env(PREFECT_HOME=str(home)), stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    while time.monotonic() - t0 < 180:
        try:
            with urllib.request.urlopen(f"{api}/health", timeout=2) as r:
                if r.status == 200:
                    return proc, api, time.monotonic() - t0
        except OSError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.5)
    _stop(proc)
    raise SystemExit(f"prefect server did not start; see {home / 'server.log'}")


def make_snapshot(copies: int, workdir: Path) -> Path:
    out = workdir / f"portal_x{copies}"
    if not (out / "manifest.jsonl").exists():
        subprocess.run([sys.executable, "-m", "countyreports.portal.replicate", "--src", str(BUNDLED), "--out", str(out),
                        "--copies", str(copies)], env=_env(), check=True, cwd=ROOT)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--snapshot", type=Path, default=None, help="snapshot folder (default: built with --copies)")
    ap.add_argument("--copies", type=int, default=10, help="clones of the bundled snapshot when no --snapshot")
    ap.add_argument("--workdir", type=Path, default=None, help="scratch folder (default: a temp dir)")
    ap.add_argument("--workers", type=int, default=16, help="counties crawled at once (Settings.workers)")
    ap.add_argument("--repeat", type=int, default=1, help="baseline/Prefect pairs, alternated")
    ap.add_argument("--out", type=Path, default=None, help="write the JSON result here (else stdout)")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--proxy", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        result = child(a.child, a)
        a.out.write_text(json.dumps(result, default=str), encoding="utf-8")
        return 0

    a.workdir = (a.workdir or Path(tempfile.mkdtemp(prefix="bench_prefect_"))).resolve()
    a.workdir.mkdir(parents=True, exist_ok=True)
    a.snapshot = (a.snapshot or make_snapshot(a.copies, a.workdir)).resolve()
    home = a.workdir / "prefect_home"
    home.mkdir(exist_ok=True)
    res: dict[str, Any] = {"snapshot": str(a.snapshot), "workers": a.workers}
    server, api, res["server_start_s"] = start_server(home)
    from countyreports.portal.server import portal_process

    try:
        base, pref = [], []
        for i in range(max(1, a.repeat)):
            for mode, into, env in (("baseline", base, _env()),
                                    ("prefect", pref, _env(PREFECT_HOME=str(home), PREFECT_API_URL=api))):
                db = a.workdir / f"{mode}{i}" / "wh.duckdb"
                if db.parent.exists():
                    subprocess.run(["rm", "-rf", str(db.parent)], check=True)
                db.parent.mkdir(parents=True)
                # a fresh portal per run: its injected faults (fail_first) are counted per portal process
                with portal_process(a.snapshot, env=_env()) as (a.proxy, _portal):
                    r = run_child(mode, a, env, db)
                into.append(r)
                print(f"{mode} #{i + 1}: {r['wall_s']:.1f} s ({r['counters']['counties_total']} counties, "
                      f"{r['counters']['requests']} requests)", file=sys.stderr)
        eph_home = a.workdir / "prefect_home_ephemeral"
        eph_home.mkdir(exist_ok=True)
        eph = run_child("ephemeral", a, _env(PREFECT_HOME=str(eph_home)))
    finally:
        _stop(server)
    b = statistics.median(r["wall_s"] for r in base)
    p = statistics.median(r["wall_s"] for r in pref)
    n = base[0]["counters"]["counties_total"]
    ratio = p / b
    res.update(baseline=base, prefect=pref, ephemeral=eph, baseline_s=b, prefect_s=p, ratio=ratio, counties=n)
    tasks = -(-n // 25)
    res["rows"] = [
        {"name": f"Prefect overhead: harvest flow on a running server vs plain pipeline ({n:,} counties, "
                 f"{tasks} batch tasks, {a.workers} workers, median of {len(base)})",
         "value": f"{p:.1f} s vs {b:.1f} s → {ratio:.2f}×", "target": f"≤ {TARGET}×", "ok": ratio <= TARGET,
         "load": [base[0]["load"][0], pref[-1]["load"][1]]},
        {"name": "Prefect ephemeral mode (no PREFECT_API_URL): fixed start-up of the temporary server + "
                 "first flow run", "value": f"{eph['first_s']:.1f} s (a second flow run in the same process: "
                                            f"{eph['second_s']:.2f} s)", "target": "", "ok": None,
         "load": eph["load"]},
        {"name": "`prefect server start` until healthy", "value": f"{res['server_start_s']:.1f} s",
         "target": "", "ok": None},
    ]
    for row in res["rows"]:
        print(f"{row['name']}: {row['value']} {row['target']}", file=sys.stderr)
    text = json.dumps(res, ensure_ascii=False, default=str, indent=1)
    if a.out:
        a.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
