"""Ctrl-C during a run: one line, exit code 130 within seconds, no process left behind.

Left to Python and Prefect, SIGINT became a KeyboardInterrupt that Prefect
treats as a crash of the flow run: it then tries to report the crash to its
API server, which the same Ctrl-C has just stopped, and retries for 15-60 s
("Crash detected!", "Error logging to API", a defunct child).

A run needs none of that to stay correct: it is built to survive SIGKILL at
any point (nothing is live until the manifest is replaced; the next run
deletes the leftovers, tests/test_crash.py). So on the first SIGINT the CLI
prints one line, stops its child processes (Prefect's ephemeral server, pool
workers) and leaves at once with ``os._exit``, as a crash would, minus the
noise. The kernel releases the warehouse lock.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["CHILD_GRACE_S", "EXIT_INTERRUPTED", "end_children", "stop_on_interrupt"]

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
# Seconds child processes get to exit after SIGTERM before SIGKILL. Prefect's ephemeral
# server (uvicorn) and pool workers exit in well under a second on SIGTERM here; 2 s keeps
# the whole stop (≈0.1 s of our own) inside the 5 s the CLI promises.
CHILD_GRACE_S = 2.0


def end_children(grace: float = CHILD_GRACE_S) -> None:
    """SIGTERM every descendant of this process, then SIGKILL those still there."""
    import psutil

    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.terminate()
    _gone, alive = psutil.wait_procs(children, timeout=grace)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()
    psutil.wait_procs(alive, timeout=grace)


@contextmanager
def stop_on_interrupt(
    message: str, before_exit: Callable[[], None] | None = None
) -> Iterator[None]:
    """While inside, SIGINT prints ``message``, ends the children and exits 130.

    ``before_exit`` runs first (it must be quick: a log line). The previous
    handler is back on leaving, so a process that goes on (the test suite)
    keeps its own Ctrl-C.
    """

    def stop(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this short
        with contextlib.suppress(OSError):
            os.write(2, (message + "\n").encode())
        if before_exit is not None:
            with contextlib.suppress(Exception):
                before_exit()
        end_children()
        os._exit(EXIT_INTERRUPTED)

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (and receives SIGINT)
        return
    previous = signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
