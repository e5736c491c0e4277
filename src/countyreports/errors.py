"""The exception tree.

    CountyReportsError
     ├── TransientError          retrying later may succeed (Prefect retries only these)
     │    ├── FetchTransient      connect error, timeout, 5xx, 429
     │    └── WarehouseBusy       another process holds the DuckDB write lock
     └── TerminalError           retrying will not help
          ├── FetchTerminal       4xx, too large, off-scope, redirect loop, robots disallow
          ├── InputError          what the run was given cannot work: fix it and run again (CLI exit 2)
          │    ├── RegistryError      the registry file is missing or not a registry (bad columns, not CSV)
          │    ├── SelectionError     counties/province/prefecture unknown or selecting nothing; bad years
          │    ├── WarehouseUnusable  the warehouse folder cannot be written
          │    └── ProxyUnreachable   the proxy accepts no connection
          ├── RunFailed           a run ended with too many counties failed, or none reached (CLI exit 1)
          ├── ParseError          a document could not be read at all
          │    ├── Refused         refused before reading: reading it would break a limit (zip bomb, entities)
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


class InputError(TerminalError):
    """What a run was given cannot work (a file, a county list, a folder, a proxy): the message says what to fix.
    The CLI finds these before the run starts (exit 2); a flow run given them fails at once."""


class RegistryError(InputError):
    """The registry file cannot be used at all."""


class SelectionError(InputError):
    """Counties, a province or a prefecture the registry does not hold (named, with the nearest names), a
    selection of no county at all, or malformed report years."""


class WarehouseUnusable(InputError):
    """The warehouse file or its folder cannot be written."""


class ProxyUnreachable(InputError):
    """The proxy given accepts no connection: every request would fail, and look like a dead portal."""


class RunFailed(TerminalError):
    """A run ended, its counties loaded, but too many failed (or none could be reached): the flow run ends Failed.
    Carries the run's id and counters, so the CLI can print them beside the reason."""

    def __init__(self, message: str, *, run_id: str = "", counters: dict[str, int] | None = None) -> None:
        super().__init__(message)
        self.run_id = run_id
        self.counters = dict(counters or {})


class ParseError(TerminalError):
    """A document could not be parsed."""


class Refused(ParseError):
    """A document refused before it was read, because reading it would break a limit of the read path
    (countyreports.reading.limits); the message says which."""


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
