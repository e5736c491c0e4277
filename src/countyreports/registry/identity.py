"""Portal identity: does a page belong to the county we are crawling? (pure functions, no I/O)

Every Chinese government website carries a 网站标识码 (site identification code, 国办发〔2017〕47号): ten
digits, the 6-digit division code of the body that runs the site followed by a 4-digit serial
(``1410290008`` = 乡宁县 141029, site 0008). Pages show it in ``<meta name="SiteIDCode" content="...">`` and
in the footer (``网站标识码：1410290008``). A county portal's code starts with the county's own code, and so
do the codes of the county's department sites.

`check_identity` compares the code of a page with the county it was reached from:

* ``ok`` — the code starts with the county's code.
* ``missing`` — no code on the page, or one that cannot be read: a warning, the page is accepted.
* ``parent`` — the code is the county's prefecture's (first 4 digits + ``00``) or province's (first 2 digits
  + ``0000``): county sites hosted on the prefecture's or province's intensive platform (集约化平台, e.g.
  ``xiangfen.linfen.gov.cn``), and the county channels of a prefecture portal, often carry the platform's
  code. A warning, the page is accepted (the title check of the classifier still applies).
* ``retired`` — the code is not a current county-level division in the national list (given as `national`;
  prefecture and province codes, ending in ``00``, do not count): a county whose code
  changed (撤县设市/设区, e.g. 章丘市 370181 → 章丘区 370114) often keeps the site code it was issued under
  the old one. A warning, the page is accepted.
* ``mismatch`` — the code belongs to another current division (or, without `national`, to any other code,
  or is a central department's ``bm`` code): the page is another site's and must not be loaded as this
  county's report.

`IdentityCheck.accepted` is False only for ``mismatch``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import TYPE_CHECKING, Literal

from countyreports.models import County

if TYPE_CHECKING:
    from countyreports.registry.divisions import Divisions

Status = Literal["ok", "missing", "parent", "retired", "mismatch"]

_CODE = re.compile(r"^[1-9]\d{9}$")
_BM = re.compile(r"^bm\d{8}$", re.I)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_META_NAME = re.compile(r"""\bname\s*=\s*["']?\s*SiteIDCode\b""", re.I)
_META_CONTENT = re.compile(r"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# 网站标识码：1410290008 — possibly traditional, with tags, spaces or &nbsp; between label and digits
_FOOTER = re.compile(r"[网網]\s*站\s*[标標]\s*[识識]\s*[码碼]\s*(?:<[^>]{0,200}>|&nbsp;|&#160;|\s)*"
                     r"[:：]?\s*(?:<[^>]{0,200}>|&nbsp;|&#160;|\s)*([0-9A-Za-z]{6,20})")


@dataclass(frozen=True, slots=True)
class IdentityCheck:
    status: Status
    code: str | None  # the site code found on the page
    expected: str  # the county's adcode
    message: str

    @property
    def accepted(self) -> bool:
        """False when the page belongs to another site and must not be loaded as this county's."""
        return self.status != "mismatch"

    @property
    def warning(self) -> bool:
        return self.status in ("missing", "parent", "retired")


def site_code_adcode(code: str) -> str | None:
    """The 6-digit division code in a 10-digit 网站标识码 (its first six digits), or None if it is not one."""
    code = (code or "").strip()
    return code[:6] if _CODE.match(code) else None


def site_code_from_html(html: str) -> str | None:
    """The 网站标识码 of a page: ``<meta name="SiteIDCode" content>`` first, else the last 网站标识码 label in
    the text (the footer comes last). Works on raw HTML (no parsing); returns the code as written."""
    for tag in _META_TAG.findall(html):
        if _META_NAME.search(tag):
            m = _META_CONTENT.search(tag)
            if m:
                value = unescape(next(g for g in m.groups() if g is not None)).strip()
                if value:
                    return value
    found = _FOOTER.findall(html)
    return found[-1] if found else None


def check_identity(site_id_code: str | None, county: County, national: Divisions | None = None) -> IdentityCheck:
    """Compare a page's site code with the county it was reached from (see the module doc for the statuses)."""
    expected = county.adcode
    code = (site_id_code or "").strip() or None
    name = f"{county.county} ({expected})"
    if code is None:
        return IdentityCheck("missing", None, expected, f"no 网站标识码 on the page of {name}")
    if _BM.match(code):
        return IdentityCheck("mismatch", code, expected,
                             f"site code {code} is a central department's, not {name}'s")
    adcode = site_code_adcode(code)
    if adcode is None:
        return IdentityCheck("missing", code, expected, f"unreadable 网站标识码 {code!r} on the page of {name}")
    if adcode == expected:
        return IdentityCheck("ok", code, expected, f"site code {code} is {name}'s")
    if adcode in (expected[:4] + "00", expected[:2] + "0000"):
        level = "prefecture" if adcode.endswith("00") and not adcode.endswith("0000") else "province"
        return IdentityCheck("parent", code, expected,
                             f"site code {code} is the {level}'s ({adcode}), not {name}'s own "
                             "(a shared platform); accepted")
    if national is not None and adcode not in national and not adcode.endswith("00"):
        return IdentityCheck("retired", code, expected,
                             f"site code {code}: {adcode} is not a current county-level division "
                             f"(a former code of {name}?); accepted")
    other = ""
    if national is not None:
        div = national.get(adcode)
        if div is not None:
            other = f" {div.province}{div.prefecture if div.prefecture != div.province else ''}{div.county}"
    return IdentityCheck("mismatch", code, expected,
                         f"site code {code} belongs to another division ({adcode}{other}), not {name}")
