"""The layered house stays layered: import-linter's contracts in pyproject.toml must all be kept
(imports go down only; only fetch imports httpx; no Prefect under src/; only the warehouse modules use DuckDB)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_import_contracts_kept() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    res = subprocess.run([exe], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-2000:]
    assert "0 broken" in res.stdout


PACKAGE = REPO / "src" / "countyreports"
LAYER_PACKAGES = ("native", "text", "reading", "registry", "crawl", "warehouse", "portal", "sandbox", "attachments",
                  "evaluation",
                  "pipeline", "cli")


def test_the_folders_are_the_layers() -> None:
    """The top of the package holds only the vocabulary; every layer is a subpackage that says what it is and
    what it may import, and is named in the layers contract."""
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "errors.py", "models.py", "settings.py"]
    contract = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    for name in LAYER_PACKAGES:
        init = PACKAGE / name / "__init__.py"
        doc = init.read_text(encoding="utf-8").split('"""')[1]
        assert len(doc.split()) >= 15, f"{name}/__init__.py: say what the package is and what it may import"
        assert f'"countyreports.{name}' in contract or f"| countyreports.{name}" in contract, name
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")} - {"__pycache__"}
    assert packages == set(LAYER_PACKAGES)


def test_no_module_over_400_lines() -> None:
    long = {str(p.relative_to(REPO)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, f"split these by noun: {long}"


def test_nothing_under_tests_is_read_at_run_time() -> None:
    """The package and the flows build no path into the repository's tests/ and default to none (the demo is
    given the bundled snapshot by the Makefile)."""
    into_tests = re.compile(r"""parents\[\d+\]\s*/\s*["']tests["']|default\s*=\s*["']tests/""")
    offenders = [str(p.relative_to(REPO)) for root in (PACKAGE, REPO / "flows") for p in root.rglob("*.py")
                 if into_tests.search(p.read_text(encoding="utf-8"))]
    assert not offenders, offenders


def test_flows_import_the_installed_package() -> None:
    """No flow edits sys.path: `countyreports` and `flows` are installed packages (pyproject.toml)."""
    for path in (REPO / "flows").glob("*.py"):
        assert "sys.path" not in path.read_text(encoding="utf-8"), path.name
