"""Paragraph lines of a text with the cheap features the rules read."""

from __future__ import annotations

import re

from akhbar.text.normalize import NormText
from tasks.clean.evidence import reads_as_prose

__all__ = ["Line", "split_lines"]

# Lines up to this many characters are normalised whole; longer ones only at
# their head (markers, datelines and title prefixes all sit at the start).
# Calibrated on the seeds and fixtures: every marker, date, byline, caption and
# section line is under 200 characters; body paragraphs run 150-650.
SHORT_LINE_MAX_CHARS = 240
HEAD_CHARS = 120
# Prose: a line of at least this many words that ends a sentence. Headlines
# (ticker items, read-also links) are 4-15 words and carry no final full stop;
# body paragraphs in the seeds are 25-110 words.
PROSE_MIN_WORDS = 10
# A line this long that has commas is prose even without a final full stop
# (scraped text often drops the last period).
PROSE_LONG_WORDS = 30
# Glued headline blob (a ticker with its separators lost): long, and almost no
# clause punctuation. Seeds: the 003 ticker has ~230 words and no comma or
# single full stop; the body paragraph with the fewest marks has one mark per
# 27 words (and one mark per 20 words is typical of Arabic news prose).
BLOB_MIN_WORDS = 40
BLOB_MIN_WORDS_PER_MARK = 60

_SENT_END = ".!?\u061f\u2026"
_CLOSERS = " \"'\u201d\u201c\u00bb\u00ab)]\u200f"
_MARKS = re.compile(r"[\u060c,\u061b;!?\u061f]|(?<!\.)\.(?!\.)")


class Line:
    """One stripped, non-blank line; cheap features eager, normalisation lazy."""

    __slots__ = (
        "_evidence",
        "_n",
        "_nt",
        "end",
        "index",
        "prose",
        "raw",
        "short",
        "start",
        "words",
    )

    def __init__(self, start: int, end: int, raw: str, index: int = 0) -> None:
        self.start, self.end, self.raw, self.index = start, end, raw, index
        self.words = len(raw.split())
        self.short = len(raw) <= SHORT_LINE_MAX_CHARS
        self.prose = _is_prose(raw, self.words)
        self._nt: NormText | None = None
        self._n: str | None = None
        self._evidence: bool | None = None

    @property
    def nt(self) -> NormText:
        """Normalised copy of the line (or its head, when the line is long)."""
        if self._nt is None:
            self._nt = NormText(self.raw if self.short else self.raw[:HEAD_CHARS])
        return self._nt

    @property
    def n(self) -> str:
        """Normalised, case-folded line (or head): what every rule matches."""
        if self._n is None:
            self._n = self.nt.norm.lower()
        return self._n

    @property
    def reads_as_prose(self) -> bool:
        """Positive evidence of running text (``evidence.reads_as_prose``), computed once
        and only for lines a rule is about to take."""
        if self._evidence is None:
            self._evidence = reads_as_prose(self.raw, self.words)
        return self._evidence

    @property
    def blob(self) -> bool:
        """Many headlines glued on one line: long and nearly unpunctuated."""
        if self.words < BLOB_MIN_WORDS:
            return False
        marks = len(_MARKS.findall(self.raw))
        return marks == 0 or self.words / marks >= BLOB_MIN_WORDS_PER_MARK

    def src(self, ns: int, ne: int) -> tuple[int, int]:
        """Source span of ``n[ns:ne]`` (offsets into the whole text)."""
        s, e = self.nt.span(ns, ne)
        return self.start + s, self.start + e


def _is_prose(raw: str, words: int) -> bool:
    if words < PROSE_MIN_WORDS:
        return False
    if raw.rstrip(_CLOSERS)[-1:] in _SENT_END and not raw.endswith(".."):
        return True
    return words >= PROSE_LONG_WORDS and ("\u060c" in raw or "," in raw)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text``, stripped, with their source offsets."""
    out: list[Line] = []
    pos = 0
    for piece in text.split("\n"):
        s, e = pos, pos + len(piece)
        pos = e + 1
        raw = piece.strip()
        if raw:
            s += len(piece) - len(piece.lstrip())
            out.append(Line(s, s + len(raw), raw, len(out)))
    return out
