"""The main text container of an article page → its paragraphs (``Article.paragraphs``; pure functions over a
parsed selectolax tree, used by countyreports.reading.article).

Conventions (raw text, *not* cleaned: no 繁→简, no pinyin removal):

* one item per block element (``<p>``, ``<li>``, ``<h1-6>``, leaf ``<div>``...) of the main container,
  in document order; inline markup is joined without separator (``<span>20</span><span>984</span>户`` →
  ``20984户``); a ``<br>`` inside a paragraph is a soft break (joined, no newline) unless the text after
  it starts with an indentation (U+3000 / nbsp / ensp), which old editors use as paragraph break;
* leading/trailing whitespace (incl. U+3000, nbsp, ensp, zero-width) is stripped; source line breaks
  inside a paragraph are dropped; empty paragraphs are skipped;
* a data table gives one line per row, cells joined with ``"\\t"``; a layout table (cells holding
  ``<p>``/``<div>``) is read as a container;
* a container nested `limits.MAX_DEPTH` containers deep is read as one block (its text, joined);
* ``<style>``/``<script>``/hidden elements are dropped, and so are page-furniture lines inside the
  container (打印本页/关闭窗口, 相关文章, 主办/承办/ICP备/网站标识码 ...), and a first paragraph that
  repeats the article title.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from countyreports.reading import pagemeta as M
from countyreports.reading import query as Q
from countyreports.reading import selectors as S
from countyreports.reading.limits import MAX_DEPTH

__all__ = ["paragraphs"]

_INDENT_AFTER_BR = re.compile(r"^[\u3000\xa0\u2002\u2003]{2}|^ {4}")
_BR = "\x00"


# ---------------------------------------------------------------- text helpers


class _Marks:
    """Per-container facts computed once (instead of one css() query per node), keyed by ``mem_id``:

    * ``blocks`` / ``nested`` — elements having a descendant (not themselves) that is a block element /
      a ``<p>``, ``<div>``, ``<table>`` or ``<li>``;
    * ``brs`` — the number of ``<br>`` in the element's subtree, itself included, capped at 3.
    """

    __slots__ = ("blocks", "nested", "brs", "deep")

    def __init__(self, container: LexborNode, elements: list[LexborNode], tags: list[str | None]) -> None:
        """``elements``: the container's subtree in document order, the container first; ``tags``: theirs."""
        cid = container.mem_id
        blocks = [(n, t) for n, t in zip(elements[1:], tags[1:]) if t in S.BLOCK_TAGS]
        self.blocks, self.nested = _ancestors_of(blocks, cid)
        brs: dict[int, int] = {}
        if "br" in tags:
            for br, t in zip(elements, tags):
                if t != "br":
                    continue
                node: LexborNode | None = br
                while node is not None:
                    m = node.mem_id
                    n = brs.get(m, 0)
                    if n >= 3:
                        break  # capped: every ancestor has at least as many
                    brs[m] = n + 1
                    if m == cid:
                        break
                    node = node.parent
        self.brs = brs
        self.deep = False  # a container nested deeper than MAX_DEPTH was read as one block


def _ancestors_of(blocks: list[tuple[LexborNode, str]], cid: int) -> tuple[set[int], set[int]]:
    """mem_ids of the ancestors, up to the container (whose mem_id is cid), of the block elements, and of
    those of them in `_NESTED`: one walk up from each element, stopped where an earlier walk went on."""
    above: set[int] = set()
    nested: set[int] = set()
    for child, tag in blocks:
        mark_nested = tag in _NESTED
        node = child.parent
        while node is not None:
            m = node.mem_id
            if m in above and (not mark_nested or m in nested):
                break  # (and so are all its ancestors)
            above.add(m)
            if mark_nested:
                nested.add(m)
            if m == cid:
                break
            node = node.parent
    return above, nested


def _block_text(node: LexborNode, split_br: bool, marks: _Marks, mem_id: int | None = None) -> list[str]:
    """Text of a leaf block; <br> joins (soft break) unless followed by indentation or split_br.
    (`mem_id`: the node's, when the caller has it.)"""
    if (node.mem_id if mem_id is None else mem_id) not in marks.brs:
        t = M.tidy(node.text(deep=True))
        return [t] if t else []
    parts: list[str] = []
    for n in node.traverse(include_text=True):
        tag = n.tag
        if tag == "-text":
            parts.append(n.text_content or "")
        elif tag == "br":
            parts.append(_BR)
    return _join_pieces("".join(parts).split(_BR), split_br)


def _join_pieces(pieces: list[str], split_br: bool) -> list[str]:
    """Rejoin text split at <br>s: a piece starting with an indentation opens a paragraph; the other
    breaks are soft (joined) unless split_br and no piece at all is indented."""
    if len(pieces) == 1:
        t = M.tidy(pieces[0])
        return [t] if t else []
    if split_br and any(_INDENT_AFTER_BR.match(p) for p in pieces[1:]):
        split_br = False  # the page marks its paragraphs by indentation: other <br>s are soft
    out: list[str] = []
    cur = pieces[0] if pieces else ""
    for piece in pieces[1:]:
        if split_br or _INDENT_AFTER_BR.match(piece):
            out.append(cur)
            cur = piece
        else:
            cur = cur.rstrip(" \t\r\n") + piece.lstrip(" \t\r\n")
    out.append(cur)
    return [t for t in (M.tidy(p) for p in out) if t]


_NESTED = frozenset({"p", "div", "table", "li"})  # a paragraph tag holding one of these is read as a container


def _table_rows(table: LexborNode, out: list[str], marks: _Marks, depth: int) -> None:
    if Q.css_first(table, "td p, td div, th p, th div, td table") is not None:
        # Layout table: cells are containers.
        for cell in Q.css(table, "td, th"):
            if len(Q.css(cell, "td, th")) == 1:  # innermost cells only (css() includes the cell)
                _emit(cell, out, False, marks, depth + 1)
        return
    for row in Q.css(table, "tr"):
        cells = [M.tidy(c.text(deep=True)) for c in row.iter(include_text=False) if c.tag in ("td", "th")]
        line = "\t".join(c for c in cells if c)
        if line:
            out.append(line)


def _flush(inline: list[str], out: list[str]) -> None:
    """Append the paragraph(s) of a run of inline text (pieces, with _BR for each <br>)."""
    text = "".join(inline)
    if _BR in text:
        out.extend(_join_pieces(text.split(_BR), split_br=True))
    else:
        t = M.tidy(text)
        if t:
            out.append(t)


def _emit(container: LexborNode, out: list[str], top: bool, marks: _Marks, depth: int = 0) -> None:
    """Append the paragraphs of a container (an element with block children, or a leaf); a container nested
    MAX_DEPTH containers deep is read as one block (its text kept, `marks.deep` set)."""
    cid = container.mem_id
    if depth >= MAX_DEPTH and cid in marks.blocks:
        marks.deep = True
        t = M.tidy(container.text(deep=True))
        if t:
            out.append(t)
        return
    if cid not in marks.blocks:
        many_br = marks.brs.get(cid, 0) >= 3 and container.tag not in S.PARAGRAPH_TAGS
        out.extend(_block_text(container, many_br and top, marks, cid))
        return
    blocks, nested, brs = marks.blocks, marks.nested, marks.brs
    inline: list[str] = []
    for child in container.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            inline.append(child.text_content or "")
        elif tag == "br":
            inline.append(_BR)
        elif tag in S.BLOCK_TAGS:
            if inline:
                if len(inline) > 1 or inline[0].strip(M.STRIP):  # (else: only whitespace, no paragraph)
                    _flush(inline, out)
                inline = []
            if tag == "table":
                _table_rows(child, out, marks, depth)
                continue
            if tag == "hr":
                continue
            mid = child.mem_id
            if tag in S.PARAGRAPH_TAGS and mid not in nested:
                if mid in brs:
                    out.extend(_block_text(child, False, marks, mid))
                else:  # the usual paragraph: _block_text, inline
                    t = M.tidy(child.text(deep=True))
                    if t:
                        out.append(t)
            elif mid in blocks:
                _emit(child, out, False, marks, depth + 1)
            else:
                out.extend(_block_text(child, brs.get(mid, 0) >= 3, marks, mid))
        elif tag in ("-comment", "img"):
            continue
        else:
            # Inline element in a mixed container: keep its text (with its <br>s) in the inline run.
            if child.mem_id not in brs:
                inline.append(child.text(deep=True))
            else:
                for n in child.traverse(include_text=True):
                    if n.tag == "-text":
                        inline.append(n.text_content or "")
                    elif n.tag == "br":
                        inline.append(_BR)
    if inline:
        _flush(inline, out)


def _boilerplate(p: str) -> bool:
    """Page furniture (`S.BOILERPLATE_LINE`), tested as an anchored match plus a word search, each only when
    the characters it needs are there."""
    if len(p) > 120:
        return False
    d = S.PINYIN_NOTE.sub("", p) if "(" in p else p  # M.depinyin, inline
    if (d[:1] in _BOILER_FIRST or d[:1].isspace()) and S.BOILERPLATE_START.match(d) is not None:
        return True
    return ("I" in d or "识" in d or "識" in d or "安" in d) and S.BOILERPLATE_WORD.search(d) is not None


#: the first characters of the `S.BOILERPLATE_STARTS` matches (or a space); every `S.BOILERPLATE_WORDS` holds
#: I, 识, 識 or 安
_BOILER_FIRST = frozenset("【[打关關返收分相主承协協技字扫掃上下浏瀏阅閱")


def paragraphs(container: LexborNode, title: str) -> tuple[tuple[str, ...], bool]:
    """The paragraphs of the main container (see the module docstring), and whether a part nested deeper than
    MAX_DEPTH was read as one block."""
    elements = list(container.traverse())  # the container and its elements, in document order
    tags = [n.tag for n in elements]
    dropped = [] if S.DROP_TAG_NAMES.isdisjoint(tags) else [i for i, t in enumerate(tags) if t in S.DROP_TAG_NAMES]
    spans: list[tuple[int, int]] = []  # [start, end) of each dropped subtree in `elements` (preorder)
    for i in dropped:
        if not spans or i >= spans[-1][1]:  # (not inside an earlier one)
            spans.append((i, i + sum(1 for _ in elements[i].traverse())))
    for i in dropped:
        elements[i].decompose()
    hidden = Q.css(container, S.HIDDEN)  # (queried once the dropped elements are gone)
    for node in hidden:
        node.decompose()
    if hidden:
        elements = list(container.traverse())
        tags = [n.tag for n in elements]
    elif spans:  # what a new traversal would give: the elements outside the dropped subtrees
        bounds = [0, *(i for span in spans for i in span), len(elements)]
        kept = list(zip(bounds[::2], bounds[1::2]))  # the runs [a, b) between the dropped subtrees
        elements = [n for a, b in kept for n in elements[a:b]]
        tags = [t for a, b in kept for t in tags[a:b]]
    out: list[str] = []
    marks = _Marks(container, elements, tags)
    _emit(container, out, True, marks)
    paras = [p for p in out if not _boilerplate(p)]
    if paras and title and M.key(paras[0]) == M.key(title):
        paras = paras[1:]
    return tuple(paras), marks.deep


