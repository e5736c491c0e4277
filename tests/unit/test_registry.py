"""Registry reading and validation against the national list (real CSV files in tmp_path)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from countyreports.registry.divisions import data_path, load_divisions
from countyreports.errors import RegistryError
from countyreports.registry.file import ProblemKind, read_registry
from countyreports.registry.homepages import import_homepages
from countyreports.registry.portals import load_portals

PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"
HEADER = "adcode,province,prefecture,county,homepage\n"
GOOD = "141029,山西省,临汾市,乡宁县,http://www.xiangning.gov.cn/\n"


def write(tmp_path: Path, body: str, name: str = "reg.csv", header: str = HEADER) -> Path:
    p = tmp_path / name
    p.write_text(header + body, encoding="utf-8")
    return p


def only_problem(path: Path, **kw):
    reg = read_registry(path, **kw)
    assert len(reg.problems) == 1, reg.problems
    return reg, reg.problems[0]


# --- the national list -------------------------------------------------------------------------------------

def test_national_list_shape():
    nat = load_divisions()
    assert 2800 <= len(nat) <= 2900
    assert len({d.adcode for d in nat}) == len(nat)
    assert all(len(d.adcode) == 6 and d.adcode.isdigit() and not d.adcode.endswith("00") for d in nat)
    kinds = {d.kind for d in nat}
    assert kinds <= {"市辖区", "县", "县级市", "自治县", "旗", "自治旗", "特区", "林区"}
    assert {"特区", "林区", "自治旗"} <= kinds
    assert len(nat.in_province("山西省")) == 117  # recent lists: 山西 has 117 county-level divisions
    assert nat.get("429021").county == "神农架林区"
    assert nat.get("520204").county == "水城区"
    assert nat.get("653229").county == "和安县"  # Hotan, 2024-12
    assert nat.get("500157").county == "两江新区" and "500105" not in nat  # Chongqing, 2025-11
    assert nat.notes and "Source" in " ".join(nat.notes)


def test_snapshot_counties_are_in_the_national_list_with_their_names():
    nat = load_divisions()
    with open(PORTAL / "counties.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 41
    for r in rows:
        d = nat.get(r["adcode"])
        assert d is not None, r
        assert (d.province, d.prefecture, d.county) == (r["province"], r["prefecture"], r["county"])


def test_the_data_file_is_itself_a_valid_registry_without_homepages():
    reg = read_registry(data_path())
    assert not reg.problems
    assert len(reg.counties) == 0  # the national list's homepages are portals.csv
    assert len(reg.no_homepage) == len(load_divisions())


def test_the_national_registry_has_every_county_s_portal():
    """portals.csv (its README): 2,840 of the 2,845 divisions have a homepage; 金门县, 西沙区, 南沙区 (no portal in
    the source), 和康县 and 和安县 (set up after it) have none."""
    reg = read_registry("national")
    assert len(reg.counties) == 2840 and reg.problems == ()
    assert sorted(c.adcode for c in reg.no_homepage) == ["350527", "460302", "460303", "653228", "653229"]
    by = {c.adcode: c for c in reg.counties}
    assert by["140828"].homepage == "http://www.sxxiaxian.gov.cn/"  # protocol-switch: the scheme that answered first
    assert by["140828"].alternates == ("https://www.sxxiaxian.gov.cn/",)
    assert load_divisions().get("140828").homepage == "https://www.sxxiaxian.gov.cn/"  # as listed
    flagged = {w.adcode: w.reason for w in reg.warnings}
    assert "not the county's own" in flagged["222404"]  # 珲春市: the prefecture's portal
    assert "did not answer" in next(r for a, r in flagged.items() if by[a].homepage and "try --proxy" in r)
    assert all(w.kind is ProblemKind.FLAGGED for w in reg.warnings)
    assert load_portals()["141029"].homepage.startswith("http")


def test_a_registry_may_give_the_report_column(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("adcode,province,prefecture,county,homepage,column_url\n"
                    "141029,山西省,临汾市,乡宁县,http://www.xiangning.gov.cn/,http://www.xiangning.gov.cn/zwgk/fzzfjs/\n"
                    "141023,山西省,临汾市,襄汾县,,http://xiangfen.linfen.gov.cn/49727/list.html\n"
                    "141024,山西省,临汾市,洪洞县,http://hongtong.linfen.gov.cn/,ftp://x\n", encoding="utf-8")
    reg = read_registry(path)
    assert [(c.adcode, c.column_url) for c in reg.counties] == [
        ("141029", "http://www.xiangning.gov.cn/zwgk/fzzfjs/"), ("141023", "http://xiangfen.linfen.gov.cn/49727/list.html")]
    assert [(p.adcode, p.kind) for p in reg.problems] == [("141024", ProblemKind.BAD_SCHEME)]


def test_bundled_snapshot_registry_passes_the_default_checks():
    reg = read_registry(PORTAL / "counties.csv")
    assert reg.problems == () and reg.warnings == ()
    assert len(reg.counties) == 41


# --- one test per bad-row kind ----------------------------------------------------------------------------

def test_malformed_code(tmp_path):
    reg, p = only_problem(write(tmp_path, GOOD + "14102X,山西省,临汾市,襄汾县,http://xiangfen.linfen.gov.cn/\n"))
    assert p.kind is ProblemKind.MALFORMED_CODE and p.line == 3
    assert str(p) == "line 3: malformed adcode '14102X' (6 digits expected) (14102X)"
    assert [c.adcode for c in reg.counties] == ["141029"]


def test_unknown_code(tmp_path):
    reg, p = only_problem(write(tmp_path, "141099,山西省,临汾市,某县,http://x.gov.cn/\n" + GOOD))
    assert p.kind is ProblemKind.UNKNOWN_CODE and p.line == 2 and p.adcode == "141099"
    assert "national list" in p.reason
    assert [c.adcode for c in reg.counties] == ["141029"]


def test_duplicate_code(tmp_path):
    reg, p = only_problem(write(tmp_path, GOOD + "141023,山西省,临汾市,襄汾县,\n" + GOOD))
    assert p.kind is ProblemKind.DUPLICATE_CODE and p.line == 4
    assert "first on line 2" in p.reason


def test_name_code_mismatch(tmp_path):
    # 莒县 is 371122, 莒南县 is 371327: a classic swap
    reg, p = only_problem(write(tmp_path, "371122,山东省,日照市,莒南县,http://www.juxian.gov.cn/\n" + GOOD))
    assert p.kind is ProblemKind.NAME_MISMATCH and p.line == 2
    assert "莒县" in p.reason and "371327" in p.reason


def test_province_mismatch(tmp_path):
    _, p = only_problem(write(tmp_path, "141029,河北省,临汾市,乡宁县,http://www.xiangning.gov.cn/\n"))
    assert p.kind is ProblemKind.NAME_MISMATCH and "山西省" in p.reason


def test_malformed_homepage(tmp_path):
    _, p = only_problem(write(tmp_path, "141029,山西省,临汾市,乡宁县,www.xiangning.gov.cn\n"))
    assert p.kind is ProblemKind.MALFORMED_URL and p.line == 2
    _, p = only_problem(write(tmp_path, "141029,山西省,临汾市,乡宁县,http://xiangning/\n"))
    assert p.kind is ProblemKind.MALFORMED_URL


def test_non_http_scheme(tmp_path):
    _, p = only_problem(write(tmp_path, "141029,山西省,临汾市,乡宁县,ftp://www.xiangning.gov.cn/\n"))
    assert p.kind is ProblemKind.BAD_SCHEME
    _, p = only_problem(write(tmp_path, "141029,山西省,临汾市,乡宁县,javascript:void(0)\n"))
    assert p.kind is ProblemKind.BAD_SCHEME


def test_short_row(tmp_path):
    _, p = only_problem(write(tmp_path, "141029,山西省,临汾市\n" + "141023,山西省,临汾市,襄汾县,\n"))
    assert p.kind is ProblemKind.MALFORMED_ROW and p.line == 2


def test_no_homepage_is_listed_not_an_error(tmp_path):
    reg = read_registry(write(tmp_path, GOOD + "141023,山西省,临汾市,襄汾县,\n"))
    assert reg.problems == ()
    assert [c.county for c in reg.no_homepage] == ["襄汾县"]
    assert [c.county for c in reg.counties] == ["乡宁县"]


def test_comments_bom_and_line_numbers(tmp_path):
    p = tmp_path / "reg.csv"
    p.write_text("\ufeff# my counties\n" + HEADER + "# a comment\n\n" + "14102,山西省,临汾市,乡宁县,\n",
                 encoding="utf-8")
    reg = read_registry(p)
    assert [x.line for x in reg.problems] == [5]


# --- not a registry ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",  # binary
    "名称,网址\n乡宁县,http://www.xiangning.gov.cn/\n".encode(),  # wrong columns
    b'{"adcode": "141029"}\n',  # JSON
    b"",  # empty
    "adcode\tprovince\tprefecture\tcounty\thomepage\n".encode(),  # TSV
    (HEADER + "141029,山西省,临汾市,乡宁县,\n").encode("gbk"),  # not UTF-8
])
def test_not_a_registry(tmp_path, content):
    p = tmp_path / "x.csv"
    p.write_bytes(content)
    with pytest.raises(RegistryError) as ei:
        read_registry(p)
    assert str(p) in str(ei.value)


def test_missing_file(tmp_path):
    with pytest.raises(RegistryError, match="cannot read registry"):
        read_registry(tmp_path / "nope.csv")


# --- replicate.py registries (9xxxxx codes) --------------------------------------------------------------

def replicated(tmp_path: Path) -> Path:
    """A registry as replicate.py writes it: original rows plus clones with invented 9xxxxx codes."""
    text = (PORTAL / "counties.csv").read_text(encoding="utf-8")
    lines = text.splitlines()[1:]
    clones = []
    for n, line in enumerate(lines[:5]):
        cells = line.split(",")
        cells[0] = "9%05d" % n
        cells[4] = cells[4].replace("http://", "http://c001-")
        clones.append(",".join(cells))
    return write(tmp_path, "\n".join(lines + clones) + "\n")


def test_unlisted_codes_fail_by_default(tmp_path):
    reg = read_registry(replicated(tmp_path))
    assert len(reg.counties) == 41
    assert [p.kind for p in reg.problems] == [ProblemKind.UNKNOWN_CODE] * 5
    assert reg.warnings == ()


def test_allow_unlisted_lets_them_through_with_a_warning(tmp_path):
    reg = read_registry(replicated(tmp_path), allow_unlisted=True)
    assert reg.problems == ()
    assert len(reg.counties) == 46
    assert [w.kind for w in reg.warnings] == [ProblemKind.UNLISTED] * 5
    assert all(w.adcode.startswith("9") and "national list" in str(w) for w in reg.warnings)


def test_no_national_check(tmp_path):
    reg = read_registry(replicated(tmp_path), national=None)
    assert reg.problems == () and reg.warnings == () and len(reg.counties) == 46


# --- import -----------------------------------------------------------------------------------------------

def test_import_creates_from_national_list_and_reports_conflicts(tmp_path):
    src = tmp_path / "homes.csv"
    src.write_text("adcode,county,homepage,column_url\n"
                   "653229,和安县,http://www.hean.gov.cn/,\n"
                   "141029,乡宁县,http://www.other.gov.cn/,http://www.other.gov.cn/fz/\n"
                   "999999,,http://a.gov.cn/,\n", encoding="utf-8")
    out = tmp_path / "registry.csv"
    res = import_homepages(src, out)
    assert res.created
    assert [c.adcode for c in res.added] == ["653229"]  # a division the national list has no portal for
    assert [p.adcode for p in res.conflicts] == ["141029"] and res.conflicts[0].kind is ProblemKind.CONFLICT
    assert [p.kind for p in res.problems] == [ProblemKind.UNKNOWN_CODE]
    reg = read_registry(out)
    assert reg.problems == ()
    homes = {c.adcode: c for c in reg.counties}
    assert homes["653229"].homepage == "http://www.hean.gov.cn/"
    assert homes["141029"].homepage == load_portals()["141029"].homepage  # conflict: the national one kept
    assert homes["141029"].column_url == "http://www.other.gov.cn/fz/"  # a report column is always taken
    assert len(reg.counties) + len(reg.no_homepage) == len(load_divisions())
    res2 = import_homepages(src, out, overwrite=True)
    assert not res2.created and [c.adcode for c, _old in res2.replaced] == ["141029"]
    assert {c.adcode: c.homepage for c in read_registry(out).counties}["141029"] == "http://www.other.gov.cn/"


def test_import_refuses_to_rewrite_a_registry_with_bad_rows(tmp_path):
    out = write(tmp_path, "14102,山西省,临汾市,乡宁县,\n", name="registry.csv")
    src = write(tmp_path, "141029,http://www.xiangning.gov.cn/\n", name="homes.csv", header="adcode,homepage\n")
    before = out.read_text(encoding="utf-8")
    with pytest.raises(RegistryError, match="bad row"):
        import_homepages(src, out)
    assert out.read_text(encoding="utf-8") == before
