"""Test hooks: make the process SIGKILL itself, or wait, at a named point of a run.

Set ``AKHBAR_CRASH_AT`` to one of :data:`CRASH_POINTS` and the run dies there
the way a power cut or the OOM killer would end it (no ``finally`` blocks, no
flushing). Set ``AKHBAR_PAUSE_AT`` instead and the run says ``paused at
POINT`` on stderr and waits there, so a test can send it Ctrl-C at exactly
that point (``tests/test_interrupt.py``). Unset, :func:`crash_point` is two
dictionary look-ups and nothing else. Only the tests set them.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

__all__ = ["CRASH_ENV", "CRASH_POINTS", "PAUSE_ENV", "crash_point"]

CRASH_ENV = "AKHBAR_CRASH_AT"
PAUSE_ENV = "AKHBAR_PAUSE_AT"
# How long a paused run waits for the test's signal before going on: a test that
# never sends it costs two minutes, not a hung suite.
MAX_PAUSE_S = 120
CRASH_POINTS = frozenset(
    {"decode", "parquet_write", "between_tables", "before_manifest", "after_manifest"}
)


def crash_point(name: str, torn_file: Path | None = None) -> None:
    """SIGKILL this process if ``$AKHBAR_CRASH_AT`` names this point.

    ``torn_file`` (a file being written) is first cut to half its size, so a
    crash "in the middle of a write" leaves what a real one would.
    """
    if os.environ.get(PAUSE_ENV) == name:
        os.write(2, f"paused at {name}\n".encode())
        time.sleep(MAX_PAUSE_S)
    if os.environ.get(CRASH_ENV) != name:
        return
    if torn_file is not None and torn_file.exists():
        with open(torn_file, "r+b") as fh:
            fh.truncate(torn_file.stat().st_size // 2)
    os.kill(os.getpid(), signal.SIGKILL)
