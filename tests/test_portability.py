"""The warehouse database opens in older DuckDB clients (issue 18, problem 7).

DuckDB 2 writes a storage format that DuckDB 1.1 - 1.4 refuse ("version
number 999"); most BI tools and drivers still ship those. The test opens a
real warehouse with duckdb 1.1.3 in an isolated environment built by uv from
its cache (``--offline``), and queries every view there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

OLD_DUCKDB = "duckdb==1.1.3"
# Building the isolated environment from uv's cache takes ~1-2 s; a cold cache
# that has to resolve offline fails fast. Generous for a loaded CI machine.
UV_TIMEOUT_S = 180
OPENED = "OPENED-BY-OLD-DUCKDB"
SCRIPT = f"""
import json, sys, duckdb
print("{OPENED}", duckdb.__version__, flush=True)
con = duckdb.connect(sys.argv[1], read_only=True)
views = [r[0] for r in con.execute(
    "select view_name from duckdb_views() where not internal order by 1").fetchall()]
print(json.dumps({{v: con.execute(f'select count(*) from "{{v}}"').fetchone()[0] for v in views}}))
"""


def _counts_here(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        views = con.execute(
            "select view_name from duckdb_views() where not internal order by 1"
        ).fetchall()
        return {v: con.execute(f'select count(*) from "{v}"').fetchone()[0] for (v,) in views}
    finally:
        con.close()


def test_an_older_duckdb_opens_the_warehouse_and_every_view(seeded_warehouse, tmp_path):
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH: cannot build an isolated environment with an old duckdb")
    db = seeded_warehouse / "akhbar.duckdb"
    script = tmp_path / "open_old.py"
    script.write_text(SCRIPT, encoding="utf-8")
    cmd = [uv, "run", "--offline", "--no-project", "--with", OLD_DUCKDB, "python", str(script)]
    res = subprocess.run(
        [*cmd, str(db)], cwd=tmp_path, capture_output=True, text=True, timeout=UV_TIMEOUT_S
    )
    if OPENED not in res.stdout:
        reason = (res.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"cannot build a {OLD_DUCKDB} environment offline: {reason}")
    assert res.returncode == 0, res.stderr[-2000:]
    old_counts = json.loads(res.stdout.splitlines()[-1])
    assert old_counts == _counts_here(db)
    assert {"articles", "figure_reports", "timeline"} <= set(old_counts)
