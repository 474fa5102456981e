"""Speed work must not change any output: clean + extract equal a recorded snapshot.

The snapshot (``tests/fixtures/golden/sample.json.gz``) was written by
``bench/profile_extract.py --write-golden`` before the speed work; it holds
the inputs too, so it does not depend on the bench corpus generator.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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
