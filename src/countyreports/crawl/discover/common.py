"""Shared helpers of the discovery adapters: parsing, links, URL rules, dates, keyword scores.

Everything here is a pure function over (html text, page url). The tables (keywords, URL patterns,
container names) are data in countyreports.crawl.discover.keywords, imported here for the adapters.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator
from urllib.parse import urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from countyreports.models import Link

from countyreports.crawl.discover.keywords import (
    COLUMN_TEXT_SCORES, NEGATIVE_TEXT, MORE_TEXTS, URL_SCORES, ARTICLE_URL, COLUMN_URL,
    ATTACHMENT_URL, BAD_SCHEMES, EXCLUDED_CONTAINER, EXCLUDED_CONTAINER_EXACT, EXCLUDED_TAGS,
    BREADCRUMB_CONTAINER, BREADCRUMB_LEAD, LIST_TITLE_SELECTORS, DATE_RE, ELLIPSIS_RE, SPACE_RE,
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


def same_site(url: str, hosts: Iterable[str]) -> bool:
    return site_key(host_of(url)) in {site_key(h) for h in hosts}


def is_attachment(url: str) -> bool:
    parts = urlsplit(url)
    return bool(ATTACHMENT_URL.search(parts.path + ("?" + parts.query if parts.query else "")))


def is_article_url(url: str) -> bool:
    parts = urlsplit(url)
    return bool(ARTICLE_URL.search(parts.path + ("?" + parts.query if parts.query else "")))


def is_column_url(url: str) -> bool:
    return bool(COLUMN_URL.search(urlsplit(url).path))


def column_dir(url: str) -> str:
    """The folder of a list page URL: http://h/a/b/index_1.html -> http://h/a/b/."""
    parts = urlsplit(url)
    path = parts.path
    if not path.endswith("/"):
        path = path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


def clean(text: str | None) -> str:
    return SPACE_RE.sub(" ", (text or "").replace("\u3000", " ").replace("\xa0", " ")).strip()


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    m = DATE_RE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def link_title(node: LexborNode) -> str:
    """An anchor's title: the `title` attribute when the text is truncated (ends with ...)
    or is a prefix of it, else the text; dates inside the anchor are removed."""
    text = clean(node.text(separator=" "))
    text_wo_date = clean(DATE_RE.sub("", text)) if DATE_RE.search(text) else text
    title = clean(node.attributes.get("title"))
    if title and not DATE_RE.fullmatch(title):
        stem = ELLIPSIS_RE.sub("", text_wo_date)
        if not text_wo_date or ELLIPSIS_RE.search(text_wo_date) or (
            len(title) >= len(stem) and title.startswith(stem)
        ):
            return title
    return text_wo_date or title


def block_heading(anchor: LexborNode) -> str:
    """For a "更多" link: the heading text of its block (h1-h4, .title, span/strong siblings)."""
    for anc in itertools.islice(ancestors(anchor), 3):
        for sel in ("h1", "h2", "h3", "h4", "h5", ".title", ".tit", "strong", "b", "span"):
            node = anc.css_first(sel)
            if node is not None:
                text = clean(node.text(separator=" "))
                if text and text not in MORE_TEXTS and len(text) <= 20:
                    return text
    return ""


def text_score(text: str) -> tuple[int, str]:
    """Score of a column name / link text (0 when it is not on the way to the report column)."""
    text = clean(text)
    if not text or len(text) > 40 or NEGATIVE_TEXT.search(text):
        return 0, ""
    for pattern, score, reason in COLUMN_TEXT_SCORES:
        if pattern.search(text):
            return score, reason
    return 0, ""


def url_score(url: str) -> tuple[int, str]:
    parts = urlsplit(url)
    path = parts.path
    for pattern, score, reason in URL_SCORES:
        if pattern.search(path):
            return score, reason
    return 0, ""


# --------------------------------------------------------------------------------------------
# Containers, rows, anchors
# --------------------------------------------------------------------------------------------


def ancestors(node: LexborNode) -> Iterator[LexborNode]:
    cur = node.parent
    while cur is not None and cur.tag not in ("html", "-undef", None):
        yield cur
        cur = cur.parent


def _tokens(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()


def in_excluded_container(node: LexborNode, *, ambiguous: bool = True) -> bool:
    """Whether a node sits in page chrome (nav, header, footer, breadcrumb, pagination, related
    links, ...). `ambiguous=False` only trusts the unambiguous words and tags."""
    for anc in ancestors(node):
        if anc.tag in EXCLUDED_TAGS:
            return True
        tokens = _tokens(anc)
        if not tokens:
            continue
        for t in tokens.split():
            if EXCLUDED_CONTAINER.search(t) or (ambiguous and t.lower() in EXCLUDED_CONTAINER_EXACT):
                return True
    return False


ROW_TAGS = ("li", "tr", "dd", "dt", "p")


def row_of(anchor: LexborNode) -> LexborNode | None:
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


def anchors(tree: LexborHTMLParser, base: str) -> Iterator[tuple[LexborNode, str]]:
    """(anchor node, absolute url) for every web link of a page."""
    for a in tree.css("a[href]"):
        url = resolve(a.attributes.get("href"), base)
        if url:
            yield a, url


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


def meta(tree: LexborHTMLParser, name: str) -> str | None:
    low = name.lower()
    for node in tree.css("meta[name]"):
        if (node.attributes.get("name") or "").lower() == low:
            return clean(node.attributes.get("content"))
    return None


def breadcrumb(tree: LexborHTMLParser) -> list[str]:
    """Texts of the breadcrumb items ("当前位置：首页 > 政府信息公开 > 法治政府建设年度报告")."""
    for node in tree.css("div, p, span, nav, section, td, ol, ul"):
        tokens = _tokens(node)
        text = clean(node.text(separator=" "))
        if not text or len(text) > 200:
            continue
        if (tokens and BREADCRUMB_CONTAINER.search(tokens)) or BREADCRUMB_LEAD.match(text):
            text = BREADCRUMB_LEAD.sub("", text)
            parts = [clean(p) for p in re.split(r"\s*(?:>>|>|＞|›|»|→|\|)\s*|\s+/\s+", text)]
            parts = [p for p in parts if p]
            if parts:
                return parts
    return []


def list_title(tree: LexborHTMLParser) -> str | None:
    for sel in LIST_TITLE_SELECTORS:
        node = tree.css_first(sel)
        if node is not None and not in_excluded_container(node):
            text = clean(node.text(separator=" "))
            if text and len(text) <= 40:
                return text
    return None


def page_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("title")
    if node is None:
        return None
    text = clean(node.text())
    return clean(re.split(r"\s*[-_|—–]\s*", text)[0]) if text else None
