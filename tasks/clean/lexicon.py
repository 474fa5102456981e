"""Boilerplate word lists (``akhbar/data/boilerplate/``), normalised and compiled once.

Every list is spelled naturally in its data file; here each entry goes
through the same camel-tools normalisation as the text it is matched against
(alef/hamza, teh marbuta, alef maksura, diacritics folded) and is
case-folded, so one spelling per word is enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from akhbar.data import read_rows
from akhbar.text.normalize import normalize
from akhbar.text.wordlist import fold, read_words, trie_regex

__all__ = ["LEX", "Marker", "alternation", "norm"]

_DIR = "boilerplate/"


def norm(s: str) -> str:
    """Normalised, case-folded form used for every match."""
    return normalize(s).lower()


def alternation(words: Iterable[str]) -> str:
    """The list as one regex, longest entry first, so "اقرأ أيضا" wins over "اقرأ"."""
    return trie_regex({w for w in words if w})


@dataclass(frozen=True)
class Marker:
    kind: str
    scope: str  # line | block | tail | rest
    position: str  # start | whole | any


def _fold(entry: str) -> str:
    """A list entry as lines are matched: folded and lower-cased (Latin markers)."""
    return fold(entry, lower=True)


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return read_rows(_DIR + name)


def _col(name: str) -> list[str]:
    return read_words(_DIR + name, lower=True)


class _Lexicon:
    """All compiled lists; built once at import."""

    def __init__(self) -> None:
        self.markers: dict[str, Marker] = {}
        by_pos: dict[str, list[str]] = {"start": [], "whole": [], "any": []}
        for kind, scope, position, marker in _rows("markers.tsv"):
            key = _fold(marker)
            self.markers.setdefault(key, Marker(kind, scope, position))
            by_pos[position].append(key)
        # Boundary after a marker: end, space or punctuation (not a longer word).
        self.start_re = re.compile(rf"\W*({alternation(by_pos['start'])})(?=$|[\W\d])")
        self.whole_re = re.compile(rf"\W*({alternation(by_pos['whole'])})\W*(?:\(?\d*\)?)\W*$")
        self.any_re = re.compile(rf"({alternation(by_pos['any'])})")
        self.agency = {_fold(v): c for c, v in _rows("agencies.tsv")}
        agencies = alternation(set(self.agency))
        self.agency_re = re.compile(rf"(?<![^\W\d_])(?:{agencies})(?![^\W\d_])")
        self.agency_only_re = re.compile(rf"\W*(?:(?:{agencies})[\s+/,&و-]*)+\W*$")
        self.outlets = {" ".join(o.split()) for o in _col("outlets.txt")}
        self.sections = set(_col("sections.txt"))
        self.social = set(_col("social.txt"))
        self.title_prefix_re = re.compile(
            rf"\s*(?:{alternation(_col('title_prefixes.txt'))})\s*(?:\.{{2,}}|\u2026|[:|\-])"
        )
        self.byline_re = re.compile(
            rf"\W*({alternation(_col('bylines.tsv'))})(?=$|[\s:\-])[\s:\-]*"
        )
        caps = _rows("captions.tsv")
        credits = [_fold(m) for role, m in caps if role == "credit"] + list(self.agency)
        credit = alternation(credits)
        # "... - REUTERS", "... (رويترز)", "... (أرشيف - النهار)"
        self.caption_end_re = re.compile(
            rf"(?:(?:[-/|]\s*|\(\s*)(?:{credit})\s*\)?"
            rf"|\([^()]*(?<![^\W\d_])(?:{credit})(?![^\W\d_])[^()]*\))\W*$"
        )
        starts = [_fold(m) for role, m in caps if role == "start"]
        self.caption_start_re = re.compile(rf"\W*(?:{alternation(starts)})\s*[:,\-|]")
        self.reading_re = re.compile(alternation(_col("reading_time.txt")))
        self.zones = {_fold(p): z for p, z in _rows("zones.tsv")}
        self.date_words: dict[str, list[str]] = {}
        for role, word in _rows("dates.tsv"):
            self.date_words.setdefault(role, []).append(_fold(word))


LEX = _Lexicon()
