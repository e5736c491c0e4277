"""Article pages → :class:`Article` (pure functions, selectolax/lexbor; never raise on bad HTML).

    extract_article(html, url) -> Article     # main text, title, dates, source, links, family
    article_text(article) -> str              # paragraphs joined with "\\n"
    join_pages([page0, page1, ...]) -> Article

Conventions of ``Article.paragraphs`` (raw text, *not* cleaned: no 繁→简, no pinyin removal):

* one item per block element (``<p>``, ``<li>``, ``<h1-6>``, leaf ``<div>``...) of the main container,
  in document order; inline markup is joined without separator (``<span>20</span><span>984</span>户`` →
  ``20984户``); a ``<br>`` inside a paragraph is a soft break (joined, no newline) unless the text after
  it starts with an indentation (U+3000 / nbsp / ensp), which old editors use as paragraph break;
* leading/trailing whitespace (incl. U+3000, nbsp, ensp, zero-width) is stripped; source line breaks
  inside a paragraph are dropped; empty paragraphs are skipped;
* a data table gives one line per row, cells joined with ``"\\t"``; a layout table (cells holding
  ``<p>``/``<div>``) is read as a container;
* ``<style>``/``<script>``/hidden elements are dropped, and so are page-furniture lines inside the
  container (打印本页/关闭窗口, 相关文章, 主办/承办/ICP备/网站标识码 ...), and a first paragraph that
  repeats the article title.
"""

from __future__ import annotations

import datetime as dt
import html as htmlmod
import re
from urllib.parse import parse_qs, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from countyreports import selectors as S
from countyreports.models import Article, Family, Link

__all__ = ["extract_article", "article_text", "join_pages", "detect_family"]

_STRIP = " \t\r\n\f\v\u3000\xa0\u2002\u2003\u2009\u200b\u200c\u200d\ufeff\u00ad"
_NL = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_INDENT_AFTER_BR = re.compile(r"^[\u3000\xa0\u2002\u2003]{2}|^ {4}")
_WS_KEY = re.compile(r"\s+")
_BR = "\x00"


# ---------------------------------------------------------------- text helpers


def _tidy(text: str) -> str:
    """Strip a paragraph and drop source line breaks inside it (no other change)."""
    if "\n" in text or "\r" in text:
        text = _NL.sub(_nl_repl, text)
    return text.strip(_STRIP)


def _nl_repl(m: re.Match[str]) -> str:
    s, e = m.start(), m.end()
    src = m.string
    before = src[s - 1] if s > 0 else ""
    after = src[e] if e < len(src) else ""
    # Between two ASCII word characters a source newline renders as a space; elsewhere (CJK) as nothing.
    if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
        return " "
    return ""


def _key(text: str) -> str:
    return _WS_KEY.sub("", text).strip(_STRIP)


def _block_text(node: LexborNode, split_br: bool) -> list[str]:
    """Text of a leaf block; <br> joins (soft break) unless followed by indentation or split_br."""
    if node.css_first("br") is None:
        t = _tidy(node.text(deep=True))
        return [t] if t else []
    parts: list[str] = []
    for n in node.traverse(include_text=True):
        tag = n.tag
        if tag == "-text":
            parts.append(n.text_content or "")
        elif tag == "br":
            parts.append(_BR)
    pieces = "".join(parts).split(_BR)
    out: list[str] = []
    cur = ""
    for i, piece in enumerate(pieces):
        if i == 0:
            cur = piece
            continue
        if split_br or _INDENT_AFTER_BR.match(piece):
            out.append(cur)
            cur = piece
        else:
            cur = cur.rstrip(" \t\r\n") + piece.lstrip(" \t\r\n")
    out.append(cur)
    return [t for t in (_tidy(p) for p in out) if t]


def _has_desc(node: LexborNode, tags: frozenset[str], selector: str) -> bool:
    """True when a descendant (not the node itself: lexbor's css() includes it) matches."""
    for child in node.iter(include_text=False):
        if child.tag in tags or child.css_first(selector) is not None:
            return True
    return False


def _has_block(node: LexborNode) -> bool:
    return _has_desc(node, S.BLOCK_TAGS, S.BLOCK_SELECTOR)


_NESTED = frozenset({"p", "div", "table", "li"})


def _table_rows(table: LexborNode, out: list[str]) -> None:
    if table.css_first("td p, td div, th p, th div, td table") is not None:
        # Layout table: cells are containers.
        for cell in table.css("td, th"):
            if len(cell.css("td, th")) == 1:  # innermost cells only (css() includes the cell)
                _emit(cell, out, top=False)
        return
    for row in table.css("tr"):
        cells = [_tidy(c.text(deep=True)) for c in row.iter(include_text=False) if c.tag in ("td", "th")]
        line = "\t".join(c for c in cells if c)
        if line:
            out.append(line)


def _emit(container: LexborNode, out: list[str], top: bool) -> None:
    """Append the paragraphs of a container (an element with block children, or a leaf)."""
    if not _has_block(container):
        many_br = len(container.css("br")) >= 3 and container.tag not in S.PARAGRAPH_TAGS
        out.extend(_block_text(container, split_br=many_br and top))
        return
    inline: list[str] = []
    inline_br = 0

    def flush() -> None:
        nonlocal inline_br
        if inline:
            pieces = "".join(inline).split(_BR)
            for piece in pieces:
                t = _tidy(piece)
                if t:
                    out.append(t)
            inline.clear()
        inline_br = 0

    for child in container.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            inline.append(child.text_content or "")
        elif tag == "br":
            inline.append(_BR)
            inline_br += 1
        elif tag in S.BLOCK_TAGS:
            flush()
            if tag == "table":
                _table_rows(child, out)
            elif tag == "hr":
                continue
            elif tag in S.PARAGRAPH_TAGS and not _has_desc(child, _NESTED, "p, div, table, li"):
                out.extend(_block_text(child, split_br=False))
            elif _has_block(child):
                _emit(child, out, top=False)
            else:
                many_br = len(child.css("br")) >= 3
                out.extend(_block_text(child, split_br=many_br))
        elif tag in ("-comment", "img"):
            continue
        else:
            # Inline element in a mixed container: keep its text (with its <br>s) in the inline run.
            if child.css_first("br") is None:
                inline.append(child.text(deep=True))
            else:
                for n in child.traverse(include_text=True):
                    if n.tag == "-text":
                        inline.append(n.text_content or "")
                    elif n.tag == "br":
                        inline.append(_BR)
    flush()


def _paragraphs(container: LexborNode, title: str) -> tuple[str, ...]:
    for node in container.css(S.DROP_TAGS):
        node.decompose()
    for node in container.css(S.HIDDEN):
        node.decompose()
    out: list[str] = []
    _emit(container, out, top=True)
    paras = [p for p in out if not (len(p) <= 80 and S.BOILERPLATE_LINE.search(p))]
    if paras and title and _key(paras[0]) == _key(title):
        paras = paras[1:]
    return tuple(paras)


# ---------------------------------------------------------------- page parts


def detect_family(tree: LexborHTMLParser, url: str) -> Family:
    path = urlsplit(url).path if url else ""
    for fam in S.FAMILIES:
        if any(p.search(path) for p in fam.url_patterns):
            return fam.family
    for fam in S.FAMILIES:
        if any(tree.css_first(m) is not None for m in fam.markers):
            return fam.family
    return Family.GENERIC


def _metas(tree: LexborHTMLParser) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.css("meta[name]"):
        attrs = m.attributes
        name = (attrs.get("name") or "").strip().lower()
        content = attrs.get("content")
        if name and content and name not in out:
            out[name] = content.strip()
    return out


def _find_container(tree: LexborHTMLParser, fam: Family) -> LexborNode | None:
    order = S.BY_FAMILY[fam].content + tuple(
        s for s in S.GENERIC.content if s not in S.BY_FAMILY[fam].content
    )
    for sel in order:
        node = tree.css_first(sel)
        if node is not None and _key(node.text(deep=True)):
            return node
    return _densest(tree)


def _densest(tree: LexborHTMLParser) -> LexborNode | None:
    """Text-density fallback: the parent of <p>s holding the most paragraph text (ties: first)."""
    best: LexborNode | None = None
    best_len = 0
    scores: dict[int, tuple[LexborNode, int]] = {}
    for p in tree.css("p"):
        par = p.parent
        if par is None:
            continue
        n = len(_key(p.text(deep=True)))
        if p.css_first("a") is not None:
            n -= sum(len(a.text(deep=True)) for a in p.css("a"))
        node_id = par.mem_id
        prev = scores.get(node_id)
        scores[node_id] = (par, (prev[1] if prev else 0) + n)
    for par, n in scores.values():
        if n > best_len:
            best, best_len = par, n
    if best is not None and best_len >= 50:
        return best
    body = tree.body
    if body is None:
        return None
    best_div, best_n = None, 0
    for div in body.css("div, td"):
        n = len(_key(div.text(deep=False)))
        if n > best_n:
            best_div, best_n = div, n
    return best_div if best_div is not None and best_n >= 50 else body


def _title(tree: LexborHTMLParser, metas: dict[str, str], fam: Family) -> str:
    t = metas.get("articletitle")
    if t:
        return _tidy(htmlmod.unescape(t))
    for sel in S.BY_FAMILY[fam].title:
        node = tree.css_first(sel)
        if node is not None:
            t = _tidy(node.text(deep=True))
            if t:
                return t
    node = tree.css_first("title")
    if node is not None:
        t = _tidy(node.text(deep=True))
        stripped = S.TITLE_SUFFIX.sub("", t)
        return stripped or t
    return ""


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _info_texts(tree: LexborHTMLParser, fam: Family) -> list[str]:
    out: list[str] = []
    for sel in S.BY_FAMILY[fam].info + S.GENERIC.info:
        for node in tree.css(sel)[:3]:
            t = node.text(deep=True, separator=" ")
            if t and t not in out:
                out.append(t)
    return out


def _xxgk(tree: LexborHTMLParser) -> dict[str, str]:
    """Label → value of the 政府信息公开 info table (cells alternate label, value)."""
    table = tree.css_first("table.xxgk_table, .xxgk_table, table.xxgk")
    if table is None:
        return {}
    out: dict[str, str] = {}
    cells = [_tidy(c.text(deep=True)) for c in table.css("td, th")]
    for label, value in zip(cells, cells[1:]):
        if label.endswith(("：", ":")) and value and not value.endswith(("：", ":")):
            out.setdefault(label.rstrip("：:").replace(" ", "").replace("\u3000", ""), value)
    return out


def _published(metas: dict[str, str], infos: list[str], xxgk: dict[str, str]) -> dt.date | None:
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


def _source(metas: dict[str, str], infos: list[str], xxgk: dict[str, str]) -> str | None:
    v = metas.get("contentsource")
    if v:
        return _tidy(v)
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
    h = htmlmod.unescape(h.strip())
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


def _attachments(scope: list[LexborNode], url: str) -> tuple[Link, ...]:
    seen: set[str] = set()
    out: list[Link] = []
    for root in scope:
        for a in root.css("a[href]"):
            h = _href(a)
            if h is None:
                continue
            abs_url = urljoin(url, h)
            name = _attachment_name(abs_url)
            if not name or not S.ATTACHMENT_WANTED.search(name) or abs_url in seen:
                continue
            seen.add(abs_url)
            text = _tidy(a.text(deep=True)) or _tidy(a.attributes.get("title") or "") or name.rsplit("/", 1)[-1]
            out.append(Link(abs_url, text))
        if out:
            break
    return tuple(out)


_PAGE_SUFFIX = re.compile(r"^(.*?)(?:_(\d{1,3}))?(\.[A-Za-z]+)$")


def _page_key(url: str) -> tuple[str, int] | None:
    parts = urlsplit(url)
    m = _PAGE_SUFFIX.match(parts.path)
    if not m:
        return None
    stem = f"{parts.scheme}://{parts.netloc}{m.group(1)}{m.group(3)}?{parts.query}"
    return stem, int(m.group(2)) + 1 if m.group(2) else 0


def _page_links(tree: LexborHTMLParser, html: str, url: str) -> tuple[str, ...]:
    me = _page_key(url)
    found: dict[str, int] = {}
    extra: list[str] = []
    if me is not None:
        for a in tree.css("a[href]"):
            h = _href(a)
            if h is None:
                continue
            abs_url = urljoin(url, h).split("#", 1)[0]
            key = _page_key(abs_url)
            if key is not None and key[0] == me[0] and abs_url != url:
                found.setdefault(abs_url, key[1])
            elif S.NEXT_PAGE_TEXT.match(a.text(deep=True) or "") and abs_url != url:
                extra.append(abs_url)
    if "createPageHTML" in html:
        for m in S.CREATE_PAGE_HTML.finditer(html):
            count, _cur, prefix, suffix = int(m.group(1)), m.group(2), m.group(3), m.group(4)
            for i in range(min(count, 200)):
                name = f"{prefix}{'_' + str(i) if i else ''}.{suffix.lstrip('.')}"
                abs_url = urljoin(url, name)
                if abs_url != url:
                    found.setdefault(abs_url, i)
    ordered = [u for u, _ in sorted(found.items(), key=lambda kv: kv[1])]
    for u in extra:
        if u not in found and u not in ordered:
            ordered.append(u)
    return tuple(ordered)


def _site_id(metas: dict[str, str], tree: LexborHTMLParser) -> str | None:
    v = metas.get("siteidcode")
    if v:
        return v.strip()
    for sel in (".footer", "#footer", ".foot", "footer", ".bottom"):
        node = tree.css_first(sel)
        if node is not None:
            m = S.SITE_ID.search(node.text(deep=True))
            if m:
                return m.group(1)
    body = tree.body
    if body is not None:
        m = S.SITE_ID.search(body.text(deep=True))
        if m:
            return m.group(1)
    return None


# ---------------------------------------------------------------- public API


def extract_article(html: str, url: str) -> Article:
    """Extract the main content and metadata of an article page. Never raises on odd input."""
    if not isinstance(html, str):
        html = str(html, "utf-8", "replace") if isinstance(html, (bytes, bytearray)) else str(html)
    if "\x00" in html:
        html = html.replace("\x00", "")
    try:
        return _extract(html, url or "")
    except Exception:  # noqa: BLE001 - the contract is "never raise"; an empty article is the answer
        return Article(url=url or "", title="", paragraphs=())


def _extract(html: str, url: str) -> Article:
    tree = LexborHTMLParser(html)
    fam = detect_family(tree, url)
    metas = _metas(tree)
    title = _title(tree, metas, fam)
    infos = _info_texts(tree, fam)
    xxgk = _xxgk(tree)
    published = _published(metas, infos, xxgk)
    source = _source(metas, infos, xxgk)
    site_id = _site_id(metas, tree)
    page_links = _page_links(tree, html, url)
    container = _find_container(tree, fam)
    scope = [n for n in (container, tree.body) if n is not None]
    attachments = _attachments(scope, url)
    paragraphs = _paragraphs(container, title) if container is not None else ()
    return Article(
        url=url,
        title=title,
        paragraphs=paragraphs,
        published=published,
        source=source,
        attachments=attachments,
        page_links=page_links,
        site_id_code=site_id,
        family=fam,
    )


def article_text(article: Article) -> str:
    """The raw text of an article: its paragraphs joined with newlines."""
    return "\n".join(article.paragraphs)


def join_pages(articles: list[Article]) -> Article:
    """Join the pages of a multi-page article in the given order.

    Paragraphs are concatenated; title, dates and metadata come from the first page (missing fields are
    taken from later pages); attachments are merged (deduplicated); ``page_links`` is emptied. Pages of
    these portals split between paragraphs, so no paragraph is glued across a page boundary.
    """
    if not articles:
        return Article(url="", title="", paragraphs=())
    first = articles[0]
    if len(articles) == 1:
        return first
    paras: list[str] = []
    atts: list[Link] = []
    seen: set[str] = set()
    for a in articles:
        paras.extend(a.paragraphs)
        for link in a.attachments:
            if link.url not in seen:
                seen.add(link.url)
                atts.append(link)

    def pick(attr: str):  # noqa: ANN202
        for a in articles:
            v = getattr(a, attr)
            if v:
                return v
        return getattr(first, attr)

    return Article(
        url=first.url,
        title=pick("title"),
        paragraphs=tuple(paras),
        published=pick("published"),
        source=pick("source"),
        attachments=tuple(atts),
        page_links=(),
        site_id_code=pick("site_id_code"),
        family=first.family,
    )
