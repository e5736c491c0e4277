"""The raw archive: every response body kept once, content-addressed by SHA-256.

Layout: ``<root>/<sha[:2]>/<sha>`` holds the exact bytes received. Headers and the exchange itself are kept in
the warehouse's ``fetches`` table (url, status, ETag, Last-Modified, Content-Type, sha256), so the pair
(fetches row, body file) is the archive record; ``countyreports harvest --reparse`` rebuilds every report from
it without a single request. Writes are atomic (temporary file + rename), so a crash never leaves a torn body.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import threading
from pathlib import Path


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class RawStore:
    """Content-addressed body store. Safe to share between threads and processes."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._dirs: set[str] = set()  # fan-out folders known to exist
        self._serial = itertools.count()  # temporary names, unique within this process (next() is atomic)

    def path(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.path(sha).exists()

    def put(self, data: bytes, sha: str | None = None) -> str:
        """Store `data` (once) and return its SHA-256."""
        sha = sha or sha256_hex(data)
        target = self.path(sha)
        if target.exists():
            return sha
        if sha[:2] not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(sha[:2])
        # a name no other writer uses (pid, thread, serial), created exclusively, then renamed into place
        tmp = f"{target.parent}/.tmp-{os.getpid()}-{threading.get_ident()}-{next(self._serial)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha

    def get(self, sha: str) -> bytes | None:
        try:
            return self.path(sha).read_bytes()
        except FileNotFoundError:
            return None
