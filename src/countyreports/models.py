"""Records that cross module boundaries (the bottom of the house: imports nothing of ours).

Every record is a frozen, slotted dataclass; closed vocabularies are StrEnums. `positional(cls)` builds such a
record from its fields given positionally: a twin class with the same slots is filled by plain attribute stores
and then becomes a `cls` (about three times as fast as the dataclass ``__init__``, which sets each field through
``object.__setattr__``); the records that cross processes by the thousand pickle through it. Only for frozen,
slotted dataclasses of no other base, without ``__post_init__``, ``InitVar`` or ``init=False`` fields (checked).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def positional(cls: type[T]) -> Callable[..., T]:
    """A constructor of `cls` taking every field, positionally and in order (no defaults, no checks)."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a frozen, slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    fields_ = fields(cls)  # type: ignore[arg-type]  # (a dataclass: checked just above)
    if any(not f.init for f in fields_) or len(fields_) != len(getattr(cls, "__dataclass_fields__")):
        raise TypeError(f"{cls.__name__} has fields outside its __init__")
    if cls.__bases__ != (object,):
        raise TypeError(f"{cls.__name__} derives from another class")
    names = [f.name for f in fields_]
    # a mutable twin with the same slots (so the same layout) is filled by plain attribute stores, then made
    # a `cls`: one class assignment instead of one slot-descriptor call per field
    init = f"def __init__(self, {', '.join(names)}):\n" + "".join(f"    self.{n} = {n}\n" for n in names)
    namespace: dict[str, Any] = {}
    exec(init, namespace)  # noqa: S102 - generated from field names, as dataclasses itself does
    slots = cls.__dict__["__slots__"]
    draft = type(f"_Draft{cls.__name__}", (), {"__slots__": slots, "__init__": namespace["__init__"]})
    probe: Any = object.__new__(draft)
    probe.__class__ = cls  # (raises TypeError now, not at the first record, if the layouts differ)
    namespace = {"_draft": draft, "_cls": cls}
    source = (f"def make_{cls.__name__}({', '.join(names)}):\n    obj = _draft({', '.join(names)})\n"
              "    obj.__class__ = _cls\n    return obj\n")
    exec(source, namespace)  # noqa: S102
    return namespace[f"make_{cls.__name__}"]  # type: ignore[no-any-return]



class Family(StrEnum):
    """CMS family of a portal (one discovery/extraction adapter each)."""

    TRS = "trs"
    HANWEB = "hanweb"
    PLATFORM = "platform"
    GKMLPT = "gkmlpt"  # Guangdong's shared 政府信息公开 platform (lists behind a JSON API)
    GENERIC = "generic"


class PageKind(StrEnum):
    """What an article page is, judged from its title (and, when needed, its text)."""

    COUNTY_REPORT = "county_report"
    DEPARTMENT_REPORT = "department_report"
    OTHER_ANNUAL_REPORT = "other_annual_report"
    NOTICE = "notice"
    NEWS = "news"
    UNRELATED = "unrelated"


class TextSource(StrEnum):
    """Where a report's text was read from (page, .docx, PDF text layer, converted .doc/.wps, OCR, text file)."""

    HTML, DOCX, PDF_TEXT, DOC, OCR, TEXT = "html", "docx", "pdf-text", "doc", "ocr", "text"


class ReadState(StrEnum):
    """Could the report's text be read (else: no converter, no OCR engine, they failed); --reparse retries."""

    OK, UNREADABLE_FORMAT, NEEDS_OCR, READ_FAILED = "ok", "unreadable_format", "needs_ocr", "read_failed"


class SectionKind(StrEnum):
    """Kinds of level-1 sections."""

    MEASURES_RESULTS = "measures_results"
    LEADER_DUTIES = "leader_duties"
    COURT_JUDGMENTS = "court_judgments"
    SHORTCOMINGS = "shortcomings"
    NEXT_YEAR_PLAN = "next_year_plan"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class County:
    """One registry row."""

    adcode: str
    province: str
    prefecture: str
    county: str
    homepage: str  # "" when unknown
    column_url: str = ""  # the report column, when the registry names it (asked before any search)
    alternates: tuple[str, ...] = ()  # other homepage URLs to try when `homepage` does not answer


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Cleaned text (one paragraph per line) and the repairs applied, in order."""

    text: str
    repairs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """A link found on a page (anchor text or title attribute, resolved absolute URL)."""

    url: str
    text: str
    date: dt.date | None = None  # date printed next to a list item, if any


@dataclass(frozen=True, slots=True)
class ListPage:
    """A column (list) page: its article items and the further list pages it points to."""

    url: str
    items: tuple[Link, ...]
    next_pages: tuple[str, ...] = ()
    family: Family = Family.GENERIC


@dataclass(frozen=True, slots=True)
class Article:
    """The main content of an article page, before cleaning."""

    url: str
    title: str
    paragraphs: tuple[str, ...]  # raw paragraph texts in order (soft <br> already joined)
    published: dt.date | None = None
    source: str | None = None  # ContentSource / 来源 / 发布机构
    attachments: tuple[Link, ...] = ()  # .docx/.pdf links inside the content
    page_links: tuple[str, ...] = ()  # further pages of the same article (_1.html, 下一页)
    site_id_code: str | None = None  # 网站标识码 (meta SiteIDCode or footer)
    family: Family = Family.GENERIC
    noise: tuple[str, ...] = ()  # damage seen on the page outside the main text (e.g. replacement_chars)
    images: tuple[str, ...] = ()  # absolute URLs of the images inside the main text, in order


@dataclass(frozen=True, slots=True)
class Section:
    """One heading of a report. `path` like "一/(一)/1"; text before the first heading has path ""."""

    path: str
    level: int
    title: str
    text: str
    kind: SectionKind | None = None
    secondary_kind: SectionKind | None = None
    char_start: int = 0  # offset of the heading line in clean_text
    char_end: int = 0  # end of the section's own text (before the next heading) in clean_text


@dataclass(frozen=True, slots=True)
class Indicator:
    """A coded indicator mention with provenance (offsets into clean_text).

    `value_kind` is "value" (the figure of the year) or "change" (a difference stated as such, 较上年增加12件:
    `value` is the signed change, never the year's value); `cues` are the words that decided the code, as
    "concept:word" (reading/indicators/concepts.py), the measure word last."""

    code: str
    value: float
    unit: str
    approx: bool
    from_value: float | None
    section_path: str
    surface: str
    sentence: str
    char_start: int
    char_end: int
    value_kind: str = "value"
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """Any quantity mention in the text, coded or not."""

    value: float
    measure: str  # the measure word / unit as written: 件, 人次, 万元, %, ...
    unit: str  # normalised unit: count, persons, person-times, households, percent, yuan, other
    approx: bool
    from_value: float | None
    before: str  # the words just before the number (up to ~12 characters)
    surface: str
    sentence: str
    section_path: str
    char_start: int
    char_end: int
    code: str | None = None  # the indicator code, when the mention is coded
    value_kind: str = "value"  # "value", or "change" for a stated difference (signed)


@dataclass(frozen=True, slots=True)
class OcrLine:
    """A text line an OCR engine found: text, box (page pixels), confidence (0..1), baseline slope (degrees)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    conf: float
    angle: float = 0.0


@dataclass(frozen=True, slots=True)
class OcrPage:
    """The OCR engine's lines of one page (`number`: 1-based, in document order)."""

    number: int
    width: int
    height: int
    lines: tuple[OcrLine, ...]


@dataclass(frozen=True, slots=True)
class Derived:
    """What countyreports.attachments made of a file (a .doc as .docx, a scan's OCR lines), or why not."""

    state: ReadState
    source: TextSource
    docx: bytes | None = None
    pages: tuple[OcrPage, ...] = ()
    reason: str | None = None
    tool: str | None = None  # what read it: "LibreOffice 7.4.7.2", "RapidOCR 1.4.4 (PP-OCRv4)"


@dataclass(frozen=True, slots=True)
class ParsedReport:
    """Everything the parser reads from one report document (pure function output)."""

    title: str
    report_year: int | None
    published: dt.date | None
    signed_date: dt.date | None
    issuer: str | None
    clean_text: str
    noise: tuple[str, ...]
    sections: tuple[Section, ...]
    indicators: tuple[Indicator, ...]
    mentions: tuple[Mention, ...]
    source: str | None = None
    site_id_code: str | None = None
    encoding: str | None = None
    text_source: str = "html"  # TextSource
    read_state: str = "ok"  # ReadState
    read_reason: str | None = None  # why the text could not be read (read_state not ok)
    ocr_confidence: float | None = None  # mean confidence of the OCR lines kept (text_source ocr)
    page_starts: tuple[int, ...] = ()  # OCR: offset in clean_text where each page starts (page 1 first)

    def page_at(self, offset: int) -> int | None:
        """The (1-based) page of a scanned report holding `offset` of clean_text; None for other reports."""
        return max(1, bisect_right(self.page_starts, offset)) if self.page_starts else None


@dataclass(frozen=True, slots=True)
class Report:
    """A county report ready to load: the parsed document plus its identity and provenance."""

    report_id: str
    county: County
    url: str
    parsed: ParsedReport
    content_sha256: str
    fetched_at: dt.datetime
    pages: tuple[str, ...] = ()
    attachment: str | None = None
    duplicates: tuple[str, ...] = ()
    raw_sha256: tuple[str, ...] = field(default=())
    # hash of the whole parsed report (`document.fingerprint`): a re-parse that reads the same writes nothing
    parse_sha256: str | None = None
    images: tuple[str, ...] = ()  # URLs of the page images read by OCR (an article made of scans), in order


def find_header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    """The first value of an HTTP header in (name, value) pairs, by case-insensitive name."""
    low = name.lower()
    for key, value in headers:
        if key.lower() == low:
            return value
    return None


@dataclass(frozen=True, slots=True)
class Fetched:
    """One HTTP exchange made by the crawler (after redirects), as logged in `fetches`.

    `body` is None when nothing was downloaded (304, error, oversize). A 304 keeps `status=304`;
    the caller takes the body from the raw archive by `sha256` of the earlier response.
    """

    url: str
    final_url: str
    status: int  # 0 when no HTTP answer was received
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    sha256: str | None
    fetched_at: dt.datetime
    elapsed_ms: float = 0.0
    error: str | None = None  # short reason when the exchange failed
    redirects: tuple[str, ...] = ()  # intermediate URLs followed
    not_modified: bool = False
    size: int | None = None  # body bytes received (kept when `body` is dropped after archiving)

    def header(self, name: str) -> str | None:
        return find_header(self.headers, name)

    @property
    def ok(self) -> bool:
        return self.error is None and (200 <= self.status < 300 or self.status == 304)


# -- what a crawl gives the loader ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PageState:
    """Crawl state of one article page (table `pages`)."""

    url: str
    adcode: str
    kind: str
    title: str
    report_id: str | None
    content_sha256: str | None
    last_checked: dt.datetime | None = None  # when the page was last requested (None: not this run)
    error: str | None = None  # why a `pending` page could not be read (its fetch, or its reading)


@dataclass(frozen=True, slots=True)
class CountyLoad:
    """Everything one county's crawl produced, loaded in one transaction."""

    run_id: str
    adcode: str
    county: str
    outcome: str  # ok | partial | empty | blocked | failed | skipped
    error: str | None
    column_url: str | None
    column_hosts: tuple[str, ...]
    reports: tuple[Report, ...]
    fetches: tuple[tuple[str, Fetched], ...]  # (adcode, exchange)
    pages: tuple[PageState, ...]
    present_report_ids: frozenset[str] | None  # report_ids listed on the column now; None = unknown
    pages_parsed: int
    warnings: tuple[str, ...]
    started_at: dt.datetime
    finished_at: dt.datetime
    list_complete: bool = True  # False: a list page could not be read (the next run walks the list again)
    seen_report_ids: frozenset[str] = frozenset()  # reports confirmed on the portal by this crawl
    reparse: bool = False  # rebuilt from the archive: replace derived rows in place, touch no crawl dates
    reparse_same: int = 0  # re-parsed reports read exactly as stored (left out of `reports`: nothing to write)
    searched: bool = False  # a column search was made (its time and result are kept: a failed one is not repeated)
    search_tried: tuple[str, ...] = ()  # no column found: the best pages judged, with their scores


# -- pickling ------------------------------------------------------------------------------------------------
# Parsed reports cross process boundaries by the thousand (parse processes → crawl threads): a frozen slotted
# dataclass pickles its state through `dataclasses.fields()` and unpickles it through one
# `object.__setattr__` per field; these records pickle as (positional constructor, values) instead.
_MAKERS: dict[type, Callable[..., Any]] = {}


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    return _MAKERS[cls](*values)


def _pickle_positionally(cls: type) -> None:
    names = [f.name for f in fields(cls)]
    _MAKERS[cls] = positional(cls)
    values = attrgetter(*names) if len(names) > 1 else (lambda obj, _g=attrgetter(names[0]): (_g(obj),))

    def __reduce__(self: Any) -> tuple[Any, ...]:
        return (_rebuild, (cls, values(self)))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]


for _cls in (Section, Indicator, Mention, ParsedReport, Link, OcrLine, OcrPage):
    _pickle_positionally(_cls)
