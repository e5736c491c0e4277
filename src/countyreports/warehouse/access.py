"""Can this process write the warehouse now? Asked before a run starts, without DuckDB (no import, no open).

``write_problems(db, raw_dir)``: one line per reason it cannot — the file or its folder (and the raw archive's)
not writable, or the file held by another process (DuckDB takes a POSIX lock on the file: an exclusive one for
a writer, a shared one for a reader, and allows no writer beside either). ``read_problems(db)``: the file
missing. ``lock_holder(db)``: the process id holding a lock on the file (Linux; ``F_GETLK`` tests without
taking it), -1 when held by an unknown process, None when free.
"""

from __future__ import annotations

import fcntl
import os
import struct
import sys
from pathlib import Path

# struct flock on Linux (x86-64, aarch64): short l_type, short l_whence, off_t l_start, off_t l_len, pid_t l_pid
_FLOCK = "hhqqi4x"


def lock_holder(db: Path) -> int | None:
    """The pid of a process holding a lock on `db` (-1: held, by whom unknown), None when no process does."""
    try:
        fd = os.open(db, os.O_RDONLY)
    except OSError:
        return None
    try:
        if sys.platform.startswith("linux"):
            probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
            got = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
            l_type, _whence, _start, _len, pid = struct.unpack(_FLOCK, got)
            return None if l_type == fcntl.F_UNLCK else (pid or -1)
        return None  # elsewhere DuckDB says it when the run opens the file
    except OSError:
        return None
    finally:
        os.close(fd)


def _folder_problem(folder: Path, what: str) -> str | None:
    """Why `folder` (made when missing) cannot hold our files, or None."""
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        return f"{what} {folder}: {probe} is a file, not a folder"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"{what} {folder}: {probe} is not writable by this user"
    return None


def write_problems(db: Path, raw_dir: Path | None = None) -> list[str]:
    """Reasons a run could not write the warehouse `db` (and the raw archive `raw_dir`) now; empty when it can."""
    db = Path(db)
    problems: list[str] = []
    if db.is_dir():
        return [f"--db {db}: a folder, not a DuckDB file (give a file name, e.g. {db / 'countyreports.duckdb'})"]
    folder = _folder_problem(db.parent, "warehouse folder")
    if folder:
        problems.append(folder)
    elif db.exists():
        if not os.access(db, os.R_OK | os.W_OK):
            problems.append(f"warehouse {db} is not writable by this user")
        else:
            pid = lock_holder(db)
            if pid is not None:
                who = f"process {pid}" if pid > 0 else "another process"
                problems.append(f"warehouse {db} is in use by {who} (a harvest, or a reader such as `countyreports "
                                f"sql`; DuckDB allows one writer and no reader beside it): wait for it to end, or "
                                f"give another --db")
    if raw_dir is not None and not (folder and Path(raw_dir).is_relative_to(db.parent)):
        raw = _folder_problem(Path(raw_dir), "raw archive folder")
        if raw:
            problems.append(raw)
    return problems


def read_problems(db: Path) -> list[str]:
    """Reasons the warehouse `db` cannot be read: it does not exist, or is not a file."""
    db = Path(db)
    if db.is_dir():
        return [f"--db {db}: a folder, not a DuckDB file"]
    if not db.exists():
        return [f"no warehouse at {db}: run `countyreports harvest` first, or give --db (or COUNTYREPORTS_DB)"]
    return []
