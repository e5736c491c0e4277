"""The search fold and the query syntax (text/fold.py, text/searchterms.py, reading/passages.py): expected values
read by a human; properties with hypothesis; the SQL macro search_fold equal to the Python fold."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from countyreports.reading.passages import passages, sentence_changes
from countyreports.text.fold import char_mask, fold, fold_positions, fold_query, fold_table
from countyreports.text.searchterms import Terms, highlight_spans, parse_query

# simplified and traditional Chinese, full- and half-width forms, spaces of several kinds, punctuation
ALPHABET = st.sampled_from(list("法治政府建设首违不罚容缺受理執法違罰後發乾淨ＡＢＣａｂｃ１２３ABCabc123 \u3000\u00a0\t，。、；！？（）()"
                                "①㈠⺮\ufeff\n"))
TEXTS = st.text(ALPHABET, max_size=60)


@pytest.mark.parametrize(("text", "folded"), [
    ("首 違 不 罰", "首违不罚"),         # spaces between characters, traditional characters
    ("ＡＢＣ１２３", "abc123"),          # full-width letters and digits, upper case
    ("法治\u3000政府\u00a0建设", "法治政府建设"),  # ideographic and no-break spaces
    ("（一）", "(一)"),                  # full-width brackets
    ("①项", "1项"),                     # circled digit: NFKC gives one character
    ("㈠", "㈠"),                        # NFKC would give three characters: kept
    ("\ufeff执法", "执法"),              # zero-width no-break space
])
def test_fold_examples(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_query_is_converted_phrase_by_phrase() -> None:
    assert fold_query("乾淨") == "干净"  # the word, as OpenCC converts it in a text
    assert fold_query("行政執法 三項制度") == "行政执法三项制度"


@settings(deadline=None)
@given(TEXTS)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@settings(deadline=None)
@given(st.text(ALPHABET, min_size=60, max_size=200))
def test_long_and_short_paths_agree(text: str) -> None:
    """fold() takes a numpy path for long texts, a character-by-character one for short ones: the same fold."""
    assert fold(text) == text.translate(fold_table())
    assert fold(text) == "".join(fold(ch) for ch in text)


@settings(deadline=None)
@given(TEXTS)
def test_fold_positions_point_at_the_source(text: str) -> None:
    folded, where = fold_positions(text)
    assert folded == fold(text)
    assert where == sorted(set(where))
    assert all(fold(text[i]) == folded[k] for k, i in enumerate(where))


def test_every_character_folds_to_at_most_one() -> None:
    assert all(v is None or len(v) == 1 for v in fold_table().values())


def test_parse_query() -> None:
    assert parse_query('首违不罚 "容缺 受理" -罚款') == Terms(("首违不罚", "容缺受理"), ("罚款",))
    assert parse_query("執法 －罰款").excludes == ("罚款",)  # full-width minus
    with pytest.raises(ValueError):
        parse_query("-罚款")
    with pytest.raises(ValueError):
        parse_query("   ")


def test_terms_match_within_one_sentence() -> None:
    terms = parse_query("首违不罚 轻微 -罚款")
    assert terms.matches(fold("对轻微违法行为首违不罚"))
    assert not terms.matches(fold("对轻微违法行为首违不罚并处罚款"))
    assert not terms.matches(fold("首违不罚"))


def test_highlight_spans_cover_spaced_matches() -> None:
    sentence = "推行首 违 不 罚清单，落实首违不罚"
    spans = highlight_spans(sentence, parse_query("首違不罰").includes)
    assert [sentence[a:b] for a, b in spans] == ["首 违 不 罚", "首违不罚"]


def test_passages_cut_at_sentence_ends() -> None:
    text = "一、主要举措\n首 違 不 罰。容缺受理；\n\n好！"
    found = passages(text)
    assert [(text[a:b], f) for a, b, f, _m in found] == [
        ("一、主要举措", "一、主要举措"), ("首 違 不 罰", "首违不罚"), ("容缺受理", "容缺受理"), ("好", "好")]
    # a sentence's mask holds every bit of every term it contains (a search never skips a match)
    assert all(char_mask(f) & m == char_mask(f) for _a, _b, f, m in found)


def test_sentence_changes_side_by_side() -> None:
    old = "共办理案件617件。新增一句。不变的句子。"
    new = "共办理案件622件。不变的句子。最后加的。"
    assert sentence_changes(old, new) == [("共办理案件617件", "共办理案件622件"), ("新增一句", None),
                                          (None, "最后加的")]
    assert sentence_changes(old, old.replace("。", " 。")) == []  # spacing is no change


@pytest.fixture(scope="module")
def sql_fold(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from countyreports.warehouse.writer import Warehouse

    wh = Warehouse(Path(tmp_path_factory.mktemp("fold")) / "fold.duckdb")
    yield lambda s: wh.con.execute("SELECT search_fold(?)", [s]).fetchone()[0]
    wh.close()


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_sql_macro_folds_like_python(sql_fold, text: str) -> None:  # type: ignore[no-untyped-def]
    assert sql_fold(text) == fold(text)


def test_one_character_fold_equals_the_table() -> None:
    """fold_char (queries, short texts) works a character out alone; the table (loader, SQL) holds them all:
    every code point agrees."""
    from countyreports.text.fold import _RANGES, fold_char

    table = fold_table()
    for lo, hi in _RANGES:
        for cp in range(lo, hi):
            expected = table.get(cp, chr(cp))
            assert fold_char(chr(cp)) == ("" if expected is None else expected), hex(cp)
