"""Offline replay of the bundled portal snapshot (tests only; the real fetcher is fetch.py).

`OfflinePortal(epoch).get(url)` answers like the recorded server would: the manifest entry of
that URL in that epoch, 301/302 followed (Location resolved against the URL), 404 when there is
no entry. `fail_first` is ignored (the entry is served: retries are the fetcher's business).
Bodies are decoded as UTF-8, falling back to GB18030 (the real decoder is decode.py's).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

SNAPSHOT = Path(__file__).parent / "fixtures" / "portal"
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Response:
    url: str
    final_url: str
    status: int
    text: str | None
    headers: dict
    redirects: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def manifest() -> dict[tuple[str, int], dict]:
    out: dict[tuple[str, int], dict] = {}
    with open(SNAPSHOT / "manifest.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                entry = json.loads(line)
                for epoch in entry["epochs"]:
                    out[(entry["url"], epoch)] = entry
    return out


def decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("gb18030", errors="replace")


@lru_cache(maxsize=4096)
def _body(path: str) -> bytes:
    return (SNAPSHOT / path).read_bytes()


def counties() -> list[dict[str, str]]:
    with open(SNAPSHOT / "counties.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def gold_reports() -> list[dict]:
    with open(SNAPSHOT / "gold" / "reports.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_pages() -> list[dict]:
    with open(SNAPSHOT / "gold" / "pages.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def redesign_moves() -> dict[str, str]:
    """Old URL -> new URL of the redesigned site(s) (gold/epochs.json)."""
    with open(SNAPSHOT / "gold" / "epochs.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return {m["from"]: m["to"] for site in data.get("redesign", []) for m in site.get("moves", [])}


def page(url: str, epoch: int) -> str:
    """Decoded body of a recorded 200 page (for golden tests); KeyError when absent."""
    entry = manifest()[(url, epoch)]
    assert entry["status"] == 200 and entry["body"], (url, epoch, entry["status"])
    return decode(_body(entry["body"]))


@dataclass
class OfflinePortal:
    epoch: int
    log: list[str] = field(default_factory=list)  # every URL requested, redirect hops included

    def get(self, url: str) -> Response:
        hops: list[str] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self.log.append(current)
            entry = manifest().get((current, self.epoch))
            if entry is None:
                return Response(url, current, 404, None, {}, tuple(hops))
            status = entry["status"]
            if status in (301, 302, 303, 307, 308):
                location = entry["headers"].get("Location")
                if not location:
                    return Response(url, current, status, None, entry["headers"], tuple(hops))
                hops.append(current)
                current = urljoin(current, location)
                continue
            text = decode(_body(entry["body"])) if entry.get("body") and status == 200 else None
            return Response(url, current, status, text, entry["headers"], tuple(hops))
        return Response(url, current, 310, None, {}, tuple(hops))  # redirect loop
