"""Before→after statements among a text's quantities (pure functions): the first number becomes the
`from_value` of the second and no quantity of its own.

    pair_quantities(t, qs, sent_start)     # qs: quantities.scan_quantities, sent_start: their sentences' starts

In one clause: ``由/从[上年的]214项…到/至/为195项`` (any few words ending in 的 after 由/从: 由机构改革前的1,540人),
``与上年的15.2%相比…下降到9.8%``; ``较上年的214项`` is a baseline (last year's figure, never this year's value),
and the from-value of the figure right before it (B，比上年的A有较大增长). Across two clauses: this year's figure
then last year's (结案45件，而上年为32件; 而2022年只有33件), or last year's first and a to-phrase (上年为390件，
今年增至462件; 2022年…2次，2023年增加到4次): an earlier year stands for last year. Figures labelled by their
period, in either order, with nothing but the label (and a verb) before each: 上年27件，今年40件; 今年1,760人次，
上年1,380人次; 去年开了4次，今年开了7次; 经营主体去年底5.1万户，今年底5.6万户; 9.8万人次（上年7.4万人次）;
2022年76件，2023年210件; a table row 2022年 181项 | 2023年 176项 (a table's cell borders part clauses; a label's
colon is read through). Measures that count the same things pair (无一起…，而上年有3件: MEASURE_KIN).
"""

from __future__ import annotations

from typing import Final

import re

from countyreports.reading.indicators.concepts import (
    BASELINE_AFTER, BASELINE_COMPARE, BASELINE_OPENERS, BASELINE_VERBS, COMPARE_WORDS, FROM_FILLERS, FROM_WORDS, LABEL_NOT, THIS_YEAR_OPENERS,
    TO_BOUNDS, TO_WORDS,
)
from countyreports.reading.indicators.columns import pair_periods
from countyreports.reading.indicators.quantities import Qty
from countyreports.reading.indicators.taxonomy import MEASURE_KIN

#: a year, or this year, between a to-word and its number (增加到2023年的, 增加到今年的, 增加至本年度的)
_YEAR_FILLER: Final = re.compile(r"(?:[12][0-9]{3}|[〇零一二][〇零一二三四五六七八九]{3}|今|本|当)年(?:度|版)?(?:的)?$")
_TO_LAST: Final = frozenset("到至为了的 年度版")


def _strip_filler(s: str) -> str:
    """`s` without a trailing year (2023年的, 2021年版的) or 了/的."""
    s = s.rstrip("了的 ")
    if "年" in s[-3:]:  # (a cheap test first: most texts before a number hold no year there)
        m = _YEAR_FILLER.search(s)
        if m is not None:
            return s[:m.start()]
    return s


def ends_with_to(s: str) -> bool:
    """Does the text before a number end with a to-word (增加到, 降至, 减少为, 降到了, 增加到2023年的)?"""
    if s.endswith(TO_BOUNDS):  # 下降到不足4%
        s = s[:-next(len(b) for b in TO_BOUNDS if s.endswith(b))]
    if not s or s[-1] not in _TO_LAST:  # (most texts end otherwise: no filler to strip)
        return False
    s = _strip_filler(s)
    return s.endswith(TO_WORDS) and not s.endswith(("达到", "达至"))


_FROM_FILLER_MAX: Final = 8  # characters between 由/从 and the 的 before a starting value, at most


def _from_start(t: str, q: Qty, lo: int) -> int:
    """Where the from-phrase of `q` starts (the 由/从 of 由[上年的]…), or -1."""
    a = max(lo, q.start - 12)
    s = _strip_filler(t[a:q.start])
    for f in FROM_FILLERS:
        if s.endswith(f):
            s = s[:-len(f)]
            break
    if s.endswith(FROM_WORDS):
        return a + len(s) - 1
    raw = t[a:q.start].rstrip(" ")
    if raw.endswith("的"):  # 由上一轮的87件, 由机构改革前的1540人: any few words ending in 的 after 由/从
        k = max(raw.rfind(w, len(raw) - _FROM_FILLER_MAX - 1) for w in FROM_WORDS)
        if k >= 0 and not any(c in _CLAUSE_SEPS or c == "、" for c in raw[k:]):
            return a + k
    return -1


_PERIOD: Final = f"(?:{'|'.join(BASELINE_OPENERS)}|[12][0-9]{{3}}年度?)"
_COMPARED: Final = re.compile(
    f"(?:(?:{'|'.join(COMPARE_WORDS)}){_PERIOD}的|(?:{'|'.join(BASELINE_COMPARE)}){_PERIOD}的?) ?$")
_COMPARED_REACH: Final = 10


def _compared_before(t: str, at: int) -> bool:
    """Does last year's figure at `at` follow a comparison word and a period (与上年的15.2%相比; 比起上一年的380件，
    …增至455件; 较前一年的4次; 较前一年4,210户; 比2022年的1.19亿元)?"""
    return t[at - 1:at] in ("的", "年", " ", "度") and _COMPARED.search(t, max(0, at - _COMPARED_REACH), at) is not None


_MULTIPLE_OF: Final = re.compile(f"是{_PERIOD}的? ?$")
_TIMES_REACH: Final = 6  # characters from a baseline figure's 的 to its 倍 (…的两倍多, …的1.5倍), at most


def _multiple_of(t: str, q: Qty) -> bool:
    """Is the figure at q last year's, of which this year's is a multiple (是上年45件的两倍多)?"""
    return (t[q.end:q.end + 1] == "的" and "倍" in t[q.end:q.end + _TIMES_REACH]
            and _MULTIPLE_OF.search(t, max(0, q.start - _COMPARED_REACH), q.start) is not None)


_ARROWS: Final = ("→", "->", "—>", "－>")


def _arrow(between: str) -> bool:
    """Is the text between two figures an arrow, a period label at most after it (52件→79件; 2022年度41 → 2023年度63)?"""
    s = between.strip(" ")
    for a in _ARROWS:
        if s.startswith(a):
            rest = _strip_filler(s[len(a):].strip(" ")) if s[len(a):].strip(" ") else ""
            return not rest.strip(" ")
    return False


def pair_quantities(t: str, qs: list[Qty], sent_start: list[int]) -> None:
    """Fold before→after statements: the first number becomes the `from_value` of the second (see module doc)."""
    if "由" in t or "从" in t or "相比" in t or "年" in t:
        _pair_in_text(t, qs, sent_start)
    pair_periods(t, qs)  # (columns.py: figures of one row labelled by their periods)


def _pair_in_text(t: str, qs: list[Qty], sent_start: list[int]) -> None:
    for i in range(1, len(qs)):
        q, p = qs[i], qs[i - 1]
        if p.kind != "value" or p.base != q.base or sent_start[i] != sent_start[i - 1]:
            continue
        between = t[p.end:q.start]
        if len(between) > 24:
            continue
        fs = _from_start(t, p, sent_start[i - 1])
        after_p = between.lstrip("，, ")
        baseline = after_p.startswith(BASELINE_AFTER) or (
            _compared_before(t, p.start))
        if (fs >= 0 or baseline) and ends_with_to(between) or baseline and ("相比" in between) or _arrow(between):
            q.from_value = p.value
            q.unit_start = fs if fs >= 0 else p.start
            p.kind = "consumed"
    _pair_baseline_clauses(t, qs, sent_start)
    for i, q in enumerate(qs):
        if q.kind == "value" and q.from_value is None:
            if q.sign == 0 and (_compared_before(t, q.start) or t[max(0, q.start - 6):q.start].endswith("上年同期的")
                                or _multiple_of(t, q)):
                q.kind = "baseline"
                b = qs[i - 1] if i else None  # B，比上年的A有较大增长: last year's figure of the one before
                if (b is not None and b.kind == "value" and b.from_value is None and b.base == q.base
                        and (sent_start[i] == sent_start[i - 1] or t[b.end:b.end + 1] in "；;")  # (…212件；与上年的178件相比)
                        and q.start - b.end <= _COMPARED_REACH
                        and t[b.end:q.start].lstrip("，,；; ").startswith(BASELINE_COMPARE + COMPARE_WORDS + ("是",))):
                    b.from_value = q.value


_CLAUSE_SEPS: Final = "，,；;（(|｜/、"  # (a table's cell borders part clauses too)
_YEAR_REACH: Final = 32  # characters before a figure looked at for the year its clause names
_YEAR_OPENER: Final = re.compile(r"([12][0-9]{3})年(?:度|同期)?")
_BASELINE_REACH: Final = 12  # characters from a baseline clause's opening to its number, at most


def _clause_prefix(t: str, q: Qty, lo: int) -> str | None:
    """The words of q's clause before it (from the last ，；（ after `lo`), or None when no separator is that
    close (the clause is longer than a baseline clause)."""
    a = max(lo, q.start - _BASELINE_REACH - 2)
    for k in range(q.start - 1, a - 1, -1):
        if t[k] in _CLAUSE_SEPS or t[k] in "：:" and t[k + 1:q.start].strip(" \u3000"):
            return t[k + 1:q.start]  # (a colon right before the figure is its label's own: 2023年：5次)
    return t[lo:q.start] if lo >= a else None


_LABEL_REST: Final = 2  # characters after a period label and before its figure, at most (去年开了4次, 上年同期)
_LABEL_STRIP: Final = " \u3000\u00a0：:"


def _bare_label(rest: str) -> bool:
    """Are the words between a period label and its figure no more than a label's (上年 52件, 去年开了4次,
    前一年是96条; not 上年结转4件)?"""
    r = _strip_filler(rest.strip(_LABEL_STRIP))
    return len(r) <= _LABEL_REST and not r.endswith(LABEL_NOT) and not any(c.isdigit() for c in r)


_NOT_LABEL_BEFORE: Final = frozenset("较比同与于在")  # 较上年52件 is a comparison, 在上年… no label


def _after_colon(prefix: str) -> str:
    """The words of a clause prefix after a label's colon (复议结案：上年 → 上年; 2022年： → 2022年)."""
    s = prefix.strip(_LABEL_STRIP)
    return s[max(s.rfind("："), s.rfind(":")) + 1:].lstrip(" \u3000").lstrip("而但")


def _labelled(prefix: str, openers: tuple[str, ...], anywhere: bool = False) -> bool:
    """Does a clause prefix open with one of `openers` followed by no more than a label's words (`anywhere`:
    the opener may follow the subject, 经营主体去年底5.1万户, not a comparison word)?"""
    s = _after_colon(prefix)
    for o in openers:
        k = s.rfind(o) if anywhere else (0 if s.startswith(o) else -1)
        if k >= 0 and (k == 0 or s[k - 1] not in _NOT_LABEL_BEFORE) and _bare_label(s[k + len(o):]):
            return True
    return False


_YEAR_LABEL: Final = re.compile(r"([12][0-9]{3})年(?:度|底|末)?")


def _labelled_year(prefix: str) -> int:
    """The year a clause prefix opens with as its label (2022年76件; | 2023年 176项; 2023年达到七次), or 0."""
    s = _after_colon(prefix)
    m = _YEAR_LABEL.match(s)
    if m is None:
        return 0
    rest = _strip_filler(s[m.end():].strip(_LABEL_STRIP))
    if rest.startswith("全年"):
        rest = rest[2:]
    ok = rest.endswith(BASELINE_VERBS) or _strip_filler(rest).endswith(TO_WORDS) or len(rest) <= _LABEL_REST
    return int(m.group(1)) if ok and not rest.endswith(LABEL_NOT) and not any(c.isdigit() for c in rest) else 0


def _states_baseline(prefix: str, opening: bool) -> bool:
    """Does a clause prefix state last year's figure: a baseline opener (at the clause's opening, after 而/但,
    when `opening`; else anywhere: 法律援助案件上年为) and a verb before the number (而上年为, 上年同期是,
    上年这一比例为, 上年证明事项为), or at the opening a bare label (上年 52件, 前一年是96条, 去年开了4次)?"""
    if _labelled(prefix, BASELINE_OPENERS, not opening):
        return True
    s = prefix.lstrip("而但")
    y = _YEAR_OPENER.search(s)  # an earlier year stands for last year (而2022年只有33件; 审批事项2019年为258项)
    if y is not None and (y.start() == 0 or not opening):
        return _strip_filler(s[y.end():]).endswith(BASELINE_VERBS)
    if not opening:
        at = min((k for k in (s.find(w) for w in BASELINE_OPENERS) if k >= 0), default=-1)
        s = s[at:] if at >= 0 else ""
    return s.startswith(BASELINE_OPENERS) and _strip_filler(s).endswith(BASELINE_VERBS)


def _clause_words(t: str, q: Qty, lo: int) -> str:
    """The words of q's clause before it, at most _YEAR_REACH characters."""
    a = max(lo, q.start - _YEAR_REACH)
    for k in range(q.start - 1, a - 1, -1):
        if t[k] in _CLAUSE_SEPS:
            return t[k + 1:q.start]
    return t[a:q.start]


def _year_in(s: str) -> int:
    """The year named in `s` (2022年), or 0."""
    y = _YEAR_OPENER.search(s)
    return int(y.group(1)) if y is not None else 0


def _semicolon(t: str, p: Qty, q: Qty) -> bool:
    """Are the sentences of p and q parted by a semicolon only (2023年 22件；2022年 17件)?"""
    between = t[p.end:q.start]
    return ("；" in between or ";" in between) and not any(c in "。！？!?\n" for c in between)


def _cell_before(t: str, q: Qty, lo: int) -> str:
    """The table cell right before q's own when q opens its cell (｜2022年｜4项: 2022年), else ""."""
    k = q.start - 1
    while k >= lo and t[k] == " ":
        k -= 1
    if k < lo or t[k] not in "|｜":
        return ""
    j = k - 1
    while j >= lo and t[j] not in "|｜，,；;：:":
        j -= 1
    return t[j + 1:k].strip() if k - j <= _BASELINE_REACH else ""


def _pair_baseline_clauses(t: str, qs: list[Qty], sent_start: list[int]) -> None:
    """Before→after in two clauses of one sentence, the figures of one measure next to each other: this year's
    figure, then a clause stating last year's (结案45件，而上年为32件; 压减为131项（上年为159项）); or last
    year's clause first, then a to-phrase (上年为390件，今年增至462件). Last year's figure becomes the
    from_value of this year's."""
    for i in range(1, len(qs)):
        q, p = qs[i], qs[i - 1]
        if (p.kind != "value" or q.kind != "value" or sent_start[i] != sent_start[i - 1] and not _semicolon(t, p, q)
                or MEASURE_KIN.get(p.base, p.base) != MEASURE_KIN.get(q.base, q.base)
                or p.from_value is not None or q.from_value is not None or q.start - p.end > 2 * _BASELINE_REACH):
            continue
        q_words = _clause_prefix(t, q, p.end)
        if q_words is None or len(q_words) == q.start - p.end:
            continue  # no clause break between them
        p_words = _clause_prefix(t, p, sent_start[i - 1])
        yq = _labelled_year(q_words) or _labelled_year(_cell_before(t, q, p.end))
        yp = (_labelled_year(p_words) or _labelled_year(_cell_before(t, p, sent_start[i - 1]))
              if yq and p_words is not None else 0)
        if yq and not yp and t[p.end:p.end + 1] in "（(" and not _year_in(p_words or ""):
            p.from_value = q.value  # 4.6%（2022年：7.9%）: an earlier year's figure in brackets after one with none
            q.kind = "consumed"
            continue
        if yp and yq != yp:  # 2022年76件，2023年210件 (either order): the earlier year's is the before value
            a, b = (p, q) if yp < yq else (q, p)
            b.from_value = a.value
            a.kind = "consumed"
            continue
        if _states_baseline(q_words, True):  # B，而上年为A
            p.from_value = q.value
            q.kind = "consumed"
        elif (ends_with_to(q_words) or _labelled(q_words, THIS_YEAR_OPENERS)) and (
                p_words is not None and _states_baseline(p_words, False)  # 上年为A，今年增至B; 上年27件，今年40件
                                        # 2022年…2次，2023年增加到4次: an earlier year's clause, a later year's
                                        or 0 < _year_in(_clause_words(t, p, sent_start[i - 1])) < _year_in(q_words)):
            q.from_value = p.value
            p.kind = "consumed"
