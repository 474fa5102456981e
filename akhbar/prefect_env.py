"""Prefect settings for a quiet, fast, offline default. Import before prefect.

Prefect reads its settings from the environment at import time, so the CLI
calls :func:`configure` first. Anything the user set explicitly wins.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from akhbar.config import PROJECT_ROOT

ERROR_LOGGER = "akhbar.errors"

DEFAULTS = {
    # One project-local home: migrations of a new home cost ~10 s, so every
    # run and test from this checkout shares it.
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    # Offline machines: no telemetry, no update checks.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    # Prefect's own INFO lines belong in the log file, not the user's terminal.
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    # Measured (PREFECT-NOTES): bigger recorder batches keep a local server up with bursts.
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "200",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_BATCH_SIZE": "200",
    # The ephemeral server needs a moment on a cold 2-core machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}


def enable_bytecode_cache() -> None:
    """Let Python cache compiled modules again for akhbar's process tree.

    This machine and CI export PYTHONDONTWRITEBYTECODE=1, so every run (and
    Prefect's ephemeral-server subprocess) re-parsed all of prefect: a trivial
    flow took 11.1 s instead of 6.6 s. uv's ``compile-bytecode`` setting would
    fix it but recompiles the whole venv on every ``uv run`` (astral-sh/uv#12202).
    Python's default lazy caching has neither cost.
    """
    sys.dont_write_bytecode = False
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def configure(log_file: Path | None = None) -> None:
    enable_bytecode_cache()
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.setLevel(logging.INFO)
        for name in ("prefect", "akhbar", "uvicorn"):
            logging.getLogger(name).addHandler(handler)
        # Tracebacks of failed runs go to the file only; the terminal gets one line.
        errors = logging.getLogger(ERROR_LOGGER)
        errors.addHandler(handler)
        errors.propagate = False
