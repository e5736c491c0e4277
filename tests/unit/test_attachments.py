"""countyreports.attachments with the real tools (issue 17): LibreOffice converts the .wps fixture, RapidOCR reads
the four page images of the page-image fixture (the only OCR here: ~4 pages of CPU), in a real sandbox pool, and
the cache by SHA-256 makes the second reading free. Expected texts and indicators are the snapshot's gold for the
same reports (formats_fixture); the page of each indicator comes from the rendering's layout."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from countyreports.attachments import AttachmentReader
from countyreports.attachments.cache import DerivedCache
from countyreports.attachments.convert import soffice, to_docx
from countyreports.models import Derived, OcrLine, OcrPage, ReadState, TextSource
from countyreports.reading.document import RawDoc, parse_docs
from countyreports.reading.filetext import file_text
from countyreports.sandbox import Budget, BudgetPool
from formats_fixture import FORMATS, cer, fixture, indicator_matches
from portal_fixture import body, gold_reports

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed (make formats)")
PAGE = Budget(time_s=120, memory_bytes=3072 << 20)


def _reader(cache: Path, page: Budget = PAGE) -> AttachmentReader:
    return AttachmentReader(cache, lambda: BudgetPool(1, page, recycle_bytes=1 << 30, name="test-attachments"),
                            page, Budget(time_s=180, memory_bytes=3072 << 20))


# ---------------------------------------------------------------------------------------------------- cache
def test_cache_keeps_what_was_read_and_not_failures(tmp_path: Path) -> None:
    cache = DerivedCache(tmp_path)
    page = OcrPage(2, 1240, 1754, (OcrLine("依法行政", 1.0, 2.0, 3.0, 4.0, 0.9876, 0.12),))
    cache.put("a" * 64, Derived(ReadState.OK, TextSource.OCR, pages=(page,), tool="RapidOCR"))
    cache.put("b" * 64, Derived(ReadState.OK, TextSource.DOC, docx=b"PK\x03\x04docx", tool="LibreOffice"))
    cache.put("c" * 64, Derived(ReadState.READ_FAILED, TextSource.OCR, reason="over its time budget"))
    assert cache.get("a" * 64) == Derived(ReadState.OK, TextSource.OCR, pages=(page,), tool="RapidOCR")
    assert cache.get("b" * 64).docx == b"PK\x03\x04docx"  # type: ignore[union-attr]
    assert cache.get("c" * 64) is None  # a failure is asked again next time
    assert not list(tmp_path.rglob("*.tmp"))


MAKER = textwrap.dedent("""
    import sys, time
    from countyreports.attachments.cache import DerivedCache
    from countyreports.models import Derived, ReadState, TextSource
    cache = DerivedCache(sys.argv[1])
    with cache.making("k" * 64):
        if cache.get("k" * 64) is None:
            time.sleep(1.0)
            cache.put("k" * 64, Derived(ReadState.OK, TextSource.DOC, docx=b"made", tool=sys.argv[2]))
            print("made", flush=True)
        else:
            print("found", flush=True)
""")


def test_one_maker_per_key_across_processes(tmp_path: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", MAKER, str(tmp_path), str(i)], stdout=subprocess.PIPE,
                              text=True) for i in range(3)]
    said = sorted(p.communicate(timeout=120)[0].strip() for p in procs)
    assert said == ["found", "found", "made"]


# ---------------------------------------------------------------------------------------------- LibreOffice
def test_wps_converted_to_docx_reads_as_its_gold() -> None:
    path, fx, g = fixture("wps")
    got = file_text(path.read_bytes(), "http://x/a.wps", g["title"],
                    Derived(ReadState.OK, TextSource.DOC, docx=to_docx(path.read_bytes(), "doc")))
    text = "\n".join(got.paragraphs)
    assert (got.source, got.state) == (TextSource.DOC, ReadState.OK)
    assert cer(text, g["clean_text"]) == 0.0  # title left out; the table's caption and rows in
    assert fx["table_lines"][2] in got.paragraphs  # a row on one line, cells joined by a tab
    assert "HYPERLINK" not in text and "PAGE" not in text  # no field code


def test_without_libreoffice_the_reason_is_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # (no soffice on it)
    reader = _reader(tmp_path / "cache")
    try:
        got = reader.derive(RawDoc("http://x/a.doc", fixture("doc")[0].read_bytes()))
    finally:
        reader.close()
    assert got is not None and got.state is ReadState.UNREADABLE_FORMAT
    assert "LibreOffice is not installed" in (got.reason or "")


# ---------------------------------------------------------------------------------------------------- OCR
def test_page_images_read_by_ocr_once(tmp_path: Path) -> None:
    path, fx, g = fixture("html-images")
    page_url = g["url"]
    images = tuple(RawDoc(u, (FORMATS / name).read_bytes()) for u, name in zip(g["images"], fx["images"],
                                                                                strict=True))
    reader = _reader(tmp_path)
    try:
        derived = reader.derive(None, images)
        assert reader.counts["ocr_pages"] == len(images)
        again = reader.derive(None, images)  # the same bytes: from the cache, no OCR
        assert reader.counts["ocr_pages"] == len(images) and reader.counts["cached"] == len(images)
    finally:
        reader.close()
    assert derived == again and derived is not None and derived.state is ReadState.OK
    parsed = parse_docs([RawDoc(page_url, body(page_url))], None, None, derived)
    assert (parsed.text_source, parsed.read_state) == ("ocr", "ok")
    assert cer(parsed.clean_text, g["clean_text"]) <= 0.01
    assert indicator_matches([{"code": i.code, "value": i.value} for i in parsed.indicators], g)[:2] == (13, 13)
    assert [parsed.page_at(i.char_start) for i in parsed.indicators] == fx["indicator_pages"]
    assert 0.9 < (parsed.ocr_confidence or 0) <= 1.0


def test_a_page_over_its_budget_fails_the_reading(tmp_path: Path) -> None:
    _path, fx, _g = fixture("html-images")
    reader = _reader(tmp_path, Budget(time_s=0.2, memory_bytes=3072 << 20))
    try:
        got = reader.derive(None, (RawDoc("http://x/p1.jpg", (FORMATS / fx["images"][0]).read_bytes()),))
    finally:
        reader.close()
    assert got is not None and got.state is ReadState.READ_FAILED
    assert "page 1" in (got.reason or "") and "time budget" in (got.reason or "")
    assert not list(tmp_path.rglob("*.json"))  # nothing kept: --reparse asks again


def test_a_pdf_with_text_needs_nothing(tmp_path: Path) -> None:
    att = next(r["attachment"] for r in gold_reports() if r["text_source"] == "pdf-text")
    reader = _reader(tmp_path)
    try:
        assert reader.derive(RawDoc(att, body(att))) is None
        assert reader.derive(RawDoc(att, body(att))) is None  # (the second time from the note, no pool task)
    finally:
        reader.close()
    assert [p.name.split(".", 1)[1] for p in tmp_path.rglob("*.json")] == ["note.json"]
