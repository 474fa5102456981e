"""One writer per warehouse: an OS file lock on ``WAREHOUSE/.lock``.

The kernel releases it when the holder dies however it dies (SIGKILL, a
power cut), so a crashed run never leaves a stale lock. A run and
``akhbar sources remove --purge`` take it; readers (``query``, ``status``)
never need it: the database is replaced by a rename.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

__all__ = ["LOCK_TIMEOUT_ENV", "LOCK_TIMEOUT_S", "LockedError", "lock_timeout", "warehouse_lock"]

# How long a second writer waits for the lock before giving up: a 50k-article first
# run takes ~1-2 min here, so 10 min covers a run in progress without hanging a
# scheduler forever. $AKHBAR_LOCK_TIMEOUT overrides (0 = fail at once).
LOCK_TIMEOUT_S = 600
LOCK_TIMEOUT_ENV = "AKHBAR_LOCK_TIMEOUT"


class LockedError(RuntimeError):
    """Another akhbar process kept the warehouse for longer than we wait."""


def lock_timeout() -> float:
    raw = os.environ.get(LOCK_TIMEOUT_ENV)
    return float(raw) if raw else LOCK_TIMEOUT_S


@contextmanager
def warehouse_lock(
    root: Path, on_wait: Callable[[str], None] | None = None, timeout: float | None = None
) -> Iterator[None]:
    """Hold the warehouse's lock; ``on_wait`` hears one line if another process has it."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / ".lock"
    lock = FileLock(str(path))
    wait = lock_timeout() if timeout is None else timeout
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if on_wait is not None:
            on_wait(
                f"waiting for another akhbar process using {root} to finish "
                f"(up to {wait:g} s; {LOCK_TIMEOUT_ENV} changes it)"
            )
        try:
            lock.acquire(timeout=wait)
        except Timeout as e:
            raise LockedError(
                f"another akhbar run is using {root} (waited {wait:g} s for {path})"
            ) from e
    try:
        yield
    finally:
        lock.release()
