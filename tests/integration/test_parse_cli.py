"""`countyreports parse`: saved pages, .docx, .pdf and .txt files, one JSON line per file, in order.

Expected values are the snapshot's gold for the same documents."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from formats_fixture import FORMATS, cer, fixture, indicator_matches, shared_derived
from portal_fixture import body, gold_report, gold_reports


def _run(*args: str, timeout: float = 120) -> list[dict]:
    env = {**os.environ, "COUNTYREPORTS_DERIVED_DIR": shared_derived()}  # (the session's scans OCR'd once)
    res = subprocess.run([sys.executable, "-m", "countyreports.cli", "parse", *args],
                         capture_output=True, text=True, timeout=timeout, check=True, env=env)
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def _values(items: list[dict]) -> list[tuple[str, float]]:
    """The (code, value) of the rows that state a value (the gold lists no stated change)."""
    return sorted((i["code"], round(float(i["value"]), 2)) for i in items if i.get("value_kind", "value") == "value")


def _gold_values(g: dict) -> list[tuple[str, float]]:
    return sorted((i["code"], round(float(i["value"]), 2)) for i in g["indicators"] if i["recoverable"])


def test_parse_html_docx_pdf_txt_in_order(tmp_path: Path) -> None:
    seed = gold_report("141029-2023")
    html = tmp_path / "seed.html"
    html.write_bytes(body(seed["url"]))
    docx_g = next(r for r in gold_reports() if (r["attachment"] or "").endswith(".docx"))
    pdf_g = next(r for r in gold_reports() if r["text_source"] == "pdf-text")
    docx = tmp_path / "report.docx"
    docx.write_bytes(body(docx_g["attachment"]))
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(body(pdf_g["attachment"]))
    txt = tmp_path / "report.txt"
    txt_g = gold_report("411628-2023")
    txt.write_text(txt_g["clean_text"], encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")

    out = _run(str(html), str(docx), str(broken), str(pdf), str(txt))
    assert [Path(o["file"]).name for o in out] == ["seed.html", "report.docx", "broken.pdf", "report.pdf",
                                                   "report.txt"]
    s = out[0]
    assert (s["report_year"], s["title"], s["published"]) == (2023, seed["title"], seed["published"])
    assert _values(s["indicators"]) == _gold_values(seed)
    assert [x["path"] for x in s["sections"] if x["path"]] == [x["path"] for x in seed["sections"]]
    for o, g in ((out[1], docx_g), (out[3], pdf_g)):
        assert o["report_year"] == g["report_year"]
        assert "attachment_only" in o["noise"]
        assert _values(o["indicators"]) == _gold_values(g)
    assert "error" in out[2] and "broken.pdf" in out[2]["file"]
    assert _values(out[4]["indicators"]) == _gold_values(txt_g)
    assert out[4]["report_year"] == 2023
    coded = [m for m in s["mentions"] if m["code"]]
    assert _values(coded) == _values(s["indicators"])  # every indicator is also a mention


def test_parse_word_files_and_scans_prints_text_and_source(tmp_path: Path) -> None:
    """A .wps, a clean scan and a saved article made of page images (the images beside it), and a file that is
    no document: `text` and `text_source` of each, as the gold says (issue 17)."""
    wps, wps_fx, wps_g = fixture("wps")
    scan, scan_fx, scan_g = fixture("scan-clean")
    page, page_fx, page_g = fixture("html-images")
    saved = tmp_path / "saved"
    saved.mkdir()
    shutil.copy(page, saved / page.name)
    for name in page_fx["images"]:
        shutil.copy(FORMATS / name, saved / name)
    xls = tmp_path / "table.xls"  # an OLE compound file that is not a Word document
    xls.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 500 + "Workbook".encode("utf-16-le"))
    out = _run("--format", "json", str(wps), str(scan), str(saved / page.name), str(xls), timeout=900)
    assert [o.get("text_source") for o in out] == ["doc", "ocr", "ocr", None]
    for o, fx, g, limit in ((out[0], wps_fx, wps_g, 0.005), (out[1], scan_fx, scan_g, 0.01),
                            (out[2], page_fx, page_g, 0.01)):
        assert cer(o["text"], g["clean_text"]) <= limit, o["file"]
        matched, total, spurious = indicator_matches(o["indicators"], g)
        assert (matched, spurious) == (total, 0), o["file"]
        if o["text_source"] == "ocr":
            assert [i["page"] for i in o["indicators"]] == fx["indicator_pages"]
    assert "error" in out[3] and "not a document format" in out[3]["error"]


def test_the_first_reader_child_is_started_before_the_command_and_adopted(tmp_path: Path) -> None:
    from countyreports.cli import documents
    from countyreports.settings import load_settings

    documents.prestart(["sql", "SELECT 1"])
    documents.prestart(["parse", "--help"])
    assert documents._started == []
    documents.prestart(["parse", "x.html"])
    [early] = documents._started
    page = tmp_path / "seed.html"
    page.write_bytes(body(gold_report("141029-2023")["url"]))
    [line] = list(documents.parse_lines([str(page)], None, load_settings()))
    assert json.loads(line)["title"] and documents._started == []
    assert early.proc.poll() is not None  # (adopted, and stopped with the pool)


def test_bad_input_stops_the_reader_started_ahead_quietly(tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    page.write_bytes(b"<html><body><p>x</p></body></html>")
    res = subprocess.run([sys.executable, "-m", "countyreports.cli", "parse", "--format", "xml", str(page)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 2 and "--format must be json" in res.stderr
    assert "Traceback" not in res.stderr


def test_reader_children_when_not_told_follow_the_work_and_the_cpus() -> None:
    from countyreports.cli.documents import FILES_PER_CHILD, MAX_AUTO_PROCESSES, auto_processes

    cpus = len(os.sched_getaffinity(0))
    assert auto_processes(1) == auto_processes(FILES_PER_CHILD - 1) == 1
    assert auto_processes(2 * FILES_PER_CHILD) == min(2, cpus)
    assert auto_processes(10**6) == min(cpus, MAX_AUTO_PROCESSES)
