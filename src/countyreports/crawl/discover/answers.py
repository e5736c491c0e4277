"""What a list endpoint answers besides its rows (pure): where the list goes on.

A list behind a page is often asked from an endpoint that answers XML or JSON, and the page's own HTML or the
answer says how to get the rest:

* an XML answer (a data proxy's ``<datastore>``) carries its rows as HTML in CDATA sections (read as a list by
  `scripts.fragments`); its paging numbers are elements (``<totalrecord>12</totalrecord>``, ``<perpage>5</perpage>``),
  read like a JSON answer's (`scripts.json_pages`); a link inside its CDATA to the endpoint's own path with
  another query is its next group;
* a data store inside a page's scripts (``<script type="text/xml">``) names its next group by a link without
  text in a CDATA section: a link to be fetched, not shown;
* a JSON answer says there is more (``"hasMore": true``, ``"hasNext": true``: the page parameter plus one) or
  names the next request (``"next": "/list?offset=8"``);
* a list asked by record range (``startrecord=1&endrecord=45``, ``offset=0&limit=10``) goes on by moving the
  range until the total its answer gives (XML or JSON); its rows may be one HTML string (``"html": "<li>…"``,
  slashes escaped or not — the JSON reader unescapes them);
* a "load more" control — a button or a link going nowhere (``href="javascript:;"``) whose ``data-url`` /
  ``data-href`` / ``data-next`` attribute names the next batch — continues the list it ends.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.keywords import LOAD_MORE_RE, PAGE_PARAM
from countyreports.crawl.discover.pager import SIZE_KEYS, TOTAL_KEYS
from countyreports.crawl.discover.scripts import json_pages, walk

_XML_HEAD = re.compile(r"^\s*(?:\ufeff)?<\?xml\b", re.I)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_NUMBER_ELEMENT = re.compile(r"<([A-Za-z_][\w.-]{0,40})>\s*(\d{1,9})\s*</\1>")
_HAS_ANCHOR = re.compile(r"<a\s[^>]*href", re.I)
#: JSON keys saying a further page exists (lower case, without _)
MORE_KEYS = frozenset({"hasmore", "hasnext", "hasnextpage", "more", "ismore", "nextpage"})
#: JSON keys naming the next request
NEXT_KEYS = frozenset({"next", "nexturl", "nextlink", "nextpageurl", "more_url", "moreurl"})
#: a list asked by range: the first record's parameter, the last record's (lower case, without _)
OFFSET_KEYS = frozenset({"offset", "startrecord", "startrow", "skip", "from", "begin"})
END_KEYS = frozenset({"endrecord", "endrow"})
MAX_WINDOWS = 50
#: attributes of a load-more control naming the next batch
CONTINUE_ATTRS = ("data-url", "data-href", "data-next", "data-more", "data-src")
_CONTROL_TAGS = frozenset({"a", "button", "input", "span", "div", "p", "li"})
MAX_CONTROL_LABEL = 12


def is_xml(text: str) -> bool:
    """An XML document: declared (``<?xml …?>``), or without an HTML head and holding CDATA sections."""
    head = text[:2000].lower()
    return bool(_XML_HEAD.match(text[:200])) or (
        "<![cdata[" in head and not any(t in head for t in ("<html", "<body", "<!doctype", "<head")))


def data_pages(text: str, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """The further pages a data store names: CDATA links without text (a page's inline store, an XML answer);
    in an XML answer, also its CDATA links to its own path, and the pages its paging numbers count."""
    xml = is_xml(text)
    own_path = urlsplit(url).path
    out: list[str] = []
    for frag in _CDATA.findall(text):
        if not _HAS_ANCHOR.search(frag):
            continue
        tree = c.parse(f"<html><body><div>{frag}</div></body></html>")
        for a, u in c.anchors(tree, url):
            if u == url or u in out or not c.same_site(u, hosts) or c.is_attachment(u) or c.is_article_url(u):
                continue
            if (not c.clean(a.text()) and urlsplit(u).query) or (xml and urlsplit(u).path == own_path):
                out.append(u)
    if xml:
        numbers = {m.group(1): int(m.group(2)) for m in _NUMBER_ELEMENT.finditer(text)}
        out += [u for u in (*json_pages(numbers, url), *windows(numbers, url)) if u not in out]
    return tuple(out)


def windows(numbers: dict[str, Any], url: str) -> tuple[str, ...]:
    """The further record windows of a list asked by range (``startrecord=1&endrecord=45``, ``offset=0&limit=10``)
    whose answer gives its total (`pager.TOTAL_KEYS`): the same window moved on until the total."""
    total = next((v for k, v in numbers.items() if _key(k) in TOTAL_KEYS and isinstance(v, int)
                  and not isinstance(v, bool)), None)
    query = _params(url)
    keys = [_key(k) for k, _v in query]
    at = next((i for i, k in enumerate(keys) if k in OFFSET_KEYS and query[i][1].isdigit()), None)
    if total is None or at is None:
        return ()
    start = int(query[at][1])
    end_at = next((i for i, k in enumerate(keys) if k in END_KEYS and query[i][1].isdigit()), None)
    size_at = next((i for i, k in enumerate(keys) if k in SIZE_KEYS and query[i][1].isdigit()), None)
    size = int(query[end_at][1]) - start + 1 if end_at is not None else int(query[size_at][1]) if size_at is not None else 0
    if size <= 0:
        return ()
    first = 1 if end_at is not None else 0  # a range names its last record; an offset counts records before
    out: list[str] = []
    nxt = start + size
    while nxt - first < total and len(out) < MAX_WINDOWS:
        out.append(_with(url, {at: nxt, **({end_at: nxt + size - 1} if end_at is not None else {})}))
        nxt += size
    return tuple(out)


def _key(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def json_next(value: Any, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """The next request a JSON answer names (``"next": "…"``) or announces (``"hasMore": true`` with a page
    parameter in the URL asked)."""
    out: list[str] = []
    for obj in walk(value):
        for k, v in obj.items():
            key = _key(k)
            if key in NEXT_KEYS and isinstance(v, str) and v.strip() and c.names_a_url(v.strip()):
                target = c.resolve(v.strip(), url)
                if target and target != url and c.same_site(target, hosts) and target not in out:
                    out.append(target)
            elif key in MORE_KEYS and v is True:
                target = _next_page(url)
                if target and target not in out:
                    out.append(target)
        out += [u for u in windows(obj, url) if u not in out]
        break  # the answer's own keys (and a top-level list's first row) only
    return tuple(out)


def _params(url: str) -> list[tuple[str, str]]:
    """The URL's query as (name, raw value) pairs, in order, values as written (still %-encoded)."""
    return [(p.partition("=")[0], p.partition("=")[2]) for p in urlsplit(url).query.split("&") if p]


def _with(url: str, values: dict[int, int]) -> str:
    """The URL with the query parameters at these positions set to these numbers, the rest as written."""
    parts = urlsplit(url)
    query = "&".join(f"{k}={values[i]}" if i in values else f"{k}={v}" for i, (k, v) in enumerate(_params(url)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _next_page(url: str) -> str | None:
    query = _params(url)
    at = next((i for i, (k, v) in enumerate(query) if PAGE_PARAM.match(k) and v.isdigit()), None)
    return _with(url, {at: int(query[at][1]) + 1}) if at is not None else None


def json_html(value: Any) -> str:
    """The HTML a JSON answer carries as strings (its rows written as one ``"html"`` value), joined."""
    out: list[str] = []
    for obj in walk(value):
        out += [v for v in obj.values() if isinstance(v, str) and _HAS_ANCHOR.search(v)]
    return "".join(out)


def continuations(tree: c.LexborHTMLParser, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """The next batches "load more" controls name (see the module doc), on the county's site."""
    base = c.base_url(tree, url)
    out: list[str] = []
    for node in tree.css(", ".join(f"[{a}]" for a in CONTINUE_ATTRS)):
        if node.tag not in _CONTROL_TAGS or any(a.mem_id != node.mem_id for a in node.css("a[href]")):
            continue
        href = (node.attributes.get("href") or "").strip().lower()
        if href and not href.startswith(("javascript", "#")):
            continue  # a link going somewhere: it is what it links
        label = c.clean(node.text()) or c.clean(node.attributes.get("value")) or c.clean(node.attributes.get("title"))
        named = node.attributes.get("data-next") is not None or node.attributes.get("data-more") is not None
        tokens = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if not (named or (len(label) <= MAX_CONTROL_LABEL and (LOAD_MORE_RE.search(label) or LOAD_MORE_RE.search(tokens)))):
            continue
        for attr in CONTINUE_ATTRS:
            raw = (node.attributes.get(attr) or "").strip()
            target = c.resolve(raw, base) if raw and c.names_a_url(raw) else None
            if target and target != url and c.same_site(target, hosts) and not c.is_attachment(target) \
                    and not c.is_article_url(target) and target not in out:
                out.append(target)
    return tuple(out)

