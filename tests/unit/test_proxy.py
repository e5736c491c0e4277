"""Is the proxy there? (crawl/proxy.py): one TCP connection, against real sockets."""

from __future__ import annotations

import socket

import pytest

from countyreports.crawl.proxy import check_proxy, proxy_problem
from countyreports.errors import InputError, ProxyUnreachable


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again: nothing listens there


def test_a_listening_proxy_passes() -> None:
    with socket.create_server(("127.0.0.1", 0)) as srv:
        assert proxy_problem(f"http://127.0.0.1:{srv.getsockname()[1]}") is None


def test_a_port_nothing_listens_on_is_named() -> None:
    port = _closed_port()
    line = proxy_problem(f"http://127.0.0.1:{port}")
    assert line is not None and f"127.0.0.1:{port}" in line and "connection refused" in line
    with pytest.raises(ProxyUnreachable):
        check_proxy(f"http://127.0.0.1:{port}")
    assert issubclass(ProxyUnreachable, InputError)


def test_not_a_proxy_url() -> None:
    for bad in ("127.0.0.1:8765", "ftp://127.0.0.1:21", "http://"):
        line = proxy_problem(bad)
        assert line is not None and "not a proxy URL" in line, bad


def test_no_proxy_no_check() -> None:
    check_proxy(None)
    check_proxy("")
