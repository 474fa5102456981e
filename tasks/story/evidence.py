"""Story evidence: each dated article's day and canonical entities.

Read from the committed warehouse (DuckDB) and from this run's staged Parquet
parts, with one SQL query for both, so an undated article can be dated from
articles ingested before it and from those of the same run.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from akhbar.schemas import ARTICLE_TABLES
from tasks.story.infer import StoryEvidence

__all__ = [
    "EVIDENCE_SQL",
    "EVIDENCE_TABLES",
    "evidence_from",
    "evidence_from_parts",
    "load_evidence",
]

# The tables EVIDENCE_SQL reads.
EVIDENCE_TABLES = ("articles", "timex", "mentions")


# Dated, non-duplicate articles of a warehouse with their canonical entities. An
# article's day is its publication day, else the latest date it inferred itself.
EVIDENCE_SQL = """
WITH days AS (
    SELECT a.article_id,
           coalesce(CAST(a.published_at AS DATE), max(t.resolved_date)) AS day
    FROM articles AS a
    LEFT JOIN timex AS t ON t.article_id = a.article_id AND t.anchor = 'inferred'
    WHERE a.duplicate_of IS NULL
    GROUP BY a.article_id, a.published_at
)
SELECT d.article_id, d.day, list(DISTINCT m.entity_id) AS entities
FROM days AS d JOIN mentions AS m ON m.article_id = d.article_id
WHERE d.day IS NOT NULL
GROUP BY d.article_id, d.day
"""


def load_evidence(db: Path) -> dict[str, StoryEvidence]:
    """Story evidence from a committed warehouse database (read-only); {} if there is none."""
    if not db.exists():
        return {}
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.execute(EVIDENCE_SQL).fetchall()
    except duckdb.Error:  # an unfinished or foreign file: date from this run's articles only
        return {}
    return evidence_from(rows)


def evidence_from(rows: list[tuple]) -> dict[str, StoryEvidence]:
    """``{article_id: evidence}`` from ``EVIDENCE_SQL`` rows."""
    return {aid: StoryEvidence(frozenset(ents), day) for aid, day, ents in rows}


def evidence_from_parts(parts: dict[str, list[Path]]) -> dict[str, StoryEvidence]:
    """Story evidence from Parquet parts (this run's, before they are committed)."""
    if not all(parts.get(t) for t in ("articles", "mentions")):
        return {}
    con = duckdb.connect()
    try:
        for t in EVIDENCE_TABLES:
            paths = [str(p) for p in parts.get(t, [])]
            rel = (
                con.read_parquet(paths, hive_partitioning=False)
                if paths
                else con.from_arrow(ARTICLE_TABLES[t].empty_table())
            )
            rel.create_view(t)
        return evidence_from(con.execute(EVIDENCE_SQL).fetchall())
    finally:
        con.close()
