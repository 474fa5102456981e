"""Speed work must not change any output: clean + extract equal a recorded snapshot.

The snapshot (``tests/fixtures/golden/sample.json.gz``) was written by
``bench/profile_extract.py --write-golden`` before the speed work; it holds
the inputs too, so it does not depend on the bench corpus generator.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from akhbar.text.sentences import PLAIN_STOP, clause_spans, sentence_spans
from bench.profile_extract import load_golden, snapshot

GOLDEN = load_golden()


def test_sample_is_broad() -> None:
    names = {g["name"].split("/")[0] for g in GOLDEN}
    assert {"seeds", "clean", "bench", "entities", "figures", "timex"} <= names
    assert sum(len(g["out"]["facts"]["figures"]) for g in GOLDEN) > 500


@pytest.mark.parametrize("chunk", range(8))
def test_outputs_equal_snapshot(chunk: int) -> None:
    for g in GOLDEN[chunk::8]:
        got = json.loads(json.dumps(snapshot(g["text"]), ensure_ascii=False, sort_keys=True))
        if got != g["out"]:
            for part in ("clean", "facts"):
                for k in g["out"][part]:
                    assert got[part][k] == g["out"][part][k], f"{g['name']}: {part}.{k}"
        assert got == g["out"], g["name"]


# The sentence splitter was rewritten as one regex match per sentence; this is
# the loop over boundary marks it replaced, kept as the reference. A stop is no boundary
# before a digit (8.5), another stop (an ellipsis ends once) or ")" ("(...)": words left
# out of a quotation), nor after an initial (a one-letter word: "د.رامي"; the splitter's
# own PLAIN_STOP says which stops are plain).
_REF_END = re.compile(rf"{PLAIN_STOP}(?![\d.\u2026)])|\u2026(?![.\u2026)])|[!?\u061f\u06d4\n]")
_REF_CLAUSE = re.compile(r"[\u060c,\u061b;]")


def _ref_spans(text: str, start: int, end: int, boundary: re.Pattern[str]) -> list:
    out, pos = [], start
    for p in [m.end() for m in boundary.finditer(text, start, end)] + [end]:
        s, e = pos, p
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos = p
    return out


_PIECES = st.text(
    alphabet=list("ab \t\n.5!?\u061f\u06d4\u2026\u060c,\u061b;\u00a0\u0663()"), max_size=30
)


@given(_PIECES, st.integers(0, 30), st.integers(0, 30))
def test_sentence_and_clause_spans_match_reference(text: str, a: int, b: int) -> None:
    a, b = min(a, len(text)), min(max(a, b), len(text))
    assert sentence_spans(text, a, b) == _ref_spans(text, a, b, _REF_END)
    clauses = [
        c for s, e in _ref_spans(text, a, b, _REF_END) for c in _ref_spans(text, s, e, _REF_CLAUSE)
    ]
    assert clause_spans(text, a, b) == clauses


def test_dense_translate_table_equals_the_dict() -> None:
    from akhbar.text.normalize import _dense, _tables

    every = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF)
    every += "\U0001d400\U0001f600"  # above the BMP: unchanged by both
    assert every.translate(_dense()) == every.translate(_tables()[0])
