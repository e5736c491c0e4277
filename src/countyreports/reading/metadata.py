"""Report-level metadata: the year reported on, the signing date and the signing bodies.

    read_meta(title, clean_text, published) -> ReportMeta(report_year, signed_date, issuer)
    parse_cn_date(s) -> date | None          `2024年1月19日`, `二〇二四年一月十九日`, `2024.1.19`
    parse_year(s) -> int | None              `2023`, `二〇二三`, `二零二三`, `２０２３`

report_year, in order of trust:
  1. the title's year (`乡宁县2023年度…`, `…关于二〇二三年度…`), never the URL's;
  2. the body's opening (first paragraphs): `2023年，…`, `2023年以来`, `现将…2023年…报告如下`
     (`（2021—2025年）`-style spans and document numbers are skipped);
  3. the signing date, else the publication date: that year when in December (a report on the
     year closing), else the year before;
  4. a document number's year under the title, less one (`芦政报〔2024〕6号` → 2023).
signed_date: the last date line among the closing lines (`2024年1月19日`, also Chinese numerals,
possibly after the issuer on the same line), else a date alone on a line under the title
(`（2023年2月20日）`).  issuer: the short organisation lines just before the closing date, in order,
joined with one space (`中共乡宁县委 乡宁县人民政府`), else the bodies the title names before 关于
(`中共清源县委 清源县人民政府关于…的报告`; a 司法局 that drafts for the county and signs is the issuer).
The opening read for the year skips document numbers, addressees, date lines and the sitting a report
was delivered at.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """Report-level metadata read from the title and text."""

    report_year: int | None
    signed_date: dt.date | None = None
    issuer: str | None = None


# --------------------------------------------------------------------------------------------
# tables (data)

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2, "三": 3,
             "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "元": 1}
#: an issuer line ends with one of these (a body that signs)
ISSUER_ENDINGS = ("委", "委员会", "政府", "人民政府", "办公室", "办", "局", "院", "部", "厅",
                  "中心", "小组", "领导小组", "组", "街道办事处", "办事处", "管委会", "法院", "检察院")
#: closing lines that may follow the date and are not part of the signature
TRAILER_RE = re.compile(r"^[（(【\[]?\s*(?:此件|本件|此页|信息来源|来源|联系|附件|抄送|责任编辑|"
                        r"主动公开|依申请公开|公开方式)")
#: how many lines at the end are searched for the date line
TAIL_LINES = 12
#: an issuer line is at most this long
ISSUER_MAX = 60

# --------------------------------------------------------------------------------------------

_Y = r"(?:[12][0-9]{3}|[〇零○ＯOo一二][〇零○ＯOo一二三四五六七八九]{3})"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九元])"
_D = r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|"\
     r"[一二三四五六七八九])"
_DATE_CN = rf"(?P<y>{_Y})\s*年\s*(?P<m>{_M})\s*月\s*(?P<d>{_D})\s*日"
_DATE_NUM = (r"(?<![0-9.])(?P<y2>[12][0-9]{3})\s*[.\-/．]\s*(?P<m2>1[0-2]|0?[1-9])\s*[.\-/．]\s*"
             r"(?P<d2>3[01]|[12][0-9]|0?[1-9])(?![0-9])")
_DATE_RE = re.compile(rf"{_DATE_CN}|{_DATE_NUM}")
_DATE_LINE = re.compile(rf"^(?P<pre>.*?)[（(]?\s*(?:{_DATE_CN}|{_DATE_NUM})\s*[）)]?[\s。.]*$")
_YEAR_TOKEN = re.compile(rf"(?<![0-9〇零○一二三四五六七八九十])(?P<y>{_Y})\s*年")
#: … and a year since which a total is counted (2019年以来累计…: a period of several years, not the report's)
_YEAR_SPAN = re.compile(rf"{_Y}\s*年?\s*[—\-－–~～至到]+\s*{_Y}\s*年?|〔{_Y}〕|\[{_Y}\]|第.{{0,3}}{_Y}"
                        rf"|{_Y}\s*年\s*以来(?=[^。；;]{{0,8}}累计)")
_QUOTED = re.compile(r"《[^》]{0,80}》")
_SENTENCE_PUNCT = re.compile(r"[。；;：:，,！？!?“”]")
_WS = re.compile(r"[\s\u3000\u00a0]+")
_OPENING_LINES = 3
_DOC_NUMBER = re.compile(r"[〔\[［(（]\s*[12][0-9]{3}\s*[〕\]］)）]\s*[0-9０-９]+\s*号")
_DATE_LINE_MAX = 40  # a line that holds a date alone is no longer (brackets and spaces included)
_DATE_ONLY = re.compile(rf"^[（(【\[]?\s*(?:{_DATE_CN}|{_DATE_NUM})\s*[）)】\]]?$")
#: characters of each opening line searched for the year (an opening sentence names it early; a line of
#: megabytes is not normalised whole)
_OPENING_CHARS = 4000


def parse_year(s: str) -> int | None:
    """A 4-digit year in Arabic (any width) or Chinese digits (`二〇二三`, `二零二三`)."""
    s = unicodedata.normalize("NFKC", s).strip()
    if len(s) != 4:
        return None
    if s.isdigit():
        return int(s)
    try:
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    except KeyError:
        return None


def _small(s: str) -> int | None:
    """1..31 in Arabic or Chinese (`十九`, `二十一`, `三十`, `元`)."""
    s = unicodedata.normalize("NFKC", s).strip()
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, units = s.partition("十")
        t = _CN_DIGIT.get(tens, -1) if tens else 1
        u = _CN_DIGIT.get(units, -1) if units else 0
        return t * 10 + u if t >= 0 and u >= 0 else None
    return _CN_DIGIT.get(s) if len(s) == 1 else None


def _date_of(m: re.Match[str]) -> dt.date | None:
    if m.group("y") is not None:
        y, mo, d = parse_year(m.group("y")), _small(m.group("m")), _small(m.group("d"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    if y is None or mo is None or d is None:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def parse_cn_date(s: str) -> dt.date | None:
    """The first date written in `s`: `2024年1月19日`, `二〇二四年一月十九日`, `２０２４年１月１９日`,
    `2024.1.19`, `2024-01-19`; None when there is none or it is not a real date."""
    if not s:
        return None
    m = _DATE_RE.search(unicodedata.normalize("NFKC", s))
    return _date_of(m) if m else None


def title_year(title: str) -> int | None:
    """The year named in a title (`2023年度`, `二〇二三年`), None when it names none."""
    t = _QUOTED.sub("", unicodedata.normalize("NFKC", title or ""))
    t = _YEAR_SPAN.sub("", t)
    for m in _YEAR_TOKEN.finditer(t):
        y = parse_year(m.group("y"))
        if y and 1990 <= y <= 2100:
            return y
    return None


def _opening(lines: list[str]) -> list[str]:
    """The first `_OPENING_LINES` lines of prose: document numbers (长政报〔2024〕9号), addressees (市人民政府：),
    date lines (（2023年2月20日）) and the sitting a report was delivered at (——2024年2月27日在…会议上) skipped."""
    out: list[str] = []
    for line in lines[:_OPENING_LINES + 6]:
        s = line.strip()
        if len(s) <= 30 and _DOC_NUMBER.search(s) or len(s) <= 40 and s.endswith(("：", ":")) \
                or len(s) <= _DATE_LINE_MAX and _DATE_ONLY.match(unicodedata.normalize("NFKC", s)) \
                or s.startswith(("——", "—", "--")):
            continue
        out.append(line)
        if len(out) == _OPENING_LINES:
            break
    return out


def _opening_year(lines: list[str], limit: int | None) -> int | None:
    for line in _opening(lines):
        t = _QUOTED.sub("", unicodedata.normalize("NFKC", line[:_OPENING_CHARS]))
        t = _YEAR_SPAN.sub("", t)
        t = _DATE_RE.sub("", t)  # a full date in the opening is a meeting, not the year reported
        for m in _YEAR_TOKEN.finditer(t):
            y = parse_year(m.group("y"))
            if y and 1990 <= y <= 2100 and (limit is None or y <= limit):
                return y
    return None


def _is_issuer_line(s: str) -> bool:
    if not s or len(s) > ISSUER_MAX or _SENTENCE_PUNCT.search(s):
        return False
    return all(part.endswith(ISSUER_ENDINGS) for part in s.split(" "))


def _date_end(line: str) -> str:
    """The character a date must end with for `_DATE_LINE` to match `line`: the last one before the
    trailing spaces and full stops and one closing parenthesis ("" when there is none). A date ends
    with 日 or an ASCII digit, so a line whose date end is neither cannot match (a cheap test)."""
    end = line.rstrip("。.").rstrip()  # (`[\s。.]*`: whitespace and stops in any order)
    while end and (end[-1] in "。." or end[-1].isspace()):
        end = end.rstrip("。.").rstrip()
    if end[-1:] in ("）", ")"):
        end = end[:-1].rstrip()
    return end[-1:]


_DATE_ENDS = frozenset("日0123456789")
_TAIL = 24  # characters normalised for the test on a raw line


def _may_end_with_date(raw: str) -> bool:
    """False when the normalised `raw` line cannot match `_DATE_LINE` (see `_date_end`), decided on its last
    `_TAIL` characters alone: NFKC never joins across a CJK ideograph or an ASCII character (starters that
    compose with nothing before them), so when one stands at the cut, the normalised tail is the end of
    the normalised line. Otherwise, or when the tail is all spaces and stops, True (not decided here)."""
    if len(raw) <= _TAIL:
        return True
    cut = raw[-_TAIL]
    if not (cut.isascii() or "\u4e00" <= cut <= "\u9fff"):
        return True
    end = _date_end(unicodedata.normalize("NFKC", raw[-_TAIL:]))
    return not end or end in _DATE_ENDS


def _signature(lines: list[str]) -> tuple[dt.date | None, str | None]:
    """(signed date, issuer) from the closing lines."""
    tail = lines[-TAIL_LINES:]
    for i in range(len(tail) - 1, -1, -1):
        if not _may_end_with_date(tail[i]):  # (a long body line: not normalised in full)
            continue
        line = _WS.sub(" ", unicodedata.normalize("NFKC", tail[i])).strip()
        if not line or TRAILER_RE.match(line) or _date_end(line) not in _DATE_ENDS:
            continue
        m = _DATE_LINE.match(line)
        if m is None:
            continue
        signed = _date_of(m)
        if signed is None:
            continue
        bodies: list[str] = []
        pre = m.group("pre").strip()
        if pre:
            if not _is_issuer_line(pre):
                continue  # a date inside a sentence, not the signature
            bodies.append(pre)
        for j in range(i - 1, max(-1, i - 5), -1):
            prev = _WS.sub(" ", unicodedata.normalize("NFKC", tail[j])).strip()
            if not prev:
                continue
            if not _is_issuer_line(prev):
                break
            bodies.insert(0, prev)
        return signed, (" ".join(bodies) or None)
    return None, None


_TITLE_YEAR = re.compile(r"[0-9〇零一二三四五六七八九]{4}年")
#: with neither 关于 nor a year, the bodies stand before the report's subject (云溪县人民政府法治政府建设年度报告)
_TITLE_SUBJECT = re.compile(r"法治|依法行政|推进法治|全面依法")


def title_issuer(title: str) -> str | None:
    """The bodies a title names before 关于, or before the year it reports on when it has no 关于
    (中共清源县委 清源县人民政府关于…的报告; 清源县人民政府2023年度法治政府建设工作报告), or before its subject
    when it has neither (清源县人民政府法治政府建设年度报告), space-separated; None
    when the words there are not bodies."""
    head, sep, _ = (title or "").partition("关于")
    if not sep:
        m = _TITLE_YEAR.search(title or "") or _TITLE_SUBJECT.search(title or "")
        if m is None or m.start() == 0:
            return None
        head = title[:m.start()]
    parts = [p for p in re.split(r"[\s、，,]+", unicodedata.normalize("NFKC", head).strip()) if p]
    if not parts or any(len(p) > ISSUER_MAX or not p.endswith(ISSUER_ENDINGS) for p in parts):
        return None
    return " ".join(parts)


#: the level of the body a report is of: the last 县/区/旗/市 before its government or the report's subject
_BODY_LEVEL = re.compile(r"([县区旗市])(?:委|人民政府|政府)?(?:关于)?(?:[0-9〇零一二三四五六七八九]{4}年度?)?(?:的)?"
                         r"(?:法治|依法行政|推进法治|全面依法)")
_ISSUER_LEVEL = re.compile(r"([县区旗市])(?:委|人民政府|政府)")


def body_level(title: str, issuer: str | None) -> str | None:
    """县, 区, 旗 or 市: the level of the body a report is of, from its issuer (清源县人民政府), else its title
    (某县法治政府建设情况报告, XX区2023年法治政府建设年度报告); None when neither says. In a report of a 县, 区
    or 旗, 全市 and 市政府 are the prefecture, another body."""
    for text, rx in ((issuer or "", _ISSUER_LEVEL), (title or "", _BODY_LEVEL)):
        found = rx.findall(text)
        if found:
            return str(found[-1])
    return None


def _date_under_title(lines: list[str]) -> dt.date | None:
    """A date standing alone on one of the first two lines, as under a title: （2023年2月20日）."""
    for line in lines[:2]:
        if len(line) > _DATE_LINE_MAX:
            continue
        m = _DATE_ONLY.match(unicodedata.normalize("NFKC", line.strip()))
        if m is not None:
            return _date_of(m)
    return None


def _doc_number_year(lines: list[str]) -> int | None:
    """The year before that of a document number under the title (芦政报〔2024〕6号: a report filed in 2024 is
    on 2023, as reports are filed early in the year after)."""
    for line in lines[:_OPENING_LINES + 6]:
        s = line.strip()
        m = _DOC_NUMBER.search(s) if len(s) <= 30 else None
        if m is not None:
            y = parse_year(re.sub(r"[^0-9]", "", m.group())[:4])
            return y - 1 if y else None
    return None


def read_meta(title: str, clean_text: str, published: dt.date | None) -> ReportMeta:
    """Year reported on, signing date and issuer of a report (see module docstring)."""
    lines = [ln for ln in (clean_text or "").split("\n") if ln.strip()]
    signed, issuer = _signature(lines)
    if signed is None:
        signed = _date_under_title(lines)
    if issuer is None:
        issuer = title_issuer(title)
    year = title_year(title)
    if year is None:
        latest = signed or published
        year = _opening_year(lines, latest.year if latest else None)
    if year is None:
        ref = signed or published
        if ref is not None:
            year = ref.year if ref.month == 12 else ref.year - 1
    if year is None:
        year = _doc_number_year(lines)
    return ReportMeta(report_year=year, signed_date=signed, issuer=issuer)
