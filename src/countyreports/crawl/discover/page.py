"""One fetched page as the column search sees it (pure): what it is called, where its links lead, what it lists.

`read_page(text, url, hosts=…)` parses the page once and gives a `PageView`: its names and their score (with the
context of its breadcrumb and of the link that led to it), the links that may lead to the report column
(scored, on any host: the search decides what is in scope), its list (any shape, pages of any kind, records in
scripts, a JSON answer), its per-year sub-columns, its links to its own path with another query (its list's tabs),
every entry-like link (for the title classifier), list APIs named by its scripts, its GET search forms, and who it
says it belongs to (网站标识码, 主办单位).

With `adapters`, a page of a known CMS family is read by that family's adapter first (`FAMILIES`); the generic
reader is the fallback and, with adapters off, the only reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover import generic, gkmlpt, hanweb, platform, trs
from countyreports.crawl.discover.answers import json_html, json_next
from countyreports.crawl.discover.endpoints import endpoints, is_script_url, link_templates, list_includes, tree_scripts
from countyreports.crawl.discover.forms import SearchForm, search_forms
from countyreports.crawl.discover.keywords import (
    ALTERNATE_TEXT,
    BREADCRUMB_CONTAINER, MORE_RE, MORE_TEXTS, NEGATIVE_TEXT, NEGATIVE_URL, OWNER_RE, PINYIN_NAMES, PINYIN_TOKEN, YEAR_RE,
)
from countyreports.crawl.discover.listing import all_items, column_shapes
from countyreports.crawl.discover.names import (
    breadcrumb, is_year_label, meta, own_names, page_score, scored, topic_of, url_score,
)
from countyreports.crawl.discover.pager import query_variants
from countyreports.crawl.discover.scripts import (
    api_urls, fragments, json_pages, json_records, read_json, script_columns, tree_columns,
)
from countyreports.crawl.discover.variants import form_pages, year_views
from countyreports.models import Family, Link
from countyreports.registry.identity import site_code_from_html

ScoredLink = c.ScoredLink
FAMILIES: dict[Family, ModuleType] = {Family.TRS: trs, Family.HANWEB: hanweb, Family.PLATFORM: platform,
                                      Family.GKMLPT: gkmlpt}
MIN_FAMILY_EVIDENCE = 3
MAX_PATTERN_HITS = 8


@dataclass(frozen=True, slots=True)
class PageView:
    url: str
    family: Family
    names: tuple[str, ...]  # the page's own names, most trusted first
    crumbs: tuple[str, ...]  # breadcrumb texts
    crumb_urls: frozenset[str]
    score: int  # its best name's score (own, in context, or the link's that led here)
    own_score: int  # the same without the link that led here
    reason: str
    topic: str  # the topic column the page stands for ("" when none): the context of its links
    candidates: tuple[ScoredLink, ...]  # links that may lead to the report column, any host, best first
    items: tuple[Link, ...]  # its list
    next_pages: tuple[str, ...]  # further pages of that list
    subcolumns: tuple[str, ...]  # per-year sub-columns
    articles: tuple[Link, ...]  # every entry-like link of the page
    apis: tuple[str, ...]  # list endpoints its scripts name
    forms: tuple[SearchForm, ...]
    site_code: str | None
    owners: tuple[str, ...]  # who the page says runs the site (meta SiteName, 主办单位…)
    is_json: bool = False
    redirect: str | None = None  # a page that only sends the browser on (meta refresh, location = …)
    frames: tuple[str, ...] = ()  # (i)frames on the county's site: the page's content lives there
    alternates: tuple[str, ...] = ()  # the site's other editions it declares (手机版), on the county's site
    article_like: bool = False  # an article's page (ArticleTitle meta, or a long text and hardly a list)
    templates: tuple[tuple[str, str], ...] = ()  # how its scripts link a record by its id (endpoints.link_templates)
    menu: tuple[ScoredLink, ...] = ()  # its short links that name no way to the column, in their order
    variants: tuple[str, ...] = ()  # links to its own path with another query: maybe its list's tabs

    @property
    def shell(self) -> bool:
        """A script-only page: its content comes from the JSON endpoints its scripts ask."""
        return bool(self.apis) and not self.items and not self.is_json

    @property
    def listy(self) -> bool:
        return bool(self.items or self.subcolumns or self.next_pages or self.apis or self.frames)

    @property
    def is_article(self) -> bool:
        return self.article_like or c.is_article_url(self.url) or c.is_attachment(self.url)


def detect_family(html: str, url: str) -> Family:
    """CMS family of a page from its markup and URL shapes; GENERIC when nothing is telling."""
    path = url.split("://", 1)[-1].split("/", 1)[-1].split("?", 1)[0]
    scores: dict[Family, int] = {}
    for fam, mod in FAMILIES.items():
        score = sum(w * min(len(p.findall(html or "")), MAX_PATTERN_HITS) for p, w in mod.HTML_SIGNALS)
        score += sum(w for p, w in mod.URL_SIGNALS if p.search("/" + path if p.pattern.startswith("^") else url))
        scores[fam] = score
    best = max(scores, key=lambda f: scores[f])
    return best if scores[best] >= MIN_FAMILY_EVIDENCE else Family.GENERIC


_BARE_URL = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+){2,}/?$", re.I)


def candidates(tree: c.LexborHTMLParser, url: str, topic: str, own: str = "") -> tuple[ScoredLink, ...]:
    """Links that may lead to the report column, best first: scored by their text, title or image alt (a
    "更多" link by its block's heading), in the context of the page's topic, and by URL hints."""
    base = c.base_url(tree, url)
    best: dict[str, ScoredLink] = {}
    order: dict[str, int] = {}
    for i, (a, u) in enumerate([*c.anchors(tree, base), *site_options(tree, base)]):
        if u == url or c.is_attachment(u) or c.is_article_url(u) or NEGATIVE_URL.search(u):
            continue
        title = c.clean(a.attributes.get("title"))
        label = c.label_of(a) or wordless_label(a, u)
        if label in MORE_TEXTS or MORE_RE.match(label) or not label:
            label = c.block_heading(a)
        elif own and _BARE_URL.match(label) and c.host_of(u) != c.host_of(url):
            label = own  # a profile page's 门户网站 given as its address: the site of what the page names
        if (YEAR_RE.search(label) and len(label) > 10) or is_year_label(label):
            continue  # an article title, or a per-year part of a column
        if NEGATIVE_TEXT.search(label) or (title and NEGATIVE_TEXT.search(title)):
            continue
        ts, tr = max(scored(label, topic), scored(title, topic))
        us, ur = url_score(u)
        if label and not ts and us < 50:
            us = 0  # a weak URL hint does not rescue a link whose words say otherwise (通知公告)
        score = max(ts, us) + (5 if ts and us else 0)
        if score <= 0:
            continue
        link = ScoredLink(url=u, text=label, score=score, reason=tr if ts >= us else ur, context=topic)
        if u not in best or best[u].score < score:
            best[u] = link
        order.setdefault(u, i)
    return tuple(sorted(best.values(), key=lambda s: (-s.score, order[s.url])))


def wordless_label(a: c.LexborNode, url: str) -> str:
    """A link with no words (an image without alt, an empty anchor): the column its image's file name or its
    target host's first label names in pinyin initials (`keywords.PINYIN_NAMES`), or ""."""
    img = a.css_first("img[src]")
    stem = (img.attributes.get("src") or "").rsplit("/", 1)[-1].rsplit(".", 1)[0].lower() if img is not None else ""
    for token in [*PINYIN_TOKEN.findall(stem), c.host_of(url).split(".", 1)[0]]:
        if token in PINYIN_NAMES:
            return PINYIN_NAMES[token]
    return ""


def site_options(tree: c.LexborHTMLParser, base: str) -> list[tuple[c.LexborNode, str]]:
    """(option, url) for the options of a ``<select>`` that opens the chosen URL (a footer's 部门网站 list:
    ``onchange="window.open(this.value)"``): links named by their option's text."""
    out: list[tuple[c.LexborNode, str]] = []
    for select in tree.css("select[onchange]"):
        if not re.search(r"open|location|href", select.attributes.get("onchange") or ""):
            continue
        for opt in select.css("option[value]"):
            value = opt.attributes.get("value") or ""
            target = c.resolve(value, base) if c.names_a_url(value) else None
            if target:
                out.append((opt, target))
    return out


MAX_MENU_LABEL = 6


def menu(tree: c.LexborHTMLParser, url: str, hosts: frozenset[str], scored_urls: set[str]) -> tuple[ScoredLink, ...]:
    """The page's short links (a menu's: 新闻中心, 特色栏目) that no table scores, in their order: where a search
    whose named ways are spent may still look."""
    out: dict[str, ScoredLink] = {}
    for a, u in c.anchors(tree, c.base_url(tree, url)):
        label = c.label_of(a)
        if u == url or u in scored_urls or u in out or not c.same_site(u, hosts) or not (2 <= len(label) <= MAX_MENU_LABEL) \
                or c.is_site_root(u) or c.is_article_url(u) or c.is_attachment(u) \
                or NEGATIVE_URL.search(u) or NEGATIVE_TEXT.search(label) or is_year_label(label) or label in MORE_TEXTS:
            continue
        out[u] = ScoredLink(url=u, text=label, score=0, reason="menu", context="")
    return tuple(out.values())


#: a per-year part of the column is named like the column's topic (法治政府建设) with a year and a column's word
YEARLY_PART_SCORE = 80
_YEARLY_PART = re.compile(r"报告|专栏|专题")


def subcolumns(tree: c.LexborHTMLParser, url: str, hosts: frozenset[str], crumb_urls: frozenset[str],
               shapes: frozenset[str], entries: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Links (or a year <select>'s options naming URLs) to per-year parts of this column: named by a year (2023年,
    2023年度), or a column link named like a year's report or 专栏 (2023年度法治政府建设年度报告 → /2023/index.html,
    2024年度法治政府建设专栏 → /2024nd/) — not
    one of the page's list `entries`, unless its URL is a column's."""
    out: list[str] = []
    for a, u in c.anchors(tree, c.base_url(tree, url)):
        label = c.label_of(a)
        if u == url or u in crumb_urls or u in out or not c.same_site(u, hosts) or c.is_article_url(u) \
                or c.is_attachment(u) or c.in_excluded_container(a, ambiguous=False):
            continue
        yearly_column = (YEAR_RE.search(label) and _YEARLY_PART.search(label)
                         and scored(YEAR_RE.sub("", label))[0] >= YEARLY_PART_SCORE
                         and (c.is_column_url(u) or (c.url_shape(u) in shapes and u not in entries)))
        if is_year_label(label) or yearly_column:
            out.append(u)
    base = c.base_url(tree, url)
    for opt in tree.css("select option[value]"):  # a year <select> whose options are the parts' URLs
        value = opt.attributes.get("value") or ""
        part = c.resolve(value, base) if c.names_a_url(value) and is_year_label(c.clean(opt.text())) else None
        if part and part != url and part not in out and c.same_site(part, hosts) \
                and not (c.is_article_url(part) or c.is_attachment(part)):
            out.append(part)
    return tuple(out)


_REFRESH = re.compile(r"""<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']?\s*\d*\s*;?\s*url\s*=\s*"""
                      r"""['"]?([^"'>\s]+)""", re.I)
_JS_GO = re.compile(r"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*["']([^"']+)["']|"""
                    r"""location\.(?:replace|assign)\(\s*["']([^"']+)["']""")
MAX_REDIRECT_TEXT = 200  # a page that sends the browser on says (almost) nothing itself


def redirect_of(tree: c.LexborHTMLParser, html: str, url: str) -> str | None:
    """Where a page that only sends the browser on leads (meta refresh, or a script setting location)."""
    m = _REFRESH.search(html[:5000])
    target = m.group(1) if m else None
    if target is None:
        body = tree.body
        text = c.clean(body.text(separator=" ")) if body is not None else ""
        if len(text) > MAX_REDIRECT_TEXT or len(tree.css("a[href]")) > 3:
            return None
        js = _JS_GO.search(html)
        target = (js.group(1) or js.group(2)) if js else None
    resolved = c.resolve(target, c.base_url(tree, url)) if target else None
    return resolved if resolved and resolved != url else None


def frames_of(tree: c.LexborHTMLParser, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    out: list[str] = []
    for node in tree.css("iframe[src], frame[src]"):
        u = c.resolve(node.attributes.get("src"), c.base_url(tree, url))
        if u and u != url and c.same_site(u, hosts) and not c.is_attachment(u) and u not in out:
            out.append(u)
    return tuple(out)


_MOBILE_AGENT = re.compile(r"url\s*=\s*([^;\s]+)", re.I)


def alternates_of(tree: c.LexborHTMLParser, url: str, hosts: frozenset[str]) -> tuple[str, ...]:
    """The site's other editions the page declares — <meta name="mobile-agent" content="…;url=…">, <link
    rel="alternate" media=…>, a 手机版 link — on the county's site: a mobile site often keeps columns the
    desktop's menus send elsewhere (to the prefecture's platform)."""
    base = c.base_url(tree, url)
    hrefs: list[str | None] = []
    for node in tree.css("meta[name]"):
        if (node.attributes.get("name") or "").lower() == "mobile-agent":
            m = _MOBILE_AGENT.search(node.attributes.get("content") or "")
            hrefs.append(m.group(1) if m else None)
    hrefs += [n.attributes.get("href") for n in tree.css("link[rel][href]")
              if (n.attributes.get("rel") or "").lower() == "alternate" and n.attributes.get("media")]
    hrefs += [u for a, u in c.anchors(tree, base) if ALTERNATE_TEXT.match(c.label_of(a) or "")]
    out: list[str] = []
    for href in hrefs:
        u = c.resolve(href, base) if href else None
        if u and u != url and c.same_site(u, hosts) and u not in out:
            out.append(u)
    return tuple(out)


_HEADER = re.compile(r"logo|header|sitename|site-name|site_name|^top$|^head$", re.I)
MAX_OWNER_LEN = 40


def owners(tree: c.LexborHTMLParser, html: str) -> tuple[str, ...]:
    """Who the page says runs its site: meta SiteName, the 主办单位/版权所有 of its footer, its header's site name."""
    out = [meta(tree, "SiteName") or ""]
    out += [m.group(1) for m in OWNER_RE.finditer(html[-20000:])]
    for node in tree.css("header, div, td, span, a, h1"):
        tokens = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".split()
        if any(_HEADER.search(t) for t in tokens):
            text = c.clean(node.text(separator=" ")) or c.clean((node.css_first("img[alt]") or node).attributes.get("alt"))
            if text and len(text) <= MAX_OWNER_LEN:
                out.append(text)
    return tuple(dict.fromkeys(o for o in out if o))


MIN_ARTICLE_TEXT = 1500  # characters of paragraph text: an article's page, when it hardly lists anything


def article_like(tree: c.LexborHTMLParser, items: tuple[Link, ...]) -> bool:
    if meta(tree, "ArticleTitle"):
        return True
    if len(items) >= 3:
        return False
    return sum(len(c.clean(p.text())) for p in tree.css("p")) >= MIN_ARTICLE_TEXT


def _json_view(value: object, url: str, hosts: frozenset[str], via: str, via_context: str,
               templates: tuple[tuple[str, str], ...], base: str) -> PageView:
    """A JSON answer: its records with dates or titles are entries; its dateless records named like columns (a
    column tree), scored links; `base`: the page whose scripts asked it (records are linked like it)."""
    score, reason = scored(via, via_context) if via else (0, "")
    topic = topic_of([via])
    items = json_records(value, url, hosts, templates, base)
    rows = json_html(value)  # rows written as one HTML string ("html": "<li>…")
    nexts = [*json_pages(value, url), *json_next(value, url, hosts)]
    if rows:
        page = generic.parse_list(f"<html><body><div>{rows}</div></body></html>", url, hosts=hosts)
        items = c.dedupe([*items, *page.items])
        nexts += page.next_pages
    cands = [ScoredLink(url=link.url, text=link.text, score=s, reason=r, context=topic)
             for link, ctx in tree_columns(value, url, hosts, templates, base) for s, r in [scored(link.text, ctx or topic)]
             if s > 0]
    return PageView(url, Family.GENERIC, (), (), frozenset(), score, 0, reason, topic,
                    tuple(sorted(cands, key=lambda x: -x.score)), items, tuple(dict.fromkeys(nexts)), (), items, (), (),
                    None, (), True)


def read_page(text: str, url: str, *, hosts: frozenset[str] = frozenset(), charset: str = "utf-8",
              via: str = "", via_context: str = "", adapters: bool = True, templates: tuple[tuple[str, str], ...] = (),
              base: str = "") -> PageView:
    """The page as the column search sees it (see the module doc); `hosts`: the county's scope entries; for a
    JSON answer, `templates` and `base`: how the page that asked it links its records."""
    scope = frozenset({c.host_of(url), *hosts})
    if text.lstrip()[:1] in ("{", "["):
        value = read_json(text)
        if value is not None:
            return _json_view(value, url, scope, via, via_context, templates, base)
    raw = text
    if is_script_url(url):  # an included list script: the HTML it writes (and the data it assigns: `raw`)
        raw = f"<html><body><script>{text}</script></body></html>"
        text = "<html><body><div>" + "".join(fragments(text)) + "</div></body></html>"
    tree = c.parse(text)
    crumbs = breadcrumb(tree)
    names = own_names(tree, crumbs)
    own_score, _ = page_score(names, crumbs)
    score, reason = page_score(names, crumbs, via, via_context)
    topic = topic_of([*names, via]) or topic_of(crumbs)
    fam = detect_family(text, url) if adapters else Family.GENERIC
    cands = list(candidates(tree, url, topic, names[0] if names else ""))
    frags = fragments(text)
    if frags:  # menus written by scripts (document.write, templates)
        known = {s.url for s in cands}
        frag_tree = c.parse("<html><body>" + "".join(frags) + "</body></html>")
        cands += [s for s in candidates(frag_tree, url, topic) if s.url not in known]
        cands.sort(key=lambda s: -s.score)
    known = {s.url for s in cands}
    script_cols = script_columns(raw, base or url, scope, link_templates(raw))
    cands += [ScoredLink(url=link.url, text=link.text, score=sc, reason=r, context=topic)
              for link, ctx in script_cols if link.url not in known
              for sc, r in [scored(link.text, ctx or topic)] if sc > 0]  # a menu or tree held as data in a script
    cands.sort(key=lambda s: -s.score)
    shapes = column_shapes(tree, url)
    items: tuple[Link, ...] = ()
    nexts: list[str] = []
    if fam is Family.GKMLPT:
        column = gkmlpt.report_column(text, url)
        if column is not None:
            score, reason, names = max(score, column[0]), "gkmlpt", [*names, column[1]]
            nexts += column[2]
    elif fam is not Family.GENERIC:
        page = FAMILIES[fam].parse_list(text, url, hosts=scope)
        items, nexts = page.items, list(page.next_pages)
    generic_list = generic.parse_list(text, url, hosts=scope, tree=tree, shapes=shapes)
    items = items or generic_list.items
    for u in (*generic_list.next_pages, *form_pages(tree, url, scope, charset)):
        if u not in nexts and u not in {i.url for i in items}:
            nexts.append(u)
    crumb_urls = frozenset(u for a, u in c.anchors(tree, c.base_url(tree, url)) if _in_crumb(a))
    articles = c.dedupe([*items, *all_items(tree, url, scope, shapes)])
    entries = frozenset(i.url for i in items)
    cands = [s for s in cands if s.url not in entries]  # an entry of the page's list is not a column
    return PageView(
        url=url, family=fam, names=tuple(names), crumbs=tuple(crumbs), crumb_urls=crumb_urls, score=score,
        own_score=own_score, reason=reason, topic=topic, candidates=tuple(cands), items=items,
        next_pages=tuple(nexts), subcolumns=(*subcolumns(tree, url, scope, crumb_urls, shapes, entries),
                                             *year_views(tree, url, scope, charset)),
        articles=articles, apis=tuple(dict.fromkeys([*api_urls(text, url, scope), *endpoints(text, url, scope),
                                                *list_includes(tree, url, scope),
                                                *(() if script_cols else tree_scripts(tree, url, scope))])),
        forms=search_forms(tree, url, charset), templates=link_templates(text),
        menu=menu(tree, url, scope, {s.url for s in cands} | entries),
        site_code=site_code_from_html(text), owners=owners(tree, text), redirect=redirect_of(tree, text, url),
        frames=frames_of(tree, url, scope), alternates=alternates_of(tree, url, scope), article_like=article_like(tree, items),
        variants=query_variants(tree, url, entries))


def _in_crumb(a: c.LexborNode) -> bool:
    for anc in c.ancestors(a):
        tokens = f"{anc.attributes.get('class') or ''} {anc.attributes.get('id') or ''}"
        if tokens.strip() and BREADCRUMB_CONTAINER.search(tokens):
            return True
        if anc.tag in ("body", "html"):
            break
    return False
