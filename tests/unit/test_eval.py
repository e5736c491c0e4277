"""Tests of the evaluation (countyreports.evaluation.scoring, gold, scores, scorecard: scores against gold) and
countyreports.warehouse.reader."""

from __future__ import annotations

import copy
import json
import random
import re
import subprocess
import sys
import textwrap
import time
import unicodedata
from pathlib import Path

import duckdb
import pytest

from countyreports.errors import SnapshotError, TerminalError, WarehouseBusy
from countyreports.evaluation.scoring import evaluate
from countyreports.warehouse.reader import WarehouseNotFound, open_readonly, query
from countyreports.evaluation.scorecard import check_floors, format_result, metrics, run_eval_cli, to_json
from countyreports.evaluation.scores import (
    _levenshtein_bitparallel,
    edit_distance,
    normalize_text,
    normalize_title,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "portal"
# one report per template; 141024-2018 has 2 unrecoverable mentions and repeated mentions,
# 433123-2023 was corrected in epoch 2 and has a level-1 section with a secondary_kind,
# 411323-2020 has traditional_pinyin + mojibake and 1 unrecoverable mention.
IDS = ("141024-2018", "433123-2023", "411323-2020")

SCHEMA = """
create table reports (
  report_id varchar, adcode varchar, county varchar, province varchar, prefecture varchar,
  report_year integer, title varchar, url varchar, published_date date, issuer varchar,
  version integer, content_sha256 varchar, clean_text varchar, signed_date date,
  noise varchar[], fetched_at timestamp, text_source varchar {status});
create table sections (
  report_id varchar, version integer, path varchar, level integer, kind varchar,
  secondary_kind varchar, title varchar, text varchar);
create table indicators (
  report_id varchar, version integer, code varchar, value double, unit varchar,
  approx boolean, from_value double, section_path varchar, surface varchar, sentence varchar,
  char_start integer, char_end integer, value_kind varchar);
"""


# ------------------------------------------------------------------------------------------
# helpers


def _gold_records() -> dict[str, dict]:
    out = {}
    with (FIXTURE / "gold" / "reports.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["report_id"] in IDS:
                out[rec["report_id"]] = rec
    assert set(out) == set(IDS)
    return out


GOLD = _gold_records()


@pytest.fixture()
def snapshot(tmp_path: Path) -> Path:
    snap = tmp_path / "snap"
    (snap / "gold").mkdir(parents=True)
    with (snap / "gold" / "reports.jsonl").open("w", encoding="utf-8") as fh:
        for rid in IDS:
            fh.write(json.dumps(GOLD[rid], ensure_ascii=False) + "\n")
    return snap


def _recs(epoch: int = 2) -> dict[str, dict]:
    """Warehouse-shaped copies of the gold: the version of ``epoch`` (2 = top-level fields)."""
    out = {}
    for rid, g in GOLD.items():
        rec = copy.deepcopy(g)
        for v in g["versions"]:
            if v["epoch"] == epoch and "clean_text" in v:
                rec["clean_text"] = v["clean_text"]
                rec["indicators"] = copy.deepcopy(v["indicators"])
        rec["indicators"] = [i for i in rec["indicators"] if i["recoverable"]]
        out[rid] = rec
    return out


def _write_db(path: Path, recs: dict[str, dict], *, status: dict[str, str] | None = None,
              version: int = 1) -> Path:
    con = duckdb.connect(str(path))
    con.execute(SCHEMA.format(status=", status varchar" if status is not None else ""))
    for rid, r in recs.items():
        row = [rid, r["adcode"], r["county"], "省", "市", r["report_year"], r["title"], r["url"],
               r["published"], r["issuer"], version, "sha", r["clean_text"], r["signed"],
               list(r["noise"]), "2024-07-01 00:00:00", r["text_source"]]
        if status is not None:
            row.append(status.get(rid, "active"))
        con.execute(f"insert into reports values ({', '.join('?' * len(row))})", row)
        for s in r["sections"]:
            con.execute("insert into sections values (?,?,?,?,?,?,?,?)",
                        [rid, version, s["path"], s["level"], s.get("kind"),
                         s.get("secondary_kind"), s["title"], ""])
        for n, i in enumerate(r["indicators"]):
            con.execute("insert into indicators values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        [rid, version, i["code"], i["value"], i["unit"], i["approx"],
                         i["from_value"], i["section"], i["surface"], "", n, n + 1, "value"])
    con.close()
    return path


def _norm_len(text: str) -> int:
    return len(re.sub(r"\s", "", unicodedata.normalize("NFKC", text)))


def _n_recoverable(rec: dict) -> int:
    return sum(1 for i in rec["indicators"] if i["recoverable"])


def _n_sections(rec: dict) -> int:
    return sum(1 for s in rec["sections"] if s["path"] != "")


# ------------------------------------------------------------------------------------------
# exact copy


def test_exact_copy_scores_perfect(snapshot: Path, tmp_path: Path) -> None:
    db = _write_db(tmp_path / "w.duckdb", _recs(epoch=1))
    res = evaluate(snapshot, db, epoch=1)
    m = metrics(res)
    for name, value in m.items():
        if name == "clean_text_cer" or name.startswith("clean_text_cer/"):
            assert value in (0.0, None), name
        else:
            assert value in (1.0, None), name
    assert m["clean_text_cer"] == 0.0
    assert res.discovery.prf.tp == 3 and res.discovery.gold == 3
    n_ind = sum(_n_recoverable(_recs(1)[rid]) for rid in IDS)
    assert res.indicators.overall.tp == n_ind
    assert res.indicators.gold_unrecoverable == 3  # 2 in 141024-2018, 1 in 411323-2020
    assert res.sections.overall.tp == sum(_n_sections(GOLD[rid]) for rid in IDS)
    assert res.clean_text.gold_chars == sum(_norm_len(_recs(1)[rid]["clean_text"]) for rid in IDS)
    assert res.metadata.published_date.value == 1.0
    assert res.sections.kind.total == sum(1 for rid in IDS for s in GOLD[rid]["sections"]
                                          if s["level"] == 1)
    assert {b.label for b in res.by_template} == {"trs", "hanweb", "platform"}
    assert not res.warnings


def test_epoch_versions_of_corrected_report(snapshot: Path, tmp_path: Path) -> None:
    latest = _write_db(tmp_path / "latest.duckdb", _recs(epoch=2))
    assert evaluate(snapshot, latest, epoch=2).indicators.overall.f1 == 1.0
    res1 = evaluate(snapshot, latest, epoch=1)
    # 433123-2023 legal_adviser_opinions was 60 in epoch 1 and is 70 in epoch 2
    assert (res1.indicators.overall.fp, res1.indicators.overall.fn) == (1, 1)
    assert res1.clean_text.edits > 0
    old = _write_db(tmp_path / "old.duckdb", _recs(epoch=1))
    res2 = evaluate(snapshot, old, epoch=2)
    assert (res2.indicators.overall.fp, res2.indicators.overall.fn) == (1, 1)
    assert res2.indicators.per_code["legal_adviser_opinions"].fp == 1


# ------------------------------------------------------------------------------------------
# perturbations


def test_dropped_report_lowers_recall_exactly(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    dropped = recs.pop("433123-2023")
    db = _write_db(tmp_path / "w.duckdb", recs)
    res = evaluate(snapshot, db, epoch=1)
    assert res.discovery.prf.recall == pytest.approx(2 / 3)
    assert res.discovery.prf.precision == 1.0
    assert res.discovery.missing == ("433123-2023",)
    n_all = sum(_n_recoverable(r) for r in _recs(1).values())
    assert res.indicators.overall.recall == pytest.approx((n_all - _n_recoverable(dropped)) / n_all)
    assert res.indicators.overall.precision == 1.0
    s_all = sum(_n_sections(GOLD[rid]) for rid in IDS)
    assert res.sections.overall.fn == _n_sections(dropped)
    assert res.sections.overall.recall == pytest.approx((s_all - _n_sections(dropped)) / s_all)
    # clean text and metadata are over the reports found
    assert res.clean_text.reports == 2 and res.clean_text.cer == 0.0
    assert res.metadata.published_date.total == 2
    trs = next(b for b in res.by_template if b.label == "trs")
    assert (trs.reports_gold, trs.reports_found, trs.cer) == (1, 0, None)
    assert trs.indicators.recall == 0.0


def test_changed_indicator_value_is_one_fp_and_one_fn(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    ind = recs["141024-2018"]["indicators"][0]
    ind["value"] = ind["value"] + 1000
    db = _write_db(tmp_path / "w.duckdb", recs)
    res = evaluate(snapshot, db, epoch=1)
    n = sum(_n_recoverable(r) for r in _recs(1).values())
    o = res.indicators.overall
    assert (o.tp, o.fp, o.fn) == (n - 1, 1, 1)
    assert o.precision == pytest.approx((n - 1) / n)
    assert o.recall == pytest.approx((n - 1) / n)
    pc = res.indicators.per_code[ind["code"]]
    assert (pc.fp, pc.fn) == (1, 1)
    assert res.indicators.false_positives[0][:2] == ("141024-2018", ind["code"])


def test_value_rounding_and_multiset(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    inds = recs["141024-2018"]["indicators"]
    inds[0]["value"] = inds[0]["value"] + 0.001  # rounds to the same 2 decimals: still a match
    inds.append(dict(inds[1]))  # one extra copy of a mention: one false positive
    db = _write_db(tmp_path / "w.duckdb", recs)
    o = evaluate(snapshot, db, epoch=1).indicators.overall
    assert (o.fp, o.fn) == (1, 0)


def test_repeated_gold_mention_counts_twice(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    inds = recs["141024-2018"]["indicators"]
    counts: dict = {}
    for i in inds:
        counts[(i["code"], i["value"])] = counts.get((i["code"], i["value"]), 0) + 1
    key = next(k for k, v in counts.items() if v == 2)
    j = next(n for n, i in enumerate(inds) if (i["code"], i["value"]) == key)
    del inds[j]
    db = _write_db(tmp_path / "w.duckdb", recs)
    o = evaluate(snapshot, db, epoch=1).indicators.overall
    assert (o.fp, o.fn) == (0, 1)


def test_unrecoverable_mentions_are_left_out(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    lost = [i for i in GOLD["141024-2018"]["indicators"] if not i["recoverable"]]
    assert len(lost) == 2
    recs["141024-2018"]["indicators"].append(dict(lost[0]))  # guessed right: ignored, not FP
    db = _write_db(tmp_path / "w.duckdb", recs)
    res = evaluate(snapshot, db, epoch=1)
    assert res.indicators.overall.fp == 0 and res.indicators.overall.fn == 0
    assert res.indicators.predictions_ignored == 1


def test_approx_and_from_value_accuracy(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    recs["411323-2020"]["indicators"][0]["approx"] = not recs["411323-2020"]["indicators"][0][
        "approx"]
    i = recs["141024-2018"]["indicators"][2]
    i["from_value"] = 12345 if i["from_value"] is None else None
    db = _write_db(tmp_path / "w.duckdb", recs)
    res = evaluate(snapshot, db, epoch=1)
    n = sum(_n_recoverable(r) for r in _recs(1).values())
    assert res.indicators.overall.f1 == 1.0
    assert (res.indicators.approx.matched, res.indicators.approx.total) == (n - 1, n)
    assert (res.indicators.from_value.matched, res.indicators.from_value.total) == (n - 1, n)


def test_wrong_section_title_is_not_matched(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    secs = recs["433123-2023"]["sections"]
    lvl2 = next(s for s in secs if s["level"] == 2)
    lvl2["title"] = "完全不同的标题"
    # full-width punctuation, spaces and a final 。 are normalised away: still a match
    lvl3 = next(s for s in secs if s["level"] == 3)
    lvl3["title"] = " " + unicodedata.normalize("NFKC", lvl3["title"]).replace("(", "（") + "。"
    db = _write_db(tmp_path / "w.duckdb", recs)
    res = evaluate(snapshot, db, epoch=1)
    total = sum(_n_sections(GOLD[rid]) for rid in IDS)
    o = res.sections.overall
    assert (o.tp, o.fp, o.fn) == (total - 1, 1, 1)
    assert res.sections.by_level[2].fp == 1 and res.sections.by_level[3].fp == 0


def test_level1_kind_accuracy(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    sec = next(s for s in recs["433123-2023"]["sections"] if s.get("secondary_kind"))
    sec["secondary_kind"] = None
    first = next(s for s in recs["141024-2018"]["sections"] if s["level"] == 1)
    first["kind"] = "other" if first["kind"] != "other" else "shortcomings"
    db = _write_db(tmp_path / "w.duckdb", recs)
    res = evaluate(snapshot, db, epoch=1)
    n1 = sum(1 for rid in IDS for s in GOLD[rid]["sections"] if s["level"] == 1)
    assert res.sections.overall.f1 == 1.0
    assert (res.sections.kind.matched, res.sections.kind.total) == (n1 - 1, n1)
    assert (res.sections.secondary_kind.matched, res.sections.secondary_kind.total) == (n1 - 1, n1)
    assert sum(res.sections.kind_confusion.values()) == 1


def test_clean_text_edit_of_k_chars(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    text = recs["411323-2020"]["clean_text"]
    k = 7
    pos = [n for n, ch in enumerate(text) if "\u4e00" <= ch <= "\u9fff"][100:100 + k]
    chars = list(text)
    for n in pos:
        chars[n] = "Ж"  # substitution: one edit each
    recs["411323-2020"]["clean_text"] = "".join(chars) + "\n \u3000"  # whitespace is ignored
    db = _write_db(tmp_path / "w.duckdb", recs)
    res = evaluate(snapshot, db, epoch=1)
    total = sum(_norm_len(_recs(1)[rid]["clean_text"]) for rid in IDS)
    assert res.clean_text.edits == k
    assert res.clean_text.cer == pytest.approx(k / total)
    assert res.clean_text.worst[0][0] == "411323-2020"
    hanweb = next(b for b in res.by_template if b.label == "hanweb")
    assert hanweb.cer == pytest.approx(k / _norm_len(_recs(1)["411323-2020"]["clean_text"]))
    assert next(b for b in res.by_template if b.label == "trs").cer == 0.0


def test_metadata_and_spurious_report(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    recs["141024-2018"]["published"] = "2000-01-01"
    recs["141024-2018"]["issuer"] = recs["141024-2018"]["issuer"].replace(" ", "、")  # same tokens
    recs["433123-2023"]["issuer"] = "某某人民政府"
    extra = copy.deepcopy(recs["411323-2020"])
    recs["999999-2020"] = extra
    db = _write_db(tmp_path / "w.duckdb", recs)
    res = evaluate(snapshot, db, epoch=1)
    assert res.discovery.prf.precision == pytest.approx(3 / 4)
    assert res.discovery.spurious == ("999999-2020",)
    assert (res.metadata.published_date.matched, res.metadata.published_date.total) == (2, 3)
    assert res.metadata.issuer.matched == 2
    assert res.metadata.report_year.value == 1.0
    # indicators of a report not in gold are false positives
    assert res.indicators.overall.fp == _n_recoverable(extra)
    assert res.indicators.overall.fn == 0


def test_status_withdrawn_is_not_found(snapshot: Path, tmp_path: Path) -> None:
    db = _write_db(tmp_path / "w.duckdb", _recs(1), status={"433123-2023": "withdrawn"})
    res = evaluate(snapshot, db, epoch=1)
    assert res.discovery.missing == ("433123-2023",)
    assert res.indicators.overall.fn == _n_recoverable(_recs(1)["433123-2023"])


def test_only_latest_version_rows_count(snapshot: Path, tmp_path: Path) -> None:
    db = _write_db(tmp_path / "w.duckdb", _recs(1), version=2)
    con = duckdb.connect(str(db))
    con.execute("insert into indicators select report_id, 1, code, value + 1, unit, approx, "
                "from_value, section_path, surface, sentence, char_start, char_end, value_kind from indicators")
    con.close()
    assert evaluate(snapshot, db, epoch=1).indicators.overall.f1 == 1.0


def test_stated_changes_are_not_values(snapshot: Path, tmp_path: Path) -> None:
    """A change row (value_kind 'change', 较上年增加12件) is neither a true nor a false positive: the gold lists
    the year's values, and a change with a gold value's number does not stand in for it."""
    db = _write_db(tmp_path / "w.duckdb", _recs(1))
    con = duckdb.connect(str(db))
    con.execute("insert into indicators select report_id, version, code, value, unit, approx, from_value, "
                "section_path, surface, sentence, char_start + 1000, char_end + 1000, 'change' from indicators")
    con.close()
    res = evaluate(snapshot, db, epoch=1)
    assert (res.indicators.overall.f1, res.indicators.overall.fp) == (1.0, 0)
    con = duckdb.connect(str(db))
    con.execute("delete from indicators where value_kind = 'value' and report_id = ? and char_start = 0", [IDS[0]])
    con.close()
    assert evaluate(snapshot, db, epoch=1).indicators.overall.fn == 1


def test_bad_inputs(snapshot: Path, tmp_path: Path) -> None:
    db = _write_db(tmp_path / "w.duckdb", _recs(1))
    with pytest.raises(SnapshotError):
        evaluate(snapshot, db, epoch=7)
    with pytest.raises(SnapshotError):
        evaluate(tmp_path / "nowhere", db, epoch=1)
    with pytest.raises(WarehouseNotFound):
        evaluate(snapshot, tmp_path / "missing.duckdb", epoch=1)
    assert not (tmp_path / "missing.duckdb").exists()
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(TerminalError, match="no `reports` table"):
        evaluate(snapshot, empty, epoch=1)


# ------------------------------------------------------------------------------------------
# floors, output, CLI body


def test_floors(snapshot: Path, tmp_path: Path) -> None:
    recs = _recs(1)
    recs.pop("433123-2023")
    db = _write_db(tmp_path / "w.duckdb", recs)
    res = evaluate(snapshot, db, epoch=1)
    assert check_floors(res, {"discovery_precision": 1.0, "clean_text_cer": 0.0}) == []
    failed = check_floors(res, {"discovery_recall": 0.9, "no_such_metric": 0.5,
                                   "clean_text_cer/template/trs": 0.1})
    assert len(failed) == 3
    assert failed[0].startswith("discovery_recall")
    assert "unknown" in failed[1] and "undefined" in failed[2]


def test_format_and_json(snapshot: Path, tmp_path: Path) -> None:
    db = _write_db(tmp_path / "w.duckdb", _recs(1))
    res = evaluate(snapshot, db, epoch=1)
    text = format_result(res)
    for word in ("Discovery", "Clean text", "Indicators", "Sections", "By template",
                 "By noise label", "published_date"):
        assert word in text
    data = json.loads(to_json(res))
    assert data["discovery"]["prf"]["recall"] == 1.0
    assert data["metrics"]["indicator_f1"] == 1.0


def test_run_eval_cli(snapshot: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = _write_db(tmp_path / "w.duckdb", _recs(1))
    ok = tmp_path / "floors.json"
    ok.write_text(json.dumps({"discovery_recall": 0.95, "clean_text_cer": 0.01}))
    assert run_eval_cli(snapshot, db, 1, False, ok) == 0
    assert "Floors: all 2 passed" in capsys.readouterr().out
    bad = tmp_path / "floors.toml"
    bad.write_text('[floors]\nindicator_f1 = 0.5\n"indicator_f1/legal_aid_cases" = 1.5\n')
    assert run_eval_cli(snapshot, db, 1, True, bad) == 1
    out = json.loads(capsys.readouterr().out)
    assert len(out["floors"]["failed"]) == 1
    assert run_eval_cli(snapshot, tmp_path / "none.duckdb", 1, False, None) == 2
    assert "does not exist" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------
# normalisation and edit distance


def test_normalisation() -> None:
    assert normalize_text("１２ 件\u3000\n（一）") == "12件(一)"
    assert normalize_title(" 主要工作举措及成效。") == "主要工作举措及成效"


def test_edit_distance_fallback_is_exact() -> None:
    def dp(a: str, b: str) -> int:
        prev = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            cur = [i]
            for j, cb in enumerate(b, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            prev = cur
        return prev[-1]

    rng = random.Random(7)
    for _ in range(300):
        a = "".join(rng.choice("法治政府abc") for _ in range(rng.randint(0, 40)))
        b = "".join(rng.choice("法治政府abd") for _ in range(rng.randint(0, 40)))
        want = dp(a, b)
        assert _levenshtein_bitparallel(a, b) == want
        assert edit_distance(a, b) == want
    big = GOLD["141024-2018"]["clean_text"]
    other = big[5:] + "xyz"
    assert _levenshtein_bitparallel(big, other) == edit_distance(big, other)


# ------------------------------------------------------------------------------------------
# reader


def test_reader_read_only(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table t as select 1 as a union all select 2")
    con.close()
    table = query(path, "select a from t where a > ? order by a", [1])
    assert table.column("a").to_pylist() == [2]
    ro = open_readonly(path)
    try:
        with pytest.raises(duckdb.Error):
            ro.execute("insert into t values (3)")
    finally:
        ro.close()


def test_reader_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.duckdb"
    with pytest.raises(WarehouseNotFound, match="does not exist"):
        open_readonly(path)
    with pytest.raises(FileNotFoundError):
        query(path, "select 1")
    assert not path.exists()


def test_reader_busy_when_writer_holds_lock(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    holder = textwrap.dedent(f"""
        import sys, time, duckdb
        con = duckdb.connect({str(path)!r})
        con.execute("create table t(a int)")
        print("ready", flush=True)
        sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", holder], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        start = time.monotonic()
        with pytest.raises(WarehouseBusy, match="Parquet export") as info:
            open_readonly(path, wait_s=0.6, poll_s=0.1)
        assert time.monotonic() - start >= 0.5
        assert info.value.transient
    finally:
        proc.stdin.close()
        proc.wait(timeout=20)
        proc.stdout.close()
    # once the writer is gone the same call succeeds
    open_readonly(path, wait_s=0.6).close()
