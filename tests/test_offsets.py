"""Provenance: every extracted row's offsets select its surface in documents.text."""

from __future__ import annotations

from pathlib import Path

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.clean import clean
from tasks.extract import extract_article

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
SURFACE = {"mentions": "surface", "figures": "surface", "timex": "surface", "quotes": "quote"}


def _check(text: str) -> None:
    cleaned = clean(text)
    assert len(cleaned.visible) == len(text)
    for b in cleaned.boilerplate:
        assert text[b["start"] : b["end"]] == b["text"]
    facts = extract_article(cleaned)
    for table, col in SURFACE.items():
        for row in facts[table]:
            assert text[row["start"] : row["end"]] == row[col], (table, row)


def test_seed_offsets():
    for path in SEEDS:
        _check(path.read_text(encoding="utf-8"))


# Article-like text assembled from seed sentences and random noise, so the
# property covers what the extractors meet, not only random characters.
SENTENCES = [s for p in SEEDS for s in p.read_text(encoding="utf-8").split("\n") if s.strip()]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=30),
)
def test_offsets_property(sentences, noise):
    _check("\n\n".join([*sentences, noise]))


def test_warehouse_offsets(seeded_warehouse):
    con = duckdb.connect(str(seeded_warehouse / "akhbar.duckdb"), read_only=True)
    for view, col in {**SURFACE, "boilerplate": "text"}.items():
        bad = con.execute(
            f"""select count(*) from {view} v join documents d using (article_id)
                where substr(d.text, v."start" + 1, v."end" - v."start") <> v.{col}"""
        ).fetchone()[0]
        assert bad == 0, view
