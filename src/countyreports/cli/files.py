"""What the attachments edge reads of a saved file before `countyreports parse` reads it in the sandbox.

The pure read path cannot read a legacy Word file (.doc, .wps, RTF: converted by LibreOffice) or a scan (an
image-only PDF, a page image: read by OCR); a saved article page made of page images is read with the images
saved beside it (each found by its file name, in the page's folder). `derived_for` asks the attachments edge
(countyreports.attachments: the harvest's reader, its processes and its cache) for what such a file needs, in
this process, before the file goes to the sandbox pool with it (cli/documents.py); for any other file it asks
nothing and returns None. The edge's own processes run the converter and the OCR under their budgets.
Only the file's bytes are looked at here (`fileformat`): the read path itself is imported for a saved page with
images beside it, or a file for the edge, not for the ordinary page (the sandbox children read those).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from countyreports.reading.fileformat import IMAGE_FORMATS, WORD_FORMATS, FileFormat, is_page, sniff

if TYPE_CHECKING:
    from countyreports.models import Derived
    from countyreports.reading.document import RawDoc

__all__ = ["AttachmentsEdge", "Derive", "derived_for"]

Derive = Callable[..., "Derived | None"]


def _page_images(page: Path, body: bytes, url: str) -> tuple[RawDoc, ...]:
    """The page images of a saved article made of them, read from the page's folder by their file names."""
    from countyreports.reading.document import RawDoc, read_article, wanted_images

    article, _ = read_article(RawDoc(url, body))
    found = []
    for img in wanted_images(article):
        local = page.parent / Path(unquote(urlsplit(img).path)).name
        if local.is_file():
            found.append(RawDoc(img, local.read_bytes()))
    return tuple(found)


class AttachmentsEdge:
    """The harvest's attachment reader (`pipeline.attachment_reader`: its processes, its cache), made at the first
    file that needs it: parsing pages and .docx files imports and starts none of it."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.reader: Any = None

    def derive(self, *args: Any) -> Derived | None:
        if self.reader is None:
            from countyreports.pipeline import attachment_reader

            self.reader = attachment_reader(self.settings)
        return self.reader.derive(*args)  # type: ignore[no-any-return]

    def close(self) -> None:
        if self.reader is not None:
            self.reader.close()


_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".bmp")


@lru_cache(maxsize=256)
def _holds_images(folder: Path) -> bool:
    """Does a folder hold image files (a saved page's images are found there, by name, or not at all)?"""
    try:
        return any(p.suffix.lower() in _IMAGE_SUFFIXES for p in folder.iterdir())
    except OSError:
        return False


def derived_for(path: Path, body: bytes, url: str | None, derive: Derive) -> Derived | None:
    """What the attachments edge read from the file at `path` (its bytes `body`), or None: nothing to read. Only
    a file the pure read path may not read by itself is given to it (a legacy Word file, a PDF, an image, a saved
    page with images beside it): an ordinary page or .docx costs nothing here."""
    if is_page(body, path.name):
        if not _holds_images(path.parent):
            return None
        images = _page_images(path, body, url or f"http://localhost/{path.name}")
        return derive(None, images) if images else None
    fmt = sniff(body)
    if fmt in WORD_FORMATS or fmt in IMAGE_FORMATS or fmt is FileFormat.PDF or fmt is FileFormat.OLE:
        from countyreports.reading.document import RawDoc

        return derive(RawDoc(url or path.name, body))
    return None
