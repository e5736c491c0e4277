"""What a run selects (registry/selection.py): unknown counties, provinces and prefectures are named with the
reason and the nearest names the registry holds; a selection of nothing is an error; malformed years too."""

from __future__ import annotations

from pathlib import Path

import pytest

from countyreports.errors import InputError, SelectionError
from countyreports.registry.file import parse_registry, read_registry
from countyreports.registry.selection import parse_years, select, selection_problems

PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"


@pytest.fixture(scope="module")
def registry():  # the bundled snapshot's 41 counties
    return read_registry(PORTAL / "counties.csv")


def test_a_good_selection_gives_its_counties(registry) -> None:
    assert sorted(c.adcode for c in select(registry, ["411628", "141029"])) == ["141029", "411628"]
    shanxi = select(registry, province="山西省")
    assert shanxi and all(c.province == "山西省" for c in shanxi)
    assert len(select(registry)) == len(registry.counties)


def test_a_mistyped_adcode_is_named_with_the_nearest_registry_county(registry) -> None:
    (line,) = selection_problems(registry, ["141020"])  # one digit off 乡宁县's 141029
    assert "141020" in line and "141029 乡宁县" in line


def test_a_county_name_instead_of_its_code_is_answered_with_the_code(registry) -> None:
    (line,) = selection_problems(registry, ["乡宁县"])
    assert "not an adcode" in line and "141029" in line


def test_a_code_of_the_national_list_missing_from_the_registry_says_which_county_it_is(registry) -> None:
    (line,) = selection_problems(registry, ["140105"])  # 太原市小店区: in the national list, not in the snapshot
    assert "小店区" in line and "not in the registry" in line


def test_an_unknown_code_and_a_known_one_name_only_the_unknown(registry) -> None:
    problems = selection_problems(registry, ["141029", "999999"])
    assert len(problems) == 1 and "999999" in problems[0] and "national list" in problems[0]
    with pytest.raises(SelectionError, match="999999"):
        select(registry, ["141029", "999999"])


def test_a_skipped_row_and_a_row_without_homepage_say_so() -> None:
    text = ("adcode,province,prefecture,county,homepage\n"
            "141029,山西省,临汾市,乡宁县,http://www.xiangning.gov.cn/\n"
            "141023,山西省,临汾市,乡宁县,http://xiangfen.linfen.gov.cn/\n"  # name of another county: a bad row
            "141024,山西省,临汾市,洪洞县,\n")
    reg = parse_registry(text, "r.csv")
    skipped, no_home = selection_problems(reg, ["141023", "141024"])
    assert "141023" in skipped and "skipped" in skipped and "line 3" in skipped
    assert "141024" in no_home and "no homepage" in no_home


def test_provinces_and_prefectures_get_the_nearest_names(registry) -> None:
    (line,) = selection_problems(registry, province="山西")
    assert "--province '山西'" in line and "山西省" in line
    (line,) = selection_problems(registry, prefecture="临汾")
    assert "临汾市" in line
    (line,) = selection_problems(registry, province="北京市")  # a real province the snapshot has no county of
    assert "no county" in line and "北京市" in line


def test_a_selection_of_nothing_is_an_error(registry) -> None:
    (line,) = selection_problems(registry, ["411628"], province="山西省")  # 鹿邑县 is in 河南省
    assert "no county" in line and "411628" in line and "河南省" in line
    with pytest.raises(SelectionError):
        select(registry, ["411628"], province="山西省")
    empty = parse_registry("adcode,province,prefecture,county,homepage\n141024,山西省,临汾市,洪洞县,\n")
    with pytest.raises(SelectionError, match="no county with a homepage"):
        select(empty)


def test_selection_errors_are_input_errors() -> None:
    assert issubclass(SelectionError, InputError)


def test_years() -> None:
    assert parse_years("2019-2023") == [2019, 2020, 2021, 2022, 2023]
    assert parse_years("2021,2019") == [2019, 2021]
    assert parse_years(None) is None
    for bad in ("2019-20x", "23", "2023-2019", "1800-1801", " , "):
        with pytest.raises(SelectionError, match="--years"):
            parse_years(bad)
