"""A one-off `countyreports harvest` without a Prefect API (issue 20, point 5): the command starts Prefect's
temporary server itself, early (flows/server.py), runs the flow against it and stops it. A real process with
an empty PREFECT_HOME, through the replay portal; its INFO log shows whose server it was: Prefect logs
"Starting temporary server" when it starts its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from test_flows import gold_ids, report_ids

BIN = Path(sys.executable).parent
PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"

pytestmark = pytest.mark.e2e


def test_one_off_harvest_runs_on_the_early_temporary_server(replay_epoch1: Any, tmp_path: Path) -> None:
    home = tmp_path / "prefect_home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "COUNTYREPORTS_"))}
    env.update(PREFECT_HOME=str(home), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="INFO", COLUMNS="120")
    db = tmp_path / "wh.duckdb"
    proc = subprocess.Popen([str(BIN / "countyreports"), "harvest", "--registry", str(PORTAL / "counties.csv"),
                             "--db", str(db), "--counties", "141029", "--proxy", replay_epoch1.url, "--min-delay", "0"],
                            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    assert report_ids(db) == gold_ids(adcodes=["141029"])
    assert "Finished in state Completed" in err  # the INFO log is shown ...
    assert "Starting temporary server" not in err  # ... and Prefect did not start a server of its own
    assert (home / "prefect.db").exists()  # the temporary server's database, in this PREFECT_HOME
    with pytest.raises(ProcessLookupError):  # nothing of the command's session is left: the server was stopped
        os.killpg(proc.pid, 0)
