"""Clean stage: rules on hand-written articles, date lines, the clutter cases, and offset
properties (hypothesis)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.clean import CleanResult, clean
from tasks.clean.dates import parse_date_line
from tasks.clean.lexicon import norm

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("eval_clean", ROOT / "scripts" / "eval_clean.py")
assert _spec and _spec.loader
ev = importlib.util.module_from_spec(_spec)
sys.modules["eval_clean"] = ev  # dataclasses look their module up there
_spec.loader.exec_module(ev)

P1 = (
    "قال مسؤولون في وزارة الصحة إن حصيلة ضحايا الفيضانات ارتفعت إلى 45 قتيلا، "
    "فيما لا يزال العشرات في عداد المفقودين."
)
P2 = (
    "وأضافوا أن فرق الإنقاذ تواجه صعوبات في الوصول إلى القرى المعزولة، بسبب انهيار "
    "الجسور وانقطاع الطرق الرئيسية."
)


def _kinds(r: CleanResult) -> list[str]:
    return [b["kind"] for b in r.boilerplate]


def _date(s: str) -> tuple[datetime, str, str | None] | None:
    d = parse_date_line(norm(s), len(s.split()))
    return (d.at, d.precision, d.tz) if d else None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12 كانون الثاني 2022 14:15", (datetime(2022, 1, 12, 14, 15), "minute", None)),
        (
            "الأحد ٠٩ يناير ٢٠٢٢ - ٠٥:٣١ بتوقيت غرينتش",
            (datetime(2022, 1, 9, 5, 31, tzinfo=UTC), "minute", "UTC"),
        ),
        (
            "نشر في: 8 مايو 2023 - 18:00 بتوقيت مكة المكرمة",
            (datetime(2023, 5, 8, 15, 0, tzinfo=UTC), "minute", "+03:00"),
        ),
        (
            "آخر تحديث: 1 آب 2023 10:00 بتوقيت بيروت",  # summer time in Beirut
            (datetime(2023, 8, 1, 7, 0, tzinfo=UTC), "minute", "+03:00"),
        ),
        ("نشر في: 12/01/2022 - 02:15 م", (datetime(2022, 1, 12, 14, 15), "minute", None)),
        ("2024-03-14", (datetime(2024, 3, 14), "day", None)),
        ("الخميس 9 جمادى الآخرة 1443 هـ", (datetime(2022, 1, 12), "day", None)),
        ("يناير 2022", (datetime(2022, 1, 1), "month", None)),
        ("نشر في 2021", (datetime(2021, 1, 1), "year", None)),
        ("24 جويلية 2023", (datetime(2023, 7, 24), "day", None)),
    ],
)
def test_date_lines(line: str, expected: tuple) -> None:
    assert _date(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "قتل 12 شخصا في 3 يناير 2022 في هجوم على سوق",  # a sentence with a date
        "وقعت ست موجات من الهجمات في 8 كانون الثاني",
        "الفصل 12",
    ],
)
def test_sentences_with_dates_are_not_date_lines(line: str) -> None:
    assert _date(line) is None


def test_read_also_block_gives_back_subheading() -> None:
    text = "\n".join(
        [
            "عنوان الخبر عن الفيضانات في ليبيا",
            P1,
            "اقرأ أيضا",
            "الأمم المتحدة تطلق نداء عاجلا لجمع التبرعات",
            "جهود الإغاثة",
            P2,
        ]
    )
    r = clean(text)
    assert "جهود الإغاثة" in r.body and "نداء عاجلا" not in r.body
    assert _kinds(r) == ["read_also"]


def test_ticker_stops_at_prose_and_runs_to_end_otherwise() -> None:
    head = ["فيضانات في السودان", P1, "الأكثر قراءة", "أسعار الذهب اليوم في الأسواق"]
    r = clean("\n".join([*head, P2]))
    assert P2 in r.body and "أسعار الذهب" not in r.body
    r = clean("\n".join([*head, "منتخب مصر يفوز على غانا"]))
    assert r.body == P1 and _kinds(r) == ["ticker"]


GLUED = [
    "وزير الخارجية يستقبل نظيره الإيطالي في طرابلس",
    "ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية",
    "مجلس النواب يناقش قانون الميزانية العامة للعام المقبل",
    "المنتخب الوطني يفوز على نظيره التونسي في تصفيات كأس العالم",
    "انطلاق معرض الكتاب الدولي بمشاركة مئة دار نشر عربية",
    "الهلال الأحمر يوزع مساعدات غذائية على الأسر النازحة",
]


def test_glued_headlines_between_separators_without_marker_are_a_ticker() -> None:
    for sep in (" | ", " • ", " - "):
        r = clean("\n".join(["عنوان", P1, sep.join(GLUED)]))
        assert _kinds(r) == ["ticker"] and r.body == P1, sep


def test_unpunctuated_long_line_without_marker_or_separators_is_kept() -> None:
    # Length and comma density are no evidence: without a marker or separators, glued
    # headlines cannot be told from a lightly punctuated paragraph, so the line stays.
    line = " ".join(GLUED)
    r = clean("\n".join(["عنوان", P1, line]))
    assert _kinds(r) == [] and line in r.body


def test_glued_units_sharing_the_article_topic_are_not_a_ticker() -> None:
    # Fragments of the article's own story ("..." with bars) are about the article.
    units = [" ".join(P1.split()[k : k + 8]) for k in range(0, 32, 8)]
    r = clean("\n".join(["عنوان", P1, " | ".join(units)]))
    assert "ticker" not in _kinds(r)


def test_short_subheading_between_paragraphs_stays() -> None:
    r = clean("\n".join(["زلزال يضرب المغرب", P1, "حصيلة أولية", P2]))
    assert r.body.split("\n\n") == [P1, "حصيلة أولية", P2]
    assert r.boilerplate == []


def test_title_given_by_metadata() -> None:
    r = clean("\n".join([P1, P2]), title="شاهد: فيضانات في ليبيا")
    assert r.title == "فيضانات في ليبيا" and r.title_span is None
    assert r.body_spans[0] == (0, len(P1))


def test_title_prefix_needs_a_separator() -> None:
    r = clean("\n".join(["شاهد عيان يروي لحظات الزلزال", P1]))
    assert r.title == "شاهد عيان يروي لحظات الزلزال" and r.boilerplate == []


@pytest.mark.parametrize(
    ("para", "place", "prefix", "agencies"),
    [
        ("بيروت (رويترز) - " + P1, "بيروت", "بيروت (رويترز) -", ["رويترز"]),
        ("القاهرة - وكالات: " + P1, "القاهرة", "القاهرة - وكالات:", ["وكالات"]),
        ("غزة/ الأناضول - " + P1, "غزة", "غزة/ الأناضول -", ["الأناضول"]),
        ("دمشق (سانا): " + P1, "دمشق", "دمشق (سانا):", ["سانا"]),
    ],
)
def test_datelines(para: str, place: str, prefix: str, agencies: list[str]) -> None:
    r = clean("\n".join(["عنوان الخبر", para]))
    assert (r.dateline, r.agencies) == (place, agencies)
    assert [b["text"] for b in r.boilerplate] == [prefix]
    assert r.body == P1


def test_colon_after_a_word_is_not_a_dateline() -> None:
    r = clean("\n".join(["عنوان الخبر", "وقال: " + P1]))
    assert r.dateline is None and r.boilerplate == []


def test_byline_marker_with_name_in_next_segment() -> None:
    r = clean("\n".join(["عنوان الخبر", "كتبت - سارة عبد الحميد", P1]))
    assert (r.author, _kinds(r)) == ("سارة عبد الحميد", ["byline"])


def test_sentence_starting_with_a_marker_word_is_body() -> None:
    line = "المصدر الأمني قال إن الهجوم أسفر عن مقتل ثلاثة أشخاص"
    r = clean("\n".join(["عنوان الخبر", P1, line]))
    assert line in r.body


# Cases whose gold labels the rules do not meet yet (kept honest, see docs/clean.md).
KNOWN_GAPS = {"29_holdout_independent_style": "byline marker after the name ('... مراسل')"}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_GAPS[c.name], strict=True))
        if c.name in KNOWN_GAPS
        else c
        for c in ev.load_cases()
    ],
    ids=lambda c: c.name,
)
def test_clutter_case(case: ev.Case) -> None:
    r = clean(case.text)
    wrong = [
        (gold, ev.predict(r, s, e), case.text[s:e][:50])
        for s, e, gold in case.labels
        if ev.predict(r, s, e) != gold
    ]
    assert wrong == []
    assert ev.check_meta(case, r) == []


def test_there_are_at_least_20_clutter_cases() -> None:
    assert len(ev.load_cases()) >= 20


_LINES = [
    "عاجل: زلزال بقوة 6 درجات يضرب شمال سوريا",
    "آخر الأخبار",
    "اقرأ أيضاً:",
    "المصدر: سبوتنيك",
    "الأحد ٠٩ يناير ٢٠٢٢ - ٠٥:٣١ بتوقيت غرينتش",
    "رجال إنقاذ في موقع الانهيار - REUTERS",
    "بيروت (رويترز) - " + P1,
    "تابعونا على تويتر",
    "جميع الحقوق محفوظة © 2023",
    "حصيلة أولية",
    "قُتِلَ مِئَةُ شَخْصٍ",
    P1,
    P2,
    "",
    "  ",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=14), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_offsets_and_visible_properties(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    r = clean(text)
    assert len(r.visible) == len(text)
    prev_end = 0
    for b in sorted(r.boilerplate, key=lambda b: b["start"]):
        assert text[b["start"] : b["end"]] == b["text"] and b["start"] < b["end"]
        assert b["start"] >= prev_end
        prev_end = b["end"]
    blank = {i for b in r.boilerplate for i in range(b["start"], b["end"])}
    assert all(r.visible[i] == ("\n" if i in blank else text[i]) for i in range(len(text)))
    for s, e in r.body_spans:
        assert not blank & set(range(s, e))
    if r.title_span:
        assert r.title == text[slice(*r.title_span)]
    assert r.body == "\n\n".join(text[s:e] for s, e in r.body_spans)
