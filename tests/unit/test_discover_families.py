"""The harvest's column search (`crawl.column.find_column`) on the recorded family sets tests/fixtures/families3 …
families9 (their site shapes: each set's README and its mechanism tests, test_discover_families<N>.py), through the
real fetcher: every county's column must hold its gold reports, with the CMS-family adapters on and off, within the
first harvest's request bound; on the sets whose gold names every look-alike's kind (families6 on), the harvest's
title filter must keep every gold report's list entry, and the title classifier must tell each report from its
look-alikes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from snapshot_transport import FIXTURES, counties, find, gold_pages, gold_reports  # noqa: E402

from countyreports.models import PageKind  # noqa: E402
from countyreports.reading.classify import classify_title, could_be_county_report  # noqa: E402

SETS = ("families3", "families4", "families5", "families6", "families7", "families8", "families9")
TITLED = frozenset({"families6", "families7", "families8", "families9"})  # the sets whose list titles and look-alikes are checked
MAX_REQUESTS = 15  # the column search's share of a county's first harvest
ROWS = [(name, row) for name in SETS for row in counties(FIXTURES / name)]
IDS = [f"{name}-{row['family']}-{row['adcode']}" for name, row in ROWS]


def gold_urls(name: str, adcode: str) -> set[str]:
    return {r["url"] for r in gold_reports(FIXTURES / name) if r["adcode"] == adcode}


def redirected(name: str) -> dict[str, str]:
    """A gold report's URL → the URL the lists link, which the server redirects to it (families9's 会宁)."""
    http = json.loads((FIXTURES / name / "gold/http.json").read_text(encoding="utf-8"))
    return {r["to"]: r["from"] for r in http.get("redirects", []) if isinstance(r, dict) and "from" in r}


@pytest.mark.parametrize("adapters", [True, False], ids=["adapters", "generic"])
@pytest.mark.parametrize(("name", "row"), ROWS, ids=IDS)
def test_the_column_holds_every_gold_report(name, row, adapters):
    res, transport, _ = find(FIXTURES / name, row, adapters=adapters)
    gold = gold_urls(name, row["adcode"])
    assert res.column_url, f"{row['county']}: {res.error}; tried {res.tried}; asked {transport.log}"
    found = {i.url: i for i in [*res.seen, *res.items]}
    found |= {to: found[src] for to, src in redirected(name).items() if src in found}
    assert not gold - set(found), f"{row['county']}: missing {sorted(gold - set(found))} from {res.column_url}; asked {transport.log}"
    assert len(transport.log) <= MAX_REQUESTS, transport.log
    if name in TITLED:  # the harvest fetches an entry only when its list title may be the county's report
        kept = {u for u in gold if could_be_county_report(found[u].text, row["county"])}
        assert kept == gold, f"{row['county']}: list titles ruled out {[found[u].text for u in gold - kept]}"


@pytest.mark.parametrize(("name", "row"), [(n, r) for n, r in ROWS if n in TITLED],
                         ids=[i for i, (n, _r) in zip(IDS, ROWS) if n in TITLED])
def test_report_titles_and_look_alikes_by_their_article_titles(name, row):
    for r in gold_reports(FIXTURES / name):
        if r["adcode"] == row["adcode"]:
            assert classify_title(r["title"], row["county"]) is PageKind.COUNTY_REPORT, r["title"]
    for p in gold_pages(FIXTURES / name):
        if p["adcode"] == row["adcode"] and p["kind"] != "duplicate":
            assert classify_title(p["title"], row["county"]) is not PageKind.COUNTY_REPORT, p["title"]
