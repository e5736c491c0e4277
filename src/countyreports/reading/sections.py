"""Heading structure of a report: `split_sections(clean_text)` and `section_at(sections, offset)`.

Input is `clean_text` (one paragraph per line). A heading is a line that starts with a numbering
token; the numbering *style* decides nesting, not a fixed level table:

    style  written as                      path segment
    cn     一、 一． 一.                    一
    pcn    (一) （一）                       (一)
    ar     1. 1． 1、 １．                   1
    par    (1) （1） （１）                  (1)

The first style met is level 1; a style not yet open nests under the current heading (unless an
open heading has a style ranked below it in `_RANK`: `（一）` never opens under `1.`); a style
already open closes everything below it (a sibling).  So `一、 / 1.` gives paths `一/1` and the
usual `一、 / （一） / 1. / （1）` gives `一/(一)/1/(1)`.

A numbered line is *not* a heading when (the genre puts numbered list items in running text):
  * `一是`/`二是`/`第一` — no numbering punctuation, never matched;
  * `1.5万元…` — a decimal number, never matched;
  * (`1.`/`(1)` styles) the line ends with `；`/`;` (an item of an enumerated list);
  * it follows a body paragraph ending with `：`, its style is not open and it is one plain
    sentence (a list introduced by a colon: `主要做法如下：` / `1.开展培训15次。`); a short lead
    sentence followed by more text (`1.规范执法。全年…`) or a bare title line stays a heading;
  * its number does not continue the open sequence (a sibling must be higher than the previous
    one, by at most `_MAX_GAP`; a new child sequence must start at 1 or 2);
  * it continues a list of such non-headings (`1.…；` rejected, then `2.…`, `3.…` are items too).

Title: the text after the number; when the heading opens its paragraph
(`1.持续规范依法决策。严格执行……`), its first sentence; a short lead before `：` followed by
text also ends the title.  Trailing punctuation is dropped.

Offsets and text: `char_start` is the offset of the heading line, `char_end` the end of the
section's *own* text, i.e. up to the next heading of any level (trailing newlines excluded).
`text` is `clean_text[char_start:char_end]`: the heading line itself plus the body paragraphs
before the first sub-heading (sub-sections are NOT included; join the spans of the path prefix to
get a whole subtree).  Text before the first heading is a section with path "" and level 0
(emitted only when it is not blank); a text without any heading gives that section alone.
The spans tile the text in order, so `section_at` is a bisection on `char_start`.

Not recognised as headings (none in the gold; add a style to `_HEAD_RE`/`_RANK` if needed):
`第一部分`/`第一，`, circled numbers `①`, unnumbered bold lines.  The signature and date lines
belong to the last section's text.

Level-1 sections get `kind` (and `secondary_kind` for `存在的不足和下一步工作计划`) by the meaning of the
heading and, when it names no part, of the section's first sentences (`parts.classify_part`).
At most `limits.MAX_SECTIONS` sections (`split_sections_capped` tells when the cap was hit): the headings
after are left in the text of the last section read, so the spans still tile the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from countyreports.models import Section, SectionKind, positional
from countyreports.reading.limits import MAX_SECTIONS
from countyreports.reading.parts import body_kind, classify_part, heading_kinds

# --------------------------------------------------------------------------------------------
# numbering

_CN = "一二三四五六七八九十"
_DIGIT = "0-9０-９"
_HEAD_RE = re.compile(
    rf"""^[ \t\u3000]*(?:
        (?P<cn>[{_CN}]{{1,3}})[ \t\u3000]*(?:[、．]|\.(?![{_DIGIT}]))
      | [（(][ \t\u3000]*(?P<pcn>[{_CN}]{{1,3}})[ \t\u3000]*[)）][、．.]?
      | [（(][ \t\u3000]*(?P<par>[{_DIGIT}]{{1,2}})[ \t\u3000]*[)）][、．.]?
      | (?P<ar>[{_DIGIT}]{{1,2}})[ \t\u3000]*(?:[、．]|\.(?![{_DIGIT}]))
    )[ \t\u3000]*""",
    re.VERBOSE,
)
# the same after a "\n" (the literal "\n" first lets the regex engine skip fast from line to
# line): the token starts one character after the match
assert _HEAD_RE.pattern.startswith("^")
_HEAD_NL_RE = re.compile(r"\n" + _HEAD_RE.pattern[1:], re.VERBOSE)
#: usual order of the styles, outermost first: a style never opens under a lower-ranked one
#: (`（一）` after an open `1.` closes the `1.`), but any style may open under a higher one
_RANK = {"cn": 0, "pcn": 1, "ar": 2, "par": 3}
_MAX_GAP = 2  # a sibling number may skip one (a heading lost to page damage)

_CN_VAL = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}
_FW = str.maketrans("０１２３４５６７８９", "0123456789")

_SENT_END = "。！？!?"
_OPEN = "“‘《（(【〔「『"
_CLOSE = "”’》）)】〕」』"
_COLON = "：:"
_TRAIL = " \t\u3000。．.：:；;，,、！!？?"
_LIST_END = ("；", ";")
_COLON_LEAD_MAX = 40  # a `…：` lead this short ends the title


def _cn_small(s: str) -> int:
    """一..九十九 → int (0 when not a number)."""
    if s == "十":
        return 10
    if "十" in s:
        tens, _, units = s.partition("十")
        return (_CN_VAL.get(tens, 0) if tens else 1) * 10 + (_CN_VAL.get(units, 0) if units else 0)
    return _CN_VAL.get(s, 0) if len(s) == 1 else 0


_LABELS: dict[tuple[str, str], tuple[str, int]] = {}


def _label(style: str, raw: str) -> tuple[str, int]:
    """Path segment and integer value of a numbering token."""
    got = _LABELS.get((style, raw))
    if got is None:
        got = _LABELS[(style, raw)] = _label_of(style, raw)
    return got


def _label_of(style: str, raw: str) -> tuple[str, int]:
    if style in ("cn", "pcn"):
        seg, val = raw, _cn_small(raw)
    else:
        seg = str(int(raw.translate(_FW)))
        val = int(seg)
    return (f"({seg})" if style in ("pcn", "par") else seg), val


# the text before the first sentence end, colon or opening bracket
_PLAIN_RE = re.compile(f"[^{_SENT_END}{_COLON}{_OPEN}]*")


def heading_title(rest: str) -> str:
    """Title of a heading from the text after its number (first sentence, no final punctuation)."""
    i = _PLAIN_RE.match(rest).end()  # type: ignore[union-attr]  # (matches the empty string)
    if i == len(rest):
        return rest.strip().rstrip(_TRAIL).strip()
    if rest[i] in _SENT_END or (rest[i] in _COLON and i <= _COLON_LEAD_MAX and rest[i + 1:].strip()):
        return rest[:i].strip().rstrip(_TRAIL).strip()
    return _title_slow(rest)  # (brackets first: a stop inside them does not count)


def _title_slow(rest: str) -> str:
    depth = 0
    cut = len(rest)
    for i, ch in enumerate(rest):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            if ch in _SENT_END:
                cut = i
                break
            if ch in _COLON and i <= _COLON_LEAD_MAX and rest[i + 1:].strip():
                cut = i
                break
    return rest[:cut].strip().rstrip(_TRAIL).strip()


def classify_heading(title: str) -> tuple[SectionKind, SectionKind | None]:
    """Level-1 `kind` and `secondary_kind` from the heading title alone (`parts.classify_part`)."""
    return classify_part(title)


def split_sections(clean_text: str) -> tuple[Section, ...]:
    """Split a report's clean text into its heading sections (see module docstring), at most MAX_SECTIONS."""
    return split_sections_capped(clean_text)[0]


def split_sections_capped(clean_text: str, max_sections: int = MAX_SECTIONS) -> tuple[tuple[Section, ...], bool]:
    """`split_sections`, and whether the cap was hit: after `max_sections` sections (the text before the first
    heading counted), no heading is taken, and the last section holds the rest of the text."""
    out: list[Section] = []
    capped = False
    stack: list[tuple[str, int, str]] = []  # open headings: (style, number, path)
    colon_list = False  # inside a list introduced by a body paragraph ending with ：
    list_item: tuple[str, int] | None = None  # (style, number) of the last numbered non-heading
    # the last heading, (char_start, level, path, title): its section ends where the next one starts
    head: tuple[int, int, str, str] | None = None
    n = len(clean_text)
    pos = 0  # start of the first line not yet looked at
    # Only numbered lines can be headings: the lines between two of them (`gap`) count only
    # through their last non-blank line (does it end with a colon?) and whether there is one.
    # A "\n" put before the text makes its first line one like the others. A match starts at the
    # "\n" before its line: one character before the line in the searched string, so `m.start()`
    # is the line's offset in the text (and `m.end() - 1` the token's end).
    for m in _HEAD_NL_RE.finditer("\n" + clean_text):
        start = m.start()
        if start > pos:
            gap = clean_text[pos:start].rstrip(" \t\u3000\r\n")
            if gap:  # a body paragraph (its last character: the gap's, rstripped)
                colon_list = gap[-1] in _COLON
                list_item = None
        end = clean_text.find("\n", start)
        if end < 0:
            end = n
        pos = end + 1
        style = m.lastgroup or ""
        rest = clean_text[m.end() - 1:end]
        raw = m.group(style)
        seg, val = _LABELS.get((style, raw)) or _label(style, raw)  # (a known label: no call)
        accepted = _accept(style, val, rest, stack, colon_list)
        if accepted is not None and list_item is not None and list_item == (style, val - 1):
            accepted = None  # the next item of a numbered list in running text
        if accepted is not None and (len(out) + 2 if head is not None
                                     else 1 + bool(clean_text[:start].rstrip(_SPACE))) > max_sections:
            capped = True  # one more would pass the cap: the rest of the text stays in the open section
            break
        if accepted is None:
            list_item = (style, val)
            if not colon_list:
                body = clean_text[start:end].rstrip(" \t\u3000\r")
                colon_list = bool(body) and body[-1] in _COLON
            continue
        del stack[accepted:]
        path = f"{stack[-1][2]}/{seg}" if stack else seg
        stack.append((style, val, path))
        if head is not None:  # the section of the previous heading ends here
            out.append(_section(clean_text, head, start))
        else:  # the text before the first heading, unless blank
            own = clean_text[:start].rstrip(_SPACE)
            if own:
                out.append(_SECTION("", 0, "", own, None, None, 0, len(own)))
        head = (start, len(stack), path, heading_title(rest))
        colon_list = False
        list_item = None
    if head is not None:
        out.append(_section(clean_text, head, n))
    else:  # no heading: the whole text (even blank)
        own = clean_text.rstrip(_SPACE)
        out.append(_SECTION("", 0, "", own, None, None, 0, len(own)))
    return _with_kinds(clean_text, out), capped


def _accept(style: str, val: int, rest: str, stack: list[tuple[str, int, str]],
            colon_list: bool) -> int | None:
    """The stack depth to cut at when this numbered line (number `val`) is a heading."""
    body = rest.rstrip(" \t\u3000\r")
    if not body or body[0] in _TRAIL:
        return None
    if val <= 0:
        return None
    depth = -1
    for i, open_ in enumerate(stack):
        if open_[0] == style:
            depth = i
            break
    if depth >= 0:  # a sibling of an open heading
        prev = stack[depth][1]
        if not prev < val <= prev + _MAX_GAP:
            return None
    else:  # a new level: under the open headings of a higher-ranked style
        if val > _MAX_GAP:
            return None
        if style in ("ar", "par") and (body.endswith(_LIST_END) or (
                colon_list and body[-1] in _SENT_END and not _looks_titled(body))):
            return None
        rank = _RANK[style]
        depth = len(stack)
        for i, open_ in enumerate(stack):
            if _RANK[open_[0]] > rank:
                depth = i
                break
    if style in ("ar", "par") and body.endswith(_LIST_END) and depth == len(stack) - 1 \
            and not _looks_titled(body):
        return None
    return depth


def _looks_titled(body: str) -> bool:
    """`持续规范依法决策。严格执行……；` — a short lead sentence before the rest."""
    cut = heading_title(body)
    return len(cut) < len(body.rstrip(_TRAIL)) and len(cut) <= _COLON_LEAD_MAX


_SECTION = positional(Section)  # Section(...) with every field given, in order
_SPACE = "\n\r \t\u3000"  # trimmed off the end of a section's text


def _section(text: str, head: tuple[int, int, str, str], stop: int) -> Section:
    """The section of `head` (char_start, level, path, title), its text up to `stop` (the next
    heading's start, or the text's end) less the trailing blanks; level 1 gets the kinds its heading
    names (`_with_kinds` reads the others from their first sentences)."""
    start, level, path, title = head
    own = text[start:stop].rstrip(_SPACE)
    kinds = heading_kinds(title) if level == 1 else None
    kind, secondary = kinds if kinds is not None else (None, None)
    return _SECTION(path, level, title, own, kind, secondary, start, start + len(own))


def _with_kinds(text: str, sections: list[Section]) -> tuple[Section, ...]:
    """The sections, each level-1 section without kinds given the kind of its first sentences (the text after
    its heading line, up to the next level-1 heading: its subsections' too)."""
    heads = [i for i, s in enumerate(sections) if s.level == 1]
    for k, i in enumerate(heads):
        s = sections[i]
        if s.kind is not None:
            continue
        body_start = text.find("\n", s.char_start)
        stop = sections[heads[k + 1]].char_start if k + 1 < len(heads) else len(text)
        body = text[body_start + 1:stop] if 0 <= body_start < stop else ""
        sections[i] = _SECTION(s.path, s.level, s.title, s.text, body_kind(body), None, s.char_start, s.char_end)
    return tuple(sections)


def section_at(sections: tuple[Section, ...] | list[Section], offset: int) -> str:
    """Path of the section holding character `offset` of the clean text ("" before any heading)."""
    if not sections:
        return ""
    i = bisect_right(sections, offset, key=lambda s: s.char_start)
    return sections[i - 1].path if i > 0 else ""
