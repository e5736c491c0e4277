"""Attachments (.docx / .pdf) → raw paragraphs (pure functions; bytes in, list of str out).

    docx_paragraphs(data, title=None) -> list[str]
    pdf_paragraphs(data, title=None) -> list[str]

Same conventions as ``Article.paragraphs`` (raw text, no Chinese cleaning): one item per paragraph in
reading order, stripped of indentation, empty ones skipped; a soft line break inside a paragraph is
joined without a newline; table rows are one line each, cells joined with ``"\\t"``.

The document title is not report text (gold ``clean_text`` omits it): a first paragraph (or the first two,
for a title set on two lines) is dropped when it equals ``title`` (the article title, when the caller
knows it) or, without ``title``, when it looks like a title — short, no sentence punctuation, ending in
报告/情况/总结….

PDF: text lines come from pdfminer.six (``LAParams(boxes_flow=None)``), sorted top-to-bottom per page;
page-number footers (``- 1 -``, ``— 2 —``, ``第 3 页``) are dropped; paragraphs are rebuilt from the
layout: a line starts a paragraph when it is indented from the body's left margin (first-line indent,
headings, centred or right-aligned signature lines) or when the line before it ends well short of the
right margin. Lines of one paragraph are joined without separator, so a layout break that falls inside
a word or a number (``1`` / ``4次``) disappears.

Unreadable input gives ``[]`` (never raises).
"""

from __future__ import annotations

import io
import re
import statistics
import unicodedata
from collections import Counter

__all__ = ["docx_paragraphs", "pdf_paragraphs", "drop_title"]

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
    """Paragraphs and table rows of a .docx body, in body order."""
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        doc = docx.Document(io.BytesIO(data))
        out: list[str] = []
        for block in doc.iter_inner_content():
            if isinstance(block, Paragraph):
                t = _docx_text(block)
                if t:
                    out.append(t)
            elif isinstance(block, Table):
                _docx_table(block, out)
        return drop_title(out, title)
    except Exception:  # noqa: BLE001 - a broken attachment gives no text, never an exception
        return []


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


def _line_text(line) -> str:  # noqa: ANN001 - pdfminer LTTextLine
    """The glyphs of a line; a space pdfminer *inferred* from a gap (LTAnno) is kept only between two
    ASCII letters/digits — letter-spaced CJK justification must not become spaces."""
    from pdfminer.layout import LTChar

    items = list(line)
    out: list[str] = []
    for i, item in enumerate(items):
        t = item.get_text()
        if isinstance(item, LTChar):
            out.append(t)
        elif t == " " and out and i + 1 < len(items):
            before, after = out[-1][-1:], items[i + 1].get_text()[:1]
            if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                out.append(" ")
    return "".join(out).replace("\n", "")


def _pdf_lines(data: bytes) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page: (x0, x1, y0, height, text) of each text line, top to bottom, same-baseline merged."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    pages: list[list[tuple[float, float, float, float, str]]] = []
    for page in extract_pages(io.BytesIO(data), laparams=LAParams(boxes_flow=None)):
        raw: list[tuple[float, float, float, float, str]] = []
        stack = [el for el in page if isinstance(el, LTTextContainer)]
        while stack:
            el = stack.pop()
            if isinstance(el, LTTextLine):
                text = _line_text(el)
                if text.strip(_STRIP):
                    raw.append((el.x0, el.x1, el.y0, el.height, text))
            elif isinstance(el, LTTextContainer):
                stack.extend(el)
        raw.sort(key=lambda r: (-round(r[2], 0), r[0]))
        merged: list[tuple[float, float, float, float, str]] = []
        for line in raw:
            if merged and abs(merged[-1][2] - line[2]) < 0.5 * max(line[3], 1.0) and line[0] >= merged[-1][1] - 1:
                x0, _x1, y0, h, t = merged[-1]
                merged[-1] = (x0, line[1], y0, max(h, line[3]), t + line[4])
            else:
                merged.append(line)
        pages.append(merged)
    return pages


_SENTENCE_END = re.compile(r"[。！？；：!?;:][”’」』）)]?$")


def _ends_sentence(tail: str) -> bool:
    return bool(_SENTENCE_END.search(tail))


def pdf_paragraphs(data: bytes, title: str | None = None) -> list[str]:
    """Paragraphs of a text PDF, rebuilt from the page layout (see the module docstring)."""
    try:
        pages = _pdf_lines(data)
    except Exception:  # noqa: BLE001
        return []
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
    cur = ""
    prev_short = True
    prev_end = ""
    for x0, x1, _y0, _h, text in lines:
        indented = x0 > left + 0.6 * cw
        if cur and (indented or (prev_short and (not uses_indent or _ends_sentence(prev_end)))):
            paras.append(cur.strip(_STRIP))
            cur = ""
        cur = cur + text.strip(_STRIP) if cur else text.strip(_STRIP)
        prev_short = x1 < right - 1.5 * cw
        prev_end = cur[-2:]
    if cur.strip(_STRIP):
        paras.append(cur.strip(_STRIP))
    return drop_title([p for p in paras if p], title)
