"""classify_title / could_be_county_report / classify_text on the gold titles, the snapshot's list
pages (titles as shown, maybe cut with `...` or in traditional characters with pinyin) and on
genre phrasings the snapshot lacks."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from countyreports.reading.classify import (
    classify_text,
    classify_title,
    could_be_county_report,
    county_aliases,
    fold_title,
)
from countyreports.models import PageKind

PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"
sys.path.insert(0, str(PORTAL.parents[1] / "tools"))
from measure_sections import list_titles  # noqa: E402


def _load(name: str) -> list[dict]:
    with open(PORTAL / "gold" / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


REPORTS = _load("reports.jsonl")
PAGES = _load("pages.jsonl")
with open(PORTAL / "counties.csv", encoding="utf-8") as _fh:
    COUNTY = {row["adcode"]: row["county"] for row in csv.DictReader(_fh)}


@pytest.mark.parametrize("r", REPORTS, ids=[r["report_id"] for r in REPORTS])
def test_gold_report_titles(r: dict) -> None:
    assert classify_title(r["title"], r["county"]) is PageKind.COUNTY_REPORT
    assert could_be_county_report(r["title"], r["county"])


@pytest.mark.parametrize("p", PAGES, ids=[f"{p['adcode']}-{i}" for i, p in enumerate(PAGES)])
def test_gold_lookalike_titles(p: dict) -> None:
    want = PageKind.COUNTY_REPORT if p["kind"] == "duplicate" else PageKind(p["kind"])
    assert classify_title(p["title"], COUNTY[p["adcode"]]) is want
    assert could_be_county_report(p["title"], COUNTY[p["adcode"]]) is (p["kind"] == "duplicate")


@pytest.fixture(scope="module")
def shown_titles() -> list[tuple[str, str, bool]]:
    return list_titles()


def test_list_page_titles(shown_titles: list[tuple[str, str, bool]]) -> None:
    assert len(shown_titles) > 500
    assert any(t.endswith("...") for _, t, _ in shown_titles)
    assert any("報告" in t for _, t, _ in shown_titles)
    missed = [t for a, t, rep in shown_titles if rep and not could_be_county_report(t, COUNTY[a])]
    kept = [t for a, t, rep in shown_titles if not rep and could_be_county_report(t, COUNTY[a])]
    assert missed == []
    assert kept == []


@pytest.mark.parametrize(("title", "county", "kind"), [
    ("乡宁县二〇二三年度法治政府建设情况的报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁县2023年度法治政府建设情况", "乡宁县", PageKind.COUNTY_REPORT),
    ("山西省临汾市乡宁县2023年法治政府建设年度报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("中共乡宁县委乡宁县人民政府关于2023年法治政府建设情况的报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("【法治政府】乡宁县2023年法治政府建设年度报告（全文）", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁县2019年贯彻落实《法治政府建设实施纲要（2015—2020年）》情况报告", "乡宁县",
     PageKind.COUNTY_REPORT),
    ("乡宁县人民政府关于乡宁县2023年度法治政府建设情况的报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("中共乡宁县委全面依法治县委员会办公室关于2023年法治政府建设情况的报告", "乡宁县",
     PageKind.DEPARTMENT_REPORT),
    ("县人民政府关于2023年度法治政府建设工作情况的报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("中共乡宁县委 县人民政府关于2019年法治政府建设情况的报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("2023年度法治政府建设年度报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁縣2023年度法治政府建設情況報告", "乡宁县", PageKind.COUNTY_REPORT),
    ("围场县2023年法治政府建设年度报告", "围场满族蒙古族自治县", PageKind.COUNTY_REPORT),
    ("乡宁县2023年法治政府建设和依法行政工作报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁县2023年度法治政府建设情况报告", "", PageKind.COUNTY_REPORT),
    ("乡宁县司法局2023年法治政府建设年度报告", "", PageKind.DEPARTMENT_REPORT),
    ("乡宁县昌宁镇关于2023年度法治政府建设工作情况的报告", "乡宁县", PageKind.DEPARTMENT_REPORT),
    ("县发改委2023年法治政府建设年度报告", "乡宁县", PageKind.DEPARTMENT_REPORT),
    ("临汾市人民政府关于2023年度法治政府建设工作情况的报告", "乡宁县", PageKind.UNRELATED),
    ("乡宁县2023年法治政府建设示范创建自评报告", "乡宁县", PageKind.OTHER_ANNUAL_REPORT),
    ("乡宁县2023年政府信息公开工作年度报告", "乡宁县", PageKind.OTHER_ANNUAL_REPORT),
    ("党政主要负责人履行推进法治建设第一责任人职责情况报告", "乡宁县", PageKind.OTHER_ANNUAL_REPORT),
    ("关于印发《乡宁县2023年法治政府建设年度报告》的通知", "乡宁县", PageKind.NOTICE),
    ("關於印發(fā)《洪洞縣2023年法治政府建設工作要點》的通知", "洪洞县", PageKind.NOTICE),
    ("关于2023年度法治政府建设考核结果的通报", "乡宁县", PageKind.NOTICE),
    ("乡宁县召开2023年法治政府建设推进会", "乡宁县", PageKind.NEWS),
    ("我县举办领导干部法治专题讲座", "乡宁县", PageKind.NEWS),
    ("乡宁县开展秋季植树活动", "乡宁县", PageKind.UNRELATED),
    ("", "乡宁县", PageKind.UNRELATED),
    # issue 15: the report with next year's plan, and other real wordings of the genre
    ("乡宁县关于2023年法治政府建设工作情况和2024年工作安排的报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁县2023年法治政府建设工作总结及2024年工作计划", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁县2023年度法治政府建设工作总结和2024年工作要点", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁县人民政府关于二〇二三年度法治政府建设情况和下一步工作打算的报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁县2023年法治政府建设工作总结报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁县2023年度法治政府建设工作落实情况报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁县法治政府建设2023年度报告", "乡宁县", PageKind.COUNTY_REPORT),
    ("乡宁县司法局关于2023年法治政府建设工作情况和2024年工作安排的报告", "乡宁县", PageKind.DEPARTMENT_REPORT),
    ("临汾市关于2023年法治政府建设工作情况和2024年工作安排的报告", "乡宁县", PageKind.UNRELATED),
    ("乡宁县召开常务会议审议2023年度法治政府建设情况报告", "乡宁县", PageKind.DEPARTMENT_REPORT),
    ("乡宁县人民政府办公室关于印发《乡宁县2024年法治政府建设工作要点》的通知", "乡宁县", PageKind.NOTICE),
    ("乡宁县2024年法治政府建设工作要点", "乡宁县", PageKind.NOTICE),
])
def test_genre_titles(title: str, county: str, kind: PageKind) -> None:
    assert classify_title(title, county) is kind


@pytest.mark.parametrize(("shown", "keep"), [
    ("乡宁县2023年度法治政府建设情...", True),
    ("中共乡宁县委 乡宁县人民政...", True),
    ("乡宁县人民政府关于20…", True),
    ("关于2023年度法治政府建设...", True),
    ("乡宁县二〇二三年度法治政...", True),
    ("乡宁縣人民政府關於2022年度法治政府...", True),
    ("乡宁县...", True),
    ("", True),
    ("乡宁县卫生健康局2022年法治政...", False),
    ("关于印发《乡宁县2024年法治...", False),
    ("乡宁县2023年政府信息公开工作...", False),
    ("乡宁县召开全面依法治县委员会...", False),
    ("乡宁县2023年度法治政府建设工作要点...", False),
    ("乡宁县扎实推进法治政府建设示范...", False),
    ("上一页", False),
    ("乡宁县关于2023年法治政府建设工作情况和202...", True),  # cut inside next year's plan
    ("乡宁县2023年法治政府建设工作总结及2024年工作...", True),
    ("乡宁县2023年法治政府建设工作情况和相关...", False),
])
def test_cut_list_titles(shown: str, keep: bool) -> None:
    assert could_be_county_report(shown, "乡宁县") is keep


def test_fold_and_aliases() -> None:
    assert fold_title("關於印發(fā)《洪洞縣》 的通知") == "关于印发《洪洞县》的通知"
    assert fold_title("２０２３年度") == "2023年度"
    assert "围场县" in county_aliases("围场满族蒙古族自治县")
    assert "鄂伦春旗" in county_aliases("鄂伦春自治旗")
    assert "寿光县" in county_aliases("寿光市")  # a county turned city: older titles


def test_classify_text_rescues_a_vague_title() -> None:
    body = "现将乡宁县2023年法治政府建设情况报告如下：\n一、主要举措和成效"
    assert classify_text("乡宁县2023年度工作情况", body, "乡宁县") is PageKind.COUNTY_REPORT
    assert classify_text("乡宁县2023年度工作情况", "今天天气很好。", "乡宁县") is PageKind.UNRELATED
    assert classify_text("乡宁县2023年度法治政府建设情况报告", "", "乡宁县") is PageKind.COUNTY_REPORT


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["乡宁县", "围场满族蒙古族自治县", "磁县", ""]))
def test_never_crashes(title: str, county: str) -> None:
    assert isinstance(classify_title(title, county), PageKind)
    assert isinstance(could_be_county_report(title, county), bool)
    assert isinstance(could_be_county_report(title + "...", county), bool)
