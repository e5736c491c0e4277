"""reading.nesting: tag nesting measured and flattened beyond a cap, before the HTML parser sees the page."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from countyreports.reading.nesting import SCAN_TAGS, flatten, needs_scan


def test_a_page_within_the_cap_is_returned_as_it_is() -> None:
    html = "<div><div><p>a</div></div>"
    out, deepest, cut = flatten(html, 2)
    assert out is html and deepest == 2 and not cut


def test_tags_beyond_the_cap_go_and_their_text_stays() -> None:
    assert flatten("<div><div><div>a</div>b</div>c</div>", 2) == ("<div><div>ab</div>c</div>", 3, False)
    assert flatten("<div><span><b><i>x</i></b></span></div>", 2) == ("<div><span>x</span></div>", 4, False)


def test_optional_end_and_void_elements_hold_no_level() -> None:
    html = "<div>" + "<p>x<li>y<td>z<br><img src=a>" * 50 + "</div>"
    assert flatten(html, 1) == (html, 1, False)


def test_an_end_tag_closes_what_is_open_inside_it_and_strays_are_ignored() -> None:
    # <section> closes the unclosed divs inside it; the stray </span> changes nothing
    assert flatten("<section><div><div>a</section></span><div>b</div>", 1) == ("<section>a</section></span><div>b</div>", 3, False)


def test_comments_and_raw_text_are_not_tags() -> None:
    html = '<div><!-- <div><div><div> --><script>var s="<div><div><div>";</script><style>a{}</style>x</div>'
    assert flatten(html, 1) == (html, 1, False)
    # an unclosed comment runs to the end of the page, as for the parser
    assert flatten("<div><!--<div><div>", 1)[1] == 1


def test_a_script_beyond_the_cap_is_kept_whole() -> None:
    out, _, _ = flatten('<div><div><script>"<b>"</script>t</div></div>', 1)
    assert out == '<div><script>"<b>"</script>t</div>'


def test_self_closing_tags_close_only_in_svg_and_math() -> None:
    svg = "<svg>" + "<path/>" * 300 + "</svg><div>a</div>"
    assert flatten(svg, 2) == (svg, 1, False)
    html = "<div/>" * 5 + "x"  # an HTML element stays open: <div/> nests
    assert flatten(html, 2)[1] == 5


def test_only_pages_with_many_tags_are_scanned() -> None:
    assert not needs_scan("<div>" * SCAN_TAGS)
    assert needs_scan("<div>" * (SCAN_TAGS + 1))
    assert needs_scan(b"<i>" * (SCAN_TAGS + 1))


def test_100000_nested_divs_flatten_to_the_cap() -> None:
    html = "<div>" * 100_000 + "<h1>T</h1><p>正文</p>" + "</div>" * 100_000
    out, deepest, cut = flatten(html, 256)
    assert deepest == 100_001 and not cut  # (the <h1> inside them too)
    assert out == "<div>" * 256 + "T<p>正文</p>" + "</div>" * 256
    assert flatten(out, 256) == (out, 256, False)


def test_a_page_is_cut_before_the_tag_past_the_cap() -> None:
    html = "<p>a" * 10 + "<!-- <p> -->" + "<p>b" * 10
    assert flatten(html, 5, max_tags=12) == ("<p>a" * 10 + "<!-- <p> -->" + "<p>b" * 2, 0, True)
    assert flatten(html, 5, max_tags=20) == (html, 0, False)


_TAG = re.compile(r"<[^>]*>")
_LONE = re.compile(r"<(?![A-Za-z!])(?!/[A-Za-z])")
_names = st.sampled_from(["div", "span", "p", "b", "table", "td", "li", "br", "script", "svg", "path", "i"])
_piece = st.one_of(
    _names.map(lambda n: f"<{n}>"), _names.map(lambda n: f"</{n}>"), _names.map(lambda n: f"<{n}/>"),
    st.sampled_from(["<!--", "-->", "<", ">", "text", "正文", " ", "<div class='a'>"]),
    st.text(alphabet="ab<>/ 正", max_size=6))


@settings(max_examples=2500, deadline=None)
@given(st.lists(_piece, max_size=60), st.integers(min_value=1, max_value=6))
def test_flattening_only_removes_whole_tags_and_is_stable(pieces: list[str], cap: int) -> None:
    html = "".join(pieces)
    out, deepest, cut = flatten(html, cap)
    if deepest <= cap and not cut:
        assert out is html
    # what is left is the input with some tags taken out: the text outside tags is all there, in order
    assert _TAG.sub("", out).replace("<", "") == _TAG.sub("", html).replace("<", "") or len(out) < len(html)
    it = iter(html)
    assert all(ch in it for ch in out)  # `out` is a subsequence of `html`
    if not _LONE.search(html):  # (a lone "<" may meet the text after a removed tag and open a new one)
        again, deep2, _cut = flatten(out, cap)
        assert deep2 <= cap and again == out
