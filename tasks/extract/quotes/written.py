"""Names the recogniser missed, read where news writes them (a speaker mixin).

"وقالت رئيسة جمعية الطلاب المسلمين، صابرين إمتاير": set off by a comma after a title;
"وقالت المدونة في مجال الجمال والموضة صوفيا جميل": ending a description; "وتقول جميل":
one word of a name given before. ``_Article`` (``tasks/extract/quotes/__init__.py``) mixes
this in; the methods read its text, mentions and speaker phrases.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from akhbar.text.normalize import normalize
from tasks.extract.common.gazetteer import key, lexicon
from tasks.extract.common.names import AL, is_definite
from tasks.extract.common.names import words as name_words
from tasks.extract.quotes.common import CALLED, COMMA, NAME_MAX_WORDS, PRONOUN_SUFFIX, WORD, Verb
from tasks.extract.quotes.lists import bare, unnamed_person
from tasks.extract.quotes.roles import name_at_end, name_word, relations

__all__ = ["WrittenNames"]

_WORD = WORD
# A relative clause on a title, up to its comma ("التي نظمت القافلة": 17 characters).
RELATIVE_CLAUSE_CHARS = 50
_RELATIVE_OPENS = re.compile(
    "\\s+(?:\u0627\u0644\u0630\u064a|\u0627\u0644\u062a\u064a)\\s"
)  # الذي التي
_CLAUSE_STOPS = re.compile('[.:!?\n"\u00ab\u00bb\u201c\u201d]')
# A comma before a name set off after a title ("رئيسة جمعية ...، صابرين إمتاير لبي بي سي"),
# and what may follow that name: a comma, colon, quote, أن/إن (with its pronoun: "إنه"),
# or ل + whom it was said to.
_APPOSITION = re.compile(r"\s*[\u060c,]\s*")
_NAME_ENDS = re.compile(rf"\s*(?:[\u060c,:\"«“]|[إأا]ن{PRONOUN_SUFFIX}?(?!\w)|\u0644)")


class WrittenNames:
    """Speaker rules for names written out but not recognised."""

    def _missed_name(self, v: Verb, limit: int) -> tuple[None, str] | None:
        """A name the recogniser missed at the end of the verb's subject phrase ("وقالت
        المدونة في مجال الجمال والموضة صوفيا جميل لبي بي سي:") or after it, set off by a
        comma ("وقالت رئيسة جمعية الطلاب المسلمين، صابرين إمتاير لبي بي سي"), as written;
        or the one named before by one of its words ("وتقول جميل البالغة من العمر")."""
        self._phrase_after(v, limit)
        words = self._full_phrases[(v.end, limit)]
        if not words:
            return None
        first = words[0].group()
        known = self._named_by_word(first, v.start) if name_word(first) else None
        if known is not None:
            return known
        cut = next((i for i, w in enumerate(words) if i > 1 and self._addressee_at(w)), None)
        words = words[:cut]  # "صوفيا جميل" + "لبي بي سي:": whom it was said to
        called = next((i for i, w in enumerate(words) if w.group() in CALLED), None)
        if called is not None:  # "مدير شركة نقل كبيرة يدعى مارك دوبوا"
            run = []
            for w in words[called + 1 : called + 1 + NAME_MAX_WORDS]:
                if not name_word(w.group()):
                    break
                run.append(w)
            if run:
                return self._as_written(run)
        head = bare(words[0].group())
        # "مصدر مطلع على التحقيقات بشأن اختفاء ... جمال خاشقجي": whom the source speaks of;
        # "أسرة الإعلامي جمال خاشقجي": his family speaks
        about = unnamed_person(words[0].group()) or head in relations()
        at = None if about else name_at_end([w.group() for w in words])
        if at is not None:
            person = self._person_at(self.nt.span(*words[at].span())[0])
            if person is not None:
                return person  # the recogniser found it, past the first words
            if not self._word_in_mention(words[at]):
                return self._as_written(words[at:])
        return self._apposed_name(self.nt.span(*words[-1].span())[1], limit)

    def _person_at(self, pos: int) -> tuple[str | None, str | None] | None:
        i = bisect_right(self.speaker_starts, pos) - 1
        if i >= 0 and self.speakers[i]["start"] <= pos < self.speakers[i]["end"]:
            m = self.speakers[i]
            return self.name_of(m) if m["kind"] == "PERSON" else None
        return None

    def _apposed_name(self, pos: int, limit: int) -> tuple[str | None, str | None] | None:
        comma = _APPOSITION.match(self.text, pos) or self._past_relative(pos, limit)
        if comma is None:
            return None
        i = bisect_left(self.speaker_starts, comma.end())
        if i < len(self.speakers) and self.speakers[i]["start"] == comma.end():
            m = self.speakers[i]  # "الباحث في ... التونسية، سامي براهم،": a known name
            return self.name_of(m) if m["kind"] == "PERSON" else None
        if i < len(self.speakers) and self._given_before(comma.end(), self.speakers[i]):
            return self.name_of(self.speakers[i])
        run: list[tuple[int, int]] = []
        for w in _WORD.finditer(self.text, comma.end(), limit):
            if run and w.start() < run[-1][1]:
                continue  # inside the surname mention taken below
            if (run and self.text[run[-1][1] : w.start()] != " ") or len(run) == NAME_MAX_WORDS:
                break
            if run and (surname := self._surname_at(w.start())) is not None:
                run.append(surname)  # "غيريت برادنيك" with برادنيك known from "وقال برادنيك"
                continue
            word = normalize(w.group())
            # a surname may open with ب ("غيريت برادنيك"); ل after a name is to whom
            bi = run and word[:1] == "\u0628" and len(word) > 3 and name_word(word[1:])
            bi = bi and word[1:] not in lexicon().forms  # "بكابول": ب on a known place
            # "ألردايس": أل with its hamza written is no article (ال is written bare)
            hamza = run and w.group()[:2] == "\u0623\u0644" and name_word(word[:1] + word[2:])
            if not (name_word(word) or bi or hamza) or self._in_mention(w.start()):
                break
            run.append(w.span())
        if len(run) < 2 or not _NAME_ENDS.match(self.text, run[-1][1]):
            return None
        return None, self.text[run[0][0] : run[-1][1]]

    def _given_before(self, pos: int, m: dict) -> bool:
        """ "النائبة العامة في ساكرامنتو، آن ماري شوبرت": a person's mention one given name
        after the comma (the recogniser leaves "آن" out: normalised, it reads as أن)."""
        gap = _WORD.findall(self.text, pos, m["start"])
        if m["kind"] != "PERSON" or len(gap) != 1 or self.text[pos : m["start"]].strip() != gap[0]:
            return False
        word = key(gap[0])  # "آن" folds to "ان", as "أن" does: only its madda tells them apart
        return word in name_words().given and (
            word not in name_words().stop or gap[0].startswith("\u0622")
        )

    def _past_relative(self, pos: int, limit: int) -> re.Match[str] | None:
        """ "مدير الحملة التي نظمت القافلة، إيرينيو موخيكا،": the comma closing a short
        relative clause on the title, where the name set off after it starts."""
        rel = _RELATIVE_OPENS.match(self.text, pos)
        if rel is None:
            return None
        end = min(limit, rel.end() + RELATIVE_CLAUSE_CHARS)
        comma = COMMA.search(self.text, rel.end(), end)
        if comma is None or _CLAUSE_STOPS.search(self.text, rel.end(), comma.start()):
            return None
        clause = _WORD.findall(self.text, rel.end(), comma.start())
        if any(key(w) in name_words().titles for w in clause):
            return None  # "بجلسته التي تزامنت مع وصول وزير الخارجية، مايك بومبيو،": his
        return _APPOSITION.match(self.text, comma.start())

    def _surname_at(self, pos: int) -> tuple[int, int] | None:
        """The span of a one-word person mention starting at ``pos`` (a surname)."""
        i = bisect_left(self.speaker_starts, pos)
        if i == len(self.speakers) or self.speakers[i]["start"] != pos:
            return None
        m = self.speakers[i]
        one_word = " " not in m["surface"].strip()
        return (m["start"], m["end"]) if m["kind"] == "PERSON" and one_word else None

    def _named_by_word(self, word: str, pos: int) -> tuple[str | None, str | None] | None:
        """The person named before ``pos`` (a mention, or a name written out as a speaker)
        of whom ``word`` is the first or last word."""
        for m in reversed(self.persons):
            parts = normalize(m["surface"]).split()
            if m["end"] <= pos and len(parts) > 1 and word in (parts[0], parts[-1]):
                return self.resolved(self.name_of(m))
        starts, speakers = self.said(pos)
        for sp_id, said in reversed(speakers[: bisect_left(starts, pos)]):
            parts = normalize(said or "").split()
            # a name as written, not an unnamed source cited so ("كما أفاد مصدر طبي")
            written = sp_id is None and 1 < len(parts) <= NAME_MAX_WORDS
            written = written and not unnamed_person(parts[0])
            if written and word in (parts[0], parts[-1]) and all(name_word(p) for p in parts):
                return None, said
        return None

    def _addressee_at(self, w: re.Match[str]) -> bool:
        """A word that is ل glued to a name ("لبي بي سي"): whom it was said to."""
        if w.group()[:1] != "\u0644":
            return False
        s, _e = self.nt.span(w.start() + 1, w.start() + 2)
        i = bisect_left(self.mention_starts, s)
        return i < len(self.mention_starts) and self.mention_starts[i] == s

    def _name_run(self, words: list[re.Match[str]], at: int) -> list[re.Match[str]]:
        """The name's words from ``at``, set apart by single spaces only, up to a function
        word or a word with a preposition on its article ("للإسعاف": not "الشريف")."""
        run = [words[at]]
        for w in words[at + 1 : at + NAME_MAX_WORDS]:
            word = w.group()
            if self.nt.norm[run[-1].end() : w.start()] != " " or word in name_words().stop:
                break
            if is_definite(word) and not word.startswith(AL):
                break
            run.append(w)
        return run

    def _person_with_words(
        self, names: list[str], pos: int
    ) -> tuple[str | None, str | None] | None:
        """The latest person before ``pos`` whose name holds every word of ``names`` (not
        John Kerry for "جون كيربي")."""
        for m in reversed(self.persons):
            if m["end"] <= pos and set(names) <= set(normalize(m["surface"]).split()):
                return self.resolved(self.name_of(m))
        return None
