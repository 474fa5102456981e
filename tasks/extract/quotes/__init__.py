"""Quotations with speaker, verb and attribution (issue 6).

Direct quotes only (text between quotation marks). Each quoted span is tied
to a speech verb (before it in the same paragraph, or right after it:
"..."، قال X), the verb to a speaker (a person or organisation mention right
after the verb, or right before it, else the previous speaker: "وقال: ..."),
and the sentence to a source of reported speech ("نقلا عن تاس").
Entities must have run first (``ctx.mentions``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, cached_property
from itertools import pairwise

from akhbar.text.normalize import normalize
from akhbar.text.sentences import PLAIN_STOP
from akhbar.text.wordlist import read_words, trie_regex
from tasks.extract.common.context import ExtractContext
from tasks.extract.common.dates import attach_dates
from tasks.extract.common.extractor import Extractor, Rows
from tasks.extract.common.gazetteer import LETTER_AFTER, LETTER_BEFORE, key, word_list
from tasks.extract.common.names import AL
from tasks.extract.common.names import words as name_words
from tasks.extract.quotes.banners import Banners
from tasks.extract.quotes.clauses import ClauseSubjects
from tasks.extract.quotes.common import (
    AN_WORD,
    BI_ISM,
    CALLED,
    HEAD_BEFORE_CHARS,
    MAX_SPEAKER_WORDS,
    OWNER_END,
    PRONOUN_SUFFIX,
    SENT_END,
    SOURCE_BEFORE_WORDS,
    SPEAKER_AFTER_GAP,
    WORD,
    Verb,
)
from tasks.extract.quotes.continuation import Continuation
from tasks.extract.quotes.gender import speaker_gender
from tasks.extract.quotes.lists import (
    NISBA_ENDS,
    addressees,
    anaphors,
    bare,
    came_in,
    channels,
    describe_verbs,
    documents,
    indefinite_phrase,
    is_anaphor,
    is_source,
    issued_by,
    lemma_key,
    masculine_places,
    not_names,
    object_verbs,
    offices,
    org_heads,
    relative,
    represents,
    said_in,
    subordinators,
    takes_no_object,
    unnamed_person,
)
from tasks.extract.quotes.marks import Quoted, quoted_spans
from tasks.extract.quotes.roles import (
    ADVERBIAL_PARTICIPLE,
    IDENTITY,
    construct_title_gap,
    name_before_title,
    name_follows,
    name_word,
    named_later,
    object_after_title,
    opens_subject,
    relations,
    resolve_role,
    role_after,
    role_before,
    role_fits,
    role_of,
    title_gap,
)
from tasks.extract.quotes.tongue import Tongue
from tasks.extract.quotes.written import WrittenNames

__all__ = ["EXTRACTOR", "extract_quotes"]

_WORD, _SENT_END = WORD, SENT_END  # one pattern each for every speaker rule
_GLUED_PREPOSITIONS = "\u0644\u0628"  # ل ب
# Words that end an unnamed source's phrase: what is said of it ("وهو عاطل", "في مدينة")
_SOURCE_ENDS = re.compile(f"(?:{normalize('وهو')}|{normalize('وهي')}|{normalize('في')})$")
# "قال عنه": about him, the one the relative pronoun before the verb hangs on
_ABOUT_HIM = re.compile(f"\\s*{normalize('عن')}(?:ه|ها|هم)(?!\\w)")
_WHO_BEFORE = re.compile(f"(?<!\\w)(?:{normalize('الذي')}|{normalize('التي')})\\s*$")
WHO_GAP = 12  # characters between a relative pronoun and its verb ("الذي قال", "التي قالت")
_CAME = re.compile("\u062c\u0627\u0621|\u0648\u0631\u062f")  # جاء / ورد, as written
_CAME_LEMMA = "\u062c\u0627\u0621"  # جاء
_COMMAS = ("\u060c", ",")
# "قوله", "قولها" (with ب): "his saying", whose owner is named after "عن" before it
_HIS_SAYING = re.compile("\u0628?\u0642\u0648\u0644(?:\u0647|\u0647\u0627|\u0647\u0645)")
# A count of people in a subject phrase ("اعتقال 17 شخصا"): digits, then a noun in the
# accusative or a sound plural; not a name's number ("فرانس 24 في"، "اللواء 93 في").
_COUNT = re.compile(r"\d+\s+\w+(?:\u0627|\u064a\u0646|\u0648\u0646)(?!\w)")
_ALI = "\u0639\u0644\u064a"  # علي
_ALA_WORD = re.compile("(?<!\\w)\u0639\u0644\u0649(?!\\w)")  # على, a word of its own
_TO_PRONOUN = frozenset(
    (
        "\u0644\u064a",
        "\u0644\u0646\u0627",
        "\u0644\u0647",
        "\u0644\u0647\u0627",
        "\u0644\u0647\u0645",
        "\u0644\u0643",
    )
)  # لي لنا له لها لهم لك
_TO_ME_ALONE = [[w] for w in sorted(_TO_PRONOUN)]  # the one word between a verb and a name
# "جاء ذلك في تغريدة", "خلال كلمة": the statement it came in follows, not "بعد" or "عقب"
_CAME_IN_WHAT = re.compile(rf"\s+(?:{normalize('في')}|{normalize('خلال')})(?!\w)")
_SOURCE_HEADS = frozenset(key(w) for w in ("مصدر", "مصادر"))
_MINISTRY = key("وزارة")  # the head noun a ministry is called without ("الداخلية")
_THIS = frozenset(normalize(w) for w in ("هذا", "هذه"))  # demonstratives before a role noun
_WHILE_HE = frozenset(normalize(w) for w in ("وهو", "وهي", "وهم", "وهن"))
_LI_ONLY = re.compile("\\s+\u0644\u0640*")  # a name right after the verb, with ل glued on
# Characters of title words between "صادر عن" and the name they are the title of
# ("السكرتير الصحفي للبيت الأبيض": 17; "المتحدث الرسمي باسم وزارة": 20).
ISSUER_TITLE_CHARS = 40
_ONE_OF = frozenset(normalize(w) for w in ("أحد", "إحدى"))  # "أحد المتظاهرين"
_TOKEN = re.compile(r"\S+")
# Words that may open a sentence before its subject ("إلا أن مصدرا أمنيا ... أكدوا").
_CONNECTIVES = frozenset(normalize(w) for w in ("إلا", "غير", "بيد", "كما", "لكن", "ولكن", "أن"))

# A verb introduces a quote at most this many characters before it: "وقال في بيان
# صدر عن مكتبه ملخصاً محادثته مع رئيس المجلس الأوروبي شارل ميشال:" is 80.
MAX_VERB_GAP = 160
# ... or up to this far when its subject and أن come right after it and the quote ends the
# clause ("أكد مصدر مسؤول في وزارة الخارجية، الإثنين، أن الأنباء التي ... «...»": 190).
MAX_CLAUSE_GAP = 320
# "..."، كما كتب / "..."، قال X: the verb starts within this many characters.
MAX_VERB_AFTER = 12
# A speaker named before the verb ends at most this far from it ("وكانت وزارة
# الداخلية في كازاخستان، قالت" is 15).
SPEAKER_BEFORE_GAP = 25
# A name followed by its title in apposition before the verb ("X، مدير ... في ...، قال"):
# the longest title chains in the gold run to about 150 characters.
APPOSITION_GAP = 200
# How far back a participle's sentence is searched for its subject ("بعث رئيس ... مؤكدا").
SUBJECT_WINDOW = 400
# A lone unknown word after a speech verb is a name from this length ("لوبان"); shorter
# ل/ب words are pronouns and prepositions ("لهم", "لنا", "بها").
MIN_BARE_NAME_CHARS = 5
# A paragraph that is one quote with no verb continues the previous speaker when
# it is at least this long (shorter ones are sub-headings: "سيطرة قطاع الطرق").
MIN_STANDALONE_CHARS = 40
# Reported-speech sources: the source mention starts within this many characters
# of "نقلا عن" / "بحسب" ("بحسب بيان عن وزارة الخارجية" is 8).
ACCORDING_GAP = 30
# The according-to phrase is looked for this far around the verb and the quote.
ACCORDING_WINDOW = 150

_SPEAKERS = ("PERSON", "ORGANIZATION")
# Words after a speech verb's own preposition before the quote or complement ("على ضرورة
# إجراء"): more, and the preposition is inside a title phrase.
VERB_PREP_TAIL_WORDS = 2
# A body's name in quote marks right after its head noun: at most this many words
# ('منظمة "مراسلون بلا حدود"' is 3), the head within this many characters of the text.
QUOTED_NAME_WORDS = 4
HEAD_BEFORE_MARK_CHARS = 20
_HEAD_BEFORE_MARK = re.compile(r"(\w+)\s*[\"\u00ab\u201c\u201d]\s*$")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# The preposition a speech verb takes ("أشار إلى", "شدد على", "أعرب عن"): the subject
# ends before it.
_AN = normalize("عن")
_VERB_PREP = re.compile(
    f"{LETTER_BEFORE}(?:{normalize('إلى')}|{normalize('على')}|{_AN}){LETTER_AFTER}"
)
_MARK = re.compile('["\u00ab\u00bb\u201c\u201d]')  # a quote mark, as written
_LI_LATIN = re.compile("\u0644[A-Za-z]+")  # "لـCNN", normalised: ل glued to a Latin name
# A pronoun of identity right after an unnamed source phrase ("متحدث باسم الوزارة، وهو"),
# and how far after it the name may start (a title between: "هو الميجور " is 12).
_IDENTITY_AFTER = re.compile(
    r"\s*[\u060c,]?\s*\u0648?(?:\u0647\u0648|\u0647\u064a)(?!\w)"
)  # و?هو|هي
IDENTITY_NAME_CHARS = 30
_SHE = normalize("هي")
_QUOTE_NEXT = re.compile(r"\s*[\"«“”]")
# What opens the words right after an addressee: a quote mark, a colon or comma, إن / أن.
_SAID_FOLLOWS = re.compile(r"\s*(?:[\"«“”:,\u060c]|[إأا]ن(?!\w))")
# أن / إن / بأن / أنه ... or a colon: the quote or reported clause starts after it.
_COMPLEMENT = re.compile(
    f"{LETTER_BEFORE}[\u0628\u0644]?\u0627\u0646{PRONOUN_SUFFIX}?{LETTER_AFTER}|:"
)
_BULLET = re.compile("[-\u2013\u2022*]\\s*")  # "- ", "– ", "• " opening a list item
# A verb of describing, then what it governs right before the quote mark ("بـ" or
# "بأنه"): 'وصفت المعتقلين في أحد عناوينها بـ"الخونة"'. Not "المعروف بـ"شوكان"": a name.
_DESCRIBED_AS = re.compile(
    # وصف يصف تصف نعت (a word of its own, with و/ف: not امتنعت, منتصف), up to 40
    # characters, then ب or بأن(ه) and the opening mark
    "(?<!\\w)[\u0648\u0641]?(?:\u0648\u0635\u0641|\u064a\u0635\u0641|\u062a\u0635\u0641|\u0646\u0639\u062a)"
    '\\w*[^.\n"\u00ab\u00bb]{0,40}?(?<!\\w)\u0628'
    '(?:\u0640*|[\u0623\u0627]\u0646\\w{0,2})\\s*["\u00ab\u201c]\\s*$'
)
# Characters before a quote searched for the describing verb and its ب.
DESCRIBED_WINDOW = 60
# ب before a quote: "بـ«الوقحين»", 'بأنه "منظمة إرهابية"'
_BI_QUOTE = re.compile(f'\\s*\u0628(?:\u0640*|[\u0623\u0627]\u0646{PRONOUN_SUFFIX}?)\\s*["«“]')
# "ما" / "من" opening a relative clause, with a preposition glued ("بما", "عما", "لما").
_RELATIVE_WHAT = frozenset(
    normalize(w) for w in ("ما", "من", "بما", "عما", "لما", "مما", "فيما", "بمن", "ممن")
)
RELATIVE_WHAT_CHARS = 8  # characters before the verb searched for it
# What comes right after a describing verb whose subject is left out: its ب or the quote.
_DESCRIBED_NEXT = re.compile('\\s*(?:\u0628|["\u00ab\u201c])')
# Letters glued to a describing masdar ("بوصفه", "لوصفه", "كوصفه") and words right before
# it ("على حد وصفه", "حسب وصفه", "إلى وصفه"): no verb there.
_GLUED_BEFORE_MASDAR = frozenset("\u0628\u0644\u0643")
_MASDAR_BEFORE = frozenset(
    # not "من": also the relative "who" ("من وصفهم الرئيس بـ"), read as one above
    normalize(w)
    for w in ("حد", "حسب", "بحسب", "إلى", "في", "على", "عن", "بعد", "قبل")
)
# One to three words (the verb's object), then that ب and the quote: "الرسوم بأنها «".
_OBJECT_THEN_BI = re.compile(
    '\\s+\u0627\u0644[^\\s.,:;"\u00ab\u00bb\u201c\u201d\u060c]+'
    '(?:\\s+[^\\s.,:;"\u00ab\u00bb\u201c\u201d\u060c]+){0,2}?' + _BI_QUOTE.pattern
)
# The preposition ب a verb takes its clause object with ("ندد اليسار بما اعتبره", "بأن");
# "مسؤول بالبيت الأبيض" keeps its بال.
_VERB_OBJECT = re.compile(f"{normalize('ب')}(?:{normalize('ما')}$|{normalize('أن')})")
# Prepositions a subject phrase cannot end on (what followed them was cut as a date).
_TRAILING = frozenset(
    normalize(w)
    for w in ("في", "عن", "من", "على", "خلال", "منذ", "\u0628", "\u0644", "أيضا", "كذلك")
)  # and ب، ل cut from what follows ("بـ«", "لـCNN"); "وجاء في البيان أيضا": "also"
# A subordinator that ends a reported clause and opens one of its own before another
# verb ("بينما تقول المعارضة", "فيما يقول السكان"); a comma alone does not ("إن عدم
# حضور الحوثي ... في جنيف، يعتبر دليلا").
_CLAUSE_BREAK = re.compile(
    "(?<!\\w)(?:\u0628\u064a\u0646\u0645\u0627"  # بينما
    "|\u0641\u064a\u0645\u0627|\u0641\u064a \u062d\u064a\u0646)(?!\\w)"  # فيما، في حين
)
# Characters a title may run before the person it is of, when the name closes with إن/أن
# ("رئيس النيجر والرئيس المباشر للقوة الإقليمية لدول الساحل لمكافحة الجهاديين": 84).
LONG_TITLE_GAP = 140
_HAYTH = normalize("حيث")
# Time words and words with a pronoun ("بعد لقائه نظيره الروسي"): a phrase, no title.
_AFTER_WORDS = frozenset(normalize(w) for w in ("بعد", "عقب", "إثر", "قبل", "أثناء"))
# (third persons only, OWNER_END: "البريطاني" ends in ني, "لقائه" in a pronoun)
_TITLE_BREAK = re.compile('[\n.:\u060c,;"\u00ab\u00bb\u201c\u201d()]')
_THAT_AFTER = re.compile(f"\\s+[\u0625\u0623]\u0646{PRONOUN_SUFFIX}?(?!\\w)")
# A body's abbreviation in brackets after its name ("(إس إن سي إف)", "(يونيسف)").
_ABBREVIATION = re.compile(r"\s*\([^()\n\u060c,.]{1,30}\)")
# Words of a body's name in quote marks inside a speaker's title ('مديرة "هيومن رايتس
# ووتش"', 'المتحدث باسم "فيلق الرحمن"'); a quote of more words is what was said.
QUOTED_BODY_WORDS = 4
_BI_ISM = normalize("باسم")
_WORD_NEXT = re.compile(r"[ \t]+\w")
# Where an unnamed speaker's phrase ends: a colon, a comma, a quote mark, a line, or the
# complementiser (أن، إن، بأن ...) that opens what was said.
_PHRASE_END = re.compile(  # not the stop of an initial: "وقالت د. سحر نصر"
    f'[:\u060c,"\n]|{PLAIN_STOP}'
    f"|{LETTER_BEFORE}[\u0628\u0644]?\u0627\u0646{PRONOUN_SUFFIX}?{LETTER_AFTER}"
)
# Characters a name may differ from the quote marks around it and still be all they hold
# (a space inside the marks, a ل glued on).
NAME_SPAN_SLACK = 1


class _Article(WrittenNames, ClauseSubjects, Continuation, Banners, Tongue):
    """One article's verbs, mentions and quote state, in source offsets."""

    def __init__(self, ctx: ExtractContext, quoted: list[tuple[int, int]] = ()) -> None:
        self.ctx, self.nt, self.text = ctx, ctx.nt, ctx.visible
        found = ctx.scan
        self.verbs = [Verb(*ctx.nt.span(s, e), lemma, kind) for s, e, lemma, kind in found.verbs]
        self.verbs = sorted(self.verbs + _came_in_documents(ctx), key=lambda v: v.start)
        self.verbs = [v for v in self.verbs if not _describes_no_quote(self.text, v)]
        self.verb_starts = [v.start for v in self.verbs]
        # A name inside a quotation is what the speaker talks about, never who speaks
        # ("نقدم البرهان على أن ..." is no mention of al-Burhan as a speaker); a name that
        # is all the quote marks hold ('منظمة "هيومن رايتس ووتش"') is a name.
        bodies = {(m["start"], m["end"]) for m in ctx.mentions if m["kind"] == "ORGANIZATION"}
        quoted = [q for q in quoted if not _is_name_span(bodies, q)]
        self.speakers = sorted(
            (
                m
                for m in ctx.mentions
                if m["kind"] in _SPEAKERS and not _inside(quoted, m["start"], m["end"])
            ),
            key=lambda m: m["start"],
        )
        self.speaker_starts = [m["start"] for m in self.speakers]
        self.persons = [m for m in self.speakers if m["kind"] == "PERSON"]
        self.person_starts = [m["start"] for m in self.persons]
        self.places = sorted(
            (
                m
                for m in ctx.mentions
                if m["kind"] == "LOCATION" and not _inside(quoted, m["start"], m["end"])
            ),
            key=lambda m: m["start"],
        )
        self.place_starts = [m["start"] for m in self.places]
        self.according = [ctx.nt.span(s, e) for s, e in found.according]
        self.mention_spans = sorted((m["start"], m["end"]) for m in ctx.mentions)
        self.mention_starts = [s for s, _ in self.mention_spans]
        # What a verb may have between it and its named subject besides title words: names
        # inside the title, and the day ("دعا الثلاثاء رئيس الوزراء الكندي جاستن ترودو").
        self.skipped = sorted(self.mention_spans + [(t["start"], t["end"]) for t in ctx.timex])
        self.skipped_starts = [s for s, _ in self.skipped]
        self.timex_spans = sorted((t["start"], t["end"]) for t in ctx.timex)
        self.day_spans = sorted(
            (t["start"], t["end"]) for t in ctx.timex if t.get("precision") in ("day", "minute")
        )
        self.last: tuple[str | None, str | None] | None = None  # (id, speaker)
        self.last_at = -1  # where the last quote's speaker was given
        self._said: tuple[list[int], list[tuple[str | None, str | None]]] | None = None
        self._said_verbs = 0  # verbs read into _said so far
        self._roles: dict[int, list] = {}  # sentence start -> its opening title's person
        self._ends: list[int] | None = None  # ends of the sentence stops, when first asked
        self._phrases: dict[tuple[int, int], list[re.Match[str]]] = {}  # (verb end, limit)
        self._full_phrases: dict[tuple[int, int], list[re.Match[str]]] = {}  # not cut short

    def verb_before(self, lo: int, hi: int) -> Verb | None:
        v = self._last_verb(lo, hi, MAX_VERB_GAP)
        return self._reporting_verb(v, lo, hi) if v is not None and v.kind == "present" else v

    def _reporting_verb(self, v: Verb, lo: int, quote: int) -> Verb:
        """ "وصرح مصدر مسؤول بأن الكويت تعبر عن «ارتياحها»": a present verb inside what
        a speech verb before it reports (after its أن/إن, in the same sentence, no comma
        or subordinator between) is part of the report; the reporting verb speaks."""
        i = bisect_left(self.verb_starts, v.start) - 1
        if i < 0:
            return v
        outer = self.verbs[i]
        if outer.start < lo or _SENT_END.search(self.text, outer.end, v.start):
            return v
        norm = self.nt.norm
        that = _COMPLEMENT.search(norm, self.nt.to_norm(outer.end), self.nt.to_norm(v.start))
        if that is None or that.group() == ":":
            return v
        if _conjoined(self.text, v) or _CLAUSE_BREAK.search(
            self.text, self.nt.span(that.end(), that.end())[0], v.start
        ):
            # "أن القصف استمر، ويقول ناشطون", "إن الحكومة ستواصل عملها، بينما تقول
            # المعارضة": a clause of its own, with its own speaker
            return v
        own_that = _COMPLEMENT.search(norm, self.nt.to_norm(v.end), self.nt.to_norm(quote))
        prepositions = word_list("gazetteer/name_closers.txt")
        if own_that is not None and not any(
            w in prepositions for w in _WORD.findall(norm, self.nt.to_norm(v.end), own_that.start())
        ):
            # "يقول ناشطون إن «...»": the inner verb reports its own words (not "يعتبر
            # دليلا على أن", where أن follows a preposition of its object)
            return v
        # "والتي تصنفها أنقرة «إرهابية»": a verb with its own subject after it speaks
        limit = len(self.text)
        own = self._after(v, limit) or self._unnamed(v, limit)
        return v if own is not None else outer

    def _last_verb(self, lo: int, hi: int, reach: int) -> Verb | None:
        """The last verb between ``lo`` and ``hi``, ending at most ``reach`` characters
        before ``hi`` with no sentence stop in between."""
        i = bisect_left(self.verb_starts, hi) - 1
        if i < 0:
            return None
        v = self.verbs[i]
        if v.start < lo or hi - v.end > reach or _SENT_END.search(self.text, v.end, hi):
            return None
        return v

    def verb_after(self, pos: int, limit: int) -> Verb | None:
        i = bisect_left(self.verb_starts, pos)
        if i < len(self.verbs) and self.verbs[i].start - pos <= MAX_VERB_AFTER:
            v = self.verbs[i]
            gap = " ".join(_WORD.findall(normalize(self.text[pos : v.start])))
            if gap in subordinators():
                return None  # '«...»، في حين طالب أردوغان': another clause, another subject
            return v if v.end <= limit else None
        return None

    def verb_opening_clause(self, lo: int, hi: int) -> Verb | None:
        """ "أكد مصدر ... أن الأنباء التي ... «لا أساس لها»": a verb farther back than
        ``MAX_VERB_GAP`` still introduces the quote that ends its أن clause."""
        v = self._last_verb(lo, hi, MAX_CLAUSE_GAP)
        if v is None:
            return None
        opens = _COMPLEMENT.search(self.nt.norm, _norm_pos(self.nt, v.end, len(self.nt.norm)))
        if opens is None or self.nt.span(opens.start(), opens.end())[0] - v.end > SPEAKER_AFTER_GAP:
            return None
        return v

    def name_of(self, mention: dict) -> tuple[str | None, str | None]:
        return mention["entity_id"], mention["surface"]

    def resolved(self, speaker: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
        """A speaker carried over to a later verb: by its entity's name, not its surface."""
        ent = self.ctx.entities.get(speaker[0] or "")
        return (speaker[0], ent["name"]) if ent else speaker

    def speaker(self, v: Verb, limit: int) -> tuple[str | None, str | None]:
        return self.explicit(v, limit) or self.previous(v.start, v)

    def explicit(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        """The verb's own subject: named after it, an unnamed source, the sentence's
        subject for a participle, or a name just before it."""
        found = self.quoted_from(v) or self._said_about(v) or self._carried(v)
        if found is None and self.pronoun_led(v):
            return self._connective_subject(v)  # or, with none named, the last speaker
        found = found or self._on_tongue(v, limit) or self._after(v, limit)
        if found is None:
            found = self._unnamed(v, limit)
        if found is None:
            found = self._subject(v) if v.kind == "participle" else self._before(v)
        if found is None and v.kind != "participle":
            found = self._said_by_phrase(v, limit)
        return found

    def _said_about(self, v: Verb) -> tuple[str | None, str | None] | None:
        """ "وانخرط أردوغان في سجال مع نتانياهو الذي قال عنه إن يديه «ملطختان»": what is
        said about the one the relative clause hangs on is said by the sentence's first
        person, never by that one."""
        if not _ABOUT_HIM.match(self.text, v.end) or not _WHO_BEFORE.search(
            self.text, max(0, v.start - WHO_GAP), v.start
        ):
            return None
        lo = self._sentence_start(v.start)
        i = bisect_left(self.speaker_starts, lo)
        before = [m for m in self.speakers[i:] if m["end"] <= v.start]
        people = [m for m in before if m["kind"] == "PERSON"]
        if len(people) < 2:
            return None
        return self.resolved(self.name_of(people[0]))

    def quoted_from(self, v: Verb) -> tuple[str | None, str | None] | None:
        """ "ونقلت صحيفة واشنطن بوست عن مصدر تركي قوله إن ...": "his saying" is said by the
        source after an "عن" of its sentence, not by the outlet that relays it; the last
        such "عن" that opens a source (not "أعرب عن أسفه بقوله", where عن is the verb's own,
        nor "عاطل عن العمل" inside a source described at length)."""
        token = self.text.rfind(" ", 0, v.start) + 1  # "بقوله": the ب is the token's
        if not _HIS_SAYING.fullmatch(normalize(self.text[token : v.end])):
            return None
        cues = AN_WORD.finditer(self.text, self._sentence_start(v.start), token)
        for cue in reversed(list(cues)):
            source = self._source_after(cue.end(), token, v)
            if source is not None:
                return source
        return None

    def _source_after(self, cue: int, token: int, v: Verb) -> tuple[str | None, str | None] | None:
        """The source that opens ``text[cue:token]``: a name right there, the person a
        title there names (in the phrase, or earlier), or an unnamed source as written."""
        named = self.speaker_right_after(cue)
        if named is not None and named["end"] <= token:
            return self.resolved(self.name_of(named))
        role = role_after(self.text, cue, token)
        if role is not None:
            i = bisect_left(self.speaker_starts, cue)
            people = [m for m in self.speakers[i:] if m["end"] <= token and m["kind"] == "PERSON"]
            if people:  # "عن المتحدث باسم الجيش العقيد أحمد حسن قوله": the titled person
                return self.resolved(self.name_of(people[0]))
            # "عن رئيس الوزراء قوله": the one that title named before
            named = resolve_role(role, self.text, self.persons, self.ctx.entities, v.start)
            if named is not None:
                return named
        words = list(_WORD.finditer(self.text, cue, token))
        if not words or (role is None and not unnamed_person(normalize(words[0].group()))):
            return None
        # the source, not what is said of it after "وهو" / "في": at most a short phrase
        stop = next((k for k, w in enumerate(words) if k and _SOURCE_ENDS.match(w.group())), None)
        words = words[: min(stop or len(words), MAX_SPEAKER_WORDS)]
        # "عن الممثلة، 43 عاما، قولها": the phrase ends at a comma
        end = next(
            (a.end() for a, b in pairwise(words) if not self.text[a.end() : b.start()].isspace()),
            words[-1].end(),
        )
        return None, self.text[words[0].start() : end]

    def _said_by_phrase(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        """ "وقال رئيس مجلس إدارتها دوني ماشويل إنه": a subject no rule above could name
        is still the speaker, as written, never the last named one. Only after verbs that
        take no object (``quotes/subject_first.txt``)."""
        if not takes_no_object(v.lemma):
            return None
        words = self._phrase_after(v, limit)
        if not words or not (opens_subject(words[0].group()) or self._bare_name(words)):
            return None
        if len(words) == 1 and is_anaphor(words[0].group()):
            return None  # "وأضاف المتحدث": the one named before
        named = self._named_body(words[0].group(), v.start) or self._missed_name(v, limit)
        return named or self._as_written(words)

    def _demonstrative(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        """ "وقالت هذه المسؤولة" after "رئيسة الجمعية التأسيسية، ديلسي رودريغيز": a role
        noun after هذا/هذه points at the person named last, not the last speaker."""
        words = self._phrase_after(v, limit)
        if len(words) < 2 or words[0].group() not in _THIS or not is_anaphor(words[1].group()):
            return None
        if bare(words[1].group()) in _SOURCE_HEADS:
            return None  # "وأضاف هذا المصدر": the source cited before, not the last name
        before = self.speakers[: bisect_left(self.speaker_starts, v.start)]
        people = [m for m in before if m["kind"] == "PERSON"]
        return self.name_of(people[-1]) if people else None

    def _named_body(self, word: str, pos: int) -> tuple[str | None, str | None] | None:
        """ "وقالت الجمعية" after "جمعية «بيت»": a definite organisation head noun points
        back to the latest body named with that head (its first word, or the word before)."""
        head = key(word)
        if not head.startswith(AL):
            return None
        if head[2:] not in org_heads():
            return self._short_name(head, pos)
        head = head[2:]
        for m in reversed(self.speakers[: bisect_left(self.speaker_starts, pos)]):
            if m["kind"] != "ORGANIZATION":
                continue
            first = key(m["surface"]).split()[0]
            before = _WORD.findall(
                key(self.text[max(0, m["start"] - HEAD_BEFORE_CHARS) : m["start"]])
            )
            if head in (first, first[2:]) or (before and before[-1] in (head, AL + head)):
                return self.resolved(self.name_of(m))
        return None

    def _short_name(self, word: str, pos: int) -> tuple[str | None, str | None] | None:
        """ "بيان الداخلية" after "وزارة الداخلية المصرية": a body called by the word after
        its head noun (الداخلية، الخارجية، الدفاع), the latest one named so before."""
        for m in reversed(self.speakers[: bisect_left(self.speaker_starts, pos)]):
            names = key(m["surface"]).split()
            if m["kind"] == "ORGANIZATION" and len(names) > 1 and names[1] == word:
                # a ministry only: "الصحة" is not "منظمة الصحة العالمية"
                return self.resolved(self.name_of(m)) if names[0] == _MINISTRY else None
        return None

    def according_person(self, close: int, limit: int) -> tuple[str | None, str | None] | None:
        """ "«...»، وفقا لرئيسة لجنة نوبل بيريت ريس-أندرسن": a person cited right after
        the quote said it."""
        for s, e in self.according:
            if close <= s <= close + MAX_VERB_AFTER:
                i = bisect_left(self.speaker_starts, e)
                m = self.speakers[i] if i < len(self.speakers) else None
                ok = m is not None and m["kind"] == "PERSON" and m["start"] < limit
                if ok and m["start"] - e <= ACCORDING_GAP and "\n" not in self.text[e : m["start"]]:
                    return self.name_of(m)
                return self._source_named_before(e, s)
        return None

    def _source_named_before(self, pos: int, before: int) -> tuple[str | None, str | None] | None:
        """ "«...» بحسب المصدر": the definite source is the last unnamed one cited."""
        first = _WORD.match(self.text, pos + 1) or _WORD.match(self.text, pos)
        word = normalize(first.group()) if first else ""
        if not (word.startswith(AL) and bare(word) in anaphors() - documents()):
            return None  # "بحسب المصدر", "وفقا للمسؤول": not "حسب الرئاسة الفلسطينية"
        starts, speakers = self.said(before)
        for sp_id, said in reversed(speakers[: bisect_left(starts, before)]):
            head = _WORD.match(normalize(said or ""))
            if sp_id is None and head is not None and unnamed_person(head.group()):
                return None, said
        return None

    def _subject(self, v: Verb) -> tuple[str | None, str | None] | None:
        """A participle's speaker is its sentence's subject: the speaker of the sentence's
        main speech verb ("وقال رئيس كازاخستان ...، مشدداً"), else its first person ("بعث
        رئيس الحكومة عمر الرزاز برسائل ...، مؤكدا"), else the person its opening title
        names ("لاحظت المستشارة ...، مشيرة"), else its first organisation."""
        lo = self._sentence_start(v.start)
        starts, speakers = self.said(v.start)
        i = bisect_left(starts, lo)
        if i < len(starts) and starts[i] < v.start:
            return speakers[i]
        country = self._opening_country(lo, v.start)
        if country is not None:  # "أدانت مصر البيان الصادر عن ميشيل باشليه ...، مستنكرة"
            return country
        i = bisect_left(self.speaker_starts, lo)
        # not "وقال لبي بي سي": whom it was said to
        inside = [m for m in self.speakers[i:] if m["end"] <= v.start and not self._governed(m)]
        people = [m for m in inside if m["kind"] == "PERSON"]
        if not people:  # "بدورها، لاحظت المستشارة أن ...، مشيرة": the title's person
            role = self._role_at(lo)
            if role:
                return role[0][1]
        first = (people or inside or [None])[0]
        return self.name_of(first) if first is not None else None

    def _after(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        office = self._office(v, limit)  # "وقال مكتب رئيس الوزراء": before its holder
        if office is not None:
            return office
        country = self._country_speaks(v, limit)
        if country is not None:
            return country
        this = self._demonstrative(v, limit)
        if this is not None:
            return this
        after = self.speakers[bisect_left(self.speaker_starts, v.end) :]
        lo = v.end
        if (
            after
            and after[0]["surface"] in _TO_PRONOUN
            and not self.text[lo : after[0]["start"]].strip()
        ):
            lo, after = after[0]["end"], after[1:]  # "قال لي أحد مسؤولي الحزب": "to me", no name
        elif after and self.text[lo : after[0]["start"]].split() in _TO_ME_ALONE:
            lo = after[0]["start"]  # "وقال لي علي أكبر ولايتي": to me, then the name
        for i, m in enumerate(after):
            if m["start"] >= limit or m["start"] - lo > SPEAKER_AFTER_GAP:
                break
            if i == 0 and _circumstantial(m["surface"]):
                break  # "وقال مخاطبا حشودا من مؤيديه": how he spoke, no subject
            if i == 0 and m["kind"] == "PERSON" and lo == v.end and self._common_noun(m):
                break  # "وقال سائق تاكسي": a source named by what he does (read below)
            if i == 0 and self._related(m):  # "وقالت خطيبة خاشقجي": his fiancée speaks
                return self._relation_phrase(lo, m)
            if i == 0 and self._to_whom_first(lo, m["start"]):
                break  # 'وقال للشبكة الإخبارية "أل سي إي" إن': whom it was said to
            if i == 0 and _LI_ONLY.fullmatch(self.text, lo, m["start"]):
                break  # "صرح لجون أفريك العام الماضي أنه": the subject never takes ل
            if i == 0 and _described(v, self.text, m):
                break  # 'ووصفت الداخلية أبو الفتوح بـ"القيادي الإخواني"': the object, its ب
            gap = self._unnamed_text(lo, m["start"])
            # a preposition right before the name makes it its object ("في بيت")
            raw = _WORD.findall(normalize(self.text[lo : m["start"]]))
            by_role = m["kind"] == "PERSON" and construct_title_gap(gap)
            by_role = by_role and bool(raw) and raw[-1] not in name_words().stop
            by_head = m["kind"] == "ORGANIZATION" and _head_noun(gap)  # 'جماعة "مجاهدي خلق"'
            if (
                i == 0
                and m["kind"] == "PERSON"
                and _called(gap)
                and not _COMPLEMENT.search(normalize(gap))
            ):
                return self.name_of(m)  # "رئيس شركة علاقات عامة بارز يدعى ريتشارد إيدلمان"
            if not title_gap(gap) and not by_role and not by_head:
                named = self._named_before_title(lo, m["start"]) if i == 0 else None
                if named is not None and m["kind"] in ("ORGANIZATION", "PERSON"):
                    return named  # "علي أكبر ولايتي مستشار المرشد الإيراني علي خامنئي"
                break
            if _addressed(self.text, m["start"], m["end"]):
                break  # "وقال الإمام لبي بي سي", "وأضافت لرويترز": whom it was said to
            nxt = (
                _person_after(self.text, m, after[i + 1 : i + 3], limit)
                if m["kind"] == "ORGANIZATION"
                else None
            )
            if nxt is not None:
                return self.name_of(nxt)  # "قال المتحدث باسم الجيش السوداني نبيل عبد الله"
            if m["kind"] == "ORGANIZATION" and role_after(self.text, lo, m["start"]):
                break  # "وأكد مندوب موسكو في مجلس الأمن": a person by title, not the council
            if m["kind"] == "ORGANIZATION" and " " not in m["surface"]:  # "وقالت المنظمة"
                return self._named_body(m["surface"], m["start"]) or self.name_of(m)
            return self.name_of(m)
        return self._role(v, limit)

    def _country_speaks(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        """A place right after the verb is its subject, a country or capital speaking for
        its government ("وقالت روسيا إن", "وأكدت طهران أن"), except after verbs whose next
        noun is their object (``quotes/object_verbs.txt``: "واتهم إيران بـ")."""
        i = bisect_left(self.place_starts, v.end)
        if i == len(self.places):
            return None
        m = self.places[i]
        if m["start"] >= limit or self._unnamed_text(v.end, m["start"]).strip():
            return None
        if lemma_key(v.lemma) in object_verbs() and not (
            self._object_follows(m)
            or _object_then_bi(v, self.text, m)
            or _carries_object(self.text, v)
            or self._feminine_subject(v, m)
        ):
            return None
        if _described(v, self.text, m):
            return None  # 'ووصفت الحكومة إسرائيل بـ"الاحتلال"': the object, then its ب
        j = bisect_left(self.speaker_starts, v.end)  # a body or person before it speaks
        if j < len(self.speakers) and self.speakers[j]["start"] < m["start"]:
            return None
        return self.name_of(m)

    def _feminine_subject(self, v: Verb, m: dict) -> bool:
        """ "وطالبت بريطانيا بفتح تحقيق", "وتدعو فرنسا إلى": a feminine verb agrees with the
        country right after it, its subject (Arabic puts it first); a masculine one ("ودعا
        إسرائيل إلى") has its subject left out, and the country is its object. Not a
        country Arabic treats as masculine ("وطالبت لبنان بتسليم",
        ``quotes/masculine_places.txt``), nor one a describing verb's ب follows ("واتهمت
        بريطانيا بممارسة": the object and what it is accused of, the subject named before)."""
        if self._verb_gender(v) != "f":
            return False
        if key(m["surface"]).removeprefix(AL) in masculine_places():
            return False
        return not (lemma_key(v.lemma) in describe_verbs() and _BI_NEXT.match(self.text, m["end"]))

    def _object_follows(self, m: dict) -> bool:
        """ "حذرت الولايات المتحدة إيران من": a second name right after the first is the
        verb's object, so the first is its subject (Arabic puts the subject first)."""
        j = bisect_left(self.mention_starts, m["end"])
        if j == len(self.mention_starts):
            return False
        return not self.text[m["end"] : self.mention_starts[j]].strip()

    def _common_noun(self, m: dict) -> bool:
        """A person mention opening with an unnamed source's head ("سائق تاكسي"): the
        recogniser's misreading of a description."""
        first = _WORD.search(m["surface"])
        return first is not None and is_source(first.group())

    def _related(self, m: dict) -> bool:
        """A person named as the possessor of a relation noun right before it ("خطيبة
        خاشقجي", ``gazetteer/relations.txt``): the relative speaks, not the person."""
        if m["kind"] != "PERSON":
            return False
        lo = max(0, m["start"] - HEAD_BEFORE_CHARS)
        before = _WORD.findall(self.text[lo : m["start"]])  # as written: ة is not ه
        if not before or self.text[m["start"] - 1 : m["start"]] != " ":
            return False
        if before[-1].endswith("\u0647"):
            return False  # "شقيقه محمد": his brother Mohammed, who speaks
        word = normalize(before[-1])
        word = word[1:] if word[:1] in "\u0648\u0641" else word  # و ف
        return not word.startswith(AL) and word in relations()

    def _relation_phrase(self, lo: int, m: dict) -> tuple[None, str]:
        """ "خطيبة خاشقجي" as written: from the relation noun to the person's name."""
        first = _WORD.search(self.text, lo, m["start"])
        start = first.start() if first is not None else m["start"]
        return None, self.text[start : m["end"]]

    def _named_before_title(self, s: int, e: int) -> tuple[None, str] | None:
        """ "وصرحت أنجي صدقي المتحدثة باسم اللجنة الدولية": the name before the title,
        as written (the recogniser missed it), rather than the organisation."""
        # A tatweel alone ("ذكر ـ أضف") folds to nothing: no word, not an empty one.
        words = [w for w in _WORD.finditer(self.text, s, e) if normalize(w.group())]
        toks = [normalize(w.group()) for w in words]
        # "علي" written with ي is the given name; the preposition is written "على"
        k = name_before_title(toks, given_first=bool(words) and words[0].group() == _ALI)
        if k is None or self.text[words[0].start() : words[k - 1].end()].count(" ") != k - 1:
            return None  # a name is words and spaces: not "نزيه خير (44 عاما"
        return None, self.text[words[0].start() : words[k - 1].end()]

    def _unnamed_text(self, s: int, e: int) -> str:
        """``text[s:e]`` without the names and time expressions in it: a place or body
        inside a title ("المتحدث باسم مديرية الدفاع المدني بمنطقة جيزان المقدم") or the day
        before the subject ("قال الثلاثاء وزير") is not a stop."""
        i = bisect_left(self.skipped_starts, s)
        pieces, pos = [], s
        while i < len(self.skipped) and self.skipped[i][0] < e:
            ms, me = self.skipped[i]
            pieces.append(self.text[pos:ms])
            pos = max(pos, min(me, e))
            i += 1
        pieces.append(self.text[pos:e])
        return " ".join(pieces)

    def _phrase_after(self, v: Verb, limit: int) -> list[re.Match[str]]:
        """Words after a verb up to the comma, colon, quote or أن that ends its subject
        (read once per verb and limit: several rules ask)."""
        got = self._phrases.get((v.end, limit))
        if got is None:
            got = self._phrases[(v.end, limit)] = self._read_phrase(v, limit)
        return got

    def _read_phrase(self, v: Verb, limit: int) -> list[re.Match[str]]:
        nt = self.nt
        lo = _norm_pos(nt, v.end, len(nt.norm))
        hi = _norm_pos(nt, min(limit, v.end + SPEAKER_AFTER_GAP), len(nt.norm))
        cut = _PHRASE_END.search(nt.norm, lo, hi)
        while cut is not None and self._quoted_body(lo, cut.start(), hi):
            # 'مديرة "هيومن رايتس ووتش" في فرنسا بينيديكت جانرود أن': a body's name in
            # quote marks after a title runs on to its holder
            cut = _PHRASE_END.search(nt.norm, nt.norm.index('"', cut.end(), hi) + 1, hi)
        hi = cut.start() if cut else hi
        how = said_in().search(nt.norm, lo, hi)  # "الجيش في بيانه": how, not who
        hi = how.start() if how else hi
        # "وأشار البيان إلى أن", "وشددت الخارجية على ضرورة": the verb's own preposition
        # ends the subject; one inside a title runs on ("السفير الهولندي إلى المجلس X")
        to = [m for m in _VERB_PREP.finditer(nt.norm, lo, hi) if not self._of_name(m, lo, hi)]
        if to and len(_WORD.findall(nt.norm, to[-1].end(), hi)) <= VERB_PREP_TAIL_WORDS:
            hi = to[-1].start()
        full = self._trimmed(list(_WORD.finditer(nt.norm, lo, hi)))
        self._full_phrases[(v.end, limit)] = full
        return _without_trailing(full[:MAX_SPEAKER_WORDS])

    def _of_name(self, prep: re.Match[str], lo: int, hi: int) -> bool:
        """A preposition inside the subject: the name Ali ("علي العريض"); عن in a phrase
        opened by a statement ("بيان صادر عن إيتا": its issuer), after a noun of
        representing ("ممثل عن الحكومة", `quotes/represents.txt`) or before a name
        ("ممثلون عن باريمور"), not what the verb is about ("أعرب المصدر عن اعتقاده")."""
        if self._name_ali(prep):
            return True
        if prep.group() != _AN:
            return False
        first = _WORD.search(self.nt.norm, lo, hi)
        if first is not None and bare(first.group()) in documents():
            return True
        before = _WORD.findall(self.nt.norm, lo, prep.start())
        if before and bare(before[-1]) in represents():
            return True
        after = _WORD.search(self.nt.norm, prep.end(), hi)
        return after is not None and self._in_mention(self.nt.span(*after.span())[0])

    def _quoted_body(self, lo: int, mark: int, hi: int) -> bool:
        """A quote mark at normalised ``mark`` opens a short name right after a title or
        "باسم" ('المتحدث باسم "جيش الإسلام"'), closed before ``hi`` and followed by a word."""
        norm = self.nt.norm
        if norm[mark] != '"':
            return False
        before = _WORD.findall(norm, lo, mark)
        if not before or (before[-1] != _BI_ISM and role_of(before[-1:]) is None):
            return False
        close = norm.find('"', mark + 1, hi)
        if close < 0 or len(_WORD.findall(norm, mark, close)) > QUOTED_BODY_WORDS:
            return False
        return _WORD_NEXT.match(norm, close + 1) is not None

    def _name_ali(self, m: re.Match[str]) -> bool:
        """ "قال القيادي في حزب النهضة علي العريض": the name Ali, spelt with ي in an article
        that spells the preposition على with ى."""
        s, e = self.nt.span(*m.span())
        return self.text[s:e] == _ALI and self._spells_ala

    @cached_property
    def _spells_ala(self) -> bool:
        """The article writes the preposition على as a word of its own (not the على of
        "الأعلى")."""
        return _ALA_WORD.search(self.text) is not None

    def _trimmed(self, words: list[re.Match[str]]) -> list[re.Match[str]]:
        """A subject phrase without the day around it ("الأحد وزيرة الدولة", "وزارة الصحة
        في غزة الجمعة") or whom it was said to ("المسؤول الفلسطيني لرويترز")."""
        out: list[re.Match[str]] = []
        for w in words:
            start = self.nt.span(*w.span())[0]
            if _inside(self.timex_spans, start, start + 1):
                if out:
                    break
                if _inside(self.day_spans, start, start + 1):
                    continue  # a day, not "آلان" read as "الآن"
            if not out and w.group() in _TO_PRONOUN:
                continue  # "قال لي أحد مسؤولي الحزب": to me, then the subject
            if w.group() in _WHILE_HE:
                break  # "قال لي وهو يتكئ على عصاه": how he said it, not who
            if out and (self._to_whom(w.group()) or _VERB_OBJECT.match(w.group())):
                break  # "ندد اليسار بما اعتبره": the verb's ب opens its object
            if out and (relative(w.group()) or w.group() in not_names()):
                break  # "صوفيا التي تعيش في نيويورك": who, then what else; "ردا على": how
            if out and _COUNT.search(self.nt.norm, out[-1].end(), w.end()):
                if len(out) > 1 and not out[-1].group().startswith(AL):
                    out.pop()  # "اعتقال" governs the count: the object's first word
                break  # "أعلنت النيابة العامة اعتقال 17 شخصا": a count is the object's
            out.append(w)
        return _without_trailing(out)

    def _to_whom_first(self, s: int, e: int) -> bool:
        first = _WORD.search(self.text, s, e)
        return first is not None and self._to_whom(normalize(first.group()))

    @staticmethod
    def _to_whom(word: str) -> bool:
        if word == "\u0644" or _LI_LATIN.fullmatch(word):
            return True  # 'متحدث باسم "فيسبوك" لـ CNN', "لـCNN": to an outlet written apart
        if word[:1] != "\u0644" or len(word) < MIN_BARE_NAME_CHARS - 1:
            return False
        rest = word[2:] if word[:2] == "\u0644\u0644" else word[1:]  # "للصحفيين", "لوكالة"
        return rest in addressees() or rest.removeprefix(AL) in addressees()

    def _as_written(self, words: list[re.Match[str]]) -> tuple[None, str]:
        s, e = self.nt.span(words[0].start(), words[-1].end())
        if len(_MARK.findall(self.text, s, e)) % 2 and _MARK.match(self.text, e):
            e += 1  # 'متحدث باسم "فيسبوك"': the body's name keeps its closing mark
        return None, self.text[s:e]

    def _bare_name(self, words: list[re.Match[str]]) -> bool:
        """One unknown word alone before the colon or أن, opening with a letter that is
        also a preposition ("وقالت ليولين :"): a name, unless it holds a mention (the
        addressee: "وقال لرويترز إن") or is a function word."""
        if len(words) != 1 or len(words[0].group()) < MIN_BARE_NAME_CHARS:
            return False
        w = words[0].group()
        if w[1:3] == "\u0627\u0644" or w[:2] == "\u0644\u0644" or key(w[1:]) in org_heads():
            return False  # "بالقول", "للصحافيين", "لصحيفة": a preposition on a noun
        s, e = self.nt.span(*words[0].span())
        if _QUOTE_NEXT.match(self.text, e):
            return False  # "فقال لصحيفة "إل بايس"": the name of whom it was said to follows
        if w in name_words().stop:
            return False
        return not self._in_mention(s) and not self._in_mention(e - 1)

    def _unnamed(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        """ "قال مصدر أمني إن", "وقالت الحكومة في بيان": a speaker phrase naming no one
        (``quotes/sources.txt``), kept as written, with no entity id."""
        words = self._phrase_after(v, limit)
        if lemma_key(v.lemma) in object_verbs() and not _carries_object(self.text, v):
            # "ووصف المسؤول الأمني الهجمات بأنها", "ووصفت الحكومة إسرائيل بـ": the subject,
            # then the object the ب describes
            words = indefinite_phrase(self._before_described_name(words))
            if words and words[0].group().startswith(AL) and self._bi_follows(words[-1]):
                return None  # "وصف المسؤولين الأمريكيين بـ«...»": the object, then its ب
            if lemma_key(v.lemma) in describe_verbs() and _one_of_them_then_bi(words):
                return None  # "واتهمت أحدهما بالتواصل مع": the object, then its ب
        if not words or not is_source(words[0].group()):
            return None
        if words[0].group() in _ONE_OF_THEM:
            words = words[:1]  # a word with its pronoun takes no adjective: "أحدهم بالإفراج"
        if len(words) == 1 and is_anaphor(words[0].group()):
            # "وأوضح المصدر" after "قال مصدر أمريكي مسؤول": the source cited before with
            # that head; else ("وتابعت المتحدثة") the one named before
            return self._source_again(words, v)
        if len(words) == 1:  # "وقالت المنظمة" after "منظمة العفو الدولية"
            named = self._named_body(words[0].group(), v.start) or self._missed_name(v, limit)
            return named or self._as_written(words)
        found = self._issuer(words) or self._identified(v, limit)
        found = found or self._source_again(words, v) or self._missed_name(v, limit)
        return found or self._titled_holder(words, v) or self._as_written(words)

    def _identified(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        """ "قال متحدث ثان باسم البنتاغون هو الميجور آدريان رانكين", "متحدث باسم الوزارة،
        وهو فلان،": the person a pronoun of identity names after the unnamed source."""
        words = self._full_phrases[(v.end, limit)]
        said = [w for w in words if w.group() in IDENTITY]
        after = _IDENTITY_AFTER.match(self.nt.norm, words[-1].end()) if not said else None
        if not said and after is None:
            return None
        start, pos = self.nt.span(*(said[0].span() if said else after.span()))
        source = speaker_gender(self.text[self.nt.span(*words[0].span())[0] : start], False)
        if (source == "f") != normalize(self.text[start:pos]).endswith(_SHE):
            return None  # "متحدث باسم عائلة الضحية، وهي الطالبة": هي is the victim, not he
        i = bisect_left(self.person_starts, pos)
        if i == len(self.persons):
            return None
        m = self.persons[i]
        if m["start"] >= limit or m["start"] - pos > IDENTITY_NAME_CHARS:
            return None
        return self.resolved(self.name_of(m)) if title_gap(self.text[pos : m["start"]]) else None

    def _before_described_name(self, words: list[re.Match[str]]) -> list[re.Match[str]]:
        """The words before a name that the ب of a quote follows, when words come before it
        ("الحكومة" + إسرائيل + بـ«): the name is the object described."""
        for k in range(1, len(words)):
            if self._word_in_mention(words[k]):
                s = self.nt.span(*words[k].span())[0]
                i = bisect_right(self.mention_starts, s) - 1
                if i < 0 or not _BI_QUOTE.match(self.text, self.mention_spans[i][1]):
                    return words
                # not "جماعة" + الإخوان المسلمين: a head noun and its name are one
                head_only = all(bare(normalize(w.group())) in org_heads() for w in words[:k])
                return words if head_only else words[:k]
        return words

    def _titled_holder(
        self, words: list[re.Match[str]], v: Verb
    ) -> tuple[str | None, str | None] | None:
        """ "وقال الناطق باسم الوزارة" with "الناطق باسم وزارة الصحة في غزة أشرف القدرة"
        elsewhere in the article: a definite title speaks for the person it names (an
        indefinite one, "متحدث باسم الوزارة", is an unnamed source)."""
        if not words[0].group().startswith(AL):
            return None
        phrase = [normalize(w.group()) for w in words]
        role = role_of(phrase)
        if role is None:
            return None
        earlier = resolve_role(role, self.text, self.persons, self.ctx.entities, v.start)
        if earlier is not None:
            return earlier
        return named_later(role, phrase, self.text, self.persons, self.ctx.entities, v.start)

    def _office(self, v: Verb, limit: int) -> tuple[None, str] | None:
        """ "وقال مكتب رئيس الوزراء الإسرائيلي إن": the office of a title speaks, as
        written (``quotes/offices.txt``), not the person who holds the title."""
        words = self._phrase_after(v, limit)
        if not words or not offices().match(self.nt.norm, words[0].start()):
            return None
        after = [w.group().removeprefix("\u0644") for w in words[1:]]  # "لرئيس"
        if role_of(after) is None and role_of(after[1:]) is None:
            return None  # "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية": a body's name
        return self._as_written(words)

    def _bi_follows(self, word: re.Match[str]) -> bool:
        """The preposition ب and a quote right after ``word`` ("الأمريكيين بـ«")."""
        return _BI_QUOTE.match(self.text, self.nt.span(*word.span())[1]) is not None

    def _source_again(self, words: list[re.Match[str]], v: Verb) -> tuple[None, str] | None:
        """ "وأضاف المصدر التركي" after "قال مصدر دبلوماسي تركي": a definite source phrase
        is the unnamed source introduced before with the same head noun."""
        first = words[0].group()
        first = first[1:] if first[:1] in "\u0648\u0641" else first  # و ف
        stop = name_words().stop
        rest = [w.group() for w in words[1:] if w.group() not in stop]  # "أيضا"
        if not first.startswith(AL) or not all(w.startswith(AL) for w in rest):
            return None  # "المتحدث باسم مجلس الأمن": a description of its own
        wanted = {first[len(AL) :], *(w[len(AL) :] for w in rest)}
        starts, speakers = self.said(v.start)
        for sp_id, said in reversed(speakers[: bisect_left(starts, v.start)]):
            # "المتحدث العسكري باسم القوات" named before is "المتحدث أيضا" now too
            earlier = [w.removeprefix(AL) for w in _WORD.findall(normalize(said or ""))]
            if sp_id is None and earlier and earlier[0] == first[len(AL) :]:
                # the same head, and every adjective of this one in it ("التركي")
                return (None, said) if wanted <= set(earlier) else None
        return None

    def _issuer(self, words: list[re.Match[str]]) -> tuple[str | None, str | None] | None:
        """ "وذكر بيان صادر عن إيتا", "بيان للوزارة": the body that issued a statement."""
        if bare(words[0].group()) not in documents():  # بيان، تقرير، رسالة ... (any article)
            return None
        pos = words[1].start()
        cue = issued_by().match(self.nt.norm, pos)
        if cue is not None:
            rest = [w for w in words[1:] if w.start() >= cue.end()]
        elif words[1].group()[:1] == "\u0644" and len(words[1].group()) > 2:
            rest = words[1:]  # "للوزارة": the body's name carries the ل
        elif words[1].group().startswith(AL):
            rest = words[1:]  # "بيان الداخلية": the body in construct after the statement
        else:
            return None
        if not rest:
            return None
        s, _e = self.nt.span(rest[0].start(), rest[0].end())
        i = bisect_left(self.speaker_starts, s - 1)
        if i < len(self.speakers) and self.speakers[i]["start"] <= s + 1:
            return self.name_of(self.speakers[i])
        if cue is not None:  # "بيان صادر عن إيتا": the issuer as written
            return self._titled_issuer(s) or self._as_written(rest)
        first = rest[0].group()
        if first[:2] == "\u0644\u0644":  # "للوزارة" -> "الوزارة"
            return self._named_body(AL + first[2:], s)
        return self._named_body(first, s) if first.startswith(AL) else None

    def _titled_issuer(self, s: int) -> tuple[str | None, str | None] | None:
        """ "البيان الصادر عن السكرتير الصحفي للبيت الأبيض": a title, then the name it
        is the title of, speaks (a person by name, else the body)."""
        i = bisect_left(self.speaker_starts, s)
        if i == len(self.speakers) or self.speakers[i]["start"] - s > ISSUER_TITLE_CHARS:
            return None
        m = self.speakers[i]
        gap = self._unnamed_text(s, m["start"])
        return self.name_of(m) if title_gap(gap) or construct_title_gap(gap) else None

    def _role(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        """ "وقال وزير الخارجية التركي: ..." -> the person that title named earlier."""
        role = role_after(self.text, v.end, min(limit, v.end + SPEAKER_AFTER_GAP))
        if role is None:
            return None
        self._phrase_after(v, limit)
        # the whole phrase: "النائب العربي في البرلمان الإسرائيلي" + أحمد الطيبي
        words = self._full_phrases[(v.end, limit)]
        # "مدير العمليات في شركة (ديستريس أليرت) للإسعاف، غيريت برادنيك": set off after it
        apposed = self._apposed_name(self.nt.span(*words[-1].span())[1], limit) if words else None
        if apposed is not None:
            return apposed
        at = name_follows([w.group() for w in words])
        if at is not None and words[at].group() not in name_words().given:
            # "في حكومة تصريف الأعمال محمد كبارة": a given name further on opens the name
            given = name_words().given
            later = [i for i in range(at + 1, len(words)) if words[i].group() in given]
            at = later[0] if later else at
        if at is not None and not self._word_in_mention(words[at]):
            # "وقالت الناشطة السعودية منال الشريف،": a name the recogniser missed; "وأشار
            # الأمير زيد في بيان": a person named in full earlier, by one of its words
            run = self._name_run(words, at)
            known = self._person_with_words([w.group() for w in run], v.start)
            return known or self._as_written(run)
        far = self._name_after_long_title(v, limit)
        earlier = resolve_role(role, self.text, self.persons, self.ctx.entities, v.start)
        found = far or earlier or self._titled_in_phrase(role[0], v, limit)
        last = self.previous(v.start, v) if found is None and words else None
        if last is not None and not role_fits(role, last[0]):
            # "وقال مندوب فرنسا في مجلس الأمن الدولي إن" after Macron, "وزير الداخلية
            # الفرنسي" after Salvini: a title the last speaker cannot hold is someone else,
            # the title as written (not the verb's object after it: "توعد رئيس الوزراء
            # الإسرائيلي إيران")
            cut = object_after_title([w.group() for w in words])
            return self._as_written(words[:cut] if cut else words)
        return found

    def _titled_in_phrase(
        self, title: str, v: Verb, limit: int
    ) -> tuple[str | None, str | None] | None:
        """ "وقال المحامي علي طه في اتصال": the person the title names in the verb's own
        subject phrase, when a word the recogniser left out stands between them."""
        for m in self.persons:
            if v.end <= m["start"] < min(limit, v.end + SPEAKER_AFTER_GAP):
                first = normalize(m["surface"]).split()[:1]
                named = first and name_word(first[0])  # not "لرئاسة أمن", a misreading
                return self.name_of(m) if named and role_before(self.text, m) == title else None
        return None

    def _name_after_long_title(self, v: Verb, limit: int) -> tuple[str | None, str | None] | None:
        """ "قال رئيس النيجر والرئيس المباشر للقوة الإقليمية لدول الساحل لمكافحة الجهاديين
        محمدو يوسوفو إن": a title too long for the usual gap, then a person whose name
        the complementiser closes, with no punctuation between."""
        hi = min(limit, v.end + LONG_TITLE_GAP)
        stop = word_list("gazetteer/name_closers.txt")  # في، مع، خلال: a phrase, no title
        for m in self.speakers[bisect_left(self.speaker_starts, v.end) :]:
            if m["start"] >= hi or _TITLE_BREAK.search(self.text, v.end, m["start"]):
                return None
            raw = _WORD.findall(self.text[v.end : m["start"]])
            gap = [normalize(w) for w in raw]
            phrase = any(w in stop or w in _AFTER_WORDS or w == _HAYTH or relative(w) for w in gap)
            if phrase or any(OWNER_END.search(w) for w in raw):
                # "رئيس الوزراء خلال لقائه مع الرئيس X إن", "بعد لقائه نظيره الروسي X",
                # "مدير المستشفى حيث يعالج عباس أن": a phrase or a clause between, the
                # name is another person's (a pronoun read before ة becomes ه)
                return None
            if m["kind"] == "PERSON":
                return self.name_of(m) if _THAT_AFTER.match(self.text, m["end"]) else None
        return None

    def _word_in_mention(self, word: re.Match[str]) -> bool:
        """The word is part of a mention, maybe with a proclitic: "وبريطانيا" of
        "بريطانيا" is a known place, not a name the recogniser missed."""
        s, e = self.nt.span(*word.span())
        return self._in_mention(s) or self._in_mention(e - 1)

    def _in_mention(self, pos: int) -> bool:
        i = bisect_right(self.mention_starts, pos) - 1
        return i >= 0 and pos < self.mention_spans[i][1]

    def _before(self, v: Verb) -> tuple[str | None, str | None] | None:
        """The verb's subject written before it: a name, else an unnamed source; after a
        relative pronoun, only the name right before the pronoun ("الملا الذي قال")."""
        pronoun = self._relative_before(v)
        if pronoun is not None:
            # "غوارديولا الذي وصفه بأنه": the antecedent is the one described, not who speaks
            return None if _carries_object(self.text, v) else self._antecedent(pronoun)
        found = self._connective_subject(v) or self._interviewed(v) or self._came_in(v)
        return found or self._name_before(v) or self._source_opening(v)

    def _came_in(self, v: Verb) -> tuple[str | None, str | None] | None:
        """ "جاء ذلك في تغريدة للسفير السعودي على صفحته، حيث قال:": a sentence tied to the
        statement before it by its opening speaks with that statement's main speaker (the
        previous sentence's first verb), unless a name comes between."""
        lo = self._sentence_start(v.start)
        opening = came_in().match(self.nt.norm, _norm_pos(self.nt, lo, len(self.nt.norm)))
        if opening is None or lo == 0 or not _CAME_IN_WHAT.match(self.nt.norm, opening.end()):
            return None  # "وجاء ذلك بعد أن قال المرشد": another's words, another speaker
        if any(lo <= m["start"] < v.start and m["kind"] == "PERSON" for m in self.speakers):
            return None  # "جاء ذلك في كلمة للرئيس X، قال فيها": the one named speaks
        end = len(self.text[:lo].rstrip(" \n\t.!?\u00a0"))  # the previous sentence's last letter
        prev = self._sentence_start(max(0, end - 1))
        starts, speakers = self.said(lo)
        i = bisect_left(starts, prev)
        return speakers[i] if i < len(starts) and starts[i] < lo else None

    def _name_before(self, v: Verb) -> tuple[str | None, str | None] | None:
        if _conjoined(self.text, v):
            # "... فان هورميرن. وقالت إنه": a name before "وقال" ends the last clause
            return self._topic(v)

        i = bisect_left(self.speaker_starts, v.start) - 1
        while i >= 0 and self.speakers[i]["end"] > v.start:
            i -= 1
        if i < 0:
            return None
        best = self.speakers[i]
        if best["kind"] == "ORGANIZATION":
            spokesperson = self._spokesperson_of(best, v)
            if spokesperson is not None:
                return spokesperson
        if best["entity_id"] in channels():
            return None  # "بيان نشره على صفحته بموقع فيسبوك، حيث قال": the channel, not who
        near = v.start - best["end"] <= SPEAKER_BEFORE_GAP and self._one_clause(best, v)
        if near and best["kind"] == "PERSON":
            return self._apposition_head(i, v) or self.name_of(best)
        if near and self._governed(best):
            # "جون بيرد مدير ... التابعة لوزارة الدفاع قال": a body after ل/ب is a
            # complement of the title before it, never the verb's subject
            return self._apposed_person(i, v)
        # "جون بيرد، مدير التحليل العلمي في وكالة ... التابعة لوزارة الدفاع، قال": a
        # name, then its title in apposition (after a comma or not), then the verb; "فرانك
        # لامبارد، نجم تشيلسي السابق، وصف": the body is the title's, the person speaks
        titled = self._apposed_person(i, v, closed=near)
        if titled is not None or near:
            return titled or self.name_of(best)
        return None

    def _governed(self, m: dict) -> bool:
        """A preposition ل / ب glued to the mention ("لوزارة الدفاع")."""
        s = m["start"]
        return (
            s > 0
            and self.text[s - 1] in _GLUED_PREPOSITIONS
            and (s < 2 or not self.text[s - 2].isalpha())
        )

    def _spokesperson_of(self, body: dict, v: Verb) -> tuple[None, str] | None:
        """ "لكن متحدثا باسم اتحاد الصناعة البريطاني (CBI) قال": an unnamed source speaking
        for the body named right before the verb speaks, as written, not the body."""
        gap = self.text[body["end"] : v.start]
        if gap.strip() and not _ABBREVIATION.fullmatch(gap.rstrip()):
            return None
        # whole tokens: "متحدثًا" keeps its tanween inside one word
        words = list(_TOKEN.finditer(self.text, self._sentence_start(v.start), body["start"]))
        words = _past_connectives(words)
        if len(words) != 2 or normalize(words[1].group()) != BI_ISM:
            return None
        if not unnamed_person(_source_form(words[0].group())):
            return None
        return None, self.text[words[0].start() : body["end"]]

    def _apposition_head(self, i: int, v: Verb) -> tuple[str | None, str | None] | None:
        """ "كانت خديجة جنكيز، خطيبة الصحفي جمال خاشقجي، قد قالت": the person a phrase set
        off by commas describes speaks, not the one named at the phrase's end."""
        best = self.speakers[i]
        if self.text[best["end"] : v.start].lstrip()[:1] not in _COMMAS:
            return None
        for m in reversed(self.speakers[:i]):
            if best["start"] - m["end"] > APPOSITION_GAP:
                break
            gap = self.text[m["end"] : best["start"]].strip()
            if m["kind"] != "PERSON" or gap[:1] not in _COMMAS:
                continue
            inner = gap[1:]
            if any(c in inner for c in _COMMAS) or _SENT_END.search(inner):
                return None
            # set off by a title or a relation ("خطيبة الصحفي"), not a clause of its own
            # ("إلى الرئيس محمد مرسي، وجهها المرشد محمد بديع، قال")
            first = _WORD.search(inner)
            described = first is not None and (
                role_after(inner, 0, len(inner)) is not None
                or normalize(first.group()) in relations()
            )
            return self.name_of(m) if described and self._one_clause(m, v) else None
        return None

    def _apposed_person(
        self, i: int, v: Verb, closed: bool = False
    ) -> tuple[str | None, str | None] | None:
        """The person named before the verb with a title in apposition between them;
        ``closed``: a body sits right before the verb, so the title must be set off by
        commas on both sides and say nothing ("X، نجم تشيلسي السابق، وصف", not "X، إن")."""
        for m in reversed(self.speakers[: i + 1]):
            if v.start - m["end"] > APPOSITION_GAP:
                break
            if m["kind"] != "PERSON":
                continue
            gap = self.text[m["end"] : v.start]
            titled = gap.lstrip()[:1] in ("\u060c", ",") or role_after(gap, 0, len(gap))
            if closed:
                shut = gap.rstrip()[-1:] in ("\u060c", ",")
                titled = titled and shut and not _COMPLEMENT.search(normalize(gap))
            if titled and self._one_clause(m, v):
                return self.name_of(m)
            break
        return None

    def _source_opening(self, v: Verb) -> tuple[None, str] | None:
        """ "مصدر سعودي مسؤول قال، لـCNN، إن": an unnamed source opening the sentence, its
        verb after it (subject first), is the speaker as written."""
        lo = self._sentence_start(v.start)
        words = list(_WORD.finditer(self.text, lo, v.start))
        opened = len(words)
        words = _past_connectives(words)  # 'إلا أن مصدرا أمنيا وشهودا أكدوا أن "..."'
        if not words or len(words) > SOURCE_BEFORE_WORDS:
            return None
        first = _source_form(words[0].group())
        if len(words) < opened and not unnamed_person(first):
            return None  # people only after a connective
        of_whom = bare(normalize(words[1].group())) if len(words) > 1 else ""
        if first in _ONE_OF and not is_source(of_whom):
            return None  # "لكن إحدى النظريات تقول": one of what is no source
        if not is_source(first) or is_anaphor(first):
            return None  # "المتحدث قال": the one named before
        if any(self._in_mention(w.start()) for w in words):
            return None  # a name is read by the rules above
        return None, self.text[words[0].start() : words[-1].end()]

    def _one_clause(self, m: dict, v: Verb) -> bool:
        """No quote, sentence end or line between a mention and a verb after it."""
        gap = self.text[m["end"] : v.start]
        return not ('"' in normalize(gap) or _SENT_END.search(gap) or "\n" in gap)

    def _sentence_start(self, pos: int) -> int:
        lo = max(0, pos - SUBJECT_WINDOW)
        if self._ends is None:  # every sentence stop, found once per article
            self._ends = [m.end() for m in _SENT_END.finditer(self.text)]
        i = bisect_right(self._ends, pos) - 1
        last = self._ends[i] if i >= 0 and self._ends[i] > lo else 0
        start = max(self.text.rfind("\n", 0, pos) + 1, last)
        while start < pos and self.text[start].isspace():
            start += 1
        return start

    def according_to(self, lo: int, hi: int) -> str | None:
        for s, e in self.according:
            if lo <= s < hi:
                for m in self.speakers:
                    if e <= m["start"] <= e + ACCORDING_GAP:
                        return m["surface"]
        return None


def _circumstantial(surface: str) -> bool:
    """One word that reads as an indefinite accusative participle ("مخاطبا", "مبتسما"):
    how a speaker spoke, whatever the recogniser made of it; not a given name."""
    word = normalize(surface)
    return ADVERBIAL_PARTICIPLE.fullmatch(word) is not None and word not in name_words().given


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect_right(spans, (s, 1 << 62)) - 1  # the last span starting at or before s
    return i >= 0 and spans[i][0] <= s and e <= spans[i][1]


_SAYING = normalize("قول")  # the masdar "قوله", "بقولها": his/her saying


def _is_name_span(bodies: set[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Quote marks around a body's name and nothing else (a space or a clitic at most):
    outlets, agencies and companies are written so. A person's or place's name alone in
    quote marks is mostly a work, an event or a nickname ("عيد الحصاد"), never a speaker.
    ``bodies``: the (start, end) of the article's organisation mentions."""
    s, e = span
    slack = range(-NAME_SPAN_SLACK, NAME_SPAN_SLACK + 1)
    return any((s + a, e + b) in bodies for a in slack for b in slack)


def _addressed(text: str, start: int, end: int) -> bool:
    """The name carries the preposition ل and the words follow it ("وقال الإمام لبي بي سي
    "...", "وأضافت لرويترز إن"): it is whom they were said to. A ل-name inside a title
    runs on to its person ("الأمين العام للجامعة العربية أحمد أبو الغيط") or on into the
    clause ("المجلس التنفيذي لصندوق النقد في تقييمه"), and is kept."""
    i = start - 1
    while i >= 0 and text[i] == "\u0640":  # tatweel: "لـCNN"
        i -= 1
    if not (i >= 0 and text[i] == "\u0644" and (i == 0 or not text[i - 1].isalpha())):
        return False
    return _SAID_FOLLOWS.match(text, end) is not None


def _called(gap: str) -> bool:
    """A description that ends in "يدعى" / "اسمه": the name after it is the one described."""
    words = _WORD.findall(normalize(gap))
    return bool(words) and words[-1] in CALLED


def _head_noun(gap: str) -> bool:
    """Only an organisation's head noun before its name (``heads.tsv``: "جماعة", "حركة")."""
    words = _WORD.findall(normalize(gap))
    return len(words) == 1 and "\n" not in gap and bare(words[0]) in org_heads()


def _person_after(text: str, org: dict, later: list[dict], limit: int) -> dict | None:
    """A person named right after an organisation in a title (the org is the title's),
    also after the body's abbreviation in brackets ("رئيس الشركة الوطنية الفرنسية لسكك
    الحديد (إس إن سي إف) غيوم بيبي")."""
    end = org["end"]
    abbreviation = _ABBREVIATION.match(text, end)
    if abbreviation is not None:
        end = abbreviation.end()
        later = [m for m in later if m["start"] >= end]
    nxt = later[0] if later else None
    if nxt is None or nxt["kind"] != "PERSON" or nxt["start"] >= limit:
        return None
    return nxt if title_gap(text[end : nxt["start"]]) else None


def extract_quotes(ctx: ExtractContext) -> list[dict]:
    """Return QUOTES rows (date left None: the lead attaches dates)."""
    if '"' not in ctx.nt.norm:
        return []  # direct quotes only
    spans = quoted_spans(ctx.nt.norm)
    quoted = sorted(ctx.nt.span(q.start, q.end) for q in spans if q.start is not None)
    art = _Article(ctx, quoted)
    rows: list[dict] = []
    prev: tuple[Quoted, Verb | None, int, tuple[str | None, str | None] | None] | None = None
    for q in spans:
        row, verb, start = _one(art, q, prev)
        if row is not None:
            rows.append(row)
            art.last = (row["speaker_id"], row["speaker"])
            art.last_at = row["start"]
            prev = (q, verb, start, art.last)
        elif verb is not None:
            # 'وقال ماكرون في مقابلة بثتها قناة "بي.إف.إم" ... "لدينا الشرعية"': a name in
            # marks passes its sentence's verb on to the quote after it, with no speaker
            prev = (q, verb, start, None)
    return rows


def _one(art: _Article, q: Quoted, prev):
    nt, text = art.nt, art.text
    ps, pe = nt.span(q.para_start, q.para_end)
    close = nt.span(q.end, q.end)[0] if q.end < q.para_end else pe
    lo = prev[2] if prev and prev[0].para_start == q.para_start else ps
    if q.start is None:
        verb = art.verb_before(lo, close)
        if verb is None:
            return None, None, 0
        m = _COMPLEMENT.search(nt.norm, _norm_pos(nt, verb.end, q.end), q.end)
        qs = nt.span(m.end(), m.end())[0] if m else verb.end
    else:
        qs = nt.span(q.start, q.start)[0]
        verb = art.verb_before(lo, qs)
    s, e = _strip(text, qs, close, unclosed=close == pe)
    if e <= s or (_is_entity(art, s, e) and not _described_as(text, s)):
        # 'وصفت المعتقلين بـ"الخونة"': what someone is called is a quote, whatever the
        # recogniser made of the quoted word
        return None, None, 0
    if _named_in_marks(art.text, s, e) and not _described_as(text, s):
        return None, verb, e  # the name passes its verb on (``extract_quotes``)
    speaker = None
    same_para = prev is not None and prev[0].para_start == q.para_start and prev[1] is not None
    if verb is None and same_para and not _SENT_END.search(text, prev[2], s):
        verb, speaker = prev[1], prev[3]  # same sentence: same verb and speaker
    if verb is None:
        verb = art.verb_after(close + 1, pe)
        if verb is not None:
            speaker = art.speaker(verb, pe)
    if verb is None and q.start is not None:
        verb = art.verb_opening_clause(lo, qs)
    cited = art.according_person(close + 1, pe)  # "«...»، وفقا لرئيسة اللجنة آنا لارسن"
    if verb is None and cited is None and not _standalone(text, ps, pe, s, e):
        return None, None, 0
    if speaker is None and verb is not None and verb.end <= s:
        # "وذكرت الوكالة نقلا عن مصدر أمني: «...»": the source cited between; "قوله"
        # relays the one cited right before it
        relays = normalize(text[verb.start : verb.end]).removeprefix("\u0628").startswith(_SAYING)
        # "نقلت وكالة رويترز عن أحد المتظاهرين ... قوله": the one after عن, not the outlet
        speaker = art.quoted_from(verb) if relays else None
        speaker = speaker or art.cited_between(
            verb.start - ACCORDING_WINDOW if relays else verb.end, s
        )
        speaker = speaker or art.relayed_from(verb, s)
    if speaker is None and verb is not None:
        speaker = art.explicit(verb, s)
    if speaker is None:
        speaker = cited or art.previous(verb.start if verb else s, verb)
    row = {
        "speaker_id": speaker[0],
        "speaker": speaker[1],
        "verb": verb.lemma if verb else None,
        "quote": art.ctx.text[s:e],
        "according_to": art.according_to(
            max(ps, (verb.start if verb else s) - ACCORDING_WINDOW), min(pe, e + ACCORDING_WINDOW)
        ),
        "date": None,
        "start": s,
        "end": e,
    }
    return row, verb, e


def _without_trailing(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """A subject phrase cannot end on a preposition ("وزارة الخزانة الأمريكية في" + a
    month, "شهود عيان عن" + what they told) or on "also"."""
    while len(words) > 1 and words[-1].group() in _TRAILING:
        words = words[:-1]
    return words


def _past_connectives(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words after those a sentence may open with before its subject ("إلا أن")."""
    while words and normalize(words[0].group()) in _CONNECTIVES:
        words = words[1:]
    return words


def _source_form(word: str) -> str:
    """A source word, normalised, without the alef of its accusative ("مصدرا", "متحدثًا"
    after إن/أن/لكن are مصدر, متحدث)."""
    word = normalize(word)
    return word[:-1] if word.endswith("\u0627") and not is_source(word) else word


def _came_in_documents(ctx: ExtractContext) -> list[Verb]:
    """ "وجاء في البيان أن «...»": what came in a writing is quoted from it, the writing
    (``quotes/documents.txt``) its speaker (``quotes/came_in_documents.txt``)."""
    if _CAME.search(ctx.visible) is None:  # a cheap test of the raw text first
        return []
    return [
        Verb(*ctx.nt.span(*m.span("verb")), _CAME_LEMMA, "past")
        for m in _came_in_re().finditer(ctx.nt.norm)
    ]


@cache
def _came_in_re() -> re.Pattern[str]:
    verbs = trie_regex(read_words("quotes/came_in_documents.txt"))
    writings = trie_regex(sorted(documents()))
    return re.compile(rf"(?<!\w)[وف]?(?P<verb>{verbs})\s+(?:ال)?(?:{writings})")


def _described(v: Verb, text: str, m: dict) -> bool:
    """'ووصفت الداخلية أبو الفتوح بـ"القيادي"': after a verb of calling or accusing, a
    name followed by ب and a quote is the object, described by the quoted words."""
    return lemma_key(v.lemma) in describe_verbs() and _BI_QUOTE.match(text, m["end"]) is not None


def _carries_object(text: str, v: Verb) -> bool:
    """ "وصفته", "تصفه", "وصفوها": a past or present verb ending in ه/ها/هم that its lemma
    lacks carries its object as a pronoun, so a noun after it is its subject (a feminine
    participle's ة, folded to ه, is no pronoun)."""
    if v.kind not in ("past", "present") or lemma_key(v.lemma) not in describe_verbs():
        return False  # not "قوله", "بقولها": listed as past forms of قال
    form = normalize(text[v.start : v.end])
    return OWNER_END.search(form) is not None and not OWNER_END.search(normalize(v.lemma))


def _describes_no_quote(text: str, v: Verb) -> bool:
    """A describing verb carrying its object that introduces no quote of its own: the
    masdar ("على حد وصفه", "بوصفهم", "إلى وصفه برئيس": a preposition glued to it, or one
    of ``_MASDAR_BEFORE`` right before it), or a relative clause with its subject left out
    ("على ما وصفه «...»", "من وصفهم بـ«...»": what its sentence's speaker calls something;
    not "وهو ما وصفه المحامي أحمد حسين بأنه", whose subject follows)."""
    if not _carries_object(text, v):
        return False
    if v.start > 0 and text[v.start - 1] in _GLUED_BEFORE_MASDAR:
        return True
    before = _WORD.findall(text, max(0, v.start - RELATIVE_WHAT_CHARS), v.start)
    word = normalize(before[-1]) if before else ""
    if word in _MASDAR_BEFORE:
        return True
    return word in _RELATIVE_WHAT and _DESCRIBED_NEXT.match(text, v.end) is not None


# "One of them" with its pronoun, an unnamed speaker ("وسأل أحدهم", "وطالب أحدهم
# بالإفراج") or, after a describing verb and before its ب, that verb's object ("واتهمت
# أحدهما بالتواصل مع")
_ONE_OF_THEM = frozenset(normalize(w) for w in ("أحدهم", "أحدهما", "إحداهن", "إحداهما"))
_BI_NEXT = re.compile(r"\s*\u0628")  # the next word opens with ب


def _one_of_them_then_bi(words: list[re.Match[str]]) -> bool:
    return (
        len(words) > 1
        and words[0].group() in _ONE_OF_THEM
        and _BI_NEXT.match(words[1].group()) is not None
        and len(words[1].group()) > 3  # "بها", "به": pronouns, not a masdar
    )


def _object_then_bi(v: Verb, text: str, m: dict) -> bool:
    """ "ووصفت روسيا الرسوم بأنها «مفرطة»": after a describing verb, a word or two between
    the name and the ب of the quote is the verb's object, so the name is its subject."""
    return (
        lemma_key(v.lemma) in describe_verbs() and _OBJECT_THEN_BI.match(text, m["end"]) is not None
    )


def _conjoined(text: str, v: Verb) -> bool:
    """The verb carries و/ف: it opens a new clause (verb first, subject after or dropped)."""
    i = v.start - 1
    return i >= 0 and text[i] in "\u0648\u0641" and (i == 0 or not text[i - 1].isalpha())


def _norm_pos(nt, pos: int, hi: int) -> int:
    """First normalised index whose source position is at or after ``pos`` (at most ``hi``)."""
    return min(nt.to_norm(pos), hi)


def _strip(text: str, s: int, e: int, unclosed: bool) -> tuple[int, int]:
    """Trim spaces; an unclosed quote also loses the paragraph's final stop."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or (unclosed and text[e - 1] in ".\u06d4")):
        e -= 1
    return s, e


def _described_as(text: str, s: int) -> bool:
    """The quote is what a describing verb before it calls someone (its ب right before)."""
    return _DESCRIBED_AS.search(text, max(0, s - DESCRIBED_WINDOW), s) is not None


def _named_in_marks(text: str, s: int, e: int) -> bool:
    """A quoted name the recogniser did not find: a body's name after its indefinite
    head noun ('لمنظمة "السامريون"', 'شركة "أبل"'; a definite head, 'وقالت المنظمة
    "نحن"', speaks) or an acronym in Latin capitals ('"CIA"')."""
    if _ACRONYM.fullmatch(text, s, e):
        return True
    words = _WORD.findall(text, s, e)
    if len(words) > QUOTED_NAME_WORDS or _indefinite_adjective(words):
        return False
    head = _HEAD_BEFORE_MARK.search(text, max(0, s - HEAD_BEFORE_MARK_CHARS), s)
    word = normalize(head.group(1)) if head else ""
    word = word[1:] if word[:1] in "\u0648\u0644\u0628" and len(word) > 3 else word
    return bool(word) and not word.startswith(AL) and word in org_heads()


def _indefinite_adjective(words: list[str]) -> bool:
    """'منظمة "إرهابية"', 'مجموعة "تكفيرية"': one indefinite nisba after the head is
    its adjective, a word someone used; a name after an indefinite head is definite
    ('صحيفة "الاقتصادية"') or foreign ('موقع "بازفيد"')."""
    if len(words) != 1:
        return False
    word = normalize(words[0])
    return not word.startswith(AL) and word.endswith(NISBA_ENDS)


def _is_entity(art: _Article, s: int, e: int) -> bool:
    """A quoted name ("روسيا اليوم") is not a quotation. Mentions do not overlap, so
    only the last one starting at or before ``s`` can hold the span."""
    i = bisect_right(art.mention_starts, s) - 1
    return i >= 0 and e <= art.mention_spans[i][1]


def _standalone(text: str, ps: int, pe: int, s: int, e: int) -> bool:
    """A paragraph that is all quote, or a bullet of quotes ('- "قد تكون في حالة صدمة"'
    after "تقول X لبي بي سي إن:"): the last speaker's words."""
    bullet = _BULLET.match(text, ps, s)
    ps = bullet.end() if bullet else ps
    return s - ps <= 2 and pe - e <= 3 and e - s >= MIN_STANDALONE_CHARS


def _run(ctx: ExtractContext) -> Rows:
    rows = extract_quotes(ctx)
    # A row takes the date stated in its own sentence, when there is one.
    attach_dates([r for r in rows if r.get("date") is None], ctx.timex, ctx.visible, ctx.event_day)
    return {"quotes": rows}


EXTRACTOR = Extractor("quotes", 40, _run)
