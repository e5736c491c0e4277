"""urls: the fast paths give exactly what urllib gives (property tests), and query gives what selectolax gives."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from countyreports.reading.query import css, css_first
from countyreports.reading.urls import joiner, split_url
from portal_fixture import PORTAL

# URL-ish text: the characters that matter to splitting and joining, and some that do not
_PIECES = st.sampled_from(["http", "https", "HTTP", "ftp", "://", ":", "/", "//", "?", "#", "@", "[", "]", ";",
                           ".", "..", "a", "b", "www.x.gov.cn", "index_1.html", "%20", " ", "\t", "中", "8080"])
_FREE = st.lists(_PIECES, max_size=12).map("".join)
# ... and URLs of the usual shape with odd parts: the fast path's own territory
_HOSTS = st.sampled_from(["www.x.gov.cn", "WWW.X.GOV.CN", "h:8080", "u@h", "[::1]", "h.", "", "中.cn", "h h"])
_SHAPED = st.tuples(st.sampled_from(["http://", "https://", "HTTP://", "http:/", "http:"]), _HOSTS,
                    st.lists(_PIECES, max_size=6).map("".join)).map("".join)
_URLISH = st.one_of(_FREE, _SHAPED)


@settings(max_examples=3000, deadline=None)
@given(_URLISH)
@example("http://www.xiangning.gov.cn/zwgk/index.html?x=1#top")
@example("https://host/path;params?q")
@example("http://[::1]/x")
def test_split_url_is_urlsplit(url: str) -> None:
    try:
        expected = tuple(urlsplit(url))
    except ValueError:
        return
    assert split_url(url) == expected


_BASES = st.sampled_from(["http://www.x.gov.cn/zwgk/fzzfjs/index.html", "http://www.x.gov.cn/", "https://h/a/b",
                          "http://h/a/./b/", "http://h/a;p/b.html", "http://h//a/b", "ftp://h/a/b"])


@settings(max_examples=3000, deadline=None)
@given(_BASES, _URLISH)
@example("http://www.x.gov.cn/zwgk/fzzfjs/index.html", "202301/t20230110_2226009.html")
@example("http://www.x.gov.cn/zwgk/fzzfjs/index.html", "/zwgk/index.html")
@example("http://www.x.gov.cn/zwgk/fzzfjs/index.html", "../index.html")
def test_joiner_is_urljoin(base: str, href: str) -> None:
    try:
        expected = urljoin(base, href)
    except ValueError:
        return
    assert joiner(base)(href) == expected


def test_css_queries_match_selectolax_on_fixture_pages() -> None:
    """One shared selector engine answers as each page's own: same nodes, same order, on real pages."""
    selectors = ["a[href]", "meta, a[href]", "p", "div.content, #zoom, .article", "td p, td div", "title"]
    bodies = sorted((PORTAL / "bodies").rglob("*.html"))[:120]
    assert len(bodies) >= 100
    for path in bodies:
        tree = LexborHTMLParser(path.read_bytes().decode("utf-8", "replace"))
        for sel in selectors:
            ours = css(tree, sel)
            theirs = tree.css(sel)
            assert [n.mem_id for n in ours] == [n.mem_id for n in theirs], (path.name, sel)
            first = css_first(tree, sel)
            assert (first.mem_id if first is not None else None) == (theirs[0].mem_id if theirs else None)
