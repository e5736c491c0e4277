"""split_sections / section_at: the gold heading trees, genre variants the snapshot lacks, properties."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from countyreports.models import SectionKind
from countyreports.reading.sections import classify_heading, heading_title, section_at, split_sections

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "portal" / "gold"
_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", s)).rstrip("。.：:；;，,、!！?？")


def _gold_docs() -> list[tuple[str, str, list[dict]]]:
    docs = []
    with open(GOLD / "reports.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            docs.append((r["report_id"], r["clean_text"], r["sections"]))
            for v in r.get("versions", []):
                if "clean_text" in v:
                    docs.append((f"{r['report_id']}@e{v['epoch']}", v["clean_text"], r["sections"]))
    return docs


GOLD_DOCS = _gold_docs()


@pytest.mark.parametrize(("doc_id", "text", "gold"), GOLD_DOCS, ids=[d[0] for d in GOLD_DOCS])
def test_gold_heading_tree(doc_id: str, text: str, gold: list[dict]) -> None:
    got = [s for s in split_sections(text) if s.path]
    assert [(s.path, s.level, _norm(s.title)) for s in got] == [
        (g["path"], g["level"], _norm(g["title"])) for g in gold]
    by_path = {s.path: s for s in got}
    for g in gold:
        if g["level"] == 1:
            s = by_path[g["path"]]
            assert (s.kind, s.secondary_kind) == (g.get("kind"), g.get("secondary_kind")), g["title"]


def test_gold_offsets_tile_the_text() -> None:
    for _doc_id, text, _gold in GOLD_DOCS[:40]:
        secs = split_sections(text)
        for s in secs:
            assert text[s.char_start:s.char_end] == s.text
            if s.path:
                assert _norm(s.title) in _norm(s.text.split("\n", 1)[0])
        for a, b in zip(secs, secs[1:]):
            assert a.char_end <= b.char_start
            assert text[a.char_end:b.char_start].strip() == ""


REAL_141029_2023 = next(d for d in GOLD_DOCS if d[0] == "141029-2023")


def test_paragraph_opening_level3_title() -> None:
    secs = {s.path: s for s in split_sections(REAL_141029_2023[1])}
    assert secs["一/(二)/1"].title == "持续规范依法决策"
    assert secs["一/(二)/1"].text.startswith("1.持续规范依法决策。严格执行")
    assert secs["三"].kind is SectionKind.SHORTCOMINGS
    assert secs["三"].secondary_kind is SectionKind.NEXT_YEAR_PLAN
    assert secs[""].level == 0 and secs[""].text.startswith("2023年")


GENRE = """现将有关情况报告如下：
一、主要工作举措及成效：
（一）加强组织领导
１．持续规范依法决策：严格执行重大行政决策程序。
全年共审查文件53件，主要做法如下：
1.开展培训15次；
2.办理案件1700件；
3.评查案卷4卷。
２．深化执法改革。一是优化队伍。二是提升水平。
（1）规范执法行为。全年办理案件约1.5万件。
(2)加强执法监督
1.5万人次参加培训。
（二）推进依法决策
二、存在的不足和下一步工作计划
1、加强学习
2、强化监督
三、其他需要说明的事项
无。
乡宁县人民政府
2024年1月19日"""


def test_genre_variants() -> None:
    got = [(s.path, s.level, s.title) for s in split_sections(GENRE)]
    assert got == [
        ("", 0, ""),
        ("一", 1, "主要工作举措及成效"),
        ("一/(一)", 2, "加强组织领导"),
        ("一/(一)/1", 3, "持续规范依法决策"),
        ("一/(一)/2", 3, "深化执法改革"),
        ("一/(一)/2/(1)", 4, "规范执法行为"),
        ("一/(一)/2/(2)", 4, "加强执法监督"),
        ("一/(二)", 2, "推进依法决策"),
        ("二", 1, "存在的不足和下一步工作计划"),
        ("二/1", 2, "加强学习"),  # `1、` directly under `一、`: level by nesting, not by style
        ("二/2", 2, "强化监督"),
        ("三", 1, "其他需要说明的事项"),
    ]
    secs = split_sections(GENRE)
    assert section_at(secs, GENRE.index("2.办理案件")) == "一/(一)/1"  # a list item, not a heading
    assert section_at(secs, GENRE.index("1.5万人次")) == "一/(一)/2/(2)"  # a decimal, not `1.`
    assert section_at(secs, GENRE.index("二是提升")) == "一/(一)/2"  # 一是/二是 are not headings
    assert section_at(secs, 0) == ""
    assert section_at(secs, len(GENRE) - 1) == "三"
    kinds = {s.path: (s.kind, s.secondary_kind) for s in secs if s.level == 1}
    assert kinds == {
        "一": (SectionKind.MEASURES_RESULTS, None),
        "二": (SectionKind.SHORTCOMINGS, SectionKind.NEXT_YEAR_PLAN),
        "三": (SectionKind.OTHER, None),
    }


def test_fullwidth_and_spaced_numbering() -> None:
    text = "一． 总体情况\n（ 一 ）组织领导。县委……\n1 、落实责任。……\n（２）专题述法\n二. 存在问题"
    got = [(s.path, s.title) for s in split_sections(text)]
    assert got == [("一", "总体情况"), ("一/(一)", "组织领导"), ("一/(一)/1", "落实责任"),
                   ("一/(一)/1/(2)", "专题述法"), ("二", "存在问题")]


def test_untitled_report_is_one_section() -> None:
    text = "2023年，我县坚持依法行政。\n全年办理行政复议案件12件。\n乡宁县人民政府\n2024年1月19日"
    secs = split_sections(text)
    assert [(s.path, s.level, s.char_start, s.char_end) for s in secs] == [("", 0, 0, len(text))]
    assert section_at(secs, 30) == ""
    assert split_sections("") == () or split_sections("")[0].path == ""


def test_restarted_or_unordered_numbers_are_not_headings() -> None:
    text = "一、主要做法\n1.强化领导\n2.规范决策\n三、存在问题\n一、本行不是标题\n1.学习\n5.不是标题"
    got = [s.path for s in split_sections(text)]
    assert got == ["一", "一/1", "一/2", "三", "三/1"]


def test_semicolon_items_are_list_entries() -> None:
    text = "（一）完善制度\n1.建立台账；\n2.定期通报；\n（二）强化监督"
    assert [s.path for s in split_sections(text)] == ["(一)", "(二)"]


def test_heading_title_rules() -> None:
    assert heading_title("持续规范依法决策。严格执行……") == "持续规范依法决策"
    assert heading_title("主要工作举措及成效：") == "主要工作举措及成效"
    assert heading_title("落实《法治政府建设实施纲要。》要求。正文") == "落实《法治政府建设实施纲要。》要求"
    assert heading_title("强化监督：对照反馈问题逐项整改") == "强化监督"
    assert heading_title("存在的不足 ") == "存在的不足"


@pytest.mark.parametrize(("title", "kind", "secondary"), [
    ("推进法治政府建设的主要举措和成效", "measures_results", None),
    ("2023年度法治政府建设工作开展情况", "measures_results", None),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", "leader_duties", None),
    ("行政机关履行人民法院生效裁判情况", "court_judgments", None),
    ("存在的问题及原因分析", "shortcomings", None),
    ("存在的不足及下一步工作打算", "shortcomings", "next_year_plan"),
    ("2024年推进法治政府建设的主要安排", "next_year_plan", None),
    ("今后工作思路", "next_year_plan", None),
    ("2023年工作开展情况及2024年工作安排", "measures_results", "next_year_plan"),
    ("其他需要说明的事项", "other", None),
    ("附则", "other", None),
])
def test_classify_heading(title: str, kind: str, secondary: str | None) -> None:
    assert classify_heading(title) == (SectionKind(kind), SectionKind(secondary) if secondary else None)


_LINE = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["一、", "二、", "（一）", "(二)", "1.", "2．", "3、", "（1）", "(2)", "十一、",
                     "1.5万", "一是", "：", "；"]).flatmap(
        lambda p: st.text(max_size=20).map(lambda t: p + t)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=30).map("\n".join))
def test_never_crashes_and_spans_inside(text: str) -> None:
    secs = split_sections(text)
    last = 0
    for s in secs:
        assert 0 <= s.char_start <= s.char_end <= len(text)
        assert s.char_start >= last
        assert text[s.char_start:s.char_end] == s.text
        last = s.char_end
        assert s.level == (s.path.count("/") + 1 if s.path else 0)
        assert section_at(secs, s.char_start) == s.path
    assert section_at(secs, len(text)) == (secs[-1].path if secs else "")


def test_colon_introduced_items() -> None:
    plain = "（一）严格执法\n主要做法如下：\n1.开展培训15次。\n2.办理案件1700件。\n（二）强化监督"
    assert [s.path for s in split_sections(plain)] == ["(一)", "(二)"]
    titled = "（一）严格执法\n主要从以下方面推进：\n1.规范执法行为。全年办理案件1700件。\n2.优化执法队伍\n（二）强化监督"
    assert [s.path for s in split_sections(titled)] == ["(一)", "(一)/1", "(一)/2", "(二)"]
