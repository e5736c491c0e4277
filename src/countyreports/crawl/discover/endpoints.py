"""The JSON endpoints a script-only page (a single-page app's shell) asks for its content, as a browser would
(pure; GET only, never a guessed URL).

A shell page has no list in its HTML: its scripts build request URLs from pieces — a base in a config object or
a variable (``"listApi": "/api/cms/article/list"``, ``var apiRoot = "/api"``, ``const API = {page: "…"}``), joined
with ``+`` or a template literal to a query (``"?channelId=" + id + "&pageNo=" + pageNo``), or given a data
object (``$.getJSON(url, {columnId: id, pageNo: 1})``, ``axios.get(url, {params: {…}})``). `endpoints` reads every
such request and fills its variables the way the page itself would: a parameter the page's URL carries takes
its value there (``?columnId=318``); a page number is 1; a literal stays; any other id parameter (``parentId``,
``rootId``, ``catalogId``) takes the page's own id (the one number of its query, else the last number of its
path: ``/list/84``). A request with a value it cannot fill is left out.

`is_shell` and `article_html`: an article page that is a shell shows its article from a detail endpoint's JSON;
`article_html` writes that answer as the page a browser would show, for the reader.

`list_includes`: a script file included where a list goes (``<ul class="list"><script src="/js/list/fzzf_1.js">``,
its lines ``document.write("<li><a href=…>")``) is the list's part, asked like an endpoint.

`link_templates` reads how the page's scripts link a record (``'<a href="/content.html?articleId=' +
a.articleId``): a record without a URL field is linked by its id the same way (``scripts.json_records``).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.keywords import PAGE_PARAM
from countyreports.crawl.discover.scripts import DATE_KEY, TITLE_KEY, json_date, read_json, scripts, walk

MAX_ENDPOINTS = 4
_STR = r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`"""
_NAME = r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*"
_TERM = rf"(?:{_STR}|{_NAME})"
#: a request: fetch(…), $.getJSON(…), $.get(…), axios.get(…), axios(…), or an ajax call's url: …
_CALL = re.compile(rf"""(?:\bfetch|\.getJSON|\$\.get|\baxios(?:\.get)?|\.ajax|\brequest|\bhttp\.get)\s*\(\s*(?:\{{[^{{}}]*?\burl\s*:\s*)?"""
                   rf"""({_TERM}(?:\s*\+\s*{_TERM})*)""")
_POST = re.compile(r"""\b(?:type|method)\s*:\s*["']post["']""", re.I)
_BIND = re.compile(rf"""["']?([A-Za-z_$][\w$]*)["']?\s*[:=]\s*({_STR})""")
_PAIR = re.compile(rf"""["']?([A-Za-z_$][\w$]*)["']?\s*:\s*(-?\d{{1,9}}\b|{_STR}|{_NAME})""")
_OBJECT = re.compile(r"""^\s*,\s*\{\s*(?:params\s*:\s*)?(\{[^{}]{0,400}\}|[^{}]{0,400}\})"""  # get(url, {…})
                     r"""|^[^;{}]{0,300}?\b(?:data|params)\s*:\s*(\{[^{}]{0,400}\})""", re.S)  # ajax({url, data: {…}})
_TEMPLATE = re.compile(r"""(?:"((?:[^"\\\n])*)"|'((?:[^'\\\n])*)')\s*\+\s*[A-Za-z_$][\w$]*\.([A-Za-z_$][\w$]*)""")
_INTERPOLATED = re.compile(r"""href\s*=\s*["']?((?:https?://|/|\./|\.\./)[^"'\s>$]*[=/])\$\{\s*[A-Za-z_$][\w$]*\.([A-Za-z_$][\w$]*)\s*\}""")
_RELATIVE_PAGE = re.compile(r"^[\w.-]+\.\w{2,6}\?[^\s\"'<>]*=$")  # "list.action?theID=" + node.id
_HREF = re.compile(r"""href\s*=\s*["']?([^"'\s>]*)$""", re.I)
_ID_PARAM = re.compile(r"id$|^(?:column|channel|catalog|chnl|col|class|cat|node|category|type|menu|lm)", re.I)
_LISTY_PATH = re.compile(r"/api/|\.json$|\.do$|\.action$|\.ashx$|/(?:list|page|query|children|tree)\b", re.I)


_RELATIVE = re.compile(r"^[A-Za-z_][\w.-]*/[\w./-]*$")  # api/cms
#: an endpoint held by an element's data- attribute (data-api, data-url, data-list-url …)
_DATA_ATTR = re.compile(r"""\sdata-[\w-]*(?:api|url|src|source|list|action)[\w-]*\s*=\s*["']([^"'\s]+)["']""", re.I)


def _literal(token: str) -> str | None:
    if token[:1] in "\"'`":
        return token[1:-1]
    return None


def _bindings(script: str) -> dict[str, str]:
    """Names bound to path-like strings in the script (``apiRoot = "/api"``, ``"listApi": "/api/…"``)."""
    out: dict[str, str] = {}
    for m in _BIND.finditer(script):
        value = _literal(m.group(2)) or ""
        if (value.startswith(("/", "http://", "https://", "./", "../")) or _RELATIVE.match(value)) \
                and " " not in value and "${" not in value:
            out.setdefault(m.group(1), value)
    return out


def page_id(url: str) -> str | None:
    """The page's own id: the one number of its query, else the last number of its path."""
    parts = urlsplit(url)
    nums = [v for _k, v in parse_qsl(parts.query) if v.isdigit()]
    if len(nums) == 1:
        return nums[0]
    found = re.findall(r"(?<![\w])(\d+)(?=/?$|\.\w+$)", parts.path)
    return found[-1] if found else None


def _fill(name: str, var: str, page_params: dict[str, str], own_id: str | None) -> str | None:
    if name in page_params:
        return page_params[name]
    if var in page_params:
        return page_params[var]
    if PAGE_PARAM.match(name):
        return "1"
    if _ID_PARAM.search(name):
        return own_id
    return None


def _evaluate(chain: str, names: dict[str, str], page_params: dict[str, str], own_id: str | None) -> str | None:
    """The URL a ``+`` chain (or template literal) builds: literals as written, bound names by their value,
    a variable after ``name=`` filled like a data parameter."""
    out = ""
    for term in re.findall(_TERM, chain):
        lit = _literal(term)
        if lit is not None and term[0] == "`":
            lit = re.sub(r"\$\{\s*([\w$.]+)\s*\}", lambda m: f"\x00{m.group(1)}\x00", lit)
        if lit is not None:
            out += lit
            continue
        bound = names.get(term) or names.get(term.rsplit(".", 1)[-1])
        if bound is not None and not re.search(r"[?&][\w$]+=$", out):
            out += bound
            continue
        out += f"\x00{term}\x00"
    # variables inside the query: name=<var>
    def sub(m: re.Match[str]) -> str:
        value = _fill(m.group(1), m.group(2).rsplit(".", 1)[-1], page_params, own_id)
        return f"{m.group(1)}={value}" if value is not None else "\x01"
    out = re.sub(r"([\w$]+)=\x00([^\x00]+)\x00", sub, out)
    # a variable in the path (/channel/" + id + "/articles): the page's own id, when it names an id; a page, 1
    def path_var(m: re.Match[str]) -> str:
        name = m.group(1).rsplit(".", 1)[-1]
        return "1" if PAGE_PARAM.match(name) else (own_id or "\x01") if _ID_PARAM.search(name) else "\x01"
    out = re.sub(r"\x00([^\x00]+)\x00", path_var, out)
    if "\x01" in out:
        return None
    return out


def endpoints(html: str, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """The GET requests for JSON a shell page's scripts make (see the module doc), on the county's hosts."""
    page_params = dict(parse_qsl(urlsplit(url).query))
    own_id = page_id(url)
    out: list[str] = []
    for script in scripts(html):
        names = _bindings(script)
        for m in _CALL.finditer(script):
            call = script[m.end():m.end() + 500].split(";", 1)[0]
            if _POST.search(script[m.start():m.end() + 300].split(";", 1)[0]):
                continue
            target = _evaluate(m.group(1), names, page_params, own_id)
            if not target:
                continue
            obj = _OBJECT.match(call)
            pairs: list[tuple[str, str]] = []
            for p in _PAIR.finditer((obj.group(1) or obj.group(2) or "") if obj else ""):
                key, raw = p.group(1), p.group(2)
                lit = _literal(raw)
                value = lit if lit is not None else raw if raw.lstrip("-").isdigit() else \
                    _fill(key, raw.rsplit(".", 1)[-1], page_params, own_id)
                if value is None:
                    pairs = []
                    target = ""
                    break
                pairs.append((key, value))
            if not target:
                continue
            _add(out, target + (("&" if "?" in target else "?") + urlencode(pairs) if pairs else ""), url, hosts)
    for m in _DATA_ATTR.finditer(html):
        _add(out, m.group(1).replace("&amp;", "&"), url, hosts)
    return tuple(out[:MAX_ENDPOINTS])


def _add(out: list[str], raw: str, url: str, hosts: frozenset[str]) -> None:
    """Keep an endpoint that looks like a list's (an API path with a query, a .json file) on the county's site."""
    u = c.resolve(raw, url)
    if not u or u == url or u in out or not c.same_site(u, hosts):
        return
    parts = urlsplit(u)
    if _LISTY_PATH.search(parts.path) and (parts.query or parts.path.endswith(".json") or "/api/" in parts.path):
        out.append(u)


def link_templates(html: str) -> tuple[tuple[str, str], ...]:
    """How the page's scripts link a record: (field, URL prefix) — ``'href="/content.html?articleId=' +
    a.articleId`` gives ("articleId", "/content.html?articleId=")."""
    out: dict[str, str] = {}
    for m in _TEMPLATE.finditer(html):  # scripts, and bound attributes (:href="'/detail?id=' + item.id")
        text = m.group(1) if m.group(1) is not None else m.group(2)
        href = _HREF.search(text)
        prefix = href.group(1) if href else text if text.startswith(("/", "http", "./", "../")) or \
            _RELATIVE_PAGE.match(text) else None
        if prefix and re.search(r"[=/]$", prefix):
            out.setdefault(m.group(3), prefix)
    for m in _INTERPOLATED.finditer(html):  # template literals: href="/detail.html?id=${a.id}"
        out.setdefault(m.group(2), m.group(1))
    return tuple(out.items())


_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: a page showing fewer Chinese characters than this (menus and footer) is a shell when its scripts ask endpoints
MAX_SHELL_TEXT = 200
_CONTENT_KEY = re.compile(r"^(?:content|body|text|txt|html|htmlcontent|contenthtml|articlecontent|zw|正文|内容)$", re.I)


def is_shell(html: str) -> bool:
    """A page that shows (almost) nothing itself: its scripts fill it."""
    return len(_CJK.findall(_TAGS.sub(" ", html))) < MAX_SHELL_TEXT


def article_html(text: str) -> str | None:
    """An article a detail endpoint answers (``{"data": {"title": …, "content": "<p>…</p>", "releaseDate": …}}``),
    as the HTML page a browser would show: its title, date and content; None when the answer holds none."""
    for obj in walk(read_json(text)):
        title = next((v for k, v in obj.items() if isinstance(v, str) and TITLE_KEY.search(k) and v.strip()), None)
        content = next((v for k, v in obj.items() if isinstance(v, str) and _CONTENT_KEY.match(k) and v.strip()), None)
        if title is None or content is None:
            continue
        date = next((d for k, v in obj.items() if DATE_KEY.search(k) and (d := json_date(v)) is not None), None)
        shown = f"{date:%Y-%m-%d}" if date else ""
        esc = title.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        body = content if "<" in content else "".join(f"<p>{p}</p>" for p in content.splitlines() if p.strip())
        return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc}</title>'
                f'<meta name="ArticleTitle" content="{esc}">' + (f'<meta name="PubDate" content="{shown}">' if date else "")
                + f'</head><body><div class="article"><h1>{esc}</h1><div class="info">发布时间：{shown}</div>'
                f'<div class="content">{body}</div></div></body></html>')
    return None


#: a list's container: an included script inside one writes the list
_LIST_BOX = ("ul", "ol", "table", "tbody", "dl")
_LIST_TOKEN = re.compile(r"list|news", re.I)


def list_includes(tree: c.LexborHTMLParser, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """The county's script files included inside a list's container (see the module doc), in page order."""
    out: list[str] = []
    for node in tree.css("body script[src]"):
        box = node.parent
        if box is None or c.in_excluded_container(node):
            continue
        tokens = f"{box.attributes.get('class') or ''} {box.attributes.get('id') or ''}"
        if box.tag not in _LIST_BOX and not _LIST_TOKEN.search(tokens):
            continue
        target = c.resolve(node.attributes.get("src"), c.base_url(tree, url))
        if target and c.same_site(target, hosts) and target not in out:
            out.append(target)
    return tuple(out)


_TREE_TOKEN = re.compile(r"tree", re.I)
#: script files that are libraries (jquery.ztree.core.min.js, bootstrap.js), not a site's data
_LIBRARY = re.compile(r"\.min\.js$|jquery|bootstrap|layui|vue|react|swiper|echarts|ztree\.|common|util|polyfill", re.I)
MAX_TREE_SCRIPTS = 2


def tree_scripts(tree: c.LexborHTMLParser, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """A catalogue tree drawn by a script from data the page does not hold (an empty ``<ul class="ztree">``):
    the county's own script files the page includes — not libraries — hold it, asked like an endpoint."""
    empty_tree = any(_TREE_TOKEN.search(f"{n.attributes.get('class') or ''} {n.attributes.get('id') or ''}")
                     and not c.clean(n.text()) for n in tree.css("ul, div, ol"))
    if not empty_tree:
        return ()
    out: list[str] = []
    for node in tree.css("script[src]"):
        target = c.resolve(node.attributes.get("src"), c.base_url(tree, url))
        if target and c.same_site(target, hosts) and not _LIBRARY.search(urlsplit(target).path) and target not in out:
            out.append(target)
    return tuple(out[:MAX_TREE_SCRIPTS])


def is_script_url(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(".js")
