"""The I/O edge for files the pure read path cannot read by itself: legacy Word files (.doc, .wps, RTF, .odt)
converted by LibreOffice (`convert`), scans (image-only PDFs, page images) read by OCR (`ocr`), run in a small pool
of processes given by the pipeline, their output kept by the SHA-256 of the bytes (`cache`); `reader` decides and
composes (`AttachmentReader.derive`). The read path (countyreports.reading) turns what it made into paragraphs.

May import `countyreports.reading`, `.text` and the vocabulary (`models`, `errors`, `settings`); not the crawl,
the sandbox (its pool is handed in), the warehouse or the pipeline. Runs subprocesses (LibreOffice) and loads
the OCR models: never imported by the read path.
"""

from countyreports.attachments.reader import AttachmentReader

__all__ = ["AttachmentReader"]
