"""The format of a file, told by its bytes, never by its name (pure).

    sniff(body) -> FileFormat
    is_page(body, name) -> bool      # read as an article page (HTML), not as a document file

County portals name files as they like: a `.wps` that is a Word 97 binary, a `.doc` that is RTF or a saved web
page, a `downfile.jsp?filename=…` without any extension, a Content-Type of `application/octet-stream`. The
bytes decide:

| bytes | format |
|---|---|
| `D0 CF 11 E0 A1 B1 1A E1` (OLE compound file) and a directory entry `WordDocument` (UTF-16LE) | `doc`: Word 97–2003, whatever the extension (.doc, .wps, .dot); the directory may sit after the streams (LibreOffice writes it there), so the whole body is searched |
| another OLE compound file (`Workbook`, `PowerPoint Document`, …) | `ole`: not a report |
| `PK 03 04` with a `word/document.xml` entry | `docx` (WPS Office's too); `odt` for an OpenDocument text (`mimetype` entry); `zip` otherwise |
| `%PDF-` within the first 1024 bytes | `pdf` (a text layer, or a scan: the reader tells) |
| `{\\rtf` | `rtf` (Word saves it under .doc) |
| `FF D8 FF`, `89 50 4E 47 0D 0A 1A 0A`, `GIF8`, `II*\\0` / `MM\\0*`, `BM` | `jpeg`, `png`, `gif`, `tiff`, `bmp` |
| `<!DOCTYPE html`, `<html`, `MIME-Version:` near the start | `html` (a web page or MHTML saved as .doc) |
| text that decodes (UTF-8, or no control bytes) | `text` |
| anything else | `unknown` |
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["FileFormat", "sniff", "is_page", "WORD_FORMATS", "IMAGE_FORMATS"]


class FileFormat(StrEnum):
    DOC = "doc"
    OLE = "ole"
    DOCX = "docx"
    ODT = "odt"
    ZIP = "zip"
    PDF = "pdf"
    RTF = "rtf"
    HTML = "html"
    JPEG = "jpeg"
    PNG = "png"
    GIF = "gif"
    TIFF = "tiff"
    BMP = "bmp"
    TEXT = "text"
    UNKNOWN = "unknown"


# what LibreOffice converts to .docx for us; what an OCR engine reads as a page
WORD_FORMATS = frozenset({FileFormat.DOC, FileFormat.RTF, FileFormat.ODT})
IMAGE_FORMATS = frozenset({FileFormat.JPEG, FileFormat.PNG, FileFormat.GIF, FileFormat.TIFF, FileFormat.BMP})

_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_MAGIC = ((b"\xff\xd8\xff", FileFormat.JPEG), (b"\x89PNG\r\n\x1a\n", FileFormat.PNG), (b"GIF8", FileFormat.GIF),
          (b"II*\x00", FileFormat.TIFF), (b"MM\x00*", FileFormat.TIFF), (b"BM", FileFormat.BMP))
_HTML_STARTS = (b"<!doctype html", b"<html", b"mime-version:")


def sniff(body: bytes) -> FileFormat:
    """The format of `body` (see the module docstring)."""
    if body.startswith(_OLE):
        return FileFormat.DOC if _WORD_STREAM in body else FileFormat.OLE
    if body.startswith(b"PK\x03\x04"):
        return _zip_kind(body)
    if b"%PDF-" in body[:1024]:
        return FileFormat.PDF
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{\\rtf"):
        return FileFormat.RTF
    for magic, kind in _MAGIC:
        if body.startswith(magic):
            return kind
    low = head.lower()
    if low.startswith(_HTML_STARTS) or b"<html" in low[:512]:
        return FileFormat.HTML
    return FileFormat.TEXT if _texty(body[:4096]) else FileFormat.UNKNOWN


def is_page(body: bytes, name: str) -> bool:
    """Is a saved file an article page (read as HTML), rather than a document file? By its bytes; a text file,
    or bytes of no known format, named .htm/.html is a page too (read as well as its bytes allow)."""
    fmt = sniff(body)
    return fmt is FileFormat.HTML or fmt in (FileFormat.TEXT, FileFormat.UNKNOWN) \
        and name.lower().endswith((".htm", ".html", ".shtml"))


def _zip_kind(body: bytes) -> FileFormat:
    """docx / odt / zip from the zip's entry names (its local headers: no decompression, no central directory
    needed, so a truncated or hostile zip is judged without opening it)."""
    if b"word/document.xml" in body:
        return FileFormat.DOCX
    if b"mimetypeapplication/vnd.oasis.opendocument.text" in body[:256]:
        return FileFormat.ODT
    return FileFormat.ZIP


def _texty(head: bytes) -> bool:
    """Readable as text: no NUL, and at most a few control bytes other than tab, newline, carriage return."""
    if not head or b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(head) // 100
