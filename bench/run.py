"""`make bench`: national scale on one small machine — every figure measured side by side in one run, printed
as ONE markdown table (with the machine and the load average next to each figure: the box is shared).

1. the big snapshot: the bundled one cloned `--copies` times (68 × 41 + 41 originals = 2,829 counties, ~1.5 GB)
   with `countyreports.portal.replicate`, cached in warehouse/bench/ (rebuilt when the bundled snapshot changes);
2. parse throughput on the snapshot's article pages, ours against `trafilatura.extract` alone
   (bench/parse_bench.py), and ours again with the pure-Python read path (COUNTYREPORTS_PURE=1);
3. the replay portal in its own process, logging; first harvest of every county (delay 0, one request in
   flight per host) in another process (bench/harvest_bench.py): wall, requests per county, peak RSS, rows
   per second into DuckDB;
4. the replay portal alone serving the same request log to a simple concurrent client (bench/replay_bench.py);
5. unchanged re-run; re-parse of every report from the raw archive, with the same parser (nothing to rewrite) and
   as after a parser change (every stored reading forgotten, every report rewritten);
6. hostile inputs: the read path's time on pages 1×, 4×, 16× as large, each kind (bench/hostile_bench.py);
7. the default politeness delay: the first harvest's per-county timings with (requests − 1) × delay added,
   scheduled on the workers; checked against a measured run of the 41 original counties with the delay;
8. full-text search on the harvested replica (bench/search_bench.py): 20 phrases, in process and end to end,
   next to a plain LIKE scan;
9. Prefect overhead, by the flow engineers' script (bench/bench_prefect.py or tests/tools/bench_prefect.py)
   when present;
10. the first ten minutes (bench/startup_bench.py): command → first line of a bad-input error, and command →
   first request of a one-off harvest (temporary Prefect server, or a running `prefect server start`).

    python bench/run.py [--copies 68] [--workers 64] [--skip-parse] [--skip-delay] [--skip-replay] [--skip-prefect]
        [--skip-startup] [--json FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import BENCH_DIR, BUNDLED, ROOT, load, machine, portal, run_child

HERE = Path(__file__).resolve().parent
DEFAULT_DELAY_S = 1.0  # Settings.min_delay_s default
PREFECT_SCRIPTS = (HERE / "bench_prefect.py", ROOT / "tests" / "tools" / "bench_prefect.py")


def say(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')} load {load():.2f}] {msg}", file=sys.stderr, flush=True)


# -- the big snapshot -------------------------------------------------------------------------------------
def source_stamp(copies: int) -> str:
    h = hashlib.sha256()
    for name in ("manifest.jsonl", "counties.csv", "gold/reports.jsonl", "gold/pages.jsonl",
                 "gold/http.json", "gold/epochs.json"):
        h.update((BUNDLED / name).read_bytes())
    h.update((ROOT / "src" / "countyreports" / "portal" / "replicate.py").read_bytes())
    return f"{h.hexdigest()[:16]} copies={copies}"


def big_snapshot(copies: int) -> Path:
    """The cached clone snapshot (built once, ~3 min on 2 cores)."""
    out = BENCH_DIR / f"portal_x{copies}"
    stamp = source_stamp(copies)
    if (out / ".stamp").exists() and (out / ".stamp").read_text() == stamp:
        return out
    tmp = BENCH_DIR / f".portal_x{copies}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    say(f"building the snapshot: {copies} clones of {BUNDLED.name} (cached in {out})")
    subprocess.run([sys.executable, "-m", "countyreports.portal.replicate", "--src", str(BUNDLED), "--out", str(tmp),
                    "--copies", str(copies)], check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    tmp.rename(out)
    (out / ".stamp").write_text(stamp)
    return out


# -- the default delay ------------------------------------------------------------------------------------
def county_timings(db: Path, run_id: str) -> list[tuple[str, int, float]]:
    """(adcode, requests, seconds) per county of a run, in registry order of completion start."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT adcode, requests, epoch(finished_at) - epoch(started_at) FROM county_runs "
            "WHERE run_id = ? ORDER BY started_at", [run_id]).fetchall()
    finally:
        con.close()
    return [(r[0], int(r[1] or 0), float(r[2] or 0.0)) for r in rows]


def schedule(durations: list[float], workers: int) -> float:
    """Wall time of running jobs in order on a pool of `workers` (FIFO, like the thread pool)."""
    free = [0.0] * max(1, workers)
    end = 0.0
    for d in durations:
        start = heapq.heappop(free)
        end = max(end, start + d)
        heapq.heappush(free, start + d)
    return end


def delay_estimate(timings: list[tuple[str, int, float]], delay: float, workers: int,
                   only: set[str] | None = None) -> float:
    """Each county crawls one host, one request at a time: the delay adds (requests − 1) × delay to it."""
    return schedule([s + max(0, n - 1) * delay for a, n, s in timings if only is None or a in only], workers)


# -- Prefect ------------------------------------------------------------------------------------------------
def prefect_figures(args: argparse.Namespace, work: Path) -> dict[str, Any] | None:
    """The flow engineers' measurement (its own snapshot of `--prefect-copies` clones, cached in
    warehouse/bench/prefect): the same first harvest with and without a running Prefect server."""
    script = next((p for p in PREFECT_SCRIPTS if p.exists()), None)
    if script is None:
        return None
    say(f"Prefect overhead: {script.relative_to(ROOT)} ({args.prefect_copies} clones)")
    return run_child([str(script), "--copies", str(args.prefect_copies), "--workdir", str(BENCH_DIR / "prefect"),
                      "--workers", str(args.workers)], work / "prefect.json")


# -- the table ----------------------------------------------------------------------------------------------
def fmt_load(pair: list[float] | tuple[float, ...] | None) -> str:
    return f"{pair[0]:.2f}→{pair[1]:.2f}" if pair else ""


def table(m: dict[str, Any], res: dict[str, Any], args: argparse.Namespace) -> str:
    rows: list[tuple[str, str, str, str, str]] = []

    def row(name: str, value: str, target: str = "", ok: bool | None = None, ld: Any = None) -> None:
        rows.append((name, value, target, "" if ok is None else ("yes" if ok else "**NO**"), fmt_load(ld)))

    row("machine", f"{m['cpu']}, {m['cores']} cores, {m['ram_gib']:.1f} GiB RAM, Python {m['python']}, "
        f"{m['os']}; load avg (1/5/15 min) at start {m['load'][0]:.2f}/{m['load'][1]:.2f}/{m['load'][2]:.2f}",
        ld=None)
    snap = res["snapshot"]
    row("snapshot", f"{snap['counties']:,} counties ({args.copies} clones × 41 + 41 originals), "
        f"{snap['entries']:,} recorded responses, {snap['gib']:.2f} GiB")
    p = res.get("parse")
    if p:
        groups = " + ".join(f"{g['pages']} {name}" for name, g in p["groups"].items())
        how = "compiled read path" if p["compiled"] else f"pure-Python read path ({p['pure_why']})"
        row("parse throughput, ours (decode + main text + clean + sections + indicators), the snapshot's article "
            f"pages, {how}", f"{p['ours_pps']:,.0f} pages/s per core ({p['pages']} pages: {groups}; "
            f"{p['bytes'] / p['pages'] / 1024:.0f} KiB avg)", "≥ 500 pages/s", p["ours_pps"] >= 500, p["load"])
        row("parse throughput, `trafilatura.extract` alone (2.3.1), same pages",
            f"{p['trafilatura_pps']:,.0f} pages/s per core → ours is **{p['ratio']:.1f}×**", "ours ≥ 10×",
            p["ratio"] >= 10, p["load"])
        for name, g in p["groups"].items():
            row(f"… {name} alone ({g['pages']}, {g['bytes'] / g['pages'] / 1024:.0f} KiB avg)",
                f"ours {g['ours_pps']:,.0f}, trafilatura {g['trafilatura_pps']:,.0f} pages/s → {g['ratio']:.1f}×",
                ld=p["load"])
    q = res.get("parse_pure")
    if p and q:
        row("… ours with the pure-Python read path (COUNTYREPORTS_PURE=1), same pages",
            f"{q['ours_pps']:,.0f} pages/s → {q['ours_pps'] / p['trafilatura_pps']:.1f}× ("
            + ", ".join(f"{name} {g['ours_pps']:,.0f} → {g['ours_pps'] / p['groups'][name]['trafilatura_pps']:.1f}×"
                        for name, g in q["groups"].items()) + ")", ld=q["load"])
    f = res.get("first")
    if f:
        c = f["counters"]
        n = c["counties_total"]
        cp = f.get("crawl_processes", 0)
        children = "crawler processes (crawl + parse)" if cp else "parse processes"
        row("first harvest: wall (delay 0, 1 request in flight per host; Settings workers="
            f"{f['workers']}, " + (f"crawl_processes={cp}" if cp else f"parse_processes={f['parse_processes']}")
            + f", load_batch={f['load_batch']}; replay portal in its own process)",
            f"{f['wall_s']:.0f} s for {n:,} counties ({n / f['wall_s']:.1f} counties/s); CPU seconds: harvest "
            f"process {f['cpu_s']:.0f} (of which the writer {f['load_cpu_s']:.0f}), {children} "
            f"{f.get('children_cpu_s', 0):.0f}, portal {f['portal_cpu_s'] or 0:.0f}",
            "≤ 180 s", f["wall_s"] <= 180, f["load"])
        row("first harvest: requests per county",
            f"{c['requests'] / n:.2f} ({c['requests']:,} requests; {c['counties_ok']:,} ok, "
            f"{c['counties_failed']} failed, {c.get('counties_partial', 0)} partial, {c['counties_empty']} empty; "
            f"{c['new_reports']:,} reports)", "≤ 15", c["requests"] / n <= 15, f["load"])
        if f.get("tree_peak_rss_mib"):  # sampled: the process and all its children together
            row("memory: peak RSS of the harvest (its process tree summed: loading process, crawler processes, "
                "the sandbox children reading the pages; sampled every 0.2 s)", f"{f['tree_peak_rss_mib']:,.0f} MiB "
                f"(loading process alone {f['peak_rss_mib']:,.0f})", "< 1 GiB", f["tree_peak_rss_mib"] < 1024,
                f["load"])
        elif cp:  # the crawl is spread over processes: count them all (each at the largest one's peak)
            rss = f["peak_rss_mib"] + cp * f["children_peak_rss_mib"]
            row(f"memory: peak RSS of the harvest (loading process + {cp} crawler processes × the largest "
                "one's peak)", f"{rss:,.0f} MiB ({f['peak_rss_mib']:,.0f} + {cp} × "
                f"{f['children_peak_rss_mib']:,.0f})", "< 1 GiB", rss < 1024, f["load"])
        else:
            row("memory: peak RSS of the harvest process", f"{f['peak_rss_mib']:,.0f} MiB", "< 1 GiB",
                f["peak_rss_mib"] < 1024, f["load"])
        if "tree_peak_rss_mib" in f:  # every process of the run alive together, the attachments pool included
            row("memory: peak RSS of the whole process tree, sampled every 0.25 s (loading process, crawler "
                "processes, the attachments pool converting .doc/.wps and OCR-ing scans)",
                f"{f['tree_peak_rss_mib']:,.0f} MiB (largest processes at their peaks: "
                + ", ".join(f"{x:,.0f}" for x in f["tree_largest_mib"]) + " MiB)", "", None, f["load"])
        if f.get("derived_files"):
            made = f["derived_files"]
            row("first harvest: files converted or OCR'd (entries of the derived cache, by the bytes' SHA-256: the "
                "copies' identical files made once)", f"{made['docx']} Word files converted, "
                f"{made['entries'] - made['docx']} scans / page images OCR'd; {made['notes']} PDFs judged (text layer "
                "or scan)", "", None, f["load"])
        row("load into DuckDB (Arrow batches), first harvest",
            f"{f['rows_written'] / f['load_s']:,.0f} rows/s ({f['rows_written']:,} rows in {f['load_s']:.1f} s "
            f"of `load_counties`, {f['load_counties']:,} counties in {f['load_calls']:,} transactions)", "", None, f["load"])
    r = res.get("replay")
    if r:
        row("replay portal alone, same request log (simple client, "
            f"{r['threads']} threads)", f"{r['wall_s']:.0f} s for {r['requests']:,} requests "
            f"({r['rps']:,.0f} req/s; portal CPU {r['portal_cpu_s'] or 0:.0f} s; {r['errors']} errors; the log's "
            f"recorded latencies (`delay_ms`, e.g. 3 s per report page of the slow host) are replayed too)",
            "", None, r["load"])
    d = res.get("delay")
    if d:
        row(f"first harvest with the default delay ({DEFAULT_DELAY_S:g} s per host)",
            f"≈ {d['estimate_s']:.0f} s for all counties (estimated from the first harvest's per-county "
            f"timings, {d['workers']} workers); 41-county subset measured {d['subset_s']:.0f} s vs "
            f"estimated {d['subset_estimate_s']:.0f} s", "", None, d["load"])
    u = res.get("rerun")
    if u:
        c = u["counters"]
        n = c["counties_total"]
        ok = c["requests"] / n <= 1.2 and c["bodies_downloaded"] == 0 and c["pages_parsed"] == 0
        row("unchanged re-run", f"{u['wall_s']:.0f} s; {c['requests'] / n:.2f} requests per county "
            f"({c['not_modified']:,} × 304); bodies downloaded {c['bodies_downloaded']}; pages re-parsed "
            f"{c['pages_parsed']}", "≤ 1.2 req/county, 0 bodies, 0 parsed", ok, u["load"])
    for key, name in (("reparse", "re-parse of every report from the raw archive (same parser: every report "
                                  "parsed, each read as stored, nothing rewritten)"),
                      ("reparse_all", "re-parse after a parser change (every stored reading forgotten: every "
                                      "report's sections, indicators and mentions deleted and written again)")):
        rp = res.get(key)
        if rp:
            row(name, f"{rp['wall_s']:.0f} s ({rp['counters']['pages_parsed']:,} pages, {rp['rows']['reports']:,} "
                f"reports; {rp['load_calls']:,} transactions, writer {rp['load_s']:.0f} s; CPU {rp['cpu_s']:.0f} s, "
                f"parse processes {rp.get('children_cpu_s', 0):.0f} s)", "< 60 s", rp["wall_s"] < 60, rp["load"])
    sr = res.get("search")
    if sr:
        row(f"full-text search, in process: `countyreports search` for 20 phrases of 2–8 characters, --limit "
            f"{sr['limit']} ({sr['reports']:,} active reports, {sr['sentences']:,} sentences, every copy scanned)",
            f"median {sr['ours_median_ms']:.0f} ms, slowest {sr['ours_max_ms']:.0f} ms (each phrase the median of "
            f"{sr['rounds']} runs)", "median ≤ 300 ms", sr["ours_median_ms"] <= 300, sr["load"])
        row("… a plain `LIKE '%phrase%'` scan of the same reports' clean_text, same phrases",
            f"median {sr['like_median_ms']:.0f} ms, slowest {sr['like_max_ms']:.0f} ms (no fold, no sentences, "
            "no ranking)", "", None, sr["load"])
        row("… end to end: the `countyreports search PHRASE --limit 50 --format csv` command, a fresh process",
            f"median {sr['cli_median_s']:.2f} s over {len(sr['cli_s'])} phrases", "", None, sr["load"])
    for item in (res.get("startup") or {}).get("rows", []):
        row(item["name"], item["value"], item.get("target", ""), item.get("ok"), item.get("load"))
    h = res.get("hostile")
    for key, case in (h or {}).get("cases", {}).items():
        sc = case["scales"]
        one = sc["1"]
        if one.get("cpu_s") is None:
            row(f"hostile input, growth with size: {case['what']}", f"1×: {one.get('error')}", "linear", False, h["load"])
            continue
        ratios = [sc[k]["cpu_s"] / one["cpu_s"] if sc[k].get("cpu_s") is not None else None for k in ("4", "16")]
        said = "; ".join(f"{k}× ({sc[k]['bytes'] / 1024:,.0f} KiB) " + (f"{r:.1f}×" if r is not None else
                                                                        str(sc[k].get("error")))
                         for k, r in zip(("4", "16"), ratios, strict=True))
        linear = all(r is not None and r <= 1.5 * int(k) for k, r in zip(("4", "16"), ratios, strict=True))
        caps = sorted({c for v in sc.values() for c in v.get("truncated") or []})
        row(f"hostile input, growth with size: {case['what']}",
            f"1× ({one['bytes'] / 1024:,.0f} KiB) {one['cpu_s'] * 1000:,.1f} ms; {said}"
            + (f" ({', '.join(caps)})" if caps else ""), "≈ 4×, ≈ 16× (linear)", linear, h["load"])
    pf = res.get("prefect")
    if pf is None:
        row("Prefect overhead", "not measured (no bench_prefect.py found)" if not args.skip_prefect
            else "skipped (--skip-prefect)")
    else:
        for item in pf.get("rows", []):
            row(item["name"], item["value"], item.get("target", ""), item.get("ok"), item.get("load"))
    out = ["| figure | measured | target | met | load avg 1 min (start→end) |", "|---|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=68)
    ap.add_argument("--workers", type=int, default=32, help="counties crawled in parallel (Settings.workers)")
    ap.add_argument("--parse-processes", type=int, default=2, help="Settings.parse_processes")
    ap.add_argument("--crawl-processes", type=int, default=2,
                    help="Settings.crawl_processes (first harvest and re-run; 0: crawl threads in the harvest process)")
    ap.add_argument("--load-batch", type=int, default=64, help="Settings.load_batch")
    ap.add_argument("--prefect-copies", type=int, default=10, help="clones for the Prefect comparison")
    ap.add_argument("--skip-parse", action="store_true", help="no parse-throughput runs (needs the bench extra)")
    ap.add_argument("--skip-delay", action="store_true", help="no measured default-delay subset")
    ap.add_argument("--skip-replay", action="store_true", help="no replay-portal-alone run")
    ap.add_argument("--skip-prefect", action="store_true")
    ap.add_argument("--skip-startup", action="store_true", help="no start-up figures (bench/startup_bench.py)")
    ap.add_argument("--json", type=Path, default=None, help="also write every raw figure here")
    args = ap.parse_args()
    m = machine()
    work = BENCH_DIR / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    res: dict[str, Any] = {"machine": m}

    snapshot = big_snapshot(args.copies)
    with (snapshot / "counties.csv").open(encoding="utf-8") as fh:
        counties = sum(1 for _ in fh) - 1
    with (snapshot / "manifest.jsonl").open(encoding="utf-8") as fh:
        entries = sum(1 for _ in fh)
    size = sum(p.stat().st_size for p in snapshot.rglob("*") if p.is_file())
    res["snapshot"] = {"counties": counties, "entries": entries, "gib": size / 2**30}

    if not args.skip_parse:
        say("parse throughput")
        res["parse"] = run_child([str(HERE / "parse_bench.py")], work / "parse.json")
        say("hostile inputs: time as a page grows")
        res["hostile"] = run_child([str(HERE / "hostile_bench.py")], work / "hostile.json")
        say("parse throughput, the pure-Python read path")
        res["parse_pure"] = run_child([str(HERE / "parse_bench.py"), "--ours-only"], work / "parse_pure.json",
                                      extra_env={"COUNTYREPORTS_PURE": "1"})

    db = work / "harvest" / "bench.duckdb"
    log = work / "requests.jsonl"
    common = ["--snapshot", str(snapshot), "--db", str(db), "--workers", str(args.workers),
              "--parse-processes", str(args.parse_processes), "--crawl-processes", str(args.crawl_processes),
              "--load-batch", str(args.load_batch)]
    with portal(snapshot, log) as (url, pid):
        say(f"first harvest of {counties} counties through {url}")
        res["first"] = run_child([str(HERE / "harvest_bench.py"), *common, "--proxy", url,
                                  "--portal-pid", str(pid), "--phase", "first"], work / "first.json")
    first_log = work / "requests_first.jsonl"
    log.rename(first_log)
    if not args.skip_replay:
        say("replay portal alone, same request log")
        res["replay"] = run_child([str(HERE / "replay_bench.py"), "--snapshot", str(snapshot), "--log",
                                   str(first_log), "--threads", "64"], work / "replay.json")
    with portal(snapshot, log) as (url, pid):
        say("unchanged re-run")
        res["rerun"] = run_child([str(HERE / "harvest_bench.py"), *common, "--proxy", url,
                                  "--portal-pid", str(pid), "--phase", "rerun"], work / "rerun.json")
    say("re-parse from the raw archive")
    res["reparse"] = run_child([str(HERE / "harvest_bench.py"), *common, "--proxy", "http://127.0.0.1:9",
                                "--phase", "reparse"], work / "reparse.json")
    say("re-parse after a parser change: every report rewritten")
    res["reparse_all"] = run_child([str(HERE / "harvest_bench.py"), *common, "--proxy", "http://127.0.0.1:9",
                                    "--phase", "reparse-all"], work / "reparse_all.json")

    say("full-text search")
    res["search"] = run_child([str(HERE / "search_bench.py"), "--db", str(db)], work / "search.json")

    timings = county_timings(db, res["first"]["run_id"])
    originals = {a for a, _n, _s in timings if not a.startswith("9")}
    res["delay"] = {"estimate_s": delay_estimate(timings, DEFAULT_DELAY_S, args.workers),
                    "subset_estimate_s": delay_estimate(timings, DEFAULT_DELAY_S, args.workers, originals),
                    "workers": args.workers, "subset_s": float("nan"), "load": None}
    if not args.skip_delay:
        subset = work / "originals.txt"
        subset.write_text("\n".join(sorted(originals)))
        with portal(snapshot) as (url, pid):
            say(f"default delay on the {len(originals)} original counties")
            d = run_child([str(HERE / "harvest_bench.py"), "--snapshot", str(snapshot), "--db",
                           str(work / "delay" / "delay.duckdb"), "--workers", str(args.workers),
                           "--parse-processes", str(args.parse_processes), "--crawl-processes",
                           str(args.crawl_processes), "--load-batch", str(args.load_batch),
                           "--proxy", url, "--phase", "first", "--min-delay", str(DEFAULT_DELAY_S),
                           "--counties", str(subset)], work / "delay.json")
        res["delay"].update(subset_s=d["wall_s"], load=d["load"])

    if not args.skip_prefect:
        res["prefect"] = prefect_figures(args, work)
    if not args.skip_startup:
        say("the first ten minutes: bad input, one-off start-up")
        res["startup"] = run_child([str(HERE / "startup_bench.py")], work / "startup.json")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    print(table(m, res, args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
