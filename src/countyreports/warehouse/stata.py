"""A relation as a Stata .dta file (pyreadstat, format 118: Stata 14 and later read it, UTF-8 text), labelled
from the data dictionary.

* **Names**: Stata allows 32 characters (letters, digits, `_`). A longer column name is shortened by
  `stata_name`: the vowels (a e i o u) after the first letter of each word are dropped, word by word from the
  first, until the name fits (`reconsideration_correction_rate_pct` → `rcnsdrtn_correction_rate_pct`); a name
  still too long is cut at 32. Stata's reserved words get a trailing `_`. Two columns shortened to one name
  stop the export with an error. The full name leads the variable label of a shortened column.
* **Variable labels**: the column's meaning in docs/dictionary.md (the Chinese name and unit for an indicator
  column of `mart_indicator_matrix`), cut to Stata's 80 characters.
* **Value labels**: a text column whose dictionary meaning enumerates its values (`coverage_status`: loaded |
  withdrawn | portal_failed | not_crawled | missing; `status`, `unit`, `section_kind`, ...) is stored as an
  integer code 1, 2, ... in the listed order, labelled with the value (a value the dictionary does not list
  gets the next code, labelled with itself); booleans are 0/1 labelled no/yes. Missing values are Stata's `.`
  (numbers) or "" (text).
* Nested columns (lists, structs) arrive as JSON text (`formats.flat_select`); dates as Stata dates (%td),
  timestamps as %tc.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyreadstat

from countyreports.errors import TerminalError
from countyreports.warehouse.dictionary import Dictionary

__all__ = ["MAX_NAME", "stata_name", "write_dta"]

MAX_NAME = 32
MAX_LABEL = 80
MAX_STR_BYTES = 2045  # a Stata str# holds at most 2045 bytes (longer text would need strL)
_RESERVED = frozenset("_all _b byte _coef _cons double float if in int long _n _N _pi _pred _rc _skip strL "
                      "using with".split())
_VOWELS = re.compile(r"(?<=.)[aeiou]")
BOOL_LABELS: dict[int | float, str] = {0: "no", 1: "yes"}


def stata_name(name: str) -> str:
    """The Stata variable name of a column (see the module docstring)."""
    out = re.sub(r"[^A-Za-z0-9_]", "_", name)
    if not re.match(r"[A-Za-z_]", out):
        out = "v" + out
    words = out.split("_")
    i = 0
    while len("_".join(words)) > MAX_NAME and i < len(words):
        words[i] = _VOWELS.sub("", words[i])
        i += 1
    out = "_".join(words)[:MAX_NAME]
    return out + "_" if out in _RESERVED and len(out) < MAX_NAME else out


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "…"


def write_dta(table: pa.Table, relation: str, path: Path, dictionary: Dictionary) -> None:
    """Write one relation (flat columns) as `path`, with variable and value labels from `dictionary`."""
    names = [stata_name(c) for c in table.column_names]
    if len(set(names)) != len(names):
        clash = sorted({n for n in names if names.count(n) > 1})
        raise TerminalError(f"{relation}: columns shortened to the same Stata name {clash}")
    data: dict[str, object] = {}
    labels: list[str | None] = []
    value_labels: dict[str, dict[int | float, str]] = {}
    for column, name, field in zip(table.columns, names, table.schema, strict=True):
        col = dictionary.column(relation, field.name)
        meaning = col.meaning if col else ""
        label = meaning if name == field.name else f"{field.name}: {meaning}".rstrip(": ")
        labels.append(_label(label))
        values = column.to_pylist()
        if pa.types.is_boolean(field.type):
            data[name] = pd.array([None if v is None else int(v) for v in values], dtype="float64") \
                if None in values else pd.array([int(v) for v in values], dtype="int8")
            value_labels[name] = dict(BOOL_LABELS)
        elif pa.types.is_string(field.type) and col is not None and col.categories:
            order = list(col.categories) + sorted({v for v in values if v is not None} - set(col.categories))
            codes = {v: i + 1 for i, v in enumerate(order)}
            coded = [None if v is None else codes[v] for v in values]
            data[name] = pd.array(coded, dtype="float64") if None in coded else pd.array(coded, dtype="int32")
            value_labels[name] = {i + 1: v for i, v in enumerate(order)}
        elif pa.types.is_string(field.type):
            long = max((len(v.encode("utf-8")) for v in values if v is not None), default=0)
            if long > MAX_STR_BYTES:
                raise TerminalError(f"{relation}.{field.name}: a text of {long} bytes is longer than a Stata "
                                    f"string holds ({MAX_STR_BYTES}); export this relation as csv or parquet")
            data[name] = pd.Series(["" if v is None else v for v in values], dtype="object")
        elif pa.types.is_date(field.type):
            data[name] = pd.Series(values, dtype="object")  # datetime.date: pyreadstat writes %td
        elif pa.types.is_timestamp(field.type):
            data[name] = pd.Series([pd.NaT if v is None else v for v in values], dtype="datetime64[us]")
        elif pa.types.is_integer(field.type):
            data[name] = pd.array([float("nan") if v is None else v for v in values], dtype="float64") \
                if None in values else pd.array(values, dtype="int64" if pa.types.is_int64(field.type) else "int32")
        else:
            data[name] = pd.array([float("nan") if v is None else float(v) for v in values], dtype="float64")
    frame = pd.DataFrame(data, columns=names)
    formats = {n: "%td" for n, f in zip(names, table.schema, strict=True) if pa.types.is_date(f.type)}
    grain = dictionary.grains.get(relation, "")
    pyreadstat.write_dta(frame, str(path), file_label=_label(f"countyreports {relation}: {grain}"),
                         column_labels=labels, variable_value_labels=value_labels or None,
                         variable_format=formats or None, version=14)
