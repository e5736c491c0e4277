"""Shared helpers of the discovery adapters: parsing, links, URL rules, dates, keyword scores.

Everything here is a pure function over (html text, page url). The tables (keywords, URL patterns,
container names) are data in countyreports.crawl.discover.keywords, imported here for the adapters.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from countyreports.crawl.discover.rows import LINK_ATTRS, is_scripted_row, said
from countyreports.models import Link
from countyreports.reading.metadata import parse_cn_date

from countyreports.crawl.discover.keywords import (
    MORE_RE, MORE_TEXTS, ARTICLE_URL, COLUMN_URL, ATTACHMENT_URL, BAD_SCHEMES, EXCLUDED_CONTAINER, EXCLUDED_CONTAINER_EXACT,
    EXCLUDED_TAGS, DATE_RE, ELLIPSIS_RE, SPACE_RE, PAGE_PARAM,
)

# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScoredLink:
    """A link that may lead to the report column, with its score (higher is better)."""

    url: str
    text: str
    score: int
    reason: str = ""
    context: str = ""  # the topic column the link is under (its page's), for the page it leads to


# --------------------------------------------------------------------------------------------
# Parsing and URLs
# --------------------------------------------------------------------------------------------


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html or "<html></html>")


def base_url(tree: LexborHTMLParser, url: str) -> str:
    node = tree.css_first("base[href]")
    if node is not None:
        href = (node.attributes.get("href") or "").strip()
        if href and not href.lower().startswith(BAD_SCHEMES):
            return urljoin(url, href)
    return url


@functools.lru_cache(maxsize=16384)
def resolve(href: str | None, base: str) -> str | None:
    """Absolute http(s) URL of an href (attribute value, already HTML-unescaped), fragment
    dropped; None for javascript:, mailto:, empty and other non-web links."""
    if not href:
        return None
    href = href.strip().replace("\n", "").replace("\r", "").replace("\t", "")
    if not href or href.lower().startswith(BAD_SCHEMES):
        return None
    if "&amp;" in href:  # double-escaped in the source (regex-extracted or sloppy templates)
        href = href.replace("&amp;", "&")
    absolute, _ = urldefrag(urljoin(base, href))
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if not parts.path:  # http://host -> http://host/
        absolute = f"{parts.scheme}://{parts.netloc}/" + (f"?{parts.query}" if parts.query else "")
    return absolute


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def site_key(host: str) -> str:
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def in_hosts(host: str, hosts: Iterable[str]) -> bool:
    """Whether a host is one of `hosts`: exact names (with or without ``www.``), or ``.site`` entries that
    stand for a site and its subdomains (`scope.Scope.entries`)."""
    key = site_key(host)
    for entry in hosts:
        if entry.startswith("."):
            site = entry[1:]
            if key == site or key.endswith("." + site) or host == site or host.endswith("." + site):
                return True
        elif site_key(entry) == key:
            return True
    return False


def same_site(url: str, hosts: Iterable[str]) -> bool:
    return in_hosts(host_of(url), hosts)


def is_attachment(url: str) -> bool:
    parts = urlsplit(url)
    return bool(ATTACHMENT_URL.search(parts.path + ("?" + parts.query if parts.query else "")))


def is_article_url(url: str) -> bool:
    parts = urlsplit(url)
    return bool(ARTICLE_URL.search(parts.path + ("?" + parts.query if parts.query else "")))


def names_a_url(value: str) -> bool:
    """An option's value that is a URL (index_1.html, 2023/, ?page=2), not a bare number a script uses."""
    return any(ch in value for ch in "./?=")


_ROOT = re.compile(r"^/?(?:index|default)?(?:\.\w+)?$", re.I)


def is_site_root(url: str) -> bool:
    """The root page of a host (/, /index.html): a site's homepage."""
    parts = urlsplit(url)
    return not parts.query and bool(_ROOT.match(parts.path))


def is_column_url(url: str) -> bool:
    return bool(COLUMN_URL.search(urlsplit(url).path))


def url_shape(url: str) -> str:
    """A URL with its numbers, hashes and page numbers blanked: list pages of one CMS share a shape
    (``List.aspx?ClassID=#``), its article pages another (``Show.aspx?id=#``)."""
    parts = urlsplit(url)
    path = _SHAPE_HEX.sub("h", parts.path.lower())
    path = _SHAPE_NUM.sub("#", path)
    keys = []
    for pair in sorted(p for p in parts.query.split("&") if p):
        key, _, value = pair.partition("=")
        if PAGE_PARAM.match(key):
            continue
        value = _SHAPE_NUM.sub("#", _SHAPE_HEX.sub("h", value.lower()))
        keys.append(f"{key.lower()}={value}")
    return path + ("?" + "&".join(keys) if keys else "")


_SHAPE_HEX = re.compile(r"[0-9a-f]{16,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHAPE_NUM = re.compile(r"\d+")


def column_dir(url: str) -> str:
    """The folder of a list page URL: http://h/a/b/index_1.html -> http://h/a/b/."""
    parts = urlsplit(url)
    path = parts.path
    if not path.endswith("/"):
        path = path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


_INDEX = re.compile(r"/(?:index|default|list|main)\.\w+$|/$", re.I)


def page_key(url: str) -> str:
    """A URL without its scheme, `www.`, escapes and default document: /fz/, /fz/index.html and /fz are one
    page, and so are ?c=法治 and ?c=%E6%B3%95%E6%B2%BB."""
    rest = unquote(url.split("://", 1)[-1].removeprefix("www."))  # a link may spell its query unescaped
    path, sep, query = rest.partition("?")
    return _INDEX.sub("", path) + sep + query


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


def clean(text: str | None) -> str:
    return SPACE_RE.sub(" ", (text or "").replace("\u3000", " ").replace("\xa0", " ")).strip()


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    m = DATE_RE.search(text)
    if not m:  # a date in Chinese numerals (二〇二五年三月十二日)
        return parse_cn_date(text) if "〇" in text or "○" in text else None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def link_title(node: LexborNode) -> str:
    """An anchor's title: the `title` attribute when the text is truncated (ends with ...)
    or is a prefix of it, else the text; dates inside the anchor are removed."""
    text = clean(said(node))
    text_wo_date = clean(DATE_RE.sub("", text)) if DATE_RE.search(text) else text
    title = clean(node.attributes.get("title"))
    if title and not DATE_RE.fullmatch(title):
        stem = ELLIPSIS_RE.sub("", text_wo_date)
        if not text_wo_date or ELLIPSIS_RE.search(text_wo_date) or (len(title) >= len(stem) and title.startswith(stem)):
            return title
    return text_wo_date or title or clean(node.attributes.get("alt"))


def block_heading(anchor: LexborNode) -> str:
    """For a "更多" link: the heading text of its block (h1-h4, .title, span/strong siblings — not a list row's
    date); in a tab pane (``<div id="fz2">``, shown by ``tab(this,'fz2')`` or ``<a href="#fz2">``), the label of the
    tab that shows it."""
    for anc in itertools.islice(ancestors(anchor), 3):
        label = tab_label(anc)
        if label:
            return label
        for sel in ("h1", "h2", "h3", "h4", "h5", ".title", ".tit", "strong", "b", "span"):
            node = next((n for n in anc.css(sel) if not _in_row(n, anc)), None)
            if node is not None:
                # a heading holding its own more-link (<div class="tit"><span>年度报告</span><a>更多</a>)
                text = " ".join(w for w in clean(node.text(separator=" ")).split()
                                if w not in MORE_TEXTS and not MORE_RE.match(w))
                if text and len(text) <= 20:
                    return text
    return ""


_TAB_ATTRS = ("onclick", "onmouseover", "onmouseenter", "href", "data-target", "data-tab", "aria-controls",
              "data-bs-target", "data-id")
_TAB_SELECTOR = ", ".join(f"[{k}]" for k in _TAB_ATTRS)


def tab_label(pane: LexborNode) -> str:
    """The label of the tab that shows `pane`: the element whose handler or target names the pane's id
    (``onmouseover="tab(this,'fz2')"``, ``href="#fz2"``, ``aria-controls="fz2"``), else ""."""
    pane_id = (pane.attributes.get("id") or "").strip()
    if not pane_id:
        return ""
    root = pane
    while root.parent is not None and root.parent.tag not in ("html", "-undef", None):
        root = root.parent
    named = re.compile(rf"""(?:^#?|['"#])({re.escape(pane_id)})(?:$|['"])""")
    for node in root.css(_TAB_SELECTOR):
        if node.tag in ("div", "ul", "section") or len(clean(node.text())) > 20:
            continue
        if any(named.search((node.attributes.get(k) or "").strip()) for k in _TAB_ATTRS):
            return clean(node.text())
    return ""


def _in_row(node: LexborNode, top: LexborNode) -> bool:
    """Whether `node` is inside a list row (li, tr, dd) below `top`: a row's date, not the block's heading."""
    for anc in ancestors(node):
        if anc is top or anc == top:
            return False
        if anc.tag in ("li", "tr", "dd"):
            return True
    return False


def ancestors(node: LexborNode) -> Iterator[LexborNode]:
    cur = node.parent
    while cur is not None and cur.tag not in ("html", "-undef", None):
        yield cur
        cur = cur.parent


def _tokens(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()


def in_excluded_container(node: LexborNode, *, ambiguous: bool = True) -> bool:
    """Whether a node sits in page chrome (nav, header, footer, breadcrumb, pagination, related links, ...; not
    ``<body class="hashpager">``: the page's name). `ambiguous=False` only trusts the unambiguous words and tags.
    A header or footer inside an ``<article>`` is that entry's (HTML5: a post's title and date), not the page's."""
    for anc in itertools.takewhile(lambda n: n.tag not in ("body", "html"), ancestors(node)):
        if anc.tag in EXCLUDED_TAGS and not (anc.tag in ENTRY_PARTS and _in_article(anc)):
            return True
        tokens = _tokens(anc)
        if not tokens:
            continue
        for t in tokens.split():
            if EXCLUDED_CONTAINER.search(t) or (ambiguous and t.lower() in EXCLUDED_CONTAINER_EXACT):
                return True
    return False


ROW_TAGS = ("li", "tr", "dd", "dt", "p")
ENTRY_PARTS = frozenset({"header", "footer"})


def _in_article(node: LexborNode) -> bool:
    return any(a.tag == "article" for a in ancestors(node))


def row_of(anchor: LexborNode) -> LexborNode | None:
    if is_scripted_row(anchor):
        return anchor
    for anc in ancestors(anchor):
        if anc.tag in ROW_TAGS:
            return anc
        if anc.tag in ("ul", "ol", "table", "tbody", "dl", "body"):
            return None
    return None


def row_date(anchor: LexborNode, row: LexborNode | None) -> dt.date | None:
    """The date printed with a list entry: in the anchor's row outside the anchor, else in the
    anchor itself, else in the anchor's next sibling element."""
    if row is not None:
        own = clean(anchor.text(separator=" "))
        row_text = clean(row.text(separator=" "))
        date = parse_date(row_text.replace(own, " ", 1)) or parse_date(own)
        if date:
            return date
    date = parse_date(anchor.text(separator=" "))
    if date:
        return date
    sib = anchor.next
    for _ in range(3):
        if sib is None:
            break
        if sib.tag in ("span", "em", "i", "font", "td", "div", "-text"):
            date = parse_date(sib.text(separator=" ") if sib.tag != "-text" else sib.text_content)
            if date:
                return date
        sib = sib.next
    return None


def label_of(anchor: LexborNode) -> str:
    """What an anchor says: its text, else its `title`, else the `alt` of its image."""
    text = clean(said(anchor))
    if text:
        return text
    title = clean(anchor.attributes.get("title")) or clean(anchor.attributes.get("alt"))
    if title:
        return title
    img = anchor.css_first("img[alt]")
    return clean(img.attributes.get("alt")) if img is not None else ""


_SCRIPTED_URL = re.compile(r"""["']((?:https?://|/|\./|\.\./)[^"'\s<>]*|[\w./-]+\.(?:s?html?|jsp|php|aspx?|do)"""
                           r"""(?:\?[^"'\s<>]*)?)["']""", re.I)


def anchors(tree: LexborHTMLParser, base: str) -> Iterator[tuple[LexborNode, str]]:
    """(anchor node, absolute url) for every web link of a page; a scripted link (``href="javascript:…"`` or
    ``#`` with ``onclick="location.href='/xxgk/'"``, ``openUrl('/xxgk/')``, ``window.open(…)``) gives the URL
    its script opens; so do an image map's ``<area>`` and a row opened by a script (`rows`) holding no anchor."""
    functions: dict[str, str] | None = None
    for a in tree.css("a[href], a[onclick], area[href], [onclick], [data-href], [data-url]"):
        if is_scripted_row(a) and (a.css_first("a[href]") is not None or any(n.tag == "a" for n in ancestors(a))):
            continue
        href = a.attributes.get("href") or next((a.attributes.get(k) for k in LINK_ATTRS if a.attributes.get(k)), None)
        url = resolve(href, base)
        if url is None:
            script = f"{href or ''} {a.attributes.get('onclick') or ''}"
            m = _SCRIPTED_URL.search(script) if ("(" in script or "=" in script) else None
            url = resolve(m.group(1), base) if m else None
            call = _CALL.search(script) if url is None else None
            if call is not None:  # goColumn('4028…'): the URL the page's function builds from its argument
                functions = _url_functions(tree) if functions is None else functions
                prefix = functions.get(call.group(1))
                url = resolve(prefix + call.group(2), base) if prefix else None
        if url:
            yield a, url


_CALL = re.compile(r"""(?:^|[\s:;])(?:return\s+)?([A-Za-z_$][\w$]*)\s*\(\s*["']([\w.-]{1,80})["']""")
_FUNCTION = re.compile(r"function\s+([A-Za-z_$][\w$]*)\s*\(\s*([A-Za-z_$][\w$]*)[^)]*\)\s*\{([^{}]{0,800})\}", re.S)


def _url_functions(tree: LexborHTMLParser) -> dict[str, str]:
    """name → URL prefix of the page's one-argument functions that open a URL built from their argument
    (``function goColumn(id) { frame.src = "/web/list.action?theID=" + id; }``)."""
    out: dict[str, str] = {}
    for node in tree.css("script"):
        for m in _FUNCTION.finditer(node.text() or ""):
            built = re.search(rf"""["']([^"'\s]{{1,200}})["']\s*\+\s*{re.escape(m.group(2))}\b""", m.group(3))
            if built and re.search(r"[=/]$", built.group(1)):
                out.setdefault(m.group(1), built.group(1))
    return out


def make_link(anchor: LexborNode, url: str) -> Link:
    return Link(url=url, text=link_title(anchor), date=row_date(anchor, row_of(anchor)))


def dedupe(links: Iterable[Link]) -> tuple[Link, ...]:
    seen: dict[str, Link] = {}
    for link in links:
        if link.url not in seen:
            seen[link.url] = link
        elif not seen[link.url].date and link.date:
            seen[link.url] = Link(link.url, seen[link.url].text or link.text, link.date)
    return tuple(seen.values())
