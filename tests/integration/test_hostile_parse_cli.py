"""`countyreports parse` on hostile files, as a user runs it: one JSON line per file, in order, each saying what
was read, what was cut or why the file was refused; a file over the page budget, or whose reader ran out of
memory, costs only its own line; the whole command stays under 600 MB resident."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from countyreports.sandbox.budget import tree_resident_bytes
from hostile_corpus import make

CLI = Path(sys.executable).parent / "countyreports"
GOOD = "2023年，我县共办理行政复议案件12件。\n一、主要举措\n开展法治培训15次。\n"


def parse(files: list[Path], **env: str) -> tuple[list[dict], int]:
    """Run the command; its JSON lines and the peak resident size of its process tree."""
    proc = subprocess.Popen([str(CLI), "parse", *map(str, files)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **env})
    out: list[bytes] = []
    reader = threading.Thread(target=lambda: out.append(proc.stdout.read()))  # type: ignore[union-attr]
    reader.start()
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_resident_bytes(proc.pid))
        time.sleep(0.02)
    reader.join()
    assert proc.returncode == 0, proc.stderr.read().decode()[-2000:]  # type: ignore[union-attr]
    return [json.loads(line) for line in b"".join(out).decode().splitlines()], peak


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("hostile")
    out = {}
    for name in ("nested_divs.html", "zip_bomb.docx", "entities.docx", "many_pages.pdf", "many_headings.txt"):
        out[name] = d / name
        out[name].write_bytes(make(name))
    out["good.txt"] = d / "good.txt"
    out["good.txt"].write_text(GOOD, encoding="utf-8")
    out["many_p.html"] = d / "many_p.html"  # 1.2 million elements: ~600 MB of parse tree unless cut
    out["many_p.html"].write_text("<html><body><p>2023年共办理行政复议案件12件。" + "<p>x" * 1_200_000, encoding="utf-8")
    out["missing.html"] = d / "missing.html"
    return out


def test_one_line_per_file_in_order_each_saying_what_happened(files: dict[str, Path]) -> None:
    order = ["good.txt", "nested_divs.html", "zip_bomb.docx", "missing.html", "entities.docx", "many_pages.pdf",
             "many_headings.txt", "many_p.html", "good.txt"]
    lines, peak = parse([files[n] for n in order])
    assert [Path(line["file"]).name for line in lines] == order
    by = dict(zip(order, lines))
    assert lines[0]["text"] == lines[-1]["text"] == GOOD.strip()
    assert by["nested_divs.html"]["truncated"] == ["truncated: depth>256"]
    assert by["zip_bomb.docx"]["error"].startswith("Refused: zip members would inflate to 2,049 MiB")
    assert "No such file" in by["missing.html"]["error"]
    assert by["entities.docx"]["error"].startswith("Refused: word/document.xml declares a DOCTYPE")
    assert by["many_pages.pdf"]["truncated"] == ["truncated: pdf_pages>500"]
    assert "truncated: sections>1000" in by["many_headings.txt"]["truncated"]
    assert by["many_p.html"]["truncated"] == ["truncated: tags>200000"]
    assert by["many_p.html"]["text"].startswith("2023年共办理行政复议案件12件。")
    assert peak < 600 * 2**20


def test_a_file_over_the_time_budget_gets_its_reason(files: dict[str, Path]) -> None:
    lines, _ = parse([files["many_p.html"]], COUNTYREPORTS_PAGE_TIME_S="0.05")
    assert lines[0]["error"] == "OverBudget: over its time budget of 0.05 s: its process was killed"


def test_a_file_over_the_memory_budget_gets_its_reason_and_the_others_are_read(files: dict[str, Path]) -> None:
    lines, peak = parse([files["good.txt"], files["many_p.html"], files["good.txt"]],
                        COUNTYREPORTS_PAGE_MEMORY_MB="110")
    assert lines[0]["text"] == lines[2]["text"] == GOOD.strip()
    assert lines[1]["error"] in (
        "OverBudget: over its memory budget of 110 MiB (MemoryError)",
        "ParseError: the HTML parser gave up on the page (Can't parse HTML.): out of memory")
    assert peak < 600 * 2**20
