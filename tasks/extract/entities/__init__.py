"""Entities: gazetteer matching plus rules for unknown names (issue 6).

Pipeline over the normalised visible text (boilerplate already blanked):
1. gazetteer: one trie regex over every known variant, proclitics stripped;
2. titles: "title (+ modifiers) (+ comma) + name" finds people the gazetteer
   does not know, or longer spellings of people it does;
3. head nouns: organisations and places the gazetteer does not know
   ("حزب العدالة والتنمية", "محافظة ميسان");
4. ministries named with their country;
5. aliases: a person's bare surname, a discovered place's name, elsewhere in the
   same article.
Overlaps are resolved longest first; offsets are mapped back with
``NormText.span``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import partial

from akhbar.text.normalize import normalize
from tasks.extract.common.context import ExtractContext
from tasks.extract.common.extractor import Extractor, Rows
from tasks.extract.common.gazetteer import find_names, key, lexicon
from tasks.extract.common.names import is_definite
from tasks.extract.common.scan import Scan, scan
from tasks.extract.entities.ambiguity import disambiguate
from tasks.extract.entities.clubs import club_hits
from tasks.extract.entities.combine import combine, discovered_entity, found_again, trim
from tasks.extract.entities.features import context_features
from tasks.extract.entities.heads import discover_heads, place_aliases
from tasks.extract.entities.people import discover_given
from tasks.extract.entities.rules import (
    ALIAS_MIN_CHARS,
    NO_SPELLING,
    Hit,
    Spelled,
    blocked_word,
    discover_titles,
    ministries,
    unplaced_ministries,
    words,
)
from tasks.extract.entities.tagger import model, tag_text

__all__ = ["EXTRACTOR", "dateline_place", "extract_entities", "find_hits", "source_spelling"]


def _gazetteer(found: Scan) -> tuple[list[Hit], dict[int, Hit]]:
    hits: list[Hit] = []
    at: dict[int, Hit] = {}  # token start (with proclitics) and name start -> hit
    for tok, ns, ne, entry in found.gaz:
        hit = Hit(ns, ne, entry, "gazetteer")
        hits.append(hit)
        at[tok] = at[ns] = hit
    return hits, at


def _adjective(norm: str, h: Hit, ends: set[int]) -> bool:
    """A country's name that is also its feminine nisba ("السعودية"), right after a
    definite feminine noun it describes ("الكرة السعودية", "الدفاعات الجوية السعودية",
    'قناة "الإخبارية" السعودية'); not after a preposition, a verb, و, a masculine noun (an
    object: "وزار الرئيس الفرنسي السعودية") or the end of another name ("وتتهم الولايات
    المتحدة السعودية"). ``ends``: where the article's places and people end."""
    ns, ne = h.ns, h.ne
    if h.kind != "LOCATION" or (ns > 0 and norm[ns - 1].isalpha()):
        return False  # "والسعودية", "بالسعودية": a proclitic, the country
    if norm[ns:ne] not in lexicon().nisba:
        return False
    before = _WORD_BEFORE.search(norm, max(0, ns - ADJECTIVE_REACH), ns)
    if before is None:
        return False
    word = before.group(1)
    feminine = word.endswith(_FEMININE_ENDS)
    return feminine and is_definite(word) and word not in _NAME_HEADS and before.end(1) not in ends


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Drop overlapping hits: the longer one wins, then the earlier."""
    starts: list[int] = []  # kept spans, sorted and disjoint
    kept: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.ns - h.ne, h.ns)):
        i = bisect_right(starts, h.ns)
        if (i and kept[i - 1].ne > h.ns) or (i < len(kept) and kept[i].ns < h.ne):
            continue
        starts.insert(i, h.ns)
        kept.insert(i, h)
    return kept


_ALIAS_PROCLITIC = re.compile("[\u0648\u0641\u0628\u0644]")  # و ف ب ل
# Characters before a country's name searched for the definite noun it would describe
# ('قناة "الإخبارية" السعودية': the quote mark may come between).
ADJECTIVE_REACH = 24
# A hyphen and a word glued to a name's last word ("رانكين-غالواي").
_HYPHEN_TAIL = re.compile(r"-[^\W\d_]+")
_WORD_BEFORE = re.compile(r"(\w+)[\s\"\u00bb\u201d]*$")
# Words that open a country's own name ("المملكة العربية السعودية"), never a noun it describes.
_FEMININE_ENDS = ("\u0647", "\u0627\u062a")  # ة (normalised to ه) and the plural ات
_NAME_HEADS = frozenset(normalize(w) for w in ("العربية", "المملكة", "الجمهورية"))


# Surname openers written glued or apart ("بوريطة" / "بو ريطة", "بنكيران" / "بن كيران").
_SEPARABLE = frozenset(("\u0628\u0648", "\u0628\u0646"))  # بو، بن
# The glued form's length at least ("بوريطة" 6, "بنكيران" 7): not "بوش", "بونو".
SEPARABLE_MIN_CHARS = 6


def _aliases(norm: str, hits: list[Hit]) -> list[Hit]:
    """A person's last name alone ("توكاييف", "يي", "أوالي") after the full name, and a
    last name opening with بو / بن written apart ("ناصر بوريطة", then "بو ريطة")."""
    wd, lex = words(), lexicon()
    owner: dict[str, Hit | None] = {}
    for h in hits:
        toks = norm[h.ns : h.ne].replace("-", " ").replace("_", " ").split()  # a hashtag
        if h.kind != "PERSON" or len(toks) < 2:
            continue
        last = toks[-1]
        if (
            len(last) >= ALIAS_MIN_CHARS
            and not blocked_word(last, wd, lex)
            and last not in lex.forms
        ):
            _claim(owner, last, h)
        if last[:2] in _SEPARABLE and len(last) >= SEPARABLE_MIN_CHARS:
            apart = last[:2] + " " + last[2:]
            if not blocked_word(last[2:], wd, lex) and apart not in lex.forms:
                _claim(owner, apart, h)
    names = {w: h for w, h in owner.items() if h is not None}
    if not names:
        return []
    out = []
    for s, e, name in find_names(norm, list(names), _ALIAS_PROCLITIC):
        out.append(Hit(s, e, names[name].entity, "alias", names[name].origin))
    return out


def _claim(owner: dict[str, Hit | None], form: str, h: Hit) -> None:
    """``form`` names ``h``'s person, unless another person claims it too (ambiguous)."""
    prev = owner.get(form, h)
    same = prev is not None and prev.entity.entity_id == h.entity.entity_id
    owner[form] = h if same else None


def find_hits(norm: str, sp: Spelled = NO_SPELLING, found: Scan | None = None) -> list[Hit]:
    """Every entity mention in a normalised text, as spans of ``norm``. ``sp``: what the
    source spelling tells that normalisation folds away (a name such as "ألباريس", not
    the article; the preposition "على"); ``found``: the text's
    phrase scan, when the caller has it already."""
    phrases = found if found is not None else scan(norm)
    hits, at = _gazetteer(phrases)
    heads = discover_heads(norm, phrases.heads, at)  # first: "رئيس مجلس السيادة X" skips it
    people = discover_given(norm, phrases.given, at, sp)
    named = discover_titles(norm, phrases.titles, at, sp)
    named += ministries(norm, phrases.ministries, at)
    named += people  # after titles: a title's reading (with its country) wins ties
    # a club first: in a sport article "ليفربول" is the club, not the city of that name
    clubs = club_hits(norm, phrases)
    merged = disambiguate(norm, _resolve(clubs + named + hits + heads))
    extra = _aliases(norm, merged) + place_aliases(norm, merged)
    return _resolve(merged + extra)  # known mentions are longer: they win


class _SpelledAl:
    """Normalised word starts the source spells أل/إل: the article is never written
    with a hamza, so "ألينا", "ألباريس" are names, not definite words. Checked lazily
    (only words read after a title are asked about)."""

    def __init__(self, ctx: ExtractContext) -> None:
        self.nt, self.text = ctx.nt, ctx.visible

    def __contains__(self, pos: object) -> bool:
        return isinstance(pos, int) and self.text[self.nt.to_orig(pos)] in "\u0623\u0625"


_ALA = "\u0639\u0644\u0649"  # على


def source_spelling(ctx: ExtractContext) -> Spelled:
    """What the source spelling of this article tells (see :class:`Spelled`)."""
    return Spelled(_SpelledAl(ctx), _ala_starts(ctx))


def _ala_starts(ctx: ExtractContext) -> frozenset[int]:
    """Normalised starts of "على" as a whole word of the source (str.find: a regex with
    look-arounds over the whole text cost 0.04 ms an article)."""
    text, n, out = ctx.visible, len(ctx.visible), []
    i = text.find(_ALA)
    while i >= 0:
        j = i + len(_ALA)
        if (i == 0 or not text[i - 1].isalpha()) and (j >= n or not text[j].isalpha()):
            out.append(ctx.nt.to_norm(i))
        i = text.find(_ALA, j)
    return frozenset(out)


def tagged_hits(
    norm: str, found: Scan, rule_hits: list[Hit], ala: frozenset[int] = frozenset()
) -> list[Hit]:
    """The tagger's names, canonicalised by the rules' mentions, with their aliases.
    ``ala``: see :func:`find_hits` (a tagged name ends before the preposition "على")."""
    spans = [(h.ns, h.ne, h.kind, h.method) for h in rule_hits]
    tagged = tag_text(norm, lambda starts, ends: context_features(starts, ends, found, spans))
    tagged = _hyphenated(norm, _linked(norm, tagged))
    if ala:
        tagged = [t for t in (_before_ala(norm, t, ala) for t in tagged) if t is not None]
    merged = _resolve(combine(norm, rule_hits, tagged))
    again = found_again(norm, merged, model().common)
    aliases = _aliases(norm, merged) + place_aliases(norm, merged) + again
    alias_at = {(h.ns, h.ne) for h in aliases}
    merged = [h for h in merged if not (h.method == "tagger" and (h.ns, h.ne) in alias_at)]
    # "الدفاعات الجوية السعودية": Saudi, the adjective, not the country. Dropped here, after
    # the tagger read the rules' mentions as its features (they are what it was trained on).
    kept = _resolve(merged + aliases)
    ends = {h.ne for h in kept if h.kind != "ORGANIZATION"}  # a body may be described
    kept = [h for h in kept if not _adjective(norm, h, ends)]
    kept = [h for h in map(partial(_trimmed, norm), kept) if not _plain_person(norm, h)]
    # after the tagger (its features are the rules' mentions, which leave these out)
    unplaced = unplaced_ministries(norm, found.ministries, kept)
    return sorted(kept + unplaced, key=lambda h: h.ns) if unplaced else kept


def _plain_person(norm: str, h: Hit) -> bool:
    """A person the tagger found whose every word is nearly always outside names in its
    training text ("هدفا", "نهاية موسم", "مصدران"): a misreading, not a name."""
    if h.kind != "PERSON" or h.origin != "discovered":
        return False
    words = norm[h.ns : h.ne].split()
    return bool(words) and all(w in model().plain for w in words)


def _linked(norm: str, tagged: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two person spans the tagger left apart around a name link are one name ("بندر بن
    سلطان بن عبد العزيز" + "آل" + "سعود")."""
    links = words().links
    out: list[tuple[int, int, str]] = []
    for span in tagged:
        if out and out[-1][2] == span[2] == "PER" and norm[out[-1][1] : span[0]].strip() in links:
            out[-1] = (out[-1][0], span[1], "PER")
        else:
            out.append(span)
    return out


def _hyphenated(norm: str, tagged: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "آدريان رانكين-غالواي", "مون جاي-إن": a person's name runs on through a hyphen
    written with no space (a double-barrelled or Korean name), where the tagger's tokens
    stop. A person span the tagger began inside that tail is the same name ("جان-إيف
    لوبورنيي"); another span keeps what lies past it ("جين-سو وتياغو ألفيس")."""
    out: list[tuple[int, int, str]] = []
    for s, e, kind in tagged:
        if out and s < out[-1][1]:
            ps, pe, pkind = out[-1]
            if kind == "PER" == pkind:
                out[-1] = (ps, max(pe, e), pkind)
                continue
            s = pe
            while s < e and norm[s].isspace():
                s += 1
            if s >= e:
                continue
        if kind == "PER" and norm[e - 1] == "-" and e - 1 > s:
            e -= 1  # the tagger took the hyphen but not what follows it ("مون جاي-")
        tail = _HYPHEN_TAIL.match(norm, e) if kind == "PER" else None
        if tail is not None and _name_tail(tail.group()[1:]):
            e = tail.end()
        out.append((s, e, kind))
    return out


def _name_tail(word: str) -> bool:
    """The word after a name's hyphen goes on with the name, not a dash before the next
    phrase ("ويلكنسون-الذي", "كونتي-مدرب"): no article or title. Stop words may be name
    syllables ("مون جاي-إن")."""
    return not (is_definite(word) or word in words().titles)


def _before_ala(
    norm: str, span: tuple[int, int, str], ala: frozenset[int]
) -> tuple[int, int, str] | None:
    """A tagged name cut before the preposition "على" it ran into ("محمد على أهمية")."""
    s, e, kind = span
    cut = min((p for p in ala if s <= p < e), default=None)
    if cut is None:
        return span
    end = len(norm[:cut].rstrip())
    return (s, end, kind) if end > s else None


def _trimmed(norm: str, h: Hit) -> Hit:
    """A mention without a title in front ("الأمير عبد العزيز بن سلمان" is a gazetteer
    spelling, the person's name starts after the title), and an organisation without the
    nationality after its name ("تشيلسي الإنجليزي", "حزب الله اللبناني": what is left is
    a known name, as ANERcorp and akhbar's gold tag it; "وزارة الخارجية الأمريكية" keeps
    its adjective, "وزارة الخارجية" being no one's name)."""
    if h.kind == "ORGANIZATION":
        return _without_nisba(norm, h)
    if h.kind != "PERSON":
        return h  # "الشرق الأوسط" is a name: only titles come off known spellings
    s, e = trim(norm, h.ns, h.ne, h.kind)
    return h if (s, e) == (h.ns, h.ne) or s >= e else replace(h, ns=s, ne=e)


def _without_nisba(norm: str, h: Hit) -> Hit:
    lex = lexicon()
    cut = norm.rfind(" ", h.ns, h.ne)
    if cut < 0 or norm[cut + 1 : h.ne] not in lex.nisba:
        return h
    # the rest must be a name by itself: the body's ("تشيلسي") or a city's ("ليفربول")
    return replace(h, ne=cut) if norm[h.ns : cut] in lex.forms else h


def places_inside(hits: list[Hit], found: Scan) -> list[Hit]:
    """Known places inside the head-noun organisations among ``hits``."""
    orgs = [(h.ns, h.ne) for h in hits if h.kind == "ORGANIZATION" and h.method == "head"]
    if not orgs:
        return []
    return [
        Hit(ns, ne, entry, "inside")
        for _tok, ns, ne, entry in found.gaz
        if entry.kind == "LOCATION" and any(s <= ns and ne <= e for s, e in orgs)
    ]


def _row(ctx: ExtractContext, h: Hit) -> dict:
    """A MENTIONS row (no article_id) for a hit, in source offsets."""
    start, end = ctx.nt.span(h.ns, h.ne)
    return {
        "entity_id": h.entity.entity_id,
        "kind": h.kind,
        "surface": ctx.text[start:end],
        "start": start,
        "end": end,
        "method": h.method,
    }


def extract_entities(ctx: ExtractContext) -> tuple[list[dict], list[dict]]:
    """Return (MENTIONS rows, ENTITY_DEFS rows) for one article."""
    mentions: list[dict] = []
    defs: dict[str, dict] = {}
    sp = source_spelling(ctx)
    rule_hits = find_hits(ctx.nt.norm, sp, ctx.scan)
    hits = tagged_hits(ctx.nt.norm, ctx.scan, rule_hits, sp.ala)
    inner = places_inside(hits, ctx.scan)
    ctx.inner_places = [_row(ctx, h) for h in inner]
    for h in hits:
        row = _row(ctx, h)
        mentions.append(row)
        surface, eid = row["surface"], row["entity_id"]
        if eid not in defs:
            defs[eid] = h.entity.definition(h.origin)
            if h.origin == "discovered":
                defs[eid]["name"] = surface
            continue
        if h.origin == "discovered" and len(surface) > len(defs[eid]["name"]):
            defs[eid]["name"] = surface  # the full name, not a later alias
        if defs[eid]["country"] is None and h.entity.country:
            defs[eid]["country"] = h.entity.country
    for h in inner:  # their places need a definition for the views' names
        defs.setdefault(h.entity.entity_id, h.entity.definition(h.origin))
    dateline = dateline_place(ctx)
    if dateline is not None:
        mention, entity = dateline
        mentions.insert(0, mention)
        defs.setdefault(entity["entity_id"], entity)
    return mentions, list(defs.values())


def dateline_place(ctx: ExtractContext) -> tuple[dict, dict] | None:
    """(MENTIONS row, ENTITY_DEFS row) of the dateline's place, which ``visible`` blanks."""
    if ctx.dateline is None:
        return None
    start, end = ctx.dateline
    surface = ctx.text[start:end]
    known = lexicon().forms.get(key(normalize(surface)))
    if known is not None and known[0].kind == "LOCATION":
        entity = known[0].definition()
    else:
        entity = discovered_entity("LOCATION", normalize(surface)).definition("discovered")
        entity["name"] = surface
    mention = {
        "entity_id": entity["entity_id"],
        "kind": "LOCATION",
        "surface": surface,
        "start": start,
        "end": end,
        "method": "dateline",
    }
    return mention, entity


def _run(ctx: ExtractContext) -> Rows:
    mentions, defs = extract_entities(ctx)
    ctx.mentions.extend(mentions)
    ctx.entities.update({d["entity_id"]: d for d in defs})
    return {"entity_defs": list(ctx.entities.values()), "mentions": ctx.mentions}


EXTRACTOR = Extractor("entities", 10, _run)
