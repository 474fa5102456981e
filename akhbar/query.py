"""Read-only SQL against the warehouse database.

The connection is read-only and has external access disabled (no COPY TO,
no ATTACH, no reading or writing files), with the configuration locked so
the SQL cannot turn either back on.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from akhbar.config import DB_NAME

__all__ = ["QueryError", "connect_readonly", "run_query"]


class QueryError(Exception):
    pass


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


def run_query(root: Path, sql: str) -> tuple[list[str], list[tuple]]:
    try:
        con = connect_readonly(root)
    except duckdb.Error as e:
        raise QueryError(_one_line(e)) from None
    try:
        cur = con.execute(sql)
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.Error as e:
        raise QueryError(_one_line(e)) from None
    finally:
        con.close()


def _one_line(e: Exception) -> str:
    first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return first
