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

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["EvidenceIndex", "StoryEvidence", "infer_story_date", "weekday_counts"]

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
# When the postings of an article's rarest entities list more dated articles
# than this, its entities are too common to single out a story (a country
# and its leader in a national outlet's archive), so it is not dated. It also
# bounds the search at ~1 ms per article: the synthetic benchmark corpus,
# drawn from a small pool of names, otherwise cost 0.8 ms per held article
# against 1,000 dated ones and grew with the warehouse.
MAX_PROBE_POSTINGS = 1000


@dataclass(frozen=True)
class StoryEvidence:
    entities: frozenset[str]
    day: date | None  # publication or in-text inferred writing day, when known


def _window(neighbours: list[date]) -> tuple[date, date] | None:
    lo, hi = min(neighbours), max(neighbours)
    if (hi - lo).days > MAX_NEIGHBOUR_SPAN_DAYS:
        return None
    return lo - timedelta(days=WINDOW_MARGIN_DAYS), hi + timedelta(days=WINDOW_MARGIN_DAYS)


class EvidenceIndex:
    """Dated articles by canonical entity, for finding an article's story neighbours.

    A neighbour shares at least ``MIN_SHARED_ENTITIES`` of the article's k
    entities, so it holds one of the k - MIN + 1 rarest (pigeonhole): only
    those entities' postings are scanned, not every dated article.
    """

    def __init__(self, dated: dict[str, StoryEvidence]) -> None:
        self.dated = {a: ev for a, ev in dated.items() if ev.day is not None}
        self.postings: dict[str, list[str]] = {}
        for aid, ev in self.dated.items():
            for e in ev.entities:
                self.postings.setdefault(e, []).append(aid)

    def neighbours(self, entities: frozenset[str]) -> list[date]:
        """Days of the most similar dated articles sharing enough entities."""
        if len(entities) < MIN_SHARED_ENTITIES:
            return []
        rare = sorted(entities, key=lambda e: len(self.postings.get(e, ())))
        probe = [self.postings.get(e, []) for e in rare[: len(rare) - MIN_SHARED_ENTITIES + 1]]
        if sum(map(len, probe)) > MAX_PROBE_POSTINGS:
            return []
        candidates = {a for postings in probe for a in postings}
        scored = sorted(
            ((len(entities & self.dated[a].entities), a) for a in candidates), reverse=True
        )
        return [self.dated[a].day for n, a in scored[:NEIGHBOURS] if n >= MIN_SHARED_ENTITIES]


def infer_story_date(
    entities: frozenset[str], weekdays: Counter[int], index: EvidenceIndex
) -> date | None:
    """The writing day of an undated article, or None when it is not pinned down.

    ``weekdays`` counts the article's unresolved weekday mentions by ISO
    weekday; ``index`` holds the other articles with a known day.
    """
    if not weekdays or not entities:
        return None
    neighbours = index.neighbours(entities)
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


_WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-([1-7])")


def weekday_counts(published_at: object, timex: list[dict]) -> Counter[int] | None:
    """Unresolved weekday mentions of an article that nothing else dates, else None."""
    if published_at is not None or any(t.get("anchor") not in (None, "none") for t in timex):
        return None
    counts: Counter[int] = Counter(
        int(m.group(1)) for t in timex if (m := _WEEKDAY_VALUE.match(t.get("value") or ""))
    )
    return counts or None
