"""The temporary Prefect server of a one-off run (`countyreports harvest` / `backfill` without PREFECT_API_URL),
started early so that its start-up overlaps the command's own imports.

Without a Prefect API, Prefect starts a temporary server itself at the flow's first API call: the command
first imports Prefect, the flows and the pipeline (DuckDB, Arrow), then Prefect's server module in the same
process (FastAPI, SQLAlchemy, ...; only to reach the class that starts the server), and only then launches
the server process, which imports all that again and opens its database: one after the other. `start()`
launches the same server process (the command Prefect's `SubprocessASGIServer` runs: uvicorn with
``prefect.server.api.server:create_app``, ``PREFECT__SERVER_EPHEMERAL=1``, no UI) before anything heavy is
imported, without importing Prefect; `use(server)` then points this process's Prefect at it
(``temporary_settings``) and waits for it to answer. The server's start-up then runs on the second core while
the command imports, and the client never imports the server module. A server that does not come up in time
is stopped, and Prefect starts its own as before.

A running `prefect server start` (PREFECT_API_URL exported) avoids all of it; see README, troubleshooting.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

STARTUP_TIMEOUT_S = 90.0  # as `runs._quiet_prefect` gives Prefect's own temporary server (busy 2-core machines)


@dataclass
class TemporaryServer:
    url: str  # the API URL, http://127.0.0.1:PORT/api
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(quiet: bool = True) -> TemporaryServer | None:
    """Launch the temporary server process (no wait), unless a Prefect API is set in the environment."""
    if os.environ.get("PREFECT_API_URL"):
        return None
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        return None
    port = _free_port()
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
    cmd = [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(next(iter(spec.submodule_search_locations))).parent),
           "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
           "--log-level", "error", "--lifespan", "on"]
    out = subprocess.DEVNULL if quiet else None
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
    return TemporaryServer(f"http://127.0.0.1:{port}/api", proc)


def _healthy(server: TemporaryServer, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and server.process.poll() is None:
        try:
            with urllib.request.urlopen(f"{server.url}/health", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


@contextmanager
def use(server: TemporaryServer | None, timeout_s: float = STARTUP_TIMEOUT_S) -> Iterator[None]:
    """Run the block against `server` (stopped at the end); with None, or a Prefect API set in the settings (a
    profile), or a server that did not come up: against whatever Prefect chooses itself."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if server is None:
        yield
        return
    try:
        if PREFECT_API_URL.value() or not _healthy(server, timeout_s):
            server.stop()
            yield
            return
        with temporary_settings({PREFECT_API_URL: server.url}):
            yield
    finally:
        server.stop()
