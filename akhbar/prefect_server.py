"""Prefect's temporary API server, started when a run starts rather than at its first call.

Left to Prefect, the ephemeral server (uvicorn + SQLite under ``PREFECT_HOME``)
starts when the flow makes its first API call: ~4 s on this 2-core machine,
during which the run waits, and only then does the first batch compile the
lexicons (~2 s). Started first, the server boots on one core while this
process imports the pipeline and compiles the lexicons on the other; the flow
then finds it ready. It is the same server Prefect would start (same app, same
settings, services off as in ephemeral mode), stopped when the process exits.

With ``PREFECT_API_URL`` set (a server the user runs), nothing is started.
The flow is pointed at the server through Prefect's settings context, which
pool workers inherit (``flows.runners``).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

__all__ = ["EarlyServer", "ServerError"]

# How often to ask the starting server for its health: uvicorn answers within a
# few ms once up, so polling finer than this gains nothing on a 4 s start.
HEALTH_POLL_S = 0.05
# Default wait for a healthy server; PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS
# (akhbar.prefect_env sets 90 s: a cold 2-core machine) wins when set.
DEFAULT_TIMEOUT_S = 90.0
# Seconds the server gets to stop on SIGTERM before SIGKILL (it takes ~0.2 s here).
STOP_GRACE_S = 5.0


class ServerError(RuntimeError):
    """Prefect's temporary server did not come up."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _prefect_dir() -> str:
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        raise ServerError("prefect is not installed")
    return str(Path(next(iter(spec.submodule_search_locations))).parent)


class EarlyServer:
    """One temporary server for this process; ``start`` then ``wait`` before the flow."""

    def __init__(self, log_file: Path | None = None) -> None:
        self.log_file = log_file
        self.proc: subprocess.Popen | None = None
        self.url: str | None = None

    def start(self) -> bool:
        """Start the server; False when Prefect is pointed elsewhere (``PREFECT_API_URL``)."""
        if os.environ.get("PREFECT_API_URL"):
            return False
        port = _free_port()
        env = {
            **os.environ,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_EPHEMERAL": "1",  # services off, as in Prefect's ephemeral mode
            "PREFECT__SERVER_FINAL": "1",
        }
        out = open(self.log_file, "ab") if self.log_file else subprocess.DEVNULL  # noqa: SIM115
        cmd = [sys.executable, "-m", "uvicorn", "--app-dir", _prefect_dir(), "--factory"]
        cmd += ["prefect.server.api.server:create_app", "--host", "127.0.0.1"]
        cmd += ["--port", str(port), "--log-level", "error", "--lifespan", "on"]
        try:
            self.proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=out)
        finally:
            if out is not subprocess.DEVNULL:
                out.close()
        self.url = f"http://127.0.0.1:{port}/api"
        atexit.register(self.stop)  # at exit, as Prefect stops its own
        return True

    def settings(self) -> contextlib.AbstractContextManager:
        """Prefect's settings pointing at this server, for the flow call (not the process
        environment: tests run the CLI in process and must not leak the URL to children)."""
        if self.url is None:
            return contextlib.nullcontext()
        from prefect.settings import PREFECT_API_URL, temporary_settings

        return temporary_settings(updates={PREFECT_API_URL: self.url})

    def ready(self) -> bool:
        """True once the server answers its health check (one quick try)."""
        if self.proc is None or self.url is None:
            return True
        if self.proc.poll() is not None:
            raise ServerError(
                f"Prefect's temporary server exited with code {self.proc.returncode} "
                "before it was ready (its output is in the run log)"
            )
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=1) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def wait(self) -> None:
        """Block until the server is healthy; a one-line ``ServerError`` after the timeout."""
        timeout = float(
            os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_S)
        )
        deadline = time.monotonic() + timeout
        while not self.ready():
            if time.monotonic() > deadline:
                raise ServerError(f"Prefect's temporary server did not start in {timeout:.0f} s")
            time.sleep(HEALTH_POLL_S)

    def stop(self) -> None:
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        proc.terminate()
        try:
            proc.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=STOP_GRACE_S)
