"""The harvest's column search (`crawl.column.find_column`) on tests/fixtures/families3 (six site shapes: frames and
iframe catalogue trees, mobile sites, 司法局 pages under a department directory, 专题专栏, a provincial platform's
site sources), through the real fetcher: every county's column must hold its gold reports, with the CMS-family
adapters on and off, within the first harvest's request bound."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from snapshot_transport import FIXTURES, counties, find, gold_reports  # noqa: E402

FAMILIES3 = FIXTURES / "families3"
ROWS = counties(FAMILIES3)
MAX_REQUESTS = 15  # the column search's share of a county's first harvest


@pytest.mark.parametrize("adapters", [True, False], ids=["adapters", "generic"])
@pytest.mark.parametrize("row", ROWS, ids=[f"{r['family']}-{r['adcode']}" for r in ROWS])
def test_the_column_holds_every_gold_report(row, adapters):
    res, transport, _ = find(FAMILIES3, row, adapters=adapters)
    gold = {r["url"] for r in gold_reports(FAMILIES3) if r["adcode"] == row["adcode"]}
    assert res.column_url, f"{row['county']}: {res.error}; tried {res.tried}; asked {transport.log}"
    found = {i.url for i in res.items} | {i.url for i in res.seen}
    assert not gold - found, f"{row['county']}: missing {sorted(gold - found)} from {res.column_url}"
    assert len(transport.log) <= MAX_REQUESTS, transport.log
