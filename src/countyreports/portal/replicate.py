"""Make a bigger copy of a portal snapshot for load tests and the benchmark (`make bench`).

Every county site is cloned N times under a new host name (``c001-www.example.gov.cn``, ``c002-…``) and a
new, invented division code (``9xxxxx``, outside the national list); URLs in the manifest, hosts and site
codes (网站标识码) inside response bodies, ``counties.csv`` and the gold files are rewritten to match.
Off-site hosts (``gold/http.json`` ``offsite_urls``) are kept as they are, once. Bodies that do not change
are shared, not copied. The output has the same format as the source (see
``tests/fixtures/portal/README.md``) and is byte-for-byte what the snapshot's own ``replicate.py`` writes.

    python -m countyreports.portal.replicate --src tests/fixtures/portal --out /tmp/portal_x10 --copies 10
        [--no-original] [--jobs N]

Clones are independent, so they are built in ``--jobs`` processes (default: the CPU count) and written in
order. Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["replicate", "main"]

KEEP_TEXT_FIELDS = ("clean_text", "title", "surface")  # gold fields that quote the page text verbatim


def host_of(url: str) -> str:
    return urlsplit(url).hostname or ""


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@dataclass(frozen=True)
class Source:
    """The snapshot being copied, read once."""

    root: Path
    manifest: list[dict[str, Any]]
    counties: list[dict[str, str]]
    gold: dict[str, list[dict[str, Any]]]
    epochs: dict[str, Any]
    http: dict[str, Any]
    offsite: frozenset[str]
    hosts: list[str]  # county hosts, longest first (so a longer host wins the regex alternation)

    @classmethod
    def read(cls, root: Path) -> Source:
        manifest = _read_jsonl(root / "manifest.jsonl")
        http = json.loads((root / "gold" / "http.json").read_text(encoding="utf-8"))
        offsite = frozenset(host_of(u) for u in http.get("offsite_urls", []))
        hosts = sorted({host_of(m["url"]) for m in manifest} - offsite, key=len, reverse=True)
        with (root / "counties.csv").open(encoding="utf-8") as fh:
            counties = list(csv.DictReader(fh))
        gold = {name: _read_jsonl(root / "gold" / name) for name in ("reports.jsonl", "pages.jsonl")}
        epochs = json.loads((root / "gold" / "epochs.json").read_text(encoding="utf-8"))
        return cls(root, manifest, counties, gold, epochs, http, offsite, hosts)


@dataclass
class CloneOut:
    """What one clone (or the originals, clone 0) adds to the output, in source order."""

    counties: list[dict[str, str]] = field(default_factory=list)
    manifest: list[dict[str, Any]] = field(default_factory=list)
    gold: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {"reports.jsonl": [], "pages.jsonl": []})
    epochs: dict[str, list[Any]] = field(default_factory=dict)
    http: dict[str, list[Any]] = field(default_factory=dict)


def _copy_body(src: Path, out: Path, rel: str) -> None:
    dst = out / rel
    if not dst.exists():
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src / rel, dst)


def _clone(src: Source, out: Path, copy: int, first_code: int, with_offsite: bool) -> CloneOut:
    """Clone every county once (copy 0: the originals, unchanged) and write the changed bodies."""
    pre = "" if copy == 0 else "c%03d-" % copy
    pat_s = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(h) for h in src.hosts) + r")(?![\w-])")
    pat_b = re.compile(rb"(?<![\w.-])(" + b"|".join(re.escape(h.encode()) for h in src.hosts) + rb")(?![\w-])")

    def sub_s(s: str) -> str:
        return pat_s.sub(lambda m: pre + m.group(1), s) if pre else s

    res = CloneOut()
    adc: dict[str, str] = {}
    for i, row in enumerate(src.counties):
        code = row["adcode"]
        adc[code] = "9%05d" % (first_code + i) if copy else code
        res.counties.append(dict(row, adcode=adc[code], homepage=sub_s(row["homepage"])))

    def sub_obj(o: Any) -> Any:
        if isinstance(o, str):
            o = sub_s(o)
            for old, new in adc.items():
                if old != new and (o == old or o.startswith(old + "-")):
                    o = new + o[len(old):]
            return o
        if isinstance(o, list):
            return [sub_obj(x) for x in o]
        if isinstance(o, dict):
            return {k: (sub_obj(v) if k not in KEEP_TEXT_FIELDS else v) for k, v in o.items()}
        return o

    adc_b = {k.encode(): v.encode() for k, v in adc.items()}
    code_b = re.compile(rb"(?<!\d)(" + b"|".join(re.escape(k) for k in adc_b) + rb")(\d{4})(?!\d)")
    bodies: dict[str, tuple[str, bool]] = {}
    etags: dict[tuple[str, int], str | None] = {}
    for m in src.manifest:
        if host_of(m["url"]) in src.offsite:
            if with_offsite:
                res.manifest.append(m)
                if m["body"]:
                    _copy_body(src.root, out, m["body"])
            continue
        m2 = dict(m)
        m2["url"] = sub_s(m["url"])
        m2["headers"] = {k: sub_s(v) for k, v in m["headers"].items()}
        if m["body"]:
            if m["body"] not in bodies:
                data = (src.root / m["body"]).read_bytes()
                new = pat_b.sub(lambda x: pre.encode() + x.group(1), data) if pre else data
                if pre:
                    new = code_b.sub(lambda x: adc_b.get(x.group(1), x.group(1)) + x.group(2), new)
                if new == data:
                    bodies[m["body"]] = (m["body"], False)
                    _copy_body(src.root, out, m["body"])
                else:
                    h = hashlib.sha1(new).hexdigest()
                    ext = m["body"].rsplit(".", 1)[-1]
                    rel = "bodies/%s/%s.%s" % (h[:2], h, ext)
                    (out / "bodies" / h[:2]).mkdir(parents=True, exist_ok=True)
                    (out / rel).write_bytes(new)
                    bodies[m["body"]] = (rel, True)
            rel, changed = bodies[m["body"]]
            m2["body"] = rel
            if changed and "ETag" in m2["headers"]:
                m2["headers"]["ETag"] = '"%s"' % rel.rsplit("/", 1)[-1].split(".")[0][:16]
        for e in m2["epochs"]:
            etags[(m2["url"], e)] = m2["headers"].get("ETag")
        res.manifest.append(m2)
    for name, recs in src.gold.items():
        for rec in recs:
            r2 = sub_obj(rec)
            for v in r2.get("versions", []):
                url = r2.get("moved_to") if v["epoch"] == 2 and r2.get("moved_to") else r2["url"]
                v["etag"] = etags.get((url, v["epoch"]), v.get("etag"))
            res.gold[name].append(r2)
    res.epochs = {k: sub_obj(v) for k, v in src.epochs.items() if isinstance(v, list)}
    res.http = {k: sub_obj(v) for k, v in src.http.items() if isinstance(v, list) and k != "offsite_urls"}
    return res


def _clone_job(args: tuple[Path, Path, int, int, bool]) -> CloneOut:
    root, out, copy, first_code, with_offsite = args
    return _clone(Source.read(root), out, copy, first_code, with_offsite)


def replicate(src_dir: Path | str, out_dir: Path | str, copies: int, *, original: bool = True,
              jobs: int | None = None, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Write the bigger copy to `out_dir` (which must not exist); returns its counts."""
    src_root, out = Path(src_dir), Path(out_dir)
    if out.exists():
        raise FileExistsError(f"{out} exists")
    src = Source.read(src_root)
    (out / "bodies").mkdir(parents=True)
    (out / "gold").mkdir()
    order = ([0] if original else []) + list(range(1, copies + 1))
    n = len(src.counties)
    tasks = [(src_root, out, c, (c - 1) * n if c else 0, i == 0) for i, c in enumerate(order)]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks) or 1))
    results: list[CloneOut] = []
    if jobs == 1:
        for t in tasks:
            results.append(_clone_job(t))
            if progress:
                progress(f"clone {t[2]} done")
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for t, res in zip(tasks, pool.map(_clone_job, tasks), strict=True):
                results.append(res)
                if progress:
                    progress(f"clone {t[2]} done")
    _write(src, out, results)
    return {"counties": sum(len(r.counties) for r in results),
            "manifest_entries": sum(len(r.manifest) for r in results),
            "reports": sum(len(r.gold["reports.jsonl"]) for r in results)}


def _write(src: Source, out: Path, results: Sequence[CloneOut]) -> None:
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as fh:
        for r in results:
            for m in r.manifest:
                fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    with (out / "counties.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(src.counties[0].keys()))
        w.writeheader()
        for r in results:
            w.writerows(r.counties)
    for name in ("reports.jsonl", "pages.jsonl"):
        with (out / "gold" / name).open("w", encoding="utf-8") as fh:
            for r in results:
                for rec in r.gold[name]:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    epochs: dict[str, Any] = {k: ([] if isinstance(v, list) else v) for k, v in src.epochs.items()}
    http: dict[str, Any] = {k: ([] if isinstance(v, list) else v) for k, v in src.http.items()}
    http["offsite_urls"] = src.http.get("offsite_urls", [])
    for r in results:
        for k, v in r.epochs.items():
            epochs[k] += v
        for k, v in r.http.items():
            http[k] += v
    with (out / "gold" / "epochs.json").open("w", encoding="utf-8") as fh:
        json.dump(epochs, fh, ensure_ascii=False, indent=1)
    with (out / "gold" / "http.json").open("w", encoding="utf-8") as fh:
        json.dump(http, fh, ensure_ascii=False, indent=1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m countyreports.portal.replicate", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", required=True, help="snapshot folder (holds manifest.jsonl)")
    ap.add_argument("--out", required=True, help="new snapshot folder (must not exist)")
    ap.add_argument("--copies", type=int, default=5, help="clones of every county (default 5)")
    ap.add_argument("--no-original", action="store_true", help="leave the original sites out")
    ap.add_argument("--jobs", type=int, default=None, help="processes (default: CPU count)")
    a = ap.parse_args(argv)
    try:
        counts = replicate(a.src, a.out, a.copies, original=not a.no_original, jobs=a.jobs)
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("%(counties)d counties, %(manifest_entries)d manifest entries, %(reports)d report records"
          % counts + f" -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
