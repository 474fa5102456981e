"""A run's new articles linked to incidents: against each other and the warehouse's
incidents near them in time (the committed database, filtered by day: an index, not a
scan of every figure)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from akhbar.schemas import ARTICLE_TABLES, INCIDENT_LINKS
from tasks.incidents.group import CAMPAIGN_WINDOW_DAYS, Incident, Place, assign
from tasks.incidents.items import NAME_KINDS, article_items, past_times, quote_links

__all__ = ["LINK_TABLES", "known_incidents", "link_articles", "link_parts"]

# The staged tables a run's linking reads.
LINK_TABLES = ("articles", "documents", "figures", "quotes", "mentions", "entity_defs", "timex")
# Known incidents this many days around a run's articles are candidates to join.
KNOWN_WINDOW_DAYS = CAMPAIGN_WINDOW_DAYS
# DuckDB's buffer pool while reading the run's parts (its default is 80 % of RAM). The
# rows it hands to Python dominate: at 50k articles, peak RSS 534 MB without a limit,
# 517 MB with 256 MB, same time.
LINK_MEMORY = "256MB"
# The rows of articles that have a figure.
WITH_FIGURES = "WHERE article_id IN (SELECT article_id FROM figures)"


def _views(con: duckdb.DuckDBPyConnection, parts: dict[str, list[Path]]) -> None:
    for t in LINK_TABLES:
        paths = [str(p) for p in parts.get(t, [])]
        if paths:
            rel = con.read_parquet(paths, hive_partitioning=False, union_by_name=True)
        else:
            rel = con.from_arrow(ARTICLE_TABLES[t].empty_table())
        rel.create_view(t)


def link_parts(parts: dict[str, list[Path]], db: Path, run_id: str) -> pa.Table:
    """``incident_links`` rows for the articles in a run's staged ``parts``."""
    con = duckdb.connect(config={"memory_limit": LINK_MEMORY})
    try:
        _views(con, parts)
        return link_articles(con, known_incidents(db, con), run_id)
    finally:
        con.close()


def link_articles(con: duckdb.DuckDBPyConnection, known: list[Incident], run_id: str) -> pa.Table:
    """Link the articles of ``con``'s tables (views named as the article tables)."""
    articles = con.execute(
        "SELECT article_id, CAST(published_at AS DATE) FROM articles "
        "WHERE duplicate_of IS NULL ORDER BY published_at NULLS LAST, article_id"
    ).fetchall()
    figures = _by_article(
        con,
        'SELECT article_id, "start", count_type, location_id, date, scope, period_start, '
        "sentence, surface FROM figures",
    )
    # Only articles with figures make items (a quote joins its article's figures), so
    # only their rows are read: at 50k articles all mentions as dicts were ~1 GB.
    kinds = ", ".join(f"'{k}'" for k in sorted(NAME_KINDS))  # a fixed list of constants
    mentions = _by_article(  # each name once per article: only the set of names is used
        con,
        f"SELECT DISTINCT article_id, entity_id, kind FROM mentions {WITH_FIGURES} "
        f"AND kind IN ({kinds})",
    )
    quotes = _by_article(con, f'SELECT article_id, "start" FROM quotes {WITH_FIGURES}')
    timex = _by_article(
        con,
        'SELECT article_id, type, value, resolved_date, precision, "start", "end" FROM timex '
        + WITH_FIGURES,
    )
    texts = dict(con.execute(f"SELECT article_id, text FROM documents {WITH_FIGURES}").fetchall())
    entities = {
        r["entity_id"]: r
        for r in _dicts(
            con,
            "SELECT DISTINCT entity_id, country, parent_id, granularity FROM entity_defs "
            "WHERE entity_id IN (SELECT location_id FROM figures)",  # only figures' places
        )
    }
    per_article = [
        article_items(
            aid,
            day,
            figures[aid],
            mentions.get(aid, []),
            entities,
            past_times(timex.get(aid, []), day, texts.get(aid, "")),
        )
        for aid, day in articles
        if figures.get(aid)
    ]
    links, incidents = assign(per_article, known)
    by_id = {i.incident_id: i for i in incidents}
    rows = [_row(run_id, aid, "figure", start, by_id[iid]) for (aid, start), iid in links.items()]
    figure_links: dict[str, dict[int, str]] = defaultdict(dict)
    for (aid, start), iid in links.items():
        figure_links[aid][start] = iid
    for aid, mine in figure_links.items():
        for start, iid in quote_links(quotes.get(aid, []), mine).items():
            rows.append(_row(run_id, aid, "quote", start, by_id[iid]))
    return pa.Table.from_pylist(rows, schema=INCIDENT_LINKS)


def _row(run_id: str, aid: str, item: str, start: int, inc: Incident) -> dict:
    return {
        "run_id": run_id,
        "article_id": aid,
        "item": item,
        "start": start,
        "incident_id": inc.incident_id,
        "kind": inc.kind,
        "scope": inc.scope,
    }


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _by_article(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in _dicts(con, sql):
        out[r["article_id"]].append(r)
    return out


# The warehouse's incidents whose days come near the run's: their kind, scope, main
# place (with its country), days and the names their articles share.
KNOWN_SQL = """
WITH near AS (
    SELECT * FROM incidents
    WHERE last_day >= ?::DATE - ?::INTEGER AND first_day <= ?::DATE + ?::INTEGER
),
names AS (
    SELECT l.incident_id, list(DISTINCT m.entity_id) AS names
    FROM incident_links AS l
    JOIN mentions AS m USING (article_id)
    WHERE l.incident_id IN (SELECT incident_id FROM near)
      AND m.kind IN ('PERSON', 'ORGANIZATION', 'LOCATION')
    GROUP BY l.incident_id
)
SELECT n.incident_id, n.kind, n.scope, n.location_id, n.country, e.parent_id,
       e.granularity = 'country' AS is_country, n.first_day, n.last_day,
       coalesce(s.names, []) AS names
FROM near AS n
LEFT JOIN names AS s USING (incident_id)
LEFT JOIN entities AS e ON e.entity_id = n.location_id
"""


def known_incidents(db: Path, run: duckdb.DuckDBPyConnection) -> list[Incident]:
    """Incidents of the committed warehouse near the run's articles in time; [] if none."""
    span = run.execute(
        "SELECT min(day), max(day) FROM ("
        "  SELECT CAST(published_at AS DATE) AS day FROM articles"
        "  UNION ALL SELECT date FROM figures) WHERE day IS NOT NULL"
    ).fetchone()
    if not db.exists() or span is None or span[0] is None:
        return []
    lo, hi = span
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.execute(KNOWN_SQL, [lo, KNOWN_WINDOW_DAYS, hi, KNOWN_WINDOW_DAYS]).fetchall()
    except duckdb.Error:  # an older warehouse without incidents: start afresh
        return []
    return [_incident(r) for r in rows]


def _incident(r: tuple) -> Incident:
    iid, kind, scope, loc, country, parent, is_country, first, last, names = r
    return Incident(
        incident_id=iid,
        kind=kind,
        scope=scope,
        place=Place(loc, country, parent, bool(is_country)),
        first_day=first if isinstance(first, date) else None,
        last_day=last if isinstance(last, date) else None,
        names=set(names or ()),
    )
