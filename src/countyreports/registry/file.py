"""The county registry: a CSV of ``adcode,province,prefecture,county,homepage`` (UTF-8, header row).

Lines starting with ``#`` are comments; empty lines are skipped; extra columns are ignored.

`read_registry` never stops on a bad row: each is returned as a `RegistryProblem` (line number, reason and
kind) and the good rows go on. A file that is not a registry at all (binary, not UTF-8, not CSV, wrong
columns) raises `RegistryError`.

Rows are checked against the national list of county-level divisions (`countyreports.registry.divisions`, bundled)
unless ``national=None``: a code outside it is a bad row (``unknown_code``), a county name (or province) that is
not the code's name in the list is a bad row (``name_mismatch``). ``allow_unlisted=True`` lets codes outside the
list through (load-test snapshots made by replicate.py invent ``9xxxxx`` codes), each with a warning in
`Registry.warnings`. Rows without a homepage are good rows, listed in `Registry.no_homepage`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from countyreports.registry.divisions import Divisions, load_divisions, norm_name
from countyreports.registry.portals import NATIONAL, load_portals
from countyreports.errors import RegistryError
from countyreports.models import County

COLUMNS = ("adcode", "province", "prefecture", "county", "homepage")
OPTIONAL = ("column_url",)  # the county's report column, when known: asked before any search
_ADCODE = re.compile(r"^[1-9]\d{5}$")
_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", re.I)
_IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+-]*):(?!\d)", re.I)

BUNDLED: Literal["bundled"] = "bundled"


class ProblemKind(StrEnum):
    MALFORMED_ROW = "malformed_row"  # wrong number of fields
    MALFORMED_CODE = "malformed_code"  # not 6 digits
    UNKNOWN_CODE = "unknown_code"  # not in the national list
    DUPLICATE_CODE = "duplicate_code"
    NAME_MISMATCH = "name_mismatch"  # county (or province) name is not the code's name in the national list
    EMPTY_NAME = "empty_name"
    MALFORMED_URL = "malformed_url"
    BAD_SCHEME = "bad_scheme"  # homepage scheme other than http/https
    UNLISTED = "unlisted"  # warning only: code outside the national list, let through by allow_unlisted
    FLAGGED = "flagged"  # warning only: the shipped portal list flags the homepage (no answer, prefecture's …)
    CONFLICT = "conflict"  # import only: a different homepage is already in the registry


@dataclass(frozen=True, slots=True)
class RegistryProblem:
    line: int
    adcode: str
    reason: str
    kind: ProblemKind = ProblemKind.MALFORMED_ROW

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}" + (f" ({self.adcode})" if self.adcode else "")


@dataclass(frozen=True, slots=True)
class Registry:
    counties: tuple[County, ...]  # good rows with a homepage
    problems: tuple[RegistryProblem, ...]  # bad rows (skipped)
    no_homepage: tuple[County, ...] = ()  # good rows without a homepage (not crawlable, not an error)
    warnings: tuple[RegistryProblem, ...] = ()  # rows let through with a warning (kind UNLISTED)
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        good = len(self.counties) + len(self.no_homepage)
        text = (f"{good + len(self.problems)} rows: {good} good ({len(self.counties)} with a homepage, "
                f"{len(self.no_homepage)} without), {len(self.problems)} bad")
        if self.warnings:
            text += f", {len(self.warnings)} outside the national list (allowed)"
        return text


def url_problem(url: str) -> tuple[ProblemKind, str] | None:
    """Why a homepage URL is unusable, or None when it is a plausible http(s) URL."""
    if any(ch.isspace() for ch in url):
        return ProblemKind.MALFORMED_URL, f"malformed homepage URL {url!r} (contains spaces)"
    if "://" not in url:
        m = _SCHEME.match(url)
        if m and m.group(1).lower() not in ("http", "https"):
            return ProblemKind.BAD_SCHEME, f"homepage {url!r}: scheme must be http or https, not {m.group(1)!r}"
        if m:
            return ProblemKind.MALFORMED_URL, f"malformed homepage URL {url!r} (expected http://host/...)"
        return ProblemKind.MALFORMED_URL, f"malformed homepage URL {url!r} (no scheme: write http://{url})"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return ProblemKind.MALFORMED_URL, f"malformed homepage URL {url!r}"
    if parts.scheme.lower() not in ("http", "https"):
        return ProblemKind.BAD_SCHEME, f"homepage {url!r}: scheme must be http or https, not {parts.scheme!r}"
    try:
        ascii_host = host.encode("idna").decode("ascii") if host else ""
    except UnicodeError:
        ascii_host = ""
    if not ascii_host or not (_HOST.match(ascii_host) or _IPV4.match(ascii_host)) or ascii_host == "localhost":
        return ProblemKind.MALFORMED_URL, f"malformed homepage URL {url!r} (no valid host name)"
    return None


def _resolve_national(national: Divisions | None | Literal["bundled"]) -> Divisions | None:
    return load_divisions() if national == BUNDLED else national  # type: ignore[return-value]


def _check_row(row: dict[str, str], national: Divisions | None, allow_unlisted: bool
               ) -> tuple[ProblemKind, str] | tuple[None, str | None]:
    """(kind, reason) of a bad row; (None, warning-or-None) for a good row. Fills `row` from the list."""
    adcode = row["adcode"]
    if not _ADCODE.match(adcode):
        return ProblemKind.MALFORMED_CODE, f"malformed adcode {adcode!r} (6 digits expected)"
    warning = None
    if national is not None:
        div = national.get(adcode)
        if div is None:
            if not allow_unlisted:
                hint = ""
                same = national.by_name(row["county"]) if row["county"] else ()
                if same:
                    hint = "; " + ", ".join(f"{d.county} is {d.adcode}" for d in same[:3])
                return (ProblemKind.UNKNOWN_CODE,
                        f"unknown adcode {adcode}: not in the national list of county-level divisions{hint}")
            warning = f"adcode {adcode} is not in the national list (allowed by --allow-unlisted)"
        else:
            if not row["county"]:
                row["county"] = div.county
            if not row["province"]:
                row["province"] = div.province
            if not row["prefecture"]:
                row["prefecture"] = div.prefecture
            if norm_name(row["county"]) != norm_name(div.county):
                others = [d.adcode for d in national.by_name(row["county"])]
                hint = f"; {row['county']} is {', '.join(others)}" if others else ""
                return (ProblemKind.NAME_MISMATCH,
                        f"name/code mismatch: {adcode} is {div.county} in the national list, "
                        f"not {row['county']}{hint}")
            if norm_name(row["province"]) != norm_name(div.province):
                return (ProblemKind.NAME_MISMATCH,
                        f"name/code mismatch: {adcode} is in {div.province} in the national list, "
                        f"not {row['province']}")
    if not row["county"]:
        return ProblemKind.EMPTY_NAME, "empty county name"
    for url in (row["homepage"], row.get("column_url", "")):
        bad = url_problem(url) if url else None
        if bad:
            return bad[0], bad[1].replace("homepage", "column_url", 1) if url != row["homepage"] else bad[1]
    return None, warning


def _first_row(reader: csv.reader) -> list[str] | None:  # type: ignore[valid-type]
    for cells in reader:
        if not cells or all(not c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        return cells
    return None


def parse_registry(text: str, source: str = "<registry>", *,
                   national: Divisions | None | Literal["bundled"] = BUNDLED,
                   allow_unlisted: bool = False) -> Registry:
    """Parse registry text. `national`: the list to check rows against (default: the bundled one; None: no check)."""
    if "\x00" in text:
        raise RegistryError(f"{source}: a binary file, not a county registry (a UTF-8 CSV)")
    text = text.lstrip("\ufeff")
    nat = _resolve_national(national)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _first_row(reader)
    except csv.Error as exc:
        raise RegistryError(f"{source}: not a valid CSV file ({exc})") from exc
    if header is None:
        raise RegistryError(f"{source}: empty file, not a county registry")
    header = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        hint = ""
        if len(header) == 1 and any(sep in header[0] for sep in "\t;|"):
            hint = " (the columns must be separated by commas)"
        raise RegistryError(
            f"{source}: not a county registry: missing column(s) {', '.join(missing)}; "
            f"expected a header row {','.join(COLUMNS)}{hint}")
    idx = {c: header.index(c) for c in (*COLUMNS, *OPTIONAL) if c in header}
    counties: list[County] = []
    problems: list[RegistryProblem] = []
    warnings: list[RegistryProblem] = []
    no_home: list[County] = []
    seen: dict[str, int] = {}
    try:
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            lineno = reader.line_num
            if not cells or all(not c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
                continue
            if len(cells) < len(header):
                problems.append(RegistryProblem(lineno, cells[0].strip(),
                                                f"{len(cells)} fields, {len(header)} expected",
                                                ProblemKind.MALFORMED_ROW))
                continue
            row = {c: cells[i].strip() if i < len(cells) else "" for c, i in idx.items()}
            adcode = row["adcode"]
            kind, reason = _check_row(row, nat, allow_unlisted)
            if kind is None and adcode in seen:
                kind, reason = ProblemKind.DUPLICATE_CODE, f"duplicate adcode {adcode} (first on line {seen[adcode]})"
            if kind is not None:
                problems.append(RegistryProblem(lineno, adcode, reason or "", kind))
                if kind is not ProblemKind.MALFORMED_CODE:
                    seen.setdefault(adcode, lineno)
                continue
            if reason:
                warnings.append(RegistryProblem(lineno, adcode, reason, ProblemKind.UNLISTED))
            seen[adcode] = lineno
            county = County(row["adcode"], row["province"], row["prefecture"], row["county"], row["homepage"],
                            column_url=row.get("column_url", ""))
            (counties if county.homepage or county.column_url else no_home).append(county)
    except csv.Error as exc:
        raise RegistryError(f"{source}: not a valid CSV file (line {reader.line_num}: {exc})") from exc
    return Registry(tuple(counties), tuple(problems), tuple(no_home), tuple(warnings), source)


def national_registry() -> Registry:
    """The national list as a registry, with the shipped homepages (`registry.portals`): a row the portal list
    flags is a warning; a ``protocol-switch`` row asks the URL that answered first, the listed one next."""
    portals = load_portals()
    counties: list[County] = []
    no_home: list[County] = []
    warnings: list[RegistryProblem] = []
    for line, d in enumerate(load_divisions(), start=1):
        p = portals.get(d.adcode)
        homes = p.homepages if p is not None else ()
        county = County(d.adcode, d.province, d.prefecture, d.county, homes[0] if homes else "",
                        alternates=tuple(homes[1:]))
        (counties if county.homepage else no_home).append(county)
        if p is not None and p.warning:
            warnings.append(RegistryProblem(line, d.adcode, f"{d.county}: {p.warning}", ProblemKind.FLAGGED))
    return Registry(tuple(counties), (), tuple(no_home), tuple(warnings), NATIONAL)


def read_registry(path: Path | str, *, national: Divisions | None | Literal["bundled"] = BUNDLED,
                  allow_unlisted: bool = False) -> Registry:
    """Read a registry file (``national``: the national list with its shipped homepages); see `parse_registry`.
    Raises RegistryError when it is not a registry."""
    if str(path) == NATIONAL:
        return national_registry()
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RegistryError(f"cannot read registry {path}: {exc.strerror or exc}") from exc
    if b"\x00" in data[:65536]:
        raise RegistryError(f"{path}: a binary file, not a county registry (a UTF-8 CSV)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            data.decode("gb18030")
            hint = " (it looks GBK/GB18030-encoded: save it as UTF-8)"
        except UnicodeDecodeError:
            pass
        raise RegistryError(f"{path}: not a UTF-8 text file{hint}") from exc
    return parse_registry(text, str(path), national=national, allow_unlisted=allow_unlisted)


def write_registry(path: Path | str, counties: list[County] | tuple[County, ...], notes: tuple[str, ...] = ()) -> None:
    """Write counties as a registry CSV (UTF-8, header row, `# notes` first; a column_url column when one is set)."""
    path = Path(path)
    buf = io.StringIO()
    for note in notes:
        buf.write(f"# {note}\n")
    w = csv.writer(buf, lineterminator="\n")
    columns = any(c.column_url for c in counties)
    w.writerow((*COLUMNS, *OPTIONAL) if columns else COLUMNS)
    for c in counties:
        w.writerow([c.adcode, c.province, c.prefecture, c.county, c.homepage, *([c.column_url] if columns else [])])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(path)
