"""Shared fixtures: the bundled snapshot, replay portals (one per epoch, shared by the session), Prefect."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

PORTAL = Path(__file__).resolve().parent / "fixtures" / "portal"


@pytest.fixture(scope="session")
def portal_dir() -> Path:
    return PORTAL


def _replay(epoch: int, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from countyreports.portal.server import ReplayServer

    log = tmp_path_factory.mktemp(f"replay{epoch}") / "requests.jsonl"
    with ReplayServer(PORTAL, epoch=epoch, log=log) as server:
        server.log_path = log  # type: ignore[attr-defined]
        yield server


@pytest.fixture(scope="session")
def replay_epoch1(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A replay portal on epoch 1, shared by the session (do not change its epoch)."""
    yield from _replay(1, tmp_path_factory)


@pytest.fixture(scope="session")
def replay_epoch2(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A replay portal on epoch 2, shared by the session (do not change its epoch)."""
    yield from _replay(2, tmp_path_factory)


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One temporary Prefect backend for the session (PREFECT_HOME in a temp dir; ~9 s once)."""
    home = tmp_path_factory.mktemp("prefect_home")
    os.environ["PREFECT_HOME"] = str(home)
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}), prefect_test_harness():
        yield
