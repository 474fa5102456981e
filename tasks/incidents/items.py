"""One article's figures as incident items, and its quotes' incidents once figures have theirs."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from datetime import date

from tasks.incidents.group import Item, Place
from tasks.incidents.kinds import kind_of

__all__ = ["article_items", "place_of", "quote_links"]

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


def quote_links(
    article_id: str, quotes: list[dict], figure_links: dict[int, str], text_breaks: list[int]
) -> dict[int, str]:
    """Quote start -> incident: the incident of the nearest linked figure in the quote's
    paragraph, else the article's most counted incident.

    ``figure_links`` maps this article's figure starts to incidents; ``text_breaks`` are
    the offsets of its paragraph breaks, sorted.
    """
    if not figure_links:
        return {}
    main = Counter(figure_links.values()).most_common(1)[0][0]
    para = {start: bisect_right(text_breaks, start) for start in figure_links}
    out: dict[int, str] = {}
    for q in quotes:
        mine = bisect_right(text_breaks, q["start"])
        near = [s for s in figure_links if para[s] == mine]
        if near:
            out[q["start"]] = figure_links[min(near, key=lambda s: abs(s - q["start"]))]
        else:
            out[q["start"]] = main
    return out
