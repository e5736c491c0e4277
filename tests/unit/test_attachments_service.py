"""One attachments reader (one converter/OCR pool) for all of a run's crawler processes: `AttachmentService`.
Two processes asking for the same page image get the same OCR, read once by the service's reader; a service that
is gone gives a `read_failed` answer with the reason, not an exception."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
from functools import partial
from pathlib import Path

import pytest

from countyreports.attachments import AttachmentReader
from countyreports.attachments.ocr import installed
from countyreports.attachments.service import AttachmentService
from countyreports.models import ReadState
from countyreports.reading.document import RawDoc
from countyreports.sandbox import Budget, BudgetPool
from formats_fixture import FORMATS, cer, fixture

pytestmark = pytest.mark.skipif(installed() is not None, reason="the OCR engine is not installed (make formats)")

PAGE = Budget(time_s=120, memory_bytes=3072 << 20)

# a crawler process: its reader from the pickled `client()` on stdin; the page image's OCR text on stdout
CHILD = textwrap.dedent("""
    import json, pickle, sys
    from countyreports.reading.document import RawDoc
    client, url, path = pickle.load(sys.stdin.buffer)
    reader = client()
    d = reader.derive(None, (RawDoc(url, open(path, "rb").read()),))
    print(json.dumps({"state": d.state.value, "text": "".join(l.text for p in d.pages for l in p.lines)}))
""")


def _service(cache: Path) -> AttachmentService:
    pool = partial(BudgetPool, 1, PAGE, recycle_bytes=1 << 30, name="test-attachments")
    return AttachmentService(partial(AttachmentReader, str(cache), pool, PAGE, PAGE))


def _in_process(client: object, url: str, path: Path) -> dict[str, str]:
    out = subprocess.run([sys.executable, "-c", CHILD], input=pickle.dumps((client, url, str(path))),
                         capture_output=True, check=True, timeout=300)
    return json.loads(out.stdout)


def test_two_processes_share_one_reader(tmp_path: Path) -> None:
    _path, fx, g = fixture("html-images")
    image, url = FORMATS / fx["images"][0], g["images"][0]
    service = _service(tmp_path)
    try:
        first = _in_process(service.client(), url, image)
        second = _in_process(service.client(), url, image)
        tally = service.tally()
    finally:
        service.close()
    assert first["state"] == second["state"] == ReadState.OK.value
    assert first["text"] == second["text"]
    assert tally["ocr_pages"] == 1 and tally["cached"] == 1  # both asked the one reader: read once, then cached
    assert cer(first["text"], g["clean_text"][:len(first["text"])]) < 0.2  # (the first of the report's pages)


def test_a_service_that_is_gone_gives_a_reason(tmp_path: Path) -> None:
    _path, fx, g = fixture("html-images")
    service = _service(tmp_path)
    client = service.client()
    service.close()
    reader = client()
    derived = reader.derive(None, (RawDoc(g["images"][0], (FORMATS / fx["images"][0]).read_bytes()),))
    assert derived is not None and derived.state is ReadState.READ_FAILED
    assert derived.reason is not None and "attachments service is gone" in derived.reason
