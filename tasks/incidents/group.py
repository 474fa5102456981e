"""Group counts into real-world incidents and campaigns, across clauses, articles and outlets.

An *item* is one figure (or quote) with its kind, scope, place, day and its article's
named entities. Items of one article are grouped first (one incident per place and day;
a breakdown joins the count before it; running totals form campaigns). Each local group
then joins the best known incident of its scope (same country, near in time, compatible
kind and place, shared names) or starts a new one. Articles are taken in publication
order, so an incident's id (a hash of its first item) is stable across runs and rebuilds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from akhbar.data import read_rows
from tasks.incidents.kinds import compatible

__all__ = ["Incident", "Item", "Place", "assign"]

# A toll is revised over days ("مقتل 30" on Monday, "58" on Wednesday): reports this
# many days apart (between an incident's first and last day and a new count) can be one
# incident. Calibrated on the tune part of the gold: 2 split the Grenfell-style
# revisions, 5 started merging the weekly Gaza Fridays.
INCIDENT_WINDOW_DAYS = 3
# Counts in one article this many days apart are one incident ("الجمعة ... السبت").
LOCAL_WINDOW_DAYS = 1
# A running total keeps its campaign this long after the campaign's last report.
CAMPAIGN_WINDOW_DAYS = 60
# Share of named entities two articles must have in common (Jaccard) to put counts
# with only a country in common into one incident; counts with no place need more.
MIN_SHARED_NAMES = 0.15
MIN_SHARED_NAMES_NO_PLACE = 0.3


@dataclass(frozen=True)
class Place:
    location_id: str | None = None
    country: str | None = None
    parent: str | None = None
    is_country: bool = False


@dataclass
class Item:
    article_id: str
    start: int
    kind: str
    scope: str  # incident | cumulative | breakdown
    place: Place
    day: date | None
    names: frozenset[str] = frozenset()  # the article's named entities
    period_start: str | None = None


@dataclass
class Incident:
    incident_id: str
    kind: str
    scope: str  # incident | campaign
    place: Place
    first_day: date | None
    last_day: date | None
    names: set[str] = field(default_factory=set)
    period_start: str | None = None

    def extend(self, items: list[Item]) -> None:
        days = [d for d in (self.first_day, self.last_day, *(i.day for i in items)) if d]
        self.first_day, self.last_day = (min(days), max(days)) if days else (None, None)
        for i in items:
            self.names |= i.names
            if self.place.location_id is None and i.place.location_id is not None:
                self.place = i.place
            self.period_start = self.period_start or i.period_start


def assign(
    articles: Iterable[list[Item]], known: list[Incident]
) -> tuple[dict[tuple[str, int], str], list[Incident]]:
    """Link every item to an incident: ``((article_id, start) -> incident_id, incidents)``.

    ``articles`` are the items of each new article, in publication order; ``known`` are
    the warehouse's incidents near them. Items left unlinked: counts with no day.
    """
    incidents = list(known)
    index = _WeekIndex()
    for inc in incidents:
        index.add(inc)
    links: dict[tuple[str, int], str] = {}
    for items in articles:
        for group in _local_groups(items):
            window = CAMPAIGN_WINDOW_DAYS if _scope(group) == "campaign" else INCIDENT_WINDOW_DAYS
            inc = _best(group, index.near(group, window))
            if inc is None:
                inc = _new(group)
                incidents.append(inc)
            inc.extend(group)
            index.add(inc)
            for i in group:
                links[(i.article_id, i.start)] = inc.incident_id
    return links, incidents


class _WeekIndex:
    """Incidents by the weeks their days span: a new count is compared with the incidents
    of its own weeks only, so linking stays linear in a large warehouse's run."""

    def __init__(self) -> None:
        self.weeks: dict[int, dict[str, Incident]] = {}

    def add(self, inc: Incident) -> None:
        if inc.first_day is None or inc.last_day is None:
            return
        for week in range(_week(inc.first_day), _week(inc.last_day) + 1):
            self.weeks.setdefault(week, {})[inc.incident_id] = inc

    def near(self, group: list[Item], window: int) -> list[Incident]:
        days = [i.day for i in group if i.day is not None]
        if not days:
            return []
        lo, hi = _week(min(days)) - window // 7 - 1, _week(max(days)) + window // 7 + 1
        found: dict[str, Incident] = {}
        for week in range(lo, hi + 1):
            found.update(self.weeks.get(week, {}))
        return sorted(found.values(), key=lambda inc: inc.incident_id)


def _week(day: date) -> int:
    return day.toordinal() // 7


def _local_groups(items: list[Item]) -> list[list[Item]]:
    groups: list[list[Item]] = []
    last: list[Item] | None = None
    for item in sorted(items, key=lambda i: i.start):
        if item.day is None:
            continue
        if item.scope == "breakdown" and last is not None:
            last.append(item)  # "16 قتيلا بينهم ثمانية مسلحين": part of the 16
            continue
        campaign = item.scope == "cumulative"
        home = next((g for g in groups if _same_local(g[0], item, campaign)), None)
        if home is None:
            home = []
            groups.append(home)
        home.append(item)
        last = home
    return groups


def _same_local(a: Item, b: Item, campaign: bool) -> bool:
    if (a.scope == "cumulative") != campaign:
        return False
    if campaign:  # running totals of one article in one country: one campaign
        return _place_score(a.place, b.place, campaign=True) >= 0
    if not compatible(a.kind, b.kind) or _place_score(a.place, b.place) < 0:
        return False
    return abs((a.day - b.day).days) <= LOCAL_WINDOW_DAYS  # type: ignore[operator]


def _scope(group: list[Item]) -> str:
    return "campaign" if group[0].scope == "cumulative" else "incident"


def _best(group: list[Item], incidents: list[Incident]) -> Incident | None:
    head = group[0]
    scope = _scope(group)
    names = frozenset().union(*(i.names for i in group))
    places = list(dict.fromkeys(i.place for i in group))
    window = CAMPAIGN_WINDOW_DAYS if scope == "campaign" else INCIDENT_WINDOW_DAYS
    best, best_score = None, 0.0
    incidents = sorted(incidents, key=_created)
    campaign = scope == "campaign"
    for inc in incidents:
        # a campaign's running totals are of deaths, arrests, the displaced: one war or
        # movement whatever each report calls its latest events
        if inc.scope != scope or not _kinds_meet(inc.kind, head.kind, campaign):
            continue
        if campaign and not _same_period(inc.period_start, head.period_start):
            continue  # "منذ انطلاق عملية الحديدة" (May 2018) is not "منذ 2015"
        if not _near(inc, group, window):
            continue
        # the group's best-placed count speaks for it ("62 فلسطينيا" placed in Israel,
        # "116 فلسطينيا" in Gaza: one article's totals of one campaign)
        place = max(_place_score(inc.place, p, campaign) for p in places)
        if place < 0:
            continue
        shared = _jaccard(names, inc.names)
        if place == 0 and shared < MIN_SHARED_NAMES_NO_PLACE:
            continue
        if place == 1 and shared < MIN_SHARED_NAMES:
            continue
        score = place + shared
        if score > best_score:
            best, best_score = inc, score
    return best


# Kinds a movement's or a war's running totals mix: protesters shot, clashes, strikes.
_CAMPAIGN_FAMILY = frozenset({"protest", "attack", "clash", "strike", "security_operation"})


def _kinds_meet(a: str, b: str, campaign: bool) -> bool:
    return compatible(a, b) or (campaign and {a, b} <= _CAMPAIGN_FAMILY)


def _same_period(a: str | None, b: str | None) -> bool:
    """Two running totals' period starts (ISO day, month or year) are the same year."""
    return a is None or b is None or a[:4] == b[:4]


def _created(inc: Incident) -> tuple:
    return (inc.first_day or date.min, inc.incident_id)


def _near(inc: Incident, group: list[Item], window: int) -> bool:
    if inc.first_day is None or inc.last_day is None:
        return False
    for i in group:
        if i.day is not None and (
            (inc.first_day - i.day).days <= window and (i.day - inc.last_day).days <= window
        ):
            return True
    return False


@cache
def _neighbours() -> frozenset[frozenset[str]]:
    """Country pairs one incident may span (``incidents/neighbours.tsv``)."""
    return frozenset(frozenset(row[:2]) for row in read_rows("incidents/neighbours.tsv"))


def _place_score(a: Place, b: Place, campaign: bool = False) -> int:
    """2 same place, 1 one holds the other (or only a country is known on a side), 0 a side
    has no place or the sides lie across a border, -1 places that cannot be one
    incident's. A campaign spans a country's towns: two places of one country score 1."""
    if a.location_id is None or b.location_id is None:
        return 0
    if a.location_id == b.location_id:
        return 2
    if a.country and b.country and a.country != b.country:
        return 0 if frozenset((a.country, b.country)) in _neighbours() else -1
    if b.location_id in (a.parent,) or a.location_id in (b.parent,):
        return 1
    if (a.is_country and a.country == b.country) or (b.is_country and b.country == a.country):
        return 1
    if campaign and a.country is not None and a.country == b.country:
        return 1
    if a.country is None or b.country is None:
        return 0  # a place the gazetteer does not know: where it lies is unknown
    return -1  # two different towns or regions of one country: two incidents


def _jaccard(a: frozenset[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _new(group: list[Item]) -> Incident:
    head = group[0]
    digest = hashlib.sha1(f"{head.article_id}:{head.start}".encode()).hexdigest()[:12]
    places = [i.place for i in group if i.place.location_id]
    return Incident(
        incident_id=f"inc:{digest}",
        kind=head.kind,
        scope=_scope(group),
        place=places[0] if places else Place(),
        first_day=None,
        last_day=None,
    )
