"""Numeric indicators of 法治政府建设年度报告: the code table (taxonomy), the concepts and frames that read them
(concepts, frames: data) and the extractor (quantities → cues → attribution, composed in extract)."""

from countyreports import native as _native

_native.activate(__path__, __name__)  # (before the imports below: see countyreports.native)

from countyreports.reading.indicators.extract import extract, extract_all, section_path_at  # noqa: E402
from countyreports.reading.indicators.frames import FRAMES  # noqa: E402
from countyreports.reading.indicators.taxonomy import CODES  # noqa: E402

__all__ = ["CODES", "FRAMES", "extract", "extract_all", "section_path_at"]
