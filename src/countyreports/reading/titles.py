"""The title of an article page, for countyreports.reading.article.

    title_of(tree, metas, fam, container) -> str

Candidates, in order of preference: the ArticleTitle meta; the family's title selectors (reading.selectors);
og:title / dc.title; the headings (h1–h3) and elements whose class or id says title (tit, bt, biaoti,
headline) just before the main-text container or at its start; the page's <title>. Each candidate loses an
info line glued to it (dates, 来源, 发布时间, 浏览/点击 counts, 字号: `INFO_LINE`), and a candidate that is the
site's name (the SiteName/ColumnName metas, the logo, header or banner, a place's government or web-site name:
`SITE_NAME`) or a navigation word is dropped. The <title> is cut at its separators and the site names at
either end peeled off (`head_title`). Then a candidate the <title> agrees with (its text is in the <title>) is
preferred, the longest such; else the first family selector's (as before), else the <title>, else the longest
heading near the main text. A text too short to be a report's title (`SHORT_TITLE`: a sub-site's topic name,
法治某某, as <title>; a side box's title matched by a family selector) gives way to a long one.
Most pages are answered from the first two steps, without reading the headings.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from countyreports.models import Family
from countyreports.reading import query as Q
from countyreports.reading import selectors as S
from countyreports.reading.pagemeta import STRIP, key, strip_site_suffix, tidy

#: a <title> of at most this many characters is too short to be an article title when a heading offers one
SHORT_TITLE = 8
#: the longest text read as a title (a longer "title" element is a wrapper)
LONG_TITLE = 150
#: headings looked at: the last ones before the main text, the first ones inside it
NEAR_BEFORE = 6
NEAR_INSIDE = 3


def title_of(tree: LexborHTMLParser, metas: dict[str, str], fam: Family, container: LexborNode | None = None) -> str:
    sites = {key(v) for name in S.SITE_METAS if (v := metas.get(name))}
    t = cut_info(tidy(metas.get("articletitle") or ""))
    if t and not is_site(t, sites):
        return t
    node = Q.css_first(tree, "title")
    head = tidy(node.text(deep=True)) if node is not None else ""
    family = _family_candidates(tree, fam, sites)
    if family and agrees(family[0], head, head_title(head, sites)):
        return family[0]
    sites |= _page_sites(tree)
    pick = head_title(head, sites)
    metas_t = [c for name in S.TITLE_METAS if (c := head_title(cut_info(tidy(metas.get(name) or "")), sites))]
    near = _near_candidates(tree, container, sites)
    agreeing = [c for c in family + metas_t + near if agrees(c, head, pick)]
    if agreeing:
        return max(agreeing, key=lambda c: len(key(c)))  # (max keeps the first of equals: the preferred one)
    long_pick = len(key(pick)) > SHORT_TITLE
    if family and not (long_pick and len(key(family[0])) <= SHORT_TITLE):  # (not a box title over a real one)
        return family[0]
    if metas_t:
        return metas_t[0]
    if pick and (long_pick or not near):
        return pick
    if near:
        return max(near, key=lambda c: len(key(c)))
    return pick or strip_site_suffix(head)


def agrees(candidate: str, head: str, pick: str) -> bool:
    """Is `candidate` in the <title> text `head`, and not a small part of its title `pick` (a column name)?"""
    k = key(candidate)
    return len(k) >= 4 and k in key(head) and 2 * len(k) >= len(key(pick))


def cut_info(text: str) -> str:
    """The text before an info line glued to it (`标题 2023-02-07 来源：某某县司法局 点击：` → `标题`); the text
    itself when the info line would leave less than 4 characters."""
    for m in S.INFO_LINE.finditer(text):
        if m.start() >= 4:
            return text[: m.start()].strip(STRIP)
    return text


def is_site(text: str, sites: set[str]) -> bool:
    """Is `text` the site's name (known from the page, or by its shape), a navigation word or a breadcrumb?"""
    k = key(text)
    return (k in sites or k in S.TITLE_NAV_WORDS or S.SITE_NAME.fullmatch(k) is not None
            or S.TITLE_NAV_START.match(k) is not None)


def head_title(head: str, sites: set[str]) -> str:
    """The title in a <title> text: the last step of a breadcrumb; the site names at either end peeled off at
    any separator; then, at a strong separator, an end segment shorter than the rest (an unknown site or
    column name). "" when the <title> is only site names."""
    if not head:
        return ""
    steps = [s for s in S.BREADCRUMB_SPLIT.split(head) if s.strip(STRIP)]
    if len(steps) > 1:
        steps = [s for s in steps if not is_site(s, sites)] or steps[-1:]
        head = steps[-1]
    parts = S.TITLE_SPLIT.split(head)
    segs, seps = parts[0::2], parts[1::2]
    while segs and (not key(segs[-1]) or is_site(segs[-1], sites)):
        segs, seps = segs[:-1], seps[:-1]
    while segs and (not key(segs[0]) or is_site(segs[0], sites)):
        segs, seps = segs[1:], seps[1:]
    if not segs:
        return ""
    while len(segs) > 1:
        last, first = len(key(segs[-1])), len(key(segs[0]))
        rest_last = len(key("".join(segs[:-1])))
        rest_first = len(key("".join(segs[1:])))
        if _strong(seps[-1]) and last <= 30 and last < rest_last:
            segs, seps = segs[:-1], seps[:-1]
        elif _strong(seps[0]) and first <= 30 and first < rest_first:
            segs, seps = segs[1:], seps[1:]
        else:
            break
    return "".join(s + (seps[i] if i < len(seps) else "") for i, s in enumerate(segs)).strip(STRIP)


def _strong(sep: str) -> bool:
    return S.TITLE_WEAK_SEPARATOR.fullmatch(sep) is None


def _family_candidates(tree: LexborHTMLParser, fam: Family, sites: set[str]) -> list[str]:
    out: list[str] = []
    for sel in S.BY_FAMILY[fam].title:
        node = Q.css_first(tree, sel)
        if node is not None:
            t = _text(node, sites)
            if t and t not in out:
                out.append(t)
    return out


def _text(node: LexborNode, sites: set[str]) -> str:
    t = cut_info(tidy(node.text(deep=True)))
    if not t or len(t) > LONG_TITLE or is_site(t, sites):
        return ""
    return t


def _page_sites(tree: LexborHTMLParser) -> set[str]:
    """The names the page gives its site: the short texts, link titles and image alts of its logo, header and
    banner."""
    out: set[str] = set()
    for node in Q.css(tree, S.SITE_NODES):
        k = key(node.text(deep=True))
        if 2 <= len(k) <= 30:
            out.add(k)
        for sub in Q.css(node, "img[alt], a[title]"):
            v = key(sub.attributes.get("alt") or sub.attributes.get("title") or "")
            if 2 <= len(v) <= 30:
                out.add(v)
    return out


def _near_candidates(tree: LexborHTMLParser, container: LexborNode | None, sites: set[str]) -> list[str]:
    """The texts of the headings and title elements nearest the start of the main text: the last
    `NEAR_BEFORE` before the container, the first `NEAR_INSIDE` inside it; not inside a link, not a list of
    links, not a wrapper of the container."""
    before: list[str] = []
    inside: list[str] = []
    whole = container is None or container is tree.body or container.tag in ("body", "html")
    path = _path(container) if container is not None and not whole else []
    for node in Q.css(tree, S.TITLE_NODES):
        if node.tag not in ("h1", "h2", "h3") and not _title_class(node):
            continue
        where = _where(node, path) if path else -1
        if where > 0 or _linked(node):
            continue  # after the main text (related articles), a wrapper, or a link
        t = _text(node, sites)
        if not t or len(key(t)) < 4:
            continue
        if where < 0:
            before.append(t)
        elif len(inside) < NEAR_INSIDE:
            inside.append(t)
    # (without a container, the whole page is "before" it: its first headings are the nearest the start)
    return list(dict.fromkeys((before[-NEAR_BEFORE:] if path else before[:NEAR_BEFORE]) + inside))


def _title_class(node: LexborNode) -> bool:
    attrs = node.attributes
    for name in ("class", "id"):
        v = attrs.get(name)
        if v and any(S.TITLE_CLASS.search(tok) for tok in v.split()):
            return True
    return False


def _linked(node: LexborNode) -> bool:
    """Is the node inside a link, or is most of its text link text?"""
    n = node.parent
    for _ in range(3):
        if n is None:
            break
        if n.tag == "a":
            return True
        n = n.parent
    links = Q.css(node, "a")
    if not links:
        return False
    return 2 * sum(len(key(a.text(deep=True))) for a in links) >= len(key(node.text(deep=True)))


def _path(node: LexborNode) -> list[int]:
    """The mem_ids from the root down to `node`."""
    out: list[int] = []
    n: LexborNode | None = node
    while n is not None:
        out.append(n.mem_id)
        n = n.parent
    out.reverse()
    return out


def _where(node: LexborNode, container_path: list[int]) -> int:
    """-1: `node` comes before the container, 0: inside it, 1: after it, or it holds the container."""
    chain: list[LexborNode] = []
    n: LexborNode | None = node
    while n is not None:
        chain.append(n)
        n = n.parent
    chain.reverse()
    depth = 0
    while depth < len(chain) and depth < len(container_path) and chain[depth].mem_id == container_path[depth]:
        depth += 1
    if depth == len(container_path):
        return 0  # the container is one of its ancestors (or itself)
    if depth == len(chain):
        return 1  # it is an ancestor of the container: a wrapper
    target = container_path[depth]
    sib: LexborNode | None = chain[depth]
    while sib is not None:  # the node's branch before the container's branch, among the same parent's children?
        if sib.mem_id == target:
            return -1
        sib = sib.next
    return 1
