"""End to end: harvest counties through the replay portal over real HTTP into a real DuckDB file.

Expected values come from the snapshot's gold (tests/fixtures/portal/gold), never from our own output.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from countyreports import pipeline
from countyreports.settings import Settings
from portal_fixture import gold_reports

# one county per CMS family, plus the seed report's county and a GBK site
COUNTIES = ["141029", "411628", "141024", "140830"]


def _gold(adcodes: list[str], epoch: int) -> dict[str, dict]:
    return {r["report_id"]: r for r in gold_reports() if r["adcode"] in adcodes and epoch in r["epochs"]}


@pytest.fixture(scope="module")
def harvested(replay_epoch1, tmp_path_factory, portal_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("wh") / "e2e.duckdb"
    settings = Settings(db=str(db), registry=str(portal_dir / "counties.csv"), proxy=replay_epoch1.url,
                        min_delay_s=0.0, workers=4)
    pipeline.harvest(settings, adcodes=COUNTIES)
    return db


def test_reports_match_gold_ids(harvested: Path) -> None:
    gold = _gold(COUNTIES, 1)
    con = duckdb.connect(str(harvested), read_only=True)
    got = {r[0] for r in con.execute("SELECT report_id FROM reports WHERE status = 'active'").fetchall()}
    assert got == set(gold)


def test_seed_report_rows(harvested: Path) -> None:
    g = next(r for r in gold_reports() if r["report_id"] == "141029-2023")
    con = duckdb.connect(str(harvested), read_only=True)
    row = con.execute("SELECT report_year, published_date, version, title, url FROM reports "
                      "WHERE report_id = '141029-2023'").fetchone()
    assert row[0] == 2023
    assert str(row[1]) == g["published"]
    assert row[2] == 1
    assert row[3] == g["title"]
    assert row[4] == g["url"]
    got = sorted((c, round(v, 2)) for c, v in con.execute(
        "SELECT code, value FROM indicators i JOIN reports r USING (report_id, version) "
        "WHERE report_id = '141029-2023' AND i.value_kind = 'value'").fetchall())  # (a stated change is no value)
    want = sorted((i["code"], round(float(i["value"]), 2)) for i in g["indicators"] if i["recoverable"])
    assert got == want
    paths = {p for (p,) in con.execute(
        "SELECT path FROM sections WHERE report_id = '141029-2023' AND path <> ''").fetchall()}
    assert paths == {s["path"] for s in g["sections"]}


def test_every_fetch_logged_and_runs_recorded(harvested: Path) -> None:
    con = duckdb.connect(str(harvested), read_only=True)
    n_fetch = con.execute("SELECT count(*) FROM fetches").fetchone()[0]
    run = con.execute("SELECT counties_total, counties_ok, requests, new_reports FROM runs").fetchall()
    assert len(run) == 1
    total, ok, requests, new = run[0]
    assert total == len(COUNTIES) and ok == len(COUNTIES)
    assert requests >= n_fetch > 0
    assert new == len(_gold(COUNTIES, 1))


def test_compare_view_has_litigation_rows(harvested: Path) -> None:
    con = duckdb.connect(str(harvested), read_only=True)
    rows = con.execute("SELECT county, report_year, value FROM compare_indicators "
                       "WHERE indicator_code = 'admin_litigation_cases' AND adcode = '141029'").fetchall()
    gold = {}
    for r in _gold(["141029"], 1).values():
        vals = [i for i in r["indicators"] if i["code"] == "admin_litigation_cases" and i["recoverable"]]
        if vals:
            exact = [i for i in vals if not i["approx"]]
            gold[r["report_year"]] = float((exact or vals)[0]["value"])
    assert gold, "the seed county states litigation cases in at least one report"
    assert {y: v for _c, y, v in rows} == gold
