"""Settings: (name, default, help) for every knob, overridable by environment variables ``COUNTYREPORTS_<NAME>``.

The `Settings` dataclass is the single source (each field carries its help); `SETTINGS_TABLE` is derived from it,
and a test checks that the README's settings table lists every one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any


def _setting(default: Any, help_text: str) -> Any:
    """A settings field: its default and the help shown in the README's settings table."""
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, its default and its help (the single source: SETTINGS_TABLE is derived from it)."""

    db: str = _setting('warehouse/countyreports.duckdb', 'DuckDB warehouse file')
    raw_dir: str = _setting('', 'raw archive folder (default: <db folder>/raw)')
    registry: str = _setting('', "county registry CSV (required for a harvest: no default)")
    proxy: str = _setting('', 'HTTP proxy URL the crawler uses (e.g. the replay portal http://127.0.0.1:8765)')
    user_agent: str = _setting(
        'countyreports/0.1 (+https://github.com/countyreports/countyreports)',
        'User-Agent header sent to portals')
    contact: str = _setting('', 'contact URL or e-mail appended to the User-Agent')
    per_host_concurrency: int = _setting(1, 'requests in flight per host')
    min_delay_s: float = _setting(1.0, 'minimum seconds between request starts to one host')
    connect_timeout_s: float = _setting(10.0, 'connect timeout in seconds')
    read_timeout_s: float = _setting(30.0, 'read timeout in seconds')
    max_retries: int = _setting(3, 'retries of a transient failure')
    backoff_base_s: float = _setting(0.5, 'first wait before a retry (doubling, with jitter)')
    backoff_max_s: float = _setting(8.0, 'longest wait between two retries')
    host_fail_after: int = _setting(
        3,
        'consecutive failed requests after which a host is given up for the run (0: never)')
    retry_after_cap_s: float = _setting(
        30.0,
        'longest Retry-After honoured; beyond it the host fails for this run')
    max_body_bytes: int = _setting(5 * 1024 * 1024, 'largest body kept (bytes)')
    workers: int = _setting(16, 'counties crawled in parallel (threads)')
    load_batch: int = _setting(
        1,
        "counties loaded in one transaction at most: the writer loads those ready together "
        "(1: one transaction per county; 64 lets one writer keep up with thousands of counties)")
    parse_processes: int = _setting(
        1,
        "processes that read report pages and attachments under the page budgets (the sandbox pool; with crawler "
        "processes, each has its share, at least one; 0: in the crawl threads, without budgets: a page that crashes "
        "the reader or eats the memory stops the run)")
    page_time_s: float = _setting(
        10.0,
        "seconds one document (a report page, an attachment, a file given to `parse`) may take to read; beyond, "
        "its reading is killed and the page recorded unreadable (a report of N documents gets N times this)")
    page_memory_mb: int = _setting(
        512,
        "address space (MB) of the process reading one document, its own ~75 MB included; beyond, the page is "
        "recorded unreadable")
    crawl_processes: int = _setting(
        0,
        "processes that crawl (each with workers/N threads, parsing in them) while this one only loads "
        "(0: crawl in this process's threads, where one interpreter lock caps a crawl near 200 requests a second)")
    search_budget: int = _setting(
        30, 'pages fetched at most while searching a county for its report column (best first, no depth limit)')
    search_retry_days: int = _setting(
        7, 'a county whose report column was not found is searched again after this many days, or when its '
           'homepage changes (otherwise a run costs it one conditional request)')
    derived_dir: str = _setting(
        '',
        "folder of what converters and OCR made of attachments, by the SHA-256 of their bytes, so that the same "
        "bytes are never converted or OCR'd twice (default: <raw archive folder>/../derived)")
    ocr_processes: int = _setting(
        1,
        "processes that convert legacy Word files and OCR scans (started when the first such file comes; "
        "each loads the OCR models once)")
    ocr_page_time_s: float = _setting(
        60.0,
        "seconds one scanned page may take to OCR (page budget; the engine takes ~3-5 s a page on one core); "
        "beyond, its process is killed and the report is loaded as read_failed")
    ocr_page_memory_mb: int = _setting(
        3072,
        "address space (MB) of the process reading one scanned page or converting one file, models included "
        "(an OCR process peaks near 1.5 GB of address space, 0.7 GB resident, on a 300-dpi A4 page)")
    ocr_detect_side: int = _setting(
        960,
        "longest side (px) of a scanned page as the OCR's text detector sees it (the lines it finds are read from the "
        "page at up to 2,000 px); its memory grows with this side's square (0: the whole 2,000-px page, ~350 MiB "
        "more at an OCR process's peak)")
    convert_time_s: float = _setting(
        120.0,
        "seconds LibreOffice may take to convert one legacy Word file (its first start in a process included)")
    max_list_pages: int = _setting(40, 'list pages walked at most per column')
    recheck_days: int = _setting(30, 'age after which a known article page is re-checked')
    adapters: bool = _setting(
        True,
        'use the CMS-family adapters (trs, hanweb, platform, gkmlpt) besides the generic reader '
        '(false: the generic path alone)')
    allow_unlisted: bool = _setting(
        False,
        'let registry codes outside the national list through, with a warning (replicate.py load tests)')
    max_failed_share: float = _setting(
        0.5,
        "share of the counties attempted that may fail before a run ends Failed (exit 1, red in Prefect); a run "
        "where every county failed, or no county could be reached, always does")
    debug: bool = _setting(False, "print the full traceback of an error (as `--debug` does for one command)")

    @property
    def db_path(self) -> Path:
        return Path(self.db)

    @property
    def raw_path(self) -> Path:
        return Path(self.raw_dir) if self.raw_dir else self.db_path.parent / "raw"

    @property
    def derived_path(self) -> Path:
        return Path(self.derived_dir) if self.derived_dir else self.raw_path.parent / "derived"

    @property
    def full_user_agent(self) -> str:
        return f"{self.user_agent} {self.contact}".strip() if self.contact else self.user_agent

    def with_(self, **changes: Any) -> Settings:
        """A copy with the given fields changed; None values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


SETTINGS_TABLE: tuple[tuple[str, Any, str], ...] = tuple(
    (f.name, f.default, f.metadata["help"]) for f in fields(Settings))


def _parse_bool(raw: str) -> bool:
    low = raw.strip().lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"not a boolean: {raw!r}")


def load_settings(env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then COUNTYREPORTS_* environment variables, then explicit overrides."""
    env = dict(os.environ) if env is None else env
    values: dict[str, Any] = {}
    for name, default, _help in SETTINGS_TABLE:
        raw = env.get(f"COUNTYREPORTS_{name.upper()}")
        if raw is not None:
            values[name] = _parse_bool(raw) if isinstance(default, bool) else type(default)(raw)
    return Settings(**values).with_(**overrides)
