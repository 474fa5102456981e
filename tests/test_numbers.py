"""Arabic number parser: fixed cases from the issue, and a round-trip property."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from akhbar.text.normalize import normalize
from akhbar.text.numbers import (
    FEW,
    HUNDREDS,
    MAX_PLAIN_DIGITS,
    TENS,
    THOUSANDS,
    find_numbers,
    parse_number,
)

CASES = [
    ("مئة واربعة وستون", 164),
    ("مئة وثلاثة", 103),
    ("7 آلاف و939", 7939),
    ("20 الفا", 20000),
    ("20 ألفاً", 20000),
    ("ستة الاف", 6000),
    ("ثلاثمئة", 300),
    ("ثلاث مئة", 300),
    ("ثلاثمائة", 300),
    ("سبعين", 70),
    ("سبعون", 70),
    ("ثلاثة عشر", 13),
    ("إحدى عشرة", 11),
    ("اثني عشر", 12),
    ("20,000", 20000),
    ("20\u066c000", 20000),  # ARABIC THOUSANDS SEPARATOR
    ("20.000", 20000),
    ("\u0662\u0660 ألفا", 20000),  # Eastern Arabic digits
    ("\u06f2\u06f0\u06f0", 200),  # Persian digits
    ("2.5 مليون", 2_500_000),
    ("نصف مليون", 500_000),
    ("مليون ونصف", 1_500_000),
    ("مليون ونصف المليون", 1_500_000),
    ("مليون و200 ألف", 1_200_000),
    ("ألف وخمسمائة", 1500),
    ("ألفين", 2000),
    ("مئتي ألف", 200_000),
    ("ثلاثمئة وخمسين ألفا", 350_000),
    ("ثلاثة وعشرين", 23),
    ("وثلاثة", 3),
    ("بثلاثة", 3),
    ("طائرتين", 2),
    ("شخصين", 2),
]


@pytest.mark.parametrize(("phrase", "value"), CASES)
def test_reads_issue_phrases(phrase: str, value: int) -> None:
    assert parse_number(phrase) == value


@pytest.mark.parametrize(
    ("phrase", "bounds"),
    [
        ("عشرات", TENS),
        ("العشرات", TENS),
        ("مئات", HUNDREDS),
        ("الآلاف", THOUSANDS),
        ("آلاف الأشخاص", THOUSANDS),
        ("بضعة", FEW),
        ("عشرات الآلاف", (10_000, 99_999)),
        ("مئات الآلاف", (100_000, 999_999)),
    ],
)
def test_vague_quantities_are_ranges(phrase: str, bounds: tuple[int, int]) -> None:
    (m,) = find_numbers(normalize(phrase))
    assert m.vague and (m.value, m.value_max) == bounds


@pytest.mark.parametrize(
    "phrase",
    [
        "الثالث",
        "السادس",
        "يوم الاثنين",
        "24/11/2024",
        "14:15",
        "0501234567",
        "نصف السكان",
        "لست",
        "تحالفا عسكريا",
        "طائرة A320",
    ],
)
def test_not_numbers(phrase: str) -> None:
    # ordinals, weekday, dates, times, phone numbers, a bare fraction, "لست" (I am not),
    # "ألفا" inside a word (تحالفا), digits of a Latin code
    assert find_numbers(normalize(phrase)) == []


def test_digits_glued_to_an_arabic_word_are_read() -> None:
    # a spacing typo in real copy: "مقتل أكثر من340  ألف شخص"
    assert [m.value for m in find_numbers(normalize("أكثر من340  ألف شخص"))] == [340000]
    # ... and to the article, except an age ("في الـ22 من عمره")
    assert [m.value for m in find_numbers(normalize("الـ5.5 مليون لاجئ"))] == [5500000]
    assert find_numbers(normalize("مقتل شاب في الـ22 من عمره")) == []
    # the decimals of a number are never a number of their own
    assert [m.value for m in find_numbers(normalize("13,1  مليون سوري"))] == [13100000]


def test_ranges_and_lists_stay_apart() -> None:
    assert [m.value for m in find_numbers(normalize("بين 10 و15"))] == [10, 15]
    assert [m.value for m in find_numbers(normalize("خمسة وعشرة"))] == [5, 10]


def test_offsets_cover_the_expression_without_conjunction() -> None:
    text = normalize("قتل مئة واربعة وستون شخصا و20 آخرون")
    spans = [text[m.start : m.end] for m in find_numbers(text)]
    assert spans == [normalize("مئة واربعة وستون"), "20"]


# --- round trip: a small generator writes numbers as Arabic words -------------
UNITS = {
    1: ["واحد", "واحدة"],
    2: ["اثنان", "اثنين", "اثنتان"],
    3: ["ثلاثة", "ثلاث"],
    4: ["أربعة", "أربع", "اربعة"],
    5: ["خمسة", "خمس"],
    6: ["ستة", "ست"],
    7: ["سبعة", "سبع"],
    8: ["ثمانية", "ثماني"],
    9: ["تسعة", "تسع"],
    10: ["عشرة", "عشر"],
    11: ["أحد عشر", "إحدى عشرة", "احد عشر"],
    12: ["اثنا عشر", "اثني عشر", "اثنتا عشرة"],
}
TEN_WORDS = {
    20: "عشر",
    30: "ثلاث",
    40: "أربع",
    50: "خمس",
    60: "ست",
    70: "سبع",
    80: "ثمان",
    90: "تسع",
}
HUNDRED_STEMS = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع"}


def _below_100(n: int, draw) -> str:
    if n <= 12:
        return draw(st.sampled_from(UNITS[n]))
    if n < 20:
        unit = draw(st.sampled_from(UNITS[n - 10][:2]))
        return f"{unit} {draw(st.sampled_from(['عشر', 'عشرة']))}"
    ten = TEN_WORDS[n - n % 10] + draw(st.sampled_from(["ون", "ين"]))
    if n % 10 == 0:
        return ten
    return f"{draw(st.sampled_from(UNITS[n % 10]))} و{ten}"


def _below_1000(n: int, draw) -> str:
    h, rest = divmod(n, 100)
    hundred = draw(st.sampled_from(["مئة", "مائة"]))
    parts = []
    if h == 1:
        parts.append(hundred)
    elif h == 2:
        parts.append(draw(st.sampled_from(["مئتان", "مئتين", "مائتين"])))
    elif h:
        sep = draw(st.sampled_from(["", " "]))
        parts.append(f"{HUNDRED_STEMS[h]}{sep}{hundred}")
    if rest:
        parts.append(_below_100(rest, draw))
    return " و".join(parts)


def _scaled(k: int, draw, one: str, two: list[str], plural: str, acc: str) -> str:
    if k == 1:
        return one
    if k == 2:
        return draw(st.sampled_from(two))
    if k <= 10:
        return f"{_below_1000(k, draw)} {plural}"
    return f"{_below_1000(k, draw)} {acc}"


@st.composite
def arabic_number(draw) -> tuple[int, str]:
    n = draw(st.integers(min_value=1, max_value=999_999_999))
    m, rest = divmod(n, 1_000_000)
    k, u = divmod(rest, 1000)
    if draw(st.booleans()) and m == 0 and k and u:  # mixed style: "7 آلاف و939"
        thousands = draw(st.sampled_from(["آلاف", "ألف", "الاف"]))
        return n, f"{k} {thousands} و{u}"
    parts = []
    if m:
        parts.append(_scaled(m, draw, "مليون", ["مليونان", "مليونين"], "ملايين", "مليونا"))
    if k:
        acc = draw(st.sampled_from(["ألفا", "ألف", "الفا"]))
        parts.append(_scaled(k, draw, "ألف", ["ألفان", "ألفين"], "آلاف", acc))
    if u:
        parts.append(_below_1000(u, draw))
    return n, " و".join(parts)


@settings(max_examples=400, deadline=None)
@given(arabic_number())
def test_words_round_trip(case: tuple[int, str]) -> None:
    n, words = case
    found = find_numbers(normalize(words))
    assert len(found) == 1, (words, found)
    assert found[0].value == n, words


EASTERN = str.maketrans("0123456789", "".join(chr(0x0660 + d) for d in range(10)))
PERSIAN = str.maketrans("0123456789", "".join(chr(0x06F0 + d) for d in range(10)))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=99_999_999),
    st.sampled_from([",", ".", "\u066c", ""]),
    st.sampled_from([None, EASTERN, PERSIAN]),
)
def test_digits_round_trip(n: int, sep: str, digits: dict | None) -> None:
    assume(sep or len(str(n)) <= MAX_PLAIN_DIGITS)  # longer bare runs are phone numbers
    written = f"{n:,}".replace(",", sep)
    if digits:
        written = written.translate(digits)
    assert parse_number(f"قتل {written} شخصا") == n


def test_a_second_count_of_the_same_scale_after_wa_is_the_next_number() -> None:
    # "بين 270 ألفا و330 ألف": a range's two ends, not 600,000
    text = normalize("نزوح ما بين 270 ألفا و330 ألف سوري")
    assert [m.value for m in find_numbers(text)] == [270000, 330000]
    # ... while a smaller scale after و is a part of the number
    assert [m.value for m in find_numbers(normalize("3 ملايين و500 ألف"))] == [3500000]


def test_a_range_of_plural_scales_is_two_numbers() -> None:
    assert [m.value for m in find_numbers(normalize("بين 3 آلاف و4 آلاف"))] == [3000, 4000]


@pytest.mark.parametrize(
    "text", ["مقتل شابة في الثامنة عشرة", "الساعة الحادية عشرة مساء", "قتل في سن السادسة عشر"]
)
def test_an_ordinal_before_ten_is_no_count_of_ten(text: str) -> None:
    assert find_numbers(normalize(text)) == []


def test_ten_after_a_word_that_is_no_ordinal_is_ten() -> None:
    assert [m.value for m in find_numbers(normalize("مقتل عشرة أشخاص"))] == [10]
