"""The replay portal alone: replay the URLs of a harvest's request log against a fresh portal process with a
simple concurrent client (threads, one keep-alive `http.client` connection each, requests sent through the
portal as a proxy like the crawler does; conditional headers as logged).

    python bench/replay_bench.py --snapshot DIR --log requests.jsonl [--threads 16] [--out result.json]
"""

from __future__ import annotations

import argparse
import http.client
import json
import queue
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from common import emit, load, portal, process_cpu_s


def read_log(path: Path) -> list[tuple[str, dict[str, str]]]:
    reqs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            headers = {}
            if r.get("if_none_match"):
                headers["If-None-Match"] = r["if_none_match"]
            if r.get("if_modified_since"):
                headers["If-Modified-Since"] = r["if_modified_since"]
            reqs.append((r["url"], headers))
    return reqs


def replay(proxy: str, reqs: list[tuple[str, dict[str, str]]], threads: int) -> dict[str, int]:
    p = urlsplit(proxy)
    todo: queue.SimpleQueue[tuple[str, dict[str, str]] | None] = queue.SimpleQueue()
    for r in reqs:
        todo.put(r)
    for _ in range(threads):
        todo.put(None)
    counts: dict[str, int] = {"requests": 0, "bytes": 0, "errors": 0}
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection(p.hostname, p.port, timeout=60)
        n = size = errors = 0
        while (item := todo.get()) is not None:
            url, headers = item
            try:
                conn.request("GET", url, headers=headers)
                resp = conn.getresponse()
                size += len(resp.read())
                n += 1
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                conn = http.client.HTTPConnection(p.hostname, p.port, timeout=60)
        conn.close()
        with lock:
            counts["requests"] += n
            counts["bytes"] += size
            counts["errors"] += errors

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--snapshot", required=True, type=Path)
    ap.add_argument("--log", required=True, type=Path)
    ap.add_argument("--threads", type=int, default=16)
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    reqs = read_log(a.log)
    with portal(a.snapshot) as (url, pid):
        load0, cpu0 = load(), process_cpu_s(pid)
        t0 = time.monotonic()
        counts = replay(url, reqs, a.threads)
        wall = time.monotonic() - t0
        cpu1 = process_cpu_s(pid)
    emit({**counts, "wall_s": wall, "rps": counts["requests"] / wall, "threads": a.threads,
          "portal_cpu_s": (cpu1 - cpu0) if cpu0 is not None and cpu1 is not None else None,
          "load": [load0, load()]}, a.out)


if __name__ == "__main__":
    main()
