"""Who speaks when the verb names no one (a speaker mixin).

"وأضافت" continues the last explicit speaker it agrees with in gender, the last quote's
speaker, or the previous sentence's subject (a person, a body, or the person its opening
title names); speakers cited by an according-to cue ("نقلا عن مسؤول حكومي بريطاني لم
تسمه") and relayed with عن ("وأوردت الوكالة عن المتحدث") count too. ``_Article``
(``tasks/extract/quotes/__init__.py``) mixes this in.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from akhbar.text.normalize import normalize
from tasks.extract.common.gazetteer import key
from tasks.extract.common.names import AL
from tasks.extract.common.names import words as name_words
from tasks.extract.quotes.common import (
    AN_WORD,
    BI_ISM,
    COMMA,
    MAX_SPEAKER_WORDS,
    SENT_END,
    SOURCE_BEFORE_WORDS,
    SPEAKER_AFTER_GAP,
    WORD,
    Verb,
)
from tasks.extract.quotes.gender import agree, speaker_gender, verb_gender
from tasks.extract.quotes.lists import (
    NISBA_PLURAL_ENDS,
    bare,
    lemma_key,
    openers,
    org_heads,
    relay_verbs,
    unnamed_person,
)
from tasks.extract.quotes.roles import resolve_role, role_of, title_gap, words_of

__all__ = ["Continuation"]

_WORD, _SENT_END = WORD, SENT_END
# Characters before a verb searched for an according-to opener ("بحسب ما نقلت").
REPORTING_WINDOW = 8
_REPORTING_OPENERS = frozenset(normalize(w) for w in ("ما", "كما", "حسبما", "بحسبما", "وفقما"))
# A sentence's subject is named within this many characters of its start ("ونشرت
# نفسية كوهنافارد": 6; "وأعلنت وزارة الداخلية الأردنية": 7).
SUBJECT_OPENING = 30
# Words at a sentence's opening a title may start at ("وقد أدان وزير الخارجية": the third).
OPENING_WORDS = 4

_KAMA = normalize("كما")
# Characters from a sentence's start to the comma of its opener ("وفي السياق نفسه،": 16).
OPENER_CHARS = 20
# Characters after a verb searched for the إن / أن of its own report ("كما قال المصدر
# المحلي إنه": 20; a subject with a title reaches 60).
REPORT_REACH = 80
_CLAUSE_END = re.compile(r"[\u060c,.:!?\n\"\u00ab\u00bb\u201c\u201d]")
_THAT = re.compile(r"(?<!\w)[\u0627\u0623\u0625]\u0646(?:\u0647|\u0647\u0627|\u0647\u0645)?(?!\w)")
# A verb inside a reported clause, its subject between the complementiser and it
# ("إن روسيا أفادت", "أن وزير الخارجية أبلغ"): one to three words, within these characters.
THAT_SUBJECT_CHARS = 40
# (read on the normalised text; not the أن of "بعد أن", "قبل أن", "منذ أن": a time clause)
_SUBJECT_AFTER_THAT = re.compile(
    r"(?<!\w)(?<!\u0628\u0639\u062f )(?<!\u0642\u0628\u0644 )(?<!\u0645\u0646\u0630 )"
    r"[\u0625\u0623\u0627]\u0646\s+(?:\w+\s+){1,3}$"
)
_QUOTE_MARK = re.compile('["\u00ab\u201c\u201d]')
# Independent pronouns opening a sentence as its subject ("وهي تزوجت واينستين").
_PRONOUNS = frozenset(normalize(w) for w in ("هو", "هي", "هم", "هن", "هما"))  # and "وهى"


class Continuation:
    """Speaker rules for a verb with no subject of its own, and the speakers they read."""

    def said(self, upto: int) -> tuple[list[int], list[tuple[str | None, str | None]]]:
        """Every speech verb or attribution cue before ``upto`` with an explicit speaker, in
        text order: who spoke last when "وأضافت" or "وشدد على أن" names no one. Verbs are
        read once, as far as the quotes need (quotes come in text order)."""
        if self._said is None:
            self._said = self._cited()
            self._said_verbs = 0
        starts, speakers = self._said
        verbs = self.verbs
        while self._said_verbs < len(verbs) and verbs[self._said_verbs].start < upto:
            v = verbs[self._said_verbs]
            self._said_verbs += 1
            sp = self._verb_speaker(v)
            if sp is not None:
                i = bisect_left(starts, v.start)
                starts.insert(i, v.start)
                speakers.insert(i, sp)
        return starts, speakers

    def _verb_speaker(self, v: Verb) -> tuple[str | None, str | None] | None:
        end = self.text.find("\n", v.end)
        end = len(self.text) if end < 0 else end
        if self._reporting(v):
            # "بحسب ما نقلت وكالة فرانس برس": the outlet, not a speaker; "كما أفاد مصدر
            # محلي": an unnamed source cited so is who "المصدر المحلي" is later
            sp = self._unnamed(v, end)
            first = normalize(sp[1] or "").split()[:1] if sp is not None else []
            return sp if first and unnamed_person(first[0]) else None
        ns = self.nt.to_norm(v.start)
        that = _SUBJECT_AFTER_THAT.search(self.nt.norm, max(0, ns - THAT_SUBJECT_CHARS), ns)
        if that is not None:
            # "إن روسيا أفادت الحلف بتفاصيل": inside what is reported the subject comes
            # first; the name after the verb is its object
            i = bisect_left(self.speaker_starts, self.nt.span(that.start(), that.start())[0])
            inside = [m for m in self.speakers[i : i + 3] if m["end"] <= v.start]
            return self.resolved(self.name_of(inside[-1])) if inside else None
        sp = self._after(v, end) or self._unnamed(v, end)
        if sp is None and v.kind != "participle":
            sp = self._before(v) or self._said_by_phrase(v, end)
        return self.resolved(sp) if sp is not None and sp[1] else None

    def _cited(self) -> tuple[list[int], list[tuple[str | None, str | None]]]:
        """Persons cited by an according-to cue ("وفقا لرئيسة لجنة نوبل بيريت ريس-أندرسن")."""
        starts: list[int] = []
        speakers: list[tuple[str | None, str | None]] = []
        for s, e in self.according:
            unnamed = self._cited_source(e)
            if unnamed is not None:  # "نقلا عن مسؤول حكومي بريطاني لم تسمه"
                starts.append(s)
                speakers.append(unnamed)
                continue
            for m in self.speakers[bisect_left(self.speaker_starts, e) :]:
                if m["start"] - e > SPEAKER_AFTER_GAP:
                    break
                # a person only: "بحسب وكالة فرانس برس" names the outlet (according_to)
                if m["kind"] == "PERSON" and title_gap(self._unnamed_text(e, m["start"])):
                    starts.append(s)
                    speakers.append(self.resolved(self.name_of(m)))
                break
        return starts, speakers

    def cited_between(self, lo: int, hi: int) -> tuple[str | None, str | None] | None:
        """The latest source an according-to cue cites between ``lo`` and ``hi``."""
        cues = {s for s, _e in self.according if lo <= s < hi}
        if not cues:
            return None  # the usual case: no cue between, no need to read every verb
        starts, speakers = self.said(hi)
        i = bisect_left(starts, hi) - 1
        while i >= 0 and starts[i] >= lo:
            if starts[i] in cues:
                return speakers[i]
            i -= 1
        return None

    def relayed_from(self, v: Verb, quote: int) -> tuple[str | None, str | None] | None:
        """ "وأوردت الوكالة عن المتحدث الإعلامي لشرطة مكة «...»": with a relaying verb
        (``quotes/relay_verbs.txt``), the one after "عن" said the words."""
        if lemma_key(v.lemma) not in relay_verbs():
            return None
        cue = AN_WORD.search(self.text, v.end, quote)
        if cue is None or _SENT_END.search(self.text, v.end, quote):
            return None
        named = self.speaker_right_after(cue.end())
        if named is not None:
            return self.resolved(self.name_of(named))
        words = list(_WORD.finditer(self.text, cue.end(), quote))[:MAX_SPEAKER_WORDS]
        return (None, self.text[words[0].start() : words[-1].end()]) if words else None

    def speaker_right_after(self, pos: int) -> dict | None:
        """The speaker mention that starts at ``pos`` (or one character on: "عن «X»")."""
        i = bisect_left(self.speaker_starts, pos)
        if i < len(self.speakers) and self.speakers[i]["start"] - pos <= 1:
            return self.speakers[i]
        return None

    def _cited_source(self, pos: int) -> tuple[None, str] | None:
        """An unnamed source right after an according-to cue, as written: its head
        (``quotes/sources.txt``, people only) and its adjectives ("نقلا عن مسؤول حكومي
        بريطاني لم تسمه")."""
        words = list(_WORD.finditer(self.text, pos, pos + SPEAKER_AFTER_GAP))
        first = normalize(words[0].group()) if words else ""
        if not words or words[0].start() - pos > 2 or not unnamed_person(first):
            return None  # "بحسب صحيفة ...", "بحسب المصدر": an outlet, or one named before
        if self._in_mention(words[0].start()):
            return None  # a name is read above
        end = 1
        while end < min(len(words), SOURCE_BEFORE_WORDS):
            w = words[end]
            if not self.text[words[end - 1].end() : w.start()].isspace():
                break  # punctuation ends the phrase
            word = normalize(w.group())
            if word == BI_ISM:  # "متحدث باسم البيت الأزرق": for whom, to its last word
                end += 1
                while end < len(words) and normalize(words[end].group()).startswith(AL):
                    end += 1
                break
            if not word.endswith(NISBA_PLURAL_ENDS) or word in name_words().stop:
                break  # only its adjectives: not "لم تسمه", "قوله", "في"
            end += 1
        return None, self.text[words[0].start() : words[end - 1].end()]

    def previous(self, pos: int, v: Verb | None = None) -> tuple[str | None, str | None]:
        """Who speaks when the verb names no one: the latest of the last explicit
        speaker, the last quote's speaker and the previous sentence's subject, among
        those the verb agrees with in gender ("وأضافت" never continues "مصدر أمني")."""
        starts, speakers = self.said(pos)
        gender = self._verb_gender(v)
        i = bisect_left(starts, pos) - 1
        while i > 0 and not agree(gender, self._gender(speakers[i])):
            i -= 1  # the latest explicit speaker the verb agrees with
        options: list[tuple[int, tuple[str | None, str | None]]] = []
        if i >= 0:
            options.append((starts[i], speakers[i]))
        if self.last is not None:
            options.append((self.last_at, self.last))
        here = self._sentence_start(pos)
        opening = self._opening_subject(here, pos)  # "ونعى مصطفى البرغوثي ... ، وقال إنها"
        if opening is None and not self._after_relative(v):
            # "أصدرت إسرائيل بيانا قالت فيه": a country opening the verb's own sentence
            # (not the one before: it is rarely who speaks next)
            opening = self.opening_place(self._past_opener(here), pos)
            if opening is not None and not _may_continue(opening["surface"], gender):
                opening = None
        if opening is not None:
            options.append((opening["start"], self.resolved(self.name_of(opening))))
        subject = self._previous_subject(pos)
        if subject is not None:
            options.append((subject["start"], self.resolved(self.name_of(subject))))
        else:
            options.extend(self._previous_role(pos))
        agreeing = [o for o in options if agree(gender, self._gender(o[1]))]
        if agreeing or options:
            return max(agreeing or options, key=lambda o: o[0])[1]
        before = [m for m in self.persons if m["end"] <= pos]
        if not before:
            return None, None
        m = before[-1]
        ent = self.ctx.entities.get(m["entity_id"])
        return m["entity_id"], ent["name"] if ent else m["surface"]

    def _after_relative(self, v: Verb | None) -> bool:
        """A verb after a relative pronoun speaks for its antecedent ("قصفت روسيا مواقع
        للمعارضة التي قالت إن"), and with no verb there is no clause to read."""
        return v is None or self._relative_before(v) is not None

    def _verb_gender(self, v: Verb | None) -> str | None:
        return None if v is None else verb_gender(self.text[v.start : v.end], v.lemma, v.kind)

    def _gender(self, speaker: tuple[str | None, str | None]) -> str | None:
        ent = self.ctx.entities.get(speaker[0] or "") or {}
        return speaker_gender(speaker[1], ent.get("kind") == "PERSON")

    def _reporting(self, v: Verb) -> bool:
        """A verb inside an according-to phrase ("بحسب ما نقلت", "كما ذكرت")."""
        before = normalize(self.text[max(0, v.start - REPORTING_WINDOW) : v.start]).split()
        if before and before[-1] in _REPORTING_OPENERS:
            # "كما قال المصدر إنه ...": كما is "also" when the verb governs its own report
            return not (before[-1] == _KAMA and self._reports_that(v))
        return any(0 <= v.start - e <= REPORTING_WINDOW for _s, e in self.according)

    def _reports_that(self, v: Verb) -> bool:
        """إن / أن after the verb's subject, before the clause ends."""
        end = _CLAUSE_END.search(self.text, v.end, v.end + REPORT_REACH)
        stop = end.start() if end else min(len(self.text), v.end + REPORT_REACH)
        return _THAT.search(normalize(self.text[v.end : stop])) is not None

    def _previous_start(self, pos: int) -> int | None:
        """Where the sentence before the one holding ``pos`` starts."""
        p = self._sentence_start(pos)
        # back over spaces and the previous sentence's own stop ("للسعودية. . وقال")
        while p > 0 and (self.text[p - 1].isspace() or _SENT_END.match(self.text, p - 1)):
            p -= 1
        return None if p == 0 else self._sentence_start(p)

    def _previous_role(self, pos: int) -> list[tuple[int, tuple[str | None, str | None]]]:
        """ "وقد أدان وزير الخارجية الأمريكي ... . وقال في مؤتمر صحفي": the previous
        sentence's subject is a title; the person an earlier mention gave it speaks."""
        start = self._previous_start(pos)
        if start is None:
            return []
        return self._role_at(start)

    def _role_at(self, start: int) -> list[tuple[int, tuple[str | None, str | None]]]:
        """The opening title's person of the sentence at ``start``, read once per sentence
        (the quotes of one paragraph share it)."""
        if start not in self._roles:
            self._roles[start] = self._opening_role(start)
        return self._roles[start]

    def _opening_role(self, start: int) -> list[tuple[int, tuple[str | None, str | None]]]:
        opening = self.text[start : start + SUBJECT_OPENING + SPEAKER_AFTER_GAP]
        # a title inside the quote the sentence opens is no subject ('وقال "بالمقارنة مع
        # المرشد الأعلى"')
        words = words_of(_QUOTE_MARK.split(opening, maxsplit=1)[0])
        for i in range(min(len(words), OPENING_WORDS)):
            role = role_of(words[i:])
            if role is not None:
                # the name written after the title beats another holder of the title
                sp = self._apposed_after_title(start) or resolve_role(
                    role, self.text, self.persons, self.ctx.entities, start
                )
                return [(start, sp)] if sp is not None else []
        return []

    def _apposed_after_title(self, start: int) -> tuple[str | None, str | None] | None:
        """ "ويأمل مدرب إيفرتون، سام ألردايس، أن": the name set off by commas after the
        opening title, written out when the recogniser missed it."""
        comma = COMMA.search(self.text, start, start + SUBJECT_OPENING + SPEAKER_AFTER_GAP)
        if comma is None or _QUOTE_MARK.search(self.text, start, comma.start()):
            return None
        return self._apposed_name(comma.start(), len(self.text))

    def _reported(self, start: int, pos: int, lead: list[str]) -> bool:
        """A speech verb and its أن between the sentence's start and ``pos``: a name
        there is what is reported (not "بيد أن بلوم", "ويذكر أن الشيخ خالد")."""
        if not any(_THAT.fullmatch(normalize(w).lstrip("\u0628")) for w in lead):
            return False
        i = bisect_left(self.verb_starts, start)
        return i < len(self.verbs) and self.verbs[i].end <= pos

    def _past_opener(self, start: int) -> int:
        """Where a sentence's clause starts after its opener and comma ("بدوره، "), or
        after an opener the writer set off with no comma ("بدورها أدانت حركة حماس")."""
        first = _WORD.match(self.text, start)
        word = key(first.group()) if first is not None else ""
        if word not in _opener_firsts() and word[1:] not in _opener_firsts():
            return start  # most sentences open with no opener: one set lookup
        comma = COMMA.search(self.text, start, start + OPENER_CHARS)
        if comma is not None and _is_opener(self.text[start : comma.start()]):
            end = comma.end()
        else:
            words = _WORD.finditer(self.text, start, start + OPENER_CHARS)
            ends = [w.end() for w in words if _is_opener(self.text[start : w.end()])]
            if not ends:
                return start
            end = ends[0]
        while end < len(self.text) and self.text[end].isspace():
            end += 1
        return end

    def _previous_subject(self, pos: int) -> dict | None:
        """The person or body opening the sentence before ``pos`` ("ونشرت نفسية
        كوهنافارد ... صورة. وقالت"): a verb with no subject continues it."""
        start = self._previous_start(pos)
        return None if start is None else self._opening_subject(start, pos)

    def _opening_subject(self, start: int, pos: int) -> dict | None:
        """The person or body named at the opening of the sentence at ``start``, read
        after a discourse opener ("من جهتها، نبهت وزيرة خارجية كندا كريستيا فريلاند")."""
        start = self._past_opener(start)
        i = bisect_left(self.speaker_starts, start)
        if i < len(self.speakers) and self.speakers[i]["start"] - start <= SUBJECT_OPENING:
            m = self.speakers[i]
            if m["end"] > pos or self._related(m):
                return None
            # a body after more than the verb is inside a title ("وأكد مندوب موسكو في مجلس
            # الأمن"): not the subject
            lead = _WORD.findall(self.text, start, m["start"])
            if lead and normalize(lead[0]).lstrip("\u0648\u0641") in _PRONOUNS:
                return None  # "وهي تزوجت واينستين": the pronoun is the subject
            if self._reported(start, m["start"], lead):
                return None  # "وأوضح أن قرارات دونالد ترامب": inside what is reported
            # ... unless the word before it is its head noun ('وكانت منظمة "مجاهدي خلق"')
            headed = len(lead) == 2 and bare(normalize(lead[1])) in org_heads()
            if m["kind"] == "ORGANIZATION" and len(lead) > 1 and not headed:
                return None
            return m
        return None


def _is_opener(phrase: str) -> bool:
    """A discourse opener (``quotes/openers.txt``), "ومن جهته" too."""
    phrase = key(" ".join(phrase.split()))
    return phrase in openers() or (phrase[:1] in "\u0648\u0641" and phrase[1:] in openers())


def _may_continue(place: str, gender: str | None) -> bool:
    """A country named without the article is feminine ("تواجه فرنسا ...، وأضاف" is not
    France); one with it is often masculine ("أصدر الفاتيكان بيانا عبر فيه")."""
    return gender != "m" or normalize(place).startswith(AL)


@cache
def _opener_firsts() -> frozenset[str]:
    """First words of the openers ("من" of "من جهته"; "ومن" is tried without its و)."""
    return frozenset(o.split()[0] for o in openers())
