"""Extract stage: run every extractor over one cleaned article.

Order matters: entities feed figures' places and quotes' speakers; timex
feeds the dates of figures and quotes.
"""

from __future__ import annotations

from datetime import date

from tasks.clean import CleanResult
from tasks.extract.common.context import ExtractContext
from tasks.extract.entities import extract_entities
from tasks.extract.figures import extract_figures
from tasks.extract.quotes import extract_quotes
from tasks.extract.timex import attach_dates, extract_timex

__all__ = ["ExtractContext", "Facts", "extract_article"]

Facts = dict[str, list[dict]]  # table name -> rows without article_id


def extract_article(
    cleaned: CleanResult, *, ingest_date: date | None = None, story_date: date | None = None
) -> Facts:
    ctx = ExtractContext.from_visible(
        cleaned.text,
        cleaned.visible,
        published_at=cleaned.published_at,
        published_precision=cleaned.published_precision,
        ingest_date=ingest_date,
        story_date=story_date,
    )
    mentions, defs = extract_entities(ctx)
    ctx.mentions.extend(mentions)
    ctx.entities.update({d["entity_id"]: d for d in defs})
    ctx.timex.extend(extract_timex(ctx))
    figures = extract_figures(ctx)
    quotes = extract_quotes(ctx)
    # A figure or quote takes the date stated in its own sentence, when there is one.
    undated = [r for r in (*figures, *quotes) if r.get("date") is None]
    attach_dates(undated, ctx.timex, ctx.visible)
    return {
        "entity_defs": list(ctx.entities.values()),
        "mentions": ctx.mentions,
        "timex": ctx.timex,
        "figures": figures,
        "quotes": quotes,
    }
