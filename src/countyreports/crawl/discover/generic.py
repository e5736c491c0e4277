"""Fallback adapter for any portal: list entries recognised by their shape, pagination by its words.

Items: links inside the page's main content (not nav/header/footer/breadcrumb/pagination/related
blocks), on the page's own host, that look like articles (article-like URL, or a date printed in
the same row). When several blocks qualify, the largest one and the blocks built like it win
(a list split into several <ul> stays whole; a sidebar of other links does not join it).

Pagination: links whose text is 下一页/尾页/... or a page number inside a pagination block.
"""

from __future__ import annotations

import re
from collections import defaultdict

from selectolax.lexbor import LexborHTMLParser, LexborNode

from countyreports.models import Family, Link, ListPage

from . import common as c

# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

#: Generic list-row selectors, tried only by family adapters that pass them; generic itself
#: works from the anchors.
ITEM_SELECTORS: tuple[str, ...] = ()

NEXT_TEXTS = frozenset(
    {"下一页", "下页", "后一页", "下一頁", "尾页", "末页", "最后一页", "尾頁", ">", ">>", "»", "›",
     "next", "Next", "NEXT", "next page", "Next Page"}
)
PREV_TEXTS = frozenset({"上一页", "上页", "前一页", "首页", "第一页", "<", "<<", "«", "‹", "prev", "Prev"})
PAGER_CONTAINER = re.compile(r"pag|fenye|pager|pages|paging|turn|fy", re.I)
TOTAL_PAGES_RE = re.compile(r"共\s*(\d+)\s*页")
CONTAINER_TAGS = ("ul", "ol", "table", "tbody", "dl", "div", "section", "td")

MIN_TITLE_LEN = 4


# --------------------------------------------------------------------------------------------


def _container(anchor: LexborNode) -> LexborNode | None:
    for anc in c.ancestors(anchor):
        if anc.tag in CONTAINER_TAGS:
            return anc
    return None


def _signature(node: LexborNode | None) -> tuple[str, str]:
    if node is None:
        return ("", "")
    return (node.tag or "", (node.attributes.get("class") or "").strip())


def row_items(
    tree: LexborHTMLParser, url: str, selectors: tuple[str, ...], hosts: frozenset[str]
) -> tuple[Link, ...]:
    """Items from list rows selected by CSS (first selector giving any item wins)."""
    base = c.base_url(tree, url)
    for sel in selectors:
        links: list[Link] = []
        for row in tree.css(sel):
            if c.in_excluded_container(row):
                continue
            for a in row.css("a[href]"):
                u = c.resolve(a.attributes.get("href"), base)
                if not u or not c.same_site(u, hosts) or u == url:
                    continue
                if not (c.is_article_url(u) or c.is_attachment(u)) and c.is_column_url(u):
                    continue  # a sub-column link inside the list block, not an entry
                links.append(Link(url=u, text=c.link_title(a), date=c.row_date(a, row)))
                break
        if links:
            return c.dedupe(links)
    return ()


def heuristic_items(tree: LexborHTMLParser, url: str, hosts: frozenset[str]) -> tuple[Link, ...]:
    """Items recognised by their shape (see the module doc). When page-chrome exclusion leaves
    nothing (a site wrapping its content in <div class="page">), ambiguous words are ignored."""
    return _heuristic_items(tree, url, hosts, True) or _heuristic_items(tree, url, hosts, False)


def _heuristic_items(tree: LexborHTMLParser, url: str, hosts: frozenset[str], ambiguous: bool) -> tuple[Link, ...]:
    base = c.base_url(tree, url)
    groups: dict[int, list[Link]] = defaultdict(list)
    sigs: dict[int, tuple[str, str]] = {}
    order: list[int] = []
    for a, u in c.anchors(tree, base):
        if u == url or not c.same_site(u, hosts) or c.in_excluded_container(a, ambiguous=ambiguous):
            continue
        row = c.row_of(a)
        date = c.row_date(a, row)
        title = c.link_title(a)
        if len(title) < MIN_TITLE_LEN:
            continue
        article = c.is_article_url(u)
        if not article:
            if c.is_attachment(u):
                if not date:
                    continue
            elif not date or c.is_column_url(u):
                continue
        box = _container(a)
        key = box.mem_id if box is not None else 0
        if key not in groups:
            order.append(key)
            sigs[key] = _signature(box)
        groups[key].append(Link(url=u, text=title, date=date))
    if not groups:
        return ()
    biggest = max(order, key=lambda k: len(groups[k]))
    sig = sigs[biggest]
    keep = [k for k in order if k == biggest or (sigs[k] == sig and len(groups[k]) >= 1)]
    return c.dedupe(link for k in keep for link in groups[k])


def page_links(tree: LexborHTMLParser, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """Further list pages named by pagination links (下一页, 尾页, page numbers)."""
    base = c.base_url(tree, url)
    out: list[str] = []
    for a, u in c.anchors(tree, base):
        if u == url or not c.same_site(u, hosts) or c.is_article_url(u) or c.is_attachment(u):
            continue
        text = c.clean(a.text()) or c.clean(a.attributes.get("title"))
        if text in PREV_TEXTS:
            continue
        in_pager = any(
            PAGER_CONTAINER.search(f"{n.attributes.get('class') or ''} {n.attributes.get('id') or ''}")
            for n in c.ancestors(a)
        )
        if text in NEXT_TEXTS or (in_pager and (text.isdigit() or text in NEXT_TEXTS)):
            if u not in out:
                out.append(u)
    return tuple(out)


def total_pages(tree: LexborHTMLParser) -> int | None:
    for node in tree.css("div, span, p, td"):
        tokens = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if PAGER_CONTAINER.search(tokens):
            m = TOTAL_PAGES_RE.search(node.text(separator=" "))
            if m:
                return int(m.group(1))
    return None


def parse_list(html: str, url: str, *, hosts: frozenset[str] = frozenset()) -> ListPage:
    tree = c.parse(html)
    scope = frozenset({c.host_of(url), *hosts})
    items = heuristic_items(tree, url, scope)
    nexts = tuple(u for u in page_links(tree, url, scope) if u not in {i.url for i in items})
    return ListPage(url=url, items=items, next_pages=nexts, family=Family.GENERIC)
