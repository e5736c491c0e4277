"""`countyreports search | show | diff`: what researchers do after a harvest — find a phrase in every report, see
one county's report at a glance, see what a correction changed. All read the warehouse read-only."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from countyreports.cli.common import DEFAULT_DB, DbOpt, console, err, fail

app = typer.Typer()

WaitOpt = Annotated[float, typer.Option(help="seconds to wait for a running harvest's lock")]
SECTION_KINDS = ("measures_results", "leader_duties", "court_judgments", "shortcomings", "next_year_plan", "other")


@contextmanager
def _readonly(db: Path, wait: float) -> Iterator[Any]:
    from countyreports.errors import CountyReportsError
    from countyreports.warehouse.reader import open_readonly

    try:
        con = open_readonly(db, wait_s=wait)
    except CountyReportsError as exc:
        raise fail(exc) from exc
    try:
        yield con
    finally:
        con.close()


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` as rich markup with `spans` highlighted."""
    out, pos = [], 0
    for a, b in spans:
        out += [escape(text[pos:a]), f"[bold red]{escape(text[a:b])}[/bold red]"]
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


@app.command(context_settings={"ignore_unknown_options": True})  # `-罚款` is a term, not an option
def search(
    query: Annotated[list[str], typer.Argument(help="terms, all in one sentence; -term excludes; \"a b\" is one term")],
    province: Annotated[Optional[str], typer.Option(help="only this province, e.g. 山西省")] = None,
    prefecture: Annotated[Optional[str], typer.Option(help="only this prefecture, e.g. 临汾市")] = None,
    year: Annotated[Optional[int], typer.Option(help="only this report year")] = None,
    section_kind: Annotated[Optional[str], typer.Option(
        "--section-kind", help="only sentences in level-1 sections of this kind: " + ", ".join(SECTION_KINDS))] = None,
    limit: Annotated[int, typer.Option(help="sentences shown at most")] = 50,
    format: Annotated[str, typer.Option("--format", help="table | csv | json")] = "table",  # noqa: A002
    db: DbOpt = DEFAULT_DB,
    wait: WaitOpt = 10.0,
) -> None:
    """Find the sentences of every active report that contain a phrase (traditional/simplified, full/half-width
    and spaces do not hide a match), ranked by matches per report, then recency."""
    from countyreports.text.searchterms import highlight_spans, parse_query
    from countyreports.warehouse.search import search as run_search

    if format not in ("table", "csv", "json"):
        raise typer.BadParameter("--format must be table, csv or json")
    if section_kind is not None and section_kind not in SECTION_KINDS:
        raise typer.BadParameter(f"--section-kind must be one of {', '.join(SECTION_KINDS)}")
    if limit < 1:
        raise typer.BadParameter("--limit must be at least 1")
    try:
        terms = parse_query(" ".join(query))
    except ValueError as exc:
        raise fail(exc) from exc
    from countyreports.errors import CountyReportsError

    with _readonly(db, wait) as con:
        try:
            found = run_search(con, terms, province=province, prefecture=prefecture, year=year,
                               section_kind=section_kind, limit=limit)
        except CountyReportsError as exc:
            raise fail(exc) from exc
    fields = ("rank", "county", "adcode", "province", "prefecture", "report_year", "section_path", "section_kind",
              "sentence", "report_hit_count", "url")
    rows = [{"rank": i + 1, **{f: getattr(h, f) for f in fields[1:]}} for i, h in enumerate(found.hits)]
    if format == "json":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    if format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=fields)
        w.writeheader()
        w.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
        return
    table = Table(title=f"{' '.join(query)}: {found.sentence_count} sentences in {found.report_count} reports"
                        + (f" (the first {len(rows)})" if len(rows) < found.sentence_count else ""), expand=True)
    table.add_column("#", width=4, no_wrap=True)
    table.add_column("county", overflow="fold", ratio=2)
    table.add_column("year", width=4, no_wrap=True)
    table.add_column("section", overflow="fold", ratio=2)
    table.add_column("sentence", overflow="fold", ratio=7)
    table.add_column("hits", width=4, no_wrap=True)
    table.add_column("url", overflow="fold", ratio=3)
    for row, hit in zip(rows, found.hits, strict=True):
        kind = f" {hit.section_kind}" if hit.section_kind else ""
        table.add_row(str(row["rank"]), escape(f"{hit.county or ''} {hit.adcode}"), str(hit.report_year),
                      escape(f"{hit.section_path or '(preamble)'}{kind}"),
                      _marked(hit.sentence, highlight_spans(hit.sentence, terms.includes)),
                      str(hit.report_hit_count), escape(hit.url or ""))
    console.print(table)


@app.command()
def show(
    county: Annotated[str, typer.Argument(help="ADCODE (6 digits) or county name, e.g. 141024 or 洪洞县")],
    year: Annotated[Optional[int], typer.Option(help="report year (default: the latest)")] = None,
    db: DbOpt = DEFAULT_DB,
    wait: WaitOpt = 10.0,
) -> None:
    """One county's report at a glance: metadata, section outline with kinds, indicators with their sentences."""
    from countyreports.errors import CountyReportsError
    from countyreports.warehouse.reportcard import find_counties, report_card

    with _readonly(db, wait) as con:
        matches = find_counties(con, county)
        if not matches:
            raise fail(ValueError(f"no county {county!r} in the warehouse (give its 6-digit code or its name)"))
        if len(matches) > 1:
            err.print(f"[red]error:[/red] {county!r} names {len(matches)} counties; give one code:")
            for m in matches:
                err.print(f"  {m.adcode} {m.county} ({m.province} {m.prefecture})")
            raise typer.Exit(2)
        try:
            card = report_card(con, matches[0].adcode, year)
        except CountyReportsError as exc:
            raise fail(exc) from exc
    for label, value in (  # plain lines, never cut: a URL is copied from here
            ("report", card.report_id), ("county", f"{card.county} ({card.province} {card.prefecture})"),
            ("title", card.title), ("url", card.url), ("published", card.published_date),
            ("deadline", card.deadline_date), ("signed", card.signed_date), ("issuer", card.issuer),
            ("source", card.source), ("version", f"{card.version} of {card.version_count}"),
            ("status", card.status), ("characters", card.text_char_count), ("noise", ", ".join(card.noise)),
            ("attachment", card.attachment_url), ("encoding", card.encoding), ("网站标识码", card.site_id_code),
            ("other years", ", ".join(map(str, card.other_years)))):
        if value not in (None, ""):
            console.print(f"[bold]{label:<12}[/bold]{escape(str(value))}", soft_wrap=True)
    outline = Table(title=f"sections ({len(card.sections)})")
    for col in ("path", "title", "kind", "chars"):
        outline.add_column(col)
    for s in card.sections:
        kind = " + ".join(k for k in (s.section_kind, s.section_secondary_kind) if k)
        outline.add_row(escape(s.section_path or "(preamble)"),
                        escape("  " * max(0, s.section_level - 1) + (s.section_title or "")), kind, str(s.char_count))
    console.print(outline)
    ind = Table(title=f"indicators ({len(card.indicators)})")
    for col in ("code", "中文", "value", "unit", "section", "sentence"):
        ind.add_column(col, overflow="fold")
    for i in card.indicators:
        value = f"{'≈' if i.is_approx else ''}{i.value:g}" + (f" (×{i.mention_count})" if i.mention_count > 1 else "")
        ind.add_row(i.indicator_code, escape(i.label_zh or ""), value, i.unit or "", escape(i.section_path or ""),
                    escape(i.sentence or ""))
    console.print(ind)


@app.command()
def diff(
    adcode: Annotated[str, typer.Argument(help="county code (6 digits)")],
    year: Annotated[int, typer.Argument(help="report year")],
    from_version: Annotated[Optional[int], typer.Option("--from", help="older version (default: the one before --to)")] = None,
    to_version: Annotated[Optional[int], typer.Option("--to", help="newer version (default: the latest)")] = None,
    db: DbOpt = DEFAULT_DB,
    wait: WaitOpt = 10.0,
) -> None:
    """What a correction changed: indicator values, sections, the size of the text change, and the changed
    sentences side by side."""
    from countyreports.errors import CountyReportsError
    from countyreports.warehouse.changes import report_changes

    with _readonly(db, wait) as con:
        try:
            d = report_changes(con, f"{adcode}-{year}", from_version, to_version)
        except CountyReportsError as exc:
            raise fail(exc) from exc
    console.print(f"[bold]{escape(d.report_id)}[/bold] {escape(d.county or '')} {d.report_year}: version "
                  f"{d.previous_version} ({d.previous_fetched_at}) → {d.version} ({d.fetched_at}); versions "
                  f"{', '.join(map(str, d.versions))}")
    console.print(f"text: {d.previous_text_char_count} → {d.text_char_count} characters, edit distance "
                  f"{d.text_edit_distance}; sentences added {d.sentences_added_count}, removed "
                  f"{d.sentences_removed_count}")
    for label, items in (("sections added", d.sections_added), ("sections removed", d.sections_removed),
                         ("sections re-worded", d.sections_reworded)):
        if items:
            console.print(f"{label}: {escape(', '.join(items))}")
    ind = Table(title=f"indicator values changed ({len(d.changed_indicators)})")
    for col in ("code", f"version {d.previous_version}", f"version {d.version}"):
        ind.add_column(col)
    for c in d.changed_indicators:
        ind.add_row(c.indicator_code, "—" if c.previous_value is None else f"{c.previous_value:g}",
                    "—" if c.value is None else f"{c.value:g}")
    console.print(ind)
    sent = Table(title=f"sentences changed ({len(d.sentences)})", show_lines=True)
    sent.add_column(f"version {d.previous_version}", overflow="fold", ratio=1)
    sent.add_column(f"version {d.version}", overflow="fold", ratio=1)
    for old, new in d.sentences:
        sent.add_row(escape(old) if old is not None else "—", escape(new) if new is not None else "—")
    console.print(sent)
