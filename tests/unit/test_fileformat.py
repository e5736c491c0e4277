"""reading.fileformat.sniff: the bytes decide the format, never the name (issue 17). Expected formats are what
each file is: the fixtures made by make_formats.py, the snapshot's own attachments and pages, and small files
written here in each format's documented layout."""

from __future__ import annotations

import io
import zipfile

import pytest

from countyreports.reading.fileformat import FileFormat, sniff
from formats_fixture import FORMATS, fixture
from portal_fixture import body, gold_reports


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_word97_whatever_its_name() -> None:
    assert sniff(fixture("doc")[0].read_bytes()) is FileFormat.DOC
    assert sniff(fixture("wps")[0].read_bytes()) is FileFormat.DOC  # a .wps that is a Word 97 binary


def test_snapshot_attachments_and_pages() -> None:
    docx = next(r["attachment"] for r in gold_reports() if (r["attachment"] or "").endswith(".docx"))
    pdf = next(r["attachment"] for r in gold_reports() if r["text_source"] == "pdf-text")
    assert sniff(body(docx)) is FileFormat.DOCX
    assert sniff(body(pdf)) is FileFormat.PDF
    assert sniff(body(gold_reports()[0]["url"])) is FileFormat.HTML
    assert sniff(fixture("scan-clean")[0].read_bytes()) is FileFormat.PDF
    assert sniff((FORMATS / fixture("html-images")[1]["images"][0]).read_bytes()) is FileFormat.JPEG


def test_other_ole_files_are_not_word() -> None:
    # an OLE compound file whose directory names a Workbook stream (an .xls), not WordDocument
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 500 + "Workbook".encode("utf-16-le") + b"\x00" * 100
    assert sniff(ole) is FileFormat.OLE


@pytest.mark.parametrize(("data", "fmt"), [
    (b"{\\rtf1\\ansi\\ansicpg936 \\'c0\\'cf}", FileFormat.RTF),  # Word saves RTF under .doc
    (b"\xef\xbb\xbf<!DOCTYPE html><html><body>x</body></html>", FileFormat.HTML),  # a web page saved as .doc
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related", FileFormat.HTML),  # MHTML
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", FileFormat.PNG),
    (b"GIF89a\x01\x00", FileFormat.GIF),
    (b"II*\x00\x08\x00\x00\x00", FileFormat.TIFF),
    (b"BM6\x00\x00\x00", FileFormat.BMP),
    ("行政复议案件12件。\n".encode("gb18030"), FileFormat.TEXT),
    (bytes(range(256)) * 4, FileFormat.UNKNOWN),
    (b"", FileFormat.UNKNOWN),
])
def test_magic_numbers(data: bytes, fmt: FileFormat) -> None:
    assert sniff(data) is fmt


def test_zips() -> None:
    assert sniff(_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"})) is FileFormat.DOCX
    odt = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    assert sniff(odt) is FileFormat.ODT
    assert sniff(_zip({"data.csv": b"a,b"})) is FileFormat.ZIP
