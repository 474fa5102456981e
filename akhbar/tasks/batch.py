"""One batch of files through decode -> clean -> extract, as a plain function.

A Prefect task wraps this (``flows/ingest.py``) so that one task run covers
hundreds of articles; tests call it directly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pyarrow as pa

from akhbar.crash import crash_point
from akhbar.schemas import ARTICLE_TABLES
from akhbar.tasks.clean import CleanResult, clean
from akhbar.tasks.decode import read_and_decode, text_id
from akhbar.tasks.discover import Candidate
from akhbar.tasks.extract import extract_article

__all__ = ["BatchResult", "FileOutcome", "article_rows", "process_batch"]


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


def process_batch(
    candidates: list[Candidate],
    *,
    run_id: str,
    ingest_date: date,
    options: dict[str, dict] | None = None,
) -> BatchResult:
    """Decode, clean and extract every candidate; never raises for one file's faults."""
    options = options or {}
    rows: dict[str, list[dict]] = {t: [] for t in ARTICLE_TABLES}
    outcomes: list[FileOutcome] = []
    body_of: dict[str, str] = {}  # article_id -> body hash, for repeats inside the batch
    for cand in candidates:
        info = cand.info
        opts = options.get(info.source, {})
        if info.problem:
            outcomes.append(FileOutcome(cand, "", info.size, "quarantined", info.problem))
            continue
        dec = read_and_decode(info.abspath, opts.get("encoding", "auto"))
        crash_point("decode")
        if dec.text is None:
            outcomes.append(FileOutcome(cand, dec.sha256, dec.size, "quarantined", dec.reason))
            continue
        if dec.sha256 == cand.previous_sha256:
            outcomes.append(
                FileOutcome(cand, dec.sha256, dec.size, "unchanged", None, cand.previous_article_id)
            )
            continue
        aid = text_id(dec.text)
        if aid in body_of:  # same text twice in one batch: rows once, the ledger decides
            outcomes.append(FileOutcome(cand, dec.sha256, dec.size, "ok", None, aid, body_of[aid]))
            continue
        try:
            cleaned = clean(dec.text)
            facts = extract_article(cleaned, ingest_date=ingest_date)
        except Exception as e:  # a rule bug must cost one file, not the run
            reason = f"extraction failed: {type(e).__name__}: {e}"
            outcomes.append(FileOutcome(cand, dec.sha256, dec.size, "quarantined", reason))
            continue
        art = article_rows(
            aid,
            cleaned,
            source=info.source,
            path=info.path,
            run_id=run_id,
            timezone=opts.get("timezone"),
        )
        body_of[aid] = art["body_sha256"]
        outcomes.append(
            FileOutcome(cand, dec.sha256, dec.size, "ok", None, aid, art["body_sha256"])
        )
        rows["documents"].append(
            {
                "article_id": aid,
                "source": info.source,
                "path": info.path,
                "text": dec.text,
                "encoding": dec.encoding,
                "file_sha256": dec.sha256,
                "run_id": run_id,
            }
        )
        rows["articles"].append(art)
        rows["boilerplate"].extend({"article_id": aid, **b} for b in cleaned.boilerplate)
        for table, fact_rows in facts.items():
            rows[table].extend({"article_id": aid, **r} for r in fact_rows)
    tables = {t: pa.Table.from_pylist(r, schema=ARTICLE_TABLES[t]) for t, r in rows.items()}
    return BatchResult(outcomes, tables)
