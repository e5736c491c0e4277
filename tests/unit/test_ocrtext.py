"""reading.ocrtext: an OCR engine's lines → the report's paragraphs (issue 17). The pages are laid out here by
hand like a scanned 公文 page (A4 at 1000 × 1400 px, text block from x = 100 to 900, rows 30 px high); the
expected paragraphs are what a person reads on them. The real engine on real scans: tests/unit/test_attachments.py
and tests/integration/test_formats_harvest.py."""

from __future__ import annotations

from countyreports.models import OcrLine, OcrPage
from countyreports.reading.ocrtext import fix_confusables, ocr_text


def line(text: str, x0: float, y0: float, x1: float, *, conf: float = 0.98, angle: float = 0.0) -> OcrLine:
    return OcrLine(text, x0, y0, x1, y0 + 30, conf, angle)


HEADER = "某县人民政府　　政府信息公开"
PAGE1 = OcrPage(1, 1000, 1400, (
    line(HEADER, 100, 40, 900),  # running header (top band, again on page 2)
    line("某县2023年法治政府建设情况报告", 300, 200, 700),  # the title, centred
    line("一是县政府常务会议研究法治工作", 160, 260, 900),  # indented: a paragraph starts, full to the edge
    line("12次，建立工作台账o", 100, 300, 500),  # continues it (a number broken over two lines); `o` read for 。
    line("二是开展普法活动丶送法下乡", 160, 340, 900),  # a new paragraph, running on to page 2; 丶 read for 、
    line("某县人民政府", 600, 420, 800, angle=31.0),  # the seal's ring text: turned
    line("★", 690, 470, 720, conf=0.31),  # the seal's star: a short, unsure line
    line("- 1 -", 780, 1290, 850),  # page number (bottom band)
))
PAGE2 = OcrPage(2, 1000, 1400, (
    line(HEADER, 100, 40, 900),
    line("87场次。", 100, 200, 300),  # the end of the paragraph begun on page 1
    line("某县人民政府", 650, 260, 850),  # the signature: short, to the right
    line("- 2 -", 150, 1290, 220),
))


def test_report_paragraphs_without_page_furniture_or_seal() -> None:
    got = ocr_text([PAGE2, PAGE1])  # (pages sorted by number)
    assert got.paragraphs == (
        "某县2023年法治政府建设情况报告",
        "一是县政府常务会议研究法治工作12次，建立工作台账。",
        "二是开展普法活动、送法下乡87场次。",
        "某县人民政府",
    )


def test_page_breaks_point_into_the_joined_text() -> None:
    got = ocr_text([PAGE1, PAGE2])
    text = "\n".join(got.paragraphs)
    assert got.page_breaks[0] == 0
    assert text[got.page_breaks[1]:].startswith("87场次。")  # page 2 starts inside the paragraph it continues
    assert len(got.page_breaks) == 2


def test_confidence_is_the_mean_of_the_lines_kept() -> None:
    got = ocr_text([PAGE1, PAGE2])
    assert got.confidence == 0.98  # the star (0.31) is dropped, every kept line is 0.98


def test_no_lines_no_text() -> None:
    assert ocr_text([OcrPage(1, 1000, 1400, ())]).paragraphs == ()
    assert ocr_text([]).confidence is None


def test_confusables() -> None:
    assert fix_confusables("依法行政丶依法决策o") == "依法行政、依法决策。"
    assert fix_confusables("比例为1·2·4") == "比例为1·2·4"  # a middle dot between digits stays
    assert fix_confusables("Word文档") == "Word文档"  # an o inside a Latin word is a letter
