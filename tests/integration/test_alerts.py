"""Alerts for the scheduled run (issue 20), end to end: a real `prefect server start` on loopback, `countyreports
schedule --notify URL` serving the deployments, replay portals over real HTTP, and a small webhook receiver
(tests/dead_portal.py) that keeps what it is sent.

- a run fired by the harvest's cron schedule against a portal that answers 503 to everything ends Failed and
  the receiver gets one message with the run and its reason; the same harvest run from the command line exits 1
  with the reason in one line;
- a run that completes while a county that loaded last time fails sends one message naming that county.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from countyreports import pipeline
from countyreports.portal.server import ReplayServer
from countyreports.settings import Settings
from dead_portal import Receiver, dead_snapshot
from test_flows_server import BIN, _deployment, _free_port, _start, _stop, _wait

pytestmark = pytest.mark.e2e

PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"
CIXIAN, XIANGNING = "130427", "141029"  # 磁县's portal answers 503 throughout epoch 1, and works in epoch 2


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`prefect server start` (SQLite under a temp PREFECT_HOME); its scheduler looks for due runs every 2 s."""
    import os

    home = tmp_path_factory.mktemp("prefect_alerts")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "COUNTYREPORTS_"))}
    for k in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        env.pop(k, None)  # a proxy would capture Prefect's own API calls
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_UI_ENABLED="false", PREFECT_API_URL=api, PREFECT_RUNNER_POLL_FREQUENCY="1",
               PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="2", COUNTYREPORTS_MIN_DELAY_S="0")
    log = home / "server.log"
    proc = _start([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)], env, log)
    try:
        _wait("the Prefect server", lambda: httpx.get(f"{api}/health", timeout=2).status_code == 200, 120, proc, log)
        yield {"env": env, "api": api}
    finally:
        _stop(proc)


def _runs(api: str, deployment_id: str, *, tag: str | None = None) -> list[dict[str, Any]]:
    """The deployment's flow runs in a final state (optionally with a tag)."""
    flt: dict[str, Any] = {"state": {"type": {"any_": ["COMPLETED", "FAILED", "CRASHED", "CANCELLED"]}}}
    if tag:
        flt["tags"] = {"all_": [tag]}
    r = httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": flt, "deployments": {"id": {"any_": [deployment_id]}}},
                   timeout=10)
    r.raise_for_status()
    return list(r.json())


def _serve(server: dict[str, Any], tmp_path: Path, *args: str) -> tuple[Any, Path, dict[str, Any]]:
    log = tmp_path / "schedule.log"
    proc = _start([str(BIN / "countyreports"), "schedule", *args], server["env"], log, cwd=tmp_path)
    _wait("the served deployments and the alerts",
          lambda: _deployment(server["api"], "harvest/countyreports") and "alerts: automation" in log.read_text(),
          180, proc, log)
    harvest = _deployment(server["api"], "harvest/countyreports")
    assert harvest is not None
    return proc, log, harvest


def test_a_scheduled_run_against_a_dead_portal_fails_and_alerts_once(server: dict[str, Any], tmp_path: Path) -> None:
    registry = dead_snapshot(tmp_path / "dead", [XIANGNING, "411628"])
    db = tmp_path / "wh.duckdb"
    with ReplayServer(tmp_path / "dead", epoch=1) as portal, Receiver() as hook:
        serve, log, harvest = _serve(server, tmp_path, "--registry", str(registry), "--db", str(db), "--proxy",
                                     portal.url, "--cron", "* * * * *", "--timezone", "UTC", "--notify", hook.url)
        try:
            (run,) = _wait("a run fired by the cron schedule", lambda: _runs(server["api"], harvest["id"],
                                                                              tag="auto-scheduled")[:1], 150, serve, log)
            _wait("the webhook message", lambda: hook.received, 60, serve, log)
        finally:
            _stop(serve)
        # the same harvest as a one-off command: exit 1, the reason in one line
        one_off = subprocess.run([str(BIN / "countyreports"), "harvest", "--registry", str(registry), "--db",
                                  str(tmp_path / "one_off.duckdb"), "--proxy", portal.url],
                                 env=server["env"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                                 stdin=subprocess.DEVNULL)
        time.sleep(3)  # a second message would be here by now
        _prefect_delete(server)  # no more runs of the every-minute schedule
    assert run["state_type"] == "FAILED", run["state"]
    assert "no county could be reached" in run["state"]["message"]
    assert len(hook.received) == 1, hook.received
    (message,) = hook.received
    assert isinstance(message, dict)
    assert run["name"] in message["subject"] and "Failed" in message["subject"]
    assert "no county could be reached" in message["body"] and str(db) in message["body"]
    assert one_off.returncode == 1, one_off.stderr[-2000:]
    last = one_off.stderr.strip().splitlines()[-1]
    assert last.startswith("error: harvest run ") and "no county could be reached" in last
    assert "Traceback" not in one_off.stderr


def _prefect_delete(server: dict[str, Any]) -> None:
    subprocess.run([str(BIN / "prefect"), "deployment", "delete", "harvest/countyreports"], env=server["env"],
                   capture_output=True, timeout=120, stdin=subprocess.DEVNULL)


def test_a_county_that_loaded_last_time_and_fails_now_is_alerted(server: dict[str, Any], tmp_path: Path,
                                                                replay_epoch1: Any, replay_epoch2: Any) -> None:
    registry = str(PORTAL / "counties.csv")
    db = tmp_path / "wh.duckdb"
    first, _ = pipeline.harvest(Settings(db=str(db), registry=registry, proxy=replay_epoch2.url, min_delay_s=0.0),
                                adcodes=[CIXIAN, XIANGNING])  # both load (磁县's portal works in epoch 2)
    with Receiver() as hook:
        serve, log, harvest = _serve(server, tmp_path, "--registry", registry, "--db", str(db), "--proxy",
                                     replay_epoch1.url, "--notify", hook.url)
        try:
            done = subprocess.run([str(BIN / "prefect"), "deployment", "run", "harvest/countyreports", "--params",
                                   f'{{"counties": ["{CIXIAN}", "{XIANGNING}"]}}', "--watch", "--watch-interval", "1"],
                                  env=server["env"], capture_output=True, text=True, timeout=300,
                                  stdin=subprocess.DEVNULL)
            _wait("the webhook message", lambda: hook.received, 60, serve, log)
            time.sleep(3)
        finally:
            _stop(serve)
    assert done.returncode == 0 and "Completed" in done.stdout, done.stdout[-2000:]  # 1 of 2 failed: not > 50 %
    assert len(hook.received) == 1, hook.received
    (message,) = hook.received
    assert isinstance(message, dict)
    assert "counties that loaded last time fail now" in message["subject"]
    assert f"{CIXIAN} 磁县" in message["body"] and XIANGNING not in message["body"]
