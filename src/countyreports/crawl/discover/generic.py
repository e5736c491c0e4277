"""The generic reader, for any portal: a list of any shape (`listing`), records its scripts hold or assign
(`scripts`), and pages of any kind (`pager`). The family adapters fall back on it; with adapters off it is
the only reader."""

from __future__ import annotations

from typing import Iterable

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.answers import continuations, data_pages
from countyreports.crawl.discover.listing import list_items
from countyreports.crawl.discover.pager import page_links, script_pages
from countyreports.crawl.discover.scripts import fragment_items, script_records
from countyreports.models import Family, ListPage


def parse_list(html: str, url: str, *, hosts: Iterable[str] = (), tree: c.LexborHTMLParser | None = None,
               shapes: frozenset[str] | None = None) -> ListPage:
    """Entries of a list page and the further pages of the same list (pager links, script pagers, a data
    store's next group or paging numbers, "load more" controls: `answers`)."""
    tree = c.parse(html) if tree is None else tree
    scope = frozenset({c.host_of(url), *hosts})
    items = list_items(tree, url, scope, shapes) or fragment_items(html, url, scope) or script_records(html, url, scope)
    seen = {i.url for i in items}
    nexts: list[str] = []
    for u in (*page_links(tree, url, scope), *script_pages(html, url), *data_pages(html, url, scope),
              *continuations(tree, url, scope)):
        if u not in nexts and u not in seen:
            nexts.append(u)
    return ListPage(url=url, items=items, next_pages=tuple(nexts), family=Family.GENERIC)
