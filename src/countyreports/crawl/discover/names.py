"""Column names and their scores: what a link says it leads to, and what a page says it is (pure).

A name is scored by the keyword table `keywords.COLUMN_TEXT_SCORES` (法治政府建设年度报告 100 … 政务公开 32).
A name that says only "report" (年度报告, 工作报告: `keywords.REPORT_WORDS`) is scored in its context: under a
topic column (法治政府建设, 依法行政: score ≥ `keywords.TOPIC_SCORE`) it is that topic's report column, scored as
the two names joined (法治政府建设年度报告 → 100); elsewhere (政府信息公开 › 年度报告) it is nothing. The context
of a link is the page it is on; the context of a page is its breadcrumb and the link that led to it.
"""

from __future__ import annotations

import re
from typing import Iterable
from dataclasses import replace
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from countyreports.crawl.discover.common import ScoredLink, clean, in_excluded_container
from countyreports.crawl.discover.keywords import (
    BREADCRUMB_CONTAINER, BREADCRUMB_LEAD, COLUMN_TEXT_SCORES, LIST_TITLE_SELECTORS, NEGATIVE_TEXT, PLACE_TOPIC,
    PLACE_TOPIC_SCORE, PLACE_TOPIC_STANDS_FOR, REPORT_WORDS, TOPIC_SCORE, URL_SCORES, YEAR_LABEL,
)
from countyreports.reading.classify import county_aliases

_CRUMB_SPLIT = re.compile(r"\s*(?:>>|>|＞|›|»|→|\|)\s*|\s+/\s+")
_TITLE_SPLIT = re.compile(r"\s*[-_|—–]\s*")


def text_score(text: str | None) -> tuple[int, str]:
    """Score of a column name / link text on its own (0 when it is not on the way to the report column)."""
    text = clean(text)
    if not text or len(text) > 40 or NEGATIVE_TEXT.search(text):
        return 0, ""
    for pattern, score, reason in COLUMN_TEXT_SCORES:
        if pattern.search(text):
            return score, reason
    return 0, ""


def url_score(url: str) -> tuple[int, str]:
    path = urlsplit(url).path
    for pattern, score, reason in URL_SCORES:
        if pattern.search(path):
            return score, reason
    return 0, ""


def is_year_label(text: str) -> bool:
    return bool(YEAR_LABEL.match(clean(text)))


def topic_of(names: Iterable[str]) -> str:
    """The best topic name among `names` (a column whose "年度报告" child is the report column), or ""."""
    best, best_score = "", 0
    for name in names:
        score, reason = text_score(name)
        score = TOPIC_SCORE if reason == "place" else score  # 法治乡宁: a topic, whatever its place
        if score >= TOPIC_SCORE and score > best_score and not REPORT_WORDS.match(clean(name)):
            best, best_score = clean(name), score
    return best


def scored(name: str, context: str = "") -> tuple[int, str]:
    """A name's score, in the context of a topic name (see the module doc)."""
    own = text_score(name)
    name = clean(name)
    if context and REPORT_WORDS.match(name):
        if text_score(context)[1] == "place":  # 法治乡宁 › 年度报告: the place's 法治政府 report column
            context = PLACE_TOPIC_STANDS_FOR
        joined = text_score(context + name)
        if joined[0] > own[0]:
            return joined[0], joined[1] + "+context"
    return own


def meta(tree: LexborHTMLParser, name: str) -> str | None:
    low = name.lower()
    for node in tree.css("meta[name]"):
        if (node.attributes.get("name") or "").lower() == low:
            return clean(node.attributes.get("content"))
    return None


def breadcrumb(tree: LexborHTMLParser) -> list[str]:
    """Texts of the breadcrumb items ("当前位置：首页 > 政府信息公开 > 法治政府建设年度报告"): the
    innermost container that holds them (a short page's main block also begins with 当前位置, then its
    lists)."""
    found: LexborNode | None = None
    for node in tree.css("div, p, span, nav, section, td, ol, ul"):
        if found is not None and not _inside(node, found):
            break
        attrs = node.attributes
        tokens = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()
        text = clean(node.text(separator=" "))
        if not text or len(text) > 200:
            continue
        if (tokens and BREADCRUMB_CONTAINER.search(tokens)) or BREADCRUMB_LEAD.match(text):
            if _crumb_parts(node):
                found = node
    return _crumb_parts(found) if found is not None else []


def _crumb_parts(node: LexborNode) -> list[str]:
    text = BREADCRUMB_LEAD.sub("", clean(node.text(separator=" ")))
    return [p for p in (clean(p) for p in _CRUMB_SPLIT.split(text)) if p]


def _inside(node: LexborNode, outer: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent == outer:
            return True
        parent = parent.parent
    return False


def list_title(tree: LexborHTMLParser) -> str | None:
    """The list's heading — not a text inside a link (a list row's title: <a><p class="tit">…</p></a>)."""
    for sel in LIST_TITLE_SELECTORS:
        node = next((n for n in tree.css(sel) if not _in_link(n)), None)
        if node is not None and not in_excluded_container(node):
            text = clean(node.text(separator=" "))
            if text and len(text) <= 40:
                return text
    return None


def _in_link(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


def page_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("title")
    if node is None:
        return None
    text = clean(node.text())
    return clean(_TITLE_SPLIT.split(text)[0]) if text else None


def own_names(tree: LexborHTMLParser, crumbs: list[str]) -> list[str]:
    """The page's own column name, most trusted first: meta ColumnName, last breadcrumb item, list title,
    first part of <title>."""
    names = [meta(tree, "ColumnName"), crumbs[-1] if crumbs else None, list_title(tree), page_title(tree)]
    return [n for n in dict.fromkeys(names) if n]


def page_score(names: list[str], crumbs: list[str], via: str = "", via_context: str = "") -> tuple[int, str]:
    """The best score of a page's names: its own, in the context of its breadcrumb or of the page that linked
    it, and the text of the link that led to it (`via`, in `via_context`). A year label scores nothing: a
    per-year page is a part of its column, not the column."""
    context = topic_of(crumbs[:-1]) or via_context
    best = (0, "")
    for name in [*names, via]:
        if not name or is_year_label(name):
            continue
        s = scored(name, context if name != via else via_context or context)
        if s[0] > best[0]:
            best = s
    return best


def placed(cand: ScoredLink, county: str) -> ScoredLink:
    """A topic named for a place (法治乡宁) is the county's topic column when the place is the county; any other
    place's scores nothing."""
    if cand.reason != "place":
        return cand
    m = PLACE_TOPIC.match(cand.text)
    ours = m is not None and m.group("place") in county_aliases(county)
    return replace(cand, score=PLACE_TOPIC_SCORE if ours else 0, reason="place:county" if ours else "place")
