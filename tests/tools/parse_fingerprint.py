"""Guard for speed work on the read path: the full parse output of every gold report must not change.

    python tests/tools/parse_fingerprint.py --save /tmp/parse_baseline.json   # before optimising
    python tests/tools/parse_fingerprint.py --check /tmp/parse_baseline.json  # after: lists reports that differ
    python tests/tools/parse_fingerprint.py --profile                         # CPU time per stage

Parses each gold report from its bundled pages (and attachment) with `document` functions and records every
field of the ParsedReport (text, noise, sections, indicators, mentions).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal_fixture import body, content_type, gold_reports  # noqa: E402

from countyreports.reading.document import RawDoc, parse_report, read_article  # noqa: E402


def parsed_all() -> dict[str, object]:
    out: dict[str, object] = {}
    for r in gold_reports():
        pages = [read_article(RawDoc(u, body(u), content_type(u)))[0] for u in r["pages"]]
        att = RawDoc(r["attachment"], body(r["attachment"])) if r["attachment"] else None
        p = parse_report(pages, att)
        out[r["report_id"]] = json.loads(json.dumps(dataclasses.asdict(p), default=str, ensure_ascii=False))
    return out


def profile() -> None:
    import cProfile
    import pstats

    docs = [RawDoc(u, body(u), content_type(u)) for r in gold_reports() for u in r["pages"]]
    t0 = time.process_time()
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        a, enc = read_article(d)
        parse_report([a], None, enc)
    prof.disable()
    dt = time.process_time() - t0
    print(f"{len(docs)} pages, {dt:.2f} CPU s under the profiler")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(35)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--save")
    ap.add_argument("--check")
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    if a.profile:
        profile()
        return 0
    got = parsed_all()
    if a.save:
        Path(a.save).write_text(json.dumps(got, ensure_ascii=False), encoding="utf-8")
        print(f"saved {len(got)} reports")
        return 0
    if a.check:
        base = json.loads(Path(a.check).read_text(encoding="utf-8"))
        diff = [k for k in base if base[k] != got.get(k)]
        print(f"{len(diff)} of {len(base)} reports differ: {diff[:20]}")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
