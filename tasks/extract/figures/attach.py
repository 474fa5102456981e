"""Where, when and according to whom: what a figure borrows from its sentence.

Places come from ``ctx.mentions`` (LOCATION), dates from ``ctx.timex`` (DATE
with a resolved date), sources from attribution cues in the sentence. All in
source offsets except :meth:`SentenceAttach.according_to`, which reads the
normalised text. What does not depend on the figure (the sentence's places,
clauses, propositions, prepositional attribution) is computed once per
sentence, not once per figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import pairwise

from akhbar.data import read_rows
from akhbar.text.normalize import normalize
from akhbar.text.sentences import clause_spans
from tasks.extract.common.context import ExtractContext
from tasks.extract.figures.lexicon import Lexicon

__all__ = ["SentenceAttach"]

# Words allowed between a figure and "its" place ("قتلوا في مدينة حلب": في مدينة).
# Every one of them must be a preposition or place head from location_preps.txt.
MAX_LOC_GAP_WORDS = 3
# Longest source phrase after an attribution cue ("وزارة الداخلية الكازاخية"
# is 3; names with titles reach 6: "الرئيس القازاقى قاسم - جومارت توكاييف").
MAX_ATTR_WORDS = 6
_TOKEN = re.compile(r"\w+|[^\w\s]")
_NAME_PUNCT = frozenset("-")  # punctuation that may sit inside a source's name


class SentenceAttach:
    """What the figures of one sentence borrow from it.

    ``locs`` are the article's LOCATION mentions in ``ctx.mentions`` order
    (ties between equally near places go to the first, as before).
    """

    __slots__ = ("_clauses", "_one", "_prep", "_props", "ctx", "lex", "locs", "sent", "sent_norm")

    def __init__(
        self,
        ctx: ExtractContext,
        lex: Lexicon,
        sent_norm: tuple[int, int],
        sent: tuple[int, int],
        locs: list[dict],
    ) -> None:
        self.ctx, self.lex, self.sent_norm, self.sent = ctx, lex, sent_norm, sent
        self.locs = [m for m in locs if sent[0] <= m["start"] and m["end"] <= sent[1]]
        # Every rule below picks one of the sentence's places: when they are all
        # one entity (the usual case), that entity is the answer for every figure.
        ids = {m["entity_id"] for m in self.locs}
        self._one = ids.pop() if len(ids) == 1 else _MANY
        self._clauses: list[tuple[int, int]] | None = None
        self._props: list[tuple[int, int]] | None = None
        self._prep: tuple[str | None] | None = None

    def location(self, fig: tuple[int, int]) -> str | None:
        """Entity id of the place a figure (source span) happened in, or None."""
        locs = self.locs
        if not locs:
            return None
        if self._one is not _MANY:
            return self._one
        after = [m for m in locs if m["start"] >= fig[1]]
        if after:  # the nearest place after the figure (the first of a tie, as sorted() gave)
            m = min(after, key=_start)
            words = _gap_words(self.ctx.visible[fig[1] : m["start"]])
            if len(words) <= MAX_LOC_GAP_WORDS and all(w in self.lex.loc_preps for w in words):
                return m["entity_id"]
        if self._clauses is None:
            self._clauses = clause_spans(self.ctx.visible, *self.sent)
        for cs, ce in self._clauses:
            if cs <= fig[0] < ce:
                near = [m for m in locs if cs <= m["start"] and m["end"] <= ce]
                if near:
                    return min(near, key=lambda m: _distance(m, fig))["entity_id"]
        if self._props is None:
            self._props = _propositions(self.ctx.visible, self.sent)
        for ps, pe in self._props:
            if ps <= fig[0] < pe:
                ids = {m["entity_id"] for m in locs if ps <= m["start"] and m["end"] <= pe}
                if len(ids) == 1:
                    return ids.pop()
        ids = {m["entity_id"] for m in locs}
        return ids.pop() if len(ids) == 1 else None

    def according_to(self, fig: int) -> str | None:
        """Source phrase of the sentence's attribution (``fig``: the figure's normalised start).

        A prepositional cue (بحسب، نقلا عن...) anywhere in the sentence wins, the
        last one when they chain ("حسبما ذكرت وسائل إعلام نقلا عن وزارة الصحة"
        names the origin last); otherwise the reporting verb nearest before the
        figure ("قالت وزارة الداخلية إن ...").
        """
        norm, sent = self.ctx.nt.norm, self.sent_norm
        if self._prep is None:
            self._prep = (self._last_phrase(self.lex.attr_prep_re.finditer(norm, *sent)),)
        if self._prep[0]:
            return self._prep[0]
        return self._last_phrase(self.lex.attr_verb_re.finditer(norm, sent[0], fig))

    def _last_phrase(self, cues: Iterable[re.Match[str]]) -> str | None:
        for cue in reversed(list(cues)):
            phrase = _phrase(self.ctx, self.lex, cue.end(), self.sent_norm[1])
            if phrase:
                return phrase
        return None


_MANY = object()  # marker: the sentence names several places


def _start(m: dict) -> int:
    return m["start"]


@lru_cache(maxsize=1 << 12)
def _gap_words(gap: str) -> tuple[str, ...]:
    # The same short gaps (" في ", " في مدينة ") recur across figures and articles.
    return tuple(normalize(gap).split())


@cache
def _breaks() -> re.Pattern[str]:
    words = sorted(
        (r[0] for r in read_rows("figures/proposition_breaks.txt")), key=len, reverse=True
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def _propositions(text: str, sent: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentence cut before each conjunction that opens a new proposition."""
    cuts = [m.start() for m in _breaks().finditer(text, *sent)]
    bounds = [sent[0], *cuts, sent[1]]
    return list(pairwise(bounds))


def _distance(row: dict, fig: tuple[int, int]) -> int:
    if row["end"] <= fig[0]:
        return fig[0] - row["end"]
    return max(0, row["start"] - fig[1])


def _phrase(ctx: ExtractContext, lex: Lexicon, pos: int, end: int) -> str | None:
    norm = ctx.nt.norm
    first = last = None
    words = 0
    for t in _TOKEN.finditer(norm, pos, end):
        w = t.group()
        if w in _NAME_PUNCT:
            continue
        if not w[0].isalpha() or w in lex.attr_stop or words >= MAX_ATTR_WORDS:
            break
        first = t.start() if first is None else first
        last = t.end()
        words += 1
    if first is None or last is None:
        return None
    s, e = ctx.nt.span(first, last)
    return ctx.text[s:e]
