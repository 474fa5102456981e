"""Subjects a clause's shape gives away (a speaker mixin).

A verb after a relative pronoun speaks for its antecedent ("الملا الذي قال"); the person
an interview is of speaks ("في مقابلة لغراندي مع ... حيث قال"); the topic after أما speaks
with its ف; a participle continues the country opening its sentence ("رفضت مصر ...،
مؤكدة"). ``_Article`` (``tasks/extract/quotes/__init__.py``) mixes this in.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from akhbar.text.normalize import normalize
from tasks.extract.common.names import AL
from tasks.extract.common.names import words as name_words
from tasks.extract.quotes.common import HEAD_BEFORE_CHARS, NAME_MAX_WORDS, SENT_END, WORD, Verb
from tasks.extract.quotes.lists import bare, interviews, is_source, object_verbs, relative
from tasks.extract.quotes.roles import opens_subject

__all__ = ["ClauseSubjects"]

# Words before "ل" + a name searched for the interview noun: the noun and one adjective.
INTERVIEW_HEAD_WORDS = 2

_WORD, _SENT_END = WORD, SENT_END
_AMMA = normalize("\u0623\u0645\u0627")  # أما, which opens a topic: "أما X، فقال"
# Words inside a name that are also function words ("بن عبد العزيز").
_NAME_LINKS = frozenset(normalize(w) for w in ("بن", "بنت", "ابن", "عبد", "أبو", "آل"))
# Words of a topic after أما read as the speaker ('أما الموقع الرسمي للتلفزيون الرياضي
# "ماتش تي في"، فاتهم' is 7); a longer one is a clause, not a name.
TOPIC_MAX_WORDS = 8
# "لكنها", "ولكنه", "أنه" (of إلا أنه): a connective carrying the subject's pronoun.
_PRONOUN_CONNECTIVE = re.compile(
    "\u0648?(?:\u0644\u0643\u0646|\u0627\u0646)(?:\u0647|\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627)"
)
_LAKIN = normalize("لكن")
# The word before "أنه" that makes it "but" ("إلا أنه"), not "that" ("وقال إنه").
_BUT_WORDS = frozenset(normalize(w) for w in ("إلا", "غير", "بيد"))
# A relative pronoun and its verb sit within this many characters ("واللواتي قالت").
RELATIVE_WINDOW = 12
# A relative pronoun's antecedent ends right before it: a space, or a comma and a space.
RELATIVE_GAP = 2


class ClauseSubjects:
    """Speaker rules read off the shape of the verb's clause."""

    def _connective_subject(self, v: Verb) -> tuple[str | None, str | None] | None:
        """ "وأكدت دانا أحمد ... إطلاق سراح عائشة المانع، لكنها قالت": a pronoun on "لكن" /
        "إلا أن" before the verb is the sentence's opening subject, not the nearest name."""
        before = _WORD.findall(self.text, max(0, v.start - RELATIVE_WINDOW), v.start)
        if not before or not _PRONOUN_CONNECTIVE.fullmatch(normalize(before[-1])):
            return None
        subject = self._opening_subject(self._sentence_start(v.start), v.start)
        return self.resolved(self.name_of(subject)) if subject is not None else None

    def pronoun_led(self, v: Verb) -> bool:
        """ "لكنه حث موسكو على", "إلا أنها دعت الحكومة إلى": the connective's pronoun is
        the verb's subject, so a name after the verb is its object, never the speaker."""
        window = max(0, v.start - RELATIVE_WINDOW)
        before = [normalize(w) for w in _WORD.findall(self.text, window, v.start)]
        if not before or not _PRONOUN_CONNECTIVE.fullmatch(before[-1]):
            return False
        if not (
            before[-1].lstrip("\u0648").startswith(_LAKIN)
            or (len(before) > 1 and before[-2] in _BUT_WORDS)
        ):
            return False
        # "إلا أنه قال مصدر مسؤول": أنه points to no one when a speaker follows the verb
        after = _WORD.match(self.text, v.end + 1) or _WORD.search(self.text, v.end, v.end + 3)
        word = normalize(after.group()) if after else ""
        i = bisect_left(self.speaker_starts, v.end)
        named = i < len(self.speakers) and self.speakers[i]["start"] - v.end <= 2
        return not (named or is_source(word) or word in name_words().titles)

    def _opening_country(self, lo: int, hi: int) -> tuple[str | None, str | None] | None:
        """A place right after the sentence's opening verb: its subject ("أدانت مصر")."""
        m = self.opening_place(lo, hi)
        return None if m is None else self.name_of(m)

    def opening_place(self, lo: int, hi: int) -> dict | None:
        """The place mention right after the opening verb of the sentence at ``lo``, when
        the verb takes it as its subject, before ``hi``."""
        i = bisect_left(self.place_starts, lo)
        if i == len(self.places) or self.places[i]["end"] > hi:
            return None
        m = self.places[i]
        lead = [normalize(w) for w in _WORD.findall(self.text, lo, m["start"])]
        if len(lead) != 1:
            return None
        verb = lead[0][1:] if lead[0][:1] in "\u0648\u0641" else lead[0]  # و ف
        if verb in name_words().stop or {verb, verb[:-1]} & object_verbs():
            return None  # "ومن المغرب،", "وحملت دمشق المسؤولية": no subject
        return m

    def _interviewed(self, v: Verb) -> tuple[str | None, str | None] | None:
        """ "في مقابلة لغراندي مع الزميلة بيكي اندرسون لـCNN حيث قال": the person the
        interview is of (ل after ``quotes/interviews.txt``), not whom it was with."""
        lo = self._sentence_start(v.start)
        for m in self.speakers[bisect_left(self.speaker_starts, lo) :]:
            if m["start"] >= v.start:
                return None
            if m["kind"] != "PERSON" or self.text[m["start"] - 1 : m["start"]] != "\u0644":
                continue
            before = _WORD.findall(
                normalize(self.text[max(lo, m["start"] - HEAD_BEFORE_CHARS) : m["start"] - 1])
            )
            # an adjective may come between ("في مقابلة حصرية لأولمرت")
            if any(bare(w) in interviews() for w in before[-INTERVIEW_HEAD_WORDS:]):
                return self.name_of(m)
        return None

    def _relative_before(self, v: Verb) -> int | None:
        """Where the relative pronoun right before the verb starts ("والذي كتب"), if any."""
        words = list(_WORD.finditer(self.text, max(0, v.start - RELATIVE_WINDOW), v.start))
        if not words or self.text[words[-1].end() : v.start].strip():
            return None
        return words[-1].start() if relative(normalize(words[-1].group())) else None

    def _antecedent(self, pronoun: int) -> tuple[str | None, str | None] | None:
        """The person or body a relative pronoun follows directly ("تصريح الملا الذي")."""
        i = bisect_left(self.speaker_starts, pronoun) - 1
        if i < 0:
            return None
        m = self.speakers[i]
        gap = self.text[m["end"] : pronoun]
        if 0 <= len(gap) <= RELATIVE_GAP:
            return self._followed(m)
        # "الأمير خالد بن سلمان بن عبد العزيز، الذي قال": the rest of a person's name;
        # 'صحيفة "الجزيرة" اليومية، التي وصفت': an adjective; not "فورد في ديترويت والذي"
        rest = _WORD.findall(normalize(gap))
        named = all(w in _NAME_LINKS or w.startswith(AL) for w in rest)  # not "تصريح الملا"
        if named and len(rest) <= NAME_MAX_WORDS and not _SENT_END.search(gap):
            return self._followed(m)
        return None

    def _followed(self, m: dict) -> tuple[str | None, str | None]:
        """Who a relative pronoun right after ``m`` is: ``m``, or the relative it names
        ("خطيبة جمال خاشقجي، التي طلبت": his fiancée)."""
        if not self._related(m):
            return self.name_of(m)
        lo = max(0, m["start"] - HEAD_BEFORE_CHARS)
        return self._relation_phrase(list(_WORD.finditer(self.text, lo, m["start"]))[-1].start(), m)

    def _topic(self, v: Verb) -> tuple[str | None, str | None] | None:
        """'أما الموقع الرسمي للتلفزيون "ماتش تي في"، فاتهم': the topic after أما is the
        subject of the verb its ف opens: its first person ("أما رئيس حزب الدستور، خالد
        داوود، فاتهم"), else its first name, else the topic as written."""
        if self.text[v.start - 1] != "\u0641":
            return None
        lo = self._sentence_start(v.start)
        first = _WORD.match(self.text, lo)
        if first is None or normalize(first.group()) != _AMMA:
            return None
        words = list(_WORD.finditer(self.text, first.end(), v.start - 1))
        head = normalize(words[0].group()) if words else ""
        if not head or not (opens_subject(head) or head in name_words().titles):
            return None  # "أما عن الأمور السيئة فيقول": what is spoken of, not who
        i = bisect_left(self.speaker_starts, first.end())
        inside = [m for m in self.speakers[i:] if m["end"] < v.start]
        people = [m for m in inside if m["kind"] == "PERSON"]
        if people or inside:
            return self.name_of((people or inside)[0])
        if len(words) > TOPIC_MAX_WORDS:
            return None
        return None, self.text[words[0].start() : v.start - 1].rstrip(" \u060c,\u00a0")
