"""What the column search asks and is answered (records, no logic): `Ask`, a page the search wants; `Answer`,
what the caller got for it; `Tried`, a page judged by a search that found no column."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Answer", "Ask", "Tried"]


@dataclass(frozen=True, slots=True)
class Ask:
    """A page the search wants: what for, and the link that led to it."""

    url: str
    kind: str  # home | alt (the site's mobile edition) | find | probe | part | list | search
    via: str = ""
    context: str = ""
    depth: int = 0
    allow: str = ""  # a host outside the scope this one request may go to (a probe, a shared search service)
    parent: str = ""  # the page whose link this is (find asks)


@dataclass(frozen=True, slots=True)
class Answer:
    """What the caller got for an `Ask`."""

    url: str  # the final URL (after redirects)
    text: str | None  # None: no usable page
    error: str | None = None
    transient: bool = False  # a failure worth asking again later (network, 5xx)
    blocked: str | None = None  # an anti-bot answer, and why
    charset: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Tried:
    """A page the find phase judged, for a county whose column was not found."""

    url: str
    score: int
    name: str
    note: str

    def __str__(self) -> str:
        return f"{self.score:3d} {self.url} {self.name} ({self.note})"
