"""`make demo`: replay the bundled snapshot, harvest every county through it, print a comparison table.

Runs the real parts as a user would: the replay portal in its own process (`countyreports portal serve`),
the harvest flow (`countyreports harvest --proxy ...`, real Prefect, real DuckDB), a read-only query.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

COMPARISON = """
PIVOT (SELECT county, report_year, value FROM compare_indicators
       WHERE indicator_code = 'admin_litigation_cases' AND report_year BETWEEN 2019 AND 2023)
ON report_year USING first(value)::BIGINT GROUP BY county ORDER BY county
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--snapshot", default="tests/fixtures/portal")
    ap.add_argument("--db", default="warehouse/countyreports.duckdb")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--epoch", type=int, default=1)
    args = ap.parse_args(argv)
    exe = [sys.executable, "-m", "countyreports.cli"]
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    portal = subprocess.Popen([*exe, "portal", "serve", "--snapshot", args.snapshot, "--epoch",
                               str(args.epoch), "--port", str(args.port)],
                              stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert portal.stdout is not None
        line = portal.stdout.readline().strip()
        if not line.startswith("listening on "):
            print(f"replay portal did not start: {line!r}", file=sys.stderr)
            return 1
        url = line.removeprefix("listening on ")
        print(f"replay portal {url} (snapshot {args.snapshot}, epoch {args.epoch})", flush=True)
        t0 = time.monotonic()
        subprocess.run([*exe, "harvest", "--db", args.db, "--proxy", url, "--min-delay", "0.05"],
                       check=True, env=env)
        print(f"harvest took {time.monotonic() - t0:.1f} s", flush=True)
        print("\nAdministrative litigation cases (admin_litigation_cases) by county and report year:")
        subprocess.run([*exe, "sql", COMPARISON, "--db", args.db], check=True, env=env)
        subprocess.run([*exe, "sql", "SELECT count(*) AS reports, count(DISTINCT adcode) AS counties, "
                        "min(report_year) AS first_year, max(report_year) AS last_year FROM reports "
                        "WHERE status = 'active'", "--db", args.db], check=True, env=env)
        print(f"\nwarehouse: {Path(args.db).resolve()}  (query it: countyreports sql \"...\" --db {args.db})")
    finally:
        portal.terminate()
        try:
            portal.wait(timeout=10)
        except subprocess.TimeoutExpired:
            portal.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
