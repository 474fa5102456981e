"""``.jsonl`` dumps: one JSON object per line, one article per object.

A source's field map (``--field text=content``) says which JSON field feeds
each article field; unmapped keys read the field of the same name. Line N
becomes the article ``FILE#N``; a line that is not JSON, not an object, or
has no text is quarantined alone. Blank lines are not articles and are
skipped (numbering still follows the physical lines).
"""

from __future__ import annotations

import hashlib
import json

from akhbar.config import MAX_FILE_BYTES
from tasks.decode import decode_bytes
from tasks.discover import Candidate, FileInfo
from tasks.formats.items import Item
from tasks.formats.meta import META_KEYS, clean_meta

__all__ = ["LINE_SEP", "line_path", "parse_line", "read", "read_jsonl"]

LINE_SEP = "#"
# Longest reason text kept for a malformed line (the JSON error plus a snippet).
MAX_REASON_CHARS = 200


def line_path(path: str, lineno: int) -> str:
    return f"{path}{LINE_SEP}{lineno}"


def _field(obj: dict, fields: dict[str, str], key: str) -> object:
    """``fields[key]`` may be dotted (``meta.date``) for scrapers that nest."""
    value: object = obj
    for part in fields.get(key, key).split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def parse_line(
    data: bytes, *, fields: dict[str, str], encoding: str, timezone: str | None
) -> tuple[str | None, dict, str | None, str | None]:
    """(text, meta, encoding, quarantine reason) for one line's bytes."""
    if len(data) > MAX_FILE_BYTES:
        return None, {}, None, f"line too large ({len(data)} bytes > limit {MAX_FILE_BYTES})"
    enc = "utf-8-sig" if encoding == "auto" else encoding
    try:
        raw = data.decode(enc)
    except (UnicodeDecodeError, LookupError) as e:
        return None, {}, None, f"line not decodable as {enc}: {e}"[:MAX_REASON_CHARS]
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        return None, {}, None, f"malformed JSON: {e.msg} (column {e.colno})"
    if not isinstance(obj, dict):
        return None, {}, None, f"not a JSON object but {type(obj).__name__}"
    text = _field(obj, fields, "text")
    name = fields.get("text", "text")
    if not isinstance(text, str) or not text.strip():
        why = "missing" if text is None else "empty or not a string"
        return None, {}, None, f"text field {name!r} {why}"
    dec = decode_bytes(text.encode("utf-8"), "utf-8")  # same newline/control checks as files
    if dec.text is None:
        return None, {}, None, f"text field {name!r}: {dec.reason}"
    meta = clean_meta({k: _field(obj, fields, k) for k in META_KEYS}, timezone, fields)
    return dec.text, meta, "utf-8" if enc == "utf-8-sig" else enc, None


def _read_lines(path: str, span: tuple[int, int, int, int] | None) -> tuple[list[bytes], int]:
    """(lines, number of the first one): the whole file, or the chunk ``span`` names."""
    with open(path, "rb") as fh:
        if span is None:
            return fh.read().split(b"\n"), 1
        fh.seek(span[0])
        return fh.read(span[1] - span[0]).split(b"\n"), span[2]


def read_jsonl(
    info: FileInfo, opts: dict, span: tuple[int, int, int, int] | None = None
) -> list[Item]:
    """Items for every line of the file, or of the chunk ``span`` (see discover.chunk_multi)."""
    try:
        lines, first = _read_lines(info.abspath, span)
    except OSError as e:
        return [Item(info.path, "", info.size, None, reason=f"read error: {e.strerror or e}")]
    items: list[Item] = []
    fields = opts.get("fields") or {}
    for n, data in enumerate(lines, start=first):
        data = data.removesuffix(b"\r")
        if not data.strip():
            continue
        text, meta, enc, reason = parse_line(
            data,
            fields=fields,
            encoding=opts.get("encoding") or "auto",
            timezone=opts.get("timezone"),
        )
        sha = hashlib.sha256(data).hexdigest()
        path = line_path(info.path, n)
        items.append(Item(path, sha, info.size, text, enc, reason, meta, meta.get("title")))
    if not items and span is None:
        sha = hashlib.sha256(b"".join(lines)).hexdigest()
        items.append(
            Item(info.path, sha, info.size, None, reason="no articles (no non-blank line)")
        )
    return items


def read(cand: Candidate, opts: dict, cache: dict) -> list[Item]:
    """The registry's reader: one item per non-blank line of the file or of its chunk."""
    return read_jsonl(cand.info, opts, cand.span)
