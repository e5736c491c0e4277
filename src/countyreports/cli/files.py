"""What the attachments edge reads of a saved file before `countyreports parse` reads it in the sandbox.

The pure read path cannot read a legacy Word file (.doc, .wps, RTF: converted by LibreOffice) or a scan (an
image-only PDF, a page image: read by OCR); a saved article page made of page images is read with the images
saved beside it (each found by its file name, in the page's folder). `derived_for` asks the attachments edge
(countyreports.attachments: the harvest's reader, its processes and its cache) for what such a file needs, in
this process, before the file goes to the sandbox pool with it (cli/documents.py); for any other file it asks
nothing and returns None. The edge's own processes run the converter and the OCR under their budgets.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from countyreports.models import Derived
from countyreports.reading.document import RawDoc, is_page, read_article, wanted_images

__all__ = ["Derive", "derived_for"]

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


def derived_for(path: Path, body: bytes, url: str | None, derive: Derive) -> Derived | None:
    """What the attachments edge read from the file at `path` (its bytes `body`), or None: nothing to read."""
    if is_page(body, path.name):
        images = _page_images(path, body, url or f"http://localhost/{path.name}")
        return derive(None, images) if images else None
    return derive(RawDoc(url or path.name, body))
