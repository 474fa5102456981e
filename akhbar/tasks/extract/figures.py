"""Counted facts: killed, wounded, arrested, ... (issue 4)."""

from __future__ import annotations

from akhbar.tasks.extract.context import ExtractContext


def extract_figures(ctx: ExtractContext) -> list[dict]:
    """Return FIGURES rows; not built yet."""
    return []
