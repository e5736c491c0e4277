"""Properties of the reading stages on arbitrary input (hypothesis): nothing raises, nothing is lost without being
said, the caps hold. Together with test_nesting.py, well over 10,000 generated inputs per run."""

from __future__ import annotations

import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from countyreports.errors import ParseError
from countyreports.reading.document import RawDoc, json_line, parse_text, read_article
from countyreports.reading.package import checked_package
from countyreports.reading.pagenoise import _ascii_lower, _in_markup, _Markup
from countyreports.reading.sections import split_sections, split_sections_capped
from countyreports.text.decode import decode_html

def examples(n: int) -> settings:
    return settings(max_examples=n, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_words = st.sampled_from([
    "一、", "二、", "（一）", "(二)", "1.", "2、", "（1）", "3.", "\n", "。", "，", "；", "：", "12件", "8人次", "95%",
    "2023年", "由214项压减到195项", "行政复议", "案件", "法治政府建设", "下一步工作计划", "存在的不足", "〔2023〕5号",
    "十二", "两万", "约", "?", "\ufffd", " ", "\u3000", "《条例》", "“", "”", "中共某县委", "某县人民政府",
    "2024年1月19日", "A", "x"])
report_text = st.lists(_words, max_size=120).map("".join)
_tags = st.sampled_from(["div", "p", "span", "table", "tr", "td", "li", "ul", "br", "h1", "font", "b", "script",
                         "style", "a", "meta", "title", "img", "section"])
_html_piece = st.one_of(
    _tags.map(lambda t: f"<{t}>"), _tags.map(lambda t: f"</{t}>"), _words,
    st.sampled_from(['<div class="content">', '<a href="/a_1.html">下一页</a>', '<a href="x.docx">附件</a>',
                     '<meta name="SiteIDCode" content="1408290001">', "<!--", "-->", "&nbsp;", "&#x4e2d;", "<",
                     '<meta charset="gbk">', "<br/>", '<p style="display:none">']),
    st.text(max_size=8))
html_page = st.lists(_html_piece, max_size=80).map("".join)


@examples(2000)
@given(html_page, st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_any_page_is_read_without_raising(page: str, codec: str) -> None:
    data = page.encode(codec, "replace")
    article, encoding = read_article(RawDoc("http://www.x.gov.cn/a.html", data, f"text/html; charset={codec}"))
    assert isinstance(article.title, str) and isinstance(encoding, str)
    assert all(p and p == p.strip() for p in article.paragraphs)
    assert all(n.startswith(("truncated:", "replacement_chars")) for n in article.noise)


@examples(1500)
@given(st.binary(max_size=600), st.sampled_from([None, "text/html", "text/html; charset=gbk",
                                                 "text/html; charset=utf-8", "text/html; charset=bogus"]))
def test_any_bytes_decode(data: bytes, ctype: str | None) -> None:
    decoded = decode_html(data, ctype)
    assert isinstance(decoded.text, str) and decoded.errors >= 0


@examples(2000)
@given(report_text, st.text(max_size=30))
def test_any_text_parses_and_its_parts_point_into_it(text: str, title: str) -> None:
    parsed = parse_text(title, text)
    t = parsed.clean_text
    spans = [(s.char_start, s.char_end) for s in parsed.sections]
    assert all(0 <= a <= b <= len(t) for a, b in spans)
    assert all(b1 <= a2 for (_a1, b1), (a2, _b2) in zip(spans, spans[1:]))
    assert all(t[s.char_start:s.char_end] == s.text for s in parsed.sections)
    assert all(t[m.char_start:m.char_end] == m.surface for m in parsed.mentions)
    assert all(t[i.char_start:i.char_end] == i.surface for i in parsed.indicators)


@examples(2000)
@given(report_text, st.integers(min_value=1, max_value=6))
def test_sections_never_pass_the_cap_and_still_tile_the_text(text: str, cap: int) -> None:
    sections, capped = split_sections_capped(text, cap)
    assert len(sections) <= cap
    full = split_sections(text)
    if not capped:
        assert sections == full
    else:
        assert len(full) > cap and sections[:-1] == full[:cap - 1]
        assert sections[-1].char_end == full[-1].char_end  # the last section read holds the rest


_markup = st.lists(st.sampled_from(["<", ">", "<script>", "</script>", "<STYLE>", "</style>", "<p>", "a", "?",
                                    "中", "\n", "<Script", "</SCRIPT"]), max_size=40).map("".join)


@examples(2000)
@given(_markup)
def test_markup_positions_agree_with_looking_back(html: str) -> None:
    lowered = _ascii_lower(html)
    where = _Markup(html, lowered)
    low = html.lower()
    for i in range(len(html) + 1):
        naive = (html.rfind("<", 0, i) > html.rfind(">", 0, i)
                 or low.rfind("<script", 0, i) > low.rfind("</script", 0, i)
                 or low.rfind("<style", 0, i) > low.rfind("</style", 0, i))
        assert where.inside(i) == _in_markup(html, i, lowered) == naive, (html, i)


_member = st.tuples(st.sampled_from(["word/document.xml", "[Content_Types].xml", "word/media/a.png", "docProps/x"]),
                    st.binary(max_size=300), st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))


@examples(800)
@given(st.lists(_member, max_size=5, unique_by=lambda m: m[0]))
def test_a_zip_within_the_limits_comes_back_member_for_member(members: list[tuple[str, bytes, int]]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, method in members:
            z.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    try:
        safe = checked_package(buf.getvalue())
    except ParseError as exc:  # only a declaration in an XML member is refused
        assert "DOCTYPE" in str(exc) and any(b"<!" in d for n, d, _m in members if n.endswith(".xml"))
        return
    got = zipfile.ZipFile(io.BytesIO(safe))
    assert {i.filename: got.read(i) for i in got.infolist()} == {n: d for n, d, _m in members}
    assert all(i.compress_type == zipfile.ZIP_STORED for i in got.infolist())


@examples(1000)
@given(st.binary(max_size=400))
def test_any_bytes_as_a_package_fail_only_with_a_reason(data: bytes) -> None:
    try:
        checked_package(b"PK\x03\x04" + data)
    except ParseError as exc:  # (Refused is one)
        assert str(exc)


@examples(600)
@given(st.binary(max_size=400), st.sampled_from(["a.html", "a.txt", "a.docx", "a.pdf"]))
def test_any_file_gives_one_json_line(data: bytes, name: str) -> None:
    line = json.loads(json_line(name, data))
    assert line["file"] == name
    assert ("error" in line) != ("sections" in line)
