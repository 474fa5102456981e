"""Purging a source: every row it brought into the warehouse goes, in one commit.

``akhbar sources remove NAME --purge`` calls this under the warehouse lock.
Its articles leave every article table, its files leave the ledger and the
``files`` history, and its name is free again. A file of another source
that was a ``duplicate`` of one of its articles loses its ledger row, so the
next run reads it again and its article comes back under its own source.
Like a run, nothing is visible until the manifest is replaced.
"""

from __future__ import annotations

from dataclasses import dataclass

from tasks.load.parts import Store

__all__ = ["PurgeResult", "purge_source"]


@dataclass(frozen=True)
class PurgeResult:
    articles: int  # articles removed with all their rows
    files: int  # files the ledger forgot
    history: int  # rows removed from the files history


def purge_source(store: Store, name: str, stamp: str) -> PurgeResult:
    """Remove every row of source ``name``; ``stamp`` names the rewritten parts."""
    store.recover()
    index, ledger = store.index(), store.ledger()
    dead = {a for a, r in index.items() if r["source"] == name}
    kept = {k: r for k, r in ledger.items() if k[0] != name and r["article_id"] not in dead}
    store.remove_articles(dead, index, stamp)
    history = store.remove_source_files(name, stamp)
    for a in dead:
        del index[a]
    store.manifest.sources.pop(name, None)
    store.commit(kept, index)
    return PurgeResult(len(dead), len(ledger) - len(kept), history)
