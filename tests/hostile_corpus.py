"""The hostile corpus: odd, huge and booby-trapped documents, generated on demand (nothing large is committed).

    from hostile_corpus import CASES, make
    data = make("nested_divs")                 # bytes of one case (built once per process, cached)
    python tests/hostile_corpus.py --out DIR   # write every case to DIR (for `countyreports parse` by hand)

Each case is a file name (its extension tells `countyreports parse` what it is) and a builder; `scale` makes the
size-growth cases bigger (the bench's 1×, 4×, 16×). The cases of issue 19's table come first, then our own.
Real reports are the snapshot's own: the PDF and docx cases are built from its attachments, so their text is
Chinese report prose, not filler.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import random
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PORTAL = HERE / "fixtures" / "portal"
SENTENCE = "行政复议案件12件，"  # the no-full-stop paragraph is this, over and over
PROSE = ("2023年，我县深入推进法治政府建设，全年共办理行政复议案件12件，行政诉讼案件8件，"
         "开展法治培训15次，培训干部1200人次。")


@dataclass(frozen=True, slots=True)
class Case:
    name: str  # file name: the extension is the kind
    build: Callable[[int], bytes]
    what: str


def _html(body: str, title: str = "某县2023年法治政府建设年度报告") -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body>{body}</body></html>").encode("utf-8")


# -- the table ----------------------------------------------------------------------------------------
def nested_divs(scale: int = 1) -> bytes:
    n = 100_000 * scale
    return _html("<div>" * n + "<h1>某县2023年法治政府建设年度报告</h1><p>" + PROSE + "</p>" + "</div>" * n)


def no_stop(times: int) -> Callable[[int], bytes]:
    def build(scale: int = 1) -> bytes:
        return ("一、" + SENTENCE * (times * scale)).encode("utf-8")
    return build


def random_bytes(scale: int = 1) -> bytes:
    return random.Random(19).randbytes(1_000_000 * scale)


def truncated_pdf(scale: int = 1) -> bytes:
    pdf = _snapshot_attachment(".pdf")
    return pdf[: len(pdf) // 2]


def zip_not_docx(scale: int = 1) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "not a word document\n" * 100)
    return buf.getvalue()


def huge_paragraph_docx(scale: int = 1) -> bytes:
    """A docx whose one paragraph is 200 MB of "A" (200 KB compressed)."""
    return _docx_with_body(lambda w: _stream_run(w, b"A", 200 * 1024 * 1024 * scale))


# -- bombs ------------------------------------------------------------------------------------------------------
def zip_bomb_docx(scale: int = 1) -> bytes:
    """document.xml inflates to 2 GiB of spaces inside one paragraph (about 2 MB compressed)."""
    return _docx_with_body(lambda w: _stream_run(w, b" ", 2 * 1024 ** 3 * scale))


def lying_zip_docx(scale: int = 1) -> bytes:
    """A docx whose document.xml declares 1 KB in the zip directory but inflates to 100 MB (a lying header)."""
    good = _docx_with_body(lambda w: w.write(_para("正文。").encode("utf-8")))
    big = _docx_body_bytes(lambda w: _stream_run(w, b"B", 100 * 1024 * 1024))
    return _rewrite_member(good, "word/document.xml", big, declared=1024)


def entity_docx(scale: int = 1) -> bytes:
    """Billion laughs: a DOCTYPE whose entities expand to 10^9 "lol"s inside document.xml."""
    ents = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                                       for i in range(1, 10)]
    doctype = "<!DOCTYPE w:document [" + "".join(ents) + "]>"
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
           f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
           f"{_para('某县2023年法治政府建设年度报告。')}</w:body></w:document>").encode("utf-8")
    good = _docx_with_body(lambda w: w.write(_para("正文。").encode("utf-8")))
    return _rewrite_member(good, "word/document.xml", xml)


def external_entity_docx(scale: int = 1) -> bytes:
    """An external entity (XXE) pointing at /etc/passwd: must never be read."""
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
           f"{_para('2023年共办理行政复议案件12件。')}</w:body></w:document>").encode("utf-8")
    good = _docx_with_body(lambda w: w.write(_para("正文。").encode("utf-8")))
    return _rewrite_member(good, "word/document.xml", xml)


def many_members_docx(scale: int = 1) -> bytes:
    """A valid docx plus 100,000 tiny zip members (the central directory alone is megabytes)."""
    good = _snapshot_attachment(".docx")
    buf = io.BytesIO(good)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_STORED) as z:
        for i in range(100_000 * scale):
            z.writestr(f"junk/item{i}.xml", b"")
    return buf.getvalue()


@functools.lru_cache(maxsize=2)
def gzip_bomb(scale: int = 1) -> bytes:
    """A gzip stream inflating to 1 GiB of zeros (~1 MB): a body served with Content-Encoding: gzip. Made without
    compressing a gibibyte: once the window is all zeros, each further MiB of zeros deflates to the same bytes."""
    block = bytes(1024 * 1024)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = co.compress(block) + co.flush(zlib.Z_SYNC_FLUSH)
    same = co.compress(block) + co.flush(zlib.Z_SYNC_FLUSH)
    assert co.compress(block) + co.flush(zlib.Z_SYNC_FLUSH) == same
    n = 1024 * scale
    crc = 0
    for _ in range(n):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = crc.to_bytes(4, "little") + (n * len(block) % 2**32).to_bytes(4, "little")
    return header + first + same * (n - 1) + co.flush() + trailer


def double_gzip_bomb(scale: int = 1) -> bytes:
    """The gzip bomb gzipped again (Content-Encoding: gzip, gzip): ~1 KB on the wire."""
    return gzip.compress(gzip_bomb(scale), 9)


def many_pages_pdf(scale: int = 1) -> bytes:
    """The snapshot's PDF report followed by 5,000 pages of one line each."""
    tail = _raw_pdf([b"BT /F1 12 Tf 50 780 Td (Annex page %d: 12 items.) Tj ET" % i for i in range(5_000 * scale)])
    return _pdf_join([_snapshot_attachment(".pdf"), tail])


def huge_image_pdf(scale: int = 1) -> bytes:
    """One page holding a 40,000 × 40,000 image (1.6 gigapixels, a 5 MB Flate stream of one colour)."""
    side = 40_000 * scale
    co = zlib.compressobj(9)
    row = bytes(side)
    data = b"".join(co.compress(row) for _ in range(side)) + co.flush()
    return _raw_pdf([b"q 500 0 0 700 50 50 cm /Im1 Do Q BT /F1 12 Tf 50 780 Td (Report 2023: 12 cases.) Tj ET"],
                    image=(side, side, data))


# -- our own ----------------------------------------------------------------------------------------------------
def nested_inline(scale: int = 1) -> bytes:
    n = 100_000 * scale
    return _html("<div class='content'>" + "<span>" * n + PROSE * 5 + "</span>" * n + "</div>")


def nested_tables(scale: int = 1) -> bytes:
    n = 5_000 * scale
    return _html("<table><tr><td>" * n + PROSE * 5 + "</td></tr></table>" * n)


def unclosed_tags(scale: int = 1) -> bytes:
    """200,000 opening tags of every kind, never closed."""
    tags = ["div", "p", "b", "i", "font", "span", "table", "td", "ul", "li", "blockquote", "section"]
    rnd = random.Random(7)
    return _html("".join(f"<{rnd.choice(tags)}>" + ("测试" if i % 50 == 0 else "") for i in range(200_000 * scale)))


def many_headings(scale: int = 1) -> bytes:
    """About 40,000 numbered headings that nest (一、 / （一） / 1. / （1）), each a section."""
    cn = [_cn(i) for i in range(1, 100)]
    lines = []
    for a in cn[: 4 * scale]:
        lines.append(f"{a}、第{a}部分")
        for b in cn[:99]:
            lines.append(f"（{b}）第{b}项")
            for c in range(1, 100):
                lines.append(f"{c}.工作{c}。开展培训一次。")
    return "\n".join(lines).encode("utf-8")


def _cn(i: int) -> str:
    digits = "零一二三四五六七八九"
    tens, units = divmod(i, 10)
    return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[units] if units else "")


def long_text(scale: int = 1) -> bytes:
    """2.7 million characters of sentences without a number: past the text cap."""
    return ("\n".join("正文段落，推进依法行政工作。" * 20 for _ in range(9_000 * scale))).encode("utf-8")


def one_line(scale: int = 1) -> bytes:
    """5 MB of prose on one line, no line break."""
    return (PROSE * (30_000 * scale)).encode("utf-8")


def power_list_table(scale: int = 1) -> bytes:
    """A 权责清单: a table of 20,000 rows, each with a number and a measure word."""
    rows = "".join(f"<tr><td>{i}</td><td>行政许可事项第{i}项</td><td>办理时限{i % 30 + 1}个工作日</td>"
                   f"<td>收费0元</td></tr>" for i in range(20_000 * scale))
    return _html(f"<div class='content'><p>{PROSE}</p><table>{rows}</table></div>")


def many_links(scale: int = 1) -> bytes:
    links = "".join(f'<a href="/zwgk/{i}/t{i}_{i}.html">第{i}页</a> ' for i in range(80_000 * scale))
    return _html(f"<div class='content'><p>{PROSE}</p>{links}</div>")


def many_brs(scale: int = 1) -> bytes:
    return _html("<div class='content'>" + (PROSE + "<br>") * (30_000 * scale) + "</div>")


def huge_title(scale: int = 1) -> bytes:
    return _html(f"<p>{PROSE}</p>", title="某县法治政府建设年度报告" * (100_000 * scale))


def huge_attribute(scale: int = 1) -> bytes:
    return _html(f'<div class="content" data-x="{"x" * 4_000_000 * scale}"><p>{PROSE}</p></div>')


def unterminated_comment(scale: int = 1) -> bytes:
    return _html(f"<p>{PROSE}</p><!--" + "<p>隐藏</p>" * (200_000 * scale))


def script_soup(scale: int = 1) -> bytes:
    return _html(f"<p>{PROSE}</p><script>" + "var a='<div>';" * (300_000 * scale) + "</script>")


def gbk_lies(scale: int = 1) -> bytes:
    """Declared gb2312, bytes of random high pairs (2 MB): mojibake everywhere."""
    rnd = random.Random(3)
    junk = bytes(rnd.randrange(0x81, 0xFF) for _ in range(2_000_000 * scale))
    return b'<html><head><meta charset="gb2312"><title>report</title></head><body><p>' + junk + b"</p></body></html>"


def utf16_odd(scale: int = 1) -> bytes:
    """A UTF-16 BOM, then an odd number of bytes and lone surrogates."""
    body = "<html><body><p>" + PROSE * (1000 * scale) + "</p></body></html>"
    return b"\xff\xfe" + body.encode("utf-16-le") + b"\x00\xd8\x41"


def nul_flood(scale: int = 1) -> bytes:
    return _html(f"<p>{PROSE}</p>") + b"\x00" * (4_000_000 * scale)


def undeclared_high_bytes(scale: int = 1) -> bytes:
    """4 MB of random bytes above 0x80 with no charset anywhere: detection's worst case."""
    rnd = random.Random(5)
    return b"<html><body><p>" + bytes(rnd.randrange(0x80, 0x100) for _ in range(4_000_000 * scale)) + b"</p></body></html>"


def many_numbers_text(scale: int = 1) -> bytes:
    """A long report of ordinary sentences (full stops, sections): 40,000 quantities, the issue's capped case."""
    lines = [f"{'一二三四五六七八九'[i % 9]}、工作{i}\n" + PROSE * 10 for i in range(400 * scale)]
    return "\n".join(lines).encode("utf-8")


CASES: dict[str, Case] = {c.name: c for c in (
    Case("nested_divs.html", nested_divs, "100,000 nested <div> around one title (issue 19: segfault)"),
    Case("no_stop_5k.txt", no_stop(5_000), "一、 then 行政复议案件12件， × 5,000, no full stop (issue 19: 1.2 GB)"),
    Case("no_stop_20k.txt", no_stop(20_000), "the same × 20,000 (issue 19: 15.7 GB, > 120 s)"),
    Case("no_stop_200k.txt", no_stop(200_000), "the same × 200,000, 5.2 MB (issue 19: 23 GB)"),
    Case("random.html", random_bytes, "1 MB of random bytes as .html"),
    Case("truncated.pdf", truncated_pdf, "the snapshot's PDF report cut in half"),
    Case("not_docx.docx", zip_not_docx, "a zip that is not a docx"),
    Case("huge_paragraph.docx", huge_paragraph_docx, "a docx whose one paragraph is 200 MB of A"),
    Case("zip_bomb.docx", zip_bomb_docx, "document.xml inflating to 2 GiB"),
    Case("lying_zip.docx", lying_zip_docx, "document.xml declaring 1 KB, inflating to 100 MB"),
    Case("entities.docx", entity_docx, "billion laughs in document.xml"),
    Case("external_entity.docx", external_entity_docx, "an external entity to /etc/passwd"),
    Case("many_members.docx", many_members_docx, "a docx with 100,000 extra zip members"),
    Case("many_pages.pdf", many_pages_pdf, "the PDF report and 5,000 more pages"),
    Case("huge_image.pdf", huge_image_pdf, "a PDF page holding a 1.6-gigapixel image"),
    Case("nested_inline.html", nested_inline, "100,000 nested <span>"),
    Case("nested_tables.html", nested_tables, "5,000 nested tables"),
    Case("unclosed_tags.html", unclosed_tags, "200,000 opening tags never closed"),
    Case("many_headings.txt", many_headings, "40,000 nested numbered headings"),
    Case("long_text.txt", long_text, "2.7 million characters, no number"),
    Case("one_line.txt", one_line, "5 MB of prose on one line"),
    Case("power_list.html", power_list_table, "a 权责清单 table of 20,000 rows"),
    Case("many_links.html", many_links, "80,000 links"),
    Case("many_brs.html", many_brs, "30,000 <br> in one block"),
    Case("huge_title.html", huge_title, "a 1.2 MB <title>"),
    Case("huge_attribute.html", huge_attribute, "a 4 MB attribute"),
    Case("unterminated_comment.html", unterminated_comment, "<!-- never closed"),
    Case("script_soup.html", script_soup, "a 4 MB <script> full of tags"),
    Case("gbk_lies.html", gbk_lies, "declared gb2312, 2 MB of random high bytes"),
    Case("utf16_odd.html", utf16_odd, "UTF-16 BOM, odd length, lone surrogate"),
    Case("nul_flood.html", nul_flood, "4 MB of NUL after the page"),
    Case("undeclared_high.html", undeclared_high_bytes, "4 MB of high bytes, no charset"),
    Case("many_numbers.txt", many_numbers_text, "40,000 quantities in ordinary sentences"),
)}
#: the cases a harvest fetches as article pages (HTML, under the 5 MiB body cap)
PAGE_CASES = ("nested_divs.html", "no_stop_200k.txt", "unclosed_tags.html", "power_list.html")


@functools.lru_cache(maxsize=8)
def make(name: str, scale: int = 1) -> bytes:
    return CASES[name].build(scale)


# -- docx / pdf plumbing ----------------------------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _stream_run(w: io.RawIOBase, char: bytes, size: int) -> None:
    w.write(b"<w:p><w:r><w:t>")
    chunk = char * (1024 * 1024)
    for _ in range(size // len(chunk)):
        w.write(chunk)
    w.write(b"</w:t></w:r></w:p>" + _para("某县2023年法治政府建设年度报告。").encode("utf-8"))


def _docx_body_bytes(write_body: Callable[[io.BytesIO], None]) -> bytes:
    buf = io.BytesIO()
    buf.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
              .encode("utf-8"))
    write_body(buf)
    buf.write(b"</w:body></w:document>")
    return buf.getvalue()


def _docx_with_body(write_body: Callable[..., None]) -> bytes:
    """The snapshot's docx with document.xml replaced by ours, written as a stream (never whole in memory)."""
    src = zipfile.ZipFile(io.BytesIO(_snapshot_attachment(".docx")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                with z.open("word/document.xml", "w", force_zip64=True) as w:
                    w.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
                            f"<w:body>".encode("utf-8"))
                    write_body(w)
                    w.write(b"</w:body></w:document>")
            else:
                z.writestr(info, src.read(info.filename))
    return out.getvalue()


def _rewrite_member(docx: bytes, name: str, data: bytes, declared: int | None = None) -> bytes:
    """`docx` with member `name` replaced by `data`; `declared`: the size its headers claim (a lie)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, data if info.filename == name else src.read(info.filename))
    raw = out.getvalue()
    if declared is None:
        return raw
    # patch the uncompressed size in the local header and in the central directory entry of `name`
    # (signature, offset of the size, offset of the name length, offset of the name)
    blob = bytearray(raw)
    key = name.encode()
    for sig, size_at, nlen_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        pos = blob.find(sig)
        while pos >= 0:
            nlen = int.from_bytes(blob[pos + nlen_at:pos + nlen_at + 2], "little")
            if bytes(blob[pos + name_at:pos + name_at + nlen]) == key:
                blob[pos + size_at:pos + size_at + 4] = declared.to_bytes(4, "little")
            pos = blob.find(sig, pos + 4)
    return bytes(blob)


@functools.lru_cache(maxsize=2)
def _snapshot_attachment(ext: str) -> bytes:
    with (PORTAL / "gold" / "reports.jsonl").open(encoding="utf-8") as fh:
        urls = [json.loads(line)["attachment"] for line in fh]
    want = next(u for u in urls if u and u.lower().endswith(ext))
    with (PORTAL / "manifest.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            m = json.loads(line)
            if m["url"] == want and m["body"]:
                return (PORTAL / m["body"]).read_bytes()
    raise LookupError(want)


def _pdf_join(pdfs: list[bytes]) -> bytes:
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for data in pdfs:
        out.import_pages(pdfium.PdfDocument(data))
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def _raw_pdf(contents: list[bytes], image: tuple[int, int, bytes] | None = None) -> bytes:
    """A minimal PDF: one page per content stream, Helvetica as /F1, an optional grey image as /Im1."""
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font = len(objs) + 1
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    xobj = b""
    if image is not None:
        w, h, data = image
        objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                    b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(data))
                    + data + b"\nendstream")
        xobj = b" /XObject << /Im1 %d 0 R >>" % len(objs)
    kids = []
    for content in contents:
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        stream = len(objs)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >>%s >> >>" % (stream, font, xobj))
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("cases", nargs="*", help="case names (default: all)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.cases or CASES:
        (args.out / name).write_bytes(CASES[name].build(args.scale))
        print(f"{name}\t{(args.out / name).stat().st_size}\t{CASES[name].what}", file=sys.stderr)


if __name__ == "__main__":
    main()
