"""Render report texts into the other formats a county report comes in (issue 17).

County portals publish the 法治政府建设年度报告 not only as HTML, .docx or a PDF with a text layer, but as a legacy
Word 97 ``.doc``, a ``.wps`` (a Word 97 binary under WPS Office's extension), an image-only PDF of the signed and
sealed paper copy, or an article made of page images. This tool makes such files from a report text whose gold we
know, so that converters and OCR can be scored against it:

* ``doc``        Word 97 binary: a .docx built here (公文 fonts, a 4-column table after section 一, the county's
                 name in the body as a HYPERLINK field, a ``- PAGE -`` field in the footer), converted by LibreOffice
                 headless with the "MS Word 97" filter.
* ``wps``        the same Word 97 bytes under a ``.wps`` name.
* ``scan-clean`` image-only PDF, 300 dpi, 1-bit (CCITT G4), straight; page numbers ``- 3 -`` in the footer.
* ``scan-hard``  image-only PDF, 150 dpi, colour JPEG (quality 50) on grey paper, each page turned by 1-2 degrees,
                 sensor noise, a header line on every page, the page numbers, and a red round seal (ring text, star)
                 pressed over the signature and the date.
* ``html-images`` an article page whose body is only a caption and one ``<img>`` per page (colour JPEG, 1240 px
                 wide = 150 dpi A4, the seal, no skew), the images beside it.

Pages follow GB/T 9704 (公文): A4, text block 156 x 225 mm, 22 lines of 28 characters in 16 pt; title 22 pt bold;
level-1 headings in a 黑体-like sans, level-2 in a 楷体, body in a 宋/仿宋-like serif; the signature and date right
aligned. Lines break where the width is full (避头尾: closing punctuation hangs), so a number may be split over
two lines as on real scans. The text rendered is the report's title, then its ``clean_text`` lines (for Word files
with the table's caption and rows inserted): that is the reference a converter or OCR engine is scored against.

Usage (from the repository root, with the project's venv)::

    .venv/bin/python tests/tools/make_formats.py                 # rewrite tests/fixtures/formats/ + gold.jsonl
    .venv/bin/python tests/tools/make_formats.py --dev DIR       # every format of the fixture texts (tuning set)
    .venv/bin/python tests/tools/make_formats.py --heldout DIR   # the held-out measurement set; never commit it

The held-out set is made of report texts that no fixture is rendered from: the three texts of
``tests/tools/heldout_texts.jsonl`` (written for this purpose, with hand-made indicator gold) and three snapshot
reports not used by any fixture (``HELDOUT_SNAPSHOT``). Each DIR gets a ``gold.jsonl`` in the fixtures' format.

Deterministic: every random choice (skew, noise, seal texture) is drawn from a generator seeded with the SHA-256
of the report id and format, and the PDFs carry a fixed date: two runs give byte-identical files with the same
Pillow, numpy, fonts and LibreOffice (checked with Pillow 13.0, numpy 2.4, LibreOffice 7.4.7, .doc included).

Needs: LibreOffice (Debian ``libreoffice-writer-nogui``), the fonts of Debian ``fonts-noto-cjk``,
``fonts-arphic-ukai`` and ``fonts-arphic-uming``; Pillow, numpy and python-docx in the venv. No network.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT_GOLD = ROOT / "tests/fixtures/portal/gold/reports.jsonl"
HELDOUT_TEXTS = ROOT / "tests/tools/heldout_texts.jsonl"
FIXTURES_DIR = ROOT / "tests/fixtures/formats"

# the committed fixtures: one county per format, rendered from the snapshot's gold text (no noise labels, 1.4-2.4k
# characters, 13-21 indicators each)
# (the doc and scan-clean fixtures were first rendered from 141029-2018 and 370114-2018, whose HTML pages the
# reading tests use: they moved to reports no test reads as HTML when the fixtures went into the snapshot)
FIXTURES: tuple[tuple[str, str], ...] = (
    ("341221-2019", "doc"),  # 临泉县 (platform family)
    ("411323-2019", "wps"),  # 西峡县 (Hanweb)
    ("510117-2023", "scan-clean"),  # 郫都区 (Hanweb)
    ("150425-2021", "scan-hard"),  # 克什克腾旗 (TRS)
    ("320830-2018", "html-images"),  # 盱眙县 (TRS)
)
# snapshot reports used only for measuring (every format), never rendered into a fixture
HELDOUT_SNAPSHOT: tuple[str, ...] = ("130427-2018", "441882-2019", "513322-2022")
FORMATS: tuple[str, ...] = ("doc", "wps", "scan-clean", "scan-hard", "html-images")

# ---------------------------------------------------------------------------------------------------- the texts


@dataclass(frozen=True, slots=True)
class Report:
    report_id: str
    adcode: str
    county: str
    report_year: int
    title: str
    lines: tuple[str, ...]  # the clean_text lines: one paragraph or heading a line
    indicators: tuple[dict[str, object], ...]
    source: str  # "snapshot" or "heldout-text"


def load_snapshot() -> dict[str, Report]:
    """The snapshot's gold reports; for those the fixtures went into (formats_portal.py), the text as it was
    before (their gold clean_text now holds the Word files' table too)."""
    originals_path = FIXTURES_DIR / "portal_originals.json"
    originals = json.loads(originals_path.read_text(encoding="utf-8")) if originals_path.exists() else {}
    out = {}
    for raw in SNAPSHOT_GOLD.read_text(encoding="utf-8").splitlines():
        d = json.loads(raw)
        if d["report_id"] in originals:
            d["clean_text"] = originals[d["report_id"]]["clean_text"]
        out[d["report_id"]] = _report(d, "snapshot")
    return out


def load_heldout_texts() -> list[Report]:
    return [_report(json.loads(raw), "heldout-text") for raw in HELDOUT_TEXTS.read_text(encoding="utf-8").splitlines()]


def _report(d: dict[str, object], source: str) -> Report:
    keep = ("code", "value", "unit", "approx", "from_value", "section", "surface")
    inds = tuple({k: i[k] for k in keep if k in i} for i in d["indicators"])  # type: ignore[union-attr,index]
    return Report(
        report_id=str(d["report_id"]),
        adcode=str(d["adcode"]),
        county=str(d["county"]),
        report_year=int(d["report_year"]),  # type: ignore[call-overload]
        title=str(d["title"]),
        lines=tuple(str(d["clean_text"]).split("\n")),
        indicators=inds,
        source=source,
    )


H1 = re.compile(r"^[一二三四五六七八九十]+、")
H2 = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
DATE_LINE = re.compile(r"^(\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$")


def line_kinds(lines: Sequence[str]) -> list[str]:
    """h1 / h2 / p for each line, and ``sig`` for the signature block at the end (issuers and the date)."""
    kinds = ["h1" if H1.match(s) else "h2" if H2.match(s) else "p" for s in lines]
    if lines and DATE_LINE.match(lines[-1]):
        kinds[-1] = "sig"
        i = len(lines) - 2
        while i >= 0 and len(lines[i]) <= 24 and not re.search(r"[。，；：、]", lines[i]) and kinds[i] == "p":
            kinds[i] = "sig"
            i -= 1
    return kinds


def table_rows(report: Report) -> tuple[str, list[list[str]]]:
    """The table put into the Word files: caption and rows (no indicator numbers in it, only ordinals)."""
    unit = report.county[-1] if report.county[-1] in "县区市旗" else "县"
    caption = f"表1  {report.report_year}年度法治政府建设重点任务完成情况"
    rows = [
        ["序号", "重点任务", "牵头单位", "完成情况"],
        ["1", "行政执法“三项制度”", f"{unit}司法局", "已完成"],
        ["2", "规范性文件备案审查", f"{unit}司法局", "已完成"],
        ["3", "政务公开标准化建设", f"{unit}政府办公室", "持续推进"],
    ]
    return caption, rows


def table_after(report: Report) -> int:
    """Index of the clean_text line the table follows: the last line of section 一 (or the last before the signature)."""
    kinds = line_kinds(report.lines)
    h1s = [i for i, k in enumerate(kinds) if k == "h1"]
    if len(h1s) >= 2:
        return h1s[1] - 1
    sig = [i for i, k in enumerate(kinds) if k == "sig"]
    return (sig[0] if sig else len(report.lines)) - 1


def rendered_lines(report: Report, fmt: str) -> list[str]:
    """The text as rendered into ``fmt``, one paragraph a line: the reference to score a converter or OCR with.

    Word files: title, the lines, the table's caption and its rows (cells joined by a tab) after ``table_after``.
    Scans and page images: title and the lines (headers, page numbers and the seal are not text of the report).
    """
    out = [report.title]
    if fmt in ("doc", "wps"):
        caption, rows = table_rows(report)
        at = table_after(report)
        for i, s in enumerate(report.lines):
            out.append(s)
            if i == at:
                out.append(" ".join(caption.split()))  # (a run of spaces is one, as in every clean text)
                out.extend("\t".join(r) for r in rows)
        return out
    return out + list(report.lines)


# ------------------------------------------------------------------------------------------------- Word 97 files

EAST_ASIA = {"title": "方正小标宋简体", "h1": "黑体", "h2": "楷体_GB2312", "p": "仿宋_GB2312", "sig": "仿宋_GB2312"}
FIXED_TIME = dt.datetime(2024, 1, 1, 8, 0, 0)


def build_docx(report: Report, path: Path) -> None:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)

    def run(par, text: str, kind: str, size: float = 16, bold: bool = False):  # noqa: ANN001, ANN202
        r = par.add_run(text)
        r.font.size = Pt(size)
        r.font.bold = bold
        r.font.name = "Times New Roman"
        rpr = r._element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIA[kind])
        return r

    def fmt(par, indent: bool = True) -> None:  # noqa: ANN001
        pf = par.paragraph_format
        pf.line_spacing = Pt(28.95)
        pf.space_before = pf.space_after = Pt(0)
        if indent:
            pf.first_line_indent = Pt(32)

    t = doc.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt(t, indent=False)
    run(t, report.title, "title", 22)
    kinds = line_kinds(report.lines)
    at = table_after(report)
    linked = False
    for i, (s, kind) in enumerate(zip(report.lines, kinds, strict=True)):
        p = doc.add_paragraph()
        if kind == "sig":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fmt(p, indent=False)
            p.paragraph_format.right_indent = Pt(64)
            run(p, s, kind)
        else:
            fmt(p)
            k = s.find(report.county)
            if kind == "p" and not linked and k >= 0:
                # the county's name as a hyperlink field: its code (HYPERLINK "...") must not reach the text
                run(p, s[:k], kind)
                _field(p, f' HYPERLINK "http://www.example.gov.cn/{report.adcode}/" ', report.county, kind, run)
                run(p, s[k + len(report.county) :], kind)
                linked = True
            else:
                run(p, s, kind)
        if i == at:
            caption, rows = table_rows(report)
            c = doc.add_paragraph()
            c.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt(c, indent=False)
            run(c, caption, "h1", 14)
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(rows):
                for j, cell in enumerate(row):
                    cp = table.cell(r, j).paragraphs[0]
                    cp.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    run(cp, cell, "p", 12, bold=(r == 0))
    foot = sec.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(foot, "- ", "p", 14)
    _field(foot, " PAGE ", "1", "p", run, size=14)
    run(foot, " -", "p", 14)
    cp = doc.core_properties
    cp.author = cp.last_modified_by = ""
    cp.title = report.title
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    doc.save(str(path))


def _field(par, instr: str, shown: str, kind: str, run, size: float = 16) -> None:  # noqa: ANN001
    """A complex field (fldChar begin / instrText / separate / result / end) with its last result ``shown``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind_: str) -> None:
        r = run(par, "", kind, size)
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind_)
        r._element.append(fc)

    char("begin")
    r = run(par, "", kind, size)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = instr
    r._element.append(it)
    char("separate")
    run(par, shown, kind, size)
    char("end")


def soffice_convert(src: Path, outdir: Path, target: str, profile: Path) -> Path:
    """Convert with LibreOffice headless in a private profile; returns the output path."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit("make_formats: LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)")
    cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target]
    subprocess.run([*cmd, "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=300)
    out = outdir / (src.stem + "." + target.split(":")[0])
    if not out.exists():
        raise SystemExit(f"make_formats: LibreOffice wrote no {out.name}")
    return out


def make_word97(report: Report, dest: Path, profile: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{report.report_id}.docx"
        build_docx(report, src)
        doc = soffice_convert(src, Path(tmp), 'doc:MS Word 97', profile)
        shutil.copyfile(doc, dest)


# ------------------------------------------------------------------------------------------------------- pages

DPI = 300
MM = DPI / 25.4
A4 = (round(210 * MM), round(297 * MM))
TOP, LEFT, TEXT_W, TEXT_H = 37 * MM, 28 * MM, 156 * MM, 225 * MM
PITCH = TEXT_H / 22  # 22 lines a page
BODY_PX, TITLE_PX, FOOT_PX, HEAD_PX = 65, 92, 58, 44  # ≈ 15.6 pt, 22 pt, 14 pt, 10.5 pt at 300 dpi
NOTO_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
NOTO_SERIF_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
NOTO_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
UKAI = "/usr/share/fonts/truetype/arphic/ukai.ttc"
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
NO_LINE_START = set("，。、；：？！）》」』”’％%…·,.;:?!)")
NO_LINE_END = set("（《「『“‘(")


def font(path: str, size: int, index: int = 0) -> ImageFont.FreeTypeFont:
    if not Path(path).exists():
        raise SystemExit(f"make_formats: font {path} missing (Debian: fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming)")
    return ImageFont.truetype(path, size, index=index)


@dataclass(slots=True)
class Fonts:
    body: ImageFont.FreeTypeFont
    h1: ImageFont.FreeTypeFont
    h2: ImageFont.FreeTypeFont
    title: ImageFont.FreeTypeFont
    foot: ImageFont.FreeTypeFont
    head: ImageFont.FreeTypeFont
    seal: ImageFont.FreeTypeFont

    @classmethod
    def for_report(cls, report_id: str) -> Fonts:
        # the body face alternates between a 宋体-like and a 明体-like serif, chosen by the report id
        body = (
            font(NOTO_SERIF, BODY_PX, 2) if _seed(report_id, "font") % 2 == 0 else font(UMING, BODY_PX + 2, 0)
        )
        return cls(
            body=body,
            h1=font(NOTO_SANS, BODY_PX, 2),
            h2=font(UKAI, BODY_PX + 2, 0),
            title=font(NOTO_SERIF_BOLD, TITLE_PX, 2),
            foot=font(NOTO_SERIF, FOOT_PX, 2),
            head=font(NOTO_SERIF, HEAD_PX, 2),
            seal=font(NOTO_SERIF_BOLD, 84, 2),
        )


@dataclass(slots=True)
class Placed:
    text: str
    x: float
    y: float  # top of the line box
    font: ImageFont.FreeTypeFont
    kind: str
    line: int = -1  # the clean_text line it is part of (-1: the title)
    start: int = 0  # where in that line it starts


@dataclass(slots=True)
class Page:
    number: int
    lines: list[Placed] = field(default_factory=list)


def wrap(text: str, f: ImageFont.FreeTypeFont, first_width: float, width: float) -> list[str]:
    """Greedy line filling by measured width; closing punctuation may hang past the edge (避头尾)."""
    out: list[str] = []
    cur, avail = "", first_width
    for ch in text:
        if cur and f.getlength(cur + ch) > avail and ch not in NO_LINE_START:
            if cur[-1] in NO_LINE_END:
                out.append(cur[:-1])
                cur = cur[-1] + ch
            else:
                out.append(cur)
                cur = ch
            avail = width
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def layout(report: Report, fonts: Fonts) -> list[Page]:
    """Place the title and the lines on A4 pages (positions in 300-dpi pixels)."""
    pages = [Page(1)]
    y = TOP

    def put(text: str, x: float, f: ImageFont.FreeTypeFont, kind: str, pitch: float, line: int = -1,
            start: int = 0) -> None:
        nonlocal y
        if y + pitch > TOP + TEXT_H + 1:
            pages.append(Page(len(pages) + 1))
            y = TOP
        pages[-1].lines.append(Placed(text, x, y, f, kind, line, start))
        y += pitch

    for part in wrap(report.title, fonts.title, TEXT_W, TEXT_W):
        put(part, LEFT + (TEXT_W - fonts.title.getlength(part)) / 2, fonts.title, "title", PITCH * 1.25)
    y += PITCH  # a blank line under the title
    kinds = line_kinds(report.lines)
    sig = [s for s, k in zip(report.lines, kinds, strict=True) if k == "sig"]
    em = fonts.body.getlength("国")
    for i, (s, kind) in enumerate(zip(report.lines, kinds, strict=True)):
        if kind == "sig":
            continue
        f = {"h1": fonts.h1, "h2": fonts.h2}.get(kind, fonts.body)
        start = 0
        for j, part in enumerate(wrap(s, f, TEXT_W - 2 * em, TEXT_W)):
            put(part, LEFT + (2 * em if j == 0 else 0), f, kind, PITCH, i, start)
            start += len(part)
    if sig:
        y += PITCH  # 署名 and date after one blank line, the date 4 characters from the right edge
        if y + PITCH * (len(sig) + 1) > TOP + TEXT_H:
            pages.append(Page(len(pages) + 1))
            y = TOP + PITCH * 2
        date_w = fonts.body.getlength(sig[-1])
        centre = LEFT + TEXT_W - 4 * em - date_w / 2
        first_sig = len(report.lines) - len(sig)
        for k, s in enumerate(sig):
            put(s, centre - fonts.body.getlength(s) / 2, fonts.body, "sig", PITCH, first_sig + k)
    return pages


def indicator_pages(report: Report, pages: list[Page]) -> list[int | None]:
    """The page each gold indicator's surface starts on (its first occurrence in the text), from the layout."""
    where: list[tuple[int, int, int, int]] = [(pl.line, pl.start, pl.start + len(pl.text), pg.number)
                                              for pg in pages for pl in pg.lines if pl.line >= 0]
    starts = [0]
    for s in report.lines:
        starts.append(starts[-1] + len(s) + 1)
    text = "\n".join(report.lines)
    out: list[int | None] = []
    for ind in report.indicators:
        pos = text.find(str(ind["surface"]))
        if pos < 0:
            out.append(None)
            continue
        line = max(i for i, st in enumerate(starts) if st <= pos)
        off = pos - starts[line]
        out.append(next((n for ln, a, b, n in where if ln == line and a <= off < b), None))
    return out


def _seed(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256("/".join(parts).encode()).digest()[:8], "big")


def page_number_text(n: int) -> str:
    return f"- {n} -"


def draw_page(page: Page, fonts: Fonts, header: tuple[str, str] | None) -> Image.Image:
    """A 300-dpi greyscale master of one page: text, footer page number, optional header line."""
    im = Image.new("L", A4, 255)
    d = ImageDraw.Draw(im)
    for pl in page.lines:
        # baseline-free placement: centre the glyph box vertically in the line pitch
        asc, desc = pl.font.getmetrics()
        d.text((pl.x, pl.y + (PITCH - asc - desc) / 2), pl.text, font=pl.font, fill=0)
    pn = page_number_text(page.number)
    em = fonts.foot.getlength("国")
    w = fonts.foot.getlength(pn)
    x = LEFT + TEXT_W - em - w if page.number % 2 else LEFT + em  # odd pages right, even pages left (公文)
    d.text((x, TOP + TEXT_H + 7 * MM), pn, font=fonts.foot, fill=0)
    if header:
        left, right = header
        hy = 20 * MM
        d.text((LEFT, hy), left, font=fonts.head, fill=60)
        d.text((LEFT + TEXT_W - fonts.head.getlength(right), hy), right, font=fonts.head, fill=60)
        d.line([(LEFT, hy + 1.6 * HEAD_PX), (LEFT + TEXT_W, hy + 1.6 * HEAD_PX)], fill=60, width=3)
    return im


# --------------------------------------------------------------------------------------------------- the seal

SEAL_RED = np.array([205, 30, 45], dtype=np.float32)


def seal_alpha(name: str, fonts: Fonts, rng: np.random.Generator) -> np.ndarray:
    """Coverage (0..1) of a round official seal 42 mm across: ring, the name along the upper arc, a star."""
    size = round(42 * MM)
    r = size / 2
    mask = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(mask)
    ring = 1.2 * MM
    d.ellipse([1, 1, size - 2, size - 2], outline=255, width=round(ring))
    star_r = 7 * MM
    pts = []
    for k in range(10):
        rad = star_r if k % 2 == 0 else star_r * 0.38
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((r + rad * math.cos(a), r + rad * math.sin(a)))
    d.polygon(pts, fill=255)
    # the name on the upper arc, each character turned to face outwards
    n = len(name)
    span = min(250.0, 22.0 * n + 20)
    text_r = r - ring - 0.62 * fonts.seal.size
    for i, ch in enumerate(name):
        ang = -90 - span / 2 + span * (i + 0.5) / n  # degrees, 0 = east, counter-clockwise negative = up
        glyph = Image.new("L", (fonts.seal.size * 2, fonts.seal.size * 2), 0)
        gd = ImageDraw.Draw(glyph)
        gd.text((fonts.seal.size / 2, fonts.seal.size / 2.4), ch, font=fonts.seal, fill=255)
        glyph = glyph.rotate(-(ang + 90), resample=Image.BICUBIC)
        cx = r + text_r * math.cos(math.radians(ang))
        cy = r + text_r * math.sin(math.radians(ang))
        mask.paste(255, (round(cx - glyph.width / 2), round(cy - glyph.height / 2)), glyph)
    a = np.asarray(mask, dtype=np.float32) / 255.0
    # uneven ink: low-frequency density and speckle
    lo = rng.random((size // 24 + 2, size // 24 + 2)).astype(np.float32)
    lo_im = Image.fromarray((lo * 255).astype(np.uint8)).resize((size, size), Image.BICUBIC)
    dens = 0.55 + 0.4 * np.asarray(lo_im, dtype=np.float32) / 255.0
    speck = rng.random((size, size)) > 0.12
    return np.clip(a * dens * speck, 0, 1)


def press_seal(rgb: np.ndarray, page: Page, fonts: Fonts, name: str, rng: np.random.Generator) -> np.ndarray:
    """Multiply a red seal onto the page, centred over the last issuer line and the date (上压下)."""
    sig = [pl for pl in page.lines if pl.kind == "sig"]
    if not sig:
        return rgb
    alpha = seal_alpha(name, fonts, rng)
    size = alpha.shape[0]
    date = sig[-1]
    cx = date.x + date.font.getlength(date.text) / 2 + rng.uniform(-0.3, 0.3) * size / 4
    cy = date.y - (0.5 * PITCH if len(sig) > 1 else 0) + rng.uniform(-0.1, 0.1) * size
    x0, y0 = round(cx - size / 2), round(cy - size / 2)
    region = rgb[y0 : y0 + size, x0 : x0 + size].astype(np.float32)
    tint = 1 - alpha[..., None] * (1 - SEAL_RED / 255.0)
    rgb[y0 : y0 + size, x0 : x0 + size] = np.clip(region * tint, 0, 255).astype(np.uint8)
    return rgb


def issuer_for_seal(report: Report) -> str:
    kinds = line_kinds(report.lines)
    sig = [s for s, k in zip(report.lines, kinds, strict=True) if k == "sig" and not DATE_LINE.match(s)]
    return sig[-1] if sig else f"{report.county}人民政府"


# ----------------------------------------------------------------------------------------------- degradations


def to_rgb(gray: Image.Image, paper: float = 255.0) -> np.ndarray:
    g = np.asarray(gray, dtype=np.float32)
    g = paper - (255.0 - g) * (paper / 255.0)
    return np.repeat(g[..., None], 3, axis=2).astype(np.uint8)


def hard_page(master: Image.Image, page: Page, fonts: Fonts, report: Report, rng: np.random.Generator) -> tuple[Image.Image, float]:
    """150 dpi colour scan: grey paper, seal, 1-2 degree turn, blur of the downscale, sensor noise."""
    paper = float(rng.uniform(228, 242))
    rgb = to_rgb(master, paper)
    rgb = press_seal(rgb, page, fonts, issuer_for_seal(report), rng)
    angle = float(rng.uniform(1.0, 2.0) * rng.choice([-1.0, 1.0]))
    im = Image.fromarray(rgb).rotate(angle, resample=Image.BICUBIC, fillcolor=(int(paper),) * 3)
    im = im.resize((A4[0] // 2, A4[1] // 2), Image.LANCZOS)
    a = np.asarray(im, dtype=np.float32)
    shade = np.linspace(0, rng.uniform(-12, 12), a.shape[1], dtype=np.float32)[None, :, None]
    a = a + shade + rng.normal(0, 7, a.shape).astype(np.float32)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)), angle


def web_page(master: Image.Image, page: Page, fonts: Fonts, report: Report, rng: np.random.Generator) -> Image.Image:
    """A page image as put into an article: colour, the seal, 1240 px wide, light noise, no turn."""
    rgb = press_seal(to_rgb(master, 250.0), page, fonts, issuer_for_seal(report), rng)
    im = Image.fromarray(rgb).resize((A4[0] // 2, A4[1] // 2), Image.LANCZOS)
    a = np.asarray(im, dtype=np.float32) + rng.normal(0, 3, (A4[1] // 2, A4[0] // 2, 3)).astype(np.float32)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def save_pdf(images: list[Image.Image], path: Path, dpi: int, **kw: object) -> None:
    images[0].save(str(path), "PDF", save_all=True, append_images=images[1:], resolution=dpi,
                   creationDate=FIXED_TIME.timetuple(), modDate=FIXED_TIME.timetuple(), **kw)


ARTICLE_HTML = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}_{county}人民政府</title>
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{published}">
</head>
<body>
<div class="header"><a href="/">{county}人民政府</a></div>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zwgk/fzzfjs/">法治政府建设</a></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/fzzfjs/">法治政府建设</a></div>
<div class="article">
<h1 class="article-title">{title}</h1>
<div class="article-info">发布时间：{published}　来源：{county}司法局　浏览次数：<span id="hits"></span></div>
<div class="article-content" id="zoom">
<p style="text-align:center">{caption}</p>
{images}
</div>
<div class="article-tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>
<div class="footer">主办：{county}人民政府办公室　版权所有</div>
</body>
</html>
"""


# ----------------------------------------------------------------------------------------------------- outputs


def render(report: Report, fmt: str, dest: Path, profile: Path) -> dict[str, object]:
    """Write ``report`` as ``fmt`` into ``dest`` (a folder); return its gold entry (without indicators)."""
    stem = f"{report.report_id}"
    entry: dict[str, object] = {"format": fmt}
    if fmt in ("doc", "wps"):
        out = dest / f"{stem}.{fmt}"
        make_word97(report, out, profile)
        caption, rows = table_rows(report)
        entry |= {
            "file": out.name,
            "text_source": "doc",
            "table_after_line": table_after(report),
            "table_lines": [caption, *("\t".join(r) for r in rows)],
            "fields": ["HYPERLINK around the first mention of the county in a paragraph", "PAGE in the footer"],
        }
        return entry
    fonts = Fonts.for_report(report.report_id)
    pages = layout(report, fonts)
    masters = [draw_page(p, fonts, None) for p in pages]
    rng = np.random.default_rng(_seed(report.report_id, fmt))
    numbers = [page_number_text(p.number) for p in pages]
    entry["indicator_pages"] = indicator_pages(report, pages)
    if fmt == "scan-clean":
        bw = [m.point(lambda v: 255 if v > 150 else 0).convert("1") for m in masters]
        out = dest / f"{stem}.pdf"
        save_pdf(bw, out, 300)
        entry |= {"file": out.name, "text_source": "ocr", "pages": len(pages), "dpi": 300, "colour": "1-bit G4",
                  "skew_deg": [0.0] * len(pages), "header": None, "page_numbers": numbers, "seal": None}
    elif fmt == "scan-hard":
        header = (f"{report.county}人民政府", "政府信息公开")
        masters = [draw_page(p, fonts, header) for p in pages]
        made = [hard_page(m, p, fonts, report, rng) for m, p in zip(masters, pages, strict=True)]
        out = dest / f"{stem}.pdf"
        save_pdf([m for m, _ in made], out, 150, quality=50)
        entry |= {"file": out.name, "text_source": "ocr", "pages": len(pages), "dpi": 150, "colour": "RGB JPEG q50",
                  "skew_deg": [round(a, 3) for _, a in made], "header": " ".join(header), "page_numbers": numbers,
                  "seal": issuer_for_seal(report)}
    elif fmt == "html-images":
        names = []
        for m, p in zip(masters, pages, strict=True):
            name = f"{stem}-p{p.number}.jpg"
            web_page(m, p, fonts, report, rng).save(str(dest / name), "JPEG", quality=70)
            names.append(name)
        caption = f"{report.title}（扫描件）"
        imgs = "\n".join(f'<p style="text-align:center"><img src="{n}" alt="" width="800"></p>' for n in names)
        published = f"{report.report_year + 1}-01-20"
        page = ARTICLE_HTML.format(title=html.escape(report.title), county=html.escape(report.county),
                                   caption=html.escape(caption), images=imgs, published=published)
        out = dest / f"{stem}.html"
        out.write_text(page, encoding="utf-8")
        entry |= {"file": out.name, "text_source": "ocr", "pages": len(pages), "images": names, "dpi": 150,
                  "colour": "RGB JPEG q70", "skew_deg": [0.0] * len(pages), "header": None, "page_numbers": numbers,
                  "seal": issuer_for_seal(report), "html_caption": caption}
    else:
        raise ValueError(fmt)
    return entry


def gold_entry(report: Report, rendered: dict[str, object], text_ref: str) -> dict[str, object]:
    return {
        "file": rendered.pop("file"),
        "format": rendered.pop("format"),
        "report_id": report.report_id,
        "adcode": report.adcode,
        "county": report.county,
        "report_year": report.report_year,
        "title": report.title,
        "text_ref": text_ref,
        "title_in_text": True,
        **rendered,
        "indicators": list(report.indicators),
    }


def jobs(mode: str) -> Iterator[tuple[Report, str, str]]:
    snap = load_snapshot()
    ref = "tests/fixtures/portal/gold/reports.jsonl#clean_text"
    if mode == "fixtures":
        for rid, fmt in FIXTURES:
            yield snap[rid], fmt, ref
    elif mode == "dev":
        for rid, _ in FIXTURES:
            for fmt in FORMATS:
                yield snap[rid], fmt, ref
    elif mode == "heldout":
        fixture_ids = {rid for rid, _ in FIXTURES}
        assert not fixture_ids & set(HELDOUT_SNAPSHOT)
        for r in load_heldout_texts():
            for fmt in FORMATS:
                yield r, fmt, "tests/tools/heldout_texts.jsonl#clean_text"
        for rid in HELDOUT_SNAPSHOT:
            for fmt in FORMATS:
                yield snap[rid], fmt, ref
    else:
        raise ValueError(mode)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--heldout", type=Path, metavar="DIR", help="write the held-out measurement set into DIR")
    g.add_argument("--dev", type=Path, metavar="DIR", help="write every format of the fixture texts into DIR")
    ap.add_argument("--only", default="", help="comma-separated formats to make (default: all)")
    args = ap.parse_args(argv)
    mode, dest = ("heldout", args.heldout) if args.heldout else ("dev", args.dev) if args.dev else ("fixtures", FIXTURES_DIR)
    dest.mkdir(parents=True, exist_ok=True)
    only = set(filter(None, args.only.split(",")))
    gold = []
    with tempfile.TemporaryDirectory() as profile:
        for report, fmt, ref in jobs(mode):
            if only and fmt not in only:
                continue
            sub = dest if mode == "fixtures" else dest / fmt
            sub.mkdir(exist_ok=True)
            entry = gold_entry(report, render(report, fmt, sub, Path(profile)), ref)
            if mode != "fixtures":
                entry["file"] = f"{fmt}/{entry['file']}"
            if report.source == "heldout-text":
                entry["clean_text"] = "\n".join(report.lines)  # not in the snapshot: carried along
            gold.append(entry)
            print(f"{entry['file']}\t{(dest / str(entry['file'])).stat().st_size:>9,} bytes", file=sys.stderr)
    with (dest / "gold.jsonl").open("w", encoding="utf-8") as fh:
        for e in gold:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
