"""`AttachmentReader`: what the crawl, the re-parse and `countyreports parse` call for a file the pure read path
cannot read by itself — it converts legacy Word files and OCRs scans in a small pool of processes, once per body.

    reader = AttachmentReader(settings.derived_path, make_pool, page_budget, file_budget)
    reader.derive(attachment, images) -> Derived | None     # None: nothing to derive (the read path reads it)
    reader.close()

* The format is sniffed from the bytes (`reading.fileformat`): a Word 97 / RTF / OpenDocument file is converted to
  .docx by LibreOffice (`convert`); a PDF whose text layer is not the report's text (`reading.filetext.text_layer_ok`,
  judged in the pool: PDFium runs there) and page images are read by OCR (`ocr`), **one task per page**, each under
  `page_budget`; a conversion under `file_budget`. Everything else (.docx, a PDF with text, a web page) → None.
* The pool is made by `make_pool` (the pipeline gives a `countyreports.sandbox.BudgetPool`: an Executor with
  `submit_within(budget, fn, *args)`) when the first such file comes, so a harvest without any never starts it.
* What was made is kept in `DerivedCache` by the body's SHA-256 before it is returned; while one thread (or
  process) makes an entry, any other asking for the same bytes waits for it (`DerivedCache.making`) and then reads
  it: the same bytes are converted or OCR'd once, whatever the number of copies.
* A tool that is not installed gives `unreadable_format` (LibreOffice) or `needs_ocr` (OCR) with the reason; a
  conversion or page that failed (over its budget, crashed, an error) gives `read_failed` with the page and the
  reason. None of these is cached: `harvest --reparse` asks again.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Protocol

from countyreports.attachments import convert, ocr
from countyreports.attachments.cache import DerivedCache
from countyreports.errors import ToolMissing
from countyreports.models import Derived, OcrPage, ReadState, TextSource
from countyreports.reading.document import RawDoc
from countyreports.reading.fileformat import IMAGE_FORMATS, WORD_FORMATS, FileFormat, sniff
from countyreports.reading import filetext

__all__ = ["AttachmentReader", "BudgetedExecutor", "pdf_layer"]

log = logging.getLogger(__name__)


class BudgetedExecutor(Protocol):
    def submit_within(self, budget: Any, fn: Callable[..., Any], /, *args: Any) -> Future[Any]: ...

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None: ...


def pdf_layer(body: bytes) -> tuple[bool, int]:
    """(is the text layer the report's text, pages to OCR — at most limits.MAX_OCR_PAGES): run in the pool (PDFium
    reads the file)."""
    _paras, _caps, ok, pages = filetext.pdf_layer(body)
    return ok, pages


def _why(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


class AttachmentReader:
    """See the module docstring."""

    def __init__(self, cache_dir: Path | str, make_pool: Callable[[], BudgetedExecutor], page_budget: Any,
                 file_budget: Any) -> None:
        self.cache = DerivedCache(cache_dir)
        self._make_pool = make_pool
        self._pool: BudgetedExecutor | None = None
        self._lock = threading.Lock()
        self._busy = 0  # tasks submitted and not done
        self._idle: threading.Timer | None = None  # stops the pool when nothing came for IDLE_S
        self.page_budget, self.file_budget = page_budget, file_budget
        self.counts = {"converted": 0, "ocr_pages": 0, "cached": 0, "failed": 0}

    #: seconds without a task after which the pool is stopped (its OCR process holds ~0.9 GB of models; scans are
    #: rare, and the next one starts a pool again)
    IDLE_S = 15.0

    def _submit(self, budget: Any, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        with self._lock:
            if self._pool is None:
                self._pool = self._make_pool()
            pool = self._pool
            self._busy += 1
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
        try:
            fut = pool.submit_within(budget, fn, *args)
        except BaseException:
            self._task_done()
            raise
        fut.add_done_callback(self._task_done)
        return fut

    def _task_done(self, _fut: object = None) -> None:
        with self._lock:
            self._busy -= 1
            if self._busy == 0 and self._pool is not None and self._idle is None:
                self._idle = threading.Timer(self.IDLE_S, self._release_if_idle)
                self._idle.daemon = True
                self._idle.start()

    def _release_if_idle(self) -> None:
        with self._lock:
            self._idle = None
            if self._busy or self._pool is None:
                return
            pool, self._pool = self._pool, None
        pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def tally(self) -> dict[str, int]:
        """What this reader did so far: files converted, pages OCR'd, answers from the cache, failures."""
        with self._lock:
            return dict(self.counts)

    def _count(self, key: str, n: int = 1) -> None:
        with self._lock:
            self.counts[key] += n

    # ------------------------------------------------------------------ what to derive
    def derive(self, attachment: RawDoc | None, images: Sequence[RawDoc] = ()) -> Derived | None:
        """What the read path needs to read `attachment` (or, without one, the page `images`); None: nothing."""
        if attachment is not None:
            fmt = sniff(attachment.body)
            if fmt in WORD_FORMATS:
                return self._cached(attachment.body, lambda: self._convert(attachment.body, fmt))
            if fmt is FileFormat.PDF:
                return self._scan(attachment.body)
            if fmt in IMAGE_FORMATS:
                return self._images([attachment.body])
            return None
        return self._images([img.body for img in images]) if images else None

    def _cached(self, body: bytes, make: Callable[[], Derived], key: str | None = None) -> Derived:
        """The cache's entry for `body`, else made by `make` (once, whoever else asks meanwhile) and kept."""
        key = key or hashlib.sha256(body).hexdigest()
        found = self.cache.get(key)
        if found is None:
            with self.cache.making(key):
                found = self.cache.get(key)
                if found is None:
                    found = make()
                    self.cache.put(key, found)
                    if found.state is not ReadState.OK:
                        self._count("failed")
                    return found
        self._count("cached")
        return found

    # ------------------------------------------------------------------ Word files
    def _convert(self, body: bytes, fmt: FileFormat) -> Derived:
        if convert.soffice() is None:
            return Derived(ReadState.UNREADABLE_FORMAT, TextSource.DOC,
                           reason=f"{fmt} file: LibreOffice is not installed (Debian: libreoffice-writer-nogui)")
        try:
            docx = self._submit(self.file_budget, convert.to_docx, body, str(fmt)).result()
        except ToolMissing as exc:
            return Derived(ReadState.UNREADABLE_FORMAT, TextSource.DOC, reason=_why(exc))
        except Exception as exc:  # noqa: BLE001 - over its budget, crashed, LibreOffice's error: recorded
            return Derived(ReadState.READ_FAILED, TextSource.DOC, reason=f"{fmt} file: {_why(exc)}")
        self._count("converted")
        return Derived(ReadState.OK, TextSource.DOC, docx=docx, tool=convert.libreoffice_version())

    # ------------------------------------------------------------------ scans
    def _scan(self, body: bytes) -> Derived | None:
        """A PDF: None when its text layer is the report's text (judged once per body, kept as a note), else
        its OCR, one task per page."""
        sha = hashlib.sha256(body).hexdigest()
        note = self.cache.note(sha)
        if note is None:
            try:
                ok, pages = self._submit(self.file_budget, pdf_layer, body).result()
            except Exception:  # noqa: BLE001 - a PDF PDFium cannot read (or crashes on): the read path says so
                return None
            note = {"text_layer": ok, "pages": pages}
            self.cache.put_note(sha, note)
        if note["text_layer"] or not note["pages"]:
            return None
        return self._cached(body, lambda: self._ocr([(ocr.pdf_page, body, i) for i in range(note["pages"])]), sha)

    def _images(self, bodies: Sequence[bytes]) -> Derived:
        """The OCR of page images, each kept on its own (an image shared by two articles is read once)."""
        keys = [hashlib.sha256(b).hexdigest() for b in bodies]
        by_key = dict(zip(keys, bodies, strict=True))
        found = {k: d for k in by_key if (d := self.cache.get(k)) is not None}
        self._count("cached", len(found))
        wanted = sorted(by_key.keys() - found.keys())
        if wanted:
            with ExitStack() as stack:  # (locks taken in one order: two articles never wait on each other)
                for k in wanted:
                    stack.enter_context(self.cache.making(k))
                found.update({k: d for k in wanted if (d := self.cache.get(k)) is not None})
                todo = [k for k in wanted if k not in found and sniff(by_key[k]) in IMAGE_FORMATS]
                if todo:
                    made = self._ocr([(ocr.image_page, by_key[k], 1) for k in todo])
                    if made.state is not ReadState.OK:
                        return made
                    for k, page in zip(todo, made.pages, strict=True):
                        found[k] = Derived(ReadState.OK, TextSource.OCR, pages=(page,), tool=made.tool)
                        self.cache.put(k, found[k])
        pages = [OcrPage(n, p.width, p.height, p.lines)
                 for n, p in enumerate((found[k].pages[0] for k in keys if k in found and found[k].pages), 1)]
        if not pages:
            return Derived(ReadState.READ_FAILED, TextSource.OCR, reason="page images: none is a readable image")
        return Derived(ReadState.OK, TextSource.OCR, pages=tuple(pages), tool=ocr.TOOL)

    def _ocr(self, tasks: Sequence[tuple[Callable[..., OcrPage], bytes, int]]) -> Derived:
        """OCR pages, one pool task (and one page budget) each; the first page that fails fails the whole."""
        why = ocr.installed()
        if why is not None:
            return Derived(ReadState.NEEDS_OCR, TextSource.OCR, reason=why)
        futures = [self._submit(self.page_budget, fn, body, arg) for fn, body, arg in tasks]
        pages: list[OcrPage] = []
        for n, fut in enumerate(futures, 1):
            try:
                pages.append(fut.result())
            except ToolMissing as exc:
                return Derived(ReadState.NEEDS_OCR, TextSource.OCR, reason=_why(exc))
            except Exception as exc:  # noqa: BLE001 - over its budget, crashed, unreadable: recorded
                for f in futures[n:]:
                    f.cancel()
                return Derived(ReadState.READ_FAILED, TextSource.OCR, reason=f"OCR of page {n}: {_why(exc)}")
        self._count("ocr_pages", len(pages))
        return Derived(ReadState.OK, TextSource.OCR, pages=tuple(pages), tool=ocr.TOOL)
