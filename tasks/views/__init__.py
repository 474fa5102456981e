"""Views stage: build ``akhbar.duckdb`` from the committed Parquet parts.

The database holds a copy of every live part as a ``raw_*`` table plus the
views defined by the SQL files in ``warehouse/views`` (run in name order).
Keeping the rows inside the file, rather than views over Parquet paths,
is what lets the database answer from any working directory and after the
warehouse folder is moved. It is rebuilt into a temporary file and renamed
over the old one, so readers never see a half-built database and a reader
holding the old file open never blocks a run. It is written in the storage
format of DuckDB :data:`STORAGE_VERSION`, so BI tools and drivers still on
DuckDB 1.1 - 1.4 open it too.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from pathlib import Path

import duckdb
import pyarrow as pa

from akhbar.config import DB_NAME, views_dir
from akhbar.schemas import ALL_TABLES
from tasks.load.parts import Store

__all__ = [
    "STORAGE_VERSION",
    "build_database",
    "database_version",
    "is_stale",
    "view_sql_files",
]

# The oldest DuckDB whose storage format the file is written in. DuckDB 2 writes its own
# format by default, which DuckDB 1.1 - 1.4 (most BI tools and drivers today) refuse
# ("version number 999"); v1.1.0 is the oldest the installed duckdb offers that keeps
# every feature the views use, and tests/test_portability.py opens the file with 1.1.3.
STORAGE_VERSION = "v1.1.0"


# DuckDB's buffer pool while building (its default is 80 % of RAM). A full build of
# 50k real articles' parts: no limit 5.3 s and 870 MB peak RSS, 512 MB 5.8 s / 616 MB,
# 384 MB 7.2-7.6 s / 518 MB, 256 MB 9.4 s / 424 MB, 128 MB 14.0 s / 307 MB (DuckDB
# spills to disk; build_database timed on a copy of the 50k bench warehouse). 384 MB keeps
# a 50k run's whole process tree under 1 GiB PSS (the build was its peak) for ~1 % of it.
BUILD_MEMORY = "384MB"


def view_sql_files() -> list[Path]:
    return sorted(views_dir().glob("*.sql"))


def _load_raw(
    con: duckdb.DuckDBPyConnection, table: str, schema: pa.Schema, parts: list[Path]
) -> None:
    empty = schema.empty_table()  # noqa: F841 - read by DuckDB's replacement scan
    con.execute(f"CREATE TABLE raw_{table} AS SELECT * FROM empty")
    _insert(con, table, parts)


def _fingerprint() -> str:
    """Changes whenever a raw table's schema, any view's SQL or the storage version does."""
    h = hashlib.sha256(STORAGE_VERSION.encode())
    for table, schema in ALL_TABLES.items():
        h.update(f"{table}:{schema}".encode())
    for sql in view_sql_files():
        h.update(sql.name.encode() + sql.read_bytes())
    return h.hexdigest()


def _loaded_parts(db: Path, fingerprint: str) -> dict[str, set[str]] | None:
    """The parts an existing database holds, if it can be extended in place of a rebuild."""
    if not db.exists() or db.with_name(db.name + ".wal").exists():
        return None
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            if con.execute("SELECT fingerprint FROM _meta").fetchone()[0] != fingerprint:
                return None
            rows = con.execute("SELECT table_name, part FROM _parts").fetchall()
    except duckdb.Error:  # an older layout, or a damaged file: rebuild
        return None
    out: dict[str, set[str]] = {}
    for table, part in rows:
        out.setdefault(table, set()).add(part)
    return out


def _insert(con: duckdb.DuckDBPyConnection, table: str, parts: list[Path]) -> None:
    # hive_partitioning off: DuckDB would otherwise add a `source` column
    # from the source=NAME folders, which tables without one reject.
    if parts:
        con.execute(
            f"INSERT INTO raw_{table} BY NAME SELECT * FROM "
            "read_parquet(?, union_by_name=true, hive_partitioning=false)",
            [[str(p) for p in parts]],
        )


def build_database(root: Path, store: Store | None = None) -> Path:
    """Build the DuckDB file for the committed manifest; returns its path.

    When the previous database holds a subset of the live parts (a no-op run
    adds only its files/runs parts; new articles add parts), it is copied and
    only the new parts are inserted: a 10k-article no-op spent 1.6 of its
    2.7 s re-copying every row. Anything removed (changed or deleted
    articles, a repair) or a changed schema or view means a full rebuild.
    """
    store = store or Store(root)
    dest = root / DB_NAME
    for stale in root.glob(f".{DB_NAME}.*.tmp"):  # a build cut short by a crash or Ctrl-C
        stale.unlink(missing_ok=True)
    tmp = root / f".{DB_NAME}.{uuid.uuid4().hex[:8]}.tmp"
    live = {t: list(store.manifest.parts.get(t, [])) for t in ALL_TABLES}
    fingerprint = _fingerprint()
    have = _loaded_parts(dest, fingerprint)
    if have is not None and any(not have.get(t, set()) <= set(p) for t, p in live.items()):
        have = None
    if have is not None:
        shutil.copyfile(dest, tmp)
    config = {"storage_compatibility_version": STORAGE_VERSION, "memory_limit": BUILD_MEMORY}
    con = duckdb.connect(str(tmp), config=config)
    try:
        for table, schema in ALL_TABLES.items():
            if have is None:
                _load_raw(con, table, schema, [root / p for p in live[table]])
            else:
                _insert(con, table, [root / p for p in live[table] if p not in have.get(table, ())])
        for sql in view_sql_files():
            con.execute(sql.read_text(encoding="utf-8"))
        con.execute(
            "CREATE OR REPLACE TABLE _meta AS "
            "SELECT ?::BIGINT AS manifest_version, ?::VARCHAR AS fingerprint",
            [store.manifest.version, fingerprint],
        )
        parts = pa.table(  # noqa: F841 - read by DuckDB's replacement scan
            {
                "table_name": [t for t, ps in live.items() for _ in ps],
                "part": [p for ps in live.values() for p in ps],
            },
            schema=pa.schema([("table_name", pa.string()), ("part", pa.string())]),
        )
        con.execute("CREATE OR REPLACE TABLE _parts AS SELECT * FROM parts")
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
