"""Pagination of a list page, of any kind (pure): the further pages of the same list.

* links: 下一页 / 尾页 / page numbers (``2``, ``[2]``) inside a pager block, and any page-number link whose URL is
  the page's own with another page number (``?page=3``, ``&pageIndex=3``, ``list_3.html``);
* tabs: one list split by a query parameter (文件 / 公告 / 报告 as ``?type=1|2|3``): the links that add one
  parameter to the list's own URL, at least two adding the same one (`tabs`);
* fragment pagers: links ``#pageNum=2`` that a script turns into a request of the page's own URL with that query
  (`fragment_query`): read as that URL;
* script-only pagers: a pager written by a script from numbers in the page — positional calls
  (``createPageHTML(7, 0, "index", "html")``, ``createPageHTML("page_div", 7, 0, "index", "html", 67)``) or
  configurations (``{total: 23, size: 6, current: 1, prefix: "index", suffix: "html"}``, ``var countPage = 3``):
  pages ``<prefix>.<suffix>``, ``<prefix>_<k>.<suffix>`` numbered from the first page's own number (0 or 1), or
  ``<prefix><k>.<suffix>`` (list1.html, list2.html); a prefix may be a path (``"/zt/fz/index", ".html"``); a
  count the script fetches (``total: d.total``) makes the next page the only one named (it names the one after).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.keywords import PAGE_PARAM

NEXT_TEXTS = frozenset(
    {"下一页", "下页", "后一页", "下一頁", "尾页", "末页", "最后一页", "尾頁", ">", ">>", "»", "›",
     "next", "Next", "NEXT", "next page", "Next Page", "较早文章", "更早文章", "较早的文章", "更早的文章", "旧文章",
     "Older posts", "older posts", "Older Posts"}
)
PREV_TEXTS = frozenset({"上一页", "上页", "前一页", "首页", "第一页", "<", "<<", "«", "‹", "prev", "Prev"})
PAGER_CONTAINER = re.compile(r"pag|fenye|pager|pages|paging|turn|fy", re.I)
TOTAL_PAGES_RE = re.compile(r"共\s*(\d+)\s*页|\d+\s*/\s*(\d+)\s*页")
_ARROWS = re.compile(r"^[\s«»‹›<>→←\-]+|[\s«»‹›<>→←\-]+$")
_PAGE_NUMBER = re.compile(r"^[\[【(（]?\s*第?\s*(\d{1,4})\s*页?\s*[\]】)）]?$")  # 2, [2], 第2页
MAX_SCRIPT_PAGES = 200

# -- script pagers: which names mean what (lower case, without _ and $) -------------------------------------
COUNT_KEYS = frozenset({"countpage", "pagecount", "totalpage", "totalpages", "pages", "pagetotal", "pagecounts",
                        "totalpagenum", "maxpage", "pagesum", "allpage"})
TOTAL_KEYS = frozenset({"total", "count", "totalrecord", "totalrecords", "recordcount", "totalcount", "rowcount", "totalnum",
                        "records", "totalsize", "allcount"})
SIZE_KEYS = frozenset({"size", "pagesize", "perpage", "rows", "limit", "pernum", "pagenum", "numperpage"})
CURRENT_KEYS = frozenset({"current", "currentpage", "curpage", "pageindex", "cur", "pageno", "pagecurrent", "curr",
                          "page", "nowpage", "currpage"})
STEM_KEYS = frozenset({"prefix", "filename", "name", "pageprefix", "pagename"})
EXT_KEYS = frozenset({"suffix", "ext", "extension", "filetype", "pagesuffix"})
PAGE_EXTS = frozenset({"html", "htm", "shtml", "jsp", "asp", "aspx", "php"})
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_CALL = re.compile(r"(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(([^()]{0,300})\)")
_PAIR = re.compile(r"""([A-Za-z_$][\w$]*)["']?\s*[:=]\s*(?:"([^"]{0,40})"|'([^']{0,40})'|(-?\d{1,7})\b)""")
_ARG = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|(-?\d+)|([A-Za-z_$][\w$]*))\s*$""")


_FRAGMENT_QUERY = re.compile(r"^#!?\??([A-Za-z_][\w.]*=[^&=#]*(?:&[A-Za-z_][\w.]*=[^&=#]*)*)$")


def fragment_query(href: str | None, url: str) -> str | None:
    """The page a ``#k=v[&k=v…]`` link names: a script reads the fragment and asks the page's own URL with those
    query parameters (``#pageNum=2`` on ``list.jsp?catid=27`` → ``list.jsp?catid=27&pageNum=2``), a parameter the
    URL has replaced in place; None for any other href."""
    m = _FRAGMENT_QUERY.match((href or "").strip())
    if m is None:
        return None
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    for key, value in parse_qsl(m.group(1), keep_blank_values=True):
        at = next((i for i, (k, _v) in enumerate(pairs) if k == key), None)
        if at is None:
            pairs.append((key, value))
        else:
            pairs[at] = (key, value)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(pairs, safe="/:"), ""))


def page_links(tree: LexborHTMLParser, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """Further list pages named by links (下一页, 尾页, page numbers, ``rel="next"``) and page-number selects."""
    base = c.base_url(tree, url)
    shape = c.url_shape(url)
    out: list[str] = []
    hashed = [(a, u) for a in tree.css('a[href^="#"]') if (u := fragment_query(a.attributes.get("href"), url))]
    for a, u in [*c.anchors(tree, base), *hashed]:  # a #pageNum=2 pager: the page's own URL in its query form
        if u == url or not c.same_site(u, hosts) or c.is_article_url(u) or c.is_attachment(u):
            continue
        text = c.clean(a.text()) or c.clean(a.attributes.get("title"))
        if text in PREV_TEXTS:
            continue
        bare = _ARROWS.sub("", text)  # « 较早文章, 下一页 ›, >>下一页
        text = bare if bare in NEXT_TEXTS else text
        number = _PAGE_NUMBER.match(text) is not None
        in_pager = any(PAGER_CONTAINER.search(f"{n.attributes.get('class') or ''} {n.attributes.get('id') or ''}")
                       for n in c.ancestors(a))
        if text in NEXT_TEXTS or (number and (in_pager or c.url_shape(u) == shape)):
            if u not in out:
                out.append(u)
    for node in tree.css("link[rel][href], a[rel][href]"):  # <link rel="next" href="…">: the standard's own way
        if "next" in (node.attributes.get("rel") or "").lower().split():
            nxt = c.resolve(node.attributes.get("href"), base)
            if nxt and nxt != url and nxt not in out and c.same_site(nxt, hosts) \
                    and not (c.is_article_url(nxt) or c.is_attachment(nxt)):
                out.append(nxt)
    for u in select_pages(tree, base, hosts):
        if u != url and u not in out:
            out.append(u)
    return tuple(out)


MIN_TABS = 2  # a tab bar has two tabs at least


def query_variants(tree: LexborHTMLParser, url: str, entries: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Links to the page's own path with another query (``?type=2``, ``&type=bg``), not its list's entries: what
    may be its list's tabs (`tabs` decides)."""
    own = urlsplit(url)
    out: list[str] = []
    for _a, u in c.anchors(tree, c.base_url(tree, url)):
        parts = urlsplit(u)
        if u != url and u not in entries and u not in out and (parts.hostname, parts.path) == (own.hostname, own.path) \
                and parts.query != own.query and not c.is_attachment(u):
            out.append(u)
    return tuple(out)


def tabs(url: str, variants: Iterable[str]) -> tuple[str, ...]:
    """The tabs of the list at `url`: the variants that add exactly one parameter (not a page number) to its
    query, kept when at least `MIN_TABS` add the same parameter — a tab bar, not a stray link."""
    own = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    by_key: dict[str, list[str]] = {}
    for u in variants:
        query = parse_qsl(urlsplit(u).query, keep_blank_values=True)
        extra = [kv for kv in query if kv not in own]
        if len(query) == len(own) + 1 and len(extra) == 1 and not PAGE_PARAM.match(extra[0][0]):
            by_key.setdefault(extra[0][0], []).append(u)
    return tuple(u for urls in by_key.values() if len(set(urls)) >= MIN_TABS for u in dict.fromkeys(urls))


#: an option of a page-number <select>: 2, 第2页, [2], -2页-
_OPTION_PAGE = re.compile(r"^[^\w\u4e00-\u9fff]*第?\s*(\d{1,4})\s*页?[^\w\u4e00-\u9fff]*$")


def select_pages(tree: LexborHTMLParser, base: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """Further list pages named by a page-number ``<select>`` (``<select onchange="location.href=this.value">``,
    ``<option value="index_1.html">第2页</option>``): the options that name a page by number and a URL of the
    list's folder or shape; the selected option is this page."""
    shape, folder = c.url_shape(base), c.column_dir(base)
    out: list[str] = []
    for select in tree.css("select"):
        for opt in select.css("option"):
            value = (opt.attributes.get("value") or "").strip()
            if "selected" in opt.attributes or not c.names_a_url(value) or not _OPTION_PAGE.match(c.clean(opt.text())):
                continue
            u = c.resolve(value, base)
            if u is None or not c.same_site(u, hosts) or c.is_article_url(u) or c.is_attachment(u):
                continue
            if (c.url_shape(u) == shape or c.column_dir(u) == folder) and u not in out:
                out.append(u)
    return tuple(out)


def select_count(html: str) -> tuple[int, int] | None:
    """(page count, current page) of a ``<select>`` of bare page numbers (``<option value="2">2</option>``) that a
    script turns into URLs (``goPage(this.value)``): None when the page has none."""
    best = None
    for body in _SELECT.findall(html):
        options = [((m.group(1) or m.group(2) or m.group(3) or "") if (m := _VALUE.search(a)) else "", a)
                   for a in _OPTION.findall(body)]
        numbers = [int(v) for v, _ in options if v.isdigit() and len(v) <= 4]
        if len(options) >= 2 and len(numbers) == len(options) \
                and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            current = next((int(v) for v, attrs in options if re.search(r"\bselected\b", attrs, re.I)), numbers[0])
            if best is None or max(numbers) > best[0]:
                best = (max(numbers), current)
    return best


_SELECT = re.compile(r"<select\b[^>]*>(.*?)</select>", re.S | re.I)
_OPTION = re.compile(r"<option\b([^>]*)>", re.I)
_VALUE = re.compile(r"""\bvalue\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def total_pages(tree: LexborHTMLParser) -> int | None:
    for node in tree.css("div, span, p, td"):
        tokens = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if PAGER_CONTAINER.search(tokens):
            m = TOTAL_PAGES_RE.search(node.text(separator=" "))
            if m:
                return int(m.group(1) or m.group(2))
    return None


def _key(name: str) -> str:
    return name.replace("_", "").replace("$", "").lower()


def _assignments(html: str) -> dict[str, str]:
    """``name = value`` / ``name: value`` pairs of the page's scripts (numbers and short strings), last wins."""
    out: dict[str, str] = {}
    for script in _SCRIPT.findall(html):
        for m in _PAIR.finditer(script):
            value = next((g for g in m.groups()[1:] if g is not None), None)
            if value is not None:
                out[m.group(1)] = value
    return out


def _from_calls(html: str, names: dict[str, str]) -> list[tuple[int, int, str, str]]:
    """(pages, current, stem, ext) from positional pager calls: two numbers, then a stem and an extension."""
    found = []
    for script in _SCRIPT.findall(html):
        for m in _CALL.finditer(script):
            if m.group(1) in ("function", "if", "for", "while", "switch", "catch"):
                continue
            values: list[int | str] = []
            for raw in m.group(2).split(","):
                a = _ARG.match(raw)
                if a is None:
                    break
                s, s2, num, ident = a.groups()
                if num is not None:
                    values.append(int(num))
                elif ident is not None and ident in names and names[ident].lstrip("-").isdigit():
                    values.append(int(names[ident]))
                else:
                    values.append(s if s is not None else s2 if s2 is not None else "")
            numbers = [v for v in values if isinstance(v, int)]
            strings = [v for v in values if isinstance(v, str)]
            exts = [i for i, v in enumerate(values) if isinstance(v, str) and v.lower().lstrip(".") in PAGE_EXTS]
            if len(numbers) >= 2 and exts and exts[0] > 0 and isinstance(values[exts[0] - 1], str) and strings:
                stem = str(values[exts[0] - 1])
                if _STEM.fullmatch(stem):
                    found.append((numbers[0], numbers[1], stem, str(values[exts[0]]).lstrip(".")))
    return found


def _counts(names: dict[str, str]) -> tuple[int | None, int | None]:
    """(page count, current page) of a pager's configuration (``pages: '3', curr: '1'``; ``total``/``size``)."""
    by_key: dict[str, str] = {}
    for name, value in names.items():
        by_key.setdefault(_key(name), value)

    def number(keys: frozenset[str]) -> int | None:
        return next((int(by_key[k]) for k in keys if by_key.get(k, "").lstrip("-").isdigit()), None)

    pages = number(COUNT_KEYS)
    total, size = number(TOTAL_KEYS), number(SIZE_KEYS)
    if pages is None and total is not None and size:
        pages = math.ceil(total / size)
    return pages, number(CURRENT_KEYS)


def _from_config(names: dict[str, str]) -> tuple[int, int, str, str] | None:
    by_key: dict[str, str] = {}
    for name, value in names.items():
        by_key.setdefault(_key(name), value)

    def text(keys: frozenset[str]) -> str | None:
        return next((by_key[k] for k in keys if k in by_key and not by_key[k].isdigit()), None)

    pages, current = _counts(names)
    stem, ext = text(STEM_KEYS), text(EXT_KEYS)
    if current is None or not stem or not ext or ext.lower().lstrip(".") not in PAGE_EXTS:
        return None
    # a count the script fetches (d.endPage): the next page is asked, and it names the one after
    return pages if pages is not None else current + 1, current, stem, ext.lstrip(".")


#: a pager's file stem: a name, or a path (/zt/fz/index)
_STEM = re.compile(r"[\w-]{1,30}|(?:/?[\w.-]{1,40})*/[\w-]{1,30}")
#: a page's URL built by a script around its number: "/list.action?pageNum=" + e.curr + "&pageSize=10"
_BUILT_QUERY = re.compile(r"""["']([^"'\s]{0,200}\?[^"'\s]{0,200}=)["']\s*\+\s*(?:[\w$]+\.)?(?:curr|current|page|pageno|"""
                          r"""pagenum|pageindex|currentpage|curpage)\s*\+\s*["']([^"'\s]{0,200})["']""", re.I)
#: a page's file name built by a script: "list_" + n + ".html", 'index_' + (p - 1) + '.html' (numbered from 0)
_BUILT = re.compile(r"""["']([\w-]{1,30})_["']\s*\+\s*\(?\s*[\w$.]+\s*(?:-\s*(\d)\s*)?\)?\s*\+\s*["']\.(\w{2,5})["']""")


def script_pages(html: str, url: str) -> tuple[str, ...]:
    """Other pages of the list announced by a script-only pager (see the module doc); a configuration without
    file names takes them from the names its script builds (``"list_" + obj.curr + ".html"``)."""
    if "<script" not in html.lower():
        return ()
    names = _assignments(html)
    query = _BUILT_QUERY.search(html)
    if query:  # location.href = "/list.action?pageNum=" + e.curr + "&theID=…"
        pages, current = _counts(names)
        if pages and pages > 1 and current is not None:
            return tuple(u for k in range(1, min(pages, MAX_SCRIPT_PAGES) + 1) if k != current
                         and (u := c.resolve(f"{query.group(1)}{k}{query.group(2)}", url)))
    built = _BUILT.search(html)
    if built and not any(_key(n) in STEM_KEYS for n in names):
        counted = select_count(html)
        if counted and _counts(names)[0] is None:  # a <select> of page numbers: goPage(this.value)
            return _numbered(url, built.group(1), built.group(3), counted[0], int(built.group(2) or 0))
        names = {**names, "prefix": built.group(1), "suffix": built.group(3)}
    for pages, current, stem, ext in [*_from_calls(html, names), *filter(None, [_from_config(names)])]:
        if pages <= 1 or current < 0:
            continue
        folder = c.column_dir(url)
        if "/" in stem:  # a path: its folder is the list's
            path = c.resolve(stem, url) or ""
            folder, stem = path.rsplit("/", 1)[0] + "/", stem.rsplit("/", 1)[1]
        own = re.search(rf"/{re.escape(stem)}(?:(_?)(\d+))?\.{re.escape(ext)}$", url.split("?", 1)[0])
        if own is None and not url.split("?", 1)[0].endswith("/"):
            continue  # the pager speaks of other files than this page's
        if own is not None and own.group(2) is not None and not own.group(1):  # list1.html, list2.html …
            here = int(own.group(2))
            return tuple(f"{folder}{stem}{k}.{ext}" for k in range(1, min(pages, MAX_SCRIPT_PAGES) + 1) if k != here)
        if own is None or own.group(2) is None:  # the first page: its number (0 or 1) numbers the others
            first = min(current, 1)
            numbers = range(first + 1, first + min(pages, MAX_SCRIPT_PAGES))
            return tuple(f"{folder}{stem}_{k}.{ext}" for k in numbers)
        # a later page, stem_<here>: numbered from 0 when here is 1 (from 1, the second page is stem_2), from 1
        # when here is the page count; else both are possible, and the walk drops a page that is not there
        here = int(own.group(2))
        last = min(pages, MAX_SCRIPT_PAGES)
        numbers = range(1, last) if here == 1 else range(2, last + 1) if here == last else range(1, last + 1)
        return (f"{folder}{stem}.{ext}",) + tuple(f"{folder}{stem}_{k}.{ext}" for k in numbers if k != here)
    return ()


def _numbered(url: str, stem: str, ext: str, pages: int, offset: int) -> tuple[str, ...]:
    """The files of pages 1…`pages` a script names ``stem_<page - offset>.ext`` (file number 0: ``stem.ext``),
    but this one."""
    folder = c.column_dir(url)
    files = (f"{folder}{stem}_{k - offset}.{ext}" if k > offset else f"{folder}{stem}.{ext}"
             for k in range(1, min(pages, MAX_SCRIPT_PAGES) + 1))
    return tuple(u for u in files if u != url)
