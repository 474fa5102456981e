"""Grammatical gender of a speech verb and of a speaker phrase, so that a verb with no
subject ("وأضافت أن") continues a speaker it agrees with.

A verb is feminine by its form: past "قالت" (a ت the lemma has not), present "تقول", the
participle "مضيفة". A speaker is feminine when its first word ends in ة ("وكالة الأنباء",
"الحكومة", "مسؤولة"), masculine when its first word is a masculine head
(``quotes/masculine_heads.txt``: "مصدر أمني", "الجيش"), else unknown; a person's name
is always unknown (no list of given names by gender is kept).
"""

from __future__ import annotations

import re

from akhbar.text.normalize import normalize
from tasks.extract.common.gazetteer import word_list

__all__ = ["agree", "speaker_gender", "verb_gender"]

_WORD = re.compile(r"[^\W\d_]+")
_TA_MARBUTA = "\u0629"
_TA = "\u062a"
_YA = "\u064a"
_AL = "\u0627\u0644"


def _masculine() -> frozenset[str]:
    return word_list("quotes/masculine_heads.txt")


def _without_conjunction(form: str, lemma: str) -> str:
    return form[1:] if form[:1] in "\u0648\u0641" and not lemma.startswith(form[:1]) else form


def verb_gender(form: str, lemma: str, kind: str) -> str | None:
    """'f', 'm' or None for a speech verb as written ("وأضافت", lemma "أضاف", past)."""
    form = _without_conjunction(form.strip(), lemma)
    if not form:
        return None
    if kind == "past":
        return "f" if form.endswith(_TA) and not lemma.endswith(_TA) else "m"
    if kind == "present":
        return {_TA: "f", _YA: "m"}.get(form[0])
    if kind == "participle":
        return "f" if form.endswith(_TA_MARBUTA) else "m"
    return None


def speaker_gender(text: str | None, is_person: bool) -> str | None:
    """'f', 'm' or None for a speaker as written (or a body's name)."""
    if is_person or not text:
        return None
    first = _WORD.search(text)
    if first is None:
        return None
    word = first.group()
    if word.endswith(_TA_MARBUTA):
        return "f"
    bare = normalize(word)
    bare = bare[1:] if bare[:1] in "\u0648\u0641" and len(bare) > 3 else bare
    bare = bare.removeprefix(_AL) if len(bare) > 4 else bare
    return "m" if bare in _masculine() or normalize(word) in _masculine() else None


def agree(verb: str | None, speaker: str | None) -> bool:
    """Whether a verb of this gender can continue this speaker. Only a feminine verb
    rules out: a masculine one ("وأضاف") often continues a feminine body through a
    masculine word left out ("ذكرت الوكالة ... وأضاف [بيانها]"). Unknown agrees."""
    return not (verb == "f" and speaker == "m")
