"""The gazetteer: data files under ``akhbar/data/gazetteer`` compiled once.

Every name variant is normalised with the same camel-tools chain as
``NormText.norm`` and all variants go into one trie-shaped regex, so one
C-level pass over an article finds every known name, longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from akhbar.data import read_rows
from akhbar.text import wordlist

__all__ = [
    "LETTER_AFTER",
    "LETTER_BEFORE",
    "SEP",
    "Entry",
    "Lexicon",
    "find_names",
    "glued_known_name",
    "lexicon",
    "trie_regex",
]

# Boundaries: a name neither starts nor ends inside a word ([^\W\d_] = a letter).
LETTER_BEFORE = r"(?<![^\W\d_])"
LETTER_AFTER = r"(?![^\W\d_])"
# Between the words of a name: spaces or a hyphen ("قاسم - جومارت", "ألما-آتا").
SEP = r"(?:[ \t]*-[ \t]*|[ \t]+)"
# Proclitics a name may carry: conjunction و/ف, then preposition ب/ل/ك.
PROCLITIC = r"(?P<p>[\u0648\u0641]?[\u0628\u0644\u0643]?)"
_AL = "\u0627\u0644"  # the article ال after normalisation
_LI_BI = frozenset("\u0644\u0628")  # ل ب glued to a name
# Name lists beyond the curated core, read after it (a form already taken keeps its
# first entry): first-level divisions and cities of the Arab world and of the countries
# most in Arabic news, and more organisations and people (see each file's header).
DIVISION_FILES = ("gazetteer/divisions_arab.tsv", "gazetteer/divisions_world.tsv")
PEOPLE_FILES = ("gazetteer/people.tsv", "gazetteer/people_more.tsv")
ORGANIZATION_FILES = ("gazetteer/organizations.tsv", "gazetteer/organizations_more.tsv")


@dataclass(frozen=True)
class Entry:
    entity_id: str
    kind: str  # PERSON | LOCATION | ORGANIZATION
    name: str
    name_en: str
    country: str | None
    role: str | None = None
    granularity: str | None = None  # places: country | region | city
    parent: str | None = None  # places: the region a city lies in, when known

    def definition(self, origin: str = "gazetteer") -> dict:
        return {
            "entity_id": self.entity_id,
            "kind": self.kind,
            "name": self.name,
            "name_en": self.name_en,
            "origin": origin,
            "country": self.country,
            "granularity": self.granularity,
            "parent_id": self.parent,
        }


def key(s: str) -> str:
    """Lookup key of a name: folded like every word list, and a hyphen between its
    words is a space ("ألما-آتا", "قاسم - جومارت")."""
    return wordlist.fold(s.replace("-", " "))


def _split(field: str) -> list[str]:
    return [v for v in field.split("|") if v.strip()] if field else []


def _opt(row: tuple[str, ...], i: int) -> str:
    return row[i] if len(row) > i else ""


def _country(v: str) -> str | None:
    return None if v in ("", "None") else v


def trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words`` (longest first); a space matches ``SEP``."""
    return wordlist.trie_regex(words, space=SEP)


@dataclass
class Lexicon:
    forms: dict[str, tuple[Entry, bool]]  # normalised form -> (entry, needs a preceding ل)
    by_id: dict[str, Entry]
    pattern: re.Pattern[str]
    nisba: dict[str, str]  # normalised nisba form -> iso2
    nisba_fem: dict[str, str]  # iso2 -> canonical feminine definite nisba (for names)
    country_of_iso: dict[str, Entry]


def _entries() -> list[tuple[Entry, list[str]]]:
    out: list[tuple[Entry, list[str]]] = []
    extra: dict[str, list[str]] = {}
    for row in read_rows("gazetteer/country_variants.tsv"):
        extra.setdefault(row[0], []).extend(_split(_opt(row, 1)))
    for eid, iso, ar, en in read_rows("gazetteer/countries.tsv"):
        e = Entry(eid, "LOCATION", ar, en, iso, granularity="country")
        out.append((e, [ar, *_glued(ar), *extra.get(iso, [])]))
    for row in read_rows("gazetteer/places.tsv"):
        e = Entry(row[0], "LOCATION", row[1], row[2], _country(row[3]), granularity="city")
        out.append((e, [row[1], *_split(_opt(row, 4))]))
    for name in DIVISION_FILES:  # id, ar, en, country, granularity, parent, variants
        for row in read_rows(name):
            e = Entry(
                row[0],
                "LOCATION",
                row[1],
                row[2],
                _country(row[3]),
                None,
                row[4] or None,
                _opt(row, 5) or None,
            )
            out.append((e, [row[1], *_split(_opt(row, 6))]))
    for name in PEOPLE_FILES:
        for row in read_rows(name):
            e = Entry(row[0], "PERSON", row[1], row[2], _country(row[3]), row[4])
            out.append((e, [row[1], *_split(_opt(row, 5))]))
    for name in ORGANIZATION_FILES:
        for row in read_rows(name):
            e = Entry(row[0], "ORGANIZATION", row[1], row[2], _country(row[3]))
            out.append((e, [row[1], *_split(_opt(row, 4))]))
    return out


def _glued(name: str) -> list[str]:
    """A two-word country name is often written as one word ("بوركينافاسو",
    "كوستاريكا"); an article-less name glued never spells another word."""
    parts = name.split()
    return ["".join(parts)] if len(parts) == 2 and not parts[0].startswith(_AL) else []


def _forms(entries: list[tuple[Entry, list[str]]]) -> dict[str, tuple[Entry, bool]]:
    forms: dict[str, tuple[Entry, bool]] = {}
    for entry, variants in entries:
        for v in variants:
            k = key(v)
            forms.setdefault(k, (entry, False))
            if k.startswith(_AL):
                # ل + ال is written لل: "للأمم المتحدة" holds the form "لامم المتحده".
                forms.setdefault(k[1:], (entry, True))
    return forms


def _nisba() -> tuple[dict[str, str], dict[str, str]]:
    out: dict[str, str] = {}
    fem: dict[str, str] = {}
    for row in read_rows("gazetteer/nisba.tsv"):
        iso = row[0]
        for i, form in enumerate(_split(_opt(row, 1))):
            words = key(form).split()
            for suffix in ("", "\u0647", "\u064a\u0646", "\u0648\u0646"):  # m, f (ة), pl.
                out.setdefault(" ".join(w + suffix for w in words), iso)
                out.setdefault(" ".join(_AL + w + suffix for w in words), iso)
            if i == 0:
                fem[iso] = " ".join(_AL + w + "\u0629" for w in form.split())
    return out, fem


@cache
def lexicon() -> Lexicon:
    entries = _entries()
    forms = _forms(entries)
    body = trie_regex(sorted(forms))
    pattern = re.compile(f"{LETTER_BEFORE}{PROCLITIC}(?P<n>{body}){LETTER_AFTER}")
    nisba, fem = _nisba()
    by_id = {e.entity_id: e for e, _ in entries}
    isos = {e.country: e for e, _ in entries if e.entity_id.startswith("loc:") and e.country}
    countries = {iso: e for iso, e in isos.items()}
    for e, _ in entries:  # the CLDR row wins over cities of the same country
        if e.kind == "LOCATION" and e.country and _is_country(e):
            countries[e.country] = e
    return Lexicon(forms, by_id, pattern, nisba, fem, countries)


@cache
def _country_ids() -> frozenset[str]:
    return frozenset(row[0] for row in read_rows("gazetteer/countries.tsv"))


def _is_country(e: Entry) -> bool:
    return e.entity_id in _country_ids()


@lru_cache(maxsize=1 << 14)  # span texts: bounded, a long run sees millions
def glued_known_name(norm: str, kinds: tuple[str, ...] = ("ORGANIZATION", "LOCATION")) -> bool:
    """Normalised words that are ل/ب glued to a known body or place ("لبي بي سي",
    "لفرانس24", "بالجزيرة"): whom something was said to or where, never a person.
    ``kinds``: the known names' kinds that count."""
    if norm[:1] not in _LI_BI:
        return False
    known = lexicon().forms.get(" ".join(norm[1:].split()))
    return known is not None and known[0].kind in kinds


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-column data file as a set of normalised words (built once per file: the
    speaker rules ask for their lists per word)."""
    return frozenset(key(r[0]) for r in read_rows(name))


def find_names(
    norm: str, names: list[str], proclitics: re.Pattern[str]
) -> list[tuple[int, int, str]]:
    """Every whole-word occurrence of a few per-article names (aliases), optionally
    after proclitics matching ``proclitics``. ``str.find`` per name instead of a regex
    compiled per article: articles have few aliases, and an unseen article's pattern
    would never be in the regex cache."""
    out = []
    for name in names:
        i = norm.find(name)
        while i >= 0:
            e = i + len(name)
            j = i
            while j > 0 and norm[j - 1].isalpha():
                j -= 1
            after_ok = e == len(norm) or not norm[e].isalpha()
            if after_ok and (j == i or proclitics.fullmatch(norm, j, i)):
                out.append((i, e, name))
            i = norm.find(name, e)
    return out
