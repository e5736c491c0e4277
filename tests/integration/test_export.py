"""Parquet export: every core view and mart round-trips (row counts read back with pyarrow, DuckDB and pandas
equal the warehouse's), partitioned by province and report_year; the busy message points to the export."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from countyreports.cli import app
from countyreports.errors import TerminalError, WarehouseBusy
from countyreports.warehouse.export import connect_export, export_relations, export_warehouse
from countyreports.warehouse.reader import open_readonly


@pytest.fixture(scope="module")
def exported(warehouse_e2: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "export"
    res = CliRunner().invoke(app, ["export", "--db", str(warehouse_e2), "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out


def _warehouse_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {n: con.execute(f"SELECT count(*) FROM {n}").fetchall()[0][0] for n in export_relations()}
    finally:
        con.close()


def test_every_core_view_and_mart_exported(exported: Path) -> None:
    names = {p.stem for p in (Path(__file__).parents[2] / "sql").glob("core/*.sql")}
    names |= {p.stem for p in (Path(__file__).parents[2] / "sql").glob("marts/*.sql")}
    manifest = json.loads((exported / "manifest.json").read_text(encoding="utf-8"))
    assert names <= {r["name"] for r in manifest["relations"]}
    assert not list(exported.parent.glob(".export.tmp-*"))  # swapped in, nothing left behind


def test_round_trip_counts_pyarrow_duckdb_pandas(exported: Path, warehouse_e2: Path) -> None:
    want = _warehouse_counts(warehouse_e2)
    assert want["compare_indicators"] > 100 and want["mart_coverage"] > 0
    got_pa = {n: ds.dataset(exported / n, format="parquet", partitioning="hive").count_rows() for n in want}
    assert got_pa == want
    con = connect_export(exported)
    got_duck = {n: con.execute(f"SELECT count(*) FROM {n}").fetchall()[0][0] for n in want}
    assert got_duck == want
    pd = pytest.importorskip("pandas")
    assert len(pd.read_parquet(exported / "compare_indicators")) == want["compare_indicators"]


def test_partitioned_by_province_and_year(exported: Path, warehouse_e2: Path) -> None:
    parts = {p.parent.relative_to(exported / "compare_indicators").as_posix()
             for p in (exported / "compare_indicators").rglob("*.parquet")}
    assert parts and all(p.startswith("province=") and "/report_year=" in p for p in parts)
    assert (exported / "core_counties" / "data.parquet").is_file()  # no report_year: one file
    tbl = ds.dataset(exported / "compare_indicators", format="parquet", partitioning="hive").to_table()
    con = duckdb.connect(str(warehouse_e2), read_only=True)
    want = sorted(con.execute("SELECT province, report_year, indicator_code, value FROM compare_indicators "
                              "WHERE adcode = '141029'").fetchall())
    con.close()
    rows = [r for r in tbl.to_pylist() if r["adcode"] == "141029"]
    assert sorted((r["province"], r["report_year"], r["indicator_code"], r["value"]) for r in rows) == want
    # connect_export restores the warehouse's column order and types
    exp = connect_export(exported)
    wh = duckdb.connect(str(warehouse_e2), read_only=True)
    assert exp.execute("DESCRIBE compare_indicators").fetchall() == wh.execute(
        "DESCRIBE compare_indicators").fetchall()
    wh.close()


def test_export_sql_command(exported: Path) -> None:
    res = CliRunner().invoke(app, ["export-sql", "SELECT count(*) AS n FROM mart_coverage", "--dir", str(exported),
                                   "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0] == "n"


def test_refuses_to_replace_a_foreign_folder(warehouse_e1: Path, tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(TerminalError, match="not a countyreports export"):
        export_warehouse(warehouse_e1, tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_busy_message_points_to_the_export(warehouse_e1: Path, tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    db.write_bytes(warehouse_e1.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        t0 = time.monotonic()
        with pytest.raises(WarehouseBusy) as exc:
            open_readonly(db, wait_s=0.5)
        assert time.monotonic() - t0 < 10
        msg = str(exc.value)
        assert "countyreports export" in msg and "export-sql" in msg and "read_parquet" in msg
    finally:
        holder.kill()
        holder.wait()
