"""docs/views.md documents exactly the views of a real warehouse, column for column.

Each ``### `view` `` section's first table lists the view's columns in order
with their DuckDB types; compared both ways with ``DESCRIBE`` on the seeded
warehouse, so the docs cannot drift from the SQL.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "views.md"
HEADING = re.compile(r"^### `(\w+)`\s*$")


def documented_views(text: str) -> dict[str, list[tuple[str, str]]]:
    """{view: [(column, type), ...]} from each section's first markdown table."""
    views: dict[str, list[tuple[str, str]]] = {}
    current: str | None = None
    in_table = False
    for line in text.splitlines():
        if m := HEADING.match(line):
            current, in_table = m.group(1), False
            views[current] = []
        elif current and line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells[0] in ("column", "") or set(cells[0]) <= {"-", ":"}:
                in_table = True
                continue
            views[current].append((cells[0].strip("`"), cells[1]))
        elif current and in_table:
            current = None  # only the first table after the heading counts
    return views


def test_parser_reads_sections_and_first_tables_only() -> None:
    text = "### `v`\n\n| column | type | meaning |\n|---|---|---|\n| `a` | INTEGER | x |\n\n"
    text += "| other | table |\n|---|---|\n| b | c |\n### `w`\n| column | type |\n|--|--|\n"
    assert documented_views(text) == {"v": [("a", "INTEGER")], "w": []}


@pytest.fixture(scope="module")
def described(seeded_warehouse: Path) -> dict[str, list[tuple[str, str]]]:
    with duckdb.connect(str(seeded_warehouse / "akhbar.duckdb"), read_only=True) as con:
        names = [
            r[0]
            for r in con.execute(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name"
            ).fetchall()
        ]
        return {v: [(r[0], r[1]) for r in con.execute(f'DESCRIBE "{v}"').fetchall()] for v in names}


def test_every_view_is_documented_and_every_documented_view_exists(described) -> None:
    docs = documented_views(DOC.read_text(encoding="utf-8"))
    assert sorted(docs) == sorted(described)


def test_documented_columns_match_the_views(described) -> None:
    docs = documented_views(DOC.read_text(encoding="utf-8"))
    for view, columns in described.items():
        assert docs.get(view) == columns, f"docs/views.md is out of date for `{view}`"
