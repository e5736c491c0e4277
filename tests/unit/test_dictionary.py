"""Docs kept honest: docs/dictionary.md documents every table, view and column of a fresh warehouse and every
indicator code of the taxonomy; the taxonomy seed view equals taxonomy.CODES; every view file states its grain."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from countyreports.reading.indicators.taxonomy import CODES
from countyreports.warehouse.writer import SQL_DIR, VIEW_LAYERS, Warehouse, sql_files

DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "dictionary.md"
MATRIX = "mart_indicator_matrix"


def _documented() -> tuple[dict[str, set[str]], dict[str, str]]:
    """relation -> documented columns; indicator code -> documented unit."""
    relations: dict[str, set[str]] = {}
    codes: dict[str, str] = {}
    current: str | None = None
    in_codes = False
    for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^### `([a-z_]+)`", line):
            current, in_codes = m.group(1), False
            relations[current] = set()
        elif line.startswith("## "):
            current, in_codes = None, line.strip() == "## Indicator codes"
        elif in_codes and (m := re.match(r"^\| `([a-z_]+)` \| ([a-z-]+) \|", line)):
            codes[m.group(1)] = m.group(2)
        elif current and (m := re.match(r"^\| `([^`]+)` \|", line)):
            relations[current].add(m.group(1))
    return relations, codes


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    db = tmp_path_factory.mktemp("dict") / "x.duckdb"
    with Warehouse(db) as wh:
        rows = wh.con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position").fetchall()
    out: dict[str, list[str]] = {}
    for t, c in rows:
        out.setdefault(t, []).append(c)
    return out


def test_every_relation_documented(fresh: dict[str, list[str]]) -> None:
    documented, _ = _documented()
    assert sorted(set(fresh) - set(documented)) == [], "add them to docs/dictionary.md"
    assert sorted(set(documented) - set(fresh)) == [], "documented but gone from the warehouse"


def test_every_column_documented(fresh: dict[str, list[str]]) -> None:
    documented, _ = _documented()
    missing, stale = [], []
    for rel, cols in fresh.items():
        doc = documented.get(rel, set())
        for c in cols:
            if rel == MATRIX and c in CODES:  # one column per code, documented as <indicator_code>
                continue
            if c not in doc:
                missing.append(f"{rel}.{c}")
        stale += [f"{rel}.{c}" for c in doc - set(cols) if not c.startswith("<")]
    assert missing == [], "undocumented columns: add them to docs/dictionary.md"
    assert stale == [], "documented columns that no longer exist"


def test_every_indicator_code_documented() -> None:
    _, codes = _documented()
    assert {c: s.unit for c, s in CODES.items()} == codes


def test_seed_equals_taxonomy(fresh: dict[str, list[str]], tmp_path: Path) -> None:
    with Warehouse(tmp_path / "seed.duckdb") as wh:
        seed = wh.con.execute("SELECT indicator_code, unit, label_zh, trigger_words_zh, counted "
                              "FROM stg_indicator_codes").fetchall()
    assert [r[0] for r in seed] == list(CODES)  # same codes, taxonomy order
    assert {r[0]: r[1] for r in seed} == {c: s.unit for c, s in CODES.items()}
    assert all(r[2] and r[3] and r[4] for r in seed)
    matrix_codes = [c for c in fresh[MATRIX] if c in CODES]
    assert matrix_codes == list(CODES), f"{MATRIX} must have one column per code, in taxonomy order"


def test_view_files_state_their_grain() -> None:
    for layer in VIEW_LAYERS:
        for path in sql_files(layer, SQL_DIR):
            text = path.read_text(encoding="utf-8")
            head = "".join(ln for ln in text.splitlines() if ln.startswith("--"))
            assert head.startswith(f"-- {path.stem}:"), f"{path}: header must start with '-- {path.stem}:'"
            assert "grain" in head.lower(), f"{path}: header must state the grain"
            views = re.findall(r"CREATE OR REPLACE VIEW (\w+)", text)
            assert views == [path.stem], f"{path}: one view per file, named as the file"


def test_assertion_files_have_a_description() -> None:
    for path in sorted((SQL_DIR / "tests").glob("*.sql")):
        assert path.read_text(encoding="utf-8").startswith("-- "), path
