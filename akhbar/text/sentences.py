"""Sentence and clause spans over a (visible) text, as offsets.

Boilerplate is blanked to newlines in the visible text, so a newline is
always a hard boundary.
"""

from __future__ import annotations

import re

__all__ = ["clause_spans", "sentence_spans"]

# A full stop is a boundary unless it sits between digits (20.000, 8.5);
# "..", "…" and the Arabic full stop (U+06D4) end sentences too.
_SENTENCE_END = re.compile(r"(?<!\d)\.(?!\d)|[!?\u061f\u06d4\u2026\n]|(?<=\d)\.(?!\d)")
# Clause boundaries inside a sentence: Arabic and Latin commas and semicolons.
_CLAUSE_END = re.compile(r"[\u060c,\u061b;]")


def _spans(text: str, start: int, end: int, boundary: re.Pattern[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in boundary.finditer(text, start, end):
        e = m.end()
        _push(text, pos, e, out)
        pos = e
    _push(text, pos, end, out)
    return out


def _push(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    # str.strip and str.isspace share one definition of white space; the
    # C-level strip replaces a per-character Python loop.
    seg = text[s:e]
    left = seg.lstrip()
    if left:
        s += len(seg) - len(left)
        out.append((s, s + len(left.rstrip())))


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-empty sentence spans of ``text[start:end]``, stripped of white space."""
    return _spans(text, start, len(text) if end is None else end, _SENTENCE_END)


def clause_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clause spans: sentences further split at commas and semicolons."""
    out: list[tuple[int, int]] = []
    for s, e in sentence_spans(text, start, end):
        out.extend(_spans(text, s, e, _CLAUSE_END))
    return out
