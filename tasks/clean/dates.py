"""Date lines: "12 كانون الثاني 2022 14:15", "الأحد ٠٩ يناير ٢٠٢٢ - ٠٥:٣١ بتوقيت غرينتش".

Matching runs on the normalised, case-folded line (Eastern Arabic digits are
already ASCII there). A line is a date line when, after removing every date,
time, zone, weekday and filler word, no letter or digit is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hijridate import Hijri

from akhbar.data import read_rows
from akhbar.text.wordlist import fold
from tasks.clean.lexicon import LEX, alternation

__all__ = ["DateLine", "parse_date_line"]

# A date line is short: the longest forms seen in the genre ("نشر في: الأربعاء
# 9 جمادى الآخرة 1443 هـ - الموافق 12 يناير 2022 م - 14:15 بتوقيت مكة المكرمة")
# have about 18 tokens; 20 leaves room for a "آخر تحديث" twin on one line.
DATE_LINE_MAX_WORDS = 20


def _months() -> tuple[dict[str, int], dict[str, int]]:
    greg: dict[str, int] = {}
    hijri: dict[str, int] = {}
    rows = read_rows("months.tsv") + read_rows("boilerplate/months_extra.tsv")
    for system, month, name in rows:
        (hijri if system == "hijri" else greg)[fold(name, lower=True)] = int(month)
    return greg, hijri


_GREG, _HIJRI = _months()
_MON = alternation(set(_GREG))
_HMON = alternation(set(_HIJRI))
_WD = alternation({fold(r[1], lower=True) for r in read_rows("weekdays.tsv")})
_W = LEX.date_words
_B = r"(?<![^\W\d_])"  # not after a letter
_E = r"(?![^\W\d_])"  # not before a letter

_DMY = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?P<mon>{_MON}){_E}(?:\s*[/(\-]\s*(?:{_MON})\s*\)?)?"
    rf"\s*,?\s*(?P<y>\d{{4}})(?!\d)"
)
_MDY = re.compile(rf"{_B}(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})\s*,?\s*(?P<y>\d{{4}})(?!\d)")
_NUM = re.compile(r"(?<!\d)(?P<a>\d{1,4})\s*([/.\-])\s*(?P<b>\d{1,2})\s*\2\s*(?P<c>\d{2,4})(?!\d)")
_MY = re.compile(rf"{_B}(?P<mon>{_MON})(?:\s*/\s*(?:{_MON}))?\s*,?\s*(?P<y>\d{{4}})(?!\d)")
_HIJ = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?P<mon>{_HMON})\s*,?\s*(?P<y>\d{{4}})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?!\d)")
_AMPM = alternation(set(_W["am"]) | set(_W["pm"]))
_TIME = re.compile(
    rf"(?<!\d)(?P<h>\d{{1,2}})\s*:\s*(?P<mi>\d{{2}})(?:\s*:\s*\d{{2}})?"
    rf"(?:\s*(?P<ampm>{_AMPM}){_E})?"
)
_ZONES = alternation(set(LEX.zones))
# "بتوقيت غرينتش", "GMT", and Al Jazeera's bare "(مكة المكرمة)" after the time.
_ZONE = re.compile(
    rf"(?:{_B}ب?توقيت\s+(?P<z1>{_ZONES})|(?P<z2>gmt|utc|ت\.?\s*غ)"
    rf"|\(\s*(?:ب?توقيت\s+)?(?P<z3>{_ZONES})\s*\))"
    r"(?:\s*(?P<off>[+-]\s*\d{1,2}(?::?\d{2})?))?"
)
_PUB = re.compile(rf"\W*(?P<p>{alternation(_W['published'])}){_E}")
_UPD = re.compile(rf"\W*(?P<u>{alternation(_W['updated'])}){_E}")
_WORDS = re.compile(
    rf"{_B}(?:{alternation(_W['filler'] + _W['published'] + _W['updated'])}|{_WD}){_E}"
)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
# A place before the date: up to three words, then a comma or a dash.
_PLACE = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*[,\-]\s*")
_STRIP = (_ZONE, _HIJ, _DMY, _MDY, _NUM, _MY, _TIME, _WORDS)


@dataclass
class DateLine:
    at: datetime
    precision: str  # minute | day | month | year
    tz: str | None  # "UTC", "+03:00", None when not stated
    updated: bool  # an "آخر تحديث" line: used only when no publication line exists


def parse_date_line(n: str, words: int) -> DateLine | None:
    """The date of a normalised line that is only a date (plus fillers), else None."""
    if words > DATE_LINE_MAX_WORDS or not _DIGIT.search(n):
        return None
    found = _parse(n)
    place = _PLACE.match(n) if found is None else None
    # "بيروت، 3 آذار 2023", "الرياض - السبت 11 نوفمبر 2023 - 06:15 مساء ..."
    return _parse(n[place.end() :]) if place else found


def _parse(n: str) -> DateLine | None:
    prefixed = _PUB.match(n) is not None or _UPD.match(n) is not None
    rest = n
    for rx in _STRIP:
        rest = rx.sub(" ", rest)
    if prefixed:
        rest = _YEAR.sub(" ", rest)
    if _LETTER_OR_DIGIT.search(rest):
        return None
    day = _day(n, prefixed)
    if day is None:
        return None
    at, precision = day
    tz = None
    t = _TIME.search(n)
    if t and precision == "day":
        at, precision = _with_time(at, t), "minute"
        at, tz = _with_zone(at, _ZONE.search(n))
    return DateLine(at, precision, tz, updated=_UPD.match(n) is not None)


def _day(n: str, prefixed: bool) -> tuple[datetime, str] | None:
    for rx in (_DMY, _MDY):
        m = rx.search(n)
        if m:
            return _mk(int(m["y"]), _GREG[_key(m["mon"])], int(m["d"]), "day")
    m = _NUM.search(n)
    if m:
        return _numeric(m)
    m = _HIJ.search(n)
    if m:
        try:
            g = Hijri(int(m["y"]), _HIJRI[_key(m["mon"])], int(m["d"])).to_gregorian()
        except (ValueError, OverflowError):
            return None
        return datetime(g.year, g.month, g.day), "day"
    m = _MY.search(n)
    if m:
        return _mk(int(m["y"]), _GREG[_key(m["mon"])], 1, "month")
    m = _YEAR.search(n) if prefixed else None
    return (datetime(int(m["y"]), 1, 1), "year") if m else None


def _key(name: str) -> str:
    return " ".join(name.split())


def _mk(y: int, mo: int, d: int, precision: str) -> tuple[datetime, str] | None:
    try:
        return datetime(y, mo, d), precision
    except ValueError:
        return None


def _numeric(m: re.Match[str]) -> tuple[datetime, str] | None:
    a, b, c = m["a"], int(m["b"]), m["c"]
    if len(a) == 4:  # ISO order 2022-01-12
        return _mk(int(a), b, int(c), "day")
    y = int(c) + (2000 if len(c) == 2 else 0)
    d, mo = int(a), b
    if mo > 12 >= d:  # the Arab order is day/month; swap only when it cannot be
        d, mo = mo, d
    return _mk(y, mo, d, "day")


def _with_time(day: datetime, t: re.Match[str]) -> datetime:
    h, mi = int(t["h"]), int(t["mi"])
    ampm = t["ampm"]
    if ampm in _W["pm"] and h < 12:
        h += 12
    elif ampm in _W["am"] and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return day
    return day.replace(hour=h, minute=mi)


def _with_zone(local: datetime, z: re.Match[str] | None) -> tuple[datetime, str | None]:
    """Aware UTC datetime and the stated offset, when the line names a zone."""
    if z is None:
        return local, None
    zone = z["z1"] or z["z3"]
    name = LEX.zones.get(_key(zone)) if zone else "UTC"
    if z["off"]:
        tzinfo = _offset(z["off"])
    elif name is None:
        return local, None
    elif name == "UTC":
        return local.replace(tzinfo=UTC), "UTC"
    elif name[0] in "+-":
        tzinfo = _offset(name)
    else:
        tzinfo = ZoneInfo(name)
    aware = local.replace(tzinfo=tzinfo)
    return aware.astimezone(UTC), _fmt(aware.utcoffset() or timedelta(0))


def _offset(s: str) -> timezone:
    s = s.replace(" ", "")
    sign = -1 if s[0] == "-" else 1
    hh, _, mm = s[1:].partition(":")
    if not mm and len(hh) > 2:
        hh, mm = hh[:-2], hh[-2:]
    return timezone(sign * timedelta(hours=int(hh), minutes=int(mm or 0)))


def _fmt(off: timedelta) -> str:
    if not off:
        return "UTC"
    mins = int(off.total_seconds() // 60)
    sign = "-" if mins < 0 else "+"
    return f"{sign}{abs(mins) // 60:02d}:{abs(mins) % 60:02d}"
