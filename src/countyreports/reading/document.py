"""From fetched bytes to a parsed report: the pure composition of the reading steps.

    bytes ──decode──▶ text ──html.extract_article──▶ Article (raw paragraphs, title, dates, links)
    [Article, Article_1, …] ──join_pages──▶ Article ──(attachment, or page images, when the page only links
    them: filetext, with what the attachments edge derived — a converted .doc, OCR lines)
    ──clean──▶ clean_text + noise ──sections──▶ tree ──metadata──▶ year/signed/issuer ──indicators──▶ values
A page over the caps of the reading (limits.MAX_SECTIONS headings, extract.MAX_MENTIONS quantities) is read
up to them and says so in its noise (`truncated: mentions>5000`): never silently.

No I/O here: the crawler fetches, this module reads. The same functions serve `countyreports parse`, the
re-parse from the raw archive and the benchmark.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from countyreports.text.clean import clean_text, noise_labels
from countyreports.text.decode import decode_html
from countyreports.errors import ParseError, Refused
from countyreports.reading.article import extract_article, join_pages, page_noise
from countyreports.reading.classify import published_document
from countyreports.reading.indicators.extract import extract_all as extract_indicators
from countyreports.reading.metadata import body_level, read_meta
from countyreports.models import Article, Derived, Link, ParsedReport, ReadState, TextSource
from countyreports.reading.fileformat import is_page
from countyreports.reading.limits import MAX_SECTIONS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, truncated
from countyreports.reading.sections import split_sections_capped

if TYPE_CHECKING:  # (files other than pages are read by `filetext`, imported at the first one: a reader of pages
    from countyreports.reading.filetext import FileText  # does not load the zip, PDF and OCR-text readers)

ATTACHMENT_HINTS = ("详见附件", "见附件", "附件下载", "詳見附件", "点击下载", "附件：", "附件:")
SHORT_BODY_CHARS = 300  # a report body shorter than this with an attachment is read from the attachment
MAX_PAGE_IMAGES = 40  # page images of one article read at most (an article made of scans)
# attachments in the order they are preferred when a page links several: text first, what needs a converter last
ATTACHMENT_KINDS = ("docx", "pdf", "txt", "doc", "wps")
_BELOW_PREFECTURE = ("县", "区", "旗")  # a report of one of these reads 全市, 市政府 … as the prefecture


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One fetched document: the bytes and what the server said they are."""

    url: str
    body: bytes
    content_type: str | None = None


def read_article(doc: RawDoc) -> tuple[Article, str]:
    """Decode and extract one article page; returns the article and the encoding used."""
    decoded = decode_html(doc.body, doc.content_type)
    # A strict UTF-8 decode (no BOM): the body is the UTF-8 the HTML parser wants, no need to encode the text.
    same = (decoded.encoding == "utf-8" and not decoded.errors and decoded.source != "bom"
            and type(doc.body) is bytes and b"\x00" not in doc.body)
    article = extract_article(decoded.text, doc.url, utf8=doc.body if same else None)
    noise = page_noise(decoded.text, article)
    return (replace(article, noise=article.noise + noise) if noise else article), decoded.encoding


def attachment_kind(url: str) -> str | None:
    """What the link's name says the file is (docx, pdf, txt, doc, wps), to choose among a page's links; what it
    really is, the bytes tell once fetched (`fileformat.sniff`)."""
    low = url.lower().split("?")[0]
    full = url.lower()
    for ext in ATTACHMENT_KINDS:
        if low.endswith("." + ext) or full.endswith("." + ext):
            return ext
    return None


def wanted_attachment(article: Article) -> Link | None:
    """The attachment holding the report when the page only links to it (详见附件), else None; of several, a
    .docx or a PDF before a legacy Word file."""
    readable = [a for a in article.attachments if attachment_kind(a.url)]
    if not readable:
        return None
    body = "".join(article.paragraphs)
    if len(body) < SHORT_BODY_CHARS or any(h in body for h in ATTACHMENT_HINTS) and len(body) < 1500:
        return min(readable, key=lambda a: ATTACHMENT_KINDS.index(attachment_kind(a.url) or "docx"))
    return None


def wanted_images(article: Article) -> tuple[str, ...]:
    """The page images holding the report when the article is made of them: no attachment, a text no longer than
    a caption, images in the main text (at most MAX_PAGE_IMAGES); else ()."""
    if not article.images or wanted_attachment(article) is not None:
        return ()
    if len("".join(article.paragraphs)) >= SHORT_BODY_CHARS:
        return ()
    return article.images[:MAX_PAGE_IMAGES]


def attachment_text(doc: RawDoc, title: str | None = None, derived: Derived | None = None) -> FileText:
    """An attachment's paragraphs (`filetext.file_text`: the bytes tell the format)."""
    from countyreports.reading.filetext import file_text

    return file_text(doc.body, doc.url, title, derived)


def content_sha256(clean: str) -> str:
    """Hash of the cleaned text: a change in page chrome is not a new version."""
    return hashlib.sha256(clean.encode("utf-8")).hexdigest()


def parse_report(pages: list[Article], attachment: RawDoc | None = None,
                 encoding: str | None = None, derived: Derived | None = None) -> ParsedReport:
    """Read a report from its article page(s) and, when the page only links it, its attachment — or, when the
    article is made of page images, their text (`derived`: what the attachments edge read from the attachment or
    the images; without it a file the pure read path cannot read leaves the page's text and says why). A page
    that is a notice publishing the report (关于公开《…报告》的公告) is titled by the report it publishes."""
    article = join_pages(pages) if len(pages) > 1 else pages[0]
    if article.title and (doc := published_document(article.title)) is not None:
        article = replace(article, title=doc)  # a notice publishing the report: the report's own title
    noise: list[str] = [n for page in pages for n in page.noise]
    paragraphs = list(article.paragraphs)
    read: FileText | None = None
    if attachment is not None:
        try:
            read = attachment_text(attachment, article.title, derived)
        except Refused as exc:  # (the page's own text stands)
            noise.append(f"refused: attachment: {exc}")
        except ParseError:
            noise.append("attachment_unread")
        else:
            noise.extend(read.noise)
            if read.paragraphs:
                noise.append("attachment_only")
            noise.append("attachment_only")
    elif wanted_images(article):
        from countyreports.reading.filetext import images_text

        read = images_text(derived, article.title)
        if read.paragraphs:
            noise.append("page_images")
    if attachment is None and article.attachments and not paragraphs:
        noise.append("attachment_unread")
    if read is None or not read.paragraphs:
        state = read.state if read is not None else ReadState.OK
        return parse_text(article.title, "\n".join(paragraphs), article=article, noise=noise, encoding=encoding,
                          read_state=state, read_reason=read.reason if read is not None else None)
    return parse_text(article.title, "\n".join(read.paragraphs), article=article, noise=noise, encoding=encoding,
                      read=read, read_state=read.state, read_reason=read.reason)


def parse_docs(pages: list[RawDoc], attachment: RawDoc | None = None,
               first: tuple[Article, str] | None = None, derived: Derived | None = None) -> ParsedReport:
    """Read a report from the bytes of its page(s) and attachment: `read_article` each page (except the first
    when `first` gives it already read), then `parse_report`. A pure function, so it can run in another
    process (the crawl's parse processes, the re-parse from the raw archive)."""
    articles: list[Article] = []
    encoding = None
    for i, doc in enumerate(pages):
        article, enc = first if i == 0 and first is not None else read_article(doc)
        articles.append(article)
        encoding = encoding or enc
    return parse_report(articles, attachment, encoding, derived)


def parse_text(title: str, raw_text: str, *, article: Article | None = None,
               noise: list[str] | None = None, encoding: str | None = None, read: FileText | None = None,
               read_state: ReadState = ReadState.OK, read_reason: str | None = None) -> ParsedReport:
    """Clean, split, read metadata and indicators of a report's raw text (its first MAX_TEXT_CHARS characters;
    the title's first MAX_TITLE_CHARS; at most MAX_SECTIONS sections: each cap hit is in the noise); `read`: the
    file it was read from (its source, OCR page breaks and confidence), when not the article page."""
    caps: list[str] = []
    if len(raw_text) > MAX_TEXT_CHARS:
        raw_text = raw_text[:MAX_TEXT_CHARS]
        caps.append(truncated("text", MAX_TEXT_CHARS))
    if len(title) > MAX_TITLE_CHARS:
        title = title[:MAX_TITLE_CHARS]
        caps.append(truncated("title", MAX_TITLE_CHARS))
    cleaned = clean_text(raw_text)
    title_clean = clean_text(title).text.replace("\n", " ").strip()
    text = cleaned.text
    sections, capped = split_sections_capped(text)
    if capped:
        caps.append(truncated("sections", MAX_SECTIONS))
    published = article.published if article else None
    meta = read_meta(title_clean, text, published)
    got = extract_indicators(text, sections, prefecture_other=body_level(title_clean, meta.issuer) in _BELOW_PREFECTURE,
                             report_year=meta.report_year)
    indicators, mentions = got.indicators, got.mentions
    if got.truncated:
        caps.append(f"truncated: {got.truncated}")
    all_noise = tuple(dict.fromkeys([*(noise or []), *noise_labels(cleaned.repairs), *caps]))
    return ParsedReport(
        title=title_clean, report_year=meta.report_year, published=published,
        signed_date=meta.signed_date, issuer=meta.issuer, clean_text=text, noise=all_noise,
        sections=sections, indicators=indicators, mentions=mentions,
        source=clean_text(article.source).text if article and article.source else None,
        site_id_code=article.site_id_code if article else None, encoding=encoding,
        text_source=str(read.source if read is not None else TextSource.HTML),
        read_state=str(read_state), read_reason=read_reason,
        ocr_confidence=None if read is None or read.confidence is None else round(read.confidence, 4),
        page_starts=_page_starts(raw_text, text, read))


def _page_starts(raw_text: str, text: str, read: FileText | None) -> tuple[int, ...]:
    """Where each page of the file `read` starts in the clean text (() for an article page)."""
    if read is None:
        return ()
    from countyreports.reading.filetext import clean_offsets

    return clean_offsets(raw_text, text, read.page_breaks)


def parse_bytes(body: bytes, name: str, url: str | None = None, derived: Derived | None = None) -> ParsedReport:
    """Parse one saved document: an article page, or a file (.docx, .pdf, .doc, .wps, an image, .txt...), its
    format told by its bytes (`fileformat.sniff`), not its name. `derived`: what the attachments edge read from a
    file (or from the page's images) that the pure read path cannot read. A file of which no text at all can be
    read raises ParseError with the reason."""
    if is_page(body, name):
        article, encoding = read_article(RawDoc(url or "http://localhost/" + name, body))
        return parse_report([article], None, encoding, derived)
    from countyreports.reading.attachment import drop_title
    from countyreports.reading.filetext import file_text

    read = file_text(body, url or name, None, derived)
    paragraphs = [p for p in read.paragraphs if p.strip()]
    if not paragraphs:
        raise ParseError(f"no text could be read from {name}" + (f": {read.reason}" if read.reason else ""), url=url)
    rest = drop_title(paragraphs)  # the document's title, when its first paragraph(s) look like one
    if rest and len(rest) < len(paragraphs):
        title = "".join(paragraphs[:len(paragraphs) - len(rest)])
        cut = len("\n".join(paragraphs)) - len("\n".join(rest))
        paragraphs = rest
        read = replace(read, page_breaks=tuple(max(0, b - cut) for b in read.page_breaks))
    else:
        title = paragraphs[0] if len(paragraphs[0]) < 60 else ""
    noise = (["attachment_only"] if read.source is not TextSource.TEXT else []) + list(read.noise)
    return parse_text(title, "\n".join(paragraphs), noise=noise, read=read, read_state=read.state,
                      read_reason=read.reason)


def to_json(parsed: ParsedReport) -> dict[str, object]:
    """The JSON shape printed by `countyreports parse`."""
    return {
        "truncated": [n for n in parsed.noise if n.startswith(("truncated:", "refused:"))],
        "report_year": parsed.report_year,
        "title": parsed.title,
        "published": parsed.published.isoformat() if parsed.published else None,
        "signed": parsed.signed_date.isoformat() if parsed.signed_date else None,
        "issuer": parsed.issuer,
        "noise": list(parsed.noise),
        "text_source": parsed.text_source,
        "read_state": parsed.read_state,
        "read_reason": parsed.read_reason,
        "ocr_confidence": parsed.ocr_confidence,
        "text": parsed.clean_text,
        "sections": [{"path": s.path, "level": s.level, "kind": str(s.kind) if s.kind else None,
                      "secondary_kind": str(s.secondary_kind) if s.secondary_kind else None,
                      "title": s.title} for s in parsed.sections],
        "indicators": [{"code": i.code, "value": i.value, "unit": i.unit, "approx": i.approx,
                        "from_value": i.from_value, "value_kind": i.value_kind, "section_path": i.section_path,
                        "surface": i.surface, "sentence": i.sentence, "cues": list(i.cues),
                        "page": parsed.page_at(i.char_start)} for i in parsed.indicators],
        "mentions": [{"value": m.value, "measure": m.measure, "unit": m.unit, "approx": m.approx,
                      "from_value": m.from_value, "value_kind": m.value_kind, "before": m.before,
                      "surface": m.surface, "section_path": m.section_path, "code": m.code}
                     for m in parsed.mentions],
    }


def json_line(file: str, body: bytes, url: str | None = None, derived: Derived | None = None) -> str:
    """The JSON line `countyreports parse` prints for one saved document (`file`: its path; its bytes tell its
    format), with what the attachments edge `derived` from it: ``{"file", ...to_json}``, or ``{"file", "error"}``
    when it cannot be read (why: refused by a limit, unreadable...)."""
    name = file.replace("\\", "/").rsplit("/", 1)[-1]
    try:
        out: dict[str, object] = {"file": file, **to_json(parse_bytes(body, name, url, derived))}
    except MemoryError:  # (the sandbox says it: over the memory budget)
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
        out = {"file": file, "error": f"{type(exc).__name__}: {exc}"}
    return json.dumps(out, ensure_ascii=False)


def json_lines(items: list[tuple[str, bytes, Derived | None]], url: str | None = None) -> list[str]:
    """`json_line` of each (file, body, derived), in order: what one task of `countyreports parse` reads."""
    return [json_line(file, body, url, derived) for file, body, derived in items]


def fingerprint(parsed: ParsedReport) -> str:
    """Hash of everything a report's rows are made of (text, metadata, sections, indicators, mentions): a
    re-parse that gives the same fingerprint has nothing to write.

    The SHA-256 of ``repr(parsed)``, fed piece by piece (each field, each section, indicator and mention on its
    own): the same digest without ever holding the whole repr, which repeats each mention's sentence."""
    h = hashlib.sha256()
    h.update(f"{type(parsed).__qualname__}(".encode())
    for i, f in enumerate(fields(parsed)):
        value = getattr(parsed, f.name)
        h.update(f"{', ' if i else ''}{f.name}=".encode())
        if type(value) is tuple and len(value) > 1:
            h.update(b"(")
            for k, item in enumerate(value):
                h.update(((", " if k else "") + repr(item)).encode("utf-8"))
            h.update(b")")
        else:
            h.update(repr(value).encode("utf-8"))
    h.update(b")")
    return h.hexdigest()


def fingerprinted(parse: Callable[..., ParsedReport], *args: Any) -> tuple[ParsedReport, str]:
    """`parse(*args)` and its fingerprint, computed where it ran (in a parse process, not the loader's)."""
    parsed = parse(*args)
    return parsed, fingerprint(parsed)


def parse_unless_stored(pages: list[RawDoc], attachment: RawDoc | None, stored_sha256: str | None,
                        stored_rows: tuple[int, int, int],
                        derived: Derived | None = None) -> tuple[ParsedReport | None, str]:
    """Re-parse from the archive: `parse_docs` and its fingerprint; the parsed report is None when it is the
    one stored (same fingerprint, and its sections, indicators and mentions all there) — nothing to write, and
    nothing to send back from a parse process."""
    parsed, fp = fingerprinted(parse_docs, pages, attachment, None, derived)
    if fp == stored_sha256 and stored_rows == (len(parsed.sections), len(parsed.indicators), len(parsed.mentions)):
        return None, fp
    return parsed, fp


def read_first(doc: RawDoc) -> tuple[tuple[str, ...], Link | None, tuple[str, ...], tuple[ParsedReport, str] | None,
                                    tuple[Article, str] | None]:
    """What a crawler needs from a report's first page, read once (in a parse process): the URLs of its further
    pages, the attachment holding its text (`wanted_attachment`), the page images holding it (`wanted_images`),
    and — when it has none of these, the usual report — the report parsed with its fingerprint
    (`fingerprinted(parse_docs, [doc])`); else the page as read, to give `parse_docs` with the others (`first=`)
    so that it is not read twice."""
    first = read_article(doc)
    page_links, att, images = links_of(first[0])
    if not page_links and att is None and not images:
        return page_links, att, images, fingerprinted(parse_docs, [doc], None, first), None
    return page_links, att, images, None, first


def links_of(article: Article) -> tuple[tuple[str, ...], Link | None, tuple[str, ...]]:
    """The URLs of an article's further pages, the attachment holding its text (`wanted_attachment`) and the page
    images holding it (`wanted_images`)."""
    return tuple(article.page_links), wanted_attachment(article), wanted_images(article)
