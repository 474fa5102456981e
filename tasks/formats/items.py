"""Readers that turn one discovered file into the article items it holds.

A ``.txt`` or ``.html`` file is one item; a ``.jsonl`` file is one item per
non-blank line, with path ``FILE#N`` (N = the 1-based line number), each with
its own hash so an unchanged line is recognised when lines are appended. An
item either carries text or a quarantine reason: every line is accounted for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tasks.discover import Candidate, FileInfo
from tasks.formats.registry import format_of, reader

__all__ = ["Item", "kind_of", "read_items"]


@dataclass(frozen=True, slots=True)
class Item:
    """One article to process: a whole file, or one line of a .jsonl file."""

    path: str  # FILE, or FILE#N for a .jsonl line
    sha256: str  # of the file's bytes, or of the line's bytes
    size: int  # of the whole file: the ledger compares files by size and mtime
    text: str | None
    encoding: str | None = None
    reason: str | None = None  # why it is quarantined, when text is None
    meta: dict = field(default_factory=dict)  # see formats.meta.clean_meta
    title: str | None = None  # a title from metadata that is not the text's first line


def kind_of(path: str) -> str:
    """The format name of a file, by its suffix."""
    return format_of(path).name


def read_items(cand: Candidate, opts: dict, cache: dict) -> list[tuple[Candidate, Item]]:
    """The items in one candidate file, each paired with its own ledger candidate.

    ``cache`` lives for one batch (manifest.csv files parsed once per folder).
    """
    fmt = format_of(cand.info.path)
    items = reader(fmt.name)(cand, opts, cache)
    if fmt.multi:
        return [(_line_candidate(cand, it), it) for it in items]
    return [(cand, it) for it in items]


def _line_candidate(cand: Candidate, item: Item) -> Candidate:
    if item.path == cand.info.path:  # the file as a whole (unreadable, empty)
        return cand
    info = cand.info
    prev = (cand.previous_lines or {}).get(item.path) or {}
    line = FileInfo(info.source, item.path, info.abspath, info.size, info.mtime_ns)
    return Candidate(line, prev.get("sha256"), prev.get("article_id"))
