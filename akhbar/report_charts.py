"""Vega-Lite specs (built with Altair) for the report page.

Each function takes rows as plain dicts (dates already ISO strings) and
returns a Vega-Lite spec dict; the page embeds the specs and renders them
with the inlined vega-embed, so nothing is fetched when the page is viewed.
"""

from __future__ import annotations

from typing import Any

import altair as alt

__all__ = [
    "boilerplate_chart",
    "entities_chart",
    "figures_chart",
    "incidents_chart",
    "timeline_chart",
]

Rows = list[dict[str, Any]]

# Wide enough for ten days of ticks and the legend on a laptop screen; charts
# are SVG, so a wider window does not blur them.
CHART_WIDTH = 640
# One facet row per count type: 140 px keeps a log axis readable with 4-5 rows.
FACET_HEIGHT = 140
# Per-bar height of the horizontal bar charts.
BAR_STEP = 22


def _data(rows: Rows) -> alt.Data:
    return alt.Data(values=rows)


def _day_axis(column: str) -> alt.X:
    # Dates are days: bin to the UTC day so the axis shows one tick per day (not hours) and
    # no reader's time zone shifts a date to the day before.
    return alt.X(
        f"utcyearmonthdate({column}):T",
        title="date",
        # 12 px of padding keeps the first and last day's dots off the chart's edges.
        scale=alt.Scale(padding=12),
        axis=alt.Axis(format="%d %b", tickCount={"interval": "day", "step": 1}),
    )


def _day_tooltip(column: str) -> alt.Tooltip:
    return alt.Tooltip(f"utcyearmonthdate({column}):T", title="date", format="%Y-%m-%d")


def figures_chart(rows: Rows) -> dict:
    """Figures over time: one row per count type, colour = source, shape = qualifier.

    Values span orders of magnitude (103 killed in a city, 7939 arrested), so
    the y axis is logarithmic and independent per count type; a range or
    vague figure also draws a line from value to value_max.
    """
    base = alt.Chart().encode(
        x=_day_axis("report_date"),
        y=alt.Y("value:Q", title="value", scale=alt.Scale(type="log")),
        color=alt.Color("who:N", title="source"),
    )
    tooltip = [
        alt.Tooltip("who:N", title="source"),
        _day_tooltip("report_date"),
        "value:Q",
        "value_max:Q",
        "qualifier:N",
        "place:N",
        "sentence:N",
    ]
    points = base.mark_point(size=70, filled=True).encode(
        shape=alt.Shape("qualifier:N"), tooltip=tooltip
    )
    ranges = (
        base.mark_rule(strokeWidth=2)
        .encode(y2="value_max:Q")
        .transform_filter("isValid(datum.value_max) && datum.value_max > datum.value")
    )
    chart = (
        alt.layer(ranges, points, data=_data(rows))
        .properties(width=CHART_WIDTH, height=FACET_HEIGHT)
        .facet(row=alt.Row("count_type:N", title=None))
        .resolve_scale(y="independent")
    )
    return chart.to_dict()


def incidents_chart(rows: Rows) -> dict:
    """The largest incidents, one row each: every outlet's figures over time (colour =
    outlet, shape = count type), so a toll growing or two outlets disagreeing shows."""
    tooltip = [
        alt.Tooltip("who:N", title="source"),
        _day_tooltip("report_date"),
        "count_type:N",
        "value:Q",
        "qualifier:N",
        "scope:N",
        "sentence:N",
    ]
    chart = (
        alt.Chart(_data(rows))
        .mark_point(size=70, filled=True)
        .encode(
            x=_day_axis("report_date"),
            y=alt.Y("value:Q", title="value", scale=alt.Scale(type="log")),
            color=alt.Color("who:N", title="source"),
            shape=alt.Shape("count_type:N", title="count"),
            detail="count_type:N",
            tooltip=tooltip,
        )
        .properties(width=CHART_WIDTH, height=FACET_HEIGHT)
        .facet(row=alt.Row("incident:N", title=None, header=alt.Header(labelAngle=0)))
        .resolve_scale(y="independent", x="independent")
    )
    return chart.to_dict()


def timeline_chart(rows: Rows) -> dict:
    """Every dated fact as a dot: x = date, y = source, colour = kind (figure, quote, ...)."""
    n_sources = len({r["who"] for r in rows})
    chart = (
        alt.Chart(_data(rows))
        .mark_circle(size=80, opacity=0.7)
        .encode(
            x=_day_axis("resolved_date"),
            y=alt.Y("who:N", title="source"),
            color=alt.Color("kind:N"),
            tooltip=[
                _day_tooltip("resolved_date"),
                "kind:N",
                "who:N",
                "detail:N",
                "text:N",
            ],
        )
        .properties(width=CHART_WIDTH, height=max(n_sources, 1) * BAR_STEP * 2)
    )
    return chart.to_dict()


def entities_chart(rows: Rows) -> dict:
    """Top entities by mentions, colour = kind."""
    chart = (
        alt.Chart(_data(rows))
        .mark_bar()
        .encode(
            x=alt.X("mentions:Q"),
            y=alt.Y("label:N", sort="-x", title=None),
            color=alt.Color("kind:N"),
            tooltip=["label:N", "kind:N", "mentions:Q", "articles:Q", "co_mentioned:Q"],
        )
        .properties(width=CHART_WIDTH // 2, height=alt.Step(BAR_STEP))
    )
    return chart.to_dict()


def boilerplate_chart(rows: Rows) -> dict:
    """Share of each outlet's text removed as boilerplate."""
    chart = (
        alt.Chart(_data(rows))
        .mark_bar()
        .encode(
            x=alt.X("removed_share:Q", title="share of text removed", axis=alt.Axis(format="%")),
            y=alt.Y("who:N", sort="-x", title=None),
            tooltip=[
                "who:N",
                "articles:Q",
                "spans:Q",
                "removed_chars:Q",
                "text_chars:Q",
                alt.Tooltip("removed_share:Q", format=".1%"),
                "kinds:N",
            ],
        )
        .properties(width=CHART_WIDTH // 2, height=alt.Step(BAR_STEP))
    )
    return chart.to_dict()
