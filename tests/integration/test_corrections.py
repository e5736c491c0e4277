"""What a correction changed, on the whole bundled snapshot harvested at epoch 1 and then at epoch 2 through the
replay portal: mart_report_changes lists exactly the gold's corrected reports (gold/epochs.json `corrected`), and
for each exactly the indicator values that differ between the two epochs (the gold also lists values that stayed
the same: those are not changes); `countyreports diff` prints them with the changed sentences side by side;
`countyreports show` prints a report's gold metadata, outline and indicators."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from countyreports import pipeline
from countyreports.cli import app
from countyreports.settings import Settings
from portal_fixture import gold_json, gold_report, gold_reports

CORRECTED = gold_json("epochs")["corrected"]


@pytest.fixture(scope="module")
def snapshot_e2(tmp_path_factory: pytest.TempPathFactory, replay_epoch1, replay_epoch2, portal_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("corrections") / "e2.duckdb"
    for server in (replay_epoch1, replay_epoch2):
        settings = Settings(db=str(db), registry=str(portal_dir / "counties.csv"), proxy=server.url,
                            min_delay_s=0.0, workers=16)
        pipeline.harvest(settings)
    return db


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_mart_lists_exactly_the_corrected_reports(snapshot_e2: Path) -> None:
    rows = _rows(snapshot_e2, "SELECT report_id, version, previous_version FROM mart_report_changes")
    assert sorted(rows) == sorted((c["report_id"], 2, 1) for c in CORRECTED)


def test_mart_lists_the_values_that_differ(snapshot_e2: Path) -> None:
    got = {rid: {(c["indicator_code"], c["previous_value"], c["value"]) for c in changed}
           for rid, changed in _rows(snapshot_e2, "SELECT report_id, changed_indicators FROM mart_report_changes")}
    want = {c["report_id"]: {(x["code"], float(x["epoch1"]), float(x["epoch2"])) for x in c["changed"]
                             if x["epoch1"] != x["epoch2"]} for c in CORRECTED}
    assert got == want
    assert any(len(c["changed"]) > len(want[c["report_id"]]) for c in CORRECTED)  # the gold's unchanged values


def test_mart_text_change_is_small_and_in_place(snapshot_e2: Path) -> None:
    for rid, dist, added, removed, reworded, sec_added, sec_removed in _rows(
            snapshot_e2, "SELECT report_id, text_edit_distance, sentences_added_count, sentences_removed_count, "
                         "sections_reworded, sections_added, sections_removed FROM mart_report_changes"):
        n = len(next(c for c in CORRECTED if c["report_id"] == rid)["changed"])
        assert 0 < dist <= 10 * n  # a few digits per corrected figure
        assert added == removed and 0 < added <= n  # sentences re-worded in place
        assert reworded and not sec_added and not sec_removed


def test_diff_prints_values_and_sentences(snapshot_e2: Path) -> None:
    for c in CORRECTED:
        adcode, year = c["report_id"].split("-")
        res = CliRunner().invoke(app, ["diff", adcode, year, "--db", str(snapshot_e2)], env={"COLUMNS": "200"})
        assert res.exit_code == 0, res.output
        for x in c["changed"]:
            line = next((ln for ln in res.output.splitlines() if f" {x['code']} " in ln), None)
            if x["epoch1"] == x["epoch2"]:
                assert line is None, x
            else:
                assert line is not None and f"{x['epoch1']:g}" in line and f"{x['epoch2']:g}" in line, x
        assert "sentences changed" in res.output


def test_diff_refuses_what_is_not_there(snapshot_e2: Path) -> None:
    runner = CliRunner()
    one = runner.invoke(app, ["diff", "141024", "2023", "--db", str(snapshot_e2)])
    assert one.exit_code == 2 and "one version only" in one.output
    adcode, year = CORRECTED[0]["report_id"].split("-")
    bad = runner.invoke(app, ["diff", adcode, year, "--from", "2", "--to", "2", "--db", str(snapshot_e2)])
    assert bad.exit_code == 2 and "earlier version" in bad.output
    gone = runner.invoke(app, ["diff", adcode, year, "--to", "7", "--db", str(snapshot_e2)])
    assert gone.exit_code == 2 and "no version 7" in gone.output


def test_show_prints_metadata_outline_and_indicators(snapshot_e2: Path) -> None:
    gold = gold_report("141024-2023")
    res = CliRunner().invoke(app, ["show", gold["county"], "--year", "2023", "--db", str(snapshot_e2)],
                             env={"COLUMNS": "250"})
    assert res.exit_code == 0, res.output
    out = res.output
    for value in (gold["report_id"], gold["title"], gold["url"], gold["published"], gold["signed"]):
        assert value in out, value
    for s in gold["sections"]:
        if s["level"] == 1:
            line = next(ln for ln in out.splitlines() if s["title"] in ln)
            assert s["kind"] in line, s
    rows = {ln.split("│")[1].strip(): ln for ln in out.splitlines() if ln.count("│") >= 6}
    stored = dict(_rows(snapshot_e2, "SELECT indicator_code, value FROM core_indicator_values "
                                     "WHERE report_id = '141024-2023'"))
    assert set(stored) <= set(rows)  # every code the warehouse holds for the report is listed
    read_right = [i for i in gold["indicators"] if stored.get(i["code"]) == float(i["value"])]
    assert len(read_right) >= len(gold["indicators"]) // 2
    for i in read_right:  # with the gold's value and its sentence
        assert f"{float(i['value']):g}" in rows[i["code"]], i
        assert i["surface"][:4] in out, i


def test_show_by_code_and_ambiguity(snapshot_e2: Path) -> None:
    runner = CliRunner()
    by_code = runner.invoke(app, ["show", "141024", "--db", str(snapshot_e2)], env={"COLUMNS": "250"})
    assert by_code.exit_code == 0 and "洪洞县" in by_code.output
    latest = max(r["report_year"] for r in gold_reports() if r["adcode"] == "141024" and 2 in r["epochs"])
    assert f"141024-{latest}" in by_code.output
    none = runner.invoke(app, ["show", "不存在县", "--db", str(snapshot_e2)])
    assert none.exit_code == 2 and "no county" in none.output
    no_year = runner.invoke(app, ["show", "141024", "--year", "2001", "--db", str(snapshot_e2)])
    assert no_year.exit_code == 2 and "report years" in no_year.output
