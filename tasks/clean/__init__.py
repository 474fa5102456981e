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

__all__ = ["BLANK", "EMPTY_BODY", "LARGE_CUT", "CleanResult", "clean", "guard", "uncleaned"]

BLANK = "\n"  # what boilerplate characters become in ``visible``
# Datelines open the first body paragraph; the second is also tried because a
# date or byline line the rules missed may come first. Never later: "X - ..."
# deeper in an article is a sentence, not a dateline.
DATELINE_MAX_PARAGRAPH = 2
# No rule of shape alone may leave less than this share of an article's text as body
# (the bar: "never below a third"); markers may, and then the article is
# flagged. Real articles keep 0.5-1.0 of their text (ant_dev: no article below 0.5).
MIN_BODY_SHARE = 1 / 3
# CleanResult.flag values: a marker-justified cut below MIN_BODY_SHARE, or no body.
LARGE_CUT, EMPTY_BODY = "large_cut", "empty_body"


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
    flag: str | None = None  # LARGE_CUT | EMPTY_BODY: markers removed most of the text


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
    taken = {k for h in hits for k in range(h.first, h.last + 1)}
    if title_idx is not None and all(k in taken or k == title_idx for k in range(len(lines))):
        title_idx = None  # one line of text is the article, not a headline over nothing
    hits, flag = guard(hits, lines, title_idx)
    st = _State(text)
    st.meta["flag"] = flag
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


def uncleaned(text: str, title: str | None = None) -> CleanResult:
    """The whole text as body, nothing removed: what an article keeps when clean fails."""
    lines = split_lines(text)
    spans = [(ln.start, ln.end) for ln in lines]
    body = "\n\n".join(text[s:e] for s, e in spans)
    return CleanResult(text, text, title, None, body, spans)


def _body_chars(lines: list[Line], hits: list[Hit], title_idx: int | None) -> int:
    taken = {k for h in hits for k in range(h.first, h.last + 1)}
    return sum(len(ln.raw) for ln in lines if ln.index not in taken and ln.index != title_idx)


def guard(
    hits: list[Hit], lines: list[Line], title_idx: int | None
) -> tuple[list[Hit], str | None]:
    """Give back shape-only hits, largest first, while the body is under a third of the
    text or empty; flag the article when markers alone cut that much."""
    total = sum(len(ln.raw) for ln in lines)

    def short(hs: list[Hit]) -> bool:
        body = _body_chars(lines, hs, title_idx)
        return body == 0 or body < MIN_BODY_SHARE * total

    if not total or not short(hits):
        return hits, None
    size = {id(h): sum(len(lines[k].raw) for k in range(h.first, h.last + 1)) for h in hits}
    for h in sorted((h for h in hits if h.evidence == "shape"), key=lambda h: -size[id(h)]):
        hits = [x for x in hits if x is not h]
        if not short(hits):
            return hits, None
    return hits, EMPTY_BODY if _body_chars(lines, hits, title_idx) == 0 else LARGE_CUT


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
            start = _dateline(st, ln, first=k == 0)
        if start < ln.end:
            spans.append((start, ln.end))
    return spans


def _dateline(st: _State, ln: Line, first: bool) -> int:
    """Record a dateline prefix of ``ln``; return where the body text starts.

    After the first paragraph only a dateline naming an agency counts: there "X -"
    is far more often a parenthetical dash ("وكانت الأسر - كما تروي الحكاية -").
    """
    found = parse_dateline(ln)
    if found is None or not (first or found[2]):
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
        flag=st.meta.get("flag"),
    )
