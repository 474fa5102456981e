"""Hold undated articles until the run has seen their story, then date and stage them.

Most articles carry a publication date and never stop here. One that has
neither a date nor an inferable day but mentions weekdays is kept out of its
batch's parts; at the end of the run its writing day is inferred from the
dated articles of the same story (this run's and the warehouse's,
:mod:`tasks.story.infer`), it is extracted again with that day as an
``inferred`` anchor, and staged with everything else before the commit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from akhbar.schemas import ARTICLE_TABLES, EXTRACT_TABLES
from tasks.process.article import analyse
from tasks.story.infer import EvidenceIndex, StoryEvidence, infer_story_date, weekday_counts

__all__ = ["MAX_HELD", "StoryHold", "reextract_with_story_date"]

# Articles held per run at most; beyond it they are staged undated at once.
# A held article costs ~15 KB of Arrow rows (text, body, facts) and up to
# ~1 ms of neighbour search, so 2,000 bound the hold at ~30 MB and ~2 s
# whatever the size of the run. Real feeds are mostly dated; a dump where
# thousands of articles are undated has few dated siblings to learn from.
MAX_HELD = 2000


@dataclass
class StoryHold:
    held_ids: set[str] = field(default_factory=set)
    weekdays: dict[str, Counter[int]] = field(default_factory=dict)
    _parts: dict[str, list[pa.Table]] = field(default_factory=dict)

    def consider(self, tables: dict[str, pa.Table]) -> set[str]:
        """Take the batch's undated weekday-only articles out of it; returns their ids."""
        arts = tables["articles"]
        undated = arts.filter(pc.is_null(arts["published_at"]))["article_id"]
        if len(undated) == 0 or len(self.held_ids) >= MAX_HELD:
            return set()
        tx = tables["timex"].filter(pc.is_in(tables["timex"]["article_id"], value_set=undated))
        by_article: dict[str, list[dict]] = {}
        for row in tx.select(["article_id", "value", "anchor"]).to_pylist():
            by_article.setdefault(row["article_id"], []).append(row)
        held: set[str] = set()
        for aid in undated.to_pylist():
            counts = weekday_counts(None, by_article.get(aid, []))
            if counts and len(self.held_ids) + len(held) < MAX_HELD:
                held.add(aid)
                self.weekdays[aid] = counts
        if held:
            keep = pa.array(sorted(held), pa.string())
            for t, data in tables.items():
                part = data.filter(pc.is_in(data["article_id"], value_set=keep))
                self._parts.setdefault(t, []).append(part)
            self.held_ids |= held
        return held

    def resolve(
        self, evidence: dict[str, StoryEvidence], ingest_date: date
    ) -> tuple[dict[str, pa.Table], int]:
        """The held articles' tables, re-extracted where a story date was found."""
        tables = {t: pa.concat_tables(ps) for t, ps in self._parts.items()}
        entities = _entities(tables["mentions"])
        index = EvidenceIndex(evidence)
        dated = {}
        for aid in sorted(self.held_ids):
            day = infer_story_date(entities.get(aid, frozenset()), self.weekdays[aid], index)
            if day is not None:
                dated[aid] = day
        if dated:
            tables = _replace_facts(tables, dated, ingest_date)
        return tables, len(dated)


def _entities(mentions: pa.Table) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in mentions.select(["article_id", "entity_id"]).to_pylist():
        out.setdefault(r["article_id"], set()).add(r["entity_id"])
    return {a: frozenset(e) for a, e in out.items()}


def reextract_with_story_date(
    document: dict, article: dict, ingest_date: date, story_date: date
) -> dict[str, list[dict]]:
    """Facts of an already-processed article again, anchored on its story's day."""
    title = article["title"] if article["title_start"] is None else None  # from metadata
    _cleaned, facts = analyse(
        document["text"], title=title, ingest_date=ingest_date, story_date=story_date
    )
    return facts


def _replace_facts(
    tables: dict[str, pa.Table], dated: dict[str, date], ingest_date: date
) -> dict[str, pa.Table]:
    docs = {r["article_id"]: r for r in tables["documents"].to_pylist() if r["article_id"] in dated}
    arts = {r["article_id"]: r for r in tables["articles"].to_pylist() if r["article_id"] in dated}
    new_rows: dict[str, list[dict]] = {t: [] for t in EXTRACT_TABLES}
    for aid, day in dated.items():
        facts = reextract_with_story_date(docs[aid], arts[aid], ingest_date, day)
        for t in EXTRACT_TABLES:
            new_rows[t].extend(
                {"article_id": aid, "run_id": arts[aid]["run_id"], **r} for r in facts[t]
            )
    gone = pa.array(sorted(dated), pa.string())
    out = dict(tables)
    for t in EXTRACT_TABLES:
        kept = tables[t].filter(pc.invert(pc.is_in(tables[t]["article_id"], value_set=gone)))
        fresh = pa.Table.from_pylist(new_rows[t], schema=ARTICLE_TABLES[t])
        out[t] = pa.concat_tables([kept.cast(ARTICLE_TABLES[t]), fresh])
    return out
