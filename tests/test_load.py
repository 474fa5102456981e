"""Load: parts are committed through the manifest; leftovers and corrupt parts are repaired."""

from __future__ import annotations

import pyarrow as pa

from akhbar.schemas import DOCUMENTS
from tasks.load.parts import Store


def _docs(*ids: str) -> pa.Table:
    return pa.Table.from_pylist(
        [{"article_id": i, "source": "s", "path": f"{i}.txt", "text": "نص"} for i in ids],
        schema=DOCUMENTS,
    )


def test_nothing_is_live_before_commit(tmp_path):
    store = Store(tmp_path)
    store.stage_part("documents", "s", "b1", _docs("a"))
    assert Store(tmp_path).live_parts("documents") == []
    store.commit({}, {})
    assert len(Store(tmp_path).live_parts("documents")) == 1


def test_recover_deletes_uncommitted_parts(tmp_path):
    store = Store(tmp_path)
    store.stage_part("documents", "s", "b1", _docs("a"))
    store.commit({}, {})
    Store(tmp_path).stage_part("documents", "s", "b2", _docs("b"))  # crash: never committed
    parts = sorted(p.name for p in (tmp_path / "data").rglob("*.parquet"))
    assert parts == ["part-b1.parquet", "part-b2.parquet"]
    Store(tmp_path).recover()
    assert sorted(p.name for p in (tmp_path / "data").rglob("*.parquet")) == ["part-b1.parquet"]


def test_corrupt_part_is_dropped_and_its_files_forgotten(tmp_path):
    store = Store(tmp_path)
    store.stage_part("documents", "s", "b1", _docs("a"))
    ledger = {
        ("s", "a.txt"): {
            "source": "s",
            "path": "a.txt",
            "size": 1,
            "mtime_ns": 1,
            "sha256": "x",
            "status": "new",
            "reason": None,
            "article_id": "a",
        }
    }
    index = {"a": {"article_id": "a", "source": "s", "batch": "b1", "body_sha256": "h", "seq": 1}}
    store.commit(ledger, index)
    part = Store(tmp_path).live_parts("documents")[0]
    part.write_bytes(part.read_bytes()[:20])  # torn write
    fresh = Store(tmp_path)
    fresh.recover()
    assert fresh.live_parts("documents") == []
    assert fresh.ledger() == {} and fresh.index() == {}  # so the file is re-read next run
    assert fresh.repaired


def test_remove_articles_rewrites_only_affected_parts(tmp_path):
    store = Store(tmp_path)
    store.stage_part("documents", "s", "b1", _docs("a", "b"))
    store.stage_part("documents", "s", "b2", _docs("c"))
    index = {
        "a": {"article_id": "a", "source": "s", "batch": "b1", "body_sha256": "1", "seq": 1},
        "b": {"article_id": "b", "source": "s", "batch": "b1", "body_sha256": "2", "seq": 2},
        "c": {"article_id": "c", "source": "s", "batch": "b2", "body_sha256": "3", "seq": 3},
    }
    store.commit({}, index)
    store = Store(tmp_path)
    store.remove_articles({"a"}, index, "r2")
    store.commit({}, {k: v for k, v in index.items() if k != "a"})
    ids = sorted(
        i
        for p in Store(tmp_path).live_parts("documents")
        for i in pa.parquet.read_table(p)["article_id"].to_pylist()
    )
    assert ids == ["b", "c"]
