"""Where, when and according to whom: what a figure borrows from its sentence.

Places come from ``ctx.mentions`` (LOCATION), dates from ``ctx.timex`` (DATE
with a resolved date), sources from attribution cues in the sentence. All in
source offsets except :meth:`SentenceAttach.according_to`, which reads the
normalised text. What does not depend on the figure (the sentence's places,
clauses, propositions, prepositional attribution) is computed once per
sentence, not once per figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import dropwhile, pairwise, takewhile

from akhbar.data import read_rows
from akhbar.text.normalize import normalize
from akhbar.text.numbers import find_numbers
from akhbar.text.sentences import clause_spans, sentence_spans
from tasks.extract.common.context import ExtractContext, paragraph_from
from tasks.extract.common.gazetteer import key, lexicon, word_list
from tasks.extract.figures.lexicon import NATIONAL_ENDS, Lexicon

__all__ = [
    "PROJECTILE",
    "PROJECTILES",
    "SentenceAttach",
    "article_place",
    "elsewhere",
    "most_specific",
]

# Characters after a count searched for a phrase pointing back to a place ("في هذه
# المنطقة" after up to three words: "62 مدنياً في هذه المنطقة").
ANAPHOR_REACH = 60
# Count types counted where they went: refugees and the displaced, and missiles fired at
# a place ("إطلاق 7 صواريخ من قبل الحوثيين من اليمن إلى المملكة العربية السعودية"). Most
# words between such a figure and "إلى X": "مليون لاجئ سوري إلى لبنان" has two, four
# leaves room for "من منازلهم"; a missile's launcher and origin take five more (round 7
# of the realnews gold). A new clause is cut by its comma.
PROJECTILE = "PROJECTILE"  # the place rules' name for ATTACK counts of missiles and shells
PROJECTILES = frozenset(("صاروخ", "قذيفة"))  # triggers.tsv lemmas of what is fired
DESTINATION_GAP_WORDS = {"AFFECT": 4, PROJECTILE: 7}
# Words before "من X" searched for a launching word ("أطلقه المتمردون من اليمن": 2;
# "إطلاق 7 صواريخ من قبل الحوثيين من اليمن": 6).
LAUNCH_REACH_WORDS = 6
# Words allowed between a figure and "its" place ("قتلوا في مدينة حلب": في مدينة).
# Every one of them must be a preposition or place head from location_preps.txt.
MAX_LOC_GAP_WORDS = 3
# Words after a figure searched for a population and its nisba ("في حالة انعدام الأمن
# الغذائي أي 60 بالمئة من مجموع الشعب اليمني": 12).
POPULATION_AFTER_WORDS = 14
# Longest source phrase after an attribution cue ("وزارة الداخلية الكازاخية"
# is 3; names with titles reach 6: "الرئيس القازاقى قاسم - جومارت توكاييف").
MAX_ATTR_WORDS = 6
_TOKEN = re.compile(r"\w+|[^\w\s]")
_NAME_PUNCT = frozenset("-")  # punctuation that may sit inside a source's name


class SentenceAttach:
    """What the figures of one sentence borrow from it.

    ``locs`` are the article's LOCATION mentions in ``ctx.mentions`` order
    (ties between equally near places go to the first, as before).
    """

    __slots__ = (
        "_clauses",
        "_one",
        "_prep",
        "_props",
        "all_locs",
        "article_place",
        "ctx",
        "lex",
        "locs",
        "sent",
        "sent_norm",
        "went_to",
    )

    def __init__(
        self,
        ctx: ExtractContext,
        lex: Lexicon,
        sent_norm: tuple[int, int],
        sent: tuple[int, int],
        locs: list[dict],
        article_place: str | None = None,
    ) -> None:
        self.ctx, self.lex, self.sent_norm, self.sent = ctx, lex, sent_norm, sent
        self.article_place = article_place
        self.all_locs = locs
        here = [m for m in locs if sent[0] <= m["start"] and m["end"] <= sent[1]]
        away = {id(m) for m in _away(ctx, lex, here, spoken=article_place is not None)}
        self.locs = [m for m in here if id(m) not in away]
        self.went_to = [m for m in here if _after_destination(ctx, lex, m)]
        # Every rule below picks one of the sentence's places: when they are all
        # one entity (the usual case), that entity is the answer for every figure.
        ids = {m["entity_id"] for m in self.locs}
        self._one = ids.pop() if len(ids) == 1 else _MANY
        self._clauses: list[tuple[int, int]] | None = None
        self._props: list[tuple[int, int]] | None = None
        self._prep: tuple[str | None] | None = None

    def location(self, fig: tuple[int, int], count_type: str | None = None) -> str | None:
        """Entity id of the place a figure (source span) happened in, or None.

        Its own proposition's place, else its sentence's, else the article's
        (dateline or lead): a place from another sentence is never taken. People who
        fled somewhere are counted where they went ("مليون لاجئ سوري إلى لبنان").
        """
        if count_type in DESTINATION_GAP_WORDS:
            went = self._destination(fig, DESTINATION_GAP_WORDS[count_type])
            if went is not None:
                return went
        if count_type in ARRESTED_AT_HOME and all(self._inner(m) for m in self.locs):
            # "قال مركز الخليج لحقوق الإنسان إن السلطات السعودية اعتقلت": a place inside a
            # body's name does not outweigh the arresting authority's country
            held = self._arrested_by(fig)
            if held is not None:
                return held
        if not self.locs or all(self._in_later_proposition(m, fig) for m in self.locs):
            # "قتل 78 مدنيا خلال العملية التركية إلا أن أنقرة تصر": the sentence's only
            # places belong to a proposition opened after the figure
            before = self._event_before() if not self.locs else None
            if before is not None:
                return before
            at_home = count_type in AT_HOME_TYPES
            return (self._counted_place(fig) if at_home else self.article_place) or (
                self.nisba_country()
            )
        found = self._own_country_place(fig) or self._sentence_place(fig)
        if found is None and self.article_place in {m["entity_id"] for m in self.locs}:
            return self.article_place
        return self._pair_holder(found, fig) or found

    def _in_own_clause(self, m: dict, fig: tuple[int, int]) -> bool:
        """The place stands in the figure's own clause."""
        clause = next((c for c in self._clause_spans() if c[0] <= fig[0] < c[1]), self.sent)
        return clause[0] <= m["start"] < clause[1]

    def _pair_holder(self, found: str | None, fig: tuple[int, int]) -> str | None:
        """The place holding both of two places a dual head joins, when ``found`` is one
        of them ("في محافظتي ديالى وذي قار": Iraq; "بلدتي دوما وحرستا": Eastern Ghouta)."""
        if found is None:
            return None
        heads = word_list("figures/dual_place_heads.txt")
        for a, b in pairwise(self.locs):
            ids = (a["entity_id"], b["entity_id"])
            if found in ids and ids[0] != ids[1]:
                before = _words_before(self.ctx, a)
                dual = bool(before) and (
                    before[-1] in heads or _without_conjunction(before[-1]) in heads
                )
                if (
                    dual
                    and self._in_own_clause(a, fig)
                    and _AND.fullmatch(self.ctx.visible, a["end"], b["start"])
                ):
                    return common_holder(*ids)
        return None

    def _event_before(self) -> str | None:
        """ "ما حصل في مدينة مارسيليا ... وأسفرت الاشتباكات التي صدمت العالم عن إصابة 35":
        a sentence naming no place whose first words point back to an event by a definite
        noun (``figures/event_anaphors.txt``) is where the sentence before placed its own
        count, when that sentence counts something and names one place."""
        opening = _WORDS.findall(normalize(self.ctx.visible[self.sent[0] : self.sent[1]]))
        anaphors = word_list("figures/event_anaphors.txt")
        # "والهجوم", "فالانفجار": a conjunction may be glued on
        opening = [w[1:] if w[:1] in _CONJUNCTIONS else w for w in opening[:EVENT_OPENING_WORDS]]
        if not any(key(w) in anaphors for w in opening):
            return None
        before = [sp for sp in sentence_spans(self.ctx.visible, 0, self.sent[0]) if sp[1] > 0]
        if not before:
            return None
        start, end = before[-1]
        nt = self.ctx.nt
        ns, ne = nt.to_norm(start), nt.to_norm(end)
        if not self.lex.trigger_re.search(nt.norm, ns, ne) or not find_numbers(nt.norm, ns, ne):
            return None  # "وأدان الاتحاد الأوروبي في بيان صدر في بروكسل الهجوم": no count
        there = [m for m in self.all_locs if start <= m["start"] and m["end"] <= end]
        ids = most_specific(self.ctx, self.lex, there) if there else set()
        return ids.pop() if len(ids) == 1 else None

    def _in_later_proposition(self, m: dict, fig: tuple[int, int]) -> bool:
        """A place named after a contrastive conjunction that follows ``fig`` ("إلا أن
        أنقرة تصر"); not after فيما or احتجاجا, whose places are often the same event's
        ("قتل 3 فيما أصيب 10 في انفجار في بغداد")."""
        return (
            m["start"] >= fig[1]
            and _CONTRAST.search(self.ctx.visible, fig[1], m["start"]) is not None
        )

    def _inner(self, m: dict) -> bool:
        """A known place inside an organisation's name ("مركز الخليج لحقوق الإنسان")."""
        return any(m is x for x in self.ctx.inner_places)

    def _own_country_place(self, fig: tuple[int, int]) -> str | None:
        """ "مقتل 17 فلسطينيا على حدود قطاع غزة مع إسرائيل": people counted by nationality,
        in a sentence naming places of several countries, were where their own country's
        place is (the one place of that country, or the finest)."""
        if self._one is not _MANY or self._right_after(fig) is not None:
            return None  # one place, or one governed right after the count ("في مرسيليا")
        iso = self._counted_nationality(fig, people_only=True)
        if iso is None:
            return None
        entities = self.ctx.entities
        mine = [m for m in self.locs if (entities.get(m["entity_id"]) or {}).get("country") == iso]
        if len(mine) == len(self.locs):
            return None  # every place is theirs: the usual rules choose among them
        ids = most_specific(self.ctx, self.lex, mine)
        return ids.pop() if len(ids) == 1 else None

    def _counted_place(self, fig: tuple[int, int]) -> str | None:
        """In a sentence naming no place: the article's place, unless the figure counts
        people by a nationality of another country ("22 مليون يمني بحاجة إلى مساعدات" in
        an article placed in France): then their country."""
        # "121 فلسطينيا" in an article placed in Gaza: the article's place
        iso = self._counted_nationality(fig) or self._population_after(fig)
        return self._foreign_country(iso) or self.article_place

    def _population_after(self, fig: tuple[int, int]) -> str | None:
        """ "19 مليون شخص ... أي 60 بالمئة من مجموع الشعب اليمني": a population noun with
        a nisba in the figure's clause, after it, names where the people are."""
        end = next((ce for cs, ce in self._clause_spans() if cs <= fig[0] < ce), self.sent[1])
        words = _WORDS.findall(normalize(self.ctx.visible[fig[1] : end]))[:POPULATION_AFTER_WORDS]
        nisba = lexicon().nisba
        for head, adjective in pairwise(words):
            if key(head) in word_list("figures/populations.txt") and adjective in nisba:
                return nisba[adjective]
        return None

    def _arrested_by(self, fig: tuple[int, int]) -> str | None:
        """ "أعلنت السلطات التونسية اعتقال شخصين": the country of the authority named
        before the count (the last one with a nisba among its adjectives) holds the people
        it arrested; the figure's span may hold it ("احتجزت الشرطة الألمانية أكثر من 100
        شخص")."""
        norm = self.ctx.nt.norm
        fig_norm = self.ctx.nt.to_norm(fig[1])
        iso = None
        for found in reversed(
            list(self.lex.authority_re.finditer(norm, self.sent_norm[0], fig_norm))
        ):
            # "السلطات الأمنية المغربية": the nisba may follow an adjective or two
            words = _WORDS.findall(norm, found.end(), fig_norm)[:AUTHORITY_ADJECTIVES]
            adjectives = list(takewhile(lambda w: w.startswith(_AL), words))
            iso = next((lexicon().nisba[w] for w in adjectives if w in lexicon().nisba), None)
            if iso is not None:
                break
        return self._foreign_country(iso)

    def _foreign_country(self, iso: str | None) -> str | None:
        """The country of ``iso`` unless the article's place lies in it (that is finer)."""
        article = lexicon().by_id.get(self.article_place or "")
        if iso is None or (article is not None and article.country == iso):
            return None
        country = lexicon().country_of_iso.get(iso)
        return country.entity_id if country is not None else None

    def _counted_nationality(self, fig: tuple[int, int], people_only: bool = False) -> str | None:
        """The counted noun is the first nisba of the figure ("22 مليون يمني أي 80 بالمئة");
        ``people_only``: a plural or accusative nisba ("فلسطينيا", "الإريتريين"), not an
        adjective of another noun ("الموالين للحكومة السورية")."""
        for word in normalize(self.ctx.visible[fig[0] : fig[1]]).split():
            iso = _nisba_iso(word, people_only)
            if iso is not None:
                return iso
        return None

    def nisba_country(self) -> str | None:
        """ "أفرجت السلطات السودانية عن عشرات المعتقلين": with no place in the sentence or
        the article, the one country the sentence's nisbas name."""
        gaz = lexicon()
        words = self.ctx.nt.norm[self.sent_norm[0] : self.sent_norm[1]].split()
        isos = {gaz.nisba[w] for w in words if w.startswith(_AL) and w in gaz.nisba}
        if len(isos) != 1:
            return None
        country = gaz.country_of_iso.get(isos.pop())
        return country.entity_id if country is not None else None

    def _clause_spans(self) -> list[tuple[int, int]]:
        if self._clauses is None:  # computed once per sentence, only when a rule asks
            self._clauses = clause_spans(self.ctx.visible, *self.sent)
        return self._clauses

    def _pointed_back(self, fig: tuple[int, int]) -> str | None:
        """ "بمقتل 62 مدنيا في هذه المنطقة": the last place named before the count's clause."""
        follows = normalize(self.ctx.visible[fig[1] : fig[1] + ANAPHOR_REACH])
        if not self.lex.place_anaphor_re.match(follows):
            return None
        opens = next((cs for cs, ce in self._clause_spans() if cs <= fig[0] < ce), fig[0])
        before = [m for m in self.locs if m["end"] <= opens]
        return max(before, key=_start)["entity_id"] if before else None

    def _destination(self, fig: tuple[int, int], max_gap: int) -> str | None:
        """The place right after the figure that its people went to ("إلى لبنان")."""
        after = [m for m in self.went_to if m["start"] >= fig[1]]
        if not after:
            return None
        m = min(after, key=_start)
        gap = self.ctx.visible[fig[1] : m["start"]]
        if len(_gap_words(gap)) > max_gap or "\u060c" in gap or "," in gap:
            return None
        if any(fig[1] <= o["start"] < m["start"] for o in self.locs):
            return None  # "نزح 3 آلاف من حلب إلى إدلب": where they fled from is the place
        return m["entity_id"]

    def _right_after(self, fig: tuple[int, int]) -> str | None:
        """The nearest place after the figure, governed by في/ب ("في مرسيليا")."""
        after = [m for m in self.locs if m["start"] >= fig[1]]
        if not after:
            return None
        m = min(after, key=_start)  # the first of a tie, as sorted() gave
        words = _gap_words(self.ctx.visible[fig[1] : m["start"]])
        # "522 عسكريا أمريكيا في العراق": the counted noun's nisba may close the count
        words = tuple(dropwhile(_nisba_word, words))
        if len(words) <= MAX_LOC_GAP_WORDS and all(w in self.lex.loc_preps for w in words):
            return m["entity_id"]
        return None

    def _sentence_place(self, fig: tuple[int, int]) -> str | None:
        locs = self.locs
        if self._one is not _MANY:
            return self._one
        back = self._pointed_back(fig)
        if back is not None:
            return back
        right_after = self._right_after(fig)
        if right_after is not None:
            return right_after
        where = self._where_clause(fig)
        if where is not None:
            return where
        before = [m for m in locs if m["end"] <= fig[0]]
        if before:  # "هجوم الأحواز، الذي أسفر عن مقتل 25 شخصا": the clause's antecedent
            m = max(before, key=_start)
            if _RELATIVE_GAP.fullmatch(normalize(self.ctx.visible[m["end"] : fig[0]])):
                return m["entity_id"]
        props = self._propositions()
        own = next(((ps, pe) for ps, pe in props if ps <= fig[0] < pe), self.sent)
        for cs, ce in self._clause_spans():
            if cs <= fig[0] < ce:
                lo, hi = (
                    max(cs, own[0]),
                    min(ce, own[1]),
                )  # "... احتجاجا على نقل السفارة من تل أبيب"
                near = [m for m in locs if lo <= m["start"] and m["end"] <= hi]
                if near:
                    return min(near, key=lambda m: _distance(m, fig))["entity_id"]
        for ps, pe in props:
            if ps <= fig[0] < pe:
                ids = most_specific(
                    self.ctx, self.lex, [m for m in locs if ps <= m["start"] and m["end"] <= pe]
                )
                if len(ids) == 1:
                    return ids.pop()
        ids = most_specific(self.ctx, self.lex, locs)
        return ids.pop() if len(ids) == 1 else None

    def _where_clause(self, fig: tuple[int, int]) -> str | None:
        """ "في مدينة جازان في جنوب السعودية حيث اعترضت الرياض صاروخا ... وإصابة 11 آخرين":
        a clause opened by حيث is set at the place named right before it, unless a place
        governed by في/ب sits in the clause itself ("الرياض" there is the government)."""
        text = self.ctx.visible
        cue = next(reversed(list(_WHERE.finditer(text, self.sent[0], fig[0]))), None)
        if cue is None:
            return None
        clause = next((c for c in self._clause_spans() if c[0] <= fig[0] < c[1]), self.sent)
        inside = [m for m in self.locs if cue.end() <= m["start"] < max(fig[0], clause[1])]
        if any(_governed(self.ctx, self.lex, m) for m in inside):
            return None  # "حيث أعلن أن قواته قتلت 30 مسلحا في سوريا": its own place
        named = [m for m in self.locs if cue.start() - WHERE_REACH <= m["end"] <= cue.start()]
        ids = most_specific(self.ctx, self.lex, named) if named else set()
        return ids.pop() if len(ids) == 1 else None

    def _propositions(self) -> list[tuple[int, int]]:
        if self._props is None:  # once per sentence, only when a rule asks
            self._props = _propositions(self.ctx.visible, self.sent)
        return self._props

    def according_to(self, fig: int) -> str | None:
        """Source phrase of the sentence's attribution (``fig``: the figure's normalised start).

        A prepositional cue (بحسب، نقلا عن...) anywhere in the sentence wins, the
        last one when they chain ("حسبما ذكرت وسائل إعلام نقلا عن وزارة الصحة"
        names the origin last); otherwise the reporting verb nearest before the
        figure ("قالت وزارة الداخلية إن ...").
        """
        norm, sent = self.ctx.nt.norm, self.sent_norm
        if self._prep is None:
            self._prep = (self._last_phrase(self.lex.attr_prep_re.finditer(norm, *sent)),)
        if self._prep[0]:
            return self._prep[0]
        return self._last_phrase(self.lex.attr_verb_re.finditer(norm, sent[0], fig))

    def _last_phrase(self, cues: Iterable[re.Match[str]]) -> str | None:
        for cue in reversed(list(cues)):
            phrase = _phrase(self.ctx, self.lex, cue.end(), self.sent_norm[1])
            if phrase:
                return phrase
        return None


_MANY = object()  # marker: the sentence names several places
# Counts of people who are, unless the text says otherwise, in their own country: those
# in need or displaced ("22 مليون يمني بحاجة إلى مساعدات"), crowds ("مئات البلغاريين
# وقفة"). Not the dead or wounded: "قتل 30 شخصا من بينهم ستة كنديين" in Ouagadougou.
AT_HOME_TYPES = frozenset(("AFFECT", "PROTEST"))
# A relative clause right after a place, up to the count: "الأحواز، الذي أسفر عن".
MAX_RELATIVE_GAP_WORDS = 4
_RELATIVE_GAP = re.compile(
    rf"\s*,?\s*و?(?:{normalize('الذي')}|{normalize('التي')})(?:\s+\w+){{1,{MAX_RELATIVE_GAP_WORDS}}}\s*"
)
_WORDS = re.compile(r"\w+")
# Words after an authority searched for its nisba ("السلطات الأمنية المغربية": 2).
AUTHORITY_ADJECTIVES = 3
# People arrested are held by the authority that arrested them, in its own country.
ARRESTED_AT_HOME = frozenset(("ARREST",))
_AL = "\u0627\u0644"
# Characters before a place searched for a direction or border word ("الحدود مع").
ELSEWHERE_WINDOW = 24
# Characters before حيث that hold the place it points back to, with its holder
# ("جازان" في جنوب السعودية حيث": 22).
WHERE_REACH = 40
_WHERE = re.compile(r"(?<!\w)\u0648?\u062d\u064a\u062b(?!\w)")  # (و)حيث
_AND = re.compile(r"\s+\u0648")  # " و" between two places
_HELD_IN = re.compile(r"\s+\u0641\u064a\s+")  # " في " between a place and the one holding it
HEADLINE_NAME_WORDS = 3  # longest place name looked up in a headline ("كوريا الشمالية")
LAUNCH_WINDOW = 60  # characters holding LAUNCH_REACH_WORDS words and "من"
_FROM = normalize("من")
# Conjunctions that set a new proposition against the figure's: a place after one is that
# proposition's (the contrastive entries of figures/proposition_breaks.txt).
_CONTRAST = re.compile(
    "(?<!\\w)(?:[\u0625\u0627]\u0644\u0627 [\u0623\u0627]\u0646"  # إلا أن
    "|\u063a\u064a\u0631 [\u0623\u0627]\u0646"  # غير أن
    "|\u0648?\u0644\u0643\u0646)(?!\\w)"  # لكن، ولكن
)
# Words between a place and the landmark it is said to be near ("قرب", "بالقرب من").
_NEAR = frozenset(normalize(w) for w in ("قرب", "بالقرب من", "على مقربة من", "قريبا من"))
_BORDER = frozenset(normalize(w) for w in ("حدود", "الحدود"))
_OBJECT_PRONOUNS = tuple(normalize(p) for p in ("ه", "ها", "هما", "هم"))
_GLUED = frozenset(normalize("وفبل"))  # one-letter proclitics before a launching word
_BI, _IN = normalize("ب"), normalize("في")
# Words at a sentence's opening searched for an event noun pointing back ("وأسفرت
# الاشتباكات التي ..." is 2; "وأدى الانفجار الذي وقع" too; four allows a connective).
EVENT_OPENING_WORDS = 4
_CONJUNCTIONS = frozenset(normalize("وف"))
# Most words between a place and the larger place that holds it
# ("شرق مدينة خان يونس جنوب قطاع غزة": جنوب قطاع).
MAX_CONTAINER_GAP_WORDS = 3


def _words_before(ctx: ExtractContext, m: dict) -> tuple[str, ...]:
    """The normalised words in the ``ELSEWHERE_WINDOW`` characters before a place."""
    return _gap_words(ctx.visible[max(0, m["start"] - ELSEWHERE_WINDOW) : m["start"]])


def _after_destination(ctx: ExtractContext, lex: Lexicon, m: dict) -> bool:
    before = _words_before(ctx, m)
    return bool(before) and before[-1] in lex.destinations


def _governed(ctx: ExtractContext, lex: Lexicon, m: dict) -> bool:
    """The place is governed by a location preposition or head ("في حلب", "بمدينة")."""
    before = _words_before(ctx, m)
    return bool(before) and before[-1] in lex.loc_preps


def elsewhere(ctx: ExtractContext, lex: Lexicon, m: dict) -> bool:
    """A place named as a direction or a border ("صوب الجولان", "الحدود مع الأردن"), or
    where a missile was fired from ("أطلقه المتمردون من اليمن") or who fired it, the
    subject of a launching verb with its object pronoun ("صاروخا سكالب أطلقتهما فرنسا")."""
    before = _words_before(ctx, m)
    tail = before[-2:]
    if any(" ".join(tail[i:]) in lex.place_not_here for i in range(len(tail))):
        return True
    if tail and _launched_it(lex, tail[-1]):
        return True
    return bool(tail) and tail[-1] == _FROM and _launched(ctx, lex, m)


def _without_conjunction(word: str) -> str:
    """``word`` without a glued و/ف/ب/ل ("بمحافظتي" -> "محافظتي")."""
    return word[1:] if word[:1] in _GLUED else word


def _spoken_at(ctx: ExtractContext, m: dict) -> bool:
    """The place is where a speaker spoke ("للصحفيين في كاتانيا", ``figures/spoke_at.txt``)."""
    before = _words_before(ctx, m)[-3:]
    cues = word_list("figures/spoke_at.txt")
    return any(" ".join(before[i:]) in cues for i in range(len(before)))


def _away(ctx: ExtractContext, lex: Lexicon, locs: list[dict], spoken: bool = True) -> list[dict]:
    """The places named as elsewhere, with a place joined to one of them by و ("على حدود
    قطاع غزة وإسرائيل": the border between the two is no place of either). ``spoken``:
    where a speaker spoke is elsewhere too (when the article has a place of its own to fall
    back on: a press conference is mostly held where the story is)."""
    out: list[dict] = []
    said_there = [spoken and _spoken_at(ctx, m) for m in locs]
    last_said = False  # the last place put away is where a speaker spoke
    for i, m in enumerate(locs):
        joined = bool(out) and _AND.fullmatch(ctx.visible, out[-1]["end"], m["start"])
        # "للصحفيين في كاتانيا في صقلية": the place holding where a speaker spoke
        joined = joined or (
            last_said and _HELD_IN.fullmatch(ctx.visible, out[-1]["end"], m["start"]) is not None
        )
        near = i > 0 and _landmark(ctx, locs[i - 1], m)
        if (
            joined
            or near
            or said_there[i]
            or elsewhere(ctx, lex, m)
            or _border_between(ctx, locs, i)
        ):
            out.append(m)
            last_said = said_there[i]
    return out


def _landmark(ctx: ExtractContext, place: dict, m: dict) -> bool:
    """ "الغوطة الشرقية قرب دمشق": a place named right after another by "قرب" is where
    that one lies, not where the counted thing happened."""
    gap = _gap_words(ctx.visible[place["end"] : m["start"]])
    return bool(gap) and " ".join(gap) in _NEAR


def _border_between(ctx: ExtractContext, locs: list[dict], i: int) -> bool:
    """ "على حدود قطاع غزة وإسرائيل": a border two places share is in neither ("على حدود
    قطاع غزة" alone is in Gaza)."""
    before = _words_before(ctx, locs[i])
    nxt = locs[i + 1] if i + 1 < len(locs) else None
    joined = nxt is not None and _AND.fullmatch(ctx.visible, locs[i]["end"], nxt["start"])
    return bool(before) and before[-1] in _BORDER and bool(joined)


def _launched(ctx: ExtractContext, lex: Lexicon, m: dict) -> bool:
    """A launching word in the few words before "من" that opens the place."""
    words = _gap_words(ctx.visible[max(0, m["start"] - LAUNCH_WINDOW) : m["start"]])
    return any(_launching(lex, w) for w in words[-LAUNCH_REACH_WORDS - 1 : -1])


def _launched_it(lex: Lexicon, word: str) -> bool:
    """A launching verb with its object pronoun ("صاروخا سكالب أطلقتهما فرنسا", "أطلقه
    الحوثيون"): the count came before it, and the place after it is who fired; not
    "أطلقت كوريا الشمالية 3 صواريخ" (the only place), "أطلقت إسرائيل سراح" or "إطلاق"."""
    bare = _without_conjunction(word)
    return bare in lex.launches and bare.endswith(_OBJECT_PRONOUNS)


def _launching(lex: Lexicon, word: str) -> bool:
    """A launching word, maybe with a conjunction or preposition glued on ("وأطلقه",
    "بإطلاق")."""
    return word in lex.launches or (word[:1] in _GLUED and word[1:] in lex.launches)


def most_specific(ctx: ExtractContext, lex: Lexicon, locs: list[dict]) -> set[str]:
    """Ids of ``locs`` without the places that only hold another of them.

    A place is a holder when the text names it right after another as its
    setting ("خان يونس جنوب قطاع غزة", "ماناغوا عاصمة نيكاراغوا") or when the
    gazetteer makes it the other's country or region.
    """
    ids = {m["entity_id"] for m in locs}
    if len(ids) < 2:
        return ids
    holders: set[str] = set()
    ordered = sorted(locs, key=_start)
    for a, b in pairwise(ordered):
        if a["entity_id"] != b["entity_id"]:
            # "تلول الصفا، بمحافظة السويداء": a comma may set the holder off
            words = [w for w in _gap_words(ctx.visible[a["end"] : b["start"]]) if w != ","]
            if len(words) <= MAX_CONTAINER_GAP_WORDS and all(w in lex.place_holders for w in words):
                holders.add(b["entity_id"])
    for eid in ids:
        inner = ctx.entities.get(eid) or {}
        for other in ids - {eid}:
            outer = ctx.entities.get(other) or {}
            if inner.get("parent_id") == other or (
                outer.get("granularity") == "country"
                and inner.get("granularity") != "country"
                and inner.get("country")
                and inner.get("country") == outer.get("country")
            ):
                holders.add(other)
    return (ids - holders) or ids


def _holders(eid: str) -> list[str]:
    """``eid``, the regions holding it and its country, innermost first."""
    gaz = lexicon()
    out: list[str] = []
    entry = gaz.by_id.get(eid)
    while entry is not None and entry.entity_id not in out:
        out.append(entry.entity_id)
        entry = gaz.by_id.get(entry.parent) if entry.parent else None
    country = gaz.country_of_iso.get(gaz.by_id[eid].country or "") if eid in gaz.by_id else None
    if country is not None and country.entity_id not in out:
        out.append(country.entity_id)
    return out


def common_holder(a: str, b: str) -> str | None:
    """The innermost known place holding both ``a`` and ``b`` (or being one of them). A
    place the gazetteer does not know is taken to lie in the other's country: a dual head
    joins places of one kind ("في منطقتي الفحيص والسلط": Jordan)."""
    inner, outer = _holders(a), _holders(b)
    if not inner or not outer:
        known = inner or outer
        return known[-1] if len(known) > 1 else None  # its country, when it is no country
    return next((h for h in inner if h in set(outer)), None)


def article_place(ctx: ExtractContext, lex: Lexicon, locs: list[dict]) -> str | None:
    """The article's place: the lead paragraph's most named one, else its dateline's.

    The lead says where the story happened; a dateline says where it was filed,
    which is mostly the same place but not always ("جاكرتا -- وقعت ست موجات من
    الهجمات في ألماتي": Xinhua's desk, Almaty's story).
    """
    dateline = next((m["entity_id"] for m in locs if m.get("method") == "dateline"), None)
    lead = _named_in(ctx, lex, locs, ctx.lead_span)
    ids = most_specific(ctx, lex, lead)
    if not ids and (dateline is None or _desk(ctx, locs, dateline)):
        # "قتلت قوات الأمن الإندونيسية أربعة مسلحين ... في شمال غربي البلاد" names no
        # place and has no dateline: the next paragraph does ("مركز الشرطة في رياو").
        lead = _named_in(ctx, lex, locs, paragraph_from(ctx.visible, ctx.lead_span[1]))
        ids = most_specific(ctx, lex, lead)
    if not ids:
        return dateline or _headline_place(ctx, locs)
    counts = {eid: 0 for eid in ids}
    for m in locs:
        if m["entity_id"] in counts:
            counts[m["entity_id"]] += 1
    first = {m["entity_id"]: i for i, m in reversed(list(enumerate(lead)))}
    return max(ids, key=lambda eid: (counts[eid], -first[eid]))


def _headline_place(ctx: ExtractContext, locs: list[dict]) -> str | None:
    """The first place a metadata headline names that the article names too ("عملة إيران
    تتأرجح على وقع تصريحات ترامب" over a lead naming no place and no dateline)."""
    if not ctx.headline:
        return None
    named = {m["entity_id"] for m in locs}
    forms = lexicon().forms
    words = _WORDS.findall(key(ctx.headline))  # "البحرين: اعتقال 30", '«بغداد» تهتز'
    found: list[tuple[bool, str]] = []  # (governed by في/ب, place id)
    for i in range(len(words)):
        for n in range(min(HEADLINE_NAME_WORDS, len(words) - i), 0, -1):
            first, glued = words[i], ""
            entry = forms.get(" ".join(words[i : i + n]), (None,))[0]
            if entry is None and first[:1] in _GLUED:  # "بالبحرين", "وإيران"
                glued, first = first[:1], first[1:]
                entry = forms.get(" ".join([first, *words[i + 1 : i + n]]), (None,))[0]
            if entry is not None and entry.kind == "LOCATION" and entry.entity_id in named:
                at = glued == _BI or (i > 0 and words[i - 1] == _IN)
                found.append((at, entry.entity_id))
                break
    # "إيران تدين اعتقال 30 محتجا في البحرين": the place the story is in, else the first
    return next((eid for at, eid in found if at), found[0][1] if found else None)


def _desk(ctx: ExtractContext, locs: list[dict], dateline: str) -> bool:
    """A dateline the story never names again, in a country the story never names: the
    desk that filed it ("دبي، الإمارات العربية المتحدة (CNN)" over a story from Gaza)."""
    country = (ctx.entities.get(dateline) or {}).get("country")
    for m in locs:
        if m.get("method") == "dateline":
            continue
        named = ctx.entities.get(m["entity_id"]) or {}
        if m["entity_id"] == dateline or (country and named.get("country") == country):
            return False
    return True


def _named_in(ctx: ExtractContext, lex: Lexicon, locs: list[dict], span: tuple[int, int]):
    """The places a paragraph names for its story (no dateline, no place elsewhere)."""
    start, end = span
    inside = [m for m in locs if start <= m["start"] and m["end"] <= end]
    away = {id(m) for m in _away(ctx, lex, inside)}
    return [m for m in inside if m.get("method") != "dateline" and id(m) not in away]


def _start(m: dict) -> int:
    return m["start"]


def _nisba_iso(word: str, people_only: bool = False) -> str | None:
    """The country of a nisba, with or without ال, in any case ending ("أمريكيا",
    "الأمريكيين"); ``people_only``: only a plural or accusative one, people counted."""
    stems = tuple(word[: -len(e)] for e in NATIONAL_ENDS if word.endswith(e))
    for form in stems if people_only else (word, *stems):
        iso = lexicon().nisba.get(form if form.startswith(_AL) else _AL + form)
        if iso is not None:
            return iso
    return None


def _nisba_word(word: str) -> bool:
    return _nisba_iso(word) is not None


@lru_cache(maxsize=1 << 12)
def _gap_words(gap: str) -> tuple[str, ...]:
    # The same short gaps (" في ", " في مدينة ") recur across figures and articles.
    return tuple(normalize(gap).split())


@cache
def _breaks() -> re.Pattern[str]:
    words = sorted(
        (r[0] for r in read_rows("figures/proposition_breaks.txt")), key=len, reverse=True
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def _propositions(text: str, sent: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentence cut before each conjunction that opens a new proposition."""
    cuts = [m.start() for m in _breaks().finditer(text, *sent)]
    bounds = [sent[0], *cuts, sent[1]]
    return list(pairwise(bounds))


def _distance(row: dict, fig: tuple[int, int]) -> int:
    if row["end"] <= fig[0]:
        return fig[0] - row["end"]
    return max(0, row["start"] - fig[1])


def _phrase(ctx: ExtractContext, lex: Lexicon, pos: int, end: int) -> str | None:
    norm = ctx.nt.norm
    first = last = None
    words = 0
    for t in _TOKEN.finditer(norm, pos, end):
        w = t.group()
        if w in _NAME_PUNCT:
            continue
        if not w[0].isalpha() or w in lex.attr_stop or words >= MAX_ATTR_WORDS:
            break
        first = t.start() if first is None else first
        last = t.end()
        words += 1
    if first is None or last is None:
        return None
    s, e = ctx.nt.span(first, last)
    return ctx.text[s:e]
