"""The loader keeps the search rows in step with the texts: a re-parse that changes a version's text replaces that
version's sentences (no duplicates, none missing), one that keeps it leaves them untouched; a warehouse made
without them (or with another fold) gets exactly the loader's rows at the writer's next open."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from countyreports import pipeline
from countyreports.settings import Settings
from countyreports.warehouse.checks import run_checks
from countyreports.warehouse.writer import Warehouse

ROWS = ("SELECT report_id, version, ordinal, char_start, char_end, sentence, folded, char_mask FROM search_sentences "
        "ORDER BY ALL")
COUNTIES = ["141029", "513423"]


@pytest.fixture()
def copy(warehouse_e2: Path, tmp_path: Path) -> Path:
    db = tmp_path / "copy.duckdb"
    shutil.copy(warehouse_e2, db)
    shutil.copytree(warehouse_e2.parent / "raw", tmp_path / "raw")
    return db


def _rows(db: Path, sql: str = ROWS) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _search_checks_pass(db: Path) -> None:
    results = {r.name: r for r in run_checks(db)}
    for name in ("assert_search_sentences_unique", "assert_search_sentences_complete"):
        assert results[name].ok, (name, results[name].sample)


def test_reparse_with_a_changed_text_replaces_the_sentences(copy: Path, portal_dir: Path) -> None:
    before = _rows(copy)
    con = duckdb.connect(str(copy))
    # the stored reading of these reports is now "another text": the re-parse reads the archived bytes again
    # and its (true) text differs from the stored hash, so it is written as a changed text
    changed = [r[0] for r in con.execute(
        "SELECT report_id FROM reports WHERE list_contains(?, adcode) AND status = 'active'", [COUNTIES]).fetchall()]
    con.execute("UPDATE reports SET content_sha256 = 'stale', parse_sha256 = NULL WHERE list_contains(?, report_id)",
                [changed])
    con.execute("DELETE FROM search_sentences WHERE list_contains(?, report_id) AND ordinal % 2 = 0 AND version = "
                "(SELECT r.version FROM reports AS r WHERE r.report_id = search_sentences.report_id)", [changed])
    con.close()
    settings = Settings(db=str(copy), registry=str(portal_dir / "counties.csv"), proxy="http://127.0.0.1:9")
    pipeline.harvest(settings, COUNTIES, reparse=True)
    assert _rows(copy) == before  # each changed version's rows made again, whole; the others as they were
    _search_checks_pass(copy)


def test_reparse_keeping_the_text_writes_no_search_row(copy: Path, portal_dir: Path) -> None:
    con = duckdb.connect(str(copy))
    con.execute("UPDATE reports SET parse_sha256 = NULL")  # every report re-read and rewritten, same text
    con.execute("UPDATE search_sentences SET folded = folded || '·' WHERE ordinal = 0")  # a mark a rewrite would undo
    con.close()
    marked = _rows(copy)
    settings = Settings(db=str(copy), registry=str(portal_dir / "counties.csv"), proxy="http://127.0.0.1:9")
    pipeline.harvest(settings, COUNTIES, reparse=True)
    assert _rows(copy) == marked


def test_writer_open_rebuilds_missing_or_stale_rows(copy: Path) -> None:
    loaded = _rows(copy)
    assert loaded
    con = duckdb.connect(str(copy))
    con.execute("DELETE FROM search_sentences")
    con.execute("UPDATE search_fold_chars SET fold_version = 0")  # made with an older fold
    con.close()
    Warehouse(copy).close()
    assert _rows(copy) == loaded
    _search_checks_pass(copy)


def test_search_on_a_warehouse_without_search_rows_says_what_to_do(copy: Path) -> None:
    from typer.testing import CliRunner

    from countyreports.cli import app

    con = duckdb.connect(str(copy))
    con.execute("DROP VIEW core_sentences")
    con.execute("DROP VIEW stg_search_sentences")
    con.execute("DROP TABLE search_sentences")
    con.close()
    res = CliRunner().invoke(app, ["search", "法治", "--db", str(copy)])
    assert res.exit_code == 2 and "harvest --reparse" in " ".join(res.output.split())
