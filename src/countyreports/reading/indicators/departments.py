"""County departments named as the subject of a figure (pure functions): one department's own figure is not the
county's, unless the department is the one that holds the county's figure of that code.

    department_other(t, c0, end, code)   # does the clause opening t[c0:end) name a department whose figure of
                                         # `code` is only its own?

县市场监管局全年办理行政处罚案件286件 is one bureau's share of the county's enforcement cases; 县交通运输局组织
本系统执法人员培训3期 one system's training; 综合行政执法局一家办理的处罚案件 one body's. But 县行政复议局…受理复议
申请, 县司法局牵头组织执法人员轮训, 县税务局…减税降费, 县市场监管局…新登记市场主体 are the county's own figures:
the department named is the one that keeps that figure for the whole county (COMPETENT, by code, as data).

The county's court is such a body too: its
figures of other codes (its pre-trial mediation: 县人民法院诉前调解纠纷…) are its own, not the county government's,
unless the clause makes the county's bodies its party (COURT_PARTY: …为被告的, 败诉); it keeps the county's
litigation figures (COMPETENT).

A department is read at the opening of the clause (after 其中): the county's prefix (县, 区, 旗) and up to
NAME_MAX characters ending in one of DEPARTMENT_ENDS (局, 委, 办公室, 中心, 大队, 支队); without the prefix only a
name of at least BARE_MIN characters ending in 局 (综合行政执法局). Several departments (、 or 等 in the name) are
no one department's. A competent department's figure followed in its sentence by the whole county's (全县…) is
its share too. Constant work: one regex match over at most SUBJECT_REACH characters, a few str.find after.
"""

from __future__ import annotations

from typing import Final

import re

SUBJECT_REACH: Final = 18  # characters at a clause's opening read for a department
NAME_MAX: Final = 12  # characters of a department's name between the prefix and its ending, at most
BARE_MIN: Final = 3  # characters before 局 of a department named without the county's prefix, at least
DEPARTMENT_ENDS: Final = ("局", "委", "办公室", "中心", "大队", "支队", "联", "工会", "法院")  # (县妇联, 县总工会,
#                                                                                                县人民法院)
#: in the clause of a court's figure, words that make the county's bodies its party: the court's figure of the
#: county's own cases (县人民法院审结以县政府为被告的案件…), not the court's caseload
COURT_PARTY: Final = ("被告", "被诉", "败诉", "应诉")
#: words in a department's name that make it the body of the whole county, for every code
COUNTY_WIDE: Final = ("县委", "区委", "旗委", "政府", "司法", "依法治", "法治", "法制")
SENTENCE_STOPS: Final = ("。", "；", ";", "\n")
#: words naming the county as a whole
WHOLE_COUNTY: Final = ("全县", "全区", "全旗")
#: code prefix → words in a department's name that make it the keeper of the county's figure of that code
COMPETENT: Final = {
    "admin_reconsideration": ("复议",),
    "admin_litigation": ("应诉", "法院"),  # (the county court keeps the county's litigation figures)
    "head_court": ("应诉",),
    "legal_aid": ("法律援助", "公共法律服务"),
    "disputes": ("调解", "信访", "矛盾纠纷", "矛调", "公共法律服务", "综治", "社会治理"),
    "enforcement": ("综合行政执法", "综合执法"),
    "market_entities": ("市场监", "市监", "工商", "审批", "政务服务"),
    "tax_fee": ("税务", "财政"),
    "approval": ("审批", "政务服务", "政务", "营商", "编办", "编委"),
    "certification": ("审批", "政务服务", "政务"),
    "info_disclosure": ("政务公开", "政务服务", "政务", "政府办", "信息公开"),
    "pufa": ("普法", "宣传部"),
}
_DEPT: Final = re.compile(
    rf"(?P<prefix>[县区旗市])?(?P<name>[\u4e00-\u9fff、]{{1,{NAME_MAX}}}?)(?P<end>{'|'.join(DEPARTMENT_ENDS)})")


_END_CHAR: Final = re.compile(f"[{''.join(sorted({e[-1] for e in DEPARTMENT_ENDS}))}]")  # a name's last character
_MORE: Final = frozenset("、和及与等")  # after a department's name: more departments


def _competent(code: str) -> tuple[str, ...]:
    for prefix, words in COMPETENT.items():
        if code.startswith(prefix):
            return words
    return ()


def department_other(t: str, c0: int, end: int, code: str, rest0: int = 0, rest1: int = 0,
                     prefecture_other: bool = False) -> bool:
    """Does the opening of the clause t[c0:end) name one county department whose figure of `code` is its own
    share, not the county's (module doc)? t[rest0:rest1]: the rest of the sentence; where it names the county as a
    whole (全县…), a competent department's figure is a share of the county's too (综合行政执法局一家…920件，
    全县行政处罚案件总计2,870件)."""
    if _END_CHAR.search(t, c0, c0 + SUBJECT_REACH) is None:
        return False  # (most clauses name no department: one look)
    a = c0
    while a < end and t[a] in " ，,":
        a += 1
    if t.startswith("其中", a):
        a += 2
    m = _DEPT.match(t, a, min(end, a + SUBJECT_REACH))
    if m is None:
        return False
    name = m.group("name")
    if "、" in name or "等" in name or t[m.end():m.end() + 1] in _MORE or (
            m.group("prefix") is None and (m.group("end") != "局" or len(name) < BARE_MIN)):
        return False  # (several departments: 县市场监管局、县交通运输局等部门…)
    whole = m.group(0)
    if m.group("end") == "法院" and any(w in t[m.end():end] for w in COURT_PARTY):
        return False
    if m.group("prefix") == "市":  # 市法律援助中心…: the prefecture's department in a county's report, the
        return prefecture_other     # county's own in a 县级市's
    if any(w in whole for w in COUNTY_WIDE):
        return False
    if not any(w in whole for w in _competent(code)):
        return True
    after = t[rest0:rest1]
    for stop in SENTENCE_STOPS:  # (the rest of its sentence only)
        k = after.find(stop)
        if k >= 0:
            after = after[:k]
    return any(w in after for w in WHOLE_COUNTY)
