"""read_meta / parse_cn_date: report year, signing date and issuer on the gold and on genre variants."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from countyreports.reading.metadata import parse_cn_date, parse_year, read_meta, title_year

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "portal" / "gold"


def _docs() -> list[tuple[str, dict, str]]:
    out = []
    with open(GOLD / "reports.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out.append((r["report_id"], r, r["clean_text"]))
            for v in r.get("versions", []):
                if "clean_text" in v:
                    out.append((f"{r['report_id']}@e{v['epoch']}", r, v["clean_text"]))
    return out


DOCS = _docs()


@pytest.mark.parametrize(("doc_id", "r", "text"), DOCS, ids=[d[0] for d in DOCS])
def test_gold_metadata(doc_id: str, r: dict, text: str) -> None:
    meta = read_meta(r["title"], text, dt.date.fromisoformat(r["published"]))
    assert meta.report_year == r["report_year"]
    assert meta.signed_date == dt.date.fromisoformat(r["signed"])
    assert meta.issuer == r["issuer"]


@pytest.mark.parametrize(("doc_id", "r", "text"), DOCS[::7], ids=[d[0] for d in DOCS[::7]])
def test_gold_year_without_title(doc_id: str, r: dict, text: str) -> None:
    """The body's opening, or the signing date, give the year when the title has none."""
    assert read_meta("", text, None).report_year == r["report_year"]
    closing = "\n".join(text.split("\n")[-3:])
    assert read_meta("", closing, None).report_year == r["report_year"]


@pytest.mark.parametrize(("s", "want"), [
    ("2024年1月19日", dt.date(2024, 1, 19)),
    ("２０２４年１月１９日", dt.date(2024, 1, 19)),
    ("二〇二四年一月十九日", dt.date(2024, 1, 19)),
    ("二零二三年十二月三十一日", dt.date(2023, 12, 31)),
    ("二O二四年三月一日", dt.date(2024, 3, 1)),
    ("二〇二四年元月二十日", dt.date(2024, 1, 20)),
    ("2024 年 1 月 9 日", dt.date(2024, 1, 9)),
    ("（2024年1月19日）", dt.date(2024, 1, 19)),
    ("2024.1.19", dt.date(2024, 1, 19)),
    ("2024-01-19", dt.date(2024, 1, 19)),
    ("2024年2月30日", None),
    ("2024年", None),
    ("", None),
])
def test_parse_cn_date(s: str, want: dt.date | None) -> None:
    assert parse_cn_date(s) == want


def test_parse_year_and_title_year() -> None:
    assert parse_year("二〇二三") == 2023
    assert parse_year("二零二三") == 2023
    assert parse_year("２０２３") == 2023
    assert parse_year("二三") is None
    assert title_year("XX县二〇二三年度法治政府建设情况的报告") == 2023
    assert title_year("乡宁县人民政府关于2022年度法治政府建设工作情况的报告") == 2022
    assert title_year("乡宁县法治政府建设情况报告") is None
    assert title_year("落实《法治政府建设实施纲要（2021—2025年）》情况报告") is None


BODY = """2023年，在市委、市政府的坚强领导下，县政府深入学习贯彻《法治政府建设实施纲要（2021—2025年）》。
一、主要举措
全年召开常务会议研究法治工作6次。
中共乡宁县委  乡宁县人民政府
二〇二四年一月十九日
（此件公开发布）"""


def test_chinese_numeral_signature_and_trailer() -> None:
    meta = read_meta("乡宁县法治政府建设情况报告", BODY, dt.date(2025, 3, 1))
    assert meta.report_year == 2023  # from the body, not the publication year
    assert meta.signed_date == dt.date(2024, 1, 19)
    assert meta.issuer == "中共乡宁县委 乡宁县人民政府"


def test_title_year_wins_over_body_and_url_era() -> None:
    meta = read_meta("乡宁县2023年度法治政府建设情况报告", "2024年以来……\n乡宁县人民政府\n2025年5月6日",
                     dt.date(2025, 5, 8))
    assert meta.report_year == 2023
    assert meta.issuer == "乡宁县人民政府"


def test_issuer_and_date_on_one_line() -> None:
    meta = read_meta("", "……\n乡宁县人民政府 2024年1月19日", None)
    assert meta.signed_date == dt.date(2024, 1, 19)
    assert meta.issuer == "乡宁县人民政府"
    assert meta.report_year == 2023


def test_date_inside_a_sentence_is_not_a_signature() -> None:
    meta = read_meta("", "根据《纲要》要求，现将2022年工作报告如下\n会议于2023年1月5日召开。", dt.date(2023, 3, 1))
    assert meta.signed_date is None
    assert meta.issuer is None
    assert meta.report_year == 2022


def test_fallbacks_on_publication_date() -> None:
    assert read_meta("", "", dt.date(2024, 2, 1)).report_year == 2023
    assert read_meta("", "", dt.date(2020, 12, 27)).report_year == 2020  # posted before year end
    assert read_meta("", "", None) == read_meta("", "", None)
    assert read_meta("", "", None).report_year is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=40))
def test_never_crashes(text: str, title: str) -> None:
    meta = read_meta(title, text, dt.date(2024, 1, 1))
    assert meta.report_year is not None
    parse_cn_date(text)
