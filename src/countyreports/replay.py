"""Replay portal: an HTTP server (and forward proxy) answering from a recorded snapshot.

A snapshot is a folder holding ``manifest.jsonl`` (one recorded response per line) and
``bodies/`` (content-addressed response bodies); see ``tests/fixtures/portal/README.md``.

Public API
----------
``Snapshot`` and ``Entry``: the recorded snapshot (`countyreports.snapshot`, re-exported here).

``ReplayServer(snapshot_dir, epoch=1, host="127.0.0.1", port=0, log=None)``
    ``snapshot_dir`` may also be an already loaded :class:`Snapshot`. ``.start()`` serves from a
    background thread (port 0 picks a free port), ``.url`` (``http://127.0.0.1:PORT``), ``.port``,
    ``.epoch``, ``.log_path``, ``.set_epoch(n)`` (also resets the ``fail_first`` counters), ``.stop()``,
    ``.serve_forever()`` (blocking, for a CLI), context manager (``with ReplayServer(...) as s:``).

``portal_process(snapshot, epoch=1, port=0, log=None, env=None)``
    Context manager: the portal in its own process; yields ``(url, process)`` once it listens.

``serve(snapshot, epoch=1, host="127.0.0.1", port=8765, log=None)``
    Prints ``listening on http://HOST:PORT`` once ready and serves until SIGINT/SIGTERM.
    Also ``python -m countyreports.replay --snapshot DIR [--epoch N] [--host H] [--port P] [--log F]``.

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
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from countyreports.errors import SnapshotError
from countyreports.snapshot import Entry, Snapshot, http_date_ts

__all__ = ["Entry", "Snapshot", "ReplayServer", "portal_process", "serve", "main"]

_NOT_FOUND_BODY = b"404 Not Found\n"
_QUIET_ERRORS = (ConnectionError, BrokenPipeError, TimeoutError, socket.timeout)


# --------------------------------------------------------------------------- conditionals


def _etag_matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored; "*" matches."""
    target = etag.strip()
    if target.startswith("W/"):
        target = target[2:]
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*":
            return True
        if candidate.startswith("W/"):
            candidate = candidate[2:]
        if candidate and candidate == target:
            return True
    return False


def _not_modified(entry: Entry, if_none_match: str | None, if_modified_since: str | None) -> bool:
    if entry.status != 200:
        return False
    if if_none_match:  # when present, If-Modified-Since is ignored (RFC 9110 13.2.2)
        return entry.etag is not None and _etag_matches(if_none_match, entry.etag)
    if if_modified_since and entry.last_modified is not None:
        since = http_date_ts(if_modified_since)
        return since is not None and entry.last_modified <= since
    return False


# --------------------------------------------------------------------------- server state


class _RequestLog:
    def __init__(self, path: Path | str) -> None:
        self._fh = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self._lock = threading.Lock()

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock:
            if not self._fh.closed:
                self._fh.write(line)
                self._fh.flush()

    def close(self) -> None:
        with self._lock:
            self._fh.close()


class _State:
    """What the handlers share: snapshot, current epoch, fail_first counters, log."""

    def __init__(self, snapshot: Snapshot, epoch: int, log: _RequestLog | None) -> None:
        self.snapshot = snapshot
        self.epoch = epoch
        self.log = log
        self.lock = threading.Lock()
        self.hits: dict[tuple[int, str], int] = {}

    def set_epoch(self, epoch: int) -> None:
        with self.lock:
            self.epoch = epoch
            self.hits.clear()

    def resolve(self, url: str) -> tuple[Entry | None, bool]:
        """(entry for the current epoch, True when this request must fail with 503)."""
        with self.lock:
            epoch = self.epoch
            entry = self.snapshot.lookup(epoch, url)
            if entry is None or entry.fail_first <= 0:
                return entry, False
            key = (epoch, url)
            count = self.hits.get(key, 0) + 1
            self.hits[key] = count
        return entry, count <= entry.fail_first


class _ReplayHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
    allow_reuse_address = True
    state: _State

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, _QUIET_ERRORS):
            return  # client went away: not worth a traceback
        super().handle_error(request, client_address)


def _split_target(target: str, host_header: str | None) -> tuple[str, str] | None:
    """(host, url) for a request target, or None when the host is unknown."""
    low = target[:8].lower()
    if low.startswith("http://") or low.startswith("https://"):
        scheme, rest = target.split("://", 1)
        scheme = scheme.lower()
        cut = len(rest)
        for sep in "/?#":
            pos = rest.find(sep)
            if pos != -1 and pos < cut:
                cut = pos
        netloc, path = rest[:cut], rest[cut:]
        if "@" in netloc:
            netloc = netloc.rsplit("@", 1)[1]
        host = netloc.lower()
        default = ":80" if scheme == "http" else ":443"
        if host.endswith(default):
            host = host[: -len(default)]
    else:
        if not host_header:
            return None
        scheme = "http"
        host = host_header.strip().lower()
        if host.startswith("["):  # [v6]:port
            host = host[: host.find("]") + 1] if "]" in host else host
        elif ":" in host:
            host = host.rsplit(":", 1)[0]
        path = target
    path = path.split("#", 1)[0]
    if not path.startswith("/"):
        path = "/" + path
    if not host:
        return None
    return host, f"{scheme}://{host}{path}"


def _encode_header(value: str) -> bytes:
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "countyreports-replay/0.1"
    sys_version = ""
    disable_nagle_algorithm = True
    timeout = 60  # idle keep-alive connections are closed after this many seconds
    server: _ReplayHTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # quiet: the JSON log (--log) records requests

    def handle(self) -> None:
        try:
            super().handle()
        except _QUIET_ERRORS:
            self.close_connection = True

    def do_GET(self) -> None:
        self._answer(head_only=False)

    def do_HEAD(self) -> None:
        self._answer(head_only=True)

    def _drain_request_body(self) -> None:
        length = self.headers.get("Content-Length")
        if length:
            try:
                remaining = int(length)
            except ValueError:
                self.close_connection = True
                return
            if remaining > 1024 * 1024:
                self.close_connection = True
                return
            while remaining > 0:
                chunk = self.rfile.read(min(remaining, 65536))
                if not chunk:
                    break
                remaining -= len(chunk)
        elif "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True

    def _answer(self, head_only: bool) -> None:
        ts = time.time()
        state = self.server.state
        self._drain_request_body()
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        routed = _split_target(self.path, self.headers.get("Host"))
        host, url = routed if routed else ("", self.path)
        self._log_record: dict[str, Any] | None = None
        if state.log is not None:
            self._log_record = {"ts": ts, "ts_end": None, "host": host, "method": self.command,
                                "url": url, "status": 400, "if_none_match": inm,
                                "if_modified_since": ims, "bytes": 0}
        try:
            if routed is None:
                self._send(400, (("Content-Type", "text/plain"),), b"400 Bad Request\n", head_only)
                return
            entry, fail = state.resolve(url)
            if entry is None:
                self._send(404, (("Content-Type", "text/plain"),), _NOT_FOUND_BODY, head_only)
                return
            if entry.delay_ms:
                time.sleep(entry.delay_ms / 1000.0)
            if fail:
                self._send(503, (), b"", head_only)
                return
            if _not_modified(entry, inm, ims):
                keep = tuple((k, v) for k, v in entry.headers
                             if k.lower() in ("etag", "last-modified", "cache-control", "expires"))
                self._send(304, keep, None, head_only)
                return
            self._send(entry.status, entry.headers, state.snapshot.body(entry), head_only)
        finally:
            self._write_log()  # not yet written when the response failed half-way

    def _write_log(self) -> None:
        record = self._log_record
        log = self.server.state.log
        if record is None or log is None:
            return
        self._log_record = None
        if record["ts_end"] is None:
            record["ts_end"] = time.time()
        log.write(record)

    def _send(self, status: int, headers: tuple[tuple[str, str], ...], body: bytes | None,
              head_only: bool) -> None:
        """Write a whole response.

        The log line is written just before the last piece goes out, so that a client that has
        received the response finds its line in the log (``ts_end`` is that moment).
        """
        reason = self.responses.get(status, ("",))[0]
        parts = [f"HTTP/1.1 {status} {reason}\r\n".encode("latin-1"),
                 b"Date: ", self.date_time_string().encode("latin-1"), b"\r\n",
                 b"Server: ", self.server_version.encode("latin-1"), b"\r\n"]
        for key, value in headers:
            if key.lower() in ("content-length", "transfer-encoding", "connection"):
                continue
            parts += [_encode_header(key), b": ", _encode_header(value), b"\r\n"]
        if body is not None:
            parts.append(b"Content-Length: %d\r\n" % len(body))
        if self.close_connection:
            parts.append(b"Connection: close\r\n")
        parts.append(b"\r\n")
        head = b"".join(parts)
        record = self._log_record
        if record is not None:
            record["status"] = status
        if head_only or not body:
            pieces = [head]
        elif len(body) <= 65536:
            pieces = [head + body]
        else:  # no copy of a big body: send it through a memoryview, last 64 KiB apart
            view = memoryview(body)
            pieces = [head, view[:-65536], view[-65536:]]
        sent = 0 if head_only or not body else len(body)
        for piece in pieces[:-1]:
            self.wfile.write(piece)
        if record is not None:
            record["bytes"] = sent
            record["ts_end"] = time.time()
            self._write_log()
        self.wfile.write(pieces[-1])


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
        self._state = _State(self.snapshot, epoch, None)
        self._httpd: _ReplayHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle --------------------------------------------------------------
    def _bind(self) -> _ReplayHTTPServer:
        if self._httpd is None:
            httpd = _ReplayHTTPServer((self.host, self._requested_port), _Handler)
            if self.log_path is not None:
                self._state.log = _RequestLog(self.log_path)
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
    """The replay portal in its own process (`python -m countyreports.replay`, what `countyreports portal
    serve` runs): yields (its URL, the process) once it listens; stopped on exit (SIGTERM, then SIGKILL).
    For the demo and the benchmarks, where the portal must not share the harvest's interpreter."""
    cmd = [sys.executable, "-m", "countyreports.replay", "--snapshot", str(snapshot), "--epoch", str(epoch),
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
    parser = argparse.ArgumentParser(prog="python -m countyreports.replay",
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
