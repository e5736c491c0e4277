"""Dev script (not a test): score the current parser on the phrasebook, through the CLI only.

    .venv/bin/python tests/tools/measure_phrasebook.py [--json] [-v] [--cli PATH] [--keep DIR]
    .venv/bin/python tests/tools/measure_phrasebook.py --check      # validate the phrasebook itself; exit 1 on a problem
    .venv/bin/python tests/tools/measure_phrasebook.py --dir tests/fixtures/phrasebook2   # another phrasebook

The phrasebook (tests/fixtures/phrasebook/, see its README.md) holds sentences in constructions the bundled
snapshot does not use, look-alike sentences, level-1 headings and report openings, each with its expected
reading. Every case is written to a .txt file in a temporary folder and all of them are read by ONE call of
`countyreports parse FILE...` (one JSON line per file); nothing of the package is imported, so the script does
not depend on the package's module layout. How `parse` reads a .txt (document.parse_bytes): the lines that
are not blank are the paragraphs, the first one is also the title when shorter than 60 characters, and the
whole text (title line included) is cleaned, split into sections and read for metadata and indicators.

Documents written:
  indicators / look-alikes   a neutral title line, a level-1 heading of the case's `section_kind` (if any),
                             then the sentence;
  headings                   a neutral title line, one opening paragraph, "一、" + the heading, then its body;
  openings                   the title line, then the paragraphs as given.

Scoring
  indicators: a multiset match per case on (code, round(value, 2), round(from_value, 2) or None, value_kind).
  Every indicator the CLI prints is a prediction; its value_kind is the row's `value_kind` field when the
  CLI prints one, else "value" (today no field marks a change, so an expected `change` item cannot be
  matched: it counts as a miss, and a predicted row carrying the change's number counts as a false
  positive). Recall over the phrasebook's expected items; precision over every predicted row of the
  phrasebook and the look-alikes; unit and approx accuracy over the matched items. Each miss is also put
  in a class from the CLI's `mentions`: change_unmarked (the difference was read as a value), wrong_value
  (the code was predicted with another value, e.g. the from-value of a from→to), wrong_code (the value
  was coded as another code), uncoded_mention (the number was found but given no code), no_mention (the
  number was not found as a quantity at all).
  headings: the kind (and secondary_kind) of the first level-1 section against the expected ones.
  openings: report_year, issuer (whitespace-normalised) and signed date against the expected ones (None
  expected = None predicted), and their annotated indicators as above.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "tests" / "fixtures" / "phrasebook"
PORTAL = ROOT / "tests" / "fixtures" / "portal"

KINDS = ("measures_results", "leader_duties", "court_judgments", "shortcomings", "next_year_plan", "other")
#: the level-1 heading put before a sentence to give it its section context (wordings the parser classifies)
CONTEXT_HEADING = {
    "measures_results": "一、主要举措和成效",
    "leader_duties": "一、党政主要负责人履行推进法治建设第一责任人职责情况",
    "court_judgments": "一、履行人民法院生效裁判情况",
    "shortcomings": "一、存在的不足和原因",
    "next_year_plan": "一、下一步工作计划",
    "other": "一、其他需要说明的事项",
}
DOC_TITLE = "某县法治政府建设情况报告（摘录）"
HEADING_OPENING = "一年来，全县认真落实法治政府建设各项任务。现将有关情况报告如下。"
VALUE_KINDS = ("value", "change")
MIN_PER_CODE, MIN_LOOKALIKES, MIN_HEADINGS, MIN_OPENINGS, MIN_OPENING_INDICATORS = 8, 80, 40, 10, 10

Key = tuple[str, float, float | None, str]


# --------------------------------------------------------------------------------------------- loading


def load_jsonl(name: str) -> list[dict[str, Any]]:
    path = BOOK / name
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def code_units() -> dict[str, str]:
    """The indicator codes and their units, read from the table of tests/fixtures/portal/README.md."""
    units: dict[str, str] = {}
    for line in (PORTAL / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\|\s*`([a-z_]+)`\s*\|\s*([a-z-]+)\s*\|", line)
        if m and m.group(2) in {"count", "persons", "person-times", "households", "percent", "yuan"}:
            units[m.group(1)] = m.group(2)
    return units


# --------------------------------------------------------------------------------------------- documents


def indicator_doc(case: dict[str, Any]) -> str:
    lines = [DOC_TITLE]
    if case.get("section_kind"):
        lines.append(CONTEXT_HEADING[case["section_kind"]])
    lines.append(case["text"])
    return "\n".join(lines) + "\n"


def heading_doc(case: dict[str, Any]) -> str:
    return "\n".join([DOC_TITLE, HEADING_OPENING, "一、" + case["heading"], case["body"]]) + "\n"


def opening_doc(case: dict[str, Any]) -> str:
    return "\n".join([case["title"], *case["paragraphs"]]) + "\n"


def find_cli(given: str | None) -> str:
    if given:
        return given
    local = ROOT / ".venv" / "bin" / "countyreports"
    if local.exists():
        return str(local)
    found = shutil.which("countyreports")
    if not found:
        sys.exit("countyreports CLI not found: run `make install` or give --cli PATH")
    return found


def run_parse(cli: str, docs: dict[str, str], workdir: Path) -> dict[str, dict[str, Any]]:
    """Write each document to workdir/<id>.txt, parse them all in one CLI call; results by id."""
    files = []
    for cid, text in docs.items():
        p = workdir / f"{cid}.txt"
        p.write_text(text, encoding="utf-8")
        files.append(p)
    env = dict(os.environ, DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               COUNTYREPORTS_RAW_DIR=str(workdir / "raw"))
    proc = subprocess.run([cli, "parse", *map(str, files)], capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        sys.exit(f"`countyreports parse` failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    out: dict[str, dict[str, Any]] = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            row = json.loads(line)
            out[Path(row["file"]).stem] = row
    missing = [cid for cid in docs if cid not in out]
    if missing:
        sys.exit(f"no parse output for {len(missing)} files, e.g. {missing[:3]}")
    return out


# --------------------------------------------------------------------------------------------- scoring


def rnd(x: float | None) -> float | None:
    return None if x is None else round(float(x), 2)


def expected_key(e: dict[str, Any]) -> Key:
    return (e["code"], rnd(e["value"]), rnd(e.get("from_value")), e.get("value_kind", "value"))  # type: ignore[return-value]


def predicted_key(p: dict[str, Any]) -> Key:
    kind = p.get("value_kind") or "value"  # no such field in today's output: every row is a value
    return (p["code"], rnd(p["value"]), rnd(p.get("from_value")), kind)  # type: ignore[return-value]


def match(expected: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> tuple[
        list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Multiset match: (matched pairs, missed expected items, unmatched predictions)."""
    pool: dict[Key, list[dict[str, Any]]] = collections.defaultdict(list)
    for p in predicted:
        pool[predicted_key(p)].append(p)
    pairs, missed = [], []
    for e in expected:
        got = pool.get(expected_key(e))
        if got:
            pairs.append((e, got.pop(0)))
        else:
            missed.append(e)
    extra = [p for ps in pool.values() for p in ps]
    return pairs, missed, extra


def miss_class(e: dict[str, Any], extra: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> str:
    v = rnd(e["value"])
    if e.get("value_kind") == "change":
        if any(rnd(p["value"]) in (v, rnd(abs(e["value"]))) for p in extra) or any(
                rnd(m["value"]) in (v, rnd(abs(e["value"]))) for m in mentions):
            return "change_unmarked"
        return "no_mention"
    if any(p["code"] == e["code"] for p in extra):
        return "wrong_value"
    if any(rnd(p["value"]) == v for p in extra):
        return "wrong_code"
    if any(rnd(m["value"]) == v and not m.get("code") for m in mentions):
        return "uncoded_mention"
    return "no_mention"


class Tally:
    """True positives, false positives and false negatives per code, plus attribute checks and miss classes."""

    def __init__(self) -> None:
        self.tp: collections.Counter[str] = collections.Counter()
        self.fp: collections.Counter[str] = collections.Counter()
        self.fn: collections.Counter[str] = collections.Counter()
        self.fn_value = 0  # misses among expected `value` items (changes left out)
        self.n_value = 0
        self.unit_ok = self.approx_ok = 0
        self.classes: collections.Counter[str] = collections.Counter()
        self.by_tag: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])  # tag -> [found, expected]
        self.misses: list[dict[str, Any]] = []
        self.false_pos: list[dict[str, Any]] = []

    def add(self, case: dict[str, Any], expected: list[dict[str, Any]], row: dict[str, Any]) -> None:
        predicted = row.get("indicators") or []
        pairs, missed, extra = match(expected, predicted)
        for e, p in pairs:
            self.tp[e["code"]] += 1
            self.unit_ok += p.get("unit") == e["unit"]
            self.approx_ok += bool(p.get("approx")) == bool(e["approx"])
        for e in expected:
            if e.get("value_kind", "value") == "value":
                self.n_value += 1
        for e in missed:
            self.fn[e["code"]] += 1
            if e.get("value_kind", "value") == "value":
                self.fn_value += 1
            cls = miss_class(e, extra, row.get("mentions") or [])
            self.classes[cls] += 1
            self.misses.append({"id": case["id"], "text": case.get("text", ""), "expected": expected_key(e),
                                "class": cls, "predicted": [predicted_key(p) for p in predicted]})
        for p in extra:
            self.fp[p["code"]] += 1
            self.false_pos.append({"id": case["id"], "text": case.get("text", ""), "predicted": predicted_key(p),
                                   "surface": p.get("surface")})
        if "error" in row:
            self.misses.append({"id": case["id"], "error": row["error"]})
        found = len(pairs)
        for tag in case.get("tags", []):
            self.by_tag[tag][0] += found
            self.by_tag[tag][1] += len(expected)

    def totals(self) -> dict[str, Any]:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        return prf(tp, fp, fn)


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


# --------------------------------------------------------------------------------------------- check


def _shape(s: str) -> str:
    """A text with its numbers (Arabic or Chinese, with 万/亿) replaced by N, for comparing constructions."""
    s = "".join(unicodedata.normalize("NFKC", s).split())
    return re.sub(r"[0-9][0-9.,]*|[〇零一二两三四五六七八九十百千万亿]+", "N", s)


def check(units: dict[str, str], book: list[dict[str, Any]], looks: list[dict[str, Any]],
          heads: list[dict[str, Any]], opens: list[dict[str, Any]]) -> list[str]:
    """Problems of the phrasebook: schema, counts, and constructions or headings taken from the snapshot."""
    problems: list[str] = []
    ids = collections.Counter(c["id"] for c in [*book, *looks, *heads, *opens])
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]

    def check_item(cid: str, e: dict[str, Any]) -> None:
        if e.get("code") not in units:
            problems.append(f"{cid}: unknown code {e.get('code')}")
            return
        if e.get("unit") != units[e["code"]]:
            problems.append(f"{cid}: unit {e.get('unit')} for {e['code']} (the code's unit is {units[e['code']]})")
        if not isinstance(e.get("value"), (int, float)) or not isinstance(e.get("approx"), bool):
            problems.append(f"{cid}: value must be a number and approx a boolean")
        if e.get("value_kind") not in VALUE_KINDS:
            problems.append(f"{cid}: value_kind must be one of {VALUE_KINDS}")
        if e.get("value_kind") == "change" and e.get("from_value") is not None:
            problems.append(f"{cid}: a change has no from_value")
        if units[e["code"]] in ("count", "persons", "person-times", "households") and float(e["value"]) != int(e["value"]):
            problems.append(f"{cid}: a count must be an integer")

    per_code: collections.Counter[str] = collections.Counter()
    for c in [*book, *looks]:
        if c.get("section_kind") not in (None, *KINDS):
            problems.append(f"{c['id']}: unknown section_kind {c.get('section_kind')}")
        for e in c["expected"]:
            check_item(c["id"], e)
    for c in book:
        if not c["expected"]:
            problems.append(f"{c['id']}: a phrasebook sentence with nothing expected belongs in lookalikes.jsonl")
        for code in {e["code"] for e in c["expected"]}:
            per_code[code] += 1
    problems += [f"code {code}: {per_code[code]} sentences (< {MIN_PER_CODE})" for code in units
                 if per_code[code] < MIN_PER_CODE]
    if len(looks) < MIN_LOOKALIKES:
        problems.append(f"{len(looks)} look-alikes (< {MIN_LOOKALIKES})")

    # constructions of the snapshot: the shape of every gold surface, per code
    gold_shapes: dict[str, set[str]] = collections.defaultdict(set)
    gold_titles: set[str] = set()
    with (PORTAL / "gold" / "reports.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            for v in [r, *r.get("versions", [])]:
                for i in v.get("indicators", []):
                    gold_shapes[i["code"]].add(_shape(i["surface"]))
            gold_titles |= {_shape(s["title"]) for s in r["sections"] if s["level"] == 1}
    for c in book:
        shape = _shape(c["text"])
        for code in {e["code"] for e in c["expected"]}:
            used = sorted(s for s in gold_shapes[code] if s in shape)
            if used:
                problems.append(f"{c['id']}: uses the snapshot's construction for {code}: {used[0]}")

    for h in heads:
        exp = h.get("expected", {})
        if exp.get("kind") not in KINDS or exp.get("secondary_kind") not in (None, *KINDS):
            problems.append(f"{h['id']}: bad expected kinds {exp}")
        if _shape(h["heading"]) in gold_titles:
            problems.append(f"{h['id']}: heading wording is one of the snapshot's: {h['heading']}")
    if len(heads) < MIN_HEADINGS:
        problems.append(f"{len(heads)} headings (< {MIN_HEADINGS})")

    n_ind = 0
    for o in opens:
        exp = o.get("expected", {})
        if set(exp) != {"report_year", "issuer", "signed"}:
            problems.append(f"{o['id']}: expected needs report_year, issuer, signed")
        if exp.get("signed") is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", exp["signed"]):
            problems.append(f"{o['id']}: signed must be YYYY-MM-DD")
        for e in o.get("indicators", []):
            check_item(o["id"], e)
            n_ind += 1
    if len(opens) < MIN_OPENINGS or n_ind < MIN_OPENING_INDICATORS:
        problems.append(f"{len(opens)} openings with {n_ind} indicators (< {MIN_OPENINGS} / {MIN_OPENING_INDICATORS})")
    return problems


# --------------------------------------------------------------------------------------------- main


def _norm_issuer(s: str | None) -> str | None:
    return " ".join(s.split()) if s else None


def measure(cli: str, workdir: Path, units: dict[str, str], book: list[dict[str, Any]],
            looks: list[dict[str, Any]], heads: list[dict[str, Any]], opens: list[dict[str, Any]]) -> dict[str, Any]:
    docs: dict[str, str] = {}
    docs.update({c["id"]: indicator_doc(c) for c in [*book, *looks]})
    docs.update({h["id"]: heading_doc(h) for h in heads})
    docs.update({o["id"]: opening_doc(o) for o in opens})
    rows = run_parse(cli, docs, workdir)

    phr, look = Tally(), Tally()
    for c in book:
        phr.add(c, c["expected"], rows[c["id"]])
    for c in looks:
        look.add(c, c["expected"], rows[c["id"]])
    per_code = {}
    for code in units:
        tp, fp, fn = phr.tp[code] + look.tp[code], phr.fp[code] + look.fp[code], phr.fn[code] + look.fn[code]
        per_code[code] = prf(tp, fp, fn)
    all_tp = sum(phr.tp.values()) + sum(look.tp.values())
    all_fp = sum(phr.fp.values()) + sum(look.fp.values())
    all_fn = sum(phr.fn.values()) + sum(look.fn.values())
    n_matched = sum(phr.tp.values()) + sum(look.tp.values())
    indicators = {
        "all": prf(all_tp, all_fp, all_fn),
        "phrasebook_sentences": phr.totals(),
        "lookalikes": {"sentences": len(looks), "with_false_positive": len({f["id"] for f in look.false_pos}),
                       "false_positives": sum(look.fp.values())},
        "recall_values_only": round(1 - phr.fn_value / phr.n_value, 4) if phr.n_value else 1.0,
        "expected_changes": sum(1 for c in book for e in c["expected"] if e.get("value_kind") == "change"),
        "unit_accuracy_matched": round((phr.unit_ok + look.unit_ok) / n_matched, 4) if n_matched else None,
        "approx_accuracy_matched": round((phr.approx_ok + look.approx_ok) / n_matched, 4) if n_matched else None,
        "miss_classes": dict(phr.classes.most_common()),
        "recall_by_tag": {t: round(f / n, 4) for t, (f, n) in sorted(phr.by_tag.items()) if n},
        "per_code": per_code,
    }

    kind_ok = pair_ok = no_head = 0
    by_kind: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    head_misses = []
    for h in heads:
        row = rows[h["id"]]
        level1 = [s for s in row.get("sections", []) if s["level"] == 1]
        kinds = (level1[0]["kind"], level1[0]["secondary_kind"]) if level1 else (None, None)
        want = (h["expected"]["kind"], h["expected"]["secondary_kind"])
        no_head += not level1
        kind_ok += kinds[0] == want[0]
        pair_ok += kinds == want
        by_kind[want[0]][0] += kinds[0] == want[0]
        by_kind[want[0]][1] += 1
        if kinds != want:
            head_misses.append({"id": h["id"], "heading": h["heading"], "expected": want, "got": kinds})
    headings = {"cases": len(heads), "kind_accuracy": round(kind_ok / len(heads), 4),
                "kind_and_secondary_accuracy": round(pair_ok / len(heads), 4), "no_level1_section": no_head,
                "kind_accuracy_by_expected_kind": {k: f"{a}/{n}" for k, (a, n) in sorted(by_kind.items())},
                "misses": head_misses}

    ok: collections.Counter[str] = collections.Counter()
    open_tally = Tally()
    open_misses = []
    for o in opens:
        row = rows[o["id"]]
        exp = o["expected"]
        got = {"report_year": row.get("report_year"), "issuer": _norm_issuer(row.get("issuer")),
               "signed": row.get("signed")}
        for field in ("report_year", "issuer", "signed"):
            expect = _norm_issuer(exp[field]) if field == "issuer" else exp[field]
            if got[field] == expect:
                ok[field] += 1
            else:
                open_misses.append({"id": o["id"], "field": field, "expected": expect, "got": got[field]})
        open_tally.add({"id": o["id"], "text": o["title"]}, o.get("indicators", []), row)
    n = len(opens)
    openings = {"cases": n, **{f"{f}_accuracy": round(ok[f] / n, 4) for f in ("report_year", "issuer", "signed")},
                "all_three_right": sum(1 for o in opens if not any(m["id"] == o["id"] for m in open_misses)),
                "indicators": {**open_tally.totals(),
                               "found": f"{sum(open_tally.tp.values())} of "
                                        f"{sum(len(o.get('indicators', [])) for o in opens)}"},
                "misses": open_misses}
    return {"cli": cli, "indicators": indicators, "headings": headings, "openings": openings,
            "_details": {"misses": phr.misses, "false_positives": phr.false_pos + look.false_pos,
                         "opening_indicator_misses": open_tally.misses,
                         "opening_false_positives": open_tally.false_pos}}


def print_text(res: dict[str, Any], verbose: bool) -> None:
    ind = res["indicators"]
    a, s = ind["all"], ind["phrasebook_sentences"]
    print(f"indicators (phrasebook + look-alikes): P {a['precision']:.3f}  R {a['recall']:.3f}  F1 {a['f1']:.3f}"
          f"   (tp {a['tp']}, fp {a['fp']}, fn {a['fn']})")
    print(f"  phrasebook sentences alone:          P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    lk = ind["lookalikes"]
    print(f"  look-alikes: {lk['with_false_positive']} of {lk['sentences']} sentences give a false indicator "
          f"({lk['false_positives']} rows)")
    print(f"  recall on `value` items only: {ind['recall_values_only']:.3f}; expected changes: "
          f"{ind['expected_changes']} (unmatchable today: no output field marks a change)")
    print(f"  on matched items: unit accuracy {ind['unit_accuracy_matched']}, approx accuracy "
          f"{ind['approx_accuracy_matched']}")
    print(f"  misses by class: {ind['miss_classes']}")
    print("  recall by construction tag: " + ", ".join(f"{t} {r:.2f}" for t, r in ind["recall_by_tag"].items()))
    print(f"\n  {'code':34} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for code, m in ind["per_code"].items():
        print(f"  {code:34} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['tp']:4d} {m['fp']:4d} {m['fn']:4d}")
    h = res["headings"]
    print(f"\nheadings: kind accuracy {h['kind_accuracy']:.3f}, kind+secondary {h['kind_and_secondary_accuracy']:.3f} "
          f"over {h['cases']} ({h['no_level1_section']} without a level-1 section); by expected kind: "
          f"{h['kind_accuracy_by_expected_kind']}")
    o = res["openings"]
    print(f"openings ({o['cases']}): report_year {o['report_year_accuracy']:.3f}, issuer {o['issuer_accuracy']:.3f}, "
          f"signed {o['signed_accuracy']:.3f}; all three right: {o['all_three_right']}; indicators found "
          f"{o['indicators']['found']} (P {o['indicators']['precision']:.3f})")
    if verbose:
        d = res["_details"]
        print("\nmisses:")
        for m in d["misses"]:
            print(f"  {m['id']:22} {m.get('class', ''):16} exp {m.get('expected')} got {m.get('predicted')}  "
                  f"{m.get('text', m.get('error', ''))}")
        print("\nfalse positives:")
        for m in d["false_positives"]:
            print(f"  {m['id']:22} {m['predicted']} «{m['surface']}»  {m['text']}")
        print("\nheading misses:")
        for m in h["misses"]:
            print(f"  {m['id']:14} exp {m['expected']} got {m['got']}  {m['heading']}")
        print("\nopening misses:")
        for m in o["misses"]:
            print(f"  {m['id']:10} {m['field']:12} exp {m['expected']!r} got {m['got']!r}")
        for m in d["opening_indicator_misses"]:
            print(f"  {m['id']:10} indicator {m.get('class', '')} exp {m.get('expected')} got {m.get('predicted')}")
        for m in d["opening_false_positives"]:
            print(f"  {m['id']:10} false indicator {m['predicted']} «{m['surface']}»")


def main(argv: list[str] | None = None) -> int:
    global BOOK
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false positive")
    ap.add_argument("--check", action="store_true", help="only validate the phrasebook; exit 1 on a problem")
    ap.add_argument("--cli", help="the countyreports command (default: .venv/bin/countyreports, else PATH)")
    ap.add_argument("--keep", type=Path, help="write the .txt documents here and keep them")
    ap.add_argument("--dir", type=Path, default=BOOK,
                    help="the phrasebook folder (default tests/fixtures/phrasebook; e.g. tests/fixtures/phrasebook2)")
    args = ap.parse_args(argv)
    BOOK = args.dir.resolve()

    units = code_units()
    if len(units) != 35:
        print(f"warning: {len(units)} codes read from {PORTAL / 'README.md'} (35 expected)", file=sys.stderr)
    book, looks = load_jsonl("indicators.jsonl"), load_jsonl("lookalikes.jsonl")
    heads, opens = load_jsonl("headings.jsonl"), load_jsonl("openings.jsonl")
    problems = check(units, book, looks, heads, opens)
    if args.check:
        for p in problems:
            print(p)
        print(f"{len(problems)} problems; {len(book)} sentences, {len(looks)} look-alikes, {len(heads)} headings, "
              f"{len(opens)} openings")
        return 1 if problems else 0
    if problems:
        print(f"warning: the phrasebook has {len(problems)} problems (run --check)", file=sys.stderr)

    cli = find_cli(args.cli)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        res = measure(cli, args.keep, units, book, looks, heads, opens)
    else:
        with tempfile.TemporaryDirectory(prefix="phrasebook-") as tmp:
            res = measure(cli, Path(tmp), units, book, looks, heads, opens)
    if args.json:
        out = {k: v for k, v in res.items() if k != "_details"} if not args.verbose else res
        print(json.dumps(out, ensure_ascii=False, indent=1, default=list))
    else:
        print_text(res, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
