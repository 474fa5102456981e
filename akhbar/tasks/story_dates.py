"""Writing days of undated articles, from the dated articles of the same story.

An article with no publication date and no absolute date in its text ("قال
الاثنين ..." only) cannot be dated from its own words. If the warehouse holds
articles on the same story (many shared canonical entities) whose dates fall
in a short span, and the article's most-mentioned weekday occurs exactly once
in that span, that day is taken as its writing day (``anchor = inferred``).
Everything else stays undated: a weekday is never given a year it might not
have.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["StoryEvidence", "infer_story_date"]

# Canonical entities two articles must share to be "the same story". The
# five seed articles on one week of Kazakh unrest share 4-10 (Tokayev,
# Kazakhstan, Almaty, the CSTO, Putin...); two articles that merely name one
# country and its capital share 2.
MIN_SHARED_ENTITIES = 4
# How many of the most similar dated articles vote on the window.
NEIGHBOURS = 5
# Dated neighbours must agree within this span, else they are different
# stories (or a running story too long to pin a weekday).
MAX_NEIGHBOUR_SPAN_DAYS = 7
# A piece usually runs within a few days of the events its siblings date;
# the window around the neighbours' dates where its writing day may fall.
WINDOW_MARGIN_DAYS = 3


@dataclass(frozen=True)
class StoryEvidence:
    entities: frozenset[str]
    day: date | None  # publication or in-text inferred writing day, when known


def _window(neighbours: list[date]) -> tuple[date, date] | None:
    lo, hi = min(neighbours), max(neighbours)
    if (hi - lo).days > MAX_NEIGHBOUR_SPAN_DAYS:
        return None
    return lo - timedelta(days=WINDOW_MARGIN_DAYS), hi + timedelta(days=WINDOW_MARGIN_DAYS)


def infer_story_date(
    entities: frozenset[str], weekdays: Counter[int], dated: dict[str, StoryEvidence]
) -> date | None:
    """The writing day of an undated article, or None when it is not pinned down.

    ``weekdays`` counts the article's unresolved weekday mentions by ISO
    weekday; ``dated`` holds the other articles with a known day.
    """
    if not weekdays or not entities:
        return None
    scored = sorted(
        ((len(entities & ev.entities), aid, ev.day) for aid, ev in dated.items() if ev.day),
        reverse=True,
    )
    neighbours = [d for n, _aid, d in scored[:NEIGHBOURS] if n >= MIN_SHARED_ENTITIES and d]
    if not neighbours:
        return None
    window = _window(neighbours)
    if window is None:
        return None
    (top, count), *rest = weekdays.most_common()
    if rest and rest[0][1] == count:
        return None  # two weekdays equally prominent: no single writing day
    days = [
        window[0] + timedelta(days=i)
        for i in range((window[1] - window[0]).days + 1)
        if (window[0] + timedelta(days=i)).isoweekday() == top
    ]
    return days[0] if len(days) == 1 else None
