"""The C heap of this process (glibc's malloc): what the long-lived processes of a harvest do to stay small.

    few_arenas(2)   # threads share 2 malloc arenas instead of up to 8 per core (each keeps what was freed in it)
    trim()          # hand the memory freed so far back to the system (malloc_trim(0))
    every = Trimmer(32); every.tick()   # trim() at every 32nd tick, whichever thread ticks

Both are no-ops where the C library is not glibc. Used by the crawler processes and the attachments service
(many threads) and by the sandbox children (a big page or an OCR page frees hundreds of MB that glibc would keep).
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any

__all__ = ["Trimmer", "few_arenas", "trim"]

_M_ARENA_MAX = -8
_LIBC: list[Any] = []


def _libc() -> Any:
    if not _LIBC:
        try:
            libc: Any = ctypes.CDLL("libc.so.6")
            libc.malloc_trim  # noqa: B018 - glibc only
            libc.mallopt  # noqa: B018
        except (OSError, AttributeError):
            libc = None
        _LIBC.append(libc)
    return _LIBC[0]


def few_arenas(n: int = 2) -> None:
    """glibc gives threads their own malloc arenas (up to 8 per core), each keeping memory freed in it: with a
    few dozen threads that is a large share of a process's RSS (bench/: about 50 MiB of a crawler process's
    270). At most `n` arenas from now on."""
    libc = _libc()
    if libc is not None:
        libc.mallopt(_M_ARENA_MAX, n)


def trim() -> None:
    """Hand the heap's free memory back to the system (glibc keeps it otherwise)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


class Trimmer:
    """`trim()` once every `every` events (a county crawled, a batch loaded), from whichever thread counts the one
    that completes the round: a long-lived process that frees a little after each event stays near its working size
    (a trim walks the heap, ~10-40 ms on a few hundred MB: not after every small event). `every` <= 0: never."""

    def __init__(self, every: int) -> None:
        self.every = every
        self._count = 0
        self._lock = threading.Lock()

    def tick(self, n: int = 1) -> None:
        if self.every <= 0:
            return
        with self._lock:
            self._count += n
            due = self._count >= self.every
            if due:
                self._count = 0
        if due:
            trim()
