"""A recorded portal snapshot: ``manifest.jsonl`` (one recorded response per line) and ``bodies/``
(content-addressed response bodies); see ``tests/fixtures/portal/README.md``. The replay portal
(`countyreports.portal.server`) answers from it.

``Snapshot.load(dir) -> Snapshot``
    Parse and validate the manifest (raises :class:`~countyreports.errors.SnapshotError`).
    ``snapshot.lookup(epoch, url) -> Entry | None``, ``snapshot.body(entry) -> bytes`` (read lazily,
    kept in a thread-safe LRU cache bounded in bytes), ``snapshot.epochs``, ``len(snapshot)``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from countyreports.errors import SnapshotError
from countyreports.models import find_header

__all__ = ["DEFAULT_BODY_CACHE_BYTES", "Entry", "Snapshot", "http_date_ts"]

DEFAULT_BODY_CACHE_BYTES = 256 * 1024 * 1024




@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded response (one manifest line)."""

    url: str
    epochs: tuple[int, ...]
    status: int
    headers: tuple[tuple[str, str], ...]
    body: str | None  # path relative to the snapshot folder
    delay_ms: int = 0
    fail_first: int = 0
    note: str = ""
    etag: str | None = None  # value of the recorded ETag header
    last_modified: float | None = None  # recorded Last-Modified as a unix timestamp

    def header(self, name: str) -> str | None:
        return find_header(self.headers, name)


def http_date_ts(value: str | None) -> float | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:  # "-0000" or no zone: take it as UTC
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.timestamp()


class _BodyCache:
    """Thread-safe LRU of body bytes, bounded by total size."""

    def __init__(self, max_bytes: int) -> None:
        self._max = max_bytes
        self._size = 0
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            data = self._items.get(key)
            if data is not None:
                self._items.move_to_end(key)
            return data

    def put(self, key: str, data: bytes) -> None:
        if len(data) > self._max:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = data
            self._size += len(data)
            while self._size > self._max and self._items:
                _, old = self._items.popitem(last=False)
                self._size -= len(old)


class Snapshot:
    """A loaded snapshot: manifest index by (epoch, url) and lazily read bodies."""

    def __init__(self, root: Path, entries: list[Entry], *,
                 body_cache_bytes: int = DEFAULT_BODY_CACHE_BYTES) -> None:
        self.root = root
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._index: dict[tuple[int, str], Entry] = {}
        for entry in entries:
            for epoch in entry.epochs:
                key = (epoch, entry.url)
                if key in self._index:
                    raise SnapshotError(f"two entries for epoch {epoch}", url=entry.url)
                self._index[key] = entry
        self.epochs: frozenset[int] = frozenset(e for e, _ in self._index)
        self._cache = _BodyCache(body_cache_bytes)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Snapshot({str(self.root)!r}, entries={len(self.entries)}, epochs={sorted(self.epochs)})"

    @classmethod
    def load(cls, dir: Path | str, *, body_cache_bytes: int = DEFAULT_BODY_CACHE_BYTES,
             check_bodies: bool = True) -> Snapshot:
        """Parse ``dir/manifest.jsonl``; raise SnapshotError when anything is malformed."""
        root = Path(dir)
        manifest = root / "manifest.jsonl"
        if not manifest.is_file():
            raise SnapshotError(f"no manifest.jsonl in {root}")
        entries: list[Entry] = []
        root_resolved = root.resolve()
        try:
            fh = manifest.open("r", encoding="utf-8")
        except OSError as exc:
            raise SnapshotError(f"cannot read {manifest}: {exc}") from exc
        with fh:
            try:
                for lineno, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    entries.append(_parse_entry(line, lineno, root_resolved, check_bodies))
            except UnicodeDecodeError as exc:
                raise SnapshotError(f"manifest.jsonl is not UTF-8: {exc}") from exc
        if not entries:
            raise SnapshotError(f"empty manifest: {manifest}")
        return cls(root, entries, body_cache_bytes=body_cache_bytes)

    def lookup(self, epoch: int, url: str) -> Entry | None:
        return self._index.get((epoch, url))

    def urls(self, epoch: int) -> list[str]:
        return [url for (e, url) in self._index if e == epoch]

    def body_path(self, entry: Entry) -> Path | None:
        return None if entry.body is None else self.root / entry.body

    def body(self, entry: Entry) -> bytes:
        """The body bytes of an entry (b"" when it has none), cached."""
        if entry.body is None:
            return b""
        data = self._cache.get(entry.body)
        if data is None:
            try:
                data = (self.root / entry.body).read_bytes()
            except OSError as exc:
                raise SnapshotError(f"cannot read body {entry.body}: {exc}", url=entry.url) from exc
            self._cache.put(entry.body, data)
        return data


def _parse_entry(line: str, lineno: int, root: Path, check_bodies: bool) -> Entry:
    where = f"manifest.jsonl line {lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SnapshotError(f"{where}: invalid JSON ({exc.msg})") from exc
    if not isinstance(obj, dict):
        raise SnapshotError(f"{where}: not a JSON object")
    url = obj.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise SnapshotError(f"{where}: bad or missing url")
    epochs = obj.get("epochs")
    if (not isinstance(epochs, list) or not epochs
            or not all(isinstance(e, int) and not isinstance(e, bool) for e in epochs)):
        raise SnapshotError(f"{where}: epochs must be a non-empty list of integers", url=url)
    status = obj.get("status")
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
        raise SnapshotError(f"{where}: bad status {status!r}", url=url)
    headers = obj.get("headers") or {}
    if not isinstance(headers, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in headers.items()):
        raise SnapshotError(f"{where}: headers must map strings to strings", url=url)
    for key, value in headers.items():
        if any(c in key or c in value for c in "\r\n"):
            raise SnapshotError(f"{where}: line break in header {key!r}", url=url)
    body = obj.get("body")
    if body is not None:
        if not isinstance(body, str) or not body or body.startswith("/") or "\\" in body:
            raise SnapshotError(f"{where}: bad body path {body!r}", url=url)
        path = (root / body).resolve()
        if root not in path.parents:
            raise SnapshotError(f"{where}: body path leaves the snapshot: {body!r}", url=url)
        if check_bodies and not path.is_file():
            raise SnapshotError(f"{where}: missing body file {body}", url=url)
    delay_ms = obj.get("delay_ms", 0) or 0
    fail_first = obj.get("fail_first", 0) or 0
    for name, value in (("delay_ms", delay_ms), ("fail_first", fail_first)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise SnapshotError(f"{where}: bad {name} {value!r}", url=url)
    note = obj.get("note") or ""
    header_items = tuple(headers.items())
    etag = next((v for k, v in header_items if k.lower() == "etag"), None)
    last_mod = next((v for k, v in header_items if k.lower() == "last-modified"), None)
    return Entry(url=url, epochs=tuple(epochs), status=status, headers=header_items, body=body,
                 delay_ms=delay_ms, fail_first=fail_first, note=str(note), etag=etag,
                 last_modified=http_date_ts(last_mod))
