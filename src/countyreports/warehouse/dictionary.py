"""The data dictionary (docs/dictionary.md) as data: every relation's columns with their type and meaning, and
the indicator codes with their Chinese names — what the .xlsx dictionary sheet and the Stata labels are made of.

    d = load_dictionary()
    d.column("mart_coverage", "coverage_status").meaning   # "loaded | withdrawn | portal_failed | ..."
    d.column("mart_coverage", "coverage_status").categories  # ("loaded", "withdrawn", "portal_failed", ...)
    d.indicator_labels["admin_litigation_cases"]            # "行政诉讼（应诉）案件"

The page is the one source (tests/unit/test_dictionary.py keeps it complete against a fresh warehouse); it is
read from the checkout, beside sql/ (`DICTIONARY`). A column of `mart_indicator_matrix` named after an indicator
code is described by its code's row (`<indicator_code>` in the page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from countyreports.errors import TerminalError

__all__ = ["DICTIONARY", "Column", "Dictionary", "load_dictionary"]

DICTIONARY = Path(__file__).resolve().parents[3] / "docs" / "dictionary.md"

_RELATION = re.compile(r"^### `([a-z_]+)`")
_ROW = re.compile(r"^\| `([^`]+)` \| ([^|]+) \| (.*) \|$")
_CODE_ROW = re.compile(r"^\| `([a-z_]+)` \| ([a-z-]+) \| ([^|]+) \|")
#: an enumerated meaning: "a \| b \| c" at its start (words of lower case letters and _), e.g. coverage_status
_CATEGORIES = re.compile(r"^(?:level 1 only: )?([a-z_-]+(?: \\\| [a-z_-]+)+)")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str
    meaning: str  # markdown as written, `\|` as `|`
    categories: tuple[str, ...]  # the values an enumerated meaning lists ("loaded | withdrawn | ..."), else ()


@dataclass(frozen=True, slots=True)
class Dictionary:
    relations: dict[str, tuple[Column, ...]]  # relation → its documented columns, in page order
    grains: dict[str, str]  # relation → the line under its heading ("view; grain — ...")
    indicator_labels: dict[str, str]  # indicator code → 中文 name
    indicator_units: dict[str, str]

    def column(self, relation: str, name: str) -> Column | None:
        for col in self.relations.get(relation, ()):
            if col.name == name:
                return col
        if name in self.indicator_labels:  # the matrix's one column per code
            return Column(name, "DOUBLE", f"{self.indicator_labels[name]} ({self.indicator_units[name]})", ())
        return None


def _categories(meaning: str) -> tuple[str, ...]:
    m = _CATEGORIES.match(meaning)
    return tuple(m.group(1).split(" \\| ")) if m else ()


def parse_dictionary(text: str) -> Dictionary:
    relations: dict[str, list[Column]] = {}
    grains: dict[str, str] = {}
    labels: dict[str, str] = {}
    units: dict[str, str] = {}
    current: str | None = None
    in_codes = False
    for line in text.splitlines():
        if m := _RELATION.match(line):
            current, in_codes = m.group(1), False
            relations[current] = []
        elif line.startswith("## "):
            current, in_codes = None, line.strip() == "## Indicator codes"
        elif in_codes and (m := _CODE_ROW.match(line)):
            units[m.group(1)], labels[m.group(1)] = m.group(2), m.group(3).strip()
        elif current and (m := _ROW.match(line)):
            meaning = m.group(3).strip()
            relations[current].append(Column(m.group(1), m.group(2).strip(), meaning.replace("\\|", "|"),
                                             _categories(meaning)))
        elif current and line.strip() and current not in grains and not line.startswith("|"):
            grains[current] = line.strip()
    return Dictionary({k: tuple(v) for k, v in relations.items()}, grains, labels, units)


@lru_cache(maxsize=1)
def load_dictionary(path: Path = DICTIONARY) -> Dictionary:
    try:
        return parse_dictionary(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TerminalError(f"cannot read the data dictionary {path}: {exc}") from exc
