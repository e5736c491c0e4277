"""The SQL layers on harvested warehouses: every assertion in sql/tests returns zero rows, and the marts say
what the snapshot's gold says (coverage, withdrawal, corrections, the one-value-per-code rule)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from countyreports.warehouse.checks import assertion_files, run_checks
from countyreports.cli import app
from countyreports.warehouse.writer import Warehouse
from portal_fixture import gold_reports


def _gold(epoch: int, db: Path) -> dict[str, dict]:
    adcodes = {a for (a,) in _rows(db, "SELECT adcode FROM core_counties")}
    return {r["report_id"]: r for r in gold_reports() if r["adcode"] in adcodes and epoch in r["epochs"]}


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_there_are_assertions() -> None:
    assert len(assertion_files()) >= 10


@pytest.mark.parametrize("which", ["warehouse_e1", "warehouse_e2"])
def test_assertions_return_zero_rows(which: str, request: pytest.FixtureRequest) -> None:
    db = request.getfixturevalue(which)
    failed = {r.name: r.sample for r in run_checks(db) if not r.ok}
    assert failed == {}


def test_check_command_passes(warehouse_e1: Path) -> None:
    res = CliRunner().invoke(app, ["check", "--db", str(warehouse_e1)])
    assert res.exit_code == 0, res.output
    assert "assert_indicator_codes_known" in res.output


def test_assertions_catch_bad_rows(tmp_path: Path) -> None:
    """Each kind of damage makes the assertion meant for it return rows (the checks can fail)."""
    db = tmp_path / "bad.duckdb"
    with Warehouse(db) as wh:
        con = wh.con
        con.execute("INSERT INTO reports (report_id, adcode, county, province, report_year, url, version, "
                    "content_sha256, clean_text, status) VALUES ('100001-2023', '100001', 'X县', 'Y省', 2023, "
                    "'http://x/1', 1, 'h', '共办理行政诉讼案件12件。', 'active')")
        con.execute("INSERT INTO report_versions (report_id, version, content_sha256, clean_text) "
                    "VALUES ('100001-2023', 1, 'h', '共办理行政诉讼案件12件。')")
        con.execute("INSERT INTO sections VALUES ('100001-2023', 1, 0, '', 0, NULL, NULL, '', '', 0, 13), "
                    "('100001-2023', 1, 1, '一（一）', 1, 'measures_results', NULL, 't', '', 0, 13)")
        con.execute("INSERT INTO indicators VALUES "
                    "('100001-2023', 1, 0, 'made_up_code', 12, 'count', false, NULL, '', '诉讼案件12件', "
                    "'共办理行政诉讼案件12件。', 7, 14, 'value', ['litig:诉讼案件', 'measure:件'], NULL), "
                    "('100001-2023', 1, 1, 'admin_litigation_loss_rate', 150, 'percent', false, NULL, 'nope', "
                    "'12件', '共办理行政诉讼案件12件。', 0, 3, 'value', ['measure:%'], NULL)")
    failing = {r.name for r in run_checks(db) if not r.ok}
    assert {"assert_indicator_codes_known", "assert_indicator_values_in_range",
            "assert_indicator_surface_in_text", "assert_indicator_section_exists",
            "assert_sections_paths_well_formed"} <= failing


def test_stated_changes_stay_out_of_the_one_value_views(warehouse_e1: Path) -> None:
    """A stated change (value_kind 'change': 净增市场主体达10001户) is a mention of its code, signed, with the cues
    that decided it — and never the report's value of the code."""
    changes = _rows(warehouse_e1, "SELECT report_id, indicator_code, value, cues FROM core_indicator_mentions "
                                  "WHERE value_kind = 'change'")
    assert ("141029-2023", "market_entities_total", 10001.0) in [c[:3] for c in changes]
    assert all(c[3] and c[3][-1].startswith("measure:") for c in changes)
    leaked = _rows(warehouse_e1, "SELECT count(*) FROM core_indicator_values v JOIN core_indicator_mentions m "
                                 "ON m.report_id = v.report_id AND m.indicator_code = v.indicator_code "
                                 "AND m.char_start = v.char_start WHERE m.value_kind = 'change'")
    assert leaked == [(0,)]
    kinds = _rows(warehouse_e1, "SELECT DISTINCT value_kind FROM core_indicator_mentions ORDER BY 1")
    assert kinds == [("change",), ("value",)]


def test_compare_indicators_contract(warehouse_e1: Path) -> None:
    cols = [r[0] for r in _rows(warehouse_e1, "DESCRIBE compare_indicators")]
    for c in ("province", "prefecture", "adcode", "county", "report_year", "indicator_code", "value", "unit",
              "is_approx", "url", "surface", "sentence"):
        assert c in cols


def test_one_value_rule_matches_gold(warehouse_e1: Path) -> None:
    """The documented rule: first exact mention in document order, else the first approximate one."""
    want = {}
    for rid, r in _gold(1, warehouse_e1).items():
        by_code: dict[str, list[dict]] = {}
        for i in r["indicators"]:
            if i["recoverable"]:
                by_code.setdefault(i["code"], []).append(i)
        for code, ms in by_code.items():
            exact = [m for m in ms if not m["approx"]]
            want[(rid, code)] = round(float((exact or ms)[0]["value"]), 2)
    got = {(rid, code): round(v, 2) for rid, code, v in _rows(
        warehouse_e1, "SELECT report_id, indicator_code, value FROM core_indicator_values")}
    agree = sum(1 for k, v in want.items() if got.get(k) == v)
    assert agree / len(want) >= 0.9, f"{agree}/{len(want)} cells agree with gold"


def test_coverage_statuses(warehouse_e1: Path, warehouse_e2: Path, warehouse_counties: list[str]) -> None:
    e1 = dict(((a, y), s) for a, y, s in _rows(warehouse_e1, "SELECT adcode, report_year, coverage_status "
                                                             "FROM mart_coverage"))
    assert {s for (a, _y), s in e1.items() if a == "130427"} == {"portal_failed"}  # dead host in epoch 1
    gold1 = _gold(1, warehouse_e1)
    loaded = {f"{a}-{y}" for (a, y), s in e1.items() if s == "loaded"}
    assert loaded == {rid for rid in gold1 if not rid.startswith("130427")}
    assert {a for (a, _y) in e1} == set(warehouse_counties)
    assert len(e1) == len(warehouse_counties) * len({y for (_a, y) in e1})
    e2 = dict(((a, y), s) for a, y, s in _rows(warehouse_e2, "SELECT adcode, report_year, coverage_status "
                                                             "FROM mart_coverage"))
    assert e2[("441422", 2019)] == "withdrawn"
    assert max(y for (_a, y) in e2) == 2024
    assert "portal_failed" not in e2.values()  # 磁县 answers in epoch 2


def test_corrected_report_is_version_2(warehouse_e2: Path) -> None:
    rows = _rows(warehouse_e2, "SELECT version, version_count FROM core_reports WHERE report_id = '513423-2023'")
    assert rows == [(2, 2)]
    val = _rows(warehouse_e2, "SELECT value FROM compare_indicators WHERE report_id = '513423-2023' "
                              "AND indicator_code = 'admin_litigation_loss_rate'")
    assert val == [(0.5,)]  # the corrected figure (epoch 1 said 0)


def test_disputes_and_timeliness_marts(warehouse_e1: Path) -> None:
    gold = _gold(1, warehouse_e1)
    pub = dict(_rows(warehouse_e1, "SELECT report_id, published_date FROM mart_report_timeliness"))
    for rid, d in pub.items():
        assert str(d) == gold[rid]["published"]
    late = _rows(warehouse_e1, "SELECT report_id, days_late FROM mart_report_timeliness WHERE days_late > 0")
    import datetime as dt
    for rid, days in late:
        y = int(rid.split("-")[1])
        assert (dt.date.fromisoformat(gold[rid]["published"]) - dt.date(y + 1, 3, 31)).days == days
    kinds = _rows(warehouse_e1, "SELECT report_id, has_court_judgments, has_next_year_plan "
                                "FROM mart_report_timeliness")
    for rid, court, plan in kinds:
        gk = {s.get("kind") for s in gold[rid]["sections"]} | {s.get("secondary_kind") for s in gold[rid]["sections"]}
        assert court == ("court_judgments" in gk), rid
        assert plan == ("next_year_plan" in gk), rid
    n = _rows(warehouse_e1, "SELECT count(*) FROM mart_admin_disputes WHERE litigation_cases_count IS NOT NULL")
    assert n[0][0] > 0


def test_changes_and_ranks(warehouse_e1: Path) -> None:
    rows = _rows(warehouse_e1, """
        SELECT c.value, c.previous_value, p.value
        FROM mart_indicator_changes AS c
        JOIN compare_indicators AS p ON p.adcode = c.adcode AND p.indicator_code = c.indicator_code
            AND p.report_year = c.report_year - 1""")
    assert rows and all(prev == p for _v, prev, p in rows)
    top = _rows(warehouse_e1, """
        SELECT count(*) FILTER (WHERE province_rank = 1), count(DISTINCT (province, report_year, indicator_code))
        FROM mart_indicator_ranks""")
    assert top[0][0] >= top[0][1]  # every group has a first


def test_coverage_year_range_can_be_set(warehouse_e1: Path) -> None:
    con = duckdb.connect(str(warehouse_e1), read_only=True)
    try:
        con.execute("SET VARIABLE coverage_first_year = 2020")
        con.execute("SET VARIABLE coverage_last_year = 2025")
        years = [r[0] for r in con.execute("SELECT DISTINCT report_year FROM mart_coverage ORDER BY 1").fetchall()]
    finally:
        con.close()
    assert years == list(range(2020, 2026))
