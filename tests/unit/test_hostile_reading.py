"""The read path on the hostile corpus (tests/hostile_corpus.py, generated here): each document is read whole,
with what was read kept and every cap that was hit said (`truncated: …`), or refused before any work with the
limit it would break — never a crash, never a silent loss.

The documents are read in the sandbox pool, with a budget far above what any of them needs now (a regression
to the old quadratic or crashing behaviour shows as a failed task with its reason, not as a hung or killed test
run). The indicator stage's own caps (mentions) are tested in test_hostile_indicators.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from countyreports.errors import Refused
from countyreports.reading.document import RawDoc, fingerprint, parse_docs, parse_text
from countyreports.reading.limits import (
    MAX_DEPTH, MAX_PDF_PAGES, MAX_SECTIONS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, image_refusal,
)
from countyreports.reading.package import checked_package
from countyreports.sandbox import Budget, BudgetPool, Named
from hostile_corpus import PROSE, make
from portal_fixture import body, gold_reports

READ = Named("countyreports.reading.document", "json_line")
OPENING = PROSE[:20]  # the words every HTML case carries in its article


@pytest.fixture(scope="module")
def pool() -> Iterator[BudgetPool]:
    p = BudgetPool(2, Budget(time_s=120.0, memory_bytes=2048 << 20), preload=("countyreports.reading.document",))
    yield p
    p.shutdown()


def read(pool: BudgetPool, name: str) -> dict:
    return json.loads(pool.submit(READ, name, make(name)).result())


@pytest.mark.parametrize("name", ["nested_divs.html", "nested_inline.html", "nested_tables.html"])
def test_pages_nested_too_deep_are_read_flattened(pool: BudgetPool, name: str) -> None:
    line = read(pool, name)
    assert "error" not in line
    assert line["title"] == "某县2023年法治政府建设年度报告"
    assert f"truncated: depth>{MAX_DEPTH}" in line["truncated"]
    assert line["text"].startswith(OPENING)  # the text inside the nest was read


def test_200000_unclosed_tags_are_read(pool: BudgetPool) -> None:
    line = read(pool, "unclosed_tags.html")
    assert "error" not in line and f"truncated: depth>{MAX_DEPTH}" in line["truncated"]


@pytest.mark.parametrize("name, reason", [
    ("huge_paragraph.docx", "Refused: zip members would inflate to 201 MiB (limit 64 MiB)"),
    ("zip_bomb.docx", "Refused: zip members would inflate to 2,049 MiB (limit 64 MiB)"),
    ("lying_zip.docx", "Refused: word/document.xml inflates to more than its declared 1,024 bytes"),
    ("entities.docx", "Refused: word/document.xml declares a DOCTYPE or entities"),
    ("external_entity.docx", "Refused: word/document.xml declares a DOCTYPE or entities"),
    ("many_members.docx", "Refused: zip of 100,"),
    ("not_docx.docx", "ParseError: no text could be read from not_docx.docx: zip file: not a document format"),
    ("truncated.pdf", "ParseError: not a readable PDF"),
])
def test_bombs_and_broken_files_are_refused_with_the_limit(pool: BudgetPool, name: str, reason: str) -> None:
    line = read(pool, name)
    assert line["error"].startswith(reason), line["error"]
    assert "root:" not in line["error"]  # (the external entity's file was never read)


def test_a_lying_zip_header_is_caught_before_it_inflates() -> None:
    with pytest.raises(Refused, match="declared 1,024 bytes"):
        checked_package(make("lying_zip.docx"))


def test_a_pdf_of_thousands_of_pages_is_read_up_to_the_cap(pool: BudgetPool) -> None:
    line = read(pool, "many_pages.pdf")
    assert f"truncated: pdf_pages>{MAX_PDF_PAGES}" in line["truncated"]
    pdf_report = next(r for r in gold_reports() if (r["attachment"] or "").endswith(".pdf"))
    assert "".join(pdf_report["clean_text"].split()) in "".join(line["text"].split())  # its pages come first
    import pypdfium2

    last = MAX_PDF_PAGES - len(pypdfium2.PdfDocument(body(pdf_report["attachment"])))  # annex pages: from 0
    assert f"Annex page {last - 1}:" in line["text"] and f"Annex page {last}:" not in line["text"]


def test_a_pdf_image_is_not_decoded_to_read_the_text(pool: BudgetPool) -> None:
    line = read(pool, "huge_image.pdf")
    assert "error" not in line and "Report 2023: 12 cases." in line["text"]


def test_sections_past_the_cap_stay_in_the_last_one(pool: BudgetPool) -> None:
    line = read(pool, "many_headings.txt")
    assert len(line["sections"]) == MAX_SECTIONS
    assert f"truncated: sections>{MAX_SECTIONS}" in line["truncated"]
    assert [s["path"] for s in line["sections"][:3]] == ["一", "一/(一)", "一/(一)/1"]


def test_text_past_the_cap_is_cut_and_said(pool: BudgetPool) -> None:
    line = read(pool, "long_text.txt")
    assert f"truncated: text>{MAX_TEXT_CHARS}" in line["truncated"]
    parsed = parse_text("标题", make("long_text.txt").decode("utf-8"))
    assert len(parsed.clean_text) <= MAX_TEXT_CHARS and parsed.clean_text.startswith("正文段落")


def test_a_huge_title_is_cut(pool: BudgetPool) -> None:
    line = read(pool, "huge_title.html")
    assert len(line["title"]) <= MAX_TITLE_CHARS and line["title"].startswith("某县法治政府建设年度报告")
    assert f"truncated: title>{MAX_TITLE_CHARS}" in line["truncated"]


@pytest.mark.parametrize("name", ["huge_attribute.html", "unterminated_comment.html", "script_soup.html",
                                  "nul_flood.html", "many_links.html"])
def test_odd_pages_keep_their_article(pool: BudgetPool, name: str) -> None:
    line = read(pool, name)
    assert "error" not in line and line["text"].startswith(OPENING)
    assert "隐藏" not in line["text"] and "var a" not in line["text"]  # (commented out, script)


@pytest.mark.parametrize("name", ["random.html", "gbk_lies.html", "utf16_odd.html", "undeclared_high.html"])
def test_malformed_encodings_are_read_not_fatal(pool: BudgetPool, name: str) -> None:
    line = read(pool, name)
    assert "error" not in line and isinstance(line["sections"], list)


def test_image_refusal_is_checked_on_the_header() -> None:
    assert image_refusal(2480, 3508) is None  # an A4 page at 300 dpi
    assert "over the OCR limit" in (image_refusal(40_000, 40_000) or "")
    assert image_refusal(0, 10) is not None


def test_the_fingerprint_is_the_hash_of_the_repr_fed_in_pieces() -> None:
    import hashlib

    for r in gold_reports()[:40]:
        docs = [RawDoc(u, body(u)) for u in r["pages"]]
        att = RawDoc(r["attachment"], body(r["attachment"])) if r["attachment"] else None
        parsed = parse_docs(docs, att)
        assert fingerprint(parsed) == hashlib.sha256(repr(parsed).encode("utf-8")).hexdigest()


def test_a_scan_page_holding_a_huge_image_is_refused_before_it_is_rendered() -> None:
    """OCR renders a page, which decodes its images whole: a 1.6-gigapixel one is refused from its header."""
    from countyreports.attachments import ocr
    from countyreports.errors import ParseError

    with pytest.raises(ParseError, match="over the OCR limit of 60 megapixels"):
        ocr.pdf_page(make("huge_image.pdf"), 0)
