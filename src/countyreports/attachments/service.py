"""`AttachmentService`: one `AttachmentReader`, and so one converter/OCR pool, for all of a run's crawler processes.

Without it each crawler process makes its own reader and pool, and an OCR process holds 0.6–0.9 GB while it
reads pages: a harvest with two crawler processes had two of them at once (bench: tree peak 2.1 GiB). The issue
asks for "a small fixed pool of processes, not one per crawl worker". The service runs the run's one reader in a
small server process (the standard library's `multiprocessing.managers`, spawned, never forked); in a crawler
process a `RemoteReader` sends it a file and gets the `Derived` back. Many threads and processes are served at
once (the server answers each connection in a thread of its own) and the reader's pool takes their pages in its
fixed number of processes, each page under its budget, its output cached by the body's SHA-256 as before.

    service = AttachmentService(make_reader)     # make_reader: picklable; makes the AttachmentReader, in the server
    job = CrawlJob(..., files=service.client())  # picklable; each crawler process calls it: a RemoteReader
    ...
    service.close()                              # stops the reader's pool, then the server

A server that is gone (killed, out of memory) gives a `read_failed` answer with the reason, never an exception in
the crawl: the report is recorded as not read, and `harvest --reparse` asks again.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from multiprocessing.managers import BaseManager
from typing import Any

from countyreports.attachments.reader import AttachmentReader
from countyreports.native.heap import Trimmer, few_arenas
from countyreports.models import Derived, ReadState, TextSource
from countyreports.reading.document import RawDoc
from countyreports.reading.fileformat import WORD_FORMATS, sniff

__all__ = ["AttachmentService", "RemoteReader"]

_POLL_S = 0.5  # how often the server looks whether the run's process is still there
TRIM_FILES = 8  # files asked about between two hand-backs of the server's freed C memory (each came whole, pickled)
_READER: list[AttachmentReader] = []  # the server process's one reader (set by `_start`)
_TRIM = Trimmer(TRIM_FILES)


def _start(make_reader: Callable[[], AttachmentReader]) -> None:
    """The server process's initializer: make its reader (its pool starts at the first file, as always), and
    end this process when the run's process is gone (killed: nobody will close the service)."""
    few_arenas()  # (a thread for each crawl thread's connection: glibc would give them up to 8 arenas a core)
    _READER.append(make_reader())
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True, name="parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_S)
    _READER[0].close()  # (its pool's processes end with it)
    os._exit(1)


class _Served:
    """The server's reader as the crawler processes see it: `derive` hands the freed memory back now and then."""

    def derive(self, attachment: RawDoc | None, images: Sequence[RawDoc] = ()) -> Derived | None:
        try:
            return _READER[0].derive(attachment, images)
        finally:
            _TRIM.tick()

    def close(self) -> None:
        _READER[0].close()

    def tally(self) -> dict[str, int]:
        return _READER[0].tally()


def _reader() -> _Served:
    return _Served()


class _Manager(BaseManager):
    pass


_Manager.register("reader", callable=_reader, exposed=("derive", "close", "tally"))


class AttachmentService:
    """See the module docstring."""

    def __init__(self, make_reader: Callable[[], AttachmentReader]) -> None:
        self._manager = _Manager(ctx=multiprocessing.get_context("spawn"))
        self._manager.start(initializer=_start, initargs=(make_reader,))
        self._authkey = bytes(multiprocessing.current_process().authkey)
        self.pid: int | None = getattr(self._manager, "_process").pid

    def client(self) -> Callable[[], RemoteReader]:
        """What a crawler process calls to get its reader (picklable: the server's address and key)."""
        return partial(RemoteReader, self._manager.address, self._authkey)

    def tally(self) -> dict[str, int]:
        """The run's reader's counts (`AttachmentReader.tally`), whichever process asked."""
        return dict(self._manager.reader().tally())  # type: ignore[attr-defined]

    def close(self) -> None:
        """Stop the reader's pool (its processes end), then the server."""
        try:
            self._manager.reader().close()  # type: ignore[attr-defined]
        except (OSError, EOFError):  # the server is gone already
            pass
        self._manager.shutdown()


class RemoteReader:
    """A crawler process's stand-in for the run's reader: `derive` is answered by the service."""

    def __init__(self, address: Any, authkey: bytes) -> None:
        self._address, self._authkey = address, authkey
        self._proxy: Any = None

    def _remote(self) -> Any:
        if self._proxy is None:  # (connected at the first file: a run without any never talks to the server)
            manager = _Manager(address=self._address, authkey=self._authkey)
            manager.connect()
            self._proxy = manager.reader()  # type: ignore[attr-defined]
        return self._proxy

    def derive(self, attachment: RawDoc | None, images: Sequence[RawDoc] = ()) -> Derived | None:
        try:
            return self._remote().derive(attachment, tuple(images))
        except (OSError, EOFError) as exc:  # the server is gone: this file is not read (not cached: re-parse)
            word = attachment is not None and sniff(attachment.body) in WORD_FORMATS
            return Derived(ReadState.READ_FAILED, TextSource.DOC if word else TextSource.OCR,
                           reason=f"the attachments service is gone ({type(exc).__name__}: {exc})")

    def close(self) -> None:
        """Nothing: the service closes the run's reader."""
