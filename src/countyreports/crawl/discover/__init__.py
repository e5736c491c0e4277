"""Discovery: from a county homepage to its 法治政府建设年度报告 column and the column's entries (pure: no I/O).

    search.ColumnSearch   the budgeted best-first search and the list walk, a state machine that
                          `countyreports.crawl.column` drives with the fetcher (the only crawler)
    exchange              what the search asks (Ask) and is answered (Answer), and the pages it tried
    page.read_page        one page as the search sees it: names and score, scored links, its list,
                          sub-columns, entries, list APIs, search forms, identity
    names                 column names and their scores, in context (法治政府建设 › 年度报告)
    listing               list entries of any shape;  pager: pages of any kind;  scripts: lists in scripts
                          and JSON (trees of columns too);  variants: a list's year views and form pages;
                          forms: the site's GET search form;  scope: the county's own site
    generic               the generic reader (listing + scripts + pager), any portal
    trs, hanweb, platform, gkmlpt    the CMS-family adapters (setting `adapters`): speed, not recall
    keywords              the tables (column words, URL shapes, containers, dates), as data

The functions below are the page-level entry points the tests and the adapters share.
"""

from __future__ import annotations

from typing import Iterable

from countyreports.crawl.discover import common
from countyreports.crawl.discover.acceptance import BROAD_SCORE, REPORT_SCORE, accepts
from countyreports.crawl.discover.common import ScoredLink
from countyreports.crawl.discover.page import PageView, detect_family, read_page
from countyreports.crawl.discover.search import MIN_SCORE
from countyreports.models import Link, ListPage

__all__ = [
    "BROAD_SCORE", "MIN_SCORE", "REPORT_SCORE", "PageView", "ScoredLink", "article_links", "column_candidates",
    "column_name", "detect_family", "is_report_column", "parse_list", "read_page",
]


def column_candidates(html: str, url: str, *, hosts: Iterable[str] = ()) -> list[ScoredLink]:
    """Links of a page that may lead to the report column, best first, on the page's host or `hosts`."""
    scope = {common.host_of(url), *hosts}
    return [s for s in read_page(html, url).candidates if common.same_site(s.url, scope)]


def column_name(html: str, url: str) -> str | None:
    """The page's own column name: meta ColumnName, else the last breadcrumb item, else its list title, else the
    first part of <title>."""
    names = read_page(html, url).names
    return names[0] if names else None


def is_report_column(html: str, url: str) -> bool:
    """True when this page IS the report column (see `search.accepts`)."""
    return accepts(read_page(html, url))


def article_links(html: str, url: str, *, hosts: Iterable[str] = ()) -> tuple[Link, ...]:
    """Every entry-like link of any page (homepage news blocks, parent columns, headlines)."""
    return read_page(html, url, hosts=frozenset(hosts)).articles


def parse_list(html: str, url: str, *, hosts: Iterable[str] = (), adapters: bool = True) -> ListPage:
    """Entries of a list page and the further pages of the same list (family adapter first when `adapters`,
    the generic reader otherwise)."""
    view = read_page(html, url, hosts=frozenset(hosts), adapters=adapters)
    return ListPage(url=url, items=view.items, next_pages=view.next_pages, family=view.family)
