"""Spelling variants of known people: "قاسم جومرت توكاييف" is "قاسم جومارت توكاييف".

A discovered name is compared with every gazetteer person of as many words
whose first or last word starts with the same letter (a variant keeps one of
them). difflib's exact ratio is slow, so the candidates of one index key are
held as arrays (lengths, word lengths, letter counts) and ruled out together
by difflib's own upper bounds (length ratio, then ``quick_ratio``); only the
few left are compared exactly, in the same order as a plain loop would, so the
answer is the same. Cold (a name not seen before in the process) this is about
30x faster than the loop: unseen names are what real news is full of.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache

import numpy as np

from tasks.extract.common.gazetteer import Entry, lexicon
from tasks.extract.common.names import words

__all__ = ["FUZZY_MIN", "FUZZY_TOKEN_MIN", "fuzzy_person", "variant_words"]

# Spelling variants of a known person ("أيبيك ساميايروف" ~ "أيبيك سمادياروف" is
# 0.87, "قاسم جومرت توكاييف" ~ "قاسم جومارت توكاييف" 0.97), while different people
# sharing a first name stay below ("محمد بن سلمان" ~ "محمد بن زايد" 0.72).
FUZZY_MIN = 0.84
# And each word must still resemble its counterpart ("سلمان" vs "زايد" is 0.2).
FUZZY_TOKEN_MIN = 0.6
# A word that differs must be a spelling of the same sounds: the same skeleton (below), or
# a long word nearly the same ("غوتيريز" ~ "غوتيريش" 0.86, "تيرلسون" ~ "تيلرسون" 0.86).
# Ratios alone let different people through: over the 2,000 ant_dev articles about one
# fuzzy match in four was another person ("محمد المومني" ~ "محمد المنفي" 0.77, "جون كيربي"
# ~ "جون كيري" 0.89, "احمد الطيبي" ~ "أحمد الطيب", "محمد العويس" ~ "محمد العيسى").
VARIANT_WORD_MIN = 0.85
# Shorter words differ by a letter between people: below 4 letters a word must be the
# same ("عمر"/"عمار"), below 5 the same skeleton ("بوتن"/"بوتين", not "كيري"/"كيربي").
VARIANT_SHORT_LETTERS = 4
VARIANT_WORD_LETTERS = 5
# Long transliterated surnames (a name's last word) are spelt most freely, and two people
# with one given name and surnames this long and this alike are rare ("ساميايروف" ~
# "سمادياروف" 0.78, the seeds' misspelling of Aibek Smadiyarov).
VARIANT_LONG_LETTERS = 8
VARIANT_LONG_MIN = 0.75

# Letters transliterations swap for one sound: ج/غ (g: "لاجارد"/"لاغارد"), ت/ط, س/ص, ز/ذ.
_SAME_SOUND = str.maketrans(
    {"\u063a": "\u062c", "\u0637": "\u062a", "\u0635": "\u0633", "\u0630": "\u0632"}
)
_LONG_VOWELS = frozenset("\u0627\u0648\u064a\u0621")  # ا و ي ء: written or not
_YA = "\u064a"
_YA_H = "\u064a\u0647"  # a final "يه" is "ي" ("مانيه"/"ماني", "باشليه"/"باشلي")


@dataclass(frozen=True)
class Group:
    """The known forms under one (word count, word position, initial) key, in order."""

    forms: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    entries: tuple[Entry, ...]
    lengths: np.ndarray  # (K,) characters of each form
    word_lengths: np.ndarray  # (K, n) characters of each word
    letters: np.ndarray  # (K, A) count of each alphabet letter


@dataclass(frozen=True)
class PersonIndex:
    alphabet: dict[str, int]  # every character of a known form -> column of ``letters``
    groups: dict[tuple[int, int, str], Group]


@cache
def person_index() -> PersonIndex:
    """Known multi-word person forms by (word count, word position, that word's initial)."""
    lex = lexicon()
    forms = [(f, e) for f, (e, _el) in lex.forms.items() if e.kind == "PERSON" and " " in f]
    alphabet = {c: i for i, c in enumerate(sorted({c for f, _ in forms for c in f}))}
    keyed: dict[tuple[int, int, str], list[tuple[str, Entry]]] = {}
    for form, entry in forms:
        toks = form.split()
        for i in (0, len(toks) - 1):
            keyed.setdefault((len(toks), i, toks[i][0]), []).append((form, entry))
    return PersonIndex(alphabet, {k: _group(v, alphabet) for k, v in keyed.items()})


def _group(items: list[tuple[str, Entry]], alphabet: dict[str, int]) -> Group:
    letters = np.zeros((len(items), len(alphabet)), dtype=np.int64)
    for row, (form, _e) in enumerate(items):
        for c in form:
            letters[row, alphabet[c]] += 1
    words = tuple(tuple(f.split()) for f, _ in items)
    return Group(
        forms=tuple(f for f, _ in items),
        words=words,
        entries=tuple(e for _, e in items),
        lengths=np.array([len(f) for f, _ in items], dtype=np.int64),
        word_lengths=np.array([[len(w) for w in ws] for ws in words], dtype=np.int64),
        letters=letters,
    )


def _similar_lengths(a: np.ndarray | int, b: np.ndarray, floor: float) -> np.ndarray:
    """difflib's length bound of the ratio, 2 * min / sum, against ``floor``."""
    return 2 * np.minimum(a, b) >= floor * (a + b)


def _possible(name: str, toks: list[str], group: Group, index: PersonIndex) -> np.ndarray:
    """Rows of ``group`` that difflib's upper bounds do not rule out, in order."""
    size = len(name)
    keep = _similar_lengths(size, group.lengths, FUZZY_MIN)
    own_words = np.array([len(t) for t in toks], dtype=np.int64)
    keep &= _similar_lengths(own_words[None, :], group.word_lengths, FUZZY_TOKEN_MIN).all(axis=1)
    if not keep.any():
        return np.flatnonzero(keep)
    mine = np.zeros(len(index.alphabet), dtype=np.int64)
    for c in name:
        col = index.alphabet.get(c)
        if col is not None:  # a letter no known form has shares nothing
            mine[col] += 1
    shared = np.minimum(group.letters, mine[None, :]).sum(axis=1)  # quick_ratio, unbuilt
    keep &= 2 * shared >= FUZZY_MIN * (size + group.lengths)
    return np.flatnonzero(keep)


def skeleton(word: str) -> str:
    """A folded word's consonants, one letter per sound class, with long vowels dropped
    except a final ي (a nisba: "الطيبي" is not "الطيب"); ة stays ("عبيدة" is not "عبد")."""
    w = word.translate(_SAME_SOUND)
    w = w[:-1] if w.endswith(_YA_H) else w
    tail = _YA if w.endswith(_YA) else ""
    body = w[:-1] if tail else w
    return "".join(c for c in body if c not in _LONG_VOWELS) + tail


def variant_words(a: str, b: str, last: bool = False) -> bool:
    """Two folded words that can be one name spelled two ways; ``last``: the name's last
    word (a surname, where the long-word rule applies). Arabic given names that differ
    only in long vowels are different names ("محمد" / "محمود", "احمد" / "حامد"), so two
    given names must be the same word."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    given = words().given
    if shortest < VARIANT_SHORT_LETTERS or (a in given and b in given):
        return False
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb:
        return True
    if shortest < VARIANT_WORD_LETTERS:
        return False
    ratio = SequenceMatcher(None, a, b).ratio()
    if last and shortest >= VARIANT_LONG_LETTERS:
        return ratio >= VARIANT_LONG_MIN
    # a letter swapped, not one added ("الطيبي" is not "الطيب")
    return len(sa) == len(sb) and ratio >= VARIANT_WORD_MIN


def _matches(name: str, toks: list[str], form: str, words: tuple[str, ...]) -> bool:
    if SequenceMatcher(None, name, form).ratio() < FUZZY_MIN:
        return False
    pairs = list(zip(toks, words, strict=True))
    # the ratio bound keeps the array prefilter (``_possible``) exact
    if any(SequenceMatcher(None, a, b).ratio() < FUZZY_TOKEN_MIN for a, b in pairs):
        return False
    return all(variant_words(a, b, k == len(pairs) - 1) for k, (a, b) in enumerate(pairs))


@lru_cache(maxsize=4096)
def fuzzy_person(name: str) -> Entry | None:
    """A gazetteer person this name is a spelling variant of, if any: the first known
    form (first-word group, then last-word group) whose ratio passes both thresholds."""
    index, toks = person_index(), name.split()
    n = len(toks)
    if not n:
        return None
    tried: set[str] = set()
    for i in dict.fromkeys((0, n - 1)):
        group = index.groups.get((n, i, toks[i][0]))
        if group is None:
            continue
        for row in _possible(name, toks, group, index).tolist():
            form = group.forms[row]
            if form in tried:
                continue
            tried.add(form)
            if _matches(name, toks, form, group.words[row]):
                return group.entries[row]
    return None
