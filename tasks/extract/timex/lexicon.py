"""Word lists for temporal expressions, normalised once, and the one matcher.

Every list lives under ``akhbar/data/time/`` (plus the shared
``months.tsv``/``weekdays.tsv``); this module folds them with the same
camel-tools normalisation as ``NormText.norm`` and compiles one alternation
of named rules.  ``MATCHER.finditer(nt.norm)`` is the only pass over an
article; ``m.lastgroup`` names the rule that fired (each rule is wrapped in
an outer group, which closes last).
"""

from __future__ import annotations

import re
from functools import cache

from akhbar.data import read_rows
from akhbar.text.wordlist import fold, trie_regex

__all__ = ["LEX", "MATCHER", "RULE_GROUPS", "Lexicon", "trie_regex_of"]


_norm = fold


def trie_regex_of(forms: object) -> str:
    """Regex for a set of normalised forms, as a prefix trie; inner white space
    matches any run of spaces but never a newline (boilerplate is blanked to newlines)."""
    return trie_regex({_norm(f) for f in forms}, space=r"[^\S\n]+")  # type: ignore[attr-defined]


def _lines(name: str) -> list[str]:
    return [r[0] for r in read_rows(f"time/{name}")]


class Lexicon:
    """Normalised form -> meaning, for every list the rules use."""

    def __init__(self) -> None:
        months = read_rows("months.tsv")
        self.months = {_norm(n): int(m) for s, m, n in months if s != "hijri"}
        self.hijri = {_norm(n): int(m) for s, m, n in months if s == "hijri"}
        self.weekdays = {_norm(n): int(d) for d, n in read_rows("weekdays.tsv")}
        self.rel_days = {
            _norm(r[0]): (int(r[1]), r[2] if len(r) > 2 else None) for r in _rows("rel_days")
        }
        self.mods = {_norm(f): int(v) for f, v in _rows("modifiers")}
        self.units = {_norm(f): (u, c) for f, u, c in _rows("units")}
        self.ordinals = {_norm(f): int(v) for v, f in _rows("ordinals")}
        self.cardinals = {_norm(f): (None if v == "X" else int(v)) for v, f in _rows("cardinals")}
        self.parts = {(_norm(r[0]), r[2]): (r[1], r[3] == "1") for r in _rows("parts")}
        self.hours = {_norm(f): int(v) for k, f, v in _rows("hours") if k == "hour"}
        self.fracs = {_norm(f): int(v) for k, f, v in _rows("hours") if k == "frac"}
        self.sets = {_norm(f): v for f, v in _rows("sets")}
        self.anaphoric = {_norm(f): (k, int(d)) for k, f, d in _rows("anaphoric")}
        self.ambiguous_months = {_norm(f) for f in _lines("ambiguous_months.txt")}
        self.signals = {_norm(f) for f in _lines("signals.tsv")}
        self.not_year_before = {_norm(f) for f in _lines("not_year_before.txt")}
        future = _rows("future")
        self.future_words = [_norm(f) for k, f in future if k == "word"]
        self.future_prefixes = tuple(_norm(f) for k, f in future if k == "prefix")
        self.future_stop = {_norm(f) for k, f in future if k == "stop"}
        self.future_sites = [_norm(f) for k, f in future if k == "site"]
        self.refs = {_norm(f): v for f, v in _rows("refs")}
        self.after_year = {_norm(f) for f in _lines("after_year.txt")}
        self.decades = {_norm(f): int(d) for f, d in _rows("decades")}
        self.centuries = {_norm(f): int(n) for f, n in _rows("centuries")}
        self.seasons = {_norm(f): c for f, c in _rows("seasons")}
        self.year_parts = {_norm(f): c for f, c in _rows("year_parts")}
        self.holidays = {_norm(f): (cal, md) for f, cal, md in _rows("holidays")}


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return read_rows(f"time/{name}.tsv")


LEX = Lexicon()


def _weekday_bare() -> list[str]:
    """Weekday names without the article, for "كل جمعة"."""
    return [w[2:] for w in LEX.weekdays if w.startswith("ال")]


@cache
def _pieces() -> dict[str, str]:
    units_pl = [f for f, (_u, c) in LEX.units.items() if c == "pl"]
    month = trie_regex_of(LEX.months)
    return {
        "WD": trie_regex_of(LEX.weekdays),
        "WDB": trie_regex_of(_weekday_bare()),
        "MON": month,
        # A second system's name: "كانون الثاني/يناير", "نوفمبر (تشرين الثاني)".
        "MONALT": rf"(?:\s*[/(]\s*{month}(?:\s*\))?)?",
        "HMON": trie_regex_of(LEX.hijri),
        "ORD": trie_regex_of(LEX.ordinals),
        "CARD": trie_regex_of(LEX.cardinals),
        "REL": trie_regex_of(LEX.rel_days),
        "MOD": trie_regex_of(LEX.mods),
        "UNIT": trie_regex_of(LEX.units),
        "UNITPL": trie_regex_of(units_pl),
        "UNITDU": trie_regex_of(f for f, (_u, c) in LEX.units.items() if c == "2"),
        "PARTN": trie_regex_of(f for f, k in LEX.parts if k == "noun"),
        "PARTA": trie_regex_of(f for f, k in LEX.parts if k == "adverb"),
        "HOURW": trie_regex_of(LEX.hours),
        "FRAC": trie_regex_of(LEX.fracs),
        "SET": trie_regex_of(LEX.sets),
        "ANA_SHIFT": trie_regex_of(f for f, (k, _d) in LEX.anaphoric.items() if k == "shift"),
        "ANA_DAY": trie_regex_of(f for f, (k, _d) in LEX.anaphoric.items() if k == "day"),
        "TZ": trie_regex_of(_lines("timezones.txt")),
        "BLOCK": trie_regex_of(_lines("blockers.txt")),
        "REF": trie_regex_of(LEX.refs),
        "DECADE": trie_regex_of(LEX.decades),
        "CENT": trie_regex_of(LEX.centuries),
        "SEASON": trie_regex_of(LEX.seasons),
        "YPART": trie_regex_of(LEX.year_parts),
        "HOLIDAY": trie_regex_of(LEX.holidays),
        # The stretch of a period meant: inside the expression, as TimeML's mod.
        "EDGE": trie_regex_of(["مطلع", "اوائل", "اواخر", "نهايه", "منتصف", "بدايه", "اواسط"]),
        "YEARW": r"\s*,?\s*(?:(?:من\s+)?(?:ل|ال)?(?:عام|سنه)\s+)?",
        "NUM": r"(?<![\d.,/:])\d{1,3}(?:[.,]\d+)?(?![\d/:])",
        "DAY": r"(?<![\d.,/:])(?:0?[1-9]|[12]\d|3[01])(?![\d/:.,])",
        "YEAR": r"(?<!\d)(?:1[4-9]|20)\d\d(?!\d)",
        "END": r"(?!\w)",
        "BEG": "",
    }


# One rule per outer group; order matters (leftmost alternative wins at a position).
_RULES = [
    ("block", r"{BLOCK}{END}|اليوم\s+{ORD}{END}"),
    (
        "hijri",
        r"(?P<h_d>{DAY})\s*(?:من\s+)?(?:شهر\s+)?(?P<h_m>{HMON}){END}"
        r"(?:{YEARW}(?P<h_y>1[34]\d\d)(?:\s*(?:ه|هجريه|للهجره|هجري){END})?)?",
    ),
    (
        "dmy",
        r"(?:يوم\s+)?(?:(?P<a_wd>{WD})\s*,?\s*(?:الموافق\s+)?)?(?:(?P<a_d>{DAY})|(?P<a_o>{ORD}))"
        r"\s*(?:من\s+)?(?:شهر\s+)?(?P<a_m>{MON}){END}{MONALT}"
        r"(?:{YEARW}(?P<a_y>{YEAR})(?:\s*م{END})?|\s+(?P<a_mod>{MOD}){END})?",
    ),
    (
        "dayrange",  # the first day of "8 و9 يناير", "من 10 إلى 12 ديسمبر": month from the second
        r"(?P<q_d>{DAY})(?=\s*(?:و|-|الي|حتي)\s*(?:{DAY})\s*(?:من\s+)?(?:شهر\s+)?"
        r"(?P<q_m>{MON}){END}{MONALT}(?:{YEARW}(?P<q_y>{YEAR}))?)",
    ),
    (
        "numdate",
        r"(?<![\d/.:-])(?P<n_d>[0-3]?\d)(?P<n_s>[/.-])(?P<n_m>[01]?\d)(?P=n_s)(?P<n_y>{YEAR})"
        r"(?![\d/.-]\d)",
    ),
    ("isodate", r"(?<![\d/.:-])(?P<i_y>{YEAR})-(?P<i_m>[01]?\d)-(?P<i_d>[0-3]?\d)(?![\d-])"),
    (
        "my",
        r"(?:(?P<b_sh>شهر)\s+)?(?P<b_m>{MON}){END}{MONALT}{YEARW}(?P<b_y>{YEAR})(?:\s*م{END})?",
    ),
    (
        "ordrel",
        r"(?:(?P<r_d>{DAY})|(?P<r_o>{ORD}))\s+من\s+(?:هذا\s+الشهر|الشهر\s+(?P<r_mod>{MOD})){END}",
    ),
    (
        "clock",
        r"(?<![\d:.])(?P<k_h>[012]?\d):(?P<k_m>[0-5]\d)(?![\d:])"
        r"(?:\s*(?P<k_ap>{PARTA}){END})?(?:\s*(?P<k_tz>بتوقيت\s+{TZ}|GMT|UTC|ت\s*غ){END})?",
    ),
    (
        "clockw",
        r"الساعه\s+(?:(?P<c_h>{DAY})|(?P<c_w>{HOURW}))(?:\s+(?P<c_f>{FRAC}))?"
        r"(?:\s+(?:من\s+)?(?P<c_ap>{PARTA}|{PARTN})){END}(?:\s*(?P<c_tz>بتوقيت\s+{TZ}){END})?",
    ),
    (
        "ana",
        r"(?P<p_dir>{ANA_SHIFT})\s+ب\s*(?:(?P<p_n>{NUM}|{CARD})\s+)?(?P<p_u>{UNIT}){END}"
        r"|(?P<p_day>{ANA_DAY}){END}",
    ),
    ("ago", r"قبل\s+(?:(?P<g_n>{NUM}|{CARD})\s+)?(?P<g_u>{UNIT}){END}(?!\s+من{END}|\s*\d)"),
    ("set", r"(?P<s_f>{SET}){END}|كل\s+(?P<s_y>يوم\s+)?(?:ال)?(?P<s_wd>{WDB}){END}"),
    (
        "wd",
        r"{BEG}(?:(?P<w_rel>{REL})\s+)?(?:يوم\s+)?(?P<w_wd>{WD}){END}(?:\s+(?P<w_mod>{MOD}){END})?",
    ),
    ("rel", r"{BEG}(?P<d_rel>{REL}){END}"),
    (
        "part",
        r"{BEG}(?P<t_p>{PARTN})(?=\s+(?:من\s+)?(?:يوم\s+)?(?:{REL}|{WD}|\d{{1,2}}\s|{ORD}\s+من))",
    ),
    (
        "period",
        r"(?:هذا|هذه)\s+(?P<e_u>الاسبوع|الشهر|العام|السنه){END}"
        r"|(?P<e_u2>الاسبوع|الشهر|العام|السنه)\s+(?P<e_mod>{MOD}){END}",
    ),
    ("mon", r"{BEG}(?:(?P<m_sh>شهر)\s+)?(?P<m_m>{MON}){END}{MONALT}(?:\s+(?P<m_mod>{MOD}){END})?"),
    (
        "century",  # "القرن التاسع عشر", "أواخر القرن الماضي", "القرن الـ21"
        r"(?:(?P<cy_edge>{EDGE})\s+)?القرن\s+(?:(?P<cy_n>{CENT})|(?P<cy_mod>{MOD})){END}",
    ),
    (
        "decade",  # "الستينيات", "نهاية الستينيات", "ثمانينات القرن الماضي"
        r"(?:(?:(?P<de_edge>{EDGE})|(?P<de_part>{YPART})\s+من)\s+)?(?P<de_d>{DECADE}){END}"
        r"(?:\s+(?:(?:من\s+)?القرن\s+(?:(?P<de_cn>{CENT})|(?P<de_cm>{MOD}))|الميلاديه){END})?",
    ),
    (
        "ypart",  # "النصف الأول من العام", "الربع الثالث من 2018", "النصف الثاني من العام الماضي"
        r"(?P<yp_p>{YPART})\s+(?:من\s+|ل)(?:(?:ال)?(?:عام|سنه)\s+(?P<yp_y>{YEAR})|(?P<yp_y2>{YEAR})"
        r"|(?:العام|السنه)(?:\s+(?P<yp_mod>{MOD}))?){END}",
    ),
    (
        "season",  # "الصيف", "شتاء 2015", "الصيف الماضي"
        r"(?:فصل\s+)?(?P<se_s>{SEASON}){END}"
        r"(?:\s+(?:(?:عام\s+)?(?P<se_y>{YEAR})|(?P<se_mod>{MOD})){END})?",
    ),
    ("holiday", r"(?P<hd_h>{HOLIDAY}){END}(?:\s+(?P<hd_mod>{MOD}){END})?"),
    ("ref", r"(?P<rf>{REF}){END}"),
    ("year", r"{BEG}(?:ال)?(?:عام|سنه)\s+(?P<y_y>{YEAR})(?:\s*(?P<y_h>م|ه|هجري){END})?"),
    (
        "yearedge",  # "أوائل 2015", "نهاية 2019", "موسم 2010"
        r"(?:{EDGE}|موسم)\s+(?:(?:ال)?(?:عام|سنه)\s+)?(?P<ye_y>{YEAR})(?:\s*م)?{END}",
    ),
    ("bareyear", r"(?P<by_y>{YEAR})(?:\s*(?P<by_m>م)(?!\w))?"),
    (
        "plper",  # "الأيام الماضية", "الساعات الأربع والعشرين الماضية", "الـ24 ساعة الماضية",
        # "الأسبوعين الماضيين" (a dual unit with its dual modifier)
        r"(?:ال(?P<l_u>{UNITPL})(?:\s+(?P<l_n>ال{CARD}(?:\s+وال{CARD})?))?|ال(?P<l_d>\d{{1,3}})\s+"
        r"(?P<l_u2>{UNIT})|ال(?P<l_u3>{UNITDU}))\s+(?:القليله\s+)?(?P<l_mod>{MOD}|الاخيره){END}",
    ),
    ("dur", r"(?:(?P<u_n>{NUM}|{CARD})\s+)?(?P<u_u>{UNIT}){END}(?:\s+(?P<u_one>واحد|واحده){END})?"),
]


def _compile() -> re.Pattern[str]:
    p = _pieces()
    # Inner white space never crosses a line: boilerplate is blanked to "\n",
    # and a paragraph break ends any expression.
    alts = [f"(?P<{name}>{body.format(**p)})".replace(r"\s", r"[^\S\n]") for name, body in _RULES]
    # Matches start at a word start (after optional proclitics و ف ب ل, kept
    # outside the rule's group): the single look-behind rejects in-word
    # positions before any rule is tried, which is most of the speed.
    # A trie of every word a rule can start with is checked first, so the
    # rules themselves only run at the few words that can open a timex.
    head = r"(?<!\w)[وف]?[بل]?(?=\d|ال\d|" + _first_words() + r"(?!\w))"
    return re.compile(head + "(?:" + "|".join(alts) + ")")


def _first_words() -> str:
    defined_units = [f for f, (_u, c) in LEX.units.items() if c in ("pl", "2")]
    words = [
        *LEX.weekdays,
        *LEX.rel_days,
        *LEX.ordinals,
        *LEX.months,
        *LEX.cardinals,
        *LEX.units,
        *LEX.sets,
        *LEX.anaphoric,
        *(f for f, _k in LEX.parts),
        *_lines("blockers.txt"),
        *("ال" + u for u in defined_units),
        "شهر",
        "قبل",
        "كل",
        "الساعه",
        "هذا",
        "هذه",
        "اليوم",
        "الاسبوع",
        "الشهر",
        "العام",
        "السنه",
        "عام",
        "سنه",
        "القرن",
        "فصل",
        "موسم",
        "مطلع",
        "اوائل",
        "اواخر",
        "نهايه",
        "منتصف",
        "بدايه",
        "اواسط",
        *LEX.refs,
        *LEX.decades,
        *LEX.seasons,
        *LEX.year_parts,
        *LEX.holidays,
    ]
    return trie_regex_of(w.split()[0] for w in map(_norm, words))


MATCHER = _compile()


def _rule_groups() -> dict[str, tuple[str, ...]]:
    """The named groups inside each rule (in pattern order), for cheap field reads."""
    by_index = sorted(MATCHER.groupindex.items(), key=lambda kv: kv[1])
    rules = {name for name, _body in _RULES}
    out: dict[str, list[str]] = {}
    current = ""
    for name, _i in by_index:
        if name in rules:
            current = name
            out[name] = []
        else:
            out[current].append(name)
    return {k: tuple(v) for k, v in out.items()}


RULE_GROUPS = _rule_groups()
