"""Words said "through the mouth of" someone (a speaker mixin).

"أعلن المغرب على لسان وزير خارجيته ناصر بوريطة", "ونقلت الوكالة على لسان خامنئي قوله":
the one after "على لسان" said the words, not the verb's subject. ``_Article``
(``tasks/extract/quotes/__init__.py``) mixes this in; the method reads its text and
mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from akhbar.text.normalize import normalize
from tasks.extract.quotes.common import MAX_SPEAKER_WORDS, SENT_END, WORD, Verb
from tasks.extract.quotes.lists import unnamed_person
from tasks.extract.quotes.roles import construct_title_gap, title_gap

__all__ = ["Tongue"]

# "على لسان" and the space after it (not "على لسانه": a pronoun, the one named before).
_ON_TONGUE = re.compile("\u0639\u0644\u0649\\s+\u0644\u0633\u0627\u0646\\s+")
# Characters between the verb and "على لسان": its subject and a day ("أعلن المغرب
# الثلاثاء على لسان", "وأضافت الحركة في تصريحات على لسان": 20).
ON_TONGUE_REACH = 60
# Characters between "على لسان" and the named speaker: a title ("وزير خارجيته": 13).
TITLE_REACH = 40
# What ends an unnamed speaker's words after "على لسان": punctuation, a quote, إن or قوله.
_SOURCE_END = re.compile(
    '[\u060c,:"\u00ab\u201c\n.]|(?<!\\w)(?:[\u0625\u0623]\u0646|\u0642\u0648\u0644\u0647)(?!\\w)'
)


class Tongue:
    """The speaker named after "على لسان" following a speech verb."""

    def _on_tongue(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        cue = _ON_TONGUE.search(self.text, v.end, min(limit, v.end + ON_TONGUE_REACH))
        if cue is None or SENT_END.search(self.text, v.end, cue.start()):
            return None
        if '"' in normalize(self.text[v.end : cue.start()]):
            return None  # the quote came first: "على لسان" belongs to another clause
        i = bisect_left(self.speaker_starts, cue.end())
        if i < len(self.speakers) and self.speakers[i]["start"] - cue.end() <= TITLE_REACH:
            m = self.speakers[i]
            gap = self.text[cue.end() : m["start"]]
            if not gap.strip() or title_gap(gap) or construct_title_gap(gap):
                return self.name_of(m)
        return self._unnamed_tongue(cue.end(), limit)

    def _unnamed_tongue(self, pos: int, limit: int) -> tuple[None, str] | None:
        """ "على لسان مصدر أمني مسؤول": an unnamed source, as written."""
        stop = _SOURCE_END.search(self.text, pos, limit)
        words = list(WORD.finditer(self.text, pos, stop.start() if stop else limit))
        words = words[:MAX_SPEAKER_WORDS]
        if not words or not unnamed_person(normalize(words[0].group())):
            return None
        return None, self.text[words[0].start() : words[-1].end()]
