"""Registered sources: which folders a run reads, and how.

The registry lives in ``<warehouse>/sources.json`` (human-readable, one
entry per source) and is read at the start of every run, so a source added
today is picked up by the next scheduled run without a redeploy. With no
registry file, the project's ``seeds/`` folder is the one source.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from akhbar.config import SEEDS_DIR

__all__ = ["Source", "SourceError", "adhoc_sources", "load_sources", "safe_name"]

REGISTRY_NAME = "sources.json"
# Source names become partition folders (source=NAME) and SQL values: keep them boring.
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class SourceError(ValueError):
    """A user mistake about sources: shown as one line, never a traceback."""


@dataclass(frozen=True)
class Source:
    name: str
    path: str
    format: str = "txt"
    encoding: str = "auto"
    timezone: str | None = None
    outlet: str | None = None
    fields: dict[str, str] = field(default_factory=dict)

    def options(self) -> dict:
        return asdict(self)


def safe_name(raw: str) -> str:
    """A partition-safe name derived from a folder name."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", raw).strip("-.") or "source"
    return name[:64]


def load_sources(warehouse: Path) -> list[Source]:
    path = warehouse / REGISTRY_NAME
    if not path.exists():
        return [Source("seeds", str(SEEDS_DIR))]
    entries = json.loads(path.read_text(encoding="utf-8"))["sources"]
    return [Source(**e) for e in entries]


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
