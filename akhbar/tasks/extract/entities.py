"""Entities: gazetteer matching plus rules for unknown names (issue 6).

Pipeline over the normalised visible text (boilerplate already blanked):
1. gazetteer: one trie regex over every known variant, proclitics stripped;
2. titles: "title (+ modifiers) (+ comma) + name" finds people the gazetteer
   does not know, or longer spellings of people it does;
3. ministries named with their country;
4. aliases: a person's bare surname elsewhere in the same article.
Overlaps are resolved longest first; offsets are mapped back with
``NormText.span``.
"""

from __future__ import annotations

import re

from akhbar.tasks.extract.context import ExtractContext
from akhbar.tasks.extract.entities_rules import (
    ALIAS_MIN_CHARS,
    Hit,
    _blocked,
    discover_titles,
    ministries,
    words,
)
from akhbar.tasks.extract.gazetteer import LETTER_AFTER, LETTER_BEFORE, lexicon

__all__ = ["extract_entities", "find_hits"]


def _gazetteer(norm: str) -> tuple[list[Hit], dict[int, Hit]]:
    lex = lexicon()
    hits: list[Hit] = []
    at: dict[int, Hit] = {}
    for m in lex.pattern.finditer(norm):
        n = m.group("n")
        entry, elided = lex.forms[" ".join(n.replace("-", " ").split())]
        if elided and not m.group("p").endswith("\u0644"):
            continue  # "لامم" without the preposition ل is not "الأمم"
        hit = Hit(m.start("n"), m.end("n"), entry, "gazetteer")
        hits.append(hit)
        at[m.start()] = at[m.start("n")] = hit
    return hits, at


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Drop overlapping hits: the longer one wins, then the earlier."""
    kept: list[Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.ne - h.ns), h.ns)):
        if all(h.ne <= k.ns or h.ns >= k.ne for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.ns)


def _aliases(norm: str, hits: list[Hit]) -> list[Hit]:
    """A person's last name alone ("توكاييف", "يي", "أوالي") after the full name."""
    wd, lex = words(), lexicon()
    owner: dict[str, Hit | None] = {}
    for h in hits:
        toks = norm[h.ns : h.ne].replace("-", " ").split()
        if h.kind != "PERSON" or len(toks) < 2:
            continue
        last = toks[-1]
        if len(last) < ALIAS_MIN_CHARS or _blocked(last, wd, lex) or last in lex.forms:
            continue
        prev = owner.get(last, h)
        owner[last] = h if prev is not None and prev.entity.entity_id == h.entity.entity_id else None  # ambiguous
    names = {w: h for w, h in owner.items() if h is not None}
    if not names:
        return []
    alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    pattern = re.compile(f"{LETTER_BEFORE}[\u0648\u0641\u0628\u0644]?(?P<n>{alt}){LETTER_AFTER}")
    taken = [(h.ns, h.ne) for h in hits]
    out = []
    for m in pattern.finditer(norm):
        s, e = m.span("n")
        if any(s < te and e > ts for ts, te in taken):
            continue
        out.append(Hit(s, e, names[m.group("n")].entity, "alias", names[m.group("n")].origin))
    return out


def find_hits(norm: str) -> list[Hit]:
    """Every entity mention in a normalised text, as spans of ``norm``."""
    hits, at = _gazetteer(norm)
    found = discover_titles(norm, at) + ministries(norm, at)
    merged = _resolve(found + hits)
    return _resolve(merged + _aliases(norm, merged))


def extract_entities(ctx: ExtractContext) -> tuple[list[dict], list[dict]]:
    """Return (MENTIONS rows, ENTITY_DEFS rows) for one article."""
    mentions: list[dict] = []
    defs: dict[str, dict] = {}
    for h in find_hits(ctx.nt.norm):
        start, end = ctx.nt.span(h.ns, h.ne)
        surface = ctx.text[start:end]
        eid = h.entity.entity_id
        mentions.append(
            {"entity_id": eid, "kind": h.kind, "surface": surface, "start": start,
             "end": end, "method": h.method}
        )
        if eid not in defs:
            defs[eid] = h.entity.definition(h.origin)
            if h.origin == "discovered":
                defs[eid]["name"] = surface
            continue
        if h.origin == "discovered" and len(surface) > len(defs[eid]["name"]):
            defs[eid]["name"] = surface  # the full name, not a later alias
        if defs[eid]["country"] is None and h.entity.country:
            defs[eid]["country"] = h.entity.country
    return mentions, list(defs.values())
