"""Portals the discovery code was not written on (tests/fixtures/families: five CMS families, 17 counties, 74
reports), harvested end to end with the CMS-family adapters OFF: the generic path alone, through the replay
portal over real HTTP, into a real DuckDB warehouse, scored by `countyreports eval` against the families' gold.

Must: discovery precision and recall ≥ 0.97; a first harvest ≤ 15 requests per county; an unchanged re-run
≤ 1.2 requests per county (issue 15)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from countyreports import pipeline
from countyreports.settings import Settings

FAMILIES = Path(__file__).resolve().parents[1] / "fixtures" / "families"


@pytest.fixture(scope="module")
def families_replay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from countyreports.portal.server import ReplayServer

    with ReplayServer(FAMILIES, epoch=1, log=tmp_path_factory.mktemp("families") / "requests.jsonl") as server:
        yield server


@pytest.fixture(scope="module")
def harvested(families_replay, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    db = tmp_path_factory.mktemp("families_wh") / "families.duckdb"
    settings = Settings(db=str(db), registry=str(FAMILIES / "counties.csv"), proxy=families_replay.url,
                        min_delay_s=0.0, workers=8, adapters=False)
    first = pipeline.harvest(settings)[1]
    again = pipeline.harvest(settings)[1]
    return db, first, again


def test_generic_path_finds_the_families_reports(harvested) -> None:
    db, first, _ = harvested
    res = subprocess.run([sys.executable, "-m", "countyreports.cli", "eval", "--snapshot", str(FAMILIES), "--db",
                          str(db), "--epoch", "1", "--json"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    ev = json.loads(res.stdout[res.stdout.find("{"):])
    prf = ev["discovery"]["prf"]
    assert prf["precision"] >= 0.97 and prf["recall"] >= 0.97, ev["discovery"]
    assert first["counties_total"] == 17 and first["counties_ok"] == 17


def test_requests_per_county_first_harvest_and_unchanged_rerun(harvested) -> None:
    _db, first, again = harvested
    assert first["requests"] / first["counties_total"] <= 15
    assert again["requests"] / again["counties_total"] <= 1.2, again
    assert again["new_reports"] == 0 and again["new_versions"] == 0


def test_dateless_article_pages_take_the_list_row_s_date(harvested) -> None:
    db, _, _ = harvested
    gold = [json.loads(line) for line in (FAMILIES / "gold" / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    dateless = {r["report_id"]: r["published"] for r in gold if not r["date_on_page"]}
    with duckdb.connect(str(db), read_only=True) as con:
        got = dict(con.execute("SELECT report_id, strftime(published_date, '%Y-%m-%d') FROM reports").fetchall())
    assert dateless and {k: got.get(k) for k in dateless} == dateless
