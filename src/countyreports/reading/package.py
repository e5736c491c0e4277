"""The zip package of a .docx / .xlsx, opened under limits (pure functions: bytes in, bytes out).

    safe = checked_package(data)     # the same members, inflated under the limits, re-stored uncompressed
    docx.Document(io.BytesIO(safe))  # (python-docx then inflates nothing)

A zip can hold far more than it weighs: a 2 MB docx whose document.xml inflates to 2 GiB, or a member whose
header declares 1 KB and whose data inflates to 100 MB (zipfile inflates a member's whole compressed data in one
call before it cuts at the declared size), or an XML part declaring entities that expand a billion times, or one
naming a file of the machine (``<!ENTITY x SYSTEM "file:///etc/passwd">``). Before anything is inflated, the
directory is checked: at most `ZIP_MAX_MEMBERS` members whose declared sizes add up to at most `ZIP_MAX_BYTES`.
Then each member is inflated in small steps, never past its declared size (zipfile stops there; a member whose
data goes on is caught by its CRC), and an XML part holding a DOCTYPE or an ENTITY declaration — which no Office
Open XML part has — is refused. What breaks a limit raises `countyreports.errors.Refused` saying which; a zip that
is not one (or a member that does not inflate) raises `ParseError`.
"""

from __future__ import annotations

import io
import re
import zipfile

from countyreports.errors import ParseError, Refused
from countyreports.reading.limits import ZIP_MAX_BYTES, ZIP_MAX_MEMBERS

__all__ = ["checked_package"]

_STEP = 1 << 16
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_MIB = 1024 * 1024


def checked_package(data: bytes, *, max_members: int = ZIP_MAX_MEMBERS, max_bytes: int = ZIP_MAX_BYTES) -> bytes:
    """The package's members, inflated under the limits and stored again without compression (see the module
    docstring); Refused or ParseError otherwise."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ParseError(f"not a zip package: {exc}") from exc
    infos = z.infolist()
    if len(infos) > max_members:
        raise Refused(f"zip of {len(infos):,} members (limit {max_members:,})")
    declared = sum(i.file_size for i in infos)
    if declared > max_bytes:
        raise Refused(f"zip members would inflate to {declared / _MIB:,.0f} MiB (limit {max_bytes / _MIB:,.0f} MiB)")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as stored:
        for info in infos:
            if info.is_dir():
                continue
            body = _inflate(z, info)
            if info.filename.lower().endswith((".xml", ".rels")) and _DECLARATION.search(body):
                raise Refused(f"{info.filename} declares a DOCTYPE or entities (refused: entity expansion)")
            stored.writestr(zipfile.ZipInfo(info.filename, date_time=info.date_time), body)
    return out.getvalue()


def _inflate(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, inflated `_STEP` at a time and never past its declared size."""
    parts: list[bytes] = []
    got = 0
    try:
        with z.open(info) as fh:
            while True:
                chunk = fh.read(_STEP)
                if not chunk:
                    break
                got += len(chunk)
                if got > info.file_size:  # (zipfile stops at the declared size: not reached)
                    raise Refused(f"{info.filename} inflates beyond its declared {info.file_size:,} bytes")
                parts.append(chunk)
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc):
            raise Refused(f"{info.filename} inflates to more than its declared {info.file_size:,} bytes, or "
                          f"to other bytes (bad CRC)") from exc
        raise ParseError(f"{info.filename}: {exc}") from exc
    except (NotImplementedError, RuntimeError, ValueError, OSError, EOFError) as exc:  # encrypted, unknown method
        raise ParseError(f"{info.filename}: {exc}") from exc
    except MemoryError:
        raise
    except Exception as exc:  # zlib.error and the like: the member is damaged
        raise ParseError(f"{info.filename}: {type(exc).__name__}: {exc}") from exc
    return b"".join(parts)
