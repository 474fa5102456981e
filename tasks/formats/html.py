"""Saved ``.html`` pages: the main text through trafilatura, then the Arabic clean stage.

The stored document is the extracted main text with the page's headline as
its first line (trafilatura usually keeps the ``<h1>``; when it does not,
the title from the page's metadata is put first), so the clean stage finds
the headline where it finds it in a ``.txt`` article. Title, date and author
come from the page's metadata (``<meta>``, JSON-LD, ``<time>``).
"""

from __future__ import annotations

from tasks.decode import decode_bytes, read_and_decode
from tasks.discover import Candidate, FileInfo
from tasks.formats.items import Item
from tasks.formats.meta import clean_meta

__all__ = ["extract_html", "read", "read_html"]

NO_TEXT = "no article text found in the HTML page"
# Below this many characters of main text (after the headline) a page is an index,
# a login wall or an error page: trafilatura falls back to nav links there
# ("الرئيسية", 8 characters). A one-sentence news brief has 60 or more.
MIN_BODY_CHARS = 40
# Keep the time of day when the page states it (trafilatura's default is date only).
DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}

# What the output format above makes of a page that states only a date.
MIDNIGHT = "T00:00:00"


def extract_html(html: str, timezone: str | None = None) -> tuple[str | None, dict]:
    """(document text or None, metadata) for one page."""
    import trafilatura  # ~0.3 s to import: only sources with pages pay for it

    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        date_extraction_params=DATE_PARAMS,
    )
    if doc is None or not (doc.text or "").strip():
        return None, {}
    date = doc.date
    if date and date.endswith(MIDNIGHT):  # a bare date formatted with a time: keep it a day
        date = date.removesuffix(MIDNIGHT)
    raw = {
        "title": doc.title,
        "published_at": date,
        "url": doc.url,
        "outlet": doc.sitename,
        "author": doc.author,
    }
    meta = clean_meta(raw, timezone)
    text = doc.text.strip()
    title = meta.get("title")
    if len(text.removeprefix(title or "").strip()) < MIN_BODY_CHARS:
        return None, {}
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    dec = decode_bytes(text.encode("utf-8"), "utf-8")  # newline normalisation, control checks
    return dec.text, meta


def read_html(info: FileInfo, opts: dict) -> Item:
    dec = read_and_decode(info.abspath, opts.get("encoding") or "auto")
    if dec.text is None:
        return Item(info.path, dec.sha256, dec.size, None, reason=dec.reason)
    try:
        text, meta = extract_html(dec.text, opts.get("timezone"))
    except Exception as e:  # a parser failure costs one page, not the batch
        reason = f"HTML extraction failed: {type(e).__name__}: {e}"
        return Item(info.path, dec.sha256, dec.size, None, reason=reason)
    if text is None:
        return Item(info.path, dec.sha256, dec.size, None, reason=NO_TEXT)
    return Item(info.path, dec.sha256, dec.size, text, dec.encoding, None, meta, None)


def read(cand: Candidate, opts: dict, cache: dict) -> list[Item]:
    """The registry's reader: one saved page is one item."""
    return [read_html(cand.info, opts)]
