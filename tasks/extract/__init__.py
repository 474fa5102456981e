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

from akhbar.schemas import FACT_TABLES
from tasks.clean import CleanResult
from tasks.extract.common.context import ExtractContext
from tasks.extract.common.extractor import Extractor

__all__ = ["EXTRACTORS", "ExtractContext", "Facts", "extract_article"]

Facts = dict[str, list[dict]]  # table name -> rows without article_id


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
    )
    facts: Facts = {t: [] for t in FACT_TABLES}
    for extractor in EXTRACTORS:
        facts.update(extractor.run(ctx))
    return facts
