"""No import and no run may touch the network."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

BLOCK = """
import socket
def _blocked(*a, **k):
    raise OSError("network access attempted")
_orig_connect = socket.socket.connect
def _connect(self, address):
    # The ephemeral Prefect API listens on loopback; nothing else is allowed.
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1")):
        return _orig_connect(self, address)
    raise OSError(f"network access attempted: {address}")
socket.socket.connect = _connect
socket.getaddrinfo = (lambda orig: lambda host, *a, **k: orig(host, *a, **k)
    if host in ("localhost", "127.0.0.1", "::1") else _blocked())(socket.getaddrinfo)
"""


def test_imports_do_not_touch_the_network():
    code = (
        BLOCK
        + """
import akhbar.cli, tasks.process.batch, tasks.extract, akhbar.text.normalize
from tasks.clean import clean
from tasks.extract import extract_article
import pathlib
for p in sorted(pathlib.Path("seeds").glob("*.txt")):
    extract_article(clean(p.read_text(encoding="utf-8")))
print("ok")
"""
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")


@pytest.mark.slow
def test_pipeline_runs_with_sockets_blocked(tmp_path, seeds_copy):
    code = (
        BLOCK
        + f"""
import sys
from akhbar.cli import main
sys.argv = ["akhbar", "run", {str(seeds_copy)!r}, "--warehouse", {str(tmp_path / "wh")!r}]
main()
"""
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "network access attempted" not in out.stderr
    assert (tmp_path / "wh" / "akhbar.duckdb").exists()


def test_block_actually_blocks():
    code = BLOCK + "\nimport socket\nsocket.create_connection(('192.0.2.1', 80), timeout=1)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode != 0 and "network access attempted" in out.stderr
    assert socket  # the module under test is the stdlib one
