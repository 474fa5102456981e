"""``akhbar report``: one self-contained HTML page comparing what the sources said.

Reads the mart views (figure_reports, figure_conflicts, incidents, incident_summary,
timeline, entity_counts, entity_pairs, boilerplate_by_outlet) through the read-only
connection, draws the charts with Altair and inlines vega/vega-lite/
vega-embed, so the page opens from disk with no server and no network.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from akhbar import report_charts as charts
from akhbar.query import QueryError, connect_readonly
from akhbar.report_html import chart_div, note, page, table

__all__ = ["ReportData", "ReportSummary", "load_report_data", "render_report", "write_report"]

# Caps that keep the page small (the inlined JS is ~0.9 MB; data should not dwarf it)
# and the charts legible. 2,000 points fill a 640 px chart densely without hiding
# the shape; past that a reader wants SQL, and the page says what was cut.
MAX_POINTS = 2000
# Tooltips and table cells show the start of a sentence: about two lines of text.
TEXT_CHARS = 160
# The conflicts table lists disagreements first; 200 rows is several screens.
MAX_CONFLICTS = 200
# Incidents drawn (the ones most articles counted): one chart row each.
TOP_INCIDENTS = 6
# Bars in the entity chart and rows in the co-mention table.
TOP_ENTITIES = 15
TOP_PAIRS = 20

# A row's source as a reader knows it: the outlet when known, else the file.
WHO = "coalesce(outlet, path)"

SQL = {
    "figures": f"""
        SELECT count_type, value, value_max, qualifier, coalesce(place, location_id) AS place,
               report_date, sentence, {WHO} AS who
        FROM figure_reports
        WHERE duplicate_of IS NULL AND report_date IS NOT NULL AND value > 0
        ORDER BY report_date DESC""",
    "incidents": f"""
        WITH top AS (
            SELECT incident_id, kind, scope, coalesce(place_en, place, '?') AS place, first_day
            FROM incidents LIMIT {TOP_INCIDENTS}
        )
        SELECT t.place || ' · ' || t.kind || ' · ' || t.scope || ' from '
                   || coalesce(CAST(t.first_day AS VARCHAR), '?') AS incident,
               f.count_type, f.value, f.qualifier, f.scope, f.report_date, f.sentence,
               {WHO} AS who
        FROM top AS t
        JOIN figure_reports AS f USING (incident_id)
        WHERE f.duplicate_of IS NULL AND f.report_date IS NOT NULL AND f.value > 0
            AND f.scope <> 'breakdown'
        ORDER BY t.first_day, f.report_date""",
    "incident_summary": f"""
        SELECT coalesce(i.place_en, i.place, '?') AS place, i.kind, i.scope, s.count_type,
               s.outlet, s.first_value, s.latest_value, s.min_value, s.max_value,
               s.first_day, s.last_day
        FROM incident_summary AS s
        JOIN (SELECT * FROM incidents LIMIT {TOP_INCIDENTS}) AS i USING (incident_id)
        ORDER BY i.first_day, s.count_type, s.first_day, s.outlet""",
    "timeline": f"""
        SELECT resolved_date, kind, {WHO} AS who, text, detail
        FROM timeline ORDER BY resolved_date DESC""",
    "conflicts": """
        SELECT c.relation, c.count_type, coalesce(c.place, c.location_id) AS place,
               c.date_a, coalesce(c.outlet_a, a.path) AS source_a, c.value_a, c.qualifier_a,
               c.date_b, coalesce(c.outlet_b, b.path) AS source_b, c.value_b, c.qualifier_b,
               c.change, c.sentence_a, c.sentence_b
        FROM figure_conflicts AS c
        JOIN article_dates AS a ON a.article_id = c.article_id_a
        JOIN article_dates AS b ON b.article_id = c.article_id_b
        ORDER BY c.relation = 'growth', c.count_type, c.date_a, c.date_b""",
    "entities": f"""
        SELECT coalesce(name, entity_id) AS label, name_en, kind, mentions, articles,
               co_mentioned, top_co_mentions
        FROM entity_counts LIMIT {TOP_ENTITIES}""",
    "pairs": f"""
        SELECT coalesce(name_a, entity_id_a) AS a, coalesce(name_b, entity_id_b) AS b, articles
        FROM entity_pairs WHERE entity_id_a < entity_id_b
        ORDER BY articles DESC, a, b LIMIT {TOP_PAIRS}""",
    "boilerplate": """
        SELECT coalesce(outlet, '(no outlet) ' || source) AS who, articles, spans,
               removed_chars, text_chars, removed_share,
               CAST(spans_by_kind AS VARCHAR) AS kinds
        FROM boilerplate_by_outlet""",
    "overview": """
        SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets,
               min(published_date) AS first_day, max(published_date) AS last_day
        FROM article_dates WHERE duplicate_of IS NULL""",
}


@dataclass
class ReportData:
    """Rows per section as plain dicts (dates as ISO strings), and what was cut."""

    rows: dict[str, list[dict[str, Any]]]
    truncated: dict[str, bool] = field(default_factory=dict)


@dataclass
class ReportSummary:
    path: Path
    bytes: int
    counts: dict[str, int]


def _plain(v: Any) -> Any:
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    if isinstance(v, str) and len(v) > TEXT_CHARS:
        return v[: TEXT_CHARS - 1] + "…"
    return v


def _fetch(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [c[0] for c in cur.description]
    return [{n: _plain(v) for n, v in zip(names, r, strict=True)} for r in cur.fetchall()]


def load_report_data(root: Path) -> ReportData:
    """Query the marts read-only; raises QueryError (one line) when that fails."""
    caps = {"figures": MAX_POINTS, "timeline": MAX_POINTS, "conflicts": MAX_CONFLICTS}
    con = connect_readonly(root)
    try:
        # One row past each cap tells whether anything was cut.
        rows = {
            name: _fetch(con, sql + (f" LIMIT {caps[name] + 1}" if name in caps else ""))
            for name, sql in SQL.items()
        }
    except duckdb.CatalogException as e:
        # A database built before the mart views existed: every run rebuilds the views.
        first = str(e).splitlines()[0]
        raise QueryError(
            f"the warehouse at {root} lacks the mart views ({first}); "
            "run `akhbar run` to rebuild them"
        ) from None
    except duckdb.Error as e:
        raise QueryError(f"cannot read the marts in {root}: {str(e).splitlines()[0]}") from None
    finally:
        con.close()
    truncated = {k: len(rows[k]) > cap for k, cap in caps.items()}
    for k, cap in caps.items():
        del rows[k][cap:]
    return ReportData(rows, truncated)


def _chart_or_note(name: str, rows: list[dict], build: Any, empty: str) -> str:
    return chart_div(name, build(rows)) if rows else note(empty)


def _cut(data: ReportData, key: str, what: str) -> str:
    return note(f"Showing the latest {MAX_POINTS} {what} only.") if data.truncated[key] else ""


def _sections(data: ReportData) -> list[tuple[str, str]]:
    r = data.rows
    conflict_cols = ["relation", "count_type", "place", "date_a", "source_a", "value_a"]
    conflict_cols += ["qualifier_a", "date_b", "source_b", "value_b", "qualifier_b", "change"]
    conflict_cols += ["sentence_a", "sentence_b"]
    conflicts = (
        table(conflict_cols, [[c[k] for k in conflict_cols] for c in r["conflicts"]], 0)
        if r["conflicts"]
        else note("No two reports of one incident give incompatible values.")
    )
    if data.truncated["conflicts"]:
        conflicts += note(f"Only the first {MAX_CONFLICTS} pairs are shown; query the view.")
    ent_cols = ["label", "name_en", "kind", "mentions", "articles", "top_co_mentions"]
    return [
        (
            "Figures over time, per count type and source",
            _chart_or_note("figures", r["figures"], charts.figures_chart, "No dated figures yet.")
            + _cut(data, "figures", "figures"),
        ),
        ("Conflicts: different values for the same count of one incident", conflicts),
        (
            "Timeline of dated facts",
            _chart_or_note("timeline", r["timeline"], charts.timeline_chart, "No dated facts yet.")
            + _cut(data, "timeline", "facts"),
        ),
        (
            "Incidents: every outlet's figures for the largest incidents",
            _chart_or_note("incidents", r["incidents"], charts.incidents_chart, "No incidents yet.")
            + table(
                list(r["incident_summary"][0]) if r["incident_summary"] else [],
                [list(x.values()) for x in r["incident_summary"]],
            ),
        ),
        (
            "Top entities and their co-mentions",
            _chart_or_note("entities", r["entities"], charts.entities_chart, "No entities yet.")
            + table(ent_cols, [[e[k] for k in ent_cols] for e in r["entities"]])
            + table(["entity", "with", "articles"], [list(p.values()) for p in r["pairs"]]),
        ),
        (
            "Boilerplate removed per outlet",
            _chart_or_note(
                "boilerplate", r["boilerplate"], charts.boilerplate_chart, "No articles."
            )
            + table(
                list(r["boilerplate"][0]) if r["boilerplate"] else [],
                [list(b.values()) for b in r["boilerplate"]],
            ),
        ),
    ]


def render_report(data: ReportData, js_bundle: str) -> str:
    o = data.rows["overview"][0]
    span = f"{o['first_day']} to {o['last_day']}" if o["first_day"] else "no publication dates"
    subtitle = (
        f"{o['articles']} articles from {o['outlets']} known outlets, published {span}. "
        f"Generated {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC."
    )
    return page("akhbar: what the sources said", subtitle, _sections(data), js_bundle)


def _js_bundle() -> str:
    """vega + vega-lite + vega-embed, with the Vega-Lite version Altair writes specs for."""
    import altair as alt
    import vl_convert

    wanted = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    version = wanted if wanted in vl_convert.get_vegalite_versions() else None
    return vl_convert.javascript_bundle(vl_version=version)


def write_report(root: Path, out: Path) -> ReportSummary:
    """Write the page to ``out`` (temp file, then rename: never a half-written page)."""
    data = load_report_data(root)
    text = render_report(data, _js_bundle())
    out = out.resolve()
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
    counts = {k: len(v) for k, v in data.rows.items() if k != "overview"}
    return ReportSummary(out, out.stat().st_size, counts)
