"""Clean stage: separate boilerplate from the article and lift metadata.

``clean(text)`` never changes ``text``: it returns spans. ``visible`` is the
text with every boilerplate character replaced by a newline, so it has the
same length as ``text`` and every offset found in it is an offset into the
source; downstream extractors only ever see ``visible``.

How: the text is split into lines (``lines.py``); whole lines are classified
by marker lists and shape (``boilerplate.py``); the title is the first line
that is not boilerplate, minus a clickbait prefix; the first body paragraph
may open with a dateline (``metadata.py``). Date lines give ``published_at``
(``dates.py``). See ``docs/clean.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tasks.clean.boilerplate import Hit, classify
from tasks.clean.dates import DateLine
from tasks.clean.lexicon import LEX, norm
from tasks.clean.lines import Line, split_lines
from tasks.clean.metadata import parse_dateline

__all__ = ["BLANK", "CleanResult", "clean"]

BLANK = "\n"  # what boilerplate characters become in ``visible``
# Datelines open the first body paragraph; the second is also tried because a
# date or byline line the rules missed may come first. Never later: "X - ..."
# deeper in an article is a sentence, not a dateline.
DATELINE_MAX_PARAGRAPH = 2


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


@dataclass
class _State:
    """What one clean() call accumulates."""

    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    agencies: list[str] = field(default_factory=list)

    def add(self, kind: str, start: int, end: int) -> None:
        self.spans.append((kind, start, end))

    def agency(self, names: list[str]) -> None:
        self.agencies.extend(a for a in names if a not in self.agencies)


def clean(text: str, *, title: str | None = None) -> CleanResult:
    """Boilerplate spans, title, body and metadata of one article text."""
    lines = split_lines(text)
    hits, title_idx = classify(lines, want_title=title is None)
    st = _State(text)
    hit_lines = set()
    for h in hits:
        _record(st, h, lines)
        hit_lines.update(range(h.first, h.last + 1))
    body_lines = [ln for ln in lines if ln.index not in hit_lines and ln.index != title_idx]
    title_span = None
    if title_idx is not None:
        title_span = _title(st, lines[title_idx])
        title = text[slice(*title_span)]
    elif title is not None:
        title = _strip_prefix(title)
    body_spans = _body(st, body_lines, title_idx)
    return _result(st, title, title_span, body_spans)


def _record(st: _State, h: Hit, lines: list[Line]) -> None:
    st.add(h.kind, lines[h.first].start, lines[h.last].end)
    if h.date is not None:
        best: DateLine | None = st.meta.get("date")
        if best is None or (best.updated and not h.date.updated):
            st.meta["date"] = h.date
    if h.credit is not None:
        st.meta.setdefault("author", h.credit.author)
        st.meta.setdefault("outlet", h.credit.outlet)
        if h.credit.place:
            st.meta.setdefault("dateline", h.credit.place)
        st.agency(h.credit.agencies)
    st.agency(h.agencies)


def _title(st: _State, ln: Line) -> tuple[int, int]:
    m = LEX.title_prefix_re.match(ln.n)
    if not m or not _has_word_after(ln.n, m.end()):
        return ln.start, ln.end
    ps, pe = ln.src(0, m.end())
    st.add("title_prefix", ps, pe)
    s = pe
    while s < ln.end and st.text[s].isspace():
        s += 1
    return s, ln.end


def _has_word_after(n: str, pos: int) -> bool:
    return any(c.isalpha() for c in n[pos:])


def _strip_prefix(title: str) -> str:
    """A metadata title without its clickbait prefix (no offsets to keep)."""
    n = norm(title)
    m = LEX.title_prefix_re.match(n)
    if not m or len(n) != len(title) or not _has_word_after(n, m.end()):
        return title
    return title[m.end() :].strip()


def _body(st: _State, body_lines: list[Line], title_idx: int | None) -> list[tuple[int, int]]:
    """Body paragraph spans; the first paragraphs may open with a dateline."""
    spans = []
    for k, ln in enumerate(body_lines):
        start = ln.start
        if k < DATELINE_MAX_PARAGRAPH and "dateline_done" not in st.meta:
            start = _dateline(st, ln)
        if start < ln.end:
            spans.append((start, ln.end))
    return spans


def _dateline(st: _State, ln: Line) -> int:
    """Record a dateline prefix of ``ln``; return where the body text starts."""
    found = parse_dateline(ln)
    if found is None:
        return ln.start
    end, place, agencies = found
    st.meta["dateline_done"] = True
    st.add("dateline", ln.start, ln.start + end)
    st.meta["dateline"] = place
    st.agency(agencies)
    s = ln.start + end
    while s < ln.end and not st.text[s].isalnum() and st.text[s] not in "\"'«“(":
        s += 1
    if s >= ln.end:  # the whole line is the dateline
        st.spans[-1] = ("dateline", ln.start, ln.end)
    return s


def _result(
    st: _State, title: str | None, title_span: tuple[int, int] | None, body: list[tuple[int, int]]
) -> CleanResult:
    text = st.text
    st.spans.sort(key=lambda r: r[1])
    pieces, pos = [], 0
    for _, s, e in st.spans:
        pieces += [text[pos:s], BLANK * (e - s)]
        pos = e
    pieces.append(text[pos:])
    date: DateLine | None = st.meta.get("date")
    return CleanResult(
        text=text,
        visible="".join(pieces),
        title=title,
        title_span=title_span,
        body="\n\n".join(text[s:e] for s, e in body),
        body_spans=body,
        boilerplate=[{"kind": k, "start": s, "end": e, "text": text[s:e]} for k, s, e in st.spans],
        published_at=date.at if date else None,
        published_precision=date.precision if date else None,
        published_tz=date.tz if date else None,
        dateline=st.meta.get("dateline"),
        outlet=st.meta.get("outlet"),
        author=st.meta.get("author"),
        agencies=st.agencies,
    )
