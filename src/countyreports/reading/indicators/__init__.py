"""Numeric indicators of 法治政府建设年度报告: the code table (taxonomy) and the extractor."""

from countyreports import native as _native

_native.activate(__path__, __name__)  # (before the imports below: see countyreports.native)

from countyreports.reading.indicators.extract import extract, section_path_at  # noqa: E402
from countyreports.reading.indicators.taxonomy import CODES, RULES  # noqa: E402

__all__ = ["CODES", "RULES", "extract", "section_path_at"]
