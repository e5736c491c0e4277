"""A portal snapshot that answers 503 to everything, made at test time, and a webhook receiver.

`dead_snapshot(out, adcodes)` writes a snapshot (counties.csv, manifest.jsonl, bodies/) of the given counties of
the bundled snapshot in which every county's home page and robots.txt answer 503 (in every epoch; any other
URL answers 404, as the replay portal does): served by `countyreports.portal.server.ReplayServer`, every
county fails and no page is ever answered. `Receiver` is a small HTTP server that keeps the body of every POST
(the alerts' webhook).
"""

from __future__ import annotations

import csv
import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

PORTAL = Path(__file__).resolve().parent / "fixtures" / "portal"
BODY = b"<html><body><h1>503 Service Unavailable</h1></body></html>\n"


def dead_snapshot(out: Path, adcodes: list[str]) -> Path:
    """Write the dead snapshot of these counties into `out`; returns its counties.csv (the registry)."""
    with open(PORTAL / "counties.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["adcode"] in adcodes]
    assert len(rows) == len(adcodes), "every county must be in the bundled snapshot"
    sha = hashlib.sha1(BODY).hexdigest()
    body = out / "bodies" / sha[:2] / f"{sha}.html"
    body.parent.mkdir(parents=True, exist_ok=True)
    body.write_bytes(BODY)
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            parts = urlsplit(r["homepage"])
            for url in (r["homepage"], f"{parts.scheme}://{parts.netloc}/robots.txt"):
                fh.write(json.dumps({"url": url, "epochs": [1, 2], "status": 503,
                                     "headers": {"Content-Type": "text/html"},
                                     "body": str(body.relative_to(out)), "delay_ms": 0, "fail_first": 0,
                                     "note": "down"}) + "\n")
    registry = out / "counties.csv"
    with open(registry, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["adcode", "province", "prefecture", "county", "homepage"])
        w.writeheader()
        w.writerows(rows)
    return registry


class Receiver:
    """An HTTP server on a free loopback port keeping every POST body (decoded JSON when it is JSON)."""

    def __init__(self) -> None:
        self.received: list[object] = []
        got = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    got.append(json.loads(raw))
                except ValueError:
                    got.append(raw.decode("utf-8", "replace"))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
