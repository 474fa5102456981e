"""Writing days of undated articles from dated articles of the same story."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from datetime import date

import duckdb

from tasks.story.infer import (
    MAX_PROBE_POSTINGS,
    MIN_SHARED_ENTITIES,
    NEIGHBOURS,
    EvidenceIndex,
    StoryEvidence,
    infer_story_date,
    weekday_counts,
)

STORY = frozenset({"per:tokayev", "loc:kz", "loc:almaty", "org:csto", "per:putin"})
MON, TUE = 1, 2


def _dated(*days: date, entities: frozenset[str] = STORY) -> EvidenceIndex:
    return EvidenceIndex({f"a{i}": StoryEvidence(entities, d) for i, d in enumerate(days)})


def test_monday_of_the_story_week():
    dated = _dated(date(2022, 1, 8), date(2022, 1, 9), date(2022, 1, 12))
    assert infer_story_date(STORY, Counter({MON: 4, TUE: 1}), dated) == date(2022, 1, 10)


def test_unrelated_articles_do_not_date_it():
    other = frozenset({"loc:kz", "loc:astana", "per:someone", "org:un"})
    dated = _dated(date(2022, 1, 8), date(2022, 1, 9), entities=other)
    assert infer_story_date(STORY, Counter({MON: 2}), dated) is None


def test_neighbours_spread_over_months_are_not_one_story():
    dated = _dated(date(2022, 1, 8), date(2022, 3, 9))
    assert infer_story_date(STORY, Counter({MON: 2}), dated) is None


def test_weekday_twice_in_the_window_is_ambiguous():
    # neighbours 1..8 January: the window 29 Dec..11 Jan holds two Mondays... and three
    dated = _dated(date(2022, 1, 1), date(2022, 1, 8))
    assert infer_story_date(STORY, Counter({MON: 2}), dated) is None


def test_two_equally_prominent_weekdays_give_nothing():
    dated = _dated(date(2022, 1, 9))
    assert infer_story_date(STORY, Counter({MON: 1, TUE: 1}), dated) is None


def test_no_weekday_no_date():
    assert infer_story_date(STORY, Counter(), _dated(date(2022, 1, 9))) is None


def test_weekday_counts_only_for_articles_nothing_else_dates():
    mondays = [{"value": "XXXX-WXX-1", "anchor": "none"}, {"value": "XXXX-WXX-1TMO"}]
    assert weekday_counts(None, mondays) == Counter({1: 2})
    assert weekday_counts(dt.datetime(2022, 1, 9), mondays) is None  # published
    anchored = [*mondays, {"value": "2022-01-08", "anchor": "inferred"}]
    assert weekday_counts(None, anchored) is None  # the text dates itself
    assert weekday_counts(None, [{"value": "P5D", "anchor": "none"}]) is None


def test_seed_001_is_dated_from_its_story(seeded_warehouse):
    con = duckdb.connect(str(seeded_warehouse / "akhbar.duckdb"), read_only=True)
    rows = con.execute(
        """select t.surface, t.value, t.anchor from timex t join articles a using (article_id)
           where a.path like '001_%' and t.value like '2022-%'"""
    ).fetchall()
    assert rows and all(anchor == "inferred" for _s, _v, anchor in rows)
    assert ("الثلاثاء", "2022-01-11", "inferred") in rows  # "will form a government Tuesday"
    # 003's "اليوم الأربعاء" falls on two Wednesdays of its story's window: stays undated
    undated = con.execute(
        """select count(*) from timex t join articles a using (article_id)
           where a.path like '003_%' and t.resolved_date is not null"""
    ).fetchone()[0]
    assert undated == 0


def test_index_finds_the_same_neighbours_as_a_full_scan():
    rng = random.Random(5)
    pool = [f"e{i}" for i in range(40)]
    dated = {
        f"a{i}": StoryEvidence(
            frozenset(rng.sample(pool, rng.randint(1, 12))),
            date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 60)),
        )
        for i in range(300)
    }
    index = EvidenceIndex(dated)
    for _ in range(200):
        ents = frozenset(rng.sample(pool, rng.randint(1, 12)))
        full = sorted(((len(ents & ev.entities), a) for a, ev in dated.items()), reverse=True)
        want = [dated[a].day for n, a in full[:NEIGHBOURS] if n >= MIN_SHARED_ENTITIES]
        assert index.neighbours(ents) == want


def test_entities_too_common_to_single_out_a_story_give_no_date():
    crowd = {f"a{i}": StoryEvidence(STORY, date(2022, 1, 9)) for i in range(MAX_PROBE_POSTINGS)}
    assert infer_story_date(STORY, Counter({MON: 2}), EvidenceIndex(crowd)) is None
    few = dict(list(crowd.items())[:10])
    assert infer_story_date(STORY, Counter({MON: 2}), EvidenceIndex(few)) == date(2022, 1, 10)
