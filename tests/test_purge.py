"""Purging a source, and the seeds as a source like any other (issue 18, problem 3)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from test_crash import assert_no_leftovers, snapshot

from akhbar.config import SEEDS_DIR

OPS = Path(__file__).resolve().parent / "fixtures" / "ops" / "txt"
TABLES = ("articles", "documents", "mentions", "figures", "timex", "quotes", "boilerplate")


def q(cli, wh: Path, sql: str) -> list[dict]:
    code, out, err = cli("query", "-w", str(wh), "-f", "json", sql)
    assert code == 0, err
    return json.loads(out)


def per_source(cli, wh: Path) -> dict[str, int]:
    rows = q(cli, wh, "select source, count(*) n from articles group by 1")
    return {r["source"]: r["n"] for r in rows}


def _folder(tmp_path: Path, name: str) -> Path:
    dest = tmp_path / name
    shutil.copytree(OPS, dest)
    return dest


def test_a_warehouse_whose_first_command_is_add_never_reads_the_seeds(cli, tmp_path, warehouse):
    w = ["--warehouse", str(warehouse)]
    lb = _folder(tmp_path, "lb")
    assert cli("sources", "add", "lb", str(lb), *w)[0] == 0
    reg = json.loads((warehouse / "sources.json").read_text(encoding="utf-8"))["sources"]
    assert [s["name"] for s in reg] == ["lb"]
    code, _, err = cli("run", *w)
    assert code == 0, err
    assert per_source(cli, warehouse) == {"lb": 2}


def test_ingested_seeds_are_a_source_and_purge_removes_every_row(cli, tmp_path, warehouse):
    w = ["--warehouse", str(warehouse)]
    assert cli("run", *w)[0] == 0  # a fresh warehouse: the built-in seeds
    lb = _folder(tmp_path, "lb")
    assert cli("sources", "add", "lb", str(lb), *w)[0] == 0
    code, out, _ = cli("sources", "list", *w)
    assert code == 0 and "│ seeds " in out and "│ lb " in out  # still registered: it holds rows
    assert cli("run", *w)[0] == 0
    assert per_source(cli, warehouse) == {"seeds": 5, "lb": 2}
    sql = "select article_id from articles where source = 'seeds'"
    seeds = [r["article_id"] for r in q(cli, warehouse, sql)]
    code, out, err = cli("sources", "remove", "seeds", "--purge", *w)
    assert code == 0, err
    assert "5 article(s)" in out
    listed = ", ".join(f"'{a}'" for a in seeds)
    for table in (*TABLES, "files"):
        sql = f"select count(*) n from {table} where article_id in ({listed})"
        assert q(cli, warehouse, sql) == [{"n": 0}], table
    for table in ("articles", "documents", "files"):
        sql = f"select count(*) n from {table} where source = 'seeds'"
        assert q(cli, warehouse, sql) == [{"n": 0}], table
    code, out, _ = cli("sources", "list", *w)
    assert "│ seeds " not in out  # neither registered nor held
    assert cli("run", *w)[0] == 0  # the seeds do not come back
    assert per_source(cli, warehouse) == {"lb": 2}
    clean = tmp_path / "clean"
    assert cli("run", str(lb), "--warehouse", str(clean))[0] == 0
    assert snapshot(warehouse) == snapshot(clean)  # as if the seeds had never been read
    assert_no_leftovers(warehouse)


def test_purge_gives_a_copy_in_another_source_back_to_it(cli, tmp_path, warehouse):
    w = ["--warehouse", str(warehouse)]
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        shutil.copy(sorted(SEEDS_DIR.glob("*.txt"))[0], folder)
    assert cli("run", str(first), *w)[0] == 0
    assert cli("run", str(second), *w)[0] == 0  # the same text: a duplicate of first's article
    assert per_source(cli, warehouse) == {"first": 1}
    assert cli("sources", "remove", "first", "--purge", *w)[0] == 0
    assert cli("run", str(second), *w)[0] == 0
    assert per_source(cli, warehouse) == {"second": 1}


def test_purge_mistakes_are_one_line(cli, warehouse):
    for args in (["remove", "nosuch", "--purge"], ["remove", "nosuch"]):
        code, _, err = cli("sources", *args, "--warehouse", str(warehouse))
        assert code == 1 and "nosuch" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1


def test_a_purge_killed_before_its_commit_changes_nothing(cli, tmp_path, warehouse):
    w = ["--warehouse", str(warehouse)]
    assert cli("run", str(_folder(tmp_path, "lb")), *w)[0] == 0
    before = snapshot(warehouse)
    killed = subprocess.run(
        [sys.executable, "-m", "akhbar.cli", "sources", "remove", "lb", "--purge", *w],
        env={**os.environ, "AKHBAR_CRASH_AT": "before_manifest"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert snapshot(warehouse) == before
    code, out, err = cli("sources", "remove", "lb", "--purge", *w)
    assert code == 0 and "2 article(s)" in out, err
    assert per_source(cli, warehouse) == {}
    assert_no_leftovers(warehouse)
