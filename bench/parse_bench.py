"""Parse throughput: our read path against `trafilatura.extract` alone, on the same article pages.

Pages: every page of every gold report of the bundled snapshot (gold/reports.jsonl ``pages`` → manifest →
body bytes and Content-Type), the report pages a harvest parses. Ours = decode + main text
(`document.read_article`) + clean + sections + metadata + indicators (`document.parse_report`), one page at a
time. Both run single-threaded in this process and are timed in CPU seconds (`time.process_time`), so the rate
is pages per second per core, whatever else the machine is doing.

    python bench/parse_bench.py [--rounds 5] [--out result.json]
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from pathlib import Path
from typing import Any

from common import BUNDLED, emit, load

from countyreports.document import RawDoc, parse_report, read_article


def report_pages(snapshot: Path = BUNDLED) -> list[RawDoc]:
    entries: dict[str, dict[str, Any]] = {}
    with (snapshot / "manifest.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            m = json.loads(line)
            if m["status"] == 200 and m["body"]:
                entries.setdefault(m["url"], m)  # first epoch it answers in
    docs = []
    with (snapshot / "gold" / "reports.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            for url in json.loads(line)["pages"]:
                m = entries.get(url)
                if m is not None:
                    ctype = next((v for k, v in m["headers"].items() if k.lower() == "content-type"), None)
                    docs.append(RawDoc(url, (snapshot / m["body"]).read_bytes(), ctype))
    return docs


def ours(docs: list[RawDoc]) -> int:
    n = 0
    for doc in docs:
        article, encoding = read_article(doc)
        n += len(parse_report([article], None, encoding).indicators)
    return n


def theirs(docs: list[RawDoc]) -> int:
    import trafilatura

    n = 0
    for doc in docs:
        n += len(trafilatura.extract(doc.body) or "")
    return n


def timed(fn: Any, docs: list[RawDoc], rounds: int) -> float:
    """Best CPU time of `rounds` runs over all pages (after one warm-up run)."""
    fn(docs)
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        t0 = time.process_time()
        fn(docs)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    docs = report_pages()
    load0 = load()
    ours_s = timed(ours, docs, a.rounds)
    theirs_s = timed(theirs, docs, a.rounds)
    emit({"pages": len(docs), "bytes": sum(len(d.body) for d in docs),
          "ours_cpu_s": ours_s, "trafilatura_cpu_s": theirs_s,
          "ours_pps": len(docs) / ours_s, "trafilatura_pps": len(docs) / theirs_s,
          "ratio": theirs_s / ours_s, "load": [load0, load()]}, a.out)


if __name__ == "__main__":
    main()
