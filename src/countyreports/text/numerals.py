"""Numbers as written in Chinese government reports (pure functions, layer 1).

Handles Arabic digits with thousands separators (``1,340``, ``1，340``), decimals, full-width digits
(``１２``), Chinese numerals (``十二``, ``两千一百``, ``三百一十``, ``二〇二三``, ``六万一千``), mixed forms
(``3.5万``, ``1.2亿``) and percentages (``98.5%``, ``百分之九十八点五``).

    parse_number("两千一百余")   -> 2100.0      (approximation words are ignored here)
    find_numbers(text)           -> NumberToken(value, start, end, multiplier, approx_before, approx_after, ...)
    to_chinese(2100)             -> "二千一百"

`fold(text)` maps full-width digits/punctuation and a few look-alikes to half-width one character for
one character, so offsets found in the folded text are offsets in the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# --------------------------------------------------------------------------- character folding

_FOLD_SRC = "０１２３４５６７８９％．，；：（）！？\u3000\u00a0～－〇○"
_FOLD_DST = "0123456789%.,;:()!?  ~-〇〇"
FOLD_TABLE: dict[int, int] = {ord(a): ord(b) for a, b in zip(_FOLD_SRC, _FOLD_DST, strict=True)}


def fold(text: str) -> str:
    """Length-preserving normalisation of digits and punctuation (full-width → half-width)."""
    return text.translate(FOLD_TABLE)


# --------------------------------------------------------------------------- Chinese numerals

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "兩": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
CN_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
MULTIPLIERS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, **CN_BIG}

_CN_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_BIG)
_CN_INT = f"[{_CN_CHARS}]+"
_CN_FRAC_DIGITS = "零〇○一二三四五六七八九"
CN_NUMBER = f"{_CN_INT}(?:点[{_CN_FRAC_DIGITS}]+)?"
_DG = "[0-9０-９]"
#: Arabic digits, half- or full-width, with thousands separators (1,340 / 1，340) and decimals
ARABIC_NUMBER = rf"{_DG}{{1,3}}(?:[,，]{_DG}{{3}})+(?!{_DG})(?:[.．]{_DG}+)?|{_DG}+(?:[.．]{_DG}+)?"


def _cn_int(s: str) -> int | None:
    """Value of an integer Chinese numeral, or None when `s` is not one."""
    if not s:
        return None
    if all(c in CN_DIGITS for c in s):  # positional: 二〇二三, 五
        v = 0
        for c in s:
            v = v * 10 + CN_DIGITS[c]
        return v
    total = 0  # completed 亿/万 groups
    section = 0  # the current group below 万
    pending: int | None = None  # a digit waiting for its unit
    last_mult = 0  # the unit/big multiplier just applied (for 一百四 = 140, 两万五 = 25000)
    section_unit = 0  # the last unit used in the current group
    zero_seen = False
    for c in s:
        if c in CN_DIGITS:
            d = CN_DIGITS[c]
            if d == 0:
                zero_seen = True
                pending = None
                continue
            if pending is not None:  # two digits in a row: not a well-formed numeral
                return None
            pending = d
        elif c in CN_UNITS:
            u = CN_UNITS[c]
            if section_unit and u >= section_unit:  # 十十, 百千: units must fall within a group
                return None
            section_unit = u
            section += (1 if pending is None else pending) * u
            pending = None
            last_mult = u
            zero_seen = False
        else:  # 万 / 亿
            b = CN_BIG[c]
            group = section + (pending or 0)
            if b == 100_000_000:
                total = (total + group) * b
            else:
                if group == 0 and total == 0:
                    return None
                total += group * b
            section = 0
            section_unit = 0
            pending = None
            last_mult = b
            zero_seen = False
    if pending is not None:
        if last_mult >= 100 and not zero_seen:  # colloquial 一百四 / 两万五 / 三千五
            pending *= last_mult // 10
        section += pending
    return total + section


def parse_number(text: str) -> float | None:
    """Parse one number as written; approximation and measure words around it are ignored.

    Accepts ``1,340`` ``１２`` ``3.5万`` ``两千一百余`` ``百分之九十八点五`` ``98.5%`` ``1.2亿元``. Returns None when no
    number can be read at the start of the (stripped) text.
    """
    s = fold(text).strip()
    if not s:
        return None
    for prefix in ("约", "近", "超过", "突破", "逾", "达", "共", "计"):
        if s.startswith(prefix) and len(s) > len(prefix):
            s = s[len(prefix):]
            break
    pct = s.startswith("百分之")
    if pct:
        s = s[3:]
    m = _NUM_ONLY.match(s)
    if not m:
        return None
    value = number_value(m.group("num"))
    if value is None:
        return None
    rest = s[m.end("num"):]
    rest = rest.lstrip("余多来几")
    if rest[:1] in MULTIPLIERS and m.group("ar") is not None:
        value *= MULTIPLIERS[rest[0]]
    return _clean_float(value)


def number_value(num: str) -> float | None:
    """Value of a bare number (Arabic with separators/decimals, or Chinese numeral with 点)."""
    s = fold(num)
    if not s:
        return None
    if s[0].isascii():
        try:
            return float(s.replace(",", ""))
        except ValueError:
            return None
    if "点" in s:
        ip, _, fp = s.partition("点")
        iv = _cn_int(ip) if ip else 0
        if iv is None or not fp or any(c not in CN_DIGITS for c in fp):
            return None
        return float(f"{iv}.{''.join(str(CN_DIGITS[c]) for c in fp)}")
    v = _cn_int(s)
    return None if v is None else float(v)


def _clean_float(v: float) -> float:
    r = round(v, 6)
    return float(round(r)) if abs(r - round(r)) < 1e-9 else r


_NUM_ONLY = re.compile(f"(?P<num>(?P<ar>{ARABIC_NUMBER})|{CN_NUMBER})")

# --------------------------------------------------------------------------- to_chinese

_D = "零一二三四五六七八九"


def _below_10000(n: int, leading: bool) -> str:
    out = []
    zero = False
    for unit, ch in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            if zero:
                out.append("零")
                zero = False
            if not (ch == "十" and d == 1 and leading and not out):
                out.append(_D[d])
            out.append(ch)
        elif out:
            zero = True
    return "".join(out)


def to_chinese(n: int) -> str:
    """Write a non-negative integer in Chinese numerals (``2100`` → ``二千一百``, ``12`` → ``十二``)."""
    if n < 0:
        raise ValueError("negative")
    if n == 0:
        return "零"
    parts: list[str] = []
    groups = []
    while n:
        n, g = divmod(n, 10_000)
        groups.append(g)
    bigs = ["", "万", "亿", "万亿"]
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = bool(parts)
            continue
        if parts and (need_zero or g < 1000):
            parts.append("零")
        parts.append(_below_10000(g, leading=not parts) + bigs[i])
        need_zero = False
    return "".join(parts)


# --------------------------------------------------------------------------- scanner

#: words that make a number approximate, before it (约300) and after it (300余, 300件以上)
APPROX_BEFORE = ("大约", "约", "将近", "接近", "近", "超过", "超", "突破", "逾", "不少于", "不低于", "上")
APPROX_AFTER = ("余", "多", "来", "几", "以上", "左右", "上下", "许")
_APPROX_BEFORE_BY_LEN = sorted(APPROX_BEFORE, key=len, reverse=True)

_MULT_POST = r"(?P<mult>(?<=[0-9０-９])[万亿千])?(?P<post>[余多来几])?(?P<mult2>(?<=[余多])[万亿](?!元))?"
_CORE = rf"(?:百分之(?P<pct>{ARABIC_NUMBER}|{CN_NUMBER})|(?P<num>(?P<ar>{ARABIC_NUMBER})|{CN_NUMBER}){_MULT_POST})"
_FIRST = f"[0-9０-９{_CN_CHARS}]"
#: a number with its multiplier and 余/多 (no word before it); starts with a lookahead so scans stay fast
CORE_PATTERN = f"(?={_FIRST}){_CORE}"
#: the characters a match of CORE_PATTERN starts with (a class; 百 of 百分之 among them), and the characters a
#: number may hold (the body of a class, to be combined with others)
NUMBER_START = _FIRST
NUMBER_CHARS = f"0-9０-９{_CN_CHARS},，.．点余多来几"
#: CORE_PATTERN less its first character, for callers that match that character themselves as NUMBER_START:
#: a regex that opens with a character class lets the engine skip to the places a number may start, which is
#: much faster than trying a lookahead at every character. The lookbehinds pick the branch that first
#: character began (百 of 百分之, an Arabic digit, a Chinese numeral); the number's characters after the first
#: are group `num_rest`.
CORE_REST = (
    rf"(?:(?<=百)分之(?P<pct>{ARABIC_NUMBER}|{CN_NUMBER})"
    rf"|(?P<num_rest>(?<={_DG}){_DG}{{0,2}}(?:[,，]{_DG}{{3}})+(?!{_DG})(?:[.．]{_DG}+)?|(?<={_DG}){_DG}*(?:[.．]{_DG}+)?"
    rf"|(?<=[{_CN_CHARS}])[{_CN_CHARS}]*(?:点[{_CN_FRAC_DIGITS}]+)?){_MULT_POST})"
)
_CORE_RX = re.compile(CORE_PATTERN)


def approx_word_before(text: str, pos: int) -> str:
    """The approximation word (约, 近, 超过, …) ending right at `pos`, or ""."""
    for w in _APPROX_BEFORE_BY_LEN:
        if text.startswith(w, pos - len(w)) and pos >= len(w):
            if w == "上" and text[pos:pos + 1] not in ("百", "千", "万"):
                continue
            if w == "近" and pos >= 2 and text[pos - 2] in "最附将接":
                continue
            return w
    return ""


@dataclass(frozen=True, slots=True)
class NumberToken:
    """One number in a text: the value (multipliers applied), its span and the words around it."""

    value: float
    start: int  # span of the whole token, approximation word before it included
    end: int
    num_start: int  # span of the digits/numeral alone
    num_end: int
    multiplier: str  # 万 / 亿 / 千 written after Arabic digits ("" if none)
    approx_before: str  # 约 / 近 / 超过 / ... ("" if none)
    approx_after: str  # 余 / 多 / ... ("" if none)
    percent: bool  # 百分之…

    @property
    def approx(self) -> bool:
        return bool(self.approx_before or self.approx_after)

    def __reduce__(self) -> tuple[type[NumberToken], tuple[float, int, int, int, int, str, str, str, bool]]:
        """Pickled as a constructor call: compiled (countyreports.native), a frozen dataclass would not
        unpickle field by field."""
        return (NumberToken, (self.value, self.start, self.end, self.num_start, self.num_end, self.multiplier,
                              self.approx_before, self.approx_after, self.percent))


def token_from_match(m: re.Match[str], text: str | None = None) -> NumberToken | None:
    """Build a NumberToken from a match of CORE_PATTERN (callers may embed the pattern in theirs).

    With `text` (the string that was searched), an approximation word right before the match is
    included in the token.
    """
    g = m.groupdict()
    if g.get("pct") is not None:
        v = number_value(g["pct"])
        ns, ne = m.span("pct")
        mult = ""
    else:
        v = number_value(g["num"])
        ns, ne = m.span("num")
        mult = g.get("mult") or g.get("mult2") or ""
        if v is not None and mult:
            v *= MULTIPLIERS[mult]
    if v is None:
        return None
    pre = approx_word_before(text, m.start()) if text is not None else ""
    return NumberToken(
        value=_clean_float(v), start=m.start() - len(pre), end=_end(m),
        num_start=ns, num_end=ne, multiplier=mult, approx_before=pre, approx_after=g.get("post") or "",
        percent=g.get("pct") is not None,
    )


def _end(m: re.Match[str]) -> int:
    """End of the number part of a match (the caller's pattern may go on with measure words)."""
    for name in ("mult2", "post", "mult", "num", "pct"):
        e = m.end(name)
        if e >= 0:
            return e
    return m.end()


def find_numbers(text: str) -> Iterator[NumberToken]:
    """Every number in `text`, left to right, offsets in `text`, approximation words attached.

    A trailing ``以上`` / ``左右`` / ``上下`` right after the number is reported in `approx_after`;
    measure words are not part of the token (callers read ``text[token.end:]``).
    """
    for m in _CORE_RX.finditer(text):
        tok = token_from_match(m, text)
        if tok is None:
            continue
        after = text[tok.end:tok.end + 2]
        if after in ("以上", "左右", "上下") and not tok.approx_after:
            tok = NumberToken(tok.value, tok.start, tok.end, tok.num_start, tok.num_end, tok.multiplier,
                              tok.approx_before, after, tok.percent)
        yield tok
