"""Quotations with speaker, verb and attribution (issue 6).

Direct quotes only (text between quotation marks). Each quoted span is tied
to a speech verb (before it in the same paragraph, or right after it:
"..."، قال X), the verb to a speaker (a person or organisation mention right
after the verb, or right before it, else the previous speaker: "وقال: ..."),
and the sentence to a source of reported speech ("نقلا عن تاس").
Entities must have run first (``ctx.mentions``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from akhbar.text.normalize import normalize
from akhbar.text.wordlist import read_words
from tasks.extract.common.context import ExtractContext
from tasks.extract.common.dates import attach_dates
from tasks.extract.common.extractor import Extractor, Rows
from tasks.extract.common.gazetteer import LETTER_AFTER, LETTER_BEFORE
from tasks.extract.quotes.marks import Quoted, quoted_spans
from tasks.extract.quotes.roles import resolve_role, role_after, title_gap

__all__ = ["EXTRACTOR", "extract_quotes"]

# A verb introduces a quote at most this many characters before it: "وقال في بيان
# صدر عن مكتبه ملخصاً محادثته مع رئيس المجلس الأوروبي شارل ميشال:" is 80.
MAX_VERB_GAP = 160
# "..."، كما كتب / "..."، قال X: the verb starts within this many characters.
MAX_VERB_AFTER = 12
# A speaker named before the verb ends at most this far from it ("وكانت وزارة
# الداخلية في كازاخستان، قالت" is 15).
SPEAKER_BEFORE_GAP = 25
# A name followed by its title in apposition before the verb ("X، مدير ... في ...، قال"):
# the longest title chains in the gold run to about 150 characters.
APPOSITION_GAP = 200
# Words between a verb and its speaker's name ("قال المتحدث باسم الرئاسة X").
SPEAKER_AFTER_GAP = 70
# A paragraph that is one quote with no verb continues the previous speaker when
# it is at least this long (shorter ones are sub-headings: "سيطرة قطاع الطرق").
MIN_STANDALONE_CHARS = 40
# Reported-speech sources: the source mention starts within this many characters
# of "نقلا عن" / "بحسب" ("بحسب بيان عن وزارة الخارجية" is 8).
ACCORDING_GAP = 30
# The according-to phrase is looked for this far around the verb and the quote.
ACCORDING_WINDOW = 150

_SPEAKERS = ("PERSON", "ORGANIZATION")
_SENT_END = re.compile(r"[.!?](?!\d)")
# أن / إن / بأن / أنه ... or a colon: the quote or reported clause starts after it.
_COMPLEMENT = re.compile(
    f"{LETTER_BEFORE}[\u0628\u0644]?\u0627\u0646(?:\u0647|\u0647\u0627|\u0647\u0645)?{LETTER_AFTER}|:"
)
_WORD = re.compile(r"[^\W\d_]+")
# Where an unnamed speaker's phrase ends: a colon, a comma, a quote mark, a line, or the
# complementiser (أن، إن، بأن ...) that opens what was said.
_PHRASE_END = re.compile(
    f'[:\u060c,"\n.]|{LETTER_BEFORE}[\u0628\u0644]?\u0627\u0646(?:\u0647|\u0647\u0627|\u0647\u0645)?{LETTER_AFTER}'
)
# Words kept of an unnamed speaker's phrase ("مصدر أمني رفيع في وزارة الداخلية").
MAX_SPEAKER_WORDS = 6


@dataclass
class Verb:
    start: int  # source offsets
    end: int
    lemma: str
    kind: str


class _Article:
    """One article's verbs, mentions and quote state, in source offsets."""

    def __init__(self, ctx: ExtractContext) -> None:
        self.ctx, self.nt, self.text = ctx, ctx.nt, ctx.visible
        found = ctx.scan
        self.verbs = [Verb(*ctx.nt.span(s, e), lemma, kind) for s, e, lemma, kind in found.verbs]
        self.verb_starts = [v.start for v in self.verbs]
        self.speakers = sorted(
            (m for m in ctx.mentions if m["kind"] in _SPEAKERS), key=lambda m: m["start"]
        )
        self.speaker_starts = [m["start"] for m in self.speakers]
        self.persons = [m for m in self.speakers if m["kind"] == "PERSON"]
        self.according = [ctx.nt.span(s, e) for s, e in found.according]
        self.mention_spans = sorted((m["start"], m["end"]) for m in ctx.mentions)
        self.mention_starts = [s for s, _ in self.mention_spans]
        self.last: tuple[str | None, str | None] | None = None  # (id, speaker)

    def verb_before(self, lo: int, hi: int) -> Verb | None:
        i = bisect_left(self.verb_starts, hi) - 1
        if i < 0:
            return None
        v = self.verbs[i]
        if v.start < lo or hi - v.end > MAX_VERB_GAP or _SENT_END.search(self.text, v.end, hi):
            return None
        return v

    def verb_after(self, pos: int, limit: int) -> Verb | None:
        i = bisect_left(self.verb_starts, pos)
        if i < len(self.verbs) and self.verbs[i].start - pos <= MAX_VERB_AFTER:
            v = self.verbs[i]
            return v if v.end <= limit else None
        return None

    def name_of(self, mention: dict) -> tuple[str | None, str | None]:
        return mention["entity_id"], mention["surface"]

    def speaker(self, v: Verb, limit: int) -> tuple[str | None, str | None]:
        found = self._after(v, limit)
        if found is None:
            found = self._unnamed(v, limit)
        if found is None and v.kind != "participle":
            found = self._before(v)
        if found is None:
            found = self._previous(v.start)
        return found

    def _after(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        after = self.speakers[bisect_left(self.speaker_starts, v.end) :]
        for i, m in enumerate(after):
            if m["start"] >= limit or m["start"] - v.end > SPEAKER_AFTER_GAP:
                break
            if not title_gap(self.text[v.end : m["start"]]):
                break
            nxt = after[i + 1] if i + 1 < len(after) else None
            if m["kind"] == "ORGANIZATION" and _person_follows(self.text, m, nxt, limit):
                return self.name_of(nxt)  # "قال المتحدث باسم الجيش السوداني نبيل عبد الله"
            return self.name_of(m)
        return self._role(v, limit)

    def _unnamed(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        """ "قال مصدر أمني إن", "وقالت الحكومة في بيان": a speaker phrase naming no one
        (``quotes/sources.txt``), kept as written, with no entity id."""
        nt = self.nt
        lo = _norm_pos(nt, v.end, len(nt.norm))
        hi = _norm_pos(nt, min(limit, v.end + SPEAKER_AFTER_GAP), len(nt.norm))
        cut = _PHRASE_END.search(nt.norm, lo, hi)
        words = list(_WORD.finditer(nt.norm, lo, cut.start() if cut else hi))[:MAX_SPEAKER_WORDS]
        if not words or not _is_source(words[0].group()):
            return None
        s, e = nt.span(words[0].start(), words[-1].end())
        return None, self.text[s:e]

    def _role(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        """ "وقال وزير الخارجية التركي: ..." -> the person that title named earlier."""
        role = role_after(self.text, v.end, min(limit, v.end + SPEAKER_AFTER_GAP))
        if role is None:
            return None
        return resolve_role(role, self.text, self.persons, self.ctx.entities, v.start)

    def _before(self, v: Verb) -> tuple[str | None, str | None] | None:
        best = None
        for m in self.speakers:
            if m["end"] > v.start:
                break
            best = m
        if best is None:
            return None
        gap = self.text[best["end"] : v.start]
        if '"' in normalize(gap) or _SENT_END.search(gap) or "\n" in gap:
            return None
        near = v.start - best["end"] <= SPEAKER_BEFORE_GAP
        # "جون بيرد، مدير التحليل العلمي في وكالة ... التابعة لوزارة الدفاع، قال": a
        # name, then its title in apposition, then the verb
        apposition = gap.lstrip()[:1] in ("\u060c", ",") and len(gap) <= APPOSITION_GAP
        if not (near or (apposition and best["kind"] == "PERSON")):
            return None
        return self.name_of(best)

    def _previous(self, pos: int) -> tuple[str | None, str | None]:
        if self.last is not None:
            return self.last
        before = [m for m in self.persons if m["end"] <= pos]
        if not before:
            return None, None
        m = before[-1]
        ent = self.ctx.entities.get(m["entity_id"])
        return m["entity_id"], ent["name"] if ent else m["surface"]

    def according_to(self, lo: int, hi: int) -> str | None:
        for s, e in self.according:
            if lo <= s < hi:
                for m in self.speakers:
                    if e <= m["start"] <= e + ACCORDING_GAP:
                        return m["surface"]
        return None


@cache
def _sources() -> frozenset[str]:
    return frozenset(_bare(w) for w in read_words("quotes/sources.txt"))


def _bare(word: str) -> str:
    w = word[1:] if word[:1] in "\u0648\u0641" and len(word) > 3 else word  # و ف
    return w[2:] if w.startswith("\u0627\u0644") and len(w) > 4 else w  # ال


def _is_source(word: str) -> bool:
    return _bare(word) in _sources()


def _person_follows(text: str, org: dict, nxt: dict | None, limit: int) -> bool:
    """A person named right after an organisation in a title: the org is the title's."""
    if nxt is None or nxt["kind"] != "PERSON" or nxt["start"] >= limit:
        return False
    return title_gap(text[org["end"] : nxt["start"]])


def extract_quotes(ctx: ExtractContext) -> list[dict]:
    """Return QUOTES rows (date left None: the lead attaches dates)."""
    if '"' not in ctx.nt.norm:
        return []  # direct quotes only
    art = _Article(ctx)
    rows: list[dict] = []
    prev: tuple[Quoted, Verb | None, int] | None = None
    for q in quoted_spans(ctx.nt.norm):
        row, verb, start = _one(art, q, prev)
        if row is not None:
            rows.append(row)
            art.last = (row["speaker_id"], row["speaker"])
            prev = (q, verb, start)
    return rows


def _one(art: _Article, q: Quoted, prev):
    nt, text = art.nt, art.text
    ps, pe = nt.span(q.para_start, q.para_end)
    close = nt.span(q.end, q.end)[0] if q.end < q.para_end else pe
    lo = prev[2] if prev and prev[0].para_start == q.para_start else ps
    if q.start is None:
        verb = art.verb_before(lo, close)
        if verb is None:
            return None, None, 0
        m = _COMPLEMENT.search(nt.norm, _norm_pos(nt, verb.end, q.end), q.end)
        qs = nt.span(m.end(), m.end())[0] if m else verb.end
    else:
        qs = nt.span(q.start, q.start)[0]
        verb = art.verb_before(lo, qs)
    s, e = _strip(text, qs, close, unclosed=close == pe)
    if e <= s or _is_entity(art, s, e):
        return None, None, 0
    speaker = None
    same_para = prev is not None and prev[0].para_start == q.para_start and prev[1] is not None
    if verb is None and same_para and not _SENT_END.search(text, prev[2], s):
        verb, speaker = prev[1], art.last  # same sentence: same verb and speaker
    if verb is None:
        verb = art.verb_after(close + 1, pe)
        if verb is not None:
            speaker = art.speaker(verb, pe)
    if verb is None and not _standalone(text, ps, pe, s, e):
        return None, None, 0
    if speaker is None:
        speaker = art.speaker(verb, s) if verb is not None else art._previous(s)
    row = {
        "speaker_id": speaker[0],
        "speaker": speaker[1],
        "verb": verb.lemma if verb else None,
        "quote": art.ctx.text[s:e],
        "according_to": art.according_to(
            max(ps, (verb.start if verb else s) - ACCORDING_WINDOW), min(pe, e + ACCORDING_WINDOW)
        ),
        "date": None,
        "start": s,
        "end": e,
    }
    return row, verb, e


def _norm_pos(nt, pos: int, hi: int) -> int:
    """First normalised index whose source position is at or after ``pos``."""
    lo = 0
    while lo < hi:
        mid = (lo + hi) // 2
        if nt.to_orig(mid) < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _strip(text: str, s: int, e: int, unclosed: bool) -> tuple[int, int]:
    """Trim spaces; an unclosed quote also loses the paragraph's final stop."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or (unclosed and text[e - 1] in ".\u06d4")):
        e -= 1
    return s, e


def _is_entity(art: _Article, s: int, e: int) -> bool:
    """A quoted name ("روسيا اليوم") is not a quotation. Mentions do not overlap, so
    only the last one starting at or before ``s`` can hold the span."""
    i = bisect_right(art.mention_starts, s) - 1
    return i >= 0 and e <= art.mention_spans[i][1]


def _standalone(text: str, ps: int, pe: int, s: int, e: int) -> bool:
    return s - ps <= 2 and pe - e <= 3 and e - s >= MIN_STANDALONE_CHARS


def _run(ctx: ExtractContext) -> Rows:
    rows = extract_quotes(ctx)
    # A row takes the date stated in its own sentence, when there is one.
    attach_dates([r for r in rows if r.get("date") is None], ctx.timex, ctx.visible)
    return {"quotes": rows}


EXTRACTOR = Extractor("quotes", 40, _run)
