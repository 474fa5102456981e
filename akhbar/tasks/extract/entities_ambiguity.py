"""One reading per article for spellings shared by several places (طرابلس, عمان).

Evidence for a reading is the number of other mentions of its country (places, people,
organisations) plus
the number of that country's nisba adjectives in the article ("طرابلس ... شمال لبنان",
"العاصمة الأردنية عمان"). The default (first) reading wins ties; a margin is not
required, since a single "اللبناني" next to طرابلس is already strong evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from akhbar.data import read_rows
from akhbar.tasks.extract.entities_rules import Hit
from akhbar.tasks.extract.gazetteer import LETTER_AFTER, LETTER_BEFORE, Entry, key, lexicon

__all__ = ["disambiguate"]

_LOC = "LOCATION"


@cache
def _readings() -> dict[str, tuple[Entry, ...]]:
    """Normalised spelling -> every reading (the default first)."""
    by_id = lexicon().by_id
    return {
        key(f): tuple(by_id[i] for i in ids.split("|"))
        for f, ids in read_rows("gazetteer/ambiguous.tsv")
    }


@cache
def _nisba_re(iso: str) -> re.Pattern[str]:
    forms = [f for f, i in lexicon().nisba.items() if i == iso]
    alt = _trie(forms) if forms else "(?!)"
    return re.compile(f"{LETTER_BEFORE}[\u0648\u0641\u0628\u0644\u0643]?(?:{alt}){LETTER_AFTER}")


def _trie(words: list[str]) -> str:
    """Prefix-tree alternation, longest word tried first (as a longest-first list
    would be), so a failing position costs one character test, not one per form."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_body(root)


def _trie_body(node: dict) -> str:
    alts = [re.escape(ch) + _trie_body(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def disambiguate(norm: str, hits: list[Hit]) -> list[Hit]:
    """The same hits, ambiguous spellings bound to the reading the article supports."""
    readings = _readings()
    forms = {
        i: " ".join(norm[h.ns : h.ne].split()) for i, h in enumerate(hits) if h.kind == "LOCATION"
    }
    found = {f for f in forms.values() if f in readings}
    if not found:
        return hits
    chosen = {}
    for f in found:
        options = readings[f]
        chosen[f] = max(options, key=lambda e, o=options: _evidence(norm, hits, e, o))
    out = list(hits)
    for i, f in forms.items():
        if f in chosen and hits[i].entity.entity_id in {o.entity_id for o in readings[f]}:
            out[i] = replace(hits[i], entity=chosen[f])
    return out


def _evidence(norm: str, hits: list[Hit], e: Entry, options: tuple[Entry, ...]) -> int:
    ids = {o.entity_id for o in options}
    # Any other mention of the country counts: its places, its people ("الملك عبد الله
    # الثاني في عمان"), its organisations.
    places = sum(1 for h in hits if h.entity.entity_id not in ids and h.entity.country == e.country)
    nisba = len(_nisba_re(e.country).findall(norm)) if e.country else 0
    return places + nisba
