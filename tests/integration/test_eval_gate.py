"""The CI gate of the reading quality: harvest the whole bundled snapshot (epoch 1, then epoch 2 into the
same warehouse) through the replay portal and run `countyreports eval` with the pinned floors
(tests/eval_floors.json, the targets of the reading issue). Fails when any floor is missed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from countyreports import pipeline
from countyreports.settings import Settings
from formats_fixture import shared_derived

FLOORS = Path(__file__).resolve().parents[1] / "eval_floors.json"


@pytest.fixture(scope="module")
def epoch1_db(tmp_path_factory: pytest.TempPathFactory, replay_epoch1, portal_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("gate") / "gate.duckdb"
    counters = _harvest(db, replay_epoch1.url, portal_dir)
    assert counters["counties_total"] == 41
    return db


def _harvest(db: Path, proxy: str, portal_dir: Path) -> dict[str, int]:
    settings = Settings(db=str(db), registry=str(portal_dir / "counties.csv"), proxy=proxy,
                        min_delay_s=0.0, workers=16, derived_dir=shared_derived())
    return pipeline.harvest(settings)[1]


def _eval(db: Path, portal_dir: Path, epoch: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "countyreports.cli", "eval", "--snapshot", str(portal_dir), "--db", str(db),
         "--epoch", str(epoch), "--floors", str(FLOORS)],
        capture_output=True, text=True, timeout=300)


def test_epoch1_meets_floors(epoch1_db: Path, portal_dir: Path) -> None:
    res = _eval(epoch1_db, portal_dir, 1)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]


def test_epoch2_meets_floors(epoch1_db: Path, replay_epoch2, portal_dir: Path) -> None:
    counters = _harvest(epoch1_db, replay_epoch2.url, portal_dir)
    corrected = json.loads((portal_dir / "gold" / "epochs.json").read_text(encoding="utf-8"))["corrected"]
    assert counters["new_versions"] == len(corrected)
    res = _eval(epoch1_db, portal_dir, 2)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
