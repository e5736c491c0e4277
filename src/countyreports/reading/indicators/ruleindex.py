"""The rules of `taxonomy.RULES` compiled and indexed by measure word, for `extract` (built at import).

    RULE_INDEX["件"].candidates_for(words_before_the_number)  -> the left rules that may match
    first_chars(pattern)                                    -> the characters every match starts with

The index is made from the rule patterns themselves (parsed with the stdlib regex parser): the endings of the
left subjects (which rules may end where), a string or characters every match holds (a pre-test cheaper than
the regex), and the first characters of the right subjects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _parser  # type: ignore[attr-defined]  # getwidth() of the rule patterns

from countyreports.reading.indicators.taxonomy import CODES, MEASURE_UNITS, RULES, Rule


def first_chars(pattern: str) -> str | None:
    """The characters every match of `pattern` starts with (None: not known, or a match may be empty)."""
    from re import _constants as c  # type: ignore[attr-defined]  # noqa: PLC0415 - stdlib internals, parse only

    def walk(items) -> tuple[set[str], bool] | None:  # (first characters, the items may match nothing)
        got: set[str] = set()
        for op, av in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width: the next item gives the first character
                continue
            if op is c.LITERAL:
                sub: tuple[set[str], bool] | None = ({chr(av)}, False)
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                sub = ({chr(v) for _, v in av}, False)
            elif op is c.SUBPATTERN:
                sub = walk(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                sub = walk(av[2])
                sub = None if sub is None else (sub[0], sub[1] or av[0] == 0)
            elif op is c.BRANCH:
                parts = [walk(b) for b in av[1]]
                sub = None if any(x is None for x in parts) else (
                    set().union(*(x[0] for x in parts)), any(x[1] for x in parts))  # type: ignore[index]
            else:
                return None
            if sub is None:
                return None
            got |= sub[0]
            if not sub[1]:
                return got, False
        return got, True

    found = walk(_parser.parse(pattern))
    return None if found is None or found[1] else "".join(sorted(found[0]))


def _needs(pattern: str) -> frozenset[str] | None:
    """Characters of which at least one occurs in every match of `pattern` (None: no such set known).

    Used as a cheap `in` pre-test before running a rule's regex."""
    from re import _constants as c, _parser as p  # type: ignore[attr-defined]  # noqa: PLC0415 - stdlib internals

    def walk(items) -> frozenset[str] | None:
        best: frozenset[str] | None = None
        for op, av in items:
            got: frozenset[str] | None = None
            if op is c.LITERAL:
                got = frozenset(chr(av))
            elif op is c.SUBPATTERN:
                got = walk(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                got = walk(av[2])
            elif op is c.BRANCH:
                parts = [walk(b) for b in av[1]]
                got = None if any(x is None for x in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                got = frozenset(chr(v) for _, v in av)
            if got is not None and (best is None or len(got) < len(best)):
                best = got
        return best

    try:
        return walk(p.parse(pattern))
    except Exception:  # pragma: no cover - a pattern the walker does not know: no pre-test
        return None


def _literal(pattern: str) -> str | None:
    """The longest string that every match of `pattern` contains (None: none known).

    Left rules: `literal in left` is a cheap pre-test before the search of a rule's regex."""
    from re import _constants as c, _parser as p  # type: ignore[attr-defined]  # noqa: PLC0415 - stdlib internals

    def substrings(run: str) -> set[str]:
        return {run[i:j] for i in range(len(run)) for j in range(i + 1, len(run) + 1)}

    def walk(items) -> set[str]:  # the strings every match holds (with all their substrings)
        found: set[str] = set()
        run = ""  # the literal characters matched one after the other so far
        for op, av in items:
            if op is c.LITERAL:
                run += chr(av)
                continue
            found |= substrings(run)
            run = ""
            if op is c.SUBPATTERN:
                found |= walk(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                found |= walk(av[2])
            elif op is c.BRANCH:
                found |= set.intersection(*(walk(b) for b in av[1]))
            # anything else (a class, a lookaround, an optional part) holds no required string
        return found | substrings(run)

    found = walk(p.parse(pattern))
    return max(sorted(found), key=len) if found else None


def _endings(pattern: str) -> frozenset[str] | None:
    """The last two characters of every match of `pattern` (a single character: a match may be one character
    long), or None when no such set is known (any character may end a match, or a match may be empty).

    With the `gap` rule of `left` subjects, a left rule can only match when one of its endings stands among
    the last `gap + 1` characters before the number: an index of the left rules by their endings."""
    from re import _constants as c, _parser as p  # type: ignore[attr-defined]  # noqa: PLC0415 - stdlib internals

    def then(before: frozenset[str], after: frozenset[str]) -> frozenset[str]:  # endings of `before after`
        return frozenset(e if len(e) == 2 else (b + e)[-2:] for e in after for b in (before if len(e) < 2 else ("",)))

    def walk(items) -> tuple[frozenset[str], bool] | None:  # (endings, may be empty)
        ends: frozenset[str] = frozenset()
        empty = True  # the items so far may match nothing
        unknown = False  # ... or may end with any character
        for op, av in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width
                continue
            if op is c.LITERAL:
                got: tuple[frozenset[str], bool] | None = (frozenset(chr(av)), False)
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                got = (frozenset(chr(v) for _, v in av), False)
            elif op is c.SUBPATTERN:
                got = walk(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                got = walk(av[2])
                if got is not None:
                    once, e = got
                    got = (once | then(once, once) if av[1] > 1 else once, e or av[0] == 0)
            elif op is c.BRANCH:
                parts = [walk(x) for x in av[1]]
                got = None if any(x is None for x in parts) else (
                    frozenset().union(*(x[0] for x in parts)), any(x[1] for x in parts))  # type: ignore[index]
            else:
                got = None
            if got is None or len(got[0]) > 500:
                ends, empty, unknown = frozenset(), False, True
                continue
            sub, sub_empty = got
            ends = then(ends, sub) | (sub if empty or unknown else frozenset()) | (ends if sub_empty else frozenset())
            empty = empty and sub_empty
            unknown = unknown and sub_empty
        return None if unknown else (ends, empty)

    try:
        got = walk(p.parse(pattern))
    except Exception:  # pragma: no cover - a pattern the walker does not know: no index
        return None
    return None if got is None or got[1] else got[0]


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """One rule of RULES with its regexes compiled and its pre-tests."""

    rule: Rule
    left: re.Pattern[str] | None
    prefix: re.Pattern[str] | None
    right: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    measures: frozenset[str]
    needs: frozenset[str] | None  # one is in every match (right rules: within 24 characters of the measure)
    literal: str | None  # left rules: a string every match holds
    width: int  # left rules: the longest match (subject and gap), so the search can start at len(left) - width


def _compile(rule: Rule) -> CompiledRule:
    left = re.compile(f"(?:{rule.left})(?P<gap>[^、]{{0,{rule.gap}}})$") if rule.left else None
    prefix = re.compile(f"(?:{rule.prefix})$") if rule.right else None
    right = re.compile(rule.right) if rule.right else None
    exclude = re.compile(rule.exclude) if rule.exclude else None
    needs = _needs(rule.left or rule.right)
    literal = _literal(rule.left) if rule.left else None
    width = _parser.parse(left.pattern).getwidth()[1] if left is not None else 0  # lookarounds count 0
    return CompiledRule(rule, left, prefix, right, exclude, frozenset(CODES[rule.code].measures), needs, literal,
                        width)


_RULES: tuple[CompiledRule, ...] = tuple(_compile(r) for r in RULES)
_BY_MEASURE: dict[str, tuple[tuple[int, CompiledRule], ...]] = {
    m: tuple((i, c) for i, c in enumerate(_RULES) if m in c.measures) for m in MEASURE_UNITS
}


@dataclass(frozen=True, slots=True)
class MeasureRules:
    """The rules of one measure word, indexed for `extract._best_rule`."""

    lefts: tuple[tuple[int, CompiledRule], ...]  # the left rules (with their index in RULES), in table order
    by_end: dict[tuple[int, str], int]  # (j, an ending of a subject that ends j characters before the number)
    # -> bit set over `lefts` of the rules with that ending
    unindexed: int  # bit set of the left rules that can end with any character
    tail: int  # longest gap + 1: the subject of a left rule ends within that many characters before the number
    any_right: re.Pattern[str] | None  # matches right after the measure when any right rule might
    right_first: frozenset[str] | None  # the characters a match of any_right starts with (None: not known)
    rights: tuple[tuple[int, CompiledRule], ...]
    candidates: dict[str, tuple[tuple[int, CompiledRule], ...]]  # memo of `candidates_for`

    def candidates_for(self, end: str) -> tuple[tuple[int, CompiledRule], ...]:
        """The left rules that may match words ending with `end` (their last `tail + 1` characters)."""
        n = len(end)
        get = self.by_end.get
        bits = self.unindexed
        for j in range(1, n + 1):  # the subject ends j characters before the number
            ch = end[n - j]
            bits |= get((j, ch), 0)  # rules whose subject may be this one character
            if j < n:
                bits |= get((j, end[n - j - 1:n - j + 1]), 0)
            if ch == "、":  # the gap never holds a 、
                break
        got = []
        while bits:
            low = bits & -bits
            got.append(self.lefts[low.bit_length() - 1])
            bits ^= low
        if len(self.candidates) >= 20_000:
            self.candidates.clear()
        self.candidates[end] = out = tuple(got)
        return out


def _index(rules: tuple[tuple[int, CompiledRule], ...]) -> MeasureRules:
    lefts = tuple((i, c) for i, c in rules if c.left is not None)
    rights = tuple((i, c) for i, c in rules if c.left is None)
    by_end: dict[tuple[int, str], int] = {}
    unindexed = 0
    for b, (_, c) in enumerate(lefts):
        endings = _endings(c.rule.left)
        if endings is None:
            unindexed |= 1 << b
        for e in endings or ():
            for j in range(1, c.rule.gap + 2):  # at most `gap` characters between the subject and the number
                by_end[j, e] = by_end.get((j, e), 0) | 1 << b
    any_right = re.compile("|".join(f"(?:{c.rule.right})" for _, c in rights)) if rights else None
    first = first_chars(any_right.pattern) if any_right is not None else None
    return MeasureRules(lefts, by_end, unindexed, max((c.rule.gap for _, c in lefts), default=0) + 1,
                         any_right, None if first is None else frozenset(first), rights, {})


RULE_INDEX: dict[str, MeasureRules] = {m: _index(rules) for m, rules in _BY_MEASURE.items() if rules}
