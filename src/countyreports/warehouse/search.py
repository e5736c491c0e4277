"""Full-text search of the warehouse: the sentences of active reports that hold every term of a query.

    terms = parse_query("首违不罚 -罚款")                      # countyreports.text.searchterms
    found = search(con, terms, province="山西省", limit=50)
    found.hits[0].county, found.hits[0].sentence, found.sentence_count, found.report_count

One scan of the loader's folded sentences (`search_sentences`): first each sentence's 64-bit character mask
(a Bloom filter of its characters: a sentence lacking a bit of the query's characters cannot match), then one
`contains()` per term on the few left, then the report's filters; no n-gram index (README, "Full-text
search", has the measurements). The filters (province, prefecture, report year, section kind) narrow the same query. Ranking: the
reports with the most matching sentences first, then the later report year, the later publication, report
and sentence order. The table macro `search_hits(query)` (sql/macros/) is the same search for SQL users.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from countyreports.errors import TerminalError
from countyreports.text.fold import char_mask
from countyreports.text.searchterms import Terms

__all__ = ["Hit", "Found", "require", "search"]


def require(con: duckdb.DuckDBPyConnection, relation: str) -> None:
    """TerminalError, saying what to do, when a warehouse made by an older version lacks `relation`."""
    found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ? "
                        "AND table_catalog = current_database()", [relation]).fetchone()
    if not found or not found[0]:
        raise TerminalError(f"this warehouse has no {relation} yet (it was made by an older version): run a "
                            "harvest once with this version, e.g. `countyreports harvest --reparse`, which adds "
                            "it (~15 s for 15,000 reports)")


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


def _filters(terms: Terms, province: str | None, prefecture: str | None, year: int | None
             ) -> tuple[str, str, list[Any]]:
    """(conditions on the folded sentence, conditions on the report, their parameters in order)."""
    mask = 0
    for term in terms.includes:
        mask |= char_mask(term)
    conds = ["(s.char_mask & ?::UBIGINT) = ?::UBIGINT"]  # most sentences are skipped here, before any text
    params: list[Any] = [mask, mask]
    for term in terms.includes:
        conds.append("contains(s.folded, ?)")
        params.append(term)
    for term in terms.excludes:
        conds.append("NOT contains(s.folded, ?)")
        params.append(term)
    rconds = ["r.status = 'active'"]
    for column, value in (("province", province), ("prefecture", prefecture), ("report_year", year)):
        if value is not None:
            rconds.append(f"r.{column} = ?")
            params.append(value)
    return " AND ".join(conds), " AND ".join(rconds), params


def search(con: duckdb.DuckDBPyConnection, terms: Terms, *, province: str | None = None,
           prefecture: str | None = None, year: int | None = None, section_kind: str | None = None,
           limit: int = 50) -> Found:
    """The sentences of active reports matching `terms` (every include, no exclude) and the filters, ranked."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    require(con, "search_sentences")
    sconds, rconds, params = _filters(terms, province, prefecture, year)
    # 1. the scan: folded sentences of the reports' current versions (no text, no section read yet)
    # 2. the section kind, only when asked: the level-1 section starting last at or before each hit
    # 3. rank, count; the sentence text and its section are read for the top rows only
    kind_join, kind_cond = "", ""
    if section_kind is not None:
        kind_join = ("ASOF JOIN (SELECT report_id, version, char_start, kind FROM sections WHERE level = 1 "
                     "AND report_id IN (SELECT report_id FROM scan)) AS k ON k.report_id = scan.report_id "
                     "AND k.version = scan.version AND scan.char_start >= k.char_start")
        kind_cond = "WHERE k.kind = ?"
        params.append(section_kind)
    sql = f"""
        WITH scan AS (
            SELECT s.report_id, s.version, s.ordinal, s.char_start, s.char_end, r.report_year, r.published_date
            FROM search_sentences AS s
            JOIN reports AS r ON r.report_id = s.report_id AND r.version = s.version
            WHERE {sconds} AND {rconds}
        ),
        hits AS MATERIALIZED (SELECT scan.* FROM scan {kind_join} {kind_cond}),
        per_report AS (
            SELECT report_id, count(*) AS report_hit_count, any_value(report_year) AS report_year,
                   any_value(published_date) AS published_date
            FROM hits GROUP BY report_id
        ),
        totals AS (SELECT coalesce(sum(report_hit_count), 0) AS n, count(*) AS reports FROM per_report),
        top_reports AS (
            SELECT report_id, report_hit_count, row_number() OVER (
                ORDER BY report_hit_count DESC, report_year DESC, published_date DESC NULLS LAST, report_id) AS rank
            FROM per_report
            ORDER BY report_hit_count DESC, report_year DESC, published_date DESC NULLS LAST, report_id
            LIMIT {int(limit)}
        ),
        top AS (
            SELECT hits.*, t.report_hit_count, t.rank
            FROM hits JOIN top_reports AS t USING (report_id)
            ORDER BY t.rank, hits.ordinal
            LIMIT {int(limit)}
        ),
        placed AS (
            SELECT top.*, sec.path AS section_path
            FROM top ASOF LEFT JOIN (SELECT report_id, version, char_start, path FROM sections
                                     WHERE report_id IN (SELECT report_id FROM top)) AS sec
                ON sec.report_id = top.report_id AND sec.version = top.version AND top.char_start >= sec.char_start
        ),
        kinds AS (
            SELECT placed.*, k1.kind AS section_kind
            FROM placed ASOF LEFT JOIN (SELECT report_id, version, char_start, kind FROM sections
                                        WHERE level = 1 AND report_id IN (SELECT report_id FROM top)) AS k1
                ON k1.report_id = placed.report_id AND k1.version = placed.version
                AND placed.char_start >= k1.char_start
        )
        SELECT t.report_id, r.adcode, r.county, r.province, r.prefecture, t.report_year, t.section_path,
               t.section_kind, substring(r.clean_text, t.char_start + 1, t.char_end - t.char_start),
               t.char_start, t.char_end, r.url, t.published_date, t.report_hit_count, totals.n, totals.reports
        FROM kinds AS t JOIN reports AS r ON r.report_id = t.report_id CROSS JOIN totals
        ORDER BY t.rank, t.ordinal
    """
    rows = con.execute(sql, params).fetchall()
    if not rows:
        return Found((), 0, 0)
    hits = tuple(Hit(*row[:14]) for row in rows)
    return Found(hits, int(rows[0][14]), int(rows[0][15]))
