"""Discovery: from a county homepage to the 法治政府建设年度报告 column and its article links.

Pure functions over (html text, page url); no I/O. The crawler (fetch.py + a driver, or the
`walk.ColumnWalk` state machine in this package) does the requests.

Intended crawl (what `walk.ColumnWalk` implements)::

    homepage ──fetch──▶ column_candidates(html, url)           scored links, best first
        │   best-first over all candidates seen so far (score ≥ MIN_SCORE), depth ≤ 3,
        │   only hosts in scope (homepage host + the host the homepage redirects to),
        │   never javascript:/mailto:/attachments/articles/search pages
        ▼
    page ──▶ is_report_column(html, url)?  ── no ──▶ next candidate (and remember any
        │                                            article-like links seen on the way)
        yes
        ▼
    parse_list(html, url) ─▶ items (+ next_pages: index_1.html…, list_2.html…, dataproxy.jsp…)
        ▼
    follow next_pages of the same column (deduplicated, capped) ─▶ union of items

Typical cost: 3–4 requests to reach the column (homepage → 政府信息公开 → [法定主动公开内容 →]
column), plus one per further list page.

Families: `trs`, `hanweb`, `platform` (provincial intensive platform) and `generic` (fallback);
`detect_family` picks one from page markup and URL shapes; each family module keeps its
selectors and rules as data at its top.
"""

from __future__ import annotations

from typing import Iterable

from countyreports.models import Family, Link, ListPage

from . import common as c
from . import keywords as k
from . import generic, hanweb, platform, trs
from .common import ScoredLink

__all__ = [
    "ScoredLink",
    "MIN_SCORE",
    "article_links",
    "REPORT_COLUMN_SCORE",
    "detect_family",
    "column_candidates",
    "column_name",
    "column_score",
    "is_report_column",
    "parse_list",
]

#: Candidates below this score are not worth a request.
MIN_SCORE = 25
#: A column name at or above this score is the report column whatever else the page holds.
REPORT_COLUMN_SCORE = 90
#: A column name at or above this score is the report column when it lists entries and links
#: no more specific column (法治政府建设 with a child 法治政府建设年度报告 is only a parent).
BROAD_COLUMN_SCORE = 55

_FAMILIES = {Family.TRS: trs, Family.HANWEB: hanweb, Family.PLATFORM: platform}
_MIN_FAMILY_EVIDENCE = 3
_MAX_PATTERN_HITS = 8


def detect_family(html: str, url: str) -> Family:
    """CMS family of a page from its markup and URL shapes; GENERIC when nothing is telling."""
    from urllib.parse import urlsplit

    path = urlsplit(url).path
    scores: dict[Family, int] = {}
    for fam, mod in _FAMILIES.items():
        score = 0
        for pattern, weight in mod.HTML_SIGNALS:
            hits = len(pattern.findall(html or ""))
            score += weight * min(hits, _MAX_PATTERN_HITS)
        for pattern, weight in mod.URL_SIGNALS:
            if pattern.search(path if pattern.pattern.startswith("^") else url):
                score += weight
        scores[fam] = score
    best = max(scores, key=lambda f: scores[f])
    return best if scores[best] >= _MIN_FAMILY_EVIDENCE else Family.GENERIC


def column_candidates(html: str, url: str, *, hosts: Iterable[str] = ()) -> list[ScoredLink]:
    """Links of a page that may lead to the report column, best first.

    Scores (see `common.COLUMN_TEXT_SCORES` / `URL_SCORES`): 法治政府建设年度报告 100, …报告 95,
    法治政府建设 80, 法治政府 75, 依法行政 68, 法定主动公开内容 42, 政府信息公开 36, 政务公开 32,
    strong URL hints (fzzfjsndbg, fzzfjs) also count. Links that are articles, attachments,
    javascript:/mailto:, search pages, off-site (not the page's host nor `hosts`), or sibling
    traps (政府信息公开年报, 指南, …) are left out. URLs are absolute, unescaped, without fragment.
    """
    tree = c.parse(html)
    base = c.base_url(tree, url)
    scope = {c.host_of(url), *hosts}
    best: dict[str, ScoredLink] = {}
    order: dict[str, int] = {}
    for i, (a, u) in enumerate(c.anchors(tree, base)):
        if u == url or not c.same_site(u, scope):
            continue
        if c.is_attachment(u) or c.is_article_url(u) or k.NEGATIVE_URL.search(u):
            continue
        text = c.clean(a.text(separator=" "))
        title = c.clean(a.attributes.get("title"))
        if text in k.MORE_TEXTS or (not text and not title):
            text = c.block_heading(a)  # "更多>>" next to a block headed 法治政府建设
        label = text or title
        if k.YEAR_RE.search(label) and len(label) > 10:
            continue  # an article title, not a column name
        if (text and k.NEGATIVE_TEXT.search(text)) or (title and k.NEGATIVE_TEXT.search(title)):
            continue
        ts, tr = max(c.text_score(text), c.text_score(title))
        us, ur = c.url_score(u)
        if label and not ts and us < 50:
            us = 0  # a weak URL hint does not rescue a link whose words say otherwise (通知公告)
        score = max(ts, us) + (5 if ts and us else 0)
        if score <= 0:
            continue
        link = ScoredLink(url=u, text=label, score=score, reason=tr if ts >= us else ur)
        if u not in best or best[u].score < score:
            best[u] = link
        order.setdefault(u, i)
    return sorted(best.values(), key=lambda s: (-s.score, order[s.url]))


def column_name(html: str, url: str) -> str | None:
    """The page's own column name: meta ColumnName, else last breadcrumb item, else list title,
    else the first part of <title>."""
    tree = c.parse(html)
    for name in _names(tree):
        if name:
            return name
    return None


def _names(tree) -> list[str | None]:
    crumbs = c.breadcrumb(tree)
    return [
        c.meta(tree, "ColumnName"),
        crumbs[-1] if crumbs else None,
        c.list_title(tree),
        c.page_title(tree),
    ]


def column_score(html: str, url: str) -> int:
    """Best keyword score among the page's own names (see `column_name`), URL hint as backup."""
    tree = c.parse(html)
    best = max((c.text_score(n)[0] for n in _names(tree) if n), default=0)
    us, _ = c.url_score(url)
    if us >= 72:
        best = max(best, min(us, BROAD_COLUMN_SCORE + 10))
    return best


def is_report_column(html: str, url: str) -> bool:
    """True when this page IS the report column (a list page named 法治政府建设年度报告 or like).

    A strong name (…年度报告/…情况报告) is enough. A broad name (法治政府建设, 法治政府,
    依法行政, 法治建设) counts only if the page lists entries and links no more specific column.
    """
    if c.is_article_url(url) or c.is_attachment(url):
        return False
    score = column_score(html, url)
    if score >= REPORT_COLUMN_SCORE:
        return True
    if score < BROAD_COLUMN_SCORE:
        return False
    tree = c.parse(html)
    crumb_urls = _breadcrumb_urls(tree, url)
    for cand in column_candidates(html, url):
        if cand.score > score and cand.score >= REPORT_COLUMN_SCORE and cand.url not in crumb_urls:
            return False
    return bool(parse_list(html, url).items)


def _breadcrumb_urls(tree, url: str) -> set[str]:
    out: set[str] = set()
    base = c.base_url(tree, url)
    for node in tree.css("div, p, span, nav, ol, ul"):
        tokens = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if tokens.strip() and k.BREADCRUMB_CONTAINER.search(tokens):
            for a, u in c.anchors(c.parse(node.html or ""), base):
                out.add(u)
    return out


def article_links(html: str, url: str, *, hosts: Iterable[str] = ()) -> tuple[Link, ...]:
    """Every article-like link of any page (homepage news blocks, parent columns, headlines),
    on the page's host or `hosts`: an article URL shape, or a dated entry that is not a column
    link. Wider than `parse_list` items (no block selection, page chrome included): these are
    extra candidates for the title classifier, kept while walking to the column, so a report
    linked only from the homepage or another column is not lost."""
    tree = c.parse(html)
    base = c.base_url(tree, url)
    scope = {c.host_of(url), *hosts}
    out: list[Link] = []
    for a, u in c.anchors(tree, base):
        if u == url or not c.same_site(u, scope):
            continue
        title = c.link_title(a)
        if len(title) < generic.MIN_TITLE_LEN:
            continue
        date = c.row_date(a, c.row_of(a))
        if c.is_article_url(u) or (date and not c.is_column_url(u)):
            out.append(Link(url=u, text=title, date=date))
    return c.dedupe(out)


def parse_list(html: str, url: str, *, hosts: Iterable[str] = (), adapters: bool = True) -> ListPage:
    """Entries of a column list page and the further list pages of the same column.

    The family adapter is chosen by `detect_family`; when it finds no entries the generic
    adapter is tried. Items are article links (title attribute preferred over truncated text,
    printed date) of the list itself — navigation, breadcrumb, footer, pagination, related and
    off-site links are left out; an attachment listed as an entry (a .pdf in the list) is kept.
    """
    scope = frozenset(hosts)
    fam = detect_family(html, url) if adapters else Family.GENERIC
    mod = _FAMILIES.get(fam, generic)
    page = mod.parse_list(html, url, hosts=scope)
    if not page.items and mod is not generic:
        fallback = generic.parse_list(html, url, hosts=scope)
        if fallback.items:
            nexts = list(page.next_pages) + [u for u in fallback.next_pages if u not in page.next_pages]
            page = ListPage(url=url, items=fallback.items, next_pages=tuple(nexts), family=fam)
    return page
