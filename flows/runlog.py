"""What a run says, and where: Prefect's run log, ``<warehouse>/logs/akhbar.log``, the CLI.

Prefect's own loggers stay at WARNING (its INFO lines would halve task
throughput and flood the terminal), which left ``akhbar.log`` empty after a
good run. So each run writes its own lines to the warehouse's log file: when
it started and on which sources, what it skipped, every quarantined file with
its reason, what it re-extracted, and its summary. Lines the user must see
while the run goes on (a wait for the lock) also reach the CLI's callback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LOG_FILE", "RUN_LOGGER", "RunLog", "run_log", "set_notice"]

LOG_FILE = Path("logs") / "akhbar.log"  # under the warehouse
RUN_LOGGER = "akhbar.run"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_notice: Callable[[str], None] | None = None


def set_notice(callback: Callable[[str], None] | None) -> None:
    """Install where a run's notices go while it runs (the CLI prints them on stderr)."""
    global _notice
    _notice = callback


@dataclass
class RunLog:
    file: logging.Logger
    prefect: logging.Logger | logging.LoggerAdapter | None = None

    def info(self, msg: str, *args: object) -> None:
        self.file.info(msg, *args)
        if self.prefect is not None:
            self.prefect.info(msg, *args)

    def warning(self, msg: str, *args: object) -> None:
        self.file.warning(msg, *args)
        if self.prefect is not None:
            self.prefect.warning(msg, *args)

    def notice(self, msg: str) -> None:
        """A line the user should see now: logged, and shown once by the CLI if there is one
        (Prefect's console handler would print a WARNING a second time)."""
        if _notice is None:
            self.warning("%s", msg)
            return
        self.file.warning("%s", msg)
        if self.prefect is not None:
            self.prefect.info("%s", msg)
        _notice(msg)


@contextmanager
def run_log(root: Path) -> Iterator[RunLog]:
    """The run's logger, writing to ``root/logs/akhbar.log`` for the length of the run."""
    path = root / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger = logging.getLogger(RUN_LOGGER)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # the CLI's handler on "akhbar" writes the same file
    logger.addHandler(handler)
    try:
        yield RunLog(logger)
    finally:
        logger.removeHandler(handler)
        handler.close()
