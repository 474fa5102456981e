"""Quotes: seeds (speakers of the done-when), mark pairing, attribution, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.extract.common.context import ExtractContext
from tasks.extract.entities import extract_entities
from tasks.extract.quotes import extract_quotes

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def run(text: str, visible: str | None = None) -> list[dict]:
    ctx = ExtractContext.from_visible(text, text if visible is None else visible)
    mentions, defs = extract_entities(ctx)
    ctx.mentions.extend(mentions)
    ctx.entities.update({d["entity_id"]: d for d in defs})
    return extract_quotes(ctx)


def seed(i: int) -> tuple[str, list[dict]]:
    text = SEEDS[i].read_text(encoding="utf-8")
    cut = text.find("آخر الأخبار")
    visible = text if cut < 0 else text[:cut] + "\n" * (len(text) - cut)
    return text, run(text, visible)


@pytest.fixture(scope="module")
def seeds():
    return [seed(i) for i in range(len(SEEDS))]


def test_quotes_equal_their_offsets(seeds):
    for text, quotes in seeds:
        for q in quotes:
            assert text[q["start"] : q["end"]] == q["quote"]
            assert q["date"] is None and q["quote"].strip() == q["quote"]
            assert '"' not in q["quote"][:1] + q["quote"][-1:]


@pytest.mark.parametrize(
    "i,eid,start",
    [
        (0, "per:kassym-jomart-tokayev", "ان افراد العصابات"),
        (1, "per:vladimir-putin", "هؤلاء الذين حملوا السلاح"),
        (1, "per:wang-yi", "الاضطرابات الأخيرة"),
        (1, "per:kassym-jomart-tokayev", "ليس لدي شك"),
        (3, "per:oleg-syromolotov", "وفقا لوكالات إنفاذ القانون"),
        (2, "per:berik-uali", "نؤكد أن الرئيس"),
    ],
)
def test_seed_speakers(seeds, i, eid, start):
    got = [q for q in seeds[i][1] if q["quote"].startswith(start)]
    assert len(got) == 1 and got[0]["speaker_id"] == eid


def test_pronoun_speaker_gets_the_resolved_name(seeds):
    q = next(q for q in seeds[0][1] if q["quote"].startswith("ان افراد"))
    assert (q["speaker"], q["verb"], q["according_to"]) == ("قاسم جومارت توكاييف", "قال", "تاس")


def test_missing_opening_mark_starts_after_the_complement(seeds):
    q = next(q for q in seeds[3][1] if q["verb"] == "أضاف")
    assert q["quote"].startswith("كازاخستان واجهت") and q["quote"].endswith("وسيادتها")


def test_nested_unbalanced_quote_is_one_quote(seeds):
    q = next(q for q in seeds[3][1] if q["quote"].startswith("وفقا لوكالات"))
    assert q["quote"].endswith("في الخارج")


def test_ticker_has_no_quotes(seeds):
    text, quotes = seeds[3]
    assert all(q["end"] < text.find("آخر الأخبار") for q in quotes)


def test_guillemets_and_speaker_after_verb():
    text = "وقال الرئيس المصري عبد الفتاح السيسي: «إن مصر لن تسمح بتهجير الفلسطينيين»."
    (q,) = run(text)
    assert q["speaker_id"] == "per:abdel-fattah-el-sisi" and q["verb"] == "قال"
    assert q["quote"] == "إن مصر لن تسمح بتهجير الفلسطينيين"


def test_continuation_and_according_to():
    text = (
        'قال المتحدث باسم الجيش السوداني نبيل عبد الله "قواتنا تتقدم في أم درمان"، '
        "بحسب ما نقلت وكالة فرانس برس.\n"
        'وأضاف: "لن نتفاوض قبل انسحاب الدعم السريع من المدن".'
    )
    first, second = run(text)
    assert first["speaker"] == "نبيل عبد الله" and first["according_to"] == "وكالة فرانس برس"
    assert second["speaker_id"] == first["speaker_id"] and second["verb"] == "أضاف"


def test_person_named_after_an_organisation_in_the_title():
    text = 'وقال الأمين العام لحزب الله نعيم قاسم في كلمة: "لن نسلم السلاح".'
    (q,) = run(text)
    assert q["speaker"] == "نعيم قاسم"


def test_title_alone_resolves_to_the_person_it_named():
    text = (
        "التقى وزير الخارجية المصري بدر عبد العاطي نظيره التركي هاكان فيدان في أنقرة.\n"
        'وقال وزير الخارجية التركي: "نعمل مع القاهرة على خطة".\n'
        'وقال وزير الخارجية المصري: "الخطة جاهزة".'
    )
    first, second = run(text)
    assert first["speaker"] == "هاكان فيدان" and second["speaker"] == "بدر عبد العاطي"


def test_indirect_speech_is_not_a_quote():
    assert run("وقال وزير الدفاع إن القوات ستنسحب من المدينة خلال أيام.") == []


def test_quote_before_its_verb():
    text = '"سنعيد بناء كل بيت تهدم"، قال رئيس الوزراء الليبي عبد الحميد الدبيبة.'
    (q,) = run(text)
    assert q["speaker_id"] == "per:abdul-hamid-dbeibah" and q["quote"] == "سنعيد بناء كل بيت تهدم"


@pytest.mark.parametrize(
    "text",
    [
        'وصل الوفد إلى "المنطقة الخضراء" صباحا.',
        "قال المتحدث إن الوضع مستقر في المدينة.",
        '"سيطرة قطاع الطرق"',
        'ذكرت "روسيا اليوم" أن الاجتماع انتهى.',
    ],
)
def test_not_quotes(text):
    assert run(text) == []


PIECES = [
    "قال",
    "وأضاف",
    ":",
    '"',
    "“",
    "”",
    "«",
    "»",
    " ",
    "الرئيس الروسي فلاديمير بوتين",
    "إن",
    "كازاخستان",
    "تواجه",
    "\n",
    "،",
    ".",
    "ـ",
    "لـ",
    "\u064b",
    "نقلا عن تاس",
    "الأمين العام لحزب الله نعيم قاسم",
    "وقال وزير الخارجية التركي:",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_offsets_property(pieces):
    text = "".join(pieces)
    for q in run(text):
        assert text[q["start"] : q["end"]] == q["quote"] and q["end"] > q["start"]
