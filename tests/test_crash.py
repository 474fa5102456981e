"""Crash safety: SIGKILL a run at named points; the next run equals one clean run.

The crashing run is a real ``akhbar run`` subprocess with the test hook
``AKHBAR_CRASH_AT`` (akhbar/crash.py); the repair run is in-process (the
Prefect API is already up in this pytest process), then every view is
compared with a clean run over the same seeds.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tasks.load.parts import Store, batch_of

pytestmark = pytest.mark.slow

# Columns that legitimately differ between two runs over the same input.
RUN_COLUMNS = {"run_id", "flow_run_id", "started_at", "finished_at", "seen_at", "ingested_at"}
# Per-run views: one row per file per run / per run, compared through the
# content they point at instead (see ``file_facts``).
PER_RUN_VIEWS = {"files", "runs", "file_status"}
SUBPROCESS_TIMEOUT_S = 180


def run_subprocess(args: list[str], env: dict[str, str], log_dir: Path) -> Completed:
    """``python -m akhbar.cli ...`` in its own session; its process group is killed after.

    A SIGKILLed CLI cannot stop Prefect's ephemeral API server (a child that
    also holds the CLI's stdout/stderr), so output goes to files, we wait for
    the CLI itself, and then end whatever it left behind by process-group id.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_dir / "stdout", log_dir / "stderr"
    with open(out_path, "w") as out, open(err_path, "w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "akhbar.cli", *args],
            env={**os.environ, **env},
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        try:
            code = proc.wait(timeout=SUBPROCESS_TIMEOUT_S)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
    return Completed(code, out_path.read_text(), err_path.read_text())


@dataclass
class Completed:
    returncode: int
    stdout: str
    stderr: str


def snapshot(wh: Path) -> dict[str, list]:
    """Every content view as sorted rows without run ids and timestamps."""
    con = duckdb.connect(str(wh / "akhbar.duckdb"), read_only=True)
    try:
        views = [
            r[0]
            for r in con.execute(
                "select view_name from duckdb_views() where not internal order by 1"
            ).fetchall()
        ]
        out: dict[str, list] = {}
        for v in views:
            if v in PER_RUN_VIEWS:
                continue
            cols = [r[0] for r in con.execute(f'describe "{v}"').fetchall()]
            keep = ", ".join(f'"{c}"' for c in cols if c not in RUN_COLUMNS)
            rows = con.execute(f'select {keep} from "{v}"').fetchall()
            out[v] = sorted(rows, key=repr)
        out["file_facts"] = file_facts(con)
        return out
    finally:
        con.close()


def file_facts(con: duckdb.DuckDBPyConnection) -> list:
    """What the files ledger says about each file, ignoring later no-op runs."""
    return con.execute(
        "select distinct source, path, sha256, status, reason, article_id from files "
        "where status <> 'unchanged' order by all"
    ).fetchall()


def assert_no_leftovers(wh: Path) -> None:
    """Only committed parts on disk; no temporary files anywhere in the warehouse."""
    store = Store(wh)
    live = {p for t in store.manifest.parts for p in store.live_parts(t)}
    on_disk = set((wh / "data").rglob("*.parquet"))
    assert on_disk == live
    assert not [p for p in wh.rglob("*") if p.name.endswith(".tmp")]


@pytest.fixture(scope="module")
def clean_snapshot(seeded_warehouse: Path) -> dict[str, list]:
    return snapshot(seeded_warehouse)


@pytest.mark.parametrize(
    "point", ["decode", "parquet_write", "between_tables", "before_manifest", "after_manifest"]
)
def test_kill_and_rerun_equals_clean_run(point, cli, seeds_copy, warehouse, clean_snapshot):
    crashed = run_subprocess(
        ["run", str(seeds_copy), "--warehouse", str(warehouse)],
        {"AKHBAR_CRASH_AT": point},
        warehouse.parent / "crashed-run",
    )
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr[-2000:]
    code, _, err = cli("run", str(seeds_copy), "--warehouse", str(warehouse))
    assert code == 0, err
    assert snapshot(warehouse) == clean_snapshot
    assert_no_leftovers(warehouse)


def test_corrupt_part_is_repaired(cli, seeds_copy, warehouse, clean_snapshot):
    assert cli("run", str(seeds_copy), "--warehouse", str(warehouse))[0] == 0
    part = Store(warehouse).live_parts("documents")[0]
    torn_batch = batch_of(part.as_posix())
    in_batch = sum(r["batch"] == torn_batch for r in Store(warehouse).index().values())
    assert in_batch >= 1
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])  # torn by a disk fault
    code, out, err = cli("run", str(seeds_copy), "--warehouse", str(warehouse))
    assert code == 0, err
    assert "repaired: " in out  # the user is told
    last = Store(warehouse).live_parts("runs")
    runs = pq.read_table(last).to_pylist()
    # exactly the articles whose rows were in the torn batch are read again
    assert max(runs, key=lambda r: r["started_at"])["new"] == in_batch
    assert snapshot(warehouse) == clean_snapshot
    assert_no_leftovers(warehouse)
