"""Writing days of undated articles from dated articles of the same story."""

from __future__ import annotations

from collections import Counter
from datetime import date

from akhbar.tasks.story_dates import StoryEvidence, infer_story_date

STORY = frozenset({"per:tokayev", "loc:kz", "loc:almaty", "org:csto", "per:putin"})
MON, TUE = 1, 2


def _dated(*days: date, entities: frozenset[str] = STORY) -> dict[str, StoryEvidence]:
    return {f"a{i}": StoryEvidence(entities, d) for i, d in enumerate(days)}


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
