"""Dev script (not a test): how well `indicators.extract` reproduces the gold indicator mentions.

    .venv/bin/python tests/tools/measure_indicators.py [-v] [--no-sections] [--code CODE]

Input is the gold `clean_text` of every report (and the older `versions[*].clean_text` of corrected
reports), with the gold sections turned into `Section` records whose offsets are found by locating
each heading line. Scoring as the project's eval: multiset match on (doc, code, round(value, 2)) against
gold mentions with `recoverable` true; approx / from_value / section / surface accuracy on matched items.
"""

from __future__ import annotations

import collections
import json
import sys
import time
import unicodedata
from pathlib import Path

from countyreports.reading.indicators import extract
from countyreports.models import Section

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "portal" / "gold"
SEED = "141029-2023"


def _norm(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def gold_sections(text: str, secs: list[dict]) -> tuple[Section, ...]:
    """Gold sections with char offsets: each heading is the next line (in order) holding its title."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, _norm(line)))
        pos += len(line) + 1
    starts: list[tuple[dict, int]] = []
    li = 0
    for s in secs:
        title = _norm(s["title"])[:12]
        for j in range(li, len(lines)):
            if title and title in lines[j][1][:40]:
                starts.append((s, lines[j][0]))
                li = j + 1
                break
    out = []
    first = starts[0][1] if starts else len(text)
    out.append(Section(path="", level=0, title="", text="", char_start=0, char_end=first))
    for i, (s, st) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(text)
        out.append(Section(path=s["path"], level=s["level"], title=s["title"], text="", char_start=st,
                           char_end=end))
    return tuple(out)


def documents(reports: list[dict]):
    for r in reports:
        yield r["report_id"], r["clean_text"], r["sections"], r["indicators"]
        for v in r.get("versions", []):
            if "clean_text" in v:
                yield f"{r['report_id']}@e{v['epoch']}", v["clean_text"], r["sections"], v["indicators"]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    use_sections = "--no-sections" not in argv
    only = argv[argv.index("--code") + 1] if "--code" in argv else None
    with open(GOLD / "reports.jsonl", encoding="utf-8") as fh:
        reports = [json.loads(line) for line in fh if line.strip()]
    docs = list(documents(reports))
    prepared = [(d, text, gold_sections(text, secs) if use_sections else (), inds) for d, text, secs, inds in docs]

    t0 = time.perf_counter()
    results = {d: extract(text, secs) for d, text, secs, _ in prepared}
    elapsed = time.perf_counter() - t0

    per = collections.defaultdict(lambda: [0, 0, 0])
    approx_ok = approx_n = from_ok = from_n = sec_ok = surf_ok = 0
    misses, fps = [], []
    seed = [0, 0, 0]
    for d, text, _secs, gold in prepared:
        want = collections.defaultdict(list)
        for g in gold:
            if g["recoverable"]:
                want[(g["code"], round(float(g["value"]), 2))].append(g)
        got = collections.defaultdict(list)
        for ind in results[d][0]:
            got[(ind.code, round(ind.value, 2))].append(ind)
        for key in set(want) | set(got):
            w, g = want.get(key, []), got.get(key, [])
            tp = min(len(w), len(g))
            per[key[0]][0] += tp
            per[key[0]][1] += len(g) - tp
            per[key[0]][2] += len(w) - tp
            if d == SEED:
                seed[0] += tp
                seed[1] += len(g) - tp
                seed[2] += len(w) - tp
            for gw, gg in zip(w, g):
                approx_n += 1
                approx_ok += gw["approx"] == gg.approx
                from_n += 1
                from_ok += (gw["from_value"] is None and gg.from_value is None) or (
                    gw["from_value"] is not None and gg.from_value is not None
                    and round(gw["from_value"], 2) == round(gg.from_value, 2))
                sec_ok += gw["section"] == gg.section_path
                surf_ok += gw["surface"] == gg.surface
                if verbose and gw["approx"] != gg.approx:
                    print(f"  APPROX {d} {key} gold={gw['approx']} got={gg.approx} {gg.surface}")
                if verbose and gw["surface"] != gg.surface:
                    print(f"  SURF {d} {key} gold={gw['surface']} got={gg.surface}")
            for gw in w[tp:]:
                misses.append((d, key, gw["surface"]))
            for gg in g[tp:]:
                fps.append((d, key, gg.surface, gg.sentence[:80]))

    tp = sum(v[0] for v in per.values())
    fp = sum(v[1] for v in per.values())
    fn = sum(v[2] for v in per.values())
    p, r, f = prf(tp, fp, fn)
    print(f"documents {len(docs)}  gold {tp + fn}  got {tp + fp}")
    print(f"overall  P={p:.4f} R={r:.4f} F1={f:.4f}  (tp={tp} fp={fp} fn={fn})")
    print(f"approx acc {approx_ok / max(approx_n, 1):.4f}  from_value acc {from_ok / max(from_n, 1):.4f}  "
          f"section acc {sec_ok / max(approx_n, 1):.4f}  surface exact {surf_ok / max(approx_n, 1):.4f}")
    sp, sr, sf = prf(*seed)
    print(f"seed {SEED}: P={sp:.3f} R={sr:.3f} F1={sf:.3f} {seed}")
    print(f"speed: {len(docs) / elapsed:.0f} docs/s  ({elapsed / len(docs) * 1000:.3f} ms/doc)")
    print("per code (worst first):")
    rows = sorted(per.items(), key=lambda kv: prf(*kv[1])[2])
    for code, (a, b, c) in rows:
        cp, cr, cf = prf(a, b, c)
        print(f"  {code:34s} P={cp:.3f} R={cr:.3f} F1={cf:.3f}  tp={a} fp={b} fn={c}")
    for title, items in (("MISSES", misses), ("FALSE POSITIVES", fps)):
        items = [x for x in items if only is None or x[1][0] == only]
        print(f"{title} ({len(items)}):")
        for x in items[: 400 if verbose else 25]:
            print("  ", *x)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
