"""End to end on Prefect's own engine: a real `prefect server start` on loopback (PREFECT_HOME in a temp dir),
`countyreports schedule` serving the deployments, `prefect deployment run` of the backfill, and a harvest cut
into shards run by two process workers, compared with a single-process run.

Every Prefect process here is a subprocess with its own environment (the in-process `prefect_harness` of other
tests is not involved). Expected reports come from the snapshot's gold.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest

from countyreports import pipeline
REPO = Path(__file__).resolve().parents[2]
from countyreports.settings import Settings
from test_flows import PORTAL, gold_ids, report_ids

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent
DEPLOYMENTS = ("harvest/countyreports", "backfill/countyreports", "harvest-shard/countyreports")
SHARD_COUNTIES = ["141029", "411628", "141024", "140830", "320583", "330523", "140431", "441422", "513423",
                  "150624"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(args: list[str], env: dict[str, str], log: Path, cwd: Path | None = None) -> subprocess.Popen[bytes]:
    fh = open(log, "wb")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(args, env=env, cwd=cwd, stdout=fh, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _wait(what: str, check: Any, timeout: float, proc: subprocess.Popen[bytes] | None = None,
          log: Path | None = None) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            break
        try:
            got = check()
        except (httpx.HTTPError, OSError):
            got = None
        if got:
            return got
        time.sleep(0.5)
    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log else ""
    raise AssertionError(f"timed out waiting for {what}\n{tail}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`prefect server start` on a free loopback port, SQLite under a temp PREFECT_HOME."""
    home = tmp_path_factory.mktemp("prefect_server")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_UI_ENABLED="false", PREFECT_API_URL=api, PREFECT_WORKER_QUERY_SECONDS="1",
               PREFECT_RUNNER_POLL_FREQUENCY="1", COUNTYREPORTS_MIN_DELAY_S="0", COUNTYREPORTS_REPO=str(REPO))
    for k in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        env.pop(k, None)  # a proxy would capture Prefect's own API calls
    log = home / "server.log"
    proc = _start([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                  env, log)
    try:
        _wait("the Prefect server", lambda: httpx.get(f"{api}/health", timeout=2).status_code == 200,
              120, proc, log)
        yield {"env": env, "api": api, "home": home}
    finally:
        _stop(proc)


def _deployment(api: str, name: str) -> dict[str, Any] | None:
    r = httpx.get(f"{api}/deployments/name/{name}", timeout=5)
    return r.json() if r.status_code == 200 else None


def _prefect(server: dict[str, Any], *args: str, timeout: float = 240) -> str:
    done = subprocess.run([str(BIN / "prefect"), *args], env=server["env"], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


def test_schedule_serves_deployments_and_backfill_run_loads_exactly_its_reports(
        server: dict[str, Any], replay_epoch1: Any, tmp_path: Path) -> None:
    db = tmp_path / "served.duckdb"
    log = tmp_path / "schedule.log"
    serve = _start([str(BIN / "countyreports"), "schedule", "--registry", str(PORTAL / "counties.csv"),
                    "--db", str(db), "--proxy", replay_epoch1.url], server["env"], log, cwd=tmp_path)
    try:
        _wait("the served deployments", lambda: all(_deployment(server["api"], d) for d in DEPLOYMENTS),
              120, serve, log)
        # the schedule of the served harvest deployment
        harvest = _deployment(server["api"], "harvest/countyreports")
        assert harvest is not None
        got = sorted((s["schedule"]["cron"], s["schedule"]["timezone"], s["active"]) for s in harvest["schedules"])
        assert got == sorted([("0 6 * 5-12 1", "Asia/Shanghai", True), ("0 6 * 1-4 1,3,5", "Asia/Shanghai", True)])
        assert harvest["parameters"]["db"] == str(db)
        backfill = _deployment(server["api"], "backfill/countyreports")
        assert backfill is not None and not backfill["schedules"]
        # a one-off backfill, run by the serve process
        out = _prefect(server, "deployment", "run", "backfill/countyreports", "--param", "years=2020-2021",
                       "--param", "province=山西省", "--watch", "--watch-interval", "1")
        assert "Completed" in out, out[-2000:]
    finally:
        _stop(serve)
    want = gold_ids(province="山西省", years=[2020, 2021])
    assert want and report_ids(db) == want
    con = duckdb.connect(str(db), read_only=True)
    assert {r[0] for r in con.execute("SELECT DISTINCT report_id FROM report_versions").fetchall()} == want
    runs = con.execute("SELECT kind, counties_total, counties_failed FROM runs").fetchall()
    con.close()
    assert runs == [("backfill", 5, 0)]


# columns that differ between two runs of the same work by nature (times, run ids)
_VOLATILE = {"run_id", "fetched_at", "first_seen", "last_seen", "last_checked", "found_at", "last_ok",
             "started_at", "finished_at", "withdrawn_at"}
_COMPARED = ("reports", "report_versions", "sections", "indicators", "mentions", "pages", "http_cache",
             "columns", "robots")


def _snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in _COMPARED:
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in _VOLATILE]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=lambda r: json.dumps(r, default=str, ensure_ascii=False))
        out["county_runs"] = sorted(con.execute(
            "SELECT adcode, outcome, reports_found, new_reports, new_versions FROM county_runs").fetchall())
        return out
    finally:
        con.close()


def test_two_workers_equal_single_process(server: dict[str, Any], replay_epoch1: Any, tmp_path: Path) -> None:
    registry = str(PORTAL / "counties.csv")
    _prefect(server, "work-pool", "create", "countyreports", "--type", "process", "--overwrite", timeout=60)
    _prefect(server, "--no-prompt", "deploy", "--all", timeout=120)  # prefect.yaml at the repository root
    workers, logs = [], []
    try:
        for name in ("w1", "w2"):
            logs.append(tmp_path / f"{name}.log")
            workers.append(_start([str(BIN / "prefect"), "worker", "start", "--pool", "countyreports", "--type",
                                   "process", "--limit", "1", "--name", name], server["env"], logs[-1],
                                  cwd=tmp_path))
        sharded = tmp_path / "sharded" / "wh.duckdb"
        sharded.parent.mkdir()
        done = subprocess.run(
            [str(BIN / "countyreports"), "harvest", "--shards", "2", "--registry", registry, "--db", str(sharded),
             "--proxy", replay_epoch1.url, "--min-delay", "0", "--counties", ",".join(SHARD_COUNTIES)],
            env=server["env"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
            stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    finally:
        for w in workers:
            _stop(w)
    for log in logs:  # each worker ran a shard
        assert "submitting flow run" in log.read_text(encoding="utf-8", errors="replace"), log.name

    single = tmp_path / "single" / "wh.duckdb"
    pipeline.harvest(Settings(db=str(single), registry=registry, proxy=replay_epoch1.url, min_delay_s=0.0,
                              workers=4), adcodes=SHARD_COUNTIES)
    assert report_ids(sharded) == report_ids(single) == gold_ids(adcodes=SHARD_COUNTIES)
    a, b = _snapshot(sharded), _snapshot(single)
    for table in a:
        assert a[table] == b[table], table
    con = duckdb.connect(str(sharded), read_only=True)
    shards = con.execute("SELECT run_id, counties_total FROM runs ORDER BY run_id").fetchall()
    con.close()
    assert len(shards) == 2 and sum(n for _r, n in shards) == len(SHARD_COUNTIES)
