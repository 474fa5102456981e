"""Resolve candidates against the article's reference date (TimeML values).

The reference is the publication day when there is one; otherwise it is
inferred only where the text pins it down (see :func:`infer_reference`), and
never invented.  Unresolved parts of a value stay as ``X``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from tasks.extract.timex.rules import Cand

__all__ = ["Ref", "Resolved", "infer_reference", "nearest_year", "resolve"]

# A year-less date is put in the year that brings it closest to the
# reference, with days in the future counting double: news mostly report the
# past, so "25 ديسمبر" read on 12 January is last December, while a date up
# to ~4 months ahead ("15 فبراير" on 12 January) stays in the coming weeks.
FUTURE_WEIGHT = 2.0
# How far back the year search goes when inferring a writing date (a weekday
# repeats on the same day of the month within 11 years; 60 covers archives).
MAX_LOOKBACK_YEARS = 60
# A weekday named with a deictic ("أمس الجمعة") is looked for this many days
# either side of the deictic day, so an article published the day after it
# was written still resolves to the named weekday.
WEEKDAY_SLACK = 3


@dataclass(frozen=True)
class Ref:
    day: date | None  # the writing day, when known (relative days need it)
    year_day: date | None  # pins the year of year-less dates (== day when known)
    kind: str  # published | inferred | none


@dataclass
class Resolved:
    type: str
    value: str
    date: date | None = None
    precision: str | None = None


NO_REF = Ref(None, None, "none")


def _iso(d: date) -> str:
    return d.isoformat()


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _cost(d: date, ref: date) -> float:
    diff = (d - ref).days
    return -diff if diff <= 0 else diff * FUTURE_WEIGHT


def nearest_year(m: int, d: int, ref: date) -> date | None:
    """The date (m, d) in the year around ``ref`` that news would mean."""
    options = [x for y in (ref.year - 1, ref.year, ref.year + 1) if (x := _safe(y, m, d))]
    return min(options, key=lambda x: _cost(x, ref)) if options else None


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    q, r = divmod(m - 1 + k, 12)
    return y + q, r + 1


def _weekday_near(target: date, wd: int) -> date:
    delta = (wd - target.isoweekday() + WEEKDAY_SLACK) % 7 - WEEKDAY_SLACK
    return target + timedelta(days=delta)


def _day(d: date | None, ref: Ref, fallback: str) -> Resolved:
    if d is None:
        return Resolved("DATE", fallback, precision="day")
    return Resolved("DATE", _iso(d), d, "day")


# --- per rule -----------------------------------------------------------------


def _r_dmy(f: dict, ref: Ref, prev: date | None) -> Resolved:
    if f["y"] is not None:
        d = _safe(f["y"], f["m"], f["d"])
        return Resolved("DATE", _iso(d), d, "day") if d else Resolved("DATE", "XXXX-XX-XX")
    if ref.year_day is None:
        return Resolved("DATE", f"XXXX-{f['m']:02d}-{f['d']:02d}", precision="day")
    r = ref.year_day
    if f.get("mod") is None:
        return _day(nearest_year(f["m"], f["d"], r), ref, "XXXX-XX-XX")
    # "10 تشرين الأول الماضي": the last such day before the reference, or the next one.
    if f["mod"] == 0:  # "12 ديسمبر الجاري": this year
        return _day(_safe(r.year, f["m"], f["d"]), ref, "XXXX-XX-XX")
    years = (r.year - 1, r.year) if f["mod"] < 0 else (r.year, r.year + 1)
    options = [d for y in years if (d := _safe(y, f["m"], f["d"]))]
    if not options:  # "29 شباط الماضي" when neither year is a leap year
        return Resolved("DATE", f"XXXX-{f['m']:02d}-{f['d']:02d}", precision="day")
    pick = [d for d in options if (d < r if f["mod"] < 0 else d > r)] or options
    return _day(pick[-1] if f["mod"] < 0 else pick[0], ref, "XXXX-XX-XX")


def _r_hijri(f: dict, ref: Ref, prev: date | None) -> Resolved:
    if f["hy"] is not None:
        d = _hijri(f["hy"], f["hm"], f["hd"])
        return Resolved("DATE", _iso(d), d, "day") if d else Resolved("DATE", "XXXX-XX-XX")
    if ref.year_day is None:
        return Resolved("DATE", "XXXX-XX-XX", precision="day")
    # The Hijri year around the reference, chosen like a Gregorian year-less date.
    try:
        hy = Gregorian.fromdate(ref.year_day).to_hijri().year
    except (ValueError, OverflowError):
        return Resolved("DATE", "XXXX-XX-XX", precision="day")  # outside the Umm al-Qura table
    options = [d for y in (hy - 1, hy, hy + 1) if (d := _hijri(y, f["hm"], f["hd"]))]
    best = min(options, key=lambda d: _cost(d, ref.year_day)) if options else None  # type: ignore[arg-type]
    return _day(best, ref, "XXXX-XX-XX")


def _hijri(hy: int, hm: int, hd: int) -> date | None:
    try:
        g = Hijri(hy, hm, hd).to_gregorian()
    except (ValueError, OverflowError):
        return None  # outside the Umm al-Qura table, or day 30 of a 29-day month
    return date(g.year, g.month, g.day)


def _r_my(f: dict, ref: Ref, prev: date | None) -> Resolved:
    return Resolved("DATE", f"{f['y']:04d}-{f['m']:02d}", date(f["y"], f["m"], 1), "month")


def _r_mon(f: dict, ref: Ref, prev: date | None) -> Resolved:
    m, mod = f["m"], f["mod"]
    if ref.year_day is None:
        return Resolved("DATE", f"XXXX-{m:02d}", precision="month")
    r = ref.year_day
    if mod is None:
        y = nearest_year(m, 15, r).year  # type: ignore[union-attr]
    elif mod == 0:
        y = r.year
    elif mod < 0:
        y = r.year if m < r.month else r.year - 1
    else:
        y = r.year if m > r.month else r.year + 1
    return Resolved("DATE", f"{y:04d}-{m:02d}", date(y, m, 1), "month")


def _r_ordrel(f: dict, ref: Ref, prev: date | None) -> Resolved:
    if ref.day is None:
        return Resolved("DATE", f"XXXX-XX-{f['d']:02d}", precision="day")
    y, m = _shift_month(ref.day.year, ref.day.month, f["mod"])
    return _day(_safe(y, m, f["d"]), ref, "XXXX-XX-XX")


def _r_wd(f: dict, ref: Ref, prev: date | None) -> Resolved:
    wd, a = f["wd"], ref.day
    if a is None:
        return Resolved("DATE", f"XXXX-WXX-{wd}", precision="day")
    if f["rel"] is not None:
        return _day(_weekday_near(a + timedelta(days=f["rel"]), wd), ref, "")
    back = (a.isoweekday() - wd) % 7
    ahead = (wd - a.isoweekday()) % 7
    if f["mod"] == -1:
        d = a - timedelta(days=back or 7)
    elif f["mod"] == 1:
        d = a + timedelta(days=ahead or 7)
    elif f["mod"] == 0 or f["future"]:
        d = a + timedelta(days=ahead)
    else:
        d = a - timedelta(days=back)
    return _day(d, ref, "")


def _r_rel(f: dict, ref: Ref, prev: date | None) -> Resolved:
    d = ref.day + timedelta(days=f["rel"]) if ref.day else None
    res = _day(d, ref, "XXXX-XX-XX")
    if f["part"]:
        res.type, res.value = "TIME", f"{res.value}T{f['part']}"
    return res


def _r_period(f: dict, ref: Ref, prev: date | None) -> Resolved:
    u, k, a = f["u"], f["shift"], ref.day or ref.year_day
    if u == "الاسبوع":
        if ref.day is None:
            return Resolved("DATE", "XXXX-WXX", precision="week")
        return _week(ref.day + timedelta(weeks=k))
    if u == "الشهر":
        if ref.day is None:
            return Resolved("DATE", "XXXX-XX", precision="month")
        y, m = _shift_month(ref.day.year, ref.day.month, k)
        return Resolved("DATE", f"{y:04d}-{m:02d}", date(y, m, 1), "month")
    if a is None:
        return Resolved("DATE", "XXXX", precision="year")
    return Resolved("DATE", f"{a.year + k:04d}", date(a.year + k, 1, 1), "year")


def _week(d: date) -> Resolved:
    iy, iw, _ = d.isocalendar()
    monday = d - timedelta(days=d.isoweekday() - 1)
    return Resolved("DATE", f"{iy:04d}-W{iw:02d}", monday, "week")


def _r_year(f: dict, ref: Ref, prev: date | None) -> Resolved:
    return Resolved("DATE", f"{f['y']:04d}", date(f["y"], 1, 1), "year")


def duration_value(n: int | float | None, unit: str) -> str:
    num = "X" if n is None else str(n)
    if unit in ("H", "S"):
        return f"PT{num}{unit}"
    return f"PT{num}M" if unit == "MIN" else f"P{num}{unit}"


def _r_dur(f: dict, ref: Ref, prev: date | None) -> Resolved:
    return Resolved("DURATION", duration_value(f["n"], f["u"]))


def _r_set(f: dict, ref: Ref, prev: date | None) -> Resolved:
    return Resolved("SET", f["value"])


def _offset(base: date, n: int, unit: str) -> Resolved:
    """``base`` moved by ``n`` units, at the precision of the unit."""
    if unit == "D":
        return Resolved("DATE", _iso(base + timedelta(days=n)), base + timedelta(days=n), "day")
    if unit == "W":
        return _week(base + timedelta(weeks=n))
    if unit == "M":
        y, m = _shift_month(base.year, base.month, n)
        return Resolved("DATE", f"{y:04d}-{m:02d}", date(y, m, 1), "month")
    if unit in ("Y", "DE"):
        y = base.year + n * (10 if unit == "DE" else 1)
        return Resolved("DATE", f"{y:04d}", date(y, 1, 1), "year")
    return Resolved("DATE", _iso(base), base, "day")  # hours/minutes ago: that day


def _r_ago(f: dict, ref: Ref, prev: date | None) -> Resolved:
    if f["n"] is None or not isinstance(f["n"], int):
        return Resolved("DATE", "PAST_REF")
    if ref.day is None:
        return Resolved("DATE", "XXXX-XX-XX", precision="day")
    return _offset(ref.day, -f["n"], f["u"])


def _r_ana(f: dict, ref: Ref, prev: date | None) -> Resolved:
    if prev is None or not isinstance(f["n"], int):
        return Resolved("DATE", "XXXX-XX-XX", precision="day")
    return _offset(prev, f["dir"] * f["n"], f["u"])


def _r_clock(f: dict, ref: Ref, prev: date | None) -> Resolved:
    return Resolved("TIME", f"XXXX-XX-XXT{f['h']:02d}:{f['mi']:02d}", precision="minute")


def _r_part(f: dict, ref: Ref, prev: date | None) -> Resolved:
    return Resolved("TIME", f"XXXX-XX-XXT{f['part']}", precision="day")


def _century_now(ref: Ref) -> int | None:
    """The century of the reference day, as TimeML writes it (2018 -> 20)."""
    a = ref.year_day or ref.day
    return a.year // 100 if a else None


def _r_century(f: dict, ref: Ref, prev: date | None) -> Resolved:
    if f["n"] is not None:
        c = f["n"] - 1
    elif (now := _century_now(ref)) is not None and f["mod"] is not None:
        c = now + f["mod"]
    else:
        return Resolved("DATE", "XX", precision="century")
    return Resolved("DATE", f"{c:02d}", date(max(1, c * 100), 1, 1), "century")


def _r_decade(f: dict, ref: Ref, prev: date | None) -> Resolved:
    d = f["d"]
    now = _century_now(ref)
    if f["n"] is not None:
        c = f["n"] - 1
    elif f["mod"] is not None and now is not None:
        c = now + f["mod"]
    elif now is not None:
        a = (ref.year_day or ref.day).year  # type: ignore[union-attr]
        c = now if now * 100 + d * 10 <= a else now - 1  # "الستينيات" in 2018: the 1960s
    else:
        c = 19  # modern news: a decade without a century is of the twentieth
    y = c * 100 + d * 10
    return Resolved("DATE", f"{y // 10:03d}", date(y, 1, 1), "decade")


def _r_ypart(f: dict, ref: Ref, prev: date | None) -> Resolved:
    a = ref.year_day or ref.day
    y = f["y"] if f["y"] is not None else (a.year + f["shift"] if a else None)
    if y is None:
        return Resolved("DATE", f"XXXX-{f['part']}")
    q = {"H1": 1, "H2": 7, "Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10}[f["part"]]
    return Resolved("DATE", f"{y:04d}-{f['part']}", date(y, q, 1), "month")


_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _r_season(f: dict, ref: Ref, prev: date | None) -> Resolved:
    a = ref.year_day or ref.day
    if f["y"] is not None:
        y = f["y"]
    elif a is None:
        return Resolved("DATE", f"XXXX-{f['code']}")
    else:
        y = a.year + (f["mod"] or 0)
    return Resolved("DATE", f"{y:04d}-{f['code']}", date(y, _SEASON_MONTH[f["code"]], 1), "season")


def _r_holiday(f: dict, ref: Ref, prev: date | None) -> Resolved:
    if f["cal"] == "hijri":
        return _r_hijri({"hm": f["m"], "hd": f["d"], "hy": None}, ref, prev)
    return _r_dmy({"m": f["m"], "d": f["d"], "y": None, "mod": f["mod"]}, ref, prev)


def _r_ref(f: dict, ref: Ref, prev: date | None) -> Resolved:
    return Resolved("DATE", f["value"])


_RESOLVERS = {
    "dmy": _r_dmy,
    "dayrange": _r_dmy,
    "numdate": _r_dmy,
    "isodate": _r_dmy,
    "hijri": _r_hijri,
    "my": _r_my,
    "mon": _r_mon,
    "ordrel": _r_ordrel,
    "wd": _r_wd,
    "rel": _r_rel,
    "period": _r_period,
    "year": _r_year,
    "yearedge": _r_year,
    "bareyear": _r_year,
    "century": _r_century,
    "decade": _r_decade,
    "ypart": _r_ypart,
    "season": _r_season,
    "holiday": _r_holiday,
    "ref": _r_ref,
    "dur": _r_dur,
    "plper": _r_dur,
    "set": _r_set,
    "ago": _r_ago,
    "ana": _r_ana,
    "clock": _r_clock,
    "clockw": _r_clock,
    "part": _r_part,
}


def resolve(c: Cand, ref: Ref, prev: date | None) -> Resolved | None:
    res = _RESOLVERS[c.rule](c.f, ref, prev)
    if res.value == "":
        return None
    return res


# --- inferring the writing day ------------------------------------------------


def _circular_latest(md: list[tuple[int, int]]) -> tuple[int, int]:
    """The last of a cluster of (month, day) dates, across a year boundary too."""
    days = sorted({(m, d) for m, d in md})
    if len(days) == 1:
        return days[0]
    ords = [date(2001, m, min(d, 28) if m == 2 else d).timetuple().tm_yday for m, d in days]
    gaps = [(ords[(i + 1) % len(ords)] - ords[i]) % 365 for i in range(len(ords))]
    return days[max(range(len(gaps)), key=gaps.__getitem__)]


def infer_reference(cands: list[Cand], ingest: date) -> Ref:
    """A writing date pinned down by the text, or only a year, or nothing.

    Deictic weekdays ("أمس الجمعة": the writing day is a Saturday) tell the
    writing day's weekday; the latest day-and-month mentioned is taken as the
    writing day, or as the deictic day itself.  The most recent year (not
    after ``ingest``) where every weekday stated in the text fits wins.
    Without a deictic weekday only a year is inferred (from weekdays stated
    with dates, "الجمعة 7 يناير", or from dates written with their year).
    """
    dated = [c.f for c in cands if c.rule in ("dmy", "dayrange", "numdate", "isodate")]
    if not dated:
        return NO_REF
    deictic = [(c.f["rel"], c.f["wd"]) for c in cands if c.rule == "wd" and c.f["rel"] is not None]
    full = [d for f in dated if f["y"] and (d := _safe(f["y"], f["m"], f["d"]))]
    if not deictic and not any(f["wd"] for f in dated):
        return Ref(None, max(full), "inferred") if full else NO_REF
    latest = _circular_latest([(f["m"], f["d"]) for f in dated])
    years = range(ingest.year, ingest.year - MAX_LOOKBACK_YEARS, -1)
    if full:  # dates written with their year bound the writing year
        lo, hi = min(full).year, max(full).year + 1
        years = range(min(hi, ingest.year), lo - 1, -1)
    offsets = [0, *sorted({-rel for rel, _wd in deictic if rel})]
    for y in years:
        base = _safe(y, *latest)
        for off in offsets if base else []:
            day = base + timedelta(days=off)  # type: ignore[operator]
            if day <= ingest and _fits(day, deictic, dated):
                return Ref(day, day, "inferred") if deictic else Ref(None, day, "inferred")
    return NO_REF


def _fits(day: date, deictic: list[tuple[int, int]], dated: list[dict]) -> bool:
    for rel, wd in deictic:
        if (day + timedelta(days=rel)).isoweekday() != wd:
            return False
    for f in dated:
        if f["wd"] is None:
            continue
        d = _safe(f["y"], f["m"], f["d"]) if f["y"] else nearest_year(f["m"], f["d"], day)
        if d is None or d.isoweekday() != f["wd"]:
            return False
    return True
