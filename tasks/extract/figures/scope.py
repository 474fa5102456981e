"""A figure's scope: one incident's count, a running total over a period, or a part of
another count (issue 19).

- ``breakdown``: the count opens after "من بينهم / بينهم / منهم" ("16 قتيلا بينهم ثمانية
  مسلحين"): a part of the count before it;
- ``cumulative``: its sentence says the count runs over a period (``cumulative.txt``:
  "منذ 30 آذار", "حتى الآن", "الحصيلة الإجمالية", "سنويا"); ``period_start`` is the date that
  opens the period when the sentence gives one ("منذ عام 2011" -> ``2011``);
- ``incident``: anything else.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from akhbar.data import read_rows
from akhbar.text.normalize import NormText, normalize
from akhbar.text.sentences import clause_spans
from akhbar.text.wordlist import proclitic_pattern, read_words, trie_regex
from tasks.extract.common.dates import period_bound
from tasks.extract.figures.lexicon import Lexicon, word_list_re

__all__ = [
    "SCOPES",
    "SHORT_PERIOD_DAYS",
    "dated_clause",
    "period_spanned",
    "period_start",
    "scope_of",
    "timex_iso",
]

SCOPES = ("incident", "cumulative", "breakdown")
# Characters before a count searched for the cue that makes it a breakdown
# ("، من بينهم " is 11; a qualifier may follow the cue: "بينهم أكثر من").
BREAKDOWN_WINDOW = 32
# Words of the complement of "من بين ضحايا" before a count ("تحطم الطائرة": 2).
AMONG_COMPLEMENT_WORDS = 3
# Characters before a period word searched for what it qualifies ("الأكثر دموية منذ").
SINCE_WINDOW = 24
# ... and for an indefinite elative heading up to ELATIVE_PHRASE_WORDS words before it
# ("أعنف حادث قطار في مصر منذ": 22 characters, four words).
ELATIVE_WINDOW = 40
ELATIVE_PHRASE_WORDS = 4
_PLACE_HEAD_CLASSES = ("place", "site", "area")
_ISO_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_WORD = re.compile(r"\w+")
_CLAUSE_STOP = re.compile(r"[,.;:!?\u060c\u061b]")
# Words between a count and the rising tally it adds to ("الأربعة ترتفع": 0; a place or
# a day may come between: "في خان يونس الجمعة ترتفع").
MAX_RISE_GAP_WORDS = 4


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    pre = proclitic_pattern()

    def words(name: str) -> str:
        return trie_regex(read_words(f"figures/{name}"))

    return (
        re.compile(rf"(?<!\w)(?:{pre})(?:{words('cumulative.txt')})(?!\w)"),
        re.compile(rf"(?<!\w)(?:{pre})(?:{words('since_not_period.txt')})\s+(?:\S+\s+)?$"),
        re.compile(rf"\s*من\s+(?:{words('counted_before.txt')})(?!\w)"),
        re.compile(rf"(?<!\w)(?:{pre})(?:{words('cumulative_undated.txt')})(?!\w)"),
    )


def scope_of(
    lex: Lexicon,
    norm: str,
    sentence: tuple[int, int],
    fig: tuple[int, int],
    dated_clause: tuple[int, int] | None = None,
) -> str:
    """Scope of the figure at normalised ``fig`` in the sentence ``norm[sentence]``.

    ``dated_clause`` is the figure's clause when it names a day of its own ("قتل أربعة
    الجمعة، حيث يواصل ... منذ 30 آذار"): then only a cue in that clause makes the count a
    running total, not one elsewhere in the sentence.
    """
    start = fig[0]
    before = norm[max(sentence[0], start - BREAKDOWN_WINDOW) : start]
    if lex.part_of_re.search(before) or lex.part_of_re.search(_strip_qualifier(lex, before)):
        return "breakdown"
    if _among_counted(norm, before, start):
        return "breakdown"  # "وكان من بين ضحايا الطائرة 30 مصريا", "بين المصابين 149 طفلا"
    cumulative, blocked, counted, undated = _cues()
    if counted.match(norm, _number_end(norm, fig), sentence[1]):
        return "breakdown"  # "ستة من الضحايا": six of the victims counted before
    if _rises_after(norm, fig, sentence):
        return "incident"  # "وبمقتل الفلسطينيين الأربعة ترتفع حصيلة ... منذ"
    where = dated_clause or _proposition(norm, sentence, fig)
    for m in cumulative.finditer(norm, *where):
        if blocked.search(norm, max(where[0], m.start() - SINCE_WINDOW), m.start()):
            continue
        if not _elative().search(norm, max(where[0], m.start() - ELATIVE_WINDOW), m.start()):
            return "cumulative"
    if dated_clause is None and undated.search(norm, *where):
        return "cumulative"  # "قتلوا خلال تلك الاحتجاجات", with no day of their own
    return "incident"


@cache
def _victims() -> str:
    """People counted before ("الضحايا", "قتلى"), with or without ال."""
    words = read_words("figures/counted_before.txt")
    return "|".join(re.escape(w.removeprefix("ال")) for w in words)


@cache
def _among_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    victims = _victims()
    return (
        # "من بين ضحايا تحطم الطائرة" (a complement of up to three words) or "بين المصابين"
        # right before the count ("بين المعتقلين والحراس خلفت 7 جرحى" is between two sides)
        re.compile(
            rf"(?<!\w)(?:من\s+بين\s+(?:ال)?(?:{victims})(?:\s+\w+){{0,{AMONG_COMPLEMENT_WORDS}}}"
            rf"|بين\s+(?:ال)?(?:{victims}))\s*$"
        ),
        re.compile(r"(?<!\w)(?:من\s+)?بين\s*$"),
        re.compile(rf"(?:ال)?(?:{victims})(?!\w)"),  # ... or opening the figure itself
    )


def _among_counted(norm: str, before: str, start: int) -> bool:
    """The count is a part of people counted before: "بين" and those people before it
    (or opening the figure: "بين المصابين 149 طفلا" spans from المصابين)."""
    with_noun, bare, opening = _among_res()
    if with_noun.search(before):
        return True
    return bare.search(before) is not None and opening.match(norm, start) is not None


@cache
def _elative() -> re.Pattern[str]:
    """An elative heading a noun phrase right before "منذ", its noun not a place."""
    elatives = trie_regex(read_words("figures/since_elatives.txt"))
    heads = [
        normalize(r[0]) for r in read_rows("gazetteer/heads.tsv") if r[1] in _PLACE_HEAD_CLASSES
    ]
    places = trie_regex(heads + read_words("figures/since_places.txt"))
    return re.compile(
        rf"(?<!\w)[وف]?(?:{elatives})\s+(?!(?:ال)?(?:{places})(?!\w))\S+"
        rf"(?:\s+\S+){{0,{ELATIVE_PHRASE_WORDS - 1}}}\s+$"
    )


def _proposition(norm: str, sentence: tuple[int, int], fig: tuple[int, int]) -> tuple[int, int]:
    """The figure's part of its sentence between subordinators: "تأتي هذه الحصيلة غداة
    مقتل 21 مدنيا، فيما ارتفعت الحصيلة منذ بدء التصعيد إلى 93" puts "منذ" in 93's."""
    start, end = sentence
    for m in word_list_re("subordinators.txt").finditer(norm, start, fig[0]):
        start = m.start()
    after = word_list_re("subordinators.txt").search(norm, fig[1], end)
    return start, after.start() if after else end


def _rises_after(norm: str, fig: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """A rising tally follows the count within a few words of its clause."""
    m = word_list_re("tally_rise.txt").search(norm, fig[1], sentence[1])
    if m is None:
        return False
    gap = norm[fig[1] : m.start()]
    return not _CLAUSE_STOP.search(gap) and len(_WORD.findall(gap)) <= MAX_RISE_GAP_WORDS


def _number_end(norm: str, fig: tuple[int, int]) -> int:
    """End of the first word of a figure ("ستة" of "ستة من الضحايا")."""
    m = _WORD.search(norm, fig[0], fig[1])
    return m.end() if m else fig[1]


def _strip_qualifier(lex: Lexicon, before: str) -> str:
    q = lex.pre_qual_re.search(before)
    return before[: q.start()] if q else before


def dated_clause(
    ctx_text: str, nt: NormText, timex: list[dict], sentence: tuple[int, int], fig: tuple[int, int]
) -> tuple[int, int] | None:
    """The normalised span of the figure's clause when a day-precise date that bounds no
    period is in it, else None."""
    for cs, ce in clause_spans(nt.norm, *sentence):
        if cs <= fig[0] < ce:
            sub = word_list_re("subordinators.txt").search(nt.norm, fig[1], ce)
            ce = sub.start() if sub else ce  # "... الجمعة حيث يواصلون الاحتجاج منذ"
            s, e = nt.span(cs, ce)
            for t in timex:
                if (
                    s <= t["start"]
                    and t["end"] <= e
                    and t.get("precision") in ("day", "minute")
                    and period_bound(ctx_text, t) is None
                ):
                    return cs, ce
            return None
    return None


def period_start(text: str, timex: list[dict], sentence: tuple[int, int]) -> str | None:
    """ISO day, month or year of the date that opens the sentence's period, or None."""
    for t in timex:
        if sentence[0] <= t["start"] and t["end"] <= sentence[1]:
            if period_bound(text, t) != "start":
                continue
            iso = timex_iso(t)
            if iso is not None:
                return iso
    return None


def timex_iso(t: dict) -> str | None:
    """A date's ISO day, month or year, at the precision the text gives."""
    if t.get("resolved_date") is not None:
        return _iso_at_precision(t["resolved_date"], t.get("precision"))
    m = _ISO_PREFIX.match(t.get("value") or "")
    return m.group() if m else None


# How many characters of an ISO day a date's precision keeps: "منذ آذار 2015" opens the
# period in 2015-03, not on its first day; a decade or century keeps its first year.
_ISO_LENGTH = {"year": 4, "decade": 4, "century": 4, "month": 7}


def _iso_at_precision(day: date, precision: str | None) -> str:
    return day.isoformat()[: _ISO_LENGTH.get(precision or "", 10)]


# Prepositions that make the time after them the stretch a count runs over: "اعتقل 17
# شخصا خلال الشهر الماضي", "قتل 53 طفلا خلال شهر واحد", "أفرج عن 80 في غضون أسبوع".
_OVER_WORDS = ("خلال", "طوال", "طيلة", "في غضون", "على مدى", "على مدار")
# Characters before a time expression searched for such a preposition ("على مدار" + space).
OVER_REACH = 16
# A period this short (days from its start to the count's day) is one incident: "منذ صباح
# يوم الثلاثاء", "منذ أمس", "خلال 24 ساعة", "خلال يومين"; a campaign's total runs for
# weeks at least.
SHORT_PERIOD_DAYS = 2
_DAYS = re.compile(r"P(\d+)D")
_FUTURE = re.compile(r"مقبل|قادم")  # normalised: "خلال الأشهر المقبلة" is to come
# Date precisions that name a stretch rather than a day ("خلال الشهر الماضي"); a week
# is left out: "خلال الأسبوع الماضي" usually dates one event ("last week").
_STRETCHES = ("month", "year")


@cache
def _over() -> re.Pattern[str]:
    words = "|".join(normalize(w).replace(" ", r"\s+") for w in _OVER_WORDS)
    return re.compile(rf"(?<!\w)[وف]?(?:{words})\s+$")


@cache
def _one_event() -> re.Pattern[str]:
    """An indefinite event noun ("في تفجير انتحاري"): the count is that event's."""
    nouns = [w.removeprefix("ال") for w in read_words("figures/event_anaphors.txt")]
    return re.compile(rf"(?<!\w)(?:في\s+|ب)(?:{trie_regex(nouns)})(?!\w)")


def period_spanned(
    text: str, nt: NormText, timex: list[dict], sentence: tuple[int, int], fig: tuple[int, int]
) -> dict | None:
    """The duration or month/year after "خلال"-like prepositions in the figure's part of
    its sentence (normalised offsets), when the count runs over it, else None."""
    s, e = nt.span(*_proposition(nt.norm, sentence, fig))
    ss, se = nt.span(*sentence)
    inside = [t for t in timex if ss <= t["start"] and t["end"] <= se]
    spans = [t for t in inside if s <= t["start"] and t["end"] <= e and _spanned(text, t)]
    if len(spans) != 1:
        return None
    between = nt.norm[fig[1] : nt.to_norm(spans[0]["start"])]
    if _one_event().search(between):
        return None  # "قتل 12 شخصا في تفجير استهدف مسجدا خلال شهر رمضان": one event
    # "ففي 11 حزيران، ... خلال شهر رمضان، ما أسفر عن مقتل 12": another date in the
    # sentence dates the count
    dated = [t for t in inside if t["type"] in ("DATE", "TIME") and period_bound(text, t) is None]
    return spans[0] if dated in ([], spans) else None


def _spanned(text: str, t: dict) -> bool:
    """A past duration longer than a short period, or a month or year, after "خلال"-like
    prepositions."""
    if _FUTURE.search(normalize(text[t["start"] : t["end"]])):
        return False
    if t["type"] == "DURATION":
        value = t.get("value") or ""
        days = _DAYS.fullmatch(value)
        if value.startswith("PT") or (days and int(days.group(1)) <= SHORT_PERIOD_DAYS):
            return False
    elif not (t["type"] == "DATE" and t.get("precision") in _STRETCHES):
        return False
    before = normalize(text[max(0, t["start"] - OVER_REACH) : t["start"]])
    return _over().search(before) is not None
