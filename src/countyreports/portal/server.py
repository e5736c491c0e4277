"""Replay portal: an HTTP server (and forward proxy) answering from a recorded snapshot.

A snapshot is a folder holding ``manifest.jsonl`` (one recorded response per line) and
``bodies/`` (content-addressed response bodies); see ``tests/fixtures/portal/README.md``.

Public API
----------
``Snapshot`` and ``Entry``: the recorded snapshot (`countyreports.portal.snapshot`, re-exported here).

``ReplayServer(snapshot_dir, epoch=1, host="127.0.0.1", port=0, log=None)``
    ``snapshot_dir`` may also be an already loaded :class:`Snapshot`. ``.start()`` serves from a
    background thread (port 0 picks a free port), ``.url`` (``http://127.0.0.1:PORT``), ``.port``,
    ``.epoch``, ``.log_path``, ``.set_epoch(n)`` (also resets the ``fail_first`` counters), ``.stop()``,
    ``.serve_forever()`` (blocking, for a CLI), context manager (``with ReplayServer(...) as s:``).

``portal_process(snapshot, epoch=1, port=0, log=None, env=None)``
    Context manager: the portal in its own process; yields ``(url, process)`` once it listens.

``serve(snapshot, epoch=1, host="127.0.0.1", port=8765, log=None)``
    Prints ``listening on http://HOST:PORT`` once ready and serves until SIGINT/SIGTERM.
    Also ``python -m countyreports.portal.server --snapshot DIR [--epoch N] [--host H] [--port P] [--log F]``.

Request routing
---------------
The server is a forward proxy for plain HTTP: an absolute-form request line
(``GET http://www.xiangning.gov.cn/zwgk/index.html HTTP/1.1``, what ``httpx.Client(proxy=url)``
sends) is answered for that URL (a ``:80`` port is dropped). An origin-form request (``GET /path``)
is routed by its ``Host`` header (any port dropped). The URL ``http://{host}{path?query}`` is
matched against the manifest as a full string. ``CONNECT`` (HTTPS tunnelling) is not supported.

Replay rules: an entry answers only in its epochs (else 404); recorded headers are sent as they
are plus ``Content-Length``; ``delay_ms`` is slept before answering; the first ``fail_first``
requests for a URL in an epoch get ``503`` with an empty body (counted per server and epoch);
a ``200`` entry with an ``ETag`` answers ``304`` to a matching ``If-None-Match`` (weak comparison,
``*`` matches), otherwise one with ``Last-Modified`` answers ``304`` to an ``If-Modified-Since``
not earlier than it. GET and HEAD are supported.

``log``: one JSON line per request, flushed per line::

    {"ts", "ts_end", "host", "method", "url", "status", "if_none_match", "if_modified_since", "bytes"}

``ts`` is the arrival of the request (unix time), ``ts_end`` the moment the last piece of the
response is handed to the socket; the line is written just before that piece, so a client holding
a complete response always finds its line in the log. ``bytes`` counts body bytes (0 for HEAD/304).
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from countyreports.errors import SnapshotError
from countyreports.portal.handler import Handler, PortalState, ReplayHTTPServer, RequestLog
from countyreports.portal.snapshot import Entry, Snapshot

__all__ = ["Entry", "Snapshot", "ReplayServer", "portal_process", "serve", "main"]

# --------------------------------------------------------------------------- public server


class ReplayServer:
    """The replay portal, in-process (tests) or as a CLI server."""

    def __init__(self, snapshot_dir: Path | str | Snapshot, epoch: int = 1, host: str = "127.0.0.1",
                 port: int = 0, log: Path | str | None = None) -> None:
        self.snapshot = (snapshot_dir if isinstance(snapshot_dir, Snapshot)
                         else Snapshot.load(Path(snapshot_dir)))
        self.host = host
        self._requested_port = port
        self.log_path: Path | None = Path(log) if log is not None else None
        self._state = PortalState(self.snapshot, epoch, None)
        self._httpd: ReplayHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle --------------------------------------------------------------
    def _bind(self) -> ReplayHTTPServer:
        if self._httpd is None:
            httpd = ReplayHTTPServer((self.host, self._requested_port), Handler)
            if self.log_path is not None:
                self._state.log = RequestLog(self.log_path)
            httpd.state = self._state
            self._httpd = httpd
        return self._httpd

    def start(self) -> ReplayServer:
        """Bind and serve from a daemon thread; returns self."""
        if self._thread is not None:
            return self
        httpd = self._bind()
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"replay-{self.port}", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Bind and serve in the calling thread until stop() is called from another thread."""
        httpd = self._bind()
        try:
            httpd.serve_forever(poll_interval=0.2)
        finally:
            self._close()

    def stop(self) -> None:
        httpd = self._httpd
        if httpd is None:
            return
        httpd.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._close()

    def _close(self) -> None:
        if self._httpd is not None:
            self._httpd.server_close()
            self._httpd = None
        if self._state.log is not None:
            self._state.log.close()
            self._state.log = None

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # properties ---------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._httpd is None:
            return self._requested_port
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def epoch(self) -> int:
        return self._state.epoch

    def set_epoch(self, epoch: int) -> None:
        """Switch the epoch served (takes effect for the next request) and reset fail_first."""
        self._state.set_epoch(int(epoch))


def serve(snapshot: Path | str, epoch: int = 1, host: str = "127.0.0.1", port: int = 8765,
          log: Path | str | None = None) -> None:
    """Serve a snapshot until SIGINT/SIGTERM; prints ``listening on http://HOST:PORT`` when ready."""
    server = ReplayServer(snapshot, epoch=epoch, host=host, port=port, log=log)
    stopping = threading.Event()

    def _on_signal(signum: int, frame: Any) -> None:
        stopping.set()

    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[sig] = signal.signal(sig, _on_signal)
        except ValueError:  # not in the main thread: rely on KeyboardInterrupt / stop()
            pass
    server.start()
    print(f"listening on {server.url}", flush=True)
    try:
        while not stopping.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def portal_process(snapshot: Path | str, *, epoch: int = 1, port: int = 0, log: Path | str | None = None,
                   env: dict[str, str] | None = None) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """The replay portal in its own process (`python -m countyreports.portal.server`, what `countyreports portal
    serve` runs): yields (its URL, the process) once it listens; stopped on exit (SIGTERM, then SIGKILL).
    For the demo and the benchmarks, where the portal must not share the harvest's interpreter."""
    cmd = [sys.executable, "-m", "countyreports.portal.server", "--snapshot", str(snapshot), "--epoch", str(epoch),
           "--port", str(port)]
    if log is not None:
        Path(log).unlink(missing_ok=True)
        cmd += ["--log", str(log)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, start_new_session=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("listening on "):
            raise SnapshotError(f"replay portal did not start: {line!r}")
        yield line.removeprefix("listening on "), proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m countyreports.portal.server",
                                     description="Serve a portal snapshot (HTTP server and proxy).")
    parser.add_argument("--snapshot", required=True, type=Path)
    parser.add_argument("--epoch", type=int, default=1)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--log", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        serve(args.snapshot, epoch=args.epoch, host=args.host, port=args.port, log=args.log)
    except SnapshotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
