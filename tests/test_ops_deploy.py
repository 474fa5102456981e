"""prefect.yaml names a real flow with matching parameters; `akhbar serve` starts and lists it."""

from __future__ import annotations

import importlib.util
import inspect
import os
import re
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from cronsim import CronSim

from flows.serve import DEPLOYMENT_NAME, read_schedule

ROOT = Path(__file__).resolve().parent.parent
# Start-up of a local server measured at 6-20 s; generous for a shared 2-core machine.
SERVE_TIMEOUT_S = 180


def _deployment() -> dict:
    doc = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    [dep] = [d for d in doc["deployments"] if d["name"] == DEPLOYMENT_NAME]
    return dep


def test_prefect_yaml_entrypoint_is_the_ingest_flow():
    from prefect import Flow

    dep = _deployment()
    file, func = dep["entrypoint"].split(":")
    assert (ROOT / file).is_file()
    spec = importlib.util.spec_from_file_location("entry", ROOT / file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    flow = getattr(module, func)
    assert isinstance(flow, Flow) and flow.name == "akhbar-ingest"
    params = inspect.signature(flow.fn).parameters
    assert set(dep["parameters"]) <= set(params)
    assert all(p.default is not inspect.Parameter.empty for p in params.values())  # {} runs
    [sched] = dep["schedules"]
    next(CronSim(sched["cron"], datetime.now(ZoneInfo(sched["timezone"]))))
    assert dep["work_pool"]["name"] == "akhbar-process"
    cfg = read_schedule()  # what `akhbar serve` uses is what the file says
    assert (cfg.cron, cfg.timezone, cfg.parameters) == (
        sched["cron"],
        sched["timezone"],
        dep["parameters"],
    )


@pytest.mark.slow
def test_serve_starts_a_server_and_lists_its_schedule(tmp_path):
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.run(
        [sys.executable, "-m", "akhbar.cli", "serve", "--check", "-w", str(tmp_path / "wh"),
         "--cron", "30 5 * * 1-5", "--timezone", "Asia/Damascus"],
        capture_output=True, text=True, timeout=SERVE_TIMEOUT_S, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert "akhbar-ingest/akhbar-daily" in out
    assert "30 5 * * 1-5 (Asia/Damascus)" in out  # read back from the server's API
    assert "T05:30+0" in out  # next fire times in the schedule's zone
    [port] = re.findall(r"http://127\.0\.0\.1:(\d+)", out)
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", int(port)), timeout=2):
        pass  # --check exits and takes its server down with it
