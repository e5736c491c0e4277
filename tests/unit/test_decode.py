"""decode_html / decode_text_file: decision order, lying headers, GB widening, never raising."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from countyreports.text.decode import decode_html, decode_text_file, normalize_charset
from portal_fixture import body, content_type, gold_report

# A known sentence of each page (read by hand from the page / gold clean_text).
XIANGNING_2018 = "http://www.xiangning.gov.cn/zwgk/fzzfjs/201901/t20190111_2494666.html"  # utf-8 header+meta
RUICHENG_2018 = "http://ruicheng.yuncheng.gov.cn/26071/62310/63159/content_317391.html"  # GBK header, meta gb2312
SHIHE_2018 = "http://www.shihe.gov.cn/zwgk/fdzdgknr/fzzfjsndbg/201903/t20190311_4385786.html"  # no header charset


def juancheng_url() -> str:
    """A report page of the site that sends `charset=ISO-8859-1` for UTF-8 bytes."""
    for rid in ("371726-2018", "371726-2019", "371726-2020", "371726-2021", "371726-2022", "371726-2023"):
        try:
            r = gold_report(rid)
        except KeyError:
            continue
        if "juancheng" in r["url"]:
            return r["url"]
    raise AssertionError("no juancheng report in gold")


def test_utf8_page_header_and_meta_agree() -> None:
    d = decode_html(body(XIANGNING_2018), content_type(XIANGNING_2018))
    assert d.encoding == "utf-8"
    assert d.source == "meta"
    assert d.declared == "UTF-8"
    assert d.errors == 0
    assert "乡宁县2018年度法治政府建设情况报告" in d.text


def test_gbk_header_gb2312_meta_widened_to_gb18030() -> None:
    d = decode_html(body(RUICHENG_2018), content_type(RUICHENG_2018))
    assert d.encoding == "gb18030"
    assert d.source == "meta"
    assert d.declared == "GBK"
    assert d.errors == 0
    assert "芮城县" in d.text


def test_gb2312_meta_without_header_charset() -> None:
    assert content_type(SHIHE_2018) == "text/html"
    d = decode_html(body(SHIHE_2018), content_type(SHIHE_2018))
    assert d.encoding == "gb18030"
    assert d.declared is None
    assert "浉河区" in d.text  # 浉 is outside GB2312: decoding as gb2312 would fail here


def test_lying_iso_8859_1_header_on_utf8_page() -> None:
    url = juancheng_url()
    assert "ISO-8859-1" in content_type(url)
    d = decode_html(body(url), content_type(url))
    assert d.encoding == "utf-8"
    assert d.declared == "ISO-8859-1"
    assert "鄄城县" in d.text
    # Even with the meta tag removed, the evidence (valid multi-byte UTF-8) beats the header.
    stripped = body(url).replace(b'charset="utf-8"', b"").replace(b"charset=utf-8", b"")
    d2 = decode_html(stripped, content_type(url))
    assert d2.encoding == "utf-8" and d2.source == "detect"
    assert "鄄城县" in d2.text


def test_bom_wins() -> None:
    raw = codecs.BOM_UTF8 + '<meta charset="gbk">中文'.encode()
    d = decode_html(raw, "text/html; charset=gbk")
    assert (d.encoding, d.source, d.text) == ("utf-8", "bom", '<meta charset="gbk">中文')


def test_meta_before_header() -> None:
    raw = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>法治政府</p>'.encode("gbk")
    d = decode_html(raw, "text/html; charset=big5")
    assert d.encoding == "gb18030" and d.source == "meta"
    assert "法治政府" in d.text


def test_header_used_when_no_meta() -> None:
    raw = "<p>依法行政，建设法治政府。</p>".encode("gbk")
    d = decode_html(raw, "text/html; charset=GBK")
    assert (d.encoding, d.source, d.declared) == ("gb18030", "http", "GBK")
    assert "依法行政" in d.text


def test_gb18030_only_character_in_gb2312_page() -> None:
    text = '<meta charset="gb2312"><p>埇桥区 浉河区 镕</p>'
    d = decode_html(text.encode("gb18030"), None)
    assert d.text == text and d.errors == 0


def test_meta_lies_utf8_for_gbk_bytes() -> None:
    raw = '<meta charset="utf-8"><p>法治政府建设年度报告，全面依法治县。</p>'.encode("gbk")
    d = decode_html(raw, None)
    assert d.encoding == "gb18030"
    assert "法治政府建设年度报告" in d.text


def test_detection_without_any_declaration() -> None:
    raw = ("<html><body>" + "法治政府建设年度报告。" * 30 + "</body></html>").encode("gbk")
    d = decode_html(raw, None)
    assert d.source == "detect" and "法治政府建设年度报告" in d.text


def test_errors_counted_and_replaced() -> None:
    raw = "<p>法治</p>".encode() + b"\xff\xfe\xfa" + "<p>政府建设报告</p>".encode()
    d = decode_html(raw, "text/html; charset=utf-8")
    assert d.errors > 0
    assert "\ufffd" in d.text and "政府建设报告" in d.text


@pytest.mark.parametrize(
    ("label", "codec"),
    [("gb2312", "gb18030"), ("GBK", "gb18030"), ("x-gbk", "gb18030"), ("cp936", "gb18030"),
     ("UTF-8", "utf_8"), ("utf8", "utf_8"), ("bogus-charset", None), ("", None), (None, None)],
)
def test_normalize_charset(label: str | None, codec: str | None) -> None:
    assert normalize_charset(label) == codec


def test_decode_text_file() -> None:
    assert decode_text_file("法治政府".encode()).text == "法治政府"
    assert decode_text_file("法治政府".encode("gbk")).encoding == "gb18030"
    assert decode_text_file(codecs.BOM_UTF8 + "法治".encode()).source == "bom"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000), st.one_of(st.none(), st.text(max_size=60)))
def test_decode_html_never_raises(raw: bytes, ctype: str | None) -> None:
    d = decode_html(raw, ctype)
    assert isinstance(d.text, str)
    assert d.source in {"bom", "http", "meta", "detect", "fallback"}
    assert d.errors >= 0


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500), st.sampled_from(["utf-8", "gb18030", "utf-16"]),
       st.sampled_from([None, "text/html", "text/html; charset=ISO-8859-1", "text/html; charset=gbk"]))
def test_decode_html_never_raises_on_encoded_text(text: str, enc: str, ctype: str | None) -> None:
    decode_html(text.encode(enc, "replace"), ctype)
    decode_text_file(text.encode(enc, "replace"))


def test_short_gbk_that_happens_to_be_valid_utf8_keeps_its_label() -> None:
    raw = "<p>楼</p>".encode("gbk")  # C2 A5: also a valid UTF-8 sequence (¥)
    raw.decode("utf-8")
    d = decode_html(raw, "text/html; charset=gbk")
    assert (d.encoding, d.text) == ("gb18030", "<p>楼</p>")
