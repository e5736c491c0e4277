"""Legacy Word files (.doc, .wps, also RTF and .odt) → .docx, by LibreOffice headless (Debian
``libreoffice-writer-nogui``). Runs in a child process of the attachments pool (`reader`), one file per task.

    soffice() -> str | None            # the LibreOffice program, if installed
    libreoffice_version() -> str       # "LibreOffice 7.4.7.2"
    to_docx(body, fmt) -> bytes        # raises ToolMissing, or ParseError with LibreOffice's words

Chosen by measurement (docs/formats.md): LibreOffice → .docx read by python-docx gives 0.00 % CER on the
held-out Word files, tables as rows, no field codes (antiword: the same text, unmaintained since 2005; catdoc:
loses whole paragraphs of Chinese). A `.wps` that is a Word 97 binary is detected by LibreOffice from its content;
the file is written under the extension its bytes say (`.doc`, `.rtf`, `.odt`), never the one the portal gave.

Each process keeps its own LibreOffice profile (``-env:UserInstallation``) in a temporary folder made at its first
conversion, so conversions in several processes never share a profile lock; a conversion is one ``soffice
--headless --convert-to docx`` run (≈1–2 s; the first in a process ≈3 s more, making the profile).
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from countyreports.errors import ParseError, ToolMissing

__all__ = ["soffice", "libreoffice_version", "to_docx", "TOOL"]

TOOL = "LibreOffice"
_EXT = {"doc": "doc", "rtf": "rtf", "odt": "odt"}
_profile: list[Path] = []


def soffice() -> str | None:
    """The LibreOffice program (`soffice`, else `libreoffice`) on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@functools.cache
def libreoffice_version() -> str:
    """"LibreOffice 7.4.7.2" (what `soffice --version` says, its first two words), or "LibreOffice"."""
    exe = soffice()
    if exe is None:
        return TOOL
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return TOOL
    return " ".join(out[:2]) if len(out) >= 2 else TOOL


def _profile_dir() -> Path:
    if not _profile:
        path = Path(tempfile.mkdtemp(prefix="countyreports-lo-"))
        _profile.append(path)
        atexit.register(shutil.rmtree, path, True)
    return _profile[0]


def to_docx(body: bytes, fmt: str, timeout_s: float = 600.0) -> bytes:
    """The .docx LibreOffice makes of a Word 97 / RTF / OpenDocument file (`fmt`: its sniffed format)."""
    exe = soffice()
    if exe is None:
        raise ToolMissing(f"{fmt} file: LibreOffice is not installed (Debian: libreoffice-writer-nogui)", tool=TOOL)
    profile = _profile_dir()
    with tempfile.TemporaryDirectory(prefix="countyreports-doc-") as tmp:
        src = Path(tmp) / f"file.{_EXT.get(fmt, 'doc')}"
        src.write_bytes(body)
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(src)]
        env = {**os.environ, "HOME": str(profile), "SAL_USE_VCLPLUGIN": "svp"}
        try:
            res = subprocess.run(cmd, capture_output=True, timeout=timeout_s, env=env, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise ParseError(f"{fmt} file: LibreOffice did not finish in {timeout_s:g} s") from exc
        except OSError as exc:
            raise ToolMissing(f"{fmt} file: LibreOffice could not be started: {exc}", tool=TOOL) from exc
        out = Path(tmp) / "file.docx"
        if not out.exists() or out.stat().st_size == 0:
            said = (res.stderr or res.stdout).decode("utf-8", "replace").strip().splitlines()
            raise ParseError(f"{fmt} file: LibreOffice could not convert it (exit {res.returncode}"
                             + (f": {said[-1][:200]}" if said else "") + ")")
        return out.read_bytes()
