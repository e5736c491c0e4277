"""`countyreports parse` on every case of the hostile corpus, one file per run, each capped: wall time, peak RSS of
the whole process tree (the command and any child it starts, summed, sampled every 20 ms), exit status, and what
the JSON line says (error, noise labels, counts).

    python tests/tools/measure_hostile.py [--as-cap 6000000000] [--timeout 60] [--scale 1] [CASE...]

Every run is capped (`prlimit --as`, `timeout`): a case that would eat the machine ends with a MemoryError or
the timeout instead, and the table says so. Results as a markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from countyreports.sandbox.budget import tree_resident_bytes  # noqa: E402
from hostile_corpus import CASES, make  # noqa: E402

CLI = ROOT / ".venv" / "bin" / "countyreports"


def run(path: Path, as_cap: int, timeout: float) -> dict[str, object]:
    cmd = ["prlimit", f"--as={as_cap}", "timeout", "--signal=KILL", str(timeout), str(CLI), "parse", str(path)]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "DO_NOT_TRACK": "1"})
    peak = 0
    out_chunks: list[bytes] = []
    import threading

    def reader() -> None:
        assert proc.stdout is not None
        out_chunks.append(proc.stdout.read())

    th = threading.Thread(target=reader)
    th.start()
    while proc.poll() is None:
        peak = max(peak, tree_resident_bytes(proc.pid) // 1024)
        time.sleep(0.02)
    th.join()
    wall = time.monotonic() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    out = b"".join(out_chunks).decode("utf-8", "replace")
    line: dict[str, object] = {}
    if out.strip():
        try:
            line = json.loads(out.splitlines()[0])
        except json.JSONDecodeError:
            line = {"unparsable": out[:100]}
    rc = proc.returncode
    status = {124: "timeout", -9: "killed (timeout)", 137: "killed (timeout)", -11: "SIGSEGV", 139: "SIGSEGV"}.get(
        rc, f"exit {rc}")
    if "MemoryError" in err or "MemoryError" in out:
        status += " MemoryError"
    return {"wall_s": wall, "peak_mib": peak / 1024, "status": status, "line": line, "out_bytes": len(out),
            "stderr": err.strip().splitlines()[-1][:120] if err.strip() else ""}


def summary(line: dict[str, object]) -> str:
    if not line:
        return "no JSON line"
    if "error" in line:
        return f"error: {str(line['error'])[:90]}"
    parts = [f"{len(line.get('sections', []))} sections",  # type: ignore[arg-type]
             f"{len(line.get('indicators', []))} indicators",  # type: ignore[arg-type]
             f"{len(line.get('mentions', []))} mentions"]  # type: ignore[arg-type]
    noise = [n for n in line.get("noise", []) if n.startswith(("truncated", "refused"))]  # type: ignore[union-attr]
    if noise:
        parts.append("; ".join(noise))
    return ", ".join(parts)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--as-cap", type=int, default=6_000_000_000, help="address-space cap of each run (bytes)")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--json", type=Path, help="write the raw results here too")
    ap.add_argument("cases", nargs="*")
    args = ap.parse_args(argv)
    results = {}
    print(f"| case | size | wall s | peak RSS MiB (tree) | status | JSON line |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.cases or CASES:
            path = Path(tmp) / name
            path.write_bytes(make(name, args.scale))
            r = run(path, args.as_cap, args.timeout)
            results[name] = {**r, "size": path.stat().st_size}
            print(f"| {name} | {path.stat().st_size:,} | {r['wall_s']:.1f} | {r['peak_mib']:.0f} | {r['status']} | "
                  f"{summary(r['line'])} |", flush=True)  # type: ignore[arg-type]
            path.unlink()
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, default=str, indent=1))


if __name__ == "__main__":
    main()
