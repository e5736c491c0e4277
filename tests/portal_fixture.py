"""Tiny read-only access to the bundled portal snapshot (tests/fixtures/portal), by manifest URL.

    from portal_fixture import body, content_type, gold_report, gold_reports
    raw = body("http://www.xiangning.gov.cn/zwgk/fzzfjs/201901/t20190111_2494666.html")

`body(url, epoch=None)` returns the bytes of the 200 entry for that URL (latest epoch unless given).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

PORTAL = Path(__file__).resolve().parent / "fixtures" / "portal"


@functools.lru_cache(maxsize=1)
def manifest() -> dict[str, dict[int, dict]]:
    """url -> {epoch: entry} for the 200 entries that have a body."""
    out: dict[str, dict[int, dict]] = {}
    with open(PORTAL / "manifest.jsonl", encoding="utf-8") as fh:
        for line in fh:
            e = json.loads(line)
            if e["status"] == 200 and e["body"]:
                for ep in e["epochs"]:
                    out.setdefault(e["url"], {})[ep] = e
    return out


def entry(url: str, epoch: int | None = None) -> dict:
    entries = manifest()[url]
    return entries[epoch if epoch is not None else max(entries)]


def body(url: str, epoch: int | None = None) -> bytes:
    return (PORTAL / entry(url, epoch)["body"]).read_bytes()


def content_type(url: str, epoch: int | None = None) -> str | None:
    return entry(url, epoch)["headers"].get("Content-Type")


@functools.lru_cache(maxsize=1)
def gold_reports() -> tuple[dict, ...]:
    with open(PORTAL / "gold" / "reports.jsonl", encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def gold_report(report_id: str) -> dict:
    for r in gold_reports():
        if r["report_id"] == report_id:
            return r
    raise KeyError(report_id)


@functools.lru_cache(maxsize=1)
def gold_pages() -> tuple[dict, ...]:
    with open(PORTAL / "gold" / "pages.jsonl", encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


@functools.lru_cache(maxsize=None)
def gold_json(name: str) -> dict:
    """gold/<name>.json (e.g. "http", "epochs")."""
    with open(PORTAL / "gold" / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


@functools.lru_cache(maxsize=1)
def counties() -> tuple[dict, ...]:
    """The rows of counties.csv."""
    import csv

    with open(PORTAL / "counties.csv", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))
