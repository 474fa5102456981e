"""Story dating: an undated article takes its writing day from the dated articles of its story.

- :mod:`tasks.story.infer`: the inference (shared entities, a window, a unique weekday);
- :mod:`tasks.story.evidence`: each dated article's day and entities, from the warehouse
  and from this run's staged parts;
- :mod:`tasks.story.hold`: holding a run's undated articles until its end, then
  re-extracting them with the inferred day.

``akhbar run`` and ``akhbar extract --warehouse`` both date through here.
"""

from __future__ import annotations

from datetime import date

from akhbar.config import DB_NAME
from tasks.load.ledger import RunLedger
from tasks.story.evidence import EVIDENCE_TABLES, evidence_from_parts, load_evidence
from tasks.story.hold import StoryHold
from tasks.story.infer import EvidenceIndex, StoryEvidence, infer_story_date, weekday_counts

__all__ = ["StoryHold", "load_evidence", "stage_held", "story_day"]


def stage_held(ledger: RunLedger, hold: StoryHold, ingest_date: date) -> int:
    """At the end of a run: date the held articles from their story (the committed
    warehouse's and this run's staged articles), re-extract those dated, and stage all
    of them as one batch. Returns how many were dated."""
    if not hold.held_ids:
        return 0
    store = ledger.store
    evidence = load_evidence(store.root / DB_NAME)
    evidence.update(evidence_from_parts({t: store.staged_parts(t) for t in EVIDENCE_TABLES}))
    tables, dated = hold.resolve(evidence, ingest_date)
    ledger.stage_tables(tables, sorted(hold.held_ids), f"{ledger.run_id}-story")
    return dated


def story_day(published_at: object, facts: dict, evidence: dict[str, StoryEvidence]) -> date | None:
    """The story day of one extracted text (``akhbar extract``), or None."""
    weekdays = weekday_counts(published_at, facts.get("timex", []))
    if not weekdays or not evidence:
        return None
    entities = frozenset(m["entity_id"] for m in facts.get("mentions", []))
    return infer_story_date(entities, weekdays, EvidenceIndex(evidence))
