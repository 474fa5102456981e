"""Views stage: build ``akhbar.duckdb`` from the committed Parquet parts.

The database holds a copy of every live part as a ``raw_*`` table plus the
views defined by the SQL files in ``warehouse/views`` (run in name order).
Keeping the rows inside the file, rather than views over Parquet paths,
is what lets the database answer from any working directory and after the
warehouse folder is moved. It is rebuilt into a temporary file and renamed
over the old one, so readers never see a half-built database and a reader
holding the old file open never blocks a run.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import duckdb
import pyarrow as pa

from akhbar.config import DB_NAME, views_dir
from akhbar.schemas import ALL_TABLES
from akhbar.tasks.load import Store

__all__ = ["build_database", "database_version", "is_stale", "view_sql_files"]


def view_sql_files() -> list[Path]:
    return sorted(views_dir().glob("*.sql"))


def _load_raw(
    con: duckdb.DuckDBPyConnection, table: str, schema: pa.Schema, parts: list[Path]
) -> None:
    empty = schema.empty_table()  # noqa: F841 - read by DuckDB's replacement scan
    con.execute(f"CREATE TABLE raw_{table} AS SELECT * FROM empty")
    if parts:
        con.execute(
            # hive_partitioning off: DuckDB would otherwise add a `source` column
            # from the source=NAME folders, which tables without one reject.
            f"INSERT INTO raw_{table} BY NAME SELECT * FROM "
            "read_parquet(?, union_by_name=true, hive_partitioning=false)",
            [[str(p) for p in parts]],
        )


def build_database(root: Path, store: Store | None = None) -> Path:
    """(Re)build the DuckDB file for the committed manifest; returns its path."""
    store = store or Store(root)
    dest = root / DB_NAME
    tmp = root / f".{DB_NAME}.{uuid.uuid4().hex[:8]}.tmp"
    con = duckdb.connect(str(tmp))
    try:
        for table, schema in ALL_TABLES.items():
            _load_raw(con, table, schema, store.live_parts(table))
        for sql in view_sql_files():
            con.execute(sql.read_text(encoding="utf-8"))
        con.execute(
            "CREATE TABLE _meta AS SELECT ?::BIGINT AS manifest_version", [store.manifest.version]
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, dest)
    return dest


def database_version(root: Path) -> int | None:
    db = root / DB_NAME
    if not db.exists():
        return None
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("SELECT manifest_version FROM _meta").fetchone()[0]
    except duckdb.Error:
        return None


def is_stale(root: Path) -> bool:
    """True when the database does not reflect the committed manifest."""
    return database_version(root) != Store(root).manifest.version
