"""Whether a fetched page is the county's report column (pure): its name, what it lists, what it links.

    accepts(view, scope, county)   the verdict (see its doc)
    named_elsewhere(view)          a topic page whose scoring name is a link's to another page
    previews(view)                 a topic page listing the entries of a better-named column below it
    report_like(items, county)     how many entries are 法治政府建设 reports
    mixed_rank(view, county)       how well a list that is no column holds the county's reports
    below(view)                    the page's unnamed links to columns below it
    report_parts(view)             a per-year part's report sub-columns
    others_only(items, county)     they are, and none is the county's (a department's column)
    owned(view, county)            a page of another host is the county's (网站标识码, 主办单位)
"""

from __future__ import annotations

from urllib.parse import urlsplit

from countyreports.crawl.discover.common import ScoredLink, column_dir, is_site_root, page_key
from countyreports.crawl.discover.page import PageView
from countyreports.crawl.discover.scope import Scope
from countyreports.models import County, Link, PageKind
from countyreports.reading.classify import classify_title, county_aliases

#: a page named at least this well is the report column
REPORT_SCORE = 90
#: a topic column (法治政府建设, 依法行政 …) that lists entries and links no more specific column is the column
BROAD_SCORE = 55


def report_like(items: tuple[Link, ...], county: str) -> int:
    """Entries whose titles are 法治政府建设 reports (the county's, or a department's)."""
    kinds = (PageKind.COUNTY_REPORT, PageKind.DEPARTMENT_REPORT)
    return sum(classify_title(i.text, county) in kinds for i in items)


def mixed_rank(view: PageView, county: str) -> tuple[int, int, int]:
    """How well a list that is no column holds the county's reports: its entries that are the county's own
    reports, 法治政府建设 reports, its further pages."""
    own = sum(classify_title(i.text, county) is PageKind.COUNTY_REPORT for i in view.items)
    return own, report_like(view.items, county), len(view.next_pages)


def below(view: PageView) -> tuple[ScoredLink, ...]:
    """The page's menu links that no table scores and that lie in folders below its own (公告公示 under
    法定主动公开内容)."""
    here = column_dir(view.url)
    return tuple(s for s in view.menu if column_dir(s.url) != here and column_dir(s.url).startswith(here))


def others_only(items: tuple[Link, ...], county: str) -> bool:
    """The entries hold 法治政府建设 reports and none is the county's: a department's, a township's or the 司法局's
    column (its own report, a bureau's, a 述法 report), not the county's."""
    kinds = [classify_title(i.text, county) for i in items]
    return PageKind.DEPARTMENT_REPORT in kinds and PageKind.COUNTY_REPORT not in kinds


def owned(view: PageView, county: County) -> bool:
    """A page of another host is the county's when its 网站标识码 is under the county's code, or its owner is
    named as the county (主办单位：乡宁县人民政府办公室)."""
    if view.site_code and view.site_code.strip()[:6] == county.adcode:
        return True
    names = [n for n in county_aliases(county.county) if len(n) >= 3 or n == county.county]
    return any(n in owner for owner in view.owners for n in names)


def named_elsewhere(view: PageView, scope: Scope | None = None) -> bool:
    """The name that makes a page score is a link's to another page (a topic page previewing its sub-columns
    under their linked headings: 法治政府建设报告 › more): that page is the column, not this one."""
    here = page_key(view.url)
    return any(s.text in view.names and s.score >= view.own_score and s.url not in view.crumb_urls
               and page_key(s.url) != here and (scope is None or scope.allows(s.url))
               for s in view.candidates if s.score >= BROAD_SCORE)


def previews(view: PageView, scope: Scope | None = None) -> bool:
    """The page lists another column's entries (a topic page's preview of 法治政府建设): most of its entries lie
    in the folder of a better-named column it links, below its own — that column is the column."""
    here = column_dir(view.url)
    for s in view.candidates:
        if s.score < BROAD_SCORE or s.score <= view.score or s.url in view.crumb_urls:
            continue
        folder = column_dir(s.url)
        if folder != here and folder.startswith(here) and (scope is None or scope.allows(s.url)) \
                and 2 * sum(i.url.startswith(folder) for i in view.items) > len(view.items):
            return True
    return False


def accepts(view: PageView, scope: Scope | None = None, county: str = "", *, home: bool = False) -> bool:
    """Whether a page is the report column — never an article's page, never a page that lists nothing (no
    entries, sub-columns, further pages, list APIs or frames): a report name (its own, or the link's that led
    here); else, not on a homepage (the county's, or any site's root page), a topic name (法治政府建设) with a
    list or per-year parts (unless the list holds no 法治政府建设 report and the page links a better-named column: a topic's news),
    or a list of at least two 法治政府建设 reports, two thirds of its entries, under any name — unless it links a
    more specific column."""
    if view.is_article or not view.listy:  # an article's page; a page that lists nothing
        return False
    if named_elsewhere(view, scope) or previews(view, scope):
        return False
    if view.score >= REPORT_SCORE:
        return True
    if home or is_site_root(view.url):  # a homepage, the county's or a topic site's (fzzf.<county>.gov.cn/)
        return False

    def linked(floor: int) -> bool:
        return any(s.score >= floor and s.score > view.score and s.url not in view.crumb_urls
                   and (scope is None or scope.allows(s.url)) for s in view.candidates)

    if linked(REPORT_SCORE):
        return False
    reports = report_like(view.items, county)
    if view.score >= BROAD_SCORE and (view.items or view.subcolumns):  # its list, or its per-year parts
        return not linked(max(BROAD_SCORE, view.score + 1))  # a topic's list that links a better-named column
    return reports >= 2 and 3 * reports >= 2 * len(view.items) and not linked(BROAD_SCORE)


def report_parts(view: PageView) -> list[str]:
    """A per-year part of the column that lists nothing itself (2024年度 → 年度报告 / 述法报告 / 工作动态): its own
    sub-columns (under its path) named as the reports' column."""
    own = urlsplit(view.url)
    folder = own.path if own.path.endswith("/") else own.path.rsplit("/", 1)[0] + "/"
    return [s.url for s in view.candidates if s.score >= REPORT_SCORE and urlsplit(s.url).netloc == own.netloc
            and urlsplit(s.url).path.startswith(folder) and urlsplit(s.url).path != own.path]
