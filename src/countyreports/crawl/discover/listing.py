"""List entries of any shape: tables, ``ul/li``, ``div`` rows; with or without a date per row; article URLs of
any shape (pure).

An anchor of the page's content (not in nav, header, footer, breadcrumb, pager, related-links blocks) is an
entry when its row shows a date, or its URL has an article shape (`keywords.ARTICLE_URL`), or — a dateless
list of unknown URLs — its URL names an id (a number of 3+ digits or a hash) and is built unlike the page's
own URL and the menus' (`common.url_shape`: ``Show.aspx?id=#`` against ``List.aspx?ClassID=#``) or its text
is a title (`is_title`: a CMS that numbers columns and articles alike), and its text is not a column name. Entries are grouped by the element holding their rows; the page's list is the
group with the most evidence, with the groups built like it (a list split over several ``<ul>``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.keywords import TITLE_WORDS, YEAR_RE
from countyreports.crawl.discover.names import is_year_label, text_score
from countyreports.models import Link

MIN_TITLE_LEN = 4
#: a dateless entry of unknown URL shape needs a title at least this long
MIN_WEAK_TITLE_LEN = 6
#: a link whose text is a column name of at most this many characters is a column, not an entry
MAX_COLUMN_NAME_LEN = 12
ROW_TAGS = ("li", "tr", "dd", "dt")
BLOCK_TAGS = ("p", "div", "section", "article", "td", "h2", "h3", "h4")
LIST_TAGS = ("ul", "ol", "table", "tbody", "dl", "body")
_ID_IN_URL = re.compile(r"\d{3,}|[0-9a-f]{16,}", re.I)


@dataclass
class _Group:
    sig: tuple[str, str, str, str]
    links: list[Link] = field(default_factory=list)
    strong: int = 0
    weak: int = 0

    @property
    def evidence(self) -> int:
        return 2 * self.strong + self.weak

    @property
    def listlike(self) -> bool:
        return self.strong >= 1 or self.weak >= 2


def _row(anchor: LexborNode) -> LexborNode | None:
    if c.is_scripted_row(anchor):
        return anchor
    for i, anc in enumerate(c.ancestors(anchor)):
        if anc.tag in ROW_TAGS:
            return anc
        if anc.tag in LIST_TAGS or i >= 4:
            break
    block = None  # a row of blocks: the largest block holding this link alone (div.views-row, <article>)
    for anc in c.ancestors(anchor):
        if anc.tag in LIST_TAGS or len(anc.css("a[href]")) > 1:
            break
        if anc.tag in BLOCK_TAGS:
            block = anc
    if block is not None:
        return block
    for anc in c.ancestors(anchor):
        if anc.tag in BLOCK_TAGS:
            return anc
    return None


def _sig(node: LexborNode | None) -> tuple[str, str]:
    if node is None:
        return ("", "")
    return (node.tag or "", (node.attributes.get("class") or "").strip())


def column_shapes(tree: LexborHTMLParser, url: str) -> frozenset[str]:
    """URL shapes of the page itself and of its menus (nav, breadcrumb, sidebars): column pages."""
    base = c.base_url(tree, url)
    shapes = {c.url_shape(url)}
    for a, u in c.anchors(tree, base):
        if c.in_excluded_container(a) and not c.is_article_url(u):
            shapes.add(c.url_shape(u))
    return frozenset(shapes)


def is_title(title: str) -> bool:
    """A link text that is an article's title, not a column's name: longer than a column name, with a year or
    a title's word (报告, 总结, 通知 …)."""
    return len(title) > MAX_COLUMN_NAME_LEN and bool(YEAR_RE.search(title) or TITLE_WORDS.search(title))


def _is_column_link(title: str, u: str, shapes: frozenset[str]) -> bool:
    """A link to a column: a column URL, a year label, a URL built like the page's and its menus' — unless its
    text is a title (a CMS numbering columns and articles alike: /node/12, /node/1581) —, a short column name."""
    if is_year_label(title):
        return True
    if is_title(title) and (urlsplit(u).query or not c.is_column_url(u)):
        return False  # ?p=2079, /node/1581: the query or the number names the entry
    if c.is_column_url(u) or c.url_shape(u) in shapes:
        return True
    return len(title) <= MAX_COLUMN_NAME_LEN and text_score(title)[0] > 0 and not re.search(r"\d{4}", title)


def _groups(tree: LexborHTMLParser, url: str, hosts: frozenset[str], shapes: frozenset[str],
            chrome: str) -> list[_Group]:
    """Entry groups; `chrome`: which page-chrome containers are left out: "all", "unambiguous" or "none"."""
    base = c.base_url(tree, url)
    groups: dict[int, _Group] = {}
    for a, u in c.anchors(tree, base):
        if u == url or not c.same_site(u, hosts):
            continue
        if chrome != "none" and c.in_excluded_container(a, ambiguous=chrome == "all"):
            continue
        title = c.link_title(a)
        if len(title) < MIN_TITLE_LEN:
            continue
        row = _row(a)
        date = c.row_date(a, c.row_of(a) or row)
        strong = weak = False
        if c.is_attachment(u):  # a file listed as an entry (a PDF report): dated, or among other files
            strong = date is not None
            weak = not strong and len(title) >= MIN_WEAK_TITLE_LEN
        elif c.is_article_url(u):
            strong = True
        elif not _is_column_link(title, u, shapes):
            strong = date is not None
            weak = not strong and len(title) >= MIN_WEAK_TITLE_LEN and bool(_ID_IN_URL.search(u))
        if not (strong or weak):
            continue
        box = row.parent if row is not None else a.parent
        key = box.mem_id if box is not None else 0
        group = groups.setdefault(key, _Group((*_sig(box), *_sig(row))))
        group.links.append(Link(url=u, text=title, date=date))
        group.strong += strong
        group.weak += weak
    return list(groups.values())


def list_items(tree: LexborHTMLParser, url: str, hosts: frozenset[str],
               shapes: frozenset[str] | None = None) -> tuple[Link, ...]:
    """The page's list: the group with the most evidence and the groups built like it. When page-chrome
    exclusion leaves nothing (a site wrapping its content in ``<div class="page">``), ambiguous words are
    ignored. A group built like the list counts whatever it holds (a year tab's list of one row)."""
    shapes = column_shapes(tree, url) if shapes is None else shapes
    groups = _groups(tree, url, hosts, shapes, "all")
    if not any(g.listlike for g in groups):
        groups = _groups(tree, url, hosts, shapes, "unambiguous")
    if not any(g.listlike for g in groups):
        return ()
    best = max((g for g in groups if g.listlike), key=lambda g: (g.evidence, len(g.links)))
    return c.dedupe(link for g in groups if g is best or g.sig == best.sig for link in g.links)


def all_items(tree: LexborHTMLParser, url: str, hosts: frozenset[str],
              shapes: frozenset[str] | None = None) -> tuple[Link, ...]:
    """Every entry-like link of a page, in any block, page chrome included (homepage news blocks, headlines,
    parent columns): candidates for the title classifier, so a report linked only there is not lost."""
    shapes = column_shapes(tree, url) if shapes is None else shapes
    return c.dedupe(link for g in _groups(tree, url, hosts, shapes, "none") if g.listlike for link in g.links)


def row_items(tree: LexborHTMLParser, url: str, selectors: tuple[str, ...], hosts: frozenset[str]) -> tuple[Link, ...]:
    """Items from list rows selected by CSS (first selector giving any item wins): for the family adapters."""
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
