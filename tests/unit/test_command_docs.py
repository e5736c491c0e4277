"""Docs kept honest for commands and macros: every `countyreports` command (and sub-command) has a row in the
README's commands table; every macro of sql/macros/ is documented in docs/dictionary.md."""

from __future__ import annotations

import re
from pathlib import Path

from countyreports.cli import app
from countyreports.warehouse.writer import MACRO_LAYER, SQL_DIR, sql_files

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
DICTIONARY = (REPO / "docs" / "dictionary.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    names = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands
             if c.callback is not None]
    for group in app.registered_groups:
        names += [f"{group.name} {c.name or c.callback.__name__.replace('_', '-')}"
                  for c in group.typer_instance.registered_commands if c.callback is not None]
    return names


def test_every_command_in_the_readme_table() -> None:
    rows = re.findall(r"^\| `countyreports ([a-z -]+?)(?: [A-Z\[\"-].*?)?` \|", README, flags=re.M)
    documented = {r.strip() for r in rows}
    commands = _commands()
    assert {"search", "show", "diff", "export"} <= set(commands)
    assert sorted(set(commands) - documented) == [], "add a row to the README's commands table"


def test_every_macro_documented() -> None:
    for path in sql_files(MACRO_LAYER, SQL_DIR):
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"-- {path.stem}("), f"{path}: header must start with '-- {path.stem}('"
        assert re.findall(r"CREATE OR REPLACE MACRO (\w+)", text) == [path.stem], path
        assert f"### macro `{path.stem}(" in DICTIONARY, f"document {path.stem} in docs/dictionary.md"
