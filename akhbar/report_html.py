"""HTML for the report page: one file, styles and scripts inline, nothing fetched.

vega, vega-lite and vega-embed come from ``vl_convert.javascript_bundle``
(the same bundle Altair inlines for ``chart.save(..., inline=True)``), put
once in the page and shared by every chart.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any

__all__ = ["chart_div", "page", "table"]

STYLE = """
body { font-family: "DejaVu Sans", "Noto Sans Arabic", sans-serif; margin: 2em auto;
       max-width: 1100px; color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
th, td { border: 1px solid #ddd; padding: 3px 6px; vertical-align: top; max-width: 24em;
         overflow-wrap: break-word; }
th { background: #f3f3f3; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.growth { color: #2a7a2a; } .disagreement { color: #b22; font-weight: bold; }
.note { color: #777; font-style: italic; }
.chart { margin: 1em 0; min-height: 40px; }
"""


_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)


def _script_safe(text: str) -> str:
    # Inside <script>, "</script" would close the element early; "<\/" means "</" in JS
    # strings and regular expressions, the only places it can occur.
    return _SCRIPT_END.sub(r"<\\/\1", text)


def chart_div(name: str, spec: dict) -> str:
    """A div that vega-embed fills with an SVG chart once the page has loaded."""
    payload = _script_safe(json.dumps(spec, ensure_ascii=False))
    return (
        f'<div class="chart" id="chart-{name}"></div>\n'
        f'<script>renderChart("#chart-{name}", {payload});</script>'
    )


def _cell(value: Any) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, bool):
        return f"<td>{'yes' if value else 'no'}</td>"
    if isinstance(value, int | float):
        return f'<td class="num">{value:,}</td>'
    if isinstance(value, list | tuple):
        value = "، ".join(str(v) for v in value)
    return f'<td dir="auto">{html.escape(str(value))}</td>'


def table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], row_class: int | None = None
) -> str:
    """An HTML table; ``row_class`` names a column whose value becomes the row's CSS class."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for r in rows:
        cls = f' class="{html.escape(str(r[row_class]))}"' if row_class is not None else ""
        body.append(f"<tr{cls}>{''.join(_cell(v) for v in r)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def note(text: str) -> str:
    return f'<p class="note">{html.escape(text)}</p>'


RENDER_JS = """
function renderChart(selector, spec) {
  vegaEmbed(selector, spec, {renderer: "svg", actions: false}).catch(function (e) {
    document.querySelector(selector).textContent = "chart failed: " + e;
  });
}
"""


def page(title: str, subtitle: str, sections: Sequence[tuple[str, str]], js_bundle: str) -> str:
    """The whole document; ``sections`` are (heading, inner HTML) pairs."""
    body = "\n".join(f"<h2>{html.escape(h)}</h2>\n{inner}" for h, inner in sections)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>{STYLE}</style>
<script>{_script_safe(js_bundle)}</script>
<script>{RENDER_JS}</script>
</head>
<body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(subtitle)}</p>
{body}
</body>
</html>
"""
