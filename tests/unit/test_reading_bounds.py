"""The clause stage is bounded (issue 19, the part that is issue 16's): it never crashes on arbitrary text,
its work and its output grow linearly with the page (counted, not timed), a quantity keeps a bounded
context, and the caps on quantities and headings are said in the parse's noise when hit."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from countyreports.reading.document import parse_text
from countyreports.reading.indicators import CODES, extract, extract_all
from countyreports.reading.indicators import cues
from countyreports.reading.indicators.concepts import CONCEPTS
from countyreports.reading.indicators.extract import MAX_MENTIONS, SENTENCE_TEXT, prepare, windows
from countyreports.reading.sections import MAX_SECTIONS, split_sections, split_sections_capped
from countyreports.text.numerals import to_chinese

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "portal" / "gold" / "reports.jsonl"
_WORDS = sorted({w for c in CONCEPTS.values() for w in c.words})


def _check(text: str) -> None:
    got = extract_all(text, split_sections(text))
    coded = [m for m in got.mentions if m.code]
    assert len(coded) == len(got.indicators)
    for m in got.mentions:
        assert text[m.char_start:m.char_end] == m.surface
        assert m.value_kind in ("value", "change")
        assert m.value >= 0 or m.value_kind == "change"
        assert len(m.sentence) <= SENTENCE_TEXT + 1
    for i in got.indicators:
        assert i.code in CODES and i.unit == CODES[i.code].unit
        assert text[i.char_start:i.char_end] == i.surface
        assert i.cues and i.cues[-1].startswith("measure:")


@settings(max_examples=1500, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(text)


_NUMBERS = st.sampled_from(["12", "3,456", "１２", "二十三", "一万零五百", "2.3万", "百分之百", "98.5", "三千二百余",
                            "近百", "1.2亿", "0"])
_MEASURES = st.sampled_from(["件", "次", "人次", "名", "户", "万元", "%", "个百分点", "项", "份", "场次", ""])
_PUNCT = st.sampled_from(["，", "。", "、", "；", "\n", "（", "）", "“", "”", "\ufffd", " ", "分别", "由", "到", "较上年"])
_TOKEN = st.one_of(st.sampled_from(_WORDS), st.tuples(_NUMBERS, _MEASURES).map("".join), _PUNCT)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_TOKEN, max_size=60).map("".join))
def test_genre_like_text_never_crashes(text: str) -> None:
    _check(text)


def _work(text: str) -> tuple[int, int]:
    """(characters scanned for cue words, cue words handed to the attribution of all quantities)."""
    before = cues.SCANNED[0]
    p = prepare(text)
    handed = sum(w.hi - w.lo for w in windows(p)) if p is not None else 0
    return cues.SCANNED[0] - before, handed


def _linear(sizes: list[int], works: list[int], slack: float = 1.15) -> bool:
    """Each work per unit of size is at most `slack` times the first one's (and the work grows)."""
    per = [w / s for w, s in zip(works, sizes)]
    return works[-1] > works[0] and all(p <= per[0] * slack for p in per)


def test_work_grows_linearly_with_a_real_page_repeated() -> None:
    page = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])["clean_text"]
    texts = ["\n".join([page] * k) for k in (1, 4, 16)]
    scanned, handed = zip(*(_work(t) for t in texts))
    sizes = [len(t) for t in texts]
    assert _linear(sizes, list(scanned)) and _linear(sizes, list(handed))


def test_work_grows_linearly_in_a_paragraph_without_breaks() -> None:
    """One paragraph, no full stop, no comma (the worst case for a sentence-wide context)."""
    texts = ["一、" + "行政复议案件12件" * n for n in (250, 1000, 4000)]
    scanned, handed = zip(*(_work(t) for t in texts))
    sizes = [len(t) for t in texts]
    assert _linear(sizes, list(scanned)) and _linear(sizes, list(handed))
    inds, mentions = extract(texts[-1])
    assert len(mentions) == 4000
    assert max(len(m.sentence) for m in mentions) <= SENTENCE_TEXT + 1  # bounded context, not the paragraph
    assert sum(len(m.sentence) for m in mentions) <= (SENTENCE_TEXT + 1) * len(mentions)


def test_mentions_are_capped_and_the_cap_is_said() -> None:
    text = "一、主要举措\n" + "受理行政复议申请12件，" * (MAX_MENTIONS + 50)
    parsed = parse_text("某县报告", text)
    assert len(parsed.mentions) == MAX_MENTIONS
    assert f"truncated: mentions>{MAX_MENTIONS}" in parsed.noise
    assert parsed.indicators[0].code == "admin_reconsideration_received"  # the first ones are still read
    assert "truncated: mentions" not in " ".join(parse_text("某县报告", "受理行政复议申请12件。").noise)


def test_sections_are_capped_and_the_cap_is_said() -> None:
    lines = []
    for top in map(to_chinese, range(1, 26)):  # 25 × 100 headings
        lines.append(f"{top}、第一级")
        lines += [f"{k}.第二级标题{k}" for k in range(1, 100)]
    text = "\n".join(lines)
    sections, capped = split_sections_capped(text)
    assert capped and len(sections) == MAX_SECTIONS
    assert sections[-1].char_end == len(text)  # the rest of the text is the last section's
    assert f"truncated: sections>{MAX_SECTIONS}" in parse_text("x", text).noise
    assert not split_sections_capped("一、主要举措\n二、存在问题")[1]
