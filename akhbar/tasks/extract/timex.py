"""Temporal expressions as TIMEX3 rows (issue 5)."""

from __future__ import annotations

from akhbar.tasks.extract.context import ExtractContext


def extract_timex(ctx: ExtractContext) -> list[dict]:
    """Return TIMEX rows; not built yet."""
    return []
