"""Dev tool (not a test): measure decode + extract_article (+ attachment readers) against gold.

For every gold report whose noise is empty or only ``replacement_chars`` (the page text itself is
clean), compute the character error rate

    CER = Σ edit_distance(norm(extracted), norm(gold clean_text)) / Σ len(norm(gold clean_text))

with norm = Unicode NFKC + removal of all whitespace, where ``extracted`` is ``"\\n".join(paragraphs)``
of the joined pages (or, for ``attachment_only`` reports, of the attachment). The attachment-only reports
are reported separately, and so are the other noise groups (for information: their text is repaired by
clean.py, not here). Also times decode_html + extract_article over every HTML page of the snapshot.

Usage: .venv/bin/python tests/tools/measure_text.py [--show N] [--ids ID,...] [--bench]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from countyreports.reading.attachment import docx_paragraphs, pdf_paragraphs  # noqa: E402
from countyreports.text.decode import decode_html  # noqa: E402
from countyreports.reading.article import extract_article, join_pages  # noqa: E402
from portal_fixture import PORTAL, body, content_type, entry, gold_reports, manifest  # noqa: E402

try:
    from rapidfuzz.distance import Levenshtein

    def distance(a: str, b: str) -> int:
        return Levenshtein.distance(a, b)
except ImportError:  # pragma: no cover - approximation without rapidfuzz
    import difflib

    def distance(a: str, b: str) -> int:
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return max(len(a), len(b)) - sum(t.size for t in sm.get_matching_blocks())


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def extract_report(r: dict, epoch: int | None = None) -> list[str]:
    if r["attachment"]:
        raw = body(r["attachment"], epoch)
        if r["attachment"].lower().endswith(".pdf"):
            return pdf_paragraphs(raw)
        return docx_paragraphs(raw)
    pages = []
    for u in r["pages"]:
        d = decode_html(body(u, epoch), content_type(u, epoch))
        pages.append(extract_article(d.text, u))
    return list(join_pages(pages).paragraphs)


def group_of(r: dict) -> str:
    noise = set(r["noise"])
    if "attachment_only" in noise:
        return "attachment_only"
    if noise <= {"replacement_chars"}:
        return "clean"
    return "other:" + "+".join(sorted(noise - {"replacement_chars"}))


def gold_text(r: dict) -> str:
    # The top-level text describes the latest version (the bodies we read are the latest epoch's).
    return r["clean_text"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print the N worst reports of the clean group")
    ap.add_argument("--ids", default="", help="only these report ids")
    ap.add_argument("--bench", action="store_true", help="time decode+extract over all HTML pages")
    args = ap.parse_args()
    ids = set(filter(None, args.ids.split(",")))

    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    per: list[tuple[float, str, int, int]] = []
    for r in gold_reports():
        if ids and r["report_id"] not in ids:
            continue
        g = norm(gold_text(r))
        x = norm("\n".join(extract_report(r)))
        d = distance(x, g)
        grp = group_of(r)
        totals[grp][0] += d
        totals[grp][1] += len(g)
        totals[grp][2] += 1
        per.append((d / max(len(g), 1), r["report_id"], d, len(g)))
        if ids:
            print(r["report_id"], grp, f"dist={d} len={len(g)}")
    for grp in sorted(totals):
        d, n, k = totals[grp]
        print(f"{grp:45s} reports={k:4d} CER={100 * d / max(n, 1):.3f}%  ({d}/{n})")
    if args.show:
        rid_group = {r["report_id"]: group_of(r) for r in gold_reports()}
        worst = sorted((p for p in per if rid_group[p[1]] in ("clean", "attachment_only")), reverse=True)
        for cer, rid, d, n in worst[: args.show]:
            print(f"  {rid} {rid_group[rid]} CER={100 * cer:.2f}% ({d}/{n})")

    if args.bench:
        pages = []
        for url, entries in manifest().items():
            e = entries[max(entries)]
            if e["body"].endswith(".html"):
                raw = (PORTAL / e["body"]).read_bytes()
                if len(raw) > 2_000_000:
                    continue  # the ~8 MB "huge page" is not an article
                pages.append((url, raw, e["headers"].get("Content-Type")))
        t0 = time.perf_counter()
        for url, raw, ct in pages:
            extract_article(decode_html(raw, ct).text, url)
        el = time.perf_counter() - t0
        print(f"decode+extract: {len(pages)} pages in {el:.3f}s = {len(pages) / el:.0f} pages/s")


if __name__ == "__main__":
    entry  # re-exported helper, keep import used
    main()
