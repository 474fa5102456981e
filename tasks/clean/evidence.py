"""Positive evidence that a line is running text, and what a glued ticker looks like.

Boilerplate rules of shape alone (a long unpunctuated line, a line repeated,
a short label above the headline) never take a line that reads as prose:
sentence-final punctuation, quotation marks, a verb of saying or clause
connectives are things page furniture does not have. A line of headlines
glued together is recognised by what a ticker is: several short headline-like
units between separators, none of them a sentence, on topics the rest of the
article does not share.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from akhbar.text.normalize import normalize
from akhbar.text.wordlist import read_words, trie_regex

__all__ = ["glued_headlines", "reads_as_prose"]

# A sentence end or a speech verb counts as evidence only on a line of at least this
# many words: "كتب: محمد علي." is a byline with a stray full stop, a five-word line
# ending in a full stop is a sentence.
EVIDENCE_MIN_WORDS = 5
# Two clause connectives (الذي، أن، حيث، مشيرا ...) on one line: headlines and link
# titles rarely hold one; 2 keeps "X يؤكد أن ..." headlines out of prose.
MIN_CONNECTIVES = 2
# A glued ticker holds at least this many headlines (seed 003's has ~20; read-also
# rows with separators hold 3-6 and are caught by their marker).
TICKER_MIN_UNITS = 4
# Headlines are 4-15 words (seeds, fixtures and the 2,000 real titles of ant_dev:
# median 9, longest 21); units outside the range are allowed for this share.
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 4, 15
TICKER_MIN_HEADLINE_SHARE = 0.8
# A ticker is about other stories: at most this share of its content words may occur
# elsewhere in the article (a story summarised in fragments shares most of its words).
TICKER_MAX_SHARED_WORDS = 0.3
# Content words: at least this many letters once folded (drops في، من، على ...).
CONTENT_WORD_MIN_CHARS = 4

_SENT_END = ".!?\u061f\u2026"
_QUESTION_OR_EXCLAMATION = "!?\u061f"
_CLOSERS = " \"'\u201d\u201c\u00bb\u00ab)]\u200f"
# A quotation of three words or more ("قال إن «الوضع خطير جدا»"); a quoted name
# ("المصدر: \"النهار\"") is no evidence.
_QUOTED = re.compile(
    '[\u00ab\u201c\u201e"](?=\\S)([^\u00ab\u00bb\u201c\u201d"\\n]{1,400}?)(?<=\\S)[\u00bb\u201d"]'
)
QUOTATION_MIN_WORDS = 3
# Between glued headlines: a bar, a bullet, a dash between spaces, or a clock time
# ("10:45") that tickers print before each item. Not ".." or "…": Arabic columnists
# use them as pauses inside sentences (a real sports column in ant_dev was cut as a
# ticker on them); a ticker glued on dots is caught by its marker ("آخر الأخبار").
_UNIT_SEP = re.compile(
    r"\s*(?:[|\u2022\u00b7\u25cf\u25aa]|\s[-\u2013\u2014]\s|\b\d{1,2}:\d{2}\b)\s*"
)
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _matchers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Speech verbs (the quotes stage's list, with و/ف) and clause connectives."""
    verbs = read_words("quotes/verbs.tsv")
    words = read_words("boilerplate/prose_connectives.txt")
    verb_re = re.compile(rf"(?<!\w)[\u0648\u0641]?(?:{trie_regex(verbs)})(?!\w)")
    conn_re = re.compile(rf"(?<!\w)(?:{trie_regex(words)})(?!\w)")
    return verb_re, conn_re


def _ends_sentence(raw: str) -> str:
    end = raw.rstrip(_CLOSERS)[-1:]
    return "" if raw.rstrip(_CLOSERS).endswith("..") else end if end in _SENT_END else ""


def reads_as_prose(raw: str, words: int | None = None, *, verbs: bool = True) -> bool:
    """True when the line shows what running text has and page furniture lacks.

    ``verbs=False`` leaves speech verbs out, for bylines, whose marker is one ("كتب").
    """
    words = len(raw.split()) if words is None else words
    end = _ends_sentence(raw)
    if end and (end in _QUESTION_OR_EXCLAMATION or words >= EVIDENCE_MIN_WORDS):
        return True
    if any(q.count(" ") >= QUOTATION_MIN_WORDS - 1 for q in _QUOTED.findall(raw)):
        return True
    n = normalize(raw)
    verb_re, conn_re = _matchers()
    if verbs and words >= EVIDENCE_MIN_WORDS and verb_re.search(n):
        return True
    return len(conn_re.findall(n)) >= MIN_CONNECTIVES


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(normalize(text)) if len(w) >= CONTENT_WORD_MIN_CHARS}


def glued_headlines(raw: str, rest_of_article: Callable[[], str]) -> bool:
    """Several headline-like units glued on one line, about other stories.

    ``rest_of_article()`` is the article's other text (asked for only when the
    units look like headlines): without it (a one-line article) nothing shows the
    units are about other stories, so the line stays.
    """
    units = [u for u in _UNIT_SEP.split(raw) if _WORD.search(u)]
    if len(units) < TICKER_MIN_UNITS or reads_as_prose(raw):
        return False
    sizes = [len(u.split()) for u in units]
    headline_like = sum(HEADLINE_MIN_WORDS <= s <= HEADLINE_MAX_WORDS for s in sizes)
    if headline_like < TICKER_MIN_HEADLINE_SHARE * len(units):
        return False
    if any(reads_as_prose(u, s) for u, s in zip(units, sizes, strict=True)):
        return False
    mine, rest = _content_words(raw), rest_of_article()
    if not mine or not rest.strip():
        return False
    shared = len(mine & _content_words(rest)) / len(mine)
    return shared <= TICKER_MAX_SHARED_WORDS
