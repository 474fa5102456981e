"""The ingest flow: discover -> (decode -> clean -> extract) per batch -> load -> views.

Tasks are thin wrappers around plain functions in ``tasks``; work is
batched (``BATCH_SIZE`` files per task run) because each Prefect task run
costs tens of milliseconds of API time. Articles whose extractor fingerprint
is stale (or all of a source's, with ``reprocess``) are extracted again from
their stored documents in the same run, batched the same way, and committed
with everything else.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from akhbar import status
from akhbar.config import BATCH_SIZE, warehouse_dir
from akhbar.crash import crash_point
from akhbar.sources import Source, SourceError, plan_sources, recorded_sources, split_available
from flows import runners
from flows.runlog import RunLog, run_log
from tasks.discover import Candidate
from tasks.discover.task import discover_task
from tasks.incidents.task import incidents_task
from tasks.load.ledger import RunLedger, run_table
from tasks.load.lock import LockedError, warehouse_lock
from tasks.load.parts import Store
from tasks.process.batch import cut_batches
from tasks.process.outcome import BatchResult
from tasks.process.stored import stored_articles
from tasks.process.task import process_batch_call, process_task, reextract_call, reextract_task
from tasks.process.warm import warm_up
from tasks.story import StoryHold, stage_held
from tasks.views.task import views_task

__all__ = ["LockedError", "RunnerError", "ingest", "set_progress", "warm_up"]

RunnerError = runners.RunnerError

_progress: Callable[[str, int, int], None] | None = None


class _NoTracebackForUserErrors(logging.Filter):
    """Drop Prefect's "Encountered exception" traceback for errors a user causes.

    The CLI prints them as one line and the flow run's state keeps the
    message; a traceback on the terminal would only hide that line.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, (LockedError, SourceError, RunnerError))


logging.getLogger("prefect.flow_runs").addFilter(_NoTracebackForUserErrors())


def set_progress(callback: Callable[[str, int, int], None] | None) -> None:
    """Install a (phase, done, total) callback; the CLI draws a progress bar with it."""
    global _progress
    _progress = callback


def _tick(phase: str, done: int, total: int) -> None:
    if _progress is not None:
        _progress(phase, done, total)


class Plan(NamedTuple):
    """What one run does: where, which sources, which articles to extract again.

    A NamedTuple, not a dataclass: Prefect loads this module from its
    entrypoint without registering it in sys.modules, where dataclasses look.
    """

    root: Path
    sources: list[Source]
    address: str | None
    reprocess: bool = False
    reprocess_source: str | None = None


@flow(name="akhbar-ingest", log_prints=False)
def ingest(
    paths: list[str] | None = None,
    warehouse: str | None = None,
    dask_address: str | None = None,
    reprocess: bool = False,
    reprocess_source: str | None = None,
) -> dict:
    """One run over the given folders, else over every registered source.

    ``dask_address`` (or ``$AKHBAR_DASK_ADDRESS``) sends the batches to an
    existing Dask scheduler; otherwise ``flows.runners`` picks in-process or
    a local process pool. ``reprocess`` extracts every stored article of this
    run's sources again (of ``reprocess_source`` only, when given), as a stale
    extractor fingerprint does for the articles it concerns.
    """
    root = warehouse_dir(warehouse)
    address = runners.dask_address(dask_address)
    if address:
        runners.check_reachable(address)
    with run_log(root) as rlog:
        rlog.prefect = get_run_logger()
        with warehouse_lock(root, on_wait=rlog.notice):
            plan = Plan(root, plan_sources(root, paths), address, reprocess, reprocess_source)
            return _ingest_locked(plan, rlog)


def _ingest_locked(plan: Plan, log: RunLog) -> dict:
    started = datetime.now(UTC)
    run_id = started.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    store = Store(plan.root)
    store.recover()
    force = _forced(plan, store)
    hold = StoryHold()
    rl = RunLedger(store, run_id, hold=hold.consider)
    sources, missing = _start(plan, run_id, log)
    _read_sources(rl, sources, plan.address, log)
    seen = {(r["source"], r["path"]) for r in rl.file_rows}  # .jsonl files as their lines
    rl.add_deleted([s.name for s in sources], seen)
    ids = rl.stale({s.name for s in plan.sources}, force)  # no folder needed: documents
    _reextract(rl, ids, _all_options(plan.root, sources), plan.address, log)
    story_dated = stage_held(rl, hold, date.today())
    if story_dated:
        log.info("dated %d undated articles from their story's other articles", story_dated)
    linked = incidents_task(quote(store), run_id)
    log.info("linked %d figures and quotes to incidents", linked)
    store.manifest.sources.update({s.name: s.options() for s in sources})
    summary = _commit(rl, started, sources)
    views_task(plan.root)
    if store.repaired:
        log.warning(
            "repaired the warehouse: dropped %d unreadable part(s) %s; their files were re-read",
            len(store.repaired),
            ", ".join(store.repaired),
        )
    summary = {
        "run_id": run_id,
        "warehouse": str(plan.root),
        **summary,
        "repaired_parts": len(store.repaired),
        "story_dated": story_dated,
        "incident_links": linked,
    }
    _report(summary, rl.file_rows, [s.name for s in missing], log)
    return summary


def _start(plan: Plan, run_id: str, log: RunLog) -> tuple[list[Source], list[Source]]:
    """(sources whose folder is there, sources skipped), said in the log."""
    sources, missing = split_available(plan.sources)
    log.info("run %s started on %s: sources %s", run_id, plan.root, _names(sources) or "none")
    for s in missing:  # unmounted or renamed: skip it rather than call its files deleted
        log.warning("source %s: folder %s is missing; skipped this run", s.name, s.path)
    if not plan.sources:
        log.warning("no source registered in %s: akhbar sources add NAME FOLDER", plan.root)
    return sources, missing


def _commit(rl: RunLedger, started: datetime, sources: list[Source]) -> dict:
    """Stage the run's ``runs`` row and commit everything through the manifest."""
    summary = rl.summary()
    flow_run_id = str(flow_run.get_id() or "")
    names = [s.name for s in sources]
    runs_row = run_table(rl.run_id, flow_run_id, started, names, summary)
    rl.store.stage_ledger_part("runs", rl.run_id, runs_row)
    rl.commit()
    crash_point("after_manifest")
    return summary


def _names(sources: list[Source]) -> str:
    return ", ".join(s.name for s in sources)


def _forced(plan: Plan, store: Store) -> set[str]:
    """The sources ``--reprocess`` extracts again: the one named, else this run's."""
    if not plan.reprocess:
        return set()
    if plan.reprocess_source is None:
        return {s.name for s in plan.sources}
    known = store.source_names()
    if plan.reprocess_source not in known:
        held = ", ".join(sorted(known)) or "none"
        raise SourceError(
            f"no source named {plan.reprocess_source!r} in {plan.root} (it holds: {held})"
        )
    return {plan.reprocess_source}


def _read_sources(rl: RunLedger, sources: list[Source], address: str | None, log: RunLog) -> None:
    """Discover the sources' files and process the new and changed ones in batches."""
    # quote(): Prefect otherwise walks every parameter looking for futures; over a
    # 50k-file ledger that walk cost ~5 s of a no-op run (profiled).
    folders = [(s.name, s.path, s.suffixes()) for s in sources]
    to_read, unchanged = discover_task(folders, quote(rl.ledger))
    rl.add_unchanged(unchanged)
    options = {s.name: s.options() for s in sources}
    batches = cut_batches(to_read, BATCH_SIZE)
    log.info("run %s: %d files to read in %d batches", rl.run_id, len(to_read), len(batches))
    today = date.today()

    def params(b: list[Candidate]) -> dict:
        # Not quote()d: Dask unpacks the annotation (a tuple) into a bare tuple.
        return {"batch": b, "run_id": rl.run_id, "ingest_date": today, "options": options}

    def add(result: BatchResult, i: int) -> None:
        rl.add_batch(result, f"{rl.run_id}-{i:05d}")

    _run_batches("articles", (process_task, process_batch_call), batches, params, add, address, log)


def _all_options(root: Path, sources: list[Source]) -> dict[str, dict]:
    """Every source's options: this run's, else as the warehouse last read it."""
    options = {s.name: s.options() for s in recorded_sources(root)}
    return options | {s.name: s.options() for s in sources}


def _reextract(
    rl: RunLedger, ids: list[str], options: dict[str, dict], address: str | None, log: RunLog
) -> None:
    """Extract ``ids`` again from their stored documents, in batches, without any source."""
    if not ids:
        return
    store, index, today = rl.store, rl.index, date.today()
    batches = [ids[i : i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)]
    log.info(
        "re-extracting %d stored article(s) in %d batches (extractor %s)",
        len(ids),
        len(batches),
        rl.fingerprint,
    )

    def params(b: list[str]) -> dict:
        docs = store.article_rows("documents", b, index)
        legacy = [d["article_id"] for d in docs if not d.get("meta")]
        arts = {a["article_id"]: a for a in store.article_rows("articles", legacy, index)}
        work = stored_articles(docs, arts, today)
        return {"stored": work, "run_id": rl.run_id, "options": options}

    def add(result: BatchResult, i: int) -> None:
        rl.add_reextracted(result, f"{rl.run_id}-x{i:05d}")

    _run_batches("re-extract", (reextract_task, reextract_call), batches, params, add, address, log)


def _run_batches(
    phase: str,
    work: tuple[Any, Callable[..., BatchResult]],
    batches: list[list],
    params: Callable[[list], dict],
    add: Callable[[BatchResult, int], None],
    address: str | None,
    log: RunLog,
) -> None:
    """Every batch through ``work`` (its Prefect task, and the plain function a forked
    pool runs), each result handed to ``add`` in batch order, with progress."""
    task, plain = work
    total = sum(len(b) for b in batches)
    done = 0
    _tick(phase, 0, total)
    results = runners.run_batches(
        task, batches, params, address=address, on_choice=log.info, plain=plain
    )
    for i, result in enumerate(results):
        add(result, i)
        done += len(batches[i])
        _tick(phase, done, total)


def _report(summary: dict, file_rows: list[dict], missing: list[str], log: RunLog) -> None:
    """The run's Prefect artifacts and its lines in the log file."""
    bad = [r for r in file_rows if r["status"] == "quarantined"]
    for r in bad[: status.MAX_LISTED]:
        log.warning("quarantined %s/%s: %s", r["source"], r["path"], r["reason"])
    if len(bad) > status.MAX_LISTED:
        log.warning(
            "... and %d more quarantined: akhbar status lists them", len(bad) - status.MAX_LISTED
        )
    if summary.get("reextracted"):
        log.info("re-extracted %d stored article(s)", summary["reextracted"])
    _publish(summary, file_rows, missing)
    log.info("run %s done: %s", summary["run_id"], status.summary_line(summary))


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
