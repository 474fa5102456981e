"""Extract stage: run every extractor over one cleaned article.

Extractors are the subpackages of this package (``entities/``, ``timex/``,
``figures/``, ``quotes/``), found at import and run in their declared order
(:mod:`tasks.extract.common.extractor`); what they share (the article's
context, the phrase scan, name words, date attachment) is in ``common/``.
"""

from __future__ import annotations

import pkgutil
from datetime import date
from importlib import import_module

from akhbar.schemas import EXTRACT_TABLES
from tasks.clean import CleanResult
from tasks.extract.common.context import ExtractContext
from tasks.extract.common.extractor import Extractor

__all__ = [
    "EXTRACTORS",
    "ExtractContext",
    "Facts",
    "dateline_span",
    "error_row",
    "extract_article",
    "lead_span",
]

Facts = dict[str, list[dict]]  # table name -> rows without article_id
# Longest error text kept per failure: the exception's type and the start of its message.
MAX_ERROR_CHARS = 300


def _discover() -> tuple[Extractor, ...]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = import_module(f"{__name__}.{info.name}")
        if isinstance(getattr(module, "EXTRACTOR", None), Extractor):
            found.append(module.EXTRACTOR)
    return tuple(sorted(found, key=lambda x: x.order))


EXTRACTORS = _discover()


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
        dateline=dateline_span(cleaned),
        lead=lead_span(cleaned),
        headline=cleaned.title if cleaned.title_span is None else None,
    )
    facts: Facts = {t: [] for t in EXTRACT_TABLES}
    for extractor in EXTRACTORS:
        try:
            facts.update(extractor.run(ctx))
        except Exception as e:  # one rule's bug costs its table's rows, never the article
            facts["extract_errors"].append(error_row(extractor.name, e))
    return facts


def lead_span(cleaned: CleanResult) -> tuple[int, int] | None:
    """The headline (when the text has one) through the first body paragraph."""
    if not cleaned.body_spans:
        return None
    start, end = cleaned.body_spans[0]
    if cleaned.title_span is not None:
        start = min(start, cleaned.title_span[0])
    return start, end


def dateline_span(cleaned: CleanResult) -> tuple[int, int] | None:
    """Source span of the dateline's place name, when the text opens with one."""
    if not cleaned.dateline:
        return None
    for b in cleaned.boilerplate:
        if b["kind"] == "dateline":
            at = cleaned.text.find(cleaned.dateline, b["start"], b["end"])
            return (at, at + len(cleaned.dateline)) if at >= 0 else None
    return None


def error_row(stage: str, e: BaseException) -> dict:
    """An ``extract_errors`` row (without article_id and run_id) for one failure."""
    text = " ".join(f"{type(e).__name__}: {e}".split())
    return {"extractor": stage, "error": text[:MAX_ERROR_CHARS]}
