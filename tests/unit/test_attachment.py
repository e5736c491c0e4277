"""docx_paragraphs / pdf_paragraphs against the gold clean_text of the attachment-only reports."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from countyreports.reading.attachment import docx_paragraphs, drop_title, pdf_paragraphs
from portal_fixture import body, gold_reports


def lines(paragraphs: list[str] | str) -> list[str]:
    if isinstance(paragraphs, str):
        paragraphs = paragraphs.split("\n")
    return [unicodedata.normalize("NFKC", ln).strip() for ln in paragraphs]


def attachment_reports(ext: str) -> list[str]:
    """Reports whose text is the attachment's own text layer (not a scan: those are read by OCR, test_ocr*)."""
    return [r["report_id"] for r in gold_reports()
            if r["attachment"] and r["attachment"].lower().endswith("." + ext)
            and r.get("text_source") in ("docx", "pdf-text")]


def by_id(report_id: str) -> dict:
    return next(r for r in gold_reports() if r["report_id"] == report_id)


@pytest.mark.parametrize("report_id", attachment_reports("docx"))
def test_docx_matches_gold(report_id: str) -> None:
    r = by_id(report_id)
    got = docx_paragraphs(body(r["attachment"]))
    assert lines(got) == lines(r["clean_text"])
    # With the article title known, the result is the same.
    assert docx_paragraphs(body(r["attachment"]), title=r["title"]) == got


@pytest.mark.parametrize("report_id", attachment_reports("pdf"))
def test_pdf_matches_gold(report_id: str) -> None:
    r = by_id(report_id)
    got = pdf_paragraphs(body(r["attachment"]))
    # Title, "— 1 —" page footers and layout line breaks (also inside numbers) are gone.
    assert lines(got) == lines(r["clean_text"])
    assert not any(p.strip("-— ").isdigit() for p in got)


def test_there_are_both_kinds() -> None:
    assert len(attachment_reports("docx")) >= 5
    assert len(attachment_reports("pdf")) >= 3


def test_pdf_line_break_inside_a_number_is_joined() -> None:
    r = by_id("320830-2022")
    text = "".join(pdf_paragraphs(body(r["attachment"])))
    assert "常务会议会前学法１４次" in text  # "…会" / "前学法１４次" across a layout line break
    assert "法律顾问“智囊团”作用" in text  # across a page break


def test_docx_tables_and_soft_breaks() -> None:
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("某县2020年法治政府建设年度报告")
    p = doc.add_paragraph("　　第一段，")
    p.add_run().add_break()
    p.add_run("接续。")
    doc.add_paragraph("")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "审批事项", "195"
    doc.add_paragraph("二、下一步工作")
    buf = io.BytesIO()
    doc.save(buf)
    assert docx_paragraphs(buf.getvalue()) == ["第一段，接续。", "项目\t数量", "审批事项\t195", "二、下一步工作"]


def test_drop_title() -> None:
    assert drop_title(["某县2019年法治政府建设情况报告", "正文。"]) == ["正文。"]
    assert drop_title(["中共某县委 某县人民政府", "关于2019年法治政府建设情况的报告", "正文。"]) == ["正文。"]
    assert drop_title(["标题", "正文。"], title="标题") == ["正文。"]
    assert drop_title(["2019年，我县坚持依法行政，取得新成效。", "正文。"]) == [
        "2019年，我县坚持依法行政，取得新成效。", "正文。"]
    assert drop_title(["一、主要工作", "正文。"]) == ["一、主要工作", "正文。"]
    assert drop_title([]) == []


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_never_raise_on_garbage(raw: bytes) -> None:
    assert isinstance(docx_paragraphs(raw), list)
    assert isinstance(pdf_paragraphs(raw), list)
    assert pdf_paragraphs(b"%PDF-1.4\n" + raw) is not None
