"""The ingest flow: discover -> (decode -> clean -> extract) per batch -> load -> views.

Tasks are thin wrappers around plain functions in ``tasks``; work is
batched (``BATCH_SIZE`` files per task run) because each Prefect task run
costs tens of milliseconds of API time.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from filelock import FileLock, Timeout
from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from akhbar import status
from akhbar.config import BATCH_SIZE, warehouse_dir
from akhbar.crash import crash_point
from akhbar.sources import (
    Source,
    SourceError,
    adhoc_sources,
    load_sources,
    safe_name,
    split_available,
)
from flows import runners
from tasks.discover import Candidate
from tasks.discover.task import discover_task
from tasks.incidents.task import incidents_task
from tasks.load.ledger import RunLedger, run_table
from tasks.load.parts import Store
from tasks.process.batch import cut_batches
from tasks.process.task import process_task
from tasks.story import StoryHold, stage_held
from tasks.views.task import views_task

__all__ = ["LockedError", "ingest", "set_progress"]

# How long a second run waits for the warehouse lock before giving up: a
# 50k-article first run takes ~1-2 min here, so 10 min covers a run in
# progress without hanging a scheduler forever. $AKHBAR_LOCK_TIMEOUT overrides.
LOCK_TIMEOUT_S = 600
LOCK_TIMEOUT_ENV = "AKHBAR_LOCK_TIMEOUT"

_progress: Callable[[str, int, int], None] | None = None


class LockedError(RuntimeError):
    pass


class _NoTracebackForUserErrors(logging.Filter):
    """Drop Prefect's "Encountered exception" traceback for errors a user causes.

    The CLI prints them as one line and the flow run's state keeps the
    message; a traceback on the terminal would only hide that line.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, (LockedError, SourceError))


logging.getLogger("prefect.flow_runs").addFilter(_NoTracebackForUserErrors())


def set_progress(callback: Callable[[str, int, int], None] | None) -> None:
    """Install a (phase, done, total) callback; the CLI draws a progress bar with it."""
    global _progress
    _progress = callback


def _tick(phase: str, done: int, total: int) -> None:
    if _progress is not None:
        _progress(phase, done, total)


def _lock_timeout() -> float:
    raw = os.environ.get(LOCK_TIMEOUT_ENV)
    return float(raw) if raw else LOCK_TIMEOUT_S


@flow(name="akhbar-ingest", log_prints=False)
def ingest(
    paths: list[str] | None = None,
    warehouse: str | None = None,
    dask_address: str | None = None,
) -> dict:
    """One run over the given folders, else over every registered source.

    ``dask_address`` (or ``$AKHBAR_DASK_ADDRESS``) sends the batches to an
    existing Dask scheduler; otherwise ``flows.runners`` picks in-process or
    a local process pool.
    """
    root = warehouse_dir(warehouse)
    root.mkdir(parents=True, exist_ok=True)
    sources = adhoc_sources(paths) if paths else load_sources(root)
    for s in sources:  # a name becomes a folder under the warehouse: refuse ../x and friends
        if safe_name(s.name) != s.name:
            raise SourceError(f"unsafe source name {s.name!r} (letters, digits, _ . - only)")
    lock = FileLock(str(root / ".lock"))
    timeout = _lock_timeout()
    try:
        lock.acquire(timeout=timeout)
    except Timeout as e:
        raise LockedError(
            f"another akhbar run is using {root} (waited {timeout:g} s for {root / '.lock'})"
        ) from e
    try:
        return _ingest_locked(root, sources, runners.dask_address(dask_address))
    finally:
        lock.release()


def _ingest_locked(root: Path, sources: list[Source], address: str | None) -> dict:
    log = get_run_logger()
    started = datetime.now(UTC)
    run_id = started.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    store = Store(root)
    store.recover()
    hold = StoryHold()
    rl = RunLedger(store, run_id, hold=hold.consider)
    sources, missing = split_available(sources)
    for s in missing:  # unmounted or renamed: skip it rather than call its files deleted
        log.warning("source %s: folder %s is missing; skipped this run", s.name, s.path)
    # quote(): Prefect otherwise walks every parameter looking for futures; over a
    # 50k-file ledger that walk cost ~5 s of a no-op run (profiled).
    folders = [(s.name, s.path, s.suffixes()) for s in sources]
    to_read, unchanged = discover_task(folders, quote(rl.ledger))
    rl.add_unchanged(unchanged)
    options = {s.name: s.options() for s in sources}
    batches = cut_batches(to_read, BATCH_SIZE)
    log.info("run %s: %d files to read in %d batches", run_id, len(to_read), len(batches))
    today = date.today()

    def params(b: list[Candidate]) -> dict:
        # Not quote()d: Dask unpacks the annotation (a tuple) into a bare tuple.
        return {"batch": b, "run_id": run_id, "ingest_date": today, "options": options}

    done = 0
    _tick("articles", 0, len(to_read))
    results = runners.run_batches(
        process_task, batches, params, address=address, on_choice=log.info
    )
    for i, result in enumerate(results):
        rl.add_batch(result, f"{run_id}-{i:05d}")
        done += len(batches[i])
        _tick("articles", done, len(to_read))
    story_dated = stage_held(rl, hold, today)
    if story_dated:
        log.info("dated %d undated articles from their story's other articles", story_dated)
    linked = incidents_task(quote(store), run_id)
    log.info("linked %d figures and quotes to incidents", linked)
    seen = {(r["source"], r["path"]) for r in rl.file_rows}  # .jsonl files as their lines
    rl.add_deleted([s.name for s in sources], seen)
    summary = rl.summary()
    flow_run_id = str(flow_run.get_id() or "")
    names = [s.name for s in sources]
    store.stage_ledger_part("runs", run_id, run_table(run_id, flow_run_id, started, names, summary))
    rl.commit()
    crash_point("after_manifest")
    views_task(root)
    if store.repaired:
        log.warning(
            "repaired the warehouse: dropped %d unreadable part(s) %s; their files were re-read",
            len(store.repaired),
            ", ".join(store.repaired),
        )
    summary = {
        "run_id": run_id,
        **summary,
        "repaired_parts": len(store.repaired),
        "story_dated": story_dated,
        "incident_links": linked,
    }
    _publish(summary, rl.file_rows, [s.name for s in missing])
    log.info("run %s done: %s", run_id, status.summary_line(summary))
    return summary


def _publish(summary: dict, file_rows: list[dict], missing: list[str]) -> None:
    rows = [{"measure": k, "value": str(v)} for k, v in summary.items()]
    create_table_artifact(
        key="akhbar-run-summary", table=rows, description=f"akhbar run {summary['run_id']}"
    )
    create_markdown_artifact(
        key="akhbar-run-report",
        markdown=status.run_markdown(summary, file_rows, missing),
        description=f"akhbar run {summary['run_id']}: counts and quarantined files",
    )
