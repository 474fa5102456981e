"""People named without a title, found by a common given name.

"سجله يوسف النصيري", "وسجل للأهلي محمد مجدي أفشة وحسين الشحات", "بزعامة نوري المالكي".
Only given names that are not also common words start such a name (``given_names.tsv``,
ambiguous=0); the name is read with the same rules as after a title and needs two words.
"""

from __future__ import annotations

import re
from functools import cache

from akhbar.data import read_rows
from akhbar.tasks.extract.entities_rules import (
    MIN_NAME_TOKENS,
    Hit,
    _read_name,
    person_hit,
    words,
)
from akhbar.tasks.extract.gazetteer import LETTER_AFTER, LETTER_BEFORE, key, lexicon, trie_regex

__all__ = ["discover_given"]

_PREV = re.compile(r"(\S+)\s+$")


@cache
def _given_re() -> re.Pattern[str]:
    lex = lexicon()
    names = [key(r[0]) for r in read_rows("gazetteer/given_names.tsv") if r[1] == "0"]
    body = trie_regex(sorted(n for n in names if n not in lex.nisba))
    return re.compile(f"{LETTER_BEFORE}[\u0648\u0641]?(?P<n>{body}){LETTER_AFTER}")


def discover_given(norm: str, at: dict[int, Hit]) -> list[Hit]:
    wd, lex = words(), lexicon()
    out: list[Hit] = []
    for m in _given_re().finditer(norm):
        ns = m.start("n")
        if ns in at or m.start() in at:
            continue
        prev = _PREV.search(norm, max(0, ns - 12), ns)
        if prev and prev.group(1) in wd.links:
            continue  # inside a longer name: "أبو محمد ..."
        end, linked, count = _read_name(norm, ns, at, wd, lex)
        if end is None or linked is not None or count < MIN_NAME_TOKENS:
            continue
        out.append(person_hit(norm, ns, end, None, "given"))
    return out
