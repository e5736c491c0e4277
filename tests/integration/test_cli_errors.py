"""The first ten minutes (issue 20): bad input is answered before anything starts — before Prefect, before the
first request — with one `error:` line per problem and exit 2, no traceback unless --debug.

Each command runs as a real `countyreports` process with an empty PREFECT_HOME: that it stays empty shows
Prefect never started (a temporary server creates its database there). Time to the first line is measured by
bench/startup_bench.py, not here.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from countyreports.cli import app

BIN = Path(sys.executable).parent
PORTAL = Path(__file__).resolve().parents[1] / "fixtures" / "portal"
REGISTRY = str(PORTAL / "counties.csv")


def run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "prefect_home"
    home.mkdir(exist_ok=True)
    full = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "COUNTYREPORTS_"))}
    full.update(PREFECT_HOME=str(home), COLUMNS="200", DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
                **env)
    done = subprocess.run([str(BIN / "countyreports"), *args], env=full, cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    done.prefect_started = any(home.iterdir())  # type: ignore[attr-defined]
    return done


def errors(done: subprocess.CompletedProcess[str]) -> list[str]:
    lines = done.stderr.strip().splitlines()
    assert all(line.startswith("error: ") for line in lines), done.stderr
    assert "Traceback" not in done.stderr and not done.prefect_started  # type: ignore[attr-defined]
    return [line.removeprefix("error: ") for line in lines]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_missing_registry_says_what_registry_validate_says(tmp_path: Path) -> None:
    done = run(tmp_path, "harvest", "--registry", "missing.csv")
    assert done.returncode == 2
    (line,) = errors(done)
    validate = run(tmp_path, "registry", "validate", "missing.csv")
    assert validate.returncode == 2 and validate.stderr.strip() == f"error: {line}"
    assert "missing.csv" in line


def test_a_county_not_in_the_registry_is_named(tmp_path: Path) -> None:
    done = run(tmp_path, "harvest", "--registry", REGISTRY, "--counties", "999999", "--db", "wh.duckdb")
    assert done.returncode == 2
    (line,) = errors(done)
    assert "999999" in line and "not in the registry" in line
    assert not (tmp_path / "wh.duckdb").exists()


def test_a_dead_proxy_stops_the_run_before_its_first_request(tmp_path: Path) -> None:
    port = closed_port()
    done = run(tmp_path, "harvest", "--registry", REGISTRY, "--counties", "141029", "--proxy",
               f"http://127.0.0.1:{port}", "--db", "wh.duckdb")
    assert done.returncode == 2
    (line,) = errors(done)
    assert f"127.0.0.1:{port}" in line and "connection refused" in line and "dead portal" in line
    env_proxy = run(tmp_path, "harvest", "--registry", REGISTRY, "--db", "wh.duckdb",
                    COUNTYREPORTS_PROXY=f"http://127.0.0.1:{port}")  # the setting is checked too
    assert env_proxy.returncode == 2 and f"127.0.0.1:{port}" in errors(env_proxy)[0]


def test_every_problem_gets_its_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    done = run(tmp_path, "backfill", "--years", "2019-20x", "--registry", REGISTRY, "--province", "山西",
               "--counties", "14102", "--db", str(blocker / "wh.duckdb"), "--proxy", f"http://127.0.0.1:{closed_port()}")
    assert done.returncode == 2
    lines = errors(done)
    assert len(lines) == 5, lines
    assert [k for k in ("--counties '14102'", "--province '山西'", "--years '2019-20x'", "is a file, not a folder",
                        "--proxy") if not any(k in line for line in lines)] == []
    assert any("山西省" in line for line in lines)  # the nearest province of the registry


def test_a_warehouse_held_by_another_process_is_named(tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('ok', flush=True); sys.stdin.read()", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        done = run(tmp_path, "harvest", "--registry", REGISTRY, "--db", str(db))
    finally:
        holder.communicate("")
    assert done.returncode == 2
    (line,) = errors(done)
    assert f"in use by process {holder.pid}" in line


def test_no_registry_and_a_missing_warehouse(tmp_path: Path) -> None:
    done = run(tmp_path, "harvest")
    assert done.returncode == 2 and "no county registry given" in errors(done)[0]
    done = run(tmp_path, "status", "--db", "none.duckdb")
    assert done.returncode == 2 and "no warehouse at none.duckdb" in errors(done)[0]


def test_tracebacks_only_with_debug(tmp_path: Path) -> None:
    # an error of ours (the snapshot is missing) and an unexpected one (the registry's folder is a file)
    (tmp_path / "afile").write_text("x")
    (tmp_path / "homepages.csv").write_text("adcode,homepage\n141029,http://www.xiangning.gov.cn/\n")
    cases = {("portal", "serve", "--snapshot", str(tmp_path / "none"), "--port", "0"): "no manifest.jsonl",
             ("registry", "import", "homepages.csv", "--out", "afile/registry.csv"): "FileExistsError"}
    for args, what in cases.items():
        done = run(tmp_path, *args)
        assert done.returncode == 1, done.stderr
        (line,) = errors(done)
        assert what in line
        for debug in (run(tmp_path, *args, "--debug"), run(tmp_path, *args, COUNTYREPORTS_DEBUG="1")):
            assert debug.returncode == 1 and "Traceback" in debug.stderr and what in debug.stderr


def _commands(group: object, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    out = []
    for name, cmd in getattr(group, "commands", {}).items():
        if hasattr(cmd, "commands"):  # a group (portal, registry)
            out += _commands(cmd, (*path, name))
        else:
            out.append(((*path, name), cmd))
    return out


def test_every_command_takes_debug() -> None:
    """Generic: a command added to a group gets --debug (and the pre-checks) from cli.guard."""
    import typer

    commands = _commands(typer.main.get_command(app))
    assert {("harvest",), ("status",), ("portal", "serve"), ("registry", "validate")} <= {p for p, _c in commands}
    missing = [" ".join(p) for p, cmd in commands if "--debug" not in
               [o for param in cmd.params for o in param.opts]]  # type: ignore[attr-defined]
    assert missing == []


@pytest.mark.parametrize("args", [("harvest", "--registry", REGISTRY, "--counties", "999999"),
                                  ("backfill", "--years", "2019", "--registry", REGISTRY, "--province", "上海")])
def test_flow_commands_check_before_prefect_even_in_process(args: tuple[str, ...], tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from countyreports.cli import runs

    calls: list[str] = []
    monkeypatch.setattr(runs, "_run_flow", lambda ep, *_a, **_k: calls.append(ep))
    result = CliRunner().invoke(app, [*args, "--db", str(tmp_path / "wh.duckdb")])
    assert result.exit_code == 2 and not calls


def test_schedule_checks_its_alert_targets(tmp_path: Path) -> None:
    done = run(tmp_path, "schedule", "--registry", REGISTRY, "--db", "wh.duckdb", "--notify", "you@example.org")
    assert done.returncode == 2
    (line,) = errors(done)
    assert "you@example.org" in line and "--notify-block" in line
