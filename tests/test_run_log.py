"""Each run writes its own lines to <warehouse>/logs/akhbar.log (issue 18, problem 11): it
stayed empty after good runs, even ones that quarantined files."""

from __future__ import annotations

import shutil

from akhbar.config import SEEDS_DIR


def test_the_log_records_each_run_and_what_it_quarantined(cli, tmp_path, warehouse):
    folder = tmp_path / "feed"
    folder.mkdir()
    shutil.copy(sorted(SEEDS_DIR.glob("*.txt"))[0], folder)
    (folder / "empty.txt").write_bytes(b"")
    w = ["--warehouse", str(warehouse)]
    for _ in range(2):
        code, _, err = cli("run", str(folder), *w)
        assert code == 0, err
    log = (warehouse / "logs" / "akhbar.log").read_text(encoding="utf-8")
    started = [line for line in log.splitlines() if " started on " in line]
    done = [line for line in log.splitlines() if " done: " in line]
    assert len(started) == len(done) == 2  # one block per run
    assert "sources feed" in started[0]
    assert "files seen 2, new 1" in done[0] and "unchanged 1" in done[1]
    assert "quarantined feed/empty.txt: empty file" in log
