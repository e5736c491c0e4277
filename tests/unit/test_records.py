"""Records cross process boundaries (parse processes → crawl threads) by pickling: the positional constructors
and reducers of `records` / `models` must give back equal records, and refuse classes they cannot build."""

from __future__ import annotations

import dataclasses
import pickle
import sys
from pathlib import Path

import pytest

from countyreports.reading.document import RawDoc, parse_docs
from countyreports.models import County, Link, ParsedReport
from countyreports.models import positional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from portal_fixture import body, content_type, gold_reports  # noqa: E402


def some_reports(n: int = 12) -> list[ParsedReport]:
    reports = [r for r in gold_reports() if r["indicators"]][:n]
    return [parse_docs([RawDoc(u, body(u), content_type(u)) for u in r["pages"]]) for r in reports]


def test_parsed_reports_survive_pickling_unchanged() -> None:
    for parsed in some_reports():
        assert parsed.sections and parsed.indicators and parsed.mentions
        back = pickle.loads(pickle.dumps(parsed, pickle.HIGHEST_PROTOCOL))
        assert back == parsed
        assert dataclasses.asdict(back) == dataclasses.asdict(parsed)
        assert type(back.sections[0]) is type(parsed.sections[0])


def test_link_pickles_and_stays_frozen() -> None:
    link = Link("http://example.gov.cn/a.pdf", "附件")
    back = pickle.loads(pickle.dumps(link))
    assert back == link
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.url = "x"  # type: ignore[misc]


def test_positional_builds_the_same_record() -> None:
    make = positional(County)
    names = [f.name for f in dataclasses.fields(County)]
    values = [f"v{i}" for i in range(len(names))]
    assert make(*values) == County(*values)


def test_positional_records_are_frozen_records_of_their_class() -> None:
    make = positional(Link)
    link = make("http://example.gov.cn/b.pdf", "附件二", None)
    assert type(link) is Link and link == Link("http://example.gov.cn/b.pdf", "附件二")
    assert hash(link) == hash(Link("http://example.gov.cn/b.pdf", "附件二"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        link.text = "x"  # type: ignore[misc]


def test_positional_refuses_classes_it_cannot_build() -> None:
    @dataclasses.dataclass
    class Loose:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class Derived(County):  # a record of a record: another layout
        extra: int = 0

    for cls in (Loose, Checked, Derived):
        with pytest.raises(TypeError):
            positional(cls)
