"""Figures' word lists (``akhbar/data/figures/``), normalised and compiled once.

Every pattern here runs on ``NormText.norm``. Word patterns allow the
proclitics of :func:`akhbar.text.numbers.proclitic_pattern` (و، ف، ب، ل، ك،
ال) and require whole words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from akhbar.data import read_rows
from akhbar.text.normalize import normalize
from akhbar.text.wordlist import (
    expanded_words,
    fold,
    proclitic_pattern,
    read_words,
    split_proclitic,
    trie_regex,
)

__all__ = [
    "NATIONAL_ENDS",
    "Entry",
    "Lexicon",
    "canon",
    "governs",
    "hit_word",
    "lexicon",
    "word_list_re",
]

NO_TYPE = "-"  # count_type / lemma placeholder in triggers.tsv
_PERCENT = "%\u066a"  # the percent signs, matched as characters, not words
OF_THEM = frozenset(normalize(w) for w in ("منهم", "منهن"))  # "50 منهم": of them


@dataclass(frozen=True, slots=True)
class Entry:
    count_type: str | None  # None for generic and untyped head nouns
    role: str  # event | release | post | noun | actor | head | generic
    lemma: str | None  # object label (Arabic singular); None for pronouns


def _words(forms: list[str], proclitics: bool = True) -> str:
    """Alternation of normalised forms, longest first, spaces as \\s+."""
    alt = trie_regex(forms)
    pre = f"(?P<pre>{proclitic_pattern()})" if proclitics else ""
    return rf"(?<!\w){pre}(?P<w>{alt})(?!\w)"


def _glued_end(form: str) -> str:
    """A trailing one-letter preposition may be glued to the next word ("وفقا لوزارة");
    any other cue ends a word."""
    return "" if len(form.rsplit(" ", 1)[-1]) == 1 else r"(?!\w)"


def _cues(forms: list[str]) -> str:
    """Like :func:`_words`, but a trailing one-letter preposition may be glued."""
    return rf"(?<!\w)[{normalize('وف')}]?(?P<w>{trie_regex(set(forms), end=_glued_end)})"


def _list(name: str) -> list[str]:
    return read_words(f"figures/{name}")


@cache
def word_list_re(name: str) -> re.Pattern[str]:
    """A whole word or phrase of ``figures/<name>``, with an optional conjunction و/ف."""
    return re.compile(rf"(?<!\w)[{normalize('وف')}]?(?:{trie_regex(_list(name))})(?!\w)")


@dataclass(frozen=True)
class Lexicon:
    events: dict[str, Entry]
    posts: dict[str, Entry]
    nouns: dict[str, Entry]  # noun | actor | head | generic
    lemmas: dict[str, Entry]  # normalised lemma -> its counted-noun entry (for duals)
    trigger_re: re.Pattern[str]  # every typed trigger with its clitics (group "tok"), one scan
    typed: frozenset[str]  # the forms trigger_re knows
    post_re: re.Pattern[str]
    noun_re: re.Pattern[str]
    tally_re: re.Pattern[str]
    tally_back_re: re.Pattern[str]  # a tally pointing back to the clause's event ("وعددهم")
    part_of_re: re.Pattern[str]  # opens the breakdown of the figure before ("من بينهم")
    blocked_after_re: re.Pattern[str]
    blocked_before: frozenset[str]
    pre_qual_re: re.Pattern[str]  # anchored at the end of the text before a number
    post_qual_re: re.Pattern[str]  # anchored at a position
    pre_qual: dict[str, str]
    post_qual: dict[str, str]
    ranges: tuple[tuple[str, str], ...]  # (opener or "-", joiner), normalised
    attr_prep_re: re.Pattern[str]
    attr_verb_re: re.Pattern[str]
    attr_stop: frozenset[str]
    loc_preps: frozenset[str]
    place_holders: frozenset[str]  # words between a place and the larger place holding it
    authority_re: re.Pattern[str]  # "السلطات التونسية": the body that arrests (its nisba after)
    place_not_here: frozenset[str]  # a place after these is a direction, not a location
    destinations: frozenset[str]  # ... except for people who went there (AFFECT)
    launches: frozenset[str]  # "أطلقه المتمردون من اليمن": the place after من is the origin
    one_of: frozenset[str]  # "أحد": a count only when an event binds it
    place_anaphor_re: re.Pattern[str]  # "في هذه المنطقة" right after a count (anchored)
    gap_stop: frozenset[str]  # words that break an event-number binding
    governed: dict[str, str]  # event form -> the preposition it governs ("أفرج" -> "عن")
    counted: dict[str, str]  # counted noun's lemma -> fighters | forces | projectiles | strikes


def _entries() -> tuple[dict[str, Entry], dict[str, Entry], dict[str, Entry], dict[str, Entry]]:
    by_role: dict[str, dict[str, Entry]] = {"event": {}, "post": {}, "noun": {}}
    lemmas: dict[str, Entry] = {}
    for count_type, role, lemma, forms in read_rows("figures/triggers.tsv"):
        entry = Entry(
            None if count_type == NO_TYPE else count_type,
            role,
            None if lemma == NO_TYPE else lemma,
        )
        table = by_role["event"] if role == "release" else by_role.get(role, by_role["noun"])
        for form in forms.split(","):
            table.setdefault(fold(form), entry)
        if role in ("noun", "actor", "head", "generic") and entry.lemma:
            lemmas.setdefault(fold(entry.lemma), entry)
    for lemma, forms in _nationals():
        entry = Entry(None, "generic", lemma)
        for form in forms:
            by_role["noun"].setdefault(form, entry)
        lemmas.setdefault(lemma, entry)
    return by_role["event"], by_role["post"], by_role["noun"], lemmas


# Endings of a nisba counting people: plural ين، ون; accusative ا ("28 أستراليا").
NATIONAL_ENDS = ("\u064a\u0646", "\u0648\u0646", "\u0627")


def _nationals() -> list[tuple[str, list[str]]]:
    """People counted by nationality ("مئات البلغاريين", "28 أستراليا", "5 أتراك" aside):
    every nisba of ``gazetteer/nisba.tsv`` as a generic counted noun, singular, sound
    plural (ين، ون) and accusative (ا)."""
    out = []
    for row in read_rows("gazetteer/nisba.tsv"):
        for form in (f for f in row[1].split("|") if f and " " not in f):
            w = fold(form)
            out.append((w, [w, *(w + e for e in NATIONAL_ENDS)]))
    return out


def _qualifiers() -> tuple[dict[str, str], dict[str, str]]:
    pre: dict[str, str] = {}
    post: dict[str, str] = {}
    for qualifier, position, form in read_rows("figures/qualifiers.tsv"):
        (pre if position == "pre" else post).setdefault(fold(form), qualifier)
    return pre, post


@cache
def lexicon() -> Lexicon:
    events, posts, nouns, lemmas = _entries()
    typed = [f for f, e in {**nouns, **events, **posts}.items() if e.count_type]
    pre_q, post_q = _qualifiers()
    pre_alt = trie_regex(pre_q)
    blocked_after = _list("blocked_after.txt")
    attr = read_rows("figures/attribution.tsv")
    return Lexicon(
        events=events,
        posts=posts,
        nouns=nouns,
        lemmas=lemmas,
        trigger_re=re.compile(rf"(?<!\w)(?P<tok>{expanded_words(typed)})(?!\w)"),
        typed=frozenset(typed),
        post_re=re.compile(r"\s*" + _words(list(posts))),
        noun_re=re.compile(r"\s*" + _words(list(nouns))),
        tally_re=re.compile(_words(_list("tally.txt"))),
        tally_back_re=re.compile(_words(_list("tally_back.txt")) + r"\s*$"),
        part_of_re=re.compile(_words(_list("part_of.txt")) + r"\s*$"),
        # A unit after a number takes و/ف/ب/ل but never the article: "الآلاف لليوم الرابع"
        # counts protesters, the day is the fourth one ("5 الأيام" is not Arabic).
        blocked_after_re=re.compile(
            rf"\s*(?:[%\u066a]|(?<!\w)[{normalize('وف')}]?[{normalize('بلك')}]?"
            + rf"(?:{trie_regex([b for b in blocked_after if b not in _PERCENT])})(?!\w))"
        ),
        blocked_before=frozenset(_list("blocked_before.txt")),
        # "بنحو", "بأكثر من": the qualifier may carry the preposition ب; "ونحو", "وما يزيد
        # على": and the conjunction of a coordinated count.
        pre_qual_re=re.compile(rf"(?<!\w){normalize('و')}?{normalize('ب')}?(?P<q>{pre_alt})\s*$"),
        post_qual_re=re.compile(r"\s*" + _words(list(post_q), proclitics=False)),
        pre_qual=pre_q,
        post_qual=post_q,
        ranges=tuple((fold(o), fold(j)) for o, j in read_rows("figures/ranges.tsv")),
        attr_prep_re=re.compile(_cues([fold(f) for k, f in attr if k == "prep"])),
        attr_verb_re=re.compile(_cues([fold(f) for k, f in attr if k == "verb"])),
        attr_stop=frozenset(_list("attribution_stop.txt")),
        loc_preps=frozenset(_list("location_preps.txt")),
        place_not_here=frozenset(_list("place_not_here.txt")),
        destinations=frozenset(_list("destinations.txt")),
        launches=frozenset(_list("launches.txt")),
        one_of=frozenset(_list("one_of.txt")),
        place_anaphor_re=re.compile(
            r"\s*(?:[\w\u0600-\u06ff]+\s+){0,3}?(?:\u0641\u064a\s+|\u0628)?"
            + _words(_list("place_anaphors.txt"))
        ),
        place_holders=frozenset(_list("location_preps.txt") + _list("place_containers.txt")),
        gap_stop=frozenset(_list("gap_stop.txt")),
        governed={fold(f): fold(p) for f, p in read_rows("figures/governed_preps.tsv")},
        authority_re=re.compile(
            rf"(?<!\w)[{normalize('وف')}]?(?:{trie_regex(_list('authorities.txt'))})(?!\w)"
        ),
        counted={
            **{
                e.lemma: _COUNTED[e.count_type]
                for e in nouns.values()
                if e.role in ("actor", "head") and e.lemma and e.count_type in _COUNTED
            },
            **dict(read_rows("figures/counted_attacks.tsv")),
        },
    )


# Who an actor noun counts: a COMBATANT actor (مسلح، مهاجم) or head ("عناصر" of a group)
# is a fighter, a DEPLOY actor (جندي، شرطي، عناصر الأمن) one of the forces; counts of
# fighters, of forces and of other people are three different numbers even when one
# event killed them all.
_COUNTED = {"COMBATANT": "fighters", "DEPLOY": "forces"}


def hit_word(lex: Lexicon, m: re.Match[str]) -> tuple[int, str]:
    """(start without و/ف, the trigger form) of a ``trigger_re`` match."""
    pre, word = _split_typed(m.group("tok"))
    return m.start() + (1 if pre[:1] in _CONJ else 0), word


_CONJ = frozenset(normalize("وف"))


def governs(lex: Lexicon, trigger: str, prep: str) -> bool:
    """The event written ``trigger`` (with its clitics) governs the preposition ``prep``."""
    return lex.governed.get(_split_typed(trigger)[1]) == prep


@lru_cache(maxsize=1 << 14)
def _split_typed(token: str) -> tuple[str, str]:
    # Trigger tokens repeat across articles: cache the clitic split.
    return split_proclitic(token, lexicon().typed)


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 14)
def canon(form: str) -> str:
    """Whitespace-collapsed form, the key of the lexicon tables."""
    # Matched forms repeat across articles: cached, since this runs per noun/qualifier hit.
    return _SPACES.sub(" ", form)
