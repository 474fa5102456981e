"""``akhbar serve``: the daily deployment on one machine, with nothing else to start.

Prefect fires schedules only from a long-lived server (its ephemeral mode
runs no scheduler), so this starts ``prefect server start`` as a child
process on 127.0.0.1, waits until it is healthy, points this process at it,
registers the deployment from ``prefect.yaml`` (same name, cron, time zone,
parameters) and serves it until Ctrl-C, when the server is shut down too.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from akhbar.config import PROJECT_ROOT

__all__ = ["ScheduleConfig", "ServeError", "local_server", "next_runs", "read_schedule"]

PREFECT_YAML = PROJECT_ROOT / "prefect.yaml"
DEPLOYMENT_NAME = "akhbar-daily"
# Used when prefect.yaml is not there (an installed wheel): the same values it holds.
DEFAULT_CRON = "0 6 * * *"
DEFAULT_TIMEZONE = "UTC"
HOST = "127.0.0.1"
# A local server is healthy in 6-15 s here (PREFECT-NOTES) and ~20 s on a first
# start that runs the database migrations; 120 s covers a loaded 2-core machine.
HEALTH_TIMEOUT_S = 120
HEALTH_POLL_S = 0.5
# Grace period for the server to exit on SIGTERM before it is killed.
STOP_TIMEOUT_S = 15
# Upcoming run times printed with the schedule.
SHOW_NEXT = 3


class ServeError(RuntimeError):
    """The server could not be started or the schedule is invalid: one line for the user."""


@dataclass
class ScheduleConfig:
    name: str = DEPLOYMENT_NAME
    cron: str = DEFAULT_CRON
    timezone: str = DEFAULT_TIMEZONE
    parameters: dict = field(default_factory=dict)


def read_schedule(path: Path = PREFECT_YAML, name: str = DEPLOYMENT_NAME) -> ScheduleConfig:
    """The deployment's schedule and parameters as ``prefect.yaml`` declares them."""
    if not path.exists():
        return ScheduleConfig()
    import yaml

    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for dep in doc.get("deployments") or []:
        if dep.get("name") != name:
            continue
        sched = (dep.get("schedules") or [{}])[0]
        return ScheduleConfig(
            name=name,
            cron=sched.get("cron", DEFAULT_CRON),
            timezone=sched.get("timezone", DEFAULT_TIMEZONE),
            parameters=dict(dep.get("parameters") or {}),
        )
    raise ServeError(f"{path} has no deployment named {name!r}")


def next_runs(cron: str, timezone: str, n: int = SHOW_NEXT) -> list[datetime]:
    """The next ``n`` fire times (aware, in ``timezone``); ServeError on a bad cron or zone."""
    from cronsim import CronSim, CronSimError

    try:
        tz = ZoneInfo(timezone)
    except Exception:
        raise ServeError(f"unknown time zone {timezone!r}") from None
    try:
        it = CronSim(cron, datetime.now(UTC).astimezone(tz))
    except CronSimError as e:
        raise ServeError(f"bad cron expression {cron!r}: {e}") from None
    return [next(it) for _ in range(n)]


def scheduler_problem() -> str | None:
    """Why scheduled runs would not be created, if we know; None when all is well.

    Measured here: with SQLAlchemy 2.1 the server's scheduler service fails on
    every loop ("Can't evaluate bulk DML statement") and no run is ever
    scheduled; with 2.0.58 a `* * * * *` schedule fired every minute.
    """
    import sqlalchemy

    major, minor = (int(x) for x in sqlalchemy.__version__.split(".")[:2])
    if (major, minor) >= (2, 1):
        return (
            f"SQLAlchemy {sqlalchemy.__version__} breaks prefect 3.8.8's scheduler: "
            "no scheduled run will be created (pin sqlalchemy<2.1)"
        )
    return None


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def stop_on_sigterm() -> None:
    """Treat SIGTERM like Ctrl-C, so the ``finally`` that stops the server runs."""
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _raise_interrupt)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    import httpx

    try:
        return httpx.get(f"{url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)  # the server's own group: uvicorn workers too
    try:
        proc.wait(STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@contextlib.contextmanager
def local_server(log_file: Path) -> Iterator[str]:
    """Start ``prefect server start`` on a free local port; yields its API URL."""
    port = free_port()
    url = f"http://{HOST}:{port}/api"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", HOST, "--port", str(port)]
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with open(log_file, "ab") as log:
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while not _healthy(url):
            if proc.poll() is not None:
                raise ServeError(f"prefect server exited with code {proc.returncode}: {log_file}")
            if time.monotonic() > deadline:
                raise ServeError(f"prefect server not healthy in {HEALTH_TIMEOUT_S} s: {log_file}")
            time.sleep(HEALTH_POLL_S)
        yield url
    finally:
        _stop(proc)


def deployment(cfg: ScheduleConfig, parameters: dict):  # type: ignore[no-untyped-def]
    """The RunnerDeployment for the ingest flow with ``cfg``'s schedule."""
    from prefect.schedules import Cron

    from flows.ingest import ingest

    return ingest.to_deployment(
        name=cfg.name,
        schedules=[Cron(cfg.cron, timezone=cfg.timezone)],
        parameters=parameters,
        description="akhbar: ingest every registered source (akhbar serve)",
    )


def registered_schedules(deployment_id: object) -> list[str]:
    """The schedules the server holds for the deployment, read back through the API."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        dep = client.read_deployment(deployment_id)  # type: ignore[arg-type]
    return [
        f"{s.schedule.cron} ({s.schedule.timezone}){'' if s.active else ' paused'}"
        for s in dep.schedules
    ]
