"""The text of a file a report comes in, whatever its format (pure: bytes, and what the attachments edge
derived from them, in; paragraphs out).

    file_text(body, url, title, derived) -> FileText    # an attachment, or a file given to `countyreports parse`
    images_text(derived, title) -> FileText             # an article made of page images
    text_layer_ok(paragraphs, pages) -> bool            # is a PDF's text layer the report, or must it be OCR'd?
    pdf_layer(body, title) -> (paragraphs, caps, ok, pages)   # a PDF's text layer, judged

The format is sniffed from the bytes (`fileformat.sniff`), never taken from the name: a .docx is read by
python-docx, a PDF by its text layer when that layer holds the text (`text_layer_ok`), a web page by the article
reader, a text file as text. What the pure read path cannot read — a legacy Word file (.doc, .wps, RTF, .odt), a
scan (a PDF without a usable text layer, page images) — is read from `derived` (countyreports.models.Derived: the
.docx LibreOffice made of it, or the OCR engine's lines, made by countyreports.attachments); without it, or when
it failed, the text is empty and the state says why (`unreadable_format`, `needs_ocr`, `read_failed`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from countyreports.models import Derived, ReadState, TextSource
from countyreports.reading.attachment import docx_paragraphs, docx_text, drop_title, pdf_layer_text, pdf_page_count
from countyreports.reading.limits import MAX_OCR_PAGES, MAX_PDF_PAGES, truncated
from countyreports.reading.fileformat import IMAGE_FORMATS, WORD_FORMATS, FileFormat, sniff
from countyreports.reading.ocrtext import ocr_text
from countyreports.text.decode import decode_html, decode_text_file

__all__ = ["FileText", "file_text", "images_text", "pdf_layer", "text_layer_ok", "clean_offsets", "MIN_LAYER_CHARS"]

MIN_LAYER_CHARS = 40  # non-space characters a PDF's text layer holds at least per page to be the report's text
MIN_CJK_SHARE = 0.3  # of those, the share of Chinese characters at least (a report is Chinese)
MIN_REPORT_CJK = 500  # Chinese characters of the shortest report (a page and a half)
MAX_BAD_SHARE = 0.1  # and the share of private-use, replacement and control characters at most (garbage)

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BAD = re.compile(r"[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0e-\x1f]")
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FileText:
    """Paragraphs of a file and where they came from; `page_breaks`: for a scan, the offset in
    ``"\\n".join(paragraphs)`` where each page starts."""

    paragraphs: tuple[str, ...]
    source: TextSource
    state: ReadState = ReadState.OK
    reason: str | None = None
    page_breaks: tuple[int, ...] = ()
    confidence: float | None = None
    noise: tuple[str, ...] = ()  # caps of the read path that were hit (`truncated: pdf_pages>500`)


def text_layer_ok(paragraphs: Sequence[str], pages: int, pages_with_text: int | None = None) -> bool:
    """A PDF's text layer is the report's text when it has little garbage (private-use glyphs of a font without a
    Unicode map, U+FFFD, control bytes) and either holds at least MIN_LAYER_CHARS characters a page, mostly
    Chinese, or — every page but a few carrying text (`pages_with_text`, when known: a scan's pages carry none) —
    a report's worth of Chinese (MIN_REPORT_CJK characters) whatever else the pages hold (short pages, annexes)."""
    chars = _WS.sub("", "".join(paragraphs))
    if not chars or len(_BAD.findall(chars)) > MAX_BAD_SHARE * len(chars):
        return False
    cjk = len(_CJK.findall(chars))
    if len(chars) >= MIN_LAYER_CHARS * max(1, pages) and cjk >= MIN_CJK_SHARE * len(chars):
        return True
    return pages_with_text is not None and pages_with_text >= 0.9 * pages and cjk >= MIN_REPORT_CJK


def _from_derived(derived: Derived | None, want: TextSource, title: str | None, what: str) -> FileText:
    """The text of `derived` (a converted .docx, or OCR lines), or why there is none."""
    if derived is None:
        state = ReadState.NEEDS_OCR if want is TextSource.OCR else ReadState.UNREADABLE_FORMAT
        needs = "an OCR engine" if want is TextSource.OCR else "a converter (LibreOffice)"
        return FileText((), want, state, f"{what}: needs {needs}, none was given")
    if derived.state is not ReadState.OK:
        return FileText((), want, derived.state, derived.reason or f"{what}: not read")
    if want is TextSource.OCR:
        read = ocr_text(derived.pages)
        paras = drop_title(list(read.paragraphs), title)
        cut = len("\n".join(read.paragraphs)) - len("\n".join(paras)) if paras else 0
        breaks = tuple(max(0, b - cut) for b in read.page_breaks) if paras else ()
        return FileText(tuple(paras), want, page_breaks=breaks, confidence=read.confidence)
    paras = docx_paragraphs(derived.docx or b"", title)
    return FileText(tuple(paras), want)


def file_text(body: bytes, url: str, title: str | None = None, derived: Derived | None = None) -> FileText:
    """The paragraphs of a file (see the module docstring); `title` (the article's) is dropped from the top.
    A .docx or PDF refused by a limit of the read path raises Refused, one that cannot be opened ParseError."""
    fmt = sniff(body)
    if fmt is FileFormat.DOCX:
        paras, caps = docx_text(body, title)
        return FileText(tuple(paras), TextSource.DOCX, noise=caps)
    if fmt is FileFormat.PDF:
        paras, caps, ok, ocr_pages = pdf_layer(body, title)
        if ok:
            return FileText(tuple(paras), TextSource.PDF_TEXT, noise=caps)
        read = _from_derived(derived, TextSource.OCR, title, "PDF without a text layer")
        if read.paragraphs and ocr_pages >= MAX_OCR_PAGES and pdf_page_count(body) > MAX_OCR_PAGES:
            read = replace(read, noise=(truncated("ocr_pages", MAX_OCR_PAGES),))
        if read.paragraphs or not any(p.strip() for p in paras):
            return read
        # not OCR'd (no engine, or it failed): the text layer is what could be read, its state says why it may
        # not be the whole text (`harvest --reparse` reads it again once OCR can)
        return FileText(tuple(paras), TextSource.PDF_TEXT, read.state, read.reason, noise=caps)
    if fmt in WORD_FORMATS:
        return _from_derived(derived, TextSource.DOC, title, f"{fmt} file")
    if fmt in IMAGE_FORMATS:
        return _from_derived(derived, TextSource.OCR, title, f"{fmt} image")
    if fmt is FileFormat.HTML:
        from countyreports.reading.article import extract_article  # (the article reader: a web page saved as .doc)

        decoded = decode_html(body, None)
        return FileText(tuple(drop_title(list(extract_article(decoded.text, url).paragraphs), title)),
                        TextSource.HTML)
    if fmt is FileFormat.TEXT:
        return FileText(tuple(decode_text_file(body).text.splitlines()), TextSource.TEXT)
    return FileText((), TextSource.HTML, ReadState.UNREADABLE_FORMAT,
                    f"{fmt} file: not a document format countyreports reads")


def pdf_layer(body: bytes, title: str | None = None) -> tuple[list[str], tuple[str, ...], bool, int]:
    """A PDF's text layer: its paragraphs (of its first MAX_PDF_PAGES pages), the caps hit, whether it is the
    report's text (`text_layer_ok`), and the pages OCR would read (at most MAX_OCR_PAGES). Refused or ParseError
    when the file cannot be read."""
    paras, caps, read, with_text = pdf_layer_text(body, title)
    pages = min(pdf_page_count(body), MAX_PDF_PAGES)
    return paras, caps, text_layer_ok(paras, read, with_text), min(pages, MAX_OCR_PAGES)


def images_text(derived: Derived | None, title: str | None = None) -> FileText:
    """The text of an article's page images, from their OCR lines (`derived`), or why there is none."""
    return _from_derived(derived, TextSource.OCR, title, "page images")


def clean_offsets(raw: str, clean: str, offsets: Sequence[int]) -> tuple[int, ...]:
    """Where offsets of `raw` fall in `clean` (its cleaned text): each found by the next few characters that
    follow it (searched forward from the previous one), else estimated in proportion."""
    out: list[int] = []
    pos = 0
    for off in offsets:
        anchor = raw[off:off + 40].lstrip().split("\n", 1)[0][:8]
        at = clean.find(anchor, pos) if anchor else -1
        if at < 0:
            at = max(pos, round(off * len(clean) / max(1, len(raw))))
        out.append(min(at, len(clean)))
        pos = out[-1]
    return tuple(out)
