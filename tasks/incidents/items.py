"""One article's figures as incident items, and its quotes' incidents once figures have theirs."""

from __future__ import annotations

from collections import Counter
from datetime import date

from tasks.incidents.group import Item, Place
from tasks.incidents.kinds import kind_of

__all__ = ["article_items", "place_of", "quote_links"]

# A quote this close to a figure (in characters, about a paragraph) speaks of its
# incident; a farther one of the article's most counted incident.
QUOTE_NEAR_CHARS = 400
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
) -> list[Item]:
    """Incident items for one article's figures (a figure with no day of its own is dated
    to its publication day)."""
    names = frozenset(m["entity_id"] for m in mentions if m.get("kind") in NAME_KINDS)
    return [
        Item(
            article_id=article_id,
            start=f["start"],
            kind=kind_of(f["count_type"], f.get("sentence") or ""),
            scope=f.get("scope") or "incident",
            place=place_of(f.get("location_id"), entities),
            day=f.get("date") or published,
            names=names,
            period_start=f.get("period_start"),
        )
        for f in figures
    ]


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
