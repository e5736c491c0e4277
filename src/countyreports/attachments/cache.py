"""What converters and OCR made of a file, kept on disk by the SHA-256 of the file's bytes, so that the same bytes
are never converted or OCR'd twice: not by a re-parse, an unchanged re-run, another county's copy of the same
file (a replicated benchmark), nor by two processes at once.

    cache = DerivedCache(settings.derived_path)
    cache.get(key) -> Derived | None           # key: the body's SHA-256 (hex), or "<sha>.p<N>" for one page
    cache.put(key, derived)                    # only what was read (state ok): a failure is tried again
    with cache.making(key): ...                # one maker of a key at a time, across threads and processes
    cache.note(key) / cache.put_note(key, {...})   # a small fact about a body (a PDF: text layer or scan)

Layout: ``<root>/<key[:2]>/<key>.json`` (state, source, tool, OCR lines) and, for a converted Word file,
``<key>.docx`` beside it. Both are written to a temporary name and renamed into place (the .docx first), so a
reader sees a whole entry or none, and a crash never leaves half an entry. `making` holds an exclusive `flock` on
``<root>/locks/<key[:2]>/<key>`` (released by the kernel when the holder dies).
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from countyreports.models import Derived, OcrLine, OcrPage, ReadState, TextSource

__all__ = ["DerivedCache"]

FORMAT = 1  # bump when the entry layout changes: older entries are then ignored (made again)


class DerivedCache:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def _path(self, key: str, suffix: str) -> Path:
        if not key or "/" in key or key.startswith("."):
            raise ValueError(f"not a cache key: {key!r}")
        return self.root / key[:2] / f"{key}{suffix}"

    def get(self, key: str) -> Derived | None:
        meta_path = self._path(key, ".json")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if meta.get("format") != FORMAT:
            return None
        docx = None
        if meta.get("docx"):
            try:
                docx = self._path(key, ".docx").read_bytes()
            except OSError:
                return None
        pages = tuple(OcrPage(int(p["number"]), int(p["width"]), int(p["height"]),
                              tuple(OcrLine(str(t), x0, y0, x1, y1, c, a) for t, x0, y0, x1, y1, c, a in p["lines"]))
                      for p in meta.get("pages", ()))
        return Derived(ReadState(meta["state"]), TextSource(meta["source"]), docx, pages, meta.get("reason"),
                       meta.get("tool"))

    def put(self, key: str, derived: Derived) -> None:
        if derived.state is not ReadState.OK:
            return
        meta: dict[str, Any] = {
            "format": FORMAT, "state": str(derived.state), "source": str(derived.source), "tool": derived.tool,
            "reason": derived.reason, "docx": derived.docx is not None,
            "pages": [{"number": p.number, "width": p.width, "height": p.height,
                       "lines": [[ln.text, round(ln.x0, 1), round(ln.y0, 1), round(ln.x1, 1), round(ln.y1, 1),
                                  round(ln.conf, 4), round(ln.angle, 3)] for ln in p.lines]}
                      for p in derived.pages]}
        if derived.docx is not None:
            self._write(self._path(key, ".docx"), derived.docx)
        self._write(self._path(key, ".json"), json.dumps(meta, ensure_ascii=False).encode("utf-8"))

    def note(self, key: str) -> dict[str, Any] | None:
        try:
            found = json.loads(self._path(key, ".note.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return found if isinstance(found, dict) and found.get("format") == FORMAT else None

    def put_note(self, key: str, note: dict[str, Any]) -> None:
        self._write(self._path(key, ".note.json"), json.dumps({**note, "format": FORMAT}).encode("utf-8"))

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)

    @contextmanager
    def making(self, key: str) -> Iterator[None]:
        """Hold the key: whoever else wants to make it waits until this maker is done (then finds it made)."""
        lock = self.root / "locks" / key[:2] / key
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
