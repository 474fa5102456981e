"""One text through the warehouse's own code path, for ``akhbar extract``.

Same decode, same HTML extraction, same ``article.analyse`` (clean then
extract) and ``article.article_rows`` as a run, so what it prints is what the
warehouse holds for that text; no warehouse is read or written.
"""

from __future__ import annotations

from datetime import date

from akhbar.schemas import EXTRACT_TABLES
from tasks.decode import decode_bytes, text_id
from tasks.formats.items import kind_of
from tasks.process.article import analyse, article_rows
from tasks.story import story_day
from tasks.story.infer import StoryEvidence

__all__ = ["FACT_TABLES", "UnreadableText", "extract_one"]

# Output order: the removed spans first, then what was found in what remained, then
# any stage that failed (the extract stage's tables, entity_defs shown as "entities").
FACT_TABLES = ("boilerplate", *("entities" if t == "entity_defs" else t for t in EXTRACT_TABLES))


class UnreadableText(ValueError):
    """The input cannot be decoded (or holds no article): one line for the user."""


def extract_one(
    data: bytes,
    *,
    name: str = "-",
    encoding: str = "auto",
    timezone: str | None = None,
    ingest_date: date | None = None,
    evidence: dict[str, StoryEvidence] | None = None,
) -> dict:
    """``{"article": {...}, "text": ..., <table>: [rows with offsets], ...}`` for one input.

    ``evidence`` (dated articles of a warehouse) lets an undated text be dated
    from its story exactly as ``akhbar run`` would date it.
    """
    dec = decode_bytes(data, encoding)
    if dec.text is None:
        raise UnreadableText(f"{name}: {dec.reason}")
    text, meta = dec.text, {}
    if kind_of(name) == "html":
        from tasks.formats.html import extract_html

        text, meta = extract_html(dec.text, timezone)
        if text is None:
            raise UnreadableText(f"{name}: no article text found in the HTML page")
    aid = text_id(text)
    ingest = ingest_date or date.today()
    cleaned, facts = analyse(text, meta=meta, ingest_date=ingest)
    day = story_day(cleaned.published_at or meta.get("published_at"), facts, evidence or {})
    if day is not None:
        cleaned, facts = analyse(text, meta=meta, ingest_date=ingest, story_date=day)
    article = article_rows(
        aid, cleaned, source="-", path=name, run_id="", timezone=timezone, meta=meta
    )
    for key in ("source", "run_id", "duplicate_of"):
        article.pop(key)
    out: dict = {"article": article, "text": text, "boilerplate": cleaned.boilerplate}
    out["entities"] = facts.get("entity_defs", [])
    for table in EXTRACT_TABLES:
        if table != "entity_defs":
            out[table] = facts.get(table, [])
    return out
