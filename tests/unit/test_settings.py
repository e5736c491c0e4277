"""Settings: every one documented in the README's settings table; environment variables parsed by type."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from countyreports.settings import SETTINGS_TABLE, Settings, load_settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table() -> None:
    documented = set(re.findall(r"^\| `COUNTYREPORTS_([A-Z0-9_]+)` \|", README, flags=re.M))
    assert documented == {name.upper() for name, _default, _help in SETTINGS_TABLE}


def test_environment_values_take_the_type_of_the_default() -> None:
    s = load_settings(env={"COUNTYREPORTS_WORKERS": "4", "COUNTYREPORTS_MIN_DELAY_S": "0.5",
                           "COUNTYREPORTS_ALLOW_UNLISTED": "false", "COUNTYREPORTS_PROXY": "http://p:1"})
    assert (s.workers, s.min_delay_s, s.allow_unlisted, s.proxy) == (4, 0.5, False, "http://p:1")
    assert load_settings(env={"COUNTYREPORTS_ALLOW_UNLISTED": "1"}).allow_unlisted is True
    with pytest.raises(ValueError):
        load_settings(env={"COUNTYREPORTS_ALLOW_UNLISTED": "maybe"})


def test_explicit_overrides_beat_the_environment_and_none_is_ignored() -> None:
    s = load_settings(env={"COUNTYREPORTS_WORKERS": "4"}, workers=8, db=None)
    assert s.workers == 8 and s.db == Settings().db
