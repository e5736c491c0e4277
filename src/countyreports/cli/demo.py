"""`make demo`: replay a snapshot, harvest every county of its registry through it, print a comparison table.

    python -m countyreports.cli.demo --snapshot tests/fixtures/portal [--registry FILE] [--db PATH]

Runs the real parts as a user would: the replay portal in its own process (`portal.server.portal_process`,
what `countyreports portal serve` runs), the harvest flow (`countyreports harvest --registry
SNAPSHOT/counties.csv --proxy ...`, real Prefect, real DuckDB), a read-only query. The snapshot (and its
registry, `counties.csv` in it unless --registry) is named by the caller: the Makefile passes the bundled one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from countyreports.errors import SnapshotError
from countyreports.portal.server import portal_process

COMPARISON = """
PIVOT (SELECT county, report_year, value FROM compare_indicators
       WHERE indicator_code = 'admin_litigation_cases' AND report_year BETWEEN 2019 AND 2023)
ON report_year USING first(value)::BIGINT GROUP BY county ORDER BY county
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--snapshot", required=True, help="snapshot folder (the Makefile passes tests/fixtures/portal)")
    ap.add_argument("--registry", help="county registry CSV (default: counties.csv in the snapshot)")
    ap.add_argument("--db", default="warehouse/countyreports.duckdb")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--epoch", type=int, default=1)
    args = ap.parse_args(argv)
    registry = args.registry or str(Path(args.snapshot) / "counties.csv")
    exe = [sys.executable, "-m", "countyreports.cli"]
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    try:
        with portal_process(args.snapshot, epoch=args.epoch, port=args.port, env=env) as (url, _proc):
            print(f"replay portal {url} (snapshot {args.snapshot}, epoch {args.epoch})", flush=True)
            t0 = time.monotonic()
            subprocess.run([*exe, "harvest", "--registry", registry, "--db", args.db, "--proxy", url, "--min-delay", "0.05"],
                           check=True, env=env)
            print(f"harvest took {time.monotonic() - t0:.1f} s", flush=True)
            print("\nAdministrative litigation cases (admin_litigation_cases) by county and report year:")
            subprocess.run([*exe, "sql", COMPARISON, "--db", args.db], check=True, env=env)
            subprocess.run([*exe, "sql", "SELECT count(*) AS reports, count(DISTINCT adcode) AS counties, "
                            "min(report_year) AS first_year, max(report_year) AS last_year FROM reports "
                            "WHERE status = 'active'", "--db", args.db], check=True, env=env)
            print(f"\nwarehouse: {Path(args.db).resolve()}  "
                  f"(query it: countyreports sql \"...\" --db {args.db})")
    except SnapshotError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
