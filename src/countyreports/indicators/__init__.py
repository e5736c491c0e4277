"""Numeric indicators of 法治政府建设年度报告: the code table (taxonomy) and the extractor."""

from countyreports.indicators.extract import extract, section_path_at
from countyreports.indicators.taxonomy import CODES, RULES

__all__ = ["CODES", "RULES", "extract", "section_path_at"]
