"""A response body's content codings undone under a cap (used by countyreports.crawl.fetch).

    body, raw_bytes, error = inflate_body(resp.iter_raw(), resp.headers.get("Content-Encoding"), cap)

httpx decodes ``Content-Encoding`` itself, but each raw chunk in one call with no limit on the output: a 64 KB
chunk of a gzip bomb becomes 64 MB at once, and ``Content-Encoding: gzip, gzip`` (a bomb gzipped again, 2 KB on
the wire) became 2 GB in memory and 18 s before the body cap could say "too large". Here the raw bytes are
inflated step by step, every coding (``gzip``/``x-gzip``, ``deflate`` — zlib or raw —, ``identity``; several,
undone in reverse order) never giving more than `_STEP` bytes at a time to the next, and the decoded size is
checked against `cap` as it grows: memory stays near `cap`, time near the cap's worth of inflating. A coding this
module does not know is left as it is (as httpx does). A body that does not inflate is ``decoding-error``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

ERR_TOO_LARGE = "too-large"
ERR_DECODING = "decoding-error"
_STEP = 1 << 16
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class _TooLarge(Exception):
    pass


class _Stage:
    """One coding undone: at most `_STEP` bytes out per call; several gzip members in a row; "deflate" with or
    without its zlib wrapper; bytes after the end of the stream ignored (as httpx does)."""

    def __init__(self, coding: str) -> None:
        self.wbits = _WBITS[coding]
        self.gzip = coding != "deflate"
        self.d = zlib.decompressobj(self.wbits)
        self.started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            if self.d.eof:  # another gzip member, or trailing bytes
                if not (self.gzip and data[:2] == b"\x1f\x8b"):
                    return
                self.d = zlib.decompressobj(self.wbits)
            try:
                out = self.d.decompress(data, _STEP)
            except zlib.error:
                if not self.gzip and not self.started and self.wbits > 0:  # "deflate" without its zlib header
                    self.wbits = -zlib.MAX_WBITS
                    self.d = zlib.decompressobj(self.wbits)
                    continue
                raise
            self.started = True
            data = self.d.unused_data if self.d.eof else self.d.unconsumed_tail
            if out:
                yield out

    def flush(self) -> Iterator[bytes]:
        out = self.d.flush()
        if out:
            yield out


def _through(stages: list[_Stage], data: bytes) -> Iterator[bytes]:
    """`data` (raw) through every stage, outermost coding first."""
    if not stages:
        yield data
        return
    for piece in stages[0].feed(data):
        yield from _through(stages[1:], piece)


def _flushed(stages: list[_Stage]) -> Iterator[bytes]:
    for i, stage in enumerate(stages):
        for piece in stage.flush():
            yield from _through(stages[i + 1:], piece)


def inflate_body(chunks: Iterable[bytes], coding: str | None, cap: int) -> tuple[bytes | None, int, str | None]:
    """(decoded body, raw bytes read, error): the body undone of its codings, or None with ``too-large`` as soon
    as it passes `cap` bytes (decoded), or ``decoding-error`` when it does not inflate."""
    names = [c.strip().lower() for c in (coding or "").split(",") if c.strip()]
    stages = [_Stage(c) for c in reversed(names) if c in _WBITS]  # (the last coding applied is undone first)
    out: list[bytes] = []
    size = raw = 0

    def take(pieces: Iterator[bytes]) -> None:
        nonlocal size
        for piece in pieces:
            size += len(piece)
            if size > cap:
                raise _TooLarge
            out.append(piece)

    try:
        for chunk in chunks:
            raw += len(chunk)
            take(_through(stages, chunk))
        take(_flushed(stages))
    except _TooLarge:
        return None, raw, ERR_TOO_LARGE
    except zlib.error:
        return None, raw, ERR_DECODING
    return b"".join(out), raw, None
