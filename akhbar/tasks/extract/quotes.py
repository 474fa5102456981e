"""Quotations with speaker, verb and attribution (issue 6)."""

from __future__ import annotations

from akhbar.tasks.extract.context import ExtractContext


def extract_quotes(ctx: ExtractContext) -> list[dict]:
    """Return QUOTES rows; not built yet."""
    return []
