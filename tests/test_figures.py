"""Figures: seed golden facts, attachment of place/date/source, offsets, evaluation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.extract.common.context import ExtractContext
from tasks.extract.common.dates import attach_dates
from tasks.extract.figures import extract_figures

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
FIXTURES = ROOT / "tests/fixtures/figures"
# Floors for the annotated sets (measured 1.00/1.00 on both when written; a
# drop below these means a rule regressed, not noise: the sets are fixed).
MIN_PRECISION = 0.95
MIN_RECALL = 0.9


def _ctx(text: str, visible: str | None = None, **kw: object) -> ExtractContext:
    return ExtractContext.from_visible(text, text if visible is None else visible, **kw)


def _blank_after(text: str, marker: str) -> str:
    """What clean does to a ticker: blank everything from ``marker`` on."""
    i = text.index(marker)
    return text[:i] + "\n" * (len(text) - i)


def _keys(rows: list[dict]) -> set[tuple]:
    return {(r["count_type"], r["value"], r["value_max"], r["qualifier"]) for r in rows}


def _check_offsets(text: str, rows: list[dict]) -> None:
    for r in rows:
        assert text[r["start"] : r["end"]] == r["surface"]
        assert r["surface"] in r["sentence"]


def test_seed_004() -> None:
    text = SEEDS["004"]
    almaty = text.index("الماآتي")
    sunday = text.index("الأحد نقل")
    ctx = _ctx(
        text,
        mentions=[
            {"entity_id": "kz", "kind": "LOCATION", "start": t, "end": t + 9}
            for t in [text.index("كازاخستان هذا")]
        ]
        + [{"entity_id": "almaty", "kind": "LOCATION", "start": almaty, "end": almaty + 7}],
        timex=[
            {
                "type": "DATE",
                "value": "2022-01-09",
                "resolved_date": date(2022, 1, 9),
                "precision": "day",
                "start": sunday,
                "end": sunday + 5,
            }
        ],
    )
    rows = _with_dates(ctx)
    _check_offsets(text, rows)
    assert _keys(rows) == {
        ("KILL", 164, None, "exact"),
        ("KILL", 103, None, "exact"),
        ("ARREST", 6000, None, "approx"),
        ("ARREST", 300, None, "approx"),
        ("DEPLOY", 70, None, "approx"),
        ("KILL", 10, 99, "vague"),
        ("WOUND", 1000, 9999, "vague"),
    }
    by_value = {r["value"]: r for r in rows}
    assert by_value[103]["location_id"] == "almaty"
    assert by_value[164]["location_id"] == "kz"
    assert by_value[164]["date"] == by_value[103]["date"] == date(2022, 1, 9)
    assert by_value[164]["according_to"] == "وزارة الصحة"
    assert by_value[6000]["according_to"] == "وزارة الداخلية الكازاخية"
    assert by_value[70]["object"] == "طائرة"
    assert by_value[164]["surface"] == "قُتل مئة واربعة وستون شخصا"
    assert by_value[6000]["date"] is None


def _with_dates(ctx: ExtractContext) -> list[dict]:
    """Figures as extract_article returns them: dates come from timex.attach_dates."""
    rows = extract_figures(ctx)
    attach_dates(rows, ctx.timex, ctx.visible)
    return rows


def test_seed_001_reading_widget_is_not_a_figure() -> None:
    rows = extract_figures(_ctx(SEEDS["001"]))
    assert _keys(rows) == {("ARREST", 7939, None, "exact")}
    assert rows[0]["surface"] == "اعتقلت 7 آلاف و939 شخصاً"


@pytest.mark.parametrize("seed", ["000", "002"])
def test_seed_waves_and_terrorists(seed: str) -> None:
    rows = extract_figures(_ctx(SEEDS[seed]))
    _check_offsets(SEEDS[seed], rows)
    keys = _keys(rows)
    assert ("ATTACK", 6, None, "exact") in keys
    assert ("COMBATANT", 20000, None, "approx") in keys
    waves = [r for r in rows if r["count_type"] == "ATTACK"]
    assert all(r["object"] == "موجة" for r in waves)


def test_seed_003_ticker_gives_nothing() -> None:
    text = SEEDS["003"]
    assert extract_figures(_ctx(text, _blank_after(text, "آخر الأخبار"))) == []


def test_place_after_figure_beats_place_elsewhere_in_sentence() -> None:
    text = "قصفت الطائرات دمشق أمس، وقتل 12 مدنيا في حلب."
    mentions = [
        {"entity_id": "damascus", "kind": "LOCATION", "start": text.index("دمشق"), "end": 0},
        {"entity_id": "aleppo", "kind": "LOCATION", "start": text.index("حلب"), "end": 0},
    ]
    for m in mentions:
        m["end"] = m["start"] + 4 if m["entity_id"] == "damascus" else m["start"] + 3
    (row,) = extract_figures(_ctx(text, mentions=mentions))
    assert row["location_id"] == "aleppo"


def test_no_place_when_sentence_has_several_and_none_is_near() -> None:
    text = "وقال مسؤول في بغداد إن 30 شخصا قتلوا، بينما نفت دمشق."
    mentions = [
        {"entity_id": "baghdad", "kind": "LOCATION", "start": text.index("بغداد"), "end": 0},
        {"entity_id": "damascus", "kind": "LOCATION", "start": text.index("دمشق"), "end": 0},
    ]
    for m in mentions:
        m["end"] = m["start"] + 4
    (row,) = extract_figures(_ctx(text, mentions=mentions))
    assert row["count_type"] == "KILL" and row["value"] == 30
    assert row["location_id"] == "baghdad"  # same clause


def test_date_is_nearest_resolved_date_in_sentence() -> None:
    text = "وفي 3 مارس قتل 5 أشخاص، وفي 5 مارس قتل 7 آخرون."
    timex = [
        {"type": "DATE", "value": "2023-03-03", "resolved_date": date(2023, 3, 3), "start": 3},
        {"type": "DATE", "value": "2023-03-05", "resolved_date": date(2023, 3, 5), "start": 28},
        {"type": "DATE", "value": "2023-03", "resolved_date": date(2023, 3, 1), "start": 0},
        {"type": "DURATION", "value": "P1D", "resolved_date": None, "start": 0, "end": 1},
    ]
    timex[0]["end"], timex[1]["end"], timex[2]["end"] = 10, 35, 1
    for t in timex[:2]:
        t["precision"] = "day"
    timex[2]["precision"] = "month"  # a month-level date is never a figure's date
    rows = _with_dates(_ctx(text, timex=timex))
    assert [(r["value"], r["date"]) for r in rows] == [(5, date(2023, 3, 3)), (7, date(2023, 3, 5))]


def test_boilerplate_blanked_in_visible_is_never_read() -> None:
    text = "عاجل: 66 شهيدا في غزة\nوأعلن الجيش اعتقال 4 أشخاص."
    visible = "\n" * text.index("\n") + text[text.index("\n") :]
    rows = extract_figures(_ctx(text, visible))
    assert _keys(rows) == {("ARREST", 4, None, "exact")}


@pytest.mark.parametrize("name", ["sentences.jsonl", "heldout.jsonl"])
def test_annotated_sentences(name: str) -> None:
    from scripts.eval_figures import evaluate, load

    scores = evaluate(load(FIXTURES / name))["full"]
    assert scores["precision"] >= MIN_PRECISION
    assert scores["recall"] >= MIN_RECALL


def test_fixtures_cover_every_count_type_and_qualifier() -> None:
    items = [json.loads(x) for x in (FIXTURES / "sentences.jsonl").read_text().splitlines() if x]
    gold = [g for i in items for g in i["figures"]]
    types = {"KILL", "WOUND", "ARREST", "KIDNAP", "PROTEST", "SEIZE", "AFFECT"}
    types |= {"ATTACK", "COMBATANT", "DEPLOY"}
    assert {g[0] for g in gold} == types
    assert {g[3] for g in gold} == {"exact", "approx", "at_least", "at_most", "range", "vague"}
    assert len(items) >= 60


SENTENCES = [
    json.loads(x)["text"]
    for f in ("sentences.jsonl", "heldout.jsonl")
    for x in (FIXTURES / f).read_text(encoding="utf-8").splitlines()
    if x
] + [s for t in SEEDS.values() for s in t.split("\n") if s.strip()]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5),
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=20),
    st.sampled_from(["\n", " ", "\u064b", "\u0640"]),
)
def test_offsets_property(sentences: list[str], noise: str, glue: str) -> None:
    text = glue.join([*sentences, noise])
    _check_offsets(text, extract_figures(_ctx(text)))


def test_place_after_a_new_proposition_is_not_the_figures_place() -> None:
    # The figure's own clause names no place; the sentence names two, one of
    # them after "بينما", which opens another proposition.
    text = "قالت الشرطة في بغداد، أمس، إن القوات اعتقلت 40 شخصا، بينما عادت الحياة إلى البصرة."
    mentions = []
    for eid, name in (("baghdad", "بغداد"), ("basra", "البصرة")):
        start = text.index(name)
        mentions.append(
            {"entity_id": eid, "kind": "LOCATION", "start": start, "end": start + len(name)}
        )
    (row,) = extract_figures(_ctx(text, mentions=mentions))
    assert (row["count_type"], row["value"], row["location_id"]) == ("ARREST", 40, "baghdad")
