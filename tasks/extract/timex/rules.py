"""Turn one matcher hit into a candidate with its parsed fields, or reject it.

Only the checks a regex cannot express cheaply live here (a bare singular
unit needs a duration signal before it, an ambiguous month name needs a day,
a year or "شهر", an age is not a duration ...).  Resolution against a
reference date is in ``timex_resolve``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from tasks.extract.timex.lexicon import LEX, RULE_GROUPS, trie_regex_of

__all__ = ["Cand", "parse", "twelve_hour"]

# Characters looked at before a unit for a duration signal ("على مدار" is
# the longest signal, 9 characters; 16 leaves room for spaces and a number).
SIGNAL_WINDOW = 16
# Characters before a bare weekday searched for a future marker: about one
# clause (the 001 seed puts "سيعلن" 38 characters before "الثلاثاء").
FUTURE_WINDOW = 80
# A four-digit number read as a year when it stands alone: years of modern news
# (1900-2100); earlier years need "عام" or a century to be read.
BAREYEAR_MIN, BAREYEAR_MAX = 1900, 2100
# A Hijri month has 29 or 30 days.
HIJRI_MONTH_MAX = 30
# Plausible hours on a 24-hour clock; "29:10" is a score or a ratio.
MAX_HOUR = 23

_SENT_END = re.compile(r"[.!?\n;]")
_WORD = re.compile(r"\w+")
# Where a future verb can stand: after "أن/إنه" (and a subject of up to two
# words: "إن الوفد سيعود", "إن بايدن سيلتقي") or as the first word of
# a clause (with "و"/"ف" glued on).  Only there is "س" + imperfect read as
# the future particle; elsewhere "سيرغي" or "ساميايروف" are names.
_FUTURE = re.compile(
    rf"(?:^|[,:\"]|(?<!\w){trie_regex_of(LEX.future_sites)}\s+(?:\w+\s+){{0,2}})\s*[وف]?"
    rf"({trie_regex_of(LEX.future_prefixes)}\w{{2,}})"
)


@dataclass
class Cand:
    """One temporal expression before resolution (offsets into ``norm``)."""

    rule: str
    s: int
    e: int
    f: dict = field(default_factory=dict)  # parsed fields, rule-specific


def parse(m: re.Match[str], norm: str) -> Cand | None:
    rule = m.lastgroup
    if rule is None or rule == "block":
        return None
    g = {k: v for k in RULE_GROUPS[rule] if (v := m.group(k)) is not None}
    s, e = m.span(rule)
    fn = _PARSERS.get(rule)
    f = fn(g, norm, s, e) if fn else dict(g)
    return None if f is None else Cand(rule, s, e, f)


def _num(text: str | None) -> int | float | None:
    """Digits or a number word; None for vague quantities ("بضعة") or none."""
    if text is None:
        return None
    text = " ".join(text.split())
    if text in LEX.cardinals:
        return LEX.cardinals[text]
    v = float(text.replace(",", "."))
    return int(v) if v.is_integer() else v


def _month(name: str) -> int:
    return LEX.months[" ".join(name.split())]


def _dmy(g: dict, norm: str, s: int, e: int) -> dict | None:
    day = int(g["a_d"]) if "a_d" in g else LEX.ordinals[" ".join(g["a_o"].split())]
    wd = LEX.weekdays.get(g.get("a_wd", ""))
    year = int(g["a_y"]) if "a_y" in g else None
    if not _valid(year or 2000, _month(g["a_m"]), day):  # 2000: a leap year, 29 February is fine
        return None
    mod = LEX.mods.get(g.get("a_mod", ""))
    return {"m": _month(g["a_m"]), "d": day, "y": year, "wd": wd, "mod": mod}


def _dayrange(g: dict, norm: str, s: int, e: int) -> dict | None:
    day, month = int(g["q_d"]), _month(g["q_m"])
    year = int(g["q_y"]) if "q_y" in g else None
    if not _valid(year or 2000, month, day):
        return None
    return {"m": month, "d": day, "y": year, "wd": None, "mod": None}


def _hijri(g: dict, norm: str, s: int, e: int) -> dict | None:
    hm = LEX.hijri[" ".join(g["h_m"].split())]
    if int(g["h_d"]) > HIJRI_MONTH_MAX:
        return None
    return {"hm": hm, "hd": int(g["h_d"]), "hy": int(g["h_y"]) if "h_y" in g else None}


def _numdate(g: dict, norm: str, s: int, e: int) -> dict | None:
    if "n_d" in g:
        y, m, d = int(g["n_y"]), int(g["n_m"]), int(g["n_d"])
    else:
        y, m, d = int(g["i_y"]), int(g["i_m"]), int(g["i_d"])
    if not _valid(y, m, d):
        return None  # "31/02/2022", "12/13/2020": not a day/month/year date
    return {"m": m, "d": d, "y": y, "wd": None, "mod": None}


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _my(g: dict, norm: str, s: int, e: int) -> dict | None:
    return {"m": _month(g["b_m"]), "y": int(g["b_y"])}


def _mon(g: dict, norm: str, s: int, e: int) -> dict | None:
    name = " ".join(g["m_m"].split())
    if name in LEX.ambiguous_months and "m_sh" not in g:
        return None  # "مارس" the verb, "آب" the father
    return {"m": _month(name), "mod": LEX.mods.get(g.get("m_mod", ""))}


def _ordrel(g: dict, norm: str, s: int, e: int) -> dict | None:
    day = int(g["r_d"]) if "r_d" in g else LEX.ordinals[" ".join(g["r_o"].split())]
    return {"d": day, "mod": LEX.mods.get(g.get("r_mod", ""), 0)}


def _clock(g: dict, norm: str, s: int, e: int) -> dict | None:
    h, mi = int(g["k_h"]), int(g["k_m"])
    return _hm(h, mi, g.get("k_ap"))


def _clockw(g: dict, norm: str, s: int, e: int) -> dict | None:
    h = int(g["c_h"]) if "c_h" in g else LEX.hours[" ".join(g["c_w"].split())]
    mi = LEX.fracs.get(" ".join(g.get("c_f", "").split()), 0)
    if mi < 0:
        h, mi = h - 1, 60 + mi
    return _hm(h, mi, g.get("c_ap"))


def _hm(h: int, mi: int, ap: str | None) -> dict | None:
    part = _part_code(ap) if ap else None
    h = twelve_hour(h, part)
    if h > MAX_HOUR or mi > 59:
        return None
    return {"h": h, "mi": mi, "part": part}


def twelve_hour(h: int, part: str | None) -> int:
    """24-hour value of a 12-hour clock word: "الثامنة مساء" is 20:00,
    "الثانية ظهرا" 14:00, "الحادية عشرة ليلا" 23:00 but "الثانية ليلا" 02:00."""
    if (
        (part in ("EV", "AF") and h < 12)
        or (part == "MI" and h < 6)
        or (part == "NI" and 6 <= h < 12)
    ):
        return h + 12
    return h


def _part_code(word: str) -> str | None:
    for kind in ("adverb", "noun"):
        hit = LEX.parts.get((" ".join(word.split()), kind))
        if hit:
            return hit[0]
    return None


def _ana(g: dict, norm: str, s: int, e: int) -> dict | None:
    if "p_day" in g:
        return {"dir": LEX.anaphoric[" ".join(g["p_day"].split())][1], "n": 1, "u": "D"}
    unit, count = LEX.units[g["p_u"]]
    n = _num(g.get("p_n")) if "p_n" in g else (None if count == "pl" else int(count))
    return {"dir": LEX.anaphoric[" ".join(g["p_dir"].split())][1], "n": n, "u": unit}


def _ago(g: dict, norm: str, s: int, e: int) -> dict | None:
    unit, count = LEX.units[g["g_u"]]
    n = _num(g.get("g_n")) if "g_n" in g else (None if count == "pl" else int(count))
    return {"n": n, "u": unit}


def _set(g: dict, norm: str, s: int, e: int) -> dict | None:
    if "s_f" in g:
        return {"value": LEX.sets[" ".join(g["s_f"].split())]}
    wd = LEX.weekdays["ال" + g["s_wd"]]
    if wd == 7 and "s_y" not in g:
        return None  # "لكل أحد" is "for everyone"
    return {"value": f"XXXX-WXX-{wd}"}


def _wd(g: dict, norm: str, s: int, e: int) -> dict | None:
    rel = LEX.rel_days[" ".join(g["w_rel"].split())][0] if "w_rel" in g else None
    mod = LEX.mods.get(g.get("w_mod", ""))
    future = mod is None and rel is None and _future_before(norm, s)
    return {"wd": LEX.weekdays[g["w_wd"]], "rel": rel, "mod": mod, "future": future}


def _rel(g: dict, norm: str, s: int, e: int) -> dict | None:
    off, part = LEX.rel_days[" ".join(g["d_rel"].split())]
    return {"rel": off, "part": part}


def _part(g: dict, norm: str, s: int, e: int) -> dict | None:
    code, needs_prep = LEX.parts[(" ".join(g["t_p"].split()), "noun")]
    if needs_prep and not _signal_before(norm, s, prep_only=True):
        return None  # "ظهر" the verb ("ظهر الرئيس اليوم")
    return {"part": code}


def _period(g: dict, norm: str, s: int, e: int) -> dict | None:
    unit = g.get("e_u") or g["e_u2"]
    if unit == "العام" and "e_u2" in g and _prev_word(norm, s) in LEX.not_year_before:
        return None  # "المدعي العام الحالي"
    return {"u": unit, "shift": LEX.mods.get(g.get("e_mod", ""), 0)}


def _year(g: dict, norm: str, s: int, e: int) -> dict | None:
    if g.get("y_h", "").startswith("ه"):
        return None  # a Hijri year spans two Gregorian years: no single value
    return {"y": int(g["y_y"])}


def _plper(g: dict, norm: str, s: int, e: int) -> dict | None:
    if "l_d" in g:
        return {"n": int(g["l_d"]), "u": LEX.units[g["l_u2"]][0]}
    if "l_u3" in g:  # "الأسبوعين الماضيين"
        return {"n": 2, "u": LEX.units[g["l_u3"]][0]}
    n = None
    if "l_n" in g:  # "الأربع والعشرين": cardinals with the article, added up
        parts = [w.removeprefix("و").removeprefix("ال") for w in g["l_n"].split()]
        values = [LEX.cardinals.get(w) for w in parts]
        n = sum(values) if None not in values else None  # type: ignore[arg-type]
    return {"n": n, "u": LEX.units[g["l_u"]][0]}


def _dur(g: dict, norm: str, s: int, e: int) -> dict | None:
    unit, count = LEX.units[g["u_u"]]
    has_num = "u_n" in g or "u_one" in g  # "يوم واحد" counts like "1 يوم"
    if count == "1" and not has_num and not _signal_before(norm, s):
        return None  # "عقد اجتماعا" (held), "بشكل عام" (general)
    if count == "pl" and not has_num and not _signal_before(norm, s, clitic=True):
        return None  # "دقائق القراءة": a bare plural is not a duration
    n = _num(g.get("u_n")) if "u_n" in g else (None if count == "pl" else int(count))
    return {"n": n, "u": unit}


def _prev_word(norm: str, s: int) -> str:
    words = _WORD.findall(norm, max(0, s - 20), s)
    return words[-1] if words else ""


def _signal_before(norm: str, s: int, *, clitic: bool = False, prep_only: bool = False) -> bool:
    """Is the expression at ``s`` introduced by a duration signal or a preposition?"""
    if clitic and s > 0 and norm[s - 1] == "ل":
        return True  # "لساعات"
    head = " ".join(norm[max(0, s - SIGNAL_WINDOW) : s].split())
    if prep_only:
        return bool(re.search(r"(?:^|\s)(?:عند|في|من|قبل|بعد|حتي|منذ)$", head))
    return any(
        head.endswith(sig) and (len(head) == len(sig) or head[-len(sig) - 1] in " ,")
        for sig in LEX.signals
        if sig != "ل"
    )


def _future_before(norm: str, s: int) -> bool:
    """A future marker earlier in the same sentence ("إنه سيعلن ... الثلاثاء")."""
    lo = max(0, s - FUTURE_WINDOW)
    cut = [m.end() for m in _SENT_END.finditer(norm, lo, s)]
    window = norm[cut[-1] if cut else lo : s]
    if any(w in window for w in LEX.future_words):
        return True
    return any(m.group(1) not in LEX.future_stop for m in _FUTURE.finditer(window))


def _century(g: dict, norm: str, s: int, e: int) -> dict | None:
    n = LEX.centuries.get(" ".join(g["cy_n"].split())) if "cy_n" in g else None
    return {"n": n, "mod": LEX.mods.get(g.get("cy_mod", ""))}


def _decade(g: dict, norm: str, s: int, e: int) -> dict | None:
    d = LEX.decades[" ".join(g["de_d"].split())]
    n = LEX.centuries.get(" ".join(g["de_cn"].split())) if "de_cn" in g else None
    return {"d": d, "n": n, "mod": LEX.mods.get(g.get("de_cm", ""))}


def _ypart(g: dict, norm: str, s: int, e: int) -> dict | None:
    y = g.get("yp_y") or g.get("yp_y2")
    return {
        "part": LEX.year_parts[" ".join(g["yp_p"].split())],
        "y": int(y) if y else None,
        "shift": LEX.mods.get(g.get("yp_mod", ""), 0),
    }


def _season(g: dict, norm: str, s: int, e: int) -> dict | None:
    return {
        "code": LEX.seasons[g["se_s"]],
        "y": int(g["se_y"]) if "se_y" in g else None,
        "mod": LEX.mods.get(g.get("se_mod", "")),
    }


def _holiday(g: dict, norm: str, s: int, e: int) -> dict | None:
    cal, md = LEX.holidays[" ".join(g["hd_h"].split())]
    m, d = (int(x) for x in md.split("-"))
    return {"cal": cal, "m": m, "d": d, "mod": LEX.mods.get(g.get("hd_mod", ""))}


def _ref(g: dict, norm: str, s: int, e: int) -> dict | None:
    form = " ".join(g["rf"].split())
    if form == "المستقبل" and not _signal_before(norm, s, prep_only=True):
        return None  # "المستقبل" the noun ("تيار المستقبل") unless "في المستقبل"
    return {"value": LEX.refs[form]}


def _yearedge(g: dict, norm: str, s: int, e: int) -> dict | None:
    return {"y": int(g["ye_y"])}


def _bareyear(g: dict, norm: str, s: int, e: int) -> dict | None:
    """A year written alone ("في 2003", "2002م"): a plausible year, not followed by the
    noun it would count ("2000 شخص") nor glued to other digits or a decimal point."""
    y = int(g["by_y"])
    if not BAREYEAR_MIN <= y <= BAREYEAR_MAX:
        return None
    if "by_m" in g:
        return {"y": y}
    nxt = _WORD.match(norm, e + 1) if norm[e : e + 1] == " " else None
    if nxt and nxt.group() not in LEX.after_year and not nxt.group().isdigit():
        return None  # "2000 شخص", "1500 دولار": a count
    if norm[e : e + 1] in ("%", "\u066a") or norm[max(0, s - 1) : s] in ("$",):
        return None
    return {"y": y}


_PARSERS = {
    "dmy": _dmy,
    "dayrange": _dayrange,
    "hijri": _hijri,
    "numdate": _numdate,
    "isodate": _numdate,
    "my": _my,
    "mon": _mon,
    "ordrel": _ordrel,
    "clock": _clock,
    "clockw": _clockw,
    "ana": _ana,
    "ago": _ago,
    "set": _set,
    "wd": _wd,
    "rel": _rel,
    "part": _part,
    "period": _period,
    "year": _year,
    "century": _century,
    "decade": _decade,
    "ypart": _ypart,
    "season": _season,
    "holiday": _holiday,
    "ref": _ref,
    "yearedge": _yearedge,
    "bareyear": _bareyear,
    "plper": _plper,
    "dur": _dur,
}
