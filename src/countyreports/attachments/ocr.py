"""OCR of one scanned page: RapidOCR with the PP-OCRv4 ONNX models the `rapidocr-onnxruntime` wheel ships (nothing
is downloaded, ever). Runs in a child process of the attachments pool (`reader`), one page per task, so that the
budget is per page; the engine is made once per process, at its first page.

    installed() -> str | None             # None when the engine is installed here, else why not
    image_page(body, number) -> OcrPage   # a JPEG/PNG/GIF/TIFF/BMP page image
    pdf_page(body, index) -> OcrPage      # page `index` (0-based) of a PDF, rendered at its scan's resolution

Settings, chosen on the tuning pages and measured on held-out scans (docs/formats.md): the page made grey from the
**brightest of R, G, B** (black ink stays black, the red seal turns white, also where it covers the signature);
**resampled to at most 2000 px** on its longest side with area averaging (RapidOCR's own linear shrink loses the
thin strokes of 1-bit scans: 。 read ·); **no angle classifier** (`use_cls=False`: it turned straight lines upside
down, and reports are upright); one intra-op and one inter-op thread; recognition batches of 3; `text_score` 0.5;
ONNX Runtime's **memory pattern off** (`_without_memory_pattern`; the same lines read); the **text detector looks at
the page shrunk to `DETECT_SIDE` px** (`_bound_detector`; the recogniser still reads the lines from the 2,000-px
page), and the detector's freed tensors are handed back before the recogniser runs (`_trim_before_recognition`).
After each page the sandbox child hands the freed memory back (malloc_trim): ~150 MiB between pages instead of
380–550. The last three settings brought the process's peak on a page from ~700 to ~400 MiB (harvestmem2).
CER 0.13 % (clean 300-dpi scans), 0.16 % (hard 150-dpi scans), 0.11 % (page images) after `reading.ocrtext`;
3.3–5 CPU s a page on one core of the dev box.

A PDF page is rendered at the resolution of its largest image (a scan's own dpi, at most 300), so that the page
is resampled once, by us; an image larger than MAX_PIXELS is refused before it is decoded.
"""

from __future__ import annotations

import importlib.util
import io
import math
from typing import Any

from countyreports.errors import ParseError, ToolMissing
from countyreports.native import heap
from countyreports.reading.limits import MAX_IMAGE_PIXELS, image_refusal
from countyreports.models import OcrLine, OcrPage

__all__ = ["installed", "image_page", "pdf_page", "configure", "TOOL", "MAX_SIDE", "MAX_PIXELS", "DETECT_SIDE"]

TOOL = "RapidOCR 1.4.4 (PP-OCRv4, onnxruntime)"
MAX_SIDE = 2000  # longest side of the page given to the engine (px): the lines are cut from it and recognised
DETECT_SIDE = 960  # longest side of the page the text detector looks at (px; Settings.ocr_detect_side, see `configure`)
MAX_PIXELS = MAX_IMAGE_PIXELS  # a page rendered larger than this is refused (an A4 page at 600 dpi is 35 Mpx)
MAX_DPI, PLAIN_DPI = 300, 200  # render a PDF page at its scan's dpi (at most MAX_DPI); PLAIN_DPI without images
ENGINE_SETTINGS: dict[str, Any] = {"use_cls": False, "intra_op_num_threads": 1, "inter_op_num_threads": 1,
                                   "rec_batch_num": 3, "text_score": 0.5}
_engine: list[Any] = []
_detect_side: list[int] = [DETECT_SIDE]


def configure(detect_side: int = DETECT_SIDE) -> None:
    """This process's OCR settings (the attachments pool's initializer, from `Settings.ocr_detect_side`): the longest
    side of the page the text detector looks at (0: the whole `MAX_SIDE` page, as RapidOCR does by itself)."""
    _detect_side[0] = max(0, int(detect_side))
    _engine.clear()  # (made again, with them, at the next page)


def installed() -> str | None:
    """None when RapidOCR is installed here (without importing it); else why not."""
    try:
        found = importlib.util.find_spec("rapidocr_onnxruntime") is not None
    except (ImportError, ValueError):  # (a module entry of None: its import is blocked)
        found = False
    return None if found else "the OCR engine is not installed (pip: rapidocr-onnxruntime)"


def _without_memory_pattern() -> None:
    """Have the engine's ONNX Runtime sessions made without the memory pattern (`enable_mem_pattern = False`).

    With it, ONNX Runtime plans one block for all the tensors of a run of a given input shape and keeps it: every
    page size read (pages differ by a few pixels) leaves a plan and its block behind, and the detector's run on a
    2,000-px page holds them at once. Without it each tensor is allocated when made and freed when no longer used.
    Measured (peak of the OCR process, with → without): six fixture pages in one process 981 → 749, 757 → 720,
    758 → 769 MiB; a national bench harvest 801 → 705 MiB — a gain of ~90 MiB on average, with a wide spread;
    the same text, the same CPU within noise (rapidocr already disables ORT's CPU arena). RapidOCR has no setting
    for it: its session options are wrapped (a no-op where its internals differ)."""
    try:
        from rapidocr_onnxruntime.utils import infer_engine  # type: ignore[import-untyped]
    except ImportError:
        return
    session = getattr(infer_engine, "OrtInferSession", None)
    make = getattr(session, "_init_sess_opts", None)
    if session is None or make is None or getattr(make, "without_memory_pattern", False):
        return

    def options(config: dict[str, Any]) -> Any:
        opts = make(config)
        opts.enable_mem_pattern = False
        return opts

    options.without_memory_pattern = True  # type: ignore[attr-defined]
    session._init_sess_opts = staticmethod(options)


def _get_engine() -> Any:
    """The engine of this process, made at its first page (its three models loaded once)."""
    if not _engine:
        why = installed()
        if why is not None:
            raise ToolMissing(why, tool=TOOL)
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:  # OpenCV needs libGL.so.1 and libglib (Debian: libgl1, libglib2.0-0)
            raise ToolMissing(f"the OCR engine cannot be loaded: {exc}", tool=TOOL) from exc
        _without_memory_pattern()
        engine = RapidOCR(**ENGINE_SETTINGS)
        if _detect_side[0]:
            _bound_detector(engine, _detect_side[0])
        _trim_before_recognition(engine)
        _engine.append(engine)
    return _engine[0]


def _bound_detector(engine: Any, side: int) -> None:
    """Have the engine's text detector look at the page shrunk to at most `side` px on its longest side; the lines
    it finds are still cut from the whole page for the recogniser, so the characters are read at full size.

    RapidOCR sizes the detector's input from the page alone (at least the page itself: ~2,000 px for a 300-dpi A4
    page), and the detector's tensors grow with its area: its run is most of an OCR process's peak (measured alone:
    +75 MiB at 640 px, +330 at 1,280, +500 at 2,000). At 960 px, with recognition batches of 3, the process peaks
    at 350-440 MiB on the held-out pages instead of 610-730, and a page costs less CPU (docs/formats.md, "Memory").
    RapidOCR has no setting for it (its `limit_side_len` is ignored in its "max" mode): the detector's
    `get_preprocess` is replaced (a no-op where its internals differ)."""
    det = getattr(engine, "text_det", None)
    try:
        from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess  # type: ignore[import-untyped]
    except ImportError:
        return
    if det is None or not hasattr(det, "get_preprocess"):
        return
    mean, std = getattr(det, "mean", None), getattr(det, "std", None)
    det.get_preprocess = lambda _longest: DetPreProcess(side, "max", mean, std)


def _trim_before_recognition(engine: Any) -> None:
    """Hand the detector's freed tensors back to the system before the recogniser runs (glibc keeps them otherwise,
    and the recogniser's tensors come on top): ~50-100 MiB less at the page's peak, ~10 ms a page."""
    rec = getattr(engine, "text_rec", None)
    if rec is None:
        return

    def recognise(*args: Any, **kwargs: Any) -> Any:
        heap.trim()
        return rec(*args, **kwargs)

    engine.text_rec = recognise


def _prepare(im: Any) -> tuple[Any, float]:
    """The page as the engine gets it (BGR array) and the factor back to the image's pixels."""
    import numpy as np
    from PIL import Image

    rgb = np.asarray(im.convert("RGB"))
    grey = Image.fromarray(rgb.max(axis=2))  # the brightest channel: coloured ink (the seal) turns white
    k = 1.0
    if max(grey.size) > MAX_SIDE:
        k = max(grey.size) / MAX_SIDE
        grey = grey.resize((round(grey.width / k), round(grey.height / k)), Image.Resampling.BOX)
    g = np.asarray(grey)
    return np.ascontiguousarray(np.stack([g, g, g], axis=2)), k


def _read(arr: Any, k: float, size: tuple[int, int], number: int) -> OcrPage:
    """The engine's lines of a page prepared by `_prepare` (the page image itself already let go: `size`)."""
    width, height = size
    result, _elapsed = _get_engine()(arr)
    del arr
    lines = []
    for box, text, score in result or []:
        (xa, ya), (xb, yb) = box[0], box[1]
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        angle = math.degrees(math.atan2(yb - ya, xb - xa))
        # rounded as the cache keeps them: a page read now and one read from the cache are the same page
        lines.append(OcrLine(str(text), round(min(xs) * k, 1), round(min(ys) * k, 1), round(max(xs) * k, 1),
                             round(max(ys) * k, 1), round(float(score), 4), round(angle, 3)))
    return OcrPage(number, width, height, tuple(lines))


def image_page(body: bytes, number: int = 1) -> OcrPage:
    """OCR of one page image."""
    from PIL import Image, UnidentifiedImageError

    try:
        im = Image.open(io.BytesIO(body))
        refused = image_refusal(im.width, im.height)
        if refused is not None:
            raise ParseError(f"page {number}: {refused}")
        im.load()
        size = im.size
        arr, k = _prepare(im)
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ParseError(f"page {number}: not a readable image ({type(exc).__name__}: {exc})") from exc
    del im  # (the page as decoded: ~3 bytes a pixel, not kept while the engine runs)
    return _read(arr, k, size, number)


def _page_dpi(page: Any, pdfium_c: Any, page_number: int = 1) -> float:
    """The resolution of the page's largest image (its scan's dpi), at most MAX_DPI; PLAIN_DPI without one.
    ParseError when one of its images is over the OCR limit (`limits.image_refusal`, read from its header)."""
    width_in = page.get_width() / 72.0
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        try:
            meta = obj.get_metadata()
            left, _bottom, right, _top = obj.get_bounds()
        except Exception:  # noqa: BLE001 - an image without metadata: not the scan
            continue
        refused = image_refusal(meta.width, meta.height) if meta.width or meta.height else None
        if refused is not None:  # (rendering the page would decode it whole)
            raise ParseError(f"page {page_number}: {refused}")
        if right - left > 0.5 * page.get_width() and meta.width > 0:
            best = max(best, meta.width / ((right - left) / 72.0))
    dpi = best if best > 0 else PLAIN_DPI
    return min(MAX_DPI, dpi) if width_in > 0 else PLAIN_DPI


def pdf_page(body: bytes, index: int) -> OcrPage:
    """OCR of page `index` (0-based) of a PDF; its number in the OcrPage is index + 1."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        doc = pdfium.PdfDocument(body)
    except pdfium.PdfiumError as exc:
        raise ParseError(f"not a readable PDF: {exc}") from exc
    try:
        page = doc[index]
        try:
            scale = _page_dpi(page, pdfium_c, index + 1) / 72.0
            w, h = page.get_width() * scale, page.get_height() * scale
            if w * h > MAX_PIXELS:
                raise ParseError(f"page {index + 1}: {w:.0f}×{h:.0f} px at its resolution is larger than the "
                                 f"{MAX_PIXELS / 1e6:.0f} Mpx an OCR page may have")
            im = page.render(scale=scale, grayscale=False).to_pil()
        finally:
            page.close()
    finally:
        doc.close()
    size = im.size
    arr, k = _prepare(im)
    del im  # (the page as rendered: ~3 bytes a pixel, not kept while the engine runs)
    return _read(arr, k, size, index + 1)
