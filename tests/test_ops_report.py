"""The run report artifact's markdown and the one-line summary (plain functions)."""

from __future__ import annotations

from akhbar.status import MAX_LISTED, run_markdown, summary_line

SUMMARY = {
    "run_id": "20220101T000000-abc",
    "files_seen": 7,
    "new": 4,
    "changed": 0,
    "unchanged": 1,
    "duplicate": 1,
    "quarantined": 1,
    "deleted": 0,
    "rows_articles": 4,
    "rows_figures": 9,
}


def _row(path: str, status: str, reason: str | None = None) -> dict:
    return {"source": "aj", "path": path, "status": status, "reason": reason}


def test_report_has_counts_rows_and_quarantined_reasons():
    rows = [_row("a.jsonl#1", "new"), _row("a.jsonl#3", "quarantined", "bad | json\nline")]
    md = run_markdown(SUMMARY, rows, missing=["lb"])
    assert "| files seen | 7 |" in md and "| duplicate | 1 |" in md
    assert "| figures | 9 |" in md and "| articles | 4 |" in md
    assert "| aj | a.jsonl#3 | bad \\| json line |" in md  # escaped: the table stays a table
    assert "a.jsonl#1" not in md and "lb" in md


def test_report_lists_at_most_max_listed():
    rows = [_row(f"f{i}.txt", "quarantined", "x") for i in range(MAX_LISTED + 5)]
    md = run_markdown(SUMMARY, rows)
    assert md.count("| aj | f") == MAX_LISTED and "and 5 more" in md


def test_summary_line():
    line = summary_line(SUMMARY)
    assert "new 4" in line and "quarantined 1" in line and "figures 9" in line
