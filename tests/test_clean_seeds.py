"""Golden tests over the seeds, in trafilatura's style: fragments that must / must not
appear in the clean body, plus the metadata each seed states."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest

from tasks.clean import CleanResult, clean

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> tuple[str, CleanResult]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    return text, clean(text)


def _kinds(r: CleanResult) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for b in r.boilerplate:
        out.setdefault(b["kind"], []).append(b["text"])
    return out


GOLDEN = {
    "000": (
        ["وقعت ست موجات من الهجمات الارهابية", "لا تزال الحالة في ألماتي متوترة للغاية"],
        ["جاكرتا --", "رئيس كازاخستان يكشف عن ست موجات"],
    ),
    "001": (
        [
            "اتهم رئيس كازاخستان قاسم جومرت توكاييف",
            "سيطرة قطاع الطرق",
            "عرض صيني",
            "القوى الخارجية لا تريد السلام والاستقرار في الإقليم",
        ],
        ["time reading icon", "REUTERS", "ألما آتا (كازاخستان)/ موسكو", "اقرأ أيضاً", "تصنيفات"],
    ),
    "002": (
        ["وصل رئيس كازاخستان، قاسم جومارت توكاييف", "ولن يستغرق ذلك أكثر من 10 أيام"],
        ["أخبار", "بالفيديو", "12 كانون الثاني 2022 14:15", "المصدر: سبوتنيك"],
    ),
    "003": (
        ["أكدت الخارجية الروسية بأن ما تعرضت له", "بدء عملية انسحاب قوات حفظ السلام"],
        ["حرر التقرير الإخباري", "آخر الأخبار", "دمشق القديمة", "نيبينزيا", "جباليا"],
    ),
    "004": (
        ["قُتل مئة واربعة وستون شخصا", "مقتل عشرات الأشخاص وإصابة الآلاف"],
        ["شاهد:", "بتوقيت غرينتش", "العالم - أسيا"],
    ),
}


@pytest.mark.parametrize("seed", sorted(GOLDEN))
def test_body_fragments(seed: str) -> None:
    _, r = _seed(seed)
    must, must_not = GOLDEN[seed]
    for frag in must:
        assert frag in r.body, frag
    for frag in must_not:
        assert frag not in r.body, frag


@pytest.mark.parametrize("seed", sorted(GOLDEN))
def test_every_real_paragraph_kept(seed: str) -> None:
    """Every long line of the seed (a body paragraph) is in the body, except the ticker."""
    text, r = _seed(seed)
    for line in text.split("\n"):
        line = line.strip()
        if len(line.split()) >= 15 and not (seed == "003" and line.startswith("10 أيام")):
            assert line in r.body or line.split("--", 1)[-1].strip() in r.body, line[:40]


def test_003_body_ends_with_withdrawal_and_ticker_is_one_span() -> None:
    text, r = _seed("003")
    assert r.body.endswith("بعد أداء مهمتها بنجاح لاستعادة استقرار الوضع في البلاد.")
    (ticker,) = [b for b in r.boilerplate if b["kind"] == "ticker"]
    assert ticker["text"].startswith("آخر الأخبار")
    assert ticker["end"] == len(text.rstrip())
    assert (r.author, r.outlet, r.agencies) == ("ريم صالح", "الثورة", ["وكالات"])


def test_002_published_naive_minute_and_credit() -> None:
    _, r = _seed("002")
    assert r.published_at == datetime(2022, 1, 12, 14, 15)
    assert r.published_at.tzinfo is None
    assert (r.published_precision, r.published_tz) == ("minute", None)
    assert r.title == "رئيس كازاخستان يصل ألما آتا معقل الاحتجاجات في موكب كبير"
    kinds = _kinds(r)
    assert kinds["title_prefix"] == ["بالفيديو.."]
    assert kinds["section_label"] == ["أخبار"]
    assert kinds["published"] == ["12 كانون الثاني 2022 14:15"]
    assert kinds["source_credit"] == ["المصدر: سبوتنيك"]
    assert r.agencies == ["سبوتنيك"]


def test_004_published_utc() -> None:
    _, r = _seed("004")
    assert r.published_at == datetime(2022, 1, 9, 5, 31, tzinfo=UTC)
    assert (r.published_precision, r.published_tz) == ("minute", "UTC")
    assert r.title == "عودة الاستقرار الی كازاخستان بعد اضطرابات دامية"
    assert _kinds(r)["section_label"] == ["العالم - أسيا"]


def test_000_dateline_is_only_the_prefix() -> None:
    text, r = _seed("000")
    (d,) = [b for b in r.boilerplate if b["kind"] == "dateline"]
    assert d["text"] == "جاكرتا --"
    assert r.dateline == "جاكرتا"
    assert text[r.body_spans[0][0] :].startswith("وقعت ست موجات")


def test_001_dateline_line_captions_and_reading_time() -> None:
    _, r = _seed("001")
    kinds = _kinds(r)
    assert kinds["dateline"] == ["ألما آتا (كازاخستان)/ موسكو/ بكين -وكالات"]
    assert len(kinds["caption"]) == 2
    assert kinds["reading_time"] == ["time reading iconدقائق القراءة - 4"]
    assert kinds["read_also"] == ["اقرأ أيضاً:"] and kinds["tags"] == ["تصنيفات"]
    assert (r.dateline, r.agencies) == ("ألما آتا", ["وكالات"])
    assert "سيطرة قطاع الطرق" in r.body and "عرض صيني" in r.body


@pytest.mark.parametrize("seed", sorted(GOLDEN))
def test_spans_exact_and_visible(seed: str) -> None:
    text, r = _seed(seed)
    assert len(r.visible) == len(text)
    spans = sorted((b["start"], b["end"]) for b in r.boilerplate)
    for b in r.boilerplate:
        assert text[b["start"] : b["end"]] == b["text"]
        assert r.visible[b["start"] : b["end"]] == "\n" * (b["end"] - b["start"])
    for (_, e1), (s2, _) in pairwise(spans):
        assert e1 <= s2
    for s, e in r.body_spans:
        assert r.visible[s:e] == text[s:e]
    assert r.body == "\n\n".join(text[s:e] for s, e in r.body_spans)
