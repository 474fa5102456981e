"""Load stage: Parquet datasets committed through one manifest.

Layout under the warehouse folder::

    data/<table>/source=<name>/part-<batch>.parquet   article tables
    data/files/run=<run_id>.parquet                   files ledger, one part per run
    data/runs/run=<run_id>.parquet                    one row per run
    _state/manifest.json                              the live parts: the commit point,
                                                      and which folder each source is
    _state/ledger-<v>.parquet, _state/index-<v>.parquet

Every part is written to a temporary name and renamed; nothing is live until
``manifest.json`` is replaced (atomically) to list it. A crash at any point
leaves the previous manifest, and the next run deletes the orphan parts it
finds, so a crashed run followed by a re-run equals one clean run.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from akhbar.config import is_source_name
from akhbar.crash import crash_point
from akhbar.schemas import ARTICLE_TABLES, FILES, INDEX, LEDGER, LEDGER_TABLES

__all__ = ["Store", "batch_of", "write_table_atomic"]

MANIFEST_VERSION = 1
COMPRESSION = "zstd"


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_table_atomic(table: pa.Table, dest: Path) -> None:
    """Write Parquet to a temporary sibling, fsync, then rename over ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.tmp")
    pq.write_table(table, tmp, compression=COMPRESSION)
    crash_point("parquet_write", torn_file=tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)


def _write_json_atomic(obj: dict, dest: Path) -> None:
    tmp = dest.with_name(f".{dest.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)


@dataclass
class Manifest:
    version: int = 0
    parts: dict[str, list[str]] = field(default_factory=dict)  # table -> relative paths
    ledger: str | None = None
    index: str | None = None
    # source name -> the options (folder, format, timezone...) its rows were read with:
    # a name means one folder per warehouse, and stored articles can be extracted again
    sources: dict[str, dict] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "format": MANIFEST_VERSION,
            "version": self.version,
            "parts": {t: sorted(p) for t, p in self.parts.items()},
            "ledger": self.ledger,
            "index": self.index,
            "sources": self.sources,
        }

    @classmethod
    def from_json(cls, d: dict) -> Manifest:
        parts = {t: list(p) for t, p in d["parts"].items()}
        return cls(d["version"], parts, d["ledger"], d["index"], dict(d.get("sources") or {}))


def batch_of(part: str) -> str:
    """The batch a part belongs to: ``part-<batch>[.rN].parquet``."""
    name = part.rsplit("/", 1)[-1].removeprefix("part-").removesuffix(".parquet")
    return name.split(".r", 1)[0]


class Store:
    """The warehouse's Parquet side: read the committed state, stage parts, commit."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.state = root / "_state"
        self.manifest = self._read_manifest()
        self._staged: dict[str, list[str]] = {}
        self.repaired: list[str] = []

    # ----- reading the committed state -------------------------------------------------
    def _read_manifest(self) -> Manifest:
        path = self.state / "manifest.json"
        if not path.exists():
            return Manifest()
        return Manifest.from_json(json.loads(path.read_text(encoding="utf-8")))

    def _read_state(self, rel: str | None, schema: pa.Schema) -> pa.Table:
        if rel is None:
            return schema.empty_table()
        return pq.read_table(self.root / rel, schema=schema)

    def ledger(self) -> dict[tuple[str, str], dict]:
        rows = self._read_state(self.manifest.ledger, LEDGER).to_pylist()
        return {(r["source"], r["path"]): r for r in rows}

    def index(self) -> dict[str, dict]:
        rows = self._read_state(self.manifest.index, INDEX).to_pylist()
        return {r["article_id"]: r for r in rows}

    def live_parts(self, table: str) -> list[Path]:
        return [self.root / p for p in self.manifest.parts.get(table, [])]

    def article_rows(self, table: str, ids: list[str], index: dict[str, dict]) -> list[dict]:
        """The committed rows of ``table`` for the articles ``ids`` (read from their batches)."""
        batches = {index[a]["batch"] for a in ids if a in index}
        wanted = pa.array(sorted(ids), pa.string())
        rows: list[dict] = []
        for rel in self.manifest.parts.get(table, []):
            if batch_of(rel) in batches:
                tab = pq.read_table(self.root / rel, schema=ARTICLE_TABLES[table])
                rows += tab.filter(pc.is_in(tab["article_id"], value_set=wanted)).to_pylist()
        return rows

    def source_names(self) -> set[str]:
        """Every source the warehouse holds rows or files of (recorded, or in the ledger)."""
        names = set(self.manifest.sources)
        names |= {r["source"] for r in self.index().values()}
        return names | {source for source, _ in self.ledger()}

    # ----- repair ----------------------------------------------------------------------
    def recover(self) -> None:
        """Delete uncommitted leftovers; drop corrupt parts so their files are re-read."""
        live = {p for parts in self.manifest.parts.values() for p in parts}
        live |= {p for p in (self.manifest.ledger, self.manifest.index) if p}
        for base in (self.data, self.state):
            if not base.exists():
                continue
            for path in base.rglob("*"):
                rel = path.relative_to(self.root).as_posix()
                if path.is_file() and rel not in live and path.name != "manifest.json":
                    path.unlink()
        bad_batches = {
            batch_of(p)
            for t in ARTICLE_TABLES
            for p in self.manifest.parts.get(t, [])
            if not _readable(self.root / p)
        }
        bad_ledger = [
            p
            for t in LEDGER_TABLES
            for p in self.manifest.parts.get(t, [])
            if not _readable(self.root / p)
        ]
        if bad_batches or bad_ledger:
            self._drop(bad_batches, bad_ledger)

    def _drop(self, batches: set[str], ledger_parts: list[str]) -> None:
        m = self.manifest
        for t in list(m.parts):
            keep = [p for p in m.parts[t] if batch_of(p) not in batches and p not in ledger_parts]
            self.repaired += sorted(set(m.parts[t]) - set(keep))
            m.parts[t] = keep
        index = {a: r for a, r in self.index().items() if r["batch"] not in batches}
        ledger = {
            k: r
            for k, r in self.ledger().items()
            if r["article_id"] is None or r["article_id"] in index
        }
        self._commit_state(ledger, index)

    # ----- staging and committing ------------------------------------------------------
    def stage_part(self, table: str, source: str, batch: str, data: pa.Table) -> None:
        if data.num_rows == 0:
            return
        if not is_source_name(source):  # sources.json is hand-editable: never trust it
            raise ValueError(f"unsafe source name for a partition folder: {source!r}")
        rel = f"data/{table}/source={source}/part-{batch}.parquet"
        write_table_atomic(data.cast(ARTICLE_TABLES[table]), self.root / rel)
        self._staged.setdefault(table, []).append(rel)

    def staged_parts(self, table: str) -> list[Path]:
        """Parts written by this run and not committed yet."""
        return [self.root / p for p in self._staged.get(table, [])]

    def stage_ledger_part(self, table: str, run_id: str, data: pa.Table) -> None:
        rel = f"data/{table}/run={run_id}.parquet"
        write_table_atomic(data.cast(LEDGER_TABLES[table]), self.root / rel)
        self._staged.setdefault(table, []).append(rel)

    def remove_source_files(self, source: str, stamp: str) -> int:
        """Rewrite the live ``files`` parts without ``source``'s rows; returns rows removed."""
        removed = 0
        kept_parts = []
        for rel in self.manifest.parts.get("files", []):
            tab = pq.read_table(self.root / rel, schema=FILES)
            kept = tab.filter(pc.not_equal(tab["source"], source))
            removed += tab.num_rows - kept.num_rows
            kept_parts += self._rewritten(rel, tab, kept, f".p{stamp}")
        self.manifest.parts["files"] = kept_parts
        return removed

    def remove_articles(self, dead: set[str], index: dict[str, dict], run_id: str) -> None:
        """Rewrite every live part holding a dead article without its rows."""
        if not dead:
            return
        batches = {index[a]["batch"] for a in dead if a in index}
        dead_arr = pa.array(sorted(dead), pa.string())
        m = self.manifest
        for t in ARTICLE_TABLES:
            new_parts = []
            for rel in m.parts.get(t, []):
                if batch_of(rel) not in batches:
                    new_parts.append(rel)
                    continue
                tab = pq.read_table(self.root / rel)
                kept = tab.filter(pc.invert(pc.is_in(tab["article_id"], value_set=dead_arr)))
                new_parts += self._rewritten(rel, tab, kept, f".r{run_id}")
            m.parts[t] = new_parts

    def _rewritten(self, rel: str, tab: pa.Table, kept: pa.Table, tag: str) -> list[str]:
        """The part(s) standing for ``rel`` once only ``kept`` of its rows remain: itself
        when nothing went, a new part named with ``tag`` (".p<stamp>", ".r<run>", replacing
        an earlier such tag), or none when every row went."""
        if kept.num_rows == tab.num_rows:
            return [rel]
        if not kept.num_rows:
            return []
        new_rel = rel.removesuffix(".parquet").split(tag[:2], 1)[0] + f"{tag}.parquet"
        write_table_atomic(kept, self.root / new_rel)
        return [new_rel]

    def commit(self, ledger: dict[tuple[str, str], dict], index: dict[str, dict]) -> None:
        for t, rels in self._staged.items():
            self.manifest.parts.setdefault(t, []).extend(rels)
        self._staged = {}
        self._commit_state(ledger, index)

    def _commit_state(self, ledger: dict, index: dict) -> None:
        m = self.manifest
        old = [self.root / p for p in (m.ledger, m.index) if p]
        m.version += 1
        m.ledger = f"_state/ledger-{m.version}.parquet"
        m.index = f"_state/index-{m.version}.parquet"
        write_table_atomic(_table(ledger.values(), LEDGER), self.root / m.ledger)
        write_table_atomic(_table(index.values(), INDEX), self.root / m.index)
        self.state.mkdir(parents=True, exist_ok=True)
        crash_point("before_manifest")
        _write_json_atomic(m.to_json(), self.state / "manifest.json")
        self.collect_garbage(old)

    def collect_garbage(self, extra: list[Path] = ()) -> None:  # type: ignore[assignment]
        live = {self.root / p for parts in self.manifest.parts.values() for p in parts}
        for path in extra:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        if not self.data.exists():
            return
        for path in self.data.rglob("*.parquet"):
            if path not in live:
                path.unlink()


def _readable(path: Path) -> bool:
    try:
        pq.read_metadata(path)
    except Exception:  # any failure to read a footer means the part is unusable
        return False
    return True


def _table(rows, schema: pa.Schema) -> pa.Table:  # type: ignore[no-untyped-def]
    return pa.Table.from_pylist(list(rows), schema=schema)
