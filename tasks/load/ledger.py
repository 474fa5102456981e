"""Run bookkeeping: every discovered file gets exactly one ``files`` row per run.

``RunLedger`` folds batch results into the live ledger (one row per file)
and the article index, decides new / changed / unchanged / duplicate /
quarantined / deleted, and finds articles no live file points at any more.
Articles extracted again from their stored document (a stale extractor
fingerprint, or ``--reprocess``) replace their old rows the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pyarrow as pa
import pyarrow.compute as pc

from akhbar.crash import crash_point
from akhbar.data import extractor_fingerprint
from akhbar.schemas import ARTICLE_TABLES, FILE_STATUSES, FILES, RUNS
from tasks.discover import FileInfo
from tasks.load.parts import Store
from tasks.process.outcome import BatchResult, FileOutcome

__all__ = ["RunLedger", "run_table"]

# Called with a batch's accepted tables before they are staged; returns the article ids
# to keep out of the batch (the story stage holds undated articles until the run's end).
Hold = Callable[[dict[str, pa.Table]], set[str]]


def _hold_nothing(tables: dict[str, pa.Table]) -> set[str]:
    return set()


@dataclass
class RunLedger:
    store: Store
    run_id: str
    ledger: dict[tuple[str, str], dict] = field(init=False)
    index: dict[str, dict] = field(init=False)
    file_rows: list[dict] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    rows_written: Counter = field(default_factory=Counter)
    hold: Hold = _hold_nothing
    fingerprint: str = field(default_factory=extractor_fingerprint)
    # article_id -> the batch its old rows are in, for articles written again this run
    _refreshed: dict[str, str] = field(default_factory=dict)
    # articles whose rows this run writes (new, refreshed, re-extracted)
    _touched: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.ledger = self.store.ledger()
        self.index = self.store.index()
        self._by_body = {
            r["body_sha256"]: a for a, r in sorted(self.index.items(), key=lambda kv: -kv[1]["seq"])
        }
        self._seq = max((r["seq"] for r in self.index.values()), default=0)
        self._now = datetime.now(UTC)

    # ----- file rows -------------------------------------------------------------------
    def _row(
        self,
        f: FileInfo,
        status: str,
        sha: str | None,
        aid: str | None,
        reason: str | None = None,
        size: int | None = None,
    ) -> None:
        self.counts[status] += 1
        self.file_rows.append(
            {
                "source": f.source,
                "path": f.path,
                "size": f.size if size is None else size,
                "mtime_ns": f.mtime_ns,
                "sha256": sha,
                "status": status,
                "reason": reason,
                "article_id": aid,
                "run_id": self.run_id,
                "seen_at": self._now,
            }
        )

    def add_unchanged(self, files: list[FileInfo]) -> None:
        for f in files:
            prev = self.ledger[(f.source, f.path)]
            status = "quarantined" if prev["status"] == "quarantined" else "unchanged"
            self._row(f, status, prev["sha256"], prev["article_id"], prev["reason"])

    def _remember(
        self,
        f: FileInfo,
        sha: str,
        size: int,
        status: str,
        aid: str | None,
        reason: str | None = None,
        meta: str | None = None,
    ) -> None:
        self.ledger[(f.source, f.path)] = {
            "source": f.source,
            "path": f.path,
            "size": size,
            "mtime_ns": f.mtime_ns,
            "sha256": sha,
            "status": status,
            "reason": reason,
            "article_id": aid,
            "meta_sha256": meta,
        }

    # ----- batches ---------------------------------------------------------------------
    def add_batch(self, result: BatchResult, batch_id: str) -> None:
        accepted: list[str] = []
        dup_of: dict[str, str] = {}
        for o in result.outcomes:
            self._outcome(o, accepted, dup_of)
        self._stage(result, batch_id, accepted, dup_of)

    def _outcome(self, o: FileOutcome, accepted: list[str], dup_of: dict[str, str]) -> None:
        f = o.candidate.info
        meta = o.candidate.meta_sha256
        prev = self.ledger.get((f.source, f.path))
        known = prev is not None
        if o.status == "quarantined":
            self._remember(f, o.sha256, o.size, "quarantined", None, o.reason, meta)
            self._row(f, "quarantined", o.sha256, None, o.reason, o.size)
            return
        if o.status == "unchanged":  # touched, same bytes
            assert prev is not None
            self._remember(
                f, o.sha256, o.size, prev["status"], prev["article_id"], prev["reason"], meta
            )
            self._row(f, "unchanged", o.sha256, o.article_id, size=o.size)
            return
        aid = o.article_id
        assert aid is not None and o.body_sha256 is not None
        owner = prev is not None and prev["article_id"] == aid and prev["status"] == "new"
        if aid in self.index and owner and o.candidate.refresh:
            # Same text, new metadata: its rows are written again and the old ones dropped.
            self._rewritten(aid, o.body_sha256)
            accepted.append(aid)
            self._remember(f, o.sha256, o.size, "new", aid, meta=meta)
            self._row(f, "changed", o.sha256, aid, size=o.size)
            return
        if aid in self.index:  # an exact repeat of a text we hold
            self._remember(f, o.sha256, o.size, "duplicate", aid, meta=meta)
            self._row(f, "duplicate", o.sha256, aid, size=o.size)
            return
        self._seq += 1
        self.index[aid] = {
            "article_id": aid,
            "source": f.source,
            "batch": "",
            "body_sha256": o.body_sha256,
            "seq": self._seq,
            "extractor_fingerprint": self.fingerprint,
        }
        self._touched.add(aid)
        earlier = self._by_body.get(o.body_sha256)
        if earlier is not None:
            dup_of[aid] = earlier
        else:
            self._by_body[o.body_sha256] = aid
        accepted.append(aid)
        self._remember(f, o.sha256, o.size, "new", aid, meta=meta)
        self._row(f, "changed" if known else "new", o.sha256, aid, size=o.size)

    def _rewritten(self, aid: str, body_sha256: str) -> None:
        """``aid``'s rows are written again this run: its old ones go at the commit."""
        self._refreshed.setdefault(aid, self.index[aid]["batch"])
        self.index[aid]["body_sha256"] = body_sha256
        self.index[aid]["extractor_fingerprint"] = self.fingerprint
        self._touched.add(aid)

    # ----- re-extraction ---------------------------------------------------------------
    def stale(self, sources: Collection[str], force: Collection[str] = ()) -> list[str]:
        """Live articles of ``sources`` made by another extractor version, plus every live
        article of ``force``; none written this run. Sorted by batch, so a re-extraction
        batch reads few parts."""
        skip = self.orphans() | self._touched

        def wanted(r: dict) -> bool:
            if r["source"] in force:
                return True
            return r["source"] in sources and r.get("extractor_fingerprint") != self.fingerprint

        out = [a for a, r in self.index.items() if a not in skip and wanted(r)]
        return sorted(out, key=lambda a: (self.index[a]["batch"], a))

    def add_reextracted(self, result: BatchResult, batch_id: str) -> None:
        """Stage the new rows of articles extracted again; their old rows go at the commit.

        An article whose extraction failed as a whole keeps its old rows.
        """
        accepted: list[str] = []
        dup_of: dict[str, str] = {}
        for o in result.outcomes:
            aid = o.article_id
            if o.status != "ok" or aid is None or aid not in self.index or o.body_sha256 is None:
                continue
            self._rewritten(aid, o.body_sha256)
            earlier = self._by_body.get(o.body_sha256)
            if earlier not in (None, aid) and self.index[earlier]["seq"] < self.index[aid]["seq"]:
                dup_of[aid] = earlier
            accepted.append(aid)
        self.counts["reextracted"] += len(accepted)
        self._stage(result, batch_id, accepted, dup_of)

    def _stage(
        self, result: BatchResult, batch_id: str, accepted: list[str], dup_of: dict[str, str]
    ) -> None:
        if not accepted:
            return
        keep = pa.array(accepted, pa.string())
        tables = {}
        for table, data in result.tables.items():
            data = data.filter(pc.is_in(data["article_id"], value_set=keep))
            if table == "articles" and dup_of:
                data = _set_duplicate_of(data, dup_of)
            tables[table] = data
        held = self.hold(tables)
        self.stage_tables(tables, [a for a in accepted if a not in held], batch_id)

    def stage_tables(self, tables: dict[str, pa.Table], ids: list[str], batch_id: str) -> None:
        """Write the rows of ``ids`` as parts of ``batch_id``, one per table and source."""
        if not ids:
            return
        for aid in ids:
            self.index[aid]["batch"] = batch_id
        sources = {self.index[a]["source"] for a in ids}
        keep = pa.array(ids, pa.string())
        for table, data in tables.items():
            data = data.filter(pc.is_in(data["article_id"], value_set=keep))
            for src in sorted(sources):
                mine = pa.array([a for a in ids if self.index[a]["source"] == src], pa.string())
                part = data.filter(pc.is_in(data["article_id"], value_set=mine))
                self.store.stage_part(table, src, batch_id, part)
                self.rows_written[table] += part.num_rows
            crash_point("between_tables")

    # ----- end of run ------------------------------------------------------------------
    def add_deleted(self, sources: list[str], seen: set[tuple[str, str]]) -> None:
        for key, prev in sorted(self.ledger.items()):
            if key[0] in sources and key not in seen:
                f = FileInfo(prev["source"], prev["path"], "", prev["size"], prev["mtime_ns"])
                self._row(f, "deleted", prev["sha256"], prev["article_id"])
                del self.ledger[key]

    def orphans(self) -> set[str]:
        live = {r["article_id"] for r in self.ledger.values() if r["article_id"]}
        return set(self.index) - live

    def commit(self) -> None:
        dead = self.orphans()
        # Orphans' rows are in their batch; refreshed articles' old rows in the batch
        # they had before this run (their index entry already names the new one).
        where = {a: self.index[a] for a in dead}
        where |= {a: {"batch": b} for a, b in self._refreshed.items() if a not in dead}
        self.store.remove_articles(set(where), where, self.run_id)  # committed parts only
        for a in dead:
            del self.index[a]
        files = pa.Table.from_pylist(self.file_rows, schema=FILES)
        self.store.stage_ledger_part("files", self.run_id, files)
        self.rows_written["files"] = files.num_rows
        self.counts["articles_removed"] = len(dead)
        self.store.commit(self.ledger, self.index)

    def summary(self) -> dict[str, int]:
        out = {"files_seen": sum(self.counts[s] for s in FILE_STATUSES if s != "deleted")}
        out.update({s: self.counts[s] for s in FILE_STATUSES})
        out.update({f"rows_{t}": self.rows_written[t] for t in ARTICLE_TABLES})
        out["reextracted"] = self.counts["reextracted"]
        return out


def _set_duplicate_of(data: pa.Table, dup_of: dict[str, str]) -> pa.Table:
    ids = data["article_id"].to_pylist()
    col = pa.array([dup_of.get(a) for a in ids], pa.string())
    return data.set_column(data.schema.get_field_index("duplicate_of"), "duplicate_of", col)


def run_table(
    run_id: str, flow_run_id: str, started: datetime, sources: list[str], summary: dict
) -> pa.Table:
    """The ``runs`` row of a finished run: when, which sources, and its summary counts."""
    row = {
        "run_id": run_id,
        "flow_run_id": flow_run_id,
        "started_at": started,
        "finished_at": datetime.now(UTC),
        "sources": sources,
        **summary,
    }
    return pa.Table.from_pylist([row], schema=RUNS)
