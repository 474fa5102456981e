"""Bind numbers to triggers inside one sentence of normalised text.

For each number expression the rules look, in order of strength, for:

1. an *event* trigger just before it ("قُتل 164 شخصا", "اعتقلت الشرطة نحو 300"),
   or one inherited through a coordination ("مقتل 5 جنود و3 مدنيين");
2. a *tally* before it ("عدد المعتقلين ... ارتفع إلى نحو ستة آلاف");
3. its typed counted noun right after it ("20 قتيلا", "ست موجات من الهجمات");
4. a *post* verb after the number and its noun ("103 منهم قتلوا").

A number followed by a unit of time, money, percent, distance... or preceded
by a year/page/age word is not a count; so is a bare year-like digit group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from akhbar.data import read_rows
from akhbar.text.normalize import normalize
from akhbar.text.numbers import NumberMatch, find_numbers
from tasks.extract.common.gazetteer import word_list
from tasks.extract.common.names import is_definite
from tasks.extract.figures.lexicon import (
    OF_THEM,
    Entry,
    Lexicon,
    canon,
    governs,
    hit_word,
    word_list_re,
)

__all__ = ["Found", "sentence_figures"]

# Words allowed between an event trigger and its number once a qualifier is
# stripped: a subject or object of up to three words ("قتلت قوات الأمن 20").
# Calibrated on the test sentences: 4 starts binding numbers of other clauses.
MAX_EVENT_GAP_WORDS = 3
# With people counted after the number ("أوقفت السلطات على خلفية تلك الاحتجاجات أكثر من
# 450 شخصا"), a subject and a phrase may come between: calibrated on ant_dev (see
# docs/figures.md).
MAX_EVENT_GAP_WORDS_PEOPLE = 6
_PEOPLE_ROLES = ("generic", "actor")
# Words allowed between a tally's noun and its number ("عدد المعتقلين
# المشاركين في أعمال الشغب في كازاخستان ارتفع إلى نحو ستة آلاف": 9).
MAX_TALLY_GAP_WORDS = 10
# Words between the tally word and its counted noun ("العدد الإجمالي للإرهابيين").
MAX_TALLY_NOUN_WORDS = 2
# Characters between a pointing-back tally ("وعددهم", "والبالغ عددهم") and its number.
MAX_BACK_TALLY_CHARS = 24
# Words between a counted noun and the post verb agreeing with it, when a complement
# comes between ("118 عنصرا من مختلف القوات الأمنية والعسكرية التونسية قتلوا": 6);
# the clause's punctuation or a complementiser still cuts the window.
MAX_POST_GAP_WORDS = 6
# Words between a figure and the "من بينهم" that opens its breakdown: an object
# or a place ("9 أشخاص في المدينة، من بينهم"); the comma before the cue is allowed.
MAX_PART_OF_GAP_WORDS = 6
# Words between an event and "أحد" it counts: a one-word subject ("اعتقلت الشرطة أحد");
# with more, أحد belongs to a noun of the clause (fixed on round-3 gold: 1 false, 0 lost).
MAX_ONE_OF_GAP_WORDS = 1
# A digits-only number in this range with no counted noun after it is a year.
YEAR_MIN, YEAR_MAX = 1900, 2100
# Punctuation that closes a binding window (normalised text: Arabic comma is ",").
_STOP = re.compile(r"[,.;:!?\"()\[\]{}\u061b]")
_WORD = re.compile(r"\w+")
_OF = re.compile(r"\s*من\s+")
_ATTACK = "ATTACK"
# the counted word after a number, past "من هذه" / "من" and ال ("ثلاث من هذه الصواريخ")
_TARGET_WORD = re.compile(r"\s*(?:من\s+(?:هذه\s+|تلك\s+)?)?(?:ال)?(\w+)")
# A complement of people after a number: definite ("من المتقاعدين") or with a possessive
# ("من مقاتليها", "من أنصاره"); not "من عمرها", an age.
_OF_PEOPLE = re.compile(r"\s*من\s+(?:ال|(?!عمر)\w+(?:ه|ها|هم)(?!\w))")
# A tally's people, then the relative pronoun of people ("عدد الفلسطينيين الذين").
_TALLY_WHO = re.compile(r"\s*(?:\w+\s+){1,2}?(?:الذين|اللواتي|اللاتي)\s*")
# "حصيلة هذا القصف": a tally of the event just told; "ألف" after الذي/التي is a verb.
_DEMONSTRATIVES = frozenset(normalize(w) for w in ("هذا", "هذه", "ذلك", "تلك"))
_THOUSAND = normalize("ألف")
# Relative pronouns of things (normalised): a verb after one belongs to the relative
# clause ("55 من الصناديق التي تضم رفات جنود قتلوا"); "الذين نزحوا" agrees with people.
_RELATIVE = re.compile(r"(?<!\w)(?:التي|الذي)(?!\w)")
_RELATIVE_BEFORE = re.compile(_RELATIVE.pattern + r"\s+$")  # ... right before a word
_CONJ = frozenset("وف")
_CLITICS = frozenset("وفلب")  # و ف ل ب
_LAST_WORD = re.compile(r"(\w+)\s*$")
# What may separate two coordinated counts ("30 مصريا، و15 فرنسيا": a comma only with و).
_COORD = re.compile(r"\s*(?:,\s*و|و?)\s*")
_AL = normalize("ال")
AMONG_REACH = 10  # characters of "ومن بين " before the noun
_AMONG = re.compile(rf"(?<!\w)و?(?:{normalize('من')}\s+)?{normalize('بين')}\s+$")
_AND_NOUN = re.compile(r"\s+و\w")
_THEY = re.compile(rf"\s+(?:{normalize('هم')}|{normalize('هن')})\s")
_FEM_VERB = re.compile(rf"{normalize('ت')}$")
_COORD_ONLY = re.compile(r"\s+و?\s*")  # two events joined: "مقتل وإصابة"
# A place phrase of up to MAX_COORD_PLACE_WORDS words, then و: "في حلب و" + the next count.
MAX_COORD_PLACE_WORDS = 3
_PLACE_WORDS = rf"\w+(?:\s+\w+){{0,{MAX_COORD_PLACE_WORDS - 1}}}"
_COORD_AFTER_PLACE = re.compile(
    rf"\s+(?:{normalize('في')}\s+|{normalize('ب')}){_PLACE_WORDS}\s+و\s*"
)
# Characters before a definite number searched for the noun it follows ("التفجيرات" is 9).
NOUN_BEFORE_CHARS = 24
# Monday's names (weekdays.tsv, both spellings): "الاثنين" is also "the two".
_MONDAY = frozenset(normalize(n) for day, n in read_rows("weekdays.tsv") if day == "1")
_PART_GAP = re.compile(r"\s*,?\s*و?")  # between a figure and "N منهم" that parts it
_OF_THOSE_WHO = re.compile(r"\s*ممن(?!\w)")
_HARD_STOP = re.compile(r"[.;:!?\"()\[\]{}\u061b]")  # _STOP without the comma
# A complementiser opens a new clause: "تمكنوا من الفرار وإن 60 مدنيا قتلوا".
_OPENER = re.compile(rf"(?<!\w)[{normalize('وف')}]?{normalize('إن')}(?:ه|ها|هم)?(?!\w)")
_WITH = re.compile(rf"\s+{normalize('ب')}")
_WAW = normalize("و")
_TO = normalize("إلى")
_SPACES = re.compile(r"\s*")
_ADJECTIVE_PREFIXES = frozenset(("", normalize("ال")))
_CLOSE_AFTER_NUMBER = re.compile(
    r"\s*[)\"]"
)  # also a quote closed on the number: 'عن "نحو 30" قتيلا'
_QUOTE_CLOSE = re.compile(r"\s*\"(?=\s)")
_QUOTE_BEFORE_COUNT = re.compile(r"\s\"\s*$")
_PAREN_OPEN = re.compile(r"\(\s*$")


@dataclass(slots=True)  # not frozen: cheaper to build; nothing mutates it
class Found:
    """One figure in normalised offsets."""

    count_type: str
    value: int
    value_max: int | None
    qualifier: str
    obj: str | None
    start: int
    end: int
    trigger: tuple[int, int]
    part: bool = False  # "50 منهم" right after a figure: a part of it


@dataclass(slots=True)
class _Num:
    m: NumberMatch
    start: int  # may extend left over a range opener
    value_max: int | None = None
    qualifier: str | None = None


@dataclass(slots=True)
class _Noun:
    entry: Entry | None  # the type-bearing noun (complement wins over head/generic)
    obj: str | None
    start: int
    end: int  # end of everything consumed after the number (noun, complement, qualifier)
    qualifier: str | None = None


def sentence_figures(
    lex: Lexicon, norm: str, s: int, e: int, hits: list[re.Match[str]]
) -> list[Found]:
    """Figures of sentence ``norm[s:e]``; ``hits`` are its trigger matches (``trigger_re``)."""
    nums = _ranges(lex, norm, [_Num(m, m.start) for m in find_numbers(norm, s, e)])
    if not nums:
        return []
    events = []
    for m in hits:
        begin, w = hit_word(lex, m)
        if w in lex.events:
            events.append((begin, m.end(), lex.events[w]))
        elif _names_the_count(lex, norm, m, w):
            events.append((begin, m.end(), lex.nouns[w]))
    out: list[Found] = []
    prev: tuple[Found, tuple[int, int, Entry]] | None = None
    before = s  # end of the last number that could be a count
    for num in nums:
        if out and _repeats_dual(norm, out[-1], num):
            out[-1].end = num.m.end  # "جنديين اثنين": the numeral repeats the dual
            continue
        if _not_a_count(lex, norm, s, e, num):
            continue  # years, money, durations... do not cut an event from its number
        found, ev = _link(lex, norm, s, e, num, events, before, prev, out[-1] if out else None)
        if found is not None and _one_of(lex, norm, num) and not _governs(norm, ev, num):
            # "رفع أحد المتظاهرين لافتة": one of a group, no count; "باعتقال أسقف متهم
            # باغتصاب إحدى الراهبات": the event's object is another noun
            found = None
        if found is not None:
            out.append(found)
        prev = (found, ev) if found is not None and ev is not None else None
        before = num.m.end
    return out


def _names_the_count(lex: Lexicon, norm: str, m: re.Match[str], word: str) -> bool:
    """ "الجرحى هم أربعة من قوات الدرك", "ومن بين المختطفين عضوان": a definite typed noun
    then "هم", or after "من بين", says what the counts after it are, like an event."""
    entry = lex.nouns.get(word)
    if entry is None or entry.role != "noun" or entry.count_type is None:
        return False
    # "ومن بين المختطفين عضوان": the counts after "among the <noun>" are of that noun,
    # also of a noun in construct ("من بين ضحايا تحطم الطائرة 30 مصريا")
    among = _AMONG.search(norm, max(0, m.start() - AMONG_REACH), m.start())
    if not m.group("tok").endswith(_AL + word):
        return among is not None and m.group("tok") == word
    if _THEY.match(norm, m.end()) is not None:
        return True
    # "تبادل بين المعتقلين والأسرى": between one group and another, no share of either
    return among is not None and _AND_NOUN.match(norm, m.end()) is None


def _governs(norm: str, ev: tuple[int, int, Entry] | None, num: _Num) -> bool:
    """The event takes the number as its object: at most a subject word between
    ("مقتل أحد المتظاهرين", "اعتقلت الشرطة أحد المشتبه بهم"). "واحد" after its noun
    ("أصيب جندي إسرائيلي واحد") folds like و + أحد: it is the event's count of one."""
    if ev is None:
        return False
    glued = num.m.start > 0 and norm[num.m.start - 1] == _WAW
    return glued or len(_WORD.findall(norm, ev[1], num.start)) <= MAX_ONE_OF_GAP_WORDS


def _one_of(lex: Lexicon, norm: str, num: _Num) -> bool:
    """The number is "أحد" / "إحدى", with or without و ف ب ل ("لأحد المحتجين")."""
    word = norm[num.m.start : num.m.end]
    return any(word[i:] in lex.one_of for i in range(min(3, len(word))))


def _repeats_dual(norm: str, last: Found, num: _Num) -> bool:
    gap = norm[last.end : num.m.start]
    return last.value == num.m.value == 2 and not num.m.digits_only and (gap == "" or gap.isspace())


def _not_a_count(lex: Lexicon, norm: str, s: int, e: int, num: _Num) -> bool:
    m = num.m
    if not m.is_integer or m.value <= 0 or _blocked(lex, norm, s, num):
        return True
    if norm[m.start : m.end] == _THOUSAND and _RELATIVE_BEFORE.search(norm, s, m.start):
        return True  # "وولف الذي ألف 15 رواية": the verb "wrote", not a thousand
    if m.lemma is not None and is_definite(norm[m.start : m.end]):
        return True  # "التهجم على الجنديين": the two named before, not a count
    if lex.noun_re.match(norm, m.end, e) or m.lemma is not None:
        return False
    if lex.blocked_after_re.match(norm, m.end, e):
        return True
    return m.digits_only and YEAR_MIN <= m.value <= YEAR_MAX


def _ranges(lex: Lexicon, norm: str, nums: list[_Num]) -> list[_Num]:
    """Merge "بين 10 و15", "من 200 إلى 300", "200-300" into one ranged number."""
    out: list[_Num] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        if i + 1 < len(nums) and not a.m.vague and not nums[i + 1].m.vague:
            b = nums[i + 1]
            opener = _range_opener(lex, norm, a, b)
            if opener is not None and b.m.value > a.m.value:
                a.start, a.value_max, a.qualifier = opener, int(b.m.value), "range"
                a.m = NumberMatch(a.m.value, None, a.m.start, b.m.end, digits_only=b.m.digits_only)
                out.append(a)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range_opener(lex: Lexicon, norm: str, a: _Num, b: _Num) -> int | None:
    gap = norm[a.m.end : b.m.start].strip()
    head = norm[max(0, a.m.start - 8) : a.m.start].rstrip()
    for opener, joiner in lex.ranges:
        if gap != joiner:
            continue
        if opener == "-":
            # No opener: only digit pairs ("200-300", "200 إلى 300") are safe.
            if a.m.digits_only and b.m.digits_only and joiner != "و":
                return a.m.start
        elif re.search(rf"(?<!\w){re.escape(opener)}$", head):
            return a.m.start - (len(head) - head.rfind(opener))
    return None


def _link(
    lex: Lexicon,
    norm: str,
    s: int,
    e: int,
    num: _Num,
    events: list[tuple[int, int, Entry]],
    before: int,
    prev: tuple[Found, tuple[int, int, Entry]] | None,
    last: Found | None = None,
) -> tuple[Found | None, tuple[int, int, Entry] | None]:
    m = num.m
    noun = _noun_after(lex, norm, e, m)
    opened = _PAREN_OPEN.search(norm, max(s, num.start - 4), num.start)
    qual_start, pre_q = _pre_qualifier(lex, norm, s, opened.start() if opened else num.start)
    people = noun is not None and noun.entry is not None and noun.entry.role in _PEOPLE_ROLES
    # "نزح إلى بنغلاديش عبر الحدود مع ميانمار حوالي 700 ألف من الروهينجا": a people
    # complement the lexicon does not type still lets the event reach over a phrase
    of_people = noun is None and _OF_PEOPLE.match(norm, m.end, e) is not None
    people = people or of_people
    ev = _event_before(lex, norm, events, before, qual_start, prev, num, people)
    if ev is not None and ev[2].count_type == _ATTACK and ev[2].role == "event":
        ev = ev if _targets_after(norm, m.end) else None
    if ev is not None and ev[2].role == "release" and _of_them(norm, noun):
        ev = None  # "اعتقلت 40 متظاهرا، وأفرجت عن 30 منهم": a part of the arrested
    if ev is not None and _typed_noun(noun) and _yields(ev, noun, prev):
        # "بين المحتجين وقوات الأمن 78 قتيلا", "16 قتيلا بينهم ثمانية مسلحين، و80 جريحا",
        # "أفرجت الجماعة عن 4 رهائن": the count's own noun types it, not a noun before it,
        # a coordinated count's event or the release of hostages
        ev = None
    trig: tuple[int, int, Entry] | None = ev
    tally = detached = parted = False
    if trig is None:
        trig = _tally_before(lex, norm, s, before, qual_start)
        if trig is not None and _typed_noun(noun) and noun.entry.count_type != trig[2].count_type:
            trig = None  # "حصيلة الهجمات ... بلغت 252 قتيلا": the count's own noun types it
        tally = trig is not None
    if trig is None:  # "مقتل كل من كانوا على متنها وعددهم 298 شخصا"
        trig = _back_tally(lex, norm, s, qual_start, events)
        if trig is None:  # "ما يرفع إلى 178 حصيلة قتلى الاضطرابات"
            trig = _tally_after(lex, norm, s, e, num, qual_start)
        if trig is None and last is not None:  # "القبض على 9 أشخاص، من بينهم 3 روس"
            trig = _part_of(lex, norm, last, qual_start)
            parted = trig is not None
        if trig is None and last is not None:  # "مقتل 29 مدنيا، لترتفع الحصيلة إلى 1517"
            trig = _risen_tally(lex, norm, last, qual_start)
        detached = trig is not None  # the trigger is far: the surface is the count alone
    typed = noun is not None and noun.entry is not None and noun.entry.count_type is not None
    if trig is None and _typed_noun(noun):
        trig = (noun.start, noun.end, noun.entry)
    if trig is None and noun is None:  # "التفجيرات الأربعة": the noun before a definite number
        trig = _noun_before(lex, norm, s, num)
    if trig is None:  # "14 جنديا قتلوا": a post verb beats an actor noun
        # "عشرات الآلاف من المتقاعدين في مسيرات": people named by a complement the
        # lexicon does not type reach a post verb as a counted noun does
        # (a definite complement: "في الرابعة والخمسين من عمرها" is an age; "بالمئة من
        # الشعب" a share, governed by the ب glued before the number)
        glued = (num.start > 0 and norm[num.start - 1].isalpha()) or norm.startswith(
            ("\u0628\u0627\u0644", "\u0644\u0644"), num.start
        )  # بال، لل: a preposition on the number word
        reach = noun is not None or (of_people and not glued)
        trig = _post_after(lex, norm, noun.end if noun else m.end, e, reach=reach)
    part = False
    if trig is None and last is not None:  # "62 شخصا استشهدوا، 50 منهم ينتمون لحماس"
        trig = _part_after(norm, last, num, noun)
        part = detached = parted = trig is not None
    if trig is None and typed:
        trig = (noun.start, noun.end, noun.entry)
    if trig is None or trig[2].count_type is None:
        return None, None
    if noun is None:  # "وإصابة 15 على الأقل": a qualifier after a bare number
        pre_q = pre_q or _post_qualifier(lex, norm, m.end, e)[1]
    qualifier = _qualifier(num, pre_q, noun)
    # The surface joins number, counted noun and trigger; a far tally word
    # ("عدد المعتقلين ... ستة آلاف شخص") stays out when a noun follows the number.
    noun_end = noun.end if noun and noun.entry else m.end
    coordinated = ev is not None and _shared(prev, ev)  # "مقتل 5 جنود و3 مدنيين": its own words
    if detached or coordinated:
        start, end = num.start, max(noun_end, m.end)
    elif tally and noun is not None and noun.entry is not None:
        start, end = num.start, noun_end
    else:
        start, end = min(num.start, trig[0]), max(noun_end, trig[1], m.end)
    obj = noun.obj if noun else (m.lemma or None)
    found = Found(
        trig[2].count_type,
        int(m.value),
        m.value_max if m.vague else num.value_max,
        qualifier,
        obj,
        start,
        end,
        (trig[0], trig[1]),
        part or _of_a_count(norm, last, (trig[2].count_type, int(m.value)), noun, noun_end),
    )
    # "هم 37 رجلا وتسع نساء": the parts after the first share its whole's type
    return found, (trig if parted and ev is None else ev)


def _targets_after(norm: str, pos: int) -> bool:
    """A strike's verb counts the targets it hit ("ضربت 35 هدفا للحوثيين", "عشرات
    الأهداف", ``figures/targets.txt``), never people, houses or quakes ("استهدف أحد أبرز
    المدربين", "ودمرت الغارات 50 منزلا")."""
    word = _TARGET_WORD.match(norm, pos)
    return word is not None and word.group(1) in word_list("figures/targets.txt")


def _yields(
    ev: tuple[int, int, Entry], noun: _Noun, prev: tuple[Found, tuple[int, int, Entry]] | None
) -> bool:
    """The event before gives way to the typed noun counted after the number."""
    if ev[2].role == "release":  # released protesters are ARREST, released hostages KIDNAP
        return noun.entry is not None and noun.entry.count_type == "KIDNAP"
    return ev[2].role == "noun" or _shared(prev, ev)


def _shared(prev: tuple[Found, tuple[int, int, Entry]] | None, ev: tuple[int, int, Entry]) -> bool:
    """``ev`` is the event of the coordinated count before, passed on to this one."""
    return prev is not None and ev is prev[1]


def _typed_noun(noun: _Noun | None) -> bool:
    """The counted noun has a type of its own ("قتيلا", "جريح")."""
    entry = noun.entry if noun is not None else None
    return entry is not None and entry.role == "noun" and entry.count_type is not None


def _begin(m: re.Match[str]) -> int:
    """Start of a matched word with its article/preposition but without و/ف."""
    pre = m.group("pre") or ""
    return m.start("pre") + (1 if pre[:1] in _CONJ else 0)


def _qualifier(num: _Num, pre_q: str | None, noun: _Noun | None) -> str:
    if num.m.vague:
        return "vague"
    if num.qualifier:
        return num.qualifier
    return pre_q or (noun.qualifier if noun else None) or "exact"


def _blocked(lex: Lexicon, norm: str, s: int, num: _Num) -> bool:
    end = num.start
    if end > s and norm[end - 1] == _WAW:
        end -= 1  # "عام واحد" is و + أحد: the word before it is the unit counted
    m = _LAST_WORD.search(norm, max(s, end - 20), end)
    if m is None:  # punctuation (or nothing) right before the number
        return False
    last = m.group(1)
    return last in lex.blocked_before or (
        last[0] in _CLITICS and last[1:] in lex.blocked_before
    )  # "وعام", "لمدة" ... "ليوم واحد"


def _pre_qualifier(lex: Lexicon, norm: str, s: int, start: int) -> tuple[int, str | None]:
    m = lex.pre_qual_re.search(norm, max(s, start - 24), start)
    if m is None:
        return start, None
    return m.start(), lex.pre_qual[canon(m.group("q"))]


def _post_qualifier(lex: Lexicon, norm: str, pos: int, e: int) -> tuple[int, str | None]:
    m = lex.post_qual_re.match(norm, pos, e)
    return (m.end(), lex.post_qual[canon(m.group("w"))]) if m else (pos, None)


def _noun_after(lex: Lexicon, norm: str, e: int, m: NumberMatch) -> _Noun | None:
    """The counted noun after a number, with "من ال..." complement and post qualifier."""
    close = _CLOSE_AFTER_NUMBER.match(norm, m.end, e)  # "عدد (13) فرد": official statements
    pos, qual = _post_qualifier(lex, norm, close.end() if close else m.end, e)
    if m.lemma is not None:  # a dual noun is its own counted noun
        lemma = normalize(m.lemma)  # "انفجارين": a form of a row whose lemma is another
        entry = lex.lemmas.get(lemma) or lex.nouns.get(canon(lemma))
        head: _Noun | None = _Noun(entry, m.lemma, m.start, m.end, qual)
    else:
        nm = lex.noun_re.match(norm, pos, e)
        head = None
        if nm is not None and (nm.group("pre") or "")[:1] in _CONJ:
            nm = None  # "مقتل 29 وإصابة 24": a noun after و opens the next count
        if nm is not None:
            entry = lex.nouns[canon(nm.group("w"))]
            head = _Noun(entry, entry.lemma, _begin(nm), nm.end(), qual)
            pos = nm.end()
    if head is not None:
        pos, q2 = _post_qualifier(lex, norm, pos, e)
        head.qualifier = head.qualifier or q2
        head.end = max(head.end, pos) if q2 else head.end
    if head is not None and head.entry is not None and head.entry.role == "generic":
        attr = _attribute(lex, norm, pos, e)
        if attr is not None:  # "300 رجل مسلح", "عشرات العراقيين المحتجين"
            head.entry, head.end = attr
            return head
    if head is None or head.entry is None or head.entry.role in ("head", "generic"):
        comp = _complement(lex, norm, pos, e)
        if comp is not None and comp[0].role == "generic":
            # "330 من الشباب المحبوسين": the complement's adjective types the count
            attr = _attribute(lex, norm, comp[1], e)
            comp = attr if attr is not None else comp
        if comp is not None and comp[0].count_type:
            obj = (
                head.obj if head is not None and head.entry and head.entry.role == "head" else None
            )
            start = head.start if head is not None else m.end
            return _Noun(
                comp[0], obj or comp[0].lemma, start, comp[1], head.qualifier if head else qual
            )
        if head is None and comp is not None:  # "عشرة من المارة": people, typed by the event
            return _Noun(comp[0], comp[0].lemma, m.end, comp[1], qual)
    return head


def _attribute(lex: Lexicon, norm: str, pos: int, e: int) -> tuple[Entry, int] | None:
    """A typed noun used as an adjective right after a generic counted noun: (entry, end).
    Only bare or with ال: a conjunction opens the next count ("مقتل 3 أشخاص وجرحى") and a
    preposition another phrase."""
    nm = lex.noun_re.match(norm, pos, e)
    if nm is None or (nm.group("pre") or "") not in _ADJECTIVE_PREFIXES:
        return None
    entry = lex.nouns[canon(nm.group("w"))]
    if entry.count_type is None or entry.role not in ("noun", "actor"):
        return None
    if entry.count_type == "WOUND" and _WITH.match(norm, nm.end(), e):
        return None  # "22 ألف شخص مصابون بأمراض القلب": afflicted, not wounded
    return entry, nm.end()


def _complement(lex: Lexicon, norm: str, pos: int, e: int) -> tuple[Entry, int] | None:
    """ "من ال<noun>" after a number or head noun: (the noun's entry, its end)."""
    of = _OF.match(norm, pos, e)
    nm = lex.noun_re.match(norm, of.end(), e) if of is not None else None
    return (lex.nouns[canon(nm.group("w"))], nm.end()) if nm is not None else None


_SLASHED = re.compile(r"(?<=[^\W\d_])\s*/\s*(?=[^\W\d_])")  # letters: not "2/3"


def _gap_ok(norm: str, a: int, b: int, max_words: int) -> bool:
    # a quote mark opening on the count itself ('معلنا مقتل "52 تكفيريا"') is no stop
    gap = _QUOTE_BEFORE_COUNT.sub("", norm[a:b])
    # a temporal conjunction opens another event's clause ("بعدما طعن رجلين")
    if _STOP.search(gap) or _OPENER.search(gap) or word_list_re("clause_openers.txt").search(gap):
        return False
    # a month named twice ("شباط/فبراير", "18 آذار / مارس") is one word of the gap
    return len(_WORD.findall(_SLASHED.sub("", gap))) <= max_words


def _event_before(
    lex: Lexicon,
    norm: str,
    events: list[tuple[int, int, Entry]],
    before: int,
    qual_start: int,
    prev: tuple[Found, tuple[int, int, Entry]] | None,
    num: _Num,
    people: bool = False,
) -> tuple[int, int, Entry] | None:
    # Coordination: "مقتل 5 جنود و3 مدنيين" -> the second count shares the event, also
    # after the first one's place ("قتل 5 أشخاص في حلب و3 في إدلب").
    if prev is not None:
        # (up to the number's qualifier when و opens it: "مقتل أكثر من 200 من الجهاديين
        # وما يزيد على 30"; not "ألف حوالى 15", where no و joins them)
        end = qual_start if people and norm.startswith(_WAW, qual_start) else num.m.start
        gap = (norm, prev[0].end, max(prev[0].end, min(num.m.start, end)))
        # a comma too when people are counted ("30 مصريا، و15 فرنسيا"; not "12 شخصا، و4
        # منازل دمرت", where the houses open another clause)
        comma_ok = people or "," not in norm[gap[1] : gap[2]]
        if comma_ok and (_COORD.fullmatch(*gap) or _COORD_AFTER_PLACE.fullmatch(*gap)):
            return prev[1]
    best = None
    reach = MAX_EVENT_GAP_WORDS_PEOPLE if people else MAX_EVENT_GAP_WORDS
    for ev in events:
        # "وتوفي وولف الذي ألف حوالى 15 رواية": a relative clause between them is about
        # its antecedent (after the number it describes the counted people)
        if (
            before <= ev[1] <= qual_start
            and _gap_ok(norm, ev[1], qual_start, reach)
            and not _relative_object(norm, ev[1], qual_start)
        ):
            best = ev
    best = _first_of_pair(norm, events, best)
    # A number governed by a preposition is not the event's object
    # ("تظاهر المحتجون في 12 مدينة").
    last = _LAST_WORD.search(norm, best[1], qual_start) if best else None
    prep = last.group(1) if last is not None else None
    if prep in lex.gap_stop and not governs(lex, norm[best[0] : best[1]], prep):
        return None
    return best


def _relative_object(norm: str, lo: int, qual_start: int) -> bool:
    """The number is the object of a relative clause's verb right before it ("وتوفي وولف
    الذي ألف حوالى 15 رواية"); a relative clause on the event's subject, the number after
    its own object ("قتلت الغارات التي شنها التحالف 40 مدنيا"), keeps the binding."""
    rels = list(_RELATIVE.finditer(norm, lo, qual_start))
    return bool(rels) and len(_WORD.findall(norm, rels[-1].end(), qual_start)) <= 1


def _first_of_pair(
    norm: str, events: list[tuple[int, int, Entry]], ev: tuple[int, int, Entry] | None
) -> tuple[int, int, Entry] | None:
    """ "مقتل وإصابة العشرات": two events joined by و share the count; the first names
    it (the worse outcome comes first in news usage)."""
    if ev is None:
        return None
    for other in events:
        if other[1] < ev[0] and _COORD_ONLY.fullmatch(norm, other[1], ev[0]):
            # "وكانت النجار قتلت وأصيب نحو مئة شخص": a feminine verb has its own subject
            return ev if _FEM_VERB.search(norm, other[0], other[1]) else other
    return ev


def _tally_before(
    lex: Lexicon, norm: str, s: int, before: int, qual_start: int
) -> tuple[int, int, Entry] | None:
    best = None
    for t in lex.tally_re.finditer(norm, max(s, before), qual_start):
        nm = _tally_noun(lex, norm, t.end(), qual_start)
        if nm is not None:
            entry = lex.nouns[canon(nm.group("w"))]
            if entry.count_type and _gap_ok(norm, nm.end(), qual_start, MAX_TALLY_GAP_WORDS):
                best = (_begin(nm), nm.end(), entry)
    return best


def _tally_after(
    lex: Lexicon, norm: str, s: int, e: int, num: _Num, qual_start: int
) -> tuple[int, int, Entry] | None:
    """A tally word right after a number the clause raised to ("ترتفع إلى 123 حصيلة
    القتلى"): the tally's counted noun types the number."""
    last = _LAST_WORD.search(norm, max(s, qual_start - 12), qual_start)
    if last is None or last.group(1) != _TO:
        return None
    t = lex.tally_re.match(norm, _SPACES.match(norm, num.m.end, e).end(), e)
    if t is None:
        return None
    nm = _tally_noun(lex, norm, t.end(), e)
    entry = lex.nouns[canon(nm.group("w"))] if nm is not None else None
    if nm is None or entry is None or not entry.count_type:
        return _tally_who(lex, norm, t.end(), e)
    return _begin(nm), nm.end(), entry


def _risen_tally(
    lex: Lexicon, norm: str, last: Found, qual_start: int
) -> tuple[int, int, Entry] | None:
    """A tally that names no noun, raised to this number right after a figure
    ("مقتل 29 مدنيا، لترتفع بذلك حصيلة هذا القصف إلى 1517 مدنيا"): the running total
    of what that figure counts."""
    to = _LAST_WORD.search(norm, max(last.end, qual_start - 12), qual_start)
    if to is None or to.group(1) != _TO:
        return None
    rise = word_list_re("tally_rise.txt").search(norm, last.end, to.start())
    if rise is None or _HARD_STOP.search(norm, last.end, to.start()):
        return None
    t = lex.tally_re.search(norm, rise.end(), to.start())
    if t is None or len(_WORD.findall(norm, last.end, to.start())) > MAX_TALLY_GAP_WORDS:
        return None
    # "حصيلة هذا القصف": the tally of the event just told; "عدد الاحتجاجات منذ الأحد"
    # counts something else
    after = _WORD.findall(norm, t.end(), to.start())
    if after and not (len(after) == 2 and after[0] in _DEMONSTRATIVES):
        return None
    return t.start(), t.end(), Entry(last.count_type, "event", last.obj)


def _tally_who(lex: Lexicon, norm: str, pos: int, e: int) -> tuple[int, int, Entry] | None:
    """ "يرتفع إلى 121 عدد الفلسطينيين الذين قتلوا": people counted by a tally, typed by
    the post verb of the relative clause that says what befell them."""
    who = _TALLY_WHO.match(norm, pos, e)
    pm = lex.post_re.match(norm, who.end(), e) if who is not None else None
    return (_begin(pm), pm.end(), lex.posts[canon(pm.group("w"))]) if pm is not None else None


def _tally_noun(lex: Lexicon, norm: str, pos: int, end: int) -> re.Match[str] | None:
    """The counted noun within ``MAX_TALLY_NOUN_WORDS`` words after a tally word
    ("العدد الإجمالي للإرهابيين")."""
    for _ in range(MAX_TALLY_NOUN_WORDS):
        nm = lex.noun_re.match(norm, pos, end)
        if nm is not None:
            return nm
        w = _WORD.search(norm, pos, end)
        if w is None:
            return None
        pos = w.end()
    return None


def _back_tally(
    lex: Lexicon, norm: str, s: int, qual_start: int, events: list[tuple[int, int, Entry]]
) -> tuple[int, int, Entry] | None:
    """The sentence's last event before a tally that points back ("وعددهم", "البالغ عددهم")."""
    t = lex.tally_back_re.search(norm, max(s, qual_start - MAX_BACK_TALLY_CHARS), qual_start)
    if t is None:
        return None
    earlier = [ev for ev in events if ev[1] <= t.start()]
    return earlier[-1] if earlier else None


def _part_of(
    lex: Lexicon, norm: str, last: Found, qual_start: int
) -> tuple[int, int, Entry] | None:
    """A count after "من بينهم" right after a figure is a part of it, of its type."""
    cue = lex.part_of_re.search(norm, last.end, qual_start)
    if cue is None:
        return None
    gap = norm[last.end : cue.start()]
    if _HARD_STOP.search(gap) or len(_WORD.findall(gap)) > MAX_PART_OF_GAP_WORDS:
        return None
    if norm[cue.end() : qual_start].strip():
        return None
    return _whole(last)


def _noun_before(lex: Lexicon, norm: str, s: int, num: _Num) -> tuple[int, int, Entry] | None:
    """A definite typed noun right before a definite number that follows it as its
    adjective ("التفجيرات الأربعة الأخيرة", "القتلى الثلاثة"); not "الاثنين", which is
    also Monday."""
    word = norm[num.m.start : num.m.end]
    if not word.startswith(_AL) or word in _MONDAY:
        return None
    last = _LAST_WORD.search(norm, max(s, num.m.start - NOUN_BEFORE_CHARS), num.m.start)
    if last is None or not last.group(1).startswith(_AL):
        return None
    nm = lex.noun_re.match(norm, last.start(1))
    if nm is None or nm.end() != last.end(1):
        return None
    entry = lex.nouns[canon(nm.group("w"))]
    if entry.role != "noun" or entry.count_type is None:
        return None
    return _begin(nm), nm.end(), entry


def _whole(last: Found) -> tuple[int, int, Entry]:
    """The trigger a part shares with the figure it is part of, typed as that figure."""
    return (*last.trigger, Entry(last.count_type, "event", last.obj))


def _of_them(norm: str, noun: _Noun | None) -> bool:
    """The counted noun is "منهم" / "منهن" (of them)."""
    return noun is not None and norm[noun.start : noun.end].strip() in OF_THEM


def _of_a_count(
    norm: str, last: Found | None, count: tuple[str | None, int], noun: _Noun | None, end: int
) -> bool:
    """ "اعتقل 40 شخصا، وأفرج عن 30 منهم", "قتل 62، وقالت إن 50 شخصا ممن قتلوا": a count
    (type, value) of "منهم" / "ممن" is a part of a larger count of its type before it in
    the sentence ("اعتقلت 50 شخصا، 20 منهم قتلوا" counts other people's deaths; "قتل 4
    جنود، وقتل الجيش 12 منهم" counts the attackers: no part)."""
    count_type, value = count
    if last is None or last.count_type != count_type or value >= last.value:
        return False
    return _of_them(norm, noun) or _OF_THOSE_WHO.match(norm, end) is not None


def _part_after(
    norm: str, last: Found, num: _Num, noun: _Noun | None
) -> tuple[int, int, Entry] | None:
    """ "62 شخصا استشهدوا، 50 منهم ينتمون لحماس": a count of "منهم" right after a figure
    (a comma or و between) is a part of it, of its type."""
    if noun is None or noun.entry is None or noun.entry.role != "generic":
        return None
    if not _of_them(norm, noun):
        return None
    if not _PART_GAP.fullmatch(norm, last.end, num.start):
        return None
    return _whole(last)


def _post_after(
    lex: Lexicon, norm: str, pos: int, e: int, reach: bool = False
) -> tuple[int, int, Entry] | None:
    """A post verb right after the counted noun, or (``reach``: a noun of people was
    counted) after its complement in the same clause ("تسعة أفراد من قوات الحرس الوطني
    قتلوا": the verb agrees with the count; "55 صندوقا لرفات جنود قتلوا" counts boxes)."""
    pos, _ = _post_qualifier(lex, norm, pos, e)
    closed = _QUOTE_CLOSE.match(norm, pos, e)  # 'إن "5 أشخاص" قتلوا': the quote closes first
    pos = closed.end() if closed else pos
    pm = lex.post_re.match(norm, pos, e)
    if pm is None and reach:
        pm = lex.post_re.search(norm, pos, e)
        if pm is not None and not _gap_ok(norm, pos, _begin(pm), MAX_POST_GAP_WORDS):
            pm = None
        if pm is not None and _RELATIVE.search(norm, pos, _begin(pm)):
            pm = None  # "55 من الصناديق التي تضم رفات جنود قتلوا": the relative's verb
    if pm is None:
        return None
    return _begin(pm), pm.end(), lex.posts[canon(pm.group("w"))]
