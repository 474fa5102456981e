"""Temporal expressions as TimeML TIMEX3 rows (issue 5).

One pass of a precompiled alternation over ``ctx.nt.norm`` finds candidates
(``timex_lexicon``), each is checked and parsed (``timex_rules``), the
article's reference date is taken from the publication date or inferred from
the text (``timex_resolve``), and every candidate is resolved in text order
(so "بعدها بيوم" can lean on the date before it).  Parts of the day and
clock times are then joined to the date next to them.
"""

from __future__ import annotations

import re
from datetime import date

from tasks.extract.common.context import ExtractContext
from tasks.extract.common.extractor import Extractor, Rows
from tasks.extract.timex.lexicon import MATCHER
from tasks.extract.timex.resolve import NO_REF, Ref, Resolved, infer_reference, resolve
from tasks.extract.timex.rules import Cand, parse, twelve_hour

__all__ = ["EXTRACTOR", "extract_timex"]

# What may sit between a date and the clock time that follows it
# ("12 كانون الثاني 2022 14:15", "الأحد 09 يناير 2022 - 05:31").
_DATE_THEN_CLOCK = re.compile(r"[^\S\n]*[-\u2013\u2014,|]?[^\S\n]*(?:الساعه[^\S\n]*)?")
# What may sit between a part of the day or a clock time and the date after
# it ("مساء أمس", "صباح يوم 7 يناير", "الساعة العاشرة من صباح اليوم").
_THEN_DATE = re.compile(r"[^\S\n]+(?:من[^\S\n]+)?(?:يوم[^\S\n]+)?")
# Date precisions a clock time or a part of the day can hang on.
_DAYLIKE = ("day",)

Item = tuple[int, int, Resolved]  # norm start, norm end, resolution
# The value of a time whose day is not known yet.
_NO_DAY = "XXXX-XX-XXT"


def extract_timex(ctx: ExtractContext) -> list[dict]:
    """TIMEX rows (without article_id) for the visible text of one article."""
    norm = ctx.nt.norm
    cands = [c for m in MATCHER.finditer(norm) if (c := parse(m, norm)) is not None]
    if not cands:
        return []
    ref = _reference(ctx, cands)
    items: list[tuple[Cand, Resolved]] = []
    prev: date | None = None
    for c in cands:
        res = resolve(c, ref, prev)
        if res is None:
            continue
        if res.type == "DATE" and res.precision == "day" and res.date is not None:
            prev = res.date
        items.append((c, res))
    joined = _anchor_times(_join(items, norm), norm)
    return [_row(ctx, s, e, res, ref) for s, e, res in joined]


def _reference(ctx: ExtractContext, cands: list[Cand]) -> Ref:
    if ctx.published_at is not None:
        d = ctx.published_at.date()  # in the zone it was stated in (UTC for "بتوقيت غرينتش")
        return Ref(d, d, "published")
    ref = infer_reference(cands, ctx.ingest_date or date.today()) if cands else NO_REF
    if ref.kind == "none" and ctx.story_date is not None:
        return Ref(ctx.story_date, ctx.story_date, "inferred")
    return ref


def _join(items: list[tuple[Cand, Resolved]], norm: str) -> list[Item]:
    """Hang parts of the day and clock times on the date next to them."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        c, res = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        if c.rule == "part":
            if nxt and _date_follows(c, nxt, norm):  # "فجر الأحد", "مساء أمس": one TIME
                out.append((c.s, nxt[0].e, _with_time(nxt[1], c.f["part"], "day")))
                i += 2
                continue
            i += 1  # a part of the day with no date after it says nothing
            continue
        if c.rule in ("clock", "clockw"):
            hm = f"{c.f['h']:02d}:{c.f['mi']:02d}"
            if out and _is_day(out[-1][2]) and _DATE_THEN_CLOCK.fullmatch(norm, out[-1][1], c.s):
                ps, _pe, pres = out.pop()
                out.append((ps, c.e, _with_time(pres, hm, "minute")))
            elif nxt and _date_follows(c, nxt, norm):
                out.append((c.s, nxt[0].e, _with_time(nxt[1], hm, "minute")))
                i += 1
            elif _part_then_date(items, i, norm):  # "11:30 من صباح اليوم"
                _part, day = items[i + 1], items[i + 2]
                h = twelve_hour(c.f["h"], _part[0].f["part"])
                out.append(
                    (c.s, day[0].e, _with_time(day[1], f"{h:02d}:{c.f['mi']:02d}", "minute"))
                )
                i += 2
            else:
                out.append((c.s, c.e, res))
            i += 1
            continue
        out.append((c.s, c.e, res))
        i += 1
    return out


def _part_then_date(items: list[tuple[Cand, Resolved]], i: int, norm: str) -> bool:
    if i + 2 >= len(items) or items[i + 1][0].rule != "part":
        return False
    clock, part = items[i][0], items[i + 1]
    gap_ok = _THEN_DATE.fullmatch(norm, clock.e, part[0].s) is not None
    return gap_ok and _date_follows(part[0], items[i + 2], norm)


def _is_day(res: Resolved) -> bool:
    return res.type == "DATE" and res.precision in _DAYLIKE


def _date_follows(c: Cand, nxt: tuple[Cand, Resolved], norm: str) -> bool:
    return _is_day(nxt[1]) and _THEN_DATE.fullmatch(norm, c.e, nxt[0].s) is not None


def _anchor_times(items: list[Item], norm: str) -> list[Item]:
    """A clock time with no date beside it is on the day last named in its paragraph
    ("الجمعة ... الساعة السابعة صباحا"). Not on the publication day: a report often
    gives the hour of yesterday's event ("ووقع الزلزال عند الساعة 04:17")."""
    out: list[Item] = []
    day: date | None = None
    prev_end = 0
    for s, e, res in items:
        if "\n" in norm[prev_end:s]:
            day = None  # a new paragraph: an earlier day no longer carries over
        prev_end = e
        if res.type == "DATE" and res.precision == "day" and res.date is not None:
            day = res.date
        elif res.type == "TIME" and res.value.startswith(_NO_DAY):
            anchor = day
            if anchor is not None:
                value = anchor.isoformat() + res.value[len(_NO_DAY) - 1 :]
                res = Resolved("TIME", value, anchor, res.precision)
        out.append((s, e, res))
    return out


def _with_time(day: Resolved, t: str, precision: str) -> Resolved:
    return Resolved("TIME", f"{day.value}T{t}", day.date, precision)


def _row(ctx: ExtractContext, ns: int, ne: int, res: Resolved, ref: Ref) -> dict:
    s, e = ctx.nt.span(ns, ne)
    anchored = res.type in ("DATE", "TIME") and res.date is not None
    return {
        "type": res.type,
        "value": res.value,
        "resolved_date": res.date,
        "precision": res.precision,
        "anchor": ref.kind if anchored else "none",
        "surface": ctx.text[s:e],
        "start": s,
        "end": e,
    }


def _run(ctx: ExtractContext) -> Rows:
    ctx.timex.extend(extract_timex(ctx))
    return {"timex": ctx.timex}


EXTRACTOR = Extractor("timex", 20, _run)
