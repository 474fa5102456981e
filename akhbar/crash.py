"""Test hook: make the process SIGKILL itself at a named point of a run.

Set ``AKHBAR_CRASH_AT`` to one of :data:`CRASH_POINTS` and the run dies there
the way a power cut or the OOM killer would end it (no ``finally`` blocks, no
flushing). Unset, :func:`crash_point` is a dictionary look-up and nothing
else. Only the crash-safety tests (``tests/test_crash*.py``) set it.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

__all__ = ["CRASH_ENV", "CRASH_POINTS", "crash_point"]

CRASH_ENV = "AKHBAR_CRASH_AT"
CRASH_POINTS = frozenset(
    {"decode", "parquet_write", "between_tables", "before_manifest", "after_manifest"}
)


def crash_point(name: str, torn_file: Path | None = None) -> None:
    """SIGKILL this process if ``$AKHBAR_CRASH_AT`` names this point.

    ``torn_file`` (a file being written) is first cut to half its size, so a
    crash "in the middle of a write" leaves what a real one would.
    """
    if os.environ.get(CRASH_ENV) != name:
        return
    if torn_file is not None and torn_file.exists():
        with open(torn_file, "r+b") as fh:
            fh.truncate(torn_file.stat().st_size // 2)
    os.kill(os.getpid(), signal.SIGKILL)
