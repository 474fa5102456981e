"""Features of the name tagger: one definition for training and for tagging.

Tokens are the tagger's unit: runs of letters and digits, or one punctuation
mark, of the normalised text (clitics stay attached, as in ANERcorp:
"ولبنان"). Two kinds of features:

- **type features** depend only on a token's folded form (the word, its stem
  without proclitics, prefixes and suffixes, shape, and which of akhbar's word
  lists hold it: given names, titles, organisation and place heads, nisbas,
  gazetteer words by kind, stop words). They are named with the offset of the
  token they describe (``0:w=...``, ``-1:w=...``), so the tagger can sum cached
  per-type weight vectors instead of building strings per token.
- **context features** come from akhbar's rules over the whole text: the
  gazetteer scan and the rule-based recogniser's mentions (``r=B-PER``,
  ``g=I-LOC``, ``title``), given per token. They are what "the gazetteers and
  rules as features" means: the model learns when to trust each rule.
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from akhbar.data import DATA_DIR
from akhbar.text.wordlist import fold, read_words
from tasks.extract.common.gazetteer import lexicon
from tasks.extract.common.names import words
from tasks.extract.common.scan import Scan

__all__ = [
    "LABELS",
    "OFFSETS",
    "TOKEN_RE",
    "Token",
    "bare",
    "context_features",
    "stem",
    "tokenize",
    "type_features",
]

# IO labels: a token is in a person, place or organisation name, or not ("O" first).
# IO rather than BIO: two names of one kind side by side with nothing between them are
# rare in news (a comma or و separates them), and four labels decode faster than seven.
LABELS = ("O", "PER", "LOC", "ORG")
# Offsets whose type features describe a token: the word itself and two on each side.
OFFSETS = (-2, -1, 0, 1, 2)
# Affix lengths read as features (Arabic morphology: ال، و، ي..ون، ية، ات; the last
# letters of transliterated names: ـو، ـز، ـف).
AFFIXES = (1, 2, 3, 4)
# Word lengths told apart (letters, without clitics and article): particles, roots, long
# (transliterated names run long).
SHORT_WORD, LONG_WORD = 3, 7

TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]")
_CONJ = "\u0648\u0641"  # و ف
_PREP = "\u0628\u0643\u0644"  # ب ك ل
_ARTICLE = re.compile("^(?:[\u0628\u0643\u0644]?\u0627\u0644|\u0644\u0644)")  # ال، بال، لل ...
# A clitic is taken off only when this much is left ("وليد" keeps its و in "st=", but
# the model also sees the whole word).
_MIN_STEM = 3
_KIND = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}


class Token(NamedTuple):
    start: int  # offsets in the tokenised (normalised) string
    end: int
    form: str  # folded form: the key of type features


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``norm[start:end]`` (already normalised: folding is a no-op but for case)."""
    stop = len(norm) if end is None else end
    return [
        Token(m.start(), m.end(), m.group().lower()) for m in TOKEN_RE.finditer(norm, start, stop)
    ]


def stem(form: str) -> str:
    """The word without a conjunction و/ف, when enough is left ("ولبنان" -> "لبنان")."""
    if form[:1] and form[0] in _CONJ and len(form) - 1 >= _MIN_STEM:
        return form[1:]
    return form


def bare(form: str) -> str:
    """The stem without its article or preposition + article ("بالقاهرة" -> "قاهرة")."""
    s = stem(form)
    m = _ARTICLE.match(s)
    return s[m.end() :] if m and len(s) - m.end() >= _MIN_STEM else s


def _candidates(form: str) -> set[str]:
    """Forms a word list may hold this token as: itself, without و/ف, without a
    preposition ب/ك/ل, with ال restored after لل ("للجيش" -> "الجيش")."""
    s = stem(form)
    out = {form, s}
    if s[:1] and s[0] in _PREP and len(s) - 1 >= _MIN_STEM:
        out.add(s[1:])
        if s.startswith("\u0644\u0644"):
            out.add("\u0627" + s[1:])
    return out


@dataclass(frozen=True)
class _Lists:
    lists: dict[str, frozenset[str]]  # list name -> folded words
    names: tuple[str, ...]  # "l=" + list name, in the lists' order
    member: dict[str, tuple[int, ...]]  # folded word -> positions of the lists holding it


@cache
def _lists() -> _Lists:
    wd, lex = words(), lexicon()
    gaz: dict[str, set[str]] = {"PER": set(), "LOC": set(), "ORG": set()}
    first: dict[str, set[str]] = {"PER": set(), "LOC": set(), "ORG": set()}
    for form, (entry, _elided) in lex.forms.items():
        toks = form.split()
        kind = _KIND[entry.kind]
        gaz[kind].update(toks)
        first[kind].add(toks[0])
    heads = read_words("gazetteer/heads.tsv")
    lists = {
        "given": wd.given,
        "title": wd.titles,
        "titlemod": wd.heads,
        "stop": wd.stop,
        "link": wd.links,
        "head": frozenset(heads),
        "nisba": frozenset(lex.nisba),
        "verb": frozenset(read_words("quotes/verbs.tsv")),
        **{f"gaz{k}": frozenset(v) for k, v in gaz.items()},
        **{f"gaz1{k}": frozenset(v) for k, v in first.items()},
    }
    member: dict[str, list[int]] = {}
    for i, ws in enumerate(lists.values()):
        for w in ws:
            member.setdefault(w, []).append(i)
    names = tuple(f"l={name}" for name in lists)
    return _Lists(lists, names, {w: tuple(v) for w, v in member.items()})


@cache
def clusters() -> dict[str, tuple[str, ...]]:
    """Bare word -> its distributional clusters as features (``c0=17``, ``c1=301``; from
    ``scripts/build_clusters.py``): words used like the training names get their weight
    even when the tagger never saw them."""
    path = DATA_DIR / "models" / "clusters.tsv.gz"
    out: dict[str, tuple[str, ...]] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *ids = line.split("\t")
            out[word] = tuple(f"c{i}={c}" for i, c in enumerate(ids))
    return out


def _length(word: str) -> str:
    n = len(word)
    return "short" if n <= SHORT_WORD else "long" if n >= LONG_WORD else "mid"


def _shape(form: str) -> str:
    if form.isdigit():
        return "digit"
    if not any(c.isalnum() for c in form):
        return "punct"
    if form.isascii():
        return "latin"
    return "ar"


def feature_bases(form: str, common: frozenset[str] = frozenset()) -> tuple[list[str], ...]:
    """A token's type features without their offset, as seen from offset 0, from +-1 and
    from +-2 (``near`` and ``far`` are subsets of ``own``: what a neighbour tells)."""
    s, b = stem(form), bare(form)
    shape = f"sh={_shape(form)}"
    own = [f"w={form}", f"st={s}", f"bare={b}", shape, f"len={_length(b)}"]
    rare = bool(common) and form not in common and b not in common
    if rare:
        own.append("rare")
    own += [f"p{n}={form[:n]}" for n in AFFIXES if len(form) > n]
    own += [f"s{n}={form[-n:]}" for n in AFFIXES if len(form) > n]
    if b != s:
        own.append("definite")
    hits = list_hits(_candidates(form))
    own += hits
    groups = clusters().get(b)
    if groups is not None:
        own += groups
        hits = [*hits, *groups]
    near = [f"w={form}", f"bare={b}", *hits, shape]
    if rare:
        near.append("rare")
    far = [f"bare={b}", *hits]
    return own, near, far


def type_features(form: str, common: frozenset[str] = frozenset()) -> dict[int, list[str]]:
    """Type features of one folded token, per offset it is seen from (see ``OFFSETS``).

    ``common``: the words seen at least twice in the training text; any other word is
    ``rare``, which names mostly are (unseen words at run time are rare too).
    """
    own, near, far = feature_bases(form, common)
    out: dict[int, list[str]] = {}
    for k in OFFSETS:
        base = own if k == 0 else near if abs(k) == 1 else far
        out[k] = [f"{k}:{f}" for f in base]
    return out


def list_hits(cands: Iterable[str]) -> list[str]:
    """``l=NAME`` of every word list holding one of the forms, in the lists' order."""
    lists = _lists()
    found: set[int] = set()
    for c in cands:
        found.update(lists.member.get(c, ()))
    return [lists.names[i] for i in sorted(found)]


def _covering(
    starts: list[int], ends: list[int], spans: Iterable[tuple[int, int, str]]
) -> dict[int, str]:
    """token index -> "B-X" / "I-X" for character spans over the tokens."""
    out: dict[int, str] = {}
    for s, e, kind in spans:
        first = True
        for k in range(max(0, bisect_right(starts, s) - 1), bisect_left(starts, e)):
            if ends[k] <= s or starts[k] >= e:
                continue
            out.setdefault(k, ("B-" if first else "I-") + kind)
            first = False
    return out


def context_features(
    starts: list[int],
    ends: list[int],
    scan: Scan,
    rule_hits: Iterable[tuple[int, int, str, str]],
) -> dict[int, list[str]]:
    """Features from akhbar's rules, for the tokens they touch (token index -> names): the
    gazetteer scan (``g=``), the rule recogniser's mentions (``r=`` and ``rm=`` its
    method), and a title just before (``after_title``). ``starts``/``ends``: the tokens'
    offsets, sorted."""
    rules = list(rule_hits)
    out: dict[int, list[str]] = {}
    for k, tag in _covering(
        starts, ends, ((ns, ne, _KIND[e.kind]) for _t, ns, ne, e in scan.gaz)
    ).items():
        out.setdefault(k, []).append(f"g={tag}")
    ruled = _covering(starts, ends, ((s, e, _KIND[k]) for s, e, k, _m in rules))
    method = _covering(starts, ends, ((s, e, m) for s, e, _k, m in rules))
    for k, tag in ruled.items():
        out.setdefault(k, []).extend((f"r={tag}", f"rm={method[k][2:]}"))
    for end in scan.titles:  # the token right after a title phrase
        k = bisect_left(starts, end)
        if k < len(starts) and k and ends[k - 1] == end:
            out.setdefault(k, []).append("after_title")
    return out


def normalised_form(token: str) -> str:
    """A training token as the tagger sees it at run time (folded, lower-case)."""
    return fold(token).lower()
