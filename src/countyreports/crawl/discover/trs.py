"""TRS WCM family (拓尔思): /zwgk/fzzfjs/index.html columns, t20240119_2496558.html articles.

List pages are static: index.html, index_1.html, ... index_{n-1}.html, announced by the
pagination script `createPageHTML(countPage, currentPage, "index", "html")` (newer templates:
`createPageHTML("page_div", countPage, currentPage, "index", "html", total)`, sometimes with the
numbers in `var countPage = 3` / `var currentPage = 0`).
"""

from __future__ import annotations

import re

from countyreports.models import Family, ListPage

from . import common as c
from . import listing, pager

# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

#: (pattern over the html, weight) — evidence that a page is TRS-made.
HTML_SIGNALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"createPageHTML\s*\("), 6),
    (re.compile(r"TRS_Editor|TRS_UEDITOR|trs_word|TRSWCM", re.I), 6),
    (re.compile(r"href=\"[^\"]*/t\d{8}_\d+(?:_\d+)?\.s?html?\""), 1),
    (re.compile(r"/P0\d{17,}\.(?:pdf|docx?|xlsx?)"), 2),
)
#: (pattern over the url, weight)
URL_SIGNALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"/t\d{8}_\d+(?:_\d+)?\.s?html?$"), 6),
    (re.compile(r"/index(?:_\d+)?\.s?html?$"), 1),
)

ITEM_SELECTORS: tuple[str, ...] = (
    "ul.list li", ".list li", ".news_list li", ".news-list li", ".list_con li", ".listcon li",
    ".list-con li", ".zwgk_list li", ".xxgk_list li", ".gl_list li", ".con_list li", ".lb li",
    "table.list tr",
)

PAGE_SCRIPT = re.compile(r"(?<!function )\bcreatePageHTML\s*\(([^)]*)\)")
COUNT_VAR = re.compile(r"\b(?:countPage|pageCount|totalPage|page_count)\s*=\s*['\"]?(\d+)")
CURRENT_VAR = re.compile(r"\b(?:currentPage|curPage|page_current)\s*=\s*['\"]?(\d+)")
MAX_PAGES = 200


def _args(raw: str) -> list[str]:
    return [a.strip().strip("'\"").strip() for a in raw.split(",")]


def page_urls(html: str, url: str) -> tuple[str, ...]:
    """Other list pages of the column announced by createPageHTML (all but the current one)."""
    for m in PAGE_SCRIPT.finditer(html):
        args = _args(m.group(1))
        if len(args) >= 5 and not args[0].isdigit() and not _assigned(args[0], html):
            args = args[1:]  # createPageHTML("page_div", count, current, prefix, ext, total)
        if len(args) < 2:
            continue
        count = _number(args[0], COUNT_VAR, html)
        current = _number(args[1], CURRENT_VAR, html)
        if count is None or current is None or count <= 1:
            continue
        prefix = args[2] if len(args) > 2 and args[2] else "index"
        ext = args[3] if len(args) > 3 and args[3] else "html"
        folder = c.column_dir(url)
        pages = [
            f"{folder}{prefix}.{ext}" if i == 0 else f"{folder}{prefix}_{i}.{ext}"
            for i in range(min(count, MAX_PAGES))
        ]
        return tuple(p for i, p in enumerate(pages) if i != current)
    return ()


def _assigned(name: str, html: str) -> bool:
    return name.isidentifier() and re.search(rf"\b{re.escape(name)}\s*=\s*['\"]?\d", html) is not None


def _number(arg: str, var: re.Pattern[str], html: str) -> int | None:
    if arg.isdigit():
        return int(arg)
    m = re.search(rf"\b{re.escape(arg)}\s*=\s*['\"]?(\d+)", html) if arg.isidentifier() else None
    if m:
        return int(m.group(1))
    m = var.search(html)
    return int(m.group(1)) if m else None


def parse_list(html: str, url: str, *, hosts: frozenset[str] = frozenset()) -> ListPage:
    tree = c.parse(html)
    scope = frozenset({c.host_of(url), *hosts})
    items = listing.row_items(tree, url, ITEM_SELECTORS, scope) or listing.list_items(tree, url, scope)
    nexts = list(page_urls(html, url))
    for u in pager.page_links(tree, url, scope):
        if u not in nexts:
            nexts.append(u)
    return ListPage(url=url, items=items, next_pages=tuple(nexts), family=Family.TRS)
