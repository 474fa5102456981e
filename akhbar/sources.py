"""Registered sources: which folders a run reads, and how.

The registry lives in ``<warehouse>/sources.json`` (human-readable, one
entry per source) and is read at the start of every run, so a source added
today is picked up by the next scheduled run without a redeploy. With no
registry file, the project's ``seeds/`` folder is the one source; the first
``add`` writes the file with seeds in it, so seeds stays registered until
it is removed.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from akhbar.config import SEEDS_DIR
from tasks.formats import registry as formats

__all__ = [
    "FIELD_KEYS",
    "FORMATS",
    "Source",
    "SourceError",
    "add_source",
    "adhoc_sources",
    "load_sources",
    "parse_fields",
    "remove_source",
    "safe_name",
    "save_sources",
]

REGISTRY_NAME = "sources.json"
REGISTRY_FORMAT = 1
# Source names become partition folders (source=NAME) and SQL values: keep them boring.
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
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
    """A partition-safe name derived from a folder name."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", raw).strip("-.") or "source"
    return name[:64]


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


def add_source(warehouse: Path, source: Source) -> Source:
    """Validate and register ``source``; returns it with its path made absolute."""
    if not _SAFE_NAME.match(source.name):
        raise SourceError(
            f"bad source name {source.name!r}: letters, digits, '_', '.', '-' "
            "(starting with a letter or digit, at most 64)"
        )
    folder = _check_folder(source.path)
    _check_options(source.format, source.encoding, source.timezone, source.fields)
    current = load_sources(warehouse)
    for s in current:
        if s.name == source.name:
            raise SourceError(f"a source named {source.name!r} is already registered ({s.path})")
        if Path(s.path) == folder:
            raise SourceError(f"{folder} is already registered as {s.name!r}")
    new = Source(**{**source.options(), "path": str(folder)})
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


def adhoc_sources(paths: list[str]) -> list[Source]:
    """Sources for ``akhbar run PATH ...``: named after each folder."""
    out: list[Source] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if not p.is_dir():
            raise SourceError(f"not a folder: {raw}")
        out.append(Source(safe_name(p.resolve().name), str(p.resolve())))
    names = [s.name for s in out]
    if len(set(names)) != len(names):
        raise SourceError(f"two folders share a name: {', '.join(names)}")
    return out


def split_available(sources: list[Source]) -> tuple[list[Source], list[Source]]:
    """(sources whose folder is there, sources whose folder is missing right now).

    A registered folder that vanished (unmounted disk, renamed) is skipped by
    the run rather than read as empty, which would mark all its files deleted.
    """
    ok = [s for s in sources if Path(s.path).is_dir()]
    return ok, [s for s in sources if s not in ok]
