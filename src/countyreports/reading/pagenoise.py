"""Damage on an article page outside its main text (`page_noise`, used by countyreports.reading.document).

`replacement_chars`: the page chrome holds `?` where a character was lost (©, no-break space) — more such
marks on the page, outside tags, scripts and styles, than in the article's own title and paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from countyreports.models import Article


def _is_cjk_space_digit(ch: str) -> bool:
    return ch.isspace() or ch.isdigit() or "\u4e00" <= ch <= "\u9fff"


def _lost_char_marks(text: str, *, markup: bool, limit: int | None = None) -> int:
    """How many `?` stand where a character was lost: between CJK characters, digits or spaces, or alone
    at the start of a line. With `markup`, marks inside tags, scripts and styles are not counted. With
    `limit`, the count stops there."""
    count = 0
    where: _Markup | None = None  # made when many marks need it (a few look back instead)
    lowered: bytes | None = None  # `_ascii_lower(text)`, made at the first mark that needs it
    looked = 0
    i = text.find("?")
    while i != -1:
        prev = text[i - 1] if i else "\n"
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if not (_is_cjk_space_digit(prev) and nxt and _is_cjk_space_digit(nxt)):
            # alone at the start of a line? (only whitespace between the line start and the mark)
            if prev != "\n" and (not prev.isspace() or text[text.rfind("\n", 0, i) + 1:i].strip()):
                i = text.find("?", i + 1)
                continue
        if markup:
            if lowered is None:
                lowered = _ascii_lower(text)
            looked += 1
            if where is None and looked > _LOOK_BACKS:
                where = _Markup(text, lowered)
            if (where.inside(i) if where is not None else _in_markup(text, i, lowered)):
                i = text.find("?", i + 1)
                continue
        count += 1
        if count == limit:
            break
        i = text.find("?", i + 1)
    return count


_LOOK_BACK = 200_000  # bounded look-back for an open script/style
#: marks looked up by searching back from each; past them the page's tags are indexed once (a page full of marks
#: costs linear time: each look back can cross the whole page)
_LOOK_BACKS = 32
_TAGS = ("<script", "</script", "<style", "</style")


def _ascii_lower(text: str) -> bytes:
    """`text` with ASCII letters lowered and every other character as one "?": offsets are the text's. The tags are
    ASCII, and str.lower maps no other character to ASCII that could complete one (only U+212A → "k" and
    U+0130 → "i" + U+0307): they are found in it at the text's offsets."""
    return text.encode("ascii", "replace").lower()


def _in_markup(html: str, i: int, lowered: bytes) -> bool:
    """`_Markup(html, lowered).inside(i)`, by searching back from `i` (cheaper for a few positions)."""
    if html.rfind("<", 0, i) > html.rfind(">", 0, i):
        return True
    a = max(0, i - _LOOK_BACK)
    return (lowered.rfind(b"<script", a, i) > lowered.rfind(b"</script", a, i)
            or lowered.rfind(b"<style", a, i) > lowered.rfind(b"</style", a, i))


class _Markup:
    """Is a position of an HTML page inside a tag, or inside an open script/style? The page's "<", ">" and
    script/style tags are found once (one pass each), then each position costs a few bisections: a page full
    of lost-character marks costs linear time, not a look back per mark."""

    def __init__(self, html: str, lowered: bytes) -> None:
        self.lt = _positions(html, "<")
        self.gt = _positions(html, ">")
        low = lowered.decode("ascii")  # (`_ascii_lower(html)`)
        self.tags = [_positions(low, t) for t in _TAGS]

    def inside(self, i: int) -> bool:
        if _last(self.lt, i, 1) > _last(self.gt, i, 1):
            return True
        a = max(0, i - _LOOK_BACK)
        so, sc, yo, yc = [_last(p, i, len(t)) for p, t in zip(self.tags, _TAGS)]
        return (so >= a and so > sc) or (yo >= a and yo > yc)


def _positions(text: str, sub: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(sub), text)]


def _last(positions: list[int], i: int, width: int) -> int:
    """The last of `positions` whose `width` characters end by `i` (``str.rfind(sub, 0, i)``), else -1."""
    k = bisect_right(positions, i - width)
    return positions[k - 1] if k else -1


def page_noise(html: str, article: Article) -> tuple[str, ...]:
    """Damage on the page outside the main text: `replacement_chars` when the page chrome holds `?` where a
    character was lost (©, no-break space), i.e. more such `?` on the page than in the article itself."""
    if "?" not in html:
        return ()
    inside = sum(_lost_char_marks(p, markup=False) for p in article.paragraphs if "?" in p)
    inside += _lost_char_marks(article.title, markup=False)
    # (the page's marks are counted up to one more than the article's: each costs a look back for markup)
    return ("replacement_chars",) if _lost_char_marks(html, markup=True, limit=inside + 1) > inside else ()
