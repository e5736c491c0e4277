"""The mypyc build of the read path (the modules of countyreports.native.MODULES).

    python -m countyreports.native.compiler build    # compile into build/native/ (`make install` runs it)
    python -m countyreports.native.compiler status   # is the compiled read path in use, and if not, why

mypyc (from mypy, the dev extra) type-checks the modules and compiles them, as one group, to C extensions;
the build goes to a fresh directory that replaces build/native/ only once complete, with the stamp that
countyreports.native checks at import.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from countyreports.native import BUILD_DIR, MODULES, SRC, STAMP, in_use, source_of, stamp_of, why_not


def build(out: Path = BUILD_DIR) -> Path:
    """Compile `MODULES` with mypyc into `out` (replaced whole, once the new build is complete)."""
    from mypyc.build import mypycify  # noqa: PLC0415 - a build-time dependency (the dev extra)
    from setuptools import Distribution  # type: ignore[import-untyped]  # noqa: PLC0415

    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="native-", dir=out.parent))
    stamp = stamp_of(MODULES)
    cwd = os.getcwd()
    os.chdir(SRC)  # mypyc names each module after its path from here
    os.environ.setdefault("MYPY_CACHE_DIR", str(out.parent / "mypy_cache"))  # (not in the source tree)
    try:
        extensions = mypycify([str(source_of(m).relative_to(SRC)) for m in MODULES], opt_level="3",
                              target_dir=str(work / "c"))
        dist = Distribution({"name": "countyreports-native", "ext_modules": extensions})
        cmd = dist.get_command_obj("build_ext")
        cmd.build_lib = str(work / "lib")  # type: ignore[attr-defined]
        cmd.build_temp = str(work / "tmp")  # type: ignore[attr-defined]
        cmd.parallel = os.cpu_count() or 1  # type: ignore[attr-defined]
        dist.run_command("build_ext")
    except SystemExit as exc:  # mypyc reports type errors and exits
        shutil.rmtree(work, ignore_errors=True)
        raise RuntimeError(f"mypyc could not compile the read path (exit {exc.code}); see the errors above") from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    finally:
        os.chdir(cwd)
    lib = work / "lib"
    (lib / STAMP).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    lib.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["build"]:
        print(f"compiled {len(MODULES)} modules into {build()}")
        return 0
    if args[:1] == ["status"]:
        build_dir = in_use()
        print(f"compiled read path in use: {build_dir}" if build_dir else f"pure-Python read path: {why_not()}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
