"""Words written on a banner (a speaker mixin).

"وحمل بعض المتظاهرين لافتات كتب عليها «...»": the one carrying or raising the banner
said the words, not the last speaker. ``_Article`` (``tasks/extract/quotes/__init__.py``)
mixes this in; the method reads its text, sentences and mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from akhbar.text.normalize import normalize
from tasks.extract.common.gazetteer import word_list
from tasks.extract.common.names import is_definite
from tasks.extract.quotes.common import WORD, Verb
from tasks.extract.quotes.lists import bare, unnamed_person

__all__ = ["Banners"]

# "كتب عليها": written on it (the banner before the verb)
_ON_IT = re.compile("\\s+\u0639\u0644\u064a(?:\u0647\u0627|\u0647|\u0647\u0645\u0627)(?!\\w)")
# Words between a banner and "كتب عليها" ("لافتة كبيرة كتب عليها": 1).
BANNER_GAP_WORDS = 2
# Words between the carrying verb and its banner: its subject and an adverb ("ورفع أحد
# المتظاهرين الغاضبين عاليا لافتة": 4).
CARRY_GAP_WORDS = 4
_ALEF = "\u0627"
# Words that open an unnamed group of carriers ("بعض المتظاهرين", "أحد المحتجين").
_QUANTIFIERS = frozenset(
    normalize(w) for w in ("بعض", "أحد", "إحدى", "عدد", "مئات", "آلاف", "عشرات")
)


class Banners:
    """The carrier of a banner whose written words are quoted."""

    def _carried(self, v: Verb) -> tuple[str | None, str | None] | None:
        if not _ON_IT.match(self.text, v.end):
            return None
        words = list(WORD.finditer(self.text, self._sentence_start(v.start), v.start))
        banner = next(
            (
                i
                for i in range(len(words) - 1, len(words) - 2 - BANNER_GAP_WORDS, -1)
                if i >= 0 and bare(normalize(words[i].group())) in word_list("quotes/banners.txt")
            ),
            None,
        )
        if banner is None:
            return None
        for j in range(banner - 1, max(-1, banner - 2 - CARRY_GAP_WORDS), -1):
            verb = normalize(words[j].group())
            verb = verb[1:] if verb[:1] in "\u0648\u0641" and len(verb) > 3 else verb
            if verb in word_list("quotes/carry_verbs.txt"):
                return self._carrier(words, j, banner)
        return None

    def _carrier(
        self, words: list[re.Match[str]], verb: int, banner: int
    ) -> tuple[str | None, str | None] | None:
        """Who carries: named between the verb and its banner, else right before a present
        verb ("ثامورا يحمل"); an unnamed group as written ("بعض المتظاهرين")."""
        between = words[verb + 1 : banner]
        while between and _adverb(normalize(between[-1].group())):
            between = between[:-1]  # "أحد المتظاهرين عاليا"
        if between:
            s, e = between[0].start(), between[-1].end()
            named = self._mention_in(s, e)
            if named is not None:
                return named
            # an unnamed carrier only: "بعض المتظاهرين", not "في الساحة", "المحتجون أمس"
            first = normalize(between[0].group())
            return (None, self.text[s:e]) if _carrier_opening(first) else None
        if verb == 0:
            return None
        before = words[verb - 1]
        named = self._mention_in(before.start(), before.end())
        if named is not None:
            return named
        return (None, before.group()) if unnamed_person(normalize(before.group())) else None

    def _mention_in(self, s: int, e: int) -> tuple[str | None, str | None] | None:
        i = bisect_left(self.speaker_starts, s)
        while i < len(self.speakers) and self.speakers[i]["start"] < e:
            m = self.speakers[i]
            if m["kind"] in ("PERSON", "ORGANIZATION"):
                return self.name_of(m)
            i += 1
        return None


def _carrier_opening(word: str) -> bool:
    """A word an unnamed carrier opens with: a quantifier ("بعض", "أحد") or a source."""
    return word in _QUANTIFIERS or unnamed_person(word)


def _adverb(word: str) -> bool:
    """An indefinite accusative word ending in alef ("عاليا"): how, not who."""
    return word.endswith(_ALEF) and not is_definite(word)
