"""People named without a title, found by a common given name.

"سجله يوسف النصيري", "وسجل للأهلي محمد مجدي أفشة وحسين الشحات", "بزعامة نوري المالكي".
Only given names that are not also common words start such a name (``given_names.tsv``,
ambiguous=0); the name is read with the same rules as after a title and needs two words.
"""

from __future__ import annotations

import re

from tasks.extract.common.gazetteer import lexicon
from tasks.extract.entities.rules import (
    MIN_NAME_TOKENS,
    NO_SPELLING,
    Hit,
    Spelled,
    person_hit,
    read_name,
    words,
)

__all__ = ["discover_given"]

_PREV = re.compile(r"([^\s_]+)[\s_]+$")  # a hashtag's words are joined by _


def discover_given(
    norm: str,
    given: list[tuple[int, int, int]],
    at: dict[int, Hit],
    sp: Spelled = NO_SPELLING,
) -> list[Hit]:
    """Two-or-more-word names opened by a given name (``Scan.given``)."""
    wd, lex = words(), lexicon()
    out: list[Hit] = []
    for tok, ns, _ne in given:
        if ns in at or tok in at or norm[ns:_ne] in lex.nisba:
            continue
        prev = _PREV.search(norm, max(0, ns - 12), ns)
        if prev and prev.group(1) in wd.links:
            continue  # inside a longer name: "أبو محمد ..."
        if prev and prev.group(1) in wd.given:
            continue  # the second of a compound given name: "جان ماري لوبان" opens at جان
        end, linked, count = read_name(norm, ns, at, wd, lex, sp)
        if end is None or linked is not None or count < MIN_NAME_TOKENS:
            continue
        out.append(person_hit(norm, ns, end, None, "given"))
    return out
