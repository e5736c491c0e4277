"""Provincial intensive platform family (省级集约化平台): numeric column paths.

Columns: /91834/11530/86617/list.html (list pages list.html, list_2.html, ... list_N.html, page
k is list_k.html), section pages /91834/11530/index.html, articles .../content_1934952.html,
attachments /91834/attach/0/xxxx.docx. Pagination block: `共2页 第1页 下一页`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from countyreports.models import Family, ListPage

from . import common as c
from . import listing, pager

# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

HTML_SIGNALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"href=\"[^\"]*/\d{4,6}/\d{4,6}/(?:\d{4,6}/)*(?:list(?:_\d+)?|index)\.html\""), 2),
    (re.compile(r"href=\"[^\"]*/\d{4,6}/(?:\d{4,6}/)+content_\d+(?:_\d+)?\.html\""), 2),
    (re.compile(r"/\d{4,6}/attach/\d+/"), 2),
)
URL_SIGNALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^/\d{4,6}/(?:\d{4,6}/)*(?:list(?:_\d+)?\.html|index\.html|content_\d+(?:_\d+)?\.html)$"), 6),
)

ITEM_SELECTORS: tuple[str, ...] = (
    "ul.list li", ".list li", ".news-list li", ".news_list li", ".xxgk-list li", ".xxgk_list li",
    ".list-box li", "table.list tr",
)

LIST_PAGE = re.compile(r"/list(?:_(\d+))?\.html$")
MAX_PAGES = 200


def page_urls(html: str, url: str) -> tuple[str, ...]:
    """All list pages of the column named by `共N页` (list.html, list_2.html, ... list_N.html)."""
    path = urlsplit(url).path
    m = LIST_PAGE.search(path)
    if not m:
        return ()
    current = int(m.group(1) or 1)
    total = pager.total_pages(c.parse(html))
    if not total or total <= 1:
        return ()
    folder = c.column_dir(url)
    pages = [f"{folder}list.html" if k == 1 else f"{folder}list_{k}.html" for k in range(1, min(total, MAX_PAGES) + 1)]
    return tuple(p for k, p in enumerate(pages, start=1) if k != current)


def parse_list(html: str, url: str, *, hosts: frozenset[str] = frozenset()) -> ListPage:
    tree = c.parse(html)
    scope = frozenset({c.host_of(url), *hosts})
    items = listing.row_items(tree, url, ITEM_SELECTORS, scope) or listing.list_items(tree, url, scope)
    nexts = list(pager.page_links(tree, url, scope))
    for u in page_urls(html, url):
        if u not in nexts:
            nexts.append(u)
    return ListPage(url=url, items=items, next_pages=tuple(nexts), family=Family.PLATFORM)
