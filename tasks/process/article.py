"""One text through clean then extract: the code path of both ``akhbar run`` and ``extract``."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from tasks.clean import CleanResult, clean, uncleaned
from tasks.extract import MAX_ERROR_CHARS, error_row, extract_article
from tasks.formats.meta import PROBLEMS

__all__ = ["analyse", "article_rows"]


def _to_utc(dt: datetime | None, tz: str | None) -> datetime | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=ZoneInfo(tz) if tz else UTC)
    return dt.astimezone(UTC)


def article_rows(
    article_id: str,
    c: CleanResult,
    *,
    source: str,
    path: str,
    run_id: str,
    timezone: str | None = None,
    meta: dict | None = None,
) -> dict:
    """The ``articles`` row for one cleaned text; ``meta`` (manifest/JSON fields) wins."""
    meta = meta or {}
    title_start, title_end = c.title_span or (None, None)
    dated_by_meta = meta.get("published_at") is not None  # then its offset is the one stated
    return {
        "article_id": article_id,
        "source": source,
        "path": path,
        "title": meta.get("title") or c.title,
        "title_start": title_start,
        "title_end": title_end,
        "body": c.body,
        "body_sha256": hashlib.sha256(c.body.encode("utf-8")).hexdigest(),
        "published_at": _to_utc(meta.get("published_at") or c.published_at, timezone),
        "published_precision": meta.get("published_precision") or c.published_precision,
        "published_tz": meta.get("published_tz") if dated_by_meta else c.published_tz,
        "dateline": c.dateline,
        "outlet": meta.get("outlet") or c.outlet,
        "author": meta.get("author") or c.author,
        "agencies": c.agencies,
        "url": meta.get("url"),
        "duplicate_of": None,
        "run_id": run_id,
        "clean_flag": c.flag,
    }


def analyse(
    text: str,
    *,
    meta: dict | None = None,
    title: str | None = None,
    ingest_date: date | None = None,
    story_date: date | None = None,
) -> tuple[CleanResult, dict[str, list[dict]]]:
    """Clean then extract one text: the one code path of ``akhbar run`` and ``akhbar extract``.

    ``title`` is a headline from metadata that is not the text's first line;
    a ``published_at`` in ``meta`` (aware, in its stated offset) anchors relative dates on
    the day the outlet printed;
    ``story_date`` is a writing day inferred from related articles
    (:mod:`tasks.story.infer`), used only when nothing else dates the text.
    """
    meta = meta or {}
    errors = []
    try:
        cleaned = clean(text, title=title) if title else clean(text)
    except Exception as e:  # the article keeps its whole text as body
        cleaned = uncleaned(text, title)
        errors.append(error_row("clean", e))
    if meta.get("published_at") is not None:
        cleaned = dataclasses.replace(
            cleaned,
            published_at=meta["published_at"],
            published_precision=meta.get("published_precision") or cleaned.published_precision,
            published_tz=meta.get("published_tz"),
        )
    facts = extract_article(cleaned, ingest_date=ingest_date, story_date=story_date)
    facts["extract_errors"][:0] = errors + _meta_problems(meta)
    return cleaned, facts


def _meta_problems(meta: dict) -> list[dict]:
    """Metadata values that could not be used, as ``extract_errors`` rows of stage "metadata"."""
    return [{"extractor": "metadata", "error": p[:MAX_ERROR_CHARS]} for p in meta.get(PROBLEMS, [])]
