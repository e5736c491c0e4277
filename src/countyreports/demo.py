"""`make demo`: replay the bundled snapshot, harvest every county through it, print a comparison table.

Runs the real parts as a user would: the replay portal in its own process (`replay.portal_process`, what
`countyreports portal serve` runs),
the harvest flow (`countyreports harvest --proxy ...`, real Prefect, real DuckDB), a read-only query.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from countyreports.errors import SnapshotError
from countyreports.replay import portal_process

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
    try:
        with portal_process(args.snapshot, epoch=args.epoch, port=args.port, env=env) as (url, _proc):
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
            print(f"\nwarehouse: {Path(args.db).resolve()}  "
                  f"(query it: countyreports sql \"...\" --db {args.db})")
    except SnapshotError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
