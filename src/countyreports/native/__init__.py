"""The compiled read path: the pure parsing modules built with mypyc, run in place of their sources.

    python -m countyreports.native.compiler build    # compile MODULES into build/native/ (`make install` does it)
    python -m countyreports.native.compiler status   # is the compiled read path in use, and if not, why

The modules in `MODULES` (decode, HTML reading, cleaning, sections, metadata, indicators) are plain typed
Python; mypyc turns them into C extensions that run the same code about 15 % faster. countyreports.native.compiler
writes them to ``<repository>/build/native/`` with a stamp: the SHA-256 of each source compiled and the
interpreter it was compiled for. At import, the packages call `activate()`, which puts that build ahead of
the sources on the package's ``__path__`` only when the stamp matches: an edited source (or a build for
another interpreter) makes the whole package run its sources instead, with a warning, never a stale build.
Without a build, or with ``COUNTYREPORTS_PURE=1``, the sources run. Same functions, same results:
tests/unit/test_native.py reads every article page of the snapshot both ways and compares the parses.

`countyreports.native.heap` is the other native matter: the C heap (glibc's malloc) of the harvest's long-lived
processes — fewer arenas for many threads, freed memory handed back after a big task.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from pathlib import Path

#: the modules compiled: the read path's pure functions (not document.py: its RawDoc crosses processes, and
#: a compiled frozen dataclass does not unpickle)
MODULES = (
    "countyreports.text.chars", "countyreports.text.mojibake", "countyreports.text.pinyin",
    "countyreports.text.clean", "countyreports.text.decode", "countyreports.text.numerals",
    "countyreports.reading.urls", "countyreports.reading.query", "countyreports.reading.pagenoise",
    "countyreports.reading.pagemeta", "countyreports.reading.titles", "countyreports.reading.paragraphs",
    "countyreports.reading.article",
    "countyreports.reading.parts", "countyreports.reading.nesting", "countyreports.reading.sections",
    "countyreports.reading.metadata",
    "countyreports.reading.indicators.breaks", "countyreports.reading.indicators.frames",
    "countyreports.reading.indicators.cues", "countyreports.reading.indicators.rows",
    "countyreports.reading.indicators.columns",
    "countyreports.reading.indicators.quantities", "countyreports.reading.indicators.scope",
    "countyreports.reading.indicators.rates", "countyreports.reading.indicators.levels",
    "countyreports.reading.indicators.periods", "countyreports.reading.indicators.pairs",
    "countyreports.reading.indicators.totals", "countyreports.reading.indicators.places",
    "countyreports.reading.indicators.departments",
    "countyreports.reading.indicators.attribution",
    "countyreports.reading.indicators.extract",
)
PURE_ENV = "COUNTYREPORTS_PURE"
SRC = Path(__file__).resolve().parents[2]  # the directory holding the countyreports package
BUILD_DIR = SRC.parent / "build" / "native"
STAMP = "stamp.json"

_state: dict[str, object] = {}  # "dir": the build in use (or None), "why": why not; decided once per process


def source_of(module: str) -> Path:
    return SRC.joinpath(*module.split(".")).with_suffix(".py")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _target() -> dict[str, str]:
    """What a build must have been made for: this interpreter's extension suffix and Python version."""
    return {"suffix": importlib.machinery.EXTENSION_SUFFIXES[0], "python": sys.version.split()[0]}


def _pure_asked() -> bool:
    return os.environ.get(PURE_ENV, "").strip() not in ("", "0")


def check(build_dir: Path = BUILD_DIR) -> tuple[Path | None, str]:
    """(the build to use, or None; the reason when None)."""
    if _pure_asked():
        return None, f"{PURE_ENV} is set"
    stamp_file = build_dir / STAMP
    if not stamp_file.is_file():
        return None, f"no build in {build_dir} (python -m countyreports.native.compiler build)"
    try:
        stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
        if {k: stamp.get(k) for k in _target()} != _target():
            return None, f"the build in {build_dir} was made for another interpreter"
        if sorted(stamp["modules"]) != sorted(MODULES):
            return None, f"the build in {build_dir} compiled other modules"
        changed = [m for m, digest in stamp["modules"].items() if _digest(source_of(m)) != digest]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return None, f"unreadable build stamp {stamp_file}: {exc}"
    if changed:
        return None, f"sources changed since the build in {build_dir}: {', '.join(changed)}"
    return build_dir, ""


def _load_shared(build_dir: Path) -> None:
    """Import the build's shared library (mypyc's ``<hash>__mypyc`` module, which the compiled modules import
    by its top-level name) from the build directory, without putting that directory on sys.path."""
    for lib in build_dir.glob("*__mypyc" + _target()["suffix"]):
        name = lib.name[: -len(_target()["suffix"])]
        if name not in sys.modules:
            spec = importlib.util.spec_from_file_location(name, lib)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)


def in_use() -> Path | None:
    """The build the packages run (decided at the first call, once per process), or None."""
    if "dir" not in _state:
        build_dir, why = check()
        if build_dir is not None:
            try:
                _load_shared(build_dir)
            except Exception as exc:  # noqa: BLE001 - a broken build must not stop the package: run the sources
                build_dir, why = None, f"the build in {BUILD_DIR} does not load: {exc}"
        if build_dir is None and (BUILD_DIR / STAMP).is_file() and not _pure_asked():
            warnings.warn(f"countyreports: running the pure-Python read path: {why}; `make install` rebuilds it",
                          RuntimeWarning, stacklevel=3)
        _state["dir"], _state["why"] = build_dir, why
    return _state["dir"]  # type: ignore[return-value]


def activate(path: list[str], package: str) -> None:
    """Put the compiled modules of `package` (the caller's ``__path__``) ahead of its sources, if in use."""
    build_dir = in_use()
    if build_dir is not None:
        compiled = build_dir.joinpath(*package.split("."))
        if compiled.is_dir() and str(compiled) not in path:
            path.insert(0, str(compiled))


def why_not() -> str:
    """Why the sources run ("" when the compiled read path is in use)."""
    in_use()
    return str(_state["why"])


def stamp_of(modules: tuple[str, ...]) -> dict[str, object]:
    """The stamp of a build of `modules` from the sources as they are now, for this interpreter."""
    return {**_target(), "modules": {m: _digest(source_of(m)) for m in modules}}
