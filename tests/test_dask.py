"""Distributed: ``akhbar run --dask-address`` sends the batches to a Dask cluster.

A LocalCluster on loopback with two worker processes stands in for a real
cluster; the batches are made small so that several tasks run on it.
"""

from __future__ import annotations

import pytest
from test_crash import assert_no_leftovers, snapshot

pytestmark = pytest.mark.slow

# 5 seed articles in batches of 2: three tasks for the cluster.
SMALL_BATCH = 2


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as c,
        Client(c) as client,
    ):
        yield c, client


def _executed(client) -> int:  # type: ignore[no-untyped-def]
    counts = client.run(lambda dask_worker: dask_worker.state.executed_count)
    return sum(counts.values())


def test_run_on_a_dask_local_cluster(
    cli, cluster, seeds_copy, warehouse, seeded_warehouse, monkeypatch
):
    c, client = cluster
    monkeypatch.setattr("flows.ingest.BATCH_SIZE", SMALL_BATCH)
    before = _executed(client)
    code, _, err = cli(
        "run", str(seeds_copy), "--warehouse", str(warehouse), "--dask-address", c.scheduler_address
    )
    assert code == 0, err
    assert _executed(client) - before >= 3  # every batch ran on the cluster
    assert snapshot(warehouse) == snapshot(seeded_warehouse)
    assert_no_leftovers(warehouse)


def test_dask_address_from_the_environment(cli, cluster, seeds_copy, warehouse, monkeypatch):
    c, client = cluster
    monkeypatch.setattr("flows.ingest.BATCH_SIZE", SMALL_BATCH)
    monkeypatch.setenv("AKHBAR_DASK_ADDRESS", c.scheduler_address)
    before = _executed(client)
    code, _, err = cli("run", str(seeds_copy), "--warehouse", str(warehouse))
    assert code == 0, err
    assert _executed(client) - before >= 3


def test_pool_only_when_it_pays_back(monkeypatch):
    from flows.runners import FORK_STARTUP_S, RUNNER_ENV, pool_pays_off

    monkeypatch.delenv(RUNNER_ENV, raising=False)
    assert pool_pays_off(first_batch_s=2.0, remaining=19, workers=2)  # 10k articles
    assert not pool_pays_off(first_batch_s=0.3, remaining=19, workers=2)  # cheap batches
    assert not pool_pays_off(first_batch_s=5.0, remaining=1, workers=2)  # one batch left
    assert not pool_pays_off(first_batch_s=5.0, remaining=19, workers=1)  # one core
    # 4,000 articles: spawned workers do not pay back their start, forked ones do
    assert not pool_pays_off(first_batch_s=2.0, remaining=7, workers=2)
    assert pool_pays_off(first_batch_s=2.0, remaining=7, workers=2, startup_s=FORK_STARTUP_S)
    monkeypatch.setenv(RUNNER_ENV, "pool")
    assert pool_pays_off(first_batch_s=0.01, remaining=1, workers=1)
    monkeypatch.setenv(RUNNER_ENV, "local")
    assert not pool_pays_off(first_batch_s=9.0, remaining=99, workers=8)
