"""`countyreports registry validate | list | import` through typer's CliRunner."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from countyreports.cli import app
from countyreports.registry.divisions import data_path

PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"
HEADER = "adcode,province,prefecture,county,homepage\n"


@pytest.fixture()
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the default user registry (warehouse/registry.csv) lands in tmp_path
    monkeypatch.delenv("COUNTYREPORTS_REGISTRY", raising=False)
    monkeypatch.delenv("COUNTYREPORTS_DB", raising=False)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)
    return invoke


def data_rows() -> list[dict[str, str]]:
    lines = [ln for ln in data_path().read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines))


def test_validate_snapshot_registry_ok(run):
    r = run("registry", "validate", str(PORTAL / "counties.csv"))
    assert r.exit_code == 0, r.output
    assert "41 rows: 41 good" in r.output


def test_validate_reports_each_bad_row_and_exits_1(run, tmp_path):
    p = tmp_path / "reg.csv"
    p.write_text(HEADER
                 + "141029,山西省,临汾市,乡宁县,http://www.xiangning.gov.cn/\n"  # 2 good
                 + "14102,山西省,临汾市,乡宁县,\n"  # 3 malformed code
                 + "141099,山西省,临汾市,某县,\n"  # 4 unknown code
                 + "141029,山西省,临汾市,乡宁县,\n"  # 5 duplicate
                 + "371122,山东省,日照市,莒南县,\n"  # 6 name/code mismatch
                 + "141023,山西省,临汾市,襄汾县,xiangfen.linfen.gov.cn\n"  # 7 malformed URL
                 + "141024,山西省,临汾市,洪洞县,ftp://hongtong.linfen.gov.cn/\n"  # 8 scheme
                 + "140830,山西省,运城市,芮城县,\n",  # 9 good, no homepage
                 encoding="utf-8")
    r = run("registry", "validate", str(p))
    assert r.exit_code == 1
    out = r.output
    for line, kind in [(3, "malformed_code"), (4, "unknown_code"), (5, "duplicate_code"), (6, "name_mismatch"),
                       (7, "malformed_url"), (8, "bad_scheme")]:
        assert any(f"line {line}:" in ln and f"[{kind}]" in ln for ln in out.splitlines()), (line, kind, out)
    assert "no homepage (1" in out and "140830" in out
    assert "8 rows: 2 good (1 with a homepage, 1 without), 6 bad" in out


@pytest.mark.parametrize("content", [b"\x00\x01\x02binary", "名称,网址\n乡宁县,x\n".encode()])
def test_validate_not_a_registry_exits_2(run, tmp_path, content):
    p = tmp_path / "x.csv"
    p.write_bytes(content)
    r = run("registry", "validate", str(p))
    assert r.exit_code == 2
    assert "not a county registry" in r.output


def test_validate_allow_unlisted(run, tmp_path):
    p = tmp_path / "reg.csv"
    p.write_text(HEADER + "141029,山西省,临汾市,乡宁县,http://www.xiangning.gov.cn/\n"
                 + "900000,山西省,临汾市,乡宁县,http://c001-www.xiangning.gov.cn/\n", encoding="utf-8")
    r = run("registry", "validate", str(p))
    assert r.exit_code == 1 and "unknown_code" in r.output
    r = run("registry", "validate", str(p), "--allow-unlisted")
    assert r.exit_code == 0, r.output
    assert "warning: line 3:" in r.output and "900000" in r.output
    assert "1 outside the national list (allowed)" in r.output


def test_list_province_counts_match_the_data_file(run):
    expected = [r for r in data_rows() if r["province"] == "山西省"]
    r = run("registry", "list", "--province", "山西省", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(r.output.splitlines()))
    assert len(rows) == len(expected) > 0
    assert {x["adcode"] for x in rows} == {x["adcode"] for x in expected}
    assert all(x["province"] == "山西省" for x in rows)
    table = run("registry", "list", "--province", "山西省")
    assert f"山西省: {len(expected)}" in table.output


def test_list_missing_homepage(run):
    """The shipped portal list leaves five divisions without a homepage (its README: 金门县, 西沙区, 南沙区, and
    和康县/和安县, set up after the source)."""
    r = run("registry", "list", "--missing-homepage", "--format", "csv")
    rows = list(csv.DictReader(r.output.splitlines()))
    assert [x["county"] for x in rows] == ["金门县", "西沙区", "南沙区", "和康县", "和安县"]
    assert all(not x["homepage"] for x in rows) and len(data_rows()) == 2845


def test_list_unknown_province(run):
    r = run("registry", "list", "--province", "火星省")
    assert r.exit_code == 2


def test_import_default_out_and_conflicts(run, tmp_path):
    homes = tmp_path / "homes.csv"
    homes.write_text("adcode,homepage\n140105,http://www.xiaodian.gov.cn/\n", encoding="utf-8")
    r = run("registry", "import", str(homes), "--overwrite")  # 小店区 has a homepage in the national list
    assert r.exit_code == 0, r.output
    out = tmp_path / "warehouse" / "registry.csv"
    assert out.exists() and "1 replaced" in r.output
    homes.write_text("adcode,homepage\n140105,http://xiaodian.taiyuan.gov.cn/\n", encoding="utf-8")
    r = run("registry", "import", str(homes), "--out", str(out))
    assert r.exit_code == 1 and "conflict" in r.output and "1 conflicts" in r.output
    r = run("registry", "validate", str(out))
    assert r.exit_code == 0
    r = run("registry", "list", "--province", "山西", "--format", "csv")
    assert "http://www.xiaodian.gov.cn/" in r.output  # homepages of the user registry are shown
