"""The compiled read path (countyreports.native): used when built for the sources as they are, never when stale,
and reading every article page of the snapshot exactly as the pure-Python sources do."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal_fixture import body, content_type, gold_pages, gold_reports, manifest  # noqa: E402

from countyreports import native  # noqa: E402
from countyreports.reading.document import RawDoc, parse_report, read_article  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _can_compile() -> str | None:
    """Why the compiled read path cannot be built here (None: it can)."""
    if not (shutil.which("cc") or shutil.which("gcc")):
        return "no C compiler on PATH: the pure-Python read path runs"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python.h (the interpreter's C headers): the pure-Python read path runs"
    try:
        import mypyc  # noqa: F401, PLC0415
    except ImportError:
        return "mypyc (mypy, the dev extra) is not installed"
    return None


def article_pages() -> list[str]:
    """Every article page of the snapshot: the pages of the gold reports and the other article pages."""
    urls = [u for r in gold_reports() for u in r["pages"]] + [p["url"] for p in gold_pages()]
    return [u for u in dict.fromkeys(urls) if u in manifest()]


def readings() -> dict[str, str]:
    """url -> digest of what the read path makes of the page (its Article, then its ParsedReport)."""
    out = {}
    for url in article_pages():
        article, encoding = read_article(RawDoc(url, body(url), content_type(url)))
        parsed = parse_report([article], None, encoding)
        out[url] = hashlib.sha256(repr((article, parsed)).encode("utf-8")).hexdigest()
    return out


def test_compiled_read_path_in_use_when_it_can_be_built() -> None:
    why = _can_compile()
    if why is not None:
        pytest.skip(why)
    assert native.in_use() is not None, f"make install builds it: {native.why_not()}"
    import countyreports.reading.article as html  # noqa: PLC0415

    assert html.__file__.endswith(native._target()["suffix"])  # the extension, not html.py
    assert sys.modules["countyreports.reading.indicators.extract"].__file__.startswith(str(native.in_use()))


def test_compiled_and_pure_read_every_article_page_alike() -> None:
    if native.in_use() is None:
        pytest.skip(f"the compiled read path is not in use: {native.why_not()}")
    env = {**os.environ, native.PURE_ENV: "1"}
    run = subprocess.run([sys.executable, __file__], env=env, capture_output=True, text=True, timeout=600, check=True)
    pure = json.loads(run.stdout)
    assert pure["compiled"] is None
    compiled = readings()
    assert len(compiled) >= 600  # 286 report pages and the other article pages
    differ = [u for u in compiled if compiled[u] != pure["readings"].get(u)]
    assert not differ, f"{len(differ)} pages read differently, e.g. {differ[:3]}"


def test_records_of_compiled_modules_pickle() -> None:
    """A record a compiled module defines may cross processes: it pickles (see NumberToken.__reduce__)."""
    import pickle  # noqa: PLC0415

    from countyreports.text.numerals import find_numbers  # noqa: PLC0415

    found = list(find_numbers("受理行政复议案件1.2万余件"))
    assert [t.value for t in found] == [12000.0]
    assert pickle.loads(pickle.dumps(found)) == found


def _fake_build(tmp_path: Path, stamp: dict) -> Path:
    (tmp_path / native.STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    return tmp_path


def test_a_build_for_the_current_sources_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    build = _fake_build(tmp_path, native.stamp_of(native.MODULES))
    assert native.check(build) == (build, "")


def test_a_stale_build_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    stamp = native.stamp_of(native.MODULES)
    stamp["modules"]["countyreports.reading.sections"] = "0" * 64  # type: ignore[index]  # sections.py edited since
    used, why = native.check(_fake_build(tmp_path, stamp))
    assert used is None and "countyreports.reading.sections" in why


def test_a_build_for_another_interpreter_or_module_set_is_not_used(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    other = {**native.stamp_of(native.MODULES), "python": "3.10.0"}
    assert native.check(_fake_build(tmp_path, other))[0] is None
    fewer = native.stamp_of(native.MODULES[:-1])
    assert native.check(_fake_build(tmp_path, fewer))[0] is None
    assert native.check(tmp_path / "nothing-here")[0] is None


def test_pure_env_turns_the_compiled_read_path_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = _fake_build(tmp_path, native.stamp_of(native.MODULES))
    monkeypatch.setenv(native.PURE_ENV, "1")
    used, why = native.check(build)
    assert used is None and native.PURE_ENV in why


def test_makefile_rebuilds_on_a_change_to_any_compiled_module() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    listed = re.search(r"NATIVE_SRC := \$\(addprefix src/countyreports/,(.*?)\)\n", makefile, re.S)
    assert listed is not None
    files = sorted(listed.group(1).replace("\\", " ").split())
    assert files == sorted(str(native.source_of(m).relative_to(native.SRC / "countyreports")) for m in native.MODULES)


if __name__ == "__main__":  # (run by the test above, in a process with the pure-Python read path)
    print(json.dumps({"compiled": str(native.in_use()) if native.in_use() else None, "readings": readings()}))
