"""What an extractor is, so the extract stage can find and run every one of them.

Each subpackage of ``tasks/extract/`` (but ``common``) exposes ``EXTRACTOR``:
a name, its place in the order (entities feed figures' places and quotes'
speakers; timex feeds their dates) and a function from the article's context
to rows per table. Adding an extractor is a subpackage with an ``EXTRACTOR``,
its table's schema in ``akhbar/schemas.py`` (``FACT_TABLES``) and its staging
view under ``warehouse/views/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tasks.extract.common.context import ExtractContext

__all__ = ["Extractor", "Rows"]

Rows = dict[str, list[dict]]  # table name -> rows without article_id


@dataclass(frozen=True)
class Extractor:
    name: str
    order: int  # extractors run by ascending order; later ones read what earlier ones found
    run: Callable[[ExtractContext], Rows]
