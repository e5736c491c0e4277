"""`countyreports registry ...`: validate a registry, list the national list, import homepages.

Exit codes: 0 good, 1 bad rows (validate) or rows not applied (import), 2 the file is not a registry.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from countyreports.cli.common import show_table
from countyreports.errors import RegistryError

registry_app = typer.Typer(help="The county registry and the national list of county-level divisions.",
                           no_args_is_help=True)
console = Console(highlight=False)


def say(text: str) -> None:
    typer.echo(text)


def complain(text: str) -> None:
    typer.echo(text, err=True)


def default_user_registry() -> Path:
    """Where `registry import` writes by default: $COUNTYREPORTS_REGISTRY, else registry.csv beside the warehouse."""
    from countyreports.settings import load_settings

    s = load_settings()
    return Path(s.registry) if s.registry else s.db_path.parent / "registry.csv"


@registry_app.command("validate")
def validate(
    file: Annotated[Path, typer.Argument(help="registry CSV (adcode,province,prefecture,county,homepage)")],
    allow_unlisted: Annotated[bool, typer.Option(
        "--allow-unlisted", help="let codes outside the national list through (with a warning)")] = False,
    no_national: Annotated[bool, typer.Option(
        "--no-national", help="do not check codes and names against the national list")] = False,
) -> None:
    """Check every row; print each bad row (line, reason), the warnings, the counties without a homepage and a
    summary. Exit 1 when any row is bad, 2 when the file is not a registry."""
    from countyreports.registry.file import read_registry

    try:
        reg = read_registry(file, national=None if no_national else "bundled", allow_unlisted=allow_unlisted)
    except RegistryError as exc:
        complain(f"error: {exc}")
        raise typer.Exit(2) from exc
    for p in reg.problems:
        say(f"{file}: {p} [{p.kind}]")
    for w in reg.warnings:
        say(f"{file}: warning: {w}")
    if reg.no_homepage:
        say(f"no homepage ({len(reg.no_homepage)}, not an error; these counties cannot be crawled):")
        for c in reg.no_homepage:
            say(f"  {c.adcode} {c.province} {c.prefecture} {c.county}")
    say(f"{file}: {reg.summary()}")
    if reg.problems:
        raise typer.Exit(1)


@registry_app.command("list")
def list_divisions(
    province: Annotated[Optional[str], typer.Option(help="only this province (山西省, 山西 or a code prefix 14)")] = None,
    missing_homepage: Annotated[bool, typer.Option(
        "--missing-homepage", help="only divisions without a known homepage")] = False,
    registry: Annotated[Optional[Path], typer.Option(
        help="take homepages from this registry too (default: the user registry, if it exists)")] = None,
    format: Annotated[str, typer.Option("--format", help="table | csv")] = "table",  # noqa: A002
) -> None:
    """Print the national list of county-level divisions (bundled), with the homepages known."""
    from countyreports.registry.divisions import load_divisions
    from countyreports.registry.file import read_registry

    if format not in ("table", "csv"):
        raise typer.BadParameter("--format must be table or csv")
    nat = load_divisions()
    divisions = nat.in_province(province) if province else tuple(nat)
    if province and not divisions:
        complain(f"error: no province {province!r}; provinces: {', '.join(nat.provinces())}")
        raise typer.Exit(2)
    homepages = {d.adcode: d.homepage for d in nat if d.homepage}
    reg_path = registry if registry is not None else default_user_registry()
    if reg_path.exists():
        try:
            reg = read_registry(reg_path, allow_unlisted=True)
        except RegistryError as exc:
            complain(f"error: {exc}")
            raise typer.Exit(2) from exc
        homepages.update({c.adcode: c.homepage for c in reg.counties})
    elif registry is not None:
        complain(f"error: {registry}: no such file")
        raise typer.Exit(2)
    rows = [(d, homepages.get(d.adcode, "")) for d in divisions]
    if missing_homepage:
        rows = [(d, h) for d, h in rows if not h]
    if format == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["adcode", "province", "prefecture", "county", "homepage", "kind"])
        for d, h in rows:
            w.writerow([d.adcode, d.province, d.prefecture, d.county, h, d.kind])
        sys.stdout.write(buf.getvalue())
        return
    title = f"county-level divisions{' of ' + province if province else ''}: {len(rows)}"
    show_table(("adcode", "province", "prefecture", "county", "kind", "homepage"),
               [(d.adcode, d.province, d.prefecture, d.county, d.kind, h) for d, h in rows], title=title,
               caption=f"source: {nat.notes[1] if len(nat.notes) > 1 else nat.source}", fold=("homepage",), out=console)


@registry_app.command("import")
def import_cmd(
    file: Annotated[Path, typer.Argument(help="CSV with at least adcode,homepage (county is checked if present)")],
    out: Annotated[Optional[Path], typer.Option(
        help="registry to merge into (default: $COUNTYREPORTS_REGISTRY, else registry.csv beside the warehouse); "
             "created from the national list when missing")] = None,
    overwrite: Annotated[bool, typer.Option(help="replace a different homepage already in the registry")] = False,
    allow_unlisted: Annotated[bool, typer.Option(
        "--allow-unlisted", help="accept codes outside the national list (the row must name its county)")] = False,
) -> None:
    """Merge homepages into a registry file; report what changed and every conflict. Exit 1 when some rows were
    not applied (conflicts, bad rows), 2 when a file is not usable."""
    from countyreports.registry.homepages import import_homepages

    target = out if out is not None else default_user_registry()
    try:
        res = import_homepages(file, target, overwrite=overwrite, allow_unlisted=allow_unlisted)
    except RegistryError as exc:
        complain(f"error: {exc}")
        raise typer.Exit(2) from exc
    for c in res.added:
        say(f"added    {c.adcode} {c.county} {c.homepage}")
    for c, old in res.replaced:
        say(f"replaced {c.adcode} {c.county} {old} -> {c.homepage}")
    for p in res.conflicts:
        say(f"{file}: conflict: {p}")
    for p in res.problems:
        say(f"{file}: {p} [{p.kind}]")
    say(f"{res.out}{' (new, from the national list)' if res.created else ''}: "
                  f"{len(res.added)} added, {len(res.replaced)} replaced, {res.unchanged} unchanged, "
                  f"{len(res.conflicts)} conflicts, {len(res.problems)} bad rows")
    if res.conflicts or res.problems:
        raise typer.Exit(1)
