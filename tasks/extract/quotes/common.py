"""What the quote stage's speaker rules share: a speech verb, a word, a sentence stop, two
reaches."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["HEAD_BEFORE_CHARS", "NAME_MAX_WORDS", "SENT_END", "WORD", "Verb"]

WORD = re.compile(r"[^\W\d_]+")  # letters only: no digit, no underscore
SENT_END = re.compile(r"[.!?](?!\d)")  # a stop that is no decimal point
# A body's head noun written before its name ("جمعية «بيت»"): characters looked back.
HEAD_BEFORE_CHARS = 16
# Words kept of a name the recogniser missed, after its title ("منال الشريف").
NAME_MAX_WORDS = 3


@dataclass
class Verb:
    """A speech verb found in the article (``quotes/verbs.tsv``)."""

    start: int  # source offsets
    end: int
    lemma: str
    kind: str  # past | present | participle
