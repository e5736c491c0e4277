"""Every county's portal, shipped with the package (``data/portals.csv``): the national list's homepages.

One row per county-level division (the codes and names of ``data/divisions.csv``): its portal's homepage where
one is known (2,840 of 2,845), how an outside check answered it (``access``: ``direct``, ``protocol-switch`` —
only the other scheme answered, ``effective_url`` —, ``ua-mobile``, ``none``), the date of that check and a
``note`` on known problems (a homepage that is the prefecture's portal, a host listed for two counties). The
file's ``#`` header gives its source and date; keep it with the data.

`national_row` turns a row into what a harvest needs: the homepage to ask (a ``protocol-switch`` row's answering
URL first, its listed URL as the alternate) and the warning a flagged row deserves.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

DATA_FILE = "portals.csv"
NATIONAL = "national"  # `--registry national`: the national list with these homepages


@dataclass(frozen=True, slots=True)
class Portal:
    adcode: str
    homepage: str
    access: str = ""  # direct | protocol-switch | ua-mobile | none | "" (not checked)
    effective_url: str = ""
    checked: str = ""
    note: str = ""

    @property
    def homepages(self) -> tuple[str, ...]:
        """The URLs to ask, in order: the one that answered the check first."""
        if self.access == "protocol-switch" and self.effective_url:
            return tuple(dict.fromkeys((self.effective_url, self.homepage)))
        return (self.homepage,) if self.homepage else ()

    @property
    def warning(self) -> str | None:
        """Why a harvest should not trust this row blindly, or None."""
        if self.access == "none":
            return (f"homepage {self.homepage} did not answer an outside check on {self.checked or '?'}: dead, moved, "
                    "or refusing foreign addresses (try --proxy)")
        if self.access == "ua-mobile":
            return f"homepage {self.homepage} answered an outside check only to a mobile User-Agent"
        if self.note and self.homepage:
            return self.note
        return None


def parse_portals(text: str) -> dict[str, Portal]:
    body = "\n".join(line for line in text.lstrip("\ufeff").splitlines() if not line.startswith("#"))
    out: dict[str, Portal] = {}
    for r in csv.DictReader(io.StringIO(body)):
        out[r["adcode"]] = Portal(r["adcode"], (r.get("homepage") or "").strip(), (r.get("access") or "").strip(),
                                  (r.get("effective_url") or "").strip(), (r.get("checked") or "").strip(),
                                  (r.get("note") or "").strip())
    return out


def portals_path() -> Path:
    return Path(str(resources.files("countyreports.registry") / "data" / DATA_FILE))


@functools.lru_cache(maxsize=2)
def load_portals(path: str | None = None) -> dict[str, Portal]:
    """adcode → its portal, from the bundled list (or `path`, same format). Cached."""
    p = Path(path) if path else portals_path()
    return parse_portals(p.read_text(encoding="utf-8"))


def source_notes(path: str | None = None) -> tuple[str, ...]:
    p = Path(path) if path else portals_path()
    return tuple(line[1:].strip() for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
