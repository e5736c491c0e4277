"""Guangdong's shared 政府信息公开 platform (gkmlpt): a script shell whose lists come from a JSON API.

The shell (``/gkmlpt/index``) holds its column tree as JSON in ``window._CONFIG`` (``SID``, ``API_BASE``,
``TREE``: nodes ``{id, name, parent, children}``); its menu links are ``#<id>`` fragments. A column's list is
``<API_BASE>all/<id>?page=N&sid=<SID>`` (JSON ``articles[{title, url, first_publish_time, …}]``, ``total``,
``page_size``), read by the generic JSON reader (`scripts.json_records`, `scripts.json_pages`). This adapter
reads the tree: the report column is the node whose name scores best in the context of its parent
(法治政府建设 › 年度报告), and its list URLs are those of the node and of its children (per-year columns).
Without it, the generic path reaches these reports through the site's search only.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin

from countyreports.crawl.discover.keywords import TOPIC_SCORE
from countyreports.crawl.discover.names import is_year_label, scored, text_score

HTML_SIGNALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"window\._CONFIG\s*=\s*\{"), 3),
    (re.compile(r"/gkmlpt/"), 1),
)
URL_SIGNALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"/gkmlpt/(?:index|api/)"), 6),
)
_CONFIG = re.compile(r"window\._CONFIG\s*=\s*")
API_LIST = "all/{id}?page=1&sid={sid}"
MIN_REPORT_SCORE = 90


def config(html: str) -> dict[str, Any] | None:
    m = _CONFIG.search(html)
    if m is None:
        return None
    try:
        value, _ = json.JSONDecoder().raw_decode(html, m.end())
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _nodes(tree: list[Any], parent: str = "") -> list[tuple[dict[str, Any], str]]:
    out: list[tuple[dict[str, Any], str]] = []
    for node in tree:
        if isinstance(node, dict) and "id" in node:
            out.append((node, parent))
            name = str(node.get("name") or "")
            context = name if text_score(name)[0] >= TOPIC_SCORE else parent
            out += _nodes(node.get("children") or [], context)
    return out


def report_column(html: str, url: str) -> tuple[int, str, tuple[str, ...]] | None:
    """(score, name, list URLs) of the report column in the shell's tree, or None."""
    cfg = config(html)
    if not cfg or not cfg.get("SID") or not isinstance(cfg.get("TREE"), list):
        return None
    best: tuple[int, dict[str, Any]] | None = None
    for node, context in _nodes(cfg["TREE"]):
        name = str(node.get("name") or "")
        if is_year_label(name):
            continue
        score, _ = scored(name, context)
        if score >= MIN_REPORT_SCORE and (best is None or score > best[0]):
            best = (score, node)
    if best is None:
        return None
    base = urljoin(url, str(cfg.get("API_BASE") or "/gkmlpt/api/"))
    lists = [node for node, _ in _nodes([best[1]])]
    urls = tuple(urljoin(base, API_LIST.format(id=n["id"], sid=cfg["SID"])) for n in lists)
    return best[0], str(best[1].get("name") or ""), urls
