"""The checks a command's inputs get before anything starts (before Prefect, before the first request), chosen by
the names of its parameters, so that every command — a new one too — gets them by naming its options alike:

    registry (+ allow_unlisted)   the file exists and is a registry (the message `registry validate` gives); a
                                  command marked ``needs(registry=True)`` also needs one (or COUNTYREPORTS_REGISTRY)
    counties, province,           each names counties of the registry (unknown ones named, with the nearest
    prefecture                    names), and together they select at least one; without a registry, checked
                                  against the national list
    years                         well formed: 2019-2023, 2019,2021 or 2022
    db                            a command marked ``needs(warehouse="write")``: the folder writable and the file
                                  not held by another process (``shards`` > 0 skips the lock: shards wait for it);
                                  any other: the file exists
    proxy                         accepts a TCP connection (or COUNTYREPORTS_PROXY when not given)
    notify                        each an http(s) URL (the alerts' webhooks)

``problems(fn, values)`` returns one line per problem; `cli.guard` prints them and exits 2. Light imports only:
no Prefect, DuckDB or Arrow (a bad input is answered in well under a second and a half).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Needs:
    registry: bool = False  # the command cannot work without a registry
    warehouse: Literal["read", "write"] = "read"  # what the command does with --db


def needs(*, registry: bool = False, warehouse: Literal["read", "write"] = "read") -> Callable[[F], F]:
    """Mark a command: it needs a registry, and/or it writes the warehouse (default: it reads it)."""

    def mark(fn: F) -> F:
        fn.__preflight__ = Needs(registry, warehouse)  # type: ignore[attr-defined]
        return fn

    return mark


def _adcodes(value: Any) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value or ())
    return [str(a).strip() for a in items if str(a).strip()]


def _registry_problems(values: Mapping[str, Any], need: Needs, settings: Any) -> tuple[list[str], Any]:
    """(problems, the registry read or None)."""
    from countyreports.errors import RegistryError
    from countyreports.registry.file import read_registry
    from countyreports.registry.selection import NO_REGISTRY

    path = values.get("registry") or settings.registry or None
    if path is None:
        if need.registry:
            return [NO_REGISTRY], None
        return [], None
    allow = bool(values.get("allow_unlisted")) or settings.allow_unlisted
    try:
        return [], read_registry(path, allow_unlisted=allow)
    except RegistryError as exc:
        return [str(exc)], None


def _national_problems(values: Mapping[str, Any]) -> list[str]:
    """Without a registry: counties, province and prefecture against the national list."""
    from countyreports.registry.divisions import load_divisions
    from countyreports.registry.file import Registry
    from countyreports.registry.selection import selection_problems

    nat = load_divisions()
    national = Registry(tuple(d.as_county("http://national.invalid/") for d in nat), (), source="national list")
    return selection_problems(national, _adcodes(values.get("counties")), values.get("province"),
                              values.get("prefecture"), national=nat)


def problems(fn: Callable[..., Any], values: Mapping[str, Any]) -> list[str]:
    """Every problem with the inputs of command `fn` called with `values` (its parameters by name)."""
    from countyreports.settings import load_settings

    try:
        settings = load_settings()
    except (TypeError, ValueError) as exc:
        return [f"a COUNTYREPORTS_* environment variable is malformed: {exc}"]
    need: Needs = getattr(fn, "__preflight__", Needs())
    found: list[str] = []
    selecting = any(values.get(k) for k in ("counties", "province", "prefecture"))
    if "registry" in values:
        bad, registry = _registry_problems(values, need, settings)
        found += bad
        if registry is not None and ("counties" in values or need.registry):
            from countyreports.registry.selection import selection_problems

            found += selection_problems(registry, _adcodes(values.get("counties")), values.get("province"),
                                        values.get("prefecture"))
    elif selecting:
        found += _national_problems(values)
    if values.get("years") not in (None, ""):
        from countyreports.errors import SelectionError
        from countyreports.registry.selection import parse_years

        try:
            parse_years(values["years"])
        except SelectionError as exc:
            found.append(str(exc))
    if isinstance(values.get("db"), (str, Path)):
        from countyreports.warehouse.access import read_problems, write_problems

        db = Path(values["db"])
        if need.warehouse == "write":
            raw = Path(settings.raw_dir) if settings.raw_dir else db.parent / "raw"
            found += [p for p in write_problems(db, raw)
                      if not (values.get("shards") and "in use by" in p)]
        else:
            found += read_problems(db)
    if "proxy" in values:
        proxy = values.get("proxy") or settings.proxy or None
        if proxy:
            from countyreports.crawl.proxy import proxy_problem

            bad_proxy = proxy_problem(proxy)
            if bad_proxy:
                found.append(bad_proxy)
    for url in values.get("notify") or ():
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            found.append(f"--notify {url!r}: not a webhook URL (http:// or https://); a Prefect notification block "
                         f"(e-mail, Slack, ...) goes to --notify-block TYPE/NAME")
    return found
