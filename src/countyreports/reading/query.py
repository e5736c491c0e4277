"""CSS queries over parsed pages, with one selector engine per thread (used by countyreports.reading.article/pagemeta).

``node.css(q)`` and ``tree.css(q)`` use a selector engine that selectolax makes for each parsed document at
its first query: setting it up (and freeing it with the document) costs about as much as a query. These
functions answer the same with one engine per thread, made once. A thread's engine answers one query at a
time, so the threads that parse pages never share one.
"""

from __future__ import annotations

import threading

from selectolax.lexbor import LexborCSSSelector, LexborHTMLParser, LexborNode

_local = threading.local()


def _engine() -> LexborCSSSelector:
    try:
        return _local.engine  # type: ignore[no-any-return]
    except AttributeError:
        _local.engine = LexborCSSSelector()
        return _local.engine  # type: ignore[no-any-return]


def css(node: LexborNode | LexborHTMLParser, query: str) -> list[LexborNode]:
    """``node.css(query)``: the matches in `node`'s subtree, `node` included, in document order."""
    root = node.root if isinstance(node, LexborHTMLParser) else node
    return [] if root is None else _engine().find(query, root)


def css_first(node: LexborNode | LexborHTMLParser, query: str) -> LexborNode | None:
    """``node.css_first(query)``: the first match in document order, or None."""
    root = node.root if isinstance(node, LexborHTMLParser) else node
    if root is None:
        return None
    found = _engine().find_first(query, root)  # type: ignore[attr-defined]  # (cpdef, not in the stubs)
    return found[0] if found else None
