"""One batch of files through decode -> clean -> extract, as a plain function.

A Prefect task wraps this (``flows/ingest.py``) so that one task run covers
hundreds of articles; tests call it directly.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pyarrow as pa

from akhbar.crash import crash_point
from akhbar.schemas import ARTICLE_TABLES
from tasks.clean import CleanResult, clean
from tasks.decode import text_id
from tasks.discover import Candidate
from tasks.extract import extract_article
from tasks.formats import Item, read_items

__all__ = ["BatchResult", "FileOutcome", "analyse", "article_rows", "process_batch"]


@dataclass(slots=True)
class FileOutcome:
    candidate: Candidate
    sha256: str
    size: int
    status: str  # ok | unchanged | quarantined
    reason: str | None = None
    article_id: str | None = None
    body_sha256: str | None = None


@dataclass
class BatchResult:
    outcomes: list[FileOutcome]
    tables: dict[str, pa.Table] = field(default_factory=dict)


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
        "published_tz": c.published_tz,
        "dateline": c.dateline,
        "outlet": meta.get("outlet") or c.outlet,
        "author": meta.get("author") or c.author,
        "agencies": c.agencies,
        "url": meta.get("url"),
        "duplicate_of": None,
        "run_id": run_id,
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
    a ``published_at`` in ``meta`` (aware, UTC) anchors relative dates;
    ``story_date`` is a writing day inferred from related articles
    (:mod:`tasks.story.infer`), used only when nothing else dates the text.
    """
    meta = meta or {}
    cleaned = clean(text, title=title) if title else clean(text)
    if meta.get("published_at") is not None:
        cleaned = dataclasses.replace(
            cleaned,
            published_at=meta["published_at"],
            published_precision=meta.get("published_precision") or cleaned.published_precision,
        )
    return cleaned, extract_article(cleaned, ingest_date=ingest_date, story_date=story_date)


def reextract_with_story_date(
    document: dict, article: dict, ingest_date: date, story_date: date
) -> dict[str, list[dict]]:
    """Facts of an already-processed article again, anchored on its story's day."""
    title = article["title"] if article["title_start"] is None else None  # from metadata
    _cleaned, facts = analyse(
        document["text"], title=title, ingest_date=ingest_date, story_date=story_date
    )
    return facts


def process_batch(
    candidates: list[Candidate],
    *,
    run_id: str,
    ingest_date: date,
    options: dict[str, dict] | None = None,
) -> BatchResult:
    """Read, clean and extract every candidate; never raises for one file's faults.

    A .jsonl candidate expands into one item (and one outcome) per line.
    """
    options = options or {}
    rows: dict[str, list[dict]] = {t: [] for t in ARTICLE_TABLES}
    outcomes: list[FileOutcome] = []
    body_of: dict[str, str] = {}  # article_id -> body hash, for repeats inside the batch
    cache: dict = {}  # per-batch reader state (parsed manifest.csv files)
    for cand in candidates:
        info = cand.info
        opts = options.get(info.source, {})
        if info.problem:
            outcomes.append(FileOutcome(cand, "", info.size, "quarantined", info.problem))
            continue
        for item_cand, item in read_items(cand, opts, cache):
            crash_point("decode")
            ctx = _ItemContext(run_id, ingest_date, opts, rows, body_of)
            outcomes.append(_process_item(item_cand, item, ctx))
    tables = {t: pa.Table.from_pylist(r, schema=ARTICLE_TABLES[t]) for t, r in rows.items()}
    return BatchResult(outcomes, tables)


@dataclass(slots=True)
class _ItemContext:
    run_id: str
    ingest_date: date
    opts: dict
    rows: dict[str, list[dict]]
    body_of: dict[str, str]


def _process_item(cand: Candidate, item: Item, ctx: _ItemContext) -> FileOutcome:
    info = cand.info
    if item.text is None:
        return FileOutcome(cand, item.sha256, item.size, "quarantined", item.reason)
    if item.sha256 == cand.previous_sha256 and not cand.refresh:
        return FileOutcome(
            cand, item.sha256, item.size, "unchanged", None, cand.previous_article_id
        )
    aid = text_id(item.text)
    if aid in ctx.body_of:  # same text twice in one batch: rows once, the ledger decides
        return FileOutcome(cand, item.sha256, item.size, "ok", None, aid, ctx.body_of[aid])
    try:
        cleaned, facts = analyse(
            item.text, meta=item.meta, title=item.title, ingest_date=ctx.ingest_date
        )
    except Exception as e:  # a rule bug must cost one file, not the run
        reason = f"extraction failed: {type(e).__name__}: {e}"
        return FileOutcome(cand, item.sha256, item.size, "quarantined", reason)
    art = article_rows(
        aid,
        cleaned,
        source=info.source,
        path=info.path,
        run_id=ctx.run_id,
        timezone=ctx.opts.get("timezone"),
        meta=item.meta,
    )
    art["outlet"] = art["outlet"] or ctx.opts.get("outlet")  # the source's default outlet
    ctx.body_of[aid] = art["body_sha256"]
    rows = ctx.rows
    rows["documents"].append(
        {
            "article_id": aid,
            "source": info.source,
            "path": info.path,
            "text": item.text,
            "encoding": item.encoding,
            "file_sha256": item.sha256,
            "run_id": ctx.run_id,
        }
    )
    rows["articles"].append(art)
    rows["boilerplate"].extend({"article_id": aid, **b} for b in cleaned.boilerplate)
    for table, fact_rows in facts.items():
        rows[table].extend({"article_id": aid, **r} for r in fact_rows)
    return FileOutcome(cand, item.sha256, item.size, "ok", None, aid, art["body_sha256"])
