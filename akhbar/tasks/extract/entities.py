"""Entities: gazetteer matching plus rules for unknown names (issue 6)."""

from __future__ import annotations

from akhbar.tasks.extract.context import ExtractContext


def extract_entities(ctx: ExtractContext) -> tuple[list[dict], list[dict]]:
    """Return (mentions, entity definitions); not built yet."""
    return [], []
