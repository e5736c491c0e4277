"""Portal identity (网站标识码) checks, on the snapshot's real home pages."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from portal_fixture import body, manifest

from countyreports.registry.divisions import load_divisions
from countyreports.registry.identity import check_identity, site_code_adcode, site_code_from_html
from countyreports.models import County

PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"


def counties() -> list[County]:
    with open(PORTAL / "counties.csv", encoding="utf-8") as fh:
        return [County(**r) for r in csv.DictReader(fh)]


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def homepage_html(url: str) -> str:
    """The home page body, following the snapshot's redirects (歙县's home page moved)."""
    for _ in range(5):
        if url in manifest():
            return decode(body(url))
        with open(PORTAL / "manifest.jsonl", encoding="utf-8") as fh:
            entries = [json.loads(line) for line in fh]
        url = next(e["headers"]["Location"] for e in entries if e["url"] == url and "Location" in e["headers"])
    raise AssertionError(url)


XIANGNING = County("141029", "山西省", "临汾市", "乡宁县", "http://www.xiangning.gov.cn/")


def test_site_code_adcode():
    assert site_code_adcode("1410290008") == "141029"
    assert site_code_adcode(" 1410290008 ") == "141029"
    assert site_code_adcode("141029000") is None
    assert site_code_adcode("bm12000001") is None
    assert site_code_adcode("") is None


@pytest.mark.parametrize("county", counties(), ids=lambda c: c.adcode)
def test_every_snapshot_homepage_is_accepted(county):
    code = site_code_from_html(homepage_html(county.homepage))
    assert code is not None
    check = check_identity(code, county, load_divisions())
    assert check.status == "ok", check
    assert check.accepted and not check.warning
    assert site_code_adcode(code) == county.adcode


def test_a_page_of_another_county_is_rejected():
    html = homepage_html("http://xiangfen.linfen.gov.cn/")  # 襄汾县's home page
    check = check_identity(site_code_from_html(html), XIANGNING, load_divisions())
    assert check.status == "mismatch" and not check.accepted
    assert check.code == "1410230003" and check.expected == "141029"
    assert "襄汾县" in check.message
    # without the national list, any other county code is a mismatch too
    assert check_identity("1410230003", XIANGNING).status == "mismatch"


def test_missing_and_unreadable_codes_are_warnings():
    for code in (None, "", "n/a"):
        check = check_identity(code, XIANGNING)
        assert check.status == "missing" and check.accepted and check.warning


def test_prefecture_and_province_codes_are_warnings():
    assert check_identity("1410000001", XIANGNING).status == "parent"  # 临汾市's platform
    assert check_identity("1400000001", XIANGNING).status == "parent"  # 山西省's
    assert check_identity("1408000001", XIANGNING).status == "mismatch"  # 运城市: another prefecture
    assert check_identity("bm12000001", XIANGNING).status == "mismatch"  # a central department


def test_retired_code_is_a_warning_with_the_national_list():
    zhangqiu = County("370114", "山东省", "济南市", "章丘区", "http://www.zq.gov.cn/")
    check = check_identity("3701810031", zhangqiu, load_divisions())  # 章丘市's code before 2016
    assert check.status == "retired" and check.accepted
    assert check_identity("3701810031", zhangqiu).status == "mismatch"


def test_unlisted_clone_codes():
    clone = County("900003", "山西省", "临汾市", "乡宁县", "http://c001-www.xiangning.gov.cn/")
    assert check_identity("9000030008", clone, load_divisions()).status == "ok"


@pytest.mark.parametrize("html", [
    '<meta name="SiteIDCode" content="1410290008">',
    "<META content='1410290008' name='SiteIDCode' />",
    '<div class="footer">网站标识码：1410290008</div>',
    '<div class="footer">网站标识码:<span> 1410290008</span></div>',
    "<p>網站標識碼：&nbsp;1410290008 晋ICP备05001234号</p>",
])
def test_site_code_from_html_forms(html):
    assert site_code_from_html("<html><head></head><body>" + html + "</body></html>") == "1410290008"


def test_site_code_from_html_none():
    assert site_code_from_html("<html><body>主办：乡宁县人民政府</body></html>") is None
