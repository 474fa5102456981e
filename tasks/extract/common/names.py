"""Word knowledge about names that two extractors share (entities and quotes).

Read from the gazetteer's word lists; every form is normalised like
``NormText.norm``. Tokens here are Arabic words of the normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from akhbar.data import read_rows
from tasks.extract.common.gazetteer import LETTER_AFTER, key, word_list

__all__ = ["ARABIC_WORD", "PLACE_PREPS", "PRONOUN_END", "TOKEN", "Words", "is_definite", "words"]

AL = "\u0627\u0644"
_DEF_PROCLITICS = "\u0648\u0641\u0628\u0643"  # و ف ب ك
# "وال" + at least two letters: shorter words ("فالح" is 4) are names, not clitic + ال.
MIN_DEF_CLITIC_LEN = 4
# "المبعوث الأممي إلى ليبيا X", "ممثل المنظمة في سوريا X": a preposition + place.
PLACE_PREPS = frozenset({"\u0641\u064a", "\u0627\u0644\u064a", "\u0644\u062f\u064a"})
# An Arabic word after normalisation (Latin "REUTERS" after a name is a credit line).
ARABIC_WORD = "[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+"
# The next word, after spaces and at most one comma (group "comma" says which).
TOKEN = re.compile(rf"(?P<gap>[ \t]*(?:(?P<comma>,)[ \t]*)?)(?P<w>{ARABIC_WORD}){LETTER_AFTER}")
# Pronoun suffixes (ها، هم، هما، كم) mark common nouns and verbs, not names.
PRONOUN_END = re.compile("(?:\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627|\u0643\u0645)$")


@dataclass(frozen=True)
class Words:
    stop: frozenset[str]
    titles: frozenset[str]  # every word of every title phrase
    heads: frozenset[str]
    links: frozenset[str]
    parts: frozenset[str]
    given: frozenset[str]  # given names, ambiguous ones included (a title precedes)
    ordinals: frozenset[str]  # regnal ordinals: "محمد السادس"
    org_heads: frozenset[str]  # organisation/place heads (heads.tsv) end a name
    relations: frozenset[str]  # kin, lawyers, aides (relations.txt): "محامو بوستيك"


@cache
def words() -> Words:
    phrases = [key(r[0]) for r in read_rows("gazetteer/titles.tsv")]
    return Words(
        stop=word_list("gazetteer/name_stop.txt"),
        titles=frozenset(w for p in phrases for w in p.split()),
        heads=word_list("gazetteer/title_modifiers.txt"),
        links=word_list("gazetteer/name_links.txt"),
        parts=word_list("gazetteer/name_parts.txt"),
        given=frozenset(key(r[0]) for r in read_rows("gazetteer/given_names.tsv")),
        ordinals=word_list("gazetteer/name_ordinals.txt"),
        org_heads=frozenset(
            f for r in read_rows("gazetteer/heads.tsv") for f in (key(r[0]), AL + key(r[0]))
        ),
        relations=word_list("gazetteer/relations.txt"),
    )


def is_definite(w: str) -> bool:
    """ال-word, with or without a proclitic (وال، بال، لل)."""
    if w.startswith(AL) or w.startswith("\u0644\u0644"):
        return True
    # و/ف/ب/ك + ال; "سالم", "خالد", "مالك" only look alike, so the first letter must be one.
    return len(w) > MIN_DEF_CLITIC_LEN and w[0] in _DEF_PROCLITICS and w[1:3] == AL
