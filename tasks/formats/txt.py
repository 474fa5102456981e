"""``.txt`` articles, with optional per-file metadata from a ``manifest.csv`` beside them.

The manifest has a ``path`` column (relative to the manifest's folder) and
any of ``published_at``, ``url``, ``outlet``, ``author``, ``title``. A
manifest title replaces the text's first line as the headline. A manifest
that cannot be read is ignored (the articles are still ingested).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path, PurePosixPath

from tasks.decode import read_and_decode
from tasks.discover import Candidate, FileInfo
from tasks.formats.items import Item
from tasks.formats.meta import clean_meta

__all__ = ["MANIFEST_NAME", "load_manifest", "posix_key", "read", "read_txt"]

MANIFEST_NAME = "manifest.csv"
# A manifest bigger than this is not a hand-written sidecar; 50 MiB holds
# ~200k rows of typical metadata.
MAX_MANIFEST_BYTES = 50 * 1024 * 1024


def load_manifest(folder: Path) -> dict[str, dict]:
    """``{relative path: raw row}`` from ``folder/manifest.csv``; ``{}`` if absent or unusable."""
    path = folder / MANIFEST_NAME
    try:
        if not path.is_file() or path.stat().st_size > MAX_MANIFEST_BYTES:
            return {}
        raw = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}
    rows = csv.DictReader(io.StringIO(raw))
    if not rows.fieldnames or "path" not in [f.strip() for f in rows.fieldnames]:
        return {}
    out: dict[str, dict] = {}
    for row in rows:
        row = {(k or "").strip(): (v or "") for k, v in row.items()}
        rel = row.get("path", "").strip().replace("\\", "/")
        if rel:
            out[posix_key(rel)] = row
    return out


def posix_key(rel: str) -> str:
    """``rel`` as PurePosixPath writes it ("./a//b/" -> "a/b"); plain names skip pathlib
    (50k manifest rows cost 0.5 s of a no-op run through it)."""
    rel = rel.removeprefix("./")
    odd = not rel or rel == "." or rel.startswith("./")
    if odd or "//" in rel or "/./" in rel or rel.endswith(("/", "/.")):
        return str(PurePosixPath(rel))
    return rel


def _folders_up(info: FileInfo, cache: dict) -> list[str]:
    """The file's folder, then each parent up to the source folder (strings: a no-op
    re-run asks this for every file, and pathlib cost ~2 s of it at 50k files)."""
    here = os.path.dirname(info.abspath)
    key = ("folders-up", here, info.path.count("/"))
    chain = cache.get(key)
    if chain is None:
        chain = [here]
        for _ in range(info.path.count("/")):
            chain.append(os.path.dirname(chain[-1]))
        cache[key] = chain
    return chain


def load_manifest_cached(folder: Path | str, cache: dict) -> dict[str, dict]:
    key = ("manifest", str(folder))
    if key not in cache:
        cache[key] = load_manifest(Path(folder))
    return cache[key]


def manifest_row(info: FileInfo, cache: dict) -> dict:
    """The raw row of the nearest manifest naming this file (a sub-folder's wins), or {}."""
    full = info.abspath
    for folder in _folders_up(info, cache):
        rel = full[len(folder) :].lstrip(os.sep).replace(os.sep, "/")
        row = load_manifest_cached(folder, cache).get(rel)
        if row:
            return row
    return {}


def manifest_meta(info: FileInfo, timezone: str | None, cache: dict) -> dict:
    """The nearest manifest row naming this file, parsed."""
    row = manifest_row(info, cache)
    return clean_meta(row, timezone) if row else {}


def manifest_fingerprint(info: FileInfo, cache: dict) -> str | None:
    """sha256 of the file's manifest row: editing the row re-processes the file."""
    if not info.path.lower().endswith(".txt"):
        return None
    # Most folders have no manifest up their chain: decide that once per folder,
    # so a no-op re-run of 50k files does not walk parents 50k times.
    folder = os.path.dirname(info.abspath)
    key = ("has-manifest", folder)
    if key not in cache:
        cache[key] = any(load_manifest_cached(f, cache) for f in _folders_up(info, cache))
    if not cache[key]:
        return None
    row = manifest_row(info, cache)
    if not row:
        return None
    return hashlib.sha256(json.dumps(row, sort_keys=True).encode("utf-8")).hexdigest()


def read_txt(info: FileInfo, opts: dict, cache: dict) -> Item:
    dec = read_and_decode(info.abspath, opts.get("encoding") or "auto")
    meta = manifest_meta(info, opts.get("timezone"), cache) if dec.text is not None else {}
    return Item(
        path=info.path,
        sha256=dec.sha256,
        size=dec.size,
        text=dec.text,
        encoding=dec.encoding,
        reason=dec.reason,
        meta=meta,
        title=meta.get("title"),
    )


def read(cand: Candidate, opts: dict, cache: dict) -> list[Item]:
    """The registry's reader: one ``.txt`` file is one item."""
    return [read_txt(cand.info, opts, cache)]
