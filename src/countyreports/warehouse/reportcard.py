"""One county's report at a glance (`countyreports show`): its metadata, its section outline with kinds, and its
indicators with the sentence that states each — read from the core views on a read-only connection.

    matches = find_counties(con, "洪洞县")            # or "141024": [CountyMatch(...)], several for a shared name
    card = report_card(con, "141024", year=None)       # the latest report year unless one is given
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from countyreports.errors import TerminalError

__all__ = ["CountyMatch", "IndicatorLine", "ReportCard", "SectionLine", "find_counties", "report_card"]


@dataclass(frozen=True, slots=True)
class CountyMatch:
    adcode: str
    county: str | None
    province: str | None
    prefecture: str | None
    report_years: tuple[int, ...]  # the years with a report in the warehouse (active or withdrawn)


@dataclass(frozen=True, slots=True)
class SectionLine:
    ordinal: int
    section_path: str
    section_level: int
    section_title: str | None
    section_kind: str | None
    section_secondary_kind: str | None
    char_count: int


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    indicator_code: str
    label_zh: str | None
    value: float
    unit: str | None
    is_approx: bool
    mention_count: int
    section_path: str | None
    sentence: str | None


@dataclass(frozen=True, slots=True)
class ReportCard:
    report_id: str
    adcode: str
    county: str | None
    province: str | None
    prefecture: str | None
    report_year: int
    title: str | None
    url: str | None
    published_date: dt.date | None
    signed_date: dt.date | None
    deadline_date: dt.date | None
    issuer: str | None
    source: str | None
    version: int
    version_count: int
    status: str
    text_char_count: int | None
    noise: tuple[str, ...]
    attachment_url: str | None
    encoding: str | None
    site_id_code: str | None
    other_years: tuple[int, ...]
    sections: tuple[SectionLine, ...]
    indicators: tuple[IndicatorLine, ...]


def find_counties(con: duckdb.DuckDBPyConnection, key: str) -> list[CountyMatch]:
    """The counties of the warehouse a user means by `key`: a 6-digit code, else a county name (exact, then
    the names starting with it: 洪洞 finds 洪洞县)."""
    key = key.strip()
    base = ("SELECT c.adcode, c.county, c.province, c.prefecture, "
            "list(r.report_year ORDER BY r.report_year) FILTER (WHERE r.report_year IS NOT NULL) "
            "FROM core_counties AS c LEFT JOIN core_reports AS r USING (adcode) WHERE {} "
            "GROUP BY ALL ORDER BY c.adcode")
    if key.isdigit():
        rows = con.execute(base.format("c.adcode = ?"), [key]).fetchall()
    else:
        rows = con.execute(base.format("c.county = ?"), [key]).fetchall()
        if not rows:
            rows = con.execute(base.format("starts_with(c.county, ?)"), [key]).fetchall()
    return [CountyMatch(r[0], r[1], r[2], r[3], tuple(r[4] or ())) for r in rows]


def report_card(con: duckdb.DuckDBPyConnection, adcode: str, year: int | None = None) -> ReportCard:
    """The report of `adcode` for `year` (default: its latest report year). TerminalError when there is none."""
    years = [int(r[0]) for r in con.execute(
        "SELECT report_year FROM core_reports WHERE adcode = ? ORDER BY report_year", [adcode]).fetchall()]
    if not years:
        raise TerminalError(f"no report of {adcode} in the warehouse")
    if year is None:
        year = years[-1]
    if year not in years:
        raise TerminalError(f"no {year} report of {adcode}; its report years: {', '.join(map(str, years))}")
    report_id = f"{adcode}-{year}"
    meta = con.execute(
        "SELECT c.report_id, c.adcode, c.county, c.province, c.prefecture, c.report_year, c.title, c.url, "
        "c.published_date, c.signed_date, c.deadline_date, c.issuer, c.source, c.version, c.version_count, "
        "c.status, c.text_char_count, c.noise, c.attachment_url, c.encoding, s.site_id_code "
        "FROM core_reports AS c JOIN stg_reports AS s USING (report_id) WHERE c.report_id = ?",
        [report_id]).fetchone()
    if meta is None:  # (the year came from the same view)
        raise TerminalError(f"no report {report_id}")
    sections = tuple(SectionLine(int(r[0]), r[1], int(r[2] or 0), r[3], r[4], r[5], int(r[6] or 0))
                     for r in con.execute(
        "SELECT ordinal, section_path, section_level, section_title, section_kind, section_secondary_kind, "
        "length(section_text) FROM core_sections WHERE report_id = ? ORDER BY ordinal", [report_id]).fetchall())
    indicators = tuple(IndicatorLine(r[0], r[1], float(r[2]), r[3], bool(r[4]), int(r[5]), r[6], r[7])
                       for r in con.execute(
        "SELECT v.indicator_code, c.label_zh, v.value, v.unit, v.is_approx, v.mention_count, v.section_path, "
        "v.sentence FROM core_indicator_values AS v LEFT JOIN stg_indicator_codes AS c USING (indicator_code) "
        "WHERE v.report_id = ? ORDER BY v.char_start, v.indicator_code", [report_id]).fetchall())
    (rid, code, county, province, prefecture, ryear, title, url, published, signed, deadline, issuer, source,
     version, version_count, status, chars, noise, attachment, encoding, site_id) = meta
    return ReportCard(rid, code, county, province, prefecture, int(ryear), title, url, published, signed, deadline,
                      issuer, source, int(version), int(version_count), status, chars, tuple(noise or ()),
                      attachment, encoding, site_id, other_years=tuple(y for y in years if y != year),
                      sections=sections, indicators=indicators)
