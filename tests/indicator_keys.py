"""What the indicator reading tests compare: each indicator of a text as (code, value, from_value, value_kind), values
rounded to 2 places, counted as a multiset; and the same keys written by hand in a test."""

from __future__ import annotations

import collections

from countyreports.models import Section
from countyreports.reading.indicators import extract

Key = tuple[str, float, float | None, str]


def keys(text: str, sections: tuple[Section, ...] = ()) -> collections.Counter[Key]:
    """The indicators `extract` reads in `text` (with its `sections`), as keys."""
    inds, _ = extract(text, sections)
    return collections.Counter((i.code, round(i.value, 2), None if i.from_value is None else round(i.from_value, 2),
                                i.value_kind) for i in inds)


def want(*expected: Key) -> collections.Counter[Key]:
    """The keys a test expects, rounded as `keys` rounds them."""
    return collections.Counter((c, round(float(v), 2), None if f is None else round(float(f), 2), k)
                               for c, v, f, k in expected)
