"""What kind of incident a count is about, from its sentence's words (``incidents/kinds.tsv``)."""

from __future__ import annotations

import re
from functools import cache

from akhbar.data import read_rows
from akhbar.text.normalize import normalize
from akhbar.text.wordlist import fold, proclitic_pattern, trie_regex

__all__ = ["KINDS", "compatible", "kind_of"]

KINDS = (
    "attack",
    "strike",
    "clash",
    "protest",
    "disaster",
    "security_operation",
    "arrest_campaign",
    "other",
)
# Kinds one outlet may call what another calls differently: an air strike is an attack,
# clashes during an operation are the operation, shots fired at a protest the protest.
_NEAR = {
    frozenset({"attack", "strike"}),
    frozenset({"attack", "clash"}),
    frozenset({"clash", "security_operation"}),
    frozenset({"strike", "clash"}),
    frozenset({"security_operation", "arrest_campaign"}),
    frozenset({"protest", "arrest_campaign"}),
    # protesters shot at or clashing with forces: the protest is the incident
    frozenset({"protest", "attack"}),
    frozenset({"protest", "clash"}),
}


@cache
def _table() -> tuple[list[tuple[str, re.Pattern[str]]], dict[str, str]]:
    cues: list[tuple[str, re.Pattern[str]]] = []
    defaults: dict[str, str] = {}
    pre = proclitic_pattern()
    for kind, words in read_rows("incidents/kinds.tsv"):
        if kind == "-":
            defaults.update(pair.split(":") for pair in words.split("|"))
            continue
        alt = trie_regex([fold(w) for w in words.split("|")])
        cues.append((kind, re.compile(rf"(?<!\w)(?:{pre})(?:{alt})(?!\w)")))
    return cues, defaults


def kind_of(count_type: str, sentence: str) -> str:
    """The incident kind of a count of ``count_type`` stated in ``sentence`` (raw text)."""
    cues, defaults = _table()
    norm = normalize(sentence)
    for kind, pattern in cues:
        if pattern.search(norm):
            return kind
    return defaults.get(count_type, "other")


def compatible(a: str, b: str) -> bool:
    """Two kinds that may name one incident."""
    return a == b or "other" in (a, b) or frozenset({a, b}) in _NEAR
