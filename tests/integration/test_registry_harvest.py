"""Harvest meets the registry: bad rows are skipped before any request and recorded; rows outside the
national list pass only with allow_unlisted; a portal carrying another county's 网站标识码 is not loaded as
this county's (the identity check)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from countyreports import pipeline
from countyreports.settings import Settings
from portal_fixture import gold_reports

HEADER = "adcode,province,prefecture,county,homepage\n"
SEED = "141029,山西省,临汾市,乡宁县,http://www.xiangning.gov.cn/\n"
# an invented code (like replicate.py's) pointing at 乡宁县's real portal
UNLISTED = "941029,山西省,临汾市,乡宁县副本,http://www.xiangning.gov.cn/\n"
BAD = "14102X,山西省,临汾市,坏行,http://example.gov.cn/\n"


def _harvest(tmp_path: Path, proxy: str, allow: bool) -> Path:
    reg = tmp_path / "registry.csv"
    reg.write_text(HEADER + SEED + UNLISTED + BAD, encoding="utf-8")
    db = tmp_path / "wh.duckdb"
    pipeline.harvest(Settings(db=str(db), registry=str(reg), proxy=proxy, min_delay_s=0.0, workers=4,
                              allow_unlisted=allow))
    return db


def test_bad_and_unlisted_rows_skipped_and_recorded(tmp_path: Path, replay_epoch1) -> None:
    db = _harvest(tmp_path, replay_epoch1.url, allow=False)
    con = duckdb.connect(str(db), read_only=True)
    (errors,) = con.execute("SELECT registry_errors FROM runs").fetchone()
    assert any(e.startswith("line 3:") and "941029" in e for e in errors)
    assert any(e.startswith("line 4:") for e in errors)
    assert [r[0] for r in con.execute("SELECT adcode FROM county_runs").fetchall()] == ["141029"]
    crawled_hosts = {r[0] for r in con.execute("SELECT DISTINCT url FROM fetches").fetchall()}
    assert not any("example.gov.cn" in u for u in crawled_hosts)
    want = {r["report_id"] for r in gold_reports() if r["adcode"] == "141029" and 1 in r["epochs"]}
    got = {r[0] for r in con.execute("SELECT report_id FROM reports").fetchall()}
    assert got == want


def test_unlisted_allowed_but_foreign_portal_not_loaded(tmp_path: Path, replay_epoch1) -> None:
    db = _harvest(tmp_path, replay_epoch1.url, allow=True)
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT adcode, warnings FROM county_runs").fetchall())
    assert set(rows) == {"141029", "941029"}
    # the copy reaches 乡宁县's portal, whose site code 1410290008 belongs to 141029: nothing is loaded as 941029
    assert con.execute("SELECT count(*) FROM reports WHERE adcode = '941029'").fetchone()[0] == 0
    assert any("1410290008" in w or "141029" in w for w in rows["941029"])
    (errors,) = con.execute("SELECT registry_errors FROM runs").fetchone()
    assert [e for e in errors if e.startswith("line 4:")] and not [e for e in errors if e.startswith("line 3:")]


def test_national_registry_through_the_replay_portal_records_every_county(tmp_path: Path, replay_epoch1) -> None:
    """`--registry national` for one province through the replay portal, which holds none of those hosts but two:
    every county gets an outcome; http answers 404, https through the proxy ends at once as a recorded failure
    (the proxy refuses CONNECT), without retries. 乡宁县's host is the snapshot's 乡宁县; 平定县's, www.pd.gov.cn, is
    the snapshot's 郫都区 (510117): its reports carry 郫都区's 网站标识码 and are not loaded as 平定县's."""
    db = tmp_path / "national.duckdb"
    counters = pipeline.harvest(Settings(db=str(db), registry="national", proxy=replay_epoch1.url,
                                         min_delay_s=0.0, workers=16), province="山西省")[1]
    con = duckdb.connect(str(db), read_only=True)
    outcomes = dict(con.execute("SELECT adcode, outcome FROM county_runs").fetchall())
    assert counters["counties_total"] == len(outcomes) == 117  # 山西省: every division has a homepage
    assert outcomes["141029"] == "ok"  # 乡宁县: the one host the snapshot holds
    errors = [r[0] for r in con.execute("SELECT error FROM fetches WHERE url LIKE 'https://%'").fetchall()]
    assert errors and set(errors) == {"proxy-refused"} and counters["retries"] == 0
    assert outcomes["140321"] == "empty"
    (warnings,) = con.execute("SELECT warnings FROM county_runs WHERE adcode = '140321'").fetchone()
    assert any(w.startswith("homepage identity: site code 5101170") and "郫都区" in w for w in warnings)
    assert con.execute("SELECT count(*) FROM reports WHERE adcode = '140321'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM county_runs WHERE outcome = 'failed' AND error LIKE "
                       "'homepage unreadable%'").fetchone()[0] == 115
