"""Dev tool: (re)build src/countyreports/text/data/prose_chars.txt.

The file lists the CJK characters seen in clean government prose (here: every gold
`clean_text`, including older versions), most frequent first. The mojibake detector
uses it as its "core vocabulary" tier; GB2312 level 1 is the second tier, so the list
only needs to be representative, not complete. Rebuild it from a larger corpus of
harvested clean reports when one is available:

    .venv/bin/python tests/tools/build_prose_chars.py [reports.jsonl ...]
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "tests" / "fixtures" / "portal" / "gold" / "reports.jsonl"
OUT = ROOT / "src" / "countyreports" / "text" / "data" / "prose_chars.txt"


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [DEFAULT]
    counts: collections.Counter[str] = collections.Counter()
    for path in paths:
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            texts = [r.get("clean_text") or ""] + [v.get("clean_text") or "" for v in r.get("versions", [])]
            for t in texts:
                counts.update(c for c in t if "\u3400" <= c <= "\u9fff")
    chars = [c for c, n in counts.most_common() if n >= 2]
    header = "# CJK characters of clean government prose, most frequent first (tests/tools/build_prose_chars.py)\n"
    body = "\n".join("".join(chars[i : i + 50]) for i in range(0, len(chars), 50))
    OUT.write_text(header + body + "\n", encoding="utf-8")
    print(f"{len(chars)} characters -> {OUT}")


if __name__ == "__main__":
    main()
