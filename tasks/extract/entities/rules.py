"""Names the gazetteer does not know: title + name, apposition, ministries.

All rules read the normalised text (``NormText.norm``) and return
:class:`Hit` spans in it; ``entities.py`` maps them back to the source.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Container
from dataclasses import dataclass
from typing import NamedTuple

from tasks.extract.common.gazetteer import (
    LETTER_AFTER,
    Entry,
    Lexicon,
    glued_known_name,
    lexicon,
    word_list,
)
from tasks.extract.common.names import (
    ARABIC_WORD,
    MIN_DEF_CLITIC_LEN,
    PLACE_PREPS,
    PRONOUN_END,
    TOKEN,
    Words,
    is_definite,
    words,
)
from tasks.extract.entities.fuzzy import fuzzy_person

# Modifiers read between a title and a name ("الرئيس الروسي", "المتحدث باسم وزارة
# الخارجية الكازاخستانية"); 5 covers the longest seen in the test paragraphs.
MAX_MODIFIERS = 5
# Words in a discovered name: "عبد الفتاح السيسي" is 3, "تميم بن حمد آل ثاني" 5,
# "بندر بن سعود بن عبد العزيز" 6, "... آل سعود" 8 (chains of بن); 9 leaves one more.
MAX_NAME_TOKENS = 9
# One word after a title is too often a verb in a headline ("الرئيس يتهم"); a
# discovered name needs two words unless it overlaps a known person, or the title
# carries a country and the word is closed by a preposition or punctuation
# ("الرئيس البرازيلي لولا إلى القاهرة", "المهاجم البرازيلي نيمار قادما").
MIN_NAME_TOKENS = 2
# Such a one-word name has at least this many letters ("لولا" 4, "نيمار" 5); shorter
# words after a title are mostly particles the stop list does not hold.
SINGLE_NAME_MIN_CHARS = 4
# Alias: a bare surname shorter than this is too ambiguous ("يي" is 2: allowed).
ALIAS_MIN_CHARS = 2

_AL = "\u0627\u0644"
_WAW = "\u0648"
_MINISTER = frozenset({"\u0648\u0632\u064a\u0631", "\u0648\u0632\u064a\u0631\u0647"})  # وزير(ة)
# "المبعوث الأممي إلى ليبيا X", "ممثل المنظمة في سوريا X": a preposition + place.
_CLITICS = "\u0648\u0641\u0628\u0644\u0643"  # و ف ب ل ك
# The verbal noun shape تفعيل (تخصيص، تقديم، تعزيز، تشكيل): never a name word.
_MASDAR = re.compile("^\u062a[^\u0627\u0648\u064a]{2}\u064a[^\u0627\u0648\u064a]$")
_IMPERFECT = "\u064a\u062a"  # ي ت: third-person present-tense prefixes
_LAM = "\u0644"
_NAME_TOK = re.compile(rf"[ \t]*(?:-[ \t]*)?(?P<w>{ARABIC_WORD}){LETTER_AFTER}")
_PREV_TOK = re.compile(rf"({ARABIC_WORD})[ \t]*$")


@dataclass
class Hit:
    ns: int  # span in norm
    ne: int
    entity: Entry
    method: str  # gazetteer | title | apposition | nisba | alias
    origin: str = "gazetteer"

    @property
    def kind(self) -> str:
        return self.entity.kind


def blocked_word(w: str, wd: Words, lex: Lexicon) -> bool:
    """A word that cannot be part of a name."""
    if w in wd.stop or w in wd.titles or w in lex.nisba or len(w) < ALIAS_MIN_CHARS:
        return True
    if w in wd.org_heads or (w[0] in _CLITICS and w[1:] in wd.org_heads):
        return True  # "مستشفى", "بولاية": a head noun opens the next phrase
    if PRONOUN_END.search(w) or (w[0] in "\u0628\u0644" and w[1:] in wd.stop):
        return True  # "بعدها", "بيوم": a pronoun suffix or ب/ل glued to a stop word
    if _MASDAR.match(w):
        return True  # "تخصيص", "تقديم": a verbal noun opens the predicate
    # "ونظيره", "وقال", "وحسين": a conjunction glued to a stop word, a title, a given name.
    return w.startswith(_WAW) and (w[1:] in wd.stop or w[1:] in wd.titles or w[1:] in wd.given)


def _name_word(w: str, wd: Words, lex: Lexicon, first: bool) -> bool:
    if blocked_word(w, wd, lex):
        return False
    if not is_definite(w):
        return True
    # Arabic surnames may be definite nisba-like words ("السيسي") or compounds
    # ("جاد الله"), never first.
    return not first and w.startswith(_AL) and (w.endswith("\u064a") or w in wd.parts)


class Spelled(NamedTuple):
    """What the source spelling tells that normalisation folds away, as normalised word
    starts: أل/إل that is no article ("ألباريس"), and the preposition "على" (normalised,
    it reads as the given name "علي"). A source "علي" is no sure name: much news, and
    ANERcorp, spell the preposition so too (read as names, ANERcorp's F1 fell 0.02)."""

    al: Container[int] = frozenset()
    ala: frozenset[int] = frozenset()


NO_SPELLING = Spelled()


def discover_titles(
    norm: str,
    title_ends: list[int],
    at: dict[int, Hit],
    sp: Spelled = NO_SPELLING,
) -> list[Hit]:
    """Title (+ modifiers) (+ comma) + name: people the gazetteer may not know."""
    wd, lex = words(), lexicon()
    out: list[Hit] = []
    for end in title_ends:
        hit = _after_title(norm, end, at, wd, lex, sp)
        if hit is not None:
            out.append(hit)
    return out


def _modifiers(norm: str, pos: int, at: dict[int, Hit], wd: Words, lex: Lexicon, al=frozenset()):
    country = None
    for _ in range(MAX_MODIFIERS):
        m = TOKEN.match(norm, pos)
        if not m or m.group("comma"):
            break
        w, g = m.group("w"), at.get(m.start("w"))
        if m.start("w") in al and w not in wd.stop:
            break  # "ألينا", "ألباريس": a name spelled with أل, not the article
        if g is not None:
            if g.kind == "PERSON":
                break
            if g.kind == "LOCATION" and lex.country_of_iso.get(g.entity.country or "") is g.entity:
                country = g.entity.country
            pos = g.ne
        elif w in lex.nisba:
            country, pos = lex.nisba[w], m.end()
        elif _modifier(norm, m, at, wd):
            pos = m.end()
        else:
            break
    return pos, country


def _modifier(norm: str, m: re.Match[str], at: dict[int, Hit], wd: Words) -> bool:
    w = m.group("w")
    if w in PLACE_PREPS:
        return _known_at(norm, m.end(), at)
    if w[0] == _LAM and not w.startswith(_LAM + _LAM) and len(w) >= MIN_DEF_CLITIC_LEN:
        # "وزير الدولة لشؤون الطاقة", "المفوض الأوروبي لإدارة الأزمات": ل + noun + genitive
        nxt = TOKEN.match(norm, m.end())
        if nxt and not nxt.group("comma"):
            w2 = nxt.group("w")
            return (w2.startswith(_AL) and w2 not in wd.stop) or at.get(nxt.start("w")) is not None
        return False
    if w in wd.stop:  # "الأوروبي", "الأممي": adjectives the stop list holds for names
        return w.startswith(_AL) and w.endswith("\u064a")
    return w in wd.heads or is_definite(w)


def _known_at(norm: str, pos: int, at: dict[int, Hit]) -> bool:
    """A place or organisation follows: "ممثل المنظمة في سوريا", "القيادي في جبهة ..."."""
    m = TOKEN.match(norm, pos)
    g = at.get(m.start("w")) if m and not m.group("comma") else None
    return g is not None and g.kind in ("LOCATION", "ORGANIZATION")


def _after_title(
    norm: str,
    pos: int,
    at: dict[int, Hit],
    wd: Words,
    lex: Lexicon,
    sp: Spelled = NO_SPELLING,
):
    pos, country = _modifiers(norm, pos, at, wd, lex, sp.al)
    m = TOKEN.match(norm, pos)
    if not m:
        return None
    method = "apposition" if m.group("comma") else "title"
    start = m.start("w")
    end, linked, count = read_name(norm, start, at, wd, lex, sp)
    called = _called_after(norm, end if end is not None else start)
    if called is not None:  # "مدير شركة نقل كبيرة يدعى مارك دوبوا": the name is after it
        start = called
        end, linked, count = read_name(norm, start, at, wd, lex, sp)
    if end is None or glued_known_name(norm[start:end]):  # "السفير ... لبي بي سي"
        return None
    if linked is None and count < MIN_NAME_TOKENS and not _single_name(norm, start, end, country):
        return None
    if linked is not None:
        if (linked.ns, linked.ne) == (start, end):
            return None  # the gazetteer already has exactly this mention
        return Hit(start, end, linked.entity, method)
    return person_hit(norm, start, end, country, method)


def _called_after(norm: str, pos: int) -> int | None:
    """Where the name starts when "يدعى" (``gazetteer/called.txt``) comes next."""
    m = TOKEN.match(norm, pos)
    if m is None or m.group("comma") or m.group("w") not in word_list("gazetteer/called.txt"):
        return None
    nxt = TOKEN.match(norm, m.end())
    return nxt.start("w") if nxt is not None and not nxt.group("comma") else None


def person_hit(norm: str, start: int, end: int, country: str | None, method: str) -> Hit:
    """A discovered name as a known person's spelling variant, else a new person."""
    name = " ".join(norm[start:end].replace("-", " ").split())
    known = fuzzy_person(name)
    if known is not None:
        return Hit(start, end, known, method)
    return Hit(start, end, _discovered(name, norm[start:end], country), method, "discovered")


def _single_name(norm: str, start: int, end: int, country: str | None) -> bool:
    """One word after a title with a country, closed by punctuation, a preposition or
    an adverbial accusative: "الرئيس البرازيلي لولا إلى", "المهاجم البرازيلي نيمار قادما"."""
    w = norm[start:end]
    if country is None or len(w) < SINGLE_NAME_MIN_CHARS or is_definite(w):
        return False
    if w in word_list("quotes/verbs.tsv"):
        return False  # "ليجيب الأمير السعودي بقوله:": the speech verb, not his name
    if w[0] in _IMPERFECT and w not in words().given:
        return False  # "يزور", "تتهم": a verb after the title
    nxt = TOKEN.match(norm, end)
    if nxt is None or nxt.group("comma"):
        return True  # punctuation or the end of the text
    n = nxt.group("w")
    return n in word_list("gazetteer/name_closers.txt") or (
        n.endswith("\u0627") and not n.startswith(_AL) and len(n) > 3
    )


def _verb_object(first: str, second: str, wd: Words) -> bool:
    """ "تشمل حماية", "يتهم المعارضة": a present-tense verb then a noun (definite or in ة)."""
    if first[0] not in _IMPERFECT or first in wd.given or len(first) < MIN_DEF_CLITIC_LEN:
        return False
    return second.startswith(_AL) or second.endswith("\u0647")


def read_name(
    norm: str,
    pos: int,
    at: dict[int, Hit],
    wd: Words,
    lex: Lexicon,
    sp: Spelled = NO_SPELLING,
):
    """End of the name starting at ``pos``, a known person it overlaps, its word count.
    ``sp``: what the source spelling tells (see :class:`Spelled`).

    A definite surname is read after a given name ("أحمد السعدون", "عبد الفتاح البرهان")
    or when nisba-shaped ("السيسي"); it ends the name unless it is a compound part
    ("عبد الله") or follows a link ("ولد الشيخ الغزواني")."""
    end, linked, count, bound, given, bound_word, prev = None, None, 0, False, False, False, ""
    start_w = start_w_end = 0
    while count < MAX_NAME_TOKENS:
        m = _NAME_TOK.match(norm, pos) if count else TOKEN.match(norm, pos)
        if not m:
            break
        w, g = m.group("w"), at.get(m.start("w"))
        if m.start("w") in sp.ala:
            break  # "الأمير عبدالعزيز بن سعود على شجب": the preposition, never "علي"
        if g is not None:
            if g.kind != "PERSON" or (linked is not None and linked is not g):
                break
            linked, end = g, g.ne
            count += len(norm[g.ns : g.ne].split())
            break  # a known person's name ends the name
        if given and not bound and count <= 2 and w in wd.ordinals:
            end, count = m.end(), count + 1
            break  # "محمد السادس", "عبد الله الثاني"
        # A surname may be a nisba ("محمد شياع السوداني") once the name has two words, or
        # right after a given name ("سيف السويدي").
        nisba_surname = (count >= MIN_NAME_TOKENS or (given and count == 1)) and (
            w.startswith(_AL) and w in lex.nisba
        )
        # right after the given name, or after a compound ("عبد الفتاح البرهان")
        surname = given and (count == 1 or bound_word or prev in wd.given) and w.startswith(_AL)
        surname = surname and not blocked_word(w, wd, lex)
        spelled_al = m.start("w") in sp.al and not blocked_word(w, wd, lex)  # "ألباريس"
        ok = bound or nisba_surname or surname or spelled_al
        if not (ok or _name_word(w, wd, lex, first=count == 0)):
            break
        if count == 1 and _verb_object(norm[start_w:start_w_end], w, wd):
            return None, None, 0  # "تشمل حماية": a verb and its object, not a name
        if count == 0:
            given = w in wd.given or w in wd.links
            start_w, start_w_end = m.start("w"), m.end()
        bound_word, bound, prev = bound, w in wd.links, w
        end, pos, count = m.end(), m.end(), count + 1
        closes = w.startswith(_AL) and m.start("w") not in sp.al and not bound  # آل = ال
        if closes and not bound_word and w not in wd.parts and count > 1:
            break  # a definite surname closes the name: "أحمد السعدون بمقعده"
    if bound:  # a name does not end on "بن" / "عبد"
        return None, None, 0
    return end, linked, count


def discovered_id(name_key: str) -> str:
    """Stable id of a discovered person: a short hash of the normalised name."""
    return "per:" + hashlib.sha1(name_key.encode("utf-8")).hexdigest()[:10]


def _discovered(name_key: str, surface_norm: str, country: str | None) -> Entry:
    return Entry(discovered_id(name_key), "PERSON", surface_norm, None, country)  # type: ignore[arg-type]


def ministries(norm: str, found: list, at: dict[int, Hit]) -> list[Hit]:
    """ "وزارة الداخلية الكازاخية", "وزارة الدفاع في روسيا", "الخارجية الروسية"."""
    lex = lexicon()
    out: list[Hit] = []
    for ns, ne, (k, ar, en, bare) in found:
        if bare and _after_minister(norm, ns):
            continue  # "وزير الخارجية الروسية" is a title, not the ministry
        hit = _ministry_country(norm, ne, at, lex, bare)
        if hit is None:
            continue
        iso, end = hit
        country = lex.country_of_iso[iso]
        name = f"{ar} {lex.nisba_fem[iso]}" if iso in lex.nisba_fem else f"{ar} ({country.name})"
        ent = Entry(
            f"org:ministry-{k}-{iso.lower()}",
            "ORGANIZATION",
            name,
            f"{en} ({country.name_en})",
            iso,
        )
        out.append(Hit(ns, end, ent, "gazetteer"))
    return out


def unplaced_ministries(norm: str, found: list, taken: list[Hit]) -> list[Hit]:
    """ "وقالت وزارة الداخلية في بيان": a ministry written out in full with no country
    after it is still a body's name (an entity of no country: which country's ministry it
    is, the text leaves to its context). Elided forms ("الخارجية"), spans another mention
    covers and a ministry placed by what follows ("وزارة الصحة في غزة": that ministry, as
    written, not every country's) are left out."""
    out: list[Hit] = []
    for ns, ne, (k, ar, en, bare) in found:
        if bare or any(h.ns < ne and ns < h.ne for h in taken):
            continue
        after = _PLACED_AFTER.match(norm, ne)
        if after and any(h.ns == after.end() and h.kind == "LOCATION" for h in taken):
            continue
        out.append(
            Hit(ns, ne, Entry(f"org:ministry-{k}", "ORGANIZATION", ar, en, None), "gazetteer")
        )
    return out


_PLACED_AFTER = re.compile(r"\s+(?:\u0641\u064a\s+|\u0628)")  # في / ب before a place


def _after_minister(norm: str, pos: int) -> bool:
    m = _PREV_TOK.search(norm, max(0, pos - 20), pos)
    return bool(m) and m.group(1) in _MINISTER


def _ministry_country(norm: str, pos: int, at: dict[int, Hit], lex: Lexicon, bare: bool):
    m = TOKEN.match(norm, pos)
    if not m or m.group("comma"):
        return None
    w = m.group("w")
    if w in lex.nisba and w.startswith(_AL) and w.endswith("\u0647"):  # feminine definite
        return lex.nisba[w], m.end()
    if bare:
        return None
    if w == "\u0641\u064a":  # في
        m = TOKEN.match(norm, m.end())
        if not m or m.group("comma"):
            return None
    g = at.get(m.start("w"))
    if g is not None and g.entity.country and lex.country_of_iso.get(g.entity.country) is g.entity:
        return g.entity.country, pos  # the country keeps its own mention
    return None
