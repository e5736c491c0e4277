"""Clickable elements that are not anchors (pure): a list row opened by a script (``<li onclick="location.href=…">``,
``<tr data-href>``, ``<div onclick="window.open(…)">``), a button; what such a row says. `common.anchors` yields
them with the anchors (an image map's ``<area>`` is an anchor)."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from countyreports.crawl.discover.keywords import DATE_RE


def _clean(text: str | None) -> str:
    return " ".join((text or "").replace("\u3000", " ").split())


#: the attributes that name a row's URL when it has no href
LINK_ATTRS = ("data-href", "data-url")
_NOT_ROWS = frozenset({"a", "area", "select", "option", "input", "form", "body", "html", "img", "script"})
_ROW_TITLE = "h1, h2, h3, h4, h5, h6, [class*=title], [class*=tit]"


def is_scripted_row(node: LexborNode) -> bool:
    """Whether a link node is an element that is its own list row (a row opened by a script), not an anchor."""
    return node.tag not in _NOT_ROWS


def said(node: LexborNode) -> str:
    """What a link node says: an anchor's text; a scripted row's heading, else its longest cell (a table
    row's 名称 among its 索引号 and 发布日期)."""
    if not is_scripted_row(node):
        return node.text(separator=" ")
    head = node.css_first(_ROW_TITLE)
    if head is not None and _clean(head.text()):
        return head.text(separator=" ")
    cells = [_clean(n.text(separator=" ")) for n in node.iter() if n.tag not in ("-text", "script")]
    cells = [t for t in cells if not DATE_RE.fullmatch(t.strip("[]()（） "))]
    return max(cells, key=len) if cells else node.text(separator=" ")
