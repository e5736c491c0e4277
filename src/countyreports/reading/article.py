"""Article pages → :class:`Article` (pure functions, selectolax/lexbor; never raise on bad HTML).

    extract_article(html, url) -> Article     # main text, title, dates, source, links, family
    article_text(article) -> str              # paragraphs joined with "\\n"
    join_pages([page0, page1, ...]) -> Article

The main container is found here (the family's selectors, then generic ones, then the densest block); its
paragraphs are read by countyreports.reading.paragraphs (conventions there). Metadata (title, published,
source, site id, attachments, page links) is read by countyreports.reading.pagemeta, the title by
countyreports.reading.titles; the per-family selectors
are data in countyreports.reading.selectors; `page_noise` (re-exported here) is in
countyreports.reading.pagenoise.
"""

from __future__ import annotations

from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from countyreports.errors import ParseError

from countyreports.reading import pagemeta as M
from countyreports.reading import query as Q
from countyreports.reading import selectors as S
from countyreports.models import Article, Family, Link
from countyreports.reading.limits import MAX_DEPTH, MAX_TAGS, truncated
from countyreports.reading.nesting import flatten, needs_scan
from countyreports.reading.pagenoise import page_noise
from countyreports.reading.paragraphs import paragraphs as read_paragraphs
from countyreports.reading.titles import title_of
from countyreports.reading.urls import joiner, split_url

__all__ = ["extract_article", "article_text", "join_pages", "detect_family", "page_noise"]


# ---------------------------------------------------------------- page parts

_NOT_PAGE_IMAGE = (".svg", ".ico")


def page_images(container: LexborNode | None, url: str) -> tuple[str, ...]:
    """Absolute URLs of the images in the main text, in order (no inline data, icons or repeats): the pages of
    an article made of scans, when its text is only a caption (`document.wanted_images` judges)."""
    if container is None:
        return ()
    join = joiner(url)
    out: dict[str, None] = {}
    for img in Q.css(container, "img[src]"):
        src = (img.attributes.get("src") or "").strip()
        if not src or src.startswith(("data:", "javascript:")) or src.lower().split("?")[0].endswith(_NOT_PAGE_IMAGE):
            continue
        out[join(src)] = None
    return tuple(out)


def detect_family(tree: LexborHTMLParser, url: str) -> Family:
    path = split_url(url)[2] if url else ""
    for fam in S.FAMILIES:
        if any(p.search(path) for p in fam.url_patterns):
            return fam.family
    for fam in S.FAMILIES:
        if any(Q.css_first(tree, m) is not None for m in fam.markers):
            return fam.family
    return Family.GENERIC


def _find_container(tree: LexborHTMLParser, fam: Family) -> LexborNode | None:
    own = S.BY_FAMILY[fam].content if fam is not Family.GENERIC else ()
    for sel in own:
        node = Q.css_first(tree, sel)
        if node is not None and _has_text(node):
            return node
    # Generic selectors (.content, article, ...) may match a wrapper full of navigation: accept them only
    # when most of their text is not link text.
    for sel in S.GENERIC.content:
        if sel in own:
            continue
        node = Q.css_first(tree, sel)
        if node is None:
            continue
        n = len(M.key(node.text(deep=True)))
        if n and sum(len(M.key(a.text(deep=True))) for a in Q.css(node, "a")) < 0.3 * n:
            return node
    return _densest(tree)


def _has_text(node: LexborNode) -> bool:
    """Is ``node.text(deep=True).strip(M.STRIP)`` (i.e. ``M.key(...)``) not empty? Reads the text nodes only
    up to the first holding a visible character, instead of the whole text."""
    for n in node.traverse(include_text=True):
        t = n.text_content  # (None for an element or a comment)
        if t and t.strip(M.STRIP):
            return True
    return False


def _densest(tree: LexborHTMLParser) -> LexborNode | None:
    """Text-density fallback: the parent of the <p>s holding the most non-link paragraph text; without
    <p>s, the element with the most own (direct) text."""
    best: LexborNode | None = None
    best_len = 0
    scores: dict[int, tuple[LexborNode, int]] = {}
    for p in Q.css(tree, "p"):
        par = p.parent
        if par is None:
            continue
        n = len(M.key(p.text(deep=True)))
        if Q.css_first(p, "a") is not None:
            n -= sum(len(a.text(deep=True)) for a in Q.css(p, "a"))
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
    for div in Q.css(body, "div, td"):
        n = len(M.key(div.text(deep=False)))
        if n > best_n:
            best_div, best_n = div, n
    return best_div if best_div is not None and best_n >= 50 else body


# ---------------------------------------------------------------- public API


def extract_article(html: str, url: str, *, utf8: bytes | None = None) -> Article:
    """Extract the main content and metadata of an article page. Never raises on odd input; raises
    MemoryError / ParseError when the memory to parse the page runs out (never an empty article instead).

    `utf8`: the page's bytes when they are exactly ``html.encode("utf-8")`` (a strict UTF-8 decode, no BOM,
    no NUL): the parser reads them as they are instead of encoding `html` again.

    A page nested deeper than `limits.MAX_DEPTH` is flattened before it is parsed, one of more than
    `limits.MAX_TAGS` elements cut (reading.nesting), and its article's `noise` says ``truncated: depth>…`` /
    ``truncated: tags>…``."""
    if not isinstance(html, str):
        html = str(html, "utf-8", "replace") if isinstance(html, (bytes, bytearray)) else str(html)
        utf8 = None
    if utf8 is None and "\x00" in html:  # (`utf8` holds no NUL: neither does its text)
        html = html.replace("\x00", "")
    caps: list[str] = []
    if needs_scan(html if utf8 is None else utf8):
        flat, deepest, cut = flatten(html, MAX_DEPTH, MAX_TAGS)
        if flat is not html:
            html, utf8 = flat, None
            caps += [truncated("depth", MAX_DEPTH)] if deepest > MAX_DEPTH else []
            caps += [truncated("tags", MAX_TAGS)] if cut else []
    try:
        article = _extract(html, url or "", utf8)
    except MemoryError:  # the page's memory budget ran out: said by the caller, never an empty article
        raise
    except SelectolaxError as exc:  # lexbor could not build the tree: it ran out of memory
        raise ParseError(f"the HTML parser gave up on the page ({exc}): out of memory") from exc
    except Exception:  # noqa: BLE001 - the contract is "never raise"; an empty article is the answer
        article = Article(url=url or "", title="", paragraphs=())
    if caps:
        article = replace(article, noise=tuple(dict.fromkeys([*caps, *article.noise])))
    return article


def _extract(html: str, url: str, utf8: bytes | None = None) -> Article:
    tree = LexborHTMLParser(html if utf8 is None else utf8)
    fam = detect_family(tree, url)
    # One query for the <meta>s and the links (each query walks the whole tree). Every <a> of the document
    # is in its <body> (the HTML parser puts it there): the links serve `page_links` and `attachments` both.
    anchors: list[LexborNode] = []
    meta_nodes: list[LexborNode] = []
    for node in Q.css(tree, "meta, a[href]"):
        (anchors if node.tag == "a" else meta_nodes).append(node)
    metas = M.metas(tree, meta_nodes)
    container = _find_container(tree, fam)
    title = title_of(tree, metas, fam, container)
    # The <meta> tags usually give both: the info lines and the xxgk table are read only when they do not.
    published = M.published(metas, [], {})
    source = M.source(metas, [], {})
    if published is None or source is None:
        infos, xxgk = M.info_and_xxgk(tree, fam)
        published = M.published(metas, infos, xxgk)
        source = M.source(metas, infos, xxgk)
    site_id = M.site_id(metas, tree)
    page_links = M.page_links(tree, html, url, anchors)
    attachments = M.attachments(container, anchors if tree.body is not None else None, url)
    paragraphs, deep = read_paragraphs(container, title) if container is not None else ((), False)
    images = page_images(container, url) if container is not None and container is not tree.body else ()
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
        noise=(truncated("depth", MAX_DEPTH),) if deep else (),
        images=images,
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
    images: dict[str, None] = {}
    for a in articles:
        paras.extend(a.paragraphs)
        images.update(dict.fromkeys(a.images))
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
        images=tuple(images),
    )
