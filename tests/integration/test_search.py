"""Full-text search equals a brute-force scan of the same text: on a harvested warehouse (epoch 1 then 2), for
queries hypothesis builds from the reports' own sentences — re-spaced, in traditional characters, full-width —
`warehouse.search.search` finds exactly the sentences a plain Python loop over every active report's text finds
(its own sentence split, the fold as the definition), ranked by matches per report; the SQL macro search_hits
returns the same rows in the same order."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from countyreports.text.fold import fold
from countyreports.text.searchterms import Terms, parse_query
from countyreports.warehouse.search import search

ENDS = "。\n；;!！?？"
FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})
TO_TRADITIONAL = opencc.OpenCC("s2t")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, written here again: a character loop, no shared code with the loader."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in ENDS:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


@pytest.fixture(scope="module")
def corpus(warehouse_e2: Path) -> dict[str, tuple[str, str, int]]:
    """report_id → (clean_text, province, report_year) of every active report's current version."""
    con = duckdb.connect(str(warehouse_e2), read_only=True)
    try:
        rows = con.execute("SELECT report_id, clean_text, province, report_year FROM reports "
                           "WHERE status = 'active'").fetchall()
    finally:
        con.close()
    return {r[0]: (r[1] or "", r[2], r[3]) for r in rows}


@pytest.fixture(scope="module")
def con(warehouse_e2: Path):  # type: ignore[no-untyped-def]
    c = duckdb.connect(str(warehouse_e2), read_only=True)
    yield c
    c.close()


def brute(corpus: dict[str, tuple[str, str, int]], terms: Terms, province: str | None = None,
          year: int | None = None) -> set[tuple[str, str]]:
    found = set()
    for rid, (text, prov, yr) in corpus.items():
        if (province and prov != province) or (year and yr != year):
            continue
        for a, b in _sentences(text):
            if terms.matches(fold(text[a:b])):
                found.add((rid, text[a:b]))
    return found


def _disguise(term: str, how: int) -> str:
    if how == 1:
        return " ".join(term)  # spaces between the characters
    if how == 2:
        return TO_TRADITIONAL.convert(term)
    if how == 3:
        return term.translate(FULL_WIDTH)
    return term


@st.composite
def queries(draw: st.DrawFn, corpus: dict[str, tuple[str, str, int]]) -> str:
    rids = sorted(corpus)
    words = []
    for n in range(draw(st.integers(1, 3))):
        text = corpus[draw(st.sampled_from(rids))][0]
        sentence = draw(st.sampled_from([text[a:b] for a, b in _sentences(text) if b - a >= 2] or ["法治"]))
        size = draw(st.integers(2, min(8, len(sentence))))
        at = draw(st.integers(0, len(sentence) - size))
        term = re.sub(r"\s", "", sentence[at:at + size]) or "法治"
        term = _disguise(term, draw(st.integers(0, 3)))
        words.append(f'"{term}"' if " " in term else term)
        if n == 2 and draw(st.booleans()):
            words[-1] = "-" + words[-1].strip('"').replace(" ", "")  # an exclusion
    return " ".join(words)


def _found(con: duckdb.DuckDBPyConnection, terms: Terms, **kw: object) -> set[tuple[str, str]]:
    res = search(con, terms, limit=10**6, **kw)  # type: ignore[arg-type]
    assert res.sentence_count == len(res.hits)
    return {(h.report_id, h.sentence) for h in res.hits}


def test_brute_force_equality(con: duckdb.DuckDBPyConnection, corpus: dict[str, tuple[str, str, int]]) -> None:
    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    @given(queries(corpus))
    def check(query: str) -> None:
        try:
            terms = parse_query(query)
        except ValueError:
            return
        assert _found(con, terms) == brute(corpus, terms), query

    check()


def test_brute_force_with_filters(con: duckdb.DuckDBPyConnection, corpus: dict[str, tuple[str, str, int]]) -> None:
    terms = parse_query("行政 复议")
    for province, year in (("湖南省", None), (None, 2022), ("山西省", 2023)):
        got = _found(con, terms, province=province, year=year)
        assert got and got == brute(corpus, terms, province, year)


def test_disguises_do_not_hide_a_match(con: duckdb.DuckDBPyConnection) -> None:
    plain = _found(con, parse_query("法律顾问"))
    assert plain
    for disguised in ('"法 律 顾 问"', "法律顧問", "法律顾问".translate(FULL_WIDTH), '"法　律 顧 问"'):
        assert _found(con, parse_query(disguised)) == plain, disguised


def test_ranking_by_matches_per_report_then_recency(con: duckdb.DuckDBPyConnection) -> None:
    res = search(con, parse_query("执法"), limit=10**6)
    per_report: dict[str, int] = {}
    for h in res.hits:
        per_report[h.report_id] = per_report.get(h.report_id, 0) + 1
    assert all(h.report_hit_count == per_report[h.report_id] for h in res.hits)
    keys = [(-h.report_hit_count, -h.report_year) for h in res.hits]
    assert keys == sorted(keys)
    top = search(con, parse_query("执法"), limit=7)
    assert [(h.report_id, h.char_start) for h in top.hits] == [(h.report_id, h.char_start) for h in res.hits[:7]]
    assert (top.sentence_count, top.report_count) == (len(res.hits), len(per_report))


def test_section_kind_filter_agrees_with_core_sentences(con: duckdb.DuckDBPyConnection) -> None:
    for kind in ("shortcomings", "court_judgments", "measures_results"):
        got = {(h.report_id, h.char_start) for h in search(con, parse_query("法"), section_kind=kind, limit=10**6).hits}
        want = set(con.execute("SELECT report_id, char_start FROM core_sentences WHERE is_active AND "
                               "section_kind = ? AND contains(folded, '法')", [kind]).fetchall())
        assert got == want and got, kind


@pytest.mark.parametrize("query", ["执法", "行政复议 败诉", "法律顾问 -公职律师", "容缺受理"])
def test_sql_macro_equals_search(con: duckdb.DuckDBPyConnection, query: str) -> None:
    terms = parse_query(query)
    ours = [(h.report_id, h.char_start, h.section_path, h.sentence) for h in search(con, terms, limit=10**6).hits]
    sql = con.execute("SELECT report_id, char_start, section_path, sentence FROM search_hits(?)", [query]).fetchall()
    assert [tuple(r) for r in sql] == ours
