"""The process stage's Prefect tasks: one task run per batch of hundreds of files."""

from __future__ import annotations

from datetime import date

from prefect import task
from prefect.cache_policies import NO_CACHE

from tasks.discover import Candidate
from tasks.process.batch import process_batch, reextract_batch
from tasks.process.outcome import BatchResult
from tasks.process.stored import StoredArticle

__all__ = ["process_batch_call", "process_task", "reextract_call", "reextract_task"]


def process_batch_call(
    batch: list[Candidate], run_id: str, ingest_date: date, options: dict[str, dict]
) -> BatchResult:
    """The task's work under the task's parameter names: what a forked pool runs (a
    module-level function pickles by name; the task object's ``.fn`` does not)."""
    return process_batch(batch, run_id=run_id, ingest_date=ingest_date, options=options)


def reextract_call(
    stored: list[StoredArticle], run_id: str, options: dict[str, dict]
) -> BatchResult:
    return reextract_batch(stored, run_id=run_id, options=options)


@task(name="process-batch", cache_policy=NO_CACHE)
def process_task(
    batch: list[Candidate], run_id: str, ingest_date: date, options: dict[str, dict]
) -> BatchResult:
    return process_batch_call(batch, run_id, ingest_date, options)


@task(name="reextract-batch", cache_policy=NO_CACHE)
def reextract_task(
    stored: list[StoredArticle], run_id: str, options: dict[str, dict]
) -> BatchResult:
    return reextract_call(stored, run_id, options)
