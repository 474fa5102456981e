"""Compile every lexicon, gazetteer and model of clean + extract before the first batch.

They are built on first use (``functools.cache``): ~2 s of regex compiling and
model loading that the first batch would otherwise pay. The CLI calls this
while Prefect's server starts on the other core, so it costs no wall time.
"""

from __future__ import annotations

from datetime import date

from tasks.clean import clean
from tasks.extract import extract_article

__all__ = ["warm_up"]

# One short article that reaches every extractor's tables: a dateline, a title and a
# name, a place, a date, figures and a quote (its content does not matter).
WARM_TEXT = (
    "باريس - قال الرئيس الفرنسي إيمانويل ماكرون يوم الاثنين 5 مارس 2018 "
    "إن 12 شخصا قتلوا وأصيب 30 آخرون في حلب."
)


def warm_up() -> None:
    extract_article(clean(WARM_TEXT), ingest_date=date(2018, 3, 6))
