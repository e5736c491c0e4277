#!/usr/bin/env python3
"""Per-family discovery precision / recall from `countyreports eval --json` output and the families2 gold.

    countyreports eval --snapshot tests/fixtures/families2 --db DB --json > eval.json
    python tests/tools/score_families2.py eval.json [--snapshot tests/fixtures/families2]

A spurious report_id (in the warehouse, not in the gold) is charged to the family of its county (adcode).
"""

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("eval_json", type=Path)
    ap.add_argument("--snapshot", type=Path, default=Path(__file__).resolve().parent / "families2")
    a = ap.parse_args()
    ev = json.load(open(a.eval_json, encoding="utf-8"))
    fam_of_county = {r["adcode"]: r["family"] for r in csv.DictReader(open(a.snapshot / "counties.csv", encoding="utf-8"))}
    gold = defaultdict(set)
    for line in open(a.snapshot / "gold" / "reports.jsonl", encoding="utf-8"):
        g = json.loads(line)
        if 1 in g["epochs"]:
            gold[g["family"]].add(g["report_id"])
    missing = set(ev["discovery"]["missing"])
    spurious = set(ev["discovery"].get("spurious") or [])
    rows = []
    tot = [0, 0, 0]
    for fam in sorted(gold, key=lambda f: list(fam_of_county.values()).index(f)):
        g = gold[fam]
        tp = len(g - missing)
        fn = len(g & missing)
        fp = sum(1 for rid in spurious if fam_of_county.get(rid.split("-")[0]) == fam)
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        rows.append((fam, len(g), tp, fp, fn, p, r))
    print(f"{'family':<12}{'gold':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}")
    for fam, n, tp, fp, fn, p, r in rows:
        print(f"{fam:<12}{n:>6}{tp:>5}{fp:>5}{fn:>5}{p:>8.3f}{r:>8.3f}")
    tp, fp, fn = tot
    print(f"{'all':<12}{tp + fn:>6}{tp:>5}{fp:>5}{fn:>5}{(tp / (tp + fp) if tp + fp else 1):>8.3f}{(tp / (tp + fn) if tp + fn else 1):>8.3f}")


if __name__ == "__main__":
    main()
