"""Articles as the warehouse stored them, ready to be extracted again without their source.

``documents`` keeps each article's decoded text and, since re-processing
exists, the metadata its reader found (``documents.meta``). For a document
stored before that, the metadata is taken from the article row it produced:
the headline when it did not come from the text, the date, the URL, the
outlet and the author stay what they were; the facts are extracted again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from tasks.formats.meta import load_meta

__all__ = ["StoredArticle", "ingest_day", "stored_articles"]

# Article fields that metadata may have supplied; kept as they were for old documents.
LEGACY_META_KEYS = ("url", "outlet", "author")
# run ids start with the run's UTC start, YYYYMMDD (flows/ingest.py).
RUN_DAY_CHARS = 8
_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")


@dataclass(frozen=True, slots=True)
class StoredArticle:
    article_id: str
    source: str
    path: str
    text: str
    encoding: str | None
    file_sha256: str
    ingest_date: date  # the day it was first read: relative dates resolve against it
    meta: dict
    title: str | None  # a headline from metadata, not the text's first line
    run_id: str | None  # the run that read it from its source (documents.run_id)


def ingest_day(run_id: str | None, fallback: date) -> date:
    """The day a run started, from its id (``20220108T091500-ab12cd``)."""
    try:
        return datetime.strptime((run_id or "")[:RUN_DAY_CHARS], "%Y%m%d").date()
    except ValueError:
        return fallback


def _in_offset(at: datetime, label: str | None) -> datetime:
    """A stored UTC time back in the offset it was stated in ("+03:00"), for its local day."""
    m = _OFFSET.fullmatch(label or "")
    if not m:
        return at
    minutes = int(m[2]) * 60 + int(m[3])
    return at.astimezone(timezone(timedelta(minutes=-minutes if m[1] == "-" else minutes)))


def _legacy_meta(article: dict | None) -> tuple[dict, str | None]:
    if article is None:
        return {}, None
    meta = {k: article[k] for k in LEGACY_META_KEYS if article.get(k)}
    if article.get("published_at") is not None:
        meta["published_at"] = _in_offset(article["published_at"], article.get("published_tz"))
        meta["published_precision"] = article.get("published_precision")
        if article.get("published_tz"):
            meta["published_tz"] = article["published_tz"]
    title = article["title"] if article.get("title_start") is None else None
    if title:
        meta["title"] = title
    return meta, title


def stored_articles(
    documents: list[dict], articles: dict[str, dict], today: date
) -> list[StoredArticle]:
    """``documents`` rows as work for ``batch.reextract_batch``; ``articles`` (by id) is
    needed only for documents without ``meta``."""
    out = []
    for d in documents:
        if d.get("meta"):
            meta, title = load_meta(d["meta"])
        else:
            meta, title = _legacy_meta(articles.get(d["article_id"]))
        out.append(
            StoredArticle(
                d["article_id"],
                d["source"],
                d["path"],
                d["text"],
                d.get("encoding"),
                d.get("file_sha256") or "",
                ingest_day(d.get("run_id"), today),
                meta,
                title,
                d.get("run_id"),
            )
        )
    return out
