"""Quotation marks paired into quoted spans, one paragraph at a time.

After normalisation every quote glyph (" “ ” « ») is ``"``, and real news
uses them loosely: spaced on both sides (`` " ان ... " ``), nested without
distinction (“... و”مناطق ساخنة”، ... ”)، or with the opening mark missing
(``أن كازاخستان واجهت ... وسيادتها”،``). Each mark is classified by its
neighbours (a space or a one-letter proclitic before it opens, a space or
punctuation after it closes); ambiguous marks toggle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quoted", "quoted_spans"]

_MARK = re.compile('"')
_PARA = re.compile(r"[^\n]+")
_CLITICS = "\u0648\u0641\u0628\u0644\u0643"  # و ف ب ل ك, written "لـ"..." before a quote
_OPEN_AFTER = "([:"
_CLOSE_BEFORE = ".,:;!?)]"
OPEN, CLOSE, EITHER = 1, 2, 3


@dataclass
class Quoted:
    start: int | None  # first character inside the marks (norm); None: opening mark missing
    end: int  # the closing mark, or the paragraph end for an unclosed quote
    para_start: int
    para_end: int


def _side(norm: str, i: int, ps: int, pe: int) -> int:
    p = norm[i - 1] if i > ps else " "
    n = norm[i + 1] if i + 1 < pe else " "
    opens = (
        p.isspace()
        or p in _OPEN_AFTER
        or (p in _CLITICS and (i - 1 == ps or norm[i - 2].isspace()))
    )
    closes = n.isspace() or n in _CLOSE_BEFORE
    if opens and not closes:
        return OPEN
    if closes and not opens:
        return CLOSE
    return EITHER


def _paragraph(norm: str, ps: int, pe: int) -> list[Quoted]:
    out: list[Quoted] = []
    stack: list[int] = []
    last_close = -1
    for m in _MARK.finditer(norm, ps, pe):
        i = m.start()
        side = _side(norm, i, ps, pe)
        if side == OPEN or (side == EITHER and not stack):
            stack.append(i)
            continue
        last_close = i
        if not stack:
            out.append(Quoted(None, i, ps, pe))  # closing mark without its opening
            continue
        o = stack.pop()
        if not stack:
            out.append(Quoted(o + 1, i, ps, pe))
    if stack:
        # Unclosed: the outer quote ends at the last closing mark after it (nested
        # quotes closed by one mark), else at the end of the paragraph.
        o = stack[0]
        out.append(Quoted(o + 1, last_close if last_close > o else pe, ps, pe))
    return out


def quoted_spans(norm: str) -> list[Quoted]:
    """Top-level quoted spans in document order."""
    out: list[Quoted] = []
    for para in _PARA.finditer(norm):
        if '"' in para.group():
            out.extend(_paragraph(norm, para.start(), para.end()))
    return sorted(out, key=lambda q: q.end)
