"""Measure discovery on a recorded portal snapshot through the CLI only: per family P/R, requests per county.

    .venv/bin/python tests/tools/measure_discovery.py --snapshot tests/fixtures/families \
        --registry tests/fixtures/families/counties.csv [--port 8930] [--runs 2] [--workdir DIR] [--json OUT]

Steps, each a `countyreports` command (the commands stay stable while the package is reorganised):

1. `countyreports portal serve --snapshot S --epoch 1 --port P` (in the background);
2. `countyreports harvest --registry R --db DB --proxy http://127.0.0.1:P --min-delay 0 --allow-unlisted`,
   `--runs` times into the same database (run 1: the first harvest; run 2: an unchanged re-run);
3. `countyreports eval --snapshot S --db DB --json`;
4. `countyreports sql ... --format json` for the per-run and per-county request counters (`runs`,
   `county_runs`) and the warehouse's report ids.

Prints discovery precision/recall per family and overall (a family is the registry's `family` column, else
the gold reports' `family`/`template` label of the county), requests per county on each run, and one line per
county (outcome, reports found / gold, requests, the error of a county not ok). The environment gets
DO_NOT_TRACK=1, PREFECT_SERVER_ANALYTICS_ENABLED=false and COUNTYREPORTS_RAW_DIR inside the work folder.
Nothing is changed outside the work folder (a temporary one unless --workdir).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = str(ROOT / ".venv" / "bin" / "countyreports")


def _env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "COUNTYREPORTS_RAW_DIR": str(workdir / "raw")})
    return env


def _wait_port(port: int, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"portal exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"portal not listening on {port} after {timeout:.0f}s")


def _run(args: list[str], env: dict[str, str], log: Path) -> str:
    with log.open("a", encoding="utf-8") as fh:
        fh.write(f"$ {' '.join(args)}\n")
        proc = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
        fh.write(proc.stdout + proc.stderr)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed ({proc.returncode}); see {log}")
    return proc.stdout


def _sql(query: str, db: Path, env: dict[str, str], log: Path) -> list[dict]:
    out = _run([CLI, "sql", query, "--db", str(db), "--format", "json"], env, log)
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]  # one JSON object a line


def _families(snapshot: Path, registry: Path) -> dict[str, str]:
    fam: dict[str, str] = {}
    with registry.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            if row.get("family"):
                fam[row["adcode"]] = row["family"]
    with (snapshot / "gold" / "reports.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            fam.setdefault(r["adcode"], r.get("family") or r.get("template") or "unknown")
    return fam


def _gold(snapshot: Path, epoch: int) -> dict[str, str]:
    out: dict[str, str] = {}
    with (snapshot / "gold" / "reports.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if epoch in r["epochs"]:
                out[r["report_id"]] = r["adcode"]
    return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def measure(snapshot: Path, registry: Path, port: int, runs: int, workdir: Path, epoch: int) -> dict:
    env = _env(workdir)
    log = workdir / "commands.log"
    db = workdir / "warehouse.duckdb"
    for old in (db, log, workdir / "portal.jsonl", workdir / "warehouse.duckdb.wal"):  # what this script made
        old.unlink(missing_ok=True)
    if (workdir / "raw").exists():
        shutil.rmtree(workdir / "raw")
    portal = subprocess.Popen([CLI, "portal", "serve", "--snapshot", str(snapshot), "--epoch", str(epoch),
                               "--port", str(port), "--log", str(workdir / "portal.jsonl")],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_port(port, portal)
        for _ in range(runs):
            _run([CLI, "harvest", "--registry", str(registry), "--db", str(db), "--proxy", f"http://127.0.0.1:{port}",
                  "--min-delay", "0", "--allow-unlisted"], env, log)
    finally:
        portal.terminate()
        try:
            portal.wait(timeout=20)
        except subprocess.TimeoutExpired:
            portal.kill()
    out = _run([CLI, "eval", "--snapshot", str(snapshot), "--db", str(db), "--epoch", str(epoch), "--json"], env, log)
    ev = json.loads(out[out.find("{"):])
    run_rows = _sql("SELECT run_id, counties_total, counties_ok, counties_failed, counties_empty, requests, "
                    "not_modified, bodies_downloaded FROM runs ORDER BY started_at", db, env, log)
    county_rows = _sql("SELECT run_id, adcode, county, outcome, error, column_url, reports_found, requests "
                       "FROM county_runs", db, env, log)
    found_rows = _sql("SELECT report_id, adcode FROM reports", db, env, log)
    fam = _families(snapshot, registry)
    gold = _gold(snapshot, epoch)
    disc = ev["discovery"]
    missing, spurious = set(disc["missing"]), set(disc["spurious"])
    found = set(gold) - missing
    per_family: dict[str, dict] = {}
    for f in sorted(set(fam.values())):
        g = {r for r, a in gold.items() if fam.get(a) == f}
        tp = len(g & found)
        fp = len({r for r in spurious if fam.get(r.rsplit("-", 1)[0]) == f})
        fn = len(g & missing)
        p, r = _prf(tp, fp, fn)
        per_family[f] = {"counties": sum(1 for a in fam.values() if a == f), "gold": len(g), "found": tp,
                         "spurious": fp, "precision": p, "recall": r,
                         "missing": sorted(g & missing)}
    run_ids = [r["run_id"] for r in run_rows]
    per_county: dict[str, dict] = defaultdict(dict)
    for row in county_rows:
        i = run_ids.index(row["run_id"]) + 1
        c = per_county[row["adcode"]]
        c.update({"county": row["county"], "family": fam.get(row["adcode"], "?")})
        c[f"run{i}"] = {k: row[k] for k in ("outcome", "error", "column_url", "reports_found", "requests")}
    for a, c in per_county.items():
        c["gold"] = sum(1 for x in gold.values() if x == a)
        c["found"] = sum(1 for r in found if gold[r] == a)
    runs_out = []
    for i, r in enumerate(run_rows, start=1):
        n = r["counties_total"] or 1
        fam_req: dict[str, list[int]] = defaultdict(list)
        for row in county_rows:
            if row["run_id"] == r["run_id"]:
                fam_req[fam.get(row["adcode"], "?")].append(row["requests"] or 0)
        runs_out.append({**r, "requests_per_county": r["requests"] / n,
                         "county_requests_per_county_by_family": {f: sum(v) / len(v) for f, v in sorted(fam_req.items())}})
    p, rc = disc["prf"]["precision"], disc["prf"]["recall"]
    return {"snapshot": str(snapshot), "registry": str(registry), "overall": {
        "gold": len(gold), "found": len(found), "spurious": len(spurious), "precision": p, "recall": rc},
        "families": per_family, "runs": runs_out, "counties": dict(sorted(per_county.items())),
        "warehouse_reports": len(found_rows), "metrics": {k: v for k, v in ev.get("metrics", {}).items()
                                                          if "/" not in k}}


def report(res: dict) -> str:
    L = [f"snapshot {res['snapshot']}  registry {res['registry']}", ""]
    o = res["overall"]
    L.append(f"discovery overall: P {o['precision']:.3f}  R {o['recall']:.3f}  ({o['found']}/{o['gold']} found, "
             f"{o['spurious']} spurious)")
    L.append("")
    L.append(f"{'family':<10} {'counties':>8} {'gold':>5} {'found':>5} {'spur':>5} {'P':>6} {'R':>6}")
    for f, d in res["families"].items():
        L.append(f"{f:<10} {d['counties']:>8} {d['gold']:>5} {d['found']:>5} {d['spurious']:>5} "
                 f"{d['precision']:6.3f} {d['recall']:6.3f}")
    L.append("")
    for i, r in enumerate(res["runs"], start=1):
        L.append(f"run {i}: {r['counties_total']} counties (ok {r['counties_ok']}, failed {r['counties_failed']}, "
                 f"empty {r['counties_empty']}), {r['requests']} requests = {r['requests_per_county']:.2f}/county "
                 f"(304: {r['not_modified']}, bodies {r['bodies_downloaded']})")
        L.append("   county_runs.requests per county by family: " + ", ".join(
            f"{f} {v:.2f}" for f, v in r["county_requests_per_county_by_family"].items()))
    L.append("")
    L.append(f"{'adcode':<7} {'county':<10} {'family':<9} {'found':>7} {'req1':>5} {'req2':>5}  outcome / error / column")
    for a, c in res["counties"].items():
        r1, r2 = c.get("run1", {}), c.get("run2", {})
        err = r1.get("error") or ""
        L.append(f"{a:<7} {c['county']:<10} {c['family']:<9} {c['found']:>3}/{c['gold']:<3} "
                 f"{r1.get('requests', 0):>5} {r2.get('requests', '-')!s:>5}  {r1.get('outcome')} {err} "
                 f"{r1.get('column_url') or ''}")
    m = res["metrics"]
    keys = ("indicator_f1", "section_f1", "clean_text_cer", "published_date_accuracy", "report_year_accuracy",
            "title_accuracy", "url_accuracy")
    L.append("")
    L.append("other metrics: " + ", ".join(f"{k} {m[k]:.3f}" for k in keys if isinstance(m.get(k), (int, float))))
    return "\n".join(L)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--snapshot", type=Path, required=True)
    ap.add_argument("--registry", type=Path, required=True)
    ap.add_argument("--port", type=int, default=8930)
    ap.add_argument("--runs", type=int, default=2, help="harvests into the same database (default 2)")
    ap.add_argument("--epoch", type=int, default=1)
    ap.add_argument("--workdir", type=Path, help="keep the database, raw archive and logs here")
    ap.add_argument("--json", type=Path, help="also write the full result as JSON")
    args = ap.parse_args(argv)
    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="measure_discovery_")
        workdir = Path(tmp.name)
    else:
        workdir = args.workdir
        workdir.mkdir(parents=True, exist_ok=True)
    try:
        res = measure(args.snapshot.resolve(), args.registry.resolve(), args.port, args.runs, workdir, args.epoch)
    finally:
        if tmp is not None:
            tmp.cleanup()
    print(report(res))
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
