"""One article's figures as incident items, and its quotes' incidents once figures have theirs."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from tasks.extract.common.dates import period_bound
from tasks.incidents.group import Item, Place
from tasks.incidents.kinds import kind_of

__all__ = ["article_items", "past_times", "place_of", "quote_links"]

# A quote this close to a figure (in characters, about a paragraph) speaks of its
# incident; a farther one of the article's most counted incident.
QUOTE_NEAR_CHARS = 400
# A time expression this long before publication makes its sentence background (an
# earlier war, last year's protests), not news of the day.
BACKGROUND_AGE = timedelta(days=60)
# Entity kinds whose shared mentions say two articles tell one story.
NAME_KINDS = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})


def place_of(location_id: str | None, entities: dict[str, dict]) -> Place:
    """A place with what the gazetteer says of it (country, parent, is it a country)."""
    if not location_id:
        return Place()
    e = entities.get(location_id) or {}
    return Place(
        location_id, e.get("country"), e.get("parent_id"), e.get("granularity") == "country"
    )


def article_items(
    article_id: str,
    published: date | None,
    figures: list[dict],
    mentions: list[dict],
    entities: dict[str, dict],
    past: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], []),
) -> list[Item]:
    """Incident items for one article's figures. A figure with no day of its own is dated
    to its publication day. A figure whose sentence names an earlier time and no recent day
    (``past``: spans of old and of recent time expressions, from :func:`past_times`:
    "العام الماضي", "في 2014") is background, with no day and no incident."""
    names = frozenset(m["entity_id"] for m in mentions if m.get("kind") in NAME_KINDS)
    return [
        Item(
            article_id=article_id,
            start=f["start"],
            kind=kind_of(f["count_type"], f.get("sentence") or ""),
            scope=f.get("scope") or "incident",
            place=place_of(f.get("location_id"), entities),
            day=None if _in_the_past(f, past) else (f.get("date") or published),
            names=names,
            period_start=f.get("period_start"),
        )
        for f in figures
    ]


def _in_the_past(f: dict, past: tuple[list[tuple[int, int]], list[tuple[int, int]]]) -> bool:
    old, recent = past
    sentence, surface = f.get("sentence") or "", f.get("surface") or ""
    at = sentence.find(surface)
    if at < 0 or not old:
        return False
    lo = f["start"] - at
    hi = lo + len(sentence)

    def inside(spans: list[tuple[int, int]], a: int = lo, b: int = hi) -> bool:
        return any(a <= s and e <= b for s, e in spans)

    # "... في الثلاثين من مارس والذي قتل فيه في 1976 ستة فلسطينيين": the count's own
    # clause is judged first, so a recent day elsewhere in the sentence does not save it.
    cs, ce = _own_clause(sentence, at, at + len(surface))
    if inside(old, lo + cs, lo + ce) and not inside(recent, lo + cs, lo + ce):
        return True
    return inside(old) and not inside(recent)


# Where a sentence's clauses part: punctuation, or a relative pronoun opening a clause of
# its own ("والذي قتل فيه في 1976"). Normalised forms are not needed: the raw text is read.
_CLAUSE_CUT = re.compile(
    r"[\u060c,;\u061b:]|(?<!\w)[\u0648\u0641]?(?:الذي|التي|الذين|اللذين|اللتين)(?!\w)"
)


def _own_clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of ``sentence`` between the clause cuts around ``[start, end)``."""
    cs, ce = 0, len(sentence)
    for m in _CLAUSE_CUT.finditer(sentence):
        if m.end() <= start:
            cs = m.start()
        elif m.start() >= end:
            ce = m.start()
            break
    return cs, ce


def past_times(
    timex: list[dict], published: date | None, text: str
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of an article's time expressions that bound no period: those well before its
    publication (the times of background sentences), and its recent days."""
    old: list[tuple[int, int]] = []
    recent: list[tuple[int, int]] = []
    if published is None:
        return old, recent
    for t in timex:
        if period_bound(text, t) is not None:
            continue
        day = t.get("resolved_date")
        year = (t.get("value") or "")[:4]
        if (day is not None and published - day > BACKGROUND_AGE) or (
            day is None and year.isdigit() and int(year) < published.year
        ):
            old.append((t["start"], t["end"]))
        elif day is not None and t.get("precision") in ("day", "minute"):
            recent.append((t["start"], t["end"]))
    return old, recent


def quote_links(quotes: list[dict], figure_links: dict[int, str]) -> dict[int, str]:
    """Quote start -> incident: the incident of the nearest linked figure within
    ``QUOTE_NEAR_CHARS``, else the article's most counted incident."""
    if not figure_links:
        return {}
    main = Counter(figure_links.values()).most_common(1)[0][0]
    out: dict[int, str] = {}
    for q in quotes:
        near = min(figure_links, key=lambda s: abs(s - q["start"]))
        out[q["start"]] = figure_links[near] if abs(near - q["start"]) <= QUOTE_NEAR_CHARS else main
    return out
