"""`countyreports parse`: saved files read, one JSON line each, in order — whatever their format.

The bytes of each file are read here; what the pure read path cannot read by itself goes first to the attachments
edge (countyreports.attachments, the same reader as the harvest's, its processes and cache): a legacy Word file
(.doc, .wps, RTF) is converted by LibreOffice, a scan (an image-only PDF, a page image) is read by OCR. A saved
article page made of page images is read with the images saved beside it (each found by its file name, in the
page's folder). Each line carries `text` (the clean text) and `text_source` (html / docx / pdf-text / doc / ocr
/ text); a file that cannot be read at all gets `{"file", "error"}` with the reason (the converter or the OCR
engine missing included), and the others are read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from countyreports.models import Derived
from countyreports.reading.document import RawDoc, is_page, parse_bytes, read_article, to_json, wanted_images

__all__ = ["parse_files", "parse_file"]

Derive = Callable[..., Derived | None]


def _page_images(page: Path, body: bytes, url: str) -> tuple[RawDoc, ...]:
    """The page images of a saved article made of them, read from the page's folder by their file names."""
    article, _ = read_article(RawDoc(url, body))
    found = []
    for img in wanted_images(article):
        local = page.parent / Path(unquote(urlsplit(img).path)).name
        if local.is_file():
            found.append(RawDoc(img, local.read_bytes()))
    return tuple(found)


def parse_file(path: Path, url: str | None, derive: Derive | None) -> dict[str, Any]:
    """The JSON object of one file: {"file", ...parse} or {"file", "error"}."""
    try:
        body = path.read_bytes()
        page_url = url or f"http://localhost/{path.name}"
        derived = None
        if derive is not None:
            if is_page(body, path.name):
                images = _page_images(path, body, page_url)
                derived = derive(None, images) if images else None
            else:
                derived = derive(RawDoc(url or path.name, body))
        return {"file": str(path), **to_json(parse_bytes(body, path.name, url, derived))}
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
        return {"file": str(path), "error": f"{type(exc).__name__}: {exc}"}


def parse_files(paths: list[Path], url: str | None) -> Iterator[dict[str, Any]]:
    """`parse_file` of each path, in order, with the harvest's attachment reader (its pool and cache)."""
    from countyreports.pipeline import attachment_reader
    from countyreports.settings import load_settings

    reader = attachment_reader(load_settings())
    try:
        for path in paths:
            yield parse_file(path, url, reader.derive)
    finally:
        reader.close()
