"""Ctrl-C during a run (issue 18, problem 4): within 5 s, one line, exit code 130, no
process left behind, and the next run recovers as after a crash.

The run is a real ``uv run akhbar run`` process in its own process group.
SIGINT goes to the whole group, as a terminal's Ctrl-C does (Prefect's
ephemeral server and pool workers get it too: that is what used to hang), or
to uv alone, which passes it on. It is sent while Prefect starts, and at named
points of the run where the test hook ``AKHBAR_PAUSE_AT`` (akhbar/crash.py)
holds it. The next run is in-process and must leave what one clean run leaves.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest
from test_crash import assert_no_leftovers, snapshot

from akhbar.cli import INTERRUPTED
from akhbar.interrupt import EXIT_INTERRUPTED

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
# The promise: the process is gone this long after Ctrl-C.
STOP_WITHIN_S = 5.0
# Waiting for the run to reach a point: Prefect's cold start is 6-20 s here.
REACH_TIMEOUT_S = 120
# After "starting Prefect" shows, Ctrl-C lands while the ephemeral server starts.
STARTUP_DELAY_S = 2.0


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def _alive(procs: list[psutil.Process]) -> list[psutil.Process]:
    out = []
    for p in procs:
        with contextlib.suppress(psutil.Error):
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
    return out


def _wait_for(path: Path, needle: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + REACH_TIMEOUT_S
    while time.monotonic() < deadline:
        if needle in path.read_text(errors="replace"):
            return
        assert proc.poll() is None, path.read_text(errors="replace")[-2000:]
        time.sleep(0.1)
    raise AssertionError(f"the run never showed {needle!r}")


@pytest.mark.parametrize(
    ("point", "to"),
    [
        ("prefect-startup", "terminal"),
        ("decode", "terminal"),
        ("between_tables", "terminal"),
        ("before_manifest", "terminal"),
        ("after_manifest", "terminal"),
        ("prefect-startup", "uv"),
        ("between_tables", "uv"),
    ],
)
def test_ctrl_c_stops_in_seconds_and_the_next_run_recovers(
    point, to, cli, seeds_copy, warehouse, seeded_warehouse, tmp_path
):
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    env = {**os.environ, "COLUMNS": "120"}
    needle = "starting Prefect"
    if point != "prefect-startup":
        env["AKHBAR_PAUSE_AT"], needle = point, f"paused at {point}"
    err_path = tmp_path / "stderr"
    args = ["run", "--no-sync", "akhbar", "run", str(seeds_copy), "--warehouse", str(warehouse)]
    with open(err_path, "w") as err, open(tmp_path / "stdout", "w") as out:
        proc = subprocess.Popen(
            [uv, *args], cwd=ROOT, env=env, stdout=out, stderr=err, start_new_session=True
        )
    try:
        _wait_for(err_path, needle, proc)
        if point == "prefect-startup":
            time.sleep(STARTUP_DELAY_S)
        before = err_path.read_text()
        family = _descendants(proc.pid)
        sent = time.monotonic()
        if to == "terminal":
            os.killpg(proc.pid, signal.SIGINT)  # the whole foreground group, as Ctrl-C
        else:
            proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
        took = time.monotonic() - sent
        time.sleep(0.5)  # let init reap what the run ended
        left = _alive(family)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    said = err_path.read_text()[len(before) :].strip().splitlines()
    assert code == EXIT_INTERRUPTED, said
    assert took < STOP_WITHIN_S, took
    assert said == [INTERRUPTED]
    assert left == [], [p.cmdline() for p in left]
    code, _, err = cli("run", str(seeds_copy), "--warehouse", str(warehouse))
    assert code == 0, err
    assert snapshot(warehouse) == snapshot(seeded_warehouse)
    assert_no_leftovers(warehouse)
