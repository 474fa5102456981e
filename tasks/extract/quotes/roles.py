"""A title used alone as a speaker, resolved to the person it names in the article.

"وقال وزير الخارجية التركي: ..." after "نظيره التركي هاكان فيدان" earlier; "وقال رئيس
كازاخستان إن ..." after "الرئيس الكازاخستاني قاسم جومارت توكاييف". A role is
(title role from ``titles.tsv``, country from a nisba or a country name among the
title's modifiers). It resolves to the latest earlier person with the same role and
country, else to the only earlier person of that country.
"""

from __future__ import annotations

import re
from functools import cache

from akhbar.data import read_rows
from akhbar.text.normalize import normalize
from akhbar.text.sentences import INITIAL
from tasks.extract.common.gazetteer import key, lexicon
from tasks.extract.common.names import PLACE_PREPS, PRONOUN_END, is_definite, words
from tasks.extract.quotes.common import OWNER_END
from tasks.extract.quotes.lists import is_source, not_names

__all__ = [
    "ADVERBIAL_PARTICIPLE",
    "Role",
    "construct_title_gap",
    "name_at_end",
    "name_before_title",
    "name_follows",
    "name_word",
    "named_later",
    "object_after_title",
    "opens_subject",
    "relations",
    "relative_by_pronoun",
    "resolve_role",
    "role_after",
    "role_before",
    "role_fits",
    "role_of",
    "title_gap",
    "words_of",
]

# Words of a title phrase read after a speech verb ("رئيس مجلس السيادة الانتقالي" is 4,
# "المتحدث باسم وزارة الخارجية الروسية" 5).
ROLE_MAX_WORDS = 6
# How far before a person mention its own title is looked for ("وزير الخارجية المصري
# بدر عبد العاطي": the title starts 21 characters before the name; 80 allows modifiers).
PERSON_TITLE_WINDOW = 80
# Longest title phrase in titles.tsv, in words ("المتحدث الرسمي باسم" is 3).
TITLE_MAX_WORDS = 3
# Words of a name the recogniser missed before its title ("أنجي صدقي المتحدثة باسم"):
# given name, family name and one more ("جان ماري لوبان").
NAME_BEFORE_TITLE_WORDS = 3

_WORD = re.compile(r"[^\W\d_]+")
_AN = normalize("\u0639\u0646")  # عن
# Words of a construct role before a name ("المتحدث الرسمي لشرطة الولاية" is 4).
CONSTRUCT_TITLE_WORDS = 4
_CLITIC_END = re.compile(r"(?:^|\s)[\u0648\u0641\u0628\u0644\u0643]\s*$")
_AL = "\u0627\u0644"
# An indefinite participle in the accusative says how, not who ("وقال متحدثا بالفرنسية").
ADVERBIAL_PARTICIPLE = re.compile("\u0645\\w{3,}\u0627")
Role = tuple[str, str | None]  # (role, iso2)
_COUNTERPART = "counterpart"  # titles.tsv's role of نظير: no office of its own
# Possessive pronouns a title may carry, longest first ("أمينها العام", "رئيسهم"), and the
# stem left at least (three letters: "رئيس", "أمين", "قائد"; not "له"). Not ه alone: the
# normalised text writes ة as ه ("متحدثة" is no "متحدث" + his).
_POSSESSIVES = tuple(normalize(p) for p in ("هما", "هم", "ها"))
MIN_TITLE_STEM = 3
# A comma or a sentence's end (not an abbreviation's dot: "د. جواد عواد"); quote marks
# and colons stay inside titles ("المتحدث باسم حركة «حماس»", "وزيرة الخارجية: ...").
_TITLE_STOP = re.compile(r"[\u060c,.!?\u061f\n]")
_ABBREVIATION = re.compile(r"(?:^|\W)\w$")  # a one-letter word before a dot: "د."
_APPOSED_END = re.compile(r"[\u060c,]?\s*$")


@cache
def _titles() -> dict[str, str]:
    return {key(r[0]): r[1] for r in read_rows("gazetteer/titles.tsv")}


@cache
def _offices() -> frozenset[str]:
    """Every role titles.tsv names ("president", "representative")."""
    return frozenset(_titles().values())


def title_gap(gap: str) -> bool:
    """Only title words between a verb and a name: "قال المتحدث باسم الرئاسة", "الأمين
    العام ل" + "حزب الله", "القيادي في" + "جبهة ..."."""
    gap = gap.rstrip(" ")
    gap = gap[:-1] if normalize(gap[-1:]) == '"' else gap  # a name in quote marks: 'منظمة "هيومن'
    if "\n" in gap or '"' in normalize(gap) or ":" in gap:
        return False
    gap = _CLITIC_END.sub(" ", gap)  # "لـ" glued to the next mention
    gap = _ABBREVIATED.sub(" ", gap)  # "وقالت د. سحر نصر": an abbreviated title
    toks = _WORD.findall(gap)
    return all(
        _gap_word(w) or _owned_after_title(toks, i) or normalize(w) in IDENTITY
        for i, w in enumerate(toks)
    )


# A one-letter word and its stop: an abbreviated title ("د." doctor, "م." engineer).
_ABBREVIATED = re.compile(rf"{INITIAL}\.")
# "متحدث باسم البنتاغون هو الميجور آدريان رانكين", "المتحدثة باسم الخارجية، وهي هيذر
# نويرت": a pronoun of identity introduces the holder's name; every title gap (before a
# named speaker too) reads it as part of the title.
IDENTITY = frozenset(normalize(w) for w in ("هو", "هي", "وهو", "وهي"))


def _owned_after_title(toks: list[str], i: int) -> bool:
    """ "وزير خارجيته", "رئيس وزرائها": a noun with the owner's pronoun right after a
    title word is part of the title (the pronoun points back to a country or body)."""
    # read as written: normalised, the ه of a pronoun and a folded ة look alike
    return (
        i > 0
        and OWNER_END.search(toks[i]) is not None
        and normalize(toks[i]) not in words().stop
        and normalize(toks[i - 1]) in words().titles
    )


def construct_title_gap(gap: str) -> bool:
    """A role the title list lacks, in construct before a person's name: "مفتش الشرطة" +
    خوان كارلوس ليرا, "السناتور عن" + فلوريدا + ماركو روبيو: an indefinite head, then
    only definite or title words (عن after the first: a constituency)."""
    if "\n" in gap or '"' in normalize(gap) or re.search(r"[:\u060c,.()]", gap):
        return False
    toks = _WORD.findall(normalize(gap))
    if not toks or len(toks) > CONSTRUCT_TITLE_WORDS:
        return False
    head, rest = toks[0], toks[1:]
    if head in words().stop or PRONOUN_END.search(head) or head[:1] in "\u0644\u0628":
        return False
    if head in relations():
        return False  # "أسرة الإعلامي جمال خاشقجي": his family speaks
    if not rest and not is_definite(head):
        return False  # "وقال محمد" + a name: no title at all
    return all(_title_word(w) or (w == _AN and i > 0) for i, w in enumerate(rest, 1))


def _gap_word(raw: str) -> bool:
    """A word of a title, as written (a relation with its pronoun is told by ه, not ة)."""
    w = normalize(raw)
    return (
        _title_word(w)
        or _title_word(_unclitic(w))
        or _title_word(_unsuffixed(w))  # "أمينها العام"
        or relative_by_pronoun(raw)
    )


def name_follows(toks: list[str]) -> int | None:
    """Where a name starts after a title phrase ("الناشطة السعودية منال الشريف"): the
    first other word, when it could open a name (no article, preposition or pronoun
    suffix: not "في", "لقناة", "حينها"); None when no name follows."""
    wd = words()
    for i, w in enumerate(toks):
        if _title_word(w) or _title_word(_unclitic(w)) or _title_word(_unsuffixed(w)):
            continue
        if i > 0 and PRONOUN_END.search(w) and w not in wd.stop:
            continue  # "رئيس مجلس إدارتها دوني ماشويل": the title's body, by its pronoun
        if w in wd.stop or is_definite(w) or PRONOUN_END.search(w) or i + 1 >= len(toks):
            return None
        if w in wd.org_heads or w in not_names():
            return None  # "رئيسة جمعية الطلاب": the title's body; "تعقيبا على": how
        if toks[i + 1] in wd.org_heads:
            return None  # "دعا رئيس البلاد نواب حزب النهضة": a noun in construct, no name
        # ل ب ك ف; an empty word (a lone tatweel) opens nothing ('' is in every str).
        return i if w[:1] not in "\u0644\u0628\u0643\u0641" else None
    return None


def name_word(w: str) -> bool:
    """A normalised word that could be part of a name the recogniser missed: no title,
    body head, function or definite word, no pronoun suffix, no preposition glued on."""
    wd = words()
    if len(w) < 2 or w in wd.stop or w in wd.org_heads or is_definite(w):
        return False
    if w in not_names():
        return False  # "تحت مسمى", "ردا على سؤال"
    if _title_word(w) or PRONOUN_END.search(w) or ADVERBIAL_PARTICIPLE.fullmatch(w):
        return False
    if w[:1] in "\u0648\u0641" and w[1:] in wd.stop:
        return False  # "وهي أم لثلاثة أولاد": a clause, no name
    # ل and ب glue to a noun inside a phrase ("لرويترز", "بواشنطن"); ف and ك open many
    # names (فيرونيكا، فيصل، كريم) and rarely a noun there
    return w[:1] not in "\u0644\u0628"


def name_at_end(toks: list[str]) -> int | None:
    """Where a name the recogniser missed starts when it ends a speaker phrase after its
    description ("المدونة في مجال الجمال والموضة" + صوفيا جميل): two or three name
    words, right after a definite or title word."""
    for k in range(NAME_BEFORE_TITLE_WORDS, 1, -1):
        i = len(toks) - k
        if i < 1 or not all(name_word(w) for w in toks[i:]):
            continue
        if toks[i][:1] != "\u0648" and (is_definite(toks[i - 1]) or toks[i - 1] in words().titles):
            return i  # not "وعناصر طبية": a conjunction adds to the description
    return None


def opens_subject(word: str) -> bool:
    """A normalised word that can open a verb's subject: no function or time word, no
    preposition glued on (ل ب ك ف), no pronoun suffix ("حينها", "لرويترز", "أيضا")."""
    return not (
        word in words().stop
        or word in not_names()
        or word[:1] in "\u0644\u0628\u0643\u0641"  # '' (a lone tatweel) is in it too
        or PRONOUN_END.search(word)
        or ADVERBIAL_PARTICIPLE.fullmatch(word)
    )


def name_before_title(toks: list[str], given_first: bool = False) -> int | None:
    """How many words open ``toks`` as a name the recogniser missed, before a title
    that runs on to an organisation ("أنجي صدقي المتحدثة باسم" + اللجنة الدولية): one
    to three words that are no title, function or definite word, then title words
    only, the first of them a title proper. ``given_first``: the first word is a given
    name whatever its folded form says ("علي" as written, not the preposition "على")."""
    wd = words()
    for k in range(1, min(NAME_BEFORE_TITLE_WORDS, len(toks) - 1) + 1):
        lead, rest = toks[:k], toks[k:]
        if given_first:
            if k == 1:
                continue  # "وشدد علي وزير الخارجية": "علي" alone may be the preposition
            lead = lead[1:]
        if any(_title_word(w) or w in wd.stop or PRONOUN_END.search(w) for w in lead):
            return None
        if lead and is_source(lead[0]):
            return None  # "متحدث باسم الشرطة": an unnamed source, not a name
        if rest[0] in wd.titles and all(_title_word(w) or _title_word(_unclitic(w)) for w in rest):
            return k
    return None


def _title_word(w: str) -> bool:
    wd, lex = words(), lexicon()
    if len(w) == 1 and w in "\u0648\u0641\u0628\u0644\u0643":  # a proclitic cut from its name
        return True
    if w in wd.titles or w in wd.heads or w in lex.nisba or w in lex.forms:
        return True
    return (is_definite(w) and w not in wd.stop) or w in PLACE_PREPS


def relations() -> frozenset[str]:
    """Relation nouns (``gazetteer/relations.txt``: kin, lawyers, aides), folded."""
    return words().relations


_PRONOUNS = ("\u0647\u0645\u0627", "\u0647\u0645", "\u0647\u0627", "\u0647")  # هما هم ها ه


def relative_by_pronoun(raw: str) -> bool:
    """A relation noun with a pronoun suffix, as written ("شقيقه", "زوجته", "محاميها"):
    a title before the relative's own name ("وقال شقيقه محمد": Mohammed speaks). Read
    before folding, which makes "زوجة" (wife of) and "زوجه" (her husband) one word."""
    for suffix in _PRONOUNS:
        if raw.endswith(suffix) and len(raw) > len(suffix) + 1:
            stem = raw[: -len(suffix)]
            stem = stem[:-1] + "\u0629" if stem.endswith("\u062a") else stem  # زوجت -> زوجة
            return normalize(stem) in relations()
    return False


def _unclitic(w: str) -> str:
    """A title word without its preposition: "لمديرية" -> "مديرية", "للدفاع" -> "الدفاع"."""
    if len(w) > 3 and w.startswith("\u0644\u0644"):  # لل
        return _AL + w[2:]
    return w[1:] if len(w) > 3 and w[0] in "\u0644\u0628" else w  # ل ب


def _phrase(toks: list[str]) -> tuple[str | None, int]:
    """The longest title phrase opening ``toks``: (role, words used). A title holding
    its body by a pronoun ("أمينها العام", "رئيسه", "المتحدث باسمها") reads as the
    title with the article ("الأمين العام", "الرئيس", "المتحدث باسم")."""
    titles = _titles()
    for n in range(min(TITLE_MAX_WORDS, len(toks)), 0, -1):
        role = titles.get(" ".join(toks[:n]))
        if role is None and n > 1:
            role = titles.get(" ".join([*toks[: n - 1], _unsuffixed(toks[n - 1])]))
        bare = _unsuffixed(toks[0]) if toks else ""
        if role is None and bare != toks[0]:
            role = titles.get(" ".join([_AL + bare, *toks[1:n]]))
        if role is not None:
            return role, n
    return None, 0


def _unsuffixed(word: str) -> str:
    """``word`` without a possessive pronoun ("أمينها" -> "أمين"), when enough is left."""
    for suffix in _POSSESSIVES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_TITLE_STEM:
            return word[: -len(suffix)]
    return word


def _country(toks: list[str]) -> str | None:
    lex = lexicon()
    for w in toks:
        if w in lex.nisba:
            return lex.nisba[w]
        e = lex.forms.get(w)
        if (
            e is not None
            and e[0].kind == "LOCATION"
            and lex.country_of_iso.get(e[0].country or "") is e[0]
        ):
            return e[0].country
    return None


def role_after(text: str, start: int, limit: int) -> Role | None:
    """A bare title right after a verb ("وزير الخارجية التركي" + : / إن / في)."""
    return role_of(_WORD.findall(normalize(text[start:limit])))


def words_of(text: str) -> list[str]:
    """The normalised words of ``text``, as :func:`role_of` reads them."""
    return _WORD.findall(normalize(text))


def role_of(tokens: list[str]) -> Role | None:
    """The title the normalised ``tokens`` open with, and its country, if any."""
    toks = tokens[:ROLE_MAX_WORDS]
    role, n = _phrase(toks)
    if role is None:
        return None
    return role, _country(toks[n : _title_reach(toks)[0]])


def object_after_title(tokens: list[str]) -> int | None:
    """Where the verb's object starts after the opening title phrase: a bare known name
    after the title's modifiers ("توعد رئيس الوزراء الإسرائيلي إيران"); else None."""
    n, cut = _title_reach(tokens)
    return n if cut else None


@cache
def _name_starts() -> frozenset[str]:
    """First words of the gazetteer's names ("الولايات" of "الولايات المتحدة")."""
    return frozenset(form.split()[0] for form in lexicon().forms)


def _title_reach(tokens: list[str]) -> tuple[int, bool]:
    """(words of the opening title and its modifiers, whether a bare name cut them). A
    bare name right after the title or a head noun is its genitive ("مندوب فرنسا"); after
    a modifier it is the verb's object ("رئيس الوزراء الإسرائيلي" + "إيران", "زعيم
    القاعدة" + "أمريكا")."""
    toks = tokens[:ROLE_MAX_WORDS]
    role, n = _phrase(toks)
    if role is None:
        return 0, False
    wd, lex = words(), lexicon()
    title = n
    named = False  # a name taken as the title's genitive ("مبعوث روسيا")
    prev = toks[title - 1] if title else ""
    for w in toks[title:]:
        if not (w in lex.nisba or w in wd.heads or w in lex.forms or w.startswith(_AL)):
            break
        bare_name = w in lex.forms and not w.startswith(_AL) and w not in lex.nisba
        starts_name = w in lex.forms or w in _name_starts()
        # after a head noun a bare name is its genitive ("رئيس جمهورية مصر", "حاكم ولاية
        # تكساس"); after an adjective or a name it is the verb's object
        genitive = prev in wd.heads
        if (n > title and bare_name and not genitive) or (
            named and starts_name and w not in lex.nisba
        ):
            return n, True  # "مبعوث روسيا" + "الولايات المتحدة": the object
        named = named or bare_name
        prev = w
        n += 1
    return n, False


def role_before(text: str, m: dict) -> str | None:
    """The role of a person mention's own title ("نظيره التركي هاكان فيدان" -> counterpart)."""
    return _role_ending(_WORD.findall(normalize(_title_window(text, m))))


def _role_ending(toks: list[str]) -> str | None:
    """The role of the title the normalised words end with (a name's own title)."""
    for i in range(len(toks) - 1, -1, -1):
        role, n = _phrase(toks[i:])
        if role is not None:
            # the last word may be a given name the recogniser left out ("وينكي روغن")
            rest = toks[i + n :]
            ok = title_gap(" ".join(rest)) or title_gap(" ".join(rest[:-1]))
            return role if ok else None
    return None


def _title_window(text: str, m: dict) -> str:
    """The text before a person mention where its own title may stand: at most
    ``PERSON_TITLE_WINDOW`` characters, from the last comma or sentence end. A title set
    off by punctuation is another's ("قال الناطق باسم الوزارة، إن النجار"); a comma right
    before the name sets off an apposition ("السفيرة الأمريكية، نيكي هايلي")."""
    lo = max(0, m["start"] - PERSON_TITLE_WINDOW)
    gap = _APPOSED_END.sub("", text[lo : m["start"]])
    stops = [x.end() for x in _TITLE_STOP.finditer(gap) if not _abbreviated(gap, x)]
    return text[lo + stops[-1] if stops else lo : m["start"]]


def _abbreviated(gap: str, stop: re.Match[str]) -> bool:
    """A dot after a one-letter word ("د. جواد عواد") ends no sentence."""
    return stop.group() == "." and _ABBREVIATION.search(gap, 0, stop.start()) is not None


def resolve_role(role: Role, text: str, persons: list[dict], entities: dict, pos: int):
    """(entity_id, name) of the person an earlier mention gives this role, if any."""
    title, iso = role
    before = [m for m in persons if m["end"] <= pos]
    same_country = [
        m for m in before if iso and (entities.get(m["entity_id"]) or {}).get("country") == iso
    ]
    # a person the gazetteer does not know has no country: its own title may still match
    unknown = [m for m in before if not (entities.get(m["entity_id"]) or {}).get("country")]
    candidates = sorted(same_country + unknown, key=lambda m: m["start"]) if iso else before
    for m in reversed(candidates):
        ent = entities.get(m["entity_id"]) or {}
        known = lexicon().by_id.get(m["entity_id"])
        if role_before(text, m) == title or (known is not None and known.role == title):
            return m["entity_id"], ent.get("name", m["surface"])
    # the one person of that country, when nothing gives them another title ("مندوب
    # فرنسا" is not Macron, whom the gazetteer knows as president)
    if len({m["entity_id"] for m in same_country}) == 1 and not _titled(text, same_country[-1]):
        m = same_country[-1]
        return m["entity_id"], (entities.get(m["entity_id"]) or {}).get("name", m["surface"])
    return None


def role_fits(role: Role, entity_id: str | None) -> bool:
    """The speaker ``entity_id`` may hold ``role`` as far as the gazetteer knows: a
    person it knows of another country or by another of the titles may not; anyone else
    (an unnamed speaker, an unknown person, a body whose officer speaks) may."""
    known = lexicon().by_id.get(entity_id or "")
    if known is None or known.kind != "PERSON":
        return True
    title, iso = role
    if iso and known.country and known.country != iso:
        return False
    return known.role not in _offices() or known.role == title


def _titled(text: str, m: dict) -> bool:
    """The text writes a title before the person, or the gazetteer knows them by one of
    the titles the role did not match (a president is no representative; an "un_ambassador"
    may be the "المندوب الروسي")."""
    known = lexicon().by_id.get(m["entity_id"])
    written = role_before(text, m)
    # "نظيره التركي هاكان فيدان": a counterpart holds the office of the one before
    return (known is not None and known.role in _offices()) or written not in (None, _COUNTERPART)


def named_later(
    role: Role, phrase: list[str], text: str, persons: list[dict], entities: dict, pos: int
) -> tuple[str, str] | None:
    """ "وقال الناطق باسم الوزارة" before "كما ذكر الناطق باسم وزارة الصحة في غزة أشرف
    القدرة": the one person named after ``pos`` with the ``role`` of the normalised speaker
    ``phrase`` and every other word of it (the body it speaks for) in that title; of the
    phrase's country, when it names one. A bare title ("الوزير") names no one later."""
    title, iso = role
    body = {w.removeprefix(_AL) for w in phrase[_phrase(phrase)[1] :]}
    if not body:
        return None
    holders = {}
    for m in persons:
        if m["start"] < pos:
            continue
        if iso and (entities.get(m["entity_id"]) or {}).get("country") != iso:
            continue
        own = words_of(_title_window(text, m))
        if _role_ending(own) == title and body <= {w.removeprefix(_AL) for w in own}:
            holders[m["entity_id"]] = m
    if len(holders) != 1:
        return None
    ((eid, m),) = holders.items()
    return eid, (entities.get(eid) or {}).get("name", m["surface"])
