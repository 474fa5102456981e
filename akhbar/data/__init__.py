"""Linguistic knowledge as data files (word lists, gazetteers, markers).

Every file starts with ``#`` comment lines saying where its list comes from.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent


@cache
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of ``akhbar/data/NAME``, comments and blanks skipped.

    ``\\uXXXX`` escapes in fields are decoded, so character tables can name
    invisible code points explicitly.
    """
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(_unescape(f.strip()) for f in line.split("\t"))
        rows.append(fields)
    return tuple(rows)


def _unescape(s: str) -> str:
    return s.encode("ascii", "backslashreplace").decode("unicode_escape") if "\\u" in s else s
