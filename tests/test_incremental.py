"""Incremental runs: skip unchanged files unread, replace changed ones, record deletions."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from tasks.discover import FileInfo, split

ARTICLE_VIEWS = ("documents", "articles", "boilerplate", "mentions", "figures", "timex", "quotes")


def _info(path: str, size: int, mtime: int) -> FileInfo:
    return FileInfo("s", path, f"/nowhere/{path}", size, mtime)


def test_split_trusts_size_and_mtime():
    ledger = {
        ("s", "a.txt"): {"size": 10, "mtime_ns": 1, "sha256": "x", "article_id": "A"},
        ("s", "b.txt"): {"size": 10, "mtime_ns": 1, "sha256": "y", "article_id": "B"},
    }
    files = [_info("a.txt", 10, 1), _info("b.txt", 10, 2), _info("c.txt", 5, 1)]
    to_read, unchanged = split(files, ledger)
    assert [f.path for f in unchanged] == ["a.txt"]  # never opened (the abspath does not exist)
    assert [(c.info.path, c.previous_sha256) for c in to_read] == [("b.txt", "y"), ("c.txt", None)]


def _con(wh: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(wh / "akhbar.duckdb"), read_only=True)


def _last_run(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = con.execute(
        "select path, status from files where run_id = (select max(run_id) from runs)"
    ).fetchall()
    return dict(rows)


def _assert_no_orphans(con: duckdb.DuckDBPyConnection) -> None:
    live = {
        r[0]
        for r in con.execute(
            "select article_id from files where run_id = (select max(run_id) from runs) "
            "and status <> 'deleted' and article_id is not null"
        ).fetchall()
    }
    for view in ARTICLE_VIEWS:
        ids = {r[0] for r in con.execute(f"select distinct article_id from {view}").fetchall()}
        assert ids <= live, (view, ids - live)
    assert {r[0] for r in con.execute("select article_id from documents").fetchall()} == live


@pytest.mark.slow
def test_changed_deleted_touched_and_duplicate_files(cli, seeds_copy, warehouse):
    def run() -> duckdb.DuckDBPyConnection:
        code, _, err = cli("run", str(seeds_copy), "--warehouse", str(warehouse))
        assert code == 0, err
        return _con(warehouse)

    files = sorted(p.name for p in seeds_copy.glob("*.txt"))
    a, b, c, d = files[:4]
    con = run()
    old_a = con.execute("select article_id from documents where path = ?", [a]).fetchone()[0]
    old_b = con.execute("select article_id from documents where path = ?", [b]).fetchone()[0]
    con.close()

    # Same size and mtime, other bytes: skipped without reading, by design (like rsync).
    pa, st = seeds_copy / d, (seeds_copy / d).stat()
    data = pa.read_bytes()
    pa.write_bytes(data[::-1][: len(data)])
    os.utime(pa, ns=(st.st_atime_ns, st.st_mtime_ns))
    # Touched only: hashed, found identical, nothing rewritten.
    os.utime(seeds_copy / c, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    # Changed: a new text replaces the old article everywhere.
    (seeds_copy / a).write_text((seeds_copy / a).read_text(encoding="utf-8") + "\nتحديث.\n")
    # Deleted, and an exact copy of another under a new name.
    (seeds_copy / b).unlink()
    shutil.copy(seeds_copy / files[4], seeds_copy / "copy.txt")

    con = run()
    last = _last_run(con)
    assert last[a] == "changed" and last[b] == "deleted" and last["copy.txt"] == "duplicate"
    assert last[c] == "unchanged" and last[d] == "unchanged" and last[files[4]] == "unchanged"
    for view in ARTICLE_VIEWS:
        gone = con.execute(
            f"select count(*) from {view} where article_id in (?, ?)", [old_a, old_b]
        ).fetchone()[0]
        assert gone == 0, view
    _assert_no_orphans(con)
    assert con.execute("select count(*) from documents").fetchone()[0] == 4
    con.close()

    # Deleting the original of a duplicate keeps the article: the copy still points at it.
    (seeds_copy / files[4]).unlink()
    con = run()
    assert _last_run(con)[files[4]] == "deleted"
    _assert_no_orphans(con)
    assert con.execute("select count(*) from documents").fetchone()[0] == 4
    con.close()
