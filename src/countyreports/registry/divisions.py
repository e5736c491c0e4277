"""The national list of county-level divisions shipped with the package (``data/divisions.csv``).

The file is a registry-shaped CSV (``adcode,province,prefecture,county,homepage,kind``, its homepages empty)
preceded by ``#`` comment lines that give its source and date; `tests/tools/build_divisions.py` builds it (see the
README). `load_divisions()` reads it once per process and gives each division its portal's homepage from
``data/portals.csv`` (`countyreports.registry.portals`).
"""

from __future__ import annotations

import csv
import functools
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from countyreports.models import County
from countyreports.registry.portals import load_portals

DATA_FILE = "divisions.csv"


def norm_name(name: str) -> str:
    """A name as compared with the national list: NFKC, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", name).split())


@dataclass(frozen=True, slots=True)
class Division:
    adcode: str
    province: str
    prefecture: str
    county: str
    kind: str  # 县, 市辖区, 县级市, 自治县, 旗, 自治旗, 特区, 林区
    homepage: str = ""

    @property
    def prefecture_code(self) -> str:
        return self.adcode[:4] + "00"

    @property
    def province_code(self) -> str:
        return self.adcode[:2] + "0000"

    def as_county(self, homepage: str | None = None) -> County:
        return County(self.adcode, self.province, self.prefecture, self.county,
                      self.homepage if homepage is None else homepage)


class Divisions:
    """The national list: lookup by code, by name, by province."""

    def __init__(self, divisions: tuple[Division, ...], source: str = "", notes: tuple[str, ...] = ()) -> None:
        self.divisions = divisions
        self.source = source
        self.notes = notes
        self._by_code = {d.adcode: d for d in divisions}
        self._by_name: dict[str, list[Division]] = {}
        for d in divisions:
            self._by_name.setdefault(norm_name(d.county), []).append(d)

    def __len__(self) -> int:
        return len(self.divisions)

    def __iter__(self) -> Iterator[Division]:
        return iter(self.divisions)

    def __contains__(self, adcode: object) -> bool:
        return adcode in self._by_code

    def get(self, adcode: str) -> Division | None:
        return self._by_code.get(adcode)

    def by_name(self, name: str) -> tuple[Division, ...]:
        return tuple(self._by_name.get(norm_name(name), ()))

    def provinces(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.province for d in self.divisions))

    def in_province(self, province: str) -> tuple[Division, ...]:
        """Divisions of a province given by full name (山西省) or its start (山西), or a 2-digit code prefix."""
        p = norm_name(province)
        exact = tuple(d for d in self.divisions if d.province == p)
        if exact:
            return exact
        if p.isdigit():
            return tuple(d for d in self.divisions if d.adcode.startswith(p))
        return tuple(d for d in self.divisions if d.province.startswith(p)) if p else ()


def parse_divisions(text: str, source: str = "") -> Divisions:
    notes = tuple(line[1:].strip() for line in text.lstrip("\ufeff").splitlines() if line.startswith("#"))
    body = "\n".join(line for line in text.lstrip("\ufeff").splitlines() if not line.startswith("#"))
    rows = csv.DictReader(io.StringIO(body))
    out = tuple(Division(adcode=r["adcode"], province=r["province"], prefecture=r["prefecture"],
                         county=r["county"], kind=r.get("kind") or "", homepage=r.get("homepage") or "")
                for r in rows)
    return Divisions(out, source, notes)


def data_path() -> Path:
    return Path(str(resources.files("countyreports.registry") / "data" / DATA_FILE))


@functools.lru_cache(maxsize=4)
def load_divisions(path: str | None = None) -> Divisions:
    """The bundled national list, each division with its portal's homepage (`portals`), or the list in `path`
    (same format, its own homepages). Cached."""
    p = Path(path) if path else data_path()
    divisions = parse_divisions(p.read_text(encoding="utf-8"), str(p))
    if path:
        return divisions
    homes = load_portals()
    return Divisions(tuple(replace(d, homepage=homes[d.adcode].homepage) if d.adcode in homes else d
                           for d in divisions), divisions.source, divisions.notes)
