"""Indicator extraction: gold reports of the snapshot, hand-written sentences of the genre, traps."""

from __future__ import annotations

import collections
import functools
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from countyreports.reading.indicators import CODES, FRAMES, extract, section_path_at
from countyreports.reading.indicators.concepts import CONCEPTS, DERIVED
from countyreports.models import Section

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "portal" / "gold" / "reports.jsonl"
SEED = "141029-2023"


@functools.lru_cache(maxsize=1)
def gold_reports() -> tuple[dict, ...]:
    with open(GOLD, encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def _norm(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def gold_sections(text: str, secs: list[dict]) -> tuple[Section, ...]:
    """Gold sections with offsets: each heading is the next line (in order) that holds its title."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, _norm(line)))
        pos += len(line) + 1
    starts, li = [], 0
    for s in secs:
        title = _norm(s["title"])[:12]
        for j in range(li, len(lines)):
            if title and title in lines[j][1][:40]:
                starts.append((s, lines[j][0]))
                li = j + 1
                break
    out = [Section("", 0, "", "", char_start=0, char_end=starts[0][1] if starts else len(text))]
    for i, (s, st_) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(text)
        out.append(Section(s["path"], s["level"], s["title"], "", char_start=st_, char_end=end))
    return tuple(out)


def _key(code: str, value: float, approx: bool, from_value: float | None) -> tuple:
    return (code, round(float(value), 2), bool(approx), None if from_value is None else round(float(from_value), 2))


# --------------------------------------------------------------------------- gold


def test_seed_report_exact() -> None:
    r = next(r for r in gold_reports() if r["report_id"] == SEED)
    inds, mentions = extract(r["clean_text"], gold_sections(r["clean_text"], r["sections"]))
    changes = [i for i in inds if i.value_kind == "change"]  # the gold lists values only
    assert [(i.code, i.value, i.surface) for i in changes] == [("market_entities_total", 10001, "净增市场主体达10001户")]
    inds = tuple(i for i in inds if i.value_kind == "value")
    got = collections.Counter((_key(i.code, i.value, i.approx, i.from_value), i.section_path) for i in inds)
    want = collections.Counter(
        (_key(g["code"], g["value"], g["approx"], g["from_value"]), g["section"])
        for g in r["indicators"] if g["recoverable"]
    )
    assert got == want
    for ind in inds:
        assert r["clean_text"][ind.char_start:ind.char_end] == ind.surface
        assert ind.surface in ind.sentence
        assert ind.unit == CODES[ind.code].unit
    coded = [m for m in mentions if m.code]
    assert len(coded) == len(inds) + len(changes)
    # the uncoded figures of the seed are still mentions
    assert any(m.code is None and m.value == 5 and m.measure == "部" for m in mentions)  # 普法短剧5部


def _score(docs) -> tuple[int, int, int, int, int]:
    tp = fp = fn = approx_ok = from_ok = 0
    for text, gold in docs:
        inds, _ = extract(text, ())
        want = collections.defaultdict(list)
        for g in gold:
            if g["recoverable"]:
                want[(g["code"], round(float(g["value"]), 2))].append(g)
        got = collections.defaultdict(list)
        for i in inds:
            got[(i.code, round(i.value, 2))].append(i)
        for k in set(want) | set(got):
            w, g = want.get(k, []), got.get(k, [])
            n = min(len(w), len(g))
            tp, fp, fn = tp + n, fp + len(g) - n, fn + len(w) - n
            for a, b in zip(w, g):
                approx_ok += a["approx"] == b.approx
                from_ok += (a["from_value"] or None) == (b.from_value or None)
    return tp, fp, fn, approx_ok, from_ok


def test_gold_micro_f1() -> None:
    docs = []
    for r in gold_reports():
        docs.append((r["clean_text"], r["indicators"]))
        docs += [(v["clean_text"], v["indicators"]) for v in r["versions"] if "clean_text" in v]
    tp, fp, fn, approx_ok, from_ok = _score(docs)
    p, rcl = tp / (tp + fp), tp / (tp + fn)
    assert 2 * p * rcl / (p + rcl) >= 0.98
    assert approx_ok / tp >= 0.98
    assert from_ok / tp >= 0.98


def test_lost_spans_are_not_reported() -> None:
    """A figure whose subject abuts a lost (U+FFFD) span is not recoverable: no indicator for it."""
    inds, _ = extract("主要负责同志带头学法，理论学习中心组专题\ufffd政府常务会议会前学法13次。")
    assert inds == ()
    inds, _ = extract("法律顾问提供法律意见\ufffd百六十余件，参与处理涉法事务3件。")
    assert inds == ()
    inds, _ = extract("目前\ufffd0个乡镇共配备专门执法人员114人。")
    assert [(i.code, i.value) for i in inds] == [("enforcement_staff", 114)]


# --------------------------------------------------------------------------- hand-written genre sentences

CASES: list[tuple[str, list[tuple]]] = [
    ("全年共办理行政复议案件二十三件，其中撤销、变更行政行为3件。",
     [_key("admin_reconsideration_received", 23, False, None),
      _key("admin_reconsideration_corrected", 3, False, None)]),
    ("行政机关负责人出庭应诉率达100%。", [_key("head_court_appearance_rate", 100, False, None)]),
    ("出庭应诉率达到百分之百。", [_key("head_court_appearance_rate", 100, False, None)]),
    ("开展法治宣传活动50场，发放宣传资料1.2万余份，受益群众达3.5万人次。",
     [_key("pufa_activities", 50, False, None), _key("pufa_materials", 12000, True, None),
      _key("pufa_audience", 35000, False, None)]),
    ("调解各类矛盾纠纷1,234件，调解成功率98.6%。",
     [_key("disputes_mediated", 1234, False, None), _key("disputes_mediation_success_rate", 98.6, False, None)]),
    ("调解成功率达到百分之九十八点五。", [_key("disputes_mediation_success_rate", 98.5, False, None)]),
    ("审批事项由214项压减为195项。", [_key("approval_items", 195, False, 214)]),
    ("证明事项由108项减为二十六项，行政审批事项由364项精简至三百一十多项。",
     [_key("certification_items", 26, False, 108), _key("approval_items", 310, True, 364)]),
    ("县政府常务会议先后5次专题研究法治政府建设工作。", [_key("gov_meetings_rule_of_law", 5, False, None)]),
    ("全年共召开县政府常务会议24次，其中专题研究法治政府建设工作4次。",
     [_key("gov_meetings_rule_of_law", 4, False, None)]),
    ("区委常委会会议专题听取法治建设工作汇报3次，区委理论学习中心组集体学法4次，区政府常务会议会前学法12次。",
     [_key("party_meetings_rule_of_law", 3, False, None), _key("study_sessions_party_group", 4, False, None),
      _key("study_sessions_exec_meeting", 12, False, None)]),
    ("政府法律顾问参与审查合同协议56件，出具法律意见书38份，提出修改意见12条。",
     [_key("contracts_reviewed", 56, False, None), _key("legal_adviser_opinions", 38, False, None)]),
    ("审核行政规范性文件15件，备案审查规范性文件8件，对现行有效的126件规范性文件进行全面清理，废止5件。",
     [_key("normative_docs_reviewed", 15, False, None), _key("normative_docs_filed", 8, False, None),
      _key("normative_docs_cleaned", 126, False, None)]),
    ("全年共审查行政规范性文件、重大行政决策、合同协议等二百六十多件。",
     [_key("legality_reviews_total", 260, True, None)]),
    ("对12项重大行政决策事项进行合法性审查，审查12项重大决策。",
     [_key("major_decisions_reviewed", 12, False, None), _key("major_decisions_reviewed", 12, False, None)]),
    ("全县共有行政执法人员1,560名，持证执法人员1200人。",
     [_key("enforcement_staff", 1560, False, None), _key("enforcement_certified", 1200, False, None)]),
    ("组织行政执法人员培训班6期，培训执法人员800余人次。",
     [_key("enforcement_training_sessions", 6, False, None), _key("enforcement_trainees", 800, True, None)]),
    ("组织行政执法线下培训6场次，线上10场次，累计参训2100余人次。",
     [_key("enforcement_training_sessions", 6, False, None), _key("enforcement_training_sessions", 10, False, None),
      _key("enforcement_trainees", 2100, True, None)]),
    ("全年办理行政处罚案件3,456件，行政诉讼败诉率为5.2%，败诉案件2件。",
     [_key("enforcement_cases", 3456, False, None), _key("admin_litigation_loss_rate", 5.2, False, None),
      _key("admin_litigation_lost", 2, False, None)]),
    ("全年发生行政诉讼案件40件，败诉1件，败诉率控制在2.5%以内。",
     [_key("admin_litigation_cases", 40, False, None), _key("admin_litigation_lost", 1, False, None),
      _key("admin_litigation_loss_rate", 2.5, False, None)]),
    ("受理行政复议申请30件，其中审结26件。",
     [_key("admin_reconsideration_received", 30, False, None), _key("admin_reconsideration_closed", 26, False, None)]),
    ("收到行政复议申请12件，其中10件办结，2件正在办理中。",
     [_key("admin_reconsideration_received", 12, False, None), _key("admin_reconsideration_closed", 10, False, None)]),
    ("开展“八五”普法宣传活动120余场次。", [_key("pufa_activities", 120, True, None)]),
    ("新登记市场主体4,321户，全县实有市场主体突破5万户，为企业减税降费1.2亿元。",
     [_key("market_entities_new", 4321, False, None), _key("market_entities_total", 50000, True, None),
      _key("tax_fee_relief", 120_000_000, False, None)]),
    ("落实减税降费3086万元，增值税留抵退税4789万元。", [_key("tax_fee_relief", 30_860_000, False, None)]),
    ("为企业减税降费20000余万元。", [_key("tax_fee_relief", 200_000_000, True, None)]),
    ("受理政府信息公开申请35件，全年共化解矛盾纠纷2,000余件，办理法律援助案件１２３件。",
     [_key("info_disclosure_requests", 35, False, None), _key("disputes_mediated", 2000, True, None),
      _key("legal_aid_cases", 123, False, None)]),
    ("全年共收到23件行政复议申请，发生12起行政诉讼案件，办理156件法律援助案件。",
     [_key("admin_reconsideration_received", 23, False, None), _key("admin_litigation_cases", 12, False, None),
      _key("legal_aid_cases", 156, False, None)]),
    ("审核规范性文件 15 件。", [_key("normative_docs_reviewed", 15, False, None)]),
    ("全年新增市场主体3.2万户，发放普法宣传资料二十万份，惠及群众近十万人次。",
     [_key("market_entities_new", 32000, False, None), _key("pufa_materials", 200000, False, None),
      _key("pufa_audience", 100000, True, None)]),
    ("組織行政執法培訓12場次，受理行政復議案件8件。",  # traditional characters left by a converter
     [_key("enforcement_training_sessions", 12, False, None), _key("admin_reconsideration_received", 8, False, None)]),
    ("保留行政审批事项154项，累计划转审批事项30项，承接上级下放事项17项。", [_key("approval_items", 154, False, None)]),
    ("全年共审查以县政府及县政府办公室名义制发的规范性文件12件。", [_key("normative_docs_reviewed", 12, False, None)]),
    ("办理行政复议案件56件（新收52件、上年结转4件），审结50件。",
     [_key("admin_reconsideration_received", 56, False, None), _key("admin_reconsideration_closed", 50, False, None)]),
    ("共排查化解矛盾纠纷3567件，化解成功率98.2%。",
     [_key("disputes_mediated", 3567, False, None), _key("disputes_mediation_success_rate", 98.2, False, None)]),
    ("全县共有持证行政执法人员2,345名。", [_key("enforcement_certified", 2345, False, None)]),
    ("新增减税降费及退税缓费共计5.2亿元，全县共有市场主体2.3万户。",
     [_key("tax_fee_relief", 520_000_000, False, None), _key("market_entities_total", 23000, False, None)]),
    ("全年法律援助中心共受理案件890件，为受援人挽回经济损失2,000余万元。", [_key("legal_aid_cases", 890, False, None)]),
    ("全年共收到政府信息公开申请58件，依申请公开办理21件。",
     [_key("info_disclosure_requests", 58, False, None), _key("info_disclosure_requests", 21, False, None)]),
    ("县委常委会4次专题研究法治建设工作，县委中心组学法5次。",
     [_key("party_meetings_rule_of_law", 4, False, None), _key("study_sessions_party_group", 5, False, None)]),
    ("全年开展合法性审核263件，其中规范性文件12件、重大行政决策8件、合同协议243件。",
     [_key("legality_reviews_total", 263, False, None), _key("normative_docs_reviewed", 12, False, None),
      _key("major_decisions_reviewed", 8, False, None), _key("contracts_reviewed", 243, False, None)]),
    ("保留行政许可事项312项，证明事项告知承诺制事项56项。", [_key("approval_items", 312, False, None)]),
    ("开展执法培训12期，参加培训人员达3000余人次。",
     [_key("enforcement_training_sessions", 12, False, None), _key("enforcement_trainees", 3000, True, None)]),
    ("受理法律援助案件100件，其中90件办结。", [_key("legal_aid_cases", 100, False, None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_genre_sentences(text: str, expected: list[tuple]) -> None:
    inds, mentions = extract(text)
    assert collections.Counter(_key(i.code, i.value, i.approx, i.from_value) for i in inds) == collections.Counter(
        expected)
    for i in inds:
        assert text[i.char_start:i.char_end] == i.surface
        assert i.surface in i.sentence
    assert sum(1 for m in mentions if m.code) == len(inds)


NOT_CODED = [
    "审查规范性文件数量同比增长20%，败诉率同比下降3%。",
    "全县市场主体总量同比增长91.06%，每千人拥有市场主体数量103.51户。",
    "新增涉税企业2402户，增值税留抵退税4789万元，设立5000万元企业资金链应急周转保障金。",
    "听取法治政府建设有关情况汇报4次，拍摄普法短剧5部。",
    "同级人民法院办理行政诉讼一审8件，生效3件。",
    "提出修改意见18条，参与处理涉法事务30件，解答群众法律咨询600人次。",
    "全年办理人大代表建议45件、政协委员提案38件，按时办结率100%。",
    "组织举办领导干部法治专题培训班3期，参训干部500余人次。",
    "其中废止12件、修改8件。",
]


@pytest.mark.parametrize("text", NOT_CODED, ids=[t[:12] for t in NOT_CODED])
def test_other_figures_are_mentions_not_indicators(text: str) -> None:
    inds, mentions = extract(text)
    assert inds == ()
    assert mentions  # still recorded as quantity mentions


TRAPS = [
    "晋政发〔2019〕28号", "第九批", "第26批", "党的二十大", "二十届二中全会", "“十四五”", "“三项制度”", "“八五”",
    "0359-1234567", "2023年12月", "2024年1月19日", "《法治政府建设实施纲要(2021—2025年)》", "12345政务服务便民热线",
    "“一件事一次办”", "“双随机、一公开”", "中办发〔2017〕33号", "一是", "10:30", "“12·4”国家宪法日",
]


@pytest.mark.parametrize("trap", TRAPS)
def test_traps_are_not_quantities(trap: str) -> None:
    inds, mentions = extract(f"{trap}。")
    assert inds == () and mentions == ()


_FILLER = ["推进法治政府建设", "，", "。", "全面落实", "县委", "县政府", "深入学习贯彻", "\n", "进一步", "规范"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TRAPS + _FILLER), max_size=30))
def test_traps_never_become_indicators(parts: list[str]) -> None:
    inds, mentions = extract("".join(parts))
    assert inds == () and mentions == ()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_no_crash_and_offsets_on_arbitrary_text(text: str) -> None:
    inds, mentions = extract(text)
    for m in mentions:
        assert text[m.char_start:m.char_end] == m.surface
        assert m.code is None or m.code in CODES


_SENTENCES = [c[0] for c in CASES] + NOT_CODED + TRAPS


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=8))
def test_sentences_are_independent(parts: list[str]) -> None:
    """A sentence yields the same indicators wherever it stands in a report."""
    text = "\n".join(parts)
    inds, _ = extract(text)
    alone = collections.Counter()
    for p in parts:
        alone.update((i.code, i.value) for i in extract(p)[0])
    assert collections.Counter((i.code, i.value) for i in inds) == alone


# --------------------------------------------------------------------------- sections and data


def test_section_path_innermost() -> None:
    secs = [Section("一", 1, "a", "", char_start=0, char_end=100), Section("一/(一)", 2, "b", "", char_start=10,
                                                                            char_end=50)]
    assert section_path_at(secs, 5) == "一"
    assert section_path_at(secs, 20) == "一/(一)"
    assert section_path_at(secs, 60) == "一"
    assert section_path_at(secs, 100) == ""
    assert section_path_at((), 3) == ""


def test_mention_section_paths() -> None:
    text = "前言共审核规范性文件3件。\n一、主要举措\n受理行政复议申请30件。"
    h = text.index("一、")
    secs = (Section("", 0, "", "", char_start=0, char_end=h), Section("一", 1, "主要举措", "", char_start=h,
                                                                     char_end=len(text)))
    inds, _ = extract(text, secs)
    assert [(i.code, i.section_path) for i in inds] == [("normative_docs_reviewed", ""),
                                                        ("admin_reconsideration_received", "一")]


def test_taxonomy_is_consistent() -> None:
    known = set(CONCEPTS) | DERIVED
    for frame in FRAMES:
        assert frame.code in CODES
        assert frame.objects or frame.actions or frame.rate, frame
        for group in (frame.objects, frame.actions, frame.context, frame.context_clause, frame.avoid, frame.rate,
                      frame.multi):
            assert set(group) <= known, (frame.code, set(group) - known)
    assert {f.code for f in FRAMES} == set(CODES)
