"""Clean stage: separate boilerplate from the article and lift metadata.

``clean(text)`` never changes ``text``: it returns spans. ``visible`` is the
text with every boilerplate character replaced by a newline, so it has the
same length as ``text`` and every offset found in it is an offset into the
source; downstream extractors only ever see ``visible``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

__all__ = ["BLANK", "CleanResult", "clean"]

BLANK = "\n"  # what boilerplate characters become in ``visible``


@dataclass
class CleanResult:
    text: str
    visible: str
    title: str | None
    title_span: tuple[int, int] | None
    body: str  # kept paragraphs (after the title), joined by blank lines
    body_spans: list[tuple[int, int]]  # source spans of the kept body paragraphs
    boilerplate: list[dict] = field(default_factory=list)  # kind, start, end, text
    published_at: datetime | None = None  # aware, UTC when a zone is stated
    published_precision: str | None = None  # year | month | day | minute
    published_tz: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    author: str | None = None
    agencies: list[str] = field(default_factory=list)


def _paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    out, pos = [], start
    for line in text[start:].split("\n"):
        s, e = pos, pos + len(line)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def clean(text: str, *, title: str | None = None) -> CleanResult:
    """Walking-skeleton clean: the first non-empty line is the title, the rest is body."""
    paras = _paragraphs(text)
    title_span = paras[0] if paras and title is None else None
    body_spans = paras[1:] if title_span else paras
    return CleanResult(
        text=text,
        visible=text,
        title=title if title is not None else (text[slice(*title_span)] if title_span else None),
        title_span=title_span,
        body="\n\n".join(text[s:e] for s, e in body_spans),
        body_spans=body_spans,
    )
