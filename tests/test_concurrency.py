"""Two runs on one warehouse: the second waits for the lock (or says why it gave up)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from filelock import FileLock
from test_crash import SUBPROCESS_TIMEOUT_S, assert_no_leftovers, snapshot

pytestmark = pytest.mark.slow

# How long the test holds the lock before letting the two runs go: both CLIs
# start Prefect meanwhile (~7-10 s each on 2 shared cores) and queue on it.
HOLD_S = 12


def _start(args: list[str], log: Path) -> tuple[subprocess.Popen, object]:
    fh = open(log, "w")  # noqa: SIM115 - closed by the caller after the process ends
    proc = subprocess.Popen(
        [sys.executable, "-m", "akhbar.cli", *args],
        stdout=fh,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # so the test can end the run's ephemeral server too
    )
    return proc, fh


def test_two_concurrent_runs_equal_one_clean_run(seeds_copy, warehouse, seeded_warehouse):
    warehouse.mkdir(parents=True)
    lock = FileLock(str(warehouse / ".lock"))
    lock.acquire()
    procs = []
    try:
        for i in range(2):
            args = ["run", str(seeds_copy), "--warehouse", str(warehouse)]
            procs.append(_start(args, warehouse.parent / f"run{i}.log"))
        time.sleep(HOLD_S)
        assert all(p.poll() is None for p, _ in procs)  # nobody got past the lock
    finally:
        lock.release()
    codes = []
    for proc, fh in procs:
        try:
            codes.append(proc.wait(timeout=SUBPROCESS_TIMEOUT_S))
        finally:
            fh.close()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # the run's ephemeral server, if left
    logs = [(warehouse.parent / f"run{i}.log").read_text() for i in range(2)]
    assert codes == [0, 0], logs
    assert snapshot(warehouse) == snapshot(seeded_warehouse)
    assert_no_leftovers(warehouse)
    con = duckdb.connect(str(warehouse / "akhbar.duckdb"), read_only=True)
    n, distinct = con.execute(
        "select count(*), count(distinct article_id) from articles"
    ).fetchone()
    assert n == distinct == 5
    statuses = con.execute(
        "select list(status order by status) from files group by run_id order by 1"
    ).fetchall()
    assert statuses == [(["new"] * 5,), (["unchanged"] * 5,)]  # one ingested, one no-op


def test_run_gives_up_on_a_held_lock_with_one_clear_line(cli, seeds_copy, warehouse):
    warehouse.mkdir(parents=True)
    lock = FileLock(str(warehouse / ".lock"))
    with lock:
        code, _, err = cli(
            "run", str(seeds_copy), "--warehouse", str(warehouse), env={"AKHBAR_LOCK_TIMEOUT": "1"}
        )
    assert code == 1
    assert "another akhbar run" in err and "Traceback" not in err
    # the "starting Prefect" note, the one line saying it waits (issue 18), and the error
    assert len(err.strip().splitlines()) <= 3
    assert not (warehouse / "data").exists()  # nothing was written


def test_a_run_that_waits_for_the_lock_says_so_once(cli, seeds_copy, warehouse):
    """Issue 18 (6): the wait is one line, not minutes of silence."""
    warehouse.mkdir(parents=True)
    with FileLock(str(warehouse / ".lock")):
        code, _, err = cli(
            "run", str(seeds_copy), "--warehouse", str(warehouse), env={"AKHBAR_LOCK_TIMEOUT": "2"}
        )
    assert code == 1
    lines = err.strip().splitlines()
    waits = [line for line in lines if "waiting for another akhbar process" in line]
    assert len(waits) == 1 and "AKHBAR_LOCK_TIMEOUT" in waits[0]
    assert lines[0].startswith("starting Prefect")  # the start-up has its line too
