"""Article-page metadata for countyreports.reading.article: dates, source, site id, attachments, page links.

Pure helpers over a parsed selectolax tree (conventions in countyreports.reading.article), plus the small text
helpers both modules share. Labels are matched on a copy of the text with converter pinyin notes removed
(發(fā)佈時間 → 發佈時間); values are returned raw (no 繁→简 conversion here).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from countyreports.reading import query as Q
from countyreports.reading import selectors as S
from countyreports.models import Family, Link
from countyreports.reading.urls import joiner, split_url

# Every Unicode whitespace (str.isspace: incl. U+3000, nbsp, ensp, \x1c-\x1f) plus zero-width characters.
STRIP = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_NL = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_WS_KEY = re.compile(r"\s+")


def tidy(text: str) -> str:
    """Strip a paragraph and drop source line breaks inside it (no other change)."""
    # Stripping first gives the same result (a line break at either end is stripped anyway) and skips the
    # substitution for the many whitespace-only text runs between block elements.
    text = text.strip(STRIP)
    if "\n" in text or "\r" in text:
        text = _NL.sub(_nl_repl, text).strip(STRIP)
    return text


def _nl_repl(m: re.Match[str]) -> str:
    s, e = m.start(), m.end()
    src = m.string
    before = src[s - 1] if s > 0 else ""
    after = src[e] if e < len(src) else ""
    # Between two ASCII word characters a source newline renders as a space; elsewhere (CJK) as nothing.
    if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
        return " "
    return ""


def key(text: str) -> str:
    return _WS_KEY.sub("", text).strip(STRIP)


def depinyin(text: str) -> str:
    return S.PINYIN_NOTE.sub("", text) if "(" in text else text


def metas(tree: LexborHTMLParser, nodes: list[LexborNode] | None = None) -> dict[str, str]:
    """name → content of the <meta name> tags (and <meta property>: og:title); `nodes`: the tree's <meta>s, when already queried."""
    out: dict[str, str] = {}
    for m in tree.tags("meta") if nodes is None else nodes:  # the attribute test below makes it "meta[name]"
        attrs = m.attributes
        if "name" not in attrs:
            if "property" not in attrs:  # (og:title, og:site_name)
                continue
            name = (attrs.get("property") or "").strip().lower()
        else:
            name = (attrs.get("name") or "").strip().lower()
        content = attrs.get("content")
        if name and content and name not in out:
            out[name] = content.strip()
    return out


def strip_site_suffix(title: str) -> str:
    """"报告标题_某某县人民政府" → "报告标题" (the last segment after a separator, if short; after a bare hyphen
    only when it names a site: titles hold hyphens too)."""
    for sep in S.TITLE_SEPARATORS:
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if head.strip(STRIP) and len(tail.strip(STRIP)) <= 30:
                return head.strip(STRIP)
    return S.SITE_NAME_TAIL.sub("", title).strip(STRIP) or title


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _own_match(node: LexborNode, selector: str) -> bool:
    """Does `node` itself (not only a descendant) match `selector`? (css() of a node includes the node.)"""
    first = Q.css_first(node, selector)
    return first is not None and first.mem_id == node.mem_id


_XXGK_TABLE = ("table.xxgk_table", ".xxgk_table", "table.xxgk")
_SIMPLE_SELECTOR = re.compile(r"([a-z][a-z0-9]*)?\.([A-Za-z_][A-Za-z0-9_-]*)")


def _simple(selector: str) -> tuple[str | None, str] | None:
    """(tag or None, class) of a `tag.class` / `.class` selector, else None."""
    m = _SIMPLE_SELECTOR.fullmatch(selector)
    return (m.group(1), m.group(2)) if m else None


class _Candidate:
    """A node found by a selector list, tested against its members one by one: `tag.class` selectors in
    Python from the tag and class attribute when that is unambiguous, the others (and any doubt: class
    case in quirks mode, unusual whitespace) by lexbor itself."""

    __slots__ = ("node", "tag", "classes", "folded")

    def __init__(self, node: LexborNode) -> None:
        self.node = node
        self.tag = node.tag
        cls = node.attributes.get("class") or ""
        plain = cls.isascii() and cls.isprintable()  # then the only whitespace is " ", as in HTML
        self.classes: frozenset[str] | None = frozenset(cls.split(" ")) if plain else None
        self.folded = frozenset(cls.lower().split(" ")) if plain else None

    def matches(self, selector: str, simple: tuple[str | None, str] | None) -> bool:
        if simple is None or self.classes is None or self.folded is None:
            return _own_match(self.node, selector)
        tag, cls = simple
        if tag is not None and tag != self.tag:
            return tag == (self.tag or "").lower() and _own_match(self.node, selector)
        if cls in self.classes:
            return True
        return cls.lower() in self.folded and _own_match(self.node, selector)


# A selector listed twice would add nothing (its texts are already in out): query it once.
_INFO_SELECTORS: dict[Family, tuple[tuple[tuple[str, tuple[str | None, str] | None], ...], str]] = {
    fam: (tuple((sel, _simple(sel)) for sel in sels), ", ".join(dict.fromkeys(sels + _XXGK_TABLE)))
    for fam, sels in ((f, tuple(dict.fromkeys(S.BY_FAMILY[f].info + S.GENERIC.info))) for f in S.BY_FAMILY)
}
_XXGK_SIMPLE = tuple((sel, _simple(sel)) for sel in _XXGK_TABLE)


def info_and_xxgk(tree: LexborHTMLParser, fam: Family) -> tuple[list[str], dict[str, str]]:
    """`info_texts(tree, fam)` and `xxgk_fields(tree)` from one walk of the tree (a css() query walks the
    whole tree, and costs about as much as the answers): the nodes matching any of the info and xxgk
    selectors, in document order, then sorted out selector by selector."""
    sels, union = _INFO_SELECTORS[fam]
    found = _candidates(Q.css(tree, union))
    if all(simple is not None for _, simple in sels + _XXGK_SIMPLE):
        # class selectors only: a node without a class matches none of them
        found = [c for c in found if c.classes is None or c.classes != _NO_CLASS]
    out: list[str] = []
    if not found:
        return out, {}
    for sel, simple in sels:  # the first 3 matches of each selector, in selector order
        k = 0
        for cand in found:
            if k == 3:
                break
            if not cand.matches(sel, simple):
                continue
            k += 1
            t = depinyin(cand.node.text(deep=True, separator=" "))
            if t and t not in out:
                out.append(t)
    for cand in found:  # the first node matching any of the xxgk table selectors
        if any(cand.matches(sel, simple) for sel, simple in _XXGK_SIMPLE):
            return out, _xxgk_table_fields(cand.node)
    return out, {}


_NO_CLASS = frozenset({""})


def _candidates(nodes: list[LexborNode]) -> list[_Candidate]:
    """The nodes a css() query with a selector list found, once each (lexbor lists a node once per selector
    of the list it matches), in document order."""
    seen: set[int] = set()
    out: list[_Candidate] = []
    for node in nodes:
        m = node.mem_id
        if m not in seen:
            seen.add(m)
            out.append(_Candidate(node))
    return out


def info_texts(tree: LexborHTMLParser, fam: Family) -> list[str]:
    return info_and_xxgk(tree, fam)[0]


def xxgk_fields(tree: LexborHTMLParser) -> dict[str, str]:
    """Label → value of the 政府信息公开 info table (cells alternate label, value)."""
    table = Q.css_first(tree, ", ".join(_XXGK_TABLE))
    return {} if table is None else _xxgk_table_fields(table)


def _xxgk_table_fields(table: LexborNode) -> dict[str, str]:
    out: dict[str, str] = {}
    cells = [tidy(c.text(deep=True)) for c in Q.css(table, "td, th")]
    for label, value in zip(cells, cells[1:]):
        if label.endswith(("：", ":")) and value and not value.endswith(("：", ":")):
            out.setdefault(label.rstrip("：:").replace(" ", "").replace("\u3000", ""), value)
    return out


def published(metas: dict[str, str], infos: list[str], xxgk: dict[str, str]) -> dt.date | None:
    for name in ("pubdate", "publishdate", "firstpublishedtime", "dc.date", "publishtime"):
        v = metas.get(name)
        if v:
            m = S.ANY_DATE.search(v)
            if m and (d := _date(*m.groups())):
                return d
    for text in infos:
        m = S.INFO_DATE.search(text)
        if m and (d := _date(*m.groups())):
            return d
    for label in ("发布日期", "生成日期", "成文日期", "发文日期", "公开日期", "發布日期"):
        v = xxgk.get(label)
        if v:
            m = S.ANY_DATE.search(v)
            if m and (d := _date(*m.groups())):
                return d
    return None


def source(metas: dict[str, str], infos: list[str], xxgk: dict[str, str]) -> str | None:
    v = metas.get("contentsource")
    if v:
        return tidy(v)
    for text in infos:
        m = S.INFO_SOURCE.search(text)
        if m:
            return m.group(1)
    for label in ("发布机构", "發布機構", "发文机关", "来源"):
        if xxgk.get(label):
            return xxgk[label]
    return None


def _href(node: LexborNode) -> str | None:
    h = node.attributes.get("href")
    if not h:
        return None
    h = h.strip()  # the parser has already decoded entities (&amp; → &): do not unescape twice
    if not h or h.startswith(("javascript:", "#", "mailto:", "tel:")):
        return None
    return h


def _attachment_name(url: str) -> str:
    parts = urlsplit(url)
    if S.ATTACHMENT_EXT.search(parts.path):
        return parts.path
    for key, values in parse_qs(parts.query).items():
        for v in values:
            if S.ATTACHMENT_EXT.search(v.strip()):
                return v.strip()
    return ""


# A link can only name a wanted attachment (ATTACHMENT_WANTED, in its path or, percent-decoded, in a query
# value) if its href or the page URL holds one of these: links without are skipped before urljoin.
_WANTED_HINT = re.compile(r"\.(?:doc|pdf|wps)|%", re.IGNORECASE)


def attachments(container: LexborNode | None, anchors: list[LexborNode] | None, url: str) -> tuple[Link, ...]:
    """Wanted attachment links of the main-text container, else of the whole page. `anchors`: the document's
    `a[href]` (all in its <body>), None when it has no <body>."""
    if anchors is None:  # (no <body>: the container's links only)
        anchors = Q.css(container, "a[href]") if container is not None else []
    hrefs = [(a, h) for a in anchors if (h := _href(a)) is not None]
    # One search of all the hrefs tells whether any needs the test below (a match cannot span the "\n").
    check_all = _WANTED_HINT.search(url) is not None
    if not check_all and _WANTED_HINT.search("\n".join(h for _, h in hrefs)) is None:
        return ()
    join = joiner(url)
    found: list[tuple[LexborNode, str, str]] = []  # (anchor, absolute URL, file name), in document order
    for a, h in hrefs:
        if not (check_all or _WANTED_HINT.search(h)):
            continue
        abs_url = join(h)
        name = _attachment_name(abs_url)
        if name and S.ATTACHMENT_WANTED.search(name):
            found.append((a, abs_url, name))
    if container is not None:
        # The container's links are those of its subtree (itself included): few links get this far.
        cid = container.mem_id
        out = _links([f for f in found if _inside(f[0], cid)])
        if out:
            return out
    return _links(found)


def _inside(node: LexborNode, ancestor_id: int) -> bool:
    """Is `node` the node whose mem_id is `ancestor_id`, or a descendant of it?"""
    n: LexborNode | None = node
    while n is not None:
        if n.mem_id == ancestor_id:
            return True
        n = n.parent
    return False


def _links(found: list[tuple[LexborNode, str, str]]) -> tuple[Link, ...]:
    seen: set[str] = set()
    out: list[Link] = []
    for a, abs_url, name in found:
        if abs_url in seen:
            continue
        seen.add(abs_url)
        text = tidy(a.text(deep=True)) or tidy(a.attributes.get("title") or "") or name.rsplit("/", 1)[-1]
        out.append(Link(abs_url, text))
    return tuple(out)


_PAGE_SUFFIX = re.compile(r"^(.*?)(?:_(\d{1,3}))?(\.[A-Za-z]+)$")


def _page_key(url: str) -> tuple[str, int] | None:
    if url[-1:] == "/" and "?" not in url and "#" not in url:
        return None  # (the usual 首页 link: a path ending with "/", not with an extension)
    scheme, netloc, path, query, _fragment = split_url(url)
    m = _PAGE_SUFFIX.match(path)
    if not m:
        return None
    stem = f"{scheme}://{netloc}{m.group(1)}{m.group(3)}?{query}"
    return stem, int(m.group(2)) + 1 if m.group(2) else 0


def page_links(tree: LexborHTMLParser, html: str, url: str,
               anchors: list[LexborNode] | None = None) -> tuple[str, ...]:
    """Further pages of the article; `anchors`: the tree's `a[href]`, when already queried."""
    me = _page_key(url)
    found: dict[str, int] = {}
    extra: list[str] = []
    join = joiner(url)
    if me is not None:
        for a in Q.css(tree, "a[href]") if anchors is None else anchors:
            text = depinyin(a.text(deep=True) or "")
            core = text.strip()
            if len(core) > S.PAGER_SHORT and core[0] not in S.PAGER_LONG_FIRST or not S.PAGER_TEXT.match(text):
                continue  # only pager anchors (1 2 3, 上一页/下一页...), not related articles
            h = _href(a)
            if h is None:
                continue
            abs_url = join(h).split("#", 1)[0]
            if abs_url == url:
                continue
            key = _page_key(abs_url)
            if key is not None and key[0] == me[0]:
                found.setdefault(abs_url, key[1])
            elif S.NEXT_PAGE_TEXT.match(text):
                extra.append(abs_url)
    if "createPageHTML" in html:
        for m in S.CREATE_PAGE_HTML.finditer(html):
            count, _cur, prefix, suffix = int(m.group(1)), m.group(2), m.group(3), m.group(4)
            for i in range(min(count, 200)):
                name = f"{prefix}{'_' + str(i) if i else ''}.{suffix.lstrip('.')}"
                abs_url = join(name)
                if abs_url != url:
                    found.setdefault(abs_url, i)
    ordered = [u for u, _ in sorted(found.items(), key=lambda kv: kv[1])]
    for u in extra:
        if u not in found and u not in ordered:
            ordered.append(u)
    return tuple(ordered)


def site_id(metas: dict[str, str], tree: LexborHTMLParser) -> str | None:
    v = metas.get("siteidcode")
    if v:
        return v.strip()
    for sel in (".footer", "#footer", ".foot", "footer", ".bottom"):
        node = Q.css_first(tree, sel)
        if node is not None:
            m = S.SITE_ID.search(depinyin(node.text(deep=True)))
            if m:
                return m.group(1)
    body = tree.body
    if body is not None:
        m = S.SITE_ID.search(depinyin(body.text(deep=True)))
        if m:
            return m.group(1)
    return None


