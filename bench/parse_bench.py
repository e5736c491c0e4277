"""Parse throughput: our read path against `trafilatura.extract` alone, on the same article pages.

Pages: every article page of the bundled snapshot, the issue's set: the pages of every gold report
(gold/reports.jsonl ``pages``, the report pages a harvest parses) and the other article pages
(gold/pages.jsonl: look-alikes, news, notices), each with its body bytes and Content-Type from the manifest.
Ours = decode + main text and page metadata (`document.read_article`) + clean + sections + report metadata +
indicators (`document.parse_report`), one page at a time. Both run single-threaded in this process and are
timed in CPU seconds (`time.process_time`), so the rate is pages per second per core, whatever else the machine
is doing; each group of pages is timed on its own (best of `--rounds`) and the whole set is their sum.
Ours runs the compiled read path when it is built (countyreports.native), else the pure-Python sources (also
with COUNTYREPORTS_PURE=1): the result says which.

    python bench/parse_bench.py [--rounds 5] [--ours-only] [--out result.json]
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from pathlib import Path
from typing import Any

from common import BUNDLED, emit, load

from countyreports import native
from countyreports.reading.document import RawDoc, parse_report, read_article


def _entries(snapshot: Path) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    with (snapshot / "manifest.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            m = json.loads(line)
            if m["status"] == 200 and m["body"]:
                entries.setdefault(m["url"], m)  # first epoch it answers in
    return entries


def _docs(urls: list[str], entries: dict[str, dict[str, Any]], snapshot: Path) -> list[RawDoc]:
    docs = []
    for url in urls:
        m = entries.get(url)
        if m is not None:
            ctype = next((v for k, v in m["headers"].items() if k.lower() == "content-type"), None)
            docs.append(RawDoc(url, (snapshot / m["body"]).read_bytes(), ctype))
    return docs


def article_pages(snapshot: Path = BUNDLED) -> dict[str, list[RawDoc]]:
    """The snapshot's article pages that answer with a body, in two groups: "report pages" (of the gold
    reports) and "other article pages" (gold/pages.jsonl), each URL once."""
    def urls(name: str, key: str) -> list[str]:
        with (snapshot / "gold" / name).open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        return [u for r in rows for u in (r[key] if isinstance(r[key], list) else [r[key]])]

    entries = _entries(snapshot)
    reports = list(dict.fromkeys(urls("reports.jsonl", "pages")))
    seen = set(reports)
    others = [u for u in dict.fromkeys(urls("pages.jsonl", "url")) if u not in seen]
    return {"report pages": _docs(reports, entries, snapshot), "other article pages": _docs(others, entries, snapshot)}


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


def rates(pages: int, ours_s: float, theirs_s: float | None) -> dict[str, Any]:
    out: dict[str, Any] = {"pages": pages, "ours_cpu_s": ours_s, "ours_pps": pages / ours_s}
    if theirs_s is not None:
        out.update(trafilatura_cpu_s=theirs_s, trafilatura_pps=pages / theirs_s, ratio=theirs_s / ours_s)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--ours-only", action="store_true", help="do not time trafilatura")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    groups = article_pages()
    load0 = load()
    res: dict[str, Any] = {"compiled": str(native.in_use()) if native.in_use() else None,
                           "pure_why": native.why_not(), "groups": {}}
    total_ours, total_theirs, total_pages, total_bytes = 0.0, 0.0, 0, 0
    for name, docs in groups.items():
        ours_s = timed(ours, docs, a.rounds)
        theirs_s = None if a.ours_only else timed(theirs, docs, a.rounds)
        res["groups"][name] = {**rates(len(docs), ours_s, theirs_s), "bytes": sum(len(d.body) for d in docs)}
        total_ours += ours_s
        total_theirs += theirs_s or 0.0
        total_pages += len(docs)
        total_bytes += res["groups"][name]["bytes"]
    res.update(rates(total_pages, total_ours, None if a.ours_only else total_theirs))
    res.update(bytes=total_bytes, load=[load0, load()])
    emit(res, a.out)


if __name__ == "__main__":
    main()
