"""The search for a county's report column and the walk of its lists: a pure state machine (no I/O).

    search = ColumnSearch(county, Scope.of(county.homepage))
    search.start()                                # or start_list(column_url, answer): a known column
    while (ask := search.next()) is not None:
        search.feed(ask, answer_to(ask))          # the caller fetches (crawl.column drives it with the fetcher)
    search.column_url, search.items, search.articles, search.tried, search.reason

Phases:

* **find** — best first, with a page budget and no fixed depth: a frontier of links scored by their words in the
  context of their page, link title, image alt and URL hints (`page.candidates`); 首页 → 政府信息公开 → 法定主动公开内容
  → 法治政府建设 → 年度报告 is an ordinary path. When every named way is spent, the homepage's short menu links that no
  table scores (特色栏目) are asked, a few, in their order; then, until the budget is spent, the unnamed sub-columns
  (公告公示) of each page on a named way, best page first. Each page fetched is judged (`accepts`) and searched for
  entries (`articles`); a script-only page is judged once the JSON endpoints its scripts ask have answered. The
  site's mobile edition a page declares (手机版) is searched like another homepage. Links off the county's site are
  asked only as *probes* (at most `max_probes`): a probed page with the county's identity (its 网站标识码, or the
  county named as the site's owner) adds its host to the scope; any other is dropped.
* **list** — the column's list pages: its pages (links, script pagers, JSON paging), its per-year sub-columns (of a
  part listing nothing: its report sub-column), the list APIs its scripts name, the other tabs of its list (文件 /
  公告 / 报告 as ``?type=``: a county files its reports under any), at most `max_list_pages`. A column found as one
  tab of the list its link came from is that list, walked with all its tabs. A topic column whose first page lists
  others' reports only (a 司法局's) is walked, then left for the search to go on when its whole list holds none of
  the county's; it is the column again when nothing else is found.
* **site search** — when no column is found: the homepage's GET search form (never a guessed URL) is asked
  each of `keywords.SEARCH_QUERIES`, its results read like a list; a target off the county's site only when its
  query carries the county's 网站标识码 (a shared 集约化 search service); results count only on the county's site.
  No form, or no result: the list with most of the county's own reports among others (通知公告) is the column.

The homepage answering an anti-bot challenge ends the search as *blocked*; a dead homepage as unreadable.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field, replace
from enum import StrEnum

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.acceptance import REPORT_SCORE, accepts, below, mixed_rank, others_only, owned
from countyreports.crawl.discover.acceptance import report_like, report_parts
from countyreports.crawl.discover.exchange import Answer, Ask, Tried  # noqa: F401 (callers import them here)
from countyreports.crawl.discover.keywords import SEARCH_QUERIES
from countyreports.crawl.discover.names import placed
from countyreports.crawl.discover.page import PageView, read_page
from countyreports.crawl.discover.pager import tabs
from countyreports.crawl.discover.scope import Scope, host_of
from countyreports.models import County, Link

#: links scoring less are not worth a request
MIN_SCORE = 25
PROBE_SCORE = 36  # an off-site link scoring less is not probed
PROBE_PENALTY = 10
MAX_SEARCH_PAGES = 10  # result pages of all the queries together
TRIED_KEPT = 5
MAX_MENU_TRIES = 6  # the homepage's unscored menu links asked when every named way is spent
UNNAMED_SHARE = MIN_SCORE - 1 - MAX_MENU_TRIES  # a named way's unnamed sub-columns come next, by the way's score


class Phase(StrEnum):
    HOME = "home"
    FIND = "find"
    LIST = "list"
    SEARCH = "search"
    DONE = "done"


@dataclass
class _Shell:
    """A script-only page whose JSON endpoints are being asked: judged once they have all answered."""

    ask: Ask
    answer: Answer
    view: PageView
    pending: set[str]
    parts: list[PageView] = field(default_factory=list)

    def merged(self) -> PageView:
        """The page with its endpoints' answers: their entries, further pages and column links."""
        items = c.dedupe(i for p in self.parts for i in p.items)
        nexts = tuple(dict.fromkeys(u for p in self.parts for u in p.next_pages if u not in self.view.apis))
        known = {s.url for s in self.view.candidates}
        cands = [*self.view.candidates, *(s for p in self.parts for s in p.candidates
                                          if s.url not in known and s.url != self.view.url)]
        return replace(self.view, items=items, next_pages=(*self.view.next_pages, *nexts),
                       candidates=tuple(sorted(cands, key=lambda x: -x.score)),
                       articles=c.dedupe([*self.view.articles, *items]))


@dataclass
class ColumnSearch:
    county: County
    scope: Scope
    budget: int = 30
    max_list_pages: int = 40
    adapters: bool = True
    max_probes: int = 3

    phase: Phase = Phase.HOME
    column_url: str | None = None
    via_search: bool = False  # the list is the site search's results
    reason: str = ""
    blocked: str | None = None
    list_complete: bool = True  # every list page walked (not cut by max_list_pages)
    list_readable: bool = True  # no list page failed transiently
    items: dict[str, Link] = field(default_factory=dict)
    articles: dict[str, Link] = field(default_factory=dict)
    tried: list[Tried] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    find_requests: int = 0

    _frontier: list[tuple[int, int, Ask]] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)
    _list: list[Ask] = field(default_factory=list)
    _list_seen: set[str] = field(default_factory=set)  # list pages asked, by `common.page_key`
    _list_pages: int = 0
    _probes: int = 0
    _home: PageView | None = None
    _pending: Ask | None = None
    _seq: itertools.count = field(default_factory=itertools.count)
    _shells: dict[str, _Shell] = field(default_factory=dict)  # script-only pages waiting for their endpoints
    _part_of: dict[str, str] = field(default_factory=dict)  # endpoint → its shell page
    _templates: tuple[tuple[str, str], ...] = ()  # how the site's scripts link a record by its id
    _provisional: bool = False  # the column's first page lists others' reports only: judged once walked
    _fallback: tuple[str, dict[str, Link]] | None = None  # a column of others' reports, taken when nothing else is
    _tabbed: dict[str, PageView] = field(default_factory=dict)  # pages judged no column whose lists have tabs
    _mixed: tuple[tuple[int, int, int], str, PageView] | None = None  # the list with most of the county's reports

    def start(self, homepage: str | None = None) -> None:
        self._push(Ask(homepage or self.county.homepage, "home"), 10_000)

    def start_list(self, column_url: str, answer: Answer) -> None:
        """Walk a known column, whose first page the caller has already (a remembered or registered one)."""
        self.phase = Phase.LIST
        self.column_url = column_url
        self._list_seen.add(c.page_key(column_url))
        # a column off the county's site (a shared search service's results, a registry's column_url): its
        # own host is asked for its pages; its entries count only on the county's site
        allow = "" if self.scope.allows(column_url) else host_of(column_url)
        self._on_list(Ask(column_url, "list", depth=0, allow=allow), answer)

    def next(self) -> Ask | None:
        """The next page to fetch, or None when the search is over."""
        if self._pending is not None:
            return self._pending
        ask = self._next()
        if ask is not None:
            self._pending = ask
            self.requests.append(ask.url)
        return ask

    def _next(self) -> Ask | None:
        if self.phase in (Phase.HOME, Phase.FIND):
            while self._frontier and self.find_requests < self.budget:
                _prio, _n, ask = heapq.heappop(self._frontier)
                if ask.url in self._seen:
                    continue
                self._seen.add(ask.url)
                self.find_requests += 1
                return ask
            if self.phase is Phase.FIND and self._fallback is not None:  # the column of others' reports, walked
                self.phase, self.column_url, self.items = Phase.LIST, self._fallback[0], self._fallback[1]
            elif self.phase is Phase.FIND:
                self._start_site_search()
        if self.phase in (Phase.LIST, Phase.SEARCH):
            while self._list:
                ask = self._list.pop(0)
                limit = self.max_list_pages if self.phase is Phase.LIST else MAX_SEARCH_PAGES
                if self._list_pages >= limit:
                    self.list_complete = False
                    break
                self._list_pages += 1
                return ask
            if self.phase is Phase.SEARCH and not self.via_search and self._mixed is not None:  # it found nothing
                self._take_column(self._mixed[1], self._mixed[2])
                return self._next()
            if self._provisional and others_only(tuple(self.items.values()), self.county.county):
                self._resume()  # its whole list holds others' reports only: the county's column is elsewhere
                return self._next()
            self._finish("site search results walked" if self.via_search else "column walked" if self.column_url
                         else f"report column not found in {self.find_requests} pages; the site search found nothing")
        return None

    def feed(self, ask: Ask, answer: Answer) -> None:
        """The answer to the Ask last returned by `next`."""
        if ask != self._pending:
            raise ValueError(f"feed() for {ask.url!r} but the pending request is "
                             f"{self._pending.url if self._pending else None!r}")
        self._pending = None
        self._seen.add(answer.url)
        if ask.kind == "home":
            self._on_home(ask, answer)
        elif ask.kind in ("find", "probe", "alt"):
            self._on_find(ask, answer)
        elif ask.kind == "part":
            self._on_part(ask, answer)
        else:
            self._on_list(ask, answer)

    @property
    def done(self) -> bool:
        return self.phase is Phase.DONE

    def best_tried(self) -> tuple[str, ...]:
        return tuple(str(t) for t in sorted(self.tried, key=lambda t: -t.score)[:TRIED_KEPT])

    def _push(self, ask: Ask, priority: int) -> None:
        if ask.url not in self._seen:
            heapq.heappush(self._frontier, (-priority, next(self._seq), ask))

    def _finish(self, reason: str) -> None:
        self.phase = Phase.DONE
        self.reason = self.reason or reason
        self._frontier.clear()
        self._list.clear()

    def _read(self, ask: Ask, answer: Answer, base: str = "") -> PageView:
        view = read_page(answer.text or "", answer.url, hosts=frozenset(self.scope.entries()),
                         charset=answer.charset, via=ask.via, via_context=ask.context, adapters=self.adapters,
                         templates=self._templates, base=base)
        if view.templates:
            self._templates = tuple(dict.fromkeys([*self._templates, *view.templates]))
        return view

    def _on_home(self, ask: Ask, answer: Answer) -> None:
        if answer.blocked:
            self.blocked = answer.blocked
            self._finish(f"blocked: {answer.blocked}")
            return
        if answer.text is None:
            self._finish(f"homepage unreadable: {ask.url} ({answer.error or 'no page'})")
            return
        if not self.scope.allows(answer.url):  # the county's homepage moved to another host
            self.scope.add_site(host_of(answer.url))
            self.warnings.append(f"homepage moved to {answer.url}")
        self.phase = Phase.FIND
        view = self._read(ask, answer)
        self._home = view
        if not self._await_parts(ask, answer, view):
            self._judge(ask, answer, view, home=True)

    def _on_find(self, ask: Ask, answer: Answer) -> None:
        if answer.text is None:
            self.tried.append(Tried(ask.url, 0, ask.via, answer.blocked or answer.error or "no page"))
            return
        if ask.kind == "probe":
            view = self._read(ask, answer)
            if not owned(view, self.county):
                self.tried.append(Tried(ask.url, 0, ask.via, "another site: not the county's identity"))
                return
            self.scope.add_host(host_of(answer.url))
        elif not self.scope.allows(answer.url):
            self.tried.append(Tried(ask.url, 0, ask.via, f"redirected off the county's site to {answer.url}"))
            return
        view = self._read(ask, answer)
        if not self._await_parts(ask, answer, view):
            self._judge(ask, answer, view, home=ask.kind == "alt")

    def _await_parts(self, ask: Ask, answer: Answer, view: PageView) -> bool:
        """A script-only page: its endpoints stand for it, asked next; it is judged with their answers."""
        parts = [u for u in view.apis if u not in self._seen and u not in self._part_of] if view.shell else []
        if not parts:
            return False
        self._shells[answer.url] = _Shell(ask, answer, view, set(parts))
        for u in parts:
            self._part_of[u] = answer.url
            self._push(Ask(u, "part", ask.via, ask.context, ask.depth), 20_000)
        return True

    def _on_part(self, ask: Ask, answer: Answer) -> None:
        shell = self._shells[self._part_of[ask.url]]
        shell.pending.discard(ask.url)
        if answer.text is not None and self.scope.allows(answer.url):
            shell.parts.append(self._read(ask, answer, base=shell.view.url))
        if not shell.pending and self.phase is Phase.FIND:
            # answered already: their entries are in the merged view
            self._list_seen.update(map(c.page_key, shell.view.apis))
            self._judge(shell.ask, shell.answer, shell.merged(), home=shell.ask.kind in ("home", "alt"))

    def _judge(self, ask: Ask, answer: Answer, view: PageView, *, home: bool) -> None:
        for link in view.articles:
            self.articles.setdefault(link.url, link)
        name = view.names[0] if view.names else ask.via
        if accepts(view, self.scope, self.county.county, home=home):
            # a topic column whose first page lists others' reports (the 司法局's 法治建设): walked, then judged
            self._provisional = view.score < REPORT_SCORE and others_only(view.items, self.county.county)
            self._take_column(answer.url, view, ask.parent)
            return
        if tabs(answer.url, view.variants):
            self._tabbed[answer.url] = view
        if not home and (mine := mixed_rank(view, self.county.county))[0] and mine > (self._mixed or ((0,),))[0]:
            self._mixed = (mine, answer.url, view)
        self.tried.append(Tried(answer.url, view.score, name, f"{len(view.items)} entries, "
                                f"{report_like(view.items, self.county.county)} reports"))
        if view.redirect and self.scope.allows(view.redirect):  # a page that only sends the browser on
            self._push(Ask(view.redirect, "find", ask.via, ask.context, ask.depth), 10_000)
        for frame in view.frames:  # the page's content lives in its frames: they stand for the page
            self._push(Ask(frame, "find", ask.via or name, ask.context, ask.depth), max(view.score, MIN_SCORE + 1))
        for alt in view.alternates:  # the site's mobile edition: searched like another homepage
            if self.scope.allows(alt):
                self._push(Ask(alt, "alt", ask.via or name, "", ask.depth), MIN_SCORE + 1)
        for cand in (placed(cand, self.county.county) for cand in view.candidates):
            if cand.score < MIN_SCORE or cand.url in self._seen:
                continue
            nxt = Ask(cand.url, "find", cand.text, cand.context, ask.depth + 1, parent=answer.url)
            if self.scope.allows(cand.url):
                self._push(nxt, cand.score)
            elif cand.score >= PROBE_SCORE and self._probes < self.max_probes:
                self._probes += 1
                self._push(Ask(cand.url, "probe", cand.text, cand.context, ask.depth + 1, host_of(cand.url)),
                           cand.score - PROBE_PENALTY)
        if not home and view.score >= MIN_SCORE:  # a named way's unnamed sub-columns (公告公示): before giving up
            for item in (i for i in below(view) if self.scope.allows(i.url)):
                self._push(Ask(item.url, "find", item.text, "", ask.depth + 1, parent=answer.url),
                           UNNAMED_SHARE * view.score // 100)
        if home:  # asked last, a few, in their order: the homepage's menu links that name no way
            for i, item in enumerate(view.menu[:MAX_MENU_TRIES]):
                if self.scope.allows(item.url):
                    self._push(Ask(item.url, "find", item.text, "", 1), MIN_SCORE - 1 - i)

    def _resume(self) -> None:
        """The column walked holds no report of the county: kept as the fallback, the search goes on."""
        self.tried.append(Tried(self.column_url or "", 0, "", f"{len(self.items)} entries, only others' reports"))
        self._fallback = self._fallback or (self.column_url or "", dict(self.items))
        for link in self.items.values():
            self.articles.setdefault(link.url, link)
        self.phase, self.column_url, self.items, self._provisional = Phase.FIND, None, {}, False

    def _take_column(self, url: str, view: PageView, parent: str = "") -> None:
        """The column is `url`'s list; when `url` is a tab of the list its link came from (文件 / 公告 / 报告 as
        ``?type=``), the column is that list with all its tabs: the county's reports may be filed under any."""
        self.phase = Phase.LIST
        self._list_seen.add(c.page_key(url))
        list_of = self._tabbed.get(parent)
        if list_of is None or url not in tabs(list_of.url, list_of.variants):
            self.column_url = url
            self._take_list(Ask(url, "list", depth=0), view)
            return
        self.column_url = parent
        self._list_seen.add(c.page_key(parent))
        self._take_list(Ask(parent, "list", depth=0), list_of)
        self._take_list(Ask(url, "list", depth=1), view)

    def _on_list(self, ask: Ask, answer: Answer) -> None:
        if answer.text is None:
            self.warnings.append(f"list page unreadable: {ask.url} ({answer.error or 'no page'})")
            if answer.transient:
                self.list_readable = False
            return
        if not (self.scope.allows(answer.url) or host_of(answer.url) == ask.allow):
            self.warnings.append(f"list page off the county's site: {answer.url}")
            return
        self._take_list(ask, self._read(ask, answer))
        if ask.kind == "search" and self.column_url is None and self.items:
            self.column_url, self.via_search = ask.url, True

    def _take_list(self, ask: Ask, view: PageView) -> None:
        for link in view.items:
            if self.scope.allows(link.url):  # a shared search service's results: only the county's own
                self.items.setdefault(link.url, link)
        follow = list(view.next_pages)
        if ask.depth < 2 and self.phase is Phase.LIST:
            follow += [*view.subcolumns, *view.apis, *view.frames,  # a year's part listing nothing: its reports'
                       *(report_parts(view) if ask.depth and not view.items else ())]
        if ask.depth == 0 and self.phase is Phase.LIST:  # the other tabs of the column's list
            follow += tabs(view.url, view.variants)
        for u in follow:
            key = c.page_key(u)  # /fz/ and /fz/index.html are one page (a pager's option names the first)
            if key not in self._list_seen and (self.scope.allows(u) or (ask.allow and host_of(u) == ask.allow)):
                self._list_seen.add(key)
                self._list.append(Ask(u, "list" if self.phase is Phase.LIST else "search", depth=ask.depth + 1,
                                      allow=ask.allow))

    def _start_site_search(self) -> None:
        """No column found: ask the homepage's search form (see the module doc), or give up."""
        home = self._home
        own_code = home.site_code if home and home.site_code and home.site_code[:6] == self.county.adcode else None
        for form in home.forms if home else ():
            target = form.url(SEARCH_QUERIES[0])
            if self.scope.allows(target):
                allow = ""
            elif own_code and form.carries(own_code):
                allow = host_of(target)
            else:
                continue
            self.phase = Phase.SEARCH
            for query in SEARCH_QUERIES:
                target = form.url(query)
                if c.page_key(target) not in self._list_seen:
                    self._list_seen.add(c.page_key(target))
                    self._list.append(Ask(target, "search", "site search", allow=allow))
            return
        if self._mixed is not None:  # no site search to ask: the list with most of the county's own reports
            self._take_column(self._mixed[1], self._mixed[2])
            return
        self._finish(f"report column not found in {self.find_requests} pages" + (
            f" (the budget, {self.budget})" if self.find_requests >= self.budget else "") + "; no site search to ask")
