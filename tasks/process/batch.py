"""One batch of files through decode -> clean -> extract, as a plain function.

A Prefect task wraps this (``tasks/process/task.py``) so that one task run
covers hundreds of articles; tests call it directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyarrow as pa

from akhbar.crash import crash_point
from akhbar.data import extractor_fingerprint
from akhbar.schemas import ARTICLE_TABLES
from tasks.decode import text_id
from tasks.discover import Candidate, FileInfo
from tasks.formats.items import Item, read_items
from tasks.formats.meta import dump_meta
from tasks.process.article import analyse, article_rows
from tasks.process.outcome import BatchResult, FileOutcome
from tasks.process.stored import StoredArticle

__all__ = ["cut_batches", "process_batch", "reextract_batch"]


def cut_batches(items: list[Candidate], size: int) -> list[list[Candidate]]:
    """Consecutive groups of about ``size`` articles (a .jsonl chunk weighs its lines)."""
    out: list[list[Candidate]] = []
    weight = size
    for c in items:
        if weight + c.weight > size:
            out.append([])
            weight = 0
        out[-1].append(c)
        weight += c.weight
    return out


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
    return BatchResult(outcomes, _tables(rows))


def reextract_batch(
    stored: list[StoredArticle], *, run_id: str, options: dict[str, dict] | None = None
) -> BatchResult:
    """Clean and extract stored articles again, from their documents: no source is read.

    Each keeps the day it was first ingested on (relative dates resolve the same
    way) and the metadata its reader found then.
    """
    options = options or {}
    rows: dict[str, list[dict]] = {t: [] for t in ARTICLE_TABLES}
    outcomes: list[FileOutcome] = []
    body_of: dict[str, str] = {}
    for s in stored:
        crash_point("decode")
        info = FileInfo(s.source, s.path, "", 0, 0)
        cand = Candidate(info, None, s.article_id, refresh=True)
        item = Item(s.path, s.file_sha256, 0, s.text, s.encoding, None, s.meta, s.title)
        opts = options.get(s.source, {})
        ctx = _ItemContext(run_id, s.ingest_date, opts, rows, body_of, s.run_id)
        outcomes.append(_process_item(cand, item, ctx))
    return BatchResult(outcomes, _tables(rows))


def _tables(rows: dict[str, list[dict]]) -> dict[str, pa.Table]:
    return {t: pa.Table.from_pylist(r, schema=ARTICLE_TABLES[t]) for t, r in rows.items()}


@dataclass(slots=True)
class _ItemContext:
    run_id: str
    ingest_date: date
    opts: dict
    rows: dict[str, list[dict]]
    body_of: dict[str, str]
    read_by: str | None = None  # the run that read the document, when not this one


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
    art["extractor_fingerprint"] = extractor_fingerprint()
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
            "run_id": ctx.read_by or ctx.run_id,
            "meta": dump_meta(item.meta, item.title),
        }
    )
    rows["articles"].append(art)
    rows["boilerplate"].extend({"article_id": aid, **b} for b in cleaned.boilerplate)
    for table, fact_rows in facts.items():
        rows[table].extend({"article_id": aid, "run_id": ctx.run_id, **r} for r in fact_rows)
    return FileOutcome(cand, item.sha256, item.size, "ok", None, aid, art["body_sha256"])
