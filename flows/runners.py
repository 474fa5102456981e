"""Where batches run: in this process, a local process pool, or a Dask cluster.

The choice is made per run, from measurement rather than guesswork:

* ``--dask-address ADDR`` / ``$AKHBAR_DASK_ADDRESS`` set: every batch goes to
  that existing Dask scheduler through prefect-dask's ``DaskTaskRunner``.
* otherwise the first batch runs in this process and is timed. The rest go to
  a process pool (one worker per core) only when the time the pool would save
  on the remaining batches exceeds what starting its workers costs
  (:data:`POOL_STARTUP_S`); else they run here too.

The pool, where the platform can fork (Linux), is forked from this process
after the first batch: its workers start with every lexicon, gazetteer and
the tagger's type table already built, and run the batch function itself.
Prefect's ``ProcessPoolTaskRunner`` spawns fresh interpreters instead, each
importing Prefect and akhbar and compiling the lexicons again (~5 s of a
core each, then cold caches): on 10k real articles the forked pool ran the
flow in 29.2 s against 38.2 s. Its batches are not Prefect task runs of their
own (the run log counts them); ``AKHBAR_RUNNER=pool`` keeps Prefect's
runner, with one task run per batch, where that record matters more.

Results come back in batch order, with at most :data:`IN_FLIGHT_PER_WORKER`
batches per worker outstanding, so a slow consumer cannot pile every
batch's tables up in memory.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.context
import os
import socket
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from functools import partial
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "DASK_ADDRESS_ENV",
    "FORK_STARTUP_S",
    "POOL_STARTUP_S",
    "RUNNER_ENV",
    "RunnerError",
    "check_reachable",
    "dask_address",
    "pool_pays_off",
    "run_batches",
    "worker_count",
]

DASK_ADDRESS_ENV = "AKHBAR_DASK_ADDRESS"
# Override the measured choice: "local" (always in process), "fork" (a forked
# pool whenever there are 2+ batches) or "pool" (Prefect's ProcessPoolTaskRunner,
# spawned workers, one task run per batch). For benchmarks and tests.
RUNNER_ENV = "AKHBAR_RUNNER"

# Wall time before a process pool pays back: each spawned worker imports
# prefect's task engine and akhbar (`python -c "import prefect.task_engine,
# flows.ingest"`: 2.7 s cold here) and loads the lexicons and
# gazetteers on its first article (~0.7 s). Measured on this 2-core machine
# (5k-article corpus, /tmp/pool.py in the reliability report): first pool
# result 4.65 s after submit for batches that take 1.9 s in process.
POOL_STARTUP_S = 3.5
# The same for a pool forked after the first batch: workers start warm, so only the
# fork and the first copy-on-write page faults remain. Measured: 4,000 real articles,
# batches 2-8 took 10.9 s forked against 18.3 s in process (1.68x on 2 workers), no
# visible start; 0.3 s is a margin, not a measurement of zero.
FORK_STARTUP_S = 0.3
# Share of ideal speed-up a pool reaches: the parent writes Parquet on the same
# cores. Measured: 2 workers gave 1.7x on steady-state batches.
POOL_EFFICIENCY = 0.85
# The pool must win by this factor over the measured serial estimate before
# we pay for it: the estimate comes from one batch and batches vary in size.
POOL_MARGIN = 1.25
# Batches submitted ahead per worker: 2 keeps every worker busy while the
# parent writes Parquet, and bounds memory to ~2 batches' results per worker.
IN_FLIGHT_PER_WORKER = 2

# How long to try a Dask scheduler's port before telling the user it is unreachable:
# a scheduler on a LAN answers in milliseconds; 5 s covers a slow VPN, and is far
# below the 30 s a Dask client waits before failing with a 69-line traceback.
DASK_CONNECT_TIMEOUT_S = 5.0
# Dask's scheduler port when an address names none.
DASK_DEFAULT_PORT = 8786
# Schemes whose address is a host and a TCP port we can try before starting.
TCP_SCHEMES = ("tcp", "tls", "ws", "wss")

Params = Callable[[Any], dict[str, Any]]


class RunnerError(RuntimeError):
    """Where batches were to run is not usable (an unreachable Dask scheduler)."""


def check_reachable(address: str, timeout: float = DASK_CONNECT_TIMEOUT_S) -> None:
    """One-line ``RunnerError`` unless a Dask scheduler answers at ``address``.

    A refused port or an unknown host fails at once; anything else that is not
    a scheduler (a proxy, another service) fails the Dask handshake within
    ``timeout``.
    """
    _check_port(address, timeout)
    import asyncio

    try:
        reply = asyncio.run(_identity(address, timeout))
    except Exception as e:  # Dask raises anything from OSError to MemoryError on garbage
        first = (str(e).strip().splitlines() or [""])[0]
        raise RunnerError(
            f"no Dask scheduler answers at {address}: {type(e).__name__}: {first}"
        ) from None
    if not isinstance(reply, dict) or reply.get("type") != "Scheduler":
        raise RunnerError(f"{address} answers, but not as a Dask scheduler")


async def _identity(address: str, timeout: float) -> object:
    """The scheduler's reply to Dask's "identity" request (what a Client asks first)."""
    import asyncio

    from distributed.comm import connect

    comm = await connect(address, timeout=timeout)
    try:
        await asyncio.wait_for(comm.write({"op": "identity", "reply": True}), timeout)
        return await asyncio.wait_for(comm.read(), timeout)
    finally:
        comm.abort()


def _check_port(address: str, timeout: float) -> None:
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme not in TCP_SCHEMES:
        return  # inproc://, ucx://: the Dask handshake will say
    try:
        host, port = parts.hostname, parts.port or DASK_DEFAULT_PORT
    except ValueError:
        raise RunnerError(f"not a Dask scheduler address: {address!r}") from None
    if not host:
        raise RunnerError(f"not a Dask scheduler address: {address!r}")
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as e:
        why = e.strerror or type(e).__name__
        raise RunnerError(f"cannot reach the Dask scheduler at {address}: {why}") from None


def dask_address(arg: str | None = None) -> str | None:
    """The Dask scheduler to use: the option, else ``$AKHBAR_DASK_ADDRESS``, else none."""
    return arg or os.environ.get(DASK_ADDRESS_ENV) or None


def worker_count() -> int:
    """Cores this process may use (respects CPU affinity / container limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def pool_pays_off(
    first_batch_s: float, remaining: int, workers: int, startup_s: float = POOL_STARTUP_S
) -> bool:
    """True when a pool of ``workers`` (starting in ``startup_s``) beats running
    ``remaining`` batches here."""
    forced = os.environ.get(RUNNER_ENV, "auto")
    if forced in ("local", "pool", "fork"):
        return forced != "local" and remaining >= 1
    if workers < 2 or remaining < 2:
        return False
    serial = first_batch_s * remaining
    pooled = serial / (min(workers, remaining) * POOL_EFFICIENCY) + startup_s
    return pooled * POOL_MARGIN < serial


def run_batches(
    task: Any,
    batches: list[Any],
    params: Params,
    *,
    address: str | None = None,
    on_choice: Callable[[str], None] | None = None,
    plain: Callable[..., Any] | None = None,
) -> Iterator[Any]:
    """Run ``task(**params(batch))`` for every batch; yield results in batch order.
    ``plain``: a module-level function doing the task's work, for a forked pool."""
    if not batches:
        return
    note = on_choice or (lambda _: None)
    if address:
        from prefect_dask import DaskTaskRunner

        note(f"dask cluster at {address}")
        with _share_api(address), DaskTaskRunner(address=address) as runner:
            submit = partial(_submit_task, runner, task)
            yield from _windowed(submit, batches, params, width=len(batches))
        return
    start = time.perf_counter()
    first = task(**params(batches[0]))
    elapsed = time.perf_counter() - start
    yield first
    rest = batches[1:]
    workers = worker_count()
    fork = _fork_context() if plain is not None else None
    startup = POOL_STARTUP_S if fork is None else FORK_STARTUP_S
    if pool_pays_off(elapsed, len(rest), workers, startup):
        if fork is not None:
            note(f"forked pool of {workers} (first batch took {elapsed:.2f} s)")
            # Objects built so far (lexicons, the tagger's tables) move to a generation the
            # collector never scans, so workers' collections do not copy their pages.
            gc.freeze()
            try:
                with ProcessPoolExecutor(max_workers=workers, mp_context=fork) as pool:
                    submit = partial(_submit_plain, pool, plain)
                    yield from _windowed(submit, rest, params, IN_FLIGHT_PER_WORKER * workers)
            finally:
                gc.unfreeze()
            return
        from prefect.task_runners import ProcessPoolTaskRunner

        note(f"process pool of {workers} (first batch took {elapsed:.2f} s)")
        with _share_api(), ProcessPoolTaskRunner(max_workers=workers) as runner:
            submit = partial(_submit_task, runner, task)
            yield from _windowed(submit, rest, params, IN_FLIGHT_PER_WORKER * workers)
        return
    note(f"in process (first batch took {elapsed:.2f} s)")
    for b in rest:
        yield task(**params(b))


def _share_api(dask_address: str | None = None) -> AbstractContextManager:
    """Point workers on this machine at this process's Prefect API.

    In ephemeral mode (no PREFECT_API_URL) every spawned worker would start
    its own temporary server: first result after 7.5 s instead of 1.7 s for
    trivial tasks on a 2-worker pool here. Workers inherit the settings
    captured at the first submit, so pinning the URL makes them use ours.
    Workers on other machines cannot reach a loopback server: a remote Dask
    cluster needs PREFECT_API_URL set to a server they can reach.
    """
    from prefect.context import FlowRunContext
    from prefect.settings import PREFECT_API_URL, temporary_settings

    ctx = FlowRunContext.get()
    if PREFECT_API_URL.value() or ctx is None:
        return nullcontext()
    if dask_address and not _is_loopback(dask_address):
        return nullcontext()
    return temporary_settings(updates={PREFECT_API_URL: str(ctx.client.api_url)})


def _is_loopback(address: str) -> bool:
    host = urlsplit(address if "://" in address else f"tcp://{address}").hostname or ""
    return host == "localhost" or host.startswith("127.") or host == "::1"


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """Fork, unless the platform cannot or ``AKHBAR_RUNNER=pool`` asks for Prefect's."""
    if os.environ.get(RUNNER_ENV) == "pool":
        return None
    try:
        return multiprocessing.get_context("fork")
    except ValueError:  # Windows
        return None


def _submit_task(runner: Any, task: Any, parameters: dict) -> Any:
    return runner.submit(task, parameters=parameters)


def _submit_plain(pool: Executor, fn: Callable, parameters: dict) -> Any:
    return pool.submit(fn, **parameters)


def _windowed(submit: Callable[[dict], Any], batches: list[Any], params: Params, width: int):
    """Results in batch order, with at most ``width`` batches submitted ahead.
    ``submit(parameters)`` returns a future (Prefect's or concurrent.futures')."""
    pending: deque = deque()
    todo = iter(batches)
    for b in todo:
        pending.append(submit(params(b)))
        if len(pending) >= width:
            break
    while pending:
        result = pending.popleft().result()
        nxt = next(todo, None)
        if nxt is not None:
            pending.append(submit(params(nxt)))
        yield result
