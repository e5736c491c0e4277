"""The exception tree.

    CountyReportsError
     ├── TransientError          retrying later may succeed (Prefect retries only these)
     │    ├── FetchTransient      connect error, timeout, 5xx, 429
     │    └── WarehouseBusy       another process holds the DuckDB write lock
     └── TerminalError           retrying will not help
          ├── FetchTerminal       4xx, too large, off-scope, redirect loop, robots disallow
          ├── RegistryError       the registry file is not a registry (bad columns, not CSV)
          ├── ParseError          a document could not be read at all
          │    └── ToolMissing     the converter or OCR engine a file needs is not installed (`tool` says which)
          ├── SnapshotError       a replay snapshot is malformed
          └── SandboxError        a task of the sandbox pool did not finish (`reason` says why):
               ├── OverBudget      over its time budget (killed) or its memory budget (MemoryError)
               └── ReaderCrashed   its process died (a signal, the kernel's OOM killer)

Every error carries the context that tells what to do (url, adcode, ...).
"""

from __future__ import annotations


class CountyReportsError(Exception):
    """Base of every error raised on purpose by countyreports."""

    transient: bool = False

    def __init__(self, message: str, *, url: str | None = None, adcode: str | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.adcode = adcode

    def __str__(self) -> str:
        parts = [super().__str__()]
        if self.adcode:
            parts.append(f"adcode={self.adcode}")
        if self.url:
            parts.append(f"url={self.url}")
        return " ".join(parts)


class TransientError(CountyReportsError):
    transient = True


class TerminalError(CountyReportsError):
    transient = False


class FetchTransient(TransientError):
    """A request failed in a way that may pass: connect error, timeout, 5xx, 429."""

    def __init__(self, message: str, *, url: str | None = None, adcode: str | None = None,
                 status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message, url=url, adcode=adcode)
        self.status = status
        self.retry_after = retry_after


class WarehouseBusy(TransientError):
    """Another process holds the DuckDB file (DuckDB allows one writer and no readers beside it)."""


class FetchTerminal(TerminalError):
    """A request that will not succeed on retry: 4xx, too large, off-scope, loop, robots."""

    def __init__(self, message: str, *, url: str | None = None, adcode: str | None = None,
                 status: int | None = None, reason: str = "") -> None:
        super().__init__(message, url=url, adcode=adcode)
        self.status = status
        self.reason = reason


class RegistryError(TerminalError):
    """The registry file cannot be used at all."""


class ParseError(TerminalError):
    """A document could not be parsed."""


class ToolMissing(ParseError):
    """A file needs a tool that is not installed here: LibreOffice for a legacy Word file, the OCR engine for a
    scan. The report is loaded with what could be read and `harvest --reparse` reads it again once it is."""

    def __init__(self, message: str, *, tool: str, url: str | None = None, adcode: str | None = None) -> None:
        super().__init__(message, url=url, adcode=adcode)
        self.tool = tool

    def __reduce__(self) -> tuple[object, ...]:  # (keyword-only arguments: pickled by hand)
        return (_rebuild_missing, (str(Exception.__str__(self)), self.tool, self.url, self.adcode))


def _rebuild_missing(message: str, tool: str, url: str | None, adcode: str | None) -> ToolMissing:
    return ToolMissing(message, tool=tool, url=url, adcode=adcode)


class SnapshotError(TerminalError):
    """A replay snapshot is malformed."""


class SandboxError(TerminalError):
    """A task of the sandbox pool (countyreports.sandbox) did not finish; `reason` is a short label of why
    (``time``, ``memory``, ``crash``, ``broken``) and the message says it in words."""

    def __init__(self, message: str, *, reason: str, url: str | None = None, adcode: str | None = None) -> None:
        super().__init__(message, url=url, adcode=adcode)
        self.reason = reason

    def __reduce__(self) -> tuple[object, ...]:  # (keyword-only arguments: pickled by hand)
        return (_rebuild, (type(self), str(Exception.__str__(self)), self.reason, self.url, self.adcode))


class OverBudget(SandboxError):
    """The task went over its time budget (its process was killed) or its memory budget."""


class ReaderCrashed(SandboxError):
    """The process running the task died: a signal (a crash in native code), or the kernel killed it."""


def _rebuild(cls: type[SandboxError], message: str, reason: str, url: str | None,
             adcode: str | None) -> SandboxError:
    return cls(message, reason=reason, url=url, adcode=adcode)


def is_transient(exc: BaseException) -> bool:
    """True when retrying may help (used by Prefect's retry_condition_fn)."""
    return isinstance(exc, CountyReportsError) and exc.transient
