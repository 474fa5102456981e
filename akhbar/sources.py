"""Registered sources: which folders a run reads, and how.

The registry lives in ``<warehouse>/sources.json`` (human-readable, one
entry per source) and is read at the start of every run, so a source added
today is picked up by the next scheduled run without a redeploy. With no
registry file, the project's ``seeds/`` folder is the one source. The first
``add`` writes the file with seeds in it only if the warehouse already holds
the seeds' rows (then they are a source like any other, removed with
``remove seeds --purge``); a warehouse whose first command is ``add`` never
reads them.

A source is its folder: within one warehouse a name means one folder, as
recorded in the committed manifest. A run of another folder under a name
already taken is refused (:func:`plan_sources`), so it can never mark the
first folder's files deleted.
"""

from __future__ import annotations

import codecs
import json
import os
import uuid
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from akhbar.config import SEEDS_DIR, is_source_name, source_name_for
from tasks.formats import registry as formats
from tasks.load.parts import Store
from tasks.load.purge import PurgeResult, purge_source

__all__ = [
    "FIELD_KEYS",
    "FORMATS",
    "Source",
    "SourceError",
    "add_source",
    "adhoc_sources",
    "articles_per_source",
    "check_folders",
    "load_sources",
    "parse_fields",
    "plan_sources",
    "purge",
    "remove_source",
    "safe_name",
    "save_sources",
]

REGISTRY_NAME = "sources.json"
REGISTRY_FORMAT = 1
# "auto" reads every kind of file it recognises by suffix; the others restrict a source to
# one (tasks/formats/registry.py is the one list of formats).
FORMATS: dict[str, tuple[str, ...]] = {name: formats.suffixes(name) for name in formats.names()}
# Article fields a JSONL field map may name (``--field KEY=FIELD``).
FIELD_KEYS = ("text", "title", "published_at", "url", "outlet", "author")


class SourceError(ValueError):
    """A user mistake about sources: shown as one line, never a traceback."""


@dataclass(frozen=True)
class Source:
    name: str
    path: str
    format: str = "auto"
    encoding: str = "auto"
    timezone: str | None = None
    outlet: str | None = None
    fields: dict[str, str] = field(default_factory=dict)

    def options(self) -> dict:
        return asdict(self)

    def suffixes(self) -> tuple[str, ...]:
        return FORMATS.get(self.format, FORMATS["auto"])


def safe_name(raw: str) -> str:
    """A partition-safe name derived from a folder name (Arabic letters kept)."""
    return source_name_for(raw)


def default_sources() -> list[Source]:
    return [Source("seeds", str(SEEDS_DIR))]


def registry_path(warehouse: Path) -> Path:
    return warehouse / REGISTRY_NAME


def load_sources(warehouse: Path) -> list[Source]:
    """The registered sources; one clear ``SourceError`` if the file is damaged."""
    path = registry_path(warehouse)
    if not path.exists():
        return default_sources()
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["sources"]
        return [Source(**e) for e in entries]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise SourceError(f"cannot read {path}: {type(e).__name__}: {e}") from None


def save_sources(warehouse: Path, sources: list[Source]) -> Path:
    """Write the registry atomically (temp file + rename): a run never reads half a file."""
    warehouse.mkdir(parents=True, exist_ok=True)
    path = registry_path(warehouse)
    body = {"format": REGISTRY_FORMAT, "sources": [s.options() for s in sources]}
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def parse_fields(pairs: list[str]) -> dict[str, str]:
    """``["text=content", ...]`` -> ``{"text": "content"}``, checking the keys."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise SourceError(f"--field wants KEY=FIELD, got {pair!r}")
        if key not in FIELD_KEYS:
            raise SourceError(f"unknown --field key {key!r} (one of {', '.join(FIELD_KEYS)})")
        out[key] = value
    return out


def _check_folder(raw: str) -> Path:
    p = Path(raw).expanduser()
    if not p.exists():
        raise SourceError(f"no such folder: {raw}")
    if not p.is_dir():
        raise SourceError(f"not a folder: {raw}")
    if not os.access(p, os.R_OK | os.X_OK):
        raise SourceError(f"folder is not readable: {raw}")
    return p.resolve()


def _check_options(fmt: str, encoding: str, timezone: str | None, fields: dict) -> None:
    if fmt not in FORMATS:
        raise SourceError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if encoding != "auto":
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise SourceError(f"unknown encoding {encoding!r}") from None
    if timezone is not None:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise SourceError(f"unknown time zone {timezone!r} (e.g. Asia/Damascus)") from None
    if fields and fmt in ("txt", "html"):
        raise SourceError(f"--field applies to .jsonl files, not to format {fmt!r}")


def _registered(warehouse: Path) -> list[Source]:
    """What ``add`` starts from: the registry, or the seeds if the warehouse holds them."""
    if registry_path(warehouse).exists():
        return load_sources(warehouse)
    held = Store(warehouse).source_names()
    return [s for s in default_sources() if s.name in held]


def add_source(warehouse: Path, source: Source) -> Source:
    """Validate and register ``source``; returns it with its path made absolute.

    The first ``add`` keeps the default seeds registered only if the warehouse
    already holds their rows.
    """
    if not is_source_name(source.name):
        raise SourceError(
            f"bad source name {source.name!r}: letters, digits, '_', '.', '-' "
            "(starting with a letter or digit, at most 64)"
        )
    folder = _check_folder(source.path)
    _check_options(source.format, source.encoding, source.timezone, source.fields)
    current = _registered(warehouse)
    for s in current:
        if s.name == source.name:
            raise SourceError(f"a source named {source.name!r} is already registered ({s.path})")
        if Path(s.path) == folder:
            raise SourceError(f"{folder} is already registered as {s.name!r}")
    new = Source(**{**source.options(), "path": str(folder)})
    bound = bound_folders(warehouse)
    check_folders([new], bound, warehouse)
    for name, path in bound.items():
        if Path(path) == folder and name != new.name:
            raise SourceError(
                f"{folder} was read as source {name!r}: register it under that name, "
                f"or purge it first (akhbar sources remove {name} --purge)"
            )
    save_sources(warehouse, [*current, new])
    return new


def remove_source(warehouse: Path, name: str) -> Source:
    current = load_sources(warehouse)
    keep = [s for s in current if s.name != name]
    if len(keep) == len(current):
        known = ", ".join(s.name for s in current) or "none"
        raise SourceError(f"no source named {name!r} (registered: {known})")
    save_sources(warehouse, keep)
    return next(s for s in current if s.name == name)


def adhoc_sources(paths: list[str], known: Collection[Source] = ()) -> list[Source]:
    """Sources for ``akhbar run PATH ...``: a folder already known (registered, or read
    before) is that source; any other is named after the folder."""
    out: list[Source] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if not p.is_dir():
            raise SourceError(f"not a folder: {raw}")
        folder = p.resolve()
        same = next((s for s in known if Path(s.path) == folder), None)
        out.append(same or Source(safe_name(folder.name), str(folder)))
    names = [s.name for s in out]
    if len(set(names)) != len(names):
        raise SourceError(f"two folders share a name: {', '.join(names)}")
    return out


def recorded_sources(warehouse: Path) -> list[Source]:
    """The sources the warehouse has read, as the committed manifest records them."""
    out = []
    for name, opts in Store(warehouse).manifest.sources.items():
        try:
            out.append(Source(**{**opts, "name": name}))
        except TypeError:  # a record from a newer akhbar: at least its folder
            out.append(Source(name, str(opts.get("path", ""))))
    return out


def bound_folders(warehouse: Path) -> dict[str, str]:
    """Source name -> the folder whose rows that name holds in the warehouse.

    Recorded in the manifest by every run; a warehouse written before that
    took its folders from the registry (or the default seeds).
    """
    recorded = {s.name: s.path for s in recorded_sources(warehouse)}
    unrecorded = [s for s in load_sources(warehouse) if s.name not in recorded]
    if not unrecorded:
        return recorded
    held = Store(warehouse).source_names()  # reads the index and ledger: only when needed
    return {s.name: s.path for s in unrecorded if s.name in held} | recorded


def check_folders(sources: list[Source], bound: dict[str, str], warehouse: Path) -> None:
    """Refuse a source whose name the warehouse already uses for another folder."""
    for s in sources:
        other = bound.get(s.name)
        if other is not None and Path(other) != Path(s.path):
            raise SourceError(
                f"source {s.name!r} in {warehouse} is the folder {other}, not {s.path}: "
                f"register {s.path} under another name (akhbar sources add NAME {s.path})"
            )


def plan_sources(warehouse: Path, paths: list[str] | None) -> list[Source]:
    """The sources a run reads: the given folders, else every registered source.

    One-line ``SourceError`` for a folder that is not there, an unsafe name
    (a hand-edited registry) or a name the warehouse uses for another folder.
    """
    registered = load_sources(warehouse)
    if paths:
        sources = adhoc_sources(paths, [*registered, *recorded_sources(warehouse)])
    else:
        sources = registered
    for s in sources:  # a name becomes a folder under the warehouse: refuse ../x and friends
        if not is_source_name(s.name):
            raise SourceError(f"unsafe source name {s.name!r} (letters, digits, _ . - only)")
    check_folders(sources, bound_folders(warehouse), warehouse)
    return sources


def articles_per_source(warehouse: Path) -> dict[str, int]:
    """How many articles the warehouse holds per source (from its index: no database)."""
    counts: dict[str, int] = {}
    for r in Store(warehouse).index().values():
        counts[r["source"]] = counts.get(r["source"], 0) + 1
    return counts


def purge(warehouse: Path, name: str, on_wait: Callable[[str], None] | None = None) -> PurgeResult:
    """Stop reading ``name`` and remove every row it brought, under the warehouse lock.

    The source may be registered, or only held (read ad hoc, or removed
    without ``--purge`` before); ``SourceError`` if it is neither.
    """
    from tasks.load.lock import warehouse_lock
    from tasks.views import build_database

    with warehouse_lock(warehouse, on_wait=on_wait):
        store = Store(warehouse)
        registered = load_sources(warehouse)
        if name not in store.source_names() and all(s.name != name for s in registered):
            known = ", ".join(sorted({s.name for s in registered} | store.source_names()))
            raise SourceError(f"no source named {name!r} in {warehouse} (known: {known or 'none'})")
        if any(s.name == name for s in registered):
            save_sources(warehouse, [s for s in registered if s.name != name])
        stamp = f"purge-{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
        result = purge_source(store, name, stamp)
        if store.manifest.version:
            build_database(warehouse, store)
    return result


def split_available(sources: list[Source]) -> tuple[list[Source], list[Source]]:
    """(sources whose folder is there, sources whose folder is missing right now).

    A registered folder that vanished (unmounted disk, renamed) is skipped by
    the run rather than read as empty, which would mark all its files deleted.
    """
    ok = [s for s in sources if Path(s.path).is_dir()]
    return ok, [s for s in sources if s not in ok]
