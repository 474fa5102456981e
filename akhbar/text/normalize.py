"""Normalisation for matching, with an offset map back to the source text.

camel-tools is the reference: ``normalize_unicode`` (NFKC) -> ``arclean`` ->
``dediac_ar`` -> ``normalize_alef_ar`` -> ``normalize_alef_maksura_ar`` ->
``normalize_teh_marbuta_ar``.  Run as written that chain handles ~355
articles/s on one core, so this module compiles it once, per character, into
a ``str.translate`` table (every step is character-local) and applies it in
one C-level pass.  ``tests/test_normalize.py`` checks the table against the
real camel-tools chain on random text.

Deviations, on purpose: characters outside the Basic Multilingual Plane are
deleted (as ``arclean`` deletes them) without first trying NFKC on them
(mathematical alphanumerics such as U+1D400 would become Latin letters); and a
presentation-form ligature followed by a combining hamza (U+0653..0655) is not
recomposed across the ligature's last letter. Letter + combining hamza, the
form that does occur in scraped text, is handled (``_composing_pairs``).

The stored text is never changed: :class:`NormText` keeps the source string
and maps every normalised offset back to it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache
from unicodedata import category as _category

from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

__all__ = ["NormText", "camel_normalize", "normalize"]

# arclean leaves tatweel and the Persian letters alone in some versions; the
# design asks for both to be folded, so they are applied after the chain.
# A hashtag is read as its words ("#كابول", "#بنيامين_نتنياهو": 683 of them in 222 of the
# 2,000 ant_dev articles): "#" and "_" match as spaces, so names and places inside are found.
_EXTRA = {
    "\u0640": "",
    "\u06cc": "\u064a",
    "\u06a9": "\u0643",
    "\u06c1": "\u0647",
    "#": " ",
    "_": " ",
}


@cache
def _arclean() -> CharMapper:
    return CharMapper.builtin_mapper("arclean")


def camel_normalize(s: str) -> str:
    """The reference chain, character by character semantics of camel-tools."""
    s = _arclean()(normalize_unicode(s))
    s = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(s))))
    return "".join(_EXTRA.get(c, c) for c in s)


@cache
def _tables() -> tuple[dict[int, str], re.Pattern[str], dict[str, str]]:
    """Translate table for length-1 results, a regex for everything else, and
    the images of the two-character sequences NFKC composes (alef + hamza ...)."""
    kept = set(_arclean()._charmap)  # arclean deletes every character it does not list
    table: dict[int, str] = {}
    special: list[str] = []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if c not in kept and normalize_unicode(c) == c:
            continue  # deleted: matched by the negated class below
        out = camel_normalize(c)
        if len(out) == 1:
            if out != c:
                table[cp] = out
        else:
            table[cp] = out
            special.append(c)
    kept_class = "".join(re.escape(chr(cp)) for cp in sorted(ord(c) for c in kept) if cp < 0x10000)
    # A character that vanishes, or one whose image is not one char; composing
    # pairs first, since their second half alone would vanish.
    pairs = _composing_pairs()
    alts = [re.escape(p) for p in sorted(pairs)]
    alts.append(f"[^{kept_class}]")
    if special:
        alts.append("[" + "".join(re.escape(c) for c in special) + "]")
    # Characters NFKC maps into the kept set are "not kept" yet survive: the
    # pattern finds them, and the table says what they become.
    return table, re.compile("|".join(alts)), pairs


@cache
def _dense() -> list[int | str]:
    """The translate table as a list over the BMP (identity where it maps nothing).

    ``str.translate`` with a dict raises and swallows a KeyError for every
    character the dict lacks (most Arabic letters); a total list avoids that
    and halves the translate time. Characters above the BMP fall outside the
    list (IndexError is a LookupError), so they stay unchanged, as with the dict.
    """
    dense: list[int | str] = list(range(0x10000))
    for cp, image in _tables()[0].items():
        dense[cp] = image
    return dense


def _composing_pairs() -> dict[str, str]:
    """Arabic letter + combining madda/hamza that NFKC turns into one letter.

    The only place where camel-tools' chain is not character by character.
    """
    marks = "\u0653\u0654\u0655"
    out: dict[str, str] = {}
    for cp in range(0x0620, 0x06D4):
        for mark in marks:
            pair = chr(cp) + mark
            if len(unicodedata.normalize("NFKC", pair)) == 1:
                out[pair] = camel_normalize(pair)
    return out


def normalize(s: str) -> str:
    """Normalised copy of ``s`` (no offset map)."""
    pattern = _tables()[1]
    if pattern.search(s) is None:
        return s.translate(_dense())
    return NormText(s).norm


class NormText:
    """A source text and its normalised copy, with offsets mapped back.

    ``norm`` is what matchers search; :meth:`span` turns a ``(start, end)`` in
    ``norm`` into the ``(start, end)`` of the same characters in ``text``.
    """

    __slots__ = ("_bp_norm", "_bp_orig", "_run_len", "norm", "text")

    def __init__(self, text: str) -> None:
        table, pattern, pairs = _tables()
        dense = _dense()
        self.text = text
        parts: list[str] = []
        bp_norm, bp_orig, run_len = [0], [0], []
        n = o = 0
        for m in pattern.finditer(text):
            p = m.start()
            parts.append(text[o:p].translate(dense))
            n += p - o
            run_len.append(p - o)
            seq = m.group()
            image = pairs[seq] if len(seq) == 2 else table.get(ord(seq), "")
            parts.append(image)
            n += len(image)
            o = m.end()
            bp_norm.append(n)
            bp_orig.append(o)
        parts.append(text[o:].translate(dense))
        run_len.append(len(text) - o)
        self.norm = "".join(parts)
        self._bp_norm, self._bp_orig, self._run_len = bp_norm, bp_orig, run_len

    def to_orig(self, n: int) -> int:
        """Source index of the character at normalised index ``n`` (its start)."""
        if n >= len(self.norm):
            return len(self.text)
        bp_norm = self._bp_norm
        if len(bp_norm) == 1:  # nothing deleted or expanded: the offsets are the same
            return n
        i = bisect_right(bp_norm, n) - 1
        # Several breakpoints can share one norm index (runs of deletions);
        # the last one is the run that really holds ``n``.
        d = n - bp_norm[i]
        if d < self._run_len[i]:
            return self._bp_orig[i] + d
        return self._bp_orig[i] + self._run_len[i]  # inside a 1->many image

    def to_norm(self, o: int) -> int:
        """First normalised index whose source index (:meth:`to_orig`) is at or after ``o``."""
        if o <= 0:
            return 0
        if o >= len(self.text):
            return len(self.norm)
        bp_orig = self._bp_orig
        if len(bp_orig) == 1:
            return o
        i = bisect_right(bp_orig, o) - 1
        d = o - bp_orig[i]
        if d < self._run_len[i]:
            return self._bp_norm[i] + d
        if d == self._run_len[i]:  # the start of a replaced sequence: its image starts here
            return self._bp_norm[i] + d
        return self._bp_norm[i + 1]  # inside a replaced sequence: the next character

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of ``norm[start:end]``; trailing marks stay with their letter."""
        s = self.to_orig(start)
        if end <= start:
            return s, s
        e = self.to_orig(end - 1) + 1
        # Include diacritics and tatweel that were deleted right after the last letter.
        text = self.text
        while e < len(text) and (text[e] == "\u0640" or _category(text[e]) == "Mn"):
            e += 1
        return s, e
