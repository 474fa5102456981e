"""Football clubs by their bare names, in articles about sport (``gazetteer/clubs_short.tsv``).

"فاز الأهلي على المصري" names two clubs; out of sport, "الأهلي" and "المصري" are adjectives
(national, Egyptian). A bare name is read only when the article has ``SPORT_MIN_CUES``
sport words (``gazetteer/sport_cues.txt``), and not right after a definite word it would
qualify ("الدوري المصري"). Names and cues come from the article's one phrase scan.
"""

from __future__ import annotations

import re
from collections import Counter

from tasks.extract.common.names import AL, PRONOUN_END, is_definite
from tasks.extract.common.scan import Scan
from tasks.extract.entities.rules import Hit

__all__ = ["club_hits"]

# Sport words an article needs before a bare club name is read: three keeps out the news
# article with one "مباراة" in it (sport articles in ant_dev have 10-40).
SPORT_MIN_CUES = 3
_NO_PREPOSITION = frozenset(("", "\u0648", "\u0641"))  # nothing, or و / ف only
_WORD_BEFORE = re.compile(r"(\w+)\s*$")
_YA = "\u064a"  # ي: with ال, what makes a name read as an adjective


def club_hits(norm: str, found: Scan) -> list[Hit]:
    """ORGANIZATION hits for the bare club names of a sport article."""
    if found.sport < SPORT_MIN_CUES or not found.clubs:
        return []
    countries = Counter(e.country for _t, _s, _e, e in found.gaz if e.country)
    out = []
    for tok, ns, ne, proclitic, options in found.clubs:
        adjective = norm[ns:ne].startswith(AL) or norm[ns:ne].endswith(_YA)
        if adjective and proclitic in _NO_PREPOSITION and _qualifies(norm, tok):
            continue  # "الدوري المصري", "المحلي والأفريقي"; not "ليون الفرنسي ومارسيليا"
        if options:
            entry = max(options, key=lambda e: countries[e.country])  # ties: the first
            out.append(Hit(ns, ne, entry, "club"))
    return out


def _qualifies(norm: str, pos: int) -> bool:
    """The word before is definite (ال, لل, or a pronoun suffix): the name is its
    adjective, or the second of two coordinated ones."""
    m = _WORD_BEFORE.search(norm, max(0, pos - 24), pos)
    return m is not None and (is_definite(m.group(1)) or bool(PRONOUN_END.search(m.group(1))))
