"""Dev tool (not a test): measure clean_text() against gold clean_text.

For each gold report (skipping attachment_only), crudely extract the raw paragraphs
(text of <p> elements in the main content container) from the snapshot pages, clean
them, and report the character error rate (edit distance after NFKC and whitespace
removal, summed, over total gold length) overall and per noise label.

Usage: .venv/bin/python tests/tools/measure_clean.py [--identity] [--show N] [--ids ID,...]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import time
import unicodedata
from pathlib import Path

from rapidfuzz.distance import Levenshtein
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parents[2]
from countyreports.text.clean import clean_text  # noqa: E402

PORTAL = ROOT / "tests" / "fixtures" / "portal"
CONTAINERS = (".TRS_Editor", "#zoom", "#Zoom", ".article-content")
_WS = re.compile(r"\s+")


def load_manifest() -> dict[str, dict[int, dict]]:
    man: dict[str, dict[int, dict]] = {}
    with open(PORTAL / "manifest.jsonl", encoding="utf-8") as fh:
        for line in fh:
            e = json.loads(line)
            if e["status"] == 200 and e["body"]:
                for ep in e["epochs"]:
                    man.setdefault(e["url"], {})[ep] = e
    return man


def page_text(man, url: str, encoding: str) -> list[str]:
    entries = man[url]
    e = entries[max(entries)]
    raw = (PORTAL / e["body"]).read_bytes()
    html = raw.decode("utf-8" if encoding == "utf-8" else "gb18030", "replace")
    tree = LexborHTMLParser(html)
    node = None
    for sel in CONTAINERS:
        node = tree.css_first(sel)
        if node is not None:
            break
    if node is None:
        return []
    paras = []
    for p in node.css("p"):
        t = p.text(separator="")
        if t.strip():
            paras.append(t)
    return paras


def norm(s: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", s))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--identity", action="store_true", help="measure without cleaning")
    ap.add_argument("--show", type=int, default=0, help="print the N worst reports with a diff")
    ap.add_argument("--ids", default="", help="only these report_ids (comma-separated)")
    args = ap.parse_args()

    man = load_manifest()
    reports = [json.loads(l) for l in open(PORTAL / "gold" / "reports.jsonl", encoding="utf-8")]
    ids = set(filter(None, args.ids.split(",")))
    dist = collections.Counter()
    total = collections.Counter()
    rows = []
    elapsed = 0.0
    n_clean = 0
    for r in reports:
        if "attachment_only" in r["noise"] or (ids and r["report_id"] not in ids):
            continue
        paras = []
        for u in r["pages"]:
            paras.extend(page_text(man, u, r["encoding"]))
        raw = "\n".join(paras)
        if args.identity:
            out = raw
        else:
            t0 = time.perf_counter()
            out = clean_text(raw).text
            elapsed += time.perf_counter() - t0
            n_clean += 1
        gold = norm(r["clean_text"])
        d = Levenshtein.distance(norm(out), gold)
        labels = [n for n in r["noise"]] or ["none"]
        for lab in labels + ["ALL"]:
            dist[lab] += d
            total[lab] += len(gold)
        rows.append((d / max(1, len(gold)), d, r, raw, out))

    print(f"{'label':22s} {'reports':>7s} {'dist':>7s} {'gold_len':>9s} {'CER%':>7s}")
    counts = collections.Counter(lab for row in rows for lab in (row[2]["noise"] or ["none"]))
    counts["ALL"] = len(rows)
    for lab in sorted(total, key=lambda k: (k != "ALL", k)):
        print(f"{lab:22s} {counts[lab]:7d} {dist[lab]:7d} {total[lab]:9d} {100 * dist[lab] / total[lab]:7.3f}")
    if n_clean:  # includes the one-off table set-up on the first call
        print(f"clean_text: {1000 * elapsed / n_clean:.3f} ms per report on average ({n_clean} reports)")

    rows.sort(key=lambda x: -x[0])
    for cer, d, r, raw, out in rows[: args.show]:
        print(f"\n=== {r['report_id']} noise={r['noise']} dist={d} CER={100 * cer:.2f}%")
        a, b = norm(out), norm(r["clean_text"])
        for op in Levenshtein.opcodes(a, b):
            if op.tag != "equal":
                print(f"  {op.tag:8s} out={a[max(0, op.src_start - 8):op.src_end + 8]!r}"
                      f" gold={b[max(0, op.dest_start - 8):op.dest_end + 8]!r}")


if __name__ == "__main__":
    main()
