"""Text cleaning of a report article: `clean_text(raw) -> Cleaned`.

Input: the raw article text, one paragraph per line, as the extractor gives it (markup gone,
Chinese not normalised). Output: the text in the gold `clean_text` conventions (simplified
Chinese, one paragraph per line) and the names of the repair steps that changed something.

The pipeline is a fixed sequence of small, pure, idempotent steps (`STEPS`); each step is a
`str -> str` function and `Cleaned.repairs` lists the step names, in pipeline order, of the
steps whose output differed from their input (each name once). The names:

=================== ===========================================================================
`whitespace`        line endings, no-break/ideographic/other Unicode spaces, zero-width
                    characters, indentation and empty lines (one paragraph per line, stripped);
                    a tab between a table row's cells stays (one)
`broken_lines`      a line break inside a number or before closing punctuation joined
`traditional_pinyin` pinyin glosses after characters removed: `執(zhí)法` → `執法`, also
                    `執( zhí )`, `執（zhí）`, digit tones `執(zhi2)` and cut-short `鄉(xiā`
`traditional`       a predominantly traditional text converted with OpenCC t2s (phrase-aware)
`homoglyph`         sporadic traditional characters in a simplified text (only characters
                    outside GB2312, so correct simplified text is never touched), look-alike
                    substitutes from `data/homoglyphs.tsv` (`悝`→`理`), Kangxi radicals and
                    CJK compatibility ideographs (NFKC)
`replacement_chars` `?` standing for `©`, an indentation or a separating space (`版权所有 ?
                    2019`, `?` at a line start or after the final `。`)
`cjk_spaces`        spaces between Chinese and digits/Latin, next to full-width punctuation,
                    and letter-spaced words (`法 治 政 府`); a single space between two longer
                    Chinese runs (`中共某县委 某县人民政府`, a title's clauses) is kept
`mojibake`          a run of mis-decoded characters (GBK bytes shifted by one) ending in `?`
                    or U+FFFD, and any other `?` inside Chinese text, replaced by one U+FFFD
=================== ===========================================================================

`NOISE_OF_REPAIR` maps repair names to the gold noise labels (`noise_labels()`).

Choices:

* full-width digits and letters are kept as in the document (the gold keeps them; comparisons
  are made after NFKC and downstream number parsing reads full-width digits);
* punctuation width is kept as found, also the half-width `，：；（）` that the traditional
  converter leaves behind (originals use both widths; comparisons are made after NFKC);
* the pinyin glosses and the mojibake repair: see `countyreports.text.pinyin`, `countyreports.text.mojibake`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from countyreports.text.chars import CJK_PUNCT, FFFD, HAN
from countyreports.models import Cleaned
from countyreports.text.mojibake import GB2312, fix_mojibake
from countyreports.text.pinyin import strip_pinyin

__all__ = ["STEPS", "NOISE_OF_REPAIR", "clean_text", "noise_labels"]

_CLOSING = "，。、；：？！”’）》〉】〕」』％"  # (closing punctuation)

# --------------------------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------------------------


def _read_data(name: str) -> str:
    return resources.files("countyreports.text").joinpath("data", name).read_text(encoding="utf-8")


def _load_homoglyphs() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _read_data("homoglyphs.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 2 and len(cols[0]) == 1 and len(cols[1]) == 1:
            table[cols[0]] = cols[1]
    # Kangxi radicals and CJK compatibility ideographs: NFKC gives the unified ideograph.
    for lo, hi in ((0x2F00, 0x2FD5), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            norm = unicodedata.normalize("NFKC", ch)
            if norm != ch and len(norm) == 1:
                table.setdefault(ch, norm)
    return table


@lru_cache(maxsize=1)
def _opencc():
    import opencc

    try:
        return opencc.OpenCC("t2s")
    except Exception:  # older packages want the file name
        return opencc.OpenCC("t2s.json")


def _char_class(chars) -> str:
    """A regex character class body (ranges) for a set of characters."""
    cps = sorted(ord(c) for c in chars)
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        a, b = chr(cps[i]), chr(cps[j])
        parts.append(re.escape(a) if i == j else f"{re.escape(a)}-{re.escape(b)}")
        i = j + 1
    return "".join(parts)


_HOMOGLYPHS = _load_homoglyphs()


@lru_cache(maxsize=1)
def _traditional() -> tuple[re.Pattern[str], dict[str, str]]:
    """Characters OpenCC t2s changes that are not in GB2312 (so never correct simplified text)."""
    chars = [chr(cp) for cp in range(0x3400, 0xA000)]
    converted = _opencc().convert("\n".join(chars)).split("\n")
    mapping = {
        a: b for a, b in zip(chars, converted) if a != b and len(b) == 1 and a not in GB2312
    }
    return re.compile(f"[{_char_class(mapping)}]"), mapping


# --------------------------------------------------------------------------------------------
# step: whitespace
# --------------------------------------------------------------------------------------------

_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CELL_BREAK, _EDGE_TABS = re.compile("[ \t]*\t[ \t]*"), re.compile("^\t+|\t+$", re.M)  # cells of a table row
_MULTI_SPACE = re.compile("  +")  # (not ` {2,}`: a literal first character is searched fast)
_BLANK_LINES = re.compile(r"(?:[ ]*\n)+[ ]*")


def normalize_whitespace(text: str) -> str:
    """One paragraph per line, lines stripped, spaces normalised to one ASCII space (a tab between cells: one tab)."""
    # fast path: already normalised (the usual case). Every character the steps below touch
    # (CR, U+2028/2029/0085, zero-width, odd spaces) is non-printable; with "\n" made a space,
    # "  " covers double spaces and the " \n", "\n ", "\n\n" of `_BLANK_LINES`.
    flat = text.replace("\n", " ")
    if flat.isprintable() and "  " not in flat and not (
            flat.startswith(" ") or flat.endswith(" ")):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    if "\t" in text:
        text = _EDGE_TABS.sub("", _CELL_BREAK.sub("\t", text))
    text = _MULTI_SPACE.sub(" ", text)
    text = _BLANK_LINES.sub("\n", text)
    return text.strip("\n ")


# --------------------------------------------------------------------------------------------
# steps: traditional text, sporadic traditional characters
# --------------------------------------------------------------------------------------------

# share of traditional-only characters above which the whole text counts as traditional
_TRADITIONAL_SHARE = 0.15  # snapshot: homoglyph pages <= 1 %, traditional pages >= 33 %
_HAN_RUN = re.compile(f"[{HAN}]+")


def convert_traditional(text: str) -> str:
    """Convert a predominantly traditional text to simplified (OpenCC t2s, phrase-aware)."""
    if _is_traditional(text):
        return _opencc().convert(text)
    return text


def _is_traditional(text: str) -> bool:
    """At least 3 traditional-only characters, and at least `_TRADITIONAL_SHARE` of the Han
    characters. Counts of a part of the text decide most texts early: the Han count is at most
    len(text), and the share over the Han characters of a prefix is at least the whole one."""
    pattern, _ = _traditional()
    head = len(text) * 3 // 5  # (a traditional text has its share in its first 60 % already)
    n_trad = len(pattern.findall(text, 0, head))
    if n_trad >= 3 and n_trad / len(text) >= _TRADITIONAL_SHARE:
        return True
    n_trad += len(pattern.findall(text, head))
    if n_trad < 3:
        return False
    if n_trad / len(text) >= _TRADITIONAL_SHARE:
        return True
    # a few traditional characters in a simplified text: the Han characters of a prefix are enough
    for stop in (10 * n_trad, len(text)):
        if n_trad / max(1, sum(map(len, _HAN_RUN.findall(text, 0, stop)))) < _TRADITIONAL_SHARE:
            return False
    return True


def fix_traditional_chars(text: str, passes: int = 4) -> str:
    """Map sporadic traditional characters (never GB2312 ones) in a simplified text, until nothing changes (t2s
    is not closed under itself: 薴 → 苧 → 苎), at most `passes` times."""
    pattern, mapping = _traditional()
    if not pattern.search(text):
        return text
    # OpenCC converts a line on its own (no key of its t2s dictionaries holds a line break): only
    # the lines holding such a character are converted
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if pattern.search(line):
            converted = _opencc().convert(line)
            if len(converted) == len(line):  # t2s is length-preserving: take its (phrase-aware) choice
                lines[i] = pattern.sub(lambda m: converted[m.start()], line)
            else:
                lines[i] = pattern.sub(lambda m: mapping[m.group(0)], line)
    out = "\n".join(lines)
    return fix_traditional_chars(out, passes - 1) if out != text and passes > 1 else out


# --------------------------------------------------------------------------------------------
# step: homoglyph look-alikes (table)
# --------------------------------------------------------------------------------------------

# a substitute whose ideograph is traditional (compatibility 豈 → 豈) goes on to simplified
_HOMOGLYPHS.update({k: _traditional()[1].get(v, v) for k, v in _HOMOGLYPHS.items()})
_HOMO_RE = re.compile(f"[{_char_class(_HOMOGLYPHS)}]")
_CONTEXT_CHARS = re.compile(f"[{HAN}{CJK_PUNCT}0-9０-９\u2e80-\u2fdf]")


def fix_homoglyphs(text: str) -> str:
    """Replace look-alike substitutes that stand next to Chinese text (table in data/)."""
    if not _HOMO_RE.search(text):
        return text
    n = len(text)

    def repl(m: re.Match[str]) -> str:
        i = m.start()
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < n else ""
        if (before and _CONTEXT_CHARS.match(before)) or (after and _CONTEXT_CHARS.match(after)):
            return _HOMOGLYPHS[m.group(0)]
        return m.group(0)

    fixed = _HOMO_RE.sub(repl, text)
    # a mapped character is now Chinese: spaces next to it follow the CJK spacing rule (idempotence)
    return fix_cjk_spaces(fixed) if fixed != text else fixed


# --------------------------------------------------------------------------------------------
# step: replacement characters in boilerplate
# --------------------------------------------------------------------------------------------

_Q = "[?\ufffd]"
_BOILER = [
    # 版权所有 ? 2019 / Copyright ? 2019 → ©
    (re.compile(rf"(版权所有|版權所有|[Cc]opyright)[ ]?{_Q}[ ]?(?=[ ]?(?:19|20)\d\d|[{HAN}A-Za-z])"), r"\1 © "),
    (re.compile(rf"{_Q}[ ]?((?:19|20)\d\d(?:[-—–]\d{{2,4}})?[ ]?(?:版权所有|版權所有|[Cc]opyright))"), r"© \1"),
    # 政府?版权所有 / 主办：...?承办：... → a space between two boilerplate fields
    (re.compile(rf"(?<=[{HAN}）)]){_Q}+(?=(?:版权所有|版權所有|承办|主办|协办|技术支持|网站标识码|备案号|ICP|[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新]ICP|公网安备))"), " "),
]
# every match of a `_BOILER` pattern holds one of these words (the first two patterns: one of
# `_COPYRIGHT_WORDS`), or `公网安备`; the patterns run when the text holds one of these words
_BOILER_HINT_WORDS = ("版权", "版權", "Copyright", "copyright", "承办", "主办", "协办", "技术支持",
                      "网站标识码", "备案", "ICP")
_COPYRIGHT_WORDS = ("版权所有", "版權所有", "Copyright", "copyright")
# `?` for an indentation space (U+3000, U+00A0 through a lossy charset conversion) at the start
# of a line, or for trailing spaces after the end of a sentence; also `?` between two spaces
# (only `?`: a U+FFFD there may be a lost span marked by an earlier cleaning)
_EDGE_MARKS = re.compile(r"(?m)^\?+ ?(?=[^\s?\ufffd])|(?<=[。！？!；;：:”’）)》])[ ]?\?+[ ]*$|(?<= )\?(?= )")


def fix_replacement_chars(text: str) -> str:
    """`?`/U+FFFD standing for ©, an indentation or a separating space (not mojibake)."""
    if "?" not in text and FFFD not in text:
        return text
    # Every match of these patterns holds a `?`/U+FFFD (and their replacements add none) and
    # stays inside one line, their lookarounds too (a line's edge is to them what the text's is):
    # so only the lines holding a marker are searched. (Regexes that do not start with a literal
    # character try every position of the text: slow on a whole text.) The words a match needs
    # are looked up in its line; in the whole text only for a line holding `公网安备` alone.
    hint: bool | None = None  # a word of `_BOILER_HINT_WORDS` in the text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "?" not in line and FFFD not in line:
            continue
        boiler: list[tuple[re.Pattern[str], str]] = []
        if any(w in line for w in _BOILER_HINT_WORDS):
            boiler = _BOILER if any(w in line for w in _COPYRIGHT_WORDS) else _BOILER[2:]
        elif "公网安备" in line:
            if hint is None:
                hint = any(w in text for w in _BOILER_HINT_WORDS)
            boiler = _BOILER[2:] if hint else []
        for pattern, repl in boiler:
            line = pattern.sub(repl, line)
        if "?" in line:  # every `_EDGE_MARKS` match removes a `?`
            line = _EDGE_MARKS.sub("", line)
        lines[i] = line
    text = "\n".join(lines)
    return _MULTI_SPACE.sub(" ", text).replace(" \n", "\n").strip(" ")


# --------------------------------------------------------------------------------------------
# step: spaces inside Chinese text
# --------------------------------------------------------------------------------------------

_SP_PUNCT = re.compile(f" *([{CJK_PUNCT}“‘《（〔【]) *")
_SP_HAN_NUM = re.compile(rf"(?<=[{HAN}]) (?=[0-9０-９A-Za-zＡ-Ｚａ-ｚ%％.．])|(?<=[0-9０-９A-Za-zＡ-Ｚａ-ｚ%％]) (?=[{HAN}])")
_SP_NUM_NUM = re.compile(r"(?<=[0-9０-９]) (?=[0-9０-９])")
_LETTERSPACED = re.compile(rf"(?<![{HAN}])[{HAN}](?: [{HAN}]){{2,}}(?![{HAN}])")


def fix_cjk_spaces(text: str) -> str:
    """Remove stray spaces inside Chinese text (keep one between two longer Chinese runs)."""
    if " " not in text:
        return text
    text = _SP_PUNCT.sub(r"\1", text)
    text = _SP_HAN_NUM.sub("", text)
    text = _LETTERSPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    return text


# --------------------------------------------------------------------------------------------
# step: line breaks inside a word or number
# --------------------------------------------------------------------------------------------

_BREAK_IN_NUMBER = re.compile(r"(?<=[0-9０-９])\n(?=[0-9０-９]+(?![0-9０-９]*[.．、)）]))")
_BREAK_BEFORE_CLOSING = re.compile(f"\n(?=[{_CLOSING}])")
_BREAK_AFTER_OPENING = re.compile("(?<=[“‘《（〔【「『、，])\n")


# one cheap check for all three (a literal "\n" prefix lets the regex engine skip fast)
_BREAK_ANY = re.compile(f"\n(?:(?<=[0-9０-９]\n)[0-9０-９]|[{_CLOSING}]|(?<=[“‘《（〔【「『、，]\n))")


def join_broken_lines(text: str) -> str:
    """Join a line break that falls inside a number or right before closing punctuation."""
    if not _BREAK_ANY.search(text):
        return text
    text = _BREAK_IN_NUMBER.sub("", text)
    text = _BREAK_BEFORE_CLOSING.sub("", text)
    text = _BREAK_AFTER_OPENING.sub("", text)
    return text


# --------------------------------------------------------------------------------------------
# pipeline
# --------------------------------------------------------------------------------------------

# Order matters for idempotence: steps that change the context other steps look at (line
# joins, spaces) run before the steps that read that context (mojibake runs, homoglyph
# neighbours); mojibake runs before the look-alike table (悝/仂 are GB2312 characters that a
# garbled run may contain).
STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("whitespace", normalize_whitespace),
    ("broken_lines", join_broken_lines),
    ("traditional_pinyin", strip_pinyin),
    ("traditional", convert_traditional),
    ("homoglyph", fix_traditional_chars),
    ("replacement_chars", fix_replacement_chars),
    ("cjk_spaces", fix_cjk_spaces),
    ("mojibake", fix_mojibake),
    ("homoglyph", fix_homoglyphs),
)

NOISE_OF_REPAIR: dict[str, str] = {
    "traditional_pinyin": "traditional_pinyin", "traditional": "traditional_pinyin", "homoglyph": "homoglyph",
    "mojibake": "mojibake", "replacement_chars": "replacement_chars"}


# The characters the traditional and look-alike steps act on: without one of them (the usual
# case) those steps change nothing, and one scan decides that for the three. The steps in between
# add none (they add `©`, spaces, U+FFFD; the look-alike step's own input is checked here).
MAX_PASSES = 4  #: of `clean_text` over a text with traditional or look-alike characters
_CHAR_STEPS = (convert_traditional, fix_traditional_chars, fix_homoglyphs)
_TRAD_OR_HOMO = re.compile(f"[{_char_class(set(_traditional()[1]) | set(_HOMOGLYPHS))}]")
assert _TRAD_OR_HOMO.search("© " + FFFD) is None


def clean_text(text: str) -> Cleaned:
    """Clean a raw article text (one paragraph per line); see the module docstring. A text with a traditional or
    look-alike character is passed again until a pass changes nothing (⻔（í → 门（í → 门; 仓渻仓? → 仓省仓? → U+FFFD)."""
    repairs: list[str] = []
    plain = None  # no character for `_CHAR_STEPS` (decided at the first of them)
    for _ in range(MAX_PASSES):
        start = text
        for name, step in STEPS:
            if step in _CHAR_STEPS:
                plain = _TRAD_OR_HOMO.search(text) is None if plain is None else plain
                if plain:
                    continue
            new = step(text)
            if new != text:
                repairs += [name] if name not in repairs else []
                text = new
        if plain or text == start:
            break
    return Cleaned(text=text, repairs=tuple(repairs))


def noise_labels(repairs: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The gold noise labels implied by a `Cleaned.repairs` tuple (in gold label order)."""
    found = {NOISE_OF_REPAIR[r] for r in repairs if r in NOISE_OF_REPAIR}
    order = ("traditional_pinyin", "mojibake", "homoglyph", "replacement_chars")
    return tuple(label for label in order if label in found)
