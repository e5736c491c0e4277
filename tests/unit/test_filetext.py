"""reading.filetext and document: a file's text whatever its format, and what happens without a converter or an
OCR engine (issue 17). Expected texts are the snapshot's gold (portal_fixture) for the same documents."""

from __future__ import annotations

from countyreports.models import Derived, ReadState, TextSource
from countyreports.reading.attachment import pdf_page_count, pdf_paragraphs
from countyreports.reading.document import RawDoc, parse_docs, read_article, wanted_attachment, wanted_images
from countyreports.reading.filetext import clean_offsets, file_text, text_layer_ok
from formats_fixture import fixture
from portal_fixture import body, gold_report, gold_reports


def test_a_text_pdf_has_its_layer_and_a_scan_has_none() -> None:
    for r in gold_reports():
        if r["text_source"] == "pdf-text":
            data = body(r["attachment"])
            assert text_layer_ok(pdf_paragraphs(data), pdf_page_count(data)), r["report_id"]
    for fmt in ("scan-clean", "scan-hard"):
        data = fixture(fmt)[0].read_bytes()
        assert pdf_page_count(data) == fixture(fmt)[1]["pages"]
        assert not text_layer_ok(pdf_paragraphs(data), pdf_page_count(data))


def test_a_garbage_layer_is_not_the_text() -> None:
    # a font without a Unicode map: the layer is private-use glyphs and Latin-1 junk, not Chinese
    junk = ["\ue001\ue002\ue003y˜0?e¡R NekM–NO^:W " * 20] * 3
    assert not text_layer_ok(junk, 1)
    assert not text_layer_ok(["第一页"], 1)  # a few characters for a whole page: a scan with a stamp's text
    assert text_layer_ok(["依法行政工作取得新成效，全年办理行政复议案件12件。" * 3], 1)


def test_without_a_converter_or_ocr_the_state_says_why() -> None:
    doc = file_text(fixture("wps")[0].read_bytes(), "http://x/a.wps")
    assert (doc.paragraphs, doc.source, doc.state) == ((), TextSource.DOC, ReadState.UNREADABLE_FORMAT)
    assert "LibreOffice" in (doc.reason or "")
    scan = file_text(fixture("scan-hard")[0].read_bytes(), "http://x/a.pdf")
    assert (scan.paragraphs, scan.source, scan.state) == ((), TextSource.OCR, ReadState.NEEDS_OCR)
    failed = Derived(ReadState.READ_FAILED, TextSource.OCR, reason="OCR of page 2: over its time budget of 60 s")
    got = file_text(fixture("scan-hard")[0].read_bytes(), "http://x/a.pdf", None, failed)
    assert (got.state, got.reason) == (ReadState.READ_FAILED, "OCR of page 2: over its time budget of 60 s")


def test_a_report_whose_file_cannot_be_read_keeps_its_page() -> None:
    """The article page of a report published only as a .wps: loaded with the page's one line, the state and
    the reason (a harvest without LibreOffice); the report's year still comes from its title."""
    g = gold_report(fixture("wps")[1]["report_id"])
    page = RawDoc(g["url"], body(g["url"]))
    article, _ = read_article(page)
    att = wanted_attachment(article)
    assert att is not None and att.url == g["attachment"]
    parsed = parse_docs([page], RawDoc(att.url, body(att.url)))
    assert (parsed.report_year, parsed.read_state, parsed.text_source) == (2019, "unreadable_format", "html")
    assert parsed.clean_text.endswith("详见附件。") and not parsed.indicators


def test_an_article_made_of_page_images() -> None:
    g = gold_report(fixture("html-images")[1]["report_id"])
    article, _ = read_article(RawDoc(g["url"], body(g["url"])))
    assert wanted_images(article) == tuple(g["images"])
    assert wanted_attachment(article) is None
    parsed = parse_docs([RawDoc(g["url"], body(g["url"]))])
    assert (parsed.read_state, parsed.report_year) == ("needs_ocr", 2018)
    # an article with a long text and a photo is not made of page images
    news = next(r for r in gold_reports() if not r["attachment"] and len(r["clean_text"]) > 1000)
    assert wanted_images(read_article(RawDoc(news["url"], body(news["url"])))[0]) == ()


def test_clean_offsets_follow_the_text() -> None:
    raw = "第一页的内容。\n第二页 开始的段落\n第三页"
    clean = "第一页的内容。\n第二页开始的段落\n第三页"
    assert clean_offsets(raw, clean, [0, 8, 19]) == (0, 8, 18)
