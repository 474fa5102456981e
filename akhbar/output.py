"""How query results reach the user: CSV, JSON, or a table cut to the terminal, wide, or paged.

A table printed on a terminal fits its width, as Rich draws it; anywhere else
(a pipe, a file) and with ``--wide`` it keeps every column whole, since there
is no screen edge to fit and a grid of ``…`` helps nobody. ``--pager`` shows
the whole-width table through ``$PAGER`` (``less -S -R`` by default: scroll
sideways instead of wrapping).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import subprocess
import sys
from typing import TextIO

from rich.console import Console
from rich.table import Table

__all__ = ["DEFAULT_PAGER", "page", "render_table", "table", "write_csv", "write_json"]

# less: -S chops long lines and scrolls sideways, -R keeps the table's colours.
DEFAULT_PAGER = "less -S -R"
# Widest table rendered "whole": Rich needs a console width; this one exceeds any
# row of real results (a cell of news text is a few thousand characters at most).
UNLIMITED_WIDTH = 100_000


def write_csv(cols: list[str], rows: list[tuple], stream: TextIO) -> None:
    """RFC 4180 fields with LF line ends, as DuckDB's and psql's CSV output use."""
    w = csv.writer(stream, lineterminator="\n")
    w.writerow(cols)
    w.writerows(rows)


def write_json(cols: list[str], rows: list[tuple], stream: TextIO) -> None:
    records = [dict(zip(cols, r, strict=True)) for r in rows]
    stream.write(json.dumps(records, ensure_ascii=False, default=str, indent=1) + "\n")


def table(title: str | None, cols: list[str], rows: list[tuple]) -> Table:
    """A Rich table of query results (None shown as an empty cell)."""
    t = Table(title=title, show_header=True)
    for c in cols:
        t.add_column(c)
    for r in rows:
        t.add_row(*("" if v is None else str(v) for v in r))
    return t


def render_table(
    title: str | None, cols: list[str], rows: list[tuple], *, whole: bool, color: bool = False
) -> str:
    """The table as text: ``whole`` keeps every column at its natural width."""
    buf = io.StringIO()
    width = UNLIMITED_WIDTH if whole else None
    console = Console(file=buf, width=width, force_terminal=color, highlight=False)
    console.print(table(title, cols, rows))
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines()) + "\n"


def page(text: str, command: str | None = None) -> None:
    """Show ``text`` through a pager (``command``, else ``$PAGER``, else less -S -R)."""
    argv = shlex.split(command or os.environ.get("PAGER") or DEFAULT_PAGER)
    try:
        subprocess.run(argv, input=text, text=True, check=False)
    except OSError:  # no such pager: print instead
        sys.stdout.write(text)
