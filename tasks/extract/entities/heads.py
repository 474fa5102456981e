"""Organisations and places the gazetteer does not know, found by their head noun.

"حزب العدالة والتنمية", "مجلس السيادة الانتقالي", "البنك المركزي المصري" (organisations:
the head is part of the surface); "محافظة ميسان" -> ميسان, "بلدة عيتا الشعب" -> عيتا
الشعب, "ريف حماة" -> حماة (places: the name only); "ساحة النور", "جبال قنديل" (sites:
the head is part of the name). Heads and their classes are data (``heads.tsv``); what
stops a name and what makes a head generic are data too (``org_stop.txt``,
``org_generic.txt``, ``org_adjectives.txt``, ``place_adjectives.txt``, ``place_links.txt``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from akhbar.data import read_rows
from tasks.extract.common.gazetteer import (
    Entry,
    Lexicon,
    find_names,
    key,
    lexicon,
    word_list,
)
from tasks.extract.common.names import PRONOUN_END, TOKEN, is_definite
from tasks.extract.entities.rules import Hit

__all__ = ["discover_heads", "place_aliases"]

# Words read after an organisation head: "السلطة الوطنية المستقلة للانتخابات" is 3,
# "الاتحاد الاشتراكي للقوات الشعبية" 3, "مجلس الاحتياطي الفدرالي الأمريكي" 3; 6 leaves
# room for longer names while a run-on stops at the first function word anyway.
ORG_MAX_BODY = 6
# Words of a place name after its head: "أم جرس", "عيتا الشعب", "كردستان العراق" are 2;
# 3 covers "بيت لاهيا الشمالية"-like names minus their adjective.
PLACE_MAX_WORDS = 3
# A ل-word right after a head longer than this is a purpose phrase ("لجنة لمتابعة",
# "مخيم للنازحين"); "لجان" (4 letters, "تنسيقية لجان المقاومة") is a plural noun.
PURPOSE_MIN_CHARS = 4
# A place propagated to its other mentions in the article must be at least this long
# ("حي النور" must not make every "النور" a place: only indefinite names propagate).
PLACE_ALIAS_MIN_CHARS = 3
# An indefinite one-word name after a direction word (شمال كردفان) is at least this long:
# shorter words after "شرق"/"غرب" are too often particles or adjectives.
DIRECTION_MIN_CHARS = 4

_AL = "\u0627\u0644"
_WAW = "\u0648"
_LAM = "\u0644"
_TA = "\u0647"  # ة after normalisation
_YA = "\u064a"
_PLURAL = "\u0627\u062a"  # ات
_ORG, _LOC, _PER = "ORGANIZATION", "LOCATION", "PERSON"
_ORG_CLASSES = ("org_strong", "org_weak")
_PLACE_PROCLITIC = re.compile("[\u0648\u0641]?[\u0628\u0644\u0643]?")


@dataclass(frozen=True)
class HeadWords:
    classes: dict[str, tuple[str, int]]  # normalised head -> (class, definite mode 0/1/2)
    bare: frozenset[str]  # every head, indefinite and definite, to stop a name at
    stop: frozenset[str]
    generic: frozenset[str]
    org_adj: frozenset[str]
    place_adj: frozenset[str]
    links: frozenset[str]
    title_first: frozenset[str]
    given: frozenset[str]  # given names and name links: a person's name begins
    place_parts: frozenset[str]  # heads that with a bare known place name its part


@cache
def head_words() -> HeadWords:
    classes = {key(h): (c, int(d)) for h, c, d in read_rows("gazetteer/heads.tsv")}
    given = frozenset(key(r[0]) for r in read_rows("gazetteer/given_names.tsv") if r[1] == "0")
    adj = word_list("gazetteer/org_adjectives.txt")
    titles = [key(r[0]) for r in read_rows("gazetteer/titles.tsv")]
    return HeadWords(
        classes=classes,
        bare=frozenset(h for h in classes for h in (h, _AL + h)),
        stop=word_list("gazetteer/org_stop.txt"),
        generic=word_list("gazetteer/org_generic.txt"),
        org_adj=adj | frozenset(a + _TA for a in adj),
        place_adj=word_list("gazetteer/place_adjectives.txt"),
        links=word_list("gazetteer/place_links.txt"),
        title_first=frozenset(t.split()[0] for t in titles),
        given=given | word_list("gazetteer/name_links.txt"),
        place_parts=word_list("gazetteer/place_part_heads.txt"),
    )


def _entity(prefix: str, kind: str, name: str, country: str | None) -> Entry:
    k = " ".join(name.split())  # a slice of the normalised text: already a key
    if k.startswith(_LAM + _LAM):  # "للمجلس" names "المجلس"
        k = _AL + k[2:]
    eid = f"{prefix}:" + hashlib.sha1(k.encode("utf-8")).hexdigest()[:10]
    return Entry(eid, kind, k, None, country)  # type: ignore[arg-type]


def discover_heads(norm: str, heads: list, at: dict[int, Hit]) -> list[Hit]:
    """Organisation and place mentions opened by a head noun (``Scan.heads``)."""
    hw, lex = head_words(), lexicon()
    out: list[Hit] = []
    for tok, ns, ne, proclitic, head, definite in heads:
        if tok in at or ns in at:
            continue  # a gazetteer name starts here: it wins
        cls, definite_mode = hw.classes[head]
        if cls in _ORG_CLASSES:
            hit = _org(norm, ns, ne, definite, definite_mode, at, hw, lex)
            if hit is not None and head in hw.place_parts and _place_only(norm, ne, hit.ne, at):
                continue  # "مركز عفرين": the town centre, not an organisation
        elif definite or proclitic.endswith(_LAM):
            continue  # "المدينة", "لمنطقة": places open with an indefinite head
        else:
            hit = _place(norm, ns, ne, cls, at, hw, lex)
        if hit is not None:
            out.append(hit)
            at.setdefault(tok, hit)
            at.setdefault(hit.ns, hit)
    return out


def _org(norm, start, pos, definite, definite_mode, at, hw, lex) -> Hit | None:
    if definite:
        if not definite_mode:
            return None
        end, country = _adjectives(norm, pos, hw, lex, nisba_marks=definite_mode == 1)
        if end is None:
            return None
    else:
        body = _org_body(norm, pos, at, hw, lex)
        if body is None:
            return None
        if isinstance(body, Hit):  # "مجموعة أوبك بلس": the head joins a known name
            return Hit(start, body.ne, body.entity, "gazetteer")
        end, n, first, country = body
        if end is None or (n == 1 and first in hw.org_adj):
            return None
        if first in hw.generic and not _named_generic(norm, pos, end, country):
            return None  # "قوات الأمن", "قوات حفظ السلام", "مجلس الوزراء السعودي"
    name = norm[start:end]
    return Hit(start, end, _entity("org", _ORG, name, country), "head", "discovered")


def _known_place_at(norm: str, pos: int, at: dict[int, Hit]) -> Hit | None:
    """The known place whose word is the next token from ``pos``, if any."""
    t = TOKEN.match(norm, pos)
    g = at.get(t.start("w")) if t and not t.group("comma") else None
    return g if g is not None and g.kind == _LOC else None


def _place_only(norm: str, pos: int, end: int, at: dict[int, Hit]) -> bool:
    """``norm[pos:end]`` is one known place and nothing more."""
    g = _known_place_at(norm, pos, at)
    return g is not None and g.ne == end


def _named_generic(norm: str, pos: int, end: int, country: str | None) -> bool:
    """A generic genitive made a name by its adjective: "لجنة الأمن القومي", "قوات
    الأمن الداخلي" (not a nisba: "قوات الأمن العراقية" stays generic)."""
    toks = norm[pos:end].split()
    return (
        len(toks) == 2 and country is None and toks[1].startswith(_AL) and _adjective_like(toks[1])
    )


def _adjectives(norm: str, pos: int, hw: HeadWords, lex: Lexicon, nisba_marks: bool):
    """ "البنك المركزي المصري", "المحكمة الكبرى الجنائية", "اللجنة المستقلة للانتخابات",
    "المرصد السوري لحقوق الإنسان": definite adjectives, one of them institutional (or a
    country nisba), ending on the nisba or on one ل-complement and its genitive."""
    end, country, marked = None, None, False
    for _ in range(ORG_MAX_BODY):
        t = TOKEN.match(norm, pos)
        if not t or t.group("comma"):
            break
        w = t.group("w")
        if w in hw.stop or w in hw.generic or PRONOUN_END.search(w):
            break
        if w in lex.nisba and w.startswith(_AL):
            country, marked = lex.nisba[w], marked or nisba_marks
            end, pos = t.end(), t.end()
            break
        if w in hw.org_adj:
            marked = True
        elif not (w.startswith(_AL) and _adjective_like(w)):
            break
        end, pos = t.end(), t.end()
    if not marked:
        return None, None
    return _complement(norm, end, hw), country


def _complement(norm: str, pos: int, hw: HeadWords) -> int:
    """ "للانتخابات", "للقوات الشعبية", "لحقوق الإنسان" after an institution's name."""
    t = TOKEN.match(norm, pos)
    if not t or t.group("comma") or t.group("w")[0] != _LAM or _stops(t.group("w"), hw):
        return pos
    w = t.group("w")
    if w.startswith(_LAM + _LAM):
        end = t.end()
    else:  # ل + indefinite noun: needs its definite genitive
        t = TOKEN.match(norm, t.end())
        if not t or t.group("comma") or not t.group("w").startswith(_AL):
            return pos
        if _stops(t.group("w"), hw):
            return pos
        end = t.end()
    t = TOKEN.match(norm, end)  # one adjective of the complement: "الشعبية"
    if (
        t
        and not t.group("comma")
        and t.group("w").startswith(_AL)
        and _adjective_like(t.group("w"))
    ):
        end = t.end()
    return end


def _org_body(norm: str, pos: int, at: dict[int, Hit], hw: HeadWords, lex: Lexicon):
    """The name after an indefinite head: a genitive chain closed by a definite word or a
    known place, then adjectives ("حزب العدالة والتنمية", "محكمة جنايات القاهرة",
    "مجلس القيادة الرئاسي", "حركة مجتمع السلم"). After the definite word only
    adjectives, one "و" + ال-word and one ل-complement may follow."""
    end, n, first, country, closed = None, 0, None, None, False
    coord = False
    for _ in range(ORG_MAX_BODY):
        t = TOKEN.match(norm, pos)
        if not t or t.group("comma"):
            break
        w, g = t.group("w"), at.get(t.start("w"))
        if g is not None:
            if g.kind == _PER or closed:
                break
            if g.kind == _ORG and n == 0:
                # "مجموعة أوبك بلس" names OPEC+; "قوات منظمة معاهدة ..." is not the CSTO
                return g if key(g.entity.name).split()[0] not in hw.bare else None
            first = first or norm[g.ns : g.ne]
            end, n = _complement(norm, g.ne, hw), n + 1
            break  # a known place closes the name: "محكمة جنايات القاهرة", "شركة قطر للطاقة"
        if n == 0 and _place_head_of_known(norm, t, w, at, hw):
            pos = t.end()  # "بلدية مدينة البيرة", "مجلس محافظة البصرة"
            continue
        if _stops(w, hw) or PRONOUN_END.search(w):
            break
        if n == 0 and w[0] == _LAM and len(w) > PURPOSE_MIN_CHARS:
            break  # "لجنة لمتابعة ...", "مخيم للنازحين": a purpose, not a name
        first = first or w
        if w in lex.nisba and w.startswith(_AL):
            if n:
                country, end, n = lex.nisba[w], t.end(), n + 1
            break
        if w.startswith(_AL):
            if closed and not _adjective_like(w) and w not in hw.org_adj:
                break
            closed, end = True, t.end()
        elif w.startswith(_WAW + _AL) and closed and not coord:
            coord, end = True, t.end()  # "العدالة والتنمية"
        elif w[0] == _LAM and closed:
            end = _complement(norm, end, hw)
            n += 1
            break
        elif closed or is_definite(w) or w in hw.given:
            break
        n, pos = n + 1, t.end()
    return (end, n, first, country) if closed or end is not None else (None, 0, None, None)


def _place_head_of_known(norm: str, t: re.Match, w: str, at: dict[int, Hit], hw) -> bool:
    """An indefinite place head ("مدينة", "محافظة") right before a known place."""
    return hw.classes.get(w, ("",))[0] == "place" and _known_place_at(norm, t.end(), at) is not None


def _stops(w: str, hw: HeadWords) -> bool:
    if w in hw.stop or w in hw.title_first or w in hw.bare:
        return True
    return w[0] in "\u0648\u0628\u0644" and (w[1:] in hw.bare or w[1:] in hw.stop)


def _place(norm, hs, he, cls, at, hw, lex) -> Hit | None:
    t = TOKEN.match(norm, he)
    if not t or t.group("comma"):
        return None
    g = at.get(t.start("w"))
    if g is not None:
        if cls != "site" or g.kind != _LOC:
            return None  # the gazetteer already has the place ("مدينة حلب")
        name = norm[hs : g.ne]
        return Hit(hs, g.ne, _entity("loc", _LOC, name, g.entity.country), "head", "discovered")
    end = _place_name(norm, t, cls, at, hw, lex)
    if end is None:
        return None
    start = hs if cls == "site" else t.start("w")
    return Hit(start, end, _entity("loc", _LOC, norm[start:end], None), "head", "discovered")


def _place_name(norm, t, cls, at, hw, lex) -> int | None:
    w = t.group("w")
    if _stops(w, hw) or w in lex.nisba or w in hw.place_adj or w in hw.org_adj:
        return None
    if w.startswith(_AL):
        ok = cls not in ("direction", "area") and w not in hw.generic
        return t.end() if ok else None
    if is_definite(w) or _adjective_like(w) or w.endswith(_PLURAL):
        return None  # "منطقة عسكرية", "منطقة مخالفات": an adjective or a plural noun
    if cls == "direction":
        return t.end() if len(w) >= DIRECTION_MIN_CHARS and w not in hw.links else None
    end, count, need = t.end(), 1, w in hw.links
    while count < PLACE_MAX_WORDS:
        t = TOKEN.match(norm, end)
        if not t or t.group("comma"):
            break
        w, g = t.group("w"), at.get(t.start("w"))
        if g is not None:
            if g.kind == _LOC and not need:
                end = g.ne  # "كردستان العراق"
            break
        if _stops(w, hw) or w in lex.nisba or w in hw.place_adj:
            break
        if need:
            end, count, need = t.end(), count + 1, w in hw.links
            continue
        if not w.startswith(_AL) or _adjective_like(w) or cls == "area":
            break
        end = t.end()  # "عيتا الشعب": the genitive of an indefinite name
        break
    return None if need else end


def _adjective_like(w: str) -> bool:
    """Nisba-shaped words ("ساحلية", "حدودي", "الشمالية") are adjectives, not names."""
    return w.endswith(_YA + _TA) or w.endswith(_YA) or (w.endswith(_TA) and w.startswith(_AL))


def place_aliases(norm: str, hits: list[Hit]) -> list[Hit]:
    """A discovered place named again without its head ("محافظة ميسان ... في ميسان")."""
    names: dict[str, Hit] = {}
    for h in hits:
        if h.kind != _LOC or h.origin != "discovered" or h.method != "head":
            continue
        surface = " ".join(norm[h.ns : h.ne].split())
        if surface.startswith(_AL) or len(surface) < PLACE_ALIAS_MIN_CHARS:
            continue
        if surface.split()[0] in head_words().classes:
            continue  # a site keeps its head ("ساحة النور")
        names.setdefault(surface, h)
    if not names:
        return []
    out = []
    for s, e, name in find_names(norm, list(names), _PLACE_PROCLITIC):
        h = names[name]
        if (s, e) != (h.ns, h.ne):
            out.append(Hit(s, e, h.entity, "alias", "discovered"))
    return out
