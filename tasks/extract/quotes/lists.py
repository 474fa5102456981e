"""The quote stage's word lists, each read once (one-column lists through the shared, cached
``word_list``) and folded the way its callers compare
(``akhbar/data/quotes/``: sources, verbs that take no object or an object, addressees,
channels, statements, relaying verbs), and the small word tests built on them."""

from __future__ import annotations

import re
from functools import cache

from akhbar.data import read_rows
from akhbar.text.wordlist import fold, read_words, trie_regex
from tasks.extract.common.gazetteer import LETTER_AFTER, LETTER_BEFORE, key, word_list
from tasks.extract.common.names import AL
from tasks.extract.common.names import words as name_words

__all__ = [
    "NISBA_ENDS",
    "NISBA_PLURAL_ENDS",
    "addressees",
    "anaphors",
    "bare",
    "came_in",
    "channels",
    "describe_verbs",
    "documents",
    "indefinite_phrase",
    "interviews",
    "is_anaphor",
    "is_source",
    "issued_by",
    "lemma_key",
    "not_names",
    "object_verbs",
    "org_heads",
    "relative",
    "relay_verbs",
    "represents",
    "said_in",
    "source_words",
    "subject_first",
    "subordinators",
    "takes_no_object",
    "unnamed_person",
]

# Feminine heads (ة folded to ه, or a plural in ات) and the feminine plural ending.
_FEMININE_ENDS = ("\u0647", "\u0627\u062a")
_FEMININE_PLURAL = "\u0627\u062a"
NISBA_ENDS = ("\u064a", "\u064a\u0647")  # ي، يه (ية folded): "تركي", "أمنية"
# and the plural nisbas: ين، ون، ات ("إسرائيليين", "أمريكيون")
NISBA_PLURAL_ENDS = (
    *NISBA_ENDS,
    "\u064a\u064a\u0646",
    "\u064a\u0648\u0646",
    "\u064a\u0627\u062a",
)


@cache
def source_words() -> frozenset[str]:
    return frozenset(bare(w) for w in read_words("quotes/sources.txt"))


def bare(word: str) -> str:
    w = word[1:] if word[:1] in "\u0648\u0641" and len(word) > 3 else word  # و ف
    return w[2:] if w.startswith("\u0627\u0644") and len(w) > 4 else w  # ال


def is_source(word: str) -> bool:
    return bare(word) in source_words()


@cache
def issued_by() -> re.Pattern[str]:
    return re.compile(rf"(?:{trie_regex(read_words('quotes/issued_by.txt'))})\s+")


@cache
def org_heads() -> frozenset[str]:
    """Organisation head nouns, folded: ``gazetteer/heads.tsv`` (kinds org_*), the head
    of the ministries' names (``gazetteer/ministries.tsv``: وزارة) and the heads of armed
    groups (``quotes/body_heads.txt``: تنظيم)."""
    heads = {key(r[0]) for r in read_rows("gazetteer/heads.tsv") if r[1].startswith("org")}
    heads |= {key(r[2]).split()[0] for r in read_rows("gazetteer/ministries.tsv")}
    heads |= {key(w) for w in read_words("quotes/body_heads.txt")}
    return frozenset(heads)


def subject_first() -> frozenset[str]:
    return word_list("quotes/subject_first.txt")


def object_verbs() -> frozenset[str]:
    return word_list("quotes/object_verbs.txt")


def takes_no_object(lemma: str) -> bool:
    return lemma_key(lemma) in subject_first()


@cache
def lemma_key(lemma: str) -> str:
    """A verb's lemma as verbs.tsv writes it ("أكد") folded like the word lists that
    name lemmas (subject_first.txt, object_verbs.txt: "اكد")."""
    return fold(lemma)


def anaphors() -> frozenset[str]:
    return word_list("quotes/anaphors.txt")


@cache
def said_in() -> re.Pattern[str]:
    """How or where words were said (``quotes/said_in.txt``): a speaker phrase ends there."""
    return re.compile(
        rf"{LETTER_BEFORE}(?:{trie_regex(read_words('quotes/said_in.txt'))}){LETTER_AFTER}"
    )


@cache
def addressees() -> frozenset[str]:
    """Words after ل that name whom words were said to (``quotes/addressees.txt``)."""
    return frozenset(key(w) for w in read_words("quotes/addressees.txt"))


@cache
def channels() -> frozenset[str]:
    """Entity ids of platforms that carry statements (``quotes/channels.txt``)."""
    return frozenset(row[0] for row in read_rows("quotes/channels.txt"))


def openers() -> frozenset[str]:
    """Discourse openers before a sentence's subject ("من جهتها،"): ``quotes/openers.txt``."""
    return word_list("quotes/openers.txt")


def represents() -> frozenset[str]:
    """Nouns that take عن for whom they represent ("ممثل عن"): ``quotes/represents.txt``."""
    return word_list("quotes/represents.txt")


def relay_verbs() -> frozenset[str]:
    return word_list("quotes/relay_verbs.txt")


def subordinators() -> frozenset[str]:
    """Words opening another clause ("في حين", "بينما"): ``figures/subordinators.txt``."""
    return word_list("figures/subordinators.txt")


def relative(word: str) -> bool:
    """A relative pronoun, with or without و ("والذي"): ``quotes/relatives.txt``."""
    w = word[1:] if word[:1] == "\u0648" and len(word) > 4 else word
    return w in word_list("quotes/relatives.txt")


def not_names() -> frozenset[str]:
    """Words that open no name after a verb or title ("تحت", "ردا"): ``quotes/not_names.txt``."""
    return word_list("quotes/not_names.txt")


def interviews() -> frozenset[str]:
    return word_list("quotes/interviews.txt")


def documents() -> frozenset[str]:
    return word_list("quotes/documents.txt")


def unnamed_person(word: str) -> bool:
    """An indefinite unnamed source that is people ("مسؤول", "مصادر", "شهود"), not a body,
    outlet or document ("صحيفة", "وكالة", "بيان"), which are whom it was said to or how."""
    forms = {word, bare(word)}  # "وزارة" is no "و" + "زارة"
    if word.startswith(AL) or not is_source(word) or forms & documents():
        return False
    return not (forms & org_heads() or forms & addressees())


def indefinite_phrase(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """An indefinite head and its indefinite adjectives ("مصدر دبلوماسي تركي"): a definite
    word right after an adjective is the verb's object ("وصف مصدر دبلوماسي تركي
    الاتهامات بأنها"), since an adjective agrees with its noun in definiteness."""
    if not words:
        return words
    if words[0].group().startswith(AL):
        return _definite_phrase(words)
    for i in range(2, len(words)):
        prev, w = words[i - 1].group(), words[i].group()
        adjective = prev.endswith(NISBA_ENDS) and prev not in name_words().stop
        if w.startswith(AL) and not prev.startswith(AL) and adjective and len(prev) > 2:
            return words[:i]  # "في", "لدي" are no adjectives
    return words


def _definite_phrase(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """ "ووصف المصدر الاتصالات بأنها": a feminine plural after a singular masculine head
    cannot be its adjective (adjectives agree): it opens the object."""
    head = words[0].group()
    if head.endswith(_FEMININE_ENDS):
        return words
    for i in range(1, len(words)):
        w = words[i].group()
        # after a definite word only: not "المتحدث باسم القوات", "المسؤول عن العمليات"
        if (
            w.startswith(AL)
            and w.endswith(_FEMININE_PLURAL)
            and words[i - 1].group().startswith(AL)
        ):
            return words[:i]
    return words


def is_anaphor(word: str) -> bool:
    """A definite source word that points back ("المتحدثة", "والبيان")."""
    w = word[1:] if word[:1] in "\u0648\u0641" else word  # و ف
    return w.startswith("\u0627\u0644") and w[2:] in anaphors()


@cache
def offices() -> re.Pattern[str]:
    """An office opening a subject phrase (``quotes/offices.txt``), with و/ف."""
    return re.compile(rf"[\u0648\u0641]?(?:{trie_regex(read_words('quotes/offices.txt'))})(?!\w)")


@cache
def came_in() -> re.Pattern[str]:
    """A sentence opening that ties it to the statement before (``quotes/came_in.txt``:
    "جاء ذلك في تغريدة ...")."""
    return re.compile(rf"(?:{trie_regex(read_words('quotes/came_in.txt'))})(?!\w)")


@cache
def masculine_places() -> frozenset[str]:
    """Country names Arabic treats as masculine, folded without ال (``masculine_places.txt``)."""
    return frozenset(w.removeprefix(AL) for w in word_list("quotes/masculine_places.txt"))


def describe_verbs() -> frozenset[str]:
    """Lemmas whose ب-complement names what their object is called (``describe_verbs.txt``)."""
    return word_list("quotes/describe_verbs.txt")
