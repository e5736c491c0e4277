"""The report column of a county: the column search (`discover.search.ColumnSearch`, the one crawler) driven with
the county's fetcher, from what earlier runs know.

* a remembered column (or the registry's ``column_url``) is asked first, conditionally: unchanged, nothing more
  is asked; changed, its lists are walked; unreadable, the column is searched again from the homepage;
* a county whose last search found no column is searched again only when its homepage changed (a conditional
  request) or after `search_retry_days`; otherwise the run costs it that one request;
* the homepage is tried at its registry URL, then at its alternates (the other scheme of a ``protocol-switch``
  row); an anti-bot answer ends the search as *blocked*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from countyreports.crawl.blocking import blocked_reason
from countyreports.crawl.discover.exchange import Answer, Ask
from countyreports.crawl.discover.scope import host_of
from countyreports.crawl.discover.search import ColumnSearch
from countyreports.crawl.session import CountyCrawl, CrawlOptions, Got, got_error, transient, utcnow
from countyreports.models import Link
from countyreports.registry.divisions import load_divisions
from countyreports.registry.identity import check_identity, site_code_from_html


@dataclass(frozen=True, slots=True)
class ColumnResult:
    """What the column search gave a county's crawl."""

    column_url: str | None
    items: tuple[Link, ...]  # the column's entries (none when the remembered column is unchanged)
    seen: tuple[Link, ...]  # entry-like links of the pages walked on the way
    walked: bool  # the column's lists were walked this run
    complete: bool  # every list page walked (not cut by `max_list_pages`)
    readable: bool  # no list page failed transiently
    error: str | None = None  # why there is no column
    blocked: str | None = None  # an anti-bot answer, and why
    searched: bool = False  # a search was made this run (remembered, with its result)
    tried: tuple[str, ...] = ()  # the best pages judged by a search that found no column
    via_search: bool = False  # the list is the site search's results
    find_requests: int = 0  # pages fetched by the search before the column was found (or in vain)


def answer_of(got: Got, text: str | None, charset: str = "utf-8") -> Answer:
    f = got.fetched
    return Answer(url=got.url, text=text, error=None if text is not None else got_error(got),
                  transient=text is None and transient(f), blocked=blocked_reason(f, got.body), charset=charset)


def _fetch(c: CountyCrawl, ask: Ask) -> Answer:
    homes = [ask.url, *(h for h in c.county.alternates if h != ask.url)] if ask.kind == "home" else [ask.url]
    answer = Answer(ask.url, None, "no homepage")
    for url in homes:
        got, text, charset = c.html(url, moves=ask.kind == "home", allow=ask.allow)
        answer = answer_of(got, text, charset)
        if answer.text is not None or answer.blocked:
            break
    if ask.kind == "home" and answer.text is not None:
        check = check_identity(site_code_from_html(answer.text), c.county, load_divisions())
        if check.warning or not check.accepted:
            c.warnings.append(f"homepage identity: {check.message}")
    return answer


def drive(c: CountyCrawl, search: ColumnSearch) -> ColumnSearch:
    while (ask := search.next()) is not None:
        search.feed(ask, _fetch(c, ask))
    c.warnings.extend(search.warnings)
    return search


def _result(search: ColumnSearch, *, searched: bool) -> ColumnResult:
    found = search.column_url is not None
    return ColumnResult(
        column_url=search.column_url, items=tuple(search.items.values()), seen=tuple(search.articles.values()),
        walked=found, complete=found and search.list_complete, readable=search.list_readable,
        error=None if found else search.reason or "report column not found", blocked=search.blocked,
        searched=searched, tried=() if found else search.best_tried(), via_search=search.via_search,
        find_requests=search.find_requests)


def _new_search(c: CountyCrawl, opts: CrawlOptions) -> ColumnSearch:
    return ColumnSearch(c.county, c.scope, budget=opts.search_budget, max_list_pages=opts.max_list_pages,
                        adapters=opts.adapters)


def find_column(c: CountyCrawl, opts: CrawlOptions, state: dict[str, Any]) -> ColumnResult:
    """The county's report column and its entries (see the module doc)."""
    remembered = state.get("column_url") or c.county.column_url or None
    if remembered:
        got, text, charset = c.html(remembered, allow="" if c.scope.allows(remembered) else host_of(remembered))
        if text is not None:
            if got.unchanged and got.url == remembered == state.get("column_url") and state.get("column_ok", True):
                return ColumnResult(got.url, (), (), walked=False, complete=False, readable=True)
            search = _new_search(c, opts)
            search.start_list(got.url, answer_of(got, text, charset))
            return _result(drive(c, search), searched=False)
        blocked = blocked_reason(got.fetched, got.body)
        if blocked:
            return ColumnResult(None, (), (), False, False, True, error=f"blocked: {blocked}", blocked=blocked)
        c.warnings.append(f"remembered column failed ({got_error(got)}); rediscovering")
    search = _new_search(c, opts)
    search.start()
    last = state.get("search")
    if last and not last.get("found") and last.get("searched_at") and \
            utcnow() - last["searched_at"] < dt.timedelta(days=opts.search_retry_days):
        ask = search.next()
        assert ask is not None and ask.kind == "home"
        got, text, charset = c.html(ask.url, moves=True)
        if got.unchanged:
            when = f"{last['searched_at']:%Y-%m-%d}"
            return ColumnResult(None, (), (), False, False, True, searched=False, tried=tuple(last.get("tried") or ()),
                                error=f"report column not found (searched {when}; searched again when the homepage "
                                      f"changes or after {opts.search_retry_days} days)")
        answer = answer_of(got, text, charset)
        search.feed(ask, answer if answer.text is not None or answer.blocked else _fetch(c, ask))
    return _result(drive(c, search), searched=True)
