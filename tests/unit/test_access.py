"""Can a run write the warehouse now? (warehouse/access.py): checked without DuckDB in this process, against a
real DuckDB holding the file in another process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from countyreports.warehouse.access import lock_holder, read_problems, write_problems

HOLD = "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); print('ok', flush=True); sys.stdin.read()"


def _holder(db: Path, mode: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ok"
    return proc


def test_a_free_warehouse_and_a_new_one_can_be_written(tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    assert write_problems(db, tmp_path / "raw") == []  # not there yet: made by the run
    duckdb.connect(str(db)).close()
    assert lock_holder(db) is None and write_problems(db) == []


def test_a_writer_or_a_reader_elsewhere_is_named_by_its_pid(tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    duckdb.connect(str(db)).close()
    for mode in ("rw", "ro"):
        proc = _holder(db, mode)
        try:
            assert lock_holder(db) == proc.pid
            (line,) = write_problems(db)
            assert f"in use by process {proc.pid}" in line
        finally:
            proc.communicate("")
    assert write_problems(db) == []


def test_a_folder_that_is_a_file_cannot_hold_the_warehouse(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (line,) = write_problems(blocker / "wh.duckdb", blocker / "raw")  # one line: the raw folder is under it
    assert "is a file, not a folder" in line
    assert "a folder, not a DuckDB file" in write_problems(tmp_path)[0]


def test_a_missing_warehouse_cannot_be_read(tmp_path: Path) -> None:
    (line,) = read_problems(tmp_path / "none.duckdb")
    assert "no warehouse at" in line and "countyreports harvest" in line
