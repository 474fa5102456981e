"""Tagger and rules together: the tagger says where the names are, the rules name them.

The CRF already reads the rules' mentions and the gazetteer as features, so its
spans are the decision. Each span is then canonicalised with what akhbar knows:
a rule mention of the same kind inside it gives its entity (gazetteer ids,
English names, ministries, طرابلس/عمان readings) and its exact span; a span the
gazetteer knows takes that entry; a person is matched to a known spelling variant
(``person_hit``); anything else is a discovered entity with a stable hashed id.
Aliases (a surname alone, a place named again without its head) are added last.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from functools import cache

from akhbar.data import read_rows
from akhbar.text.normalize import normalize
from akhbar.text.wordlist import read_words
from tasks.extract.common.gazetteer import Entry, find_names, glued_known_name, key, lexicon
from tasks.extract.common.names import words
from tasks.extract.entities.heads import head_words
from tasks.extract.entities.rules import Hit, person_hit

__all__ = ["combine", "discovered_entity", "found_again", "strip_proclitic"]

_LONG = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}
_PREFIX = {"LOCATION": "loc", "ORGANIZATION": "org"}
_ORG = "ORGANIZATION"
_LOC = "LOCATION"
_PER = "PERSON"
_ARTICLE_CLITICS = frozenset("\u0648\u0641\u0628\u0643")  # و ف ب ك before ال
_AL = "\u0627\u0644"
# Sound plural endings of nouns for people (ون، ات); not ين, which ends "الحسين".
_PLURAL_ENDS = ("\u0648\u0646", "\u0627\u062a")
_LAM = "\u0644"
_BI_AL = "\u0628\u0627\u0644"  # بال
_WAW = "\u0648"
_WORD_RE = re.compile(r"\S+")
# Known names glued to ل/ب that end a tagged span: (other kinds, person)
_GLUED_KINDS = (("ORGANIZATION",), ("ORGANIZATION", "LOCATION"))
_TO_ME = frozenset(("\u0644\u064a", "\u0644\u0646\u0627"))  # لي، لنا
# heads.tsv classes that open a place's name, not part of it ("ولاية", "محافظة", "ريف").
_PLACE_CLASSES = ("place", "area", "direction")
# Proclitic strings a tagged token may start with (the CRF tags whole tokens, as
# ANERcorp does: "ولبنان" B-LOC); the mention starts after them.
_PROCLITICS = (
    "\u0648\u0628",  # وب
    "\u0648\u0644",  # ول
    "\u0648\u0643",  # وك
    "\u0641\u0628",  # فب
    "\u0641\u0644",  # فل
    "\u0648",  # و
    "\u0641",  # ف
    "\u0628",  # ب
    "\u0644",  # ل
    "\u0643",  # ك
)
# Sound plural endings (ين، ون، ات): "للصحافيين" is a group of people, not a surname.
_PLURAL_ENDS = ("\u064a\u0646", "\u0648\u0646", "\u0627\u062a")
# The longest proclitic string in front of a name (وب، ول، لل).
_MAX_CLITIC = 2
# What must be left after a clitic: "وليد" is a name, "ولبنان" is و + لبنان.
_MIN_LEFT = 3


@cache
def _known_words() -> frozenset[str]:
    """Words a name may start with once its clitic is off: gazetteer words, given names."""
    out = {w for form in lexicon().forms for w in form.split()}
    return frozenset(out | words().given)


@cache
def _name_starts() -> frozenset[str]:
    """Whole tokens that open a name as they are ("فراس", "وليد"): given names and the
    first words of gazetteer names."""
    return frozenset({form.split()[0] for form in lexicon().forms} | words().given)


def strip_proclitic(norm: str, s: int, e: int) -> int:
    """Where a tagged span's name starts: after a proclitic its first token carries, when
    what is left is a known word or starts with the article (لل keeps its ال's ل)."""
    end = norm.find(" ", s, e)
    tok = norm[s : e if end < 0 else end]
    if tok.startswith(_LAM + _LAM) and len(tok) > _MIN_LEFT:
        return s + 1  # "للجيش" names "الجيش": keep one ل, as the rules do
    known = _known_words()
    if tok in _name_starts():
        return s  # "فراس", "وليد": the whole token is a name
    for p in _PROCLITICS:
        rest = tok[len(p) :]
        definite = rest.startswith(_AL) and len(rest) - len(_AL) >= _MIN_LEFT  # not "وكالة"
        if tok.startswith(p) and len(rest) >= _MIN_LEFT and (definite or rest in known):
            return s + len(p)
    return s


def _past_leading_body(norm: str, s: int, e: int, hits: list[Hit]) -> int:
    """A person's span starts after a body or place the rules read at its front ("وسجل
    للأهلي محمد مجدي أفشة": the club scored through him, it is not part of his name)."""
    # at the span's very start: "اطمة" (Atmeh) read inside "فاطمة" after its ف is no body
    lead = [h for h in hits if h.kind != _PER and h.ns == s and h.ne < e]
    if not lead:
        return s
    end = max(h.ne for h in lead)
    while end < e and norm[end] == " ":
        end += 1
    return end


def _past_article_word(norm: str, s: int, e: int) -> int:
    """Past a first word that is a preposition on a definite noun ("للأهلي", "بالنادي"):
    no person's name starts with one."""
    end = norm.find(" ", s, e)
    word = norm[s : end if end > 0 else e]
    glued = word.startswith(_LAM + _LAM) or (word[:1] in _ARTICLE_CLITICS and word[1:3] == _AL)
    return end + 1 if glued and end > 0 else s


def _past_definite_lead(norm: str, s: int, e: int) -> int:
    """Past a definite first word when a given name follows and the name goes on ("المتحدث
    باسم الجيش ريم صالح"): the body the title is of, not the person's first name."""
    toks = norm[s:e].split()
    if len(toks) < 3 or not toks[0].startswith(_AL) or toks[1] not in words().given:
        return s
    return norm.index(toks[1], s + len(toks[0]))


def _definite_plural(word: str) -> bool:
    """One definite word with a sound plural ending (ون، ات): a group of people."""
    return " " not in word and word.startswith(_AL) and word.endswith(_PLURAL_ENDS)


@cache
def _place_heads() -> frozenset[str]:
    heads = read_words("gazetteer/heads.tsv")
    return frozenset(heads) | frozenset(_AL + h for h in heads)


def _all_place_heads(norm: str, s: int, e: int) -> bool:
    return all(w in _edges()[1] for w in norm[s:e].split())


def _only_heads(norm: str, s: int, e: int, inner: Hit) -> bool:
    """The span is the known place plus head nouns ("ريف", "شمال", "مدينة") only."""
    rest = (norm[s : inner.ns] + " " + norm[inner.ne : e]).split()
    return bool(rest) and all(w in _place_heads() for w in rest)


# Marks a body's name is set off by after its head noun ("شركة (ديستريس أليرت)",
# 'حركة "النجباء"', "منظمة «أطباء بلا حدود»"); normalised text keeps them.
_NAME_MARKS = frozenset('("\u00ab\u201c')
_NAME_MARK_BEFORE = re.compile(r"(\S+)\s*\S\s*$")


@cache
def _org_heads() -> frozenset[str]:
    """Organisation head nouns (``heads.tsv``, as ``head_words`` reads it), bare and
    definite."""
    heads = {h for h, (cls, _d) in head_words().classes.items() if cls.startswith("org")}
    return frozenset(heads) | frozenset(_AL + h for h in heads)


def _body_named_in_marks(norm: str, s: int) -> bool:
    """A name opened by a bracket or quote right after an organisation head noun."""
    lead = norm[max(0, s - 24) : s]
    m = _NAME_MARK_BEFORE.search(lead)
    if m is None or lead.rstrip()[-1:] not in _NAME_MARKS:
        return False
    head = m.group(1)
    if head not in _org_heads() and not (
        head[:1] in "\u0648\u0644\u0628" and head[1:] in _org_heads()
    ):
        return False
    # "رئيس الحزب (سامي براهم)": a title before the head noun names its holder
    before = norm[max(0, s - 48) : s - len(lead) + m.start(1)].split()
    return not (before and before[-1] in _edges()[0])


def _head_before_marks(norm: str, s: int, e: int) -> bool:
    """Head nouns alone, with the body's name opened by a mark right after them."""
    after = norm[e : e + 4].lstrip()
    # an opening mark: the name's first letter right after it (not a closing '" ')
    opens = after[:1] in _NAME_MARKS and after[1:2].isalpha()
    return opens and all(w in _org_heads() for w in norm[s:e].split())


# Words no name holds: the complementiser of a speech verb and "through" ("وقالت الوكالة
# إن نازيك", "وأكدت الشرطة عبر موقع تويتر"): a tagged span is cut before them.
_NEVER_INSIDE = frozenset(normalize(w) for w in ("إن", "أن", "بأن", "عبر"))


@cache
def _edges() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words a name's span never starts with (titles; place head nouns) or ends with."""
    wd = words()
    heads = {h for h, cls, _d in read_rows("gazetteer/heads.tsv") if cls in _PLACE_CLASSES}
    place_heads = {w for h in heads for w in (key(h), _AL + key(h))}
    # "فيصل الثاني" keeps its regnal number: ordinals are no stop at a name's end
    return wd.titles, frozenset(place_heads), wd.stop - wd.ordinals


@cache
def _person_lead() -> frozenset[str]:
    """Words a person's name never starts with: titles, and relation nouns ("محامو
    بوستيك" is his lawyers; "ابن" and "بنت" link a name and stay)."""
    wd = words()
    return _edges()[0] | (wd.relations - wd.links)


def _not_adjective(word: str) -> bool:
    """Nisba-shaped words close organisations' names ("صندوق النقد الدولي")."""
    return not word.endswith(("\u064a", "\u064a\u0647"))


def trim(norm: str, s: int, e: int, kind: str) -> tuple[int, int]:
    """The tagger's span without a title in front of a person ("الأمير عبد العزيز"), a
    place head noun in front of a place ("ولاية الجزيرة" names الجزيرة, as the rules
    read it), or a function word it ran on into ("البرهان أمام")."""
    _titles, place_heads, stop = _edges()
    toks = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(norm, s, e)]
    lead = (
        _person_lead() if kind == "PERSON" else place_heads if kind == "LOCATION" else frozenset()
    )
    while len(toks) > 1 and toks[0][2] in lead:
        toks.pop(0)
    cut = next((i for i, t in enumerate(toks) if i and t[2] in _NEVER_INSIDE), None)
    toks = toks[:cut]  # "الوكالة إن نازيك", "الشرطة عبر موقع تويتر": a clause ran on
    if kind == "PERSON" and _to_me(norm, toks):
        toks.pop(0)  # "وقال لي علي أكبر ولايتي": told me; "وقال لي كه تشيانغ" is Li
    while len(toks) > 1 and toks[-1][2] in stop and _not_adjective(toks[-1][2]):
        toks.pop()  # "البرهان أمام", "منظمة الوحدة لتو"
    while toks and kind == "PERSON" and _addressee(toks[-1][2]):
        toks.pop()  # "قالت جولي بيشوب للصحافيين": whom she told is no part of her name
    while len(toks) > 1 and _speech_word(toks[-1][2]):
        toks.pop()  # "بي بي سي قائلة", "ترامب مضيفا": the speech verb after a name
    if kind == "PERSON":
        toks = _to_regnal_number(toks)
    # the tagger also runs "جانسون لبي بي سي" into a body; "رابطة الصحفيين لسوريا" keeps
    # its place: only a person loses a glued place
    toks = _without_glued_body(toks, _GLUED_KINDS[kind == "PERSON"])
    return (toks[0][0], toks[-1][1]) if toks else (s, s)


def _to_me(norm: str, toks: list[tuple[int, int, str]]) -> bool:
    """ "لي" / "لنا" right after a speech verb and before a name's first word: to me, us."""
    if len(toks) < 2 or toks[0][2] not in _TO_ME or toks[1][2] not in _name_starts():
        return False
    before = norm[: toks[0][0]].split()
    return bool(before) and _speech_word(before[-1])


def _to_regnal_number(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "محمد السادس الحداد": a regnal number after a given name closes the name (the
    rules read it so: ``read_name``)."""
    wd = words()
    for i in range(1, len(toks) - 1):
        if toks[i][2] in wd.ordinals and toks[i - 1][2] in wd.given:
            return toks[: i + 1]
    return toks


def _without_glued_body(
    toks: list[tuple[int, int, str]], kinds: tuple[str, ...]
) -> list[tuple[int, int, str]]:
    """A span without a known name of ``kinds`` glued to ل/ب at its end ("عزيز زموري
    لفرانس24", "جانسون لبي بي سي"), and no name at all when it is only that ("لبي بي
    سي")."""
    for i, tok in enumerate(toks):
        if len(tok[2]) < _MIN_LEFT or not glued_known_name(" ".join(t[2] for t in toks[i:]), kinds):
            continue
        left = toks[:i]  # "وأضاف لبي بي سي": the verb alone is no name either
        return [] if len(left) == 1 and _speech_word(left[0][2]) else left
    return toks


@cache
def _speech_words() -> frozenset[str]:
    return frozenset(read_words("quotes/verbs.tsv"))


def _speech_word(word: str) -> bool:
    """A speech verb or participle, with or without و/ف ("قائلة", "وأضاف")."""
    words = _speech_words()
    return word in words or (word[:1] in "\u0648\u0641" and word[1:] in words)


def _addressee(word: str) -> bool:
    """ل + a plural noun ("للصحافيين", "لصحافيين", "للمراسلين"): a person's name never
    ends on one."""
    if not word.startswith(_LAM) or len(word) < _MIN_LEFT + 3:
        return False
    return word.endswith(_PLURAL_ENDS) and word not in _name_starts()


def split_at_conjunction(norm: str, s: int, e: int) -> list[tuple[int, int]]:
    """One tagged span per name: the tagger's IO labels run two names of one kind joined
    by و together ("هونغ كونغ وتايوان"); a later word that is و + a known word or و + ال
    opens a new one."""
    out, start = [], s
    for m in _WORD_RE.finditer(norm, s, e):
        w = m.group()
        if (
            m.start() > start
            and w[0] == _WAW
            and strip_proclitic(norm, m.start(), m.end()) > m.start()
        ):
            out.append((start, _end_before(norm, start, m.start())))
            start = m.start()
    out.append((start, e))
    return out


def _end_before(norm: str, s: int, pos: int) -> int:
    while pos > s and norm[pos - 1].isspace():
        pos -= 1
    return pos


def discovered_entity(kind: str, name: str, country: str | None = None) -> Entry:
    """A place or organisation akhbar does not know, with an id stable across articles."""
    k = " ".join(name.split())
    if k.startswith(_LAM + _LAM):
        k = _AL + k[2:]
    eid = f"{_PREFIX[kind]}:" + hashlib.sha1(k.encode("utf-8")).hexdigest()[:10]
    return Entry(eid, kind, k, None, country)  # type: ignore[arg-type]


def _entity_hit(norm: str, s: int, e: int, kind: str) -> Hit:
    known = lexicon().forms.get(key(norm[s:e]))
    if known is not None and known[0].kind == kind:
        return Hit(s, e, known[0], "tagger")
    if kind == "PERSON":
        return person_hit(norm, s, e, None, "tagger")
    return Hit(s, e, discovered_entity(kind, norm[s:e]), "tagger", "discovered")


def combine(norm: str, rule_hits: list[Hit], tagged: list[tuple[int, int, str]]) -> list[Hit]:
    """Mentions for the tagger's spans, canonicalised by the rule mentions they hold."""
    out: list[Hit] = []
    near = _Overlaps(rule_hits)
    for s0, e0, short in tagged:
        kind = _LONG[short]
        for s1, e1 in split_at_conjunction(norm, s0, e0):
            s, e = trim(norm, strip_proclitic(norm, s1, e1), e1, kind)
            if s >= e or (kind == _LOC and _all_place_heads(norm, s, e)):
                continue  # "المدينة", "المنطقة": a place head noun alone names nothing
            if kind == _ORG and _head_before_marks(norm, s, e):
                continue  # 'منظمة "مراسلون بلا حدود"': the name is in the marks
            if kind == _PER and _definite_plural(norm[s:e]):
                continue  # "الباحثون", "المتظاهرون": people, not a person's name
            if kind == _PER and _body_named_in_marks(norm, s):
                kind = _ORG  # "شركة (ديستريس أليرت)": the company's name, set off
            if kind == _PER:
                s = max(s, _past_article_word(norm, s1, e1))  # "للأهلي محمد مجدي أفشة"
                s = _past_definite_lead(norm, s, e)  # "باسم الجيش ريم صالح"
                s = _past_leading_body(norm, s, e, near.of(s, e))
                if s >= e:
                    continue
            # every rule below reads only the rule hits that overlap the span
            here = near.of(s, e)
            if not _lone_month(norm, s, e, here):
                out.extend(_canonical(norm, s, e, kind, here))
    # A name the rules found and the tagger passed over still counts: the tagger learned
    # ANERcorp's habits, where a ministry, a court or an army may go untagged, while the
    # rules' known names and head-noun names are precise (docs/entities.md).
    taken = _Overlaps(out)
    out += [h for h in rule_hits if not taken.of(h.ns, h.ne)]
    first: dict[tuple[int, int, str], Hit] = {}
    for h in out:  # a head-noun name two tagged spans fell into is one mention
        first.setdefault((h.ns, h.ne, h.kind), h)
    return list(first.values())


class _Overlaps:
    """The hits overlapping a span, found by bisecting their starts (a span's hits start
    at most the longest hit's length before it), not by scanning every hit."""

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = sorted(hits, key=lambda h: h.ns)
        self.starts = [h.ns for h in self.hits]
        self.reach = max((h.ne - h.ns for h in hits), default=0)

    def of(self, s: int, e: int) -> list[Hit]:
        lo = bisect_left(self.starts, s - self.reach)
        hi = bisect_left(self.starts, e)
        return [h for h in self.hits[lo:hi] if h.ne > s]


@cache
def _day_words() -> frozenset[str]:
    return frozenset(key(r[0]) for r in read_rows("time/rel_days.tsv"))


def _day_word(rest: str) -> bool:
    """ "استخدمت روسيا اليوم حق النقض": all the known name adds is a day word, so the
    tagger's shorter reading (Russia, today) stands ("قناة روسيا اليوم" is the channel)."""
    return " ".join(rest.split()) in _day_words()


def _quoted(norm: str, s: int, e: int) -> bool:
    """ "وذكرت ” روسيا اليوم” أن": a name in quotation marks is the name."""
    before, after = norm[max(0, s - 3) : s].strip(), norm[e : e + 3].strip()
    return before.endswith('"') or after.startswith('"')


def _runs_on(norm: str, pos: int, e: int) -> bool:
    """The words of ``norm[pos:e]`` (what a tagged span has beyond a rule's name) hold a
    function word: no name runs on through "أن", "في", "على", nor past a known name into
    a definite word with ب glued on ("البحر الأحمر بالصواريخ"; not "غينيا بيسو")."""
    stop = _edges()[2]
    words = norm[pos:e].split()
    return any(w in stop for w in words) or (bool(words) and words[0].startswith(_BI_AL))


@cache
def _month_names() -> frozenset[str]:
    """Solar month names ("نيسان", "يونيو", "جانفي"); Hijri ones are also given names."""
    return frozenset(key(n) for system, _m, n in read_rows("months.tsv") if system != "hijri")


def _full_name(norm: str, h: Hit) -> bool:
    """A person the title rule read with at least two words ("شيرل ساندبرج"); one word
    after a title may be a club or a place ("اللاعب الإنجليزي لتوتنهام هوتسبرز")."""
    return h.method == "title" and " " in norm[h.ns : h.ne].strip()


def _lone_month(norm: str, s: int, e: int, rule_hits: list[Hit]) -> bool:
    """One month name the tagger took for a name ("منتصف نيسان/أبريل"): the CRF learned
    "نيسان" as Nissan; only a rule mention of exactly this span keeps it."""
    if norm[s:e] not in _month_names():
        return False
    return not any((h.ns, h.ne) == (s, e) for h in rule_hits)


def _two_given_names(norm: str, s: int, k: Hit) -> bool:
    """A given name in front of a known person's near spelling that opens with a given
    name of its own: the near spelling was only near."""
    front = norm[s : k.ns].split()
    inner = norm[k.ns : k.ne].split()
    given = words().given
    if len(front) != 1 or not inner or norm[k.ns : k.ne] in lexicon().forms:
        return False
    return front[0] in given and inner[0] in given


def _canonical(norm: str, s: int, e: int, kind: str, rule_hits: list[Hit]) -> list[Hit]:
    """The mention(s) for one tagged span, named by the rule mentions of its kind in it."""
    fronted = [h for h in rule_hits if h.method == "head" and h.kind == _ORG and h.ns < s < h.ne]
    if fronted:
        # "بلدية نابلس", "جريدة فلسطين", "مجلة الغدير": the tagger saw the place or the
        # name after the head noun; the head makes the whole an organisation
        return fronted
    longer = [
        h
        for h in rule_hits
        if h.origin == "gazetteer"
        and h.ns <= s
        and e <= h.ne
        and h.ne - h.ns > e - s
        and not (h.ns == s and _day_word(norm[e : h.ne]) and not _quoted(norm, h.ns, h.ne))
    ]
    if longer:
        return longer[:1]  # "القدس" of "سرايا القدس", "الحوثي" of "جماعة الحوثي"
    same = [h for h in rule_hits if h.ns < e and s < h.ne and h.kind == kind]
    known = [h for h in same if h.origin == "gazetteer"]
    if any((h.ns, h.ne) == (s, e) for h in same):
        return [h for h in same if (h.ns, h.ne) == (s, e)]
    exact_known = [h for h in rule_hits if (h.ns, h.ne) == (s, e) and h.origin == "gazetteer"]
    if exact_known:
        return exact_known  # "نور سلطان" is Astana, whatever kind the tagger guessed
    clitic = [h for h in same if h.ne == e and 0 < h.ns - s <= _MAX_CLITIC]
    if clitic:
        return clitic  # "لحزب الله": the rule read the name after its proclitic
    if len(known) == 1 and kind == "PERSON" and s <= known[0].ns and known[0].ne <= e:
        # "دونالد ترامب" around the gazetteer's "ترامب": the person, with the given name
        # in front; what the tagger ran on past a known name is not part of it
        k = known[0]
        if _two_given_names(norm, s, k):
            # "جان ماري لوبان" around "ماري لوبان", a near spelling of "مارين لوبان": a
            # compound given name, a person of its own, not the known one
            return [_entity_hit(norm, s, e, kind)]
        other = [h for h in rule_hits if h.origin == "gazetteer" and h.ns < k.ns and s < h.ne]
        start = k.ns if other else s  # "جماعة الحوثي يحيى سريع": the group is no given name
        return [Hit(start, k.ne, k.entity, k.method, k.origin)]
    sure = [h for h in same if h.origin == "gazetteer" or h.method == "head"]
    if sure and all(h.ns <= s and e <= h.ne for h in sure):
        return sure  # a known or head-noun name covers it: "شبكة أطباء السودان"
    if " " not in norm[s:e] and norm[s:e] in words().given:
        # "الرئيس محمد العلي": the tagger saw the given name alone, the title rule the name
        titled = [h for h in same if _full_name(norm, h) and h.ns == s and e < h.ne]
        if titled:
            return titled[:1]
    if len(sure) == 1 and sure[0].ns == s and _runs_on(norm, sure[0].ne, e):
        return sure  # "وكالة الأنباء الرسمية أن الأمن": the tagger ran on past a function word
    given = [h for h in same if kind == "PERSON" and h.ns < s and h.ne == e]
    if given:
        return given[:1]  # "آنا لارسن" read after a title, the tagger saw "لارسن" only
    if len(same) == 1 and kind == "LOCATION" and _only_heads(norm, s, e, same[0]):
        return same  # "ريف إدلب", "مدينة حلب": the place, without its head noun
    if len(sure) > 1:
        return sure  # two known or head-noun names the tagger ran together
    others = [
        h
        for h in rule_hits
        if h.kind != kind
        and s <= h.ns
        and h.ne <= e
        and (h.origin == "gazetteer" or _full_name(norm, h))
    ]
    if sure and others:
        return sure + others  # "فيسبوك شيرل ساندبرج": a known body, then a person read by title
    # Otherwise the tagger's span, named afresh: a rule's discovered span may run on
    # ("جورج بوش لتصرف افضل"), and "جنوب السودان" is not السودان.
    return [_entity_hit(norm, s, e, kind)]


# Proclitics an occurrence of a name may carry when found again (و ف ب ل ك).
_AGAIN_PROCLITIC = re.compile("[\u0648\u0641]?[\u0628\u0644\u0643]?")
# A name found again must be at least this long ("قنا" 3 is a name; shorter is noise).
AGAIN_MIN_CHARS = 3


def found_again(norm: str, hits: list[Hit], common: frozenset[str]) -> list[Hit]:
    """Every other occurrence of a name tagged once in the article ("ألونسو" tagged in
    one sentence is ألونسو in the next), unless the name is a common word or was tagged
    with two kinds."""
    stop = words().stop
    owner: dict[str, Hit | None] = {}
    for h in hits:
        name = " ".join(norm[h.ns : h.ne].split())
        single = " " not in name
        if len(name) < AGAIN_MIN_CHARS or (single and (name in common or name in stop)):
            continue
        prev = owner.get(name, h)
        owner[name] = h if prev is not None and prev.kind == h.kind else None
    names = {n: h for n, h in owner.items() if h is not None}
    if not names:
        return []
    return [
        Hit(s, e, names[n].entity, "alias", names[n].origin)
        for s, e, n in find_names(norm, list(names), _AGAIN_PROCLITIC)
    ]
