"""Every table the CLI prints is readable in an 80-column terminal (issue 20): no line wider than the terminal,
no value cut to `r…`; a table too wide for it becomes `column  value` blocks. Real `countyreports` processes
with COLUMNS=80 over the session's harvested warehouse."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from rich.cells import cell_len

BIN = Path(sys.executable).parent
PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"
WIDTH = 80


def cli(*args: str, width: int = WIDTH) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNTYREPORTS_")}
    env["COLUMNS"] = str(width)
    done = subprocess.run([str(BIN / "countyreports"), *args], env=env, capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def assert_fits(out: str, width: int = WIDTH) -> None:
    """No line wider than the terminal, no table cell cut short (rich marks a cut with …)."""
    wide = [line for line in out.splitlines() if cell_len(line.rstrip()) > width]
    assert not wide, f"{len(wide)} lines wider than {width}: {wide[:3]}"
    cut = [line for line in out.splitlines() if "…" in line and ("│" in line or "┃" in line)]
    assert not cut and "…" not in out.replace("… (+", ""), cut[:3]  # `eval` ends long lists with "… (+N)"


@pytest.mark.parametrize("args", [
    ("status",),
    ("sql", "SELECT * FROM runs"),
    ("sql", "SELECT * FROM county_runs ORDER BY adcode"),
    ("sql", "SELECT adcode, outcome, requests FROM county_runs ORDER BY adcode"),
    ("check",),
])
def test_warehouse_commands_fit_80_columns(args: tuple[str, ...], warehouse_e1: Path) -> None:
    assert_fits(cli(*args, "--db", str(warehouse_e1)))


def test_export_and_eval_fit_80_columns(warehouse_e1: Path, tmp_path: Path) -> None:
    assert_fits(cli("export", "--db", str(warehouse_e1), "--out", str(tmp_path / "export")))
    assert_fits(cli("eval", "--snapshot", str(PORTAL), "--db", str(warehouse_e1), "--epoch", "1"))


@pytest.mark.parametrize("province", ["山西省", "新疆维吾尔自治区", "云南省"])  # long names, homepages
def test_registry_list_fits_80_columns(province: str) -> None:
    assert_fits(cli("registry", "list", "--province", province))


def test_a_long_homepage_is_folded_not_cut() -> None:
    out = cli("registry", "list", "--province", "山西省")
    assert out.splitlines()[1].startswith("┏")  # still a table, the homepage column folded
    flat = out.replace("\n", "").replace("│", "").replace(" ", "")
    assert "141029山西省临汾市乡宁县县http://www.xiangning.gov.cn/" in flat


def test_status_shows_every_run_and_the_whole_error_of_each_county(warehouse_e1: Path) -> None:
    out = cli("status", "--db", str(warehouse_e1))
    assert_fits(out)
    con = duckdb.connect(str(warehouse_e1), read_only=True)
    runs = [r[0] for r in con.execute("SELECT run_id FROM runs").fetchall()]
    last = con.execute("SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()[0]
    bad = con.execute("SELECT adcode, county, outcome, error FROM county_runs WHERE run_id = ? AND outcome <> 'ok'",
                      [last]).fetchall()
    con.close()
    assert bad, "the warehouse has a county that was not ok (磁县, down in epoch 1)"
    flat = " ".join(line.strip() for line in out.splitlines())
    assert all(r in out for r in runs)
    for adcode, county, outcome, error in bad:
        assert f"{adcode} {county}  {outcome}" in out and error in flat


def test_status_json_has_every_column(warehouse_e1: Path) -> None:
    doc = json.loads(cli("status", "--db", str(warehouse_e1), "--format", "json"))
    con = duckdb.connect(str(warehouse_e1), read_only=True)
    columns = {r[0] for r in con.execute("DESCRIBE runs").fetchall()}
    con.close()
    assert doc["runs"] and columns <= set(doc["runs"][0]) and {"status", "counties_done"} <= set(doc["runs"][0])
    assert {"adcode", "outcome", "error", "column_url"} <= set(doc["counties_not_ok"][0])


def test_a_table_that_fits_stays_a_table(warehouse_e1: Path) -> None:
    out = cli("sql", "SELECT adcode, outcome FROM county_runs ORDER BY adcode LIMIT 3", "--db", str(warehouse_e1))
    assert out.splitlines()[0].startswith("┏") and "adcode" in out.splitlines()[1]
    wide = cli("sql", "SELECT * FROM runs LIMIT 1", "--db", str(warehouse_e1))
    assert not wide.startswith("┏") and any(line.startswith("run_id ") for line in wide.splitlines())
    assert cli("sql", "SELECT * FROM runs LIMIT 1", "--db", str(warehouse_e1), width=400).startswith("┏")
