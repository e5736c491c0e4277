"""The road not taken, measured: a bigram index for full-text search, built from a harvested warehouse's
`search_sentences` into a scratch DuckDB file, and the 20 phrases of search_bench.py answered from it (the
postings of each bigram of the phrase intersected, then `contains()` on the candidates), next to the scan
`countyreports search` runs (the character mask, then `contains()`). Counts must agree.

Not part of `make bench` (it writes a second copy of the postings); run by hand on the replica:

    python bench/search_index_trial.py --db warehouse/bench/run/harvest/bench.duckdb [--out result.json]

The build is done in SQL (one statement, postings sorted by bigram so that DuckDB's zone maps find a bigram
without reading the others): a lower bound of what a loader writing the postings with every version would pay.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
from common import emit, load
from search_bench import PHRASES

from countyreports.text.fold import char_mask


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True, type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    load0 = load()
    with tempfile.TemporaryDirectory(dir=a.db.parent) as tmp:
        scratch = Path(tmp) / "grams.duckdb"
        con = duckdb.connect(str(scratch))
        con.execute(f"ATTACH '{a.db.resolve()}' AS w (READ_ONLY)")
        t0 = time.perf_counter()
        con.execute("CREATE TABLE s AS SELECT row_number() OVER () :: INTEGER AS sid, folded, char_mask "
                    "FROM w.search_sentences")
        con.execute("CREATE TABLE grams AS SELECT DISTINCT substring(folded, i, 2) AS gram, sid FROM "
                    "(SELECT sid, folded, unnest(range(1, length(folded))) AS i FROM s) ORDER BY gram, sid")
        con.execute("CHECKPOINT")
        build_s = time.perf_counter() - t0
        postings = con.execute("SELECT count(*) FROM grams").fetchone()[0]
        gram_bytes = sum(r[0] for r in con.execute(
            "SELECT sum(estimated_size) FROM duckdb_tables() WHERE table_name = 'grams'").fetchall() if r[0])
        file_mib = scratch.stat().st_size / 2**20
        index_ms: dict[str, float] = {}
        scan_ms: dict[str, float] = {}
        counts: dict[str, list[int]] = {}
        for p in PHRASES:
            grams = sorted({p[i:i + 2] for i in range(len(p) - 1)})
            inter = " INTERSECT ".join("SELECT sid FROM grams WHERE gram = ?" for _ in grams)
            q_index = f"SELECT count(*) FROM s WHERE sid IN ({inter}) AND contains(folded, ?)"
            m = char_mask(p)
            q_scan = "SELECT count(*) FROM s WHERE (char_mask & ?::UBIGINT) = ?::UBIGINT AND contains(folded, ?)"
            res = []
            for sql, params, store in ((q_index, [*grams, p], index_ms), (q_scan, [m, m, p], scan_ms)):
                times = []
                for _ in range(a.rounds):
                    t = time.perf_counter()
                    n = con.execute(sql, params).fetchone()[0]
                    times.append(time.perf_counter() - t)
                store[p] = statistics.median(times) * 1000
                res.append(int(n))
            assert res[0] == res[1], (p, res)
            counts[p] = res
        con.close()
    emit({"sentences_postings": postings, "build_s": build_s, "grams_estimated_bytes": gram_bytes,
          "scratch_file_mib": file_mib, "index_ms": index_ms, "scan_ms": scan_ms, "counts": counts,
          "index_median_ms": statistics.median(index_ms.values()), "index_max_ms": max(index_ms.values()),
          "scan_median_ms": statistics.median(scan_ms.values()), "scan_max_ms": max(scan_ms.values()),
          "load": [load0, load()]}, a.out)


if __name__ == "__main__":
    main()
