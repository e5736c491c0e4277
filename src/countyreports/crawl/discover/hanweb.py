"""Hanweb family (大汉网络 jcms): /col/col7162/index.html columns, /art/2024/1/25/art_7162_1374054.html
articles.

A column page carries its first entries as XML inside `<script type="text/xml"><datastore>`:
one `<record><![CDATA[<li><a ...>...</a><span>date</span></li>]]></record>` per entry (an HTML
parser does not look inside <script>, so the records are cut out with regexes and parsed on
their own). The rest comes from `/module/web/jpage/dataproxy.jsp?startrecord=..&endrecord=..`,
named by the `<nextgroup>` CDATA link, else computed from `jpageConfig` (`totalRecord`,
`perPage`, `columnid`, `unitid`, `webid`). A dataproxy answer is itself a `<datastore>` document
(with `<totalrecord>`), parsed by the same function.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from countyreports.models import Family, Link, ListPage

from . import common as c
from . import listing, pager

# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

HTML_SIGNALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"jpageConfig|/module/web/jpage/|<datastore>", re.I), 6),
    (re.compile(r"hanweb|大汉网络|/jcms/", re.I), 4),
    (re.compile(r"href=\"[^\"]*/col/col\d+/"), 1),
    (re.compile(r"href=\"[^\"]*/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html\""), 1),
    (re.compile(r"/module/download/downfile\.jsp"), 2),
)
URL_SIGNALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"/col/col\d+/|/art/\d{4}/\d{1,2}/\d{1,2}/art_|/module/web/jpage/dataproxy\.jsp"), 6),
)

DATASTORE = re.compile(r"<datastore\b[^>]*>(.*?)</datastore>", re.S | re.I)
RECORD = re.compile(r"<record\b[^>]*>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</record>", re.S | re.I)
NEXTGROUP = re.compile(r"<nextgroup\b[^>]*>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</nextgroup>", re.S | re.I)
TOTAL_TAG = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.I)
JPAGE = re.compile(r"jpageConfig\s*=\s*\{(.*?)\}", re.S)
JPAGE_FIELD = re.compile(r"(\w+)\s*:\s*['\"]?([^,'\"}]*)['\"]?")
HREF = re.compile(r"href\s*=\s*['\"]([^'\"]+)['\"]", re.I)
DEFAULT_PROXY = "/module/web/jpage/dataproxy.jsp"
PROXY_PARAMS = ("startrecord", "endrecord", "perpage", "columnid", "unitid", "webid")
GROUP_PAGES = 3  # dataproxy groups hold perPage * 3 records (jpage default)


def records(html: str) -> list[str]:
    out: list[str] = []
    for store in DATASTORE.finditer(html):
        for m in RECORD.finditer(store.group(1)):
            out.append(m.group(1) if m.group(1) is not None else m.group(2) or "")
    return out


def record_items(html: str, url: str, hosts: frozenset[str]) -> tuple[Link, ...]:
    links: list[Link] = []
    for frag in records(html):
        tree = c.parse(f"<ul>{frag}</ul>")
        for a, u in c.anchors(tree, url):
            if not c.same_site(u, hosts):
                continue
            links.append(Link(url=u, text=c.link_title(a), date=c.row_date(a, c.row_of(a))))
            break
    return c.dedupe(links)


def jpage_config(html: str) -> dict[str, str]:
    m = JPAGE.search(html)
    if not m:
        return {}
    return {k: v.strip() for k, v in JPAGE_FIELD.findall(m.group(1))}


def page_urls(html: str, url: str, n_records: int) -> tuple[str, ...]:
    """The next group of records: the <nextgroup> link, else computed from jpageConfig/totals."""
    out: list[str] = []
    for m in NEXTGROUP.finditer(html):
        frag = m.group(1) if m.group(1) is not None else m.group(2) or ""
        for href in HREF.findall(frag):
            u = c.resolve(href, url)
            if u and u not in out:
                out.append(u)
    if out:
        return tuple(out)
    parts = urlsplit(url)
    if "dataproxy" in parts.path:  # a proxy answer: continue from its own range
        q = dict(parse_qsl(parts.query))
        total_m = TOTAL_TAG.search(html)
        try:
            end = int(q.get("endrecord", "0"))
            per = int(q.get("perpage", "0")) or max(n_records, 1)
        except ValueError:
            return ()
        if total_m and int(total_m.group(1)) > end and n_records:
            q["startrecord"], q["endrecord"] = str(end + 1), str(end + per * GROUP_PAGES)
            return (f"{parts.scheme}://{parts.netloc}{parts.path}?{_query(q)}",)
        return ()
    cfg = jpage_config(html)
    try:
        total = int(cfg.get("totalRecord", "0") or 0)
        per = int(cfg.get("perPage", "0") or 0) or 15
    except ValueError:
        return ()
    if cfg and total > n_records and cfg.get("columnid"):
        q = {
            "startrecord": str(n_records + 1),
            "endrecord": str(n_records + per * GROUP_PAGES),
            "perpage": str(per),
            "columnid": cfg.get("columnid", ""),
            "unitid": cfg.get("unitid", ""),
            "webid": cfg.get("webid", ""),
        }
        proxy = urljoin(url, cfg.get("proxyUrl") or DEFAULT_PROXY)
        return (f"{proxy}?{_query(q)}",)
    return ()


def _query(q: dict[str, str]) -> str:
    keys = [k for k in PROXY_PARAMS if k in q] + [k for k in q if k not in PROXY_PARAMS]
    return urlencode([(k, q[k]) for k in keys], safe="/")


def parse_list(html: str, url: str, *, hosts: frozenset[str] = frozenset()) -> ListPage:
    scope = frozenset({c.host_of(url), *hosts})
    recs = records(html)
    items = record_items(html, url, scope)
    nexts = list(page_urls(html, url, len(recs)))
    if not recs:  # server-rendered Hanweb list, or not a datastore page at all
        tree = c.parse(html)
        items = listing.list_items(tree, url, scope)
        for u in pager.page_links(tree, url, scope):
            if u not in nexts:
                nexts.append(u)
    return ListPage(url=url, items=items, next_pages=tuple(nexts), family=Family.HANWEB)
