"""Figures summed over several years (pure functions): a total since an event years back or over the last N
years is not the report year's figure (“八五”普法启动以来，全县累计…; 2019年以来累计…; 近三年来…; 成立十五年来共…).

    multi_year(t, s0, pos, report_year)   # is the figure at `pos` (its sentence starting at s0) such a total?
    partial_year(t, s0, pos)               # ... or a figure of a part of the year (截至9月底, 上半年, 1至10月)?

The period is an adverbial before the figure in its sentence: 以来 or 年来 within SINCE_REACH characters before
it, not followed by 的 (2018年以来出台的规范性文件 names documents, not the period of a figure). It spans
several years when it is N年来 / 近N年 with N above one, a span of years (2021年至2023年), a year before the report year followed by 以来 (with
no report year known: followed by 以来 and 累计), or an
event of SINCE_EVENTS followed by 以来, or the span of a multi-year plan (“十四五”期间, 普法规划期); 一年来, 今年以来, 年初以来 and the report year's own 2023年以来 are the
year itself. A count of years with a total word (四年合计, 两年共, 三年轮训总量) and a start year with 起 or 至今
(自2019年起, 2018年…至今) are several years too. Constant work per figure: a few str.rfind over SINCE_REACH
characters. 年间 reads as 年来 (组建15年间); 自 + an event + 至今 as 以来 (自“八五”规划实施至今).

A figure of a part of the year (截至9月底, 截至11月20日, 上半年, 一季度, 前三季度, 1至10月) is no figure of the year
either: its period is a date before the year's last month, a half or a quarter, or a span of months ending
before December. (A campaign week's figure, 宪法宣传周期间…, is the county's figure of that activity: kept.)
"""

from __future__ import annotations

from typing import Final

import re

SINCE_REACH: Final = 40  # characters before a figure looked at for its period
#: before 以来: an event years back (“八五”普法启动以来, 党的十八大以来, 中心成立以来, 改革以来)
SINCE_EVENTS: Final = ("普法", "本届", "十八大", "十九大", "二十大", "成立", "组建", "挂牌", "改革", "纲要", "五年规划",
                       "十三五", "十四五", "十五五", "建立", "设立", "实施", "施行", "推行", "启动", "创建")
#: between two years: a span of years (2021年至2023年, 2019—2023年)
SPAN_JOINERS: Final = "至到—－~～-"
_SPAN: Final = re.compile(rf"([12][0-9]{{3}})年?[{SPAN_JOINERS}]([12][0-9]{{3}})年")
#: before 以来: the report year itself (今年以来, 年初以来, 本年度以来)
SINCE_THIS_YEAR: Final = ("今年", "年初", "本年", "本年度", "年内", "当年")
#: a count of years before 年来 or after 近 (三年来, 十五年来, 近五年, 近年来)
YEAR_COUNTS: Final = frozenset("两二三四五六七八九十几多数百0123456789")
_EVENT_REACH: Final = 8  # characters before 以来 an event may start
#: the span of a multi-year plan (“十四五”期间, 两轮普法规划期): a figure over it is a total of several years
PLAN_SPANS: Final = ("期间", "规划期", "时期")
#: … after one of these (a five-year plan's name, a plan)
PLAN_NAMES: Final = ("五”", "十三五", "十四五", "十五五", "五年", "规划")


#: a count of years (two or more) then, before the figure, a word that sums them (四年合计, 两年共, 三年轮训总量)
_YEARS_SUMMED: Final = re.compile(r"(?<![〇零一二两三四五六七八九十])[两二三四五六七八九十]年(?!度|级|制)")
SUM_WORDS: Final = ("合计", "共", "累计", "累积", "总量", "总计", "加总", "总数")
#: a start year, then 起 or (later in the sentence) 至今: a total since then (自2019年起, 2018年启动…至今)
_FROM_YEAR: Final = re.compile(r"([12][0-9]{3})年(?:起|[^，,。；;]{0,12}至今)")
#: a part of the year: a date before December after 截至 / 截止 (截至9月底, 截至11月20日), a half or a quarter,
#: a span of months that ends before December (1至9月, 1—10月)
PART_MARKS: Final = "截半季月"  # one of them is in every such period (a quick test before the regex)
_PART_YEAR: Final = re.compile(
    r"(?:截至|截止|截止到)(?:[12][0-9]{3}年)?(?:[1-9]|1[01]|[一二三四五六七八九十]|十一)月"
    r"|[上下]半年|(?:第?[一二三四1-4]|前[二三两23])季度|[1１一]\s*[至到—－~～-]\s*(?:[1-9]|1[01]|[二三四五六七八九十]|十一)月")


def _counted_years(t: str, at: int, lo: int) -> bool:
    """Is t[..at) a count of years above one, or 近 (三年来, 十五年来, 近年来; not 一年来)?"""
    k = at
    while k > lo and t[k - 1] in YEAR_COUNTS:
        k -= 1
    if k < at:
        return True
    return k > lo and t[k - 1] == "近"


def _since(t: str, at: int, lo: int, report_year: int | None) -> bool:
    """Does the 以来 at `at` follow a start years back?"""
    before = t[max(lo, at - _EVENT_REACH):at]
    if before.endswith(SINCE_THIS_YEAR):
        return False
    if before.endswith("年") and len(before) >= 5 and before[-5:-1].isdigit():
        if report_year is None:  # (a text without a report year: a total since a year is said 累计)
            return "累计" in t[at:at + SINCE_REACH]
        return int(before[-5:-1]) < report_year
    return any(e in before for e in SINCE_EVENTS)


def _year_span(t: str, lo: int, pos: int) -> bool:
    """Does t[lo:pos) name a span of several years (2021年至2023年, 2019—2023年)?"""
    for m in _SPAN.finditer(t, lo, pos):
        if m.group(1) != m.group(2):
            return True
    return False


def multi_year(t: str, s0: int, pos: int, report_year: int | None) -> bool:
    """Is the figure at `pos` (its sentence starts at `s0`) a total over several years (module doc)?"""
    lo = max(s0, pos - SINCE_REACH)
    for word in ("以来", "年来", "年间"):
        at = t.rfind(word, lo, pos)
        if at < 0 or "的" in t[at + 2:min(pos, at + 6)]:
            continue
        if word != "以来" and _counted_years(t, at, lo):  # 三年来, 组建15年间
            return True
        if word == "以来" and _since(t, at, lo, report_year):
            return True
    if _year_span(t, lo, pos):
        return True
    for word in PLAN_SPANS:  # “十四五”期间，全县累计…; 回顾“七五”“八五”两轮普法规划期，…
        at = t.rfind(word, lo, pos)
        if at >= 0 and any(n in t[max(lo, at - _EVENT_REACH):at + len(word)] for n in PLAN_NAMES):
            return True
    k = t.rfind("近", lo, pos)  # 近三年，全县…; 近五年共…
    if k >= 0 and k + 2 < pos and t[k + 1] in YEAR_COUNTS and t[k + 2] == "年":
        return True
    window = t[lo:pos]
    if any(w in window for w in SUM_WORDS):
        for m in _YEARS_SUMMED.finditer(t, lo, pos):  # 四年合计312件, 2023、2024两年共办理…
            if any(w in t[m.end():pos] for w in SUM_WORDS):
                return True
    if "起" in window or "至今" in window:
        for m in _FROM_YEAR.finditer(t, lo, pos):  # 自2019年起…, 自2018年启动改革至今
            if report_year is None or int(m.group(1)) < report_year:
                return True
        k = window.find("自")  # 自“八五”规划实施至今: an event of SINCE_EVENTS, then 至今
        e = window.find("至今", k + 1)
        if 0 <= k < e and any(w in window[k:e] for w in SINCE_EVENTS):
            return True
    return False


def partial_year(t: str, s0: int, pos: int) -> bool:
    """Is the figure at `pos` (its sentence starts at `s0`) one of a part of the year (module doc)?"""
    lo = max(s0, pos - SINCE_REACH)
    window = t[lo:pos]
    if not any(c in window for c in PART_MARKS):
        return False
    return _PART_YEAR.search(t, lo, pos) is not None
