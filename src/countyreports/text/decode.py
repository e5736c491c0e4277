"""Bytes → text for web pages and plain-text files (pure functions, never raise).

Decision order of :func:`decode_html`:

1. **BOM** (UTF-8, UTF-16 LE/BE, UTF-32 is treated as UTF-16 + NULs → fallback) → ``source="bom"``.
2. **<meta charset>** / ``<meta http-equiv="Content-Type" content="...charset=...">`` in the first
   :data:`META_SCAN_BYTES` bytes → ``source="meta"``.
3. **HTTP header** charset (``Content-Type: text/html; charset=...``) → ``source="http"``.
4. **Detection** with charset-normalizer → ``source="detect"``.
5. **UTF-8 with replacement** → ``source="fallback"``.

A declared charset (meta or header) is only *accepted* when the bytes agree with it; the evidence wins
over a lying declaration:

* bytes that are valid UTF-8 and hold multi-byte sequences are UTF-8, whatever a non-UTF-8 label
  (``ISO-8859-1``, ``gbk``, ``ascii``...) claims — GBK/Latin-1 text of any length is almost never valid
  UTF-8 by accident;
* a declared single-byte Western charset (latin-1, cp1252, ascii...) on bytes with high bytes is never
  trusted for a Chinese portal: detection decides;
* a declared charset that leaves many undecodable sequences is dropped for the next candidate.

``gb2312``/``gbk``/``cp936``/``x-gbk``/``euc-cn`` are widened to ``gb18030`` (a superset: pages labelled
gb2312 often hold GBK/GB18030-only characters). Undecodable sequences are replaced (U+FFFD) and
counted in ``Decoded.errors``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Decoded:
    """Bytes turned into text, with the decision that was taken."""

    text: str
    encoding: str  # the Python codec used, e.g. "utf-8", "gb18030"
    source: str  # where the decision came from: "bom", "http", "meta", "detect", "fallback"
    declared: str | None = None  # the charset the HTTP header claimed, if any
    errors: int = 0  # number of undecodable byte sequences replaced


__all__ = ["decode_html", "decode_text_file", "normalize_charset", "header_charset", "meta_charset"]

META_SCAN_BYTES = 4096

_WIDEN = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "euc_cn": "gb18030",
    "csgb2312": "gb18030",
    "hz-gb-2312": "gb18030",
    "gb_2312-80": "gb18030",
    "iso-ir-58": "gb18030",
    "chinese": "gb18030",
    "ms936": "gb18030",
    "windows-936": "gb18030",
    "big5-hkscs": "big5hkscs",
    "x-user-defined": "windows-1252",
}
# Python codec names of single-byte Western encodings that a Chinese page never really uses.
_WESTERN = {
    "latin_1", "iso8859_1", "cp1252", "ascii", "iso8859_15", "cp1250", "cp1251", "cp437", "mac_roman",
    "iso8859_2", "koi8_r",
}
_UTF8_NAMES = {"utf_8", "utf_8_sig"}

_META_RE = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""",
    re.IGNORECASE,
)
_HEADER_RE = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def normalize_charset(label: str | None) -> str | None:
    """Map a charset label to a Python codec name (GB family widened to gb18030); None if unknown."""
    if not label:
        return None
    low = label.strip().strip("\"'").lower()
    if not low:
        return None
    low = _WIDEN.get(low, low)
    try:
        name = codecs.lookup(low).name.replace("-", "_")
    except LookupError:
        return None
    if name in ("gb2312", "gbk", "cp936"):
        return "gb18030"
    return name


def header_charset(content_type: str | None) -> str | None:
    """The raw charset label of a Content-Type header value, or None."""
    if not content_type:
        return None
    m = _HEADER_RE.search(content_type)
    return m.group(1) if m else None


def meta_charset(body: bytes, limit: int = META_SCAN_BYTES) -> str | None:
    """The raw charset label of the first <meta> declaring one in the first `limit` bytes, or None."""
    m = _META_RE.search(body[:limit])
    if not m:
        return None
    try:
        return m.group(1).decode("ascii")
    except UnicodeDecodeError:  # pragma: no cover - regex only matches ASCII
        return None


def _bom(body: bytes) -> tuple[str, int] | None:
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if body.startswith(codecs.BOM_UTF32_LE) or body.startswith(codecs.BOM_UTF32_BE):
        return "utf-32", 0
    if body.startswith(codecs.BOM_UTF16_LE) or body.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", 0
    return None


def _utf8_text(body: bytes) -> str | None:
    """The text when the bytes hold non-ASCII and are entirely valid UTF-8 (strong evidence), else None."""
    if not _HIGH_BYTE.search(body):
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_counting(body: bytes, codec: str) -> tuple[str, int]:
    """Decode with replacement; return the text and the number of replaced sequences (-1: bad codec)."""
    try:
        return body.decode(codec), 0
    except UnicodeDecodeError:
        pass
    except (LookupError, TypeError, ValueError):
        return body.decode("utf-8", "replace"), -1
    text = body.decode(codec, "replace")
    return text, max(text.count("\ufffd") - _native_fffd(body, codec), 1)


def _native_fffd(body: bytes, codec: str) -> int:
    """U+FFFD characters genuinely encoded in the bytes (not produced by replacement)."""
    try:
        enc = "\ufffd".encode(codec)
    except (UnicodeEncodeError, LookupError):
        return 0
    return body.count(enc) if enc else 0


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _high_count(sample: bytes) -> int:
    """Number of non-ASCII bytes (as ``len(_HIGH_BYTE.findall(sample))``, without building the list)."""
    return len(sample) - len(sample.translate(None, _HIGH_BYTES))


def _utf8_coverage(body: bytes) -> float:
    """Share of the non-ASCII bytes that form well-formed UTF-8 sequences (GBK text scores low)."""
    sample = body[:200_000]
    high = _high_count(sample)
    if not high:
        return 1.0
    return sum(len(m) for m in _UTF8_SEQ.findall(sample)) / high


def _bad_ratio(errors: int, body: bytes) -> float:
    if errors == 0:
        return 0.0
    high = _high_count(body[:200_000]) or 1
    return errors / high


def _detect(body: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:200_000], cp_isolation=None).best()
    except MemoryError:  # (the page's memory budget: not a decoding matter)
        raise
    except Exception:  # noqa: BLE001 - detection must never break decoding
        return None
    if best is None:
        return None
    return normalize_charset(best.encoding)


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode an HTML body following the documented decision order; never raises."""
    if not isinstance(body, (bytes, bytearray, memoryview)):
        body = bytes(str(body), "utf-8", "replace")
    body = bytes(body)
    declared = header_charset(content_type) if isinstance(content_type, str) else None
    try:
        return _decode_html(body, declared)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - last resort, the contract is "never raise"
        text = body.decode("utf-8", "replace")
        return Decoded(text, "utf-8", "fallback", declared, text.count("\ufffd"))


def _decode_html(body: bytes, declared: str | None) -> Decoded:
    bom = _bom(body)
    if bom is not None:
        codec, skip = bom
        text, errors = _decode_counting(body[skip:], codec)
        if codec == "utf-8" or errors == 0:
            return Decoded(text, codec, "bom", declared, max(errors, 0))

    if not _HIGH_BYTE.search(body):
        # Pure ASCII: every ASCII-compatible charset gives the same text.
        meta_label = normalize_charset(meta_charset(body))
        http_label = normalize_charset(declared)
        label, src = (meta_label, "meta") if meta_label else (http_label, "http") if http_label else (None, "fallback")
        if not label or label.startswith(("utf_16", "utf_32")):
            label, src = "utf_8", "fallback"
        try:
            return Decoded(body.decode(label), _pretty(label), src, declared, 0)
        except (UnicodeDecodeError, LookupError):
            return Decoded(body.decode("ascii", "replace"), "utf-8", "fallback", declared, 0)

    utf8 = _utf8_text(body)
    utf8_ok = utf8 is not None
    utf8_text = utf8 or ""  # (read only when utf8_ok)
    candidates: list[tuple[str, str]] = []
    meta = normalize_charset(meta_charset(body))
    if meta:
        candidates.append((meta, "meta"))
    http = normalize_charset(declared)
    if http:
        candidates.append((http, "http"))

    for codec, src in candidates:
        if codec.startswith("utf_16") or codec.startswith("utf_32"):
            continue  # an ASCII-readable declaration of UTF-16 is impossible
        if codec in _UTF8_NAMES:
            if utf8_ok:
                return Decoded(utf8_text, "utf-8", src, declared, 0)
            if _utf8_coverage(body) >= 0.8:
                # Mostly well-formed UTF-8 with a few damaged bytes: keep UTF-8, count the damage.
                text, errors = _decode_counting(body, "utf-8")
                return Decoded(text, "utf-8", src, declared, errors)
            continue
        if utf8_ok and (codec in _WESTERN or len(_UTF8_SEQ.findall(body, 0, 200_000)) >= 4):
            # Valid multi-byte UTF-8 beats any other label (e.g. ISO-8859-1 or gbk for UTF-8 bytes); a
            # few GBK characters can be valid UTF-8 by chance, so a GB label needs several sequences.
            return Decoded(utf8_text, "utf-8", "detect", declared, 0)
        if codec in _WESTERN:
            continue  # never trust a Western single-byte label on high bytes; let detection decide
        text, errors = _decode_counting(body, codec)
        if errors >= 0 and _bad_ratio(errors, body) < 0.01:
            return Decoded(text, _pretty(codec), src, declared, errors)

    if utf8_ok:
        return Decoded(utf8_text, "utf-8", "detect", declared, 0)
    if _utf8_coverage(body) >= 0.9:
        text, errors = _decode_counting(body, "utf-8")
        return Decoded(text, "utf-8", "detect", declared, errors)

    # No usable declaration: try GB18030 strictly (most common non-UTF-8 encoding of these portals),
    # then charset-normalizer.
    text, errors = _decode_counting(body, "gb18030")
    if errors == 0:
        return Decoded(text, "gb18030", "detect", declared, 0)
    detected = _detect(body)
    if detected and not detected.startswith("utf_16") and not detected.startswith("utf_32"):
        dtext, derrors = _decode_counting(body, detected)
        if derrors >= 0 and derrors <= errors and detected not in _WESTERN:
            return Decoded(dtext, _pretty(detected), "detect", declared, derrors)
    if _bad_ratio(errors, body) < 0.05:
        return Decoded(text, "gb18030", "detect", declared, errors)
    text, errors = _decode_counting(body, "utf-8")
    return Decoded(text, "utf-8", "fallback", declared, max(errors, 0))


def _pretty(codec: str) -> str:
    if codec in _UTF8_NAMES:
        return "utf-8"
    return codec.replace("_", "-") if codec.startswith("utf") else codec


def decode_text_file(body: bytes) -> Decoded:
    """Decode a plain-text file (.txt): BOM → strict UTF-8 → strict GB18030 → detection → UTF-8 replace."""
    try:
        body = bytes(body)
        bom = _bom(body)
        if bom is not None:
            codec, skip = bom
            text, errors = _decode_counting(body[skip:], codec)
            return Decoded(text, codec, "bom", None, max(errors, 0))
        try:
            return Decoded(body.decode("utf-8"), "utf-8", "detect", None, 0)
        except UnicodeDecodeError:
            pass
        try:
            return Decoded(body.decode("gb18030"), "gb18030", "detect", None, 0)
        except UnicodeDecodeError:
            pass
        detected = _detect(body)
        if detected:
            text, errors = _decode_counting(body, detected)
            if errors >= 0:
                return Decoded(text, _pretty(detected), "detect", None, errors)
        text, errors = _decode_counting(body, "utf-8")
        return Decoded(text, "utf-8", "fallback", None, max(errors, 0))
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001
        text = bytes(body).decode("utf-8", "replace") if isinstance(body, (bytes, bytearray)) else ""
        return Decoded(text, "utf-8", "fallback", None, text.count("\ufffd"))
