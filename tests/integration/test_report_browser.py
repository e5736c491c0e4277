"""The HTML comparison report: built from a harvested warehouse, self-contained (nothing loaded from the
network), and rendered by real headless Chromium (Debian's `chromium`; `make test` installs it when run as
root) with its charts drawn and no console errors. The screenshot is kept for a human to look at
(COUNTYREPORTS_SCREENSHOT=path.png keeps a copy)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from countyreports.cli import app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = ("headless Chromium not found: `make test` installs Debian's chromium when run as root; "
               "elsewhere `apt-get install chromium` to run this test")
# no network at all: every host name resolves to nothing, and the page's own CSP forbids loads
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=20000"]


@pytest.fixture(scope="module")
def page(warehouse_e2: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    res = CliRunner().invoke(app, ["report", "--db", str(warehouse_e2), "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out


class _Resources(HTMLParser):
    """Collects every URL the page would LOAD (scripts, styles, images, frames...), not plain links."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[tuple[str, str]] = []  # (href, title)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for key in ("src", "srcset", "data", "poster"):
            if a.get(key):
                self.loads.append(f"{tag} {key}={a[key]}")
        if tag == "link" and a.get("href"):
            self.loads.append(f"link href={a['href']}")
        if tag == "a" and a.get("href"):
            self.links.append((a["href"] or "", a.get("title") or ""))


def test_page_is_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    p = _Resources()
    p.feed(text)
    assert p.loads == []
    assert "default-src 'none'" in text  # CSP: the browser refuses any load the page might try
    assert "vegaEmbed" in text and "window.vegaEmbed=" in text  # the library is inlined


def test_numbers_link_to_their_sentence(page: Path) -> None:
    p = _Resources()
    p.feed(page.read_text(encoding="utf-8"))
    number_links = [(h, t) for h, t in p.links if h.startswith("http") and "“" in t]
    assert len(number_links) > 100
    assert all(t.rstrip().endswith(h.split("#")[0]) for h, t in number_links)  # tooltip ends with the URL
    assert any("#:~:text=" in h for h, _t in number_links)


def _chromium(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(cwd)}
    return subprocess.run([CHROMIUM or "chromium", *CHROME_FLAGS, f"--user-data-dir={cwd / 'profile'}", *args],
                          capture_output=True, text=True, timeout=180, cwd=cwd, env=env)


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_chromium_renders_charts_without_errors(page: Path, tmp_path: Path) -> None:
    proc = _chromium("--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri(), cwd=tmp_path)
    dom = proc.stdout
    assert "<body" in dom, proc.stderr[-2000:]
    expected = int(re.search(r'data-charts-expected="(\d+)"', dom).group(1))  # type: ignore[union-attr]
    rendered = int(re.search(r'data-charts-rendered="(\d+)"', dom).group(1))  # type: ignore[union-attr]
    errors = int(re.search(r'data-js-errors="(\d+)"', dom).group(1))  # type: ignore[union-attr]
    assert expected >= 4
    assert rendered == expected, "charts did not finish rendering"
    assert errors == 0, re.search(r'<pre id="js-errors">(.*?)</pre>', dom, re.S)
    # each chart container holds a Vega SVG with marks drawn
    for cid in ("chart-coverage", "chart-litigation", "chart-rates", "chart-timeliness"):
        m = re.search(rf'id="{cid}"[^>]*>(.*?)</svg>', dom, re.S)
        assert m and "<svg" in m.group(1) and 'class="mark-' in m.group(1), cid
    console = [ln for ln in proc.stderr.splitlines() if ":CONSOLE" in ln]
    assert console == []  # no console message at all (errors, warnings, failed loads)


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_chromium_screenshot(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    proc = _chromium("--window-size=1280,2400", f"--screenshot={shot}", page.as_uri(), cwd=tmp_path)
    assert shot.is_file(), proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000  # a blank page compresses to a few KB
    keep = os.environ.get("COUNTYREPORTS_SCREENSHOT")
    if keep:
        shutil.copy(shot, keep)
