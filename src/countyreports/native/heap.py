"""The C heap of this process (glibc's malloc): what the long-lived processes of a harvest do to stay small.

    few_arenas(2)   # threads share 2 malloc arenas instead of up to 8 per core (each keeps what was freed in it)
    trim()          # hand the memory freed so far back to the system (malloc_trim(0))

Both are no-ops where the C library is not glibc. Used by the crawler processes and the attachments service
(many threads) and by the sandbox children (a big page or an OCR page frees hundreds of MB that glibc would keep).
"""

from __future__ import annotations

import ctypes
from typing import Any

__all__ = ["few_arenas", "trim"]

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
