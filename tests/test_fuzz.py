"""Fuzzing: clean and every extractor survive any Arabic-looking text (issue 13).

The strategy mixes random Arabic letters and diacritics, the vocabulary the rules
key on (triggers, number words, months, weekdays, titles, head nouns, speech verbs,
markers), digits of three scripts, quotation marks of every kind, punctuation, and
very long lines. No stage may raise: ``extract_errors`` stays empty, since a rule bug
would be isolated there rather than crash the test.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.data import read_rows
from tasks.clean import clean
from tasks.extract import EXTRACTORS
from tasks.extract.common.context import ExtractContext
from tasks.process.article import analyse


def _vocabulary() -> list[str]:
    words: list[str] = []
    for name, col in [
        ("figures/triggers.tsv", 3),
        ("numbers/words.tsv", 2),
        ("months.tsv", 2),
        ("weekdays.tsv", 1),
        ("gazetteer/titles.tsv", 0),
        ("gazetteer/heads.tsv", 0),
        ("quotes/verbs.tsv", 0),
        ("boilerplate/markers.tsv", 3),
        ("time/units.tsv", 0),
        ("figures/qualifiers.tsv", 2),
    ]:
        for row in read_rows(name):
            words.extend(w.strip() for w in row[col].split(",") if w.strip())
    return sorted(set(words))


VOCAB = _vocabulary()
LETTERS = st.characters(min_codepoint=0x0621, max_codepoint=0x0652)
DIGITS = st.sampled_from("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
MARKS = st.sampled_from([*"«»“”\"'‹›„()[]،؛؟.!:-–—/|•…%٪#@", "..", " - ", "\n", "\n\n", "\u0640"])
TOKEN = st.one_of(
    st.sampled_from(VOCAB),
    st.text(LETTERS, min_size=1, max_size=8),
    st.text(DIGITS, min_size=1, max_size=7),
    MARKS,
    st.sampled_from(["و", "ف", "ب", "ل", "ال", "لل", "ألوية", "عام", "الساعة", "بينهم"]),
)
TEXT = st.lists(TOKEN, min_size=0, max_size=120).map(" ".join)
# One very long line (a one-line article or a glued ticker), and a line of marks only.
LONG_LINE = st.lists(TOKEN.filter(lambda t: "\n" not in t), min_size=200, max_size=600).map(
    " ".join
)

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _run_each_extractor(text: str) -> None:
    cleaned = clean(text)
    assert len(cleaned.visible) == len(text)
    ctx = ExtractContext.from_visible(cleaned.text, cleaned.visible)
    for extractor in EXTRACTORS:  # each one directly, so a failure shows its traceback
        rows = extractor.run(ctx)
        for table, got in rows.items():
            for row in got:
                if "start" in row:
                    col = "quote" if table == "quotes" else "surface"
                    assert text[row["start"] : row["end"]] == row[col], (table, row)


@SETTINGS
@given(TEXT)
def test_clean_and_extractors_never_raise(text: str) -> None:
    _run_each_extractor(text)


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=5).map("\n".join), LONG_LINE)
def test_long_lines_and_paragraphs(paragraphs: str, long_line: str) -> None:
    _run_each_extractor(paragraphs + "\n" + long_line)
    _cleaned, facts = analyse(long_line)
    assert facts["extract_errors"] == []


@SETTINGS
@given(st.text(min_size=0, max_size=400))
def test_any_unicode_at_all(text: str) -> None:
    _cleaned, facts = analyse(text)
    assert facts["extract_errors"] == []


def test_a_lone_tatweel_before_a_speech_verb() -> None:
    """Found by CI's fuzzing: "ـ" folds to an empty word, which the speaker rules
    indexed ("ذكر ـ أضف تعليق" then «... صرخ «)."""
    ad = " ".join(["advertisement"] * 40)
    _run_each_extractor(f"{ad} ذكر ـ أضف تعليق {ad} تحميل المزيد « « صرخ « advertisement")


def test_is_definite_of_an_empty_word() -> None:
    from tasks.extract.common.names import is_definite

    assert not is_definite("")
    assert is_definite("\u0648\u0627\u0644\u0642\u062f\u0633")  # والقدس
