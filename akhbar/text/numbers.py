"""Arabic number expressions: digits and number words, read into values.

Works on *normalised* text (``NormText.norm``: Eastern-Arabic and Persian
digits are already ASCII, hamza/alef/teh-marbuta variants folded), so offsets
returned are offsets into the string searched. :func:`parse_number` accepts
raw text and normalises it first.

Word tables are data (``akhbar/data/numbers/``). One precompiled regex finds
number tokens (digit groups, number words with their proclitics, vague
quantity words, dual nouns); a small state machine joins adjacent tokens into
one value following MSA numeral syntax:

* ``و`` joins a smaller part after a larger one ("مئة وأربعة" = 104, "7 آلاف
  و939" = 7939) or a ten after a unit ("أربعة وستون" = 64); anything else
  after ``و`` ("10 و15") starts a new number, so ranges and lists stay apart;
* a scale multiplies what precedes it ("20 ألفا", "ستة آلاف", "نصف مليون");
* a unit 3-9 before مئة or عشر multiplies or adds ("ثلاث مئة", "ثلاثة عشر");
* vague words give a range ("عشرات" = TENS, "عشرات الآلاف" = TENS x 1000).

Ordinals (الثالث، السادس) are not in the tables, so they are never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from akhbar.data import read_rows
from akhbar.text.normalize import normalize
from akhbar.text.wordlist import (
    conjunctions_and_prepositions,
    expanded_words,
    fold,
    read_words,
    split_proclitic,
)

__all__ = [
    "FEW",
    "HUNDREDS",
    "MILLIONS",
    "TENS",
    "THOUSANDS",
    "NumberMatch",
    "find_numbers",
    "parse_number",
]

# Bounds of vague quantities (value, value_max). A plural of tens/hundreds/
# thousands in Arabic means "more than one such unit and fewer than the next",
# so the bounds are the span of that order of magnitude.
TENS = (10, 99)
HUNDREDS = (100, 999)
THOUSANDS = (1_000, 9_999)
MILLIONS = (1_000_000, 9_999_999)
FEW = (3, 9)  # بضع / بضعة: 3-9 in MSA grammar
_BOUNDS = {
    "TENS": TENS,
    "HUNDREDS": HUNDREDS,
    "THOUSANDS": THOUSANDS,
    "MILLIONS": MILLIONS,
    "FEW": FEW,
}
# Undivided digit runs longer than this are phone numbers, IDs or codes, not
# counts: news writes large counts with separators or scale words (1,200,000 /
# 1.2 مليون); 7 digits still admits "1500000".
MAX_PLAIN_DIGITS = 7

TEN = 10.0  # the value عشر/عشرة read alone, an ordinal's second word after its unit
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_VALUE_KINDS = frozenset({"unit", "ten", "hundred", "hundred_base", "digit"})
_SCALES = frozenset({"scale", "scale_plural", "scale_dual"})


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number expression in the searched string."""

    value: float  # an int for counts; fractions/decimals stay float
    value_max: int | None  # upper bound of a vague quantity, else None
    start: int
    end: int
    vague: bool = False
    digits_only: bool = False  # written only in digits (years, codes look like this)
    lemma: str | None = None  # the counted noun, for a dual noun ("طائرتين")

    @property
    def is_integer(self) -> bool:
        return float(self.value).is_integer()


# Not frozen: a frozen dataclass costs ~0.5 us more to build, and tokens are
# built per number word in every sentence with a trigger; nothing mutates them.
@dataclass(slots=True)
class _Tok:
    kind: str
    value: float
    start: int
    end: int
    wa: bool  # preceded by the conjunction و
    article: bool  # carries ال
    lemma: str | None = None
    outer: int = -1  # start including the conjunction (adjacency is judged from here)


@cache
def _lexicon() -> dict[str, tuple[str, float, str | None]]:
    """Normalised form -> (kind, value, lemma)."""
    lex: dict[str, tuple[str, float, str | None]] = {}
    for kind, value, form in read_rows("numbers/words.tsv"):
        lex.setdefault(fold(form), (kind, float(value), None))
    for bound, form in read_rows("numbers/vague.tsv"):
        # آلاف/ملايين are scale plurals after a number and vague alone: keep
        # the scale reading; the chain builder falls back to the bound.
        lex.setdefault(fold(form), ("vague", float(_BOUNDS[bound][0]), bound))
    for lemma, form in read_rows("numbers/duals.tsv"):
        lex.setdefault(fold(form), ("dual", 2.0, lemma))
    return lex


@cache
def _vague_bounds() -> dict[str, tuple[int, int]]:
    return {fold(f): _BOUNDS[b] for b, f in read_rows("numbers/vague.tsv")}


@cache
def _blocked() -> frozenset[str]:
    return frozenset(read_words("numbers/not_numbers.txt"))


@cache
def _chars(role: str) -> str:
    return "".join(re.escape(c) for r, c in read_rows("numbers/separators.tsv") if r == role)


@cache
def _pattern() -> re.Pattern[str]:
    word_alt = expanded_words(_lexicon())
    prep = conjunctions_and_prepositions()
    # A digit group is not a count when it is part of a date, time or code
    # (24/11/2024, 14:15, 1-2): refuse digits glued to / : or - and digits.
    return re.compile(
        rf"(?<![\w/:\-])(?:(?P<pre>[{prep}]{{0,2}})(?P<digits>{_digits()})(?![\w/:]|-\d)"
        rf"|(?P<word>{word_alt})(?!\w))"
    )


def _digits() -> str:
    group, dec = _chars("group"), _chars("decimal")
    return rf"\d+(?:[{group}]\d{{3}}(?!\d))*(?:[{dec}]\d+)?"


# Digits glued to an Arabic word are a spacing typo ("أكثر من340 ألف") or the article
# ("الـ5.5 مليون لاجئ"); "في الـ22 من عمره" is an age, not a count.
_AGE_BEFORE = "\u0641\u064a \u0627\u0644"  # في ال
_DIGIT_RUN = re.compile(r"\d+")  # a second pass: digits are rare, so scanning is cheap


@cache
def _digits_at() -> re.Pattern[str]:
    return re.compile(rf"{_digits()}(?![\w/:]|-\d)")


def _glued_ok(text: str, pos: int) -> bool:
    if pos == 0 or not "\u0621" <= text[pos - 1] <= "\u064a":
        return False  # a Latin code (A320), a date or time, or the decimals of a number
    return not text.endswith(_AGE_BEFORE, max(0, pos - len(_AGE_BEFORE)), pos)


@lru_cache(maxsize=1 << 14)
def _split(token: str) -> tuple[str, str]:
    # Tokens repeat across articles; caching the clitic split saves a loop per token.
    return split_proclitic(token, _lexicon())


@cache
def _digit_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    group, dec = _chars("group"), _chars("decimal")
    return re.compile(rf"(\d+(?:[{group}]\d{{3}})*)(?:[{dec}](\d+))?"), re.compile(f"[{group}]")


@lru_cache(maxsize=1 << 14)
def _digit_value(s: str) -> float | None:
    # Digit strings repeat across articles: the cache saves two regex calls per number.
    full, group = _digit_res()
    m = full.fullmatch(s)
    if m is None:
        return None
    whole = group.sub("", m.group(1))
    if (len(whole) > MAX_PLAIN_DIGITS and whole == m.group(1)) or (len(whole) > 1 and s[0] == "0"):
        return None  # phone numbers, IDs, zero-padded codes
    return float(f"{whole}.{m.group(2)}") if m.group(2) else float(whole)


@cache
def _clitics() -> tuple[str, str, str]:
    return normalize("و"), normalize("ال"), normalize("لل")


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    lex, blocked = _lexicon(), _blocked()
    conj, art, lil = _clitics()
    out: list[_Tok] = []
    for m in _pattern().finditer(text, start, end):
        digits = m.group("digits")
        if digits is not None:
            pre = m.group("pre") or ""
            value = _digit_value(digits)
            if value is not None:
                wa = pre.startswith(conj)
                # The conjunction belongs to the sentence, not to the number's span.
                s = m.start() + (1 if wa else 0)
                out.append(_Tok("digit", value, s, m.end(), wa, False, outer=m.start()))
            continue
        pre, word = _split(m.group("word"))
        if (pre.lstrip(conj) + word) in blocked or word not in lex:
            continue
        kind, value, lemma = lex[word]
        article = art in pre or pre.endswith(lil)
        wa = pre.startswith(conj)
        s = m.start() + (1 if wa else 0)
        out.append(_Tok(kind, value, s, m.end(), wa, article, lemma, m.start()))
    glued = [
        m
        for m in _DIGIT_RUN.finditer(text, start, end)
        if _glued_ok(text, m.start()) and not any(t.outer <= m.start() < t.end for t in out)
    ]
    for m in glued:  # "الـ5.5": the main pass read ".5" as 5; the glued run wins
        d = _digits_at().match(text, m.start(), end)
        value = _digit_value(d.group()) if d is not None else None
        if value is not None:
            out = [t for t in out if not d.start() <= t.start < d.end()]
            out.append(_Tok("digit", value, d.start(), d.end(), False, False, outer=d.start()))
    return sorted(out, key=lambda t: t.start) if glued else out


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Number expressions in normalised ``text[start:end]``, left to right."""
    end = len(text) if end is None else end
    toks = _tokens(text, start, end)
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        if toks[i].value == TEN and _after_ordinal(text, toks[i]):
            i += 1  # "في الثامنة عشرة": the ordinal eighteen, no count of ten
            continue
        j, match = _chain(text, toks, i)
        if match is not None:
            out.append(match)
        i = j
    return out


@cache
def _ordinals() -> frozenset[str]:
    return frozenset(read_words("numbers/ordinals.txt"))


def _after_ordinal(text: str, tok: _Tok) -> bool:
    """The word before ``tok`` is a definite unit ordinal ("الثامنة" before "عشرة")."""
    before = _WORD_BEFORE.search(text, max(0, tok.outer - 12), tok.outer)
    return before is not None and before.group(1) in _ordinals()


def _adjacent(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end : b.outer]
    return gap == "" or gap.isspace()


def _chain(text: str, toks: list[_Tok], i: int) -> tuple[int, NumberMatch | None]:
    t0 = toks[i]
    # "الآلاف" is vague; "الألفي جريح" is a dual (2,000) even with its article.
    if t0.kind in ("vague", "scale_plural") or (t0.kind == "scale" and t0.article):
        return _vague(text, toks, i)
    if t0.kind == "dual":
        return i + 1, NumberMatch(2, None, t0.start, t0.end, lemma=t0.lemma)
    st = _State(t0)
    j = i + 1
    while (
        j < len(toks)
        and _adjacent(text, toks[j - 1], toks[j])
        and not _next_count(text, toks, j, st)
    ):
        if not st.take(toks[j]):
            break
        j += 1
    value = st.value()
    if value is None:
        return j, None
    digits_only = all(t.kind == "digit" for t in toks[i:j])
    return j, NumberMatch(value, None, t0.start, toks[j - 1].end, digits_only=digits_only)


def _next_count(text: str, toks: list[_Tok], j: int, st: _State) -> bool:
    """ "270 ألفا و330 ألف": after و, a number with a scale as large as the one before is
    the next count (a range's other end), not a smaller part of this one."""
    t = toks[j]
    if not t.wa or t.kind == "fraction" or st.last.kind not in _SCALES or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    scales = ("scale", "scale_dual", "scale_plural")  # "بين 3 آلاف و4 آلاف"
    return nxt.kind in scales and _adjacent(text, t, nxt) and nxt.value >= st.scale


def _vague(text: str, toks: list[_Tok], i: int) -> tuple[int, NumberMatch | None]:
    t0 = toks[i]
    word = text[t0.start : t0.end]
    lo, hi = _bound_of(word)
    j = i + 1
    # "عشرات الآلاف", "مئات الآلاف": a vague count of a scale.
    if j < len(toks) and toks[j].kind == "scale_plural" and _adjacent(text, t0, toks[j]):
        scale = int(toks[j].value)
        lo, hi = lo * scale, (hi + 1) * scale - 1
        j += 1
    return j, NumberMatch(lo, hi, t0.start, toks[j - 1].end, vague=True)


def _bound_of(word: str) -> tuple[int, int]:
    bounds = _vague_bounds()
    for k in sorted(bounds, key=len, reverse=True):
        if word.endswith(k):
            return bounds[k]
    return THOUSANDS if word.endswith(normalize("ألف")) else MILLIONS


class _State:
    """Running total of one number expression (MSA numeral syntax)."""

    __slots__ = ("group", "last", "scale", "total")

    def __init__(self, t: _Tok) -> None:
        self.total, self.group, self.scale = 0.0, 0.0, 0.0
        self.last = t
        if t.kind in ("scale", "scale_dual"):
            self.total = t.value
            self.scale = t.value / (2 if t.kind == "scale_dual" else 1)
        else:
            self.group = t.value

    def value(self) -> float | None:
        if self.last.kind == "fraction" and self.total == 0:
            return None  # "نصف", "ربع" alone are shares, not counts
        return self.total + self.group

    def take(self, t: _Tok) -> bool:
        ok = self._join(t) if t.wa else self._glue(t)
        if ok:
            self.last = t
        return ok

    def _glue(self, t: _Tok) -> bool:
        """A token right after the previous one, without و."""
        last = self.last
        if t.article:
            # "مليون ونصف المليون": the idiom names the scale again after the fraction.
            return last.kind == "fraction" and t.kind == "scale" and t.value == self.scale
        if t.kind in ("scale", "scale_plural") and self.group > 0:
            if last.kind not in _VALUE_KINDS and last.kind != "fraction":
                return False
            self.total += self.group * t.value
            self.group, self.scale = 0.0, t.value
            return True
        if last.kind == "unit" and 3 <= last.value <= 9:
            if t.kind == "hundred_base" and self.group == last.value:  # ثلاث مئة
                self.group *= 100
                return True
            if t.kind == "unit" and t.value == 10:  # ثلاثة عشر, مئة وثلاثة عشر
                self.group += 10
                return True
        return False

    def _join(self, t: _Tok) -> bool:
        """A token after و: a smaller part, or a ten after a unit."""
        last = self.last
        if t.kind == "ten" and last.kind == "unit" and last.value <= 9:
            self.group += t.value
            return True
        if last.kind in _SCALES and self.group == 0:
            if t.kind == "fraction":  # مليون ونصف
                self.total += t.value * self.scale
                return True
            if t.kind in _VALUE_KINDS and t.value < self.scale:
                self.group = t.value
                return True
            if t.kind in ("scale", "scale_dual") and t.value < self.scale:  # مليون وألف
                self.total += t.value
                self.scale = t.value / (2 if t.kind == "scale_dual" else 1)
                return True
            return False
        hundreds = last.kind in ("hundred", "hundred_base") and self.group % 100 == 0
        if hundreds and t.kind in ("unit", "ten", "digit") and t.value < 100:
            self.group += t.value
            return True
        return False


def parse_number(text: str) -> float | None:
    """Value of the first number expression in raw ``text`` (lower bound if vague)."""
    found = find_numbers(normalize(text))
    return found[0].value if found else None
