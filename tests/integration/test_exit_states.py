"""Exit status and flow state tell the truth (issue 20): the flows on a temporary Prefect backend (the
`prefect_harness` fixture), through replay portals over real HTTP into real DuckDB files.

A portal that answers 503 to everything (tests/dead_portal.py) fails every county: the flow run ends Failed,
after publishing its summary artifact with the verdict. Some failures: Completed, saying how many. A county
list that selects nothing, or a dead proxy: Failed before the warehouse is touched. A county that loaded in
its previous run and fails now is listed in the summary.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from countyreports import pipeline
from countyreports.cli.runs import load_entrypoint
from countyreports.errors import ProxyUnreachable, RunFailed, SelectionError
from countyreports.portal.server import ReplayServer
from countyreports.settings import Settings
from dead_portal import dead_snapshot

PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"
REGISTRY = str(PORTAL / "counties.csv")
CIXIAN, XIANGNING = "130427", "141029"  # 磁县's portal answers 503 throughout epoch 1, and works in epoch 2

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture(scope="module")
def harvest() -> Any:
    return load_entrypoint("flows/harvest.py:harvest")


def summary(run_id: str) -> str:
    """The markdown summary artifact of a run (read back from Prefect)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["harvest-summary"])))
    texts = [str(a.data) for a in found if run_id in (a.description or "")]
    assert texts, f"no summary artifact for {run_id}"
    return texts[0]


def params(db: Path, proxy: str, registry: str = REGISTRY) -> dict[str, Any]:
    return {"registry": registry, "db": str(db), "proxy": proxy, "min_delay_s": 0.0, "workers": 4}


def test_every_county_failing_ends_failed_after_publishing(harvest: Any, tmp_path: Path) -> None:
    registry = dead_snapshot(tmp_path / "dead", [XIANGNING, CIXIAN, "411628"])
    with ReplayServer(tmp_path / "dead", epoch=1) as portal:
        state = harvest(**params(tmp_path / "wh.duckdb", portal.url, str(registry)), return_state=True)
    assert state.is_failed()
    exc = state.result(raise_on_failure=False)
    assert isinstance(exc, RunFailed) and "no county could be reached" in str(exc)
    assert exc.counters["counties_failed"] == 3 and exc.counters["counties_ok"] == 0
    text = summary(exc.run_id)
    assert "verdict: failed" in text and "no county could be reached" in text


def test_some_failures_complete_and_say_how_many(harvest: Any, tmp_path: Path, replay_epoch1: Any) -> None:
    result = harvest(counties=[CIXIAN, XIANGNING], **params(tmp_path / "wh.duckdb", replay_epoch1.url))
    assert result["counties_failed"] == 1 and result["counties_ok"] == 1
    assert "1 of 2 counties failed" in result["verdict"]
    assert "verdict: degraded" in summary(result["run_id"])


def test_more_than_the_allowed_share_fails(harvest: Any, tmp_path: Path, replay_epoch1: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTYREPORTS_MAX_FAILED_SHARE", "0.25")  # 1 of 2 is more than a quarter
    with pytest.raises(RunFailed, match="1 of 2 counties failed"):
        harvest(counties=[CIXIAN, XIANGNING], **params(tmp_path / "wh.duckdb", replay_epoch1.url))


def test_a_selection_of_nothing_or_a_dead_proxy_fail_before_the_warehouse(harvest: Any, tmp_path: Path,
                                                                         replay_epoch1: Any) -> None:
    db = tmp_path / "wh.duckdb"
    state = harvest(counties=["999999"], **params(db, replay_epoch1.url), return_state=True)
    assert state.is_failed() and isinstance(state.result(raise_on_failure=False), SelectionError)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    with pytest.raises(ProxyUnreachable, match="connection refused"):
        harvest(counties=[XIANGNING], **params(db, dead))
    assert not db.exists()


def test_a_county_that_loaded_last_time_and_fails_now_is_listed(harvest: Any, tmp_path: Path, replay_epoch1: Any,
                                                                replay_epoch2: Any) -> None:
    db = tmp_path / "wh.duckdb"
    first, _ = pipeline.harvest(Settings(db=str(db), registry=REGISTRY, proxy=replay_epoch2.url, min_delay_s=0.0),
                                adcodes=[CIXIAN, XIANGNING])  # both load in epoch 2
    result = harvest(counties=[CIXIAN, XIANGNING], **params(db, replay_epoch1.url))  # 磁县 is down in epoch 1
    found = pipeline.regressions(db, result["run_id"])
    assert [(r.adcode, r.previous_run_id, r.previous_outcome) for r in found] == [(CIXIAN, first, "ok")]
    assert f"failed now, loaded in {first}: {CIXIAN} 磁县" in summary(result["run_id"])
    assert pipeline.regressions(db, first) == []  # nothing before the first run
