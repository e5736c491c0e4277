"""`countyreports export --format csv|xlsx|dta`: each file read back by the reader a researcher uses — the CSV's
byte-order mark and Chinese text (csv module, pandas), the workbook with openpyxl, the Stata files with
pyreadstat and their variable and value labels — equal to the warehouse's rows; Parquet stays the default."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pyreadstat
import pytest
from typer.testing import CliRunner

from countyreports.cli import app
from countyreports.warehouse.formats import default_relations
from countyreports.warehouse.stata import stata_name

MARTS = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "sql" / "marts").glob("*.sql"))
# the documented values of mart_coverage.coverage_status (docs/dictionary.md), in the documented order
COVERAGE = ["loaded", "withdrawn", "portal_failed", "not_crawled", "missing"]


def _export(db: Path, out: Path, *args: str) -> None:
    res = CliRunner().invoke(app, ["export", "--db", str(db), "--out", str(out), *args])
    assert res.exit_code == 0, res.output


def _query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def out(warehouse_e2: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("formats")
    for fmt in ("csv", "xlsx", "dta"):
        _export(warehouse_e2, base / fmt, "--format", fmt)
    return base


def test_default_relations_are_the_marts() -> None:
    assert sorted(default_relations()) == MARTS


def test_csv_has_a_bom_and_the_chinese_text(out: Path, warehouse_e2: Path) -> None:
    for name in MARTS:
        raw = (out / "csv" / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert len(rows) - 1 == _query(warehouse_e2, f"SELECT count(*) FROM {name}")[0][0], name
    text = (out / "csv" / "mart_admin_disputes.csv").read_bytes().decode("utf-8-sig")
    got = {(r["adcode"], r["county"], r["province"]) for r in csv.DictReader(io.StringIO(text))}
    assert got == set(_query(warehouse_e2, "SELECT adcode, county, province FROM mart_admin_disputes"))
    assert any("县" in c for _a, c, _p in got)
    frame = pd.read_csv(out / "csv" / "mart_coverage.csv", encoding="utf-8-sig", dtype={"adcode": str})
    assert list(frame.columns)[:4] == ["province", "prefecture", "adcode", "county"]  # no BOM in the first name


def test_csv_nested_columns_are_json(out: Path, warehouse_e2: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((out / "csv" / "mart_report_changes.csv").read_text("utf-8-sig"))))
    want = dict(_query(warehouse_e2, "SELECT report_id, changed_indicators FROM mart_report_changes"))
    assert rows and {r["report_id"] for r in rows} == set(want)
    for r in rows:
        assert json.loads(r["changed_indicators"]) == want[r["report_id"]]


def test_xlsx_one_sheet_per_mart_and_a_dictionary(out: Path, warehouse_e2: Path) -> None:
    wb = openpyxl.load_workbook(out / "xlsx" / "countyreports.xlsx", read_only=True)
    assert sorted(wb.sheetnames) == sorted([*MARTS, "dictionary"])
    ws = wb["mart_report_timeliness"]
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    got = {(r[header.index("report_id")], r[header.index("title")], r[header.index("published_date")])
           for r in ws.iter_rows(min_row=2, values_only=True)}
    want = {(rid, title, dt.datetime.combine(d, dt.time()) if d else None)
            for rid, title, d in _query(warehouse_e2, "SELECT report_id, title, published_date "
                                                      "FROM mart_report_timeliness")}
    assert got == want and any("法治政府" in t for _r, t, _d in got)
    rows = list(wb["dictionary"].iter_rows(min_row=2, values_only=True))
    meaning = {(r[0], r[1]): r[3] for r in rows}
    assert "loaded | withdrawn" in meaning[("mart_coverage", "coverage_status")]
    assert all((name, "") in meaning or (name, None) in meaning for name in MARTS)  # the grain row


def test_dta_reads_back_with_labels(out: Path, warehouse_e2: Path) -> None:
    assert (out / "dta" / "mart_coverage.dta").read_bytes()[:40].startswith(b"<stata_dta><header><release>118")
    frame, meta = pyreadstat.read_dta(str(out / "dta" / "mart_coverage.dta"))
    assert meta.variable_value_labels["coverage_status"] == {i + 1: v for i, v in enumerate(COVERAGE)}
    assert meta.variable_value_labels["is_loaded"] == {0: "no", 1: "yes"}
    assert meta.column_names_to_labels["province"].startswith("province-level division (e.g. 山西省)")
    back = {(a, c, COVERAGE[int(s) - 1]) for a, c, s in zip(frame["adcode"], frame["county"],
                                                            frame["coverage_status"], strict=True)}
    assert back == set(_query(warehouse_e2, "SELECT adcode, county, coverage_status FROM mart_coverage"))
    frame, meta = pyreadstat.read_dta(str(out / "dta" / "mart_indicator_matrix.dta"))
    assert meta.column_names_to_labels["admin_litigation_cases"].startswith("行政诉讼（应诉）案件")
    labelled, _meta = pyreadstat.read_dta(str(out / "dta" / "mart_coverage.dta"), apply_value_formats=True)
    assert set(labelled["coverage_status"]) <= set(COVERAGE)


def test_dta_long_names_are_shortened_with_the_full_name_in_the_label(out: Path) -> None:
    _frame, meta = pyreadstat.read_dta(str(out / "dta" / "mart_admin_disputes.dta"))
    long = "reconsideration_correction_rate_pct"
    assert long not in meta.column_names and stata_name(long) in meta.column_names
    assert all(len(n) <= 32 for n in meta.column_names)
    assert meta.column_names_to_labels[stata_name(long)].startswith(long + ": ")


def test_stata_name_rule() -> None:
    assert stata_name("county") == "county"
    assert stata_name("reconsideration_correction_rate_pct") == "rcnsdrtn_correction_rate_pct"
    assert len(stata_name("a_very_long_column_name_that_keeps_going_and_going_on")) <= 32
    assert stata_name("in") == "in_"


def test_relations_option_and_refusals(warehouse_e2: Path, tmp_path: Path) -> None:
    _export(warehouse_e2, tmp_path / "two", "--format", "csv", "--relations", "mart_coverage,core_counties")
    assert sorted(p.name for p in (tmp_path / "two").glob("*.csv")) == ["core_counties.csv", "mart_coverage.csv"]
    res = CliRunner().invoke(app, ["export", "--db", str(warehouse_e2), "--out", str(tmp_path / "bad"),
                                   "--format", "csv", "--relations", "reports"])
    assert res.exit_code == 2 and "not an exported relation" in res.output
    assert not (tmp_path / "bad").exists()
    res = CliRunner().invoke(app, ["export", "--db", str(warehouse_e2), "--out", str(tmp_path / "x"),
                                   "--format", "sav"])
    assert res.exit_code != 0
