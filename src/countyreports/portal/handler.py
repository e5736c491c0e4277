"""How the replay portal answers one request: routing (forward proxy or Host header), the replay rules of the
snapshot (epochs, `fail_first`, `delay_ms`), conditional requests (304) and the request log. The server
around it is countyreports.portal.server (the rules are in its docstring)."""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from countyreports.portal.snapshot import Entry, Snapshot, http_date_ts

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


class RequestLog:
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


class PortalState:
    """What the handlers share: snapshot, current epoch, fail_first counters, log."""

    def __init__(self, snapshot: Snapshot, epoch: int, log: RequestLog | None) -> None:
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


class ReplayHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
    allow_reuse_address = True
    state: PortalState

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


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "countyreports-replay/0.1"
    sys_version = ""
    disable_nagle_algorithm = True
    timeout = 60  # idle keep-alive connections are closed after this many seconds
    server: ReplayHTTPServer

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


