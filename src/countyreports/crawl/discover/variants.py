"""A list's other views that its page's controls name (pure; GET only, never a guessed URL): the years of a
year filter and the pages of a page form.

A browser submits a GET ``<form>`` as its action with its fields in document order (hidden inputs as written,
text inputs at their value, a ``<select>`` at the option chosen); the page's own charset encodes them. So:

* **year filters** — a ``<select>`` whose options are years (values ``2023``, or a year label's text) is a
  filter of the list: inside a GET form, one URL per year with the form's other fields; outside a form, its
  ``onchange`` handler says how the URL is built (``location.href = '/fz/list.jsp?year=' + this.value``). Links
  to the page's own path whose query only changes a year parameter are read by `pager.query_variants` (tabs).
* **page forms** — a GET form with a page-number field (``pageIndex``, ``pageNo``, ``page`` …; hidden, set by a
  ``goPage(n)`` script, or a text box beside a GO button) pages its list: the number of pages is the page's
  共N页 / k/N页, else the form's total ÷ page size, else the highest page number its pager names
  (``goPage(3)``, a link labelled 3); the pages after the current one are its further pages.
"""

from __future__ import annotations

import math
import re
from urllib.parse import quote_plus, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.names import is_year_label
from countyreports.crawl.discover.pager import CURRENT_KEYS, SIZE_KEYS, TOTAL_KEYS, TOTAL_PAGES_RE, total_pages

YEAR_VALUE = re.compile(r"^(?:19[89]\d|20[0-4]\d)$")
MIN_YEARS = 2  # a year filter offers two years at least
MAX_FORM_PAGES = 200
PAGE_FIELDS = CURRENT_KEYS | frozenset({"page"})
TEXT_TYPES = frozenset({"", "text", "search", "number"})
SKIP_TYPES = frozenset({"submit", "button", "image", "reset", "file"})
_BUILT = re.compile(r"""["']([^"'\s]*[=/])["']\s*\+\s*(?:this|[\w$]+)\.(?:value|options\[[^\]]*\]\.value)""")
_PAGE_CALL = re.compile(r"\b[A-Za-z_$][\w$]*\s*\(\s*(\d{1,4})\s*\)")


def _key(name: str) -> str:
    return name.replace("_", "").lower()


def _enc(text: str, charset: str) -> str:
    try:
        return quote_plus(text, safe="/,:", encoding=charset, errors="strict")
    except (LookupError, UnicodeEncodeError):
        return quote_plus(text, safe="/,:", encoding="utf-8")


def _fields(form: LexborNode) -> list[tuple[str, str, LexborNode]]:
    """(name, value, node) of a form's fields in document order; a select at its chosen (else first) option;
    checkboxes and radios only when checked."""
    out: list[tuple[str, str, LexborNode]] = []
    for node in form.css("input[name], select[name], textarea[name]"):
        name = node.attributes.get("name") or ""
        kind = (node.attributes.get("type") or "").lower()
        if not name or kind in SKIP_TYPES or (kind in ("checkbox", "radio") and "checked" not in node.attributes):
            continue
        if node.tag == "select":
            opts = node.css("option")
            chosen = next((o for o in opts if "selected" in o.attributes), opts[0] if opts else None)
            value = _option_value(chosen) if chosen is not None else ""
        else:
            value = node.attributes.get("value") or "" if node.tag == "input" else c.clean(node.text())
        out.append((name, value, node))
    return out


def _option_value(opt: LexborNode) -> str:
    value = opt.attributes.get("value")
    return c.clean(opt.text()) if value is None else value


def _get_forms(tree: LexborHTMLParser, url: str) -> list[tuple[str, LexborNode]]:
    """(action without its query, form) of the page's GET forms that ask no words (a search box is no filter):
    any text field is a page number's."""
    base = c.base_url(tree, url)
    out: list[tuple[str, LexborNode]] = []
    for form in tree.css("form"):
        if (form.attributes.get("method") or "get").lower() != "get":
            continue
        texts = [n.attributes.get("name") or "" for n in form.css("input, textarea")
                 if n.tag == "textarea" or (n.attributes.get("type") or "").lower() in TEXT_TYPES]
        if any(_key(name) not in PAGE_FIELDS for name in texts):
            continue
        action = c.resolve(form.attributes.get("action") or url, base)
        if action:
            parts = urlsplit(action)
            out.append((urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", "")), form))
    return out


def _submit(action: str, fields: list[tuple[str, str]], charset: str) -> str:
    parts = urlsplit(action)
    query = "&".join(f"{_enc(k, charset)}={_enc(v, charset)}" for k, v in fields)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _years(select: LexborNode) -> list[str]:
    """The years a select offers (its options' values), when it is a year filter."""
    years = []
    for opt in select.css("option"):
        value = c.clean(_option_value(opt))
        if YEAR_VALUE.match(value) and (is_year_label(c.clean(opt.text())) or YEAR_VALUE.match(c.clean(opt.text()))):
            years.append(value)
    return years if len(years) >= MIN_YEARS else []


def year_views(tree: LexborHTMLParser, url: str, hosts: frozenset[str], charset: str = "utf-8") -> tuple[str, ...]:
    """The list's views for each year its year filter offers (see the module doc), on the county's site."""
    out: list[str] = []
    in_forms: set[int] = set()
    for action, form in _get_forms(tree, url):
        fields = _fields(form)
        for i, (_name, _value, node) in enumerate(fields):
            if node.tag != "select":
                continue
            in_forms.add(id(node))
            for year in _years(node):
                pairs = [(k, year if j == i else v) for j, (k, v, _n) in enumerate(fields)]
                out.append(_submit(action, pairs, charset))
    base = c.base_url(tree, url)
    for select in tree.css("select[onchange]"):
        m = _BUILT.search(select.attributes.get("onchange") or "")
        if m is None:
            continue
        for year in _years(select):
            target = c.resolve(m.group(1) + year, base)
            if target:
                out.append(target)
    return tuple(dict.fromkeys(u for u in out if u != url and c.same_site(u, hosts)))


def _count(tree: LexborHTMLParser, form: LexborNode, fields: list[tuple[str, str, LexborNode]]) -> int | None:
    m = TOTAL_PAGES_RE.search(form.text(separator=" "))
    pages = int(m.group(1) or m.group(2)) if m else total_pages(tree)
    if pages:
        return pages
    nums = {_key(k): int(v) for k, v, _n in fields if v.isdigit()}
    total = next((nums[k] for k in TOTAL_KEYS if k in nums), None)
    size = next((nums[k] for k in SIZE_KEYS if k in nums), None)
    if total is not None and size:
        return math.ceil(total / size)
    named = [int(m.group(1)) for m in _PAGE_CALL.finditer(" ".join(
        f"{a.attributes.get('href') or ''} {a.attributes.get('onclick') or ''}" for a in tree.css("a, button, span")))]
    return max(named) if named else None


def form_pages(tree: LexborHTMLParser, url: str, hosts: frozenset[str], charset: str = "utf-8") -> tuple[str, ...]:
    """The further pages of a list paged by a GET form's page-number field (see the module doc)."""
    out: list[str] = []
    for action, form in _get_forms(tree, url):
        fields = _fields(form)
        at = next((i for i, (k, v, _n) in enumerate(fields) if _key(k) in PAGE_FIELDS and (v.isdigit() or not v)), None)
        if at is None:
            continue
        pages = _count(tree, form, fields)
        here = int(fields[at][1] or 1)
        if not pages:
            continue
        for k in range(here + 1, min(pages, MAX_FORM_PAGES) + 1):
            pairs = [(name, str(k) if j == at else v) for j, (name, v, _n) in enumerate(fields)]
            out.append(_submit(action, pairs, charset))
    return tuple(dict.fromkeys(u for u in out if u != url and c.same_site(u, hosts)))
