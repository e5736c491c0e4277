"""What a run selects: counties of a registry (by adcode, province, prefecture) and report years.

``select(registry, adcodes, province, prefecture)`` gives the counties a run crawls, or raises `SelectionError`
naming every adcode, province or prefecture the registry does not hold — with the reason when the national
list knows it (a bad row skipped, a county without a homepage, a county missing from the file) and the nearest
names the registry does hold (rapidfuzz) — and a selection that matches no county at all: a county list that
selects nothing is an error, not an empty run. `selection_problems` gives the same findings as lines (the CLI
prints one per problem before anything starts); the flows call `select`, so a deployment run given a bad
county list fails at once. ``parse_years`` reads report years (``'2019-2023'``, ``'2019,2021'``, ``2022`` or a
list) and raises `SelectionError` on a malformed one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from countyreports.errors import SelectionError
from countyreports.models import County
from countyreports.registry.divisions import Divisions, load_divisions
from countyreports.registry.file import Registry

NEAREST = 3  # nearest names offered for an unknown one
NO_REGISTRY = ("no county registry given: pass --registry national (every county's portal, shipped) or "
               "--registry FILE (a CSV adcode,province,prefecture,county,homepage[,column_url]; "
               "`countyreports registry list --format csv` starts one) or set COUNTYREPORTS_REGISTRY")
_YEAR_RANGE = (1990, 2100)


def _nearest(wanted: str, choices: Iterable[str], *, cutoff: float = 50.0) -> list[str]:
    """The registry's names closest to `wanted` (best first), at most NEAREST."""
    from rapidfuzz import fuzz, process

    pool = sorted(set(choices))
    found = process.extract(wanted, pool, scorer=fuzz.ratio, limit=NEAREST, score_cutoff=cutoff)
    return [name for name, _score, _i in found]


def _nearest_text(wanted: str, choices: Iterable[str], label: dict[str, str] | None = None) -> str:
    near = _nearest(wanted, choices)
    if not near:
        return ""
    return "; nearest in the registry: " + ", ".join(f"{n} {label[n]}" if label else n for n in near)


def _where(registry: Registry) -> str:
    if registry.source == "national list":
        return "the national list"
    return f"the registry {registry.source}" if registry.source else "the registry"


def _unknown_adcode(adcode: str, registry: Registry, national: Divisions) -> str:
    """Why `adcode` is not among the registry's crawlable counties."""
    names = {c.adcode: c.county for c in registry.counties}
    if not re.fullmatch(r"\d{6}", adcode):
        same = [c for c in registry.counties if c.county == adcode]
        if same:
            hint = f" ({adcode} is {same[0].adcode})"
        elif adcode.isdigit():
            hint = _nearest_text(adcode, names, names)
        else:
            by_name = {c.county: c.adcode for c in registry.counties}
            hint = _nearest_text(adcode, by_name, by_name)
        return f"--counties {adcode!r}: not an adcode (6 digits, e.g. 141029){hint}"
    for p in registry.problems:
        if p.adcode == adcode:
            return f"--counties {adcode}: its registry row was skipped ({p})"
    for c in registry.no_homepage:
        if c.adcode == adcode:
            return (f"--counties {adcode} ({c.county}): no homepage in {_where(registry)}, nothing to crawl "
                    f"(`countyreports registry import` adds homepages)")
    div = national.get(adcode)
    known = f" ({div.county}, {div.prefecture}, {div.province})" if div else " (not in the national list either)"
    return f"--counties {adcode}{known}: not in {_where(registry)}" + _nearest_text(adcode, names, names)


def _unknown_place(option: str, value: str, in_registry: set[str], national: set[str], registry: Registry) -> str:
    if value in national:
        return f"{option} {value}: no county of {_where(registry)} is in it"
    return (f"{option} {value!r}: not a {option.removeprefix('--')} of {_where(registry)}"
            + _nearest_text(value, in_registry | national))


def selection_problems(registry: Registry, adcodes: Iterable[str] | None = None, province: str | None = None,
                       prefecture: str | None = None, *, national: Divisions | None = None) -> list[str]:
    """One line per adcode, province or prefecture the registry does not hold, or one line when the selection
    as a whole matches no county; empty when the selection is good."""
    nat = national if national is not None else load_divisions()
    wanted = [a.strip() for a in adcodes or () if a.strip()]
    crawlable = {c.adcode for c in registry.counties}
    problems = [_unknown_adcode(a, registry, nat) for a in dict.fromkeys(wanted) if a not in crawlable]
    if province and province not in {c.province for c in registry.counties}:
        problems.append(_unknown_place("--province", province, {c.province for c in registry.counties},
                                       set(nat.provinces()), registry))
    if prefecture and prefecture not in {c.prefecture for c in registry.counties}:
        problems.append(_unknown_place("--prefecture", prefecture, {c.prefecture for c in registry.counties},
                                       {d.prefecture for d in nat}, registry))
    if problems:
        return problems
    if not registry.counties:
        return [f"{_where(registry)} has no county with a homepage: nothing to crawl "
                f"(`countyreports registry import` adds homepages)"]
    if not _matching(registry, wanted, province, prefecture):
        given = " ".join(f"{k} {v}" for k, v in (("--counties", ",".join(wanted)), ("--province", province),
                                                  ("--prefecture", prefecture)) if v)
        where = "; ".join(f"{c.adcode} {c.county} is in {c.province} {c.prefecture}"
                          for c in registry.counties if c.adcode in wanted)
        return [f"no county of {_where(registry)} matches {given}" + (f" ({where})" if where else "")]
    return []


def _matching(registry: Registry, wanted: Sequence[str], province: str | None,
              prefecture: str | None) -> list[County]:
    keep = set(wanted)
    return [c for c in registry.counties
            if (not keep or c.adcode in keep) and (not province or c.province == province)
            and (not prefecture or c.prefecture == prefecture)]


def select(registry: Registry, adcodes: Iterable[str] | None = None, province: str | None = None,
           prefecture: str | None = None) -> list[County]:
    """The registry's counties with a homepage, all or those selected; SelectionError (every problem, `; `
    between them) when a name is unknown or nothing is selected."""
    wanted = [a.strip() for a in adcodes or () if a.strip()]
    problems = selection_problems(registry, wanted, province, prefecture)
    if problems:
        raise SelectionError("; ".join(problems))
    return _matching(registry, wanted, province, prefecture)


def parse_years(years: str | int | Sequence[int | str] | None) -> list[int] | None:
    """'2019-2023', '2019,2021', 2020 or [2019, '2020'] → sorted years; None or empty → None (all years)."""
    if years is None or years == "" or years == []:
        return None
    if isinstance(years, int):
        years = [years]
    items = re.split(r"[,\s]+", years.strip()) if isinstance(years, str) else [str(y) for y in years]
    out: set[int] = set()
    lo_ok, hi_ok = _YEAR_RANGE
    for item in items:
        if not item:
            continue
        m = re.fullmatch(r"(\d{4})\s*[-–~]\s*(\d{4})", item) or re.fullmatch(r"(\d{4})", item)
        if not m:
            raise SelectionError(f"--years {item!r}: not a year or a range like 2019-2023")
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.lastindex == 2 else lo
        if hi < lo or not lo_ok <= lo <= hi_ok or not lo_ok <= hi <= hi_ok:
            raise SelectionError(f"--years {item!r}: not a sensible range (years {lo_ok}–{hi_ok}, first ≤ last)")
        out.update(range(lo, hi + 1))
    if not out:
        raise SelectionError(f"--years {years!r}: no year given")
    return sorted(out)
