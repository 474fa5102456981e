"""Article metadata from outside the text (manifest rows, JSON fields, HTML heads).

Values are cleaned into what ``batch.article_rows(meta=...)`` expects:
strings stripped (empty -> absent) and ``published_at`` parsed into an aware
datetime in the offset it was given in (its local day is the article's day),
its precision and that offset (``published_tz``). A value that cannot be
parsed is dropped (the clean stage's own finding is used instead) and named
in ``meta["problems"]``, which the run records: metadata never costs an
article, and never disappears silently.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

__all__ = ["META_KEYS", "PROBLEMS", "clean_meta", "dump_meta", "load_meta", "parse_published"]

META_KEYS = ("title", "published_at", "url", "outlet", "author")
# Unix timestamps in seconds between these bounds are read as dates (1990..2100);
# anything else numeric is more likely an id than a date.
MIN_EPOCH_S = 631_152_000
MAX_EPOCH_S = 4_102_444_800
# Milliseconds since the epoch, as JavaScript scrapers write them.
MS_PER_S = 1000

# Where clean_meta lists values it could not use (the batch stage records them).
PROBLEMS = "problems"
# Longest raw value quoted in a problem: enough to recognise it, not a whole field dump.
MAX_QUOTED_CHARS = 60

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(.*)$")
# Day first, as the Arab world (and most of the rest) writes dates: 23/09/2022, 23-09-2022,
# 23.09.2022, with an optional time. Year first is handled above; month-first US dates
# are not read (03/04/2022 is 3 April here).
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](.+))?$")
_EPOCH_STRING = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_TZ_NO_COLON = re.compile(r"([+-]\d{2})(\d{2})$")


def _epoch(value: float) -> datetime | None:
    if value > MAX_EPOCH_S:
        value /= MS_PER_S
    if MIN_EPOCH_S <= value <= MAX_EPOCH_S:
        return datetime.fromtimestamp(value, UTC)
    return None


def _iso_form(s: str) -> str:
    """Year-first slashes and day-first dates rewritten as ISO 8601."""
    m = _SLASHED.match(s)
    if m:
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}{m[4]}"
    m = _DAY_FIRST.match(s)
    if m:
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" + (f" {m[4]}" if m[4] else "")
    return s


def _from_string(raw: str) -> tuple[datetime, str] | None:
    s = raw.strip()
    if _EPOCH_STRING.match(s):  # "1663950000": a Unix time written as a string
        dt = _epoch(float(s))
        return (dt, "minute") if dt else None
    s = _iso_form(s)
    s = _TZ_NO_COLON.sub(r"\1:\2", s) if "T" in s or " " in s else s
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt, "day" if _DATE_ONLY.match(s) else "minute"


def _offset_label(dt: datetime) -> str:
    """ "UTC" or "+02:00": how ``articles.published_tz`` states an offset."""
    off = dt.utcoffset() or timedelta(0)
    if not off:
        return "UTC"
    sign, mins = ("-", -off) if off < timedelta(0) else ("+", off)
    total = int(mins.total_seconds()) // 60
    return f"{sign}{total // 60:02d}:{total % 60:02d}"


def parse_published(value: object, timezone: str | None) -> tuple[datetime, str, str | None] | None:
    """(aware datetime, precision, offset) for ISO 8601, "YYYY-MM-DD HH:MM:SS", day-first
    "DD/MM/YYYY", epoch numbers or strings; else None.

    The datetime keeps the offset it was given in (``+02:00``), so its
    ``.date()`` is the day the outlet printed; a naive value is in ``timezone``
    (the source's ``--timezone``), else UTC. A bare date is that calendar day
    (midnight UTC, precision "day", no offset).
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        dt = _epoch(float(value))
        return (dt, "minute", "UTC") if dt else None
    if not isinstance(value, str) or not value.strip():
        return None
    parsed = _from_string(value)
    if parsed is None:
        return None
    dt, precision = parsed
    if precision == "day":  # a calendar day, not an instant: shifting it to UTC would change it
        return dt.replace(tzinfo=UTC), precision, None
    if dt.tzinfo is None:  # naive: in the source's zone (stated by its --timezone), else UTC
        if not timezone:
            return dt.replace(tzinfo=UTC), precision, None
        dt = dt.replace(tzinfo=ZoneInfo(timezone))
    return dt, precision, _offset_label(dt)


def _quoted(value: object) -> str:
    text = repr(value)
    return text if len(text) <= MAX_QUOTED_CHARS else text[: MAX_QUOTED_CHARS - 1] + "…"


def clean_meta(raw: dict, timezone: str | None, names: dict[str, str] | None = None) -> dict:
    """Keep the known keys with usable values; parse ``published_at``.

    ``names`` maps a key to the source field it came from (``date_extracted``),
    so a value that cannot be read is reported under the name the user knows.
    """
    out: dict = {}
    for key in META_KEYS:
        value = raw.get(key)
        if key == "published_at":
            _put_date(out, value, timezone, (names or {}).get(key, key))
            continue
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            out[key] = " ".join(value.split())
    return out


def _put_date(out: dict, value: object, timezone: str | None, name: str) -> None:
    parsed = parse_published(value, timezone)
    if parsed:
        out["published_at"], out["published_precision"], tz = parsed
        if tz is not None:
            out["published_tz"] = tz
    elif value is not None and not (isinstance(value, str) and not value.strip()):
        out.setdefault(PROBLEMS, []).append(
            f"published_at: cannot read the date {_quoted(value)} (field {name!r}); "
            "the text's own date is used"
        )


def dump_meta(meta: dict, title: str | None) -> str:
    """``documents.meta``: an item's cleaned metadata and headline, as JSON."""
    stored = {**meta, "headline": title}
    if isinstance(stored.get("published_at"), datetime):
        stored["published_at"] = stored["published_at"].isoformat()
    return json.dumps(stored, ensure_ascii=False, sort_keys=True)


def load_meta(raw: str) -> tuple[dict, str | None]:
    """(metadata, headline) back from ``documents.meta``, as the reader first made them."""
    meta = json.loads(raw)
    title = meta.pop("headline", None)
    if meta.get("published_at") is not None:
        meta["published_at"] = datetime.fromisoformat(meta["published_at"])
    return meta, title
