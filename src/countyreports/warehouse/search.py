"""Full-text search of the warehouse: the sentences of active reports that hold every term of a query.

    terms = parse_query("首违不罚 -罚款")                      # countyreports.text.searchterms
    found = search(con, terms, province="山西省", limit=50)
    found.hits[0].county, found.hits[0].sentence, found.sentence_count, found.report_count

One scan of `core_sentences.folded` (the loader's folded sentences, `search_sentences`) with one `contains()`
per term — no index: on the national replica of `make bench` (15.6k reports, 1.3M sentences) a scan answers
in well under the 300 ms asked, and an n-gram index would cost the loader far more (README, "Full-text
search"). The filters (province, prefecture, report year, section kind) narrow the same query. Ranking: the
reports with the most matching sentences first, then the later report year, the later publication, report
and sentence order. The table macro `search_hits(query)` (sql/macros/) is the same search for SQL users.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from countyreports.text.searchterms import Terms

__all__ = ["Hit", "Found", "search"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching sentence, with where it stands."""

    report_id: str
    adcode: str
    county: str | None
    province: str | None
    prefecture: str | None
    report_year: int
    section_path: str | None
    section_kind: str | None
    sentence: str
    char_start: int
    char_end: int
    url: str | None
    published_date: Any
    report_hit_count: int  # matching sentences in the same report (the first ranking key)


@dataclass(frozen=True, slots=True)
class Found:
    """The first `limit` hits in rank order, and how many sentences and reports match in all."""

    hits: tuple[Hit, ...]
    sentence_count: int
    report_count: int


def _where(terms: Terms, province: str | None, prefecture: str | None, year: int | None,
           section_kind: str | None) -> tuple[str, list[Any]]:
    conds = ["is_active"]
    params: list[Any] = []
    for term in terms.includes:
        conds.append("contains(folded, ?)")
        params.append(term)
    for term in terms.excludes:
        conds.append("NOT contains(folded, ?)")
        params.append(term)
    for column, value in (("province", province), ("prefecture", prefecture), ("report_year", year),
                          ("section_kind", section_kind)):
        if value is not None:
            conds.append(f"{column} = ?")
            params.append(value)
    return " AND ".join(conds), params


def search(con: duckdb.DuckDBPyConnection, terms: Terms, *, province: str | None = None,
           prefecture: str | None = None, year: int | None = None, section_kind: str | None = None,
           limit: int = 50) -> Found:
    """The sentences of active reports matching `terms` (every include, no exclude) and the filters, ranked."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    where, params = _where(terms, province, prefecture, year, section_kind)
    # the scan keeps only keys and rank columns; the sentence text and the section are read for the top rows
    sql = f"""
        WITH hits AS (
            SELECT report_id, ordinal, report_year, published_date,
                   count(*) OVER (PARTITION BY report_id) AS report_hit_count
            FROM core_sentences WHERE {where}
        ),
        totals AS (SELECT count(*) AS n, count(DISTINCT report_id) AS reports FROM hits),
        top AS (
            SELECT * FROM hits
            ORDER BY report_hit_count DESC, report_year DESC, published_date DESC NULLS LAST, report_id, ordinal
            LIMIT {int(limit)}
        )
        SELECT c.report_id, c.adcode, c.county, c.province, c.prefecture, c.report_year, c.section_path,
               c.section_kind, c.sentence, c.char_start, c.char_end, c.url, c.published_date,
               top.report_hit_count, totals.n, totals.reports
        FROM top JOIN core_sentences AS c USING (report_id, ordinal) CROSS JOIN totals
        ORDER BY top.report_hit_count DESC, c.report_year DESC, c.published_date DESC NULLS LAST, c.report_id,
                 c.ordinal
    """
    rows = con.execute(sql, params).fetchall()
    if not rows:
        return Found((), 0, 0)
    hits = tuple(Hit(*row[:14]) for row in rows)
    return Found(hits, int(rows[0][14]), int(rows[0][15]))
