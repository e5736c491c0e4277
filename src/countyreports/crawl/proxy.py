"""Is the proxy there? Asked before a run's first request: one TCP connection to the proxy, nothing sent.

A dead proxy otherwise looks like a dead portal: every request fails with a connect error, after retries,
and every county is recorded as failed. ``proxy_problem(url)`` is the reason a proxy URL cannot be used — not
an http(s) URL, a host that does not resolve, a port where nothing listens or that does not answer within
`timeout_s` — or None when it accepts connections. ``check_proxy(url)`` raises `ProxyUnreachable` with it.
"""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

from countyreports.errors import ProxyUnreachable

TIMEOUT_S = 3.0


def proxy_problem(url: str, timeout_s: float = TIMEOUT_S) -> str | None:
    """Why the proxy at `url` cannot be used, or None when it accepts a TCP connection."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError as exc:
        return f"--proxy {url}: not a proxy URL ({exc}); expected http://host:port"
    if parts.scheme.lower() not in ("http", "https") or not host:
        return f"--proxy {url}: not a proxy URL; expected http://host:port"
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return None
    except socket.gaierror as exc:
        why = f"its host {host} does not resolve ({exc.strerror or exc})"
    except ConnectionRefusedError:
        why = f"nothing listens on {host}:{port} (connection refused)"
    except TimeoutError:
        why = f"{host}:{port} did not answer within {timeout_s:g} s"
    except OSError as exc:
        why = f"cannot connect to {host}:{port} ({exc.strerror or exc})"
    return (f"--proxy {url}: {why}; every request would fail and look like a dead portal: start the proxy, "
            f"or run without --proxy (and COUNTYREPORTS_PROXY)")


def check_proxy(url: str | None, timeout_s: float = TIMEOUT_S) -> None:
    """Raise ProxyUnreachable when a proxy is given and accepts no connection."""
    if url:
        problem = proxy_problem(url, timeout_s)
        if problem:
            raise ProxyUnreachable(problem)
