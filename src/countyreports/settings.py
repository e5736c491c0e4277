"""Settings: one table of (name, default, help), overridable by environment variables ``COUNTYREPORTS_<NAME>``.

The table is the single source for defaults; the README's settings section is checked against it by a test.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

SETTINGS_TABLE: tuple[tuple[str, Any, str], ...] = (
    ("db", "warehouse/countyreports.duckdb", "DuckDB warehouse file"),
    ("raw_dir", "", "raw archive folder (default: <db folder>/raw)"),
    ("registry", "", "county registry CSV (default: the bundled dev snapshot's counties.csv)"),
    ("proxy", "", "HTTP proxy URL the crawler uses (e.g. the replay portal http://127.0.0.1:8765)"),
    ("user_agent", "countyreports/0.1 (+https://github.com/countyreports/countyreports)",
     "User-Agent header sent to portals"),
    ("contact", "", "contact URL or e-mail appended to the User-Agent"),
    ("per_host_concurrency", 1, "requests in flight per host"),
    ("min_delay_s", 1.0, "minimum seconds between request starts to one host"),
    ("connect_timeout_s", 10.0, "connect timeout in seconds"),
    ("read_timeout_s", 30.0, "read timeout in seconds"),
    ("max_retries", 3, "retries of a transient failure"),
    ("backoff_base_s", 0.5, "first wait before a retry (doubling, with jitter)"),
    ("backoff_max_s", 8.0, "longest wait between two retries"),
    ("host_fail_after", 3, "consecutive failed requests after which a host is given up for the run (0: never)"),
    ("retry_after_cap_s", 30.0, "longest Retry-After honoured; beyond it the host fails for this run"),
    ("max_body_bytes", 5 * 1024 * 1024, "largest body kept (bytes)"),
    ("workers", 16, "counties crawled in parallel (threads)"),
    ("load_batch", 1,
     "counties loaded in one transaction at most: the writer loads those ready together (1: one transaction "
     "per county; 64 lets one writer keep up with thousands of counties)"),
    ("parse_processes", 0,
     "processes that parse report pages and attachments (0: parse in the crawl threads; 2 on a 2-core box "
     "lets the parsing use the second core)"),
    ("max_column_hops", 6, "pages fetched at most while looking for the report column"),
    ("max_list_pages", 40, "list pages walked at most per column"),
    ("recheck_days", 30, "age after which a known article page is re-checked"),
    ("allow_unlisted", False,
     "let registry codes outside the national list through, with a warning (replicate.py load tests)"),
)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "warehouse/countyreports.duckdb"
    raw_dir: str = ""
    registry: str = ""
    proxy: str = ""
    user_agent: str = "countyreports/0.1 (+https://github.com/countyreports/countyreports)"
    contact: str = ""
    per_host_concurrency: int = 1
    min_delay_s: float = 1.0
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    max_retries: int = 3
    backoff_base_s: float = 0.5
    backoff_max_s: float = 8.0
    host_fail_after: int = 3
    retry_after_cap_s: float = 30.0
    max_body_bytes: int = 5 * 1024 * 1024
    workers: int = 16
    load_batch: int = 1
    parse_processes: int = 0
    max_column_hops: int = 6
    max_list_pages: int = 40
    recheck_days: int = 30
    allow_unlisted: bool = False

    @property
    def db_path(self) -> Path:
        return Path(self.db)

    @property
    def raw_path(self) -> Path:
        return Path(self.raw_dir) if self.raw_dir else self.db_path.parent / "raw"

    @property
    def full_user_agent(self) -> str:
        return f"{self.user_agent} {self.contact}".strip() if self.contact else self.user_agent

    def with_(self, **changes: Any) -> Settings:
        """A copy with the given fields changed; None values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


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
