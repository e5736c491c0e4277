"""Merge homepages into a registry file (`countyreports registry import`): the user's own registry, started from
the national list with its shipped homepages, where any county's homepage can be set or replaced and its report
column given (``column_url``)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from countyreports.errors import RegistryError
from countyreports.models import County
from countyreports.registry.divisions import Divisions, norm_name
from countyreports.registry.file import (
    _ADCODE, BUNDLED, ProblemKind, RegistryProblem, _first_row, _resolve_national, national_registry, read_registry,
    url_problem, write_registry,
)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What `import_homepages` did. `conflicts` and `problems` are rows of the input that were not applied."""

    out: Path
    created: bool  # the output registry did not exist and was started from the national list
    added: tuple[County, ...]  # homepage set where there was none
    replaced: tuple[tuple[County, str], ...]  # (county with the new homepage, old homepage) when overwrite
    unchanged: int
    conflicts: tuple[RegistryProblem, ...]  # a different homepage is already set (kept unless overwrite)
    problems: tuple[RegistryProblem, ...]  # bad input rows (skipped)


def import_homepages(src: Path | str, out: Path | str, *,
                     national: Divisions | None | Literal["bundled"] = BUNDLED,
                     overwrite: bool = False, allow_unlisted: bool = False) -> ImportResult:
    """Merge the homepages of `src` (a CSV with at least ``adcode,homepage``; ``county`` is checked when given, a
    ``column_url`` taken) into the registry `out`, creating it from the national list (with its shipped
    homepages) when it does not exist.

    A homepage that differs from the one already in `out` is a conflict: reported, and the old one kept unless
    `overwrite`. Bad input rows (malformed/unknown code, name mismatch, bad URL, duplicates) are reported and
    skipped. Raises RegistryError when `src` is not such a CSV, or `out` exists and has bad rows (they would be
    lost on rewrite).
    """
    src, out = Path(src), Path(out)
    nat = _resolve_national(national)
    try:
        raw = src.read_bytes()
    except OSError as exc:
        raise RegistryError(f"cannot read {src}: {exc.strerror or exc}") from exc
    if b"\x00" in raw[:65536]:
        raise RegistryError(f"{src}: a binary file, not a CSV of adcode,homepage")
    try:
        text = raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise RegistryError(f"{src}: not a UTF-8 text file") from exc

    created = not out.exists()
    notes: tuple[str, ...]
    if created:
        if nat is None:
            raise RegistryError(f"{out} does not exist and there is no national list to start it from")
        if national == BUNDLED:
            reg0 = national_registry()
            base = sorted(reg0.counties + reg0.no_homepage, key=lambda c: c.adcode)
        else:
            base = [d.as_county() for d in nat]
        notes = ("County registry: the national list of county-level divisions and their portals' homepages "
                 "(countyreports.registry.portals), with homepages merged by `countyreports registry import`.",)
    else:
        reg = read_registry(out, national=nat, allow_unlisted=True)
        if reg.problems:
            listing = "; ".join(str(p) for p in reg.problems[:5])
            raise RegistryError(f"{out} has {len(reg.problems)} bad row(s), fix them first "
                                f"(countyreports registry validate {out}): {listing}")
        base = sorted(reg.counties + reg.no_homepage, key=lambda c: c.adcode)
        notes = tuple(line[1:].strip() for line in out.read_text(encoding="utf-8").lstrip("\ufeff").splitlines()
                      if line.startswith("#"))
    by_code = {c.adcode: c for c in base}

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _first_row(reader)
    except csv.Error as exc:
        raise RegistryError(f"{src}: not a valid CSV file ({exc})") from exc
    header = [h.strip().lower() for h in header or []]
    if "adcode" not in header or "homepage" not in header:
        raise RegistryError(f"{src}: expected a CSV with a header row holding at least adcode,homepage")
    i_code, i_home = header.index("adcode"), header.index("homepage")
    i_name = header.index("county") if "county" in header else None
    i_col = header.index("column_url") if "column_url" in header else None
    added: list[County] = []
    replaced: list[tuple[County, str]] = []
    conflicts: list[RegistryProblem] = []
    problems: list[RegistryProblem] = []
    unchanged = 0
    seen: dict[str, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not cells or all(not c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
                continue
            if len(cells) <= max(i_code, i_home, i_name or 0):
                problems.append(RegistryProblem(line, cells[0].strip(), f"{len(cells)} fields, "
                                                f"{len(header)} expected", ProblemKind.MALFORMED_ROW))
                continue
            adcode, url = cells[i_code].strip(), cells[i_home].strip()
            name = cells[i_name].strip() if i_name is not None else ""
            column = cells[i_col].strip() if i_col is not None and i_col < len(cells) else ""
            if not _ADCODE.match(adcode):
                problems.append(RegistryProblem(line, adcode, f"malformed adcode {adcode!r} (6 digits expected)",
                                                ProblemKind.MALFORMED_CODE))
                continue
            if adcode in seen:
                problems.append(RegistryProblem(line, adcode, f"duplicate adcode {adcode} (first on line "
                                                f"{seen[adcode]})", ProblemKind.DUPLICATE_CODE))
                continue
            seen[adcode] = line
            cur = by_code.get(adcode)
            if cur is None:
                div = nat.get(adcode) if nat is not None else None
                if div is not None:
                    cur = div.as_county("")
                elif allow_unlisted and name:
                    cur = County(adcode, "", "", name, "")
                else:
                    problems.append(RegistryProblem(line, adcode, f"unknown adcode {adcode}: not in the national "
                                                    "list nor in the registry", ProblemKind.UNKNOWN_CODE))
                    continue
            if name and norm_name(name) != norm_name(cur.county):
                problems.append(RegistryProblem(line, adcode, f"name/code mismatch: {adcode} is {cur.county}, "
                                                f"not {name}", ProblemKind.NAME_MISMATCH))
                continue
            bad = url_problem(column) if column else None
            if bad:
                problems.append(RegistryProblem(line, adcode, f"column_url: {bad[1]}", bad[0]))
                continue
            if column and column != cur.column_url:  # a report column given: always taken
                cur = by_code[adcode] = replace(cur, column_url=column)
            if not url:
                unchanged += 1
                continue
            bad = url_problem(url)
            if bad:
                problems.append(RegistryProblem(line, adcode, bad[1], bad[0]))
                continue
            if cur.homepage == url:
                unchanged += 1
                continue
            new = replace(cur, homepage=url, alternates=())
            if cur.homepage and not overwrite:
                conflicts.append(RegistryProblem(line, adcode, f"{cur.county}: homepage {url} differs from "
                                                 f"{cur.homepage} in the registry (kept; --overwrite to replace)",
                                                 ProblemKind.CONFLICT))
                continue
            (replaced.append((new, cur.homepage)) if cur.homepage else added.append(new))
            by_code[adcode] = new
    except csv.Error as exc:
        raise RegistryError(f"{src}: not a valid CSV file (line {reader.line_num}: {exc})") from exc
    write_registry(out, sorted(by_code.values(), key=lambda c: c.adcode), notes)
    return ImportResult(out, created, tuple(added), tuple(replaced), unchanged, tuple(conflicts), tuple(problems))
