"""Damage on an article page outside its main text (`page_noise`, used by countyreports.reading.document).

`replacement_chars`: the page chrome holds `?` where a character was lost (©, no-break space) — more such
marks on the page, outside tags, scripts and styles, than in the article's own title and paragraphs.
"""

from __future__ import annotations

from countyreports.models import Article


def _is_cjk_space_digit(ch: str) -> bool:
    return ch.isspace() or ch.isdigit() or "\u4e00" <= ch <= "\u9fff"


def _lost_char_marks(text: str, *, markup: bool, limit: int | None = None) -> int:
    """How many `?` stand where a character was lost: between CJK characters, digits or spaces, or alone
    at the start of a line. With `markup`, marks inside tags, scripts and styles are not counted. With
    `limit`, the count stops there."""
    count = 0
    lowered: bytes | None = None  # `_ascii_lower(text)`, made at the first mark that needs it
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
            if _in_markup(text, i, lowered):
                i = text.find("?", i + 1)
                continue
        count += 1
        if count == limit:
            break
        i = text.find("?", i + 1)
    return count


def _ascii_lower(text: str) -> bytes:
    """`text` with ASCII letters lowered and every other character as one "?": offsets are the text's."""
    return text.encode("ascii", "replace").lower()


def _in_markup(html: str, i: int, lowered: bytes | None = None) -> bool:
    """Is position `i` inside a tag, or an open script/style? (`lowered`: `_ascii_lower(html)`, if made.)"""
    if html.rfind("<", 0, i) > html.rfind(">", 0, i):
        return True
    a = max(0, i - 200_000)  # bounded look-back for an open script/style
    if lowered is not None:
        # The tags are ASCII, and str.lower maps no other character to ASCII that could complete one
        # (only U+212A → "k" and U+0130 → "i" + U+0307), so html[a:i].lower() holds them in the same order.
        return (lowered.rfind(b"<script", a, i) > lowered.rfind(b"</script", a, i)
                or lowered.rfind(b"<style", a, i) > lowered.rfind(b"</style", a, i))
    low = html[a:i].lower()
    return low.rfind("<script") > low.rfind("</script") or low.rfind("<style") > low.rfind("</style")


def page_noise(html: str, article: Article) -> tuple[str, ...]:
    """Damage on the page outside the main text: `replacement_chars` when the page chrome holds `?` where a
    character was lost (©, no-break space), i.e. more such `?` on the page than in the article itself."""
    if "?" not in html:
        return ()
    inside = sum(_lost_char_marks(p, markup=False) for p in article.paragraphs if "?" in p)
    inside += _lost_char_marks(article.title, markup=False)
    # (the page's marks are counted up to one more than the article's: each costs a look back for markup)
    return ("replacement_chars",) if _lost_char_marks(html, markup=True, limit=inside + 1) > inside else ()
