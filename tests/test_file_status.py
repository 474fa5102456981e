"""What is quarantined now (issue 18, problem 13): the README's query must not return the
history rows of files fixed since. ``file_status`` holds each file's latest row."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLE = "اعتقال 20 شخصا\n\nاعتقلت الشرطة 20 شخصا في دمشق أمس.\n"


def q(cli, wh: Path, sql: str) -> list[dict]:
    code, out, err = cli("query", "-w", str(wh), "-f", "json", sql)
    assert code == 0, err
    return json.loads(out)


def test_a_fixed_file_is_not_quarantined_now(cli, tmp_path, warehouse):
    folder = tmp_path / "feed"
    folder.mkdir()
    bad = folder / "a.txt"
    bad.write_bytes(b"")  # empty: quarantined
    w = ["--warehouse", str(warehouse)]
    assert cli("run", str(folder), *w)[0] == 0
    now = "select path, reason from file_status where status = 'quarantined'"
    assert [r["path"] for r in q(cli, warehouse, now)] == ["a.txt"]
    bad.write_text(ARTICLE, encoding="utf-8")  # fixed
    assert cli("run", str(folder), *w)[0] == 0
    assert q(cli, warehouse, now) == []
    history = q(cli, warehouse, "select status from files where path = 'a.txt' order by run_id")
    assert [r["status"] for r in history] == ["quarantined", "changed"]
    code, out, _ = cli("status", *w)
    assert code == 0 and "quarantined files (0)" in out
