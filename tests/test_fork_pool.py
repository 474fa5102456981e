"""The forked pool (issue 17): same warehouse as in process, workers start warm."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from test_crash import snapshot

from flows import runners

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _pid_batch(batch: list[int]) -> tuple[int, list[int]]:
    return os.getpid(), [x * 2 for x in batch]


def test_forked_batches_run_in_other_processes_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(runners.RUNNER_ENV, "fork")
    batches = [[1, 2], [3], [4, 5], [6], [7]]
    out = list(
        runners.run_batches(
            lambda batch: _pid_batch(batch), batches, lambda b: {"batch": b}, plain=_pid_batch
        )
    )
    assert [r for _pid, r in out] == [[2, 4], [6], [8, 10], [12], [14]]
    assert out[0][0] == os.getpid()  # the first batch is timed here
    assert all(pid != os.getpid() for pid, _r in out[1:])


def test_forked_pool_builds_the_warehouse_a_serial_run_builds(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeded_warehouse: Path
) -> None:
    import flows.ingest

    src = tmp_path / "seeds"
    shutil.copytree(SEEDS, src)
    monkeypatch.setattr(flows.ingest, "BATCH_SIZE", 2)  # 5 seeds -> 3 batches
    monkeypatch.setenv(runners.RUNNER_ENV, "fork")
    wh = tmp_path / "wh"
    code, _out, err = cli("run", str(src), "--warehouse", str(wh))
    assert code == 0, err
    log = (wh / "logs" / "akhbar.log").read_text(encoding="utf-8")
    assert "forked pool of" in log
    assert snapshot(wh) == snapshot(seeded_warehouse)
