"""Tag nesting of an HTML page, measured before it is parsed and flattened beyond a cap (pure functions).

An HTML parser keeps a stack of the open elements and looks through it at many tags ("has an element in
scope"), so its time grows with the number of tags times their depth: lexbor takes about a minute for 100,000
nested ``<div>`` (and has crashed on such pages), and a page of 200,000 tags that are never closed is as bad.
Real pages nest a few dozen deep.

    flatten(html, max_depth, max_tags) -> (html, deepest, cut)
                      # the tags nested deeper than max_depth removed (text kept), the page cut after max_tags
    needs_scan(html_or_utf8) -> bool                # more than SCAN_TAGS "<": worth measuring

The depth is counted the simple way, in one pass: a start tag of an element that is not void (``br``,
``img``…) and whose end tag is not optional (``p``, ``li``, ``td``…: the parser closes those by itself) opens a
level; an end tag closes its element and whatever is open inside it; a stray end tag is ignored. Comments and
``script``, ``style``, ``textarea``, ``title`` and the like are kept whole (their content is text, as for the
parser); ``<x/>`` closes itself inside ``svg`` and ``math`` only, as for the parser. A start tag met when `max_depth` levels are open is removed, and so is its end tag; what they enclosed
stays, one level up. The tree the parser then builds is at most a few times `max_depth` deep (tables and lists
add the levels of their optional-end rows and items).

The parser's memory grows with the number of elements (lexbor: ~300 bytes each; a 5 MB page of ``<p>x`` holds
1.2 million): the page is cut before its start tag number `max_tags` + 1, whatever the nesting.

A page with at most SCAN_TAGS "<" cannot keep the parser long whatever its nesting (measured: 4,096 nested
tags take lexbor ~15 ms), and the main-text walk caps its own depth (reading.paragraphs), so such a page — every
page of the bundled snapshot, the largest has ~900 — is not scanned: the cap costs them one count of "<".
"""

from __future__ import annotations

import re

from countyreports.reading.limits import MAX_DEPTH, MAX_TAGS

__all__ = ["SCAN_TAGS", "flatten", "needs_scan"]

SCAN_TAGS = 4096

# void elements and elements whose end tag the parser may imply: they never hold a level open here
_FLAT = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    "keygen", "basefont", "bgsound", "frame", "image",
    "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "colgroup", "caption", "option",
    "optgroup", "rb", "rt", "rp", "rtc", "html", "head", "body",
})
# elements whose content is text to the parser, up to their own end tag
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"})
_RAW_END = {name: re.compile(f"</{name}", re.IGNORECASE) for name in _RAW}
_MARK = re.compile(r"<(?:(!--)|(/?)([A-Za-z][^\s/>]*))")


def needs_scan(page: str | bytes) -> bool:
    """Could `page` nest deeper than any cap worth having? (More than SCAN_TAGS "<".)"""
    return page.count(b"<" if isinstance(page, bytes) else "<") > SCAN_TAGS  # type: ignore[arg-type]


def flatten(html: str, max_depth: int = MAX_DEPTH, max_tags: int = MAX_TAGS) -> tuple[str, int, bool]:
    """`html` with the start and end tags nested deeper than `max_depth` removed and cut before its start tag
    number `max_tags` + 1 (see the module docstring); the deepest nesting counted; whether it was cut. `html`
    itself when neither cap is hit."""
    tags = 0
    cut_at = -1
    stack: list[str] = []  # the names of the open (kept) elements
    opened: dict[str, int] = {}  # how many of each name are in `stack`
    dropped: dict[str, int] = {}  # start tags removed whose end tag has not come yet, by name
    n_dropped = 0
    deepest = 0
    cuts: list[int] = []  # start, end of each tag removed
    pos = 0
    n = len(html)
    while pos < n:
        m = _MARK.search(html, pos)
        if m is None:
            break
        if m.group(1):  # a comment: to its end (an unclosed comment runs to the end of the page)
            end = html.find("-->", m.end())
            pos = n if end < 0 else end + 3
            continue
        if not m.group(2):
            tags += 1
            if tags > max_tags:  # the rest of the page is not read
                cut_at = m.start()
                break
        gt = html.find(">", m.end())
        end = n if gt < 0 else gt + 1
        pos = end
        name = m.group(3).lower()
        if name in _FLAT:
            continue
        if name in _RAW:  # holds text, not tags, up to its end tag: never nests, never dropped
            if not m.group(2):
                close = _RAW_END[name].search(html, pos)
                pos = n if close is None else close.start() + 2
            continue
        if m.group(2):  # an end tag
            if dropped.get(name):
                dropped[name] -= 1
                n_dropped -= 1
                cuts += (m.start(), end)
            elif opened.get(name):
                while True:
                    top = stack.pop()
                    opened[top] -= 1
                    if top == name:
                        break
                if n_dropped and len(stack) < max_depth:  # what was dropped inside it is closed with it
                    dropped.clear()
                    n_dropped = 0
            continue
        if html[end - 2:end] == "/>" and (opened.get("svg") or opened.get("math")):
            continue  # self-closed: in SVG and MathML only (an HTML element stays open)
        if len(stack) >= max_depth:
            dropped[name] = dropped.get(name, 0) + 1
            n_dropped += 1
            cuts += (m.start(), end)
            deepest = max(deepest, len(stack) + n_dropped)
        else:
            stack.append(name)
            opened[name] = opened.get(name, 0) + 1
            deepest = max(deepest, len(stack))
    if cut_at >= 0:
        n = cut_at
    if not cuts:
        return (html if cut_at < 0 else html[:n]), deepest, cut_at >= 0
    kept = [html[a:b] for a, b in zip([0, *cuts[1::2]], [*cuts[::2], n], strict=True)]
    return "".join(kept), deepest, cut_at >= 0
