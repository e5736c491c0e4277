"""Full-text search on a harvested warehouse (make bench: the national replica), in its own process.

* in process: `warehouse.search.search` (the scan of the folded sentences `countyreports search` runs) for 20
  phrases of 2 to 8 characters, `--limit 50`, on one read-only connection: each phrase timed `--rounds` times
  (the median kept), then the median and the largest over the 20 phrases;
* a plain LIKE scan of the same phrases over the active reports' clean_text (what a user would write without
  the search: no fold, no sentences, no ranking), timed the same way;
* end to end: the `countyreports search PHRASE --limit 50 --format csv` command in a fresh process (start-up,
  imports, the fold table, opening the warehouse), for `--cli-phrases` of the phrases.

Nothing is cached between queries by us (each query scans); the replica's texts repeat across its copies and
every copy is scanned.

    python bench/search_bench.py --db FILE [--rounds 3] [--cli-phrases 5] [--out result.json]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, emit, load

from countyreports.text.searchterms import parse_query
from countyreports.warehouse.reader import open_readonly
from countyreports.warehouse.search import search

#: 20 phrases of 2 to 8 characters, common to rare (some in no report of the snapshot)
PHRASES = ("法治", "执法", "复议", "普法", "败诉率", "法律顾问", "行政复议", "矛盾纠纷", "营商环境", "证明事项",
           "首违不罚", "容缺受理", "合法性审查", "规范性文件", "法治政府建设", "重大行政决策", "双随机一公开",
           "包容审慎监管", "负责人出庭应诉", "行政执法三项制度")


def timed(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True, type=Path)
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cli-phrases", type=int, default=5)
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    assert all(2 <= len(p) <= 8 for p in PHRASES) and len(PHRASES) == 20
    load0 = load()
    con = open_readonly(a.db)
    sentences, reports = con.execute(
        "SELECT count(*), count(DISTINCT report_id) FROM core_sentences WHERE is_active").fetchone()
    parse_query("法治")  # the fold table and OpenCC, built once per process (the CLI row counts them)
    ours: dict[str, float] = {}
    like: dict[str, float] = {}
    hits: dict[str, list[int]] = {}
    for phrase in PHRASES:
        found = search(con, parse_query(phrase), limit=a.limit)
        hits[phrase] = [found.sentence_count, found.report_count]
        ours[phrase] = timed(lambda p=phrase: search(con, parse_query(p), limit=a.limit), a.rounds)
        like[phrase] = timed(lambda p=phrase: con.execute(
            "SELECT report_id FROM reports WHERE status = 'active' AND clean_text LIKE ?",
            [f"%{p}%"]).fetchall(), a.rounds)
    con.close()
    cli: dict[str, float] = {}
    exe = Path(sys.executable).with_name("countyreports")
    for phrase in PHRASES[:: max(1, len(PHRASES) // a.cli_phrases)][:a.cli_phrases]:
        t0 = time.perf_counter()
        subprocess.run([str(exe), "search", phrase, "--limit", str(a.limit), "--format", "csv", "--db", str(a.db.resolve())],
                       check=True, stdout=subprocess.DEVNULL, cwd=str(ROOT))
        cli[phrase] = time.perf_counter() - t0
    emit({"sentences": sentences, "reports": reports, "limit": a.limit, "rounds": a.rounds,
          "ours_ms": {p: t * 1000 for p, t in ours.items()}, "like_ms": {p: t * 1000 for p, t in like.items()},
          "cli_s": cli, "hits": hits,
          "ours_median_ms": statistics.median(ours.values()) * 1000, "ours_max_ms": max(ours.values()) * 1000,
          "like_median_ms": statistics.median(like.values()) * 1000, "like_max_ms": max(like.values()) * 1000,
          "cli_median_s": statistics.median(cli.values()), "load": [load0, load()]}, a.out)


if __name__ == "__main__":
    main()
