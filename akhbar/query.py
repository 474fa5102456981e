"""Read-only SQL against the warehouse database.

The connection is read-only and has external access disabled (no COPY TO,
no ATTACH, no reading or writing files), with the configuration locked so
the SQL cannot turn either back on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from akhbar.config import DB_NAME

__all__ = ["QueryError", "Result", "connect_readonly", "run_query"]

EMPTY_SQL = 'no SQL given: for example  akhbar query "select count(*) from articles"'


class QueryError(Exception):
    pass


@dataclass
class Result:
    columns: list[str]
    rows: list[tuple]
    more: bool = False  # rows beyond ``limit`` were left out


def connect_readonly(root: Path) -> duckdb.DuckDBPyConnection:
    db = root / DB_NAME
    if not db.exists():
        raise QueryError(f"no warehouse at {root} (run `akhbar run` first)")
    con = duckdb.connect(
        str(db),
        read_only=True,
        config={"enable_external_access": False, "lock_configuration": True},
    )
    return con


def run_query(root: Path, sql: str, limit: int | None = None) -> Result:
    """The rows of ``sql`` (at most ``limit`` of them); one-line ``QueryError`` otherwise."""
    if not sql.replace(";", " ").strip():  # DuckDB returns no result at all for these
        raise QueryError(EMPTY_SQL)
    try:
        con = connect_readonly(root)
    except duckdb.Error as e:
        raise QueryError(_one_line(e)) from None
    try:
        cur = con.execute(sql)
        if cur is None or cur.description is None:
            return Result([], [])
        cols = [d[0] for d in cur.description]
        if limit is None:
            return Result(cols, cur.fetchall())
        rows = cur.fetchmany(limit + 1)
        return Result(cols, rows[:limit], len(rows) > limit)
    except duckdb.Error as e:
        raise QueryError(_one_line(e)) from None
    finally:
        con.close()


def _one_line(e: Exception) -> str:
    first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return first
