"""How every word list becomes a matcher: one fold, one clitic model, one regex builder.

Word lists are data files (``akhbar/data/``); each stage reads them through
here, so a newcomer knows how an entry meets the text:

1. **fold** (:func:`fold`): the camel-tools chain of ``NormText.norm``
   (alef/hamza, teh marbuta, alef maksura, diacritics, tatweel, Persian
   letters), white space collapsed; ``lower=True`` for lists matched against
   lower-cased lines (boilerplate markers with Latin words). One spelling per
   word is enough.
2. **clitics** (:func:`proclitic_pattern`, :func:`expanded_words`): the
   proclitics of ``data/numbers/proclitics.tsv`` (conjunction و/ف, then
   preposition ب/ل/ك or the article ال, with ل + ال written لل) may precede
   an entry; :func:`split_proclitic` takes them off a match again.
3. **regex** (:func:`trie_regex`): all entries as one prefix tree, longest
   entry tried first. Python's ``re`` tries alternation branches one by one;
   a tree dispatches on one character per level, so a failing position costs
   one test instead of one per word (the figures trigger scan went from 0.43
   to ~0.1 ms per article).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable
from functools import cache

from akhbar.data import read_rows
from akhbar.text.normalize import normalize

__all__ = [
    "expanded_words",
    "fold",
    "proclitic_forms",
    "proclitic_pattern",
    "read_words",
    "split_proclitic",
    "trie_regex",
]


def fold(s: str, *, lower: bool = False) -> str:
    """A list entry as the text it must match: normalised, single-spaced (lower-cased)."""
    s = " ".join(normalize(s).split())
    return s.lower() if lower else s


def read_words(name: str, column: int = 0, *, lower: bool = False) -> list[str]:
    """Column ``column`` of the data file ``name``, every entry folded."""
    return [fold(row[column], lower=lower) for row in read_rows(name)]


def trie_regex(
    words: Iterable[str], space: str = r"\s+", end: Callable[[str], str] | None = None
) -> str:
    """One regex matching any of ``words``, longest first; a space in a word matches
    ``space``. ``end(word)``, when given, is a lookahead that must follow that word
    (``(?!\\w)`` for a whole word, ``""`` for a word that may be glued to the next)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = end(w) if end else ""  # end of a word, and what must follow it
    return _body(trie, space)


def _body(node: dict, space: str) -> str:
    branches = [
        (space if ch == " " else re.escape(ch)) + _body(child, space)
        for ch, child in sorted(node.items())
        if ch
    ]
    tail = node.get("")
    if tail:  # a word ends here with a condition: try the longer words first
        branches.append(tail)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if tail == "" else body


# ----- proclitics ------------------------------------------------------------------------
@cache
def _slots() -> tuple[list[str], list[str], str]:
    slots: dict[str, list[str]] = {}
    for slot, form in read_rows("numbers/proclitics.tsv"):
        slots.setdefault(slot, []).append(normalize(form))
    return slots["conj"], slots["prep"], slots["article"][0]


def proclitic_pattern() -> str:
    """Optional proclitics: conjunction, then preposition or article (ل + ال = لل)."""
    conj, prep, art = _slots()
    lam = re.escape(normalize("ل"))
    conj_c = "".join(re.escape(c) for c in conj)
    prep_c = "".join(re.escape(c) for c in prep)
    return f"[{conj_c}]?(?:[{prep_c}]?{re.escape(art)}|{lam}{lam}|[{prep_c}])?"


def conjunctions_and_prepositions() -> str:
    """The one-letter proclitics as one character class body (no article)."""
    conj, prep, _art = _slots()
    return "".join(re.escape(c) for c in conj + prep)


@cache
def proclitic_forms() -> tuple[str, ...]:
    """Every proclitic string :func:`proclitic_pattern` accepts, longest first."""
    conj, prep, art = _slots()
    lam = normalize("ل")
    mids = ["", *prep, art, *(p + art for p in prep), lam + lam]
    return tuple(sorted({c + m for c in ["", *conj] for m in mids}, key=len, reverse=True))


def expanded_words(forms: Iterable[str]) -> str:
    """Prefix-tree alternation of every proclitic + form (no backtracking over clitics).

    About 35% faster to scan than ``proclitic_pattern() + trie_regex(forms)``;
    :func:`split_proclitic` recovers the clitic from a match.
    """
    forms = list(forms)
    return trie_regex(p + f for p in proclitic_forms() for f in forms)


def split_proclitic(token: str, known: Container[str]) -> tuple[str, str]:
    """(proclitic, word) with the longest proclitic that leaves a known word."""
    token = re.sub(r"\s+", " ", token)
    for p in proclitic_forms():
        if token.startswith(p) and token[len(p) :] in known:
            return p, token[len(p) :]
    return "", token
