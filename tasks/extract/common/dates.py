"""A figure's or a quote's day: its clause's date, else its sentence's, else the article's."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache

from akhbar.data import read_rows
from akhbar.text.normalize import normalize
from akhbar.text.numbers import find_numbers
from akhbar.text.sentences import clause_spans, sentence_spans
from akhbar.text.wordlist import fold, read_words, trie_regex
from tasks.extract.common.gazetteer import word_list

__all__ = [
    "attach_dates",
    "background_opening",
    "dated",
    "event_day",
    "lead_shift",
    "occurred_spans",
    "period_bound",
]

# Precisions good enough to date a figure or a quote.
_ATTACHABLE = ("day", "minute")
# Precisions that name a period a row may belong to instead of the story's day.
_COARSE = ("year", "month")
_PAST = "PAST_REF"
_AGO = normalize("قبل")
# The lead's date is the article's event day only this close to publication:
# news reports what happened in the last days ("الجمعة" in a Sunday article);
# an older date in the lead is background (an anniversary, a past attack).
EVENT_DAY_MAX_AGE = timedelta(days=7)
# Words of a report's subject between إن/أن and the verb saying when the event happened
# ("إن أفراد قوات حرس الحدود اختطفوا": 4, round 1 of the realnews gold).
REPORT_SUBJECT_WORDS = 4
# Characters before a date searched for a period-bound word, within its clause
# ("منذ بدء هجوم القوات الحكومية على المحافظة في 19 يونيو": 45).
_BOUND_WINDOW = 60
_CLAUSE_END = re.compile(r"[\u060c,.;\u061b:\n]")


@cache
def _bound_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = read_rows("time/period_bounds.txt")
    starts = [fold(w) for w, bound in rows if bound == "start"]
    ends = [fold(w) for w, bound in rows if bound == "end"]
    return (
        re.compile(rf"(?<!\w)[وف]?(?:{trie_regex(starts)})(?!\w)"),
        re.compile(rf"(?<!\w)[وف]?(?:{trie_regex(ends)})\s*(?:يوم\s*)?$"),
    )


def period_bound(text: str, t: dict) -> str | None:
    """ "start" or "end" when timex ``t`` bounds a period ("منذ بدء الهجوم في 19 يونيو",
    "حتى 30 يونيو"), else None."""
    clause = text[max(0, t["start"] - _BOUND_WINDOW) : t["start"]]
    clause = fold(_CLAUSE_END.split(clause)[-1])
    since, until = _bound_res()
    if since.search(clause):
        return "start"
    return "end" if until.search(clause) else None


def dated(timex: list[dict], text: str) -> list[dict]:
    """The day-precise dates of ``timex`` that are not period bounds."""
    return [
        t
        for t in timex
        if t.get("resolved_date")
        and t.get("precision") in _ATTACHABLE
        and period_bound(text, t) is None
    ]


def event_day(
    timex: list[dict],
    lead: tuple[int, int],
    published: date | None,
    occurred: Sequence[tuple[int, int]] = (),
    says: Sequence[int] = (),
    text: str = "",
) -> date | None:
    """The day of the article's story: the first date of its lead paragraph, when recent
    (or an earlier day the report names, :func:`reported_day`); with no date in the lead,
    the first recent date of a sentence saying when the event happened (``occurred``:
    spans from :func:`occurred_spans`).

    ``timex`` must already be filtered of period bounds (see :func:`dated`).
    """
    start, end = lead
    in_lead = [t for t in timex if start <= t["start"] and t["end"] <= end]
    if in_lead:
        if not _recent(in_lead[0]["resolved_date"], published):
            return None
        return reported_day(in_lead, lead, says, text) or in_lead[0]["resolved_date"]
    for s, e in occurred:
        for t in timex:
            if s <= t["start"] and t["end"] <= e and _recent(t["resolved_date"], published):
                return t["resolved_date"]
    return None


def reported_day(
    in_lead: list[dict], lead: tuple[int, int], says: Sequence[int], text: str
) -> date | None:
    """ "أفاد المرصد الخميس أن حصيلة الهجمات التي شهدتها السويداء صباح الأربعاء": after a
    speech verb (``says``) the lead's first date is when it was said, and an earlier day
    of the past week named after it in its sentence is the event's. Not when the first
    date is already inside what is reported ("قال الجيش إن مسلحين قتلوا جنديا صباح
    الجمعة ردا على غارة ... الأربعاء"), nor past a count ("أعلنت السلطات الأحد مقتل
    ثلاثة ... في هجوم ... الجمعة": the raid is Sunday's report, the attack another event)."""
    first = in_lead[0]
    verbs = [p for p in says if lead[0] <= p < first["start"]]
    if not verbs or _THAT.search(normalize(text[verbs[-1] : first["start"]])):
        return None
    said = first["resolved_date"]
    stop = _SENTENCE_STOP.search(text, first["end"], lead[1])
    for t in in_lead[1:]:
        if stop is not None and t["start"] >= stop.start():
            break
        if said - EVENT_DAY_MAX_AGE <= t["resolved_date"] < said:
            between = normalize(text[first["end"] : t["start"]])
            return None if find_numbers(between) else t["resolved_date"]
    return None


def lead_shift(timex: list[dict], lead: tuple[int, int], text: str) -> int:
    """Days between the lead's date and the event its sentence reports after "غداة" or
    "بعد يوم من" ("دعا الرئيس اليوم السبت ... بعد يوم من هجومين": the attacks were on
    Friday): what the story's figures are counted on when they name no day."""
    start, end = lead
    for t in timex:
        if start <= t["start"] and t["end"] <= end:
            stop = _SENTENCE_STOP.search(text, t["end"], end)
            return _shift(text, t["end"], stop.start() if stop else end)
    return 0


def _recent(day: date, published: date | None) -> bool:
    return published is None or published - EVENT_DAY_MAX_AGE <= day <= published


def occurred_spans(norm: str) -> list[tuple[int, int]]:
    """Normalised spans of the sentences opening with a verb of happening ("وقع الحادث ...
    عصر يوم السبت", ``time/occurred.txt``), then of those opening with a verb of the counted
    event (``time/occurred_counts.txt``): one regex pass each, no sentence splitting."""
    return _opened_by(norm, "time/occurred.txt") + _opened_by(norm, "time/occurred_counts.txt")


def _opened_by(norm: str, words: str) -> list[tuple[int, int]]:
    out = []
    for m in _occurred_re(words).finditer(norm):
        end = _SENTENCE_STOP.search(norm, m.end())
        out.append((m.start("verb"), end.start() if end else len(norm)))
    return out


_SENTENCE_STOP = re.compile(r"[.!?\n]")
_THAT = re.compile(r"(?<!\w)[\u0625\u0623\u0627]\u0646(?!\w)")  # إن / أن, folded or not


@cache
def _occurred_re(words: str) -> re.Pattern[str]:
    verbs = trie_regex(read_words(words))
    # at a sentence's opening, or after the إن/أن of a report and its subject of up to
    # four words ("وتقول المنظمة إن القارب انقلب ... صباح الأربعاء"), the verb maybe
    # opening a quote ("إن أفراد قوات حرس الحدود "اختطفوا ... فجر الثلاثاء")
    opening = r"(?:^|[.!?\n])\s*"
    # (a comma may close the subject: "إن شخصين مسلحين على الأقل، فتحا النار")
    reported = (
        rf'(?<!\w)[\u0625\u0623\u0627]\u0646\s+(?:\w+[\s,\u060c]+){{0,{REPORT_SUBJECT_WORDS}}}"?'
    )
    return re.compile(rf"(?:{opening}|{reported})(?P<verb>[وف]?(?:{verbs}))(?!\w)")


def attach_dates(
    rows: list[dict],
    timex: list[dict],
    text: str,
    fallback: date | None = None,
    *,
    shifted: bool = False,
    periods: bool = False,
    unshifted: tuple[int, int] | None = None,
) -> None:
    """Set ``row["date"]``: the nearest day-precise date of the row's clause, else of its
    sentence, else ``fallback`` (the article's event day).

    ``rows`` are figures or quotes with ``start``/``end``; a date that bounds a
    period ("منذ 18 نيسان") is not a row's day. ``shifted``: counts after "غداة" /
    "عشية" are a day away from that date (figures; a quote is dated when it was said).
    ``periods``: a row whose clause names another year or month ("عام 2013") is of that
    time, not of ``fallback`` (counts of single events; a running total is as of the day
    it was reported whatever period it covers). ``unshifted``: a span (the lead, when
    ``fallback`` was read from the sentence saying when the event happened, not from the
    lead's date) whose rows after "غداة" take ``fallback`` as it is ("عاد الهدوء غداة
    هجوم أسفر عن مقتل 28" counts the attack's day).
    """
    found = dated(timex, text)
    shifts = shifted and _shift_forms().search(text) is not None  # folding all costs 0.3 ms
    # year- and month-precise dates: a row in their clause is of that time, not the story's
    coarse = (
        [
            t
            for t in timex
            if (t.get("precision") in _COARSE and t.get("resolved_date")) or _some_time_ago(text, t)
        ]
        if periods and rows
        else []
    )
    spans = sentence_spans(text) if rows and (found or shifts or coarse) else []
    starts = [s for s, _e in spans]
    for row in rows:
        day = row.get("date") or (
            _own_date(row, found, text, spans, starts, shifts) if found else None
        )
        if day is None and coarse and _of_another_time(row, coarse, text, spans, starts, fallback):
            row["date"] = None  # "قتلت عشرات الأشخاص خلال احتجاجات عام 2013"
            continue
        if day is None and found:
            day = _day_pointed_at(row, found, text, spans, starts)
        lead = unshifted is not None and unshifted[0] <= row["start"] < unshifted[1]
        if day is None and fallback is not None and shifts and not lead:
            # "وتأتي هذه الحصيلة غداة مقتل 21 مدنيا": the story's day, shifted by غداة
            i = bisect_right(starts, row["start"]) - 1
            day = fallback + timedelta(days=_shift(text, starts[i] if i >= 0 else 0, row["start"]))
        row["date"] = day or fallback


def _of_another_time(
    row: dict,
    coarse: list[dict],
    text: str,
    spans: list[tuple[int, int]],
    starts: list[int],
    story: date | None,
) -> bool:
    """A year or month that the story's day is not in, named in the row's clause or before
    it in its sentence ("وفي العام 1979، ... ما أدى لمقتل 127 جنديا"), or a past time of no
    known day in its clause ("اعتقال 4 رجال آخرين قبل أيام")."""
    if story is None:
        return False
    i = bisect_right(starts, row["start"]) - 1
    if i < 0 or row["start"] >= spans[i][1]:
        return False
    s0, s1 = spans[i]
    clause = next(
        ((c0, c1) for c0, c1 in clause_spans(text, s0, s1) if c0 <= row["start"] < c1), spans[i]
    )
    for t in coarse:
        vague = t.get("value") == _PAST
        opened = clause[0] if vague else s0  # a year may open the sentence
        if opened <= t["start"] and t["end"] <= clause[1] and period_bound(text, t) is None:
            if vague:
                return True
            when = t["resolved_date"]
            same = when.year == story.year and (
                t["precision"] == "year" or when.month == story.month
            )
            if not same:
                return True
    return False


@cache
def _then_re() -> re.Pattern[str]:
    """The words of ``time/then_words.txt`` ("حينها", "آنذاك"), on folded text."""
    return re.compile(rf"(?<!\w)[وف]?(?:{trie_regex(read_words('time/then_words.txt'))})(?!\w)")


def _day_pointed_at(
    row: dict,
    found: list[dict],
    text: str,
    spans: list[tuple[int, int]],
    starts: list[int],
) -> date | None:
    """ "وأحصى المرصد حينها مقتل 23 مقاتلا": the last day of the sentence before, when
    the row's sentence points back to it."""
    i = bisect_right(starts, row["start"]) - 1
    if i < 1 or row["start"] >= spans[i][1]:
        return None
    s0, s1 = spans[i]
    before = [t for t in found if spans[i - 1][0] <= t["start"] < s0]
    if not before or _then_re().search(fold(text[s0:s1])) is None:
        return None
    return before[-1]["resolved_date"]


def _some_time_ago(text: str, t: dict) -> bool:
    """ "قبل أيام", "قبل أسابيع": a past time of no known day (not "سابقا" or "مؤخرا", which
    often say when something was reported, not when it happened)."""
    return t.get("value") == _PAST and normalize(text[t["start"] : t["end"]]).startswith(_AGO)


def _own_date(
    row: dict,
    found: list[dict],
    text: str,
    spans: list[tuple[int, int]],
    starts: list[int],
    shifts: bool,
) -> date | None:
    i = bisect_right(starts, row["start"]) - 1
    if i < 0 or row["start"] >= spans[i][1]:
        return None
    s0, s1 = spans[i]
    near = [t for t in found if t["start"] >= s0 and t["end"] <= s1]
    if not near:
        return None
    for c0, c1 in clause_spans(text, s0, s1):
        if c0 <= row["start"] < c1:
            mine = [t for t in near if t["start"] >= c0 and t["end"] <= c1]
            near = mine or near
            break
    t = min(near, key=lambda t: (_gap(t, row), t["start"]))
    return t["resolved_date"] + timedelta(
        days=_shift(text, t["end"], row["start"]) if shifts else 0
    )


def _shift(text: str, date_end: int, row_start: int) -> int:
    """Days between the clause's date and a count after "غداة" / "عشية" that follows it
    (``time/day_shifts.tsv``): "الثلاثاء ... غداة حادث أدى إلى مقتل عشرة" is Monday's."""
    if row_start <= date_end:
        return 0
    words = _shift_re().findall(fold(text[date_end:row_start]))
    return _shifts()[words[-1]] if words else 0  # the last one before the count governs it


@cache
def _shifts() -> dict[str, int]:
    return {fold(w): int(n) for w, n in read_rows("time/day_shifts.tsv")}


@cache
def _shift_forms() -> re.Pattern[str]:
    """The shift words as written and as folded, in one pattern: a cheap test of the raw
    text (one scan, however many counted shifts the list holds)."""
    rows = read_rows("time/day_shifts.tsv")
    return re.compile(trie_regex(sorted({w for row in rows for w in (row[0], fold(row[0]))})))


@cache
def _shift_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{trie_regex(list(_shifts()))})(?!\w)")


def _gap(t: dict, row: dict) -> int:
    return max(0, t["start"] - row["end"], row["start"] - t["end"])


def background_opening(sentence: str) -> bool:
    """The sentence opens by recalling earlier events (``time/background.txt``), not by
    recapping the story's own ("يذكر أن الانفجار أسفر أيضا عن", ``figures/event_anaphors.txt``)."""
    norm = normalize(sentence)
    m = _background_re().match(norm)
    if m is None:
        return False
    subject = norm[m.end() :].split()[:1]
    return not (subject and subject[0] in word_list("figures/event_anaphors.txt"))


@cache
def _background_re() -> re.Pattern[str]:
    words = trie_regex(read_words("time/background.txt"))
    return re.compile(rf"\s*[\u0648\u0641]?(?:{words})(?!\w)")
