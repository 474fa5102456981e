"""Line classifier: which whole lines (or runs of lines) are boilerplate, and of what kind.

Rules are data (``akhbar/data/boilerplate/``) plus a few structural signals:
a marker's scope (its line, a block of headline-like lines after it, or the
rest of the text), headline blobs, repeated caption lines, and the shape of
prose (long, punctuated) versus headlines and labels (short, unpunctuated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tasks.clean.dates import DateLine, parse_date_line
from tasks.clean.evidence import (
    HEADLINE_MIN_WORDS,
    TICKER_MIN_UNITS,
    glued_headlines,
)
from tasks.clean.lexicon import LEX, Marker, norm
from tasks.clean.lines import Line
from tasks.clean.metadata import Credit, parse_byline, parse_credit, parse_dateline

__all__ = ["Hit", "classify"]

# A line-scope marker line (share, follow, copyright, newsletter...) is short:
# the longest in the genre ("لمتابعة آخر الأخبار اشترك في قناتنا على تلغرام عبر
# الرابط التالي") has 11 words; 16 leaves room, while body prose is longer or
# punctuated (and prose is never taken by a line marker).
LINE_MARKER_MAX_WORDS = 16
# Items of a read-also / related / tags block are headlines or tags: 1-20
# words each; a longer line ends the block.
BLOCK_ITEM_MAX_WORDS = 24
# Read-also and related boxes list 3-6 links; 10 bounds a run away block.
BLOCK_MAX_ITEMS = 10
# When a block or ticker run is ended by prose, its last line is given back
# to the body if it is this short: it is a subheading introducing the prose
# ("سيطرة قطاع الطرق", "عرض صيني" in the seeds are 2-3 words).
SUBHEADING_MAX_WORDS = 6
# Section labels and breadcrumbs: "أخبار", "العالم - أسيا", "الرئيسية > عربي >
# سياسة"; five words covers the longest breadcrumb trails without touching
# subheadings (which contain at least one non-section word anyway).
SECTION_MAX_WORDS = 5
# A kicker (section or country name above the headline: "مصر", "أخبار -
# فلسطين") has at most this many words; headlines have 5-15.
KICKER_MAX_WORDS = 3
# Photo captions: a sentence-fragment describing the picture, 3-30 words in
# the genre; the credit at the end is what identifies them.
CAPTION_MAX_WORDS = 30
# A credit line names one to three sources: "المصدر: الجزيرة + وكالات".
CREDIT_MAX_WORDS = 5
# Share bars: "فيسبوك تويتر واتساب تلغرام نسخ الرابط" (up to ~10 buttons).
SOCIAL_MAX_WORDS = 12
# Reading-time widgets are a few words ("time reading iconدقائق القراءة - 4").
READING_MAX_WORDS = 8
# A headline has at most this many words: the 2,000 real titles of ant_dev have a
# median of 9 and a longest of 21. A longer first line is an article stored on one
# line (scraped corpora often do this), so it is body, not the title.
TITLE_MAX_WORDS = 30
# Glued headlines without a marker: at least TICKER_MIN_UNITS headlines of at least
# HEADLINE_MIN_WORDS words each (tasks/clean/evidence.py).
GLUED_MIN_WORDS = TICKER_MIN_UNITS * HEADLINE_MIN_WORDS

_WORD = re.compile(r"[^\W\d_]+")
# A line ending in a colon introduces the text after it (a list, a quote).
_INTRODUCES = (":", "\uff1a")


@dataclass
class Hit:
    kind: str
    first: int  # index of the first line
    last: int  # index of the last line (inclusive)
    date: DateLine | None = None
    credit: Credit | None = None
    agencies: list[str] = field(default_factory=list)
    # What the hit rests on: a marker, a list of words (agencies, sections, dates),
    # separators between headlines about other stories, or the line's shape alone
    # (a repeat, a short label). Shape alone may never empty an article (clean.py).
    evidence: str = "vocabulary"


def classify(lines: list[Line], *, want_title: bool) -> tuple[list[Hit], int | None]:
    """Boilerplate hits over whole lines (in order, never overlapping) and the title line.

    The title is the first line that is not boilerplate; a later copy of it
    (scraped headline repeated above the body) is a ``title_repeat``.
    """
    hits: list[Hit] = []
    title: int | None = None if want_title else -1  # -1: given by metadata, no line is it
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.prose and title is not None and title >= 0 and _same(ln, lines[title]):
            hit: Hit | None = Hit("title_repeat", i, i, evidence="shape")
        else:
            hit = _line_hit(ln, lines, i, title)
        if hit is None and title is None and _kicker(ln, lines, i):
            hit = Hit("section_label", i, i, evidence="shape")
        if hit is None:
            if title is None and ln.words > TITLE_MAX_WORDS:
                title = -1  # a whole article on one line: no headline to take
            if title is None:
                title = i
            i += 1
            continue
        hits.append(hit)
        i = hit.last + 1
    return hits, (title if title is not None and title >= 0 else None)


def _kicker(ln: Line, lines: list[Line], i: int) -> bool:
    """A very short label above the headline ("مصر", "أخبار - فلسطين")."""
    if len(_WORD.findall(ln.n)) > KICKER_MAX_WORDS or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    return not nxt.prose and nxt.words > ln.words and _line_hit(nxt, lines, i + 1, None) is None


def _same(a: Line, b: Line) -> bool:
    """Same words once normalised (spacing and diacritics aside)."""
    if not (a.short and b.short) or abs(len(a.raw) - len(b.raw)) > len(b.raw) // 4:
        return False
    return a.n.split() == b.n.split()


def _line_hit(ln: Line, lines: list[Line], i: int, title: int | None) -> Hit | None:
    if ln.prose and not ln.blob:
        # No rule takes a prose paragraph: markers need short or headline-like
        # lines. Skipping here also spares normalising most of the body.
        return None
    marker = _marker(ln)
    if marker is not None:
        return _scoped(marker, ln, lines, i)
    return _shape_hit(ln, lines, i, title)


def _marker(ln: Line) -> tuple[Marker, int] | None:
    """The marker that opens (or is) the line, and where it ends in ``ln.n``."""
    n = ln.n
    m = LEX.whole_re.match(n) if ln.short else None
    if m is None:
        m = LEX.start_re.match(n)
    if m is not None:
        mk = LEX.markers[" ".join(m.group(1).split())]
        return mk, m.end(1)
    if ln.short and ln.words <= LINE_MARKER_MAX_WORDS:
        m = LEX.any_re.search(n)
        if m:
            return LEX.markers[" ".join(m.group(1).split())], len(n)
    return None


def _scoped(found: tuple[Marker, int], ln: Line, lines: list[Line], i: int) -> Hit | None:
    mk, mend = found
    inline = bool(_WORD.search(ln.n, mend))  # content after the marker on its line
    if mk.scope in ("tail", "rest"):
        if inline and (ln.prose or ln.reads_as_prose):
            return None  # "آخر الأخبار من الحديدة تفيد بأن ...": a sentence, not a ticker
        last = len(lines) - 1 if mk.scope == "rest" else _run_end(lines, i, None)
        return Hit(mk.kind, i, last, evidence="marker")
    limit = BLOCK_ITEM_MAX_WORDS if mk.scope == "block" else LINE_MARKER_MAX_WORDS
    if ln.prose or ln.words > limit:
        return None
    if mk.kind == "source_credit":
        return _credit_hit(ln, i, mend)
    if mk.scope == "block" and not inline:
        return Hit(mk.kind, i, _run_end(lines, i, BLOCK_MAX_ITEMS), evidence="marker")
    return Hit(mk.kind, i, i, evidence="marker")


def _credit_hit(ln: Line, i: int, mend: int) -> Hit | None:
    """ "المصدر: سبوتنيك", also with a date after a bar: "المصدر: النهار | 14-06-2023 | 13:45"."""
    names, _, rest = ln.raw[_raw_end(ln, mend) :].partition("|")
    if len(names.split()) > CREDIT_MAX_WORDS:
        return None  # "المصدر الأمني قال ..." is a sentence, not a credit
    date = parse_date_line(norm(rest.replace("|", " ")), len(rest.split())) if rest else None
    if rest and date is None:
        return None
    return Hit("source_credit", i, i, date=date, agencies=parse_credit(names), evidence="marker")


def _raw_end(ln: Line, nend: int) -> int:
    return ln.nt.span(0, nend)[1] if nend else 0


def _run_end(lines: list[Line], i: int, limit: int | None) -> int:
    """Last line of the headline-like run after marker line ``i``."""
    j = i
    while j + 1 < len(lines) and (limit is None or j - i < limit):
        nxt = lines[j + 1]
        if nxt.prose and not nxt.blob:
            # Only link blocks give a subheading back: a ticker's last item is a headline.
            if limit is not None and j > i and lines[j].words <= SUBHEADING_MAX_WORDS:
                j -= 1  # a subheading introducing the prose, not a link
            return j
        if limit is not None and (nxt.words > BLOCK_ITEM_MAX_WORDS or _marker(nxt)):
            return j
        if nxt.raw.endswith(_INTRODUCES):
            return j  # "... في أعمال منها:" introduces what follows; no link title does
        j += 1
    return j


def _shape_hit(ln: Line, lines: list[Line], i: int, title: int | None) -> Hit | None:
    """Lines recognised by their shape and vocabulary rather than by a marker."""
    if ln.words >= GLUED_MIN_WORDS and glued_headlines(ln.raw, lambda: _others(lines, i)):
        return Hit("ticker", i, i, evidence="separators")
    if not ln.short or ln.prose:
        return None
    date = parse_date_line(ln.n, ln.words)
    if date is not None:
        return Hit("published", i, i, date=date)
    if ln.words <= READING_MAX_WORDS and LEX.reading_re.search(ln.n):
        return Hit("reading_time", i, i)
    credit = parse_byline(ln)
    if credit is not None:
        return Hit("byline", i, i, credit=credit)
    if LEX.agency_only_re.match(ln.n):
        return Hit("source_credit", i, i, agencies=parse_credit(ln.raw))
    if _caption(ln, lines, i, title):
        return Hit("caption", i, i, evidence="shape")
    if ln.words <= SOCIAL_MAX_WORDS and all(w[0] == "#" for w in ln.raw.split()):
        return Hit("tags", i, i)  # a row of hashtags
    words = _WORD.findall(ln.n)
    if not words or any(map(str.isdigit, ln.n)):  # map: no Python frame per character
        return None
    if len(words) <= SECTION_MAX_WORDS and all(w in LEX.sections for w in words):
        return Hit("section_label", i, i)
    if ln.words <= SOCIAL_MAX_WORDS and all(w in LEX.social for w in words):
        return Hit("share", i, i)
    return None


def _others(lines: list[Line], i: int) -> str:
    return "\n".join(ln.raw for k, ln in enumerate(lines) if k != i)


def _caption(ln: Line, lines: list[Line], i: int, title: int | None) -> bool:
    if ln.words > CAPTION_MAX_WORDS:
        return False
    if LEX.caption_start_re.match(ln.n):
        return True
    if ln.reads_as_prose:
        return False  # "قال مسؤول إن ... (رويترز)" is a sentence with its credit
    if LEX.caption_end_re.search(ln.n):
        # "ألما آتا (كازاخستان)/ موسكو/ بكين -وكالات" is a dateline, not a caption:
        # places (at most PLACE_MAX_WORDS words each) then the credit, nothing else.
        found = parse_dateline(ln)
        return found is None or found[0] < len(ln.raw)
    # A picture's alt text and caption scraped twice: the same short line twice in a row.
    # Before the title is known, a repeated line is the headline and its copy.
    if title is None:
        return False
    return any(0 <= k < len(lines) and k != title and _same(ln, lines[k]) for k in (i - 1, i + 1))
