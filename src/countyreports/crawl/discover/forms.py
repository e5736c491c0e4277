"""The site's own search, as its page's ``<form>`` says how to ask it (pure; never a guessed URL).

A search form is a ``GET`` form (``method`` absent or get) with one text field and the marks of a search (its
action, field names, button or class say search/搜索/检索). Its query URL is the form's action with the form's
fields in their order (replacing the action's own query): hidden fields as written, the first text field (one named like a query field when
there are several) set to the question, selects at their selected (else first) option; encoded in the page's
own charset, as a browser submits it. `SearchForm.carries` says whether the query holds a given value (a
shared 集约化 search service identifies the site by its 网站标识码).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote_plus, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.keywords import SEARCH_FIELD_NAMES, SEARCH_FORM_HINT

TEXT_TYPES = frozenset({"", "text", "search"})
SKIP_TYPES = frozenset({"submit", "button", "image", "reset", "file", "checkbox", "radio"})


@dataclass(frozen=True, slots=True)
class SearchForm:
    """A GET search form: where it goes and what it sends besides the question."""

    action: str  # absolute URL without query
    fields: tuple[tuple[str, str], ...]  # (name, value) in order; the query field's value is ""
    query_field: str
    charset: str = "utf-8"

    def url(self, question: str) -> str:
        """The query URL for `question`."""
        pairs = [(k, question if k == self.query_field else v) for k, v in self.fields]
        query = "&".join(f"{_enc(k, self.charset)}={_enc(v, self.charset)}" for k, v in pairs)
        parts = urlsplit(self.action)
        return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))

    def carries(self, value: str) -> bool:
        return bool(value) and (any(v == value for _k, v in self.fields) or value in urlsplit(self.action).path)


def _enc(text: str, charset: str) -> str:
    try:
        return quote_plus(text, encoding=charset, errors="strict")
    except (LookupError, UnicodeEncodeError):
        return quote_plus(text, encoding="utf-8")


def _is_search(form: LexborNode, action: str, names: list[str]) -> bool:
    attrs = form.attributes
    marks = " ".join([action, attrs.get("class") or "", attrs.get("id") or "", attrs.get("name") or "", *names])
    buttons = " ".join(c.clean(n.attributes.get("value") or n.text()) for n in form.css("input[type=submit], button"))
    holders = " ".join(n.attributes.get("placeholder") or "" for n in form.css("input"))
    return bool(SEARCH_FORM_HINT.search(marks) or SEARCH_FORM_HINT.search(buttons + " " + holders))


def search_forms(tree: LexborHTMLParser, url: str, charset: str = "utf-8") -> tuple[SearchForm, ...]:
    """The page's GET search forms (see the module doc)."""
    base = c.base_url(tree, url)
    out: list[SearchForm] = []
    for form in tree.css("form"):
        if (form.attributes.get("method") or "get").strip().lower() != "get":
            continue
        raw_action = (form.attributes.get("action") or "").strip()
        action = c.resolve(raw_action, base) if raw_action else url
        if action is None:
            continue
        fields: list[tuple[str, str]] = []
        texts: list[str] = []
        for node in form.css("input, select, textarea"):
            name = (node.attributes.get("name") or "").strip()
            kind = (node.attributes.get("type") or "").strip().lower() if node.tag == "input" else node.tag
            if not name or kind in SKIP_TYPES or kind == "password":
                if kind == "password":
                    break
                continue
            if node.tag == "select":
                opt = node.css_first("option[selected]") or node.css_first("option")
                value = (opt.attributes.get("value") or opt.text()).strip() if opt is not None else ""
                fields.append((name, value))
            elif node.tag == "textarea" or kind in TEXT_TYPES:
                texts.append(name)
                fields.append((name, ""))
            else:
                fields.append((name, (node.attributes.get("value") or "").strip()))
        else:
            if not texts:
                continue
            query = next((n for n in texts if SEARCH_FIELD_NAMES.match(n)), texts[0])
            fields = [(k, v) for k, v in fields if k == query or k not in texts]
            if not _is_search(form, action, [k for k, _ in fields]):
                continue
            parts = urlsplit(action)  # a GET form's data replaces the action's query (HTML: "mutate action URL")
            clean_action = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
            out.append(SearchForm(clean_action, tuple(fields), query, charset))
    return tuple(out)
