"""Lists that a page's scripts hold or fetch (pure): records embedded in scripts, JSON record lists, list APIs.

* HTML fragments inside scripts — CDATA sections (``<datastore><record><![CDATA[<li><a …>…</a></li>]]>``) and
  string literals holding ``<a href>`` — are read as a list, like the page's own HTML;
* JSON — a list API's answer, or a value assigned in a script — is read generically: every object with a
  title-like and a URL-like field is an entry (a date-like field gives its date: a date string, or epoch
  seconds/milliseconds); the answer's paging numbers (total, page size) and the URL's page parameter give the
  further pages;
* list endpoints a script names (``….json``, ``/api/…?…``, ``…?columnId=…&page=…``, or a URL whose request's
  ``data: {columnId: 12, page: 1}`` says so) are further list pages (GET only).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.keywords import PAGE_PARAM, YEAR_RE
from countyreports.crawl.discover.listing import MAX_COLUMN_NAME_LEN, is_title, list_items
from countyreports.crawl.discover.names import is_year_label, topic_of
from countyreports.crawl.discover.pager import COUNT_KEYS, SIZE_KEYS, TOTAL_KEYS
from countyreports.models import Link

_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_JS_STRING = re.compile(r""""((?:[^"\\\n]|\\.)*<a\s(?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*<a\s(?:[^'\\\n]|\\.)*)'""", re.I)
_HAS_ANCHOR = re.compile(r"<a\s[^>]*href", re.I)
_JSON_START = re.compile(r"(?:=|\(|:)\s*([\[{])")
_URL_LITERAL = re.compile(r"""["']((?:https?://|/|\./|\.\./)?[\w./%-]*[\w%-](?:\.json|\.do|\.action|\.ashx|\.jsp|\.php|\.aspx|/)?"""
                          r"""(?:\?[^"'\s<>]*)?)["']""")
_STATIC = re.compile(r"\.(?:js|css|png|jpe?g|gif|svg|ico|woff2?|ttf|map)(?:\?|$)", re.I)
_LIST_PARAM = re.compile(r"(?:column|channel|catalog|chnl|col|class|cat|node|category|type|menu|lm)_?id", re.I)
_UNESCAPE = {'\\"': '"', "\\'": "'", "\\/": "/", "\\n": " ", "\\t": " ", "\\\\": "\\"}
TITLE_KEY = re.compile(r"title|^subject$|^bt$|^biaoti$|标题", re.I)
NAME_KEY = re.compile(r"name$|^text$", re.I)  # a title's stand-in (a column tree's node: columnName)
URL_KEY = re.compile(r"url|link|href|^path$|地址", re.I)
DATE_KEY = re.compile(r"date|time|rq$|sj$|日期|时间", re.I)
ID_KEY = re.compile(r"^(?:id|nodeid|node_id|code)$", re.I)  # a tree node's own id, and its parent's
PARENT_KEY = re.compile(r"^(?:p_?id|parent_?id|parent_?code|fid|pcode|parent)$", re.I)
MAX_APIS = 3


def scripts(html: str) -> list[str]:
    return _SCRIPT.findall(html) if "<script" in html.lower() else []


def fragments(html: str) -> list[str]:
    """HTML fragments with links inside the page's scripts (CDATA sections, string literals); in an XML
    document (a list API's answer), its CDATA sections."""
    out: list[str] = []
    head = html[:2000].lower()
    bodies = scripts(html) if ("<html" in head or "<body" in head or "<!doctype" in head) else [html]
    for script in bodies:
        if not _HAS_ANCHOR.search(script):
            continue
        cdata = _CDATA.findall(script)
        if cdata:
            out += [f for f in cdata if _HAS_ANCHOR.search(f)]
            continue
        for m in _JS_STRING.finditer(script):
            raw = m.group(1) if m.group(1) is not None else m.group(2)
            for k, v in _UNESCAPE.items():
                raw = raw.replace(k, v)
            out.append(re.sub(r"\\u([0-9a-fA-F]{4})", lambda u: chr(int(u.group(1), 16)), raw))
    return out


def fragment_items(html: str, url: str, hosts: frozenset[str]) -> tuple[Link, ...]:
    """The list that the page's scripts hold, read like any HTML list."""
    frags = fragments(html)
    if not frags:
        return ()
    tree = c.parse("<html><body><div>" + "".join(frags) + "</div></body></html>")
    return list_items(tree, url, hosts)


def _json_values(html: str) -> Iterator[Any]:
    for script in scripts(html):
        for m in _JSON_START.finditer(script):
            start = m.start(1)
            try:
                value, _end = json.JSONDecoder().raw_decode(script, start)
            except ValueError:  # a literal assigned (var zNodes = [{id: …}]) may be JavaScript, not JSON
                value = _js_literal(script, start) if m.group(0).startswith("=") else None
                if value is None:
                    continue
            yield value


_BARE_KEY = re.compile(r"""([{,]\s*)([A-Za-z_$][\w$]*)\s*:""")
_SINGLE_QUOTED = re.compile(r"""'((?:[^'"\\\n]|\\.)*)'""")
MAX_LITERAL = 20_000


def _js_literal(script: str, start: int) -> Any | None:
    """A JavaScript object or array literal (``[{id:"1", pId:"0", name:'法治政府建设'}]``: bare keys, single
    quotes) read as JSON, or None; its end is its bracket's match, strings aside."""
    depth, quote, i = 0, "", start
    for i, ch in enumerate(script[start:start + MAX_LITERAL], start):
        if quote:
            quote = "" if ch == quote and script[i - 1] != "\\" else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth == 0:
                break
    else:
        return None
    text = _SINGLE_QUOTED.sub(lambda m: json.dumps(m.group(1)), script[start:i + 1])
    text = re.sub(r",\s*([\]}])", r"\1", _BARE_KEY.sub(r'\1"\2":', text))
    try:
        return json.loads(text)
    except ValueError:
        return None


def json_date(value: Any) -> dt.date | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        if 6e8 < seconds < 4.2e9:
            return dt.datetime.fromtimestamp(seconds, dt.timezone(dt.timedelta(hours=8))).date()
        return None
    return c.parse_date(str(value)) if isinstance(value, str) else None


def walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON value; a row of plain values (``["title", "/url", "2025-03-10"]``: a list held as
    an array of arrays) as the object its values name (`positional`)."""
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list):
        row = positional(value)
        if row is not None:
            yield row
            return
        for v in value:
            yield from walk(v)


_URL_VALUE = re.compile(r"^(?:https?://|/|\./|\.\./)\S*$|^[\w./-]+\.(?:s?html?|jsp|php|aspx?|do)(?:\?\S*)?$", re.I)
MAX_ROW_VALUES = 8


def positional(row: list[Any]) -> dict[str, Any] | None:
    """A row of plain values read by what each value is: the one URL-like string its `url`, the longest other
    string with Chinese its `title`, a date-like string its `date`; None unless it has a URL and a title."""
    if not 2 <= len(row) <= MAX_ROW_VALUES or not all(isinstance(v, (str, int, float)) for v in row):
        return None
    strings = [v.strip() for v in row if isinstance(v, str)]
    urls = [v for v in strings if _URL_VALUE.match(v) and not _STATIC.search(v)]
    dates = [v for v in strings if c.DATE_RE.fullmatch(v)]
    titles = [v for v in strings if v not in urls and v not in dates and re.search(r"[\u4e00-\u9fff]", v)]
    if len(urls) != 1 or not titles:
        return None
    return {"title": max(titles, key=len), "url": urls[0], **({"date": dates[0]} if dates else {})}


def _target(obj: dict[str, Any], url: str, templates: tuple[tuple[str, str], ...], base: str) -> str | None:
    """A record's URL: its URL-like field; else its id linked as the page's scripts link it (`templates`); else,
    a record carrying a parameter of the page's own URL (``columnId``), that page with the record's value."""
    for k, v in obj.items():
        if isinstance(v, str) and URL_KEY.search(k) and v.strip() and not v.strip().startswith(("#", "javascript")):
            target = c.resolve(v, url)
            if target:
                return target
    for key, prefix in templates:
        if isinstance(obj.get(key), (int, str)) and not isinstance(obj.get(key), bool):
            return c.resolve(f"{prefix}{obj[key]}", base or url)
    if base:
        parts = urlsplit(base)
        query = parse_qsl(parts.query, keep_blank_values=True)
        if any(k in obj and isinstance(obj[k], (int, str)) for k, _v in query):
            q = [(k, str(obj[k]) if k in obj else v) for k, v in query]
            return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(q), ""))
    return None


def _title(obj: dict[str, Any]) -> str | None:
    return next((v for key in (TITLE_KEY, NAME_KEY) for k, v in obj.items()
                 if isinstance(v, str) and key.search(k) and len(v.strip()) >= 2), None)


MAX_TREE_DEPTH = 12


def _contexts(objs: list[dict[str, Any]]) -> dict[int, str]:
    """A column tree's nodes — zTree's simple data (``{id, pId, name, url}``, parents by id) or nested
    ``children`` lists — each with the best topic among its ancestors' names (法治政府建设 › 年度报告)."""
    by_id: dict[str, dict[str, Any]] = {}
    for obj in objs:
        key = next((k for k in obj if ID_KEY.match(k)), None)
        if key is not None and isinstance(obj[key], (str, int)) and not isinstance(obj[key], bool):
            by_id.setdefault(str(obj[key]), obj)
    parent: dict[int, dict[str, Any]] = {}
    for obj in objs:
        key = next((k for k in obj if PARENT_KEY.match(k)), None)
        up = by_id.get(str(obj[key])) if key is not None and isinstance(obj[key], (str, int)) else None
        if up is not None and up is not obj:
            parent[id(obj)] = up
        for v in obj.values():
            for child in v if isinstance(v, list) else ():
                if isinstance(child, dict):
                    parent.setdefault(id(child), obj)
    out: dict[int, str] = {}
    for obj in objs:
        names: list[str] = []
        up = parent.get(id(obj))
        while up is not None and len(names) < MAX_TREE_DEPTH:
            names.append(_title(up) or "")
            up = parent.get(id(up))
        topic = topic_of(n for n in names if n)
        if topic:
            out[id(obj)] = topic
    return out


def _records(value: Any, url: str, hosts: frozenset[str], templates: tuple[tuple[str, str], ...],
             base: str) -> Iterator[tuple[Link, bool, str]]:
    """(record, is a column, its tree context) for every object of a JSON value with a title-like field and a
    URL."""
    objs = list(walk(value))
    contexts = _contexts(objs)
    for obj in objs:
        title = _title(obj)
        if title is None:
            continue
        target = _target(obj, url, templates, base)
        if not target or not c.same_site(target, hosts) or target in (url, base):
            continue
        date = next((d for k, v in obj.items() if DATE_KEY.search(k) and (d := json_date(v)) is not None), None)
        text = c.clean(title)
        column = date is None and (is_year_label(text) or (  # 年度报告, 2023年 — not 2023年度报告
            len(text) <= MAX_COLUMN_NAME_LEN and not YEAR_RE.search(text) and not is_title(text)))
        if column or len(text) >= 4:
            yield Link(url=target, text=text, date=date), column, contexts.get(id(obj), "")


def json_records(value: Any, url: str, hosts: frozenset[str], templates: tuple[tuple[str, str], ...] = (),
                 base: str = "") -> tuple[Link, ...]:
    """Every object of a JSON value with a title-like field and a URL (see `_target`), as an entry — not a
    dateless one named like a column (a column tree's node: `json_columns`)."""
    return c.dedupe(link for link, column, _ctx in _records(value, url, hosts, templates, base) if not column)


def json_columns(value: Any, url: str, hosts: frozenset[str], templates: tuple[tuple[str, str], ...] = (),
                 base: str = "") -> tuple[Link, ...]:
    """The dateless records named like columns (a column tree answered by an API), as links."""
    return tuple(link for link, _ctx in tree_columns(value, url, hosts, templates, base))


def tree_columns(value: Any, url: str, hosts: frozenset[str], templates: tuple[tuple[str, str], ...] = (),
                 base: str = "") -> tuple[tuple[Link, str], ...]:
    """`json_columns` with each column's context in its tree (the topic among its ancestors' names, or "")."""
    out: dict[str, tuple[Link, str]] = {}
    for link, column, ctx in _records(value, url, hosts, templates, base):
        if column and link.url not in out:
            out[link.url] = (link, ctx)
    return tuple(out.values())


def script_records(html: str, url: str, hosts: frozenset[str]) -> tuple[Link, ...]:
    """Entries of the JSON values a page's scripts assign (``var list = [{"title": …, "url": …}]``)."""
    out: list[Link] = []
    for value in _json_values(html):
        out += json_records(value, url, hosts)
    return c.dedupe(out)


def script_columns(html: str, url: str, hosts: frozenset[str],
                   templates: tuple[tuple[str, str], ...] = ()) -> tuple[tuple[Link, str], ...]:
    """Column records, with their tree contexts, of the JSON values a page's scripts assign (a menu held as data:
    ``var menu = [{"name": "法治政府建设", "url": "/fzzf/"}]``, a zTree's ``var zNodes = [{id, pId, name, url}]``,
    a catalogue tree's nodes linked by `templates`)."""
    out: dict[str, tuple[Link, str]] = {}
    for value in _json_values(html):
        for link, ctx in tree_columns(value, url, hosts, templates):
            out.setdefault(link.url, (link, ctx))
    return tuple(out.values())


def json_pages(value: Any, url: str) -> tuple[str, ...]:
    """The further pages of a JSON list answer: its paging numbers, the URL's page parameter."""
    if not isinstance(value, dict):
        return ()
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    asked = {k.replace("_", "").lower(): int(v) for k, v in query if v.isdigit()}
    pages = total = size = None
    for obj in walk(value):  # the paging numbers, at the top or in the object holding the list
        nums = {k.replace("_", "").lower(): v for k, v in obj.items() if isinstance(v, int) and not isinstance(v, bool)}
        pages = next((nums[k] for k in COUNT_KEYS if k in nums), None)
        total = next((nums[k] for k in TOTAL_KEYS if k in nums), None)
        size = next((nums[k] for k in SIZE_KEYS if k in nums), None) or next(
            (asked[k] for k in SIZE_KEYS if k in asked and not PAGE_PARAM.match(k)), None)  # the page size the request asked
        if pages is not None or total is not None:
            break
    if pages is None and total is not None and size:
        pages = math.ceil(total / size)
    at = next((i for i, (k, v) in enumerate(query) if PAGE_PARAM.match(k) and v.isdigit()), None)
    if not pages or at is None:
        return ()
    here = int(query[at][1])
    out = []
    for k in range(1, min(pages, 200) + 1):
        if k != here:
            q = list(query)
            q[at] = (q[at][0], str(k))
            out.append(urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(q, safe="/,:"), "")))
    return tuple(out)


_DATA_OBJECT = re.compile(r"""^\s*(?:,\s*|[^;]{0,300}?\bdata\s*:\s*)(\{[^{}]{0,400}\})""", re.S)
_POST = re.compile(r"""\b(?:type|method)\s*:\s*["']post["']|\$\.post\s*\(\s*$""", re.I)
_DATA_PAIR = re.compile(r"""["']?([A-Za-z_$][\w$]*)["']?\s*:\s*(?:"([^"]{0,60})"|'([^']{0,60})'|(-?\d{1,9})\b|([A-Za-z_$][\w$.]*))""")
_VAR = re.compile(r"""\b([A-Za-z_$][\w$]*)\s*=\s*(?:"([^"]{0,60})"|'([^']{0,60})'|(-?\d{1,9})\b)""")


def _with_data(raw: str, script: str, end: int, start: int, names: dict[str, str]) -> str | None:
    """The URL a script's request sends (`raw` plus its ``data: {…}`` as a query), or None for a POST."""
    call = script[end:end + 700].split(";", 1)[0]  # this statement only
    if _POST.search(script[max(0, start - 40):start]) or _POST.search(call):
        return None
    m = _DATA_OBJECT.match(call)
    if m is None:
        return raw
    pairs = []
    for p in _DATA_PAIR.finditer(m.group(1)):
        literal = next((g for g in p.groups()[1:4] if g is not None), None)
        value = literal if literal is not None else names.get(p.group(5) or "")
        if value is not None:
            pairs.append((p.group(1), value))
    if not pairs:
        return raw
    return raw + ("&" if "?" in raw else "?") + urlencode(pairs)


def api_urls(html: str, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """List endpoints named in the page's scripts (see the module doc), on the county's hosts: the URL literal,
    with the query its ``data: {…}`` object (or ``$.get(url, {…})`` argument) sends; never a POST."""
    out: list[str] = []
    for script in scripts(html):
        names = {m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in _VAR.finditer(script)}
        for m in _URL_LITERAL.finditer(script):
            lit = m.group(1)
            if _STATIC.search(lit) or lit.endswith("/") or len(lit) < 6 or not re.search(r"[./]", lit):
                continue
            raw = _with_data(lit, script, m.end(), m.start(), names)
            if raw is None:
                continue
            path, _, query = raw.partition("?")
            keys = [k for k, _v in parse_qsl(query, keep_blank_values=True)]
            listy = path.endswith(".json") or ("/api/" in path and query) or (
                any(_LIST_PARAM.search(k) for k in keys) and any(PAGE_PARAM.match(k) for k in keys))
            if not listy:
                continue
            u = c.resolve(raw, url)
            if u and u != url and c.same_site(u, hosts) and u not in out:
                out.append(u)
    return tuple(out[:MAX_APIS])


def read_json(text: str) -> Any | None:
    """A JSON document (or JSONP: ``callback({...})``), or None."""
    s = text.strip()
    if s[:1] not in "[{":
        m = re.match(r"^[\w$.]+\s*\((.*)\)\s*;?$", s, re.S)
        if m is None:
            return None
        s = m.group(1)
    try:
        return json.loads(s)
    except ValueError:
        return None
