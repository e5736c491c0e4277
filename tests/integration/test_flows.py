"""The flows in flows/ run in this process on a temporary Prefect backend (the `prefect_harness` fixture),
against the replay portal over real HTTP into real DuckDB files.

Expected reports come from the snapshot's gold (tests/fixtures/portal/gold), never from our own output.
"""

from __future__ import annotations

import csv
import socket
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import duckdb
import pytest
import yaml

from countyreports import pipeline
from countyreports.cli.runs import load_entrypoint
from countyreports.errors import FetchTerminal, FetchTransient, WarehouseBusy
from countyreports.settings import Settings
from portal_fixture import gold_reports

PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"
REPO = Path(__file__).resolve().parents[2]


def provinces() -> dict[str, str]:
    with open(PORTAL / "counties.csv", encoding="utf-8") as fh:
        return {r["adcode"]: r["province"] for r in csv.DictReader(fh)}


def gold_ids(*, adcodes: list[str] | None = None, province: str | None = None, years: list[int] | None = None,
             epoch: int = 1) -> set[str]:
    prov = provinces()
    return {r["report_id"] for r in gold_reports()
            if epoch in r["epochs"] and (adcodes is None or r["adcode"] in adcodes)
            and (province is None or prov.get(r["adcode"]) == province)
            and (years is None or r["report_year"] in years)}


def report_ids(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT report_id FROM reports WHERE status = 'active'").fetchall()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def flows() -> SimpleNamespace:
    harvest = load_entrypoint("flows/harvest.py:harvest")
    return SimpleNamespace(harvest=harvest, backfill=load_entrypoint("flows/backfill.py:backfill"),
                           common=sys.modules[harvest.fn.__module__].common)


@pytest.fixture()
def where(replay_epoch1: Any, tmp_path: Path) -> dict[str, Any]:
    """Flow parameters pointing at the replay portal and a fresh warehouse."""
    return {"registry": str(PORTAL / "counties.csv"), "db": str(tmp_path / "wh.duckdb"),
            "proxy": replay_epoch1.url, "min_delay_s": 0.0, "workers": 4}


# -- no backend needed ---------------------------------------------------------------------------------------
def test_parse_years() -> None:
    from countyreports.errors import SelectionError
    from countyreports.registry.selection import parse_years as parse

    assert parse("2019-2023") == [2019, 2020, 2021, 2022, 2023]
    assert parse("2019,2021 2022") == [2019, 2021, 2022]
    assert parse([2021, "2020"]) == [2020, 2021]
    assert parse(2022) == [2022]
    assert parse(None) is None and parse("") is None
    for bad in ("19-23", "2023-2019", "abc", "1850"):
        with pytest.raises(SelectionError, match="--years"):
            parse(bad)


def test_retry_condition_retries_only_transient(flows: SimpleNamespace) -> None:
    class State:
        def __init__(self, exc: Exception | None) -> None:
            self.exc = exc

        def result(self) -> None:
            if self.exc:
                raise self.exc

    retry = flows.common.retry_transient
    assert retry(None, None, State(FetchTransient("503", url="http://x/")))
    assert retry(None, None, State(WarehouseBusy("locked")))
    assert not retry(None, None, State(FetchTerminal("404", url="http://x/")))
    assert not retry(None, None, State(ValueError("a bug")))
    assert not retry(None, None, State(None))


def test_prefect_yaml_declares_the_served_deployments() -> None:
    """prefect.yaml (work pool) and flows/deployments.py (`countyreports schedule`) must agree."""
    deployments = load_entrypoint("flows/deployments.py:deployments")
    mod = sys.modules[deployments.__module__]
    spec = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    by_entry = {d["entrypoint"]: d for d in spec["deployments"]}
    assert set(by_entry) == {"flows/harvest.py:harvest", "flows/backfill.py:backfill",
                             "flows/harvest.py:harvest_shard"}
    assert {d["name"] for d in spec["deployments"]} == {mod.NAME}
    harvest = by_entry["flows/harvest.py:harvest"]
    assert [(s["cron"], s["timezone"]) for s in harvest["schedules"]] == [
        (c, mod.TIMEZONE) for c in mod.DEFAULT_CRONS]
    assert not by_entry["flows/backfill.py:backfill"]["schedules"]
    common = sys.modules["flows._common"]
    assert common.SHARD_DEPLOYMENT == f"harvest-shard/{mod.NAME}"


# -- flows on the temporary backend ---------------------------------------------------------------------------
pytestmark_backend = pytest.mark.usefixtures("prefect_harness")


@pytestmark_backend
def test_harvest_flow_matches_gold_and_reports_progress(flows: SimpleNamespace, where: dict[str, Any]) -> None:
    counties = ["141029", "411628", "141024", "140830"]
    events: list[tuple[str, Any]] = []
    with flows.common.progress(lambda e, v: events.append((e, v))):
        result = flows.harvest(counties=counties, **where)
    assert report_ids(Path(where["db"])) == gold_ids(adcodes=counties)
    assert result["counties_ok"] == 4 and result["new_reports"] == len(gold_ids(adcodes=counties))
    assert events[0] == ("total", 4)
    assert sorted(v.adcode for e, v in events if e == "county") == sorted(counties)


@pytestmark_backend
def test_harvest_flow_with_crawler_processes_matches_gold(flows: SimpleNamespace, where: dict[str, Any],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """COUNTYREPORTS_CRAWL_PROCESSES=2: the flow's batch tasks feed two crawler processes (the flow run's
    process only loads); the same reports, and every county reported once."""
    monkeypatch.setenv("COUNTYREPORTS_CRAWL_PROCESSES", "2")
    counties = ["141029", "411628", "141024", "140830", "331123", "433123"]
    import multiprocessing

    events: list[tuple[str, Any]] = []
    crawlers: list[int] = []  # crawler processes alive as each county is reported

    def seen(e: str, v: Any) -> None:
        events.append((e, v))
        crawlers.append(sum(p.name.startswith("crawler-") for p in multiprocessing.active_children()))

    with flows.common.progress(seen):
        result = flows.harvest(counties=counties, batch_size=2, **where)
    assert report_ids(Path(where["db"])) == gold_ids(adcodes=counties)
    assert max(crawlers) == 2
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("crawler-")]  # closed
    assert result["counties_ok"] == len(counties) and result["requests"] > 0  # (the processes' requests)
    assert sorted(v.adcode for e, v in events if e == "county") == sorted(counties)


@pytestmark_backend
def test_backfill_loads_exactly_those_years_and_publishes_artifacts(flows: SimpleNamespace,
                                                                   where: dict[str, Any]) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    result = flows.backfill(years="2020-2021", province="山西省", **where)
    want = gold_ids(province="山西省", years=[2020, 2021])
    assert want and report_ids(Path(where["db"])) == want
    assert result["new_reports"] == len(want)
    con = duckdb.connect(where["db"], read_only=True)
    kind, params = con.execute("SELECT kind, params FROM runs").fetchone()
    con.close()
    assert kind == "backfill" and '"years": [2020, 2021]' in params
    with get_client(sync_client=True) as client:
        table = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["backfill-counties"])))
        summary = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["backfill-summary"])))
    rows = next(a for a in table if result["run_id"] in (a.description or "")).data
    rows = yaml.safe_load(rows) if isinstance(rows, str) else rows
    assert sorted(r["adcode"] for r in rows) == sorted(a for a, p in provinces().items() if p == "山西省")
    assert {"reports", "new", "new_versions", "failures"} <= set(rows[0])
    assert any(result["run_id"] in str(a.data) for a in summary)


@pytestmark_backend
def test_backfill_resumes_a_crashed_run(flows: SimpleNamespace, where: dict[str, Any]) -> None:
    first, second = "141029", "411628"
    settings = Settings(db=where["db"], registry=where["registry"], proxy=where["proxy"], min_delay_s=0.0)
    county = pipeline.select_counties(pipeline.load_registry(settings), [first])
    crashed = pipeline.open_run(settings, "backfill", {"years": [2022]}, years=[2022])
    pipeline.harvest_counties(crashed, county)
    crashed.fetcher.close()  # ... and the process dies: no close_run
    if getattr(crashed, "parser", None) is not None:
        crashed.parser.shutdown()
    assert crashed.warehouse is not None
    crashed.warehouse.close()

    result = flows.backfill(years="2022", counties=[first, second], resume_run_id=crashed.run_id, **where)
    assert result["skipped_finished"] == 1 and result["counties_total"] == 1
    assert report_ids(Path(where["db"])) == gold_ids(adcodes=[first, second], years=[2022])
    again = flows.backfill(years="2022", counties=[first, second], resume_run_id=crashed.run_id, **where)
    assert again["skipped_finished"] == 2 and again["counties_total"] == 0


@pytestmark_backend
def test_reparse_backfill_makes_no_requests(flows: SimpleNamespace, where: dict[str, Any],
                                            replay_epoch1: Any) -> None:
    counties = ["141029", "140830"]
    flows.backfill(years="2019-2024", counties=counties, **where)
    log = Path(replay_epoch1.log_path)
    before = log.read_text(encoding="utf-8").count("\n")
    result = flows.backfill(years="2020", counties=counties, reparse=True, **where)
    assert log.read_text(encoding="utf-8").count("\n") == before
    assert result["requests"] == 0 and result["counties_ok"] == 2
    assert report_ids(Path(where["db"])) == gold_ids(adcodes=counties, years=list(range(2019, 2025)))


def test_cli_backfill_and_schedule_pass_their_options(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from countyreports import cli
    from countyreports.cli import runs

    calls: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(runs, "_run_flow", lambda ep, _title, **kw: calls.append((ep, kw)) or {"run_id": "x"})
    db = tmp_path / "wh.duckdb"
    proxy = socket.create_server(("127.0.0.1", 0))  # something listening: the pre-check connects to it
    proxy_url = f"http://127.0.0.1:{proxy.getsockname()[1]}"
    with proxy:
        result = CliRunner().invoke(cli.app, ["backfill", "--years", "2019-2023", "--province", "山西省", "--db",
                                              str(db), "--proxy", proxy_url, "--resume", "r1",
                                              "--registry", str(PORTAL / "counties.csv")])
    assert result.exit_code == 0, result.output
    ep, kw = calls[0]
    assert ep == "flows/backfill.py:backfill"
    assert (kw["years"], kw["province"], kw["db"], kw["proxy"], kw["resume_run_id"]) == (
        "2019-2023", "山西省", str(db.resolve()), proxy_url, "r1")

    served: list[tuple[Any, ...]] = []
    real_load = runs.load_entrypoint

    def fake_load(entrypoint: str) -> Any:
        fn = real_load(entrypoint)  # the real module (for DEFAULT_CRONS), a fake serve_all
        fake = lambda *a: served.append(a)  # noqa: E731
        fake.__module__ = fn.__module__
        return fake

    monkeypatch.setattr(runs, "load_entrypoint", fake_load)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "WARNING")  # what `schedule` would set for the session
    registry = str(PORTAL / "counties.csv")
    result = CliRunner().invoke(cli.app, ["schedule", "--db", "wh.duckdb", "--cron", "0 5 * * *", "--registry",
                                          registry, "--notify", "http://127.0.0.1:9/hook"])
    assert result.exit_code == 0, result.output
    params, crons, tz, _limit, _slots, notify, blocks = served[0]
    assert params == {"db": str(db.resolve()), "registry": registry} and crons == ["0 5 * * *"]
    assert tz == "Asia/Shanghai" and notify == ["http://127.0.0.1:9/hook"] and blocks == []
    CliRunner().invoke(cli.app, ["schedule", "--registry", registry])
    assert served[1][1] == ["0 6 * 5-12 1", "0 6 * 1-4 1,3,5"]
    result = CliRunner().invoke(cli.app, ["schedule"])  # a schedule without a registry would fail every run
    assert result.exit_code == 2 and "no county registry given" in result.output and len(served) == 2
