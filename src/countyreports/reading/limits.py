"""The read path's caps: how much of one document is read, and how a cap that was hit is said.

Every stage of the read path is linear in what it is given; these caps bound what it is given, so that one page
ends in bounded time and memory whatever it holds (the sandbox's budgets, countyreports.sandbox, are the
backstop, not the plan). Each is far above what a real report needs — a report is 5–40 pages, 10–80 sections,
10,000–100,000 characters, nests its tags a few dozen deep — and a cap that is hit is never silent: the part
read is kept and the report's `noise` gets ``truncated: <what>><cap>`` (`truncated`). A document refused
before any work (a zip bomb, an entity declaration) raises `countyreports.errors.Refused`, whose message says
which limit.

    MAX_DEPTH          tag nesting of an HTML page; deeper tags are dropped before parsing, their text kept
                       (reading.nesting), and the main-text walk reads a deeper container as one block
    MAX_TAGS           start tags of an HTML page parsed (a 5 MB page can hold a million elements, ~300 MB of
                       parse tree); the page is cut before the next one
    MAX_TEXT_CHARS     characters of raw text of one document that are cleaned and read
    MAX_TITLE_CHARS    characters of a title
    MAX_SECTIONS       headings of one report; the text after the last one read stays in its section
    MAX_PDF_PAGES      pages of a PDF read (in order)
    MAX_OCR_PAGES      pages of one scan read by OCR (~4 s a page on one core; a report has 5–40)
    ZIP_MAX_MEMBERS    members of a .docx/.xlsx package (its zip)
    ZIP_MAX_BYTES      bytes all its members may inflate to (declared sizes, checked before inflating;
                       and each member inflated under its declared size, so a lying header is caught too)
    MAX_IMAGE_PIXELS   pixels of one image given to OCR (`image_refusal`: the hook for the formats issue)
"""

from __future__ import annotations

MAX_DEPTH = 256
MAX_TAGS = 200_000
MAX_TEXT_CHARS = 2_000_000
MAX_TITLE_CHARS = 500
MAX_SECTIONS = 1_000
MAX_PDF_PAGES = 500
MAX_OCR_PAGES = 100
ZIP_MAX_MEMBERS = 10_000
ZIP_MAX_BYTES = 64 * 1024 * 1024
MAX_IMAGE_PIXELS = 60_000_000  # an A4 page at 600 dpi is 35 megapixels


def truncated(what: str, cap: int) -> str:
    """The noise label of a cap that was hit: ``truncated: sections>1000``."""
    return f"truncated: {what}>{cap}"


def image_refusal(width: int, height: int, max_pixels: int = MAX_IMAGE_PIXELS) -> str | None:
    """Why an image of `width` × `height` pixels is not given to OCR (None: it may be): checked on the image's
    header, before it is decoded."""
    if width <= 0 or height <= 0:
        return f"image of {width} × {height} pixels: not an image"
    if width * height > max_pixels:
        return (f"image of {width:,} × {height:,} pixels ({width * height / 1e6:.0f} megapixels) is over the OCR "
                f"limit of {max_pixels / 1e6:.0f} megapixels")
    return None
