"""What the runs did: the per-run report (Prefect artifact) and ``akhbar status``.

Both read plain data: the run report is built from the summary and the
``files`` rows of the run; ``akhbar status`` reads the warehouse database
read-only (recent runs, rows per view, files quarantined now and why).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

__all__ = ["Status", "read_status", "run_markdown", "summary_line"]

FILE_COUNTS = ("files_seen", "new", "changed", "unchanged", "duplicate", "quarantined", "deleted")
# Quarantined files listed in one run's artifact; the rest are counted. A page
# of a Prefect UI artifact stays readable at this size.
MAX_LISTED = 50
# Runs shown by `akhbar status` unless --runs says otherwise: a week of daily runs.
RECENT_RUNS = 7
VIEWED = (
    "documents",
    "articles",
    "boilerplate",
    "entities",
    "mentions",
    "figures",
    "timex",
    "quotes",
    "extract_errors",
    "files",
    "runs",
)


def summary_line(summary: dict) -> str:
    files = ", ".join(f"{k.replace('_', ' ')} {summary.get(k, 0)}" for k in FILE_COUNTS)
    rows = ", ".join(
        f"{k.removeprefix('rows_')} {v}" for k, v in summary.items() if k.startswith("rows_")
    )
    return f"files: {files}; rows written: {rows}"


def _md_escape(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def run_markdown(summary: dict, file_rows: list[dict], missing: list[str] | None = None) -> str:
    """The run's Prefect markdown artifact: counts, rows per table, quarantined files."""
    out = [f"# akhbar run `{summary['run_id']}`", "", "| files | count |", "|---|---:|"]
    out += [f"| {k.replace('_', ' ')} | {summary.get(k, 0)} |" for k in FILE_COUNTS]
    out += ["", "| table | rows written |", "|---|---:|"]
    out += [
        f"| {k.removeprefix('rows_')} | {v} |" for k, v in summary.items() if k.startswith("rows_")
    ]
    if missing:
        out += ["", f"**Skipped (folder missing):** {', '.join(missing)}"]
    bad = [r for r in file_rows if r["status"] == "quarantined"]
    if bad:
        out += ["", f"## Quarantined ({len(bad)})", ""]
        out += ["| source | path | reason |", "|---|---|---|"]
        out += [
            f"| {_md_escape(r['source'])} | {_md_escape(r['path'])} | {_md_escape(r['reason'])} |"
            for r in bad[:MAX_LISTED]
        ]
        if len(bad) > MAX_LISTED:
            out.append(f"\n… and {len(bad) - MAX_LISTED} more: `akhbar status` lists them all.")
    return "\n".join(out) + "\n"


@dataclass
class Status:
    runs: tuple[list[str], list[tuple]]
    counts: list[tuple[str, int]]
    quarantined: tuple[list[str], list[tuple]]


RUNS_SQL = """
SELECT run_id, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started,
       round(epoch(finished_at) - epoch(started_at), 1) AS seconds,
       files_seen, new, changed, unchanged, duplicate, quarantined, deleted,
       rows_articles, rows_figures, rows_extract_errors AS extract_errors
FROM runs ORDER BY started_at DESC LIMIT ?
"""
# file_status holds each file's latest row: a file a later run fixed is not quarantined now.
QUARANTINED_SQL = """
SELECT source, path, reason, last_run_id AS last_seen_in_run FROM file_status
WHERE status = 'quarantined' ORDER BY source, path
"""


def _fetch(
    con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None
) -> tuple[list[str], list[tuple]]:
    cur = con.execute(sql, params or [])
    return [d[0] for d in cur.description], cur.fetchall()


def read_status(root: Path, runs: int = RECENT_RUNS) -> Status:
    """Everything ``akhbar status`` shows; ``QueryError`` (one line) when it cannot."""
    import duckdb

    from akhbar.query import QueryError, connect_readonly

    if runs < 0:
        raise QueryError(f"--runs wants how many recent runs to show (0 or more), not {runs}")
    try:
        con = connect_readonly(root)
    except duckdb.Error as e:
        raise QueryError(f"cannot open the warehouse database: {_first_line(e)}") from None
    try:
        counts = [(v, con.execute(f"SELECT count(*) FROM {v}").fetchone()[0]) for v in VIEWED]
        return Status(_fetch(con, RUNS_SQL, [runs]), counts, _fetch(con, QUARANTINED_SQL))
    except duckdb.Error as e:
        raise QueryError(f"cannot read the warehouse status: {_first_line(e)}") from None
    finally:
        con.close()


def _first_line(e: Exception) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__
