"""Attachments (.docx / .pdf) → raw paragraphs (pure functions; bytes in, list of str out).

    docx_text(data, title=None) -> (paragraphs, noise)    # Refused / ParseError when it cannot be read
    pdf_text(data, title=None) -> (paragraphs, noise)
    docx_paragraphs(data, title=None) -> list[str]        # the same, [] when it cannot be read
    pdf_paragraphs(data, title=None) -> list[str]

Limits (countyreports.reading.limits): a .docx is opened through `package.checked_package` (zip bombs, lying
headers and entity declarations refused before anything is parsed); a PDF is read up to `MAX_PDF_PAGES` pages
and `MAX_TEXT_CHARS` characters, and the noise says ``truncated: pdf_pages>…`` / ``truncated: text>…`` when it
holds more.

Same conventions as ``Article.paragraphs`` (raw text, no Chinese cleaning): one item per paragraph in
reading order, stripped of indentation, empty ones skipped; a soft line break inside a paragraph is
joined without a newline; table rows are one line each, cells joined with ``"\\t"``.

The document title is not report text (gold ``clean_text`` omits it): a first paragraph (or the first two,
for a title set on two lines) is dropped when it equals ``title`` (the article title, when the caller
knows it) or, without ``title``, when it looks like a title — short, no sentence punctuation, ending in
报告/情况/总结….

PDF: text lines come from PDFium (pypdfium2, C): each page's char list is cut at PDFium's line
breaks (and after a word-breaking hyphen, whose line break PDFium swallows). A real space glyph is
kept (a run PDFium collapsed to one is restored from the gap); a space PDFium generated is not.
Between two ASCII letters/digits a space is inferred from the gap (wider than a tenth of the next
glyph's size, pdfminer's ``word_margin``), never elsewhere — letter-spaced CJK justification must not
become spaces. A line's x0/y0 are its first glyph's loose box, x1 its last glyph's right edge, its
height the font size. Lines are sorted top-to-bottom per page and pieces on one baseline joined.
PDFium is not thread-safe: calls are serialised by a lock. Page-number footers (``- 1 -``,
``— 2 —``, ``第 3 页``) are dropped; paragraphs are rebuilt from the layout: a line starts a paragraph
when it is indented from the body's left margin (first-line indent, headings, centred or right-aligned
signature lines) or when the line before it ends well short of the right margin. Lines of one
paragraph are joined without separator, so a layout break that falls inside a word or a number
(``1`` / ``4次``) disappears.

Unreadable input gives ``[]`` from the ``*_paragraphs`` functions (never raises); the ``*_text`` functions
say why.
"""

from __future__ import annotations

import ctypes
import io
import re
import statistics
import threading
import unicodedata
from collections import Counter

from countyreports.errors import ParseError
from countyreports.reading.limits import MAX_PDF_PAGES, MAX_TEXT_CHARS, truncated
from countyreports.reading.package import checked_package

__all__ = ["docx_paragraphs", "docx_text", "pdf_paragraphs", "pdf_text", "pdf_layer_text", "pdf_page_count", "drop_title"]

_STRIP = " \t\r\n\f\v\u3000\xa0\u2002\u2003\u2009\u200b\u200c\u200d\ufeff"
_WS = re.compile(r"\s+")
_SENTENCE_PUNCT = re.compile(r"[。；，：！？,;:!?]")
_TITLE_END = re.compile(r"(?:报告|報告|情况|情況|总结|總結|通知|要点|要點)$")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_~·•]*\s*\d{1,4}\s*[-—–－_~·•]*|第\s*\d{1,4}\s*[页頁](?:\s*[，,/]?\s*共\s*\d{1,4}\s*[页頁])?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[-—–－]\s*[ivxlcIVXLC]+\s*[-—–－])$"
)


def _key(text: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", text))


def _looks_like_title(text: str) -> bool:
    return 0 < len(text) <= 60 and not _SENTENCE_PUNCT.search(text) and bool(_TITLE_END.search(text))


def drop_title(paragraphs: list[str], title: str | None = None) -> list[str]:
    """Drop the leading document title (one or two paragraphs) — see the module docstring."""
    if not paragraphs:
        return paragraphs
    first = paragraphs[0]
    two = first + (paragraphs[1] if len(paragraphs) > 1 else "")
    if title:
        t = _key(title)
        if t and _key(first) == t:
            return paragraphs[1:]
        if len(paragraphs) > 1 and t and _key(two) == t:
            return paragraphs[2:]
    if _looks_like_title(first):
        return paragraphs[1:]
    if (
        len(paragraphs) > 1
        and len(first) <= 40
        and not _SENTENCE_PUNCT.search(first)
        and _looks_like_title(paragraphs[1])
        and len(two) <= 80
    ):
        return paragraphs[2:]
    return paragraphs


# ---------------------------------------------------------------- docx


def _docx_text(par) -> str:  # noqa: ANN001 - python-docx Paragraph
    # A soft line break (w:br) inside a paragraph is not a paragraph break: join it.
    return par.text.replace("\n", "").replace("\r", "").strip(_STRIP)


def docx_paragraphs(data: bytes, title: str | None = None) -> list[str]:
    """Paragraphs and table rows of a .docx body, in body order ([] when it cannot be read)."""
    try:
        return docx_text(data, title)[0]
    except ParseError:  # a broken attachment gives no text, never an exception
        return []


def docx_text(data: bytes, title: str | None = None) -> tuple[list[str], tuple[str, ...]]:
    """Paragraphs and table rows of a .docx body, in body order, and its noise; Refused (a limit) or
    ParseError (not a readable docx) otherwise."""
    safe = checked_package(data)
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        doc = docx.Document(io.BytesIO(safe))
        out: list[str] = []
        for block in doc.iter_inner_content():
            if isinstance(block, Paragraph):
                t = _docx_text(block)
                if t:
                    out.append(t)
            elif isinstance(block, Table):
                _docx_table(block, out)
        return drop_title(out, title), ()
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever python-docx or lxml say: not a readable docx
        raise ParseError(f"not a readable .docx: {type(exc).__name__}: {exc}") from exc


def _docx_table(table, out: list[str]) -> None:  # noqa: ANN001
    for row in table.rows:
        cells: list[str] = []
        prev_id = None
        for cell in row.cells:
            if id(cell._tc) == prev_id:  # merged cells repeat
                continue
            prev_id = id(cell._tc)
            t = " ".join(p for p in (_docx_text(p) for p in cell.paragraphs) if p)
            if t:
                cells.append(t)
        if cells:
            out.append("\t".join(cells))


# ---------------------------------------------------------------- pdf


# PDFium is not thread-safe and parse_report may run in crawler threads: one caller at a time.
_PDFIUM_LOCK = threading.Lock()

_Line = tuple[float, float, float, float, str]  # x0, x1, y0, height, text

_PDFIUM_HYPHEN = "\ufffe\x02"  # PDFium's end-of-line hyphen (text buffer / char unicode)


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _pdf_lines(data: bytes, max_pages: int = MAX_PDF_PAGES,
               max_chars: int = MAX_TEXT_CHARS) -> tuple[list[list[_Line]], tuple[str, ...]]:
    """Per page: (x0, x1, y0, height, text) of each text line, top to bottom, same-baseline merged; at most
    `max_pages` pages and the pages whose characters add up to at most `max_chars` (a cap hit: in the noise)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    with _PDFIUM_LOCK:
        doc = pdfium.PdfDocument(data)
        try:
            pages: list[list[_Line]] = []
            count = len(doc)
            noise = (truncated("pdf_pages", max_pages),) if count > max_pages else ()
            chars = 0
            for i in range(min(count, max_pages)):
                page = doc[i]
                try:
                    textpage = page.get_textpage()
                    try:
                        chars += pdfium_c.FPDFText_CountChars(textpage.raw)
                        if chars > max_chars:
                            return pages, (*noise, truncated("text", max_chars))
                        raw = _page_pieces(textpage.raw, pdfium_c)
                    finally:
                        textpage.close()
                finally:
                    page.close()
                pages.append(_merge_pieces(raw))
            return pages, noise
        finally:
            doc.close()


def _page_pieces(tp, c) -> list[_Line]:  # noqa: ANN001 - FPDF_TEXTPAGE handle, pypdfium2.raw
    """The page's char list cut into lines at PDFium's line breaks (generated ``\\r\\n``).

    Geometry is read per line, not per char (each PDFium call costs ~1 µs): x0/y0 from the loose box
    of the first glyph, x1 from the last glyph, height from the font size (pdfminer's char height)."""
    n = c.FPDFText_CountChars(tp)
    if n <= 0:
        return []
    buf = (ctypes.c_ushort * (n + 1))()
    written = c.FPDFText_GetText(tp, 0, n, buf)
    text = bytes(buf)[: 2 * n].decode("utf-16-le", "surrogatepass")
    if written != n + 1 or len(text) != n:  # astral chars or skipped chars: text index != char index
        text = "".join(chr(c.FPDFText_GetUnicode(tp, i)) for i in range(n))
    rect = c.FS_RECTF()

    def box(i: int) -> tuple[float, float, float]:
        c.FPDFText_GetLooseCharBox(tp, i, rect)
        return rect.left, rect.bottom, rect.right

    def restored_spaces(prev: int, i: int, nxt: int) -> int:
        """How many real spaces after the space glyph ``i`` PDFium dropped (it keeps one of a run):
        the gap to the next glyph in whole space advances (plus the char spacing seen before ``i``)."""
        l_sp, _b, r_sp = box(i)
        spacing = l_sp - box(prev)[2] if prev >= 0 else 0.0
        if not 0.0 <= spacing <= r_sp - l_sp:  # a kerned gap, not char spacing
            spacing = 0.0
        step = r_sp - l_sp + spacing
        if step <= 0.5:
            return 0
        q = (box(nxt)[0] - r_sp - spacing) / step
        m = round(q)
        return m if m >= 1 and abs(q - m) < 0.15 else 0

    def piece(glyphs: list[int]) -> None:
        out: list[str] = []
        for k, i in enumerate(glyphs):
            ch = text[i]
            prev = glyphs[k - 1] if k else -1
            if prev >= 0 and _ascii_alnum(ch) and _ascii_alnum(text[prev]):
                # An inferred space, as pdfminer infers it: a gap wider than a tenth of the next glyph's
                # size (word_margin) but under two glyph widths (char_margin; a wider gap splits the line
                # and its pieces join without a space). Only ASCII letters/digits get one.
                l0, _b0, r0 = box(prev)
                l1, _b1, r1 = box(i)
                gap = l1 - r0
                if 0.1 * max(r1 - l1, c.FPDFText_GetFontSize(tp, i)) < gap < 2.0 * max(r0 - l0, r1 - l1):
                    out.append(" ")
            out.append("-" if ch in _PDFIUM_HYPHEN else ch)
            if ch == " " and k + 1 < len(glyphs):
                out.append(" " * restored_spaces(prev, i, glyphs[k + 1]))
        line = "".join(out)
        if not line.strip(_STRIP):
            return
        first, last = glyphs[0], glyphs[-1]
        x0, b0, _r = box(first)
        _l, b1, x1 = box(last)
        y0 = min(b0, b1)
        top = max(b0 + c.FPDFText_GetFontSize(tp, first), b1 + c.FPDFText_GetFontSize(tp, last))
        pieces.append((x0, x1, y0, top - y0, line))

    pieces: list[_Line] = []
    glyphs: list[int] = []
    for i, ch in enumerate(text):
        if ch in "\r\n":
            if glyphs:
                piece(glyphs)
            glyphs = []
        elif ch == " ":
            if not c.FPDFText_IsGenerated(tp, i):
                glyphs.append(i)
        elif ch in "\ufffe\x02\x00":
            # PDFium swallows the line break after a word-breaking hyphen (``co-`` / ``operate``) and
            # marks the hyphen (unicode 2, text U+FFFE): restore both. Other U+FFFE: a glyph without
            # unicode, dropped.
            if c.FPDFText_GetUnicode(tp, i) == 2:
                glyphs.append(i)
                piece(glyphs)
                glyphs = []
        else:
            glyphs.append(i)
    if glyphs:
        piece(glyphs)
    return pieces


def _merge_pieces(raw: list[_Line]) -> list[_Line]:
    """Top to bottom, left to right; pieces on one baseline (a line split by a wide gap) joined."""
    raw.sort(key=lambda r: (-round(r[2], 0), r[0]))
    merged: list[_Line] = []
    for line in raw:
        if merged and abs(merged[-1][2] - line[2]) < 0.5 * max(line[3], 1.0) and line[0] >= merged[-1][1] - 1:
            x0, _x1, y0, h, t = merged[-1]
            merged[-1] = (x0, line[1], y0, max(h, line[3]), t + line[4])
        else:
            merged.append(line)
    return merged


_SENTENCE_END = re.compile(r"[。！？；：!?;:][”’」』）)]?$")


def _ends_sentence(tail: str) -> bool:
    return bool(_SENTENCE_END.search(tail))


def pdf_paragraphs(data: bytes, title: str | None = None) -> list[str]:
    """Paragraphs of a text PDF, rebuilt from the page layout (see the module docstring); [] when unreadable."""
    try:
        return pdf_text(data, title)[0]
    except ParseError:
        return []


def pdf_text(data: bytes, title: str | None = None) -> tuple[list[str], tuple[str, ...]]:
    """Paragraphs of a text PDF (its first `MAX_PDF_PAGES` pages) and its noise; ParseError when unreadable."""
    paragraphs, noise, _read, _with_text = pdf_layer_text(data, title)
    return paragraphs, noise


def pdf_layer_text(data: bytes, title: str | None = None) -> tuple[list[str], tuple[str, ...], int, int]:
    """`pdf_text`, with the pages read and how many of them hold text (a scan's pages hold none)."""
    try:
        pages, noise = _pdf_lines(data)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever PDFium says: not a readable PDF
        raise ParseError(f"not a readable PDF: {type(exc).__name__}: {exc}") from exc
    return _pdf_paragraphs(pages, title), noise, len(pages), sum(1 for page in pages if page)


def _pdf_paragraphs(pages: list[list[_Line]], title: str | None) -> list[str]:
    lines = [ln for page in pages for ln in page if not _PAGE_NUMBER.match(ln[4].strip(_STRIP))]
    if not lines:
        return []
    # Body geometry: the left margin is the most common line start; the right margin a high quantile
    # of line ends; the character width the median line height (CJK glyphs are square).
    left = Counter(round(ln[0]) for ln in lines).most_common(1)[0][0]
    ends = sorted(ln[1] for ln in lines)
    right = ends[int(0.9 * (len(ends) - 1))]
    cw = statistics.median(ln[3] for ln in lines) or 10.0
    # Documents with first-line indentation mark paragraphs by the indent; a short line only ends a
    # paragraph there when it ends a sentence (a line can end short when the next token did not fit).
    uses_indent = sum(1 for ln in lines if ln[0] > left + 0.6 * cw) >= 0.1 * len(lines)
    paras: list[str] = []
    cur: list[str] = []  # the lines of the paragraph being built (joined once: a long one costs linear time)
    prev_short = True
    prev_end = ""
    for x0, x1, _y0, _h, text in lines:
        indented = x0 > left + 0.6 * cw
        if cur and (indented or (prev_short and (not uses_indent or _ends_sentence(prev_end)))):
            paras.append("".join(cur).strip(_STRIP))
            cur = []
            prev_end = ""
        piece = text.strip(_STRIP)
        cur.append(piece)
        prev_short = x1 < right - 1.5 * cw
        prev_end = (prev_end + piece)[-2:]
    if cur:
        paras.append("".join(cur).strip(_STRIP))
    return drop_title([p for p in paras if p], title)


def pdf_page_count(data: bytes) -> int:
    """The number of pages of a PDF (0 when it cannot be opened)."""
    try:
        import pypdfium2 as pdfium

        with _PDFIUM_LOCK:
            doc = pdfium.PdfDocument(data)
            try:
                return len(doc)
            finally:
                doc.close()
    except Exception:  # noqa: BLE001 - unreadable: no pages
        return 0
