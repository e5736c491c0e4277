"""Dev script (not a test): how well sections / classify / metadata reproduce the gold.

    .venv/bin/python tests/tools/measure_sections.py [-v]

Input is the gold `clean_text` (and `versions[*].clean_text` of corrected reports), so the figures
measure this layer alone, not the cleaning upstream.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
import time
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

from countyreports.reading.classify import classify_title, could_be_county_report
from countyreports.reading.metadata import read_meta
from countyreports.models import PageKind
from countyreports.reading.sections import split_sections

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "portal" / "gold"
_WS = re.compile(r"\s+")
_TRAIL = "。.：:；;，,、!！?？"


def norm_title(s: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", s)).rstrip(_TRAIL)


def load(name: str) -> list[dict]:
    with open(GOLD / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def documents(reports: list[dict]):
    """(doc_id, clean_text, gold sections) for every report and every older corrected version."""
    for r in reports:
        yield r["report_id"], r["clean_text"], r["sections"], r
        for v in r.get("versions", []):
            if "clean_text" in v:
                yield f"{r['report_id']}@e{v['epoch']}", v["clean_text"], r["sections"], r


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(verbose: bool) -> None:
    reports = load("reports.jsonl")
    pages = load("pages.jsonl")

    tp = fp = fn = 0
    kind_ok = kind_n = 0
    t0 = time.perf_counter()
    parsed = {doc_id: split_sections(text) for doc_id, text, _, _ in documents(reports)}
    elapsed = time.perf_counter() - t0
    for doc_id, _text, gold_secs, _r in documents(reports):
        got = {(s.path, norm_title(s.title)) for s in parsed[doc_id] if s.path}
        want = {(s["path"], norm_title(s["title"])) for s in gold_secs if s["path"]}
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        if verbose and got != want:
            for x in sorted(got - want):
                print(f"  FP {doc_id} {x}")
            for x in sorted(want - got):
                print(f"  FN {doc_id} {x}")
        by_path = {s.path: s for s in parsed[doc_id]}
        for g in gold_secs:
            if g["level"] != 1:
                continue
            kind_n += 1
            s = by_path.get(g["path"])
            ok = (s is not None and s.kind == g.get("kind")
                  and s.secondary_kind == g.get("secondary_kind"))
            kind_ok += ok
            if verbose and not ok:
                print(f"  KIND {doc_id} {g['title']} want={g.get('kind')}/{g.get('secondary_kind')}"
                      f" got={s and (s.kind, s.secondary_kind)}")
    p, r, f = prf(tp, fp, fn)
    ndocs = len(parsed)
    print(f"sections: docs={ndocs} P={p:.4f} R={r:.4f} F1={f:.4f} (tp={tp} fp={fp} fn={fn}) "
          f"[{ndocs / elapsed:.0f} docs/s]")
    print(f"level-1 kind accuracy: {kind_ok}/{kind_n} = {kind_ok / kind_n:.4f}")

    fields = {"report_year": 0, "signed": 0, "issuer": 0}
    n = 0
    for doc_id, text, _, r in documents(reports):
        n += 1
        pub = dt.date.fromisoformat(r["published"]) if r.get("published") else None
        meta = read_meta(r["title"], text, pub)
        checks = {
            "report_year": meta.report_year == r["report_year"],
            "signed": (meta.signed_date.isoformat() if meta.signed_date else None) == r["signed"],
            "issuer": meta.issuer == r["issuer"],
        }
        for k, ok in checks.items():
            fields[k] += ok
            if verbose and not ok:
                print(f"  META {doc_id} {k}: want={r[k]} got={meta}")
    print("metadata: " + " ".join(f"{k}={v}/{n}={v / n:.4f}" for k, v in fields.items()))

    ok = total = 0
    for r in reports:
        total += 1
        got = classify_title(r["title"], r["county"])
        ok += got == PageKind.COUNTY_REPORT
        if verbose and got != PageKind.COUNTY_REPORT:
            print(f"  CLS report {r['report_id']} {r['title']} -> {got}")
    counties = {r["adcode"]: r["county"] for r in reports}
    counties.update(_county_names())
    for pg in pages:
        total += 1
        want = PageKind.COUNTY_REPORT if pg["kind"] == "duplicate" else PageKind(pg["kind"])
        got = classify_title(pg["title"], counties.get(pg["adcode"], ""))
        ok += got == want
        if verbose and got != want:
            print(f"  CLS page {pg['adcode']} {pg['title']} want={want} got={got}")
    print(f"classify_title accuracy: {ok}/{total} = {ok / total:.4f}")

    keep_r = sum(could_be_county_report(r["title"], r["county"]) for r in reports)
    neg = [pg for pg in pages if pg["kind"] not in ("duplicate",)]
    drop = sum(not could_be_county_report(pg["title"], counties.get(pg["adcode"], ""))
               for pg in neg)
    print(f"could_be_county_report (full titles): recall={keep_r}/{len(reports)} "
          f"rejected non-reports={drop}/{len(neg)}")
    items = list_titles()
    for label, sel in (("all", items), ("cut", [x for x in items if x[1].endswith(("...", "…"))])):
        pos = [x for x in sel if x[2]]
        negs = [x for x in sel if not x[2]]
        keep = sum(could_be_county_report(t, counties[a]) for a, t, _ in pos)
        rej = sum(not could_be_county_report(t, counties[a]) for a, t, _ in negs)
        print(f"could_be_county_report (list titles, {label}): recall={keep}/{len(pos)} "
              f"rejected non-reports={rej}/{len(negs)}")
        if verbose:
            for a, t, is_rep in sel:
                if could_be_county_report(t, counties[a]) != is_rep:
                    print(f"  LIST {a} {t} report={is_rep}")

    t0 = time.perf_counter()
    docs = list(documents(reports))
    for _doc_id, text, _, r in docs:
        split_sections(text)
        read_meta(r["title"], text, None)
        classify_title(r["title"], r["county"])
    rate = len(docs) / (time.perf_counter() - t0)
    print(f"throughput sections+metadata+classify: {rate:.0f} docs/s")


_A = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S | re.I)
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.I)
_TITLE_ATTR = re.compile(r"""title\s*=\s*["']([^"']*)["']""", re.I)
_TAG = re.compile(r"<[^>]+>")
_NOT_ITEM = re.compile(r"^(?:\d+|[上下]一?[页頁]|首[页頁]|尾页|末页|更多|more|»|«)$", re.I)


def list_titles() -> list[tuple[str, str, bool]]:
    """(adcode, title as shown on a list page, is a county report) for every link in the snapshot's
    HTML pages that points to a gold article (reports, their reposts and moved URLs, look-alikes).
    Both the anchor text (maybe cut with `...`) and the `title` attribute are taken; pagination
    links inside multi-page articles are skipped."""
    portal = GOLD.parent
    targets: dict[str, tuple[str, bool]] = {}
    for r in load("reports.jsonl"):
        for u in [r["url"], *r.get("duplicates", []), r.get("moved_to")]:
            if u:
                targets[u] = (r["adcode"], True)
    for pg in load("pages.jsonl"):
        targets.setdefault(pg["url"], (pg["adcode"], pg["kind"] == "duplicate"))
    out: set[tuple[str, str, bool]] = set()
    with open(portal / "manifest.jsonl", encoding="utf-8") as fh:
        entries = [json.loads(line) for line in fh]
    for e in entries:
        if e["status"] != 200 or not e["body"] or not e["body"].endswith(".html"):
            continue
        raw = (portal / e["body"]).read_bytes()
        if len(raw) > 2_000_000:
            continue
        try:
            page = raw.decode("utf-8")
        except UnicodeDecodeError:
            page = raw.decode("gb18030", "replace")
        for m in _A.finditer(page):
            h = _HREF.search(m.group(1))
            if not h:
                continue
            url = urljoin(e["url"], html.unescape(h.group(1)))
            if url not in targets:
                continue
            adcode, is_report = targets[url]
            text = html.unescape(_TAG.sub("", m.group(2))).strip()
            if text and not _NOT_ITEM.match(text):
                out.add((adcode, text, is_report))
            t = _TITLE_ATTR.search(m.group(1))
            if t and t.group(1).strip():
                out.add((adcode, html.unescape(t.group(1)).strip(), is_report))
    return sorted(out)


def _county_names() -> dict[str, str]:
    out = {}
    path = GOLD.parent / "counties.csv"
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split(",")
            if len(parts) >= 4:
                out[parts[0]] = parts[3]
    return out


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
