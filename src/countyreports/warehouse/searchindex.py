"""The warehouse's search rows kept in step with the fold: `search_fold_chars` (the fold as data, for the SQL
macro `search_fold`) and `search_sentences` (every report version's sentences, folded).

The loader writes a version's sentences with the version (`loadbatch.LoadBatch`). This module covers the
rest, at every writer open (`ensure_current`, one small query when nothing is to do): a warehouse made before
full-text search, or with another `FOLD_VERSION`, gets the seed written and every stored version's sentences
folded again, in one transaction, from `report_versions.clean_text` (~2 s per 10,000 reports on one core).
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from countyreports.reading.passages import passages
from countyreports.text.fold import FOLD_VERSION, fold_pairs

__all__ = ["ensure_current", "rebuild"]

_CHUNK = 2000  # report versions folded and inserted per statement (bounds the memory of a rebuild)


def ensure_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild the search rows when they were made with another fold (or none); True when it did."""
    row = con.execute("SELECT min(fold_version), max(fold_version) FROM search_fold_chars").fetchone()
    if row is not None and row[0] == FOLD_VERSION and row[1] == FOLD_VERSION:
        return False
    rebuild(con)
    return True


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Write the fold seed and fold every stored report version's sentences again (one transaction)."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM search_fold_chars")
        pairs = fold_pairs()
        _seed = pa.table({"from_char": [a for a, _b in pairs], "to_char": [b for _a, b in pairs],  # noqa: F841
                          "fold_version": pa.array([FOLD_VERSION] * len(pairs), pa.int32())})
        con.execute("INSERT INTO search_fold_chars SELECT * FROM _seed")
        con.execute("DELETE FROM search_sentences")
        keys = con.execute("SELECT report_id, version FROM report_versions ORDER BY ALL").fetchall()
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            texts = con.execute(
                "SELECT report_id, version, clean_text FROM report_versions "
                "WHERE list_contains(?, report_id) ORDER BY ALL", [sorted({k[0] for k in chunk})]).fetchall()
            wanted = set(chunk)
            cols: tuple[list[object], ...] = ([], [], [], [], [], [], [], [])
            for rid, version, text in texts:
                if (rid, version) not in wanted:
                    continue
                for n, (a, b, folded, mask) in enumerate(passages(text or "")):
                    for col, value in zip(cols, (rid, version, n, a, b, text[a:b], folded, mask), strict=True):
                        col.append(value)
            _rows = pa.table({"report_id": pa.array(cols[0], pa.string()),  # noqa: F841 (scanned by name)
                              "version": pa.array(cols[1], pa.int32()), "ordinal": pa.array(cols[2], pa.int32()),
                              "char_start": pa.array(cols[3], pa.int32()), "char_end": pa.array(cols[4], pa.int32()),
                              "sentence": pa.array(cols[5], pa.string()), "folded": pa.array(cols[6], pa.string()),
                              "char_mask": pa.array(cols[7], pa.uint64())})
            con.execute("INSERT INTO search_sentences SELECT * FROM _rows")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
