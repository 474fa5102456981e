"""Article metadata from outside the text (manifest rows, JSON fields, HTML heads).

Values are cleaned into what ``batch.article_rows(meta=...)`` expects:
strings stripped (empty -> absent) and ``published_at`` parsed into an aware
UTC datetime plus its precision. A value that cannot be parsed is dropped
(the clean stage's own finding is used instead): metadata never costs an
article.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

__all__ = ["META_KEYS", "clean_meta", "parse_published"]

META_KEYS = ("title", "published_at", "url", "outlet", "author")
# Unix timestamps in seconds between these bounds are read as dates (1990..2100);
# anything else numeric is more likely an id than a date.
MIN_EPOCH_S = 631_152_000
MAX_EPOCH_S = 4_102_444_800
# Milliseconds since the epoch, as JavaScript scrapers write them.
MS_PER_S = 1000

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(.*)$")
_TZ_NO_COLON = re.compile(r"([+-]\d{2})(\d{2})$")


def _epoch(value: float) -> datetime | None:
    if value > MAX_EPOCH_S:
        value /= MS_PER_S
    if MIN_EPOCH_S <= value <= MAX_EPOCH_S:
        return datetime.fromtimestamp(value, UTC)
    return None


def _from_string(raw: str) -> tuple[datetime, str] | None:
    s = raw.strip()
    m = _SLASHED.match(s)
    if m:
        s = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}{m[4]}"
    s = _TZ_NO_COLON.sub(r"\1:\2", s) if "T" in s or " " in s else s
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt, "day" if _DATE_ONLY.match(s) else "minute"


def parse_published(value: object, timezone: str | None) -> tuple[datetime, str] | None:
    """(aware UTC datetime, precision) for ISO 8601, "YYYY-MM-DD HH:MM:SS", epoch; else None.

    A naive value is in ``timezone`` (the source's ``--timezone``), else UTC; a
    bare date is that calendar day (midnight UTC, precision "day").
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        dt = _epoch(float(value))
        return (dt, "minute") if dt else None
    if not isinstance(value, str) or not value.strip():
        return None
    parsed = _from_string(value)
    if parsed is None:
        return None
    dt, precision = parsed
    if precision == "day":  # a calendar day, not an instant: shifting it to UTC would change it
        return dt.replace(tzinfo=UTC), precision
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=ZoneInfo(timezone) if timezone else UTC)
    return dt.astimezone(UTC), precision


def clean_meta(raw: dict, timezone: str | None) -> dict:
    """Keep the known keys with usable values; parse ``published_at``."""
    out: dict = {}
    for key in META_KEYS:
        value = raw.get(key)
        if key == "published_at":
            parsed = parse_published(value, timezone)
            if parsed:
                out["published_at"], out["published_precision"] = parsed
            continue
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            out[key] = " ".join(value.split())
    return out
