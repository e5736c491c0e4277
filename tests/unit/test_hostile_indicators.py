"""The indicator stage on hostile text (issue 19's table and more): every page ends in bounded time and memory,
with the first mentions kept and the cap said (``truncated: mentions>N``), each quantity with a bounded context.

The mention cap and the bounded context are the clause-based extractor's (issue 16, reading/indicators/).
Each document is read in the sandbox under the issue's own bar — 20 s (twice the 10 s asked, for a loaded CI
box) and 600 MB — so that a regression fails in seconds, by its budget, instead of eating the machine (the
per-code template extractor needed 23 GB on no_stop_200k.txt).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from countyreports.sandbox import Budget, BudgetPool, Named
from hostile_corpus import make

READ = Named("countyreports.reading.document", "json_line")
CONTEXT_MAX = 1_000  # characters of the sentence kept with an indicator: its clause and a window, never a page


@pytest.fixture(scope="module")
def pool() -> Iterator[BudgetPool]:
    p = BudgetPool(1, Budget(time_s=20.0, memory_bytes=600 << 20), preload=("countyreports.reading.document",))
    yield p
    p.shutdown()


def read(pool: BudgetPool, name: str) -> dict:
    return json.loads(pool.submit(READ, name, make(name)).result())


def mention_cap(line: dict) -> int:
    caps = [int(m.group(1)) for n in line["truncated"] if (m := re.fullmatch(r"truncated: mentions>(\d+)", n))]
    assert caps, line["truncated"]
    return caps[0]


@pytest.mark.parametrize("name", ["no_stop_5k.txt", "no_stop_20k.txt", "no_stop_200k.txt"])
def test_a_paragraph_without_a_full_stop_keeps_its_first_mentions(pool: BudgetPool, name: str) -> None:
    line = read(pool, name)
    in_text = make(name).decode("utf-8").count("12件")
    if any(n.startswith("truncated: mentions") for n in line["truncated"]):
        cap = mention_cap(line)
        assert cap < in_text and len(line["mentions"]) == cap
    else:  # under the cap: every quantity read
        assert len(line["mentions"]) == in_text
    assert all(m["value"] == 12 and m["measure"] == "件" for m in line["mentions"])
    assert line["indicators"] and line["indicators"][0]["value"] == 12
    assert all(len(i["sentence"]) <= CONTEXT_MAX for i in line["indicators"])


@pytest.mark.parametrize("name", ["one_line.txt", "many_brs.html", "power_list.html", "many_numbers.txt"])
def test_pages_with_tens_of_thousands_of_quantities_are_capped(pool: BudgetPool, name: str) -> None:
    line = read(pool, name)
    cap = mention_cap(line)
    assert len(line["mentions"]) == cap
    assert [m["value"] for m in line["mentions"][:2]] == [12, 8]  # (each case opens with hostile_corpus.PROSE)
    assert all(len(i["sentence"]) <= CONTEXT_MAX for i in line["indicators"])


def test_a_report_of_ordinary_size_is_not_capped(pool: BudgetPool) -> None:
    """Passes on both extractors: the caps are far above a real report (hundreds of quantities at most)."""
    text = ("2023年，全县共办理行政复议案件12件，行政诉讼案件8件。" * 200).encode("utf-8")
    line = json.loads(pool.submit(READ, "report.txt", text).result())
    assert not any(n.startswith("truncated: mentions") for n in line["truncated"])
    assert len(line["mentions"]) >= 400
