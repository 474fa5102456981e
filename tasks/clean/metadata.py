"""Bylines, source credits and datelines: who wrote it, from where, for whom.

All three are read on the raw line split at its separators; each segment is
normalised on its own, so surfaces (author names, places) are returned in
their original spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from akhbar.text.normalize import NormText
from tasks.clean.evidence import reads_as_prose
from tasks.clean.lexicon import LEX, norm
from tasks.clean.lines import Line

__all__ = ["Credit", "parse_byline", "parse_credit", "parse_dateline"]

# A byline line is short: "وكالات – الثورة – حرر التقرير الإخباري ريم صالح:" has
# 9 words; bylines with a title and a place ("كتب: محمد علي - مراسل الجزيرة في
# الخرطوم") stay under 12. Longer lines that start with "كتب" are prose.
BYLINE_MAX_WORDS = 12
# An outlet named in a byline is a short proper name ("الثورة", "الشرق الأوسط",
# "سكاي نيوز عربية"): at most this many words.
OUTLET_MAX_WORDS = 3
# A place in a dateline: "جاكرتا", "ألما آتا", "رام الله", "دار السلام"; three
# words cover the multi-word capitals of the Arab world and Asia.
PLACE_MAX_WORDS = 3

_SEP = re.compile(r"\s*[\u2013\u2014|\u2022\u00b7/]\s*|\s+-+\s*|\s*-+\s+")
_PUNCT = " :\u060c,.-\u2013\u2014\"'()\u00ab\u00bb\u201c\u201d"
_SPLIT_NAMES = re.compile(r"\s*(?:[+/\u060c,&]|\s\u0648(?=\S))\s*")


@dataclass
class Credit:
    author: str | None = None
    outlet: str | None = None
    place: str | None = None
    agencies: list[str] = field(default_factory=list)


def _agency(segment: str) -> str | None:
    """Canonical agency name when the whole segment is one."""
    return LEX.agency.get(" ".join(norm(segment.strip(_PUNCT)).split()))


def parse_byline(line: Line) -> Credit | None:
    """A short line of segments: agencies, a place, an outlet and "بقلم/كتب ... NAME".

    "وكالات – الثورة – حرر التقرير الإخباري ريم صالح:", "كتبت - سارة علي",
    "الكويت – القبس – كتب فهد الصباح:". Of two unknown short segments the
    first is the place, the second the outlet; of one, it is the outlet.
    """
    if line.words > BYLINE_MAX_WORDS or line.prose or reads_as_prose(line.raw, verbs=False):
        return None  # "مراسلة: هل يسهّل الروس زيارتهم؟" is a transcript line, not a byline
    credit, found, pending, others = Credit(), False, False, []
    outlet_at = 0  # how many unknown segments came before the outlet
    for seg in _SEP.split(line.raw):
        seg = seg.strip(_PUNCT)
        if not seg:
            continue
        n = norm(seg)
        m = LEX.byline_re.match(n)
        agency = _agency(seg)
        if pending and not agency:  # "كتبت - NAME": the name is the next segment
            credit.author, pending = credit.author or seg, False
        elif agency:
            credit.agencies.append(agency)
        elif m and m.end() < len(n):
            found = True
            s, _ = NormText(seg).span(m.end(), m.end() + 1)
            credit.author = credit.author or seg[s:].strip(_PUNCT) or None
        elif m:
            found = pending = True
        elif _outlet(seg) and credit.outlet is None:
            credit.outlet, outlet_at = seg, len(others)
        elif len(seg.split()) <= OUTLET_MAX_WORDS and len(others) < 2:
            others.append(seg)
        else:
            return None
    if pending:
        return None
    if credit.outlet is not None:  # a known outlet: "PLACE - OUTLET" or "OUTLET - NAME"
        if not found and len(others) != 1:
            return None
        if not found:
            if outlet_at == 0:
                credit.author = others[0]
            else:
                credit.place = others[0]
        return credit
    if not found:
        return None
    credit.place = others[0] if len(others) == 2 else None
    credit.outlet = others[-1] if others else None
    return credit


def _outlet(segment: str) -> bool:
    return " ".join(norm(segment.strip(_PUNCT)).split()) in LEX.outlets


def parse_credit(body: str) -> list[str]:
    """Names credited after "المصدر:" ("سبوتنيك", "الجزيرة + وكالات")."""
    out = []
    for part in _SPLIT_NAMES.split(body.strip(_PUNCT)):
        part = part.strip(_PUNCT)
        if part:
            out.append(_agency(part) or part)
    return out


_PLACE = rf"[^\W\d_]+(?:\s+[^\W\d_]+){{0,{PLACE_MAX_WORDS - 1}}}"
_PAREN = r"\s*\((?P<paren>[^()\d]{1,40})\)"
# "دبي، الإمارات العربية المتحدة (CNN)—": a country after the city, before the agency.
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?:\s*[\u060c,]\s*{_PLACE}(?=\s*\())?(?:{_PAREN})?"
    rf"(?:\s*/\s*{_PLACE}(?:\s*\([^()\d]{{1,40}}\))?){{0,4}}"
    r"\s*(?:(?P<dash>[-\u2013\u2014]{1,2})\s*(?P<agency>[^\W\d_][^\s:]*(?:\s+[^\W\d_]+){0,2})?\s*:?"
    r"|(?P<colon>:))"
)


def parse_dateline(line: Line) -> tuple[int, str, list[str]] | None:
    """(end of the dateline prefix in the line, place, agencies) or None.

    Forms: "جاكرتا --", "بيروت (رويترز) -", "القاهرة - وكالات:",
    "ألما آتا (كازاخستان)/ موسكو/ بكين -وكالات", "غزة/ الأناضول". A colon ends
    a dateline only when an agency stands in brackets ("دمشق (سانا):").
    """
    n = line.n
    m = _DATELINE.match(n)
    if not m:
        return _slash_agency(line)
    glued = m["dash"] and _hyphen(n, m.start("dash"), m.end("dash"))
    if glued and not (m["agency"] and _agency(m["agency"])):
        return None  # "قال شين تاي-يونغ": a hyphen in a name ("دمشق-سانا" is a dateline)
    end = m.end()
    if m["agency"] and not _agency(m["agency"]):
        end = m.start("agency")  # the words after the dash are the sentence
    if m["colon"] and not (m["paren"] and _agency(m["paren"])):
        return None
    agencies = [LEX.agency[" ".join(a.group().split())] for a in LEX.agency_re.finditer(n, 0, end)]
    while end > 0 and n[end - 1].isspace():
        end -= 1
    _, e = line.nt.span(0, end)
    place_s, place_e = line.nt.span(m.start("place"), m.end("place"))
    return e, line.raw[place_s:place_e], agencies


def _hyphen(n: str, start: int, end: int) -> bool:
    """A dash glued to letters on both sides joins two parts of a word or name."""
    return start > 0 and end < len(n) and n[start - 1].isalpha() and n[end].isalpha()


def _slash_agency(line: Line) -> tuple[int, str, list[str]] | None:
    """Anadolu style: "PLACE/ الأناضول" (optionally followed by a dash)."""
    place, sep, rest = line.n.partition("/")
    if not sep or not place.strip() or len(place.split()) > PLACE_MAX_WORDS:
        return None
    m = LEX.agency_re.match(rest.lstrip())
    if not m:
        return None
    end = len(place) + 1 + (len(rest) - len(rest.lstrip())) + m.end()
    ext = re.match(r"\s*[-:]+", line.n[end:])
    end += ext.end() if ext else 0
    _, e = line.nt.span(0, end)
    ps, pe = line.nt.span(0, len(place.rstrip()))
    return e, line.raw[ps:pe], [LEX.agency[" ".join(m.group().split())]]
