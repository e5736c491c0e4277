"""Harvested warehouses shared by the warehouse/export/report tests (issue 5): a handful of counties through
the replay portal, epoch 1, and the same warehouse harvested again at epoch 2 (new reports, corrections, a
withdrawal). Built once per session; tests open them read-only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from countyreports import pipeline
from countyreports.settings import Settings

# the seed report's county, one county per CMS family, a GBK site, the host that is dead in epoch 1 (磁县),
# the county whose 2019 report is deleted in epoch 2 (大埔县), two counties with a corrected report
WAREHOUSE_COUNTIES = ["141029", "411628", "141024", "140830", "130427", "441422", "513423", "433123"]


def _harvest(db: Path, proxy: str, registry: Path) -> None:
    settings = Settings(db=str(db), registry=str(registry), proxy=proxy, min_delay_s=0.0, workers=4)
    pipeline.harvest(settings, adcodes=WAREHOUSE_COUNTIES)


@pytest.fixture(scope="session")
def warehouse_e1(replay_epoch1, tmp_path_factory: pytest.TempPathFactory, portal_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("wh_e1") / "e1.duckdb"
    _harvest(db, replay_epoch1.url, portal_dir / "counties.csv")
    return db


@pytest.fixture(scope="session")
def warehouse_e2(warehouse_e1: Path, replay_epoch2, tmp_path_factory: pytest.TempPathFactory,
                 portal_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("wh_e2") / "e2.duckdb"
    shutil.copy(warehouse_e1, db)
    raw = warehouse_e1.parent / "raw"
    if raw.is_dir():
        shutil.copytree(raw, db.parent / "raw")
    _harvest(db, replay_epoch2.url, portal_dir / "counties.csv")
    return db


@pytest.fixture(scope="session")
def warehouse_counties() -> list[str]:
    """The adcodes harvested into warehouse_e1 / warehouse_e2."""
    return list(WAREHOUSE_COUNTIES)
