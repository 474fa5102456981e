"""Counted facts: killed, wounded, arrested, ... (issue 4).

Trigger-first: one precompiled regex finds trigger words in ``ctx.nt.norm``;
only sentences holding one are parsed for numbers and linked
(:mod:`figures_link`). Each figure then borrows its place, date and source
from the sentence (:mod:`figures_attach`). Offsets are mapped back to the
source, so ``text[start:end] == surface``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from functools import cache

from akhbar.text.sentences import sentence_spans
from akhbar.text.wordlist import read_words, trie_regex
from tasks.extract.common.context import ExtractContext
from tasks.extract.common.dates import attach_dates, background_opening
from tasks.extract.common.extractor import Extractor, Rows
from tasks.extract.common.gazetteer import lexicon as lexicon_of_places
from tasks.extract.figures.attach import PROJECTILE, PROJECTILES, SentenceAttach, article_place
from tasks.extract.figures.lexicon import lexicon
from tasks.extract.figures.link import Found, sentence_figures
from tasks.extract.figures.scope import (
    SHORT_PERIOD_DAYS,
    dated_clause,
    period_spanned,
    period_start,
    scope_of,
    timex_iso,
)

__all__ = ["EXTRACTOR", "extract_figures"]

# Characters after a count where its "آخرون" may stand (a space and the word).
OTHERS_REACH = 8
# Days between a story's day and the earlier day its first count of a type names, for the
# later counts of that type to be of that day: a disaster reported the day after (Genoa's
# bridge, counted on Tuesday in a Wednesday story); a week would reach other events.
FIRST_DAY_MAX_DAYS = 2
# What joins two counts of one clause: و before the second count's event word or number.
_AND = re.compile(r"\s*و\s*")
# ... and between the parts of a breakdown, a comma may come first ("37 رجلا، وتسع نساء").
_AND_PART = re.compile(r"\s*[,\u060c]?\s*و\s*")


def extract_figures(ctx: ExtractContext) -> list[dict]:
    """FIGURES rows (without ``article_id``) for one article's visible text."""
    lex = lexicon()
    norm = ctx.nt.norm
    hits = list(lex.trigger_re.finditer(norm))
    if not hits:
        return []
    rows: list[dict] = []
    starts = [m.start() for m in hits]
    locs = [m for m in ctx.mentions if m.get("kind") == "LOCATION"] + ctx.inner_places
    where = article_place(ctx, lex, locs)
    for s, e in _sentences_with_hits(norm, starts):
        mine = hits[bisect_left(starts, s) : bisect_left(starts, e)]
        found = sentence_figures(lex, norm, s, e, mine)
        if found:
            sent = ctx.nt.span(s, e)
            at = SentenceAttach(ctx, lex, (s, e), sent, locs, where)
            text = ctx.text[sent[0] : sent[1]]
            opened = period_start(ctx.visible, ctx.timex, sent)
            for f in found:
                row = _row(ctx, at, f, text)
                own = dated_clause(ctx.visible, ctx.nt, ctx.timex, (s, e), (f.start, f.end))
                # "62 شخصا استشهدوا، 50 منهم": the part the linker bound to the figure before
                row["scope"] = (
                    "breakdown" if f.part else scope_of(lex, norm, (s, e), (f.start, f.end), own)
                )
                row["period_start"] = opened if row["scope"] == "cumulative" else None
                if row["scope"] == "incident" and own is None:
                    _over_a_period(ctx, row, (s, e), f)
                rows.append(row)
            _partition(rows[len(rows) - len(found) :], found, norm)
            _share_place(rows[len(rows) - len(found) :], found, norm)
    return rows


def _over_a_period(ctx: ExtractContext, row: dict, sentence: tuple[int, int], f: Found) -> None:
    """ "اعتقل 17 شخصا خلال الشهر الماضي": a count over a stretch of time is a running
    total, opened by that stretch when it is a month or year."""
    t = period_spanned(ctx.visible, ctx.nt, ctx.timex, sentence, (f.start, f.end))
    if t is not None:
        row["scope"] = "cumulative"
        row["period_start"] = timex_iso(t)


def _destined(f: Found) -> str:
    """The count's type, as the place rules read it: missiles and shells are the attacks
    counted where they were fired at ("PROJECTILE"); other attacks where they happened."""
    return PROJECTILE if f.count_type == "ATTACK" and f.obj in PROJECTILES else f.count_type


def _share_place(rows: list[dict], found: list[Found], norm: str) -> None:
    """ "هجوم الأحواز، الذي أسفر عن مقتل 25 شخصا وإصابة العشرات": a count joined to the
    one before it by و (and at most its event) happened where that one did; a count
    joined by و alone to a part of a whole ("بينهم 3 أطفال و4 نساء") is a part too."""
    for i in range(1, len(found)):
        shared = found[i].trigger == found[i - 1].trigger  # no event of its own
        parted = rows[i - 1]["scope"] == "breakdown" and shared
        if parted and _AND_PART.fullmatch(norm, found[i - 1].end, found[i].start):
            # "بينهم 3 أطفال و4 نساء", "من بين الضحايا 37 رجلا، وتسع نساء"
            rows[i]["scope"], rows[i]["period_start"] = "breakdown", None
        if not _AND.fullmatch(norm, found[i - 1].end, found[i].start):
            continue
        if rows[i]["location_id"] is None:
            rows[i]["location_id"] = rows[i - 1]["location_id"]


def _partition(rows: list[dict], found: list[Found], norm: str) -> None:
    """ "قتل أربعة مسلحين في مقر الجيش، بينما قتل أربعة آخرون في مقر السفارة": counts of
    one type set side by side by "آخرون" are parts of a whole the sentence does not give;
    neither is the incident's count."""
    for i, f in enumerate(found):
        # the word may close the count or follow it ("أوقف اثنان آخران")
        if i == 0 or not _others().search(norm, f.start, f.end + OTHERS_REACH):
            continue
        for j in range(i):
            if found[j].count_type == f.count_type:
                rows[j]["scope"] = rows[i]["scope"] = "breakdown"
                rows[j]["period_start"] = rows[i]["period_start"] = None


@cache
def _others() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{trie_regex(read_words('figures/more_of_the_same.txt'))})(?!\w)")


def _sentences_with_hits(norm: str, hits: list[int]) -> list[tuple[int, int]]:
    """Sentences holding a trigger, splitting only the paragraphs they are in.

    A newline is always a sentence boundary (boilerplate is blanked to
    newlines), so each hit's paragraph is found with C-level ``rfind``/``find``
    and only that paragraph goes through the sentence splitter.
    """
    out: list[tuple[int, int]] = []
    para_end = -1
    spans: list[tuple[int, int]] = []
    starts: list[int] = []
    for h in hits:
        if h >= para_end:
            para_start = norm.rfind("\n", 0, h) + 1
            para_end = norm.find("\n", h)
            para_end = len(norm) if para_end < 0 else para_end
            spans = sentence_spans(norm, para_start, para_end)
            starts = [s for s, _e in spans]
        i = bisect_right(starts, h) - 1  # spans are sorted and disjoint
        if i >= 0 and h < spans[i][1] and (not out or out[-1] != spans[i]):
            out.append(spans[i])
    return out


def _row(ctx: ExtractContext, at: SentenceAttach, f: Found, sentence: str) -> dict:
    start, end = ctx.nt.span(f.start, f.end)
    ts, te = ctx.nt.span(*f.trigger)
    return {
        "count_type": f.count_type,
        "value": f.value,
        "value_max": f.value_max,
        "qualifier": f.qualifier,
        "object": f.obj,
        "counted": _counted(f),
        "location_id": at.location((start, end), _destined(f)),
        "date": None,  # set by extract_article via timex.attach_dates (day-precise only)
        "according_to": at.according_to(f.start),
        "trigger": ctx.text[ts:te],
        "surface": ctx.text[start:end],
        "sentence": sentence,
        "start": start,
        "end": end,
    }


def _counted(f: Found) -> str | None:
    """Fighters or forces, by the counted noun; "3 آلاف عنصر" deployed are forces."""
    counted = lexicon().counted.get(f.obj or "")
    return "forces" if counted is not None and f.count_type == "DEPLOY" else counted


def _run(ctx: ExtractContext) -> Rows:
    rows = extract_figures(ctx)
    placed = _countries_placed(ctx, rows)
    # A row takes the date stated in its own clause or sentence, else the story's day;
    # a running total with no date of its own is as of the day it was reported.
    undated = [r for r in rows if r.get("date") is None]
    reported = ctx.published_at.date() if ctx.published_at is not None else None
    totals = [r for r in undated if r["scope"] == "cumulative"]
    incidents = [r for r in undated if r["scope"] != "cumulative"]
    # "يذكر أن ...": a sentence recalling earlier events dates its counts by its own dates
    # only, never by the story's day
    recalls = [background_opening(r["sentence"]) for r in incidents]
    if any(recalls):
        recalled = [r for r, old in zip(incidents, recalls, strict=True) if old]
        incidents = [r for r, old in zip(incidents, recalls, strict=True) if not old]
        attach_dates(recalled, ctx.timex, ctx.visible, None, shifted=True, periods=True)
    own = _own_days(ctx, incidents)
    attach_dates(
        incidents,
        ctx.timex,
        ctx.visible,
        ctx.story_day,
        shifted=True,
        periods=True,
        unshifted=None if ctx.lead_dated else ctx.lead_span,
    )
    _counted_on_first_day(ctx, incidents, own)
    attach_dates(totals, ctx.timex, ctx.visible, reported, shifted=True)
    for r in totals:
        _short_period_is_one_incident(r)
    if not placed:
        return {"figures": rows}
    return {"figures": rows, "entity_defs": list(ctx.entities.values())}


def _own_days(ctx: ExtractContext, rows: list[dict]) -> list[date | None]:
    """Each row's day from its own clause or sentence, with no story day to fall back on."""
    if ctx.story_day is None or not rows:
        return [None] * len(rows)
    probe = [{"start": r["start"], "end": r["end"], "date": None} for r in rows]
    attach_dates(probe, ctx.timex, ctx.visible, None, shifted=True, periods=True)
    return [p["date"] for p in probe]


def _counted_on_first_day(ctx: ExtractContext, rows: list[dict], own: list[date | None]) -> None:
    """ "وكان 30 شخصا على الأقل قد لقوا مصرعهم الثلاثاء" in a story told on Wednesday
    (the lead's day, the search for survivors): when the article's first count of a type
    names its own day, one or two days before the story's, the later counts of that type
    that name none ("بلغت الحصيلة الرسمية 25 قتيلا") are of that day too."""
    story = ctx.story_day
    if story is None:
        return
    first: dict[str, tuple[date, str | None] | None] = {}
    for r, day in zip(rows, own, strict=True):
        kind = r["count_type"]
        if kind not in first:
            recent = day is not None and 0 < (story - day).days <= FIRST_DAY_MAX_DAYS
            first[kind] = (day, r["location_id"]) if recent and r["location_id"] else None
        elif (
            day is None
            and first[kind] is not None
            and r["date"] == story
            and r["location_id"] == first[kind][1]  # "قتل 4 أمس في الموصل": not Baghdad's
        ):
            r["date"] = first[kind][0]


def _short_period_is_one_incident(row: dict) -> None:
    """ "منذ صباح يوم الثلاثاء": a period opened a day or two before the count's day is that
    incident's own count, not a running total to compare with a campaign's."""
    opened, day = row.get("period_start"), row.get("date")
    if opened is None or day is None or len(opened) != len("YYYY-MM-DD"):
        return
    if 0 <= (day - date.fromisoformat(opened)).days <= SHORT_PERIOD_DAYS:
        row["scope"], row["period_start"] = "incident", None


def _countries_placed(ctx: ExtractContext, rows: list[dict]) -> bool:
    """Add the definitions of countries a figure was placed in by a nisba alone (no
    mention names them): the views name a figure's place from ``entity_defs``."""
    by_id = lexicon_of_places().by_id
    added = False
    for r in rows:
        eid = r["location_id"]
        if eid is not None and eid not in ctx.entities and eid in by_id:
            ctx.entities[eid] = by_id[eid].definition()
            added = True
    return added


EXTRACTOR = Extractor("figures", 30, _run)
