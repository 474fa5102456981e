"""What the quote stage's speaker rules share: a speech verb, a word, a sentence stop, two
reaches."""

from __future__ import annotations

import re
from dataclasses import dataclass

from akhbar.text.sentences import PLAIN_STOP
from tasks.extract.common.gazetteer import word_list

__all__ = [
    "AN_WORD",
    "BI_ISM",
    "COMMA",
    "HEAD_BEFORE_CHARS",
    "MAX_SPEAKER_WORDS",
    "NAME_MAX_WORDS",
    "OWNER_END",
    "PRONOUN_SUFFIX",
    "SENT_END",
    "SOURCE_BEFORE_WORDS",
    "SPEAKER_AFTER_GAP",
    "WORD",
    "Verb",
]

WORD = re.compile(r"[^\W\d_]+")  # letters only: no digit, no underscore
# The attached pronouns of أن/إن and of a verb's object (ه، ها، هم، هما، نا، ني), one
# group for every rule that reads "إنه", "بأنها", "لكنهم".
PRONOUN_SUFFIX = "(?:\u0647|\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627|\u0646\u0627|\u0646\u064a)"
BI_ISM = "\u0628\u0627\u0633\u0645"  # باسم: "متحدث باسم", who a spokesperson speaks for
# a stop that is no decimal point and no initial ("د.رامي الحمد الله")
SENT_END = re.compile(rf"(?:{PLAIN_STOP}|[!?])(?!\d)")
COMMA = re.compile("[\u060c,]")  # Arabic or Latin comma
# A third-person pronoun ending a word ("لقائه", "وصفتها", "خارجيتهم"). On the normalised
# text a final ه may also be a folded ة; read as written, it is always the pronoun.
OWNER_END = re.compile("(?:\u0647|\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627)$")
AN_WORD = re.compile("(?<!\\w)\u0639\u0646\\s+")  # عن, a word of its own
# A body's head noun written before its name ("جمعية «بيت»"): characters looked back.
HEAD_BEFORE_CHARS = 16
# Words kept of a name the recogniser missed, after its title ("منال الشريف").
NAME_MAX_WORDS = 3
# Words between a verb and its speaker's name ("قال المتحدث باسم الرئاسة X").
SPEAKER_AFTER_GAP = 70
# Words kept of an unnamed speaker's phrase ("مصدر أمني رفيع في وزارة الداخلية").
MAX_SPEAKER_WORDS = 6
# Words of an unnamed source opening a sentence before its verb ("مصدر سعودي مسؤول قال",
# "مسؤولون أمريكيون كبار قالوا"): a head and up to three modifiers.
SOURCE_BEFORE_WORDS = 4


@dataclass
class Verb:
    """A speech verb found in the article (``quotes/verbs.tsv``)."""

    start: int  # source offsets
    end: int
    lemma: str
    kind: str  # past | present | participle


# Words that introduce the name of the one just described ("رئيس شركة يدعى ريتشارد").
CALLED = word_list("gazetteer/called.txt")
