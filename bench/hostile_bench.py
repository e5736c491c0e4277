"""Hostile inputs: the read path's time as a page grows (1×, 4×, 16×), each kind of page read whole — decode,
main text, clean, sections, report metadata, indicators (`reading.document.json_line`, what `countyreports parse`
runs) — each in a fresh process capped at 2 GiB of address space and 120 s (a case that is not linear ends
"over budget", it does not hang the bench). CPU seconds of the reading alone, best of `--rounds`; linear growth
gives ratios near 4 and 16.

    python bench/hostile_bench.py [--rounds 5] [--cases a,b] [--out result.json]

The 16× sizes are about the crawl's body cap (5 MiB) for the HTML cases. Pages are built here from the hostile
corpus's pieces (tests/hostile_corpus.py) and the snapshot's own report pages.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
import zipfile
from collections.abc import Callable
from typing import Any

from common import BUNDLED, ROOT, emit, load

sys.path.insert(0, str(ROOT / "tests"))

import hostile_corpus as H  # noqa: E402


SCALES = (1, 4, 16)


def _report_paragraphs() -> list[str]:
    import json

    with (BUNDLED / "gold" / "reports.jsonl").open(encoding="utf-8") as fh:
        text = next(r["clean_text"] for r in map(json.loads, fh) if r["report_id"] == "141029-2023")
    return [p for p in text.split("\n") if p.strip()]


def report_page(k: int) -> bytes:
    """A real report (乡宁县 2023, 4,200 characters) k times over, as an article page."""
    body = "".join(f"<p>{p}</p>" for p in _report_paragraphs() * k)
    return H._html(f'<div class="content">{body}</div>')


def nested_divs(k: int) -> bytes:
    n = 10_000 * k
    return H._html("<div>" * n + "<h1>某县报告</h1><p>" + H.PROSE + "</p>" + "</div>" * n)


def unclosed_tags(k: int) -> bytes:
    tags = ["div", "p", "b", "i", "font", "span", "table", "td", "ul", "li", "blockquote", "section"]
    return H._html("".join(f"<{tags[i * 7 % 12]}>" + ("测试" if i % 50 == 0 else "") for i in range(12_500 * k)))


def lost_marks(k: int) -> bytes:
    return H._html("<div class='content'><p>" + "测试?测试" * (10_000 * k) + "</p></div>")


def headings(k: int) -> bytes:
    cn = [H._cn(i) for i in range(1, 100)]
    lines = [f"{cn[i % 99]}、第{i}部分\n" + "\n".join(f"{j}.工作{j}。开展培训一次。" for j in range(1, 60))
             for i in range(40 * k)]
    return "\n".join(lines).encode("utf-8")


def garbage(k: int) -> bytes:
    import random

    rnd = random.Random(3)
    return b'<html><head><meta charset="gb2312"></head><body><p>' + \
        bytes(rnd.randrange(0x81, 0xFF) for _ in range(250_000 * k)) + b"</p></body></html>"


def docx(k: int) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(H._snapshot_attachment(".docx")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                m = re.search(rb"<w:body>(.*)(<w:sectPr.*)</w:body>", data, re.S)
                assert m is not None
                data = data[:m.start(1)] + m.group(1) * k + data[m.start(2):]
            z.writestr(info, data)
    return out.getvalue()


def pdf(k: int) -> bytes:
    return H._raw_pdf([b"BT /F1 12 Tf 50 780 Td (Page %d: 12 cases, 8 lawsuits.) Tj ET" % i for i in range(20 * k)])


def no_stop(k: int) -> bytes:
    return ("一、" + H.SENTENCE * (1_250 * k)).encode("utf-8")


CASES: dict[str, tuple[str, Callable[[int], bytes], str]] = {
    "report_page": ("report.html", report_page, "k × a real report (4,200 characters)"),
    "nested_divs": ("nested.html", nested_divs, "k × 10,000 nested <div>"),
    "unclosed_tags": ("unclosed.html", unclosed_tags, "k × 12,500 tags never closed"),
    "lost_marks": ("marks.html", lost_marks, "k × 10,000 lost-character marks (测试?测试)"),
    "headings": ("headings.txt", headings, "k × 2,400 numbered headings (capped at 1,000 sections)"),
    "garbage": ("garbage.html", garbage, "k × 250 KB of random GB bytes (mojibake everywhere)"),
    "docx": ("report.docx", docx, "the snapshot's .docx report, its body k times"),
    "pdf": ("report.pdf", pdf, "a PDF of k × 20 pages"),
    "no_stop": ("no_stop.txt", no_stop, "一、 + k × 1,250 行政复议案件12件， (no full stop: the indicator stage)"),
}


_CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({mem}, {mem}))
from countyreports.reading import document
name, rounds = sys.argv[1], int(sys.argv[2])
data = sys.stdin.buffer.read()
def read():
    try:
        return document.json_line(name, data)
    except AttributeError:  # (an older read path: no json_line)
        return json.dumps(document.to_json(document.parse_bytes(data, name)))
best = float("inf")
for _ in range(rounds):
    t0 = time.process_time()
    line = read()
    best = min(best, time.process_time() - t0)
out = json.loads(line)
print(json.dumps({{"cpu_s": best, "error": out.get("error"), "truncated": out.get("truncated", []),
                  "mentions": len(out.get("mentions", []))}}))
"""


def read_timed(file: str, data: bytes, rounds: int, budget_s: float, memory: int) -> dict[str, Any]:
    """The reading's best CPU time over `rounds` in a fresh process of `memory` bytes of address space, killed
    after `budget_s` (a plain child process rather than the sandbox pool, so that the same script measures a
    checkout without the sandbox: the figures before and after)."""
    import json
    import subprocess

    try:
        proc = subprocess.run([sys.executable, "-c", _CHILD.format(mem=memory), file, str(rounds)], input=data,
                              capture_output=True, timeout=budget_s)
    except subprocess.TimeoutExpired:
        return {"cpu_s": None, "error": f"over {budget_s:g} s"}
    if proc.returncode != 0:
        why = "MemoryError" if b"MemoryError" in proc.stderr else f"exit {proc.returncode}"
        return {"cpu_s": None, "error": f"{why} (address space {memory >> 20} MiB)"}
    return dict(json.loads(proc.stdout.decode().strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--budget-s", type=float, default=120.0)
    ap.add_argument("--memory-mib", type=int, default=2048)
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    load0 = load()
    results: dict[str, Any] = {}
    for key in a.cases.split(","):
        file, build, what = CASES[key]
        rows: dict[int, Any] = {}
        for k in SCALES:
            data = build(k)
            rows[k] = {"bytes": len(data), **read_timed(file, data, a.rounds if k < 16 else max(1, a.rounds // 2),
                                                          a.budget_s, a.memory_mib << 20)}
            print(f"    {key} {k}x: {rows[k]}", file=sys.stderr, flush=True)
        results[key] = {"what": what, "scales": rows}
    from countyreports import native

    emit({"cases": results, "compiled": str(native.in_use()) if native.in_use() else None,
          "load": [load0, load()]}, a.out)


if __name__ == "__main__":
    main()
