"""One regex pass over an article for every listed phrase.

Known names, titles, ministries, speech verbs and according-to phrases all
go into one trie regex (built once), so an article is scanned once instead
of five times; entities and quotes share the result through the article's
``ExtractContext.scan``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from akhbar.data import read_rows
from tasks.extract.common.gazetteer import (
    LETTER_AFTER,
    LETTER_BEFORE,
    PROCLITIC,
    Entry,
    key,
    lexicon,
    trie_regex,
    word_list,
)

__all__ = ["Scan", "scan"]

_AL = "\u0627\u0644"
# A name this short is not read after a proclitic: with the division lists, ل/ب + a
# three-letter town matched ordinary words ("لغات", "بقم"); "تاس", "يي" still match bare.
SHORT_NAME_CHARS = 3
_LAM = "\u0644"
_WA = "\u0648"  # و before a preposition ("وفي دوما")


@dataclass
class Scan:
    gaz: list[tuple[int, int, int, Entry]] = field(default_factory=list)  # tok start, ns, ne
    titles: list[int] = field(default_factory=list)  # end of each title phrase
    ministries: list[tuple[int, int, tuple[str, str, str, bool]]] = field(default_factory=list)
    verbs: list[tuple[int, int, str, str]] = field(default_factory=list)  # ns, ne, lemma, kind
    according: list[tuple[int, int]] = field(default_factory=list)
    # tok start, ns, ne, proclitic, head, definite
    heads: list[tuple[int, int, int, str, str, bool]] = field(default_factory=list)
    given: list[tuple[int, int, int]] = field(default_factory=list)  # tok start, ns, ne
    # tok start, ns, ne, proclitic, the clubs it may name (gazetteer/clubs_short.tsv)
    clubs: list[tuple[int, int, int, str, tuple[Entry, ...]]] = field(default_factory=list)
    sport: int = 0  # sport words seen (gazetteer/sport_cues.txt)


@dataclass(frozen=True)
class _Table:
    pattern: re.Pattern[str]
    forms: dict[str, tuple[str, object, bool]]  # form -> (category, payload, needs ل)
    # club names that are also a gazetteer form ("ليفربول" the city): read as both
    club_places: dict[str, tuple[Entry, ...]]


def _add(forms: dict, form: str, cat: str, payload: object, elide: bool = True) -> None:
    forms.setdefault(form, (cat, payload, False))
    if elide and form.startswith(_AL):
        forms.setdefault(form[1:], (cat, payload, True))  # ل + ال = لل


@cache
def table() -> _Table:
    forms: dict[str, tuple[str, object, bool]] = {}
    for form, (entry, elided) in lexicon().forms.items():
        forms.setdefault(form, ("gaz", entry, elided))
    for row in read_rows("gazetteer/titles.tsv"):
        _add(forms, key(row[0]), "title", row[1])
    for k, heads, ar, en in read_rows("gazetteer/ministries.tsv"):
        for h in heads.split("|"):
            _add(forms, key(h), "ministry", (k, ar, en, " " not in key(h)))
    for f, lemma, kind in read_rows("quotes/verbs.tsv"):
        _add(forms, key(f), "verb", (lemma, kind), elide=False)
    for row in read_rows("quotes/according_to.tsv"):
        _add(forms, key(row[0]), "according", None, elide=False)
    for row in read_rows("gazetteer/heads.tsv"):  # organisation / place head nouns
        # The payload is (head, definite): a head may itself begin with أل ("ألوية"),
        # so definiteness is known here, never guessed from the matched letters.
        head = key(row[0])
        _add(forms, head, "head", (head, False), elide=False)
        _add(forms, _AL + head, "head", (head, True))
    for row in read_rows("gazetteer/given_names.tsv"):
        if row[1] == "0":  # unambiguous given names open an untitled name
            _add(forms, key(row[0]), "given", None, elide=False)
    by_id = lexicon().by_id
    club_places: dict[str, tuple[Entry, ...]] = {}
    for form, ids in read_rows("gazetteer/clubs_short.tsv"):  # the clubs a bare name may be
        clubs = tuple(by_id[i] for i in ids.split("|") if i in by_id)
        if forms.get(key(form), ("",))[0] == "gaz":
            club_places[key(form)] = clubs
        _add(forms, key(form), "club", clubs)
    for row in read_rows("gazetteer/sport_cues.txt"):
        _add(forms, key(row[0]), "sport", None)
    for form, eid in read_rows("gazetteer/places_after_preposition.tsv"):
        _add(forms, key(form), "place_after_prep", by_id[eid], elide=False)
    body = trie_regex(sorted(forms))
    pattern = re.compile(f"{LETTER_BEFORE}{PROCLITIC}(?P<n>{body}){LETTER_AFTER}")
    return _Table(pattern, forms, club_places)


@lru_cache(maxsize=1 << 14)
def _form_key(n: str) -> str:
    # Matched spellings repeat across articles: the cache saves a split and join per match.
    return " ".join(n.replace("-", " ").split())


_NO_FORM = ("", None, False)


def _after_preposition(norm: str, start: int) -> bool:
    """A preposition of place is the word before ("في دوما", "وفي دوما"); not a glued ب
    ("بحجة": on the pretext)."""
    end = len(norm[:start].rstrip())
    word = norm[norm.rfind(" ", 0, end) + 1 : end]
    return word.removeprefix(_WA) in word_list("gazetteer/place_prepositions.txt")


def scan(norm: str) -> Scan:
    """Every listed phrase in ``norm``; ``ExtractContext.scan`` keeps one per article."""
    t = table()
    out = Scan()
    for m in t.pattern.finditer(norm):
        p, n = m.group("p"), m.group("n")
        ns, ne = m.span("n")
        for i in range(len(p)):
            if t.forms.get(_form_key(p[i:] + n), _NO_FORM)[0] == "given":
                # "فاطمة", "وكلاوس": a given name, not ف + "اطمة" (Atmeh) or ك + "لاوس"
                p, n, ns = p[:i], p[i:] + n, m.start() + i
                break
        form = _form_key(n)
        cat, payload, elided = t.forms[form]
        if elided and not p.endswith(_LAM):
            continue  # "لامم" without the preposition ل is not "الأمم"
        if cat == "gaz":
            if p and ne - ns <= SHORT_NAME_CHARS and not n.isascii():
                continue  # "لغات" (languages) is not ل + غات (Ghat); "لـCNN" is ل + CNN
            out.gaz.append((m.start(), ns, ne, payload))  # type: ignore[arg-type]
            if form in t.club_places:
                out.clubs.append((m.start(), ns, ne, p, t.club_places[form]))
        elif cat == "place_after_prep":
            if not p and _after_preposition(norm, m.start()):
                out.gaz.append((m.start(), ns, ne, payload))  # type: ignore[arg-type]
        elif cat == "title":
            out.titles.append(ne)
        elif cat == "ministry":
            out.ministries.append((ns, ne, payload))  # type: ignore[arg-type]
        elif cat == "verb":
            out.verbs.append((ns, ne, *payload))  # type: ignore[misc]
        elif cat == "head":
            out.heads.append((m.start(), ns, ne, p, *payload))  # type: ignore[misc]
        elif cat == "given":
            if p in ("", "\u0648", "\u0641"):  # و/ف only: "لدينا" is no name
                out.given.append((m.start(), ns, ne))
        elif cat == "club":
            out.clubs.append((m.start(), ns, ne, p, payload))  # type: ignore[arg-type]
        elif cat == "sport":
            out.sport += 1
        else:
            out.according.append((m.start(), ne))
    return out
