"""Ctrl-C during a run: one line, exit code 130 within seconds, no process left behind.

Left to Python and Prefect, SIGINT became a KeyboardInterrupt that Prefect
treats as a crash of the flow run: it then tries to report the crash to its
API server, which the same Ctrl-C has just stopped (a terminal sends SIGINT to
the whole process group), and retries for 15-60 s ("Crash detected!", "Error
logging to API", a defunct child); pool workers print KeyboardInterrupt
tracebacks of their own.

A run needs none of that to stay correct: it is built to survive SIGKILL at
any point (nothing is live until the manifest is replaced; the next run
deletes the leftovers, tests/test_crash.py). So while a run goes on:

* SIGINT is blocked in the main thread, so every process the run starts
  (Prefect's ephemeral server, pool workers) inherits the block and a
  terminal's Ctrl-C reaches none of them;
* a watcher thread, started before the block, receives it through
  ``signal.set_wakeup_fd`` even while the main thread waits in C code;
* it prints one line, silences the terminal for whatever else is still
  writing, stops the children (SIGTERM, then SIGKILL) and leaves with
  ``os._exit(130)``, as a crash would, minus the noise. The kernel releases
  the warehouse lock.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psutil  # imported here: the watcher must import nothing while the main thread may

__all__ = ["CHILD_GRACE_S", "EXIT_INTERRUPTED", "end_children", "stop_on_interrupt"]

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
# Seconds child processes get to exit after SIGTERM before SIGKILL. Prefect's ephemeral
# server (uvicorn) and pool workers exit in well under a second on SIGTERM here; 2 s keeps
# the whole stop (≈0.1 s of our own) inside the 5 s the CLI promises.
CHILD_GRACE_S = 2.0


def end_children(grace: float = CHILD_GRACE_S) -> None:
    """SIGTERM every descendant of this process, then SIGKILL those still there."""
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


def _silence_terminal() -> None:
    """Point stdout and stderr at /dev/null: threads still running must not add lines."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)


class _Stopper:
    def __init__(self, message: str, before_exit: Callable[[], None] | None) -> None:
        self.message, self.before_exit = message, before_exit
        self.once = threading.Lock()

    def stop(self) -> None:
        """Print the line, end the children, exit 130; only the first SIGINT does it."""
        if not self.once.acquire(blocking=False):
            return
        with contextlib.suppress(OSError):
            os.write(2, (self.message + "\n").encode())
        _silence_terminal()
        if self.before_exit is not None:
            with contextlib.suppress(Exception):
                self.before_exit()
        end_children()
        os._exit(EXIT_INTERRUPTED)

    def watch(self, fd: int) -> None:
        """Wait for SIGINT on the wakeup pipe; return when the pipe is closed."""
        while True:
            try:
                data = os.read(fd, 64)
            except OSError:
                return
            if not data:
                return
            if signal.SIGINT in data:
                self.stop()


@contextmanager
def stop_on_interrupt(
    message: str, before_exit: Callable[[], None] | None = None
) -> Iterator[None]:
    """While inside, SIGINT prints ``message``, ends the children and exits 130.

    ``before_exit`` runs first (it must be quick: a log line). Everything is
    as before on leaving, so a process that goes on (the test suite) keeps its
    own Ctrl-C.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (and receives SIGINT)
        return
    stopper = _Stopper(message, before_exit)
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    watcher = threading.Thread(
        target=stopper.watch, args=(read_fd,), name="akhbar-interrupt", daemon=True
    )
    watcher.start()  # before the block below: this thread keeps SIGINT deliverable
    # A Python handler must be set for the wakeup fd to hear SIGINT; the watcher acts on it.
    # The handler itself does nothing: run in the main thread it could stop the run while
    # that thread holds a lock (an import's) the stop needs.
    handler = signal.signal(signal.SIGINT, lambda signum, frame: None)
    wakeup = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        signal.set_wakeup_fd(wakeup)
        signal.signal(signal.SIGINT, handler)
        os.close(write_fd)
        watcher.join()
        os.close(read_fd)
