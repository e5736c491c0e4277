"""Fault matrix and crawl citizenship, end to end over the replay portal (real HTTP, real DuckDB).

One chain of harvests serves most tests (module fixture `chain`): the 40 counties without the slow host
harvested at epoch 1 (min_delay_s=0.2, for the politeness checks on the request log), then twice at epoch 2
on the same day. Each step's warehouse is copied aside so every case can look at the state after any step.
Faults that the chain cannot show (a page the crawler rightly never asks for, the slow host, a kill -9) get
their own small harvests. The replay servers are this module's own (one per epoch, shared by its tests):
their request logs hold only this module's requests and their `fail_first` counters start fresh.

Expected values come from the snapshot's gold (tests/fixtures/portal/gold), never from our own output.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pytest

from countyreports import pipeline
from countyreports.crawl.fetch import Fetcher
from countyreports.portal.server import ReplayServer, Snapshot
from countyreports.settings import Settings
from formats_fixture import shared_derived
from portal_fixture import PORTAL, counties, gold_json, gold_pages, gold_reports, manifest

SLOW = "150425"  # www.ksktq.gov.cn answers its report pages after 3 s (gold/http.json "slow")
ALL = [c["adcode"] for c in counties()]
CHAIN = [a for a in ALL if a != SLOW]
DELAY = 0.2  # min_delay_s of the epoch-1 harvest whose log is checked for politeness
FAST = {"backoff_base_s": 0.01, "backoff_max_s": 0.05}
LOOKALIKE_KINDS = ("notice", "news", "department_report", "other_annual_report")
HTTP = gold_json("http")
EPOCHS = gold_json("epochs")


# -- helpers --------------------------------------------------------------------------------------------------
def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def q(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def gold_ids(adcodes: list[str] | str, epoch: int) -> set[str]:
    wanted = {adcodes} if isinstance(adcodes, str) else set(adcodes)
    return {r["report_id"] for r in gold_reports() if r["adcode"] in wanted and epoch in r["epochs"]}


def active_ids(db: Path, adcodes: list[str] | str) -> set[str]:
    wanted = [adcodes] if isinstance(adcodes, str) else list(adcodes)
    return {r[0] for r in q(db, "SELECT report_id FROM reports WHERE status = 'active' "
                                "AND list_contains(?, adcode)", wanted)}


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


class Portal:
    """A replay server of this module with its request log."""

    def __init__(self, server: ReplayServer, log: Path) -> None:
        self.server = server
        self.log = log
        self.url = server.url

    def lines(self, since: int = 0) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        with open(self.log, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()][since:]

    def mark(self) -> int:
        return len(self.lines())


def settings(db: Path, portal: Portal, **kw: Any) -> Settings:
    base: dict[str, Any] = {"db": str(db), "registry": str(PORTAL / "counties.csv"), "proxy": portal.url,
                            "min_delay_s": 0.0, "workers": 16, "derived_dir": shared_derived(), **FAST}
    return Settings(**{**base, **kw})


# -- fixtures -------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    return Snapshot.load(PORTAL)


@pytest.fixture(scope="module")
def portals(snapshot: Snapshot, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, Portal]]:
    d = tmp_path_factory.mktemp("fault_portals")
    with ReplayServer(snapshot, epoch=1, log=d / "e1.jsonl") as s1, \
            ReplayServer(snapshot, epoch=2, log=d / "e2.jsonl") as s2:
        yield {1: Portal(s1, d / "e1.jsonl"), 2: Portal(s2, d / "e2.jsonl")}


@dataclass
class Step:
    run_id: str
    counters: dict[str, int]
    log: list[dict[str, Any]]
    db: Path  # a copy of the warehouse right after this step
    seconds: float


@pytest.fixture(scope="module")
def chain(portals: dict[int, Portal], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Step]:
    """Epoch 1 (polite: min_delay_s=0.2), then epoch 2 twice on the same day, into one warehouse."""
    d = tmp_path_factory.mktemp("chain")
    db = d / "wh.duckdb"
    steps: dict[str, Step] = {}
    plan = (("e1", 1, {"min_delay_s": DELAY}), ("e2a", 2, {}), ("e2b", 2, {}))
    for name, epoch, kw in plan:
        portal = portals[epoch]
        mark = portal.mark()
        t0 = time.monotonic()
        run_id, counters = pipeline.harvest(settings(db, portal, **kw), adcodes=CHAIN)
        seconds = time.monotonic() - t0
        copy = d / f"{name}.duckdb"  # same folder: the copies share the raw archive
        shutil.copy(db, copy)
        steps[name] = Step(run_id, counters, portal.lines(mark), copy, seconds)
    return steps


def run_row(db: Path, run_id: str) -> dict[str, Any]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute("SELECT * FROM runs WHERE run_id = ?", [run_id])
        cols = [c[0] for c in cur.description]
        row = cur.fetchone()
    finally:
        con.close()
    assert row is not None
    return dict(zip(cols, row, strict=True))


def county_run(db: Path, run_id: str, adcode: str) -> tuple[str, str | None, list[str]]:
    rows = q(db, "SELECT outcome, error, warnings FROM county_runs WHERE run_id = ? AND adcode = ?",
             run_id, adcode)
    assert len(rows) == 1
    return rows[0][0], rows[0][1], list(rows[0][2] or [])


# -- 9. the request log of a polite harvest ------------------------------------------------------------------
def test_no_request_outside_the_counties_scope(chain: dict[str, Step]) -> None:
    homes = {c["adcode"]: host(c["homepage"]) for c in counties()}
    allowed = {homes[a] for a in CHAIN}
    allowed |= {m["to"] for m in HTTP["moved_host"] if m["from"] in allowed}
    offsite = set(HTTP["offsite_urls"])
    for step in chain.values():
        hosts = {line["host"] for line in step.log}
        assert hosts <= allowed, hosts - allowed
        assert not offsite & {line["url"] for line in step.log}


def test_one_request_in_flight_per_host_and_the_delay_between_starts(chain: dict[str, Step]) -> None:
    by_host: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in chain["e1"].log:
        by_host[line["host"]].append(line)
    gaps = []
    for lines in by_host.values():
        lines.sort(key=lambda r: r["ts"])
        for a, b in zip(lines, lines[1:], strict=False):
            assert b["ts"] >= a["ts_end"], f"two requests in flight to {a['host']}: {a['url']} {b['url']}"
            gaps.append(b["ts"] - a["ts"])
    # request starts are spaced by the fetcher's clock; the server sees them with a little jitter
    assert min(gaps) >= DELAY - 0.02, min(gaps)


def test_robots_txt_is_asked_first_on_every_host(chain: dict[str, Step]) -> None:
    first: dict[str, str] = {}
    for line in sorted(chain["e1"].log, key=lambda r: r["ts"]):
        first.setdefault(line["host"], line["url"])
    assert all(url.endswith("/robots.txt") for url in first.values()), first


# -- 10. the first harvest fetches only what it needs ----------------------------------------------------------
def test_first_harvest_requests_per_county(chain: dict[str, Step]) -> None:
    e1 = chain["e1"]
    assert len(e1.log) == e1.counters["requests"]  # every request counted (robots.txt and retries included)
    assert len(e1.log) / len(CHAIN) <= 15, len(e1.log) / len(CHAIN)


def test_lookalike_articles_are_not_fetched(chain: dict[str, Step]) -> None:
    """Article pages whose list title rules a county report out are never asked for. The bound is tight (0):
    every look-alike in the snapshot has a list title the pre-fetch filter can judge; an ambiguous,
    truncated title would have to be fetched (see test_forced_faults for such titles)."""
    asked = {line["url"] for line in chain["e1"].log}
    lookalikes = [p for p in gold_pages() if p["kind"] in LOOKALIKE_KINDS and p["adcode"] in CHAIN
                  and 1 in p.get("epochs", [1, 2])]
    assert len(lookalikes) > 300
    fetched = [p["url"] for p in lookalikes if p["url"] in asked]
    assert fetched == []


# -- 5. incremental runs ----------------------------------------------------------------------------------------
def test_second_run_on_unchanged_portal_is_nearly_free(chain: dict[str, Step]) -> None:
    e2b = chain["e2b"]
    assert len(e2b.log) <= 1.2 * len(CHAIN), len(e2b.log)
    entries = manifest()
    with_validators = [line["url"] for line in e2b.log if line["status"] == 200 and (
        entries.get(line["url"], {}).get(2, {}).get("headers", {}).keys() & {"ETag", "Last-Modified"})]
    assert with_validators == []
    run = run_row(e2b.db, e2b.run_id)
    assert run["pages_parsed"] == 0
    assert run["new_reports"] == run["new_versions"] == run["withdrawn"] == 0
    assert run["requests"] == len(e2b.log)
    assert active_ids(e2b.db, CHAIN) == gold_ids(CHAIN, 2)


def test_changed_list_rechecks_every_known_report(chain: dict[str, Step]) -> None:
    """Where a new report appeared (page 1 of the column changed), every known report page is asked again,
    conditionally."""
    moved = {a["adcode"] for a in EPOCHS["redesign"]}
    changed = {rid.split("-")[0] for rid in EPOCHS["new_in_epoch2"]} & set(CHAIN) - moved
    asked = {line["url"]: line for line in chain["e2a"].log}
    assert changed
    for r in gold_reports():
        if r["adcode"] in changed and r["epochs"] == [1, 2]:
            line = asked.get(r["url"])
            assert line is not None, r["report_id"]
            assert line["if_none_match"] or line["if_modified_since"], r["report_id"]


def test_known_pages_rechecked_after_recheck_days(chain: dict[str, Step], portals: dict[int, Portal],
                                                  tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    shutil.copy(chain["e2b"].db, db)
    shutil.copytree(chain["e2b"].db.parent / "raw", tmp_path / "raw")
    con = duckdb.connect(str(db))
    con.execute("UPDATE pages SET last_checked = last_checked - INTERVAL 31 DAY WHERE adcode = '141029'")
    known = {r[0] for r in con.execute("SELECT url FROM pages WHERE adcode = '141029' "
                                       "AND kind = 'county_report'").fetchall()}
    con.close()
    portal = portals[2]
    mark = portal.mark()
    pipeline.harvest(settings(db, portal), adcodes=["141029", "141023"])
    log = portal.lines(mark)
    by_host = defaultdict(list)
    for line in log:
        by_host[line["host"]].append(line)
    assert len(by_host["xiangfen.linfen.gov.cn"]) == 1  # fresh: the column only
    asked = {line["url"] for line in by_host["www.xiangning.gov.cn"]}
    assert known and known <= asked
    assert all(line["status"] == 304 for line in log)


# -- 8. the fault matrix -------------------------------------------------------------------------------------
def test_flaky_host_retried_and_succeeds(chain: dict[str, Step]) -> None:
    url = HTTP["flaky"][0]
    e1 = chain["e1"]
    assert [line["status"] for line in e1.log if line["url"] == url] == [503, 503, 200]
    run = run_row(e1.db, e1.run_id)
    assert run["finished_at"] is not None and run["retries"] >= 2
    assert q(e1.db, "SELECT status, error FROM fetches WHERE url = ?", url) == [(200, None)]
    adcode = next(c["adcode"] for c in counties() if host(c["homepage"]) == host(url))
    assert county_run(e1.db, e1.run_id, adcode)[0] == "ok"
    assert active_ids(e1.db, adcode) == gold_ids(adcode, 1)


def test_dead_host_in_epoch1_loaded_in_epoch2(chain: dict[str, Step]) -> None:
    dead = EPOCHS["dead_in_epoch1"][0]
    adcode = dead["adcode"]
    e1, e2a = chain["e1"], chain["e2a"]
    outcome, error, warnings = county_run(e1.db, e1.run_id, adcode)
    assert outcome == "failed" and error and "homepage unreadable" in error
    assert q(e1.db, "SELECT DISTINCT error FROM fetches WHERE adcode = ?", adcode) == [("host-failed",)]
    assert run_row(e1.db, e1.run_id)["counties_failed"] == 1
    assert active_ids(e1.db, adcode) == set()
    assert county_run(e2a.db, e2a.run_id, adcode)[0] == "ok"
    assert active_ids(e2a.db, adcode) == gold_ids(adcode, 2) != set()


def test_offsite_links_never_requested(chain: dict[str, Step]) -> None:
    offsite = set(HTTP["offsite_urls"])
    offsite_hosts = {host(u) for u in offsite}
    for step in chain.values():
        assert not {line["host"] for line in step.log} & offsite_hosts
    # they were on the pages read (else this proves nothing)
    bodies = b"".join((PORTAL / manifest()[line["url"]][1]["body"]).read_bytes()
                      for line in chain["e1"].log if line["status"] == 200 and line["url"] in manifest()
                      and line["url"].endswith("/"))
    assert any(u.encode() in bodies for u in offsite)


def test_dead_link_redirect_loop_and_huge_page_never_requested_by_title(chain: dict[str, Step]) -> None:
    """The 404 link, the redirect loop and the huge page are listed under titles that rule a county report
    out: the crawler records them as skipped pages and never asks for them (test_forced_faults asks)."""
    urls = [*HTTP["broken_links"], *HTTP["redirect_loops"], *HTTP["huge_pages"]]
    asked = {line["url"] for step in chain.values() for line in step.log}
    assert not set(urls) & asked
    kinds = dict(q(chain["e1"].db, "SELECT url, kind FROM pages WHERE list_contains(?, url)", urls))
    assert kinds == {u: "skipped" for u in urls}
    for u in urls:
        adcode = next(c["adcode"] for c in counties() if host(c["homepage"]) == host(u))
        assert active_ids(chain["e1"].db, adcode) == gold_ids(adcode, 1)


def test_wrong_charset_header_decodes_right(chain: dict[str, Step]) -> None:
    site = HTTP["wrong_charset_header"][0]
    gold = [r for r in gold_reports() if host(r["url"]) == site and 1 in r["epochs"]]
    assert gold
    db = chain["e1"].db
    for r in gold:
        (text,) = q(db, "SELECT clean_text FROM reports WHERE report_id = ?", r["report_id"])[0]
        lines = [ln for ln in r["clean_text"].splitlines() if len(ln) > 40 and "\ufffd" not in ln]
        snippet = norm(lines[len(lines) // 2])[:40]
        assert snippet in norm(text), r["report_id"]


def test_robots_disallow_honoured(chain: dict[str, Step], portals: dict[int, Portal]) -> None:
    rule = next(r for r in HTTP["robots"] if r["disallowed_example"])
    site, disallowed = rule["host"], rule["disallowed_example"]
    asked = [line["url"] for step in chain.values() for line in step.log]
    assert disallowed not in asked
    assert f"http://{site}/robots.txt" in asked
    # the page links it (else this proves nothing) ...
    home = next(c["homepage"] for c in counties() if host(c["homepage"]) == site)
    assert urlsplit(disallowed).path.encode() in (PORTAL / manifest()[home][1]["body"]).read_bytes()
    # ... and the rules kept in the warehouse (reused by the next run) refuse it without a request
    origin, status, body = q(chain["e1"].db, "SELECT origin, status, body FROM robots WHERE origin = ?",
                             f"http://{site}")[0]
    portal = portals[1]
    mark = portal.mark()
    fetcher = Fetcher(pipeline.fetch_settings(settings(chain["e1"].db, portal)), proxy=portal.url)
    fetcher.seed_robots(origin, status, body)
    got = fetcher.get(disallowed, scope={site})
    fetcher.close()
    assert got.error == "robots-disallowed"
    assert portal.lines(mark) == []


def test_duplicate_repost_folded(chain: dict[str, Step]) -> None:
    for step, logs in (("e1", ("e1",)), ("e2a", ("e1", "e2a"))):
        db = chain[step].db
        rows = {r[0]: (r[1], list(r[2] or [])) for r in q(
            db, "SELECT report_id, url, duplicates FROM reports WHERE list_contains(?, adcode)", CHAIN)}
        asked = {line["url"] for s in logs for line in chain[s].log if line["status"] == 200}
        n = 0
        for g in gold_reports():
            if g["adcode"] not in CHAIN or not g["duplicates"] or g["report_id"] not in rows:
                continue
            url, dups = rows[g["report_id"]]
            assert url not in g["duplicates"]
            assert set(dups) <= set(g["duplicates"])
            # a repost that was read is listed; one never fetched cannot be
            assert {d for d in g["duplicates"] if d in asked} <= set(dups), g["report_id"]
            n += bool(dups)
        assert n >= 5
        dup_urls = {p["url"] for p in gold_pages() if p["kind"] == "duplicate"}
        assert not dup_urls & {u for u, _d in rows.values()}


def test_corrected_report_gets_version_two(chain: dict[str, Step]) -> None:
    db = chain["e2a"].db
    for c in EPOCHS["corrected"]:
        rid = c["report_id"]
        assert q(db, "SELECT version, url FROM reports WHERE report_id = ?", rid) == [(2, c["url"])]
        assert [v for (v,) in q(db, "SELECT version FROM report_versions WHERE report_id = ? ORDER BY 1",
                                rid)] == [1, 2]
        for ch in c["changed"]:
            for version, key in ((1, "epoch1"), (2, "epoch2")):
                values = {v for (v,) in q(db, "SELECT value FROM indicators WHERE report_id = ? AND version = ? "
                                              "AND code = ?", rid, version, ch["code"])}
                assert float(ch[key]) in values, (rid, ch["code"], version, values)
    # the second epoch-2 run made no further version
    assert q(chain["e2b"].db, "SELECT max(version) FROM report_versions")[0][0] == 2


def test_deleted_report_withdrawn_at_last_seen(chain: dict[str, Step]) -> None:
    for d in EPOCHS["deleted"]:
        rid = d["report_id"]
        (last_seen_e1,) = q(chain["e1"].db, "SELECT last_seen FROM reports WHERE report_id = ?", rid)[0]
        for step in ("e2a", "e2b"):
            assert q(chain[step].db, "SELECT status, withdrawn_at FROM reports WHERE report_id = ?", rid) \
                == [("withdrawn", last_seen_e1)]
        assert run_row(chain["e2a"].db, chain["e2a"].run_id)["withdrawn"] == len(EPOCHS["deleted"])


def test_site_redesign_keeps_report_ids_with_new_urls(chain: dict[str, Step]) -> None:
    for site in EPOCHS["redesign"]:
        adcode = site["adcode"]
        before = {r[0]: r[1] for r in q(chain["e1"].db, "SELECT report_id, version FROM reports "
                                                        "WHERE adcode = ?", adcode)}
        after = {r[0]: (r[1], r[2]) for r in q(chain["e2a"].db, "SELECT report_id, url, version FROM reports "
                                                                "WHERE adcode = ? AND status = 'active'", adcode)}
        assert set(before) == gold_ids(adcode, 1) and set(after) == gold_ids(adcode, 2)
        for g in gold_reports():
            if g["report_id"] in before and g.get("moved_to"):
                assert after[g["report_id"]] == (g["moved_to"], before[g["report_id"]])


def test_slow_host_beyond_the_timeout(snapshot: Snapshot, tmp_path: Path) -> None:
    """A read timeout far below the host's latency: the run goes on, the county is recorded partial (its
    article pages `pending`), and the next run (host fast again) asks for them although page 1 of the column
    is unchanged."""
    slow_host = HTTP["slow"][0]
    db = tmp_path / "wh.duckdb"
    with ReplayServer(snapshot, epoch=1, log=tmp_path / "slow.jsonl") as server:
        portal = Portal(server, tmp_path / "slow.jsonl")
        run_id, counters = pipeline.harvest(
            settings(db, portal, read_timeout_s=0.3, max_retries=1, host_fail_after=2),
            adcodes=[SLOW, "141029"])
    assert run_row(db, run_id)["finished_at"] is not None
    outcome, error, warnings = county_run(db, run_id, SLOW)
    assert outcome == "partial" and error
    assert counters["counties_partial"] == 1 and counters["counties_ok"] == 1
    errors = {e for (e,) in q(db, "SELECT error FROM fetches WHERE run_id = ? AND adcode = ? "
                                  "AND error IS NOT NULL", run_id, SLOW)}
    assert "timeout" in errors
    assert any("article unreadable" in w for w in warnings)
    pending = {u for (u,) in q(db, "SELECT url FROM pages WHERE adcode = ? AND kind = 'pending'", SLOW)}
    assert {r["url"] for r in gold_reports() if r["adcode"] == SLOW and 1 in r["epochs"]} <= pending
    assert active_ids(db, "141029") == gold_ids("141029", 1)

    fast = Snapshot(snapshot.root, [replace(e, delay_ms=0) if host(e.url) == slow_host else e
                                    for e in snapshot.entries])
    with ReplayServer(fast, epoch=1, log=tmp_path / "fast.jsonl") as server:
        portal = Portal(server, tmp_path / "fast.jsonl")
        run_id, _ = pipeline.harvest(settings(db, portal), adcodes=[SLOW])
        log = portal.lines()
    assert county_run(db, run_id, SLOW)[0] == "ok"
    assert active_ids(db, SLOW) == gold_ids(SLOW, 1)
    column = q(db, "SELECT column_url FROM columns WHERE adcode = ?", SLOW)[0][0]
    assert [line["status"] for line in log if line["url"] == column] == [304]


def _retitled(snapshot: Snapshot, tmp: Path, titles: dict[str, str]) -> Snapshot:
    """The snapshot with these article links listed under other titles (an ambiguous, truncated list title
    that a crawler must follow)."""
    entries = []
    for e in snapshot.entries:
        if e.status == 200 and e.body and e.url.endswith(("/", ".html")):
            raw = snapshot.body(e)
            for url, title in titles.items():
                href = urlsplit(url).path.encode()
                name = href.rsplit(b"/", 1)[1]
                if host(e.url) == host(url) and name in raw and len(raw) < 1_000_000:
                    enc = "utf-8"
                    try:
                        text = raw.decode(enc)
                    except UnicodeDecodeError:
                        enc = "gb18030"
                        text = raw.decode(enc)
                    old = next(p["title"] for p in gold_pages() if p["url"] == url)
                    text = text.replace(f'title="{old}">{old}<', f'title="{title}">{title}<')
                    path = tmp / f"{abs(hash((e.url, e.epochs)))}.html"
                    path.write_bytes(text.encode(enc))
                    # an absolute body path: Snapshot joins it to its root, which keeps it as it is
                    e = replace(e, body=str(path), etag=None, last_modified=None)
                    raw = path.read_bytes()
        entries.append(e)
    return Snapshot(snapshot.root, entries)


def test_forced_faults(snapshot: Snapshot, tmp_path: Path) -> None:
    """The 404 link, the redirect loop and the huge page listed under report-like truncated titles: the
    crawler asks for each once, records the failure and loses nothing of the county."""
    names = {c["adcode"]: c["county"] for c in counties()}
    owners = {u: next(c["adcode"] for c in counties() if host(c["homepage"]) == host(u))
              for u in [*HTTP["broken_links"], *HTTP["redirect_loops"], *HTTP["huge_pages"]]}
    titles = {u: f"{names[a]}人民政府关于20..." for u, a in owners.items()}
    portal_snap = _retitled(snapshot, tmp_path, titles)
    db = tmp_path / "wh.duckdb"
    with ReplayServer(portal_snap, epoch=1, log=tmp_path / "forced.jsonl") as server:
        portal = Portal(server, tmp_path / "forced.jsonl")
        run_id, counters = pipeline.harvest(settings(db, portal), adcodes=sorted(set(owners.values())))
        log = portal.lines()
    assert run_row(db, run_id)["finished_at"] is not None
    fetched = {r[0]: r[1:] for r in q(db, "SELECT url, status, error, sha256 FROM fetches WHERE run_id = ?",
                                      run_id)}
    expect = {**{u: "http-404" for u in HTTP["broken_links"]},
              **{u: "redirect-loop" for u in HTTP["redirect_loops"]},
              **{u: "too-large" for u in HTTP["huge_pages"]}}
    for url, error in expect.items():
        assert fetched[url][1] == error, (url, fetched[url])
        assert fetched[url][2] is None  # nothing kept
        outcome, _err, warnings = county_run(db, run_id, owners[url])
        assert outcome == "ok"
        assert any(url in w for w in warnings)
        assert active_ids(db, owners[url]) == gold_ids(owners[url], 1)
    # a loop is followed once round, no more; the huge body is not kept in the archive
    loop = HTTP["redirect_loops"][0]
    assert sum(line["url"].startswith(loop.removesuffix(".html")) for line in log) == 2
    assert not q(db, "SELECT url FROM http_cache WHERE list_contains(?, url)", list(expect))
    limit = Settings().max_body_bytes
    assert all(p.stat().st_size <= limit for p in (tmp_path / "raw").rglob("*") if p.is_file())


def test_county_without_reports_is_flagged_empty(portals: dict[int, Portal], tmp_path: Path) -> None:
    """A registry row whose portal lists no report of that county (大宁县 pointed at 乡宁县's portal)."""
    reg = tmp_path / "reg.csv"
    reg.write_text("adcode,province,prefecture,county,homepage\n"
                   "141030,山西省,临汾市,大宁县,http://www.xiangning.gov.cn/\n", encoding="utf-8")
    db = tmp_path / "wh.duckdb"
    run_id, counters = pipeline.harvest(settings(db, portals[1], registry=str(reg)))
    assert counters["counties_empty"] == 1
    assert county_run(db, run_id, "141030")[0] == "empty"


# -- 4. re-parse from the archive ---------------------------------------------------------------------------------
KEY_TABLES = {  # the warehouse's content, without run bookkeeping and timestamps
    "reports": "SELECT report_id, adcode, county, report_year, title, url, published_date, issuer, version, "
               "content_sha256, clean_text, signed_date, noise, status, pages, attachment, duplicates, "
               "raw_sha256, encoding, site_id_code, source FROM reports",
    "report_versions": "SELECT report_id, version, content_sha256, title, url, published_date, clean_text, noise "
                       "FROM report_versions",
    "sections": "SELECT * FROM sections",
    "indicators": "SELECT * FROM indicators",
    "mentions": "SELECT * FROM mentions",
    "pages": "SELECT url, adcode, kind, title, report_id, content_sha256 FROM pages",
}


def key_tables(db: Path, adcodes: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for name, sql in KEY_TABLES.items():
        col = "adcode" if name in ("reports", "pages") else "left(report_id, 6)"
        out[name] = sorted(q(db, f"{sql} WHERE list_contains(?, {col})", adcodes), key=repr)
    return out


def test_reparse_rebuilds_from_the_archive_without_a_request(chain: dict[str, Step], portals: dict[int, Portal],
                                                               tmp_path: Path) -> None:
    src = chain["e2b"].db
    db = src.parent / "reparse.duckdb"  # beside the chain's copies: the same raw archive
    shutil.copy(src, db)
    # re-parsing is CPU-bound: three counties whose reports are hard to read (attachments; articles over
    # several pages and a corrected report; a lying charset header)
    some = ["331123", "433123", "371726"]
    con = duckdb.connect(str(db))
    for table in ("sections", "indicators", "mentions"):  # the current versions' derived rows are lost
        con.execute(f"DELETE FROM {table} WHERE (report_id, version) IN (SELECT (report_id, version) "
                    "FROM reports WHERE status = 'active' AND list_contains(?, adcode))", [some])
    con.close()
    marks = {e: p.mark() for e, p in portals.items()}
    run_id, counters = pipeline.harvest(settings(db, portals[2]), adcodes=some, reparse=True)
    assert all(portals[e].lines(m) == [] for e, m in marks.items())
    assert counters["requests"] == 0 and counters["pages_parsed"] >= 15
    assert run_row(db, run_id)["kind"] == "reparse"
    assert key_tables(db, some) == key_tables(src, some)


def test_reparse_writes_only_the_reports_read_differently(chain: dict[str, Step], portals: dict[int, Portal]
                                                          ) -> None:
    """A re-parse with the same code reads every report as stored: it parses them all and rewrites none. A
    report whose stored reading is not the one the code gives now (here: its fingerprint forged) is rebuilt,
    and only that one."""
    src = chain["e2b"].db
    db = src.parent / "reparse_same.duckdb"
    shutil.copy(src, db)
    some = ["331123", "433123", "371726"]
    con = duckdb.connect(str(db))
    forged = con.execute("SELECT min(report_id) FROM reports WHERE adcode = '433123' AND status = 'active'"
                         ).fetchone()[0]
    con.execute("UPDATE reports SET parse_sha256 = 'forged' WHERE report_id = ?", [forged])
    con.close()
    rowids = "SELECT report_id, list_sort(list(rowid)) FROM sections WHERE list_contains(?, left(report_id, 6)) " \
             "GROUP BY 1"
    before = dict(q(db, rowids, some))
    run_id, counters = pipeline.harvest(settings(db, portals[2]), adcodes=some, reparse=True)
    assert counters["requests"] == 0 and counters["pages_parsed"] >= 15
    after = dict(q(db, rowids, some))
    assert {rid for rid in after if after[rid] != before.get(rid)} == {forged}  # rebuilt: new rows
    assert q(db, "SELECT parse_sha256 FROM reports WHERE report_id = ?", forged)[0][0] != "forged"
    assert key_tables(db, some) == key_tables(src, some)
    found = q(db, "SELECT sum(reports_found) FROM county_runs WHERE run_id = ?", run_id)[0][0]
    assert found == len(q(src, "SELECT 1 FROM reports WHERE status = 'active' AND list_contains(?, adcode)", some))


def test_parse_processes_give_the_same_warehouse(chain: dict[str, Step], portals: dict[int, Portal],
                                                tmp_path: Path) -> None:
    """With parse processes the crawl threads only fetch (pages are read and parsed in the processes) and a
    re-parse gets back only the reports read differently: the same rows as parsing in the threads."""
    some = ["331123", "433123", "371726"]  # attachments, multi-page articles, a lying charset header
    db = tmp_path / "pp.duckdb"
    _, counters = pipeline.harvest(settings(db, portals[1], parse_processes=2), adcodes=some)
    assert counters["counties_ok"] == 3 and counters["pages_parsed"] >= 15
    expected = key_tables(chain["e1"].db, some)
    assert key_tables(db, some) == expected
    _, counters = pipeline.harvest(settings(db, portals[1], parse_processes=2), adcodes=some, reparse=True)
    assert counters["requests"] == 0 and counters["pages_parsed"] >= 15
    assert key_tables(db, some) == expected


def test_crawl_processes_give_the_same_warehouse(chain: dict[str, Step], portals: dict[int, Portal],
                                                tmp_path: Path) -> None:
    """With crawler processes (they crawl and parse; this process only loads) the warehouse holds the rows the
    crawl threads give, each county's requests are the same, the robots.txt answers the processes fetched are
    kept, and the next run asks for them no more (seeded to the processes) and downloads no body."""
    some = CHAIN[:12]
    db = tmp_path / "cp.duckdb"
    run_id, counters = pipeline.harvest(settings(db, portals[1], crawl_processes=2, workers=8), adcodes=some)
    assert counters["counties_total"] == len(some)
    assert key_tables(db, some) == key_tables(chain["e1"].db, some)
    per_county = "SELECT adcode, outcome, requests, reports_found FROM county_runs WHERE run_id = ? ORDER BY 1"
    e1 = [r for r in q(chain["e1"].db, per_county, chain["e1"].run_id) if r[0] in some]
    assert q(db, per_county, run_id) == e1
    origins = {f"http://{host(c['homepage'])}" for c in counties() if c["adcode"] in some}
    assert origins <= {r[0] for r in q(db, "SELECT origin FROM robots")}

    mark = portals[1].mark()
    _, again = pipeline.harvest(settings(db, portals[1], crawl_processes=2, workers=8), adcodes=some)
    assert again["bodies_downloaded"] == 0 and again["pages_parsed"] == 0
    assert not [e for e in portals[1].lines(mark) if e["url"].endswith("/robots.txt")]


def test_crawl_processes_keep_one_request_in_flight_per_host(portals: dict[int, Portal], tmp_path: Path) -> None:
    """Two registry rows on one host (a platform serving several counties) go to the same crawler process
    while either is crawled: one request in flight per host and the delay between starts hold across
    processes."""
    rows = [c for c in counties() if c["adcode"] in CHAIN][:4]
    registry = tmp_path / "shared.csv"
    with registry.open("w", encoding="utf-8", newline="") as fh:
        fh.write("adcode,province,prefecture,county,homepage\n")
        for i, c in enumerate(rows):
            for adcode in (c["adcode"], f"90000{i}"):  # the second row: another county on the same host
                fh.write(f"{adcode},{c['province']},{c['prefecture']},{c['county']},{c['homepage']}\n")
    mark = portals[1].mark()
    s = settings(tmp_path / "shared.duckdb", portals[1], crawl_processes=2, workers=8, min_delay_s=DELAY,
                 registry=str(registry), allow_unlisted=True)
    _, counters = pipeline.harvest(s)
    assert counters["counties_total"] == 2 * len(rows)
    by_host: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in portals[1].lines(mark):
        by_host[line["host"]].append(line)
    assert {host(c["homepage"]) for c in rows} <= set(by_host)
    for lines in by_host.values():
        lines.sort(key=lambda r: r["ts"])
        for a, b in zip(lines, lines[1:], strict=False):
            assert b["ts"] >= a["ts_end"], f"two requests in flight to {a['host']}: {a['url']} {b['url']}"
            assert b["ts"] - a["ts"] >= DELAY - 0.02, (a["url"], b["url"])


def test_a_dead_crawler_process_fails_only_its_counties(portals: dict[int, Portal], tmp_path: Path) -> None:
    """A crawler process killed mid-crawl: the county it held is recorded as failed, saying why; the counties
    sent after go to the process still alive and are crawled as usual."""
    db = tmp_path / "dead.duckdb"
    run = pipeline.open_run(settings(db, portals[1], crawl_processes=2, workers=4), params={})
    pool = run.crawlers
    assert pool is not None
    registry = pipeline.load_registry(run.settings).counties
    slow = next(c for c in registry if c.adcode == SLOW)
    others = [c for c in registry  # hosts up in epoch 1
              if c.adcode in CHAIN and host(c.homepage) not in HTTP["dead_host_epoch1"]][:3]
    try:
        doomed = pool.submit(slow)  # its report pages answer after 3 s: still crawling when killed
        held = pool.process_of(slow)
        assert held is not None
        time.sleep(2.0)
        os.kill(pool.pids[held], signal.SIGKILL)
        deadline = time.monotonic() + 10
        while pool.alive[held] and time.monotonic() < deadline:
            time.sleep(0.05)
        fine = [pool.submit(c) for c in others]
        lost = doomed.result(timeout=30)
        assert lost.outcome == "failed" and f"crawler process {held} died" in (lost.error or "")
        loads = [f.result(timeout=60) for f in fine]
        assert [x.outcome for x in loads] == ["ok"] * len(others), [x.error for x in loads]
        pipeline.load_batch(run, [lost, *loads])
    finally:
        counters = pipeline.close_run(run)
    assert counters["counties_failed"] == 1 and counters["counties_ok"] == len(others)
    assert q(db, "SELECT count(*) FROM reports WHERE adcode = ?", SLOW) == [(0,)]


def test_cli_harvest_has_reparse(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from countyreports import cli
    from countyreports.cli import runs

    calls: list[dict[str, Any]] = []

    def fake_flow(**kw: Any) -> dict[str, Any]:
        calls.append(kw)
        return {"run_id": "x", "requests": 0}

    monkeypatch.setattr(runs, "_run_flow", lambda _ep, _title, **kw: fake_flow(**kw))
    monkeypatch.delenv("COUNTYREPORTS_REGISTRY", raising=False)
    result = CliRunner().invoke(cli.app, ["harvest", "--reparse", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "no county registry given: pass --registry national" in result.output
    assert not calls  # stopped before the flow (and Prefect) started
    registry = tmp_path / "r.csv"
    registry.write_bytes((PORTAL / "counties.csv").read_bytes())
    result = CliRunner().invoke(cli.app, ["harvest", "--reparse", "--db", str(tmp_path / "x.duckdb"),
                                          "--registry", str(registry)])
    assert result.exit_code == 0, result.output
    assert calls and calls[0]["reparse"] is True and calls[0]["registry"] == str(registry)


# -- 7. kill -9 during a harvest, then re-run ----------------------------------------------------------------------
KILLED_HARVEST = """
import json, sys
from countyreports import pipeline
from countyreports.settings import Settings
s = Settings(**json.loads(sys.argv[1]))
pipeline.harvest(s, adcodes=json.loads(sys.argv[2]), on_done=lambda o: print(o.adcode, flush=True))
"""


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (from /proc)."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid:
            out.add(int(stat.parent.name))
    return out


def _running(pid: int) -> bool:
    """Is the process there and not a zombie (exited, waiting to be reaped)?"""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def test_kill_9_with_crawler_processes_leaves_none_behind_and_rerun_completes(
        chain: dict[str, Step], portals: dict[int, Portal], tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    some = CHAIN[:10]
    s = settings(db, portals[1], workers=4, crawl_processes=2)
    params = {k: getattr(s, k) for k in ("db", "registry", "proxy", "min_delay_s", "workers", "crawl_processes",
                                         "backoff_base_s", "backoff_max_s")}
    proc = subprocess.Popen([sys.executable, "-c", KILLED_HARVEST, json.dumps(params), json.dumps(some)],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    try:
        proc.stdout.readline()  # one county loaded: the crawler processes are at work
        kids = _children(proc.pid)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert len(kids) >= 2
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(k) for k in kids):
        time.sleep(0.1)
    assert not [k for k in kids if _running(k)], "crawler processes outlived the harvest"
    run_id, counters = pipeline.harvest(s, adcodes=some)
    assert counters["counties_total"] == len(some)
    assert key_tables(db, some) == key_tables(chain["e1"].db, some)


def test_kill_9_during_harvest_then_rerun_gives_the_same_warehouse(chain: dict[str, Step],
                                                                     portals: dict[int, Portal],
                                                                     tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    some = CHAIN[:16]
    s = settings(db, portals[1], workers=4)
    params = {k: getattr(s, k) for k in ("db", "registry", "proxy", "min_delay_s", "workers",
                                         "backoff_base_s", "backoff_max_s")}
    proc = subprocess.Popen([sys.executable, "-c", KILLED_HARVEST, json.dumps(params), json.dumps(some)],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    loaded = 0
    try:
        for _line in proc.stdout:
            loaded += 1
            if loaded == 5:
                time.sleep(random.uniform(0.0, 0.05))  # anywhere: crawling, loading, between loads
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    killed = q(db, "SELECT run_id, finished_at FROM runs")
    assert len(killed) == 1 and killed[0][1] is None
    done = q(db, "SELECT count(*) FROM county_runs")[0][0]
    assert 5 <= done < len(some)  # killed half-way (loads are committed county by county)

    run_id, _counters = pipeline.harvest(s, adcodes=some)
    assert key_tables(db, some) == key_tables(chain["e1"].db, some)  # the chain's e1: uninterrupted
    assert q(db, "SELECT count(DISTINCT adcode) FROM county_runs WHERE run_id = ?", run_id)[0][0] == len(some)

    from countyreports.cli.runs import FAILING_HOSTS_SQL, runs_status_sql

    status = dict(q(db, f"SELECT run_id, status FROM ({runs_status_sql('2000-01-01 00:00:00')})"))
    assert status == {killed[0][0]: "interrupted", run_id: "finished"}
    # the dead host shows among the failing hosts of the last run
    dead = EPOCHS["dead_in_epoch1"][0]
    hosts = {r[0]: r for r in q(db, FAILING_HOSTS_SQL)}
    assert dead["host"] in hosts and "host-failed" in hosts[dead["host"]][3]
    from typer.testing import CliRunner

    from countyreports.cli import app

    result = CliRunner().invoke(app, ["status", "--db", str(db)])
    assert result.exit_code == 0, result.output


# -- 1. politeness settings reach the wire ----------------------------------------------------------------------
class _Recorder(BaseHTTPRequestHandler):
    """A tiny proxy-style server: robots.txt with a Crawl-delay, a 503 with a short Retry-After, a host that
    asks to come back in two minutes."""

    protocol_version = "HTTP/1.1"
    seen: list[tuple[float, str, str]] = []
    lock = threading.Lock()
    hits: dict[str, int] = defaultdict(int)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        url = self.path
        with self.lock:
            self.seen.append((time.monotonic(), url, self.headers.get("User-Agent", "")))
            self.hits[url] += 1
            n = self.hits[url]
        status, headers, body = 200, {}, b"ok"
        if url == "http://a.test/robots.txt":
            body = b"User-agent: *\nCrawl-delay: 0.3\nDisallow: /private/\n"
        elif url.endswith("/robots.txt"):
            status, body = 404, b""
        elif url == "http://b.test/busy" and n == 1:
            status, headers = 503, {"Retry-After": "1"}
        elif url.startswith("http://c.test/"):
            status, headers = 503, {"Retry-After": "120"}
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_politeness_settings_reach_the_wire(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        s = Settings(db=str(tmp_path / "wh.duckdb"), proxy=f"http://127.0.0.1:{server.server_port}",
                     contact="mailto:crawler@example.org", min_delay_s=0.0, **FAST)
        run = pipeline.open_run(s)
        f = run.fetcher
        scope = {"a.test", "b.test", "c.test"}
        t0 = time.monotonic()
        a = [f.get(f"http://a.test/{i}.html", scope=scope) for i in range(3)]
        private = f.get("http://a.test/private/x.html", scope=scope)
        busy = f.get("http://b.test/busy", scope=scope)
        gone = [f.get(f"http://c.test/{i}.html", scope=scope) for i in range(2)]
        pipeline.close_run(run)
    finally:
        server.shutdown()
    seen = _Recorder.seen
    assert all(x.ok for x in a) and busy.ok
    assert private.error == "robots-disallowed"
    assert all(ua == s.full_user_agent and "mailto:crawler@example.org" in ua for _t, _u, ua in seen)
    starts = [t for t, u, _ua in seen if u.startswith("http://a.test/") and not u.endswith("robots.txt")]
    assert all(b - a >= 0.3 - 0.01 for a, b in zip(starts, starts[1:], strict=False))  # Crawl-delay
    busy_times = [t for t, u, _ua in seen if u == "http://b.test/busy"]
    assert len(busy_times) == 2 and busy_times[1] - busy_times[0] >= 0.95  # Retry-After: 1 honoured
    assert gone[0].error == "host-failed" and gone[1].error == "host-failed"  # Retry-After 120 > cap
    assert [u for _t, u, _ua in seen if u.startswith("http://c.test/") and "robots" not in u] == \
        ["http://c.test/0.html"]  # the host is given up: the second URL is not requested
    assert time.monotonic() - t0 < 10


def test_chain_is_fast(chain: dict[str, Step]) -> None:
    """Keep the suite fast: the whole chain (three harvests of 40 counties) takes seconds."""
    assert sum(s.seconds for s in chain.values()) < 30, {k: round(s.seconds, 1) for k, s in chain.items()}
