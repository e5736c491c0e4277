"""The county registry: a CSV of ``adcode,province,prefecture,county,homepage`` (UTF-8, header row).

`read_registry` never stops on a bad row: each is returned as a `RegistryProblem` (line number and reason) and
the good rows go on. A file that is not a registry at all (not CSV, wrong columns) raises `RegistryError`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from countyreports.errors import RegistryError
from countyreports.models import County

COLUMNS = ("adcode", "province", "prefecture", "county", "homepage")
_ADCODE = re.compile(r"^[1-9]\d{5}$")


@dataclass(frozen=True, slots=True)
class RegistryProblem:
    line: int
    adcode: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}" + (f" ({self.adcode})" if self.adcode else "")


@dataclass(frozen=True, slots=True)
class Registry:
    counties: tuple[County, ...]
    problems: tuple[RegistryProblem, ...]
    no_homepage: tuple[County, ...] = ()


def _row_problem(row: dict[str, str], seen: set[str]) -> str | None:
    adcode = row["adcode"]
    if not _ADCODE.match(adcode):
        return f"malformed adcode {adcode!r} (6 digits expected)"
    if adcode in seen:
        return f"duplicate adcode {adcode}"
    if not row["county"]:
        return "empty county name"
    url = row["homepage"]
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return f"homepage {url!r}: scheme must be http or https"
        if not parts.hostname or "." not in parts.hostname:
            return f"malformed homepage URL {url!r}"
    return None


def parse_registry(text: str, source: str = "<registry>") -> Registry:
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise RegistryError(f"{source}: empty or not a CSV file") from exc
    header = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise RegistryError(
            f"{source}: not a county registry: missing column(s) {', '.join(missing)}; "
            f"expected header {','.join(COLUMNS)}")
    idx = {c: header.index(c) for c in COLUMNS}
    counties: list[County] = []
    problems: list[RegistryProblem] = []
    no_home: list[County] = []
    seen: set[str] = set()
    try:
        for lineno, cells in enumerate(reader, start=2):
            if not cells or all(not c.strip() for c in cells):
                continue
            if len(cells) < len(header):
                problems.append(RegistryProblem(lineno, cells[0].strip() if cells else "",
                                                f"{len(cells)} fields, {len(header)} expected"))
                continue
            row = {c: cells[i].strip() for c, i in idx.items()}
            reason = _row_problem(row, seen)
            if reason:
                problems.append(RegistryProblem(lineno, row["adcode"], reason))
                continue
            seen.add(row["adcode"])
            county = County(**row)
            (counties if county.homepage else no_home).append(county)
    except csv.Error as exc:
        raise RegistryError(f"{source}: not a valid CSV file ({exc})") from exc
    return Registry(tuple(counties), tuple(problems), tuple(no_home))


def read_registry(path: Path | str) -> Registry:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RegistryError(f"cannot read registry {path}: {exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RegistryError(f"{path}: not a UTF-8 text file") from exc
    return parse_registry(text, str(path))
