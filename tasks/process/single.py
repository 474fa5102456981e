"""One text through the warehouse's own code path, for ``akhbar extract``.

Same decode, same HTML extraction, same ``article.analyse`` (clean then
extract) and ``article.article_rows`` as a run, so what it prints is what the
warehouse holds for that text; no warehouse is read or written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from akhbar.schemas import EXTRACT_TABLES
from tasks.decode import decode_bytes, text_id
from tasks.formats.items import kind_of
from tasks.formats.jsonl import LINE_SEP, parse_line
from tasks.formats.registry import format_of
from tasks.process.article import analyse, article_rows
from tasks.story import story_day
from tasks.story.infer import StoryEvidence

__all__ = ["FACT_TABLES", "UnreadableText", "extract_one", "read_input", "split_line_ref"]

# Output order: the removed spans first, then what was found in what remained, then
# any stage that failed (the extract stage's tables, entity_defs shown as "entities").
FACT_TABLES = ("boilerplate", *("entities" if t == "entity_defs" else t for t in EXTRACT_TABLES))


class UnreadableText(ValueError):
    """The input cannot be decoded (or holds no article): one line for the user."""


def split_line_ref(ref: str) -> tuple[str, int | None]:
    """``dump.jsonl#3`` -> (``dump.jsonl``, 3); anything else -> (ref, None).

    A file whose name really ends in ``#N`` is read whole.
    """
    base, sep, n = ref.rpartition(LINE_SEP)
    if sep and n.isdigit() and int(n) >= 1 and format_of(base).multi and not Path(ref).exists():
        return base, int(n)
    return ref, None


def read_input(ref: str, lineno: int | None) -> bytes:
    """The bytes of a file, or of line ``lineno`` of a one-article-a-line dump.

    Raises ``UnreadableText`` for a line that is not there, or for a dump of
    several articles named without a line (it is not one article).
    """
    data = Path(ref).read_bytes()
    if not format_of(ref).multi:
        return data
    lines = data.split(b"\n")
    if lineno is None:
        numbered = [i for i, line in enumerate(lines, 1) if line.strip()]
        if len(numbered) != 1:
            raise UnreadableText(
                f"{ref} holds {len(numbered)} articles, one per line: "
                f"name one as {ref}{LINE_SEP}N (N from 1)"
            )
        lineno = numbered[0]
    if lineno > len(lines) or not lines[lineno - 1].strip():
        raise UnreadableText(f"{ref}: line {lineno} holds no article")
    return lines[lineno - 1].removesuffix(b"\r")


def extract_one(
    data: bytes,
    *,
    name: str = "-",
    encoding: str = "auto",
    timezone: str | None = None,
    ingest_date: date | None = None,
    evidence: dict[str, StoryEvidence] | None = None,
    fields: dict[str, str] | None = None,
) -> dict:
    """``{"article": {...}, "text": ..., <table>: [rows with offsets], ...}`` for one input.

    ``evidence`` (dated articles of a warehouse) lets an undated text be dated
    from its story exactly as ``akhbar run`` would date it. For a ``.jsonl``
    name, ``data`` is one line and ``fields`` its field map (``--field``).
    """
    text, meta, title = _document(data, name, encoding, timezone, fields or {})
    aid = text_id(text)
    ingest = ingest_date or date.today()
    cleaned, facts = analyse(text, meta=meta, title=title, ingest_date=ingest)
    day = story_day(cleaned.published_at or meta.get("published_at"), facts, evidence or {})
    if day is not None:
        cleaned, facts = analyse(text, meta=meta, title=title, ingest_date=ingest, story_date=day)
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


def _document(
    data: bytes, name: str, encoding: str, timezone: str | None, fields: dict[str, str]
) -> tuple[str, dict, str | None]:
    """(document text, metadata, headline from metadata) as the source's reader makes them."""
    base = split_line_ref(name)[0]
    if format_of(base).multi:  # one line of a dump, as tasks.formats.jsonl reads it
        text, meta, _enc, reason = parse_line(
            data, fields=fields, encoding=encoding, timezone=timezone
        )
        if text is None:
            raise UnreadableText(f"{name}: {reason}")
        return text, meta, meta.get("title")
    dec = decode_bytes(data, encoding)
    if dec.text is None:
        raise UnreadableText(f"{name}: {dec.reason}")
    if kind_of(base) != "html":
        return dec.text, {}, None
    from tasks.formats.html import extract_html

    text, meta = extract_html(dec.text, timezone)
    if text is None:
        raise UnreadableText(f"{name}: no article text found in the HTML page")
    return text, meta, None
