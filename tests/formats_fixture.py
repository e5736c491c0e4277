"""The format fixtures (tests/fixtures/formats, issue 17) and their gold: each file's expected text is the
bundled snapshot's gold `clean_text` of its report (for a Word file with the table's caption and rows; the
document's title, page numbers, headers and the seal are not text of the report), its indicators the snapshot's
gold indicators, and for a scan the page each indicator is on (`indicator_pages`, from the rendering's layout).

    from formats_fixture import FORMATS, fixture, cer, indicator_matches
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from portal_fixture import gold_report

FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats"
_WS = re.compile(r"\s+")


@functools.lru_cache(maxsize=1)
def fixtures() -> dict[str, dict]:
    """format (doc, wps, scan-clean, scan-hard, html-images) -> the fixture's gold entry."""
    out = {}
    for line in (FORMATS / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        e = json.loads(line)
        out[e["format"]] = e
    return out


def fixture(fmt: str) -> tuple[Path, dict, dict]:
    """(the file, its fixture gold, the snapshot gold of its report)."""
    e = fixtures()[fmt]
    return FORMATS / e["file"], e, gold_report(e["report_id"])


def _norm(s: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", s))


def cer(text: str, expected: str) -> float:
    """Character error rate after NFKC and whitespace removal (the snapshot gold's convention)."""
    ref = _norm(expected)
    return Levenshtein.distance(_norm(text), ref) / max(1, len(ref))


def indicator_matches(found: list[dict], gold: dict) -> tuple[int, int, int]:
    """(matched, gold, spurious) on (code, value) multisets."""
    got = Counter((i["code"], round(float(i["value"]), 2)) for i in found)
    want = Counter((i["code"], round(float(i["value"]), 2)) for i in gold["indicators"])
    return sum((got & want).values()), sum(want.values()), sum((got - want).values())


@functools.lru_cache(maxsize=1)
def shared_derived() -> str:
    """One derived cache (Settings.derived_dir) for the harvests of the whole test session: the same bytes are
    converted or OCR'd once, as in production, so the suite pays for the snapshot's scans once."""
    import atexit
    import shutil
    import tempfile

    path = tempfile.mkdtemp(prefix="countyreports-test-derived-")
    atexit.register(shutil.rmtree, path, True)
    return path
