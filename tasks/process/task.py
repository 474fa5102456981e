"""The process stage's Prefect tasks: one task run per batch of hundreds of files."""

from __future__ import annotations

from datetime import date

from prefect import task
from prefect.cache_policies import NO_CACHE

from tasks.discover import Candidate
from tasks.process.batch import process_batch, reextract_batch
from tasks.process.outcome import BatchResult
from tasks.process.stored import StoredArticle

__all__ = ["process_task", "reextract_task"]


@task(name="process-batch", cache_policy=NO_CACHE)
def process_task(
    batch: list[Candidate], run_id: str, ingest_date: date, options: dict[str, dict]
) -> BatchResult:
    return process_batch(batch, run_id=run_id, ingest_date=ingest_date, options=options)


@task(name="reextract-batch", cache_policy=NO_CACHE)
def reextract_task(
    stored: list[StoredArticle], run_id: str, options: dict[str, dict]
) -> BatchResult:
    return reextract_batch(stored, run_id=run_id, options=options)
