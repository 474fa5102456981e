"""One reading per article for spellings shared by several places (طرابلس, عمان).

Evidence for a reading is the number of other mentions of its country (places, people,
organisations) plus
the number of that country's nisba adjectives in the article ("طرابلس ... شمال لبنان",
"العاصمة الأردنية عمان"). The default (first) reading wins ties; a margin is not
required, since a single "اللبناني" next to طرابلس is already strong evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from akhbar.data import read_rows
from akhbar.text.wordlist import trie_regex
from tasks.extract.common.gazetteer import LETTER_AFTER, LETTER_BEFORE, Entry, key, lexicon
from tasks.extract.entities.rules import Hit

__all__ = ["disambiguate"]

_LOC = "LOCATION"


@cache
def _readings() -> dict[str, tuple[Entry, ...]]:
    """Normalised spelling -> every reading (the default first)."""
    by_id = lexicon().by_id
    return {
        key(f): tuple(by_id[i] for i in ids.split("|"))
        for f, ids in read_rows("gazetteer/ambiguous.tsv")
    }


@cache
def _nisba_re() -> re.Pattern[str]:
    """Every nisba form of every country in one pass; the form is group 1.

    No form of one country is a word-prefix of another country's form (nor
    one with a proclitic glued on), so counting per country from one scan
    gives the same counts as one scan per country.
    """
    alt = trie_regex(lexicon().nisba, space=" ") or "(?!)"
    return re.compile(f"{LETTER_BEFORE}[\u0648\u0641\u0628\u0644\u0643]?({alt}){LETTER_AFTER}")


def _nisba_counts(norm: str) -> Counter[str]:
    nisba = lexicon().nisba
    return Counter(nisba[f] for f in _nisba_re().findall(norm))


def disambiguate(norm: str, hits: list[Hit]) -> list[Hit]:
    """The same hits, ambiguous spellings bound to the reading the article supports."""
    readings = _readings()
    forms = {
        i: " ".join(norm[h.ns : h.ne].split()) for i, h in enumerate(hits) if h.kind == "LOCATION"
    }
    found = {f for f in forms.values() if f in readings}
    if not found:
        return hits
    chosen = {}
    nisba = _nisba_counts(norm)
    for f in found:
        options = readings[f]
        chosen[f] = max(options, key=lambda e, o=options: _evidence(nisba, hits, e, o))
    out = list(hits)
    for i, f in forms.items():
        if f in chosen and hits[i].entity.entity_id in {o.entity_id for o in readings[f]}:
            out[i] = replace(hits[i], entity=chosen[f])
    return out


def _evidence(nisba: Counter[str], hits: list[Hit], e: Entry, options: tuple[Entry, ...]) -> int:
    ids = {o.entity_id for o in options}
    # Any other mention of the country counts: its places, its people ("الملك عبد الله
    # الثاني في عمان"), its organisations.
    places = sum(1 for h in hits if h.entity.entity_id not in ids and h.entity.country == e.country)
    return places + (nisba[e.country] if e.country else 0)
